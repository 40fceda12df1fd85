// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_ZUC_H
#define NR_SECURITY_ZUC_H

#include "nr-security-stream-cipher.h"

#include <array>
#include <cstddef>
#include <cstdint>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The ZUC-128 stream cipher and the 128-EEA3 / 128-EIA3 constructions on it.
 *
 * Written from ETSI/SAGE "Specification of the 3GPP Confidentiality and Integrity Algorithms
 * 128-EEA3 & 128-EIA3, Document 1 (EEA3/EIA3) and Document 2 (ZUC)" (TS 35.221/35.222),
 * = 128-NEA3 / 128-NIA3 of TS 33.501 Annex D. Pure C++, no ns-3 types, no allocation.
 *
 * The cores do not validate their inputs: callers (NrSecurityAlgorithms) check key length,
 * BEARER, DIRECTION and LENGTH first.
 */
class Zuc
{
  public:
    /**
     * \brief Initialisation (ZUC spec, 3.6.1): s_i = k_i || d_i || iv_i, 32 initialisation
     *        rounds, then one discarded working-mode round.
     * \param key the 16 key bytes k_0..k_15 (k_0 first).
     * \param iv the 16 IV bytes iv_0..iv_15.
     */
    Zuc(const uint8_t* key, const uint8_t* iv);

    /**
     * \brief Produces the next 32-bit keystream word (ZUC spec, 3.6.2).
     * \return Z; the first call returns z_1.
     */
    uint32_t NextWord();

    /**
     * \brief 128-EEA3 (ETSI/SAGE EEA3&EIA3 Document 1, clause 3), in place.
     *
     * XORs the keystream over the first ceil(lengthBits / 8) bytes of data and clears the
     * bits beyond lengthBits in the last byte. lengthBits == 0 touches nothing.
     * \param key the 16-byte key.
     * \param count the 32-bit COUNT.
     * \param bearer the 5-bit BEARER (0..31).
     * \param direction the 1-bit DIRECTION.
     * \param data the buffer, at least ceil(lengthBits / 8) bytes.
     * \param lengthBits LENGTH in bits.
     */
    static void Eea3(const uint8_t* key,
                     uint32_t count,
                     uint8_t bearer,
                     uint8_t direction,
                     uint8_t* data,
                     uint32_t lengthBits);

    /**
     * \brief 128-EIA3 (ETSI/SAGE EEA3&EIA3 Document 1, clause 4). Note that the IV places
     *        DIRECTION differently from 128-EEA3 (iv_8 and iv_14).
     * \param key the 16-byte key.
     * \param count the 32-bit COUNT.
     * \param bearer the 5-bit BEARER (0..31).
     * \param direction the 1-bit DIRECTION.
     * \param data the message, at least ceil(lengthBits / 8) bytes; bits beyond lengthBits
     *        are ignored.
     * \param lengthBits LENGTH in bits (0 allowed).
     * \return the 32-bit MAC-I (the first MAC byte is the most significant).
     */
    static uint32_t Eia3(const uint8_t* key,
                         uint32_t count,
                         uint8_t bearer,
                         uint8_t direction,
                         const uint8_t* data,
                         uint32_t lengthBits);

  private:
    void BitReorganization();
    uint32_t F();
    void LfsrWithInitialisationMode(uint32_t u);
    void LfsrWithWorkMode();

    /**
     * \brief Cell s_k of the LFSR (k = 0..15).
     * \param k the cell index.
     * \return a reference to s_k.
     */
    uint32_t& S(unsigned k)
    {
        return m_lfsr[k];
    }

    /**
     * \brief Shifts the LFSR by one cell: s_i = s_{i+1} for i = 0..14, s15 = v.
     * \param v the new s15.
     */
    void Shift(uint32_t v)
    {
        m_lfsr.Shift(v);
    }

    NrSecurityLfsr16 m_lfsr;     ///< the LFSR s_0..s_15
    uint32_t m_r1;               ///< FSM register R1
    uint32_t m_r2;               ///< FSM register R2
    std::array<uint32_t, 4> m_x; ///< X0..X3 of the bit reorganisation
};

} // namespace ns3

#endif // NR_SECURITY_ZUC_H
