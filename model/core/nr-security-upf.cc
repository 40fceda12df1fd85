// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-upf.h"

#include "nr-security-gtpu.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-header.h"
#include "ns3/log.h"
#include "ns3/udp-socket-factory.h"

#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityUpf");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityUpf);

namespace
{
constexpr uint16_t IPV4_PROTOCOL = 0x0800; ///< EtherType of IPv4
} // namespace

TypeId
NrSecurityUpf::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::NrSecurityUpf")
              .SetParent<Application>()
              .SetGroupName("NrSecurity")
              .AddConstructor<NrSecurityUpf>()
              .AddTraceSource("DlTx",
                              "A downlink IP packet was sent into the N3 tunnel (DL TEID).",
                              MakeTraceSourceAccessor(&NrSecurityUpf::m_dlTxTrace),
                              "ns3::NrSecurityUpf::TunnelTracedCallback")
              .AddTraceSource("UlRx",
                              "An uplink IP packet left the N3 tunnel (UL TEID) for the network.",
                              MakeTraceSourceAccessor(&NrSecurityUpf::m_ulRxTrace),
                              "ns3::NrSecurityUpf::TunnelTracedCallback")
              .AddTraceSource("Discard",
                              "A packet was refused, with the reason.",
                              MakeTraceSourceAccessor(&NrSecurityUpf::m_discardTrace),
                              "ns3::NrSecurityUpf::DiscardTracedCallback");
    return tid;
}

NrSecurityUpf::NrSecurityUpf()
    : m_nextUlTeid(1)
    , m_discards(0)
{
}

NrSecurityUpf::~NrSecurityUpf() = default;

void
NrSecurityUpf::DoDispose()
{
    if (m_tun)
    {
        m_tun->SetSendCallback(VirtualNetDevice::SendCallback());
    }
    m_tun = nullptr;
    m_socket = nullptr;
    Application::DoDispose();
}

void
NrSecurityUpf::SetTunDevice(Ptr<VirtualNetDevice> tun)
{
    m_tun = tun;
    m_tun->SetSendCallback(MakeCallback(&NrSecurityUpf::RecvFromTun, this));
}

Ptr<VirtualNetDevice>
NrSecurityUpf::GetTunDevice() const
{
    return m_tun;
}

void
NrSecurityUpf::StartApplication()
{
    NS_LOG_FUNCTION(this);
    m_socket = Socket::CreateSocket(GetNode(), UdpSocketFactory::GetTypeId());
    if (m_socket->Bind(InetSocketAddress(Ipv4Address::GetAny(), NrSecurityGtpu::UDP_PORT)) != 0)
    {
        NS_FATAL_ERROR("NrSecurityUpf: cannot bind UDP port " << NrSecurityGtpu::UDP_PORT);
    }
    m_socket->SetRecvCallback(MakeCallback(&NrSecurityUpf::RecvFromN3, this));
}

void
NrSecurityUpf::StopApplication()
{
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->Close();
    }
}

uint32_t
NrSecurityUpf::AddSession(Ipv4Address ue, Ipv4Address gnb, uint32_t dlTeid, uint8_t qfi)
{
    if (qfi > 63)
    {
        throw std::invalid_argument("NrSecurityUpf::AddSession: QFI " + std::to_string(qfi)
                                    + " is not 0..63");
    }
    RemoveSession(ue);
    NrSecurityUpfSession s;
    s.ue = ue;
    s.gnb = gnb;
    s.dlTeid = dlTeid;
    s.ulTeid = m_nextUlTeid++;
    s.qfi = qfi;
    m_sessions[ue] = s;
    m_byUlTeid[s.ulTeid] = ue;
    NS_LOG_INFO("session UE " << ue << " gNB " << gnb << " DL TEID " << dlTeid << " UL TEID "
                              << s.ulTeid << " QFI " << unsigned(qfi));
    return s.ulTeid;
}

bool
NrSecurityUpf::ModifySession(Ipv4Address ue, Ipv4Address gnb, uint32_t dlTeid)
{
    auto it = m_sessions.find(ue);
    if (it == m_sessions.end())
    {
        return false;
    }
    NS_LOG_INFO("path switch UE " << ue << ": gNB " << it->second.gnb << " DL TEID "
                                  << it->second.dlTeid << " -> gNB " << gnb << " DL TEID "
                                  << dlTeid);
    it->second.gnb = gnb;
    it->second.dlTeid = dlTeid;
    return true;
}

