// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The DCCH (SRB1/SRB2) messages of connection setup, reconfiguration, NAS transfer and
 * release, TS 38.331 6.2.2 under ITU-T X.691 UNALIGNED, written from the TS 38.331 ASN.1.
 * Each is a c1 alternative of DL-DCCH-MessageType / UL-DCCH-MessageType (TS 38.331 6.2.1):
 *
 * RRCReconfiguration (DL c1 0) ::= SEQUENCE { rrc-TransactionIdentifier, criticalExtensions
 *   CHOICE { rrcReconfiguration RRCReconfiguration-IEs, criticalExtensionsFuture } }
 * RRCReconfiguration-IEs ::= SEQUENCE { radioBearerConfig OPTIONAL, secondaryCellGroup
 *   OPTIONAL, measConfig OPTIONAL, lateNonCriticalExtension OPTIONAL, nonCriticalExtension
 *   OPTIONAL }
 * RRCRelease (DL c1 2): RRCRelease-IEs ::= SEQUENCE { redirectedCarrierInfo OPTIONAL,
 *   cellReselectionPriorities OPTIONAL, suspendConfig OPTIONAL, deprioritisationReq
 *   OPTIONAL, lateNonCriticalExtension OPTIONAL, nonCriticalExtension OPTIONAL }
 * RedirectedCarrierInfo ::= CHOICE { nr CarrierInfoNR, eutra RedirectedCarrierInfo-EUTRA, ... }
 * CarrierInfoNR ::= SEQUENCE { carrierFreq ARFCN-ValueNR (INTEGER (0..3279165): 22 bits),
 *   ssbSubcarrierSpacing SubcarrierSpacing (ENUMERATED {kHz15, kHz30, kHz60, kHz120, kHz240,
 *   kHz480-v1700, kHz960-v1700, spare1}: 3 bits), smtc SSB-MTC OPTIONAL, ... }
 * DLInformationTransfer (DL c1 5): DLInformationTransfer-IEs ::= SEQUENCE {
 *   dedicatedNAS-Message OCTET STRING OPTIONAL, lateNonCriticalExtension OPTIONAL,
 *   nonCriticalExtension OPTIONAL }
 * RRCReconfigurationComplete (UL c1 1): -IEs ::= SEQUENCE { lateNonCriticalExtension
 *   OPTIONAL, nonCriticalExtension OPTIONAL }
 * RRCSetupComplete (UL c1 2): RRCSetupComplete-IEs ::= SEQUENCE { selectedPLMN-Identity
 *   INTEGER (1..maxPLMN = 12), registeredAMF OPTIONAL, guami-Type OPTIONAL, s-NSSAI-List
 *   OPTIONAL, dedicatedNAS-Message, ng-5G-S-TMSI-Value OPTIONAL, lateNonCriticalExtension
 *   OPTIONAL, nonCriticalExtension OPTIONAL }
 * ULInformationTransfer (UL c1 7) ::= SEQUENCE { criticalExtensions CHOICE {
 *   ulInformationTransfer ULInformationTransfer-IEs, criticalExtensionsFuture } } (no
 *   transaction identifier); -IEs as DLInformationTransfer-IEs.
 */
#include "nr-security-rrc-codec.h"

#include <stdexcept>

