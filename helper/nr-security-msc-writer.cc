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

/// \return t in milliseconds with three decimals ("6.502"), rounded to the microsecond
std::string
Ms(Time t)
{
    int64_t us = (t.GetNanoSeconds() + 500) / 1000;
    char buf[32];
    std::snprintf(buf,
                  sizeof(buf),
                  "%lld.%03lld",
                  static_cast<long long>(us / 1000),
                  static_cast<long long>(us % 1000));
    return buf;
}

/// \return the text as an mscgen string: quotes escaped, '\n' as mscgen's line break "\n"
std::string
Quote(const std::string& text)
{
    std::string q = "\"";
    for (char c : text)
    {
        switch (c)
        {
            case '"':
                q += "\\\"";
                break;
            case '\\':
                q += '/';
                break;
            case '\n':
                q += "\\n";
                break;
            case '\r':
                q += ' ';
                break;
            default:
                q += c;
        }
    }
    return q + "\"";
}

/// \return the RRC message name for display: "securityModeCommand" -> "SecurityModeCommand"
std::string
Display(const std::string& name)
{
    if (name.empty() || name.find('-') != std::string::npos)
    {
        return name.empty() ? std::string("unknown") : name;
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
PerUeName(const std::string& pattern, uint16_t ueId)
{
    std::filesystem::path p(pattern);
    std::string stem = p.stem().string();
    std::string ext = p.extension().string();
    std::filesystem::path out = p.parent_path() / (stem + "-ue" + std::to_string(ueId) + ext);
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
NrSecurityMscWriter::SelectUe(uint16_t ueId)
{
    m_selected.insert(ueId);
}

bool
NrSecurityMscWriter::Charted(uint16_t ueId)
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

std::set<uint16_t>
NrSecurityMscWriter::ChartedUes() const
{
    // The selected UEs, the first maxUes watched ones, or the first maxUes seen.
    if (!m_selected.empty())
    {
        return m_selected;
    }
    if (!m_watched.empty())
    {
        return std::set<uint16_t>(m_watched.begin(),
                                  m_watched.begin() + std::min<size_t>(m_watched.size(), m_maxUes));
    }
    return m_seen;
}

template <typename Rrc>
void
NrSecurityMscWriter::Connect(Ptr<Rrc> rrc, bool gnb, uint16_t cellId)
{
    rrc->TraceConnectWithoutContext(
        "KeyDerived", MakeCallback(&NrSecurityMscWriter::OnKey, this).Bind(gnb, cellId));
    rrc->TraceConnectWithoutContext(
        "SmcStep", MakeCallback(&NrSecurityMscWriter::OnStep, this).Bind(gnb, cellId));
    rrc->TraceConnectWithoutContext(
        "SecurityActivated",
        MakeCallback(&NrSecurityMscWriter::OnActivated, this).Bind(gnb, cellId));
    rrc->TraceConnectWithoutContext(
        "SecurityModeFailure",
        MakeCallback(&NrSecurityMscWriter::OnFailure, this).Bind(gnb, cellId));
    rrc->TraceConnectWithoutContext(
        "IntegrityFailure",
        MakeCallback(&NrSecurityMscWriter::OnIntegrity, this).Bind(gnb, cellId));
    rrc->TraceConnectWithoutContext(
        "RrcMessage", MakeCallback(&NrSecurityMscWriter::OnMessage, this).Bind(gnb, cellId));
}

void
NrSecurityMscWriter::Watch(Ptr<NrSecurityUeNetDevice> ue)
{
    NS_ABORT_MSG_IF(!ue, "NrSecurityMscWriter::Watch: null UE device");
    uint16_t ueId = ue->GetUeId();
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
NrSecurityMscWriter::Delivered(uint16_t ueId, uint16_t cellId)
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
                           uint16_t ueId,
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
    bool gnb, uint16_t cellId, uint16_t ueId, uint32_t step, const std::string& what)
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
    bool gnb, uint16_t cellId, uint16_t ueId, const std::string& nea, const std::string& nia)
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
NrSecurityMscWriter::OnFailure(bool gnb, uint16_t cellId, uint16_t ueId, const std::string& reason)
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
                                 uint16_t ueId,
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
                               uint16_t ueId,
                               const std::string& direction,
                               const std::string& name,
                               const std::vector<uint8_t>& message)
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
    }
}

