// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_XN_H
#define NR_SECURITY_XN_H

#include "ns3/nr-security-cell-info.h"
#include "ns3/nr-security-xn-message.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <string>

namespace ns3
{

class NrSecurityGnbNetDevice;
class NrSecurityGnbRrc;

/**
 * \ingroup nr-security
 * \brief The Xn interface between the gNBs of a simulation (TS 38.420, XnAP TS 38.423), at the
 *        level of NrSecurityXnMessage: each message reaches the gNB of its targetCellId (or,
 *        when that is 0, of its targetPci) after Delay; the link is ideal (no loss, in order).
 *
 * AddGnb() wires a gNB's RRC: its XnSendCallback sends through this object and its
 * NeighbourLookupCallback finds the other gNBs' cells (by cell id, else by PCI). A message for
 * an unknown cell (or a PCI no gNB has, or one several gNBs share) is dropped, counted
 * (GetUnroutable()) and traced (Unroutable, with the reason). Every message sent is traced
 * (XnMessage) when it is sent.
 */
class NrSecurityXn : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecurityXn();
    ~NrSecurityXn() override;

    /**
     * TracedCallback signature for XnMessage.
     * \param msg the message
     */
    typedef void (*XnMessageTracedCallback)(const NrSecurityXnMessage& msg);
    /**
     * TracedCallback signature for Unroutable.
     * \param msg the message
     * \param reason why it found no gNB
     */
    typedef void (*UnroutableTracedCallback)(const NrSecurityXnMessage& msg,
                                             const std::string& reason);

    /**
     * \brief Connects a gNB: sets its RRC's XnSendCallback and NeighbourLookupCallback. The
     *        gNB is known by the cell id its device has when a message is routed.
     * \param gnb the gNB device
     * \throws std::invalid_argument if a gNB already connected has the same PhysCellId
     */
    void AddGnb(Ptr<NrSecurityGnbNetDevice> gnb);
    /**
     * \brief Connects a gNB RRC directly (tests that wire RRC entities without devices); as
     *        AddGnb.
     * \param rrc the gNB's RRC entity
     * \throws std::invalid_argument if a gNB already connected has the same PhysCellId
     */
    void AddGnbRrc(Ptr<NrSecurityGnbRrc> rrc);

    /**
     * \brief Sends a message to the gNB of msg.targetCellId (else msg.targetPci) after Delay.
     * \param msg the message
     * \return false if no gNB matches now (counted, traced Unroutable)
     */
    bool Send(const NrSecurityXnMessage& msg);

    /**
     * \brief The cell with cellId (if not 0), else the one with pci.
     * \param cellId a cell id, or 0
     * \param pci a PCI (used when cellId is 0)
     * \param[out] out the cell
     * \return false if none (or, by PCI, more than one) matches
     */
    bool LookupCell(uint16_t cellId, uint16_t pci, NrSecurityCellInfo& out) const;

    /// \return messages that found no gNB
    uint64_t GetUnroutable() const;
    /// \return messages sent
    uint64_t GetSent() const;

    /**
     * \param type a message type
     * \return its XnAP name, e.g. "HANDOVER REQUEST"
     */
    static std::string MessageName(NrSecurityXnMessage::Type type);

  protected:
    void DoDispose() override;

  private:
    /// \return the gNB for a message, or nullptr (reason set)
    Ptr<NrSecurityGnbRrc> Route(const NrSecurityXnMessage& msg, std::string& reason) const;
    /// Hands a message to its gNB (resolved again at arrival).
    void Deliver(NrSecurityXnMessage msg);

    Time m_delay;                                         ///< one-way delay
    std::vector<Ptr<NrSecurityGnbRrc>> m_gnbs;            ///< the connected gNBs' RRC entities
    uint64_t m_unroutable = 0;                            ///< dropped
    uint64_t m_sent = 0;                                  ///< sent
    TracedCallback<const NrSecurityXnMessage&> m_xnTrace; ///< XnMessage
    TracedCallback<const NrSecurityXnMessage&, const std::string&>
        m_unroutableTrace; ///< Unroutable
};

} // namespace ns3

#endif // NR_SECURITY_XN_H
