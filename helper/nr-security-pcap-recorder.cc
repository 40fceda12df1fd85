// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-pcap-recorder.h"

#include "ns3/simulator.h"

namespace ns3
{

NrSecurityPcapRecorder::NrSecurityPcapRecorder(const std::string& directory)
    : m_directory(directory)
{
}

NrSecurityPcapWriter*
NrSecurityPcapRecorder::Open(const std::string& name, Ptr<NrSecurityNetDevice> device)
{
    Ptr<NrSecurityPcapWriter> w = Create<NrSecurityPcapWriter>();
    w->Open(m_directory + "/" + name);
    m_writers.push_back(w);
    device->TraceConnectWithoutContext(
        "PduTx", MakeCallback(&NrSecurityPcapRecorder::OnFrame, this).Bind(PeekPointer(w)));
    device->TraceConnectWithoutContext(
        "PduRx", MakeCallback(&NrSecurityPcapRecorder::OnFrame, this).Bind(PeekPointer(w)));
    return PeekPointer(w);
}

void
NrSecurityPcapRecorder::Watch(Ptr<NrSecurityUeNetDevice> ue)
{
    Open("ue-" + std::to_string(ue->GetUeId()) + ".pcap", ue);
    NrSecurityUeRrc* rrc = PeekPointer(ue->GetRrc());
    rrc->TraceConnectWithoutContext(
        "SecurityActivated", MakeCallback(&NrSecurityPcapRecorder::OnActivated, this).Bind(rrc));
}

void
NrSecurityPcapRecorder::Watch(Ptr<NrSecurityGnbNetDevice> gnb)
{
    Open("gnb-" + std::to_string(gnb->GetCellId()) + ".pcap", gnb);
}

void
NrSecurityPcapRecorder::OnFrame(NrSecurityPcapWriter* writer, const NrSecurityAirFrame& frame)
{
    if (m_flushed)
    {
        return;
    }
    std::vector<uint8_t> pdu(frame.pdu->GetSize());
    frame.pdu->CopyData(pdu.data(), pdu.size());
    writer->Write(Simulator::Now(),
                  frame.ueId,
                  frame.rbId,
                  frame.srb,
                  12,
                  frame.uplink,
                  frame.srb,
                  false,
                  frame.ciphered,
                  pdu.data(),
                  pdu.size());
}

void
NrSecurityPcapRecorder::OnActivated(NrSecurityUeRrc* rrc,
                                    uint16_t ueId,
                                    const std::string&,
                                    const std::string&)
{
    NrSecurityPcapUeKeys k;
    k.ueId = ueId;
    k.kGnb = rrc->GetKgnb();
    k.kRrcEnc = rrc->GetAsKeys().kRrcEnc;
    k.kRrcInt = rrc->GetAsKeys().kRrcInt;
    k.kUpEnc = rrc->GetAsKeys().kUpEnc;
    k.kUpInt = rrc->GetAsKeys().kUpInt;
    if (m_keys.empty())
    {
        m_nea = rrc->GetCiphering();
        m_nia = rrc->GetIntegrity();
    }
    m_keys.push_back(k);
}

void
NrSecurityPcapRecorder::Flush()
{
    if (m_flushed)
    {
        return;
    }
    m_flushed = true;
    for (auto& w : m_writers)
    {
        w->Close();
    }
    NrSecurityPcapWriter::WriteKeysCsv(m_directory + "/keys.csv", m_keys);
    NrSecurityPcapWriter::WriteWiresharkUeKeys(m_directory + "/pdcp_nr_ue_keys", m_keys);
    NrSecurityPcapWriter::WriteWiresharkPreferences(m_directory + "/preferences", m_nea, m_nia);
}

} // namespace ns3
