// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityGnbRrc: suspend to RRC_INACTIVE (RRCRelease with suspendConfig, TS 38.331 5.3.8.2;
 * TS 33.501 6.8.2.1.1) and RRC connection resume (TS 38.331 5.3.13; TS 33.501 6.8.2.1.2,
 * 6.8.2.1.3): resumeMAC-I, K_gNB* from the NCC of the suspendConfig, RRCResume under the
 * new keys.
 */
#include "nr-security-gnb-rrc.h"
#include "nr-security-rrc-message.h"
#include "nr-security-short-mac-i.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbRrcResume");

uint64_t
NrSecurityGnbRrc::GetResumes() const
{
    return m_resumes;
}

NrSecurityGnbUeContext*
NrSecurityGnbRrc::FindInactive(uint32_t shortIRnti)
{
    for (auto& [id, ue] : m_ues)
    {
        if (ue.state == NrSecurityRrcState::INACTIVE && ue.shortIRnti == shortIRnti)
        {
            return &ue;
        }
    }
    return nullptr;
}

bool
NrSecurityGnbRrc::Suspend(uint32_t ueId)
{
    NS_LOG_FUNCTION(this << ueId);
    NrSecurityGnbUeContext* ue = Find(ueId);
    std::string why;
    if (!ue)
    {
        why = "unknown UE";
    }
    else if (ue->state != NrSecurityRrcState::SECURITY_ACTIVE || ue->srbs.count(1) == 0)
    {
        why = "AS security is not active (" + NrSecurityRrcStateName(ue->state) + ")";
    }
    else if (ue->reconfigurationPending || ue->capabilityPending
             || ue->handover.role != NrSecurityGnbHandover::NONE)
    {
        why = "a procedure is in progress";
    }
    if (!why.empty())
    {
        m_connectionEventTrace(ueId, "suspend-refused", why);
        return false;
    }
    // TS 33.501 6.8.2.1.1: the NCC of a fresh unused {NH, NCC} if the gNB holds one, else that
    // of the current K_gNB; a fresh I-RNTI (its UE part differs in consecutive suspends).
    const uint8_t ncc = ue->nhUnused ? ue->nhNcc : ue->epoch.ncc;
    const uint32_t n = ++m_nextIRnti;
    NrSecuritySuspendConfig sc;
    sc.shortIRnti = ((uint32_t{m_cellId} & 0xFF) << 16) | (n & 0xFFFF);
    sc.fullIRnti = (uint64_t{m_cellId} << 24) | (n & 0xFFFFFF);
    sc.nextHopChainingCount = ncc;
    // TS 38.331 5.3.8.2: RRCRelease with suspendConfig, ciphered and integrity-protected with
    // the current keys.
    Send(*ue, 1, "rrcRelease", NrSecurityRrcMessage::EncodeRrcRelease(NextTransactionId(*ue), sc));
    ue->shortIRnti = sc.shortIRnti;
    ue->fullIRnti = sc.fullIRnti;
    ue->suspendPci = m_pci;
    ue->suspendCRnti = ue->cRnti; // VarResumeMAC-Input; freed with the INACTIVE state
    ue->suspendNcc = ncc;
    // TS 33.501 6.8.2.1.1, 6.8.2.1.3: the resume's K_gNB* comes from the key of that NCC, fixed
    // now: the NH of the fresh NCC (then used: no other procedure derives from it) or K_gNB.
    ue->suspendVertical = ue->nhUnused && ncc == ue->nhNcc && ncc != ue->epoch.ncc;
    ue->suspendKey = ue->suspendVertical ? ue->nh : ue->kGnb;
    ue->suspendNhIndex = ue->suspendVertical ? ue->nhIndex : ue->epoch.nhIndex;
    ue->retrievedByCellId = 0;
    ue->suspendSrb2 = ue->srbs.count(2) != 0;
    ue->suspendDrbs.clear();
    for (const auto& [id, rb] : ue->drbs)
    {
        NrSecurityDrbConfig d = rb->GetDrbConfig();
        d.reestablishPdcp = false;
        ue->suspendDrbs.push_back(d);
    }
    // TS 33.501 6.8.2.1.1: delete K_RRCenc, K_UPenc and K_UPint, keep K_RRCint; with a fresh
    // NCC keep the {NH, NCC} pair and delete K_gNB.
    ue->keys.kRrcEnc = NrSecurityKey128{};
    ue->keys.kUpEnc = NrSecurityKey128{};
    ue->keys.kUpInt = NrSecurityKey128{};
    if (ue->suspendVertical)
    {
        ue->kGnb = NrSecurityKey256{};
        ue->nhUnused = false;
    }
    for (auto& [id, rb] : ue->srbs)
    {
        rb->Dispose();
    }
    for (auto& [id, rb] : ue->drbs)
    {
        rb->Dispose();
    }
    ue->srbs.clear();
    ue->drbs.clear();
    ue->srb1 = nullptr;
    ue->guard.Cancel();
    ue->rbsSuspended = false;
    m_connectionEventTrace(ueId,
                           "suspended",
                           "RRCRelease with suspendConfig: shortI-RNTI "
                               + std::to_string(sc.shortIRnti) + ", NCC "
                               + std::to_string(unsigned(ncc)));
    SetState(*ue, NrSecurityRrcState::INACTIVE);
    return true;
}

