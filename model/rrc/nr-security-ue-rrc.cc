// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-ue-rrc.h"

#include "nr-security-rrc-message.h"
#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/nr-security-hex.h"
#include "ns3/nr-security-packet-bytes.h"
#include "ns3/string.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityUeRrc");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityUeRrc);

namespace
{
} // namespace

TypeId
NrSecurityUeRrc::GetTypeId()
{
    static TypeId tid = TypeId("ns3::NrSecurityUeRrc")
                            .SetParent<NrSecurityRrc>()
                            .SetGroupName("NrSecurity")
                            .AddConstructor<NrSecurityUeRrc>()
                            .AddAttribute("Emergency",
                                          "Unauthenticated emergency session: NIA0 is acceptable.",
                                          BooleanValue(false),
                                          MakeBooleanAccessor(&NrSecurityUeRrc::m_emergency),
                                          MakeBooleanChecker());
    return tid;
}

NrSecurityUeRrc::NrSecurityUeRrc()
    : m_ueId(0)
    , m_kAmf{}
    , m_ulNasCount(0)
    , m_emergency(false)
    , m_state(NrSecurityRrcState::IDLE)
    , m_kGnb{}
    , m_nea(NrSecurityCiphering::NEA0)
    , m_nia(NrSecurityIntegrity::NIA0)
{
}

NrSecurityUeRrc::~NrSecurityUeRrc() = default;

void
NrSecurityUeRrc::DoDispose()
{
    if (m_srb1)
    {
        m_srb1->Dispose();
        m_srb1 = nullptr;
    }
    m_transmit = TransmitCallback();
    Object::DoDispose();
}

void
NrSecurityUeRrc::SetUeId(uint16_t ueId)
{
    m_ueId = ueId;
}

uint16_t
NrSecurityUeRrc::GetUeId() const
{
    return m_ueId;
}

void
NrSecurityUeRrc::SetNasSecurityContext(const NrSecurityKey256& kAmf, uint32_t ulNasCount)
{
    m_kAmf = kAmf;
    m_ulNasCount = ulNasCount;
}

const NrSecurityKey256&
NrSecurityUeRrc::GetKamf() const
{
    return m_kAmf;
}

uint32_t
NrSecurityUeRrc::GetUlNasCount() const
{
    return m_ulNasCount;
}

void
NrSecurityUeRrc::SetCapabilities(const NrSecurityUeCapabilities& caps)
{
    m_caps = caps;
}

NrSecurityUeCapabilities
NrSecurityUeRrc::GetCapabilities() const
{
    return m_caps;
}

bool
NrSecurityUeRrc::IsEmergency() const
{
    return m_emergency;
}

void
NrSecurityUeRrc::SetTransmitCallback(TransmitCallback cb)
{
    m_transmit = cb;
}

void
NrSecurityUeRrc::Connect()
{
    NS_LOG_FUNCTION(this << m_ueId);
    if (!m_srb1)
    {
        m_srb1 = CreateObject<NrSecurityPdcp>();
        m_srb1->SetAttribute("Direction", StringValue("UL"));
        m_srb1->SetUser(this, m_ueId);
    }
    SetState(NrSecurityRrcState::CONNECTED);
}

void
NrSecurityUeRrc::PdcpTransmitPdu(uint16_t, Ptr<Packet> pdu)
{
    if (!m_transmit.IsNull())
    {
        m_transmit(1, pdu);
    }
}

void
NrSecurityUeRrc::ReceivePdu(uint8_t rbId, Ptr<Packet> pdu)
{
    if (rbId != 1 || !m_srb1)
    {
        NS_LOG_LOGIC("UE " << m_ueId << ": PDU for RB " << unsigned(rbId) << " ignored");
        return;
    }
    m_srb1->ReceivePdu(pdu);
}

void
NrSecurityUeRrc::PdcpDeliverSdu(uint16_t, Ptr<Packet> sdu, uint32_t count)
{
    std::vector<uint8_t> bytes = NrSecurityPacketBytes(sdu);
    NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeDlDcch(bytes.data(), bytes.size());
    if (m.ok && m.type == NrSecurityRrcDecoded::SECURITY_MODE_COMMAND)
    {
        m_rrcMessageTrace(m_ueId, "rx", NrSecurityRrcMessage::Name(m.type), bytes);
        HandleSecurityModeCommand(sdu, count, m.transactionId, m.nea, m.integrityPresent, m.nia);
        return;
    }
    m_rrcMessageTrace(m_ueId, "rx", m.ok ? NrSecurityRrcMessage::Name(m.type) : "unknown", bytes);
    m_sduTrace(m_ueId, count, bytes);
}

