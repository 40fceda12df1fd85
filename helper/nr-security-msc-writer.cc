// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-msc-writer.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-hex.h"
#include "ns3/nr-security-rrc-message.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityMscWriter");

namespace
{

/**
 * \return the RRC message name as the TS 38.331 message type is spelt: the ASN.1 field name
 *         with its first letter upper case ("securityModeCommand" -> "SecurityModeCommand"),
 *         and the leading abbreviation upper case ("rrcSetupRequest" -> "RRCSetupRequest",
 *         "ueCapabilityEnquiry" -> "UECapabilityEnquiry", "dlInformationTransfer" ->
 *         "DLInformationTransfer")
 */
std::string
Display(const std::string& name)
{
    if (name.empty() || name.find('-') != std::string::npos)
    {
        return name.empty() ? std::string("unknown") : name;
    }
    for (const char* prefix : {"rrc", "ue", "dl", "ul"})
    {
        const std::string p(prefix);
        if (name.size() > p.size() && name.compare(0, p.size(), p) == 0
            && std::isupper(static_cast<unsigned char>(name[p.size()])))
        {
            std::string up = p;
            for (char& c : up)
            {
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            }
            return up + name.substr(p.size());
        }
    }
    std::string d = name;
    d[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(d[0])));
    return d;
}

/// \return the name under which a transmission and its reception are matched
std::string
MatchName(const std::string& name)
{
    return (name == "ul-dcch" || name == "dl-dcch") ? std::string("unknown") : name;
}

/// \return "-ue<id>" inserted before the extension of the file name
std::string
PerUeName(const std::string& pattern, uint32_t ueId)
{
    std::filesystem::path p(pattern);
    std::string stem = p.stem().string();
    std::string ext = p.extension().string();
    std::filesystem::path out = p.parent_path() / (stem + "-ue-" + std::to_string(ueId) + ext);
    return out.string();
}

} // namespace

NrSecurityMscWriter::NrSecurityMscWriter(const std::string& filename,
                                         uint32_t maxUes,
                                         Layout layout)
    : m_filename(filename)
    , m_maxUes(maxUes)
    , m_layout(layout)
    , m_closed(false)
{
    if (filename.empty())
    {
        throw std::invalid_argument("NrSecurityMscWriter: filename is empty");
    }
    if (maxUes == 0)
    {
        throw std::invalid_argument("NrSecurityMscWriter: maxUes must be at least 1");
    }
    if (layout == ONE_CHART)
    {
        m_out.open(filename, std::ios::trunc);
        if (!m_out)
        {
            throw std::runtime_error("NrSecurityMscWriter: cannot open " + filename);
        }
    }
    else
    {
        std::filesystem::path dir = std::filesystem::path(filename).parent_path();
        std::string d = dir.empty() ? std::string(".") : dir.string();
        std::error_code ec;
        if (!std::filesystem::is_directory(d, ec) || ::access(d.c_str(), W_OK | X_OK) != 0)
        {
            throw std::runtime_error("NrSecurityMscWriter: " + d + " is not a writable directory");
        }
    }
}

NrSecurityMscWriter::~NrSecurityMscWriter()
{
    try
    {
        Close();
    }
    catch (const std::exception& e)
    {
        NS_LOG_ERROR(e.what());
    }
}

void
NrSecurityMscWriter::SelectUe(uint32_t ueId)
{
    m_selected.insert(ueId);
}

bool
NrSecurityMscWriter::Charted(uint32_t ueId)
{
    if (m_closed)
    {
        return false;
    }
    if (!m_selected.empty())
    {
        return m_selected.count(ueId) != 0;
    }
    if (!m_watched.empty())
    {
        auto end = m_watched.begin() + std::min<size_t>(m_watched.size(), m_maxUes);
        return std::find(m_watched.begin(), end, ueId) != end;
    }
    if (m_seen.count(ueId) != 0)
    {
        return true;
    }
    if (m_seen.size() < m_maxUes)
    {
        m_seen.insert(ueId);
        return true;
    }
    return false;
}

