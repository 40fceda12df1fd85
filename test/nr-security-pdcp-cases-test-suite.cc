// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * PDCP faults that shipped in real stacks (the project's case list P1-P7), each a test named
 * after its kind of fault and comparing exact bytes: several of these bugs were symmetric and
 * passed UE-to-gNB round trips. Reference context R1: K_AMF d655...4405, uplink NAS COUNT 0,
 * K_gNB 493a...d562, NIA2 K_RRCint 3dc3...3646, NEA2 K_RRCenc 941e...73de; SRB1 (BEARER 0).
 * Authorities: TS 38.323 5.8, 5.9, 6.2.2.1, 6.3.4, 5.2.2.1; TS 33.501 D.2.1.1, 6.7.4.
 */
#include "nr-security-pdcp-test-helpers.h"
#include "nr-security-test-vectors.h"
#include "ns3/config.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-pdcp-pdu.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <cstdlib>
#include <memory>

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

/// gNB (downlink) and UE (uplink) SRB1 entities with NEA2 + NIA2 of R1 in both directions.
struct R1Pair
{
    PdcpProbe gnb{Srb1(), NrSecurityDirection::DOWNLINK};
    PdcpProbe ue{Srb1(), NrSecurityDirection::UPLINK};

    void ActivateAll()
    {
        for (auto* p : {&gnb, &ue})
        {
            p->pdcp->SetTxIntegrity(NrSecurityIntegrity::NIA2, Key(R1_K_RRC_INT));
            p->pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_RRC_ENC));
            p->pdcp->SetRxIntegrity(NrSecurityIntegrity::NIA2, Key(R1_K_RRC_INT), 0);
            p->pdcp->SetRxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_RRC_ENC), 0);
        }
    }
};

NrSecurityPdcpSecurity
R1Security(bool integrity, bool ciphering)
{
    NrSecurityPdcpSecurity s;
    s.integrityActive = integrity;
    s.nia = NrSecurityIntegrity::NIA2;
    s.kInt = Key(R1_K_RRC_INT);
    s.cipheringActive = ciphering;
    s.nea = NrSecurityCiphering::NEA2;
    s.kEnc = Key(R1_K_RRC_ENC);
    return s;
}

uint32_t
Nia2(uint32_t count, uint8_t bearer, uint8_t direction, const std::string& hex)
{
    auto m = FromHex(hex);
    return NrSecurityAlgorithms::Nia(NrSecurityIntegrity::NIA2,
                                     Key(R1_K_RRC_INT),
                                     count,
                                     bearer,
                                     direction,
                                     m,
                                     static_cast<uint32_t>(m.size() * 8));
}

/// P1: the reference SRB1 downlink PDU, and every wrong variant seen in real stacks.
class ReferencePduTestCase : public TestCase
{
  public:
    ReferencePduTestCase()
        : TestCase("P1 mac-over-wrong-bytes: reference SRB1 PDU 0001 d6cd2f5c bceb89ca")
    {
    }