void
NrSecurityGnbRrc::HandleResumeRequest(uint32_t ueId, const NrSecurityRrcDecoded& m)
{
    NS_LOG_FUNCTION(this << ueId << m.resumeIdentity);
    const std::string name = "rrcResumeRequest";
    const NrSecurityCellInfo here = GetCellInfo();
    const uint32_t shortIRnti = m.resumeIdentity;
    const uint16_t lastCell = static_cast<uint16_t>(shortIRnti >> 16);
    m_connectionEventTrace(ueId,
                           "resume-request",
                           "shortI-RNTI " + std::to_string(shortIRnti) + ", resumeMAC-I "
                               + std::to_string(m.resumeMacI));
    if (RefuseRepeatedRecovery(ueId, name, lastCell != (m_cellId & 0xFF)))
    {
        return;
    }
    if (!CRntiAvailable())
    {
        RejectNoCRnti(ueId, "RRCResumeRequest"); // the resumed UE needs a C-RNTI here
        return;
    }
    if (lastCell != (m_cellId & 0xFF))
    {
        // Suspended by another gNB (the gNB part of the I-RNTI): TS 38.423 8.2.4.
        NrSecurityXnMessage q;
        q.type = NrSecurityXnMessage::RETRIEVE_UE_CONTEXT_REQUEST;
        q.ueId = ueId;
        q.sourceCellId = m_cellId;
        q.targetCellId = lastCell;
        q.resume = true;
        q.iRnti = shortIRnti;
        q.macI16 = m.resumeMacI;
        q.newCell = here;
        m_retrievePending[ueId] = true;
        m_connectionEventTrace(
            ueId, "retrieve-ue-context-request", "to cell " + std::to_string(lastCell));
        if (m_xnSend.IsNull() || !m_xnSend(q))
        {
            m_retrievePending.erase(ueId);
            RecoveryFallback(ueId, name, "no Xn path to the gNB of the I-RNTI", true);
        }
        return;
    }
    NrSecurityGnbUeContext* ue = FindInactive(shortIRnti);
    if (!ue || ue->ueId != ueId)
    {
        RecoveryFallback(ueId,
                         name,
                         "no UE Inactive AS context for shortI-RNTI " + std::to_string(shortIRnti),
                         true);
        return;
    }
    // TS 38.331 5.3.13.3, TS 33.501 6.8.2.1.2: resumeMAC-I over VarResumeMAC-Input (PCI of the
    // suspending cell, this cell's cellIdentity, the C-RNTI there) with the stored K_RRCint.
    uint16_t expected = 0;
    try
    {
        expected = NrSecurityShortMacI::ResumeMacI(
            ue->nia, ue->keys.kRrcInt, ue->suspendPci, here.cellIdentity, ue->suspendCRnti);
    }
    catch (const std::invalid_argument& x)
    {
        RecoveryFallback(ueId, name, std::string("no resumeMAC-I: ") + x.what(), true);
        return;
    }
    if (expected != m.resumeMacI)
    {
        RecoveryFallback(ueId,
                         name,
                         "resumeMAC-I " + std::to_string(m.resumeMacI) + " does not match "
                             + std::to_string(expected) + " (TS 38.331 5.3.13.3, TS 33.501 "
                             + "6.8.2.1.2)",
                         true);
        return;
    }
    NrSecurityKeyEpoch e;
    std::string why;
    if (!RecoveryEpoch(*ue, here, true, e, why))
    {
        RecoveryFallback(ueId, name, why, true);
        return;
    }
    StartResume(*ue, e);
}

