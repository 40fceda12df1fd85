// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityHelper::EnableMsc: the mscgen chart of the Security Mode Command procedure
 * (steps 26-33 as traced, each with its TS 38.331 / TS 33.501 clauses) for a reference run,
 * attempts lost on the air and their retransmissions, one chart per UE, and the UE limit;
 * NrSecuritySmcStep, the step table.
 */
#include "nr-security-smc-test-scenario.h"
#include "nr-security-test-vectors.h"
#include "ns3/double.h"
#include "ns3/error-model.h"
#include "ns3/node-container.h"
#include "ns3/nr-security-helper.h"
#include "ns3/nr-security-smc-steps.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <unistd.h>

using namespace ns3;

namespace
{

std::string
Slurp(const std::string& file)
{
    std::ifstream in(file);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// A run of 1 gNB and n UEs with the helper's defaults and EnableMsc.
struct MscRun
{
    uint32_t nUes = 1;               ///< UEs
    uint32_t maxUes = 4;             ///< EnableMsc's maxUes
    bool perUe = false;              ///< EnableMsc's chartPerUe
    Ptr<ErrorModel> ueLoss;          ///< the UEs' ReceiveErrorModel (downlink losses)
    Ptr<ErrorModel> gnbLoss;         ///< the gNB's ReceiveErrorModel (uplink losses)
    std::vector<std::string> charts; ///< the chart files' text: the one chart, or UE 1, 2, ...
    std::vector<bool> exists;        ///< per UE 1..nUes: its per-UE file exists (perUe)
    bool oneChartExists = false;     ///< the file named as given exists (perUe)

    void Run()
    {
        static uint32_t n = 0;
        const std::string base
            = "/tmp/nr-security-msc-" + std::to_string(getpid()) + "-" + std::to_string(++n);
        NodeContainer gnbNodes(1);
        NodeContainer ueNodes(nUes);
        Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
        if (ueLoss)
        {
            nr->SetUeDeviceAttribute("ReceiveErrorModel", PointerValue(ueLoss));
        }
        if (gnbLoss)
        {
            nr->SetGnbDeviceAttribute("ReceiveErrorModel", PointerValue(gnbLoss));
        }
        NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes);
        NetDeviceContainer ues = nr->InstallUeDevice(ueNodes);
        nr->EnableMsc(base + ".msc", maxUes, perUe);
        nr->Attach(ues, gnbs.Get(0));
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        Simulator::Destroy();
        if (!perUe)
        {
            charts.push_back(Slurp(base + ".msc"));
            std::remove((base + ".msc").c_str());
            return;
        }
        oneChartExists = std::filesystem::exists(base + ".msc");
        for (uint32_t ue = 1; ue <= nUes; ++ue)
        {
            const std::string f = base + "-ue-" + std::to_string(ue) + ".msc";
            exists.push_back(std::filesystem::exists(f));
            if (exists.back())
            {
                charts.push_back(Slurp(f));
                std::remove(f.c_str());
            }
        }
    }
};

/// Loses m_count attempts after letting m_skip through (at one device).
Ptr<nrsecuritytest::DropFirstErrorModel>
Drop(uint32_t skip, uint32_t count)
{
    Ptr<nrsecuritytest::DropFirstErrorModel> m
        = CreateObject<nrsecuritytest::DropFirstErrorModel>();
    m->m_skip = skip;
    m->m_count = count;
    return m;
}

class MscReferenceTestCase : public TestCase
{
  public:
    MscReferenceTestCase()
        : TestCase("the chart of the reference run, line by line")
    {
    }

