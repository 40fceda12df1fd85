// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-channel.h"

#include "nr-security-gnb-net-device.h"
#include "nr-security-ue-net-device.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/node.h"
#include "ns3/nr-security-attribute-checker.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityChannel");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityChannel);

namespace
{
constexpr double SPEED_OF_LIGHT = 299792458.0; ///< m/s

/// \return true for a subcarrier spacing of TS 38.211 4.2 that has slots here: 15..120 kHz
bool
IsValidSubcarrierSpacing(uint64_t scs)
{
    return scs == 15 || scs == 30 || scs == 60 || scs == 120;
}
} // namespace

TypeId
NrSecurityChannel::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::NrSecurityChannel")
              .SetParent<Channel>()
              .SetGroupName("NrSecurity")
              .AddConstructor<NrSecurityChannel>()
              .AddAttribute("SubcarrierSpacing",
                            "Subcarrier spacing in kHz (15, 30, 60 or 120): numerology mu = "
                            "log2(SCS / 15), slot = 1 ms / 2^mu (TS 38.211 4.3.2).",
                            UintegerValue(30),
                            MakeUintegerAccessor(&NrSecurityChannel::m_subcarrierSpacingKhz),
                            MakeNrSecurityChecker(
                                MakeUintegerChecker<uint32_t>(),
                                [](const AttributeValue& v) {
                                    return IsValidSubcarrierSpacing(
                                        static_cast<const UintegerValue&>(v).Get());
                                },
                                "uint32_t, 15|30|60|120"))
              .AddAttribute("ProcessingDelay",
                            "Sender processing time before the PDU can take the next slot.",
                            TimeValue(MicroSeconds(500)),
                            MakeTimeAccessor(&NrSecurityChannel::m_processingDelay),
                            MakeTimeChecker(Time(0)))
              .AddAttribute("RetransmissionDelay",
                            "ARQ: time from a lost attempt to its retransmission.",
                            TimeValue(MilliSeconds(4)),
                            MakeTimeAccessor(&NrSecurityChannel::m_retransmissionDelay),
                            MakeTimeChecker(Time(0)))
              .AddAttribute("MaxRetransmissions",
                            "ARQ: retransmissions of a lost PDU before RadioLinkFailure.",
                            UintegerValue(4),
                            MakeUintegerAccessor(&NrSecurityChannel::m_maxRetransmissions),
                            MakeUintegerChecker<uint32_t>())
              .AddAttribute("PropagationLossModel",
                            "Path loss between a gNB and a UE for the received power "
                            "(GetRsrpDbm: measurements and cell selection).",
                            PointerValue(CreateObject<LogDistancePropagationLossModel>()),
                            MakePointerAccessor(&NrSecurityChannel::m_loss),
                            MakePointerChecker<PropagationLossModel>())
              .AddTraceSource("Transmission",
                              "Every transmission attempt on the air.",
                              MakeTraceSourceAccessor(&NrSecurityChannel::m_transmissionTrace),
                              "ns3::NrSecurityChannel::FrameTracedCallback")
              .AddTraceSource("RadioLinkFailure",
                              "A PDU was lost MaxRetransmissions + 1 times and dropped.",
                              MakeTraceSourceAccessor(&NrSecurityChannel::m_radioLinkFailureTrace),
                              "ns3::NrSecurityChannel::FrameTracedCallback")
              .AddTraceSource("NotServingDrop",
                              "A downlink frame arrived at a UE whose serving cell is another "
                              "one, and was dropped.",
                              MakeTraceSourceAccessor(&NrSecurityChannel::m_notServingTrace),
                              "ns3::NrSecurityChannel::FrameTracedCallback");
    return tid;
}

NrSecurityChannel::NrSecurityChannel()
    : m_subcarrierSpacingKhz(30)
    , m_processingDelay(MicroSeconds(500))
    , m_retransmissionDelay(MilliSeconds(4))
    , m_maxRetransmissions(4)
    , m_loss(CreateObject<LogDistancePropagationLossModel>())
    , m_notServingDrops(0)
{
}

NrSecurityChannel::~NrSecurityChannel() = default;

void
NrSecurityChannel::DoDispose()
{
    m_gnbs.clear();
    m_ues.clear();
    m_devices.clear();
    m_taps.clear();
    m_loss = nullptr;
    Channel::DoDispose();
}

void
NrSecurityChannel::AddGnb(Ptr<NrSecurityGnbNetDevice> gnb)
{
    m_gnbs[gnb->GetCellId()] = gnb;
    m_devices.push_back(gnb);
}

void
NrSecurityChannel::AddUe(Ptr<NrSecurityUeNetDevice> ue)
{
    m_ues[ue->GetUeId()] = ue;
    m_devices.push_back(ue);
}

Ptr<NrSecurityGnbNetDevice>
NrSecurityChannel::GetGnb(uint16_t cellId) const
{
    auto it = m_gnbs.find(cellId);
    return it == m_gnbs.end() ? nullptr : it->second;
}

Ptr<NrSecurityUeNetDevice>
NrSecurityChannel::GetUe(uint16_t ueId) const
{
    auto it = m_ues.find(ueId);
    return it == m_ues.end() ? nullptr : it->second;
}

std::vector<Ptr<NrSecurityGnbNetDevice>>
NrSecurityChannel::GetGnbs() const
{
    std::vector<Ptr<NrSecurityGnbNetDevice>> gnbs;
    for (const auto& [cellId, gnb] : m_gnbs)
    {
        gnbs.push_back(gnb);
    }
    return gnbs;
}

