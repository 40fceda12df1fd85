// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-test-vectors.h"

#include <boost/property_tree/json_parser.hpp>
#include <cstdio>
#include <stdexcept>

#ifndef NR_SECURITY_TEST_DATA_DIR
#error "NR_SECURITY_TEST_DATA_DIR must point to test/data"
#endif

namespace ns3
{
namespace nrsecuritytest
{

boost::property_tree::ptree
LoadVectors(const std::string& fileName)
{
    boost::property_tree::ptree doc;
    boost::property_tree::read_json(std::string(NR_SECURITY_TEST_DATA_DIR) + "/" + fileName, doc);
    return doc;
}

std::vector<boost::property_tree::ptree>
VectorList(const boost::property_tree::ptree& doc)
{
    std::vector<boost::property_tree::ptree> out;
    for (const auto& entry : doc.get_child("vectors"))
    {
        out.push_back(entry.second);
    }
    return out;
}

static int
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

std::vector<uint8_t>
FromHex(const std::string& hex)
{
    if (hex.size() % 2 != 0)
    {
        throw std::invalid_argument("hex string has an odd number of digits: " + hex);
    }
    std::vector<uint8_t> out(hex.size() / 2);
    for (size_t i = 0; i < out.size(); ++i)
    {
        int hi = HexDigit(hex[2 * i]);
        int lo = HexDigit(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
        {
            throw std::invalid_argument("not a hex digit in: " + hex);
        }
        out[i] = static_cast<uint8_t>(hi << 4 | lo);
    }
    return out;
}

std::string
ToHex(const std::vector<uint8_t>& bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (uint8_t b : bytes)
    {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0f]);
    }
    return out;
}

std::string
ToHex32(uint32_t value)
{
    char buf[9];
    std::snprintf(buf, sizeof(buf), "%08x", value);
    return buf;
}

std::string
Label(const boost::property_tree::ptree& v)
{
    auto ref = v.get_optional<std::string>("spec_ref");
    return ref ? *ref : v.get<std::string>("name", "?");
}

} // namespace nrsecuritytest
} // namespace ns3
