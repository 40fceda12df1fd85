// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * User-plane security of the RRC lifecycle: the UP security policy of each PDU session (TS
 * 33.501 6.6.1) and the gNB's activation decision per DRB (6.6.2) as RRCReconfiguration tells
 * the UE (TS 38.331 PDCP-Config integrityProtection, cipheringDisabled); user data through
 * SDAP (TS 37.324 6.2.2) and the DRB PDCP entities (TS 38.323) with K_UPenc / K_UPint
 * (TS 33.501 A.8), exact on-air bytes.
 */
#include "nr-security-lifecycle-test-scenario.h"
#include "nr-security-test-events.h"
#include "ns3/boolean.h"
#include "ns3/nr-security-sdap.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

using Policy = NrSecurityUpPolicy;

/// A 20-byte IPv4-like payload (the content is opaque to the RRC and PDCP).
const char* const UL_PACKET = "4500001400000000401100000a0000010a000002";
const char* const DL_PACKET = "4500001400010000401100000a0000020a000001";

Ptr<Packet>
Pkt(const std::string& hex)
{
    std::vector<uint8_t> b = FromHex(hex);
    return Create<Packet>(b.data(), static_cast<uint32_t>(b.size()));
}

/**
 * Every UP integrity x confidentiality policy (REQUIRED, PREFERRED, NOT_NEEDED) against every
 * gNB capability (UpIntegritySupported x UpConfidentialitySupported). TS 33.501 6.6.2: the
 * gNB activates a function if its policy is REQUIRED (rejecting the PDU session if it cannot)
 * or PREFERRED and the gNB can, never if NOT_NEEDED. The table below is that rule written out
 * (I: integrity on, C: ciphering on, R: the session is rejected), per gNB capability
 * (both, integrity only, ciphering only, none). Each case checks the UE's DRB configuration,
 * both PDCP entities, the PduSessionSetup trace and the AMF's result, the MAC-I field of the
 * DRB PDUs on the air (present iff integrity, TS 38.323 6.2.2.3), the payload in clear iff
 * ciphering is off, and user data both ways.
 */
class UpPolicyTestCase : public TestCase
{
  public:
    UpPolicyTestCase()
        : TestCase("up-policy-ignored: 3x3 UP policies x gNB support -> exact DRB security, "
                   "MAC-I presence, rejection")
    {
    }

  private:
    struct Row
    {
        Policy integrity;
        Policy confidentiality;
        const char* expected[4]; ///< gNB supports both, integrity only, ciphering only, none
    };

    void DoRun() override
    {
        const Policy REQ = Policy::REQUIRED;
        const Policy PREF = Policy::PREFERRED;
        const Policy NN = Policy::NOT_NEEDED;
        const std::vector<Row> table = {
            {REQ, REQ, {"IC", "R", "R", "R"}},
            {REQ, PREF, {"IC", "I-", "R", "R"}},
            {REQ, NN, {"I-", "I-", "R", "R"}},
            {PREF, REQ, {"IC", "R", "-C", "R"}},
            {PREF, PREF, {"IC", "I-", "-C", "--"}},
            {PREF, NN, {"I-", "I-", "--", "--"}},
            {NN, REQ, {"-C", "R", "-C", "R"}},
            {NN, PREF, {"-C", "--", "-C", "--"}},
            {NN, NN, {"--", "--", "--", "--"}},
        };
        const bool supInt[4] = {true, true, false, false};
        const bool supEnc[4] = {true, false, true, false};
        for (const Row& row : table)
        {
            for (int g = 0; g < 4; ++g)
            {
                Check(row.integrity, row.confidentiality, supInt[g], supEnc[g], row.expected[g]);
            }
        }
    }

