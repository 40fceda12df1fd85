// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-trace-writer.h"

#include "ns3/node.h"
#include "ns3/nr-security-hex.h"
#include "ns3/simulator.h"

#include <cstdio>
#include <stdexcept>

namespace ns3
{

namespace
{

std::string
Csv(const std::string& field)
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

} // namespace

NrSecurityTraceWriter::NrSecurityTraceWriter(const std::string& filename)
    : m_out(filename, std::ios::trunc)
{
    if (!m_out)
    {
        throw std::runtime_error("NrSecurityTraceWriter: cannot open " + filename);
    }
    m_out << "time_s,node,ue_id,event,step,detail\n";
}

template <typename Rrc>
void
NrSecurityTraceWriter::Connect(Ptr<Rrc> rrc, uint32_t node)
{
    rrc->TraceConnectWithoutContext("KeyDerived",
                                    MakeCallback(&NrSecurityTraceWriter::OnKey, this).Bind(node));
    rrc->TraceConnectWithoutContext("SmcStep",
                                    MakeCallback(&NrSecurityTraceWriter::OnStep, this).Bind(node));
    rrc->TraceConnectWithoutContext(
        "SecurityActivated", MakeCallback(&NrSecurityTraceWriter::OnActivated, this).Bind(node));
    rrc->TraceConnectWithoutContext(
        "SecurityModeFailure", MakeCallback(&NrSecurityTraceWriter::OnFailure, this).Bind(node));
    rrc->TraceConnectWithoutContext(
        "IntegrityFailure", MakeCallback(&NrSecurityTraceWriter::OnIntegrity, this).Bind(node));
    rrc->TraceConnectWithoutContext("StateChanged",
                                    MakeCallback(&NrSecurityTraceWriter::OnState, this).Bind(node));
    rrc->TraceConnectWithoutContext(
        "RrcMessage", MakeCallback(&NrSecurityTraceWriter::OnMessage, this).Bind(node));
    rrc->TraceConnectWithoutContext(
        "MessageRefused", MakeCallback(&NrSecurityTraceWriter::OnRefused, this).Bind(node));
}

void
NrSecurityTraceWriter::Watch(Ptr<NrSecurityUeNetDevice> ue)
{
    Connect(ue->GetRrc(), ue->GetNode() ? ue->GetNode()->GetId() : 0);
}

void
NrSecurityTraceWriter::Watch(Ptr<NrSecurityGnbNetDevice> gnb)
{
    Connect(gnb->GetRrc(), gnb->GetNode() ? gnb->GetNode()->GetId() : 0);
}

void
NrSecurityTraceWriter::Watch(Ptr<NrSecurityChannel> channel)
{
    channel->TraceConnectWithoutContext(
        "RadioLinkFailure", MakeCallback(&NrSecurityTraceWriter::OnRadioLinkFailure, this));
}

void
NrSecurityTraceWriter::Flush()
{
    m_out.flush();
}

void
NrSecurityTraceWriter::Row(uint32_t node,
                           uint16_t ueId,
                           const std::string& event,
                           const std::string& step,
                           const std::string& detail)
{
    char t[32];
    std::snprintf(t, sizeof(t), "%.9f", Simulator::Now().GetSeconds());
    m_out << t << ',' << node << ',' << ueId << ',' << event << ',' << step << ',' << Csv(detail)
          << '\n';
}

void
NrSecurityTraceWriter::OnKey(uint32_t node,
                             uint16_t ueId,
                             const std::string& name,
                             const std::vector<uint8_t>& key,
                             uint32_t step)
{
    Row(node, ueId, "KeyDerived", std::to_string(step), name + "=" + NrSecurityToHex(key));
}

void
NrSecurityTraceWriter::OnStep(uint32_t node, uint16_t ueId, uint32_t step, const std::string& what)
{
    Row(node, ueId, "SmcStep", std::to_string(step), what);
}

void
NrSecurityTraceWriter::OnActivated(uint32_t node,
                                   uint16_t ueId,
                                   const std::string& nea,
                                   const std::string& nia)
{
    Row(node, ueId, "SecurityActivated", "", nea + "/" + nia);
}

void
NrSecurityTraceWriter::OnFailure(uint32_t node, uint16_t ueId, const std::string& reason)
{
    Row(node, ueId, "SecurityModeFailure", "", reason);
}

void
NrSecurityTraceWriter::OnIntegrity(uint32_t node,
                                   uint16_t ueId,
                                   uint8_t rbId,
                                   uint32_t count,
                                   uint32_t received,
                                   uint32_t expected)
{
    Row(node,
        ueId,
        "IntegrityFailure",
        "",
        "rb=" + std::to_string(rbId) + " count=" + std::to_string(count)
            + " mac-i=" + NrSecurityToHex32(received) + " x-mac=" + NrSecurityToHex32(expected));
}

void
NrSecurityTraceWriter::OnState(uint32_t node,
                               uint16_t ueId,
                               const std::string& oldState,
                               const std::string& newState)
{
    Row(node, ueId, "StateChanged", "", oldState + "->" + newState);
}

void
NrSecurityTraceWriter::OnMessage(uint32_t node,
                                 uint16_t ueId,
                                 const std::string& direction,
                                 const std::string& name,
                                 const std::vector<uint8_t>& message,
                                 const std::string&,
                                 const std::string&)
{
    Row(node, ueId, "RrcMessage", "", direction + " " + name + " " + NrSecurityToHex(message));
}

void
NrSecurityTraceWriter::OnRefused(uint32_t node,
                                 uint16_t ueId,
                                 uint32_t count,
                                 const std::string& name,
                                 const std::string& reason)
{
    Row(node, ueId, "MessageRefused", "", name + " count=" + std::to_string(count) + ": " + reason);
}

void
NrSecurityTraceWriter::OnRadioLinkFailure(const NrSecurityAirFrame& frame)
{
    Row(0,
        frame.ueId,
        "RadioLinkFailure",
        "",
        std::string(frame.uplink ? "uplink" : "downlink") + " rb=" + std::to_string(frame.rbId)
            + " attempts=" + std::to_string(frame.attempt + 1));
}

} // namespace ns3
