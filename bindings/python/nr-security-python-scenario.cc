// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Python bindings (pybind11): run_scenario, the AS Security Mode Command procedure between
 * gNBs and UEs built with NrSecurityHelper, as examples/nr-security-smc.cc does.
 */
#include "nr-security-python.h"
#include "ns3/core-module.h"
#include "ns3/network-module.h"
#include "ns3/nr-security-module.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

namespace ns3
{
namespace nrsecpy
{

namespace
{

using namespace pybind11::literals;

/// One UE's configuration.
struct UeConfig
{
    NrSecurityUeCapabilities caps;
    bool emergency = false;
    bool haveKamf = false;
    NrSecurityKey256 kAmf{};
    uint32_t ulNasCount = 0;
};

/// The whole scenario, checked, in C++ types (used without the GIL).
struct ScenarioConfig
{
    uint32_t nGnbs = 1;
    std::vector<UeConfig> ues;
    std::string neaPriority;
    std::string niaPriority;
    double lossRate = 0;
    uint32_t scs = 30;
    uint64_t run = 1;
    double stopTime = 5;
    std::string outputDir; ///< empty: traces to a temporary directory, no pcap
    bool pcap = true;
};

/// Keys as one side holds them.
struct KeySet
{
    bool present = false;
    NrSecurityKey256 kGnb{};
    NrSecurityAsKeys as;
};

/// What run_scenario reports per UE.
struct UeOutcome
{
    uint32_t ueId = 0;
    uint32_t node = 0;
    uint16_t cellId = 0;
    NrSecurityKey256 kAmf{};
    uint32_t ulNasCount = 0;
    std::string ueState;
    std::string gnbState; ///< empty: no context at the gNB
    std::string nea;      ///< empty unless the UE's AS security is active
    std::string nia;
    KeySet ueKeys;
    KeySet gnbKeys;
};

/// ns-3 has one simulator per process: one scenario at a time.
std::mutex g_runMutex;

/// Parses algorithm identities given as "NEA2,NEA1" / "2,1" or as a sequence of ints / names.
std::vector<uint32_t>
ParseAlgorithms(const py::handle& value, const std::string& name, const std::string& prefix)
{
    std::vector<py::object> items;
    if (py::isinstance<py::str>(value))
    {
        std::stringstream ss(value.cast<std::string>());
        std::string item;
        while (std::getline(ss, item, ','))
        {
            items.push_back(py::str(item));
        }
    }
    else if (py::isinstance<py::sequence>(value) && !PyObject_CheckBuffer(value.ptr()))
    {
        for (py::handle item : value.cast<py::sequence>())
        {
            items.push_back(py::reinterpret_borrow<py::object>(item));
        }
    }
    else
    {
        throw py::type_error(name + ": expected a string such as \"" + prefix + "2," + prefix
                             + "1\" or a list of algorithm identities");
    }
    std::vector<uint32_t> ids;
    for (size_t i = 0; i < items.size(); ++i)
    {
        const py::object& item = items[i];
        if (PyLong_Check(item.ptr()))
        {
            ids.push_back(
                static_cast<uint32_t>(ToUint(item.cast<py::int_>(),
                                             (name + "[" + std::to_string(i) + "]").c_str(),
                                             0,
                                             3,
                                             prefix + "0.." + prefix + "3")));
            continue;
        }
        if (!py::isinstance<py::str>(item))
        {
            throw py::type_error(name + "[" + std::to_string(i) + "]: expected an int or a str");
        }
        std::string text = item.cast<std::string>();
        std::string s = text;
        s.erase(0, s.find_first_not_of(" \t"));
        s.erase(s.find_last_not_of(" \t") + 1);
        if (s.size() == prefix.size() + 1 && s.compare(0, prefix.size(), prefix) == 0)
        {
            s = s.substr(prefix.size());
        }
        if (s.size() != 1 || s[0] < '0' || s[0] > '3')
        {
            throw py::value_error(name + ": '" + text + "' is not " + prefix + "0.." + prefix
                                  + "3 (or 0..3)");
        }
        ids.push_back(static_cast<uint32_t>(s[0] - '0'));
    }
    return ids;
}

std::string
PriorityString(const py::handle& value, const std::string& name, const std::string& prefix)
{
    std::vector<uint32_t> ids = ParseAlgorithms(value, name, prefix);
    if (ids.empty())
    {
        throw py::value_error(name + ": empty list (the gNB needs at least one algorithm)");
    }
    std::string s;
    for (uint32_t id : ids)
    {
        s += (s.empty() ? "" : ",") + prefix + std::to_string(id);
    }
    return s;
}

uint16_t
CapabilityBitmap(const py::handle& value, const std::string& name, const std::string& prefix)
{
    std::string list;
    for (uint32_t id : ParseAlgorithms(value, name, prefix))
    {
        list += (list.empty() ? "" : ",") + std::to_string(id);
    }
    return NrSecurityUeCapabilities::BitmapFromList(list);
}

bool
ToBool(const py::handle& value, const std::string& name)
{
    if (!PyBool_Check(value.ptr()))
    {
        throw py::type_error(name + ": expected True or False");
    }
    return value.ptr() == Py_True;
}

double
ToDouble(const py::handle& value, const std::string& name)
{
    if (!PyFloat_Check(value.ptr()) && !PyLong_Check(value.ptr()))
    {
        throw py::type_error(name + ": expected a number");
    }
    return value.cast<double>();
}

/// One value for every UE, or a sequence with one value per UE.
std::vector<py::object>
PerUe(const py::handle& value, const std::string& name, size_t nUes, bool scalarAllowed)
{
    if (scalarAllowed && !py::isinstance<py::list>(value) && !py::isinstance<py::tuple>(value))
    {
        return std::vector<py::object>(nUes, py::reinterpret_borrow<py::object>(value));
    }
    if (!py::isinstance<py::list>(value) && !py::isinstance<py::tuple>(value))
    {
        throw py::type_error(name + ": expected a list with one entry per UE");
    }
    auto seq = value.cast<py::sequence>();
    if (seq.size() != nUes)
    {
        throw py::value_error(name + ": expected " + std::to_string(nUes)
                              + " entries (one per UE), got " + std::to_string(seq.size()));
    }
    std::vector<py::object> out;
    for (py::handle item : seq)
    {
        out.push_back(py::reinterpret_borrow<py::object>(item));
    }
    return out;
}

void
Simulate(const ScenarioConfig& cfg, const std::string& traceFile, std::vector<UeOutcome>& out)
{
    // A clean simulator (Destroy also resets the node and channel lists, so node ids restart
    // at 0), and again on the way out, exception or not.
    Simulator::Destroy();
    struct DestroyGuard
    {
        ~DestroyGuard()
        {
            Simulator::Destroy();
        }
    } guard;
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(cfg.run);

    NodeContainer gnbNodes(cfg.nGnbs);
    NodeContainer ueNodes(static_cast<uint32_t>(cfg.ues.size()));
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    // Fixed stream numbers, set before the first draw: the K_AMFs and losses depend on the run
    // number only, not on how many random variables earlier runs in this process created.
    nr->AssignStreams(1);
    nr->SetChannelAttribute("SubcarrierSpacing", UintegerValue(cfg.scs));
    nr->SetGnbRrcAttribute("CipheringPriority", StringValue(cfg.neaPriority));
    nr->SetGnbRrcAttribute("IntegrityPriority", StringValue(cfg.niaPriority));
    if (cfg.lossRate > 0)
    {
        Ptr<RateErrorModel> loss = CreateObject<RateErrorModel>();
        loss->SetAttribute("ErrorRate", DoubleValue(cfg.lossRate));
        loss->SetAttribute("ErrorUnit", StringValue("ERROR_UNIT_PACKET"));
        loss->AssignStreams(2);
        nr->SetUeDeviceAttribute("ReceiveErrorModel", PointerValue(loss));
        nr->SetGnbDeviceAttribute("ReceiveErrorModel", PointerValue(loss));
    }
    NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes);
    NetDeviceContainer ues = nr->InstallUeDevice(ueNodes);
    // Each UE RRC draws its RRCSetupRequest randomValue from its own stream: fixed numbers
    // (above the loss model's 2) keep a run repeatable in one process.
    for (uint32_t i = 0; i < ues.GetN(); ++i)
    {
        DynamicCast<NrSecurityUeNetDevice>(ues.Get(i))->GetRrc()->AssignStreams(100 + i);
    }
    for (uint32_t i = 0; i < ues.GetN(); ++i)
    {
        const UeConfig& u = cfg.ues[i];
        Ptr<NrSecurityUeNetDevice> dev = DynamicCast<NrSecurityUeNetDevice>(ues.Get(i));
        NrSecurityKey256 kAmf = u.haveKamf ? u.kAmf : dev->GetRrc()->GetKamf();
        nr->SetUeSecurityContext(dev, kAmf, u.ulNasCount);
        nr->SetUeCapabilities(dev, u.caps, u.emergency);
    }
    nr->EnableTraces(traceFile);
    if (!cfg.outputDir.empty() && cfg.pcap)
    {
        nr->EnablePcap(cfg.outputDir);
    }
    for (uint32_t g = 0; g < gnbs.GetN(); ++g)
    {
        NetDeviceContainer group; // round robin: UE i is served by gNB i mod nGnbs
        for (uint32_t i = g; i < ues.GetN(); i += gnbs.GetN())
        {
            group.Add(ues.Get(i));
        }
        if (group.GetN() > 0)
        {
            nr->Attach(group, gnbs.Get(g));
        }
    }
    Simulator::Stop(Seconds(cfg.stopTime));
    Simulator::Run();

