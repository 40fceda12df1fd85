// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * ZUC-128 and 128-EEA3 / 128-EIA3, written from ETSI/SAGE "Specification of the 3GPP
 * Confidentiality and Integrity Algorithms 128-EEA3 & 128-EIA3", Document 1 (128-EEA3 and
 * 128-EIA3 Specifications) and Document 2 (ZUC Specification), i.e. 3GPP TS 35.221 / 35.222.
 */
#include "zuc.h"

namespace ns3
{

namespace
{

/// 2^31 - 1, the modulus of the LFSR field GF(2^31 - 1) (ZUC spec, 3.2).
constexpr uint32_t kMod31 = 0x7FFFFFFFU;

/**
 * \brief The S-box S0 (ZUC spec, 3.4.2, table "The S-box S0"): S0[16 * h + l] is the entry in
 *        row h, column l.
 */
constexpr uint8_t kS0[256] = {
    0x3e, 0x72, 0x5b, 0x47, 0xca, 0xe0, 0x00, 0x33, 0x04, 0xd1, 0x54, 0x98, 0x09, 0xb9, 0x6d, 0xcb,
    0x7b, 0x1b, 0xf9, 0x32, 0xaf, 0x9d, 0x6a, 0xa5, 0xb8, 0x2d, 0xfc, 0x1d, 0x08, 0x53, 0x03, 0x90,
    0x4d, 0x4e, 0x84, 0x99, 0xe4, 0xce, 0xd9, 0x91, 0xdd, 0xb6, 0x85, 0x48, 0x8b, 0x29, 0x6e, 0xac,
    0xcd, 0xc1, 0xf8, 0x1e, 0x73, 0x43, 0x69, 0xc6, 0xb5, 0xbd, 0xfd, 0x39, 0x63, 0x20, 0xd4, 0x38,
    0x76, 0x7d, 0xb2, 0xa7, 0xcf, 0xed, 0x57, 0xc5, 0xf3, 0x2c, 0xbb, 0x14, 0x21, 0x06, 0x55, 0x9b,
    0xe3, 0xef, 0x5e, 0x31, 0x4f, 0x7f, 0x5a, 0xa4, 0x0d, 0x82, 0x51, 0x49, 0x5f, 0xba, 0x58, 0x1c,
    0x4a, 0x16, 0xd5, 0x17, 0xa8, 0x92, 0x24, 0x1f, 0x8c, 0xff, 0xd8, 0xae, 0x2e, 0x01, 0xd3, 0xad,
    0x3b, 0x4b, 0xda, 0x46, 0xeb, 0xc9, 0xde, 0x9a, 0x8f, 0x87, 0xd7, 0x3a, 0x80, 0x6f, 0x2f, 0xc8,
    0xb1, 0xb4, 0x37, 0xf7, 0x0a, 0x22, 0x13, 0x28, 0x7c, 0xcc, 0x3c, 0x89, 0xc7, 0xc3, 0x96, 0x56,
    0x07, 0xbf, 0x7e, 0xf0, 0x0b, 0x2b, 0x97, 0x52, 0x35, 0x41, 0x79, 0x61, 0xa6, 0x4c, 0x10, 0xfe,
    0xbc, 0x26, 0x95, 0x88, 0x8a, 0xb0, 0xa3, 0xfb, 0xc0, 0x18, 0x94, 0xf2, 0xe1, 0xe5, 0xe9, 0x5d,
    0xd0, 0xdc, 0x11, 0x66, 0x64, 0x5c, 0xec, 0x59, 0x42, 0x75, 0x12, 0xf5, 0x74, 0x9c, 0xaa, 0x23,
    0x0e, 0x86, 0xab, 0xbe, 0x2a, 0x02, 0xe7, 0x67, 0xe6, 0x44, 0xa2, 0x6c, 0xc2, 0x93, 0x9f, 0xf1,
    0xf6, 0xfa, 0x36, 0xd2, 0x50, 0x68, 0x9e, 0x62, 0x71, 0x15, 0x3d, 0xd6, 0x40, 0xc4, 0xe2, 0x0f,
    0x8e, 0x83, 0x77, 0x6b, 0x25, 0x05, 0x3f, 0x0c, 0x30, 0xea, 0x70, 0xb7, 0xa1, 0xe8, 0xa9, 0x65,
    0x8d, 0x27, 0x1a, 0xdb, 0x81, 0xb3, 0xa0, 0xf4, 0x45, 0x7a, 0x19, 0xdf, 0xee, 0x78, 0x34, 0x60,
};

/**
 * \brief The S-box S1 (ZUC spec, 3.4.2, table "The S-box S1").
 */
constexpr uint8_t kS1[256] = {
    0x55, 0xc2, 0x63, 0x71, 0x3b, 0xc8, 0x47, 0x86, 0x9f, 0x3c, 0xda, 0x5b, 0x29, 0xaa, 0xfd, 0x77,
    0x8c, 0xc5, 0x94, 0x0c, 0xa6, 0x1a, 0x13, 0x00, 0xe3, 0xa8, 0x16, 0x72, 0x40, 0xf9, 0xf8, 0x42,
    0x44, 0x26, 0x68, 0x96, 0x81, 0xd9, 0x45, 0x3e, 0x10, 0x76, 0xc6, 0xa7, 0x8b, 0x39, 0x43, 0xe1,
    0x3a, 0xb5, 0x56, 0x2a, 0xc0, 0x6d, 0xb3, 0x05, 0x22, 0x66, 0xbf, 0xdc, 0x0b, 0xfa, 0x62, 0x48,
    0xdd, 0x20, 0x11, 0x06, 0x36, 0xc9, 0xc1, 0xcf, 0xf6, 0x27, 0x52, 0xbb, 0x69, 0xf5, 0xd4, 0x87,
    0x7f, 0x84, 0x4c, 0xd2, 0x9c, 0x57, 0xa4, 0xbc, 0x4f, 0x9a, 0xdf, 0xfe, 0xd6, 0x8d, 0x7a, 0xeb,
    0x2b, 0x53, 0xd8, 0x5c, 0xa1, 0x14, 0x17, 0xfb, 0x23, 0xd5, 0x7d, 0x30, 0x67, 0x73, 0x08, 0x09,
    0xee, 0xb7, 0x70, 0x3f, 0x61, 0xb2, 0x19, 0x8e, 0x4e, 0xe5, 0x4b, 0x93, 0x8f, 0x5d, 0xdb, 0xa9,
    0xad, 0xf1, 0xae, 0x2e, 0xcb, 0x0d, 0xfc, 0xf4, 0x2d, 0x46, 0x6e, 0x1d, 0x97, 0xe8, 0xd1, 0xe9,
    0x4d, 0x37, 0xa5, 0x75, 0x5e, 0x83, 0x9e, 0xab, 0x82, 0x9d, 0xb9, 0x1c, 0xe0, 0xcd, 0x49, 0x89,
    0x01, 0xb6, 0xbd, 0x58, 0x24, 0xa2, 0x5f, 0x38, 0x78, 0x99, 0x15, 0x90, 0x50, 0xb8, 0x95, 0xe4,
    0xd0, 0x91, 0xc7, 0xce, 0xed, 0x0f, 0xb4, 0x6f, 0xa0, 0xcc, 0xf0, 0x02, 0x4a, 0x79, 0xc3, 0xde,
    0xa3, 0xef, 0xea, 0x51, 0xe6, 0x6b, 0x18, 0xec, 0x1b, 0x2c, 0x80, 0xf7, 0x74, 0xe7, 0xff, 0x21,
    0x5a, 0x6a, 0x54, 0x1e, 0x41, 0x31, 0x92, 0x35, 0xc4, 0x33, 0x07, 0x0a, 0xba, 0x7e, 0x0e, 0x34,
    0x88, 0xb1, 0x98, 0x7c, 0xf3, 0x3d, 0x60, 0x6c, 0x7b, 0xca, 0xd3, 0x1f, 0x32, 0x65, 0x04, 0x28,
    0x64, 0xbe, 0x85, 0x9b, 0x2f, 0x59, 0x8a, 0xd7, 0xb0, 0x25, 0xac, 0xaf, 0x12, 0x03, 0xe2, 0xf2,
};

/**
 * \brief The 15-bit constants d_0..d_15 of the key loading (ZUC spec, 3.5), given there in
 *        binary.
 */
constexpr uint16_t kD[16] = {
    0x44D7, // d_0 = 100010011010111
    0x26BC, // d_1 = 010011010111100
    0x626B, // d_2 = 110001001101011
    0x135E, // d_3 = 001001101011110
    0x5789, // d_4 = 101011110001001
    0x35E2, // d_5 = 011010111100010
    0x7135, // d_6 = 111000100110101
    0x09AF, // d_7 = 000100110101111
    0x4D78, // d_8 = 100110101111000
    0x2F13, // d_9 = 010111100010011
    0x6BC4, // d_10 = 110101111000100
    0x1AF1, // d_11 = 001101011110001
    0x5E26, // d_12 = 101111000100110
    0x3C4D, // d_13 = 011110001001101
    0x789A, // d_14 = 111100010011010
    0x47AC, // d_15 = 100011110101100
};

/**
 * \brief Addition modulo 2^31 - 1 (ZUC spec, 3.2 and the note on the implementation of
 *        modular addition): a + b with the carry out of bit 31 folded back in.
 * \param a a value in [0, 2^31 - 1].
 * \param b a value in [0, 2^31 - 1].
 * \return (a + b) mod (2^31 - 1), in [0, 2^31 - 1].
 */
inline uint32_t
AddMod31(uint32_t a, uint32_t b)
{
    uint32_t c = a + b; // < 2^32, no overflow
    return (c & kMod31) + (c >> 31);
}

/**
 * \brief Multiplication by 2^k modulo 2^31 - 1, i.e. a 31-bit cyclic left rotation
 *        (ZUC spec, 3.2).
 * \param x a value in [0, 2^31 - 1].
 * \param k the exponent, 1..30.
 * \return (2^k * x) mod (2^31 - 1).
 */
inline uint32_t
MulPow2Mod31(uint32_t x, unsigned k)
{
    return ((x << k) | (x >> (31 - k))) & kMod31;
}

/**
 * \brief 32-bit cyclic left rotation, k in 1..31.
 * \param x the word.
 * \param k the rotation.
 * \return x <<< k.
 */
inline uint32_t
Rotl32(uint32_t x, unsigned k)
{
    return (x << k) | (x >> (32 - k));
}

/**
 * \brief The linear transform L1 (ZUC spec, 3.4.3).
 * \param x the input word.
 * \return x ^ (x <<< 2) ^ (x <<< 10) ^ (x <<< 18) ^ (x <<< 24).
 */
inline uint32_t
L1(uint32_t x)
{
    return x ^ Rotl32(x, 2) ^ Rotl32(x, 10) ^ Rotl32(x, 18) ^ Rotl32(x, 24);
}

/**
 * \brief The linear transform L2 (ZUC spec, 3.4.3).
 * \param x the input word.
 * \return x ^ (x <<< 8) ^ (x <<< 14) ^ (x <<< 22) ^ (x <<< 30).
 */
inline uint32_t
L2(uint32_t x)
{
    return x ^ Rotl32(x, 8) ^ Rotl32(x, 14) ^ Rotl32(x, 22) ^ Rotl32(x, 30);
}

/**
 * \brief The 32x32 S-box S = (S0, S1, S0, S1) (ZUC spec, 3.4.2): the most significant byte
 *        goes through S0, the next through S1, and so on.
 * \param x the input word.
 * \return S(x).
 */
inline uint32_t
SBox(uint32_t x)
{
    return static_cast<uint32_t>(kS0[(x >> 24) & 0xFF]) << 24
           | static_cast<uint32_t>(kS1[(x >> 16) & 0xFF]) << 16
           | static_cast<uint32_t>(kS0[(x >> 8) & 0xFF]) << 8
           | static_cast<uint32_t>(kS1[x & 0xFF]);
}

/**
 * \brief Writes COUNT big-endian into iv[0..3] (EEA3&EIA3 Document 1, clauses 3.3 and 4.3).
 * \param iv the IV (at least 4 bytes).
 * \param count COUNT.
 */
inline void
PutCount(uint8_t* iv, uint32_t count)
{
    iv[0] = static_cast<uint8_t>(count >> 24);
    iv[1] = static_cast<uint8_t>(count >> 16);
    iv[2] = static_cast<uint8_t>(count >> 8);
    iv[3] = static_cast<uint8_t>(count);
}

} // namespace

/*
 * ZUC spec 3.5 (key loading) and 3.6.1 (initialisation stage).
 */
Zuc::Zuc(const uint8_t* key, const uint8_t* iv)
    : m_r1(0)
    , m_r2(0)
    , m_x{}
{
    // s_i = k_i || d_i || iv_i (8 + 15 + 8 = 31 bits), k_i most significant.
    for (size_t i = 0; i < 16; ++i)
    {
        m_lfsr[i] = static_cast<uint32_t>(key[i]) << 23 | static_cast<uint32_t>(kD[i]) << 8
                    | static_cast<uint32_t>(iv[i]);
    }
    // 32 initialisation rounds: BitReorganization; W = F; LFSRWithInitialisationMode(W >> 1).
    for (int round = 0; round < 32; ++round)
    {
        BitReorganization();
        uint32_t w = F();
        LfsrWithInitialisationMode(w >> 1);
    }
    // Working stage, first round (3.6.2): the output of F is discarded.
    BitReorganization();
    F();
    LfsrWithWorkMode();
}

uint32_t
Zuc::NextWord()
{
    // ZUC spec 3.6.2: BitReorganization; Z = F ^ X3; LFSRWithWorkMode.
    BitReorganization();
    uint32_t z = F() ^ m_x[3];
    LfsrWithWorkMode();
    return z;
}

/**
 * ZUC spec 3.3: X0 = s15H || s14L, X1 = s11L || s9H, X2 = s7L || s5H, X3 = s2L || s0H, where
 * H is bits 30..15 and L bits 15..0 of a 31-bit cell.
 */
void
Zuc::BitReorganization()
{
    m_x[0] = ((S(15) >> 15) << 16) | (S(14) & 0xFFFF);
    m_x[1] = ((S(11) & 0xFFFF) << 16) | (S(9) >> 15);
    m_x[2] = ((S(7) & 0xFFFF) << 16) | (S(5) >> 15);
    m_x[3] = ((S(2) & 0xFFFF) << 16) | (S(0) >> 15);
}

/**
 * ZUC spec 3.4: W = (X0 ^ R1) + R2; W1 = R1 + X1; W2 = R2 ^ X2;
 * R1 = S(L1(W1L || W2H)); R2 = S(L2(W2L || W1H)); additions mod 2^32.
 */
uint32_t
Zuc::F()
{
    uint32_t w = (m_x[0] ^ m_r1) + m_r2;
    uint32_t w1 = m_r1 + m_x[1];
    uint32_t w2 = m_r2 ^ m_x[2];
    m_r1 = SBox(L1((w1 << 16) | (w2 >> 16)));
    m_r2 = SBox(L2((w2 << 16) | (w1 >> 16)));
    return w;
}

/**
 * ZUC spec 3.2.1: v = 2^15 s15 + 2^17 s13 + 2^21 s10 + 2^20 s4 + (1 + 2^8) s0 mod (2^31 - 1);
 * s16 = (v + u) mod (2^31 - 1), replaced by 2^31 - 1 if 0; then shift the register.
 */
void
Zuc::LfsrWithInitialisationMode(uint32_t u)
{
    uint32_t v = S(0);
    v = AddMod31(v, MulPow2Mod31(S(0), 8));
    v = AddMod31(v, MulPow2Mod31(S(4), 20));
    v = AddMod31(v, MulPow2Mod31(S(10), 21));
    v = AddMod31(v, MulPow2Mod31(S(13), 17));
    v = AddMod31(v, MulPow2Mod31(S(15), 15));
    uint32_t s16 = AddMod31(v, u & kMod31);
    if (s16 == 0)
    {
        s16 = kMod31;
    }
    Shift(s16);
}

/**
 * ZUC spec 3.2.2: s16 = 2^15 s15 + 2^17 s13 + 2^21 s10 + 2^20 s4 + (1 + 2^8) s0
 * mod (2^31 - 1), replaced by 2^31 - 1 if 0; then shift the register.
 */
void
Zuc::LfsrWithWorkMode()
{
    uint32_t s16 = S(0);
    s16 = AddMod31(s16, MulPow2Mod31(S(0), 8));
    s16 = AddMod31(s16, MulPow2Mod31(S(4), 20));
    s16 = AddMod31(s16, MulPow2Mod31(S(10), 21));
    s16 = AddMod31(s16, MulPow2Mod31(S(13), 17));
    s16 = AddMod31(s16, MulPow2Mod31(S(15), 15));
    if (s16 == 0)
    {
        s16 = kMod31;
    }
    Shift(s16);
}

/*
 * EEA3&EIA3 Document 1, clause 3: IV = COUNT || BEARER<<3 | DIRECTION<<2 || 0 || 0 || 0,
 * repeated once (iv_8..iv_15 = iv_0..iv_7); L = ceil(LENGTH / 32) keystream words;
 * C = M ^ z, bit by bit, for the first LENGTH bits.
 */
void
Zuc::Eea3(const uint8_t* key,
          uint32_t count,
          uint8_t bearer,
          uint8_t direction,
          uint8_t* data,
          uint32_t lengthBits)
{
    if (lengthBits == 0)
    {
        return;
    }
    uint8_t iv[16] = {};
    PutCount(iv, count);
    iv[4] = static_cast<uint8_t>(((bearer & 0x1F) << 3) | ((direction & 0x01) << 2));
    for (size_t i = 0; i < 8; ++i)
    {
        iv[8 + i] = iv[i];
    }
    Zuc zuc(key, iv);

    // Keystream word z_j covers bytes 4j..4j+3, its most significant byte first.
    NrSecurityXorKeystream(zuc, data, lengthBits);
}

/*
 * EEA3&EIA3 Document 1, clause 4:
 *  - IV (4.3): iv_0..3 = COUNT, iv_4 = BEARER << 3, iv_5 = iv_6 = iv_7 = 0,
 *    iv_8 = iv_0 ^ (DIRECTION << 7), iv_9..iv_13 = iv_1..iv_5, iv_14 = iv_6 ^ (DIRECTION << 7),
 *    iv_15 = iv_7;
 *  - L = ceil(LENGTH / 32) + 2 keystream words z[0..32L-1];
 *  - z_i = z[i] || z[i+1] || ... || z[i+31] (the 32-bit window starting at bit i);
 *  - T = 0; for i = 0..LENGTH-1: if M[i] == 1, T ^= z_i; T ^= z_LENGTH;
 *    MAC = T ^ z_{32(L-1)}.
 * The message is taken 32 bits at a time (word j = bits 32j..32j+31, big-endian): with
 * K = z-word j || z-word j+1 as a 64-bit value, z_{32j+b} = the 32 bits of K starting at bit
 * b, i.e. (K >> (32 - b)) truncated; each message bit selects its window branch-free. The
 * keystream is produced word by word, keeping only the two words the windows span.
 */
uint32_t
Zuc::Eia3(const uint8_t* key,
          uint32_t count,
          uint8_t bearer,
          uint8_t direction,
          const uint8_t* data,
          uint32_t lengthBits)
{
    uint8_t iv[16] = {};
    PutCount(iv, count);
    iv[4] = static_cast<uint8_t>((bearer & 0x1F) << 3);
    const uint8_t dirBit = static_cast<uint8_t>((direction & 0x01) << 7);
    iv[8] = static_cast<uint8_t>(iv[0] ^ dirBit);
    for (size_t i = 9; i < 14; ++i)
    {
        iv[i] = iv[i - 8];
    }
    iv[14] = static_cast<uint8_t>(iv[6] ^ dirBit);
    iv[15] = iv[7];
    Zuc zuc(key, iv);

    // Keystream words k0 = z-word number 'word', k1 = number 'word' + 1.
    uint32_t word = 0;
    uint32_t k0 = zuc.NextWord();
    uint32_t k1 = zuc.NextWord();
    uint32_t t = 0;
    const uint32_t fullWords = lengthBits / 32;
    const uint32_t nBytes = lengthBits / 8 + (lengthBits % 8 != 0 ? 1 : 0);
    for (uint32_t j = 0; j <= fullWords; ++j)
    {
        if (j != word)
        {
            k0 = k1;
            k1 = zuc.NextWord();
            ++word;
        }
        // Message word j, bits past LENGTH cleared; never reads past ceil(LENGTH / 8) bytes.
        uint32_t m = 0;
        uint32_t bitsHere = 32;
        if (j == fullWords)
        {
            bitsHere = lengthBits % 32;
            if (bitsHere == 0)
            {
                break;
            }
        }
        for (uint32_t n = 0; n < 4; ++n)
        {
            const uint32_t idx = 4 * j + n;
            m = m << 8 | (idx < nBytes ? data[idx] : 0);
        }
        if (bitsHere < 32)
        {
            m &= ~uint32_t{0} << (32 - bitsHere);
        }
        const uint64_t kk = static_cast<uint64_t>(k0) << 32 | k1;
        for (uint32_t bit = 0; bit < 32; ++bit)
        {
            const uint32_t window = static_cast<uint32_t>(kk >> (32 - bit));
            t ^= window & (0 - ((m >> (31 - bit)) & 1));
        }
    }

    // T ^= z_LENGTH.
    if (lengthBits / 32 != word)
    {
        k0 = k1;
        k1 = zuc.NextWord();
        ++word;
    }
    const uint32_t rem = lengthBits % 32;
    t ^= rem == 0 ? k0 : (k0 << rem) | (k1 >> (32 - rem));

    // MAC = T ^ z_{32(L-1)}, i.e. the whole keystream word number L - 1 = ceil(LENGTH/32) + 1.
    const uint32_t lastWord = lengthBits / 32 + (lengthBits % 32 != 0 ? 1 : 0) + 1;
    uint32_t zLast = k1; // word + 1
    for (uint32_t w = word + 1; w < lastWord; ++w)
    {
        zLast = zuc.NextWord();
    }
    return t ^ zLast;
}

} // namespace ns3