  private:
    void DoRun() override
    {
        R1Pair r;
        r.ActivateAll();
        r.gnb.Send("0a0b0c");   // COUNT 0
        r.gnb.Send("28804000"); // COUNT 1
        NS_TEST_ASSERT_MSG_EQ(r.gnb.sentPdus.size(), 2u, "two PDUs");
        const std::string onAir = r.gnb.sentPdus[1];
        NS_TEST_EXPECT_MSG_EQ(onAir, "0001d6cd2f5cbceb89ca", "TS 38.323 5.9 then 5.8, COUNT 1");

        // The MAC-I covers header || payload; BEARER = RB identity - 1.
        NS_TEST_EXPECT_MSG_EQ(ToHex32(Nia2(1, 0, 1, "000128804000")), "90b12016", "MAC-I");
        NS_TEST_EXPECT_MSG_EQ(
            ToHex32(Nia2(1, 0, 1, "28804000")), "8b8a4355", "fault: MAC-I over the payload only");
        NS_TEST_EXPECT_MSG_EQ(
            ToHex32(Nia2(1, 1, 1, "000128804000")), "9b684237", "fault: BEARER = RB identity");
        NS_TEST_EXPECT_MSG_NE(onAir, "0001d6cd2f5c90b12016", "fault: MAC-I left in clear");
        NS_TEST_EXPECT_MSG_NE(onAir, "fe4c47dc6c5a396d4f9f", "fault: header ciphered");
        NS_TEST_EXPECT_MSG_NE(onAir, "0001d6cd2f5c8b8a4355", "fault: MAC-I over payload only");

        // The receiver deciphers before it reads the MAC-I.
        auto pdu = FromHex(onAir);
        auto res = NrSecurityPdcpPdu::Unprotect(
            Srb1(), 1, 1, R1Security(true, true), pdu.data(), pdu.size());
        NS_TEST_EXPECT_MSG_EQ(res.status, NrSecurityPdcpUnprotectResult::OK, "verifies");
        NS_TEST_EXPECT_MSG_EQ(ToHex32(res.receivedMac),
                              "90b12016",
                              "fault: last 4 on-air bytes (bceb89ca) taken as MAC-I");
        r.ue.Receive(r.gnb.sentPdus[0]);
        r.ue.Receive(onAir);
        NS_TEST_ASSERT_MSG_EQ(r.ue.deliveredSdus.size(), 2u, "both delivered");
        NS_TEST_EXPECT_MSG_EQ(r.ue.deliveredSdus[1], "28804000", "payload");
        NS_TEST_EXPECT_MSG_EQ(r.ue.deliveredCounts[1], 1u, "COUNT");
        Simulator::Destroy();
    }
};

/// P2: a corrupted PDU is discarded with a trace and an indication, and only that one.
class CorruptedPduTestCase : public TestCase
{
  public:
    CorruptedPduTestCase()
        : TestCase("P2 failed-pdu-delivered: a flipped MAC-I bit discards that PDU only")
    {
    }

  private:
    void DoRun() override
    {
        R1Pair r;
        r.ActivateAll();
        r.gnb.Send("0a0b0c");
        r.ue.Receive(r.gnb.sentPdus[0]); // COUNT 0 delivered: RX_DELIV = RX_NEXT = 1
        r.ue.Receive("0001d6cd2f5cbceb89cb");
        NS_TEST_EXPECT_MSG_EQ(r.ue.deliveredSdus.size(), 1u, "corrupted PDU not delivered");
        NS_TEST_EXPECT_MSG_EQ(r.ue.pdcp->GetRxNext(), 1u, "RX_NEXT unchanged");
        NS_TEST_EXPECT_MSG_EQ(r.ue.pdcp->GetRxDeliv(), 1u, "RX_DELIV unchanged");
        NS_TEST_ASSERT_MSG_EQ(r.ue.integrityTraces.size(), 1u, "IntegrityFailure traced");
        NS_TEST_EXPECT_MSG_EQ(r.ue.integrityTraces[0],
                              "1,1,90b12017,90b12016",
                              "RB 1, COUNT 1, received and expected MAC-I");
        NS_TEST_ASSERT_MSG_EQ(r.ue.integrityIndications.size(), 1u, "upper layer told");
        NS_TEST_EXPECT_MSG_EQ(r.ue.integrityIndications[0], 1u, "with COUNT 1");
        NS_TEST_EXPECT_MSG_EQ(r.ue.pdcp->GetCounters().integrityFailures, 1u, "counted");
        r.ue.Receive("0001d6cd2f5cbceb89ca");
        NS_TEST_ASSERT_MSG_EQ(r.ue.deliveredSdus.size(), 2u, "the good PDU is delivered");
        NS_TEST_EXPECT_MSG_EQ(r.ue.deliveredSdus[1], "28804000", "its payload");
        Simulator::Destroy();
    }
};

