// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Cases of the nr-security-handover suite on what both ends of a handover must agree on: the
 * algorithms (the UE keeps them: no securityConfig, TS 38.331 5.3.5.4), each kept DRB's
 * integrityProtection and cipheringDisabled (TS 33.501 6.6.1), the AMF's NG peers for PATH
 * SWITCH REQUEST (TS 38.413 8.4.4) and the bearers suspended by a re-establishment (TS 38.331
 * 5.3.5.3, 5.3.7). Registered by NrSecurityHandoverTestSuite (HandoverAgreementTestCases).
 */
#include "nr-security-handover-test-scenario.h"
#include "nr-security-test-events.h"
#include "ns3/boolean.h"
#include "ns3/nr-security-rrc-message.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <algorithm>

namespace ns3
{
namespace nrsecuritytest
{
namespace
{

/// Cell 1 (PCI 7), cell 2 (PCI 1), cell 3 (PCI 500, FR2), as in the suite.
const std::vector<HoCell> CELLS = {{7, 632628}, {1, 632628}, {500, 2079167}};

/// \return how many strings of v contain what
size_t
CountOf(const std::vector<std::string>& v, const std::string& what)
{
    return std::count_if(v.begin(),
                         v.end(),
                         [&what](const std::string& s)
                         { return s.find(what) != std::string::npos; });
}

/// Records the strings of a trace with (ueId, step, detail).
void
Record(std::vector<std::string>* v, uint32_t, const std::string& step, const std::string& detail)
{
    v->push_back(step + ": " + detail);
}

/// Counts PATH SWITCH REQUEST ACKNOWLEDGEs.
void
OnAck(uint32_t* n, uint32_t, NrSecurityPathSwitchAck)
{
    ++*n;
}

/**
 * N2 handover between gNBs with different priority lists (TS 33.501 6.9.2.3.3, 6.7.3.0; TS
 * 38.331 5.3.5.4: the command carries no securityConfig, so the UE keeps NEA2/NIA2). A target
 * preferring NEA1/NIA1 that also allows NEA2/NIA2 keeps the source's pair: the same algorithms
 * at both ends and traffic without loss. A target allowing only NEA1/NIA1 answers HANDOVER
 * FAILURE: the source gets HANDOVER PREPARATION FAILURE, the UE keeps its K_gNB, its cell and
 * its traffic.
 */
class N2AlgorithmsTestCase : public TestCase
{
  public:
    N2AlgorithmsTestCase()
        : TestCase("n2-algorithms: the target keeps the source's NEA2 and NIA2 or refuses")
    {
    }

  private:
    void DoRun() override
    {
        for (bool allowed : {true, false})
        {
            HoScenario s(CELLS);
            s.Gnb(2)->SetAttribute("CipheringPriority",
                                   StringValue(allowed ? "NEA1,NEA2" : "NEA1"));
            s.Gnb(2)->SetAttribute("IntegrityPriority",
                                   StringValue(allowed ? "NIA1,NIA2" : "NIA1"));
            s.StartTraffic(MilliSeconds(100));
            s.trafficStop = MilliSeconds(400);
            NrSecurityTestSchedule(MilliSeconds(200),
                                   [&s]()
                                   { s.Gnb(1)->Handover(1, 2, NrSecurityHandoverType::N2); });
            s.Run(MilliSeconds(600));
            const std::string c = allowed ? "NEA2/NIA2 allowed: " : "NIA2 not allowed: ";
            NS_TEST_EXPECT_MSG_EQ(
                (s.ue->GetCiphering() == NrSecurityCiphering::NEA2), true, c << "UE keeps NEA2");
            NS_TEST_EXPECT_MSG_EQ(
                (s.ue->GetIntegrity() == NrSecurityIntegrity::NIA2), true, c << "UE keeps NIA2");
            const NrSecurityGnbUeContext* t = s.Gnb(2)->GetUeContext(1);
            if (allowed)
            {
                NS_TEST_ASSERT_MSG_EQ((t != nullptr), true, c << "target context");
                NS_TEST_EXPECT_MSG_EQ((t->nea == NrSecurityCiphering::NEA2), true, c << "target");
                NS_TEST_EXPECT_MSG_EQ((t->nia == NrSecurityIntegrity::NIA2), true, c << "target");
                NS_TEST_EXPECT_MSG_EQ(s.Gnb(2)->GetHandoversCompleted(), 1u, c << "completed");
                NS_TEST_EXPECT_MSG_EQ(s.ue->GetServingCell().cellId, 2, c << "UE in cell 2");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(
                    CountOf(s.gnbEvents,
                            "gnb1:handover-preparation-failure: the source's algorithms (NEA2, "
                            "NIA2) are not allowed in this cell"),
                    1u,
                    c << "HANDOVER PREPARATION FAILURE");
                NS_TEST_EXPECT_MSG_EQ(s.EpochsAt("ue").size(), 1u, c << "UE keeps K_gNB");
                NS_TEST_EXPECT_MSG_EQ(s.ue->GetServingCell().cellId, 1, c << "UE in cell 1");
            }
            NS_TEST_EXPECT_MSG_EQ(s.integrity.size(), 0u, c << "no integrity failure");
            NS_TEST_EXPECT_MSG_EQ(s.TxRefused(), 0u, c << "no COUNT refused");
            NS_TEST_EXPECT_MSG_GT(s.ulSent.size(), 100u, c << "uplink traffic flowed");
            NS_TEST_EXPECT_MSG_EQ(s.Missing(s.ulSent, s.ulReceived), 0u, c << "no UL SDU lost");
            NS_TEST_EXPECT_MSG_EQ(s.Missing(s.dlSent, s.dlReceived), 0u, c << "no DL SDU lost");
        }
    }
};

/**
 * N2 handover of a session with UP integrity PREFERRED (TS 33.501 6.6.1, 6.6.2): the target
 * rebuilds DRB1 with the source's decision, which the UE keeps, instead of re-deciding it.
 * Source without UpIntegritySupported (DRB1 integrity off), target with it: the target's DRB1
 * has no integrity either, traffic flows. Source with it (DRB1 integrity on), target without:
 * the target cannot provide it and refuses; the UE keeps its keys and traffic.
 */
class N2UpSecurityTestCase : public TestCase
{
  public:
    N2UpSecurityTestCase()
        : TestCase("n2-up-security: the target keeps the source's DRB integrity decision or "
                   "refuses")
    {
    }

