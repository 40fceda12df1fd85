// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Explain mode: the named intermediates of the KDF and the NEA/NIA algorithms. Every
 * intermediate is recomputed here from the spec text (TS 33.220 B.2, TS 33.501 Annex A,
 * TS 33.401 Annex B, UEA2&UIA2 Document 1, EEA3&EIA3 Document 1, NIST SP 800-38B) and checked
 * against what the library returns.
 */
#include "nr-security-explain.h"

#include "nr-security-hex.h"
#include "snow3g.h"
#include "zuc.h"

#include <algorithm>
#include <memory>
#include <openssl/evp.h>
#include <stdexcept>

namespace ns3
{

namespace
{

using Bytes = std::vector<uint8_t>;

/// Throws std::logic_error: an intermediate disagrees with the library's result.
[[noreturn]] void
Inconsistent(const std::string& what)
{
    throw std::logic_error("NrSecurityExplain: " + what
                           + " disagrees with the library's result (a bug)");
}

Bytes
BigEndian(uint64_t value, size_t bytes)
{
    Bytes out(bytes);
    for (size_t i = 0; i < bytes; ++i)
    {
        out[bytes - 1 - i] = static_cast<uint8_t>(value >> (8 * i));
    }
    return out;
}

std::string
Hex(const Bytes& b)
{
    return NrSecurityToHex(b);
}

std::string
Hex32(uint32_t v)
{
    return NrSecurityToHex32(v);
}

std::string
Hex64(uint64_t v)
{
    return Hex(BigEndian(v, 8));
}

uint32_t
LoadBe32(const uint8_t* p)
{
    return static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16
           | static_cast<uint32_t>(p[2]) << 8 | p[3];
}

/// The first ceil(lengthBits / 8) bytes of data with the bits past LENGTH cleared.
Bytes
FirstBits(const Bytes& data, uint32_t lengthBits)
{
    Bytes out(data.begin(), data.begin() + (lengthBits + 7) / 8);
    if (lengthBits % 8 != 0)
    {
        out.back() &= static_cast<uint8_t>(0xFF << (8 - lengthBits % 8));
    }
    return out;
}

/// AES-128 of one block (FIPS 197), through OpenSSL EVP AES-128-ECB without padding.
Bytes
Aes128(const NrSecurityKey128& key, const Bytes& block)
{
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                        &EVP_CIPHER_CTX_free);
    Bytes out(16);
    int outLen = 0;
    if (!ctx || block.size() != 16
        || EVP_EncryptInit_ex(ctx.get(), EVP_aes_128_ecb(), nullptr, key.data(), nullptr) != 1
        || EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1
        || EVP_EncryptUpdate(ctx.get(), out.data(), &outLen, block.data(), 16) != 1 || outLen != 16)
    {
        throw std::runtime_error("NrSecurityExplain: AES-128 failed in OpenSSL");
    }
    return out;
}

/// Doubling in GF(2^128) (NIST SP 800-38B 6.1): shift left, XOR R_128 = 0x87 on a carry.
Bytes
Double(const Bytes& in)
{
    Bytes out(16);
    for (size_t i = 0; i < 16; ++i)
    {
        out[i] = static_cast<uint8_t>(in[i] << 1 | (i + 1 < 16 ? in[i + 1] >> 7 : 0));
    }
    if (in[0] & 0x80)
    {
        out[15] ^= 0x87;
    }
    return out;
}

/// MUL64(V, P, c) of UEA2&UIA2 Document 1, 4.3, with c = 0x1B: V * P in GF(2^64).
uint64_t
Mul64(uint64_t v, uint64_t p)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 64; ++i)
    {
        if ((p >> i) & 1)
        {
            r ^= v;
        }
        v = (v << 1) ^ ((v >> 63) ? 0x1B : 0x00);
    }
    return r;
}

void
Add(NrSecurityExplanation& e, const std::string& name, const std::string& hex, std::string note)
{
    e.items.push_back({name, hex, std::move(note)});
}

