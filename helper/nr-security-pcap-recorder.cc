// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-pcap-recorder.h"

#include "ns3/log.h"
#include "ns3/nr-security-kdf.h"
#include "ns3/simulator.h"

#include <filesystem>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityPcapRecorder");

NrSecurityPcapFrameInfo
NrSecurityPcapFrameInfoOf(const NrSecurityAirFrame& frame)
{
    NrSecurityPcapFrameInfo info;
    info.ueId = frame.ueId;
    info.type = frame.type;
    info.rbId = frame.rbId;
    info.uplink = frame.uplink;
    info.snLengthBits = frame.snLengthBits;
    info.macIPresent = frame.macIPresent;
    info.sdapHeader = frame.sdapHeader;
    info.ciphered = frame.ciphered;
    info.origin = static_cast<uint8_t>(frame.origin);
    if (frame.type == NrSecurityRbType::SRB0)
    {
        // The CCCH message as is (TS 38.331 4.2.2): no PDCP, so no MAC-I and no ciphering.
        info.rbId = 0;
        info.macIPresent = false;
        info.sdapHeader = false;
        info.ciphered = false;
    }
    return info;
}

NrSecurityPcapRecorder::NrSecurityPcapRecorder(const std::string& directory, uint32_t maxUeFiles)
    : m_directory(directory)
    , m_maxUeFiles(maxUeFiles)
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
NrSecurityPcapRecorder::Watch(Ptr<NrSecurityAmf> amf)
{
    m_amf = amf;
}

void
NrSecurityPcapRecorder::Watch(Ptr<NrSecurityUeNetDevice> ue)
{
    m_ueRrcs[ue->GetUeId()] = ue->GetRrc();
    if (m_ueFiles < m_maxUeFiles)
    {
        ++m_ueFiles;
        Open("ue-" + std::to_string(ue->GetUeId()) + ".pcap", ue);
    }
}

void
NrSecurityPcapRecorder::Watch(Ptr<NrSecurityGnbNetDevice> gnb)
{
    Open("gnb-" + std::to_string(gnb->GetCellId()) + ".pcap", gnb);
    NrSecurityGnbRrc* rrc = PeekPointer(gnb->GetRrc());
    rrc->TraceConnectWithoutContext(
        "SmcStep", MakeCallback(&NrSecurityPcapRecorder::OnGnbStep, this).Bind(rrc));
    rrc->TraceConnectWithoutContext(
        "KeyChange", MakeCallback(&NrSecurityPcapRecorder::OnGnbKeyChange, this).Bind(rrc));
}

void
NrSecurityPcapRecorder::OnFrame(NrSecurityPcapWriter* writer, const NrSecurityAirFrame& frame)
{
    if (m_flushed)
    {
        return;
    }
    if (!frame.pdu)
    {
        ++m_omissions; // nothing to write (the channel refuses such frames)
        NS_LOG_WARN("frame of UE " << frame.ueId << " without a PDU: not written to the pcap");
        return;
    }
    std::vector<uint8_t> pdu(frame.pdu->GetSize());
    frame.pdu->CopyData(pdu.data(), pdu.size());
    try
    {
        writer->Write(Simulator::Now(), NrSecurityPcapFrameInfoOf(frame), pdu.data(), pdu.size());
    }
    catch (const std::invalid_argument& e)
    {
        // A forged frame whose metadata the pdcp-nr framing cannot express (an SRB identity
        // above 3, an empty PDU, ...): not in the pcap, counted, the run goes on.
        ++m_omissions;
        NS_LOG_WARN("frame of UE " << frame.ueId << " not written to the pcap: " << e.what());
    }
}