    for (uint32_t i = 0; i < ues.GetN(); ++i)
    {
        Ptr<NrSecurityUeNetDevice> dev = DynamicCast<NrSecurityUeNetDevice>(ues.Get(i));
        Ptr<NrSecurityGnbNetDevice> gnb
            = DynamicCast<NrSecurityGnbNetDevice>(gnbs.Get(i % gnbs.GetN()));
        Ptr<NrSecurityUeRrc> rrc = dev->GetRrc();
        UeOutcome o;
        o.ueId = dev->GetUeId();
        o.node = dev->GetNode()->GetId();
        o.cellId = gnb->GetCellId();
        o.kAmf = rrc->GetKamf();
        o.ulNasCount = rrc->GetUlNasCount();
        o.ueState = NrSecurityRrcStateName(rrc->GetState());
        if (rrc->IsSecurityActive())
        {
            o.nea = NrSecurityAlgorithms::Name(rrc->GetCiphering());
            o.nia = NrSecurityAlgorithms::Name(rrc->GetIntegrity());
            o.ueKeys.present = true;
            o.ueKeys.kGnb = rrc->GetKgnb();
            o.ueKeys.as = rrc->GetAsKeys();
        }
        if (const NrSecurityGnbUeContext* c = gnb->GetRrc()->GetUeContext(o.ueId))
        {
            o.gnbState = NrSecurityRrcStateName(c->state);
            if (c->state == NrSecurityRrcState::SECURITY_ACTIVE)
            {
                o.gnbKeys.present = true;
                o.gnbKeys.kGnb = c->kGnb;
                o.gnbKeys.as = c->keys;
            }
        }
        out.push_back(o);
    }
    Simulator::Destroy(); // runs the helper's ScheduleDestroy hooks: flushes traces and pcaps
    nr->Dispose();
}

/// A temporary directory, removed with everything in it.
struct TempDir
{
    std::string path;

