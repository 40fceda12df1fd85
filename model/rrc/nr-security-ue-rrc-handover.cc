// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityUeRrc: the serving cell, key epochs and handover (reconfigurationWithSync with
 * masterKeyUpdate, TS 38.331 5.3.5.4, 5.3.5.5.2, 5.3.5.6, 5.3.5.7; TS 33.501 6.9.2.3, 6.9.3;
 * PDCP re-establishment TS 38.323 5.1.2).
 */
#include "nr-security-c-rnti-pool.h"
#include "nr-security-rrc-message.h"
#include "nr-security-ue-rrc.h"
#include "ns3/log.h"
#include "ns3/nr-security-hex.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityUeRrcHandover");

void
NrSecurityUeRrc::SetServingCell(const NrSecurityCellInfo& cell)
{
    m_servingCell = cell;
    m_cellId = cell.cellId;
}

NrSecurityCellInfo
NrSecurityUeRrc::GetServingCell() const
{
    return m_servingCell;
}

void
NrSecurityUeRrc::SetCellSwitchCallback(CellSwitchCallback cb)
{
    m_cellSwitch = cb;
}

void
NrSecurityUeRrc::ConfirmDelivery(const NrSecurityRbPdu& pdu)
{
    if (pdu.type != NrSecurityRbType::DRB || !pdu.pdu)
    {
        return; // SRBs keep nothing for retransmission (TS 38.323 5.1.2)
    }
    auto it = m_drbs.find(pdu.rbId);
    if (it != m_drbs.end())
    {
        it->second->GetPdcp()->ConfirmPduDelivery(pdu.pdu);
    }
}

uint8_t
NrSecurityUeRrc::GetNcc() const
{
    return m_ncc;
}

const std::vector<NrSecurityKeyEpoch>&
NrSecurityUeRrc::GetKeyEpochs() const
{
    return m_epochs;
}

const NrSecurityNhChain&
NrSecurityUeRrc::GetNhChain() const
{
    return m_nhChain;
}

bool
NrSecurityUeRrc::IsHandoverInProgress() const
{
    return m_handoverInProgress;
}

void
NrSecurityUeRrc::StartKeyEpochs()
{
    // TS 33.501 6.9.2.1.1: the initial K_gNB is the "virtual NH" of NCC 0; the UE keeps the
    // NH chain from it and K_AMF for the whole connection (A.10).
    m_nhChain = NrSecurityNhChain(m_kAmf, m_kGnb);
    m_ncc = 0;
    m_epochs.clear();
    m_a3.clear();
    NrSecurityKeyEpoch e;
    e.epoch = 0;
    e.cause = "initial";
    e.derivation = NrSecurityKeyEpoch::INITIAL;
    e.kGnb = m_kGnb;
    e.inputKey = m_kAmf;
    e.ulNasCount = m_ulNasCount;
    e.ncc = 0;
    e.cellId = m_servingCell.cellId != 0 ? m_servingCell.cellId : m_cellId;
    e.pci = m_servingCell.pci;
    e.arfcnDl = m_servingCell.arfcnDl;
    m_epochs.push_back(e);
    m_keyChangeTrace(m_ueId, e);
}

void
NrSecurityUeRrc::ApplyKeyEpoch(const NrSecurityKeyEpoch& epoch, const NrSecurityAsKeys& keys)
{
    m_kGnb = epoch.kGnb;
    m_keys = keys;
    m_ncc = epoch.ncc;
    m_epochs.push_back(epoch);
    KeyDerived("K_gNB", m_kGnb.data(), m_kGnb.size(), 0);
    KeyDerived("K_RRCint", keys.kRrcInt.data(), keys.kRrcInt.size(), 0);
    KeyDerived("K_RRCenc", keys.kRrcEnc.data(), keys.kRrcEnc.size(), 0);
    KeyDerived("K_UPint", keys.kUpInt.data(), keys.kUpInt.size(), 0);
    KeyDerived("K_UPenc", keys.kUpEnc.data(), keys.kUpEnc.size(), 0);
    m_keyChangeTrace(m_ueId, epoch);
}

void
NrSecurityUeRrc::HandoverEvent(const std::string& step, const std::string& detail)
{
    NS_LOG_INFO("UE " << m_ueId << ": " << step << " " << detail);
    m_handoverEventTrace(m_ueId, step, detail);
}

