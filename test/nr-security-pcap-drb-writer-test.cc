// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */

/**
 * \file
 * \ingroup nr-security
 * \brief Writes SRB0 (CCCH) RRC messages and DRB PDUs protected by our PDCP entities with
 *        NrSecurityPcapWriter, for test/nr-security-pcap-drb-tshark-test.py to decode with
 *        tshark (independent of the RRC, the devices and the codec).
 *
 * Usage: nr-security-pcap-drb-writer-test DIR
 *
 * Writes into DIR (which must exist):
 *  - nr-security-drb.pcap, UE 1 of the reference context R1 (K_AMF d655f161..., uplink NAS
 *    COUNT 0, K_gNB 493a16c5..., NEA2/NIA2 keys of TS 33.501 A.8):
 *      1  SRB0 UL UL-CCCH RRCSetupRequest (randomValue 0x0123456789, mo-Signalling)
 *      2  SRB0 DL DL-CCCH RRCSetup (transaction 0, srb-ToAddModList {SRB1}, minimal
 *         masterCellGroup)
 *      3  SRB0 DL DL-CCCH RRCReject (waitTime 10 s)
 *      4  DRB1 UL 18-bit SN, NEA2 + NIA2, COUNT 0, IPv4/UDP packet UL0
 *      5  DRB1 DL 18-bit SN, NEA2 + NIA2, COUNT 0, IPv4/UDP packet DL0
 *      6  DRB1 UL 18-bit SN, NEA2 + NIA2, COUNT 1, IPv4/UDP packet UL1
 *      7  DRB2 UL 12-bit SN, NEA2, no integrity (no MAC-I), COUNT 0, UL0
 *      8  DRB3 DL 12-bit SN, NIA2, ciphering disabled, COUNT 0, DL0
 *      9  DRB4 UL 12-bit SN, SDAP header (QFI 9), NEA2 + NIA2, COUNT 0, UL0
 *  - pdcp_nr_ue_keys and preferences (a Wireshark profile), keys.csv, as the recorder writes
 *    them.
 * Prints one line per frame, "frame,N,RB,ul|dl,COUNT,SDU-HEX,PDU-HEX" (SDU: the IP packet,
 * or the RRC message for SRB0, with the SDAP header if any), then "ok".
 * Exit status: 0 on success, 1 if a self-check fails, 2 on bad usage or an exception.
 */

#include "ns3/nr-security-kdf.h"
#include "ns3/nr-security-pcap-writer.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/string.h"

#include <cstdio>
#include <exception>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// K_AMF of the reference context R1.
const char* const K_AMF = "d655f16142035d4d72ca39583d228d2dd2ec0ca7929ad007f53b382d05544405";

/// \return the bytes of a hex string (even length, no separators).
std::vector<uint8_t>
FromHex(const std::string& hex)
{
    std::vector<uint8_t> out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
    {
        out.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
    }
    return out;
}

/// \return lowercase hex of bytes.
std::string
ToHex(const std::vector<uint8_t>& bytes)
{
    std::string out;
    char buf[3];
    for (uint8_t b : bytes)
    {
        std::snprintf(buf, sizeof(buf), "%02x", b);
        out += buf;
    }
    return out;
}

int g_failures = 0; ///< failed self-checks

/// Records a failed self-check if got != expected.
void
Check(const std::string& what, const std::string& got, const std::string& expected)
{
    if (got != expected)
    {
        ++g_failures;
        std::cerr << "FAIL " << what << ": got " << got << ", expected " << expected << "\n";
    }
}

/// Records a failed self-check unless f throws std::invalid_argument.
template <typename F>
void
CheckInvalid(const std::string& what, F f)
{
    try
    {
        f();
    }
    catch (const std::invalid_argument&)
    {
        return;
    }
    catch (const std::exception& e)
    {
        ++g_failures;
        std::cerr << "FAIL " << what << ": wrong exception: " << e.what() << "\n";
        return;
    }
    ++g_failures;
    std::cerr << "FAIL " << what << ": no exception\n";
}

/**
 * \brief An IPv4 (RFC 791, 20-byte header, valid checksum, DF clear, TTL 64, id 1) / UDP
 *        (RFC 768, checksum 0) packet.
 * \param src source address, host order
 * \param dst destination address, host order
 * \param sport UDP source port
 * \param dport UDP destination port
 * \param text the UDP payload
 * \return the packet bytes
 */
