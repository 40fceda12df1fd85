// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The radio model for adversaries (NrSecurityChannel, RadioModel "Power"): received power from
 * each transmitter's TxPower through the PropagationLossModel, the capture rule (margin, one
 * sender never collides with itself, one slot), jamming, monitors and their sensitivity,
 * SendFrom and the origin of frames, Inject (the compromised-node hook), and RadioModel
 * "Simple" (no power, no capture, no jamming). Cell selection and reselection on this radio
 * model: nr-security-cell-selection (same network, nr-security-radio-model-test-helpers.h).
 */
#include "../model/compat/nr-security-ns3-compat.h"
#include "nr-security-radio-model-test-helpers.h"
#include "nr-security-test-events.h"
#include "ns3/boolean.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/error-model.h"
#include "ns3/node-container.h"
#include "ns3/nr-security-capture.h"
#include "ns3/nr-security-channel.h"
#include "ns3/nr-security-gnb-net-device.h"
#include "ns3/nr-security-helper.h"
#include "ns3/nr-security-ue-net-device.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::nrsecurityradiotest;

namespace
{

/// Loses the first attempt it sees, then none.
class LoseFirstErrorModel : public ErrorModel
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::NrSecurityRadioModelTestLoseFirst")
                                .SetParent<ErrorModel>()
                                .AddConstructor<LoseFirstErrorModel>();
        return tid;
    }

  private:
    bool DoCorrupt(Ptr<Packet>) override
    {
        return m_first ? !(m_first = false) : false;
    }

    void DoReset() override
    {
    }

    bool m_first = true; ///< the next attempt is the first
};

/// A frame of 4 zero bytes on SRB1 (the RRC refuses it: only the radio matters here).
NrSecurityAirFrame
Frame(uint16_t cellId, uint32_t ueId, bool uplink)
{
    NrSecurityAirFrame f;
    f.cellId = cellId;
    f.ueId = ueId;
    f.uplink = uplink;
    f.type = NrSecurityRbType::SRB;
    f.rbId = 1;
    const uint8_t bytes[4] = {0, 0, 0, 0};
    f.pdu = Create<Packet>(bytes, 4);
    return f;
}

/// Records CaptureDrop.
void
RecordDrop(std::vector<std::pair<NrSecurityFrameOrigin, double>>* out,
           const NrSecurityAirFrame& f,
           double strongestOther)
{
    out->push_back({f.origin, strongestOther});
}

} // namespace

/**
 * Received power: GetRxPowerDbm(from, to) is from's TxPower (UE 23 dBm by default, gNB 18 dBm)
 * less the LogDistance loss 40 + 20 log10(d) between the nodes, both ways; frames carry it at
 * their receiver (taps and PduRx); FixedRssLossModel gives its fixed value; no MobilityModel:
 * no loss.
 */
class RxPowerTestCase : public SimTestCase
{
  public:
    RxPowerTestCase()
        : SimTestCase("rx-power: TxPower through the PropagationLossModel, carried by frames")
    {
    }

