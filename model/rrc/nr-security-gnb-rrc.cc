// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityGnbRrc: attributes, accessors, the bearers and the dispatch of received PDUs and
 * UL-DCCH messages. The procedures are in nr-security-gnb-rrc-setup.cc (establishment,
 * reject, release, Initial Context Setup), nr-security-gnb-rrc-smc.cc (AS security
 * activation) and nr-security-gnb-rrc-reconfiguration.cc (capabilities, SRB2/DRB setup with
 * the UP security policy, NAS transfer, user data).
 */
#include "nr-security-gnb-rrc.h"

#include "nr-security-rrc-message.h"
#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/nr-security-attribute-checker.h"
#include "ns3/nr-security-packet-bytes.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbRrc");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityGnbRrc);

/// The checker of a priority-list attribute (nr-security-gnb-rrc-smc.cc).
Ptr<const AttributeChecker> NrSecurityMakePriorityListChecker(const std::string& prefix,
                                                              const std::string& attribute);

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
                            NrSecurityMakePriorityListChecker("NEA", "CipheringPriority"))
              .AddAttribute("IntegrityPriority",
                            "Integrity algorithms the gNB may select, most preferred first; NIA0 "
                            "is only ever selected for emergency UEs.",
                            StringValue("NIA2,NIA3,NIA1"),
                            MakeStringAccessor(&NrSecurityGnbRrc::SetIntegrityPriority,
                                               &NrSecurityGnbRrc::GetIntegrityPriority),
                            NrSecurityMakePriorityListChecker("NIA", "IntegrityPriority"))
              .AddAttribute("SmcGuardTimer",
                            "Time the gNB waits for SecurityModeComplete/Failure before it "
                            "releases the UE context.",
                            TimeValue(Seconds(1)),
                            MakeTimeAccessor(&NrSecurityGnbRrc::m_smcGuard),
                            MakeTimeChecker(Time(0)))
              .AddAttribute("AdmitSetup",
                            "Accept RRCSetupRequests; false answers each with RRCReject "
                            "(TS 38.331 5.3.15) with waitTime RejectWaitTime.",
                            BooleanValue(true),
                            MakeBooleanAccessor(&NrSecurityGnbRrc::m_admitSetup),
                            MakeBooleanChecker())
              .AddAttribute("MaxUes",
                            "Connected UE contexts the gNB admits; an RRCSetupRequest beyond it "
                            "gets RRCReject. 0: no limit.",
                            UintegerValue(0),
                            MakeUintegerAccessor(&NrSecurityGnbRrc::m_maxUes),
                            MakeUintegerChecker<uint32_t>())
              .AddAttribute("RejectWaitTime",
                            "waitTime of RRCReject in seconds (TS 38.331 RejectWaitTime, 1..16): "
                            "the UE's T302.",
                            UintegerValue(5),
                            MakeUintegerAccessor(&NrSecurityGnbRrc::m_rejectWaitTime),
                            MakeUintegerChecker<uint32_t>(1, 16))
              .AddAttribute("CRntiLast",
                            "The last C-RNTI the cell allocates: its C-RNTIs are 1..CRntiLast "
                            "(TS 38.321 Table 7.1-1: 0x0001..0xFFEF = 65519, the default); a "
                            "UE that finds none free gets RRCReject (\"no C-RNTI\").",
                            UintegerValue(NrSecurityCRntiPool::LAST),
                            MakeUintegerAccessor(&NrSecurityGnbRrc::SetCRntiLast,
                                                 &NrSecurityGnbRrc::GetCRntiLast),
                            MakeUintegerChecker<uint16_t>(NrSecurityCRntiPool::FIRST,
                                                          NrSecurityCRntiPool::LAST))
              .AddAttribute(
                  "SetupCompleteTimer",
                  "Time the gNB waits after RRCSetup for RRCSetupComplete before it releases "
                  "the context and frees its C-RNTI (the UE's T300 expired or the RRCSetup "
                  "was lost; TS 38.331 leaves this to the network). Must be > 0; the "
                  "default is a little above the UE's T300 default (1000 ms).",
                  TimeValue(MilliSeconds(1200)),
                  MakeTimeAccessor(&NrSecurityGnbRrc::m_setupCompleteTimer),
                  MakeNrSecurityChecker(
                      MakeTimeChecker(),
                      [](const AttributeValue& v)
                      { return static_cast<const TimeValue&>(v).Get().IsStrictlyPositive(); },
                      "> 0"))
              .AddAttribute(
                  "HandoverJoinTimer",
                  "Time a handover target waits after preparing a context (HANDOVER REQUEST "
                  "ACKNOWLEDGE) for the UE's RRCReconfigurationComplete before it releases "
                  "the prepared context and frees its C-RNTI (newUE-Identity); the UE's T304 "
                  "is set by the network (TS 38.331 7.1.2). Must be > 0.",
                  TimeValue(MilliSeconds(1200)),
                  MakeTimeAccessor(&NrSecurityGnbRrc::m_handoverJoinTimer),
                  MakeNrSecurityChecker(
                      MakeTimeChecker(),
                      [](const AttributeValue& v)
                      { return static_cast<const TimeValue&>(v).Get().IsStrictlyPositive(); },
                      "> 0"))
              .AddAttribute("CapabilityEnquiry",
                            "When the gNB sends UECapabilityEnquiry (TS 38.331 5.6.1): "
                            "BeforeSecurity (before the SecurityModeCommand), AfterSecurity "
                            "(after AS security activation, as 5.6.1.1 recommends) or None.",
                            StringValue("AfterSecurity"),
                            MakeStringAccessor(&NrSecurityGnbRrc::SetCapabilityEnquiry,
                                               &NrSecurityGnbRrc::GetCapabilityEnquiry),
                            MakeNrSecurityChecker(
                                MakeStringChecker(),
                                [](const AttributeValue& v)
                                {
                                    const std::string s = static_cast<const StringValue&>(v).Get();
                                    return s == "BeforeSecurity" || s == "AfterSecurity"
                                           || s == "None";
                                },
                                "BeforeSecurity|AfterSecurity|None"))
              .AddAttribute(
                  "CapabilityEnquiryTimer",
                  "Time the gNB waits after AS security for a valid "
                  "UECapabilityInformation (integrity verified, the pending "
                  "transaction) before it sends UECapabilityEnquiry again (TS 38.331 "
                  "5.6.1 leaves this to the network). Must be > 0.",
                  TimeValue(MilliSeconds(200)),
                  MakeTimeAccessor(&NrSecurityGnbRrc::m_capabilityEnquiryTimer),
                  MakeNrSecurityChecker(
                      MakeTimeChecker(),
                      [](const AttributeValue& v)
                      { return static_cast<const TimeValue&>(v).Get().IsStrictlyPositive(); },
                      "> 0"))
              .AddAttribute("CapabilityEnquiryRetries",
                            "How many times the gNB repeats an unanswered UECapabilityEnquiry "
                            "after AS security (each with a new rrc-TransactionIdentifier) "
                            "before it releases the connection with RRCRelease; 0..8.",
                            UintegerValue(2),
                            MakeUintegerAccessor(&NrSecurityGnbRrc::m_capabilityEnquiryRetries),
                            MakeUintegerChecker<uint32_t>(0, 8))
              .AddAttribute("SetupBearers",
                            "After AS security activation (and the capability enquiry), set up "
                            "SRB2 and one DRB per accepted PDU session with RRCReconfiguration; "
                            "false stops after the Security Mode Command procedure.",
                            BooleanValue(true),
                            MakeBooleanAccessor(&NrSecurityGnbRrc::m_setupBearers),
                            MakeBooleanChecker())
              .AddAttribute("UpIntegritySupported",
                            "The gNB can activate UP integrity protection on DRBs (TS 33.501 "
                            "6.6.2): used for PREFERRED policies; a REQUIRED one it cannot meet "
                            "rejects the PDU session.",
                            BooleanValue(true),
                            MakeBooleanAccessor(&NrSecurityGnbRrc::m_upIntegritySupported),
                            MakeBooleanChecker())
              .AddAttribute("UpConfidentialitySupported",
                            "The gNB can activate UP ciphering on DRBs (TS 33.501 6.6.2); off "
                            "means cipheringDisabled for PREFERRED and NOT_NEEDED policies.",
                            BooleanValue(true),
                            MakeBooleanAccessor(&NrSecurityGnbRrc::m_upConfidentialitySupported),
                            MakeBooleanChecker())
              .AddAttribute("DrbSnLength",
                            "PDCP SN length of the DRBs, 12 or 18 bits (pdcp-SN-SizeUL/DL).",
                            UintegerValue(18),
                            MakeUintegerAccessor(&NrSecurityGnbRrc::m_drbSnLength),
                            MakeNrSecurityChecker(
                                MakeUintegerChecker<uint8_t>(),
                                [](const AttributeValue& v)
                                {
                                    const uint64_t b = static_cast<const UintegerValue&>(v).Get();
                                    return b == 12 || b == 18;
                                },
                                "12|18"))
              .AddAttribute("SdapHeader",
                            "DRBs carry SDAP headers in both directions (sdap-HeaderUL and "
                            "sdap-HeaderDL present, TS 37.324 6.2.2).",
                            BooleanValue(false),
                            MakeBooleanAccessor(&NrSecurityGnbRrc::m_sdapHeader),
                            MakeBooleanChecker())
              .AddAttribute("PhysCellId",
                            "The cell's PhysCellId, 0..1007 (TS 38.331 6.3.2): the PCI input of "
                            "K_gNB* (TS 33.501 A.11) for a handover into this cell.",
                            UintegerValue(1),
                            MakeUintegerAccessor(&NrSecurityGnbRrc::m_pci),
                            MakeUintegerChecker<uint16_t>(0, 1007))
              .AddAttribute("ArfcnDl",
                            "The cell's downlink NR-ARFCN (ARFCN-ValueNR, 0..3279165, TS 38.104 "
                            "5.4.2): the ARFCN-DL input of K_gNB* (TS 33.501 A.11, 3 bytes).",
                            UintegerValue(632628),
                            MakeUintegerAccessor(&NrSecurityGnbRrc::m_arfcnDl),
                            MakeUintegerChecker<uint32_t>(0, 3279165))
              .AddAttribute("CellIdentity",
                            "The cell's CellIdentity, 36 bits (TS 38.331 6.3.2), as in "
                            "VarShortMAC-Input and VarResumeMAC-Input; 0 means the cell id.",
                            UintegerValue(0),
                            MakeUintegerAccessor(&NrSecurityGnbRrc::m_cellIdentity),
                            MakeUintegerChecker<uint64_t>(0, (uint64_t{1} << 36) - 1))
              .AddAttribute("HandoverOnMeasurement",
                            "A MeasurementReport starts a handover (MeasurementHandoverType) to "
                            "the strongest reported neighbour.",
                            BooleanValue(true),
                            MakeBooleanAccessor(&NrSecurityGnbRrc::m_handoverOnMeasurement),
                            MakeBooleanChecker())
              .AddAttribute("MeasurementHandoverType",
                            "The handover a MeasurementReport starts: \"Xn\" (TS 33.501 "
                            "6.9.2.3.2) or \"N2\" (6.9.2.3.3).",
                            StringValue("Xn"),
                            MakeStringAccessor(&NrSecurityGnbRrc::SetMeasurementHandoverType,
                                               &NrSecurityGnbRrc::GetMeasurementHandoverType),
                            MakeNrSecurityChecker(
                                MakeStringChecker(),
                                [](const AttributeValue& v)
                                {
                                    const std::string s = static_cast<const StringValue&>(v).Get();
                                    return s == "Xn" || s == "N2";
                                },
                                "Xn|N2"))
              .AddAttribute("KeyRefreshCount",
                            "COUNT at which the gNB refreshes a UE's keys with an intra-cell "
                            "handover (TS 33.501 6.9.4.1): when a bearer's TX_NEXT or RX_NEXT "
                            "reaches it; DRBs at or above it are released and re-added (COUNT 0). "
                            "Default 2^32 - 2^16; at least 64, so that the COUNTs of connection "
                            "set-up and of a refresh itself stay below it.",
                            UintegerValue(0xFFFF0000u),
                            MakeUintegerAccessor(&NrSecurityGnbRrc::m_keyRefreshCount),
                            MakeUintegerChecker<uint32_t>(64))
              // Vulnerability profiles (issue 16): off by default (compliant)
              .AddAttribute(
                  "VulnerabilityAllowNullAlgorithms",
                  "Vulnerability profile (off by default): NIA0 is selected for a "
                  "non-emergency UE when it is the first entry of IntegrityPriority the UE "
                  "supports (compliant: TS 33.501 D.1, 6.7.3: only for emergency sessions).",
                  BooleanValue(false),
                  MakeBooleanAccessor(&NrSecurityGnbRrc::m_vulnerabilityAllowNullAlgorithms),
                  MakeBooleanChecker())
              .AddAttribute(
                  "VulnerabilityDrbCountReuse",
                  "Vulnerability profile (off by default, ReVoLTE, USENIX Security 2020): "
                  "ReAddDrb re-adds the DRB with the same identity and COUNT 0 under the same "
                  "K_gNB (keystream reuse). Compliant: a DRB identity not used under the "
                  "current keys, or a key refresh (TS 33.501 6.9.4.1).",
                  BooleanValue(false),
                  MakeBooleanAccessor(&NrSecurityGnbRrc::m_vulnerabilityDrbCountReuse),
                  MakeBooleanChecker())
              .AddAttribute(
                  "VulnerabilityIgnoreUpIntegrityPreferred",
                  "Vulnerability profile (off by default): a PREFERRED UP integrity "
                  "policy gets no UP integrity although UpIntegritySupported (the "
                  "precondition of aLTEr, IEEE S&P 2019; compliant: TS 33.501 6.6.2).",
                  BooleanValue(false),
                  MakeBooleanAccessor(&NrSecurityGnbRrc::m_vulnerabilityIgnoreUpIntegrityPreferred),
                  MakeBooleanChecker())
              .AddAttribute(
                  "VulnerabilityReleaseOnDuplicateTmsi",
                  "Vulnerability profile (off by default): an RRCSetupRequest with the "
                  "ng-5G-S-TMSI-Part1 of another connected UE releases that UE's context "
                  "(blind DoS, Kim et al., IEEE S&P 2019). Compliant: the victim keeps it.",
                  BooleanValue(false),
                  MakeBooleanAccessor(&NrSecurityGnbRrc::m_vulnerabilityReleaseOnDuplicateTmsi),
                  MakeBooleanChecker())
              .AddTraceSource("HandoverEvent",
                              "A step of a handover at the gNB (UE id, step, detail).",
                              MakeTraceSourceAccessor(&NrSecurityGnbRrc::m_handoverEventTrace),
                              "ns3::NrSecurityGnbRrc::HandoverEventTracedCallback")
              .AddTraceSource("PduSessionSetup",
                              "A PDU session was set up on a DRB or rejected (UE id, session "
                              "id, DRB id, UP integrity, UP ciphering, ok, reason).",
                              MakeTraceSourceAccessor(&NrSecurityGnbRrc::m_pduSessionTrace),
                              "ns3::NrSecurityGnbRrc::PduSessionSetupTracedCallback");
    return tid;
}

