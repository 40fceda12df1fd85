// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The crypto backends side by side in one process, on 40-byte (RRC) and 1500-byte (IP)
 * messages: NEA1/NIA1/NEA3/NIA3 through NrSecurityAlgorithms on each backend
 * (Api/<alg>/<backend>), the portable cores called directly (Core/<alg>), and raw
 * libIPSec_MB calls (RawIpsecMb/<alg>) that keep the SNOW 3G key schedule and build the IV
 * per message, the cheapest correct use of the library. For the NEA2/NIA2 decision, raw
 * ipsec-mb AES-128-CTR and AES-128-CMAC through its job API (RawIpsecMbAesCtr,
 * RawIpsecMbAesCmac, the NIA2 prefix copied in front of the message as a caller must).
 * bench/ratios.py prints the ratios.
 */
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-crypto-backend.h"
#include "ns3/snow3g.h"
#include "ns3/zuc.h"

#include <benchmark/benchmark.h>
#include <cstring>
#include <vector>

#ifdef NR_SECURITY_HAVE_IPSEC_MB
#include <intel-ipsec-mb.h>
#endif

using namespace ns3;

namespace
{

const NrSecurityKey128 KEY = {
    0x2b, 0xd6, 0x45, 0x9f, 0x82, 0xc5, 0xb3, 0x00, 0x95, 0x2c, 0x49, 0x10, 0x48, 0x81, 0xff, 0x48};

/// Through NrSecurityAlgorithms::Nea with one backend selected.
void
ApiNea(benchmark::State& state, NrSecurityCiphering alg, NrSecurityCryptoBackend b)
{
    if (!NrSecurityCryptoBackends::IsAvailable(b))
    {
        state.SkipWithError("backend not available");
        return;
    }
    NrSecurityCryptoBackend previous = NrSecurityCryptoBackends::Selected();
    NrSecurityCryptoBackends::Select(b);
    std::vector<uint8_t> buf(state.range(0), 0x5a);
    uint32_t count = 0;
    for (auto _ : state)
    {
        NrSecurityAlgorithms::Nea(alg, KEY, count++, 3, 1, buf.data(), buf.size(), buf.size() * 8);
        benchmark::DoNotOptimize(buf.data());
    }
    state.SetBytesProcessed(state.iterations() * buf.size());
    NrSecurityCryptoBackends::Select(previous);
}

/// Through NrSecurityAlgorithms::Nia with one backend selected.
void
ApiNia(benchmark::State& state, NrSecurityIntegrity alg, NrSecurityCryptoBackend b)
{
    if (!NrSecurityCryptoBackends::IsAvailable(b))
    {
        state.SkipWithError("backend not available");
        return;
    }
    NrSecurityCryptoBackend previous = NrSecurityCryptoBackends::Selected();
    NrSecurityCryptoBackends::Select(b);
    std::vector<uint8_t> buf(state.range(0), 0x5a);
    uint32_t count = 0;
    for (auto _ : state)
    {
        benchmark::DoNotOptimize(NrSecurityAlgorithms::Nia(
            alg, KEY, count++, 3, 1, buf.data(), buf.size(), buf.size() * 8));
    }
    state.SetBytesProcessed(state.iterations() * buf.size());
    NrSecurityCryptoBackends::Select(previous);
}

/// The portable cores called directly (no dispatch, no validation).
void
CoreNea(benchmark::State& state, NrSecurityCiphering alg)
{
    std::vector<uint8_t> buf(state.range(0), 0x5a);
    const auto bits = static_cast<uint32_t>(buf.size() * 8);
    uint32_t count = 0;
    for (auto _ : state)
    {
        if (alg == NrSecurityCiphering::NEA1)
        {
            Snow3g::Eea1(KEY.data(), count++, 3, 1, buf.data(), bits);
        }
        else
        {
            Zuc::Eea3(KEY.data(), count++, 3, 1, buf.data(), bits);
        }
        benchmark::DoNotOptimize(buf.data());
    }
    state.SetBytesProcessed(state.iterations() * buf.size());
}

/// The portable cores called directly.
void
CoreNia(benchmark::State& state, NrSecurityIntegrity alg)
{
    std::vector<uint8_t> buf(state.range(0), 0x5a);
    const auto bits = static_cast<uint32_t>(buf.size() * 8);
    uint32_t count = 0;
    for (auto _ : state)
    {
        benchmark::DoNotOptimize(alg == NrSecurityIntegrity::NIA1
                                     ? Snow3g::Eia1(KEY.data(), count++, 3, 1, buf.data(), bits)
                                     : Zuc::Eia3(KEY.data(), count++, 3, 1, buf.data(), bits));
    }
    state.SetBytesProcessed(state.iterations() * buf.size());
}

#ifdef NR_SECURITY_HAVE_IPSEC_MB

/// One manager for the raw baselines, as a raw user would keep.
IMB_MGR*
RawMgr()
{
    static IMB_MGR* mgr = []
    {
        IMB_MGR* m = alloc_mb_mgr(0);
        init_mb_mgr_auto(m, nullptr);
        return m;
    }();
    return mgr;
}

void
RawIpsecMbNea1(benchmark::State& state)
{
    IMB_MGR* m = RawMgr();
    snow3g_key_schedule_t ks;
    IMB_SNOW3G_INIT_KEY_SCHED(m, KEY.data(), &ks);
    std::vector<uint8_t> buf(state.range(0), 0x5a);
    alignas(16) uint8_t iv[16];
    uint32_t count = 0;
    for (auto _ : state)
    {
        snow3g_f8_iv_gen(count++, 3, 1, iv);
        IMB_SNOW3G_F8_1_BUFFER(m, &ks, iv, buf.data(), buf.data(), buf.size());
        benchmark::DoNotOptimize(buf.data());
    }
    state.SetBytesProcessed(state.iterations() * buf.size());
}

void
RawIpsecMbNia1(benchmark::State& state)
{
    IMB_MGR* m = RawMgr();
    snow3g_key_schedule_t ks;
    IMB_SNOW3G_INIT_KEY_SCHED(m, KEY.data(), &ks);
    std::vector<uint8_t> buf(state.range(0), 0x5a);
    alignas(16) uint8_t iv[16];
    uint8_t tag[4];
    uint32_t count = 0;
    for (auto _ : state)
    {
        snow3g_f9_iv_gen(count++, 3u << 27, 1, iv);
        IMB_SNOW3G_F9_1_BUFFER(m, &ks, iv, buf.data(), buf.size() * 8, tag);
        benchmark::DoNotOptimize(tag);
    }
    state.SetBytesProcessed(state.iterations() * buf.size());
}

void
RawIpsecMbNea3(benchmark::State& state)
{
    IMB_MGR* m = RawMgr();
    std::vector<uint8_t> buf(state.range(0), 0x5a);
    alignas(16) uint8_t iv[16];
    uint32_t count = 0;
    for (auto _ : state)
    {
        zuc_eea3_iv_gen(count++, 3, 1, iv);
        IMB_ZUC_EEA3_1_BUFFER(m, KEY.data(), iv, buf.data(), buf.data(), buf.size());
        benchmark::DoNotOptimize(buf.data());
    }
    state.SetBytesProcessed(state.iterations() * buf.size());
}

void
RawIpsecMbNia3(benchmark::State& state)
{
    IMB_MGR* m = RawMgr();
    std::vector<uint8_t> buf(state.range(0), 0x5a);
    alignas(16) uint8_t iv[16];
    uint32_t tag = 0;
    uint32_t count = 0;
    for (auto _ : state)
    {
        zuc_eia3_iv_gen(count++, 3, 1, iv);
        IMB_ZUC_EIA3_1_BUFFER(m, KEY.data(), iv, buf.data(), buf.size() * 8, &tag);
        benchmark::DoNotOptimize(tag);
    }
    state.SetBytesProcessed(state.iterations() * buf.size());
}

/// AES-128-CTR (= NEA2) through the job API, one job submitted and completed per message.
void
RawIpsecMbAesCtr(benchmark::State& state)
{
    IMB_MGR* m = RawMgr();
    alignas(16) uint32_t enc[4 * 15];
    alignas(16) uint32_t dec[4 * 15];
    IMB_AES_KEYEXP_128(m, KEY.data(), enc, dec);
    std::vector<uint8_t> buf(state.range(0), 0x5a);
    alignas(16) uint8_t iv[16] = {};
    uint32_t count = 0;
    for (auto _ : state)
    {
        ++count;
        std::memcpy(iv, &count, 4);
        iv[4] = 3 << 3 | 1 << 2;
        IMB_JOB* job = IMB_GET_NEXT_JOB(m);
        job->cipher_direction = IMB_DIR_ENCRYPT;
        job->chain_order = IMB_ORDER_CIPHER_HASH;
        job->cipher_mode = IMB_CIPHER_CNTR;
        job->hash_alg = IMB_AUTH_NULL;
        job->enc_keys = enc;
        job->dec_keys = enc;
        job->key_len_in_bytes = 16;
        job->src = buf.data();
        job->dst = buf.data();
        job->cipher_start_src_offset_in_bytes = 0;
        job->msg_len_to_cipher_in_bytes = buf.size();
        job->iv = iv;
        job->iv_len_in_bytes = 16;
        job = IMB_SUBMIT_JOB(m);
        if (job == nullptr)
        {
            job = IMB_FLUSH_JOB(m);
        }
        benchmark::DoNotOptimize(job);
        benchmark::DoNotOptimize(buf.data());
    }
    state.SetBytesProcessed(state.iterations() * buf.size());
}

/// AES-128-CMAC (= NIA2, 32-bit tag) through the job API over prefix || message.
void
RawIpsecMbAesCmac(benchmark::State& state)
{
    IMB_MGR* m = RawMgr();
    alignas(16) uint32_t enc[4 * 15];
    alignas(16) uint32_t dec[4 * 15];
    alignas(16) uint8_t k1[16];
    alignas(16) uint8_t k2[16];
    IMB_AES_KEYEXP_128(m, KEY.data(), enc, dec);
    IMB_AES_CMAC_SUBKEY_GEN_128(m, enc, k1, k2);
    std::vector<uint8_t> buf(state.range(0), 0x5a);
    std::vector<uint8_t> msg(8 + buf.size());
    uint8_t tag[4];
    uint32_t count = 0;
    for (auto _ : state)
    {
        ++count;
        std::memcpy(msg.data(), &count, 4);
        msg[4] = 3 << 3 | 1 << 2;
        msg[5] = msg[6] = msg[7] = 0;
        std::memcpy(msg.data() + 8, buf.data(), buf.size());
        IMB_JOB* job = IMB_GET_NEXT_JOB(m);
        job->cipher_direction = IMB_DIR_ENCRYPT;
        job->chain_order = IMB_ORDER_HASH_CIPHER;
        job->cipher_mode = IMB_CIPHER_NULL;
        job->hash_alg = IMB_AUTH_AES_CMAC;
        job->src = msg.data();
        job->hash_start_src_offset_in_bytes = 0;
        job->msg_len_to_hash_in_bytes = msg.size();
        job->u.CMAC._key_expanded = enc;
        job->u.CMAC._skey1 = k1;
        job->u.CMAC._skey2 = k2;
        job->auth_tag_output = tag;
        job->auth_tag_output_len_in_bytes = 4;
        job = IMB_SUBMIT_JOB(m);
        if (job == nullptr)
        {
            job = IMB_FLUSH_JOB(m);
        }
        benchmark::DoNotOptimize(job);
        benchmark::DoNotOptimize(tag);
    }
    state.SetBytesProcessed(state.iterations() * buf.size());
}

BENCHMARK(RawIpsecMbNea1)->Arg(40)->Arg(1500);
BENCHMARK(RawIpsecMbNia1)->Arg(40)->Arg(1500);
BENCHMARK(RawIpsecMbNea3)->Arg(40)->Arg(1500);
BENCHMARK(RawIpsecMbNia3)->Arg(40)->Arg(1500);
BENCHMARK(RawIpsecMbAesCtr)->Arg(40)->Arg(1500);
BENCHMARK(RawIpsecMbAesCmac)->Arg(40)->Arg(1500);

#endif // NR_SECURITY_HAVE_IPSEC_MB

} // namespace

