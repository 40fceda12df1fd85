// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The main job: one gNB, N UEs (3 by default), each UE attached with SRB1 up and unprotected;
 * with --gnbs=M the UEs are spread over M cells instead (UE i is served by cell i mod M and
 * placed near it, within 400 m of its gNB on a grid of gNBs 1000 m apart, so that its own
 * cell is also its strongest). The gNB gets K_gNB from the AMF and runs the AS Security Mode
 * Command procedure (TS 38.331 5.3.4, TS 33.501 6.7.4) with every UE over a simulated NR air
 * interface. Prints, per UE, a table of steps 26-33 with their simulation times and the keys
 * derived, then a summary; writes traces.csv, one pcap per device, keys.csv and Wireshark's key and
 * preference files into the output directory.
 *
 *   ./nr-security-smc [--ues=3] [--gnbs=1] [--cipheringPriority=NEA2,NEA3,NEA1,NEA0]
 *       [--integrityPriority=NIA2,NIA3,NIA1] [--ueNea=1,2,3] [--ueNia=1,2,3] [--lossRate=0]
 *       [--scs=30] [--outputDir=demo-output] [--pcap=1] [--traces=1] [--table=1] [--explain=0]
 *       [--reportUe=1] [--RngRun=1]
 *
 * Exit status: 0 when every UE's procedure completed, 1 when any failed or never started (no
 * RRC connection; the summary says how many), 2 with one line on stderr for a bad option value.
 */
#include "nr-security-smc-explain.h"
#include "ns3/core-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/nr-security-module.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

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

std::map<uint32_t, UeRecord> g_ues;

/// The step rows and keys are kept only for the table (--table=1); without it a UE's record
/// holds what the summary needs (the record is still made at the first step or key, so the
/// counts are those of a run with the table).
bool g_keepRows = true;

void
UeStep(uint32_t ue, uint32_t step, const std::string& what)
{
    UeRecord& r = g_ues[ue];
    if (g_keepRows)
    {
        r.steps.push_back({Simulator::Now(), step, "UE", what});
    }
}

void
GnbStep(uint32_t ue, uint32_t step, const std::string& what)
{
    UeRecord& r = g_ues[ue];
    if (step == 26)
    {
        r.smcSent = Simulator::Now();
    }
    if (g_keepRows)
    {
        r.steps.push_back({Simulator::Now(), step, "gNB", what});
    }
}

void
UeKey(uint32_t ue, const std::string& name, const std::vector<uint8_t>& key, uint32_t)
{
    UeRecord& r = g_ues[ue];
    if (g_keepRows)
    {
        r.keys.emplace_back(name, NrSecurityToHex(key));
    }
}

void
GnbActivated(uint32_t ue, const std::string&, const std::string&)
{
    g_ues[ue].active = true;
    g_ues[ue].activated = Simulator::Now();
}

void
Failure(std::string side, uint32_t ue, const std::string& reason)
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

/// \return text as an unsigned integer in min..max \throws std::invalid_argument naming the option
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
            used = 0; // out of range
        }
    }
    if (used == 0 || used != text.size() || v < min || v > max)
    {
        throw std::invalid_argument("--" + option + "=" + text + ": expected an integer "
                                    + std::to_string(min) + ".." + std::to_string(max));
    }
    return v;
}

/// \return text as a probability 0..1 \throws std::invalid_argument naming the option
double
ParseProbability(const std::string& option, const std::string& text)
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
    if (used == 0 || used != text.size() || !(v >= 0.0 && v <= 1.0))
    {
        throw std::invalid_argument("--" + option + "=" + text + ": expected a probability 0..1");
    }
    return v;
}

/// \return text as a boolean (1/0, true/false) \throws std::invalid_argument naming the option
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