/// KEY, COUNT, BEARER, DIRECTION and LENGTH (TS 33.501 D.2.1.1 / D.3.1.1).
void
AddAlgorithmInputs(NrSecurityExplanation& e,
                   const NrSecurityKey128& key,
                   uint32_t count,
                   uint8_t bearer,
                   uint8_t direction,
                   uint32_t lengthBits)
{
    Add(e, "KEY", NrSecurityToHex(key), "128 bits");
    Add(e, "COUNT", Hex32(count), "32 bits: " + std::to_string(count));
    Add(e,
        "BEARER",
        Hex(BigEndian(bearer, 1)),
        "5 bits: " + std::to_string(bearer) + " (for PDCP, RB identity - 1)");
    Add(e,
        "DIRECTION",
        Hex(BigEndian(direction, 1)),
        std::string("1 bit: ") + (direction ? "1 = downlink" : "0 = uplink"));
    Add(e, "LENGTH", Hex32(lengthBits), std::to_string(lengthBits) + " bits");
}

/// The SNOW 3G key words of UEA2/UIA2 f8/f9: k3 = the first 32 key bits ... k0 = the last.
std::array<uint32_t, 4>
Snow3gKeyWords(const NrSecurityKey128& key)
{
    return {LoadBe32(key.data() + 12),
            LoadBe32(key.data() + 8),
            LoadBe32(key.data() + 4),
            LoadBe32(key.data())};
}

void
AddSnow3gInit(NrSecurityExplanation& e,
              const std::array<uint32_t, 4>& k,
              const std::array<uint32_t, 4>& iv,
              const std::array<std::string, 4>& ivNotes)
{
    for (unsigned i = 0; i < 4; ++i)
    {
        Add(e,
            "k" + std::to_string(i),
            Hex32(k[i]),
            "SNOW 3G key word: KEY bits " + std::to_string(96 - 32 * i) + ".."
                + std::to_string(127 - 32 * i));
    }
    for (unsigned i = 0; i < 4; ++i)
    {
        Add(e, "IV" + std::to_string(i), Hex32(iv[i]), ivNotes[i]);
    }
}

/// The first keystream bytes of a word generator (SNOW 3G, ZUC), most significant first.
template <typename Generator>
Bytes
KeystreamBytes(Generator& g, uint32_t bytes)
{
    Bytes out;
    while (out.size() < bytes)
    {
        uint32_t z = g.NextWord();
        for (int s = 24; s >= 0 && out.size() < bytes; s -= 8)
        {
            out.push_back(static_cast<uint8_t>(z >> s));
        }
    }
    return out;
}

std::string
KeystreamNote(uint32_t shown, uint32_t total)
{
    return "first " + std::to_string(shown) + " of " + std::to_string(total)
           + " bytes; OBS = IBS XOR KEYSTREAM";
}

/// A KDF parameter with its meaning.
struct Param
{
    Bytes value;
    std::string note;
};

/**
 * The common part of every derivation: KEY, FC, P0, L0, ..., S, HMAC-SHA-256(KEY, S), then the
 * result (keptBytes bytes from keptFirst), checked against the library's result.
 */
