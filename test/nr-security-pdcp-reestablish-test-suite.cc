// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Suite nr-security-pdcp-reestablish: PDCP re-establishment of AM DRBs across a key change
 * (TS 38.323 5.1.2): SDUs kept until the lower layer confirms them, retransmission from the
 * first unconfirmed SDU in ascending COUNT with the same COUNT under the new keys, the stored
 * receive SDUs kept as verified, Xn data forwarding with the source's COUNTs
 * (TransmitSduWithCount), and the COUNT guard (a COUNT once per key, TS 38.300 13.1).
 *
 * Retransmitted PDU bytes are checked against an independent NEA2 oracle: OpenSSL AES-128-CTR
 * with the counter block COUNT || BEARER || DIRECTION || 0 (TS 33.501 D.4.4, TS 33.401 B.1.3).
 */
#include "../model/compat/nr-security-ns3-compat.h"
#include "nr-security-pdcp-test-helpers.h"
#include "nr-security-test-vectors.h"
#include "ns3/nr-security-hex.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <openssl/evp.h>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

/// A second K_UPenc (the "new key" after a handover; any 128 bits other than R1's).
const char* const NEW_K_UP_ENC = "00112233445566778899aabbccddeeff";
/// A second K_UPint.
const char* const NEW_K_UP_INT = "ffeeddccbbaa99887766554433221100";

NrSecurityPdcpFormat
AmDrb(uint8_t snBits = 12, bool integrity = false)
{
    NrSecurityPdcpFormat f;
    f.rbType = NrSecurityRbType::DRB;
    f.rbId = 4; // BEARER 3
    f.snBits = snBits;
    f.drbIntegrity = integrity;
    return f;
}

/**
 * The oracle for a 12-bit-SN DRB data PDU without MAC-I under NEA2: header D/C = 1, SN;
 * data = SDU XOR AES-128-CTR(key, COUNT || BEARER || DIRECTION || 0^90).
 */
std::string
OracleNea2Pdu(const std::string& keyHex,
              uint32_t count,
              uint8_t bearer,
              uint8_t direction,
              const std::string& sduHex)
{
    std::vector<uint8_t> key = FromHex(keyHex);
    std::vector<uint8_t> sdu = FromHex(sduHex);
    uint8_t iv[16] = {static_cast<uint8_t>(count >> 24),
                      static_cast<uint8_t>(count >> 16),
                      static_cast<uint8_t>(count >> 8),
                      static_cast<uint8_t>(count),
                      static_cast<uint8_t>((bearer << 3) | (direction << 2)),
                      0};
    std::vector<uint8_t> out(sdu.size() + 16);
    int len = 0;
    int fin = 0;
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    EVP_EncryptInit_ex(ctx, EVP_aes_128_ctr(), nullptr, key.data(), iv);
    EVP_EncryptUpdate(ctx, out.data(), &len, sdu.data(), static_cast<int>(sdu.size()));
    EVP_EncryptFinal_ex(ctx, out.data() + len, &fin);
    EVP_CIPHER_CTX_free(ctx);
    out.resize(sdu.size());
    const uint32_t sn = count & 0xFFF;
    // header (D/C = 1, 12-bit SN) then the ciphertext; sized once (GCC 12 at -O3 misreads a
    // vector::insert after a 2-byte initialiser as -Warray-bounds)
    std::vector<uint8_t> pdu(2 + out.size());
    pdu[0] = static_cast<uint8_t>(0x80 | (sn >> 8));
    pdu[1] = static_cast<uint8_t>(sn);
    std::copy(out.begin(), out.end(), pdu.begin() + 2);
    return ToHex(pdu);
}

/// The SDU sent with COUNT i in these tests.
std::string
Sdu(uint32_t i)
{
    return "5d" + ToHex32(0xa0000000u + i);
}

/// Counts of the PDUs sent by a probe from index `from`, parsed from the 12-bit SN header.
std::vector<uint32_t>
SentSns(const PdcpProbe& p, size_t from)
{
    std::vector<uint32_t> v;
    for (size_t i = from; i < p.sentPackets.size(); ++i)
    {
        uint8_t h[2];
        p.sentPackets[i]->CopyData(h, 2);
        v.push_back(static_cast<uint32_t>(h[0] & 0x0F) << 8 | h[1]);
    }
    return v;
}