  private:
    void DoRun() override
    {
        MscRun r;
        r.Run();
        const std::string& chart = r.charts.at(0);
        NS_TEST_EXPECT_MSG_EQ(chart,
                              Slurp(nrsecuritytest::DataPath("smc-reference.msc")),
                              "reference chart (steps 26-33 in procedure order, with clauses)");
        NS_TEST_EXPECT_MSG_EQ(std::regex_search(chart, std::regex("[0-9a-f]{32}")),
                              false,
                              "no key bytes in the chart");
        NS_TEST_EXPECT_MSG_EQ(chart.find("-x"), std::string::npos, "nothing lost");
    }
};

/**
 * The UE loses the SecurityModeCommand's first attempt (its second downlink frame; the first
 * is RRCSetup) and the gNB the SecurityModeComplete's first attempt (its third uplink frame,
 * after RRCSetupRequest and RRCSetupComplete). Channel defaults: 1 ms per hop, retransmission
 * 4 ms after the loss. Expected: SMC sent 8.000, lost at 9.000, retransmitted 13.000,
 * received 14.000; Complete sent 14.000, lost at 15.000, retransmitted 19.000, received
 * 20.000; everything after it 6 ms later than in the reference run.
 */
class MscLostAttemptTestCase : public TestCase
{
  public:
    MscLostAttemptTestCase()
        : TestCase("an attempt lost on the air is drawn -x, then its retransmission")
    {
    }

  private:
    void DoRun() override
    {
        MscRun r;
        r.ueLoss = Drop(1, 1);
        r.gnbLoss = Drop(2, 1);
        r.Run();
        const std::string expected
            = "# nr-security: AS security message sequence chart (NrSecurityMscWriter)\n"
              "# render: mscgen -T png -i FILE.msc -o FILE.png\n"
              "msc {\n"
              "  hscale=\"2.1\", wordwraparcs=\"true\";\n"
              "\n"
              "  AMF, gNB, UE1;\n"
              "\n"
              "  UE1=>gNB [label=\"RRCSetupRequest\\n[0.000 -> 1.000 ms]\"];\n"
              "  gNB=>UE1 [label=\"RRCSetup\\n[1.000 -> 2.000 ms]\"];\n"
              "  UE1=>gNB [label=\"RRCSetupComplete\\n[2.000 -> 3.000 ms]\"];\n"
              "  AMF=>gNB [label=\"InitialContextSetup (K_gNB, capabilities)\\n[3.000 -> 8.000 "
              "ms]\"];\n"
              "  gNB rbox gNB [label=\"26 [8.000 ms] keys: K_gNB, K_RRCint, K_RRCenc, K_UPint, "
              "K_UPenc\\nTS 38.331 5.3.4.2, TS 33.501 6.7.4, A.8\"];\n"
              "  gNB-xUE1 [label=\"SecurityModeCommand (NEA2, NIA2)\\n[8.000 -> 9.000 ms: lost on "
              "the air]\"];\n"
              "  gNB box gNB [label=\"26 [8.000 ms] SecurityModeCommand sent (NEA2, NIA2), "
              "integrity-protected\\nTS 38.331 5.3.4.2, TS 33.501 6.7.4, A.8\"];\n"
              "  gNB box gNB [label=\"26 [8.000 ms] downlink ciphering started (from COUNT "
              "1)\\nTS 38.331 5.3.4.2, TS 33.501 6.7.4, A.8\"];\n"
              "  gNB=>UE1 [label=\"SecurityModeCommand (NEA2, NIA2) (retransmission 1)\\n[13.000 "
              "-> 14.000 ms]\"];\n"
              "  UE1 box UE1 [label=\"26 [14.000 ms] SecurityModeCommand received (NEA2, "
              "NIA2)\\nTS 38.331 5.3.4.2, TS 33.501 6.7.4, A.8\"];\n"
              "  UE1 box UE1 [label=\"27 [14.000 ms] K_gNB derived from K_AMF, uplink NAS COUNT "
              "0\\nTS 38.331 5.3.4.3, TS 33.501 6.7.4, A.9\"];\n"
              "  UE1 box UE1 [label=\"28 [14.000 ms] K_RRCint derived\\nTS 38.331 5.3.4.3, TS "
              "33.501 6.7.4, A.8\"];\n"
              "  UE1 box UE1 [label=\"29 [14.000 ms] SecurityModeCommand MAC-I verified (COUNT "
              "0)\\nTS 38.331 5.3.4.3, TS 33.501 6.7.4\"];\n"
              "  UE1 box UE1 [label=\"30 [14.000 ms] K_UPint, K_RRCenc, K_UPenc derived\\nTS "
              "38.331 5.3.4.3, TS 33.501 6.7.4, A.8\"];\n"
              "  UE1 box UE1 [label=\"31 [14.000 ms] SRB integrity protection started\\nTS 38.331 "
              "5.3.4.3, TS 33.501 6.7.4\"];\n"
              "  UE1-xgNB [label=\"SecurityModeComplete\\n[14.000 -> 15.000 ms: lost on the "
              "air]\"];\n"
              "  UE1 box UE1 [label=\"32 [14.000 ms] SecurityModeComplete sent "
              "(integrity-protected, unciphered)\\nTS 38.331 5.3.4.3, TS 33.501 6.7.4\"];\n"
              "  UE1 box UE1 [label=\"33 [14.000 ms] SRB ciphering started\\nTS 38.331 5.3.4.3, "
              "TS 33.501 6.7.4\"];\n"
              "  UE1 abox UE1 [label=\"[14.000 ms] SecurityActivated (NEA2, NIA2)\", "
              "textbgcolour=\"#c8f0c8\"];\n"
              "  UE1=>gNB [label=\"SecurityModeComplete (retransmission 1)\\n[19.000 -> 20.000 "
              "ms]\"];\n"
              "  gNB box gNB [label=\"32 [20.000 ms] SecurityModeComplete received, integrity "
              "verified (COUNT 1)\\nTS 38.331 5.3.4.3, TS 33.501 6.7.4\"];\n"
              "  gNB box gNB [label=\"33 [20.000 ms] uplink integrity verification and "
              "deciphering started (from COUNT 2)\\nTS 38.331 5.3.4.3, TS 33.501 6.7.4\"];\n"
              "  gNB abox gNB [label=\"[20.000 ms] SecurityActivated (NEA2, NIA2)\", "
              "textbgcolour=\"#c8f0c8\"];\n"
              "  gNB=>UE1 [label=\"UECapabilityEnquiry\\n[20.000 -> 21.000 ms]\"];\n"
              "  UE1=>gNB [label=\"UECapabilityInformation\\n[21.000 -> 22.000 ms]\"];\n"
              "  gNB=>UE1 [label=\"RRCReconfiguration\\n[22.000 -> 23.000 ms]\"];\n"
              "  UE1=>gNB [label=\"RRCReconfigurationComplete\\n[23.000 -> 24.000 ms]\"];\n"
              "  gNB=>UE1 [label=\"DLInformationTransfer\\n[24.000 -> 25.000 ms]\"];\n"
              "}\n";
        NS_TEST_EXPECT_MSG_EQ(r.charts.at(0), expected, "lossy 1-UE chart");
    }
};

class MscLossAndLimitTestCase : public TestCase
{
  public:
    MscLossAndLimitTestCase()
        : TestCase("every attempt of the SecurityModeCommand lost; only the first maxUes UEs")
    {
    }

