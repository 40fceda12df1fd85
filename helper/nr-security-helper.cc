// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-helper.h"

#include "nr-security-key-epoch-writer.h"
#include "nr-security-msc-writer.h"
#include "nr-security-pcap-recorder.h"
#include "nr-security-report-writer.h"
#include "nr-security-trace-writer.h"
#include "nr-security-user-plane.h"
#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityHelper");

namespace
{

/**
 * \return the value of attribute n of tid as its checker accepts it
 * \throws std::invalid_argument naming the caller and the attribute, and what is allowed, if
 *         tid has no such attribute or its checker refuses v
 */
Ptr<AttributeValue>
CheckedValue(const std::string& caller, TypeId tid, const std::string& n, const AttributeValue& v)
{
    TypeId::AttributeInformation info;
    if (!tid.LookupAttributeByName(n, &info))
    {
        throw std::invalid_argument(caller + ": " + tid.GetName() + " has no attribute " + n);
    }
    Ptr<AttributeValue> valid = info.checker->CreateValidValue(v);
    if (!valid)
    {
        throw std::invalid_argument(caller + ": invalid value for " + n + " ("
                                    + info.checker->GetUnderlyingTypeInformation() + ")");
    }
    return valid;
}

/**
 * Creates a folder and its parents if missing (an empty name is the current folder).
 * \throws std::runtime_error naming the caller and the folder if it cannot be created
 */
void
CreateFolder(const std::string& caller, const std::filesystem::path& folder)
{
    if (folder.empty())
    {
        return;
    }
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (!std::filesystem::is_directory(folder))
    {
        throw std::runtime_error(caller + ": cannot create the folder " + folder.string() + ": "
                                 + (ec ? ec.message() : std::string("not a directory")));
    }
}

/**
 * Flushes a writer (a ScheduleDestroy event: the event holds a reference until it runs).
 * \tparam W the writer type (with Flush())
 * \param w the writer
 */
template <typename W>
void
FlushAtDestroy(std::shared_ptr<W> w)
{
    w->Flush();
}

/**
 * Closes a writer (a ScheduleDestroy event: the event holds a reference until it runs).
 * \tparam W the writer type (with Close())
 * \param w the writer
 */
template <typename W>
void
CloseAtDestroy(std::shared_ptr<W> w)
{
    w->Close();
}

/**
 * The UE attaches to the gNB's cell (the cell id as it is when the event runs).
 * \param ue the UE
 * \param g the gNB
 */
void
AttachAtEvent(Ptr<NrSecurityUeNetDevice> ue, Ptr<NrSecurityGnbNetDevice> g)
{
    ue->Attach(g->GetCellId());
}

/**
 * Starts a handover at the gNB serving the UE when the event runs (the UE may have moved since
 * it was scheduled).
 * \param u the UE
 * \param channel the channel that knows the gNBs
 * \param targetCellId the target cell (unused for INTRA_CELL: the serving cell)
 * \param type the handover type
 */
void
HandoverAtEvent(Ptr<NrSecurityUeNetDevice> u,
                Ptr<NrSecurityChannel> channel,
                uint16_t targetCellId,
                NrSecurityHandoverType type)
{
    Ptr<NrSecurityGnbNetDevice> source = channel->GetGnb(u->GetServingCellId());
    if (!source)
    {
        NS_LOG_WARN("Handover: UE " << u->GetUeId() << " has no serving cell");
        return;
    }
    const uint16_t to
        = type == NrSecurityHandoverType::INTRA_CELL ? source->GetCellId() : targetCellId;
    source->GetRrc()->Handover(u->GetUeId(), to, type);
}

/**
 * The gNB serving the UE when the event runs suspends it (RRCRelease with suspendConfig).
 * \param u the UE
 * \param channel the channel that knows the gNBs
 */
void
SuspendAtEvent(Ptr<NrSecurityUeNetDevice> u, Ptr<NrSecurityChannel> channel)
{
    Ptr<NrSecurityGnbNetDevice> gnb = channel->GetGnb(u->GetServingCellId());
    if (!gnb)
    {
        NS_LOG_WARN("Suspend: UE " << u->GetUeId() << " has no serving cell");
        return;
    }
    gnb->GetRrc()->Suspend(u->GetUeId());
}

/**
 * The UE resumes from RRC_INACTIVE.
 * \param u the UE
 */
void
ResumeAtEvent(Ptr<NrSecurityUeNetDevice> u)
{
    u->GetRrc()->Resume();
}

/**
 * Flushes the trace writer, then the key epoch writer (one ScheduleDestroy event).
 * \param t the trace writer
 * \param k the key epoch writer
 */
void
FlushTracesAtDestroy(std::shared_ptr<NrSecurityTraceWriter> t,
                     std::shared_ptr<NrSecurityKeyEpochWriter> k)
{
    t->Flush();
    k->Flush();
}

} // namespace

