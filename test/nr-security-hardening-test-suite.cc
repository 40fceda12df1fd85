// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Hardening against the faults of issue 8, end to end over the simulated air interface. The
 * suite is shared: each engineer's cases live in their own clearly separated section below.
 */
#include "../model/compat/nr-security-ns3-compat.h"
#include "nr-security-smc-test-scenario.h"
#include "nr-security-test-events.h"
#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/error-model.h"
#include "ns3/node-container.h"
#include "ns3/nr-security-helper.h"
#include "ns3/nr-security-xn.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

// ---------------------------------------------------------------------------------------------
// PDCP section (finding 1 of issue 8, end to end)
// ---------------------------------------------------------------------------------------------
/**
 * Integrity bypass through the reordering buffer (TS 38.331 5.3.4.3: once the
 * SecurityModeCommand is verified, "integrity protection shall be applied to all subsequent
 * messages received"; TS 38.323 5.2.2.1: a PDU is verified with COUNT = RCVD_COUNT and
 * discarded on failure).
 *
 * An attacker puts a plaintext downlink PDU with SN 1 and a zero MAC-I on the air just before
 * the genuine SecurityModeCommand (SN 0) arrives. The UE holds it in SRB1's reordering buffer
 * while no security applies; the SMC then switches integrity on from COUNT 1. The forged PDU
 * must be verified with that setting when it is delivered: it is discarded, counted and
 * traced as an integrity failure, never reaches RRC, the SMC completes, and the genuine
 * COUNT 1 PDU the gNB sends later (R1 case P1, 0001 d6cd2f5c bceb89ca) is delivered.
 */
class PdcpBufferedIntegrityBypassTestCase : public TestCase
{
  public:
    PdcpBufferedIntegrityBypassTestCase()
        : TestCase("buffered-pdu-integrity-bypass: a forged SN-1 PDU held before the SMC is "
                   "verified when delivered")
    {
    }

  private:
    /// The forged RRC payload (not an RRC message the gNB ever sends).
    static constexpr const char* FORGED_SDU = "deadbeef";

