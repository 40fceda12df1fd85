// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-ue-net-device.h"

#include "nr-security-gnb-net-device.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

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
              .AddAttribute("MeasurementPeriod",
                            "How often the UE hands its RRC the RSRP of every cell while "
                            "connected (with more than one cell on the channel); 0 disables.",
                            TimeValue(MilliSeconds(40)),
                            MakeTimeAccessor(&NrSecurityUeNetDevice::m_measurementPeriod),
                            MakeTimeChecker(Time(0)))
              .AddAttribute("ArqRadioLinkFailure",
                            "A PDU this UE sent that the channel dropped after the last ARQ "
                            "attempt is a radio link failure for the RRC (TS 38.331 5.3.10.3: "
                            "re-establishment, or RRC_IDLE without AS security); false: only "
                            "the RadioLinkFailure traces fire.",
                            BooleanValue(true),
                            MakeBooleanAccessor(&NrSecurityUeNetDevice::m_arqRlf),
                            MakeBooleanChecker())
              .AddAttribute("TxPower",
                            "Uplink transmit power, dBm (power class 3: 23 dBm, TS 38.101-1 "
                            "6.2.1): the received power at a gNB or a monitor is this less the "
                            "channel's path loss. All TxPower values (gNB, UE, adversary "
                            "devices) are compared as given, as the power of the frame on the "
                            "link in one reference (per resource element of the frames' "
                            "resource grid, the gNB's SS/PBCH reference; NrSecurityChannel).",
                            DoubleValue(23.0),
                            MakeDoubleAccessor(&NrSecurityUeNetDevice::m_txPower),
                            MakeDoubleChecker<double>(-60.0, 80.0))
              .AddAttribute("CellReselectionHysteresis",
                            "Q_hyst, dB (TS 38.304 5.2.4.6): in RRC_IDLE the UE reselects a cell "
                            "only if its RSRP exceeds the serving cell's RSRP + Q_hyst.",
                            DoubleValue(3.0),
                            MakeDoubleAccessor(&NrSecurityUeNetDevice::m_qHystDb),
                            MakeDoubleChecker<double>(0.0, 24.0))
              .AddAttribute("CellReselectionPeriod",
                            "How often the UE ranks the cells in RRC_IDLE (cell reselection, "
                            "TS 38.304 5.2.4.6); 0 disables reselection. There is no "
                            "Treselection (TS 38.304 5.2.4.6: the new cell ranked better "
                            "during Treselection_RAT, more than 1 s after camping): this "
                            "period stands in for it, a cell ranked better (R_n > R_s) at "
                            "one ranking is selected at once.",
                            TimeValue(Time(0)),
                            MakeTimeAccessor(&NrSecurityUeNetDevice::m_reselectionPeriod),
                            MakeTimeChecker(Time(0)))
              .AddTraceSource("CellChanged",
                              "The serving cell changed (UE id, old cell id, new cell id).",
                              MakeTraceSourceAccessor(&NrSecurityUeNetDevice::m_cellChangedTrace),
                              "ns3::NrSecurityUeNetDevice::CellChangedTracedCallback")
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
    , m_measurementPeriod(MilliSeconds(40))
    , m_arqRlf(true)
    , m_txPower(23.0)
    , m_qHystDb(3.0)
    , m_reselectionPeriod(Time(0))
{
    m_rrc->SetTransmitCallback(MakeCallback(&NrSecurityUeNetDevice::Transmit, this));
    m_rrc->SetUserDataCallback(MakeCallback(&NrSecurityUeNetDevice::ReceiveUserData, this));
    m_rrc->SetCellSwitchCallback(MakeCallback(&NrSecurityUeNetDevice::SwitchToPci, this));
    m_rrc->SetCellSelectionCallback(MakeCallback(&NrSecurityUeNetDevice::SelectCell, this));
    m_rrc->SetRedirectCallback(MakeCallback(&NrSecurityUeNetDevice::RedirectToCarrier, this));
}

NrSecurityUeNetDevice::~NrSecurityUeNetDevice() = default;

void
NrSecurityUeNetDevice::DoDispose()
{
    m_measurementEvent.Cancel();
    m_reselectionEvent.Cancel();
    if (m_rrc)
    {
        m_rrc->Dispose();
        m_rrc = nullptr;
    }
    NrSecurityNetDevice::DoDispose();
}