std::set<uint32_t>
NrSecurityMscWriter::ChartedUes() const
{
    // The selected UEs, the first maxUes watched ones, or the first maxUes seen.
    if (!m_selected.empty())
    {
        return m_selected;
    }
    if (!m_watched.empty())
    {
        return std::set<uint32_t>(m_watched.begin(),
                                  m_watched.begin() + std::min<size_t>(m_watched.size(), m_maxUes));
    }
    return m_seen;
}

template <typename Rrc>
void
NrSecurityMscWriter::Connect(Ptr<Rrc> rrc, bool gnb, uint16_t cellId)
{
    rrc->TraceConnectWithoutContext(
        "KeyDerived", MakeCallback(&NrSecurityMscWriter::OnKey, this).Bind(gnb).Bind(cellId));
    rrc->TraceConnectWithoutContext(
        "SmcStep", MakeCallback(&NrSecurityMscWriter::OnStep, this).Bind(gnb).Bind(cellId));
    rrc->TraceConnectWithoutContext(
        "SecurityActivated",
        MakeCallback(&NrSecurityMscWriter::OnActivated, this).Bind(gnb).Bind(cellId));
    rrc->TraceConnectWithoutContext(
        "SecurityModeFailure",
        MakeCallback(&NrSecurityMscWriter::OnFailure, this).Bind(gnb).Bind(cellId));
    rrc->TraceConnectWithoutContext(
        "IntegrityFailure",
        MakeCallback(&NrSecurityMscWriter::OnIntegrity, this).Bind(gnb).Bind(cellId));
    rrc->TraceConnectWithoutContext(
        "RrcMessage", MakeCallback(&NrSecurityMscWriter::OnMessage, this).Bind(gnb).Bind(cellId));
}

void
NrSecurityMscWriter::Watch(Ptr<NrSecurityUeNetDevice> ue)
{
    NS_ABORT_MSG_IF(!ue, "NrSecurityMscWriter::Watch: null UE device");
    uint32_t ueId = ue->GetUeId();
    // Only charted UEs are subscribed to: a trace connection per UE of a 10000-UE run would
    // cost kilobytes each for nothing.
    bool charted = m_selected.empty() ? m_watched.size() < m_maxUes : m_selected.count(ueId) != 0;
    if (!charted || std::find(m_watched.begin(), m_watched.end(), ueId) != m_watched.end())
    {
        return;
    }
    m_watched.push_back(ueId);
    Connect(ue->GetRrc(), false, 0);
}

void
NrSecurityMscWriter::Watch(Ptr<NrSecurityGnbNetDevice> gnb)
{
    NS_ABORT_MSG_IF(!gnb, "NrSecurityMscWriter::Watch: null gNB device");
    m_cells.insert(gnb->GetCellId());
    Connect(gnb->GetRrc(), true, gnb->GetCellId());
    Ptr<NrSecurityChannel> channel = DynamicCast<NrSecurityChannel>(gnb->GetChannel());
    if (channel)
    {
        Watch(channel);
    }
}

void
NrSecurityMscWriter::Watch(Ptr<NrSecurityChannel> channel)
{
    NS_ABORT_MSG_IF(!channel, "NrSecurityMscWriter::Watch: null channel");
    if (!m_channels.insert(PeekPointer(channel)).second)
    {
        return;
    }
    channel->TraceConnectWithoutContext(
        "Transmission", MakeCallback(&NrSecurityMscWriter::OnAirTransmission, this));
    channel->TraceConnectWithoutContext("Reception",
                                        MakeCallback(&NrSecurityMscWriter::OnAirReception, this));
}

