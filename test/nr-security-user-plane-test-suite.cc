// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * End to end over the secured user plane, built with NrSecurityHelper::EnableUserPlane: UE
 * IP stack -> SDAP -> PDCP DRB (K_UPenc, K_UPint per the UP security policy, TS 33.501 6.6)
 * -> air -> gNB -> GTP-U (N3) -> UPF -> remote host, and back.
 *  - every NEA x NIA pair (NIA0 only for an unauthenticated emergency UE, TS 33.501 5.11.1.1):
 *    UDP both ways and TCP down deliver exactly the bytes sent;
 *  - every UP policy combination (3 x 3, TS 33.501 6.6.1/6.6.2, with a gNB that supports
 *    both): the DRB is integrity-protected iff the integrity policy is REQUIRED or PREFERRED,
 *    ciphered iff the confidentiality policy is; the DRB PDUs on the air carry a 4-byte MAC-I
 *    iff integrity is on (TS 38.323 6.2.2.2/6.3.4: PDU = header + SDU + [MAC-I]) and show
 *    the IPv4 header in clear iff ciphering is off; all bytes delivered;
 *  - a flipped bit in a forged copy of an integrity-protected DRB PDU: discarded and counted
 *    as an integrity failure (TS 38.323 5.9), the tampered IP packet is not delivered; on a
 *    DRB without integrity the same forgery IS delivered with the flipped bit (the
 *    precondition of the aLTEr attack: NEA2 is a stream cipher, TS 33.501 6.6.4 / D.4.2);
 *  - a REQUIRED policy the gNB cannot meet: the session is rejected, no DRB is set up and
 *    nothing is delivered.
 */
#include "ns3/applications-module.h"
#include "ns3/boolean.h"
#include "ns3/internet-module.h"
#include "ns3/node-container.h"
#include "ns3/nr-security-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <set>
#include <sstream>
#include <vector>

using namespace ns3;

namespace
{

/// UDP payload bytes of the test flows: distinctive, so their DRB PDUs are found by size.
constexpr uint32_t UDP_PAYLOAD = 777;
/// IPv4 (20) + UDP (8) headers.
constexpr uint32_t IP_UDP_HEADERS = 28;
/// UDP packets per flow.
constexpr uint32_t UDP_PACKETS = 5;
/// TCP bytes (downlink).
constexpr uint32_t TCP_BYTES = 30000;

/// The settings of one scenario.
struct Config
{
    std::string nea = "NEA2";
    std::string nia = "NIA2";
    bool emergency = false;
    NrSecurityUpPolicy integrity = NrSecurityUpPolicy::REQUIRED;
    NrSecurityUpPolicy confidentiality = NrSecurityUpPolicy::REQUIRED;
    bool gnbUpIntegrity = true;
    bool tcp = true;
    /// forge a copy of the n-th downlink UDP DRB PDU with its last payload bit flipped (0: no)
    uint32_t forgeDownlinkPdu = 0;
};

/// One 1-gNB, 1-UE user-plane scenario with its flows and what the air showed.
struct Scenario
{
    Config c;
    // results
    bool sessionOk = false;
    std::string sessionReason;
    std::vector<NrSecurityDrbConfig> drbs;
    uint64_t udpDownSent = 0, udpDownRx = 0, udpUpSent = 0, udpUpRx = 0, tcpRx = 0;
    std::vector<NrSecurityAirFrame> drbFrames; ///< every DRB transmission attempt
    uint64_t ueDrbIntegrityFailures = 0;
    uint64_t ueDrbDelivered = 0;
    std::vector<uint8_t> lastBytesDown; ///< last payload byte of each downlink UDP packet
    uint64_t upfDiscards = 0;

    // plumbing
    Ptr<NrSecurityChannel> channel;
    uint32_t downlinkUdpPdus = 0;

