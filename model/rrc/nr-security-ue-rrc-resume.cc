// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityUeRrc: RRC_INACTIVE (RRCRelease with suspendConfig, TS 38.331 5.3.8.3) and RRC
 * connection resume (5.3.13) with resumeMAC-I and the K_gNB* of the resume (TS 33.501
 * 6.8.2.1).
 */
#include "nr-security-c-rnti-pool.h"
#include "nr-security-rrc-message.h"
#include "nr-security-ue-rrc.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityUeRrcResume");

namespace
{
/// ResumeCause mo-Data (TS 38.331 6.2.2 ResumeCause: index 4).
constexpr uint8_t CAUSE_MO_DATA = 4;
} // namespace

bool
NrSecurityUeRrc::IsInactive() const
{
    return m_state == NrSecurityRrcState::INACTIVE;
}

const NrSecurityUeInactiveContext&
NrSecurityUeRrc::GetInactiveContext() const
{
    return m_inactive;
}

uint64_t
NrSecurityUeRrc::GetResumes() const
{
    return m_resumes;
}

void
NrSecurityUeRrc::HandleSuspend(const NrSecurityRrcDecoded& m, uint32_t count)
{
    NS_LOG_FUNCTION(this << m_ueId << count);
    if (!IsSecurityActive())
    {
        // TS 38.331 5.3.8.3: suspendConfig is only acted upon after AS security activation
        // (with SRB2 and a DRB); otherwise the UE goes to RRC_IDLE.
        Refuse(m_ueId, count, "rrcRelease", "suspendConfig before AS security activation");
        GoToIdle("RRCRelease with suspendConfig before AS security (TS 38.331 5.3.8.3)");
        return;
    }
    // TS 38.331 5.3.8.3: store the suspendConfig and, in the UE Inactive AS Context, K_gNB,
    // K_RRCint, the C-RNTI and the PCI / cellIdentity of the source PCell and the bearer
    // configurations; suspend every SRB and DRB but SRB0. TS 33.501 6.8.2.1.1: K_RRCenc,
    // K_UPenc and K_UPint are deleted. The bearers are released here and restored from the
    // stored configuration at RRCResume (PDCP suspend: COUNTs to 0, TS 38.323 5.1.4).
    m_inactive = NrSecurityUeInactiveContext();
    m_inactive.stored = true;
    m_inactive.suspend = m.suspendConfig;
    m_inactive.kGnb = m_kGnb;
    if (m.suspendConfig.nextHopChainingCount != m_ncc)
    {
        // TS 33.501 6.8.2.1.1: a received NCC that differs from the NCC of the current K_gNB:
        // the UE deletes K_gNB (the resume derives K_gNB* from the NH of that NCC, vertical).
        m_kGnb = NrSecurityKey256{};
        m_inactive.kGnb = NrSecurityKey256{};
    }
    m_inactive.kRrcInt = m_keys.kRrcInt;
    m_inactive.nea = m_nea;
    m_inactive.nia = m_nia;
    m_inactive.sourceCell = m_servingCell;
    m_inactive.sourceCRnti = m_cRnti; // VarResumeMAC-Input; INACTIVE: no C-RNTI
    m_cRnti = 0;
    m_inactive.srb2 = Srb(2) != nullptr;
    m_inactive.drbs = GetDrbConfigs();
    for (NrSecurityDrbConfig& d : m_inactive.drbs)
    {
        d.reestablishPdcp = false;
    }
    StopRecovery();
    ReleaseBearers();
    m_keys = NrSecurityAsKeys();
    m_handoverInProgress = false;
    ConnectionEvent("inactive",
                    "RRCRelease with suspendConfig: shortI-RNTI "
                        + std::to_string(m.suspendConfig.shortIRnti) + ", NCC "
                        + std::to_string(unsigned(m.suspendConfig.nextHopChainingCount)));
    SetState(NrSecurityRrcState::INACTIVE);
}

