// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The ipsec-mb backend: thin wrappers over the single-buffer direct API of libIPSec_MB 1.3
 * (intel-ipsec-mb.h) for SNOW 3G and ZUC, and over its job API (one job in flight) for
 * AES-128-CTR and AES-128-CMAC. The library builds the IVs of UEA2/UIA2 and EEA3/EIA3 from COUNT,
 * BEARER and DIRECTION itself (snow3g_f8_iv_gen, snow3g_f9_iv_gen, zuc_eea3_iv_gen,
 * zuc_eia3_iv_gen); the 128-EEA1/EIA1 inputs are those of TS 33.401 B.1.2 / B.2.1
 * (FRESH = BEARER || 0^27), the 128-EEA3/EIA3 ones those of EEA3&EIA3 Document 1.
 */
#include "nr-security-ipsec-mb.h"

#include "snow3g.h"
#include "zuc.h"

#include <stdexcept>

#ifdef NR_SECURITY_HAVE_IPSEC_MB
#include <cstring>
#include <intel-ipsec-mb.h>
#include <memory>
#include <string>
#include <vector>
#endif

namespace ns3
{

#ifdef NR_SECURITY_HAVE_IPSEC_MB

namespace
{

/// The longest ZUC message libIPSec_MB 1.3 accepts: 8188 bytes for EEA3, 65504 bits for EIA3
/// (measured; longer ones are refused with IMB_ERR_CIPH_LEN / IMB_ERR_AUTH_LEN).
constexpr uint32_t ZUC_MAX_BYTES = 8188;
constexpr uint32_t ZUC_MAX_BITS = 65504; ///< see ZUC_MAX_BYTES
/// The longest AES-CMAC message libIPSec_MB 1.3 accepts (measured): 65534 bytes
/// (IMB_AUTH_AES_CMAC), 65534 bits (IMB_AUTH_AES_CMAC_BITLEN); NIA2 adds 64 bits of prefix.
constexpr uint64_t CMAC_MAX_BYTES = 65534;
constexpr uint64_t CMAC_MAX_BITS = 65534; ///< see CMAC_MAX_BYTES

/**
 * Per-thread library state: the manager (allocated once per thread) and the SNOW 3G key
 * schedule of the last key used.
 */
struct IpsecMbThreadState
{
    IMB_MGR* mgr = nullptr;
    snow3g_key_schedule_t snow3gSchedule{};
    uint8_t snow3gKey[16] = {};
    bool snow3gKeyed = false;
    /// AES-128 round keys of the last NEA2 key (encryption and decryption schedules).
    alignas(16) uint32_t ctrEnc[4 * 11] = {};
    alignas(16) uint32_t ctrDec[4 * 11] = {};
    uint8_t ctrKey[16] = {};
    bool ctrKeyed = false;
    /// AES-128 round keys and CMAC subkeys K1, K2 of the last NIA2 key.
    alignas(16) uint32_t cmacEnc[4 * 11] = {};
    alignas(16) uint32_t cmacDec[4 * 11] = {};
    alignas(16) uint8_t cmacK1[16] = {};
    alignas(16) uint8_t cmacK2[16] = {};
    uint8_t cmacKey[16] = {};
    bool cmacKeyed = false;
    /// COUNT || BEARER || DIRECTION || 0^26 || MESSAGE for NIA2; grows, never shrinks.
    std::vector<uint8_t> cmacMessage;

    IpsecMbThreadState()
    {
        mgr = alloc_mb_mgr(0);
        if (mgr != nullptr)
        {
            init_mb_mgr_auto(mgr, nullptr);
            if (imb_get_errno(mgr) != 0)
            {
                free_mb_mgr(mgr);
                mgr = nullptr;
            }
        }
    }

    ~IpsecMbThreadState()
    {
        if (mgr != nullptr)
        {
            imb_clear_mem(&snow3gSchedule, sizeof(snow3gSchedule));
            imb_clear_mem(ctrEnc, sizeof(ctrEnc));
            imb_clear_mem(ctrDec, sizeof(ctrDec));
            imb_clear_mem(cmacEnc, sizeof(cmacEnc));
            imb_clear_mem(cmacDec, sizeof(cmacDec));
            imb_clear_mem(cmacK1, sizeof(cmacK1));
            imb_clear_mem(cmacK2, sizeof(cmacK2));
            free_mb_mgr(mgr);
        }
    }

