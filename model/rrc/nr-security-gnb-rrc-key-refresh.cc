// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityGnbRrc: intra-cell handover (TS 33.501 6.9.3) and key refresh at the COUNT
 * threshold (TS 33.501 6.9.4.1; TS 38.331 5.3.1.2, 5.3.5.6; TS 38.323 5.1.2).
 */
#include "nr-security-gnb-rrc.h"
#include "nr-security-rrc-message.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbRrcKeyRefresh");

/**
 * Configures a DRB's PDCP entity with the UP keys its configuration asks for (receive side
 * for every COUNT); defined in nr-security-gnb-rrc-handover.cc.
 * \param p the entity
 * \param d the DRB configuration (integrityProtection, cipheringDisabled)
 * \param nea ciphering algorithm
 * \param nia integrity algorithm
 * \param keys the AS keys (K_UPenc, K_UPint)
 */
void NrSecuritySetDrbKeys(Ptr<NrSecurityPdcp> p,
                          const NrSecurityDrbConfig& d,
                          NrSecurityCiphering nea,
                          NrSecurityIntegrity nia,
                          const NrSecurityAsKeys& keys);

namespace
{

/// \return the highest of TX_NEXT and RX_NEXT of a PDCP entity
uint64_t
HighestCount(Ptr<NrSecurityPdcp> p)
{
    return std::max(p->GetTxNext(), p->GetRxNext());
}

} // namespace

void
NrSecurityGnbRrc::CheckKeyRefresh(NrSecurityGnbUeContext& ue)
{
    // Called when a bearer's TX_NEXT or RX_NEXT reached KeyRefreshCount. The refresh is an
    // intra-cell handover started from its own event (not from inside the PDCP callback).
    if (ue.state != NrSecurityRrcState::SECURITY_ACTIVE
        || ue.handover.role != NrSecurityGnbHandover::NONE || !ue.handover.cause.empty())
    {
        return;
    }
    ue.handover.cause = "key-refresh"; // scheduled (marks the UE until it starts)
    const uint32_t ueId = ue.ueId;
    Simulator::ScheduleNow(&NrSecurityGnbRrc::StartKeyRefresh, this, ueId);
}

void
NrSecurityGnbRrc::StartKeyRefresh(uint32_t ueId)
{
    // The event CheckKeyRefresh scheduled: the UE may have gone or changed meanwhile.
    NrSecurityGnbUeContext* u = Find(ueId);
    if (!u)
    {
        return;
    }
    u->handover.cause.clear();
    if (u->state != NrSecurityRrcState::SECURITY_ACTIVE
        || u->handover.role != NrSecurityGnbHandover::NONE || u->reconfigurationPending)
    {
        return; // checked again with the next PDU
    }
    HandoverEvent(ueId,
                  "key-refresh",
                  "a COUNT reached KeyRefreshCount " + std::to_string(m_keyRefreshCount)
                      + " (TS 33.501 6.9.4.1)");
    StartIntraCell(*u, "key-refresh");
}

