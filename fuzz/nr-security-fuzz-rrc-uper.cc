// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * libFuzzer target: the UPER decoders of every RRC message type we carry (TS 38.331 6.2.1,
 * ITU-T X.691 UNALIGNED): DL-CCCH-Message rrcSetup / rrcReject; UL-CCCH-Message
 * rrcSetupRequest; DL-DCCH-Message securityModeCommand, rrcReconfiguration, rrcRelease,
 * dlInformationTransfer, ueCapabilityEnquiry; UL-DCCH-Message securityModeComplete /
 * Failure, rrcSetupComplete, rrcReconfigurationComplete, ulInformationTransfer,
 * ueCapabilityInformation; and the bit reader under them.
 *
 * Every input is decoded as each of the four. Checked on every input (a violation is
 * __builtin_trap(), a crash for libFuzzer):
 *  - the decoders never throw; ok and an empty error go together;
 *  - a decoded message re-encodes to exactly the input bytes (the decoders are strict:
 *    NrSecurityRrcMessage accepts only the encodings its encoders produce);
 *  - the decoded values are in range (transaction id 0..3, nea/nia 0..3, nia NIA0 when absent;
 *    each decoder yields only the message types of its channel);
 *  - NrSecurityUperReader: reading the input in the bit-field widths given by its first byte
 *    sees the same bits as a plain bit-by-bit reading, never reads past the end, and
 *    RemainingBitsAreZero() agrees with the bits.
 */
#include "ns3/nr-security-asn1.h"
#include "ns3/nr-security-rrc-message.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <vector>

using namespace ns3;

