// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityGnbRrc: XnAP RETRIEVE UE CONTEXT (TS 38.423 8.2.4) for re-establishment and
 * resume in another gNB's cell: the old node's check of the UE's MAC and its K_gNB* for the
 * new cell, the new node's adoption of the retrieved context, and the XnAP UE CONTEXT RELEASE
 * (8.2.7) that ends the old node's context, when the procedure completes or when the new node
 * gives it up (no C-RNTI free at the response, guard timer expired).
 */
#include "nr-security-gnb-rrc.h"
#include "nr-security-short-mac-i.h"
#include "ns3/log.h"

#include <sstream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbRrcRetrieve");

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
        if (msg.resume)
        {
            RejectNoCRnti(msg.ueId, "RRCResumeRequest"); // TS 38.331 5.3.15: RRCReject
        }
        else
        {
            RefuseReestablishmentNoCRnti(msg.ueId, "RETRIEVE UE CONTEXT RESPONSE");
        }
        // The old node handed the context to this cell: it is not taken up here.
        ReleaseAtOldNode(msg.ueId, msg.sourceCellId, "no C-RNTI free at the new node");
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
    ReleaseAtOldNode(ueId,
                     ue.retrievedFromCellId,
                     "UE context retrieved (RRC re-establishment or resume completed)");
}

void
NrSecurityGnbRrc::ReleaseAtOldNode(uint32_t ueId, uint16_t oldCellId, const std::string& cause)
{
    if (m_xnSend.IsNull())
    {
        return;
    }
    NrSecurityXnMessage rel;
    rel.type = NrSecurityXnMessage::UE_CONTEXT_RELEASE;
    rel.ueId = ueId;
    rel.sourceCellId = m_cellId;
    rel.targetCellId = oldCellId;
    rel.cause = cause;
    m_xnSend(rel);
}

} // namespace ns3