NrSecurityGnbRrc::NrSecurityGnbRrc()
    : m_smcGuard(Seconds(1))
    , m_admitSetup(true)
    , m_maxUes(0)
    , m_rejectWaitTime(5)
    , m_capabilityEnquiry(CAPABILITY_AFTER_SECURITY)
    , m_setupBearers(true)
    , m_upIntegritySupported(true)
    , m_upConfidentialitySupported(true)
    , m_drbSnLength(18)
    , m_sdapHeader(false)
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
        ue.capabilityGuard.Cancel();
        for (auto& [rbId, rb] : ue.srbs)
        {
            rb->Dispose();
        }
        for (auto& [rbId, rb] : ue.drbs)
        {
            rb->Dispose();
        }
    }
    m_ues.clear();
    m_amf = nullptr;
    m_transmit = TransmitCallback();
    m_userData = UserDataCallback();
    Object::DoDispose();
}

void
NrSecurityGnbRrc::SetAmf(Ptr<NrSecurityAmf> amf)
{
    m_amf = amf;
    RegisterWithAmf(); // N2 handover handlers (nr-security-gnb-rrc-handover.cc)
}

void
NrSecurityGnbRrc::SetTransmitCallback(TransmitCallback cb)
{
    m_transmit = cb;
}

void
NrSecurityGnbRrc::SetUserDataCallback(UserDataCallback cb)
{
    m_userData = cb;
}

