// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Suite nr-security-key-chain: the NH chain (TS 33.501 6.9.2.1.1, A.10), K_gNB* (A.11), the
 * UE's horizontal / vertical rule for a received NCC, and the AMF's {NH, NCC} in path switch
 * (6.9.2.3.2) and N2 handover (6.9.2.3.3). Cases M1-M4 of shared/cases/mobility.md.
 *
 * The oracle is independent of NrSecurityKdf: OpenSSL's one-shot HMAC() with SHA-256 over an
 * input string S built here byte by byte (TS 33.220 B.2.2: FC || P0 || L0 || ...).
 */
#include "../model/compat/nr-security-ns3-compat.h"
#include "ns3/nr-security-amf.h"
#include "ns3/nr-security-hex.h"
#include "ns3/nr-security-kdf.h"
#include "ns3/nr-security-key-chain.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <functional>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// R1 (shared/cases/pdcp.md): K_AMF, uplink NAS COUNT 0 -> K_gNB (TS 33.501 A.9).
const char* const K_AMF = "d655f16142035d4d72ca39583d228d2dd2ec0ca7929ad007f53b382d05544405";
const char* const K_GNB = "493a16c58b77b627fa3f1ac6344c183039f01ba0cb7636bbccc4365b023bd562";
/// M2: NH1, NH2, NH3 (plain HMAC-SHA-256, cross-checked, shared/cases/mobility.md).
const char* const NH1 = "36b236a55a1f7556e2ff066b8a813a055c04865bc372e69b2d6df63ef25fd8a9";
const char* const NH2 = "8f2c9e86d22a46cb41035a5eb16d44b22bc6277217cfad138a9af9eddcd854d3";
const char* const NH3 = "e85fda382389adf5f16a674e3abc4414c54c8ad6f11a7a7ce59e20d6dad515c0";
/// M1: K_gNB* = KDF(K_gNB, 0x70, PCI 1, ARFCN-DL 632628) (A.11).
const char* const KGNB_STAR_PCI1
    = "22f80de2177c135fc0317832d63f10e073b31375999f22ff8a71fc3af1588482";

NrSecurityKey256
Key256(const std::string& hex)
{
    std::vector<uint8_t> b = NrSecurityFromHex(hex);
    NrSecurityKey256 k{};
    std::copy(b.begin(), b.end(), k.begin());
    return k;
}

std::string
Hex(const NrSecurityKey256& k)
{
    return NrSecurityToHex(k);
}

/// The oracle: HMAC-SHA-256(key, s) with OpenSSL's one-shot HMAC().
NrSecurityKey256
OracleHmac(const NrSecurityKey256& key, const std::vector<uint8_t>& s)
{
    NrSecurityKey256 out{};
    unsigned int len = 0;
    HMAC(EVP_sha256(),
         key.data(),
         static_cast<int>(key.size()),
         s.data(),
         s.size(),
         out.data(),
         &len);
    return out;
}

/// Oracle NH (A.10): S = 0x6F || SYNC-input (32 bytes) || 0x0020.
NrSecurityKey256
OracleNh(const NrSecurityKey256& kAmf, const NrSecurityKey256& sync)
{
    std::vector<uint8_t> s{0x6F};
    s.insert(s.end(), sync.begin(), sync.end());
    s.push_back(0x00);
    s.push_back(0x20);
    return OracleHmac(kAmf, s);
}

/// Oracle K_gNB* (A.11): S = 0x70 || PCI (2) || 0x0002 || ARFCN-DL (3) || 0x0003.
NrSecurityKey256
OracleKgnbStar(const NrSecurityKey256& key, uint16_t pci, uint32_t arfcn)
{
    std::vector<uint8_t> s{0x70,
                           static_cast<uint8_t>(pci >> 8),
                           static_cast<uint8_t>(pci),
                           0x00,
                           0x02,
                           static_cast<uint8_t>(arfcn >> 16),
                           static_cast<uint8_t>(arfcn >> 8),
                           static_cast<uint8_t>(arfcn),
                           0x00,
                           0x03};
    return OracleHmac(key, s);
}

/// NH_i by the oracle (i >= 1); NH_0 is the initial K_gNB.
NrSecurityKey256
OracleNhAt(uint32_t index)
{
    NrSecurityKey256 nh = Key256(K_GNB);
    for (uint32_t i = 0; i < index; ++i)
    {
        nh = OracleNh(Key256(K_AMF), nh);
    }
    return nh;
}

std::string
InvalidArgument(const std::function<void()>& f)
{
    try
    {
        f();
    }
    catch (const std::invalid_argument& e)
    {
        return e.what();
    }
    return "(no exception)";
}

} // namespace

/**
 * M1 (TS 33.501 A.11): K_gNB* uses FC 0x70, PCI in 2 bytes and ARFCN-DL always in 3 bytes,
 * horizontally from K_gNB and vertically from NH; the faulty LTE-style inputs differ.
 */
class KgnbStarTestCase : public TestCase
{
  public:
    KgnbStarTestCase()
        : TestCase(
            "kgnb-star-arfcn-fc: K_gNB* = KDF(key, 0x70, PCI in 2 bytes, ARFCN-DL in 3 bytes), "
            "horizontal and vertical (M1)")
    {
    }

