// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-pdcp.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityPdcp");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityPdcp);

TypeId
NrSecurityPdcp::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::NrSecurityPdcp")
              .SetParent<Object>()
              .SetGroupName("NrSecurity")
              .AddConstructor<NrSecurityPdcp>()
              .AddAttribute("RbType",
                            "Radio bearer type: SRB (12-bit SN, MAC-I always) or DRB.",
                            StringValue("SRB"),
                            MakeStringAccessor(&NrSecurityPdcp::SetRbTypeAttribute,
                                               &NrSecurityPdcp::GetRbTypeAttribute),
                            MakeStringChecker())
              .AddAttribute("RbId",
                            "RB identity, 1..32; BEARER = RbId - 1 (TS 33.501 D.2.1.1).",
                            UintegerValue(1),
                            MakeUintegerAccessor(&NrSecurityPdcp::SetRbIdAttribute,
                                                 &NrSecurityPdcp::GetRbIdAttribute),
                            MakeUintegerChecker<uint8_t>(1, 32))
              .AddAttribute("SnLength",
                            "PDCP SN length in bits: 12 (SRB, DRB) or 18 (DRB).",
                            UintegerValue(12),
                            MakeUintegerAccessor(&NrSecurityPdcp::SetSnLengthAttribute,
                                                 &NrSecurityPdcp::GetSnLengthAttribute),
                            MakeUintegerChecker<uint8_t>(12, 18))
              .AddAttribute("Direction",
                            "Transmit direction of this entity: UL (a UE's entity, DIRECTION 0) "
                            "or DL (a gNB's entity, DIRECTION 1). It receives the other one.",
                            StringValue("UL"),
                            MakeStringAccessor(&NrSecurityPdcp::SetDirectionAttribute,
                                               &NrSecurityPdcp::GetDirectionAttribute),
                            MakeStringChecker())
              .AddAttribute("SdapHeader",
                            "DRB only: each SDU starts with a 1-byte SDAP header, integrity "
                            "protected but never ciphered.",
                            BooleanValue(false),
                            MakeBooleanAccessor(&NrSecurityPdcp::SetSdapHeaderAttribute,
                                                &NrSecurityPdcp::GetSdapHeaderAttribute),
                            MakeBooleanChecker())
              .AddAttribute("DrbIntegrity",
                            "DRB only: integrity protection configured, so data PDUs carry a "
                            "MAC-I (TS 38.331 PDCP-Config integrityProtection).",
                            BooleanValue(false),
                            MakeBooleanAccessor(&NrSecurityPdcp::SetDrbIntegrityAttribute,
                                                &NrSecurityPdcp::GetDrbIntegrityAttribute),
                            MakeBooleanChecker())
              .AddAttribute("RlcMode",
                            "RLC mode of the bearer, AM or UM: what re-establishment resets "
                            "(TS 38.323 5.1.2). SRBs are AM.",
                            StringValue("AM"),
                            MakeStringAccessor(&NrSecurityPdcp::SetRlcModeAttribute,
                                               &NrSecurityPdcp::GetRlcModeAttribute),
                            MakeStringChecker())
              .AddAttribute("TReordering",
                            "t-Reordering (TS 38.323 7.3).",
                            TimeValue(MilliSeconds(100)),
                            MakeTimeAccessor(&NrSecurityPdcp::m_tReordering),
                            MakeTimeChecker(Time(0)))
              .AddAttribute("CountWrapMargin",
                            "CountWrapImminent fires when TX_NEXT reaches 2^32 minus this.",
                            UintegerValue(65536),
                            MakeUintegerAccessor(&NrSecurityPdcp::m_countWrapMargin),
                            MakeUintegerChecker<uint32_t>())
              .AddAttribute("MaxUnconfirmedSdus",
                            "AM DRB: at most this many transmitted SDUs are kept until the "
                            "lower layer confirms them (for retransmission at re-establishment "
                            "and Xn data forwarding, TS 38.323 5.1.2); beyond, the oldest is "
                            "dropped, counted (unconfirmedOverflow) and traced "
                            "(\"unconfirmed-overflow\"). Default: the receive window of an "
                            "18-bit SN, 2^17.",
                            UintegerValue(131072),
                            MakeUintegerAccessor(&NrSecurityPdcp::m_maxUnconfirmed),
                            MakeUintegerChecker<uint32_t>(1))
              .AddAttribute("IntegrityActive",
                            "Read-only: transmit integrity protection is active.",
                            TypeId::ATTR_GET,
                            BooleanValue(false),
                            MakeBooleanAccessor(&NrSecurityPdcp::IsIntegrityActive),
                            MakeBooleanChecker())
              .AddAttribute("CipheringActive",
                            "Read-only: transmit ciphering is active.",
                            TypeId::ATTR_GET,
                            BooleanValue(false),
                            MakeBooleanAccessor(&NrSecurityPdcp::IsCipheringActive),
                            MakeBooleanChecker())
              .AddTraceSource("TxPdu",
                              "A data PDU was transmitted.",
                              MakeTraceSourceAccessor(&NrSecurityPdcp::m_txPduTrace),
                              "ns3::NrSecurityPdcp::PduTracedCallback")
              .AddTraceSource("RxPdu",
                              "A data PDU passed the checks (it is delivered now or later).",
                              MakeTraceSourceAccessor(&NrSecurityPdcp::m_rxPduTrace),
                              "ns3::NrSecurityPdcp::PduTracedCallback")
              .AddTraceSource("IntegrityFailure",
                              "A PDU failed integrity verification and was discarded.",
                              MakeTraceSourceAccessor(&NrSecurityPdcp::m_integrityFailureTrace),
                              "ns3::NrSecurityPdcp::IntegrityFailureTracedCallback")
              .AddTraceSource("PduDiscarded",
                              "A PDU (or an SDU to transmit) was discarded, with the reason.",
                              MakeTraceSourceAccessor(&NrSecurityPdcp::m_pduDiscardedTrace),
                              "ns3::NrSecurityPdcp::PduDiscardedTracedCallback")
              .AddTraceSource("CountWrapImminent",
                              "TX_NEXT came within CountWrapMargin of 2^32: refresh the keys.",
                              MakeTraceSourceAccessor(&NrSecurityPdcp::m_countWrapTrace),
                              "ns3::NrSecurityPdcp::CountTracedCallback")
              .AddTraceSource("PduEvent",
                              "A PDU was transmitted, its SDU delivered, or it was discarded "
                              "(COUNT, SN, protection, MAC-I, outcome).",
                              MakeTraceSourceAccessor(&NrSecurityPdcp::m_pduEventTrace),
                              "ns3::NrSecurityPdcp::PduEventTracedCallback");
    return tid;
}

