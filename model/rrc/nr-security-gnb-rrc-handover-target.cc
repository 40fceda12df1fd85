// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityGnbRrc: handover, the target side (TS 33.501 6.9.2.3.2 Xn, 6.9.2.3.3 N2; TS
 * 38.331 5.3.5.4, 5.3.5.5.2, 5.3.5.7; XnAP TS 38.423 8.2.1, 8.2.3; NGAP TS 38.413 8.4.2,
 * 8.4.4; TS 38.300 9.2.3.2.1): preparation with the received K_gNB* or NH, the COUNT status,
 * held and forwarded data, the RRCReconfigurationComplete, path switch.
 */
#include "nr-security-gnb-rrc.h"
#include "nr-security-rrc-message.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbRrcHandoverTarget");

namespace
{

/// Configures a PDCP entity with the AS keys of an SRB (receive side from COUNT 0).
void
SetSrbKeys(Ptr<NrSecurityPdcp> p,
           NrSecurityCiphering nea,
           NrSecurityIntegrity nia,
           const NrSecurityAsKeys& keys)
{
    p->SetTxIntegrity(nia, keys.kRrcInt);
    p->SetRxIntegrity(nia, keys.kRrcInt, 0);
    p->SetTxCiphering(nea, keys.kRrcEnc);
    p->SetRxCiphering(nea, keys.kRrcEnc, 0);
}

/**
 * The source's algorithms, kept by the UE through a handover without securityConfig (TS
 * 38.331 5.3.5.4), are usable here if this gNB's priority lists hold them, the UE supports
 * them and NIA0 only for an emergency session (TS 33.501 6.7.3.0, 5.11.1).
 * \return true if allowed; else false with cause set
 */
bool
SourceAlgorithmsAllowed(const std::vector<NrSecurityCiphering>& neaPriority,
                        const std::vector<NrSecurityIntegrity>& niaPriority,
                        const NrSecurityUeCapabilities& caps,
                        bool emergency,
                        NrSecurityCiphering nea,
                        NrSecurityIntegrity nia,
                        std::string& cause)
{
    const bool neaOk = std::find(neaPriority.begin(), neaPriority.end(), nea) != neaPriority.end()
                       && caps.Supports(nea);
    const bool niaOk = std::find(niaPriority.begin(), niaPriority.end(), nia) != niaPriority.end()
                       && caps.Supports(nia) && (nia != NrSecurityIntegrity::NIA0 || emergency);
    if (!neaOk || !niaOk)
    {
        cause = "the source's algorithms (" + NrSecurityAlgorithms::Name(nea) + ", "
                + NrSecurityAlgorithms::Name(nia) + ") are not allowed in this cell";
        return false;
    }
    return true;
}

} // namespace

/// Configures a DRB's PDCP entity with the UP keys its configuration asks for.
void
NrSecuritySetDrbKeys(Ptr<NrSecurityPdcp> p,
                     const NrSecurityDrbConfig& d,
                     NrSecurityCiphering nea,
                     NrSecurityIntegrity nia,
                     const NrSecurityAsKeys& keys)
{
    if (d.integrityProtection)
    {
        p->SetTxIntegrity(nia, keys.kUpInt);
        p->SetRxIntegrity(nia, keys.kUpInt, 0);
    }
    if (!d.cipheringDisabled)
    {
        p->SetTxCiphering(nea, keys.kUpEnc);
        p->SetRxCiphering(nea, keys.kUpEnc, 0);
    }
}

bool
NrSecurityGnbRrc::HoldUplinkPdu(NrSecurityGnbUeContext& ue, const NrSecurityRbPdu& pdu)
{
    if (ue.handover.role == NrSecurityGnbHandover::TARGET && !ue.handover.statusReceived
        && pdu.type == NrSecurityRbType::DRB)
    {
        // The DRB's receive state comes with SN STATUS TRANSFER (TS 38.300 9.2.3.2.1).
        ue.handover.heldUplink.push_back(pdu);
        return true;
    }
    return false;
}

