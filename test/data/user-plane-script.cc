#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/nr-security-module.h"
using namespace ns3;

int main()
{
    NodeContainer gnbNodes(1), ueNodes(1);
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    nr->EnableUserPlane();                                   // UPF node, N3 links, GTP-U
    NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes);
    NetDeviceContainer ues = nr->InstallUeDevice(ueNodes);
    InternetStackHelper().Install(ueNodes);
    Ipv4InterfaceContainer ueIps = nr->AssignUeIpv4Address(ues); // 7.0.0.2, default route
    Ptr<Node> remote = nr->CreateRemoteHost();               // 1.0.0.2, behind the UPF
    nr->Attach(ues, gnbs.Get(0));                            // RRC setup, SMC, SRB2 + DRB
    PacketSinkHelper sink("ns3::UdpSocketFactory", InetSocketAddress(Ipv4Address::GetAny(), 9));
    ApplicationContainer sinks = sink.Install(ueNodes.Get(0));
    UdpClientHelper client(ueIps.GetAddress(0), 9);          // remote host -> UE
    client.SetAttribute("MaxPackets", UintegerValue(100));
    client.SetAttribute("Interval", TimeValue(MilliSeconds(10)));
    client.Install(remote).Start(Seconds(0.5));
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    std::cout << "UE received " << DynamicCast<PacketSink>(sinks.Get(0))->GetTotalRx()
              << " bytes through the secured DRB\n";
    Simulator::Destroy();
}