    void DoRun() override
    {
        Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
        NodeContainer gnbNodes(1);
        NodeContainer ueNodes(1);
        NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes);
        NetDeviceContainer ues = nr->InstallUeDevice(ueNodes);
        nr->AssignStreams(7);
        nr->SetUeSecurityContext(
            ues.Get(0), NrSecurityAlgorithms::Key256FromBytes(FromHex(R1_K_AMF)), 0);
        m_channel = nr->GetChannel();
        m_channel->AddTap(MakeCallback(&PdcpBufferedIntegrityBypassTestCase::OnAir, this));
        Ptr<NrSecurityUeRrc> ue = DynamicCast<NrSecurityUeNetDevice>(ues.Get(0))->GetRrc();
        Ptr<NrSecurityGnbRrc> gnb = DynamicCast<NrSecurityGnbNetDevice>(gnbs.Get(0))->GetRrc();
        gnb->SetAttribute("CapabilityEnquiry", StringValue("None")); // SRB1 DL COUNT 1 is ours
        gnb->SetAttribute("SetupBearers", BooleanValue(false));
        ue->TraceConnectWithoutContext(
            "SduReceived", MakeCallback(&PdcpBufferedIntegrityBypassTestCase::OnUeSdu, this));
        ue->TraceConnectWithoutContext(
            "IntegrityFailure",
            MakeCallback(&PdcpBufferedIntegrityBypassTestCase::OnUeIntegrityFailure, this));
        gnb->TraceConnectWithoutContext(
            "SecurityActivated",
            MakeCallback(&PdcpBufferedIntegrityBypassTestCase::OnActivated, this));
        NrSecurityTestSchedule(MilliSeconds(100),
                               [gnb]() { gnb->SendDlDcch(1, FromHex("28804000")); });
        nr->Attach(ues, gnbs.Get(0));
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(m_injected, true, "the forged PDU was injected");
        NS_TEST_EXPECT_MSG_EQ(m_activations, 1u, "the SMC still completes (gNB side)");
        NS_TEST_EXPECT_MSG_EQ(ue->IsSecurityActive(), true, "the SMC still completes (UE side)");
        bool forgedDelivered = false;
        for (const auto& s : m_ueSdus)
        {
            forgedDelivered = forgedDelivered || s == FORGED_SDU;
        }
        NS_TEST_EXPECT_MSG_EQ(forgedDelivered, false, "the forged SDU never reaches RRC");
        NS_TEST_ASSERT_MSG_EQ(m_ueSdus.size(), 1u, "one SDU delivered to RRC");
        NS_TEST_EXPECT_MSG_EQ(m_ueSdus[0], "28804000", "the genuine COUNT 1 message (P1)");
        NS_TEST_ASSERT_MSG_EQ(m_ueIntegrityFailures.size(), 1u, "one integrity failure traced");
        NS_TEST_EXPECT_MSG_EQ(m_ueIntegrityFailures[0], "1,1", "on SRB1, COUNT 1");
        const NrSecurityPdcpCounters& c = ue->GetSrb1()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.integrityFailures, 1u, "counted at PDCP");
        NS_TEST_EXPECT_MSG_EQ(c.rxDelivered, 2u, "SMC and the genuine COUNT 1 delivered");
        NS_TEST_EXPECT_MSG_EQ(ue->GetSrb1()->GetRxDeliv(), 2u, "RX_DELIV after COUNT 1");
        Simulator::Destroy();
    }

    /// When the genuine SMC (the first downlink PDU) goes on the air, the attacker's PDU is
    /// injected so that it arrives first: SN 1, plaintext, zero MAC-I (TS 38.323 6.2.2.1).
    void OnAir(const NrSecurityAirFrame& f)
    {
        if (f.uplink || m_injected || IsSetupFrame(f))
        {
            return;
        }
        m_injected = true;
        NrSecurityAirFrame forged = f;
        std::vector<uint8_t> b = FromHex(std::string("0001") + FORGED_SDU + "00000000");
        forged.pdu = Create<Packet>(b.data(), static_cast<uint32_t>(b.size()));
        forged.ciphered = false;
        m_channel->Inject(forged, Time(0));
    }

    void OnUeSdu(uint32_t, uint32_t, const std::vector<uint8_t>& sdu)
    {
        m_ueSdus.push_back(ToHex(sdu));
    }

    void OnUeIntegrityFailure(uint32_t, uint8_t rb, uint32_t count, uint32_t, uint32_t)
    {
        m_ueIntegrityFailures.push_back(std::to_string(rb) + "," + std::to_string(count));
    }

    void OnActivated(uint32_t, const std::string&, const std::string&)
    {
        ++m_activations;
    }

    Ptr<NrSecurityChannel> m_channel;
    bool m_injected = false;
    uint32_t m_activations = 0;
    std::vector<std::string> m_ueSdus;
    std::vector<std::string> m_ueIntegrityFailures;
};

/// \return the PDCP section's cases (the suite takes ownership)
std::vector<TestCase*>
PdcpHardeningCases()
{
    return {new PdcpBufferedIntegrityBypassTestCase};
}

// ---------------------------------------------------------------------------------------------
// End of the PDCP section
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// RRC / air / helper section (findings 2, 3, 11 of issue 8 and the output-folder friction)
// ---------------------------------------------------------------------------------------------

/**
 * One gNB and one UE with the R1 context (NEA2/NIA2, uplink NAS COUNT 0, no mobility: slot
 * timing only, 30 kHz SCS): RRC setup takes 3 ms (RRCSetupRequest, RRCSetup, RRCSetupComplete
 * on uplink SRB1 COUNT 0), the SMC leaves the gNB at 8 ms and arrives at 9 ms, the
 * SecurityModeComplete (uplink COUNT 1) leaves at 9 ms and arrives at 10 ms; the gNB stops
 * after the SMC (CapabilityEnquiry None, SetupBearers false). dl and ul hold the frames after
 * RRC setup. Records the traces the cases check.
 */
struct RrcScenario
{
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    NodeContainer gnbNodes{1};
    NodeContainer ueNodes{1};
    NetDeviceContainer gnbs;
    NetDeviceContainer ues;
    std::vector<std::string> dl;          ///< first-attempt downlink PDUs (hex), in order
    std::vector<std::string> ul;          ///< first-attempt uplink PDUs (hex), in order
    std::vector<std::string> gnbFailures; ///< SecurityModeFailure at the gNB
    std::vector<std::string> gnbRefused;  ///< MessageRefused at the gNB: "COUNT:name:reason"
    std::vector<std::string> activations; ///< SecurityActivated at the gNB
    std::vector<std::string> gnbSdus;     ///< SduReceived at the gNB (hex)
    std::vector<std::string> ueSdus;      ///< SduReceived at the UE (hex)