NrSecurityExplanation
KdfExplanation(const std::string& title,
               const Bytes& key,
               const std::string& keyNote,
               uint8_t fc,
               const std::string& fcNote,
               const std::vector<Param>& params,
               const std::string& resultName,
               size_t keptFirst,
               const Bytes& libraryResult,
               const std::string& keptNote)
{
    NrSecurityExplanation e;
    e.title = title;
    Add(e, "KEY", Hex(key), keyNote + ", " + std::to_string(key.size()) + " bytes");
    Add(e, "FC", Hex(BigEndian(fc, 1)), fcNote);
    Bytes s{fc};
    std::vector<Bytes> raw;
    for (size_t i = 0; i < params.size(); ++i)
    {
        const Bytes& p = params[i].value;
        if (p.size() > 0xFFFF)
        {
            throw std::invalid_argument("NrSecurityKdf: P" + std::to_string(i)
                                        + " is longer than 65535 bytes");
        }
        Bytes l = BigEndian(p.size(), 2);
        Add(e, "P" + std::to_string(i), Hex(p), params[i].note);
        Add(e,
            "L" + std::to_string(i),
            Hex(l),
            "length of P" + std::to_string(i) + ": " + std::to_string(p.size())
                + (p.size() == 1 ? " byte" : " bytes"));
        s.insert(s.end(), p.begin(), p.end());
        s.insert(s.end(), l.begin(), l.end());
        raw.push_back(p);
    }
    if (s != NrSecurityKdf::BuildS(fc, raw))
    {
        Inconsistent("S");
    }
    std::string sNote = "FC";
    for (size_t i = 0; i < params.size(); ++i)
    {
        sNote += " || P" + std::to_string(i) + " || L" + std::to_string(i);
    }
    Add(e, "S", Hex(s), sNote + " (TS 33.220 B.2.2)");
    auto mac = NrSecurityKdf::HmacSha256(key, s);
    Add(e,
        "HMAC-SHA-256(KEY, S)",
        NrSecurityToHex(mac),
        "the KDF output, 256 bits (TS 33.220 B.2.0)");
    if (resultName.empty())
    {
        return e;
    }
    Bytes kept(mac.begin() + keptFirst, mac.begin() + keptFirst + libraryResult.size());
    if (kept != libraryResult)
    {
        Inconsistent(resultName);
    }
    Add(e,
        resultName,
        Hex(kept),
        "bytes " + std::to_string(keptFirst) + ".." + std::to_string(keptFirst + kept.size() - 1)
            + " of HMAC-SHA-256(KEY, S): " + keptNote);
    return e;
}

Bytes
AsBytes(const NrSecurityKey256& k)
{
    return Bytes(k.begin(), k.end());
}

Bytes
AsBytes(const NrSecurityKey128& k)
{
    return Bytes(k.begin(), k.end());
}

} // namespace

const NrSecurityExplainItem*
NrSecurityExplanation::Find(const std::string& name) const
{
    for (const auto& item : items)
    {
        if (item.name == name)
        {
            return &item;
        }
    }
    return nullptr;
}

std::string
NrSecurityExplanation::Format() const
{
    std::string out = "# " + title + "\n";
    for (const auto& item : items)
    {
        out += item.name + " = " + item.hex;
        if (!item.note.empty())
        {
            out += "  # " + item.note;
        }
        out += "\n";
    }
    return out;
}

NrSecurityExplanation
NrSecurityExplain::Kdf(const Bytes& key, uint8_t fc, const std::vector<Bytes>& params)
{
    std::vector<Param> p;
    for (const auto& v : params)
    {
        p.push_back({v, ""});
    }
    return KdfExplanation("KDF (TS 33.220 B.2): HMAC-SHA-256(KEY, S)",
                          key,
                          "the KDF key",
                          fc,
                          "function code",
                          p,
                          "",
                          0,
                          {},
                          "");
}

NrSecurityExplanation
NrSecurityExplain::Kamf(const NrSecurityKey256& kSeaf,
                        const std::string& supi,
                        const std::vector<uint8_t>& abba)
{
    Bytes result = AsBytes(NrSecurityKdf::DeriveKamf(kSeaf, supi, abba));
    return KdfExplanation(
        "K_AMF (TS 33.501 A.7): KDF (TS 33.220 B.2) with FC 0x6D",
        AsBytes(kSeaf),
        "K_SEAF",
        0x6D,
        "function code of K_AMF (TS 33.501 A.7)",
        {{Bytes(supi.begin(), supi.end()), "SUPI: '" + supi + "'"}, {abba, "ABBA parameter"}},
        "K_AMF",
        0,
        result,
        "all 256 bits");
}

NrSecurityExplanation
NrSecurityExplain::Kgnb(const NrSecurityKey256& kAmf,
                        uint32_t ulNasCount,
                        NrSecurityAccessType access)
{
    Bytes result = AsBytes(NrSecurityKdf::DeriveKgnb(kAmf, ulNasCount, access));
    const bool threeGpp = access == NrSecurityAccessType::THREE_GPP;
    const std::string name = threeGpp ? "K_gNB" : "K_N3IWF";
    return KdfExplanation(
        name + " (TS 33.501 A.9): KDF (TS 33.220 B.2) with FC 0x6E",
        AsBytes(kAmf),
        "K_AMF",
        0x6E,
        "function code of K_gNB (TS 33.501 A.9)",
        {{BigEndian(ulNasCount, 4), "uplink NAS COUNT: " + std::to_string(ulNasCount)},
         {{static_cast<uint8_t>(access)},
          std::string("access type distinguisher: ")
              + (threeGpp ? "3GPP access" : "non-3GPP access") + " (Table A.9-1)"}},
        name,
        0,
        result,
        "all 256 bits");
}

