// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The failure paths of the AS Security Mode Command procedure end to end (TS 38.331 5.3.4,
 * TS 33.501 6.7.4): S1 (an unverified SMC accepted, a fault that shipped in real stacks), a
 * wrong K_AMF, a replayed SMC, an SMC while security is active, a tampered
 * SecurityModeComplete and one for another transaction.
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

/// S1: the UE verifies the SMC before doing anything with it.
class SmcVerifiedFirstTestCase : public TestCase
{
  public:
    SmcVerifiedFirstTestCase()
        : TestCase("S1 unverified-smc-accepted: a flipped SMC MAC-I bit gets SecurityModeFailure")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s(1);
        s.nr->SetUeSecurityContext(
            s.ues.Get(0), NrSecurityAlgorithms::Key256FromBytes(FromHex(R1_K_AMF)), 0);
        // The genuine SMC is lost (no ARQ); an attacker's copy with one MAC-I bit flipped
        // arrives instead.
        s.nr->GetChannel()->SetAttribute("MaxRetransmissions", UintegerValue(0));
        Ptr<DropFirstErrorModel> drop = CreateObject<DropFirstErrorModel>();
        drop->m_skip = 1; // RRCSetup
        s.ues.Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(drop));
        s.nr->GetChannel()->AddTap(MakeCallback(&SmcVerifiedFirstTestCase::Tamper, this));
        m_channel = s.nr->GetChannel();
        s.Run();
        NS_TEST_ASSERT_MSG_EQ(s.ueFailures.size(), 1u, "UE answered SecurityModeFailure");
        NS_TEST_EXPECT_MSG_EQ(
            s.ueFailures[0], "1:SecurityModeCommand failed the integrity check", "reason");
        NS_TEST_EXPECT_MSG_EQ(s.Ue(0)->IsSecurityActive(), false, "nothing activated");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ue(0)->GetKgnb()), std::string(64, '0'), "no key kept");
        NS_TEST_EXPECT_MSG_EQ(s.Ue(0)->GetSrb1()->IsIntegrityActive(), false, "no protection");
        auto ul = s.Pdus(1, true);
        NS_TEST_ASSERT_MSG_EQ(ul.size(), 1u, "one uplink PDU");
        NS_TEST_EXPECT_MSG_EQ(ul[0],
                              "0001" + ToHex(NrSecurityRrcMessage::EncodeSecurityModeFailure(1))
                                  + "00000000",
                              "SecurityModeFailure (tid 1 = 3200), unprotected, COUNT 1 (after "
                              "RRCSetupComplete)");
        NS_TEST_ASSERT_MSG_EQ(s.gnbFailures.size(), 1u, "gNB traces the failure");
        NS_TEST_EXPECT_MSG_EQ(s.gnbFailures[0], "1:the UE answered SecurityModeFailure", "gNB");
        NS_TEST_EXPECT_MSG_EQ(s.activations.size(), 0u, "no activation");
        NS_TEST_EXPECT_MSG_EQ(NrSecurityRrcStateName(s.Gnb()->GetUeContext(1)->state),
                              "RELEASED",
                              "UE context released");
    }

    void Tamper(const NrSecurityAirFrame& f)
    {
        if (!f.uplink && !m_done && !IsSetupFrame(f))
        {
            m_done = true;
            std::vector<uint8_t> b(f.pdu->GetSize());
            f.pdu->CopyData(b.data(), b.size());
            b.back() ^= 0x01;
            NrSecurityAirFrame forged = f;
            forged.pdu = Create<Packet>(b.data(), b.size());
            m_channel->Inject(forged, MilliSeconds(2));
        }
    }

    Ptr<NrSecurityChannel> m_channel;
    bool m_done = false;
};

/// A UE whose K_AMF differs from the AMF's fails the SMC integrity check.
class WrongKamfTestCase : public TestCase
{
  public:
    WrongKamfTestCase()
        : TestCase("wrong K_AMF at the UE: SecurityModeFailure, nothing activated")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s(2);
        NrSecurityKey256 wrong = s.Ue(0)->GetKamf();
        wrong[31] ^= 0x01;
        s.Ue(0)->SetNasSecurityContext(wrong, s.Ue(0)->GetUlNasCount());
        s.Run();
        NS_TEST_ASSERT_MSG_EQ(s.ueFailures.size(), 1u, "UE 1 fails");
        NS_TEST_EXPECT_MSG_EQ(
            s.ueFailures[0], "1:SecurityModeCommand failed the integrity check", "reason");
        NS_TEST_ASSERT_MSG_EQ(s.activations.size(), 1u, "UE 2 is unaffected");
        NS_TEST_EXPECT_MSG_EQ(s.activations[0].substr(0, 2), "2:", "UE 2");
    }
};

