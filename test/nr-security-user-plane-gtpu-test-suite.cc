// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * GTP-U on N3 (TS 29.281 5.1, 5.2; PDU Session Container content TS 38.415 5.5.2) as exact
 * bytes, the refusals of malformed messages, and the UPF (NrSecurityUpf) between a fake gNB
 * and a remote host: downlink encapsulation, uplink decapsulation, per-TEID counters and
 * every discard counted with its reason.
 */
#include "nr-security-test-events.h"
#include "nr-security-test-vectors.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/node-container.h"
#include "ns3/nr-security-gtpu.h"
#include "ns3/nr-security-upf.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/udp-header.h"
#include "ns3/udp-socket-factory.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

std::string
Hex(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return ToHex(b);
}

/**
 * A G-PDU's header, exact bytes (TS 29.281 Figure 5.1-1: version 1, PT 1, E flag, type 255,
 * Length = octets after octet 8, TEID; octets 9-12 with next type 0x85; TS 38.415 5.5.2.1 /
 * 5.5.2.2: PDU Type in bits 8-5 of octet 1, QFI in bits 6-1 of octet 2).
 */
class GtpuExactBytesTestCase : public TestCase
{
  public:
    GtpuExactBytesTestCase()
        : TestCase("gtpu-exact-bytes: G-PDU headers with and without the PDU Session Container")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_EQ(
            ToHex(NrSecurityGtpu::EncodeGpduHeader(0x12345678, 4, true, 0, 9)),
            "34ff000c123456780000008501000900",
            "DL G-PDU, QFI 9, 4-byte T-PDU: Length 12 = 4 optional + 4 extension + 4");
        NS_TEST_EXPECT_MSG_EQ(
            ToHex(NrSecurityGtpu::EncodeGpduHeader(0x00000001, 1500, true, 1, 63)),
            "34ff05e4000000010000008501103f00",
            "UL G-PDU, QFI 63, 1500 bytes: Length 0x05e4, PDU Type 1 in the high nibble");
        NS_TEST_EXPECT_MSG_EQ(ToHex(NrSecurityGtpu::EncodeGpduHeader(0xdeadbeef, 0, false, 0, 0)),
                              "30ff0000deadbeef",
                              "plain G-PDU: E, S, PN clear, no optional fields");
        Ptr<Packet> p = Create<Packet>(reinterpret_cast<const uint8_t*>("abcd"), 4);
        NrSecurityGtpu::Encapsulate(p, 0x12345678, NrSecurityGtpu::PDU_TYPE_DL, 9);
        NS_TEST_EXPECT_MSG_EQ(Hex(p),
                              "34ff000c12345678000000850100090061626364",
                              "Encapsulate prepends the 16-byte header");
        NrSecurityGtpuHeader h = NrSecurityGtpu::Decapsulate(p);
        NS_TEST_ASSERT_MSG_EQ(h.valid, true, h.reason);
        NS_TEST_EXPECT_MSG_EQ(unsigned(h.messageType), 255u, "G-PDU");
        NS_TEST_EXPECT_MSG_EQ(h.teid, 0x12345678u, "TEID");
        NS_TEST_EXPECT_MSG_EQ(h.pduSessionContainer, true, "container");
        NS_TEST_EXPECT_MSG_EQ(unsigned(h.pduType), 0u, "DL PDU SESSION INFORMATION");
        NS_TEST_EXPECT_MSG_EQ(unsigned(h.qfi), 9u, "QFI");
        NS_TEST_EXPECT_MSG_EQ(h.headerBytes, 16u, "header bytes");
        NS_TEST_EXPECT_MSG_EQ(Hex(p), "61626364", "Decapsulate leaves the T-PDU");

        bool threw = false;
        try
        {
            NrSecurityGtpu::EncodeGpduHeader(1, 0, true, 0, 64);
        }
        catch (const std::invalid_argument&)
        {
            threw = true;
        }
        NS_TEST_EXPECT_MSG_EQ(threw, true, "QFI 64 is refused");
        threw = false;
        try
        {
            NrSecurityGtpu::EncodeGpduHeader(1, 65536 - 8, true, 0, 1);
        }
        catch (const std::invalid_argument&)
        {
            threw = true;
        }
        NS_TEST_EXPECT_MSG_EQ(threw, true, "Length above 65535 is refused");
    }
};