NrSecurityExplanation
NrSecurityExplain::AlgorithmKey(const NrSecurityKey256& key,
                                NrSecurityAlgorithmType type,
                                uint8_t algorithmId)
{
    Bytes result = AsBytes(NrSecurityKdf::DeriveAlgorithmKey(key, type, algorithmId)); // checks
    struct TypeInfo
    {
        const char* keyName;
        const char* distinguisher;
        const char* family;
        bool nas;
    };
    static const TypeInfo infos[] = {
        {"K_NASenc", "N-NAS-enc-alg", "NEA", true},
        {"K_NASint", "N-NAS-int-alg", "NIA", true},
        {"K_RRCenc", "N-RRC-enc-alg", "NEA", false},
        {"K_RRCint", "N-RRC-int-alg", "NIA", false},
        {"K_UPenc", "N-UP-enc-alg", "NEA", false},
        {"K_UPint", "N-UP-int-alg", "NIA", false},
    };
    const TypeInfo& t = infos[static_cast<uint8_t>(type) - 1];
    return KdfExplanation(
        std::string(t.keyName) + " (TS 33.501 A.8): KDF (TS 33.220 B.2) with FC 0x69",
        AsBytes(key),
        t.nas ? "K_AMF" : "K_gNB",
        0x69,
        "function code of the algorithm keys (TS 33.501 A.8)",
        {{{static_cast<uint8_t>(type)},
          std::string("algorithm type distinguisher: ") + t.distinguisher + " (Table A.8-1)"},
         {{algorithmId},
          "algorithm identity: " + std::to_string(algorithmId) + " (" + t.family
              + std::to_string(algorithmId) + ")"}},
        t.keyName,
        16,
        result,
        "its 128 least significant bits (TS 33.501 A.8)");
}

NrSecurityExplanation
NrSecurityExplain::Nh(const NrSecurityKey256& kAmf, const NrSecurityKey256& syncInput)
{
    Bytes result = AsBytes(NrSecurityKdf::DeriveNh(kAmf, syncInput));
    return KdfExplanation(
        "NH (TS 33.501 A.10): KDF (TS 33.220 B.2) with FC 0x6F",
        AsBytes(kAmf),
        "K_AMF",
        0x6F,
        "function code of NH (TS 33.501 A.10)",
        {{AsBytes(syncInput), "SYNC-input: the fresh K_gNB for NH_1, else the previous NH"}},
        "NH",
        0,
        result,
        "all 256 bits");
}

NrSecurityExplanation
NrSecurityExplain::KgnbStar(const NrSecurityKey256& key, uint16_t pci, uint32_t arfcnDl)
{
    Bytes result = AsBytes(NrSecurityKdf::DeriveKgnbStar(key, pci, arfcnDl)); // checks
    return KdfExplanation(
        "K_gNB* (TS 33.501 A.11): KDF (TS 33.220 B.2) with FC 0x70",
        AsBytes(key),
        "K_gNB (horizontal derivation) or NH (vertical derivation)",
        0x70,
        "function code of K_gNB* (TS 33.501 A.11)",
        {{BigEndian(pci, 2), "PCI of the target cell: " + std::to_string(pci)},
         {BigEndian(arfcnDl, 3), "ARFCN-DL of the target cell: " + std::to_string(arfcnDl)}},
        "K_gNB*",
        0,
        result,
        "all 256 bits");
}