    RrcScenario()
    {
        gnbs = nr->InstallGnbDevice(gnbNodes);
        ues = nr->InstallUeDevice(ueNodes);
        nr->SetUeSecurityContext(
            ues.Get(0), NrSecurityAlgorithms::Key256FromBytes(FromHex(R1_K_AMF)), 0);
        nr->GetChannel()->AddTap(MakeCallback(&RrcScenario::OnAir, this));
        Gnb()->SetAttribute("CapabilityEnquiry", StringValue("None"));
        Gnb()->SetAttribute("SetupBearers", BooleanValue(false));
        Gnb()->TraceConnectWithoutContext("SecurityModeFailure",
                                          MakeCallback(&RrcScenario::OnGnbFailure, this));
        Gnb()->TraceConnectWithoutContext("MessageRefused",
                                          MakeCallback(&RrcScenario::OnGnbRefused, this));
        Gnb()->TraceConnectWithoutContext("SecurityActivated",
                                          MakeCallback(&RrcScenario::OnActivated, this));
        Gnb()->TraceConnectWithoutContext("SduReceived",
                                          MakeCallback(&RrcScenario::OnGnbSdu, this));
        Ue()->TraceConnectWithoutContext("SduReceived", MakeCallback(&RrcScenario::OnUeSdu, this));
    }

    ~RrcScenario()
    {
        Simulator::Destroy();
    }

    Ptr<NrSecurityGnbRrc> Gnb() const
    {
        return DynamicCast<NrSecurityGnbNetDevice>(gnbs.Get(0))->GetRrc();
    }

    Ptr<NrSecurityUeRrc> Ue() const
    {
        return DynamicCast<NrSecurityUeNetDevice>(ues.Get(0))->GetRrc();
    }

    std::string GnbState() const
    {
        return NrSecurityRrcStateName(Gnb()->GetUeContext(1)->state);
    }

    void Run()
    {
        nr->Attach(ues, gnbs.Get(0));
        Simulator::Stop(Seconds(3));
        Simulator::Run();
    }

    void OnAir(const NrSecurityAirFrame& f)
    {
        if (f.attempt == 0 && !IsSetupFrame(f))
        {
            std::vector<uint8_t> b(f.pdu->GetSize());
            f.pdu->CopyData(b.data(), b.size());
            (f.uplink ? ul : dl).push_back(ToHex(b));
        }
    }

    void OnGnbFailure(uint32_t, const std::string& reason)
    {
        gnbFailures.push_back(reason);
    }

    void OnGnbRefused(uint32_t, uint32_t count, const std::string& name, const std::string& why)
    {
        gnbRefused.push_back(std::to_string(count) + ":" + name + ":" + why);
    }

    void OnActivated(uint32_t, const std::string& nea, const std::string& nia)
    {
        activations.push_back(nea + "/" + nia);
    }

    void OnGnbSdu(uint32_t, uint32_t, const std::vector<uint8_t>& sdu)
    {
        gnbSdus.push_back(ToHex(sdu));
    }

    void OnUeSdu(uint32_t, uint32_t, const std::vector<uint8_t>& sdu)
    {
        ueSdus.push_back(ToHex(sdu));
    }
};

/**
 * Downlink ciphering starts too late at the gNB (TS 33.501 6.7.4: "The gNB shall start RRC
 * downlink ciphering after sending the AS SMC message"; TS 38.331 5.3.1.2: the network may send
 * ciphered and integrity-protected messages before it receives the SecurityModeComplete; TS
 * 38.331 5.3.4.3: the UE deciphers everything after the SMC).
 *
 * The gNB sends a DLInformationTransfer (DL-DCCH c1 index 5, 28804000) 0.1 ms after the SMC,
 * while the procedure is pending. It must leave ciphered and integrity-protected with COUNT 1:
 * the R1 case P1 bytes 0001 d6cd2f5c bceb89ca (NEA2 + NIA2, K_RRCenc 941e50db..., K_RRCint
 * 3dc37c61..., BEARER 0, DIRECTION 1); the UE, deciphering from COUNT 1, delivers it with no
 * integrity failure. (Sent in clear, the UE discarded it as an integrity failure.)
 */
class RrcDownlinkCipheringStartTestCase : public TestCase
{
  public:
    RrcDownlinkCipheringStartTestCase()
        : TestCase("late-downlink-ciphering: a DL message sent while the SMC is pending is "
                   "ciphered from SMC COUNT + 1 and delivered")
    {
    }