void
NrSecurityMscWriter::Watch(Ptr<NrSecurityAmf> amf)
{
    NS_ABORT_MSG_IF(!amf, "NrSecurityMscWriter::Watch: null AMF");
    amf->TraceConnectWithoutContext(
        "InitialContextSetup", MakeCallback(&NrSecurityMscWriter::OnInitialContextSetup, this));
}

NrSecurityMscWriter::Place
NrSecurityMscWriter::Here(bool gnb, uint16_t cellId)
{
    return gnb ? Place{Place::GNB, cellId} : Place{Place::UE, 0};
}

void
NrSecurityMscWriter::Add(Entry e)
{
    m_entries.push_back(std::move(e));
}

void
NrSecurityMscWriter::Delivered(uint32_t ueId, uint16_t cellId)
{
    // The first gNB event for the UE after the AMF's Initial Context Setup is its delivery.
    auto it = m_icsInFlight.find(ueId);
    if (it != m_icsInFlight.end() && Simulator::Now() > m_entries[it->second].time)
    {
        Entry& ics = m_entries[it->second];
        ics.received = true;
        ics.rxTime = Simulator::Now();
        ics.to.cellId = cellId;
        m_icsInFlight.erase(it);
    }
}

void
NrSecurityMscWriter::OnKey(bool gnb,
                           uint16_t cellId,
                           uint32_t ueId,
                           const std::string& name,
                           const std::vector<uint8_t>& /* key: never charted */,
                           uint32_t step)
{
    if (!Charted(ueId))
    {
        return;
    }
    if (gnb)
    {
        Delivered(ueId, cellId);
    }
    Entry e{};
    e.kind = Entry::KEY;
    e.ueId = ueId;
    e.from = Here(gnb, cellId);
    e.time = Simulator::Now();
    e.step = step;
    e.text = name;
    Add(e);
}

void
NrSecurityMscWriter::OnStep(
    bool gnb, uint16_t cellId, uint32_t ueId, uint32_t step, const std::string& what)
{
    if (!Charted(ueId))
    {
        return;
    }
    if (gnb)
    {
        Delivered(ueId, cellId);
    }
    Entry e{};
    e.kind = Entry::STEP;
    e.ueId = ueId;
    e.from = Here(gnb, cellId);
    e.time = Simulator::Now();
    e.step = step;
    e.text = what;
    Add(e);
}

void
NrSecurityMscWriter::OnActivated(
    bool gnb, uint16_t cellId, uint32_t ueId, const std::string& nea, const std::string& nia)
{
    if (!Charted(ueId))
    {
        return;
    }
    Entry e{};
    e.kind = Entry::ACTIVATED;
    e.ueId = ueId;
    e.from = Here(gnb, cellId);
    e.time = Simulator::Now();
    e.text = "SecurityActivated (" + nea + ", " + nia + ")";
    Add(e);
}

void
NrSecurityMscWriter::OnFailure(bool gnb, uint16_t cellId, uint32_t ueId, const std::string& reason)
{
    if (!Charted(ueId))
    {
        return;
    }
    if (gnb)
    {
        Delivered(ueId, cellId);
    }
    Entry e{};
    e.kind = Entry::FAILURE;
    e.ueId = ueId;
    e.from = Here(gnb, cellId);
    e.time = Simulator::Now();
    e.text = "SecurityModeFailure: " + reason;
    Add(e);
}

void
NrSecurityMscWriter::OnIntegrity(bool gnb,
                                 uint16_t cellId,
                                 uint32_t ueId,
                                 uint8_t rbId,
                                 uint32_t count,
                                 uint32_t received,
                                 uint32_t expected)
{
    if (!Charted(ueId))
    {
        return;
    }
    Entry e{};
    e.kind = Entry::INTEGRITY;
    e.ueId = ueId;
    e.from = Here(gnb, cellId);
    e.time = Simulator::Now();
    e.text = "IntegrityFailure RB" + std::to_string(rbId) + " COUNT " + std::to_string(count)
             + ": MAC-I " + NrSecurityToHex32(received) + ", expected "
             + NrSecurityToHex32(expected);
    Add(e);
}

