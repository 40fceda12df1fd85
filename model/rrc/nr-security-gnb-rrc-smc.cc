// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityGnbRrc: the network side of AS security activation (TS 38.331 5.3.4, TS 33.501
 * 6.7.3, 6.7.4): algorithm selection, SecurityModeCommand, verification of the answer.
 */
#include "nr-security-gnb-rrc.h"
#include "nr-security-rrc-message.h"
#include "ns3/log.h"
#include "ns3/nr-security-attribute-checker.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbRrcSmc");

namespace
{

/// Parses "NEA2,NEA1,NEA0" (or "2,1,0") into identities.
std::vector<uint32_t>
ParseList(const std::string& list, const std::string& prefix, const std::string& attribute)
{
    std::vector<uint32_t> ids;
    std::stringstream ss(list);
    std::string item;
    while (std::getline(ss, item, ','))
    {
        std::string digits = item.rfind(prefix, 0) == 0 ? item.substr(prefix.size()) : item;
        if (digits.size() != 1 || digits[0] < '0' || digits[0] > '3')
        {
            throw std::invalid_argument(attribute + ": '" + item + "' is not " + prefix + "0.."
                                        + prefix + "3");
        }
        ids.push_back(static_cast<uint32_t>(digits[0] - '0'));
    }
    if (ids.empty())
    {
        throw std::invalid_argument(attribute + ": empty list");
    }
    return ids;
}

} // namespace

/**
 * The checker of a priority-list attribute: refuses, when set, every list ParseList refuses.
 * \param prefix "NEA" or "NIA"
 * \param attribute the attribute name, for messages
 * \return the checker
 */
Ptr<const AttributeChecker>
NrSecurityMakePriorityListChecker(const std::string& prefix, const std::string& attribute)
{
    return MakeNrSecurityChecker(
        MakeStringChecker(),
        [prefix, attribute](const AttributeValue& v)
        { return !ParseList(static_cast<const StringValue&>(v).Get(), prefix, attribute).empty(); },
        "std::string, comma-separated " + prefix + "0.." + prefix + "3 (or 0..3), not empty");
}

void
NrSecurityGnbRrc::SetCipheringPriority(std::string list)
{
    m_neaPriority.clear();
    for (uint32_t id : ParseList(list, "NEA", "CipheringPriority"))
    {
        m_neaPriority.push_back(NrSecurityAlgorithms::CipheringFromId(id));
    }
}

std::string
NrSecurityGnbRrc::GetCipheringPriority() const
{
    std::string s;
    for (auto a : m_neaPriority)
    {
        s += (s.empty() ? "" : ",") + NrSecurityAlgorithms::Name(a);
    }
    return s;
}

void
NrSecurityGnbRrc::SetIntegrityPriority(std::string list)
{
    m_niaPriority.clear();
    for (uint32_t id : ParseList(list, "NIA", "IntegrityPriority"))
    {
        m_niaPriority.push_back(NrSecurityAlgorithms::IntegrityFromId(id));
    }
}

std::string
NrSecurityGnbRrc::GetIntegrityPriority() const
{
    std::string s;
    for (auto a : m_niaPriority)
    {
        s += (s.empty() ? "" : ",") + NrSecurityAlgorithms::Name(a);
    }
    return s;
}

bool
NrSecurityGnbRrc::SelectAlgorithms(const std::vector<NrSecurityCiphering>& neaPriority,
                                   const std::vector<NrSecurityIntegrity>& niaPriority,
                                   const NrSecurityUeCapabilities& caps,
                                   bool emergency,
                                   NrSecurityCiphering& nea,
                                   NrSecurityIntegrity& nia,
                                   std::string& reason)
{
    bool haveNia = false;
    for (auto a : niaPriority)
    {
        if ((a != NrSecurityIntegrity::NIA0 || emergency) && caps.Supports(a))
        {
            nia = a;
            haveNia = true;
            break;
        }
    }
    if (!haveNia)
    {
        reason = "no integrity algorithm in common with the UE";
        bool listsNia0
            = std::find(niaPriority.begin(), niaPriority.end(), NrSecurityIntegrity::NIA0)
              != niaPriority.end();
        if (listsNia0 && !emergency)
        {
            reason += " (NIA0 is only for emergency UEs)";
        }
        return false;
    }
    for (auto a : neaPriority)
    {
        if (caps.Supports(a))
        {
            nea = a;
            return true;
        }
    }
    reason = "no ciphering algorithm in common with the UE";
    return false;
}

