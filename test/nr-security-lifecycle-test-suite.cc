// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The RRC connection lifecycle end to end over the simulated air interface (TS 38.331 5.3.3
 * establishment, 5.3.15 reject with T302, 5.3.3.7 T300 expiry, 5.3.4 SMC, 5.6.1 capability
 * transfer, 5.3.5 reconfiguration with SRB2 and DRBs, 5.7.1/5.7.2 NAS transfer, 5.3.8
 * release) with the exact message sequence, bearer and protection of each message, and the
 * ordering rules of 5.3.1.2 (SRB2 and DRBs only after AS security activation).
 */
#include "nr-security-lifecycle-test-scenario.h"
#include "nr-security-smc-test-scenario.h" // DropFirstErrorModel
#include "nr-security-test-events.h"
#include "ns3/boolean.h"
#include "ns3/nr-security-rrc-message.h"
#include "ns3/pointer.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <utility>

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

using Rrc = NrSecurityRrcMessage;

/// The default Registration Request of the UE and Registration Accept of the AMF.
const char* const REGISTRATION_REQUEST = "7e004171000d0100f110f0ff000021436587092e02f0f0";
const char* const REGISTRATION_ACCEPT = "7e0042010177000bf200f11001004101234567";

/**
 * The whole lifecycle with the default gNB: every RRC message on its SRB with the protection
 * TS 38.331 5.3.1.2 / 5.3.4.3 prescribe (before the SMC none; the SMC and its Complete
 * integrity only; everything after both), NAS in RRCSetupComplete and DL/ULInformationTransfer
 * (SRB2 once it exists, 5.7.1.2 / 5.7.2.2), then RRCRelease to RRC_IDLE (5.3.8.3) and a second
 * connection.
 */
class WholeLifecycleTestCase : public TestCase
{
  public:
    WholeLifecycleTestCase()
        : TestCase("whole lifecycle: exact message sequence, SRB and protection at both ends")
    {
    }