  private:
    /// A failed assertion returns early: no event of this case may outlive it.
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        const NrSecurityKey256 kGnb = Key256(K_GNB);
        NS_TEST_EXPECT_MSG_EQ(
            Hex(OracleKgnbStar(kGnb, 1, 632628)), KGNB_STAR_PCI1, "the oracle reproduces M1");
        NrSecurityNhChain chain(Key256(K_AMF), kGnb);
        // Horizontal: the received NCC is the current one (0).
        NrSecurityKgnbStarDerivation h
            = NrSecurityNhChain::DeriveKgnbStar(chain, kGnb, 0, 1, 632628);
        NS_TEST_EXPECT_MSG_EQ(Hex(h.kGnbStar), KGNB_STAR_PCI1, "horizontal K_gNB* (M1)");
        NS_TEST_EXPECT_MSG_EQ(h.vertical, false, "same NCC: horizontal");
        NS_TEST_EXPECT_MSG_EQ(Hex(h.inputKey), K_GNB, "from the current K_gNB");
        NS_TEST_EXPECT_MSG_EQ(h.steps, 0u, "chain not advanced");
        NS_TEST_EXPECT_MSG_EQ(chain.GetIndex(), 0u, "chain index stays 0");
        // Vertical: NCC 1 -> NH_1.
        NrSecurityKgnbStarDerivation v
            = NrSecurityNhChain::DeriveKgnbStar(chain, h.kGnbStar, 1, 2, 632628);
        NS_TEST_EXPECT_MSG_EQ(v.vertical, true, "new NCC: vertical");
        NS_TEST_EXPECT_MSG_EQ(Hex(v.inputKey), NH1, "from NH_1");
        NS_TEST_EXPECT_MSG_EQ(Hex(v.kGnbStar),
                              Hex(OracleKgnbStar(Key256(NH1), 2, 632628)),
                              "vertical K_gNB* from NH_1, PCI 2");
        NS_TEST_EXPECT_MSG_EQ(v.nhIndex, 1u, "chain at NH_1");
        NS_TEST_EXPECT_MSG_EQ(v.steps, 1u, "one NH computed");
        // ARFCN-DL above 65535 and the 3-byte length for a small one.
        NS_TEST_EXPECT_MSG_EQ(Hex(NrSecurityKdf::DeriveKgnbStar(kGnb, 1007, 3279165)),
                              Hex(OracleKgnbStar(kGnb, 1007, 3279165)),
                              "largest PCI and ARFCN-DL");
        NS_TEST_EXPECT_MSG_EQ(Hex(NrSecurityKdf::DeriveKgnbStar(kGnb, 1, 1000)),
                              Hex(OracleKgnbStar(kGnb, 1, 1000)),
                              "an ARFCN-DL that fits 2 bytes still has L = 3");
        // The faults of M1 give other keys: LTE FC 0x13 with a 2-byte EARFCN (truncated),
        // FC 0x70 with a 2-byte ARFCN.
        const std::vector<uint8_t> lte{0x13, 0x00, 0x01, 0x00, 0x02, 0xa7, 0x34, 0x00, 0x02};
        const std::vector<uint8_t> short2{0x70, 0x00, 0x01, 0x00, 0x02, 0x03, 0xe8, 0x00, 0x02};
        NS_TEST_EXPECT_MSG_NE(Hex(OracleHmac(kGnb, lte)), KGNB_STAR_PCI1, "FC 0x13 differs");
        NS_TEST_EXPECT_MSG_NE(Hex(OracleHmac(kGnb, short2)),
                              Hex(NrSecurityKdf::DeriveKgnbStar(kGnb, 1, 1000)),
                              "a 2-byte ARFCN-DL differs");
    }
};

/**
 * M2 (TS 33.501 6.9.2.1.1, A.10): the NH chain and its 3-bit NCC, NCC 1..9 through the wrap
 * at 8: the chain continues (NH_8 for NCC 0, NH_9 for NCC 1), it never restarts.
 */
class NhChainWrapTestCase : public TestCase
{
  public:
    NhChainWrapTestCase()
        : TestCase("nh-chain-restart: NH chain NCC 1..9 wraps at 8 and continues (M2)")
    {
    }

  private:
    /// A failed assertion returns early: no event of this case may outlive it.
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        NrSecurityNhChain chain(Key256(K_AMF), Key256(K_GNB));
        NS_TEST_EXPECT_MSG_EQ(chain.GetIndex(), 0u, "index 0");
        NS_TEST_EXPECT_MSG_EQ(unsigned(chain.GetNcc()), 0u, "NCC 0");
        NS_TEST_EXPECT_MSG_EQ(Hex(chain.GetNh()), K_GNB, "virtual NH 0 = initial K_gNB");
        NS_TEST_EXPECT_MSG_EQ(Hex(chain.Advance()), NH1, "NH1 (M2)");
        NS_TEST_EXPECT_MSG_EQ(Hex(chain.Advance()), NH2, "NH2 (M2)");
        NS_TEST_EXPECT_MSG_EQ(Hex(chain.Advance()), NH3, "NH3 (M2)");
        NS_TEST_EXPECT_MSG_EQ(Hex(OracleNhAt(1)), NH1, "oracle NH1");
        NS_TEST_EXPECT_MSG_EQ(Hex(OracleNhAt(3)), NH3, "oracle NH3");
        for (uint32_t i = 4; i <= 9; ++i)
        {
            chain.Advance();
            NS_TEST_EXPECT_MSG_EQ(chain.GetIndex(), i, "index");
            NS_TEST_EXPECT_MSG_EQ(unsigned(chain.GetNcc()), i % 8, "NCC = index mod 8");
            NS_TEST_EXPECT_MSG_EQ(Hex(chain.GetNh()), Hex(OracleNhAt(i)), "NH_" << i);
        }
        NS_TEST_EXPECT_MSG_NE(Hex(OracleNhAt(9)), NH1, "NCC 1 of the second round is not NH1");
        NS_TEST_EXPECT_MSG_NE(Hex(OracleNhAt(8)), K_GNB, "NCC 0 after the wrap is not K_gNB");