    void Tap(const NrSecurityAirFrame& f)
    {
        if (f.type != NrSecurityRbType::DRB || f.attempt != 0)
        {
            return;
        }
        drbFrames.push_back(f);
        if (c.forgeDownlinkPdu == 0 || f.uplink || !IsUdpDownPdu(f))
        {
            return;
        }
        if (++downlinkUdpPdus != c.forgeDownlinkPdu)
        {
            return;
        }
        // a forged copy that arrives before the genuine PDU: the last payload byte flipped
        std::vector<uint8_t> b(f.pdu->GetSize());
        f.pdu->CopyData(b.data(), b.size());
        b[b.size() - 1 - (f.macIPresent ? 4 : 0)] ^= 0x01;
        NrSecurityAirFrame forged = f;
        forged.pdu = Create<Packet>(b.data(), b.size());
        channel->Inject(forged, Time(0));
    }

    /// \return the DRB PDU size of a UDP test packet
    uint32_t UdpPduBytes(const NrSecurityAirFrame& f, bool withMac) const
    {
        const uint32_t header = f.snLengthBits == 18 ? 3 : 2;
        return header + (f.sdapHeader ? 1 : 0) + IP_UDP_HEADERS + UDP_PAYLOAD + (withMac ? 4 : 0);
    }

    bool IsUdpDownPdu(const NrSecurityAirFrame& f) const
    {
        return f.pdu->GetSize() == UdpPduBytes(f, f.macIPresent);
    }

    void SinkRx(Ptr<const Packet> p, const Address&)
    {
        std::vector<uint8_t> b(p->GetSize());
        p->CopyData(b.data(), b.size());
        lastBytesDown.push_back(b.empty() ? 0 : b.back());
    }

    void Run()
    {
        Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
        nr->EnableUserPlane();
        nr->SetGnbRrcAttribute("CipheringPriority", StringValue(c.nea));
        nr->SetGnbRrcAttribute("IntegrityPriority", StringValue(c.nia));
        nr->SetGnbRrcAttribute("UpIntegritySupported", BooleanValue(c.gnbUpIntegrity));
        NodeContainer gnbNodes(1);
        NodeContainer ueNodes(1);
        NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes);
        NetDeviceContainer ues = nr->InstallUeDevice(ueNodes);
        if (c.emergency)
        {
            nr->SetUeCapabilities(ues.Get(0), NrSecurityUeCapabilities(), true);
        }
        nr->SetUpSecurityPolicy(ues, c.integrity, c.confidentiality);
        InternetStackHelper().Install(ueNodes);
        Ipv4InterfaceContainer ueIps = nr->AssignUeIpv4Address(ues);
        Ptr<Node> remote = nr->CreateRemoteHost();
        Ipv4Address remoteAddr = remote->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
        nr->Attach(ues, gnbs.Get(0));
        channel = nr->GetChannel();
        channel->AddTap(MakeCallback(&Scenario::Tap, this));

        const Time start = MilliSeconds(200);
        const Time stop = Seconds(1.2);
        PacketSinkHelper udpSink("ns3::UdpSocketFactory",
                                 InetSocketAddress(Ipv4Address::GetAny(), 1000));
        Ptr<PacketSink> downSink = DynamicCast<PacketSink>(udpSink.Install(ueNodes.Get(0)).Get(0));
        downSink->TraceConnectWithoutContext("Rx", MakeCallback(&Scenario::SinkRx, this));
        PacketSinkHelper upSinkHelper("ns3::UdpSocketFactory",
                                      InetSocketAddress(Ipv4Address::GetAny(), 2000));
        Ptr<PacketSink> upSink = DynamicCast<PacketSink>(upSinkHelper.Install(remote).Get(0));
        UdpClientHelper down(ueIps.GetAddress(0), 1000);
        down.SetAttribute("MaxPackets", UintegerValue(UDP_PACKETS));
        down.SetAttribute("Interval", TimeValue(MilliSeconds(20)));
        down.SetAttribute("PacketSize", UintegerValue(UDP_PAYLOAD));
        ApplicationContainer downApp = down.Install(remote);
        UdpClientHelper up(remoteAddr, 2000);
        up.SetAttribute("MaxPackets", UintegerValue(UDP_PACKETS));
        up.SetAttribute("Interval", TimeValue(MilliSeconds(20)));
        up.SetAttribute("PacketSize", UintegerValue(UDP_PAYLOAD));
        ApplicationContainer upApp = up.Install(ueNodes.Get(0));
        downApp.Start(start);
        upApp.Start(start);
        Ptr<PacketSink> tcpSink;
        if (c.tcp)
        {
            PacketSinkHelper tcpSinkHelper("ns3::TcpSocketFactory",
                                           InetSocketAddress(Ipv4Address::GetAny(), 3000));
            tcpSink = DynamicCast<PacketSink>(tcpSinkHelper.Install(ueNodes.Get(0)).Get(0));
            BulkSendHelper bulk("ns3::TcpSocketFactory",
                                InetSocketAddress(ueIps.GetAddress(0), 3000));
            bulk.SetAttribute("MaxBytes", UintegerValue(TCP_BYTES));
            bulk.Install(remote).Start(start);
        }
        Simulator::Stop(stop);
        Simulator::Run();