  private:
    void DoRun() override
    {
        LifecycleScenario s;
        NrSecurityTestSchedule(MilliSeconds(100),
                               [&s]()
                               {
                                   s.Gnb()->SendNas(1, FromHex("7e0054"));
                                   s.Ue()->SendNas(FromHex("7e0055"));
                               });
        NrSecurityTestSchedule(MilliSeconds(200), [&s]() { s.Gnb()->Release(1); });
        s.Run(MilliSeconds(250));
        const std::vector<std::string> ue = {
            "1:tx rrcSetupRequest SRB0 none",
            "1:rx rrcSetup SRB0 none",
            "1:tx rrcSetupComplete SRB1 none",
            "1:rx securityModeCommand SRB1 integrity",
            "1:tx securityModeComplete SRB1 integrity",
            "1:rx ueCapabilityEnquiry SRB1 integrity+ciphering",
            "1:tx ueCapabilityInformation SRB1 integrity+ciphering",
            "1:rx rrcReconfiguration SRB1 integrity+ciphering",
            "1:tx rrcReconfigurationComplete SRB1 integrity+ciphering",
            "1:rx dlInformationTransfer SRB2 integrity+ciphering",
            "1:tx ulInformationTransfer SRB2 integrity+ciphering",
            "1:rx dlInformationTransfer SRB2 integrity+ciphering",
            "1:rx rrcRelease SRB1 integrity+ciphering",
        };
        NS_TEST_EXPECT_MSG_EQ(Join(s.ueMsgs), Join(ue), "UE: messages, SRBs, protection");
        // The gNB: the same, mirrored; at 100 ms it sends its DLInformationTransfer before the
        // UE's ULInformationTransfer arrives.
        std::vector<std::string> gnb;
        for (const auto& m : ue)
        {
            std::string g = m;
            g.replace(2, 2, m.substr(2, 2) == "tx" ? "rx" : "tx");
            gnb.push_back(g);
        }
        std::swap(gnb[10], gnb[11]);
        NS_TEST_EXPECT_MSG_EQ(Join(s.gnbMsgs), Join(gnb), "gNB: the same, mirrored");
        NS_TEST_EXPECT_MSG_EQ(Join(s.ueStates),
                              "1:IDLE->CONNECTING 1:CONNECTING->CONNECTED "
                              "1:CONNECTED->SECURITY_ACTIVE 1:SECURITY_ACTIVE->IDLE",
                              "UE states: RRC_IDLE, RRC_CONNECTED (security sub-states), RRC_IDLE");
        NS_TEST_EXPECT_MSG_EQ(Join(s.amfNas),
                              std::string("1:") + REGISTRATION_REQUEST + " 1:7e0055",
                              "NAS at the AMF: Initial UE Message, Uplink NAS Transport");
        NS_TEST_EXPECT_MSG_EQ(Join(s.ueNas),
                              std::string("1:") + REGISTRATION_ACCEPT + " 1:7e0054",
                              "NAS at the UE: the ICS NAS-PDU, then ours");
        NS_TEST_EXPECT_MSG_EQ(Join(s.sessions), "1:1:1:-C:ok", "default session on DRB1");
        NS_TEST_EXPECT_MSG_EQ(s.ueRefused.size() + s.gnbRefused.size(), 0u, "nothing refused");
        // On the air: SRB0 frames carry the CCCH message itself (no PDCP), SRBs a MAC-I.
        NS_TEST_ASSERT_MSG_EQ((s.air.size() >= 3), true, "frames");
        NS_TEST_EXPECT_MSG_EQ((s.air[0].type == NrSecurityRbType::SRB0 && s.air[0].uplink
                               && s.air[0].rbId == 0 && !s.air[0].macIPresent),
                              true,
                              "RRCSetupRequest on SRB0");
        NS_TEST_EXPECT_MSG_EQ(s.air[0].pdu->GetSize(), 6u, "48-bit UL-CCCH message");
        NS_TEST_EXPECT_MSG_EQ((s.air[1].type == NrSecurityRbType::SRB0 && !s.air[1].uplink),
                              true,
                              "RRCSetup on SRB0");
        NS_TEST_EXPECT_MSG_EQ((s.air[2].type == NrSecurityRbType::SRB && s.air[2].rbId == 1
                               && s.air[2].macIPresent && !s.air[2].integrity
                               && !s.air[2].ciphered),
                              true,
                              "RRCSetupComplete on SRB1, zero MAC-I, clear");
        // After RRCRelease: RRC_IDLE, no bearers, no AS keys (TS 38.331 5.3.11).
        NS_TEST_EXPECT_MSG_EQ(s.Ue()->IsConnected(), false, "RRC_IDLE");
        NS_TEST_EXPECT_MSG_EQ((s.Ue()->GetSrb1() == nullptr), true, "SRB1 released");
        NS_TEST_EXPECT_MSG_EQ((s.Ue()->GetDrb(1) == nullptr), true, "DRB1 released");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ue()->GetKgnb()), std::string(64, '0'), "K_gNB deleted");
        NS_TEST_EXPECT_MSG_EQ(NrSecurityRrcStateName(s.Gnb()->GetUeContext(1)->state),
                              "RELEASED",
                              "gNB context released");
    }

    static std::string Join(const std::vector<std::string>& v)
    {
        std::string s;
        for (const auto& x : v)
        {
            s += (s.empty() ? "" : " ") + x;
        }
        return s;
    }

    template <size_t N>
    static std::string Hex(const std::array<uint8_t, N>& k)
    {
        return ToHex(std::vector<uint8_t>(k.begin(), k.end()));
    }
};

/// After RRCRelease the UE connects again from RRC_IDLE: a fresh context, security and DRB.
class ReconnectTestCase : public TestCase
{
  public:
    ReconnectTestCase()
        : TestCase("release-then-connect: a released UE sets up a new connection")
    {
    }

  private:
    void DoRun() override
    {
        LifecycleScenario s;
        NrSecurityTestSchedule(MilliSeconds(100), [&s]() { s.Gnb()->Release(1); });
        NrSecurityTestSchedule(MilliSeconds(150), [&s]() { s.UeDev()->Attach(1); });
        s.Run(MilliSeconds(300));
        NS_TEST_EXPECT_MSG_EQ(s.Ue()->IsSecurityActive(), true, "secured again");
        NS_TEST_EXPECT_MSG_EQ((s.Ue()->GetDrb(1) != nullptr), true, "DRB1 again");
        NS_TEST_EXPECT_MSG_EQ(NrSecurityRrcStateName(s.Gnb()->GetUeContext(1)->state),
                              "SECURITY_ACTIVE",
                              "new gNB context");
        NS_TEST_EXPECT_MSG_EQ(s.sessions.size(), 2u, "the session set up twice");
        NS_TEST_EXPECT_MSG_EQ(s.ueRefused.size() + s.gnbRefused.size(), 0u, "nothing refused");
    }
};

