// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityPdcp (TS 38.323): SN wrap and COUNT continuity (5.2.2.1), replay and duplicate
 * discard, t-Reordering (5.2.2.2), every NEA x NIA combination, exact DRB PDUs with an SDAP
 * header (5.8, 5.9, 6.2.2.3), COUNT exhaustion, control PDUs, attributes.
 */
#include "nr-security-pdcp-test-helpers.h"
#include "nr-security-test-events.h"
#include "nr-security-test-vectors.h"
#include "ns3/boolean.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-pdcp-pdu.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

std::string
CountPayload(uint32_t count)
{
    return ToHex32(count); // each SDU carries its own COUNT, so delivery order is checkable
}

/**
 * Sends `total` SDUs from a gNB entity to a UE entity, one every millisecond, losing every
 * PDU with i % 97 == 13 and the third-last PDU before each SN wrap (so that RX_DELIV lags
 * behind the wrap and RCVD_HFN = HFN(RX_DELIV) + 1 is needed), swapping each pair with
 * i % 31 == 5, and checks that exactly the PDUs not lost are delivered, once, in increasing
 * COUNT order, with their own payload. Then the PDU just before the last wrap is replayed:
 * RCVD_HFN = HFN(RX_DELIV) - 1 makes it old, so it is discarded as out-of-window.
 */
class SnWrapTestCase : public TestCase
{
  public:
    SnWrapTestCase(NrSecurityPdcpFormat format, uint32_t total, std::string name)
        : TestCase(name)
        , m_format(format)
        , m_total(total)
    {
    }

  private:
    void DoRun() override
    {
        PdcpProbe gnb(m_format, NrSecurityDirection::DOWNLINK);
        PdcpProbe ue(m_format, NrSecurityDirection::UPLINK);
        gnb.pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_UP_ENC));
        ue.pdcp->SetRxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_UP_ENC), 0);
        if (m_format.MacBytes() != 0)
        {
            gnb.pdcp->SetTxIntegrity(NrSecurityIntegrity::NIA2, Key(R1_K_RRC_INT));
            ue.pdcp->SetRxIntegrity(NrSecurityIntegrity::NIA2, Key(R1_K_RRC_INT), 0);
        }
        ue.pdcp->SetAttribute("TReordering", TimeValue(MilliSeconds(20)));
        const uint32_t snSpace = 1u << m_format.snBits;
        std::vector<uint32_t> expected;
        for (uint32_t i = 0; i < m_total; ++i)
        {
            gnb.Send(CountPayload(i));
            if (i % 97 == 13 || i % snSpace == snSpace - 3)
            {
                continue; // lost on the air
            }
            expected.push_back(i);
            uint32_t slot = i;
            if (i % 31 == 5)
            {
                slot = i + 1; // overtaken by the next PDU
            }
            else if (i > 0 && (i - 1) % 31 == 5)
            {
                slot = i - 1;
            }
            Simulator::Schedule(MilliSeconds(slot) + MicroSeconds(i % 2),
                                &NrSecurityPdcp::ReceivePdu,
                                ue.pdcp,
                                gnb.sentPackets.back());
        }
        Simulator::Run();
        uint32_t lastWrap = (m_total - 1) & ~(snSpace - 1);
        ue.pdcp->ReceivePdu(gnb.sentPackets[lastWrap - 1]);
        NS_TEST_ASSERT_MSG_EQ(ue.discards.size(), 1u, "replay from before the last wrap");
        NS_TEST_EXPECT_MSG_EQ(ue.discards[0], "out-of-window", "RCVD_HFN = HFN(RX_DELIV) - 1");
        ue.discards.clear();
        Simulator::Destroy();

        NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetTxNext(), m_total, "TX_NEXT");
        NS_TEST_ASSERT_MSG_EQ(ue.deliveredCounts.size(), expected.size(), "delivered count");
        bool allEqual = true;
        for (size_t k = 0; k < expected.size() && allEqual; ++k)
        {
            allEqual = ue.deliveredCounts[k] == expected[k]
                       && ue.deliveredSdus[k] == CountPayload(expected[k]);
            NS_TEST_EXPECT_MSG_EQ(allEqual,
                                  true,
                                  "delivery " << k << ": COUNT " << ue.deliveredCounts[k]
                                              << " payload " << ue.deliveredSdus[k]
                                              << ", expected COUNT " << expected[k]);
        }
        NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetRxDeliv(), m_total, "RX_DELIV after the last PDU");
        NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetCounters().integrityFailures, 0u, "no MAC-I failure");
        NS_TEST_EXPECT_MSG_EQ(ue.discards.size(), 0u, "nothing discarded");
        NS_TEST_EXPECT_MSG_GT(ue.pdcp->GetCounters().reorderingTimeouts, 0u, "losses waited out");
        uint32_t wraps = m_total >> m_format.snBits;
        NS_TEST_EXPECT_MSG_GT_OR_EQ(wraps, 3u, "at least three SN wraps (HFN reached 3)");
    }

    NrSecurityPdcpFormat m_format;
    uint32_t m_total;
};

