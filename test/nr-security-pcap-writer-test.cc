// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */

/**
 * \file
 * \ingroup nr-security
 * \brief Writes a short, fixed Security Mode Command exchange with NrSecurityPcapWriter, for
 *        test/nr-security-pcap-tshark-test.py to decode with tshark.
 *
 * Usage: nr-security-pcap-writer-test DIR
 *
 * Writes into DIR (which must exist):
 *  - nr-security-smc.pcap: six SRB1 PDUs (TS 38.331 5.3.4, TS 38.323 5.8/5.9):
 *      1  UE 1 DL SecurityModeCommand (tid 0, nea2, nia2)  COUNT 0  NIA2, in clear
 *      2  UE 2 DL SecurityModeCommand (tid 0, nea2, nia2)  COUNT 0  NIA2, in clear
 *      3  UE 1 UL SecurityModeComplete (tid 0)             COUNT 0  NIA2, in clear
 *      4  UE 2 UL SecurityModeFailure (tid 0)              COUNT 0  unprotected (MAC-I 0)
 *      5  UE 1 DL DLInformationTransfer (tid 0)            COUNT 1  NIA2 + NEA2
 *      6  UE 1 UL ULInformationTransfer                    COUNT 1  NIA2 + NEA2
 *  - pdcp_nr_ue_keys and preferences: a Wireshark profile for the capture;
 *  - keys.csv: K_gNB, the four AS keys, K_AMF and the uplink NAS COUNT of both UEs.
 * Prints one line per frame, "frame,N,UE,ul|dl,COUNT,PDU-HEX", then "ok".
 *
 * UE 1 uses the project's reference context R1: K_gNB of TS 33.501 A.9 with uplink NAS
 * COUNT 0, so frame 5 is the reference PDU 0001d6cd2f5cbceb89ca (MAC-I 90b12016). UE 2 uses
 * the K_gNB for uplink NAS COUNT 1, so the key table must be looked up per UE.
 * Exit status: 0 on success, 1 if a self-check fails, 2 on bad usage or an exception.
 */

#include "ns3/nr-security-kdf.h"
#include "ns3/nr-security-pcap-writer.h"
#include "ns3/nr-security-pdcp-pdu.h"
#include "ns3/nstime.h"

#include <cstdio>
#include <exception>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// K_gNB of UE 1 (reference context R1, uplink NAS COUNT 0).
const char* const K_GNB_UE1 = "493a16c58b77b627fa3f1ac6344c183039f01ba0cb7636bbccc4365b023bd562";
/// K_gNB of UE 2 (same K_AMF, uplink NAS COUNT 1).
const char* const K_GNB_UE2 = "fb26999136da464ffa3f3c803ad5f895f1834349c15445e287b66373aff229d7";

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

/// K_AMF of the reference context R1 (both UEs; UE 1 with uplink NAS COUNT 0, UE 2 with 1).
const char* const K_AMF = "d655f16142035d4d72ca39583d228d2dd2ec0ca7929ad007f53b382d05544405";

