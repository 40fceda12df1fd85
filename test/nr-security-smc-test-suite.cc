// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The AS Security Mode Command procedure end to end (TS 38.331 5.3.4, TS 33.501 6.7.4) over
 * the simulated air interface: every algorithm pair, the reference context R1 with its exact
 * on-air bytes, the project's SMC cases S2-S3 (faults that shipped in real stacks), and loss
 * with and beyond ARQ. The failure paths are in nr-security-smc-failures.
 */
#include "nr-security-smc-test-scenario.h"
#include "nr-security-test-events.h"
#include "ns3/error-model.h"
#include "ns3/mobility-helper.h"
#include "ns3/node-container.h"
#include "ns3/nr-security-helper.h"
#include "ns3/nr-security-rrc-message.h"
#include "ns3/pointer.h"
#include "ns3/position-allocator.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

/// Every NEA0-3 x NIA1-3 pair: the procedure completes, both sides hold the same keys, equal
/// to an independent derivation from K_AMF, and SRB1 traffic after activation is protected.
class AllAlgorithmPairsTestCase : public TestCase
{
  public:
    AllAlgorithmPairsTestCase()
        : TestCase("every NEA0-3 x NIA1-3 pair completes with identical keys on both sides")
    {
    }

  private:
    void DoRun() override
    {
        for (uint32_t e = 0; e < 4; ++e)
        {
            for (uint32_t i = 1; i < 4; ++i)
            {
                auto nea = NrSecurityAlgorithms::CipheringFromId(e);
                auto nia = NrSecurityAlgorithms::IntegrityFromId(i);
                std::string what
                    = NrSecurityAlgorithms::Name(nea) + "/" + NrSecurityAlgorithms::Name(nia);
                Scenario s(1);
                s.nr->SetUeSecurityContext(
                    s.ues.Get(0), NrSecurityAlgorithms::Key256FromBytes(FromHex(R1_K_AMF)), 3);
                s.Gnb()->SetAttribute("CipheringPriority",
                                      StringValue(NrSecurityAlgorithms::Name(nea)));
                s.Gnb()->SetAttribute("IntegrityPriority",
                                      StringValue(NrSecurityAlgorithms::Name(nia)));
                NrSecurityTestSchedule(MilliSeconds(100),
                                       [&s]()
                                       {
                                           s.Gnb()->SendDlDcch(1, FromHex("0123456789abcdef"));
                                           s.Ue(0)->SendUlDcch(FromHex("fedcba9876543210"));
                                       });
                s.Run();
                NS_TEST_ASSERT_MSG_EQ(s.activations.size(), 1u, what << " activated");
                NS_TEST_EXPECT_MSG_EQ(s.activations[0], "1:" + what, "selected algorithms");
                NS_TEST_EXPECT_MSG_EQ(s.Ue(0)->IsSecurityActive(), true, what << " UE active");
                auto kGnb = NrSecurityKdf::DeriveKgnb(
                    NrSecurityAlgorithms::Key256FromBytes(FromHex(R1_K_AMF)), 3);
                auto keys = NrSecurityKdf::DeriveAsKeys(kGnb, e, i);
                const NrSecurityGnbUeContext* g = s.Gnb()->GetUeContext(1);
                NS_TEST_EXPECT_MSG_EQ(Hex(s.Ue(0)->GetKgnb()), Hex(kGnb), what << " UE K_gNB");
                NS_TEST_EXPECT_MSG_EQ(Hex(g->kGnb), Hex(kGnb), what << " gNB K_gNB");
                NS_TEST_EXPECT_MSG_EQ(Hex(s.Ue(0)->GetAsKeys().kRrcInt), Hex(keys.kRrcInt), what);
                NS_TEST_EXPECT_MSG_EQ(Hex(g->keys.kRrcInt), Hex(keys.kRrcInt), what);
                NS_TEST_EXPECT_MSG_EQ(Hex(s.Ue(0)->GetAsKeys().kRrcEnc), Hex(keys.kRrcEnc), what);
                NS_TEST_EXPECT_MSG_EQ(Hex(g->keys.kRrcEnc), Hex(keys.kRrcEnc), what);
                NS_TEST_EXPECT_MSG_EQ(Hex(s.Ue(0)->GetAsKeys().kUpEnc), Hex(keys.kUpEnc), what);
                NS_TEST_EXPECT_MSG_EQ(Hex(s.Ue(0)->GetAsKeys().kUpInt), Hex(keys.kUpInt), what);
                NS_TEST_ASSERT_MSG_EQ(s.ueSdus.size(), 1u, what << " DL SDU delivered");
                NS_TEST_EXPECT_MSG_EQ(s.ueSdus[0], "1:0123456789abcdef", what);
                NS_TEST_ASSERT_MSG_EQ(s.gnbSdus.size(), 1u, what << " UL SDU delivered");
                NS_TEST_EXPECT_MSG_EQ(s.gnbSdus[0], "1:fedcba9876543210", what);
                auto dl = s.Pdus(1, false);
                auto ul = s.Pdus(1, true);
                NS_TEST_ASSERT_MSG_EQ(dl.size(), 2u, what << " SMC + one DL message");
                NS_TEST_ASSERT_MSG_EQ(ul.size(), 2u, what << " Complete + one UL message");
                // The data after activation is ciphered unless NEA0 (header 0001 kept).
                NS_TEST_EXPECT_MSG_EQ((dl[1].substr(4, 16) == "0123456789abcdef"),
                                      (e == 0),
                                      what << " downlink ciphering");
                NS_TEST_EXPECT_MSG_EQ((ul[1].substr(4, 16) == "fedcba9876543210"),
                                      (e == 0),
                                      what << " uplink ciphering");
                NS_TEST_EXPECT_MSG_EQ(s.gnbFailures.size() + s.ueFailures.size(), 0u, what);
            }
        }
    }
};

