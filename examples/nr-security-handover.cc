// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Mobility: one UE drives past three gNBs in a row (x = 0, D, 2D metres; the UE from x = 0 to
 * x = 2D at constant speed, ConstantVelocityMobilityModel) with a UDP flow each way through
 * its AM DRB (remote host behind the UPF). The UE reports the RSRP of the cells (event A3,
 * TS 38.331 5.5.4.4) and the serving gNB hands it over to the next cell: over Xn by default
 * (TS 33.501 6.9.2.3.2: K_gNB* horizontal from K_gNB, or vertical from the {NH, NCC} the last
 * path switch gave the gNB), or through the AMF (N2, 6.9.2.3.3: a fresh {NH, NCC}, vertical).
 * Prints every key epoch of the UE (K_gNB, NCC, how it was derived, cell) as the UE and the
 * gNB derived it, the user-plane interruption of each handover (from the UE leaving the
 * source cell to the first downlink DRB PDU it receives in the target cell) and the flows.
 *
 *   ./nr-security-handover [--handoverType=Xn] [--speed=40] [--distance=200]
 *       [--packetInterval=20] [--packetSize=500] [--outputDir=] [--pcap=1]
 *
 * --outputDir=DIR writes DIR/traces.csv (handover steps as HandoverEvent rows),
 * DIR/traces-key-epochs.csv (one row per K_gNB at the UE and at the gNB, with every input of
 * its derivation), DIR/traces-pdus.csv and, with --pcap=1, the pcaps and DIR/keys.csv (one
 * row per key epoch).
 *
 * Exit status: 0 when both handovers completed (the UE ends in cell 3, with one key epoch
 * per cell, equal at the UE and at the gNB) and no packet of either flow was lost; 1
 * otherwise; 2 with one line on stderr for a bad option.
 */
#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/nr-security-module.h"

#include <cctype>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <vector>

using namespace ns3;

namespace
{

/// \return text as a number in min..max \throws std::invalid_argument naming the option
double
ParseNumber(const std::string& option, const std::string& text, double min, double max)
{
    size_t used = 0;
    double v = 0;
    try
    {
        v = std::stod(text, &used);
    }
    catch (const std::exception&)
    {
        used = 0;
    }
    if (text.empty() || used != text.size() || !(v >= min && v <= max))
    {
        std::ostringstream os;
        os << "--" << option << "=" << text << ": expected a number " << min << ".." << max;
        throw std::invalid_argument(os.str());
    }
    return v;
}

/**
 * Refuses, before ns-3's CommandLine (which prints its whole help and exits 1), an unknown
 * option, one of ours without a value and a stray word.
 */
void
CheckCommandLine(int argc, char* argv[], const std::set<std::string>& options)
{
    for (int i = 1; i < argc; ++i)
    {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "--PrintHelp")
        {
            continue;
        }
        if (arg.rfind("--", 0) != 0)
        {
            throw std::invalid_argument("unexpected argument '" + arg
                                        + "' (options are --name=value; see --help)");
        }
        const size_t eq = arg.find('=');
        const std::string name
            = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
        if (!options.count(name) && name.find("::") == std::string::npos && name != "RngRun"
            && name != "RngSeed")
        {
            throw std::invalid_argument("unknown option '" + arg + "' (see --help)");
        }
        const std::string value = eq == std::string::npos ? std::string() : arg.substr(eq + 1);
        if (options.count(name) && value.empty() && name != "outputDir")
        {
            throw std::invalid_argument("--" + name + " needs a value: --" + name + "=VALUE");
        }
    }
}

/// What the example observes.
struct Observer
{
    uint32_t ueId = 1;
    /// The UE's key epochs, and the gNBs' (by epoch number), in order.
    std::vector<NrSecurityKeyEpoch> ueEpochs;
    std::map<uint32_t, NrSecurityKeyEpoch> gnbEpochs;
    /// Cell changes: (time, from, to) and the interruption once measured.
    struct Change
    {
        Time at;
        uint16_t from = 0;
        uint16_t to = 0;
        Time firstDl = Time(-1);
    };
    std::vector<Change> changes;