NS_OBJECT_ENSURE_REGISTERED(NrSecurityHelper);

TypeId
NrSecurityHelper::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::NrSecurityHelper")
              .SetParent<Object>()
              .SetGroupName("NrSecurity")
              .AddConstructor<NrSecurityHelper>()
              .AddAttribute("UlNasCount",
                            "Uplink NAS COUNT given to UEs installed afterwards (K_gNB input, "
                            "TS 33.501 A.9); 0 is right only after a fresh registration.",
                            UintegerValue(0),
                            MakeUintegerAccessor(&NrSecurityHelper::m_ulNasCount),
                            MakeUintegerChecker<uint32_t>())
              .AddAttribute("PropagationLossModel",
                            "The channel's path loss (its PropagationLossModel attribute): the "
                            "RSRP of each cell at each UE, for measurements, cell selection "
                            "and Attach(ues, gnbs) to the strongest gNB.",
                            PointerValue(CreateObject<LogDistancePropagationLossModel>()),
                            MakePointerAccessor(&NrSecurityHelper::SetPropagationLossModel,
                                                &NrSecurityHelper::GetPropagationLossModel),
                            MakePointerChecker<PropagationLossModel>());
    return tid;
}

NrSecurityHelper::NrSecurityHelper()
    : m_channel(CreateObject<NrSecurityChannel>())
    , m_amf(CreateObject<NrSecurityAmf>())
    , m_xn(CreateObject<NrSecurityXn>())
    , m_random(CreateObject<UniformRandomVariable>())
    , m_ulNasCount(0)
    , m_nextCellId(1)
    , m_nextUeId(1)
{
    m_gnbDeviceFactory.SetTypeId(NrSecurityGnbNetDevice::GetTypeId());
    m_ueDeviceFactory.SetTypeId(NrSecurityUeNetDevice::GetTypeId());
}

NrSecurityHelper::~NrSecurityHelper() = default;

void
NrSecurityHelper::DoDispose()
{
    if (m_pcap)
    {
        m_pcap->Flush();
    }
    if (m_traces)
    {
        m_traces->Flush();
    }
    m_channel = nullptr;
    if (m_keyEpochs)
    {
        m_keyEpochs->Flush();
    }
    m_amf = nullptr;
    if (m_xn)
    {
        m_xn->Dispose();
        m_xn = nullptr;
    }
    m_random = nullptr;
    m_loss = nullptr;
    Object::DoDispose();
}

void
NrSecurityHelper::SetPropagationLossModel(Ptr<PropagationLossModel> loss)
{
    m_loss = loss;
    if (m_channel)
    {
        m_channel->SetAttribute("PropagationLossModel", PointerValue(loss));
    }
}

Ptr<PropagationLossModel>
NrSecurityHelper::GetPropagationLossModel() const
{
    return m_loss;
}

void
NrSecurityHelper::SetChannelAttribute(const std::string& n, const AttributeValue& v)
{
    m_channel->SetAttribute(
        n, *CheckedValue("SetChannelAttribute", m_channel->GetInstanceTypeId(), n, v));
}