/// P3: HFN increments at the 12-bit SN wrap on both sides.
class HfnAtWrapTestCase : public TestCase
{
  public:
    HfnAtWrapTestCase()
        : TestCase("P3 hfn-desync-at-wrap: COUNT 4095 -> 4096 with SN 0")
    {
    }

  private:
    void DoRun() override
    {
        R1Pair r;
        r.ActivateAll();
        for (int i = 0; i < 4095; ++i)
        {
            r.gnb.Send("28804000");
            r.ue.pdcp->ReceivePdu(r.gnb.sentPackets.back());
        }
        NS_TEST_EXPECT_MSG_EQ(r.gnb.Send("28804000"), 4095, "COUNT 4095");
        NS_TEST_EXPECT_MSG_EQ(r.gnb.sentPdus.back(), "0fff945ace2e94deb5a8", "PDU of COUNT 4095");
        r.ue.pdcp->ReceivePdu(r.gnb.sentPackets.back());
        NS_TEST_EXPECT_MSG_EQ(r.ue.pdcp->GetRxDeliv(), 4096u, "receiver RX_DELIV = 4096");
        NS_TEST_EXPECT_MSG_EQ(r.gnb.Send("28804000"), 4096, "next COUNT 4096");
        NS_TEST_EXPECT_MSG_EQ(r.gnb.sentPdus.back(), "0000cc46f6fdaa7f5a5b", "SN 0, HFN 1");
        NS_TEST_EXPECT_MSG_EQ(NrSecurityPdcpPdu::RcvdCount(12, 4096, 0), 4096, "RCVD_COUNT");
        r.ue.Receive("0000cc46f6fdaa7f5a5b");
        NS_TEST_EXPECT_MSG_EQ(r.ue.deliveredCounts.back(), 4096u, "delivered as COUNT 4096");
        NS_TEST_EXPECT_MSG_EQ(r.ue.deliveredSdus.back(), "28804000", "payload");
        NS_TEST_EXPECT_MSG_EQ(ToHex32(r.ue.pdcp->GetLastRxMac()), "e0900e8c", "MAC-I verified");
        NS_TEST_EXPECT_MSG_EQ(ToHex32(Nia2(0, 0, 1, "000028804000")),
                              "ee70822a",
                              "a receiver using COUNT 0 computes this and drops the PDU");
        NS_TEST_EXPECT_MSG_EQ(r.ue.integrityTraces.size(), 0u, "no integrity failure");
        Simulator::Destroy();
    }
};

/// P4: SecurityModeComplete is integrity-protected and not ciphered; the next PDU is ciphered.
class SmcCompleteNotCipheredTestCase : public TestCase
{
  public:
    SmcCompleteNotCipheredTestCase()
        : TestCase("P4 smc-complete-ciphered: 0000 2a00 ad5dcad1, then ciphering")
    {
    }

  private:
    void DoRun() override
    {
        PdcpProbe ue(Srb1(), NrSecurityDirection::UPLINK);
        // TS 33.501 6.7.4 / TS 38.331 5.3.4.3: integrity on, send Complete, then cipher.
        ue.pdcp->SetTxIntegrity(NrSecurityIntegrity::NIA2, Key(R1_K_RRC_INT));
        NS_TEST_EXPECT_MSG_EQ(ue.Send("2a00"), 0, "COUNT 0");
        NS_TEST_EXPECT_MSG_EQ(ue.sentPdus[0], "00002a00ad5dcad1", "SecurityModeComplete on air");
        ue.pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_RRC_ENC));
        ue.Send("2a00");
        auto clear = FromHex("00012a00");
        uint32_t mac = Nia2(1, 0, 0, "00012a00");
        std::vector<uint8_t> tail
            = {0x2a, 0x00, uint8_t(mac >> 24), uint8_t(mac >> 16), uint8_t(mac >> 8), uint8_t(mac)};
        NrSecurityAlgorithms::Nea(
            NrSecurityCiphering::NEA2, Key(R1_K_RRC_ENC), 1, 0, 0, tail.data(), tail.size(), 48);
        NS_TEST_EXPECT_MSG_EQ(ue.sentPdus[1], "0001" + ToHex(tail), "COUNT 1 ciphered");
        NS_TEST_EXPECT_MSG_NE(ue.sentPdus[1].substr(4, 4), "2a00", "payload not in clear");
        Simulator::Destroy();
    }
};