/// A replayed SMC after activation is discarded by PDCP: no second procedure.
class ReplayedSmcTestCase : public TestCase
{
  public:
    ReplayedSmcTestCase()
        : TestCase("replayed SecurityModeCommand after activation is discarded")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s(1);
        NrSecurityTestSchedule(MilliSeconds(200),
                               [&s]()
                               {
                                   NrSecurityAirFrame replay
                                       = s.air.at(0); // the genuine SMC, first PDU on the air
                                   s.nr->GetChannel()->Inject(replay, MilliSeconds(1));
                               });
        uint32_t steps = 0;
        s.Ue(0)->TraceConnectWithoutContext("SmcStep",
                                            MakeBoundCallback(&ReplayedSmcTestCase::Count, &steps));
        s.Run();
        NS_TEST_EXPECT_MSG_EQ(s.Ue(0)->IsSecurityActive(), true, "still active");
        NS_TEST_EXPECT_MSG_EQ(steps, 8u, "steps 26-33 once, not twice");
        NS_TEST_EXPECT_MSG_EQ(s.Pdus(1, true).size(), 1u, "one SecurityModeComplete only");
        NS_TEST_EXPECT_MSG_EQ(
            s.Ue(0)->GetSrb1()->GetCounters().outOfWindow, 1u, "discarded: RCVD_COUNT < RX_DELIV");
        NS_TEST_EXPECT_MSG_EQ(s.ueFailures.size(), 0u, "no failure");
    }

    static void Count(uint32_t* n, uint32_t, uint32_t, const std::string&)
    {
        ++*n;
    }
};

/**
 * A valid SecurityModeCommand while AS security is active (TS 38.331 5.3.4.1, 5.3.4.2: the
 * procedure is the initial AS security activation, run while only SRB1 exists): the gNB sends a
 * second SMC (transaction 2, NEA1/NIA1) at 100 ms, after activation, through SendDlDcch, so it
 * is ciphered and integrity-protected with the active keys and carries a fresh COUNT (1). PDCP
 * verifies and delivers it; the UE RRC refuses it (MessageRefused, counted): no step of the
 * procedure, no key derived, no answer, keys and algorithms unchanged.
 */
class SmcWhileActiveTestCase : public TestCase
{
  public:
    SmcWhileActiveTestCase()
        : TestCase("smc-while-active: a valid, protected SecurityModeCommand with a fresh COUNT "
                   "is refused by the UE RRC")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s(1);
        s.nr->SetUeSecurityContext(
            s.ues.Get(0), NrSecurityAlgorithms::Key256FromBytes(FromHex(R1_K_AMF)), 0);
        NrSecurityTestSchedule(
            MilliSeconds(100),
            [&s]()
            {
                s.Gnb()->SendDlDcch(
                    1,
                    NrSecurityRrcMessage::EncodeSecurityModeCommand(
                        2, NrSecurityCiphering::NEA1, true, NrSecurityIntegrity::NIA1));
            });
        uint32_t steps = 0;
        uint32_t keys = 0;
        std::vector<std::string> refused;
        s.Ue(0)->TraceConnectWithoutContext(
            "SmcStep", MakeBoundCallback(&SmcWhileActiveTestCase::Count, &steps));
        s.Ue(0)->TraceConnectWithoutContext(
            "KeyDerived", MakeBoundCallback(&SmcWhileActiveTestCase::CountKey, &keys));
        s.Ue(0)->TraceConnectWithoutContext(
            "MessageRefused", MakeBoundCallback(&SmcWhileActiveTestCase::Refused, &refused));
        s.Run();
        NS_TEST_ASSERT_MSG_EQ(s.Pdus(1, false).size(), 2u, "SMC and the second SMC on the air");
        NS_TEST_EXPECT_MSG_EQ(
            s.Ue(0)->GetSrb1()->GetCounters().rxDelivered, 2u, "PDCP verified and delivered it");
        NS_TEST_EXPECT_MSG_EQ(s.Ue(0)->GetSrb1()->GetCounters().integrityFailures, 0u, "valid");
        NS_TEST_ASSERT_MSG_EQ(refused.size(), 1u, "refused by RRC");
        NS_TEST_EXPECT_MSG_EQ(refused[0],
                              "1:securityModeCommand:AS security is already active (TS 38.331 "
                              "5.3.4: initial activation only)",
                              "COUNT, message and reason");
        NS_TEST_EXPECT_MSG_EQ(s.Ue(0)->GetRefusedMessages(), 1u, "counted");
        NS_TEST_EXPECT_MSG_EQ(steps, 8u, "steps 26-33 once, none for the refused SMC");
        NS_TEST_EXPECT_MSG_EQ(keys, 5u, "five keys, derived once");
        NS_TEST_EXPECT_MSG_EQ(s.Pdus(1, true).size(), 1u, "no answer: one Complete only");
        NS_TEST_EXPECT_MSG_EQ(NrSecurityAlgorithms::Name(s.Ue(0)->GetCiphering()), "NEA2", "kept");
        NS_TEST_EXPECT_MSG_EQ(NrSecurityAlgorithms::Name(s.Ue(0)->GetIntegrity()), "NIA2", "kept");
        NS_TEST_EXPECT_MSG_EQ(
            Hex(s.Ue(0)->GetAsKeys().kRrcInt), "3dc37c61c21fb16740a2b2fe27783646", "K_RRCint kept");
        NS_TEST_EXPECT_MSG_EQ(s.ueSdus.size(), 0u, "not delivered as an SDU");
        NS_TEST_EXPECT_MSG_EQ(s.ueFailures.size(), 0u, "no failure");
    }

    static void Count(uint32_t* n, uint32_t, uint32_t, const std::string&)
    {
        ++*n;
    }

    static void CountKey(
        uint32_t* n, uint32_t, const std::string&, const std::vector<uint8_t>&, uint32_t)
    {
        ++*n;
    }

    static void Refused(std::vector<std::string>* v,
                        uint32_t,
                        uint32_t count,
                        const std::string& name,
                        const std::string& reason)
    {
        v->push_back(std::to_string(count) + ":" + name + ":" + reason);
    }
};

