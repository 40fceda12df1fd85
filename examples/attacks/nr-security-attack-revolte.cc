// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Attack 2, ReVoLTE keystream reuse (Rupprecht, Kohls, Holz, Poepper, "Call Me Maybe:
 * Eavesdropping Encrypted LTE Calls With ReVoLTE", USENIX Security 2020).
 *
 * Precondition: a gNB that, when a DRB is released and a new one set up under the same
 * K_gNB (e.g. the dedicated bearer of a second voice call), gives the new DRB the old
 * identity and restarts its COUNT at 0 (the gNB profile VulnerabilityDrbCountReuse, with
 * NrSecurityGnbRrc::ReAddDrb). The same K_UPenc, COUNT, BEARER and DIRECTION give the same
 * keystream (TS 33.501 D.2.1), so C1 xor C2 = P1 xor P2. The attacker only listens (a
 * sniffer in range) and makes the second call itself, so it knows P2.
 *
 * What it shows: call 1, the victim's secret downlink "voice" (--packets UDP packets of
 * --packetSize random bytes every 20 ms to the UE's port 5004), is recorded ciphered by the
 * sniffer. The DRB is then released and re-added (ReAddDrb) and call 2, the attacker's, sends
 * bytes the attacker chose. For every PDCP SN present in both calls the attacker computes
 * P1 = C1 xor C2 xor P2 over the UDP payload (offset: PDCP header 2 or 3 bytes + the SDAP
 * header if present + 20 bytes IPv4 + 8 bytes UDP) and compares it with what call 1 really
 * carried: with the reuse every byte is recovered (matched = total).
 *
 * What mitigates it: a COUNT is used once per key, BEARER and DIRECTION (TS 33.501 6.9.4.1,
 * TS 38.300 13.1): the compliant gNB gives the re-added DRB an identity not used under the
 * current K_gNB (another BEARER, another keystream), or refreshes the key when none is
 * left. Then C1 xor C2 xor P2 is noise and the match rate stays near 1/256 (0.0039).
 *
 *   ./nr-security-attack-revolte [--mitigated=0] [--packets=50] [--packetSize=160]
 *       [--outputDir=] [--seed=1]
 *
 * With --outputDir the sniffer's pcap is DIR/sniffer.pcap (besides the victims' traces and
 * pcaps).
 *
 * Last line: outcome: attack=revolte mitigated=0|1 result=success|failed drbBefore=N
 * drbAfter=M countReuses=R ueDrbIdReuses=U call1Delivered=.. call2Delivered=.. pairs=P
 * matched=X/Y matchRate=0.xxxx recovered=0|1
 *
 * countReuses is the gNB's count of re-adds with the same identity; ueDrbIdReuses the UE's
 * count of DRB identities it saw added again under the same K_gNB (the UE cannot refuse the
 * addition, TS 38.331 5.3.5.6.5; it detects and reports it, GetDrbIdentityReuses).
 */
#include "nr-security-attack-scenario.h"

#include <algorithm>
#include <map>

using namespace ns3;

namespace
{

/// The SN of a PDCP data PDU (TS 38.323 6.2.2), -1 for a control PDU or a short one.
int64_t
PdcpSn(const std::vector<uint8_t>& pdu, uint8_t snLengthBits)
{
    if (pdu.size() < 3 || (pdu[0] & 0x80) == 0)
    {
        return -1;
    }
    if (snLengthBits == 12)
    {
        return ((pdu[0] & 0x0F) << 8) | pdu[1];
    }
    return ((pdu[0] & 0x03) << 16) | (pdu[1] << 8) | pdu[2];
}

/// \return the offset of the UDP payload in a downlink DRB PDU of the frame's format
size_t
PayloadOffset(const NrSecurityAirFrame& f)
{
    return (f.snLengthBits == 12 ? 2 : 3) + (f.sdapHeader ? 1 : 0) + 20 + 8;
}

/// A call: packets sent from the remote host to the UE at fixed times.
struct Call
{
    std::vector<std::vector<uint8_t>> payloads; ///< the bytes of each packet (P)
};

/**
 * Schedules a call's packets from \p socket, one every 20 ms from \p start.
 * \param socket a connected UDP socket \param call the payloads \param start the first packet
 */
void
ScheduleCall(Ptr<Socket> socket, const Call& call, Time start)
{
    for (size_t i = 0; i < call.payloads.size(); ++i)
    {
        const std::vector<uint8_t>& p = call.payloads[i];
        Simulator::Schedule(start + MilliSeconds(20) * int64_t(i),
                            [socket, p]() { socket->Send(Create<Packet>(p.data(), p.size())); });
    }
}

/// Counts the packets the UE receives, per call.
struct Delivery
{
    Time split;                 ///< the DRB re-add: packets after it belong to call 2
    uint64_t calls[2] = {0, 0}; ///< packets of call 1 and call 2