/// P5: an SRB always carries a MAC-I field; a DRB without integrity has none.
class SrbMacFieldTestCase : public TestCase
{
  public:
    SrbMacFieldTestCase()
        : TestCase("P5 missing-mac-field: SRB zero MAC-I before activation, NIA0 ciphered")
    {
    }

  private:
    void DoRun() override
    {
        R1Pair r;
        r.gnb.Send("28804000");
        NS_TEST_EXPECT_MSG_EQ(r.gnb.sentPdus[0],
                              "000028804000"
                              "00000000",
                              "before activation");
        r.ue.Receive(r.gnb.sentPdus[0]);
        NS_TEST_ASSERT_MSG_EQ(r.ue.deliveredSdus.size(), 1u, "delivered unverified");
        NS_TEST_EXPECT_MSG_EQ(r.ue.deliveredSdus[0], "28804000", "exactly 4 bytes stripped");
        // A non-zero MAC-I field is not verified while integrity is inactive either.
        r.ue.Receive("0001288040001234abcd");
        NS_TEST_EXPECT_MSG_EQ(r.ue.deliveredSdus.size(), 2u, "not verified before activation");

        r.gnb.pdcp->SetTxIntegrity(NrSecurityIntegrity::NIA0, Key(R1_K_RRC_INT));
        r.gnb.pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_RRC_ENC));
        r.gnb.Send("28804000");
        NS_TEST_EXPECT_MSG_EQ(r.gnb.sentPdus[1], "0001d6cd2f5c2c5aa9dc", "NIA0 + NEA2, COUNT 1");

        NrSecurityPdcpFormat drb;
        drb.rbType = NrSecurityRbType::DRB;
        drb.rbId = 1;
        PdcpProbe d(drb, NrSecurityDirection::DOWNLINK);
        d.Send("28804000");
        NS_TEST_EXPECT_MSG_EQ(d.sentPdus[0], "800028804000", "DRB without integrity: no MAC-I");
        Simulator::Destroy();
    }
};

/// P6: receive deciphering starts at a COUNT boundary set by RRC while it handles SN 4.
class RxCountBoundaryTestCase : public TestCase
{
  public:
    RxCountBoundaryTestCase()
        : TestCase("P6 late-deciphering-start: SMC SN 4 integrity only, SN 5 ciphered")
    {
    }

