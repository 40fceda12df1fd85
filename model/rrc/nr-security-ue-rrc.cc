// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityUeRrc: attributes, accessors, the bearers and the dispatch of received PDUs and
 * DCCH messages. The procedures are in nr-security-ue-rrc-setup.cc (establishment, reject,
 * release), nr-security-ue-rrc-smc.cc (AS security activation) and
 * nr-security-ue-rrc-reconfiguration.cc (capabilities, reconfiguration, NAS, user data).
 */
#include "nr-security-ue-rrc.h"

#include "nr-security-rrc-message.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/nr-security-attribute-checker.h"
#include "ns3/nr-security-hex.h"
#include "ns3/nr-security-packet-bytes.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityUeRrc");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityUeRrc);

namespace
{

/// T300 values of TS 38.331 UE-TimersAndConstants: ms100 .. ms2000.
bool
IsT300Value(const AttributeValue& v)
{
    const int64_t ms = static_cast<const TimeValue&>(v).Get().GetMilliSeconds();
    const bool whole = static_cast<const TimeValue&>(v).Get() == MilliSeconds(ms);
    for (int64_t allowed : {100, 200, 300, 400, 600, 1000, 1500, 2000})
    {
        if (whole && ms == allowed)
        {
            return true;
        }
    }
    return false;
}

/// T311 values of TS 38.331 UE-TimersAndConstants: ms1000 .. ms30000.
bool
IsT311Value(const AttributeValue& v)
{
    const int64_t ms = static_cast<const TimeValue&>(v).Get().GetMilliSeconds();
    const bool whole = static_cast<const TimeValue&>(v).Get() == MilliSeconds(ms);
    for (int64_t allowed : {1000, 3000, 5000, 10000, 15000, 20000, 30000})
    {
        if (whole && ms == allowed)
        {
            return true;
        }
    }
    return false;
}

} // namespace

