// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityGnbRrc: handover as source and target (TS 33.501 6.9.2.3.2 Xn, 6.9.2.3.3 N2;
 * TS 38.331 5.3.5.4, 5.3.5.7; XnAP TS 38.423 8.2.1, 8.2.3, 8.2.7; NGAP TS 38.413 8.4),
 * key epochs, measurement-triggered handover and delivery confirmations.
 */
#include "nr-security-gnb-rrc.h"
#include "nr-security-rrc-message.h"
#include "ns3/log.h"
#include "ns3/nr-security-hex.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbRrcHandover");

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

void
NrSecurityGnbRrc::SetXnSendCallback(XnSendCallback cb)
{
    m_xnSend = cb;
}

void
NrSecurityGnbRrc::SetNeighbourLookupCallback(NeighbourLookupCallback cb)
{
    m_neighbourLookup = cb;
}

uint64_t
NrSecurityGnbRrc::GetHandoversCompleted() const
{
    return m_handoversCompleted;
}

void
NrSecurityGnbRrc::HandoverEvent(uint16_t ueId, const std::string& step, const std::string& detail)
{
    NS_LOG_INFO("gNB cell " << m_cellId << " UE " << ueId << ": " << step << " " << detail);
    m_handoverEventTrace(ueId, step, detail);
}

bool
NrSecurityGnbRrc::RefuseHandover(uint16_t ueId, const std::string& reason)
{
    HandoverEvent(ueId, "handover-refused", reason);
    return false;
}

void
NrSecurityGnbRrc::StartKeyEpoch(NrSecurityGnbUeContext& ue)
{
    // Key epoch 0: the K_gNB of Initial Context Setup, NCC 0 (TS 33.501 6.9.2.1.1). The gNB
    // does not know K_AMF; for the trace (recomputation) it takes it from the AMF object.
    NrSecurityKeyEpoch e;
    e.epoch = 0;
    e.cause = "initial";
    e.derivation = NrSecurityKeyEpoch::INITIAL;
    e.kGnb = ue.kGnb;
    if (m_amf && m_amf->HasUe(ue.ueId))
    {
        e.inputKey = m_amf->GetUe(ue.ueId).kAmf;
        e.ulNasCount = m_amf->GetUe(ue.ueId).ulNasCount;
    }
    e.ncc = 0;
    const NrSecurityCellInfo c = GetCellInfo();
    e.cellId = c.cellId;
    e.pci = c.pci;
    e.arfcnDl = c.arfcnDl;
    ue.nhUnused = false;
    KeyChange(ue, e);
}

void
NrSecurityGnbRrc::KeyChange(NrSecurityGnbUeContext& ue, const NrSecurityKeyEpoch& epoch)
{
    ue.epoch = epoch;
    m_keyChangeTrace(ue.ueId, epoch);
}

void
NrSecurityGnbRrc::RegisterWithAmf()
{
    if (!m_amf || m_cellId == 0)
    {
        return;
    }
    m_amf->RegisterGnb(m_cellId,
                       MakeCallback(&NrSecurityGnbRrc::HandleN2HandoverRequest, this),
                       MakeCallback(&NrSecurityGnbRrc::HandleN2UeContextRelease, this));
    m_amfRegistered = true;
}

void
NrSecurityGnbRrc::SetMeasurementHandoverType(std::string type)
{
    if (type == "Xn")
    {
        m_measurementHandoverType = NrSecurityHandoverType::XN;
    }
    else if (type == "N2")
    {
        m_measurementHandoverType = NrSecurityHandoverType::N2;
    }
    else
    {
        throw std::invalid_argument("MeasurementHandoverType: '" + type + "' is not Xn or N2");
    }
}

std::string
NrSecurityGnbRrc::GetMeasurementHandoverType() const
{
    return NrSecurityHandoverTypeName(m_measurementHandoverType);
}

void
NrSecurityGnbRrc::ConfirmDelivery(uint16_t ueId, const NrSecurityRbPdu& pdu)
{
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue || pdu.type != NrSecurityRbType::DRB || !pdu.pdu)
    {
        return;
    }
    auto it = ue->drbs.find(pdu.rbId);
    if (it != ue->drbs.end())
    {
        it->second->GetPdcp()->ConfirmPduDelivery(pdu.pdu);
    }
}

