// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Hardening against the faults of issue 8, end to end over the simulated air interface. The
 * suite is shared: each engineer's cases live in their own clearly separated section below.
 */
#include "nr-security-test-vectors.h"
#include "ns3/config.h"
#include "ns3/error-model.h"
#include "ns3/node-container.h"
#include "ns3/nr-security-helper.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

// ---------------------------------------------------------------------------------------------
// PDCP section (finding 1 of issue 8, end to end)
// ---------------------------------------------------------------------------------------------

/// The project's reference context R1: K_AMF, uplink NAS COUNT 0.
const char* const PDCP_R1_K_AMF
    = "d655f16142035d4d72ca39583d228d2dd2ec0ca7929ad007f53b382d05544405";

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
            ues.Get(0), NrSecurityAlgorithms::Key256FromBytes(FromHex(PDCP_R1_K_AMF)), 0);
        m_channel = nr->GetChannel();
        m_channel->AddTap(MakeCallback(&PdcpBufferedIntegrityBypassTestCase::OnAir, this));
        Ptr<NrSecurityUeRrc> ue = DynamicCast<NrSecurityUeNetDevice>(ues.Get(0))->GetRrc();
        Ptr<NrSecurityGnbRrc> gnb = DynamicCast<NrSecurityGnbNetDevice>(gnbs.Get(0))->GetRrc();
        ue->TraceConnectWithoutContext(
            "SduReceived", MakeCallback(&PdcpBufferedIntegrityBypassTestCase::OnUeSdu, this));
        ue->TraceConnectWithoutContext(
            "IntegrityFailure",
            MakeCallback(&PdcpBufferedIntegrityBypassTestCase::OnUeIntegrityFailure, this));
        gnb->TraceConnectWithoutContext(
            "SecurityActivated",
            MakeCallback(&PdcpBufferedIntegrityBypassTestCase::OnActivated, this));
        Simulator::Schedule(MilliSeconds(100),
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
        if (f.uplink || m_injected)
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

    void OnUeSdu(uint16_t, uint32_t, const std::vector<uint8_t>& sdu)
    {
        m_ueSdus.push_back(ToHex(sdu));
    }

    void OnUeIntegrityFailure(uint16_t, uint8_t rb, uint32_t count, uint32_t, uint32_t)
    {
        m_ueIntegrityFailures.push_back(std::to_string(rb) + "," + std::to_string(count));
    }

    void OnActivated(uint16_t, const std::string&, const std::string&)
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


/// The shared suite: each section hands over its own cases.
class NrSecurityHardeningTestSuite : public TestSuite
{
  public:
    NrSecurityHardeningTestSuite()
        : TestSuite("nr-security-hardening")
    {
        for (TestCase* c : PdcpHardeningCases())
        {
            AddTestCase(c, TestCase::QUICK);
        }
    }
};

NrSecurityHardeningTestSuite g_nrSecurityHardeningTestSuite;

} // namespace