    void UeKeyChange(uint32_t ue, const NrSecurityKeyEpoch& e)
    {
        if (ue == ueId)
        {
            ueEpochs.push_back(e);
        }
    }

    void GnbKeyChange(uint32_t ue, const NrSecurityKeyEpoch& e)
    {
        if (ue == ueId)
        {
            gnbEpochs[e.epoch] = e;
        }
    }

    void CellChanged(uint32_t, uint16_t from, uint16_t to)
    {
        if (from == 0)
        {
            return; // attach
        }
        Change c;
        c.at = Simulator::Now();
        c.from = from;
        c.to = to;
        changes.push_back(c);
    }

    void UeRx(const NrSecurityAirFrame& f)
    {
        if (f.type != NrSecurityRbType::DRB || changes.empty())
        {
            return;
        }
        Change& c = changes.back();
        if (c.firstDl < Time(0) && f.cellId == c.to)
        {
            c.firstDl = Simulator::Now();
        }
    }
};

/// \return "horizontal from K_gNB", "vertical from NH_3", "from K_AMF, NAS COUNT 0"
std::string
HowDerived(const NrSecurityKeyEpoch& e)
{
    switch (e.derivation)
    {
        case NrSecurityKeyEpoch::HORIZONTAL:
            return "horizontal from K_gNB";
        case NrSecurityKeyEpoch::VERTICAL:
            return "vertical from NH_" + std::to_string(e.nhIndex);
        default:
            return "from K_AMF, uplink NAS COUNT " + std::to_string(e.ulNasCount);
    }
}

} // namespace