std::vector<NrSecurityDrbCountStatus>
NrSecurityGnbRrc::CountStatus(const NrSecurityGnbUeContext& ue) const
{
    // TS 38.423 9.1.1.4 / TS 38.300 9.2.3.2.1: per DRB the UL COUNT of the first missing SDU
    // (RX_DELIV) and the DL COUNT the target assigns next (TX_NEXT).
    std::vector<NrSecurityDrbCountStatus> out;
    for (const auto& [id, rb] : ue.drbs)
    {
        NrSecurityDrbCountStatus s;
        s.drbId = id;
        s.ulCount
            = static_cast<uint32_t>(std::min<uint64_t>(rb->GetPdcp()->GetRxDeliv(), 0xFFFFFFFFu));
        s.dlCount
            = static_cast<uint32_t>(std::min<uint64_t>(rb->GetPdcp()->GetTxNext(), 0xFFFFFFFFu));
        out.push_back(s);
    }
    return out;
}

bool
NrSecurityGnbRrc::Handover(uint16_t ueId, uint16_t targetCellId, NrSecurityHandoverType type)
{
    NS_LOG_FUNCTION(this << ueId << targetCellId << NrSecurityHandoverTypeName(type));
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue || ue->state == NrSecurityRrcState::RELEASED)
    {
        return RefuseHandover(ueId, "no UE context");
    }
    if (ue->state != NrSecurityRrcState::SECURITY_ACTIVE)
    {
        return RefuseHandover(
            ueId, "AS security is not active (" + NrSecurityRrcStateName(ue->state) + ")");
    }
    if (ue->handover.role != NrSecurityGnbHandover::NONE)
    {
        return RefuseHandover(ueId, "a handover is already in progress");
    }
    if (ue->reconfigurationPending)
    {
        return RefuseHandover(ueId, "an RRCReconfiguration is pending");
    }
    if (type == NrSecurityHandoverType::INTRA_CELL)
    {
        return StartIntraCell(*ue, "intra-cell");
    }
    if (targetCellId == m_cellId)
    {
        return RefuseHandover(ueId, "the target is this cell (use INTRA_CELL)");
    }
    NrSecurityGnbHandover h;
    h.role = NrSecurityGnbHandover::SOURCE;
    h.type = type;
    h.sourceCellId = m_cellId;
    h.targetCellId = targetCellId;
    h.started = Simulator::Now();
    if (type == NrSecurityHandoverType::N2)
    {
        if (!m_amf)
        {
            return RefuseHandover(ueId, "no AMF for an N2 handover");
        }
        ue->handover = h; // DL user data is held from now on (COUNT status taken now)
        if (!m_amf->HandoverRequired(
                ueId,
                m_cellId,
                targetCellId,
                CountStatus(*ue),
                MakeCallback(&NrSecurityGnbRrc::HandleN2HandoverCommand, this)))
        {
            ue->handover = NrSecurityGnbHandover();
            return RefuseHandover(ueId, "the AMF refused HANDOVER REQUIRED");
        }
        HandoverEvent(ueId, "handover-required-sent", "N2 to cell " + std::to_string(targetCellId));
        return true;
    }
    // Xn (TS 33.501 6.9.2.3.2): K_gNB* from the unused {NH, NCC} (vertical), else from K_gNB
    // (horizontal, NCC unchanged), for the target PCI and ARFCN-DL.
    NrSecurityCellInfo target;
    if (m_xnSend.IsNull() || m_neighbourLookup.IsNull()
        || !m_neighbourLookup(targetCellId, 0, target))
    {
        return RefuseHandover(ueId,
                              "cell " + std::to_string(targetCellId) + " is not an Xn neighbour");
    }
    NrSecurityKeyEpoch e;
    e.epoch = ue->epoch.epoch + 1;
    e.cause = "xn-handover";
    e.pci = target.pci;
    e.arfcnDl = target.arfcnDl;
    e.cellId = target.cellId;
    if (ue->nhUnused)
    {
        e.derivation = NrSecurityKeyEpoch::VERTICAL;
        e.inputKey = ue->nh;
        e.ncc = ue->nhNcc;
        e.nhIndex = ue->nhIndex;
    }
    else
    {
        e.derivation = NrSecurityKeyEpoch::HORIZONTAL;
        e.inputKey = ue->kGnb;
        e.ncc = ue->epoch.ncc;
        e.nhIndex = ue->epoch.nhIndex;
    }
    e.kGnb = NrSecurityKdf::DeriveKgnbStar(e.inputKey, target.pci, target.arfcnDl);
    NrSecurityXnMessage msg;
    msg.type = NrSecurityXnMessage::HANDOVER_REQUEST;
    msg.ueId = ueId;
    msg.sourceCellId = m_cellId;
    msg.targetCellId = targetCellId;
    msg.kGnbStar = e.kGnb;
    msg.ncc = e.ncc;
    msg.keyEpoch = e.epoch;
    msg.derivation = e;
    msg.caps = ue->caps;
    msg.emergency = ue->emergency;
    msg.nea = ue->nea;
    msg.nia = ue->nia;
    msg.pduSessions = ue->pduSessions;
    msg.results = ue->results;
    for (const auto& [id, rb] : ue->drbs)
    {
        msg.drbs.push_back(rb->GetDrbConfig());
    }
    ue->handover = h;
    if (!m_xnSend(msg))
    {
        ue->handover = NrSecurityGnbHandover();
        return RefuseHandover(ueId, "HANDOVER REQUEST found no gNB");
    }
    // The {NH, NCC} is used up by this K_gNB* (a second preparation takes the same path).
    HandoverEvent(ueId,
                  "handover-request-sent",
                  "Xn to cell " + std::to_string(targetCellId) + ", K_gNB* " + e.DerivationName()
                      + ", NCC " + std::to_string(unsigned(e.ncc)));
    return true;
}

