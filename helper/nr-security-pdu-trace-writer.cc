// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-pdu-trace-writer.h"

#include "ns3/node.h"
#include "ns3/nr-security-hex.h"
#include "ns3/simulator.h"

#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace ns3
{

std::string
NrSecurityCsvField(const std::string& field)
{
    if (field.find_first_of(",\"\n") == std::string::npos)
    {
        return field;
    }
    std::string q = "\"";
    for (char c : field)
    {
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return q + "\"";
}

std::string
NrSecurityCsvNow()
{
    char t[32];
    const Time now = Simulator::Now();
    if (Time::GetResolution() == Time::NS && now.IsPositive())
    {
        // The same digits as "%.9f" of the seconds, without the floating-point formatting
        // (a quarter of a traces.csv row's cost).
        const auto ns = static_cast<uint64_t>(now.GetTimeStep());
        char* end = std::to_chars(t, t + 20, ns / 1000000000ULL).ptr;
        *end++ = '.';
        uint64_t fraction = ns % 1000000000ULL;
        for (int i = 8; i >= 0; --i)
        {
            end[i] = static_cast<char>('0' + fraction % 10);
            fraction /= 10;
        }
        return std::string(t, end + 9);
    }
    std::snprintf(t, sizeof(t), "%.9f", now.GetSeconds());
    return t;
}

NrSecurityPduTraceWriter::NrSecurityPduTraceWriter(const std::string& filename)
    : m_out(filename, std::ios::trunc)
{
    if (!m_out)
    {
        throw std::runtime_error("NrSecurityPduTraceWriter: cannot open " + filename);
    }
    m_out << "time_s,node,ue_id,rb,direction,sn,count,bearer,ciphered,integrity,mac_i,outcome,"
             "origin\n";
}

template <typename Rrc>
void
NrSecurityPduTraceWriter::Connect(Ptr<Rrc> rrc, uint32_t node)
{
    NrSecurityTraceConnect(PeekPointer(rrc),
                           "PdcpEntityCreated",
                           MakeCallback(&NrSecurityPduTraceWriter::OnEntity, this).Bind(node));
}

void
NrSecurityPduTraceWriter::Watch(Ptr<NrSecurityUeNetDevice> ue)
{
    const uint32_t node = ue->GetNode() ? ue->GetNode()->GetId() : 0;
    Ptr<NrSecurityUeRrc> rrc = ue->GetRrc();
    Connect(rrc, node);
    NrSecurityTraceConnect(
        PeekPointer(rrc),
        "RrcMessage",
        MakeCallback(&NrSecurityPduTraceWriter::OnMessage, this).Bind(node).Bind(false));
    NrSecurityTraceConnect(PeekPointer(ue),
                           "PduRx",
                           MakeCallback(&NrSecurityPduTraceWriter::OnFrameRx, this).Bind(node));
    for (uint8_t srb = 1; srb <= 3; ++srb)
    {
        if (Ptr<NrSecurityPdcp> p = rrc->GetSrb(srb))
        {
            OnEntity(node, ue->GetUeId(), "SRB" + std::to_string(srb), p);
        }
    }
    for (const auto& drb : rrc->GetDrbConfigs())
    {
        if (Ptr<NrSecurityPdcp> p = rrc->GetDrb(drb.drbId))
        {
            OnEntity(node, ue->GetUeId(), "DRB" + std::to_string(drb.drbId), p);
        }
    }
}

void
NrSecurityPduTraceWriter::Watch(Ptr<NrSecurityGnbNetDevice> gnb)
{
    const uint32_t node = gnb->GetNode() ? gnb->GetNode()->GetId() : 0;
    Ptr<NrSecurityGnbRrc> rrc = gnb->GetRrc();
    Connect(rrc, node);
    rrc->TraceConnectWithoutContext(
        "RrcMessage",
        MakeCallback(&NrSecurityPduTraceWriter::OnMessage, this).Bind(node).Bind(true));
    gnb->TraceConnectWithoutContext(
        "PduRx", MakeCallback(&NrSecurityPduTraceWriter::OnFrameRx, this).Bind(node));
    if (gnb->IsFalseBaseStation())
    {
        m_txOrigin[node] = NrSecurityFrameOriginName(NrSecurityFrameOrigin::FALSE_BASE_STATION);
    }
}

void
NrSecurityPduTraceWriter::Watch(Ptr<NrSecurityPdcp> pdcp,
                                uint32_t node,
                                uint32_t ueId,
                                const std::string& rb)
{
    OnEntity(node, ueId, rb, pdcp);
}

void
NrSecurityPduTraceWriter::OnEntity(uint32_t node,
                                   uint32_t ueId,
                                   const std::string& rb,
                                   Ptr<NrSecurityPdcp> pdcp)
{
    if (!pdcp)
    {
        return;
    }
    // A plain pointer: the entity fires its own trace, and a Ptr bound into its own trace
    // source would keep it alive forever.
    NrSecurityTraceConnect(PeekPointer(pdcp),
                           "PduEvent",
                           MakeCallback(&NrSecurityPduTraceWriter::OnEvent, this)
                               .Bind(node)
                               .Bind(ueId)
                               .Bind(rb)
                               .Bind(static_cast<const NrSecurityPdcp*>(PeekPointer(pdcp))));
}

Time
NrSecurityPduTraceWriter::ForgedFrameExpiry()
{
    // Longer than the largest t-Reordering (ms3000, TS 38.331 PDCP-Config) plus ARQ: a
    // buffered forged PDU is delivered before its entry is forgotten.
    return Seconds(4);
}

void
NrSecurityPduTraceWriter::OnFrameRx(uint32_t node, const NrSecurityAirFrame& frame)
{
    LastRx& last = m_lastRx[{node, frame.ueId}];
    last.event = Simulator::GetEventCount();
    last.origin = frame.origin;
    last.pending = false;
    last.bytes.clear();
    if (!frame.pdu)
    {
        return;
    }
    last.bytes.resize(frame.pdu->GetSize());
    frame.pdu->CopyData(last.bytes.data(), last.bytes.size());
    if (!frame.IsForged())
    {
        return; // only forged frames wait for a later row by their bytes
    }
    m_forged[ForgedKey{node, frame.ueId, last.bytes}].push_back(
        Pending{frame.origin, Simulator::Now()});
    last.pending = true;
    if (++m_forgedSinceExpiry >= 256)
    {
        Expire();
    }
}

void
NrSecurityPduTraceWriter::Expire()
{
    m_forgedSinceExpiry = 0;
    const Time oldest = Simulator::Now() - ForgedFrameExpiry();
    for (auto it = m_forged.begin(); it != m_forged.end();)
    {
        std::deque<Pending>& q = it->second;
        while (!q.empty() && q.front().at < oldest)
        {
            q.pop_front();
        }
        it = q.empty() ? m_forged.erase(it) : std::next(it);
    }
}

std::string
NrSecurityPduTraceWriter::RxOrigin(uint32_t node, uint32_t ueId, const std::vector<uint8_t>* bytes)
{
    auto last = m_lastRx.find({node, ueId});
    if (last != m_lastRx.end() && last->second.event == Simulator::GetEventCount()
        && (!bytes || *bytes == last->second.bytes))
    {
        // The frame the device is handling now: its own origin, and its own waiting entry
        // (the newest with its bytes) is used up.
        LastRx& l = last->second;
        if (l.pending)
        {
            l.pending = false;
            auto it = m_forged.find(ForgedKey{node, ueId, l.bytes});
            if (it != m_forged.end())
            {
                it->second.pop_back();
                if (it->second.empty())
                {
                    m_forged.erase(it);
                }
            }
        }
        return NrSecurityFrameOriginName(l.origin);
    }
    if (!bytes)
    {
        // No PDU and not during a reception (a timer): the last frame received, as before.
        return NrSecurityFrameOriginName(last == m_lastRx.end() ? NrSecurityFrameOrigin::LEGITIMATE
                                                                : last->second.origin);
    }
    if (m_forged.empty())
    {
        return NrSecurityFrameOriginName(NrSecurityFrameOrigin::LEGITIMATE);
    }
    auto it = m_forged.find(ForgedKey{node, ueId, *bytes});
    if (it == m_forged.end())
    {
        return NrSecurityFrameOriginName(NrSecurityFrameOrigin::LEGITIMATE);
    }
    // Later (the reordering buffer): the oldest forged frame with these bytes still remembered.
    std::deque<Pending>& q = it->second;
    const Time oldest = Simulator::Now() - ForgedFrameExpiry();
    while (!q.empty() && q.front().at < oldest)
    {
        q.pop_front();
    }
    NrSecurityFrameOrigin o = NrSecurityFrameOrigin::LEGITIMATE;
    if (!q.empty())
    {
        o = q.front().origin;
        q.pop_front();
    }
    if (q.empty())
    {
        m_forged.erase(it);
    }
    return NrSecurityFrameOriginName(o);
}

std::string
NrSecurityPduTraceWriter::Outcome(const NrSecurityPdcpPduEvent& e)
{
    switch (e.outcome)
    {
        case NrSecurityPdcpPduEvent::TRANSMITTED:
            return "transmitted";
        case NrSecurityPdcpPduEvent::DELIVERED:
            return "delivered";
        case NrSecurityPdcpPduEvent::DISCARDED:
            break;
    }
    return "discarded:" + e.reason;
}

void
NrSecurityPduTraceWriter::OnEvent(uint32_t node,
                                  uint32_t ueId,
                                  std::string rb,
                                  const NrSecurityPdcp* pdcp,
                                  const NrSecurityPdcpPduEvent& e)
{
    m_out << NrSecurityCsvNow() << ',' << node << ',' << ueId << ',' << rb << ','
          << (e.uplink ? "UL" : "DL") << ',';
    if (e.snKnown)
    {
        m_out << e.sn;
    }
    m_out << ',';
    if (e.countKnown)
    {
        m_out << e.count;
    }
    m_out << ',' << unsigned(pdcp->GetFormat().Bearer()) << ',' << (e.ciphered ? 1 : 0) << ','
          << (e.integrity ? 1 : 0) << ',';
    if (e.macIPresent)
    {
        m_out << NrSecurityToHex32(e.macI);
    }
    std::string origin = NrSecurityFrameOriginName(NrSecurityFrameOrigin::LEGITIMATE);
    if (e.outcome == NrSecurityPdcpPduEvent::TRANSMITTED)
    {
        if (auto it = m_txOrigin.find(node); it != m_txOrigin.end())
        {
            origin = it->second;
        }
    }
    else if (e.pdu)
    {
        std::vector<uint8_t> b(e.pdu->GetSize());
        e.pdu->CopyData(b.data(), b.size());
        origin = RxOrigin(node, ueId, &b);
    }
    else
    {
        origin = RxOrigin(node, ueId, nullptr);
    }
    m_out << ',' << NrSecurityCsvField(Outcome(e)) << ',' << origin << '\n';
    ++m_rows;
}

void
NrSecurityPduTraceWriter::OnMessage(uint32_t node,
                                    bool gnb,
                                    uint32_t ueId,
                                    const std::string& direction,
                                    const std::string& /* name */,
                                    const std::vector<uint8_t>& message,
                                    const std::string& bearer,
                                    const std::string& /* protection */)
{
    // Only SRB0: the CCCH has no PDCP entity, so its messages are written from RRC.
    if (bearer != "SRB0")
    {
        return;
    }
    const bool tx = direction == "tx";
    const bool uplink = tx != gnb; // the UE sends uplink, the gNB downlink
    std::string origin = NrSecurityFrameOriginName(NrSecurityFrameOrigin::LEGITIMATE);
    if (tx)
    {
        if (auto it = m_txOrigin.find(node); it != m_txOrigin.end())
        {
            origin = it->second;
        }
    }
    else
    {
        origin = RxOrigin(node, ueId, &message);
    }
    m_out << NrSecurityCsvNow() << ',' << node << ',' << ueId << ",SRB0," << (uplink ? "UL" : "DL")
          << ",,,,0,0,," << (tx ? "transmitted" : "delivered") << ',' << origin << '\n';
    ++m_rows;
}

void
NrSecurityPduTraceWriter::Flush()
{
    m_out.flush();
}

uint64_t
NrSecurityPduTraceWriter::GetRows() const
{
    return m_rows;
}

} // namespace ns3
