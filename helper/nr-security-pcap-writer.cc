// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-pcap-writer.h"

#include "ns3/nr-security-hex.h"
#include "ns3/pcap-file-wrapper.h"
#include "ns3/trace-helper.h"

#include <fstream>
#include <set>
#include <stdexcept>
#include <utility>

namespace ns3
{

namespace
{

/// Signature at the start of the UDP payload (no terminating NUL).
constexpr char PDCP_NR_SIGNATURE[] = "pdcp-nr";

/// pdcp-nr UDP framing tags (Wireshark packet-pdcp-nr.h).
enum PdcpNrTag : uint8_t
{
    TAG_PAYLOAD = 0x01,
    TAG_SN_LENGTH = 0x02,
    TAG_DIRECTION = 0x03,
    TAG_BEARER_TYPE = 0x04,
    TAG_BEARER_ID = 0x05,
    TAG_UE_ID = 0x06,
    TAG_MAC_I_PRESENT = 0x0F,
    TAG_SDAP_HEADER = 0x10,
    TAG_CIPHERING_DISABLED = 0x11,
};

constexpr uint8_t PLANE_SIGNALLING = 1;   ///< pdcp-nr plane: signalling
constexpr uint8_t PLANE_USER = 2;         ///< pdcp-nr plane: user
constexpr uint8_t BEARER_TYPE_DCCH = 1;   ///< pdcp-nr bearer type DCCH (SRB1-3 and DRBs)
constexpr uint8_t BEARER_TYPE_CCCH = 4;   ///< pdcp-nr bearer type CCCH (SRB0)
constexpr uint8_t SDAP_UL_PRESENT = 0x01; ///< SDAP header tag bit: uplink PDUs carry one
constexpr uint8_t SDAP_DL_PRESENT = 0x02; ///< SDAP header tag bit: downlink PDUs carry one

constexpr size_t IPV4_HEADER_BYTES = 20; ///< IPv4 header without options
constexpr uint8_t MAX_ORIGIN = 5;        ///< NrSecurityFrameOrigin::FALSE_BASE_STATION
constexpr size_t UDP_HEADER_BYTES = 8;   ///< UDP header

/// Appends a 16-bit value, big-endian.
void
PutU16(std::vector<uint8_t>& out, uint16_t v)
{
    out.push_back(static_cast<uint8_t>(v >> 8));
    out.push_back(static_cast<uint8_t>(v & 0xff));
}

/// Appends a 32-bit value, big-endian.
void
PutU32(std::vector<uint8_t>& out, uint32_t v)
{
    PutU16(out, static_cast<uint16_t>(v >> 16));
    PutU16(out, static_cast<uint16_t>(v & 0xffff));
}

/// Adds bytes [begin, begin + n) as big-endian 16-bit words to a one's complement sum.
uint32_t
SumWords(uint32_t sum, const uint8_t* begin, size_t n)
{
    for (size_t i = 0; i + 1 < n; i += 2)
    {
        sum += (static_cast<uint32_t>(begin[i]) << 8) | begin[i + 1];
    }
    if (n % 2 == 1)
    {
        sum += static_cast<uint32_t>(begin[n - 1]) << 8;
    }
    return sum;
}

/// Folds a 32-bit one's complement sum and complements it (RFC 1071).
uint16_t
FinishChecksum(uint32_t sum)
{
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return static_cast<uint16_t>(~sum & 0xffff);
}

/// Throws std::invalid_argument if two entries share a UE id.
void
CheckUniqueUeIds(const std::vector<NrSecurityPcapUeKeys>& ues)
{
    std::set<uint16_t> seen;
    for (const auto& ue : ues)
    {
        if (!seen.insert(NrSecurityPcapWriter::PcapUeId(ue.ueId)).second)
        {
            throw std::invalid_argument("ues: UE id " + std::to_string(ue.ueId) + " appears twice");
        }
    }
}

/// Opens a text file for writing or throws std::runtime_error.
std::ofstream
OpenText(const std::string& filename)
{
    std::ofstream out(filename, std::ios::out | std::ios::trunc);
    if (!out)
    {
        throw std::runtime_error("cannot create " + filename);
    }
    return out;
}

/// Flushes and checks a text file or throws std::runtime_error.
void
CloseText(std::ofstream& out, const std::string& filename)
{
    out.flush();
    if (!out)
    {
        throw std::runtime_error("cannot write " + filename);
    }
    out.close();
}

} // namespace

NrSecurityPcapWriter::NrSecurityPcapWriter() = default;

NrSecurityPcapWriter::~NrSecurityPcapWriter()
{
    Close();
}

void
NrSecurityPcapWriter::Open(const std::string& filename)
{
    Close();
    Ptr<PcapFileWrapper> file = CreateObject<PcapFileWrapper>();
    file->Open(filename, std::ios::out | std::ios::trunc);
    if (file->Fail())
    {
        throw std::runtime_error("cannot create pcap file " + filename);
    }
    file->Init(PcapHelper::DLT_RAW, 65535);
    if (file->Fail())
    {
        file->Close();
        throw std::runtime_error("cannot write the pcap header of " + filename);
    }
    m_file = file;
    m_frames = 0;
}

bool
NrSecurityPcapWriter::IsOpen() const
{
    return m_file != nullptr;
}

void
NrSecurityPcapWriter::Close()
{
    if (m_file)
    {
        m_file->Close();
        m_file = nullptr;
    }
}

void
NrSecurityPcapWriter::Write(Time t,
                            uint32_t ueId,
                            uint8_t rbId,
                            bool srb,
                            uint8_t snBits,
                            bool uplink,
                            bool macPresent,
                            bool sdapHeader,
                            bool ciphered,
                            const uint8_t* pdu,
                            size_t bytes)
{
    if (!m_file)
    {
        throw std::logic_error("NrSecurityPcapWriter::Write: no file is open");
    }
    std::vector<uint8_t> frame
        = BuildFrame(ueId, rbId, srb, snBits, uplink, macPresent, sdapHeader, ciphered, pdu, bytes);
    m_file->Write(t, frame.data(), static_cast<uint32_t>(frame.size()));
    if (m_file->Fail())
    {
        throw std::runtime_error("NrSecurityPcapWriter::Write: writing the pcap file failed");
    }
    ++m_frames;
}

void
NrSecurityPcapWriter::Write(Time t,
                            const NrSecurityPcapFrameInfo& info,
                            const uint8_t* pdu,
                            size_t bytes)
{
    if (!m_file)
    {
        throw std::logic_error("NrSecurityPcapWriter::Write: no file is open");
    }
    std::vector<uint8_t> frame = BuildFrame(info, pdu, bytes);
    m_file->Write(t, frame.data(), static_cast<uint32_t>(frame.size()));
    if (m_file->Fail())
    {
        throw std::runtime_error("NrSecurityPcapWriter::Write: writing the pcap file failed");
    }
    ++m_frames;
}

uint32_t
NrSecurityPcapWriter::GetFramesWritten() const
{
    return m_frames;
}

std::vector<uint8_t>
NrSecurityPcapWriter::BuildFrame(uint32_t ueId,
                                 uint8_t rbId,
                                 bool srb,
                                 uint8_t snBits,
                                 bool uplink,
                                 bool macPresent,
                                 bool sdapHeader,
                                 bool ciphered,
                                 const uint8_t* pdu,
                                 size_t bytes)
{
    NrSecurityPcapFrameInfo info;
    info.ueId = ueId;
    info.type = srb ? NrSecurityRbType::SRB : NrSecurityRbType::DRB;
    info.rbId = rbId;
    info.uplink = uplink;
    info.snLengthBits = snBits;
    info.macIPresent = macPresent;
    info.sdapHeader = sdapHeader;
    info.ciphered = ciphered;
    return BuildFrame(info, pdu, bytes);
}

std::vector<uint8_t>
NrSecurityPcapWriter::BuildFrame(const NrSecurityPcapFrameInfo& info,
                                 const uint8_t* pdu,
                                 size_t bytes)
{
    const bool srb0 = info.type == NrSecurityRbType::SRB0;
    const bool srb = info.type != NrSecurityRbType::DRB; // SRB0..3: the signalling plane
    const uint8_t rbId = info.rbId;
    const uint8_t snBits = info.snLengthBits;
    const bool uplink = info.uplink;
    if (pdu == nullptr || bytes == 0 || bytes > MAX_PDU_BYTES)
    {
        throw std::invalid_argument("pdu: " + std::to_string(bytes) + " bytes, expected 1.."
                                    + std::to_string(MAX_PDU_BYTES));
    }
    if (info.origin > MAX_ORIGIN)
    {
        throw std::invalid_argument("origin " + std::to_string(info.origin)
                                    + " is not an NrSecurityFrameOrigin (0..5)");
    }
    if (srb0)
    {
        if (rbId != 0)
        {
            throw std::invalid_argument("rbId " + std::to_string(rbId) + ": SRB0 is rbId 0");
        }
        if (info.macIPresent || info.sdapHeader || info.ciphered)
        {
            throw std::invalid_argument("macIPresent/sdapHeader/ciphered: SRB0 (CCCH) has no "
                                        "PDCP, so no MAC-I, SDAP header or ciphering");
        }
    }
    else
    {
        const unsigned maxId = srb ? 3 : 32; // SRB-Identity 1..3, DRB-Identity 1..32
        if (rbId < 1 || rbId > maxId)
        {
            throw std::invalid_argument("rbId " + std::to_string(rbId) + " is not 1.."
                                        + std::to_string(maxId));
        }
        if (snBits != 12 && snBits != 18)
        {
            throw std::invalid_argument("snBits " + std::to_string(snBits) + " is not 12 or 18");
        }
        if (srb && snBits != 12)
        {
            throw std::invalid_argument("snBits: an SRB has a 12-bit SN (TS 38.323 6.2.2.1)");
        }
        if (srb && !info.macIPresent)
        {
            throw std::invalid_argument("macPresent: an SRB PDU always ends with a MAC-I");
        }
        if (srb && info.sdapHeader)
        {
            throw std::invalid_argument("sdapHeader: an SRB carries no SDAP header");
        }
    }

    // UDP payload: the pdcp-nr framing, then the PDU.
    std::vector<uint8_t> framing(PDCP_NR_SIGNATURE,
                                 PDCP_NR_SIGNATURE + sizeof(PDCP_NR_SIGNATURE) - 1);
    framing.push_back(srb ? PLANE_SIGNALLING : PLANE_USER);
    framing.push_back(TAG_SN_LENGTH);
    framing.push_back(srb0 ? 0 : snBits); // 0: Wireshark parses no PDCP header
    framing.push_back(TAG_DIRECTION);
    framing.push_back(uplink ? 0 : 1);
    framing.push_back(TAG_BEARER_TYPE);
    framing.push_back(srb0 ? BEARER_TYPE_CCCH : BEARER_TYPE_DCCH);
    framing.push_back(TAG_BEARER_ID);
    framing.push_back(rbId);
    framing.push_back(TAG_UE_ID);
    PutU16(framing, PcapUeId(info.ueId));
    if (info.macIPresent)
    {
        framing.push_back(TAG_MAC_I_PRESENT);
    }
    if (info.sdapHeader)
    {
        framing.push_back(TAG_SDAP_HEADER);
        framing.push_back(uplink ? SDAP_UL_PRESENT : SDAP_DL_PRESENT);
    }
    // SRB0 is never ciphered; without the tag tshark 4.0 shows no RRC for it when a default
    // ciphering algorithm other than NEA0 is configured.
    if (!info.ciphered)
    {
        framing.push_back(TAG_CIPHERING_DISABLED);
    }
    framing.push_back(TAG_PAYLOAD);

    const size_t udpBytes = UDP_HEADER_BYTES + framing.size() + bytes;
    const size_t totalBytes = IPV4_HEADER_BYTES + udpBytes;
    const uint32_t src = uplink ? UE_ADDRESS : GNB_ADDRESS;
    const uint32_t dst = uplink ? GNB_ADDRESS : UE_ADDRESS;

    std::vector<uint8_t> frame;
    frame.reserve(totalBytes);

    // IPv4 header (RFC 791): version 4, IHL 5, DSCP = origin (0 for legitimate frames, RFC
    // 2474: the upper 6 bits of the TOS byte), DF, TTL 64, protocol UDP.
    frame.push_back(0x45);
    frame.push_back(static_cast<uint8_t>(info.origin << 2));
    PutU16(frame, static_cast<uint16_t>(totalBytes));
    PutU16(frame, 0x0000); // identification
    PutU16(frame, 0x4000); // flags DF, fragment offset 0
    frame.push_back(64);   // TTL
    frame.push_back(17);   // protocol UDP
    PutU16(frame, 0x0000); // header checksum, filled in below
    PutU32(frame, src);
    PutU32(frame, dst);
    const uint16_t ipChecksum = FinishChecksum(SumWords(0, frame.data(), IPV4_HEADER_BYTES));
    frame[10] = static_cast<uint8_t>(ipChecksum >> 8);
    frame[11] = static_cast<uint8_t>(ipChecksum & 0xff);

    // UDP header (RFC 768) and payload.
    const size_t udpStart = frame.size();
    PutU16(frame, UDP_PORT);
    PutU16(frame, UDP_PORT);
    PutU16(frame, static_cast<uint16_t>(udpBytes));
    PutU16(frame, 0x0000); // checksum, filled in below
    frame.insert(frame.end(), framing.begin(), framing.end());
    frame.insert(frame.end(), pdu, pdu + bytes);

    // UDP checksum over the IPv4 pseudo-header, the UDP header and the payload.
    uint32_t sum = SumWords(0, frame.data() + 12, 8); // source and destination address
    sum += 17;
    sum += static_cast<uint32_t>(udpBytes);
    sum = SumWords(sum, frame.data() + udpStart, udpBytes);
    uint16_t udpChecksum = FinishChecksum(sum);
    if (udpChecksum == 0)
    {
        udpChecksum = 0xffff; // 0 means "no checksum" (RFC 768)
    }
    frame[udpStart + 6] = static_cast<uint8_t>(udpChecksum >> 8);
    frame[udpStart + 7] = static_cast<uint8_t>(udpChecksum & 0xff);
    return frame;
}

uint16_t
NrSecurityPcapWriter::PcapUeId(uint32_t ueId)
{
    return ueId == 0 ? 0 : static_cast<uint16_t>((ueId - 1) % 65535 + 1);
}

std::string
NrSecurityPcapWriter::WiresharkUeKeysRecord(const NrSecurityPcapUeKeys& keys)
{
    // Column order of Wireshark's pdcp-nr UAT (ue_keys_uat_flds): UEId, RRC Cipher Key,
    // User-Plane Cipher Key, RRC Integrity Key, User-Plane Integrity Key.
    return "\"" + std::to_string(PcapUeId(keys.ueId)) + "\",\"" + NrSecurityToHex(keys.kRrcEnc)
           + "\",\"" + NrSecurityToHex(keys.kUpEnc) + "\",\"" + NrSecurityToHex(keys.kRrcInt)
           + "\",\"" + NrSecurityToHex(keys.kUpInt) + "\"";
}

void
NrSecurityPcapWriter::WriteWiresharkUeKeys(const std::string& filename,
                                           const std::vector<NrSecurityPcapUeKeys>& ues)
{
    CheckUniqueUeIds(ues);
    std::ofstream out = OpenText(filename);
    out << "# Wireshark PDCP-NR UE security keys (UAT pdcp_nr_ue_keys), written by nr-security.\n"
        << "# \"UEId\",\"RRC Cipher Key\",\"User-Plane Cipher Key\",\"RRC Integrity Key\","
           "\"User-Plane Integrity Key\"\n";
    for (const auto& ue : ues)
    {
        out << WiresharkUeKeysRecord(ue) << '\n';
    }
    CloseText(out, filename);
}

void
NrSecurityPcapWriter::WriteWiresharkPreferences(const std::string& filename,
                                                NrSecurityCiphering nea,
                                                NrSecurityIntegrity nia)
{
    static const char* const neaNames[]
        = {"NEA0 (NULL)", "NEA1 (SNOW3G)", "NEA2 (AES)", "NEA3 (ZUC)"};
    static const char* const niaNames[]
        = {"NIA0 (NULL)", "NIA1 (SNOW3G)", "NIA2 (AES)", "NIA3 (ZUC)"};
    const auto neaIndex = static_cast<size_t>(nea);
    const auto niaIndex = static_cast<size_t>(nia);
    if (neaIndex > 3 || niaIndex > 3)
    {
        throw std::invalid_argument("nea/nia: algorithm identity is not 0..3");
    }
    std::ofstream out = OpenText(filename);
    out << "# Wireshark preferences for captures of NrSecurityPcapWriter (pdcp-nr over UDP).\n"
        << "# COUNT comes from sequence analysis of the PDCP frames themselves.\n"
        << "pdcp-nr.check_sequence_numbers: Only-PDCP-frames\n"
        << "pdcp-nr.default_ciphering_algorithm: " << neaNames[neaIndex] << "\n"
        << "pdcp-nr.default_integrity_algorithm: " << niaNames[niaIndex] << "\n"
        << "pdcp-nr.decipher_signalling: TRUE\n"
        << "pdcp-nr.decipher_userplane: TRUE\n"
        << "pdcp-nr.verify_integrity: TRUE\n";
    CloseText(out, filename);
}

void
NrSecurityPcapWriter::WriteKeysCsv(const std::string& filename,
                                   const std::vector<NrSecurityPcapUeKeys>& ues)
{
    std::set<std::pair<uint32_t, uint32_t>> seen;
    for (const auto& ue : ues)
    {
        if (!seen.insert({ue.ueId, ue.epoch}).second)
        {
            throw std::invalid_argument("ues: UE id " + std::to_string(ue.ueId) + " epoch "
                                        + std::to_string(ue.epoch) + " appears twice");
        }
    }
    std::ofstream out = OpenText(filename);
    out << "ue_id,k_gnb,k_rrc_enc,k_rrc_int,k_up_enc,k_up_int,k_amf,ul_nas_count,epoch,ncc,cell\n";
    for (const auto& ue : ues)
    {
        out << ue.ueId << ',' << NrSecurityToHex(ue.kGnb) << ',' << NrSecurityToHex(ue.kRrcEnc)
            << ',' << NrSecurityToHex(ue.kRrcInt) << ',' << NrSecurityToHex(ue.kUpEnc) << ','
            << NrSecurityToHex(ue.kUpInt) << ',' << NrSecurityToHex(ue.kAmf) << ',' << ue.ulNasCount
            << ',' << ue.epoch << ',' << unsigned(ue.ncc) << ',' << ue.cellId << '\n';
    }
    CloseText(out, filename);
}

} // namespace ns3