void
NrSecurityGnbRrc::HandleHandoverRequest(const NrSecurityXnMessage& msg)
{
    NrSecurityXnMessage answer;
    answer.ueId = msg.ueId;
    answer.sourceCellId = m_cellId;
    answer.targetCellId = msg.sourceCellId;
    std::string cause;
    std::vector<uint8_t> command;
    NrSecurityKeyEpoch e = msg.derivation;
    e.kGnb = msg.kGnbStar; // TS 33.501 6.9.2.3.2: the target uses the received K_gNB* and NCC
    e.ncc = msg.ncc;
    e.cellId = m_cellId;
    e.cause = "xn-handover";
    // The target keeps the source's algorithms (the UE keeps them: no securityConfig is
    // signalled) if its own policy allows them.
    if (!SourceAlgorithmsAllowed(
            m_neaPriority, m_niaPriority, msg.caps, msg.emergency, msg.nea, msg.nia, cause))
    {
        // cause set
    }
    else if (!PrepareTarget(msg.ueId,
                            e,
                            msg.caps,
                            msg.emergency,
                            msg.nea,
                            msg.nia,
                            msg.pduSessions,
                            msg.results,
                            msg.drbs,
                            command,
                            cause))
    {
        // cause set
    }
    if (!cause.empty())
    {
        answer.type = NrSecurityXnMessage::HANDOVER_PREPARATION_FAILURE;
        answer.cause = cause;
        HandoverEvent(msg.ueId, "handover-request-refused", cause);
        if (!m_xnSend.IsNull())
        {
            m_xnSend(answer);
        }
        return;
    }
    NrSecurityGnbUeContext& ue = *Find(msg.ueId);
    ue.handover.type = NrSecurityHandoverType::XN;
    ue.handover.sourceCellId = msg.sourceCellId;
    answer.type = NrSecurityXnMessage::HANDOVER_REQUEST_ACKNOWLEDGE;
    answer.rrcContainer = command;
    HandoverEvent(msg.ueId,
                  "handover-request-ack-sent",
                  "K_gNB* from cell " + std::to_string(msg.sourceCellId) + ", NCC "
                      + std::to_string(unsigned(msg.ncc)));
    if (m_xnSend.IsNull() || !m_xnSend(answer))
    {
        HandoverEvent(msg.ueId, "handover-request-ack-lost", "no Xn to the source");
    }
}

void
NrSecurityGnbRrc::HandleN2HandoverRequest(const NrSecurityN2HandoverRequest& req)
{
    // TS 33.501 6.9.2.3.3: K_gNB* = KDF(NH, target PCI, ARFCN-DL) from the fresh {NH, NCC}.
    const NrSecurityCellInfo c = GetCellInfo();
    NrSecurityKeyEpoch e;
    e.cause = "n2-handover";
    e.derivation = NrSecurityKeyEpoch::VERTICAL;
    e.inputKey = req.nh;
    e.ncc = req.ncc;
    e.nhIndex = req.nhIndex;
    e.cellId = c.cellId;
    e.pci = c.pci;
    e.arfcnDl = c.arfcnDl;
    e.kGnb = NrSecurityKdf::DeriveKgnbStar(req.nh, c.pci, c.arfcnDl);
    e.epoch = req.keyEpoch; // the source's epoch + 1 (trace only, through the AMF)
    std::string cause;
    std::vector<uint8_t> command;
    std::vector<NrSecurityDrbConfig> drbs;
    // The UE keeps its algorithms (no securityConfig is signalled): the target keeps the
    // source's ones, as on Xn, or refuses (TS 38.413 8.4.2.3 HANDOVER FAILURE).
    if (SourceAlgorithmsAllowed(
            m_neaPriority, m_niaPriority, req.caps, req.emergency, req.nea, req.nia, cause))
    {
        // The UE keeps its DRBs' integrityProtection and cipheringDisabled (it refuses a
        // change): each handed-over session's DRB is rebuilt with the source's decision
        // (TS 33.501 6.6.1), not re-decided from this gNB's UP policy.
        for (const NrSecurityPduSession& s : req.pduSessions)
        {
            auto r = std::find_if(req.results.begin(),
                                  req.results.end(),
                                  [&s](const NrSecurityPduSessionResult& x)
                                  { return x.ok && x.pduSessionId == s.pduSessionId; });
            if (r == req.results.end())
            {
                continue; // no DRB served it at the source: not handed over
            }
            NrSecurityDrbConfig d;
            d.drbId = r->drbId;
            d.pduSessionId = s.pduSessionId;
            d.sdapHeaderUl = m_sdapHeader;
            d.sdapHeaderDl = m_sdapHeader;
            d.qfis = s.qfis;
            d.snLengthBits = m_drbSnLength;
            d.integrityProtection = r->integrity;
            d.cipheringDisabled = !r->ciphering;
            drbs.push_back(d);
        }
        PrepareTarget(req.ueId,
                      e,
                      req.caps,
                      req.emergency,
                      req.nea,
                      req.nia,
                      req.pduSessions,
                      req.results,
                      drbs,
                      command,
                      cause);
    }
    if (!cause.empty())
    {
        HandoverEvent(req.ueId, "handover-request-refused", cause);
        m_amf->HandoverRequestAcknowledge(req.ueId, false, {}, cause);
        return;
    }
    NrSecurityGnbUeContext& ue = *Find(req.ueId);
    ue.handover.type = NrSecurityHandoverType::N2;
    ue.handover.sourceCellId = req.sourceCellId;
    ApplyCountStatus(ue, req.status);
    HandoverEvent(req.ueId,
                  "handover-request-ack-sent",
                  "N2, K_gNB* from NH_" + std::to_string(req.nhIndex) + ", NCC "
                      + std::to_string(unsigned(req.ncc)));
    m_amf->HandoverRequestAcknowledge(req.ueId, true, command, "");
}

