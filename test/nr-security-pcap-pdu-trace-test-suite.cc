// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */

/**
 * \file
 * \ingroup nr-security
 * \brief Tests of the per-PDU CSV (NrSecurityPduTraceWriter) and of the PDCP PduEvent trace it
 *        writes: one row per transmitted PDU, delivered SDU and discard, with SN, COUNT,
 *        BEARER, the protection applied and the MAC-I in clear (TS 38.323 5.2, 5.8, 5.9;
 *        TS 33.501 D.2.1.1 BEARER = RB identity - 1).
 */

#include "../model/compat/nr-security-ns3-compat.h"
#include "nr-security-test-events.h"
#include "ns3/node-container.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-channel.h"
#include "ns3/nr-security-helper.h"
#include "ns3/nr-security-hex.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/nr-security-pdu-trace-writer.h"
#include "ns3/nr-security-trace-writer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// K_UPenc and K_UPint of the reference context R1 (K_gNB 493a16c5..., NEA2/NIA2).
const char* const K_UP_ENC = "e3f1848b8dd2745013da1a530d91d68e";
const char* const K_UP_INT = "45b2f2033f2e881c5d6b0f31b245df2c"; ///< K_UPint of R1

/// \return the 16-byte key of 32 hex digits
NrSecurityKey128
Key(const char* hex)
{
    NrSecurityKey128 k{};
    for (size_t i = 0; i < k.size(); ++i)
    {
        k[i] = static_cast<uint8_t>(std::stoul(std::string(hex + 2 * i, 2), nullptr, 16));
    }
    return k;
}

/// \return the lines of a file after the header line
std::vector<std::string>
Rows(const std::string& file)
{
    std::ifstream in(file);
    std::vector<std::string> rows;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line))
    {
        rows.push_back(line);
    }
    return rows;
}

/// \return the header line of a file
std::string
Header(const std::string& file)
{
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    return line;
}