void
NrSecurityHelper::SetGnbRrcAttribute(const std::string& n, const AttributeValue& v)
{
    m_gnbRrcAttributes.emplace_back(
        n, CheckedValue("SetGnbRrcAttribute", NrSecurityGnbRrc::GetTypeId(), n, v));
}

void
NrSecurityHelper::SetUeRrcAttribute(const std::string& n, const AttributeValue& v)
{
    m_ueRrcAttributes.emplace_back(
        n, CheckedValue("SetUeRrcAttribute", NrSecurityUeRrc::GetTypeId(), n, v));
}

void
NrSecurityHelper::SetAmfAttribute(const std::string& n, const AttributeValue& v)
{
    m_amf->SetAttribute(n, *CheckedValue("SetAmfAttribute", m_amf->GetInstanceTypeId(), n, v));
}

void
NrSecurityHelper::SetUeDeviceAttribute(const std::string& n, const AttributeValue& v)
{
    m_ueDeviceFactory.Set(
        n, *CheckedValue("SetUeDeviceAttribute", m_ueDeviceFactory.GetTypeId(), n, v));
}

void
NrSecurityHelper::SetGnbDeviceAttribute(const std::string& n, const AttributeValue& v)
{
    m_gnbDeviceFactory.Set(
        n, *CheckedValue("SetGnbDeviceAttribute", m_gnbDeviceFactory.GetTypeId(), n, v));
}

NrSecurityKey256
NrSecurityHelper::RandomKey()
{
    NrSecurityKey256 k;
    for (auto& b : k)
    {
        b = static_cast<uint8_t>(m_random->GetInteger(0, 255));
    }
    return k;
}

template <typename Device>
void
NrSecurityHelper::WatchWithOutputs(Ptr<Device> dev)
{
    if (m_traces)
    {
        m_traces->Watch(dev);
    }
    if (m_pcap)
    {
        m_pcap->Watch(dev);
    }
    if (m_msc)
    {
        m_msc->Watch(dev);
    }
    if (m_keyEpochs)
    {
        m_keyEpochs->Watch(dev);
    }
    if (m_report)
    {
        m_report->Watch(dev);
    }
}

NetDeviceContainer
NrSecurityHelper::InstallGnbDevice(NodeContainer nodes)
{
    NetDeviceContainer devices;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<NrSecurityGnbNetDevice> dev = m_gnbDeviceFactory.Create<NrSecurityGnbNetDevice>();
        const uint16_t cellId = m_nextCellId++;
        dev->SetCellId(cellId);
        Ptr<NrSecurityGnbRrc> rrc = dev->GetRrc();
        bool pciSet = false;
        for (const auto& [name, value] : m_gnbRrcAttributes)
        {
            rrc->SetAttribute(name, *value);
            pciSet = pciSet || name == "PhysCellId";
        }
        if (!pciSet)
        {
            // A distinct PCI per cell (0..1007, TS 38.331 PhysCellId): the cell id, wrapping
            // after 1008 cells.
            rrc->SetAttribute("PhysCellId", UintegerValue(cellId % 1008));
        }
        rrc->SetAmf(m_amf);
        dev->SetChannel(m_channel);
        (*it)->AddDevice(dev);
        m_channel->AddGnb(dev);
        m_xn->AddGnb(dev);
        m_gnbs.Add(dev);
        if (m_userPlane)
        {
            m_userPlane->AddGnb(dev);
        }
        WatchWithOutputs(dev);
        devices.Add(dev);
    }
    return devices;
}

NetDeviceContainer
NrSecurityHelper::InstallUeDevice(NodeContainer nodes)
{
    NetDeviceContainer devices;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<NrSecurityUeNetDevice> dev = m_ueDeviceFactory.Create<NrSecurityUeNetDevice>();
        dev->SetUeId(m_nextUeId++);
        for (const auto& [name, value] : m_ueRrcAttributes)
        {
            dev->GetRrc()->SetAttribute(name, *value);
        }
        dev->SetChannel(m_channel);
        (*it)->AddDevice(dev);
        m_channel->AddUe(dev);
        m_ues.Add(dev);
        SetUeSecurityContext(dev, RandomKey(), m_ulNasCount);
        WatchWithOutputs(dev);
        devices.Add(dev);
    }
    return devices;
}

