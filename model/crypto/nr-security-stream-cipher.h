// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_STREAM_CIPHER_H
#define NR_SECURITY_STREAM_CIPHER_H

#include <array>
#include <cstdint>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The 16-cell LFSR that SNOW 3G (its spec 3.4.4-3.4.6) and ZUC (its spec 3.2) share:
 *        cells s_0..s_15 of 32 bits, shifted by one cell per clock (s_i = s_{i+1} for
 *        i = 0..14, s_15 = the new word).
 *
 * The cells sit in a window of a 32-word buffer that slides by one word per clock and is
 * copied back once every 16 clocks, instead of moving 15 words per clock.
 */
class NrSecurityLfsr16
{
  public:
    /**
     * \param k the cell index, 0..15
     * \return a reference to s_k
     */
    uint32_t& operator[](unsigned k)
    {
        return m_s[m_off + k];
    }

    /**
     * \brief Shifts by one cell: s_i = s_{i+1} for i = 0..14, s_15 = v.
     * \param v the new s_15
     */
    void Shift(uint32_t v)
    {
        m_s[m_off + 16] = v;
        if (++m_off == 16)
        {
            for (unsigned i = 0; i < 16; ++i)
            {
                m_s[i] = m_s[16 + i];
            }
            m_off = 0;
        }
    }

  private:
    std::array<uint32_t, 32> m_s{}; ///< the window: s_k = m_s[m_off + k]
    uint32_t m_off = 0;             ///< the window's start, 0..15
};

/**
 * \ingroup nr-security
 * \brief XORs a word-oriented keystream onto LENGTH bits of data, as 128-NEA1 (TS 33.401
 *        B.1.2, SNOW 3G f8) and 128-NEA3 (EEA3 spec 3) do: keystream word z_j covers bytes
 *        4j..4j+3, its most significant byte first; the bits of the last byte past LENGTH are
 *        cleared (only LENGTH bits are defined).
 * \param gen the generator: gen.NextWord() returns the next 32-bit keystream word
 * \param data ceil(lengthBits / 8) bytes, ciphered in place; nothing past them is touched
 * \param lengthBits LENGTH in bits (0: nothing happens)
 */
template <typename Generator>
void
NrSecurityXorKeystream(Generator& gen, uint8_t* data, uint32_t lengthBits)
{
    const uint32_t nBytes = lengthBits / 8 + (lengthBits % 8 != 0 ? 1 : 0);
    uint32_t i = 0;
    for (; i + 4 <= nBytes; i += 4)
    {
        const uint32_t z = gen.NextWord();
        data[i] ^= static_cast<uint8_t>(z >> 24);
        data[i + 1] ^= static_cast<uint8_t>(z >> 16);
        data[i + 2] ^= static_cast<uint8_t>(z >> 8);
        data[i + 3] ^= static_cast<uint8_t>(z);
    }
    if (i < nBytes)
    {
        const uint32_t z = gen.NextWord();
        for (uint32_t j = 0; i + j < nBytes; ++j)
        {
            data[i + j] ^= static_cast<uint8_t>(z >> (24 - 8 * j));
        }
    }
    const uint32_t tail = lengthBits % 8;
    if (tail != 0)
    {
        data[nBytes - 1] &= static_cast<uint8_t>(0xff << (8 - tail));
    }
}

} // namespace ns3

#endif // NR_SECURITY_STREAM_CIPHER_H