        // The UE's AdvanceToNcc across the wrap: 7 -> 0 -> 1.
        NrSecurityNhChain ue(Key256(K_AMF), Key256(K_GNB));
        NS_TEST_EXPECT_MSG_EQ(ue.AdvanceToNcc(0), 0u, "NCC 0 at index 0: no step");
        NS_TEST_EXPECT_MSG_EQ(ue.AdvanceToNcc(7), 7u, "to NCC 7: 7 steps");
        NS_TEST_EXPECT_MSG_EQ(ue.AdvanceToNcc(0), 1u, "7 -> 0: one step");
        NS_TEST_EXPECT_MSG_EQ(ue.GetIndex(), 8u, "index 8");
        NS_TEST_EXPECT_MSG_EQ(Hex(ue.GetNh()), Hex(OracleNhAt(8)), "NH_8");
        NS_TEST_EXPECT_MSG_EQ(ue.AdvanceToNcc(1), 1u, "0 -> 1: one step");
        NS_TEST_EXPECT_MSG_EQ(Hex(ue.GetNh()), Hex(OracleNhAt(9)), "NH_9, not NH_1");
        NS_TEST_EXPECT_MSG_EQ(ue.AdvanceToNcc(0), 7u, "1 -> 0: seven steps");
        NS_TEST_EXPECT_MSG_EQ(ue.GetIndex(), 16u, "index 16");

        // The UE rule across the wrap: NCC 0 received at index 7 is vertical from NH_8.
        NrSecurityNhChain u2(Key256(K_AMF), Key256(K_GNB));
        u2.AdvanceToNcc(7);
        const NrSecurityKey256 current = Key256(KGNB_STAR_PCI1); // any K_gNB in use
        NrSecurityKgnbStarDerivation d
            = NrSecurityNhChain::DeriveKgnbStar(u2, current, 0, 5, 632628);
        NS_TEST_EXPECT_MSG_EQ(d.vertical, true, "NCC 0 after 7: vertical");
        NS_TEST_EXPECT_MSG_EQ(d.nhIndex, 8u, "from NH_8");
        NS_TEST_EXPECT_MSG_EQ(
            Hex(d.kGnbStar), Hex(OracleKgnbStar(OracleNhAt(8), 5, 632628)), "K_gNB* from NH_8");

        // NCC is 3 bits; a bad NCC, PCI or ARFCN-DL leaves the chain as it was.
        NS_TEST_EXPECT_MSG_EQ(InvalidArgument([&ue]() { ue.AdvanceToNcc(8); }),
                              "ncc: 8 is not a 3-bit NH chaining count (0..7)",
                              "NCC 8 refused");
        NS_TEST_EXPECT_MSG_EQ(
            InvalidArgument([&ue, &current]()
                            { NrSecurityNhChain::DeriveKgnbStar(ue, current, 9, 1, 632628); }),
            "ncc: 9 is not a 3-bit NH chaining count (0..7)",
            "NCC 9 refused");
        const std::string bad = InvalidArgument(
            [&ue, &current]() { NrSecurityNhChain::DeriveKgnbStar(ue, current, 3, 1008, 632628); });
        NS_TEST_EXPECT_MSG_NE(bad, "(no exception)", "PCI 1008 refused");
        NS_TEST_EXPECT_MSG_EQ(ue.GetIndex(), 16u, "chain unchanged by the refused derivations");
    }
};

/// Records the AMF's outputs in an N2 / Xn handover sequence.
struct AmfRecorder
{
    std::vector<NrSecurityPathSwitchAck> acks;         ///< PATH SWITCH REQUEST ACKNOWLEDGE
    std::vector<NrSecurityN2HandoverRequest> requests; ///< HANDOVER REQUEST (any target)
    std::vector<uint16_t> requestCells;                ///< the cell that got each request
    std::vector<std::string> commands;                 ///< "ue,ok,container hex,cause"
    std::vector<uint16_t> releasedAt;                  ///< cell that got UE CONTEXT RELEASE
    std::vector<uint32_t> nhIndices;                   ///< NhDerived indices
    std::vector<std::string> nhs;                      ///< NhDerived NH
    std::vector<std::string> refusals;                 ///< "procedure: reason"

    void Ack(uint32_t, NrSecurityPathSwitchAck a)
    {
        acks.push_back(a);
    }

    void Request(uint16_t cell, const NrSecurityN2HandoverRequest& r)
    {
        requests.push_back(r);
        requestCells.push_back(cell);
    }

