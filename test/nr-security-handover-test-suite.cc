// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Handover in the RRC entities with the Xn transport and the AMF (TS 33.501 6.9.2.3.2 Xn,
 * 6.9.2.3.3 N2, 6.9.3 intra-gNB, 6.9.4.1 key refresh; TS 38.331 5.3.5.4, 5.3.5.7, 5.5.4.4):
 * the exact K_gNB of every key epoch at the UE and at the gNBs against an oracle that uses
 * OpenSSL's HMAC() directly (TS 33.220 B.2, TS 33.501 A.9-A.11) and the fixed values of the
 * project's mobility cases (M1, M2), the NCC carried by each handover command (M3), the stale
 * NCC vulnerability profile, no COUNT reuse (the PDCP guards refuse nothing) and AM DRB user
 * data continuing without loss, and an A3-triggered handover with its exact report time.
 */
#include "../model/compat/nr-security-ns3-compat.h"
#include "nr-security-handover-test-scenario.h"
#include "nr-security-test-events.h"
#include "ns3/nr-security-rrc-message.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <algorithm>

using namespace ns3;
using namespace ns3::nrsecuritytest;

/// Asserts and returns from DoRun on failure (the runner continues on failure by default, and
/// what follows would index past a vector).
#define HO_REQUIRE_EQ(actual, limit, msg)          \
    do                                             \
    {                                              \
        NS_TEST_EXPECT_MSG_EQ(actual, limit, msg); \
        if (!((actual) == (limit)))                \
        {                                          \
            return;                                \
        }                                          \
    } while (false)

namespace
{

/// Case R1 / M1 / M2 of /work/shared/cases (TS 33.501 A.9, A.10, A.11).
const char* const R1_KGNB = "493a16c58b77b627fa3f1ac6344c183039f01ba0cb7636bbccc4365b023bd562";
const char* const M1_KGNB_STAR = "22f80de2177c135fc0317832d63f10e073b31375999f22ff8a71fc3af1588482";
const char* const M2_NH1 = "36b236a55a1f7556e2ff066b8a813a055c04865bc372e69b2d6df63ef25fd8a9";
const char* const M2_NH2 = "8f2c9e86d22a46cb41035a5eb16d44b22bc6277217cfad138a9af9eddcd854d3";
const char* const M2_NH3 = "e85fda382389adf5f16a674e3abc4414c54c8ad6f11a7a7ce59e20d6dad515c0";

/// Cell 1 (PCI 7), cell 2 (PCI 1, ARFCN-DL 632628: the M1 target), cell 3 (PCI 500, FR2).
const std::vector<HoCell> THREE_CELLS = {{7, 632628}, {1, 632628}, {500, 2079167}};

/// \return "true" if any string of v contains what
bool
Contains(const std::vector<std::string>& v, const std::string& what)
{
    return std::any_of(v.begin(),
                       v.end(),
                       [&what](const std::string& s) { return s.find(what) != std::string::npos; });
}

/// \return the strings of v joined with newlines (for messages)
std::string
Join(const std::vector<std::string>& v)
{
    std::string s;
    for (const auto& x : v)
    {
        s += x + "\n";
    }
    return s;
}

/// Records the masterKeyUpdate NCC of every handover command a gNB sends (M3).
struct CommandNccs
{
    std::vector<std::string> nccs; ///< "cell:ncc:targetPci"

    static void OnMsg(CommandNccs* self,
                      std::string node,
                      uint32_t,
                      const std::string& dir,
                      const std::string& name,
                      const std::vector<uint8_t>& bytes,
                      const std::string&,
                      const std::string&)
    {
        if (dir != "tx" || name != "rrcReconfiguration")
        {
            return;
        }
        NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeDlDcch(bytes.data(), bytes.size());
        if (m.ok && m.reconfigurationWithSyncPresent && m.masterKeyUpdatePresent)
        {
            self->nccs.push_back(node + ":" + std::to_string(m.masterKeyUpdate.nextHopChainingCount)
                                 + ":" + std::to_string(m.reconfigurationWithSync.targetPci));
        }
    }

    void Connect(HoScenario& s)
    {
        for (size_t i = 0; i < s.gnbs.size(); ++i)
        {
            s.gnbs[i]->TraceConnect("RrcMessage",
                                    "gnb" + std::to_string(i + 1),
                                    MakeBoundCallback(&CommandNccs::OnMsg, this));
        }
    }
};

/**
 * Xn handover cell 1 -> cell 2 (TS 33.501 6.9.2.3.2): no unused {NH, NCC} at the source, so
 * K_gNB* is horizontal with NCC 0, for the target PCI 1 and ARFCN-DL 632628: exactly case M1
 * (22f80de2...). The target's path switch brings {NH_2, NCC 2} (the AMF derived NH_1 at
 * Initial Context Setup without sending it, TS 33.501 6.9.2.1.1): case M2's NH2 (8f2c9e86...).
 * UE and both gNBs fire KeyChange with identical keys; user data both ways continues with no
 * SDU lost and no COUNT refused; the source's context is released.
 */
class XnHandoverTestCase : public TestCase
{
  public:
    XnHandoverTestCase()
        : TestCase(
            "xn-handover: exact K_gNB* (M1) both sides, path switch {NH_2, NCC 2} (M2), no loss")
    {
    }

