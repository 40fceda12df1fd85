// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Ready-made scenarios for scripts: NrSecurityScenario (the AS Security Mode Command) and
 * NrSecurityRelayScenario (a man-in-the-middle relay with an interception function).
 */
#include "nr-security-scenario.h"

#include "nr-security-adversary-helper.h"
#include "nr-security-helper.h"
#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/nr-security-gnb-net-device.h"
#include "ns3/nr-security-hex.h"
#include "ns3/nr-security-mitm-relay.h"
#include "ns3/nr-security-ue-capabilities.h"
#include "ns3/nr-security-ue-net-device.h"

#include <sstream>
#include <stdexcept>

namespace ns3
{

namespace
{

/// Simulator::Destroy when it goes out of scope, exception or not.
struct DestroyGuard
{
    ~DestroyGuard()
    {
        Simulator::Destroy();
    }
};

/// Appends " " and the key's hex, or " -" \param os the stream \param present the key exists
/// \param key the key
template <typename K>
void
PutKey(std::ostringstream& os, bool present, const K& key)
{
    os << ' ' << (present ? NrSecurityToHex(key) : std::string("-"));
}

/// Appends the five keys of a side \param os the stream \param present they exist
/// \param kGnb K_gNB \param as the AS keys
void
PutKeys(std::ostringstream& os,
        bool present,
        const NrSecurityKey256& kGnb,
        const NrSecurityAsKeys& as)
{
    PutKey(os, present, kGnb);
    PutKey(os, present, as.kRrcEnc);
    PutKey(os, present, as.kRrcInt);
    PutKey(os, present, as.kUpEnc);
    PutKey(os, present, as.kUpInt);
}

/// \return the name of an RB type \param t the type
const char*
RbTypeName(NrSecurityRbType t)
{
    switch (t)
    {
        case NrSecurityRbType::SRB0:
            return "SRB0";
        case NrSecurityRbType::SRB:
            return "SRB";
        case NrSecurityRbType::DRB:
            return "DRB";
    }
    return "?";
}

/// \return a node with a constant position \param v the position (m)
Ptr<Node>
PlacedNode(const Vector& v)
{
    Ptr<Node> node = CreateObject<Node>();
    Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
    m->SetPosition(v);
    node->AggregateObject(m);
    return node;
}

/// Keeps the payloads of received packets (hex).
struct PayloadLog
{
    std::vector<std::string>* payloads; ///< where to append

    /// \param p a packet
    void Add(Ptr<const Packet> p)
    {
        std::vector<uint8_t> b(p->GetSize());
        p->CopyData(b.data(), b.size());
        payloads->push_back(NrSecurityToHex(b));
    }

    /// A UdpEchoServer's RxWithAddresses (its "Rx" changed signature in ns-3 3.47; this one is
    /// the same in every release). \param p a packet
    void AddFrom(Ptr<const Packet> p, const Address& /* from */, const Address& /* to */)
    {
        Add(p);
    }
};

/// Counts sent packets.
struct TxCounter
{
    uint64_t* sent; ///< the counter

    /// Counts one sent packet (the packet itself is not needed)
    void Count(Ptr<const Packet> /* p */)
    {
        ++*sent;
    }
};

/// Calls the interception function of a relay scenario for each frame.
struct Interception
{
    NrSecurityRelayScenario::Interceptor* fn; ///< the function
    const std::string* replacement;           ///< the PDU for REPLACE