    void Command(uint32_t ue, bool ok, const std::vector<uint8_t>& c, const std::string& cause)
    {
        commands.push_back(std::to_string(ue) + "," + (ok ? "1" : "0") + "," + NrSecurityToHex(c)
                           + "," + cause);
    }

    void Release(uint16_t cell, uint32_t)
    {
        releasedAt.push_back(cell);
    }

    void Nh(uint32_t, uint32_t index, uint8_t ncc, const std::vector<uint8_t>& nh)
    {
        nhIndices.push_back(index);
        nhs.push_back(NrSecurityToHex(nh));
        (void)ncc;
    }

    void Refused(uint32_t, const std::string& procedure, const std::string& reason)
    {
        refusals.push_back(procedure + ": " + reason);
    }
};

/// An AMF with UE 1 in context R1 and gNB cells 1, 2, 3 registered; Initial Context Setup done.
struct AmfScenario
{
    Ptr<NrSecurityAmf> amf;
    AmfRecorder rec;

    AmfScenario()
    {
        amf = CreateObject<NrSecurityAmf>();
        NrSecurityAmfUeContext c;
        c.kAmf = Key256(K_AMF);
        amf->AddUe(1, c);
        amf->TraceConnectWithoutContext("NhDerived", MakeCallback(&AmfRecorder::Nh, &rec));
        amf->TraceConnectWithoutContext("MobilityRefused",
                                        MakeCallback(&AmfRecorder::Refused, &rec));
        for (uint16_t cell : {1, 2, 3})
        {
            amf->RegisterGnb(cell,
                             MakeBoundCallback(&AmfScenario::OnRequest, &rec, cell),
                             MakeBoundCallback(&AmfScenario::OnRelease, &rec, cell));
        }
        amf->InitialContextSetup(1, MakeCallback(&AmfScenario::OnIcs));
        amf->SetServingCell(1, 1);
        Simulator::Run();
    }

    static void OnIcs(uint32_t, NrSecurityInitialContextSetup)
    {
    }

    static void OnRequest(AmfRecorder* r, uint16_t cell, const NrSecurityN2HandoverRequest& req)
    {
        r->Request(cell, req);
    }

    static void OnRelease(AmfRecorder* r, uint16_t cell, uint32_t ue)
    {
        r->Release(cell, ue);
    }

    bool PathSwitch(uint32_t ue, uint16_t cell)
    {
        bool ok = amf->PathSwitchRequest(ue, cell, MakeCallback(&AmfRecorder::Ack, &rec));
        Simulator::Run();
        return ok;
    }
};

/**
 * The AMF's {NH, NCC} across Xn and N2 handovers in sequence (TS 33.501 6.9.2.1.1: NH_1 with
 * NCC 1 at initial setup, not sent; 6.9.2.3.2 and 6.9.2.3.3: each path switch and N2 handover
 * increments the NCC and sends a fresh NH), and the UE following with its own chain (M3: same
 * NCC -> horizontal, new NCC -> vertical), the target's K_gNB* equal to the UE's at each hop.
 */
class AmfSequenceTestCase : public TestCase
{
  public:
    AmfSequenceTestCase()
        : TestCase("amf-nh-ncc-sequence: {NH, NCC} after Xn and N2 handovers in sequence, the "
                   "UE's K_gNB* equal to the target's at each hop (M3)")
    {
    }

  private:
    /// A failed assertion returns early: no event of this case may outlive it.
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        AmfScenario s;
        const NrSecurityNhChain* amfChain = s.amf->GetNhChain(1);
        NS_TEST_ASSERT_MSG_NE(amfChain, nullptr, "chain seeded at Initial Context Setup");
        NS_TEST_EXPECT_MSG_EQ(amfChain->GetIndex(), 1u, "NH_1 derived at initial setup");
        NS_TEST_EXPECT_MSG_EQ(Hex(amfChain->GetInitialKgnb()), K_GNB, "seeded with K_gNB");
        NS_TEST_ASSERT_MSG_EQ(s.rec.nhs.size(), 1u, "NhDerived for NH_1");
        NS_TEST_EXPECT_MSG_EQ(s.rec.nhs[0], NH1, "NH_1 traced");

        // UE side: its own chain from K_AMF and its initial K_gNB; cells PCI = cell id,
        // ARFCN-DL 632628.
        NrSecurityNhChain ue(Key256(K_AMF), Key256(K_GNB));
        NrSecurityKey256 ueKgnb = Key256(K_GNB);