void
NrSecurityMscWriter::OnMessage(bool gnb,
                               uint16_t cellId,
                               uint32_t ueId,
                               const std::string& direction,
                               const std::string& name,
                               const std::vector<uint8_t>& message,
                               const std::string&,
                               const std::string&)
{
    if (!Charted(ueId))
    {
        return;
    }
    const bool tx = direction == "tx";
    const bool uplink = tx ? !gnb : gnb; // sent by the UE
    const auto key = std::make_tuple(ueId, uplink, MatchName(name));
    if (!tx)
    {
        auto it = m_inFlight.find(key);
        if (it != m_inFlight.end() && !it->second.empty())
        {
            Entry& m = m_entries[it->second.front()];
            it->second.pop_front();
            m.received = true;
            m.rxTime = Simulator::Now();
            if (gnb)
            {
                m.to.cellId = cellId;
            }
            return;
        }
    }
    std::string label = Display(name);
    if (name == "securityModeCommand")
    {
        NrSecurityRrcDecoded d = NrSecurityRrcMessage::DecodeDlDcch(message.data(), message.size());
        if (d.ok)
        {
            label += " (" + NrSecurityAlgorithms::Name(d.nea) + ", "
                     + (d.integrityPresent ? NrSecurityAlgorithms::Name(d.nia)
                                           : std::string("no integrity"))
                     + ")";
        }
    }
    Entry e{};
    e.kind = Entry::MESSAGE;
    e.ueId = ueId;
    // A gNB's place is known from its own events only; a UE's peer is resolved on reception
    // or, failing that, when the chart is written.
    e.from = uplink ? Place{Place::UE, 0} : Place{Place::GNB, gnb ? cellId : uint16_t(0)};
    e.to = uplink ? Place{Place::GNB, gnb ? cellId : uint16_t(0)} : Place{Place::UE, 0};
    e.time = Simulator::Now();
    e.sent = tx;
    e.received = !tx;
    e.rxTime = tx ? Time(0) : Simulator::Now();
    e.text = label;
    Add(e);
    if (tx)
    {
        m_inFlight[key].push_back(m_entries.size() - 1);
        if (!m_channels.empty())
        {
            // RRC hands the message down at once: its first attempt follows in this event.
            m_awaitingAir[std::make_pair(ueId, uplink)].push_back(m_entries.size() - 1);
        }
    }
}

bool
NrSecurityMscWriter::ChartedFrame(const NrSecurityAirFrame& frame)
{
    // Every UE's frames pass here: DRBs, adversaries' frames and other UEs are dropped first.
    return frame.type != NrSecurityRbType::DRB && frame.pdu
           && frame.origin == NrSecurityFrameOrigin::LEGITIMATE && !m_closed && Charted(frame.ueId);
}

void
NrSecurityMscWriter::OnAirTransmission(const NrSecurityAirFrame& frame)
{
    if (!ChartedFrame(frame))
    {
        return;
    }
    const auto frameKey = std::make_tuple(frame.ueId, frame.uplink, frame.pdu->GetUid());
    if (frame.attempt == 0)
    {
        auto it = m_awaitingAir.find(std::make_pair(frame.ueId, frame.uplink));
        if (it == m_awaitingAir.end())
        {
            return; // not an RRC message (e.g. a PDCP control PDU)
        }
        std::deque<size_t>& q = it->second;
        while (!q.empty() && m_entries[q.front()].time < Simulator::Now())
        {
            q.pop_front(); // handed to PDCP but never put on the air
        }
        if (!q.empty())
        {
            const size_t row = q.front();
            q.pop_front();
            m_onAir[frameKey] = std::make_pair(row, std::string());
        }
        if (q.empty())
        {
            m_awaitingAir.erase(it);
        }
        return;
    }
    auto it = m_onAir.find(frameKey);
    if (it == m_onAir.end())
    {
        return;
    }
    const size_t previous = it->second.first;
    m_entries[previous].airLost = true; // a retransmission: the previous attempt was lost
    Entry e = m_entries[previous];
    e.time = Simulator::Now();
    e.rxTime = Time(0);
    e.attempt = frame.attempt;
    e.airLost = false;
    e.lossOutcome.clear();
    e.received = false;
    Add(e);
    const size_t row = m_entries.size() - 1;
    it->second.first = row;
    // The receiver's RRC reception now belongs to this attempt.
    for (auto& [key, rows] : m_inFlight)
    {
        if (std::get<0>(key) != frame.ueId || std::get<1>(key) != frame.uplink)
        {
            continue;
        }
        for (size_t& r : rows)
        {
            r = r == previous ? row : r;
        }
    }
}