  private:
    void DoRun() override
    {
        PdcpProbe gnb(Srb1(), NrSecurityDirection::DOWNLINK);
        m_ue = CreateObject<NrSecurityPdcp>();
        m_ue->SetFormat(Srb1());
        m_ue->SetAttribute("Direction", StringValue("UL"));
        m_ue->SetDeliverSduCallback(MakeCallback(&RxCountBoundaryTestCase::OnSdu, this));
        for (int i = 0; i < 4; ++i)
        {
            gnb.Send("0102");
        }
        gnb.pdcp->SetTxIntegrity(NrSecurityIntegrity::NIA2, Key(R1_K_RRC_INT));
        gnb.Send("200910"); // SN 4: SecurityModeCommand (nea2, nia2), integrity only
        gnb.pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_RRC_ENC));
        gnb.Send("28804000");                 // SN 5: ciphered and integrity-protected
        for (const auto& p : gnb.sentPackets) // all handed over in the same instant
        {
            m_ue->ReceivePdu(p);
        }
        NS_TEST_ASSERT_MSG_EQ(m_sdus.size(), 6u, "six SDUs delivered");
        NS_TEST_EXPECT_MSG_EQ(m_sdus[4], "200910", "SN 4 not deciphered");
        NS_TEST_EXPECT_MSG_EQ(m_smcVerified, true, "SN 4 verified with the new K_RRCint");
        NS_TEST_EXPECT_MSG_EQ(m_sdus[5], "28804000", "SN 5 deciphered with COUNT 5");
        NS_TEST_EXPECT_MSG_EQ(m_ue->GetCounters().integrityFailures, 0u, "SN 5 verified");
        NS_TEST_EXPECT_MSG_EQ(ToHex32(m_smcMac), ToHex32(Nia2(4, 0, 1, "0004200910")), "SMC MAC-I");
        NS_TEST_EXPECT_MSG_EQ(m_ue->GetRxSecurity(5).integrityActive, true, "verified");
        NS_TEST_EXPECT_MSG_EQ(m_ue->GetRxSecurity(4).integrityActive, false, "SN 4 by RRC");
        // A wrong candidate key fails and is traced, without changing the configuration.
        NS_TEST_EXPECT_MSG_EQ(
            m_ue->VerifyDeliveredSdu(
                4, HexPacket("200910"), m_smcMac, NrSecurityIntegrity::NIA2, Key(R1_K_RRC_ENC)),
            false,
            "wrong K_RRCint");
        NS_TEST_EXPECT_MSG_EQ(m_ue->GetCounters().integrityFailures, 1u, "counted");
        m_ue->Dispose();
        m_ue = nullptr;
        Simulator::Destroy();
    }

    /// The UE's RRC: on the SMC, verify it with the new K_RRCint, then set integrity and
    /// ciphering from the next COUNT.
    void OnSdu(Ptr<Packet> sdu, uint32_t count)
    {
        m_sdus.push_back(PacketHex(sdu));
        if (count == 4)
        {
            m_smcMac = m_ue->GetLastRxMac();
            m_smcVerified = m_ue->VerifyDeliveredSdu(
                count, sdu, m_ue->GetLastRxMac(), NrSecurityIntegrity::NIA2, Key(R1_K_RRC_INT));
            m_ue->SetRxIntegrity(NrSecurityIntegrity::NIA2, Key(R1_K_RRC_INT), count + 1);
            m_ue->SetRxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_RRC_ENC), count + 1);
        }
    }

    Ptr<NrSecurityPdcp> m_ue;
    std::vector<std::string> m_sdus;
    bool m_smcVerified = false;
    uint32_t m_smcMac = 0;
};

/**
 * P7: every PDU shorter than the shortest valid one is discarded as malformed before any
 * algorithm runs (counted, traced, no state change), and the shortest valid one is processed
 * without reading past its end: SRB; DRB with a 12- or 18-bit SN, with and without an SDAP
 * header, with and without integrity; DRB control PDUs (TS 38.323 6.2.2, 6.2.3: status report
 * header + 4-byte FMC, ROHC/EHC feedback header + 1 byte, PDU types 3-7 reserved). Each PDU is
 * handed over in a buffer of exactly its length (the stateless parser on a heap block of that
 * size, the entity through a Packet), so that ASan sees any overread.
 */
class MalformedPduTestCase : public TestCase
{
  public:
    MalformedPduTestCase()
        : TestCase("P7 short-pdu-overread: every length below the minimum, SRB and DRB "
                   "12- and 18-bit SN, with and without SDAP and integrity, DRB control PDUs")
    {
    }

  private:
    /// \return a PDU of n bytes: first byte `first`, the rest of a `hdr`-byte header 0 (SN 0),
    ///         then 0x5a
    static std::vector<uint8_t> Pdu(size_t n, uint8_t first, size_t hdr)
    {
        std::vector<uint8_t> b(n, 0x5a);
        for (size_t i = 0; i < n && i < hdr; ++i)
        {
            b[i] = i == 0 ? first : 0x00;
        }
        return b;
    }

