// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityUeRrc: RRC connection re-establishment (TS 38.331 5.3.7; TS 33.501 6.11) with
 * T311 and T301, shortMAC-I (5.3.7.4) and the K_gNB* of RRCReestablishment (5.3.7.5), and
 * the parts that resume (nr-security-ue-rrc-resume.cc) shares: the fallback to RRCSetup
 * (5.3.3.4), SRB0 transmission, the new SRB1 and the key derivation from an NCC.
 */
#include "nr-security-c-rnti-pool.h"
#include "nr-security-rrc-message.h"
#include "nr-security-short-mac-i.h"
#include "nr-security-ue-rrc.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <sstream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityUeRrcReestablishment");

namespace
{
/// ReestablishmentCause otherFailure (TS 38.331 6.2.2: reconfigurationFailure, handoverFailure,
/// otherFailure, spare1): a radio link failure.
constexpr uint8_t CAUSE_OTHER_FAILURE = 2;
/// How often the UE looks for a cell again while T311 runs (cell selection, TS 38.304).
const Time CELL_SELECTION_INTERVAL = MilliSeconds(20);

/// \return "0x35dd" for 0x35dd
std::string
Hex16(uint16_t v)
{
    std::ostringstream os;
    os << "0x" << std::hex << v;
    return os.str();
}
} // namespace

void
NrSecurityUeRrc::SetCellSelectionCallback(CellSelectionCallback cb)
{
    m_cellSelection = cb;
}

uint64_t
NrSecurityUeRrc::GetReestablishments() const
{
    return m_reestablishments;
}

void
NrSecurityUeRrc::RadioLinkFailure()
{
    NS_LOG_FUNCTION(this << m_ueId);
    if (m_state == NrSecurityRrcState::REESTABLISHING)
    {
        ConnectionEvent("rlf-ignored", "a re-establishment is already running");
        return;
    }
    if (!IsConnected())
    {
        ConnectionEvent("rlf-ignored",
                        "not in RRC_CONNECTED (" + NrSecurityRrcStateName(m_state) + ")");
        return;
    }
    ConnectionEvent("radio-link-failure",
                    "serving PCI " + std::to_string(m_servingCell.pci) + " (TS 38.331 5.3.10)");
    if (!IsSecurityActive())
    {
        // TS 38.331 5.3.7.1: without AS security the UE does not re-establish; RRC_IDLE with
        // release cause 'other'.
        GoToIdle("radio link failure before AS security activation (TS 38.331 5.3.7.1)");
        return;
    }
    if (!Srb(2) || m_drbs.empty())
    {
        // TS 38.331 5.3.7.1: with AS security but without SRB2 and a DRB: RRC_IDLE with
        // release cause 'RRC connection failure'.
        GoToIdle("radio link failure without SRB2 and a DRB (TS 38.331 5.3.7.1)");
        return;
    }
    // TS 38.331 5.3.7.2: start T311, suspend all RBs except SRB0, then cell selection. The
    // source cell (PCI, C-RNTI) and its K_RRCint and NIA (m_keys, m_nia) stay for shortMAC-I.
    m_recoverySourceCell = m_servingCell;
    m_rbsSuspended = true;
    m_handoverInProgress = false;
    SetState(NrSecurityRrcState::REESTABLISHING);
    m_t311Event.Cancel();
    m_t311Event = Simulator::Schedule(m_t311, &NrSecurityUeRrc::T311Expired, this);
    ConnectionEvent("t311-start", std::to_string(m_t311.GetMilliSeconds()) + " ms");
    SelectCellForReestablishment();
}