namespace ns3
{

using namespace nrsecurityrrc;

namespace
{

constexpr uint32_t DL_RRC_RECONFIGURATION = 0;
constexpr uint32_t DL_RRC_RESUME = 1;
constexpr uint32_t DL_RRC_RELEASE = 2;
constexpr uint32_t DL_RRC_REESTABLISHMENT = 3;
constexpr uint32_t DL_DL_INFORMATION_TRANSFER = 5;
constexpr uint32_t DL_UE_CAPABILITY_ENQUIRY = 6;
constexpr uint32_t UL_MEASUREMENT_REPORT = 0;
constexpr uint32_t UL_RRC_RECONFIGURATION_COMPLETE = 1;
constexpr uint32_t UL_RRC_SETUP_COMPLETE = 2;
constexpr uint32_t UL_RRC_REESTABLISHMENT_COMPLETE = 3;
constexpr uint32_t UL_RRC_RESUME_COMPLETE = 4;
constexpr uint32_t UL_UL_INFORMATION_TRANSFER = 7;
constexpr uint32_t UL_UE_CAPABILITY_INFORMATION = 9;
constexpr uint32_t MAX_ARFCN_NR = 3279165; ///< ARFCN-ValueNR ::= INTEGER (0..maxNARFCN)
/// SubcarrierSpacing ::= ENUMERATED {kHz15, kHz30, kHz60, kHz120, kHz240, ...} in kHz
const uint16_t kSubcarrierSpacingKhz[5] = {15, 30, 60, 120, 240};

/// DLInformationTransfer / ULInformationTransfer: an empty NAS message omits the field.
std::vector<uint8_t>
EncodeInformationTransfer(uint32_t c1,
                          bool withTransactionId,
                          uint8_t transactionId,
                          const std::vector<uint8_t>& nas)
{
    NrSecurityUperWriter w = StartDcchMessage(c1, withTransactionId, transactionId);
    w.AppendBit(!nas.empty()); // dedicatedNAS-Message
    w.AppendBit(false);        // lateNonCriticalExtension
    w.AppendBit(false);        // nonCriticalExtension
    if (!nas.empty())
    {
        AppendOctetString(w, nas, "nas");
    }
    return w.Bytes();
}

bool
DecodeInformationTransfer(Decoder& d, const std::string& name, bool withTransactionId)
{
    std::vector<bool> p;
    NrSecurityRrcDecoded& r = d.Result();
    if (!d.Body(name,
                withTransactionId,
                {"dedicatedNAS-Message", "lateNonCriticalExtension", "nonCriticalExtension"},
                {true, false, false},
                p))
    {
        return false;
    }
    r.nasPresent = p[0];
    if (p[0])
    {
        if (!d.ReadOctetString("dedicatedNAS-Message", r.nasMessage))
        {
            return false;
        }
        if (r.nasMessage.empty())
        {
            return d.Fail(name
                          + ": an empty dedicatedNAS-Message is not supported (we omit "
                            "the field)");
        }
    }
    return d.Finish();
}

} // namespace

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcSetupComplete(uint8_t transactionId,
                                             uint8_t selectedPlmn,
                                             const std::vector<uint8_t>& nas)
{
    if (selectedPlmn < 1 || selectedPlmn > 12)
    {
        throw std::invalid_argument("selectedPlmn " + std::to_string(selectedPlmn)
                                    + " is out of range 1..12 (selectedPLMN-Identity, maxPLMN)");
    }
    NrSecurityUperWriter w = StartDcchMessage(UL_RRC_SETUP_COMPLETE, true, transactionId);
    // registeredAMF, guami-Type, s-NSSAI-List, ng-5G-S-TMSI-Value, lateNonCriticalExtension,
    // nonCriticalExtension: all absent
    w.Append(0, 6);
    w.Append(selectedPlmn - 1U, 4);
    AppendOctetString(w, nas, "nas");
    return w.Bytes();
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcReconfiguration(uint8_t transactionId,
                                               const NrSecurityRadioBearerConfig& rb)
{
    return EncodeRrcReconfiguration(transactionId, rb, nullptr, nullptr);
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcReconfigurationComplete(uint8_t transactionId)
{
    NrSecurityUperWriter w = StartDcchMessage(UL_RRC_RECONFIGURATION_COMPLETE, true, transactionId);
    w.Append(0, 2); // lateNonCriticalExtension, nonCriticalExtension absent
    return w.Bytes();
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeDlInformationTransfer(uint8_t transactionId,
                                                  const std::vector<uint8_t>& nas)
{
    return EncodeInformationTransfer(DL_DL_INFORMATION_TRANSFER, true, transactionId, nas);
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeUlInformationTransfer(const std::vector<uint8_t>& nas)
{
    return EncodeInformationTransfer(UL_UL_INFORMATION_TRANSFER, false, 0, nas);
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcRelease(uint8_t transactionId)
{
    NrSecurityUperWriter w = StartDcchMessage(DL_RRC_RELEASE, true, transactionId);
    w.Append(0, 6); // every OPTIONAL component of RRCRelease-IEs absent
    return w.Bytes();
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcRelease(uint8_t transactionId,
                                       const NrSecurityRedirectedCarrierInfo& redirect)
{
    if (redirect.carrierFreq > MAX_ARFCN_NR)
    {
        throw std::invalid_argument("carrierFreq " + std::to_string(redirect.carrierFreq)
                                    + " is out of range 0..3279165 (ARFCN-ValueNR, TS 38.331 "
                                      "6.3.2)");
    }
    int scs = -1;
    for (int i = 0; i < 5; ++i)
    {
        scs = kSubcarrierSpacingKhz[i] == redirect.ssbSubcarrierSpacingKhz ? i : scs;
    }
    if (scs < 0)
    {
        throw std::invalid_argument("ssbSubcarrierSpacingKhz "
                                    + std::to_string(redirect.ssbSubcarrierSpacingKhz)
                                    + " is not a SubcarrierSpacing (15, 30, 60, 120, 240 kHz)");
    }
    NrSecurityUperWriter w = StartDcchMessage(DL_RRC_RELEASE, true, transactionId);
    w.AppendBit(true);  // redirectedCarrierInfo
    w.Append(0, 5);     // the other OPTIONAL components of RRCRelease-IEs absent
    w.AppendBit(false); // RedirectedCarrierInfo: a root alternative
    w.AppendBit(false); // nr
    w.AppendBit(false); // CarrierInfoNR: no extension additions
    w.AppendBit(false); // smtc absent
    w.Append(redirect.carrierFreq, 22);
    w.Append(static_cast<uint32_t>(scs), 3);
    return w.Bytes();
}

namespace nrsecurityrrc
{

bool
ReadRedirectedCarrierInfo(Decoder& d, NrSecurityRedirectedCarrierInfo& redirect)
{
    std::vector<bool> q;
    uint32_t v = 0;
    if (!d.ReadZero("the RedirectedCarrierInfo extension bit",
                    "RedirectedCarrierInfo extension alternatives are not supported")
        || !d.ReadZero("the RedirectedCarrierInfo choice",
                       "redirectedCarrierInfo eutra is not supported")
        || !d.ReadZero("the CarrierInfoNR extension bit",
                       "CarrierInfoNR extension additions are not supported")
        || !d.Presence({"smtc"}, {false}, "CarrierInfoNR", q)
        || !d.ReadConstrained(0, MAX_ARFCN_NR, "carrierFreq", v))
    {
        return false;
    }
    redirect.carrierFreq = v;
    if (!d.Read(3, "ssbSubcarrierSpacing", v))
    {
        return false;
    }
    if (v > 4)
    {
        return d.Fail("ssbSubcarrierSpacing index " + std::to_string(v)
                      + " (kHz480, kHz960 or spare) is not supported");
    }
    redirect.ssbSubcarrierSpacingKhz = kSubcarrierSpacingKhz[v];
    return true;
}

bool
DecodeDlDcchBody(Decoder& d, uint32_t c1)
{
    NrSecurityRrcDecoded& r = d.Result();
    std::vector<bool> p;
    switch (c1)
    {
        case DL_RRC_RECONFIGURATION:
            r.type = NrSecurityRrcDecoded::RRC_RECONFIGURATION;
            return DecodeRrcReconfigurationBody(d);
        case DL_RRC_RESUME:
            r.type = NrSecurityRrcDecoded::RRC_RESUME;
            return DecodeRrcResumeBody(d);
        case DL_RRC_RELEASE:
            r.type = NrSecurityRrcDecoded::RRC_RELEASE;
            return DecodeRrcReleaseBody(d);
        case DL_RRC_REESTABLISHMENT:
            r.type = NrSecurityRrcDecoded::RRC_REESTABLISHMENT;
            return DecodeRrcReestablishmentBody(d);
        case DL_DL_INFORMATION_TRANSFER:
            r.type = NrSecurityRrcDecoded::DL_INFORMATION_TRANSFER;
            return DecodeInformationTransfer(d, "dlInformationTransfer", true);
        case DL_UE_CAPABILITY_ENQUIRY:
            r.type = NrSecurityRrcDecoded::UE_CAPABILITY_ENQUIRY;
            return DecodeUeCapabilityEnquiryBody(d);
        default:
            return d.Fail(std::string(kDlDcchC1Names[c1 & 15U]) + " is not supported (c1 index "
                          + std::to_string(c1) + ")");
    }
}

bool
DecodeUlDcchBody(Decoder& d, uint32_t c1)
{
    NrSecurityRrcDecoded& r = d.Result();
    std::vector<bool> p;
    uint32_t v = 0;
    switch (c1)
    {
        case UL_MEASUREMENT_REPORT:
            r.type = NrSecurityRrcDecoded::MEASUREMENT_REPORT;
            return DecodeMeasurementReportBody(d);
        case UL_RRC_REESTABLISHMENT_COMPLETE:
            r.type = NrSecurityRrcDecoded::RRC_REESTABLISHMENT_COMPLETE;
            return d.Body("rrcReestablishmentComplete",
                          true,
                          {"lateNonCriticalExtension", "nonCriticalExtension"},
                          {false, false},
                          p)
                   && d.Finish();
        case UL_RRC_RESUME_COMPLETE:
            r.type = NrSecurityRrcDecoded::RRC_RESUME_COMPLETE;
            return d.Body("rrcResumeComplete",
                          true,
                          {"dedicatedNAS-Message",
                           "selectedPLMN-Identity",
                           "uplinkTxDirectCurrentList",
                           "lateNonCriticalExtension",
                           "nonCriticalExtension"},
                          {false, false, false, false, false},
                          p)
                   && d.Finish();
        case UL_RRC_RECONFIGURATION_COMPLETE:
            r.type = NrSecurityRrcDecoded::RRC_RECONFIGURATION_COMPLETE;
            return d.Body("rrcReconfigurationComplete",
                          true,
                          {"lateNonCriticalExtension", "nonCriticalExtension"},
                          {false, false},
                          p)
                   && d.Finish();
        case UL_RRC_SETUP_COMPLETE:
            r.type = NrSecurityRrcDecoded::RRC_SETUP_COMPLETE;
            if (!d.Body("rrcSetupComplete",
                        true,
                        {"registeredAMF",
                         "guami-Type",
                         "s-NSSAI-List",
                         "ng-5G-S-TMSI-Value",
                         "lateNonCriticalExtension",
                         "nonCriticalExtension"},
                        {false, false, false, false, false, false},
                        p)
                || !d.ReadConstrained(1, 12, "selectedPLMN-Identity", v))
            {
                return false;
            }
            r.selectedPlmnIdentity = static_cast<uint8_t>(v);
            r.nasPresent = true;
            return d.ReadOctetString("dedicatedNAS-Message", r.nasMessage) && d.Finish();
        case UL_UL_INFORMATION_TRANSFER:
            r.type = NrSecurityRrcDecoded::UL_INFORMATION_TRANSFER;
            return DecodeInformationTransfer(d, "ulInformationTransfer", false);
        case UL_UE_CAPABILITY_INFORMATION:
            r.type = NrSecurityRrcDecoded::UE_CAPABILITY_INFORMATION;
            return DecodeUeCapabilityInformationBody(d);
        default:
            return d.Fail(std::string(kUlDcchC1Names[c1 & 15U]) + " is not supported (c1 index "
                          + std::to_string(c1) + ")");
    }
}

} // namespace nrsecurityrrc
} // namespace ns3
