// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-algorithms.h"

#include "nr-security-crypto-backend.h"
#include "nr-security-ipsec-mb.h"
#include "snow3g.h"
#include "zuc.h"

#include <cstring>
#include <memory>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <stdexcept>

namespace ns3
{

namespace
{

constexpr size_t BLOCK = 16; ///< AES block size in bytes

/// Throws the std::invalid_argument of CheckCommon() (kept out of line: the checks are on
/// every call, the messages almost never).
[[noreturn]] __attribute__((noinline, cold)) void
ThrowCommon(uint8_t bearer, uint8_t direction, size_t dataBytes, uint32_t lengthBits)
{
    if (bearer > 31)
    {
        throw std::invalid_argument("bearer " + std::to_string(bearer)
                                    + " does not fit in 5 bits (0..31)");
    }
    if (direction > 1)
    {
        throw std::invalid_argument("direction " + std::to_string(direction)
                                    + " is not 0 (uplink) or 1 (downlink)");
    }
    throw std::invalid_argument("lengthBits " + std::to_string(lengthBits)
                                + " is longer than the buffer (" + std::to_string(dataBytes)
                                + " bytes)");
}

/// Checks BEARER, DIRECTION and LENGTH against the buffer size.
inline void
CheckCommon(uint8_t bearer, uint8_t direction, size_t dataBytes, uint32_t lengthBits)
{
    if (__builtin_expect(bearer > 31 || direction > 1 || lengthBits > 8ULL * dataBytes, 0))
    {
        ThrowCommon(bearer, direction, dataBytes, lengthBits);
    }
}

/// Clears the bits beyond lengthBits in the last byte of a ceil(lengthBits/8)-byte string.
void
MaskTail(uint8_t* data, uint32_t lengthBits)
{
    uint32_t rem = lengthBits % 8;
    if (rem != 0)
    {
        data[lengthBits / 8] &= static_cast<uint8_t>(0xFF << (8 - rem));
    }
}

/// COUNT || BEARER || DIRECTION || 0^26 (TS 33.401 B.1.3 / B.2.3): the 8 leading bytes of the
/// NEA2 counter block and of the NIA2 message.
void
FillPrefix(uint8_t* out, uint32_t count, uint8_t bearer, uint8_t direction)
{
    out[0] = static_cast<uint8_t>(count >> 24);
    out[1] = static_cast<uint8_t>(count >> 16);
    out[2] = static_cast<uint8_t>(count >> 8);
    out[3] = static_cast<uint8_t>(count);
    out[4] = static_cast<uint8_t>(bearer << 3 | direction << 2);
    out[5] = out[6] = out[7] = 0;
}

[[noreturn]] void
OpenSslFailure(const char* what)
{
    throw std::runtime_error(std::string("NrSecurityAlgorithms: OpenSSL failed in ") + what);
}

/**
 * Per-thread OpenSSL state: the fetched algorithms and one keyed context of each kind. The
 * key schedule is redone only when the key changes, which is what a raw EVP user would do.
 */
struct OpenSslCache
{
    EVP_CIPHER* ctr = nullptr;
    EVP_CIPHER* cbc = nullptr;
    EVP_MAC* cmac = nullptr;
    EVP_CIPHER_CTX* ctrCtx = nullptr;
    EVP_MAC_CTX* cmacCtx = nullptr;
    NrSecurityKey128 ctrKey{};
    NrSecurityKey128 cmacKey{};
    bool ctrKeyed = false;
    bool cmacKeyed = false;

    OpenSslCache()
    {
        ctr = EVP_CIPHER_fetch(nullptr, "AES-128-CTR", nullptr);
        cbc = EVP_CIPHER_fetch(nullptr, "AES-128-CBC", nullptr);
        cmac = EVP_MAC_fetch(nullptr, "CMAC", nullptr);
        ctrCtx = EVP_CIPHER_CTX_new();
        cmacCtx = cmac ? EVP_MAC_CTX_new(cmac) : nullptr;
    }

    ~OpenSslCache()
    {
        EVP_MAC_CTX_free(cmacCtx);
        EVP_CIPHER_CTX_free(ctrCtx);
        EVP_MAC_free(cmac);
        EVP_CIPHER_free(cbc);
        EVP_CIPHER_free(ctr);
    }