std::string
Join(const std::vector<uint32_t>& v)
{
    std::string s;
    for (uint32_t x : v)
    {
        s += (s.empty() ? "" : ",") + std::to_string(x);
    }
    return s;
}

std::string
Counts(const std::vector<std::pair<uint32_t, Ptr<Packet>>>& v)
{
    std::vector<uint32_t> c;
    for (const auto& p : v)
    {
        c.push_back(p.first);
    }
    return Join(c);
}

} // namespace

/**
 * TS 38.323 5.1.2 (AM DRB): from the first SDU whose delivery the lower layer did not confirm,
 * all SDUs with a COUNT are retransmitted in ascending COUNT, with their COUNT, under the new
 * keys; TX_NEXT is kept. Exact PDU bytes from the NEA2 oracle.
 */
class RetransmitUnconfirmedTestCase : public TestCase
{
  public:
    RetransmitUnconfirmedTestCase()
        : TestCase("am-drb-retransmit-unconfirmed: re-establishment retransmits from the first "
                   "unconfirmed SDU, same COUNTs, new key (exact bytes)")
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
        PdcpProbe gnb(AmDrb(), NrSecurityDirection::DOWNLINK);
        gnb.pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_UP_ENC));
        for (uint32_t i = 0; i < 5; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(gnb.Send(Sdu(i)), int64_t(i), "COUNT " << i);
        }
        NS_TEST_EXPECT_MSG_EQ(gnb.sentPdus[2],
                              OracleNea2Pdu(R1_K_UP_ENC, 2, 3, 1, Sdu(2)),
                              "first transmission of COUNT 2 under R1's K_UPenc (oracle)");
        // RLC confirms COUNTs 0, 1 and 3 (not 2, not 4).
        gnb.pdcp->ConfirmPduDelivery(gnb.sentPackets[0]);
        gnb.pdcp->ConfirmPduDelivery(gnb.sentPackets[1]);
        gnb.pdcp->ConfirmPduDelivery(gnb.sentPackets[3]);
        NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetCounters().confirmed, 3u, "3 confirmations");
        NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetKeptSduCount(), 3u, "kept: 2, 3 (confirmed), 4");
        NS_TEST_EXPECT_MSG_EQ(Counts(gnb.pdcp->GetUnconfirmedSdus()), "2,4", "unconfirmed");
        NS_TEST_EXPECT_MSG_EQ(
            PacketHex(gnb.pdcp->GetUnconfirmedSdus()[0].second), Sdu(2), "the SDU as sent");

        // Handover: new keys first, then re-establishment.
        gnb.pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, Key(NEW_K_UP_ENC));
        const size_t before = gnb.sentPdus.size();
        gnb.pdcp->Reestablish();
        NS_TEST_EXPECT_MSG_EQ(Join(SentSns(gnb, before)),
                              "2,3,4",
                              "from the first unconfirmed, ascending COUNT (3 included)");
        NS_TEST_ASSERT_MSG_EQ(gnb.sentPdus.size(), before + 3, "three PDUs");
        for (uint32_t k = 0; k < 3; ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(gnb.sentPdus[before + k],
                                  OracleNea2Pdu(NEW_K_UP_ENC, 2 + k, 3, 1, Sdu(2 + k)),
                                  "COUNT " << 2 + k << " under the new key (oracle)");
        }
        NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetCounters().retransmitted, 3u, "counted");
        NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetTxNext(), 5u, "TX_NEXT kept (5.1.2)");
        NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetCounters().txRefused, 0u, "no COUNT reused");
        NS_TEST_EXPECT_MSG_EQ(gnb.Send(Sdu(5)), 5, "the next new SDU: COUNT 5");
        NS_TEST_EXPECT_MSG_EQ(gnb.sentPdus.back(),
                              OracleNea2Pdu(NEW_K_UP_ENC, 5, 3, 1, Sdu(5)),
                              "COUNT 5 under the new key");
        NS_TEST_EXPECT_MSG_EQ(Counts(gnb.pdcp->GetUnconfirmedSdus()), "2,3,4,5", "all await");
        // The retransmitted PDUs are confirmed; the head is released.
        for (size_t k = before; k < before + 3; ++k)
        {
            gnb.pdcp->ConfirmPduDelivery(gnb.sentPackets[k]);
        }
        NS_TEST_EXPECT_MSG_EQ(Counts(gnb.pdcp->GetUnconfirmedSdus()), "5", "only COUNT 5");
        NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetKeptSduCount(), 1u, "2..4 released");
        Simulator::Destroy();
    }
};