void
NrSecurityUeRrc::HandleSecurityModeCommand(Ptr<Packet> sdu,
                                           uint32_t count,
                                           uint8_t transactionId,
                                           NrSecurityCiphering nea,
                                           bool integrityPresent,
                                           NrSecurityIntegrity nia)
{
    NS_LOG_FUNCTION(this << m_ueId << count);
    const uint32_t receivedMac = m_srb1->GetLastRxMac();
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
             + (integrityPresent ? NrSecurityAlgorithms::Name(nia) : "no integrity") + ")");
    if (!integrityPresent)
    {
        Fail(transactionId, "SecurityModeCommand without integrityProtAlgorithm");
        return;
    }
    if (nia == NrSecurityIntegrity::NIA0 && !m_emergency)
    {
        Fail(transactionId, "NIA0 selected for a non-emergency session");
        return;
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
    if (!m_srb1->VerifyDeliveredSdu(count, sdu, receivedMac, nia, keys.kRrcInt))
    {
        Fail(transactionId, "SecurityModeCommand failed the integrity check");
        return;
    }
    Step(29, "SecurityModeCommand MAC-I verified (COUNT " + std::to_string(count) + ")");

    // Step 30: the other AS keys. Keys are kept only now, after the check.
    m_kGnb = kGnb;
    m_keys = keys;
    m_nea = nea;
    m_nia = nia;
    KeyDerived("K_UPint", keys.kUpInt.data(), keys.kUpInt.size(), 30);
    KeyDerived("K_RRCenc", keys.kRrcEnc.data(), keys.kRrcEnc.size(), 30);
    KeyDerived("K_UPenc", keys.kUpEnc.data(), keys.kUpEnc.size(), 30);
    Step(30, "K_UPint, K_RRCenc, K_UPenc derived");

    // Step 31: integrity for everything after the command, both ways; downlink deciphering
    // for everything after it too (TS 38.331 5.3.4.3).
    m_srb1->SetTxIntegrity(nia, keys.kRrcInt);
    m_srb1->SetRxIntegrity(nia, keys.kRrcInt, count + 1);
    m_srb1->SetRxCiphering(nea, keys.kRrcEnc, count + 1);
    Step(31, "SRB integrity protection started");

    // Step 32: SecurityModeComplete, integrity-protected, not ciphered.
    Send("securityModeComplete", NrSecurityRrcMessage::EncodeSecurityModeComplete(transactionId));
    Step(32, "SecurityModeComplete sent (integrity-protected, unciphered)");

    // Step 33: ciphering of everything the UE sends from now on.
    m_srb1->SetTxCiphering(nea, keys.kRrcEnc);
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
    Send("securityModeFailure", NrSecurityRrcMessage::EncodeSecurityModeFailure(transactionId));
    m_securityModeFailureTrace(m_ueId, reason);
    SetState(NrSecurityRrcState::SECURITY_FAILED);
}

void
NrSecurityUeRrc::Send(const std::string& name, const std::vector<uint8_t>& message)
{
    m_rrcMessageTrace(m_ueId, "tx", name, message);
    m_srb1->TransmitSdu(Create<Packet>(message.data(), static_cast<uint32_t>(message.size())));
}

bool
NrSecurityUeRrc::SendUlDcch(const std::vector<uint8_t>& message)
{
    if (!m_srb1 || m_state == NrSecurityRrcState::IDLE || message.empty())
    {
        return false;
    }
    NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeUlDcch(message.data(), message.size());
    m_rrcMessageTrace(m_ueId, "tx", m.ok ? NrSecurityRrcMessage::Name(m.type) : "ul-dcch", message);
    return m_srb1->TransmitSdu(
               Create<Packet>(message.data(), static_cast<uint32_t>(message.size())))
           >= 0;
}

void
NrSecurityUeRrc::PdcpIntegrityFailure(
    uint16_t, uint32_t count, Ptr<const Packet>, uint32_t receivedMac, uint32_t expectedMac)
{
    NS_LOG_INFO("UE " << m_ueId << ": integrity failure on SRB1, COUNT " << count);
    m_integrityFailureTrace(m_ueId, 1, count, receivedMac, expectedMac);
}

void
NrSecurityUeRrc::SetState(NrSecurityRrcState state)
{
    if (state == m_state)
    {
        return;
    }
    NrSecurityRrcState old = m_state;
    m_state = state;
    m_stateTrace(m_ueId, NrSecurityRrcStateName(old), NrSecurityRrcStateName(state));
}

void
NrSecurityUeRrc::Step(uint32_t step, const std::string& what)
{
    m_smcStepTrace(m_ueId, step, what);
}

void
NrSecurityUeRrc::KeyDerived(const std::string& name,
                            const uint8_t* key,
                            size_t bytes,
                            uint32_t step)
{
    m_keyDerivedTrace(m_ueId, name, std::vector<uint8_t>(key, key + bytes), step);
}

Ptr<NrSecurityPdcp>
NrSecurityUeRrc::GetSrb1() const
{
    return m_srb1;
}

NrSecurityRrcState
NrSecurityUeRrc::GetState() const
{
    return m_state;
}

bool
NrSecurityUeRrc::IsSecurityActive() const
{
    return m_state == NrSecurityRrcState::SECURITY_ACTIVE;
}

const NrSecurityKey256&
NrSecurityUeRrc::GetKgnb() const
{
    return m_kGnb;
}

const NrSecurityAsKeys&
NrSecurityUeRrc::GetAsKeys() const
{
    return m_keys;
}

NrSecurityCiphering
NrSecurityUeRrc::GetCiphering() const
{
    return m_nea;
}

NrSecurityIntegrity
NrSecurityUeRrc::GetIntegrity() const
{
    return m_nia;
}

} // namespace ns3