  private:
    void DoRun() override
    {
        HoScenario s(THREE_CELLS);
        s.StartTraffic(MilliSeconds(100));
        s.trafficStop = MilliSeconds(400);
        NrSecurityTestSchedule(MilliSeconds(200),
                               [&s]() { s.Gnb(1)->Handover(1, 2, NrSecurityHandoverType::XN); });
        s.Run(MilliSeconds(600));
        const NrSecurityKey256 kGnb0 = HoOracleKgnb(s.kAmf, 0);
        HO_REQUIRE_EQ(HoKeyHex(kGnb0), R1_KGNB, "oracle K_gNB = case R1");
        const NrSecurityKey256 star = HoOracleKgnbStar(kGnb0, 1, 632628);
        HO_REQUIRE_EQ(HoKeyHex(star), M1_KGNB_STAR, "oracle K_gNB* = case M1");

        auto ue = s.EpochsAt("ue");
        HO_REQUIRE_EQ(ue.size(), 2u, "UE epochs: initial and the handover");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(ue[0].kGnb), R1_KGNB, "UE epoch 0");
        NS_TEST_EXPECT_MSG_EQ(ue[0].DerivationName(), "initial", "UE epoch 0 derivation");
        NS_TEST_EXPECT_MSG_EQ(ue[1].epoch, 1u, "UE epoch number");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(ue[1].kGnb), M1_KGNB_STAR, "UE K_gNB* (M1)");
        NS_TEST_EXPECT_MSG_EQ(ue[1].DerivationName(), "horizontal", "UE: NCC unchanged");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(ue[1].inputKey), R1_KGNB, "UE: from the old K_gNB");
        NS_TEST_EXPECT_MSG_EQ(unsigned(ue[1].ncc), 0u, "UE NCC");
        NS_TEST_EXPECT_MSG_EQ(ue[1].pci, 1, "UE: target PCI");
        NS_TEST_EXPECT_MSG_EQ(ue[1].arfcnDl, 632628u, "UE: target ARFCN-DL");
        NS_TEST_EXPECT_MSG_EQ(ue[1].cellId, 2, "UE: target cell");
        auto g1 = s.EpochsAt("gnb1");
        auto g2 = s.EpochsAt("gnb2");
        HO_REQUIRE_EQ(g1.size(), 1u, "source: epoch 0 only");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(g1[0].kGnb), R1_KGNB, "source epoch 0");
        HO_REQUIRE_EQ(g2.size(), 1u, "target: the handover epoch");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(g2[0].kGnb), M1_KGNB_STAR, "target K_gNB = K_gNB*");
        NS_TEST_EXPECT_MSG_EQ(g2[0].epoch, 1u, "target epoch number");
        NS_TEST_EXPECT_MSG_EQ(unsigned(g2[0].ncc), 0u, "target NCC");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(s.ue->GetKgnb()), M1_KGNB_STAR, "UE K_gNB in force");
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetServingCell().cellId, 2, "UE in cell 2");

        // Path switch: {NH_2, NCC 2} kept unused at the target (TS 33.501 6.9.2.3.2).
        const NrSecurityKey256 nh1 = HoOracleNh(s.kAmf, kGnb0);
        const NrSecurityKey256 nh2 = HoOracleNh(s.kAmf, nh1);
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(nh1), M2_NH1, "oracle NH1 = case M2");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(nh2), M2_NH2, "oracle NH2 = case M2");
        const NrSecurityGnbUeContext* t = s.Gnb(2)->GetUeContext(1);
        HO_REQUIRE_EQ((t != nullptr), true, "target context");
        NS_TEST_EXPECT_MSG_EQ(t->nhUnused, true, "target holds an unused NH");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(t->nh), M2_NH2, "target NH = NH2 (all 32 bytes, M4)");
        NS_TEST_EXPECT_MSG_EQ(unsigned(t->nhNcc), 2u, "target NCC of the NH");
        NS_TEST_EXPECT_MSG_EQ((t->state == NrSecurityRrcState::SECURITY_ACTIVE), true, "target");
        const NrSecurityGnbUeContext* src = s.Gnb(1)->GetUeContext(1);
        HO_REQUIRE_EQ((src != nullptr), true, "source context");
        NS_TEST_EXPECT_MSG_EQ(
            (src->state == NrSecurityRrcState::RELEASED), true, "source released");
        NS_TEST_EXPECT_MSG_EQ(s.Gnb(2)->GetHandoversCompleted(), 1u, "target completed it");

        // Security semantics and user data.
        NS_TEST_EXPECT_MSG_EQ(Join(s.integrity), "", "no integrity failure anywhere");
        NS_TEST_EXPECT_MSG_EQ(s.TxRefused(), 0u, "no COUNT refused by any PDCP guard");
        NS_TEST_EXPECT_MSG_GT(s.ulSent.size(), 100u, "uplink traffic flowed");
        NS_TEST_EXPECT_MSG_GT(s.dlSent.size(), 100u, "downlink traffic flowed");
        NS_TEST_EXPECT_MSG_EQ(s.Missing(s.ulSent, s.ulReceived), 0u, "no uplink SDU lost");
        NS_TEST_EXPECT_MSG_EQ(s.Missing(s.dlSent, s.dlReceived), 0u, "no downlink SDU lost");
        NS_TEST_EXPECT_MSG_EQ(Contains(s.sessions, "gnb2:1:1:ok"), true, "session moved");
        NS_TEST_EXPECT_MSG_EQ(s.dlGnb, 2, "the downlink now enters at cell 2");
        NS_TEST_EXPECT_MSG_EQ(s.xn->GetUnroutable(), 0u, "every Xn message routed");
    }
};