/**
 * reconnect-key-reuse: a second RRC connection after RRCRelease gets a fresh K_gNB. Its
 * initial NAS message has the next uplink NAS COUNT (TS 24.501 4.4.3.1: the COUNT grows with
 * every NAS message sent) and K_gNB is derived from the uplink NAS COUNT of the initial NAS
 * message that set up the connection (TS 33.501 6.9.2.1.1, A.9). Reusing the first K_gNB with
 * fresh PDCP entities at COUNT 0 would use each COUNT twice under one key, bearer and
 * direction (TS 33.501 6.4.3, 6.5: keystream reuse on SRB1, SRB2 and the DRBs).
 */
class ReconnectKeyReuseTestCase : public TestCase
{
  public:
    ReconnectKeyReuseTestCase()
        : TestCase("reconnect-key-reuse: the second connection derives K_gNB from the next "
                   "uplink NAS COUNT")
    {
    }

  private:
    void DoRun() override
    {
        LifecycleScenario s;
        NrSecurityKey256 first{};
        uint32_t firstCount = 0;
        NrSecurityTestSchedule(MilliSeconds(99),
                               [&]()
                               {
                                   first = s.Ue()->GetKgnb();
                                   firstCount = s.Ue()->GetUlNasCount();
                               });
        NrSecurityTestSchedule(MilliSeconds(100), [&s]() { s.Gnb()->Release(1); });
        NrSecurityTestSchedule(MilliSeconds(150), [&s]() { s.UeDev()->Attach(1); });
        s.Run(MilliSeconds(300));
        const NrSecurityKey256 kAmf = s.nr->GetAmf()->GetUe(1).kAmf;
        NS_TEST_EXPECT_MSG_EQ(Hex(first),
                              Hex(NrSecurityKdf::DeriveKgnb(kAmf, firstCount)),
                              "first K_gNB from the configured COUNT");
        NS_TEST_ASSERT_MSG_EQ(s.Ue()->IsSecurityActive(), true, "secured again");
        NS_TEST_EXPECT_MSG_EQ(s.Ue()->GetUlNasCount(), firstCount + 1, "next NAS COUNT (UE)");
        NS_TEST_EXPECT_MSG_EQ(
            s.nr->GetAmf()->GetUe(1).ulNasCount, firstCount + 1, "next NAS COUNT (AMF)");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ue()->GetKgnb()),
                              Hex(NrSecurityKdf::DeriveKgnb(kAmf, firstCount + 1)),
                              "second K_gNB from the next COUNT");
        NS_TEST_EXPECT_MSG_NE(Hex(s.Ue()->GetKgnb()), Hex(first), "not the first K_gNB");
        NS_TEST_EXPECT_MSG_EQ(
            Hex(s.Gnb()->GetUeContext(1)->kGnb), Hex(s.Ue()->GetKgnb()), "gNB and UE agree");
    }

    static std::string Hex(const NrSecurityKey256& k)
    {
        return ToHex(std::vector<uint8_t>(k.begin(), k.end()));
    }
};

/// CapabilityEnquiry BeforeSecurity / None (TS 38.331 5.6.1: the network may ask before AS
/// security activation; the enquiry and the answer then go unprotected on SRB1). The UE
/// answers before security only with VulnerabilityCapabilitiesBeforeSecurity (issue 16; a
/// compliant UE refuses: nr-security-vulnerability-profiles).
class CapabilityEnquiryTestCase : public TestCase
{
  public:
    CapabilityEnquiryTestCase()
        : TestCase("capability enquiry before security goes unprotected; None sends none")
    {
    }

