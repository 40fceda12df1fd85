// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-user-plane.h"

#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/nr-security-ue-net-device.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityUserPlane");

namespace
{
const char* const UE_NETWORK = "7.0.0.0"; ///< UE addresses
const char* const UE_MASK = "255.0.0.0";  ///< their mask
const char* const UE_GATEWAY = "7.0.0.1"; ///< the UPF's tun device
constexpr uint16_t N3_MTU = 2000;         ///< N3 link MTU (1500 + 44 bytes of tunnel fit)

/// Installs an Internet stack on a node that has none.
void
EnsureInternet(Ptr<Node> node)
{
    if (!node->GetObject<Ipv4>())
    {
        InternetStackHelper().Install(node);
    }
}
} // namespace

NrSecurityUserPlane::NrSecurityUserPlane(Ptr<NrSecurityAmf> amf)
    : m_amf(amf)
{
    m_ueAddresses.SetBase(UE_NETWORK, UE_MASK, "0.0.0.2");
    m_n3Addresses.SetBase("10.100.0.0", "255.255.255.252");
    m_remoteAddresses.SetBase("1.0.0.0", "255.255.255.0");

    m_upfNode = CreateObject<Node>();
    InternetStackHelper().Install(m_upfNode);
    Ptr<VirtualNetDevice> tun = CreateObject<VirtualNetDevice>();
    tun->SetAddress(Mac48Address::Allocate());
    m_upfNode->AddDevice(tun);
    Ptr<Ipv4> ipv4 = m_upfNode->GetObject<Ipv4>();
    const uint32_t i = ipv4->AddInterface(tun);
    ipv4->AddAddress(i, Ipv4InterfaceAddress(UE_GATEWAY, UE_MASK));
    ipv4->SetUp(i);
    m_upf = CreateObject<NrSecurityUpf>();
    m_upf->SetTunDevice(tun);
    m_upfNode->AddApplication(m_upf);
}

NrSecurityUserPlane::~NrSecurityUserPlane() = default;

void
NrSecurityUserPlane::AddGnb(Ptr<NrSecurityGnbNetDevice> gnb)
{
    Ptr<Node> node = gnb->GetNode();
    EnsureInternet(node);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Gbps"));
    p2p.SetDeviceAttribute("Mtu", UintegerValue(N3_MTU));
    p2p.SetChannelAttribute("Delay", StringValue("0s"));
    NetDeviceContainer link = p2p.Install(node, m_upfNode);
    Ipv4InterfaceContainer ifs = m_n3Addresses.Assign(link);
    m_n3Addresses.NewNetwork();
    Gnb g;
    g.gnbAddress = ifs.GetAddress(0);
    g.upfAddress = ifs.GetAddress(1);
    g.n3 = CreateObject<NrSecurityGnbN3>();
    g.n3->SetRrc(gnb->GetRrc());
    node->AddApplication(g.n3);
    m_gnbs[gnb] = g;
    gnb->GetRrc()->TraceConnectWithoutContext(
        "PduSessionSetup", MakeCallback(&NrSecurityUserPlane::PduSessionSetup, this).Bind(gnb));
}

Ipv4InterfaceContainer
NrSecurityUserPlane::AssignUeIpv4Address(NetDeviceContainer ues)
{
    Ipv4InterfaceContainer ifs;
    Ipv4StaticRoutingHelper routing;
    for (auto it = ues.Begin(); it != ues.End(); ++it)
    {
        Ptr<NrSecurityUeNetDevice> ue = DynamicCast<NrSecurityUeNetDevice>(*it);
        if (!ue)
        {
            throw std::invalid_argument("AssignUeIpv4Address: not an NrSecurityUeNetDevice");
        }
        Ptr<Ipv4> ipv4 = ue->GetNode()->GetObject<Ipv4>();
        if (!ipv4)
        {
            throw std::invalid_argument("AssignUeIpv4Address: UE " + std::to_string(ue->GetUeId())
                                        + "'s node has no Internet stack (InternetStackHelper)");
        }
        Ipv4InterfaceContainer one = m_ueAddresses.Assign(NetDeviceContainer(ue));
        routing.GetStaticRouting(ipv4)->SetDefaultRoute(UE_GATEWAY, one.Get(0).second);
        m_ueAddr[ue->GetUeId()] = one.GetAddress(0);
        ifs.Add(one);
    }
    return ifs;
}

