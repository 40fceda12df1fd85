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
            RejectNoCRnti(ueId, "RRCReestablishmentRequest"); // the UE would need one here
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
    ReleaseContext(*ue,
                   ue->state == NrSecurityRrcState::REESTABLISHING
                       ? "no RRCReestablishmentComplete before the guard timer"
                       : "no RRCResumeComplete before the guard timer");
}

bool
NrSecurityGnbRrc::ReceiveXnRecovery(const NrSecurityXnMessage& msg)
{
    switch (msg.type)
    {
        case NrSecurityXnMessage::RETRIEVE_UE_CONTEXT_REQUEST:
            HandleRetrieveUeContextRequest(msg);
            return true;
        case NrSecurityXnMessage::RETRIEVE_UE_CONTEXT_RESPONSE:
            HandleRetrieveUeContextResponse(msg);
            return true;
        case NrSecurityXnMessage::RETRIEVE_UE_CONTEXT_FAILURE:
            HandleRetrieveUeContextFailure(msg);
            return true;
        case NrSecurityXnMessage::UE_CONTEXT_RELEASE:
        {
            // TS 38.423 8.2.7: the new node took the UE over (after RETRIEVE UE CONTEXT).
            NrSecurityGnbUeContext* ue = Find(msg.ueId);
            if (!ue || ue->retrievedByCellId == 0 || ue->retrievedByCellId != msg.sourceCellId)
            {
                return false; // a handover's release (nr-security-gnb-rrc-handover.cc)
            }
            ue->retrievedByCellId = 0;
            m_connectionEventTrace(msg.ueId,
                                   "context-retrieved-release",
                                   "UE CONTEXT RELEASE from cell "
                                       + std::to_string(msg.sourceCellId));
            ReleaseContext(*ue, "UE context retrieved by cell " + std::to_string(msg.sourceCellId));
            return true;
        }
        default:
            return false;
    }
}

void
NrSecurityGnbRrc::HandleRetrieveUeContextRequest(const NrSecurityXnMessage& msg)
{
    // The old node (TS 38.423 8.2.4.2, TS 33.501 6.11 / 6.8.2.1.3): verify the UE's MAC with
    // the K_RRCint it holds, derive K_gNB* for the new cell, answer with it and the NCC. A
    // context is handed over once: a later request for it (a replayed RRCResumeRequest or
    // RRCReestablishmentRequest, which carry no freshness) gets FAILURE, so no K_gNB* and
    // COUNTs are given out twice.
    const std::string name = msg.resume ? "rrcResumeRequest" : "rrcReestablishmentRequest";
    NrSecurityXnMessage r;
    r.ueId = msg.ueId;
    r.sourceCellId = m_cellId;
    r.targetCellId = msg.sourceCellId;
    r.resume = msg.resume;
    NrSecurityGnbUeContext* ue = nullptr;
    if (msg.resume)
    {
        for (auto& [id, c] : m_ues)
        {
            if (c.shortIRnti == static_cast<uint32_t>(msg.iRnti)
                && (c.state == NrSecurityRrcState::INACTIVE || c.retrievedByCellId != 0))
            {
                ue = &c;
                break;
            }
        }
    }
    else if (msg.sourcePci == m_pci)
    {
        ue = FindByCRnti(msg.cRnti); // (PCI, c-RNTI) of the request
    }
    std::string why;
    NrSecurityKeyEpoch e;
    if (!ue)
    {
        why = msg.resume ? "no UE context for shortI-RNTI " + std::to_string(msg.iRnti)
                         : "no UE context for c-RNTI " + std::to_string(msg.cRnti) + " in PCI "
                               + std::to_string(msg.sourcePci);
    }
    else if (ue->ueId != msg.ueId)
    {
        why = msg.resume ? "shortI-RNTI " + std::to_string(msg.iRnti) + " is another UE's context"
                         : "c-RNTI " + std::to_string(msg.cRnti) + " in PCI "
                               + std::to_string(msg.sourcePci) + " is another UE's context";
    }
    else if (ue->retrievedByCellId != 0)
    {
        why = "UE context retrieved by cell " + std::to_string(ue->retrievedByCellId) + " already";
    }
    else if (!msg.resume
             && (msg.sourcePci != m_pci || ue->state != NrSecurityRrcState::SECURITY_ACTIVE))
    {
        why = "no UE context with active AS security in PCI " + std::to_string(msg.sourcePci);
    }
    else
    {
        uint16_t expected = 0;
        try
        {
            expected
                = msg.resume
                      ? NrSecurityShortMacI::ResumeMacI(ue->nia,
                                                        ue->keys.kRrcInt,
                                                        ue->suspendPci,
                                                        msg.newCell.cellIdentity,
                                                        ue->suspendCRnti)
                      : NrSecurityShortMacI::ShortMacI(
                          ue->nia, ue->keys.kRrcInt, m_pci, msg.newCell.cellIdentity, msg.cRnti);
            if (expected != msg.macI16)
            {
                why = std::string(msg.resume ? "resumeMAC-I " : "shortMAC-I ") + Hex16(msg.macI16)
                      + " does not match " + Hex16(expected);
            }
        }
        catch (const std::invalid_argument& x)
        {
            // The new cell's cellIdentity comes from the peer (more than 36 bits).
            why = std::string(msg.resume ? "no resumeMAC-I: " : "no shortMAC-I: ") + x.what();
        }
        if (why.empty())
        {
            RecoveryEpoch(*ue, msg.newCell, msg.resume, e, why);
        }
    }
    if (!why.empty())
    {
        ++m_recoveryRefusals;
        Refuse(msg.ueId,
               0,
               name,
               "RETRIEVE UE CONTEXT REQUEST from cell " + std::to_string(msg.sourceCellId) + ": "
                   + why);
        m_connectionEventTrace(msg.ueId,
                               "retrieve-ue-context-failure",
                               "to cell " + std::to_string(msg.sourceCellId) + ": " + why);
        r.type = NrSecurityXnMessage::RETRIEVE_UE_CONTEXT_FAILURE;
        r.cause = why;
        m_xnSend(r);
        return;
    }
    r.type = NrSecurityXnMessage::RETRIEVE_UE_CONTEXT_RESPONSE;
    r.kGnbStar = e.kGnb;
    r.ncc = e.ncc;
    r.keyEpoch = e.epoch;
    r.derivation = e;
    r.caps = ue->caps;
    r.emergency = ue->emergency;
    r.nea = ue->nea;
    r.nia = ue->nia;
    r.pduSessions = ue->pduSessions;
    r.results = ue->results;
    if (msg.resume)
    {
        r.drbs = ue->suspendDrbs;
        // Handed over: the resume input and K_RRCint are of no further use here, and the
        // context leaves RRC_INACTIVE (FindInactive no longer matches it) until UE CONTEXT
        // RELEASE.
        ue->suspendKey = NrSecurityKey256{};
        ue->kGnb = NrSecurityKey256{};
        ue->nh = NrSecurityKey256{};
        ue->nhUnused = false;
        ue->keys = NrSecurityAsKeys();
        SetState(*ue, NrSecurityRrcState::RELEASED);
    }
    else
    {
        for (const auto& [id, rb] : ue->drbs)
        {
            r.drbs.push_back(rb->GetDrbConfig());
        }
        r.drbStatus = CountStatus(*ue);
        ue->rbsSuspended = true; // the UE is in another cell now; the release follows
    }
    ue->retrievedByCellId = msg.sourceCellId;
    m_connectionEventTrace(msg.ueId,
                           "retrieve-ue-context-response",
                           "to cell " + std::to_string(msg.sourceCellId) + ": K_gNB* "
                               + e.DerivationName() + ", NCC " + std::to_string(unsigned(e.ncc)));
    m_xnSend(r);
}