bool
NrSecurityGnbRrc::StartIntraCell(NrSecurityGnbUeContext& ue, const std::string& cause)
{
    // TS 33.501 6.9.3: K_gNB* for this cell's PCI and ARFCN-DL, vertical from an unused
    // {NH, NCC}, else horizontal with the NCC in use.
    const NrSecurityCellInfo c = GetCellInfo();
    NrSecurityKeyEpoch e;
    e.epoch = ue.epoch.epoch + 1;
    e.cause = cause;
    e.cellId = c.cellId;
    e.pci = c.pci;
    e.arfcnDl = c.arfcnDl;
    if (ue.nhUnused)
    {
        e.derivation = NrSecurityKeyEpoch::VERTICAL;
        e.inputKey = ue.nh;
        e.ncc = ue.nhNcc;
        e.nhIndex = ue.nhIndex;
    }
    else
    {
        e.derivation = NrSecurityKeyEpoch::HORIZONTAL;
        e.inputKey = ue.kGnb;
        e.ncc = ue.epoch.ncc;
        e.nhIndex = ue.epoch.nhIndex;
    }
    e.kGnb = NrSecurityKdf::DeriveKgnbStar(e.inputKey, c.pci, c.arfcnDl);
    const NrSecurityAsKeys keys = NrSecurityKdf::DeriveAsKeys(
        e.kGnb, static_cast<uint8_t>(ue.nea), static_cast<uint8_t>(ue.nia));
    // SRBs are re-established (COUNTs from 0); a DRB whose COUNT reached KeyRefreshCount is
    // released and added again (TS 38.331 5.3.5.6.4, 5.3.5.6.5: a new PDCP entity, COUNT 0),
    // the others are re-established (AM: COUNTs kept, under the new keys).
    NrSecurityRadioBearerConfig rbc;
    for (const auto& [id, rb] : ue.srbs)
    {
        rbc.srbsToAdd.push_back(id);
    }
    rbc.srbReestablishPdcp = true;
    std::vector<uint8_t> released;
    for (const auto& [id, rb] : ue.drbs)
    {
        NrSecurityDrbConfig d = rb->GetDrbConfig();
        const bool readd = std::find(ue.refreshReleaseDrbs.begin(),
                                     ue.refreshReleaseDrbs.end(),
                                     id)
                           != ue.refreshReleaseDrbs.end(); // ReAddDrb
        if (readd || HighestCount(rb->GetPdcp()) >= m_keyRefreshCount)
        {
            rbc.drbToRelease.push_back(id);
            released.push_back(id);
            d.reestablishPdcp = false;
        }
        else
        {
            d.reestablishPdcp = true;
        }
        rbc.drbsToAdd.push_back(d);
    }
    ue.refreshReleaseDrbs.clear();
    NrSecurityReconfigurationWithSync sync;
    sync.targetPci = c.pci;
    sync.ssbArfcn = c.arfcnDl;
    sync.newUeIdentity = ue.cRnti; // intra-cell: the UE keeps its C-RNTI
    NrSecurityMasterKeyUpdate mku;
    mku.nextHopChainingCount = e.ncc;
    const uint8_t tid = NextTransactionId(ue);
    std::vector<uint8_t> command;
    try
    {
        command = NrSecurityRrcMessage::EncodeRrcReconfiguration(tid, rbc, &sync, &mku);
    }
    catch (const std::invalid_argument& ex)
    {
        return RefuseHandover(ue.ueId, std::string("RRCReconfiguration: ") + ex.what());
    }
    NrSecurityGnbHandover& h = ue.handover;
    h = NrSecurityGnbHandover();
    h.role = NrSecurityGnbHandover::INTRA;
    h.type = NrSecurityHandoverType::INTRA_CELL;
    h.cause = cause;
    h.sourceCellId = m_cellId;
    h.targetCellId = m_cellId;
    h.started = Simulator::Now();
    h.transactionId = tid;
    h.newEpoch = e;
    h.newKeys = keys;
    h.releasedDrbs = released;
    ue.nhUnused = false; // used up by this K_gNB*
    Send(ue, 1, "rrcReconfiguration", command);
    // The UE answers under the new keys from COUNT 0: SRBs switch now (uplink PDUs it sent
    // before it got the command fail the check and are discarded, counted). The DRBs keep
    // the old keys until the Complete; downlink user data is held meanwhile.
    for (auto& [id, rb] : ue.srbs)
    {
        Ptr<NrSecurityPdcp> p = rb->GetPdcp();
        p->SetTxIntegrity(ue.nia, keys.kRrcInt);
        p->SetRxIntegrity(ue.nia, keys.kRrcInt, 0);
        p->SetTxCiphering(ue.nea, keys.kRrcEnc);
        p->SetRxCiphering(ue.nea, keys.kRrcEnc, 0);
        p->Reestablish();
    }
    HandoverEvent(ue.ueId,
                  "command-sent",
                  cause + ": K_gNB* " + e.DerivationName() + ", NCC "
                      + std::to_string(unsigned(e.ncc)) + ", " + std::to_string(released.size())
                      + " DRBs released and re-added");
    return true;
}

void
NrSecurityGnbRrc::CompleteIntraCell(NrSecurityGnbUeContext& ue)
{
    NrSecurityGnbHandover& h = ue.handover;
    const NrSecurityKeyEpoch e = h.newEpoch;
    const NrSecurityAsKeys keys = h.newKeys;
    ue.kGnb = e.kGnb;
    ue.keys = keys;
    for (uint8_t id : h.releasedDrbs)
    {
        NrSecurityDrbConfig d = ue.drbs[id]->GetDrbConfig();
        d.reestablishPdcp = false;
        ue.drbs[id]->Dispose();
        auto rb = std::unique_ptr<NrSecurityRadioBearer>(
            new NrSecurityRadioBearer(this, ue.ueId, NrSecurityRbType::DRB, id, false, d));
        NrSecuritySetDrbKeys(rb->GetPdcp(), d, ue.nea, ue.nia, keys);
        NotifyPdcpEntityCreated(ue.ueId, rb->GetName(), rb->GetPdcp());
        ue.drbs[id] = std::move(rb);
    }
    for (auto& [id, rb] : ue.drbs)
    {
        if (std::find(h.releasedDrbs.begin(), h.releasedDrbs.end(), id) != h.releasedDrbs.end())
        {
            continue;
        }
        NrSecuritySetDrbKeys(rb->GetPdcp(), rb->GetDrbConfig(), ue.nea, ue.nia, keys);
        rb->GetPdcp()->Reestablish(); // AM: retransmits the unconfirmed SDUs, new keys
    }
    KeyChange(ue, e);
    ++m_handoversCompleted;
    HandoverEvent(ue.ueId,
                  "handover-complete",
                  h.cause + " in cell " + std::to_string(m_cellId) + " ("
                      + std::to_string((Simulator::Now() - h.started).GetMicroSeconds()) + " us)");
    auto held = std::move(h.heldDownlink);
    h = NrSecurityGnbHandover();
    for (auto& [drbId, sdu] : held)
    {
        auto it = ue.drbs.find(drbId);
        if (it == ue.drbs.end() || it->second->GetPdcp()->TransmitSdu(sdu) < 0)
        {
            DiscardUserData(
                ue.ueId, "DRB" + std::to_string(unsigned(drbId)), "PDCP refused a held SDU");
        }
    }
}

} // namespace ns3