/**
 * Under unchanged keys the retransmission would use COUNTs a second time with the same key
 * (TS 38.300 13.1): refused, counted, traced "count-exhausted"; the SDUs stay kept and go out
 * once new keys are set.
 */
class RetransmitSameKeyTestCase : public TestCase
{
  public:
    RetransmitSameKeyTestCase()
        : TestCase("am-drb-retransmit-same-key: a retransmission under the old key is refused "
                   "(COUNT reuse), sent after the key change")
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
        PdcpProbe gnb(AmDrb(), NrSecurityDirection::DOWNLINK);
        gnb.pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_UP_ENC));
        for (uint32_t i = 0; i < 3; ++i)
        {
            gnb.Send(Sdu(i));
        }
        gnb.pdcp->Reestablish(); // no new keys
        NS_TEST_EXPECT_MSG_EQ(gnb.sentPdus.size(), 3u, "nothing sent again under K_UPenc");
        NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetCounters().txRefused, 3u, "three refusals");
        NS_TEST_ASSERT_MSG_EQ(gnb.discards.size(), 3u, "traced");
        NS_TEST_EXPECT_MSG_EQ(gnb.discards[0], "count-exhausted", "reason");
        NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetCounters().retransmitted, 0u, "none retransmitted");
        NS_TEST_EXPECT_MSG_EQ(Counts(gnb.pdcp->GetUnconfirmedSdus()), "0,1,2", "still kept");
        gnb.pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, Key(NEW_K_UP_ENC));
        gnb.pdcp->Reestablish();
        NS_TEST_EXPECT_MSG_EQ(Join(SentSns(gnb, 3)), "0,1,2", "sent under the new key");
        NS_TEST_EXPECT_MSG_EQ(
            gnb.sentPdus[3], OracleNea2Pdu(NEW_K_UP_ENC, 0, 3, 1, Sdu(0)), "exact bytes");
        Simulator::Destroy();
    }
};

/**
 * The receive side of an AM DRB across re-establishment with new keys (TS 38.323 5.1.2,
 * 5.2.2.1): an SDU stored for reordering (COUNT 3, received under the old key) is delivered as
 * received, not deciphered or verified again with the new key; the missing COUNT 2 arrives
 * retransmitted under the new key and both are delivered in order with their exact bytes.
 * With DRB integrity too (a second check with the new K_UPint would fail).
 */
