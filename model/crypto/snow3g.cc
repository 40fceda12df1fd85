// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * SNOW 3G, written from ETSI/SAGE "Specification of the 3GPP Confidentiality and Integrity
 * Algorithms UEA2 & UIA2, Document 2: SNOW 3G Specification" (V1.1), and the 128-EEA1 / 128-EIA1
 * constructions of TS 33.401 Annex B.1.2 / B.2.1 (UEA2 f8 / UIA2 f9 of ETSI/SAGE UEA2 & UIA2
 * Document 1, sections 3 and 4).
 */
#include "snow3g.h"

namespace ns3
{

namespace
{

/**
 * \brief MULx (SNOW 3G spec, 3.1.1): multiplication of an 8-bit value by x modulo the
 *        polynomial whose low byte is c.
 * \param v the 8-bit input V.
 * \param c the 8-bit reduction constant c.
 * \return (V << 1) XOR c if the leftmost bit of V is set, else V << 1 (in an 8-bit register).
 */
constexpr uint8_t
MulX(uint8_t v, uint8_t c)
{
    return static_cast<uint8_t>((v & 0x80) != 0 ? ((v << 1) ^ c) : (v << 1));
}

/**
 * \brief MULxPOW (SNOW 3G spec, 3.1.2): i-fold application of MULx.
 * \param v the 8-bit input V.
 * \param i the exponent.
 * \param c the 8-bit reduction constant.
 * \return MULxPOW(V, i, c).
 */
constexpr uint8_t
MulXPow(uint8_t v, unsigned i, uint8_t c)
{
    for (unsigned n = 0; n < i; ++n)
    {
        v = MulX(v, c);
    }
    return v;
}

/**
 * \brief Product of two elements of GF(2^8) (bit-serial multiplication).
 * \param a first factor.
 * \param b second factor.
 * \param c low byte of the degree-8 reduction polynomial (0x1B for x^8+x^4+x^3+x+1,
 *        0x69 for x^8+x^6+x^5+x^3+1).
 * \return a * b in GF(2^8).
 */
constexpr uint8_t
GfMul(uint8_t a, uint8_t b, uint8_t c)
{
    uint8_t r = 0;
    for (int i = 0; i < 8; ++i)
    {
        if ((b & 1) != 0)
        {
            r = static_cast<uint8_t>(r ^ a);
        }
        a = MulX(a, c);
        b = static_cast<uint8_t>(b >> 1);
    }
    return r;
}

/**
 * \brief a^e in GF(2^8).
 * \param a the base.
 * \param e the exponent.
 * \param c low byte of the reduction polynomial.
 * \return a^e (with 0^0 = 1).
 */
constexpr uint8_t
GfPow(uint8_t a, unsigned e, uint8_t c)
{
    uint8_t r = 1;
    while (e != 0)
    {
        if ((e & 1) != 0)
        {
            r = GfMul(r, a, c);
        }
        a = GfMul(a, a, c);
        e >>= 1;
    }
    return r;
}

/// A 256-entry byte substitution table.
using ByteTable = std::array<uint8_t, 256>;
/// A 256-entry table of 32-bit words.
using WordTable = std::array<uint32_t, 256>;

/**
 * \brief The Rijndael S-box S_R (SNOW 3G spec, 3.3.1 / FIPS-197 5.1.1): multiplicative
 *        inverse in GF(2^8) mod x^8+x^4+x^3+x+1 (0 mapped to 0), followed by the affine map
 *        b ^ rotl(b,1) ^ rotl(b,2) ^ rotl(b,3) ^ rotl(b,4) ^ 0x63.
 * \return the table S_R.
 */
constexpr ByteTable
MakeSr()
{
    ByteTable t{};
    for (unsigned x = 0; x < 256; ++x)
    {
        // x^254 = x^-1 for x != 0, and 0^254 = 0.
        const unsigned b = GfPow(static_cast<uint8_t>(x), 254, 0x1b);
        unsigned s = b;
        for (unsigned r = 1; r <= 4; ++r)
        {
            s ^= ((b << r) | (b >> (8 - r))) & 0xff;
        }
        t[x] = static_cast<uint8_t>(s ^ 0x63);
    }
    return t;
}

/**
 * \brief The S-box S_Q (SNOW 3G spec, 3.3.2): S_Q(x) = g49(x) XOR 0x25, where
 *        g49(x) = x + x^9 + x^13 + x^15 + x^33 + x^41 + x^45 + x^47 + x^49 is the Dickson
 *        polynomial over GF(2^8) defined by x^8+x^6+x^5+x^3+1.
 * \return the table S_Q.
 */
constexpr ByteTable
MakeSq()
{
    ByteTable t{};
    for (unsigned i = 0; i < 256; ++i)
    {
        const auto x = static_cast<uint8_t>(i);
        // Addition chain for the odd powers of x that g49 needs (keeps constexpr cost low).
        const uint8_t x2 = GfMul(x, x, 0x69);
        const uint8_t x4 = GfMul(x2, x2, 0x69);
        const uint8_t x8 = GfMul(x4, x4, 0x69);
        const uint8_t x9 = GfMul(x8, x, 0x69);
        const uint8_t x13 = GfMul(x9, x4, 0x69);
        const uint8_t x15 = GfMul(x13, x2, 0x69);
        const uint8_t x16 = GfMul(x8, x8, 0x69);
        const uint8_t x32 = GfMul(x16, x16, 0x69);
        const uint8_t x33 = GfMul(x32, x, 0x69);
        const uint8_t x41 = GfMul(x33, x8, 0x69);
        const uint8_t x45 = GfMul(x41, x4, 0x69);
        const uint8_t x47 = GfMul(x45, x2, 0x69);
        const uint8_t x49 = GfMul(x47, x2, 0x69);
        const unsigned g = x ^ x9 ^ x13 ^ x15 ^ x33 ^ x41 ^ x45 ^ x47 ^ x49;
        t[i] = static_cast<uint8_t>(g ^ 0x25);
    }
    return t;
}

/**
 * \brief Builds a table of four-byte words whose byte j (j = 0 most significant) is
 *        MULxPOW(c, exps[j], 0xA9), for every byte c. MULxPOW(c, n, 0xA9) is c * x^n in
 *        GF(2^8) defined by x^8+x^7+x^5+x^3+1, so x^n is computed once per byte lane.
 * \param exps the four exponents.
 * \return the table.
 */
constexpr WordTable
MakeAlphaTable(const std::array<unsigned, 4>& exps)
{
    std::array<uint8_t, 4> xn{};
    for (size_t j = 0; j < 4; ++j)
    {
        xn[j] = MulXPow(1, exps[j], 0xa9);
    }
    WordTable t{};
    for (unsigned c = 0; c < 256; ++c)
    {
        uint32_t w = 0;
        for (size_t j = 0; j < 4; ++j)
        {
            w = w << 8 | GfMul(static_cast<uint8_t>(c), xn[j], 0xa9);
        }
        t[c] = w;
    }
    return t;
}

constexpr ByteTable kSr = MakeSr(); ///< S_R, SNOW 3G spec 3.3.1
constexpr ByteTable kSq = MakeSq(); ///< S_Q, SNOW 3G spec 3.3.2
/// MULalpha (SNOW 3G spec 3.4.2):
/// MULxPOW(c,23,0xA9) || MULxPOW(c,245,0xA9) || MULxPOW(c,48,0xA9) || MULxPOW(c,239,0xA9).
constexpr WordTable kMulAlpha = MakeAlphaTable({23, 245, 48, 239});
/// DIValpha (SNOW 3G spec 3.4.3):
/// MULxPOW(c,16,0xA9) || MULxPOW(c,39,0xA9) || MULxPOW(c,6,0xA9) || MULxPOW(c,64,0xA9).
constexpr WordTable kDivAlpha = MakeAlphaTable({16, 39, 6, 64});

// Spot checks of the generated tables against the published values.
static_assert(kSr[0x00] == 0x63 && kSr[0x01] == 0x7c && kSr[0x53] == 0xed && kSr[0xff] == 0x16,
              "S_R does not match the Rijndael S-box");
static_assert(kSq[0x00] == 0x25 && kSq[0x01] == 0x24 && kSq[0x02] == 0x73 && kSq[0x03] == 0x67,
              "S_Q does not match the SNOW 3G specification");

/**
 * \brief The MixColumn-style matrix of S1 and S2 (SNOW 3G spec, 3.3.1 and 3.3.2) applied to
 *        substituted bytes a0..a3 over GF(2^8) with reduction constant c:
 *        r0 = 2*a0 + a1 + a2 + 3*a3, r1 = 3*a0 + 2*a1 + a2 + a3, r2 = a0 + 3*a1 + 2*a2 + a3,
 *        r3 = a0 + a1 + 3*a2 + 2*a3 (2* is MULx, + is XOR).
 * \param a0 the substituted byte of w0 (most significant).
 * \param a1 the substituted byte of w1.
 * \param a2 the substituted byte of w2.
 * \param a3 the substituted byte of w3.
 * \param c 0x1B for S1, 0x69 for S2.
 * \return r0 || r1 || r2 || r3.
 */
constexpr uint32_t
Mix(uint8_t a0, uint8_t a1, uint8_t a2, uint8_t a3, uint8_t c)
{
    const uint8_t x0 = MulX(a0, c);
    const uint8_t x1 = MulX(a1, c);
    const uint8_t x2 = MulX(a2, c);
    const uint8_t x3 = MulX(a3, c);
    const uint32_t r0 = x0 ^ a1 ^ a2 ^ x3 ^ a3;
    const uint32_t r1 = x0 ^ a0 ^ x1 ^ a2 ^ a3;
    const uint32_t r2 = a0 ^ x1 ^ a1 ^ x2 ^ a3;
    const uint32_t r3 = a0 ^ a1 ^ x2 ^ a2 ^ x3;
    return r0 << 24 | r1 << 16 | r2 << 8 | r3;
}

/// Four 256-entry word tables, one per input byte lane (lane 0 = most significant).
using LaneTables = std::array<WordTable, 4>;

/**
 * \brief The S-box S1 or S2 as four lane tables: the matrix of Mix() is linear, so
 *        S(w) = T0[w0] ^ T1[w1] ^ T2[w2] ^ T3[w3] with Tj[b] = Mix() of box[b] in lane j and
 *        zero in the other lanes (the usual table form of the SNOW 3G spec's S1/S2).
 * \param box the byte S-box (S_R for S1, S_Q for S2).
 * \param c 0x1B for S1, 0x69 for S2.
 * \return the four tables.
 */
constexpr LaneTables
MakeSubMixTables(const ByteTable& box, uint8_t c)
{
    LaneTables t{};
    for (unsigned b = 0; b < 256; ++b)
    {
        const uint8_t a = box[b];
        t[0][b] = Mix(a, 0, 0, 0, c);
        t[1][b] = Mix(0, a, 0, 0, c);
        t[2][b] = Mix(0, 0, a, 0, c);
        t[3][b] = Mix(0, 0, 0, a, c);
    }
    return t;
}

constexpr LaneTables kS1 = MakeSubMixTables(kSr, 0x1b); ///< S1 (SNOW 3G spec 3.3.1)
constexpr LaneTables kS2 = MakeSubMixTables(kSq, 0x69); ///< S2 (SNOW 3G spec 3.3.2)

// The table form equals the byte-wise definition (spot checks; the vectors check the rest).
static_assert((kS1[0][0x53] ^ kS1[1][0x00] ^ kS1[2][0xff] ^ kS1[3][0x01])
                  == Mix(kSr[0x53], kSr[0x00], kSr[0xff], kSr[0x01], 0x1b),
              "S1 lane tables");
static_assert((kS2[0][0x02] ^ kS2[1][0x03] ^ kS2[2][0x00] ^ kS2[3][0x01])
                  == Mix(kSq[0x02], kSq[0x03], kSq[0x00], kSq[0x01], 0x69),
              "S2 lane tables");

/**
 * \brief The 32-bit S-boxes S1 and S2 (SNOW 3G spec, 3.3.1 and 3.3.2): a byte substitution
 *        followed by the MixColumn-style matrix, through the lane tables.
 * \param w the input word w0 || w1 || w2 || w3 (w0 most significant).
 * \param t kS1 or kS2.
 * \return r0 || r1 || r2 || r3.
 */
inline uint32_t
SubMix(uint32_t w, const LaneTables& t)
{
    return t[0][(w >> 24) & 0xff] ^ t[1][(w >> 16) & 0xff] ^ t[2][(w >> 8) & 0xff] ^ t[3][w & 0xff];
}

/**
 * \brief Loads 4 bytes as a big-endian word (host-endianness independent).
 * \param p pointer to 4 readable bytes.
 * \return p[0] || p[1] || p[2] || p[3].
 */
uint32_t
LoadBe32(const uint8_t* p)
{
    return static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16
           | static_cast<uint32_t>(p[2]) << 8 | static_cast<uint32_t>(p[3]);
}

/**
 * \brief The UEA2/UIA2 key load (UEA2 & UIA2 Document 1, 3.4 and 4.4): K3 is the first
 *        (most significant) 32 bits of the 128-bit key, K0 the last; returned as k0..k3.
 * \param key the 16 key bytes.
 * \return {K0, K1, K2, K3}.
 */
std::array<uint32_t, 4>
LoadF8F9Key(const uint8_t* key)
{
    return {LoadBe32(key + 12), LoadBe32(key + 8), LoadBe32(key + 4), LoadBe32(key)};
}

/**
 * \brief MUL64x (UEA2 & UIA2 Document 1, 4.3): V * x in GF(2^64) defined by
 *        x^64 + x^4 + x^3 + x + 1 (V << 1, XOR 0x1B if the leftmost bit of V was set).
 * \param v V.
 * \return MUL64x(V, 0x1B).
 */
constexpr uint64_t
Mul64x(uint64_t v)
{
    return (v << 1) ^ (0x1b & (0 - (v >> 63)));
}

/**
 * \brief Carry-less product of an 8-bit t(x) with x^4 + x^3 + x + 1 (0x1B): the reduction
 *        of t(x) * x^64 in GF(2^64); at most 12 bits, so no further reduction.
 * \param t the 8 bits shifted out at the top.
 * \return t(x) * (x^4 + x^3 + x + 1).
 */
constexpr uint64_t
ReduceTop(unsigned t)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 8; ++i)
    {
        if ((t >> i) & 1)
        {
            r ^= uint64_t{0x1b} << i;
        }
    }
    return r;
}