/// The reference context R1: exact on-air bytes of the whole exchange.
class ReferenceContextTestCase : public TestCase
{
  public:
    ReferenceContextTestCase()
        : TestCase("reference context R1: exact on-air bytes of SMC, Complete and the first "
                   "ciphered PDU")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s(1);
        s.nr->SetUeSecurityContext(
            s.ues.Get(0), NrSecurityAlgorithms::Key256FromBytes(FromHex(R1_K_AMF)), 0);
        NrSecurityTestSchedule(MilliSeconds(100),
                               [&s]() { s.Gnb()->SendDlDcch(1, FromHex("28804000")); });
        s.Run();
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ue(0)->GetKgnb()),
                              "493a16c58b77b627fa3f1ac6344c183039f01ba0cb7636bbccc4365b023bd562",
                              "K_gNB (TS 33.501 A.9 known answer)");
        NS_TEST_EXPECT_MSG_EQ(
            Hex(s.Ue(0)->GetAsKeys().kRrcInt), "3dc37c61c21fb16740a2b2fe27783646", "K_RRCint");
        auto dl = s.Pdus(1, false);
        auto ul = s.Pdus(1, true);
        NS_TEST_ASSERT_MSG_EQ(dl.size(), 2u, "two downlink PDUs");
        NS_TEST_ASSERT_MSG_EQ(ul.size(), 1u, "one uplink PDU");
        // SMC: DL-DCCH tid 1, nea2, nia2 = 220910 (TS 38.331 UPER), integrity only, COUNT 0.
        uint32_t mac = NrSecurityAlgorithms::Nia(
            NrSecurityIntegrity::NIA2,
            NrSecurityAlgorithms::Key128FromBytes(FromHex("3dc37c61c21fb16740a2b2fe27783646")),
            0,
            0,
            1,
            FromHex("0000220910"),
            40);
        NS_TEST_EXPECT_MSG_EQ(dl[0], "0000220910" + ToHex32(mac), "SecurityModeCommand on air");
        // SecurityModeComplete 2a00 (tid 1), integrity-protected, unciphered: uplink SRB1 COUNT 1,
        // since RRCSetupComplete (TS 38.331 5.3.3.4) took COUNT 0. P4's COUNT-0 bytes
        // (0000 2a00 ad5dcad1) are checked in nr-security-pdcp-cases.
        uint32_t ulMac = NrSecurityAlgorithms::Nia(
            NrSecurityIntegrity::NIA2,
            NrSecurityAlgorithms::Key128FromBytes(FromHex("3dc37c61c21fb16740a2b2fe27783646")),
            1,
            0,
            0,
            FromHex("00012a00"),
            32);
        NS_TEST_EXPECT_MSG_EQ(ul[0], "00012a00" + ToHex32(ulMac), "SecurityModeComplete on air");
        NS_TEST_EXPECT_MSG_EQ(ul[0], "00012a0030f51d7b", "SecurityModeComplete on air (bytes)");
        NS_TEST_EXPECT_MSG_EQ(dl[1], "0001d6cd2f5cbceb89ca", "P1: first ciphered PDU on air");
        NS_TEST_EXPECT_MSG_EQ(s.ueSdus.size(), 1u, "delivered");
    }
};