void
NrSecurityGnbRrc::StartSmc(NrSecurityGnbUeContext& ue)
{
    const uint32_t ueId = ue.ueId;
    std::string reason;
    // VulnerabilityAllowNullAlgorithms: NIA0 as if every UE were an emergency UE.
    const bool nia0Allowed = ue.emergency || m_vulnerabilityAllowNullAlgorithms;
    if (!SelectAlgorithms(
            m_neaPriority, m_niaPriority, ue.caps, nia0Allowed, ue.nea, ue.nia, reason))
    {
        // S2: refuse rather than fall back to NIA0.
        m_securityModeFailureTrace(ueId, reason);
        ReleaseContext(ue, reason);
        return;
    }
    if (ue.nia == NrSecurityIntegrity::NIA0 && !ue.emergency)
    {
        ++m_nullIntegritySelections;
        m_connectionEventTrace(
            ueId,
            "null-integrity-selected",
            "NIA0 for a non-emergency UE (VulnerabilityAllowNullAlgorithms; "
            "TS 33.501 D.1 allows it only for unauthenticated emergency sessions)");
    }
    KeyDerived(ueId, "K_gNB", ue.kGnb.data(), ue.kGnb.size());
    ue.keys = NrSecurityKdf::DeriveAsKeys(
        ue.kGnb, static_cast<uint8_t>(ue.nea), static_cast<uint8_t>(ue.nia));
    KeyDerived(ueId, "K_RRCint", ue.keys.kRrcInt.data(), ue.keys.kRrcInt.size());
    KeyDerived(ueId, "K_RRCenc", ue.keys.kRrcEnc.data(), ue.keys.kRrcEnc.size());
    KeyDerived(ueId, "K_UPint", ue.keys.kUpInt.data(), ue.keys.kUpInt.size());
    KeyDerived(ueId, "K_UPenc", ue.keys.kUpEnc.data(), ue.keys.kUpEnc.size());

    // TS 33.501 6.7.4, TS 38.331 5.3.4.2: the SMC is integrity-protected and not ciphered;
    // downlink ciphering starts right after it (the network may send ciphered messages before
    // the SecurityModeComplete, TS 38.331 5.3.1.2). Uplink: nothing yet. The UE protects only
    // what it sends after it verified the SMC, from a COUNT the gNB learns from the
    // SecurityModeComplete: earlier uplink PDUs (sent before the UE received the SMC) are
    // unprotected, and the Complete is checked here in RRC when it is delivered, as the UE
    // checks the SMC.
    ue.srb1->SetTxIntegrity(ue.nia, ue.keys.kRrcInt);
    ue.transactionId = NextTransactionId(ue);
    Send(ue,
         1,
         "securityModeCommand",
         NrSecurityRrcMessage::EncodeSecurityModeCommand(ue.transactionId, ue.nea, true, ue.nia));
    m_smcStepTrace(ueId,
                   26,
                   "SecurityModeCommand sent (" + NrSecurityAlgorithms::Name(ue.nea) + ", "
                       + NrSecurityAlgorithms::Name(ue.nia) + "), integrity-protected");
    ue.srb1->SetTxCiphering(ue.nea, ue.keys.kRrcEnc);
    m_smcStepTrace(ueId,
                   26,
                   "downlink ciphering started (from COUNT " + std::to_string(ue.srb1->GetTxNext())
                       + ")");
    SetState(ue, NrSecurityRrcState::SMC_PENDING);
    ue.guard = Simulator::Schedule(m_smcGuard, &NrSecurityGnbRrc::GuardTimerExpired, this, ueId);
}

