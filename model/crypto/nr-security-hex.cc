// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-hex.h"

#include <stdexcept>

namespace ns3
{

namespace
{

int
Digit(char c)
{
    if (c >= '0' && c <= '9')
    {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f')
    {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F')
    {
        return c - 'A' + 10;
    }
    return -1;
}

} // namespace

std::string
NrSecurityToHex(const uint8_t* data, size_t bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(2 * bytes);
    for (size_t i = 0; i < bytes; ++i)
    {
        out.push_back(digits[data[i] >> 4]);
        out.push_back(digits[data[i] & 0x0f]);
    }
    return out;
}

std::string
NrSecurityToHex32(uint32_t value)
{
    const uint8_t b[4] = {static_cast<uint8_t>(value >> 24),
                          static_cast<uint8_t>(value >> 16),
                          static_cast<uint8_t>(value >> 8),
                          static_cast<uint8_t>(value)};
    return NrSecurityToHex(b, 4);
}

std::vector<uint8_t>
NrSecurityFromHex(const std::string& hex)
{
    if (hex.size() % 2 != 0)
    {
        throw std::invalid_argument("hex: odd number of digits in '" + hex + "'");
    }
    std::vector<uint8_t> out(hex.size() / 2);
    for (size_t i = 0; i < out.size(); ++i)
    {
        int hi = Digit(hex[2 * i]);
        int lo = Digit(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
        {
            throw std::invalid_argument("hex: '" + hex
                                        + "' has a character that is not a hex digit");
        }
        out[i] = static_cast<uint8_t>(hi << 4 | lo);
    }
    return out;
}

} // namespace ns3