    void Check(Policy ip, Policy cp, bool supInt, bool supEnc, const std::string& expected)
    {
        const std::string what = NrSecurityUpPolicyName(ip) + "/" + NrSecurityUpPolicyName(cp)
                                 + " gNB " + (supInt ? "I" : "-") + (supEnc ? "C" : "-");
        LifecycleScenario s;
        NrSecurityPduSession session;
        session.pduSessionId = 5;
        session.qfis = {9};
        session.integrity = ip;
        session.confidentiality = cp;
        s.SetSessions({session});
        s.Gnb()->SetAttribute("UpIntegritySupported", BooleanValue(supInt));
        s.Gnb()->SetAttribute("UpConfidentialitySupported", BooleanValue(supEnc));
        bool ulOk = true;
        bool dlOk = true;
        NrSecurityTestSchedule(MilliSeconds(50),
                               [&s, &ulOk, &dlOk]()
                               {
                                   ulOk = s.Ue()->SendUserData(Pkt(UL_PACKET), 9);
                                   dlOk = s.Gnb()->SendUserData(1, 5, 9, Pkt(DL_PACKET));
                               });
        s.Run(MilliSeconds(100));
        NS_TEST_ASSERT_MSG_EQ(s.Ue()->IsSecurityActive(), true, what);
        NS_TEST_ASSERT_MSG_EQ(s.sessions.size(), 1u, what << ": one PduSessionSetup");
        std::vector<NrSecurityPduSessionResult> amf = s.nr->GetAmf()->GetPduSessionResults(1);
        NS_TEST_ASSERT_MSG_EQ(amf.size(), 1u, what << ": reported to the AMF");
        if (expected == "R")
        {
            const std::string reason = ip == Policy::REQUIRED && !supInt
                                           ? "UP integrity REQUIRED, the gNB does not support it"
                                           : "UP confidentiality REQUIRED, the gNB does not "
                                             "support it";
            NS_TEST_EXPECT_MSG_EQ(s.sessions[0], "1:5:0:--:" + reason, what);
            NS_TEST_EXPECT_MSG_EQ(amf[0].ok, false, what);
            NS_TEST_EXPECT_MSG_EQ(amf[0].reason, reason, what);
            NS_TEST_EXPECT_MSG_EQ(s.Gnb()->GetPduSessionResult(1, 5).ok, false, what);
            NS_TEST_EXPECT_MSG_EQ(s.Ue()->GetDrbConfigs().size(), 0u, what << ": no DRB");
            NS_TEST_EXPECT_MSG_EQ((s.Ue()->GetSrb(2) == nullptr), true, what << ": no SRB2");
            NS_TEST_EXPECT_MSG_EQ(ulOk, false, what << ": no DRB for UL data");
            NS_TEST_EXPECT_MSG_EQ(dlOk, false, what << ": no DRB for DL data");
            NS_TEST_EXPECT_MSG_EQ(s.Ue()->GetUserDataDiscards(), 1u, what << ": counted");
            NS_TEST_EXPECT_MSG_EQ(s.Gnb()->GetUserDataDiscards(), 1u, what << ": counted");
            return;
        }
        const bool integrity = expected[0] == 'I';
        const bool ciphering = expected[1] == 'C';
        NS_TEST_EXPECT_MSG_EQ(s.sessions[0], "1:5:1:" + expected + ":ok", what);
        NS_TEST_EXPECT_MSG_EQ(amf[0].ok, true, what);
        NS_TEST_EXPECT_MSG_EQ(amf[0].integrity, integrity, what);
        NS_TEST_EXPECT_MSG_EQ(amf[0].ciphering, ciphering, what);
        std::vector<NrSecurityDrbConfig> d = s.Ue()->GetDrbConfigs();
        NS_TEST_ASSERT_MSG_EQ(d.size(), 1u, what << ": one DRB at the UE");
        NS_TEST_EXPECT_MSG_EQ(d[0].pduSessionId, 5, what);
        NS_TEST_EXPECT_MSG_EQ(d[0].integrityProtection, integrity, what << ": integrityProtection");
        NS_TEST_EXPECT_MSG_EQ(d[0].cipheringDisabled, !ciphering, what << ": cipheringDisabled");
        for (Ptr<NrSecurityPdcp> p : {s.Ue()->GetDrb(1), s.Gnb()->GetDrb(1, 1)})
        {
            NS_TEST_ASSERT_MSG_EQ((p != nullptr), true, what);
            NS_TEST_EXPECT_MSG_EQ(p->IsIntegrityActive(), integrity, what << ": PDCP integrity");
            NS_TEST_EXPECT_MSG_EQ(p->IsCipheringActive(), ciphering, what << ": PDCP ciphering");
        }
        NS_TEST_EXPECT_MSG_EQ(ulOk && dlOk, true, what << ": user data accepted");
        NS_TEST_ASSERT_MSG_EQ(s.gnbData.size(), 1u, what << ": UL delivered");
        NS_TEST_EXPECT_MSG_EQ(s.gnbData[0], std::string("1:5:9:") + UL_PACKET, what);
        NS_TEST_ASSERT_MSG_EQ(s.ueData.size(), 1u, what << ": DL delivered");
        NS_TEST_EXPECT_MSG_EQ(s.ueData[0], std::string("1:9:") + DL_PACKET, what);
        for (bool uplink : {true, false})
        {
            auto f = s.Frames(NrSecurityRbType::DRB, 1, uplink);
            NS_TEST_ASSERT_MSG_EQ(f.size(), 1u, what << ": one DRB PDU each way");
            // 18-bit SN header (3 bytes) + 20-byte SDU + MAC-I (4 bytes) iff integrity.
            const uint32_t size = integrity ? 27u : 23u;
            NS_TEST_EXPECT_MSG_EQ(f[0].pdu->GetSize(), size, what << ": MAC-I");
            NS_TEST_EXPECT_MSG_EQ(f[0].macIPresent, integrity, what << ": macIPresent");
            NS_TEST_EXPECT_MSG_EQ(f[0].integrity, integrity, what << ": integrity metadata");
            NS_TEST_EXPECT_MSG_EQ(f[0].ciphered, ciphering, what << ": ciphered metadata");
            NS_TEST_EXPECT_MSG_EQ(f[0].snLengthBits, 18, what);
            const std::string hex = LifecycleScenario::Hex(f[0].pdu);
            NS_TEST_EXPECT_MSG_EQ(hex.substr(0, 6), "800000", what << ": D/C 1, SN 0");
            NS_TEST_EXPECT_MSG_EQ((hex.substr(6, 40) == (uplink ? UL_PACKET : DL_PACKET)),
                                  !ciphering,
                                  what << ": payload in clear iff ciphering is off");
        }
    }
};

