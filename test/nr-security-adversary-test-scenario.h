// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * What the cases of the suite nr-security-adversary share: a victim network of one gNB and
 * one UE on the x axis with everything the channel and the devices saw, pcap and folder
 * helpers, and the intercept callback of the relay cases.
 */
#ifndef NR_SECURITY_ADVERSARY_TEST_SCENARIO_H
#define NR_SECURITY_ADVERSARY_TEST_SCENARIO_H

#include "ns3/constant-position-mobility-model.h"
#include "ns3/node-container.h"
#include "ns3/nr-security-adversary-helper.h"
#include "ns3/nr-security-helper.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace ns3
{
namespace nrsecuritytest
{

/// \return the bytes of a packet
inline std::vector<uint8_t>
Bytes(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

/// Puts a node at x metres on the x axis.
inline void
Place(Ptr<Node> n, double x)
{
    Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
    m->SetPosition(Vector(x, 0, 0));
    n->AggregateObject(m);
}

/// The frames of one pcap file (LINKTYPE_RAW records).
inline std::vector<std::vector<uint8_t>>
ReadPcap(const std::string& file)
{
    std::ifstream in(file, std::ios::binary);
    std::vector<uint8_t> b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::vector<uint8_t>> frames;
    size_t pos = 24; // global header; little-endian records as ns-3 writes them
    while (pos + 16 <= b.size())
    {
        const uint32_t len
            = b[pos + 8] | (b[pos + 9] << 8) | (b[pos + 10] << 16) | (uint32_t(b[pos + 11]) << 24);
        pos += 16;
        frames.emplace_back(b.begin() + pos, b.begin() + std::min(b.size(), pos + len));
        pos += len;
    }
    return frames;
}

/// A temporary folder for the files of one case.
inline std::string
TempDir(const std::string& name)
{
    const std::string dir
        = std::filesystem::temp_directory_path().string() + "/nr-security-adversary-" + name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

/// A victim network: gNBs and UEs on the x axis, path loss LogDistance (exponent 3, 46.68 dB
/// at 1 m), and what the channel and the devices saw.
struct Net
{
    Ptr<NrSecurityHelper> nr;
    NodeContainer gnbNodes;
    NodeContainer ueNodes;
    NetDeviceContainer gnbs;
    NetDeviceContainer ues;
    std::vector<NrSecurityAirFrame> sent;              ///< every attempt on the channel
    std::vector<Time> sentAt;                          ///< when each was sent
    std::vector<NrSecurityAirFrame> ueRx;              ///< frames the UE device received
    std::vector<NrSecurityAirFrame> gnbRx;             ///< frames gNB 1 received
    std::map<std::string, std::vector<uint8_t>> gnbTx; ///< RRC messages sent by gNB 1, by name
    std::vector<std::vector<uint8_t>> gnbSrb1Tx;       ///< SRB1 messages gNB 1 sent, in order

    /// Builds one gNB at gnbX and one UE at ueX (not attached).
    Net(double gnbX, double ueX)
    {
        nr = CreateObject<NrSecurityHelper>();
        nr->AssignStreams(1);
        gnbNodes.Create(1);
        ueNodes.Create(1);
        Place(gnbNodes.Get(0), gnbX);
        Place(ueNodes.Get(0), ueX);
        gnbs = nr->InstallGnbDevice(gnbNodes);
        ues = nr->InstallUeDevice(ueNodes);
        nr->GetChannel()->TraceConnectWithoutContext("Transmission",
                                                     MakeCallback(&Net::OnSent, this));
        Ue()->TraceConnectWithoutContext("PduRx", MakeCallback(&Net::OnUeRx, this));
        Gnb()->TraceConnectWithoutContext("PduRx", MakeCallback(&Net::OnGnbRx, this));
        Gnb()->GetRrc()->TraceConnectWithoutContext("RrcMessage",
                                                    MakeCallback(&Net::OnGnbMessage, this));
    }

    Ptr<NrSecurityUeNetDevice> Ue() const
    {
        return DynamicCast<NrSecurityUeNetDevice>(ues.Get(0));
    }

    Ptr<NrSecurityGnbNetDevice> Gnb() const
    {
        return DynamicCast<NrSecurityGnbNetDevice>(gnbs.Get(0));
    }

    /// \return a new node at x
    Ptr<Node> NodeAt(double x)
    {
        Ptr<Node> n = CreateObject<Node>();
        Place(n, x);
        return n;
    }

    void OnSent(const NrSecurityAirFrame& f)
    {
        sent.push_back(f);
        sentAt.push_back(Simulator::Now());
    }

    void OnUeRx(const NrSecurityAirFrame& f)
    {
        ueRx.push_back(f);
    }

    void OnGnbRx(const NrSecurityAirFrame& f)
    {
        gnbRx.push_back(f);
    }

    void OnGnbMessage(uint32_t,
                      const std::string& dir,
                      const std::string& name,
                      const std::vector<uint8_t>& msg,
                      const std::string& bearer,
                      const std::string&)
    {
        if (dir == "tx")
        {
            gnbTx[name] = msg;
            if (bearer == "SRB1")
            {
                gnbSrb1Tx.push_back(msg);
            }
        }
    }

    /// \return the count of sent attempts with an origin
    size_t CountSent(NrSecurityFrameOrigin o) const
    {
        size_t n = 0;
        for (const auto& f : sent)
        {
            n += f.origin == o ? 1 : 0;
        }
        return n;
    }

    void Run(Time t)
    {
        Simulator::Stop(t);
        Simulator::Run();
    }
};

/// What a relay test's intercept callback does.
enum class RelayMode
{
    NONE,         ///< no callback
    DROP_DL_SRB1, ///< drop every DL SRB1 frame (a null PDU, or DROP, alternately)
    DELAY,        ///< delay everything by 2 ms
    REWRITE_SMC,  ///< flip the last MAC-I bit of the first DL SRB1 frame (the SMC)
};

/// The intercept callback of the relay tests.
struct Interceptor
{
    RelayMode mode = RelayMode::NONE;
    uint32_t dlSrb1 = 0;

    NrSecurityRelayDecision Intercept(NrSecurityAirFrame& f)
    {
        NrSecurityRelayDecision d;
        const bool dlSrb1Frame = !f.uplink && f.type == NrSecurityRbType::SRB && f.rbId == 1;
        if (mode == RelayMode::DROP_DL_SRB1 && dlSrb1Frame)
        {
            if (dlSrb1++ % 2 == 1)
            {
                d.action = NrSecurityRelayAction::DROP;
            }
            else
            {
                f.pdu = nullptr; // taking the PDU away drops the frame too
            }
        }
        else if (mode == RelayMode::DELAY)
        {
            d.action = NrSecurityRelayAction::DELAY;
            d.delay = MilliSeconds(2);
        }
        else if (mode == RelayMode::REWRITE_SMC && dlSrb1Frame && dlSrb1++ == 0)
        {
            f.pdu = NrSecurityMitmRelay::XorBytes(f.pdu, f.pdu->GetSize() - 1, {0x01});
        }
        return d;
    }
};

} // namespace nrsecuritytest
} // namespace ns3

#endif // NR_SECURITY_ADVERSARY_TEST_SCENARIO_H
