// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * RRC connection re-establishment, suspend (RRCRelease with suspendConfig) and resume,
 * TS 38.331 6.2.2 under ITU-T X.691 UNALIGNED, written from the TS 38.331 ASN.1:
 *
 * RRCReestablishmentRequest (UL-CCCH c1 2) ::= SEQUENCE { rrcReestablishmentRequest
 *   RRCReestablishmentRequest-IEs }
 * RRCReestablishmentRequest-IEs ::= SEQUENCE { ue-Identity ReestabUE-Identity,
 *   reestablishmentCause ReestablishmentCause, spare BIT STRING (SIZE (1)) }
 * ReestabUE-Identity ::= SEQUENCE { c-RNTI RNTI-Value (0..65535), physCellId PhysCellId
 *   (0..1007), shortMAC-I BIT STRING (SIZE (16)) }
 * ReestablishmentCause ::= ENUMERATED { reconfigurationFailure, handoverFailure,
 *   otherFailure, spare1 }
 * RRCResumeRequest (UL-CCCH c1 1) ::= SEQUENCE { rrcResumeRequest RRCResumeRequest-IEs }
 * RRCResumeRequest-IEs ::= SEQUENCE { resumeIdentity ShortI-RNTI-Value (BIT STRING (SIZE
 *   (24))), resumeMAC-I BIT STRING (SIZE (16)), resumeCause ResumeCause, spare BIT STRING
 *   (SIZE (1)) }
 * ResumeCause ::= ENUMERATED { emergency, highPriorityAccess, mt-Access, mo-Signalling,
 *   mo-Data, mo-VoiceCall, mo-VideoCall, mo-SMS, rna-Update, mps-PriorityAccess,
 *   mcs-PriorityAccess, mt-SDT-v1810, srs-PosConfigOrActivationReq-v1800, spare3, spare2,
 *   spare1 } (16 values, 4 bits)
 * RRCReestablishment (DL-DCCH c1 3) ::= SEQUENCE { rrc-TransactionIdentifier,
 *   criticalExtensions CHOICE { rrcReestablishment RRCReestablishment-IEs,
 *   criticalExtensionsFuture } }
 * RRCReestablishment-IEs ::= SEQUENCE { nextHopChainingCount (0..7),
 *   lateNonCriticalExtension OPTIONAL, nonCriticalExtension OPTIONAL }
 * RRCReestablishmentComplete (UL-DCCH c1 3): -IEs ::= SEQUENCE { lateNonCriticalExtension
 *   OPTIONAL, nonCriticalExtension OPTIONAL }
 *
 * RRCRelease-IEs: suspendConfig SuspendConfig ::= SEQUENCE { fullI-RNTI BIT STRING (SIZE
 *   (40)), shortI-RNTI BIT STRING (SIZE (24)), ran-PagingCycle ENUMERATED {rf32, rf64, rf128,
 *   rf256}, ran-NotificationAreaInfo OPTIONAL, t380 OPTIONAL, nextHopChainingCount, ... }
 * RRCResume (DL c1 1): RRCResume-IEs ::= SEQUENCE { radioBearerConfig OPTIONAL,
 *   masterCellGroup OPTIONAL, measConfig OPTIONAL, fullConfig OPTIONAL,
 *   lateNonCriticalExtension OPTIONAL, nonCriticalExtension OPTIONAL }
 * RRCResumeComplete (UL c1 4): RRCResumeComplete-IEs ::= SEQUENCE { dedicatedNAS-Message
 *   OPTIONAL, selectedPLMN-Identity OPTIONAL, uplinkTxDirectCurrentList OPTIONAL,
 *   lateNonCriticalExtension OPTIONAL, nonCriticalExtension OPTIONAL }
 */
#include "nr-security-rrc-codec.h"

#include <stdexcept>