/// ReduceTop() for every byte.
constexpr std::array<uint64_t, 256>
MakeReduceTable()
{
    std::array<uint64_t, 256> t{};
    for (unsigned i = 0; i < 256; ++i)
    {
        t[i] = ReduceTop(i);
    }
    return t;
}

constexpr std::array<uint64_t, 256> kReduce8 = MakeReduceTable(); ///< x^64 * t(x) mod the poly

/**
 * \brief MUL64 (UEA2 & UIA2 Document 1, 4.3) with a fixed multiplier P, in the table form:
 *        T[n] = n(x) * P for every byte n, and V * P = sum over the bytes v_i of V of
 *        v_i(x) * x^(8i) * P, evaluated by Horner's rule from the top byte:
 *        R = R * x^8 + T[v_i], where R * x^8 = (R << 8) XOR kReduce8[R >> 56].
 */
class Mul64Table
{
  public:
    /**
     * \brief Builds T[0..255] for P (T[n] = XOR of P * x^k over the set bits k of n).
     * \param p the multiplier P.
     */
    explicit Mul64Table(uint64_t p)
    {
        uint64_t px[8];
        px[0] = p;
        for (unsigned k = 1; k < 8; ++k)
        {
            px[k] = Mul64x(px[k - 1]);
        }
        m_t[0] = 0;
        for (unsigned n = 1; n < 256; ++n)
        {
            unsigned low = static_cast<unsigned>(__builtin_ctz(n));
            m_t[n] = m_t[n & (n - 1)] ^ px[low];
        }
    }

