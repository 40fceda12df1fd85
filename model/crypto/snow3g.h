// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_SNOW3G_H
#define NR_SECURITY_SNOW3G_H

#include "nr-security-stream-cipher.h"

#include <array>
#include <cstddef>
#include <cstdint>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The SNOW 3G stream cipher and the 128-EEA1 / 128-EIA1 constructions on it.
 *
 * Written from ETSI/SAGE "Specification of the 3GPP Confidentiality and Integrity Algorithms
 * UEA2 & UIA2, Document 2: SNOW 3G Specification" and TS 33.401 Annex B.1 / B.2.1
 * (= 128-NEA1 / 128-NIA1 of TS 33.501 Annex D.2). Pure C++, no ns-3 types, no allocation.
 *
 * The cores do not validate their inputs: callers (NrSecurityAlgorithms) check key length,
 * BEARER, DIRECTION and LENGTH first. Word order of the raw generator follows the SNOW 3G
 * specification (k0..k3, IV0..IV3); the 128-EEA1/EIA1 functions load the 16 key bytes and the
 * IV the way UEA2/UIA2 f8/f9 do (first key byte is the most significant byte of k3).
 */
class Snow3g
{
  public:
    /**
     * \brief Initialisation (SNOW 3G spec, 3.4.4): loads the LFSR from the key and IV and
     *        runs the 32 initialisation clocks plus the one discarded clock.
     * \param k the key words k0, k1, k2, k3 of the specification.
     * \param iv the IV words IV0, IV1, IV2, IV3 of the specification.
     */
    Snow3g(const std::array<uint32_t, 4>& k, const std::array<uint32_t, 4>& iv);

    /**
     * \brief Produces the next 32-bit keystream word z_t (SNOW 3G spec, 3.4.5).
     * \return z_t; z_1 is the first word after initialisation.
     */
    uint32_t NextWord();

    /**
     * \brief 128-EEA1 (TS 33.401 B.1.2 = UEA2 f8 with a 5-bit BEARER), in place.
     *
     * XORs the keystream over the first ceil(lengthBits / 8) bytes of data and clears the
     * bits beyond lengthBits in the last byte. lengthBits == 0 touches nothing.
     * \param key the 16-byte key.
     * \param count the 32-bit COUNT.
     * \param bearer the 5-bit BEARER (0..31).
     * \param direction the 1-bit DIRECTION (0 uplink, 1 downlink).
     * \param data the buffer, at least ceil(lengthBits / 8) bytes.
     * \param lengthBits LENGTH in bits.
     */
    static void Eea1(const uint8_t* key,
                     uint32_t count,
                     uint8_t bearer,
                     uint8_t direction,
                     uint8_t* data,
                     uint32_t lengthBits);

    /**
     * \brief 128-EIA1 (TS 33.401 B.2.1 = UIA2 f9 with FRESH = BEARER << 27).
     * \param key the 16-byte key.
     * \param count the 32-bit COUNT.
     * \param bearer the 5-bit BEARER (0..31).
     * \param direction the 1-bit DIRECTION.
     * \param data the message, at least ceil(lengthBits / 8) bytes; bits beyond lengthBits
     *        are ignored.
     * \param lengthBits LENGTH in bits (0 allowed).
     * \return the 32-bit MAC-I (the first MAC byte is the most significant).
     */
    static uint32_t Eia1(const uint8_t* key,
                         uint32_t count,
                         uint8_t bearer,
                         uint8_t direction,
                         const uint8_t* data,
                         uint64_t lengthBits);

  private:
    uint32_t ClockFsm();
    void ClockLfsrInitialisationMode(uint32_t f);
    void ClockLfsrKeystreamMode();

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

    NrSecurityLfsr16 m_lfsr; ///< the LFSR s_0..s_15
    uint32_t m_r1;           ///< FSM register R1
    uint32_t m_r2;           ///< FSM register R2
    uint32_t m_r3;           ///< FSM register R3
};

} // namespace ns3

#endif // NR_SECURITY_SNOW3G_H