void
NrSecurityGnbRrc::HandleN2HandoverCommand(uint16_t ueId,
                                          bool ok,
                                          const std::vector<uint8_t>& command,
                                          const std::string& cause)
{
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue || ue->handover.role != NrSecurityGnbHandover::SOURCE
        || ue->handover.type != NrSecurityHandoverType::N2 || ue->handover.commandSent)
    {
        Refuse(ueId, 0, "HANDOVER COMMAND", "no N2 handover is being prepared for the UE");
        return;
    }
    if (!ok)
    {
        HandoverEvent(ueId, "handover-preparation-failure", cause);
        auto held = std::move(ue->handover.heldDownlink);
        ue->handover = NrSecurityGnbHandover();
        for (auto& [drbId, sdu] : held)
        {
            auto it = ue->drbs.find(drbId);
            if (it != ue->drbs.end())
            {
                it->second->GetPdcp()->TransmitSdu(sdu);
            }
        }
        return;
    }
    SendHandoverCommand(*ue, command);
    ForwardData(*ue, false); // the COUNT status went with HANDOVER REQUIRED
}

void
NrSecurityGnbRrc::SendHandoverCommand(NrSecurityGnbUeContext& ue,
                                      const std::vector<uint8_t>& command)
{
    // TS 38.331 5.3.5.4: the target's RRCReconfiguration, sent by the source on SRB1 with the
    // source's keys.
    ue.handover.commandSent = true;
    Send(ue, 1, "rrcReconfiguration", command);
    HandoverEvent(ue.ueId,
                  "command-sent",
                  "RRCReconfiguration with reconfigurationWithSync to the UE (source keys)");
}

