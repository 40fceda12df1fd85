// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_KEYSTREAM_REUSE_H
#define NR_SECURITY_KEYSTREAM_REUSE_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The arithmetic of a keystream reuse (ReVoLTE, Rupprecht et al., USENIX Security
 *        2020): NEA1-3 are stream ciphers, C = P xor KS(K, COUNT, BEARER, DIRECTION) (TS 33.501
 *        D.2.1), so two PDUs ciphered with the same key, COUNT, BEARER and DIRECTION give
 *        C1 xor C2 = P1 xor P2, and a known P2 reveals P1 = C1 xor C2 xor P2.
 *
 * Pure byte arithmetic, stateless.
 */
class NrSecurityKeystreamReuse
{
  public:
    /**
     * \brief Recovers the first plaintext of two ciphertexts under one keystream.
     * \param c1 the ciphertext of the unknown plaintext (bytes)
     * \param c2 the ciphertext of the known plaintext
     * \param p2 the known plaintext of c2
     * \return c1[i] xor c2[i] xor p2[i] for i below the shortest of the three lengths (the
     *         overlap; empty if one is empty)
     */
    static std::vector<uint8_t> Recover(const std::vector<uint8_t>& c1,
                                        const std::vector<uint8_t>& c2,
                                        const std::vector<uint8_t>& p2);

    /**
     * \brief The fraction of equal bytes at equal positions over the overlap.
     * \param a bytes
     * \param b bytes
     * \return matches / min(|a|, |b|), 0..1; 0 if either is empty
     */
    static double MatchRate(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b);

    /**
     * \brief The number of equal bytes at equal positions over the overlap.
     * \param a bytes
     * \param b bytes
     * \return matches in [0, min(|a|, |b|)]
     */
    static uint64_t Matches(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b);
};

} // namespace ns3

#endif // NR_SECURITY_KEYSTREAM_REUSE_H