void
NrSecurityUeRrc::SelectCellForReestablishment()
{
    if (m_state != NrSecurityRrcState::REESTABLISHING || m_t311Event.IsExpired())
    {
        return;
    }
    NrSecurityCellInfo cell;
    if (m_cellSelection.IsNull() || !m_cellSelection(cell))
    {
        // No suitable cell yet: cell selection goes on while T311 runs (TS 38.331 5.3.7.2).
        m_cellSelectionEvent = Simulator::Schedule(
            CELL_SELECTION_INTERVAL, &NrSecurityUeRrc::SelectCellForReestablishment, this);
        return;
    }
    // TS 38.331 5.3.7.3: a suitable cell: stop T311, start T301, send the request.
    m_t311Event.Cancel();
    ConnectionEvent("cell-selected",
                    "PCI " + std::to_string(cell.pci) + ", cell " + std::to_string(cell.cellId));
    SendReestablishmentRequest(cell);
}

uint16_t
NrSecurityUeRrc::RecoveryMacI(bool resume,
                              NrSecurityIntegrity nia,
                              const NrSecurityKey128& kRrcInt,
                              uint16_t sourcePci,
                              uint64_t targetCellIdentity,
                              uint16_t sourceCRnti) const
{
    if (m_vulnerabilityRecoveryMacIZeroInputs)
    {
        // The fault of case M5: COUNT, BEARER and DIRECTION 0 instead of all ones.
        const std::vector<uint8_t> in = resume ? NrSecurityShortMacI::EncodeVarResumeMacInput(
                                            sourcePci, targetCellIdentity, sourceCRnti)
                                               : NrSecurityShortMacI::EncodeVarShortMacInput(
                                                   sourcePci, targetCellIdentity, sourceCRnti);
        const uint32_t mac = NrSecurityAlgorithms::Nia(
            nia, kRrcInt, 0, 0, 0, in, static_cast<uint32_t>(8 * in.size()));
        return static_cast<uint16_t>(mac & 0xFFFF);
    }
    return resume ? NrSecurityShortMacI::ResumeMacI(
               nia, kRrcInt, sourcePci, targetCellIdentity, sourceCRnti)
                  : NrSecurityShortMacI::ShortMacI(
                      nia, kRrcInt, sourcePci, targetCellIdentity, sourceCRnti);
}

void
NrSecurityUeRrc::SendReestablishmentRequest(const NrSecurityCellInfo& cell)
{
    m_recoveryCell = cell;
    // TS 38.331 5.3.7.4: c-RNTI and physCellId of the source PCell; shortMAC-I over
    // VarShortMAC-Input (source PCI, the selected cell's cellIdentity, source C-RNTI) with the
    // source K_RRCint and integrity algorithm.
    const uint16_t cRnti = m_cRnti; // the C-RNTI in the source cell (until RRCReestablishment)
    const uint16_t shortMacI = RecoveryMacI(
        false, m_nia, m_keys.kRrcInt, m_recoverySourceCell.pci, cell.cellIdentity, cRnti);
    const std::vector<uint8_t> msg = NrSecurityRrcMessage::EncodeRrcReestablishmentRequest(
        cRnti, m_recoverySourceCell.pci, shortMacI, CAUSE_OTHER_FAILURE);
    // Re-establish SRB1's PDCP entity, apply the default SRB1 configuration and suspend its
    // integrity protection and ciphering: a new entity without security (COUNTs from 0).
    NewSrb1(nullptr);
    m_t301Event.Cancel();
    m_t301Event = Simulator::Schedule(m_t301, &NrSecurityUeRrc::T301Expired, this);
    ConnectionEvent("t301-start", std::to_string(m_t301.GetMilliSeconds()) + " ms");
    ConnectionEvent("reestablishment-request",
                    "c-RNTI " + std::to_string(cRnti) + ", source PCI "
                        + std::to_string(m_recoverySourceCell.pci) + ", shortMAC-I "
                        + Hex16(shortMacI) + " for cellIdentity "
                        + std::to_string(cell.cellIdentity));
    SendUlCcch("rrcReestablishmentRequest", msg);
}