void
NrSecurityGnbRrc::StartResume(NrSecurityGnbUeContext& ue, const NrSecurityKeyEpoch& epoch)
{
    const uint32_t ueId = ue.ueId;
    AssignCRnti(ue); // the INACTIVE context had none (free: checked at the request)
    ue.kGnb = epoch.kGnb;
    ue.suspendKey = NrSecurityKey256{}; // used once
    ue.keys = NrSecurityKdf::DeriveAsKeys(
        ue.kGnb, static_cast<uint8_t>(ue.nea), static_cast<uint8_t>(ue.nia));
    KeyDerived(ueId, "K_gNB", ue.kGnb.data(), ue.kGnb.size());
    KeyDerived(ueId, "K_RRCint", ue.keys.kRrcInt.data(), ue.keys.kRrcInt.size());
    KeyDerived(ueId, "K_RRCenc", ue.keys.kRrcEnc.data(), ue.keys.kRrcEnc.size());
    KeyDerived(ueId, "K_UPint", ue.keys.kUpInt.data(), ue.keys.kUpInt.size());
    KeyDerived(ueId, "K_UPenc", ue.keys.kUpEnc.data(), ue.keys.kUpEnc.size());
    KeyChange(ue, epoch);
    // TS 38.331 5.3.13.4 (the network side of it): SRB1, SRB2 and the DRBs of the stored
    // configuration with the new keys; their COUNTs start at 0 (PDCP suspend, TS 38.323
    // 5.1.4, then re-establishment).
    NewRecoverySrb(ue, 1, true);
    if (ue.suspendSrb2)
    {
        NewRecoverySrb(ue, 2, true);
    }
    for (const NrSecurityDrbConfig& d : ue.suspendDrbs)
    {
        auto rb = std::unique_ptr<NrSecurityRadioBearer>(
            new NrSecurityRadioBearer(this, ueId, NrSecurityRbType::DRB, d.drbId, false, d));
        Ptr<NrSecurityPdcp> p = rb->GetPdcp();
        if (d.integrityProtection)
        {
            p->SetTxIntegrity(ue.nia, ue.keys.kUpInt);
            p->SetRxIntegrity(ue.nia, ue.keys.kUpInt, 0);
        }
        if (!d.cipheringDisabled)
        {
            p->SetTxCiphering(ue.nea, ue.keys.kUpEnc);
            p->SetRxCiphering(ue.nea, ue.keys.kUpEnc, 0);
        }
        NotifyPdcpEntityCreated(ueId, rb->GetName(), p);
        ue.drbs[d.drbId] = std::move(rb);
    }
    ue.rbsSuspended = false;
    ue.recoveryTransactionId = NextTransactionId(ue);
    SetState(ue, NrSecurityRrcState::RESUMING);
    // TS 33.501 6.8.2.1.2: RRCResume integrity-protected and ciphered with the new keys.
    Send(ue,
         1,
         "rrcResume",
         NrSecurityRrcMessage::EncodeRrcResume(ue.recoveryTransactionId, nullptr));
    RecoverySent(ue, "resume", "RRCResume", epoch);
}

void
NrSecurityGnbRrc::HandleResumeComplete(NrSecurityGnbUeContext& ue,
                                       const NrSecurityRrcDecoded& m,
                                       uint32_t count)
{
    if (!AcceptRecoveryComplete(
            ue, m, count, "rrcResumeComplete", NrSecurityRrcState::RESUMING, "RRCResume"))
    {
        return;
    }
    ++m_resumes;
    m_connectionEventTrace(ue.ueId, "resumed", "RRCResumeComplete verified");
    // The PDU sessions are active again (here: the user plane may have to move, PduSessionSetup).
    for (const auto& [id, rb] : ue.drbs)
    {
        const NrSecurityDrbConfig& d = rb->GetDrbConfig();
        NrSecurityPduSessionResult r;
        r.pduSessionId = d.pduSessionId;
        r.ok = true;
        r.drbId = d.drbId;
        r.integrity = d.integrityProtection;
        r.ciphering = !d.cipheringDisabled;
        ReportPduSession(ue, r);
    }
    if (ue.retrieved)
    {
        FinishRetrieved(ue);
    }
}

} // namespace ns3