/**
 * Three Xn hops 1 -> 2 -> 3 -> 1: the second and third are vertical from the NH the previous
 * target received in its path switch (NH_2 with NCC 2, then NH_3 with NCC 3), each command
 * carries that NCC (case M3: not 0, not the source's old one), the UE advances its own chain
 * to it; exact K_gNB* (oracle) at the UE and at each target, no loss, no COUNT reuse (with a
 * packet every 250 us each way: DL SDUs keep arriving at each source after its command and
 * are forwarded after the unconfirmed ones, which go only once).
 */
class XnChainTestCase : public TestCase
{
  public:
    XnChainTestCase()
        : TestCase(
            "xn-chain: 3 hops, vertical K_gNB* from NH_2 and NH_3, command NCC (M3), no loss")
    {
    }

  private:
    void DoRun() override
    {
        HoScenario s(THREE_CELLS);
        CommandNccs cmds;
        cmds.Connect(s);
        s.trafficPeriod = MicroSeconds(250); // several DL SDUs reach each source after its command
        s.StartTraffic(MilliSeconds(100));
        s.trafficStop = MilliSeconds(800);
        NrSecurityTestSchedule(MilliSeconds(200),
                               [&s]() { s.Gnb(1)->Handover(1, 2, NrSecurityHandoverType::XN); });
        NrSecurityTestSchedule(MilliSeconds(400),
                               [&s]() { s.Gnb(2)->Handover(1, 3, NrSecurityHandoverType::XN); });
        NrSecurityTestSchedule(MilliSeconds(600),
                               [&s]() { s.Gnb(3)->Handover(1, 1, NrSecurityHandoverType::XN); });
        s.Run(MilliSeconds(1000));

        const NrSecurityKey256 k0 = HoOracleKgnb(s.kAmf, 0);
        const NrSecurityKey256 nh1 = HoOracleNh(s.kAmf, k0);
        const NrSecurityKey256 nh2 = HoOracleNh(s.kAmf, nh1);
        const NrSecurityKey256 nh3 = HoOracleNh(s.kAmf, nh2);
        HO_REQUIRE_EQ(HoKeyHex(nh3), M2_NH3, "oracle NH3 = case M2");
        const NrSecurityKey256 k1 = HoOracleKgnbStar(k0, 1, 632628);
        const NrSecurityKey256 k2 = HoOracleKgnbStar(nh2, 500, 2079167);
        const NrSecurityKey256 k3 = HoOracleKgnbStar(nh3, 7, 632628);
        auto ue = s.EpochsAt("ue");
        HO_REQUIRE_EQ(ue.size(), 4u, "UE epochs 0..3");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(ue[1].kGnb), HoKeyHex(k1), "hop 1 (horizontal)");
        NS_TEST_EXPECT_MSG_EQ(
            HoKeyHex(ue[2].kGnb), HoKeyHex(k2), "hop 2: KDF(NH_2, PCI 500, 2079167)");
        NS_TEST_EXPECT_MSG_EQ(ue[2].DerivationName(), "vertical", "hop 2 vertical");
        NS_TEST_EXPECT_MSG_EQ(unsigned(ue[2].ncc), 2u, "hop 2 NCC");
        NS_TEST_EXPECT_MSG_EQ(ue[2].nhIndex, 2u, "hop 2 NH index");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(ue[2].inputKey), M2_NH2, "hop 2 from NH2");
        NS_TEST_EXPECT_MSG_EQ(
            HoKeyHex(ue[3].kGnb), HoKeyHex(k3), "hop 3: KDF(NH_3, PCI 7, 632628)");
        NS_TEST_EXPECT_MSG_EQ(unsigned(ue[3].ncc), 3u, "hop 3 NCC");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(ue[3].inputKey), M2_NH3, "hop 3 from NH3");
        auto g3 = s.EpochsAt("gnb3");
        auto g1 = s.EpochsAt("gnb1");
        HO_REQUIRE_EQ(g3.size(), 1u, "cell 3: one epoch");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(g3[0].kGnb), HoKeyHex(k2), "cell 3 K_gNB");
        HO_REQUIRE_EQ(g1.size(), 2u, "cell 1: epoch 0 and epoch 3");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(g1[1].kGnb), HoKeyHex(k3), "cell 1 K_gNB after hop 3");
        NS_TEST_EXPECT_MSG_EQ(g1[1].epoch, 3u, "cell 1 epoch number");
        // M3: the command of each hop carries the NCC of the key the source used for K_gNB*.
        NS_TEST_EXPECT_MSG_EQ(Join(cmds.nccs), "gnb1:0:1\ngnb2:2:500\ngnb3:3:7\n", "command NCCs");
        // After the third path switch cell 1 holds {NH_4, NCC 4}.
        const NrSecurityGnbUeContext* c1 = s.Gnb(1)->GetUeContext(1);
        HO_REQUIRE_EQ((c1 != nullptr), true, "cell 1 context");
        NS_TEST_EXPECT_MSG_EQ(
            HoKeyHex(c1->nh), HoKeyHex(HoOracleNh(s.kAmf, nh3)), "NH_4 at cell 1");
        NS_TEST_EXPECT_MSG_EQ(unsigned(c1->nhNcc), 4u, "NCC 4");
        NS_TEST_EXPECT_MSG_EQ(unsigned(s.ue->GetNcc()), 3u, "UE NCC in force");
        NS_TEST_EXPECT_MSG_EQ(Join(s.integrity), "", "no integrity failure anywhere");
        NS_TEST_EXPECT_MSG_EQ(s.TxRefused(), 0u, "no COUNT refused by any PDCP guard");
        NS_TEST_EXPECT_MSG_EQ(s.Missing(s.ulSent, s.ulReceived), 0u, "no uplink SDU lost");
        NS_TEST_EXPECT_MSG_EQ(s.Missing(s.dlSent, s.dlReceived), 0u, "no downlink SDU lost");
        NS_TEST_EXPECT_MSG_GT(s.dlSent.size(), 300u, "downlink traffic flowed");
    }
};