/// RCVD_COUNT (TS 38.323 5.2.2.1) at the window edges, exact values from the formula.
class RcvdCountTestCase : public TestCase
{
  public:
    RcvdCountTestCase()
        : TestCase("RCVD_COUNT from RX_DELIV and RCVD_SN at the window edges")
    {
    }

  private:
    void DoRun() override
    {
        using P = NrSecurityPdcpPdu;
        NS_TEST_EXPECT_MSG_EQ(P::RcvdCount(12, 4087, 0), 4096, "SN < SN(RX_DELIV) - 2048: HFN + 1");
        NS_TEST_EXPECT_MSG_EQ(
            P::RcvdCount(12, 4087, 2038), 4096 + 2038, "SN = 4087 - 2049: HFN + 1");
        NS_TEST_EXPECT_MSG_EQ(P::RcvdCount(12, 4087, 2039), 2039, "SN = 4087 - 2048: HFN");
        NS_TEST_EXPECT_MSG_EQ(P::RcvdCount(12, 4096 + 5, 4095), 4095, "SN >= 5 + 2048: HFN - 1");
        NS_TEST_EXPECT_MSG_EQ(P::RcvdCount(12, 4096 + 5, 2052), 4096 + 2052, "SN = 5 + 2047: HFN");
        NS_TEST_EXPECT_MSG_EQ(P::RcvdCount(12, 4096 + 5, 2053), 2053, "SN = 5 + 2048: HFN - 1");
        NS_TEST_EXPECT_MSG_EQ(P::RcvdCount(12, 0, 4095), -1, "below COUNT 0");
        NS_TEST_EXPECT_MSG_EQ(P::RcvdCount(18, 262140, 3), 262147, "18-bit: HFN + 1");
        NS_TEST_EXPECT_MSG_EQ(P::RcvdCount(18, 262144 + 1, 262143), 262143, "18-bit: HFN - 1");
        NS_TEST_EXPECT_MSG_EQ(P::RcvdCount(12, 0xFFFFFFFF, 0), 0x100000000LL, "beyond 2^32 - 1");
    }
};

/// Replay: a delivered PDU, a buffered duplicate and an old PDU are all discarded.
class ReplayTestCase : public TestCase
{
  public:
    ReplayTestCase()
        : TestCase("replayed, duplicate and old PDUs are discarded with their reason")
    {
    }

