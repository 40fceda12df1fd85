// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-jammer.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityJammer");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityJammer);

TypeId
NrSecurityJammer::GetTypeId()
{
    static TypeId tid = TypeId("ns3::NrSecurityJammer")
                            .SetParent<NrSecurityAdversaryNetDevice>()
                            .SetGroupName("NrSecurity")
                            .AddConstructor<NrSecurityJammer>();
    return tid;
}

NrSecurityJammer::NrSecurityJammer()
    : m_active(false)
    , m_all(false)
    , m_jammed(0)
{
}

NrSecurityJammer::~NrSecurityJammer() = default;

void
NrSecurityJammer::Start(Ptr<NrSecurityChannel> channel)
{
    const bool first = !IsStarted();
    NrSecurityAdversaryNetDevice::Start(channel);
    if (first && IsStarted())
    {
        channel->AddJammer(this, MakeCallback(&NrSecurityJammer::Jams, this));
    }
}

void
NrSecurityJammer::JamUe(uint32_t ueId, bool uplink, bool downlink)
{
    if (uplink)
    {
        m_ueLinks.insert({ueId, true});
    }
    if (downlink)
    {
        m_ueLinks.insert({ueId, false});
    }
}

void
NrSecurityJammer::JamCell(uint16_t cellId)
{
    m_cells.insert(cellId);
}

void
NrSecurityJammer::JamAll()
{
    m_all = true;
}

void
NrSecurityJammer::ClearTargets()
{
    m_all = false;
    m_cells.clear();
    m_ueLinks.clear();
}

void
NrSecurityJammer::SetActive(bool on)
{
    NS_LOG_FUNCTION(this << on);
    m_active = on;
}

void
NrSecurityJammer::Activate(Time at)
{
    Simulator::Schedule(at, &NrSecurityJammer::SetActive, this, true);
}

void
NrSecurityJammer::Deactivate(Time at)
{
    Simulator::Schedule(at, &NrSecurityJammer::SetActive, this, false);
}

bool
NrSecurityJammer::IsActive() const
{
    return m_active;
}

bool
NrSecurityJammer::Jams(const NrSecurityAirFrame& frame)
{
    if (!m_active)
    {
        return false;
    }
    const bool target = m_all || m_cells.count(frame.cellId) != 0
                        || m_ueLinks.count({frame.ueId, frame.uplink}) != 0;
    if (target)
    {
        ++m_jammed;
    }
    return target;
}

uint64_t
NrSecurityJammer::GetJammedFrames() const
{
    return m_jammed;
}

} // namespace ns3