/// \return a copy of the bytes of a packet
std::vector<uint8_t>
Bytes(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

/**
 * \ingroup nr-security
 * \brief A DRB with NEA2 + NIA2 between a UE entity and a gNB entity: the UE's rows say
 *        "transmitted", the gNB's "delivered", a repeat of a stored PDU "discarded:duplicate",
 *        of a delivered one "discarded:out-of-window", a PDU with a flipped data bit
 *        "discarded:integrity"; every row carries SN, COUNT, BEARER 0 (DRB1),
 *        ciphered 1, integrity 1 and the MAC-I NIA2 gives over header || SDU (computed here).
 */
class PduCsvDrbIntegrityTestCase : public TestCase
{
  public:
    PduCsvDrbIntegrityTestCase()
        : TestCase("per-PDU CSV: DRB with NEA2+NIA2, delivered and each discard")
    {
    }

  private:
    void DoRun() override
    {
        const std::string file = CreateTempDirFilename("pdus-drb.csv");
        NrSecurityPdcpFormat f;
        f.rbType = NrSecurityRbType::DRB;
        f.rbId = 1;
        f.snBits = 18;
        f.drbIntegrity = true;
        Ptr<NrSecurityPdcp> ue = CreateObject<NrSecurityPdcp>();
        Ptr<NrSecurityPdcp> gnb = CreateObject<NrSecurityPdcp>();
        ue->SetFormat(f);
        gnb->SetFormat(f);
        ue->SetAttribute("Direction", StringValue("UL"));
        gnb->SetAttribute("Direction", StringValue("DL"));
        ue->SetTxIntegrity(NrSecurityIntegrity::NIA2, Key(K_UP_INT));
        ue->SetTxCiphering(NrSecurityCiphering::NEA2, Key(K_UP_ENC));
        gnb->SetRxIntegrity(NrSecurityIntegrity::NIA2, Key(K_UP_INT), 0);
        gnb->SetRxCiphering(NrSecurityCiphering::NEA2, Key(K_UP_ENC), 0);
        std::vector<Ptr<Packet>> sent;
        ue->SetTransmitPduCallback(MakeCallback(+[](std::vector<Ptr<Packet>>* v, Ptr<Packet> p) {
                                       v->push_back(p);
                                   }).Bind(&sent));
        {
            NrSecurityPduTraceWriter w(file);
            w.Watch(ue, 3, 7, "DRB1");
            w.Watch(gnb, 1, 7, "DRB1");
            const std::vector<std::vector<uint8_t>> sdus
                = {{0x45, 0x00, 0x01}, {0x45, 0x00, 0x02}, {0x45, 0x00, 0x03}};
            for (const auto& s : sdus)
            {
                ue->TransmitSdu(Create<Packet>(s.data(), s.size()));
            }
            NS_TEST_ASSERT_MSG_EQ(sent.size(), 3, "three PDUs");
            // TS 38.323 5.2.2.1: COUNT 1 is stored (RX_DELIV 0), its copy is a duplicate;
            // COUNT 0 delivers both; a copy of COUNT 0 is then below RX_DELIV.
            gnb->ReceivePdu(sent[1]->Copy());
            gnb->ReceivePdu(sent[1]->Copy());
            gnb->ReceivePdu(sent[0]->Copy());
            gnb->ReceivePdu(sent[0]->Copy());
            std::vector<uint8_t> bad = Bytes(sent[2]);
            bad[3] ^= 0x01; // a data bit: the MAC-I no longer matches (TS 38.323 5.9)
            gnb->ReceivePdu(Create<Packet>(bad.data(), bad.size()));
            NS_TEST_EXPECT_MSG_EQ(w.GetRows(), 8, "3 transmitted + 2 delivered + 3 discards");
            w.Flush();

            // The MAC-I in clear, independently: NIA2 over header || SDU, COUNT, BEARER 0,
            // DIRECTION 0 (TS 33.501 D.4.2, TS 38.323 5.9); 18-bit SN header D/C=1.
            std::vector<std::string> mac;
            for (uint32_t count = 0; count < 3; ++count)
            {
                std::vector<uint8_t> m = {0x80, 0x00, static_cast<uint8_t>(count)};
                m.insert(m.end(), sdus[count].begin(), sdus[count].end());
                mac.push_back(NrSecurityToHex32(
                    NrSecurityAlgorithms::Nia(NrSecurityIntegrity::NIA2,
                                              Key(K_UP_INT),
                                              count,
                                              0,
                                              0,
                                              m.data(),
                                              m.size(),
                                              static_cast<uint32_t>(m.size() * 8))));
            }
            const std::string t = "0.000000000,";
            const std::vector<std::string> expected = {
                t + "3,7,DRB1,UL,0,0,0,1,1," + mac[0] + ",transmitted,legitimate",
                t + "3,7,DRB1,UL,1,1,0,1,1," + mac[1] + ",transmitted,legitimate",
                t + "3,7,DRB1,UL,2,2,0,1,1," + mac[2] + ",transmitted,legitimate",
                t + "1,7,DRB1,UL,1,1,0,1,1," + mac[1] + ",discarded:duplicate,legitimate",
                t + "1,7,DRB1,UL,0,0,0,1,1," + mac[0] + ",delivered,legitimate",
                t + "1,7,DRB1,UL,1,1,0,1,1," + mac[1] + ",delivered,legitimate",
                t + "1,7,DRB1,UL,0,0,0,1,1," + mac[0] + ",discarded:out-of-window,legitimate",
                t + "1,7,DRB1,UL,2,2,0,1,1," + mac[2] + ",discarded:integrity,legitimate",
            };
            NS_TEST_EXPECT_MSG_EQ(
                Header(file),
                "time_s,node,ue_id,rb,direction,sn,count,bearer,ciphered,integrity,mac_i,outcome,"
                "origin",
                "header");
            std::vector<std::string> rows = Rows(file);
            NS_TEST_ASSERT_MSG_EQ(rows.size(), expected.size(), "row count");
            for (size_t i = 0; i < rows.size(); ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(rows[i], expected[i], "row " << i + 1);
            }
        }
        ue->Dispose();
        gnb->Dispose();
        Simulator::Destroy();
    }
};

/**
 * \ingroup nr-security
 * \brief A DRB without integrity protection (NEA2 only, 12-bit SN, DRB3: BEARER 2) carries no
 *        MAC-I: mac_i is empty and integrity 0 (TS 38.331 PDCP-Config integrityProtection);
 *        an SRB1 before AS security has ciphered 0, integrity 0 and the all-zero MAC-I
 *        (TS 38.323 6.3.4); a malformed PDU has neither SN nor COUNT.
 */
class PduCsvUnprotectedTestCase : public TestCase
{
  public:
    PduCsvUnprotectedTestCase()
        : TestCase("per-PDU CSV: DRB without integrity, SRB1 before security, malformed PDU")
    {
    }

  private:
    void DoRun() override
    {
        const std::string file = CreateTempDirFilename("pdus-plain.csv");
        NrSecurityPdcpFormat f;
        f.rbType = NrSecurityRbType::DRB;
        f.rbId = 3;
        f.snBits = 12;
        Ptr<NrSecurityPdcp> drb = CreateObject<NrSecurityPdcp>();
        drb->SetFormat(f);
        drb->SetAttribute("Direction", StringValue("DL"));
        drb->SetTxCiphering(NrSecurityCiphering::NEA2, Key(K_UP_ENC));
        Ptr<NrSecurityPdcp> srb = CreateObject<NrSecurityPdcp>(); // SRB1, 12-bit SN
        srb->SetAttribute("Direction", StringValue("UL"));
        {
            NrSecurityPduTraceWriter w(file);
            w.Watch(drb, 0, 2, "DRB3");
            w.Watch(srb, 5, 2, "SRB1");
            const uint8_t sdu[3] = {0x45, 0x00, 0x00};
            drb->TransmitSdu(Create<Packet>(sdu, 3));
            srb->TransmitSdu(Create<Packet>(sdu, 3));
            const uint8_t junk[1] = {0x00};
            srb->ReceivePdu(Create<Packet>(junk, 1)); // shorter than header + data + MAC-I
            w.Flush();
            std::vector<std::string> rows = Rows(file);
            NS_TEST_ASSERT_MSG_EQ(rows.size(), 3, "row count");
            NS_TEST_EXPECT_MSG_EQ(
                rows[0], "0.000000000,0,2,DRB3,DL,0,0,2,1,0,,transmitted,legitimate", "DRB3");
            NS_TEST_EXPECT_MSG_EQ(
                rows[1],
                "0.000000000,5,2,SRB1,UL,0,0,0,0,0,00000000,transmitted,legitimate",
                "SRB1 before security");
            NS_TEST_EXPECT_MSG_EQ(rows[2].rfind("0.000000000,5,2,SRB1,DL,,,0,0,0,00000000,", 0),
                                  0,
                                  "malformed: no SN, no COUNT (" << rows[2] << ")");
            NS_TEST_EXPECT_MSG_NE(rows[2].find("discarded:malformed"),
                                  std::string::npos,
                                  "outcome of the malformed PDU (" << rows[2] << ")");
        }
        drb->Dispose();
        srb->Dispose();
        Simulator::Destroy();
    }
};

/**
 * \ingroup nr-security
 * \brief NrSecurityHelper::EnableTraces over a whole connection (1 gNB, 1 UE): the per-PDU CSV
 *        next to traces.csv has rows of every bearer the RRC creates (SRB0 messages, SRB1 at
 *        setup, SRB2 and DRB1 at reconfiguration, found through PdcpEntityCreated), as many
 *        "transmitted" SRB1 rows of the UE as its SRB1 entity sent and "delivered" SRB1 rows of
 *        the gNB as its entity delivered; a malformed SRB1 PDU injected at the gNB is a
 *        PduDiscarded row of traces.csv (every discard reaches the CSV) and a
 *        "discarded:malformed" row of the per-PDU CSV.
 */
class PduCsvConnectionTestCase : public TestCase
{
  public:
    PduCsvConnectionTestCase()
        : TestCase("EnableTraces: per-PDU CSV of every bearer, PDCP discards in traces.csv")
    {
    }

  private:
    void DoRun() override
    {
        const std::string traces = CreateTempDirFilename("traces.csv");
        const std::string pdus = NrSecurityTraceWriter::PduFileName(traces);
        NS_TEST_EXPECT_MSG_EQ(pdus, CreateTempDirFilename("traces-pdus.csv"), "file name");
        Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
        NodeContainer gnbNodes;
        NodeContainer ueNodes;
        gnbNodes.Create(1);
        ueNodes.Create(1);
        NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes);
        NetDeviceContainer ues = nr->InstallUeDevice(ueNodes);
        nr->AssignStreams(3);
        nr->EnableTraces(traces);
        nr->Attach(ues, gnbs.Get(0));
        Ptr<NrSecurityGnbNetDevice> gnb = DynamicCast<NrSecurityGnbNetDevice>(gnbs.Get(0));
        Ptr<NrSecurityUeNetDevice> ue = DynamicCast<NrSecurityUeNetDevice>(ues.Get(0));
        const uint32_t ueId = ue->GetUeId();
        NrSecurityTestSchedule(MilliSeconds(400),
                               [gnb, ueId]()
                               {
                                   NrSecurityRbPdu bad;
                                   bad.type = NrSecurityRbType::SRB;
                                   bad.rbId = 1;
                                   const uint8_t junk[1] = {0x00};
                                   bad.pdu = Create<Packet>(
                                       junk, 1); // shorter than an SRB data PDU (TS 38.323 6.2.2.1)
                                   gnb->GetRrc()->ReceivePdu(ueId, bad);
                               });
        NrSecurityTestSchedule(
            MilliSeconds(450),
            [ue]()
            {
                const uint8_t ip[20] = {0x45, 0x00, 0x00, 0x14}; // an IPv4 header, QFI 9 (default)
                ue->GetRrc()->SendUserData(Create<Packet>(ip, 20), 9);
            });
        Simulator::Stop(MilliSeconds(500));
        Simulator::Run();
        const uint64_t ueTx = ue->GetRrc()->GetSrb(1)->GetCounters().txPdus;
        const uint64_t gnbDelivered = gnb->GetRrc()->GetSrb(ueId, 1)->GetCounters().rxDelivered;
        const bool drb1 = ue->GetRrc()->GetDrb(1) != nullptr;
        const std::string ueNode = std::to_string(ue->GetNode()->GetId());
        const std::string gnbNode = std::to_string(gnb->GetNode()->GetId());
        Simulator::Destroy(); // flushes the CSV files

        std::map<std::string, int> perRb;
        uint64_t ueSrb1Tx = 0;
        uint64_t gnbSrb1Delivered = 0;
        int malformed = 0;
        for (const std::string& row : Rows(pdus))
        {
            std::vector<std::string> f;
            size_t a = 0;
            for (size_t b; (b = row.find(',', a)) != std::string::npos && f.size() < 12; a = b + 1)
            {
                f.push_back(row.substr(a, b - a));
            }
            f.push_back(row.substr(a));
            NS_TEST_ASSERT_MSG_EQ(f.size(), 13, "columns of " << row);
            ++perRb[f[3]];
            if (f[3] == "SRB1" && f[1] == ueNode && f[11] == "transmitted")
            {
                ++ueSrb1Tx;
            }
            if (f[3] == "SRB1" && f[1] == gnbNode && f[11] == "delivered")
            {
                ++gnbSrb1Delivered;
            }
            if (f[3] == "SRB1" && f[1] == gnbNode
                && f[11].find("discarded:malformed") != std::string::npos)
            {
                ++malformed;
                NS_TEST_EXPECT_MSG_EQ(f[5] + "|" + f[6], "|", "no SN, no COUNT: " << row);
            }
        }
        NS_TEST_EXPECT_MSG_GT(perRb["SRB0"], 0, "SRB0 rows (RRCSetupRequest, RRCSetup)");
        NS_TEST_EXPECT_MSG_GT(perRb["SRB1"], 0, "SRB1 rows");
        NS_TEST_EXPECT_MSG_GT(perRb["SRB2"], 0, "SRB2 rows (created at reconfiguration)");
        NS_TEST_EXPECT_MSG_EQ(drb1, true, "DRB1 set up");
        NS_TEST_EXPECT_MSG_GT(perRb["DRB1"], 1, "DRB1 rows (transmitted at the UE, delivered)");
        NS_TEST_EXPECT_MSG_EQ(ueSrb1Tx, ueTx, "one transmitted row per SRB1 PDU of the UE");
        NS_TEST_EXPECT_MSG_EQ(
            gnbSrb1Delivered, gnbDelivered, "one delivered row per SRB1 SDU the gNB delivered");
        NS_TEST_EXPECT_MSG_EQ(malformed, 1, "the injected PDU in the per-PDU CSV");
        int discardRows = 0;
        for (const std::string& row : Rows(traces))
        {
            if (row.find(",PduDiscarded,") != std::string::npos)
            {
                ++discardRows;
                NS_TEST_EXPECT_MSG_NE(row.find("SRB1 UL count=- sn=-: malformed"),
                                      std::string::npos,
                                      "the PduDiscarded row: " << row);
            }
        }
        NS_TEST_EXPECT_MSG_EQ(discardRows, 1, "PDCP discards reach traces.csv");
    }
};