/// A SecurityModeComplete failing verification at the gNB: traced, UE context released.
class TamperedCompleteTestCase : public TestCase
{
  public:
    TamperedCompleteTestCase()
        : TestCase("tampered SecurityModeComplete: the gNB releases the UE context")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s(1);
        s.nr->GetChannel()->SetAttribute("MaxRetransmissions", UintegerValue(0));
        Ptr<DropFirstErrorModel> drop = CreateObject<DropFirstErrorModel>();
        drop->m_skip = 2; // RRCSetupRequest, RRCSetupComplete
        s.gnbs.Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(drop));
        m_channel = s.nr->GetChannel();
        s.nr->GetChannel()->AddTap(MakeCallback(&TamperedCompleteTestCase::Tamper, this));
        s.Run();
        NS_TEST_ASSERT_MSG_EQ(s.gnbFailures.size(), 1u, "gNB traces");
        NS_TEST_EXPECT_MSG_EQ(s.gnbFailures[0],
                              "1:SecurityModeComplete failed the integrity check (COUNT 1)",
                              "reason");
        NS_TEST_EXPECT_MSG_EQ(
            NrSecurityRrcStateName(s.Gnb()->GetUeContext(1)->state), "RELEASED", "released");
        NS_TEST_EXPECT_MSG_EQ(s.activations.size(), 0u, "no activation at the gNB");
    }

    void Tamper(const NrSecurityAirFrame& f)
    {
        if (f.uplink && !m_done && !IsSetupFrame(f))
        {
            m_done = true;
            std::vector<uint8_t> b(f.pdu->GetSize());
            f.pdu->CopyData(b.data(), b.size());
            b[2] ^= 0x02; // transaction id 1 -> 0 inside the message
            NrSecurityAirFrame forged = f;
            forged.pdu = Create<Packet>(b.data(), b.size());
            m_channel->Inject(forged, MilliSeconds(2));
        }
    }

    Ptr<NrSecurityChannel> m_channel;
    bool m_done = false;
};

/**
 * A SecurityModeComplete with a valid MAC-I but another rrc-TransactionIdentifier (TS 38.331
 * 6.3.2: a response carries the identifier of the request it answers; 5.3.4.3: the Complete
 * answers the SecurityModeCommand). The genuine Complete (transaction 1) is lost (no ARQ); a
 * Complete for transaction 0 (UL-DCCH 28 00), integrity-protected with the right K_RRCint and
 * COUNT 1 (NIA2, BEARER 0, DIRECTION 0; COUNT 0 is the RRCSetupComplete), arrives instead. It
 * passes the MAC-I check and is refused: MessageRefused names the message and both identifiers, the
 * procedure is not completed (no step 32/33, no activation, no uplink deciphering) and the guard
 * timer releases the UE context after 1 s.
 */