  private:
    void DoRun() override
    {
        RrcScenario s;
        NrSecurityTestSchedule(
            MicroSeconds(8100),
            [this, &s]()
            {
                NS_TEST_EXPECT_MSG_EQ(s.GnbState(), "SMC_PENDING", "sent while the SMC is pending");
                s.Gnb()->SendDlDcch(1, FromHex("28804000"));
            });
        s.Run();
        NS_TEST_ASSERT_MSG_EQ(s.dl.size(), 2u, "SMC and the DLInformationTransfer");
        NS_TEST_EXPECT_MSG_EQ(s.dl[1], "0001d6cd2f5cbceb89ca", "P1: ciphered + MAC-I, COUNT 1");
        NS_TEST_ASSERT_MSG_EQ(s.ueSdus.size(), 1u, "delivered at the UE");
        NS_TEST_EXPECT_MSG_EQ(s.ueSdus[0], "28804000", "deciphered");
        NS_TEST_EXPECT_MSG_EQ(
            s.Ue()->GetSrb1()->GetCounters().integrityFailures, 0u, "no integrity failure");
        NS_TEST_EXPECT_MSG_EQ(s.activations.size(), 1u, "the procedure completes");
    }
};

/**
 * False release on reordering: ARQ loses the first attempt of the SecurityModeComplete (COUNT
 * 1, after the RRCSetupComplete) and the UE's next uplink message (COUNT 2, ciphered and
 * integrity-protected, TS 38.331 5.3.4.3) overtakes its retransmission. The gNB must not take
 * the early COUNT 2 PDU for a failed SecurityModeComplete: when the retransmitted Complete
 * arrives (15 ms: one ARQ round) the procedure completes and the COUNT 2 message, held in the
 * reordering buffer, is verified
 * and deciphered with the setting that then applies to it (TS 33.501 6.7.4: uplink deciphering
 * after verifying the Complete) and delivered. No release, no integrity failure.
 */
class RrcFalseReleaseReorderedCompleteTestCase : public TestCase
{
  public:
    RrcFalseReleaseReorderedCompleteTestCase()
        : TestCase("false-release-reordering: a ciphered uplink PDU overtaking the retransmitted "
                   "SecurityModeComplete does not release the UE")
    {
    }

  private:
    void DoRun() override
    {
        RrcScenario s;
        Ptr<DropFirstErrorModel> drop = CreateObject<DropFirstErrorModel>();
        drop->m_skip = 2; // RRCSetupRequest, RRCSetupComplete
        s.gnbs.Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(drop));
        NrSecurityTestSchedule(MicroSeconds(9100),
                               [this, &s]()
                               {
                                   NS_TEST_EXPECT_MSG_EQ(
                                       s.Ue()->IsSecurityActive(), true, "after the Complete");
                                   s.Ue()->SendUlDcch(FromHex("fedcba9876543210"));
                               });
        Time activatedAt;
        s.Gnb()->TraceConnectWithoutContext(
            "SecurityActivated",
            MakeBoundCallback(&RrcFalseReleaseReorderedCompleteTestCase::At, &activatedAt));
        s.Run();
        NS_TEST_EXPECT_MSG_EQ(s.gnbFailures.size(), 0u, "no failure traced");
        NS_TEST_EXPECT_MSG_EQ(s.GnbState(), "SECURITY_ACTIVE", "not released");
        NS_TEST_ASSERT_MSG_EQ(s.activations.size(), 1u, "activated");
        NS_TEST_EXPECT_MSG_EQ(activatedAt, MilliSeconds(15), "on the retransmitted Complete");
        NS_TEST_ASSERT_MSG_EQ(s.gnbSdus.size(), 1u, "the overtaking message is delivered");
        NS_TEST_EXPECT_MSG_EQ(s.gnbSdus[0], "fedcba9876543210", "verified and deciphered");
        const NrSecurityPdcpCounters& c = s.Gnb()->GetUeContext(1)->srb1->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.integrityFailures, 0u, "no integrity failure");
        NS_TEST_EXPECT_MSG_EQ(c.rxDelivered, 3u, "RRCSetupComplete, Complete and the message");
        NS_TEST_EXPECT_MSG_EQ(s.gnbRefused.size(), 0u, "nothing refused");
    }

    static void At(Time* t, uint32_t, const std::string&, const std::string&)
    {
        *t = Simulator::Now();
    }
};