  private:
    void DoRun() override
    {
        PdcpProbe gnb(Srb1(), NrSecurityDirection::DOWNLINK);
        PdcpProbe ue(Srb1(), NrSecurityDirection::UPLINK);
        for (auto* p : {&gnb, &ue})
        {
            p->pdcp->SetTxIntegrity(NrSecurityIntegrity::NIA2, Key(R1_K_RRC_INT));
            p->pdcp->SetRxIntegrity(NrSecurityIntegrity::NIA2, Key(R1_K_RRC_INT), 0);
        }
        for (int i = 0; i < 5; ++i)
        {
            gnb.Send("28804000");
        }
        ue.Receive(gnb.sentPdus[0]);
        ue.Receive(gnb.sentPdus[1]);
        ue.Receive(gnb.sentPdus[0]); // replay of a delivered PDU, same bytes
        NS_TEST_EXPECT_MSG_EQ(ue.deliveredSdus.size(), 2u, "replay not delivered");
        NS_TEST_ASSERT_MSG_EQ(ue.discards.size(), 1u, "replay traced");
        NS_TEST_EXPECT_MSG_EQ(ue.discards[0], "out-of-window", "RCVD_COUNT < RX_DELIV");
        ue.Receive(gnb.sentPdus[3]); // buffered: COUNT 2 missing
        ue.Receive(gnb.sentPdus[3]);
        NS_TEST_ASSERT_MSG_EQ(ue.discards.size(), 2u, "duplicate traced");
        NS_TEST_EXPECT_MSG_EQ(ue.discards[1], "duplicate", "already received");
        NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetReorderingBufferSize(), 1u, "one copy buffered");
        ue.Receive(gnb.sentPdus[2]);
        NS_TEST_EXPECT_MSG_EQ(ue.deliveredSdus.size(), 4u, "gap filled, 2 and 3 delivered");
        ue.Receive(gnb.sentPdus[1]); // old PDU after RX_DELIV moved
        NS_TEST_EXPECT_MSG_EQ(ue.discards.back(), "out-of-window", "old PDU");
        NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetCounters().outOfWindow, 2u, "counted");
        NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetCounters().duplicates, 1u, "counted");
        NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetRxDeliv(), 4u, "RX_DELIV");
        Simulator::Destroy();
    }
};

/// t-Reordering (TS 38.323 5.2.2.2): a gap is given up when the timer expires.
class ReorderingTimerTestCase : public TestCase
{
  public:
    ReorderingTimerTestCase()
        : TestCase("t-Reordering expiry delivers past a gap and advances RX_DELIV")
    {
    }

  private:
    void DoRun() override
    {
        PdcpProbe gnb(Srb1(), NrSecurityDirection::DOWNLINK);
        PdcpProbe ue(Srb1(), NrSecurityDirection::UPLINK);
        ue.pdcp->SetAttribute("TReordering", TimeValue(MilliSeconds(50)));
        for (int i = 0; i < 5; ++i)
        {
            gnb.Send(CountPayload(i));
        }
        ue.Receive(gnb.sentPdus[0]);
        ue.Receive(gnb.sentPdus[2]); // COUNT 1 missing
        ue.Receive(gnb.sentPdus[3]);
        NS_TEST_EXPECT_MSG_EQ(ue.deliveredSdus.size(), 1u, "waiting for COUNT 1");
        NS_TEST_EXPECT_MSG_EQ(ue.pdcp->IsReorderingTimerRunning(), true, "t-Reordering runs");
        NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetRxReord(), 3u, "RX_REORD = RX_NEXT when started");
        NrSecurityTestSchedule(
            MilliSeconds(49),
            [&]() { NS_TEST_EXPECT_MSG_EQ(ue.deliveredSdus.size(), 1u, "not yet at 49 ms"); });
        NrSecurityTestSchedule(MilliSeconds(60),
                               [&]()
                               {
                                   ue.Receive(gnb.sentPdus[1]); // too late
                                   ue.Receive(gnb.sentPdus[4]);
                               });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(ue.deliveredCounts.size(), 4u, "0, 2, 3, 4 delivered");
        NS_TEST_EXPECT_MSG_EQ(ue.deliveredCounts[1], 2u, "2 after expiry");
        NS_TEST_EXPECT_MSG_EQ(ue.deliveredCounts[3], 4u, "4 in order");
        NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetRxDeliv(), 5u, "RX_DELIV");
        NS_TEST_ASSERT_MSG_EQ(ue.discards.size(), 1u, "late COUNT 1 discarded");
        NS_TEST_EXPECT_MSG_EQ(ue.discards[0], "out-of-window", "reason");
        NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetCounters().reorderingTimeouts, 1u, "one expiry");
        Simulator::Destroy();
    }
};

/// Every NEA x NIA combination round-trips; NIA0 gives a zero MAC-I, NEA0 clear data.
class AlgorithmMatrixTestCase : public TestCase
{
  public:
    AlgorithmMatrixTestCase()
        : TestCase("every NEA0-3 x NIA0-3 combination round-trips on SRB1")
    {
    }