void
NrSecurityMscWriter::OnInitialContextSetup(uint16_t ueId, const std::vector<uint8_t>& /* kGnb */)
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
NrSecurityMscWriter::WriteChart(std::ostream& out, const std::set<uint16_t>& ues) const
{
    std::vector<const Entry*> rows;
    std::map<uint16_t, uint16_t> servingCell; // UE -> first cell seen in its events
    bool amf = false;
    for (const Entry& e : m_entries)
    {
        if (ues.count(e.ueId) == 0)
        {
            continue;
        }
        rows.push_back(&e);
        for (const Place* p : {&e.from, &e.to})
        {
            if (e.kind != Entry::MESSAGE && p == &e.to)
            {
                continue;
            }
            if (p->kind == Place::GNB && p->cellId != 0 && servingCell.count(e.ueId) == 0)
            {
                servingCell[e.ueId] = p->cellId;
            }
            amf = amf || p->kind == Place::AMF;
        }
    }
    const bool manyGnbs = m_cells.size() > 1;
    const uint16_t defaultCell = m_cells.empty() ? 0 : *m_cells.begin();
    auto cellOf = [&](const Place& p, uint16_t ueId) -> uint16_t
    {
        if (p.cellId != 0)
        {
            return p.cellId;
        }
        auto it = servingCell.find(ueId);
        return it != servingCell.end() ? it->second : defaultCell;
    };
    auto name = [&](const Place& p, uint16_t ueId) -> std::string
    {
        switch (p.kind)
        {
            case Place::AMF:
                return "AMF";
            case Place::GNB:
                return manyGnbs ? "gNB" + std::to_string(cellOf(p, ueId)) : std::string("gNB");
            case Place::UE:
                break;
        }
        return "UE" + std::to_string(ueId);
    };

    // Entities: the AMF, the gNBs of the chart (at least one if any gNB is watched), the UEs.
    std::vector<std::string> entities;
    if (amf)
    {
        entities.emplace_back("AMF");
    }
    std::set<uint16_t> cells;
    for (const Entry* e : rows)
    {
        for (const Place* p : {&e->from, &e->to})
        {
            if (p->kind == Place::GNB && (e->kind == Entry::MESSAGE || p == &e->from))
            {
                cells.insert(cellOf(*p, e->ueId));
            }
        }
    }
    if (cells.empty() && !m_cells.empty())
    {
        cells.insert(defaultCell);
    }
    for (uint16_t c : cells)
    {
        entities.push_back(manyGnbs ? "gNB" + std::to_string(c) : std::string("gNB"));
    }
    for (uint16_t ue : ues)
    {
        entities.push_back("UE" + std::to_string(ue));
    }
    if (entities.empty())
    {
        entities.emplace_back("gNB");
    }

    // About 420 pixels per entity column (mscgen draws 600 * hscale pixels in all).
    double hscale = std::max(1.5, 0.7 * static_cast<double>(entities.size()));
    char hs[16];
    std::snprintf(hs, sizeof(hs), "%.1f", hscale);

    out << "# nr-security: AS security message sequence chart (NrSecurityMscWriter)\n"
        << "# render: mscgen -T png -i FILE.msc -o FILE.png\n"
        << "msc {\n"
        << "  hscale=\"" << hs << "\", wordwraparcs=\"true\";\n\n  ";
    for (size_t i = 0; i < entities.size(); ++i)
    {
        out << (i ? ", " : "") << entities[i];
    }
    out << ";\n\n";

    const bool many = ues.size() > 1;
    auto prefix = [&](const Entry& e) -> std::string {
        return many && e.from.kind != Place::UE ? "UE" + std::to_string(e.ueId) + ": "
                                                : std::string();
    };
    auto watchedUe = [&](uint16_t ueId)
    { return std::find(m_watched.begin(), m_watched.end(), ueId) != m_watched.end(); };

    auto stamp = [](const Entry& e) { return "[" + Ms(e.time) + " ms]"; };
    // A box, note or abox on the line of the entity where the event happened.
    size_t arcs = 0; // mscgen refuses a chart without arcs
    auto local = [&](const Entry& e,
                     const std::string& shape,
                     const std::string& text,
                     const std::string& colour)
    {
        const std::string at = name(e.from, e.ueId);
        out << "  " << at << " " << shape << " " << at << " [label=" << Quote(prefix(e) + text);
        if (!colour.empty())
        {
            out << ", textbgcolour=\"" << colour << "\"";
        }
        out << "];\n";
        ++arcs;
    };

    for (size_t i = 0; i < rows.size(); ++i)
    {
        const Entry& e = *rows[i];
        switch (e.kind)
        {
            case Entry::MESSAGE:
            {
                const std::string at = name(e.from, e.ueId);
                const std::string to = name(e.to, e.ueId);
                const bool receiverWatched
                    = e.to.kind == Place::UE ? watchedUe(e.ueId) : !m_cells.empty();
                const bool lost = e.sent && !e.received && receiverWatched
                                  && e.from.kind != Place::AMF; // AMF delivery is not traced
                std::string when;
                if (!e.sent)
                {
                    when = Ms(e.rxTime) + " ms";
                }
                else if (e.received)
                {
                    when = Ms(e.time) + " -> " + Ms(e.rxTime) + " ms";
                }
                else
                {
                    when = Ms(e.time) + (lost ? " ms -> not received" : " ms");
                }
                std::string label = (e.from.kind == Place::AMF ? prefix(e) : std::string()) + e.text
                                    + "\n[" + when + "]";
                out << "  " << at << (lost ? "-x" : "=>") << to << " [label=" << Quote(label)
                    << "];\n";
                ++arcs;
                break;
            }
            case Entry::KEY:
            {
                // The run of key derivations of one entity, UE, step and instant.
                std::vector<std::string> keys{e.text};
                size_t j = i + 1;
                auto same = [&](const Entry& o)
                {
                    return o.ueId == e.ueId && o.from.kind == e.from.kind
                           && o.from.cellId == e.from.cellId && o.step == e.step
                           && o.time == e.time;
                };
                while (j < rows.size() && rows[j]->kind == Entry::KEY && same(*rows[j]))
                {
                    keys.push_back(rows[j]->text);
                    ++j;
                }
                bool named = j < rows.size() && rows[j]->kind == Entry::STEP && same(*rows[j]);
                std::string list;
                for (const std::string& k : keys)
                {
                    named = named && rows[j]->text.find(k) != std::string::npos;
                    list += (list.empty() ? "" : ", ") + k;
                }
                if (!named)
                {
                    local(
                        e, "rbox", std::to_string(e.step) + " " + stamp(e) + " keys: " + list, "");
                }
                i = j - 1;
                break;
            }
            case Entry::STEP:
                local(e, "box", std::to_string(e.step) + " " + stamp(e) + " " + e.text, "");
                break;
            case Entry::ACTIVATED:
                local(e, "abox", stamp(e) + " " + e.text, "#c8f0c8");
                break;
            case Entry::FAILURE:
                local(e, "note", stamp(e) + " " + e.text, "#f8c0c0");
                break;
            case Entry::INTEGRITY:
                local(e, "note", stamp(e) + " " + e.text, "#f8d8a0");
                break;
        }
    }
    if (arcs == 0)
    {
        out << "  " << entities.front() << " note " << entities.back()
            << " [label=\"no AS security events\"];\n";
    }
    out << "}\n";
}

void
NrSecurityMscWriter::Close()
{
    if (m_closed)
    {
        return;
    }
    const std::set<uint16_t> ues = ChartedUes();
    m_closed = true;

    std::string errors;
    if (m_layout == ONE_CHART)
    {
        WriteChart(m_out, ues);
        m_out.close();
        if (m_out.fail())
        {
            errors += " " + m_filename;
        }
        m_written.push_back(m_filename);
    }
    else
    {
        for (uint16_t ue : ues)
        {
            std::string f = PerUeName(m_filename, ue);
            std::ofstream out(f, std::ios::trunc);
            if (out)
            {
                WriteChart(out, {ue});
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
    for (uint16_t ue : ChartedUes())
    {
        names.push_back(PerUeName(m_filename, ue));
    }
    return names;
}

} // namespace ns3
