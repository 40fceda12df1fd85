// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Python bindings (pybind11): run_relay_scenario, a man-in-the-middle relay
 * (NrSecurityMitmRelay, installed by NrSecurityAdversaryHelper) between one UE and one gNB,
 * with the relay's interception callback written in Python.
 */
#include "nr-security-python.h"
#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/nr-security-module.h"

#include <exception>
#include <mutex>

namespace ns3
{
namespace nrsecpy
{

namespace
{

using namespace pybind11::literals;

/// ns-3 has one simulator per process: one scenario at a time (also against run_scenario's
/// calls, which hold their own lock and likewise start and end with Simulator::Destroy).
std::mutex g_relayMutex;

/// \return "SRB0", "SRB" or "DRB" \param t the RB type
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

/// The relay's intercept callback, calling a Python callable (the GIL is held: the
/// simulation runs in the calling thread without releasing it).
struct PythonInterceptor
{
    py::object fn;            ///< the callable, or None
    uint64_t calls = 0;       ///< frames handed to it
    uint64_t drops = 0;       ///< "drop" answers
    uint64_t rewrites = 0;    ///< bytes answers
    std::exception_ptr error; ///< the first exception it raised (the run stops there)

    /// \return the relay's decision for a frame \param frame the frame (its PDU may be replaced)
    NrSecurityRelayDecision Intercept(NrSecurityAirFrame& frame)
    {
        NrSecurityRelayDecision d; // FORWARD
        if (fn.is_none() || error)
        {
            return d;
        }
        ++calls;
        try
        {
            py::dict f;
            f["time"] = Simulator::Now().GetSeconds();
            f["uplink"] = frame.uplink;
            f["ue_id"] = frame.ueId;
            f["cell_id"] = frame.cellId;
            f["rb_type"] = RbTypeName(frame.type);
            f["rb_id"] = frame.rbId;
            f["attempt"] = frame.attempt;
            f["origin"] = NrSecurityFrameOriginName(frame.origin);
            f["rx_power_dbm"] = frame.rxPowerDbm;
            f["ciphered"] = frame.ciphered;
            f["integrity"] = frame.integrity;
            f["mac_i_present"] = frame.macIPresent;
            f["sn_length_bits"] = frame.snLengthBits;
            f["sdap_header"] = frame.sdapHeader;
            std::vector<uint8_t> bytes(frame.pdu ? frame.pdu->GetSize() : 0);
            if (!bytes.empty())
            {
                frame.pdu->CopyData(bytes.data(), bytes.size());
            }
            f["pdu"] = FromBytes(bytes);
            py::object r = fn(f);
            if (r.is_none())
            {
                return d;
            }
            if (py::isinstance<py::str>(r))
            {
                const std::string s = r.cast<std::string>();
                if (s == "forward")
                {
                    return d;
                }
                if (s == "drop")
                {
                    ++drops;
                    d.action = NrSecurityRelayAction::DROP;
                    return d;
                }
                throw py::value_error("intercept: returned '" + s
                                      + "'; expected None, \"forward\", \"drop\" or bytes");
            }
            if (!PyObject_CheckBuffer(r.ptr()))
            {
                throw py::type_error("intercept: returned a " + std::string(py::str(r.get_type()))
                                     + "; expected None, \"forward\", \"drop\" or bytes");
            }
            const std::vector<uint8_t> pdu = ToBytes(r, "intercept return value");
            frame.pdu = Create<Packet>(pdu.data(), pdu.size());
            ++rewrites;
        }
        catch (...)
        {
            error = std::current_exception();
            Simulator::Stop(); // nothing more runs; the exception reaches the caller
        }
        return d;
    }
};

/// Counts packets and keeps their bytes (UDP payloads).
struct PayloadLog
{
    std::vector<std::vector<uint8_t>> payloads; ///< in order