    /**
     * \brief MUL64(V, P, 0x1B).
     * \param v V.
     * \return V * P.
     */
    uint64_t operator()(uint64_t v) const
    {
        uint64_t r = m_t[v >> 56];
        for (int shift = 48; shift >= 0; shift -= 8)
        {
            r = (r << 8) ^ kReduce8[r >> 56] ^ m_t[(v >> shift) & 0xff];
        }
        return r;
    }

  private:
    std::array<uint64_t, 256> m_t; ///< n(x) * P for every byte n
};

/**
 * \brief MUL64 (UEA2 & UIA2 Document 1, 4.3) with a fixed multiplier P, 4 bits at a time:
 *        T[n] = n(x) * P for every nibble n, R = R * x^4 + T[v_i] from the top nibble of V,
 *        where R * x^4 = (R << 4) XOR kReduce8[R >> 60]. Cheaper to set up than Mul64Table
 *        (16 entries), for short messages and the single multiplication by Q.
 */
class Mul64Table4
{
  public:
    /**
     * \brief Builds T[0..15] for P.
     * \param p the multiplier P.
     */
    explicit Mul64Table4(uint64_t p)
    {
        const uint64_t p1 = Mul64x(p);
        const uint64_t p2 = Mul64x(p1);
        const uint64_t p3 = Mul64x(p2);
        for (unsigned n = 0; n < 16; ++n)
        {
            m_t[n] = (p & (0 - uint64_t{n & 1})) ^ (p1 & (0 - uint64_t{(n >> 1) & 1}))
                     ^ (p2 & (0 - uint64_t{(n >> 2) & 1})) ^ (p3 & (0 - uint64_t{(n >> 3) & 1}));
        }
    }

