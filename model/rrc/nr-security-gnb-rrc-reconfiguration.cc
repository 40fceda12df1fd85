// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityGnbRrc: UE capability transfer (TS 38.331 5.6.1), RRC reconfiguration with SRB2
 * and one DRB per PDU session, activated per the UP security policy (TS 38.331 5.3.5; TS
 * 33.501 6.6.1, 6.6.2), DL information transfer (5.7.1) and user data through SDAP (TS 37.324).
 */
#include "nr-security-gnb-rrc.h"
#include "nr-security-rrc-message.h"
#include "ns3/log.h"
#include "ns3/nr-security-sdap.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbRrcReconfiguration");

void
NrSecurityGnbRrc::SetCapabilityEnquiry(std::string mode)
{
    if (mode == "BeforeSecurity")
    {
        m_capabilityEnquiry = CAPABILITY_BEFORE_SECURITY;
    }
    else if (mode == "AfterSecurity")
    {
        m_capabilityEnquiry = CAPABILITY_AFTER_SECURITY;
    }
    else if (mode == "None")
    {
        m_capabilityEnquiry = CAPABILITY_NONE;
    }
    else
    {
        throw std::invalid_argument("CapabilityEnquiry: '" + mode
                                    + "' is not BeforeSecurity, AfterSecurity or None");
    }
}

std::string
NrSecurityGnbRrc::GetCapabilityEnquiry() const
{
    switch (m_capabilityEnquiry)
    {
        case CAPABILITY_BEFORE_SECURITY:
            return "BeforeSecurity";
        case CAPABILITY_AFTER_SECURITY:
            return "AfterSecurity";
        case CAPABILITY_NONE:
            return "None";
    }
    return "?";
}

void
NrSecurityGnbRrc::SendCapabilityEnquiry(NrSecurityGnbUeContext& ue)
{
    ue.capabilityTransactionId = NextTransactionId(ue);
    ue.capabilityPending = true;
    ++m_capabilityEnquiriesSent;
    Send(ue,
         1,
         "ueCapabilityEnquiry",
         NrSecurityRrcMessage::EncodeUeCapabilityEnquiry(ue.capabilityTransactionId));
    ue.capabilityGuard.Cancel();
    if (ue.state == NrSecurityRrcState::CONNECTED)
    {
        // BeforeSecurity: a UE that does not answer before AS security (a compliant UE
        // refuses the enquiry) gets the SecurityModeCommand after the guard time.
        ue.capabilityGuard = Simulator::Schedule(
            m_smcGuard, &NrSecurityGnbRrc::CapabilityGuardExpired, this, ue.ueId);
    }
    else if (ue.state == NrSecurityRrcState::SECURITY_ACTIVE)
    {
        // After AS security: an answer that is lost, or discarded by PDCP (integrity failure,
        // e.g. altered in flight), is asked for again (CapabilityEnquiryTimer).
        ue.capabilityGuard = Simulator::Schedule(m_capabilityEnquiryTimer,
                                                 &NrSecurityGnbRrc::CapabilityEnquiryTimerExpired,
                                                 this,
                                                 ue.ueId);
    }
}

void
NrSecurityGnbRrc::CapabilityEnquiryTimerExpired(uint32_t ueId)
{
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue || ue->state != NrSecurityRrcState::SECURITY_ACTIVE || !ue->capabilityPending
        || ue->capabilityReceived)
    {
        return;
    }
    ue->capabilityPending = false;
    const std::string waited = std::to_string(m_capabilityEnquiryTimer.GetMilliSeconds()) + " ms";
    if (ue->capabilityRetries < m_capabilityEnquiryRetries)
    {
        // TS 38.331 5.6.1 leaves an unanswered enquiry to the network: ask again, under a new
        // rrc-TransactionIdentifier (a late answer to the old one is refused).
        ++ue->capabilityRetries;
        ++m_capabilityEnquiryRetriesSent;
        const uint8_t old = ue->capabilityTransactionId;
        SendCapabilityEnquiry(*ue);
        m_connectionEventTrace(
            ueId,
            "capability-enquiry-retry",
            "no valid UECapabilityInformation within " + waited + " (rrc-TransactionIdentifier "
                + std::to_string(old) + "); UECapabilityEnquiry again, retry "
                + std::to_string(ue->capabilityRetries) + " of "
                + std::to_string(m_capabilityEnquiryRetries) + ", rrc-TransactionIdentifier "
                + std::to_string(ue->capabilityTransactionId));
        return;
    }
    // No radio capabilities after every retry: the gNB does not configure bearers for a UE
    // whose capabilities it does not know; it releases the connection (RRCRelease).
    m_connectionEventTrace(ueId,
                           "capability-enquiry-failed",
                           "no valid UECapabilityInformation after "
                               + std::to_string(ue->capabilityRetries + 1)
                               + " UECapabilityEnquiry messages, " + waited + " each");
    Release(ueId);
}

