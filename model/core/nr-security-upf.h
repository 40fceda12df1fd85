// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_UPF_H
#define NR_SECURITY_UPF_H

#include "ns3/application.h"
#include "ns3/ipv4-address.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"
#include "ns3/virtual-net-device.h"

#include <cstdint>
#include <map>
#include <string>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief One PDU session as the UPF knows it (TS 23.501 5.8: the N3 tunnel and the UE
 *        address it serves), with its counters.
 */
struct NrSecurityUpfSession
{
    Ipv4Address ue;          ///< the UE's IPv4 address (the PDU session's address)
    Ipv4Address gnb;         ///< the gNB's N3 address (downlink tunnel end)
    uint32_t dlTeid = 0;     ///< the gNB's TEID for this session (downlink)
    uint32_t ulTeid = 0;     ///< the UPF's TEID for this session (uplink), allocated by the UPF
    uint8_t qfi = 9;         ///< QFI written into downlink PDU Session Containers
    uint64_t dlPackets = 0;  ///< IP packets sent down the tunnel
    uint64_t dlBytes = 0;    ///< their IP bytes (GTP-U, UDP, IP overhead excluded)
    uint64_t ulPackets = 0;  ///< IP packets received from the tunnel and forwarded
    uint64_t ulBytes = 0;    ///< their IP bytes
    uint64_t ulDiscards = 0; ///< G-PDUs on this TEID refused (wrong peer, spoofed source)
};

/**
 * \ingroup nr-security
 * \brief The user plane function: the core node's end of the N3 GTP-U tunnels and the
 *        gateway of the UEs' addresses to the rest of the ns-3 network (as ns-3's EPC PGW).
 *
 * Towards the gNBs: a UDP socket on port 2152 (NrSecurityGtpu). Towards the network: a
 * VirtualNetDevice (a tun device) on the same node, carrying the UE address range; the node's
 * IPv4 routing sends packets for a UE to it. Downlink: an IPv4 packet the tun device is asked
 * to send is looked up by destination address, wrapped in a G-PDU with the session's DL TEID
 * and a DL PDU Session Container carrying the session's QFI, and sent to the session's gNB.
 * Uplink: a G-PDU is decoded, looked up by TEID, checked (it must come from the session's gNB
 * and carry the session's UE address as IPv4 source: anti-spoofing) and handed to the node's
 * IP stack through the tun device.
 *
 * Session management (N4 / NGAP in a real network) is modelled by direct calls: the helper
 * calls AddSession when the gNB reports a PDU session set up, and ModifySession when a
 * handover target reports a session the UPF already has (path switch).
 *
 * Every refused packet is counted (GetDiscards) and fired on the Discard trace with its
 * reason: "no PDU session for the destination", "not IPv4", "malformed GTP-U: ...",
 * "GTP-U message type N not handled", "unknown TEID", "peer is not the session's gNB",
 * "source address is not the session's UE address".
 */
class NrSecurityUpf : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecurityUpf();
    ~NrSecurityUpf() override;

    /**
     * TracedCallback signature for packets on a tunnel.
     * \param teid the TEID (DL TEID for Tx, UL TEID for Rx)
     * \param packet the IP packet (without GTP-U)
     */
    typedef void (*TunnelTracedCallback)(uint32_t teid, Ptr<const Packet> packet);
    /**
     * TracedCallback signature for Discard.
     * \param reason why the packet was refused
     * \param packet the packet as received (IP packet downlink, GTP-U message uplink)
     */
    typedef void (*DiscardTracedCallback)(const std::string& reason, Ptr<const Packet> packet);

    /**
     * \brief Sets the tun device towards the network; the UPF installs its send callback.
     * \param tun a VirtualNetDevice on this application's node (NeedsArp false)
     */
    void SetTunDevice(Ptr<VirtualNetDevice> tun);
    /// \return the tun device
    Ptr<VirtualNetDevice> GetTunDevice() const;

    /**
     * \brief Adds (or replaces) the PDU session of a UE address.
     * \param ue the UE's IPv4 address
     * \param gnb the gNB's N3 address
     * \param dlTeid the gNB's TEID for the session
     * \param qfi the QFI of its downlink packets, 0..63
     * \return the UL TEID allocated by the UPF (1, 2, ... unique per UPF; 0 is never used)
     * \throws std::invalid_argument for a QFI above 63
     */
    uint32_t AddSession(Ipv4Address ue, Ipv4Address gnb, uint32_t dlTeid, uint8_t qfi);

    /**
     * \brief Path switch (TS 23.502 4.9.1.2.2 step 4, N4 Session Modification; TS 38.413
     *        8.4.4 PATH SWITCH REQUEST): the session's downlink tunnel moves to another gNB's
     *        N3 address and DL TEID. The UL TEID, the QFI and the counters are kept, so the
     *        target gNB sends uplink on the same TEID; uplink G-PDUs from the old gNB are
     *        refused from now on ("peer is not the session's gNB").
     * \param ue the UE's IPv4 address
     * \param gnb the new gNB's N3 address
     * \param dlTeid the new gNB's TEID for the session
     * \return false if the UE address has no session (nothing changed)
     */
    bool ModifySession(Ipv4Address ue, Ipv4Address gnb, uint32_t dlTeid);

    /**
     * \brief Removes the session of a UE address (its later packets are discarded).
     * \param ue the UE's IPv4 address
     * \return false if there was none
     */
    bool RemoveSession(Ipv4Address ue);

    /**
     * \param ue a UE address
     * \return its session with the counters, or nullptr
     */
    const NrSecurityUpfSession* GetSession(Ipv4Address ue) const;

    /**
     * \param ulTeid an UL TEID the UPF allocated
     * \return its session with the counters, or nullptr
     */
    const NrSecurityUpfSession* GetSessionByUlTeid(uint32_t ulTeid) const;

    /// \return the number of packets refused, all reasons together
    uint64_t GetDiscards() const;

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// The tun device's send callback: a downlink IP packet.
    bool RecvFromTun(Ptr<Packet> packet,
                     const Address& source,
                     const Address& dest,
                     uint16_t protocolNumber);
    /// The N3 socket's receive callback: uplink GTP-U.
    void RecvFromN3(Ptr<Socket> socket);
    /// Counts and traces a refused packet.
    void Discard(const std::string& reason, Ptr<const Packet> packet);

    Ptr<VirtualNetDevice> m_tun;                                          ///< towards the network
    Ptr<Socket> m_socket;                                                 ///< N3, UDP 2152
    std::map<Ipv4Address, NrSecurityUpfSession> m_sessions;               ///< by UE address
    std::map<uint32_t, Ipv4Address> m_byUlTeid;                           ///< UL TEID -> UE address
    uint32_t m_nextUlTeid;                                                ///< next UL TEID
    uint64_t m_discards;                                                  ///< refused packets
    TracedCallback<uint32_t, Ptr<const Packet>> m_dlTxTrace;              ///< DlTx
    TracedCallback<uint32_t, Ptr<const Packet>> m_ulRxTrace;              ///< UlRx
    TracedCallback<const std::string&, Ptr<const Packet>> m_discardTrace; ///< Discard
};

} // namespace ns3

#endif // NR_SECURITY_UPF_H