        // Hop 1, Xn 1 -> 2: the source has no unused NH: horizontal with NCC 0.
        NrSecurityKey256 target = NrSecurityKdf::DeriveKgnbStar(Key256(K_GNB), 2, 632628);
        NrSecurityKgnbStarDerivation d
            = NrSecurityNhChain::DeriveKgnbStar(ue, ueKgnb, 0, 2, 632628);
        NS_TEST_EXPECT_MSG_EQ(d.vertical, false, "hop 1 horizontal");
        NS_TEST_EXPECT_MSG_EQ(Hex(d.kGnbStar), Hex(target), "hop 1: UE = target");
        NS_TEST_EXPECT_MSG_EQ(
            Hex(d.kGnbStar), Hex(OracleKgnbStar(Key256(K_GNB), 2, 632628)), "hop 1: oracle");
        ueKgnb = d.kGnbStar;
        NS_TEST_ASSERT_MSG_EQ(s.PathSwitch(1, 2), true, "path switch accepted");
        NS_TEST_ASSERT_MSG_EQ(s.rec.acks.size(), 1u, "acknowledged");
        NS_TEST_EXPECT_MSG_EQ(unsigned(s.rec.acks[0].ncc), 2u, "first path switch: NCC 2");
        NS_TEST_EXPECT_MSG_EQ(s.rec.acks[0].nhIndex, 2u, "NH_2");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.rec.acks[0].nh), NH2, "NH_2 (M2 value)");
        NS_TEST_EXPECT_MSG_EQ(s.amf->GetServingCell(1), 2u, "serving cell 2");

        // Hop 2, N2 2 -> 3: the AMF sends a fresh {NH_3, NCC 3}; the target derives
        // vertically; the UE receives NCC 3 and advances 0 -> 3.
        std::vector<NrSecurityDrbCountStatus> status(1);
        status[0].drbId = 1;
        status[0].ulCount = 17;
        status[0].dlCount = 42;
        NS_TEST_ASSERT_MSG_EQ(
            s.amf->HandoverRequired(1, 2, 3, status, MakeCallback(&AmfRecorder::Command, &s.rec)),
            true,
            "HandoverRequired accepted");
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(s.rec.requests.size(), 1u, "HANDOVER REQUEST sent");
        const NrSecurityN2HandoverRequest& req = s.rec.requests[0];
        NS_TEST_EXPECT_MSG_EQ(s.rec.requestCells[0], 3u, "to the target");
        NS_TEST_EXPECT_MSG_EQ(unsigned(req.ncc), 3u, "NCC 3");
        NS_TEST_EXPECT_MSG_EQ(req.nhIndex, 3u, "NH_3");
        NS_TEST_EXPECT_MSG_EQ(Hex(req.nh), NH3, "NH_3 (M2 value)");
        NS_TEST_EXPECT_MSG_EQ(req.sourceCellId, 2u, "source cell");
        NS_TEST_EXPECT_MSG_EQ(req.targetCellId, 3u, "target cell");
        NS_TEST_ASSERT_MSG_EQ(req.status.size(), 1u, "COUNT status carried");
        NS_TEST_EXPECT_MSG_EQ(req.status[0].dlCount, 42u, "DL COUNT");
        NS_TEST_EXPECT_MSG_EQ(req.status[0].ulCount, 17u, "UL COUNT");
        NS_TEST_EXPECT_MSG_EQ(req.pduSessions.size(), 1u, "PDU sessions carried");
        NS_TEST_EXPECT_MSG_EQ(req.caps.niaBitmap, 0xE000u, "capabilities carried");
        target = NrSecurityKdf::DeriveKgnbStar(req.nh, 3, 632628);
        d = NrSecurityNhChain::DeriveKgnbStar(ue, ueKgnb, req.ncc, 3, 632628);
        NS_TEST_EXPECT_MSG_EQ(d.vertical, true, "hop 2 vertical");
        NS_TEST_EXPECT_MSG_EQ(d.steps, 3u, "UE chain 0 -> 3");
        NS_TEST_EXPECT_MSG_EQ(Hex(d.kGnbStar), Hex(target), "hop 2: UE = target");
        NS_TEST_EXPECT_MSG_EQ(
            Hex(d.kGnbStar), Hex(OracleKgnbStar(Key256(NH3), 3, 632628)), "hop 2: oracle");
        ueKgnb = d.kGnbStar;
        s.amf->HandoverRequestAcknowledge(1, true, {0x0a, 0x0b}, "");
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(s.rec.commands.size(), 1u, "HANDOVER COMMAND");
        NS_TEST_EXPECT_MSG_EQ(s.rec.commands[0], "1,1,0a0b,", "with the RRC container");
        NS_TEST_EXPECT_MSG_EQ(s.amf->GetServingCell(1), 2u, "still cell 2 until Notify");
        s.amf->HandoverNotify(1, 3);
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(s.rec.releasedAt.size(), 1u, "UE CONTEXT RELEASE");
        NS_TEST_EXPECT_MSG_EQ(s.rec.releasedAt[0], 2u, "to the source");
        NS_TEST_EXPECT_MSG_EQ(s.amf->GetServingCell(1), 3u, "serving cell 3");

        // Hop 3, Xn 3 -> 1: the source (N2 target) has no unused NH: horizontal, NCC 3.
        target = NrSecurityKdf::DeriveKgnbStar(ueKgnb, 1, 632628);
        d = NrSecurityNhChain::DeriveKgnbStar(ue, ueKgnb, 3, 1, 632628);
        NS_TEST_EXPECT_MSG_EQ(d.vertical, false, "hop 3 horizontal (same NCC 3)");
        NS_TEST_EXPECT_MSG_EQ(Hex(d.kGnbStar), Hex(target), "hop 3: UE = target");
        ueKgnb = d.kGnbStar;
        NS_TEST_ASSERT_MSG_EQ(s.PathSwitch(1, 1), true, "second path switch");
        NS_TEST_ASSERT_MSG_EQ(s.rec.acks.size(), 2u, "acknowledged");
        NS_TEST_EXPECT_MSG_EQ(unsigned(s.rec.acks[1].ncc), 4u, "NCC 4");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.rec.acks[1].nh), Hex(OracleNhAt(4)), "NH_4");

        // Hop 4, Xn 1 -> 2 with the unused {NH_4, NCC 4}: vertical at the UE (3 -> 4).
        target = NrSecurityKdf::DeriveKgnbStar(s.rec.acks[1].nh, 2, 632628);
        d = NrSecurityNhChain::DeriveKgnbStar(ue, ueKgnb, s.rec.acks[1].ncc, 2, 632628);
        NS_TEST_EXPECT_MSG_EQ(d.vertical, true, "hop 4 vertical");
        NS_TEST_EXPECT_MSG_EQ(d.steps, 1u, "UE chain 3 -> 4");
        NS_TEST_EXPECT_MSG_EQ(Hex(d.kGnbStar), Hex(target), "hop 4: UE = target");

        // Five more path switches: NCC 5, 6, 7, 0, 1 with NH_5 .. NH_9; the UE follows.
        for (uint32_t i = 5; i <= 9; ++i)
        {
            s.PathSwitch(1, 2);
            const NrSecurityPathSwitchAck& a = s.rec.acks.back();
            NS_TEST_EXPECT_MSG_EQ(a.nhIndex, i, "NH index");
            NS_TEST_EXPECT_MSG_EQ(unsigned(a.ncc), i % 8, "NCC wraps at 8");
            NS_TEST_EXPECT_MSG_EQ(Hex(a.nh), Hex(OracleNhAt(i)), "NH_" << i);
            d = NrSecurityNhChain::DeriveKgnbStar(ue, ueKgnb, a.ncc, 2, 632628);
            NS_TEST_EXPECT_MSG_EQ(Hex(d.kGnbStar),
                                  Hex(NrSecurityKdf::DeriveKgnbStar(a.nh, 2, 632628)),
                                  "UE = target after NCC " << unsigned(a.ncc));
            ueKgnb = d.kGnbStar;
        }
        const std::vector<uint32_t> expected{1, 2, 3, 4, 5, 6, 7, 8, 9};
        NS_TEST_EXPECT_MSG_EQ((s.rec.nhIndices == expected), true, "NhDerived 1..9 in order");
        NS_TEST_EXPECT_MSG_EQ(s.rec.refusals.size(), 0u, "nothing refused");
        NS_TEST_EXPECT_MSG_EQ(s.amf->GetMobilityRefusedCount(), 0u, "nothing counted");

        // A reconnect (new Initial Context Setup) seeds a new chain from its K_gNB.
        s.amf->InitialUeMessage(1, {0x7e}, MakeCallback(&AmfScenario::OnIcs));
        s.amf->InitialUeMessage(1, {0x7e}, MakeCallback(&AmfScenario::OnIcs));
        Simulator::Run();
        const NrSecurityKey256 k1 = NrSecurityKdf::DeriveKgnb(Key256(K_AMF), 1);
        NS_TEST_EXPECT_MSG_EQ(Hex(s.amf->GetNhChain(1)->GetInitialKgnb()),
                              Hex(k1),
                              "re-seeded with the K_gNB of uplink NAS COUNT 1");
        NS_TEST_EXPECT_MSG_EQ(s.amf->GetNhChain(1)->GetIndex(), 1u, "at NH_1 again");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.amf->GetNhChain(1)->GetNh()),
                              Hex(OracleNh(Key256(K_AMF), k1)),
                              "NH_1 of the new K_gNB");
        Simulator::Destroy();
    }
};

