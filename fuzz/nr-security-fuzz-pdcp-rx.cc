// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * libFuzzer target: the receive path of an NrSecurityPdcp entity (TS 38.323 5.2.2: RCVD_COUNT,
 * deciphering, integrity verification, duplicate and window discard, reordering,
 * t-Reordering), driven by a script of hostile PDUs, replays, reorderings, mutations of PDUs
 * a genuine peer entity sent, COUNT jumps, re-establishment, security activation at a COUNT
 * boundary (as the Security Mode Command does) and the passing of time.
 *
 * Input: three configuration bytes, then operations (FuzzedDataProvider).
 *   byte 0: bit 0 DRB, bit 1 18-bit SN (DRB), bit 2 SDAP header (DRB), bit 3 DRB integrity,
 *           bit 4 security active from COUNT 0 (else from the "activate" operations on), bit 5
 *           ciphering used, bit 6 integrity used, bit 7 the receiver is the gNB (uplink)
 *   byte 1: bits 0-1 NIA id, bits 2-3 NEA id, bits 4-7 RB identity - 1 (low 4 bits)
 *   byte 2: bits 0-6 t-Reordering in ms (0..127), bit 7 RB identity - 1 (bit 4)
 * SRB selectors force a 12-bit SN without SDAP header or DRB integrity, so every
 * configuration is valid.
 *
 * Checked after every operation (a violation is __builtin_trap(), a crash for libFuzzer):
 *  - every PDU handed to ReceivePdu is accounted for exactly once: accepted (RxPdu trace),
 *    a control PDU, or discarded with a counted and traced reason (PduDiscarded trace per
 *    discard, IntegrityFailure trace per integrity failure);
 *  - every accepted SDU is delivered, still buffered, discarded on a second integrity check
 *    at delivery (the receive settings changed while it waited), or flushed by a state reset;
 *  - delivery is in strictly increasing COUNT order between resets (no COUNT twice);
 *  - RX_DELIV <= RX_NEXT; a non-empty reordering buffer has t-Reordering running and holds at
 *    most RX_NEXT - RX_DELIV - 1 SDUs;
 *  - nothing unverified is delivered once integrity applies: an SDU delivered with a COUNT
 *    to which NIA1-3 verification applies is byte for byte the SDU the genuine peer sent with
 *    that COUNT under integrity protection, and VerifyDeliveredSdu() confirms it. This holds
 *    because the fuzzer does not know the key: no MAC value is ever compared in instrumented
 *    code (the library compares with CRYPTO_memcmp, this file not at all), so it cannot
 *    learn an X-MAC from libFuzzer's comparison feedback.
 */
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-pdcp-pdu.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <cstdint>
#include <cstdio>
#include <fuzzer/FuzzedDataProvider.h>
#include <map>
#include <vector>

using namespace ns3;

