// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityGnbRrc: RRC connection establishment and reject (TS 38.331 5.3.3, 5.3.15), the
 * AMF exchange it triggers (NGAP Initial UE Message, Initial Context Setup) and release
 * (5.3.8); the cell's C-RNTIs (TS 38.321 Table 7.1-1).
 */
#include "nr-security-gnb-rrc.h"
#include "nr-security-rrc-message.h"
#include "ns3/log.h"
#include "ns3/nr-security-packet-bytes.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbRrcSetup");

void
NrSecurityGnbRrc::ReceiveCcch(uint32_t ueId, Ptr<Packet> pdu)
{
    std::vector<uint8_t> bytes = NrSecurityPacketBytes(pdu);
    NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeUlCcch(bytes.data(), bytes.size());
    const std::string name = m.ok ? NrSecurityRrcMessage::Name(m.type) : "unknown";
    m_rrcMessageTrace(ueId, "rx", name, bytes, "SRB0", "none");
    if (!m.ok)
    {
        Refuse(ueId, 0, name, "UL-CCCH message not decoded: " + m.error);
        return;
    }
    if (m.type == NrSecurityRrcDecoded::RRC_REESTABLISHMENT_REQUEST)
    {
        HandleReestablishmentRequest(ueId, m); // nr-security-gnb-rrc-reestablishment.cc
        return;
    }
    if (m.type == NrSecurityRrcDecoded::RRC_RESUME_REQUEST)
    {
        HandleResumeRequest(ueId, m); // nr-security-gnb-rrc-resume.cc
        return;
    }
    if (m.type != NrSecurityRrcDecoded::RRC_SETUP_REQUEST)
    {
        Refuse(ueId, 0, name, "not an UL-CCCH message");
        return;
    }
    HandleSetupRequest(ueId, m);
}

size_t
NrSecurityGnbRrc::ConnectedUes() const
{
    size_t n = 0;
    for (const auto& [id, ue] : m_ues)
    {
        n += ue.state != NrSecurityRrcState::RELEASED && ue.state != NrSecurityRrcState::IDLE;
    }
    return n;
}

void
NrSecurityGnbRrc::HandleSetupRequest(uint32_t ueId, const NrSecurityRrcDecoded& m)
{
    NS_LOG_FUNCTION(this << ueId);
    NrSecurityGnbUeContext* old = Find(ueId);
    if (old && old->state != NrSecurityRrcState::RELEASED)
    {
        // The UE started over (T300 expired, or it lost its connection): the old context goes.
        ReleaseContext(*old, "a new RRCSetupRequest from the UE");
    }
    if (m.ueIdentityIsTmsiPart1)
    {
        // ng-5G-S-TMSI-Part1 (TS 38.331 5.3.3.3) is not authenticated before NAS security:
        // anyone can send another UE's. Compliant: a new connection like any other; the
        // connected UE keeps its context.
        for (auto& [otherId, other] : m_ues)
        {
            if (otherId == ueId || !other.ueIdentityIsTmsi || other.ueIdentity != m.ueIdentity
                || other.state == NrSecurityRrcState::RELEASED
                || other.state == NrSecurityRrcState::IDLE)
            {
                continue;
            }
            ++m_duplicateTmsiRequests;
            const std::string detail = "RRCSetupRequest from UE " + std::to_string(ueId)
                                       + " with this UE's ng-5G-S-TMSI-Part1";
            if (m_vulnerabilityReleaseOnDuplicateTmsi)
            {
                ++m_duplicateTmsiReleases;
                ReleaseContext(other, detail + " (VulnerabilityReleaseOnDuplicateTmsi)");
            }
            else
            {
                m_connectionEventTrace(otherId, "duplicate-tmsi-ignored", detail);
            }
        }
    }
    // ConnectedUes() walks every context: only with a MaxUes limit (else O(n^2) over a run).
    if (!m_admitSetup || (m_maxUes != 0 && ConnectedUes() >= m_maxUes))
    {
        // TS 38.331 5.3.15: RRCReject with waitTime; no context is kept.
        const std::string why = !m_admitSetup
                                    ? "AdmitSetup is false"
                                    : "MaxUes (" + std::to_string(m_maxUes) + ") UEs are connected";
        SendCcch(
            ueId,
            "rrcReject",
            NrSecurityRrcMessage::EncodeRrcReject(true, static_cast<uint8_t>(m_rejectWaitTime)));
        m_connectionEventTrace(
            ueId, "rejected", why + "; waitTime " + std::to_string(m_rejectWaitTime) + " s");
        return;
    }
    if (!CRntiAvailable())
    {
        RejectNoCRnti(ueId, "RRCSetupRequest");
        return;
    }
    if (old)
    {
        for (auto& [id, rb] : old->srbs)
        {
            rb->Dispose();
        }
        for (auto& [id, rb] : old->drbs)
        {
            rb->Dispose();
        }
        FreeCRnti(*old);
        m_ues.erase(ueId);
    }
    NrSecurityGnbUeContext& ue = m_ues[ueId];
    ue.ueId = ueId;
    AssignCRnti(ue); // one is free (CRntiAvailable above)
    ue.ueIdentity = m.ueIdentity;
    ue.ueIdentityIsTmsi = m.ueIdentityIsTmsiPart1;
    auto srb1 = std::unique_ptr<NrSecurityRadioBearer>(
        new NrSecurityRadioBearer(this, ueId, NrSecurityRbType::SRB, 1, false));
    ue.srb1 = srb1->GetPdcp();
    ue.srbs[1] = std::move(srb1);
    NotifyPdcpEntityCreated(ueId, "SRB1", ue.srb1);
    // TS 38.331 5.3.3.4: RRCSetup on SRB0 with SRB1 in radioBearerConfig; its transaction id
    // (0) is the first of the connection.
    ue.lastTransactionId = 0;
    NrSecurityRadioBearerConfig rbc;
    rbc.srbsToAdd = {1};
    SetState(ue, NrSecurityRrcState::CONNECTING);
    SendCcch(ueId, "rrcSetup", NrSecurityRrcMessage::EncodeRrcSetup(0, rbc));
    // A UE whose T300 expired, or that never got the RRCSetup, sends no RRCSetupComplete:
    // without this guard its C-RNTI would be held for ever.
    ue.guard.Cancel();
    ue.guard = Simulator::Schedule(
        m_setupCompleteTimer, &NrSecurityGnbRrc::SetupCompleteTimerExpired, this, ueId);
}

