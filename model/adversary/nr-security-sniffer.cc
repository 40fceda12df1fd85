// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-sniffer.h"

#include "ns3/log.h"
#include "ns3/nr-security-pdcp-pdu.h"
#include "ns3/nr-security-rrc-message.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecuritySniffer");

NS_OBJECT_ENSURE_REGISTERED(NrSecuritySniffer);

namespace
{

/// \return the PDCP format of a frame's bearer, from the sender's metadata
NrSecurityPdcpFormat
FormatOf(const NrSecurityAirFrame& f)
{
    NrSecurityPdcpFormat format;
    format.rbType = f.type == NrSecurityRbType::DRB ? NrSecurityRbType::DRB : NrSecurityRbType::SRB;
    format.rbId = f.rbId;
    format.snBits = f.type == NrSecurityRbType::DRB ? f.snLengthBits : 12;
    format.sdapHeader = f.type == NrSecurityRbType::DRB && f.sdapHeader;
    format.drbIntegrity = f.type == NrSecurityRbType::DRB && f.macIPresent;
    return format;
}

/// \return true if the format is one the PDCP codec accepts (RB id and SN length in range)
bool
IsValidFormat(const NrSecurityPdcpFormat& format)
{
    try
    {
        format.Validate();
        return true;
    }
    catch (const std::exception&)
    {
        return false;
    }
}

} // namespace

std::vector<uint8_t>
NrSecuritySniffedFrame::Bytes() const
{
    if (!frame.pdu)
    {
        return {};
    }
    std::vector<uint8_t> b(frame.pdu->GetSize());
    frame.pdu->CopyData(b.data(), b.size());
    return b;
}

TypeId
NrSecuritySniffer::GetTypeId()
{
    static TypeId tid = TypeId("ns3::NrSecuritySniffer")
                            .SetParent<NrSecurityAdversaryNetDevice>()
                            .SetGroupName("NrSecurity")
                            .AddConstructor<NrSecuritySniffer>();
    return tid;
}

NrSecuritySniffer::NrSecuritySniffer() = default;

NrSecuritySniffer::~NrSecuritySniffer() = default;

void
NrSecuritySniffer::DoDispose()
{
    m_frames.clear();
    m_next.clear();
    m_keys.clear();
    m_smcNea.clear();
    NrSecurityAdversaryNetDevice::DoDispose();
}

const std::vector<NrSecuritySniffedFrame>&
NrSecuritySniffer::GetFrames() const
{
    return m_frames;
}

void
NrSecuritySniffer::AddUeKeys(uint32_t ueId, NrSecurityCiphering nea, const NrSecurityAsKeys& keys)
{
    UeKeys k;
    k.nea = nea;
    k.keys = keys;
    m_keys[ueId] = k;
}

void
NrSecuritySniffer::ResetCounts()
{
    m_next.clear();
}

void
NrSecuritySniffer::Clear()
{
    m_frames.clear();
}

int64_t
NrSecuritySniffer::TrackCount(const NrSecurityAirFrame& frame)
{
    if (frame.type == NrSecurityRbType::SRB0 || !frame.pdu || frame.pdu->GetSize() == 0)
    {
        return -1;
    }
    const NrSecurityPdcpFormat format = FormatOf(frame);
    if (!IsValidFormat(format))
    {
        return -1;
    }
    std::vector<uint8_t> b(frame.pdu->GetSize());
    frame.pdu->CopyData(b.data(), b.size());
    const NrSecurityPdcpHeader h = NrSecurityPdcpPdu::ParseHeader(format, b.data(), b.size());
    if (!h.valid || h.control)
    {
        return -1;
    }
    const StreamKey key{frame.ueId, static_cast<uint8_t>(frame.type), frame.rbId, frame.uplink};
    auto it = m_next.find(key);
    const uint64_t next = it == m_next.end() ? 0 : it->second;
    const int64_t count = NrSecurityPdcpPdu::RcvdCount(format.snBits, next, h.sn);
    if (count < 0 || count > int64_t{0xffffffff})
    {
        return -1;
    }
    m_next[key] = std::max<uint64_t>(next, static_cast<uint64_t>(count) + 1);
    return count;
}

