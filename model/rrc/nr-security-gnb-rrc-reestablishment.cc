// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityGnbRrc: RRC connection re-establishment (TS 38.331 5.3.7; TS 33.501 6.11): the
 * shortMAC-I check by the gNB holding the UE context (locally, or as the old node of XnAP
 * RETRIEVE UE CONTEXT, TS 38.423 8.2.4), K_gNB* for the new cell, RRCReestablishment and the
 * RRCReconfiguration that re-establishes SRB2 and the DRBs; and what resume
 * (nr-security-gnb-rrc-resume.cc) shares: the K_gNB* of a recovery, the Xn context retrieval,
 * the RRCSetup fallback and the guard timer.
 */
#include "nr-security-gnb-rrc.h"
#include "nr-security-rrc-message.h"
#include "nr-security-short-mac-i.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <sstream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbRrcReestablishment");

namespace
{
/// \return "0x35dd" for 0x35dd
std::string
Hex16(uint16_t v)
{
    std::ostringstream os;
    os << "0x" << std::hex << v;
    return os.str();
}
} // namespace

uint64_t
NrSecurityGnbRrc::GetRecoveryRefusals() const
{
    return m_recoveryRefusals;
}

uint64_t
NrSecurityGnbRrc::GetReestablishments() const
{
    return m_reestablishments;
}

bool
NrSecurityGnbRrc::RecoveryEpoch(NrSecurityGnbUeContext& ue,
                                const NrSecurityCellInfo& cell,
                                bool resume,
                                NrSecurityKeyEpoch& e,
                                std::string& why)
{
    // TS 33.501 6.11, 6.8.2.1.3, A.11: K_gNB* for the new cell's PCI and ARFCN-DL.
    // Re-establishment: from the unused NH when the gNB holds one (vertical, its NCC), else
    // from K_gNB (horizontal, NCC unchanged). Resume: from the input fixed at Suspend (the NH
    // of the NCC sent in suspendConfig, or K_gNB with its NCC), whatever happened since.
    e = NrSecurityKeyEpoch();
    e.epoch = ue.epoch.epoch + 1;
    e.cause = resume ? "resume" : "reestablishment";
    e.ulNasCount = ue.epoch.ulNasCount;
    e.cellId = cell.cellId;
    e.pci = cell.pci;
    e.arfcnDl = cell.arfcnDl;
    const bool vertical = resume ? ue.suspendVertical : ue.nhUnused && ue.nhNcc != ue.epoch.ncc;
    if (resume)
    {
        e.inputKey = ue.suspendKey;
        e.ncc = ue.suspendNcc;
        e.nhIndex = ue.suspendNhIndex;
    }
    else if (vertical)
    {
        e.inputKey = ue.nh;
        e.ncc = ue.nhNcc;
        e.nhIndex = ue.nhIndex;
    }
    else
    {
        e.inputKey = ue.kGnb;
        e.ncc = ue.epoch.ncc;
        e.nhIndex = ue.epoch.nhIndex;
    }
    e.derivation = vertical ? NrSecurityKeyEpoch::VERTICAL : NrSecurityKeyEpoch::HORIZONTAL;
    if (e.inputKey == NrSecurityKey256{})
    {
        // A deleted key (TS 33.501 6.8.2.1.1: K_gNB after a fresh NCC) or one handed over
        // already: K_gNB* of an all-zero key would be public.
        why = "no " + std::string(vertical ? "NH" : "K_gNB")
              + " to derive K_gNB* from (all-zero key refused)";
        return false;
    }
    try
    {
        e.kGnb = NrSecurityKdf::DeriveKgnbStar(e.inputKey, cell.pci, cell.arfcnDl);
    }
    catch (const std::invalid_argument& x)
    {
        // The new cell comes from the peer (XnAP): a PCI above 1007 or a too-large ARFCN-DL.
        why = std::string("no K_gNB* for the new cell: ") + x.what();
        return false;
    }
    if (vertical && !resume)
    {
        ue.nhUnused = false; // used once (TS 33.501 6.9.2.3.2)
    }
    return true;
}