void
NrSecurityGnbRrc::SetupCompleteTimerExpired(uint32_t ueId)
{
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue || ue->state != NrSecurityRrcState::CONNECTING)
    {
        return;
    }
    ++m_setupCompleteTimeouts;
    ReleaseContext(*ue,
                   "no RRCSetupComplete within SetupCompleteTimer ("
                       + std::to_string(m_setupCompleteTimer.GetMilliSeconds())
                       + " ms); C-RNTI freed");
}

uint64_t
NrSecurityGnbRrc::GetSetupCompleteTimeouts() const
{
    return m_setupCompleteTimeouts;
}

void
NrSecurityGnbRrc::SendCcch(uint32_t ueId, const std::string& name, const std::vector<uint8_t>& msg)
{
    m_rrcMessageTrace(ueId, "tx", name, msg, "SRB0", "none");
    if (!m_transmit.IsNull())
    {
        NrSecurityRbPdu pdu;
        pdu.type = NrSecurityRbType::SRB0;
        pdu.rbId = 0;
        pdu.pdu = Create<Packet>(msg.data(), static_cast<uint32_t>(msg.size()));
        pdu.rnti = GetCRnti(ueId); // the RRCSetup's: the UE keeps it as its C-RNTI
        m_transmit(ueId, pdu);
    }
}

void
NrSecurityGnbRrc::HandleSetupComplete(NrSecurityGnbUeContext& ue,
                                      const NrSecurityRrcDecoded& m,
                                      uint32_t count)
{
    const uint32_t ueId = ue.ueId;
    if (m.transactionId != 0)
    {
        RefuseOtherTransaction(ue, count, "rrcSetupComplete", m.transactionId, 0, "RRCSetup");
        return;
    }
    ue.guard.Cancel(); // SetupCompleteTimer
    SetState(ue, NrSecurityRrcState::CONNECTED);
    m_connectionEventTrace(ueId, "connected", "RRCSetupComplete received, NAS to the AMF");
    // NGAP Initial UE Message with the NAS message (TS 38.413 8.6.1); the AMF answers with
    // Initial Context Setup.
    if (!m_amf
        || !m_amf->InitialUeMessage(
            ueId, m.nasMessage, MakeCallback(&NrSecurityGnbRrc::InitialContextSetup, this)))
    {
        m_securityModeFailureTrace(ueId, "the AMF has no security context for the UE");
        ReleaseContext(ue, "no NAS security context");
    }
}

