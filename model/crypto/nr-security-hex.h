// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_HEX_H
#define NR_SECURITY_HEX_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief Bytes as lowercase hex, first byte first (the notation of the 3GPP test data).
 * \param data the bytes
 * \param bytes how many
 * \return 2 * bytes hex digits
 */
std::string NrSecurityToHex(const uint8_t* data, size_t bytes);

/**
 * \ingroup nr-security
 * \brief Any contiguous byte container (std::vector, std::array) as lowercase hex.
 * \param c the container
 * \return the hex digits
 */
template <typename C>
std::string
NrSecurityToHex(const C& c)
{
    return NrSecurityToHex(c.data(), c.size());
}

/**
 * \ingroup nr-security
 * \brief A 32-bit value (a MAC-I, a COUNT) as 8 lowercase hex digits, most significant first.
 * \param value the value
 * \return the hex digits
 */
std::string NrSecurityToHex32(uint32_t value);

/**
 * \ingroup nr-security
 * \brief Hex digits (either case, no separators, no 0x prefix) to bytes.
 * \param hex an even number of hex digits
 * \return the bytes
 * \throws std::invalid_argument ("hex: ...") on an odd length or a non-hex character
 */
std::vector<uint8_t> NrSecurityFromHex(const std::string& hex);

} // namespace ns3

#endif // NR_SECURITY_HEX_H