  private:
    void DoRun() override
    {
        for (uint32_t e = 0; e < 4; ++e)
        {
            for (uint32_t i = 0; i < 4; ++i)
            {
                auto nea = NrSecurityAlgorithms::CipheringFromId(e);
                auto nia = NrSecurityAlgorithms::IntegrityFromId(i);
                PdcpProbe gnb(Srb1(), NrSecurityDirection::DOWNLINK);
                PdcpProbe ue(Srb1(), NrSecurityDirection::UPLINK);
                gnb.pdcp->SetTxIntegrity(nia, Key(R1_K_RRC_INT));
                gnb.pdcp->SetTxCiphering(nea, Key(R1_K_RRC_ENC));
                ue.pdcp->SetRxIntegrity(nia, Key(R1_K_RRC_INT), 0);
                ue.pdcp->SetRxCiphering(nea, Key(R1_K_RRC_ENC), 0);
                gnb.Send("28804000");
                gnb.Send("0102030405060708090a");
                ue.Receive(gnb.sentPdus[0]);
                ue.Receive(gnb.sentPdus[1]);
                std::string what
                    = NrSecurityAlgorithms::Name(nea) + "+" + NrSecurityAlgorithms::Name(nia);
                NS_TEST_ASSERT_MSG_EQ(ue.deliveredSdus.size(), 2u, what);
                NS_TEST_EXPECT_MSG_EQ(ue.deliveredSdus[1], "0102030405060708090a", what);
                if (e == 0 && i == 0)
                {
                    NS_TEST_EXPECT_MSG_EQ(gnb.sentPdus[0],
                                          "00002880400000000000",
                                          "NEA0+NIA0: clear data, zero MAC-I");
                }
                if (e == 0 && i != 0)
                {
                    NS_TEST_EXPECT_MSG_EQ(gnb.sentPdus[0].substr(0, 12),
                                          "000028804000",
                                          what << ": NEA0 leaves data unchanged");
                    NS_TEST_EXPECT_MSG_NE(gnb.sentPdus[0].substr(12), "00000000", what);
                }
                // Tamper with one data bit: every real NIA catches it.
                std::string bad = gnb.sentPdus[1];
                bad[5] = bad[5] == '0' ? '1' : '0';
                ue.Receive(bad);
                NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetCounters().integrityFailures,
                                      (i == 0 ? 0u : 1u),
                                      what << ": tampered PDU");
                Simulator::Destroy();
            }
        }
    }
};

/// A DRB with 18-bit SN, SDAP header and integrity: exact bytes computed independently from
/// the algorithm primitives.
class DrbExactBytesTestCase : public TestCase
{
  public:
    DrbExactBytesTestCase()
        : TestCase("DRB 18-bit SN with SDAP header: NEA2 and NIA2 PDU computed independently")
    {
    }