/**
 * Every mobility call for an unknown UE or cell, or out of sequence, is refused, counted and
 * traced with its reason; a refused HandoverRequired does not advance the chain; a failed
 * preparation ends the procedure (HANDOVER PREPARATION FAILURE to the source).
 */
class AmfRefusalTestCase : public TestCase
{
  public:
    AmfRefusalTestCase()
        : TestCase("amf-mobility-refusals: unknown UE or cell and out-of-sequence N2 calls are "
                   "refused, counted and traced")
    {
    }

  private:
    /// A failed assertion returns early: no event of this case may outlive it.
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        AmfScenario s;
        auto cmd = MakeCallback(&AmfRecorder::Command, &s.rec);
        const std::vector<NrSecurityDrbCountStatus> none;
        NS_TEST_EXPECT_MSG_EQ(s.PathSwitch(9, 2), false, "unknown UE");
        NrSecurityAmfUeContext c;
        c.kAmf = Key256(K_AMF);
        s.amf->AddUe(5, c);
        NS_TEST_EXPECT_MSG_EQ(s.PathSwitch(5, 2), false, "UE 5 without Initial Context Setup");
        NS_TEST_EXPECT_MSG_EQ(s.amf->HandoverRequired(9, 1, 2, none, cmd), false, "unknown UE");
        NS_TEST_EXPECT_MSG_EQ(s.amf->HandoverRequired(1, 7, 2, none, cmd), false, "source 7");
        NS_TEST_EXPECT_MSG_EQ(s.amf->HandoverRequired(1, 1, 9, none, cmd), false, "target 9");
        NS_TEST_EXPECT_MSG_EQ(s.amf->HandoverRequired(1, 1, 1, none, cmd), false, "to itself");
        NS_TEST_EXPECT_MSG_EQ(s.amf->HandoverRequired(1, 2, 3, none, cmd), false, "not serving");
        s.amf->HandoverRequestAcknowledge(1, true, {}, "");
        s.amf->HandoverNotify(1, 2);
        NS_TEST_EXPECT_MSG_EQ(s.amf->GetNhChain(1)->GetIndex(), 1u, "chain not advanced");
        NS_TEST_EXPECT_MSG_EQ(s.amf->HandoverRequired(1, 1, 2, none, cmd), true, "accepted");
        NS_TEST_EXPECT_MSG_EQ(s.amf->HandoverRequired(1, 1, 3, none, cmd), false, "in progress");
        Simulator::Run();
        s.amf->HandoverNotify(1, 2); // before the command
        s.amf->HandoverRequestAcknowledge(1, true, {0x01}, "");
        Simulator::Run();
        s.amf->HandoverNotify(1, 3); // wrong cell
        const std::vector<std::string> expected{
            "PathSwitchRequest: unknown UE",
            "PathSwitchRequest: no security context",
            "HandoverRequired: unknown UE",
            "HandoverRequired: unknown source cell 7",
            "HandoverRequired: unknown target cell 9",
            "HandoverRequired: target is the source cell",
            "HandoverRequired: not the serving cell",
            "HandoverRequestAcknowledge: no handover in progress",
            "HandoverNotify: no handover in progress",
            "HandoverRequired: handover in progress",
            "HandoverNotify: no handover in progress",
            "HandoverNotify: wrong target cell 3",
        };
        NS_TEST_ASSERT_MSG_EQ(s.rec.refusals.size(), expected.size(), "every refusal traced");
        for (size_t i = 0; i < expected.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(s.rec.refusals[i], expected[i], "refusal " << i);
        }
        NS_TEST_EXPECT_MSG_EQ(s.amf->GetMobilityRefusedCount(), expected.size(), "counted");
        NS_TEST_EXPECT_MSG_EQ(s.rec.releasedAt.size(), 0u, "no release from a refused notify");
        s.amf->HandoverNotify(1, 2);
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(s.rec.releasedAt.size(), 1u, "the right notify releases");