namespace
{

/// K_RRCint and K_RRCenc of reference context R1 (/work/shared/cases/pdcp.md).
const NrSecurityKey128 kInt = {
    0x3d, 0xc3, 0x7c, 0x61, 0xc2, 0x1f, 0xb1, 0x67, 0x40, 0xa2, 0xb2, 0xfe, 0x27, 0x78, 0x36, 0x46};
const NrSecurityKey128 kEnc = {
    0x94, 0x1e, 0x50, 0xdb, 0x4b, 0x51, 0xa6, 0x82, 0x70, 0xb2, 0xaf, 0x27, 0x93, 0xec, 0x73, 0xde};

/// At most this many of the peer's PDUs are kept for replay.
constexpr size_t MAX_CAPTURED = 32;
/// At most this many operations per input.
constexpr unsigned MAX_OPERATIONS = 512;

/// Reports a broken property and crashes, so that libFuzzer keeps the input.
[[noreturn]] void
Violation(const char* what)
{
    std::fprintf(stderr, "nr-security-fuzz-pdcp-rx: property violated: %s\n", what);
    __builtin_trap();
}

/// The bytes of a packet.
std::vector<uint8_t>
BytesOf(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

/// One run: a genuine transmitting peer, the receiver under test, and what was observed.
class Harness
{
  public:
    Harness(uint8_t b0, uint8_t b1, uint8_t b2)
    {
        m_format.rbType = (b0 & 0x01) != 0 ? NrSecurityRbType::DRB : NrSecurityRbType::SRB;
        m_format.rbId = static_cast<uint8_t>(1 + ((b1 >> 4) | (b2 >> 7) << 4));
        if (m_format.rbType == NrSecurityRbType::DRB)
        {
            m_format.snBits = (b0 & 0x02) != 0 ? 18 : 12;
            m_format.sdapHeader = (b0 & 0x04) != 0;
            m_format.drbIntegrity = (b0 & 0x08) != 0;
        }
        m_ciphering = (b0 & 0x20) != 0;
        m_integrity = (b0 & 0x40) != 0;
        m_nia = static_cast<NrSecurityIntegrity>(b1 & 0x03);
        m_nea = static_cast<NrSecurityCiphering>((b1 >> 2) & 0x03);
        const bool rxIsGnb = (b0 & 0x80) != 0;

        m_peer = CreateObject<NrSecurityPdcp>();
        m_rx = CreateObject<NrSecurityPdcp>();
        m_peer->SetFormat(m_format);
        m_rx->SetFormat(m_format);
        m_peer->SetAttribute("Direction", StringValue(rxIsGnb ? "UL" : "DL"));
        m_rx->SetAttribute("Direction", StringValue(rxIsGnb ? "DL" : "UL"));
        m_rx->SetAttribute("TReordering", TimeValue(MilliSeconds(b2 & 0x7F)));
        m_peer->TraceConnectWithoutContext("TxPdu", MakeCallback(&Harness::PeerSent, this));
        m_rx->SetDeliverSduCallback(MakeCallback(&Harness::Delivered, this));
        m_rx->TraceConnectWithoutContext("RxPdu", MakeCallback(&Harness::Accepted, this));
        m_rx->TraceConnectWithoutContext("PduDiscarded", MakeCallback(&Harness::Discarded, this));
        m_rx->TraceConnectWithoutContext("IntegrityFailure",
                                         MakeCallback(&Harness::IntegrityFailed, this));
        if ((b0 & 0x10) != 0)
        {
            ActivateRx();
        }
    }

    ~Harness()
    {
        m_peer->Dispose();
        m_rx->Dispose();
    }

    /**
     * Security on at the peer from its next PDU (TX_NEXT becomes the activation COUNT), as a
     * gNB does when it sends the SecurityModeCommand.
     */
    void ActivateTx()
    {
        if (m_txActivated || m_peer->GetTxNext() > 0xFFFFFFFFULL)
        {
            return;
        }
        m_txActivated = true;
        m_from = static_cast<uint32_t>(m_peer->GetTxNext());
        if (m_integrity)
        {
            m_peer->SetTxIntegrity(m_nia, kInt);
        }
        if (m_ciphering)
        {
            m_peer->SetTxCiphering(m_nea, kEnc);
        }
    }

    /**
     * Security on at the receiver from the activation COUNT on, possibly later than at the
     * peer (as a UE does once it has checked the SecurityModeCommand): PDUs with higher COUNTs
     * may have arrived in between.
     */
    void ActivateRx()
    {
        ActivateTx();
        if (!m_txActivated || m_rxActivated)
        {
            return;
        }
        m_rxActivated = true;
        if (m_integrity)
        {
            m_rx->SetRxIntegrity(m_nia, kInt, m_from);
        }
        if (m_ciphering)
        {
            m_rx->SetRxCiphering(m_nea, kEnc, m_from);
        }
    }

    /// Runs one operation of the script.
    void Step(FuzzedDataProvider& in)
    {
        switch (in.ConsumeIntegralInRange<uint8_t>(0, 12))
        {
            case 0: // a hostile PDU
                Receive(ConsumePayload(in));
                break;
            case 1: // the peer sends an SDU (captured; delivered by later operations)
            case 2:
            {
                std::vector<uint8_t> sdu = ConsumePayload(in);
                m_sending = &sdu; // PeerSent runs inside TransmitSdu
                m_peer->TransmitSdu(Create<Packet>(sdu.data(), static_cast<uint32_t>(sdu.size())));
                m_sending = nullptr;
                break;
            }
            case 3: // a captured PDU, delivered, replayed or reordered
            case 4:
                if (!m_captured.empty())
                {
                    Receive(m_captured[in.ConsumeIntegral<uint8_t>() % m_captured.size()]);
                }
                break;
            case 5: // a captured PDU, mutated
                if (!m_captured.empty())
                {
                    std::vector<uint8_t> pdu
                        = m_captured[in.ConsumeIntegral<uint8_t>() % m_captured.size()];
                    Mutate(in, pdu);
                    Receive(pdu);
                }
                break;
            case 6: // time passes: t-Reordering may expire
                Simulator::Stop(MilliSeconds(in.ConsumeIntegral<uint8_t>()));
                Simulator::Run();
                break;
            case 7:
                m_peer->SetTxNext(in.ConsumeIntegral<uint32_t>());
                break;
            case 8:
            {
                const uint32_t rxDeliv = in.ConsumeIntegral<uint32_t>();
                StateReset([&] { m_rx->SetRxDeliv(rxDeliv); });
                break;
            }
            case 9:
                StateReset([&] { m_rx->Reestablish(); });
                break;
            case 10:
                ActivateTx();
                break;
            case 11:
                ActivateRx();
                break;
            case 12:
                VerifyLastDelivered();
                break;
        }
        Check();
    }

  private:
    std::vector<uint8_t> ConsumePayload(FuzzedDataProvider& in)
    {
        size_t n = in.ConsumeIntegral<uint8_t>();
        if (n == 255)
        {
            n = in.ConsumeIntegralInRange<size_t>(0, 9100); // around the largest PDU
        }
        std::vector<uint8_t> b = in.ConsumeBytes<uint8_t>(n);
        b.resize(n, 0x5A);
        return b;
    }

    static void Mutate(FuzzedDataProvider& in, std::vector<uint8_t>& pdu)
    {
        const size_t at = pdu.empty() ? 0 : in.ConsumeIntegral<uint16_t>() % pdu.size();
        switch (in.ConsumeIntegralInRange<uint8_t>(0, 3))
        {
            case 0:
                if (!pdu.empty())
                {
                    pdu[at] ^= static_cast<uint8_t>(1U << in.ConsumeIntegralInRange<uint8_t>(0, 7));
                }
                break;
            case 1:
                pdu.resize(at);
                break;
            case 2:
                pdu.push_back(in.ConsumeIntegral<uint8_t>());
                break;
            default:
                if (!pdu.empty())
                {
                    pdu[at] = in.ConsumeIntegral<uint8_t>();
                }
                break;
        }
    }

    void Receive(const std::vector<uint8_t>& pdu)
    {
        ++m_handed;
        m_rx->ReceivePdu(Create<Packet>(pdu.data(), static_cast<uint32_t>(pdu.size())));
    }

    /**
     * A state reset of the receiver (SetRxDeliv, Reestablish): the buffered SDUs are delivered
     * (each checked again), discarded on that check, or flushed; delivery order restarts.
     */
    template <typename F>
    void StateReset(F reset)
    {
        const uint64_t buffered = m_rx->GetReorderingBufferSize();
        const uint64_t delivered = m_delivered;
        const uint64_t integrity = m_integrityTraces;
        const uint64_t flushTraces = m_flushTraces;
        m_lastDelivered = -1;
        reset();
        m_lastDelivered = -1;
        const uint64_t gone = (m_delivered - delivered) + (m_integrityTraces - integrity);
        if (buffered < m_rx->GetReorderingBufferSize() + gone)
        {
            Violation("a reset delivers or discards only SDUs that were buffered");
        }
        const uint64_t flushed = buffered - m_rx->GetReorderingBufferSize() - gone;
        // An entity may trace each SDU a reset drops as PduDiscarded "flushed": then all of them.
        if (m_flushTraces != flushTraces && m_flushTraces - flushTraces != flushed)
        {
            Violation("a reset that traces flushed SDUs traces each of them");
        }
        m_flushed += flushed;
    }

    /// True if NIA1-3 verification applies to count at the receiver.
    bool Verified(uint32_t count) const
    {
        NrSecurityPdcpSecurity s = m_rx->GetRxSecurity(count);
        return s.integrityActive && s.nia != NrSecurityIntegrity::NIA0 && m_format.MacBytes() != 0;
    }

    /// The peer sent a PDU: keep it for replay, and its SDU if it is integrity protected.
    void PeerSent(Ptr<const Packet> pdu, uint32_t count)
    {
        if (m_sending == nullptr)
        {
            Violation("the peer transmits only from TransmitSdu");
        }
        if (m_captured.size() == MAX_CAPTURED)
        {
            m_captured.erase(m_captured.begin());
        }
        m_captured.push_back(BytesOf(pdu));
        const NrSecurityPdcpSecurity& tx = m_peer->GetTxSecurity();
        if (tx.integrityActive && tx.nia != NrSecurityIntegrity::NIA0)
        {
            m_protectedSdus[count] = *m_sending; // the SDU handed to TransmitSdu
        }
        else
        {
            m_protectedSdus.erase(count);
        }
    }

    void Delivered(Ptr<Packet> sdu, uint32_t count)
    {
        ++m_delivered;
        if (m_lastDelivered >= 0 && count <= m_lastDelivered)
        {
            Violation("SDUs are delivered in strictly increasing COUNT order");
        }
        m_lastDelivered = count;
        m_lastSdu = sdu;
        m_lastCount = count;
        m_lastVerified = Verified(count);
        if (m_lastVerified)
        {
            auto it = m_protectedSdus.find(count);
            if (it == m_protectedSdus.end() || it->second != BytesOf(sdu))
            {
                Violation("an SDU delivered under integrity is the one the peer sent");
            }
        }
    }

    void VerifyLastDelivered()
    {
        if (!m_lastSdu || !m_lastVerified)
        {
            return;
        }
        if (!m_rx->VerifyDeliveredSdu(m_lastCount, m_lastSdu, m_rx->GetLastRxMac(), m_nia, kInt))
        {
            Violation("VerifyDeliveredSdu confirms the last SDU delivered under integrity");
        }
    }

    void Accepted(Ptr<const Packet>, uint32_t)
    {
        ++m_accepted;
    }

    void Discarded(std::string reason, Ptr<const Packet>)
    {
        if (reason.empty())
        {
            Violation("a discard has a reason");
        }
        if (reason == "flushed")
        {
            ++m_flushTraces; // a stored SDU dropped by a state reset, not a received PDU
            return;
        }
        ++m_discardTraces;
    }

    void IntegrityFailed(uint8_t, uint32_t, uint32_t, uint32_t)
    {
        // The MAC values are deliberately not compared here (nor anywhere in this file):
        // libFuzzer records the operands of every comparison in instrumented code and writes
        // them into its next inputs, so the fuzzer would learn X-MAC and forge PDUs as a key
        // holder could (a genuine PDU truncated where its data holds the MAC-I of the prefix),
        // which the delivery check would then wrongly report.
        ++m_integrityTraces;
    }

    void Check() const
    {
        const NrSecurityPdcpCounters& c = m_rx->GetCounters();
        if (c.rxPdus != m_handed)
        {
            Violation("rxPdus counts every PDU handed to ReceivePdu");
        }
        const uint64_t discards = c.malformed + c.outOfWindow + c.duplicates + c.integrityFailures;
        if (m_discardTraces != discards || m_integrityTraces != c.integrityFailures)
        {
            Violation("every discard is traced with its reason");
        }
        // A buffered PDU checked again at delivery (the receive settings changed while it
        // waited) may still be discarded as an integrity failure after it was accepted: those
        // late discards are what accepted + control + discards exceeds the PDUs handed over.
        if (c.rxPdus > m_accepted + c.rxControlPdus + discards)
        {
            Violation("every PDU is accepted, a control PDU, or discarded with a counter");
        }
        const uint64_t late = m_accepted + c.rxControlPdus + discards - c.rxPdus;
        if (late > c.integrityFailures)
        {
            Violation("a PDU is discarded after acceptance only on a second integrity check");
        }
        if (c.rxDelivered != m_delivered)
        {
            Violation("rxDelivered counts the deliveries");
        }
        if (m_accepted != m_delivered + m_rx->GetReorderingBufferSize() + m_flushed + late)
        {
            Violation("every accepted SDU is delivered, buffered, discarded late or flushed");
        }
        if (m_rx->GetRxDeliv() > m_rx->GetRxNext())
        {
            Violation("RX_DELIV <= RX_NEXT");
        }
        if (m_rx->GetReorderingBufferSize() != 0)
        {
            if (m_rx->GetReorderingBufferSize() >= m_rx->GetRxNext() - m_rx->GetRxDeliv())
            {
                Violation("the buffer holds only COUNTs between RX_DELIV and RX_NEXT");
            }
            if (!m_rx->IsReorderingTimerRunning())
            {
                Violation("t-Reordering runs while SDUs wait in the buffer");
            }
        }
    }

    NrSecurityPdcpFormat m_format;
    bool m_ciphering{false};
    bool m_integrity{false};
    NrSecurityIntegrity m_nia{NrSecurityIntegrity::NIA0};
    NrSecurityCiphering m_nea{NrSecurityCiphering::NEA0};
    bool m_txActivated{false}; ///< the peer protects from m_from on
    bool m_rxActivated{false}; ///< the receiver verifies / deciphers from m_from on
    uint32_t m_from{0};        ///< the activation COUNT
    Ptr<NrSecurityPdcp> m_peer;
    Ptr<NrSecurityPdcp> m_rx;
    std::vector<std::vector<uint8_t>> m_captured;
    std::map<uint32_t, std::vector<uint8_t>> m_protectedSdus; ///< COUNT -> SDU sent under NIA1-3
    const std::vector<uint8_t>* m_sending{nullptr};           ///< the SDU TransmitSdu is sending
    uint64_t m_handed{0};
    uint64_t m_accepted{0};
    uint64_t m_delivered{0};
    uint64_t m_flushed{0};
    uint64_t m_discardTraces{0};
    uint64_t m_flushTraces{0};
    uint64_t m_integrityTraces{0};
    int64_t m_lastDelivered{-1};
    Ptr<Packet> m_lastSdu;
    uint32_t m_lastCount{0};
    bool m_lastVerified{false};
};

} // namespace

/**
 * \brief libFuzzer entry point: one configuration and one script of operations.
 * \param data the input (layout in the file comment)
 * \param size its length in bytes
 * \return 0 (libFuzzer convention)
 */
extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 3)
    {
        return 0;
    }
    FuzzedDataProvider in(data + 3, size - 3);
    {
        Harness h(data[0], data[1], data[2]);
        for (unsigned i = 0; i < MAX_OPERATIONS && in.remaining_bytes() > 0; ++i)
        {
            h.Step(in);
        }
    }
    Simulator::Destroy();
    return 0;
}