std::vector<uint8_t>
Ipv4Udp(uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport, const std::string& text)
{
    const size_t total = 20 + 8 + text.size();
    std::vector<uint8_t> p = {0x45,
                              0x00,
                              static_cast<uint8_t>(total >> 8),
                              static_cast<uint8_t>(total),
                              0x00,
                              0x01,
                              0x00,
                              0x00,
                              64,
                              17,
                              0x00,
                              0x00};
    for (uint32_t a : {src, dst})
    {
        for (int s = 24; s >= 0; s -= 8)
        {
            p.push_back(static_cast<uint8_t>(a >> s));
        }
    }
    uint32_t sum = 0;
    for (size_t i = 0; i < 20; i += 2)
    {
        sum += static_cast<uint32_t>(p[i]) << 8 | p[i + 1];
    }
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    p[10] = static_cast<uint8_t>(~sum >> 8);
    p[11] = static_cast<uint8_t>(~sum);
    const size_t udp = 8 + text.size();
    for (uint16_t v : {sport, dport, static_cast<uint16_t>(udp), uint16_t(0)})
    {
        p.push_back(static_cast<uint8_t>(v >> 8));
        p.push_back(static_cast<uint8_t>(v));
    }
    p.insert(p.end(), text.begin(), text.end());
    return p;
}

/// One DRB transmit entity of UE 1 (TS 38.323), configured as RRCReconfiguration would.
struct Drb
{
    uint8_t drbId;                ///< DRB identity
    uint8_t snBits;               ///< 12 or 18
    bool uplink;                  ///< a UE entity (else the gNB's)
    bool integrity;               ///< integrityProtection
    bool ciphering;               ///< not cipheringDisabled
    bool sdapHeader;              ///< SDAP header in this direction
    Ptr<NrSecurityPdcp> pdcp;     ///< the entity
    std::vector<uint8_t> lastPdu; ///< the PDU last transmitted
};

/// Creates the entity of a DRB with the UP keys of UE 1.
void
Configure(Drb& d, const NrSecurityPcapUeKeys& keys)
{
    d.pdcp = CreateObject<NrSecurityPdcp>();
    NrSecurityPdcpFormat f;
    f.rbType = NrSecurityRbType::DRB;
    f.rbId = d.drbId;
    f.snBits = d.snBits;
    f.sdapHeader = d.sdapHeader;
    f.drbIntegrity = d.integrity;
    d.pdcp->SetFormat(f);
    d.pdcp->SetAttribute("Direction", StringValue(d.uplink ? "UL" : "DL"));
    if (d.integrity)
    {
        d.pdcp->SetTxIntegrity(NrSecurityIntegrity::NIA2, keys.kUpInt);
    }
    if (d.ciphering)
    {
        d.pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, keys.kUpEnc);
    }
    Drb* self = &d;
    d.pdcp->SetTransmitPduCallback(MakeCallback(+[](Drb* drb, Ptr<Packet> pdu)
                                                {
                                                    drb->lastPdu.resize(pdu->GetSize());
                                                    pdu->CopyData(drb->lastPdu.data(),
                                                                  drb->lastPdu.size());
                                                })
                                       .Bind(self));
}

/// Sends one SDU on a DRB and writes the PDU; prints the frame line.
void
SendDrb(NrSecurityPcapWriter& w, int frame, Time t, Drb& d, const std::vector<uint8_t>& sdu)
{
    int64_t count = d.pdcp->TransmitSdu(Create<Packet>(sdu.data(), sdu.size()));
    if (count < 0)
    {
        throw std::runtime_error("PDCP refused the SDU of frame " + std::to_string(frame));
    }
    NrSecurityPcapFrameInfo info;
    info.ueId = 1;
    info.type = NrSecurityRbType::DRB;
    info.rbId = d.drbId;
    info.uplink = d.uplink;
    info.snLengthBits = d.snBits;
    info.macIPresent = d.integrity;
    info.sdapHeader = d.sdapHeader;
    info.ciphered = d.ciphering;
    w.Write(t, info, d.lastPdu.data(), d.lastPdu.size());
    std::cout << "frame," << frame << ",DRB" << unsigned(d.drbId) << ',' << (d.uplink ? "ul" : "dl")
              << ',' << count << ',' << ToHex(sdu) << ',' << ToHex(d.lastPdu) << "\n";
}

