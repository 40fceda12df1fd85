// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-pdcp-pdu.h"

#include <cstring>
#include <stdexcept>

namespace ns3
{

void
NrSecurityPdcpFormat::Validate() const
{
    if (rbType == NrSecurityRbType::SRB0)
    {
        throw std::invalid_argument("rbType SRB0: the CCCH has no PDCP entity (TS 38.331 4.2.2)");
    }
    if (rbId < 1 || rbId > 32)
    {
        throw std::invalid_argument("rbId " + std::to_string(rbId) + " is not 1..32");
    }
    if (snBits != 12 && snBits != 18)
    {
        throw std::invalid_argument("snBits " + std::to_string(snBits) + " is not 12 or 18");
    }
    if (rbType == NrSecurityRbType::SRB)
    {
        if (snBits != 12)
        {
            throw std::invalid_argument("snBits: an SRB has a 12-bit SN (TS 38.323 6.2.2.1)");
        }
        if (sdapHeader)
        {
            throw std::invalid_argument("sdapHeader: an SRB carries no SDAP header");
        }
        if (drbIntegrity)
        {
            throw std::invalid_argument("drbIntegrity: only for a DRB (SRBs always carry MAC-I)");
        }
    }
}

size_t
NrSecurityPdcpFormat::HeaderBytes() const
{
    return snBits == 18 ? 3 : 2;
}

size_t
NrSecurityPdcpFormat::MacBytes() const
{
    return rbType == NrSecurityRbType::SRB || drbIntegrity ? 4 : 0;
}

uint8_t
NrSecurityPdcpFormat::Bearer() const
{
    return static_cast<uint8_t>(rbId - 1);
}

uint32_t
NrSecurityPdcpFormat::WindowSize() const
{
    return 1u << (snBits - 1);
}

namespace
{

void
PutMac(uint8_t* p, uint32_t mac)
{
    p[0] = static_cast<uint8_t>(mac >> 24);
    p[1] = static_cast<uint8_t>(mac >> 16);
    p[2] = static_cast<uint8_t>(mac >> 8);
    p[3] = static_cast<uint8_t>(mac);
}

uint32_t
GetMac(const uint8_t* p)
{
    return static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16
           | static_cast<uint32_t>(p[2]) << 8 | p[3];
}

} // namespace

void
NrSecurityPdcpPdu::Protect(const NrSecurityPdcpFormat& format,
                           uint32_t count,
                           uint8_t direction,
                           const NrSecurityPdcpSecurity& security,
                           const uint8_t* sdu,
                           size_t sduBytes,
                           std::vector<uint8_t>& pdu)
{
    format.Validate();
    if (direction > 1)
    {
        throw std::invalid_argument("direction " + std::to_string(direction) + " is not 0 or 1");
    }
    // One byte at least: with an SDAP header that byte may be a whole SDAP control PDU (the
    // 1-byte end-marker, TS 37.324 6.2.3), which is never ciphered (TS 38.323 5.8).
    size_t sdap = format.sdapHeader ? 1 : 0;
    if (sduBytes < 1 || sduBytes > MAX_SDU_BYTES)
    {
        throw std::invalid_argument("sdu: " + std::to_string(sduBytes) + " bytes is not 1.."
                                    + std::to_string(MAX_SDU_BYTES) + " bytes");
    }
    const size_t hdr = format.HeaderBytes();
    const size_t mac = format.MacBytes();
    pdu.resize(hdr + sduBytes + mac);
    uint8_t* p = pdu.data();

    // Header (TS 38.323 6.2.2.1 - 6.2.2.3): D/C = 1 for DRBs, R bits 0.
    uint32_t sn = count & ((1u << format.snBits) - 1);
    uint8_t dc = format.rbType == NrSecurityRbType::DRB ? 0x80 : 0x00;
    if (format.snBits == 12)
    {
        p[0] = static_cast<uint8_t>(dc | sn >> 8);
        p[1] = static_cast<uint8_t>(sn);
    }
    else
    {
        p[0] = static_cast<uint8_t>(dc | sn >> 16);
        p[1] = static_cast<uint8_t>(sn >> 8);
        p[2] = static_cast<uint8_t>(sn);
    }
    std::memcpy(p + hdr, sdu, sduBytes);

    // Integrity (TS 38.323 5.9): over header and SDU, SDAP header included.
    const uint8_t bearer = format.Bearer();
    if (mac != 0)
    {
        uint32_t macI = 0;
        if (security.integrityActive)
        {
            size_t covered = hdr + sduBytes;
            macI = NrSecurityAlgorithms::Nia(security.nia,
                                             security.kInt,
                                             count,
                                             bearer,
                                             direction,
                                             p,
                                             covered,
                                             static_cast<uint32_t>(covered * 8));
        }
        PutMac(p + hdr + sduBytes, macI);
    }

    // Ciphering (TS 38.323 5.8): data after any SDAP header, and the MAC-I.
    if (security.cipheringActive)
    {
        size_t start = hdr + sdap;
        size_t n = pdu.size() - start;
        NrSecurityAlgorithms::Nea(security.nea,
                                  security.kEnc,
                                  count,
                                  bearer,
                                  direction,
                                  p + start,
                                  n,
                                  static_cast<uint32_t>(n * 8));
    }
}

NrSecurityPdcpHeader
NrSecurityPdcpPdu::ParseHeader(const NrSecurityPdcpFormat& format,
                               const uint8_t* pdu,
                               size_t pduBytes)
{
    NrSecurityPdcpHeader h;
    if (pduBytes == 0 || pdu == nullptr)
    {
        h.reason = "empty PDU";
        return h;
    }
    if (format.rbType == NrSecurityRbType::DRB && (pdu[0] & 0x80) == 0)
    {
        // Control PDU (TS 38.323 6.2.3): D/C, 3-bit PDU type, 4 R bits.
        uint8_t type = (pdu[0] >> 4) & 0x07;
        size_t minBytes = type == 0 ? 5 : 2; // status report: header + 4-byte FMC
        if (type > 2)
        {
            h.reason = "control PDU with reserved PDU type " + std::to_string(type);
            return h;
        }
        if (pduBytes < minBytes)
        {
            h.reason = "control PDU shorter than " + std::to_string(minBytes) + " bytes";
            return h;
        }
        h.valid = true;
        h.control = true;
        return h;
    }
    // Header, one SDU byte (an SDAP control PDU is a whole 1-byte SDU, TS 37.324 6.2.3) and
    // the MAC-I where the bearer has one.
    const size_t hdr = format.HeaderBytes();
    const size_t minBytes = hdr + 1 + format.MacBytes();
    if (pduBytes < minBytes)
    {
        h.reason = "PDU of " + std::to_string(pduBytes) + " bytes is shorter than "
                   + std::to_string(minBytes)
                   + (format.MacBytes() != 0 ? " (header, data, MAC-I)" : " (header, data)");
        return h;
    }
    if (pduBytes > hdr + MAX_SDU_BYTES + format.MacBytes())
    {
        h.reason = "PDU of " + std::to_string(pduBytes) + " bytes exceeds the largest PDU";
        return h;
    }
    // Reserved bits (the first 4 of an SRB header, 3 or 5 after a DRB's D/C bit) are ignored
    // by the receiver (TS 38.323 6.3.6); they stay covered by the MAC-I.
    h.sn = format.snBits == 12 ? (static_cast<uint32_t>(pdu[0] & 0x0F) << 8 | pdu[1])
                               : (static_cast<uint32_t>(pdu[0] & 0x03) << 16
                                  | static_cast<uint32_t>(pdu[1]) << 8 | pdu[2]);
    h.valid = true;
    return h;
}

NrSecurityPdcpUnprotectResult
NrSecurityPdcpPdu::Unprotect(const NrSecurityPdcpFormat& format,
                             uint32_t count,
                             uint8_t direction,
                             const NrSecurityPdcpSecurity& security,
                             uint8_t* pdu,
                             size_t pduBytes)
{
    NrSecurityPdcpUnprotectResult r;
    const size_t hdr = format.HeaderBytes();
    const size_t mac = format.MacBytes();
    const size_t sdap = format.sdapHeader ? 1 : 0;
    const uint8_t bearer = format.Bearer();
    r.sduOffset = hdr;
    r.sduBytes = pduBytes - hdr - mac;
    if (security.cipheringActive)
    {
        size_t start = hdr + sdap;
        size_t n = pduBytes - start;
        NrSecurityAlgorithms::Nea(security.nea,
                                  security.kEnc,
                                  count,
                                  bearer,
                                  direction,
                                  pdu + start,
                                  n,
                                  static_cast<uint32_t>(n * 8));
    }
    if (mac != 0)
    {
        r.receivedMac = GetMac(pdu + pduBytes - mac);
        if (security.integrityActive)
        {
            size_t covered = pduBytes - mac;
            r.expectedMac = NrSecurityAlgorithms::Nia(security.nia,
                                                      security.kInt,
                                                      count,
                                                      bearer,
                                                      direction,
                                                      pdu,
                                                      covered,
                                                      static_cast<uint32_t>(covered * 8));
            if (!NrSecurityAlgorithms::MacEquals(pdu + pduBytes - mac, r.expectedMac))
            {
                r.status = NrSecurityPdcpUnprotectResult::INTEGRITY_FAILURE;
            }
        }
    }
    return r;
}

int64_t
NrSecurityPdcpPdu::RcvdCount(uint8_t snBits, uint64_t rxDeliv, uint32_t rcvdSn)
{
    const int64_t window = int64_t{1} << (snBits - 1);
    const int64_t snDeliv = static_cast<int64_t>(rxDeliv & ((uint64_t{1} << snBits) - 1));
    int64_t hfn = static_cast<int64_t>(rxDeliv >> snBits);
    const int64_t sn = rcvdSn;
    if (sn < snDeliv - window)
    {
        hfn += 1;
    }
    else if (sn >= snDeliv + window)
    {
        hfn -= 1;
    }
    return hfn * (int64_t{1} << snBits) + sn;
}

} // namespace ns3