    OpenSslCache(const OpenSslCache&) = delete;
    OpenSslCache& operator=(const OpenSslCache&) = delete;
};

OpenSslCache&
Cache()
{
    thread_local OpenSslCache cache;
    if (!cache.ctr || !cache.cbc || !cache.cmac || !cache.ctrCtx || !cache.cmacCtx)
    {
        OpenSslFailure("fetching AES-128-CTR, AES-128-CBC or CMAC");
    }
    return cache;
}

/// 128-NEA2 (TS 33.401 B.1.3): AES-128-CTR with T1 = COUNT||BEARER||DIRECTION||0^26||0^64.
void
Nea2(const NrSecurityKey128& key,
     uint32_t count,
     uint8_t bearer,
     uint8_t direction,
     uint8_t* data,
     uint32_t lengthBits)
{
    OpenSslCache& c = Cache();
    uint8_t iv[BLOCK] = {};
    FillPrefix(iv, count, bearer, direction);
    bool rekey = !c.ctrKeyed || c.ctrKey != key;
    if (EVP_EncryptInit_ex2(
            c.ctrCtx, rekey ? c.ctr : nullptr, rekey ? key.data() : nullptr, iv, nullptr)
        != 1)
    {
        c.ctrKeyed = false;
        OpenSslFailure("AES-128-CTR init");
    }
    c.ctrKey = key;
    c.ctrKeyed = true;
    int outLen = 0;
    int bytes = static_cast<int>((lengthBits + 7) / 8);
    if (EVP_EncryptUpdate(c.ctrCtx, data, &outLen, data, bytes) != 1 || outLen != bytes)
    {
        OpenSslFailure("AES-128-CTR");
    }
}

/// CMAC subkey doubling in GF(2^128) (NIST SP 800-38B 6.1).
void
Double(uint8_t* block)
{
    uint8_t carry = block[0] >> 7;
    for (size_t i = 0; i < BLOCK - 1; ++i)
    {
        block[i] = static_cast<uint8_t>(block[i] << 1 | block[i + 1] >> 7);
    }
    block[BLOCK - 1] = static_cast<uint8_t>(block[BLOCK - 1] << 1 ^ (carry ? 0x87 : 0x00));
}

/**
 * AES-128-CMAC of a bit string whose length is not a multiple of 8 (NIST SP 800-38B 6.2): the
 * last block is incomplete, so it is padded with 1 0* and XORed with K2. OpenSSL's CMAC takes
 * whole bytes only, so this path builds the CBC-MAC itself from EVP AES-128-CBC.
 */
uint32_t
CmacBits(const NrSecurityKey128& key,
         const uint8_t* prefix,
         const uint8_t* data,
         uint32_t lengthBits)
{
    OpenSslCache& c = Cache();
    uint64_t totalBits = 64 + static_cast<uint64_t>(lengthBits);
    size_t blocks = static_cast<size_t>((totalBits + 127) / 128);
    std::vector<uint8_t> m(blocks * BLOCK, 0);
    std::memcpy(m.data(), prefix, 8);
    std::memcpy(m.data() + 8, data, (lengthBits + 7) / 8);
    MaskTail(m.data() + 8, lengthBits);
    m[totalBits / 8] |= static_cast<uint8_t>(0x80 >> (totalBits % 8));

    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                        &EVP_CIPHER_CTX_free);
    uint8_t zeroIv[BLOCK] = {};
    uint8_t k[BLOCK] = {};
    int outLen = 0;
    if (!ctx || EVP_EncryptInit_ex2(ctx.get(), c.cbc, key.data(), zeroIv, nullptr) != 1
        || EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1
        || EVP_EncryptUpdate(ctx.get(), k, &outLen, k, BLOCK) != 1)
    {
        OpenSslFailure("AES-128 for the CMAC subkeys");
    }
    Double(k); // K1
    Double(k); // K2
    uint8_t* last = m.data() + (blocks - 1) * BLOCK;
    for (size_t i = 0; i < BLOCK; ++i)
    {
        last[i] ^= k[i];
    }
    std::vector<uint8_t> out(m.size());
    if (EVP_EncryptInit_ex2(ctx.get(), c.cbc, key.data(), zeroIv, nullptr) != 1
        || EVP_EncryptUpdate(ctx.get(), out.data(), &outLen, m.data(), static_cast<int>(m.size()))
               != 1)
    {
        OpenSslFailure("AES-128-CBC for CMAC");
    }
    const uint8_t* t = out.data() + out.size() - BLOCK;
    return static_cast<uint32_t>(t[0]) << 24 | static_cast<uint32_t>(t[1]) << 16
           | static_cast<uint32_t>(t[2]) << 8 | t[3];
}

/// 128-NIA2 (TS 33.401 B.2.3): AES-128-CMAC over COUNT||BEARER||DIRECTION||0^26||MESSAGE,
/// MAC-I = the 32 most significant bits.
uint32_t
Nia2(const NrSecurityKey128& key,
     uint32_t count,
     uint8_t bearer,
     uint8_t direction,
     const uint8_t* data,
     uint32_t lengthBits)
{
    uint8_t prefix[8];
    FillPrefix(prefix, count, bearer, direction);
    if (lengthBits % 8 != 0)
    {
        return CmacBits(key, prefix, data, lengthBits);
    }
    OpenSslCache& c = Cache();
    bool rekey = !c.cmacKeyed || c.cmacKey != key;
    char cipherName[] = "AES-128-CBC";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipherName, 0),
                           OSSL_PARAM_construct_end()};
    // With a NULL key, EVP_MAC_init restarts the MAC under the key already set.
    if (EVP_MAC_init(c.cmacCtx,
                     rekey ? key.data() : nullptr,
                     rekey ? key.size() : 0,
                     rekey ? params : nullptr)
        != 1)
    {
        c.cmacKeyed = false;
        OpenSslFailure("CMAC init");
    }
    c.cmacKey = key;
    c.cmacKeyed = true;
    uint8_t t[BLOCK];
    size_t outLen = 0;
    if (EVP_MAC_update(c.cmacCtx, prefix, sizeof(prefix)) != 1
        || (lengthBits > 0 && EVP_MAC_update(c.cmacCtx, data, lengthBits / 8) != 1)
        || EVP_MAC_final(c.cmacCtx, t, &outLen, sizeof(t)) != 1 || outLen != BLOCK)
    {
        OpenSslFailure("CMAC");
    }
    return static_cast<uint32_t>(t[0]) << 24 | static_cast<uint32_t>(t[1]) << 16
           | static_cast<uint32_t>(t[2]) << 8 | t[3];
}

} // namespace