/**
 * Exact DRB bytes with every NEA0-3 x NIA1-3 pair (UP integrity and confidentiality
 * REQUIRED): the first uplink DRB PDU is header 80 00 00 || NEA(K_UPenc, COUNT 0, BEARER 0,
 * DIRECTION 0, SDU || MAC-I) with MAC-I = NIA(K_UPint, COUNT 0, BEARER 0, DIRECTION 0,
 * header || SDU) (TS 38.323 5.8, 5.9; TS 33.501 D.2, D.3), the keys derived independently
 * from K_AMF (TS 33.501 A.9, A.8); the downlink likewise with DIRECTION 1; both delivered.
 */
class UserDataAllAlgorithmsTestCase : public TestCase
{
  public:
    UserDataAllAlgorithmsTestCase()
        : TestCase("user data round trip on the DRB with every NEA x NIA pair, exact bytes")
    {
    }

  private:
    void DoRun() override
    {
        const NrSecurityKey256 kAmf = NrSecurityAlgorithms::Key256FromBytes(
            FromHex("d655f16142035d4d72ca39583d228d2dd2ec0ca7929ad007f53b382d05544405"));
        for (uint32_t e = 0; e < 4; ++e)
        {
            for (uint32_t i = 1; i < 4; ++i)
            {
                auto nea = NrSecurityAlgorithms::CipheringFromId(e);
                auto nia = NrSecurityAlgorithms::IntegrityFromId(i);
                const std::string what
                    = NrSecurityAlgorithms::Name(nea) + "/" + NrSecurityAlgorithms::Name(nia);
                LifecycleScenario s;
                s.nr->SetUeSecurityContext(s.ues.Get(0), kAmf, 2);
                NrSecurityPduSession session;
                session.integrity = Policy::REQUIRED;
                session.confidentiality = Policy::REQUIRED;
                s.SetSessions({session});
                s.Gnb()->SetAttribute("CipheringPriority",
                                      StringValue(NrSecurityAlgorithms::Name(nea)));
                s.Gnb()->SetAttribute("IntegrityPriority",
                                      StringValue(NrSecurityAlgorithms::Name(nia)));
                NrSecurityTestSchedule(MilliSeconds(50),
                                       [&s]()
                                       {
                                           s.Ue()->SendUserData(Pkt(UL_PACKET), 9);
                                           s.Gnb()->SendUserData(1, 1, 9, Pkt(DL_PACKET));
                                       });
                s.Run(MilliSeconds(100));
                auto keys = NrSecurityKdf::DeriveAsKeys(NrSecurityKdf::DeriveKgnb(kAmf, 2), e, i);
                for (bool uplink : {true, false})
                {
                    const std::vector<uint8_t> covered
                        = FromHex(std::string("800000") + (uplink ? UL_PACKET : DL_PACKET));
                    const uint8_t dir = uplink ? 0 : 1;
                    uint32_t mac
                        = NrSecurityAlgorithms::Nia(nia, keys.kUpInt, 0, 0, dir, covered, 23 * 8);
                    std::vector<uint8_t> plain(covered.begin() + 3, covered.end());
                    for (int k = 3; k >= 0; --k)
                    {
                        plain.push_back(static_cast<uint8_t>(mac >> (8 * k)));
                    }
                    std::vector<uint8_t> ct
                        = NrSecurityAlgorithms::Nea(nea,
                                                    keys.kUpEnc,
                                                    0,
                                                    0,
                                                    dir,
                                                    plain,
                                                    static_cast<uint32_t>(plain.size() * 8));
                    auto f = s.Frames(NrSecurityRbType::DRB, 1, uplink);
                    NS_TEST_ASSERT_MSG_EQ(f.size(), 1u, what);
                    NS_TEST_EXPECT_MSG_EQ(LifecycleScenario::Hex(f[0].pdu),
                                          "800000" + ToHex(ct),
                                          what << (uplink ? " uplink" : " downlink") << " bytes");
                }
                NS_TEST_ASSERT_MSG_EQ(s.gnbData.size(), 1u, what);
                NS_TEST_EXPECT_MSG_EQ(s.gnbData[0], std::string("1:1:9:") + UL_PACKET, what);
                NS_TEST_ASSERT_MSG_EQ(s.ueData.size(), 1u, what);
                NS_TEST_EXPECT_MSG_EQ(s.ueData[0], std::string("1:9:") + DL_PACKET, what);
            }
        }
    }
};