  private:
    void DoRun() override
    {
        for (bool sourceIntegrity : {false, true})
        {
            HoScenario s(CELLS);
            NrSecurityAmfUeContext ctx;
            ctx.kAmf = s.kAmf;
            NrSecurityPduSession ps;
            ps.integrity = NrSecurityUpPolicy::PREFERRED;
            ctx.pduSessions = {ps};
            s.amf->AddUe(1, ctx); // before the attach at 10 ms
            s.Gnb(1)->SetAttribute("UpIntegritySupported", BooleanValue(sourceIntegrity));
            s.Gnb(2)->SetAttribute("UpIntegritySupported", BooleanValue(!sourceIntegrity));
            s.StartTraffic(MilliSeconds(100));
            s.trafficStop = MilliSeconds(400);
            NrSecurityTestSchedule(MilliSeconds(200),
                                   [&s]()
                                   { s.Gnb(1)->Handover(1, 2, NrSecurityHandoverType::N2); });
            s.Run(MilliSeconds(600));
            const std::string c = sourceIntegrity ? "integrity on: " : "integrity off: ";
            const auto drbs = s.ue->GetDrbConfigs();
            NS_TEST_ASSERT_MSG_EQ(drbs.size(), 1u, c << "UE DRBs");
            NS_TEST_EXPECT_MSG_EQ(drbs[0].integrityProtection, sourceIntegrity, c << "UE DRB1");
            if (!sourceIntegrity)
            {
                const NrSecurityGnbUeContext* t = s.Gnb(2)->GetUeContext(1);
                NS_TEST_ASSERT_MSG_EQ((t != nullptr && t->drbs.count(1) == 1), true, c << "DRB1");
                NS_TEST_EXPECT_MSG_EQ(t->drbs.at(1)->GetDrbConfig().integrityProtection,
                                      false,
                                      c << "target DRB1 keeps integrity off");
                NS_TEST_EXPECT_MSG_EQ(s.Gnb(2)->GetHandoversCompleted(), 1u, c << "completed");
                NS_TEST_EXPECT_MSG_EQ(s.ue->GetServingCell().cellId, 2, c << "UE in cell 2");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(CountOf(s.gnbEvents,
                                              "gnb2:handover-request-refused: DRB1 has UP "
                                              "integrity protection active and this gNB cannot "
                                              "provide it"),
                                      1u,
                                      c << "target refused");
                NS_TEST_EXPECT_MSG_EQ(s.EpochsAt("ue").size(), 1u, c << "UE keeps K_gNB");
                NS_TEST_EXPECT_MSG_EQ(s.ue->GetServingCell().cellId, 1, c << "UE in cell 1");
            }
            NS_TEST_EXPECT_MSG_EQ(s.integrity.size(), 0u, c << "no integrity failure");
            NS_TEST_EXPECT_MSG_EQ(s.TxRefused(), 0u, c << "no COUNT refused");
            NS_TEST_EXPECT_MSG_GT(s.dlSent.size(), 100u, c << "downlink traffic flowed");
            NS_TEST_EXPECT_MSG_EQ(s.Missing(s.ulSent, s.ulReceived), 0u, c << "no UL SDU lost");
            NS_TEST_EXPECT_MSG_EQ(s.Missing(s.dlSent, s.dlReceived), 0u, c << "no DL SDU lost");
        }
    }
};

/**
 * The UE refuses, unable to comply, a handover command whose kept DRB1 changes
 * integrityProtection or cipheringDisabled (TS 38.331 6.3.2 PDCP-Config: neither changes
 * once the DRB is set up): counted, traced, nothing applied (no K_gNB*, no cell switch).
 * And the AMF refuses PATH SWITCH REQUEST for an unregistered target cell (TS 38.413 8.4.4):
 * counted, traced MobilityRefused, the NH chain not advanced.
 */
class CommandDrbChangeTestCase : public TestCase
{
  public:
    CommandDrbChangeTestCase()
        : TestCase("handover-drb-change: UE refuses a kept DRB's changed UP security; AMF "
                   "refuses a path switch to an unregistered cell")
    {
    }

