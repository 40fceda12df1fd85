// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The adversary devices of model/adversary and NrSecurityAdversaryHelper, each acting only
 * through the radio model of the channel (positions, powers, slots, the capture margin):
 *  - keystream-reuse: two NEA2 ciphertexts under one (key, COUNT, BEARER, DIRECTION) give
 *    C1 ^ C2 ^ P2 = P1 exactly (TS 33.501 D.2.1: NEA2 is AES-CTR, a keystream xored in);
 *  - sniffer-sensitivity: a sniffer hears exactly the frames received at it at least as
 *    strong as its Sensitivity (TxPower through the LogDistance path loss);
 *  - sniffer-decipher: with the UE's AS keys it deciphers every SRB1 PDU into the RRC message
 *    the gNB sent (TS 38.323 5.8, BEARER = 0 for SRB1, DIRECTION 1); without them only what
 *    is sent in clear (the SecurityModeCommand, TS 38.331 5.3.4.2);
 *  - injector-marked: injected and replayed frames reach their receiver with origin INJECTED
 *    / REPLAYED and are the only frames of the receiver's pcap with a non-zero IPv4 DSCP;
 *  - overshadow: a forged DL-CCCH frame sent in the slot of the genuine RRCSetup replaces it
 *    when received stronger by the CaptureMargin, and is lost when it is not;
 *  - relay-smc: a MITM relay forwards the whole RRC setup and SMC: the UE gets AS security
 *    (the same K_gNB as the real gNB, TS 33.501 A.9) through it; every frame is counted;
 *  - relay-intercept: DROP, DELAY and rewrite verdicts are applied and counted (a rewritten
 *    SecurityModeCommand fails the UE's MAC-I check, TS 38.331 5.3.4.3);
 *  - jammer: a jammer on a UE's downlink makes every downlink attempt a capture drop;
 *  - false-base-station: a clone announces the real cell's PCI, ARFCN-DL and CellIdentity,
 *    its frames are marked FALSE_BASE_STATION and, without the UE's K_AMF, its
 *    SecurityModeCommand fails the UE's MAC-I check;
 *  - dataset: one CSV row per frame on the channel, the pcap with the same frames, the
 *    relayed ones labelled with the attack and marked with their DSCP.
 */
#include "../model/compat/nr-security-ns3-compat.h"
#include "nr-security-adversary-test-scenario.h"
#include "nr-security-test-events.h"
#include "ns3/double.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-dataset-writer.h"
#include "ns3/nr-security-keystream-reuse.h"
#include "ns3/nr-security-pcap-writer.h"
#include "ns3/test.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

/// keystream-reuse
class KeystreamReuseTestCase : public TestCase
{
  public:
    KeystreamReuseTestCase()
        : TestCase("keystream-reuse: C1 ^ C2 ^ P2 = P1 under one NEA2 keystream (TS 33.501 D.2.1)")
    {
    }

  private:
    void DoRun() override
    {
        NrSecurityKey128 key{};
        for (size_t i = 0; i < key.size(); ++i)
        {
            key[i] = static_cast<uint8_t>(0x30 + 7 * i);
        }
        std::vector<uint8_t> p1(100);
        std::vector<uint8_t> p2(80);
        for (size_t i = 0; i < p1.size(); ++i)
        {
            p1[i] = static_cast<uint8_t>(i * 13 + 1);
        }
        for (size_t i = 0; i < p2.size(); ++i)
        {
            p2[i] = static_cast<uint8_t>(200 - i);
        }
        auto enc = [&key](const std::vector<uint8_t>& p, uint32_t count)
        {
            return NrSecurityAlgorithms::Nea(NrSecurityCiphering::NEA2,
                                             key,
                                             count,
                                             3,
                                             1,
                                             p,
                                             static_cast<uint32_t>(p.size() * 8));
        };
        const std::vector<uint8_t> c1 = enc(p1, 5);
        const std::vector<uint8_t> c2 = enc(p2, 5);
        const std::vector<uint8_t> got = NrSecurityKeystreamReuse::Recover(c1, c2, p2);
        // the overlap is the 80 bytes of the shorter PDU, and every one of them is P1's
        NS_TEST_ASSERT_MSG_EQ(got.size(), 80u, "overlap");
        NS_TEST_ASSERT_MSG_EQ((got == std::vector<uint8_t>(p1.begin(), p1.begin() + 80)),
                              true,
                              "P1 recovered byte for byte");
        NS_TEST_ASSERT_MSG_EQ(NrSecurityKeystreamReuse::MatchRate(got, p1), 1.0, "match rate 1");
        // a fresh COUNT: a different keystream, the "recovered" bytes are noise
        const std::vector<uint8_t> c2fresh = enc(p2, 6);
        const std::vector<uint8_t> noise = NrSecurityKeystreamReuse::Recover(c1, c2fresh, p2);
        NS_TEST_ASSERT_MSG_LT(NrSecurityKeystreamReuse::Matches(noise, p1), 5u, "no reuse");
        NS_TEST_ASSERT_MSG_EQ(NrSecurityKeystreamReuse::Recover({}, c2, p2).size(), 0u, "empty");
        NS_TEST_ASSERT_MSG_EQ(NrSecurityKeystreamReuse::MatchRate({}, p1), 0.0, "empty rate");
        NS_TEST_ASSERT_MSG_EQ(NrSecurityKeystreamReuse::MatchRate({1, 2, 3, 4}, {1, 9, 3}),
                              2.0 / 3.0,
                              "2 of 3 overlapping bytes");
    }
};

/// sniffer-sensitivity
class SnifferSensitivityTestCase : public TestCase
{
  public:
    SnifferSensitivityTestCase()
        : TestCase("sniffer-sensitivity: a sniffer hears exactly the frames above its Sensitivity")
    {
    }

  private:
    void DoRun() override
    {
        // gNB at 0 (30 dBm), UE at 200 m (0 dBm), sniffers at 100 m: LogDistance loss at 100 m
        // is 46.6777 + 30 log10(100) = 106.68 dB, so the gNB's frames arrive at -76.68 dBm and
        // the UE's at -106.68 dBm.
        {
            Net net(0, 200);
            net.Gnb()->SetAttribute("TxPower", DoubleValue(30));
            net.Ue()->SetAttribute("TxPower", DoubleValue(0));
            NrSecurityAdversaryHelper adv(net.nr);
            adv.SetAdversaryAttribute("Sensitivity", DoubleValue(-90));
            Ptr<NrSecuritySniffer> dlOnly = adv.InstallSniffer(net.NodeAt(100));
            adv.SetAdversaryAttribute("Sensitivity", DoubleValue(-110));
            Ptr<NrSecuritySniffer> both = adv.InstallSniffer(net.NodeAt(100));
            net.nr->Attach(net.ues, net.gnbs.Get(0));
            net.Run(Seconds(1));

            size_t dl = 0;
            for (const auto& f : net.sent)
            {
                dl += f.uplink ? 0 : 1;
            }
            NS_TEST_ASSERT_MSG_GT(dl, 3u, "the connection ran");
            NS_TEST_ASSERT_MSG_EQ(dlOnly->GetFrames().size(), dl, "-90 dBm: every DL frame");
            bool allDl = true;
            for (const auto& f : dlOnly->GetFrames())
            {
                allDl = allDl && !f.frame.uplink;
                NS_TEST_ASSERT_MSG_EQ_TOL(f.frame.rxPowerDbm, 30 - 106.6777, 0.01, "gNB power");
            }
            NS_TEST_ASSERT_MSG_EQ(allDl, true, "-90 dBm: no UL frame");
            NS_TEST_ASSERT_MSG_EQ(both->GetFrames().size(), net.sent.size(), "-110: all");
            NS_TEST_ASSERT_MSG_EQ(both->GetHeard(), net.sent.size(), "GetHeard");
            Simulator::Destroy();
        }
    }
};

/// sniffer-decipher
class SnifferDecipherTestCase : public TestCase
{
  public:
    SnifferDecipherTestCase()
        : TestCase("sniffer-decipher: known AS keys give the RRC messages the gNB sent on SRB1")
    {
    }

  private:
    void DoRun() override
    {
        Net net(0, 50);
        NrSecurityAdversaryHelper adv(net.nr);
        Ptr<NrSecuritySniffer> sniffer = adv.InstallSniffer(net.NodeAt(25));
        const std::string pcap = TempDir("sniffer") + "/sniffer.pcap";
        adv.EnablePcap(sniffer, pcap);
        net.nr->Attach(net.ues, net.gnbs.Get(0));
        net.Run(Seconds(1));
        NS_TEST_ASSERT_MSG_EQ(net.Ue()->GetRrc()->IsSecurityActive(), true, "secured");

        const auto dl = sniffer->Select(net.Ue()->GetUeId(), NrSecurityRbType::SRB, 1, false);
        NS_TEST_ASSERT_MSG_EQ(dl.size(), net.gnbSrb1Tx.size(), "every SRB1 DL PDU heard once");
        NS_TEST_ASSERT_MSG_GT(dl.size(), 2u, "SMC and later messages");
        // without keys: only what is in clear (the SecurityModeCommand)
        size_t clear = 0;
        for (size_t i = 0; i < dl.size(); ++i)
        {
            const std::vector<uint8_t> p = sniffer->Decipher(dl[i]);
            if (!p.empty())
            {
                ++clear;
                NS_TEST_ASSERT_MSG_EQ((p == net.gnbTx["securityModeCommand"]), true, "the SMC");
            }
        }
        NS_TEST_ASSERT_MSG_EQ(clear, 1u, "one SRB1 DL PDU in clear");
        NrSecurityCiphering seen = NrSecurityCiphering::NEA0;
        NS_TEST_ASSERT_MSG_EQ(sniffer->GetObservedCiphering(1, seen), true, "SMC parsed");
        NS_TEST_ASSERT_MSG_EQ(unsigned(seen), unsigned(net.Ue()->GetRrc()->GetCiphering()), "NEA");
        // with the keys: every PDU is the message sent (COUNT = its place on SRB1 DL)
        sniffer->AddUeKeys(1, net.Ue()->GetRrc()->GetCiphering(), net.Ue()->GetRrc()->GetAsKeys());
        for (size_t i = 0; i < dl.size() && i < net.gnbSrb1Tx.size(); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(dl[i].count, int64_t(i), "COUNT");
            NS_TEST_ASSERT_MSG_EQ((sniffer->Decipher(dl[i]) == net.gnbSrb1Tx[i]),
                                  true,
                                  "SRB1 DL PDU " << i << " deciphered");
        }
        // SRB0: the CCCH message itself
        const auto ccch = sniffer->Select(1, NrSecurityRbType::SRB0, 0, false);
        NS_TEST_ASSERT_MSG_EQ(ccch.size(), 1u, "one RRCSetup");
        NS_TEST_ASSERT_MSG_EQ(
            (!ccch.empty() && sniffer->Decipher(ccch[0]) == net.gnbTx["rrcSetup"]), true, "CCCH");
        std::vector<std::vector<uint8_t>> pdus;
        for (const auto& f : sniffer->GetFrames())
        {
            pdus.push_back(f.Bytes());
        }
        const size_t heard = pdus.size();
        Simulator::Destroy(); // closes the sniffer's pcap (and disposes of the sniffer)
        const auto frames = ReadPcap(pcap);
        NS_TEST_ASSERT_MSG_EQ(frames.size(), heard, "the sniffer's pcap: every frame heard");
        bool same = frames.size() == heard;
        for (size_t i = 0; same && i < heard; ++i)
        {
            const std::vector<uint8_t>& pdu = pdus[i];
            same = frames[i].size() > pdu.size()
                   && std::equal(pdu.begin(), pdu.end(), frames[i].end() - pdu.size());
        }
        NS_TEST_ASSERT_MSG_EQ(same, true, "in order, each ending with its PDU");
    }
};

/// injector-marked
class InjectorMarkedTestCase : public TestCase
{
  public:
    InjectorMarkedTestCase()
        : TestCase("injector-marked: injected and replayed frames arrive marked, DSCP in the pcap")
    {
    }

  private:
    void DoRun() override
    {
        const std::string dir = TempDir("injector");
        Net net(0, 50);
        net.nr->EnablePcap(dir);
        NrSecurityAdversaryHelper adv(net.nr);
        Ptr<NrSecurityInjector> inj = adv.InstallInjector(net.NodeAt(10));
        // a fake UE 77's RRCSetupRequest (the victim's bytes) and a replay of the victim's own
        NrSecurityAirFrame forged;
        forged.cellId = net.Gnb()->GetCellId();
        forged.ueId = 77;
        forged.type = NrSecurityRbType::SRB0;
        forged.rbId = 0;
        forged.uplink = true;
        const std::vector<uint8_t> req = {0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc};
        forged.pdu = Create<Packet>(req.data(), req.size());
        NS_TEST_ASSERT_MSG_EQ(inj->Inject(forged, MilliSeconds(500)), true, "scheduled");
        NrSecurityAirFrame noPeer = forged;
        noPeer.cellId = 99;
        inj->Inject(noPeer, MilliSeconds(510));
        // metadata Wireshark's framing cannot express (SRB identity 9): left out of the pcaps
        NrSecurityAirFrame bogus = forged;
        bogus.type = NrSecurityRbType::SRB;
        bogus.rbId = 9;
        inj->Inject(bogus, MilliSeconds(520));
        NrSecurityTestSchedule(
            MilliSeconds(600),
            [&net, inj]()
            {
                for (const auto& f : net.sent)
                {
                    if (f.type != NrSecurityRbType::SRB0 || !f.uplink || f.ueId != 1)
                    {
                        continue;
                    }
                    inj->Replay(f, Time(0)); // the victim's RRCSetupRequest, again
                    break;
                }
            });
        net.nr->Attach(net.ues, net.gnbs.Get(0));
        net.Run(Seconds(1));

        NS_TEST_ASSERT_MSG_EQ(inj->GetSent(), 3u, "three frames reached a receiver");
        NS_TEST_ASSERT_MSG_EQ(inj->GetRefused(), 1u, "cell 99 has no gNB");
        size_t injected = 0;
        size_t replayed = 0;
        for (const auto& f : net.gnbRx)
        {
            if (f.origin == NrSecurityFrameOrigin::INJECTED)
            {
                ++injected;
                NS_TEST_ASSERT_MSG_EQ(f.ueId, 77, "fake UE");
                NS_TEST_ASSERT_MSG_EQ((f.rbId == 0 || f.rbId == 9), true, "SRB0 or SRB9");
                NS_TEST_ASSERT_MSG_EQ((Bytes(f.pdu) == req), true, "bytes");
            }
            replayed += f.origin == NrSecurityFrameOrigin::REPLAYED ? 1 : 0;
        }
        NS_TEST_ASSERT_MSG_EQ(injected, 2u, "the injected frames reached the gNB");
        NS_TEST_ASSERT_MSG_EQ(replayed, 1u, "the replayed frame reached the gNB");
        Simulator::Destroy(); // writes the pcaps
        // the SRB9 frame: not expressible in pdcp-nr framing (SRB identity 1..3, TS 38.331
        // SRB-Identity), left out of gnb-1.pcap, the only pcap that would have it: counted once
        NS_TEST_ASSERT_MSG_EQ(net.nr->GetPcapOmissions(), 1u, "the SRB9 frame, counted");
        // gnb-1.pcap: sent and received frames; exactly the two forged ones have DSCP != 0
        std::map<uint8_t, size_t> dscp;
        for (const auto& frame : ReadPcap(dir + "/gnb-1.pcap"))
        {
            ++dscp[frame.at(1) >> 2];
        }
        NS_TEST_ASSERT_MSG_EQ(dscp[1], 1u, "DSCP 1 = injected");
        NS_TEST_ASSERT_MSG_EQ(dscp[2], 1u, "DSCP 2 = replayed");
        NS_TEST_ASSERT_MSG_EQ(dscp.size(), 3u, "otherwise DSCP 0 only");
        NS_TEST_ASSERT_MSG_GT(dscp[0], 10u, "the legitimate frames");
    }
};

/// overshadow
class OvershadowTestCase : public TestCase
{
  public:
    /// \param strong the injector is received 35 dB above the gNB (else 18 dB below)
    explicit OvershadowTestCase(bool strong)
        : TestCase(std::string("overshadow-") + (strong ? "above" : "below")
                   + "-margin: a forged DL-CCCH frame in the RRCSetup's slot "
                   + (strong ? "replaces it" : "is lost"))
        , m_strong(strong)
    {
    }

  private:
    void DoRun() override
    {
        // gNB 18 dBm at 0, UE at 100 m: -88.68 dBm; injector 10 m from the UE: 23 dBm ->
        // -53.68 dBm (35 dB stronger), -30 dBm -> -106.68 dBm (18 dB weaker); margin 3 dB.
        Net net(0, 100);
        NrSecurityAdversaryHelper adv(net.nr);
        adv.SetAdversaryAttribute("TxPower", DoubleValue(m_strong ? 23 : -30));
        Ptr<NrSecurityInjector> inj = adv.InstallInjector(net.NodeAt(90));
        const std::vector<uint8_t> fake = {0x00, 0x11, 0x22, 0x33};
        inj->Overshadow(MakeCallback(&OvershadowTestCase::Match),
                        MakeBoundCallback(&OvershadowTestCase::Forge, fake),
                        1);
        net.nr->Attach(net.ues, net.gnbs.Get(0));
        net.Run(MilliSeconds(300));

        NS_TEST_ASSERT_MSG_EQ(inj->GetOvershadowed(), 1u, "one frame overshadowed");
        NS_TEST_ASSERT_MSG_EQ(inj->GetSent(), 1u, "one forged frame sent");
        NS_TEST_ASSERT_MSG_EQ(net.nr->GetChannel()->GetCaptureDrops(), 1u, "one of the two lost");
        std::vector<NrSecurityAirFrame> ccch;
        for (const auto& f : net.ueRx)
        {
            if (f.type == NrSecurityRbType::SRB0)
            {
                ccch.push_back(f);
            }
        }
        NS_TEST_ASSERT_MSG_GT(ccch.size(), 0u, "the UE got a DL-CCCH frame");
        if (ccch.empty())
        {
            return; // reported above (with --continue-on-failure)
        }
        const NrSecurityAirFrame& first = ccch.front();
        if (m_strong)
        {
            NS_TEST_ASSERT_MSG_EQ(unsigned(first.origin),
                                  unsigned(NrSecurityFrameOrigin::INJECTED),
                                  "the forged frame replaced the RRCSetup");
            NS_TEST_ASSERT_MSG_EQ((Bytes(first.pdu) == fake), true, "its bytes");
        }
        else
        {
            NS_TEST_ASSERT_MSG_EQ(first.IsForged(), false, "the genuine RRCSetup");
            NS_TEST_ASSERT_MSG_EQ(first.attempt, 0u, "at its first attempt");
            bool forged = false;
            for (const auto& f : net.ueRx)
            {
                forged = forged || f.IsForged();
            }
            NS_TEST_ASSERT_MSG_EQ(forged, false, "the forged frame never arrived");
        }
        Simulator::Destroy();
    }

    static bool Match(const NrSecurityAirFrame& f)
    {
        return !f.uplink && f.type == NrSecurityRbType::SRB0 && f.attempt == 0 && !f.IsForged();
    }

    static NrSecurityAirFrame Forge(std::vector<uint8_t> fake, const NrSecurityAirFrame& f)
    {
        NrSecurityAirFrame g = f;
        g.pdu = Create<Packet>(fake.data(), fake.size());
        return g;
    }

    bool m_strong; ///< which case
};

/// relay-smc and relay-intercept
class RelayTestCase : public TestCase
{
  public:
    /// \param mode the intercept callback
    explicit RelayTestCase(RelayMode mode)
        : TestCase(Name(mode))
        , m_mode(mode)
    {
    }

  private:
    static std::string Name(RelayMode m)
    {
        switch (m)
        {
            case RelayMode::NONE:
                return "relay-smc: a MITM relay forwards RRC setup and SMC, the UE gets AS "
                       "security";
            case RelayMode::DROP_DL_SRB1:
                return "relay-drop: dropped DL SRB1 frames are counted, the UE never secures";
            case RelayMode::DELAY:
                return "relay-delay: every frame forwarded 2 ms later, the SMC still completes";
            case RelayMode::REWRITE_SMC:
                return "relay-rewrite: a rewritten SMC is REWRITTEN and fails the UE's MAC-I check";
        }
        return "";
    }

    void DoRun() override
    {
        Net net(0, 100);
        NrSecurityAdversaryHelper adv(net.nr);
        Ptr<NrSecurityMitmRelay> relay = adv.InstallRelay(net.NodeAt(90), net.gnbs.Get(0));
        Interceptor icpt;
        icpt.mode = m_mode;
        if (m_mode != RelayMode::NONE)
        {
            relay->SetInterceptCallback(MakeCallback(&Interceptor::Intercept, &icpt));
        }
        NS_TEST_ASSERT_MSG_EQ(relay->GetCellInfo().pci, net.Gnb()->GetCellInfo().pci, "PCI");
        NS_TEST_ASSERT_MSG_NE(relay->GetCellId(), net.Gnb()->GetCellId(), "its own cell id");
        net.nr->Attach(net.ues, relay);
        net.Run(Seconds(1));

        Ptr<NrSecurityUeRrc> ue = net.Ue()->GetRrc();
        const NrSecurityGnbUeContext* ctx = net.Gnb()->GetRrc()->GetUeContext(1);
        NS_TEST_ASSERT_MSG_EQ(relay->GetCapturedUes().count(1), 1u, "UE 1 captured");
        NS_TEST_ASSERT_MSG_EQ(relay->GetForwarded(),
                              net.CountSent(NrSecurityFrameOrigin::RELAYED)
                                  + net.CountSent(NrSecurityFrameOrigin::REWRITTEN),
                              "every forwarded frame went on the air");
        bool allRelayed = true;
        for (const auto& f : net.ueRx)
        {
            allRelayed = allRelayed && f.IsForged() && f.cellId == relay->GetCellId();
        }
        for (const auto& f : net.gnbRx)
        {
            allRelayed = allRelayed && f.IsForged();
        }
        NS_TEST_ASSERT_MSG_EQ(allRelayed, true, "UE and gNB hear each other only through it");
        if (m_mode == RelayMode::NONE || m_mode == RelayMode::DELAY)
        {
            NS_TEST_ASSERT_MSG_EQ(ue->IsSecurityActive(), true, "AS security through the relay");
            NS_TEST_ASSERT_MSG_EQ((ctx && ctx->kGnb == ue->GetKgnb()), true, "one K_gNB");
            NS_TEST_ASSERT_MSG_EQ(relay->GetDropped() + relay->GetRewritten(), 0u, "unchanged");
            NS_TEST_ASSERT_MSG_EQ(relay->GetForwarded(),
                                  net.ueRx.size() + net.gnbRx.size(),
                                  "forwarded = received at both ends");
        }
        if (m_mode == RelayMode::NONE)
        {
            NS_TEST_ASSERT_MSG_EQ(relay->GetDelayed(), 0u, "none delayed");
        }
        if (m_mode == RelayMode::DELAY)
        {
            NS_TEST_ASSERT_MSG_EQ(relay->GetDelayed(), relay->GetForwarded(), "all delayed");
            // the real gNB's SMC is heard when sent; its relayed copy is sent 2 ms later
            Time genuine = Time(-1);
            Time relayed = Time(-1);
            for (size_t i = 0; i < net.sent.size(); ++i)
            {
                const auto& f = net.sent[i];
                if (f.uplink || f.type != NrSecurityRbType::SRB || f.rbId != 1)
                {
                    continue;
                }
                if (f.cellId == net.Gnb()->GetCellId() && genuine < Time(0))
                {
                    genuine = net.sentAt[i];
                }
                if (f.cellId == relay->GetCellId() && relayed < Time(0))
                {
                    relayed = net.sentAt[i];
                }
            }
            NS_TEST_ASSERT_MSG_EQ(relayed - genuine, MilliSeconds(2), "the delay");
        }
        if (m_mode == RelayMode::DROP_DL_SRB1)
        {
            NS_TEST_ASSERT_MSG_EQ(ue->IsSecurityActive(), false, "no SMC reached the UE");
            size_t dl = 0;
            for (const auto& f : net.sent)
            {
                dl += !f.uplink && f.cellId == net.Gnb()->GetCellId() && f.attempt == 0
                              && f.type == NrSecurityRbType::SRB && f.rbId == 1
                          ? 1
                          : 0;
            }
            NS_TEST_ASSERT_MSG_EQ(relay->GetDropped(), dl, "every DL SRB1 frame dropped");
            NS_TEST_ASSERT_MSG_GT(dl, 0u, "the gNB sent the SMC");
        }
        if (m_mode == RelayMode::REWRITE_SMC)
        {
            NS_TEST_ASSERT_MSG_EQ(relay->GetRewritten(), 1u, "one frame rewritten");
            NS_TEST_ASSERT_MSG_EQ(net.CountSent(NrSecurityFrameOrigin::REWRITTEN), 1u, "marked");
            NS_TEST_ASSERT_MSG_EQ(ue->IsSecurityActive(), false, "MAC-I failed (38.331 5.3.4.3)");
            NS_TEST_ASSERT_MSG_EQ(ue->GetIntegrityFailures(), 1u, "one integrity failure");
        }
        Simulator::Destroy();
    }

    RelayMode m_mode; ///< the case
};

/// jammer
class JammerTestCase : public TestCase
{
  public:
    JammerTestCase()
        : TestCase("jammer: a jammer on a UE's downlink turns every DL attempt into a capture drop")
    {
    }

  private:
    void DoRun() override
    {
        Net net(0, 100);
        NrSecurityAdversaryHelper adv(net.nr);
        Ptr<NrSecurityJammer> jam = adv.InstallJammer(net.NodeAt(95));
        jam->JamUe(1, false, true);
        jam->Activate(Time(0));
        jam->Deactivate(MilliSeconds(150));
        net.nr->Attach(net.ues, net.gnbs.Get(0));
        net.Run(MilliSeconds(100));
        size_t dl = 0;
        for (const auto& f : net.sent)
        {
            dl += f.uplink ? 0 : 1;
        }
        NS_TEST_ASSERT_MSG_GT(dl, 1u, "RRCSetup and its retransmissions");
        NS_TEST_ASSERT_MSG_EQ(jam->GetJammedFrames(), dl, "every DL attempt jammed");
        NS_TEST_ASSERT_MSG_EQ(net.nr->GetChannel()->GetCaptureDrops(), dl, "all lost");
        NS_TEST_ASSERT_MSG_EQ(net.ueRx.size(), 0u, "the UE received nothing");
        NS_TEST_ASSERT_MSG_GT(net.gnbRx.size(), 0u, "its uplink is not jammed");
        NS_TEST_ASSERT_MSG_EQ(jam->IsActive(), true, "still active at 100 ms");
        Simulator::Destroy();
    }
};

/// false-base-station
class FalseBaseStationTestCase : public TestCase
{
  public:
    FalseBaseStationTestCase()
        : TestCase("false-base-station: a clone with random K_AMFs: marked frames, SMC MAC-I fails")
    {
    }

  private:
    void DoRun() override
    {
        Net net(0, 100);
        NrSecurityAdversaryHelper adv(net.nr);
        Ptr<NrSecurityGnbNetDevice> own = adv.InstallFalseBaseStation(net.NodeAt(500));
        Ptr<NrSecurityGnbNetDevice> fbs
            = adv.InstallFalseBaseStation(net.NodeAt(90), net.gnbs.Get(0));
        const NrSecurityCellInfo real = net.Gnb()->GetCellInfo();
        NS_TEST_ASSERT_MSG_EQ(fbs->GetCellInfo().pci, real.pci, "cloned PCI");
        NS_TEST_ASSERT_MSG_EQ(fbs->GetCellInfo().arfcnDl, real.arfcnDl, "cloned ARFCN-DL");
        NS_TEST_ASSERT_MSG_EQ(fbs->GetCellInfo().cellIdentity, real.cellIdentity, "CellIdentity");
        NS_TEST_ASSERT_MSG_EQ(fbs->GetCellId(), 3, "a cell id of its own");
        NS_TEST_ASSERT_MSG_EQ(own->GetCellInfo().pci, 2, "own identity: PCI = cell id");
        NS_TEST_ASSERT_MSG_EQ(fbs->IsAdversary(), true, "FalseBaseStation");
        Ptr<NrSecurityAmf> amf = adv.GetFalseBaseStationAmf();
        NS_TEST_ASSERT_MSG_EQ(amf->HasUe(1), true, "the FBS AMF knows UE 1");
        NS_TEST_ASSERT_MSG_EQ(
            (amf->GetUe(1).kAmf != net.Ue()->GetRrc()->GetKamf()), true, "but not its K_AMF");
        net.nr->Attach(net.ues, fbs);
        net.Run(Seconds(1));
        NS_TEST_ASSERT_MSG_GT(net.ueRx.size(), 1u, "RRCSetup and SMC from the FBS");
        bool marked = true;
        for (const auto& f : net.ueRx)
        {
            marked = marked && f.origin == NrSecurityFrameOrigin::FALSE_BASE_STATION;
        }
        NS_TEST_ASSERT_MSG_EQ(marked, true, "every frame marked FALSE_BASE_STATION");
        NS_TEST_ASSERT_MSG_EQ(net.Ue()->GetRrc()->IsSecurityActive(), false, "never secured");
        NS_TEST_ASSERT_MSG_EQ(net.Ue()->GetRrc()->GetIntegrityFailures(), 1u, "SMC MAC-I failed");
        Simulator::Destroy();
    }
};

/// dataset
class DatasetTestCase : public TestCase
{
  public:
    DatasetTestCase()
        : TestCase("dataset: one CSV row and one pcap frame per frame, relayed ones labelled")
    {
    }

  private:
    void DoRun() override
    {
        const std::string dir = TempDir("dataset");
        Net net(0, 100);
        NrSecurityAdversaryHelper adv(net.nr);
        Ptr<NrSecurityMitmRelay> relay = adv.InstallRelay(net.NodeAt(90), net.gnbs.Get(0));
        adv.EnableDataset(dir + "/ds", "mitm");
        net.nr->EnableTraces(dir + "/traces.csv");
        net.nr->Attach(net.ues, relay);
        net.Run(Seconds(1));
        const size_t relayed = net.CountSent(NrSecurityFrameOrigin::RELAYED);
        const size_t frames = net.sent.size();
        Simulator::Destroy();

        std::ifstream csv(dir + "/ds.csv");
        std::string line;
        std::getline(csv, line);
        NS_TEST_ASSERT_MSG_EQ(line,
                              "frame,time_s,cell_id,ue_id,rb,direction,attempt,bytes,origin,label,"
                              "rx_power_dbm,outcome",
                              "header");
        size_t rows = 0;
        size_t mitm = 0;
        size_t notServing = 0;
        bool consistent = true;
        while (std::getline(csv, line))
        {
            ++rows;
            std::vector<std::string> c;
            std::stringstream ss(line);
            for (std::string field; std::getline(ss, field, ',');)
            {
                c.push_back(field);
            }
            consistent = consistent && c.size() == 12 && c[0] == std::to_string(rows);
            if (c.size() == 12 && c[9] == "mitm")
            {
                ++mitm;
                consistent = consistent && c[8] == "relayed" && c[11] == "delivered";
            }
            notServing += c.size() == 12 && c[11] == "not-serving" ? 1 : 0;
        }
        NS_TEST_ASSERT_MSG_EQ(consistent, true, "rows numbered, relayed rows delivered");
        NS_TEST_ASSERT_MSG_EQ(rows, frames, "one row per frame on the channel");
        NS_TEST_ASSERT_MSG_EQ(mitm, relayed, "the relayed frames labelled with the attack");
        // the real gNB's own DL frames reach a UE that listens to the relay cell only
        NS_TEST_ASSERT_MSG_GT(notServing, 0u, "genuine DL frames not served");
        const auto pcap = ReadPcap(dir + "/ds.pcap");
        NS_TEST_ASSERT_MSG_EQ(pcap.size(), rows, "the same frames in the pcap");
        size_t dscp3 = 0;
        size_t dscpOther = 0;
        for (const auto& f : pcap)
        {
            dscp3 += (f.at(1) >> 2) == 3 ? 1 : 0;
            dscpOther += (f.at(1) >> 2) != 3 && f.at(1) != 0 ? 1 : 0;
        }
        NS_TEST_ASSERT_MSG_EQ(dscp3, relayed, "DSCP 3 = relayed");
        NS_TEST_ASSERT_MSG_EQ(dscpOther, 0u, "every other frame DSCP 0");
        // the per-PDU CSV: everything the UE and the gNB received came through the relay
        std::ifstream pdus(dir + "/traces-pdus.csv");
        std::getline(pdus, line);
        NS_TEST_ASSERT_MSG_EQ(line.substr(line.rfind(',') + 1), "origin", "origin column");
        std::map<std::string, size_t> byOrigin;
        while (std::getline(pdus, line))
        {
            const bool tx = line.find(",transmitted,") != std::string::npos;
            ++byOrigin[(tx ? "tx:" : "rx:") + line.substr(line.rfind(',') + 1)];
        }
        NS_TEST_ASSERT_MSG_GT(byOrigin["rx:relayed"], 5u, "received PDUs marked relayed");
        NS_TEST_ASSERT_MSG_GT(byOrigin["tx:legitimate"], 5u, "sent PDUs legitimate");
        NS_TEST_ASSERT_MSG_EQ(byOrigin.size(), 2u, "nothing else (" << byOrigin.size() << ")");
    }
};

/// pcap-origin
class PcapOriginTestCase : public TestCase
{
  public:
    PcapOriginTestCase()
        : TestCase("pcap-origin: the origin is the IPv4 DSCP (RFC 2474), the header checksum holds")
    {
    }

  private:
    void DoRun() override
    {
        NrSecurityPcapFrameInfo info;
        info.type = NrSecurityRbType::SRB0;
        info.rbId = 0;
        info.macIPresent = false;
        const uint8_t msg[] = {0x10, 0x20, 0x30};
        for (uint8_t o = 0; o <= 5; ++o)
        {
            info.origin = o;
            const std::vector<uint8_t> f = NrSecurityPcapWriter::BuildFrame(info, msg, 3);
            NS_TEST_ASSERT_MSG_EQ(unsigned(f[1]), unsigned(o << 2), "TOS = DSCP << 2");
            uint32_t sum = 0;
            for (size_t i = 0; i < 20; i += 2)
            {
                sum += (f[i] << 8) | f[i + 1];
            }
            while (sum >> 16)
            {
                sum = (sum & 0xffff) + (sum >> 16);
            }
            NS_TEST_ASSERT_MSG_EQ(sum, 0xffffu, "IPv4 header checksum");
        }
        info.origin = 6;
        bool threw = false;
        try
        {
            NrSecurityPcapWriter::BuildFrame(info, msg, 3);
        }
        catch (const std::invalid_argument&)
        {
            threw = true;
        }
        NS_TEST_ASSERT_MSG_EQ(threw, true, "origin 6 refused");
    }
};

/// The suite.
class NrSecurityAdversaryTestSuite : public TestSuite
{
  public:
    NrSecurityAdversaryTestSuite()
        : TestSuite("nr-security-adversary", NrSecurityTestType::UNIT)
    {
        AddTestCase(new KeystreamReuseTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new PcapOriginTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new SnifferSensitivityTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new SnifferDecipherTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new InjectorMarkedTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new OvershadowTestCase(true), NrSecurityTestDuration::QUICK);
        AddTestCase(new OvershadowTestCase(false), NrSecurityTestDuration::QUICK);
        AddTestCase(new RelayTestCase(RelayMode::NONE), NrSecurityTestDuration::QUICK);
        AddTestCase(new RelayTestCase(RelayMode::DROP_DL_SRB1), NrSecurityTestDuration::QUICK);
        AddTestCase(new RelayTestCase(RelayMode::DELAY), NrSecurityTestDuration::QUICK);
        AddTestCase(new RelayTestCase(RelayMode::REWRITE_SMC), NrSecurityTestDuration::QUICK);
        AddTestCase(new JammerTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new FalseBaseStationTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new DatasetTestCase, NrSecurityTestDuration::QUICK);
    }
};

/// the suite's instance
static NrSecurityAdversaryTestSuite g_nrSecurityAdversaryTestSuite;

} // namespace