/**
 * One flipped bit in an uplink DRB PDU (an attacker's copy put on the air ahead of the genuine
 * PDU, whose payload bit 0 of byte 19 of the IP packet it flips, as aLTEr flips address bits).
 * With UP integrity (REQUIRED) the gNB's PDCP discards it (MAC-I mismatch, TS 38.323 5.2.2.1),
 * counts and traces it, and delivers only the genuine packet. Without UP integrity (NOT_NEEDED)
 * nothing detects it: the modified packet is delivered (the genuine one is then discarded,
 * RCVD_COUNT < RX_DELIV).
 */
class DrbBitFlipTestCase : public TestCase
{
  public:
    DrbBitFlipTestCase()
        : TestCase("drb-bitflip-delivered: a flipped bit on an integrity DRB is discarded and "
                   "counted; without integrity it is delivered")
    {
    }

  private:
    void DoRun() override
    {
        for (bool integrity : {true, false})
        {
            LifecycleScenario s;
            NrSecurityPduSession session;
            session.integrity = integrity ? Policy::REQUIRED : Policy::NOT_NEEDED;
            s.SetSessions({session});
            Ptr<NrSecurityChannel> ch = s.nr->GetChannel();
            bool done = false;
            ch->AddTap(MakeBoundCallback(&DrbBitFlipTestCase::Flip, PeekPointer(ch), &done));
            std::vector<std::string> failures;
            s.Gnb()->TraceConnectWithoutContext(
                "IntegrityFailure", MakeBoundCallback(&DrbBitFlipTestCase::OnFailure, &failures));
            NrSecurityTestSchedule(MilliSeconds(50),
                                   [&s]() { s.Ue()->SendUserData(Pkt(UL_PACKET), 9); });
            s.Run(MilliSeconds(100));
            NS_TEST_ASSERT_MSG_EQ(done, true, "a copy was flipped");
            const NrSecurityPdcpCounters& c = s.Gnb()->GetDrb(1, 1)->GetCounters();
            std::string flipped = UL_PACKET;
            flipped[39] = flipped[39] == '2' ? '3' : '2';
            if (integrity)
            {
                NS_TEST_EXPECT_MSG_EQ(c.integrityFailures, 1u, "discarded and counted");
                NS_TEST_ASSERT_MSG_EQ(failures.size(), 1u, "traced");
                NS_TEST_EXPECT_MSG_EQ(failures[0], "1:1:0", "UE 1, DRB 1, COUNT 0");
                NS_TEST_ASSERT_MSG_EQ(s.gnbData.size(), 1u, "only the genuine packet");
                NS_TEST_EXPECT_MSG_EQ(s.gnbData[0], std::string("1:1:9:") + UL_PACKET, "");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(c.integrityFailures, 0u, "nothing to check");
                NS_TEST_ASSERT_MSG_EQ(s.gnbData.size(), 1u, "the modified packet");
                NS_TEST_EXPECT_MSG_EQ(s.gnbData[0], "1:1:9:" + flipped, "undetected");
                NS_TEST_EXPECT_MSG_EQ(c.outOfWindow, 1u, "the genuine one: RCVD_COUNT < RX_DELIV");
            }
        }
    }