class ReceiveAcrossKeyChangeTestCase : public TestCase
{
  public:
    ReceiveAcrossKeyChangeTestCase()
        : TestCase("am-drb-stored-sdu-new-key: a stored SDU is delivered as verified under the "
                   "old key; retransmissions under the new key fill the gap")
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
        for (bool integrity : {false, true})
        {
            const std::string what = integrity ? "with DRB integrity" : "ciphering only";
            PdcpProbe gnb(AmDrb(12, integrity), NrSecurityDirection::DOWNLINK);
            PdcpProbe ue(AmDrb(12, integrity), NrSecurityDirection::UPLINK);
            gnb.pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_UP_ENC));
            ue.pdcp->SetRxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_UP_ENC), 0);
            if (integrity)
            {
                gnb.pdcp->SetTxIntegrity(NrSecurityIntegrity::NIA2, Key(R1_K_RRC_INT));
                ue.pdcp->SetRxIntegrity(NrSecurityIntegrity::NIA2, Key(R1_K_RRC_INT), 0);
            }
            for (uint32_t i = 0; i < 4; ++i)
            {
                gnb.Send(Sdu(i));
            }
            ue.pdcp->ReceivePdu(gnb.sentPackets[0]);
            ue.pdcp->ReceivePdu(gnb.sentPackets[1]);
            ue.pdcp->ReceivePdu(gnb.sentPackets[3]); // COUNT 2 lost, 3 stored
            gnb.pdcp->ConfirmPduDelivery(gnb.sentPackets[0]);
            gnb.pdcp->ConfirmPduDelivery(gnb.sentPackets[1]);
            gnb.pdcp->ConfirmPduDelivery(gnb.sentPackets[3]);
            NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetReorderingBufferSize(), 1u, what << ": stored");

            // Key change on both sides (new keys first), then re-establishment.
            gnb.pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, Key(NEW_K_UP_ENC));
            ue.pdcp->SetRxCiphering(NrSecurityCiphering::NEA2, Key(NEW_K_UP_ENC), 4);
            if (integrity)
            {
                gnb.pdcp->SetTxIntegrity(NrSecurityIntegrity::NIA2, Key(NEW_K_UP_INT));
                ue.pdcp->SetRxIntegrity(NrSecurityIntegrity::NIA2, Key(NEW_K_UP_INT), 4);
            }
            ue.pdcp->Reestablish();
            NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetRxDeliv(), 2u, what << ": RX_DELIV kept");
            const size_t before = gnb.sentPackets.size();
            gnb.pdcp->Reestablish();
            NS_TEST_EXPECT_MSG_EQ(Join(SentSns(gnb, before)), "2,3", what << ": 2 and 3 again");
            ue.pdcp->ReceivePdu(gnb.sentPackets[before]); // COUNT 2 under the new keys
            NS_TEST_EXPECT_MSG_EQ(Join(ue.deliveredCounts), "0,1,2,3", what << ": in order");
            NS_TEST_ASSERT_MSG_EQ(ue.deliveredSdus.size(), 4u, what << ": four SDUs");
            NS_TEST_EXPECT_MSG_EQ(ue.deliveredSdus[2], Sdu(2), what << ": COUNT 2 deciphered");
            NS_TEST_EXPECT_MSG_EQ(ue.deliveredSdus[3],
                                  Sdu(3),
                                  what << ": stored COUNT 3 as received, not re-deciphered");
            NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetCounters().integrityFailures,
                                  0u,
                                  what << ": no second check with the new key");
            ue.pdcp->ReceivePdu(gnb.sentPackets[before + 1]); // COUNT 3 again
            NS_TEST_EXPECT_MSG_EQ(ue.pdcp->GetCounters().outOfWindow,
                                  1u,
                                  what << ": the duplicate of 3 is discarded and counted");
            // A new SDU under the new keys with a COUNT below the one given to SetRx*: the
            // new keys apply to every PDU after the re-establishment.
            NS_TEST_EXPECT_MSG_EQ(gnb.Send(Sdu(4)), 4, what << ": COUNT 4");
            ue.pdcp->ReceivePdu(gnb.sentPackets.back());
            NS_TEST_EXPECT_MSG_EQ(ue.deliveredSdus.back(), Sdu(4), what << ": COUNT 4");
            Simulator::Destroy();
        }
    }
};

/**
 * Xn data forwarding (TS 38.300 9.2.3.2.3): the source hands its unconfirmed SDUs with their
 * COUNTs to the target, which sends them with those COUNTs under the new keys
 * (TransmitSduWithCount) before new SDUs; a COUNT already used under the new key is refused.
 */