/**
 * False release on an early unprotected uplink message: the UE sends an RRC message at 8.2 ms,
 * before it receives the SMC (9 ms), so it goes out unprotected with COUNT 1 (COUNT 0 was the
 * RRCSetupComplete) and a zero MAC-I (TS 38.323 6.3.4) and reaches the gNB at 9.5 ms, after the
 * gNB sent the SMC. Integrity applies to the UE's uplink only from the SecurityModeComplete
 * (COUNT 2, TS 38.331 5.3.4.3):
 * the early message is delivered as before the SMC and the procedure completes with the
 * Complete at COUNT 1. A PDU with a MAC-I that arrives before the Complete is verified cannot
 * be checked: it is refused (MessageRefused, counted), not delivered, and releases nothing.
 */
class RrcFalseReleasePreSmcUplinkTestCase : public TestCase
{
  public:
    RrcFalseReleasePreSmcUplinkTestCase()
        : TestCase("false-release-pre-smc-uplink: an unprotected uplink message sent before the "
                   "SMC arrived does not release the UE")
    {
    }

  private:
    void DoRun() override
    {
        {
            RrcScenario s;
            NrSecurityTestSchedule(MicroSeconds(8200),
                                   [this, &s]()
                                   {
                                       NS_TEST_EXPECT_MSG_EQ(s.Ue()->GetSrb1()->IsIntegrityActive(),
                                                             false,
                                                             "before SMC");
                                       s.Ue()->SendUlDcch(FromHex("fedcba9876543210"));
                                   });
            std::vector<std::string> steps;
            s.Gnb()->TraceConnectWithoutContext(
                "SmcStep", MakeBoundCallback(&RrcFalseReleasePreSmcUplinkTestCase::Step, &steps));
            s.Run();
            NS_TEST_ASSERT_MSG_EQ(s.ul.size(), 2u, "the early message and the Complete");
            NS_TEST_EXPECT_MSG_EQ(s.ul[0], "0001fedcba987654321000000000", "unprotected, COUNT 1");
            NS_TEST_EXPECT_MSG_EQ(s.gnbFailures.size(), 0u, "no failure traced");
            NS_TEST_EXPECT_MSG_EQ(s.GnbState(), "SECURITY_ACTIVE", "not released");
            NS_TEST_ASSERT_MSG_EQ(s.gnbSdus.size(), 1u, "the early message is delivered");
            NS_TEST_EXPECT_MSG_EQ(s.gnbSdus[0], "fedcba9876543210", "as sent");
            NS_TEST_ASSERT_MSG_EQ(steps.size(), 4u, "gNB steps");
            NS_TEST_EXPECT_MSG_EQ(
                steps[2], "32:SecurityModeComplete received, integrity verified (COUNT 2)", "");
            NS_TEST_EXPECT_MSG_EQ(
                steps[3],
                "33:uplink integrity verification and deciphering started (from COUNT 3)",
                "");
        }
        {
            // The early message is replaced on the air by a copy with a (forged) MAC-I: it
            // reaches RRC before the Complete and is refused, without a release.
            RrcScenario s;
            s.nr->GetChannel()->SetAttribute("MaxRetransmissions", UintegerValue(0));
            Ptr<DropFirstErrorModel> drop = CreateObject<DropFirstErrorModel>();
            drop->m_skip = 2; // RRCSetupRequest, RRCSetupComplete
            s.gnbs.Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(drop));
            NrSecurityTestSchedule(MicroSeconds(8200),
                                   [&s]() { s.Ue()->SendUlDcch(FromHex("fedcba9876543210")); });
            Ptr<NrSecurityChannel> channel = s.nr->GetChannel();
            bool forged = false;
            channel->AddTap(MakeBoundCallback(
                &RrcFalseReleasePreSmcUplinkTestCase::Forge, PeekPointer(channel), &forged));
            s.Run();
            NS_TEST_ASSERT_MSG_EQ(s.gnbRefused.size(), 1u, "refused");
            NS_TEST_EXPECT_MSG_EQ(s.gnbRefused[0],
                                  "1:unknown:integrity-protected uplink PDU before the "
                                  "SecurityModeComplete was verified",
                                  "the reason");
            NS_TEST_EXPECT_MSG_EQ(s.Gnb()->GetRefusedMessages(), 1u, "counted");
            NS_TEST_EXPECT_MSG_EQ(s.gnbSdus.size(), 0u, "not delivered");
            NS_TEST_EXPECT_MSG_EQ(s.gnbFailures.size(), 0u, "no failure traced");
            NS_TEST_EXPECT_MSG_EQ(forged, true, "forged");
            NS_TEST_EXPECT_MSG_EQ(s.activations.size(), 1u, "the Complete (COUNT 2) completes");
        }
    }

    /// Replaces the first uplink PDU (lost) by a copy whose MAC-I field is 12345678.
    static void Forge(NrSecurityChannel* channel, bool* done, const NrSecurityAirFrame& f)
    {
        if (!f.uplink || *done || IsSetupFrame(f))
        {
            return;
        }
        *done = true;
        std::vector<uint8_t> b(f.pdu->GetSize());
        f.pdu->CopyData(b.data(), b.size());
        const std::vector<uint8_t> mac = FromHex("12345678");
        std::copy(mac.begin(), mac.end(), b.end() - 4);
        NrSecurityAirFrame copy = f;
        copy.pdu = Create<Packet>(b.data(), static_cast<uint32_t>(b.size()));
        channel->Inject(copy, MilliSeconds(1));
    }

    static void Step(std::vector<std::string>* v, uint32_t, uint32_t step, const std::string& w)
    {
        v->push_back(std::to_string(step) + ":" + w);
    }
};