/**
 * VulnerabilityStaleNcc at the UE: at the second hop the command carries NCC 2 but the UE
 * derives K_gNB* horizontally from its current K_gNB (the classic bug), so its
 * RRCReconfigurationComplete (SRB1 COUNT 0) fails the target's integrity check: discarded,
 * IntegrityFailure traced, the handover never completes at the target.
 */
class StaleNccTestCase : public TestCase
{
  public:
    StaleNccTestCase()
        : TestCase(
            "stale-ncc-vulnerability: UE ignores NCC 2, target's first integrity check fails")
    {
    }

  private:
    void DoRun() override
    {
        HoScenario s(THREE_CELLS);
        s.ue->SetAttribute("VulnerabilityStaleNcc", BooleanValue(true));
        s.StartTraffic(MilliSeconds(100));
        s.trafficStop = MilliSeconds(500);
        NrSecurityTestSchedule(MilliSeconds(200),
                               [&s]() { s.Gnb(1)->Handover(1, 2, NrSecurityHandoverType::XN); });
        NrSecurityTestSchedule(MilliSeconds(400),
                               [&s]() { s.Gnb(2)->Handover(1, 3, NrSecurityHandoverType::XN); });
        s.Run(MilliSeconds(600));
        auto ue = s.EpochsAt("ue");
        HO_REQUIRE_EQ(ue.size(), 3u, "UE epochs");
        const NrSecurityKey256 k1 = HoOracleKgnbStar(HoOracleKgnb(s.kAmf, 0), 1, 632628);
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(ue[1].kGnb), HoKeyHex(k1), "hop 1 unaffected (NCC 0 = 0)");
        NS_TEST_EXPECT_MSG_EQ(
            HoKeyHex(ue[2].kGnb), HoKeyHex(HoOracleKgnbStar(k1, 500, 2079167)), "UE: horizontal");
        NS_TEST_EXPECT_MSG_EQ(unsigned(ue[2].ncc), 0u, "UE kept NCC 0");
        NS_TEST_EXPECT_MSG_EQ(s.EpochsAt("gnb3").size(), 0u, "target: no key epoch in force");
        NS_TEST_EXPECT_MSG_EQ(s.Gnb(3)->GetHandoversCompleted(), 0u, "target never completes");
        NS_TEST_EXPECT_MSG_EQ(Contains(s.integrity, "gnb3:1:0"),
                              true,
                              "target SRB1 COUNT 0 (the Complete) failed integrity:\n"
                                  + Join(s.integrity));
        NS_TEST_EXPECT_MSG_EQ(
            s.Gnb(3)->GetSrb(1, 1)->GetCounters().rxDelivered, 0u, "nothing delivered");
    }
};

/**
 * N2 handover cell 1 -> cell 2 (TS 33.501 6.9.2.3.3): the AMF gives the target the fresh
 * {NH_2, NCC 2}; K_gNB* = KDF(NH_2, PCI 1, 632628) (vertical) at both ends; the target keeps
 * no unused NH, so the next Xn hop 2 -> 3 is horizontal with NCC 2; no loss, no COUNT reuse.
 */
class N2HandoverTestCase : public TestCase
{
  public:
    N2HandoverTestCase()
        : TestCase(
            "n2-handover: vertical K_gNB* from the AMF's NH_2, then horizontal Xn with NCC 2")
    {
    }

