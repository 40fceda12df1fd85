// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The main job: one gNB, N UEs (3 by default), each UE attached with SRB1 up and unprotected;
 * the gNB gets K_gNB from the AMF and runs the AS Security Mode Command procedure (TS 38.331
 * 5.3.4, TS 33.501 6.7.4) with every UE over a simulated NR air interface. Prints, per UE, a
 * table of steps 26-33 with their simulation times and the keys derived, then a summary; writes
 * traces.csv, one pcap per device, keys.csv and Wireshark's key and preference files into the
 * output directory.
 *
 *   ./nr-security-smc [--ues=3] [--cipheringPriority=NEA2,NEA3,NEA1,NEA0]
 *       [--integrityPriority=NIA2,NIA3,NIA1] [--ueNea=1,2,3] [--ueNia=1,2,3] [--lossRate=0]
 *       [--scs=30] [--outputDir=demo-output] [--pcap=1] [--table=1] [--RngRun=1]
 */
#include "ns3/core-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/nr-security-module.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sys/stat.h>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("NrSecuritySmcExample");

namespace
{

/// One line of a UE's procedure table.
struct StepRow
{
    Time time;
    uint32_t step;
    std::string side;
    std::string what;
};

/// What the example collects per UE.
struct UeRecord
{
    std::vector<StepRow> steps;
    std::vector<std::pair<std::string, std::string>> keys; ///< name, hex
    Time smcSent;
    Time activated;
    bool active = false;
    std::string failure;
};

std::map<uint16_t, UeRecord> g_ues;

void
UeStep(uint16_t ue, uint32_t step, const std::string& what)
{
    g_ues[ue].steps.push_back({Simulator::Now(), step, "UE", what});
}

void
GnbStep(uint16_t ue, uint32_t step, const std::string& what)
{
    if (step == 26)
    {
        g_ues[ue].smcSent = Simulator::Now();
    }
    g_ues[ue].steps.push_back({Simulator::Now(), step, "gNB", what});
}

void
UeKey(uint16_t ue, const std::string& name, const std::vector<uint8_t>& key, uint32_t)
{
    g_ues[ue].keys.emplace_back(name, NrSecurityToHex(key));
}

void
GnbActivated(uint16_t ue, const std::string&, const std::string&)
{
    g_ues[ue].active = true;
    g_ues[ue].activated = Simulator::Now();
}

void
Failure(std::string side, uint16_t ue, const std::string& reason)
{
    if (g_ues[ue].failure.empty())
    {
        g_ues[ue].failure = side + ": " + reason;
    }
}

uint64_t
PeakRssKiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
    {
        if (line.rfind("VmHWM:", 0) == 0)
        {
            return std::stoull(line.substr(6));
        }
    }
    return 0;
}

} // namespace

