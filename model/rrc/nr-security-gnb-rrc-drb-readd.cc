// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityGnbRrc::ReAddDrb: a DRB is released and a new one set up for the same PDU session
 * (TS 38.331 5.3.5.6.4 DRB release, 5.3.5.6.5 DRB addition: a new PDCP entity, COUNT 0), and
 * the vulnerability profile VulnerabilityDrbCountReuse that reproduces the ReVoLTE fault
 * (Rupprecht et al., "Call Me Maybe: Eavesdropping Encrypted LTE Calls With ReVoLTE", USENIX
 * Security 2020): the same bearer identity and COUNT 0 under the same key, so the NEA
 * keystream (a function of key, COUNT, BEARER and DIRECTION only, TS 33.501 D.2.1.1) of the
 * released DRB is used again and C1 xor C2 = P1 xor P2.
 *
 * Compliant (TS 38.300 13.1, TS 33.501 6.9.4.1: a COUNT is used once per key, BEARER and
 * DIRECTION): the new DRB gets an identity not used under the current K_gNB (a new BEARER
 * input, so a new keystream from COUNT 0). The PDCP COUNT guard of each entity
 * (NrSecurityPdcpCountGuard) cannot see this reuse: a re-added DRB is a new entity, so it is
 * RRC that never hands an entity a (key, BEARER) pair whose COUNTs were used. When all 29
 * identities were used under the current K_gNB, the gNB refreshes the keys with an
 * intra-cell handover (nr-security-gnb-rrc-key-refresh.cc, cause "drb-readd") in which the
 * DRB is released and re-added with its identity under the new K_gNB*.
 */
#include "nr-security-gnb-rrc.h"
#include "nr-security-rrc-message.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbRrcDrbReAdd");

/**
 * Configures a DRB's PDCP entity with the UP keys its configuration asks for (receive side
 * for every COUNT); defined in nr-security-gnb-rrc-handover-target.cc.
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
/// DRB-Identity ::= INTEGER (1..maxDRB), maxDRB = 29 (TS 38.331 6.3.2, 6.4)
constexpr uint8_t MAX_DRB = 29;
} // namespace

bool
NrSecurityGnbRrc::RefuseReAdd(uint32_t ueId, const std::string& reason)
{
    NS_LOG_INFO("UE " << ueId << ": DRB re-add refused: " << reason);
    ++m_drbReAddRefusals;
    m_connectionEventTrace(ueId, "drb-readd-refused", reason);
    return false;
}

bool
NrSecurityGnbRrc::ReAddDrb(uint32_t ueId, uint8_t drbId)
{
    NS_LOG_FUNCTION(this << ueId << unsigned(drbId));
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue)
    {
        return RefuseReAdd(ueId, "unknown UE");
    }
    if (ue->state != NrSecurityRrcState::SECURITY_ACTIVE)
    {
        return RefuseReAdd(ueId,
                           "AS security is not active (" + NrSecurityRrcStateName(ue->state) + ")");
    }
    auto it = ue->drbs.find(drbId);
    if (it == ue->drbs.end())
    {
        return RefuseReAdd(ueId, "DRB" + std::to_string(unsigned(drbId)) + " is not set up");
    }
    if (ue->reconfigurationPending || ue->handover.role != NrSecurityGnbHandover::NONE
        || !ue->handover.cause.empty() || ue->rbsSuspended)
    {
        return RefuseReAdd(ueId, "a reconfiguration or handover is pending");
    }
    // The DRB identities used under the K_gNB in force: only ReAddDrb releases a DRB without
    // a new K_gNB, so this record starts again whenever K_gNB changed.
    if (ue->drbIdsKgnb != ue->kGnb)
    {
        ue->drbIdsUsed.clear();
        ue->drbIdsKgnb = ue->kGnb;
    }
    for (const auto& [id, rb] : ue->drbs)
    {
        ue->drbIdsUsed.insert(id);
    }
    uint8_t newId = drbId;
    if (m_vulnerabilityDrbCountReuse)
    {
        ++m_drbCountReuses;
    }
    else
    {
        newId = 0;
        for (uint8_t id = 1; id <= MAX_DRB && newId == 0; ++id)
        {
            newId = ue->drbIdsUsed.count(id) == 0 ? id : 0;
        }
        if (newId == 0)
        {
            // Every identity was used under this K_gNB: a new K_gNB* first (TS 33.501
            // 6.9.4.1); the refresh releases the DRB and re-adds it with its identity.
            ue->refreshReleaseDrbs = {drbId};
            if (!StartIntraCell(*ue, "drb-readd"))
            {
                ue->refreshReleaseDrbs.clear();
                return RefuseReAdd(ueId,
                                   "no DRB identity left under the current K_gNB and "
                                   "the key refresh failed");
            }
            ++m_drbReAdds;
            m_connectionEventTrace(
                ueId,
                "drb-readd",
                "DRB" + std::to_string(unsigned(drbId)) + " -> DRB"
                    + std::to_string(unsigned(drbId)) + " under a new K_gNB* (key refresh: all "
                    + std::to_string(unsigned(MAX_DRB)) + " identities used under the old one)");
            return true;
        }
    }
    NrSecurityDrbConfig d = it->second->GetDrbConfig();
    d.drbId = newId;
    d.reestablishPdcp = false;
    NrSecurityRadioBearerConfig rbc;
    rbc.drbToRelease = {drbId};
    rbc.drbsToAdd = {d};
    const uint8_t tid = NextTransactionId(*ue);
    std::vector<uint8_t> command;
    try
    {
        command = NrSecurityRrcMessage::EncodeRrcReconfiguration(tid, rbc);
    }
    catch (const std::invalid_argument& ex)
    {
        return RefuseReAdd(ueId, std::string("RRCReconfiguration: ") + ex.what());
    }
    // The gNB's side: the old entity goes (TS 38.331 5.3.5.6.4), the new one starts from
    // COUNT 0 with the keys in force (5.3.5.6.5).
    it->second->Dispose();
    ue->drbs.erase(it);
    auto rb = std::unique_ptr<NrSecurityRadioBearer>(
        new NrSecurityRadioBearer(this, ueId, NrSecurityRbType::DRB, newId, false, d));
    NrSecuritySetDrbKeys(rb->GetPdcp(), d, ue->nea, ue->nia, ue->keys);
    NotifyPdcpEntityCreated(ueId, rb->GetName(), rb->GetPdcp());
    ue->drbs[newId] = std::move(rb);
    ue->drbIdsUsed.insert(newId);
    ue->reconfigurationTransactionId = tid;
    ue->reconfigurationPending = true;
    ++m_drbReAdds;
    m_connectionEventTrace(
        ueId,
        "drb-readd",
        "DRB" + std::to_string(unsigned(drbId)) + " -> DRB" + std::to_string(unsigned(newId))
            + (newId == drbId ? " with COUNT 0 under the same K_gNB "
                                "(VulnerabilityDrbCountReuse: keystream reuse)"
                              : " (an identity not used under the current K_gNB)"));
    Send(*ue, 1, "rrcReconfiguration", command);
    return true;
}

uint64_t
NrSecurityGnbRrc::GetDrbReAdds() const
{
    return m_drbReAdds;
}

uint64_t
NrSecurityGnbRrc::GetDrbCountReuses() const
{
    return m_drbCountReuses;
}

uint64_t
NrSecurityGnbRrc::GetDrbReAddRefusals() const
{
    return m_drbReAddRefusals;
}

} // namespace ns3