void
NrSecurityMscWriter::OnAirReception(const NrSecurityAirFrame& frame, NrSecurityFrameOutcome outcome)
{
    if (!ChartedFrame(frame))
    {
        return;
    }
    auto it = m_onAir.find(std::make_tuple(frame.ueId, frame.uplink, frame.pdu->GetUid()));
    if (it == m_onAir.end())
    {
        return;
    }
    if (outcome == NrSecurityFrameOutcome::DELIVERED)
    {
        m_onAir.erase(it); // the receiver's RRC reception (OnMessage) follows
        return;
    }
    Entry& e = m_entries[it->second.first];
    e.airLost = true;
    e.lossOutcome = NrSecurityFrameOutcomeName(outcome);
    e.rxTime = Simulator::Now();
}

void
NrSecurityMscWriter::OnInitialContextSetup(uint32_t ueId, const std::vector<uint8_t>& /* kGnb */)
{
    if (!Charted(ueId))
    {
        return;
    }
    Entry e{};
    e.kind = Entry::MESSAGE;
    e.ueId = ueId;
    e.from = Place{Place::AMF, 0};
    e.to = Place{Place::GNB, 0};
    e.time = Simulator::Now();
    e.sent = true;
    e.received = false;
    e.text = "InitialContextSetup (K_gNB, capabilities)";
    Add(e);
    m_icsInFlight[ueId] = m_entries.size() - 1;
}

void
NrSecurityMscWriter::Close()
{
    if (m_closed)
    {
        return;
    }
    const std::set<uint32_t> ues = ChartedUes();
    m_closed = true;

    std::string errors;
    if (m_layout == ONE_CHART)
    {
        NrSecurityMscChart::Write(m_out, m_entries, ues, m_cells, m_watched);
        m_out.close();
        if (m_out.fail())
        {
            errors += " " + m_filename;
        }
        m_written.push_back(m_filename);
    }
    else
    {
        for (uint32_t ue : ues)
        {
            std::string f = PerUeName(m_filename, ue);
            std::ofstream out(f, std::ios::trunc);
            if (out)
            {
                NrSecurityMscChart::Write(out, m_entries, {ue}, m_cells, m_watched);
                out.close();
            }
            if (!out)
            {
                errors += " " + f;
                continue;
            }
            m_written.push_back(f);
        }
    }
    m_entries.clear();
    m_inFlight.clear();
    m_icsInFlight.clear();
    m_awaitingAir.clear();
    m_onAir.clear();
    if (!errors.empty())
    {
        throw std::runtime_error("NrSecurityMscWriter: cannot write" + errors);
    }
}

std::vector<std::string>
NrSecurityMscWriter::GetFileNames() const
{
    if (m_closed || m_layout == ONE_CHART)
    {
        return m_closed ? m_written : std::vector<std::string>{m_filename};
    }
    std::vector<std::string> names;
    for (uint32_t ue : ChartedUes())
    {
        names.push_back(PerUeName(m_filename, ue));
    }
    return names;
}

} // namespace ns3