/// Decoding received messages: what TS 29.281 5.1 / 5.2.1 has the receiver refuse or skip.
class GtpuMalformedTestCase : public TestCase
{
  public:
    GtpuMalformedTestCase()
        : TestCase("gtpu-malformed: every malformed message is refused with its reason")
    {
    }

  private:
    NrSecurityGtpuHeader Decode(const std::string& hex)
    {
        std::vector<uint8_t> b = FromHex(hex);
        return NrSecurityGtpu::Decode(b.data(), b.size());
    }

    void Refused(const std::string& hex, const std::string& reasonPart)
    {
        NrSecurityGtpuHeader h = Decode(hex);
        NS_TEST_EXPECT_MSG_EQ(h.valid, false, hex << " must be refused");
        NS_TEST_EXPECT_MSG_NE(h.reason.find(reasonPart),
                              std::string::npos,
                              hex << ": reason '" << h.reason << "' should name " << reasonPart);
    }

    void DoRun() override
    {
        Refused("30ff0000dead", "shorter");
        Refused("50ff0000deadbeef", "version 2");
        Refused("20ff0000deadbeef", "protocol type 0");
        Refused("30ff0001deadbeef", "length field 1");
        Refused("30ff0000deadbeefaa", "length field 0");
        Refused("34ff0002deadbeef0000", "cut short");
        Refused("34ff0008deadbeef0000008500000000", "length 0");
        Refused("34ff0008deadbeef0000008502000900", "cut short");
        Refused("34ff0008deadbeef0000008501200900", "PDU Type 2");
        // an unknown type with bit 8 set (comprehension required), and one without (skipped)
        Refused("34ff0008deadbeef000000a101000000", "comprehension is required");
        NrSecurityGtpuHeader skip = Decode("34ff000cdeadbeef000000210100008501000700");
        NS_TEST_EXPECT_MSG_EQ(skip.valid, true, skip.reason);
        NS_TEST_EXPECT_MSG_EQ(unsigned(skip.qfi), 7u, "the container after the skipped one");
        NS_TEST_EXPECT_MSG_EQ(skip.headerBytes, 20u, "header bytes");
        // S flag only: sequence number, no extension header
        NrSecurityGtpuHeader seq = Decode("32ff0005deadbeef12340000ff");
        NS_TEST_EXPECT_MSG_EQ(seq.valid, true, seq.reason);
        NS_TEST_EXPECT_MSG_EQ(seq.sequencePresent, true, "S flag");
        NS_TEST_EXPECT_MSG_EQ(seq.sequence, 0x1234, "sequence number");
        NS_TEST_EXPECT_MSG_EQ(seq.pduSessionContainer, false, "no container");
        NS_TEST_EXPECT_MSG_EQ(seq.payloadBytes, 1u, "T-PDU");
        // an Echo Request (type 1, TEID 0, S flag) is valid but not a G-PDU
        NrSecurityGtpuHeader echo = Decode("320100040000000000010000");
        NS_TEST_EXPECT_MSG_EQ(echo.valid, true, echo.reason);
        NS_TEST_EXPECT_MSG_EQ(unsigned(echo.messageType), 1u, "Echo Request");
        Ptr<Packet> p = Create<Packet>(FromHex("320100040000000000010000").data(), 12);
        NrSecurityGtpu::Decapsulate(p);
        NS_TEST_EXPECT_MSG_EQ(p->GetSize(), 12u, "a non-G-PDU keeps its bytes");
    }
};

/**
 * The UPF between a fake gNB (a UDP socket on port 2152 of its own node) and a remote host:
 * gNB 10.0.0.1 -- 10.0.0.2 UPF 1.0.0.1 -- 1.0.0.2 remote; UE address range 7.0.0.0/8 on the
 * UPF's tun device 7.0.0.1.
 */
class UpfTunnelTestCase : public TestCase
{
  public:
    UpfTunnelTestCase()
        : TestCase("upf-tunnel: downlink G-PDUs to the gNB, uplink to the network, discards")
    {
    }

  private:
    Ptr<Socket> m_gnbSocket;
    Ptr<Socket> m_remoteSocket;
    std::vector<std::string> m_gnbRx;   ///< G-PDUs the fake gNB got, as hex
    std::vector<uint32_t> m_remoteRx;   ///< payload sizes the remote host got
    std::vector<std::string> m_reasons; ///< UPF discards