NrSecurityGnbUeContext*
NrSecurityGnbRrc::Find(uint32_t ueId)
{
    auto it = m_ues.find(ueId);
    return it == m_ues.end() ? nullptr : &it->second;
}

bool
NrSecurityGnbRrc::IsConnected(const NrSecurityGnbUeContext& ue)
{
    return ue.state != NrSecurityRrcState::IDLE && ue.state != NrSecurityRrcState::CONNECTING
           && ue.state != NrSecurityRrcState::RELEASED;
}

void
NrSecurityGnbRrc::ReceivePdu(uint32_t ueId, const NrSecurityRbPdu& pdu)
{
    if (!pdu.pdu)
    {
        return;
    }
    if (pdu.type == NrSecurityRbType::SRB0)
    {
        ReceiveCcch(ueId, pdu.pdu);
        return;
    }
    NrSecurityGnbUeContext* ue = Find(ueId);
    const bool live = ue && ue->state != NrSecurityRrcState::RELEASED;
    const std::string rbName = NrSecurityRbName(pdu.type, pdu.rbId);
    if (pdu.type == NrSecurityRbType::DRB)
    {
        auto it = live ? ue->drbs.find(pdu.rbId) : decltype(ue->drbs.end()){};
        if (!live || it == ue->drbs.end())
        {
            DiscardUserData(
                ueId, rbName, live ? "PDU on a DRB that is not set up" : "no UE context");
            return;
        }
        if (HoldUplinkPdu(*ue, pdu))
        {
            return; // an incoming handover waits for the COUNT status
        }
        it->second->GetPdcp()->ReceivePdu(pdu.pdu);
        return;
    }
    auto it = live ? ue->srbs.find(pdu.rbId) : decltype(ue->srbs.end()){};
    if (!live || it == ue->srbs.end())
    {
        Refuse(ueId,
               0,
               "unknown",
               "PDU on " + rbName + (live ? ", which is not set up" : " without a UE context"));
        return;
    }
    it->second->GetPdcp()->ReceivePdu(pdu.pdu);
}