    /// \param p a packet
    void Add(Ptr<const Packet> p)
    {
        std::vector<uint8_t> b(p->GetSize());
        p->CopyData(b.data(), b.size());
        payloads.push_back(b);
    }
};

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

/// \return a list of bytes objects \param v the payloads
py::list
ToList(const std::vector<std::vector<uint8_t>>& v)
{
    py::list l;
    for (const std::vector<uint8_t>& b : v)
    {
        l.append(FromBytes(b));
    }
    return l;
}

py::dict
RunRelayScenario(const py::object& intercept,
                 const py::object& mitigated,
                 const py::object& upIntegrity,
                 const py::int_& packetsArg,
                 const py::object& payloadArg,
                 const py::int_& seedArg,
                 const py::object& dataset)
{
    if (!intercept.is_none() && !PyCallable_Check(intercept.ptr()))
    {
        throw py::type_error("intercept: expected None or a callable taking a dict");
    }
    if (!PyBool_Check(mitigated.ptr()))
    {
        throw py::type_error("mitigated: expected True or False");
    }
    if (!py::isinstance<py::str>(upIntegrity))
    {
        throw py::type_error(
            "up_integrity: expected \"NOT_NEEDED\", \"PREFERRED\" or \"REQUIRED\"");
    }
    NrSecurityUpPolicy policy;
    try
    {
        policy = NrSecurityUpPolicyFromName(upIntegrity.cast<std::string>());
    }
    catch (const std::invalid_argument& e)
    {
        throw py::value_error(std::string("up_integrity: ") + e.what());
    }
    if (mitigated.ptr() == Py_True)
    {
        policy = NrSecurityUpPolicy::REQUIRED; // the mitigation: every relayed DRB PDU verified
    }
    const uint32_t packets = uint32_t(ToUint(packetsArg, "packets", 1, 1000));
    const std::vector<uint8_t> payload = ToBytes(payloadArg, "payload");
    if (payload.empty() || payload.size() > 1400)
    {
        throw py::value_error("payload: expected 1..1400 bytes, got "
                              + std::to_string(payload.size()));
    }
    const uint32_t seed = uint32_t(ToUint(seedArg, "seed", 1, 4294967295ULL));
    std::string datasetStem;
    if (!dataset.is_none())
    {
        if (!py::isinstance<py::str>(dataset))
        {
            throw py::type_error("dataset: expected None or a path stem (str)");
        }
        datasetStem = dataset.cast<std::string>();
    }

    std::lock_guard<std::mutex> lock(g_relayMutex);
    Simulator::Destroy();
    struct DestroyGuard
    {
        ~DestroyGuard()
        {
            Simulator::Destroy();
        }
    } guard;
    RngSeedManager::SetSeed(seed);
    RngSeedManager::SetRun(1);

    // The victims: one gNB at (0, 0, 10), one UE 100 m away; the relay 5 m from the UE (it is
    // received far stronger, so the UE selects its cell).
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    nr->EnableUserPlane();
    NodeContainer gnbNodes(PlacedNode(Vector(0, 0, 10)));
    NodeContainer ueNodes(PlacedNode(Vector(100, 0, 1.5)));
    NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes);
    NetDeviceContainer ues = nr->InstallUeDevice(ueNodes);
    InternetStackHelper().Install(ueNodes);
    nr->AssignUeIpv4Address(ues);
    Ptr<Node> remote = nr->CreateRemoteHost();
    const Ipv4Address remoteAddress = remote->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    nr->SetUpSecurityPolicy(ues, policy, NrSecurityUpPolicy::REQUIRED);

    NrSecurityAdversaryHelper adv(nr);
    if (!datasetStem.empty())
    {
        adv.EnableDataset(datasetStem, "python-relay");
    }
    Ptr<NrSecurityMitmRelay> relay = adv.InstallRelay(PlacedNode(Vector(105, 0, 1.5)), gnbs.Get(0));
    PythonInterceptor interceptor;
    interceptor.fn = intercept;
    relay->SetInterceptCallback(MakeCallback(&PythonInterceptor::Intercept, &interceptor));
    Ptr<NrSecurityUeNetDevice> ue = DynamicCast<NrSecurityUeNetDevice>(ues.Get(0));
    Simulator::Schedule(MilliSeconds(1), [ue]() { ue->AttachToStrongestCell(); });

    // UDP echo: the UE sends `packets` payloads to the remote host, which echoes each back.
    PayloadLog atServer;
    PayloadLog atUe;
    uint64_t sent = 0;
    UdpEchoServerHelper server(9);
    ApplicationContainer servers = server.Install(remote);
    servers.Get(0)->TraceConnectWithoutContext("Rx", MakeCallback(&PayloadLog::Add, &atServer));
    UdpEchoClientHelper client(remoteAddress, 9);
    client.SetAttribute("MaxPackets", UintegerValue(packets));
    client.SetAttribute("Interval", TimeValue(MilliSeconds(20)));
    ApplicationContainer clients = client.Install(ueNodes.Get(0));
    std::vector<uint8_t> fill = payload;
    client.SetFill(clients.Get(0), fill.data(), fill.size(), fill.size());
    clients.Get(0)->TraceConnectWithoutContext("Rx", MakeCallback(&PayloadLog::Add, &atUe));
    clients.Get(0)->TraceConnectWithoutContext(
        "Tx", Callback<void, Ptr<const Packet>>([&sent](Ptr<const Packet>) { ++sent; }));
    clients.Start(MilliSeconds(300));
    Simulator::Stop(MilliSeconds(300) + MilliSeconds(20) * packets + MilliSeconds(300));
    Simulator::Run();
    if (interceptor.error)
    {
        std::rethrow_exception(interceptor.error); // the guard destroys the simulation
    }