void
NrSecurityUeRrc::SendUlCcch(const std::string& name, const std::vector<uint8_t>& message)
{
    m_rrcMessageTrace(m_ueId, "tx", name, message, "SRB0", "none");
    if (!m_transmit.IsNull())
    {
        NrSecurityRbPdu pdu;
        pdu.type = NrSecurityRbType::SRB0;
        pdu.rbId = 0;
        pdu.pdu = Create<Packet>(message.data(), static_cast<uint32_t>(message.size()));
        m_transmit(pdu);
    }
}

void
NrSecurityUeRrc::NewSrb1(const NrSecurityAsKeys* keys)
{
    auto old = m_srbs.find(1);
    if (old != m_srbs.end())
    {
        old->second->Dispose();
        m_srbs.erase(old);
    }
    auto rb = std::unique_ptr<NrSecurityRadioBearer>(
        new NrSecurityRadioBearer(this, m_ueId, NrSecurityRbType::SRB, 1, true));
    Ptr<NrSecurityPdcp> p = rb->GetPdcp();
    if (keys)
    {
        p->SetTxIntegrity(m_nia, keys->kRrcInt);
        p->SetRxIntegrity(m_nia, keys->kRrcInt, 0);
        p->SetTxCiphering(m_nea, keys->kRrcEnc);
        p->SetRxCiphering(m_nea, keys->kRrcEnc, 0);
    }
    NotifyPdcpEntityCreated(m_ueId, "SRB1", p);
    m_srbs[1] = std::move(rb);
}

bool
NrSecurityUeRrc::DeriveRecoveryKeys(const NrSecurityKey256& kGnb,
                                    uint8_t ncc,
                                    const NrSecurityCellInfo& cell,
                                    const std::string& cause,
                                    NrSecurityNhChain& chain,
                                    NrSecurityKeyEpoch& epoch,
                                    NrSecurityAsKeys& keys)
{
    NrSecurityKgnbStarDerivation d;
    try
    {
        // TS 33.501 6.11 / 6.8.2.1.3, TS 38.331 5.3.7.5 / 5.3.13.3: horizontal from K_gNB
        // when the NCC is that of K_gNB, else vertical from the NH of the NCC (A.10, A.11).
        d = NrSecurityNhChain::DeriveKgnbStar(chain, kGnb, ncc, cell.pci, cell.arfcnDl);
    }
    catch (const std::invalid_argument& e)
    {
        ConnectionEvent(cause + "-failed", std::string("no K_gNB*: ") + e.what());
        return false;
    }
    epoch = NrSecurityKeyEpoch();
    epoch.epoch = m_epochs.empty() ? 0 : m_epochs.back().epoch + 1;
    epoch.cause = cause;
    epoch.derivation = d.vertical ? NrSecurityKeyEpoch::VERTICAL : NrSecurityKeyEpoch::HORIZONTAL;
    epoch.kGnb = d.kGnbStar;
    epoch.inputKey = d.inputKey;
    epoch.ulNasCount = m_ulNasCount;
    epoch.ncc = d.ncc;
    epoch.nhIndex = d.nhIndex; // the chain's index, also for a horizontal derivation (as the gNB)
    epoch.cellId = cell.cellId;
    epoch.pci = cell.pci;
    epoch.arfcnDl = cell.arfcnDl;
    // The algorithms stay those in use (TS 38.331 5.3.7.5, 5.3.13.3: "previously configured").
    keys = NrSecurityKdf::DeriveAsKeys(
        d.kGnbStar, static_cast<uint8_t>(m_nea), static_cast<uint8_t>(m_nia));
    return true;
}