    /**
     * \brief MUL64(V, P, 0x1B).
     * \param v V.
     * \return V * P.
     */
    uint64_t operator()(uint64_t v) const
    {
        uint64_t r = m_t[v >> 60];
        for (int shift = 56; shift >= 0; shift -= 4)
        {
            r = (r << 4) ^ kReduce8[r >> 60] ^ m_t[(v >> shift) & 0xf];
        }
        return r;
    }

  private:
    std::array<uint64_t, 16> m_t; ///< n(x) * P for every nibble n
};

/// Messages of fewer 64-bit blocks than this use Mul64Table4 (cheaper than T[256] to build).
constexpr uint64_t kTableBlocks = 8;

} // namespace

Snow3g::Snow3g(const std::array<uint32_t, 4>& k, const std::array<uint32_t, 4>& iv)
    : m_r1(0)
    , m_r2(0)
    , m_r3(0)
{
    // SNOW 3G spec 3.4.4: LFSR load ("1" is the all-ones word), R1 = R2 = R3 = 0.
    const uint32_t ones = 0xffffffff;
    m_lfsr[15] = k[3] ^ iv[0];
    m_lfsr[14] = k[2];
    m_lfsr[13] = k[1];
    m_lfsr[12] = k[0] ^ iv[1];
    m_lfsr[11] = k[3] ^ ones;
    m_lfsr[10] = k[2] ^ ones ^ iv[2];
    m_lfsr[9] = k[1] ^ ones ^ iv[3];
    m_lfsr[8] = k[0] ^ ones;
    m_lfsr[7] = k[3];
    m_lfsr[6] = k[2];
    m_lfsr[5] = k[1];
    m_lfsr[4] = k[0];
    m_lfsr[3] = k[3] ^ ones;
    m_lfsr[2] = k[2] ^ ones;
    m_lfsr[1] = k[1] ^ ones;
    m_lfsr[0] = k[0] ^ ones;

    // 32 clocks in initialisation mode, the FSM output fed back into the LFSR.
    for (int t = 0; t < 32; ++t)
    {
        ClockLfsrInitialisationMode(ClockFsm());
    }
    // SNOW 3G spec 3.4.5: one further clock whose FSM output is discarded.
    ClockFsm();
    ClockLfsrKeystreamMode();
}