bool
NrSecurityGnbRrc::RefuseRepeatedRecovery(uint32_t ueId, const std::string& name, bool otherGnb)
{
    // A request (or a retrieval) for a UE whose re-establishment or resume is already running
    // here: taking it again would rebuild the bearers under the same K_gNB* and restart their
    // COUNTs (keystream reuse); RRCReestablishmentRequest and RRCResumeRequest carry no
    // freshness, so this is what a replay looks like. Refused, no fallback: the running
    // procedure goes on.
    const NrSecurityGnbUeContext* ue = Find(ueId);
    std::string why;
    if (m_retrievePending.count(ueId) != 0)
    {
        why = "a RETRIEVE UE CONTEXT REQUEST for this UE is pending";
    }
    else if (ue
             && (ue->state == NrSecurityRrcState::REESTABLISHING
                 || ue->state == NrSecurityRrcState::RESUMING))
    {
        why = "the UE is " + NrSecurityRrcStateName(ue->state) + " already (replayed request?)";
    }
    else if (ue && otherGnb && ue->state == NrSecurityRrcState::SECURITY_ACTIVE
             && ue->handover.role == NrSecurityGnbHandover::NONE)
    {
        // The UE's AS context is here and active (no handover): its own request would name
        // this cell; one that names another gNB's context is stale or replayed (asking for
        // it again would get a FAILURE, whose RRCSetup fallback would end the connection).
        why = "the UE is connected here with active AS security; the request names another "
              "gNB's context (replayed request?)";
    }
    if (why.empty())
    {
        return false;
    }
    ++m_recoveryRefusals;
    Refuse(ueId, 0, name, why);
    m_connectionEventTrace(ueId, "recovery-refused", name + ": " + why);
    return true;
}

NrSecurityRadioBearer&
NrSecurityGnbRrc::NewRecoverySrb(NrSecurityGnbUeContext& ue, uint8_t srbId, bool txCiphering)
{
    auto old = ue.srbs.find(srbId);
    if (old != ue.srbs.end())
    {
        old->second->Dispose();
        ue.srbs.erase(old);
    }
    auto rb = std::unique_ptr<NrSecurityRadioBearer>(
        new NrSecurityRadioBearer(this, ue.ueId, NrSecurityRbType::SRB, srbId, false));
    Ptr<NrSecurityPdcp> p = rb->GetPdcp();
    p->SetTxIntegrity(ue.nia, ue.keys.kRrcInt);
    p->SetRxIntegrity(ue.nia, ue.keys.kRrcInt, 0);
    p->SetRxCiphering(ue.nea, ue.keys.kRrcEnc, 0);
    if (txCiphering)
    {
        p->SetTxCiphering(ue.nea, ue.keys.kRrcEnc);
    }
    NotifyPdcpEntityCreated(ue.ueId, rb->GetName(), p);
    if (srbId == 1)
    {
        ue.srb1 = p;
    }
    NrSecurityRadioBearer& ref = *rb;
    ue.srbs[srbId] = std::move(rb);
    return ref;
}

