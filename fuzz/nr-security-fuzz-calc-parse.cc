// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * libFuzzer target: the option parsing of nr-security-calc (examples/nr-security-calc-args.h:
 * ParseNumber, ParseHex) and the library's hex codec under it (NrSecurityFromHex,
 * NrSecurityToHex).
 *
 * Input: byte 0 chooses the function, byte 1 its limit (the largest number allowed, or the
 * exact byte count wanted), the rest is the option text (any bytes, NUL included).
 * Checked against a small reference parser written here from the calculator's documented
 * syntax (decimal digits, or 0x/0X and hex digits; hex bytes as an even number of digits,
 * optionally after 0x/0X): the same inputs are accepted with the same value; a refusal is a
 * UsageError whose message starts with "--OPTION: " and nothing else is ever thrown; a hex
 * round trip NrSecurityToHex(NrSecurityFromHex(x)) is x in lowercase. A violation is
 * __builtin_trap(), a crash for libFuzzer.
 */
#include "nr-security-calc-args.h"
#include "ns3/nr-security-hex.h"

#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

using nrsecuritycalc::UsageError;

namespace
{

/// Reports a broken property and crashes, so that libFuzzer keeps the input.
[[noreturn]] void
Violation(const char* what, const std::string& text)
{
    std::fprintf(stderr, "nr-security-fuzz-calc-parse: property violated: %s\n", what);
    std::fprintf(stderr, "input (%zu bytes): %s\n", text.size(), text.c_str());
    __builtin_trap();
}

/// The largest numbers the calculator asks for (its Num(name, max) calls), and two more.
const uint64_t kMax[8] = {0xFFFFFFFFULL, 3, 31, 1, 0xFFFF, 255, 0, ~uint64_t{0}};

/// The byte counts the calculator asks for (its Bytes(name, expected) calls).
const size_t kBytes[4] = {0, 1, 16, 32};

/// Value of a hex digit, or -1.
int
HexDigit(char c)
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

/// True if text starts with the 0x / 0X prefix and has something after it.
bool
HasHexPrefix(const std::string& text)
{
    return text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
}

/// Reference number parser: true and the value if the calculator must accept text.
bool
ReferenceNumber(const std::string& text, uint64_t max, uint64_t& value)
{
    const bool hex = HasHexPrefix(text);
    const unsigned base = hex ? 16 : 10;
    const std::string digits = hex ? text.substr(2) : text;
    if (digits.empty())
    {
        return false;
    }
    value = 0;
    for (char c : digits)
    {
        int d = HexDigit(c);
        if (d < 0 || static_cast<unsigned>(d) >= base)
        {
            return false;
        }
        if (value > (~uint64_t{0} - static_cast<uint64_t>(d)) / base)
        {
            return false; // beyond 64 bits
        }
        value = value * base + static_cast<uint64_t>(d);
    }
    return value <= max;
}

/// Reference hex parser: true and the bytes if the calculator must accept text.
bool
ReferenceHex(const std::string& text, size_t expectedBytes, std::vector<uint8_t>& bytes)
{
    const std::string t = HasHexPrefix(text) ? text.substr(2) : text;
    if (t.size() % 2 != 0)
    {
        return false;
    }
    bytes.clear();
    for (size_t i = 0; i < t.size(); i += 2)
    {
        int hi = HexDigit(t[i]);
        int lo = HexDigit(t[i + 1]);
        if (hi < 0 || lo < 0)
        {
            return false;
        }
        bytes.push_back(static_cast<uint8_t>(hi << 4 | lo));
    }
    return expectedBytes == 0 || bytes.size() == expectedBytes;
}

/// A refusal must be a UsageError naming the option first.
void
CheckRefusal(const UsageError& e, const std::string& text)
{
    if (std::string(e.what()).rfind("--opt: ", 0) != 0)
    {
        Violation("a UsageError starts with the option", text);
    }
}

void
FuzzNumber(const std::string& text, uint64_t max)
{
    uint64_t expected = 0;
    const bool accept = ReferenceNumber(text, max, expected);
    try
    {
        uint64_t value = nrsecuritycalc::ParseNumber("opt", text, max);
        if (!accept || value != expected)
        {
            Violation("ParseNumber accepts what the reference accepts, with its value", text);
        }
    }
    catch (const UsageError& e)
    {
        if (accept)
        {
            Violation("ParseNumber refuses only what the reference refuses", text);
        }
        CheckRefusal(e, text);
    }
}

void
FuzzHex(const std::string& text, size_t expectedBytes)
{
    std::vector<uint8_t> expected;
    const bool accept = ReferenceHex(text, expectedBytes, expected);
    try
    {
        std::vector<uint8_t> bytes = nrsecuritycalc::ParseHex("opt", text, expectedBytes);
        if (!accept || bytes != expected)
        {
            Violation("ParseHex accepts what the reference accepts, with its bytes", text);
        }
    }
    catch (const UsageError& e)
    {
        if (accept)
        {
            Violation("ParseHex refuses only what the reference refuses", text);
        }
        CheckRefusal(e, text);
    }
}

void
FuzzLibraryHex(const std::string& text)
{
    // NrSecurityFromHex takes no prefix: compare with the reference on the prefix-free form.
    bool refAccept = text.size() % 2 == 0;
    for (size_t i = 0; refAccept && i < text.size(); ++i)
    {
        refAccept = HexDigit(text[i]) >= 0;
    }
    try
    {
        std::vector<uint8_t> bytes = ns3::NrSecurityFromHex(text);
        if (!refAccept || bytes.size() * 2 != text.size())
        {
            Violation("NrSecurityFromHex accepts exactly even-length hex digits", text);
        }
        std::string lower = text;
        for (char& c : lower)
        {
            if (c >= 'A' && c <= 'F')
            {
                c = static_cast<char>(c - 'A' + 'a');
            }
        }
        if (ns3::NrSecurityToHex(bytes) != lower)
        {
            Violation("NrSecurityToHex(NrSecurityFromHex(x)) is x in lowercase", text);
        }
    }
    catch (const std::invalid_argument& e)
    {
        if (refAccept)
        {
            Violation("NrSecurityFromHex refuses only non-hex or odd-length input", text);
        }
        if (std::string(e.what()).rfind("hex: ", 0) != 0)
        {
            Violation("a NrSecurityFromHex error starts with 'hex: '", text);
        }
    }
}

} // namespace

/**
 * \brief libFuzzer entry point: one option text for one of the parsers.
 * \param data the input (layout in the file comment)
 * \param size its length in bytes
 * \return 0 (libFuzzer convention)
 */
extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2)
    {
        return 0;
    }
    const std::string text(reinterpret_cast<const char*>(data + 2), size - 2);
    try
    {
        switch (data[0] % 3)
        {
            case 0:
                FuzzNumber(text, kMax[data[1] % 8]);
                break;
            case 1:
                FuzzHex(text, kBytes[data[1] % 4]);
                break;
            default:
                FuzzLibraryHex(text);
                break;
        }
    }
    catch (const std::exception& e)
    {
        std::fprintf(stderr, "unexpected exception: %s\n", e.what());
        Violation("the parsers throw nothing but their documented errors", text);
    }
    return 0;
}
