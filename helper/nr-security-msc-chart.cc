// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-msc-chart.h"

#include "nr-security-smc-steps.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace ns3
{

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

/// \return how a lost attempt's label names the channel's outcome
std::string
LossText(const std::string& outcome)
{
    if (outcome == "capture-drop")
    {
        return "lost on the air (a stronger frame)";
    }
    if (outcome == "not-serving")
    {
        return "not heard (the UE listens to another cell)";
    }
    return "lost on the air";
}

/// \return "\n" and the step's clauses (NrSecuritySmcStepClauses), or "" outside 26..33
std::string
Clauses(uint32_t step)
{
    const std::string c = NrSecuritySmcStepClauses(step);
    return c.empty() ? c : "\n" + c;
}

} // namespace

void
NrSecurityMscChart::Write(std::ostream& out,
                          const std::vector<NrSecurityMscEntry>& entries,
                          const std::set<uint32_t>& ues,
                          const std::set<uint16_t>& cells,
                          const std::vector<uint32_t>& watchedUes)
{
    std::vector<const NrSecurityMscEntry*> rows;
    std::map<uint32_t, uint16_t> servingCell; // UE -> first cell seen in its events
    bool amf = false;
    for (const NrSecurityMscEntry& e : entries)
    {
        if (ues.count(e.ueId) == 0)
        {
            continue;
        }
        rows.push_back(&e);
        for (const NrSecurityMscPlace* p : {&e.from, &e.to})
        {
            if (e.kind != NrSecurityMscEntry::MESSAGE && p == &e.to)
            {
                continue;
            }
            if (p->kind == NrSecurityMscPlace::GNB && p->cellId != 0
                && servingCell.count(e.ueId) == 0)
            {
                servingCell[e.ueId] = p->cellId;
            }
            amf = amf || p->kind == NrSecurityMscPlace::AMF;
        }
    }
    const bool manyGnbs = cells.size() > 1;
    const uint16_t defaultCell = cells.empty() ? 0 : *cells.begin();
    auto cellOf = [&](const NrSecurityMscPlace& p, uint32_t ueId) -> uint16_t
    {
        if (p.cellId != 0)
        {
            return p.cellId;
        }
        auto it = servingCell.find(ueId);
        return it != servingCell.end() ? it->second : defaultCell;
    };
    auto name = [&](const NrSecurityMscPlace& p, uint32_t ueId) -> std::string
    {
        switch (p.kind)
        {
            case NrSecurityMscPlace::AMF:
                return "AMF";
            case NrSecurityMscPlace::GNB:
                return manyGnbs ? "gNB" + std::to_string(cellOf(p, ueId)) : std::string("gNB");
            case NrSecurityMscPlace::UE:
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
    std::set<uint32_t> charted;
    for (const NrSecurityMscEntry* e : rows)
    {
        for (const NrSecurityMscPlace* p : {&e->from, &e->to})
        {
            if (p->kind == NrSecurityMscPlace::GNB
                && (e->kind == NrSecurityMscEntry::MESSAGE || p == &e->from))
            {
                charted.insert(cellOf(*p, e->ueId));
            }
        }
    }
    if (charted.empty() && !cells.empty())
    {
        charted.insert(defaultCell);
    }
    for (uint16_t c : charted)
    {
        entities.push_back(manyGnbs ? "gNB" + std::to_string(c) : std::string("gNB"));
    }
    for (uint32_t ue : ues)
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
    auto prefix = [&](const NrSecurityMscEntry& e) -> std::string
    {
        return many && e.from.kind != NrSecurityMscPlace::UE ? "UE" + std::to_string(e.ueId) + ": "
                                                             : std::string();
    };
    auto watchedUe = [&](uint32_t ueId)
    { return std::find(watchedUes.begin(), watchedUes.end(), ueId) != watchedUes.end(); };

    auto stamp = [](const NrSecurityMscEntry& e) { return "[" + Ms(e.time) + " ms]"; };
    // A box, note or abox on the line of the entity where the event happened.
    size_t arcs = 0; // mscgen refuses a chart without arcs
    auto local = [&](const NrSecurityMscEntry& e,
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
        const NrSecurityMscEntry& e = *rows[i];
        switch (e.kind)
        {
            case NrSecurityMscEntry::MESSAGE:
            {
                const std::string at = name(e.from, e.ueId);
                const std::string to = name(e.to, e.ueId);
                const bool receiverWatched
                    = e.to.kind == NrSecurityMscPlace::UE ? watchedUe(e.ueId) : !cells.empty();
                const bool lost
                    = e.airLost
                      || (e.sent && !e.received && receiverWatched
                          && e.from.kind != NrSecurityMscPlace::AMF); // AMF delivery not traced
                std::string when;
                if (!e.sent)
                {
                    when = Ms(e.rxTime) + " ms";
                }
                else if (e.airLost)
                {
                    when = Ms(e.time) + " -> " + Ms(e.rxTime) + " ms: " + LossText(e.lossOutcome);
                }
                else if (e.received)
                {
                    when = Ms(e.time) + " -> " + Ms(e.rxTime) + " ms";
                }
                else
                {
                    when = Ms(e.time) + (lost ? " ms -> not received" : " ms");
                }
                std::string label
                    = (e.from.kind == NrSecurityMscPlace::AMF ? prefix(e) : std::string()) + e.text
                      + (e.attempt > 0 ? " (retransmission " + std::to_string(e.attempt) + ")"
                                       : std::string())
                      + "\n[" + when + "]";
                out << "  " << at << (lost ? "-x" : "=>") << to << " [label=" << Quote(label)
                    << "];\n";
                ++arcs;
                break;
            }
            case NrSecurityMscEntry::KEY:
            {
                // The run of key derivations of one entity, UE, step and instant.
                std::vector<std::string> keys{e.text};
                size_t j = i + 1;
                auto same = [&](const NrSecurityMscEntry& o)
                {
                    return o.ueId == e.ueId && o.from.kind == e.from.kind
                           && o.from.cellId == e.from.cellId && o.step == e.step
                           && o.time == e.time;
                };
                while (j < rows.size() && rows[j]->kind == NrSecurityMscEntry::KEY
                       && same(*rows[j]))
                {
                    keys.push_back(rows[j]->text);
                    ++j;
                }
                bool named = j < rows.size() && rows[j]->kind == NrSecurityMscEntry::STEP
                             && same(*rows[j]);
                std::string list;
                for (const std::string& k : keys)
                {
                    named = named && rows[j]->text.find(k) != std::string::npos;
                    list += (list.empty() ? "" : ", ") + k;
                }
                if (!named)
                {
                    local(e,
                          "rbox",
                          std::to_string(e.step) + " " + stamp(e) + " keys: " + list
                              + Clauses(e.step),
                          "");
                }
                i = j - 1;
                break;
            }
            case NrSecurityMscEntry::STEP:
                local(e,
                      "box",
                      std::to_string(e.step) + " " + stamp(e) + " " + e.text + Clauses(e.step),
                      "");
                break;
            case NrSecurityMscEntry::ACTIVATED:
                local(e, "abox", stamp(e) + " " + e.text, "#c8f0c8");
                break;
            case NrSecurityMscEntry::FAILURE:
                local(e, "note", stamp(e) + " " + e.text, "#f8c0c0");
                break;
            case NrSecurityMscEntry::INTEGRITY:
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

} // namespace ns3
