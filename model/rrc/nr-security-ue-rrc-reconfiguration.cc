// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityUeRrc: UE capability transfer (TS 38.331 5.6.1), RRC reconfiguration adding SRB2
 * and DRBs (5.3.5, with the ordering rule of 5.3.1.2), DL/UL information transfer (5.7.1,
 * 5.7.2) and user data through SDAP (TS 37.324) and the DRBs.
 */
#include "nr-security-rrc-message.h"
#include "nr-security-ue-rrc.h"
#include "ns3/log.h"
#include "ns3/nr-security-sdap.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityUeRrcReconfiguration");

void
NrSecurityUeRrc::HandleCapabilityEnquiry(const NrSecurityRrcDecoded& m, uint32_t count)
{
    if (!IsSecurityActive() && !m_vulnerabilityCapabilitiesBeforeSecurity)
    {
        // Hardening, not mandated by TS 38.331: 5.6.1.3 answers any enquiry and Annex B.1
        // lets both messages go unprotected; only the network is asked (5.6.1.1) to retrieve
        // UE capabilities after AS security activation. Before it the answer is readable and
        // alterable (Shaik et al., WiSec 2019), so this UE refuses
        // (VulnerabilityCapabilitiesBeforeSecurity answers).
        Refuse(m_ueId,
               count,
               "ueCapabilityEnquiry",
               "before AS security activation (TS 38.331 5.6.1.1)");
        return;
    }
    // TS 38.331 5.6.1.3: the UE answers with UECapabilityInformation on SRB1.
    ++m_capabilityInformations;
    Send(1,
         "ueCapabilityInformation",
         NrSecurityRrcMessage::EncodeUeCapabilityInformation(m.transactionId, m_bands));
}