NetDeviceContainer
NrSecurityHelper::GetUeDevices() const
{
    return m_ues;
}

NetDeviceContainer
NrSecurityHelper::GetGnbDevices() const
{
    return m_gnbs;
}

uint16_t
NrSecurityHelper::AddAdversaryGnb(Ptr<NrSecurityGnbNetDevice> gnb, Ptr<Node> node, bool traces)
{
    const uint16_t cellId = m_nextCellId++;
    gnb->SetCellId(cellId);
    gnb->SetChannel(m_channel);
    node->AddDevice(gnb);
    m_channel->AddGnb(gnb);
    if (traces)
    {
        m_adversaryGnbs.Add(gnb);
        if (m_traces)
        {
            m_traces->Watch(gnb);
        }
    }
    return cellId;
}

void
NrSecurityHelper::SetUeSecurityContext(Ptr<NetDevice> ue,
                                       const NrSecurityKey256& kAmf,
                                       uint32_t ulNasCount)
{
    Ptr<NrSecurityUeNetDevice> dev = DynamicCast<NrSecurityUeNetDevice>(ue);
    NS_ABORT_MSG_IF(!dev, "SetUeSecurityContext: not an NrSecurityUeNetDevice");
    Ptr<NrSecurityUeRrc> rrc = dev->GetRrc();
    rrc->SetNasSecurityContext(kAmf, ulNasCount);
    NrSecurityAmfUeContext c;
    c.kAmf = kAmf;
    c.ulNasCount = ulNasCount;
    c.caps = rrc->GetCapabilities();
    c.emergency = rrc->IsEmergency();
    m_amf->AddUe(dev->GetUeId(), c);
}

void
NrSecurityHelper::SetUeCapabilities(Ptr<NetDevice> ue,
                                    const NrSecurityUeCapabilities& caps,
                                    bool emergency)
{
    Ptr<NrSecurityUeNetDevice> dev = DynamicCast<NrSecurityUeNetDevice>(ue);
    NS_ABORT_MSG_IF(!dev, "SetUeCapabilities: not an NrSecurityUeNetDevice");
    dev->GetRrc()->SetCapabilities(caps);
    dev->GetRrc()->SetAttribute("Emergency", BooleanValue(emergency));
    NrSecurityAmfUeContext c = m_amf->GetUe(dev->GetUeId());
    c.caps = caps;
    c.emergency = emergency;
    m_amf->AddUe(dev->GetUeId(), c);
}

void
NrSecurityHelper::Attach(NetDeviceContainer ues, Ptr<NetDevice> gnb, Time when)
{
    Ptr<NrSecurityGnbNetDevice> g = DynamicCast<NrSecurityGnbNetDevice>(gnb);
    NS_ABORT_MSG_IF(!g, "Attach: not an NrSecurityGnbNetDevice");
    for (auto it = ues.Begin(); it != ues.End(); ++it)
    {
        Ptr<NrSecurityUeNetDevice> ue = DynamicCast<NrSecurityUeNetDevice>(*it);
        NS_ABORT_MSG_IF(!ue, "Attach: not an NrSecurityUeNetDevice");
        // The UE starts RRC connection establishment (RRCSetupRequest on SRB0); the gNB
        // learns of it from that message.
        Simulator::Schedule(when, &AttachAtEvent, ue, g);
    }
}