NrSecurityGnbUeContext&
NrSecurityGnbRrc::AdoptRetrievedContext(const NrSecurityXnMessage& msg)
{
    NrSecurityGnbUeContext* old = Find(msg.ueId);
    if (old)
    {
        old->guard.Cancel();
        for (auto& [id, rb] : old->srbs)
        {
            rb->Dispose();
        }
        for (auto& [id, rb] : old->drbs)
        {
            rb->Dispose();
        }
        FreeCRnti(*old);
        m_ues.erase(msg.ueId);
    }
    NrSecurityGnbUeContext& ue = m_ues[msg.ueId];
    ue.ueId = msg.ueId;
    AssignCRnti(ue); // the UE's C-RNTI in this cell (checked free by the caller)
    ue.contextReceived = true;
    ue.capabilityReceived = true; // known at the old node; no new enquiry
    ue.caps = msg.caps;
    ue.emergency = msg.emergency;
    ue.nea = msg.nea;
    ue.nia = msg.nia;
    ue.pduSessions = msg.pduSessions;
    ue.results = msg.results;
    ue.retrieved = true;
    ue.retrievedFromCellId = msg.sourceCellId;
    ue.epoch = msg.derivation; // replaced by the KeyChange of the procedure
    ue.kGnb = msg.kGnbStar;
    ue.suspendDrbs = msg.drbs;
    ue.suspendSrb2 = !msg.drbs.empty();
    ue.lastTransactionId = 0;
    return ue;
}

