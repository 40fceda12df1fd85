// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-pdu-trace-writer.h"

#include "ns3/node.h"
#include "ns3/nr-security-hex.h"
#include "ns3/simulator.h"

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
    std::snprintf(t, sizeof(t), "%.9f", Simulator::Now().GetSeconds());
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
    rrc->TraceConnectWithoutContext(
        "PdcpEntityCreated", MakeCallback(&NrSecurityPduTraceWriter::OnEntity, this).Bind(node));
}

void
NrSecurityPduTraceWriter::Watch(Ptr<NrSecurityUeNetDevice> ue)
{
    const uint32_t node = ue->GetNode() ? ue->GetNode()->GetId() : 0;
    Ptr<NrSecurityUeRrc> rrc = ue->GetRrc();
    Connect(rrc, node);
    rrc->TraceConnectWithoutContext(
        "RrcMessage", MakeCallback(&NrSecurityPduTraceWriter::OnMessage, this).Bind(node, false));
    ue->TraceConnectWithoutContext(
        "PduRx", MakeCallback(&NrSecurityPduTraceWriter::OnFrameRx, this).Bind(node));
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
        "RrcMessage", MakeCallback(&NrSecurityPduTraceWriter::OnMessage, this).Bind(node, true));
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
                                uint16_t ueId,
                                const std::string& rb)
{
    OnEntity(node, ueId, rb, pdcp);
}

void
NrSecurityPduTraceWriter::OnEntity(uint32_t node,
                                   uint16_t ueId,
                                   const std::string& rb,
                                   Ptr<NrSecurityPdcp> pdcp)
{
    if (!pdcp)
    {
        return;
    }
    // A plain pointer: the entity fires its own trace, and a Ptr bound into its own trace
    // source would keep it alive forever.
    pdcp->TraceConnectWithoutContext(
        "PduEvent",
        MakeCallback(&NrSecurityPduTraceWriter::OnEvent, this)
            .Bind(node, ueId, rb, static_cast<const NrSecurityPdcp*>(PeekPointer(pdcp))));
}

void
NrSecurityPduTraceWriter::OnFrameRx(uint32_t node, const NrSecurityAirFrame& frame)
{
    m_lastRx[{node, frame.ueId}] = frame.origin;
    if (!frame.IsForged() || !frame.pdu)
    {
        return; // only forged frames are remembered by their bytes
    }
    std::vector<uint8_t> b(frame.pdu->GetSize());
    frame.pdu->CopyData(b.data(), b.size());
    m_forged.emplace(ForgedKey{node, frame.ueId, std::move(b)}, frame.origin);
}

std::string
NrSecurityPduTraceWriter::RxOrigin(uint32_t node, uint16_t ueId, std::vector<uint8_t> bytes)
{
    if (m_forged.empty())
    {
        return NrSecurityFrameOriginName(NrSecurityFrameOrigin::LEGITIMATE);
    }
    auto it = m_forged.find(ForgedKey{node, ueId, std::move(bytes)});
    if (it == m_forged.end())
    {
        return NrSecurityFrameOriginName(NrSecurityFrameOrigin::LEGITIMATE);
    }
    const NrSecurityFrameOrigin o = it->second;
    m_forged.erase(it);
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
                                  uint16_t ueId,
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
    else if (e.pdu && !m_forged.empty())
    {
        // a PDU kept by PDCP (reordering) or refused: the frame with its bytes
        std::vector<uint8_t> b(e.pdu->GetSize());
        e.pdu->CopyData(b.data(), b.size());
        origin = RxOrigin(node, ueId, std::move(b));
    }
    else if (auto it = m_lastRx.find({node, ueId}); !e.pdu && it != m_lastRx.end())
    {
        // delivered at once: the frame being received now
        origin = NrSecurityFrameOriginName(it->second);
    }
    m_out << ',' << NrSecurityCsvField(Outcome(e)) << ',' << origin << '\n';
    ++m_rows;
}

void
NrSecurityPduTraceWriter::OnMessage(uint32_t node,
                                    bool gnb,
                                    uint16_t ueId,
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
        origin = RxOrigin(node, ueId, message);
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
