// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_ALGORITHMS_H
#define NR_SECURITY_ALGORITHMS_H

#include "nr-security-kdf.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief NR ciphering algorithms (TS 33.501 5.11.1.1); the value is the 4-bit identity.
 */
enum class NrSecurityCiphering : uint8_t
{
    NEA0 = 0, ///< null ciphering
    NEA1 = 1, ///< 128-NEA1, SNOW 3G based
    NEA2 = 2, ///< 128-NEA2, AES-128 in CTR mode
    NEA3 = 3, ///< 128-NEA3, ZUC based
};

/**
 * \ingroup nr-security
 * \brief NR integrity algorithms (TS 33.501 5.11.1.2); the value is the 4-bit identity.
 */
enum class NrSecurityIntegrity : uint8_t
{
    NIA0 = 0, ///< null integrity (emergency sessions only)
    NIA1 = 1, ///< 128-NIA1, SNOW 3G based
    NIA2 = 2, ///< 128-NIA2, AES-128 CMAC
    NIA3 = 3, ///< 128-NIA3, ZUC based
};

/**
 * \ingroup nr-security
 * \brief The NR confidentiality (NEA0-3) and integrity (NIA0-3) algorithms of TS 33.501
 *        Annex D behind one interface.
 *
 * Inputs follow TS 33.501 D.2.1.1 / D.3.1.1: KEY (128 bits), COUNT (32 bits), BEARER
 * (5 bits), DIRECTION (1 bit, 0 = uplink, 1 = downlink) and LENGTH in bits, which may be any
 * value including 0 and values that are not a multiple of 8. A message of LENGTH bits
 * occupies the first ceil(LENGTH / 8) bytes of a buffer, most significant bit first.
 *
 * The algorithms run on the backend NrSecurityCryptoBackends::Selected() names: ipsec-mb
 * (NrSecurityIpsecMb, all six) where it was found at configure time, else the portable one:
 * OpenSSL 3 EVP for NEA2 (AES-128-CTR) and NIA2 (AES-128-CMAC), our Snow3g and Zuc cores
 * (the reference written from the specifications) for NEA1/NIA1 and NEA3/NIA3. Every backend gives
 * the same output for every input; the first call may throw std::invalid_argument for a bad
 * NR_SECURITY_CRYPTO_BACKEND (see NrSecurityCryptoBackends). Every function validates its inputs
 * and throws std::invalid_argument naming the offending parameter (bearer, direction, lengthBits,
 * key, algorithm); OpenSSL failures throw std::runtime_error. Thread-safe: the OpenSSL contexts are
 * cached per thread.
 */
class NrSecurityAlgorithms
{
  public:
    /**
     * \brief NEA: ciphers or deciphers (the same operation) LENGTH bits in place.
     *
     * The first ceil(lengthBits / 8) bytes of data are transformed; the bits beyond lengthBits
     * in the last of these bytes are set to zero (for NEA0 too); bytes after them are not
     * touched. lengthBits == 0 touches nothing.
     * \param alg the algorithm.
     * \param key the 16-byte key (K_RRCenc or K_UPenc).
     * \param count COUNT.
     * \param bearer BEARER, 0..31 (RB identity - 1 for PDCP, TS 33.501 D.2.1.1).
     * \param direction DIRECTION, 0 or 1.
     * \param data the buffer.
     * \param dataBytes the size of the buffer in bytes.
     * \param lengthBits LENGTH in bits; at most 8 * dataBytes.
     * \throws std::invalid_argument for an unknown algorithm, bearer > 31, direction > 1 or
     *         lengthBits > 8 * dataBytes.
     */
    static void Nea(NrSecurityCiphering alg,
                    const NrSecurityKey128& key,
                    uint32_t count,
                    uint8_t bearer,
                    uint8_t direction,
                    uint8_t* data,
                    size_t dataBytes,
                    uint32_t lengthBits);

