// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-gnb-rrc.h"

#include "nr-security-rrc-message.h"
#include "ns3/log.h"
#include "ns3/nr-security-attribute-checker.h"
#include "ns3/nr-security-hex.h"
#include "ns3/nr-security-packet-bytes.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbRrc");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityGnbRrc);

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

/// The checker of a priority-list attribute: refuses, when set, every list ParseList refuses.
Ptr<const AttributeChecker>
MakePriorityListChecker(const std::string& prefix, const std::string& attribute)
{
    return MakeNrSecurityChecker(
        MakeStringChecker(),
        [prefix, attribute](const AttributeValue& v)
        { return !ParseList(static_cast<const StringValue&>(v).Get(), prefix, attribute).empty(); },
        "std::string, comma-separated " + prefix + "0.." + prefix + "3 (or 0..3), not empty");
}

} // namespace

TypeId
NrSecurityGnbRrc::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::NrSecurityGnbRrc")
              .SetParent<NrSecurityRrc>()
              .SetGroupName("NrSecurity")
              .AddConstructor<NrSecurityGnbRrc>()
              .AddAttribute("CipheringPriority",
                            "Ciphering algorithms the gNB may select, most preferred first "
                            "(TS 33.501 6.7.3.0), e.g. \"NEA2,NEA1,NEA3,NEA0\".",
                            StringValue("NEA2,NEA3,NEA1,NEA0"),
                            MakeStringAccessor(&NrSecurityGnbRrc::SetCipheringPriority,
                                               &NrSecurityGnbRrc::GetCipheringPriority),
                            MakePriorityListChecker("NEA", "CipheringPriority"))
              .AddAttribute("IntegrityPriority",
                            "Integrity algorithms the gNB may select, most preferred first; NIA0 "
                            "is only ever selected for emergency UEs.",
                            StringValue("NIA2,NIA3,NIA1"),
                            MakeStringAccessor(&NrSecurityGnbRrc::SetIntegrityPriority,
                                               &NrSecurityGnbRrc::GetIntegrityPriority),
                            MakePriorityListChecker("NIA", "IntegrityPriority"))
              .AddAttribute("SmcGuardTimer",
                            "Time the gNB waits for SecurityModeComplete/Failure before it "
                            "releases the UE context.",
                            TimeValue(Seconds(1)),
                            MakeTimeAccessor(&NrSecurityGnbRrc::m_smcGuard),
                            MakeTimeChecker(Time(0)));
    return tid;
}

NrSecurityGnbRrc::NrSecurityGnbRrc()
    : m_smcGuard(Seconds(1))
{
    SetCipheringPriority("NEA2,NEA3,NEA1,NEA0");
    SetIntegrityPriority("NIA2,NIA3,NIA1");
}

NrSecurityGnbRrc::~NrSecurityGnbRrc() = default;