    void GnbRx(Ptr<Socket> s)
    {
        while (Ptr<Packet> p = s->Recv())
        {
            m_gnbRx.push_back(Hex(p));
        }
    }

    void RemoteRx(Ptr<Socket> s)
    {
        while (Ptr<Packet> p = s->Recv())
        {
            m_remoteRx.push_back(p->GetSize());
        }
    }

    /// An uplink IPv4/UDP packet from `src` to the remote host's port 9, payload n bytes.
    static Ptr<Packet> UlIp(Ipv4Address src, uint32_t n)
    {
        Ptr<Packet> p = Create<Packet>(n);
        UdpHeader udp;
        udp.SetSourcePort(1234);
        udp.SetDestinationPort(9);
        p->AddHeader(udp);
        Ipv4Header ip;
        ip.SetSource(src);
        ip.SetDestination(Ipv4Address("1.0.0.2"));
        ip.SetProtocol(17);
        ip.SetPayloadSize(p->GetSize());
        ip.SetTtl(64);
        p->AddHeader(ip);
        return p;
    }

    void SendUl(Ipv4Address src, uint32_t teid, uint32_t n)
    {
        Ptr<Packet> p = UlIp(src, n);
        NrSecurityGtpu::Encapsulate(p, teid, NrSecurityGtpu::PDU_TYPE_UL, 9);
        m_gnbSocket->SendTo(p, 0, InetSocketAddress(Ipv4Address("10.0.0.2"), 2152));
    }

