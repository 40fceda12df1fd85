// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_ATTACK_SCENARIO_H
#define NR_SECURITY_ATTACK_SCENARIO_H

/**
 * \file
 * \ingroup nr-security
 * What every attack example (examples/attacks/) shares: the common command line (--mitigated,
 * --outputDir, --seed), the standard victim network (one gNB, N UEs at fixed positions, the
 * user plane with a remote host), a UDP flow, and the outcome line, printed last:
 *
 *     outcome: attack=<name> mitigated=<0|1> result=<word> <key>=<value> ...
 *
 * which test/nr-security-attack-test.py checks against test/data/attacks/<name>.json.
 *
 * A typical example:
 * \code
 *   int Run(int argc, char* argv[])
 *   {
 *       CommandLine cmd(__FILE__);
 *       std::string size = "100";
 *       cmd.AddValue("packetSize", "UDP payload bytes, 12..1400", size);
 *       NrSecurityAttackOptions o = NrSecurityAttackParse(cmd, argc, argv, {"packetSize"});
 *       Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
 *       nr->SetGnbRrcAttribute("...", ...);             // the victim's profile (o.mitigated)
 *       NrSecurityAttackNetwork net = NrSecurityAttackBuildNetwork(nr, {Vector(20, 0, 1.5)});
 *       NrSecurityAttackEnableOutputs(net, o);
 *       // the adversary (NrSecurityAdversaryHelper), Attach, flows, Simulator::Run()
 *       NrSecurityAttackOutcome out("name", o);
 *       out.SetResult(...);
 *       out.Add("key", value);
 *       out.Print();
 *       Simulator::Destroy();
 *       return 0;
 *   }
 *   int main(int argc, char* argv[]) { return NrSecurityAttackMain("name", Run, argc, argv); }
 * \endcode
 *
 * Header-only (inline functions), for the examples only: not part of the module's API.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/nr-security-module.h"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <functional>
#include <iomanip>
#include <iostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/// The options every attack example takes.
struct NrSecurityAttackOptions
{
    bool mitigated = false; ///< --mitigated=1: the mitigation or the compliant profile
    std::string outputDir;  ///< --outputDir=DIR: traces and pcaps there (default empty: none)
    uint32_t seed = 1;      ///< --seed=N: ns-3's RngSeedManager seed, 1..4294967295
};

/**
 * \brief Parses an unsigned integer option.
 * \param option the option's name (for the message)
 * \param text its value
 * \param min smallest value allowed
 * \param max largest value allowed
 * \return the value
 * \throws std::invalid_argument "--option=text: expected an integer min..max"
 */
inline uint64_t
NrSecurityAttackParseUnsigned(const std::string& option,
                              const std::string& text,
                              uint64_t min,
                              uint64_t max)
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

/**
 * \brief Parses a real-number option (e.g. seconds, dB, metres).
 * \param option the option's name (for the message)
 * \param text its value
 * \param min smallest value allowed
 * \param max largest value allowed
 * \return the value
 * \throws std::invalid_argument "--option=text: expected a number min..max"
 */
inline double
NrSecurityAttackParseNumber(const std::string& option,
                            const std::string& text,
                            double min,
                            double max)
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
 * \brief Adds --mitigated, --outputDir and --seed to \p cmd, checks the command line and
 *        parses it; seeds ns-3's random number generators (RngSeedManager::SetSeed).
 *
 * Refused before ns-3's CommandLine sees them (which would print its whole help and exit 1):
 * an unknown option (neither common, nor in \p ownOptions, nor an ns-3 attribute path with
 * "::", nor RngRun/RngSeed), a stray word, an option without a value,
 * a value with white space, --mitigated other than 0 or 1, a seed out of range.
 *
 * \param cmd the example's CommandLine, its own options already added with AddValue
 * \param argc main's argc
 * \param argv main's argv
 * \param ownOptions the names of the example's own options
 * \return the common options
 * \throws std::invalid_argument with a one-line message (NrSecurityAttackMain: exit status 2)
 */