  private:
    void DoRun() override
    {
        // Every attempt after the UE's RRCSetup is lost: the SMC (sent at 8 ms) and its 4
        // retransmissions (MaxRetransmissions), each 4 ms after the loss of the previous.
        MscRun lost;
        lost.ueLoss = Drop(1, 1000000);
        lost.Run();
        const std::string& c = lost.charts.at(0);
        const char* attempts[] = {
            "gNB-xUE1 [label=\"SecurityModeCommand (NEA2, NIA2)\\n[8.000 -> 9.000 ms: lost on "
            "the air]\"];",
            "gNB-xUE1 [label=\"SecurityModeCommand (NEA2, NIA2) (retransmission 1)\\n[13.000 -> "
            "14.000 ms: lost on the air]\"];",
            "gNB-xUE1 [label=\"SecurityModeCommand (NEA2, NIA2) (retransmission 2)\\n[18.000 -> "
            "19.000 ms: lost on the air]\"];",
            "gNB-xUE1 [label=\"SecurityModeCommand (NEA2, NIA2) (retransmission 3)\\n[23.000 -> "
            "24.000 ms: lost on the air]\"];",
            "gNB-xUE1 [label=\"SecurityModeCommand (NEA2, NIA2) (retransmission 4)\\n[28.000 -> "
            "29.000 ms: lost on the air]\"];",
        };
        size_t at = 0;
        for (const char* a : attempts)
        {
            size_t found = c.find(a, at);
            NS_TEST_EXPECT_MSG_NE(found, std::string::npos, a << " in order in\n" << c);
            at = found == std::string::npos ? at : found;
        }
        NS_TEST_EXPECT_MSG_EQ(c.find("retransmission 5"), std::string::npos, "ARQ limit 4");
        NS_TEST_EXPECT_MSG_EQ(c.find("gNB=>UE1 [label=\"SecurityModeCommand"),
                              std::string::npos,
                              "no attempt delivered");
        NS_TEST_EXPECT_MSG_NE(c.find("[1008.000 ms] SecurityModeFailure: no answer"),
                              std::string::npos,
                              "the gNB's guard timer");
        MscRun two;
        two.nUes = 3;
        two.maxUes = 2;
        two.Run();
        NS_TEST_EXPECT_MSG_NE(
            two.charts.at(0).find("\n  AMF, gNB, UE1, UE2;\n"), std::string::npos, two.charts[0]);
        NS_TEST_EXPECT_MSG_EQ(two.charts[0].find("UE3"), std::string::npos, "UE 3 not drawn");
        NS_TEST_EXPECT_MSG_NE(
            two.charts[0].find("gNB box gNB [label=\"UE2: 32 ["), std::string::npos, "prefix");
    }
};

class MscPerUeTestCase : public TestCase
{
  public:
    MscPerUeTestCase()
        : TestCase("one chart per UE: FILE-ue-N.msc with only that UE's messages")
    {
    }

