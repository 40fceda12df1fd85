// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_IPSEC_MB_H
#define NR_SECURITY_IPSEC_MB_H

#include <cstdint>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief 128-EEA1/EIA1, 128-EEA2/EIA2 and 128-EEA3/EIA3 on Intel's Multi-Buffer Crypto for
 *        IPsec library (libIPSec_MB 1.3: the single-buffer direct API for SNOW 3G and ZUC,
 *        the job API for AES-128-CTR and AES-128-CMAC), with the signatures and semantics of
 *        Snow3g::Eea1/Eia1 and Zuc::Eea3/Eia3.
 *
 * One IMB_MGR per thread, allocated and initialised (init_mb_mgr_auto) at the thread's first
 * call and freed when the thread ends; no allocation per call (NIA2's per-thread message
 * buffer grows to the longest message seen, then stays). The SNOW 3G key schedule and the
 * AES round keys / CMAC subkeys are kept per thread and redone only when the key changes.
 * Library failures throw std::runtime_error.
 *
 * Every LENGTH in bits works: ipsec-mb's ZUC cipher takes whole bytes, so ceil(LENGTH/8)
 * bytes are ciphered and the bits beyond LENGTH cleared; lengths the library refuses (0 bits,
 * and ZUC messages over 8188 bytes = 65504 bits) go to the portable cores, which give the
 * same output by definition; for NIA2 see Eia2Accepts(). The library reads at most ceil(LENGTH/8)
 * bytes and writes exactly ceil(LENGTH/8) bytes.
 *
 * Built only when the library was found at configure time (NR_SECURITY_HAVE_IPSEC_MB);
 * otherwise Available() is false and the functions throw std::logic_error. Inputs are not
 * validated here: NrSecurityAlgorithms checks them first.
 */
class NrSecurityIpsecMb
{
  public:
    /**
     * \brief Whether the library is compiled in and its manager initialises on this CPU.
     * \return true if the functions below can be called.
     */
    static bool Available();

    /**
     * \brief 128-EEA1 in place (TS 33.401 B.1.2), as Snow3g::Eea1.
     * \param key the 16-byte key.
     * \param count COUNT.
     * \param bearer BEARER, 0..31.
     * \param direction DIRECTION, 0 or 1.
     * \param data ceil(lengthBits / 8) bytes, transformed in place; bits beyond LENGTH zeroed.
     * \param lengthBits LENGTH in bits.
     */
    static void Eea1(const uint8_t* key,
                     uint32_t count,
                     uint8_t bearer,
                     uint8_t direction,
                     uint8_t* data,
                     uint32_t lengthBits);

    /**
     * \brief 128-EIA1 (TS 33.401 B.2.1), as Snow3g::Eia1.
     * \param key the 16-byte key.
     * \param count COUNT.
     * \param bearer BEARER, 0..31.
     * \param direction DIRECTION, 0 or 1.
     * \param data ceil(lengthBits / 8) bytes; bits beyond LENGTH are ignored.
     * \param lengthBits LENGTH in bits.
     * \return the 32-bit MAC-I, first byte most significant.
     */
    static uint32_t Eia1(const uint8_t* key,
                         uint32_t count,
                         uint8_t bearer,
                         uint8_t direction,
                         const uint8_t* data,
                         uint32_t lengthBits);

    /**
     * \brief 128-EEA2 in place (TS 33.401 B.1.3): AES-128-CTR with the counter block
     *        T1 = COUNT || BEARER || DIRECTION || 0^26 || 0^64.
     * \param key the 16-byte key.
     * \param count COUNT.
     * \param bearer BEARER, 0..31.
     * \param direction DIRECTION, 0 or 1.
     * \param data ceil(lengthBits / 8) bytes, transformed in place; bits beyond LENGTH zeroed.
     * \param lengthBits LENGTH in bits.
     */
    static void Eea2(const uint8_t* key,
                     uint32_t count,
                     uint8_t bearer,
                     uint8_t direction,
                     uint8_t* data,
                     uint32_t lengthBits);

    /**
     * \brief 128-EIA2 (TS 33.401 B.2.3): AES-128-CMAC (IMB_AUTH_AES_CMAC, or _BITLEN for a
     *        LENGTH that is not a multiple of 8) over
     *        COUNT || BEARER || DIRECTION || 0^26 || MESSAGE, 64 + LENGTH bits; MAC-I = the
     *        32 most significant bits of the CMAC.
     * \param key the 16-byte key.
     * \param count COUNT.
     * \param bearer BEARER, 0..31.
     * \param direction DIRECTION, 0 or 1.
     * \param data ceil(lengthBits / 8) bytes; bits beyond LENGTH are ignored.
     * \param lengthBits LENGTH in bits (0 allowed).
     * \return the 32-bit MAC-I, first byte most significant.
     */
    /**
     * \brief Whether Eia2() takes a message of this length: the library's AES-CMAC accepts at
     *        most 65534 bytes (byte-aligned LENGTH) or 65534 bits (other LENGTHs), the 8-byte
     *        prefix included, so LENGTH <= 524208 or, not a multiple of 8, <= 65470.
     *        NrSecurityAlgorithms runs longer NIA2 messages on OpenSSL.
     * \param lengthBits LENGTH in bits.
     * \return true if Eia2() can compute this MAC.
     */
    static bool Eia2Accepts(uint32_t lengthBits);

    static uint32_t Eia2(const uint8_t* key,
                         uint32_t count,
                         uint8_t bearer,
                         uint8_t direction,
                         const uint8_t* data,
                         uint32_t lengthBits);

    /**
     * \brief 128-EEA3 in place (EEA3&EIA3 Document 1, clause 3), as Zuc::Eea3.
     * \param key the 16-byte key.
     * \param count COUNT.
     * \param bearer BEARER, 0..31.
     * \param direction DIRECTION, 0 or 1.
     * \param data ceil(lengthBits / 8) bytes, transformed in place; bits beyond LENGTH zeroed.
     * \param lengthBits LENGTH in bits.
     */
    static void Eea3(const uint8_t* key,
                     uint32_t count,
                     uint8_t bearer,
                     uint8_t direction,
                     uint8_t* data,
                     uint32_t lengthBits);

    /**
     * \brief 128-EIA3 (EEA3&EIA3 Document 1, clause 4), as Zuc::Eia3.
     * \param key the 16-byte key.
     * \param count COUNT.
     * \param bearer BEARER, 0..31.
     * \param direction DIRECTION, 0 or 1.
     * \param data ceil(lengthBits / 8) bytes; bits beyond LENGTH are ignored.
     * \param lengthBits LENGTH in bits.
     * \return the 32-bit MAC-I, first byte most significant.
     */
    static uint32_t Eia3(const uint8_t* key,
                         uint32_t count,
                         uint8_t bearer,
                         uint8_t direction,
                         const uint8_t* data,
                         uint32_t lengthBits);
};

} // namespace ns3

#endif // NR_SECURITY_IPSEC_MB_H
