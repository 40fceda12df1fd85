// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_GNB_N3_H
#define NR_SECURITY_GNB_N3_H

#include "ns3/application.h"
#include "ns3/ipv4-address.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace ns3
{

class NrSecurityGnbRrc;

/**
 * \ingroup nr-security
 * \brief One PDU session's N3 tunnel as the gNB knows it, with its counters.
 */
struct NrSecurityGnbN3Tunnel
{
    uint32_t ueId = 0;        ///< the UE
    uint8_t pduSessionId = 1; ///< the PDU session
    uint8_t qfi = 9;          ///< QFI of the session's QoS flow (uplink containers)
    uint32_t dlTeid = 0;      ///< the gNB's TEID (allocated here)
    uint32_t ulTeid = 0;      ///< the UPF's TEID (0 until SetUplinkTunnel)
    Ipv4Address upf;          ///< the UPF's N3 address
    uint64_t ulPackets = 0;   ///< uplink IP packets sent to the UPF
    uint64_t ulBytes = 0;     ///< their IP bytes
    uint64_t dlPackets = 0;   ///< downlink IP packets handed to the RRC (DRB)
    uint64_t dlBytes = 0;     ///< their IP bytes
};

/**
 * \ingroup nr-security
 * \brief The gNB's N3 side (TS 38.300 4.2, TS 29.281): a GTP-U endpoint on UDP port 2152 of
 *        the gNB node that carries each PDU session's user data between the gNB RRC (its
 *        DRBs) and the UPF.
 *
 * Uplink: the RRC's user data (UE id, PDU session, QFI, IP packet) becomes a G-PDU with the
 * session's UL TEID and an UL PDU Session Container with the QFI, sent to the UPF. Downlink: a
 * G-PDU for one of the DL TEIDs allocated here goes to NrSecurityGnbRrc::SendUserData with
 * the QFI of its container (the session's QFI without one).
 *
 * Every refused packet is counted (GetDiscards) and fired on the Discard trace with its
 * reason: "no N3 tunnel for the PDU session", "uplink tunnel not set up", "malformed GTP-U:
 * ...", "GTP-U message type N not handled", "unknown TEID", "peer is not the session's UPF",
 * "RRC refused the packet".
 */
class NrSecurityGnbN3 : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecurityGnbN3();
    ~NrSecurityGnbN3() override;

    /**
     * TracedCallback signature for Discard.
     * \param reason why
     * \param packet the packet as it was when refused
     */
    typedef void (*DiscardTracedCallback)(const std::string& reason, Ptr<const Packet> packet);

    /**
     * \brief Connects the endpoint to the gNB's RRC (installs its user data callback).
     * \param rrc the gNB RRC
     */
    void SetRrc(Ptr<NrSecurityGnbRrc> rrc);

    /**
     * \brief Allocates the DL TEID of a PDU session (NGAP PDU Session Resource Setup Response:
     *        the gNB's DL tunnel information).
     * \param ueId the UE
     * \param pduSessionId the PDU session
     * \param qfi the QFI of its QoS flow, 0..63
     * \return the DL TEID (1, 2, ... unique per gNB)
     */
    uint32_t AddSession(uint32_t ueId, uint8_t pduSessionId, uint8_t qfi);

    /**
     * \brief The UPF's end of a session's tunnel.
     * \param ueId the UE
     * \param pduSessionId the PDU session (AddSession first)
     * \param upf the UPF's N3 address
     * \param ulTeid the UPF's TEID
     * \return false if the session has no DL TEID yet
     */
    bool SetUplinkTunnel(uint32_t ueId, uint8_t pduSessionId, Ipv4Address upf, uint32_t ulTeid);

    /**
     * \param ueId the UE \param pduSessionId the session
     * \return the tunnel with its counters, or nullptr
     */
    const NrSecurityGnbN3Tunnel* GetTunnel(uint32_t ueId, uint8_t pduSessionId) const;

    /// \return the number of packets refused, all reasons together
    uint64_t GetDiscards() const;

    /**
     * \brief Uplink user data from the RRC (the callback SetRrc installs).
     * \param ueId the UE \param pduSessionId its session \param qfi the QFI
     * \param packet the IP packet
     */
    void SendUplink(uint32_t ueId, uint8_t pduSessionId, uint8_t qfi, Ptr<Packet> packet);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;
    void RecvFromN3(Ptr<Socket> socket);
    void Discard(const std::string& reason, Ptr<const Packet> packet);

    Ptr<NrSecurityGnbRrc> m_rrc;                                             ///< the gNB RRC
    Ptr<Socket> m_socket;                                                    ///< UDP 2152
    std::map<std::pair<uint32_t, uint8_t>, NrSecurityGnbN3Tunnel> m_tunnels; ///< by UE, session
    std::map<uint32_t, std::pair<uint32_t, uint8_t>> m_byDlTeid; ///< DL TEID -> UE, session
    uint32_t m_nextDlTeid;                                       ///< next DL TEID
    uint64_t m_discards;                                         ///< refused packets
    TracedCallback<const std::string&, Ptr<const Packet>> m_discardTrace; ///< Discard
};

} // namespace ns3

#endif // NR_SECURITY_GNB_N3_H
