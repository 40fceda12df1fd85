// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityPdcp, AM DRB transmit side across re-establishment (TS 38.323 5.1.2): transmitted
 * SDUs kept until the lower layer confirms them, retransmission with the same COUNT under the
 * new keys, SDUs with a given COUNT (Xn data forwarding at the target).
 */
#include "nr-security-pdcp.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityPdcpRetransmit");

bool
NrSecurityPdcp::KeepsTxSdus() const
{
    return m_format.rbType == NrSecurityRbType::DRB && m_rlcMode == NrSecurityRlcMode::AM;
}

size_t
NrSecurityPdcp::GetKeptSduCount() const
{
    return m_txKept.size();
}

void
NrSecurityPdcp::KeepTxSdu(uint32_t count, Ptr<Packet> sdu)
{
    // Bounded: beyond MaxUnconfirmedSdus the oldest is given up (it can no longer be
    // retransmitted nor forwarded), counted and traced. It is taken out of the list before
    // the trace runs (a sink may re-enter the entity).
    while (!m_txKept.empty() && m_txKept.size() >= m_maxUnconfirmed)
    {
        auto oldest = m_txKept.begin();
        const uint32_t c = oldest->first;
        Ptr<Packet> dropped = oldest->second.sdu;
        const bool wasConfirmed = oldest->second.confirmed;
        m_txKept.erase(oldest);
        if (!wasConfirmed)
        {
            NS_LOG_WARN(this << " unconfirmed SDU COUNT " << c << " dropped (MaxUnconfirmedSdus "
                             << m_maxUnconfirmed << ")");
            Discard(
                "unconfirmed-overflow", dropped, m_counters.unconfirmedOverflow, c, -1, 0, false);
        }
    }
    TxEntry e;
    e.sdu = sdu;
    m_txKept[count] = e;
}

int64_t
NrSecurityPdcp::TransmitSduWithCount(Ptr<Packet> sdu, uint32_t count)
{
    NS_LOG_FUNCTION(this << sdu << count);
    ValidateConfig();
    if (!CheckSduSize(sdu))
    {
        return -1;
    }
    // A forwarded SDU that is still kept here (sent already at this entity) is a
    // retransmission of that SDU, not a second SDU with the same COUNT.
    const bool kept = KeepsTxSdus() && m_txKept.count(count) != 0;
    const int64_t r = ProtectAndSend(sdu, count, kept);
    if (r >= 0)
    {
        ++m_counters.forwardedTx;
    }
    return r;
}

void
NrSecurityPdcp::ConfirmPduDelivery(Ptr<const Packet> pdu)
{
    NS_LOG_FUNCTION(this << pdu);
    if (!KeepsTxSdus())
    {
        return; // SRBs and UM DRBs keep nothing
    }
    // The header is enough to find the SN; a local buffer, since the caller may be inside a
    // transmit callback of this entity.
    const size_t n = pdu->GetSize();
    std::vector<uint8_t> bytes(n);
    pdu->CopyData(bytes.data(), n);
    NrSecurityPdcpHeader h = NrSecurityPdcpPdu::ParseHeader(m_format, bytes.data(), n);
    if (!h.valid || h.control)
    {
        ++m_counters.confirmUnmatched;
        NS_LOG_WARN(this << " confirmation of a PDU that is not a data PDU: "
                         << (h.valid ? "control PDU" : h.reason));
        return;
    }
    const uint32_t snMask = (1u << m_format.snBits) - 1;
    for (auto& [c, e] : m_txKept)
    {
        if (!e.confirmed && (c & snMask) == h.sn)
        {
            e.confirmed = true;
            ++m_counters.confirmed;
            while (!m_txKept.empty() && m_txKept.begin()->second.confirmed)
            {
                m_txKept.erase(m_txKept.begin());
            }
            return;
        }
    }
    ++m_counters.confirmUnmatched;
    NS_LOG_WARN(this << " confirmation of SN " << h.sn << " matches no unconfirmed SDU");
}

std::vector<std::pair<uint32_t, Ptr<Packet>>>
NrSecurityPdcp::GetUnconfirmedSdus() const
{
    std::vector<std::pair<uint32_t, Ptr<Packet>>> v;
    for (const auto& [c, e] : m_txKept)
    {
        if (!e.confirmed)
        {
            v.emplace_back(c, e.sdu->Copy());
        }
    }
    return v;
}

void
NrSecurityPdcp::RetransmitKept()
{
    // TS 38.323 5.1.2 (AM DRB): from the first SDU whose delivery was not confirmed, all SDUs
    // already associated with a COUNT, in ascending COUNT, with the keys now in force. The
    // confirmed SDUs at the head were released, so that is every kept SDU. A local copy: the
    // transmit callbacks may re-enter the entity.
    std::vector<std::pair<uint32_t, Ptr<Packet>>> todo;
    todo.reserve(m_txKept.size());
    for (const auto& [c, e] : m_txKept)
    {
        todo.emplace_back(c, e.sdu);
    }
    for (auto& [c, sdu] : todo)
    {
        NS_LOG_LOGIC(this << " retransmit COUNT " << c);
        if (ProtectAndSend(sdu->Copy(), c, true) >= 0)
        {
            ++m_counters.retransmitted;
        }
    }
}

} // namespace ns3
