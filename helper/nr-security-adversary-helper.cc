// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-adversary-helper.h"

#include "nr-security-dataset-writer.h"
#include "nr-security-pcap-recorder.h"
#include "nr-security-pcap-writer.h"
#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityAdversaryHelper");

namespace
{

/// The adversary types SetAdversaryAttribute applies to.
std::vector<TypeId>
AdversaryTypes()
{
    return {NrSecuritySniffer::GetTypeId(),
            NrSecurityInjector::GetTypeId(),
            NrSecurityJammer::GetTypeId(),
            NrSecurityMitmRelay::GetTypeId()};
}

/// Creates the parent folder of a file if missing. \throws std::runtime_error
void
CreateParent(const std::string& caller, const std::string& filename)
{
    const std::filesystem::path folder = std::filesystem::path(filename).parent_path();
    if (folder.empty())
    {
        return;
    }
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (!std::filesystem::is_directory(folder))
    {
        throw std::runtime_error(caller + ": cannot create the folder " + folder.string());
    }
}

/// Writes one sniffed frame to a pcap writer.
void
WriteSniffed(Ptr<NrSecurityPcapWriter> w, const NrSecurityAirFrame& frame)
{
    if (!w->IsOpen() || !frame.pdu || frame.pdu->GetSize() == 0)
    {
        return;
    }
    std::vector<uint8_t> pdu(frame.pdu->GetSize());
    frame.pdu->CopyData(pdu.data(), pdu.size());
    try
    {
        w->Write(Simulator::Now(), NrSecurityPcapFrameInfoOf(frame), pdu.data(), pdu.size());
    }
    catch (const std::invalid_argument& e)
    {
        // a forged frame whose metadata Wireshark's framing cannot express (e.g. RB id 40)
        NS_LOG_WARN("frame not written to the sniffer pcap: " << e.what());
    }
}

/**
 * Flushes the dataset writer (a ScheduleDestroy event: it holds a reference until it runs).
 * \param d the dataset writer
 */
void
FlushDatasetAtDestroy(std::shared_ptr<NrSecurityDatasetWriter> d)
{
    d->Flush();
}

} // namespace

NrSecurityAdversaryHelper::NrSecurityAdversaryHelper(Ptr<NrSecurityHelper> network)
    : m_network(network)
    , m_random(CreateObject<UniformRandomVariable>())
{
    NS_ABORT_MSG_IF(!network, "NrSecurityAdversaryHelper: no network");
}

NrSecurityAdversaryHelper::~NrSecurityAdversaryHelper() = default;

void
NrSecurityAdversaryHelper::SetAdversaryAttribute(const std::string& n, const AttributeValue& v)
{
    bool found = false;
    for (const TypeId& tid : AdversaryTypes())
    {
        TypeId::AttributeInformation info;
        if (!tid.LookupAttributeByName(n, &info))
        {
            continue;
        }
        found = true;
        Ptr<AttributeValue> valid = info.checker->CreateValidValue(v);
        if (!valid)
        {
            throw std::invalid_argument("SetAdversaryAttribute: invalid value for " + n + " ("
                                        + info.checker->GetUnderlyingTypeInformation() + ")");
        }
        m_attributes.emplace_back(n, valid);
        return;
    }
    if (!found)
    {
        throw std::invalid_argument("SetAdversaryAttribute: no adversary device has attribute "
                                    + n);
    }
}

void
NrSecurityAdversaryHelper::SetFalseBaseStationRrcAttribute(const std::string& n,
                                                           const AttributeValue& v)
{
    TypeId::AttributeInformation info;
    if (!NrSecurityGnbRrc::GetTypeId().LookupAttributeByName(n, &info))
    {
        throw std::invalid_argument(
            "SetFalseBaseStationRrcAttribute: ns3::NrSecurityGnbRrc has no attribute " + n);
    }
    Ptr<AttributeValue> valid = info.checker->CreateValidValue(v);
    if (!valid)
    {
        throw std::invalid_argument("SetFalseBaseStationRrcAttribute: invalid value for " + n + " ("
                                    + info.checker->GetUnderlyingTypeInformation() + ")");
    }
    m_fbsRrcAttributes.emplace_back(n, valid);
}

void
NrSecurityAdversaryHelper::Configure(Ptr<Object> dev) const
{
    const TypeId tid = dev->GetInstanceTypeId();
    for (const auto& [name, value] : m_attributes)
    {
        TypeId::AttributeInformation info;
        if (tid.LookupAttributeByName(name, &info))
        {
            dev->SetAttribute(name, *value);
        }
    }
}

template <typename T>
Ptr<T>
NrSecurityAdversaryHelper::InstallAdversary(Ptr<Node> node)
{
    NS_ABORT_MSG_IF(!node, "NrSecurityAdversaryHelper: no node");
    Ptr<T> dev = CreateObject<T>();
    Configure(dev);
    node->AddDevice(dev);
    dev->Start(m_network->GetChannel());
    return dev;
}

Ptr<NrSecuritySniffer>
NrSecurityAdversaryHelper::InstallSniffer(Ptr<Node> node)
{
    return InstallAdversary<NrSecuritySniffer>(node);
}

Ptr<NrSecurityInjector>
NrSecurityAdversaryHelper::InstallInjector(Ptr<Node> node)
{
    return InstallAdversary<NrSecurityInjector>(node);
}

