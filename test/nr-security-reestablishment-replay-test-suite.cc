// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Test cases of suite nr-security-reestablishment (registered there): replayed
 * RRCResumeRequest / RRCReestablishmentRequest (they carry no freshness, TS 38.331 6.2.2), the
 * context handed over once by XnAP RETRIEVE UE CONTEXT (TS 38.423 8.2.4), the UE deleting
 * K_gNB on a fresh NCC (TS 33.501 6.8.2.1.1), the NH index of a horizontal derivation, and
 * bad peer input in RETRIEVE UE CONTEXT REQUEST. Expected keys from the OpenSSL oracle of
 * nr-security-reestablishment-test-scenario.h.
 */
#include "nr-security-reestablishment-test-scenario.h"
#include "nr-security-test-events.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{
namespace nrsecuritytest
{
namespace recovery
{
namespace
{

/// Injects a captured UL-CCCH message (an RRC request) at a gNB as if from the UE.
void
InjectUlCcch(Ptr<NrSecurityGnbRrc> g, uint32_t ueId, std::vector<uint8_t> bytes)
{
    NrSecurityRbPdu p;
    p.type = NrSecurityRbType::SRB0;
    p.rbId = 0;
    p.pdu = Create<Packet>(bytes.data(), uint32_t(bytes.size()));
    g->ReceivePdu(ueId, p);
}

/// Calls `f` (once) when gNB `g` fires ConnectionEvent `event`.
void
OnGnbEvent(Ptr<NrSecurityGnbRrc> g, const std::string& event, std::function<void()> f)
{
    auto armed = std::make_shared<bool>(true);
    g->TraceConnectWithoutContext(
        "ConnectionEvent",
        NrSecurityTestCallback<void, uint32_t, const std::string&, const std::string&>(
            [armed, event, f](uint32_t, const std::string& e, const std::string&)
            {
                if (*armed && e == event)
                {
                    *armed = false;
                    NrSecurityTestScheduleNow(f);
                }
            }));
}

/// Records every PDU a PDCP entity of the RRC transmits, by bearer, keys and COUNT; a
/// different PDU for the same bearer, keys and COUNT is a keystream / COUNT reuse.
struct CountReuseRecorder
{
    std::map<std::string, std::string> sent; ///< "rb|K_enc|K_int|COUNT" -> PDU hex
    uint32_t reuses = 0;                     ///< different PDUs for one key and COUNT