  private:
    void DoRun() override
    {
        Radio r({0}, {50}, true);
        Ptr<NrSecurityChannel> ch = r.Ch();
        NS_TEST_EXPECT_MSG_EQ_TOL(r.Ue()->GetTxPower(), 23.0, 1e-12, "UE TxPower default");
        NS_TEST_EXPECT_MSG_EQ_TOL(r.Gnb(0)->GetTxPower(), 18.0, 1e-12, "gNB TxPower default");
        NS_TEST_EXPECT_MSG_EQ_TOL(KnownRx(23, 50), -50.9794, 1e-4, "the oracle");
        NS_TEST_EXPECT_MSG_EQ_TOL(ch->GetRxPowerDbm(r.Ue(), r.Gnb(0)),
                                  KnownRx(23, 50),
                                  1e-9,
                                  "uplink: UE 23 dBm at 50 m");
        NS_TEST_EXPECT_MSG_EQ_TOL(ch->GetRxPowerDbm(r.Gnb(0), r.Ue()),
                                  KnownRx(18, 50),
                                  1e-9,
                                  "downlink: gNB 18 dBm at 50 m");
        NS_TEST_EXPECT_MSG_EQ_TOL(ch->GetRsrpDbm(r.Ue(), r.Gnb(0)),
                                  KnownRx(18, 50),
                                  1e-9,
                                  "RSRP = the gNB's received power");
        r.Ue()->SetAttribute("TxPower", DoubleValue(10));
        NS_TEST_EXPECT_MSG_EQ_TOL(
            ch->GetRxPowerDbm(r.Ue(), r.Gnb(0)), KnownRx(10, 50), 1e-9, "UE TxPower attribute");
        Ptr<TestAdversary> a = r.Adversary(30, 25);
        NS_TEST_EXPECT_MSG_EQ_TOL(
            ch->GetRxPowerDbm(a, r.Ue()), KnownRx(30, 25), 1e-9, "adversary at 25 m from the UE");
        Ptr<TestAdversary> nowhere = r.Adversary(30);
        NS_TEST_EXPECT_MSG_EQ_TOL(
            ch->GetRxPowerDbm(nowhere, r.Ue()), 30.0, 1e-12, "no MobilityModel: no loss");

        Ptr<FixedRssLossModel> fixed = CreateObject<FixedRssLossModel>();
        fixed->SetRss(-77.5);
        r.nr->SetAttribute("PropagationLossModel", PointerValue(fixed));
        NS_TEST_EXPECT_MSG_EQ_TOL(ch->GetRxPowerDbm(a, r.Gnb(0)), -77.5, 1e-12, "FixedRss");
        r.nr->SetAttribute("PropagationLossModel", PointerValue(KnownLoss()));

        // Frames carry the power at their receiver: the Transmission trace and PduRx.
        std::vector<Rx> sent;
        std::vector<Rx> ueRx;
        std::vector<Rx> gnbRx;
        ch->TraceConnectWithoutContext("Transmission", MakeBoundCallback(&Record, &sent));
        r.Ue()->TraceConnectWithoutContext("PduRx", MakeBoundCallback(&Record, &ueRx));
        r.Gnb(0)->TraceConnectWithoutContext("PduRx", MakeBoundCallback(&Record, &gnbRx));
        r.Ue()->SetServingCellId(1);
        ch->Send(Frame(1, 1, false));
        ch->Send(Frame(1, 1, true));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(sent.size(), 2u, "two transmissions");
        if (sent.size() != 2u)
        {
            return; // the runner continues on failure: no access out of range
        }
        NS_TEST_ASSERT_MSG_EQ(ueRx.size(), 1u, "downlink frame received");
        if (ueRx.size() != 1u)
        {
            return; // the runner continues on failure: no access out of range
        }
        NS_TEST_ASSERT_MSG_EQ(gnbRx.size(), 1u, "uplink frame received");
        if (gnbRx.size() != 1u)
        {
            return; // the runner continues on failure: no access out of range
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(sent[0].rxPowerDbm, KnownRx(18, 50), 1e-9, "trace, DL");
        NS_TEST_EXPECT_MSG_EQ_TOL(ueRx[0].rxPowerDbm, KnownRx(18, 50), 1e-9, "PduRx, DL");
        NS_TEST_EXPECT_MSG_EQ_TOL(gnbRx[0].rxPowerDbm, KnownRx(10, 50), 1e-9, "PduRx, UL");
        NS_TEST_EXPECT_MSG_EQ((ueRx[0].origin == NrSecurityFrameOrigin::LEGITIMATE),
                              true,
                              "a gNB's frame is legitimate");
        Simulator::Destroy();
    }
};

/**
 * Capture margin (overshadowing): a gNB frame (18 dBm, no path loss) and an adversary frame in
 * the same slot on the same link. With the adversary at 18 + margin + 0.01 dBm its frame is
 * received and the gNB's is lost (CaptureDrop with the adversary's power; ARQ retransmits it
 * 4 ms later); at 18 + margin - 0.01 dBm both are lost (neither exceeds the other by the
 * margin); at 18 - margin - 0.01 dBm the gNB's frame is received. Sent from a monitor's
 * callback the forged frame occupies the legitimate frame's slot. CaptureMargin 3 dB (default)
 * and 6 dB.
 */
class CaptureMarginTestCase : public SimTestCase
{
  public:
    CaptureMarginTestCase()
        : SimTestCase("capture-margin: received at margin + 0.01 dB, lost at margin - 0.01 dB")
    {
    }

  private:
    /// Result of one overlap.
    struct Outcome
    {
        std::vector<Rx> ueRx;                                        ///< what the UE received
        std::vector<std::pair<NrSecurityFrameOrigin, double>> drops; ///< CaptureDrop
        uint64_t captureDrops = 0;                                   ///< GetCaptureDrops
    };