  private:
    void DoRun() override
    {
        HoScenario s(THREE_CELLS);
        s.StartTraffic(MilliSeconds(100));
        s.trafficStop = MilliSeconds(500);
        NrSecurityTestSchedule(MilliSeconds(200),
                               [&s]() { s.Gnb(1)->Handover(1, 2, NrSecurityHandoverType::N2); });
        NrSecurityTestSchedule(MilliSeconds(400),
                               [&s]() { s.Gnb(2)->Handover(1, 3, NrSecurityHandoverType::XN); });
        s.Run(MilliSeconds(700));
        const NrSecurityKey256 nh2
            = HoOracleNh(s.kAmf, HoOracleNh(s.kAmf, HoOracleKgnb(s.kAmf, 0)));
        const NrSecurityKey256 k1 = HoOracleKgnbStar(nh2, 1, 632628);
        const NrSecurityKey256 k2 = HoOracleKgnbStar(k1, 500, 2079167);
        auto ue = s.EpochsAt("ue");
        auto g2 = s.EpochsAt("gnb2");
        auto g3 = s.EpochsAt("gnb3");
        HO_REQUIRE_EQ(ue.size(), 3u, "UE epochs");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(ue[1].kGnb), HoKeyHex(k1), "UE: KDF(NH_2, PCI 1, 632628)");
        NS_TEST_EXPECT_MSG_EQ(ue[1].DerivationName(), "vertical", "N2 is vertical");
        NS_TEST_EXPECT_MSG_EQ(unsigned(ue[1].ncc), 2u, "NCC 2");
        HO_REQUIRE_EQ(g2.size(), 1u, "target epoch");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(g2[0].kGnb), HoKeyHex(k1), "target K_gNB*");
        NS_TEST_EXPECT_MSG_EQ(g2[0].nhIndex, 2u, "target: NH index 2");
        NS_TEST_EXPECT_MSG_EQ(g2[0].epoch, 1u, "target: epoch number 1 (the UE's)");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(ue[2].kGnb), HoKeyHex(k2), "Xn after N2: horizontal");
        NS_TEST_EXPECT_MSG_EQ(unsigned(ue[2].ncc), 2u, "NCC stays 2");
        HO_REQUIRE_EQ(g3.size(), 1u, "cell 3 epoch");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(g3[0].kGnb), HoKeyHex(k2), "cell 3 K_gNB");
        HO_REQUIRE_EQ((s.Gnb(1)->GetUeContext(1) != nullptr), true, "N2 source context");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetUeContext(1)->state == NrSecurityRrcState::RELEASED),
                              true,
                              "AMF released the N2 source");
        NS_TEST_EXPECT_MSG_EQ(s.amf->GetServingCell(1), 3, "AMF: serving cell 3");
        NS_TEST_EXPECT_MSG_EQ(Join(s.integrity), "", "no integrity failure anywhere");
        NS_TEST_EXPECT_MSG_EQ(s.TxRefused(), 0u, "no COUNT refused by any PDCP guard");
        NS_TEST_EXPECT_MSG_EQ(s.Missing(s.ulSent, s.ulReceived), 0u, "no uplink SDU lost");
        NS_TEST_EXPECT_MSG_EQ(s.Missing(s.dlSent, s.dlReceived), 0u, "no downlink SDU lost");
    }
};

/**
 * Intra-cell handover forced on cell 1 (TS 33.501 6.9.3): K_gNB* = KDF(K_gNB, PCI 7, 632628),
 * NCC 0, at both ends; traffic continues without loss. Then, after a path switch at cell 2,
 * an intra-cell handover there uses the unused {NH_2, NCC 2} (vertical).
 */
class IntraCellTestCase : public TestCase
{
  public:
    IntraCellTestCase()
        : TestCase("intra-cell: horizontal key change in place, then vertical from the unused NH")
    {
    }

  private:
    void DoRun() override
    {
        HoScenario s(THREE_CELLS);
        s.StartTraffic(MilliSeconds(100));
        s.trafficStop = MilliSeconds(600);
        NrSecurityTestSchedule(MilliSeconds(200),
                               [&s]()
                               { s.Gnb(1)->Handover(1, 0, NrSecurityHandoverType::INTRA_CELL); });
        NrSecurityTestSchedule(MilliSeconds(300),
                               [&s]() { s.Gnb(1)->Handover(1, 2, NrSecurityHandoverType::XN); });
        NrSecurityTestSchedule(MilliSeconds(450),
                               [&s]()
                               { s.Gnb(2)->Handover(1, 0, NrSecurityHandoverType::INTRA_CELL); });
        s.Run(MilliSeconds(800));
        const NrSecurityKey256 k0 = HoOracleKgnb(s.kAmf, 0);
        const NrSecurityKey256 k1 = HoOracleKgnbStar(k0, 7, 632628);
        const NrSecurityKey256 k2 = HoOracleKgnbStar(k1, 1, 632628);
        const NrSecurityKey256 nh2 = HoOracleNh(s.kAmf, HoOracleNh(s.kAmf, k0));
        const NrSecurityKey256 k3 = HoOracleKgnbStar(nh2, 1, 632628);
        auto ue = s.EpochsAt("ue");
        auto g1 = s.EpochsAt("gnb1");
        auto g2 = s.EpochsAt("gnb2");
        HO_REQUIRE_EQ(ue.size(), 4u, "UE epochs");
        NS_TEST_EXPECT_MSG_EQ(
            HoKeyHex(ue[1].kGnb), HoKeyHex(k1), "intra-cell 1: KDF(K_gNB, 7, 632628)");
        NS_TEST_EXPECT_MSG_EQ(ue[1].cause, "intra-cell", "UE cause");
        HO_REQUIRE_EQ(g1.size(), 2u, "cell 1 epochs");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(g1[1].kGnb), HoKeyHex(k1), "cell 1 K_gNB*");
        NS_TEST_EXPECT_MSG_EQ(g1[1].cause, "intra-cell", "gNB cause");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(ue[2].kGnb), HoKeyHex(k2), "Xn hop");
        NS_TEST_EXPECT_MSG_EQ(
            HoKeyHex(ue[3].kGnb), HoKeyHex(k3), "intra-cell 2: KDF(NH_2, 1, 632628)");
        NS_TEST_EXPECT_MSG_EQ(ue[3].DerivationName(), "vertical", "from the unused NH");
        NS_TEST_EXPECT_MSG_EQ(unsigned(ue[3].ncc), 2u, "NCC 2");
        HO_REQUIRE_EQ(g2.size(), 2u, "cell 2 epochs");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(g2[1].kGnb), HoKeyHex(k3), "cell 2 K_gNB*");
        HO_REQUIRE_EQ((s.Gnb(2)->GetUeContext(1) != nullptr), true, "cell 2 context");
        NS_TEST_EXPECT_MSG_EQ(s.Gnb(2)->GetUeContext(1)->nhUnused, false, "the NH is used up");
        NS_TEST_EXPECT_MSG_EQ(Join(s.integrity), "", "no integrity failure anywhere");
        NS_TEST_EXPECT_MSG_EQ(s.TxRefused(), 0u, "no COUNT refused by any PDCP guard");
        NS_TEST_EXPECT_MSG_EQ(s.Missing(s.ulSent, s.ulReceived), 0u, "no uplink SDU lost");
        NS_TEST_EXPECT_MSG_EQ(s.Missing(s.dlSent, s.dlReceived), 0u, "no downlink SDU lost");
    }
};