inline NrSecurityAttackOptions
NrSecurityAttackParse(CommandLine& cmd,
                      int argc,
                      char* argv[],
                      const std::set<std::string>& ownOptions = {})
{
    std::set<std::string> options = ownOptions;
    options.insert({"mitigated", "outputDir", "seed"});
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
        if (options.count(name) && value.empty())
        {
            throw std::invalid_argument("--" + name + " needs a value: --" + name + "=VALUE");
        }
        if (value.find_first_of(" \t\n\r\v\f") != std::string::npos)
        {
            throw std::invalid_argument("--" + name + "='" + value
                                        + "': option values cannot contain white space");
        }
    }
    std::string mitigated = "0";
    std::string seed = "1";
    NrSecurityAttackOptions o;
    cmd.AddValue("mitigated",
                 "0: the vulnerable setting (default); 1: the mitigation or compliant profile",
                 mitigated);
    cmd.AddValue("outputDir",
                 "folder for traces.csv, the pcaps and the dataset (default: none)",
                 o.outputDir);
    cmd.AddValue("seed", "seed of ns-3's random number generators, 1..4294967295", seed);
    cmd.Parse(argc, argv);
    if (mitigated != "0" && mitigated != "1")
    {
        throw std::invalid_argument("--mitigated=" + mitigated + ": expected 0 or 1");
    }
    o.mitigated = mitigated == "1";
    o.seed = uint32_t(NrSecurityAttackParseUnsigned("seed", seed, 1, 4294967295ULL));
    RngSeedManager::SetSeed(o.seed);
    return o;
}

/// The standard victim network built by NrSecurityAttackBuildNetwork.
struct NrSecurityAttackNetwork
{
    Ptr<NrSecurityHelper> nr;     ///< the victims' helper (AMF, channel, outputs)
    NodeContainer gnbNodes;       ///< the gNB's node
    NodeContainer ueNodes;        ///< the UEs' nodes, in the order of the positions
    NetDeviceContainer gnbs;      ///< the gNB device (cell 1)
    NetDeviceContainer ues;       ///< the UE devices (UE ids 1, 2, ...)
    Ipv4InterfaceContainer ueIps; ///< the UEs' addresses (7.0.0.2, ...; user plane only)
    Ptr<Node> remote;             ///< the remote host behind the UPF (user plane only)
    Ipv4Address remoteAddress;    ///< its address (1.0.0.2)

    /// \return the gNB device
    Ptr<NrSecurityGnbNetDevice> Gnb() const
    {
        return DynamicCast<NrSecurityGnbNetDevice>(gnbs.Get(0));
    }

    /// \param i index in the positions given \return that UE's device
    Ptr<NrSecurityUeNetDevice> Ue(uint32_t i = 0) const
    {
        return DynamicCast<NrSecurityUeNetDevice>(ues.Get(i));
    }
};

/**
 * \brief A node at a fixed position (ConstantPositionMobilityModel): for an adversary device.
 * \param position metres
 * \return the node
 */
inline Ptr<Node>
NrSecurityAttackNode(const Vector& position)
{
    Ptr<Node> node = CreateObject<Node>();
    Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
    m->SetPosition(position);
    node->AggregateObject(m);
    return node;
}

/**
 * \brief Builds the standard victim network with \p nr (whose attributes the example has set,
 *        e.g. the vulnerability profiles): one gNB at \p gnbPosition, one UE per position
 *        (ConstantPositionMobilityModel on every node, so the channel computes received
 *        power), and with \p userPlane the user plane (EnableUserPlane, Internet stacks on
 *        the UEs, their IPv4 addresses, a remote host). Nothing is attached: the example calls
 *        nr->Attach (or the UEs' AttachToStrongestCell) after installing its adversary.
 * \param nr a helper on which no device was installed yet
 * \param uePositions one position per UE, metres
 * \param gnbPosition the gNB's position, metres
 * \param userPlane build the user plane
 * \return the network
 * \throws std::invalid_argument without a UE position
 */