void
NrSecurityUeRrc::HandleRrcReconfiguration(const NrSecurityRrcDecoded& m, uint32_t count)
{
    NS_LOG_FUNCTION(this << m_ueId << count);
    if (m.reconfigurationWithSyncPresent)
    {
        HandleReconfigurationWithSync(m, count); // handover (nr-security-ue-rrc-handover.cc)
        return;
    }
    if (m_rbsSuspended)
    {
        // The reconfiguration after RRC re-establishment (nr-security-ue-rrc-reestablishment.cc)
        HandleReconfigurationAfterReestablishment(m, count);
        return;
    }
    const NrSecurityRadioBearerConfig& rbc = m.radioBearerConfig;
    const bool addsBearers
        = m.radioBearerConfigPresent && (!rbc.srbsToAdd.empty() || !rbc.drbsToAdd.empty());
    if (addsBearers && !IsSecurityActive())
    {
        // TS 38.331 5.3.1.1/5.3.1.2: SRB2 and DRBs are established only after AS security
        // activation, with ciphering and integrity protection. A UE unable to comply with a
        // reconfiguration before AS security activation goes to RRC_IDLE (5.3.5.8.2, 5.3.11,
        // release cause "other"); nothing of it is applied.
        Refuse(m_ueId,
               count,
               "rrcReconfiguration",
               "adds SRB2/DRBs before AS security activation (TS 38.331 5.3.1.2, 5.3.5.8.2)");
        GoToIdle("unable to comply with RRCReconfiguration before AS security (TS 38.331 "
                 "5.3.5.8.2)");
        return;
    }
    // Check everything before applying anything (no partial success).
    std::string problem;
    bool srb2 = Srb(2) != nullptr;
    size_t drbs = m_drbs.size();
    // drb-ToReleaseList (TS 38.331 5.3.5.6.4): released before the additions (5.3.5.6.5), so
    // an identity may be released and added again in one message (a new PDCP entity).
    const std::set<uint8_t> released(rbc.drbToRelease.begin(), rbc.drbToRelease.end());
    for (uint8_t id : released)
    {
        if (m_drbs.count(id) == 0)
        {
            problem = "drb-ToReleaseList: DRB" + std::to_string(unsigned(id)) + " is not set up";
        }
        else
        {
            --drbs;
        }
    }
    for (uint8_t id : rbc.srbsToAdd)
    {
        if (id != 2)
        {
            problem = "srb-ToAddModList: SRB" + std::to_string(unsigned(id))
                      + " (only SRB2 can be added by RRCReconfiguration here)";
        }
        else if (Srb(2))
        {
            problem = "SRB2 is already set up";
        }
        srb2 = true;
    }
    for (const NrSecurityDrbConfig& d : rbc.drbsToAdd)
    {
        if (m_drbs.count(d.drbId) != 0 && released.count(d.drbId) == 0)
        {
            problem = "DRB" + std::to_string(unsigned(d.drbId)) + " is already set up";
        }
        else if (d.sdapHeaderUl != d.sdapHeaderDl)
        {
            problem = "DRB" + std::to_string(unsigned(d.drbId))
                      + ": sdap-HeaderUL differs from sdap-HeaderDL (not modelled)";
        }
        ++drbs;
    }
    if (problem.empty() && (addsBearers || !released.empty()) && (srb2 != (drbs > 0)))
    {
        // TS 38.331 5.3.1.1: SRB2 without a DRB, or a DRB without SRB2, is not supported.
        problem = "SRB2 and at least one DRB must be configured together (TS 38.331 5.3.1.1)";
    }
    if (!problem.empty())
    {
        // After AS security activation the UE would re-establish the connection (5.3.5.8.2,
        // not modelled): refused, nothing applied, no answer.
        Refuse(m_ueId, count, "rrcReconfiguration", "unable to comply: " + problem);
        return;
    }
    // The identities used under the K_gNB in force: those of the DRBs set up now, and those
    // added earlier under it (a DRB is released without a new K_gNB only here).
    NoteDrbIdentitiesInUse();
    for (uint8_t id : released)
    {
        // TS 38.331 5.3.5.6.4: release the PDCP entity and the SDAP configuration.
        m_drbs[id]->Dispose();
        m_drbs.erase(id);
        ConnectionEvent("drb-released", "DRB" + std::to_string(unsigned(id)));
    }
    for (uint8_t id : rbc.srbsToAdd)
    {
        // TS 38.331 5.3.5.6.3: a new SRB gets the AS security configuration in force.
        auto rb = std::unique_ptr<NrSecurityRadioBearer>(
            new NrSecurityRadioBearer(this, m_ueId, NrSecurityRbType::SRB, id, true));
        Ptr<NrSecurityPdcp> p = rb->GetPdcp();
        p->SetTxIntegrity(m_nia, m_keys.kRrcInt);
        p->SetRxIntegrity(m_nia, m_keys.kRrcInt, 0);
        p->SetTxCiphering(m_nea, m_keys.kRrcEnc);
        p->SetRxCiphering(m_nea, m_keys.kRrcEnc, 0);
        NotifyPdcpEntityCreated(m_ueId, rb->GetName(), p);
        m_srbs[id] = std::move(rb);
    }
    for (const NrSecurityDrbConfig& d : rbc.drbsToAdd)
    {
        // TS 38.331 5.3.5.6.5: K_UPenc unless cipheringDisabled, K_UPint iff
        // integrityProtection (the policy decision is the network's, TS 33.501 6.6.2).
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
        std::ostringstream what;
        what << rb->GetName() << " PDU session " << unsigned(d.pduSessionId) << ", SN "
             << unsigned(d.snLengthBits) << " bits, integrity "
             << (d.integrityProtection ? "on" : "off") << ", ciphering "
             << (d.cipheringDisabled ? "off" : "on") << ", SDAP header "
             << (d.sdapHeaderUl ? "on" : "off");
        ConnectionEvent("drb-added", what.str());
        if (!m_drbIdsUsed.insert(d.drbId).second)
        {
            // TS 33.501 6.9.4.1, TS 38.300 13.1: a COUNT is used once per key, bearer and
            // direction; a re-used identity restarts COUNT 0 under the same K_UPenc, BEARER
            // and DIRECTION (keystream reuse, ReVoLTE). TS 38.331 5.3.5.6.5 gives the UE no
            // ground to refuse: it accepts, and reports.
            ++m_drbIdentityReuses;
            ConnectionEvent("drb-identity-reused-same-key",
                            rb->GetName()
                                + " added again under the same K_gNB: COUNT 0 with the same "
                                  "key, BEARER and DIRECTION (TS 33.501 6.9.4.1)");
        }
        NotifyPdcpEntityCreated(m_ueId, rb->GetName(), p);
        m_drbs[d.drbId] = std::move(rb);
    }
    Send(1,
         "rrcReconfigurationComplete",
         NrSecurityRrcMessage::EncodeRrcReconfigurationComplete(m.transactionId));
}

void
NrSecurityUeRrc::HandleDlInformationTransfer(const NrSecurityRrcDecoded& m)
{
    // TS 38.331 5.7.1.3: forward dedicatedNAS-Message to upper layers.
    if (m.nasPresent)
    {
        m_nasTrace(m_ueId, m.nasMessage);
    }
}

bool
NrSecurityUeRrc::SendNas(const std::vector<uint8_t>& nas)
{
    if (!IsConnected() || !Srb(1))
    {
        return false;
    }
    // TS 38.331 5.7.2.2: SRB2 once it is established, SRB1 before.
    return Send(Srb(2) && !m_rbsSuspended ? 2 : 1,
                "ulInformationTransfer",
                NrSecurityRrcMessage::EncodeUlInformationTransfer(nas));
}

