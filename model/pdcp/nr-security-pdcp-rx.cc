// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityPdcp, receive side: reception (TS 38.323 5.2.2.1), in-order delivery, t-Reordering
 * (5.2.2.2), re-establishment (5.1.2). Callbacks into the users may re-enter the entity, so no
 * iterator, reference or cached state is held across a callback.
 */
#include "nr-security-pdcp.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityPdcpRx");

void
NrSecurityPdcp::Discard(const std::string& reason,
                        Ptr<const Packet> pdu,
                        uint64_t& counter,
                        int64_t count,
                        int64_t sn,
                        uint32_t mac,
                        bool rx)
{
    NS_LOG_LOGIC(this << " discard: " << reason);
    ++counter;
    m_pduDiscardedTrace(reason, pdu);
    PduEvent(NrSecurityPdcpPduEvent::DISCARDED, reason, pdu, count, sn, mac, rx);
}

void
NrSecurityPdcp::PduEvent(NrSecurityPdcpPduEvent::Outcome outcome,
                         const std::string& reason,
                         Ptr<const Packet> pdu,
                         int64_t count,
                         int64_t sn,
                         uint32_t mac,
                         bool rx)
{
    if (m_pduEventTrace.IsEmpty())
    {
        return;
    }
    NrSecurityPdcpPduEvent e;
    e.outcome = outcome;
    e.reason = reason;
    const uint8_t direction
        = rx ? static_cast<uint8_t>(1 - GetTxDirectionBit()) : GetTxDirectionBit();
    e.uplink = direction == 0;
    e.countKnown = count >= 0 && count <= 0xFFFFFFFFLL;
    e.count = e.countKnown ? static_cast<uint32_t>(count) : 0;
    const uint32_t snMask = (1u << m_format.snBits) - 1;
    e.snKnown = e.countKnown || sn >= 0;
    e.sn = e.countKnown ? (e.count & snMask) : static_cast<uint32_t>(sn >= 0 ? sn : 0);
    const NrSecurityPdcpSecurity sec = rx ? GetRxSecurity(e.count) : m_tx;
    e.macIPresent = m_format.MacBytes() != 0;
    e.ciphered = sec.cipheringActive && sec.nea != NrSecurityCiphering::NEA0;
    e.integrity = e.macIPresent && sec.integrityActive && sec.nia != NrSecurityIntegrity::NIA0;
    e.macI = e.macIPresent ? mac : 0;
    e.pdu = pdu;
    m_pduEventTrace(e);
}

void
NrSecurityPdcp::IntegrityFailed(uint32_t count,
                                const NrSecurityPdcpUnprotectResult& r,
                                Ptr<const Packet> pdu)
{
    // TS 38.323 5.9: discard and indicate the failure to the upper layer. The SDU is built
    // before any callback or trace sink runs (one may reuse m_scratch).
    Ptr<Packet> sdu;
    if (m_user || !m_integrityFailure.IsNull())
    {
        sdu = Create<Packet>(m_scratch.data() + r.sduOffset, static_cast<uint32_t>(r.sduBytes));
    }
    m_integrityFailureTrace(m_format.rbId, count, r.receivedMac, r.expectedMac);
    Discard("integrity", pdu, m_counters.integrityFailures, count, -1, r.receivedMac);
    if (sdu)
    {
        if (m_user)
        {
            m_user->PdcpIntegrityFailure(m_userTag, count, sdu, r.receivedMac, r.expectedMac);
        }
        if (!m_integrityFailure.IsNull())
        {
            m_integrityFailure(count, sdu);
        }
    }
}