  private:
    void DoRun() override
    {
        {
            LifecycleScenario s;
            s.Gnb()->SetAttribute("CapabilityEnquiry", StringValue("BeforeSecurity"));
            s.Ue()->SetAttribute("VulnerabilityCapabilitiesBeforeSecurity", BooleanValue(true));
            s.Run(MilliSeconds(100));
            NS_TEST_ASSERT_MSG_EQ((s.ueMsgs.size() >= 6), true, "messages");
            NS_TEST_EXPECT_MSG_EQ(s.ueMsgs[3], "1:rx ueCapabilityEnquiry SRB1 none", "before SMC");
            NS_TEST_EXPECT_MSG_EQ(s.ueMsgs[4], "1:tx ueCapabilityInformation SRB1 none", "");
            NS_TEST_EXPECT_MSG_EQ(s.ueMsgs[5], "1:rx securityModeCommand SRB1 integrity", "");
            NS_TEST_EXPECT_MSG_EQ(s.Ue()->IsSecurityActive(), true, "then secured");
            NS_TEST_EXPECT_MSG_EQ(s.Gnb()->GetUeContext(1)->capabilityReceived, true, "received");
            NS_TEST_ASSERT_MSG_EQ(s.Gnb()->GetUeContext(1)->bandsNr.size(), 1u, "one band");
            NS_TEST_EXPECT_MSG_EQ(s.Gnb()->GetUeContext(1)->bandsNr[0], 78, "n78");
        }
        {
            LifecycleScenario s;
            s.Gnb()->SetAttribute("CapabilityEnquiry", StringValue("None"));
            s.Run(MilliSeconds(100));
            for (const auto& m : s.ueMsgs)
            {
                NS_TEST_EXPECT_MSG_EQ(m.find("apability"), std::string::npos, m);
            }
            NS_TEST_EXPECT_MSG_EQ((s.Ue()->GetDrb(1) != nullptr), true, "DRB set up anyway");
        }
        NS_TEST_EXPECT_MSG_EQ(CreateObject<NrSecurityGnbRrc>()->SetAttributeFailSafe(
                                  "CapabilityEnquiry", StringValue("Sometimes")),
                              false,
                              "the checker refuses other values");
    }
};

/**
 * RRCReject (TS 38.331 5.3.15): the gNB refuses setup (AdmitSetup false, or MaxUes reached)
 * with waitTime RejectWaitTime; the UE stops T300, starts T302 = waitTime and goes to RRC_IDLE;
 * Connect() while T302 runs is refused (traced, counted, nothing sent, 5.3.3.2); after T302
 * it sends an RRCSetupRequest again.
 */
class RejectT302TestCase : public TestCase
{
  public:
    RejectT302TestCase()
        : TestCase("reject-ignores-t302: RRCReject starts T302 = waitTime; Connect is refused "
                   "while it runs")
    {
    }

  private:
    void DoRun() override
    {
        {
            LifecycleScenario s;
            s.Gnb()->SetAttribute("AdmitSetup", BooleanValue(false));
            s.Gnb()->SetAttribute("RejectWaitTime", UintegerValue(3));
            bool refusedCall = true;
            NrSecurityTestSchedule(Seconds(1),
                                   [&s, &refusedCall]() { refusedCall = s.UeDev()->Attach(1); });
            NrSecurityTestSchedule(MilliSeconds(3500), [&s]() { s.UeDev()->Attach(1); });
            s.Run(Seconds(4));
            NS_TEST_EXPECT_MSG_EQ(refusedCall, false, "Connect during T302 returns false");
            NS_TEST_EXPECT_MSG_EQ(s.Ue()->GetConnectRefusals(), 1u, "counted");
            std::vector<std::string> setupRequests;
            for (const auto& m : s.ueMsgs)
            {
                if (m.find("tx rrcSetupRequest") != std::string::npos)
                {
                    setupRequests.push_back(m);
                }
            }
            NS_TEST_EXPECT_MSG_EQ(setupRequests.size(), 2u, "at 0 s and after T302 (3.5 s)");
            NS_TEST_ASSERT_MSG_EQ((s.ueMsgs.size() >= 2), true, "messages");
            NS_TEST_EXPECT_MSG_EQ(s.ueMsgs[1], "1:rx rrcReject SRB0 none", "RRCReject on SRB0");
            bool t302 = false;
            bool refused = false;
            bool expired = false;
            for (const auto& e : s.ueEvents)
            {
                t302 = t302 || e == "1:t302-start:3 s";
                refused = refused || e.rfind("1:connect-refused:T302 is running", 0) == 0;
                expired = expired || e.rfind("1:t302-expiry:", 0) == 0;
            }
            NS_TEST_EXPECT_MSG_EQ(t302, true, "T302 started with waitTime 3 s");
            NS_TEST_EXPECT_MSG_EQ(refused, true, "refusal traced with the reason");
            NS_TEST_EXPECT_MSG_EQ(expired, true, "T302 expired");
            NS_TEST_EXPECT_MSG_EQ(s.Ue()->IsConnected(), false, "RRC_IDLE");
            NS_TEST_EXPECT_MSG_EQ((s.Gnb()->GetUeContext(1) == nullptr), true, "no gNB context");
            NS_TEST_ASSERT_MSG_EQ(s.gnbEvents.empty(), false, "rejection traced at the gNB");
            NS_TEST_EXPECT_MSG_EQ(
                s.gnbEvents[0], "1:rejected:AdmitSetup is false; waitTime 3 s", "");
        }
        {
            // MaxUes 1: the second UE is rejected, the first is served.
            LifecycleScenario s(2);
            s.Gnb()->SetAttribute("MaxUes", UintegerValue(1));
            s.Run(MilliSeconds(100));
            NS_TEST_EXPECT_MSG_EQ(s.Ue(0)->IsSecurityActive(), true, "UE 1 served");
            NS_TEST_EXPECT_MSG_EQ(s.Ue(1)->IsConnected(), false, "UE 2 rejected");
            NS_TEST_EXPECT_MSG_EQ(s.Ue(1)->IsT302Running(), true, "UE 2 waits (T302)");
        }
        NS_TEST_EXPECT_MSG_EQ(CreateObject<NrSecurityGnbRrc>()->SetAttributeFailSafe(
                                  "RejectWaitTime", UintegerValue(17)),
                              false,
                              "RejectWaitTime is 1..16 s");
    }
};