void
NrSecurityGnbRrc::InitialContextSetup(uint32_t ueId, NrSecurityInitialContextSetup ics)
{
    NS_LOG_FUNCTION(this << ueId);
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue || ue->state != NrSecurityRrcState::CONNECTED || ue->contextReceived)
    {
        return;
    }
    ue->contextReceived = true;
    ue->kGnb = ics.kGnb;
    ue->caps = ics.caps;
    ue->emergency = ics.emergency;
    ue->pduSessions = ics.pduSessions;
    ue->pendingNas = ics.nasPdu;
    // Key epoch 0 (KeyChange) and the AMF's serving cell for N2 mobility
    // (nr-security-gnb-rrc-handover.cc).
    StartKeyEpoch(*ue);
    if (m_amf)
    {
        m_amf->SetServingCell(ueId, m_cellId);
    }
    if (m_capabilityEnquiry == CAPABILITY_BEFORE_SECURITY && !ue->capabilityReceived)
    {
        SendCapabilityEnquiry(*ue); // the SMC follows the UECapabilityInformation
        return;
    }
    StartSmc(*ue);
}

void
NrSecurityGnbRrc::ReleaseContext(NrSecurityGnbUeContext& ue, const std::string& reason)
{
    NS_LOG_INFO("UE " << ue.ueId << " context released: " << reason);
    ue.guard.Cancel();
    ue.capabilityGuard.Cancel();
    ue.reconfigurationPending = false;
    ue.capabilityPending = false;
    m_connectionEventTrace(ue.ueId, "released", reason);
    SetState(ue, NrSecurityRrcState::RELEASED);
}

bool
NrSecurityGnbRrc::Release(uint32_t ueId)
{
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue || ue->state == NrSecurityRrcState::RELEASED || ue->srbs.count(1) == 0)
    {
        return false;
    }
    // TS 38.331 5.3.8.2: RRCRelease on SRB1 (ciphered and integrity-protected once AS
    // security is active).
    Send(*ue, 1, "rrcRelease", NrSecurityRrcMessage::EncodeRrcRelease(NextTransactionId(*ue)));
    ReleaseContext(*ue, "RRCRelease sent");
    return true;
}

// The cell's C-RNTIs (TS 38.321 Table 7.1-1; NrSecurityCRntiPool).

NrSecurityGnbUeContext*
NrSecurityGnbRrc::FindByCRnti(uint16_t cRnti)
{
    uint32_t ueId = 0;
    if (cRnti == 0 || !m_cRntis.Find(cRnti, ueId))
    {
        return nullptr;
    }
    NrSecurityGnbUeContext* ue = Find(ueId);
    return ue && ue->cRnti == cRnti ? ue : nullptr;
}

const NrSecurityGnbUeContext*
NrSecurityGnbRrc::GetUeContextByCRnti(uint16_t cRnti) const
{
    return const_cast<NrSecurityGnbRrc*>(this)->FindByCRnti(cRnti);
}

uint16_t
NrSecurityGnbRrc::GetCRnti(uint32_t ueId) const
{
    const NrSecurityGnbUeContext* ue = GetUeContext(ueId);
    return ue ? ue->cRnti : 0;
}

size_t
NrSecurityGnbRrc::GetCRntisInUse() const
{
    return m_cRntis.GetInUse();
}

uint64_t
NrSecurityGnbRrc::GetCRntiRejects() const
{
    return m_cRntiRejects;
}

bool
NrSecurityGnbRrc::CRntiAvailable() const
{
    // A value of 1..CRntiLast is free: after CRntiLast was lowered, the values still in use
    // above it do not count against the new range (they are freed as their UEs leave).
    return m_cRntis.HasFree();
}

bool
NrSecurityGnbRrc::AssignCRnti(NrSecurityGnbUeContext& ue)
{
    if (ue.cRnti != 0)
    {
        return true;
    }
    ue.cRnti = m_cRntis.Allocate(ue.ueId);
    return ue.cRnti != 0;
}

void
NrSecurityGnbRrc::FreeCRnti(NrSecurityGnbUeContext& ue)
{
    m_cRntis.Free(ue.cRnti);
    ue.cRnti = 0;
}

void
NrSecurityGnbRrc::RejectNoCRnti(uint32_t ueId, const std::string& request)
{
    // TS 38.331 5.3.15: RRCReject with waitTime; no context is kept for the UE here.
    ++m_cRntiRejects;
    SendCcch(ueId,
             "rrcReject",
             NrSecurityRrcMessage::EncodeRrcReject(true, static_cast<uint8_t>(m_rejectWaitTime)));
    m_connectionEventTrace(ueId,
                           "rejected",
                           request + ": no C-RNTI (all " + std::to_string(m_cRntis.GetInUse())
                               + " of this cell are in use); waitTime "
                               + std::to_string(m_rejectWaitTime) + " s");
}

void
NrSecurityGnbRrc::SetCRntiLast(uint16_t last)
{
    m_cRntis.SetLast(last);
}

uint16_t
NrSecurityGnbRrc::GetCRntiLast() const
{
    return m_cRntis.GetLast();
}

} // namespace ns3