  private:
    void DoRun() override
    {
        HoScenario s(CELLS);
        std::vector<std::string> amfRefused;
        s.amf->TraceConnectWithoutContext("MobilityRefused",
                                          MakeBoundCallback(&Record, &amfRefused));
        bool pathSwitch = true;
        uint32_t acks = 0;
        uint64_t ueRefusedBefore = 0;
        s.StartTraffic(MilliSeconds(100));
        s.trafficStop = MilliSeconds(400);
        NrSecurityTestSchedule(
            MilliSeconds(200),
            [&]()
            {
                ueRefusedBefore = s.ue->GetRefusedMessages();
                NrSecurityReconfigurationWithSync sync;
                sync.targetPci = 1; // cell 2: reachable
                sync.ssbArfcn = 632628;
                sync.newUeIdentity = 1;
                NrSecurityMasterKeyUpdate mku;
                mku.nextHopChainingCount = s.ue->GetNcc();
                for (int field = 0; field < 2; ++field)
                {
                    NrSecurityRadioBearerConfig rbc;
                    rbc.srbsToAdd = {1, 2};
                    rbc.srbReestablishPdcp = true;
                    for (NrSecurityDrbConfig d : s.ue->GetDrbConfigs())
                    {
                        d.reestablishPdcp = true;
                        (field == 0 ? d.integrityProtection : d.cipheringDisabled) ^= true;
                        rbc.drbsToAdd.push_back(d);
                    }
                    s.Gnb(1)->SendDlDcch(1,
                                         NrSecurityRrcMessage::EncodeRrcReconfiguration(
                                             uint8_t(1 + field), rbc, &sync, &mku));
                }
            });
        NrSecurityTestSchedule(
            MilliSeconds(300),
            [&]()
            { pathSwitch = s.amf->PathSwitchRequest(1, 9, MakeBoundCallback(&OnAck, &acks)); });
        s.Run(MilliSeconds(600));
        NS_TEST_EXPECT_MSG_EQ(
            CountOf(s.refused,
                    "ue:rrcReconfiguration:unable to comply: DRB1 is kept with a changed "
                    "integrityProtection or cipheringDisabled"),
            2u,
            "both commands refused");
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetRefusedMessages() - ueRefusedBefore, 2u, "counted");
        NS_TEST_EXPECT_MSG_EQ(s.EpochsAt("ue").size(), 1u, "no K_gNB* applied");
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetServingCell().cellId, 1, "UE still in cell 1");
        NS_TEST_EXPECT_MSG_EQ(s.ue->IsHandoverInProgress(), false, "nothing half-done");
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetDrbConfigs().at(0).integrityProtection, true, "DRB1");
        NS_TEST_EXPECT_MSG_EQ(s.integrity.size(), 0u, "no integrity failure");
        NS_TEST_EXPECT_MSG_EQ(s.Missing(s.ulSent, s.ulReceived), 0u, "no uplink SDU lost");
        NS_TEST_EXPECT_MSG_EQ(s.Missing(s.dlSent, s.dlReceived), 0u, "no downlink SDU lost");

        NS_TEST_EXPECT_MSG_EQ(pathSwitch, false, "PATH SWITCH REQUEST from cell 9 refused");
        NS_TEST_EXPECT_MSG_EQ(s.amf->GetMobilityRefusedCount(), 1u, "counted");
        NS_TEST_EXPECT_MSG_EQ(
            CountOf(amfRefused, "PathSwitchRequest: unknown target cell 9"), 1u, "traced");
        NS_TEST_EXPECT_MSG_EQ(s.amf->GetNhChain(1)->GetIndex(), 1u, "chain not advanced");
        NS_TEST_EXPECT_MSG_EQ(acks, 0u, "no PATH SWITCH REQUEST ACKNOWLEDGE");
    }
};

