// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-amf.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityAmf");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityAmf);

TypeId
NrSecurityAmf::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::NrSecurityAmf")
              .SetParent<Object>()
              .SetGroupName("NrSecurity")
              .AddConstructor<NrSecurityAmf>()
              .AddAttribute("N2Delay",
                            "Delay from the AMF to the gNB for NGAP Initial Context Setup.",
                            TimeValue(MilliSeconds(5)),
                            MakeTimeAccessor(&NrSecurityAmf::m_n2Delay),
                            MakeTimeChecker(Time(0)))
              .AddTraceSource("InitialContextSetup",
                              "K_gNB was derived and sent to the serving gNB.",
                              MakeTraceSourceAccessor(&NrSecurityAmf::m_icsTrace),
                              "ns3::NrSecurityAmf::InitialContextSetupTracedCallback");
    return tid;
}

NrSecurityAmf::NrSecurityAmf()
    : m_n2Delay(MilliSeconds(5))
{
}

NrSecurityAmf::~NrSecurityAmf() = default;

void
NrSecurityAmf::DoDispose()
{
    m_ues.clear();
    Object::DoDispose();
}

void
NrSecurityAmf::AddUe(uint16_t ueId, const NrSecurityAmfUeContext& context)
{
    NS_LOG_FUNCTION(this << ueId);
    m_ues[ueId] = context;
}

bool
NrSecurityAmf::HasUe(uint16_t ueId) const
{
    return m_ues.count(ueId) != 0;
}

const NrSecurityAmfUeContext&
NrSecurityAmf::GetUe(uint16_t ueId) const
{
    auto it = m_ues.find(ueId);
    if (it == m_ues.end())
    {
        throw std::out_of_range("NrSecurityAmf: unknown UE " + std::to_string(ueId));
    }
    return it->second;
}

bool
NrSecurityAmf::InitialContextSetup(uint16_t ueId, InitialContextSetupCallback deliver)
{
    NS_LOG_FUNCTION(this << ueId);
    auto it = m_ues.find(ueId);
    if (it == m_ues.end())
    {
        NS_LOG_WARN("Initial Context Setup for unknown UE " << ueId);
        return false;
    }
    const NrSecurityAmfUeContext& c = it->second;
    NrSecurityKey256 kGnb = NrSecurityKdf::DeriveKgnb(c.kAmf, c.ulNasCount);
    m_icsTrace(ueId, std::vector<uint8_t>(kGnb.begin(), kGnb.end()));
    Simulator::Schedule(m_n2Delay,
                        [deliver, ueId, kGnb, c]() { deliver(ueId, kGnb, c.caps, c.emergency); });
    return true;
}

} // namespace ns3
