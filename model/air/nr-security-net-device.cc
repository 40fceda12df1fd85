// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-net-device.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pointer.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityNetDevice");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityNetDevice);

TypeId
NrSecurityNetDevice::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::NrSecurityNetDevice")
              .SetParent<NetDevice>()
              .SetGroupName("NrSecurity")
              .AddAttribute("ReceiveErrorModel",
                            "Decides which arriving transmission attempts are lost (ARQ then "
                            "retransmits them).",
                            PointerValue(),
                            MakePointerAccessor(&NrSecurityNetDevice::m_errorModel),
                            MakePointerChecker<ErrorModel>())
              .AddTraceSource("PduTx",
                              "A PDCP PDU was handed to the air interface.",
                              MakeTraceSourceAccessor(&NrSecurityNetDevice::m_txTrace),
                              "ns3::NrSecurityChannel::FrameTracedCallback")
              .AddTraceSource("PduRx",
                              "A PDCP PDU arrived from the air interface.",
                              MakeTraceSourceAccessor(&NrSecurityNetDevice::m_rxTrace),
                              "ns3::NrSecurityChannel::FrameTracedCallback")
              .AddTraceSource("RadioLinkFailure",
                              "A PDU this device sent was lost beyond the ARQ limit.",
                              MakeTraceSourceAccessor(&NrSecurityNetDevice::m_rlfTrace),
                              "ns3::NrSecurityChannel::FrameTracedCallback")
              .AddTraceSource("PduDelivered",
                              "A PDU this device sent arrived at its receiver (the lower "
                              "layers' acknowledgement, given to the RRC).",
                              MakeTraceSourceAccessor(&NrSecurityNetDevice::m_deliveredTrace),
                              "ns3::NrSecurityChannel::FrameTracedCallback");
    return tid;
}

NrSecurityNetDevice::NrSecurityNetDevice()
    : m_ifIndex(0)
    , m_address(Mac48Address::Allocate())
    , m_mtu(1500)
{
}

NrSecurityNetDevice::~NrSecurityNetDevice() = default;

void
NrSecurityNetDevice::DoDispose()
{
    m_channel = nullptr;
    m_node = nullptr;
    m_errorModel = nullptr;
    m_rxCallback = NetDevice::ReceiveCallback();
    m_promiscRxCallback = NetDevice::PromiscReceiveCallback();
    m_linkChangeCallbacks.clear();
    NetDevice::DoDispose();
}

void
NrSecurityNetDevice::SetChannel(Ptr<NrSecurityChannel> channel)
{
    m_channel = channel;
}

double
NrSecurityNetDevice::GetTxPower() const
{
    return 0.0;
}

bool
NrSecurityNetDevice::IsLost(const NrSecurityAirFrame& frame)
{
    if (!m_errorModel)
    {
        return false;
    }
    Ptr<Packet> copy = frame.pdu->Copy();
    return m_errorModel->IsCorrupt(copy);
}

void
NrSecurityNetDevice::NotifyRadioLinkFailure(const NrSecurityAirFrame& frame)
{
    m_rlfTrace(frame);
}

void
NrSecurityNetDevice::NotifyDelivered(const NrSecurityAirFrame& frame)
{
    m_deliveredTrace(frame);
}

bool
NrSecurityNetDevice::SendFrame(const NrSecurityAirFrame& frame)
{
    if (!m_channel)
    {
        NS_LOG_WARN("device without a channel");
        return false;
    }
    m_txTrace(frame);
    return m_channel->Send(frame);
}

void
NrSecurityNetDevice::NotifyReceived(const NrSecurityAirFrame& frame)
{
    m_rxTrace(frame);
}

void
NrSecurityNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
NrSecurityNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
NrSecurityNetDevice::GetChannel() const
{
    return m_channel;
}

void
NrSecurityNetDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
}

Address
NrSecurityNetDevice::GetAddress() const
{
    return m_address;
}

bool
NrSecurityNetDevice::SetMtu(const uint16_t mtu)
{
    if (mtu == 0 || mtu > 8999)
    {
        NS_LOG_WARN("MTU " << mtu << " refused: 1..8999 (PDCP SDU of 9000 bytes with SDAP)");
        return false;
    }
    m_mtu = mtu;
    return true;
}

uint16_t
NrSecurityNetDevice::GetMtu() const
{
    return m_mtu;
}

bool
NrSecurityNetDevice::IsLinkUp() const
{
    return m_channel != nullptr;
}

void
NrSecurityNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
    m_linkChangeCallbacks.push_back(callback);
}

void
NrSecurityNetDevice::NotifyLinkChange()
{
    for (const auto& cb : m_linkChangeCallbacks)
    {
        cb();
    }
}

bool
NrSecurityNetDevice::NetDeviceReceive(Ptr<Packet> packet, uint16_t protocol)
{
    if (!m_promiscRxCallback.IsNull())
    {
        m_promiscRxCallback(this, packet, protocol, GetAddress(), GetAddress(), PACKET_HOST);
    }
    if (m_rxCallback.IsNull())
    {
        return false;
    }
    return m_rxCallback(this, packet, protocol, GetAddress());
}

bool
NrSecurityNetDevice::IsBroadcast() const
{
    return false;
}

Address
NrSecurityNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
NrSecurityNetDevice::IsMulticast() const
{
    return false;
}

Address
NrSecurityNetDevice::GetMulticast(Ipv4Address) const
{
    return Mac48Address::GetMulticast(Ipv4Address("224.0.0.1"));
}

Address
NrSecurityNetDevice::GetMulticast(Ipv6Address addr) const
{
    return Mac48Address::GetMulticast(addr);
}

bool
NrSecurityNetDevice::IsPointToPoint() const
{
    return false;
}

bool
NrSecurityNetDevice::IsBridge() const
{
    return false;
}

bool
NrSecurityNetDevice::Send(Ptr<Packet>, const Address&, uint16_t)
{
    NS_LOG_WARN("NrSecurityNetDevice carries RRC/PDCP PDUs only, not IP packets");
    return false;
}

bool
NrSecurityNetDevice::SendFrom(Ptr<Packet>, const Address&, const Address&, uint16_t)
{
    return false;
}

Ptr<Node>
NrSecurityNetDevice::GetNode() const
{
    return m_node;
}

void
NrSecurityNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
NrSecurityNetDevice::NeedsArp() const
{
    return false;
}

void
NrSecurityNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
NrSecurityNetDevice::SetPromiscReceiveCallback(PromiscReceiveCallback cb)
{
    m_promiscRxCallback = cb;
}

bool
NrSecurityNetDevice::SupportsSendFrom() const
{
    return false;
}

} // namespace ns3
