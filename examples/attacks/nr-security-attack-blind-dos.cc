// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Attack 8: blind denial of service with a spoofed RRCSetupRequest.
 *
 * Reference: H. Kim, J. Lee, E. Lee, Y. Kim, "Touching the Untouchables: Dynamic Security
 * Analysis of the LTE Control Plane", IEEE Symposium on Security and Privacy (S&P) 2019
 * ("blind DoS"; the RRC connection procedure has no security); see also S. R. Hussain,
 * O. Chowdhury, S. Mehnaz, E. Bertino, "LTEInspector: A Systematic Approach for Adversarial
 * Testing of 4G LTE", NDSS 2018.
 *
 * Precondition: the attacker is in the victim's cell and knows the victim's 5G-S-TMSI. Here it
 * learns it over the air: the victim's own RRCSetupRequest carries ng-5G-S-TMSI-Part1 (the
 * rightmost 39 bits of the 5G-S-TMSI, TS 38.331 5.3.3.3) on UL-CCCH, unprotected. The gNB has
 * the faulty behaviour VulnerabilityReleaseOnDuplicateTmsi: an RRCSetupRequest naming the
 * ng-5G-S-TMSI-Part1 of a connected UE releases that UE's context.
 *
 * What the example shows: one gNB and the victim UE (5G-S-TMSI 0x4112345678, downlink UDP
 * every 10 ms from 0.105 s); an injector 50 m away hears the victim's RRCSetupRequest and, at
 * --attackTime (0.5 s), acts as a fake UE: it sends an RRCSetupRequest with the victim's
 * ng-5G-S-TMSI-Part1 under its own radio identity (UE id 100), on SRB0, over the radio model.
 * --mitigated=0 (vulnerable gNB): the victim's context is released (RELEASED), the victim
 * still believes it is connected (SECURITY_ACTIVE) but receives nothing after the attack.
 * --mitigated=1 (compliant gNB): the fake UE gets a context of its own (RRCSetup sent to UE
 * 100), the victim keeps its context and receives every packet.
 *
 * Mitigation: the gNB never acts on an identity in RRCSetupRequest before the connection is
 * authenticated: ng-5G-S-TMSI-Part1 is not proof of identity (it is sent in the clear); only
 * the AMF, after NAS security of the new connection, may release the old one. Frequent
 * 5G-GUTI reallocation (TS 33.501 6.12.3) limits how long a learned identity is useful.
 *
 *   ./nr-security-attack-blind-dos [--mitigated=0] [--attackTime=0.5] [--outputDir=DIR]
 *
 * --outputDir=DIR: the victims' traces and pcaps (DIR/traces.csv, DIR/gnb-1.pcap, ...) and the
 * labelled dataset of every frame on the channel (DIR/dataset.csv, DIR/dataset.pcap).
 *
 * Last line: outcome: attack=blind-dos mitigated=<0|1> result=<success|blocked>
 *   tmsi_part1_learned=<hex> forged_requests=<n> victim_gnb_state=<state>
 *   victim_ue_state=<state> fake_ue_gnb_state=<state> duplicate_tmsi_requests=<n>
 *   contexts_released=<n> dl_sent=<n> dl_before=<n> dl_after=<n>
 */
#include "nr-security-attack-scenario.h"

#include <iomanip>
#include <sstream>

using namespace ns3;

namespace
{

/// The victim's 5G-S-TMSI (48 bits: AMF Set ID 1, AMF Pointer 1, 5G-TMSI 0x12345678; TS
/// 23.003 2.10.1).
constexpr uint64_t VICTIM_5G_S_TMSI = (uint64_t(1) << 38) | (uint64_t(1) << 32) | 0x12345678u;
/// The fake UE's radio identity (C-RNTI-like UE id on the air).
constexpr uint32_t FAKE_UE_ID = 100;
/// EstablishmentCause mo-Signalling (TS 38.331 6.2.2 RRCSetupRequest-IEs: index 3).
constexpr uint8_t CAUSE_MO_SIGNALLING = 3;

/// What the attacker learns by listening.
struct Learned
{
    bool tmsi = false;   ///< an ng-5G-S-TMSI-Part1 was heard
    uint64_t part1 = 0;  ///< its value (39 bits)
    uint16_t cellId = 0; ///< the cell it was sent in
};

/// \return value as lower-case hex
std::string
Hex(uint64_t value)
{
    std::ostringstream os;
    os << std::hex << value;
    return os.str();
}

} // namespace