inline NrSecurityAttackNetwork
NrSecurityAttackBuildNetwork(Ptr<NrSecurityHelper> nr,
                             const std::vector<Vector>& uePositions,
                             const Vector& gnbPosition = Vector(0, 0, 10),
                             bool userPlane = true)
{
    if (uePositions.empty())
    {
        throw std::invalid_argument("NrSecurityAttackBuildNetwork: no UE position");
    }
    NrSecurityAttackNetwork net;
    net.nr = nr;
    if (userPlane)
    {
        nr->EnableUserPlane();
    }
    net.gnbNodes.Add(NrSecurityAttackNode(gnbPosition));
    for (const Vector& p : uePositions)
    {
        net.ueNodes.Add(NrSecurityAttackNode(p));
    }
    net.gnbs = nr->InstallGnbDevice(net.gnbNodes);
    net.ues = nr->InstallUeDevice(net.ueNodes);
    if (userPlane)
    {
        InternetStackHelper().Install(net.ueNodes);
        net.ueIps = nr->AssignUeIpv4Address(net.ues);
        net.remote = nr->CreateRemoteHost();
        net.remoteAddress = net.remote->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    }
    return net;
}

/**
 * \brief With --outputDir: the victims' traces (DIR/traces.csv and the files next to it) and
 *        pcaps with the keys (DIR/gnb-1.pcap, DIR/ue-ID.pcap, DIR/keys.csv ...).
 * \param net the network
 * \param o the options (nothing happens without an outputDir)
 * \throws std::runtime_error if the folder cannot be created
 */
inline void
NrSecurityAttackEnableOutputs(const NrSecurityAttackNetwork& net, const NrSecurityAttackOptions& o)
{
    if (!o.outputDir.empty())
    {
        net.nr->EnableTraces(o.outputDir + "/traces.csv");
        net.nr->EnablePcap(o.outputDir);
    }
}

/// A UDP flow (UdpClient -> PacketSink) made by NrSecurityAttackUdpFlow.
struct NrSecurityAttackFlow
{
    Ptr<UdpClient> client; ///< the source
    Ptr<PacketSink> sink;  ///< the receiving end

    /// \return bytes the source sent (payload)
    uint64_t Sent() const
    {
        return client->GetTotalTx();
    }

    /// \return bytes the sink received (payload)
    uint64_t Received() const
    {
        return sink->GetTotalRx();
    }
};

/**
 * \brief A UDP flow from \p from to \p toAddress:port (a PacketSink on \p to), \p count
 *        packets of \p size bytes (payload, at least 12: UdpClient's sequence header) every
 *        \p interval from \p start.
 * \param from the sending node
 * \param to the receiving node
 * \param toAddress the receiver's address
 * \param port the UDP port
 * \param start when the first packet is sent
 * \param interval between packets
 * \param count number of packets
 * \param size payload bytes per packet
 * \return the flow
 */
inline NrSecurityAttackFlow
NrSecurityAttackUdpFlow(Ptr<Node> from,
                        Ptr<Node> to,
                        Ipv4Address toAddress,
                        uint16_t port,
                        Time start,
                        Time interval,
                        uint32_t count,
                        uint32_t size)
{
    PacketSinkHelper sinkHelper("ns3::UdpSocketFactory",
                                InetSocketAddress(Ipv4Address::GetAny(), port));
    ApplicationContainer sink = sinkHelper.Install(to);
    sink.Start(Seconds(0));
    UdpClientHelper client(toAddress, port);
    client.SetAttribute("MaxPackets", UintegerValue(count));
    client.SetAttribute("Interval", TimeValue(interval));
    client.SetAttribute("PacketSize", UintegerValue(size));
    ApplicationContainer c = client.Install(from);
    c.Start(start);
    NrSecurityAttackFlow f;
    f.client = DynamicCast<UdpClient>(c.Get(0));
    f.sink = DynamicCast<PacketSink>(sink.Get(0));
    return f;
}