void
NrSecurityGnbRrc::CapabilityGuardExpired(uint32_t ueId)
{
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue || ue->state != NrSecurityRrcState::CONNECTED || !ue->capabilityPending
        || ue->capabilityReceived)
    {
        return;
    }
    ue->capabilityPending = false;
    m_connectionEventTrace(ueId,
                           "capability-enquiry-unanswered",
                           "no UECapabilityInformation before AS security; asked again after it");
    StartSmc(*ue);
}

void
NrSecurityGnbRrc::HandleCapabilityInformation(NrSecurityGnbUeContext& ue,
                                              const NrSecurityRrcDecoded& m,
                                              uint32_t count)
{
    if (!ue.capabilityPending)
    {
        Refuse(ue.ueId, count, "ueCapabilityInformation", "no UECapabilityEnquiry is pending");
        return;
    }
    if (m.transactionId != ue.capabilityTransactionId)
    {
        RefuseOtherTransaction(ue,
                               count,
                               "ueCapabilityInformation",
                               m.transactionId,
                               ue.capabilityTransactionId,
                               "UECapabilityEnquiry");
        return;
    }
    ue.capabilityPending = false;
    ue.capabilityGuard.Cancel();
    ue.capabilityReceived = true;
    ue.capabilityBeforeSecurity = ue.state != NrSecurityRrcState::SECURITY_ACTIVE;
    ue.bandsNr = m.supportedBandsNr;
    if (ue.state == NrSecurityRrcState::CONNECTED && ue.contextReceived)
    {
        StartSmc(ue); // CapabilityEnquiry BeforeSecurity
    }
    else if (ue.state == NrSecurityRrcState::SECURITY_ACTIVE)
    {
        Reconfigure(ue); // CapabilityEnquiry AfterSecurity
    }
}

void
NrSecurityGnbRrc::AfterSecurity(NrSecurityGnbUeContext& ue)
{
    // AfterSecurity; also BeforeSecurity when the UE did not answer before AS security.
    if (m_capabilityEnquiry != CAPABILITY_NONE && !ue.capabilityReceived)
    {
        SendCapabilityEnquiry(ue); // Reconfigure follows the UECapabilityInformation
        return;
    }
    Reconfigure(ue);
}

void
NrSecurityGnbRrc::ReportPduSession(NrSecurityGnbUeContext& ue, const NrSecurityPduSessionResult& r)
{
    for (auto it = ue.results.begin(); it != ue.results.end(); ++it)
    {
        if (it->pduSessionId == r.pduSessionId)
        {
            ue.results.erase(it);
            break;
        }
    }
    ue.results.push_back(r);
    m_pduSessionTrace(ue.ueId, r.pduSessionId, r.drbId, r.integrity, r.ciphering, r.ok, r.reason);
    if (m_amf)
    {
        m_amf->PduSessionResourceSetupResponse(ue.ueId, r);
    }
}

