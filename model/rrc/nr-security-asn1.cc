// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-asn1.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace ns3
{

void
NrSecurityUperWriter::Append(uint32_t value, uint32_t lengthBits)
{
    if (lengthBits > 32)
    {
        throw std::invalid_argument("NrSecurityUperWriter::Append: lengthBits "
                                    + std::to_string(lengthBits) + " is above 32");
    }
    if (lengthBits < 32 && (static_cast<uint64_t>(value) >> lengthBits) != 0)
    {
        throw std::invalid_argument("NrSecurityUperWriter::Append: value " + std::to_string(value)
                                    + " does not fit in lengthBits " + std::to_string(lengthBits));
    }
    for (uint32_t i = lengthBits; i > 0; --i)
    {
        AppendBit(((value >> (i - 1)) & 1U) != 0);
    }
}

void
NrSecurityUperWriter::AppendBit(bool bit)
{
    if (m_bitLength % 8 == 0)
    {
        m_bytes.push_back(0);
    }
    if (bit)
    {
        m_bytes.back() |= static_cast<uint8_t>(0x80U >> (m_bitLength % 8));
    }
    ++m_bitLength;
}

size_t
NrSecurityUperWriter::BitLength() const
{
    return m_bitLength;
}

std::vector<uint8_t>
NrSecurityUperWriter::Bytes() const
{
    // Bits beyond m_bitLength in the last byte were never set: they are the zero padding.
    return m_bytes;
}

NrSecurityUperReader::NrSecurityUperReader(const uint8_t* data, size_t bytes)
    : m_data(data)
    ,
    // A buffer of more than SIZE_MAX / 8 bytes cannot have its bit length in a size_t: the
    // reader then sees only its first SIZE_MAX / 8 bytes.
    m_bytes(data == nullptr ? 0 : std::min(bytes, std::numeric_limits<size_t>::max() / 8))
{
}

bool
NrSecurityUperReader::TryRead(uint32_t lengthBits, uint32_t& value)
{
    if (lengthBits > 32 || lengthBits > RemainingBits())
    {
        return false;
    }
    uint32_t v = 0;
    for (uint32_t i = 0; i < lengthBits; ++i)
    {
        size_t byte = m_position / 8;
        unsigned shift = 7U - static_cast<unsigned>(m_position % 8);
        v = (v << 1) | ((m_data[byte] >> shift) & 1U);
        ++m_position;
    }
    value = v;
    return true;
}

uint32_t
NrSecurityUperReader::Read(uint32_t lengthBits)
{
    if (lengthBits > 32)
    {
        throw std::invalid_argument("NrSecurityUperReader::Read: lengthBits "
                                    + std::to_string(lengthBits) + " is above 32");
    }
    uint32_t value = 0;
    if (!TryRead(lengthBits, value))
    {
        throw std::out_of_range("NrSecurityUperReader::Read: " + std::to_string(lengthBits)
                                + " bits wanted at bit " + std::to_string(m_position) + " but only "
                                + std::to_string(RemainingBits()) + " remain");
    }
    return value;
}

size_t
NrSecurityUperReader::Position() const
{
    return m_position;
}

size_t
NrSecurityUperReader::BitLength() const
{
    return m_bytes * 8;
}

size_t
NrSecurityUperReader::RemainingBits() const
{
    return BitLength() - m_position;
}

bool
NrSecurityUperReader::RemainingBitsAreZero() const
{
    size_t byte = m_position / 8;
    if (byte >= m_bytes)
    {
        return true;
    }
    // The unread low-order bits of the current byte, then every following byte.
    unsigned used = static_cast<unsigned>(m_position % 8);
    if ((m_data[byte] & (0xFFU >> used)) != 0)
    {
        return false;
    }
    for (++byte; byte < m_bytes; ++byte)
    {
        if (m_data[byte] != 0)
        {
            return false;
        }
    }
    return true;
}

} // namespace ns3
