// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Written from the TS 38.331 ASN.1 and ITU-T X.691 (UNALIGNED PER). Field widths:
 *  - CHOICE of n root alternatives, not extensible: constrained whole number 0..n-1 in
 *    ceil(log2 n) bits (X.691 23). DL-/UL-DCCH-MessageType: 2 alternatives, 1 bit; c1:
 *    16 alternatives, 4 bits; criticalExtensions: 2 alternatives, 1 bit.
 *  - SEQUENCE: 1 extension bit if extensible ("..."), then one presence bit per OPTIONAL
 *    component in textual order (X.691 19).
 *  - ENUMERATED with an extension marker and 8 root values: 1 extension bit, then the
 *    index in 3 bits (X.691 14).
 *  - INTEGER (0..3): constrained whole number in 2 bits (X.691 13, 11.5).
 */
#include "nr-security-rrc-message.h"

#include "nr-security-asn1.h"
#include "nr-security-rrc-codec.h"

#include <stdexcept>

namespace ns3
{

using namespace nrsecurityrrc;

namespace
{

/// Names of the spare root values 4..7 of CipheringAlgorithm / IntegrityProtAlgorithm.
const char* const kSpareAlgorithmNames[4] = {"spare4", "spare3", "spare2", "spare1"};

constexpr uint32_t DL_C1_SECURITY_MODE_COMMAND = 4;  ///< c1 index, TS 38.331 6.2.1
constexpr uint32_t UL_C1_SECURITY_MODE_COMPLETE = 5; ///< c1 index, TS 38.331 6.2.1
constexpr uint32_t UL_C1_SECURITY_MODE_FAILURE = 6;  ///< c1 index, TS 38.331 6.2.1

/**
 * An extensible ENUMERATED with 8 root values of which 4..7 are spare
 * (CipheringAlgorithm, IntegrityProtAlgorithm, TS 38.331 6.3.2; X.691 14).
 */
bool
Algorithm(Decoder& d, const char* field, uint32_t& index)
{
    uint32_t ext = 0;
    if (!d.Read(1, field, ext))
    {
        return false;
    }
    if (ext != 0)
    {
        return d.Fail(std::string(field)
                      + ": extension bit set (a value outside the root) is not supported");
    }
    if (!d.Read(3, field, index))
    {
        return false;
    }
    if (index > 3)
    {
        return d.Fail(std::string(field) + " " + kSpareAlgorithmNames[index - 4] + " (index "
                      + std::to_string(index) + ") is not supported");
    }
    return true;
}

/// The presence bits of SecurityModeCommand-IEs / -Complete-IEs / -Failure-IEs.
const std::vector<const char*> kLateAndNonCritical
    = {"lateNonCriticalExtension", "nonCriticalExtension"};

/**
 * The 10 bits of SecurityModeComplete and SecurityModeFailure (TS 38.331 6.2.2), which
 * differ only in the c1 index.
 * \param c1 the UL-DCCH-MessageType c1 index (5 or 6).
 * \param transactionId rrc-TransactionIdentifier, 0..3.
 * \return 2 bytes.
 * \throws std::invalid_argument naming transactionId if it is above 3.
 */
std::vector<uint8_t>
EncodeUl(uint32_t c1, uint8_t transactionId)
{
    CheckTransactionId(transactionId);
    NrSecurityUperWriter w;
    w.AppendBit(false);         // UL-DCCH-MessageType: c1
    w.Append(c1, 4);            // c1 index
    w.Append(transactionId, 2); // rrc-TransactionIdentifier
    w.AppendBit(false);         // criticalExtensions: the message's -IEs
    w.AppendBit(false);         // lateNonCriticalExtension absent
    w.AppendBit(false);         // nonCriticalExtension absent
    return w.Bytes();
}

} // namespace

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeSecurityModeCommand(uint8_t transactionId,
                                                NrSecurityCiphering nea,
                                                bool integrityPresent,
                                                NrSecurityIntegrity nia)
{
    CheckTransactionId(transactionId);
    uint32_t neaId = static_cast<uint32_t>(nea);
    uint32_t niaId = static_cast<uint32_t>(nia);
    if (neaId > 3)
    {
        throw std::invalid_argument("nea " + std::to_string(neaId)
                                    + " is not nea0..nea3 (CipheringAlgorithm, TS 38.331 6.3.2)");
    }
    if (integrityPresent && niaId > 3)
    {
        throw std::invalid_argument(
            "nia " + std::to_string(niaId)
            + " is not nia0..nia3 (IntegrityProtAlgorithm, TS 38.331 6.3.2)");
    }
    NrSecurityUperWriter w;
    w.AppendBit(false);                       // DL-DCCH-MessageType: c1
    w.Append(DL_C1_SECURITY_MODE_COMMAND, 4); // c1: securityModeCommand
    w.Append(transactionId, 2);               // rrc-TransactionIdentifier
    w.AppendBit(false);                       // criticalExtensions: securityModeCommand
    w.AppendBit(false);                       // lateNonCriticalExtension absent
    w.AppendBit(false);                       // nonCriticalExtension absent
    w.AppendBit(false);                       // SecurityConfigSMC: no extension additions
    w.AppendBit(false);                       // SecurityAlgorithmConfig: no extensions
    w.AppendBit(integrityPresent);            // integrityProtAlgorithm present
    w.AppendBit(false);                       // cipheringAlgorithm: root value
    w.Append(neaId, 3);                       // cipheringAlgorithm index
    if (integrityPresent)
    {
        w.AppendBit(false); // integrityProtAlgorithm: root value
        w.Append(niaId, 3); // integrityProtAlgorithm index
    }
    return w.Bytes();
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeSecurityModeComplete(uint8_t transactionId)
{
    return EncodeUl(UL_C1_SECURITY_MODE_COMPLETE, transactionId);
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeSecurityModeFailure(uint8_t transactionId)
{
    return EncodeUl(UL_C1_SECURITY_MODE_FAILURE, transactionId);
}

NrSecurityRrcDecoded
NrSecurityRrcMessage::DecodeDlDcch(const uint8_t* data, size_t bytes)
{
    Decoder d("DL-DCCH-Message", data, bytes);
    uint32_t c1 = 0;
    if (!d.CheckNotEmpty(data, bytes) || !d.Header(4, c1))
    {
        return d.Result();
    }
    if (c1 != DL_C1_SECURITY_MODE_COMMAND)
    {
        DecodeDlDcchBody(d, c1);
        return d.Result();
    }
    d.Result().type = NrSecurityRrcDecoded::SECURITY_MODE_COMMAND;
    std::vector<bool> present;
    if (!d.Body("securityModeCommand", true, kLateAndNonCritical, {false, false}, present))
    {
        return d.Result();
    }
    // SecurityConfigSMC ::= SEQUENCE { securityAlgorithmConfig, ... }
    // SecurityAlgorithmConfig ::= SEQUENCE { cipheringAlgorithm,
    //                                        integrityProtAlgorithm OPTIONAL, ... }
    if (!d.ReadZero("the SecurityConfigSMC extension bit",
                    "SecurityConfigSMC extension additions are not supported")
        || !d.ReadZero("the SecurityAlgorithmConfig extension bit",
                       "SecurityAlgorithmConfig extension additions are not supported"))
    {
        return d.Result();
    }
    uint32_t integrityPresent = 0;
    if (!d.Read(1, "the integrityProtAlgorithm presence bit", integrityPresent))
    {
        return d.Result();
    }
    uint32_t nea = 0;
    if (!Algorithm(d, "cipheringAlgorithm", nea))
    {
        return d.Result();
    }
    d.Result().nea = static_cast<NrSecurityCiphering>(nea);
    d.Result().integrityPresent = integrityPresent != 0;
    if (integrityPresent != 0)
    {
        uint32_t nia = 0;
        if (!Algorithm(d, "integrityProtAlgorithm", nia))
        {
            return d.Result();
        }
        d.Result().nia = static_cast<NrSecurityIntegrity>(nia);
    }
    d.Finish();
    return d.Result();
}

NrSecurityRrcDecoded
NrSecurityRrcMessage::DecodeUlDcch(const uint8_t* data, size_t bytes)
{
    Decoder d("UL-DCCH-Message", data, bytes);
    uint32_t c1 = 0;
    if (!d.CheckNotEmpty(data, bytes) || !d.Header(4, c1))
    {
        return d.Result();
    }
    if (c1 == UL_C1_SECURITY_MODE_COMPLETE)
    {
        d.Result().type = NrSecurityRrcDecoded::SECURITY_MODE_COMPLETE;
    }
    else if (c1 == UL_C1_SECURITY_MODE_FAILURE)
    {
        d.Result().type = NrSecurityRrcDecoded::SECURITY_MODE_FAILURE;
    }
    else
    {
        DecodeUlDcchBody(d, c1);
        return d.Result();
    }
    std::vector<bool> present;
    if (d.Body(Name(d.Result().type), true, kLateAndNonCritical, {false, false}, present))
    {
        d.Finish();
    }
    return d.Result();
}

std::vector<uint8_t>
NrSecurityRrcMessage::Reencode(const NrSecurityRrcDecoded& d)
{
    if (!d.ok)
    {
        throw std::invalid_argument("Reencode: the message was refused: " + d.error);
    }
    const uint8_t tid = d.transactionId;
    switch (d.type)
    {
        case NrSecurityRrcDecoded::SECURITY_MODE_COMMAND:
            return EncodeSecurityModeCommand(tid, d.nea, d.integrityPresent, d.nia);
        case NrSecurityRrcDecoded::SECURITY_MODE_COMPLETE:
            return EncodeSecurityModeComplete(tid);
        case NrSecurityRrcDecoded::SECURITY_MODE_FAILURE:
            return EncodeSecurityModeFailure(tid);
        case NrSecurityRrcDecoded::RRC_SETUP_REQUEST:
            return EncodeRrcSetupRequest(
                d.ueIdentityIsTmsiPart1, d.ueIdentity, d.establishmentCause);
        case NrSecurityRrcDecoded::RRC_SETUP:
            return EncodeRrcSetup(tid, d.radioBearerConfig);
        case NrSecurityRrcDecoded::RRC_REJECT:
            return EncodeRrcReject(d.waitTimePresent, d.waitTimeSeconds);
        case NrSecurityRrcDecoded::RRC_SETUP_COMPLETE:
            return EncodeRrcSetupComplete(tid, d.selectedPlmnIdentity, d.nasMessage);
        case NrSecurityRrcDecoded::UE_CAPABILITY_ENQUIRY:
            return EncodeUeCapabilityEnquiry(tid);
        case NrSecurityRrcDecoded::UE_CAPABILITY_INFORMATION:
            return EncodeUeCapabilityInformation(tid, d.supportedBandsNr);
        case NrSecurityRrcDecoded::RRC_RECONFIGURATION:
            return EncodeRrcReconfiguration(
                tid,
                d.radioBearerConfig,
                d.reconfigurationWithSyncPresent ? &d.reconfigurationWithSync : nullptr,
                d.masterKeyUpdatePresent ? &d.masterKeyUpdate : nullptr);
        case NrSecurityRrcDecoded::RRC_RECONFIGURATION_COMPLETE:
            return EncodeRrcReconfigurationComplete(tid);
        case NrSecurityRrcDecoded::DL_INFORMATION_TRANSFER:
            return EncodeDlInformationTransfer(tid, d.nasMessage);
        case NrSecurityRrcDecoded::UL_INFORMATION_TRANSFER:
            return EncodeUlInformationTransfer(d.nasMessage);
        case NrSecurityRrcDecoded::RRC_RELEASE:
            return d.suspendConfigPresent           ? EncodeRrcRelease(tid, d.suspendConfig)
                   : d.redirectedCarrierInfoPresent ? EncodeRrcRelease(tid, d.redirectedCarrierInfo)
                                                    : EncodeRrcRelease(tid);
        case NrSecurityRrcDecoded::MEASUREMENT_REPORT:
            return EncodeMeasurementReport(d.measResults);
        case NrSecurityRrcDecoded::RRC_REESTABLISHMENT_REQUEST:
            return EncodeRrcReestablishmentRequest(
                d.cRnti, d.physCellId, d.shortMacI, d.reestablishmentCause);
        case NrSecurityRrcDecoded::RRC_REESTABLISHMENT:
            return EncodeRrcReestablishment(tid, d.nextHopChainingCount);
        case NrSecurityRrcDecoded::RRC_REESTABLISHMENT_COMPLETE:
            return EncodeRrcReestablishmentComplete(tid);
        case NrSecurityRrcDecoded::RRC_RESUME_REQUEST:
            return EncodeRrcResumeRequest(d.resumeIdentity, d.resumeMacI, d.resumeCause);
        case NrSecurityRrcDecoded::RRC_RESUME:
            return EncodeRrcResume(tid,
                                   d.radioBearerConfigPresent ? &d.radioBearerConfig : nullptr);
        case NrSecurityRrcDecoded::RRC_RESUME_COMPLETE:
            return EncodeRrcResumeComplete(tid);
    }
    throw std::invalid_argument("Reencode: unknown message type " + std::to_string(d.type));
}

std::string
NrSecurityRrcMessage::Name(NrSecurityRrcDecoded::Type type)
{
    switch (type)
    {
        case NrSecurityRrcDecoded::SECURITY_MODE_COMMAND:
            return "securityModeCommand";
        case NrSecurityRrcDecoded::SECURITY_MODE_COMPLETE:
            return "securityModeComplete";
        case NrSecurityRrcDecoded::SECURITY_MODE_FAILURE:
            return "securityModeFailure";
        case NrSecurityRrcDecoded::RRC_SETUP_REQUEST:
            return "rrcSetupRequest";
        case NrSecurityRrcDecoded::RRC_SETUP:
            return "rrcSetup";
        case NrSecurityRrcDecoded::RRC_REJECT:
            return "rrcReject";
        case NrSecurityRrcDecoded::RRC_SETUP_COMPLETE:
            return "rrcSetupComplete";
        case NrSecurityRrcDecoded::UE_CAPABILITY_ENQUIRY:
            return "ueCapabilityEnquiry";
        case NrSecurityRrcDecoded::UE_CAPABILITY_INFORMATION:
            return "ueCapabilityInformation";
        case NrSecurityRrcDecoded::RRC_RECONFIGURATION:
            return "rrcReconfiguration";
        case NrSecurityRrcDecoded::RRC_RECONFIGURATION_COMPLETE:
            return "rrcReconfigurationComplete";
        case NrSecurityRrcDecoded::DL_INFORMATION_TRANSFER:
            return "dlInformationTransfer";
        case NrSecurityRrcDecoded::UL_INFORMATION_TRANSFER:
            return "ulInformationTransfer";
        case NrSecurityRrcDecoded::RRC_RELEASE:
            return "rrcRelease";
        case NrSecurityRrcDecoded::MEASUREMENT_REPORT:
            return "measurementReport";
        case NrSecurityRrcDecoded::RRC_REESTABLISHMENT_REQUEST:
            return "rrcReestablishmentRequest";
        case NrSecurityRrcDecoded::RRC_REESTABLISHMENT:
            return "rrcReestablishment";
        case NrSecurityRrcDecoded::RRC_REESTABLISHMENT_COMPLETE:
            return "rrcReestablishmentComplete";
        case NrSecurityRrcDecoded::RRC_RESUME_REQUEST:
            return "rrcResumeRequest";
        case NrSecurityRrcDecoded::RRC_RESUME:
            return "rrcResume";
        case NrSecurityRrcDecoded::RRC_RESUME_COMPLETE:
            return "rrcResumeComplete";
    }
    return "unknown";
}

} // namespace ns3
