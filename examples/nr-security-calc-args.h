// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The number and hex parsing of nr-security-calc's options, header-only so that the calculator
 * and its fuzz target (fuzz/nr-security-fuzz-calc-parse.cc) compile the same code without an
 * extra source file in the build lists.
 */
#ifndef NR_SECURITY_CALC_ARGS_H
#define NR_SECURITY_CALC_ARGS_H

#include "ns3/nr-security-hex.h"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace nrsecuritycalc
{

/**
 * \brief Bad command-line input: nr-security-calc reports it on one line and exits with 2.
 *        The message starts with the option ("--count: ...").
 */
struct UsageError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

/**
 * \brief Parses an option's number: decimal digits, or 0x / 0X and hex digits (either case).
 *        No sign, no spaces, no other prefix.
 * \param option the option name without "--", for the error message
 * \param text the option's value
 * \param max the largest value allowed
 * \return the value, 0..max
 * \throws UsageError "--OPTION: 'TEXT' is not a decimal or 0x-hex number", "--OPTION: TEXT is
 *         out of range" (beyond 64 bits) or "--OPTION: TEXT is larger than MAX"
 */
inline uint64_t
ParseNumber(const std::string& option, const std::string& text, uint64_t max)
{
    bool hex = text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
    std::string digits = hex ? text.substr(2) : text;
    if (digits.empty()
        || digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789")
               != std::string::npos)
    {
        throw UsageError("--" + option + ": '" + text + "' is not a decimal or 0x-hex number");
    }
    uint64_t value = 0;
    try
    {
        value = std::stoull(digits, nullptr, hex ? 16 : 10);
    }
    catch (const std::out_of_range&)
    {
        throw UsageError("--" + option + ": " + text + " is out of range");
    }
    if (value > max)
    {
        throw UsageError("--" + option + ": " + text + " is larger than " + std::to_string(max));
    }
    return value;
}

/**
 * \brief Parses an option's bytes: an even number of hex digits (either case), optionally
 *        after 0x / 0X; the empty string is zero bytes.
 * \param option the option name without "--", for the error message
 * \param text the option's value
 * \param expectedBytes the exact length wanted in bytes, or 0 for any length
 * \return the bytes, first byte first
 * \throws UsageError "--OPTION: 'TEXT' is not hex (...)" or "--OPTION: expected N hex digits
 *         (B bits), got M"
 */
inline std::vector<uint8_t>
ParseHex(const std::string& option, const std::string& text, size_t expectedBytes = 0)
{
    std::string t = text;
    if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X'))
    {
        t = t.substr(2);
    }
    std::vector<uint8_t> out;
    try
    {
        out = ns3::NrSecurityFromHex(t);
    }
    catch (const std::invalid_argument&)
    {
        throw UsageError("--" + option + ": '" + text
                         + "' is not hex (an even number of digits 0-9, a-f)");
    }
    if (expectedBytes != 0 && out.size() != expectedBytes)
    {
        throw UsageError("--" + option + ": expected " + std::to_string(2 * expectedBytes)
                         + " hex digits (" + std::to_string(8 * expectedBytes) + " bits), got "
                         + std::to_string(t.size()));
    }
    return out;
}

} // namespace nrsecuritycalc

#endif // NR_SECURITY_CALC_ARGS_H