    void Attach(Ptr<NrSecurityRrc> rrc)
    {
        rrc->TraceConnectWithoutContext(
            "PdcpEntityCreated",
            NrSecurityTestCallback<void, uint32_t, const std::string&, Ptr<NrSecurityPdcp>>(
                [this](uint32_t, const std::string& rb, Ptr<NrSecurityPdcp> p)
                {
                    NrSecurityPdcp* raw = PeekPointer(p);
                    p->TraceConnectWithoutContext(
                        "TxPdu",
                        NrSecurityTestCallback<void, Ptr<const Packet>, uint32_t>(
                            [this, rb, raw](Ptr<const Packet> pdu, uint32_t count)
                            {
                                const std::string k = rb + "|" + Hex(raw->GetTxSecurity().kEnc)
                                                      + "|" + Hex(raw->GetTxSecurity().kInt) + "|"
                                                      + std::to_string(count);
                                const std::string v = Scenario::PacketHex(pdu);
                                auto it = sent.find(k);
                                if (it == sent.end())
                                {
                                    sent[k] = v;
                                }
                                else if (it->second != v)
                                {
                                    ++reuses;
                                }
                            }));
                }));
    }
};

/**
 * A replayed RRCResumeRequest after a suspend with a fresh NCC (TS 33.501 6.8.2.1.1-6.8.2.1.3,
 * TS 38.423 8.2.4): gNB 2 (after a re-establishment into it, {NH_2, NCC 2} unused) suspends
 * the UE with NCC 2 and deletes K_gNB; the UE deletes its K_gNB too (the NCC differs from that
 * of its K_gNB). The UE resumes in cell 1: K_gNB* = KDF(NH_2, 0x70, 1, 632628) at both ends.
 * While gNB 1 waits for RRCResumeComplete the captured request is replayed at gNB 1 (refused:
 * the UE is RESUMING there) and at gNB 3 (gNB 2 answers RETRIEVE UE CONTEXT FAILURE: the
 * context was handed to cell 1). No second resume epoch anywhere, and no K_gNB* of the
 * all-zero K_gNB (KDF(0^256, 0x70, PCI, ARFCN-DL) is computable by anyone).
 */
class ResumeReplayTestCase : public RecoveryTestCase
{
  public:
    ResumeReplayTestCase()
        : RecoveryTestCase("resume-replay: a replayed RRCResumeRequest gets no second K_gNB*")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s(3);
        Establish(s);
        s.selected = 1;
        Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::RadioLinkFailure, s.ue);
        s.RunUntil(MilliSeconds(200));
        const std::vector<uint8_t> k2 = OracleKgnbStar(FromHex(R1_KGNB), 2, 640628);
        NS_TEST_ASSERT_MSG_EQ(Hex(s.ue->GetKgnb()), ToHex(k2), "re-established in cell 2");
        NS_TEST_ASSERT_MSG_EQ(s.Ctx(1).nhUnused, true, "unused {NH_2, NCC 2}");
        Simulator::Schedule(MilliSeconds(1), &NrSecurityGnbRrc::Suspend, s.gnbs[1], s.ueId);
        s.RunUntil(MilliSeconds(220));
        NS_TEST_ASSERT_MSG_EQ(s.ue->IsInactive(), true, "inactive");
        NS_TEST_EXPECT_MSG_EQ(
            unsigned(s.ue->GetInactiveContext().suspend.nextHopChainingCount), 2, "fresh NCC");
        // TS 33.501 6.8.2.1.1: NCC 2 differs from the NCC (0) of the UE's K_gNB: K_gNB deleted.
        const std::string zero(64, '0');
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetInactiveContext().kGnb), zero, "UE: no K_gNB stored");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetKgnb()), zero, "UE: K_gNB deleted");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(1).kGnb), zero, "gNB 2: K_gNB deleted");

        const size_t before = s.ulCcch.size();
        OnGnbEvent(s.gnbs[0],
                   "resume",
                   [&s, before]()
                   {
                       // gNB 1 sent RRCResume: replay the UE's RRCResumeRequest at gNB 1 and 3.
                       InjectUlCcch(s.gnbs[0], s.ueId, s.ulCcch.at(before));
                       InjectUlCcch(s.gnbs[2], s.ueId, s.ulCcch.at(before));
                   });
        s.selected = 0;
        Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::Resume, s.ue);
        s.RunUntil(MilliSeconds(300));
        NS_TEST_ASSERT_MSG_EQ(s.ulCcch.size(), before + 1, "one RRCResumeRequest from the UE");

        // The genuine resume: vertical from NH_2 at both ends.
        const std::vector<uint8_t> k3 = OracleKgnbStar(FromHex(M2_NH2), 1, 632628);
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetState(), NrSecurityRrcState::SECURITY_ACTIVE, "resumed");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetKgnb()), ToHex(k3), "UE K_gNB* from NH_2");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(0).kGnb), ToHex(k3), "gNB 1 K_gNB* from NH_2");
        NS_TEST_EXPECT_MSG_EQ(s.gnbs[0]->GetResumes(), 1, "one resume at gNB 1");

        // The replays: refused at gNB 1 (RESUMING), FAILURE from gNB 2 to gNB 3.
        NS_TEST_EXPECT_MSG_EQ(s.gnbs[0]->GetRecoveryRefusals(), 1, "gNB 1 refused the replay");
        NS_TEST_EXPECT_MSG_EQ(
            s.CountEvents(s.refused, "cell1:rrcResumeRequest:the UE is RESUMING already"),
            1,
            "gNB 1 reason");
        NS_TEST_EXPECT_MSG_EQ(s.gnbs[1]->GetRecoveryRefusals(), 1, "gNB 2 refused the retrieval");
        NS_TEST_EXPECT_MSG_EQ(s.CountEvents(s.refused,
                                            "cell2:rrcResumeRequest:RETRIEVE UE CONTEXT REQUEST "
                                            "from cell 3: UE context retrieved by cell 1 already"),
                              1,
                              "gNB 2 reason");
        NS_TEST_EXPECT_MSG_EQ(
            s.CountEvents(s.gnbEvents, "cell2:retrieve-ue-context-failure"), 1, "FAILURE traced");
        NS_TEST_EXPECT_MSG_EQ(
            s.CountEvents(s.gnbEvents, "cell2:retrieve-ue-context-response:to cell"),
            1,
            "one RESPONSE only");
        NS_TEST_EXPECT_MSG_EQ(s.gnbs[2]->GetRecoveryRefusals(), 1, "gNB 3 fell back");
        NS_TEST_EXPECT_MSG_EQ(s.gnbEpochs[3].size(), 0, "no key epoch at gNB 3");
        size_t resumeEpochs = 0;
        for (const auto& e : s.gnbEpochs[1])
        {
            resumeEpochs += e.cause == "resume";
        }
        NS_TEST_EXPECT_MSG_EQ(resumeEpochs, 1, "one resume epoch at gNB 1");
        const std::vector<uint8_t> zeroKey(32, 0);
        for (const auto& [cell, epochs] : s.gnbEpochs)
        {
            for (const auto& e : epochs)
            {
                NS_TEST_EXPECT_MSG_NE(Hex(e.inputKey), zero, "no derivation from a zero key");
                NS_TEST_EXPECT_MSG_NE(Hex(e.kGnb),
                                      ToHex(OracleKgnbStar(zeroKey, e.pci, e.arfcnDl)),
                                      "no public K_gNB*");
            }
        }
        NS_TEST_EXPECT_MSG_EQ(s.Ctx(1).state, NrSecurityRrcState::RELEASED, "gNB 2 released");
        CheckDataAndDrbIntegrity(s, 0, k3);
    }
};