/// Writes one SRB0 message; prints the frame line.
void
SendSrb0(NrSecurityPcapWriter& w, int frame, Time t, bool uplink, const std::string& hex)
{
    std::vector<uint8_t> msg = FromHex(hex);
    NrSecurityPcapFrameInfo info;
    info.ueId = 1;
    info.type = NrSecurityRbType::SRB0;
    info.rbId = 0;
    info.uplink = uplink;
    info.macIPresent = false;
    w.Write(t, info, msg.data(), msg.size());
    std::cout << "frame," << frame << ",SRB0," << (uplink ? "ul" : "dl") << ",," << hex << ','
              << hex << "\n";
}

/// Argument checks of the new framing.
void
CheckErrors()
{
    const uint8_t pdu[8] = {0x10, 0x24, 0x68, 0xac, 0xf1, 0x26, 0, 0};
    using W = NrSecurityPcapWriter;
    NrSecurityPcapFrameInfo srb0;
    srb0.type = NrSecurityRbType::SRB0;
    srb0.rbId = 0;
    srb0.macIPresent = false;
    srb0.ueId = 0x0102;
    srb0.uplink = true;
    std::vector<uint8_t> frame = W::BuildFrame(srb0, pdu, 6);
    Check("SRB0 framing",
          ToHex(std::vector<uint8_t>(frame.begin() + 28, frame.end() - 6)),
          "706463702d6e7201"       // "pdcp-nr", plane 1
          "0200030004040500060102" // SN length 0 (no PDCP header), UL, CCCH, id 0, UE 0x0102
          "1101");                 // ciphering disabled, payload (no MAC-I)
    NrSecurityPcapFrameInfo bad = srb0;
    bad.rbId = 1;
    CheckInvalid("SRB0 with rbId 1", [&] { W::BuildFrame(bad, pdu, 6); });
    bad = srb0;
    bad.macIPresent = true;
    CheckInvalid("SRB0 with a MAC-I", [&] { W::BuildFrame(bad, pdu, 6); });
    bad = srb0;
    bad.ciphered = true;
    CheckInvalid("SRB0 ciphered", [&] { W::BuildFrame(bad, pdu, 6); });
    bad = srb0;
    bad.type = NrSecurityRbType::SRB;
    bad.rbId = 4;
    bad.macIPresent = true;
    CheckInvalid("SRB4", [&] { W::BuildFrame(bad, pdu, 6); });
    bad.type = NrSecurityRbType::DRB;
    bad.rbId = 33;
    CheckInvalid("DRB33", [&] { W::BuildFrame(bad, pdu, 6); });
    NrSecurityPcapFrameInfo drb;
    drb.type = NrSecurityRbType::DRB;
    drb.rbId = 5;
    drb.snLengthBits = 12;
    drb.macIPresent = true;
    drb.sdapHeader = true;
    drb.ciphered = true;
    drb.uplink = true;
    drb.ueId = 7;
    frame = W::BuildFrame(drb, pdu, 8);
    Check("DRB framing (12-bit SN, UL, MAC-I, SDAP UL, ciphered)",
          ToHex(std::vector<uint8_t>(frame.begin() + 28, frame.end() - 8)),
          "706463702d6e7202"       // "pdcp-nr", plane 2
          "020c030004010505060007" // SN 12, UL, DCCH, DRB 5, UE 7
          "0f100101");             // MAC-I present, SDAP UL, payload
}

} // namespace