    /**
     * \brief NEA on a copy: returns ceil(lengthBits / 8) bytes of output.
     * \param alg the algorithm.
     * \param key the 16-byte key.
     * \param count COUNT.
     * \param bearer BEARER, 0..31.
     * \param direction DIRECTION, 0 or 1.
     * \param data the input; only its first ceil(lengthBits / 8) bytes are used.
     * \param lengthBits LENGTH in bits; at most 8 * data.size().
     * \return the output, ceil(lengthBits / 8) bytes, bits beyond LENGTH zero.
     * \throws std::invalid_argument as the in-place form.
     */
    static std::vector<uint8_t> Nea(NrSecurityCiphering alg,
                                    const NrSecurityKey128& key,
                                    uint32_t count,
                                    uint8_t bearer,
                                    uint8_t direction,
                                    const std::vector<uint8_t>& data,
                                    uint32_t lengthBits);

    /**
     * \brief NIA: computes the 32-bit MAC-I (NAS-MAC, X-MAC) over LENGTH bits of a message.
     *
     * Bits of data beyond lengthBits are ignored. NIA0 returns 0 (a 4-byte zero MAC-I, which
     * PDCP still carries, TS 33.501 D.3.1).
     * \param alg the algorithm.
     * \param key the 16-byte key (K_RRCint or K_UPint).
     * \param count COUNT.
     * \param bearer BEARER, 0..31.
     * \param direction DIRECTION, 0 or 1.
     * \param data the message.
     * \param dataBytes the size of the buffer in bytes.
     * \param lengthBits LENGTH in bits; at most 8 * dataBytes.
     * \return MAC-I, its first byte in the most significant position.
     * \throws std::invalid_argument for an unknown algorithm, bearer > 31, direction > 1 or
     *         lengthBits > 8 * dataBytes.
     */
    static uint32_t Nia(NrSecurityIntegrity alg,
                        const NrSecurityKey128& key,
                        uint32_t count,
                        uint8_t bearer,
                        uint8_t direction,
                        const uint8_t* data,
                        size_t dataBytes,
                        uint32_t lengthBits);

    /**
     * \brief NIA over a byte vector (see the pointer form).
     * \return MAC-I as a 32-bit value.
     */
    static uint32_t Nia(NrSecurityIntegrity alg,
                        const NrSecurityKey128& key,
                        uint32_t count,
                        uint8_t bearer,
                        uint8_t direction,
                        const std::vector<uint8_t>& data,
                        uint32_t lengthBits);

    /**
     * \brief Compares a received 4-byte MAC-I with an expected one in constant time
     *        (CRYPTO_memcmp), as a receiver must to avoid a timing oracle.
     * \param received the 4 MAC-I bytes as received, first byte most significant.
     * \param expected the MAC-I computed by the receiver.
     * \return true if they are equal.
     */
    static bool MacEquals(const uint8_t* received, uint32_t expected);

    /**
     * \brief Converts a 4-bit ciphering algorithm identity.
     * \param id the identity (0..3 are defined).
     * \return the algorithm.
     * \throws std::invalid_argument for any other value.
     */
    static NrSecurityCiphering CipheringFromId(uint32_t id);

    /**
     * \brief Converts a 4-bit integrity algorithm identity.
     * \param id the identity (0..3 are defined).
     * \return the algorithm.
     * \throws std::invalid_argument for any other value.
     */
    static NrSecurityIntegrity IntegrityFromId(uint32_t id);

    /**
     * \brief Checks a key given as bytes.
     * \param key the key bytes.
     * \return the key.
     * \throws std::invalid_argument if key is not 16 bytes.
     */
    static NrSecurityKey128 Key128FromBytes(const std::vector<uint8_t>& key);

    /**
     * \brief Checks a 256-bit key given as bytes.
     * \param key the key bytes.
     * \return the key.
     * \throws std::invalid_argument if key is not 32 bytes.
     */
    static NrSecurityKey256 Key256FromBytes(const std::vector<uint8_t>& key);

    /// \return "NEA0" .. "NEA3" \param alg the algorithm
    static std::string Name(NrSecurityCiphering alg);
    /// \return "NIA0" .. "NIA3" \param alg the algorithm
    static std::string Name(NrSecurityIntegrity alg);
};

} // namespace ns3

#endif // NR_SECURITY_ALGORITHMS_H