/**
 * Key refresh at the COUNT threshold (TS 33.501 6.9.4.1): KeyRefreshCount 100 on cell 1; when
 * DRB1's COUNT reaches it the gNB refreshes the keys by an intra-cell handover and releases
 * and re-adds DRB1 (drb-ToReleaseList + drb-ToAddModList, a new PDCP entity from COUNT 0, TS
 * 38.331 5.3.5.6), so COUNTs never pass the threshold by more than the PDUs in flight and
 * none is reused under one key. Each epoch's K_gNB is KDF(previous, PCI 7, 632628).
 */
class KeyRefreshTestCase : public TestCase
{
  public:
    KeyRefreshTestCase()
        : TestCase("key-refresh: intra-cell handover at KeyRefreshCount, DRB released and re-added")
    {
    }

  private:
    void DoRun() override
    {
        HoScenario s(THREE_CELLS);
        s.Gnb(1)->SetAttribute("KeyRefreshCount", UintegerValue(100));
        s.StartTraffic(MilliSeconds(100));
        s.trafficStop = MilliSeconds(600);
        s.Run(MilliSeconds(800));
        auto g1 = s.EpochsAt("gnb1");
        auto ue = s.EpochsAt("ue");
        // 250 SDUs each way from 100 ms, every 2 ms: DRB1 reaches COUNT 100 twice.
        HO_REQUIRE_EQ(g1.size(), 3u, "cell 1: epoch 0 and two refreshes");
        HO_REQUIRE_EQ(ue.size(), 3u, "UE: the same epochs");
        NrSecurityKey256 k = HoOracleKgnb(s.kAmf, 0);
        for (size_t i = 1; i < g1.size(); ++i)
        {
            k = HoOracleKgnbStar(k, 7, 632628);
            NS_TEST_EXPECT_MSG_EQ(HoKeyHex(g1[i].kGnb), HoKeyHex(k), "gNB epoch " << i);
            NS_TEST_EXPECT_MSG_EQ(HoKeyHex(ue[i].kGnb), HoKeyHex(k), "UE epoch " << i);
            NS_TEST_EXPECT_MSG_EQ(g1[i].cause, "key-refresh", "cause");
        }
        uint64_t highest = 0;
        for (const auto& p : s.pdcps)
        {
            highest = std::max({highest, p->GetTxNext(), p->GetRxNext()});
        }
        NS_TEST_EXPECT_MSG_LT(highest, 104u, "no COUNT far beyond KeyRefreshCount");
        NS_TEST_EXPECT_MSG_EQ(s.TxRefused(), 0u, "no COUNT refused by any PDCP guard");
        NS_TEST_EXPECT_MSG_EQ(Join(s.integrity), "", "no integrity failure anywhere");
        NS_TEST_EXPECT_MSG_EQ(s.Missing(s.dlSent, s.dlReceived), 0u, "no downlink SDU lost");
        NS_TEST_EXPECT_MSG_EQ(s.Missing(s.ulSent, s.ulReceived), 0u, "no uplink SDU lost");
    }
};

/**
 * A3-triggered handover (TS 38.331 5.5.4.4) with the default A3Offset 3 dB, Hysteresis 1 dB,
 * TimeToTrigger 160 ms: measurements every 40 ms from 100 ms, cell 1 at -80 - 2k dBm, cell 2
 * at -100 + 2k dBm (k = 0, 1, ...). Entering Mn - 1 > Mp + 3 first holds at k = 7 (380 ms:
 * -86 > -91... -86 - 1 > -94 + 3), so the report goes at 540 ms (k = 11, serving -102 dBm,
 * neighbour PCI 1 -78 dBm) and the gNB hands the UE over to cell 2 by Xn (or N2 with
 * MeasurementHandoverType N2).
 */
