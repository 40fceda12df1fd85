// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_TEST_VECTORS_H
#define NR_SECURITY_TEST_VECTORS_H

#include <boost/property_tree/ptree.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ns3
{
namespace nrsecuritytest
{

/**
 * \brief Reads one of the official test-vector files of test/data (copied from the project's
 *        shared vectors; each entry keeps its "sources" and "spec_ref").
 * \param fileName the file name, e.g. "nea2.json".
 * \return the parsed JSON document.
 * \throws boost::property_tree::json_parser_error if the file is missing or malformed.
 */
boost::property_tree::ptree LoadVectors(const std::string& fileName);

/**
 * \brief The path of a file in test/data.
 * \param fileName the file name
 * \return the path
 */
std::string DataPath(const std::string& fileName);

/**
 * \brief The entries of the "vectors" array of a document returned by LoadVectors().
 * \param doc the parsed document.
 * \return the entries, in file order.
 */
std::vector<boost::property_tree::ptree> VectorList(const boost::property_tree::ptree& doc);

/**
 * \brief Decodes lowercase or uppercase hex (no separators) into bytes.
 * \param hex an even number of hex digits.
 * \return the bytes.
 * \throws std::invalid_argument on an odd length or a non-hex digit.
 */
std::vector<uint8_t> FromHex(const std::string& hex);

/**
 * \brief Encodes bytes as lowercase hex.
 * \param bytes the bytes.
 * \return 2 * bytes.size() hex digits.
 */
std::string ToHex(const std::vector<uint8_t>& bytes);

/**
 * \brief Encodes a 32-bit value as 8 lowercase hex digits, most significant first.
 * \param value the value.
 * \return the hex string.
 */
std::string ToHex32(uint32_t value);

/**
 * \brief Runs f and returns the message of the std::invalid_argument it throws.
 * \param f the call to try
 * \return the message; "" if f throws nothing; "(another exception type)" if it throws
 *         something else
 */
std::string InvalidArgumentMessage(const std::function<void()>& f);

/**
 * \brief A short label for test messages: the vector's "spec_ref" or "name".
 * \param v the vector entry.
 * \return the label.
 */
std::string Label(const boost::property_tree::ptree& v);

} // namespace nrsecuritytest
} // namespace ns3

#endif // NR_SECURITY_TEST_VECTORS_H