        Ptr<NrSecurityUeNetDevice> ue = DynamicCast<NrSecurityUeNetDevice>(ues.Get(0));
        Ptr<NrSecurityGnbRrc> gnbRrc = DynamicCast<NrSecurityGnbNetDevice>(gnbs.Get(0))->GetRrc();
        NrSecurityPduSessionResult r = gnbRrc->GetPduSessionResult(ue->GetUeId(), 1);
        sessionOk = r.ok;
        sessionReason = r.reason;
        drbs = ue->GetRrc()->GetDrbConfigs();
        for (const NrSecurityDrbConfig& d : drbs)
        {
            const NrSecurityPdcpCounters& k = ue->GetRrc()->GetDrb(d.drbId)->GetCounters();
            ueDrbIntegrityFailures += k.integrityFailures;
            ueDrbDelivered += k.rxDelivered;
        }
        udpDownSent = DynamicCast<UdpClient>(downApp.Get(0))->GetTotalTx();
        udpUpSent = DynamicCast<UdpClient>(upApp.Get(0))->GetTotalTx();
        udpDownRx = downSink->GetTotalRx();
        udpUpRx = upSink->GetTotalRx();
        tcpRx = tcpSink ? tcpSink->GetTotalRx() : 0;
        upfDiscards = nr->GetUpf()->GetDiscards();
        channel = nullptr;
        Simulator::Destroy();
    }
};

class AlgorithmMatrixTestCase : public TestCase
{
  public:
    AlgorithmMatrixTestCase()
        : TestCase("algorithm-matrix: UDP both ways and TCP deliver every byte under every NEA "
                   "x NIA pair (NIA0: emergency UE)")
    {
    }

  private:
    void DoRun() override
    {
        for (int nea = 0; nea < 4; ++nea)
        {
            for (int nia = 0; nia < 4; ++nia)
            {
                Scenario s;
                s.c.nea = "NEA" + std::to_string(nea);
                s.c.nia = "NIA" + std::to_string(nia);
                s.c.emergency = nia == 0; // NIA0 is acceptable for emergency sessions only
                s.c.tcp = true;
                s.Run();
                const std::string what = s.c.nea + "+" + s.c.nia;
                NS_TEST_EXPECT_MSG_EQ(s.sessionOk, true, what << ": " << s.sessionReason);
                NS_TEST_EXPECT_MSG_EQ(s.udpDownSent, UDP_PACKETS * UDP_PAYLOAD, what);
                NS_TEST_EXPECT_MSG_EQ(s.udpDownRx, s.udpDownSent, what << ": UDP down");
                NS_TEST_EXPECT_MSG_EQ(s.udpUpSent, UDP_PACKETS * UDP_PAYLOAD, what);
                NS_TEST_EXPECT_MSG_EQ(s.udpUpRx, s.udpUpSent, what << ": UDP up");
                NS_TEST_EXPECT_MSG_EQ(s.tcpRx, TCP_BYTES, what << ": TCP down");
                NS_TEST_EXPECT_MSG_EQ(s.ueDrbIntegrityFailures, 0u, what);
                NS_TEST_EXPECT_MSG_EQ(s.upfDiscards, 0u, what << ": UPF discards");
            }
        }
    }
};