bool
NrSecurityUeRrc::Resume()
{
    NS_LOG_FUNCTION(this << m_ueId);
    if (m_state != NrSecurityRrcState::INACTIVE || !m_inactive.stored)
    {
        ConnectionEvent("resume-refused",
                        "not in RRC_INACTIVE (" + NrSecurityRrcStateName(m_state) + ")");
        return false;
    }
    if (!m_t302Event.IsExpired())
    {
        ConnectionEvent("resume-refused", "T302 is running (TS 38.331 5.3.13.2)");
        return false;
    }
    NrSecurityCellInfo cell;
    if (m_cellSelection.IsNull() || !m_cellSelection(cell))
    {
        ConnectionEvent("resume-refused", "no suitable cell");
        return false;
    }
    m_recoveryCell = cell;
    // TS 38.331 5.3.13.3: restore K_gNB and K_RRCint from the UE Inactive AS Context;
    // resumeMAC-I over VarResumeMAC-Input (source PCI, the selected cell's cellIdentity,
    // source C-RNTI) with the stored K_RRCint and algorithm; K_gNB* from the stored NCC;
    // the new AS keys; SRB1 re-established with integrity and ciphering under them, applied
    // at once; RRCResumeRequest on SRB0.
    const NrSecurityUeInactiveContext& c = m_inactive;
    const uint16_t resumeMacI
        = RecoveryMacI(true, c.nia, c.kRrcInt, c.sourceCell.pci, cell.cellIdentity, c.sourceCRnti);
    m_nea = c.nea;
    m_nia = c.nia;
    m_resumeChain = m_nhChain;
    if (!DeriveRecoveryKeys(c.kGnb,
                            c.suspend.nextHopChainingCount,
                            cell,
                            "resume",
                            m_resumeChain,
                            m_resumeEpoch,
                            m_resumeKeys))
    {
        return false;
    }
    NewSrb1(&m_resumeKeys);
    SetState(NrSecurityRrcState::RESUMING);
    m_t319Event.Cancel();
    m_t319Event = Simulator::Schedule(m_t319, &NrSecurityUeRrc::T319Expired, this);
    ConnectionEvent("t319-start", std::to_string(m_t319.GetMilliSeconds()) + " ms");
    ConnectionEvent("resume-request",
                    "shortI-RNTI " + std::to_string(c.suspend.shortIRnti) + ", resumeMAC-I "
                        + std::to_string(resumeMacI) + " for cellIdentity "
                        + std::to_string(cell.cellIdentity));
    SendUlCcch("rrcResumeRequest",
               NrSecurityRrcMessage::EncodeRrcResumeRequest(
                   c.suspend.shortIRnti, resumeMacI, CAUSE_MO_DATA));
    return true;
}

