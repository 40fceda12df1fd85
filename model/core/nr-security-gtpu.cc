// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-gtpu.h"

#include "ns3/header.h"

#include <algorithm>
#include <stdexcept>

namespace ns3
{

namespace
{
constexpr uint8_t VERSION_1 = 1;        ///< GTPv1 (TS 29.281 5.1)
constexpr uint8_t FLAG_PT = 0x10;       ///< Protocol Type 1 = GTP
constexpr uint8_t FLAG_E = 0x04;        ///< Extension Header flag
constexpr uint8_t FLAG_S = 0x02;        ///< Sequence Number flag
constexpr uint8_t FLAG_PN = 0x01;       ///< N-PDU Number flag
constexpr uint8_t COMPREHENSION = 0x80; ///< bit 8 of an extension header type (TS 29.281 5.2.1)
constexpr size_t MAX_PEEK_BYTES = 64;   ///< header bytes Decapsulate copies out of a packet

/// The encoded GTP-U header bytes as an ns-3 Header, so that AddHeader prepends them in place.
class GtpuBytesHeader : public Header
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::NrSecurityGtpuBytesHeader")
                                .SetParent<Header>()
                                .SetGroupName("NrSecurity");
        return tid;
    }

    explicit GtpuBytesHeader(std::vector<uint8_t> bytes = {})
        : m_bytes(std::move(bytes))
    {
    }

    TypeId GetInstanceTypeId() const override
    {
        return GetTypeId();
    }

    void Print(std::ostream& os) const override
    {
        os << "GTP-U header " << m_bytes.size() << " bytes";
    }

    uint32_t GetSerializedSize() const override
    {
        return m_bytes.size();
    }

    void Serialize(Buffer::Iterator start) const override
    {
        start.Write(m_bytes.data(), m_bytes.size());
    }

    uint32_t Deserialize(Buffer::Iterator) override
    {
        return 0; // never read back through the Header interface (Decapsulate parses bytes)
    }

  private:
    std::vector<uint8_t> m_bytes;
};

/// \return a refused header with its reason
NrSecurityGtpuHeader
Refuse(NrSecurityGtpuHeader h, const std::string& reason)
{
    h.valid = false;
    h.reason = reason;
    return h;
}

/// Parses the first `bytes` bytes of a message of `totalBytes` bytes (Decapsulate looks at a
/// prefix of the packet only); the Length field is checked against totalBytes.
NrSecurityGtpuHeader
Parse(const uint8_t* d, size_t bytes, size_t totalBytes)
{
    NrSecurityGtpuHeader h;
    if (bytes < NrSecurityGtpu::HEADER_BYTES_PLAIN)
    {
        return Refuse(h, "shorter than the 8-octet GTP-U header");
    }
    const uint8_t flags = d[0];
    if ((flags >> 5) != VERSION_1)
    {
        return Refuse(h, "version " + std::to_string(flags >> 5) + " is not GTPv1");
    }
    if (!(flags & FLAG_PT))
    {
        return Refuse(h, "protocol type 0 (GTP') is not GTP-U");
    }
    h.messageType = d[1];
    const size_t length = (size_t(d[2]) << 8) | d[3];
    h.teid = (uint32_t(d[4]) << 24) | (uint32_t(d[5]) << 16) | (uint32_t(d[6]) << 8) | d[7];
    if (length != totalBytes - NrSecurityGtpu::HEADER_BYTES_PLAIN)
    {
        return Refuse(h,
                      "length field " + std::to_string(length) + " but "
                          + std::to_string(totalBytes - NrSecurityGtpu::HEADER_BYTES_PLAIN)
                          + " octets follow the mandatory header");
    }
    size_t pos = NrSecurityGtpu::HEADER_BYTES_PLAIN;
    if (flags & (FLAG_E | FLAG_S | FLAG_PN))
    {
        if (bytes < pos + 4)
        {
            return Refuse(h, "optional fields (sequence, N-PDU, next type) cut short");
        }
        h.sequencePresent = (flags & FLAG_S) != 0;
        h.sequence = uint16_t((uint16_t(d[8]) << 8) | d[9]);
        uint8_t next = (flags & FLAG_E) ? d[11] : 0;
        pos += 4;
        while (next != 0)
        {
            if (bytes < pos + 1)
            {
                return Refuse(h, "extension header cut short");
            }
            const size_t extBytes = size_t(d[pos]) * 4;
            if (extBytes == 0)
            {
                return Refuse(h, "extension header of length 0");
            }
            if (bytes < pos + extBytes)
            {
                return Refuse(h, "extension header cut short");
            }
            if (next == NrSecurityGtpu::PDU_SESSION_CONTAINER)
            {
                // TS 38.415 5.5.2: octet 1 PDU Type (bits 8-5), octet 2 bits 6-1 QFI; the
                // optional fields that may follow are not used here
                if (extBytes < 4)
                {
                    return Refuse(h, "PDU Session Container shorter than 2 content octets");
                }
                h.pduType = d[pos + 1] >> 4;
                if (h.pduType > NrSecurityGtpu::PDU_TYPE_UL)
                {
                    return Refuse(h,
                                  "PDU Session Container PDU Type " + std::to_string(h.pduType)
                                      + " is neither DL (0) nor UL (1)");
                }
                h.qfi = d[pos + 2] & 0x3f;
                h.pduSessionContainer = true;
            }
            else if (next & COMPREHENSION)
            {
                return Refuse(h,
                              "extension header type " + std::to_string(next)
                                  + " not supported and its comprehension is required");
            }
            next = d[pos + extBytes - 1];
            pos += extBytes;
        }
    }
    if (pos > totalBytes)
    {
        return Refuse(h, "header longer than the message");
    }
    h.headerBytes = pos;
    h.payloadBytes = totalBytes - pos;
    h.valid = true;
    return h;
}
} // namespace