    /// Injects, ahead of the first uplink DRB PDU, a copy with bit 0 of its last IP byte
    /// flipped (the byte before the MAC-I, or the last byte without one).
    static void Flip(NrSecurityChannel* ch, bool* done, const NrSecurityAirFrame& f)
    {
        if (*done || f.type != NrSecurityRbType::DRB || !f.uplink)
        {
            return;
        }
        *done = true;
        std::vector<uint8_t> b(f.pdu->GetSize());
        f.pdu->CopyData(b.data(), b.size());
        b[3 + 19] ^= 0x01;
        NrSecurityAirFrame copy = f;
        copy.pdu = Create<Packet>(b.data(), static_cast<uint32_t>(b.size()));
        ch->Inject(copy, Time(0));
    }

    static void OnFailure(
        std::vector<std::string>* v, uint32_t ue, uint8_t rb, uint32_t count, uint32_t, uint32_t)
    {
        v->push_back(std::to_string(ue) + ":" + std::to_string(rb) + ":" + std::to_string(count));
    }
};

/// A DRB PDU for a DRB that is not set up is discarded, counted and traced, on both sides.
class DrbNotSetUpTestCase : public TestCase
{
  public:
    DrbNotSetUpTestCase()
        : TestCase("pdu-on-missing-drb-delivered: a PDU on a DRB that is not set up is "
                   "discarded and counted")
    {
    }