int
main(int argc, char** argv)
{
    if (argc != 2)
    {
        std::cerr << "usage: nr-security-pcap-drb-writer-test DIR\n";
        return 2;
    }
    const std::string dir = argv[1];
    try
    {
        CheckErrors();

        NrSecurityPcapUeKeys ue;
        ue.ueId = 1;
        ue.kAmf = NrSecurityAlgorithms::Key256FromBytes(FromHex(K_AMF));
        ue.ulNasCount = 0;
        ue.kGnb
            = NrSecurityKdf::DeriveKgnb(ue.kAmf, ue.ulNasCount, NrSecurityAccessType::THREE_GPP);
        using T = NrSecurityAlgorithmType;
        ue.kRrcEnc = NrSecurityKdf::DeriveAlgorithmKey(ue.kGnb, T::N_RRC_ENC, 2);
        ue.kRrcInt = NrSecurityKdf::DeriveAlgorithmKey(ue.kGnb, T::N_RRC_INT, 2);
        ue.kUpEnc = NrSecurityKdf::DeriveAlgorithmKey(ue.kGnb, T::N_UP_ENC, 2);
        ue.kUpInt = NrSecurityKdf::DeriveAlgorithmKey(ue.kGnb, T::N_UP_INT, 2);
        Check("K_UPenc (R1)",
              ToHex(std::vector<uint8_t>(ue.kUpEnc.begin(), ue.kUpEnc.end())),
              "e3f1848b8dd2745013da1a530d91d68e");
        Check("K_UPint (R1)",
              ToHex(std::vector<uint8_t>(ue.kUpInt.begin(), ue.kUpInt.end())),
              "45b2f2033f2e881c5d6b0f31b245df2c");

        // The UE's address 7.0.0.2, a remote host 1.0.0.2.
        const std::vector<uint8_t> ul0
            = Ipv4Udp(0x07000002, 0x01000002, 49153, 9, "nr-security DRB uplink 0");
        const std::vector<uint8_t> ul1
            = Ipv4Udp(0x07000002, 0x01000002, 49153, 9, "nr-security DRB uplink 1");
        const std::vector<uint8_t> dl0
            = Ipv4Udp(0x01000002, 0x07000002, 9, 49153, "nr-security DRB downlink 0");

        NrSecurityPcapWriter w;
        w.Open(dir + "/nr-security-drb.pcap");
        // TS 38.331 6.2.1 UL-CCCH-Message: c1 (0) rrcSetupRequest (00), ue-Identity
        // randomValue (1) 0x0123456789 (39 bits), establishmentCause mo-Signalling (0011),
        // spare (0): 0 00 1 000000100100011010001010110011110001001 0011 0 -> 10 24 68 ac f1 26.
        SendSrb0(w, 1, MilliSeconds(1), true, "102468acf126");
        // DL-CCCH-Message c1 (0) rrcSetup (01), transaction 00, criticalExtensions rrcSetup (0),
        // no lateNonCriticalExtension / nonCriticalExtension (00), radioBearerConfig (ext 0,
        // srb-ToAddModList only: 10000), one SRB-ToAddMod (size 0: 0; ext 0, no options 000,
        // srb-Identity 1: 00), masterCellGroup OCTET STRING of 2 bytes (00000010) holding
        // CellGroupConfig (ext 0, no options 0000000, cellGroupId 0: 00, padding): 20 40 00 10 00
        // 00.
        SendSrb0(w, 2, MilliSeconds(2), false, "204000100000");
        // DL-CCCH-Message c1 (0) rrcReject (00), criticalExtensions rrcReject (0), waitTime
        // present (100), waitTime 10 s (1001): 0 00 0 100 1001 -> 09 20.
        SendSrb0(w, 3, MilliSeconds(3), false, "0920");

        Drb drb1ul{1, 18, true, true, true, false, {}, {}};
        Drb drb1dl{1, 18, false, true, true, false, {}, {}};
        Drb drb2ul{2, 12, true, false, true, false, {}, {}};
        Drb drb3dl{3, 12, false, true, false, false, {}, {}};
        Drb drb4ul{4, 12, true, true, true, true, {}, {}};
        for (Drb* d : {&drb1ul, &drb1dl, &drb2ul, &drb3dl, &drb4ul})
        {
            Configure(*d, ue);
        }
        SendDrb(w, 4, MilliSeconds(10), drb1ul, ul0);
        SendDrb(w, 5, MilliSeconds(11), drb1dl, dl0);
        SendDrb(w, 6, MilliSeconds(12), drb1ul, ul1);
        SendDrb(w, 7, MilliSeconds(13), drb2ul, ul0);
        SendDrb(w, 8, MilliSeconds(14), drb3dl, dl0);
        std::vector<uint8_t> sdap = {0x89}; // UL SDAP data PDU header: D/C 1, R 0, QFI 9
        sdap.insert(sdap.end(), ul0.begin(), ul0.end());
        SendDrb(w, 9, MilliSeconds(15), drb4ul, sdap);
        Check("frames written", std::to_string(w.GetFramesWritten()), "9");
        w.Close();

        NrSecurityPcapWriter::WriteWiresharkUeKeys(dir + "/pdcp_nr_ue_keys", {ue});
        NrSecurityPcapWriter::WriteWiresharkPreferences(
            dir + "/preferences", NrSecurityCiphering::NEA2, NrSecurityIntegrity::NIA2);
        NrSecurityPcapWriter::WriteKeysCsv(dir + "/keys.csv", {ue});
    }
    catch (const std::exception& e)
    {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    }
    if (g_failures != 0)
    {
        return 1;
    }
    std::cout << "ok\n";
    return 0;
}