class ForwardWithCountTestCase : public TestCase
{
  public:
    ForwardWithCountTestCase()
        : TestCase("forwarded-sdu-count: the target sends forwarded SDUs with the source's "
                   "COUNTs; a COUNT used under the key is refused")
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
        PdcpProbe source(AmDrb(), NrSecurityDirection::DOWNLINK);
        PdcpProbe ue(AmDrb(), NrSecurityDirection::UPLINK);
        source.pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_UP_ENC));
        ue.pdcp->SetRxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_UP_ENC), 0);
        for (uint32_t i = 0; i < 4; ++i)
        {
            source.Send(Sdu(i));
        }
        ue.pdcp->ReceivePdu(source.sentPackets[0]);
        source.pdcp->ConfirmPduDelivery(source.sentPackets[0]);
        const auto forwarded = source.pdcp->GetUnconfirmedSdus();
        NS_TEST_EXPECT_MSG_EQ(Counts(forwarded), "1,2,3", "unconfirmed SDUs to forward");
        const uint64_t dlCount = source.pdcp->GetTxNext(); // SN STATUS TRANSFER
        NS_TEST_EXPECT_MSG_EQ(dlCount, 4u, "DL COUNT 4");

        // The target: a new entity with the new key, TX_NEXT from the COUNT status.
        PdcpProbe target(AmDrb(), NrSecurityDirection::DOWNLINK);
        target.pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, Key(NEW_K_UP_ENC));
        target.pdcp->SetTxNext(static_cast<uint32_t>(dlCount));
        ue.pdcp->SetRxCiphering(NrSecurityCiphering::NEA2, Key(NEW_K_UP_ENC), 1);
        ue.pdcp->Reestablish();
        for (const auto& [count, sdu] : forwarded)
        {
            NS_TEST_EXPECT_MSG_EQ(target.pdcp->TransmitSduWithCount(sdu, count),
                                  int64_t(count),
                                  "forwarded COUNT " << count);
        }
        NS_TEST_EXPECT_MSG_EQ(target.pdcp->GetTxNext(), 4u, "TX_NEXT unchanged (4)");
        NS_TEST_EXPECT_MSG_EQ(target.sentPdus[0],
                              OracleNea2Pdu(NEW_K_UP_ENC, 1, 3, 1, Sdu(1)),
                              "COUNT 1 under the new key (oracle)");
        NS_TEST_EXPECT_MSG_EQ(target.Send(Sdu(4)), 4, "then new SDUs from COUNT 4");
        for (const Ptr<Packet>& p : target.sentPackets)
        {
            ue.pdcp->ReceivePdu(p);
        }
        NS_TEST_EXPECT_MSG_EQ(Join(ue.deliveredCounts), "0,1,2,3,4", "UE: no loss, in order");
        NS_TEST_EXPECT_MSG_EQ(ue.deliveredSdus[3], Sdu(3), "COUNT 3 bytes");
        NS_TEST_EXPECT_MSG_EQ(target.pdcp->GetCounters().forwardedTx, 3u, "3 forwarded");

        // COUNT reuse under the new key is refused: 4 (used, even though still kept), 2.
        int64_t r = target.pdcp->TransmitSduWithCount(HexPacket(Sdu(9)), 4);
        NS_TEST_EXPECT_MSG_EQ(r, -1, "COUNT 4 used under the new key: refused");
        r = target.pdcp->TransmitSduWithCount(HexPacket(Sdu(2)), 2);
        NS_TEST_EXPECT_MSG_EQ(r, -1, "COUNT 2 used under the new key: refused");
        NS_TEST_EXPECT_MSG_EQ(target.pdcp->GetCounters().txRefused, 2u, "counted");
        NS_TEST_ASSERT_MSG_EQ(target.discards.size(), 2u, "traced");
        NS_TEST_EXPECT_MSG_EQ(target.discards[0], "count-exhausted", "reason");
        NS_TEST_EXPECT_MSG_EQ(target.sentPdus.size(), 4u, "nothing sent for them");
        r = target.pdcp->TransmitSduWithCount(HexPacket(Sdu(9)), 9);
        NS_TEST_EXPECT_MSG_EQ(r, 9, "COUNT 9 unused");
        NS_TEST_EXPECT_MSG_EQ(target.pdcp->GetTxNext(), 10u, "TX_NEXT = 10");
        r = target.pdcp->TransmitSduWithCount(HexPacket(Sdu(8)), 8);
        NS_TEST_EXPECT_MSG_EQ(r, -1, "COUNT 8 below the key's high-water mark: refused");
        r = target.pdcp->TransmitSduWithCount(HexPacket(""), 11);
        NS_TEST_EXPECT_MSG_EQ(r, -1, "empty SDU refused");
        NS_TEST_EXPECT_MSG_EQ(target.discards.back().rfind("malformed", 0), 0u, "as malformed");
        Simulator::Destroy();
    }
};

/**
 * Confirmations are matched by SN (12-bit SN wraps at 4096) to the oldest unconfirmed SDU;
 * anything else is counted as unmatched. The number of kept SDUs is bounded
 * (MaxUnconfirmedSdus: the oldest is dropped, counted and traced). SRBs and UM DRBs keep
 * nothing and retransmit nothing.
 */