bool
NrSecurityUpf::RemoveSession(Ipv4Address ue)
{
    auto it = m_sessions.find(ue);
    if (it == m_sessions.end())
    {
        return false;
    }
    m_byUlTeid.erase(it->second.ulTeid);
    m_sessions.erase(it);
    return true;
}

const NrSecurityUpfSession*
NrSecurityUpf::GetSession(Ipv4Address ue) const
{
    auto it = m_sessions.find(ue);
    return it == m_sessions.end() ? nullptr : &it->second;
}

const NrSecurityUpfSession*
NrSecurityUpf::GetSessionByUlTeid(uint32_t ulTeid) const
{
    auto it = m_byUlTeid.find(ulTeid);
    return it == m_byUlTeid.end() ? nullptr : GetSession(it->second);
}

uint64_t
NrSecurityUpf::GetDiscards() const
{
    return m_discards;
}

void
NrSecurityUpf::Discard(const std::string& reason, Ptr<const Packet> packet)
{
    NS_LOG_WARN("discard: " << reason);
    ++m_discards;
    m_discardTrace(reason, packet);
}

bool
NrSecurityUpf::RecvFromTun(Ptr<Packet> packet, const Address&, const Address&, uint16_t protocol)
{
    NS_LOG_FUNCTION(this << packet->GetSize() << protocol);
    if (protocol != IPV4_PROTOCOL)
    {
        Discard("not IPv4", packet);
        return false;
    }
    Ipv4Header ip;
    packet->PeekHeader(ip);
    auto it = m_sessions.find(ip.GetDestination());
    if (it == m_sessions.end() || !m_socket)
    {
        Discard("no PDU session for the destination", packet);
        return false;
    }
    NrSecurityUpfSession& s = it->second;
    ++s.dlPackets;
    s.dlBytes += packet->GetSize();
    m_dlTxTrace(s.dlTeid, packet);
    Ptr<Packet> gtp = packet->Copy();
    NrSecurityGtpu::Encapsulate(gtp, s.dlTeid, NrSecurityGtpu::PDU_TYPE_DL, s.qfi);
    m_socket->SendTo(gtp, 0, InetSocketAddress(s.gnb, NrSecurityGtpu::UDP_PORT));
    return true;
}

void
NrSecurityUpf::RecvFromN3(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> packet = socket->RecvFrom(from))
    {
        Ptr<const Packet> received = packet->Copy();
        NrSecurityGtpuHeader h;
        const std::string reason = NrSecurityGtpu::DecapsulateGpdu(packet, h);
        if (!reason.empty())
        {
            Discard(reason, received);
            continue;
        }
        auto t = m_byUlTeid.find(h.teid);
        if (t == m_byUlTeid.end())
        {
            Discard("unknown TEID", received);
            continue;
        }
        NrSecurityUpfSession& s = m_sessions.at(t->second);
        if (!InetSocketAddress::IsMatchingType(from)
            || InetSocketAddress::ConvertFrom(from).GetIpv4() != s.gnb)
        {
            ++s.ulDiscards;
            Discard("peer is not the session's gNB", received);
            continue;
        }
        uint8_t first = 0;
        packet->CopyData(&first, 1);
        if (packet->GetSize() < 20 || (first >> 4) != 4)
        {
            ++s.ulDiscards;
            Discard("not IPv4", received);
            continue;
        }
        Ipv4Header ip;
        packet->PeekHeader(ip);
        if (ip.GetSource() != s.ue)
        {
            ++s.ulDiscards;
            Discard("source address is not the session's UE address", received);
            continue;
        }
        ++s.ulPackets;
        s.ulBytes += packet->GetSize();
        m_ulRxTrace(h.teid, packet);
        m_tun->Receive(packet,
                       IPV4_PROTOCOL,
                       m_tun->GetAddress(),
                       m_tun->GetAddress(),
                       NetDevice::PACKET_HOST);
    }
}

} // namespace ns3
