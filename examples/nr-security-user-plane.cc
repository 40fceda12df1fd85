// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The user plane: one gNB, N UEs and a remote host behind the UPF. Each UE gets an IPv4
 * address and a PDU session whose UP security policy (TS 33.501 6.6.1) decides whether its DRB
 * is integrity-protected and ciphered; then, per UE, a downlink and an uplink UDP flow
 * (UdpClient -> PacketSink) and a downlink TCP flow (BulkSend -> PacketSink) run through SDAP,
 * PDCP (K_UPenc / K_UPint), the air, the gNB, GTP-U over N3 and the UPF. Prints per UE the DRB
 * security and per flow the bytes sent and delivered.
 *
 *   ./nr-security-user-plane [--ues=2] [--duration=1.5] [--upIntegrity=PREFERRED]
 *       [--upConfidentiality=REQUIRED] [--gnbUpIntegrity=1] [--gnbUpConfidentiality=1]
 *       [--cipheringPriority=NEA2,NEA3,NEA1,NEA0] [--integrityPriority=NIA2,NIA3,NIA1]
 *       [--emergency=0] [--packetSize=1000] [--tcpBytes=200000] [--outputDir=] [--reportUe=1]
 *       [--bench=0] [--packets=0]
 *
 * At scale (--ues up to 63535: each UE's uplink UDP flow has its own port 2000 + UE id at the
 * remote host), --packets=3 --tcpBytes=0 sends a few packets per UE: three per UDP flow, no
 * TCP flow.
 *
 * Exit status: 0 when every flow of an accepted PDU session delivered all its bytes (and a
 * rejected session delivered none), 1 otherwise, 2 with one line on stderr for a bad option.
 *
 * --bench=N: the user-plane benchmark instead: one UE, one downlink UDP flow saturating the
 * DRB (1400-byte packets at 2 Gbit/s for 0.2 s of simulated time), run N times alternately with
 * NEA2 + NIA2 (UP integrity REQUIRED) and NEA0 without UP integrity; prints the simulated
 * Mbit/s delivered per wall-clock second of each run and the ratios (also on the process's
 * CPU time, which load from other processes on a shared machine disturbs less).
 */
#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/nr-security-module.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <set>
#include <tuple>
#include <vector>

using namespace ns3;