namespace
{

/**
 * \brief The entity CreateEntity copies: made once by CreateObject, so that it carries its
 *        TypeId (only CreateObject and CopyObject set an Object's TypeId in every ns-3 release;
 *        from 3.45 GetInstanceTypeId is final and Create<T> refuses Object subclasses), then
 *        every construction attribute put back to its compiled default, which is what the
 *        constructor holds (a default changed at that moment must not stick to later copies).
 * \return the prototype
 */
Ptr<NrSecurityPdcp>
MakePdcpPrototype()
{
    Ptr<NrSecurityPdcp> p = CreateObject<NrSecurityPdcp>();
    const TypeId tid = NrSecurityPdcp::GetTypeId();
    for (std::size_t i = 0; i < tid.GetAttributeN(); ++i)
    {
        const TypeId::AttributeInformation info = tid.GetAttribute(i);
        if ((info.flags & TypeId::ATTR_CONSTRUCT) && info.initialValue != info.originalInitialValue)
        {
            p->SetAttribute(info.name, *info.originalInitialValue);
        }
    }
    return p;
}

} // namespace

Ptr<NrSecurityPdcp>
NrSecurityPdcp::CreateEntity(NrSecurityDirection direction)
{
    // Attribute defaults from the environment (NS_ATTRIBUTE_DEFAULT, read by ns-3's attribute
    // construction once per process, taking precedence over Config::SetDefault): CreateObject
    // itself. Read once here too, as ns-3 does.
    static const bool fromEnvironment = []()
    {
        const char* environment = std::getenv("NS_ATTRIBUTE_DEFAULT");
        return environment != nullptr && *environment != '\0';
    }();
    if (fromEnvironment)
    {
        Ptr<NrSecurityPdcp> p = CreateObject<NrSecurityPdcp>();
        p->m_direction = direction;
        return p;
    }
    // Kept until the process exits (held by a pointer, so never destroyed after ns-3's own
    // statics): a fresh entity, never connected or configured.
    static const Ptr<NrSecurityPdcp>* prototype = new Ptr<NrSecurityPdcp>(MakePdcpPrototype());
    Ptr<NrSecurityPdcp> p = CopyObject<NrSecurityPdcp>(*prototype);
    const TypeId tid = GetTypeId();
    for (std::size_t i = 0; i < tid.GetAttributeN(); ++i)
    {
        const TypeId::AttributeInformation info = tid.GetAttribute(i);
        // Config::SetDefault replaces initialValue; originalInitialValue stays the compiled
        // default, which the prototype holds already.
        if ((info.flags & TypeId::ATTR_CONSTRUCT) && info.initialValue != info.originalInitialValue)
        {
            p->SetAttribute(info.name, *info.initialValue);
        }
    }
    p->m_direction = direction;
    return p;
}

