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

#include <stdexcept>

namespace ns3
{

namespace
{

/// DL-DCCH-MessageType c1 alternatives in TS 38.331 6.2.1 order (index = 4-bit value).
const char* const kDlC1Names[16] = {"rrcReconfiguration",
                                    "rrcResume",
                                    "rrcRelease",
                                    "rrcReestablishment",
                                    "securityModeCommand",
                                    "dlInformationTransfer",
                                    "ueCapabilityEnquiry",
                                    "counterCheck",
                                    "mobilityFromNRCommand",
                                    "dlDedicatedMessageSegment-r16",
                                    "ueInformationRequest-r16",
                                    "dlInformationTransferMRDC-r16",
                                    "loggedMeasurementConfiguration-r16",
                                    "spare3",
                                    "spare2",
                                    "spare1"};

/// UL-DCCH-MessageType c1 alternatives in TS 38.331 6.2.1 order (index = 4-bit value).
const char* const kUlC1Names[16] = {"measurementReport",
                                    "rrcReconfigurationComplete",
                                    "rrcSetupComplete",
                                    "rrcReestablishmentComplete",
                                    "rrcResumeComplete",
                                    "securityModeComplete",
                                    "securityModeFailure",
                                    "ulInformationTransfer",
                                    "locationMeasurementIndication",
                                    "ueCapabilityInformation",
                                    "counterCheckResponse",
                                    "ueAssistanceInformation",
                                    "failureInformation",
                                    "ulInformationTransferMRDC",
                                    "scgFailureInformation",
                                    "scgFailureInformationEUTRA"};

/// Names of the spare root values 4..7 of CipheringAlgorithm / IntegrityProtAlgorithm.
const char* const kSpareAlgorithmNames[4] = {"spare4", "spare3", "spare2", "spare1"};

constexpr uint32_t DL_C1_SECURITY_MODE_COMMAND = 4;  ///< c1 index, TS 38.331 6.2.1
constexpr uint32_t UL_C1_SECURITY_MODE_COMPLETE = 5; ///< c1 index, TS 38.331 6.2.1
constexpr uint32_t UL_C1_SECURITY_MODE_FAILURE = 6;  ///< c1 index, TS 38.331 6.2.1

/**
 * Decoding state: a bit reader that turns a short read into a "truncated" error naming the
 * field, and the first error found.
 */
class Decoder
{
  public:
    Decoder(const char* pdu, const uint8_t* data, size_t bytes)
        : m_pdu(pdu)
        , m_reader(data, bytes)
        , m_bytes(data == nullptr ? 0 : bytes)
    {
    }

    /// Reads lengthBits bits of field into value; false (with the error set) if truncated.
    bool Read(uint32_t lengthBits, const char* field, uint32_t& value)
    {
        if (m_reader.TryRead(lengthBits, value))
        {
            return true;
        }
        Fail(std::string("truncated: the input ends at bit ") + std::to_string(m_reader.BitLength())
             + " while reading " + field + " (" + std::to_string(lengthBits) + " bits at bit "
             + std::to_string(m_reader.Position()) + ")");
        return false;
    }

    /// Records a refusal; returns false for convenience.
    bool Fail(const std::string& why)
    {
        m_result.ok = false;
        m_result.error = std::string(m_pdu) + ": " + why;
        return false;
    }

    /**
     * The end of the message: the rest of the input must be the zero padding of the last
     * octet only (X.691 11.1; strict, see the class documentation).
     */
    bool Finish()
    {
        size_t used = m_reader.Position();
        size_t expectedBytes = (used + 7) / 8;
        if (m_bytes > expectedBytes)
        {
            return Fail(std::to_string(m_bytes - expectedBytes) + " trailing byte(s) after the "
                        + std::to_string(used) + "-bit encoding (expected "
                        + std::to_string(expectedBytes) + " bytes) are not supported");
        }
        if (!m_reader.RemainingBitsAreZero())
        {
            return Fail("non-zero padding bits after the " + std::to_string(used)
                        + "-bit encoding (padding bits are 0, X.691 11.1)");
        }
        m_result.ok = true;
        m_result.error.clear();
        return true;
    }

    /// Empty or null input is refused before anything is read.
    bool CheckNotEmpty(const uint8_t* data, size_t bytes)
    {
        if (data == nullptr && bytes != 0)
        {
            return Fail("null data pointer with a non-zero size");
        }
        if (bytes == 0)
        {
            return Fail("empty input (a complete encoding is at least one octet, X.691 11.1)");
        }
        return true;
    }

    /**
     * The start common to DL-DCCH-Message and UL-DCCH-Message, TS 38.331 6.2.1: the
     * MessageType choice and the c1 index.
     * \param c1 receives the c1 index.
     */
    bool Header(uint32_t& c1)
    {
        uint32_t bit = 0;
        if (!Read(1, "the MessageType choice (c1 / messageClassExtension)", bit))
        {
            return false;
        }
        if (bit != 0)
        {
            return Fail("messageClassExtension is not supported (only c1 is, TS 38.331 6.2.1)");
        }
        if (!Read(4, "the c1 choice index", c1))
        {
            return false;
        }
        return true;
    }