void
NrSecurityPdcp::ReceivePdu(Ptr<Packet> pdu)
{
    NS_LOG_FUNCTION(this << pdu);
    ++m_counters.rxPdus;
    ValidateConfig();
    const size_t n = pdu->GetSize();
    m_scratch.resize(n);
    pdu->CopyData(m_scratch.data(), n);
    NrSecurityPdcpHeader h = NrSecurityPdcpPdu::ParseHeader(m_format, m_scratch.data(), n);
    if (!h.valid)
    {
        Discard("malformed: " + h.reason, pdu, m_counters.malformed);
        return;
    }
    if (h.control)
    {
        ++m_counters.rxControlPdus;
        return;
    }
    int64_t rcvdCount = NrSecurityPdcpPdu::RcvdCount(m_format.snBits, m_rxDeliv, h.sn);
    if (rcvdCount < 0 || rcvdCount > 0xFFFFFFFFLL)
    {
        Discard("out-of-window", pdu, m_counters.outOfWindow, -1, h.sn);
        return;
    }
    auto count = static_cast<uint32_t>(rcvdCount);
    const uint8_t rxDirection = static_cast<uint8_t>(1 - GetTxDirectionBit());
    const uint32_t generation = m_rxGeneration; // the settings this PDU is checked under
    NrSecurityPdcpUnprotectResult r = NrSecurityPdcpPdu::Unprotect(
        m_format, count, rxDirection, GetRxSecurity(count), m_scratch.data(), n);
    if (r.status == NrSecurityPdcpUnprotectResult::INTEGRITY_FAILURE)
    {
        IntegrityFailed(count, r, pdu);
        return;
    }
    if (count < m_rxDeliv)
    {
        Discard("out-of-window", pdu, m_counters.outOfWindow, count, -1, r.receivedMac);
        return;
    }
    if (m_rxBuffer.count(count) != 0)
    {
        Discard("duplicate", pdu, m_counters.duplicates, count, -1, r.receivedMac);
        return;
    }
    // The entry is built from m_scratch before any trace sink runs (a sink may re-enter the
    // entity and reuse m_scratch or change the settings: the entry keeps the generation it
    // was checked under, so a change is caught at delivery).
    RxEntry entry;
    entry.sdu = Create<Packet>(m_scratch.data() + r.sduOffset, static_cast<uint32_t>(r.sduBytes));
    entry.mac = r.receivedMac;
    entry.generation = generation;
    std::copy(m_scratch.begin(), m_scratch.begin() + m_format.HeaderBytes(), entry.header.begin());
    m_rxPduTrace(pdu, count);

    // TS 38.323 5.2.2.1: store, update RX_NEXT, deliver from RX_DELIV.
    if (count >= m_rxNext)
    {
        m_rxNext = uint64_t{count} + 1;
    }
    if (count == m_rxDeliv)
    {
        // Checked just now with the settings in force: delivered without a second check,
        // unless a trace sink changed the settings meanwhile.
        m_rxDeliv = uint64_t{count} + 1;
        if (entry.generation != m_rxGeneration)
        {
            entry.pdu = pdu->Copy();
        }
        if (Recheck(count, entry))
        {
            Deliver(count, entry);
        }
        DeliverConsecutive();
    }
    else
    {
        // Kept with its PDU as received, for a second check if the settings change before it
        // is delivered (a copy: the caller may still change its packet).
        entry.pdu = pdu->Copy();
        m_rxBuffer.emplace(count, std::move(entry));
    }
    UpdateReorderingTimer();
}

bool
NrSecurityPdcp::Recheck(uint32_t count, RxEntry& entry)
{
    if (entry.generation == m_rxGeneration || !entry.pdu)
    {
        return true;
    }
    // The receive settings changed since the PDU was checked: decipher and verify the PDU as
    // received again, with the setting that applies to its COUNT now.
    const size_t n = entry.pdu->GetSize();
    m_scratch.resize(n);
    entry.pdu->CopyData(m_scratch.data(), n);
    const uint8_t rxDirection = static_cast<uint8_t>(1 - GetTxDirectionBit());
    NrSecurityPdcpUnprotectResult r = NrSecurityPdcpPdu::Unprotect(
        m_format, count, rxDirection, GetRxSecurity(count), m_scratch.data(), n);
    if (r.status == NrSecurityPdcpUnprotectResult::INTEGRITY_FAILURE)
    {
        NS_LOG_INFO(this << " buffered COUNT " << count << " fails the check at delivery");
        IntegrityFailed(count, r, entry.pdu);
        return false;
    }
    entry.sdu = Create<Packet>(m_scratch.data() + r.sduOffset, static_cast<uint32_t>(r.sduBytes));
    entry.mac = r.receivedMac;
    entry.generation = m_rxGeneration;
    return true;
}

void
NrSecurityPdcp::Deliver(uint32_t count, const RxEntry& entry)
{
    // The caller has updated RX_DELIV; the callbacks may change any state.
    ++m_counters.rxDelivered;
    m_lastRxMac = entry.mac;
    m_lastRxCount = count;
    m_lastRxHeader = entry.header;
    Ptr<Packet> sdu = entry.sdu;
    PduEvent(NrSecurityPdcpPduEvent::DELIVERED, "", entry.pdu, count, -1, entry.mac, true);
    if (m_user)
    {
        m_user->PdcpDeliverSdu(m_userTag, sdu, count);
    }
    if (!m_deliverSdu.IsNull())
    {
        m_deliverSdu(sdu, count);
    }
}

void
NrSecurityPdcp::DeliverConsecutive()
{
    // Deliver stored SDUs with consecutive COUNTs from RX_DELIV; RX_DELIV becomes the first
    // COUNT not delivered. Each step looks the buffer up afresh: a callback may have
    // re-established the entity, moved RX_DELIV or emptied the buffer.
    while (m_rxDeliv <= 0xFFFFFFFFULL)
    {
        auto it = m_rxBuffer.find(static_cast<uint32_t>(m_rxDeliv));
        if (it == m_rxBuffer.end())
        {
            return;
        }
        const uint32_t c = it->first;
        RxEntry entry = std::move(it->second);
        m_rxBuffer.erase(it);
        if (!Recheck(c, entry))
        {
            return; // discarded: COUNT c was not received after all, RX_DELIV stays
        }
        m_rxDeliv = uint64_t{c} + 1;
        Deliver(c, entry);
    }
}