/**
 * \ingroup nr-security
 * \brief The origin column with frames of identical bytes. The gNB's SecurityModeCommand (the
 *        first DL SRB1 PDU, COUNT 0) is heard when sent and, before it arrives, two copies
 *        marked REPLAYED are handed to the UE: one on SRB3, which the UE does not have (no
 *        PDCP row: never matched), one on SRB1, which PDCP delivers (row 1: "replayed").
 *        Then the genuine PDU arrives and is discarded, its COUNT already received (TS 38.323
 *        5.2.2.1): row 2 is "legitimate", not the origin of a copy with its bytes. 10 ms
 *        later the same bytes are replayed on SRB1 and discarded: row 3 is "replayed".
 */
class PduCsvReplayOriginTestCase : public TestCase
{
  public:
    PduCsvReplayOriginTestCase()
        : TestCase("per-PDU CSV origin: replays with a legitimate PDU's bytes; the genuine PDU "
                   "stays legitimate")
    {
    }

  private:
    void DoRun() override
    {
        const std::string traces = CreateTempDirFilename("replay-traces.csv");
        const std::string pdus = NrSecurityTraceWriter::PduFileName(traces);
        Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
        NodeContainer gnbNodes;
        NodeContainer ueNodes;
        gnbNodes.Create(1);
        ueNodes.Create(1);
        NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes);
        NetDeviceContainer ues = nr->InstallUeDevice(ueNodes);
        nr->AssignStreams(3);
        nr->EnableTraces(traces);
        Ptr<NrSecurityChannel> ch = nr->GetChannel();
        bool done = false;
        ch->AddTap(NrSecurityTestCallback<void, const NrSecurityAirFrame&>(
            [ch, &done](const NrSecurityAirFrame& f)
            {
                if (done || f.uplink || f.type != NrSecurityRbType::SRB || f.rbId != 1)
                {
                    return;
                }
                done = true;
                NrSecurityAirFrame stray = f;
                stray.origin = NrSecurityFrameOrigin::REPLAYED;
                stray.rbId = 3;
                ch->Inject(stray, Time(0)); // before the genuine frame (slot timing)
                NrSecurityAirFrame early = f;
                early.origin = NrSecurityFrameOrigin::REPLAYED;
                ch->Inject(early, Time(0));
                NrSecurityAirFrame replay = f;
                replay.origin = NrSecurityFrameOrigin::REPLAYED;
                ch->Inject(replay, MilliSeconds(10));
            }));
        nr->Attach(ues, gnbs.Get(0));
        Simulator::Stop(MilliSeconds(300));
        Simulator::Run();
        Ptr<NrSecurityUeNetDevice> ue = DynamicCast<NrSecurityUeNetDevice>(ues.Get(0));
        const std::string ueNode = std::to_string(ue->GetNode()->GetId());
        Simulator::Destroy(); // flushes the CSV files
        NS_TEST_ASSERT_MSG_EQ(done, true, "the SecurityModeCommand was heard");