void
NrSecurityPcapRecorder::OnGnbStep(NrSecurityGnbRrc* rrc,
                                  uint32_t ueId,
                                  uint32_t step,
                                  const std::string&)
{
    const NrSecurityGnbUeContext* ue = rrc->GetUeContext(ueId);
    if (step != 26 || !ue)
    {
        return;
    }
    NrSecurityPcapUeKeys k;
    k.ueId = ueId;
    k.kGnb = ue->kGnb;
    k.kRrcEnc = ue->keys.kRrcEnc;
    k.kRrcInt = ue->keys.kRrcInt;
    k.kUpEnc = ue->keys.kUpEnc;
    k.kUpInt = ue->keys.kUpInt;
    if (m_amf && m_amf->HasUe(ueId))
    {
        k.kAmf = m_amf->GetUe(ueId).kAmf;
        k.ulNasCount = m_amf->GetUe(ueId).ulNasCount;
    }
    else if (auto it = m_ueRrcs.find(ueId); it != m_ueRrcs.end() && it->second)
    {
        k.kAmf = it->second->GetKamf();
        k.ulNasCount = it->second->GetUlNasCount();
    }
    k.epoch = 0;
    k.ncc = 0;
    k.cellId = rrc->GetCellInfo().cellId;
    if (m_keys.empty())
    {
        m_nea = ue->nea;
        m_nia = ue->nia;
    }
    // A later SecurityModeCommand to the same UE starts a new connection: its rows go.
    std::vector<NrSecurityPcapUeKeys> kept;
    for (const auto& existing : m_keys)
    {
        if (existing.ueId != ueId)
        {
            kept.push_back(existing);
        }
    }
    m_keys = kept;
    m_keys.push_back(k);
}

void
NrSecurityPcapRecorder::OnGnbKeyChange(NrSecurityGnbRrc* rrc,
                                       uint32_t ueId,
                                       const NrSecurityKeyEpoch& epoch)
{
    if (epoch.epoch == 0 || m_flushed)
    {
        return; // epoch 0: at the SecurityModeCommand (OnGnbStep), with the selected algorithms
    }
    // The gNB may select the algorithms in the same event (handover target): read them after it.
    Ptr<NrSecurityGnbRrc> keep = rrc;
    NrSecurityKeyEpoch e = epoch;
    Simulator::ScheduleNow(&NrSecurityPcapRecorder::StoreGnbKeys, this, keep, ueId, e);
}

void
NrSecurityPcapRecorder::StoreGnbKeys(Ptr<NrSecurityGnbRrc> rrc,
                                     uint32_t ueId,
                                     const NrSecurityKeyEpoch& e)
{
    const NrSecurityGnbUeContext* ue = rrc->GetUeContext(ueId);
    NrSecurityPcapUeKeys k;
    k.ueId = ueId;
    k.kGnb = e.kGnb;
    k.epoch = e.epoch;
    k.ncc = e.ncc;
    k.cellId = e.cellId;
    const uint8_t nea = ue ? static_cast<uint8_t>(ue->nea) : static_cast<uint8_t>(m_nea);
    const uint8_t nia = ue ? static_cast<uint8_t>(ue->nia) : static_cast<uint8_t>(m_nia);
    const NrSecurityAsKeys as = NrSecurityKdf::DeriveAsKeys(e.kGnb, nea, nia);
    k.kRrcEnc = as.kRrcEnc;
    k.kRrcInt = as.kRrcInt;
    k.kUpEnc = as.kUpEnc;
    k.kUpInt = as.kUpInt;
    for (const auto& existing : m_keys)
    {
        if (existing.ueId == ueId)
        {
            k.kAmf = existing.kAmf; // the NAS context of the connection
            k.ulNasCount = existing.ulNasCount;
        }
    }
    Store(k);
}

void
NrSecurityPcapRecorder::Store(const NrSecurityPcapUeKeys& k)
{
    if (m_flushed)
    {
        return;
    }
    for (auto& existing : m_keys)
    {
        if (existing.ueId == k.ueId && existing.epoch == k.epoch)
        {
            existing = k;
            return;
        }
    }
    m_keys.push_back(k);
}

uint64_t
NrSecurityPcapRecorder::GetOmissions() const
{
    return m_omissions;
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
    // Wireshark's UAT has one entry per UE: the keys of its SecurityModeCommand (epoch 0).
    std::vector<NrSecurityPcapUeKeys> first;
    for (const auto& k : m_keys)
    {
        if (k.epoch == 0)
        {
            first.push_back(k);
        }
    }
    const std::string profile = m_directory + "/wireshark/profiles/nr-security";
    std::filesystem::create_directories(profile);
    for (const std::string& dir : {m_directory, profile})
    {
        NrSecurityPcapWriter::WriteWiresharkUeKeys(dir + "/pdcp_nr_ue_keys", first);
        NrSecurityPcapWriter::WriteWiresharkPreferences(dir + "/preferences", m_nea, m_nia);
    }
}

} // namespace ns3