uint32_t
Snow3g::NextWord()
{
    // SNOW 3G spec 3.4.5: z_t = F XOR s0, then the LFSR is clocked in keystream mode.
    const uint32_t z = ClockFsm() ^ S(0);
    ClockLfsrKeystreamMode();
    return z;
}

/**
 * Clocking the FSM (SNOW 3G spec, 3.4.6): F = (s15 + R1) XOR R2, r = R2 + (R3 XOR s5),
 * R3 = S2(R2), R2 = S1(R1), R1 = r, all additions modulo 2^32.
 */
uint32_t
Snow3g::ClockFsm()
{
    const uint32_t f = (S(15) + m_r1) ^ m_r2;
    const uint32_t r = m_r2 + (m_r3 ^ S(5));
    m_r3 = SubMix(m_r2, kS2);
    m_r2 = SubMix(m_r1, kS1);
    m_r1 = r;
    return f;
}

/**
 * Clocking the LFSR in initialisation mode (SNOW 3G spec, 3.4.4):
 * v = (s0,1 || s0,2 || s0,3 || 0x00) XOR MULalpha(s0,0) XOR s2
 *     XOR (0x00 || s11,0 || s11,1 || s11,2) XOR DIValpha(s11,3) XOR F,
 * then s_i = s_{i+1} for i = 0..14 and s15 = v.
 */
void
Snow3g::ClockLfsrInitialisationMode(uint32_t f)
{
    const uint32_t v
        = (S(0) << 8) ^ kMulAlpha[S(0) >> 24] ^ S(2) ^ (S(11) >> 8) ^ kDivAlpha[S(11) & 0xff] ^ f;
    Shift(v);
}

/**
 * Clocking the LFSR in keystream mode (SNOW 3G spec, 3.4.5): as in initialisation mode but
 * without the FSM output term.
 */