/// \return the keys of a UE derived from its K_gNB for NEA2/NIA2 (TS 33.501 A.8).
NrSecurityPcapUeKeys
UeKeys(uint32_t ueId, const char* kGnbHex, uint32_t ulNasCount)
{
    NrSecurityPcapUeKeys keys;
    keys.ueId = ueId;
    keys.kAmf = NrSecurityAlgorithms::Key256FromBytes(FromHex(K_AMF));
    keys.ulNasCount = ulNasCount;
    keys.kGnb = NrSecurityAlgorithms::Key256FromBytes(FromHex(kGnbHex));
    using T = NrSecurityAlgorithmType;
    keys.kRrcEnc = NrSecurityKdf::DeriveAlgorithmKey(keys.kGnb, T::N_RRC_ENC, 2);
    keys.kRrcInt = NrSecurityKdf::DeriveAlgorithmKey(keys.kGnb, T::N_RRC_INT, 2);
    keys.kUpEnc = NrSecurityKdf::DeriveAlgorithmKey(keys.kGnb, T::N_UP_ENC, 2);
    keys.kUpInt = NrSecurityKdf::DeriveAlgorithmKey(keys.kGnb, T::N_UP_INT, 2);
    return keys;
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

/// Records a failed self-check unless f throws an exception of type E.
template <typename E, typename F>
void
CheckThrows(const std::string& what, F f)
{
    try
    {
        f();
    }
    catch (const E&)
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
 * \brief Protects one SRB1 SDU and writes it.
 * \param writer the open writer.
 * \param frame the frame number (for the printed line).
 * \param t the timestamp.
 * \param ue the UE's keys.
 * \param uplink the direction.
 * \param count the COUNT.
 * \param integrity integrity protection active (NIA2).
 * \param ciphering ciphering active (NEA2).
 * \param sduHex the RRC message (UPER) as hex.
 * \return the PDU.
 */
std::vector<uint8_t>
WriteSrb1(NrSecurityPcapWriter& writer,
          int frame,
          Time t,
          const NrSecurityPcapUeKeys& ue,
          bool uplink,
          uint32_t count,
          bool integrity,
          bool ciphering,
          const std::string& sduHex)
{
    NrSecurityPdcpFormat format; // SRB, rbId 1, 12-bit SN
    NrSecurityPdcpSecurity security;
    security.integrityActive = integrity;
    security.nia = NrSecurityIntegrity::NIA2;
    security.kInt = ue.kRrcInt;
    security.cipheringActive = ciphering;
    security.nea = NrSecurityCiphering::NEA2;
    security.kEnc = ue.kRrcEnc;
    std::vector<uint8_t> sdu = FromHex(sduHex);
    std::vector<uint8_t> pdu;
    NrSecurityPdcpPdu::Protect(
        format, count, uplink ? 0 : 1, security, sdu.data(), sdu.size(), pdu);
    writer.Write(t,
                 ue.ueId,
                 format.rbId,
                 true,
                 format.snBits,
                 uplink,
                 true,
                 false,
                 ciphering,
                 pdu.data(),
                 pdu.size());
    std::cout << "frame," << frame << ',' << ue.ueId << ',' << (uplink ? "ul" : "dl") << ','
              << count << ',' << ToHex(pdu) << "\n";
    return pdu;
}

/// Argument checks of the writer (no file needed).
void
CheckErrors()
{
    const uint8_t pdu[8] = {0, 0, 0x28, 0, 0, 0, 0, 0};
    using W = NrSecurityPcapWriter;
    CheckThrows<std::invalid_argument>(
        "null pdu", [] { W::BuildFrame(1, 1, true, 12, true, true, false, false, nullptr, 8); });
    CheckThrows<std::invalid_argument>(
        "empty pdu", [&] { W::BuildFrame(1, 1, true, 12, true, true, false, false, pdu, 0); });
    CheckThrows<std::invalid_argument>(
        "rbId 0", [&] { W::BuildFrame(1, 0, true, 12, true, true, false, false, pdu, 8); });
    CheckThrows<std::invalid_argument>(
        "rbId 33", [&] { W::BuildFrame(1, 33, false, 12, true, true, false, false, pdu, 8); });
    CheckThrows<std::invalid_argument>(
        "snBits 7", [&] { W::BuildFrame(1, 4, false, 7, true, true, false, false, pdu, 8); });
    CheckThrows<std::invalid_argument>(
        "SRB 18-bit SN", [&] { W::BuildFrame(1, 1, true, 18, true, true, false, false, pdu, 8); });
    CheckThrows<std::invalid_argument>(
        "SRB without MAC-I",
        [&] { W::BuildFrame(1, 1, true, 12, true, false, false, false, pdu, 8); });
    CheckThrows<std::invalid_argument>(
        "SRB with SDAP", [&] { W::BuildFrame(1, 1, true, 12, true, true, true, false, pdu, 8); });
    CheckThrows<std::logic_error>(
        "Write before Open",
        [&]
        {
            W writer;
            writer.Write(Seconds(0), 1, 1, true, 12, true, true, false, false, pdu, 8);
        });
    CheckThrows<std::runtime_error>("Open in a missing directory",
                                    []
                                    {
                                        W writer;
                                        writer.Open("/nonexistent-nr-security-dir/x.pcap");
                                    });
    const NrSecurityPcapUeKeys k;
    CheckThrows<std::invalid_argument>(
        "duplicate UE id",
        [&] {
            W::WriteKeysCsv("/nonexistent-nr-security-dir/keys.csv", {k, k});
        });

    // A DRB frame: plane 2, 18-bit SN tag, SDAP bit of the direction, ciphering disabled.
    std::vector<uint8_t> frame
        = W::BuildFrame(0x0102, 4, false, 18, false, false, true, false, pdu, 8);
    std::vector<uint8_t> framing(frame.begin() + 28, frame.end() - 8);
    Check("DRB framing",
          ToHex(framing),
          "706463702d6e7202"       // "pdcp-nr", plane 2
          "0212030104010504060102" // SN 18, DL, DCCH, RB 4, UE 0x0102
          "10021101");             // SDAP DL, ciphering disabled, payload
}

} // namespace

int
main(int argc, char** argv)
{
    if (argc != 2)
    {
        std::cerr << "usage: nr-security-pcap-writer-test DIR\n";
        return 2;
    }
    const std::string dir = argv[1];
    try
    {
        CheckErrors();

        const NrSecurityPcapUeKeys ue1 = UeKeys(1, K_GNB_UE1, 0);
        const NrSecurityPcapUeKeys ue2 = UeKeys(2, K_GNB_UE2, 1);
        std::vector<uint8_t> kInt(ue1.kRrcInt.begin(), ue1.kRrcInt.end());
        std::vector<uint8_t> kEnc(ue1.kRrcEnc.begin(), ue1.kRrcEnc.end());
        Check("UE 1 K_RRCint", ToHex(kInt), "3dc37c61c21fb16740a2b2fe27783646");
        Check("UE 1 K_RRCenc", ToHex(kEnc), "941e50db4b51a68270b2af2793ec73de");

        NrSecurityPcapWriter writer;
        writer.Open(dir + "/nr-security-smc.pcap");
        // DL-DCCH SecurityModeCommand tid 0, nea2, nia2: 20 09 10 (TS 38.331 6.2.2).
        WriteSrb1(writer, 1, MilliSeconds(10), ue1, false, 0, true, false, "200910");
        WriteSrb1(writer, 2, MilliSeconds(11), ue2, false, 0, true, false, "200910");
        // UL-DCCH SecurityModeComplete tid 0: 28 00; the UE integrity-protects it (5.3.4.3).
        WriteSrb1(writer, 3, MilliSeconds(20), ue1, true, 0, true, false, "2800");
        // UL-DCCH SecurityModeFailure tid 0: 30 00, sent without protection (5.3.4.3).
        WriteSrb1(writer, 4, MilliSeconds(21), ue2, true, 0, false, false, "3000");
        // After SecurityModeComplete both directions are ciphered.
        std::vector<uint8_t> p5
            = WriteSrb1(writer, 5, MilliSeconds(30), ue1, false, 1, true, true, "28804000");
        // UL-DCCH ULInformationTransfer without IEs: 38 00.
        WriteSrb1(writer, 6, MilliSeconds(40), ue1, true, 1, true, true, "3800");
        Check("frames written", std::to_string(writer.GetFramesWritten()), "6");
        writer.Close();
        Check("reference PDU (COUNT 1, DL, NEA2+NIA2)", ToHex(p5), "0001d6cd2f5cbceb89ca");

        NrSecurityPcapWriter::WriteWiresharkUeKeys(dir + "/pdcp_nr_ue_keys", {ue1, ue2});
        NrSecurityPcapWriter::WriteWiresharkPreferences(
            dir + "/preferences", NrSecurityCiphering::NEA2, NrSecurityIntegrity::NIA2);
        NrSecurityPcapWriter::WriteKeysCsv(dir + "/keys.csv", {ue1, ue2});
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
