// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The CCCH (SRB0) messages, TS 38.331 6.2.1 / 6.2.2 under ITU-T X.691 UNALIGNED, written from
 * the TS 38.331 ASN.1:
 *
 * UL-CCCH-MessageType ::= CHOICE { c1 CHOICE { rrcSetupRequest, rrcResumeRequest,
 *   rrcReestablishmentRequest, rrcSystemInfoRequest }, messageClassExtension SEQUENCE {} }
 *   (rrcResumeRequest and rrcReestablishmentRequest: nr-security-rrc-reestablishment-codec.cc)
 * RRCSetupRequest ::= SEQUENCE { rrcSetupRequest RRCSetupRequest-IEs }
 * RRCSetupRequest-IEs ::= SEQUENCE { ue-Identity InitialUE-Identity, establishmentCause
 *   EstablishmentCause, spare BIT STRING (SIZE (1)) }
 * InitialUE-Identity ::= CHOICE { ng-5G-S-TMSI-Part1 BIT STRING (SIZE (39)),
 *   randomValue BIT STRING (SIZE (39)) }
 * EstablishmentCause ::= ENUMERATED { emergency, highPriorityAccess, mt-Access, mo-Signalling,
 *   mo-Data, mo-VoiceCall, mo-VideoCall, mo-SMS, mps-PriorityAccess, mcs-PriorityAccess,
 *   spare6, spare5, spare4, spare3, spare2, spare1 }
 *
 * DL-CCCH-MessageType ::= CHOICE { c1 CHOICE { rrcReject, rrcSetup, spare2, spare1 },
 *   messageClassExtension SEQUENCE {} }
 * RRCReject ::= SEQUENCE { criticalExtensions CHOICE { rrcReject RRCReject-IEs,
 *   criticalExtensionsFuture } }
 * RRCReject-IEs ::= SEQUENCE { waitTime RejectWaitTime (INTEGER (1..16)) OPTIONAL,
 *   lateNonCriticalExtension OPTIONAL, nonCriticalExtension OPTIONAL }
 * RRCSetup ::= SEQUENCE { rrc-TransactionIdentifier, criticalExtensions CHOICE { rrcSetup
 *   RRCSetup-IEs, criticalExtensionsFuture } }
 * RRCSetup-IEs ::= SEQUENCE { radioBearerConfig RadioBearerConfig, masterCellGroup OCTET
 *   STRING (CONTAINING CellGroupConfig), lateNonCriticalExtension OPTIONAL,
 *   nonCriticalExtension OPTIONAL }
 */
#include "nr-security-rrc-codec.h"

#include <stdexcept>