    /// Parses (and unprotects, if valid) a copy of b in a heap block of exactly b.size().
    static NrSecurityPdcpHeader Parse(const NrSecurityPdcpFormat& f, const std::vector<uint8_t>& b)
    {
        std::unique_ptr<uint8_t[]> exact(b.empty() ? nullptr : new uint8_t[b.size()]);
        std::copy(b.begin(), b.end(), exact.get());
        NrSecurityPdcpHeader h = NrSecurityPdcpPdu::ParseHeader(f, exact.get(), b.size());
        if (h.valid && !h.control)
        {
            NrSecurityPdcpPdu::Unprotect(f, h.sn, 1, R1Security(true, true), exact.get(), b.size());
        }
        return h;
    }

    void DoRun() override
    {
        std::vector<NrSecurityPdcpFormat> formats{Srb1()};
        for (uint8_t sn : {12, 18})
        {
            for (bool sdap : {false, true})
            {
                for (bool integrity : {false, true})
                {
                    NrSecurityPdcpFormat f;
                    f.rbType = NrSecurityRbType::DRB;
                    f.rbId = 4;
                    f.snBits = sn;
                    f.sdapHeader = sdap;
                    f.drbIntegrity = integrity;
                    formats.push_back(f);
                }
            }
        }
        for (const NrSecurityPdcpFormat& f : formats)
        {
            const bool drb = f.rbType == NrSecurityRbType::DRB;
            const std::string what = std::string(drb ? "DRB " : "SRB ") + std::to_string(f.snBits)
                                     + (f.sdapHeader ? " SDAP" : "")
                                     + (f.MacBytes() ? " MAC-I" : "");
            // Shortest data PDU: header, one SDU byte (an SDAP control PDU is a whole 1-byte
            // SDU, TS 37.324 6.2.3), MAC-I where present.
            const size_t minBytes = f.HeaderBytes() + 1 + f.MacBytes();
            const uint8_t dataFirst = drb ? 0x80 : 0x00; // D/C = 1 for a DRB data PDU
            PdcpProbe ue(f, NrSecurityDirection::UPLINK);
            ue.pdcp->SetRxIntegrity(NrSecurityIntegrity::NIA2, Key(R1_K_RRC_INT), 0);
            ue.pdcp->SetRxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_RRC_ENC), 0);
            for (size_t n = 0; n < minBytes; ++n)
            {
                auto b = Pdu(n, dataFirst, f.HeaderBytes());
                NS_TEST_EXPECT_MSG_EQ(Parse(f, b).valid, false, what << " " << n);
                ue.pdcp->ReceivePdu(Create<Packet>(b.data(), static_cast<uint32_t>(n)));
            }
            NS_TEST_EXPECT_MSG_EQ(
                ue.pdcp->GetCounters().malformed, minBytes, what << ": malformed");
            NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetCounters().integrityFailures, 0u, what << ": no NIA");
            NS_TEST_EXPECT_MSG_EQ(ue.deliveredSdus.size(), 0u, what << ": nothing delivered");
            NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetRxNext(), 0u, what << ": no state change");
            NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetRxDeliv(), 0u, what << ": no state change");
            NS_TEST_ASSERT_MSG_EQ(ue.discards.size(), minBytes, what << ": each traced");
            for (const auto& d : ue.discards)
            {
                NS_TEST_EXPECT_MSG_EQ(d.rfind("malformed: ", 0), 0u, what << ": reason " << d);
            }
            // The shortest valid PDU is processed (its MAC-I, if any, fails; without one it is
            // delivered), never discarded as malformed.
            auto b = Pdu(minBytes, dataFirst, f.HeaderBytes());
            NS_TEST_EXPECT_MSG_EQ(Parse(f, b).valid, true, what << ": " << minBytes << " valid");
            ue.pdcp->ReceivePdu(Create<Packet>(b.data(), static_cast<uint32_t>(minBytes)));
            NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetCounters().malformed, minBytes, what << ": minimum");
            NS_TEST_EXPECT_MSG_EQ(ue.deliveredSdus.size()
                                      + ue.pdcp->GetCounters().integrityFailures,
                                  1u,
                                  what << ": minimum processed");
            Simulator::Destroy();
        }

        // DRB control PDUs: D/C = 0, PDU type in bits 6-4.
        NrSecurityPdcpFormat drb;
        drb.rbType = NrSecurityRbType::DRB;
        drb.rbId = 4;
        PdcpProbe ue(drb, NrSecurityDirection::UPLINK);
        uint64_t malformed = 0;
        uint64_t control = 0;
        for (uint8_t type = 0; type < 8; ++type)
        {
            const size_t minBytes = type == 0 ? 5 : 2;
            for (size_t n = 1; n <= minBytes; ++n)
            {
                auto b = Pdu(n, static_cast<uint8_t>(type << 4), 1);
                const bool valid = type <= 2 && n == minBytes;
                NrSecurityPdcpHeader h = Parse(drb, b);
                NS_TEST_EXPECT_MSG_EQ(
                    h.valid, valid, "control type " << unsigned(type) << ", " << n);
                NS_TEST_EXPECT_MSG_EQ(h.control || !valid, true, "a control PDU");
                ue.pdcp->ReceivePdu(Create<Packet>(b.data(), static_cast<uint32_t>(n)));
                (valid ? control : malformed) += 1;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetCounters().malformed, malformed, "control: malformed");
        NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetCounters().rxControlPdus, control, "control: received");
        NS_TEST_EXPECT_MSG_EQ(ue.discards.size(), malformed, "each malformed one traced");
        NS_TEST_EXPECT_MSG_EQ(ue.deliveredSdus.size(), 0u, "control PDUs are not delivered");
        NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetRxNext(), 0u, "no state change");
        Simulator::Destroy();
    }
};