bool
NrSecurityGnbRrc::PrepareTarget(uint32_t ueId,
                                const NrSecurityKeyEpoch& epoch,
                                const NrSecurityUeCapabilities& caps,
                                bool emergency,
                                NrSecurityCiphering nea,
                                NrSecurityIntegrity nia,
                                const std::vector<NrSecurityPduSession>& sessions,
                                const std::vector<NrSecurityPduSessionResult>& results,
                                const std::vector<NrSecurityDrbConfig>& drbs,
                                std::vector<uint8_t>& command,
                                std::string& cause)
{
    NrSecurityGnbUeContext* old = Find(ueId);
    if (old && old->state != NrSecurityRrcState::RELEASED)
    {
        cause = "the UE has a live context in this cell";
        return false;
    }
    if (drbs.empty())
    {
        cause = "no DRB to hand over";
        return false;
    }
    for (const NrSecurityDrbConfig& d : drbs)
    {
        // The DRB keeps its UP security activation through the handover (the UE refuses a
        // change, TS 38.331 5.3.5.6.5): a gNB that cannot provide it refuses the UE.
        if ((d.integrityProtection && !m_upIntegritySupported)
            || (!d.cipheringDisabled && !m_upConfidentialitySupported))
        {
            cause = "DRB" + std::to_string(unsigned(d.drbId)) + " has UP "
                    + (d.integrityProtection && !m_upIntegritySupported ? "integrity protection"
                                                                        : "ciphering")
                    + " active and this gNB cannot provide it";
            return false;
        }
    }
    if (!CRntiAvailable())
    {
        // The UE needs a C-RNTI in this cell (newUE-Identity): handover preparation fails.
        ++m_cRntiRejects;
        cause = "no C-RNTI (all " + std::to_string(GetCRntisInUse())
                + " of the target cell are in use)";
        return false;
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
    AssignCRnti(ue); // newUE-Identity (one is free: CRntiAvailable above)
    ue.contextReceived = true;
    ue.capabilityReceived = true; // the UE radio capability comes with the request
    ue.caps = caps;
    ue.emergency = emergency;
    ue.pduSessions = sessions;
    ue.results = results;
    ue.nea = nea;
    ue.nia = nia;
    ue.kGnb = epoch.kGnb;
    ue.keys = NrSecurityKdf::DeriveAsKeys(
        epoch.kGnb, static_cast<uint8_t>(nea), static_cast<uint8_t>(nia));
    ue.epoch = epoch; // in force once the UE arrives (KeyChange fires then)
    ue.lastTransactionId = 0;
    NrSecurityRadioBearerConfig rbc;
    rbc.srbsToAdd = {1, 2};
    rbc.srbReestablishPdcp = true;
    for (uint8_t id : rbc.srbsToAdd)
    {
        auto rb = std::unique_ptr<NrSecurityRadioBearer>(
            new NrSecurityRadioBearer(this, ueId, NrSecurityRbType::SRB, id, false));
        SetSrbKeys(rb->GetPdcp(), nea, nia, ue.keys);
        NotifyPdcpEntityCreated(ueId, rb->GetName(), rb->GetPdcp());
        ue.srbs[id] = std::move(rb);
    }
    ue.srb1 = ue.srbs[1]->GetPdcp();
    for (NrSecurityDrbConfig d : drbs)
    {
        auto rb = std::unique_ptr<NrSecurityRadioBearer>(
            new NrSecurityRadioBearer(this, ueId, NrSecurityRbType::DRB, d.drbId, false, d));
        NrSecuritySetDrbKeys(rb->GetPdcp(), d, nea, nia, ue.keys);
        NotifyPdcpEntityCreated(ueId, rb->GetName(), rb->GetPdcp());
        ue.drbs[d.drbId] = std::move(rb);
        d.reestablishPdcp = true;
        rbc.drbsToAdd.push_back(d);
    }
    SetState(ue, NrSecurityRrcState::SECURITY_ACTIVE);
    const NrSecurityCellInfo c = GetCellInfo();
    NrSecurityReconfigurationWithSync sync;
    sync.targetPci = c.pci;
    sync.ssbArfcn = c.arfcnDl;
    sync.newUeIdentity = ue.cRnti; // the C-RNTI allocated here (TS 38.331 5.3.5.5.2)
    NrSecurityMasterKeyUpdate mku;
    mku.keySetChangeIndicator = false;
    mku.nextHopChainingCount = epoch.ncc;
    ue.handover = NrSecurityGnbHandover();
    ue.handover.role = NrSecurityGnbHandover::TARGET;
    ue.handover.targetCellId = m_cellId;
    ue.handover.started = Simulator::Now();
    ue.handover.transactionId = NextTransactionId(ue);
    try
    {
        command = NrSecurityRrcMessage::EncodeRrcReconfiguration(
            ue.handover.transactionId, rbc, &sync, &mku);
    }
    catch (const std::invalid_argument& ex)
    {
        cause = std::string("RRCReconfiguration not encodable: ") + ex.what();
        ReleaseContext(ue, cause);
        return false;
    }
    // A UE that never arrives (T304 expired, the source failed) sends no
    // RRCReconfigurationComplete: without this guard newUE-Identity would be held for ever.
    ue.guard.Cancel();
    ue.guard = Simulator::Schedule(
        m_handoverJoinTimer, &NrSecurityGnbRrc::HandoverJoinTimerExpired, this, ueId);
    return true;
}

void
NrSecurityGnbRrc::HandoverJoinTimerExpired(uint32_t ueId)
{
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue || ue->state == NrSecurityRrcState::RELEASED
        || ue->handover.role != NrSecurityGnbHandover::TARGET || ue->handover.ueArrived)
    {
        return;
    }
    ++m_handoverJoinTimeouts;
    ReleaseContext(*ue,
                   "the UE did not arrive within HandoverJoinTimer ("
                       + std::to_string(m_handoverJoinTimer.GetMilliSeconds())
                       + " ms); prepared context and C-RNTI " + std::to_string(ue->cRnti)
                       + " freed");
}