/// S2: algorithm selection uses the right bitmaps and never falls back to NIA0.
class AlgorithmSelectionTestCase : public TestCase
{
  public:
    AlgorithmSelectionTestCase()
        : TestCase("S2 nia0-fallback: selection by priority and capability bitmaps")
    {
    }

  private:
    void DoRun() override
    {
        NrSecurityUeCapabilities caps;
        caps.neaBitmap = NrSecurityUeCapabilities::BitmapFromList("1");
        caps.niaBitmap = NrSecurityUeCapabilities::BitmapFromList("2");
        NS_TEST_EXPECT_MSG_EQ(caps.neaBitmap, 0x8000, "first bit = NEA1 (TS 38.413 9.3.1.86)");
        NS_TEST_EXPECT_MSG_EQ(caps.niaBitmap, 0x4000, "second bit = NIA2");
        {
            Scenario s(1);
            s.nr->SetUeCapabilities(s.ues.Get(0), caps);
            s.Gnb()->SetAttribute("IntegrityPriority", StringValue("NIA0,NIA2,NIA1"));
            s.Gnb()->SetAttribute("CipheringPriority", StringValue("NEA2,NEA1,NEA0"));
            s.Run();
            NS_TEST_ASSERT_MSG_EQ(s.activations.size(), 1u, "activated");
            NS_TEST_EXPECT_MSG_EQ(s.activations[0], "1:NEA1/NIA2", "NIA2 and NEA1, never NIA0");
        }
        {
            // No NIA1-3 in common: refuse (no SMC, release traced), no fallback to NIA0.
            NrSecurityUeCapabilities noInt = caps;
            noInt.niaBitmap = NrSecurityUeCapabilities::BitmapFromList("3");
            Scenario s(1);
            s.nr->SetUeCapabilities(s.ues.Get(0), noInt);
            s.Gnb()->SetAttribute("IntegrityPriority", StringValue("NIA0,NIA2,NIA1"));
            s.Run();
            NS_TEST_EXPECT_MSG_EQ(s.Pdus(1, false).size(), 0u, "no SecurityModeCommand sent");
            NS_TEST_ASSERT_MSG_EQ(s.gnbFailures.size(), 1u, "refusal traced");
            NS_TEST_EXPECT_MSG_EQ(
                s.gnbFailures[0].rfind("1:no integrity algorithm", 0), 0u, s.gnbFailures[0]);
            NS_TEST_EXPECT_MSG_EQ(
                NrSecurityRrcStateName(s.Gnb()->GetUeContext(1)->state), "RELEASED", "released");
        }
        {
            // A gNB told (wrongly) that the UE is an emergency session selects NIA0; the normal
            // UE answers SecurityModeFailure.
            Scenario s(1);
            NrSecurityAmfUeContext c = s.nr->GetAmf()->GetUe(1);
            c.emergency = true;
            s.nr->GetAmf()->AddUe(1, c);
            s.Gnb()->SetAttribute("IntegrityPriority", StringValue("NIA0,NIA2"));
            s.Run();
            NS_TEST_ASSERT_MSG_EQ(s.ueFailures.size(), 1u, "UE refuses NIA0");
            NS_TEST_EXPECT_MSG_EQ(
                s.ueFailures[0], "1:NIA0 selected for a non-emergency session", "reason");
            NS_TEST_EXPECT_MSG_EQ(s.activations.size(), 0u, "not activated");
        }
        {
            // An emergency UE accepts NIA0.
            Scenario s(1);
            s.nr->SetUeCapabilities(s.ues.Get(0), NrSecurityUeCapabilities(), true);
            s.Gnb()->SetAttribute("IntegrityPriority", StringValue("NIA0"));
            s.Gnb()->SetAttribute("CipheringPriority", StringValue("NEA0"));
            s.Run();
            NS_TEST_ASSERT_MSG_EQ(s.activations.size(), 1u, "emergency UE activated");
            NS_TEST_EXPECT_MSG_EQ(s.activations[0], "1:NEA0/NIA0", "null algorithms");
        }
    }
};