  private:
    void DoRun() override
    {
        NrSecurityPdcpFormat f;
        f.rbType = NrSecurityRbType::DRB;
        f.rbId = 4; // BEARER 3
        f.snBits = 18;
        f.sdapHeader = true;
        f.drbIntegrity = true;
        PdcpProbe ue(f, NrSecurityDirection::UPLINK);
        ue.pdcp->SetTxNext(0x12345);
        ue.pdcp->SetTxIntegrity(NrSecurityIntegrity::NIA2, Key(R1_K_RRC_INT));
        ue.pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_UP_ENC));
        ue.Send("4a"
                "45000054abcdef");

        // Independently: header D/C=1, SN 0x12345 in 18 bits; MAC-I over header || SDAP ||
        // data; cipher data || MAC-I (not the SDAP header) with COUNT, BEARER 3, DIRECTION 0.
        std::vector<uint8_t> header = {0x80 | 0x01, 0x23, 0x45};
        std::vector<uint8_t> covered = header;
        for (uint8_t b : FromHex("4a45000054abcdef"))
        {
            covered.push_back(b);
        }
        uint32_t mac = NrSecurityAlgorithms::Nia(NrSecurityIntegrity::NIA2,
                                                 Key(R1_K_RRC_INT),
                                                 0x12345,
                                                 3,
                                                 0,
                                                 covered,
                                                 static_cast<uint32_t>(covered.size() * 8));
        std::vector<uint8_t> tail = FromHex("45000054abcdef");
        for (int s = 24; s >= 0; s -= 8)
        {
            tail.push_back(static_cast<uint8_t>(mac >> s));
        }
        NrSecurityAlgorithms::Nea(NrSecurityCiphering::NEA2,
                                  Key(R1_K_UP_ENC),
                                  0x12345,
                                  3,
                                  0,
                                  tail.data(),
                                  tail.size(),
                                  static_cast<uint32_t>(tail.size() * 8));
        NS_TEST_EXPECT_MSG_EQ(ue.sentPdus[0],
                              "812345"
                              "4a" + ToHex(tail),
                              "header and SDAP header in clear, data and MAC-I ciphered");

        PdcpProbe gnb(f, NrSecurityDirection::DOWNLINK);
        gnb.pdcp->SetRxIntegrity(NrSecurityIntegrity::NIA2, Key(R1_K_RRC_INT), 0);
        gnb.pdcp->SetRxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_UP_ENC), 0);
        gnb.pdcp->SetRxDeliv(0x12345);
        gnb.Receive(ue.sentPdus[0]);
        NS_TEST_ASSERT_MSG_EQ(gnb.deliveredSdus.size(), 1u, "received");
        NS_TEST_EXPECT_MSG_EQ(gnb.deliveredSdus[0], "4a45000054abcdef", "SDU with SDAP header");

        // A DRB control PDU (status report) is counted, never delivered nor verified.
        gnb.Receive("0000000005");
        NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetCounters().rxControlPdus, 1u, "control PDU");
        gnb.Receive("7000000005"); // reserved PDU type 111
        NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetCounters().malformed, 1u, "reserved PDU type");
        // Reserved bits in a DRB data PDU header are ignored (TS 38.323 6.3.6) but covered by
        // the MAC-I: this forged PDU fails integrity, it is not malformed.
        gnb.Receive("c12346aabbccddeeff00");
        NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetCounters().malformed, 1u, "R bits are not malformed");
        NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetCounters().integrityFailures, 1u, "MAC-I covers R");
        NS_TEST_EXPECT_MSG_EQ(gnb.deliveredSdus.size(), 1u, "nothing else delivered");
        Simulator::Destroy();
    }
};

void
PushCount(std::vector<uint32_t>* v, uint32_t count)
{
    v->push_back(count);
}

/// COUNT exhaustion: no COUNT is ever used twice under the same keys.
class CountExhaustionTestCase : public TestCase
{
  public:
    CountExhaustionTestCase()
        : TestCase("COUNT exhaustion: CountWrapImminent, then refusal; new keys resume")
    {
    }

  private:
    void DoRun() override
    {
        PdcpProbe ue(Srb1(), NrSecurityDirection::UPLINK);
        ue.pdcp->SetAttribute("CountWrapMargin", UintegerValue(3));
        std::vector<uint32_t> warnings;
        ue.pdcp->TraceConnectWithoutContext("CountWrapImminent",
                                            MakeBoundCallback(&PushCount, &warnings));
        ue.pdcp->SetTxIntegrity(NrSecurityIntegrity::NIA2, Key(R1_K_RRC_INT));
        ue.pdcp->SetTxNext(0xFFFFFFFA);
        for (int i = 0; i < 6; ++i)
        {
            ue.Send("01");
        }
        NS_TEST_EXPECT_MSG_EQ(ue.sentPdus.size(), 6u, "COUNTs up to 0xFFFFFFFF sent");
        NS_TEST_ASSERT_MSG_EQ(warnings.size(), 1u, "warned once");
        NS_TEST_EXPECT_MSG_EQ(warnings[0], 0xFFFFFFFDu, "at 2^32 - 3");
        NS_TEST_EXPECT_MSG_EQ(ue.Send("01"), -1, "COUNT 2^32 refused");
        NS_TEST_ASSERT_MSG_EQ(ue.discards.size(), 1u, "traced");
        NS_TEST_EXPECT_MSG_EQ(ue.discards[0], "count-exhausted", "reason");
        ue.pdcp->Reestablish();
        NS_TEST_EXPECT_MSG_EQ(ue.Send("01"), -1, "COUNT 0 again under the same keys: refused");
        ue.pdcp->SetTxIntegrity(NrSecurityIntegrity::NIA2, Key(R1_K_RRC_ENC)); // new key
        NS_TEST_EXPECT_MSG_EQ(ue.Send("01"), 0, "new keys: COUNT 0 allowed");
        NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetCounters().txRefused, 2u, "counted");
        NS_TEST_EXPECT_MSG_EQ(ue.Send(""), -1, "empty SDU refused");
        NS_TEST_EXPECT_MSG_EQ(ue.discards.back().rfind("malformed", 0), 0u, "as malformed");
        Simulator::Destroy();
    }
};

