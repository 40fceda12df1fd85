// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-gnb-n3.h"

#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/nr-security-gnb-rrc.h"
#include "ns3/nr-security-gtpu.h"
#include "ns3/udp-socket-factory.h"

#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbN3");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityGnbN3);

TypeId
NrSecurityGnbN3::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::NrSecurityGnbN3")
              .SetParent<Application>()
              .SetGroupName("NrSecurity")
              .AddConstructor<NrSecurityGnbN3>()
              .AddTraceSource("Discard",
                              "A user packet was refused, with the reason.",
                              MakeTraceSourceAccessor(&NrSecurityGnbN3::m_discardTrace),
                              "ns3::NrSecurityGnbN3::DiscardTracedCallback");
    return tid;
}

NrSecurityGnbN3::NrSecurityGnbN3()
    : m_nextDlTeid(1)
    , m_discards(0)
{
}

NrSecurityGnbN3::~NrSecurityGnbN3() = default;

void
NrSecurityGnbN3::DoDispose()
{
    m_rrc = nullptr;
    m_socket = nullptr;
    Application::DoDispose();
}

void
NrSecurityGnbN3::SetRrc(Ptr<NrSecurityGnbRrc> rrc)
{
    m_rrc = rrc;
    m_rrc->SetUserDataCallback(MakeCallback(&NrSecurityGnbN3::SendUplink, this));
}

void
NrSecurityGnbN3::StartApplication()
{
    m_socket = Socket::CreateSocket(GetNode(), UdpSocketFactory::GetTypeId());
    if (m_socket->Bind(InetSocketAddress(Ipv4Address::GetAny(), NrSecurityGtpu::UDP_PORT)) != 0)
    {
        NS_FATAL_ERROR("NrSecurityGnbN3: cannot bind UDP port " << NrSecurityGtpu::UDP_PORT);
    }
    m_socket->SetRecvCallback(MakeCallback(&NrSecurityGnbN3::RecvFromN3, this));
}

void
NrSecurityGnbN3::StopApplication()
{
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->Close();
    }
}

uint32_t
NrSecurityGnbN3::AddSession(uint32_t ueId, uint8_t pduSessionId, uint8_t qfi)
{
    if (qfi > 63)
    {
        throw std::invalid_argument("NrSecurityGnbN3::AddSession: QFI " + std::to_string(qfi)
                                    + " is not 0..63");
    }
    auto key = std::make_pair(ueId, pduSessionId);
    auto old = m_tunnels.find(key);
    if (old != m_tunnels.end())
    {
        m_byDlTeid.erase(old->second.dlTeid);
    }
    NrSecurityGnbN3Tunnel t;
    t.ueId = ueId;
    t.pduSessionId = pduSessionId;
    t.qfi = qfi;
    t.dlTeid = m_nextDlTeid++;
    m_tunnels[key] = t;
    m_byDlTeid[t.dlTeid] = key;
    return t.dlTeid;
}

bool
NrSecurityGnbN3::SetUplinkTunnel(uint32_t ueId,
                                 uint8_t pduSessionId,
                                 Ipv4Address upf,
                                 uint32_t ulTeid)
{
    auto it = m_tunnels.find(std::make_pair(ueId, pduSessionId));
    if (it == m_tunnels.end())
    {
        return false;
    }
    it->second.upf = upf;
    it->second.ulTeid = ulTeid;
    return true;
}

const NrSecurityGnbN3Tunnel*
NrSecurityGnbN3::GetTunnel(uint32_t ueId, uint8_t pduSessionId) const
{
    auto it = m_tunnels.find(std::make_pair(ueId, pduSessionId));
    return it == m_tunnels.end() ? nullptr : &it->second;
}

uint64_t
NrSecurityGnbN3::GetDiscards() const
{
    return m_discards;
}

void
NrSecurityGnbN3::Discard(const std::string& reason, Ptr<const Packet> packet)
{
    NS_LOG_WARN("discard: " << reason);
    ++m_discards;
    m_discardTrace(reason, packet);
}

void
NrSecurityGnbN3::SendUplink(uint32_t ueId, uint8_t pduSessionId, uint8_t qfi, Ptr<Packet> packet)
{
    auto it = m_tunnels.find(std::make_pair(ueId, pduSessionId));
    if (it == m_tunnels.end())
    {
        Discard("no N3 tunnel for the PDU session", packet);
        return;
    }
    NrSecurityGnbN3Tunnel& t = it->second;
    if (t.ulTeid == 0 || !m_socket)
    {
        Discard("uplink tunnel not set up", packet);
        return;
    }
    ++t.ulPackets;
    t.ulBytes += packet->GetSize();
    Ptr<Packet> gtp = packet->Copy();
    NrSecurityGtpu::Encapsulate(gtp, t.ulTeid, NrSecurityGtpu::PDU_TYPE_UL, qfi & 0x3f);
    m_socket->SendTo(gtp, 0, InetSocketAddress(t.upf, NrSecurityGtpu::UDP_PORT));
}

void
NrSecurityGnbN3::RecvFromN3(Ptr<Socket> socket)
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
        auto k = m_byDlTeid.find(h.teid);
        if (k == m_byDlTeid.end())
        {
            Discard("unknown TEID", received);
            continue;
        }
        NrSecurityGnbN3Tunnel& t = m_tunnels.at(k->second);
        if (!InetSocketAddress::IsMatchingType(from)
            || InetSocketAddress::ConvertFrom(from).GetIpv4() != t.upf)
        {
            Discard("peer is not the session's UPF", received);
            continue;
        }
        const uint8_t qfi = h.pduSessionContainer ? h.qfi : t.qfi;
        const uint32_t bytes = packet->GetSize();
        if (!m_rrc || !m_rrc->SendUserData(t.ueId, t.pduSessionId, qfi, packet))
        {
            Discard("RRC refused the packet", received);
            continue;
        }
        ++t.dlPackets;
        t.dlBytes += bytes;
    }
}

} // namespace ns3