namespace ns3
{

using namespace nrsecurityrrc;

namespace
{

constexpr uint32_t UL_CCCH_RRC_RESUME_REQUEST = 1;          ///< UL-CCCH c1 index
constexpr uint32_t UL_CCCH_RRC_REESTABLISHMENT_REQUEST = 2; ///< UL-CCCH c1 index
constexpr uint32_t DL_RRC_REESTABLISHMENT = 3;              ///< DL-DCCH c1 index
constexpr uint32_t UL_RRC_REESTABLISHMENT_COMPLETE = 3;     ///< UL-DCCH c1 index
constexpr uint16_t MAX_PCI = 1007;                          ///< PhysCellId (0..1007)
constexpr uint8_t MAX_REESTABLISHMENT_CAUSE = 2;            ///< otherFailure; 3 is spare1
constexpr uint8_t MAX_RESUME_CAUSE = 10;                    ///< mcs-PriorityAccess
constexpr uint32_t SHORT_I_RNTI_LIMIT = 1U << 24;           ///< ShortI-RNTI-Value (SIZE (24))
constexpr uint64_t FULL_I_RNTI_LIMIT = 1ULL << 40;          ///< I-RNTI-Value (SIZE (40))
constexpr uint32_t DL_RRC_RESUME = 1;                       ///< DL-DCCH c1 index
constexpr uint32_t DL_RRC_RELEASE = 2;                      ///< DL-DCCH c1 index
constexpr uint32_t UL_RRC_RESUME_COMPLETE = 4;              ///< UL-DCCH c1 index
/// PagingCycle values in radio frames in ENUMERATED order.
const uint16_t kPagingCycleRf[4] = {32, 64, 128, 256};

/// ResumeCause values 11..15 (TS 38.331 V18), which the encoder does not send.
const char* const kResumeCauseHigh[5]
    = {"mt-SDT-v1810", "srs-PosConfigOrActivationReq-v1800", "spare3", "spare2", "spare1"};

/// The UL-CCCH header: 1 bit c1, 2 bits c1 index (the RRC*Request SEQUENCE and its -IEs
/// SEQUENCE have no extension marker and no OPTIONAL component: no bits).
NrSecurityUperWriter
StartUlCcch(uint32_t c1)
{
    NrSecurityUperWriter w;
    w.AppendBit(false); // UL-CCCH-MessageType: c1
    w.Append(c1, 2);
    return w;
}

} // namespace

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcReestablishmentRequest(uint16_t cRnti,
                                                      uint16_t pci,
                                                      uint16_t shortMacI,
                                                      uint8_t cause)
{
    if (pci > MAX_PCI)
    {
        throw std::invalid_argument("pci " + std::to_string(pci)
                                    + " is out of range 0..1007 (PhysCellId, TS 38.331 6.3.2)");
    }
    if (cause > MAX_REESTABLISHMENT_CAUSE)
    {
        throw std::invalid_argument("cause " + std::to_string(cause)
                                    + " is not a ReestablishmentCause 0..2 (3 is spare1, TS "
                                      "38.331 6.2.2)");
    }
    NrSecurityUperWriter w = StartUlCcch(UL_CCCH_RRC_REESTABLISHMENT_REQUEST);
    w.Append(cRnti, 16);     // ue-Identity c-RNTI
    w.Append(pci, 10);       // ue-Identity physCellId
    w.Append(shortMacI, 16); // ue-Identity shortMAC-I
    w.Append(cause, 2);      // reestablishmentCause
    w.AppendBit(false);      // spare
    return w.Bytes();
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcResumeRequest(uint32_t shortIRnti,
                                             uint16_t resumeMacI,
                                             uint8_t cause)
{
    if (shortIRnti >= SHORT_I_RNTI_LIMIT)
    {
        throw std::invalid_argument("shortIRnti " + std::to_string(shortIRnti)
                                    + " does not fit in 24 bits (ShortI-RNTI-Value, TS 38.331 "
                                      "6.3.2)");
    }
    if (cause > MAX_RESUME_CAUSE)
    {
        throw std::invalid_argument("cause " + std::to_string(cause)
                                    + " is not a ResumeCause 0..10 (emergency .. "
                                      "mcs-PriorityAccess, TS 38.331 6.2.2)");
    }
    NrSecurityUperWriter w = StartUlCcch(UL_CCCH_RRC_RESUME_REQUEST);
    w.Append(shortIRnti, 24); // resumeIdentity
    w.Append(resumeMacI, 16); // resumeMAC-I
    w.Append(cause, 4);       // resumeCause
    w.AppendBit(false);       // spare
    return w.Bytes();
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcReestablishment(uint8_t transactionId, uint8_t ncc)
{
    if (ncc > 7)
    {
        throw std::invalid_argument("ncc " + std::to_string(ncc)
                                    + " is out of range 0..7 (NextHopChainingCount, TS 38.331 "
                                      "6.3.2)");
    }
    NrSecurityUperWriter w = StartDcchMessage(DL_RRC_REESTABLISHMENT, true, transactionId);
    w.Append(0, 2);   // lateNonCriticalExtension, nonCriticalExtension absent
    w.Append(ncc, 3); // nextHopChainingCount
    return w.Bytes();
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcReestablishmentComplete(uint8_t transactionId)
{
    NrSecurityUperWriter w = StartDcchMessage(UL_RRC_REESTABLISHMENT_COMPLETE, true, transactionId);
    w.Append(0, 2); // lateNonCriticalExtension, nonCriticalExtension absent
    return w.Bytes();
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcRelease(uint8_t transactionId, const NrSecuritySuspendConfig& s)
{
    if (s.fullIRnti >= FULL_I_RNTI_LIMIT)
    {
        throw std::invalid_argument("fullIRnti " + std::to_string(s.fullIRnti)
                                    + " does not fit in 40 bits (I-RNTI-Value, TS 38.331 6.3.2)");
    }
    if (s.shortIRnti >= SHORT_I_RNTI_LIMIT)
    {
        throw std::invalid_argument("shortIRnti " + std::to_string(s.shortIRnti)
                                    + " does not fit in 24 bits (ShortI-RNTI-Value, TS 38.331 "
                                      "6.3.2)");
    }
    int cycle = -1;
    for (int i = 0; i < 4; ++i)
    {
        cycle = kPagingCycleRf[i] == s.ranPagingCycle ? i : cycle;
    }
    if (cycle < 0)
    {
        throw std::invalid_argument("ranPagingCycle " + std::to_string(s.ranPagingCycle)
                                    + " is not a PagingCycle (32, 64, 128, 256 radio frames)");
    }
    if (s.nextHopChainingCount > 7)
    {
        throw std::invalid_argument("nextHopChainingCount " + std::to_string(s.nextHopChainingCount)
                                    + " is out of range 0..7 (NextHopChainingCount, TS 38.331 "
                                      "6.3.2)");
    }
    NrSecurityUperWriter w = StartDcchMessage(DL_RRC_RELEASE, true, transactionId);
    w.Append(0, 2);     // redirectedCarrierInfo, cellReselectionPriorities absent
    w.AppendBit(true);  // suspendConfig
    w.Append(0, 3);     // deprioritisationReq, lateNonCriticalExtension, nonCritical... absent
    w.AppendBit(false); // SuspendConfig: no extension additions
    w.Append(0, 2);     // ran-NotificationAreaInfo, t380 absent
    w.Append(static_cast<uint32_t>(s.fullIRnti >> 32), 8);
    w.Append(static_cast<uint32_t>(s.fullIRnti & 0xFFFFFFFFU), 32);
    w.Append(s.shortIRnti, 24);
    w.Append(static_cast<uint32_t>(cycle), 2);
    w.Append(s.nextHopChainingCount, 3);
    return w.Bytes();
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcResume(uint8_t transactionId,
                                      const NrSecurityRadioBearerConfig* rbConfig)
{
    NrSecurityUperWriter w = StartDcchMessage(DL_RRC_RESUME, true, transactionId);
    w.AppendBit(rbConfig != nullptr); // radioBearerConfig
    w.Append(0, 5); // masterCellGroup, measConfig, fullConfig, lateNonCritical..., nonCritical...
    if (rbConfig != nullptr)
    {
        AppendRadioBearerConfig(w, *rbConfig);
    }
    return w.Bytes();
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcResumeComplete(uint8_t transactionId)
{
    NrSecurityUperWriter w = StartDcchMessage(UL_RRC_RESUME_COMPLETE, true, transactionId);
    w.Append(0, 5); // every OPTIONAL component of RRCResumeComplete-IEs absent
    return w.Bytes();
}

namespace nrsecurityrrc
{

bool
DecodeRrcReleaseBody(Decoder& d)
{
    NrSecurityRrcDecoded& r = d.Result();
    std::vector<bool> p;
    if (!d.Body("rrcRelease",
                true,
                {"redirectedCarrierInfo",
                 "cellReselectionPriorities",
                 "suspendConfig",
                 "deprioritisationReq",
                 "lateNonCriticalExtension",
                 "nonCriticalExtension"},
                {true, false, true, false, false, false},
                p))
    {
        return false;
    }
    if (p[0] && p[2])
    {
        return d.Fail("redirectedCarrierInfo with suspendConfig is not supported");
    }
    if (p[0])
    {
        // nr-security-rrc-dcch-codec.cc
        if (!ReadRedirectedCarrierInfo(d, r.redirectedCarrierInfo))
        {
            return false;
        }
        r.redirectedCarrierInfoPresent = true;
        return d.Finish();
    }
    if (!p[2])
    {
        return d.Finish();
    }
    std::vector<bool> q;
    uint32_t high = 0;
    uint32_t low = 0;
    uint32_t v = 0;
    if (!d.ReadZero("the SuspendConfig extension bit",
                    "SuspendConfig extension additions are not supported")
        || !d.Presence({"ran-NotificationAreaInfo", "t380"}, {false, false}, "SuspendConfig", q)
        || !d.Read(8, "fullI-RNTI", high) || !d.Read(32, "fullI-RNTI", low))
    {
        return false;
    }
    r.suspendConfig.fullIRnti = (static_cast<uint64_t>(high) << 32) | low;
    if (!d.Read(24, "shortI-RNTI", v))
    {
        return false;
    }
    r.suspendConfig.shortIRnti = v;
    if (!d.Read(2, "ran-PagingCycle", v))
    {
        return false;
    }
    r.suspendConfig.ranPagingCycle = kPagingCycleRf[v];
    if (!d.Read(3, "nextHopChainingCount", v))
    {
        return false;
    }
    r.suspendConfig.nextHopChainingCount = static_cast<uint8_t>(v);
    r.suspendConfigPresent = true;
    return d.Finish();
}

bool
DecodeRrcResumeBody(Decoder& d)
{
    NrSecurityRrcDecoded& r = d.Result();
    std::vector<bool> p;
    if (!d.Body("rrcResume",
                true,
                {"radioBearerConfig",
                 "masterCellGroup",
                 "measConfig",
                 "fullConfig",
                 "lateNonCriticalExtension",
                 "nonCriticalExtension"},
                {true, false, false, false, false, false},
                p))
    {
        return false;
    }
    r.radioBearerConfigPresent = p[0];
    if (p[0] && !ReadRadioBearerConfig(d, r.radioBearerConfig))
    {
        return false;
    }
    return d.Finish();
}

bool
DecodeRrcReestablishmentBody(Decoder& d)
{
    std::vector<bool> p;
    uint32_t v = 0;
    if (!d.Body("rrcReestablishment",
                true,
                {"lateNonCriticalExtension", "nonCriticalExtension"},
                {false, false},
                p)
        || !d.Read(3, "nextHopChainingCount", v))
    {
        return false;
    }
    d.Result().nextHopChainingCount = static_cast<uint8_t>(v);
    return d.Finish();
}

bool
DecodeUlCcchRequestBody(Decoder& d, bool reestablishment)
{
    NrSecurityRrcDecoded& r = d.Result();
    uint32_t a = 0;
    uint32_t b = 0;
    uint32_t c = 0;
    uint32_t cause = 0;
    uint32_t spare = 0;
    if (reestablishment)
    {
        r.type = NrSecurityRrcDecoded::RRC_REESTABLISHMENT_REQUEST;
        if (!d.Read(16, "ue-Identity c-RNTI", a)
            || !d.ReadConstrained(0, MAX_PCI, "ue-Identity physCellId", b)
            || !d.Read(16, "ue-Identity shortMAC-I", c) || !d.Read(2, "reestablishmentCause", cause)
            || !d.Read(1, "spare", spare))
        {
            return false;
        }
        if (cause > MAX_REESTABLISHMENT_CAUSE)
        {
            return d.Fail("reestablishmentCause spare1 (index 3) is not supported");
        }
        r.cRnti = static_cast<uint16_t>(a);
        r.physCellId = static_cast<uint16_t>(b);
        r.shortMacI = static_cast<uint16_t>(c);
        r.reestablishmentCause = static_cast<uint8_t>(cause);
    }
    else
    {
        r.type = NrSecurityRrcDecoded::RRC_RESUME_REQUEST;
        if (!d.Read(24, "resumeIdentity", a) || !d.Read(16, "resumeMAC-I", c)
            || !d.Read(4, "resumeCause", cause) || !d.Read(1, "spare", spare))
        {
            return false;
        }
        if (cause > MAX_RESUME_CAUSE)
        {
            return d.Fail("resumeCause " + std::string(kResumeCauseHigh[cause - 11]) + " (index "
                          + std::to_string(cause) + ") is not supported");
        }
        r.resumeIdentity = a;
        r.resumeMacI = static_cast<uint16_t>(c);
        r.resumeCause = static_cast<uint8_t>(cause);
    }
    if (spare != 0)
    {
        return d.Fail("the spare bit is 1 (the UE sets it to 0, TS 38.331 6.2.2): not supported");
    }
    return d.Finish();
}

} // namespace nrsecurityrrc
} // namespace ns3