TypeId
NrSecurityUeRrc::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::NrSecurityUeRrc")
              .SetParent<NrSecurityRrc>()
              .SetGroupName("NrSecurity")
              .AddConstructor<NrSecurityUeRrc>()
              .AddAttribute("Emergency",
                            "Unauthenticated emergency session: NIA0 is acceptable.",
                            BooleanValue(false),
                            MakeBooleanAccessor(&NrSecurityUeRrc::m_emergency),
                            MakeBooleanChecker())
              .AddAttribute("T300",
                            "T300, started by RRCSetupRequest, stopped by RRCSetup or RRCReject "
                            "(TS 38.331 7.1.1; UE-TimersAndConstants t300: 100, 200, 300, "
                            "400, 600, 1000, 1500 or 2000 ms).",
                            TimeValue(MilliSeconds(1000)),
                            MakeTimeAccessor(&NrSecurityUeRrc::SetT300, &NrSecurityUeRrc::GetT300),
                            MakeNrSecurityChecker(MakeTimeChecker(),
                                                  IsT300Value,
                                                  "Time: 100|200|300|400|600|1000|1500|2000 ms"))
              .AddAttribute("NasMessage",
                            "The NAS message (hex) the UE puts in RRCSetupComplete. Default: a "
                            "plain 5GMM Registration Request (TS 24.501 8.2.6: initial "
                            "registration, ngKSI 7, SUCI with the null scheme for IMSI "
                            "001-01-1234567890, UE security capability 5G-EA0-3 / 5G-IA0-3); "
                            "the model does not interpret it.",
                            StringValue("7e004171000d0100f110f0ff00002143658709"
                                        "2e02f0f0"),
                            MakeStringAccessor(&NrSecurityUeRrc::SetNasMessage,
                                               &NrSecurityUeRrc::GetNasMessage),
                            MakeNrSecurityChecker(
                                MakeStringChecker(),
                                [](const AttributeValue& v) {
                                    return !NrSecurityFromHex(
                                                static_cast<const StringValue&>(v).Get())
                                                .empty();
                                },
                                "std::string, hex octets, not empty"))
              .AddAttribute("SupportedBandsNr",
                            "FreqBandIndicatorNR values (comma-separated, 1..1024) the UE "
                            "reports in UECapabilityInformation (supportedBandListNR).",
                            StringValue("78"),
                            MakeStringAccessor(&NrSecurityUeRrc::SetSupportedBands,
                                               &NrSecurityUeRrc::GetSupportedBands),
                            MakeNrSecurityChecker(
                                MakeStringChecker(),
                                [](const AttributeValue& v) {
                                    return !ParseSupportedBands(
                                                static_cast<const StringValue&>(v).Get())
                                                .empty();
                                },
                                "std::string, comma-separated bands 1..1024"))
              .AddAttribute("A3Offset",
                            "Event A3 offset (a3-Offset, dB) the UE applies as if signalled in "
                            "measConfig (TS 38.331 5.5.4.4; this model sends no measConfig).",
                            DoubleValue(3),
                            MakeDoubleAccessor(&NrSecurityUeRrc::m_a3Offset),
                            MakeDoubleChecker<double>(-15, 15))
              .AddAttribute("Hysteresis",
                            "Event A3 hysteresis (dB), as if signalled in measConfig.",
                            DoubleValue(1),
                            MakeDoubleAccessor(&NrSecurityUeRrc::m_hysteresis),
                            MakeDoubleChecker<double>(0, 15))
              .AddAttribute("TimeToTrigger",
                            "Event A3 timeToTrigger, as if signalled in measConfig.",
                            TimeValue(MilliSeconds(160)),
                            MakeTimeAccessor(&NrSecurityUeRrc::m_timeToTrigger),
                            MakeTimeChecker(Time(0)))
              .AddAttribute("VulnerabilityStaleNcc",
                            "Vulnerability profile (off by default): the UE ignores a new NCC "
                            "in masterKeyUpdate and derives K_gNB* horizontally from its current "
                            "K_gNB, as UEs that reuse the source chain after a path switch did "
                            "(the target's K_gNB* is vertical from the new NH, so the UE's first "
                            "message in the target fails the integrity check).",
                            BooleanValue(false),
                            MakeBooleanAccessor(&NrSecurityUeRrc::m_vulnerabilityStaleNcc),
                            MakeBooleanChecker())
              // Re-establishment and resume (nr-security-ue-rrc-reestablishment.cc, -resume.cc)
              .AddAttribute("T301",
                            "T301, started by RRCReestablishmentRequest, stopped by "
                            "RRCReestablishment or RRCSetup; expiry: RRC_IDLE (TS 38.331 7.1.1, "
                            "5.3.7.7; 100, 200, 300, 400, 600, 1000, 1500 or 2000 ms).",
                            TimeValue(MilliSeconds(1000)),
                            MakeTimeAccessor(&NrSecurityUeRrc::SetT301, &NrSecurityUeRrc::GetT301),
                            MakeNrSecurityChecker(MakeTimeChecker(),
                                                  IsT300Value,
                                                  "Time: 100|200|300|400|600|1000|1500|2000 ms"))
              .AddAttribute(
                  "T311",
                  "T311, started at radio link failure (re-establishment), stopped "
                  "when a suitable cell is selected; expiry: RRC_IDLE (TS 38.331 "
                  "7.1.1, 5.3.7.6; 1000, 3000, 5000, 10000, 15000, 20000 or 30000 ms).",
                  TimeValue(MilliSeconds(1000)),
                  MakeTimeAccessor(&NrSecurityUeRrc::SetT311, &NrSecurityUeRrc::GetT311),
                  MakeNrSecurityChecker(MakeTimeChecker(),
                                        IsT311Value,
                                        "Time: 1000|3000|5000|10000|15000|20000|30000 ms"))
              .AddAttribute("T319",
                            "T319, started by RRCResumeRequest, stopped by RRCResume, RRCSetup "
                            "or RRCReject; expiry: RRC_IDLE (TS 38.331 7.1.1, 5.3.13.5; 100, "
                            "200, 300, 400, 600, 1000, 1500 or 2000 ms).",
                            TimeValue(MilliSeconds(1000)),
                            MakeTimeAccessor(&NrSecurityUeRrc::SetT319, &NrSecurityUeRrc::GetT319),
                            MakeNrSecurityChecker(MakeTimeChecker(),
                                                  IsT300Value,
                                                  "Time: 100|200|300|400|600|1000|1500|2000 ms"))
              .AddAttribute(
                  "VulnerabilityRecoveryMacIZeroInputs",
                  "Vulnerability profile (off by default): the UE computes shortMAC-I "
                  "(RRCReestablishmentRequest) and resumeMAC-I (RRCResumeRequest) "
                  "with COUNT, BEARER and DIRECTION 0 instead of all binary ones "
                  "(TS 38.331 5.3.7.4, 5.3.13.3), the fault of the mobility case M5: "
                  "the network cannot verify the request and falls back to RRCSetup.",
                  BooleanValue(false),
                  MakeBooleanAccessor(&NrSecurityUeRrc::m_vulnerabilityRecoveryMacIZeroInputs),
                  MakeBooleanChecker())
              // Vulnerability profiles (issue 16): off by default (compliant)
              .AddAttribute("VulnerabilitySmcNoVerify",
                            "Vulnerability profile (off by default): the UE does not check the "
                            "MAC-I of the SecurityModeCommand (step 29) and derives the keys "
                            "for the algorithms it names (srsRAN_4G issue #691). Compliant: "
                            "TS 33.501 6.7.4, TS 38.331 5.3.4.3 (SecurityModeFailure).",
                            BooleanValue(false),
                            MakeBooleanAccessor(&NrSecurityUeRrc::m_vulnerabilitySmcNoVerify),
                            MakeBooleanChecker())
              .AddAttribute("VulnerabilityAcceptNia0",
                            "Vulnerability profile (off by default): the UE accepts NIA0 (null "
                            "integrity) in a SecurityModeCommand outside an emergency session "
                            "(LTEInspector, NDSS 2018). Compliant: TS 33.501 D.1, 6.7.3: "
                            "NIA0 only for unauthenticated emergency sessions.",
                            BooleanValue(false),
                            MakeBooleanAccessor(&NrSecurityUeRrc::m_vulnerabilityAcceptNia0),
                            MakeBooleanChecker())
              .AddAttribute(
                  "VulnerabilityPreSecurityRedirect",
                  "Vulnerability profile (off by default): the UE follows the "
                  "redirectedCarrierInfo of an RRCRelease received before AS security "
                  "activation. Compliant: TS 38.331 5.3.8.3 (before AS security every field "
                  "but waitTime is ignored).",
                  BooleanValue(false),
                  MakeBooleanAccessor(&NrSecurityUeRrc::m_vulnerabilityPreSecurityRedirect),
                  MakeBooleanChecker())
              .AddAttribute(
                  "VulnerabilityCapabilitiesBeforeSecurity",
                  "Vulnerability profile (off by default): the UE answers UECapabilityEnquiry "
                  "before AS security activation (Shaik et al., WiSec 2019). Off: the UE "
                  "refuses such an enquiry (MessageRefused, counted). That refusal is "
                  "hardening, not mandated by TS 38.331: 5.6.1.3 has the UE answer any "
                  "UECapabilityEnquiry, Annex B.1 lets both messages go unprotected before "
                  "AS security, and only the network is asked (5.6.1.1) to enquire after AS "
                  "security activation.",
                  BooleanValue(false),
                  MakeBooleanAccessor(&NrSecurityUeRrc::m_vulnerabilityCapabilitiesBeforeSecurity),
                  MakeBooleanChecker())
              .AddAttribute("Ng5gSTmsi",
                            "The UE's 5G-S-TMSI from upper layers (48 bits; 0: none). "
                            "RRCSetupRequest then carries ng-5G-S-TMSI-Part1 (its rightmost 39 "
                            "bits) instead of a randomValue (TS 38.331 5.3.3.3).",
                            UintegerValue(0),
                            MakeUintegerAccessor(&NrSecurityUeRrc::m_ng5gSTmsi),
                            MakeUintegerChecker<uint64_t>(0, (uint64_t{1} << 48) - 1))
              .AddTraceSource("HandoverEvent",
                              "A step of a handover at the UE (UE id, step, detail).",
                              MakeTraceSourceAccessor(&NrSecurityUeRrc::m_handoverEventTrace),
                              "ns3::NrSecurityUeRrc::HandoverEventTracedCallback");
    return tid;
}

