// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_USER_PLANE_H
#define NR_SECURITY_USER_PLANE_H

#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv4-interface-container.h"
#include "ns3/net-device-container.h"
#include "ns3/node.h"
#include "ns3/nr-security-amf.h"
#include "ns3/nr-security-gnb-n3.h"
#include "ns3/nr-security-gnb-net-device.h"
#include "ns3/nr-security-upf.h"

#include <map>
#include <string>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The user plane NrSecurityHelper builds with EnableUserPlane: a UPF node, one N3
 *        point-to-point link and GTP-U endpoint per gNB, UE addresses and routes, and the
 *        glue that sets up each N3 tunnel when the gNB reports a PDU session set up.
 *
 * Addresses (as ns-3's EPC helpers): UEs 7.0.0.2, 7.0.0.3, ... in 7.0.0.0/8, the UPF's tun
 * device 7.0.0.1 (the UEs' default gateway); N3 links 10.100.0.0/30, 10.100.0.4/30, ... (gNB
 * .1, UPF .2), 10 Gbit/s, no delay, MTU 2000 (the GTP-U, UDP and IP overhead of 44 bytes fits
 * a 1500-byte UE packet); remote hosts of CreateRemoteHost 1.0.0.0/8 over 100 Gbit/s links.
 *
 * Session set-up: when a gNB's RRC fires PduSessionSetup with ok, the gNB's N3 endpoint
 * allocates the DL TEID, the UPF adds the session for the UE's address (AssignUeIpv4Address)
 * and allocates the UL TEID, and the gNB learns it, all at that instant (NGAP PDU Session
 * Resource Setup and N4 are not modelled as messages). The UPF maps one address per UE, so
 * the first session set up carries a UE's traffic; QFI: the first of the session's QoS flows.
 *
 * Path switch (handover, TS 23.502 4.9.1.2.2): when a gNB reports PduSessionSetup for a UE
 * whose session the UPF already has through another gNB (the handover target, after the
 * PATH SWITCH REQUEST or HANDOVER NOTIFY), the target's N3 endpoint allocates a DL TEID, the
 * UPF's session moves to the target's address and TEID (NrSecurityUpf::ModifySession, the UL
 * TEID unchanged) and the target learns the UL TEID. GetPathSwitches() counts them.
 */
class NrSecurityUserPlane
{
  public:
    /// Creates the UPF node (Internet stack, tun device, UPF application).
    explicit NrSecurityUserPlane(Ptr<NrSecurityAmf> amf);
    ~NrSecurityUserPlane();

    /**
     * \brief Connects a gNB: Internet stack on its node (if it has none), the N3 link to the
     *        UPF and the GTP-U endpoint.
     * \param gnb the gNB device
     */
    void AddGnb(Ptr<NrSecurityGnbNetDevice> gnb);

    /**
     * \brief Assigns each UE device an IPv4 address (7.0.0.2 onwards) and sets its node's
     *        default route through the device.
     * \param ues UE devices whose nodes have an Internet stack
     * \return the interfaces
     * \throws std::invalid_argument if a node has no Ipv4 (install InternetStackHelper first)
     */
    Ipv4InterfaceContainer AssignUeIpv4Address(NetDeviceContainer ues);

    /**
     * \brief A remote host: a new node with an Internet stack, a point-to-point link to the
     *        UPF (1.0.0.0/8) and a route to the UE addresses.
     * \return the node
     */
    Ptr<Node> CreateRemoteHost();

    /// \return the UPF node
    Ptr<Node> GetUpfNode() const;
    /// \return the UPF application
    Ptr<NrSecurityUpf> GetUpf() const;
    /// \param gnb a gNB device \return its GTP-U endpoint, or nullptr
    Ptr<NrSecurityGnbN3> GetGnbN3(Ptr<NetDevice> gnb) const;
    /// \return the UEs' default gateway (the UPF's tun device)
    Ipv4Address GetUeDefaultGatewayAddress() const;
    /// \param ueId a UE id \return its address, or 0.0.0.0 if none was assigned
    Ipv4Address GetUeAddress(uint32_t ueId) const;
    /// \return the number of path switches done (sessions moved to another gNB)
    uint64_t GetPathSwitches() const;

  private:
    /// A gNB's PduSessionSetup: sets up the N3 tunnel if ok.
    void PduSessionSetup(Ptr<NrSecurityGnbNetDevice> gnb,
                         uint32_t ueId,
                         uint8_t pduSessionId,
                         uint8_t drbId,
                         bool integrity,
                         bool ciphering,
                         bool ok,
                         const std::string& reason);

    /// A gNB's N3 side.
    struct Gnb
    {
        Ptr<NrSecurityGnbN3> n3; ///< GTP-U endpoint
        Ipv4Address gnbAddress;  ///< its N3 address
        Ipv4Address upfAddress;  ///< the UPF's address on that link
    };

    Ptr<NrSecurityAmf> m_amf;                 ///< for the sessions' QFIs
    Ptr<Node> m_upfNode;                      ///< the UPF node
    Ptr<NrSecurityUpf> m_upf;                 ///< the UPF
    std::map<Ptr<NetDevice>, Gnb> m_gnbs;     ///< by gNB device
    std::map<uint32_t, Ipv4Address> m_ueAddr; ///< UE id -> address
    std::map<uint32_t, uint8_t> m_ueSession;  ///< UE id -> the PDU session with the address
    Ipv4AddressHelper m_ueAddresses;          ///< 7.0.0.0/8
    Ipv4AddressHelper m_n3Addresses;          ///< 10.100.0.0/30, ...
    Ipv4AddressHelper m_remoteAddresses;      ///< 1.0.0.0/8
    uint64_t m_pathSwitches = 0;              ///< sessions moved to another gNB
};

} // namespace ns3

#endif // NR_SECURITY_USER_PLANE_H
