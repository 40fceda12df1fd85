// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-trace-writer.h"

#include "ns3/node.h"
#include "ns3/nr-security-hex.h"
#include "ns3/simulator.h"

#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace ns3
{

NrSecurityTraceWriter::NrSecurityTraceWriter(const std::string& filename)
    : m_out(filename, std::ios::trunc)
{
    if (!m_out)
    {
        throw std::runtime_error("NrSecurityTraceWriter: cannot open " + filename);
    }
    m_out << "time_s,node,ue_id,event,step,detail\n";
    m_pdus = std::make_unique<NrSecurityPduTraceWriter>(PduFileName(filename));
}

std::string
NrSecurityTraceWriter::PduFileName(const std::string& filename)
{
    std::filesystem::path p(filename);
    std::string ext = p.extension().string();
    return (p.parent_path() / (p.stem().string() + "-pdus" + (ext.empty() ? ".csv" : ext)))
        .string();
}

template <typename Rrc>
void
NrSecurityTraceWriter::Connect(Ptr<Rrc> rrc, uint32_t node)
{
    NrSecurityTraceConnect(PeekPointer(rrc),
                           "KeyDerived",
                           MakeCallback(&NrSecurityTraceWriter::OnKey, this).Bind(node));
    NrSecurityTraceConnect(
        PeekPointer(rrc), "SmcStep", MakeCallback(&NrSecurityTraceWriter::OnStep, this).Bind(node));
    NrSecurityTraceConnect(PeekPointer(rrc),
                           "SecurityActivated",
                           MakeCallback(&NrSecurityTraceWriter::OnActivated, this).Bind(node));
    NrSecurityTraceConnect(PeekPointer(rrc),
                           "SecurityModeFailure",
                           MakeCallback(&NrSecurityTraceWriter::OnFailure, this).Bind(node));
    NrSecurityTraceConnect(PeekPointer(rrc),
                           "IntegrityFailure",
                           MakeCallback(&NrSecurityTraceWriter::OnIntegrity, this).Bind(node));
    NrSecurityTraceConnect(PeekPointer(rrc),
                           "StateChanged",
                           MakeCallback(&NrSecurityTraceWriter::OnState, this).Bind(node));
    NrSecurityTraceConnect(PeekPointer(rrc),
                           "RrcMessage",
                           MakeCallback(&NrSecurityTraceWriter::OnMessage, this).Bind(node));
    NrSecurityTraceConnect(PeekPointer(rrc),
                           "MessageRefused",
                           MakeCallback(&NrSecurityTraceWriter::OnRefused, this).Bind(node));
    NrSecurityTraceConnect(
        PeekPointer(rrc),
        "ConnectionEvent",
        MakeCallback(&NrSecurityTraceWriter::OnConnectionEvent, this).Bind(node));
    NrSecurityTraceConnect(
        PeekPointer(rrc),
        "UserDataDiscarded",
        MakeCallback(&NrSecurityTraceWriter::OnUserDataDiscarded, this).Bind(node));
    NrSecurityTraceConnect(PeekPointer(rrc),
                           "PdcpEntityCreated",
                           MakeCallback(&NrSecurityTraceWriter::OnEntity, this).Bind(node));
    NrSecurityTraceConnect(PeekPointer(rrc),
                           "HandoverEvent",
                           MakeCallback(&NrSecurityTraceWriter::OnHandoverEvent, this).Bind(node));
}

void
NrSecurityTraceWriter::Watch(Ptr<NrSecurityUeNetDevice> ue)
{
    const uint32_t node = ue->GetNode() ? ue->GetNode()->GetId() : 0;
    Ptr<NrSecurityUeRrc> rrc = ue->GetRrc();
    Connect(rrc, node);
    m_pdus->Watch(ue);
    // Entities that exist already (created before Watch) are watched as well.
    for (uint8_t srb = 1; srb <= 3; ++srb)
    {
        OnEntity(node, ue->GetUeId(), "SRB" + std::to_string(srb), rrc->GetSrb(srb));
    }
    for (const auto& drb : rrc->GetDrbConfigs())
    {
        OnEntity(node, ue->GetUeId(), "DRB" + std::to_string(drb.drbId), rrc->GetDrb(drb.drbId));
    }
}

void
NrSecurityTraceWriter::Watch(Ptr<NrSecurityGnbNetDevice> gnb)
{
    Connect(gnb->GetRrc(), gnb->GetNode() ? gnb->GetNode()->GetId() : 0);
    m_pdus->Watch(gnb);
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
    m_pdus->Flush();
}

void
NrSecurityTraceWriter::Row(uint32_t node,
                           uint32_t ueId,
                           const std::string& event,
                           const std::string& step,
                           const std::string& detail)
{
    m_out << NrSecurityCsvNow() << ',' << node << ',' << ueId << ',' << event << ',' << step << ',';
    // Most details need no quoting: written as they are, not copied (they hold whole messages).
    if (detail.find_first_of(",\"\n") == std::string::npos)
    {
        m_out << detail << '\n';
    }
    else
    {
        m_out << NrSecurityCsvField(detail) << '\n';
    }
}

void
NrSecurityTraceWriter::OnKey(uint32_t node,
                             uint32_t ueId,
                             const std::string& name,
                             const std::vector<uint8_t>& key,
                             uint32_t step)
{
    Row(node, ueId, "KeyDerived", std::to_string(step), name + "=" + NrSecurityToHex(key));
}

void
NrSecurityTraceWriter::OnStep(uint32_t node, uint32_t ueId, uint32_t step, const std::string& what)
{
    Row(node, ueId, "SmcStep", std::to_string(step), what);
}

void
NrSecurityTraceWriter::OnActivated(uint32_t node,
                                   uint32_t ueId,
                                   const std::string& nea,
                                   const std::string& nia)
{
    Row(node, ueId, "SecurityActivated", "", nea + "/" + nia);
}

void
NrSecurityTraceWriter::OnFailure(uint32_t node, uint32_t ueId, const std::string& reason)
{
    Row(node, ueId, "SecurityModeFailure", "", reason);
}

void
NrSecurityTraceWriter::OnIntegrity(uint32_t node,
                                   uint32_t ueId,
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
                               uint32_t ueId,
                               const std::string& oldState,
                               const std::string& newState)
{
    Row(node, ueId, "StateChanged", "", oldState + "->" + newState);
}

void
NrSecurityTraceWriter::OnMessage(uint32_t node,
                                 uint32_t ueId,
                                 const std::string& direction,
                                 const std::string& name,
                                 const std::vector<uint8_t>& message,
                                 const std::string& bearer,
                                 const std::string& protection)
{
    Row(node,
        ueId,
        "RrcMessage",
        "",
        direction + " " + name + " " + NrSecurityToHex(message) + " " + bearer + " " + protection);
}

void
NrSecurityTraceWriter::OnConnectionEvent(uint32_t node,
                                         uint32_t ueId,
                                         const std::string& event,
                                         const std::string& detail)
{
    Row(node, ueId, "ConnectionEvent", "", detail.empty() ? event : event + ": " + detail);
}

void
NrSecurityTraceWriter::OnHandoverEvent(uint32_t node,
                                       uint32_t ueId,
                                       const std::string& step,
                                       const std::string& detail)
{
    Row(node, ueId, "HandoverEvent", "", detail.empty() ? step : step + ": " + detail);
}

void
NrSecurityTraceWriter::OnUserDataDiscarded(uint32_t node,
                                           uint32_t ueId,
                                           const std::string& bearer,
                                           const std::string& reason)
{
    Row(node, ueId, "UserDataDiscarded", "", bearer + ": " + reason);
}

void
NrSecurityTraceWriter::OnEntity(uint32_t node,
                                uint32_t ueId,
                                const std::string& rb,
                                Ptr<NrSecurityPdcp> pdcp)
{
    if (pdcp)
    {
        NrSecurityTraceConnect(
            PeekPointer(pdcp),
            "PduEvent",
            MakeCallback(&NrSecurityTraceWriter::OnPduEvent, this).Bind(node).Bind(ueId).Bind(rb));
    }
}

void
NrSecurityTraceWriter::OnPduEvent(uint32_t node,
                                  uint32_t ueId,
                                  std::string rb,
                                  const NrSecurityPdcpPduEvent& e)
{
    if (e.outcome != NrSecurityPdcpPduEvent::DISCARDED)
    {
        return;
    }
    Row(node,
        ueId,
        "PduDiscarded",
        "",
        rb + (e.uplink ? " UL" : " DL")
            + " count=" + (e.countKnown ? std::to_string(e.count) : std::string("-"))
            + " sn=" + (e.snKnown ? std::to_string(e.sn) : std::string("-")) + ": " + e.reason);
}

void
NrSecurityTraceWriter::OnRefused(uint32_t node,
                                 uint32_t ueId,
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