class A3HandoverTestCase : public TestCase
{
  public:
    /// \param n2 MeasurementHandoverType N2 (else Xn)
    explicit A3HandoverTestCase(bool n2)
        : TestCase(n2 ? "a3-handover-n2: MeasurementReport at the exact time, "
                        "MeasurementHandoverType N2 (K_gNB* from NH_2)"
                      : "a3-handover: MeasurementReport at the exact time, Xn handover to the "
                        "neighbour")
        , m_n2(n2)
    {
    }

  private:
    bool m_n2; ///< MeasurementHandoverType N2

    void DoRun() override
    {
        HoScenario s({{7, 632628}, {1, 632628}});
        if (m_n2)
        {
            s.Gnb(1)->SetAttribute("MeasurementHandoverType", StringValue("N2"));
        }
        std::vector<std::string> reports;
        s.ue->TraceConnectWithoutContext(
            "HandoverEvent",
            MakeBoundCallback(
                +[](std::vector<std::string>* v,
                    uint32_t,
                    const std::string& step,
                    const std::string& d)
                {
                    if (step == "measurement-report")
                    {
                        v->push_back(std::to_string(Simulator::Now().GetMilliSeconds()) + " " + d);
                    }
                },
                &reports));
        for (int k = 0; k < 20; ++k)
        {
            NrSecurityTestSchedule(MilliSeconds(100 + 40 * k),
                                   [&s, k]()
                                   {
                                       std::vector<NrSecurityCellMeasurement> m(2);
                                       m[0].cell = s.Gnb(1)->GetCellInfo();
                                       m[0].rsrpDbm = -80 - 2 * k;
                                       m[1].cell = s.Gnb(2)->GetCellInfo();
                                       m[1].rsrpDbm = -100 + 2 * k;
                                       s.ue->ReportMeasurements(m);
                                   });
        }
        s.Run(MilliSeconds(1000));
        NS_TEST_EXPECT_MSG_EQ(Join(reports),
                              "540 A3: serving PCI 7 -102 dBm, PCI 1 -78 dBm\n",
                              "one report, at 540 ms");
        NS_TEST_EXPECT_MSG_EQ(
            Contains(s.gnbEvents, "gnb1:measurement-report: serving PCI 7 -102 dBm, PCI 1 -78 dBm"),
            true,
            "the gNB decoded the report:\n" + Join(s.gnbEvents));
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetServingCell().cellId, 2, "UE in cell 2");
        auto ue = s.EpochsAt("ue");
        HO_REQUIRE_EQ(ue.size(), 2u, "UE epochs");
        const NrSecurityKey256 k0 = HoOracleKgnb(s.kAmf, 0);
        const NrSecurityKey256 nh2 = HoOracleNh(s.kAmf, HoOracleNh(s.kAmf, k0));
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(ue[1].kGnb),
                              m_n2 ? HoKeyHex(HoOracleKgnbStar(nh2, 1, 632628)) : M1_KGNB_STAR,
                              "K_gNB*: N2 vertical from NH_2, Xn horizontal (M1)");
        NS_TEST_EXPECT_MSG_EQ(s.Gnb(2)->GetHandoversCompleted(), 1u, "handover completed");
    }
};

/**
 * Refusals, each counted or traced and without a key change (TS 33.501 6.9.2.3.2; TS 38.331
 * 5.3.5.4, 5.3.5.8; TS 38.423 8.2.1.3): a handover before AS security or to an unknown cell;
 * a target whose IntegrityPriority excludes the source's NIA2 answers HANDOVER PREPARATION
 * FAILURE and the UE stays with its keys and its traffic; an RRCReconfiguration with
 * reconfigurationWithSync but no masterKeyUpdate, and one to a PCI the UE cannot reach, are
 * refused by the UE with nothing applied; an Xn message for an unknown UE is refused and one
 * for an unknown cell is unroutable.
 */
class RefusalsTestCase : public TestCase
{
  public:
    RefusalsTestCase()
        : TestCase("handover-refusals: before security, unknown cell, algorithms, no key update, "
                   "unreachable PCI, unknown UE, unroutable")
    {
    }

