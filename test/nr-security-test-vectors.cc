// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-test-vectors.h"

#include "ns3/nr-security-hex.h"

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

std::string
DataPath(const std::string& fileName)
{
    return std::string(NR_SECURITY_TEST_DATA_DIR) + "/" + fileName;
}

boost::property_tree::ptree
LoadVectors(const std::string& fileName)
{
    boost::property_tree::ptree doc;
    boost::property_tree::read_json(DataPath(fileName), doc);
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

std::vector<uint8_t>
FromHex(const std::string& hex)
{
    return NrSecurityFromHex(hex);
}

std::string
ToHex(const std::vector<uint8_t>& bytes)
{
    return NrSecurityToHex(bytes);
}

std::string
ToHex32(uint32_t value)
{
    return NrSecurityToHex32(value);
}

std::string
InvalidArgumentMessage(const std::function<void()>& f)
{
    try
    {
        f();
    }
    catch (const std::invalid_argument& e)
    {
        return e.what();
    }
    catch (...)
    {
        return "(another exception type)";
    }
    return "";
}

std::string
Label(const boost::property_tree::ptree& v)
{
    auto ref = v.get_optional<std::string>("spec_ref");
    return ref ? *ref : v.get<std::string>("name", "?");
}

} // namespace nrsecuritytest
} // namespace ns3