void
NrSecuritySniffer::Hear(const NrSecurityAirFrame& frame)
{
    NrSecuritySniffedFrame f;
    f.time = Simulator::Now();
    f.frame = frame;
    f.frame.pdu = frame.pdu ? frame.pdu->Copy() : nullptr;
    f.count = TrackCount(frame);
    m_frames.push_back(f);
    if (!frame.uplink && frame.type == NrSecurityRbType::SRB && frame.rbId == 1 && !frame.ciphered)
    {
        // A SecurityModeCommand in clear tells the algorithms (TS 38.331 5.3.4.2).
        const std::vector<uint8_t> rrc = Decipher(f);
        const NrSecurityRrcDecoded d = NrSecurityRrcMessage::DecodeDlDcch(rrc.data(), rrc.size());
        if (d.ok && d.type == NrSecurityRrcDecoded::SECURITY_MODE_COMMAND)
        {
            m_smcNea[frame.ueId] = d.nea;
        }
    }
    NrSecurityAdversaryNetDevice::Hear(frame);
}

std::vector<uint8_t>
NrSecuritySniffer::Decipher(const NrSecuritySniffedFrame& f) const
{
    std::vector<uint8_t> b = f.Bytes();
    if (b.empty())
    {
        return {};
    }
    if (f.frame.type == NrSecurityRbType::SRB0)
    {
        return b; // the CCCH message itself (TS 38.331 4.2.2): never ciphered
    }
    const NrSecurityPdcpFormat format = FormatOf(f.frame);
    if (!IsValidFormat(format) || f.count < 0)
    {
        return {};
    }
    const NrSecurityPdcpHeader h = NrSecurityPdcpPdu::ParseHeader(format, b.data(), b.size());
    if (!h.valid || h.control)
    {
        return {};
    }
    NrSecurityPdcpSecurity sec; // the MAC-I is not verified (integrityActive false)
    if (f.frame.ciphered)
    {
        auto it = m_keys.find(f.frame.ueId);
        auto smc = m_smcNea.find(f.frame.ueId);
        if (it != m_keys.end())
        {
            sec.cipheringActive = true;
            sec.nea = it->second.nea;
            sec.kEnc = f.frame.IsSrb() ? it->second.keys.kRrcEnc : it->second.keys.kUpEnc;
        }
        else if (smc == m_smcNea.end() || smc->second != NrSecurityCiphering::NEA0)
        {
            return {}; // ciphered with keys the sniffer does not know
        }
        // else NEA0: the data are in clear (TS 33.501 D.1)
    }
    const uint8_t direction = f.frame.uplink ? 0 : 1;
    const NrSecurityPdcpUnprotectResult r = NrSecurityPdcpPdu::Unprotect(
        format, static_cast<uint32_t>(f.count), direction, sec, b.data(), b.size());
    const size_t sdap = format.sdapHeader ? 1 : 0;
    if (r.sduBytes < sdap)
    {
        return {};
    }
    return std::vector<uint8_t>(b.begin() + r.sduOffset + sdap,
                                b.begin() + r.sduOffset + r.sduBytes);
}

bool
NrSecuritySniffer::GetObservedCiphering(uint32_t ueId, NrSecurityCiphering& nea) const
{
    auto it = m_smcNea.find(ueId);
    if (it == m_smcNea.end())
    {
        return false;
    }
    nea = it->second;
    return true;
}

std::vector<NrSecuritySniffedFrame>
NrSecuritySniffer::Select(uint32_t ueId, NrSecurityRbType type, uint8_t rbId, bool uplink) const
{
    std::vector<NrSecuritySniffedFrame> out;
    for (const auto& f : m_frames)
    {
        if (f.frame.ueId == ueId && f.frame.type == type && f.frame.rbId == rbId
            && f.frame.uplink == uplink && f.frame.attempt == 0)
        {
            out.push_back(f);
        }
    }
    return out;
}

} // namespace ns3