NrSecurityPdcp::NrSecurityPdcp()
    : m_rlcMode(NrSecurityRlcMode::AM)
    , m_direction(NrSecurityDirection::UPLINK)
    , m_tReordering(MilliSeconds(100))
    , m_countWrapMargin(65536)
    , m_maxUnconfirmed(131072)
    , m_rxGeneration(0)
    , m_txNext(0)
    , m_wrapWarned(false)
    , m_rxNext(0)
    , m_rxDeliv(0)
    , m_rxReord(0)
    , m_lastRxMac(0)
    , m_lastRxCount(0)
    , m_lastRxHeader{}
    , m_user(nullptr)
    , m_userTag(0)
{
    NS_LOG_FUNCTION(this);
}

NrSecurityPdcp::~NrSecurityPdcp()
{
    NS_LOG_FUNCTION(this);
}

void
NrSecurityPdcp::DoDispose()
{
    m_tReorderingEvent.Cancel();
    m_rxBuffer.clear();
    m_txKept.clear();
    m_user = nullptr;
    m_transmitPdu = TransmitPduCallback();
    m_deliverSdu = DeliverSduCallback();
    m_integrityFailure = IntegrityFailureCallback();
    Object::DoDispose();
}

void
NrSecurityPdcp::SetTransmitPduCallback(TransmitPduCallback cb)
{
    m_transmitPdu = cb;
}

void
NrSecurityPdcp::SetDeliverSduCallback(DeliverSduCallback cb)
{
    m_deliverSdu = cb;
}

void
NrSecurityPdcp::SetIntegrityFailureCallback(IntegrityFailureCallback cb)
{
    m_integrityFailure = cb;
}

void
NrSecurityPdcp::SetUser(NrSecurityPdcpUser* user, uint16_t tag)
{
    m_user = user;
    m_userTag = tag;
}

void
NrSecurityPdcp::SetFormat(const NrSecurityPdcpFormat& format)
{
    format.Validate();
    m_format = format;
}

const NrSecurityPdcpFormat&
NrSecurityPdcp::GetFormat() const
{
    return m_format;
}

void
NrSecurityPdcp::SetRlcMode(NrSecurityRlcMode mode)
{
    m_rlcMode = mode;
}

NrSecurityRlcMode
NrSecurityPdcp::GetRlcMode() const
{
    return m_rlcMode;
}

void
NrSecurityPdcp::ValidateConfig() const
{
    m_format.Validate();
    if (m_format.rbType == NrSecurityRbType::SRB && m_rlcMode != NrSecurityRlcMode::AM)
    {
        throw std::invalid_argument(
            "RlcMode: an SRB is carried by RLC AM (TS 38.331 RLC-BearerConfig)");
    }
}