    /// \return the relay's decision \param frame the frame (its PDU may be replaced)
    NrSecurityRelayDecision Intercept(NrSecurityAirFrame& frame)
    {
        NrSecurityRelayDecision d; // FORWARD
        NrSecurityRelayScenarioFrame f;
        f.time = Simulator::Now().GetSeconds();
        f.uplink = frame.uplink;
        f.ueId = frame.ueId;
        f.cellId = frame.cellId;
        f.rbType = RbTypeName(frame.type);
        f.rbId = frame.rbId;
        f.attempt = frame.attempt;
        f.origin = NrSecurityFrameOriginName(frame.origin);
        f.rxPowerDbm = frame.rxPowerDbm;
        f.ciphered = frame.ciphered;
        f.integrity = frame.integrity;
        f.macIPresent = frame.macIPresent;
        f.snLengthBits = frame.snLengthBits;
        f.sdapHeader = frame.sdapHeader;
        std::vector<uint8_t> bytes(frame.pdu ? frame.pdu->GetSize() : 0);
        if (!bytes.empty())
        {
            frame.pdu->CopyData(bytes.data(), bytes.size());
        }
        f.pduHex = NrSecurityToHex(bytes);
        int answer = (*fn)(f);
        if (answer == NrSecurityRelayScenario::DROP)
        {
            d.action = NrSecurityRelayAction::DROP;
        }
        else if (answer == NrSecurityRelayScenario::REPLACE)
        {
            std::vector<uint8_t> pdu = NrSecurityFromHex(*replacement);
            frame.pdu = Create<Packet>(pdu.data(), pdu.size());
        }
        return d;
    }
};

} // namespace

void
NrSecurityScenario::SetUes(uint32_t n, const NrSecurityScenarioUe& ue)
{
    ues.assign(n, ue);
}

std::string
NrSecurityScenario::Run() const
{
    if (gnbs == 0 || ues.empty() || traceFile.empty())
    {
        throw std::invalid_argument("NrSecurityScenario: gnbs, ues and traceFile are required");
    }
    std::vector<NrSecurityUeCapabilities> caps(ues.size());
    for (size_t i = 0; i < ues.size(); ++i)
    {
        caps[i].neaBitmap = NrSecurityUeCapabilities::BitmapFromList(ues[i].nea);
        caps[i].niaBitmap = NrSecurityUeCapabilities::BitmapFromList(ues[i].nia);
    }
    // A clean simulator (Destroy also resets the node and channel lists, so node ids restart
    // at 0), and again on the way out.
    Simulator::Destroy();
    DestroyGuard guard;
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(run);

    NodeContainer gnbNodes(gnbs);
    NodeContainer ueNodes(static_cast<uint32_t>(ues.size()));
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    // Fixed stream numbers, set before the first draw: the K_AMFs and losses depend on the run
    // number only, not on how many random variables earlier runs in this process created.
    nr->AssignStreams(1);
    nr->SetChannelAttribute("SubcarrierSpacing", UintegerValue(scs));
    nr->SetGnbRrcAttribute("CipheringPriority", StringValue(cipheringPriority));
    nr->SetGnbRrcAttribute("IntegrityPriority", StringValue(integrityPriority));
    if (lossRate > 0)
    {
        Ptr<RateErrorModel> loss = CreateObject<RateErrorModel>();
        loss->SetAttribute("ErrorRate", DoubleValue(lossRate));
        loss->SetAttribute("ErrorUnit", StringValue("ERROR_UNIT_PACKET"));
        loss->AssignStreams(2);
        nr->SetUeDeviceAttribute("ReceiveErrorModel", PointerValue(loss));
        nr->SetGnbDeviceAttribute("ReceiveErrorModel", PointerValue(loss));
    }
    NetDeviceContainer gnbDevs = nr->InstallGnbDevice(gnbNodes);
    NetDeviceContainer ueDevs = nr->InstallUeDevice(ueNodes);
    // Each UE RRC draws its RRCSetupRequest randomValue from its own stream: fixed numbers
    // (above the loss model's 2) keep a run repeatable in one process.
    for (uint32_t i = 0; i < ueDevs.GetN(); ++i)
    {
        DynamicCast<NrSecurityUeNetDevice>(ueDevs.Get(i))->GetRrc()->AssignStreams(100 + i);
    }
    for (uint32_t i = 0; i < ueDevs.GetN(); ++i)
    {
        const NrSecurityScenarioUe& u = ues[i];
        Ptr<NrSecurityUeNetDevice> dev = DynamicCast<NrSecurityUeNetDevice>(ueDevs.Get(i));
        NrSecurityKey256 kAmf = dev->GetRrc()->GetKamf();
        if (!u.kAmfHex.empty())
        {
            kAmf = NrSecurityAlgorithms::Key256FromBytes(NrSecurityFromHex(u.kAmfHex));
        }
        nr->SetUeSecurityContext(dev, kAmf, u.ulNasCount);
        nr->SetUeCapabilities(dev, caps[i], u.emergency);
    }
    nr->EnableTraces(traceFile);
    if (!pcapDir.empty())
    {
        nr->EnablePcap(pcapDir);
    }
    for (uint32_t g = 0; g < gnbDevs.GetN(); ++g)
    {
        NetDeviceContainer group; // round robin: UE i is served by gNB i mod gnbs
        for (uint32_t i = g; i < ueDevs.GetN(); i += gnbDevs.GetN())
        {
            group.Add(ueDevs.Get(i));
        }
        if (group.GetN() > 0)
        {
            nr->Attach(group, gnbDevs.Get(g));
        }
    }
    Simulator::Stop(Seconds(stopTime));
    Simulator::Run();

    std::ostringstream os;
    for (uint32_t i = 0; i < ueDevs.GetN(); ++i)
    {
        Ptr<NrSecurityUeNetDevice> dev = DynamicCast<NrSecurityUeNetDevice>(ueDevs.Get(i));
        Ptr<NrSecurityGnbNetDevice> gnb
            = DynamicCast<NrSecurityGnbNetDevice>(gnbDevs.Get(i % gnbDevs.GetN()));
        Ptr<NrSecurityUeRrc> rrc = dev->GetRrc();
        const bool ueActive = rrc->IsSecurityActive();
        const uint32_t ueId = dev->GetUeId();
        const NrSecurityGnbUeContext* c = gnb->GetRrc()->GetUeContext(ueId);
        const bool gnbActive = c != nullptr && c->state == NrSecurityRrcState::SECURITY_ACTIVE;
        os << ueId << ' ' << dev->GetNode()->GetId() << ' ' << gnb->GetCellId() << ' '
           << NrSecurityRrcStateName(rrc->GetState()) << ' '
           << (c != nullptr ? NrSecurityRrcStateName(c->state) : std::string("-")) << ' '
           << (ueActive ? NrSecurityAlgorithms::Name(rrc->GetCiphering()) : std::string("-")) << ' '
           << (ueActive ? NrSecurityAlgorithms::Name(rrc->GetIntegrity()) : std::string("-")) << ' '
           << NrSecurityToHex(rrc->GetKamf()) << ' ' << rrc->GetUlNasCount();
        PutKeys(os, ueActive, ueActive ? rrc->GetKgnb() : NrSecurityKey256{}, rrc->GetAsKeys());
        if (gnbActive)
        {
            PutKeys(os, true, c->kGnb, c->keys);
        }
        else
        {
            PutKeys(os, false, NrSecurityKey256{}, NrSecurityAsKeys{});
        }
        os << '\n';
    }
    Simulator::Destroy(); // runs the helper's ScheduleDestroy hooks: flushes traces and pcaps
    nr->Dispose();
    return os.str();
}

void
NrSecurityRelayScenario::SetInterceptor(Interceptor f)
{
    interceptor = f;
}

void
NrSecurityRelayScenario::SetReplacement(const std::string& pduHex)
{
    m_replacement = pduHex;
}

void
NrSecurityRelayScenario::Run()
{
    Simulator::Destroy();
    DestroyGuard guard;
    RngSeedManager::SetSeed(seed);
    RngSeedManager::SetRun(1);

    // The victims: one gNB at (0, 0, 10), one UE 100 m away; the relay 5 m from the UE (it is
    // received far stronger, so the UE selects its cell).
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    nr->EnableUserPlane();
    NodeContainer gnbNodes(PlacedNode(Vector(0, 0, 10)));
    NodeContainer ueNodes(PlacedNode(Vector(100, 0, 1.5)));
    NetDeviceContainer gnbDevs = nr->InstallGnbDevice(gnbNodes);
    NetDeviceContainer ueDevs = nr->InstallUeDevice(ueNodes);
    InternetStackHelper().Install(ueNodes);
    nr->AssignUeIpv4Address(ueDevs);
    Ptr<Node> remote = nr->CreateRemoteHost();
    const Ipv4Address remoteAddress = remote->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    nr->SetUpSecurityPolicy(ueDevs, upIntegrity, NrSecurityUpPolicy::REQUIRED);

    NrSecurityAdversaryHelper adv(nr);
    if (!datasetStem.empty())
    {
        adv.EnableDataset(datasetStem, "python-relay");
    }
    Ptr<NrSecurityMitmRelay> relay
        = adv.InstallRelay(PlacedNode(Vector(105, 0, 1.5)), gnbDevs.Get(0));
    Interception interception{&interceptor, &m_replacement};
    if (interceptor)
    {
        relay->SetInterceptCallback(MakeCallback(&Interception::Intercept, &interception));
    }
    Ptr<NrSecurityUeNetDevice> ue = DynamicCast<NrSecurityUeNetDevice>(ueDevs.Get(0));
    Simulator::Schedule(MilliSeconds(1), &NrSecurityUeNetDevice::AttachToStrongestCell, ue);

    // UDP echo: the UE sends `packets` payloads to the remote host, which echoes each back.
    serverPayloads.clear();
    uePayloads.clear();
    sent = 0;
    PayloadLog atServer{&serverPayloads};
    PayloadLog atUe{&uePayloads};
    TxCounter tx{&sent};
    UdpEchoServerHelper server(9);
    ApplicationContainer servers = server.Install(remote);
    servers.Get(0)->TraceConnectWithoutContext("RxWithAddresses",
                                               MakeCallback(&PayloadLog::AddFrom, &atServer));
    UdpEchoClientHelper client(remoteAddress, 9);
    client.SetAttribute("MaxPackets", UintegerValue(packets));
    client.SetAttribute("Interval", TimeValue(MilliSeconds(20)));
    ApplicationContainer clients = client.Install(ueNodes.Get(0));
    std::vector<uint8_t> fill = NrSecurityFromHex(payloadHex);
    client.SetFill(clients.Get(0), fill.data(), fill.size(), fill.size());
    clients.Get(0)->TraceConnectWithoutContext("Rx", MakeCallback(&PayloadLog::Add, &atUe));
    clients.Get(0)->TraceConnectWithoutContext("Tx", MakeCallback(&TxCounter::Count, &tx));
    clients.Start(MilliSeconds(300));
    Simulator::Stop(MilliSeconds(300) + MilliSeconds(20) * packets + MilliSeconds(300));
    Simulator::Run();

    Ptr<NrSecurityGnbNetDevice> gnb = DynamicCast<NrSecurityGnbNetDevice>(gnbDevs.Get(0));
    Ptr<NrSecurityGnbRrc> gnbRrc = gnb->GetRrc();
    Ptr<NrSecurityUeRrc> ueRrc = ue->GetRrc();
    const std::vector<NrSecurityDrbConfig> drbs = ueRrc->GetDrbConfigs();
    captured = relay->GetCapturedUes().count(ue->GetUeId()) > 0;
    servingCellId = ue->GetServingCellId();
    relayCellId = relay->GetCellId();
    realCellId = gnb->GetCellId();
    ueState = NrSecurityRrcStateName(ueRrc->GetState());
    securityActive = ueRrc->IsSecurityActive();
    upIntegrityConfigured = drbs.empty() ? -1 : (drbs[0].integrityProtection ? 1 : 0);
    relayForwarded = relay->GetForwarded();
    relayRewritten = relay->GetRewritten();
    relayDropped = relay->GetDropped();
    gnbIntegrityFailures = gnbRrc->GetIntegrityFailures();
    gnbDrbIntegrityFailures = gnbRrc->GetDrbIntegrityFailures();
    gnbIntegrityDiscards = gnbRrc->GetPdcpDiscards("integrity");
    ueIntegrityFailures = ueRrc->GetIntegrityFailures();
    ueDrbIntegrityFailures = ueRrc->GetDrbIntegrityFailures();
    Simulator::Destroy(); // flushes the dataset writer (ScheduleDestroy)
    nr->Dispose();
}

} // namespace ns3