/// \return the capability bitmap of a list of algorithms 0..3 \throws std::invalid_argument
uint16_t
ParseCapabilities(const std::string& option, const std::string& text)
{
    // The other family's names ("--ueNea=NIA2") are a mistake, not a list of NEA ids.
    std::string upper = text;
    std::transform(
        upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    const std::string other = option == std::string("ueNea") ? "NIA" : "NEA";
    if (upper.find(other) != std::string::npos)
    {
        throw std::invalid_argument("--" + option + "=" + text + ": " + other
                                    + " names an algorithm of the other family; expected a list "
                                    + "of 0..3 (or " + (other == "NIA" ? "NEA" : "NIA") + "0..3)");
    }
    try
    {
        return NrSecurityUeCapabilities::BitmapFromList(text);
    }
    catch (const std::invalid_argument& e)
    {
        throw std::invalid_argument("--" + option + "=" + text + ": " + e.what());
    }
}

/**
 * \brief Runs a program with its arguments, without a shell (an output folder named
 *        "a;rm -rf x" stays a folder name).
 * \param args the program (looked up on PATH) and its arguments
 * \return its exit status, or -1 if it could not be started or did not exit normally
 */
int
RunProgram(const std::vector<std::string>& args)
{
    std::vector<char*> argv;
    for (const std::string& a : args)
    {
        argv.push_back(const_cast<char*>(a.c_str()));
    }
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
    {
        return -1;
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
    {
        return -1;
    }
    return WEXITSTATUS(status);
}

/**
 * \brief Checks the command line before ns-3's CommandLine reads it, which would print the
 *        whole help and exit 1 on an unknown option and silently keep only the first word of
 *        a value with a space.
 * \param argc,argv the command line
 * \param options the example's own option names
 * \throws std::invalid_argument (one line, exit status 2) for an unknown option, one of ours
 *         without a value or with an empty one, a value with white space, or a stray word
 */
void
CheckCommandLine(int argc, char* argv[], const std::set<std::string>& options)
{
    // CommandLine's own options, and anything it hands to ns-3 (attributes, global values).
    static const std::set<std::string> builtin = {"help",
                                                  "PrintHelp",
                                                  "PrintGlobals",
                                                  "PrintGroups",
                                                  "PrintGroup",
                                                  "PrintTypeIds",
                                                  "PrintAttributes",
                                                  "PrintVersion"};
    std::set<std::string> globals;
    for (auto it = GlobalValue::Begin(); it != GlobalValue::End(); ++it)
    {
        globals.insert((*it)->GetName());
    }
    for (int i = 1; i < argc; ++i)
    {
        const std::string arg = argv[i];
        const size_t dashes = arg.rfind("--", 0) == 0 ? 2 : (arg.rfind('-', 0) == 0 ? 1 : 0);
        if (dashes == 0)
        {
            throw std::invalid_argument("unexpected argument '" + arg
                                        + "' (options are --name=value; see --help)");
        }
        const size_t eq = arg.find('=');
        const std::string name
            = arg.substr(dashes, eq == std::string::npos ? std::string::npos : eq - dashes);
        const bool ours = options.count(name) > 0;
        if (!ours && builtin.count(name) == 0 && globals.count(name) == 0
            && name.find("::") == std::string::npos)
        {
            throw std::invalid_argument("unknown option '" + arg + "' (see --help)");
        }
        const std::string value = eq == std::string::npos ? std::string() : arg.substr(eq + 1);
        if (ours && value.empty())
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

} // namespace

/// The example proper; main() turns a configuration error into one line and exit code 2.
int
Run(int argc, char* argv[])
{
    std::string uesText = "3";
    std::string gnbsText = "1";
    std::string cipheringPriority = "NEA2,NEA3,NEA1,NEA0";
    std::string integrityPriority = "NIA2,NIA3,NIA1";
    std::string ueNea = "1,2,3";
    std::string ueNia = "1,2,3";
    std::string lossRateText = "0";
    std::string scsText = "30";
    std::string outputDir = "demo-output";
    std::string pcapText = "1";
    std::string tracesText = "1";
    std::string tableText = "1";
    std::string explainText = "0";
    std::string reportUeText = "1";
    std::string rngRunText = std::to_string(RngSeedManager::GetRun());

    // Every value is read as text and checked here, so that a bad one gets one line and exit
    // status 2 (ns-3's CommandLine would print the whole help and exit 1).
    CommandLine cmd(__FILE__);
    cmd.Usage("The AS Security Mode Command procedure (TS 38.331 5.3.4, TS 33.501 6.7.4) of N "
              "UEs with one gNB (or --gnbs cells).\nExit status: 0 when every procedure "
              "completed, 1 when any failed or never started, 2 for a bad option value (one line "
              "on stderr).");
    cmd.AddValue("ues", "number of UEs, 1..1000000", uesText);
    cmd.AddValue("gnbs",
                 "number of gNBs (cells), 1..1000, on a grid 1000 m apart; UE i is served by "
                 "cell i mod gnbs and placed within 400 m of its gNB",
                 gnbsText);
    cmd.AddValue("cipheringPriority",
                 "gNB ciphering priority list, NEA0..NEA3 (or 0..3), most preferred first",
                 cipheringPriority);
    cmd.AddValue("integrityPriority",
                 "gNB integrity priority list, NIA0..NIA3 (or 0..3), most preferred first; NIA0 "
                 "is never selected for these (non-emergency) UEs",
                 integrityPriority);
    cmd.AddValue("ueNea",
                 "UE ciphering capabilities, a list of 0..3: 1..3 are the NEA1..NEA3 bits of "
                 "the capability bitmap; NEA0 is always supported (TS 33.501 5.11.1.1), so '0' "
                 "alone is a UE with NEA0 only",
                 ueNea);
    cmd.AddValue("ueNia",
                 "UE integrity capabilities, a list of 0..3 as for ueNea; '0' alone (NIA0 only) "
                 "leaves no algorithm the gNB may select, so every procedure fails",
                 ueNia);
    cmd.AddValue("lossRate", "probability 0..1 that a transmission attempt is lost", lossRateText);
    cmd.AddValue("scs", "subcarrier spacing in kHz: 15, 30, 60 or 120", scsText);
    cmd.AddValue(
        "outputDir", "directory for traces.csv, pcaps and keys (created if missing)", outputDir);
    cmd.AddValue("pcap", "write pcaps and key files (1 or 0)", pcapText);
    cmd.AddValue("traces",
                 "write traces.csv, traces-pdus.csv and traces-key-epochs.csv (1 or 0)",
                 tracesText);
    cmd.AddValue("table", "print the per-UE table of steps 26-33 (1 or 0)", tableText);
    cmd.AddValue("explain",
                 "print each UE's steps 27-30 with every input and intermediate, as "
                 "nr-security-calc --explain does (1 or 0)",
                 explainText);
    cmd.AddValue("reportUe",
                 "write the run report of this UE, OUTPUTDIR/report-ue-N.html (0: none)",
                 reportUeText);
    cmd.AddValue("RngRun",
                 "ns-3 run number (RngRun, 0..2^64-1): picks every UE's K_AMF and the losses",
                 rngRunText);
    CheckCommandLine(argc,
                     argv,
                     {"ues",
                      "gnbs",
                      "cipheringPriority",
                      "integrityPriority",
                      "ueNea",
                      "ueNia",
                      "lossRate",
                      "scs",
                      "outputDir",
                      "pcap",
                      "traces",
                      "table",
                      "explain",
                      "reportUe",
                      "RngRun"});
    cmd.Parse(argc, argv);
    const auto nUes = static_cast<uint32_t>(ParseUnsigned("ues", uesText, 1, 1000000));
    const auto nGnbs = static_cast<uint32_t>(ParseUnsigned("gnbs", gnbsText, 1, 1000));
    const double lossRate = ParseProbability("lossRate", lossRateText);
    const auto scs = static_cast<uint32_t>(ParseUnsigned("scs", scsText, 15, 120));
    if (scs != 15 && scs != 30 && scs != 60 && scs != 120)
    {
        throw std::invalid_argument("--scs=" + scsText + ": expected 15, 30, 60 or 120 (kHz)");
    }
    const bool pcap = ParseBool("pcap", pcapText);
    const bool traces = ParseBool("traces", tracesText);
    const bool table = ParseBool("table", tableText);
    const bool explain = ParseBool("explain", explainText);
    g_keepRows = table; // --explain keeps its own values (SmcExplainer)
    const auto reportUe = static_cast<uint32_t>(ParseUnsigned("reportUe", reportUeText, 0, nUes));
    RngSeedManager::SetRun(ParseUnsigned("RngRun", rngRunText, 0, UINT64_MAX));
    NrSecurityUeCapabilities caps;
    caps.neaBitmap = ParseCapabilities("ueNea", ueNea);
    caps.niaBitmap = ParseCapabilities("ueNia", ueNia);
    for (const auto& [option, value] : {std::make_pair("cipheringPriority", cipheringPriority),
                                        std::make_pair("integrityPriority", integrityPriority)})
    {
        std::string attribute = option;
        attribute[0] = static_cast<char>(std::toupper(attribute[0]));
        TypeId::AttributeInformation info;
        NrSecurityGnbRrc::GetTypeId().LookupAttributeByName(attribute, &info);
        if (!info.checker->Check(StringValue(value)))
        {
            throw std::invalid_argument("--" + std::string(option) + "=" + value
                                        + ": expected a list of "
                                        + (option[0] == 'c' ? "NEA" : "NIA") + "0.."
                                        + (option[0] == 'c' ? "NEA" : "NIA") + "3");
        }
    }
    std::filesystem::create_directories(outputDir);
    auto wallStart = std::chrono::steady_clock::now();

    NodeContainer gnbNodes;
    gnbNodes.Create(nGnbs);
    NodeContainer ueNodes;
    ueNodes.Create(nUes);
    MobilityHelper mobility;
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    if (nGnbs == 1)
    {
        mobility.Install(gnbNodes);
        mobility.SetPositionAllocator(
            "ns3::UniformDiscPositionAllocator", "rho", DoubleValue(500.0));
        mobility.Install(ueNodes);
    }
    else
    {
        // gNB g at (1000 m) * (g mod columns, g / columns); UE i on a disc of 400 m around the
        // gNB of cell i mod nGnbs: nearer its own gNB than any other (>= 600 m away).
        const auto columns = static_cast<uint32_t>(std::ceil(std::sqrt(double(nGnbs))));
        auto gnbPositions = CreateObject<ListPositionAllocator>();
        for (uint32_t g = 0; g < nGnbs; ++g)
        {
            gnbPositions->Add(Vector(1000.0 * (g % columns), 1000.0 * (g / columns), 0));
        }
        mobility.SetPositionAllocator(gnbPositions);
        mobility.Install(gnbNodes);
        auto disc = CreateObject<UniformDiscPositionAllocator>();
        disc->SetRho(400.0);
        auto uePositions = CreateObject<ListPositionAllocator>();
        for (uint32_t i = 0; i < nUes; ++i)
        {
            const uint32_t g = i % nGnbs;
            const Vector d = disc->GetNext();
            uePositions->Add(Vector(1000.0 * (g % columns) + d.x, 1000.0 * (g / columns) + d.y, 0));
        }
        mobility.SetPositionAllocator(uePositions);
        mobility.Install(ueNodes);
    }

    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    nr->SetChannelAttribute("SubcarrierSpacing", UintegerValue(scs));
    nr->SetGnbRrcAttribute("CipheringPriority", StringValue(cipheringPriority));
    nr->SetGnbRrcAttribute("IntegrityPriority", StringValue(integrityPriority));
    if (lossRate > 0)
    {
        Ptr<RateErrorModel> loss = CreateObject<RateErrorModel>();
        loss->SetAttribute("ErrorRate", DoubleValue(lossRate));
        loss->SetAttribute("ErrorUnit", StringValue("ERROR_UNIT_PACKET"));
        loss->AssignStreams(2); // as run_scenario in the Python module
        nr->SetUeDeviceAttribute("ReceiveErrorModel", PointerValue(loss));
        nr->SetGnbDeviceAttribute("ReceiveErrorModel", PointerValue(loss));
        // This example studies the SMC: a UE whose ARQ gives up stays as it is (a radio link
        // failure is traced) instead of starting re-establishment with a new K_gNB.
        nr->SetUeDeviceAttribute("ArqRadioLinkFailure", BooleanValue(false));
    }
    nr->AssignStreams(1); // before any K_AMF is drawn: --RngRun alone picks the keys
    NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes);
    NetDeviceContainer ues = nr->InstallUeDevice(ueNodes);
    nrsecuritysmc::SmcExplainer explainer; // --explain=1: steps 27-30 of each UE
    for (auto it = ues.Begin(); it != ues.End(); ++it)
    {
        nr->SetUeCapabilities(*it, caps);
        Ptr<NrSecurityUeRrc> rrc = DynamicCast<NrSecurityUeNetDevice>(*it)->GetRrc();
        rrc->TraceConnectWithoutContext("SmcStep", MakeCallback(&UeStep));
        rrc->TraceConnectWithoutContext("KeyDerived", MakeCallback(&UeKey));
        if (explain)
        {
            explainer.ConnectUe(rrc);
        }
        rrc->TraceConnectWithoutContext("SecurityModeFailure",
                                        MakeBoundCallback(&Failure, std::string("UE")));
    }
    for (uint32_t g = 0; g < gnbs.GetN(); ++g)
    {
        Ptr<NrSecurityGnbRrc> gnbRrc = DynamicCast<NrSecurityGnbNetDevice>(gnbs.Get(g))->GetRrc();
        if (explain)
        {
            explainer.ConnectGnb(gnbRrc);
        }
        gnbRrc->TraceConnectWithoutContext("SmcStep", MakeCallback(&GnbStep));
        gnbRrc->TraceConnectWithoutContext("SecurityActivated", MakeCallback(&GnbActivated));
        gnbRrc->TraceConnectWithoutContext("SecurityModeFailure",
                                           MakeBoundCallback(&Failure, std::string("gNB")));
    }

    if (traces)
    {
        nr->EnableTraces(outputDir + "/traces.csv");
    }
    const uint32_t chartedUes = std::min<uint32_t>(nUes, 3);
    nr->EnableMsc(outputDir + "/smc.msc", chartedUes, true); // smc-ue-1.msc ... one per UE
    if (pcap)
    {
        nr->EnablePcap(outputDir);
    }
    const std::string report = outputDir + "/report-ue-" + std::to_string(reportUe) + ".html";
    if (reportUe > 0)
    {
        nr->EnableReport(report, reportUe); // written at Simulator::Destroy
    }
    if (nGnbs == 1)
    {
        nr->Attach(ues, gnbs.Get(0));
    }
    else
    {
        std::vector<NetDeviceContainer> cells(nGnbs); // UE i to cell i mod nGnbs, its nearest
        for (uint32_t i = 0; i < ues.GetN(); ++i)
        {
            cells[i % nGnbs].Add(ues.Get(i));
        }
        for (uint32_t g = 0; g < nGnbs; ++g)
        {
            nr->Attach(cells[g], gnbs.Get(g));
        }
    }
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
        if (explain)
        {
            if (!table)
            {
                std::cout << "\nUE " << ue << "\n";
            }
            explainer.Print(ue, std::cout);
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
    // A UE whose RRC connection never came up (RRCSetup lost until T300 expired, or
    // rejected) has no SMC: it is neither completed nor failed, and it fails the run too.
    const uint32_t noSmc = nUes - std::min<uint32_t>(nUes, completed + failed);
    std::cout << std::fixed << "\nSummary: " << nUes << " UEs, " << completed
              << " procedures completed, " << failed << " failed";
    if (noSmc > 0)
    {
        std::cout << ", " << noSmc << " never reached the SecurityModeCommand";
    }
    if (completed > 0)
    {
        std::cout << ", SMC latency (SecurityModeCommand sent -> Complete verified) mean "
                  << std::setprecision(3) << (sum / completed).GetSeconds() * 1e3 << " ms, max "
                  << max.GetSeconds() * 1e3 << " ms";
    }
    std::cout << "\nWall time " << std::setprecision(3) << wall << " s (" << std::setprecision(1)
              << wall / nUes * 1e6 << " us per UE), peak memory " << PeakRssKiB() << " KiB\n";
    std::cout << "Output: " << (traces ? outputDir + "/traces.csv" : std::string("no traces"));
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
    Simulator::Destroy(); // writes the chart and the report
    if (reportUe > 0)
    {
        std::cout << "Run report of UE " << reportUe << ": " << report
                  << " (open it in a browser)\n";
    }
    // mscgen, if installed, renders the charts; run without a shell (the folder name is data).
    for (uint32_t ue = 1; ue <= chartedUes; ++ue)
    {
        const std::string chart = outputDir + "/smc-ue-" + std::to_string(ue);
        if (RunProgram({"mscgen", "-T", "png", "-i", chart + ".msc", "-o", chart + ".png"}) == 0)
        {
            std::cout << "Sequence chart of UE " << ue << ": " << chart << ".png (from " << chart
                      << ".msc)\n";
        }
    }
    return completed == nUes ? 0 : 1;
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