void
Snow3g::ClockLfsrKeystreamMode()
{
    ClockLfsrInitialisationMode(0);
}

/**
 * 128-EEA1 (TS 33.401 B.1.2) is UEA2 f8 (UEA2 & UIA2 Document 1, section 3) with BEARER on
 * 5 bits: K3..K0 = the key from its first to its last 32 bits, IV3 = IV1 = COUNT,
 * IV2 = IV0 = BEARER || DIRECTION || 0^26; keystream word z_1 covers the first 4 bytes.
 */
void
Snow3g::Eea1(const uint8_t* key,
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
    const uint32_t bd = static_cast<uint32_t>(bearer & 0x1f) << 27
                        | static_cast<uint32_t>(direction & 0x01) << 26;
    Snow3g g(LoadF8F9Key(key), {bd, count, bd, count});

    NrSecurityXorKeystream(g, data, lengthBits);
}

/**
 * 128-EIA1 (TS 33.401 B.2.1) is UIA2 f9 (UEA2 & UIA2 Document 1, section 4) with
 * FRESH = BEARER || 0^27 and COUNT-I = COUNT:
 * IV3 = COUNT, IV2 = FRESH, IV1 = COUNT XOR (DIRECTION << 31), IV0 = FRESH XOR (DIRECTION << 15).
 * Five keystream words give P = z1 || z2, Q = z3 || z4 and the output mask z5. With
 * D = ceil(LENGTH / 64) + 1 and the message cut into 64-bit blocks M_0..M_{D-2} (the last one
 * zero-padded): EVAL = 0; EVAL = MUL64(EVAL XOR M_i, P) for i = 0..D-2; EVAL ^= LENGTH;
 * EVAL = MUL64(EVAL, Q); MAC-I = (EVAL >> 32) XOR z5.
 */
uint32_t
Snow3g::Eia1(const uint8_t* key,
             uint32_t count,
             uint8_t bearer,
             uint8_t direction,
             const uint8_t* data,
             uint64_t lengthBits)
{
    const uint32_t fresh = static_cast<uint32_t>(bearer & 0x1f) << 27;
    const uint32_t dir = direction & 0x01;
    Snow3g g(LoadF8F9Key(key), {fresh ^ (dir << 15), count ^ (dir << 31), fresh, count});

    const uint32_t z1 = g.NextWord();
    const uint32_t z2 = g.NextWord();
    const uint32_t z3 = g.NextWord();
    const uint32_t z4 = g.NextWord();
    const uint32_t z5 = g.NextWord();
    const uint64_t p = static_cast<uint64_t>(z1) << 32 | z2;
    const uint64_t q = static_cast<uint64_t>(z3) << 32 | z4;

    // Never read past ceil(LENGTH / 8) bytes (written so that it cannot overflow).
    const uint64_t nBytes = lengthBits / 8 + ((lengthBits % 8) != 0 ? 1 : 0);
    const uint64_t nBlocks = lengthBits / 64 + ((lengthBits % 64) != 0 ? 1 : 0);
    uint64_t eval = 0;
    auto block = [&](uint64_t b)
    {
        const uint64_t first = b * 8;
        uint64_t m = 0;
        if (nBytes - first >= 8)
        {
            for (uint64_t j = 0; j < 8; ++j)
            {
                m = m << 8 | data[first + j];
            }
        }
        else
        {
            for (uint64_t j = 0; first + j < nBytes; ++j)
            {
                m |= static_cast<uint64_t>(data[first + j]) << (56 - 8 * j);
            }
        }
        if (b + 1 == nBlocks && (lengthBits % 64) != 0)
        {
            // Ignore the bits beyond LENGTH in the last (partial) block; shift is 1..63.
            m &= ~uint64_t{0} << (64 - lengthBits % 64);
        }
        return m;
    };
    if (nBlocks >= kTableBlocks)
    {
        const Mul64Table mulP(p);
        for (uint64_t b = 0; b < nBlocks; ++b)
        {
            eval = mulP(eval ^ block(b));
        }
    }
    else
    {
        const Mul64Table4 mulP(p);
        for (uint64_t b = 0; b < nBlocks; ++b)
        {
            eval = mulP(eval ^ block(b));
        }
    }
    eval ^= lengthBits;
    eval = Mul64Table4(q)(eval);
    return static_cast<uint32_t>(eval >> 32) ^ z5;
}

} // namespace ns3
