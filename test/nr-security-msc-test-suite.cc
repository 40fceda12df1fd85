// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityHelper::EnableMsc: the mscgen chart of the Security Mode Command procedure
 * (TS 38.331 5.3.4 steps 26-33 as traced) for a reference run, a lost message and the UE limit.
 */
#include "nr-security-smc-test-scenario.h"
#include "nr-security-test-vectors.h"
#include "ns3/double.h"
#include "ns3/error-model.h"
#include "ns3/node-container.h"
#include "ns3/nr-security-helper.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <cstdio>
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

/// Runs 1 gNB and n UEs with the helper's defaults and returns the chart of the first maxUes.
std::string
Chart(uint32_t nUes, uint32_t maxUes, Ptr<ErrorModel> ueLoss = nullptr)
{
    static uint32_t n = 0;
    std::string file
        = "/tmp/nr-security-msc-" + std::to_string(getpid()) + "-" + std::to_string(++n) + ".msc";
    NodeContainer gnbNodes(1);
    NodeContainer ueNodes(nUes);
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    if (ueLoss)
    {
        nr->SetUeDeviceAttribute("ReceiveErrorModel", PointerValue(ueLoss));
    }
    NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes);
    NetDeviceContainer ues = nr->InstallUeDevice(ueNodes);
    nr->EnableMsc(file, maxUes);
    nr->Attach(ues, gnbs.Get(0));
    Simulator::Stop(Seconds(5));
    Simulator::Run();
    Simulator::Destroy();
    std::string chart = Slurp(file);
    std::remove(file.c_str());
    return chart;
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
        std::string chart = Chart(1, 4);
        NS_TEST_EXPECT_MSG_EQ(chart,
                              Slurp(nrsecuritytest::DataPath("smc-reference.msc")),
                              "reference chart (steps 26-33 in procedure order)");
        NS_TEST_EXPECT_MSG_EQ(std::regex_search(chart, std::regex("[0-9a-f]{32}")),
                              false,
                              "no key bytes in the chart");
    }
};

class MscLossAndLimitTestCase : public TestCase
{
  public:
    MscLossAndLimitTestCase()
        : TestCase("a lost SecurityModeCommand is drawn -x; only the first maxUes UEs appear")
    {
    }

  private:
    void DoRun() override
    {
        // Every attempt after the UE's RRCSetup is lost: the SMC (sent at 8 ms) never arrives.
        Ptr<nrsecuritytest::DropFirstErrorModel> all
            = CreateObject<nrsecuritytest::DropFirstErrorModel>();
        all->m_skip = 1;
        all->m_count = 1000000;
        std::string lost = Chart(1, 4, all);
        NS_TEST_EXPECT_MSG_NE(
            lost.find("gNB-xUE1 [label=\"SecurityModeCommand (NEA2, NIA2)\\n[8.000 ms -> not "
                      "received]\"];"),
            std::string::npos,
            lost);
        NS_TEST_EXPECT_MSG_NE(lost.find("[1008.000 ms] SecurityModeFailure: no answer"),
                              std::string::npos,
                              "the gNB's guard timer");
        std::string two = Chart(3, 2);
        NS_TEST_EXPECT_MSG_NE(two.find("\n  AMF, gNB, UE1, UE2;\n"), std::string::npos, two);
        NS_TEST_EXPECT_MSG_EQ(two.find("UE3"), std::string::npos, "UE 3 not drawn");
    }
};

class NrSecurityMscTestSuite : public TestSuite
{
  public:
    NrSecurityMscTestSuite()
        : TestSuite("nr-security-msc")
    {
        AddTestCase(new MscReferenceTestCase);
        AddTestCase(new MscLossAndLimitTestCase);
    }
};

NrSecurityMscTestSuite g_nrSecurityMscTestSuite;

} // namespace