/**
 * A replayed RRCReestablishmentRequest at the gNB that retrieved the context (TS 38.331
 * 5.3.7, TS 38.423 8.2.4): while gNB 2 waits for RRCReestablishmentComplete, and again right
 * after it (gNB 2 connected, UE CONTEXT RELEASE on its way to gNB 1), the captured request is
 * given to gNB 2 again. Both are refused and counted there; no second RETRIEVE UE CONTEXT
 * REQUEST, no second key epoch, no PDCP entity rebuilt: no PDU for an already used key and
 * COUNT (TS 33.501 6.11: a COUNT is used once per key), the UE stays connected.
 */
class ReestablishmentReplayTestCase : public RecoveryTestCase
{
  public:
    ReestablishmentReplayTestCase()
        : RecoveryTestCase("reestablishment-replay: a replayed request is refused, no COUNT reuse")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s(2);
        CountReuseRecorder rec;
        rec.Attach(s.gnbs[1]);
        Establish(s);
        const size_t before = s.ulCcch.size();
        auto replay = [&s, before]() { InjectUlCcch(s.gnbs[1], s.ueId, s.ulCcch.at(before)); };
        OnGnbEvent(s.gnbs[1], "reestablishment", replay);
        OnGnbEvent(s.gnbs[1], "reestablished", replay);
        s.selected = 1;
        Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::RadioLinkFailure, s.ue);
        s.RunUntil(MilliSeconds(250));
        NS_TEST_ASSERT_MSG_EQ(s.ulCcch.size(), before + 1, "one RRCReestablishmentRequest");
        const std::vector<uint8_t> k2 = OracleKgnbStar(FromHex(R1_KGNB), 2, 640628);
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetState(), NrSecurityRrcState::SECURITY_ACTIVE, "UE");
        NS_TEST_EXPECT_MSG_EQ(s.Ctx(1).state, NrSecurityRrcState::SECURITY_ACTIVE, "gNB 2");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetKgnb()), ToHex(k2), "UE K_gNB*");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(1).kGnb), ToHex(k2), "gNB 2 K_gNB*");
        NS_TEST_EXPECT_MSG_EQ(s.gnbs[1]->GetRecoveryRefusals(), 2, "both replays refused");
        NS_TEST_EXPECT_MSG_EQ(
            s.CountEvents(s.refused, "cell2:rrcReestablishmentRequest:the UE is REESTABLISHING"),
            1,
            "refused while re-establishing");
        NS_TEST_EXPECT_MSG_EQ(
            s.CountEvents(s.refused, "cell2:rrcReestablishmentRequest:the UE is connected here"),
            1,
            "refused once connected");
        NS_TEST_EXPECT_MSG_EQ(s.CountEvents(s.gnbEvents, "cell2:recovery-refused"), 2, "traced");
        NS_TEST_EXPECT_MSG_EQ(s.CountEvents(s.gnbEvents, "cell2:retrieve-ue-context-request"),
                              1,
                              "one RETRIEVE UE CONTEXT REQUEST");
        NS_TEST_EXPECT_MSG_EQ(
            s.CountEvents(s.gnbEvents, "cell1:retrieve-ue-context-response:to cell"),
            1,
            "one RESPONSE");
        NS_TEST_EXPECT_MSG_EQ(
            s.CountEvents(s.gnbEvents, "cell2:recovery-fallback"), 0, "no RRCSetup");
        NS_TEST_EXPECT_MSG_EQ(s.gnbEpochs[2].size(), 1, "one key epoch at gNB 2");
        NS_TEST_EXPECT_MSG_EQ(s.gnbs[1]->GetReestablishments(), 1, "one re-establishment");
        CheckDataAndDrbIntegrity(s, 1, k2);
        NS_TEST_EXPECT_MSG_EQ(rec.reuses, 0, "no key and COUNT used for two PDUs");
        NS_TEST_EXPECT_MSG_EQ(s.Ctx(0).state, NrSecurityRrcState::RELEASED, "gNB 1 released");
    }
};