class ConfirmationBoundsTestCase : public TestCase
{
  public:
    ConfirmationBoundsTestCase()
        : TestCase("confirm-by-sn-bounded: confirmations by SN across the SN wrap, unmatched "
                   "ones counted, MaxUnconfirmedSdus overflow traced, SRB and UM unchanged")
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
        {
            PdcpProbe gnb(AmDrb(), NrSecurityDirection::DOWNLINK);
            gnb.pdcp->SetTxNext(4094);
            for (int i = 0; i < 4; ++i)
            {
                gnb.Send(Sdu(i)); // COUNTs 4094, 4095, 4096 (SN 0), 4097 (SN 1)
            }
            gnb.pdcp->ConfirmPduDelivery(gnb.sentPackets[2]);
            NS_TEST_EXPECT_MSG_EQ(Counts(gnb.pdcp->GetUnconfirmedSdus()),
                                  "4094,4095,4097",
                                  "SN 0 confirmed COUNT 4096");
            gnb.pdcp->ConfirmPduDelivery(gnb.sentPackets[2]);  // again: nothing left with SN 0
            gnb.pdcp->ConfirmPduDelivery(Create<Packet>());    // empty
            gnb.pdcp->ConfirmPduDelivery(HexPacket("00"));     // control PDU header, too short
            gnb.pdcp->ConfirmPduDelivery(HexPacket("8005aa")); // SN 5: never sent
            NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetCounters().confirmUnmatched, 4u, "4 unmatched");
            NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetCounters().confirmed, 1u, "1 matched");
            gnb.pdcp->ConfirmPduDelivery(gnb.sentPackets[0]);
            gnb.pdcp->ConfirmPduDelivery(gnb.sentPackets[1]);
            NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetKeptSduCount(), 1u, "head released: 4097 left");
            Simulator::Destroy();
        }
        {
            // Two kept SDUs with SN 0 (COUNT 0 and 4096): a confirmation of SN 0 is the oldest.
            PdcpProbe gnb(AmDrb(), NrSecurityDirection::DOWNLINK);
            for (uint32_t i = 0; i <= 4096; ++i)
            {
                gnb.Send("5d");
            }
            gnb.pdcp->ConfirmPduDelivery(gnb.sentPackets[4096]);
            const auto left = gnb.pdcp->GetUnconfirmedSdus();
            NS_TEST_ASSERT_MSG_EQ(left.size(), 4096u, "one confirmed");
            NS_TEST_EXPECT_MSG_EQ(left.front().first, 1u, "COUNT 0 confirmed (the oldest)");
            NS_TEST_EXPECT_MSG_EQ(left.back().first, 4096u, "COUNT 4096 still unconfirmed");
            Simulator::Destroy();
        }
        {
            PdcpProbe gnb(AmDrb(), NrSecurityDirection::DOWNLINK);
            gnb.pdcp->SetAttribute("MaxUnconfirmedSdus", UintegerValue(3));
            for (int i = 0; i < 5; ++i)
            {
                gnb.Send(Sdu(i));
            }
            NS_TEST_EXPECT_MSG_EQ(Counts(gnb.pdcp->GetUnconfirmedSdus()), "2,3,4", "bounded");
            NS_TEST_EXPECT_MSG_EQ(gnb.pdcp->GetCounters().unconfirmedOverflow, 2u, "counted");
            NS_TEST_ASSERT_MSG_EQ(gnb.discards.size(), 2u, "traced");
            NS_TEST_EXPECT_MSG_EQ(gnb.discards[0], "unconfirmed-overflow", "reason");
            NS_TEST_EXPECT_MSG_EQ(gnb.sentPdus.size(), 5u, "all five were sent");
            Simulator::Destroy();
        }
        for (bool srb : {true, false})
        {
            const std::string what = srb ? "SRB" : "UM DRB";
            PdcpProbe p(srb ? Srb1() : AmDrb(), NrSecurityDirection::DOWNLINK);
            if (!srb)
            {
                p.pdcp->SetAttribute("RlcMode", StringValue("UM"));
            }
            p.Send(Sdu(0));
            p.Send(Sdu(1));
            NS_TEST_EXPECT_MSG_EQ(p.pdcp->GetUnconfirmedSdus().size(), 0u, what << ": none kept");
            p.pdcp->ConfirmPduDelivery(p.sentPackets[0]);
            NS_TEST_EXPECT_MSG_EQ(p.pdcp->GetCounters().confirmUnmatched, 0u, what << ": ignored");
            p.pdcp->Reestablish();
            NS_TEST_EXPECT_MSG_EQ(p.sentPdus.size(), 2u, what << ": nothing retransmitted");
            NS_TEST_EXPECT_MSG_EQ(p.pdcp->GetTxNext(), 0u, what << ": TX_NEXT reset (5.1.2)");
            Simulator::Destroy();
        }
    }
};