void
NrSecurityGnbRrc::HandleReestablishmentRequest(uint32_t ueId, const NrSecurityRrcDecoded& m)
{
    NS_LOG_FUNCTION(this << ueId << m.cRnti << m.physCellId);
    const std::string name = "rrcReestablishmentRequest";
    const NrSecurityCellInfo here = GetCellInfo();
    m_connectionEventTrace(ueId,
                           "reestablishment-request",
                           "c-RNTI " + std::to_string(m.cRnti) + ", source PCI "
                               + std::to_string(m.physCellId) + ", shortMAC-I "
                               + Hex16(m.shortMacI));
    if (RefuseRepeatedRecovery(ueId, name, m.physCellId != m_pci))
    {
        return;
    }
    if (m.physCellId != m_pci)
    {
        if (!CRntiAvailable())
        {
            RefuseReestablishmentNoCRnti(ueId, "RRCReestablishmentRequest");
            return;
        }
        // The last serving cell is another gNB's: TS 38.423 8.2.4 RETRIEVE UE CONTEXT.
        NrSecurityCellInfo old;
        if (m_xnSend.IsNull() || m_neighbourLookup.IsNull()
            || !m_neighbourLookup(0, m.physCellId, old))
        {
            RecoveryFallback(ueId,
                             name,
                             "source PCI " + std::to_string(m.physCellId) + " is no known cell",
                             true);
            return;
        }
        NrSecurityXnMessage q;
        q.type = NrSecurityXnMessage::RETRIEVE_UE_CONTEXT_REQUEST;
        q.ueId = ueId;
        q.sourceCellId = m_cellId;
        q.targetCellId = old.cellId;
        q.targetPci = old.pci;
        q.resume = false;
        q.cRnti = m.cRnti;
        q.sourcePci = m.physCellId;
        q.macI16 = m.shortMacI;
        q.newCell = here;
        m_retrievePending[ueId] = false;
        m_connectionEventTrace(
            ueId, "retrieve-ue-context-request", "to cell " + std::to_string(old.cellId));
        if (!m_xnSend(q))
        {
            m_retrievePending.erase(ueId);
            RecoveryFallback(ueId, name, "no Xn path to the last serving gNB", true);
        }
        return;
    }
    // TS 38.331 5.3.7.4 / 5.3.7.5: the context of (PCI, c-RNTI); the PCI is this cell's.
    NrSecurityGnbUeContext* ue = FindByCRnti(m.cRnti);
    if (!ue)
    {
        RecoveryFallback(ueId,
                         name,
                         "no UE context for c-RNTI " + std::to_string(m.cRnti) + " in PCI "
                             + std::to_string(m_pci),
                         true);
        return;
    }
    if (ue->ueId != ueId)
    {
        // The model keeps a context on the radio link of its UE: one UE cannot take over
        // another's (without that UE's K_RRCint the shortMAC-I fails anyway).
        RecoveryFallback(ueId,
                         name,
                         "c-RNTI " + std::to_string(m.cRnti) + " in PCI " + std::to_string(m_pci)
                             + " is another UE's context",
                         true);
        return;
    }
    if (ue->state != NrSecurityRrcState::SECURITY_ACTIVE)
    {
        RecoveryFallback(ueId, name, "no UE context with active AS security", true);
        return;
    }
    if (ue->retrievedByCellId != 0)
    {
        RecoveryFallback(ueId,
                         name,
                         "UE context handed to cell " + std::to_string(ue->retrievedByCellId)
                             + " already (RETRIEVE UE CONTEXT)",
                         true);
        return;
    }
    // TS 38.331 5.3.7.4, TS 33.501 6.11: the expected shortMAC-I with the source K_RRCint and
    // NIA over VarShortMAC-Input (source PCI, this cell's cellIdentity, source C-RNTI).
    uint16_t expected = 0;
    try
    {
        expected = NrSecurityShortMacI::ShortMacI(
            ue->nia, ue->keys.kRrcInt, m_pci, here.cellIdentity, m.cRnti);
    }
    catch (const std::invalid_argument& x)
    {
        RecoveryFallback(ueId, name, std::string("no shortMAC-I: ") + x.what(), true);
        return;
    }
    if (expected != m.shortMacI)
    {
        RecoveryFallback(ueId,
                         name,
                         "shortMAC-I " + Hex16(m.shortMacI) + " does not match " + Hex16(expected)
                             + " (TS 38.331 5.3.7.4, TS 33.501 6.11)",
                         true);
        return;
    }
    NrSecurityKeyEpoch e;
    std::string why;
    if (!RecoveryEpoch(*ue, here, false, e, why))
    {
        RecoveryFallback(ueId, name, why, true);
        return;
    }
    StartReestablishment(*ue, e);
}