void
NrSecurityGnbRrc::BearerTransmit(NrSecurityRadioBearer& rb, const NrSecurityRbPdu& pdu)
{
    NrSecurityGnbUeContext* ue = Find(rb.GetUeId());
    if (!m_transmit.IsNull())
    {
        NrSecurityRbPdu addressed = pdu;
        addressed.rnti = ue ? ue->cRnti : 0; // the UE's C-RNTI in this cell
        m_transmit(rb.GetUeId(), addressed);
    }
    if (ue && rb.GetPdcp()->GetTxNext() >= m_keyRefreshCount)
    {
        CheckKeyRefresh(*ue); // nr-security-gnb-rrc-key-refresh.cc
    }
}

void
NrSecurityGnbRrc::BearerDeliver(NrSecurityRadioBearer& rb, Ptr<Packet> sdu, uint32_t count)
{
    NrSecurityGnbUeContext* ue = Find(rb.GetUeId());
    if (!ue || ue->state == NrSecurityRrcState::RELEASED)
    {
        // An SDU PDCP still held (t-Reordering, TS 38.323 5.2.2.2) when the connection was
        // released (TS 38.331 5.3.8): its radio bearers are gone, nothing reaches the core.
        const std::string why = "no UE context (released)";
        if (rb.GetType() == NrSecurityRbType::DRB)
        {
            DiscardUserData(rb.GetUeId(), rb.GetName(), why);
        }
        else
        {
            Refuse(rb.GetUeId(), count, "unknown", why);
        }
        return;
    }
    if (rb.GetPdcp()->GetRxNext() >= m_keyRefreshCount)
    {
        CheckKeyRefresh(*ue); // nr-security-gnb-rrc-key-refresh.cc
    }
    if (rb.GetType() == NrSecurityRbType::DRB)
    {
        ReceiveUserData(rb, sdu);
        return;
    }
    ReceiveDcch(*ue, rb, sdu, count);
}