    /// PacketSink Rx. \param p the packet \param from its source
    void Rx(Ptr<const Packet> /* p */, const Address& /* from */)
    {
        ++calls[Simulator::Now() < split ? 0 : 1];
    }
};

} // namespace

/// The example proper.
int
Run(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    cmd.Usage("ReVoLTE: a gNB re-adds a DRB with its identity and COUNT 0 under the same key; "
              "a sniffer recovers the first call by C1 xor C2 xor P2. --mitigated=1: the "
              "compliant gNB (new DRB identity).");
    std::string packetsText = "50";
    std::string sizeText = "160";
    cmd.AddValue("packets", "packets per call, 1..2000", packetsText);
    cmd.AddValue("packetSize", "UDP payload bytes, 1..1400", sizeText);
    const NrSecurityAttackOptions o
        = NrSecurityAttackParse(cmd, argc, argv, {"packets", "packetSize"});
    const uint32_t packets
        = uint32_t(NrSecurityAttackParseUnsigned("packets", packetsText, 1, 2000));
    const uint32_t size = uint32_t(NrSecurityAttackParseUnsigned("packetSize", sizeText, 1, 1400));

    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    nr->SetGnbRrcAttribute("VulnerabilityDrbCountReuse", BooleanValue(!o.mitigated));
    NrSecurityAttackNetwork net = NrSecurityAttackBuildNetwork(nr, {Vector(50, 0, 1.5)});
    NrSecurityAttackEnableOutputs(net, o);
    NrSecurityAdversaryHelper adv(nr);
    Ptr<NrSecuritySniffer> sniffer = adv.InstallSniffer(NrSecurityAttackNode(Vector(80, 20, 1.5)));
    if (!o.outputDir.empty())
    {
        adv.EnablePcap(sniffer, o.outputDir + "/sniffer.pcap");
    }
    nr->Attach(net.ues, net.gnbs.Get(0));

    // the calls: call 1 is the victim's secret, call 2 the attacker's own (known) bytes
    Ptr<UniformRandomVariable> voice = CreateObject<UniformRandomVariable>();
    voice->SetStream(1000);
    Call call1;
    Call call2;
    for (uint32_t i = 0; i < packets; ++i)
    {
        std::vector<uint8_t> secret(size);
        std::vector<uint8_t> known(size);
        for (uint32_t b = 0; b < size; ++b)
        {
            secret[b] = uint8_t(voice->GetInteger(0, 255));
            known[b] = uint8_t((i * 31 + b * 7) & 0xFF);
        }
        call1.payloads.push_back(secret);
        call2.payloads.push_back(known);
    }
    const uint16_t port = 5004; // RTP
    PacketSinkHelper sinkHelper("ns3::UdpSocketFactory",
                                InetSocketAddress(Ipv4Address::GetAny(), port));
    Ptr<PacketSink> sink = DynamicCast<PacketSink>(sinkHelper.Install(net.ueNodes.Get(0)).Get(0));
    Ptr<Socket> socket = Socket::CreateSocket(net.remote, UdpSocketFactory::GetTypeId());
    socket->Bind();
    socket->Connect(InetSocketAddress(net.ueIps.GetAddress(0), port));

    const Time call1Start = MilliSeconds(300);
    const Time call1End = call1Start + MilliSeconds(20) * packets;
    const Time reAdd = call1End + MilliSeconds(200);
    const Time call2Start = reAdd + MilliSeconds(200);
    const Time stop = call2Start + MilliSeconds(20) * packets + MilliSeconds(200);
    ScheduleCall(socket, call1, call1Start);
    ScheduleCall(socket, call2, call2Start);
    Delivery delivery;
    delivery.split = reAdd;
    sink->TraceConnectWithoutContext("Rx", MakeCallback(&Delivery::Rx, &delivery));
    Ptr<NrSecurityUeNetDevice> ue = net.Ue();
    Ptr<NrSecurityGnbRrc> gnbRrc = net.Gnb()->GetRrc();
    int drbBefore = -1;
    Simulator::Schedule(
        reAdd,
        [ue, gnbRrc, &drbBefore]()
        {
            const std::vector<NrSecurityDrbConfig> drbs = ue->GetRrc()->GetDrbConfigs();
            if (!drbs.empty())
            {
                drbBefore = drbs[0].drbId;
                gnbRrc->ReAddDrb(ue->GetUeId(),
                                 drbs[0].drbId); // the first call ends, a new one starts
            }
        });
    Simulator::Stop(stop);
    Simulator::Run();

    const std::vector<NrSecurityDrbConfig> drbs = ue->GetRrc()->GetDrbConfigs();
    const int drbAfter = drbs.empty() ? -1 : drbs[0].drbId;
    // What the sniffer heard: call 1 on the DRB before, call 2 on the DRB after (first
    // transmissions of the downlink), paired by PDCP SN.
    std::map<int64_t, NrSecuritySniffedFrame> c1;
    std::map<int64_t, NrSecuritySniffedFrame> c2;
    for (int pass = 0; pass < 2 && drbBefore > 0 && drbAfter > 0; ++pass)
    {
        const int drb = pass == 0 ? drbBefore : drbAfter;
        for (const NrSecuritySniffedFrame& f :
             sniffer->Select(ue->GetUeId(), NrSecurityRbType::DRB, uint8_t(drb), false))
        {
            const bool inCall1 = f.time >= call1Start && f.time < reAdd;
            const bool inCall2 = f.time >= call2Start;
            if ((pass == 0 && !inCall1) || (pass == 1 && !inCall2))
            {
                continue;
            }
            const int64_t sn = PdcpSn(f.Bytes(), f.frame.snLengthBits);
            if (sn >= 0)
            {
                (pass == 0 ? c1 : c2).emplace(sn, f);
            }
        }
    }
    uint64_t pairs = 0;
    uint64_t matched = 0;
    uint64_t total = 0;
    for (const auto& [sn, f1] : c1)
    {
        auto f2 = c2.find(sn);
        if (f2 == c2.end() || sn >= int64_t(packets))
        {
            continue;
        }
        const size_t off1 = PayloadOffset(f1.frame);
        const size_t off2 = PayloadOffset(f2->second.frame);
        const std::vector<uint8_t> b1 = f1.Bytes();
        const std::vector<uint8_t> b2 = f2->second.Bytes();
        if (b1.size() < off1 || b2.size() < off2)
        {
            continue;
        }
        // the ciphered UDP payloads, the attacker's known P2, and the truth P1
        const std::vector<uint8_t> x1(b1.begin() + off1,
                                      b1.begin() + off1 + std::min<size_t>(size, b1.size() - off1));
        const std::vector<uint8_t> x2(b2.begin() + off2,
                                      b2.begin() + off2 + std::min<size_t>(size, b2.size() - off2));
        const std::vector<uint8_t> p1
            = NrSecurityKeystreamReuse::Recover(x1, x2, call2.payloads[sn]);
        ++pairs;
        matched += NrSecurityKeystreamReuse::Matches(p1, call1.payloads[sn]);
        total += p1.size();
    }
    const double rate = total ? double(matched) / total : 0;
    NrSecurityAttackOutcome out("revolte", o);
    out.SetResult(total > 0 && rate > 0.5 ? "success" : "failed");
    out.Add("drbBefore", drbBefore);
    out.Add("drbAfter", drbAfter);
    out.Add("countReuses", gnbRrc->GetDrbCountReuses());
    // What the UE can do: accept (TS 38.331 5.3.5.6.5) and report the identity it saw reused
    // under the same K_gNB (TS 33.501 6.9.4.1).
    out.Add("ueDrbIdReuses", ue->GetRrc()->GetDrbIdentityReuses());
    out.Add("call1Delivered", delivery.calls[0]);
    out.Add("call2Delivered", delivery.calls[1]);
    out.Add("pairs", pairs);
    out.Add("matched", std::to_string(matched) + "/" + std::to_string(total));
    out.AddFixed("matchRate", rate, 4);
    out.Add("recovered", total > 0 && rate > 0.5 ? 1 : 0);
    out.Print();
    Simulator::Destroy();
    return 0;
}

int
main(int argc, char* argv[])
{
    return NrSecurityAttackMain("nr-security-attack-revolte", Run, argc, argv);
}
