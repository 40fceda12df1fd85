// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_RADIO_BEARER_H
#define NR_SECURITY_RADIO_BEARER_H

#include "nr-security-rb-pdu.h"
#include "nr-security-rrc-bearer-config.h"
#include "ns3/nr-security-pdcp-user.h"
#include "ns3/nr-security-pdcp.h"

#include <cstdint>

namespace ns3
{

class NrSecurityRadioBearer;

/**
 * \ingroup nr-security
 * \brief What an RRC entity implements to own the radio bearers (PDCP entities) of its UEs:
 *        each bearer calls it with itself, so one owner serves any number of UEs and bearers.
 */
class NrSecurityRadioBearerOwner
{
  public:
    virtual ~NrSecurityRadioBearerOwner() = default;
    /**
     * \brief A PDU the bearer's PDCP entity built, with its metadata, to go on the air.
     * \param rb the bearer
     * \param pdu the PDU and metadata
     */
    virtual void BearerTransmit(NrSecurityRadioBearer& rb, const NrSecurityRbPdu& pdu) = 0;
    /**
     * \brief An SDU the bearer's PDCP entity delivered (in COUNT order).
     * \param rb the bearer
     * \param sdu the SDU
     * \param count its COUNT
     */
    virtual void BearerDeliver(NrSecurityRadioBearer& rb, Ptr<Packet> sdu, uint32_t count) = 0;
    /**
     * \brief The bearer's PDCP entity discarded a PDU on a MAC-I mismatch, or a
     *        VerifyDeliveredSdu check failed (TS 38.323 5.9).
     * \param rb the bearer
     * \param count RCVD_COUNT
     * \param receivedMac MAC-I as received
     * \param expectedMac X-MAC
     */
    virtual void BearerIntegrityFailure(NrSecurityRadioBearer& rb,
                                        uint32_t count,
                                        uint32_t receivedMac,
                                        uint32_t expectedMac)
        = 0;
};

/**
 * \ingroup nr-security
 * \brief One radio bearer of one UE on one side: its PDCP entity (SRB1-3 or a DRB), its
 *        identity, and for a DRB the configuration RRCReconfiguration gave it. It is the PDCP
 *        entity's NrSecurityPdcpUser and forwards to the owner with itself; the metadata of
 *        each transmitted PDU (NrSecurityRbPdu) comes from the entity's format and transmit
 *        security when the PDU is built.
 */
class NrSecurityRadioBearer : public NrSecurityPdcpUser
{
  public:
    /**
     * \brief Creates the PDCP entity (12-bit SN for an SRB; for a DRB SN length, SDAP header
     *        and integrity from \p drb).
     * \param owner the RRC entity (must outlive the bearer)
     * \param ueId the UE
     * \param type SRB or DRB (never SRB0)
     * \param rbId SRB identity 1..3 or DRB identity 1..32
     * \param uplinkTx true on the UE (transmits uplink), false on the gNB
     * \param drb DRB configuration (ignored for an SRB); sdapHeaderUl and sdapHeaderDl must be
     *        equal (one PDCP format serves both directions of the entity)
     * \throws std::invalid_argument for an invalid format or different SDAP header presence
     *         per direction
     */
    NrSecurityRadioBearer(NrSecurityRadioBearerOwner* owner,
                          uint32_t ueId,
                          NrSecurityRbType type,
                          uint8_t rbId,
                          bool uplinkTx,
                          const NrSecurityDrbConfig& drb = NrSecurityDrbConfig());
    ~NrSecurityRadioBearer() override;

    NrSecurityRadioBearer(const NrSecurityRadioBearer&) = delete;
    NrSecurityRadioBearer& operator=(const NrSecurityRadioBearer&) = delete;

    /// \return the UE
    uint32_t GetUeId() const;
    /// \return SRB or DRB
    NrSecurityRbType GetType() const;
    /// \return the SRB or DRB identity
    uint8_t GetRbId() const;
    /// \return the PDCP entity
    Ptr<NrSecurityPdcp> GetPdcp() const;
    /// \return the DRB configuration (default for an SRB)
    const NrSecurityDrbConfig& GetDrbConfig() const;
    /// \return DRB: whether the SDUs (both directions) start with an SDAP header
    bool SdapHeader() const;
    /// \return "SRB1", "DRB1", ...
    std::string GetName() const;
    /**
     * \param count a received COUNT
     * \return "none", "integrity" or "integrity+ciphering" (or "ciphering") as the receive
     *         settings for that COUNT apply
     */
    std::string RxProtection(uint32_t count) const;
    /// \return the protection the next transmitted PDU gets, named as RxProtection
    std::string TxProtection() const;
    /// Disposes the PDCP entity; the bearer must not be used afterwards.
    void Dispose();

  private:
    // NrSecurityPdcpUser
    void PdcpTransmitPdu(uint16_t tag, Ptr<Packet> pdu) override;
    void PdcpDeliverSdu(uint16_t tag, Ptr<Packet> sdu, uint32_t count) override;
    void PdcpIntegrityFailure(uint16_t tag,
                              uint32_t count,
                              Ptr<const Packet> sdu,
                              uint32_t receivedMac,
                              uint32_t expectedMac) override;

    NrSecurityRadioBearerOwner* m_owner; ///< the RRC entity
    uint32_t m_ueId;                     ///< UE
    NrSecurityRbType m_type;             ///< SRB or DRB
    uint8_t m_rbId;                      ///< identity
    NrSecurityDrbConfig m_drb;           ///< DRB configuration
    Ptr<NrSecurityPdcp> m_pdcp;          ///< the PDCP entity
};

/**
 * \ingroup nr-security
 * \param s a PDCP security configuration
 * \return "none", "integrity", "ciphering" or "integrity+ciphering"
 */
std::string NrSecurityProtectionName(const NrSecurityPdcpSecurity& s);

} // namespace ns3

#endif // NR_SECURITY_RADIO_BEARER_H