namespace
{

/// \return text as an unsigned integer in min..max \throws std::invalid_argument
uint64_t
ParseUnsigned(const std::string& option, const std::string& text, uint64_t min, uint64_t max)
{
    size_t used = 0;
    unsigned long long v = 0;
    if (!text.empty() && std::isdigit(static_cast<unsigned char>(text[0])))
    {
        try
        {
            v = std::stoull(text, &used, 10);
        }
        catch (const std::exception&)
        {
            used = 0;
        }
    }
    if (used == 0 || used != text.size() || v < min || v > max)
    {
        throw std::invalid_argument("--" + option + "=" + text + ": expected an integer "
                                    + std::to_string(min) + ".." + std::to_string(max));
    }
    return v;
}

/// \return text as seconds in (0, max] \throws std::invalid_argument
double
ParseSeconds(const std::string& option, const std::string& text, double min, double max)
{
    size_t used = 0;
    double v = -1;
    try
    {
        v = std::stod(text, &used);
    }
    catch (const std::exception&)
    {
        used = 0;
    }
    if (used == 0 || used != text.size() || !(v >= min && v <= max))
    {
        std::ostringstream os;
        os << "--" << option << "=" << text << ": expected seconds " << min << ".." << max;
        throw std::invalid_argument(os.str());
    }
    return v;
}

/// \return 1/0/true/false as a boolean \throws std::invalid_argument
bool
ParseBool(const std::string& option, const std::string& text)
{
    if (text == "1" || text == "true")
    {
        return true;
    }
    if (text == "0" || text == "false")
    {
        return false;
    }
    throw std::invalid_argument("--" + option + "=" + text + ": expected 1, 0, true or false");
}

/// \return the UP policy named \throws std::invalid_argument
NrSecurityUpPolicy
ParsePolicy(const std::string& option, const std::string& text)
{
    try
    {
        return NrSecurityUpPolicyFromName(text);
    }
    catch (const std::invalid_argument&)
    {
        throw std::invalid_argument("--" + option + "=" + text
                                    + ": expected REQUIRED, PREFERRED or NOT_NEEDED");
    }
}

/**
 * Refuses, before ns-3's CommandLine (which prints its whole help and exits 1), an unknown
 * option, one of ours without a value, a value with white space and a stray word.
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
        if (value.find_first_of(" \t\n\r\v\f") != std::string::npos)
        {
            throw std::invalid_argument("--" + name + "='" + value
                                        + "': option values cannot contain white space");
        }
    }
}

/// The scenario's settings.
struct Settings
{
    uint32_t ues = 2;
    double duration = 1.5;
    NrSecurityUpPolicy upIntegrity = NrSecurityUpPolicy::PREFERRED;
    NrSecurityUpPolicy upConfidentiality = NrSecurityUpPolicy::REQUIRED;
    bool gnbUpIntegrity = true;
    bool gnbUpConfidentiality = true;
    std::string cipheringPriority = "NEA2,NEA3,NEA1,NEA0";
    std::string integrityPriority = "NIA2,NIA3,NIA1";
    bool emergency = false;
    uint32_t packetSize = 1000;
    uint32_t tcpBytes = 200000; ///< 0: no TCP flow
    uint32_t packets = 0;       ///< packets per UDP flow (0: one every 10 ms while flows run)
    std::string outputDir;
    uint32_t reportUe = 1; ///< with outputDir: OUTPUTDIR/report-ue-N.html (0: none)
    bool print = true;
    // benchmark: one saturating downlink UDP flow only
    bool saturate = false;
};

/// One flow and its sink.
struct Flow
{
    uint32_t ue = 0;               ///< the UE id
    std::string name;              ///< e.g. "UDP down"
    uint64_t sent = 0;             ///< bytes the source sent (UDP) or was asked to (TCP)
    Ptr<PacketSink> sink;          ///< the receiving end
    Ptr<UdpClient> client;         ///< UDP source (nullptr for TCP)
    Ptr<BulkSendApplication> bulk; ///< TCP source
};

/// Result of one scenario.
struct Outcome
{
    bool ok = true;
    uint64_t delivered = 0; ///< bytes delivered, all flows
    double simSeconds = 0;  ///< the flows' duration
};

Outcome
RunScenario(const Settings& s)
{
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    nr->EnableUserPlane();
    for (const auto& [option, attribute, value] :
         {std::make_tuple("cipheringPriority", "CipheringPriority", s.cipheringPriority),
          std::make_tuple("integrityPriority", "IntegrityPriority", s.integrityPriority)})
    {
        try
        {
            nr->SetGnbRrcAttribute(attribute, StringValue(value));
        }
        catch (const std::invalid_argument&)
        {
            throw std::invalid_argument(std::string("--") + option + "=" + value
                                        + ": expected a comma-separated list of "
                                        + (option[0] == 'c' ? "NEA0..NEA3" : "NIA0..NIA3"));
        }
    }
    nr->SetGnbRrcAttribute("UpIntegritySupported", BooleanValue(s.gnbUpIntegrity));
    nr->SetGnbRrcAttribute("UpConfidentialitySupported", BooleanValue(s.gnbUpConfidentiality));
    NodeContainer gnbNodes(1);
    NodeContainer ueNodes(s.ues);
    NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes);
    NetDeviceContainer ues = nr->InstallUeDevice(ueNodes);
    if (s.emergency)
    {
        for (uint32_t i = 0; i < ues.GetN(); ++i)
        {
            NrSecurityUeCapabilities caps; // default: NEA1-3, NIA1-3 (NEA0/NIA0 implied)
            nr->SetUeCapabilities(ues.Get(i), caps, true);
        }
    }
    nr->SetUpSecurityPolicy(ues, s.upIntegrity, s.upConfidentiality);
    InternetStackHelper().Install(ueNodes);
    Ipv4InterfaceContainer ueIps = nr->AssignUeIpv4Address(ues);
    Ptr<Node> remote = nr->CreateRemoteHost();
    Ipv4Address remoteAddr = remote->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    nr->Attach(ues, gnbs.Get(0));
    if (!s.outputDir.empty())
    {
        nr->EnableTraces(s.outputDir + "/traces.csv");
        nr->EnablePcap(s.outputDir);
        if (s.reportUe > 0)
        {
            nr->EnableReport(s.outputDir + "/report-ue-" + std::to_string(s.reportUe) + ".html",
                             s.reportUe);
        }
    }

    const Time start = Seconds(0.3); // attach, SMC and DRB set-up take about 20 ms
    const Time stop = Seconds(s.duration);
    std::vector<Flow> flows;
    auto udp = [&](uint32_t ue,
                   const std::string& name,
                   Ptr<Node> from,
                   Ptr<Node> to,
                   Ipv4Address toAddr,
                   uint16_t port,
                   Time interval,
                   uint32_t count)
    {
        PacketSinkHelper sinkHelper("ns3::UdpSocketFactory",
                                    InetSocketAddress(Ipv4Address::GetAny(), port));
        ApplicationContainer sink = sinkHelper.Install(to);
        sink.Start(Seconds(0));
        UdpClientHelper client(toAddr, port);
        client.SetAttribute("MaxPackets", UintegerValue(count));
        client.SetAttribute("Interval", TimeValue(interval));
        client.SetAttribute("PacketSize", UintegerValue(s.saturate ? 1400 : s.packetSize));
        ApplicationContainer c = client.Install(from);
        c.Start(start);
        c.Stop(stop);
        Flow f;
        f.ue = ue;
        f.name = name;
        f.sink = DynamicCast<PacketSink>(sink.Get(0));
        f.client = DynamicCast<UdpClient>(c.Get(0));
        flows.push_back(f);
    };
    const double flowSeconds = s.duration - start.GetSeconds() - 0.2; // drain before stop
    for (uint32_t i = 0; i < ues.GetN(); ++i)
    {
        Ptr<NrSecurityUeNetDevice> ue = DynamicCast<NrSecurityUeNetDevice>(ues.Get(i));
        const uint32_t id = ue->GetUeId();
        Ipv4Address ueAddr = ueIps.GetAddress(i);
        if (s.saturate)
        {
            // 1400 bytes every 5.6 us: 2 Gbit/s, more than the simulator delivers per second
            const Time interval = NanoSeconds(5600);
            udp(id,
                "UDP down",
                remote,
                ueNodes.Get(i),
                ueAddr,
                1000,
                interval,
                uint32_t(flowSeconds / interval.GetSeconds()));
            continue;
        }
        const Time interval = MilliSeconds(10);
        const uint32_t count
            = s.packets > 0 ? s.packets : uint32_t(flowSeconds / interval.GetSeconds());
        udp(id, "UDP down", remote, ueNodes.Get(i), ueAddr, 1000, interval, count);
        udp(id, "UDP up", ueNodes.Get(i), remote, remoteAddr, uint16_t(2000 + id), interval, count);
        if (s.tcpBytes == 0)
        {
            continue;
        }
        PacketSinkHelper tcpSink("ns3::TcpSocketFactory",
                                 InetSocketAddress(Ipv4Address::GetAny(), 3000));
        ApplicationContainer sink = tcpSink.Install(ueNodes.Get(i));
        BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(ueAddr, 3000));
        bulk.SetAttribute("MaxBytes", UintegerValue(s.tcpBytes));
        ApplicationContainer b = bulk.Install(remote);
        b.Start(start);
        Flow f;
        f.ue = id;
        f.name = "TCP down";
        f.sent = s.tcpBytes;
        f.sink = DynamicCast<PacketSink>(sink.Get(0));
        f.bulk = DynamicCast<BulkSendApplication>(b.Get(0));
        flows.push_back(f);
    }

    Simulator::Stop(stop);
    Simulator::Run();

    Outcome out;
    out.simSeconds = flowSeconds;
    Ptr<NrSecurityGnbRrc> gnbRrc = DynamicCast<NrSecurityGnbNetDevice>(gnbs.Get(0))->GetRrc();
    for (uint32_t i = 0; i < ues.GetN() && s.print; ++i)
    {
        Ptr<NrSecurityUeNetDevice> ue = DynamicCast<NrSecurityUeNetDevice>(ues.Get(i));
        NrSecurityPduSessionResult r = gnbRrc->GetPduSessionResult(ue->GetUeId(), 1);
        std::cout << "UE " << ue->GetUeId() << " " << ueIps.GetAddress(i) << ": PDU session 1 ";
        if (!r.ok)
        {
            std::cout << "rejected (" << r.reason << ")\n";
            continue;
        }
        const std::string nea = NrSecurityAlgorithms::Name(ue->GetRrc()->GetCiphering());
        const std::string nia = NrSecurityAlgorithms::Name(ue->GetRrc()->GetIntegrity());
        for (const NrSecurityDrbConfig& d : ue->GetRrc()->GetDrbConfigs())
        {
            std::cout << "DRB " << unsigned(d.drbId) << ": ciphered "
                      << (d.cipheringDisabled ? std::string("no") : "yes (" + nea + ")")
                      << ", integrity "
                      << (d.integrityProtection ? "yes (" + nia + ")" : std::string("no"))
                      << ", SN " << unsigned(d.snLengthBits) << " bits\n";
        }
    }
    for (Flow& f : flows)
    {
        if (f.client)
        {
            f.sent = uint64_t(f.client->GetTotalTx());
        }
        const uint64_t got = f.sink->GetTotalRx();
        out.delivered += got;
        // A session the gNB rejected by its UP security policy delivers nothing, as it should;
        // one with no result at all (AS security or the RRC connection never came up) is a
        // failure of the run.
        const NrSecurityPduSessionResult r = gnbRrc->GetPduSessionResult(f.ue, 1);
        const bool policyRejected
            = !r.ok && r.reason != "pending" && r.reason != "unknown PDU session";
        const bool good = r.ok ? (got == f.sent && f.sent > 0) : (policyRejected && got == 0);
        out.ok = out.ok && good;
        if (s.print)
        {
            std::cout << "  UE " << f.ue << " " << std::left << std::setw(9) << f.name << std::right
                      << " sent " << std::setw(8) << f.sent << " B, delivered " << std::setw(8)
                      << got << " B" << (good ? "" : "   <- NOT as expected") << "\n";
        }
    }
    Simulator::Destroy(); // writes the report
    if (s.print && !s.outputDir.empty() && s.reportUe > 0)
    {
        std::cout << "Run report of UE " << s.reportUe << ": " << s.outputDir << "/report-ue-"
                  << s.reportUe << ".html (open it in a browser)\n";
    }
    return out;
}

int
Bench(uint32_t runs, Settings s)
{
    s.ues = 1;
    s.print = false;
    s.saturate = true;
    s.duration = 0.7; // 0.2 s of flow: about 36000 packets per run
    std::vector<double> wallRatios;
    std::vector<double> cpuRatios; // on process CPU time: less disturbed by other processes
    std::cout << "run  NEA2+NIA2 Mbit/s/s  NEA0,no-UP-integrity Mbit/s/s  ratio  (on CPU time)\n";
    for (uint32_t i = 0; i < runs; ++i)
    {
        double wallRate[2];
        double cpuRate[2];
        for (int secure = 0; secure < 2; ++secure)
        {
            // alternate the order, so that a burst of load hits both variants alike
            const bool protect = (secure == 0) == (i % 2 == 0);
            Settings v = s;
            v.cipheringPriority = protect ? "NEA2" : "NEA0";
            v.integrityPriority = "NIA2";
            v.upIntegrity = protect ? NrSecurityUpPolicy::REQUIRED : NrSecurityUpPolicy::NOT_NEEDED;
            v.upConfidentiality = NrSecurityUpPolicy::REQUIRED;
            const auto t0 = std::chrono::steady_clock::now();
            const std::clock_t c0 = std::clock();
            Outcome o = RunScenario(v);
            const double cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
            const double wall
                = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (o.delivered == 0)
            {
                std::cerr << "nr-security-user-plane: benchmark flow delivered nothing\n";
                return 1;
            }
            wallRate[protect ? 0 : 1] = o.delivered * 8.0 / 1e6 / wall;
            cpuRate[protect ? 0 : 1] = o.delivered * 8.0 / 1e6 / cpu;
        }
        wallRatios.push_back(wallRate[0] / wallRate[1]);
        cpuRatios.push_back(cpuRate[0] / cpuRate[1]);
        std::cout << std::setw(3) << i + 1 << std::fixed << std::setprecision(1) << std::setw(20)
                  << wallRate[0] << std::setw(31) << wallRate[1] << std::setprecision(2)
                  << std::setw(7) << wallRatios.back() << std::setw(9) << cpuRatios.back() << "\n";
    }
    for (auto* r : {&wallRatios, &cpuRatios})
    {
        std::sort(r->begin(), r->end());
        std::cout << std::fixed << std::setprecision(2) << "ratio NEA2+NIA2 / NEA0 without UP "
                  << "integrity" << (r == &cpuRatios ? " (CPU time)" : " (wall clock)") << ": min "
                  << r->front() << ", median " << (*r)[r->size() / 2] << ", max " << r->back()
                  << " over " << runs << " runs\n";
    }
    return 0;
}

} // namespace

/// The example proper; main() turns a configuration error into one line and exit code 2.
int
Run(int argc, char* argv[])
{
    std::string ues = "2";
    std::string duration = "1.5";
    std::string upIntegrity = "PREFERRED";
    std::string upConfidentiality = "REQUIRED";
    std::string gnbUpIntegrity = "1";
    std::string gnbUpConfidentiality = "1";
    std::string emergency = "0";
    std::string packetSize = "1000";
    std::string tcpBytes = "200000";
    std::string bench = "0";
    std::string packets = "0";
    std::string reportUe = "1";
    Settings s;
    CommandLine cmd(__FILE__);
    cmd.Usage("User data over DRBs protected per the UP security policy (TS 33.501 6.6): one "
              "gNB, N UEs, a remote host behind the UPF, UDP and TCP flows.\nExit status: 0 "
              "when every flow delivered what it should, 1 otherwise, 2 for a bad option.");
    cmd.AddValue("ues",
                 "number of UEs, 1..63535 (each UE's uplink flow: port 2000 + UE id at the "
                 "remote host)",
                 ues);
    cmd.AddValue("duration", "simulated seconds, 0.6..100", duration);
    cmd.AddValue(
        "upIntegrity", "UP integrity policy: REQUIRED, PREFERRED, NOT_NEEDED", upIntegrity);
    cmd.AddValue("upConfidentiality",
                 "UP confidentiality policy: REQUIRED, PREFERRED, NOT_NEEDED",
                 upConfidentiality);
    cmd.AddValue(
        "gnbUpIntegrity", "the gNB supports UP integrity protection (1/0)", gnbUpIntegrity);
    cmd.AddValue("gnbUpConfidentiality",
                 "the gNB supports UP confidentiality protection (1/0)",
                 gnbUpConfidentiality);
    cmd.AddValue(
        "cipheringPriority", "gNB NEA priority list, most preferred first", s.cipheringPriority);
    cmd.AddValue(
        "integrityPriority", "gNB NIA priority list, most preferred first", s.integrityPriority);
    cmd.AddValue("emergency", "unauthenticated emergency UEs (NIA0 acceptable) (1/0)", emergency);
    cmd.AddValue("packetSize", "UDP payload bytes, 12..1400", packetSize);
    cmd.AddValue("tcpBytes", "bytes of each TCP flow, 0..100000000 (0: no TCP flow)", tcpBytes);
    cmd.AddValue("packets",
                 "packets per UDP flow, 0..10000 (0: one every 10 ms while the flows run)",
                 packets);
    cmd.AddValue("outputDir", "folder for traces.csv and the pcaps (empty: none)", s.outputDir);
    cmd.AddValue("reportUe",
                 "with outputDir: write the run report of this UE, report-ue-N.html (0: none)",
                 reportUe);
    cmd.AddValue("bench", "run the user-plane benchmark N times instead (0: no), 0..100", bench);
    CheckCommandLine(argc,
                     argv,
                     {"ues",
                      "duration",
                      "upIntegrity",
                      "upConfidentiality",
                      "gnbUpIntegrity",
                      "gnbUpConfidentiality",
                      "cipheringPriority",
                      "integrityPriority",
                      "emergency",
                      "packetSize",
                      "tcpBytes",
                      "outputDir",
                      "packets",
                      "reportUe",
                      "bench"});
    cmd.Parse(argc, argv);
    s.ues = ParseUnsigned("ues", ues, 1, 63535);
    s.duration = ParseSeconds("duration", duration, 0.6, 100);
    s.upIntegrity = ParsePolicy("upIntegrity", upIntegrity);
    s.upConfidentiality = ParsePolicy("upConfidentiality", upConfidentiality);
    s.gnbUpIntegrity = ParseBool("gnbUpIntegrity", gnbUpIntegrity);
    s.gnbUpConfidentiality = ParseBool("gnbUpConfidentiality", gnbUpConfidentiality);
    s.emergency = ParseBool("emergency", emergency);
    s.packetSize = ParseUnsigned("packetSize", packetSize, 12, 1400);
    s.tcpBytes = ParseUnsigned("tcpBytes", tcpBytes, 0, 100000000);
    s.packets = ParseUnsigned("packets", packets, 0, 10000);
    const uint32_t benchRuns = ParseUnsigned("bench", bench, 0, 100);
    s.reportUe = ParseUnsigned("reportUe", reportUe, 0, s.ues);
    // the priority lists are checked by the gNB RRC attribute (std::invalid_argument)
    if (benchRuns > 0)
    {
        return Bench(benchRuns, s);
    }
    Outcome o = RunScenario(s);
    std::cout << (o.ok ? "every flow delivered what it should\n"
                       : "SOME FLOW DID NOT DELIVER WHAT IT SHOULD\n");
    return o.ok ? 0 : 1;
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
        std::cerr << "nr-security-user-plane: " << e.what() << "\n";
        return 2;
    }
}