/**
 * Invalid attribute values accepted by the checker and failing later inside an event (a
 * SubcarrierSpacing of 45 kHz aborted the run at the first transmission): the checkers of the
 * channel and RRC attributes accept exactly what the model can use, so a bad value is refused
 * when it is set. SubcarrierSpacing: 15, 30, 60 or 120 kHz (TS 38.211 4.2, 4.3.2, the
 * numerologies with slots here); CipheringPriority / IntegrityPriority: non-empty lists of
 * NEA0..3 / NIA0..3 (TS 33.501 5.11.1). The helper refuses them at the Set...Attribute call
 * with std::invalid_argument naming the attribute.
 */
class RrcAttributeRefusedWhenSetTestCase : public TestCase
{
  public:
    RrcAttributeRefusedWhenSetTestCase()
        : TestCase("invalid-attribute-accepted: bad SubcarrierSpacing, priority lists, UE NAS "
                   "message and bands are refused when set")
    {
    }

  private:
    /// \return "refused", "accepted" or "threw: ..." for SetAttributeFailSafe
    static std::string Try(Ptr<Object> o, const std::string& name, const AttributeValue& v)
    {
        try
        {
            return o->SetAttributeFailSafe(name, v) ? "accepted" : "refused";
        }
        catch (const std::exception& e)
        {
            return std::string("threw: ") + e.what();
        }
    }