void
NrSecurityGnbRrc::Reconfigure(NrSecurityGnbUeContext& ue)
{
    if (!m_setupBearers)
    {
        return;
    }
    NrSecurityRadioBearerConfig rbc;
    uint8_t nextDrb = 1;
    for (const NrSecurityPduSession& s : ue.pduSessions)
    {
        // TS 33.501 6.6.2: the gNB activates UP integrity / ciphering per DRB from the
        // session's policy and what it supports; a REQUIRED policy it cannot meet rejects
        // the session.
        bool integrity = false;
        bool ciphering = false;
        // VulnerabilityIgnoreUpIntegrityPreferred: PREFERRED treated as NOT_NEEDED.
        const NrSecurityUpPolicy integrityPolicy
            = m_vulnerabilityIgnoreUpIntegrityPreferred
                      && s.integrity == NrSecurityUpPolicy::PREFERRED
                  ? NrSecurityUpPolicy::NOT_NEEDED
                  : s.integrity;
        const bool intOk
            = NrSecurityUpActivation(integrityPolicy, m_upIntegritySupported, integrity);
        const bool encOk
            = NrSecurityUpActivation(s.confidentiality, m_upConfidentialitySupported, ciphering);
        // The QoS flows go into SDAP-Config mappedQoS-FlowsToAdd: QFI 0..63 (TS 23.501 5.7.1),
        // at most maxNrofQFIs (64) of them (TS 38.331 6.3.2). A session the AMF sent with
        // others is rejected here, with its reason, before anything is created.
        std::string flows;
        if (s.qfis.size() > 64)
        {
            flows = std::to_string(s.qfis.size()) + " QoS flows, more than maxNrofQFIs (64)";
        }
        for (uint8_t q : s.qfis)
        {
            if (flows.empty() && q > 63)
            {
                flows = "QFI " + std::to_string(unsigned(q)) + " is not 0..63 (TS 23.501 5.7.1)";
            }
        }
        if (!intOk || !encOk || !flows.empty() || nextDrb > 29)
        {
            NrSecurityPduSessionResult r;
            r.pduSessionId = s.pduSessionId;
            r.ok = false;
            r.reason = !intOk           ? "UP integrity REQUIRED, the gNB does not support it"
                       : !encOk         ? "UP confidentiality REQUIRED, the gNB does not support it"
                       : !flows.empty() ? flows
                                        : "no DRB identity left (maxDRB 29)";
            ReportPduSession(ue, r);
            continue;
        }
        NrSecurityDrbConfig d;
        d.drbId = nextDrb++;
        d.pduSessionId = s.pduSessionId;
        d.sdapHeaderUl = m_sdapHeader;
        d.sdapHeaderDl = m_sdapHeader;
        d.defaultDrb = true;
        d.qfis = s.qfis;
        d.snLengthBits = m_drbSnLength;
        d.integrityProtection = integrity;
        d.cipheringDisabled = !ciphering;
        rbc.drbsToAdd.push_back(d);
    }
    if (rbc.drbsToAdd.empty())
    {
        // SRB2 without a DRB is not supported (TS 38.331 5.3.1.1): no reconfiguration; a
        // NAS-PDU goes on SRB1.
        if (!ue.pendingNas.empty())
        {
            SendNas(ue.ueId, ue.pendingNas);
            ue.pendingNas.clear();
        }
        return;
    }
    rbc.srbsToAdd = {2};
    // The gNB's side of the new bearers exists from now on (TS 38.331 5.3.1.2: ciphered and
    // integrity-protected, like the RRCReconfiguration that sets them up).
    auto srb2 = std::unique_ptr<NrSecurityRadioBearer>(
        new NrSecurityRadioBearer(this, ue.ueId, NrSecurityRbType::SRB, 2, false));
    Ptr<NrSecurityPdcp> p = srb2->GetPdcp();
    p->SetTxIntegrity(ue.nia, ue.keys.kRrcInt);
    p->SetRxIntegrity(ue.nia, ue.keys.kRrcInt, 0);
    p->SetTxCiphering(ue.nea, ue.keys.kRrcEnc);
    p->SetRxCiphering(ue.nea, ue.keys.kRrcEnc, 0);
    ue.srbs[2] = std::move(srb2);
    NotifyPdcpEntityCreated(ue.ueId, "SRB2", p);
    for (const NrSecurityDrbConfig& d : rbc.drbsToAdd)
    {
        auto rb = std::unique_ptr<NrSecurityRadioBearer>(
            new NrSecurityRadioBearer(this, ue.ueId, NrSecurityRbType::DRB, d.drbId, false, d));
        Ptr<NrSecurityPdcp> q = rb->GetPdcp();
        if (d.integrityProtection)
        {
            q->SetTxIntegrity(ue.nia, ue.keys.kUpInt);
            q->SetRxIntegrity(ue.nia, ue.keys.kUpInt, 0);
        }
        if (!d.cipheringDisabled)
        {
            q->SetTxCiphering(ue.nea, ue.keys.kUpEnc);
            q->SetRxCiphering(ue.nea, ue.keys.kUpEnc, 0);
        }
        NotifyPdcpEntityCreated(ue.ueId, rb->GetName(), q);
        ue.drbs[d.drbId] = std::move(rb);
    }
    ue.reconfigurationTransactionId = NextTransactionId(ue);
    ue.reconfigurationPending = true;
    Send(ue,
         1,
         "rrcReconfiguration",
         NrSecurityRrcMessage::EncodeRrcReconfiguration(ue.reconfigurationTransactionId, rbc));
}

void
NrSecurityGnbRrc::HandleReconfigurationComplete(NrSecurityGnbUeContext& ue,
                                                const NrSecurityRrcDecoded& m,
                                                uint32_t count)
{
    if (!ue.reconfigurationPending)
    {
        Refuse(ue.ueId, count, "rrcReconfigurationComplete", "no RRCReconfiguration is pending");
        return;
    }
    if (m.transactionId != ue.reconfigurationTransactionId)
    {
        RefuseOtherTransaction(ue,
                               count,
                               "rrcReconfigurationComplete",
                               m.transactionId,
                               ue.reconfigurationTransactionId,
                               "RRCReconfiguration");
        return;
    }
    ue.reconfigurationPending = false;
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
    if (!ue.pendingNas.empty())
    {
        SendNas(ue.ueId, ue.pendingNas); // on SRB2 (TS 38.331 5.7.1.2)
        ue.pendingNas.clear();
    }
}

