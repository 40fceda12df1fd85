// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Attack 4, replay of recorded RRC and user-plane PDUs (the "replayed messages" class of
 * Kim, Lee, Lee, Kim, "Touching the Untouchables: Dynamic Security Analysis of the LTE
 * Control Plane", IEEE S&P 2019; Hussain, Chowdhury, Mehnaz, Bertino, "LTEInspector", NDSS
 * 2018, for replays across connections).
 *
 * The attacker: a sniffer that records every frame of the victim's cell, and an injector that
 * sends recorded frames again, byte for byte (NrSecurityInjector::Replay, marked REPLAYED),
 * over the radio model. It knows no key.
 *
 * What it shows: the UE's first connection carries the SecurityModeCommand (SRB1 COUNT 0),
 * UECapabilityEnquiry, RRCReconfiguration, DLInformationTransfer (SRB2), 20 downlink UDP
 * packets (DRB1, COUNT 0..19) and finally RRCRelease (SRB1 COUNT 3). The UE connects again
 * and receives 5 UDP packets (COUNT 0..4). The attacker then replays, 5 ms apart:
 *   1. the second connection's own SecurityModeCommand and DRB PDUs (a replay inside one
 *      connection),
 *   2. the first connection's DRB PDUs, 3. its SRB2 PDU, 4. its SecurityModeCommand,
 *   5. its other SRB1 PDUs, RRCRelease last.
 * Each batch is counted at the UE's PDCP entities: delivered (passed verification and the
 * receive window) or discarded with the reason (PduDiscarded: "integrity", "out-of-window"
 * for RCVD_COUNT < RX_DELIV, "duplicate"), and the UDP packets the UE's application received
 * during the replays.
 *
 * --mitigated=1, compliant (TS 33.501 6.9.2.1.1, A.9; TS 38.323 5.2.2.1): the second
 * connection's K_gNB comes from the next uplink NAS COUNT, so it differs from the first one's.
 * Every PDU of the first connection fails integrity verification (SRBs always, the DRB because
 * UP integrity is REQUIRED here) and is discarded; the second connection's own PDUs are below
 * RX_DELIV and discarded (out-of-window). Both SecurityModeCommands (COUNT 0) are discarded
 * as out-of-window: RRC verified the genuine one itself and SRB1's PDCP integrity starts at
 * COUNT 1, so COUNT 0 is only ever below the window. No key changes, nothing reaches the
 * application, the UE stays connected with AS security active.
 *
 * --mitigated=0, the vulnerable setting: not a vulnerability profile of the RRC entities but
 * a faulty NAS security context: before the second connection the script restarts the UE's
 * and the AMF's NAS security context with the same K_AMF and uplink NAS COUNT 0
 * (NrSecurityHelper::SetUeSecurityContext), as a core and UE that lose the NAS COUNT would,
 * so the second connection has the first one's K_gNB and every PDCP COUNT restarts at 0
 * under the same keys. The receive window still drops what is below RX_DELIV (the SMC, DRB
 * COUNT 0..4, SRB1 COUNT 1..2, SRB2 COUNT 0), but the first connection's DRB PDUs with COUNT
 * 5..19 verify and reach the application (15 UDP packets delivered twice), and its RRCRelease
 * (SRB1 COUNT 3 = RX_DELIV) verifies and sends the UE to RRC_IDLE.
 *
 * What mitigates it: a fresh K_gNB for every connection (uplink NAS COUNT of the initial NAS
 * message, never repeated: TS 33.501 6.9.2.1.1, TS 24.501 4.4.3.1), the COUNT used once per
 * key, bearer and direction (TS 33.501 6.9.4.1, TS 38.300 13.1; the PDCP receive window,
 * TS 38.323 5.2.2.1) and integrity protection: SRBs always, DRBs with the UP security policy
 * (integrity REQUIRED or PREFERRED, TS 33.501 6.6.1); a DRB without UP integrity delivers a
 * replayed PDU of another key as garbage (it cannot tell).
 *
 *   ./nr-security-attack-replay [--mitigated=0] [--outputDir=] [--seed=1]
 *
 * --outputDir=DIR: the victims' traces and pcaps (traces.csv, gnb-1.pcap, ue-1.pcap, keys.csv),
 * the labelled dataset (DIR/dataset.csv and DIR/dataset.pcap, label "replay" for the forged
 * frames) and what the sniffer heard (DIR/sniffer.pcap).
 *
 * Last line: outcome: attack=replay mitigated=0|1 result=success|blocked kgnbReused=0|1
 * replayed=31 ownReplays=<what> smcReplay=<what> keysChanged=0 oldSrbReplays=<what>
 * oldDrbReplays=<what> appPacketsFromReplay=P ueIntegrityFailures=I ueState=<state>, each
 * <what> as "delivered:N,<discard reason>:M,..."
 */