        // A failed preparation: HANDOVER PREPARATION FAILURE with the cause, procedure over.
        NS_TEST_EXPECT_MSG_EQ(s.amf->HandoverRequired(1, 2, 3, none, cmd), true, "accepted");
        Simulator::Run();
        s.amf->HandoverRequestAcknowledge(1, false, {}, "no radio resources");
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(s.rec.commands.back(), "1,0,,no radio resources", "failure");
        s.amf->HandoverNotify(1, 3);
        NS_TEST_EXPECT_MSG_EQ(s.rec.refusals.back(),
                              "HandoverNotify: no handover in progress",
                              "no notify after a failure");
        NS_TEST_EXPECT_MSG_EQ(s.amf->GetNhChain(1)->GetIndex(), 3u, "the AMF keeps its NCC");
        Simulator::Destroy();
    }
};

/**
 * M4: {NH, NCC} travel whole. The target's K_gNB* from the IE equals the UE's from (NCC, its
 * chain) only with all 32 NH bytes; a truncated NH, an NH lost on a copy (the previous one) or
 * the initial K_gNB taken as "the NH of NCC 0" after the wrap all give a mismatch.
 */
class TruncatedNhTestCase : public TestCase
{
  public:
    TruncatedNhTestCase()
        : TestCase("nh-ie-truncated: a truncated or stale NH in the Security Context gives a "
                   "K_gNB* mismatch (M4)")
    {
    }