/// The example proper.
int
Run(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    std::string attackTime = "0.5";
    cmd.AddValue(
        "attackTime", "when the fake UE sends its RRCSetupRequest, s (0.2..0.9)", attackTime);
    NrSecurityAttackOptions o = NrSecurityAttackParse(cmd, argc, argv, {"attackTime"});
    const Time attackAt = Seconds(NrSecurityAttackParseNumber("attackTime", attackTime, 0.2, 0.9));

    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    // the victim's profile: the faulty gNB (0) or the compliant one (1)
    nr->SetGnbRrcAttribute("VulnerabilityReleaseOnDuplicateTmsi", BooleanValue(!o.mitigated));
    nr->SetUeRrcAttribute("Ng5gSTmsi", UintegerValue(VICTIM_5G_S_TMSI));
    NrSecurityAttackNetwork net = NrSecurityAttackBuildNetwork(nr, {Vector(30, 0, 1.5)});
    NrSecurityAttackEnableOutputs(net, o);

    // The attacker: an injector near the victim, listening from the start.
    NrSecurityAdversaryHelper adversary(nr);
    Ptr<NrSecurityInjector> injector
        = adversary.InstallInjector(NrSecurityAttackNode(Vector(60, 40, 1.5)));
    if (!o.outputDir.empty())
    {
        // every frame on the channel, forged ones labelled with the attack
        adversary.EnableDataset(o.outputDir + "/dataset", "blind-dos");
    }
    Learned learned;
    injector->TraceConnectWithoutContext(
        "FrameHeard",
        Callback<void, const NrSecurityAirFrame&>(
            [&learned](const NrSecurityAirFrame& f)
            {
                if (learned.tmsi || !f.uplink || f.type != NrSecurityRbType::SRB0 || !f.pdu)
                {
                    return;
                }
                std::vector<uint8_t> bytes(f.pdu->GetSize());
                f.pdu->CopyData(bytes.data(), bytes.size());
                NrSecurityRrcDecoded m
                    = NrSecurityRrcMessage::DecodeUlCcch(bytes.data(), bytes.size());
                if (m.ok && m.type == NrSecurityRrcDecoded::RRC_SETUP_REQUEST
                    && m.ueIdentityIsTmsiPart1)
                {
                    learned.tmsi = true;
                    learned.part1 = m.ueIdentity;
                    learned.cellId = f.cellId;
                }
            }));

    // At attackTime the fake UE sends RRCSetupRequest(ng-5G-S-TMSI-Part1 of the victim).
    Simulator::Schedule(attackAt,
                        [&learned, injector]()
                        {
                            if (!learned.tmsi)
                            {
                                return; // nothing heard: no attack
                            }
                            const std::vector<uint8_t> msg
                                = NrSecurityRrcMessage::EncodeRrcSetupRequest(
                                    true, learned.part1, CAUSE_MO_SIGNALLING);
                            NrSecurityAirFrame f;
                            f.cellId = learned.cellId;
                            f.ueId = FAKE_UE_ID;
                            f.type = NrSecurityRbType::SRB0;
                            f.rbId = 0;
                            f.uplink = true;
                            f.pdu = Create<Packet>(msg.data(), static_cast<uint32_t>(msg.size()));
                            injector->Inject(f, Time(0));
                        });

    nr->Attach(net.ues, net.gnbs.Get(0));
    const uint32_t packetSize = 100; // UDP payload bytes
    const uint32_t packets = 90;
    NrSecurityAttackFlow flow = NrSecurityAttackUdpFlow(net.remote,
                                                        net.ueNodes.Get(0),
                                                        net.ueIps.GetAddress(0),
                                                        9,
                                                        MilliSeconds(105),
                                                        MilliSeconds(10),
                                                        packets,
                                                        packetSize);
    uint64_t before = 0;
    uint64_t after = 0;
    flow.sink->TraceConnectWithoutContext(
        "Rx",
        Callback<void, Ptr<const Packet>, const Address&>(
            [&before, &after, attackAt](Ptr<const Packet>, const Address&)
            { ++(Simulator::Now() < attackAt ? before : after); }));
    Simulator::Stop(Seconds(1.1));
    Simulator::Run();

    Ptr<NrSecurityGnbRrc> gnbRrc = net.Gnb()->GetRrc();
    Ptr<NrSecurityUeRrc> ueRrc = net.Ue()->GetRrc();
    // The gNB's state of each context (IDLE for a UE it has no context of).
    const NrSecurityRrcState victim = gnbRrc->GetUeState(net.Ue()->GetUeId());
    const NrSecurityRrcState fake = gnbRrc->GetUeState(FAKE_UE_ID);
    NrSecurityAttackOutcome out("blind-dos", o);
    out.SetResult(victim == NrSecurityRrcState::RELEASED ? "success" : "blocked");
    out.Add("tmsi_part1_learned", learned.tmsi ? Hex(learned.part1) : std::string("none"));
    out.Add("forged_requests", injector->GetSent());
    out.Add("victim_gnb_state", NrSecurityRrcStateName(victim));
    out.Add("victim_ue_state", NrSecurityRrcStateName(ueRrc->GetState()));
    out.Add("fake_ue_gnb_state", NrSecurityRrcStateName(fake));
    out.Add("duplicate_tmsi_requests", gnbRrc->GetDuplicateTmsiRequests());
    out.Add("contexts_released", gnbRrc->GetDuplicateTmsiReleases());
    out.Add("dl_sent", flow.client->GetTotalTx() / packetSize);
    out.Add("dl_before", before);
    out.Add("dl_after", after);
    out.Print();
    Simulator::Destroy();
    return 0;
}

int
main(int argc, char* argv[])
{
    return NrSecurityAttackMain("nr-security-attack-blind-dos", Run, argc, argv);
}