void
NrSecurityGnbRrc::StartReestablishment(NrSecurityGnbUeContext& ue, const NrSecurityKeyEpoch& epoch)
{
    const uint32_t ueId = ue.ueId;
    // TS 38.331 5.3.7.1: AS security again with the algorithms in use; SRB1 re-established.
    ue.kGnb = epoch.kGnb;
    ue.keys = NrSecurityKdf::DeriveAsKeys(
        ue.kGnb, static_cast<uint8_t>(ue.nea), static_cast<uint8_t>(ue.nia));
    KeyDerived(ueId, "K_gNB", ue.kGnb.data(), ue.kGnb.size());
    KeyDerived(ueId, "K_RRCint", ue.keys.kRrcInt.data(), ue.keys.kRrcInt.size());
    KeyDerived(ueId, "K_RRCenc", ue.keys.kRrcEnc.data(), ue.keys.kRrcEnc.size());
    KeyDerived(ueId, "K_UPint", ue.keys.kUpInt.data(), ue.keys.kUpInt.size());
    KeyDerived(ueId, "K_UPenc", ue.keys.kUpEnc.data(), ue.keys.kUpEnc.size());
    KeyChange(ue, epoch);
    ue.handover = NrSecurityGnbHandover();
    ue.reconfigurationPending = false;
    ue.capabilityPending = false;
    // RRCReestablishment is integrity-protected and not ciphered (the UE derives the keys
    // from it); everything after it, both ways, is also ciphered (TS 38.331 5.3.7.5).
    NrSecurityRadioBearer& srb1 = NewRecoverySrb(ue, 1, false);
    ue.rbsSuspended = true;
    ue.recoveryTransactionId = NextTransactionId(ue);
    SetState(ue, NrSecurityRrcState::REESTABLISHING);
    Send(ue,
         1,
         "rrcReestablishment",
         NrSecurityRrcMessage::EncodeRrcReestablishment(ue.recoveryTransactionId, epoch.ncc));
    srb1.GetPdcp()->SetTxCiphering(ue.nea, ue.keys.kRrcEnc);
    RecoverySent(ue, "reestablishment", "RRCReestablishment", epoch);
}

void
NrSecurityGnbRrc::RecoverySent(NrSecurityGnbUeContext& ue,
                               const std::string& event,
                               const std::string& message,
                               const NrSecurityKeyEpoch& epoch)
{
    m_connectionEventTrace(ue.ueId,
                           event,
                           message + " sent: K_gNB* " + epoch.DerivationName() + ", NCC "
                               + std::to_string(unsigned(epoch.ncc)) + ", PCI "
                               + std::to_string(epoch.pci));
    ue.guard.Cancel();
    ue.guard
        = Simulator::Schedule(m_smcGuard, &NrSecurityGnbRrc::RecoveryGuardExpired, this, ue.ueId);
}

bool
NrSecurityGnbRrc::AcceptRecoveryComplete(NrSecurityGnbUeContext& ue,
                                         const NrSecurityRrcDecoded& m,
                                         uint32_t count,
                                         const std::string& name,
                                         NrSecurityRrcState pending,
                                         const std::string& request)
{
    if (ue.state != pending)
    {
        Refuse(ue.ueId, count, name, "no " + request + " is pending");
        return false;
    }
    if (m.transactionId != ue.recoveryTransactionId)
    {
        RefuseOtherTransaction(ue, count, name, m.transactionId, ue.recoveryTransactionId, request);
        return false;
    }
    // PDCP verified and deciphered it with the new keys.
    ue.guard.Cancel();
    SetState(ue, NrSecurityRrcState::SECURITY_ACTIVE);
    return true;
}

