// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Attack 3, SecurityModeCommand tampering and null algorithms (bidding down): the
 * SecurityModeCommand is sent integrity-protected but not ciphered (TS 38.331 5.3.1.2), so an
 * attacker can read and rewrite the algorithms it selects; and a false base station can
 * select the null algorithms NEA0/NIA0, which need no key. References: Kim, Lee, Lee, Kim,
 * "Touching the Untouchables: Dynamic Security Analysis of the LTE Control Plane", IEEE S&P
 * 2019 (null integrity and ciphering accepted outside emergency sessions); srsRAN_4G issue
 * #691, "srsUE does not verify AS SMC integrity" (2021: a UE that did not verify the
 * SecurityModeCommand's MAC-I).
 *
 * Two scenes, each its own simulation, both with the same --mitigated:
 *  1. tamper: a man-in-the-middle relay the UE camps on rewrites the SecurityModeCommand's
 *     cipheringAlgorithm from NEA2 to NEA0 (decoded and re-encoded with the module's RRC
 *     codec; the MAC-I is the gNB's, over the original message). Precondition for success: a
 *     UE that skips the MAC-I check (VulnerabilitySmcNoVerify, --mitigated=0): it accepts
 *     the downgraded algorithms and answers SecurityModeComplete, so it ciphers nothing while
 *     the gNB deciphers with NEA2. A compliant UE (--mitigated=1) finds the MAC-I wrong
 *     (TS 33.501 6.7.4, TS 38.331 5.3.4.3): SecurityModeFailure, no key kept, no DRB.
 *  2. null: a false base station, a cloned cell received stronger than the real one, runs
 *     the RRC procedures with its own AMF (without the UE's keys) and selects NEA0 and NIA0
 *     (MAC-I all zeros, no key needed). Precondition for success: a UE that accepts NIA0
 *     outside an emergency session (VulnerabilityAcceptNia0, --mitigated=0): AS security
 *     "activates", the DRB is set up, and a sniffer reads the UE's uplink user data in clear.
 *     A compliant UE (TS 33.501 D.1, 6.7.3: NIA0 only for unauthenticated emergency
 *     sessions) answers SecurityModeFailure; no DRB, nothing to read.
 *
 * What mitigates it: the UE verifying the SecurityModeCommand's MAC-I and refusing NIA0
 * outside emergency sessions (the compliant UE profile).
 *
 *   ./nr-security-attack-smc-tampering [--mitigated=0] [--packets=20] [--outputDir=] [--seed=1]
 *
 * With --outputDir: DIR/tamper and DIR/null hold each scene's victim traces and pcaps,
 * DIR/null/sniffer.pcap what the sniffer heard.
 *
 * Last line: outcome: attack=smc-tampering mitigated=0|1 result=success|blocked|partial
 * tampered=T tamperAccepted=0|1 tamperUeNea=.. tamperSmcFailures=.. tamperDrbs=..
 * tamperUeIntegrityFailures=..
 * nullAccepted=0|1 nullUeNia=.. nullSmcFailures=.. nullDrbs=.. sniffedPackets=.. sniffedBytes=..
 */
#include "nr-security-attack-scenario.h"

#include <algorithm>

using namespace ns3;

namespace
{

/// What the UE RRC reported during a scene.
struct UeWatch
{
    uint64_t smcFailures = 0; ///< SecurityModeFailure traces
    std::string nea = "none"; ///< the algorithms of SecurityActivated (none: never)
    std::string nia = "none"; ///< likewise

    /// SecurityModeFailure. \param ue the UE \param reason why
    void Failure(uint32_t /* ue */, const std::string& /* reason */)
    {
        ++smcFailures;
    }

    /// SecurityActivated. \param ue the UE \param e NEAx \param i NIAx
    void Activated(uint32_t /* ue */, const std::string& e, const std::string& i)
    {
        nea = e;
        nia = i;
    }

    /// Connects to a UE's RRC. \param ue the UE device
    void Watch(Ptr<NrSecurityUeNetDevice> ue)
    {
        ue->GetRrc()->TraceConnectWithoutContext("SecurityModeFailure",
                                                 MakeCallback(&UeWatch::Failure, this));
        ue->GetRrc()->TraceConnectWithoutContext("SecurityActivated",
                                                 MakeCallback(&UeWatch::Activated, this));
    }
};

/// The relay's SecurityModeCommand rewrite: cipheringAlgorithm -> NEA0.
struct Tamper
{
    uint64_t tampered = 0; ///< SecurityModeCommands rewritten

    /**
     * The intercept callback: a downlink SRB1 PDU (2-byte PDCP header, 12-bit SN, TS 38.323
     * 6.2.2.1; message; 4-byte MAC-I) holding a SecurityModeCommand gets the command
     * re-encoded with NEA0 and the original MAC-I.
     * \param frame the frame in flight \return FORWARD
     */
    NrSecurityRelayDecision Intercept(NrSecurityAirFrame& frame)
    {
        if (frame.uplink || frame.type != NrSecurityRbType::SRB || frame.rbId != 1 || !frame.pdu)
        {
            return NrSecurityRelayDecision();
        }
        std::vector<uint8_t> b(frame.pdu->GetSize());
        frame.pdu->CopyData(b.data(), b.size());
        if (b.size() < 2 + 4 + 1)
        {
            return NrSecurityRelayDecision();
        }
        const NrSecurityRrcDecoded d
            = NrSecurityRrcMessage::DecodeDlDcch(b.data() + 2, b.size() - 6);
        if (!d.ok || d.type != NrSecurityRrcDecoded::SECURITY_MODE_COMMAND
            || d.nea == NrSecurityCiphering::NEA0)
        {
            return NrSecurityRelayDecision();
        }
        const std::vector<uint8_t> smc = NrSecurityRrcMessage::EncodeSecurityModeCommand(
            d.transactionId, NrSecurityCiphering::NEA0, d.integrityPresent, d.nia);
        std::vector<uint8_t> pdu(b.begin(), b.begin() + 2);
        pdu.insert(pdu.end(), smc.begin(), smc.end());
        pdu.insert(pdu.end(), b.end() - 4, b.end()); // the gNB's MAC-I
        frame.pdu = Create<Packet>(pdu.data(), pdu.size());
        ++tampered;
        return NrSecurityRelayDecision();
    }
};

/// The user data of scene 2: what the sniffer looks for.
const std::string kSecret = "user data: card 4929 1234 5678 9012";

/// \param o the options \param scene "tamper" or "null" \return o with outputDir/scene
NrSecurityAttackOptions
SceneOptions(const NrSecurityAttackOptions& o, const std::string& scene)
{
    NrSecurityAttackOptions s = o;
    if (!o.outputDir.empty())
    {
        s.outputDir = o.outputDir + "/" + scene;
    }
    return s;
}

/// Scene 1. \param o the options \param out the outcome \return the UE accepted NEA0
bool
RunTamper(const NrSecurityAttackOptions& o, NrSecurityAttackOutcome& out)
{
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    nr->SetUeRrcAttribute("VulnerabilitySmcNoVerify", BooleanValue(!o.mitigated));
    NrSecurityAttackNetwork net = NrSecurityAttackBuildNetwork(nr, {Vector(100, 0, 1.5)});
    NrSecurityAttackEnableOutputs(net, SceneOptions(o, "tamper"));
    NrSecurityAdversaryHelper adv(nr);
    Ptr<NrSecurityMitmRelay> relay
        = adv.InstallRelay(NrSecurityAttackNode(Vector(105, 0, 1.5)), net.gnbs.Get(0));
    Tamper tamper;
    relay->SetInterceptCallback(MakeCallback(&Tamper::Intercept, &tamper));
    Ptr<NrSecurityUeNetDevice> ue = net.Ue();
    UeWatch watch;
    watch.Watch(ue);
    Simulator::Schedule(MilliSeconds(1), [ue]() { ue->AttachToStrongestCell(); });
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    const bool accepted = tamper.tampered > 0 && watch.nea == "NEA0";
    out.Add("tampered", tamper.tampered);
    out.Add("tamperAccepted", accepted ? 1 : 0);
    out.Add("tamperUeNea", watch.nea);
    out.Add("tamperSmcFailures", watch.smcFailures);
    out.Add("tamperDrbs", ue->GetRrc()->GetDrbConfigs().size());
    // the gNB ciphers with NEA2, the UE deciphers with NEA0: its MAC-I checks fail
    out.Add("tamperUeIntegrityFailures", ue->GetRrc()->GetSrbIntegrityFailures());
    Simulator::Destroy();
    return accepted;
}

/// Scene 2. \param o the options \param out the outcome \param packets uplink packets
/// \return packets the sniffer read in clear
uint64_t
RunNull(const NrSecurityAttackOptions& o, NrSecurityAttackOutcome& out, uint32_t packets)
{
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    nr->SetUeRrcAttribute("VulnerabilityAcceptNia0", BooleanValue(!o.mitigated));
    NrSecurityAttackNetwork net = NrSecurityAttackBuildNetwork(nr, {Vector(100, 0, 1.5)});
    const NrSecurityAttackOptions so = SceneOptions(o, "null");
    NrSecurityAttackEnableOutputs(net, so);
    NrSecurityAdversaryHelper adv(nr);
    adv.SetFalseBaseStationRrcAttribute("CipheringPriority", StringValue("NEA0"));
    adv.SetFalseBaseStationRrcAttribute("IntegrityPriority", StringValue("NIA0"));
    adv.SetFalseBaseStationRrcAttribute("VulnerabilityAllowNullAlgorithms", BooleanValue(true));
    adv.InstallFalseBaseStation(NrSecurityAttackNode(Vector(110, 0, 10)), net.gnbs.Get(0));
    Ptr<NrSecuritySniffer> sniffer = adv.InstallSniffer(NrSecurityAttackNode(Vector(120, 10, 1.5)));
    if (!so.outputDir.empty())
    {
        adv.EnablePcap(sniffer, so.outputDir + "/sniffer.pcap");
    }
    Ptr<NrSecurityUeNetDevice> ue = net.Ue();
    UeWatch watch;
    watch.Watch(ue);
    Simulator::Schedule(MilliSeconds(1), [ue]() { ue->AttachToStrongestCell(); });
    // the UE's uplink user data (it reaches no one: the false base station has no core)
    UdpEchoClientHelper client(net.remoteAddress, 9);
    client.SetAttribute("MaxPackets", UintegerValue(packets));
    client.SetAttribute("Interval", TimeValue(MilliSeconds(20)));
    ApplicationContainer apps = client.Install(net.ueNodes.Get(0));
    client.SetFill(apps.Get(0), kSecret);
    apps.Start(MilliSeconds(300));
    Simulator::Stop(MilliSeconds(300) + MilliSeconds(20) * packets + MilliSeconds(200));
    Simulator::Run();

    uint64_t read = 0;
    uint64_t bytes = 0;
    for (const NrSecuritySniffedFrame& f : sniffer->GetFrames())
    {
        if (f.frame.type != NrSecurityRbType::DRB || !f.frame.uplink || f.frame.attempt != 0
            || f.frame.ueId != ue->GetUeId())
        {
            continue;
        }
        const std::vector<uint8_t> ip = sniffer->Decipher(f);
        if (std::search(ip.begin(), ip.end(), kSecret.begin(), kSecret.end()) != ip.end())
        {
            ++read;
            bytes += ip.size();
        }
    }
    out.Add("nullAccepted", watch.nia == "NIA0" ? 1 : 0);
    out.Add("nullUeNia", watch.nia);
    out.Add("nullSmcFailures", watch.smcFailures);
    out.Add("nullDrbs", ue->GetRrc()->GetDrbConfigs().size());
    out.Add("sniffedPackets", read);
    out.Add("sniffedBytes", bytes);
    Simulator::Destroy();
    return read;
}

} // namespace

/// The example proper.
int
Run(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    cmd.Usage("SecurityModeCommand tampering (a relay rewrites NEA2 to NEA0) and null "
              "algorithms (a false base station selects NEA0/NIA0). --mitigated=1: the "
              "compliant UE.");
    std::string packetsText = "20";
    cmd.AddValue("packets", "uplink packets of scene 2, 1..1000", packetsText);
    const NrSecurityAttackOptions o = NrSecurityAttackParse(cmd, argc, argv, {"packets"});
    const uint32_t packets
        = uint32_t(NrSecurityAttackParseUnsigned("packets", packetsText, 1, 1000));
    NrSecurityAttackOutcome out("smc-tampering", o);
    const bool tamperOk = RunTamper(o, out);
    const bool nullOk = RunNull(o, out, packets) > 0;
    out.SetResult(tamperOk && nullOk ? "success" : !tamperOk && !nullOk ? "blocked" : "partial");
    out.Print();
    return 0;
}

int
main(int argc, char* argv[])
{
    return NrSecurityAttackMain("nr-security-attack-smc-tampering", Run, argc, argv);
}