void
NrSecurityGnbRrc::ReceiveDcch(NrSecurityGnbUeContext& ue,
                              NrSecurityRadioBearer& rb,
                              Ptr<Packet> sdu,
                              uint32_t count)
{
    const uint32_t ueId = ue.ueId;
    std::vector<uint8_t> bytes = NrSecurityPacketBytes(sdu);
    NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeUlDcch(bytes.data(), bytes.size());
    const std::string name = m.ok ? NrSecurityRrcMessage::Name(m.type) : "unknown";
    // A SecurityModeComplete while the procedure is pending is verified here in RRC.
    const bool rrcVerified = ue.state == NrSecurityRrcState::SMC_PENDING && m.ok
                             && m.type == NrSecurityRrcDecoded::SECURITY_MODE_COMPLETE;
    m_rrcMessageTrace(
        ueId, "rx", name, bytes, rb.GetName(), rrcVerified ? "integrity" : rb.RxProtection(count));
    if (rb.GetRbId() != 1 && !(m.ok && m.type == NrSecurityRrcDecoded::UL_INFORMATION_TRANSFER))
    {
        // TS 38.331 4.2.2, 6.2.2: of the UL-DCCH messages modelled, only
        // ULInformationTransfer goes on SRB2.
        Refuse(ueId, count, name, "received on " + rb.GetName() + "; it belongs on SRB1");
        return;
    }
    if (ue.state == NrSecurityRrcState::CONNECTING)
    {
        if (m.ok && m.type == NrSecurityRrcDecoded::RRC_SETUP_COMPLETE)
        {
            HandleSetupComplete(ue, m, count);
            return;
        }
        Refuse(ueId, count, name, "RRCSetupComplete expected (TS 38.331 5.3.3.4)");
        return;
    }
    if (ue.state == NrSecurityRrcState::SMC_PENDING)
    {
        ReceiveSmcPending(ue, sdu, count, m, bytes);
        return;
    }
    if (!m.ok)
    {
        m_sduTrace(ueId, count, bytes); // an opaque SDU, delivered as it is
        return;
    }
    switch (m.type)
    {
        case NrSecurityRrcDecoded::SECURITY_MODE_COMPLETE:
        case NrSecurityRrcDecoded::SECURITY_MODE_FAILURE:
            Refuse(ueId, count, name, "no SecurityModeCommand is pending (TS 38.331 5.3.4)");
            return;
        case NrSecurityRrcDecoded::UE_CAPABILITY_INFORMATION:
            HandleCapabilityInformation(ue, m, count);
            return;
        case NrSecurityRrcDecoded::RRC_RECONFIGURATION_COMPLETE:
            if ((ue.handover.role == NrSecurityGnbHandover::TARGET
                 || ue.handover.role == NrSecurityGnbHandover::INTRA)
                && !ue.handover.ueArrived)
            {
                HandleHandoverComplete(ue, m, count); // nr-security-gnb-rrc-handover.cc
                return;
            }
            HandleReconfigurationComplete(ue, m, count);
            return;
        case NrSecurityRrcDecoded::MEASUREMENT_REPORT:
            HandleMeasurementReport(ue, m, count);
            return;
        case NrSecurityRrcDecoded::RRC_REESTABLISHMENT_COMPLETE:
            HandleReestablishmentComplete(ue, m, count); // nr-security-gnb-rrc-reestablishment.cc
            return;
        case NrSecurityRrcDecoded::RRC_RESUME_COMPLETE:
            HandleResumeComplete(ue, m, count); // nr-security-gnb-rrc-resume.cc
            return;
        case NrSecurityRrcDecoded::UL_INFORMATION_TRANSFER:
            // TS 38.331 5.7.2.3: the NAS message goes to the AMF (NGAP Uplink NAS Transport).
            m_nasTrace(ueId, m.nasMessage);
            if (m_amf)
            {
                m_amf->UplinkNasTransport(ueId, m.nasMessage);
            }
            return;
        default:
            Refuse(ueId, count, name, "not expected in state " + NrSecurityRrcStateName(ue.state));
            return;
    }
}