/// Attributes and their validation.
class AttributesTestCase : public TestCase
{
  public:
    AttributesTestCase()
        : TestCase("attributes configure the format; status attributes are read-only")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<NrSecurityPdcp> p = CreateObject<NrSecurityPdcp>();
        p->SetAttribute("RbType", StringValue("DRB"));
        p->SetAttribute("SnLength", UintegerValue(18));
        p->SetAttribute("RbId", UintegerValue(5));
        p->SetAttribute("Direction", StringValue("DL"));
        NS_TEST_EXPECT_MSG_EQ(p->GetFormat().Bearer(), 4u, "BEARER = RbId - 1");
        NS_TEST_EXPECT_MSG_EQ(p->GetFormat().HeaderBytes(), 3u, "18-bit SN header");
        NS_TEST_EXPECT_MSG_EQ(p->GetFormat().WindowSize(), 131072u, "2^17");
        NS_TEST_EXPECT_MSG_EQ(unsigned(p->GetTxDirectionBit()), 1u, "DL");
        BooleanValue active;
        p->GetAttribute("CipheringActive", active);
        NS_TEST_EXPECT_MSG_EQ(active.Get(), false, "not yet");
        p->SetTxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_UP_ENC));
        p->GetAttribute("CipheringActive", active);
        NS_TEST_EXPECT_MSG_EQ(active.Get(), true, "after SetTxCiphering");
        NS_TEST_EXPECT_MSG_EQ(
            p->SetAttributeFailSafe("IntegrityActive", BooleanValue(true)), false, "read-only");
        bool threw = false;
        try
        {
            p->SetAttribute("RbType", StringValue("XRB"));
        }
        catch (const std::invalid_argument&)
        {
            threw = true;
        }
        NS_TEST_EXPECT_MSG_EQ(threw, true, "RbType XRB rejected");
        NrSecurityPdcpFormat srb18 = Srb1();
        srb18.snBits = 18;
        threw = false;
        try
        {
            p->SetFormat(srb18);
        }
        catch (const std::invalid_argument&)
        {
            threw = true;
        }
        NS_TEST_EXPECT_MSG_EQ(threw, true, "an SRB with an 18-bit SN is rejected");
        p->Dispose();
    }
};

class NrSecurityPdcpTestSuite : public TestSuite
{
  public:
    NrSecurityPdcpTestSuite()
        : TestSuite("nr-security-pdcp")
    {
        NrSecurityPdcpFormat drb18;
        drb18.rbType = NrSecurityRbType::DRB;
        drb18.rbId = 2;
        drb18.snBits = 18;
        AddTestCase(new SnWrapTestCase(Srb1(),
                                       3 * 4096 + 100,
                                       "SRB 12-bit SN: COUNT continuity across 3 wraps with "
                                       "losses and reordering"));
        AddTestCase(new SnWrapTestCase(drb18,
                                       3 * 262144 + 100,
                                       "DRB 18-bit SN: COUNT continuity across 3 wraps with "
                                       "losses and reordering"));
        AddTestCase(new RcvdCountTestCase);
        AddTestCase(new ReplayTestCase);
        AddTestCase(new ReorderingTimerTestCase);
        AddTestCase(new AlgorithmMatrixTestCase);
        AddTestCase(new DrbExactBytesTestCase);
        AddTestCase(new CountExhaustionTestCase);
        AddTestCase(new AttributesTestCase);
    }
};

NrSecurityPdcpTestSuite g_nrSecurityPdcpTestSuite;

} // namespace