void
NrSecurityUeRrc::HandleRrcReestablishment(Ptr<Packet> sdu,
                                          uint32_t count,
                                          const NrSecurityRrcDecoded& m)
{
    NS_LOG_FUNCTION(this << m_ueId << count);
    if (m_state != NrSecurityRrcState::REESTABLISHING || m_t301Event.IsExpired())
    {
        Refuse(m_ueId,
               count,
               "rrcReestablishment",
               "no RRCReestablishmentRequest is pending (T301 not running)");
        return;
    }
    Ptr<NrSecurityPdcp> srb1 = GetSrb1();
    const uint32_t receivedMac = srb1->GetLastRxMac();
    // TS 38.331 5.3.7.5: stop T301, the current cell is the PCell, K_gNB from the current
    // K_gNB or NH with nextHopChainingCount, the AS keys with the algorithms configured
    // before, then the integrity check of the message with the new K_RRCint.
    if (!NrSecurityCRntiPool::IsCRnti(m_rxRnti))
    {
        // The RNTI the message came with becomes the C-RNTI (TS 38.321 Table 7.1-1); T301 runs
        // on.
        Refuse(m_ueId,
               count,
               "rrcReestablishment",
               "RNTI " + std::to_string(m_rxRnti)
                   + " is not a C-RNTI (0x0001..0xFFEF, TS 38.321 Table 7.1-1)");
        return;
    }
    m_t301Event.Cancel();
    NrSecurityNhChain chain = m_nhChain;
    NrSecurityKeyEpoch epoch;
    NrSecurityAsKeys keys;
    if (!DeriveRecoveryKeys(
            m_kGnb, m.nextHopChainingCount, m_recoveryCell, "reestablishment", chain, epoch, keys))
    {
        GoToIdle("RRCReestablishment: no K_gNB* (TS 38.331 5.3.7.5)");
        return;
    }
    if (!srb1->VerifyDeliveredSdu(count, sdu, receivedMac, m_nia, keys.kRrcInt))
    {
        // TS 38.331 5.3.7.5: integrity check failed: RRC_IDLE, release cause 'RRC connection
        // failure'. Nothing of the new keys is kept.
        ConnectionEvent("reestablishment-failed", "RRCReestablishment failed the integrity check");
        GoToIdle("RRCReestablishment failed the integrity check (TS 38.331 5.3.7.5)");
        return;
    }
    m_nhChain = chain;
    m_servingCell = m_recoveryCell;
    m_cRnti = m_rxRnti; // the C-RNTI in the new PCell (the RNTI the message came with)
    ApplyKeyEpoch(epoch, keys);
    // SRB1: integrity protection and ciphering with the new keys for everything after the
    // message, both ways, immediately (TS 38.331 5.3.7.5).
    srb1->SetTxIntegrity(m_nia, keys.kRrcInt);
    srb1->SetRxIntegrity(m_nia, keys.kRrcInt, count + 1);
    srb1->SetTxCiphering(m_nea, keys.kRrcEnc);
    srb1->SetRxCiphering(m_nea, keys.kRrcEnc, count + 1);
    SetState(NrSecurityRrcState::SECURITY_ACTIVE);
    ++m_reestablishments;
    ConnectionEvent("reestablished",
                    "K_gNB* " + epoch.DerivationName() + " with NCC "
                        + std::to_string(unsigned(epoch.ncc)) + " for PCI "
                        + std::to_string(epoch.pci) + "; SRB2 and DRBs suspended until "
                        + "RRCReconfiguration");
    Send(1,
         "rrcReestablishmentComplete",
         NrSecurityRrcMessage::EncodeRrcReestablishmentComplete(m.transactionId));
}