    /// \return the outcome of a gNB frame overlapped by an adversary frame of a given power
    static Outcome Overlap(double advPower, double margin, bool fromMonitor)
    {
        Radio r({0}, {0}, false);
        Ptr<NrSecurityChannel> ch = r.Ch();
        ch->SetAttribute("CaptureMargin", DoubleValue(margin));
        Ptr<TestAdversary> a = r.Adversary(advPower);
        Outcome o;
        r.Ue()->TraceConnectWithoutContext("PduRx", MakeBoundCallback(&Record, &o.ueRx));
        ch->TraceConnectWithoutContext("CaptureDrop", MakeBoundCallback(&RecordDrop, &o.drops));
        r.Ue()->SetServingCellId(1);
        NrSecurityAirFrame forged = Frame(1, 1, false);
        bool sent = false; // outlives Simulator::Run (the monitor refers to it)
        if (fromMonitor)
        {
            ch->AddMonitor(a,
                           -200,
                           NrSecurityTestCallback<void, const NrSecurityAirFrame&>(
                               [ch, a, forged, &sent](const NrSecurityAirFrame& f)
                               {
                                   if (!sent && !f.uplink && f.attempt == 0)
                                   {
                                       sent = true;
                                       ch->SendFrom(a, forged);
                                   }
                               }));
            NrSecurityTestSchedule(MicroSeconds(1234), [ch]() { ch->Send(Frame(1, 1, false)); });
        }
        else
        {
            ch->Send(Frame(1, 1, false));
            ch->SendFrom(a, forged);
        }
        Simulator::Run();
        o.captureDrops = ch->GetCaptureDrops();
        Simulator::Destroy();
        return o;
    }

    void DoRun() override
    {
        for (double margin : {3.0, 6.0})
        {
            for (bool fromMonitor : {false, true})
            {
                const std::string m = " (margin " + std::to_string(margin) + " dB"
                                      + (fromMonitor ? ", from a monitor)" : ")");
                // Stronger by margin + 0.01 dB: the forged frame wins.
                Outcome win = Overlap(18 + margin + 0.01, margin, fromMonitor);
                NS_TEST_ASSERT_MSG_EQ(win.ueRx.size(), 2u, "forged, then the retransmission" + m);
                if (win.ueRx.size() != 2u)
                {
                    return; // the runner continues on failure: no access out of range
                }
                NS_TEST_EXPECT_MSG_EQ((win.ueRx[0].origin == NrSecurityFrameOrigin::INJECTED),
                                      true,
                                      "the forged frame arrives first" + m);
                NS_TEST_EXPECT_MSG_EQ((win.ueRx[1].origin == NrSecurityFrameOrigin::LEGITIMATE),
                                      true,
                                      "then the gNB's" + m);
                NS_TEST_EXPECT_MSG_EQ(win.ueRx[1].attempt, 1u, "as its retransmission" + m);
                NS_TEST_EXPECT_MSG_EQ((win.ueRx[1].time - win.ueRx[0].time >= MilliSeconds(4)),
                                      true,
                                      "RetransmissionDelay later" + m);
                NS_TEST_EXPECT_MSG_EQ(win.captureDrops, 1u, "one capture drop" + m);
                NS_TEST_ASSERT_MSG_EQ(win.drops.size(), 1u, "traced" + m);
                if (win.drops.size() != 1u)
                {
                    return; // the runner continues on failure: no access out of range
                }
                NS_TEST_EXPECT_MSG_EQ((win.drops[0].first == NrSecurityFrameOrigin::LEGITIMATE),
                                      true,
                                      "the gNB's frame is lost" + m);
                NS_TEST_EXPECT_MSG_EQ_TOL(
                    win.drops[0].second, 18 + margin + 0.01, 1e-9, "to the adversary's power" + m);
                // Stronger by margin - 0.01 dB: neither wins.
                Outcome tie = Overlap(18 + margin - 0.01, margin, fromMonitor);
                NS_TEST_ASSERT_MSG_EQ(tie.ueRx.size(), 1u, "only the retransmission" + m);
                if (tie.ueRx.size() != 1u)
                {
                    return; // the runner continues on failure: no access out of range
                }
                NS_TEST_EXPECT_MSG_EQ((tie.ueRx[0].origin == NrSecurityFrameOrigin::LEGITIMATE),
                                      true,
                                      "the gNB's" + m);
                NS_TEST_EXPECT_MSG_EQ(tie.captureDrops, 2u, "both lost" + m);
                // Weaker by margin + 0.01 dB: the gNB's frame is received at once.
                Outcome lose = Overlap(18 - margin - 0.01, margin, fromMonitor);
                NS_TEST_ASSERT_MSG_EQ(lose.ueRx.size(), 1u, "one frame" + m);
                if (lose.ueRx.size() != 1u)
                {
                    return; // the runner continues on failure: no access out of range
                }
                NS_TEST_EXPECT_MSG_EQ(lose.ueRx[0].attempt, 0u, "the first attempt" + m);
                NS_TEST_EXPECT_MSG_EQ((lose.ueRx[0].origin == NrSecurityFrameOrigin::LEGITIMATE),
                                      true,
                                      "of the gNB" + m);
                NS_TEST_EXPECT_MSG_EQ(lose.captureDrops, 1u, "the forged one is lost" + m);
            }
        }
        // CaptureMargin 0: strictly stronger wins; equal powers destroy each other (neither
        // exceeds the other), the gNB's frame arrives as its retransmission only.
        NS_TEST_EXPECT_MSG_EQ(NrSecurityCapture::IsReceived(18, 18, 0), false, "equal, margin 0");
        NS_TEST_EXPECT_MSG_EQ(NrSecurityCapture::IsReceived(18.01, 18, 0), true, "stronger");
        NS_TEST_EXPECT_MSG_EQ(NrSecurityCapture::IsReceived(21, 18, 3), true, "at the margin");
        for (bool fromMonitor : {false, true})
        {
            const std::string m = fromMonitor ? " (margin 0, from a monitor)" : " (margin 0)";
            Outcome equal = Overlap(18, 0, fromMonitor);
            NS_TEST_ASSERT_MSG_EQ(equal.ueRx.size(), 1u, "only the retransmission" + m);
            if (equal.ueRx.size() != 1u)
            {
                return; // the runner continues on failure: no access out of range
            }
            NS_TEST_EXPECT_MSG_EQ(
                (equal.ueRx[0].origin == NrSecurityFrameOrigin::LEGITIMATE), true, "the gNB's" + m);
            NS_TEST_EXPECT_MSG_EQ(equal.ueRx[0].attempt, 1u, "retransmitted" + m);
            NS_TEST_EXPECT_MSG_EQ(equal.captureDrops, 2u, "equal powers: both lost" + m);
            Outcome stronger = Overlap(18.01, 0, fromMonitor);
            NS_TEST_ASSERT_MSG_EQ(stronger.ueRx.size(), 2u, "forged, retransmission" + m);
            if (stronger.ueRx.size() != 2u)
            {
                return; // the runner continues on failure: no access out of range
            }
            NS_TEST_EXPECT_MSG_EQ((stronger.ueRx[0].origin == NrSecurityFrameOrigin::INJECTED),
                                  true,
                                  "0.01 dB stronger wins" + m);
            NS_TEST_EXPECT_MSG_EQ(stronger.captureDrops, 1u, "the gNB's lost" + m);
        }
    }
};

/**
 * Overlap is per sender, link and slot: two frames of the gNB to one UE in one slot (one
 * transport block), uplink and downlink at once, frames to two UEs at once, and an adversary
 * frame one slot later are all received; none is a capture drop.
 */
class NoCollisionTestCase : public SimTestCase
{
  public:
    NoCollisionTestCase()
        : SimTestCase("no-collision: one sender, other links, other slots")
    {
    }