/// S3: K_gNB from the right uplink NAS COUNT.
class UplinkNasCountTestCase : public TestCase
{
  public:
    UplinkNasCountTestCase()
        : TestCase("S3 stale-nas-count: uplink NAS COUNT 5 on both sides; a UE assuming 0 fails")
    {
    }

  private:
    void DoRun() override
    {
        auto kAmf = NrSecurityAlgorithms::Key256FromBytes(FromHex(R1_K_AMF));
        {
            Scenario s(1);
            s.nr->SetUeSecurityContext(s.ues.Get(0), kAmf, 5);
            s.Run();
            const std::string expected
                = "2bbac0b3077e7971886f7ff501a0cec5b54f59459792dc3c0860c56e7d3d3aef";
            NS_TEST_EXPECT_MSG_EQ(Hex(s.Ue(0)->GetKgnb()), expected, "UE K_gNB");
            NS_TEST_EXPECT_MSG_EQ(Hex(s.Gnb()->GetUeContext(1)->kGnb), expected, "gNB K_gNB");
            NS_TEST_EXPECT_MSG_EQ(s.activations.size(), 1u, "SMC passes");
        }
        {
            Scenario s(1);
            s.nr->SetUeSecurityContext(s.ues.Get(0), kAmf, 5);
            s.Ue(0)->SetNasSecurityContext(kAmf, 0); // the faulty UE
            s.Run();
            NS_TEST_ASSERT_MSG_EQ(s.ueFailures.size(), 1u, "integrity check fails");
            NS_TEST_EXPECT_MSG_EQ(
                s.ueFailures[0], "1:SecurityModeCommand failed the integrity check", "reason");
            NS_TEST_EXPECT_MSG_EQ(s.activations.size(), 0u, "not activated");
        }
    }
};

/// Loss: one lost attempt is retransmitted; beyond the ARQ limit, RadioLinkFailure.
class LossTestCase : public TestCase
{
  public:
    LossTestCase()
        : TestCase("loss: ARQ recovers one lost SMC; loss beyond the limit is a radio link "
                   "failure without activation")
    {
    }

  private:
    void DoRun() override
    {
        {
            Scenario s(1);
            Time activatedAt;
            s.Gnb()->TraceConnectWithoutContext("SecurityActivated",
                                                MakeBoundCallback(&LossTestCase::At, &activatedAt));
            s.Run();
            NS_TEST_EXPECT_MSG_EQ(s.activations.size(), 1u, "baseline");
            // RRC setup: RRCSetupRequest, RRCSetup, RRCSetupComplete, each 0.5 ms processing,
            // slot boundary, one 0.5 ms slot (30 kHz SCS): 3 ms; 5 ms N2 (Initial UE Message
            // to Initial Context Setup); SMC and Complete likewise: 3 + 5 + 1 + 1 ms.
            NS_TEST_EXPECT_MSG_EQ(activatedAt, MilliSeconds(10), "no loss");
        }
        {
            Scenario s(1);
            Ptr<DropFirstErrorModel> drop = CreateObject<DropFirstErrorModel>();
            drop->m_skip = 1; // RRCSetup
            s.ues.Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(drop));
            Time activatedAt;
            s.Gnb()->TraceConnectWithoutContext("SecurityActivated",
                                                MakeBoundCallback(&LossTestCase::At, &activatedAt));
            s.Run();
            NS_TEST_EXPECT_MSG_EQ(s.activations.size(), 1u, "completes after a retransmission");
            NS_TEST_EXPECT_MSG_EQ(s.radioLinkFailures, 0u, "no RLF");
            // The lost SMC attempt arrives at 9 ms, is retransmitted 4 ms later and takes 1 ms
            // again: one ARQ round adds 5 ms.
            NS_TEST_EXPECT_MSG_EQ(
                activatedAt, MilliSeconds(15), "SMC latency grows by one ARQ round");
        }
        {
            Scenario s(1);
            Ptr<DropFirstErrorModel> drop = CreateObject<DropFirstErrorModel>();
            drop->m_skip = 1; // RRCSetup
            drop->m_count = 1000;
            s.ues.Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(drop));
            s.Run();
            NS_TEST_EXPECT_MSG_EQ(s.radioLinkFailures, 1u, "RadioLinkFailure after 1 + 4 attempts");
            NS_TEST_EXPECT_MSG_EQ(s.activations.size(), 0u, "no activation");
            NS_TEST_EXPECT_MSG_EQ(s.Ue(0)->IsSecurityActive(), false, "UE not active");
            NS_TEST_ASSERT_MSG_EQ(s.gnbFailures.size(), 1u, "guard timer");
            NS_TEST_EXPECT_MSG_EQ(s.gnbFailures[0].rfind("1:no answer", 0), 0u, s.gnbFailures[0]);
        }
    }

    static void At(Time* t, uint32_t, const std::string&, const std::string&)
    {
        *t = Simulator::Now();
    }
};