#include "nr-security-attack-scenario.h"

#include <map>

using namespace ns3;

namespace
{

/// What the UE's PDCP entities did with the replayed PDUs of one batch.
struct Batch
{
    uint64_t sent = 0;                       ///< PDUs the injector replayed
    uint64_t delivered = 0;                  ///< PDUs that passed verification and window
    std::map<std::string, uint64_t> discard; ///< discards by reason

    /// \return e.g. "delivered:15,out-of-window:5" (what happened to each PDU, "none": nothing)
    std::string Summary() const
    {
        std::string s = delivered ? "delivered:" + std::to_string(delivered) : "";
        for (const auto& [reason, n] : discard)
        {
            s += (s.empty() ? "" : ",") + reason + ":" + std::to_string(n);
        }
        return s.empty() ? "none" : s;
    }

    /// Adds another batch's counts. \param b the batch
    void Add(const Batch& b)
    {
        sent += b.sent;
        delivered += b.delivered;
        for (const auto& [reason, n] : b.discard)
        {
            discard[reason] += n;
        }
    }
};

/// Counts the UE's PDCP events into the batch being replayed.
struct ReplayCounter
{
    Batch* current = nullptr;           ///< the batch being replayed (nullptr: not counting)
    std::map<std::string, Batch> batch; ///< by name

    /// PdcpEntityCreated of the UE: follow the new entity.
    void EntityCreated(uint32_t, const std::string&, Ptr<NrSecurityPdcp> pdcp)
    {
        pdcp->TraceConnectWithoutContext("RxPdu", MakeCallback(&ReplayCounter::Rx, this));
        pdcp->TraceConnectWithoutContext("PduDiscarded",
                                         MakeCallback(&ReplayCounter::Discarded, this));
    }

    /// RxPdu: a PDU passed the checks.
    void Rx(Ptr<const Packet>, uint32_t)
    {
        if (current)
        {
            ++current->delivered;
        }
    }

    /// PduDiscarded: a PDU was discarded, with the reason.
    void Discarded(std::string reason, Ptr<const Packet>)
    {
        if (current)
        {
            ++current->discard[reason];
        }
    }
};

/// Counts a packet while counting is on. \param n the counter \param on counting
void
CountIf(uint64_t* n, bool* on, Ptr<const Packet>, const Address&)
{
    if (*on)
    {
        ++*n;
    }
}

/// \return the DL-DCCH message type of a sniffed SRB PDU sent in clear, or -1
int
ClearDlDcchType(Ptr<NrSecuritySniffer> sniffer, const NrSecuritySniffedFrame& f)
{
    const std::vector<uint8_t> msg = sniffer->Decipher(f);
    if (msg.empty())
    {
        return -1;
    }
    const NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeDlDcch(msg.data(), msg.size());
    return m.ok ? int(m.type) : -1;
}

} // namespace