        std::vector<std::string> seen;
        for (const std::string& row : Rows(pdus))
        {
            std::vector<std::string> f;
            size_t a = 0;
            for (size_t b; (b = row.find(',', a)) != std::string::npos && f.size() < 12; a = b + 1)
            {
                f.push_back(row.substr(a, b - a));
            }
            f.push_back(row.substr(a));
            NS_TEST_ASSERT_MSG_EQ(f.size(), 13, "columns of " << row);
            if (f[1] == ueNode && f[3] == "SRB1" && f[4] == "DL" && f[6] == "0")
            {
                seen.push_back(f[11].substr(0, f[11].find(':')) + "/" + f[12]);
            }
        }
        NS_TEST_ASSERT_MSG_EQ(seen.size(), 3u, "the early copy, the genuine PDU, the replay");
        NS_TEST_EXPECT_MSG_EQ(seen[0], "delivered/replayed", "the copy that arrived first");
        NS_TEST_EXPECT_MSG_EQ(seen[1], "discarded/legitimate", "the genuine SecurityModeCommand");
        NS_TEST_EXPECT_MSG_EQ(seen[2], "discarded/replayed", "the later replay");
    }
};

/**
 * \ingroup nr-security
 * \brief The per-PDU CSV suite.
 */
class PduCsvTestSuite : public TestSuite
{
  public:
    PduCsvTestSuite()
        : TestSuite("nr-security-pcap-pdu-trace", NrSecurityTestType::UNIT)
    {
        AddTestCase(new PduCsvDrbIntegrityTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new PduCsvUnprotectedTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new PduCsvConnectionTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new PduCsvReplayOriginTestCase, NrSecurityTestDuration::QUICK);
    }
};

/// The suite instance.
static PduCsvTestSuite g_pduCsvTestSuite;

} // namespace