class MismatchedTransactionCompleteTestCase : public TestCase
{
  public:
    MismatchedTransactionCompleteTestCase()
        : TestCase("mismatched-transaction-complete: a valid-MAC SecurityModeComplete for another "
                   "transaction does not complete the procedure")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s(1);
        s.nr->SetUeSecurityContext(
            s.ues.Get(0), NrSecurityAlgorithms::Key256FromBytes(FromHex(R1_K_AMF)), 0);
        s.nr->GetChannel()->SetAttribute("MaxRetransmissions", UintegerValue(0));
        Ptr<DropFirstErrorModel> drop = CreateObject<DropFirstErrorModel>();
        drop->m_skip = 2; // RRCSetupRequest, RRCSetupComplete
        s.gnbs.Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(drop));
        m_channel = s.nr->GetChannel();
        s.nr->GetChannel()->AddTap(
            MakeCallback(&MismatchedTransactionCompleteTestCase::Forge, this));
        std::vector<std::string> refused;
        s.Gnb()->TraceConnectWithoutContext(
            "MessageRefused",
            MakeBoundCallback(&MismatchedTransactionCompleteTestCase::Refused, &refused));
        uint32_t gnbSteps = 0;
        s.Gnb()->TraceConnectWithoutContext(
            "SmcStep", MakeBoundCallback(&MismatchedTransactionCompleteTestCase::Count, &gnbSteps));
        s.Run();
        NS_TEST_ASSERT_MSG_EQ(m_forged.empty(), false, "forged");
        NS_TEST_EXPECT_MSG_EQ(m_forged, "00012800" + ToHex32(m_mac), "Complete, transaction 0");
        NS_TEST_EXPECT_MSG_EQ(
            s.Pdus(1, true).at(0), "00012a0030f51d7b", "the genuine one (P4's message at COUNT 1)");
        NS_TEST_EXPECT_MSG_EQ(s.Gnb()->GetUeContext(1)->srb1->GetCounters().integrityFailures,
                              0u,
                              "the forged Complete's MAC-I is valid");
        NS_TEST_ASSERT_MSG_EQ(refused.size(), 1u, "refused");
        NS_TEST_EXPECT_MSG_EQ(refused[0],
                              "1:securityModeComplete:rrc-TransactionIdentifier 0 does not match "
                              "the SecurityModeCommand's 1",
                              "COUNT, message and reason");
        NS_TEST_EXPECT_MSG_EQ(s.activations.size(), 0u, "no activation at the gNB");
        NS_TEST_EXPECT_MSG_EQ(gnbSteps, 2u, "steps 26 only (SMC sent, downlink ciphering)");
        NS_TEST_ASSERT_MSG_EQ(s.gnbFailures.size(), 1u, "the guard timer ends the procedure");
        NS_TEST_EXPECT_MSG_EQ(s.gnbFailures[0],
                              "1:no answer to SecurityModeCommand before the guard timer",
                              "reason");
        NS_TEST_EXPECT_MSG_EQ(
            NrSecurityRrcStateName(s.Gnb()->GetUeContext(1)->state), "RELEASED", "released");
    }

    /// Replaces the genuine Complete (lost) by one for transaction 0 with a valid MAC-I.
    void Forge(const NrSecurityAirFrame& f)
    {
        if (!f.uplink || !m_forged.empty() || IsSetupFrame(f))
        {
            return;
        }
        const NrSecurityGnbUeContext* g = m_channel->GetGnb(1)->GetRrc()->GetUeContext(1);
        std::vector<uint8_t> covered = FromHex("00012800"); // SN 1 || UL-DCCH Complete, tid 0
        m_mac = NrSecurityAlgorithms::Nia(
            NrSecurityIntegrity::NIA2, g->keys.kRrcInt, 1, 0, 0, covered, 32);
        m_forged = ToHex(covered) + ToHex32(m_mac);
        std::vector<uint8_t> b = FromHex(m_forged);
        NrSecurityAirFrame forged = f;
        forged.pdu = Create<Packet>(b.data(), b.size());
        m_channel->Inject(forged, MilliSeconds(2));
    }

    static void Count(uint32_t* n, uint32_t, uint32_t, const std::string&)
    {
        ++*n;
    }

    static void Refused(std::vector<std::string>* v,
                        uint32_t,
                        uint32_t count,
                        const std::string& name,
                        const std::string& reason)
    {
        v->push_back(std::to_string(count) + ":" + name + ":" + reason);
    }

    Ptr<NrSecurityChannel> m_channel;
    std::string m_forged;
    uint32_t m_mac = 0;
};

class NrSecuritySmcFailuresTestSuite : public TestSuite
{
  public:
    NrSecuritySmcFailuresTestSuite()
        : TestSuite("nr-security-smc-failures")
    {
        AddTestCase(new SmcVerifiedFirstTestCase);
        AddTestCase(new WrongKamfTestCase);
        AddTestCase(new ReplayedSmcTestCase);
        AddTestCase(new SmcWhileActiveTestCase);
        AddTestCase(new TamperedCompleteTestCase);
        AddTestCase(new MismatchedTransactionCompleteTestCase);
    }
};

NrSecuritySmcFailuresTestSuite g_nrSecuritySmcFailuresTestSuite;

} // namespace