/// Slot timing by numerology (TS 38.211 4.3.2) and attachment to the strongest gNB.
class AirInterfaceTestCase : public TestCase
{
  public:
    AirInterfaceTestCase()
        : TestCase("slot timing per subcarrier spacing; UEs attach to their strongest gNB")
    {
    }

  private:
    void DoRun() override
    {
        // Five legs (RRCSetupRequest, RRCSetup, RRCSetupComplete, SMC, Complete) and the 5 ms
        // N2 delay after the third; each leg = 0.5 ms processing, wait for the slot boundary,
        // one slot: 15 kHz -> 1 ms slots, 2 ms a leg (0 -> 2 -> 4 -> 6, 11 -> 13 -> 15).
        const std::vector<std::pair<uint32_t, Time>> expected = {
            {15, MilliSeconds(15)},
            {30, MilliSeconds(10)},
            {60, MicroSeconds(8750)},
            {120, MicroSeconds(8125)},
        };
        for (const auto& [scs, at] : expected)
        {
            Scenario s(1);
            s.nr->SetChannelAttribute("SubcarrierSpacing", UintegerValue(scs));
            NS_TEST_EXPECT_MSG_EQ(s.nr->GetChannel()->GetSlotDuration(),
                                  MicroSeconds(15000 / scs),
                                  "slot at " << scs << " kHz");
            Time activatedAt;
            s.Gnb()->TraceConnectWithoutContext(
                "SecurityActivated", MakeBoundCallback(&AirInterfaceTestCase::At, &activatedAt));
            s.Run();
            NS_TEST_EXPECT_MSG_EQ(activatedAt, at, "activation at " << scs << " kHz");
        }

        // Two cells 1 km apart; UE 1 next to cell 2, UE 2 next to cell 1.
        NodeContainer gnbNodes(2);
        NodeContainer ueNodes(2);
        Ptr<ListPositionAllocator> pos = CreateObject<ListPositionAllocator>();
        for (const Vector& v :
             {Vector(0, 0, 10), Vector(1000, 0, 10), Vector(990, 5, 1.5), Vector(20, -5, 1.5)})
        {
            pos->Add(v);
        }
        MobilityHelper mobility;
        mobility.SetPositionAllocator(pos);
        mobility.Install(gnbNodes);
        mobility.Install(ueNodes);
        Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
        NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes);
        NetDeviceContainer ues = nr->InstallUeDevice(ueNodes);
        nr->Attach(ues, gnbs);
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        auto ue = [&](uint32_t i) { return DynamicCast<NrSecurityUeNetDevice>(ues.Get(i)); };
        NS_TEST_EXPECT_MSG_EQ(ue(0)->GetServingCellId(), 2, "UE 1 -> cell 2");
        NS_TEST_EXPECT_MSG_EQ(ue(1)->GetServingCellId(), 1, "UE 2 -> cell 1");
        NS_TEST_EXPECT_MSG_EQ(ue(0)->GetRrc()->IsSecurityActive(), true, "UE 1 secured");
        NS_TEST_EXPECT_MSG_EQ(ue(1)->GetRrc()->IsSecurityActive(), true, "UE 2 secured");
        Simulator::Destroy();
    }

    static void At(Time* t, uint32_t, const std::string&, const std::string&)
    {
        *t = Simulator::Now();
    }
};

class NrSecuritySmcTestSuite : public TestSuite
{
  public:
    NrSecuritySmcTestSuite()
        : TestSuite("nr-security-smc")
    {
        AddTestCase(new AllAlgorithmPairsTestCase);
        AddTestCase(new ReferenceContextTestCase);
        AddTestCase(new AlgorithmSelectionTestCase);
        AddTestCase(new UplinkNasCountTestCase);
        AddTestCase(new LossTestCase);
        AddTestCase(new AirInterfaceTestCase);
    }
};

NrSecuritySmcTestSuite g_nrSecuritySmcTestSuite;

} // namespace
