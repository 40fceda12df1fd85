// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-kdf.h"

#include <memory>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <stdexcept>

namespace ns3
{

namespace
{

/// Function codes of TS 33.501 Annex A.
constexpr uint8_t FC_KAMF = 0x6D;       ///< A.7
constexpr uint8_t FC_ALGORITHM = 0x69;  ///< A.8
constexpr uint8_t FC_KGNB = 0x6E;       ///< A.9
constexpr uint8_t FC_NH = 0x6F;         ///< A.10
constexpr uint8_t FC_KGNB_STAR = 0x70;  ///< A.11
constexpr uint16_t MAX_PCI = 1007;      ///< TS 38.211 7.4.2.1
constexpr uint32_t MAX_ARFCN = 3279165; ///< TS 38.104 5.4.2.1

/// The HMAC EVP_MAC object, fetched once per process (thread-safe static init).
EVP_MAC*
HmacAlgorithm()
{
    static EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (mac == nullptr)
    {
        throw std::runtime_error("NrSecurityKdf: OpenSSL has no HMAC");
    }
    return mac;
}

std::vector<uint8_t>
BigEndian(uint32_t value, size_t bytes)
{
    std::vector<uint8_t> out(bytes);
    for (size_t i = 0; i < bytes; ++i)
    {
        out[bytes - 1 - i] = static_cast<uint8_t>(value >> (8 * i));
    }
    return out;
}

std::vector<uint8_t>
AsVector(const NrSecurityKey256& key)
{
    return std::vector<uint8_t>(key.begin(), key.end());
}

} // namespace

std::array<uint8_t, 32>
NrSecurityKdf::HmacSha256(const std::vector<uint8_t>& key, const std::vector<uint8_t>& data)
{
    // One context per thread, its digest (SHA-256) set once: creating a context and fetching
    // the digest at every call cost about 60% of a derivation. EVP_MAC_init with a key and no
    // parameters restarts the HMAC with that key and the digest kept.
    thread_local std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> ctx(
        []
        {
            EVP_MAC_CTX* c = EVP_MAC_CTX_new(HmacAlgorithm());
            char digest[] = "SHA256";
            OSSL_PARAM params[]
                = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                   OSSL_PARAM_construct_end()};
            if (c != nullptr && EVP_MAC_CTX_set_params(c, params) != 1)
            {
                EVP_MAC_CTX_free(c);
                c = nullptr;
            }
            return c;
        }(),
        &EVP_MAC_CTX_free);
    // EVP_MAC_init treats a NULL key as "keep the previous key": give it a valid pointer even
    // for an empty key.
    static const uint8_t emptyKey = 0;
    std::array<uint8_t, 32> out{};
    size_t outLen = 0;
    if (!ctx
        || EVP_MAC_init(ctx.get(), key.empty() ? &emptyKey : key.data(), key.size(), nullptr) != 1
        || EVP_MAC_update(ctx.get(), data.data(), data.size()) != 1
        || EVP_MAC_final(ctx.get(), out.data(), &outLen, out.size()) != 1 || outLen != out.size())
    {
        throw std::runtime_error("NrSecurityKdf: HMAC-SHA-256 failed in OpenSSL");
    }
    return out;
}

std::vector<uint8_t>
NrSecurityKdf::BuildS(uint8_t fc, const std::vector<std::vector<uint8_t>>& params)
{
    std::vector<uint8_t> s;
    s.push_back(fc);
    for (size_t i = 0; i < params.size(); ++i)
    {
        const auto& p = params[i];
        if (p.size() > 0xFFFF)
        {
            throw std::invalid_argument("NrSecurityKdf: P" + std::to_string(i)
                                        + " is longer than 65535 bytes");
        }
        s.insert(s.end(), p.begin(), p.end());
        s.push_back(static_cast<uint8_t>(p.size() >> 8));
        s.push_back(static_cast<uint8_t>(p.size()));
    }
    return s;
}