// Attribute accessors: the combination is validated when the entity is used (SetFormat or the
// first PDU), since attributes arrive one at a time.
void
NrSecurityPdcp::SetRbTypeAttribute(std::string type)
{
    if (type != "SRB" && type != "DRB")
    {
        throw std::invalid_argument("RbType '" + type + "' is not SRB or DRB");
    }
    m_format.rbType = type == "SRB" ? NrSecurityRbType::SRB : NrSecurityRbType::DRB;
}

std::string
NrSecurityPdcp::GetRbTypeAttribute() const
{
    return m_format.rbType == NrSecurityRbType::SRB ? "SRB" : "DRB";
}

void
NrSecurityPdcp::SetRlcModeAttribute(std::string mode)
{
    if (mode != "AM" && mode != "UM")
    {
        throw std::invalid_argument("RlcMode '" + mode + "' is not AM or UM");
    }
    m_rlcMode = mode == "AM" ? NrSecurityRlcMode::AM : NrSecurityRlcMode::UM;
}

std::string
NrSecurityPdcp::GetRlcModeAttribute() const
{
    return m_rlcMode == NrSecurityRlcMode::AM ? "AM" : "UM";
}

void
NrSecurityPdcp::SetDirectionAttribute(std::string direction)
{
    if (direction != "UL" && direction != "DL")
    {
        throw std::invalid_argument("Direction '" + direction + "' is not UL or DL");
    }
    m_direction = direction == "UL" ? NrSecurityDirection::UPLINK : NrSecurityDirection::DOWNLINK;
}

std::string
NrSecurityPdcp::GetDirectionAttribute() const
{
    return m_direction == NrSecurityDirection::UPLINK ? "UL" : "DL";
}

void
NrSecurityPdcp::SetSnLengthAttribute(uint8_t bits)
{
    if (bits != 12 && bits != 18)
    {
        throw std::invalid_argument("SnLength " + std::to_string(bits) + " is not 12 or 18");
    }
    m_format.snBits = bits;
}

uint8_t
NrSecurityPdcp::GetSnLengthAttribute() const
{
    return m_format.snBits;
}

void
NrSecurityPdcp::SetRbIdAttribute(uint8_t id)
{
    m_format.rbId = id;
}

uint8_t
NrSecurityPdcp::GetRbIdAttribute() const
{
    return m_format.rbId;
}

void
NrSecurityPdcp::SetSdapHeaderAttribute(bool present)
{
    m_format.sdapHeader = present;
}

bool
NrSecurityPdcp::GetSdapHeaderAttribute() const
{
    return m_format.sdapHeader;
}

void
NrSecurityPdcp::SetDrbIntegrityAttribute(bool configured)
{
    m_format.drbIntegrity = configured;
}

bool
NrSecurityPdcp::GetDrbIntegrityAttribute() const
{
    return m_format.drbIntegrity;
}

void
NrSecurityPdcp::TxKeysChanged()
{
    // A new key set gets its own CountWrapImminent. Which COUNTs are still free is for the
    // count guard, which follows each key itself.
    m_wrapWarned = false;
}

void
NrSecurityPdcp::SetTxIntegrity(NrSecurityIntegrity nia, const NrSecurityKey128& key)
{
    NS_LOG_FUNCTION(this << NrSecurityAlgorithms::Name(nia));
    NrSecurityAlgorithms::IntegrityFromId(static_cast<uint32_t>(nia));
    if (!m_tx.integrityActive || m_tx.nia != nia || m_tx.kInt != key)
    {
        TxKeysChanged();
    }
    m_tx.integrityActive = true;
    m_tx.nia = nia;
    m_tx.kInt = key;
}

