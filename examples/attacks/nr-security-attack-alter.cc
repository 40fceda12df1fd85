// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Attack 1, aLTEr DNS redirect (Rupprecht, Kohls, Holz, Poepper, "Breaking LTE on Layer Two",
 * IEEE S&P 2019).
 *
 * Precondition: the attacker runs a man-in-the-middle relay (a false cell toward the UE, a
 * fake UE toward the real gNB) that the victim camps on (it is received stronger), and the
 * victim's DRB is ciphered but not integrity-protected (UP integrity NOT_NEEDED; in LTE user
 * data never is). NEA1-3 are stream ciphers (C = P xor keystream, TS 33.501 D.2.1): flipping
 * a ciphertext bit flips the same plaintext bit, whatever the key.
 *
 * What it shows: the UE sends DNS queries (UDP to its resolver 1.0.0.2, port 53). The relay
 * knows the resolver's address (known plaintext) and, in every uplink DRB PDU, xors
 * (resolver xor attacker) into the ciphertext bytes of the IPv4 destination address (offset:
 * PDCP header, 2 bytes for 12-bit SNs or 3 for 18-bit, + the SDAP header if present, + 16);
 * the gNB deciphers a packet for the attacker's resolver 1.1.0.1, which answers. The relay
 * flips the source address of the downlink answers back to the resolver's (offset + 12), so
 * the UE's connected socket accepts them: the victim's DNS is the attacker's. The IPv4 header
 * checksum and the UDP checksum cover the addresses; rather than correcting them (which needs
 * more of the header's plaintext), the attacker picks its server's address with the same
 * 16-bit one's-complement sum as the resolver's (1.1.0.1 for 1.0.0.2: 0x0101 + 0x0001 =
 * 0x0100 + 0x0002), so both checksums stay valid. The example turns on ns-3's
 * checksums (GlobalValue ChecksumEnabled, off by default in ns-3; --checksums=0 leaves it
 * off); with checksums on and an attacker address of another sum the altered queries would be
 * dropped at the UPF.
 *
 * What mitigates it: UP integrity protection (the AMF's UP security policy REQUIRED,
 * NrSecurityHelper::SetUpSecurityPolicy; TS 33.501 6.6.1): the gNB verifies the MAC-I of each
 * relayed uplink PDU, discards the altered ones and counts them (PDCP discard "integrity",
 * GetDrbIntegrityFailures); nothing reaches the attacker nor the resolver.
 *
 *   ./nr-security-attack-alter [--mitigated=0] [--queries=10] [--checksums=1] [--dataset=STEM]
 *       [--outputDir=] [--seed=1]
 *
 * --dataset=STEM writes the labelled dataset (NrSecurityAdversaryHelper::EnableDataset): one
 * row per frame on the channel in STEM.csv, label "alter" for the relayed and rewritten
 * frames, and the same frames in STEM.pcap with the forged ones marked. --outputDir=DIR
 * without --dataset writes it as DIR/dataset.csv and DIR/dataset.pcap.
 *
 * Last line: outcome: attack=alter mitigated=0|1 result=success|blocked|failed|no-capture
 * captured=0|1 queries=N upIntegrity=off|on rewrittenUp=.. rewrittenDown=.. relayForwarded=..
 * atResolver=.. atAttacker=.. repliesAtUe=.. gnbIntegrityFailures=.. gnbIntegrityDiscards=..
 * (rewritten: DRB PDUs the relay altered; at*: queries each resolver received; repliesAtUe:
 * answers the UE's DNS client accepted; gnbIntegrity*: uplink PDUs that failed the MAC-I check
 * at the gNB, GetDrbIntegrityFailures, and PDCP discards for "integrity")
 */
#include "nr-security-attack-scenario.h"
#include "ns3/point-to-point-module.h"

using namespace ns3;

namespace
{

/// What the relay does and what it counts.
struct Alter
{
    uint32_t victim = 1;        ///< the UE id
    Ipv4Address resolver;       ///< the victim's DNS resolver (known plaintext)
    Ipv4Address attacker;       ///< the attacker's resolver
    uint64_t upRewritten = 0;   ///< uplink DRB PDUs altered
    uint64_t downRewritten = 0; ///< downlink DRB PDUs altered

    /// \return resolver xor attacker, 4 bytes
    std::vector<uint8_t> Mask() const
    {
        uint8_t a[4];
        uint8_t b[4];
        resolver.Serialize(a);
        attacker.Serialize(b);
        return {
            uint8_t(a[0] ^ b[0]), uint8_t(a[1] ^ b[1]), uint8_t(a[2] ^ b[2]), uint8_t(a[3] ^ b[3])};
    }

    /**
     * The intercept callback: the victim's DRB PDUs get the IPv4 destination (uplink) or
     * source (downlink) address flipped; everything else is forwarded unchanged.
     * \param frame the frame in flight \return FORWARD
     */
    NrSecurityRelayDecision Intercept(NrSecurityAirFrame& frame)
    {
        if (frame.type == NrSecurityRbType::DRB && frame.ueId == victim && frame.pdu)
        {
            const size_t ipStart = (frame.snLengthBits == 12 ? 2 : 3) + (frame.sdapHeader ? 1 : 0);
            const size_t offset = ipStart + (frame.uplink ? 16 : 12); // destination / source
            if (frame.pdu->GetSize() >= offset + 4)
            {
                frame.pdu = NrSecurityMitmRelay::XorBytes(frame.pdu, offset, Mask());
                ++(frame.uplink ? upRewritten : downRewritten);
            }
        }
        return NrSecurityRelayDecision();
    }
};

/// Counts packets. \param n the counter \param p the packet
void
Count(uint64_t* n, Ptr<const Packet> /* p */)
{
    ++*n;
}

/// Counts packets at a UdpEchoServer's RxWithAddresses (its "Rx" changed signature in ns-3
/// 3.47; this one is the same in every release). \param n the counter \param p the packet
void
CountFrom(uint64_t* n, Ptr<const Packet> p, const Address& /* from */, const Address& /* to */)
{
    Count(n, p);
}

} // namespace

/// The example proper.
int
Run(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    cmd.Usage("aLTEr DNS redirect: a relay flips the IPv4 destination of ciphered DNS queries "
              "to the attacker's resolver; UP integrity REQUIRED (--mitigated=1) stops it.");
    std::string queriesText = "10";
    std::string dataset;
    cmd.AddValue("queries", "DNS queries the UE sends, 1..1000", queriesText);
    std::string checksumsText = "1";
    cmd.AddValue("dataset", "write the labelled dataset to STEM.csv and STEM.pcap", dataset);
    cmd.AddValue("checksums", "compute and check IPv4/UDP checksums (1/0)", checksumsText);
    const NrSecurityAttackOptions o
        = NrSecurityAttackParse(cmd, argc, argv, {"queries", "dataset", "checksums"});
    if (checksumsText != "0" && checksumsText != "1")
    {
        throw std::invalid_argument("--checksums=" + checksumsText + ": expected 0 or 1");
    }
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(checksumsText == "1")); // before the nodes
    const uint32_t queries
        = uint32_t(NrSecurityAttackParseUnsigned("queries", queriesText, 1, 1000));

    // The victims: one gNB, one UE 100 m away; the relay 5 m from the UE.
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    NrSecurityAttackNetwork net = NrSecurityAttackBuildNetwork(nr, {Vector(100, 0, 1.5)});
    nr->SetUpSecurityPolicy(net.ues,
                            o.mitigated ? NrSecurityUpPolicy::REQUIRED
                                        : NrSecurityUpPolicy::NOT_NEEDED,
                            NrSecurityUpPolicy::REQUIRED);
    // the attacker's resolver, reachable through the UPF like any host on the Internet
    const Ipv4Address attackerAddress("1.1.0.1");
    Ptr<Node> attackerHost = CreateObject<Node>();
    InternetStackHelper().Install(attackerHost);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
    p2p.SetChannelAttribute("Delay", StringValue("5ms"));
    NetDeviceContainer link = p2p.Install(attackerHost, nr->GetUpfNode());
    Ipv4AddressHelper addresses("1.1.0.0", "255.255.255.0"); // attacker .1, UPF .2
    Ipv4InterfaceContainer ifs = addresses.Assign(link);
    Ipv4StaticRoutingHelper()
        .GetStaticRouting(attackerHost->GetObject<Ipv4>())
        ->AddNetworkRouteTo(Ipv4Address("7.0.0.0"), Ipv4Mask("255.0.0.0"), ifs.GetAddress(1), 1);
    NrSecurityAttackEnableOutputs(net, o);

    NrSecurityAdversaryHelper adv(nr);
    if (dataset.empty() && !o.outputDir.empty())
    {
        dataset = o.outputDir + "/dataset"; // --outputDir alone: DIR/dataset.csv, .pcap
    }
    if (!dataset.empty())
    {
        adv.EnableDataset(dataset, "alter");
    }
    Ptr<NrSecurityMitmRelay> relay
        = adv.InstallRelay(NrSecurityAttackNode(Vector(105, 0, 1.5)), net.gnbs.Get(0));
    Alter alter;
    alter.victim = net.Ue()->GetUeId();
    alter.resolver = net.remoteAddress;
    alter.attacker = attackerAddress;
    relay->SetInterceptCallback(MakeCallback(&Alter::Intercept, &alter));
    // the UE camps on the strongest cell: the relay's
    Ptr<NrSecurityUeNetDevice> ue = net.Ue();
    Simulator::Schedule(MilliSeconds(1), [ue]() { ue->AttachToStrongestCell(); });

    // DNS: UDP to port 53 of the resolver, which (like the attacker's) answers each query.
    uint64_t atResolver = 0;
    uint64_t atAttacker = 0;
    uint64_t replies = 0;
    UdpEchoServerHelper server(53);
    ApplicationContainer servers = server.Install(NodeContainer(net.remote, attackerHost));
    servers.Get(0)->TraceConnectWithoutContext("RxWithAddresses",
                                               MakeBoundCallback(&CountFrom, &atResolver));
    servers.Get(1)->TraceConnectWithoutContext("RxWithAddresses",
                                               MakeBoundCallback(&CountFrom, &atAttacker));
    UdpEchoClientHelper client(net.remoteAddress, 53);
    client.SetAttribute("MaxPackets", UintegerValue(queries));
    client.SetAttribute("Interval", TimeValue(MilliSeconds(20)));
    ApplicationContainer clients = client.Install(net.ueNodes.Get(0));
    // a DNS query for example.com, type A (RFC 1035 4.1: header, question)
    const uint8_t query[]
        = {0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07, 'e', 'x',
           'a',  'm',  'p',  'l',  'e',  0x03, 'c',  'o',  'm',  0x00, 0x00, 0x01, 0x00, 0x01};
    client.SetFill(clients.Get(0), const_cast<uint8_t*>(query), sizeof(query), sizeof(query));
    clients.Get(0)->TraceConnectWithoutContext("Rx", MakeBoundCallback(&Count, &replies));
    clients.Start(MilliSeconds(300));

    Simulator::Stop(MilliSeconds(300) + MilliSeconds(20) * queries + MilliSeconds(300));
    Simulator::Run();

    Ptr<NrSecurityGnbRrc> gnbRrc = net.Gnb()->GetRrc();
    const bool captured = relay->GetCapturedUes().count(alter.victim) > 0;
    const bool redirected = atAttacker > 0;
    NrSecurityAttackOutcome out("alter", o);
    // blocked: stopped by UP integrity; failed: by anything else (e.g. a checksum)
    out.SetResult(!captured                               ? "no-capture"
                  : redirected                            ? "success"
                  : gnbRrc->GetDrbIntegrityFailures() > 0 ? "blocked"
                                                          : "failed");
    out.Add("captured", captured ? 1 : 0);
    out.Add("queries", queries);
    // the victim's DRB as the UE configured it (none: AS security or the DRB never came up)
    const std::vector<NrSecurityDrbConfig> drbs = ue->GetRrc()->GetDrbConfigs();
    out.Add("upIntegrity", drbs.empty() ? "none" : drbs[0].integrityProtection ? "on" : "off");
    out.Add("rewrittenUp", alter.upRewritten);
    out.Add("rewrittenDown", alter.downRewritten);
    out.Add("relayForwarded", relay->GetForwarded());
    out.Add("atResolver", atResolver);
    out.Add("atAttacker", atAttacker);
    out.Add("repliesAtUe", replies);
    out.Add("gnbIntegrityFailures", gnbRrc->GetDrbIntegrityFailures());
    out.Add("gnbIntegrityDiscards", gnbRrc->GetPdcpDiscards("integrity"));
    out.Print();
    Simulator::Destroy();
    return 0;
}

int
main(int argc, char* argv[])
{
    return NrSecurityAttackMain("nr-security-attack-alter", Run, argc, argv);
}