void
NrSecurityAlgorithms::Nea(NrSecurityCiphering alg,
                          const NrSecurityKey128& key,
                          uint32_t count,
                          uint8_t bearer,
                          uint8_t direction,
                          uint8_t* data,
                          size_t dataBytes,
                          uint32_t lengthBits)
{
    if (static_cast<uint32_t>(alg) > 3)
    {
        CipheringFromId(static_cast<uint32_t>(alg)); // throws
    }
    CheckCommon(bearer, direction, dataBytes, lengthBits);
    if (lengthBits == 0)
    {
        return;
    }
    switch (alg)
    {
        case NrSecurityCiphering::NEA0:
            break;
        case NrSecurityCiphering::NEA1:
            if (NrSecurityCryptoBackends::Selected() == NrSecurityCryptoBackend::IPSEC_MB)
            {
                NrSecurityIpsecMb::Eea1(key.data(), count, bearer, direction, data, lengthBits);
            }
            else
            {
                Snow3g::Eea1(key.data(), count, bearer, direction, data, lengthBits);
            }
            break;
        case NrSecurityCiphering::NEA2:
            if (NrSecurityCryptoBackends::Selected() == NrSecurityCryptoBackend::IPSEC_MB)
            {
                NrSecurityIpsecMb::Eea2(key.data(), count, bearer, direction, data, lengthBits);
            }
            else
            {
                Nea2(key, count, bearer, direction, data, lengthBits);
            }
            break;
        case NrSecurityCiphering::NEA3:
            if (NrSecurityCryptoBackends::Selected() == NrSecurityCryptoBackend::IPSEC_MB)
            {
                NrSecurityIpsecMb::Eea3(key.data(), count, bearer, direction, data, lengthBits);
            }
            else
            {
                Zuc::Eea3(key.data(), count, bearer, direction, data, lengthBits);
            }
            break;
    }
    MaskTail(data, lengthBits);
}

std::vector<uint8_t>
NrSecurityAlgorithms::Nea(NrSecurityCiphering alg,
                          const NrSecurityKey128& key,
                          uint32_t count,
                          uint8_t bearer,
                          uint8_t direction,
                          const std::vector<uint8_t>& data,
                          uint32_t lengthBits)
{
    if (lengthBits > 8ULL * data.size())
    {
        CheckCommon(bearer, direction, data.size(), lengthBits); // throws, naming lengthBits
    }
    std::vector<uint8_t> out(data.begin(), data.begin() + (lengthBits + 7) / 8);
    Nea(alg, key, count, bearer, direction, out.data(), out.size(), lengthBits);
    return out;
}