void
NrSecurityPdcp::SetTxCiphering(NrSecurityCiphering nea, const NrSecurityKey128& key)
{
    NS_LOG_FUNCTION(this << NrSecurityAlgorithms::Name(nea));
    NrSecurityAlgorithms::CipheringFromId(static_cast<uint32_t>(nea));
    if (!m_tx.cipheringActive || m_tx.nea != nea || m_tx.kEnc != key)
    {
        TxKeysChanged();
    }
    m_tx.cipheringActive = true;
    m_tx.nea = nea;
    m_tx.kEnc = key;
}

void
NrSecurityPdcp::SetRxIntegrity(NrSecurityIntegrity nia,
                               const NrSecurityKey128& key,
                               uint32_t fromCount)
{
    NS_LOG_FUNCTION(this << NrSecurityAlgorithms::Name(nia) << fromCount);
    NrSecurityAlgorithms::IntegrityFromId(static_cast<uint32_t>(nia));
    m_rxInt.Set(nia, key, fromCount);
    ++m_rxGeneration; // buffered PDUs are checked again at delivery
}

void
NrSecurityPdcp::SetRxCiphering(NrSecurityCiphering nea,
                               const NrSecurityKey128& key,
                               uint32_t fromCount)
{
    NS_LOG_FUNCTION(this << NrSecurityAlgorithms::Name(nea) << fromCount);
    NrSecurityAlgorithms::CipheringFromId(static_cast<uint32_t>(nea));
    m_rxEnc.Set(nea, key, fromCount);
    ++m_rxGeneration; // buffered PDUs are checked again at delivery
}

NrSecurityPdcpSecurity
NrSecurityPdcp::GetRxSecurity(uint32_t count) const
{
    NrSecurityPdcpSecurity s;
    const auto& i = m_rxInt.For(count);
    const auto& c = m_rxEnc.For(count);
    s.integrityActive = i.active;
    s.nia = i.alg;
    s.kInt = i.key;
    s.cipheringActive = c.active;
    s.nea = c.alg;
    s.kEnc = c.key;
    return s;
}

const NrSecurityPdcpSecurity&
NrSecurityPdcp::GetTxSecurity() const
{
    return m_tx;
}

uint8_t
NrSecurityPdcp::GetTxDirectionBit() const
{
    return static_cast<uint8_t>(m_direction);
}

bool
NrSecurityPdcp::VerifyDeliveredSdu(uint32_t count,
                                   Ptr<const Packet> sdu,
                                   uint32_t receivedMac,
                                   NrSecurityIntegrity nia,
                                   const NrSecurityKey128& key)
{
    NS_LOG_FUNCTION(this << count << NrSecurityAlgorithms::Name(nia));
    if (m_format.MacBytes() == 0)
    {
        return false;
    }
    // Rebuild header || SDU as it was on the air, and compute the MAC-I over it. The header of
    // the SDU last delivered is the one received (its reserved bits are covered, TS 38.323
    // 6.3.6); any other is rebuilt with the reserved bits 0.
    const size_t hdr = m_format.HeaderBytes();
    m_scratch.resize(hdr + sdu->GetSize());
    uint32_t sn = count & ((1u << m_format.snBits) - 1);
    uint8_t dc = m_format.rbType == NrSecurityRbType::DRB ? 0x80 : 0x00;
    if (m_counters.rxDelivered != 0 && count == m_lastRxCount)
    {
        std::copy(m_lastRxHeader.begin(), m_lastRxHeader.begin() + hdr, m_scratch.begin());
    }
    else if (hdr == 2)
    {
        m_scratch[0] = static_cast<uint8_t>(dc | sn >> 8);
        m_scratch[1] = static_cast<uint8_t>(sn);
    }
    else
    {
        m_scratch[0] = static_cast<uint8_t>(dc | sn >> 16);
        m_scratch[1] = static_cast<uint8_t>(sn >> 8);
        m_scratch[2] = static_cast<uint8_t>(sn);
    }
    sdu->CopyData(m_scratch.data() + hdr, sdu->GetSize());
    uint32_t expected = NrSecurityAlgorithms::Nia(nia,
                                                  key,
                                                  count,
                                                  m_format.Bearer(),
                                                  static_cast<uint8_t>(1 - GetTxDirectionBit()),
                                                  m_scratch.data(),
                                                  m_scratch.size(),
                                                  static_cast<uint32_t>(m_scratch.size() * 8));
    const uint8_t received[4] = {static_cast<uint8_t>(receivedMac >> 24),
                                 static_cast<uint8_t>(receivedMac >> 16),
                                 static_cast<uint8_t>(receivedMac >> 8),
                                 static_cast<uint8_t>(receivedMac)};
    if (NrSecurityAlgorithms::MacEquals(received, expected))
    {
        return true;
    }
    ++m_counters.integrityFailures;
    m_integrityFailureTrace(m_format.rbId, count, receivedMac, expected);
    PduEvent(NrSecurityPdcpPduEvent::DISCARDED, "integrity", nullptr, count, -1, receivedMac, true);
    if (m_user)
    {
        m_user->PdcpIntegrityFailure(m_userTag, count, sdu, receivedMac, expected);
    }
    return false;
}

