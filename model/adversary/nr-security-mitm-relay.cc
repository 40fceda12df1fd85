// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-mitm-relay.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityMitmRelay");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityMitmRelay);

namespace
{
/// \return the bytes of a packet
std::vector<uint8_t>
BytesOf(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p ? p->GetSize() : 0);
    if (p)
    {
        p->CopyData(b.data(), b.size());
    }
    return b;
}
} // namespace

std::string
NrSecurityRelayActionName(NrSecurityRelayAction a)
{
    switch (a)
    {
        case NrSecurityRelayAction::FORWARD:
            return "forward";
        case NrSecurityRelayAction::DROP:
            return "drop";
        case NrSecurityRelayAction::DELAY:
            return "delay";
    }
    return "unknown";
}

TypeId
NrSecurityMitmRelay::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::NrSecurityMitmRelay")
              .SetParent<NrSecurityGnbNetDevice>()
              .SetGroupName("NrSecurity")
              .AddConstructor<NrSecurityMitmRelay>()
              .AddAttribute("Sensitivity",
                            "Receiver sensitivity, dBm: the relay hears the real cell's frames "
                            "received at least this strong.",
                            DoubleValue(-110.0),
                            MakeDoubleAccessor(&NrSecurityMitmRelay::m_sensitivity),
                            MakeDoubleChecker<double>(-200.0, 50.0))
              .AddTraceSource("Intercepted",
                              "A frame passed the intercept callback: as forwarded (or dropped), "
                              "with the verdict.",
                              MakeTraceSourceAccessor(&NrSecurityMitmRelay::m_interceptedTrace),
                              "ns3::NrSecurityMitmRelay::InterceptedTracedCallback");
    return tid;
}

NrSecurityMitmRelay::NrSecurityMitmRelay()
    : m_sensitivity(-110.0)
    , m_forwarded(0)
    , m_rewritten(0)
    , m_dropped(0)
    , m_delayed(0)
{
}

NrSecurityMitmRelay::~NrSecurityMitmRelay() = default;

void
NrSecurityMitmRelay::DoDispose()
{
    m_real = nullptr;
    m_air = nullptr;
    m_intercept = InterceptCallback();
    NrSecurityGnbNetDevice::DoDispose();
}

void
NrSecurityMitmRelay::SetRealCell(Ptr<NrSecurityGnbNetDevice> real)
{
    m_real = real;
    if (!real)
    {
        return;
    }
    const NrSecurityCellInfo info = real->GetCellInfo();
    GetRrc()->SetAttribute("PhysCellId", UintegerValue(info.pci));
    GetRrc()->SetAttribute("ArfcnDl", UintegerValue(info.arfcnDl));
    GetRrc()->SetAttribute("CellIdentity", UintegerValue(info.cellIdentity));
}

uint16_t
NrSecurityMitmRelay::GetRealCellId() const
{
    return m_real ? m_real->GetCellId() : 0;
}

void
NrSecurityMitmRelay::SetInterceptCallback(InterceptCallback cb)
{
    m_intercept = cb;
}

void
NrSecurityMitmRelay::Start(Ptr<NrSecurityChannel> channel)
{
    if (!channel || m_air == channel)
    {
        return;
    }
    m_air = channel;
    channel->AddMonitor(this, m_sensitivity, MakeCallback(&NrSecurityMitmRelay::Hear, this));
}

bool
NrSecurityMitmRelay::IsAdversary() const
{
    return true;
}

void
NrSecurityMitmRelay::ReceiveFrame(NrSecurityAirFrame frame)
{
    if (!frame.uplink || frame.cellId != GetCellId() || !m_real)
    {
        return;
    }
    NotifyReceived(frame);
    m_captured.insert(frame.ueId);
    frame.cellId = m_real->GetCellId();
    Relay(frame);
}

void
NrSecurityMitmRelay::NotifyDelivered(const NrSecurityAirFrame&)
{
}

void
NrSecurityMitmRelay::Hear(const NrSecurityAirFrame& frame)
{
    if (!m_real || frame.uplink || frame.cellId != m_real->GetCellId() || frame.attempt != 0
        || m_captured.count(frame.ueId) == 0 || frame.IsForged())
    {
        return;
    }
    NrSecurityAirFrame copy = frame;
    copy.cellId = GetCellId();
    Relay(copy);
}

void
NrSecurityMitmRelay::Relay(NrSecurityAirFrame frame)
{
    const std::vector<uint8_t> before = BytesOf(frame.pdu);
    NrSecurityRelayDecision d;
    if (!m_intercept.IsNull())
    {
        d = m_intercept(frame);
    }
    if (!frame.pdu && d.action != NrSecurityRelayAction::DROP)
    {
        d.action = NrSecurityRelayAction::DROP; // the callback took the PDU away: nothing to send
    }
    const bool rewritten = BytesOf(frame.pdu) != before;
    const NrSecurityFrameOrigin origin
        = rewritten ? NrSecurityFrameOrigin::REWRITTEN : NrSecurityFrameOrigin::RELAYED;
    frame.origin = origin;
    m_interceptedTrace(frame, d.action);
    switch (d.action)
    {
        case NrSecurityRelayAction::DROP:
            ++m_dropped;
            return;
        case NrSecurityRelayAction::DELAY:
            ++m_delayed;
            Simulator::Schedule(
                std::max(d.delay, Time(0)), &NrSecurityMitmRelay::Send, this, frame, origin);
            return;
        case NrSecurityRelayAction::FORWARD:
            Send(frame, origin);
            return;
    }
}

void
NrSecurityMitmRelay::Send(NrSecurityAirFrame frame, NrSecurityFrameOrigin origin)
{
    if (!m_air || !frame.pdu)
    {
        return;
    }
    frame.origin = origin;
    frame.attempt = 0;
    if (m_air->SendFrom(this, frame))
    {
        ++m_forwarded;
        if (origin == NrSecurityFrameOrigin::REWRITTEN)
        {
            ++m_rewritten;
        }
    }
}

uint64_t
NrSecurityMitmRelay::GetForwarded() const
{
    return m_forwarded;
}

uint64_t
NrSecurityMitmRelay::GetRewritten() const
{
    return m_rewritten;
}

uint64_t
NrSecurityMitmRelay::GetDropped() const
{
    return m_dropped;
}

uint64_t
NrSecurityMitmRelay::GetDelayed() const
{
    return m_delayed;
}

const std::set<uint32_t>&
NrSecurityMitmRelay::GetCapturedUes() const
{
    return m_captured;
}

Ptr<Packet>
NrSecurityMitmRelay::XorBytes(Ptr<const Packet> p, size_t offset, const std::vector<uint8_t>& mask)
{
    std::vector<uint8_t> b = BytesOf(p);
    for (size_t i = 0; i < mask.size() && offset + i < b.size(); ++i)
    {
        b[offset + i] ^= mask[i];
    }
    return Create<Packet>(b.data(), b.size());
}

} // namespace ns3