  private:
    void DoRun() override
    {
        MscRun r;
        r.nUes = 3;
        r.maxUes = 3;
        r.perUe = true;
        r.Run();
        NS_TEST_EXPECT_MSG_EQ(r.oneChartExists, false, "no combined chart");
        NS_TEST_EXPECT_MSG_EQ(r.charts.size(), 3, "three per-UE files");
        if (r.charts.size() != 3)
        {
            return; // (NS_TEST_ASSERT continues unless the runner stops on failure)
        }
        for (uint32_t ue = 1; ue <= 3; ++ue)
        {
            const std::string& c = r.charts[ue - 1];
            const std::string me = "UE" + std::to_string(ue);
            NS_TEST_EXPECT_MSG_NE(
                c.find("\n  AMF, gNB, " + me + ";\n"), std::string::npos, "entities of " + me);
            for (uint32_t other = 1; other <= 3; ++other)
            {
                if (other != ue)
                {
                    NS_TEST_EXPECT_MSG_EQ(c.find("UE" + std::to_string(other)),
                                          std::string::npos,
                                          "UE " << other << " not in the chart of " << me);
                }
            }
            NS_TEST_EXPECT_MSG_EQ(c.find(me + ": "), std::string::npos, "no UE prefix");
            // The UE's own procedure, complete: both SecurityActivated notes and step 33.
            NS_TEST_EXPECT_MSG_NE(c.find("  " + me + " abox " + me), std::string::npos, me);
            NS_TEST_EXPECT_MSG_NE(c.find("  gNB abox gNB"), std::string::npos, me);
            NS_TEST_EXPECT_MSG_NE(c.find("gNB box gNB [label=\"33 ["), std::string::npos, me);
        }
        // UE 1's chart is the reference chart's rows, at other times (3 UEs share the air).
        NS_TEST_EXPECT_MSG_EQ(
            std::regex_replace(r.charts[0], std::regex("[0-9]+\\.[0-9]{3}"), "T"),
            std::regex_replace(Slurp(nrsecuritytest::DataPath("smc-reference.msc")),
                               std::regex("[0-9]+\\.[0-9]{3}"),
                               "T"),
            "UE 1 alone: the reference rows");
    }
};

class SmcStepTableTestCase : public TestCase
{
  public:
    SmcStepTableTestCase()
        : TestCase("NrSecuritySmcStep: steps 26-33 and their clauses")
    {
    }