NrSecurityKey256
NrSecurityKdf::Kdf(const std::vector<uint8_t>& key,
                   uint8_t fc,
                   const std::vector<std::vector<uint8_t>>& params)
{
    return HmacSha256(key, BuildS(fc, params));
}

NrSecurityKey256
NrSecurityKdf::DeriveKamf(const NrSecurityKey256& kSeaf,
                          const std::string& supi,
                          const std::vector<uint8_t>& abba)
{
    return Kdf(AsVector(kSeaf), FC_KAMF, {std::vector<uint8_t>(supi.begin(), supi.end()), abba});
}

NrSecurityKey256
NrSecurityKdf::DeriveKgnb(const NrSecurityKey256& kAmf,
                          uint32_t ulNasCount,
                          NrSecurityAccessType access)
{
    return Kdf(AsVector(kAmf), FC_KGNB, {BigEndian(ulNasCount, 4), {static_cast<uint8_t>(access)}});
}

NrSecurityKey128
NrSecurityKdf::DeriveAlgorithmKey(const NrSecurityKey256& key,
                                  NrSecurityAlgorithmType type,
                                  uint8_t algorithmId)
{
    if (algorithmId > 15)
    {
        throw std::invalid_argument("NrSecurityKdf: algorithmId " + std::to_string(algorithmId)
                                    + " is not a 4-bit algorithm identity");
    }
    // TS 33.501 A.8, Table A.8-1: the distinguishers are 0x01..0x06.
    const auto typeValue = static_cast<uint8_t>(type);
    if (typeValue < static_cast<uint8_t>(NrSecurityAlgorithmType::N_NAS_ENC)
        || typeValue > static_cast<uint8_t>(NrSecurityAlgorithmType::N_UP_INT))
    {
        throw std::invalid_argument("NrSecurityKdf: type " + std::to_string(typeValue)
                                    + " is not an algorithm type distinguisher (0x01..0x06, "
                                      "TS 33.501 Table A.8-1)");
    }
    NrSecurityKey256 full
        = Kdf(AsVector(key), FC_ALGORITHM, {{static_cast<uint8_t>(type)}, {algorithmId}});
    // TS 33.501 A.8: the 128 least significant bits, i.e. the last 16 bytes.
    NrSecurityKey128 out;
    std::copy(full.begin() + 16, full.end(), out.begin());
    return out;
}

NrSecurityAsKeys
NrSecurityKdf::DeriveAsKeys(const NrSecurityKey256& kGnb, uint8_t neaId, uint8_t niaId)
{
    NrSecurityAsKeys k;
    k.kRrcEnc = DeriveAlgorithmKey(kGnb, NrSecurityAlgorithmType::N_RRC_ENC, neaId);
    k.kRrcInt = DeriveAlgorithmKey(kGnb, NrSecurityAlgorithmType::N_RRC_INT, niaId);
    k.kUpEnc = DeriveAlgorithmKey(kGnb, NrSecurityAlgorithmType::N_UP_ENC, neaId);
    k.kUpInt = DeriveAlgorithmKey(kGnb, NrSecurityAlgorithmType::N_UP_INT, niaId);
    return k;
}

NrSecurityKey256
NrSecurityKdf::DeriveNh(const NrSecurityKey256& kAmf, const NrSecurityKey256& syncInput)
{
    return Kdf(AsVector(kAmf), FC_NH, {AsVector(syncInput)});
}

NrSecurityKey256
NrSecurityKdf::DeriveKgnbStar(const NrSecurityKey256& key, uint16_t pci, uint32_t arfcnDl)
{
    if (pci > MAX_PCI)
    {
        throw std::invalid_argument("NrSecurityKdf: pci " + std::to_string(pci) + " is above 1007");
    }
    if (arfcnDl > MAX_ARFCN)
    {
        throw std::invalid_argument("NrSecurityKdf: arfcnDl " + std::to_string(arfcnDl)
                                    + " is above 3279165");
    }
    return Kdf(AsVector(key), FC_KGNB_STAR, {BigEndian(pci, 2), BigEndian(arfcnDl, 3)});
}

} // namespace ns3