  private:
    void DoRun() override
    {
        Radio r({0}, {0, 0}, false);
        Ptr<NrSecurityChannel> ch = r.Ch();
        Ptr<TestAdversary> a = r.Adversary(18); // as strong as the gNB: overlapping, both lost
        std::vector<Rx> ue1;
        std::vector<Rx> ue2;
        std::vector<Rx> gnb;
        r.Ue(0)->TraceConnectWithoutContext("PduRx", MakeBoundCallback(&Record, &ue1));
        r.Ue(1)->TraceConnectWithoutContext("PduRx", MakeBoundCallback(&Record, &ue2));
        r.Gnb(0)->TraceConnectWithoutContext("PduRx", MakeBoundCallback(&Record, &gnb));
        r.Ue(0)->SetServingCellId(1);
        r.Ue(1)->SetServingCellId(1);
        ch->Send(Frame(1, 1, false));
        ch->Send(Frame(1, 1, false)); // same sender, same link, same slot
        ch->Send(Frame(1, 2, false)); // another UE
        ch->Send(Frame(1, 1, true));  // uplink of UE 1 (its own link)
        ch->Send(Frame(1, 2, true));
        const Time slot = ch->GetSlotDuration();
        NrSecurityTestSchedule(slot, [ch, a]() { ch->SendFrom(a, Frame(1, 1, false)); });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(ue1.size(), 3u, "UE 1: two gNB frames, the next slot's forged one");
        NS_TEST_EXPECT_MSG_EQ(ue2.size(), 1u, "UE 2: its frame");
        NS_TEST_EXPECT_MSG_EQ(gnb.size(), 2u, "gNB: both uplink frames");
        NS_TEST_EXPECT_MSG_EQ(ch->GetCaptureDrops(), 0u, "no capture drop");
        for (const Rx& x : ue1)
        {
            NS_TEST_EXPECT_MSG_EQ(x.attempt, 0u, "first attempts only");
        }
        Simulator::Destroy();
    }
};

/**
 * Jamming: a jammer active on UE 1's downlink only (as strong as the gNB) loses every attempt
 * of UE 1's frame (1 + MaxRetransmissions 4 = 5 capture drops, then RadioLinkFailure); UE 2's
 * frame and UE 1's uplink frame are received. A jammer weaker by margin + 0.01 dB loses none.
 */
class JammerTestCase : public SimTestCase
{
  public:
    JammerTestCase()
        : SimTestCase("jammer: loses the frames of its links only")
    {
    }