  private:
    void DoRun() override
    {
        // TS 38.331 5.3.4.2 (the network initiates), 5.3.4.3 (the UE: K_gNB, K_RRCint,
        // verification, the other keys, integrity at once, SecurityModeComplete unciphered,
        // ciphering after); TS 33.501 6.7.4, A.9 (K_gNB), A.8 (algorithm keys).
        const char* expected[] = {
            "TS 38.331 5.3.4.2, TS 33.501 6.7.4, A.8", // 26: gNB derives and sends
            "TS 38.331 5.3.4.3, TS 33.501 6.7.4, A.9", // 27: K_gNB
            "TS 38.331 5.3.4.3, TS 33.501 6.7.4, A.8", // 28: K_RRCint
            "TS 38.331 5.3.4.3, TS 33.501 6.7.4",      // 29: MAC-I check
            "TS 38.331 5.3.4.3, TS 33.501 6.7.4, A.8", // 30: K_RRCenc, K_UPenc, K_UPint
            "TS 38.331 5.3.4.3, TS 33.501 6.7.4",      // 31: integrity
            "TS 38.331 5.3.4.3, TS 33.501 6.7.4",      // 32: SecurityModeComplete
            "TS 38.331 5.3.4.3, TS 33.501 6.7.4",      // 33: ciphering
        };
        const char* sides[] = {"gNB", "UE", "UE", "UE", "UE", "UE", "UE", "UE, gNB"};
        // What each step does, in the terms of TS 38.331 5.3.4.2/5.3.4.3 and TS 33.501 6.7.4
        // (the gNB starts downlink ciphering after sending the command; the UE derives K_gNB
        // (A.9), then K_RRCint, verifies, derives the other keys (A.8), protects the complete
        // with integrity and not ciphering, and ciphers after it).
        const char* whats[] = {
            "gNB sends the SecurityModeCommand (integrity-protected with K_RRCint, not ciphered) "
            "and starts downlink ciphering",
            "UE derives K_gNB from K_AMF and the uplink NAS COUNT",
            "UE derives K_RRCint for the indicated integrity algorithm",
            "UE verifies the SecurityModeCommand's MAC-I with K_RRCint",
            "UE derives K_RRCenc, K_UPenc (ciphering algorithm) and K_UPint (integrity algorithm)",
            "UE starts SRB integrity protection at once (the SecurityModeComplete included)",
            "UE sends the SecurityModeComplete, integrity-protected and not ciphered; the gNB "
            "verifies it",
            "SRB ciphering starts: the UE ciphers what it sends after the SecurityModeComplete, "
            "the gNB verifies and deciphers the uplink after it",
        };
        for (uint32_t step = 26; step <= 33; ++step)
        {
            const NrSecuritySmcStepInfo* s = NrSecuritySmcStep(step);
            NS_TEST_EXPECT_MSG_NE(s, nullptr, "step " << step);
            if (!s)
            {
                continue;
            }
            NS_TEST_EXPECT_MSG_EQ(s->step, step, "number");
            NS_TEST_EXPECT_MSG_EQ(std::string(s->side), sides[step - 26], "side " << step);
            NS_TEST_EXPECT_MSG_EQ(
                NrSecuritySmcStepClauses(step), expected[step - 26], "clauses " << step);
            NS_TEST_EXPECT_MSG_EQ(std::string(s->what), whats[step - 26], "what " << step);
        }
        for (uint32_t step : {0U, 25U, 34U, 0xffffffffU})
        {
            NS_TEST_EXPECT_MSG_EQ(NrSecuritySmcStep(step), nullptr, "no step " << step);
            NS_TEST_EXPECT_MSG_EQ(NrSecuritySmcStepClauses(step), "", "no clauses " << step);
        }
    }
};

class NrSecurityMscTestSuite : public TestSuite
{
  public:
    NrSecurityMscTestSuite()
        : TestSuite("nr-security-msc")
    {
        AddTestCase(new MscReferenceTestCase);
        AddTestCase(new MscLostAttemptTestCase);
        AddTestCase(new MscLossAndLimitTestCase);
        AddTestCase(new MscPerUeTestCase);
        AddTestCase(new SmcStepTableTestCase);
    }
};

NrSecurityMscTestSuite g_nrSecurityMscTestSuite;

} // namespace