Ptr<Node>
NrSecurityUserPlane::CreateRemoteHost()
{
    Ptr<Node> host = CreateObject<Node>();
    InternetStackHelper().Install(host);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("100Gbps"));
    p2p.SetDeviceAttribute("Mtu", UintegerValue(1500));
    p2p.SetChannelAttribute("Delay", StringValue("1ms"));
    NetDeviceContainer link = p2p.Install(m_upfNode, host);
    Ipv4InterfaceContainer ifs = m_remoteAddresses.Assign(link);
    m_remoteAddresses.NewNetwork();
    Ipv4StaticRoutingHelper routing;
    routing.GetStaticRouting(host->GetObject<Ipv4>())
        ->AddNetworkRouteTo(UE_NETWORK, UE_MASK, ifs.GetAddress(0), ifs.Get(1).second);
    return host;
}

Ptr<Node>
NrSecurityUserPlane::GetUpfNode() const
{
    return m_upfNode;
}

Ptr<NrSecurityUpf>
NrSecurityUserPlane::GetUpf() const
{
    return m_upf;
}

Ptr<NrSecurityGnbN3>
NrSecurityUserPlane::GetGnbN3(Ptr<NetDevice> gnb) const
{
    auto it = m_gnbs.find(gnb);
    return it == m_gnbs.end() ? nullptr : it->second.n3;
}

Ipv4Address
NrSecurityUserPlane::GetUeDefaultGatewayAddress() const
{
    return Ipv4Address(UE_GATEWAY);
}

Ipv4Address
NrSecurityUserPlane::GetUeAddress(uint32_t ueId) const
{
    auto it = m_ueAddr.find(ueId);
    return it == m_ueAddr.end() ? Ipv4Address::GetAny() : it->second;
}

void
NrSecurityUserPlane::PduSessionSetup(Ptr<NrSecurityGnbNetDevice> gnb,
                                     uint32_t ueId,
                                     uint8_t pduSessionId,
                                     uint8_t,
                                     bool,
                                     bool,
                                     bool ok,
                                     const std::string&)
{
    if (!ok)
    {
        return;
    }
    Gnb& g = m_gnbs.at(gnb);
    uint8_t qfi = 9;
    if (m_amf->HasUe(ueId))
    {
        for (const NrSecurityPduSession& s : m_amf->GetUe(ueId).pduSessions)
        {
            if (s.pduSessionId == pduSessionId && !s.qfis.empty())
            {
                qfi = s.qfis.front();
            }
        }
    }
    const uint32_t dlTeid = g.n3->AddSession(ueId, pduSessionId, qfi);
    auto addr = m_ueAddr.find(ueId);
    if (addr == m_ueAddr.end())
    {
        NS_LOG_WARN("UE " << ueId << " has no IPv4 address: no N3 tunnel for PDU session "
                          << unsigned(pduSessionId));
        return;
    }
    auto carrying = m_ueSession.find(ueId);
    if (carrying != m_ueSession.end() && carrying->second != pduSessionId)
    {
        // one address per UE: its first PDU session carries the traffic
        NS_LOG_WARN("UE " << ueId << ": PDU session " << unsigned(pduSessionId)
                          << " gets no N3 tunnel (session " << unsigned(carrying->second)
                          << " carries the UE's address)");
        return;
    }
    const NrSecurityUpfSession* existing
        = carrying != m_ueSession.end() ? m_upf->GetSession(addr->second) : nullptr;
    if (existing)
    {
        // Path switch: the session already runs through another gNB (or this one again).
        const uint32_t ulTeid = existing->ulTeid;
        if (existing->gnb != g.gnbAddress)
        {
            ++m_pathSwitches;
        }
        m_upf->ModifySession(addr->second, g.gnbAddress, dlTeid);
        g.n3->SetUplinkTunnel(ueId, pduSessionId, g.upfAddress, ulTeid);
        return;
    }
    m_ueSession[ueId] = pduSessionId;
    const uint32_t ulTeid = m_upf->AddSession(addr->second, g.gnbAddress, dlTeid, qfi);
    g.n3->SetUplinkTunnel(ueId, pduSessionId, g.upfAddress, ulTeid);
}

uint64_t
NrSecurityUserPlane::GetPathSwitches() const
{
    return m_pathSwitches;
}

} // namespace ns3