  private:
    void DoRun() override
    {
        for (double jamPower : {18.0, 18.0 - 3.01})
        {
            Radio r({0}, {0, 0}, false);
            Ptr<NrSecurityChannel> ch = r.Ch();
            Ptr<TestAdversary> j = r.Adversary(jamPower);
            ch->AddJammer(j,
                          NrSecurityTestCallback<bool, const NrSecurityAirFrame&>(
                              [](const NrSecurityAirFrame& f)
                              { return f.ueId == 1 && !f.uplink; }));
            std::vector<Rx> ue1;
            std::vector<Rx> ue2;
            std::vector<Rx> gnb;
            std::vector<Rx> rlf;
            r.Ue(0)->TraceConnectWithoutContext("PduRx", MakeBoundCallback(&Record, &ue1));
            r.Ue(1)->TraceConnectWithoutContext("PduRx", MakeBoundCallback(&Record, &ue2));
            r.Gnb(0)->TraceConnectWithoutContext("PduRx", MakeBoundCallback(&Record, &gnb));
            ch->TraceConnectWithoutContext("RadioLinkFailure", MakeBoundCallback(&Record, &rlf));
            r.Ue(0)->SetServingCellId(1);
            r.Ue(1)->SetServingCellId(1);
            ch->Send(Frame(1, 1, false));
            ch->Send(Frame(1, 2, false));
            ch->Send(Frame(1, 1, true));
            Simulator::Run();
            if (jamPower == 18.0)
            {
                NS_TEST_EXPECT_MSG_EQ(ue1.size(), 0u, "UE 1's downlink is jammed");
                NS_TEST_EXPECT_MSG_EQ(ch->GetCaptureDrops(), 5u, "every attempt lost");
                NS_TEST_EXPECT_MSG_EQ(rlf.size(), 1u, "ARQ exhausted");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(ue1.size(), 1u, "a weak jammer loses nothing");
                NS_TEST_EXPECT_MSG_EQ(ch->GetCaptureDrops(), 0u, "no capture drop");
                NS_TEST_EXPECT_MSG_EQ(rlf.size(), 0u, "no failure");
            }
            NS_TEST_EXPECT_MSG_EQ(ue2.size(), 1u, "UE 2 is not jammed");
            NS_TEST_EXPECT_MSG_EQ(gnb.size(), 1u, "UE 1's uplink is not jammed");
            Simulator::Destroy();
        }
    }
};

/**
 * Monitors: gNB at 0 m, UE at 10 m, monitors at 50 m. The UE's uplink frame reaches them at
 * 23 - (40 + 20 log10 40) dBm, the gNB's downlink frame at 18 - (40 + 20 log10 50) dBm. A
 * monitor with sensitivity 0.01 dB below the uplink power hears the uplink frame (with that
 * power, when it is sent) and not the weaker downlink one; 0.01 dB above, nothing; a monitor
 * never hears its own SendFrom frames, another monitor does.
 */
class MonitorTestCase : public SimTestCase
{
  public:
    MonitorTestCase()
        : SimTestCase("monitor: sensitivity, received power, not its own frames")
    {
    }