NrSecurityExplanation
NrSecurityExplain::Nea(NrSecurityCiphering alg,
                       const NrSecurityKey128& key,
                       uint32_t count,
                       uint8_t bearer,
                       uint8_t direction,
                       const std::vector<uint8_t>& data,
                       uint32_t lengthBits)
{
    // The library's output first: it validates every input.
    Bytes obs = NrSecurityAlgorithms::Nea(alg, key, count, bearer, direction, data, lengthBits);
    Bytes ibs = FirstBits(data, lengthBits);
    const auto nBytes = static_cast<uint32_t>(ibs.size());
    const uint32_t shown = std::min(nBytes, MAX_KEYSTREAM_BYTES);
    const uint32_t bd
        = static_cast<uint32_t>(bearer) << 27 | static_cast<uint32_t>(direction) << 26;

    NrSecurityExplanation e;
    AddAlgorithmInputs(e, key, count, bearer, direction, lengthBits);
    Bytes ks;
    switch (alg)
    {
        case NrSecurityCiphering::NEA0:
            e.title = "NEA0 (TS 33.501 D.1): null ciphering, OBS = IBS";
            break;
        case NrSecurityCiphering::NEA1:
        {
            e.title = "128-NEA1 (TS 33.501 D.2 = 128-EEA1, TS 33.401 B.1.2): SNOW 3G in UEA2 f8 "
                      "(UEA2&UIA2 Document 1, 3)";
            const auto k = Snow3gKeyWords(key);
            const std::array<uint32_t, 4> iv{bd, count, bd, count};
            AddSnow3gInit(
                e,
                k,
                iv,
                {"BEARER || DIRECTION || 0^26", "COUNT", "BEARER || DIRECTION || 0^26", "COUNT"});
            Snow3g g(k, iv);
            ks = KeystreamBytes(g, shown);
            break;
        }
        case NrSecurityCiphering::NEA2:
        {
            e.title = "128-NEA2 (TS 33.501 D.2 = 128-EEA2, TS 33.401 B.1.3): AES-128 in CTR mode";
            Bytes t1 = BigEndian(count, 4);
            t1.push_back(static_cast<uint8_t>(bearer << 3 | direction << 2));
            t1.resize(16, 0);
            Add(e,
                "T1",
                Hex(t1),
                "the first counter block: COUNT || BEARER || DIRECTION || 0^26 || 0^64; "
                "T(i+1) = T(i) + 1 mod 2^128");
            Bytes t = t1;
            while (ks.size() < shown)
            {
                Bytes block = Aes128(key, t);
                ks.insert(ks.end(), block.begin(), block.end());
                for (int i = 15; i >= 0 && ++t[i] == 0; --i)
                {
                }
            }
            ks.resize(shown);
            break;
        }
        case NrSecurityCiphering::NEA3:
        {
            e.title = "128-NEA3 (TS 33.501 D.2 = 128-EEA3, EEA3&EIA3 Document 1, 3): ZUC";
            Bytes iv = BigEndian(count, 4);
            iv.push_back(static_cast<uint8_t>(bearer << 3 | direction << 2));
            iv.resize(8, 0);
            iv.insert(iv.end(), iv.begin(), iv.begin() + 8);
            Add(e,
                "IV",
                Hex(iv),
                "iv_0..iv_15: COUNT || BEARER || DIRECTION || 0^26, twice (EEA3 3.3)");
            Zuc z(key.data(), iv.data());
            ks = KeystreamBytes(z, shown);
            break;
        }
    }
    if (alg != NrSecurityCiphering::NEA0)
    {
        Add(e, "KEYSTREAM", Hex(ks), KeystreamNote(shown, nBytes));
    }
    // Check the keystream shown against the library's output.
    for (uint32_t i = 0; i < shown; ++i)
    {
        uint8_t x = static_cast<uint8_t>(ibs[i] ^ (ks.empty() ? 0 : ks[i]));
        if (i + 1 == nBytes && lengthBits % 8 != 0)
        {
            x &= static_cast<uint8_t>(0xFF << (8 - lengthBits % 8));
        }
        if (x != obs[i])
        {
            Inconsistent("the keystream");
        }
    }
    Add(e, "IBS", Hex(ibs), "input bit stream, LENGTH bits (bits past LENGTH shown as 0)");
    Add(e, "OBS", Hex(obs), "output bit stream, LENGTH bits (bits past LENGTH set to 0)");
    return e;
}

