// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Throughput of NEA1/2/3 and NIA1/2/3 through NrSecurityAlgorithms on 40-byte (RRC) and
 * 1500-byte (IP) messages, next to raw OpenSSL EVP AES-128-CTR and AES-128-CMAC on the same
 * buffers in the same binary: the raw baselines keep one keyed context and only reset the IV
 * (CTR) or restart the MAC (CMAC) per message, the cheapest correct use of EVP.
 * Run: build/bin/nr-security-bench (or `make bench`).
 */
#include "ns3/nr-security-algorithms.h"

#include <benchmark/benchmark.h>
#include <cstring>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <vector>

using namespace ns3;

namespace
{

const NrSecurityKey128 KEY = {
    0x2b, 0xd6, 0x45, 0x9f, 0x82, 0xc5, 0xb3, 0x00, 0x95, 0x2c, 0x49, 0x10, 0x48, 0x81, 0xff, 0x48};

void
Nea(benchmark::State& state, NrSecurityCiphering alg)
{
    std::vector<uint8_t> buf(state.range(0), 0x5a);
    uint32_t count = 0;
    for (auto _ : state)
    {
        NrSecurityAlgorithms::Nea(alg, KEY, count++, 3, 1, buf.data(), buf.size(), buf.size() * 8);
        benchmark::DoNotOptimize(buf.data());
    }
    state.SetBytesProcessed(state.iterations() * buf.size());
}

void
Nia(benchmark::State& state, NrSecurityIntegrity alg)
{
    std::vector<uint8_t> buf(state.range(0), 0x5a);
    uint32_t count = 0;
    for (auto _ : state)
    {
        benchmark::DoNotOptimize(NrSecurityAlgorithms::Nia(
            alg, KEY, count++, 3, 1, buf.data(), buf.size(), buf.size() * 8));
    }
    state.SetBytesProcessed(state.iterations() * buf.size());
}

void
RawOpenSslAesCtr(benchmark::State& state)
{
    std::vector<uint8_t> buf(state.range(0), 0x5a);
    EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, "AES-128-CTR", nullptr);
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    uint8_t iv[16] = {};
    EVP_EncryptInit_ex2(ctx, cipher, KEY.data(), iv, nullptr);
    uint32_t count = 0;
    int outLen = 0;
    for (auto _ : state)
    {
        ++count;
        std::memcpy(iv, &count, 4);
        iv[4] = 3 << 3 | 1 << 2;
        EVP_EncryptInit_ex2(ctx, nullptr, nullptr, iv, nullptr);
        EVP_EncryptUpdate(ctx, buf.data(), &outLen, buf.data(), static_cast<int>(buf.size()));
        benchmark::DoNotOptimize(buf.data());
    }
    state.SetBytesProcessed(state.iterations() * buf.size());
    EVP_CIPHER_CTX_free(ctx);
    EVP_CIPHER_free(cipher);
}

void
RawOpenSslAesCmac(benchmark::State& state)
{
    std::vector<uint8_t> buf(state.range(0), 0x5a);
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "CMAC", nullptr);
    EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
    char cipherName[] = "AES-128-CBC";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipherName, 0),
                           OSSL_PARAM_construct_end()};
    EVP_MAC_init(ctx, KEY.data(), KEY.size(), params);
    uint8_t prefix[8] = {0, 0, 0, 0, 3 << 3 | 1 << 2, 0, 0, 0};
    uint8_t t[16];
    size_t outLen = 0;
    uint32_t count = 0;
    for (auto _ : state)
    {
        ++count;
        std::memcpy(prefix, &count, 4);
        EVP_MAC_init(ctx, nullptr, 0, nullptr);
        EVP_MAC_update(ctx, prefix, sizeof(prefix));
        EVP_MAC_update(ctx, buf.data(), buf.size());
        EVP_MAC_final(ctx, t, &outLen, sizeof(t));
        benchmark::DoNotOptimize(t);
    }
    state.SetBytesProcessed(state.iterations() * buf.size());
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
}

} // namespace

BENCHMARK(RawOpenSslAesCtr)->Arg(40)->Arg(1500);
BENCHMARK_CAPTURE(Nea, NEA2, NrSecurityCiphering::NEA2)->Arg(40)->Arg(1500);
BENCHMARK_CAPTURE(Nea, NEA1, NrSecurityCiphering::NEA1)->Arg(40)->Arg(1500);
BENCHMARK_CAPTURE(Nea, NEA3, NrSecurityCiphering::NEA3)->Arg(40)->Arg(1500);
BENCHMARK(RawOpenSslAesCmac)->Arg(40)->Arg(1500);
BENCHMARK_CAPTURE(Nia, NIA2, NrSecurityIntegrity::NIA2)->Arg(40)->Arg(1500);
BENCHMARK_CAPTURE(Nia, NIA1, NrSecurityIntegrity::NIA1)->Arg(40)->Arg(1500);
BENCHMARK_CAPTURE(Nia, NIA3, NrSecurityIntegrity::NIA3)->Arg(40)->Arg(1500);

BENCHMARK_MAIN();