    void DoRun() override
    {
        Ptr<NrSecurityChannel> ch = CreateObject<NrSecurityChannel>();
        for (uint32_t scs : {0u, 14u, 45u, 90u, 121u, 240u})
        {
            NS_TEST_EXPECT_MSG_EQ(Try(ch, "SubcarrierSpacing", UintegerValue(scs)),
                                  "refused",
                                  "SubcarrierSpacing " << scs);
        }
        NS_TEST_EXPECT_MSG_EQ(Try(ch, "SubcarrierSpacing", StringValue("45")), "refused", "45");
        UintegerValue now;
        ch->GetAttribute("SubcarrierSpacing", now);
        NS_TEST_EXPECT_MSG_EQ(now.Get(), 30u, "value unchanged");
        for (uint32_t scs : {15u, 30u, 60u, 120u})
        {
            NS_TEST_EXPECT_MSG_EQ(Try(ch, "SubcarrierSpacing", UintegerValue(scs)),
                                  "accepted",
                                  "SubcarrierSpacing " << scs);
            NS_TEST_EXPECT_MSG_EQ(ch->GetSlotDuration(), MicroSeconds(15000 / scs), "slot");
        }
        NS_TEST_EXPECT_MSG_EQ(Config::SetDefaultFailSafe(
                                  "ns3::NrSecurityChannel::SubcarrierSpacing", UintegerValue(45)),
                              false,
                              "Config::SetDefault refuses 45 too");

        Ptr<NrSecurityGnbRrc> rrc = CreateObject<NrSecurityGnbRrc>();
        for (const char* bad : {"NEA4", "NEA2,,NEA1", "", "AES", "NIA2"})
        {
            NS_TEST_EXPECT_MSG_EQ(
                Try(rrc, "CipheringPriority", StringValue(bad)), "refused", "'" << bad << "'");
        }
        for (const char* bad : {"NIA9", "NIA2;NIA1", "", "NEA2"})
        {
            NS_TEST_EXPECT_MSG_EQ(
                Try(rrc, "IntegrityPriority", StringValue(bad)), "refused", "'" << bad << "'");
        }
        NS_TEST_EXPECT_MSG_EQ(
            Try(rrc, "CipheringPriority", StringValue("NEA1,2")), "accepted", "NEA1,2");
        StringValue list;
        rrc->GetAttribute("CipheringPriority", list);
        NS_TEST_EXPECT_MSG_EQ(list.Get(), "NEA1,NEA2", "set");
        rrc->GetAttribute("IntegrityPriority", list);
        NS_TEST_EXPECT_MSG_EQ(list.Get(), "NIA2,NIA3,NIA1", "unchanged");

        Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
        NS_TEST_EXPECT_MSG_EQ(
            InvalidArgumentMessage(
                [&]() { nr->SetChannelAttribute("SubcarrierSpacing", UintegerValue(45)); }),
            "SetChannelAttribute: invalid value for SubcarrierSpacing (uint32_t, 15|30|60|120)",
            "helper, channel");
        NS_TEST_EXPECT_MSG_EQ(
            InvalidArgumentMessage(
                [&]() { nr->SetGnbRrcAttribute("CipheringPriority", StringValue("NEA4")); }),
            "SetGnbRrcAttribute: invalid value for CipheringPriority (std::string, "
            "comma-separated NEA0..NEA3 (or 0..3), not empty)",
            "helper, gNB RRC");

        // UE RRC attributes are applied only when a UE device is installed: a bad value must
        // be refused when set, not abort the program at InstallUeDevice.
        Ptr<NrSecurityUeRrc> ue = CreateObject<NrSecurityUeRrc>();
        for (const char* bad : {"zz", "abc", "7e0", ""})
        {
            NS_TEST_EXPECT_MSG_EQ(
                Try(ue, "NasMessage", StringValue(bad)), "refused", "NasMessage '" << bad << "'");
        }
        for (const char* bad : {"abc", "0", "99999", "1025", "78,", ",78", "78,,1", "+78", ""})
        {
            NS_TEST_EXPECT_MSG_EQ(Try(ue, "SupportedBandsNr", StringValue(bad)),
                                  "refused",
                                  "SupportedBandsNr '" << bad << "'");
        }
        NS_TEST_EXPECT_MSG_EQ(
            Try(ue, "SupportedBandsNr", StringValue("1,78,1024")), "accepted", "1,78,1024");
        NS_TEST_EXPECT_MSG_EQ(Try(ue, "NasMessage", StringValue("7e0041")), "accepted", "hex");
        NS_TEST_EXPECT_MSG_EQ(
            InvalidArgumentMessage(
                [&]() { nr->SetUeRrcAttribute("SupportedBandsNr", StringValue("abc")); }),
            "SetUeRrcAttribute: invalid value for SupportedBandsNr (std::string, "
            "comma-separated bands 1..1024)",
            "helper, UE RRC");
        Simulator::Destroy();
    }
};

/**
 * Outputs into a folder that does not exist: EnableTraces, EnablePcap and EnableMsc create the
 * missing folders (and the run writes its files there) instead of terminating the program; a
 * folder that cannot be created is refused at the Enable call with std::runtime_error naming
 * the path, before the run.
 */
class RrcOutputFolderTestCase : public TestCase
{
  public:
    RrcOutputFolderTestCase()
        : TestCase("output-folder-missing: trace, pcap and chart folders are created, an "
                   "impossible one is refused before the run")
    {
    }