NrSecurityUeRrc::NrSecurityUeRrc()
    : m_ueId(0)
    , m_cellId(0)
    , m_kAmf{}
    , m_ulNasCount(0)
    , m_initialNasSent(false)
    , m_emergency(false)
    , m_state(NrSecurityRrcState::IDLE)
    , m_kGnb{}
    , m_nea(NrSecurityCiphering::NEA0)
    , m_nia(NrSecurityIntegrity::NIA0)
    , m_t300(MilliSeconds(1000))
    , m_connectRefusals(0)
    , m_bands{78}
    , m_random(CreateObject<UniformRandomVariable>())
{
}

NrSecurityUeRrc::~NrSecurityUeRrc() = default;

void
NrSecurityUeRrc::DoDispose()
{
    m_t300Event.Cancel();
    m_t302Event.Cancel();
    StopRecovery(); // nr-security-ue-rrc-reestablishment.cc
    ReleaseBearers();
    m_transmit = TransmitCallback();
    m_cellSelection = CellSelectionCallback();
    m_redirect = RedirectCallback();
    m_userData = UserDataCallback();
    m_random = nullptr;
    Object::DoDispose();
}

void
NrSecurityUeRrc::ReleaseBearers()
{
    for (auto& [id, rb] : m_srbs)
    {
        rb->Dispose();
    }
    for (auto& [id, rb] : m_drbs)
    {
        rb->Dispose();
    }
    m_srbs.clear();
    m_drbs.clear();
}