/// T300 (TS 38.331 5.3.3.7): no answer to RRCSetupRequest -> RRC_IDLE, traced.
class T300ExpiryTestCase : public TestCase
{
  public:
    T300ExpiryTestCase()
        : TestCase("t300-never-expires: no answer to RRCSetupRequest within T300 -> RRC_IDLE")
    {
    }

  private:
    void DoRun() override
    {
        LifecycleScenario s;
        s.Ue()->SetAttribute("T300", TimeValue(MilliSeconds(400)));
        Time idleAt;
        s.Ue()->TraceConnectWithoutContext("ConnectionEvent",
                                           MakeBoundCallback(&T300ExpiryTestCase::At, &idleAt));
        // Cell 9 does not exist: the RRCSetupRequest reaches no gNB.
        NrSecurityTestSchedule(MilliSeconds(10), [&s]() { s.UeDev()->Attach(9); });
        s.Run(Seconds(1), false);
        NS_TEST_EXPECT_MSG_EQ(idleAt, MilliSeconds(410), "T300 (400 ms) after the request");
        NS_TEST_EXPECT_MSG_EQ(NrSecurityRrcStateName(s.Ue()->GetState()), "IDLE", "RRC_IDLE");
        NS_TEST_EXPECT_MSG_EQ(Join(s.ueStates), "1:IDLE->CONNECTING 1:CONNECTING->IDLE", "states");
        NS_TEST_EXPECT_MSG_EQ(s.Ue()->SetAttributeFailSafe("T300", TimeValue(MilliSeconds(500))),
                              false,
                              "500 ms is no TS 38.331 t300 value");
        NS_TEST_EXPECT_MSG_EQ(
            s.Ue()->SetAttributeFailSafe("T300", TimeValue(MilliSeconds(2000))), true, "ms2000 is");
    }

    static void At(Time* t, uint32_t, const std::string& event, const std::string&)
    {
        if (event == "t300-expiry")
        {
            *t = Simulator::Now();
        }
    }

    static std::string Join(const std::vector<std::string>& v)
    {
        std::string s;
        for (const auto& x : v)
        {
            s += (s.empty() ? "" : " ") + x;
        }
        return s;
    }
};

/**
 * TS 38.331 5.3.1.2: SRB2 and DRBs are set up only after AS security activation. An
 * RRCReconfiguration adding them while the UE is connected without AS security (4 ms: after
 * RRCSetupComplete, before the Initial Context Setup at 8 ms) is refused by the UE (traced with
 * the reason, counted), nothing of it is applied, and the UE goes to RRC_IDLE (5.3.5.8.2: unable
 * to comply before AS security activation).
 */
class DrbBeforeSecurityTestCase : public TestCase
{
  public:
    DrbBeforeSecurityTestCase()
        : TestCase("drb-before-security-accepted: the UE refuses SRB2 and DRBs before AS security")
    {
    }