    void DoRun() override
    {
        NodeContainer nodes(3); // gNB, UPF, remote
        InternetStackHelper().Install(nodes);
        PointToPointHelper p2p;
        NetDeviceContainer n3 = p2p.Install(nodes.Get(0), nodes.Get(1));
        NetDeviceContainer sgi = p2p.Install(nodes.Get(1), nodes.Get(2));
        Ipv4AddressHelper a;
        a.SetBase("10.0.0.0", "255.255.255.0");
        a.Assign(n3);
        a.SetBase("1.0.0.0", "255.255.255.0");
        a.Assign(sgi);

        Ptr<Node> upfNode = nodes.Get(1);
        Ptr<VirtualNetDevice> tun = CreateObject<VirtualNetDevice>();
        tun->SetAddress(Mac48Address::Allocate());
        upfNode->AddDevice(tun);
        Ptr<Ipv4> ipv4 = upfNode->GetObject<Ipv4>();
        uint32_t i = ipv4->AddInterface(tun);
        ipv4->AddAddress(i, Ipv4InterfaceAddress("7.0.0.1", "255.0.0.0"));
        ipv4->SetUp(i);
        Ptr<NrSecurityUpf> upf = CreateObject<NrSecurityUpf>();
        upf->SetTunDevice(tun);
        upfNode->AddApplication(upf);
        upf->TraceConnectWithoutContext("Discard",
                                        MakeCallback(+[](std::vector<std::string>* r,
                                                         const std::string& reason,
                                                         Ptr<const Packet>) {
                                            r->push_back(reason);
                                        }).Bind(&m_reasons));
        Ipv4StaticRoutingHelper routing;
        routing.GetStaticRouting(nodes.Get(2)->GetObject<Ipv4>())
            ->AddNetworkRouteTo("7.0.0.0", "255.0.0.0", Ipv4Address("1.0.0.1"), 1);

        m_gnbSocket = Socket::CreateSocket(nodes.Get(0), UdpSocketFactory::GetTypeId());
        m_gnbSocket->Bind(InetSocketAddress(Ipv4Address::GetAny(), 2152));
        m_gnbSocket->SetRecvCallback(MakeCallback(&UpfTunnelTestCase::GnbRx, this));
        m_remoteSocket = Socket::CreateSocket(nodes.Get(2), UdpSocketFactory::GetTypeId());
        m_remoteSocket->Bind(InetSocketAddress(Ipv4Address::GetAny(), 9));
        m_remoteSocket->SetRecvCallback(MakeCallback(&UpfTunnelTestCase::RemoteRx, this));

        const uint32_t ulTeid = upf->AddSession("7.0.0.2", "10.0.0.1", 0xabcd0001, 9);
        NS_TEST_EXPECT_MSG_EQ(ulTeid, 1u, "the first UL TEID");

        // downlink: the remote host sends to the UE address 7.0.0.2 and to 7.0.0.3 (no
        // session)
        Ptr<Socket> tx = Socket::CreateSocket(nodes.Get(2), UdpSocketFactory::GetTypeId());
        NrSecurityTestSchedule(
            MilliSeconds(10),
            [tx]()
            {
                tx->SendTo(Create<Packet>(100), 0, InetSocketAddress("7.0.0.2", 5000));
                tx->SendTo(Create<Packet>(100), 0, InetSocketAddress("7.0.0.3", 5000));
            });
        // uplink: a good G-PDU, one with an unknown TEID, one with a spoofed source, garbage
        NrSecurityTestSchedule(MilliSeconds(20),
                               [this, ulTeid]()
                               {
                                   SendUl("7.0.0.2", ulTeid, 200);
                                   SendUl("7.0.0.2", ulTeid + 1, 200);
                                   SendUl("7.0.0.9", ulTeid, 200);
                                   m_gnbSocket->SendTo(
                                       Create<Packet>(FromHex("50ff0000deadbeef").data(), 8),
                                       0,
                                       InetSocketAddress(Ipv4Address("10.0.0.2"), 2152));
                               });
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        m_gnbSocket = nullptr;
        m_remoteSocket = nullptr;
        Simulator::Destroy(); // before any assertion can return (the UPF keeps its tables)

        NS_TEST_EXPECT_MSG_EQ(m_gnbRx.size(), 1u, "one G-PDU reached the gNB");
        NS_TEST_EXPECT_MSG_EQ(m_remoteRx.size(), 1u, "one uplink packet reached the host");
        if (m_gnbRx.size() != 1 || m_remoteRx.size() != 1)
        {
            return; // (without --stop-on-failure the runner goes on after a failed assertion)
        }
        // 16 bytes GTP-U, then the IPv4 header of 20 + UDP 8 + 100: Length = 8 + 128 = 0x88
        NS_TEST_EXPECT_MSG_EQ(m_gnbRx[0].substr(0, 32),
                              "34ff0088abcd00010000008501000900",
                              "DL G-PDU header: DL TEID, DL container, QFI 9");
        NS_TEST_EXPECT_MSG_EQ(m_gnbRx[0].substr(32 + 24, 16),
                              "0100000207000002",
                              "the T-PDU is the IPv4 packet: source 1.0.0.2, destination 7.0.0.2");
        NS_TEST_EXPECT_MSG_EQ(m_remoteRx[0], 200u, "its payload");
        const NrSecurityUpfSession* s = upf->GetSessionByUlTeid(ulTeid);
        NS_TEST_EXPECT_MSG_NE(s, nullptr, "session");
        if (!s)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(s->dlPackets, 1u, "DL packets");
        NS_TEST_EXPECT_MSG_EQ(s->dlBytes, 128u, "DL IP bytes");
        NS_TEST_EXPECT_MSG_EQ(s->ulPackets, 1u, "UL packets");
        NS_TEST_EXPECT_MSG_EQ(s->ulBytes, 228u, "UL IP bytes");
        NS_TEST_EXPECT_MSG_EQ(s->ulDiscards, 1u, "the spoofed source on this TEID");
        NS_TEST_EXPECT_MSG_EQ(upf->GetDiscards(), 4u, "four discards");
        std::vector<std::string> expected{"no PDU session for the destination",
                                          "unknown TEID",
                                          "source address is not the session's UE address",
                                          "malformed GTP-U: version 2 is not GTPv1"};
        NS_TEST_ASSERT_MSG_EQ(m_reasons.size(), expected.size(), "discard reasons");
        for (size_t k = 0; k < std::min(expected.size(), m_reasons.size()); ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(m_reasons[k], expected[k], "discard " << k);
        }
    }
};

class NrSecurityUserPlaneGtpuTestSuite : public TestSuite
{
  public:
    NrSecurityUserPlaneGtpuTestSuite()
        : TestSuite("nr-security-user-plane-gtpu")
    {
        AddTestCase(new GtpuExactBytesTestCase);
        AddTestCase(new GtpuMalformedTestCase);
        AddTestCase(new UpfTunnelTestCase);
    }
};

NrSecurityUserPlaneGtpuTestSuite g_nrSecurityUserPlaneGtpuTestSuite;

} // namespace
