// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-ue-net-device.h"

#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityUeNetDevice");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityUeNetDevice);

TypeId
NrSecurityUeNetDevice::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::NrSecurityUeNetDevice")
              .SetParent<NrSecurityNetDevice>()
              .SetGroupName("NrSecurity")
              .AddConstructor<NrSecurityUeNetDevice>()
              .AddAttribute("Rrc",
                            "The UE's RRC security entity.",
                            PointerValue(),
                            MakePointerAccessor(&NrSecurityUeNetDevice::m_rrc),
                            MakePointerChecker<NrSecurityUeRrc>())
              .AddAttribute("UplinkQfi",
                            "QFI of the uplink IP packets, 0..63; 64: the first "
                            "QoS flow of the default DRB (the PDU session's).",
                            UintegerValue(64),
                            MakeUintegerAccessor(&NrSecurityUeNetDevice::m_uplinkQfi),
                            MakeUintegerChecker<uint8_t>(0, 64))
              .AddTraceSource("MacTx",
                              "An IP packet was handed to the RRC (SDAP, DRB).",
                              MakeTraceSourceAccessor(&NrSecurityUeNetDevice::m_macTxTrace),
                              "ns3::Packet::TracedCallback")
              .AddTraceSource("MacTxDrop",
                              "An IP packet was refused (protocol, MTU, no DRB).",
                              MakeTraceSourceAccessor(&NrSecurityUeNetDevice::m_macTxDropTrace),
                              "ns3::Packet::TracedCallback")
              .AddTraceSource("MacRx",
                              "A downlink IP packet was handed up.",
                              MakeTraceSourceAccessor(&NrSecurityUeNetDevice::m_macRxTrace),
                              "ns3::Packet::TracedCallback");
    return tid;
}

NrSecurityUeNetDevice::NrSecurityUeNetDevice()
    : m_ueId(0)
    , m_cellId(0)
    , m_rrc(CreateObject<NrSecurityUeRrc>())
    , m_uplinkQfi(64)
    , m_linkUp(false)
    , m_txDrops(0)
    , m_rxDrops(0)
{
    m_rrc->SetTransmitCallback(MakeCallback(&NrSecurityUeNetDevice::Transmit, this));
    m_rrc->SetUserDataCallback(MakeCallback(&NrSecurityUeNetDevice::ReceiveUserData, this));
}

NrSecurityUeNetDevice::~NrSecurityUeNetDevice() = default;

void
NrSecurityUeNetDevice::DoDispose()
{
    if (m_rrc)
    {
        m_rrc->Dispose();
        m_rrc = nullptr;
    }
    NrSecurityNetDevice::DoDispose();
}

void
NrSecurityUeNetDevice::SetUeId(uint16_t ueId)
{
    m_ueId = ueId;
    m_rrc->SetUeId(ueId);
}

uint16_t
NrSecurityUeNetDevice::GetUeId() const
{
    return m_ueId;
}

uint16_t
NrSecurityUeNetDevice::GetServingCellId() const
{
    return m_cellId;
}

Ptr<NrSecurityUeRrc>
NrSecurityUeNetDevice::GetRrc() const
{
    return m_rrc;
}

bool
NrSecurityUeNetDevice::Attach(uint16_t cellId)
{
    NS_LOG_FUNCTION(this << m_ueId << cellId);
    m_cellId = cellId;
    return m_rrc->Connect(cellId);
}

void
NrSecurityUeNetDevice::Transmit(const NrSecurityRbPdu& pdu)
{
    NrSecurityAirFrame frame;
    frame.cellId = m_cellId;
    frame.ueId = m_ueId;
    frame.uplink = true;
    frame.SetFrom(pdu);
    SendFrame(frame);
}

void
NrSecurityUeNetDevice::ReceiveFrame(NrSecurityAirFrame frame)
{
    if (frame.ueId != m_ueId || frame.uplink)
    {
        return;
    }
    NotifyReceived(frame);
    m_rrc->ReceivePdu(frame.ToRbPdu());
    CheckLink();
}

bool
NrSecurityUeNetDevice::IsLinkUp() const
{
    return m_channel && m_rrc && !m_rrc->GetDrbConfigs().empty();
}

void
NrSecurityUeNetDevice::CheckLink()
{
    const bool up = IsLinkUp();
    if (up != m_linkUp)
    {
        NS_LOG_INFO("UE " << m_ueId << " link " << (up ? "up" : "down"));
        m_linkUp = up;
        NotifyLinkChange();
    }
}

uint8_t
NrSecurityUeNetDevice::UplinkQfi() const
{
    if (m_uplinkQfi < 64)
    {
        return m_uplinkQfi;
    }
    for (const NrSecurityDrbConfig& d : m_rrc->GetDrbConfigs())
    {
        if (d.defaultDrb && !d.qfis.empty())
        {
            return d.qfis.front();
        }
    }
    return 9; // no default DRB with a QoS flow: the RRC refuses or maps it
}

bool
NrSecurityUeNetDevice::Send(Ptr<Packet> packet, const Address&, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet->GetSize() << protocolNumber);
    if (protocolNumber != 0x0800 && protocolNumber != 0x86DD)
    {
        NS_LOG_WARN("UE " << m_ueId << ": protocol " << protocolNumber << " is not IP");
    }
    else if (packet->GetSize() > GetMtu())
    {
        NS_LOG_WARN("UE " << m_ueId << ": " << packet->GetSize() << " bytes above the MTU");
    }
    else if (m_rrc->SendUserData(packet, UplinkQfi()))
    {
        m_macTxTrace(packet);
        return true;
    }
    ++m_txDrops;
    m_macTxDropTrace(packet);
    return false;
}

void
NrSecurityUeNetDevice::ReceiveUserData(Ptr<Packet> packet, uint8_t)
{
    uint8_t first = 0;
    packet->CopyData(&first, 1);
    const uint8_t version = first >> 4;
    if (packet->GetSize() == 0 || (version != 4 && version != 6))
    {
        NS_LOG_WARN("UE " << m_ueId << ": downlink packet is not IPv4 or IPv6");
        ++m_rxDrops;
        return;
    }
    m_macRxTrace(packet);
    if (!NetDeviceReceive(packet, version == 4 ? 0x0800 : 0x86DD))
    {
        ++m_rxDrops;
    }
}

uint64_t
NrSecurityUeNetDevice::GetTxDrops() const
{
    return m_txDrops;
}

uint64_t
NrSecurityUeNetDevice::GetRxDrops() const
{
    return m_rxDrops;
}

} // namespace ns3