namespace ns3
{

using namespace nrsecurityrrc;

namespace
{

const char* const kUlCcchC1Names[4]
    = {"rrcSetupRequest", "rrcResumeRequest", "rrcReestablishmentRequest", "rrcSystemInfoRequest"};
const char* const kDlCcchC1Names[4] = {"rrcReject", "rrcSetup", "spare2", "spare1"};
const char* const kCauseSpareNames[6]
    = {"spare6", "spare5", "spare4", "spare3", "spare2", "spare1"};

constexpr uint32_t DL_CCCH_RRC_REJECT = 0;
constexpr uint32_t DL_CCCH_RRC_SETUP = 1;
constexpr uint32_t UL_CCCH_RRC_SETUP_REQUEST = 0;
constexpr uint32_t UL_CCCH_RRC_RESUME_REQUEST = 1;
constexpr uint32_t UL_CCCH_RRC_REESTABLISHMENT_REQUEST = 2;
constexpr uint64_t IDENTITY_LIMIT = 1ULL << 39;
constexpr uint8_t MAX_CAUSE = 9; ///< mcs-PriorityAccess; 10..15 are spare

} // namespace

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcSetupRequest(bool tmsiPart1, uint64_t identity39, uint8_t cause)
{
    if (identity39 >= IDENTITY_LIMIT)
    {
        throw std::invalid_argument("identity39 " + std::to_string(identity39)
                                    + " does not fit in 39 bits (InitialUE-Identity, TS 38.331 "
                                      "6.2.2)");
    }
    if (cause > MAX_CAUSE)
    {
        throw std::invalid_argument("cause " + std::to_string(cause)
                                    + " is not an EstablishmentCause 0..9 (10..15 are spare, TS "
                                      "38.331 6.2.2)");
    }
    NrSecurityUperWriter w;
    w.AppendBit(false);                                   // UL-CCCH-MessageType: c1
    w.Append(UL_CCCH_RRC_SETUP_REQUEST, 2);               // c1: rrcSetupRequest
    w.AppendBit(!tmsiPart1);                              // ng-5G-S-TMSI-Part1 0, random 1
    w.Append(static_cast<uint32_t>(identity39 >> 32), 7); // the 7 leading bits
    w.Append(static_cast<uint32_t>(identity39 & 0xFFFFFFFFU), 32);
    w.Append(cause, 4); // establishmentCause
    w.AppendBit(false); // spare
    return w.Bytes();
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcSetup(uint8_t transactionId, const NrSecurityRadioBearerConfig& rb)
{
    CheckTransactionId(transactionId);
    NrSecurityUperWriter w;
    w.AppendBit(false);             // DL-CCCH-MessageType: c1
    w.Append(DL_CCCH_RRC_SETUP, 2); // c1: rrcSetup
    w.Append(transactionId, 2);     // rrc-TransactionIdentifier
    w.AppendBit(false);             // criticalExtensions: rrcSetup
    w.AppendBit(false);             // lateNonCriticalExtension absent
    w.AppendBit(false);             // nonCriticalExtension absent
    AppendRadioBearerConfig(w, rb); // radioBearerConfig
    AppendOctetString(w, EncodeMinimalCellGroupConfig(rb.srbsToAdd), "masterCellGroup");
    return w.Bytes();
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcReject(bool waitTimePresent, uint8_t waitTimeSeconds)
{
    if (waitTimePresent && (waitTimeSeconds < 1 || waitTimeSeconds > 16))
    {
        throw std::invalid_argument("waitTimeSeconds " + std::to_string(waitTimeSeconds)
                                    + " is out of range 1..16 (RejectWaitTime, TS 38.331 6.3.2)");
    }
    NrSecurityUperWriter w;
    w.AppendBit(false);              // DL-CCCH-MessageType: c1
    w.Append(DL_CCCH_RRC_REJECT, 2); // c1: rrcReject
    w.AppendBit(false);              // criticalExtensions: rrcReject
    w.AppendBit(waitTimePresent);    // waitTime
    w.AppendBit(false);              // lateNonCriticalExtension absent
    w.AppendBit(false);              // nonCriticalExtension absent
    if (waitTimePresent)
    {
        w.Append(waitTimeSeconds - 1U, 4);
    }
    return w.Bytes();
}

NrSecurityRrcDecoded
NrSecurityRrcMessage::DecodeDlCcch(const uint8_t* data, size_t bytes)
{
    Decoder d("DL-CCCH-Message", data, bytes);
    uint32_t c1 = 0;
    if (!d.CheckNotEmpty(data, bytes) || !d.Header(2, c1))
    {
        return d.Result();
    }
    std::vector<bool> p;
    NrSecurityRrcDecoded& r = d.Result();
    if (c1 == DL_CCCH_RRC_REJECT)
    {
        r.type = NrSecurityRrcDecoded::RRC_REJECT;
        if (!d.Body("rrcReject",
                    false,
                    {"waitTime", "lateNonCriticalExtension", "nonCriticalExtension"},
                    {true, false, false},
                    p))
        {
            return r;
        }
        r.waitTimePresent = p[0];
        uint32_t v = 0;
        if (p[0])
        {
            if (!d.Read(4, "waitTime", v))
            {
                return r;
            }
            r.waitTimeSeconds = static_cast<uint8_t>(v + 1);
        }
        d.Finish();
        return r;
    }
    if (c1 != DL_CCCH_RRC_SETUP)
    {
        d.Fail(std::string(kDlCcchC1Names[c1 & 3U]) + " is not supported (c1 index "
               + std::to_string(c1) + "; only rrcReject, 0, and rrcSetup, 1, are)");
        return r;
    }
    r.type = NrSecurityRrcDecoded::RRC_SETUP;
    if (!d.Body("rrcSetup",
                true,
                {"lateNonCriticalExtension", "nonCriticalExtension"},
                {false, false},
                p)
        || !ReadRadioBearerConfig(d, r.radioBearerConfig))
    {
        return r;
    }
    r.radioBearerConfigPresent = true;
    std::vector<uint8_t> cellGroup;
    if (!d.ReadOctetString("masterCellGroup", cellGroup)
        || !CheckMinimalCellGroupConfig(d, cellGroup, r.radioBearerConfig.srbsToAdd))
    {
        return r;
    }
    d.Finish();
    return r;
}

NrSecurityRrcDecoded
NrSecurityRrcMessage::DecodeUlCcch(const uint8_t* data, size_t bytes)
{
    Decoder d("UL-CCCH-Message", data, bytes);
    uint32_t c1 = 0;
    NrSecurityRrcDecoded& r = d.Result();
    if (!d.CheckNotEmpty(data, bytes) || !d.Header(2, c1))
    {
        return r;
    }
    if (c1 == UL_CCCH_RRC_RESUME_REQUEST || c1 == UL_CCCH_RRC_REESTABLISHMENT_REQUEST)
    {
        DecodeUlCcchRequestBody(d, c1 == UL_CCCH_RRC_REESTABLISHMENT_REQUEST);
        return r;
    }
    if (c1 != UL_CCCH_RRC_SETUP_REQUEST)
    {
        d.Fail(std::string(kUlCcchC1Names[c1 & 3U]) + " is not supported (c1 index "
               + std::to_string(c1) + "; rrcSetupRequest 0, rrcResumeRequest 1 and "
               + "rrcReestablishmentRequest 2 are)");
        return r;
    }
    r.type = NrSecurityRrcDecoded::RRC_SETUP_REQUEST;
    uint32_t choice = 0;
    uint32_t high = 0;
    uint32_t low = 0;
    uint32_t cause = 0;
    uint32_t spare = 0;
    if (!d.Read(1, "the ue-Identity choice", choice) || !d.Read(7, "ue-Identity", high)
        || !d.Read(32, "ue-Identity", low) || !d.Read(4, "establishmentCause", cause)
        || !d.Read(1, "spare", spare))
    {
        return r;
    }
    r.ueIdentityIsTmsiPart1 = choice == 0;
    r.ueIdentity = (static_cast<uint64_t>(high) << 32) | low;
    if (cause > MAX_CAUSE)
    {
        d.Fail("establishmentCause " + std::string(kCauseSpareNames[(cause - 10) % 6]) + " (index "
               + std::to_string(cause) + ") is not supported");
        return r;
    }
    r.establishmentCause = static_cast<uint8_t>(cause);
    if (spare != 0)
    {
        d.Fail("the spare bit is 1 (the UE sets it to 0, TS 38.331 6.2.2): not supported");
        return r;
    }
    d.Finish();
    return r;
}

} // namespace ns3