  private:
    void DoRun() override
    {
        namespace fs = std::filesystem;
        const fs::path base
            = fs::temp_directory_path() / ("nr-security-hardening-" + std::to_string(getpid()));
        fs::remove_all(base);
        {
            RrcScenario s;
            s.nr->EnableTraces((base / "t" / "u" / "traces.csv").string());
            s.nr->EnablePcap((base / "p" / "q").string());
            s.nr->EnableMsc((base / "m" / "smc.msc").string());
            s.Run();
        }
        for (const fs::path& f : {base / "t" / "u" / "traces.csv",
                                  base / "p" / "q" / "gnb-1.pcap",
                                  base / "p" / "q" / "ue-1.pcap",
                                  base / "p" / "q" / "keys.csv",
                                  base / "m" / "smc.msc"})
        {
            NS_TEST_EXPECT_MSG_EQ(fs::exists(f) && fs::file_size(f) > 0, true, f.string());
        }
        std::ofstream(base / "file").put('x');
        Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
        for (int which = 0; which < 3; ++which)
        {
            std::string error;
            try
            {
                if (which == 0)
                {
                    nr->EnableTraces((base / "file" / "traces.csv").string());
                }
                else if (which == 1)
                {
                    nr->EnablePcap((base / "file" / "pcaps").string());
                }
                else
                {
                    nr->EnableMsc((base / "file" / "smc.msc").string());
                }
            }
            catch (const std::runtime_error& e)
            {
                error = e.what();
            }
            NS_TEST_EXPECT_MSG_NE(
                error.find((base / "file").string()), std::string::npos, "refused: " << error);
        }
        Simulator::Destroy();
        fs::remove_all(base);
    }
};

/**
 * Mobility settings a review of this module found accepted (issue 10), each refused now:
 * neighbouring cells with the same PhysCellId (the UE took a handover command to the other
 * cell as intra-cell and the handover never completed: PCI confusion, TS 38.300 5.2.1), and a
 * KeyRefreshCount reached by connection set-up itself (a refresh during capability transfer
 * left the UE without a DRB; 3 gave back-to-back refreshes).
 */
class MobilitySettingsRefusedTestCase : public TestCase
{
  public:
    MobilitySettingsRefusedTestCase()
        : TestCase("pci-confusion-accepted: Xn refuses two cells with one PhysCellId; "
                   "KeyRefreshCount below 64 refused")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<NrSecurityXn> xn = CreateObject<NrSecurityXn>();
        Ptr<NrSecurityGnbRrc> a = CreateObject<NrSecurityGnbRrc>();
        Ptr<NrSecurityGnbRrc> b = CreateObject<NrSecurityGnbRrc>();
        a->SetCellId(1);
        b->SetCellId(2);
        a->SetAttribute("PhysCellId", UintegerValue(5));
        b->SetAttribute("PhysCellId", UintegerValue(5));
        xn->AddGnbRrc(a);
        std::string error;
        try
        {
            xn->AddGnbRrc(b);
        }
        catch (const std::invalid_argument& e)
        {
            error = e.what();
        }
        NS_TEST_EXPECT_MSG_EQ(error,
                              "NrSecurityXn: cells 1 and 2 both have PhysCellId 5; neighbouring "
                              "cells need distinct PCIs",
                              "same PCI refused");
        b->SetAttribute("PhysCellId", UintegerValue(6));
        xn->AddGnbRrc(b); // distinct: accepted

        for (uint32_t bad : {0u, 1u, 3u, 63u})
        {
            NS_TEST_EXPECT_MSG_EQ(a->SetAttributeFailSafe("KeyRefreshCount", UintegerValue(bad)),
                                  false,
                                  "KeyRefreshCount " << bad);
        }
        NS_TEST_EXPECT_MSG_EQ(a->SetAttributeFailSafe("KeyRefreshCount", UintegerValue(64)),
                              true,
                              "KeyRefreshCount 64");
    }
};

/// \return the RRC section's cases (the suite takes ownership)
std::vector<TestCase*>
RrcHardeningCases()
{
    return {new RrcDownlinkCipheringStartTestCase,
            new RrcFalseReleaseReorderedCompleteTestCase,
            new RrcFalseReleasePreSmcUplinkTestCase,
            new RrcAttributeRefusedWhenSetTestCase,
            new RrcOutputFolderTestCase,
            new MobilitySettingsRefusedTestCase};
}

// ---------------------------------------------------------------------------------------------
// End of the RRC section
// ---------------------------------------------------------------------------------------------

/// The shared suite: each section hands over its own cases.
class NrSecurityHardeningTestSuite : public TestSuite
{
  public:
    NrSecurityHardeningTestSuite()
        : TestSuite("nr-security-hardening")
    {
        for (TestCase* c : PdcpHardeningCases())
        {
            AddTestCase(c, NrSecurityTestDuration::QUICK);
        }
        for (TestCase* c : RrcHardeningCases())
        {
            AddTestCase(c, NrSecurityTestDuration::QUICK);
        }
    }
};

NrSecurityHardeningTestSuite g_nrSecurityHardeningTestSuite;

} // namespace
