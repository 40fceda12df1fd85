// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityGnbRrc: handover, the source side and the Xn dispatch (TS 33.501 6.9.2.3.2 Xn,
 * 6.9.2.3.3 N2; TS 38.331 5.3.5.4; XnAP TS 38.423 8.2.1, 8.2.3, 8.2.7; NGAP TS 38.413 8.4),
 * key epochs, measurement-triggered handover and delivery confirmations. The target side is
 * in nr-security-gnb-rrc-handover-target.cc.
 */
#include "nr-security-gnb-rrc.h"
#include "nr-security-rrc-message.h"
#include "ns3/log.h"
#include "ns3/nr-security-hex.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbRrcHandover");

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
NrSecurityGnbRrc::HandoverEvent(uint32_t ueId, const std::string& step, const std::string& detail)
{
    NS_LOG_INFO("gNB cell " << m_cellId << " UE " << ueId << ": " << step << " " << detail);
    m_handoverEventTrace(ueId, step, detail);
}

bool
NrSecurityGnbRrc::RefuseHandover(uint32_t ueId, const std::string& reason)
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
NrSecurityGnbRrc::ConfirmDelivery(uint32_t ueId, const NrSecurityRbPdu& pdu)
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
NrSecurityGnbRrc::Handover(uint32_t ueId, uint16_t targetCellId, NrSecurityHandoverType type)
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
        // The source's algorithms and DRB decisions travel in the Source to Target
        // Transparent Container: the UE keeps both through the handover.
        std::vector<NrSecurityPduSessionResult> results;
        for (const auto& [id, rb] : ue->drbs)
        {
            const NrSecurityDrbConfig& d = rb->GetDrbConfig();
            NrSecurityPduSessionResult r;
            r.pduSessionId = d.pduSessionId;
            r.ok = true;
            r.drbId = d.drbId;
            r.integrity = d.integrityProtection;
            r.ciphering = !d.cipheringDisabled;
            results.push_back(r);
        }
        if (!m_amf->HandoverRequired(ueId,
                                     m_cellId,
                                     targetCellId,
                                     CountStatus(*ue),
                                     MakeCallback(&NrSecurityGnbRrc::HandleN2HandoverCommand, this),
                                     ue->epoch.epoch + 1,
                                     ue->nea,
                                     ue->nia,
                                     results))
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
    try
    {
        e.kGnb = NrSecurityKdf::DeriveKgnbStar(e.inputKey, target.pci, target.arfcnDl);
    }
    catch (const std::invalid_argument& ex)
    {
        return RefuseHandover(ueId, std::string("K_gNB* for the target: ") + ex.what());
    }
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
NrSecurityGnbRrc::HandleN2HandoverCommand(uint32_t ueId,
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
    ForwardData(*ue, false, true); // the COUNT status went with HANDOVER REQUIRED
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
NrSecurityGnbRrc::ForwardData(NrSecurityGnbUeContext& ue, bool withStatus, bool withUnconfirmed)
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
        if (!withUnconfirmed)
        {
            break; // forwarded once, with the command
        }
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
        ForwardData(ue, false, false); // the SDUs that arrived after the command
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

void
NrSecurityGnbRrc::ReceiveXn(const NrSecurityXnMessage& msg)
{
    NS_LOG_FUNCTION(this << msg.ueId << unsigned(msg.type));
    if (ReceiveXnRecovery(msg))
    {
        return; // RETRIEVE UE CONTEXT and the release after it (-gnb-rrc-reestablishment.cc)
    }
    if (msg.type == NrSecurityXnMessage::HANDOVER_REQUEST)
    {
        HandleHandoverRequest(msg);
        return;
    }
    NrSecurityGnbUeContext* ue = Find(msg.ueId);
    const std::string name = NrSecurityXnMessageName(msg.type);
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
            ForwardData(*ue, true, true);
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
NrSecurityGnbRrc::HandleN2UeContextRelease(uint32_t ueId)
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
NrSecurityGnbRrc::ReleaseSourceContext(uint32_t ueId, const std::string& why)
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