bool
NrSecurityUeRrc::HandleReconfigurationWithSync(const NrSecurityRrcDecoded& m, uint32_t count)
{
    NS_LOG_FUNCTION(this << m_ueId << count);
    const NrSecurityReconfigurationWithSync& sync = m.reconfigurationWithSync;
    const NrSecurityRadioBearerConfig& rbc = m.radioBearerConfig;
    if (!IsSecurityActive())
    {
        // TS 38.331 5.3.5.4 / 5.3.1.2: reconfigurationWithSync needs active AS security; a UE
        // unable to comply before it goes to RRC_IDLE (5.3.5.8.2).
        Refuse(m_ueId,
               count,
               "rrcReconfiguration",
               "reconfigurationWithSync before AS security activation (TS 38.331 5.3.5.8.2)");
        GoToIdle("reconfigurationWithSync before AS security activation");
        return false;
    }
    if (m_handoverInProgress)
    {
        Refuse(m_ueId, count, "rrcReconfiguration", "a reconfigurationWithSync is being applied");
        return false;
    }
    if (!m.masterKeyUpdatePresent)
    {
        // This model changes K_gNB at every reconfigurationWithSync (TS 33.501 6.9.3 allows
        // keeping it only within one gNB-CU, not modelled).
        Refuse(m_ueId,
               count,
               "rrcReconfiguration",
               "reconfigurationWithSync without masterKeyUpdate (a key change is required here)");
        return false;
    }
    if (m.masterKeyUpdate.keySetChangeIndicator)
    {
        Refuse(m_ueId,
               count,
               "rrcReconfiguration",
               "keySetChangeIndicator true: a K_gNB from a new K_AMF is not modelled (TS 38.331 "
               "5.3.5.7)");
        return false;
    }
    if (!NrSecurityCRntiPool::IsCRnti(sync.newUeIdentity))
    {
        // newUE-Identity becomes the C-RNTI in the target cell: 0 and 0xFFF0..0xFFFF are not
        // C-RNTIs (TS 38.321 Table 7.1-1). Nothing of the reconfiguration is applied.
        Refuse(m_ueId,
               count,
               "rrcReconfiguration",
               "newUE-Identity " + std::to_string(sync.newUeIdentity)
                   + " is not a C-RNTI (0x0001..0xFFEF, TS 38.321 Table 7.1-1)");
        return false;
    }
    // Check the bearer configuration before applying anything (no partial success).
    std::string problem;
    std::set<uint8_t> released(rbc.drbToRelease.begin(), rbc.drbToRelease.end());
    for (uint8_t id : rbc.drbToRelease)
    {
        if (m_drbs.count(id) == 0)
        {
            problem = "drb-ToReleaseList: DRB" + std::to_string(unsigned(id)) + " is not set up";
        }
    }
    for (uint8_t id : rbc.srbsToAdd)
    {
        if (!Srb(id))
        {
            problem = "srb-ToAddModList: SRB" + std::to_string(unsigned(id))
                      + " is not set up (only re-establishment is modelled with a handover)";
        }
        else if (!rbc.srbReestablishPdcp)
        {
            problem = "SRB" + std::to_string(unsigned(id))
                      + " is set up and reestablishPDCP is absent (the keys change, TS 38.331 "
                        "5.3.5.6.3)";
        }
    }
    for (const NrSecurityDrbConfig& d : rbc.drbsToAdd)
    {
        const bool exists = m_drbs.count(d.drbId) != 0 && released.count(d.drbId) == 0;
        if (exists && !d.reestablishPdcp)
        {
            problem = "DRB" + std::to_string(unsigned(d.drbId))
                      + " is kept without reestablishPDCP (the keys change, TS 38.331 5.3.5.6.5)";
        }
        else if (exists
                 && (d.integrityProtection != m_drbs.at(d.drbId)->GetDrbConfig().integrityProtection
                     || d.cipheringDisabled
                            != m_drbs.at(d.drbId)->GetDrbConfig().cipheringDisabled))
        {
            // TS 38.331 6.3.2 PDCP-Config: integrityProtection and cipheringDisabled are not
            // changed for a DRB once it is set up (release and add it instead); applying the
            // old values while the target uses the new ones would disagree on MAC-I or
            // ciphering, applying the new ones is not allowed.
            problem = "DRB" + std::to_string(unsigned(d.drbId))
                      + " is kept with a changed integrityProtection or cipheringDisabled";
        }
        else if (d.sdapHeaderUl != d.sdapHeaderDl)
        {
            problem = "DRB" + std::to_string(unsigned(d.drbId))
                      + ": sdap-HeaderUL differs from sdap-HeaderDL (not modelled)";
        }
    }
    for (const auto& [id, rb] : m_srbs)
    {
        if (std::find(rbc.srbsToAdd.begin(), rbc.srbsToAdd.end(), id) == rbc.srbsToAdd.end())
        {
            problem = rb->GetName() + " is not re-established (the keys change)";
        }
    }
    for (const auto& [id, rb] : m_drbs)
    {
        bool listed = released.count(id) != 0;
        for (const NrSecurityDrbConfig& d : rbc.drbsToAdd)
        {
            listed = listed || d.drbId == id;
        }
        if (!listed)
        {
            problem = rb->GetName() + " is neither re-established nor released (the keys change)";
        }
    }
    if (!problem.empty())
    {
        Refuse(m_ueId, count, "rrcReconfiguration", "unable to comply: " + problem);
        return false;
    }

    // TS 33.501 6.9.2.3.2 / 6.9.3, TS 38.331 5.3.5.7: K_gNB* for the target PCI and ARFCN-DL
    // (absoluteFrequencySSB), horizontal for the NCC in use, vertical from the NH of another.
    const uint8_t ncc = m.masterKeyUpdate.nextHopChainingCount;
    NrSecurityKeyEpoch e;
    try
    {
        if (m_vulnerabilityStaleNcc)
        {
            // Vulnerability profile: the new NCC is ignored (the chain is not advanced).
            e.kGnb = NrSecurityKdf::DeriveKgnbStar(m_kGnb, sync.targetPci, sync.ssbArfcn);
            e.derivation = NrSecurityKeyEpoch::HORIZONTAL;
            e.inputKey = m_kGnb;
            e.ncc = m_ncc;
            e.nhIndex = m_nhChain.GetIndex();
        }
        else
        {
            NrSecurityKgnbStarDerivation d = NrSecurityNhChain::DeriveKgnbStar(
                m_nhChain, m_kGnb, ncc, sync.targetPci, sync.ssbArfcn);
            e.kGnb = d.kGnbStar;
            e.derivation
                = d.vertical ? NrSecurityKeyEpoch::VERTICAL : NrSecurityKeyEpoch::HORIZONTAL;
            e.inputKey = d.inputKey;
            e.ncc = d.ncc;
            e.nhIndex = d.nhIndex;
        }
    }
    catch (const std::invalid_argument& ex)
    {
        Refuse(
            m_ueId, count, "rrcReconfiguration", std::string("K_gNB* not derivable: ") + ex.what());
        return false;
    }
    e.epoch = m_epochs.empty() ? 1 : m_epochs.back().epoch + 1;
    e.cause = sync.targetPci == m_servingCell.pci && sync.ssbArfcn == m_servingCell.arfcnDl
                  ? "intra-cell"
                  : "handover";
    e.pci = sync.targetPci;
    e.arfcnDl = sync.ssbArfcn;
    const NrSecurityAsKeys keys = NrSecurityKdf::DeriveAsKeys(
        e.kGnb, static_cast<uint8_t>(m_nea), static_cast<uint8_t>(m_nia));

    // TS 38.331 5.3.5.5.2: synchronise to the target (the device switches cell).
    NrSecurityCellInfo target = m_servingCell;
    target.pci = sync.targetPci;
    target.arfcnDl = sync.ssbArfcn;
    std::ostringstream cmd;
    cmd << "PCI " << sync.targetPci << ", ARFCN-DL " << sync.ssbArfcn << ", NCC " << unsigned(ncc)
        << " (UE NCC " << unsigned(m_ncc) << "), " << e.DerivationName();
    HandoverEvent("command-received", cmd.str());
    m_handoverInProgress = true;
    if (!m_cellSwitch.IsNull() && !m_cellSwitch(sync.targetPci, target))
    {
        // T304 would expire (TS 38.331 5.3.5.8.3); nothing of the reconfiguration is applied.
        m_handoverInProgress = false;
        HandoverEvent("handover-failed",
                      "no cell with PCI " + std::to_string(sync.targetPci) + " (T304)");
        Refuse(m_ueId,
               count,
               "rrcReconfiguration",
               "the target cell (PCI " + std::to_string(sync.targetPci) + ") is not reachable");
        return false;
    }
    e.cellId = target.cellId;
    SetServingCell(target);
    m_cRnti = sync.newUeIdentity; // TS 38.331 5.3.5.5.2: the C-RNTI in the target cell
    m_a3.clear(); // TS 38.331 5.5.6.1: the reports of the old serving cell are removed
    ApplyKeyEpoch(e, keys);

    // SRBs (5.3.5.6.3, TS 38.323 5.1.2): the new keys, then PDCP re-establishment (COUNTs 0).
    for (auto& [id, rb] : m_srbs)
    {
        Ptr<NrSecurityPdcp> p = rb->GetPdcp();
        p->SetTxIntegrity(m_nia, keys.kRrcInt);
        p->SetRxIntegrity(m_nia, keys.kRrcInt, 0);
        p->SetTxCiphering(m_nea, keys.kRrcEnc);
        p->SetRxCiphering(m_nea, keys.kRrcEnc, 0);
        p->Reestablish();
    }
    HandoverEvent("srbs-reestablished", "SRBs re-established with the new keys");
    // TS 38.331 5.3.5.3: RRCReconfigurationComplete to the target, protected with the new keys.
    Send(1,
         "rrcReconfigurationComplete",
         NrSecurityRrcMessage::EncodeRrcReconfigurationComplete(m.transactionId));
    HandoverEvent("complete-sent", "RRCReconfigurationComplete on SRB1 (COUNT 0, new keys)");

    // DRBs: release (5.3.5.6.4) before add/modify (5.3.5.6.5).
    for (uint8_t id : rbc.drbToRelease)
    {
        m_drbs[id]->Dispose();
        m_drbs.erase(id);
        ConnectionEvent("drb-released", "DRB" + std::to_string(unsigned(id)));
    }
    for (const NrSecurityDrbConfig& d : rbc.drbsToAdd)
    {
        auto it = m_drbs.find(d.drbId);
        if (it != m_drbs.end())
        {
            // reestablishPDCP: new keys first, then re-establishment; an AM DRB keeps its
            // COUNTs and retransmits what the lower layer did not confirm (TS 38.323 5.1.2).
            Ptr<NrSecurityPdcp> p = it->second->GetPdcp();
            const NrSecurityDrbConfig& c = it->second->GetDrbConfig();
            if (c.integrityProtection)
            {
                p->SetTxIntegrity(m_nia, keys.kUpInt);
                p->SetRxIntegrity(m_nia, keys.kUpInt, 0);
            }
            if (!c.cipheringDisabled)
            {
                p->SetTxCiphering(m_nea, keys.kUpEnc);
                p->SetRxCiphering(m_nea, keys.kUpEnc, 0);
            }
            p->Reestablish();
            continue;
        }
        auto rb = std::unique_ptr<NrSecurityRadioBearer>(
            new NrSecurityRadioBearer(this, m_ueId, NrSecurityRbType::DRB, d.drbId, true, d));
        Ptr<NrSecurityPdcp> p = rb->GetPdcp();
        if (d.integrityProtection)
        {
            p->SetTxIntegrity(m_nia, keys.kUpInt);
            p->SetRxIntegrity(m_nia, keys.kUpInt, 0);
        }
        if (!d.cipheringDisabled)
        {
            p->SetTxCiphering(m_nea, keys.kUpEnc);
            p->SetRxCiphering(m_nea, keys.kUpEnc, 0);
        }
        ConnectionEvent("drb-added", rb->GetName() + " (new PDCP entity, COUNT 0)");
        NotifyPdcpEntityCreated(m_ueId, rb->GetName(), p);
        m_drbs[d.drbId] = std::move(rb);
    }
    m_handoverInProgress = false;
    HandoverEvent("handover-done",
                  "in cell " + std::to_string(target.cellId) + ", K_gNB "
                      + NrSecurityToHex(std::vector<uint8_t>(e.kGnb.begin(), e.kGnb.end())));
    // TS 38.331 5.3.5.3: the first RRCReconfiguration after a re-establishment resumes SRB2
    // and the suspended DRBs, a reconfigurationWithSync included (every bearer was just
    // re-established with the target's keys above).
    ResumeSuspendedBearers();
    FlushHeldUplink();
    return true;
}

void
NrSecurityUeRrc::FlushHeldUplink()
{
    while (m_heldUplink && !m_heldUplink->empty() && !m_handoverInProgress)
    {
        auto [packet, qfi] = m_heldUplink->front();
        m_heldUplink->pop_front();
        SendUserData(packet, qfi);
    }
}

} // namespace ns3