/// The example proper.
int
Run(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    cmd.Usage("Replay: recorded SRB and DRB PDUs (and the SecurityModeCommand) of an earlier "
              "connection and of the current one are sent again; a fresh K_gNB per connection "
              "(--mitigated=1) makes every one of them fail or a duplicate.");
    const NrSecurityAttackOptions o = NrSecurityAttackParse(cmd, argc, argv);

    // The victims: one gNB, one UE 50 m away; UP integrity REQUIRED, so that DRB PDUs are
    // verified too. The attacker's receiver and transmitter 20 m from the UE.
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    NrSecurityAttackNetwork net = NrSecurityAttackBuildNetwork(nr, {Vector(50, 0, 1.5)});
    nr->SetUpSecurityPolicy(net.ues, NrSecurityUpPolicy::REQUIRED, NrSecurityUpPolicy::REQUIRED);
    NrSecurityAttackEnableOutputs(net, o);
    Ptr<NrSecurityUeNetDevice> ue = net.Ue();
    Ptr<NrSecurityUeRrc> ueRrc = ue->GetRrc();
    Ptr<NrSecurityGnbRrc> gnbRrc = net.Gnb()->GetRrc();
    const uint32_t ueId = ue->GetUeId();
    const uint16_t cellId = net.Gnb()->GetCellId();

    NrSecurityAdversaryHelper adv(nr);
    if (!o.outputDir.empty())
    {
        // the labelled dataset: every frame on the channel, the forged ones labelled
        adv.EnableDataset(o.outputDir + "/dataset", "replay");
    }
    Ptr<NrSecuritySniffer> sniffer = adv.InstallSniffer(NrSecurityAttackNode(Vector(50, 20, 1.5)));
    Ptr<NrSecurityInjector> injector
        = adv.InstallInjector(NrSecurityAttackNode(Vector(50, 20, 1.5)));
    if (!o.outputDir.empty())
    {
        adv.EnablePcap(sniffer, o.outputDir + "/sniffer.pcap"); // what the attacker heard
    }

    ReplayCounter counter;
    ueRrc->TraceConnectWithoutContext("PdcpEntityCreated",
                                      MakeCallback(&ReplayCounter::EntityCreated, &counter));
    uint64_t appPackets = 0;
    bool appCounting = false;

    // Connection 1: set-up, 20 downlink UDP packets, RRCRelease at 300 ms.
    const Time secondConnection = MilliSeconds(400);
    nr->Attach(net.ues, net.gnbs.Get(0));
    NrSecurityAttackFlow first = NrSecurityAttackUdpFlow(net.remote,
                                                         net.ueNodes.Get(0),
                                                         net.ueIps.GetAddress(0),
                                                         9,
                                                         MilliSeconds(100),
                                                         MilliSeconds(5),
                                                         20,
                                                         100);
    first.sink->TraceConnectWithoutContext("Rx",
                                           MakeBoundCallback(&CountIf, &appPackets, &appCounting));
    NrSecurityKey256 firstKgnb{};
    Simulator::Schedule(MilliSeconds(299), [&]() { firstKgnb = ueRrc->GetKgnb(); });
    Simulator::Schedule(MilliSeconds(300), [gnbRrc, ueId]() { gnbRrc->Release(ueId); });
    if (!o.mitigated)
    {
        // The fault: the NAS security context restarts (same K_AMF, uplink NAS COUNT 0 at the
        // UE and the AMF), so connection 2 derives connection 1's K_gNB.
        Simulator::Schedule(MilliSeconds(350),
                            [&]()
                            {
                                nr->SetUeSecurityContext(ue, ueRrc->GetKamf(), 0);
                                nr->SetUpSecurityPolicy(net.ues,
                                                        NrSecurityUpPolicy::REQUIRED,
                                                        NrSecurityUpPolicy::REQUIRED);
                            });
    }
    // Connection 2: set-up at 400 ms, 5 downlink UDP packets (the flow's second run).
    Simulator::Schedule(secondConnection, [ue, cellId]() { ue->Attach(cellId); });
    UdpClientHelper again(net.ueIps.GetAddress(0), 9);
    again.SetAttribute("MaxPackets", UintegerValue(5));
    again.SetAttribute("Interval", TimeValue(MilliSeconds(5)));
    again.SetAttribute("PacketSize", UintegerValue(100));
    again.Install(net.remote).Start(MilliSeconds(500));

    // The replays, from 600 ms, one batch every 5 ms (a PDU arrives within 2 slots).
    const Time replayStart = MilliSeconds(600);
    NrSecurityKey256 kgnbBeforeSmcReplay{};
    NrSecurityKey256 kgnbAfterSmcReplay{};
    std::vector<std::pair<std::string, std::vector<NrSecuritySniffedFrame>>> batches;
    Simulator::Schedule(
        replayStart - MilliSeconds(1),
        [&]()
        {
            auto split = [&](NrSecurityRbType type, uint8_t rbId)
            {
                std::pair<std::vector<NrSecuritySniffedFrame>, std::vector<NrSecuritySniffedFrame>>
                    s;
                for (const NrSecuritySniffedFrame& f : sniffer->Select(ueId, type, rbId, false))
                {
                    (f.time < secondConnection ? s.first : s.second).push_back(f);
                }
                return s;
            };
            auto srb1 = split(NrSecurityRbType::SRB, 1);
            auto srb2 = split(NrSecurityRbType::SRB, 2);
            auto drb1 = split(NrSecurityRbType::DRB, 1);
            // the SecurityModeCommand of each connection: the first SRB1 PDU, sent in clear
            auto takeSmc = [&](std::vector<NrSecuritySniffedFrame>& v)
            {
                std::vector<NrSecuritySniffedFrame> smc;
                for (auto it = v.begin(); it != v.end(); ++it)
                {
                    if (ClearDlDcchType(sniffer, *it)
                        == NrSecurityRrcDecoded::SECURITY_MODE_COMMAND)
                    {
                        smc.push_back(*it);
                        v.erase(it);
                        break;
                    }
                }
                return smc;
            };
            std::vector<NrSecuritySniffedFrame> smc1 = takeSmc(srb1.first);
            std::vector<NrSecuritySniffedFrame> smc2 = takeSmc(srb1.second);
            std::vector<NrSecuritySniffedFrame> own = smc2;
            own.insert(own.end(), drb1.second.begin(), drb1.second.end());
            batches = {{"own", own},
                       {"drb", drb1.first},
                       {"srb2", srb2.first},
                       {"smc", smc1},
                       {"srb1", srb1.first}};
            for (size_t b = 0; b < batches.size(); ++b)
            {
                const Time at = MilliSeconds(1 + 5 * b);
                const std::string name = batches[b].first;
                Simulator::Schedule(at - MicroSeconds(10),
                                    [&counter, &appCounting, name]()
                                    {
                                        counter.current = &counter.batch[name];
                                        appCounting = name == "drb" || name == "own";
                                    });
                for (const NrSecuritySniffedFrame& f : batches[b].second)
                {
                    injector->Replay(f.frame, at);
                    ++counter.batch[name].sent;
                }
            }
            const Time smcAt = MilliSeconds(1 + 5 * 3);
            Simulator::Schedule(smcAt - MicroSeconds(20),
                                [&]() { kgnbBeforeSmcReplay = ueRrc->GetKgnb(); });
            Simulator::Schedule(smcAt + MilliSeconds(4),
                                [&]() { kgnbAfterSmcReplay = ueRrc->GetKgnb(); });
        });
    NrSecurityKey256 secondKgnb{};
    Simulator::Schedule(replayStart - MilliSeconds(2), [&]() { secondKgnb = ueRrc->GetKgnb(); });

    Simulator::Stop(replayStart + MilliSeconds(100));
    Simulator::Run();

    const Batch& own = counter.batch["own"];
    const Batch& drb = counter.batch["drb"];
    const Batch& smc = counter.batch["smc"];
    Batch srb = counter.batch["srb2"];
    srb.Add(counter.batch["srb1"]);
    Batch all;
    for (const auto& [name, b] : counter.batch)
    {
        all.Add(b);
    }
    const bool reused = firstKgnb == secondKgnb && firstKgnb != NrSecurityKey256{};

    NrSecurityAttackOutcome out("replay", o);
    out.SetResult(all.delivered > 0 ? "success" : "blocked");
    out.Add("kgnbReused", reused ? 1 : 0);
    out.Add("replayed", all.sent);
    out.Add("ownReplays", own.Summary());
    out.Add("smcReplay", smc.Summary());
    out.Add("keysChanged", kgnbBeforeSmcReplay == kgnbAfterSmcReplay ? 0 : 1);
    out.Add("oldSrbReplays", srb.Summary());
    out.Add("oldDrbReplays", drb.Summary());
    out.Add("appPacketsFromReplay", appPackets);
    out.Add("ueIntegrityFailures", ueRrc->GetIntegrityFailures());
    out.Add("ueState", NrSecurityRrcStateName(ueRrc->GetState()));
    out.Print();
    Simulator::Destroy();
    return 0;
}

int
main(int argc, char* argv[])
{
    return NrSecurityAttackMain("nr-security-attack-replay", Run, argc, argv);
}