void
NrSecurityPdcp::UpdateReorderingTimer()
{
    // TS 38.323 5.2.2.1, last steps.
    if (!m_tReorderingEvent.IsExpired() && m_rxDeliv >= m_rxReord)
    {
        m_tReorderingEvent.Cancel();
    }
    if (m_tReorderingEvent.IsExpired() && m_rxDeliv < m_rxNext)
    {
        m_rxReord = m_rxNext;
        m_tReorderingEvent
            = Simulator::Schedule(m_tReordering, &NrSecurityPdcp::ReorderingTimerExpired, this);
    }
}

void
NrSecurityPdcp::ReorderingTimerExpired()
{
    NS_LOG_FUNCTION(this << m_rxReord);
    ++m_counters.reorderingTimeouts;
    // TS 38.323 5.2.2.2: deliver all stored SDUs with COUNT < RX_REORD, then the consecutive
    // ones from RX_REORD; RX_DELIV = first COUNT >= RX_REORD not delivered.
    while (!m_rxBuffer.empty() && m_rxBuffer.begin()->first < m_rxReord)
    {
        auto it = m_rxBuffer.begin();
        const uint32_t c = it->first;
        RxEntry entry = std::move(it->second);
        m_rxBuffer.erase(it);
        if (Recheck(c, entry))
        {
            m_rxDeliv = std::max(m_rxDeliv, uint64_t{c} + 1);
            Deliver(c, entry);
        }
    }
    m_rxDeliv = std::max(m_rxDeliv, m_rxReord);
    DeliverConsecutive();
    if (m_tReorderingEvent.IsExpired() && m_rxDeliv < m_rxNext)
    {
        m_rxReord = m_rxNext;
        m_tReorderingEvent
            = Simulator::Schedule(m_tReordering, &NrSecurityPdcp::ReorderingTimerExpired, this);
    }
}

void
NrSecurityPdcp::Reestablish()
{
    NS_LOG_FUNCTION(this);
    ValidateConfig();
    const bool srb = m_format.rbType == NrSecurityRbType::SRB;
    const bool um = !srb && m_rlcMode == NrSecurityRlcMode::UM;
    if (!srb && !um)
    {
        // AM DRB (TS 38.323 5.1.2): TX_NEXT, RX_NEXT, RX_DELIV, the stored SDUs and
        // t-Reordering are kept. The receive settings in force (the keys given with the
        // re-establishment) apply to every PDU received from now on, whatever its COUNT; the
        // stored SDUs were deciphered and verified on reception with the keys then in force,
        // so they count as checked and are not checked again with the new keys.
        m_rxInt.ApplyFrom(0);
        m_rxEnc.ApplyFrom(0);
        ++m_rxGeneration;
        for (auto& [c, entry] : m_rxBuffer)
        {
            entry.generation = m_rxGeneration;
        }
        // Transmit side: retransmit from the first unconfirmed SDU, under the new keys.
        RetransmitKept();
        return;
    }
    // SRBs and UM DRBs: TX_NEXT, RX_NEXT and RX_DELIV to the initial value, t-Reordering
    // stopped and reset. The state is reset first, so that callbacks see the final state.
    m_tReorderingEvent.Cancel();
    std::map<uint32_t, RxEntry> stored;
    stored.swap(m_rxBuffer);
    m_txNext = 0;
    m_rxNext = 0;
    m_rxDeliv = 0;
    m_rxReord = 0;
    ResetRxSettingsFrom(0);
    if (srb)
    {
        Flush(stored); // SRBs discard the stored SDUs
        return;
    }
    // UM DRBs deliver the stored SDUs in ascending COUNT order, each verified with the
    // setting for its COUNT. `stored` is local, so callbacks cannot invalidate the loop.
    for (auto& [c, entry] : stored)
    {
        if (Recheck(c, entry))
        {
            Deliver(c, entry);
        }
    }
}

void
NrSecurityPdcp::Flush(std::map<uint32_t, RxEntry>& stored)
{
    // Each dropped SDU is counted and traced; `stored` is already out of m_rxBuffer, so trace
    // sinks may re-enter the entity.
    for (auto& [c, entry] : stored)
    {
        NS_LOG_LOGIC(this << " flushed COUNT " << c);
        Discard("flushed", entry.pdu, m_counters.flushed, c, -1, entry.mac);
    }
    stored.clear();
}

void
NrSecurityPdcp::SetRxDeliv(uint32_t rxDeliv)
{
    NS_LOG_FUNCTION(this << rxDeliv);
    m_tReorderingEvent.Cancel();
    std::map<uint32_t, RxEntry> stored;
    stored.swap(m_rxBuffer);
    m_rxDeliv = rxDeliv;
    m_rxNext = rxDeliv;
    m_rxReord = rxDeliv;
    ResetRxSettingsFrom(rxDeliv);
    Flush(stored);
}

void
NrSecurityPdcp::ResetRxSettingsFrom(uint32_t count)
{
    // The receive COUNTs start again at `count`: the settings in force apply to all of them.
    // Without this, a COUNT below the old start (e.g. the SMC's COUNT + 1) would be checked
    // with the setting from before security activation: none, so unverified.
    m_rxInt.ApplyFrom(count);
    m_rxEnc.ApplyFrom(count);
    ++m_rxGeneration; // anything stored is checked again at delivery
}

} // namespace ns3