uint32_t
NrSecurityPdcp::GetLastRxMac() const
{
    return m_lastRxMac;
}

bool
NrSecurityPdcp::CheckSduSize(Ptr<Packet> sdu)
{
    // At least one byte: a 1-byte SDU on a DRB with SDAP is an SDAP control PDU (end-marker,
    // TS 37.324 6.2.3), which TS 38.323 5.8 leaves unciphered.
    if (sdu->GetSize() < 1 || sdu->GetSize() > NrSecurityPdcpPdu::MAX_SDU_BYTES)
    {
        Discard("malformed: SDU of " + std::to_string(sdu->GetSize()) + " bytes",
                sdu,
                m_counters.txRefused,
                -1,
                -1,
                0,
                false);
        return false;
    }
    return true;
}

int64_t
NrSecurityPdcp::TransmitSdu(Ptr<Packet> sdu)
{
    NS_LOG_FUNCTION(this << sdu);
    ValidateConfig();
    if (!CheckSduSize(sdu))
    {
        return -1;
    }
    if (m_txNext > 0xFFFFFFFFULL)
    {
        Discard("count-exhausted", sdu, m_counters.txRefused, -1, -1, 0, false);
        return -1;
    }
    return ProtectAndSend(sdu, static_cast<uint32_t>(m_txNext), false);
}

