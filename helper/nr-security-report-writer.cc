// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The run report: one self-contained HTML file per run, for one chosen UE.
 */
#include "nr-security-report-writer.h"

#include "nr-security-smc-steps.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-explain.h"
#include "ns3/nr-security-hex.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace ns3
{

namespace
{

double
NowMs()
{
    return Simulator::Now().GetSeconds() * 1000.0;
}

/// The KDF inputs of an explanation, without the key itself (shown on the tree node).
std::string
Inputs(const NrSecurityExplanation& x)
{
    std::string s;
    for (const auto& item : x.items)
    {
        if (item.name == "KEY")
        {
            continue;
        }
        s += item.name + " = " + item.hex + (item.note.empty() ? "" : "  # " + item.note) + "\n";
    }
    return s;
}

/// A short description of an IPv4 packet, or empty.
std::string
Ipv4Summary(const std::vector<uint8_t>& p)
{
    if (p.size() < 20 || (p[0] >> 4) != 4)
    {
        return "";
    }
    auto addr = [&p](size_t i)
    {
        return std::to_string(p[i]) + "." + std::to_string(p[i + 1]) + "."
               + std::to_string(p[i + 2]) + "." + std::to_string(p[i + 3]);
    };
    const uint8_t proto = p[9];
    const std::string name = proto == 17  ? "UDP"
                             : proto == 6 ? "TCP"
                             : proto == 1 ? "ICMP"
                                          : "proto " + std::to_string(proto);
    const unsigned total = (unsigned(p[2]) << 8) | p[3];
    return "IPv4 " + addr(12) + " -> " + addr(16) + " " + name + ", " + std::to_string(total)
           + " bytes";
}

} // namespace

NrSecurityReportWriter::NrSecurityReportWriter(const std::string& filename, uint32_t ueId)
    : m_filename(filename)
    , m_ueId(ueId)
{
    if (ueId == 0)
    {
        throw std::invalid_argument("NrSecurityReportWriter: UE id 0 (UE ids start at 1)");
    }
    m_out.open(filename, std::ios::trunc);
    if (!m_out)
    {
        throw std::runtime_error("NrSecurityReportWriter: cannot open " + filename);
    }
    m_report.ueId = ueId;
    m_report.title = "nr-security run report: UE " + std::to_string(ueId);
}

const NrSecurityReport&
NrSecurityReportWriter::GetReport() const
{
    return m_report;
}

const std::string&
NrSecurityReportWriter::GetFileName() const
{
    return m_filename;
}

template <typename Rrc>
void
NrSecurityReportWriter::Connect(Ptr<Rrc> rrc, const std::string& side)
{
    typedef NrSecurityReportWriter W;
    rrc->TraceConnectWithoutContext("KeyDerived", MakeCallback(&W::OnKey, this).Bind(side));
    rrc->TraceConnectWithoutContext("SmcStep", MakeCallback(&W::OnStep, this).Bind(side));
    rrc->TraceConnectWithoutContext("SecurityActivated",
                                    MakeCallback(&W::OnActivated, this).Bind(side));
    rrc->TraceConnectWithoutContext("SecurityModeFailure",
                                    MakeCallback(&W::OnSmcFailure, this).Bind(side));
    rrc->TraceConnectWithoutContext("IntegrityFailure",
                                    MakeCallback(&W::OnIntegrity, this).Bind(side));
    rrc->TraceConnectWithoutContext("StateChanged", MakeCallback(&W::OnState, this).Bind(side));
    rrc->TraceConnectWithoutContext("RrcMessage", MakeCallback(&W::OnMessage, this).Bind(side));
    rrc->TraceConnectWithoutContext("MessageRefused", MakeCallback(&W::OnRefused, this).Bind(side));
    rrc->TraceConnectWithoutContext("ConnectionEvent",
                                    MakeCallback(&W::OnConnection, this).Bind(side));
    rrc->TraceConnectWithoutContext("PdcpEntityCreated",
                                    MakeCallback(&W::OnEntity, this).Bind(side));
}

void
NrSecurityReportWriter::Watch(Ptr<NrSecurityUeNetDevice> ue)
{
    if (!ue || ue->GetUeId() != m_ueId)
    {
        return; // only the chosen UE's device is watched
    }
    Ptr<NrSecurityUeRrc> rrc = ue->GetRrc();
    Connect(rrc, "UE");
    for (uint8_t srb = 1; srb <= 3; ++srb)
    {
        OnEntity("UE", m_ueId, "SRB" + std::to_string(srb), rrc->GetSrb(srb));
    }
    for (const auto& drb : rrc->GetDrbConfigs())
    {
        OnEntity("UE", m_ueId, "DRB" + std::to_string(drb.drbId), rrc->GetDrb(drb.drbId));
    }
}

void
NrSecurityReportWriter::Watch(Ptr<NrSecurityGnbNetDevice> gnb)
{
    if (gnb)
    {
        Connect(gnb->GetRrc(), "gNB" + std::to_string(gnb->GetCellId()));
    }
}

void
NrSecurityReportWriter::Watch(Ptr<NrSecurityAmf> amf)
{
    if (!amf)
    {
        return;
    }
    m_amf = amf;
    amf->TraceConnectWithoutContext(
        "InitialContextSetup", MakeCallback(&NrSecurityReportWriter::OnInitialContextSetup, this));
    amf->TraceConnectWithoutContext("InitialUeMessage",
                                    MakeCallback(&NrSecurityReportWriter::OnInitialUe, this));
}

void
NrSecurityReportWriter::Event(const std::string& side,
                              const std::string& kind,
                              uint32_t step,
                              const std::string& text,
                              bool failure)
{
    m_report.events.push_back(NrSecurityReportEvent{NowMs(), side, kind, step, text, failure});
}

void
NrSecurityReportWriter::OnEntity(std::string side,
                                 uint32_t ueId,
                                 const std::string& rb,
                                 Ptr<NrSecurityPdcp> pdcp)
{
    if (!pdcp)
    {
        return;
    }
    // A new entity may sit where a destroyed one was (re-establishment, handover, a new
    // connection), its COUNTs starting again at 0: the bytes the old one left for a COUNT
    // would be taken for the new one's PDU of that COUNT. They go now, whoever's it is.
    const NrSecurityPdcp* raw = PeekPointer(pdcp);
    for (auto it = m_rxBytes.lower_bound({raw, 0});
         it != m_rxBytes.end() && it->first.first == raw;)
    {
        it = m_rxBytes.erase(it);
    }
    if (ueId != m_ueId)
    {
        return;
    }
    // A plain pointer bound: a Ptr in the entity's own trace would keep it alive forever.
    pdcp->TraceConnectWithoutContext(
        "PduEvent",
        MakeCallback(&NrSecurityReportWriter::OnPdu, this)
            .Bind(side)
            .Bind(rb)
            .Bind(static_cast<const NrSecurityPdcp*>(PeekPointer(pdcp))));
    pdcp->TraceConnectWithoutContext(
        "RxPdu",
        MakeCallback(&NrSecurityReportWriter::OnRxPdu, this)
            .Bind(static_cast<const NrSecurityPdcp*>(PeekPointer(pdcp))));
}

void
NrSecurityReportWriter::OnRxPdu(const NrSecurityPdcp* pdcp, Ptr<const Packet> pdu, uint32_t count)
{
    std::vector<uint8_t>& b = m_rxBytes[{pdcp, count}];
    b.resize(pdu->GetSize());
    pdu->CopyData(b.data(), b.size());
}

void
NrSecurityReportWriter::OnPdu(std::string side,
                              std::string rb,
                              const NrSecurityPdcp* pdcp,
                              const NrSecurityPdcpPduEvent& e)
{
    NrSecurityReportPdu r;
    r.timeMs = NowMs();
    r.side = side;
    r.rb = rb;
    r.uplink = e.uplink;
    r.snKnown = e.snKnown;
    r.sn = e.sn;
    r.countKnown = e.countKnown;
    r.count = e.count;
    const NrSecurityPdcpFormat& format = pdcp->GetFormat();
    r.bearer = format.Bearer();
    r.ciphered = e.ciphered;
    r.integrity = e.integrity;
    r.macIPresent = e.macIPresent;
    r.macI = e.macI;
    r.outcome = e.outcome == NrSecurityPdcpPduEvent::TRANSMITTED ? "transmitted"
                : e.outcome == NrSecurityPdcpPduEvent::DELIVERED ? "delivered"
                                                                 : "discarded:" + e.reason;
    r.failure = e.outcome == NrSecurityPdcpPduEvent::DISCARDED;
    if (e.pdu)
    {
        r.pdu.resize(e.pdu->GetSize());
        e.pdu->CopyData(r.pdu.data(), r.pdu.size());
    }
    if (e.outcome != NrSecurityPdcpPduEvent::TRANSMITTED && e.countKnown)
    {
        // The bytes RxPdu gave for this COUNT (a DELIVERED event in order has no PDU).
        auto it = m_rxBytes.find({pdcp, e.count});
        if (it != m_rxBytes.end())
        {
            if (r.pdu.empty())
            {
                r.pdu = std::move(it->second);
            }
            m_rxBytes.erase(it);
        }
    }
    const bool transmitted = e.outcome == NrSecurityPdcpPduEvent::TRANSMITTED;
    if (e.countKnown)
    {
        r.security = transmitted ? pdcp->GetTxSecurity() : pdcp->GetRxSecurity(e.count);
    }
    NrSecurityPdcpHeader h = NrSecurityPdcpPdu::ParseHeader(format, r.pdu.data(), r.pdu.size());
    if (h.valid && !h.control && e.countKnown)
    {
        r.headerBytes = format.HeaderBytes();
        r.macBytes = e.macIPresent ? 4 : 0;
        r.sdapBytes = format.sdapHeader ? 1 : 0;
        std::vector<uint8_t> clear = r.pdu;
        NrSecurityPdcpUnprotectResult u = NrSecurityPdcpPdu::Unprotect(
            format, e.count, e.uplink ? 0 : 1, r.security, clear.data(), clear.size());
        const size_t first = r.headerBytes + r.sdapBytes;
        if (clear.size() >= first + r.macBytes)
        {
            r.plainKnown = true;
            r.plain.assign(clear.begin() + first, clear.end());
        }
        if (r.security.integrityActive && r.macIPresent)
        {
            r.xmacKnown = true;
            r.xmac = u.expectedMac;
            r.xmacNote = "computed with the key and algorithm this entity had for this COUNT";
        }
        if (format.rbType == NrSecurityRbType::DRB && r.plainKnown)
        {
            r.what = Ipv4Summary(std::vector<uint8_t>(r.plain.begin(), r.plain.end() - r.macBytes));
        }
    }
    else if (!h.valid)
    {
        r.what = "malformed: " + h.reason;
    }
    else if (h.control)
    {
        r.what = "PDCP control PDU";
    }
    if (r.failure)
    {
        Event(side,
              "PduDiscarded",
              0,
              rb + (e.uplink ? " UL" : " DL") + " COUNT "
                  + (e.countKnown ? std::to_string(e.count) : std::string("-")) + ": " + e.reason,
              true);
    }
    m_report.pdus.push_back(std::move(r));
}

void
NrSecurityReportWriter::OnMessage(std::string side,
                                  uint32_t ueId,
                                  const std::string& direction,
                                  const std::string& name,
                                  const std::vector<uint8_t>& message,
                                  const std::string& bearer,
                                  const std::string& protection)
{
    if (ueId != m_ueId)
    {
        return;
    }
    if (direction == "tx")
    {
        NrSecurityReportMessage m;
        m.timeMs = NowMs();
        m.from = side;
        m.to = side == "UE" ? "gNB" : "UE"; // the gNB lane is fixed when paired (Finish)
        m.name = name;
        m.bytes = message;
        m.bearer = bearer;
        m.protection = protection;
        m_report.messages.push_back(std::move(m));
    }
    else
    {
        // Paired with the oldest unreceived copy sent by the other end.
        for (auto& m : m_report.messages)
        {
            if (!m.received && m.name == name && m.bytes == message
                && (m.from == "UE") != (side == "UE") && m.from != "AMF")
            {
                m.received = true;
                m.rxTimeMs = NowMs();
                m.to = side;
                return;
            }
        }
        // Received but never sent by a watched entity (forged or from another cell).
        NrSecurityReportMessage m;
        m.timeMs = NowMs();
        m.from = "?";
        m.to = side;
        m.name = name;
        m.bytes = message;
        m.bearer = bearer;
        m.protection = protection;
        m.received = true;
        m.rxTimeMs = m.timeMs;
        m_report.messages.push_back(std::move(m));
    }
    if (name == "rrcRelease")
    {
        Event(side, "RrcMessage", 0, direction + " RRCRelease", true);
    }
}

void
NrSecurityReportWriter::OnKey(std::string side,
                              uint32_t ueId,
                              const std::string& name,
                              const std::vector<uint8_t>& key,
                              uint32_t step)
{
    if (ueId != m_ueId)
    {
        return;
    }
    const std::string hex = NrSecurityToHex(key);
    Event(side, "KeyDerived", step, name + " derived", false);
    char at[64];
    std::snprintf(at, sizeof(at), " at %.3f ms (step %u)", NowMs(), step);
    if (auto it = m_keySeen.find(name + hex); it != m_keySeen.end())
    {
        m_report.keys[it->second].side += ", " + side + at; // the other end: the same node
        return;
    }
    m_keySeen[name + hex] = m_report.keys.size();
    NrSecurityReportKey k;
    k.name = name;
    k.hex = hex;
    k.side = side + at;
    k.timeMs = NowMs();
    k.step = step;
    if (name == "K_gNB")
    {
        const bool first = !m_kGnbKnown;
        if (!first)
        {
            ++m_epoch;
        }
        m_kGnb = NrSecurityAlgorithms::Key256FromBytes(key);
        m_kGnbKnown = true;
        k.epoch = m_epoch;
        k.clause = "TS 33.501 A.9";
        k.parent = "K_AMF";
        bool found = false;
        if (m_kAmfKnown)
        {
            // The AMF's context holds the uplink NAS COUNT of the initial NAS message.
            for (uint32_t c : {m_ulNasCount, m_ulNasCount - 1, m_ulNasCount + 1})
            {
                NrSecurityExplanation x = NrSecurityExplain::Kgnb(m_kAmf, c);
                const NrSecurityExplainItem* out = x.Find("K_gNB");
                if (out && out->hex == hex)
                {
                    k.inputs = Inputs(x);
                    found = true;
                    break;
                }
            }
        }
        if (!found && !first)
        {
            k.parent = "K_gNB / NH";
            k.clause = "TS 33.501 A.11 (K_gNB*: PCI, ARFCN-DL of the target cell), 6.9";
        }
        m_report.keys.push_back(k);
        return;
    }
    NrSecurityAlgorithmType type = NrSecurityAlgorithmType::N_RRC_INT;
    if (name == "K_RRCenc")
    {
        type = NrSecurityAlgorithmType::N_RRC_ENC;
    }
    else if (name == "K_UPenc")
    {
        type = NrSecurityAlgorithmType::N_UP_ENC;
    }
    else if (name == "K_UPint")
    {
        type = NrSecurityAlgorithmType::N_UP_INT;
    }
    else if (name != "K_RRCint")
    {
        k.parent = "K_gNB";
        k.epoch = m_epoch;
        m_report.keys.push_back(k);
        return;
    }
    k.parent = "K_gNB";
    k.epoch = m_epoch;
    k.clause = "TS 33.501 A.8";
    if (m_kGnbKnown)
    {
        for (uint8_t id = 0; id < 16; ++id)
        {
            NrSecurityExplanation x = NrSecurityExplain::AlgorithmKey(m_kGnb, type, id);
            if (!x.items.empty() && x.items.back().hex == hex)
            {
                k.inputs = Inputs(x);
                break;
            }
        }
    }
    m_report.keys.push_back(k);
}

void
NrSecurityReportWriter::OnStep(std::string side,
                               uint32_t ueId,
                               uint32_t step,
                               const std::string& what)
{
    if (ueId == m_ueId)
    {
        Event(side, "SmcStep", step, what, false);
    }
}

void
NrSecurityReportWriter::OnActivated(std::string side,
                                    uint32_t ueId,
                                    const std::string& nea,
                                    const std::string& nia)
{
    if (ueId == m_ueId)
    {
        Event(side, "SecurityActivated", 0, "AS security active: " + nea + ", " + nia, false);
        if (side == "UE")
        {
            m_report.summary = "AS security activated with " + nea + " and " + nia;
        }
    }
}

void
NrSecurityReportWriter::OnSmcFailure(std::string side, uint32_t ueId, const std::string& reason)
{
    if (ueId == m_ueId)
    {
        Event(side, "SecurityModeFailure", 0, "SecurityModeFailure: " + reason, true);
    }
}

void
NrSecurityReportWriter::OnIntegrity(std::string side,
                                    uint32_t ueId,
                                    uint8_t rbId,
                                    uint32_t count,
                                    uint32_t received,
                                    uint32_t expected)
{
    if (ueId == m_ueId)
    {
        Event(side,
              "IntegrityFailure",
              0,
              "integrity failure: RB " + std::to_string(rbId) + " COUNT " + std::to_string(count)
                  + " MAC-I " + NrSecurityToHex32(received) + " X-MAC "
                  + NrSecurityToHex32(expected),
              true);
    }
}

void
NrSecurityReportWriter::OnState(std::string side,
                                uint32_t ueId,
                                const std::string& oldState,
                                const std::string& newState)
{
    if (ueId == m_ueId)
    {
        Event(side, "StateChanged", 0, oldState + " -> " + newState, false);
    }
}

void
NrSecurityReportWriter::OnRefused(std::string side,
                                  uint32_t ueId,
                                  uint32_t count,
                                  const std::string& name,
                                  const std::string& reason)
{
    if (ueId == m_ueId)
    {
        Event(side,
              "MessageRefused",
              0,
              name + " COUNT " + std::to_string(count) + " refused: " + reason,
              true);
    }
}

void
NrSecurityReportWriter::OnConnection(std::string side,
                                     uint32_t ueId,
                                     const std::string& event,
                                     const std::string& detail)
{
    if (ueId == m_ueId)
    {
        Event(side, "ConnectionEvent", 0, detail.empty() ? event : event + ": " + detail, false);
    }
}

void
NrSecurityReportWriter::OnInitialUe(uint32_t ueId, const std::vector<uint8_t>& nas)
{
    if (ueId != m_ueId)
    {
        return;
    }
    AddN2Message("gNB", "AMF", "InitialUEMessage (NAS)", nas);
}

void
NrSecurityReportWriter::AddN2Message(const char* from,
                                     const char* to,
                                     const char* name,
                                     const std::vector<uint8_t>& bytes)
{
    NrSecurityReportMessage m;
    m.timeMs = NowMs();
    m.from = from;
    m.to = to;
    m.name = name;
    m.bytes = bytes;
    m.bearer = "N2";
    m.protection = "none";
    m.received = true;
    m.rxTimeMs = m.timeMs;
    m_report.messages.push_back(std::move(m));
}

void
NrSecurityReportWriter::OnInitialContextSetup(uint32_t ueId, const std::vector<uint8_t>& kGnb)
{
    if (ueId != m_ueId || !m_amf || !m_amf->HasUe(ueId))
    {
        return;
    }
    const NrSecurityAmfUeContext& c = m_amf->GetUe(ueId);
    m_kAmf = c.kAmf;
    m_ulNasCount = c.ulNasCount;
    m_kAmfKnown = true;
    const std::string hex = NrSecurityToHex(c.kAmf);
    if (!m_keySeen.count("K_AMF" + hex))
    {
        m_keySeen["K_AMF" + hex] = m_report.keys.size();
        NrSecurityReportKey k;
        k.name = "K_AMF";
        k.hex = hex;
        char at[48];
        std::snprintf(at, sizeof(at), "AMF at %.3f ms (Initial Context Setup)", NowMs());
        k.side = at;
        k.timeMs = NowMs();
        k.clause = "TS 33.501 A.7 (from K_SEAF; here provisioned)";
        k.inputs = "uplink NAS COUNT = " + NrSecurityToHex32(c.ulNasCount) + "  # for K_gNB\n";
        k.epoch = m_epoch;
        m_report.keys.push_back(k);
    }
    AddN2Message("AMF", "gNB", "InitialContextSetupRequest (K_gNB)", kGnb);
}

void
NrSecurityReportWriter::Finish()
{
    // The gNB lane of N2 messages: the UE's gNB at that time (the last gNB that sent or
    // received one of its RRC messages before, else the first gNB seen).
    std::string lastGnb;
    for (const auto& m : m_report.messages)
    {
        for (const std::string& s : {m.from, m.to})
        {
            if (s.rfind("gNB", 0) == 0 && s.size() > 3 && lastGnb.empty())
            {
                lastGnb = s;
            }
        }
    }
    for (auto& m : m_report.messages)
    {
        for (std::string* s : {&m.from, &m.to})
        {
            if (*s == "gNB")
            {
                *s = lastGnb.empty() ? "gNB1" : lastGnb;
            }
            else if (s->rfind("gNB", 0) == 0)
            {
                lastGnb = *s;
            }
        }
    }
    // SRB PDUs named by their RRC message; a MAC-I not checked by PDCP (the SecurityModeCommand
    // at the UE and the SecurityModeComplete at the gNB, which RRC verifies) recomputed with
    // the security its sender used.
    for (auto& p : m_report.pdus)
    {
        if (p.rb.rfind("SRB", 0) == 0 && p.plainKnown && p.plain.size() >= p.macBytes)
        {
            std::vector<uint8_t> sdu(p.plain.begin(), p.plain.end() - p.macBytes);
            for (const auto& m : m_report.messages)
            {
                if (m.bearer == p.rb && m.bytes == sdu)
                {
                    p.what = m.name;
                    break;
                }
            }
        }
        if (p.xmacKnown || !p.macIPresent || !p.countKnown || p.macI == 0)
        {
            continue;
        }
        for (const auto& q : m_report.pdus)
        {
            if (&q != &p && q.side != p.side && q.rb == p.rb && q.uplink == p.uplink && q.countKnown
                && q.count == p.count && q.pdu == p.pdu && q.security.integrityActive
                && q.xmacKnown)
            {
                std::vector<uint8_t> m(p.pdu.begin(), p.pdu.begin() + p.headerBytes + p.sdapBytes);
                m.insert(m.end(), p.plain.begin(), p.plain.end() - p.macBytes);
                p.xmac = NrSecurityAlgorithms::Nia(q.security.nia,
                                                   q.security.kInt,
                                                   p.count,
                                                   p.bearer,
                                                   p.uplink ? 0 : 1,
                                                   m,
                                                   uint32_t(m.size() * 8));
                p.xmacKnown = true;
                p.security.nia = q.security.nia;
                p.security.kInt = q.security.kInt;
                p.xmacNote = "computed here with the sender's key and algorithm (RRC, not PDCP, "
                             "verifies this MAC-I: TS 38.331 5.3.4.3)";
                break;
            }
        }
    }
    if (m_report.summary.empty())
    {
        m_report.summary = "AS security not activated for this UE";
    }
}

void
NrSecurityReportWriter::Close()
{
    if (m_closed)
    {
        return;
    }
    m_closed = true;
    Finish();
    NrSecurityWriteReportHtml(m_out, m_report);
    m_out.close();
}

} // namespace ns3