void
NrSecurityGnbRrc::DoDispose()
{
    for (auto& [id, ue] : m_ues)
    {
        ue.guard.Cancel();
        if (ue.srb1)
        {
            ue.srb1->Dispose();
        }
    }
    m_ues.clear();
    m_amf = nullptr;
    m_transmit = TransmitCallback();
    Object::DoDispose();
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

void
NrSecurityGnbRrc::SetAmf(Ptr<NrSecurityAmf> amf)
{
    m_amf = amf;
}

void
NrSecurityGnbRrc::SetTransmitCallback(TransmitCallback cb)
{
    m_transmit = cb;
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
NrSecurityGnbRrc::AddUe(uint16_t ueId)
{
    NS_LOG_FUNCTION(this << ueId);
    NrSecurityGnbUeContext& ue = m_ues[ueId];
    ue.ueId = ueId;
    ue.srb1 = CreateObject<NrSecurityPdcp>();
    ue.srb1->SetAttribute("Direction", StringValue("DL"));
    ue.srb1->SetUser(this, ueId);
    m_stateTrace(ueId,
                 NrSecurityRrcStateName(NrSecurityRrcState::IDLE),
                 NrSecurityRrcStateName(NrSecurityRrcState::CONNECTED));
    if (!m_amf
        || !m_amf->InitialContextSetup(ueId,
                                       MakeCallback(&NrSecurityGnbRrc::InitialContextSetup, this)))
    {
        m_securityModeFailureTrace(ueId, "the AMF has no security context for the UE");
        Release(ue, "no NAS security context");
    }
}

void
NrSecurityGnbRrc::InitialContextSetup(uint16_t ueId,
                                      NrSecurityKey256 kGnb,
                                      NrSecurityUeCapabilities caps,
                                      bool emergency)
{
    NS_LOG_FUNCTION(this << ueId);
    auto it = m_ues.find(ueId);
    if (it == m_ues.end() || it->second.state != NrSecurityRrcState::CONNECTED)
    {
        return;
    }
    NrSecurityGnbUeContext& ue = it->second;
    std::string reason;
    if (!SelectAlgorithms(m_neaPriority, m_niaPriority, caps, emergency, ue.nea, ue.nia, reason))
    {
        // S2: refuse rather than fall back to NIA0.
        m_securityModeFailureTrace(ueId, reason);
        Release(ue, reason);
        return;
    }
    ue.kGnb = kGnb;
    KeyDerived(ueId, "K_gNB", kGnb.data(), kGnb.size());
    ue.keys = NrSecurityKdf::DeriveAsKeys(
        kGnb, static_cast<uint8_t>(ue.nea), static_cast<uint8_t>(ue.nia));
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
    ue.transactionId = static_cast<uint8_t>((ue.transactionId + 1) % 4);
    Send(ue,
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
NrSecurityGnbRrc::ReceivePdu(uint16_t ueId, uint8_t rbId, Ptr<Packet> pdu)
{
    auto it = m_ues.find(ueId);
    if (it == m_ues.end() || it->second.state == NrSecurityRrcState::RELEASED || rbId != 1)
    {
        NS_LOG_LOGIC("PDU from UE " << ueId << " RB " << unsigned(rbId) << " ignored");
        return;
    }
    it->second.srb1->ReceivePdu(pdu);
}

void
NrSecurityGnbRrc::PdcpDeliverSdu(uint16_t ueId, Ptr<Packet> sdu, uint32_t count)
{
    NrSecurityGnbUeContext& ue = m_ues.at(ueId);
    std::vector<uint8_t> bytes = NrSecurityPacketBytes(sdu);
    NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeUlDcch(bytes.data(), bytes.size());
    const std::string name = m.ok ? NrSecurityRrcMessage::Name(m.type) : "unknown";
    m_rrcMessageTrace(ueId, "rx", name, bytes);
    const bool answer = m.ok
                        && (m.type == NrSecurityRrcDecoded::SECURITY_MODE_COMPLETE
                            || m.type == NrSecurityRrcDecoded::SECURITY_MODE_FAILURE);
    if (ue.state != NrSecurityRrcState::SMC_PENDING)
    {
        if (answer)
        {
            Refuse(ueId, count, name, "no SecurityModeCommand is pending (TS 38.331 5.3.4)");
            return;
        }
        m_sduTrace(ueId, count, bytes);
        return;
    }
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
            RefuseOtherTransaction(ue, count, name, m.transactionId);
            return;
        }
        m_securityModeFailureTrace(ueId, "the UE answered SecurityModeFailure");
        Release(ue, "SecurityModeFailure");
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
    m_sduTrace(ueId, count, bytes); // sent before the UE received the SMC, as before the SMC
}

void
NrSecurityGnbRrc::HandleSecurityModeComplete(NrSecurityGnbUeContext& ue,
                                             Ptr<Packet> sdu,
                                             uint32_t count,
                                             uint32_t receivedMac,
                                             uint8_t transactionId)
{
    const uint16_t ueId = ue.ueId;
    // TS 38.331 5.3.4.3: integrity-protected with K_RRCint, not ciphered. A mismatch is also
    // traced as IntegrityFailure (through PdcpIntegrityFailure).
    if (!ue.srb1->VerifyDeliveredSdu(count, sdu, receivedMac, ue.nia, ue.keys.kRrcInt))
    {
        m_securityModeFailureTrace(ueId,
                                   "SecurityModeComplete failed the integrity check (COUNT "
                                       + std::to_string(count) + ")");
        Release(ue, "SecurityModeComplete failed verification");
        return;
    }
    if (transactionId != ue.transactionId)
    {
        RefuseOtherTransaction(ue, count, "securityModeComplete", transactionId);
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
}

void
NrSecurityGnbRrc::RefuseOtherTransaction(NrSecurityGnbUeContext& ue,
                                         uint32_t count,
                                         const std::string& name,
                                         uint8_t transactionId)
{
    // TS 38.331 6.3.2 RRC-TransactionIdentifier: a response answers the request with the same
    // identifier; this one answers no pending SecurityModeCommand. The procedure stays pending
    // (the guard timer ends it if no answer comes).
    Refuse(ue.ueId,
           count,
           name,
           "rrc-TransactionIdentifier " + std::to_string(transactionId)
               + " does not match the SecurityModeCommand's " + std::to_string(ue.transactionId));
}

void
NrSecurityGnbRrc::PdcpIntegrityFailure(
    uint16_t ueId, uint32_t count, Ptr<const Packet>, uint32_t receivedMac, uint32_t expectedMac)
{
    // PDCP discarded the PDU (traced and counted there), or RRC's own check of the
    // SecurityModeComplete failed (handled by its caller). An integrity failure alone never
    // releases the UE: it may be a forged or corrupted PDU (RRC re-establishment, TS 38.331
    // 5.3.7, is not modelled).
    m_integrityFailureTrace(ueId, 1, count, receivedMac, expectedMac);
}

void
NrSecurityGnbRrc::GuardTimerExpired(uint16_t ueId)
{
    NrSecurityGnbUeContext& ue = m_ues.at(ueId);
    if (ue.state != NrSecurityRrcState::SMC_PENDING)
    {
        return;
    }
    m_securityModeFailureTrace(ueId, "no answer to SecurityModeCommand before the guard timer");
    Release(ue, "SMC guard timer expired");
}

void
NrSecurityGnbRrc::Release(NrSecurityGnbUeContext& ue, const std::string& reason)
{
    NS_LOG_INFO("UE " << ue.ueId << " context released: " << reason);
    ue.guard.Cancel();
    SetState(ue, NrSecurityRrcState::RELEASED);
}

void
NrSecurityGnbRrc::SetState(NrSecurityGnbUeContext& ue, NrSecurityRrcState state)
{
    if (ue.state == state)
    {
        return;
    }
    NrSecurityRrcState old = ue.state;
    ue.state = state;
    m_stateTrace(ue.ueId, NrSecurityRrcStateName(old), NrSecurityRrcStateName(state));
}

void
NrSecurityGnbRrc::Send(NrSecurityGnbUeContext& ue,
                       const std::string& name,
                       const std::vector<uint8_t>& message)
{
    m_rrcMessageTrace(ue.ueId, "tx", name, message);
    ue.srb1->TransmitSdu(Create<Packet>(message.data(), static_cast<uint32_t>(message.size())));
}

bool
NrSecurityGnbRrc::SendDlDcch(uint16_t ueId, const std::vector<uint8_t>& message)
{
    auto it = m_ues.find(ueId);
    if (it == m_ues.end() || it->second.state == NrSecurityRrcState::RELEASED || message.empty())
    {
        return false;
    }
    NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeDlDcch(message.data(), message.size());
    m_rrcMessageTrace(ueId, "tx", m.ok ? NrSecurityRrcMessage::Name(m.type) : "dl-dcch", message);
    return it->second.srb1->TransmitSdu(
               Create<Packet>(message.data(), static_cast<uint32_t>(message.size())))
           >= 0;
}

void
NrSecurityGnbRrc::PdcpTransmitPdu(uint16_t ueId, Ptr<Packet> pdu)
{
    if (!m_transmit.IsNull())
    {
        m_transmit(ueId, 1, pdu);
    }
}

void
NrSecurityGnbRrc::KeyDerived(uint16_t ueId,
                             const std::string& name,
                             const uint8_t* key,
                             size_t bytes)
{
    m_keyDerivedTrace(ueId, name, std::vector<uint8_t>(key, key + bytes), 26);
}

const NrSecurityGnbUeContext*
NrSecurityGnbRrc::GetUeContext(uint16_t ueId) const
{
    auto it = m_ues.find(ueId);
    return it == m_ues.end() ? nullptr : &it->second;
}

size_t
NrSecurityGnbRrc::GetNUes() const
{
    return m_ues.size();
}

} // namespace ns3