  private:
    /// A failed assertion returns early: no event of this case may outlive it.
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        AmfScenario s;
        s.PathSwitch(1, 2);
        NS_TEST_ASSERT_MSG_EQ(s.rec.acks.size(), 1u, "ack");
        NrSecurityPathSwitchAck ie = s.rec.acks[0];
        NrSecurityNhChain ue(Key256(K_AMF), Key256(K_GNB));
        const NrSecurityKey256 ueKgnb = Key256(K_GNB);
        NrSecurityNhChain ueCopy = ue;
        const std::string ueStar
            = Hex(NrSecurityNhChain::DeriveKgnbStar(ueCopy, ueKgnb, ie.ncc, 3, 632628).kGnbStar);
        NS_TEST_EXPECT_MSG_EQ(
            Hex(NrSecurityKdf::DeriveKgnbStar(ie.nh, 3, 632628)), ueStar, "whole NH: target = UE");
        NrSecurityKey256 truncated{};
        truncated[0] = ie.nh[0]; // 1 of 32 bytes copied into the IE
        NS_TEST_EXPECT_MSG_NE(Hex(NrSecurityKdf::DeriveKgnbStar(truncated, 3, 632628)),
                              ueStar,
                              "1 of 32 NH bytes: mismatch noticed");
        NrSecurityKey256 oneByteOff = ie.nh;
        oneByteOff[31] ^= 0x01;
        NS_TEST_EXPECT_MSG_NE(Hex(NrSecurityKdf::DeriveKgnbStar(oneByteOff, 3, 632628)),
                              ueStar,
                              "last bit changed: mismatch noticed");
        NS_TEST_EXPECT_MSG_NE(Hex(NrSecurityKdf::DeriveKgnbStar(Key256(NH1), 3, 632628)),
                              ueStar,
                              "NH updated on a copy and lost (NH_1 sent with NCC 2): mismatch");
        // After the wrap (NCC 0 = NH_8), the initial K_gNB as "the NH of NCC 0" is wrong.
        for (int i = 0; i < 6; ++i)
        {
            s.PathSwitch(1, 2);
        }
        ie = s.rec.acks.back();
        NS_TEST_EXPECT_MSG_EQ(unsigned(ie.ncc), 0u, "NCC 0 again");
        NS_TEST_EXPECT_MSG_EQ(ie.nhIndex, 8u, "NH_8");
        NrSecurityKgnbStarDerivation d
            = NrSecurityNhChain::DeriveKgnbStar(ue, ueKgnb, 7, 3, 632628); // UE at NCC 7
        d = NrSecurityNhChain::DeriveKgnbStar(ue, d.kGnbStar, ie.ncc, 3, 632628);
        NS_TEST_EXPECT_MSG_EQ(Hex(d.kGnbStar),
                              Hex(NrSecurityKdf::DeriveKgnbStar(ie.nh, 3, 632628)),
                              "UE (7 -> 0: NH_8) = target");
        NS_TEST_EXPECT_MSG_NE(Hex(NrSecurityKdf::DeriveKgnbStar(Key256(K_GNB), 3, 632628)),
                              Hex(d.kGnbStar),
                              "initial K_gNB as NH of NCC 0: mismatch");
        Simulator::Destroy();
    }
};

/**
 * Forward and backward security (TS 33.501 6.9.2.3.1 / 6.9.2.1.1): after two hops (the second
 * one vertical, from the NH of the first path switch) the K_gNB cannot be computed from the
 * first K_gNB by horizontal steps; a horizontal K_gNB* is what anyone with the source's
 * K_gNB computes (no backward security for horizontal derivation).
 */
class ForwardSecurityTestCase : public TestCase
{
  public:
    ForwardSecurityTestCase()
        : TestCase("forward-security-two-hops: after two hops the K_gNB is not derivable from "
                   "the first by horizontal steps; horizontal K_gNB* has no backward security")
    {
    }

  private:
    /// A failed assertion returns early: no event of this case may outlive it.
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        AmfScenario s;
        const NrSecurityKey256 k0 = Key256(K_GNB);
        NrSecurityNhChain ue(Key256(K_AMF), k0);
        // Hop 1 horizontal (cell PCI 2), path switch -> {NH_2, NCC 2}; hop 2 vertical (PCI 3).
        NrSecurityKey256 k1 = NrSecurityNhChain::DeriveKgnbStar(ue, k0, 0, 2, 632628).kGnbStar;
        s.PathSwitch(1, 2);
        const NrSecurityPathSwitchAck ie = s.rec.acks.at(0);
        NrSecurityKey256 k2 = NrSecurityNhChain::DeriveKgnbStar(ue, k1, ie.ncc, 3, 632628).kGnbStar;
        NS_TEST_EXPECT_MSG_EQ(
            Hex(k2), Hex(OracleKgnbStar(Key256(NH2), 3, 632628)), "hop 2 from NH_2");
        // Backward security absent: the attacker with K_gNB k0 computes k1 (the oracle).
        NS_TEST_EXPECT_MSG_EQ(Hex(OracleKgnbStar(k0, 2, 632628)),
                              Hex(k1),
                              "horizontal K_gNB* = KDF(source K_gNB): computable by the source");
        // Forward security: no horizontal chain of 1 or 2 steps from k0 (or k1) over the PCIs
        // 0..7 and the ARFCN-DL in use reaches k2.
        std::set<std::string> reachable;
        std::vector<NrSecurityKey256> frontier{k0, k1};
        for (int depth = 0; depth < 2; ++depth)
        {
            std::vector<NrSecurityKey256> next;
            for (const NrSecurityKey256& k : frontier)
            {
                for (uint16_t pci = 0; pci < 8; ++pci)
                {
                    NrSecurityKey256 h = OracleKgnbStar(k, pci, 632628);
                    reachable.insert(Hex(h));
                    next.push_back(h);
                }
            }
            frontier = next;
        }
        NS_TEST_EXPECT_MSG_EQ(reachable.count(Hex(k1)), 1u, "k1 is reachable (sanity)");
        NS_TEST_EXPECT_MSG_EQ(reachable.count(Hex(k2)), 0u, "k2 is not reachable from k0");
        Simulator::Destroy();
    }
};

/// The suite.
class NrSecurityKeyChainTestSuite : public TestSuite
{
  public:
    NrSecurityKeyChainTestSuite()
        : TestSuite("nr-security-key-chain", NrSecurityTestType::UNIT)
    {
        AddTestCase(new KgnbStarTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new NhChainWrapTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new AmfSequenceTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new AmfRefusalTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new TruncatedNhTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new ForwardSecurityTestCase, NrSecurityTestDuration::QUICK);
    }
};

static NrSecurityKeyChainTestSuite g_nrSecurityKeyChainTestSuite; ///< registers the suite