std::vector<uint8_t>
NrSecurityGtpu::EncodeGpduHeader(
    uint32_t teid, size_t payloadBytes, bool withContainer, uint8_t pduType, uint8_t qfi)
{
    if (withContainer && pduType > PDU_TYPE_UL)
    {
        throw std::invalid_argument("GTP-U: PDU Type " + std::to_string(pduType)
                                    + " is neither DL (0) nor UL (1)");
    }
    if (withContainer && qfi > 63)
    {
        throw std::invalid_argument("GTP-U: QFI " + std::to_string(qfi) + " is not 0..63");
    }
    const size_t header = withContainer ? HEADER_BYTES_WITH_CONTAINER : HEADER_BYTES_PLAIN;
    const size_t length = header - HEADER_BYTES_PLAIN + payloadBytes;
    if (length > 0xffff)
    {
        throw std::invalid_argument("GTP-U: T-PDU of " + std::to_string(payloadBytes)
                                    + " bytes does not fit the 16-bit Length field");
    }
    std::vector<uint8_t> h(header, 0);
    h[0] = uint8_t((VERSION_1 << 5) | FLAG_PT | (withContainer ? FLAG_E : 0));
    h[1] = G_PDU;
    h[2] = uint8_t(length >> 8);
    h[3] = uint8_t(length);
    h[4] = uint8_t(teid >> 24);
    h[5] = uint8_t(teid >> 16);
    h[6] = uint8_t(teid >> 8);
    h[7] = uint8_t(teid);
    if (withContainer)
    {
        // octets 9-11 (sequence, N-PDU) zero: the S and PN flags are not set
        h[11] = PDU_SESSION_CONTAINER;
        h[12] = 1; // 1 x 4 octets
        h[13] = uint8_t(pduType << 4);
        h[14] = qfi;
        h[15] = 0; // no further extension header
    }
    return h;
}

NrSecurityGtpuHeader
NrSecurityGtpu::Decode(const uint8_t* data, size_t bytes)
{
    return Parse(data, bytes, bytes);
}

void
NrSecurityGtpu::Encapsulate(Ptr<Packet> packet, uint32_t teid, uint8_t pduType, uint8_t qfi)
{
    std::vector<uint8_t> h = EncodeGpduHeader(teid, packet->GetSize(), true, pduType, qfi);
    packet->AddHeader(GtpuBytesHeader(std::move(h)));
}

NrSecurityGtpuHeader
NrSecurityGtpu::Decapsulate(Ptr<Packet> packet)
{
    uint8_t buf[MAX_PEEK_BYTES];
    const size_t total = packet->GetSize();
    const size_t peek = packet->CopyData(buf, std::min(total, MAX_PEEK_BYTES));
    NrSecurityGtpuHeader h = Parse(buf, peek, total);
    if (!h.valid && peek < total && h.reason.find("cut short") != std::string::npos)
    {
        // extension headers beyond the first 64 bytes: parse the whole message
        std::vector<uint8_t> all(total);
        packet->CopyData(all.data(), total);
        h = Parse(all.data(), total, total);
    }
    if (h.valid && h.messageType == G_PDU)
    {
        packet->RemoveAtStart(h.headerBytes);
    }
    return h;
}

std::string
NrSecurityGtpu::DecapsulateGpdu(Ptr<Packet> packet, NrSecurityGtpuHeader& header)
{
    header = Decapsulate(packet);
    if (!header.valid)
    {
        return "malformed GTP-U: " + header.reason;
    }
    if (header.messageType != G_PDU)
    {
        return "GTP-U message type " + std::to_string(header.messageType) + " not handled";
    }
    return "";
}

} // namespace ns3