void
NrSecurityGnbRrc::BearerIntegrityFailure(NrSecurityRadioBearer& rb,
                                         uint32_t count,
                                         uint32_t receivedMac,
                                         uint32_t expectedMac)
{
    CountIntegrityFailure(rb.GetType() == NrSecurityRbType::DRB);
    // PDCP discarded the PDU (traced and counted there), or RRC's own check of the
    // SecurityModeComplete failed (handled by its caller). An integrity failure alone never
    // releases the UE: it may be a forged or corrupted PDU (RRC re-establishment, TS 38.331
    // 5.3.7, is not modelled).
    m_integrityFailureTrace(rb.GetUeId(), rb.GetRbId(), count, receivedMac, expectedMac);
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
    if (state == NrSecurityRrcState::RELEASED || state == NrSecurityRrcState::INACTIVE)
    {
        FreeCRnti(ue); // an INACTIVE UE is known by its I-RNTI
    }
    m_stateTrace(ue.ueId, NrSecurityRrcStateName(old), NrSecurityRrcStateName(state));
}

bool
NrSecurityGnbRrc::Send(NrSecurityGnbUeContext& ue,
                       uint8_t srbId,
                       const std::string& name,
                       const std::vector<uint8_t>& message)
{
    auto it = ue.srbs.find(srbId);
    if (it == ue.srbs.end())
    {
        return false;
    }
    NrSecurityRadioBearer& rb = *it->second;
    m_rrcMessageTrace(ue.ueId, "tx", name, message, rb.GetName(), rb.TxProtection());
    return rb.GetPdcp()->TransmitSdu(
               Create<Packet>(message.data(), static_cast<uint32_t>(message.size())))
           >= 0;
}