void
NrSecurityUeRrc::HandleRrcResume(const NrSecurityRrcDecoded& m, uint32_t count)
{
    NS_LOG_FUNCTION(this << m_ueId << count);
    if (m_state != NrSecurityRrcState::RESUMING || m_t319Event.IsExpired())
    {
        Refuse(m_ueId, count, "rrcResume", "no RRCResumeRequest is pending (T319 not running)");
        return;
    }
    // PDCP verified and deciphered it with the new keys (integrity failures are discarded
    // there and T319 runs on). TS 38.331 5.3.13.4: stop T319, restore the RRC configuration,
    // re-establish PDCP of SRB2 and every DRB, resume them, RRCResumeComplete.
    if (!NrSecurityCRntiPool::IsCRnti(m_rxRnti))
    {
        // The RNTI the message came with becomes the C-RNTI (TS 38.321 Table 7.1-1); T319 runs
        // on.
        Refuse(m_ueId,
               count,
               "rrcResume",
               "RNTI " + std::to_string(m_rxRnti)
                   + " is not a C-RNTI (0x0001..0xFFEF, TS 38.321 Table 7.1-1)");
        return;
    }
    m_t319Event.Cancel();
    if (m.radioBearerConfigPresent
        && (!m.radioBearerConfig.srbsToAdd.empty() || !m.radioBearerConfig.drbsToAdd.empty()
            || !m.radioBearerConfig.drbToRelease.empty()))
    {
        // The stored configuration is restored as it is; a radioBearerConfig that changes it
        // in RRCResume is not modelled (this module's gNB sends none): refused, and the UE
        // goes to RRC_IDLE as unable to comply (TS 38.331 5.3.13.10 simplified).
        Refuse(m_ueId, count, "rrcResume", "radioBearerConfig in RRCResume is not modelled");
        GoToIdle("RRCResume with a radioBearerConfig (not modelled)");
        return;
    }
    const NrSecurityUeInactiveContext c = m_inactive;
    m_nhChain = m_resumeChain;
    m_servingCell = m_recoveryCell;
    m_cRnti = m_rxRnti; // the C-RNTI in the new PCell (the RNTI the message came with)
    ApplyKeyEpoch(m_resumeEpoch, m_resumeKeys);
    if (c.srb2)
    {
        auto rb = std::unique_ptr<NrSecurityRadioBearer>(
            new NrSecurityRadioBearer(this, m_ueId, NrSecurityRbType::SRB, 2, true));
        Ptr<NrSecurityPdcp> p = rb->GetPdcp();
        p->SetTxIntegrity(m_nia, m_keys.kRrcInt);
        p->SetRxIntegrity(m_nia, m_keys.kRrcInt, 0);
        p->SetTxCiphering(m_nea, m_keys.kRrcEnc);
        p->SetRxCiphering(m_nea, m_keys.kRrcEnc, 0);
        NotifyPdcpEntityCreated(m_ueId, "SRB2", p);
        m_srbs[2] = std::move(rb);
    }
    for (const NrSecurityDrbConfig& d : c.drbs)
    {
        // The DRB's stored PDCP-Config: integrity iff integrityProtection, ciphering unless
        // cipheringDisabled (TS 38.331 5.3.5.6.5), now with the new K_UPint / K_UPenc.
        auto rb = std::unique_ptr<NrSecurityRadioBearer>(
            new NrSecurityRadioBearer(this, m_ueId, NrSecurityRbType::DRB, d.drbId, true, d));
        Ptr<NrSecurityPdcp> p = rb->GetPdcp();
        if (d.integrityProtection)
        {
            p->SetTxIntegrity(m_nia, m_keys.kUpInt);
            p->SetRxIntegrity(m_nia, m_keys.kUpInt, 0);
        }
        if (!d.cipheringDisabled)
        {
            p->SetTxCiphering(m_nea, m_keys.kUpEnc);
            p->SetRxCiphering(m_nea, m_keys.kUpEnc, 0);
        }
        NotifyPdcpEntityCreated(m_ueId, rb->GetName(), p);
        m_drbs[d.drbId] = std::move(rb);
    }
    m_inactive = NrSecurityUeInactiveContext();
    SetState(NrSecurityRrcState::SECURITY_ACTIVE);
    ++m_resumes;
    ConnectionEvent("resumed",
                    "K_gNB* " + m_resumeEpoch.DerivationName() + " with NCC "
                        + std::to_string(unsigned(m_resumeEpoch.ncc)) + " for PCI "
                        + std::to_string(m_resumeEpoch.pci));
    Send(1, "rrcResumeComplete", NrSecurityRrcMessage::EncodeRrcResumeComplete(m.transactionId));
}

void
NrSecurityUeRrc::T319Expired()
{
    // TS 38.331 5.3.13.5: T319 expiry: RRC_IDLE, release cause 'RRC Resume failure'.
    ConnectionEvent("t319-expiry", "no RRCResume, RRCSetup or RRCReject (TS 38.331 5.3.13.5)");
    GoToIdle("T319 expired");
}

void
NrSecurityUeRrc::SetT319(Time t)
{
    m_t319 = t;
}

Time
NrSecurityUeRrc::GetT319() const
{
    return m_t319;
}

} // namespace ns3
