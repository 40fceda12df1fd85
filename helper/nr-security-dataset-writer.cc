// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-dataset-writer.h"

#include "nr-security-pcap-recorder.h"
#include "nr-security-pcap-writer.h"
#include "nr-security-pdu-trace-writer.h"
#include "ns3/log.h"
#include "ns3/nr-security-rb-pdu.h"
#include "ns3/simulator.h"

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityDatasetWriter");

NrSecurityDatasetWriter::NrSecurityDatasetWriter(const std::string& stem,
                                                 const std::string& attackLabel)
    : m_stem(stem)
    , m_label(attackLabel)
{
    // Fail now, not at the end of the run, if the folder cannot hold the files.
    std::ofstream probe(m_stem + ".csv", std::ios::out | std::ios::trunc);
    if (!probe)
    {
        throw std::runtime_error("NrSecurityDatasetWriter: cannot create " + m_stem + ".csv");
    }
}

NrSecurityDatasetWriter::~NrSecurityDatasetWriter() = default;

void
NrSecurityDatasetWriter::Watch(Ptr<NrSecurityChannel> channel)
{
    channel->TraceConnectWithoutContext("Transmission",
                                        MakeCallback(&NrSecurityDatasetWriter::OnSent, this));
    channel->TraceConnectWithoutContext("Reception",
                                        MakeCallback(&NrSecurityDatasetWriter::OnReception, this));
}

NrSecurityDatasetWriter::Key
NrSecurityDatasetWriter::KeyOf(const NrSecurityAirFrame& f)
{
    return Key{
        PeekPointer(f.pdu), f.attempt, f.cellId, f.ueId, f.uplink, static_cast<uint8_t>(f.origin)};
}

void
NrSecurityDatasetWriter::OnSent(const NrSecurityAirFrame& frame)
{
    if (m_flushed || !frame.pdu)
    {
        return;
    }
    Row r;
    r.time = Simulator::Now();
    r.frame = frame;
    m_pending[KeyOf(frame)] = m_rows.size();
    m_rows.push_back(r);
}

void
NrSecurityDatasetWriter::OnReception(const NrSecurityAirFrame& frame,
                                     NrSecurityFrameOutcome outcome)
{
    auto it = m_pending.find(KeyOf(frame));
    if (it == m_pending.end())
    {
        return;
    }
    m_rows[it->second].outcome = NrSecurityFrameOutcomeName(outcome);
    m_rows[it->second].frame.rxPowerDbm = frame.rxPowerDbm;
    m_pending.erase(it);
}

const std::vector<NrSecurityDatasetWriter::Row>&
NrSecurityDatasetWriter::GetRows() const
{
    return m_rows;
}

std::string
NrSecurityDatasetWriter::Label(const NrSecurityAirFrame& f) const
{
    return f.IsForged() ? m_label : "benign";
}

void
NrSecurityDatasetWriter::Flush()
{
    if (m_flushed)
    {
        return;
    }
    m_flushed = true;
    std::ofstream csv(m_stem + ".csv", std::ios::out | std::ios::trunc);
    if (!csv)
    {
        throw std::runtime_error("NrSecurityDatasetWriter: cannot create " + m_stem + ".csv");
    }
    NrSecurityPcapWriter pcap;
    pcap.Open(m_stem + ".pcap");
    csv << "frame,time_s,cell_id,ue_id,rb,direction,attempt,bytes,origin,label,rx_power_dbm,"
           "outcome\n";
    for (const Row& r : m_rows)
    {
        const NrSecurityAirFrame& f = r.frame;
        std::vector<uint8_t> pdu(f.pdu->GetSize());
        f.pdu->CopyData(pdu.data(), pdu.size());
        std::string number; // empty: not in the pcap
        try
        {
            pcap.Write(r.time, NrSecurityPcapFrameInfoOf(f), pdu.data(), pdu.size());
            number = std::to_string(pcap.GetFramesWritten());
        }
        catch (const std::invalid_argument& e)
        {
            // A forged frame whose metadata the framing cannot express (an empty PDU, an RB
            // id out of range): in the CSV without a pcap frame number.
            NS_LOG_WARN("dataset: frame not written to the pcap: " << e.what());
        }
        char power[32];
        std::snprintf(power, sizeof(power), "%.2f", f.rxPowerDbm);
        char time[32];
        std::snprintf(time, sizeof(time), "%.9f", r.time.GetSeconds());
        csv << number << ',' << time << ',' << f.cellId << ',' << f.ueId << ','
            << (f.type == NrSecurityRbType::SRB0 ? std::string("SRB0")
                                                 : NrSecurityRbName(f.type, f.rbId))
            << ',' << (f.uplink ? "UL" : "DL") << ',' << f.attempt << ',' << pdu.size() << ','
            << NrSecurityFrameOriginName(f.origin) << ',' << NrSecurityCsvField(Label(f)) << ','
            << power << ',' << r.outcome << '\n';
    }
    pcap.Close();
    csv.flush();
    if (!csv)
    {
        throw std::runtime_error("NrSecurityDatasetWriter: cannot write " + m_stem + ".csv");
    }
}

} // namespace ns3