class PolicyMatrixTestCase : public TestCase
{
  public:
    PolicyMatrixTestCase()
        : TestCase("policy-matrix: DRB integrity (MAC-I on the air) and ciphering follow the UP "
                   "security policy, 3 x 3, every byte delivered")
    {
    }

  private:
    void DoRun() override
    {
        const NrSecurityUpPolicy all[] = {NrSecurityUpPolicy::REQUIRED,
                                          NrSecurityUpPolicy::PREFERRED,
                                          NrSecurityUpPolicy::NOT_NEEDED};
        for (NrSecurityUpPolicy ip : all)
        {
            for (NrSecurityUpPolicy cp : all)
            {
                Scenario s;
                s.c.integrity = ip;
                s.c.confidentiality = cp;
                s.c.tcp = false;
                s.Run();
                const std::string what = "integrity " + NrSecurityUpPolicyName(ip)
                                         + ", confidentiality " + NrSecurityUpPolicyName(cp);
                // TS 33.501 6.6.2 with a gNB that supports both: activate unless NOT_NEEDED
                const bool integrity = ip != NrSecurityUpPolicy::NOT_NEEDED;
                const bool ciphering = cp != NrSecurityUpPolicy::NOT_NEEDED;
                NS_TEST_EXPECT_MSG_EQ(s.sessionOk, true, what << ": " << s.sessionReason);
                NS_TEST_ASSERT_MSG_EQ(s.drbs.size(), 1u, what << ": one DRB");
                NS_TEST_EXPECT_MSG_EQ(s.drbs[0].integrityProtection, integrity, what);
                NS_TEST_EXPECT_MSG_EQ(s.drbs[0].cipheringDisabled, !ciphering, what);
                NS_TEST_EXPECT_MSG_EQ(s.udpDownRx, UDP_PACKETS * UDP_PAYLOAD, what << ": down");
                NS_TEST_EXPECT_MSG_EQ(s.udpUpRx, UDP_PACKETS * UDP_PAYLOAD, what << ": up");
                // the UDP test packets on the air, both directions: sizes with / without MAC-I
                uint32_t withMac = 0, withoutMac = 0, clearIp = 0;
                for (const NrSecurityAirFrame& f : s.drbFrames)
                {
                    const uint32_t n = f.pdu->GetSize();
                    const bool udpWith = n == s.UdpPduBytes(f, true);
                    const bool udpWithout = n == s.UdpPduBytes(f, false);
                    withMac += udpWith;
                    withoutMac += udpWithout;
                    if (udpWith || udpWithout)
                    {
                        uint8_t b[8];
                        f.pdu->CopyData(b, sizeof(b));
                        const size_t ipAt = (f.snLengthBits == 18 ? 3 : 2) + (f.sdapHeader ? 1 : 0);
                        // IPv4, IHL 5, TOS 0 and the total length, as sent (one byte alone
                        // is ciphertext equal to 0x45 once in 256 PDUs)
                        const uint32_t ipLength = 20 + 8 + UDP_PAYLOAD;
                        clearIp += b[ipAt] == 0x45 && b[ipAt + 1] == 0
                                   && b[ipAt + 2] == static_cast<uint8_t>(ipLength >> 8)
                                   && b[ipAt + 3] == static_cast<uint8_t>(ipLength);
                        NS_TEST_EXPECT_MSG_EQ(f.macIPresent, integrity, what << ": metadata");
                    }
                }
                NS_TEST_EXPECT_MSG_EQ(withMac,
                                      (integrity ? 2 * UDP_PACKETS : 0u),
                                      what << ": DRB PDUs with a 4-byte MAC-I");
                NS_TEST_EXPECT_MSG_EQ(withoutMac,
                                      (integrity ? 0u : 2 * UDP_PACKETS),
                                      what << ": DRB PDUs without MAC-I");
                NS_TEST_EXPECT_MSG_EQ(clearIp,
                                      (ciphering ? 0u : 2 * UDP_PACKETS),
                                      what << ": IPv4 header in clear on the air");
            }
        }
    }
};