/**
 * A handover command as the first RRCReconfiguration after a re-establishment (TS 38.331
 * 5.3.7.5, 5.3.5.3: that reconfiguration resumes SRB2 and the suspended DRBs, with or without
 * reconfigurationWithSync; 5.3.5.4 does not exclude it): the UE re-establishes every bearer
 * with the new keys and resumes them. The command is an intra-cell one the gNB sends between
 * the UE's RRCReestablishmentComplete and its own RRCReconfiguration.
 */
class HandoverAfterReestablishmentTestCase : public TestCase
{
  public:
    HandoverAfterReestablishmentTestCase()
        : TestCase("handover-after-reestablishment: reconfigurationWithSync resumes the "
                   "suspended bearers")
    {
    }

  private:
    /// What the test sees of the UE.
    struct Probe
    {
        HoScenario* s = nullptr;         ///< the scenario
        std::vector<std::string> conn;   ///< UE ConnectionEvent
        std::vector<std::string> seen;   ///< conn when the command has been handled
        bool suspendedAtCommand = false; ///< "t311-start" before the command
    };

    /// Cell selection: cell 1.
    static bool SelectCell(HoScenario* s, NrSecurityCellInfo& out)
    {
        out = s->Gnb(1)->GetCellInfo();
        s->serving = 1;
        return true;
    }

    /// RrcMessage of gNB 1: the command reaches the UE 2.5 ms after RRCReestablishment is
    /// sent (after the UE's RRCReestablishmentComplete, before the gNB's RRCReconfiguration
    /// at 3 ms); the UE is looked at 2.7 ms after, then the run stops.
    static void OnGnbMsg(Probe* p,
                         uint32_t,
                         const std::string& dir,
                         const std::string& name,
                         const std::vector<uint8_t>&,
                         const std::string&,
                         const std::string&)
    {
        if (dir == "tx" && name == "rrcReestablishment")
        {
            Simulator::Schedule(MicroSeconds(1500), &Inject, p);
            Simulator::Schedule(MicroSeconds(2700), &Check, p);
        }
    }

    static void Inject(Probe* p)
    {
        NrSecurityRadioBearerConfig rbc;
        rbc.srbsToAdd = {1, 2};
        rbc.srbReestablishPdcp = true;
        for (NrSecurityDrbConfig d : p->s->ue->GetDrbConfigs())
        {
            d.reestablishPdcp = true;
            rbc.drbsToAdd.push_back(d);
        }
        NrSecurityReconfigurationWithSync sync;
        sync.targetPci = 7; // intra-cell
        sync.ssbArfcn = 632628;
        sync.newUeIdentity = 1;
        NrSecurityMasterKeyUpdate mku;
        mku.nextHopChainingCount = p->s->ue->GetNcc();
        p->suspendedAtCommand = CountOf(p->conn, "bearers-resumed") == 0;
        p->s->Gnb(1)->SendDlDcch(
            1, NrSecurityRrcMessage::EncodeRrcReconfiguration(3, rbc, &sync, &mku));
    }

    static void Check(Probe* p)
    {
        p->seen = p->conn;
        Simulator::Stop();
    }

    void DoRun() override
    {
        HoScenario s(CELLS);
        Probe p;
        p.s = &s;
        s.ue->SetCellSelectionCallback(MakeBoundCallback(&SelectCell, &s));
        s.ue->TraceConnectWithoutContext("ConnectionEvent", MakeBoundCallback(&Record, &p.conn));
        s.Gnb(1)->TraceConnectWithoutContext("RrcMessage", MakeBoundCallback(&OnGnbMsg, &p));
        NrSecurityTestSchedule(MilliSeconds(200), [&s]() { s.ue->RadioLinkFailure(); });
        s.Run(MilliSeconds(400));
        std::string all;
        for (const auto& x : p.seen)
        {
            all += x + "\n";
        }
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetReestablishments(), 1u, "one re-establishment");
        NS_TEST_EXPECT_MSG_EQ(p.suspendedAtCommand, true, "bearers suspended at the command");
        NS_TEST_EXPECT_MSG_EQ(CountOf(s.ueEvents, "handover-done"), 1u, "command applied");
        NS_TEST_EXPECT_MSG_EQ(CountOf(p.seen, "bearers-resumed"), 1u, "resumed:\n" << all);
    }
};

} // namespace

std::vector<TestCase*>
HandoverAgreementTestCases()
{
    return {new N2AlgorithmsTestCase,
            new N2UpSecurityTestCase,
            new CommandDrbChangeTestCase,
            new HandoverAfterReestablishmentTestCase};
}

} // namespace nrsecuritytest
} // namespace ns3
