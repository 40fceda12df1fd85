// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityUeRrc: the UE side of AS security activation (TS 38.331 5.3.4.3, TS 33.501
 * 6.7.4), steps 26-33.
 */
#include "nr-security-rrc-message.h"
#include "nr-security-ue-rrc.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityUeRrcSmc");

void
NrSecurityUeRrc::HandleSecurityModeCommand(Ptr<Packet> sdu,
                                           uint32_t count,
                                           const NrSecurityRrcDecoded& m)
{
    NS_LOG_FUNCTION(this << m_ueId << count);
    const uint8_t transactionId = m.transactionId;
    const NrSecurityCiphering nea = m.nea;
    const NrSecurityIntegrity nia = m.nia;
    Ptr<NrSecurityPdcp> srb1 = GetSrb1();
    const uint32_t receivedMac = srb1->GetLastRxMac();
    if (m_state == NrSecurityRrcState::SECURITY_ACTIVE)
    {
        // It passed PDCP's integrity check with the active keys, but the procedure is the
        // initial AS security activation only (TS 38.331 5.3.4.1, 5.3.4.2): no re-keying, no
        // answer, no step of the procedure; refused, counted and traced.
        Refuse(m_ueId,
               count,
               "securityModeCommand",
               "AS security is already active (TS 38.331 5.3.4: initial activation only)");
        return;
    }
    Step(26,
         "SecurityModeCommand received (" + NrSecurityAlgorithms::Name(nea) + ", "
             + (m.integrityPresent ? NrSecurityAlgorithms::Name(nia) : "no integrity") + ")");
    if (!m.integrityPresent)
    {
        Fail(transactionId, "SecurityModeCommand without integrityProtAlgorithm");
        return;
    }
    if (nia == NrSecurityIntegrity::NIA0 && !m_emergency && !m_vulnerabilityAcceptNia0)
    {
        Fail(transactionId, "NIA0 selected for a non-emergency session");
        return;
    }
    if (nia == NrSecurityIntegrity::NIA0 && !m_emergency)
    {
        ConnectionEvent("null-integrity-accepted",
                        "NIA0 outside an emergency session (VulnerabilityAcceptNia0; TS 33.501 "
                        "D.1 allows it only for unauthenticated emergency sessions)");
    }
    if (!m_caps.Supports(nea))
    {
        Fail(transactionId, NrSecurityAlgorithms::Name(nea) + " is not in the UE capabilities");
        return;
    }
    if (!m_caps.Supports(nia))
    {
        Fail(transactionId, NrSecurityAlgorithms::Name(nia) + " is not in the UE capabilities");
        return;
    }

    // Steps 27-29: K_gNB, K_RRCint, and the MAC-I of the command itself.
    NrSecurityKey256 kGnb = NrSecurityKdf::DeriveKgnb(m_kAmf, m_ulNasCount);
    KeyDerived("K_gNB", kGnb.data(), kGnb.size(), 27);
    Step(27, "K_gNB derived from K_AMF, uplink NAS COUNT " + std::to_string(m_ulNasCount));
    NrSecurityAsKeys keys
        = NrSecurityKdf::DeriveAsKeys(kGnb, static_cast<uint8_t>(nea), static_cast<uint8_t>(nia));
    KeyDerived("K_RRCint", keys.kRrcInt.data(), keys.kRrcInt.size(), 28);
    Step(28, "K_RRCint derived");
    if (m_vulnerabilitySmcNoVerify)
    {
        // srsRAN_4G issue #691: the command is acted upon without checking its MAC-I.
        Step(29,
             "SecurityModeCommand MAC-I NOT verified (VulnerabilitySmcNoVerify, COUNT "
                 + std::to_string(count) + ")");
    }
    else if (!srb1->VerifyDeliveredSdu(count, sdu, receivedMac, nia, keys.kRrcInt))
    {
        Fail(transactionId, "SecurityModeCommand failed the integrity check");
        return;
    }
    else
    {
        Step(29, "SecurityModeCommand MAC-I verified (COUNT " + std::to_string(count) + ")");
    }

    // Step 30: the other AS keys. Keys are kept only now, after the check.
    m_kGnb = kGnb;
    m_keys = keys;
    m_nea = nea;
    m_nia = nia;
    KeyDerived("K_UPint", keys.kUpInt.data(), keys.kUpInt.size(), 30);
    KeyDerived("K_RRCenc", keys.kRrcEnc.data(), keys.kRrcEnc.size(), 30);
    KeyDerived("K_UPenc", keys.kUpEnc.data(), keys.kUpEnc.size(), 30);
    Step(30, "K_UPint, K_RRCenc, K_UPenc derived");
    // Key epoch 0 (KeyChange): the initial K_gNB is in force once the command is verified;
    // the NH chain starts from it (nr-security-ue-rrc-handover.cc).
    StartKeyEpochs();

    // Step 31: integrity for everything after the command, both ways; downlink deciphering
    // for everything after it too (TS 38.331 5.3.4.3).
    srb1->SetTxIntegrity(nia, keys.kRrcInt);
    srb1->SetRxIntegrity(nia, keys.kRrcInt, count + 1);
    srb1->SetRxCiphering(nea, keys.kRrcEnc, count + 1);
    Step(31, "SRB integrity protection started");

    // Step 32: SecurityModeComplete, integrity-protected, not ciphered.
    Send(
        1, "securityModeComplete", NrSecurityRrcMessage::EncodeSecurityModeComplete(transactionId));
    Step(32, "SecurityModeComplete sent (integrity-protected, unciphered)");

    // Step 33: ciphering of everything the UE sends from now on.
    srb1->SetTxCiphering(nea, keys.kRrcEnc);
    Step(33, "SRB ciphering started");
    SetState(NrSecurityRrcState::SECURITY_ACTIVE);
    m_securityActivatedTrace(
        m_ueId, NrSecurityAlgorithms::Name(nea), NrSecurityAlgorithms::Name(nia));
}

void
NrSecurityUeRrc::Fail(uint8_t transactionId, const std::string& reason)
{
    NS_LOG_INFO("UE " << m_ueId << ": SecurityModeFailure: " << reason);
    // TS 38.331 5.3.4.3: the configuration used before the command (no new protection).
    Send(1, "securityModeFailure", NrSecurityRrcMessage::EncodeSecurityModeFailure(transactionId));
    m_securityModeFailureTrace(m_ueId, reason);
    SetState(NrSecurityRrcState::SECURITY_FAILED);
}

} // namespace ns3