class ForgedBitFlipTestCase : public TestCase
{
  public:
    ForgedBitFlipTestCase()
        : TestCase("forged-drb-bit-flip: discarded and counted with UP integrity; delivered "
                   "flipped without it (the aLTEr precondition)")
    {
    }

  private:
    void DoRun() override
    {
        Scenario p;
        p.c.integrity = NrSecurityUpPolicy::REQUIRED;
        p.c.tcp = false;
        p.c.forgeDownlinkPdu = 2;
        p.Run();
        NS_TEST_EXPECT_MSG_EQ(p.ueDrbIntegrityFailures, 1u, "the forgery fails NIA2");
        NS_TEST_EXPECT_MSG_EQ(
            p.udpDownRx, UDP_PACKETS * UDP_PAYLOAD, "the genuine PDUs are all delivered");
        NS_TEST_EXPECT_MSG_EQ(p.lastBytesDown.size(), UDP_PACKETS, "no extra packet");
        NS_TEST_EXPECT_MSG_EQ(
            std::set<uint8_t>(p.lastBytesDown.begin(), p.lastBytesDown.end()).count(0x01),
            0u,
            "the tampered IP packet is not delivered");

        Scenario u;
        u.c.integrity = NrSecurityUpPolicy::NOT_NEEDED;
        u.c.tcp = false;
        u.c.forgeDownlinkPdu = 2;
        u.Run();
        NS_TEST_EXPECT_MSG_EQ(u.ueDrbIntegrityFailures, 0u, "nothing to verify");
        NS_TEST_EXPECT_MSG_EQ(u.lastBytesDown.size(),
                              UDP_PACKETS,
                              "the forgery took the genuine PDU's COUNT (duplicate discarded)");
        NS_TEST_ASSERT_MSG_GT(u.lastBytesDown.size(), 1u, "packets");
        NS_TEST_EXPECT_MSG_EQ(unsigned(u.lastBytesDown[1]),
                              0x01u,
                              "ciphered without integrity: the flipped bit reaches the "
                              "application (documented behaviour, the aLTEr precondition)");
    }
};

class RequiredPolicyUnmetTestCase : public TestCase
{
  public:
    RequiredPolicyUnmetTestCase()
        : TestCase("required-policy-unmet: UP integrity REQUIRED at a gNB without it: session "
                   "rejected, no DRB, nothing delivered")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s;
        s.c.integrity = NrSecurityUpPolicy::REQUIRED;
        s.c.gnbUpIntegrity = false;
        s.c.tcp = false;
        s.Run();
        NS_TEST_EXPECT_MSG_EQ(s.sessionOk, false, "rejected (TS 33.501 6.6.2)");
        NS_TEST_EXPECT_MSG_NE(s.sessionReason, "", "with a reason");
        NS_TEST_EXPECT_MSG_EQ(s.drbs.size(), 0u, "no DRB");
        NS_TEST_EXPECT_MSG_EQ(s.drbFrames.size(), 0u, "no DRB PDU on the air");
        NS_TEST_EXPECT_MSG_EQ(s.udpDownRx, 0u, "nothing delivered down");
        NS_TEST_EXPECT_MSG_EQ(s.udpUpRx, 0u, "nothing delivered up");
        NS_TEST_EXPECT_MSG_EQ(s.upfDiscards, UDP_PACKETS, "the UPF has no session for the UE");
    }
};

class NrSecurityUserPlaneTestSuite : public TestSuite
{
  public:
    NrSecurityUserPlaneTestSuite()
        : TestSuite("nr-security-user-plane")
    {
        AddTestCase(new AlgorithmMatrixTestCase);
        AddTestCase(new PolicyMatrixTestCase);
        AddTestCase(new ForgedBitFlipTestCase);
        AddTestCase(new RequiredPolicyUnmetTestCase);
    }
};

NrSecurityUserPlaneTestSuite g_nrSecurityUserPlaneTestSuite;

} // namespace