  private:
    void DoRun() override
    {
        LifecycleScenario s;
        NrSecurityRadioBearerConfig rbc;
        rbc.srbsToAdd = {2};
        NrSecurityDrbConfig d;
        d.qfis = {9};
        rbc.drbsToAdd = {d};
        bool sent = false;
        NrSecurityTestSchedule(
            MilliSeconds(4),
            [&s, &sent, rbc]()
            { sent = s.Gnb()->SendDlDcch(1, Rrc::EncodeRrcReconfiguration(3, rbc)); });
        s.Run(MilliSeconds(100));
        NS_TEST_EXPECT_MSG_EQ(sent, true, "sent on SRB1 before the SMC");
        NS_TEST_ASSERT_MSG_EQ(s.ueRefused.size(), 2u, "the reconfiguration, then the SMC");
        NS_TEST_EXPECT_MSG_EQ(s.ueRefused[0],
                              "1:rrcReconfiguration:adds SRB2/DRBs before AS security activation "
                              "(TS 38.331 5.3.1.2, 5.3.5.8.2)",
                              "the reason");
        // The gNB's SecurityModeCommand (9 ms) finds the UE in RRC_IDLE without SRB1.
        NS_TEST_EXPECT_MSG_EQ(s.ueRefused[1], "1:unknown:PDU on SRB1, which is not set up", "");
        NS_TEST_EXPECT_MSG_EQ(s.Ue()->GetRefusedMessages(), 2u, "counted");
        NS_TEST_EXPECT_MSG_EQ((s.Ue()->GetSrb(2) == nullptr), true, "no SRB2");
        NS_TEST_EXPECT_MSG_EQ((s.Ue()->GetDrb(1) == nullptr), true, "no DRB");
        NS_TEST_EXPECT_MSG_EQ(s.Ue()->IsConnected(), false, "RRC_IDLE (5.3.5.8.2)");
        bool answered = false;
        for (const auto& m : s.ueMsgs)
        {
            answered = answered || m.find("tx rrcReconfigurationComplete") != std::string::npos;
        }
        NS_TEST_EXPECT_MSG_EQ(answered, false, "no RRCReconfigurationComplete");
    }
};

/**
 * Messages on the wrong SRB or not expected in the state are refused (MessageRefused with the
 * reason, counted) and change nothing: an RRCReconfiguration on SRB2 (an SRB1 message, TS
 * 38.331 6.2.2), an RRCSetup on SRB0 while connected (no RRCSetupRequest pending), an
 * RRCReconfigurationComplete at the gNB with no reconfiguration pending, and a PDU for an SRB
 * that is not set up.
 */
class WrongBearerTestCase : public TestCase
{
  public:
    WrongBearerTestCase()
        : TestCase("wrong-srb-accepted: messages on the wrong SRB or out of state are refused")
    {
    }

  private:
    void DoRun() override
    {
        LifecycleScenario s;
        NrSecurityTestSchedule(MilliSeconds(100),
                               [&s]()
                               {
                                   NrSecurityRadioBearerConfig none;
                                   std::vector<uint8_t> m = Rrc::EncodeRrcReconfiguration(2, none);
                                   s.Gnb()->GetSrb(1, 2)->TransmitSdu(
                                       Create<Packet>(m.data(), static_cast<uint32_t>(m.size())));
                                   NrSecurityRadioBearerConfig srb1;
                                   srb1.srbsToAdd = {1};
                                   std::vector<uint8_t> setup = Rrc::EncodeRrcSetup(0, srb1);
                                   NrSecurityAirFrame f;
                                   f.cellId = 1;
                                   f.ueId = 1;
                                   f.type = NrSecurityRbType::SRB0;
                                   f.rbId = 0;
                                   f.pdu = Create<Packet>(setup.data(),
                                                          static_cast<uint32_t>(setup.size()));
                                   s.nr->GetChannel()->Inject(f, MilliSeconds(1));
                                   s.Ue()->SendUlDcch(Rrc::EncodeRrcReconfigurationComplete(2));
                                   NrSecurityAirFrame srb3 = f;
                                   srb3.type = NrSecurityRbType::SRB;
                                   srb3.rbId = 3;
                                   srb3.pdu = Create<Packet>(8);
                                   s.nr->GetChannel()->Inject(srb3, MilliSeconds(1));
                               });
        s.Run(MilliSeconds(200));
        NS_TEST_ASSERT_MSG_EQ(s.ueRefused.size(), 3u, "three refused at the UE");
        NS_TEST_EXPECT_MSG_EQ(s.ueRefused[0],
                              "1:rrcReconfiguration:received on SRB2; it belongs on SRB1",
                              "wrong SRB");
        NS_TEST_EXPECT_MSG_EQ(s.ueRefused[1],
                              "1:rrcSetup:no RRCSetupRequest is pending (T300 not running)",
                              "RRCSetup while connected");
        NS_TEST_EXPECT_MSG_EQ(s.ueRefused[2], "1:unknown:PDU on SRB3, which is not set up", "SRB3");
        NS_TEST_EXPECT_MSG_EQ(s.Ue()->GetRefusedMessages(), 3u, "counted");
        NS_TEST_ASSERT_MSG_EQ(s.gnbRefused.size(), 1u, "one refused at the gNB");
        NS_TEST_EXPECT_MSG_EQ(s.gnbRefused[0],
                              "1:rrcReconfigurationComplete:no RRCReconfiguration is pending",
                              "unexpected Complete");
        NS_TEST_EXPECT_MSG_EQ(s.Ue()->IsSecurityActive(), true, "nothing changed");
        NS_TEST_EXPECT_MSG_EQ(s.Ue()->GetDrbConfigs().size(), 1u, "DRB1 kept");
    }
};