  private:
    void DoRun() override
    {
        LifecycleScenario s;
        NrSecurityTestSchedule(MilliSeconds(50),
                               [&s]()
                               {
                                   NrSecurityAirFrame f;
                                   f.cellId = 1;
                                   f.ueId = 1;
                                   f.type = NrSecurityRbType::DRB;
                                   f.rbId = 5;
                                   f.pdu = Pkt(std::string("800000") + DL_PACKET);
                                   s.nr->GetChannel()->Inject(f, Time(0));
                                   f.uplink = true;
                                   s.nr->GetChannel()->Inject(f, Time(0));
                               });
        s.Run(MilliSeconds(100));
        NS_TEST_ASSERT_MSG_EQ(s.ueDiscards.size(), 1u, "UE");
        NS_TEST_EXPECT_MSG_EQ(s.ueDiscards[0], "1:DRB5:PDU on a DRB that is not set up", "");
        NS_TEST_EXPECT_MSG_EQ(s.Ue()->GetUserDataDiscards(), 1u, "counted");
        NS_TEST_ASSERT_MSG_EQ(s.gnbDiscards.size(), 1u, "gNB");
        NS_TEST_EXPECT_MSG_EQ(s.gnbDiscards[0], "1:DRB5:PDU on a DRB that is not set up", "");
        NS_TEST_EXPECT_MSG_EQ(s.Gnb()->GetUserDataDiscards(), 1u, "counted");
        NS_TEST_EXPECT_MSG_EQ(s.ueData.size() + s.gnbData.size(), 0u, "nothing delivered");
    }
};

/**
 * released-context-delivered: user data that PDCP still held for reordering when the gNB
 * released the UE (TS 38.331 5.3.8: the RRC connection and its radio bearers are released)
 * is not delivered to the core for the released context when t-Reordering expires
 * (TS 38.323 5.2.2.2); it is discarded, counted and traced with its reason.
 */
class ReleasedContextDeliveryTestCase : public TestCase
{
  public:
    ReleasedContextDeliveryTestCase()
        : TestCase("released-context-delivered: a DRB SDU held in reordering at release is "
                   "discarded, not delivered")
    {
    }

  private:
    void DoRun() override
    {
        LifecycleScenario s;
        NrSecurityTestSchedule(MilliSeconds(100),
                               [&s]()
                               {
                                   // COUNT 0 never sent: COUNT 1 waits for t-Reordering at the gNB.
                                   s.Ue()->GetDrb(1)->SetTxNext(1);
                                   s.Ue()->SendUserData(Pkt(UL_PACKET), 9);
                               });
        NrSecurityTestSchedule(MilliSeconds(110), [&s]() { s.Gnb()->Release(1); });
        s.Run(MilliSeconds(400));
        NS_TEST_EXPECT_MSG_EQ(s.gnbData.size(), 0u, "nothing delivered for the released UE");
        NS_TEST_EXPECT_MSG_EQ(s.gnbDiscards.size(), 1u, "one discard");
        NS_TEST_EXPECT_MSG_EQ(s.gnbDiscards.empty() ? std::string() : s.gnbDiscards[0],
                              "1:DRB1:no UE context (released)",
                              "reason");
    }
};

/**
 * pdu-session-bad-qfi-crash: a PDU session from the AMF whose QoS flows cannot be put in
 * mappedQoS-FlowsToAdd (QFI 0..63, at most maxNrofQFIs 64 entries, TS 38.331 6.3.2
 * SDAP-Config) is rejected with its reason and reported (TS 38.413 PDU Session Resource Failed
 * item); the other session still gets its DRB. It used to throw out of the gNB's
 * RRCReconfiguration encoder, in the middle of the simulation, after SRB2 and the DRBs had
 * already been created.
 */
class BadSessionTestCase : public TestCase
{
  public:
    BadSessionTestCase()
        : TestCase("pdu-session-bad-qfi-crash: a session with an unencodable QFI list is "
                   "rejected, the others set up")
    {
    }

