#include "ns3/core-module.h"
#include "ns3/nr-security-module.h"
using namespace ns3;

int
main()
{
    NodeContainer gnbNodes(1), ueNodes(1), attackerNodes(1); // no mobility: no path loss
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes); // TxPower 18 dBm
    NetDeviceContainer ues = nr->InstallUeDevice(ueNodes);
    NrSecurityAdversaryHelper adversary(nr);
    adversary.SetAdversaryAttribute("TxPower", DoubleValue(38)); // 20 dB over the gNB
    Ptr<NrSecurityInjector> injector = adversary.InstallInjector(attackerNodes.Get(0));
    injector->Overshadow( // in the slot of the gNB's RRCSetup ...
        [](const NrSecurityAirFrame& f) { return f.type == NrSecurityRbType::SRB0 && !f.uplink; },
        [](NrSecurityAirFrame f) { // ... an RRCReject with waitTime 16 s
            std::vector<uint8_t> reject = NrSecurityRrcMessage::EncodeRrcReject(true, 16);
            f.pdu = Create<Packet>(reject.data(), reject.size());
            return f;
        });
    nr->Attach(ues, gnbs.Get(0)); // RRCSetupRequest on SRB0
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    Ptr<NrSecurityUeRrc> rrc = DynamicCast<NrSecurityUeNetDevice>(ues.Get(0))->GetRrc();
    std::cout << "UE 1: " << NrSecurityRrcStateName(rrc->GetState()) << ", T302 running "
              << rrc->IsT302Running() << ", AS security " << rrc->IsSecurityActive()
              << ", forged frames " << injector->GetSent() << "\n";
    Simulator::Destroy();
}