/**
 * \brief The measured outcome of an attack example, printed as its last line:
 *        `outcome: attack=<name> mitigated=<0|1> result=<word> <key>=<value> ...`
 *        (keys in the order added; test/nr-security-attack-test.py compares each value as a
 *        string with test/data/attacks/<name>.json).
 */
class NrSecurityAttackOutcome
{
  public:
    /**
     * \param attack the attack's name (e.g. "alter", the stem of its json file)
     * \param o the options (mitigated)
     */
    NrSecurityAttackOutcome(const std::string& attack, const NrSecurityAttackOptions& o)
        : m_attack(attack)
        , m_mitigated(o.mitigated)
    {
        Check(attack);
    }

    /**
     * \brief Sets result=<word>.
     * \param word e.g. "success" (the attack achieved its goal), "failed", "blocked"
     * \throws std::logic_error for an empty word or one with white space or '='
     */
    void SetResult(const std::string& word)
    {
        Check(word);
        m_result = word;
    }

    /**
     * \brief Adds key=value (a number, a string without white space, or a bool as 1/0).
     * \param key the key
     * \param value the value, written with operator<<
     * \throws std::logic_error for an empty key or value, or one with white space or '='
     *         (in the key)
     */
    template <typename T>
    void Add(const std::string& key, const T& value)
    {
        std::ostringstream os;
        os << value;
        AddText(key, os.str());
    }

    /**
     * \brief Adds key=value with exactly \p decimals decimals (e.g. a match rate 0.0039).
     * \param key the key
     * \param value the value
     * \param decimals digits after the decimal point
     */
    void AddFixed(const std::string& key, double value, int decimals)
    {
        std::ostringstream os;
        os << std::fixed << std::setprecision(decimals) << value;
        AddText(key, os.str());
    }

    /// \return the outcome line (without a newline)
    std::string Line() const
    {
        std::ostringstream os;
        os << "outcome: attack=" << m_attack << " mitigated=" << (m_mitigated ? 1 : 0)
           << " result=" << m_result;
        for (const auto& [key, value] : m_values)
        {
            os << " " << key << "=" << value;
        }
        return os.str();
    }

    /// \brief Prints the outcome line on stdout (print nothing after it).
    void Print() const
    {
        std::cout << Line() << std::endl;
    }

  private:
    /**
     * \param key the key \param value its text
     * \throws std::logic_error as Add
     */
    void AddText(const std::string& key, const std::string& value)
    {
        Check(key);
        if (key.find('=') != std::string::npos || key == "attack" || key == "mitigated"
            || key == "result")
        {
            throw std::logic_error("NrSecurityAttackOutcome: bad key '" + key + "'");
        }
        Check(value);
        m_values.emplace_back(key, value);
    }

    /**
     * \param text a key or value
     * \throws std::logic_error if it is empty or has white space
     */
    static void Check(const std::string& text)
    {
        if (text.empty() || text.find_first_of(" \t\n\r\v\f") != std::string::npos)
        {
            throw std::logic_error("NrSecurityAttackOutcome: empty or with white space: '" + text
                                   + "'");
        }
    }

    std::string m_attack;                                      ///< attack=
    bool m_mitigated;                                          ///< mitigated=
    std::string m_result = "unknown";                          ///< result=
    std::vector<std::pair<std::string, std::string>> m_values; ///< the other keys, in order
};

/**
 * \brief Runs an attack example's body: a configuration error (an exception) becomes one line
 *        "<name>: <message>" on stderr and exit status 2.
 * \param name the program's name, e.g. "nr-security-attack-alter"
 * \param run the example's body, returning its exit status
 * \param argc main's argc
 * \param argv main's argv
 * \return the exit status
 */
inline int
NrSecurityAttackMain(const std::string& name,
                     const std::function<int(int, char*[])>& run,
                     int argc,
                     char* argv[])
{
    try
    {
        return run(argc, argv);
    }
    catch (const std::exception& e)
    {
        std::cerr << name << ": " << e.what() << "\n";
        return 2;
    }
}

} // namespace ns3

#endif // NR_SECURITY_ATTACK_SCENARIO_H