void
NrSecurityGnbRrc::ForwardData(NrSecurityGnbUeContext& ue, bool withStatus)
{
    if (m_xnSend.IsNull())
    {
        for (auto& [drbId, sdu] : ue.handover.heldDownlink)
        {
            DiscardUserData(ue.ueId,
                            "DRB" + std::to_string(unsigned(drbId)),
                            "handover: no Xn for data forwarding");
        }
        ue.handover.heldDownlink.clear();
        return;
    }
    if (withStatus)
    {
        NrSecurityXnMessage s;
        s.type = NrSecurityXnMessage::SN_STATUS_TRANSFER;
        s.ueId = ue.ueId;
        s.sourceCellId = m_cellId;
        s.targetCellId = ue.handover.targetCellId;
        s.drbStatus = CountStatus(ue);
        m_xnSend(s);
        HandoverEvent(
            ue.ueId, "sn-status-transfer-sent", std::to_string(s.drbStatus.size()) + " DRBs");
    }
    // TS 38.300 9.2.3.2.1: the DL SDUs not confirmed by the UE, with their COUNTs, then the
    // ones that arrived since the freeze, without.
    NrSecurityXnMessage f;
    f.type = NrSecurityXnMessage::DATA_FORWARDING;
    f.ueId = ue.ueId;
    f.sourceCellId = m_cellId;
    f.targetCellId = ue.handover.targetCellId;
    for (const auto& [id, rb] : ue.drbs)
    {
        for (const auto& [count, sdu] : rb->GetPdcp()->GetUnconfirmedSdus())
        {
            NrSecurityXnForwardedSdu x;
            x.drbId = id;
            x.countAssigned = true;
            x.count = count;
            x.sdu = sdu;
            f.forwarded.push_back(x);
        }
    }
    for (auto& [drbId, sdu] : ue.handover.heldDownlink)
    {
        NrSecurityXnForwardedSdu x;
        x.drbId = drbId;
        x.sdu = sdu;
        f.forwarded.push_back(x);
    }
    ue.handover.heldDownlink.clear();
    if (!f.forwarded.empty())
    {
        HandoverEvent(ue.ueId,
                      "data-forwarded",
                      std::to_string(f.forwarded.size()) + " DL SDUs to cell "
                          + std::to_string(f.targetCellId));
        m_xnSend(f);
    }
}

void
NrSecurityGnbRrc::ForwardDownlink(NrSecurityGnbUeContext& ue, uint8_t drbId, Ptr<Packet> sdu)
{
    ue.handover.heldDownlink.emplace_back(drbId, sdu);
    if (ue.handover.commandSent)
    {
        ForwardData(ue, false);
    }
}