  private:
    void DoRun() override
    {
        NrSecurityPduSession bad;
        bad.pduSessionId = 1;
        bad.qfis = {9, 64};
        NrSecurityPduSession many;
        many.pduSessionId = 2;
        many.qfis.assign(65, 1);
        NrSecurityPduSession good;
        good.pduSessionId = 3;
        LifecycleScenario s;
        s.SetSessions({bad, many, good});
        s.Run(MilliSeconds(100));
        NS_TEST_ASSERT_MSG_EQ(s.sessions.size(), 3u, "three results");
        NS_TEST_EXPECT_MSG_EQ(s.sessions[0], "1:1:0:--:QFI 64 is not 0..63 (TS 23.501 5.7.1)", "");
        NS_TEST_EXPECT_MSG_EQ(
            s.sessions[1], "1:2:0:--:65 QoS flows, more than maxNrofQFIs (64)", "");
        NS_TEST_EXPECT_MSG_EQ(s.sessions[2], "1:3:1:-C:ok", "the good one on DRB1");
        NS_TEST_EXPECT_MSG_EQ(s.Ue()->GetDrbConfigs().size(), 1u, "one DRB at the UE");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb()->GetDrb(1, 2) == nullptr), true, "no DRB2 at the gNB");
    }
};

/**
 * SDAP headers (TS 37.324 6.2.2) and a 12-bit SN: with SdapHeader the DL SDU starts with
 * RDI 0 | RQI 0 | QFI and the UL SDU with D/C 1 | R 0 | QFI, in clear even with NEA2 (TS 38.323
 * 5.8: the SDAP header is not ciphered); the QFI reaches both upper layers; two PDU sessions
 * get two DRBs with their own policy and QFI mapping. Also the codec's exact header bytes.
 */
class SdapTestCase : public TestCase
{
  public:
    SdapTestCase()
        : TestCase("sdap-header-ciphered: SDAP headers in clear, QFI mapping, 12-bit SN, two "
                   "sessions")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_EQ(unsigned(NrSecuritySdap::EncodeDlHeader(true, false, 63)), 0xbfu, "");
        NS_TEST_EXPECT_MSG_EQ(unsigned(NrSecuritySdap::EncodeDlHeader(false, true, 1)), 0x41u, "");
        NS_TEST_EXPECT_MSG_EQ(unsigned(NrSecuritySdap::EncodeUlDataHeader(9)), 0x89u, "D/C 1");
        bool data = false;
        uint8_t qfi = 0;
        NS_TEST_EXPECT_MSG_EQ(NrSecuritySdap::DecodeUlHeader(0x05, data, qfi), true, "R 0");
        NS_TEST_EXPECT_MSG_EQ((data == false && qfi == 5), true, "control PDU, QFI 5");
        NS_TEST_EXPECT_MSG_EQ(NrSecuritySdap::DecodeUlHeader(0xc5, data, qfi), false, "R set");
        bool threw = false;
        try
        {
            NrSecuritySdap::EncodeDlHeader(false, false, 64);
        }
        catch (const std::invalid_argument&)
        {
            threw = true;
        }
        NS_TEST_EXPECT_MSG_EQ(threw, true, "QFI 64 refused");