void
NrSecurityHelper::Attach(NetDeviceContainer ues, NetDeviceContainer gnbs, Time when)
{
    NS_ABORT_MSG_IF(gnbs.GetN() == 0, "Attach: no gNB");
    for (auto it = ues.Begin(); it != ues.End(); ++it)
    {
        Ptr<MobilityModel> ueMob = (*it)->GetNode()->GetObject<MobilityModel>();
        NS_ABORT_MSG_IF(!ueMob, "Attach to the strongest gNB needs MobilityModels");
        Ptr<NrSecurityUeNetDevice> ue = DynamicCast<NrSecurityUeNetDevice>(*it);
        NS_ABORT_MSG_IF(!ue, "Attach: not an NrSecurityUeNetDevice");
        Ptr<NetDevice> best = gnbs.Get(0);
        double bestDbm = -1e300;
        for (auto g = gnbs.Begin(); g != gnbs.End(); ++g)
        {
            Ptr<MobilityModel> gMob = (*g)->GetNode()->GetObject<MobilityModel>();
            NS_ABORT_MSG_IF(!gMob, "Attach to the strongest gNB needs MobilityModels");
            Ptr<NrSecurityGnbNetDevice> gnb = DynamicCast<NrSecurityGnbNetDevice>(*g);
            NS_ABORT_MSG_IF(!gnb, "Attach: not an NrSecurityGnbNetDevice");
            const double rx = m_channel->GetRsrpDbm(ue, gnb);
            if (rx > bestDbm)
            {
                bestDbm = rx;
                best = *g;
            }
        }
        NetDeviceContainer one(*it);
        Attach(one, best, when);
    }
}

void
NrSecurityHelper::EnableTraces(const std::string& filename)
{
    CreateFolder("EnableTraces", std::filesystem::path(filename).parent_path());
    m_traces = std::make_shared<NrSecurityTraceWriter>(filename);
    m_keyEpochs = std::make_shared<NrSecurityKeyEpochWriter>(
        NrSecurityKeyEpochWriter::KeyEpochFileName(filename));
    m_traces->Watch(m_channel);
    for (auto it = m_gnbs.Begin(); it != m_gnbs.End(); ++it)
    {
        m_traces->Watch(DynamicCast<NrSecurityGnbNetDevice>(*it));
        m_keyEpochs->Watch(DynamicCast<NrSecurityGnbNetDevice>(*it));
    }
    for (auto it = m_ues.Begin(); it != m_ues.End(); ++it)
    {
        m_traces->Watch(DynamicCast<NrSecurityUeNetDevice>(*it));
        m_keyEpochs->Watch(DynamicCast<NrSecurityUeNetDevice>(*it));
    }
    for (auto it = m_adversaryGnbs.Begin(); it != m_adversaryGnbs.End(); ++it)
    {
        m_traces->Watch(DynamicCast<NrSecurityGnbNetDevice>(*it));
    }
    std::shared_ptr<NrSecurityTraceWriter> t = m_traces;
    std::shared_ptr<NrSecurityKeyEpochWriter> k = m_keyEpochs;
    Simulator::ScheduleDestroy(&FlushTracesAtDestroy, t, k);
}

void
NrSecurityHelper::EnablePcap(const std::string& directory, uint32_t maxUeFiles)
{
    CreateFolder("EnablePcap", directory);
    m_pcap = std::make_shared<NrSecurityPcapRecorder>(directory, maxUeFiles);
    for (auto it = m_gnbs.Begin(); it != m_gnbs.End(); ++it)
    {
        m_pcap->Watch(DynamicCast<NrSecurityGnbNetDevice>(*it));
    }
    for (auto it = m_ues.Begin(); it != m_ues.End(); ++it)
    {
        m_pcap->Watch(DynamicCast<NrSecurityUeNetDevice>(*it));
    }
    std::shared_ptr<NrSecurityPcapRecorder> p = m_pcap;
    Simulator::ScheduleDestroy(&FlushAtDestroy<NrSecurityPcapRecorder>, p);
}

uint64_t
NrSecurityHelper::GetPcapOmissions() const
{
    return m_pcap ? m_pcap->GetOmissions() : 0;
}