void
NrSecurityGnbRrc::ReceiveSmcPending(NrSecurityGnbUeContext& ue,
                                    Ptr<Packet> sdu,
                                    uint32_t count,
                                    const NrSecurityRrcDecoded& m,
                                    const std::vector<uint8_t>& bytes)
{
    const uint32_t ueId = ue.ueId;
    const std::string name = m.ok ? NrSecurityRrcMessage::Name(m.type) : "unknown";
    const uint32_t receivedMac = ue.srb1->GetLastRxMac();
    if (m.ok && m.type == NrSecurityRrcDecoded::SECURITY_MODE_COMPLETE)
    {
        HandleSecurityModeComplete(ue, sdu, count, receivedMac, m.transactionId);
        return;
    }
    if (m.ok && m.type == NrSecurityRrcDecoded::SECURITY_MODE_FAILURE)
    {
        // TS 38.331 5.3.4.3: sent with the configuration used before the command (no
        // protection), so there is nothing to verify.
        if (m.transactionId != ue.transactionId)
        {
            RefuseOtherTransaction(
                ue, count, name, m.transactionId, ue.transactionId, "SecurityModeCommand");
            return;
        }
        m_securityModeFailureTrace(ueId, "the UE answered SecurityModeFailure");
        ReleaseContext(ue, "SecurityModeFailure");
        return;
    }
    if (receivedMac != 0)
    {
        // Before the SecurityModeComplete is verified the gNB cannot know from which COUNT the
        // UE protects its PDUs; a PDU it sent before the SMC has a zero MAC-I (TS 38.323
        // 6.3.4). One with a MAC-I was sent after the SMC, so its Complete (lower COUNT) did
        // not arrive: it cannot be verified and is not delivered.
        Refuse(ueId,
               count,
               name,
               "integrity-protected uplink PDU before the SecurityModeComplete was verified");
        return;
    }
    if (m.ok && m.type == NrSecurityRrcDecoded::UE_CAPABILITY_INFORMATION)
    {
        HandleCapabilityInformation(ue, m, count); // an answer sent before the SMC arrived
        return;
    }
    m_sduTrace(ueId, count, bytes); // sent before the UE received the SMC, as before the SMC
}

void
NrSecurityGnbRrc::HandleSecurityModeComplete(NrSecurityGnbUeContext& ue,
                                             Ptr<Packet> sdu,
                                             uint32_t count,
                                             uint32_t receivedMac,
                                             uint8_t transactionId)
{
    const uint32_t ueId = ue.ueId;
    // TS 38.331 5.3.4.3: integrity-protected with K_RRCint, not ciphered. A mismatch is also
    // traced as IntegrityFailure (through BearerIntegrityFailure).
    if (!ue.srb1->VerifyDeliveredSdu(count, sdu, receivedMac, ue.nia, ue.keys.kRrcInt))
    {
        m_securityModeFailureTrace(ueId,
                                   "SecurityModeComplete failed the integrity check (COUNT "
                                       + std::to_string(count) + ")");
        ReleaseContext(ue, "SecurityModeComplete failed verification");
        return;
    }
    if (transactionId != ue.transactionId)
    {
        RefuseOtherTransaction(ue,
                               count,
                               "securityModeComplete",
                               transactionId,
                               ue.transactionId,
                               "SecurityModeCommand");
        return;
    }
    ue.guard.Cancel();
    m_smcStepTrace(ueId,
                   32,
                   "SecurityModeComplete received, integrity verified (COUNT "
                       + std::to_string(count) + ")");
    // TS 33.501 6.7.4: uplink deciphering after verifying SecurityModeComplete; the UE
    // integrity-protects and ciphers everything it sends after it (TS 38.331 5.3.4.3).
    ue.srb1->SetRxIntegrity(ue.nia, ue.keys.kRrcInt, count + 1);
    ue.srb1->SetRxCiphering(ue.nea, ue.keys.kRrcEnc, count + 1);
    m_smcStepTrace(ueId,
                   33,
                   "uplink integrity verification and deciphering started (from COUNT "
                       + std::to_string(count + 1) + ")");
    SetState(ue, NrSecurityRrcState::SECURITY_ACTIVE);
    m_securityActivatedTrace(
        ueId, NrSecurityAlgorithms::Name(ue.nea), NrSecurityAlgorithms::Name(ue.nia));
    AfterSecurity(ue);
}

void
NrSecurityGnbRrc::RefuseOtherTransaction(NrSecurityGnbUeContext& ue,
                                         uint32_t count,
                                         const std::string& name,
                                         uint8_t transactionId,
                                         uint8_t expected,
                                         const std::string& request)
{
    // TS 38.331 6.3.2 RRC-TransactionIdentifier: a response answers the request with the same
    // identifier; this one answers no pending request. The procedure stays pending.
    Refuse(ue.ueId,
           count,
           name,
           "rrc-TransactionIdentifier " + std::to_string(transactionId) + " does not match the "
               + request + "'s " + std::to_string(expected));
}

void
NrSecurityGnbRrc::GuardTimerExpired(uint32_t ueId)
{
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue || ue->state != NrSecurityRrcState::SMC_PENDING)
    {
        return;
    }
    m_securityModeFailureTrace(ueId, "no answer to SecurityModeCommand before the guard timer");
    ReleaseContext(*ue, "SMC guard timer expired");
}

} // namespace ns3