/// The example proper; main() turns a configuration error into one line and exit code 2.
int
Run(int argc, char* argv[])
{
    uint32_t nUes = 3;
    std::string cipheringPriority = "NEA2,NEA3,NEA1,NEA0";
    std::string integrityPriority = "NIA2,NIA3,NIA1";
    std::string ueNea = "1,2,3";
    std::string ueNia = "1,2,3";
    double lossRate = 0.0;
    uint32_t scs = 30;
    std::string outputDir = "demo-output";
    bool pcap = true;
    bool table = true;

    CommandLine cmd(__FILE__);
    cmd.AddValue("ues", "number of UEs", nUes);
    cmd.AddValue("cipheringPriority", "gNB ciphering priority list", cipheringPriority);
    cmd.AddValue("integrityPriority", "gNB integrity priority list", integrityPriority);
    cmd.AddValue("ueNea", "UE ciphering capabilities (algorithms 1..3)", ueNea);
    cmd.AddValue("ueNia", "UE integrity capabilities (algorithms 1..3)", ueNia);
    cmd.AddValue("lossRate", "probability that a transmission attempt is lost", lossRate);
    cmd.AddValue("scs", "subcarrier spacing in kHz (15, 30, 60, 120)", scs);
    cmd.AddValue("outputDir", "directory for traces.csv, pcaps and keys", outputDir);
    cmd.AddValue("pcap", "write pcaps and key files", pcap);
    cmd.AddValue("table", "print the per-UE table of steps 26-33", table);
    cmd.Parse(argc, argv);
    if (nUes == 0 || nUes > 65000)
    {
        throw std::invalid_argument("--ues must be 1..65000");
    }
    if (!(lossRate >= 0.0 && lossRate <= 1.0))
    {
        throw std::invalid_argument("--lossRate must be a probability, 0..1");
    }
    if (scs != 15 && scs != 30 && scs != 60 && scs != 120)
    {
        throw std::invalid_argument("--scs must be 15, 30, 60 or 120 (kHz)");
    }
    mkdir(outputDir.c_str(), 0755);
    auto wallStart = std::chrono::steady_clock::now();

    NodeContainer gnbNodes;
    gnbNodes.Create(1);
    NodeContainer ueNodes;
    ueNodes.Create(nUes);
    MobilityHelper mobility;
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    mobility.Install(gnbNodes);
    mobility.SetPositionAllocator("ns3::UniformDiscPositionAllocator", "rho", DoubleValue(500.0));
    mobility.Install(ueNodes);

    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    nr->SetChannelAttribute("SubcarrierSpacing", UintegerValue(scs));
    nr->SetGnbRrcAttribute("CipheringPriority", StringValue(cipheringPriority));
    nr->SetGnbRrcAttribute("IntegrityPriority", StringValue(integrityPriority));
    if (lossRate > 0)
    {
        Ptr<RateErrorModel> loss = CreateObject<RateErrorModel>();
        loss->SetAttribute("ErrorRate", DoubleValue(lossRate));
        loss->SetAttribute("ErrorUnit", StringValue("ERROR_UNIT_PACKET"));
        nr->SetUeDeviceAttribute("ReceiveErrorModel", PointerValue(loss));
        nr->SetGnbDeviceAttribute("ReceiveErrorModel", PointerValue(loss));
    }
    nr->AssignStreams(1); // before any K_AMF is drawn: --RngRun alone picks the keys
    NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes);
    NetDeviceContainer ues = nr->InstallUeDevice(ueNodes);
    NrSecurityUeCapabilities caps;
    caps.neaBitmap = NrSecurityUeCapabilities::BitmapFromList(ueNea);
    caps.niaBitmap = NrSecurityUeCapabilities::BitmapFromList(ueNia);
    for (auto it = ues.Begin(); it != ues.End(); ++it)
    {
        nr->SetUeCapabilities(*it, caps);
        Ptr<NrSecurityUeRrc> rrc = DynamicCast<NrSecurityUeNetDevice>(*it)->GetRrc();
        rrc->TraceConnectWithoutContext("SmcStep", MakeCallback(&UeStep));
        rrc->TraceConnectWithoutContext("KeyDerived", MakeCallback(&UeKey));
        rrc->TraceConnectWithoutContext("SecurityModeFailure",
                                        MakeBoundCallback(&Failure, std::string("UE")));
    }
    Ptr<NrSecurityGnbRrc> gnbRrc = DynamicCast<NrSecurityGnbNetDevice>(gnbs.Get(0))->GetRrc();
    gnbRrc->TraceConnectWithoutContext("SmcStep", MakeCallback(&GnbStep));
    gnbRrc->TraceConnectWithoutContext("SecurityActivated", MakeCallback(&GnbActivated));
    gnbRrc->TraceConnectWithoutContext("SecurityModeFailure",
                                       MakeBoundCallback(&Failure, std::string("gNB")));

    nr->EnableTraces(outputDir + "/traces.csv");
    nr->EnableMsc(outputDir + "/smc.msc", std::min<uint32_t>(nUes, 3));
    if (pcap)
    {
        nr->EnablePcap(outputDir);
    }
    nr->Attach(ues, gnbs.Get(0));
    Simulator::Stop(Seconds(5));
    Simulator::Run();

    uint32_t completed = 0;
    uint32_t failed = 0;
    Time sum(0);
    Time max(0);
    for (auto& [ue, r] : g_ues)
    {
        if (table)
        {
            std::cout << "\nUE " << ue << "\n  step  time (ms)  side  what\n";
            for (const auto& s : r.steps)
            {
                std::cout << "  " << std::setw(4) << s.step << "  " << std::setw(9) << std::fixed
                          << std::setprecision(3) << s.time.GetSeconds() * 1e3 << "  "
                          << std::setw(4) << s.side << "  " << s.what << "\n";
            }
            for (const auto& [name, hex] : r.keys)
            {
                std::cout << "  " << std::setw(9) << name << " = " << hex << "\n";
            }
            if (!r.failure.empty())
            {
                std::cout << "  FAILED: " << r.failure << "\n";
            }
        }
        if (r.active)
        {
            ++completed;
            Time latency = r.activated - r.smcSent;
            sum += latency;
            max = std::max(max, latency);
        }
        else
        {
            ++failed;
        }
    }
    double wall
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    std::cout << std::fixed << "\nSummary: " << nUes << " UEs, " << completed
              << " procedures completed, " << failed << " failed";
    if (completed > 0)
    {
        std::cout << ", SMC latency (SecurityModeCommand sent -> Complete verified) mean "
                  << std::setprecision(3) << (sum / completed).GetSeconds() * 1e3 << " ms, max "
                  << max.GetSeconds() * 1e3 << " ms";
    }
    std::cout << "\nWall time " << std::setprecision(3) << wall << " s (" << std::setprecision(1)
              << wall / nUes * 1e6 << " us per UE), peak memory " << PeakRssKiB() << " KiB\n";
    std::cout << "Output: " << outputDir << "/traces.csv";
    if (pcap)
    {
        std::cout << ", " << outputDir << "/gnb-1.pcap, " << outputDir << "/ue-N.pcap, "
                  << outputDir << "/keys.csv, " << outputDir
                  << "/wireshark (a Wireshark profile with the keys)\n"
                  << "Decode: WIRESHARK_CONFIG_DIR=" << outputDir
                  << "/wireshark tshark -C nr-security -r " << outputDir
                  << "/gnb-1.pcap --enable-heuristic pdcp_nr_udp --disable-protocol nas-5gs";
    }
    std::cout << "\n";
    Simulator::Destroy(); // writes the chart
    if (std::system("command -v mscgen >/dev/null 2>&1") == 0)
    {
        std::string cmd = "mscgen -T png -i " + outputDir + "/smc.msc -o " + outputDir + "/smc.png";
        if (std::system(cmd.c_str()) == 0)
        {
            std::cout << "Sequence chart: " << outputDir << "/smc.png (from smc.msc)\n";
        }
    }
    return 0;
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
        std::cerr << "nr-security-smc: " << e.what() << "\n";
        return 2;
    }
}