  private:
    void DoRun() override
    {
        Radio r({0}, {10}, true);
        Ptr<NrSecurityChannel> ch = r.Ch();
        const double ul = KnownRx(23, 40);
        Ptr<TestAdversary> below = r.Adversary(23, 50);
        Ptr<TestAdversary> above = r.Adversary(23, 50);
        Ptr<TestAdversary> all = r.Adversary(23, 50);
        std::vector<Rx> heardBelow;
        std::vector<Rx> heardAbove;
        std::vector<Rx> heardAll;
        ch->AddMonitor(below, ul - 0.01, MakeBoundCallback(&Record, &heardBelow));
        ch->AddMonitor(above, ul + 0.01, MakeBoundCallback(&Record, &heardAbove));
        ch->AddMonitor(all, -200, MakeBoundCallback(&Record, &heardAll));
        r.Ue()->SetServingCellId(1);
        NrSecurityTestSchedule(MilliSeconds(1),
                               [ch]()
                               {
                                   ch->Send(Frame(1, 1, true));
                                   ch->Send(Frame(1, 1, false));
                               });
        NrSecurityTestSchedule(MilliSeconds(5),
                               [ch, all]() { ch->SendFrom(all, Frame(1, 1, true)); });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(heardBelow.size(), 2u, "uplink frame and the adversary's frame");
        if (heardBelow.size() != 2u)
        {
            return; // the runner continues on failure: no access out of range
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(heardBelow[0].rxPowerDbm, ul, 1e-9, "UE's power at 40 m");
        NS_TEST_EXPECT_MSG_EQ(heardBelow[0].time, MilliSeconds(1), "heard when sent");
        NS_TEST_EXPECT_MSG_EQ((heardBelow[1].origin == NrSecurityFrameOrigin::INJECTED),
                              true,
                              "the adversary's frame (23 - 40 dBm at 0 m)");
        NS_TEST_EXPECT_MSG_EQ(heardAbove.size(), 1u, "only the adversary's frame");
        NS_TEST_ASSERT_MSG_EQ(heardAll.size(), 2u, "both of the network, not its own");
        if (heardAll.size() != 2u)
        {
            return; // the runner continues on failure: no access out of range
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(
            heardAll[1].rxPowerDbm, KnownRx(18, 50), 1e-9, "gNB's power at 50 m");
        Simulator::Destroy();
    }
};

/**
 * SendFrom: a LEGITIMATE frame becomes INJECTED, REPLAYED stays; a frame for no receiver is
 * refused; no ARQ (a first attempt lost by the UE's ErrorModel is not retransmitted) and no
 * delivery confirmation to the adversary; a false base station's frames carry origin
 * FALSE_BASE_STATION.
 */
class SendFromTestCase : public SimTestCase
{
  public:
    SendFromTestCase()
        : SimTestCase("send-from: origin, no ARQ, no confirmation; false base station origin")
    {
    }

  private:
    void DoRun() override
    {
        Radio r({0, 0}, {0}, false);
        Ptr<NrSecurityChannel> ch = r.Ch();
        Ptr<TestAdversary> a = r.Adversary(18);
        r.Gnb(1)->SetAttribute("FalseBaseStation", BooleanValue(true));
        NS_TEST_EXPECT_MSG_EQ(r.Gnb(1)->IsAdversary(), true, "a false base station");
        NS_TEST_EXPECT_MSG_EQ(r.Gnb(0)->IsAdversary(), false, "a real cell");
        std::vector<Rx> ueRx;
        std::vector<Rx> sent;
        std::vector<Rx> advDelivered;
        r.Ue()->TraceConnectWithoutContext("PduRx", MakeBoundCallback(&Record, &ueRx));
        ch->TraceConnectWithoutContext("Transmission", MakeBoundCallback(&Record, &sent));
        a->TraceConnectWithoutContext("PduDelivered", MakeBoundCallback(&Record, &advDelivered));
        r.Ue()->SetServingCellId(1);
        NS_TEST_EXPECT_MSG_EQ(ch->SendFrom(a, Frame(1, 1, false)), true, "sent");
        NrSecurityAirFrame replay = Frame(1, 1, false);
        replay.origin = NrSecurityFrameOrigin::REPLAYED;
        NrSecurityTestSchedule(MilliSeconds(10), [ch, a, replay]() { ch->SendFrom(a, replay); });
        NS_TEST_EXPECT_MSG_EQ(ch->SendFrom(a, Frame(1, 99, false)), false, "no UE 99");
        NS_TEST_EXPECT_MSG_EQ(ch->SendFrom(a, Frame(7, 1, true)), false, "no cell 7");
        // A lost attempt of an adversary is not retransmitted.
        NrSecurityTestSchedule(MilliSeconds(20),
                               [&r, ch, a]()
                               {
                                   r.Ue()->SetAttribute(
                                       "ReceiveErrorModel",
                                       PointerValue(CreateObject<LoseFirstErrorModel>()));
                                   ch->SendFrom(a, Frame(1, 1, false));
                               });
        // The false base station's RRC frames (its RRCSetup after a RRCSetupRequest).
        NrSecurityTestSchedule(MilliSeconds(40), [&r]() { r.Ue()->Attach(2); });
        Simulator::Stop(MilliSeconds(60));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ((ueRx.size() >= 3u), true, "two adversary frames, FBS frames");
        if (ueRx.size() < 3u)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ((ueRx[0].origin == NrSecurityFrameOrigin::INJECTED),
                              true,
                              "LEGITIMATE becomes INJECTED");
        NS_TEST_EXPECT_MSG_EQ(
            (ueRx[1].origin == NrSecurityFrameOrigin::REPLAYED), true, "REPLAYED stays");
        NS_TEST_EXPECT_MSG_EQ((ueRx[2].origin == NrSecurityFrameOrigin::FALSE_BASE_STATION),
                              true,
                              "the false base station's RRCSetup");
        uint32_t advSent = 0;
        for (const Rx& x : sent)
        {
            advSent += x.origin == NrSecurityFrameOrigin::INJECTED
                       || x.origin == NrSecurityFrameOrigin::REPLAYED;
        }
        NS_TEST_EXPECT_MSG_EQ(advSent, 3u, "three attempts: the lost one not retransmitted");
        NS_TEST_EXPECT_MSG_EQ(advDelivered.size(), 0u, "no delivery confirmation");
        Simulator::Destroy();
    }
};

/**
 * The explicit compromised-node hook and caller errors: Inject hands a frame to its receiver
 * after the delay given, bypassing the radio (no slot timing: at exactly that delay; no taps;
 * no Reception trace), marks it (LEGITIMATE becomes INJECTED, REPLAYED stays) and fires the
 * Transmission trace. A frame without a PDU is refused by SendFrom and Inject (false; nothing
 * on the air, nothing received).
 */
class InjectTestCase : public SimTestCase
{
  public:
    InjectTestCase()
        : SimTestCase("inject: marked INJECTED, Transmission trace, no radio; null PDU refused")
    {
    }

  private:
    void DoRun() override
    {
        Radio r({0}, {0}, false);
        Ptr<NrSecurityChannel> ch = r.Ch();
        Ptr<TestAdversary> a = r.Adversary(18);
        std::vector<Rx> ueRx;
        std::vector<Rx> sent;
        uint32_t taps = 0;
        uint32_t receptions = 0;
        r.Ue()->TraceConnectWithoutContext("PduRx", MakeBoundCallback(&Record, &ueRx));
        ch->TraceConnectWithoutContext("Transmission", MakeBoundCallback(&Record, &sent));
        ch->AddTap(NrSecurityTestCallback<void, const NrSecurityAirFrame&>(
            [&taps](const NrSecurityAirFrame&) { ++taps; }));
        ch->TraceConnectWithoutContext(
            "Reception",
            NrSecurityTestCallback<void, const NrSecurityAirFrame&, NrSecurityFrameOutcome>(
                [&receptions](const NrSecurityAirFrame&, NrSecurityFrameOutcome)
                { ++receptions; }));
        r.Ue()->SetServingCellId(1);
        NS_TEST_EXPECT_MSG_EQ(ch->Inject(Frame(1, 1, false), MicroSeconds(123)), true, "injected");
        NrSecurityAirFrame replay = Frame(1, 1, false);
        replay.origin = NrSecurityFrameOrigin::REPLAYED;
        NS_TEST_EXPECT_MSG_EQ(ch->Inject(replay, MicroSeconds(456)), true, "replayed");
        NrSecurityAirFrame empty = Frame(1, 1, false);
        empty.pdu = nullptr;
        NS_TEST_EXPECT_MSG_EQ(ch->Inject(empty, Time(0)), false, "Inject: no PDU, refused");
        NS_TEST_EXPECT_MSG_EQ(ch->SendFrom(a, empty), false, "SendFrom: no PDU, refused");
        NS_TEST_EXPECT_MSG_EQ(ch->Inject(Frame(1, 99, false), Time(0)), false, "no UE 99");
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(ueRx.size(), 2u, "the two frames with a PDU");
        if (ueRx.size() != 2u)
        {
            return; // the runner continues on failure: no access out of range
        }
        NS_TEST_EXPECT_MSG_EQ((ueRx[0].origin == NrSecurityFrameOrigin::INJECTED),
                              true,
                              "Inject: LEGITIMATE becomes INJECTED");
        NS_TEST_EXPECT_MSG_EQ(
            (ueRx[1].origin == NrSecurityFrameOrigin::REPLAYED), true, "REPLAYED stays");
        NS_TEST_EXPECT_MSG_EQ(ueRx[0].time, MicroSeconds(123), "at the delay: no slot timing");
        NS_TEST_EXPECT_MSG_EQ(ueRx[1].time, MicroSeconds(456), "at the delay");
        NS_TEST_ASSERT_MSG_EQ(sent.size(), 2u, "Transmission: the two injected frames only");
        if (sent.size() != 2u)
        {
            return; // the runner continues on failure: no access out of range
        }
        NS_TEST_EXPECT_MSG_EQ(sent[0].time, Time(0), "traced when injected");
        NS_TEST_EXPECT_MSG_EQ(
            (sent[0].origin == NrSecurityFrameOrigin::INJECTED), true, "traced marked");
        NS_TEST_EXPECT_MSG_EQ(taps, 0u, "no taps: bypasses the radio");
        NS_TEST_EXPECT_MSG_EQ(receptions, 0u, "no Reception trace");
        NS_TEST_EXPECT_MSG_EQ(ch->GetCaptureDrops(), 0u, "no capture rule");
        Simulator::Destroy();
    }
};

/**
 * RadioModel "Simple" (the channel before issue 16): overlapping frames are both received
 * whatever their powers, jammers and monitor sensitivity are ignored, frames carry no received
 * power, and arrival times are those of "Power".
 */
class SimpleModelTestCase : public SimTestCase
{
  public:
    SimpleModelTestCase()
        : SimTestCase("simple-model: no capture, no jamming, monitors hear all, same timing")
    {
    }

  private:
    /// \return UE arrivals with one radio model; capture drops in *drops
    static std::vector<Rx> Run(bool simple, uint64_t* drops, uint32_t* heard)
    {
        Radio r({0}, {30}, true);
        Ptr<NrSecurityChannel> ch = r.Ch();
        if (simple)
        {
            ch->SetAttribute("RadioModel", StringValue("Simple"));
        }
        Ptr<TestAdversary> a = r.Adversary(18, 0); // as strong as the gNB, at its place
        Ptr<TestAdversary> j = r.Adversary(40, 30);
        Ptr<TestAdversary> m = r.Adversary(23, 1000);
        ch->AddJammer(j,
                      NrSecurityTestCallback<bool, const NrSecurityAirFrame&>(
                          [](const NrSecurityAirFrame& f) { return f.attempt > 0; }));
        *heard = 0;
        ch->AddMonitor(m,
                       0,
                       NrSecurityTestCallback<void, const NrSecurityAirFrame&>(
                           [heard](const NrSecurityAirFrame&) { ++*heard; }));
        std::vector<Rx> rx;
        r.Ue()->TraceConnectWithoutContext("PduRx", MakeBoundCallback(&Record, &rx));
        r.Ue()->SetServingCellId(1);
        ch->Send(Frame(1, 1, false));
        ch->SendFrom(a, Frame(1, 1, false));
        Simulator::Run();
        *drops = ch->GetCaptureDrops();
        Simulator::Destroy();
        return rx;
    }

    void DoRun() override
    {
        uint64_t drops = 0;
        uint32_t heard = 0;
        std::vector<Rx> simple = Run(true, &drops, &heard);
        NS_TEST_EXPECT_MSG_EQ(drops, 0u, "Simple: no capture drop");
        NS_TEST_EXPECT_MSG_EQ(heard, 2u, "Simple: the monitor hears both (sensitivity 0 dBm)");
        NS_TEST_ASSERT_MSG_EQ(simple.size(), 2u, "Simple: both overlapping frames received");
        if (simple.size() != 2u)
        {
            return; // the runner continues on failure: no access out of range
        }
        NS_TEST_EXPECT_MSG_EQ(simple[0].attempt + simple[1].attempt, 0u, "first attempts");
        NS_TEST_EXPECT_MSG_EQ(simple[0].rxPowerDbm, 0.0, "no received power");
        std::vector<Rx> power = Run(false, &drops, &heard);
        NS_TEST_EXPECT_MSG_EQ(drops, 6u, "Power: both lost, then 4 jammed retransmissions");
        NS_TEST_EXPECT_MSG_EQ(heard, 0u, "Power: -81 dBm at 1 km is below 0 dBm");
        NS_TEST_EXPECT_MSG_EQ(power.size(), 0u, "Power: nothing received");
        // Same timing: with nothing overlapping, a frame arrives at the same instant.
        NS_TEST_EXPECT_MSG_EQ(SingleArrival(true), SingleArrival(false), "same arrival time");
        NS_TEST_EXPECT_MSG_EQ(SingleArrival(true),
                              MilliSeconds(1) + NanoSeconds(100),
                              "processing 500 us, the slot boundary at 500 us, one slot of "
                              "500 us, 30 m / c = 100 ns");
    }

    /// \return the arrival time of one downlink frame at 30 m \param simple the radio model
    static Time SingleArrival(bool simple)
    {
        Radio r({0}, {30}, true);
        r.Ch()->SetAttribute("RadioModel", StringValue(simple ? "Simple" : "Power"));
        std::vector<Rx> rx;
        r.Ue()->TraceConnectWithoutContext("PduRx", MakeBoundCallback(&Record, &rx));
        r.Ue()->SetServingCellId(1);
        r.Ch()->Send(Frame(1, 1, false));
        Simulator::Run();
        Simulator::Destroy();
        return rx.size() == 1 ? rx[0].time : Time(-1);
    }
};

/// The radio model suite.
class NrSecurityRadioModelTestSuite : public TestSuite
{
  public:
    NrSecurityRadioModelTestSuite()
        : TestSuite("nr-security-radio-model", NrSecurityTestType::UNIT)
    {
        AddTestCase(new RxPowerTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new CaptureMarginTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new NoCollisionTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new JammerTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new MonitorTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new SendFromTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new InjectTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new SimpleModelTestCase, NrSecurityTestDuration::QUICK);
    }
};

/// the suite's instance
static NrSecurityRadioModelTestSuite g_nrSecurityRadioModelTestSuite;