bool
NrSecurityGnbRrc::SendDlDcch(uint32_t ueId, const std::vector<uint8_t>& message)
{
    NrSecurityGnbUeContext* ue = Find(ueId);
    if (!ue || ue->state == NrSecurityRrcState::RELEASED || message.empty())
    {
        return false;
    }
    NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeDlDcch(message.data(), message.size());
    return Send(*ue, 1, m.ok ? NrSecurityRrcMessage::Name(m.type) : "dl-dcch", message);
}

uint8_t
NrSecurityGnbRrc::NextTransactionId(NrSecurityGnbUeContext& ue)
{
    ue.lastTransactionId = static_cast<uint8_t>((ue.lastTransactionId + 1) % 4);
    return ue.lastTransactionId;
}

void
NrSecurityGnbRrc::KeyDerived(uint32_t ueId,
                             const std::string& name,
                             const uint8_t* key,
                             size_t bytes)
{
    m_keyDerivedTrace(ueId, name, std::vector<uint8_t>(key, key + bytes), 26);
}

const NrSecurityGnbUeContext*
NrSecurityGnbRrc::GetUeContext(uint32_t ueId) const
{
    auto it = m_ues.find(ueId);
    return it == m_ues.end() ? nullptr : &it->second;
}

size_t
NrSecurityGnbRrc::GetNUes() const
{
    return m_ues.size();
}