namespace
{

/// Reports a broken property and crashes, so that libFuzzer keeps the input.
[[noreturn]] void
Violation(const char* what, const NrSecurityRrcDecoded* d = nullptr)
{
    std::fprintf(stderr,
                 "nr-security-fuzz-rrc-uper: property violated: %s%s%s\n",
                 what,
                 d != nullptr ? " / decoder said: " : "",
                 d != nullptr ? d->error.c_str() : "");
    __builtin_trap();
}

/// The logical channels, in the order CheckDecoder takes them.
enum Channel
{
    DL_CCCH,
    UL_CCCH,
    DL_DCCH,
    UL_DCCH
};

/// The channel that carries a message type (TS 38.331 6.2.1).
Channel
ChannelOf(NrSecurityRrcDecoded::Type t)
{
    switch (t)
    {
        case NrSecurityRrcDecoded::RRC_SETUP:
        case NrSecurityRrcDecoded::RRC_REJECT:
            return DL_CCCH;
        case NrSecurityRrcDecoded::RRC_SETUP_REQUEST:
        case NrSecurityRrcDecoded::RRC_REESTABLISHMENT_REQUEST:
        case NrSecurityRrcDecoded::RRC_RESUME_REQUEST:
            return UL_CCCH;
        case NrSecurityRrcDecoded::SECURITY_MODE_COMMAND:
        case NrSecurityRrcDecoded::UE_CAPABILITY_ENQUIRY:
        case NrSecurityRrcDecoded::RRC_RECONFIGURATION:
        case NrSecurityRrcDecoded::DL_INFORMATION_TRANSFER:
        case NrSecurityRrcDecoded::RRC_RELEASE:
        case NrSecurityRrcDecoded::RRC_REESTABLISHMENT:
        case NrSecurityRrcDecoded::RRC_RESUME:
            return DL_DCCH;
        default:
            return UL_DCCH;
    }
}

/// Decodes with one decoder and checks the result (see the file comment).
void
CheckDecoder(Channel channel, const uint8_t* data, size_t size)
{
    NrSecurityRrcDecoded d;
    try
    {
        switch (channel)
        {
            case DL_CCCH:
                d = NrSecurityRrcMessage::DecodeDlCcch(data, size);
                break;
            case UL_CCCH:
                d = NrSecurityRrcMessage::DecodeUlCcch(data, size);
                break;
            case DL_DCCH:
                d = NrSecurityRrcMessage::DecodeDlDcch(data, size);
                break;
            case UL_DCCH:
                d = NrSecurityRrcMessage::DecodeUlDcch(data, size);
                break;
        }
    }
    catch (const std::exception& e)
    {
        std::fprintf(stderr, "decoder threw: %s\n", e.what());
        Violation("the decoders never throw");
    }
    if (d.ok != d.error.empty())
    {
        Violation("ok is true exactly when error is empty", &d);
    }
    if (!d.ok)
    {
        return;
    }
    if (ChannelOf(d.type) != channel)
    {
        Violation("each decoder yields the message types of its channel", &d);
    }
    bool smc = d.type == NrSecurityRrcDecoded::SECURITY_MODE_COMMAND;
    if (d.transactionId > 3 || static_cast<uint8_t>(d.nea) > 3 || static_cast<uint8_t>(d.nia) > 3
        || (!d.integrityPresent && d.nia != NrSecurityIntegrity::NIA0)
        || (!smc && (d.nea != NrSecurityCiphering::NEA0 || d.integrityPresent))
        || d.ueIdentity >= (1ULL << 39) || d.establishmentCause > 9
        || (d.waitTimePresent && (d.waitTimeSeconds < 1 || d.waitTimeSeconds > 16))
        || d.selectedPlmnIdentity > 12 || (!d.nasPresent && !d.nasMessage.empty()))
    {
        Violation("decoded values are in range", &d);
    }
    std::vector<uint8_t> again;
    try
    {
        again = NrSecurityRrcMessage::Reencode(d);
    }
    catch (const std::exception& e)
    {
        std::fprintf(stderr, "encoder threw: %s\n", e.what());
        Violation("a decoded message can be encoded", &d);
    }
    if (again.size() != size || !std::equal(again.begin(), again.end(), data))
    {
        Violation("a decoded message re-encodes to the same bytes", &d);
    }
}

/// The bit at position bit of data, bit 0 being the MSB of byte 0.
uint32_t
BitAt(const uint8_t* data, size_t bit)
{
    return (data[bit / 8] >> (7 - bit % 8)) & 1U;
}

/// NrSecurityUperReader against a plain bit-by-bit reading (see the file comment).
void
CheckReader(const uint8_t* data, size_t size)
{
    if (size == 0)
    {
        return;
    }
    NrSecurityUperReader reader(data, size);
    const uint8_t widths = data[0];
    size_t position = 0;
    for (unsigned i = 0; reader.RemainingBits() > 0 && i < 64; ++i)
    {
        // Widths cycle through 1 + bits of byte 0, up to 33 (one too many, must be refused).
        const uint32_t width = 1 + ((widths >> (i % 8)) * 7 + i) % 33;
        uint32_t value = 0xA5A5A5A5U;
        const bool ok = reader.TryRead(width, value);
        const bool fits = width <= 32 && width <= 8 * size - position;
        if (ok != fits)
        {
            Violation("TryRead succeeds exactly when the bits are there and width <= 32");
        }
        if (!ok)
        {
            if (value != 0xA5A5A5A5U || reader.Position() != position)
            {
                Violation("a refused TryRead leaves the value and the position alone");
            }
            break;
        }
        uint32_t expected = 0;
        for (uint32_t b = 0; b < width; ++b)
        {
            expected = expected << 1 | BitAt(data, position + b);
        }
        position += width;
        if (value != expected || reader.Position() != position)
        {
            Violation("TryRead yields the next bits, most significant first");
        }
        bool zero = true;
        for (size_t b = position; b < 8 * size && zero; ++b)
        {
            zero = BitAt(data, b) == 0;
        }
        if (reader.RemainingBitsAreZero() != zero)
        {
            Violation("RemainingBitsAreZero agrees with the bits");
        }
    }
}

} // namespace

/**
 * \brief libFuzzer entry point: one hostile RRC PDU, decoded as DL-CCCH, UL-CCCH, DL-DCCH
 *        and UL-DCCH.
 * \param data the input
 * \param size its length in bytes
 * \return 0 (libFuzzer convention)
 */
extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    CheckDecoder(DL_CCCH, data, size);
    CheckDecoder(UL_CCCH, data, size);
    CheckDecoder(DL_DCCH, data, size);
    CheckDecoder(UL_DCCH, data, size);
    CheckReader(data, size);
    return 0;
}