/// NrSecurityPdcp::CreateEntity makes what CreateObject makes (every attribute's value), with
/// a changed default (Config::SetDefault) applied, and the direction given.
class CreateEntityTestCase : public TestCase
{
  public:
    CreateEntityTestCase()
        : TestCase("CreateEntity: the attributes CreateObject gives, changed defaults applied")
    {
    }

  private:
    /// \return every readable attribute of p as "name=value" lines
    static std::string Attributes(Ptr<NrSecurityPdcp> p)
    {
        std::string out;
        const TypeId tid = NrSecurityPdcp::GetTypeId();
        for (std::size_t i = 0; i < tid.GetAttributeN(); ++i)
        {
            const TypeId::AttributeInformation info = tid.GetAttribute(i);
            Ptr<AttributeValue> v = info.checker->Create();
            p->GetAttribute(info.name, *v);
            out += info.name + "=" + v->SerializeToString(info.checker) + "\n";
        }
        return out;
    }

    void DoRun() override
    {
        for (auto d : {NrSecurityDirection::UPLINK, NrSecurityDirection::DOWNLINK})
        {
            Ptr<NrSecurityPdcp> reference = CreateObject<NrSecurityPdcp>();
            reference->SetAttribute("Direction",
                                    StringValue(d == NrSecurityDirection::UPLINK ? "UL" : "DL"));
            Ptr<NrSecurityPdcp> fast = NrSecurityPdcp::CreateEntity(d);
            NS_TEST_EXPECT_MSG_EQ(Attributes(fast), Attributes(reference), "defaults");
            NS_TEST_EXPECT_MSG_EQ(fast->GetInstanceTypeId(), NrSecurityPdcp::GetTypeId(), "TypeId");
        }
        Config::SetDefault("ns3::NrSecurityPdcp::TReordering", TimeValue(MilliSeconds(35)));
        Config::SetDefault("ns3::NrSecurityPdcp::RlcMode", StringValue("UM"));
        Ptr<NrSecurityPdcp> reference = CreateObject<NrSecurityPdcp>();
        Ptr<NrSecurityPdcp> fast = NrSecurityPdcp::CreateEntity(NrSecurityDirection::UPLINK);
        Config::SetDefault("ns3::NrSecurityPdcp::TReordering", TimeValue(MilliSeconds(100)));
        Config::SetDefault("ns3::NrSecurityPdcp::RlcMode", StringValue("AM"));
        TimeValue t;
        fast->GetAttribute("TReordering", t);
        NS_TEST_EXPECT_MSG_EQ(t.Get(), MilliSeconds(35), "changed default applied");
        NS_TEST_EXPECT_MSG_EQ(Attributes(fast), Attributes(reference), "changed defaults");
        // The trace sources are found through the entity's TypeId.
        NS_TEST_EXPECT_MSG_EQ(fast->TraceConnectWithoutContext(
                                  "PduEvent", MakeCallback(&CreateEntityTestCase::OnEvent)),
                              true,
                              "PduEvent connects");
    }

