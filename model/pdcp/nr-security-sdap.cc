// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-sdap.h"

#include "ns3/header.h"

#include <stdexcept>
#include <string>

namespace ns3
{

namespace
{
void
CheckQfi(uint8_t qfi)
{
    if (qfi > 63)
    {
        throw std::invalid_argument("QFI " + std::to_string(qfi) + " is not 0..63");
    }
}
/// The one SDAP header byte as an ns-3 Header, so that adding it keeps the packet's tags.
class SdapByteHeader : public Header
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::NrSecuritySdapByteHeader")
                                .SetParent<Header>()
                                .SetGroupName("NrSecurity")
                                .AddConstructor<SdapByteHeader>();
        return tid;
    }

    TypeId GetInstanceTypeId() const override
    {
        return GetTypeId();
    }

    uint32_t GetSerializedSize() const override
    {
        return 1;
    }

    void Serialize(Buffer::Iterator start) const override
    {
        start.WriteU8(m_byte);
    }

    uint32_t Deserialize(Buffer::Iterator start) override
    {
        m_byte = start.ReadU8();
        return 1;
    }

    void Print(std::ostream& os) const override
    {
        os << "SDAP header 0x" << std::hex << unsigned(m_byte) << std::dec;
    }

    uint8_t m_byte = 0; ///< the header byte
};

} // namespace

uint8_t
NrSecuritySdap::EncodeDlHeader(bool rdi, bool rqi, uint8_t qfi)
{
    CheckQfi(qfi);
    return static_cast<uint8_t>((rdi ? 0x80 : 0) | (rqi ? 0x40 : 0) | qfi);
}

void
NrSecuritySdap::DecodeDlHeader(uint8_t header, bool& rdi, bool& rqi, uint8_t& qfi)
{
    rdi = (header & 0x80) != 0;
    rqi = (header & 0x40) != 0;
    qfi = header & 0x3F;
}

uint8_t
NrSecuritySdap::EncodeUlDataHeader(uint8_t qfi)
{
    CheckQfi(qfi);
    return static_cast<uint8_t>(0x80 | qfi);
}

bool
NrSecuritySdap::DecodeUlHeader(uint8_t header, bool& data, uint8_t& qfi)
{
    data = (header & 0x80) != 0;
    qfi = header & 0x3F;
    return (header & 0x40) == 0;
}

void
NrSecuritySdap::AddHeader(Ptr<Packet> packet, uint8_t header)
{
    SdapByteHeader h;
    h.m_byte = header;
    packet->AddHeader(h);
}

bool
NrSecuritySdap::RemoveHeader(Ptr<Packet> packet, uint8_t& header)
{
    if (packet->GetSize() == 0)
    {
        return false;
    }
    packet->CopyData(&header, 1);
    packet->RemoveAtStart(1);
    return true;
}

} // namespace ns3