/**
 * The NH index of a horizontal K_gNB* (TS 33.501 6.11, 6.9.2.1.1): after the vertical
 * re-establishment from NH_2 the chain is at index 2, and a third re-establishment in the same
 * cell is horizontal from that K_gNB; the KeyChange of both ends says index 2.
 */
class ReestablishmentNhIndexTestCase : public RecoveryTestCase
{
  public:
    ReestablishmentNhIndexTestCase()
        : RecoveryTestCase("reestablishment-nh-index: a horizontal epoch keeps the chain index")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s(2);
        Establish(s);
        s.selected = 1;
        for (int i = 0; i < 3; ++i)
        {
            Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::RadioLinkFailure, s.ue);
            s.RunUntil(Simulator::Now() + MilliSeconds(60));
        }
        const std::vector<uint8_t> k3 = OracleKgnbStar(FromHex(M2_NH2), 2, 640628);
        const std::vector<uint8_t> k4 = OracleKgnbStar(k3, 2, 640628);
        NS_TEST_ASSERT_MSG_EQ(s.ue->GetReestablishments(), 3, "three re-establishments");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetKgnb()), ToHex(k4), "UE K_gNB* horizontal");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(1).kGnb), ToHex(k4), "gNB 2 K_gNB* horizontal");
        NS_TEST_ASSERT_MSG_EQ(s.ueEpochs.empty(), false, "UE epochs");
        NS_TEST_ASSERT_MSG_EQ(s.gnbEpochs[2].empty(), false, "gNB epochs");
        const NrSecurityKeyEpoch& u = s.ueEpochs.back();
        const NrSecurityKeyEpoch& g = s.gnbEpochs[2].back();
        NS_TEST_EXPECT_MSG_EQ(u.DerivationName(), "horizontal", "UE horizontal");
        NS_TEST_EXPECT_MSG_EQ(g.DerivationName(), "horizontal", "gNB horizontal");
        NS_TEST_EXPECT_MSG_EQ(unsigned(u.ncc), 2, "UE NCC");
        NS_TEST_EXPECT_MSG_EQ(u.nhIndex, 2, "UE: chain index 2");
        NS_TEST_EXPECT_MSG_EQ(g.nhIndex, 2, "gNB: chain index 2");
    }
};

