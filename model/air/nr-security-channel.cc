// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-channel.h"

#include "../compat/nr-security-ns3-compat.h"
#include "nr-security-gnb-net-device.h"
#include "nr-security-ue-net-device.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/node.h"
#include "ns3/nr-security-attribute-checker.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityChannel");

namespace
{
/// \return the id of the node of device d (the context of its events), or the current context
/// \param d a device (may be null or not yet on a node)
uint32_t
ContextOf(Ptr<NetDevice> d)
{
    return d && d->GetNode() ? d->GetNode()->GetId() : Simulator::GetContext();
}
} // namespace

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
                            "Path loss between two transmitters' nodes for the received power "
                            "(GetRxPowerDbm, GetRsrpDbm: measurements, cell selection, capture, "
                            "monitor sensitivity).",
                            PointerValue(CreateObject<LogDistancePropagationLossModel>()),
                            MakePointerAccessor(&NrSecurityChannel::m_loss),
                            MakePointerChecker<PropagationLossModel>())
              .AddAttribute("CaptureMargin",
                            "dB: a frame overlapping others on its link (same slot, other "
                            "senders or a jammer) is received only if its received power "
                            "exceeds every other's by at least this much (with 0: strictly "
                            "more, equal powers are both lost); otherwise it is lost.",
                            DoubleValue(3.0),
                            MakeDoubleAccessor(&NrSecurityChannel::m_captureMarginDb),
                            MakeDoubleChecker<double>(0.0, 40.0))
              .AddAttribute(
                  "RadioModel",
                  "Power: received power per frame, capture margin, jamming, monitor "
                  "sensitivity. Simple: none of them (the channel before issue 16, "
                  "for cost comparisons).",
                  EnumValue(NrSecurityChannel::POWER),
                  NrSecurityMakeEnumAccessor<NrSecurityChannel::RadioModel>(
                      &NrSecurityChannel::m_radioModel),
                  MakeEnumChecker(
                      NrSecurityChannel::POWER, "Power", NrSecurityChannel::SIMPLE, "Simple"))
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
                              "ns3::NrSecurityChannel::FrameTracedCallback")
              .AddTraceSource("CaptureDrop",
                              "An attempt was lost to a stronger overlapping frame or a jammer "
                              "(the frame, the strongest other power in dBm).",
                              MakeTraceSourceAccessor(&NrSecurityChannel::m_captureDropTrace),
                              "ns3::NrSecurityChannel::CaptureDropTracedCallback")
              .AddTraceSource("Reception",
                              "Every attempt at its receiver, with its outcome (delivered, lost, "
                              "capture-drop, not-serving).",
                              MakeTraceSourceAccessor(&NrSecurityChannel::m_receptionTrace),
                              "ns3::NrSecurityChannel::ReceptionTracedCallback");
    return tid;
}

NrSecurityChannel::NrSecurityChannel()
    : m_subcarrierSpacingKhz(30)
    , m_processingDelay(MicroSeconds(500))
    , m_retransmissionDelay(MilliSeconds(4))
    , m_maxRetransmissions(4)
    , m_loss(CreateObject<LogDistancePropagationLossModel>())
    , m_notServingDrops(0)
    , m_captureMarginDb(3.0)
    , m_radioModel(POWER)
    , m_captureDrops(0)
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
    m_monitors.clear();
    m_jammers.clear();
    m_capture.Clear();
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
NrSecurityChannel::GetUe(uint32_t ueId) const
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
NrSecurityChannel::GetRxPowerDbm(Ptr<const NrSecurityNetDevice> from,
                                 Ptr<const NrSecurityNetDevice> to) const
{
    const double txPower = from->GetTxPower();
    Ptr<Node> fromNode = from->GetNode();
    Ptr<Node> toNode = to->GetNode();
    Ptr<MobilityModel> a = fromNode ? fromNode->GetObject<MobilityModel>() : nullptr;
    Ptr<MobilityModel> b = toNode ? toNode->GetObject<MobilityModel>() : nullptr;
    if (!a || !b || !m_loss)
    {
        return txPower;
    }
    return m_loss->CalcRxPower(txPower, a, b);
}