uint64_t
NrSecurityGnbRrc::GetHandoverJoinTimeouts() const
{
    return m_handoverJoinTimeouts;
}

void
NrSecurityGnbRrc::ApplyCountStatus(NrSecurityGnbUeContext& ue,
                                   const std::vector<NrSecurityDrbCountStatus>& status)
{
    // TS 38.300 9.2.3.2.1, TS 38.323 5.1.2: an AM DRB continues its COUNTs in the target.
    for (const NrSecurityDrbCountStatus& s : status)
    {
        auto it = ue.drbs.find(s.drbId);
        if (it == ue.drbs.end())
        {
            continue;
        }
        it->second->GetPdcp()->SetTxNext(s.dlCount);
        it->second->GetPdcp()->SetRxDeliv(s.ulCount);
    }
    ue.handover.statusReceived = true;
    ue.handover.status = status;
    HandoverEvent(ue.ueId, "count-status-applied", std::to_string(status.size()) + " DRBs");
}

void
NrSecurityGnbRrc::FlushTarget(NrSecurityGnbUeContext& ue)
{
    NrSecurityGnbHandover& h = ue.handover;
    if (h.statusReceived && !h.heldUplink.empty())
    {
        auto held = std::move(h.heldUplink);
        h.heldUplink.clear();
        for (const NrSecurityRbPdu& pdu : held)
        {
            auto it = ue.drbs.find(pdu.rbId);
            if (it == ue.drbs.end())
            {
                DiscardUserData(ue.ueId,
                                NrSecurityRbName(pdu.type, pdu.rbId),
                                "PDU on a DRB that is not set up");
                continue;
            }
            it->second->GetPdcp()->ReceivePdu(pdu.pdu);
        }
    }
    const bool ready
        = (h.role == NrSecurityGnbHandover::NONE)
          || (h.role == NrSecurityGnbHandover::TARGET && h.statusReceived && h.ueArrived);
    if (!ready || h.heldForwarded.empty())
    {
        return;
    }
    // Forwarded SDUs with a COUNT first, in ascending COUNT (the COUNT guard is a high-water
    // mark per key), then the fresh ones.
    auto held = std::move(h.heldForwarded);
    h.heldForwarded.clear();
    std::stable_sort(held.begin(),
                     held.end(),
                     [](const NrSecurityXnForwardedSdu& a, const NrSecurityXnForwardedSdu& b)
                     {
                         if (a.countAssigned != b.countAssigned)
                         {
                             return a.countAssigned;
                         }
                         return a.countAssigned && a.count < b.count;
                     });
    for (const NrSecurityXnForwardedSdu& x : held)
    {
        auto it = ue.drbs.find(x.drbId);
        if (it == ue.drbs.end() || !x.sdu)
        {
            DiscardUserData(ue.ueId,
                            "DRB" + std::to_string(unsigned(x.drbId)),
                            "forwarded SDU for a DRB that is not set up");
            continue;
        }
        Ptr<NrSecurityPdcp> p = it->second->GetPdcp();
        const int64_t r = x.countAssigned ? p->TransmitSduWithCount(x.sdu->Copy(), x.count)
                                          : p->TransmitSdu(x.sdu->Copy());
        if (r < 0)
        {
            DiscardUserData(ue.ueId, it->second->GetName(), "PDCP refused a forwarded SDU");
        }
    }
}