/**
 * Capability transfer guard after AS security (CapabilityEnquiryTimer, CapabilityEnquiryRetries;
 * TS 38.331 5.6.1 leaves the failure case to the network). The gNB loses every ARQ attempt of
 * the UE's first UECapabilityInformation (1 + MaxRetransmissions 4; the UE's
 * ArqRadioLinkFailure is off, so the UE keeps its connection), and an altered copy of it (one
 * bit of the ciphered message flipped) arrives instead: PDCP discards it, one SRB integrity
 * failure (TS 38.323 5.2.2.1), nothing stored. CapabilityEnquiryTimer (200 ms) after the
 * enquiry the gNB asks again with a new rrc-TransactionIdentifier; the UE's second answer
 * verifies, the gNB stores its bands and sets up the DRB. With every answer lost and
 * CapabilityEnquiryRetries 1, the gNB releases the connection with RRCRelease after the
 * second enquiry.
 */
class CapabilityRetryTestCase : public TestCase
{
  public:
    CapabilityRetryTestCase()
        : TestCase("capability-retry: an unanswered or altered UECapabilityInformation after "
                   "security is asked for again; after the retries the UE is released")
    {
    }

  private:
    /// The UE's first UECapabilityInformation: SRB1 uplink, the third PDU (RRCSetupComplete,
    /// SecurityModeComplete, it).
    static bool IsFirstCapabilityInformation(const NrSecurityAirFrame& f, uint32_t* ulSrb1)
    {
        if (f.attempt != 0 || !f.uplink || f.type != NrSecurityRbType::SRB || f.rbId != 1
            || f.IsForged())
        {
            return false;
        }
        return ++*ulSrb1 == 3;
    }