double
NrSecurityChannel::GetRsrpDbm(Ptr<const NrSecurityUeNetDevice> ue,
                              Ptr<const NrSecurityGnbNetDevice> gnb) const
{
    const double txPower = gnb->GetTxPower();
    Ptr<MobilityModel> a = ue->GetNode() ? ue->GetNode()->GetObject<MobilityModel>() : nullptr;
    Ptr<MobilityModel> b = gnb->GetNode() ? gnb->GetNode()->GetObject<MobilityModel>() : nullptr;
    if (!a || !b || !m_loss)
    {
        return txPower;
    }
    return m_loss->CalcRxPower(txPower, b, a);
}

uint64_t
NrSecurityChannel::GetNotServingDrops() const
{
    return m_notServingDrops;
}

std::size_t
NrSecurityChannel::GetNDevices() const
{
    return m_devices.size();
}

Ptr<NetDevice>
NrSecurityChannel::GetDevice(std::size_t i) const
{
    return m_devices.at(i);
}

void
NrSecurityChannel::AddTap(TapCallback tap)
{
    m_taps.push_back(tap);
}

Time
NrSecurityChannel::GetSlotDuration() const
{
    uint32_t scs = m_subcarrierSpacingKhz;
    if (!IsValidSubcarrierSpacing(scs)) // the attribute checker refuses other values
    {
        throw std::invalid_argument("SubcarrierSpacing " + std::to_string(scs)
                                    + " kHz is not 15, 30, 60 or 120");
    }
    return MicroSeconds(1000 * 15 / scs);
}

Time
NrSecurityChannel::ComputeDelay(Ptr<const NrSecurityNetDevice> from,
                                Ptr<const NrSecurityNetDevice> to) const
{
    const int64_t slot = GetSlotDuration().GetTimeStep();
    const int64_t ready = (Simulator::Now() + m_processingDelay).GetTimeStep();
    const int64_t boundary = (ready + slot - 1) / slot * slot;
    Time propagation(0);
    Ptr<MobilityModel> a = from->GetNode() ? from->GetNode()->GetObject<MobilityModel>() : nullptr;
    Ptr<MobilityModel> b = to->GetNode() ? to->GetNode()->GetObject<MobilityModel>() : nullptr;
    if (a && b)
    {
        propagation = Seconds(a->GetDistanceFrom(b) / SPEED_OF_LIGHT);
    }
    return TimeStep(boundary + slot) - Simulator::Now() + propagation;
}

Ptr<NrSecurityNetDevice>
NrSecurityChannel::Receiver(const NrSecurityAirFrame& frame) const
{
    if (frame.uplink)
    {
        return GetGnb(frame.cellId);
    }
    return GetUe(frame.ueId);
}

Ptr<NrSecurityNetDevice>
NrSecurityChannel::Sender(const NrSecurityAirFrame& frame) const
{
    if (frame.uplink)
    {
        return GetUe(frame.ueId);
    }
    return GetGnb(frame.cellId);
}

bool
NrSecurityChannel::Listening(const NrSecurityAirFrame& frame, Ptr<NrSecurityNetDevice> to) const
{
    if (frame.uplink)
    {
        return true; // Receiver() is the gNB of frame.cellId
    }
    Ptr<NrSecurityUeNetDevice> ue = DynamicCast<NrSecurityUeNetDevice>(to);
    return ue && ue->GetServingCellId() == frame.cellId;
}

bool
NrSecurityChannel::Send(NrSecurityAirFrame frame)
{
    Ptr<NrSecurityNetDevice> to = Receiver(frame);
    Ptr<NrSecurityNetDevice> from = Sender(frame);
    if (!to || !from)
    {
        NS_LOG_WARN("no peer for frame of UE " << frame.ueId << " cell " << frame.cellId);
        return false;
    }
    frame.attempt = 0;
    Transmit(frame, from, to);
    return true;
}

bool
NrSecurityChannel::Inject(const NrSecurityAirFrame& frame, Time delay)
{
    Ptr<NrSecurityNetDevice> to = Receiver(frame);
    if (!to)
    {
        return false;
    }
    Simulator::Schedule(delay, &NrSecurityNetDevice::ReceiveFrame, to, frame);
    return true;
}

void
NrSecurityChannel::Transmit(NrSecurityAirFrame frame,
                            Ptr<NrSecurityNetDevice> from,
                            Ptr<NrSecurityNetDevice> to)
{
    NS_LOG_FUNCTION(this << frame.ueId << unsigned(frame.rbId) << frame.uplink << frame.attempt);
    m_transmissionTrace(frame);
    for (const auto& tap : m_taps)
    {
        tap(frame);
    }
    Simulator::Schedule(ComputeDelay(from, to), &NrSecurityChannel::Arrive, this, frame, from, to);
}

void
NrSecurityChannel::Arrive(NrSecurityAirFrame frame,
                          Ptr<NrSecurityNetDevice> from,
                          Ptr<NrSecurityNetDevice> to)
{
    if (!Listening(frame, to))
    {
        NS_LOG_LOGIC("UE " << frame.ueId << " does not listen to cell " << frame.cellId);
        ++m_notServingDrops;
        m_notServingTrace(frame);
        return;
    }
    if (!to->IsLost(frame))
    {
        from->NotifyDelivered(frame);
        to->ReceiveFrame(frame);
        return;
    }
    if (frame.attempt >= m_maxRetransmissions)
    {
        NS_LOG_LOGIC("ARQ exhausted for UE " << frame.ueId);
        m_radioLinkFailureTrace(frame);
        from->NotifyRadioLinkFailure(frame);
        return;
    }
    ++frame.attempt;
    Simulator::Schedule(m_retransmissionDelay, &NrSecurityChannel::Transmit, this, frame, from, to);
}

} // namespace ns3