int64_t
NrSecurityPdcp::ProtectAndSend(Ptr<Packet> sdu, uint32_t count, bool retransmission)
{
    // A COUNT once per key, BEARER and DIRECTION (TS 38.300 13.1): never one already used
    // with the ciphering key or the integrity key in force.
    const uint8_t bearer = m_format.Bearer();
    const uint8_t direction = GetTxDirectionBit();
    const bool ciphered = m_tx.cipheringActive;
    const bool macProtected = m_tx.integrityActive && m_format.MacBytes() != 0;
    uint64_t firstUnused = 0;
    if (ciphered)
    {
        firstUnused = m_txGuard.FirstUnused(
            NrSecurityPdcpCountGuard::CIPHERING, m_tx.kEnc, bearer, direction);
    }
    if (macProtected)
    {
        firstUnused
            = std::max(firstUnused,
                       m_txGuard.FirstUnused(
                           NrSecurityPdcpCountGuard::INTEGRITY, m_tx.kInt, bearer, direction));
    }
    if (count < firstUnused)
    {
        Discard("count-exhausted", sdu, m_counters.txRefused, count, -1, 0, false);
        return -1;
    }
    m_sduScratch.resize(sdu->GetSize());
    sdu->CopyData(m_sduScratch.data(), m_sduScratch.size());
    NrSecurityPdcpPdu::Protect(m_format,
                               count,
                               GetTxDirectionBit(),
                               m_tx,
                               m_sduScratch.data(),
                               m_sduScratch.size(),
                               m_scratch);
    Ptr<Packet> pdu = Create<Packet>(m_scratch.data(), static_cast<uint32_t>(m_scratch.size()));
    if (ciphered)
    {
        m_txGuard.MarkUsed(
            NrSecurityPdcpCountGuard::CIPHERING, m_tx.kEnc, bearer, direction, count);
    }
    if (macProtected)
    {
        m_txGuard.MarkUsed(
            NrSecurityPdcpCountGuard::INTEGRITY, m_tx.kInt, bearer, direction, count);
    }
    if (!retransmission)
    {
        m_txNext = std::max<uint64_t>(m_txNext, uint64_t{count} + 1);
    }
    ++m_counters.txPdus;
    if (!m_wrapWarned && m_txNext >= (uint64_t{1} << 32) - m_countWrapMargin)
    {
        m_wrapWarned = true;
        m_countWrapTrace(static_cast<uint32_t>(std::min<uint64_t>(m_txNext, 0xFFFFFFFF)));
    }
    // The PDU event's MAC-I is computed from m_sduScratch, so the kept copy (which may trace
    // an overflow discard) is made after it.
    uint32_t mac = 0;
    const bool eventWanted = !m_pduEventTrace.IsEmpty();
    if (eventWanted)
    {
        // The MAC-I in clear: the last 4 bytes unless NEA1-3 ciphered them; then computed
        // again without ciphering (only while a sink is connected).
        const size_t macBytes = m_format.MacBytes();
        if (macBytes != 0)
        {
            std::vector<uint8_t> clear;
            const std::vector<uint8_t>* p = &m_scratch;
            if (m_tx.cipheringActive && m_tx.nea != NrSecurityCiphering::NEA0)
            {
                NrSecurityPdcpSecurity noCipher = m_tx;
                noCipher.cipheringActive = false;
                NrSecurityPdcpPdu::Protect(m_format,
                                           count,
                                           GetTxDirectionBit(),
                                           noCipher,
                                           m_sduScratch.data(),
                                           m_sduScratch.size(),
                                           clear);
                p = &clear;
            }
            const uint8_t* m = p->data() + p->size() - 4;
            mac = static_cast<uint32_t>(m[0]) << 24 | static_cast<uint32_t>(m[1]) << 16
                  | static_cast<uint32_t>(m[2]) << 8 | m[3];
        }
    }
    if (KeepsTxSdus())
    {
        auto kept = m_txKept.find(count);
        if (kept != m_txKept.end())
        {
            kept->second.confirmed = false; // sent again: awaits its own confirmation
        }
        else
        {
            KeepTxSdu(count, sdu->Copy());
        }
    }
    m_txPduTrace(pdu, count);
    if (eventWanted)
    {
        PduEvent(NrSecurityPdcpPduEvent::TRANSMITTED, "", pdu, count, -1, mac, false);
    }
    if (m_user)
    {
        m_user->PdcpTransmitPdu(m_userTag, pdu);
    }
    if (!m_transmitPdu.IsNull())
    {
        m_transmitPdu(pdu);
    }
    return count;
}

void
NrSecurityPdcp::SetTxNext(uint32_t txNext)
{
    NS_LOG_FUNCTION(this << txNext);
    m_txNext = txNext;
}

uint64_t
NrSecurityPdcp::GetTxNext() const
{
    return m_txNext;
}

uint64_t
NrSecurityPdcp::GetRxNext() const
{
    return m_rxNext;
}

uint64_t
NrSecurityPdcp::GetRxDeliv() const
{
    return m_rxDeliv;
}

uint64_t
NrSecurityPdcp::GetRxReord() const
{
    return m_rxReord;
}

bool
NrSecurityPdcp::IsReorderingTimerRunning() const
{
    return !m_tReorderingEvent.IsExpired();
}

size_t
NrSecurityPdcp::GetReorderingBufferSize() const
{
    return m_rxBuffer.size();
}

const NrSecurityPdcpCounters&
NrSecurityPdcp::GetCounters() const
{
    return m_counters;
}

bool
NrSecurityPdcp::IsIntegrityActive() const
{
    return m_tx.integrityActive;
}

bool
NrSecurityPdcp::IsCipheringActive() const
{
    return m_tx.cipheringActive;
}

} // namespace ns3