void
NrSecurityHelper::EnableMsc(const std::string& filename, uint32_t maxUes, bool chartPerUe)
{
    if (!filename.empty())
    {
        CreateFolder("EnableMsc", std::filesystem::path(filename).parent_path());
    }
    m_msc = std::make_shared<NrSecurityMscWriter>(filename,
                                                  maxUes,
                                                  chartPerUe ? NrSecurityMscWriter::CHART_PER_UE
                                                             : NrSecurityMscWriter::ONE_CHART);
    m_msc->Watch(m_amf);
    for (auto it = m_gnbs.Begin(); it != m_gnbs.End(); ++it)
    {
        m_msc->Watch(DynamicCast<NrSecurityGnbNetDevice>(*it));
    }
    for (auto it = m_ues.Begin(); it != m_ues.End(); ++it)
    {
        m_msc->Watch(DynamicCast<NrSecurityUeNetDevice>(*it));
    }
    std::shared_ptr<NrSecurityMscWriter> m = m_msc;
    Simulator::ScheduleDestroy(&CloseAtDestroy<NrSecurityMscWriter>, m);
}

void
NrSecurityHelper::EnableReport(const std::string& filename, uint32_t ueId)
{
    if (filename.empty() || ueId == 0)
    {
        throw std::invalid_argument("EnableReport: empty file name or UE id 0");
    }
    if (m_report)
    {
        throw std::logic_error("EnableReport: call it once");
    }
    CreateFolder("EnableReport", std::filesystem::path(filename).parent_path());
    m_report = std::make_shared<NrSecurityReportWriter>(filename, ueId);
    m_report->Watch(m_amf);
    for (auto it = m_gnbs.Begin(); it != m_gnbs.End(); ++it)
    {
        m_report->Watch(DynamicCast<NrSecurityGnbNetDevice>(*it));
    }
    for (auto it = m_ues.Begin(); it != m_ues.End(); ++it)
    {
        m_report->Watch(DynamicCast<NrSecurityUeNetDevice>(*it));
    }
    std::shared_ptr<NrSecurityReportWriter> r = m_report;
    Simulator::ScheduleDestroy(&CloseAtDestroy<NrSecurityReportWriter>, r);
}

void
NrSecurityHelper::EnableUserPlane()
{
    if (m_userPlane || m_gnbs.GetN() > 0)
    {
        throw std::logic_error("EnableUserPlane: call it once, before InstallGnbDevice");
    }
    m_userPlane = std::make_shared<NrSecurityUserPlane>(m_amf);
}

bool
NrSecurityHelper::IsUserPlaneEnabled() const
{
    return m_userPlane != nullptr;
}

Ipv4InterfaceContainer
NrSecurityHelper::AssignUeIpv4Address(NetDeviceContainer ues)
{
    if (!m_userPlane)
    {
        throw std::logic_error("AssignUeIpv4Address: call EnableUserPlane first");
    }
    return m_userPlane->AssignUeIpv4Address(ues);
}

Ptr<Node>
NrSecurityHelper::CreateRemoteHost()
{
    if (!m_userPlane)
    {
        throw std::logic_error("CreateRemoteHost: call EnableUserPlane first");
    }
    return m_userPlane->CreateRemoteHost();
}

Ptr<Node>
NrSecurityHelper::GetUpfNode() const
{
    return m_userPlane ? m_userPlane->GetUpfNode() : nullptr;
}

Ptr<NrSecurityUpf>
NrSecurityHelper::GetUpf() const
{
    return m_userPlane ? m_userPlane->GetUpf() : nullptr;
}

Ptr<NrSecurityGnbN3>
NrSecurityHelper::GetGnbN3(Ptr<NetDevice> gnb) const
{
    return m_userPlane ? m_userPlane->GetGnbN3(gnb) : nullptr;
}

Ipv4Address
NrSecurityHelper::GetUeDefaultGatewayAddress() const
{
    return m_userPlane ? m_userPlane->GetUeDefaultGatewayAddress() : Ipv4Address("7.0.0.1");
}

void
NrSecurityHelper::SetUpSecurityPolicy(NetDeviceContainer ues,
                                      NrSecurityUpPolicy integrity,
                                      NrSecurityUpPolicy confidentiality)
{
    for (auto it = ues.Begin(); it != ues.End(); ++it)
    {
        Ptr<NrSecurityUeNetDevice> dev = DynamicCast<NrSecurityUeNetDevice>(*it);
        NS_ABORT_MSG_IF(!dev, "SetUpSecurityPolicy: not an NrSecurityUeNetDevice");
        std::vector<NrSecurityPduSession> sessions = m_amf->GetUe(dev->GetUeId()).pduSessions;
        for (NrSecurityPduSession& s : sessions)
        {
            s.integrity = integrity;
            s.confidentiality = confidentiality;
        }
        SetPduSessions(dev, sessions);
    }
}