void
NrSecurityUeRrc::HandleReconfigurationAfterReestablishment(const NrSecurityRrcDecoded& m,
                                                           uint32_t count)
{
    // TS 38.331 5.3.5.6.3 / 5.3.5.6.5: reestablishPDCP on SRB2 and each DRB: the PDCP entity
    // takes the new keys (K_RRCint/K_RRCenc; K_UPenc unless cipheringDisabled and K_UPint iff
    // integrityProtection) and is re-established (TS 38.323 5.1.2). Nothing is applied unless
    // every entry refers to a suspended bearer with reestablishPDCP.
    const NrSecurityRadioBearerConfig& rbc = m.radioBearerConfig;
    std::string problem;
    if (!m.radioBearerConfigPresent)
    {
        problem = "no radioBearerConfig to re-establish SRB2 and the DRBs";
    }
    for (uint8_t id : rbc.srbsToAdd)
    {
        if (id != 2 || !Srb(2) || !rbc.srbReestablishPdcp)
        {
            problem = "SRB" + std::to_string(unsigned(id)) + " is not a suspended SRB2 with "
                      + "reestablishPDCP";
        }
    }
    for (const NrSecurityDrbConfig& d : rbc.drbsToAdd)
    {
        auto it = m_drbs.find(d.drbId);
        if (it == m_drbs.end() || !d.reestablishPdcp)
        {
            problem = "DRB" + std::to_string(unsigned(d.drbId))
                      + " is not a suspended DRB with reestablishPDCP";
        }
        else if (d.integrityProtection != it->second->GetDrbConfig().integrityProtection)
        {
            problem = "DRB" + std::to_string(unsigned(d.drbId))
                      + ": integrityProtection changed (not modelled)";
        }
    }
    if (!rbc.drbToRelease.empty())
    {
        problem = "drb-ToReleaseList after re-establishment is not modelled";
    }
    if (!problem.empty())
    {
        Refuse(m_ueId, count, "rrcReconfiguration", "unable to comply: " + problem);
        return;
    }
    for (uint8_t id : rbc.srbsToAdd)
    {
        Ptr<NrSecurityPdcp> p = Srb(id)->GetPdcp();
        const uint32_t from = static_cast<uint32_t>(p->GetRxNext());
        p->SetTxIntegrity(m_nia, m_keys.kRrcInt);
        p->SetRxIntegrity(m_nia, m_keys.kRrcInt, from);
        p->SetTxCiphering(m_nea, m_keys.kRrcEnc);
        p->SetRxCiphering(m_nea, m_keys.kRrcEnc, from);
        p->Reestablish();
    }
    for (const NrSecurityDrbConfig& d : rbc.drbsToAdd)
    {
        Ptr<NrSecurityPdcp> p = m_drbs[d.drbId]->GetPdcp();
        const uint32_t from = static_cast<uint32_t>(p->GetRxNext());
        if (d.integrityProtection)
        {
            // Integrity protection goes on with the new K_UPint (the known gap of case M5:
            // UEs and networks that did not apply it again after re-establishment).
            p->SetTxIntegrity(m_nia, m_keys.kUpInt);
            p->SetRxIntegrity(m_nia, m_keys.kUpInt, from);
        }
        if (!d.cipheringDisabled)
        {
            p->SetTxCiphering(m_nea, m_keys.kUpEnc);
            p->SetRxCiphering(m_nea, m_keys.kUpEnc, from);
        }
        p->Reestablish();
        ConnectionEvent("drb-reestablished",
                        "DRB" + std::to_string(unsigned(d.drbId)) + " with the new keys, integrity "
                            + (d.integrityProtection ? "on" : "off"));
    }
    Send(1,
         "rrcReconfigurationComplete",
         NrSecurityRrcMessage::EncodeRrcReconfigurationComplete(m.transactionId));
    ResumeSuspendedBearers();
}

void
NrSecurityUeRrc::ResumeSuspendedBearers()
{
    // TS 38.331 5.3.5.3: the first RRCReconfiguration after re-establishment resumes SRB2 and
    // the DRBs (their PDCP entities re-established with the new keys by reestablishPDCP).
    if (!m_rbsSuspended)
    {
        return;
    }
    m_rbsSuspended = false;
    ConnectionEvent("bearers-resumed", "SRB2 and DRBs resumed after re-establishment");
    FlushHeldUplink();
}