    /**
     * After the c1 index: rrc-TransactionIdentifier, criticalExtensions, and the two
     * presence bits of the -IEs sequence (TS 38.331 6.2.2).
     * \param message the ASN.1 name of the message, for errors.
     */
    bool Body(const std::string& message)
    {
        uint32_t v = 0;
        if (!Read(2, "rrc-TransactionIdentifier", v))
        {
            return false;
        }
        m_result.transactionId = static_cast<uint8_t>(v);
        if (!Read(1, "the criticalExtensions choice", v))
        {
            return false;
        }
        if (v != 0)
        {
            return Fail(message + ": criticalExtensionsFuture is not supported (TS 38.331 6.2.2)");
        }
        uint32_t presence = 0;
        if (!Read(2, "the optional-component presence bits of the -IEs", presence))
        {
            return false;
        }
        if ((presence & 2U) != 0)
        {
            return Fail(message + ": lateNonCriticalExtension is present: not supported");
        }
        if ((presence & 1U) != 0)
        {
            return Fail(message + ": nonCriticalExtension is present: not supported");
        }
        return true;
    }

    /**
     * An extensible ENUMERATED with 8 root values of which 4..7 are spare
     * (CipheringAlgorithm, IntegrityProtAlgorithm, TS 38.331 6.3.2; X.691 14).
     */
    bool Algorithm(const char* field, uint32_t& index)
    {
        uint32_t ext = 0;
        if (!Read(1, field, ext))
        {
            return false;
        }
        if (ext != 0)
        {
            return Fail(std::string(field)
                        + ": extension bit set (a value outside the root) is not supported");
        }
        if (!Read(3, field, index))
        {
            return false;
        }
        if (index > 3)
        {
            return Fail(std::string(field) + " " + kSpareAlgorithmNames[index - 4] + " (index "
                        + std::to_string(index) + ") is not supported");
        }
        return true;
    }

    NrSecurityRrcDecoded& Result()
    {
        return m_result;
    }

  private:
    const char* m_pdu;               ///< "DL-DCCH-Message" or "UL-DCCH-Message"
    NrSecurityUperReader m_reader;   ///< the bits
    size_t m_bytes;                  ///< the input size in bytes
    NrSecurityRrcDecoded m_result{}; ///< what has been decoded so far
};

/**
 * Checks an rrc-TransactionIdentifier, INTEGER (0..3) (TS 38.331 6.3.2).
 * \param transactionId the value.
 * \throws std::invalid_argument naming transactionId if it is above 3.
 */
void
CheckTransactionId(uint8_t transactionId)
{
    if (transactionId > 3)
    {
        throw std::invalid_argument(
            "transactionId " + std::to_string(transactionId)
            + " is out of range 0..3 (RRC-TransactionIdentifier, TS 38.331 6.3.2)");
    }
}

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
    if (!d.CheckNotEmpty(data, bytes) || !d.Header(c1))
    {
        return d.Result();
    }
    if (c1 != DL_C1_SECURITY_MODE_COMMAND)
    {
        d.Fail(std::string(kDlC1Names[c1]) + " is not supported (c1 index " + std::to_string(c1)
               + "; only securityModeCommand, index 4, is)");
        return d.Result();
    }
    d.Result().type = NrSecurityRrcDecoded::SECURITY_MODE_COMMAND;
    if (!d.Body("securityModeCommand"))
    {
        return d.Result();
    }
    // SecurityConfigSMC ::= SEQUENCE { securityAlgorithmConfig, ... }
    // SecurityAlgorithmConfig ::= SEQUENCE { cipheringAlgorithm,
    //                                        integrityProtAlgorithm OPTIONAL, ... }
    uint32_t v = 0;
    if (!d.Read(1, "the SecurityConfigSMC extension bit", v))
    {
        return d.Result();
    }
    if (v != 0)
    {
        d.Fail("SecurityConfigSMC extension additions are not supported");
        return d.Result();
    }
    if (!d.Read(1, "the SecurityAlgorithmConfig extension bit", v))
    {
        return d.Result();
    }
    if (v != 0)
    {
        d.Fail("SecurityAlgorithmConfig extension additions are not supported");
        return d.Result();
    }
    uint32_t integrityPresent = 0;
    if (!d.Read(1, "the integrityProtAlgorithm presence bit", integrityPresent))
    {
        return d.Result();
    }
    uint32_t nea = 0;
    if (!d.Algorithm("cipheringAlgorithm", nea))
    {
        return d.Result();
    }
    d.Result().nea = static_cast<NrSecurityCiphering>(nea);
    d.Result().integrityPresent = integrityPresent != 0;
    if (integrityPresent != 0)
    {
        uint32_t nia = 0;
        if (!d.Algorithm("integrityProtAlgorithm", nia))
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
    if (!d.CheckNotEmpty(data, bytes) || !d.Header(c1))
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
        d.Fail(std::string(kUlC1Names[c1]) + " is not supported (c1 index " + std::to_string(c1)
               + "; only securityModeComplete, index 5, and securityModeFailure, index 6, are)");
        return d.Result();
    }
    if (!d.Body(Name(d.Result().type)))
    {
        return d.Result();
    }
    d.Finish();
    return d.Result();
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
    }
    return "unknown";
}

} // namespace ns3