    void DoRun() override
    {
        {
            LifecycleScenario s;
            Ptr<DropFirstErrorModel> drop = CreateObject<DropFirstErrorModel>();
            drop->m_skip = 3;  // RRCSetupRequest, RRCSetupComplete, SecurityModeComplete
            drop->m_count = 5; // every attempt of the first UECapabilityInformation
            s.gnbs.Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(drop));
            s.ues.Get(0)->SetAttribute("ArqRadioLinkFailure", BooleanValue(false));
            s.Ue()->SetAttribute("SupportedBandsNr", StringValue("1,3,78"));
            uint32_t ulSrb1 = 0;
            Ptr<NrSecurityChannel> channel = s.nr->GetChannel();
            channel->AddTap(NrSecurityTestCallback<void, const NrSecurityAirFrame&>(
                [&ulSrb1, channel](const NrSecurityAirFrame& f)
                {
                    if (!IsFirstCapabilityInformation(f, &ulSrb1))
                    {
                        return;
                    }
                    NrSecurityAirFrame altered = f;
                    std::vector<uint8_t> b(f.pdu->GetSize());
                    f.pdu->CopyData(b.data(), b.size());
                    b[3] ^= 0x01; // a bit of the ciphered UL-DCCH message
                    altered.pdu = Create<Packet>(b.data(), static_cast<uint32_t>(b.size()));
                    channel->Inject(altered, MilliSeconds(1));
                }));
            s.Run(MilliSeconds(400));
            Ptr<NrSecurityGnbRrc> g = s.Gnb();
            NS_TEST_EXPECT_MSG_EQ(g->GetSrbIntegrityFailures(), 1u, "the altered copy fails");
            NS_TEST_EXPECT_MSG_EQ(g->GetCapabilityEnquiriesSent(), 2u, "enquiry + one retry");
            NS_TEST_EXPECT_MSG_EQ(g->GetCapabilityEnquiryRetries(), 1u, "one retry");
            NS_TEST_EXPECT_MSG_EQ(s.Ue()->GetCapabilityInformationsSent(), 2u, "two answers");
            std::string stored;
            for (uint16_t b : g->GetStoredCapabilities(1))
            {
                stored += (stored.empty() ? "" : ",") + std::to_string(b);
            }
            NS_TEST_EXPECT_MSG_EQ(stored, "1,3,78", "the UE's own bands");
            NS_TEST_EXPECT_MSG_EQ(g->GetStoredCapabilitiesBeforeSecurity(1), false, "after");
            std::vector<std::string> retries;
            for (const auto& e : s.gnbEvents)
            {
                if (e.rfind("1:capability-enquiry", 0) == 0)
                {
                    retries.push_back(e);
                }
            }
            NS_TEST_EXPECT_MSG_EQ(retries.size(), 1u, "one guard event");
            NS_TEST_EXPECT_MSG_EQ(retries.empty() ? std::string() : retries[0],
                                  "1:capability-enquiry-retry:no valid UECapabilityInformation "
                                  "within 200 ms (rrc-TransactionIdentifier 2); "
                                  "UECapabilityEnquiry again, retry 1 of 2, "
                                  "rrc-TransactionIdentifier 3",
                                  "traced: RRCSetup 0, SMC 1, enquiry 2, retry 3");
            NS_TEST_EXPECT_MSG_EQ((s.Ue()->GetDrb(1) != nullptr), true, "DRB set up");
            NS_TEST_EXPECT_MSG_EQ(
                St(g->GetUeState(1)), St(NrSecurityRrcState::SECURITY_ACTIVE), "connected");
        }
        {
            LifecycleScenario s;
            Ptr<DropFirstErrorModel> drop = CreateObject<DropFirstErrorModel>();
            drop->m_skip = 3;
            drop->m_count = 1000; // every later uplink attempt
            s.gnbs.Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(drop));
            s.ues.Get(0)->SetAttribute("ArqRadioLinkFailure", BooleanValue(false));
            s.Gnb()->SetAttribute("CapabilityEnquiryRetries", UintegerValue(1));
            s.Run(MilliSeconds(600));
            Ptr<NrSecurityGnbRrc> g = s.Gnb();
            NS_TEST_EXPECT_MSG_EQ(g->GetCapabilityEnquiriesSent(), 2u, "enquiry + one retry");
            NS_TEST_EXPECT_MSG_EQ(g->GetCapabilityEnquiryRetries(), 1u, "one retry");
            NS_TEST_EXPECT_MSG_EQ(g->GetStoredCapabilities(1).size(), 0u, "nothing stored");
            NS_TEST_EXPECT_MSG_EQ(
                St(g->GetUeState(1)), St(NrSecurityRrcState::RELEASED), "released");
            NS_TEST_EXPECT_MSG_EQ(
                St(s.Ue()->GetState()), St(NrSecurityRrcState::IDLE), "the UE got the RRCRelease");
            NS_TEST_EXPECT_MSG_EQ((s.Ue()->GetDrb(1) == nullptr), true, "no DRB");
            bool failed = false;
            for (const auto& e : s.gnbEvents)
            {
                failed |= e
                          == "1:capability-enquiry-failed:no valid UECapabilityInformation "
                             "after 2 UECapabilityEnquiry messages, 200 ms each";
            }
            NS_TEST_EXPECT_MSG_EQ(failed, true, "traced");
        }
        Ptr<NrSecurityGnbRrc> g = CreateObject<NrSecurityGnbRrc>();
        NS_TEST_EXPECT_MSG_EQ(g->SetAttributeFailSafe("CapabilityEnquiryTimer", TimeValue(Time(0))),
                              false,
                              "the timer must be > 0");
        NS_TEST_EXPECT_MSG_EQ(
            g->SetAttributeFailSafe("CapabilityEnquiryRetries", UintegerValue(9)), false, "0..8");
    }

    static std::string St(NrSecurityRrcState st)
    {
        return NrSecurityRrcStateName(st);
    }
};

class NrSecurityLifecycleTestSuite : public TestSuite
{
  public:
    NrSecurityLifecycleTestSuite()
        : TestSuite("nr-security-lifecycle")
    {
        AddTestCase(new WholeLifecycleTestCase);
        AddTestCase(new ReconnectTestCase);
        AddTestCase(new ReconnectKeyReuseTestCase);
        AddTestCase(new CapabilityEnquiryTestCase);
        AddTestCase(new CapabilityRetryTestCase);
        AddTestCase(new RejectT302TestCase);
        AddTestCase(new T300ExpiryTestCase);
        AddTestCase(new DrbBeforeSecurityTestCase);
        AddTestCase(new WrongBearerTestCase);
    }
};

NrSecurityLifecycleTestSuite g_nrSecurityLifecycleTestSuite;

} // namespace