    static void OnEvent(const NrSecurityPdcpPduEvent&)
    {
    }
};

/// With NS_ATTRIBUTE_DEFAULT in the environment, which ns-3's attribute construction prefers to
/// Config::SetDefault, CreateEntity still gives what CreateObject gives (ctest
/// nr-security-pdcp-cases-env runs this suite with MaxUnconfirmedSdus=1000 there; without the
/// variable both give the Config::SetDefault value).
class CreateEntityEnvironmentTestCase : public TestCase
{
  public:
    CreateEntityEnvironmentTestCase()
        : TestCase("CreateEntity: NS_ATTRIBUTE_DEFAULT wins over Config::SetDefault, as in "
                   "CreateObject")
    {
    }

  private:
    void DoRun() override
    {
        Config::SetDefault("ns3::NrSecurityPdcp::MaxUnconfirmedSdus", UintegerValue(2000));
        Ptr<NrSecurityPdcp> reference = CreateObject<NrSecurityPdcp>();
        Ptr<NrSecurityPdcp> fast = NrSecurityPdcp::CreateEntity(NrSecurityDirection::UPLINK);
        Config::SetDefault("ns3::NrSecurityPdcp::MaxUnconfirmedSdus", UintegerValue(131072));
        UintegerValue want;
        UintegerValue got;
        reference->GetAttribute("MaxUnconfirmedSdus", want);
        fast->GetAttribute("MaxUnconfirmedSdus", got);
        const char* environment = std::getenv("NS_ATTRIBUTE_DEFAULT");
        const std::string variable = environment != nullptr ? environment : "";
        const bool fromEnvironment = variable.find("MaxUnconfirmedSdus=1000") != std::string::npos;
        const uint64_t expected = fromEnvironment ? 1000 : 2000;
        NS_TEST_EXPECT_MSG_EQ(want.Get(), expected, "CreateObject's value");
        NS_TEST_EXPECT_MSG_EQ(got.Get(), want.Get(), "CreateEntity's value");
    }
};

class NrSecurityPdcpCasesTestSuite : public TestSuite
{
  public:
    NrSecurityPdcpCasesTestSuite()
        : TestSuite("nr-security-pdcp-cases")
    {
        AddTestCase(new ReferencePduTestCase);
        AddTestCase(new CorruptedPduTestCase);
        AddTestCase(new HfnAtWrapTestCase);
        AddTestCase(new SmcCompleteNotCipheredTestCase);
        AddTestCase(new SrbMacFieldTestCase);
        AddTestCase(new RxCountBoundaryTestCase);
        AddTestCase(new MalformedPduTestCase);
        AddTestCase(new CreateEntityTestCase);
        AddTestCase(new CreateEntityEnvironmentTestCase);
    }
};

NrSecurityPdcpCasesTestSuite g_nrSecurityPdcpCasesTestSuite;

} // namespace