    Ptr<NrSecurityGnbNetDevice> gnb = DynamicCast<NrSecurityGnbNetDevice>(gnbs.Get(0));
    Ptr<NrSecurityGnbRrc> gnbRrc = gnb->GetRrc();
    Ptr<NrSecurityUeRrc> ueRrc = ue->GetRrc();
    const std::vector<NrSecurityDrbConfig> drbs = ueRrc->GetDrbConfigs();
    py::dict r;
    r["captured"] = relay->GetCapturedUes().count(ue->GetUeId()) > 0;
    r["serving_cell_id"] = ue->GetServingCellId();
    r["relay_cell_id"] = relay->GetCellId();
    r["real_cell_id"] = gnb->GetCellId();
    r["ue_state"] = NrSecurityRrcStateName(ueRrc->GetState());
    r["security_active"] = ueRrc->IsSecurityActive();
    r["up_policy"] = NrSecurityUpPolicyName(policy);
    r["up_integrity"] = drbs.empty() ? py::object(py::none())
                                     : py::object(py::bool_(drbs[0].integrityProtection));
    r["intercepted"] = interceptor.calls;
    r["dropped_by_callback"] = interceptor.drops;
    r["rewritten_by_callback"] = interceptor.rewrites;
    r["relay_forwarded"] = relay->GetForwarded();
    r["relay_rewritten"] = relay->GetRewritten();
    r["relay_dropped"] = relay->GetDropped();
    r["sent"] = sent;
    r["at_server"] = atServer.payloads.size();
    r["echoes_at_ue"] = atUe.payloads.size();
    r["server_payloads"] = ToList(atServer.payloads);
    r["ue_payloads"] = ToList(atUe.payloads);
    r["gnb_integrity_failures"] = gnbRrc->GetIntegrityFailures();
    r["gnb_drb_integrity_failures"] = gnbRrc->GetDrbIntegrityFailures();
    r["gnb_integrity_discards"] = gnbRrc->GetPdcpDiscards("integrity");
    r["ue_integrity_failures"] = ueRrc->GetIntegrityFailures();
    r["ue_drb_integrity_failures"] = ueRrc->GetDrbIntegrityFailures();
    r["dataset"] = datasetStem.empty() ? py::object(py::none()) : py::object(py::str(datasetStem));
    Simulator::Destroy(); // flushes the dataset writer (ScheduleDestroy)
    nr->Dispose();
    return r;
}

} // namespace

void
RegisterRelay(py::module_& m)
{
    m.def("run_relay_scenario",
          &RunRelayScenario,
          "intercept"_a = py::none(),
          py::kw_only(),
          "mitigated"_a = false,
          "up_integrity"_a = "NOT_NEEDED",
          "packets"_a = 10,
          "payload"_a = py::bytes("nr-security relay probe 0123456789"),
          "seed"_a = 1,
          "dataset"_a = py::none(),
          R"doc(Runs a man-in-the-middle relay attack (NrSecurityAdversaryHelper::InstallRelay,
NrSecurityMitmRelay) with the relay's interception callback in Python.

The network: one gNB at (0, 0, 10) m, one UE at (100, 0, 1.5) m with the user plane and a
remote host behind the UPF; the relay at (105, 0, 1.5) m: a false cell toward the UE with the
real cell's identity, and a fake UE toward the real gNB. The UE selects the strongest cell
(the relay's, AttachToStrongestCell at 1 ms), connects, gets AS security and a DRB through
the relay; from 300 ms it sends `packets` UDP payloads (every 20 ms) to the remote host,
which echoes each back. UP confidentiality is REQUIRED; UP integrity is `up_integrity`
("NOT_NEEDED", "PREFERRED" or "REQUIRED"; mitigated=True makes it REQUIRED, the mitigation).

intercept(frame) is called for every frame the relay forwards (both directions, SRB0, SRBs
and DRBs) with a dict: time (s), uplink (bool), ue_id, cell_id, rb_type ("SRB0", "SRB",
"DRB"), rb_id, attempt, origin ("legitimate", ...), rx_power_dbm, ciphered, integrity,
mac_i_present, sn_length_bits (12 or 18), sdap_header (bool) and pdu (bytes: the PDCP PDU as
on the air, ciphered where the sender ciphered it). It returns None or "forward" (forward
unchanged), "drop" (do not forward), or bytes (forward these instead: e.g. a ciphertext bit
flip, which flips the same plaintext bit under NEA1-3). Anything else raises TypeError /
ValueError; an exception raised by intercept stops the simulation and propagates.
An IPv4 packet in an uplink DRB PDU starts at offset (2 if sn_length_bits == 12 else 3) +
(1 if sdap_header) and its UDP payload 28 bytes later; ns-3 does not check UDP checksums
by default, so an altered payload reaches the server.

Returns a dict: captured (the UE camped on the relay), serving_cell_id, relay_cell_id,
real_cell_id, ue_state, security_active, up_policy, up_integrity (the DRB's integrity
protection as configured, None without a DRB), intercepted (callback calls),
dropped_by_callback, rewritten_by_callback, relay_forwarded, relay_rewritten, relay_dropped
(the relay's counters), sent (payloads the UE sent), at_server, echoes_at_ue (payloads
received), server_payloads, ue_payloads (lists of bytes), gnb_integrity_failures,
gnb_drb_integrity_failures, gnb_integrity_discards (PDCP discards for "integrity" at the
gNB), ue_integrity_failures, ue_drb_integrity_failures, dataset.

dataset: None or a path stem: writes the labelled dataset (STEM.csv, one row per frame on
the channel, label "python-relay", and STEM.pcap with the forged frames marked).
seed: ns-3's RngSeed. Each call starts from a fresh simulator.)doc");
}

} // namespace nrsecpy
} // namespace ns3