NrSecurityRrcState
NrSecurityGnbRrc::GetUeState(uint32_t ueId) const
{
    const NrSecurityGnbUeContext* ue = GetUeContext(ueId);
    return ue ? ue->state : NrSecurityRrcState::IDLE;
}

std::vector<uint16_t>
NrSecurityGnbRrc::GetStoredCapabilities(uint32_t ueId) const
{
    const NrSecurityGnbUeContext* ue = GetUeContext(ueId);
    return ue && ue->capabilityReceived ? ue->bandsNr : std::vector<uint16_t>();
}

bool
NrSecurityGnbRrc::GetStoredCapabilitiesBeforeSecurity(uint32_t ueId) const
{
    const NrSecurityGnbUeContext* ue = GetUeContext(ueId);
    return ue && ue->capabilityReceived && ue->capabilityBeforeSecurity;
}

uint64_t
NrSecurityGnbRrc::GetCapabilityEnquiriesSent() const
{
    return m_capabilityEnquiriesSent;
}

uint64_t
NrSecurityGnbRrc::GetCapabilityEnquiryRetries() const
{
    return m_capabilityEnquiryRetriesSent;
}

uint64_t
NrSecurityGnbRrc::GetDuplicateTmsiRequests() const
{
    return m_duplicateTmsiRequests;
}

uint64_t
NrSecurityGnbRrc::GetDuplicateTmsiReleases() const
{
    return m_duplicateTmsiReleases;
}

uint64_t
NrSecurityGnbRrc::GetNullIntegritySelections() const
{
    return m_nullIntegritySelections;
}

Ptr<NrSecurityPdcp>
NrSecurityGnbRrc::GetDrb(uint32_t ueId, uint8_t drbId) const
{
    const NrSecurityGnbUeContext* ue = GetUeContext(ueId);
    if (!ue)
    {
        return nullptr;
    }
    auto it = ue->drbs.find(drbId);
    return it == ue->drbs.end() ? nullptr : it->second->GetPdcp();
}

Ptr<NrSecurityPdcp>
NrSecurityGnbRrc::GetSrb(uint32_t ueId, uint8_t srbId) const
{
    const NrSecurityGnbUeContext* ue = GetUeContext(ueId);
    if (!ue)
    {
        return nullptr;
    }
    auto it = ue->srbs.find(srbId);
    return it == ue->srbs.end() ? nullptr : it->second->GetPdcp();
}

void
NrSecurityGnbRrc::SetCellId(uint16_t cellId)
{
    m_cellId = cellId;
    RegisterWithAmf(); // N2 handover handlers (nr-security-gnb-rrc-handover.cc)
}

NrSecurityCellInfo
NrSecurityGnbRrc::GetCellInfo() const
{
    NrSecurityCellInfo c;
    c.cellId = m_cellId;
    c.pci = m_pci;
    c.arfcnDl = m_arfcnDl;
    c.cellIdentity = m_cellIdentity != 0 ? m_cellIdentity : m_cellId;
    return c;
}

} // namespace ns3
