// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The strict UPER decoding state and the recurring X.691 UNALIGNED encodings of the RRC
 * codec (written from ITU-T X.691 and the TS 38.331 ASN.1).
 */
#include "nr-security-rrc-codec.h"

#include <stdexcept>

namespace ns3
{
namespace nrsecurityrrc
{

const char* const kDlDcchC1Names[16] = {"rrcReconfiguration",
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

const char* const kUlDcchC1Names[16] = {"measurementReport",
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

Decoder::Decoder(const std::string& pdu, const uint8_t* data, size_t bytes)
    : m_pdu(pdu)
    , m_reader(data, bytes)
    , m_bytes(data == nullptr ? 0 : bytes)
{
}

bool
Decoder::Read(uint32_t lengthBits, const std::string& field, uint32_t& value)
{
    if (m_reader.TryRead(lengthBits, value))
    {
        return true;
    }
    return Fail("truncated: the input ends at bit " + std::to_string(m_reader.BitLength())
                + " while reading " + field + " (" + std::to_string(lengthBits) + " bits at bit "
                + std::to_string(m_reader.Position()) + ")");
}

bool
Decoder::ReadZero(const std::string& field, const std::string& whyRefused)
{
    uint32_t bit = 0;
    if (!Read(1, field, bit))
    {
        return false;
    }
    return bit == 0 || Fail(whyRefused);
}

bool
Decoder::Presence(const std::vector<const char*>& names,
                  const std::vector<bool>& allowed,
                  const std::string& context,
                  std::vector<bool>& present)
{
    present.assign(names.size(), false);
    for (size_t i = 0; i < names.size(); ++i)
    {
        uint32_t bit = 0;
        if (!Read(1, context + " presence bit of " + names[i], bit))
        {
            return false;
        }
        present[i] = bit != 0;
        if (present[i] && !(i < allowed.size() && allowed[i]))
        {
            return Fail(context + ": " + names[i] + " is present: not supported");
        }
    }
    return true;
}

bool
Decoder::ReadConstrained(uint32_t lb, uint32_t ub, const std::string& field, uint32_t& value)
{
    uint64_t range = static_cast<uint64_t>(ub) - lb + 1;
    uint32_t bits = 0;
    while ((1ULL << bits) < range)
    {
        ++bits;
    }
    uint32_t offset = 0;
    if (!Read(bits, field, offset))
    {
        return false;
    }
    if (offset > ub - lb)
    {
        return Fail(field + " " + std::to_string(static_cast<uint64_t>(lb) + offset)
                    + " is out of range " + std::to_string(lb) + ".." + std::to_string(ub));
    }
    value = lb + offset;
    return true;
}

bool
Decoder::ReadOctetString(const std::string& field, std::vector<uint8_t>& octets)
{
    uint32_t first = 0;
    if (!Read(1, field + " length determinant", first))
    {
        return false;
    }
    uint32_t length = 0;
    if (first == 0)
    {
        if (!Read(7, field + " length determinant", length))
        {
            return false;
        }
    }
    else
    {
        uint32_t second = 0;
        if (!Read(1, field + " length determinant", second))
        {
            return false;
        }
        if (second != 0)
        {
            return Fail(field
                        + ": a fragmented length (16K octets or more, X.691 11.9.3.8) "
                          "is not supported");
        }
        if (!Read(14, field + " length determinant", length))
        {
            return false;
        }
        if (length < 128)
        {
            return Fail(field + ": a 2-octet length determinant for " + std::to_string(length)
                        + " octets is not the X.691 11.9.3.7 encoding (1 octet below 128)");
        }
    }
    if (static_cast<size_t>(length) * 8 > m_reader.RemainingBits())
    {
        return Fail("truncated: " + field + " says " + std::to_string(length) + " octets but only "
                    + std::to_string(m_reader.RemainingBits()) + " bits remain at bit "
                    + std::to_string(m_reader.Position()));
    }
    octets.clear();
    octets.reserve(length);
    for (uint32_t i = 0; i < length; ++i)
    {
        uint32_t v = 0;
        if (!Read(8, field, v))
        {
            return false;
        }
        octets.push_back(static_cast<uint8_t>(v));
    }
    return true;
}

bool
Decoder::Fail(const std::string& why)
{
    m_result.ok = false;
    m_result.error = m_pdu + ": " + why;
    return false;
}

bool
Decoder::CheckNotEmpty(const uint8_t* data, size_t bytes)
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

bool
Decoder::Finish()
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

bool
Decoder::Header(uint32_t c1Bits, uint32_t& c1)
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
    return Read(c1Bits, "the c1 choice index", c1);
}

bool
Decoder::Body(const std::string& message,
              bool withTransactionId,
              const std::vector<const char*>& names,
              const std::vector<bool>& allowed,
              std::vector<bool>& present)
{
    uint32_t v = 0;
    if (withTransactionId)
    {
        if (!Read(2, "rrc-TransactionIdentifier", v))
        {
            return false;
        }
        m_result.transactionId = static_cast<uint8_t>(v);
    }
    if (!Read(1, "the criticalExtensions choice", v))
    {
        return false;
    }
    if (v != 0)
    {
        return Fail(message + ": criticalExtensionsFuture is not supported (TS 38.331 6.2.2)");
    }
    return Presence(names, allowed, message, present);
}

NrSecurityRrcDecoded&
Decoder::Result()
{
    return m_result;
}

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

NrSecurityUperWriter
StartDcchMessage(uint32_t c1, bool withTransactionId, uint8_t transactionId)
{
    if (withTransactionId)
    {
        CheckTransactionId(transactionId);
    }
    NrSecurityUperWriter w;
    w.AppendBit(false); // MessageType: c1
    w.Append(c1, 4);    // c1 index
    if (withTransactionId)
    {
        w.Append(transactionId, 2);
    }
    w.AppendBit(false); // criticalExtensions: the message's -IEs
    return w;
}

void
AppendOctetString(NrSecurityUperWriter& w,
                  const std::vector<uint8_t>& octets,
                  const std::string& field)
{
    size_t n = octets.size();
    if (n > MAX_OCTET_STRING)
    {
        throw std::invalid_argument(field + " has " + std::to_string(n) + " octets; at most "
                                    + std::to_string(MAX_OCTET_STRING)
                                    + " are supported (X.691 11.9.3.8 fragmentation is not)");
    }
    if (n < 128)
    {
        w.AppendBit(false);
        w.Append(static_cast<uint32_t>(n), 7);
    }
    else
    {
        w.Append(2, 2); // 10
        w.Append(static_cast<uint32_t>(n), 14);
    }
    for (uint8_t b : octets)
    {
        w.Append(b, 8);
    }
}

} // namespace nrsecurityrrc
} // namespace ns3