uint32_t
NrSecurityAlgorithms::Nia(NrSecurityIntegrity alg,
                          const NrSecurityKey128& key,
                          uint32_t count,
                          uint8_t bearer,
                          uint8_t direction,
                          const uint8_t* data,
                          size_t dataBytes,
                          uint32_t lengthBits)
{
    if (static_cast<uint32_t>(alg) > 3)
    {
        IntegrityFromId(static_cast<uint32_t>(alg)); // throws
    }
    CheckCommon(bearer, direction, dataBytes, lengthBits);
    switch (alg)
    {
        case NrSecurityIntegrity::NIA0:
            return 0;
        case NrSecurityIntegrity::NIA1:
            if (NrSecurityCryptoBackends::Selected() == NrSecurityCryptoBackend::IPSEC_MB)
            {
                return NrSecurityIpsecMb::Eia1(
                    key.data(), count, bearer, direction, data, lengthBits);
            }
            return Snow3g::Eia1(key.data(), count, bearer, direction, data, lengthBits);
        case NrSecurityIntegrity::NIA2:
            if (NrSecurityCryptoBackends::Selected() == NrSecurityCryptoBackend::IPSEC_MB
                && NrSecurityIpsecMb::Eia2Accepts(lengthBits))
            {
                return NrSecurityIpsecMb::Eia2(
                    key.data(), count, bearer, direction, data, lengthBits);
            }
            return Nia2(key, count, bearer, direction, data, lengthBits);
        case NrSecurityIntegrity::NIA3:
            if (NrSecurityCryptoBackends::Selected() == NrSecurityCryptoBackend::IPSEC_MB)
            {
                return NrSecurityIpsecMb::Eia3(
                    key.data(), count, bearer, direction, data, lengthBits);
            }
            return Zuc::Eia3(key.data(), count, bearer, direction, data, lengthBits);
    }
    return 0; // not reached: IntegrityFromId() threw
}

uint32_t
NrSecurityAlgorithms::Nia(NrSecurityIntegrity alg,
                          const NrSecurityKey128& key,
                          uint32_t count,
                          uint8_t bearer,
                          uint8_t direction,
                          const std::vector<uint8_t>& data,
                          uint32_t lengthBits)
{
    return Nia(alg, key, count, bearer, direction, data.data(), data.size(), lengthBits);
}

bool
NrSecurityAlgorithms::MacEquals(const uint8_t* received, uint32_t expected)
{
    const uint8_t e[4] = {static_cast<uint8_t>(expected >> 24),
                          static_cast<uint8_t>(expected >> 16),
                          static_cast<uint8_t>(expected >> 8),
                          static_cast<uint8_t>(expected)};
    return CRYPTO_memcmp(received, e, sizeof(e)) == 0;
}

NrSecurityCiphering
NrSecurityAlgorithms::CipheringFromId(uint32_t id)
{
    if (id > 3)
    {
        throw std::invalid_argument("algorithm: ciphering algorithm identity " + std::to_string(id)
                                    + " is not NEA0..NEA3");
    }
    return static_cast<NrSecurityCiphering>(id);
}

NrSecurityIntegrity
NrSecurityAlgorithms::IntegrityFromId(uint32_t id)
{
    if (id > 3)
    {
        throw std::invalid_argument("algorithm: integrity algorithm identity " + std::to_string(id)
                                    + " is not NIA0..NIA3");
    }
    return static_cast<NrSecurityIntegrity>(id);
}

NrSecurityKey128
NrSecurityAlgorithms::Key128FromBytes(const std::vector<uint8_t>& key)
{
    if (key.size() != 16)
    {
        throw std::invalid_argument("key must be 16 bytes (128 bits), got "
                                    + std::to_string(key.size()));
    }
    NrSecurityKey128 out;
    std::copy(key.begin(), key.end(), out.begin());
    return out;
}

NrSecurityKey256
NrSecurityAlgorithms::Key256FromBytes(const std::vector<uint8_t>& key)
{
    if (key.size() != 32)
    {
        throw std::invalid_argument("key must be 32 bytes (256 bits), got "
                                    + std::to_string(key.size()));
    }
    NrSecurityKey256 out;
    std::copy(key.begin(), key.end(), out.begin());
    return out;
}

std::string
NrSecurityAlgorithms::Name(NrSecurityCiphering alg)
{
    return "NEA" + std::to_string(static_cast<unsigned>(alg));
}

std::string
NrSecurityAlgorithms::Name(NrSecurityIntegrity alg)
{
    return "NIA" + std::to_string(static_cast<unsigned>(alg));
}

} // namespace ns3