void
NrSecurityUeRrc::T311Expired()
{
    // TS 38.331 5.3.7.6: no suitable cell: RRC_IDLE, release cause 'RRC connection failure'.
    ConnectionEvent("t311-expiry", "no suitable cell (TS 38.331 5.3.7.6)");
    GoToIdle("T311 expired");
}

void
NrSecurityUeRrc::T301Expired()
{
    // TS 38.331 5.3.7.7: no answer: RRC_IDLE, release cause 'RRC connection failure'.
    ConnectionEvent("t301-expiry", "no RRCReestablishment or RRCSetup (TS 38.331 5.3.7.7)");
    GoToIdle("T301 expired");
}

void
NrSecurityUeRrc::ReceiveCcchRecovery(const NrSecurityRrcDecoded& m,
                                     const std::vector<uint8_t>& bytes)
{
    const std::string name = NrSecurityRrcMessage::Name(m.type);
    const bool reestablishment = m_state == NrSecurityRrcState::REESTABLISHING;
    const bool waiting = reestablishment ? !m_t301Event.IsExpired() : !m_t319Event.IsExpired();
    if (!waiting)
    {
        Refuse(m_ueId, 0, name, "no request is pending (T301 / T319 not running)");
        return;
    }
    if (m.type == NrSecurityRrcDecoded::RRC_SETUP)
    {
        // TS 38.331 5.3.3.4: RRCSetup in answer to RRCReestablishmentRequest or
        // RRCResumeRequest (the network could not retrieve or verify the context): discard
        // the stored UE Inactive AS context and the AS security context, release every RB
        // but SRB0, tell upper layers of the fallback, and go on as after RRCSetupRequest.
        ConnectionEvent(reestablishment ? "reestablishment-fallback" : "resume-fallback",
                        "RRCSetup: the network did not accept the request (TS 38.331 5.3.3.4)");
        StopRecovery();
        m_inactive = NrSecurityUeInactiveContext();
        m_kGnb = NrSecurityKey256{};
        m_keys = NrSecurityAsKeys();
        ReleaseBearers();
        SetState(NrSecurityRrcState::CONNECTING);
        HandleRrcSetup(m, bytes);
        return;
    }
    if (m.type == NrSecurityRrcDecoded::RRC_REJECT && !reestablishment)
    {
        // TS 38.331 5.3.15.2: RRCReject to RRCResumeRequest: stop T319, T302 with waitTime,
        // the UE stays in RRC_INACTIVE with its stored context (SRB1 suspended again).
        m_t319Event.Cancel();
        m_t302Event.Cancel();
        if (m.waitTimePresent)
        {
            m_t302Event = Simulator::Schedule(
                Seconds(m.waitTimeSeconds), &NrSecurityUeRrc::T302Expired, this);
            ConnectionEvent("t302-start", std::to_string(unsigned(m.waitTimeSeconds)) + " s");
        }
        ReleaseBearers();
        ConnectionEvent("resume-rejected", "RRCReject: back to RRC_INACTIVE");
        SetState(NrSecurityRrcState::INACTIVE);
        return;
    }
    Refuse(m_ueId,
           0,
           name,
           std::string("not an answer to ")
               + (reestablishment ? "RRCReestablishmentRequest" : "RRCResumeRequest"));
}

void
NrSecurityUeRrc::StopRecovery()
{
    m_t301Event.Cancel();
    m_t311Event.Cancel();
    m_t319Event.Cancel();
    m_cellSelectionEvent.Cancel();
    m_rbsSuspended = false;
}

void
NrSecurityUeRrc::SetT301(Time t)
{
    m_t301 = t;
}

Time
NrSecurityUeRrc::GetT301() const
{
    return m_t301;
}

void
NrSecurityUeRrc::SetT311(Time t)
{
    m_t311 = t;
}

Time
NrSecurityUeRrc::GetT311() const
{
    return m_t311;
}

} // namespace ns3