/**
 * Bad peer input in RETRIEVE UE CONTEXT REQUEST (TS 38.423 8.2.4.3): a new cell whose
 * cellIdentity has more than 36 bits (no VarShortMAC-Input, TS 38.331 7.4) and one whose PCI
 * is above 1007 (no K_gNB*, TS 33.501 A.11, with the right shortMAC-I for cellIdentity 0x20).
 * The old node answers RETRIEVE UE CONTEXT FAILURE, counted and traced; the simulation goes
 * on and the UE's context stays as it was.
 */
class RetrieveBadInputTestCase : public RecoveryTestCase
{
  public:
    RetrieveBadInputTestCase()
        : RecoveryTestCase("retrieve-bad-input: too-large cellIdentity or PCI: FAILURE, no crash")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s(2);
        Establish(s);
        NrSecurityXnMessage q;
        q.type = NrSecurityXnMessage::RETRIEVE_UE_CONTEXT_REQUEST;
        q.ueId = s.ueId;
        q.sourceCellId = 2;
        q.targetCellId = 1;
        q.resume = false;
        q.cRnti = SCENARIO_CRNTI; // the UE's C-RNTI in cell 1
        q.sourcePci = 1;
        q.newCell = s.gnbs[1]->GetCellInfo();
        NrSecurityXnMessage bigId = q;
        bigId.newCell.cellIdentity = uint64_t(1) << 40;
        bigId.macI16 = 0;
        NrSecurityXnMessage bigPci = q;
        bigPci.newCell.pci = 2000;
        bigPci.macI16 = OracleShortMacI(FromHex(R1_KRRCINT), 1, 0x20, SCENARIO_CRNTI);
        Simulator::Schedule(MilliSeconds(1), &NrSecurityGnbRrc::ReceiveXn, s.gnbs[0], bigId);
        Simulator::Schedule(MilliSeconds(2), &NrSecurityGnbRrc::ReceiveXn, s.gnbs[0], bigPci);
        s.RunUntil(MilliSeconds(140));
        NS_TEST_EXPECT_MSG_EQ(s.gnbs[0]->GetRecoveryRefusals(), 2, "both refused");
        NS_TEST_EXPECT_MSG_EQ(
            s.CountEvents(s.refused,
                          "cell1:rrcReestablishmentRequest:RETRIEVE UE CONTEXT REQUEST from "
                          "cell 2: no shortMAC-I: "),
            1,
            "cellIdentity reason");
        NS_TEST_EXPECT_MSG_EQ(
            s.CountEvents(s.refused,
                          "cell1:rrcReestablishmentRequest:RETRIEVE UE CONTEXT REQUEST from "
                          "cell 2: no K_gNB* for the new cell: "),
            1,
            "PCI reason");
        NS_TEST_EXPECT_MSG_EQ(
            s.CountEvents(s.gnbEvents, "cell1:retrieve-ue-context-failure"), 2, "traced");
        const std::string failure
            = "1->2 " + std::to_string(int(NrSecurityXnMessage::RETRIEVE_UE_CONTEXT_FAILURE));
        NS_TEST_EXPECT_MSG_EQ(std::count(s.xn.begin(), s.xn.end(), failure), 2, "two FAILUREs");
        NS_TEST_EXPECT_MSG_EQ(s.Ctx(0).state, NrSecurityRrcState::SECURITY_ACTIVE, "UE context");
        NS_TEST_EXPECT_MSG_EQ(s.Ctx(0).retrievedByCellId, 0, "not handed over");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(0).kGnb), R1_KGNB, "K_gNB unchanged");
    }
};

} // namespace

TestCase*
MakeResumeReplayTestCase()
{
    return new ResumeReplayTestCase;
}

TestCase*
MakeReestablishmentReplayTestCase()
{
    return new ReestablishmentReplayTestCase;
}

TestCase*
MakeReestablishmentNhIndexTestCase()
{
    return new ReestablishmentNhIndexTestCase;
}

TestCase*
MakeRetrieveBadInputTestCase()
{
    return new RetrieveBadInputTestCase;
}

} // namespace recovery
} // namespace nrsecuritytest
} // namespace ns3