/// The example proper; main() turns a configuration error into one line and exit code 2.
int
Run(int argc, char* argv[])
{
    std::string handoverType = "Xn";
    std::string speedText = "40";
    std::string distanceText = "200";
    std::string intervalText = "20";
    std::string sizeText = "500";
    std::string outputDir;
    std::string pcapText = "1";
    CommandLine cmd(__FILE__);
    cmd.Usage("One UE driving past three gNBs with UDP both ways: A3-triggered handovers (Xn "
              "or N2), each key epoch and the interruption per handover.\nExit status: 0 when "
              "both handovers completed and no packet was lost, 1 otherwise, 2 for a bad "
              "option.");
    cmd.AddValue("handoverType", "Xn or N2", handoverType);
    cmd.AddValue("speed", "UE speed in m/s, 1..200", speedText);
    cmd.AddValue("distance", "metres between neighbouring gNBs, 50..2000", distanceText);
    cmd.AddValue("packetInterval", "ms between UDP packets of each flow, 1..1000", intervalText);
    cmd.AddValue("packetSize", "UDP payload bytes, 12..1400", sizeText);
    cmd.AddValue("outputDir",
                 "folder for traces.csv, traces-key-epochs.csv, pcaps and keys.csv (empty: none)",
                 outputDir);
    cmd.AddValue("pcap", "with outputDir: write pcaps and keys.csv (1 or 0)", pcapText);
    CheckCommandLine(
        argc,
        argv,
        {"handoverType", "speed", "distance", "packetInterval", "packetSize", "outputDir", "pcap"});
    cmd.Parse(argc, argv);
    if (handoverType != "Xn" && handoverType != "N2")
    {
        throw std::invalid_argument("--handoverType=" + handoverType + ": expected Xn or N2");
    }
    const double speed = ParseNumber("speed", speedText, 1, 200);
    const double distance = ParseNumber("distance", distanceText, 50, 2000);
    const double intervalMs = ParseNumber("packetInterval", intervalText, 1, 1000);
    const uint32_t packetSize = uint32_t(ParseNumber("packetSize", sizeText, 12, 1400));
    if (pcapText != "1" && pcapText != "0")
    {
        throw std::invalid_argument("--pcap=" + pcapText + ": expected 1 or 0");
    }

    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    nr->EnableUserPlane();
    nr->SetGnbRrcAttribute("MeasurementHandoverType", StringValue(handoverType));
    NodeContainer gnbNodes(3);
    NodeContainer ueNodes(1);
    MobilityHelper fixed;
    Ptr<ListPositionAllocator> positions = CreateObject<ListPositionAllocator>();
    for (uint32_t i = 0; i < 3; ++i)
    {
        positions->Add(Vector(i * distance, 0, 10));
    }
    fixed.SetPositionAllocator(positions);
    fixed.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    fixed.Install(gnbNodes);
    MobilityHelper moving;
    moving.SetMobilityModel("ns3::ConstantVelocityMobilityModel");
    moving.Install(ueNodes);
    Ptr<ConstantVelocityMobilityModel> ueMobility
        = ueNodes.Get(0)->GetObject<ConstantVelocityMobilityModel>();
    ueMobility->SetPosition(Vector(0, 5, 1.5));
    ueMobility->SetVelocity(Vector(speed, 0, 0));

    NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes);
    NetDeviceContainer ues = nr->InstallUeDevice(ueNodes);
    InternetStackHelper().Install(ueNodes);
    Ipv4InterfaceContainer ueIps = nr->AssignUeIpv4Address(ues);
    Ptr<Node> remote = nr->CreateRemoteHost();
    const Ipv4Address remoteAddr = remote->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    nr->Attach(ues, gnbs);
    if (!outputDir.empty())
    {
        nr->EnableTraces(outputDir + "/traces.csv");
        if (pcapText == "1")
        {
            nr->EnablePcap(outputDir);
        }
    }

    Ptr<NrSecurityUeNetDevice> ue = DynamicCast<NrSecurityUeNetDevice>(ues.Get(0));
    Observer obs;
    obs.ueId = ue->GetUeId();
    ue->GetRrc()->TraceConnectWithoutContext("KeyChange",
                                             MakeCallback(&Observer::UeKeyChange, &obs));
    ue->TraceConnectWithoutContext("CellChanged", MakeCallback(&Observer::CellChanged, &obs));
    ue->TraceConnectWithoutContext("PduRx", MakeCallback(&Observer::UeRx, &obs));
    for (uint32_t i = 0; i < gnbs.GetN(); ++i)
    {
        DynamicCast<NrSecurityGnbNetDevice>(gnbs.Get(i))
            ->GetRrc()
            ->TraceConnectWithoutContext("KeyChange", MakeCallback(&Observer::GnbKeyChange, &obs));
    }

    // The UE drives from cell 1 to cell 3; the flows stop 1 s before the end (drained).
    const Time travel = Seconds(2 * distance / speed);
    const Time start = MilliSeconds(300);
    const Time flowStop = travel;
    const Time stop = travel + Seconds(1);
    const Time interval = MicroSeconds(int64_t(intervalMs * 1000));
    const uint32_t count = uint32_t((flowStop - start).GetSeconds() / interval.GetSeconds());
    struct Flow
    {
        std::string name;
        Ptr<UdpClient> client;
        Ptr<PacketSink> sink;
    };
    std::vector<Flow> flows;
    auto udp = [&](const std::string& name,
                   Ptr<Node> from,
                   Ptr<Node> to,
                   Ipv4Address toAddr,
                   uint16_t port)
    {
        PacketSinkHelper sinkHelper("ns3::UdpSocketFactory",
                                    InetSocketAddress(Ipv4Address::GetAny(), port));
        ApplicationContainer sink = sinkHelper.Install(to);
        UdpClientHelper client(toAddr, port);
        client.SetAttribute("MaxPackets", UintegerValue(count));
        client.SetAttribute("Interval", TimeValue(interval));
        client.SetAttribute("PacketSize", UintegerValue(packetSize));
        ApplicationContainer c = client.Install(from);
        c.Start(start);
        c.Stop(flowStop);
        flows.push_back(
            {name, DynamicCast<UdpClient>(c.Get(0)), DynamicCast<PacketSink>(sink.Get(0))});
    };
    udp("UDP down", remote, ueNodes.Get(0), ueIps.GetAddress(0), 1000);
    udp("UDP up", ueNodes.Get(0), remote, remoteAddr, 2000);

    Simulator::Stop(stop);
    Simulator::Run();

    bool ok = true;
    std::cout << "Key epochs of UE " << obs.ueId << " (" << handoverType << " handovers, " << speed
              << " m/s, gNBs " << distance << " m apart):\n";
    for (const NrSecurityKeyEpoch& e : obs.ueEpochs)
    {
        auto g = obs.gnbEpochs.find(e.epoch);
        const bool same = g != obs.gnbEpochs.end() && g->second.kGnb == e.kGnb;
        ok = ok && same;
        std::cout << "  epoch " << e.epoch << ": cell " << e.cellId << " (PCI " << e.pci
                  << "), NCC " << unsigned(e.ncc) << ", " << e.cause << ", " << HowDerived(e)
                  << "\n    K_gNB " << NrSecurityToHex(e.kGnb)
                  << (same ? "  (= the gNB's)" : "  <- the gNB has another K_gNB") << "\n";
    }
    std::cout << "Handovers:\n";
    for (const Observer::Change& c : obs.changes)
    {
        std::cout << "  at " << std::fixed << std::setprecision(3) << c.at.GetSeconds()
                  << " s: cell " << c.from << " -> " << c.to << ", interruption ";
        if (c.firstDl < Time(0))
        {
            std::cout << "(no downlink DRB PDU in the target cell)\n";
            ok = false;
        }
        else
        {
            std::cout << std::setprecision(1) << (c.firstDl - c.at).GetSeconds() * 1000
                      << " ms (to the first downlink DRB PDU in cell " << c.to << ")\n";
        }
        std::cout << std::defaultfloat;
    }
    const bool handoversDone = obs.changes.size() == 2 && ue->GetServingCellId() == 3
                               && obs.ueEpochs.size() == 3 && ue->GetRrc()->IsSecurityActive();
    ok = ok && handoversDone;
    if (!handoversDone)
    {
        std::cout << "  expected 2 handovers ending in cell 3 with 3 key epochs: "
                  << obs.changes.size() << " handovers, serving cell " << ue->GetServingCellId()
                  << ", " << obs.ueEpochs.size() << " key epochs\n";
    }
    std::cout << "Flows:\n";
    for (const Flow& f : flows)
    {
        const uint64_t sent = f.client->GetTotalTx();
        const uint64_t got = f.sink->GetTotalRx();
        const bool good = sent > 0 && got == sent;
        ok = ok && good;
        std::cout << "  " << std::left << std::setw(9) << f.name << std::right << " sent "
                  << std::setw(8) << sent << " B, delivered " << std::setw(8) << got << " B"
                  << (good         ? ""
                      : got > sent ? "   <- more than sent: duplicates"
                                   : "   <- packets lost")
                  << "\n";
    }
    std::cout << "UPF path switches: " << nr->GetPathSwitches() << "\n";
    std::cout << (ok ? "every handover completed and no packet was lost\n"
                     : "A HANDOVER FAILED, OR PACKETS WERE LOST OR DUPLICATED\n");
    Simulator::Destroy();
    return ok ? 0 : 1;
}

int
main(int argc, char* argv[])
{
    try
    {
        return Run(argc, argv);
    }
    catch (const std::exception& e)
    {
        std::cerr << "nr-security-handover: " << e.what() << "\n";
        return 2;
    }
}