NrSecurityPduSessionResult
NrSecurityGnbRrc::GetPduSessionResult(uint32_t ueId, uint8_t pduSessionId) const
{
    NrSecurityPduSessionResult none;
    none.pduSessionId = pduSessionId;
    const NrSecurityGnbUeContext* ue = GetUeContext(ueId);
    if (!ue)
    {
        none.reason = "unknown PDU session";
        return none;
    }
    for (const NrSecurityPduSessionResult& r : ue->results)
    {
        if (r.pduSessionId == pduSessionId)
        {
            return r;
        }
    }
    for (const NrSecurityPduSession& s : ue->pduSessions)
    {
        if (s.pduSessionId == pduSessionId)
        {
            none.reason = "pending";
            return none;
        }
    }
    none.reason = "unknown PDU session";
    return none;
}

bool
NrSecurityGnbRrc::SendNas(uint32_t ueId, const std::vector<uint8_t>& nas)
{
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue || !IsConnected(*ue) || ue->state == NrSecurityRrcState::INACTIVE)
    {
        return false;
    }
    // SRB2 is suspended during RRC re-establishment (nr-security-gnb-rrc-reestablishment.cc).
    return Send(*ue,
                ue->srbs.count(2) != 0 && !ue->rbsSuspended ? 2 : 1,
                "dlInformationTransfer",
                NrSecurityRrcMessage::EncodeDlInformationTransfer(NextTransactionId(*ue), nas));
}

bool
NrSecurityGnbRrc::SendUserData(uint32_t ueId,
                               uint8_t pduSessionId,
                               uint8_t qfi,
                               Ptr<Packet> ipPacket)
{
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ipPacket || qfi > 63)
    {
        DiscardUserData(ueId, "none", ipPacket ? "QFI above 63" : "no packet");
        return false;
    }
    if (!ue || ue->state == NrSecurityRrcState::RELEASED)
    {
        DiscardUserData(ueId, "none", "no UE context");
        return false;
    }
    if (ue->rbsSuspended || ue->state == NrSecurityRrcState::INACTIVE)
    {
        // nr-security-gnb-rrc-reestablishment.cc / -resume.cc
        DiscardUserData(ueId,
                        "none",
                        ue->rbsSuspended ? "DRBs suspended (RRC re-establishment, TS 38.331 5.3.7)"
                                         : "UE in RRC_INACTIVE (resume not triggered by data)");
        return false;
    }
    NrSecurityRadioBearer* rb = nullptr;
    for (const auto& [id, d] : ue->drbs)
    {
        if (d->GetDrbConfig().pduSessionId == pduSessionId)
        {
            rb = d.get();
            break;
        }
    }
    if (!rb)
    {
        DiscardUserData(
            ueId, "none", "PDU session " + std::to_string(unsigned(pduSessionId)) + " has no DRB");
        return false;
    }
    Ptr<Packet> sdu = ipPacket->Copy();
    if (rb->SdapHeader())
    {
        NrSecuritySdap::AddHeader(sdu, NrSecuritySdap::EncodeDlHeader(false, false, qfi));
    }
    if (InterceptDownlink(*ue, rb->GetRbId(), sdu))
    {
        return true; // held or forwarded during a handover (nr-security-gnb-rrc-handover.cc)
    }
    if (rb->GetPdcp()->TransmitSdu(sdu) < 0)
    {
        DiscardUserData(ueId, rb->GetName(), "PDCP refused the SDU");
        return false;
    }
    return true;
}

void
NrSecurityGnbRrc::ReceiveUserData(NrSecurityRadioBearer& rb, Ptr<Packet> sdu)
{
    const NrSecurityDrbConfig& d = rb.GetDrbConfig();
    uint8_t qfi = d.qfis.empty() ? 0 : d.qfis.front();
    if (rb.SdapHeader())
    {
        uint8_t header = 0;
        bool data = false;
        if (!NrSecuritySdap::RemoveHeader(sdu, header))
        {
            DiscardUserData(rb.GetUeId(), rb.GetName(), "SDAP PDU without its header");
            return;
        }
        NrSecuritySdap::DecodeUlHeader(header, data, qfi);
        if (!data)
        {
            // TS 37.324 6.2.3: an SDAP control PDU (end-marker) carries no user data.
            DiscardUserData(rb.GetUeId(), rb.GetName(), "SDAP control PDU (end-marker)");
            return;
        }
    }
    if (m_userData.IsNull())
    {
        DiscardUserData(rb.GetUeId(), rb.GetName(), "no upper layer for user data");
        return;
    }
    m_userData(rb.GetUeId(), d.pduSessionId, qfi, sdu);
}

} // namespace ns3