int64_t
NrSecurityUeRrc::AssignStreams(int64_t stream)
{
    m_random->SetStream(stream);
    return 1;
}

void
NrSecurityUeRrc::SetUeId(uint32_t ueId)
{
    m_ueId = ueId;
}

uint32_t
NrSecurityUeRrc::GetUeId() const
{
    return m_ueId;
}

uint16_t
NrSecurityUeRrc::GetCRnti() const
{
    return m_cRnti;
}

void
NrSecurityUeRrc::SetNasSecurityContext(const NrSecurityKey256& kAmf, uint32_t ulNasCount)
{
    m_kAmf = kAmf;
    m_ulNasCount = ulNasCount;
    m_initialNasSent = false;
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
NrSecurityUeRrc::SetUserDataCallback(UserDataCallback cb)
{
    m_userData = cb;
}

void
NrSecurityUeRrc::BearerTransmit(NrSecurityRadioBearer&, const NrSecurityRbPdu& pdu)
{
    if (!m_transmit.IsNull())
    {
        m_transmit(pdu);
    }
}

void
NrSecurityUeRrc::ReceivePdu(const NrSecurityRbPdu& pdu)
{
    if (!pdu.pdu)
    {
        return;
    }
    m_rxRnti = pdu.rnti; // the C-RNTI an RRCSetup / RRCReestablishment / RRCResume gives
    switch (pdu.type)
    {
        case NrSecurityRbType::SRB0:
            ReceiveCcch(pdu.pdu);
            return;
        case NrSecurityRbType::SRB:
        {
            NrSecurityRadioBearer* rb = Srb(pdu.rbId);
            if (!rb)
            {
                Refuse(m_ueId,
                       0,
                       "unknown",
                       "PDU on SRB" + std::to_string(unsigned(pdu.rbId)) + ", which is not set up");
                return;
            }
            rb->GetPdcp()->ReceivePdu(pdu.pdu);
            return;
        }
        case NrSecurityRbType::DRB:
        {
            auto it = m_drbs.find(pdu.rbId);
            if (it == m_drbs.end())
            {
                DiscardUserData(m_ueId,
                                NrSecurityRbName(NrSecurityRbType::DRB, pdu.rbId),
                                "PDU on a DRB that is not set up");
                return;
            }
            it->second->GetPdcp()->ReceivePdu(pdu.pdu);
            return;
        }
    }
}

void
NrSecurityUeRrc::BearerDeliver(NrSecurityRadioBearer& rb, Ptr<Packet> sdu, uint32_t count)
{
    if (rb.GetType() == NrSecurityRbType::DRB)
    {
        ReceiveUserData(rb, sdu);
        return;
    }
    ReceiveDcch(rb, sdu, count);
}

void
NrSecurityUeRrc::ReceiveDcch(NrSecurityRadioBearer& rb, Ptr<Packet> sdu, uint32_t count)
{
    std::vector<uint8_t> bytes = NrSecurityPacketBytes(sdu);
    NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeDlDcch(bytes.data(), bytes.size());
    const std::string name = m.ok ? NrSecurityRrcMessage::Name(m.type) : "unknown";
    // RRCReestablishment too: RRC verifies it with the K_RRCint it derives from it.
    const bool smc = m.ok
                     && (m.type == NrSecurityRrcDecoded::SECURITY_MODE_COMMAND
                         || m.type == NrSecurityRrcDecoded::RRC_REESTABLISHMENT);
    // The SecurityModeCommand is delivered before its integrity check, which RRC does itself.
    m_rrcMessageTrace(
        m_ueId, "rx", name, bytes, rb.GetName(), smc ? "integrity" : rb.RxProtection(count));
    if (m_state == NrSecurityRrcState::REESTABLISHING && rb.GetRbId() == 1
        && !(m.ok && m.type == NrSecurityRrcDecoded::RRC_REESTABLISHMENT))
    {
        // SRB1 runs without security from the RRCReestablishmentRequest until RRC verified the
        // RRCReestablishment (TS 38.331 5.3.7.4, 5.3.7.5; nr-security-ue-rrc-reestablishment.cc):
        // nothing else it delivers meanwhile is acted upon or passed on.
        Refuse(m_ueId,
               count,
               name,
               "only RRCReestablishment is accepted on SRB1 during re-establishment (TS 38.331 "
               "5.3.7.4)");
        return;
    }
    if (!m.ok)
    {
        // An SDU that is no DL-DCCH message we know: delivered as it is (SduReceived), so that
        // tests and tools can carry opaque SRB traffic.
        m_sduTrace(m_ueId, count, bytes);
        return;
    }
    if (rb.GetRbId() != 1 && m.type != NrSecurityRrcDecoded::DL_INFORMATION_TRANSFER)
    {
        // TS 38.331 4.2.2, 6.2.2: only DLInformationTransfer (NAS) goes on SRB2; the rest of
        // the DL-DCCH messages this model carries are SRB1 messages.
        Refuse(m_ueId, count, name, "received on " + rb.GetName() + "; it belongs on SRB1");
        return;
    }
    switch (m.type)
    {
        case NrSecurityRrcDecoded::SECURITY_MODE_COMMAND:
            HandleSecurityModeCommand(sdu, count, m);
            return;
        case NrSecurityRrcDecoded::UE_CAPABILITY_ENQUIRY:
            HandleCapabilityEnquiry(m, count);
            return;
        case NrSecurityRrcDecoded::RRC_RECONFIGURATION:
            HandleRrcReconfiguration(m, count);
            return;
        case NrSecurityRrcDecoded::DL_INFORMATION_TRANSFER:
            HandleDlInformationTransfer(m);
            return;
        case NrSecurityRrcDecoded::RRC_RELEASE:
            HandleRrcRelease(m, count);
            return;
        case NrSecurityRrcDecoded::RRC_REESTABLISHMENT:
            HandleRrcReestablishment(sdu, count, m); // nr-security-ue-rrc-reestablishment.cc
            return;
        case NrSecurityRrcDecoded::RRC_RESUME:
            HandleRrcResume(m, count); // nr-security-ue-rrc-resume.cc
            return;
        default:
            Refuse(m_ueId, count, name, "not a downlink DCCH message");
            return;
    }
}

void
NrSecurityUeRrc::BearerIntegrityFailure(NrSecurityRadioBearer& rb,
                                        uint32_t count,
                                        uint32_t receivedMac,
                                        uint32_t expectedMac)
{
    NS_LOG_INFO("UE " << m_ueId << ": integrity failure on " << rb.GetName() << ", COUNT "
                      << count);
    CountIntegrityFailure(rb.GetType() == NrSecurityRbType::DRB);
    m_integrityFailureTrace(m_ueId, rb.GetRbId(), count, receivedMac, expectedMac);
}

NrSecurityRadioBearer*
NrSecurityUeRrc::Srb(uint8_t srbId) const
{
    auto it = m_srbs.find(srbId);
    return it == m_srbs.end() ? nullptr : it->second.get();
}

bool
NrSecurityUeRrc::Send(uint8_t srbId, const std::string& name, const std::vector<uint8_t>& message)
{
    NrSecurityRadioBearer* rb = Srb(srbId);
    if (!rb)
    {
        return false;
    }
    m_rrcMessageTrace(m_ueId, "tx", name, message, rb->GetName(), rb->TxProtection());
    return rb->GetPdcp()->TransmitSdu(
               Create<Packet>(message.data(), static_cast<uint32_t>(message.size())))
           >= 0;
}

bool
NrSecurityUeRrc::SendUlDcch(const std::vector<uint8_t>& message)
{
    if (!Srb(1) || !IsConnected() || message.empty())
    {
        return false;
    }
    NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeUlDcch(message.data(), message.size());
    return Send(1, m.ok ? NrSecurityRrcMessage::Name(m.type) : "ul-dcch", message);
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
    if (state == NrSecurityRrcState::IDLE || state == NrSecurityRrcState::INACTIVE
        || state == NrSecurityRrcState::RELEASED)
    {
        m_cRnti = 0; // a C-RNTI names a connected UE in its cell only
    }
    m_stateTrace(m_ueId, NrSecurityRrcStateName(old), NrSecurityRrcStateName(state));
}

void
NrSecurityUeRrc::ConnectionEvent(const std::string& event, const std::string& detail)
{
    NS_LOG_INFO("UE " << m_ueId << ": " << event << " " << detail);
    m_connectionEventTrace(m_ueId, event, detail);
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
NrSecurityUeRrc::GetSrb(uint8_t srbId) const
{
    NrSecurityRadioBearer* rb = Srb(srbId);
    return rb ? rb->GetPdcp() : nullptr;
}

Ptr<NrSecurityPdcp>
NrSecurityUeRrc::GetSrb1() const
{
    return GetSrb(1);
}

Ptr<NrSecurityPdcp>
NrSecurityUeRrc::GetDrb(uint8_t drbId) const
{
    auto it = m_drbs.find(drbId);
    return it == m_drbs.end() ? nullptr : it->second->GetPdcp();
}

std::vector<NrSecurityDrbConfig>
NrSecurityUeRrc::GetDrbConfigs() const
{
    std::vector<NrSecurityDrbConfig> out;
    for (const auto& [id, rb] : m_drbs)
    {
        out.push_back(rb->GetDrbConfig());
    }
    return out;
}

NrSecurityRrcState
NrSecurityUeRrc::GetState() const
{
    return m_state;
}

bool
NrSecurityUeRrc::IsConnected() const
{
    return m_state == NrSecurityRrcState::CONNECTED
           || m_state == NrSecurityRrcState::SECURITY_ACTIVE
           || m_state == NrSecurityRrcState::SECURITY_FAILED;
}

bool
NrSecurityUeRrc::IsSecurityActive() const
{
    return m_state == NrSecurityRrcState::SECURITY_ACTIVE;
}

bool
NrSecurityUeRrc::IsT302Running() const
{
    return !m_t302Event.IsExpired();
}

Time
NrSecurityUeRrc::GetT302Remaining() const
{
    return m_t302Event.IsExpired() ? Time(0) : Simulator::GetDelayLeft(m_t302Event);
}

uint64_t
NrSecurityUeRrc::GetNg5gSTmsi() const
{
    return m_ng5gSTmsi;
}

void
NrSecurityUeRrc::SetRedirectCallback(RedirectCallback cb)
{
    m_redirect = cb;
}

uint64_t
NrSecurityUeRrc::GetRedirections() const
{
    return m_redirections;
}

uint64_t
NrSecurityUeRrc::GetRedirectionsIgnored() const
{
    return m_redirectionsIgnored;
}

uint32_t
NrSecurityUeRrc::GetLastRedirectArfcnDl() const
{
    return m_lastRedirectArfcnDl;
}

uint64_t
NrSecurityUeRrc::GetCapabilityInformationsSent() const
{
    return m_capabilityInformations;
}

uint64_t
NrSecurityUeRrc::GetConnectRefusals() const
{
    return m_connectRefusals;
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