void
NrSecurityGnbRrc::HandleReestablishmentComplete(NrSecurityGnbUeContext& ue,
                                                const NrSecurityRrcDecoded& m,
                                                uint32_t count)
{
    if (!AcceptRecoveryComplete(ue,
                                m,
                                count,
                                "rrcReestablishmentComplete",
                                NrSecurityRrcState::REESTABLISHING,
                                "RRCReestablishment"))
    {
        return;
    }
    ++m_reestablishments;
    m_connectionEventTrace(ue.ueId, "reestablished", "RRCReestablishmentComplete verified");
    // TS 38.331 5.3.7.1, 5.3.5.6.3, 5.3.5.6.5: RRCReconfiguration re-establishing SRB2 and
    // every DRB (reestablishPDCP) with the new keys; this gNB's entities likewise, now. DRB
    // integrity protection is applied again where the DRB has it (case M5's known gap).
    NrSecurityRadioBearerConfig rbc;
    auto srb2 = ue.srbs.find(2);
    if (srb2 != ue.srbs.end())
    {
        rbc.srbsToAdd = {2};
        rbc.srbReestablishPdcp = true;
        Ptr<NrSecurityPdcp> p = srb2->second->GetPdcp();
        p->SetTxIntegrity(ue.nia, ue.keys.kRrcInt);
        p->SetRxIntegrity(ue.nia, ue.keys.kRrcInt, static_cast<uint32_t>(p->GetRxNext()));
        p->SetTxCiphering(ue.nea, ue.keys.kRrcEnc);
        p->SetRxCiphering(ue.nea, ue.keys.kRrcEnc, static_cast<uint32_t>(p->GetRxNext()));
        p->Reestablish();
    }
    for (auto& [id, rb] : ue.drbs)
    {
        NrSecurityDrbConfig d = rb->GetDrbConfig();
        d.reestablishPdcp = true;
        rbc.drbsToAdd.push_back(d);
        Ptr<NrSecurityPdcp> p = rb->GetPdcp();
        const uint32_t from = static_cast<uint32_t>(p->GetRxNext());
        if (d.integrityProtection)
        {
            p->SetTxIntegrity(ue.nia, ue.keys.kUpInt);
            p->SetRxIntegrity(ue.nia, ue.keys.kUpInt, from);
        }
        if (!d.cipheringDisabled)
        {
            p->SetTxCiphering(ue.nea, ue.keys.kUpEnc);
            p->SetRxCiphering(ue.nea, ue.keys.kUpEnc, from);
        }
    }
    ue.rbsSuspended = false;
    if (!rbc.srbsToAdd.empty() || !rbc.drbsToAdd.empty())
    {
        ue.reconfigurationTransactionId = NextTransactionId(ue);
        ue.reconfigurationPending = true;
        Send(ue,
             1,
             "rrcReconfiguration",
             NrSecurityRrcMessage::EncodeRrcReconfiguration(ue.reconfigurationTransactionId, rbc));
    }
    // AM DRBs retransmit what the UE did not confirm, now under the new keys (TS 38.323
    // 5.1.2), after the RRCReconfiguration that tells the UE to re-establish.
    for (auto& [id, rb] : ue.drbs)
    {
        rb->GetPdcp()->Reestablish();
    }
    if (ue.retrieved)
    {
        FinishRetrieved(ue);
    }
}

void
NrSecurityGnbRrc::RecoveryFallback(uint32_t ueId,
                                   const std::string& name,
                                   const std::string& reason,
                                   bool refused)
{
    if (refused)
    {
        ++m_recoveryRefusals;
        Refuse(ueId, 0, name, reason);
    }
    // TS 38.331 5.3.7.1, 5.3.13.1: the network could not retrieve or verify the UE context:
    // fallback to RRC connection establishment with RRCSetup (5.3.3.4).
    m_connectionEventTrace(ueId, "recovery-fallback", name + ": " + reason + "; RRCSetup");
    NrSecurityRrcDecoded setup;
    setup.ok = true;
    setup.type = NrSecurityRrcDecoded::RRC_SETUP_REQUEST;
    setup.ueIdentity = 0;
    HandleSetupRequest(ueId, setup);
}

void
NrSecurityGnbRrc::RecoveryGuardExpired(uint32_t ueId)
{
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue
        || (ue->state != NrSecurityRrcState::REESTABLISHING
            && ue->state != NrSecurityRrcState::RESUMING))
    {
        return;
    }
    const std::string why = ue->state == NrSecurityRrcState::REESTABLISHING
                                ? "no RRCReestablishmentComplete before the guard timer"
                                : "no RRCResumeComplete before the guard timer";
    const bool retrieved = ue->retrieved;
    const uint16_t oldCellId = ue->retrievedFromCellId;
    ue->retrieved = false;
    ReleaseContext(*ue, why);
    if (retrieved)
    {
        ReleaseAtOldNode(ueId, oldCellId, why); // else the old node kept it for ever
    }
}

void
NrSecurityGnbRrc::RefuseReestablishmentNoCRnti(uint32_t ueId, const std::string& where)
{
    // TS 38.331 5.3.7: the network answers re-establishment with RRCReestablishment or with
    // RRCSetup (fallback); both give the UE a C-RNTI of this cell. RRCReject (5.3.15) answers
    // RRCSetupRequest and RRCResumeRequest only. No answer: the UE's T301 expires (5.3.7.7)
    // and it goes to RRC_IDLE.
    ++m_cRntiRejects;
    const std::string why = where + ": no C-RNTI (all " + std::to_string(m_cRntis.GetInUse())
                            + " of this cell are in use); no answer, the UE's T301 expires";
    Refuse(ueId, 0, "rrcReestablishmentRequest", why);
    m_connectionEventTrace(ueId, "recovery-refused", why);
}

} // namespace ns3