    IpsecMbThreadState(const IpsecMbThreadState&) = delete;
    IpsecMbThreadState& operator=(const IpsecMbThreadState&) = delete;
};

/// This thread's state; a plain pointer, so that the per-call access is one TLS load.
thread_local IpsecMbThreadState* t_state = nullptr;

/// Creates this thread's state at its first call; it is freed when the thread ends.
__attribute__((noinline, cold)) IpsecMbThreadState*
CreateState()
{
    thread_local std::unique_ptr<IpsecMbThreadState> owner;
    owner = std::make_unique<IpsecMbThreadState>();
    t_state = owner.get();
    return t_state;
}

/// This thread's state, created on first use.
/// \throws std::runtime_error if the library's manager could not be set up.
inline IpsecMbThreadState&
State()
{
    IpsecMbThreadState* s = t_state;
    if (__builtin_expect(s == nullptr, 0))
    {
        s = CreateState();
    }
    if (__builtin_expect(s->mgr == nullptr, 0))
    {
        throw std::runtime_error("NrSecurityIpsecMb: alloc_mb_mgr/init_mb_mgr_auto failed");
    }
    return *s;
}

/// The manager, with the SNOW 3G key schedule of key ready in state.snow3gSchedule.
IpsecMbThreadState&
Snow3gState(const uint8_t* key)
{
    IpsecMbThreadState& s = State();
    if (!s.snow3gKeyed || std::memcmp(s.snow3gKey, key, 16) != 0)
    {
        if (IMB_SNOW3G_INIT_KEY_SCHED(s.mgr, key, &s.snow3gSchedule) != 0)
        {
            s.snow3gKeyed = false;
            throw std::runtime_error("NrSecurityIpsecMb: snow3g_init_key_sched failed");
        }
        std::memcpy(s.snow3gKey, key, 16);
        s.snow3gKeyed = true;
    }
    return s;
}

/// Clears the bits beyond lengthBits in the last of ceil(lengthBits / 8) bytes.
inline void
MaskTail(uint8_t* data, uint32_t lengthBits)
{
    const uint32_t rem = lengthBits % 8;
    if (rem != 0)
    {
        data[lengthBits / 8] &= static_cast<uint8_t>(0xFF << (8 - rem));
    }
}

/// A 4-byte tag as written by the library (MAC-I byte 0 first) as a 32-bit value.
inline uint32_t
TagValue(const uint8_t* t)
{
    return static_cast<uint32_t>(t[0]) << 24 | static_cast<uint32_t>(t[1]) << 16
           | static_cast<uint32_t>(t[2]) << 8 | t[3];
}

/// COUNT || BEARER || DIRECTION || 0^26 (TS 33.401 B.1.3 / B.2.3), 8 bytes.
inline void
FillPrefix(uint8_t* out, uint32_t count, uint8_t bearer, uint8_t direction)
{
    out[0] = static_cast<uint8_t>(count >> 24);
    out[1] = static_cast<uint8_t>(count >> 16);
    out[2] = static_cast<uint8_t>(count >> 8);
    out[3] = static_cast<uint8_t>(count);
    out[4] = static_cast<uint8_t>(bearer << 3 | direction << 2);
    out[5] = out[6] = out[7] = 0;
}

/// Submits the job just filled in and waits for it (one job in flight per thread).
void
RunJob(IMB_MGR* mgr, const char* what)
{
    IMB_JOB* job = IMB_SUBMIT_JOB(mgr);
    if (job == nullptr)
    {
        job = IMB_FLUSH_JOB(mgr);
    }
    if (job == nullptr || job->status != IMB_STATUS_COMPLETED)
    {
        throw std::runtime_error(std::string("NrSecurityIpsecMb: ") + what
                                 + " job failed: " + imb_get_strerror(imb_get_errno(mgr)));
    }
}

} // namespace

bool
NrSecurityIpsecMb::Available()
{
    try
    {
        State();
        return true;
    }
    catch (const std::runtime_error&)
    {
        return false;
    }
}

void
NrSecurityIpsecMb::Eea1(const uint8_t* key,
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
    IpsecMbThreadState& s = Snow3gState(key);
    alignas(16) uint8_t iv[16];
    snow3g_f8_iv_gen(count, bearer, direction, iv);
    const uint32_t bytes = lengthBits / 8 + (lengthBits % 8 != 0 ? 1 : 0);
    IMB_SNOW3G_F8_1_BUFFER(s.mgr, &s.snow3gSchedule, iv, data, data, bytes);
    MaskTail(data, lengthBits);
}

uint32_t
NrSecurityIpsecMb::Eia1(const uint8_t* key,
                        uint32_t count,
                        uint8_t bearer,
                        uint8_t direction,
                        const uint8_t* data,
                        uint32_t lengthBits)
{
    if (lengthBits == 0)
    {
        return Snow3g::Eia1(key, count, bearer, direction, data, 0);
    }
    IpsecMbThreadState& s = Snow3gState(key);
    alignas(16) uint8_t iv[16];
    snow3g_f9_iv_gen(count, static_cast<uint32_t>(bearer) << 27, direction, iv);
    uint8_t tag[4];
    IMB_SNOW3G_F9_1_BUFFER(s.mgr, &s.snow3gSchedule, iv, data, lengthBits, tag);
    return TagValue(tag);
}

void
NrSecurityIpsecMb::Eea3(const uint8_t* key,
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
    const uint32_t bytes = lengthBits / 8 + (lengthBits % 8 != 0 ? 1 : 0);
    if (bytes > ZUC_MAX_BYTES)
    {
        Zuc::Eea3(key, count, bearer, direction, data, lengthBits);
        return;
    }
    IpsecMbThreadState& s = State();
    alignas(16) uint8_t iv[16];
    zuc_eea3_iv_gen(count, bearer, direction, iv);
    IMB_ZUC_EEA3_1_BUFFER(s.mgr, key, iv, data, data, bytes);
    MaskTail(data, lengthBits);
}

uint32_t
NrSecurityIpsecMb::Eia3(const uint8_t* key,
                        uint32_t count,
                        uint8_t bearer,
                        uint8_t direction,
                        const uint8_t* data,
                        uint32_t lengthBits)
{
    if (lengthBits == 0 || lengthBits > ZUC_MAX_BITS)
    {
        return Zuc::Eia3(key, count, bearer, direction, data, lengthBits);
    }
    IpsecMbThreadState& s = State();
    alignas(16) uint8_t iv[16];
    zuc_eia3_iv_gen(count, bearer, direction, iv);
    uint32_t tag = 0;
    IMB_ZUC_EIA3_1_BUFFER(s.mgr, key, iv, data, lengthBits, &tag);
    uint8_t t[4];
    std::memcpy(t, &tag, 4);
    return TagValue(t);
}

void
NrSecurityIpsecMb::Eea2(const uint8_t* key,
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
    IpsecMbThreadState& s = State();
    if (!s.ctrKeyed || std::memcmp(s.ctrKey, key, 16) != 0)
    {
        IMB_AES_KEYEXP_128(s.mgr, key, s.ctrEnc, s.ctrDec);
        std::memcpy(s.ctrKey, key, 16);
        s.ctrKeyed = true;
    }
    // T1 = COUNT || BEARER || DIRECTION || 0^26 || 0^64 (TS 33.401 B.1.3); the library
    // increments the counter block per 16-byte block, as CTR mode does.
    alignas(16) uint8_t iv[16] = {};
    FillPrefix(iv, count, bearer, direction);
    const uint32_t bytes = lengthBits / 8 + (lengthBits % 8 != 0 ? 1 : 0);
    IMB_JOB* job = IMB_GET_NEXT_JOB(s.mgr);
    job->cipher_direction = IMB_DIR_ENCRYPT;
    job->chain_order = IMB_ORDER_CIPHER_HASH;
    job->cipher_mode = IMB_CIPHER_CNTR;
    job->hash_alg = IMB_AUTH_NULL;
    job->enc_keys = s.ctrEnc;
    job->dec_keys = s.ctrEnc;
    job->key_len_in_bytes = 16;
    job->src = data;
    job->dst = data;
    job->cipher_start_src_offset_in_bytes = 0;
    job->msg_len_to_cipher_in_bytes = bytes;
    job->iv = iv;
    job->iv_len_in_bytes = 16;
    RunJob(s.mgr, "AES-128-CTR");
    MaskTail(data, lengthBits);
}

bool
NrSecurityIpsecMb::Eia2Accepts(uint32_t lengthBits)
{
    return lengthBits % 8 == 0 ? 8 + lengthBits / 8 <= CMAC_MAX_BYTES
                               : 64 + static_cast<uint64_t>(lengthBits) <= CMAC_MAX_BITS;
}

uint32_t
NrSecurityIpsecMb::Eia2(const uint8_t* key,
                        uint32_t count,
                        uint8_t bearer,
                        uint8_t direction,
                        const uint8_t* data,
                        uint32_t lengthBits)
{
    IpsecMbThreadState& s = State();
    if (!s.cmacKeyed || std::memcmp(s.cmacKey, key, 16) != 0)
    {
        IMB_AES_KEYEXP_128(s.mgr, key, s.cmacEnc, s.cmacDec);
        IMB_AES_CMAC_SUBKEY_GEN_128(s.mgr, s.cmacEnc, s.cmacK1, s.cmacK2);
        std::memcpy(s.cmacKey, key, 16);
        s.cmacKeyed = true;
    }
    // M = COUNT || BEARER || DIRECTION || 0^26 || MESSAGE, 64 + LENGTH bits (TS 33.401 B.2.3),
    // built in the per-thread scratch buffer (the library takes one contiguous message).
    const size_t bytes = lengthBits / 8 + (lengthBits % 8 != 0 ? 1 : 0);
    if (s.cmacMessage.size() < 8 + bytes)
    {
        s.cmacMessage.resize(8 + bytes);
    }
    uint8_t* m = s.cmacMessage.data();
    FillPrefix(m, count, bearer, direction);
    if (bytes > 0)
    {
        std::memcpy(m + 8, data, bytes);
        MaskTail(m + 8, lengthBits);
    }
    uint8_t tag[4];
    IMB_JOB* job = IMB_GET_NEXT_JOB(s.mgr);
    job->cipher_direction = IMB_DIR_ENCRYPT;
    job->chain_order = IMB_ORDER_HASH_CIPHER;
    job->cipher_mode = IMB_CIPHER_NULL;
    job->src = m;
    job->hash_start_src_offset_in_bytes = 0;
    if (lengthBits % 8 == 0)
    {
        job->hash_alg = IMB_AUTH_AES_CMAC;
        job->msg_len_to_hash_in_bytes = 8 + bytes;
    }
    else
    {
        job->hash_alg = IMB_AUTH_AES_CMAC_BITLEN;
        job->msg_len_to_hash_in_bits = 64 + static_cast<uint64_t>(lengthBits);
    }
    job->u.CMAC._key_expanded = s.cmacEnc;
    job->u.CMAC._skey1 = s.cmacK1;
    job->u.CMAC._skey2 = s.cmacK2;
    job->auth_tag_output = tag;
    job->auth_tag_output_len_in_bytes = 4;
    RunJob(s.mgr, "AES-128-CMAC");
    return TagValue(tag);
}

#else // no ipsec-mb in this build

namespace
{

[[noreturn]] void
NotBuilt()
{
    throw std::logic_error("NrSecurityIpsecMb: this build has no ipsec-mb backend "
                           "(libipsec-mb-dev was not found at configure time)");
}

} // namespace

bool
NrSecurityIpsecMb::Available()
{
    return false;
}

void
NrSecurityIpsecMb::Eea1(const uint8_t*, uint32_t, uint8_t, uint8_t, uint8_t*, uint32_t)
{
    NotBuilt();
}

uint32_t
NrSecurityIpsecMb::Eia1(const uint8_t*, uint32_t, uint8_t, uint8_t, const uint8_t*, uint32_t)
{
    NotBuilt();
}

void
NrSecurityIpsecMb::Eea3(const uint8_t*, uint32_t, uint8_t, uint8_t, uint8_t*, uint32_t)
{
    NotBuilt();
}

uint32_t
NrSecurityIpsecMb::Eia3(const uint8_t*, uint32_t, uint8_t, uint8_t, const uint8_t*, uint32_t)
{
    NotBuilt();
}

void
NrSecurityIpsecMb::Eea2(const uint8_t*, uint32_t, uint8_t, uint8_t, uint8_t*, uint32_t)
{
    NotBuilt();
}

bool
NrSecurityIpsecMb::Eia2Accepts(uint32_t)
{
    return false;
}

uint32_t
NrSecurityIpsecMb::Eia2(const uint8_t*, uint32_t, uint8_t, uint8_t, const uint8_t*, uint32_t)
{
    NotBuilt();
}

#endif

} // namespace ns3
