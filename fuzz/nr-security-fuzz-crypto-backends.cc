// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * libFuzzer target: every crypto backend (NrSecurityCryptoBackends) against the portable
 * cores, for 128-NEA1/NIA1 (SNOW 3G, TS 33.401 B.1.2 / B.2.1) and 128-NEA3/NIA3 (ZUC,
 * ETSI/SAGE EEA3&EIA3 Document 1), and against the portable backend (OpenSSL) for
 * 128-NEA2/NIA2 (TS 33.401 B.1.3 / B.2.3) = TS 33.501 Annex D.
 *
 * Input: byte 0 bits 0-1 = algorithm (0 NEA1, 1 NEA3, 2 NIA1, 3 NIA3; with bit 5 set, NEA2
 * for 0/1 and NIA2 for 2/3), bits 2-4 = how many bits of the last message byte are past
 * LENGTH (0..7); bytes 1-16 = KEY; bytes 17-20 =
 * COUNT (big-endian); byte 21 bits 0-4 = BEARER, bit 5 = DIRECTION; the rest is the message
 * (its last byte's trailing bits are past LENGTH, so the backends must ignore them).
 *
 * Checked on every input (a violation is __builtin_trap(), i.e. a crash libFuzzer reports):
 *  - NrSecurityAlgorithms on every available backend gives the same ciphertext / MAC-I as the
 *    portable core (Snow3g, Zuc) called directly;
 *  - NEA never touches the byte after ceil(LENGTH / 8) and clears the bits past LENGTH;
 *  - nothing throws for valid inputs.
 */
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-crypto-backend.h"
#include "ns3/snow3g.h"
#include "ns3/zuc.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace ns3;

namespace
{

/// Reports a broken property and crashes, so that libFuzzer keeps the input.
[[noreturn]] void
Violation(const char* what)
{
    std::fprintf(stderr, "nr-security-fuzz-crypto-backends: property violated: %s\n", what);
    __builtin_trap();
}

} // namespace

/**
 * \brief libFuzzer entry point: one algorithm, key, COUNT, BEARER, DIRECTION and message.
 * \param data the input (layout in the file comment)
 * \param size its size in bytes
 * \return 0
 */
extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 22)
    {
        return 0;
    }
    const unsigned alg = data[0] & 0x03;
    const unsigned pastLength = (data[0] >> 2) & 0x07;
    const bool aes = (data[0] & 0x20) != 0;
    const NrSecurityCiphering nea
        = aes ? NrSecurityCiphering::NEA2
              : (alg == 0 ? NrSecurityCiphering::NEA1 : NrSecurityCiphering::NEA3);
    const NrSecurityIntegrity nia
        = aes ? NrSecurityIntegrity::NIA2
              : (alg == 2 ? NrSecurityIntegrity::NIA1 : NrSecurityIntegrity::NIA3);
    NrSecurityKey128 key;
    std::memcpy(key.data(), data + 1, 16);
    const uint32_t count = static_cast<uint32_t>(data[17]) << 24
                           | static_cast<uint32_t>(data[18]) << 16
                           | static_cast<uint32_t>(data[19]) << 8 | data[20];
    const uint8_t bearer = data[21] & 0x1f;
    const uint8_t direction = (data[21] >> 5) & 0x01;
    const std::vector<uint8_t> msg(data + 22, data + size);
    const size_t bytes = msg.size();
    const uint32_t bits
        = bytes == 0 ? 0 : static_cast<uint32_t>(8 * bytes - (pastLength < 8 ? pastLength : 0));

    const NrSecurityCryptoBackend previous = NrSecurityCryptoBackends::Selected();
    std::vector<uint8_t> ref = msg;
    uint32_t refMac = 0;
    if (aes)
    {
        // The portable backend's AES is OpenSSL.
        NrSecurityCryptoBackends::Select(NrSecurityCryptoBackend::PORTABLE);
        if (alg < 2)
        {
            NrSecurityAlgorithms::Nea(nea, key, count, bearer, direction, ref.data(), bytes, bits);
        }
        else
        {
            refMac = NrSecurityAlgorithms::Nia(
                nia, key, count, bearer, direction, ref.data(), bytes, bits);
        }
    }
    else
    {
        switch (alg)
        {
            case 0:
                Snow3g::Eea1(key.data(), count, bearer, direction, ref.data(), bits);
                break;
            case 1:
                Zuc::Eea3(key.data(), count, bearer, direction, ref.data(), bits);
                break;
            case 2:
                refMac = Snow3g::Eia1(key.data(), count, bearer, direction, ref.data(), bits);
                break;
            default:
                refMac = Zuc::Eia3(key.data(), count, bearer, direction, ref.data(), bits);
                break;
        }
    }

    for (auto backend : NrSecurityCryptoBackends::Available())
    {
        NrSecurityCryptoBackends::Select(backend);
        if (alg < 2)
        {
            std::vector<uint8_t> buf = msg;
            buf.push_back(0xA5); // guard byte
            NrSecurityAlgorithms::Nea(nea, key, count, bearer, direction, buf.data(), bytes, bits);
            if (buf.back() != 0xA5)
            {
                Violation("NEA wrote past ceil(LENGTH / 8)");
            }
            buf.pop_back();
            if (buf != ref)
            {
                Violation("NEA output differs from the portable core");
            }
            if (bits % 8 != 0 && (buf[bytes - 1] & (0xFF >> (bits % 8))) != 0)
            {
                Violation("NEA left bits past LENGTH set");
            }
        }
        else
        {
            const uint32_t mac = NrSecurityAlgorithms::Nia(
                nia, key, count, bearer, direction, msg.data(), bytes, bits);
            if (mac != refMac)
            {
                Violation("NIA MAC-I differs from the portable core");
            }
        }
    }
    NrSecurityCryptoBackends::Select(previous);
    return 0;
}