void
NrSecurityGnbRrc::HandleHandoverComplete(NrSecurityGnbUeContext& ue,
                                         const NrSecurityRrcDecoded& m,
                                         uint32_t count)
{
    NrSecurityGnbHandover& h = ue.handover;
    if (m.transactionId != h.transactionId)
    {
        RefuseOtherTransaction(ue,
                               count,
                               "rrcReconfigurationComplete",
                               m.transactionId,
                               h.transactionId,
                               "RRCReconfiguration");
        return;
    }
    h.ueArrived = true;
    ue.guard.Cancel(); // HandoverJoinTimer
    const Time interruption = Simulator::Now() - h.started;
    if (h.role == NrSecurityGnbHandover::INTRA)
    {
        CompleteIntraCell(ue);
        return;
    }
    // TS 33.501 6.9.2.3.2: the target's K_gNB is in force: verified with it.
    KeyChange(ue, ue.epoch);
    ++m_handoversCompleted;
    HandoverEvent(
        ue.ueId,
        "handover-complete",
        NrSecurityHandoverTypeName(h.type) + " from cell " + std::to_string(h.sourceCellId)
            + " (RRCReconfigurationComplete COUNT " + std::to_string(count) + ", "
            + std::to_string(interruption.GetMicroSeconds()) + " us after the preparation)");
    FlushTarget(ue);
    // The PDU sessions are now served here (the UPF tunnel moves: PduSessionSetup).
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
    const uint32_t ueId = ue.ueId;
    const NrSecurityHandoverType type = h.type;
    const uint16_t source = h.sourceCellId;
    if (h.statusReceived)
    {
        h = NrSecurityGnbHandover(); // else it ends when SN STATUS TRANSFER arrives
    }
    if (type == NrSecurityHandoverType::N2)
    {
        m_amf->HandoverNotify(ueId, m_cellId);
        return;
    }
    // Xn: N2 PATH SWITCH REQUEST; its acknowledgement brings the next {NH, NCC}.
    if (!m_amf
        || !m_amf->PathSwitchRequest(
            ueId, m_cellId, MakeCallback(&NrSecurityGnbRrc::PathSwitchAck, this)))
    {
        HandoverEvent(ueId, "path-switch-refused", "the AMF refused PATH SWITCH REQUEST");
    }
    else
    {
        HandoverEvent(ueId, "path-switch-request-sent", "");
    }
    // TS 38.423 8.2.7: UE CONTEXT RELEASE to the source.
    NrSecurityXnMessage rel;
    rel.type = NrSecurityXnMessage::UE_CONTEXT_RELEASE;
    rel.ueId = ueId;
    rel.sourceCellId = m_cellId;
    rel.targetCellId = source;
    if (!m_xnSend.IsNull())
    {
        m_xnSend(rel);
    }
}

void
NrSecurityGnbRrc::PathSwitchAck(uint32_t ueId, NrSecurityPathSwitchAck ack)
{
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue || ue->state == NrSecurityRrcState::RELEASED)
    {
        return;
    }
    // TS 33.501 6.9.2.3.2: the gNB stores the {NH, NCC} for the next handover.
    ue->nhUnused = true;
    ue->nh = ack.nh;
    ue->nhNcc = ack.ncc;
    ue->nhIndex = ack.nhIndex;
    HandoverEvent(ueId,
                  "path-switch-ack",
                  "{NH_" + std::to_string(ack.nhIndex) + ", NCC "
                      + std::to_string(unsigned(ack.ncc)) + "} kept for the next handover");
}

} // namespace ns3
