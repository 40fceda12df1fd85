// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-amf.h"

#include "ns3/log.h"
#include "ns3/nr-security-hex.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityAmf");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityAmf);

namespace
{

/**
 * The N2 delivery of an Initial Context Setup (an event of its own after the N2 delay).
 * \param deliver the serving gNB's handler
 * \param ueId the UE
 * \param ics the Initial Context Setup
 */
void
DeliverInitialContextSetup(NrSecurityAmf::InitialContextSetupCallback deliver,
                           uint32_t ueId,
                           NrSecurityInitialContextSetup ics)
{
    deliver(ueId, ics);
}

} // namespace

TypeId
NrSecurityAmf::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::NrSecurityAmf")
              .SetParent<Object>()
              .SetGroupName("NrSecurity")
              .AddConstructor<NrSecurityAmf>()
              .AddAttribute("N2Delay",
                            "Delay from the gNB's Initial UE Message (or a direct request) to "
                            "the AMF's NGAP Initial Context Setup reaching the gNB.",
                            TimeValue(MilliSeconds(5)),
                            MakeTimeAccessor(&NrSecurityAmf::m_n2Delay),
                            MakeTimeChecker(Time(0)))
              .AddAttribute("InitialContextNas",
                            "NAS-PDU (hex) the AMF puts in every Initial Context Setup, which "
                            "the gNB forwards in DLInformationTransfer once SRB2 is up; empty "
                            "for none. Default: a plain 5GMM Registration Accept (TS 24.501 "
                            "8.2.7: 5GS registration result 3GPP access, a 5G-GUTI); the model "
                            "does not interpret it.",
                            StringValue("7e0042010177000bf200f11001004101234567"),
                            MakeStringAccessor(&NrSecurityAmf::SetInitialContextNas,
                                               &NrSecurityAmf::GetInitialContextNas),
                            MakeStringChecker())
              .AddTraceSource("InitialContextSetup",
                              "K_gNB was derived and sent to the serving gNB.",
                              MakeTraceSourceAccessor(&NrSecurityAmf::m_icsTrace),
                              "ns3::NrSecurityAmf::InitialContextSetupTracedCallback")
              .AddTraceSource("InitialUeMessage",
                              "The gNB forwarded a UE's first NAS message (UE id, NAS octets).",
                              MakeTraceSourceAccessor(&NrSecurityAmf::m_initialUeTrace),
                              "ns3::NrSecurityAmf::NasTracedCallback")
              .AddTraceSource("UplinkNas",
                              "The gNB forwarded a NAS message from ULInformationTransfer.",
                              MakeTraceSourceAccessor(&NrSecurityAmf::m_ulNasTrace),
                              "ns3::NrSecurityAmf::NasTracedCallback")
              .AddTraceSource("PduSessionResult",
                              "The gNB reported a PDU session as set up or rejected (UE id, "
                              "session id, ok, UP integrity, UP ciphering, reason).",
                              MakeTraceSourceAccessor(&NrSecurityAmf::m_pduSessionTrace),
                              "ns3::NrSecurityAmf::PduSessionResultTracedCallback")
              .AddTraceSource("NhDerived",
                              "The AMF derived an NH (UE id, chain index, NCC, NH): NH_1 at "
                              "Initial Context Setup, a fresh one per path switch and N2 "
                              "handover (TS 33.501 6.9.2.1.1, A.10).",
                              MakeTraceSourceAccessor(&NrSecurityAmf::m_nhDerivedTrace),
                              "ns3::NrSecurityAmf::NhDerivedTracedCallback")
              .AddTraceSource("MobilityRefused",
                              "A path switch or N2 handover call was refused (UE id, "
                              "procedure, reason).",
                              MakeTraceSourceAccessor(&NrSecurityAmf::m_mobilityRefusedTrace),
                              "ns3::NrSecurityAmf::MobilityRefusedTracedCallback");
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
    m_results.clear();
    m_nhChains.clear();
    m_servingCell.clear();
    m_gnbs.clear();
    m_n2Handovers.clear();
    Object::DoDispose();
}

void
NrSecurityAmf::AddUe(uint32_t ueId, const NrSecurityAmfUeContext& context)
{
    NS_LOG_FUNCTION(this << ueId);
    m_ues[ueId] = context;
}

bool
NrSecurityAmf::HasUe(uint32_t ueId) const
{
    return m_ues.count(ueId) != 0;
}

const NrSecurityAmfUeContext&
NrSecurityAmf::GetUe(uint32_t ueId) const
{
    auto it = m_ues.find(ueId);
    if (it == m_ues.end())
    {
        throw std::out_of_range("NrSecurityAmf: unknown UE " + std::to_string(ueId));
    }
    return it->second;
}

bool
NrSecurityAmf::InitialContextSetup(uint32_t ueId, InitialContextSetupCallback deliver)
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
    // A new initial AS security context: a new NH chain from this K_gNB (6.9.2.1.1).
    SeedNhChain(ueId, c.kAmf, kGnb);
    NrSecurityInitialContextSetup ics;
    ics.kGnb = kGnb;
    ics.caps = c.caps;
    ics.emergency = c.emergency;
    ics.pduSessions = c.pduSessions;
    ics.nasPdu = m_icsNas;
    Simulator::Schedule(m_n2Delay, &DeliverInitialContextSetup, deliver, ueId, ics);
    return true;
}

void
NrSecurityAmf::SetInitialContextNas(std::string hex)
{
    m_icsNas = NrSecurityFromHex(hex);
}

std::string
NrSecurityAmf::GetInitialContextNas() const
{
    return NrSecurityToHex(m_icsNas);
}

bool
NrSecurityAmf::InitialUeMessage(uint32_t ueId,
                                const std::vector<uint8_t>& nas,
                                InitialContextSetupCallback deliver)
{
    NS_LOG_FUNCTION(this << ueId << nas.size());
    m_initialUeTrace(ueId, nas);
    auto it = m_ues.find(ueId);
    if (it != m_ues.end())
    {
        // TS 24.501 4.4.3.1, TS 33.501 6.9.2.1.1: a later initial NAS message has the next
        // uplink NAS COUNT, and K_gNB follows it.
        if (it->second.initialNasReceived)
        {
            ++it->second.ulNasCount;
        }
        it->second.initialNasReceived = true;
    }
    return InitialContextSetup(ueId, deliver);
}

void
NrSecurityAmf::UplinkNasTransport(uint32_t ueId, const std::vector<uint8_t>& nas)
{
    NS_LOG_FUNCTION(this << ueId << nas.size());
    m_ulNasTrace(ueId, nas);
}

void
NrSecurityAmf::PduSessionResourceSetupResponse(uint32_t ueId,
                                               const NrSecurityPduSessionResult& result)
{
    NS_LOG_FUNCTION(this << ueId << unsigned(result.pduSessionId) << result.ok);
    std::vector<NrSecurityPduSessionResult>& v = m_results[ueId];
    for (auto it = v.begin(); it != v.end(); ++it)
    {
        if (it->pduSessionId == result.pduSessionId)
        {
            v.erase(it);
            break;
        }
    }
    v.push_back(result);
    m_pduSessionTrace(
        ueId, result.pduSessionId, result.ok, result.integrity, result.ciphering, result.reason);
}

std::vector<NrSecurityPduSessionResult>
NrSecurityAmf::GetPduSessionResults(uint32_t ueId) const
{
    auto it = m_results.find(ueId);
    return it == m_results.end() ? std::vector<NrSecurityPduSessionResult>{} : it->second;
}

} // namespace ns3