    TempDir()
    {
        std::string pattern
            = (std::filesystem::temp_directory_path() / "nr-security-python-XXXXXX").string();
        std::vector<char> buf(pattern.begin(), pattern.end());
        buf.push_back('\0');
        if (mkdtemp(buf.data()) == nullptr)
        {
            throw std::runtime_error("run_scenario: cannot create a temporary directory");
        }
        path = buf.data();
    }

    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }

    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

/// Reads the helper's CSV (time_s,node,ue_id,event,step,detail) with Python's csv module.
py::list
ReadEvents(const std::string& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
    {
        throw std::runtime_error("run_scenario: cannot read " + file);
    }
    std::stringstream text;
    text << in.rdbuf();
    py::object reader = py::module_::import("csv").attr("DictReader")(
        py::module_::import("io").attr("StringIO")(py::str(text.str()), "newline"_a = ""));
    py::object toFloat = py::module_::import("builtins").attr("float");
    py::object toInt = py::module_::import("builtins").attr("int");
    py::list events;
    for (py::handle row : reader)
    {
        py::dict e;
        e["time"] = toFloat(row["time_s"]);
        e["node"] = toInt(row["node"]);
        e["ue_id"] = toInt(row["ue_id"]);
        e["event"] = row["event"];
        py::str step = row["step"];
        e["step"] = step.cast<std::string>().empty() ? py::object(py::none()) : toInt(step);
        e["detail"] = row["detail"];
        events.append(e);
    }
    return events;
}

py::object
KeyDict(const KeySet& k)
{
    py::dict d;
    d["k_gnb"] = k.present ? py::object(FromBytes(k.kGnb)) : py::object(py::none());
    d["k_rrc_enc"] = k.present ? py::object(FromBytes(k.as.kRrcEnc)) : py::object(py::none());
    d["k_rrc_int"] = k.present ? py::object(FromBytes(k.as.kRrcInt)) : py::object(py::none());
    d["k_up_enc"] = k.present ? py::object(FromBytes(k.as.kUpEnc)) : py::object(py::none());
    d["k_up_int"] = k.present ? py::object(FromBytes(k.as.kUpInt)) : py::object(py::none());
    return d;
}

py::object
OrNone(const std::string& s)
{
    return s.empty() ? py::object(py::none()) : py::object(py::str(s));
}

py::dict
RunScenario(const py::int_& uesArg,
            const py::int_& gnbsArg,
            const py::object& cipheringPriority,
            const py::object& integrityPriority,
            const py::object& ueNea,
            const py::object& ueNia,
            const py::object& emergency,
            const py::object& ueCapabilities,
            const py::object& kAmf,
            const py::object& ulNasCount,
            const py::object& lossRate,
            const py::int_& scs,
            const py::int_& seed,
            const py::object& stopTime,
            const py::object& outputDir,
            const py::object& pcap)
{
    ScenarioConfig cfg;
    size_t nUes = ToUint(uesArg, "ues", 1, 1000000, "number of UEs");
    cfg.nGnbs = static_cast<uint32_t>(ToUint(gnbsArg, "gnbs", 1, 1008, "number of gNBs"));
    cfg.neaPriority = PriorityString(cipheringPriority, "ciphering_priority", "NEA");
    cfg.niaPriority = PriorityString(integrityPriority, "integrity_priority", "NIA");
    uint64_t s = ToUint(scs, "scs", 15, 120, "subcarrier spacing in kHz: 15, 30, 60 or 120");
    if (s != 15 && s != 30 && s != 60 && s != 120)
    {
        throw py::value_error("scs: " + std::to_string(s) + " is not 15, 30, 60 or 120 (kHz)");
    }
    cfg.scs = static_cast<uint32_t>(s);
    cfg.run = ToUint(seed, "seed", 0, UINT64_MAX, "ns-3 RngRun");
    cfg.lossRate = ToDouble(lossRate, "loss_rate");
    if (!(cfg.lossRate >= 0 && cfg.lossRate <= 1))
    {
        throw py::value_error("loss_rate: " + py::str(lossRate).cast<std::string>()
                              + " is outside 0..1 (probability that an attempt is lost)");
    }
    cfg.stopTime = ToDouble(stopTime, "stop_time");
    if (!(cfg.stopTime > 0 && std::isfinite(cfg.stopTime)))
    {
        throw py::value_error("stop_time: " + py::str(stopTime).cast<std::string>()
                              + " is not a positive number of seconds");
    }
    cfg.pcap = ToBool(pcap, "pcap");

    cfg.ues.resize(nUes);
    uint16_t defaultNea = CapabilityBitmap(ueNea, "ue_nea", "NEA");
    uint16_t defaultNia = CapabilityBitmap(ueNia, "ue_nia", "NIA");
    bool defaultEmergency = ToBool(emergency, "emergency");
    std::vector<py::object> counts = PerUe(ulNasCount, "ul_nas_count", nUes, true);
    bool countsPerUe
        = py::isinstance<py::list>(ulNasCount) || py::isinstance<py::tuple>(ulNasCount);
    for (size_t i = 0; i < nUes; ++i)
    {
        UeConfig& u = cfg.ues[i];
        u.caps.neaBitmap = defaultNea;
        u.caps.niaBitmap = defaultNia;
        u.emergency = defaultEmergency;
        std::string countName
            = countsPerUe ? "ul_nas_count[" + std::to_string(i) + "]" : "ul_nas_count";
        if (!PyLong_Check(counts[i].ptr()))
        {
            throw py::type_error(countName + ": expected an int");
        }
        u.ulNasCount = static_cast<uint32_t>(ToUint(
            counts[i].cast<py::int_>(), countName.c_str(), 0, 0xFFFFFFFF, "NAS COUNT is 32 bits"));
    }
    if (!ueCapabilities.is_none())
    {
        std::vector<py::object> caps = PerUe(ueCapabilities, "ue_capabilities", nUes, false);
        for (size_t i = 0; i < nUes; ++i)
        {
            std::string name = "ue_capabilities[" + std::to_string(i) + "]";
            if (caps[i].is_none())
            {
                continue;
            }
            if (!py::isinstance<py::dict>(caps[i]))
            {
                throw py::type_error(name + ": expected a dict with keys nea, nia, emergency");
            }
            for (auto [key, value] : caps[i].cast<py::dict>())
            {
                std::string k = py::str(key).cast<std::string>();
                if (k == "nea")
                {
                    cfg.ues[i].caps.neaBitmap = CapabilityBitmap(value, name + "[nea]", "NEA");
                }
                else if (k == "nia")
                {
                    cfg.ues[i].caps.niaBitmap = CapabilityBitmap(value, name + "[nia]", "NIA");
                }
                else if (k == "emergency")
                {
                    cfg.ues[i].emergency = ToBool(value, name + "[emergency]");
                }
                else
                {
                    throw py::value_error(name + ": unknown key '" + k
                                          + "' (expected nea, nia, emergency)");
                }
            }
        }
    }
    if (!kAmf.is_none())
    {
        std::vector<py::object> keys = PerUe(kAmf, "k_amf", nUes, false);
        for (size_t i = 0; i < nUes; ++i)
        {
            std::string name = "k_amf[" + std::to_string(i) + "]";
            cfg.ues[i].kAmf = ToKey<32>(keys[i], name.c_str());
            cfg.ues[i].haveKamf = true;
        }
    }
    if (!outputDir.is_none())
    {
        cfg.outputDir = py::module_::import("os").attr("fspath")(outputDir).cast<std::string>();
        std::error_code ec;
        std::filesystem::create_directories(cfg.outputDir, ec);
        if (ec || !std::filesystem::is_directory(cfg.outputDir))
        {
            throw py::value_error("output_dir: cannot create '" + cfg.outputDir
                                  + "': " + (ec ? ec.message() : "not a directory"));
        }
    }

    std::unique_ptr<TempDir> tmp;
    std::string traceFile;
    if (cfg.outputDir.empty())
    {
        tmp = std::make_unique<TempDir>();
        traceFile = tmp->path + "/traces.csv";
    }
    else
    {
        traceFile = (std::filesystem::path(cfg.outputDir) / "traces.csv").string();
    }

    std::vector<UeOutcome> outcomes;
    {
        py::gil_scoped_release release; // the simulation touches no Python object
        std::lock_guard<std::mutex> lock(g_runMutex);
        Simulate(cfg, traceFile, outcomes);
    }

    py::dict result;
    result["events"] = ReadEvents(traceFile);
    py::dict keys;
    py::dict gnbKeys;
    py::dict ues;
    for (const UeOutcome& o : outcomes)
    {
        py::dict k = KeyDict(o.ueKeys).cast<py::dict>();
        k["k_amf"] = FromBytes(o.kAmf);
        k["ul_nas_count"] = o.ulNasCount;
        keys[py::int_(o.ueId)] = k;
        gnbKeys[py::int_(o.ueId)] = KeyDict(o.gnbKeys);
        py::dict u;
        u["node"] = o.node;
        u["cell_id"] = o.cellId;
        u["ue_state"] = o.ueState;
        u["gnb_state"] = OrNone(o.gnbState);
        u["nea"] = OrNone(o.nea);
        u["nia"] = OrNone(o.nia);
        u["active"] = o.ueKeys.present && o.gnbKeys.present;
        ues[py::int_(o.ueId)] = u;
    }
    result["keys"] = keys;
    result["gnb_keys"] = gnbKeys;
    result["ues"] = ues;
    result["output_dir"] = OrNone(cfg.outputDir);
    return result;
}

} // namespace

void
RegisterScenario(py::module_& m)
{
    m.def("run_scenario",
          &RunScenario,
          py::kw_only(),
          "ues"_a = 3,
          "gnbs"_a = 1,
          "ciphering_priority"_a = "NEA2,NEA3,NEA1,NEA0",
          "integrity_priority"_a = "NIA2,NIA3,NIA1",
          "ue_nea"_a = "1,2,3",
          "ue_nia"_a = "1,2,3",
          "emergency"_a = false,
          "ue_capabilities"_a = py::none(),
          "k_amf"_a = py::none(),
          "ul_nas_count"_a = 0,
          "loss_rate"_a = 0.0,
          "scs"_a = 30,
          "seed"_a = 1,
          "stop_time"_a = 5.0,
          "output_dir"_a = py::none(),
          "pcap"_a = true,
          R"doc(Runs the AS Security Mode Command procedure (TS 38.331 5.3.4, TS 33.501 6.7.4)
between gNBs and UEs on the simulated NR air interface, like examples/nr-security-smc.cc but
with no node positions (no propagation delay, so times are a few us to one slot earlier),
and returns its trace events and keys.

Each UE is attached at t = 0 with SRB1 up and unprotected; its gNB gets K_gNB from the AMF,
selects the algorithms (TS 33.501 6.7.3.0: the first entry of each priority list the UE
supports; NIA0 only for an emergency UE), derives the AS keys (TS 33.501 A.8) and sends the
SecurityModeCommand. UE i (0-based) is served by gNB i mod gnbs (round robin).

Keyword arguments (all keyword-only):
  ues: number of UEs, 1..1000000 (UE ids 1..ues). gnbs: number of gNBs, 1..1008 (cell ids
    1..gnbs).
  ciphering_priority, integrity_priority: the gNBs' preference lists, most preferred
    first, as "NEA2,NEA1,NEA0" / "2,1,0" or a list [2, 1, 0] / ["NEA2", ...].
  ue_nea, ue_nia: every UE's security capabilities (TS 38.413 9.3.1.86), algorithms 1..3
    in the same forms ("1,2,3", [2], [] for none); NEA0/NIA0 are always supported and
    ignored here.
  emergency: every UE is an unauthenticated emergency session (NIA0 acceptable).
  ue_capabilities: None, or a list with one entry per UE: None or a dict with any of
    "nea", "nia", "emergency" overriding the three arguments above for that UE.
  k_amf: None (K_AMF drawn per UE from the run's random stream) or a list of one 32-byte
    K_AMF per UE.
  ul_nas_count: the uplink NAS COUNT for K_gNB (TS 33.501 A.9), one int for every UE or a
    list with one per UE, 0..2**32-1.
  loss_rate: probability 0..1 that a transmission attempt is lost (ARQ retransmits;
    radio link failure after the retransmission limit).
  scs: subcarrier spacing in kHz, 15, 30, 60 or 120 (sets the slot timing).
  seed: ns-3's RngRun (RngSeed stays 1); same seed, same run, also within one process.
  stop_time: simulated seconds, > 0.
  output_dir: None, or a directory (created if missing) for traces.csv and, if pcap is
    True, gnb-N.pcap, ue-N.pcap, keys.csv and Wireshark's pdcp_nr_ue_keys / preferences.
  pcap: write the pcaps and key files into output_dir.

Returns a dict:
  "events": a list of dicts, one per trace event, in order: time (simulation time, float
    seconds), node (ns-3 node id: gNBs 0..gnbs-1, then UEs), ue_id (int), event
    (KeyDerived, SmcStep, SecurityActivated, SecurityModeFailure, IntegrityFailure,
    StateChanged, RrcMessage, RadioLinkFailure, ...), step (int, the TS 33.501 6.7.4 /
    TS 38.331 step 26..33 for KeyDerived and SmcStep, else None) and detail (str) - the
    rows of NrSecurityHelper::EnableTraces' CSV (time_s,node,ue_id,event,step,detail).
  "keys": {ue_id: {"k_amf": 32 bytes, "ul_nas_count": int, "k_gnb": 32 bytes,
    "k_rrc_enc", "k_rrc_int", "k_up_enc", "k_up_int": 16 bytes each}}, as the UE holds
    them; the derived keys are None unless the UE's AS security is active.
  "gnb_keys": {ue_id: {"k_gnb", "k_rrc_enc", "k_rrc_int", "k_up_enc", "k_up_int"}} as the
    serving gNB holds them, None unless the gNB's context for the UE is SECURITY_ACTIVE.
  "ues": {ue_id: {"node", "cell_id", "ue_state", "gnb_state" (None: no context), "nea",
    "nia" (e.g. "NEA2", None unless active at the UE), "active" (both sides active)}}.
  "output_dir": the output directory or None.

Raises ValueError (TypeError for a wrong type) naming the argument, e.g.
"integrity_priority: 'NIA7' is not NIA0..NIA3 (or 0..3)". Each call starts from a fresh
simulator (Simulator::Destroy before and after, RngSeedManager reset), so it can be called
any number of times in one process; calls from several threads run one at a time.)doc");
}

} // namespace nrsecpy
} // namespace ns3