void
NrSecurityHelper::SetPduSessions(Ptr<NetDevice> ue,
                                 const std::vector<NrSecurityPduSession>& sessions)
{
    Ptr<NrSecurityUeNetDevice> dev = DynamicCast<NrSecurityUeNetDevice>(ue);
    NS_ABORT_MSG_IF(!dev, "SetPduSessions: not an NrSecurityUeNetDevice");
    NrSecurityAmfUeContext c = m_amf->GetUe(dev->GetUeId());
    c.pduSessions = sessions;
    m_amf->AddUe(dev->GetUeId(), c);
}

namespace
{
/// \return the UE device, or throws naming the caller
Ptr<NrSecurityUeNetDevice>
UeDevice(const std::string& caller, Ptr<NetDevice> dev)
{
    Ptr<NrSecurityUeNetDevice> ue = DynamicCast<NrSecurityUeNetDevice>(dev);
    if (!ue)
    {
        throw std::invalid_argument(caller + ": not an NrSecurityUeNetDevice");
    }
    return ue;
}
} // namespace

void
NrSecurityHelper::Handover(Ptr<NetDevice> ue,
                           Ptr<NetDevice> targetGnb,
                           Time when,
                           NrSecurityHandoverType type)
{
    Ptr<NrSecurityUeNetDevice> u = UeDevice("Handover", ue);
    Ptr<NrSecurityGnbNetDevice> target = DynamicCast<NrSecurityGnbNetDevice>(targetGnb);
    if (!target && type != NrSecurityHandoverType::INTRA_CELL)
    {
        throw std::invalid_argument("Handover: the target is not an NrSecurityGnbNetDevice");
    }
    Ptr<NrSecurityChannel> channel = m_channel;
    const uint16_t targetCellId = target ? target->GetCellId() : 0;
    Simulator::Schedule(when, &HandoverAtEvent, u, channel, targetCellId, type);
}

void
NrSecurityHelper::TriggerRadioLinkFailure(Ptr<NetDevice> ue, Time when)
{
    Ptr<NrSecurityUeNetDevice> u = UeDevice("TriggerRadioLinkFailure", ue);
    Simulator::Schedule(when, &NrSecurityUeNetDevice::TriggerRadioLinkFailure, u);
}

void
NrSecurityHelper::Suspend(Ptr<NetDevice> ue, Time when)
{
    Ptr<NrSecurityUeNetDevice> u = UeDevice("Suspend", ue);
    Ptr<NrSecurityChannel> channel = m_channel;
    Simulator::Schedule(when, &SuspendAtEvent, u, channel);
}

void
NrSecurityHelper::Resume(Ptr<NetDevice> ue, Time when)
{
    Ptr<NrSecurityUeNetDevice> u = UeDevice("Resume", ue);
    Simulator::Schedule(when, &ResumeAtEvent, u);
}

Ptr<NrSecurityXn>
NrSecurityHelper::GetXn() const
{
    return m_xn;
}

uint64_t
NrSecurityHelper::GetPathSwitches() const
{
    return m_userPlane ? m_userPlane->GetPathSwitches() : 0;
}

Ptr<NrSecurityChannel>
NrSecurityHelper::GetChannel() const
{
    return m_channel;
}

Ptr<NrSecurityAmf>
NrSecurityHelper::GetAmf() const
{
    return m_amf;
}

int64_t
NrSecurityHelper::AssignStreams(int64_t stream)
{
    m_random->SetStream(stream);
    int64_t used = 1;
    for (auto it = m_ues.Begin(); it != m_ues.End(); ++it)
    {
        used += DynamicCast<NrSecurityUeNetDevice>(*it)->GetRrc()->AssignStreams(stream + used);
    }
    return used;
}

} // namespace ns3