NrSecurityExplanation
NrSecurityExplain::Nia(NrSecurityIntegrity alg,
                       const NrSecurityKey128& key,
                       uint32_t count,
                       uint8_t bearer,
                       uint8_t direction,
                       const std::vector<uint8_t>& data,
                       uint32_t lengthBits)
{
    const uint32_t mac
        = NrSecurityAlgorithms::Nia(alg, key, count, bearer, direction, data, lengthBits);
    Bytes message = FirstBits(data, lengthBits);
    NrSecurityExplanation e;
    AddAlgorithmInputs(e, key, count, bearer, direction, lengthBits);
    Add(e, "MESSAGE", Hex(message), "LENGTH bits (bits past LENGTH shown as 0)");
    std::string macNote;
    switch (alg)
    {
        case NrSecurityIntegrity::NIA0:
            e.title = "NIA0 (TS 33.501 D.1): null integrity, MAC-I = 32 zero bits";
            macNote = "NIA0: always zero";
            break;
        case NrSecurityIntegrity::NIA1:
        {
            e.title = "128-NIA1 (TS 33.501 D.3 = 128-EIA1, TS 33.401 B.2.2): SNOW 3G in UIA2 f9 "
                      "(UEA2&UIA2 Document 1, 4) with FRESH = BEARER || 0^27";
            const uint32_t fresh = static_cast<uint32_t>(bearer) << 27;
            const uint32_t dir = direction;
            const auto k = Snow3gKeyWords(key);
            const std::array<uint32_t, 4> iv{
                fresh ^ (dir << 15), count ^ (dir << 31), fresh, count};
            AddSnow3gInit(e,
                          k,
                          iv,
                          {"FRESH XOR (DIRECTION << 15)",
                           "COUNT XOR (DIRECTION << 31)",
                           "FRESH = BEARER || 0^27",
                           "COUNT"});
            Snow3g g(k, iv);
            uint32_t z[5];
            for (unsigned i = 0; i < 5; ++i)
            {
                z[i] = g.NextWord();
                Add(e,
                    "z" + std::to_string(i + 1),
                    Hex32(z[i]),
                    i < 4 ? "keystream word" : "keystream word: the output mask");
            }
            const uint64_t p = static_cast<uint64_t>(z[0]) << 32 | z[1];
            const uint64_t q = static_cast<uint64_t>(z[2]) << 32 | z[3];
            Add(e, "P", Hex64(p), "z1 || z2");
            Add(e, "Q", Hex64(q), "z3 || z4");
            // D = ceil(LENGTH / 64) + 1; EVAL = MUL64(EVAL XOR M_i, P) over the 64-bit blocks.
            uint64_t eval = 0;
            const size_t blocks = (static_cast<size_t>(lengthBits) + 63) / 64;
            for (size_t b = 0; b < blocks; ++b)
            {
                uint64_t m = 0;
                for (size_t j = 0; j < 8; ++j)
                {
                    size_t idx = 8 * b + j;
                    m = m << 8 | (idx < message.size() ? message[idx] : 0);
                }
                eval = Mul64(eval ^ m, p);
            }
            eval ^= lengthBits;
            eval = Mul64(eval, q);
            Add(e, "EVAL", Hex64(eval), "MUL64(EVAL XOR LENGTH, Q) after the message blocks");
            if (((eval >> 32) ^ z[4]) != mac)
            {
                Inconsistent("EVAL");
            }
            macNote = "(EVAL >> 32) XOR z5";
            break;
        }
        case NrSecurityIntegrity::NIA2:
        {
            e.title = "128-NIA2 (TS 33.501 D.3 = 128-EIA2, TS 33.401 B.2.3): AES-128 CMAC (NIST "
                      "SP 800-38B)";
            const uint64_t mBits = 64 + static_cast<uint64_t>(lengthBits);
            Bytes m = BigEndian(count, 4);
            m.push_back(static_cast<uint8_t>(bearer << 3 | direction << 2));
            m.resize(8, 0);
            m.insert(m.end(), message.begin(), message.end());
            Add(e,
                "M",
                Hex(m),
                "COUNT || BEARER || DIRECTION || 0^26 || MESSAGE: " + std::to_string(mBits)
                    + " bits");
            Bytes l = Aes128(key, Bytes(16, 0));
            Bytes k1 = Double(l);
            Bytes k2 = Double(k1);
            Add(e, "L", Hex(l), "AES-128(KEY, 0^128)");
            Add(e, "K1", Hex(k1), "CMAC subkey K1 = L doubled in GF(2^128) (SP 800-38B 6.1)");
            Add(e, "K2", Hex(k2), "CMAC subkey K2 = K1 doubled");
            const size_t n = static_cast<size_t>((mBits + 127) / 128);
            const bool complete = mBits % 128 == 0;
            Bytes padded = m;
            padded.resize(16 * n, 0);
            if (!complete)
            {
                padded[mBits / 8] |= static_cast<uint8_t>(0x80 >> (mBits % 8));
            }
            const Bytes& sub = complete ? k1 : k2;
            for (size_t i = 0; i < 16; ++i)
            {
                padded[16 * (n - 1) + i] ^= sub[i];
            }
            Bytes c(16, 0);
            for (size_t b = 0; b < n; ++b)
            {
                for (size_t i = 0; i < 16; ++i)
                {
                    c[i] ^= padded[16 * b + i];
                }
                c = Aes128(key, c);
            }
            Add(e,
                "T",
                Hex(c),
                "the CMAC: CBC-MAC of M in " + std::to_string(n) + " block" + (n == 1 ? "" : "s")
                    + " of 128 bits, the last one "
                    + (complete ? "complete, XOR K1" : "padded with 1 0..., XOR K2"));
            if (LoadBe32(c.data()) != mac)
            {
                Inconsistent("T");
            }
            macNote = "the 32 most significant bits of T";
            break;
        }
        case NrSecurityIntegrity::NIA3:
        {
            e.title = "128-NIA3 (TS 33.501 D.3 = 128-EIA3, EEA3&EIA3 Document 1, 4): ZUC";
            Bytes iv = BigEndian(count, 4);
            iv.push_back(static_cast<uint8_t>(bearer << 3));
            iv.resize(8, 0);
            iv.insert(iv.end(), iv.begin(), iv.begin() + 8);
            iv[8] ^= static_cast<uint8_t>(direction << 7);
            iv[14] ^= static_cast<uint8_t>(direction << 7);
            Add(e,
                "IV",
                Hex(iv),
                "iv_0..iv_15: COUNT || BEARER || 0^27, twice, with DIRECTION XORed into the top "
                "bits of iv_8 and iv_14 (EIA3 4.3)");
            // L = ceil(LENGTH / 32) + 2 keystream words; z_i = bits i..i+31 of the keystream.
            const size_t words = (static_cast<size_t>(lengthBits) + 31) / 32 + 2;
            Zuc zuc(key.data(), iv.data());
            std::vector<uint32_t> z(words);
            for (auto& w : z)
            {
                w = zuc.NextWord();
            }
            auto window = [&z](size_t i)
            {
                const uint64_t two = static_cast<uint64_t>(z[i / 32]) << 32
                                     | (i / 32 + 1 < z.size() ? z[i / 32 + 1] : 0);
                return static_cast<uint32_t>(two >> (32 - i % 32));
            };
            const size_t shownWords = std::min<size_t>(words, MAX_KEYSTREAM_BYTES / 4);
            Bytes ks;
            for (size_t i = 0; i < shownWords; ++i)
            {
                Bytes w = BigEndian(z[i], 4);
                ks.insert(ks.end(), w.begin(), w.end());
            }
            Add(e,
                "KEYSTREAM",
                Hex(ks),
                "first " + std::to_string(ks.size()) + " of " + std::to_string(4 * words)
                    + " bytes (L = ceil(LENGTH / 32) + 2 words)");
            uint32_t t = 0;
            for (uint32_t i = 0; i < lengthBits; ++i)
            {
                if ((message[i / 8] >> (7 - i % 8)) & 1)
                {
                    t ^= window(i);
                }
            }
            t ^= window(lengthBits);
            if ((t ^ window(32 * (words - 1))) != mac)
            {
                Inconsistent("T");
            }
            Add(e, "T", Hex32(t), "XOR of z_i for every MESSAGE bit i that is 1, XOR z_LENGTH");
            macNote = "T XOR z_(32(L-1))";
            break;
        }
    }
    Add(e, "MAC-I", Hex32(mac), macNote);
    return e;
}

} // namespace ns3