/**
 * A lower layer that confirms each PDU inside the transmit callback (a channel delivering at
 * once) re-enters the entity during the retransmission loop: every kept SDU still goes out
 * once, in ascending COUNT, and nothing stays kept.
 */
class SynchronousConfirmTestCase : public TestCase
{
  public:
    SynchronousConfirmTestCase()
        : TestCase("confirm-inside-transmit: confirmations from inside the transmit callback "
                   "during the retransmission")
    {
    }

  private:
    Ptr<NrSecurityPdcp> m_pdcp;
    bool m_confirm = false;
    std::vector<uint32_t> m_sent;
    std::vector<Ptr<Packet>> m_pdus;

    void OnPdu(Ptr<Packet> p)
    {
        uint8_t h[2];
        p->CopyData(h, 2);
        m_sent.push_back(static_cast<uint32_t>(h[0] & 0x0F) << 8 | h[1]);
        m_pdus.push_back(p);
        if (m_confirm)
        {
            m_pdcp->ConfirmPduDelivery(p);
        }
    }

    /// A failed assertion returns early: no event of this case may outlive it.
    void DoTeardown() override
    {
        m_pdcp = nullptr;
        m_pdus.clear();
        Simulator::Destroy();
    }

    void DoRun() override
    {
        m_pdcp = CreateObject<NrSecurityPdcp>();
        m_pdcp->SetFormat(AmDrb());
        m_pdcp->SetAttribute("Direction", StringValue("DL"));
        m_pdcp->SetTransmitPduCallback(MakeCallback(&SynchronousConfirmTestCase::OnPdu, this));
        m_pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, Key(R1_K_UP_ENC));
        for (uint32_t i = 0; i < 4; ++i)
        {
            m_pdcp->TransmitSdu(HexPacket(Sdu(i)));
        }
        // COUNT 2 confirmed behind the unconfirmed 0 and 1: released during the loop when 0
        // and 1 are confirmed, yet retransmitted (from the first unconfirmed SDU on).
        m_pdcp->ConfirmPduDelivery(m_pdus[2]);
        m_pdcp->SetTxCiphering(NrSecurityCiphering::NEA2, Key(NEW_K_UP_ENC));
        m_confirm = true;
        m_pdcp->Reestablish();
        NS_TEST_EXPECT_MSG_EQ(Join(m_sent), "0,1,2,3,0,1,2,3", "each once again, in order");
        NS_TEST_EXPECT_MSG_EQ(m_pdcp->GetCounters().retransmitted, 4u, "4 retransmitted");
        NS_TEST_EXPECT_MSG_EQ(m_pdcp->GetKeptSduCount(), 0u, "all confirmed and released");
        NS_TEST_EXPECT_MSG_EQ(m_pdcp->GetCounters().confirmed, 5u, "2 once, then all four");
        NS_TEST_EXPECT_MSG_EQ(m_pdcp->GetCounters().confirmUnmatched, 0u, "each one matched");
        NS_TEST_EXPECT_MSG_EQ(m_pdcp->GetCounters().txRefused, 0u, "no COUNT reuse");
    }
};

/// The suite.
class NrSecurityPdcpReestablishTestSuite : public TestSuite
{
  public:
    NrSecurityPdcpReestablishTestSuite()
        : TestSuite("nr-security-pdcp-reestablish", NrSecurityTestType::UNIT)
    {
        AddTestCase(new RetransmitUnconfirmedTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new RetransmitSameKeyTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new ReceiveAcrossKeyChangeTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new ForwardWithCountTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new ConfirmationBoundsTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new SynchronousConfirmTestCase, NrSecurityTestDuration::QUICK);
    }
};

static NrSecurityPdcpReestablishTestSuite
    g_nrSecurityPdcpReestablishTestSuite; ///< registers the suite
