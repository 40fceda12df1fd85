// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Scale baseline (not a test): the cost of attaching N UEs to one eNB with ns-3's own LTE
 * module, for bench/nr-security-scale.py to set against examples/nr-security-smc.cc. One eNB at
 * the origin, N UEs uniformly on a disc of radius 500 m (as in the example), LteHelper with
 * ideal RRC (LteHelper::UseIdealRrc), every UE attached to the eNB at t = 0; the simulation runs
 * until every UE has established its RRC connection (random access, RRCConnectionRequest,
 * RRCConnectionSetup, RRCConnectionSetupComplete: both LteUeRrc and LteEnbRrc fired
 * ConnectionEstablished) and stops there, or at --maxSimTime.
 *
 * Without an EPC (the default), LteHelper::Attach is exactly that RRC connection establishment:
 * ns-3 needs no EPC for it. With --epc=1 a PointToPointEpcHelper is added and a UE counts as
 * attached only once the default EPS bearer is up as well (S1AP Initial UE Message and Initial
 * Context Setup through ns-3's ideal MME, then an RRCConnectionReconfiguration setting up the
 * DRB: LteUeRrc ConnectionReconfiguration).
 *
 * Capacity of one ns-3 LTE cell: every UE context at the eNB (UeManager, created when a random
 * access preamble is answered) holds one SRS configuration index, and there are only
 * LteEnbRrc::SrsPeriodicity of them (at most 320, the largest periodicity of TS 36.213 Table 8.2-1
 * that ns-3 accepts); no attribute lifts this. So at most 320 UEs can be connected to one cell. In
 * practice fewer: contexts of random accesses that never reach RRCConnectionRequest (694 contexts
 * were created for 300 UEs) hold an index until the eNB's ConnectionRequestTimeoutDuration (15 ms)
 * expires, and when all indices are taken ns-3.37's LteEnbMac still answers the next preamble with
 * RNTI 0, on which PfFfMacScheduler aborts ("No info find in HARQ buffer for UE 0"; later ns-3
 * releases skip that RAR instead). With the default RACH settings 280 UEs peaked at 295-305
 * contexts over three runs, 300 UEs at 314 and 320, 320 UEs aborted. The summary prints the peak so
 * that a run can be judged. The program refuses --ues above the SRS periodicity (exit code 3)
 * unless --force=1.
 *
 *   ./nr-security-lte-baseline [--ues=100] [--epc=0] [--srsPeriodicity=320]
 *       [--maxSimTime=10] [--force=0] [--RngRun=1]
 *
 * Prints a summary in the style of nr-security-smc:
 *   Summary: N UEs, C connected, ...
 *   Wall time X s (Y us per UE), peak memory Z KiB
 */
#include "ns3/core-module.h"
#include "ns3/lte-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-epc-helper.h"

#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("NrSecurityLteAttachBaseline");

