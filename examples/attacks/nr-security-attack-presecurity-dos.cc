// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Attack 5, pre-security denial of service with forged RRC messages (Shaik, Borgaonkar,
 * Asokan, Niemi, Seifert, "Practical Attacks Against Privacy and Availability in 4G/LTE
 * Mobile Communication Systems", NDSS 2016; Kim, Lee, Lee, Kim, "Touching the Untouchables",
 * IEEE S&P 2019: "improper handling of unprotected initial procedure"; injected over the air
 * as in SigOver, Yang et al., USENIX Security 2019).
 *
 * The attacker: an injector (and a sniffer at the same place, to learn the victim's SRB1 SN)
 * 20 m from the UE, no key. It forges two messages:
 *  - RRCReject with waitTime 16 s (the largest, TS 38.331 6.2.2 RRCReject: RejectWaitTime
 *    1..16 s) on DL-CCCH (SRB0), which is never protected;
 *  - RRCRelease on SRB1: a PDCP PDU (TS 38.323 6.2.2.1, 12-bit SN) with a MAC-I of zeros,
 *    neither ciphered nor integrity-protected (it has no key).
 *
 * --mitigated=0: the attacker strikes while the UE has no AS security. The RRCReject answers
 * the UE's RRCSetupRequest in the same slot (the overshadower reacts to the request it hears)
 * and reaches the UE before the gNB's RRCSetup: the UE starts T302 = waitTime and goes to
 * RRC_IDLE (TS 38.331 5.3.15.2); the genuine RRCSetup is refused (no request pending), every
 * connection attempt while T302 runs is refused (5.3.3.2; upper layers retry 1 s after the UE
 * went idle), and only at T302 expiry (barring alleviation, 5.3.14.4) does it connect. On that
 * connection the forged RRCRelease follows the UE's RRCSetupComplete, before the
 * SecurityModeCommand: without AS security SRB1 has no MAC-I check, so the UE releases the
 * connection and goes to RRC_IDLE (5.3.8.3: before AS security activation every field but
 * waitTime is ignored, the release itself is not), until its next attempt.
 *
 * --mitigated=1: the same two forgeries reach the UE after AS security activation (100 and
 * 150 ms). The RRCReject is refused (MessageRefused: no RRCSetupRequest is pending), the
 * RRCRelease fails the MAC-I check of SRB1 (K_RRCint, NIA2), is discarded and counted as an
 * integrity failure (TS 38.323 5.2.2.1, TS 33.501 6.5.1); the UE stays connected.
 *
 * What mitigates it: only integrity protection, i.e. AS security activation (TS 33.501 6.5,
 * 6.7.4): from the SecurityModeCommand on, SRB1 and SRB2 messages are verified. SRB0
 * (RRCSetup, RRCReject) is never protected, SRB1 not before the SecurityModeCommand (TS
 * 38.331 5.3.1.2; Annex B.1 lists RRCReject and RRCRelease among the messages sent
 * unprotected before AS security, RRCReject also after it): the forged RRCReject is not mitigated
 * by the standard. What limits it is the UE's implementation: a bounded waitTime, a new attempt on
 * another cell, and a short window between RRCSetup and the SecurityModeCommand. --mitigated=1 is
 * therefore not a UE setting but the same attack against a connection whose AS security is active.
 *
 *   ./nr-security-attack-presecurity-dos [--mitigated=0] [--outputDir=] [--seed=1]
 *
 * --outputDir=DIR: the victims' traces and pcaps (traces.csv, gnb-1.pcap, ue-1.pcap, keys.csv),
 * the labelled dataset (DIR/dataset.csv and DIR/dataset.pcap, label "presecurity-dos" for the
 * forged frames) and what the sniffer heard (DIR/sniffer.pcap).
 *
 * Last line: outcome: attack=presecurity-dos mitigated=0|1 result=success|blocked
 * reject=accepted|refused t302Ms=T rejectOutageMs=R connectRefusals=C release=accepted|discarded
 * releaseOutageMs=L ueIntegrityFailures=I ueRefused=F ueState=<state>
 */
#include "nr-security-attack-scenario.h"

using namespace ns3;

namespace
{

/// The waitTime of the forged RRCReject, seconds (TS 38.331 RejectWaitTime: 1..16).
constexpr uint8_t WAIT_TIME_S = 16;

/**
 * \brief An SRB1 PDCP Data PDU as an attacker without keys makes it (TS 38.323 6.2.2.1, 12-bit
 *        SN): R R R R SN(4 bits), SN(8 bits), the RRC message in clear, MAC-I = 0.
 * \param sn the SN, 0..4095
 * \param message the DL-DCCH message
 * \return the PDU
 */
Ptr<Packet>
ForgedSrb1Pdu(uint32_t sn, const std::vector<uint8_t>& message)
{
    std::vector<uint8_t> b{uint8_t((sn >> 8) & 0x0F), uint8_t(sn & 0xFF)};
    b.insert(b.end(), message.begin(), message.end());
    b.insert(b.end(), 4, 0); // MAC-I: the attacker has no K_RRCint
    return Create<Packet>(b.data(), uint32_t(b.size()));
}

/// \return a downlink frame to \p ueId in \p cellId on SRB \p rbId carrying \p pdu
NrSecurityAirFrame
DownlinkFrame(uint16_t cellId, uint32_t ueId, NrSecurityRbType type, uint8_t rbId, Ptr<Packet> pdu)
{
    NrSecurityAirFrame f;
    f.cellId = cellId;
    f.ueId = ueId;
    f.type = type;
    f.rbId = rbId;
    f.uplink = false;
    f.macIPresent = type == NrSecurityRbType::SRB;
    f.snLengthBits = 12;
    f.pdu = pdu;
    return f;
}

/// \return the bytes of a frame's PDU
std::vector<uint8_t>
Bytes(const NrSecurityAirFrame& f)
{
    std::vector<uint8_t> b(f.pdu ? f.pdu->GetSize() : 0);
    if (!b.empty())
    {
        f.pdu->CopyData(b.data(), b.size());
    }
    return b;
}

/// The overshadower's triggers and forged frames.
struct Forger
{
    uint32_t victim = 1;        ///< the UE id
    NrSecurityAirFrame reject;  ///< the forged RRCReject
    NrSecurityAirFrame release; ///< the forged RRCRelease

    /// \return true for the victim's RRCSetupRequest \param f a frame heard
    bool IsSetupRequest(const NrSecurityAirFrame& f)
    {
        if (f.ueId != victim || !f.uplink || f.type != NrSecurityRbType::SRB0)
        {
            return false;
        }
        const std::vector<uint8_t> b = Bytes(f);
        const NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeUlCcch(b.data(), b.size());
        return m.ok && m.type == NrSecurityRrcDecoded::RRC_SETUP_REQUEST;
    }

    /// \return true for the victim's RRCSetupComplete (SRB1, in clear) \param f a frame heard
    bool IsSetupComplete(const NrSecurityAirFrame& f)
    {
        if (f.ueId != victim || !f.uplink || f.type != NrSecurityRbType::SRB || f.rbId != 1
            || !f.pdu || f.pdu->GetSize() < 7)
        {
            return false;
        }
        const std::vector<uint8_t> b = Bytes(f);
        const NrSecurityRrcDecoded m
            = NrSecurityRrcMessage::DecodeUlDcch(b.data() + 2, b.size() - 6);
        return m.ok && m.type == NrSecurityRrcDecoded::RRC_SETUP_COMPLETE;
    }

    /// \return the forged RRCReject
    NrSecurityAirFrame Reject(const NrSecurityAirFrame&)
    {
        return reject;
    }

    /// \return the forged RRCRelease
    NrSecurityAirFrame Release(const NrSecurityAirFrame&)
    {
        return release;
    }
};

/// What happened to the UE, from its traces.
struct Timeline
{
    Time rejectAccepted = Time(-1);   ///< T302 started
    Time t302Expired = Time(-1);      ///< T302 expired
    Time releaseAccepted = Time(-1);  ///< went idle on an RRCRelease
    Time secured;                     ///< the latest SecurityActivated
    Time rejectOutage = Time(0);      ///< T302 start -> AS security active again
    Time releaseOutage = Time(0);     ///< idle on RRCRelease -> AS security active again
    bool waitingAfterReject = false;  ///< measuring rejectOutage
    bool waitingAfterRelease = false; ///< measuring releaseOutage
};

} // namespace

/// The example proper.
int
Run(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    cmd.Usage("Pre-security DoS: a forged RRCReject (waitTime 16 s) and a forged RRCRelease; "
              "before AS security (--mitigated=0) they keep the UE out of service, after it "
              "(--mitigated=1) they are refused and discarded.");
    const NrSecurityAttackOptions o = NrSecurityAttackParse(cmd, argc, argv);

    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    NrSecurityAttackNetwork net = NrSecurityAttackBuildNetwork(nr, {Vector(50, 0, 1.5)});
    NrSecurityAttackEnableOutputs(net, o);
    Ptr<NrSecurityUeNetDevice> ue = net.Ue();
    Ptr<NrSecurityUeRrc> ueRrc = ue->GetRrc();
    const uint32_t ueId = ue->GetUeId();
    const uint16_t cellId = net.Gnb()->GetCellId();

    NrSecurityAdversaryHelper adv(nr);
    if (!o.outputDir.empty())
    {
        // the labelled dataset: every frame on the channel, the forged ones labelled
        adv.EnableDataset(o.outputDir + "/dataset", "presecurity-dos");
    }
    Ptr<NrSecuritySniffer> sniffer = adv.InstallSniffer(NrSecurityAttackNode(Vector(50, 20, 1.5)));
    Ptr<NrSecurityInjector> injector
        = adv.InstallInjector(NrSecurityAttackNode(Vector(50, 20, 1.5)));
    if (!o.outputDir.empty())
    {
        adv.EnablePcap(sniffer, o.outputDir + "/sniffer.pcap"); // what the attacker heard
    }

    const NrSecurityAirFrame reject
        = DownlinkFrame(cellId,
                        ueId,
                        NrSecurityRbType::SRB0,
                        0,
                        []
                        {
                            const std::vector<uint8_t> m
                                = NrSecurityRrcMessage::EncodeRrcReject(true, WAIT_TIME_S);
                            return Create<Packet>(m.data(), uint32_t(m.size()));
                        }());
    const std::vector<uint8_t> release = NrSecurityRrcMessage::EncodeRrcRelease(0);

    // The UE's upper layers: a new attempt 1 s after the UE went to RRC_IDLE, and at once when
    // T302 expires (barring alleviation, TS 38.331 5.3.14.4).
    Timeline tl;
    ueRrc->TraceConnectWithoutContext(
        "ConnectionEvent",
        MakeCallback(+[](Timeline* tl,
                         Ptr<NrSecurityUeNetDevice> ue,
                         uint16_t cellId,
                         uint32_t,
                         const std::string& event,
                         const std::string& detail)
                     {
                         if (event == "t302-start")
                         {
                             tl->rejectAccepted = Simulator::Now();
                             tl->waitingAfterReject = true;
                         }
                         else if (event == "t302-expiry")
                         {
                             tl->t302Expired = Simulator::Now();
                             Simulator::ScheduleNow([ue, cellId]() { ue->Attach(cellId); });
                         }
                         else if (event == "connected" && tl->waitingAfterReject)
                         {
                             tl->rejectOutage = Simulator::Now() - tl->rejectAccepted;
                             tl->waitingAfterReject = false;
                         }
                         else if (event == "idle")
                         {
                             if (detail.find("RRCRelease") != std::string::npos)
                             {
                                 tl->releaseAccepted = Simulator::Now();
                                 tl->waitingAfterRelease = true;
                             }
                             Simulator::Schedule(Seconds(1),
                                                 [ue, cellId]()
                                                 {
                                                     if (ue->GetRrc()->GetState()
                                                         == NrSecurityRrcState::IDLE)
                                                     {
                                                         ue->Attach(cellId);
                                                     }
                                                 });
                         }
                     })
            .Bind(&tl)
            .Bind(ue)
            .Bind(cellId));
    ueRrc->TraceConnectWithoutContext(
        "SecurityActivated",
        MakeCallback(+[](Timeline* tl, uint32_t, const std::string&, const std::string&)
                     {
                         tl->secured = Simulator::Now();
                         if (tl->waitingAfterReject)
                         {
                             tl->rejectOutage = Simulator::Now() - tl->rejectAccepted;
                             tl->waitingAfterReject = false;
                         }
                         if (tl->waitingAfterRelease)
                         {
                             tl->releaseOutage = Simulator::Now() - tl->releaseAccepted;
                             tl->waitingAfterRelease = false;
                         }
                     })
            .Bind(&tl));

    Forger forger;
    forger.victim = ueId;
    forger.reject = reject;
    forger.release
        = DownlinkFrame(cellId, ueId, NrSecurityRbType::SRB, 1, ForgedSrb1Pdu(0, release));
    Time stop;
    if (!o.mitigated)
    {
        // Before AS security: the RRCReject answers the first RRCSetupRequest heard...
        injector->Overshadow(MakeCallback(&Forger::IsSetupRequest, &forger),
                             MakeCallback(&Forger::Reject, &forger),
                             1);
        // ... and, once T302 ran out, the RRCRelease follows the next RRCSetupComplete
        // (SRB1 COUNT 0 uplink), before the SecurityModeCommand: SN 0, in clear.
        Simulator::Schedule(Seconds(WAIT_TIME_S - 1),
                            [injector, &forger]()
                            {
                                injector->Overshadow(
                                    MakeCallback(&Forger::IsSetupComplete, &forger),
                                    MakeCallback(&Forger::Release, &forger),
                                    1);
                            });
        stop = Seconds(WAIT_TIME_S + 3);
    }
    else
    {
        // After AS security: the same messages at 100 ms and 150 ms; the RRCRelease with the
        // next downlink SRB1 SN (from the sniffer's COUNT of the last one it heard).
        injector->Inject(reject, MilliSeconds(100));
        Simulator::Schedule(
            MilliSeconds(150),
            [=]()
            {
                int64_t last = -1;
                for (const NrSecuritySniffedFrame& f :
                     sniffer->Select(ueId, NrSecurityRbType::SRB, 1, false))
                {
                    last = std::max(last, f.count);
                }
                const uint32_t sn = uint32_t((last + 1) & 0xFFF);
                injector->Inject(
                    DownlinkFrame(
                        cellId, ueId, NrSecurityRbType::SRB, 1, ForgedSrb1Pdu(sn, release)),
                    Time(0));
            });
        stop = Seconds(1);
    }
    nr->Attach(net.ues, net.gnbs.Get(0), MilliSeconds(10));
    Simulator::Stop(stop);
    Simulator::Run();

    const bool rejectAccepted = tl.rejectAccepted >= Time(0);
    const bool releaseAccepted = tl.releaseAccepted >= Time(0);
    const Time t302 = rejectAccepted && tl.t302Expired >= Time(0)
                          ? tl.t302Expired - tl.rejectAccepted
                          : Time(0);
    NrSecurityAttackOutcome out("presecurity-dos", o);
    out.SetResult(rejectAccepted || releaseAccepted ? "success" : "blocked");
    out.Add("reject", rejectAccepted ? "accepted" : "refused");
    out.Add("t302Ms", t302.GetMilliSeconds());
    out.Add("rejectOutageMs", tl.rejectOutage.GetMilliSeconds());
    out.Add("connectRefusals", ueRrc->GetConnectRefusals());
    out.Add("release", releaseAccepted ? "accepted" : "discarded");
    out.Add("releaseOutageMs", tl.releaseOutage.GetMilliSeconds());
    out.Add("ueIntegrityFailures", ueRrc->GetSrbIntegrityFailures());
    out.Add("ueRefused", ueRrc->GetRefusedMessages());
    out.Add("forged", injector->GetSent());
    out.Add("ueState", NrSecurityRrcStateName(ueRrc->GetState()));
    out.Print();
    Simulator::Destroy();
    return 0;
}

int
main(int argc, char* argv[])
{
    return NrSecurityAttackMain("nr-security-attack-presecurity-dos", Run, argc, argv);
}