void
NrSecurityGnbRrc::HandleRetrieveUeContextResponse(const NrSecurityXnMessage& msg)
{
    auto it = m_retrievePending.find(msg.ueId);
    if (it == m_retrievePending.end() || it->second != msg.resume)
    {
        Refuse(msg.ueId, 0, "retrieveUeContextResponse", "no RETRIEVE UE CONTEXT REQUEST pending");
        return;
    }
    m_retrievePending.erase(it);
    const NrSecurityGnbUeContext* running = Find(msg.ueId);
    if (running
        && (running->state == NrSecurityRrcState::REESTABLISHING
            || running->state == NrSecurityRrcState::RESUMING))
    {
        // Adopting it would rebuild the running bearers under a K_gNB* with their COUNTs again.
        ++m_recoveryRefusals;
        const std::string why = "the UE is " + NrSecurityRrcStateName(running->state)
                                + " already; the retrieved context is not adopted again";
        Refuse(msg.ueId, 0, "retrieveUeContextResponse", why);
        m_connectionEventTrace(msg.ueId, "recovery-refused", "retrieveUeContextResponse: " + why);
        return;
    }
    if (!CRntiAvailable() && !(running && running->cRnti != 0))
    {
        RejectNoCRnti(msg.ueId, msg.resume ? "RRCResumeRequest" : "RRCReestablishmentRequest");
        return;
    }
    NrSecurityGnbUeContext& ue = AdoptRetrievedContext(msg);
    // XnAP carries K_gNB* and the NCC (TS 38.423 9.2.3.49); the rest of the epoch is the old
    // node's record of the derivation (traces only). This cell is where K_gNB* is used.
    NrSecurityKeyEpoch e = msg.derivation;
    e.kGnb = msg.kGnbStar;
    e.ncc = msg.ncc;
    e.cellId = m_cellId;
    m_connectionEventTrace(
        msg.ueId, "retrieve-ue-context-response", "from cell " + std::to_string(msg.sourceCellId));
    if (msg.resume)
    {
        StartResume(ue, e);
        return;
    }
    // The bearers the old node had, with its COUNTs (re-established at the Complete: AM DRBs
    // keep them, TS 38.323 5.1.2); suspended until then.
    ue.keys = NrSecurityKdf::DeriveAsKeys(
        ue.kGnb, static_cast<uint8_t>(ue.nea), static_cast<uint8_t>(ue.nia));
    if (ue.suspendSrb2)
    {
        NewRecoverySrb(ue, 2, true);
    }
    for (const NrSecurityDrbConfig& d0 : msg.drbs)
    {
        NrSecurityDrbConfig d = d0;
        d.reestablishPdcp = false;
        auto rb = std::unique_ptr<NrSecurityRadioBearer>(
            new NrSecurityRadioBearer(this, ue.ueId, NrSecurityRbType::DRB, d.drbId, false, d));
        Ptr<NrSecurityPdcp> p = rb->GetPdcp();
        for (const NrSecurityDrbCountStatus& s : msg.drbStatus)
        {
            if (s.drbId == d.drbId)
            {
                p->SetTxNext(s.dlCount);
                p->SetRxDeliv(s.ulCount);
            }
        }
        NotifyPdcpEntityCreated(ue.ueId, rb->GetName(), p);
        ue.drbs[d.drbId] = std::move(rb);
    }
    StartReestablishment(ue, e);
}

void
NrSecurityGnbRrc::HandleRetrieveUeContextFailure(const NrSecurityXnMessage& msg)
{
    auto it = m_retrievePending.find(msg.ueId);
    if (it == m_retrievePending.end() || it->second != msg.resume)
    {
        Refuse(msg.ueId, 0, "retrieveUeContextFailure", "no RETRIEVE UE CONTEXT REQUEST pending");
        return;
    }
    m_retrievePending.erase(it);
    RecoveryFallback(msg.ueId,
                     msg.resume ? "rrcResumeRequest" : "rrcReestablishmentRequest",
                     "RETRIEVE UE CONTEXT FAILURE from cell " + std::to_string(msg.sourceCellId)
                         + ": " + msg.cause,
                     true);
}

void
NrSecurityGnbRrc::FinishRetrieved(NrSecurityGnbUeContext& ue)
{
    // As after an Xn handover (TS 38.413 8.4.4, TS 38.423 8.2.7): PATH SWITCH REQUEST (the
    // {NH, NCC} of the answer is kept unused) and UE CONTEXT RELEASE to the old node.
    const uint32_t ueId = ue.ueId;
    ue.retrieved = false;
    if (m_amf
        && !m_amf->PathSwitchRequest(
            ueId, m_cellId, MakeCallback(&NrSecurityGnbRrc::PathSwitchAck, this)))
    {
        m_connectionEventTrace(ueId, "path-switch-refused", "the AMF refused PATH SWITCH REQUEST");
    }
    if (!m_xnSend.IsNull())
    {
        NrSecurityXnMessage rel;
        rel.type = NrSecurityXnMessage::UE_CONTEXT_RELEASE;
        rel.ueId = ueId;
        rel.sourceCellId = m_cellId;
        rel.targetCellId = ue.retrievedFromCellId;
        rel.cause = "UE context retrieved (RRC re-establishment or resume completed)";
        m_xnSend(rel);
    }
}

} // namespace ns3
