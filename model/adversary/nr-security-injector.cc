// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-injector.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityInjector");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityInjector);

TypeId
NrSecurityInjector::GetTypeId()
{
    static TypeId tid = TypeId("ns3::NrSecurityInjector")
                            .SetParent<NrSecurityAdversaryNetDevice>()
                            .SetGroupName("NrSecurity")
                            .AddConstructor<NrSecurityInjector>();
    return tid;
}

NrSecurityInjector::NrSecurityInjector()
    : m_maxTimes(1)
    , m_overshadowed(0)
    , m_sent(0)
    , m_refused(0)
{
}

NrSecurityInjector::~NrSecurityInjector() = default;

void
NrSecurityInjector::DoDispose()
{
    m_match = MatchCallback();
    m_forge = ForgeCallback();
    NrSecurityAdversaryNetDevice::DoDispose();
}

void
NrSecurityInjector::Send(NrSecurityAirFrame frame, NrSecurityFrameOrigin origin)
{
    if (Transmit(frame, origin))
    {
        ++m_sent;
    }
    else
    {
        ++m_refused;
    }
}

bool
NrSecurityInjector::Inject(NrSecurityAirFrame frame, Time at)
{
    if (!frame.pdu)
    {
        return false;
    }
    Simulator::Schedule(
        at, &NrSecurityInjector::Send, this, frame, NrSecurityFrameOrigin::INJECTED);
    return true;
}

bool
NrSecurityInjector::Replay(const NrSecurityAirFrame& recorded, Time at)
{
    if (!recorded.pdu)
    {
        return false;
    }
    NrSecurityAirFrame frame = recorded;
    frame.pdu = recorded.pdu->Copy();
    Simulator::Schedule(
        at, &NrSecurityInjector::Send, this, frame, NrSecurityFrameOrigin::REPLAYED);
    return true;
}

void
NrSecurityInjector::Overshadow(MatchCallback match, ForgeCallback forge, uint32_t maxTimes)
{
    m_match = match;
    m_forge = forge;
    m_maxTimes = maxTimes;
    m_overshadowed = 0;
}

void
NrSecurityInjector::StopOvershadowing()
{
    m_match = MatchCallback();
    m_forge = ForgeCallback();
}

void
NrSecurityInjector::Hear(const NrSecurityAirFrame& frame)
{
    if (!m_match.IsNull() && !m_forge.IsNull() && (m_maxTimes == 0 || m_overshadowed < m_maxTimes)
        && m_match(frame))
    {
        ++m_overshadowed;
        NrSecurityAirFrame forged = m_forge(frame);
        NS_LOG_LOGIC("overshadowing a frame of UE " << frame.ueId << " cell " << frame.cellId);
        // Now, while the genuine frame waits for its slot: both occupy the same slot.
        Send(forged, NrSecurityFrameOrigin::INJECTED);
    }
    NrSecurityAdversaryNetDevice::Hear(frame);
}

uint64_t
NrSecurityInjector::GetSent() const
{
    return m_sent;
}

uint64_t
NrSecurityInjector::GetRefused() const
{
    return m_refused;
}

uint64_t
NrSecurityInjector::GetOvershadowed() const
{
    return m_overshadowed;
}

} // namespace ns3