BENCHMARK_CAPTURE(ApiNea,
                  NEA1_ipsec_mb,
                  NrSecurityCiphering::NEA1,
                  NrSecurityCryptoBackend::IPSEC_MB)
    ->Arg(40)
    ->Arg(1500);
BENCHMARK_CAPTURE(ApiNea,
                  NEA1_portable,
                  NrSecurityCiphering::NEA1,
                  NrSecurityCryptoBackend::PORTABLE)
    ->Arg(40)
    ->Arg(1500);
BENCHMARK_CAPTURE(ApiNia,
                  NIA1_ipsec_mb,
                  NrSecurityIntegrity::NIA1,
                  NrSecurityCryptoBackend::IPSEC_MB)
    ->Arg(40)
    ->Arg(1500);
BENCHMARK_CAPTURE(ApiNia,
                  NIA1_portable,
                  NrSecurityIntegrity::NIA1,
                  NrSecurityCryptoBackend::PORTABLE)
    ->Arg(40)
    ->Arg(1500);
BENCHMARK_CAPTURE(ApiNea,
                  NEA3_ipsec_mb,
                  NrSecurityCiphering::NEA3,
                  NrSecurityCryptoBackend::IPSEC_MB)
    ->Arg(40)
    ->Arg(1500);
BENCHMARK_CAPTURE(ApiNea,
                  NEA3_portable,
                  NrSecurityCiphering::NEA3,
                  NrSecurityCryptoBackend::PORTABLE)
    ->Arg(40)
    ->Arg(1500);
BENCHMARK_CAPTURE(ApiNia,
                  NIA3_ipsec_mb,
                  NrSecurityIntegrity::NIA3,
                  NrSecurityCryptoBackend::IPSEC_MB)
    ->Arg(40)
    ->Arg(1500);
BENCHMARK_CAPTURE(ApiNia,
                  NIA3_portable,
                  NrSecurityIntegrity::NIA3,
                  NrSecurityCryptoBackend::PORTABLE)
    ->Arg(40)
    ->Arg(1500);
BENCHMARK_CAPTURE(CoreNea, NEA1, NrSecurityCiphering::NEA1)->Arg(40)->Arg(1500);
BENCHMARK_CAPTURE(CoreNia, NIA1, NrSecurityIntegrity::NIA1)->Arg(40)->Arg(1500);
BENCHMARK_CAPTURE(CoreNea, NEA3, NrSecurityCiphering::NEA3)->Arg(40)->Arg(1500);
BENCHMARK_CAPTURE(CoreNia, NIA3, NrSecurityIntegrity::NIA3)->Arg(40)->Arg(1500);
