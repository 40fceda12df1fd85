// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-adversary-net-device.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityAdversaryNetDevice");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityAdversaryNetDevice);

TypeId
NrSecurityAdversaryNetDevice::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::NrSecurityAdversaryNetDevice")
              .SetParent<NrSecurityNetDevice>()
              .SetGroupName("NrSecurity")
              .AddAttribute("TxPower",
                            "Transmit power, dBm: the received power of its frames is this less "
                            "the channel's path loss (NrSecurityChannel::GetRxPowerDbm). It is "
                            "compared as given with the gNB's and the UE's TxPower, all read "
                            "as the power of the frame on the link per resource element of "
                            "the frames' resource grid (the gNB's default 18 dBm is its "
                            "SS/PBCH power per resource element): set it in that reference.",
                            DoubleValue(23.0),
                            MakeDoubleAccessor(&NrSecurityAdversaryNetDevice::m_txPower),
                            MakeDoubleChecker<double>(-60.0, 80.0))
              .AddAttribute("Sensitivity",
                            "Receiver sensitivity, dBm: the device hears a frame only if it "
                            "receives it at least this strong.",
                            DoubleValue(-110.0),
                            MakeDoubleAccessor(&NrSecurityAdversaryNetDevice::m_sensitivity),
                            MakeDoubleChecker<double>(-200.0, 50.0))
              .AddTraceSource("FrameHeard",
                              "A frame the device heard (received power >= Sensitivity).",
                              MakeTraceSourceAccessor(&NrSecurityAdversaryNetDevice::m_heardTrace),
                              "ns3::NrSecurityChannel::FrameTracedCallback")
              .AddTraceSource("FrameSent",
                              "A frame the device put on the air, with its origin mark.",
                              MakeTraceSourceAccessor(&NrSecurityAdversaryNetDevice::m_sentTrace),
                              "ns3::NrSecurityChannel::FrameTracedCallback");
    return tid;
}

NrSecurityAdversaryNetDevice::NrSecurityAdversaryNetDevice()
    : m_txPower(23.0)
    , m_sensitivity(-110.0)
    , m_heard(0)
    , m_transmitted(0)
{
}

NrSecurityAdversaryNetDevice::~NrSecurityAdversaryNetDevice() = default;

void
NrSecurityAdversaryNetDevice::DoDispose()
{
    m_air = nullptr;
    NrSecurityNetDevice::DoDispose();
}

void
NrSecurityAdversaryNetDevice::Start(Ptr<NrSecurityChannel> channel)
{
    NS_LOG_FUNCTION(this << channel);
    if (!channel || m_air == channel)
    {
        return;
    }
    m_air = channel;
    SetChannel(channel);
    channel->AddMonitor(
        this, m_sensitivity, MakeCallback(&NrSecurityAdversaryNetDevice::OnMonitor, this));
}

bool
NrSecurityAdversaryNetDevice::IsStarted() const
{
    return m_air != nullptr;
}

Ptr<NrSecurityChannel>
NrSecurityAdversaryNetDevice::GetAirChannel() const
{
    return m_air;
}

bool
NrSecurityAdversaryNetDevice::Transmit(NrSecurityAirFrame frame, NrSecurityFrameOrigin origin)
{
    if (!m_air || !frame.pdu)
    {
        return false;
    }
    frame.origin = origin;
    frame.attempt = 0;
    if (!m_air->SendFrom(this, frame))
    {
        NS_LOG_LOGIC("no receiver for the frame of UE " << frame.ueId << " cell " << frame.cellId);
        return false;
    }
    ++m_transmitted;
    if (frame.origin == NrSecurityFrameOrigin::LEGITIMATE)
    {
        frame.origin = NrSecurityFrameOrigin::INJECTED; // as the channel marks it
    }
    m_sentTrace(frame);
    return true;
}

void
NrSecurityAdversaryNetDevice::OnMonitor(const NrSecurityAirFrame& frame)
{
    ++m_heard;
    Hear(frame);
}

void
NrSecurityAdversaryNetDevice::Hear(const NrSecurityAirFrame& frame)
{
    m_heardTrace(frame);
}

double
NrSecurityAdversaryNetDevice::GetTxPower() const
{
    return m_txPower;
}

double
NrSecurityAdversaryNetDevice::GetSensitivity() const
{
    return m_sensitivity;
}

bool
NrSecurityAdversaryNetDevice::IsAdversary() const
{
    return true;
}

uint64_t
NrSecurityAdversaryNetDevice::GetHeard() const
{
    return m_heard;
}

uint64_t
NrSecurityAdversaryNetDevice::GetTransmitted() const
{
    return m_transmitted;
}

void
NrSecurityAdversaryNetDevice::ReceiveFrame(NrSecurityAirFrame)
{
}

} // namespace ns3
