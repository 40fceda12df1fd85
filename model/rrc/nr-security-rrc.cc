// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-rrc.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(NrSecurityRrc);

TypeId
NrSecurityRrc::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::NrSecurityRrc")
              .SetParent<Object>()
              .SetGroupName("NrSecurity")
              .AddTraceSource("KeyDerived",
                              "A key was derived (UE id, name, key, SMC step).",
                              MakeTraceSourceAccessor(&NrSecurityRrc::m_keyDerivedTrace),
                              "ns3::NrSecurityRrc::KeyDerivedTracedCallback")
              .AddTraceSource("KeyChange",
                              "A new K_gNB is in force for a UE (UE id, key epoch with the "
                              "derivation and its inputs: K_AMF and NAS COUNT, or K_gNB or NH "
                              "with NCC, PCI and ARFCN-DL).",
                              MakeTraceSourceAccessor(&NrSecurityRrc::m_keyChangeTrace),
                              "ns3::NrSecurityRrc::KeyChangeTracedCallback")
              .AddTraceSource("SmcStep",
                              "A step 26-33 of the Security Mode Command procedure.",
                              MakeTraceSourceAccessor(&NrSecurityRrc::m_smcStepTrace),
                              "ns3::NrSecurityRrc::SmcStepTracedCallback")
              .AddTraceSource("SecurityActivated",
                              "AS security is active (ciphering and integrity algorithms).",
                              MakeTraceSourceAccessor(&NrSecurityRrc::m_securityActivatedTrace),
                              "ns3::NrSecurityRrc::SecurityActivatedTracedCallback")
              .AddTraceSource("SecurityModeFailure",
                              "The procedure failed for a UE (reason): the UE answered "
                              "SecurityModeFailure, or the gNB gave up.",
                              MakeTraceSourceAccessor(&NrSecurityRrc::m_securityModeFailureTrace),
                              "ns3::NrSecurityRrc::ReasonTracedCallback")
              .AddTraceSource("IntegrityFailure",
                              "A PDU failed integrity verification (from PDCP).",
                              MakeTraceSourceAccessor(&NrSecurityRrc::m_integrityFailureTrace),
                              "ns3::NrSecurityRrc::IntegrityFailureTracedCallback")
              .AddTraceSource("StateChanged",
                              "The AS security state changed.",
                              MakeTraceSourceAccessor(&NrSecurityRrc::m_stateTrace),
                              "ns3::NrSecurityRrc::StateTracedCallback")
              .AddTraceSource("RrcMessage",
                              "An RRC message was sent (tx) or received (rx), with its bearer "
                              "and the protection applied.",
                              MakeTraceSourceAccessor(&NrSecurityRrc::m_rrcMessageTrace),
                              "ns3::NrSecurityRrc::RrcMessageTracedCallback")
              .AddTraceSource("SduReceived",
                              "An SRB1 SDU other than a SecurityModeCommand was delivered.",
                              MakeTraceSourceAccessor(&NrSecurityRrc::m_sduTrace),
                              "ns3::NrSecurityRrc::SduTracedCallback")
              .AddTraceSource("MessageRefused",
                              "A received RRC message was refused (UE id, COUNT, name, reason).",
                              MakeTraceSourceAccessor(&NrSecurityRrc::m_messageRefusedTrace),
                              "ns3::NrSecurityRrc::MessageRefusedTracedCallback")
              .AddTraceSource("ConnectionEvent",
                              "An RRC connection event (UE id, event, detail): timers, reject, "
                              "release, a refused Connect.",
                              MakeTraceSourceAccessor(&NrSecurityRrc::m_connectionEventTrace),
                              "ns3::NrSecurityRrc::ConnectionEventTracedCallback")
              .AddTraceSource("NasReceived",
                              "A NAS message arrived in an RRC message (UE id, octets).",
                              MakeTraceSourceAccessor(&NrSecurityRrc::m_nasTrace),
                              "ns3::NrSecurityRrc::NasTracedCallback")
              .AddTraceSource("UserDataDiscarded",
                              "User data was discarded (UE id, bearer, reason).",
                              MakeTraceSourceAccessor(&NrSecurityRrc::m_userDataDiscardedTrace),
                              "ns3::NrSecurityRrc::UserDataDiscardedTracedCallback")
              .AddTraceSource("PdcpEntityCreated",
                              "The PDCP entity of a radio bearer was created (UE id, RB name, "
                              "entity).",
                              MakeTraceSourceAccessor(&NrSecurityRrc::m_pdcpEntityCreatedTrace),
                              "ns3::NrSecurityRrc::PdcpEntityCreatedTracedCallback");
    return tid;
}

uint64_t
NrSecurityRrc::GetRefusedMessages() const
{
    return m_refused;
}

void
NrSecurityRrc::NotifyPdcpEntityCreated(uint32_t ueId,
                                       const std::string& rb,
                                       Ptr<NrSecurityPdcp> pdcp)
{
    if (pdcp)
    {
        pdcp->TraceConnectWithoutContext("PduDiscarded",
                                         MakeCallback(&NrSecurityRrc::PdcpDiscarded, this));
    }
    m_pdcpEntityCreatedTrace(ueId, rb, pdcp);
}

void
NrSecurityRrc::PdcpDiscarded(std::string reason, Ptr<const Packet>)
{
    const size_t colon = reason.find(':');
    ++m_pdcpDiscards[colon == std::string::npos ? reason : reason.substr(0, colon)];
}

uint64_t
NrSecurityRrc::GetPdcpDiscards(const std::string& reason) const
{
    uint64_t n = 0;
    for (const auto& [r, c] : m_pdcpDiscards)
    {
        n += reason.empty() || r == reason ? c : 0;
    }
    return n;
}

uint64_t
NrSecurityRrc::GetRefusedMessages(const std::string& name) const
{
    auto it = m_refusedByName.find(name);
    return it == m_refusedByName.end() ? 0 : it->second;
}

const std::map<std::string, uint64_t>&
NrSecurityRrc::GetRefusedMessagesByName() const
{
    return m_refusedByName;
}

void
NrSecurityRrc::CountIntegrityFailure(bool drb)
{
    ++(drb ? m_drbIntegrityFailures : m_srbIntegrityFailures);
}

uint64_t
NrSecurityRrc::GetIntegrityFailures() const
{
    return m_srbIntegrityFailures + m_drbIntegrityFailures;
}

uint64_t
NrSecurityRrc::GetSrbIntegrityFailures() const
{
    return m_srbIntegrityFailures;
}

uint64_t
NrSecurityRrc::GetDrbIntegrityFailures() const
{
    return m_drbIntegrityFailures;
}

uint64_t
NrSecurityRrc::GetUserDataDiscards() const
{
    return m_userDataDiscards;
}

void
NrSecurityRrc::DiscardUserData(uint32_t ueId, const std::string& bearer, const std::string& reason)
{
    ++m_userDataDiscards;
    m_userDataDiscardedTrace(ueId, bearer, reason);
}

void
NrSecurityRrc::Refuse(uint32_t ueId,
                      uint32_t count,
                      const std::string& name,
                      const std::string& reason)
{
    ++m_refused;
    ++m_refusedByName[name];
    m_messageRefusedTrace(ueId, count, name, reason);
}

} // namespace ns3