bool
NrSecurityUeRrc::SendUserData(Ptr<Packet> ipPacket, uint8_t qfi)
{
    if (!ipPacket || qfi > 63)
    {
        DiscardUserData(m_ueId, "none", ipPacket ? "QFI above 63" : "no packet");
        return false;
    }
    if (m_handoverInProgress || m_rbsSuspended)
    {
        // Held while the UE switches cell (TS 38.331 5.3.5.4), sent once the DRBs are
        // re-established in the target.
        if (!m_heldUplink)
        {
            m_heldUplink = std::make_unique<std::deque<std::pair<Ptr<Packet>, uint8_t>>>();
        }
        m_heldUplink->emplace_back(ipPacket->Copy(), qfi);
        return true;
    }
    // TS 37.324 5.2.1: the DRB that maps the QoS flow, else the default DRB.
    NrSecurityRadioBearer* rb = nullptr;
    for (const auto& [id, d] : m_drbs)
    {
        const std::vector<uint8_t>& q = d->GetDrbConfig().qfis;
        if (std::find(q.begin(), q.end(), qfi) != q.end())
        {
            rb = d.get();
            break;
        }
    }
    for (auto it = m_drbs.begin(); !rb && it != m_drbs.end(); ++it)
    {
        if (it->second->GetDrbConfig().defaultDrb)
        {
            rb = it->second.get();
        }
    }
    if (!rb)
    {
        DiscardUserData(m_ueId,
                        "none",
                        "no DRB maps QFI " + std::to_string(unsigned(qfi))
                            + " and there is no default DRB");
        return false;
    }
    Ptr<Packet> sdu = ipPacket->Copy();
    if (rb->SdapHeader())
    {
        NrSecuritySdap::AddHeader(sdu, NrSecuritySdap::EncodeUlDataHeader(qfi));
    }
    if (rb->GetPdcp()->TransmitSdu(sdu) < 0)
    {
        DiscardUserData(m_ueId, rb->GetName(), "PDCP refused the SDU");
        return false;
    }
    return true;
}

void
NrSecurityUeRrc::ReceiveUserData(NrSecurityRadioBearer& rb, Ptr<Packet> sdu)
{
    uint8_t qfi = rb.GetDrbConfig().qfis.empty() ? 0 : rb.GetDrbConfig().qfis.front();
    if (rb.SdapHeader())
    {
        uint8_t header = 0;
        if (!NrSecuritySdap::RemoveHeader(sdu, header))
        {
            DiscardUserData(m_ueId, rb.GetName(), "SDAP PDU without its header");
            return;
        }
        bool rdi = false;
        bool rqi = false;
        NrSecuritySdap::DecodeDlHeader(header, rdi, rqi, qfi);
    }
    if (m_userData.IsNull())
    {
        DiscardUserData(m_ueId, rb.GetName(), "no upper layer for user data");
        return;
    }
    m_userData(sdu, qfi);
}

void
NrSecurityUeRrc::NoteDrbIdentitiesInUse()
{
    // Every change of K_gNB (SMC, key refresh, handover, re-establishment, resume, and the
    // zeroing at RRC_IDLE) starts the record again: compare with the key it belongs to.
    if (m_drbIdsKgnb != m_kGnb)
    {
        m_drbIdsUsed.clear();
        m_drbIdsKgnb = m_kGnb;
    }
    for (const auto& [id, rb] : m_drbs)
    {
        m_drbIdsUsed.insert(id);
    }
}

uint64_t
NrSecurityUeRrc::GetDrbIdentityReuses() const
{
    return m_drbIdentityReuses;
}

std::vector<uint16_t>
NrSecurityUeRrc::ParseSupportedBands(const std::string& list)
{
    std::vector<uint16_t> bands;
    std::stringstream ss(list);
    std::string item;
    while (std::getline(ss, item, ','))
    {
        const bool digits = !item.empty() && item.size() <= 4
                            && item.find_first_not_of("0123456789") == std::string::npos;
        const unsigned long b = digits ? std::stoul(item) : 0;
        if (b < 1 || b > 1024)
        {
            throw std::invalid_argument("SupportedBandsNr: '" + item + "' is not 1..1024");
        }
        bands.push_back(static_cast<uint16_t>(b));
    }
    if (bands.empty() || (!list.empty() && list.back() == ','))
    {
        throw std::invalid_argument("SupportedBandsNr: empty list or empty item");
    }
    return bands;
}

void
NrSecurityUeRrc::SetSupportedBands(std::string list)
{
    m_bands = ParseSupportedBands(list);
}

std::string
NrSecurityUeRrc::GetSupportedBands() const
{
    std::string s;
    for (uint16_t b : m_bands)
    {
        s += (s.empty() ? "" : ",") + std::to_string(b);
    }
    return s;
}

} // namespace ns3