bool
NrSecurityGnbRrc::InterceptDownlink(NrSecurityGnbUeContext& ue, uint8_t drbId, Ptr<Packet> sdu)
{
    switch (ue.handover.role)
    {
        case NrSecurityGnbHandover::SOURCE:
            // N2: frozen from HANDOVER REQUIRED; Xn: from the command. Then forwarded.
            if (ue.handover.type == NrSecurityHandoverType::N2 || ue.handover.commandSent)
            {
                ForwardDownlink(ue, drbId, sdu);
                return true;
            }
            return false;
        case NrSecurityGnbHandover::TARGET:
            if (!ue.handover.ueArrived || !ue.handover.statusReceived)
            {
                NrSecurityXnForwardedSdu x;
                x.drbId = drbId;
                x.sdu = sdu;
                ue.handover.heldForwarded.push_back(x);
                return true;
            }
            return false;
        case NrSecurityGnbHandover::INTRA:
            ue.handover.heldDownlink.emplace_back(drbId, sdu);
            return true;
        default:
            return false;
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
NrSecurityGnbRrc::ReceiveXn(const NrSecurityXnMessage& msg)
{
    NS_LOG_FUNCTION(this << msg.ueId << unsigned(msg.type));
    if (msg.type == NrSecurityXnMessage::HANDOVER_REQUEST)
    {
        HandleHandoverRequest(msg);
        return;
    }
    NrSecurityGnbUeContext* ue = Find(msg.ueId);
    const std::string name = "Xn message " + std::to_string(unsigned(msg.type));
    if (!ue)
    {
        Refuse(msg.ueId, 0, name, "Xn message for an unknown UE");
        return;
    }
    NrSecurityGnbHandover& h = ue->handover;
    switch (msg.type)
    {
        case NrSecurityXnMessage::HANDOVER_REQUEST_ACKNOWLEDGE:
            if (h.role != NrSecurityGnbHandover::SOURCE || h.type != NrSecurityHandoverType::XN
                || h.commandSent || msg.sourceCellId != h.targetCellId)
            {
                Refuse(msg.ueId, 0, "HANDOVER REQUEST ACKNOWLEDGE", "no Xn handover prepared");
                return;
            }
            HandoverEvent(
                msg.ueId, "handover-request-ack", "from cell " + std::to_string(msg.sourceCellId));
            SendHandoverCommand(*ue, msg.rrcContainer);
            ForwardData(*ue, true);
            return;
        case NrSecurityXnMessage::HANDOVER_PREPARATION_FAILURE:
            if (h.role != NrSecurityGnbHandover::SOURCE || h.commandSent)
            {
                Refuse(msg.ueId, 0, "HANDOVER PREPARATION FAILURE", "no Xn handover prepared");
                return;
            }
            HandoverEvent(msg.ueId, "handover-preparation-failure", msg.cause);
            h = NrSecurityGnbHandover();
            return;
        case NrSecurityXnMessage::SN_STATUS_TRANSFER:
            if (h.role != NrSecurityGnbHandover::TARGET || h.statusReceived)
            {
                Refuse(msg.ueId, 0, "SN STATUS TRANSFER", "no incoming handover for the UE");
                return;
            }
            ApplyCountStatus(*ue, msg.drbStatus);
            FlushTarget(*ue);
            if (h.ueArrived)
            {
                h = NrSecurityGnbHandover(); // both the UE and the status are here: done
            }
            return;
        case NrSecurityXnMessage::DATA_FORWARDING:
            if (h.role != NrSecurityGnbHandover::TARGET
                && !(h.role == NrSecurityGnbHandover::NONE
                     && ue->state != NrSecurityRrcState::RELEASED))
            {
                for (const auto& x : msg.forwarded)
                {
                    DiscardUserData(msg.ueId,
                                    "DRB" + std::to_string(unsigned(x.drbId)),
                                    "forwarded SDU for a UE not handed over to this cell");
                }
                return;
            }
            for (const auto& x : msg.forwarded)
            {
                ue->handover.heldForwarded.push_back(x);
            }
            FlushTarget(*ue);
            return;
        case NrSecurityXnMessage::UE_CONTEXT_RELEASE:
            if (h.role != NrSecurityGnbHandover::SOURCE || !h.commandSent)
            {
                Refuse(msg.ueId, 0, "UE CONTEXT RELEASE", "no handover commanded for the UE");
                return;
            }
            ReleaseSourceContext(
                msg.ueId, "UE CONTEXT RELEASE from cell " + std::to_string(msg.sourceCellId));
            return;
        default:
            Refuse(msg.ueId, 0, name, "not handled by the handover procedures");
            return;
    }
}

void
NrSecurityGnbRrc::HandleHandoverRequest(const NrSecurityXnMessage& msg)
{
    NrSecurityXnMessage answer;
    answer.ueId = msg.ueId;
    answer.sourceCellId = m_cellId;
    answer.targetCellId = msg.sourceCellId;
    // The target keeps the source's algorithms (the UE keeps them: no securityConfig is
    // signalled) if its own policy allows them.
    const bool neaOk
        = std::find(m_neaPriority.begin(), m_neaPriority.end(), msg.nea) != m_neaPriority.end()
          && msg.caps.Supports(msg.nea);
    const bool niaOk
        = std::find(m_niaPriority.begin(), m_niaPriority.end(), msg.nia) != m_niaPriority.end()
          && msg.caps.Supports(msg.nia) && (msg.nia != NrSecurityIntegrity::NIA0 || msg.emergency);
    std::string cause;
    std::vector<uint8_t> command;
    NrSecurityKeyEpoch e = msg.derivation;
    e.kGnb = msg.kGnbStar; // TS 33.501 6.9.2.3.2: the target uses the received K_gNB* and NCC
    e.ncc = msg.ncc;
    e.cellId = m_cellId;
    e.cause = "xn-handover";
    if (!neaOk || !niaOk)
    {
        cause = "the source's algorithms (" + NrSecurityAlgorithms::Name(msg.nea) + ", "
                + NrSecurityAlgorithms::Name(msg.nia) + ") are not allowed in this cell";
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
    NrSecurityGnbUeContext* old = Find(req.ueId);
    // The epoch number continues the UE's (known at the source; here from a context this gNB
    // may still hold, else unknown: counted from the NH index).
    e.epoch = old ? old->epoch.epoch + 1 : req.nhIndex;
    NrSecurityCiphering nea = NrSecurityCiphering::NEA0;
    NrSecurityIntegrity nia = NrSecurityIntegrity::NIA0;
    std::string cause;
    std::vector<uint8_t> command;
    std::vector<NrSecurityDrbConfig> drbs;
    if (!SelectAlgorithms(m_neaPriority, m_niaPriority, req.caps, req.emergency, nea, nia, cause))
    {
        // cause set
    }
    else
    {
        // The DRBs are rebuilt from the PDU sessions as at the source (one per session, in
        // order, with this gNB's UP policy decision).
        uint8_t next = 1;
        for (const NrSecurityPduSession& s : req.pduSessions)
        {
            bool integrity = false;
            bool ciphering = false;
            if (!NrSecurityUpActivation(s.integrity, m_upIntegritySupported, integrity)
                || !NrSecurityUpActivation(
                    s.confidentiality, m_upConfidentialitySupported, ciphering))
            {
                continue;
            }
            NrSecurityDrbConfig d;
            d.drbId = next++;
            d.pduSessionId = s.pduSessionId;
            d.sdapHeaderUl = m_sdapHeader;
            d.sdapHeaderDl = m_sdapHeader;
            d.qfis = s.qfis;
            d.snLengthBits = m_drbSnLength;
            d.integrityProtection = integrity;
            d.cipheringDisabled = !ciphering;
            drbs.push_back(d);
        }
        std::vector<NrSecurityPduSessionResult> results;
        PrepareTarget(req.ueId,
                      e,
                      req.caps,
                      req.emergency,
                      nea,
                      nia,
                      req.pduSessions,
                      results,
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
NrSecurityGnbRrc::PrepareTarget(uint16_t ueId,
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
        m_ues.erase(ueId);
    }
    NrSecurityGnbUeContext& ue = m_ues[ueId];
    ue.ueId = ueId;
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
    sync.newUeIdentity = ueId; // C-RNTI = UE id in every cell (model convention)
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
    return true;
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
    const uint16_t ueId = ue.ueId;
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
NrSecurityGnbRrc::PathSwitchAck(uint16_t ueId, NrSecurityPathSwitchAck ack)
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

void
NrSecurityGnbRrc::HandleN2UeContextRelease(uint16_t ueId)
{
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue || ue->handover.role != NrSecurityGnbHandover::SOURCE || !ue->handover.commandSent)
    {
        Refuse(ueId, 0, "UE CONTEXT RELEASE COMMAND", "no N2 handover commanded for the UE");
        return;
    }
    ReleaseSourceContext(ueId, "UE CONTEXT RELEASE COMMAND from the AMF");
}

void
NrSecurityGnbRrc::ReleaseSourceContext(uint16_t ueId, const std::string& why)
{
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue)
    {
        return;
    }
    for (auto& [drbId, sdu] : ue->handover.heldDownlink)
    {
        DiscardUserData(
            ueId, "DRB" + std::to_string(unsigned(drbId)), "handover: released before forwarding");
    }
    ue->handover = NrSecurityGnbHandover();
    HandoverEvent(ueId, "source-released", why);
    ReleaseContext(*ue, "handover: " + why);
}

void
NrSecurityGnbRrc::HandleMeasurementReport(NrSecurityGnbUeContext& ue,
                                          const NrSecurityRrcDecoded& m,
                                          uint32_t count)
{
    std::ostringstream what;
    what << "serving PCI " << m.measResults.serving.cell.pci << " " << m.measResults.serving.rsrpDbm
         << " dBm";
    for (const NrSecurityCellMeasurement& n : m.measResults.neighbours)
    {
        what << ", PCI " << n.cell.pci << " " << n.rsrpDbm << " dBm";
    }
    HandoverEvent(ue.ueId, "measurement-report", what.str());
    if (!m_handoverOnMeasurement || m.measResults.neighbours.empty())
    {
        return;
    }
    if (ue.handover.role != NrSecurityGnbHandover::NONE
        || ue.state != NrSecurityRrcState::SECURITY_ACTIVE)
    {
        return; // a handover runs already (or security is not up): the report is noted only
    }
    // The strongest reported neighbour (the UE lists them strongest first, but do not rely on it).
    const NrSecurityCellMeasurement* best = nullptr;
    for (const NrSecurityCellMeasurement& n : m.measResults.neighbours)
    {
        if (!best || n.rsrpDbm > best->rsrpDbm)
        {
            best = &n;
        }
    }
    NrSecurityCellInfo target;
    if (m_neighbourLookup.IsNull() || !m_neighbourLookup(0, best->cell.pci, target))
    {
        RefuseHandover(ue.ueId,
                       "no neighbour cell with PCI " + std::to_string(best->cell.pci) + " (COUNT "
                           + std::to_string(count) + ")");
        return;
    }
    Handover(ue.ueId, target.cellId, m_measurementHandoverType);
}

} // namespace ns3