  private:
    void DoRun() override
    {
        HoScenario s(THREE_CELLS);
        s.Gnb(2)->SetAttribute("IntegrityPriority", StringValue("NIA1"));
        bool early = true;
        bool unknown = true;
        NrSecurityTestSchedule(MilliSeconds(12),
                               [&]()
                               { early = s.Gnb(1)->Handover(1, 2, NrSecurityHandoverType::XN); });
        s.StartTraffic(MilliSeconds(100));
        s.trafficStop = MilliSeconds(500);
        NrSecurityTestSchedule(MilliSeconds(150),
                               [&]()
                               { unknown = s.Gnb(1)->Handover(1, 9, NrSecurityHandoverType::XN); });
        NrSecurityTestSchedule(MilliSeconds(200),
                               [&s]() { s.Gnb(1)->Handover(1, 2, NrSecurityHandoverType::XN); });
        NrSecurityTestSchedule(
            MilliSeconds(300),
            [&s]()
            {
                NrSecurityRadioBearerConfig rbc;
                rbc.srbsToAdd = {1, 2};
                rbc.srbReestablishPdcp = true;
                for (const auto& d : s.ue->GetDrbConfigs())
                {
                    NrSecurityDrbConfig c = d;
                    c.reestablishPdcp = true;
                    rbc.drbsToAdd.push_back(c);
                }
                NrSecurityReconfigurationWithSync sync;
                sync.targetPci = 1;
                sync.ssbArfcn = 632628;
                sync.newUeIdentity = 1;
                s.Gnb(1)->SendDlDcch(
                    1, NrSecurityRrcMessage::EncodeRrcReconfiguration(1, rbc, &sync, nullptr));
                NrSecurityMasterKeyUpdate mku;
                sync.targetPci = 999; // no such cell
                s.Gnb(1)->SendDlDcch(
                    1, NrSecurityRrcMessage::EncodeRrcReconfiguration(2, rbc, &sync, &mku));
            });
        NrSecurityTestSchedule(MilliSeconds(350),
                               [&s]()
                               {
                                   NrSecurityXnMessage m;
                                   m.type = NrSecurityXnMessage::SN_STATUS_TRANSFER;
                                   m.ueId = 42;
                                   m.sourceCellId = 2;
                                   m.targetCellId = 1;
                                   s.xn->Send(m);
                                   m.targetCellId = 9;
                                   s.xn->Send(m);
                               });
        s.Run(MilliSeconds(700));
        NS_TEST_EXPECT_MSG_EQ(early, false, "no handover before AS security");
        NS_TEST_EXPECT_MSG_EQ(unknown, false, "no handover to an unknown cell");
        NS_TEST_EXPECT_MSG_EQ(
            Contains(s.gnbEvents, "gnb1:handover-refused: AS security is not active"),
            true,
            Join(s.gnbEvents));
        NS_TEST_EXPECT_MSG_EQ(
            Contains(s.gnbEvents, "gnb1:handover-refused: cell 9 is not an Xn neighbour"),
            true,
            Join(s.gnbEvents));
        NS_TEST_EXPECT_MSG_EQ(Contains(s.gnbEvents,
                                       "gnb1:handover-preparation-failure: the source's algorithms "
                                       "(NEA2, NIA2) are not allowed in this cell"),
                              true,
                              Join(s.gnbEvents));
        NS_TEST_EXPECT_MSG_EQ(
            Contains(s.refused,
                     "ue:rrcReconfiguration:reconfigurationWithSync without masterKeyUpdate"),
            true,
            Join(s.refused));
        NS_TEST_EXPECT_MSG_EQ(
            Contains(s.refused, "ue:rrcReconfiguration:the target cell (PCI 999) is not reachable"),
            true,
            Join(s.refused));
        NS_TEST_EXPECT_MSG_EQ(
            Contains(s.refused, "gnb1:SN STATUS TRANSFER:Xn message for an unknown UE"),
            true,
            Join(s.refused));
        NS_TEST_EXPECT_MSG_EQ(s.xn->GetUnroutable(), 1u, "the message for cell 9");
        NS_TEST_EXPECT_MSG_EQ(s.EpochsAt("ue").size(), 1u, "the UE kept its initial K_gNB");
        NS_TEST_EXPECT_MSG_EQ(HoKeyHex(s.ue->GetKgnb()), R1_KGNB, "K_gNB unchanged");
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetServingCell().cellId, 1, "UE still in cell 1");
        NS_TEST_EXPECT_MSG_EQ(s.ue->IsHandoverInProgress(), false, "no handover left half-done");
        NS_TEST_EXPECT_MSG_EQ(Join(s.integrity), "", "no integrity failure anywhere");
        NS_TEST_EXPECT_MSG_EQ(s.Missing(s.ulSent, s.ulReceived), 0u, "no uplink SDU lost");
        NS_TEST_EXPECT_MSG_EQ(s.Missing(s.dlSent, s.dlReceived), 0u, "no downlink SDU lost");
    }
};

} // namespace

/// The nr-security-handover suite.
class NrSecurityHandoverTestSuite : public TestSuite
{
  public:
    NrSecurityHandoverTestSuite()
        : TestSuite("nr-security-handover", NrSecurityTestType::UNIT)
    {
        AddTestCase(new XnHandoverTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new XnChainTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new StaleNccTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new N2HandoverTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new IntraCellTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new KeyRefreshTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new A3HandoverTestCase(false), NrSecurityTestDuration::QUICK);
        AddTestCase(new A3HandoverTestCase(true), NrSecurityTestDuration::QUICK);
        AddTestCase(new RefusalsTestCase, NrSecurityTestDuration::QUICK);
        for (TestCase* c : HandoverAgreementTestCases()) // nr-security-handover-agreement-test.cc
        {
            AddTestCase(c, NrSecurityTestDuration::QUICK);
        }
    }
};

static NrSecurityHandoverTestSuite g_nrSecurityHandoverTestSuite; ///< registers the suite
