// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * libFuzzer target: the stateless PDCP data PDU codec, NrSecurityPdcpPdu (TS 38.323 5.2.2.1,
 * 5.8, 5.9, 6.2), on hostile PDUs in every bearer format.
 *
 * Input: byte 0 = format and security selector, byte 1 = algorithms and direction, bytes 2-5
 * = RX_DELIV (big-endian; byte 2 bit 7 set means RX_DELIV = 2^32, the value after the last
 * COUNT was delivered), the rest is the received PDU.
 *   byte 0: bit 0 DRB, bit 1 18-bit SN (DRB), bit 2 SDAP header (DRB), bit 3 DRB integrity,
 *           bit 4 integrity active, bit 5 ciphering active; bits 6-7 RB identity - 1 (low 2)
 *   byte 1: bits 0-1 NIA id, bits 2-3 NEA id, bit 4 DIRECTION, bits 5-7 RB identity - 1 (high)
 * SRB selectors force a 12-bit SN and no SDAP header / DRB integrity: every input is a valid
 * configuration, so the fuzzer spends its time in the decoder.
 *
 * Checked on every input (a violation is __builtin_trap(), i.e. a crash libFuzzer reports):
 *  - ParseHeader() never throws; a refusal has a reason; a control PDU only on a DRB;
 *  - RcvdCount() returns the COUNT with the received SN whose distance to RX_DELIV is in
 *    [-Window_Size, Window_Size) (TS 38.323 5.2.2.1);
 *  - Unprotect() of an accepted data PDU never throws, puts the SDU (at least one byte) between
 *    header and MAC-I, never deciphers the PDCP or SDAP header, and on OK re-protecting the SDU
 *    with the same COUNT gives back the received PDU byte for byte, except the R bits (sent as
 *    0, ignored on receipt, TS 38.323 6.3.6) and the MAC-I field where the receiver did not
 *    verify it (an SRB before integrity is active) or set R bits changed what it covers.
 * The MAC values are compared here on purpose: libFuzzer feeds compared operands back into its
 * inputs, so it learns X-MACs and also exercises the verified (OK) path of every format; the
 * properties above hold for such key-holder forgeries too. (The receive-path target, whose
 * delivery check assumes a keyless attacker, must not compare them.)
 */
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-pdcp-pdu.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <vector>

using namespace ns3;

namespace
{

/// K_RRCint and K_RRCenc of reference context R1 (/work/shared/cases/pdcp.md).
const NrSecurityKey128 kInt = {
    0x3d, 0xc3, 0x7c, 0x61, 0xc2, 0x1f, 0xb1, 0x67, 0x40, 0xa2, 0xb2, 0xfe, 0x27, 0x78, 0x36, 0x46};
const NrSecurityKey128 kEnc = {
    0x94, 0x1e, 0x50, 0xdb, 0x4b, 0x51, 0xa6, 0x82, 0x70, 0xb2, 0xaf, 0x27, 0x93, 0xec, 0x73, 0xde};

/// Reports a broken property and crashes, so that libFuzzer keeps the input.
[[noreturn]] void
Violation(const char* what)
{
    std::fprintf(stderr, "nr-security-fuzz-pdcp-pdu: property violated: %s\n", what);
    __builtin_trap();
}

} // namespace

/**
 * \brief libFuzzer entry point: one hostile PDU in the format chosen by its first bytes.
 * \param data the input (layout in the file comment)
 * \param size its length in bytes
 * \return 0 (libFuzzer convention)
 */
extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 6)
    {
        return 0;
    }
    const uint8_t sel = data[0];
    const uint8_t alg = data[1];
    NrSecurityPdcpFormat format;
    format.rbType = (sel & 0x01) != 0 ? NrSecurityRbType::DRB : NrSecurityRbType::SRB;
    format.rbId = static_cast<uint8_t>(1 + ((sel >> 6) | ((alg >> 5) << 2)));
    if (format.rbType == NrSecurityRbType::DRB)
    {
        format.snBits = (sel & 0x02) != 0 ? 18 : 12;
        format.sdapHeader = (sel & 0x04) != 0;
        format.drbIntegrity = (sel & 0x08) != 0;
    }
    format.Validate(); // every selector is a valid format
    NrSecurityPdcpSecurity security;
    security.integrityActive = (sel & 0x10) != 0;
    security.nia = static_cast<NrSecurityIntegrity>(alg & 0x03);
    security.kInt = kInt;
    security.cipheringActive = (sel & 0x20) != 0;
    security.nea = static_cast<NrSecurityCiphering>((alg >> 2) & 0x03);
    security.kEnc = kEnc;
    const uint8_t direction = (alg >> 4) & 0x01;
    const uint64_t rxDeliv = (data[2] & 0x80) != 0
                                 ? (uint64_t{1} << 32)
                                 : (uint64_t{data[2]} << 24 | uint64_t{data[3]} << 16
                                    | uint64_t{data[4]} << 8 | data[5]);
    std::vector<uint8_t> pdu(data + 6, data + size);
    const std::vector<uint8_t> received = pdu;

    NrSecurityPdcpHeader h;
    try
    {
        h = NrSecurityPdcpPdu::ParseHeader(format, pdu.data(), pdu.size());
    }
    catch (const std::exception& e)
    {
        std::fprintf(stderr, "ParseHeader threw: %s\n", e.what());
        Violation("ParseHeader never throws");
    }
    if (!h.valid)
    {
        if (h.reason.empty())
        {
            Violation("a refused PDU has a reason");
        }
        return 0;
    }
    if (h.control)
    {
        if (format.rbType != NrSecurityRbType::DRB)
        {
            Violation("control PDUs exist only on DRBs");
        }
        return 0;
    }
    if (h.sn >> format.snBits != 0)
    {
        Violation("the SN fits in the SN length");
    }

    // TS 38.323 5.2.2.1: RCVD_COUNT has the received SN and lies in the window around RX_DELIV.
    const int64_t window = int64_t{1} << (format.snBits - 1);
    const int64_t rcvd = NrSecurityPdcpPdu::RcvdCount(format.snBits, rxDeliv, h.sn);
    const int64_t distance = rcvd - static_cast<int64_t>(rxDeliv);
    if (distance < -window || distance >= window)
    {
        Violation("RCVD_COUNT is within Window_Size of RX_DELIV");
    }
    if ((static_cast<uint64_t>(rcvd) & ((uint64_t{1} << format.snBits) - 1)) != h.sn)
    {
        Violation("the low bits of RCVD_COUNT are the received SN");
    }
    if (rcvd < 0 || rcvd > 0xFFFFFFFFLL)
    {
        return 0; // outside the COUNT space: the entity discards it as out-of-window
    }
    const auto count = static_cast<uint32_t>(rcvd);

    NrSecurityPdcpUnprotectResult r;
    try
    {
        r = NrSecurityPdcpPdu::Unprotect(
            format, count, direction, security, pdu.data(), pdu.size());
    }
    catch (const std::exception& e)
    {
        std::fprintf(stderr, "Unprotect threw: %s\n", e.what());
        Violation("Unprotect never throws on a PDU ParseHeader accepted");
    }
    const size_t mac = format.MacBytes();
    const size_t sdap = format.sdapHeader ? 1 : 0;
    if (r.sduOffset != format.HeaderBytes() || r.sduOffset + r.sduBytes + mac != pdu.size()
        || r.sduBytes < 1)
    {
        Violation("the SDU is the PDU minus header and MAC-I, at least one byte");
    }
    if (std::memcmp(pdu.data(), received.data(), format.HeaderBytes() + sdap) != 0)
    {
        Violation("the PDCP and SDAP headers are never deciphered");
    }
    if (r.status != NrSecurityPdcpUnprotectResult::OK)
    {
        if (!security.integrityActive || mac == 0 || r.receivedMac == r.expectedMac)
        {
            Violation("an integrity failure needs a MAC-I to verify and a mismatch");
        }
        return 0;
    }
    const bool verified = security.integrityActive && mac != 0;
    if (verified && r.receivedMac != r.expectedMac)
    {
        Violation("a verified PDU has MAC-I == X-MAC");
    }

    // Round trip: the sender that produced this PDU had exactly this SDU.
    std::vector<uint8_t> again;
    try
    {
        NrSecurityPdcpPdu::Protect(
            format, count, direction, security, pdu.data() + r.sduOffset, r.sduBytes, again);
    }
    catch (const std::exception& e)
    {
        std::fprintf(stderr, "Protect threw: %s\n", e.what());
        Violation("an accepted SDU can be protected again");
    }
    if (again.size() != received.size())
    {
        Violation("re-protection gives a PDU of the received size");
    }
    // The sender writes R bits as 0; a receiver may ignore set R bits (TS 38.323 6.3.6), and
    // the MAC-I then covers them, so only the rest of the header and the data are compared.
    const uint8_t reserved = format.rbType == NrSecurityRbType::SRB ? 0xF0
                             : format.snBits == 12                  ? 0x70
                                                                    : 0x7C;
    const bool rBits = (received[0] & reserved) != 0;
    if (again[0] != (received[0] & ~reserved))
    {
        Violation("re-protection gives back the header (R bits 0)");
    }
    const size_t body = received.size() - mac;
    if (!std::equal(again.begin() + 1, again.begin() + body, received.begin() + 1))
    {
        Violation("re-protecting the delivered SDU gives back the received PDU");
    }
    const bool macComparable = verified ? !rBits : r.receivedMac == 0;
    if (mac != 0 && macComparable
        && !std::equal(again.begin() + body, again.end(), received.begin() + body))
    {
        Violation("re-protection gives back the MAC-I field");
    }
    return 0;
}