namespace
{

/// What the program counts while the UEs attach.
struct Counters
{
    uint32_t nUes = 0;                ///< UEs to attach
    bool epc = false;                 ///< attach includes the default bearer
    uint32_t ueEstablished = 0;       ///< LteUeRrc ConnectionEstablished
    uint32_t enbEstablished = 0;      ///< LteEnbRrc ConnectionEstablished
    uint32_t ueReconfigured = 0;      ///< LteUeRrc ConnectionReconfiguration (EPC: default DRB)
    uint32_t randomAccessErrors = 0;  ///< LteUeRrc RandomAccessError
    uint32_t connectionTimeouts = 0;  ///< LteUeRrc ConnectionTimeout (T300)
    uint32_t enbTimeouts = 0;         ///< LteEnbRrc RrcTimeout
    uint32_t contexts = 0;            ///< UE contexts (UeManager) alive at the eNB
    uint32_t maxContexts = 0;         ///< the most UE contexts alive at once
    uint32_t contextsCreated = 0;     ///< LteEnbRrc NewUeContext
    Time done = Seconds(0);           ///< when the last UE completed
    Time sumEstablished = Seconds(0); ///< sum of the UE-side establishment times
    Time maxEstablished = Seconds(0); ///< latest UE-side establishment time
};

Counters g_counters;

/// Stops the simulation once every UE has completed.
void
CheckDone()
{
    const Counters& c = g_counters;
    bool done = c.ueEstablished == c.nUes && c.enbEstablished == c.nUes
                && (!c.epc || c.ueReconfigured == c.nUes);
    if (done)
    {
        g_counters.done = Simulator::Now();
        Simulator::Stop();
    }
}

void
UeEstablished(uint64_t, uint16_t, uint16_t)
{
    ++g_counters.ueEstablished;
    g_counters.sumEstablished += Simulator::Now();
    g_counters.maxEstablished = std::max(g_counters.maxEstablished, Simulator::Now());
    CheckDone();
}

void
EnbEstablished(uint64_t, uint16_t, uint16_t)
{
    ++g_counters.enbEstablished;
    CheckDone();
}

void
UeReconfigured(uint64_t, uint16_t, uint16_t)
{
    ++g_counters.ueReconfigured;
    CheckDone();
}

void
UeRandomAccessError(uint64_t, uint16_t, uint16_t)
{
    ++g_counters.randomAccessErrors;
}

void
UeConnectionTimeout(uint64_t, uint16_t, uint16_t, uint8_t)
{
    ++g_counters.connectionTimeouts;
}

void
EnbRrcTimeout(uint64_t, uint16_t, uint16_t, std::string)
{
    ++g_counters.enbTimeouts;
}

void
EnbNewUeContext(uint16_t, uint16_t)
{
    ++g_counters.contextsCreated;
    g_counters.maxContexts = std::max(g_counters.maxContexts, ++g_counters.contexts);
}

void
EnbUeContextRemoved(uint64_t, uint16_t, uint16_t)
{
    --g_counters.contexts;
}

/// Peak resident set size of this process (VmHWM), in KiB.
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

/// Connects a trace source of an object and aborts if the name is wrong.
template <typename T, typename F>
void
Connect(Ptr<T> object, const std::string& name, F function)
{
    bool ok = object->TraceConnectWithoutContext(name, MakeCallback(function));
    NS_ABORT_MSG_UNLESS(ok, "no trace source " << name);
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t nUes = 100;
    bool epc = false;
    uint32_t srsPeriodicity = 320;
    double maxSimTime = 10.0;
    bool force = false;

    CommandLine cmd(__FILE__);
    cmd.AddValue("ues", "number of UEs", nUes);
    cmd.AddValue("epc", "add an EPC: attach includes the default EPS bearer", epc);
    cmd.AddValue("srsPeriodicity",
                 "LteEnbRrc::SrsPeriodicity (2..320 ms); caps the UEs of one cell",
                 srsPeriodicity);
    cmd.AddValue("maxSimTime", "simulated seconds after which to give up", maxSimTime);
    cmd.AddValue("force", "run even if --ues exceeds what one cell can hold", force);
    cmd.Parse(argc, argv);
    if (nUes == 0 || nUes > 65000)
    {
        std::cerr << "--ues must be 1..65000\n";
        return 2;
    }
    if (nUes > srsPeriodicity && !force)
    {
        std::cerr << "Infeasible: " << nUes << " UEs on one ns-3 LTE cell; every UE context "
                  << "holds one of the cell's SRS configuration indices and there are "
                  << srsPeriodicity << " (LteEnbRrc::SrsPeriodicity, at most 320), so at most "
                  << srsPeriodicity << " UEs can connect (--force=1 to run anyway; ns-3.37 "
                  << "then aborts in PfFfMacScheduler once the indices run out)\n";
        return 3;
    }
    g_counters.nUes = nUes;
    g_counters.epc = epc;
    auto wallStart = std::chrono::steady_clock::now();

    Config::SetDefault("ns3::LteHelper::UseIdealRrc", BooleanValue(true));
    Config::SetDefault("ns3::LteEnbRrc::SrsPeriodicity", UintegerValue(srsPeriodicity));

    NodeContainer enbNodes;
    enbNodes.Create(1);
    NodeContainer ueNodes;
    ueNodes.Create(nUes);
    MobilityHelper mobility;
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    mobility.Install(enbNodes);
    mobility.SetPositionAllocator("ns3::UniformDiscPositionAllocator", "rho", DoubleValue(500.0));
    mobility.Install(ueNodes);

    Ptr<LteHelper> lte = CreateObject<LteHelper>();
    lte->SetAttribute("UseIdealRrc", BooleanValue(true));
    if (epc)
    {
        lte->SetEpcHelper(CreateObject<PointToPointEpcHelper>());
    }
    NetDeviceContainer enbs = lte->InstallEnbDevice(enbNodes);
    NetDeviceContainer ues = lte->InstallUeDevice(ueNodes);
    lte->AssignStreams(ues, 1);
    lte->AssignStreams(enbs, 1000);

    for (auto it = ues.Begin(); it != ues.End(); ++it)
    {
        Ptr<LteUeRrc> rrc = DynamicCast<LteUeNetDevice>(*it)->GetRrc();
        Connect(rrc, "ConnectionEstablished", &UeEstablished);
        Connect(rrc, "ConnectionReconfiguration", &UeReconfigured);
        Connect(rrc, "RandomAccessError", &UeRandomAccessError);
        Connect(rrc, "ConnectionTimeout", &UeConnectionTimeout);
    }
    Ptr<LteEnbRrc> enbRrc = DynamicCast<LteEnbNetDevice>(enbs.Get(0))->GetRrc();
    Connect(enbRrc, "ConnectionEstablished", &EnbEstablished);
    Connect(enbRrc, "RrcTimeout", &EnbRrcTimeout);
    Connect(enbRrc, "NewUeContext", &EnbNewUeContext);
    Connect(enbRrc, "NotifyConnectionRelease", &EnbUeContextRemoved);

    lte->Attach(ues, enbs.Get(0));
    Simulator::Stop(Seconds(maxSimTime));
    Simulator::Run();

    const Counters& c = g_counters;
    uint32_t completed = epc ? std::min(c.ueEstablished, c.ueReconfigured) : c.ueEstablished;
    double wall
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    std::cout << "Summary: " << nUes << " UEs, " << completed << " connected"
              << (epc ? " (RRC connection and default bearer)" : " (RRC connection)") << ", "
              << nUes - completed << " not connected; eNB saw " << c.enbEstablished
              << ", UE contexts created " << c.contextsCreated << " (at most " << c.maxContexts
              << " at once, SRS limit " << srsPeriodicity << ")"
              << ", random access errors " << c.randomAccessErrors << ", T300 expiries "
              << c.connectionTimeouts << ", eNB RRC timeouts " << c.enbTimeouts;
    if (c.ueEstablished > 0)
    {
        std::cout << std::fixed << std::setprecision(3) << "; RRC connection established at "
                  << "mean " << (c.sumEstablished / c.ueEstablished).GetSeconds() * 1e3
                  << " ms, last " << c.maxEstablished.GetSeconds() * 1e3 << " ms";
    }
    std::cout << std::fixed << std::setprecision(3) << "; simulation stopped at "
              << Simulator::Now().GetSeconds() * 1e3 << " ms"
              << (c.done.IsStrictlyPositive() ? " (all attached)" : " (gave up)") << "\n";
    std::cout << "Wall time " << std::setprecision(3) << wall << " s (" << std::setprecision(1)
              << wall / nUes * 1e6 << " us per UE), peak memory " << PeakRssKiB() << " KiB\n";
    Simulator::Destroy();
    return completed == nUes ? 0 : 1;
}