double
NrSecurityChannel::GetRsrpDbm(Ptr<const NrSecurityUeNetDevice> ue,
                              Ptr<const NrSecurityGnbNetDevice> gnb) const
{
    return GetRxPowerDbm(gnb, ue);
}

uint64_t
NrSecurityChannel::GetCaptureDrops() const
{
    return m_captureDrops;
}

NrSecurityChannel::RadioModel
NrSecurityChannel::GetRadioModel() const
{
    return m_radioModel;
}

void
NrSecurityChannel::AddMonitor(Ptr<NrSecurityNetDevice> dev,
                              double sensitivityDbm,
                              MonitorCallback cb)
{
    if (!dev || cb.IsNull())
    {
        throw std::invalid_argument("AddMonitor: a device and a callback are needed");
    }
    m_monitors.push_back(Monitor{dev, sensitivityDbm, cb});
}

void
NrSecurityChannel::AddJammer(Ptr<NrSecurityNetDevice> jammer, JamCallback active)
{
    if (!jammer || active.IsNull())
    {
        throw std::invalid_argument("AddJammer: a device and a callback are needed");
    }
    m_jammers.push_back(Jammer{jammer, active});
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

int64_t
NrSecurityChannel::NextSlotIndex() const
{
    const int64_t slot = GetSlotDuration().GetTimeStep();
    const int64_t ready = (Simulator::Now() + m_processingDelay).GetTimeStep();
    return (ready + slot - 1) / slot;
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
    Transmit(frame, from, to, false);
    return true;
}

bool
NrSecurityChannel::SendFrom(Ptr<NrSecurityNetDevice> from, NrSecurityAirFrame frame)
{
    Ptr<NrSecurityNetDevice> to = Receiver(frame);
    if (!from || !to)
    {
        NS_LOG_WARN("SendFrom: no receiver for frame of UE " << frame.ueId << " cell "
                                                             << frame.cellId);
        return false;
    }
    if (!frame.pdu)
    {
        NS_LOG_WARN("SendFrom: frame of UE " << frame.ueId << " without a PDU");
        return false; // a caller error: the receivers would drop it silently
    }
    if (frame.origin == NrSecurityFrameOrigin::LEGITIMATE)
    {
        frame.origin = NrSecurityFrameOrigin::INJECTED; // an adversary's frame is never legitimate
    }
    Transmit(frame, from, to, true);
    return true;
}

bool
NrSecurityChannel::Inject(NrSecurityAirFrame frame, Time delay)
{
    Ptr<NrSecurityNetDevice> to = Receiver(frame);
    if (!to || !frame.pdu)
    {
        NS_LOG_WARN("Inject: no receiver or no PDU for frame of UE " << frame.ueId << " cell "
                                                                     << frame.cellId);
        return false;
    }
    if (frame.origin == NrSecurityFrameOrigin::LEGITIMATE)
    {
        frame.origin = NrSecurityFrameOrigin::INJECTED; // the compromised-node mode
    }
    frame.rxPowerDbm = 0; // no radio model
    m_transmissionTrace(frame);
    Simulator::ScheduleWithContext(
        ContextOf(to), delay, &NrSecurityNetDevice::ReceiveFrame, to, frame);
    return true;
}

void
NrSecurityChannel::NotifyMonitors(const NrSecurityAirFrame& frame, Ptr<NrSecurityNetDevice> from)
{
    // By index: a monitor's callback may transmit (SendFrom) or add monitors.
    for (std::size_t i = 0; i < m_monitors.size(); ++i)
    {
        const Ptr<NrSecurityNetDevice> dev = m_monitors[i].dev;
        if (dev == from)
        {
            continue;
        }
        NrSecurityAirFrame copy = frame;
        if (m_radioModel == POWER)
        {
            copy.rxPowerDbm = GetRxPowerDbm(from, dev);
            if (copy.rxPowerDbm < m_monitors[i].sensitivityDbm)
            {
                continue;
            }
        }
        MonitorCallback cb = m_monitors[i].cb;
        cb(copy);
    }
}

void
NrSecurityChannel::Transmit(NrSecurityAirFrame frame,
                            Ptr<NrSecurityNetDevice> from,
                            Ptr<NrSecurityNetDevice> to,
                            bool adversary)
{
    NS_LOG_FUNCTION(this << frame.ueId << unsigned(frame.rbId) << frame.uplink << frame.attempt);
    NrSecurityCapture::SlotHandle slot;
    if (m_radioModel == POWER)
    {
        frame.rxPowerDbm = GetRxPowerDbm(from, to);
        const uint64_t link = NrSecurityCapture::LinkKey(frame.cellId, frame.ueId, frame.uplink);
        const int64_t index = NextSlotIndex();
        slot = m_capture.Register(link, index, PeekPointer(from), frame.rxPowerDbm);
        for (std::size_t i = 0; i < m_jammers.size(); ++i)
        {
            const Jammer j = m_jammers[i];
            if (j.dev != from && j.active(frame))
            {
                m_capture.Register(link, index, PeekPointer(j.dev), GetRxPowerDbm(j.dev, to));
            }
        }
    }
    else
    {
        frame.rxPowerDbm = 0;
    }
    m_transmissionTrace(frame);
    for (const auto& tap : m_taps)
    {
        tap(frame);
    }
    // the arrival runs in the receiving node's context, as ns-3 channels do (Node::
    // ReceiveFromDevice asserts it when ns-3 is built with asserts)
    Simulator::ScheduleWithContext(ContextOf(to),
                                   ComputeDelay(from, to),
                                   &NrSecurityChannel::Arrive,
                                   this,
                                   frame,
                                   from,
                                   to,
                                   slot,
                                   adversary);
    if (!m_monitors.empty())
    {
        NotifyMonitors(frame, from);
    }
}

void
NrSecurityChannel::Arrive(NrSecurityAirFrame frame,
                          Ptr<NrSecurityNetDevice> from,
                          Ptr<NrSecurityNetDevice> to,
                          NrSecurityCapture::SlotHandle slot,
                          bool adversary)
{
    if (!Listening(frame, to))
    {
        NS_LOG_LOGIC("UE " << frame.ueId << " does not listen to cell " << frame.cellId);
        ++m_notServingDrops;
        m_notServingTrace(frame);
        m_receptionTrace(frame, NrSecurityFrameOutcome::NOT_SERVING);
        return;
    }
    bool lost = false;
    if (slot)
    {
        const double other = NrSecurityCapture::StrongestOther(slot, PeekPointer(from));
        if (!NrSecurityCapture::IsReceived(frame.rxPowerDbm, other, m_captureMarginDb))
        {
            NS_LOG_LOGIC("UE " << frame.ueId << " cell " << frame.cellId << ": " << frame.rxPowerDbm
                               << " dBm lost to " << other << " dBm");
            ++m_captureDrops;
            m_captureDropTrace(frame, other);
            m_receptionTrace(frame, NrSecurityFrameOutcome::CAPTURE_DROP);
            lost = true;
        }
    }
    if (!lost)
    {
        if (!to->IsLost(frame))
        {
            m_receptionTrace(frame, NrSecurityFrameOutcome::DELIVERED);
            if (!adversary)
            {
                from->NotifyDelivered(frame);
            }
            to->ReceiveFrame(frame);
            return;
        }
        m_receptionTrace(frame, NrSecurityFrameOutcome::LOST);
    }
    if (adversary)
    {
        return; // no ARQ for an adversary's frame
    }
    if (frame.attempt >= m_maxRetransmissions)
    {
        NS_LOG_LOGIC("ARQ exhausted for UE " << frame.ueId);
        m_radioLinkFailureTrace(frame);
        from->NotifyRadioLinkFailure(frame);
        return;
    }
    ++frame.attempt;
    Simulator::ScheduleWithContext(ContextOf(from),
                                   m_retransmissionDelay,
                                   &NrSecurityChannel::Transmit,
                                   this,
                                   frame,
                                   from,
                                   to,
                                   false);
}

} // namespace ns3