void
NrSecurityUeNetDevice::DoInitialize()
{
    CheckReselection();
    NrSecurityNetDevice::DoInitialize();
}

double
NrSecurityUeNetDevice::GetTxPower() const
{
    return m_txPower;
}

void
NrSecurityUeNetDevice::SetUeId(uint32_t ueId)
{
    m_ueId = ueId;
    m_rrc->SetUeId(ueId);
}

uint32_t
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
    SetServingCellId(cellId);
    m_cellId = cellId; // also a cell the channel does not know (the RRC then gets no answer)
    m_rrc->SetServingCell(CellInfo(cellId));
    CheckReselection();
    return m_rrc->Connect(cellId);
}

NrSecurityCellInfo
NrSecurityUeNetDevice::CellInfo(uint16_t cellId) const
{
    Ptr<NrSecurityGnbNetDevice> gnb = m_channel ? m_channel->GetGnb(cellId) : nullptr;
    if (!gnb)
    {
        NrSecurityCellInfo none;
        none.cellId = cellId;
        return none;
    }
    return gnb->GetRrc()->GetCellInfo();
}

bool
NrSecurityUeNetDevice::SetServingCellId(uint16_t cellId)
{
    if (!m_channel || !m_channel->GetGnb(cellId))
    {
        NS_LOG_WARN("UE " << m_ueId << ": no cell " << cellId << " on the channel");
        return false;
    }
    if (cellId != m_cellId)
    {
        const uint16_t old = m_cellId;
        m_cellId = cellId;
        NS_LOG_INFO("UE " << m_ueId << " serving cell " << old << " -> " << cellId);
        m_cellChangedTrace(m_ueId, old, cellId);
    }
    return true;
}

void
NrSecurityUeNetDevice::CheckMeasurements()
{
    if (!m_measurementEvent.IsExpired() || m_measurementPeriod.IsZero() || !m_channel
        || m_channel->GetGnbs().size() < 2 || !m_rrc->IsConnected())
    {
        return;
    }
    m_measurementEvent
        = Simulator::Schedule(m_measurementPeriod, &NrSecurityUeNetDevice::MeasurementTick, this);
}

void
NrSecurityUeNetDevice::MeasurementTick()
{
    if (!m_rrc || !m_rrc->IsConnected())
    {
        return; // restarted by the next frame received while connected
    }
    // A UE tells cells apart by PCI and carrier only: of cells sharing a PCI and an ARFCN-DL
    // (a false base station cloning a real cell) it measures the one it receives strongest,
    // the one it would synchronise to (SwitchToPci). The RRC keeps its A3 state per PCI, and
    // two entries of one PCI would reset each other's time to trigger.
    std::vector<NrSecurityCellMeasurement> perPci;
    for (const NrSecurityCellMeasurement& m : Measure())
    {
        auto same
            = std::find_if(perPci.begin(),
                           perPci.end(),
                           [&m](const NrSecurityCellMeasurement& o) {
                               return o.cell.pci == m.cell.pci && o.cell.arfcnDl == m.cell.arfcnDl;
                           });
        if (same == perPci.end())
        {
            perPci.push_back(m);
        }
        else if (m.rsrpDbm > same->rsrpDbm)
        {
            *same = m;
        }
    }
    m_rrc->ReportMeasurements(perPci);
    CheckMeasurements();
}

void
NrSecurityUeNetDevice::TriggerRadioLinkFailure()
{
    NS_LOG_FUNCTION(this << m_ueId);
    m_rrc->RadioLinkFailure();
}

void
NrSecurityUeNetDevice::NotifyRadioLinkFailure(const NrSecurityAirFrame& frame)
{
    NrSecurityNetDevice::NotifyRadioLinkFailure(frame);
    if (m_arqRlf && frame.uplink && frame.cellId == m_cellId)
    {
        m_rrc->RadioLinkFailure(); // TS 38.331 5.3.10.3: the RLC's maximum retransmissions
    }
}

void
NrSecurityUeNetDevice::NotifyDelivered(const NrSecurityAirFrame& frame)
{
    NrSecurityNetDevice::NotifyDelivered(frame);
    m_rrc->ConfirmDelivery(frame.ToRbPdu());
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
    CheckMeasurements();
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