Ptr<NrSecurityJammer>
NrSecurityAdversaryHelper::InstallJammer(Ptr<Node> node)
{
    return InstallAdversary<NrSecurityJammer>(node);
}

Ptr<NrSecurityMitmRelay>
NrSecurityAdversaryHelper::InstallRelay(Ptr<Node> node, Ptr<NetDevice> realGnb)
{
    Ptr<NrSecurityGnbNetDevice> real = DynamicCast<NrSecurityGnbNetDevice>(realGnb);
    if (!real || real->GetChannel() != m_network->GetChannel())
    {
        throw std::invalid_argument("InstallRelay: realGnb is not a gNB device of the network");
    }
    NS_ABORT_MSG_IF(!node, "InstallRelay: no node");
    Ptr<NrSecurityMitmRelay> relay = CreateObject<NrSecurityMitmRelay>();
    Configure(relay);
    m_network->AddAdversaryGnb(relay, node, false);
    relay->SetRealCell(real);
    relay->Start(m_network->GetChannel());
    return relay;
}

Ptr<NrSecurityGnbNetDevice>
NrSecurityAdversaryHelper::InstallFalseBaseStation(Ptr<Node> node, Ptr<NetDevice> clone)
{
    Ptr<NrSecurityGnbNetDevice> original;
    if (clone)
    {
        original = DynamicCast<NrSecurityGnbNetDevice>(clone);
        if (!original)
        {
            throw std::invalid_argument("InstallFalseBaseStation: clone is not a gNB device");
        }
    }
    NS_ABORT_MSG_IF(!node, "InstallFalseBaseStation: no node");
    if (!m_fbsAmf)
    {
        m_fbsAmf = CreateObject<NrSecurityAmf>();
    }
    // The attacker's AMF knows the UEs, but not their keys: a random K_AMF for each.
    NetDeviceContainer ues = m_network->GetUeDevices();
    for (auto it = ues.Begin(); it != ues.End(); ++it)
    {
        Ptr<NrSecurityUeNetDevice> ue = DynamicCast<NrSecurityUeNetDevice>(*it);
        if (!ue || m_fbsAmf->HasUe(ue->GetUeId()))
        {
            continue;
        }
        NrSecurityAmfUeContext c;
        for (auto& b : c.kAmf)
        {
            b = static_cast<uint8_t>(m_random->GetInteger(0, 255));
        }
        c.ulNasCount = 0;
        c.caps = ue->GetRrc()->GetCapabilities();
        c.emergency = false;
        m_fbsAmf->AddUe(ue->GetUeId(), c);
    }
    Ptr<NrSecurityGnbNetDevice> fbs = CreateObject<NrSecurityGnbNetDevice>();
    fbs->SetAttribute("FalseBaseStation", BooleanValue(true));
    Configure(fbs);
    const uint16_t cellId = m_network->AddAdversaryGnb(fbs, node, true);
    Ptr<NrSecurityGnbRrc> rrc = fbs->GetRrc();
    if (original)
    {
        const NrSecurityCellInfo info = original->GetCellInfo();
        rrc->SetAttribute("PhysCellId", UintegerValue(info.pci));
        rrc->SetAttribute("ArfcnDl", UintegerValue(info.arfcnDl));
        rrc->SetAttribute("CellIdentity", UintegerValue(info.cellIdentity));
    }
    else
    {
        rrc->SetAttribute("PhysCellId", UintegerValue(cellId % 1008));
    }
    for (const auto& [name, value] : m_fbsRrcAttributes)
    {
        rrc->SetAttribute(name, *value);
    }
    rrc->SetAmf(m_fbsAmf);
    return fbs;
}

Ptr<NrSecurityAmf>
NrSecurityAdversaryHelper::GetFalseBaseStationAmf() const
{
    return m_fbsAmf;
}

void
NrSecurityAdversaryHelper::EnablePcap(Ptr<NrSecuritySniffer> sniffer, const std::string& filename)
{
    NS_ABORT_MSG_IF(!sniffer, "EnablePcap: no sniffer");
    CreateParent("EnablePcap", filename);
    Ptr<NrSecurityPcapWriter> w = Create<NrSecurityPcapWriter>();
    w->Open(filename);
    m_pcaps.push_back(w);
    sniffer->TraceConnectWithoutContext("FrameHeard", MakeBoundCallback(&WriteSniffed, w));
    Simulator::ScheduleDestroy(&NrSecurityPcapWriter::Close, w);
}

void
NrSecurityAdversaryHelper::EnableDataset(const std::string& filename,
                                         const std::string& attackLabel)
{
    CreateParent("EnableDataset", filename);
    m_dataset = std::make_shared<NrSecurityDatasetWriter>(filename, attackLabel);
    m_dataset->Watch(m_network->GetChannel());
    std::shared_ptr<NrSecurityDatasetWriter> d = m_dataset;
    Simulator::ScheduleDestroy(&FlushDatasetAtDestroy, d);
}

std::shared_ptr<NrSecurityDatasetWriter>
NrSecurityAdversaryHelper::GetDatasetWriter() const
{
    return m_dataset;
}

int64_t
NrSecurityAdversaryHelper::AssignStreams(int64_t stream)
{
    m_random->SetStream(stream);
    return 1;
}

} // namespace ns3