        LifecycleScenario s;
        s.Gnb()->SetAttribute("SdapHeader", BooleanValue(true));
        s.Gnb()->SetAttribute("DrbSnLength", UintegerValue(12));
        NrSecurityPduSession a;
        a.pduSessionId = 1;
        a.qfis = {9};
        a.integrity = Policy::REQUIRED;
        NrSecurityPduSession b;
        b.pduSessionId = 2;
        b.qfis = {5, 6};
        b.integrity = Policy::NOT_NEEDED;
        s.SetSessions({a, b});
        NrSecurityTestSchedule(MilliSeconds(50),
                               [&s]()
                               {
                                   s.Ue()->SendUserData(Pkt(UL_PACKET), 6);
                                   s.Gnb()->SendUserData(1, 2, 5, Pkt(DL_PACKET));
                                   s.Gnb()->SendUserData(1, 1, 9, Pkt(DL_PACKET));
                               });
        s.Run(MilliSeconds(100));
        std::vector<NrSecurityDrbConfig> d = s.Ue()->GetDrbConfigs();
        NS_TEST_ASSERT_MSG_EQ(d.size(), 2u, "two DRBs");
        NS_TEST_EXPECT_MSG_EQ((d[0].drbId == 1 && d[0].pduSessionId == 1 && d[0].integrityProtection
                               && d[0].snLengthBits == 12 && d[0].sdapHeaderUl
                               && d[0].sdapHeaderDl),
                              true,
                              "DRB1: session 1, integrity, 12-bit SN, SDAP headers");
        NS_TEST_EXPECT_MSG_EQ((d[1].drbId == 2 && d[1].pduSessionId == 2
                               && !d[1].integrityProtection
                               && d[1].qfis == std::vector<uint8_t>{5, 6}),
                              true,
                              "DRB2: session 2, no integrity, QFIs 5 and 6");
        auto ul = s.Frames(NrSecurityRbType::DRB, 2, true);
        NS_TEST_ASSERT_MSG_EQ(ul.size(), 1u, "QFI 6 -> DRB2");
        std::string hex = LifecycleScenario::Hex(ul[0].pdu);
        NS_TEST_EXPECT_MSG_EQ(hex.substr(0, 6), "800086", "12-bit SN 0, SDAP UL D/C 1 QFI 6");
        NS_TEST_EXPECT_MSG_EQ(ul[0].pdu->GetSize(), 23u, "2 + 1 + 20, no MAC-I");
        NS_TEST_EXPECT_MSG_EQ(ul[0].sdapHeader, true, "metadata");
        NS_TEST_EXPECT_MSG_EQ(ul[0].snLengthBits, 12, "metadata");
        auto dl2 = s.Frames(NrSecurityRbType::DRB, 2, false);
        auto dl1 = s.Frames(NrSecurityRbType::DRB, 1, false);
        NS_TEST_ASSERT_MSG_EQ(dl2.size() + dl1.size(), 2u, "one DL PDU per DRB");
        NS_TEST_EXPECT_MSG_EQ(LifecycleScenario::Hex(dl2[0].pdu).substr(0, 6), "800005", "QFI 5");
        NS_TEST_EXPECT_MSG_EQ(LifecycleScenario::Hex(dl1[0].pdu).substr(0, 6), "800009", "QFI 9");
        NS_TEST_EXPECT_MSG_EQ(dl1[0].pdu->GetSize(), 27u, "2 + 1 + 20 + MAC-I");
        NS_TEST_ASSERT_MSG_EQ(s.gnbData.size(), 1u, "UL");
        NS_TEST_EXPECT_MSG_EQ(s.gnbData[0], std::string("1:2:6:") + UL_PACKET, "header removed");
        NS_TEST_ASSERT_MSG_EQ(s.ueData.size(), 2u, "DL");
        NS_TEST_EXPECT_MSG_EQ(s.ueData[0], std::string("1:5:") + DL_PACKET, "QFI 5");
        NS_TEST_EXPECT_MSG_EQ(s.ueData[1], std::string("1:9:") + DL_PACKET, "QFI 9");
    }
};

class NrSecurityLifecycleUpTestSuite : public TestSuite
{
  public:
    NrSecurityLifecycleUpTestSuite()
        : TestSuite("nr-security-lifecycle-up")
    {
        AddTestCase(new UpPolicyTestCase);
        AddTestCase(new UserDataAllAlgorithmsTestCase);
        AddTestCase(new DrbBitFlipTestCase);
        AddTestCase(new DrbNotSetUpTestCase);
        AddTestCase(new BadSessionTestCase);
        AddTestCase(new ReleasedContextDeliveryTestCase);
        AddTestCase(new SdapTestCase);
    }
};

NrSecurityLifecycleUpTestSuite g_nrSecurityLifecycleUpTestSuite;

} // namespace
