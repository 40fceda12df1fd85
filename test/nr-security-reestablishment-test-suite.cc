// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Suite nr-security-reestablishment: RRC connection re-establishment with shortMAC-I (TS
 * 38.331 5.3.7, TS 33.501 6.11) and suspend / resume with resumeMAC-I (TS 38.331 5.3.8.3,
 * 5.3.13, TS 33.501 6.8.2), in the same gNB and across gNBs (XnAP RETRIEVE UE CONTEXT, TS
 * 38.423 8.2.4). The UE and gNB RRC entities are wired directly (no channel): frames go to
 * the gNB the UE is in after 1 ms, Xn messages likewise. Every expected key and MAC is
 * computed here with OpenSSL (HMAC-SHA-256 for the KDF of TS 33.220 B.2 / TS 33.501 A.9-A.11,
 * AES-CMAC for NIA2 of TS 33.501 D.3.1.3 / TS 33.401 B.2.3), independently of the module's
 * KDF and NIA code, or taken from the mobility cases M1, M2 and M5 (shared/cases/mobility.md).
 * The replay, NH index and bad-input cases are in nr-security-reestablishment-replay-test-suite.cc.
 */
#include "../model/compat/nr-security-ns3-compat.h"
#include "nr-security-reestablishment-test-scenario.h"
#include "nr-security-test-events.h"
#include "ns3/boolean.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::nrsecuritytest;
using namespace ns3::nrsecuritytest::recovery;

namespace
{

// --- test cases ----------------------------------------------------------------------------

/**
 * Re-establishment in the same cell (TS 38.331 5.3.7, TS 33.501 6.11) with the values of
 * cases M5 and M1: source PCI 1, cellIdentity 0x10, C-RNTI 0x4601, R1 K_RRCint, NIA2 give
 * VarShortMAC-Input 0040000000411804, MAC-I 485b35dd, shortMAC-I 0x35dd (in the scenario the
 * cell allocates C-RNTI 1: MAC-I 766f1d88, shortMAC-I 0x1d88); the
 * RRCReestablishmentRequest is exactly 48c02009aeec (UPER, TS 38.331 6.2.2); NCC 0 gives the
 * horizontal K_gNB* of M1 at both ends; SRB1 then runs under the new K_RRCint, SRB2 and DRB1
 * are re-established with the new keys, DRB1 keeps UP integrity, data flows, no COUNT reuse.
 */
class ReestablishmentSameCellTestCase : public RecoveryTestCase
{
  public:
    ReestablishmentSameCellTestCase()
        : RecoveryTestCase("reestablishment-short-mac-i: same cell, M5 shortMAC-I, M1 K_gNB*")
    {
    }

  private:
    void DoRun() override
    {
        // The oracle reproduces the published values first.
        NS_TEST_ASSERT_MSG_EQ(ToHex(OracleVarInput(1, M5_CELL_IDENTITY, M5_CRNTI)),
                              "0040000000411804",
                              "M5 VarShortMAC-Input");
        NS_TEST_ASSERT_MSG_EQ(OracleNia2(FromHex(R1_KRRCINT),
                                         0xFFFFFFFF,
                                         31,
                                         1,
                                         OracleVarInput(1, M5_CELL_IDENTITY, M5_CRNTI)),
                              0x485b35ddu,
                              "M5 MAC-I");
        NS_TEST_ASSERT_MSG_EQ(
            ToHex(OracleKgnbStar(FromHex(R1_KGNB), 1, 632628)), M1_KGNB_STAR, "M1 K_gNB*");

        Scenario s;
        Establish(s);
        Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::RadioLinkFailure, s.ue);
        // Uplink user data while the RBs are suspended is held, then sent under the new keys;
        // downlink user data at the suspended gNB is discarded (counted).
        Simulator::Schedule(MilliSeconds(2), &Scenario::SendUl, &s, UL3);
        Simulator::Schedule(MilliSeconds(4), &Scenario::SendDl, &s, 0, DL2);
        s.RunUntil(MilliSeconds(200));
        NS_TEST_EXPECT_MSG_EQ(s.ulData.size(), 2, "the held uplink SDU arrived");
        NS_TEST_EXPECT_MSG_EQ(s.ulData.back(), "1:" + UL3, "held uplink SDU");
        NS_TEST_EXPECT_MSG_EQ(s.dlData.size(), 1, "no downlink SDU while suspended");
        NS_TEST_EXPECT_MSG_EQ(s.gnbs[0]->GetUserDataDiscards(), 1, "discarded at the gNB");

        NS_TEST_ASSERT_MSG_EQ(s.ulCcch.size(), 2, "RRCSetupRequest and RRCReestablishmentRequest");
        // M5's inputs with the C-RNTI cell 1 allocated (1): UPER checked with pycrate
        // (c-RNTI 1, physCellId 1, shortMAC-I '1D88'H, otherFailure); MAC-I 766f1d88 by
        // AES-CMAC over COUNT, BEARER, DIRECTION all ones || VarShortMAC-Input (openssl mac).
        NS_TEST_EXPECT_MSG_EQ(ToHex(s.ulCcch[1]), "40002008ec44", "RRCReestablishmentRequest UPER");
        NrSecurityRrcDecoded r
            = NrSecurityRrcMessage::DecodeUlCcch(s.ulCcch[1].data(), s.ulCcch[1].size());
        NS_TEST_ASSERT_MSG_EQ(r.ok, true, "decodes");
        NS_TEST_EXPECT_MSG_EQ(r.shortMacI, 0x1d88, "shortMAC-I of M5's inputs with C-RNTI 1");
        NS_TEST_EXPECT_MSG_EQ(r.shortMacI,
                              OracleShortMacI(FromHex(R1_KRRCINT), 1, M5_CELL_IDENTITY, 1),
                              "shortMAC-I (oracle)");
        NS_TEST_EXPECT_MSG_EQ(r.cRnti, SCENARIO_CRNTI, "c-RNTI: cell 1's allocation");
        NS_TEST_EXPECT_MSG_EQ(r.physCellId, 1, "source PCI");

        NS_TEST_EXPECT_MSG_EQ(
            s.ue->GetState(), NrSecurityRrcState::SECURITY_ACTIVE, "UE connected");
        NS_TEST_EXPECT_MSG_EQ(s.Ctx(0).state, NrSecurityRrcState::SECURITY_ACTIVE, "gNB");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetKgnb()), M1_KGNB_STAR, "UE K_gNB* (M1)");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(0).kGnb), M1_KGNB_STAR, "gNB K_gNB* (M1)");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetAsKeys().kRrcInt),
                              ToHex(OracleAlgKey(FromHex(M1_KGNB_STAR), 0x04, 2)),
                              "new K_RRCint");
        NS_TEST_ASSERT_MSG_EQ(s.ueEpochs.empty(), false, "UE KeyChange");
        const NrSecurityKeyEpoch& e = s.ueEpochs.back();
        NS_TEST_EXPECT_MSG_EQ(e.cause, "reestablishment", "cause");
        NS_TEST_EXPECT_MSG_EQ(e.DerivationName(), "horizontal", "NCC 0: horizontal");
        NS_TEST_EXPECT_MSG_EQ(Hex(e.inputKey), R1_KGNB, "from K_gNB");
        NS_TEST_EXPECT_MSG_EQ(e.pci, 1, "PCI input");
        NS_TEST_EXPECT_MSG_EQ(e.arfcnDl, 632628, "ARFCN-DL input");
        NS_TEST_EXPECT_MSG_EQ(unsigned(e.ncc), 0, "NCC");
        NS_TEST_ASSERT_MSG_EQ(s.gnbEpochs[1].empty(), false, "gNB KeyChange");
        NS_TEST_EXPECT_MSG_EQ(s.gnbEpochs[1].back().cause, "reestablishment", "gNB cause");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.gnbEpochs[1].back().kGnb), M1_KGNB_STAR, "gNB epoch key");
        // TS 38.331 5.3.7.5: RRCReestablishment integrity-protected only, the Complete also
        // ciphered; then the reconfiguration re-establishing SRB2 and DRB1.
        NS_TEST_EXPECT_MSG_EQ(
            s.HasUeMsg("rx rrcReestablishment SRB1 integrity"), true, "RRCReestablishment");
        NS_TEST_EXPECT_MSG_EQ(s.HasUeMsg("tx rrcReestablishmentComplete SRB1 integrity+ciphering"),
                              true,
                              "RRCReestablishmentComplete");
        NS_TEST_EXPECT_MSG_EQ(s.ueMsgs.back(),
                              "tx rrcReconfigurationComplete SRB1 integrity+ciphering",
                              "reconfiguration after re-establishment");
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetReestablishments(), 1, "UE count");
        NS_TEST_EXPECT_MSG_EQ(s.gnbs[0]->GetReestablishments(), 1, "gNB count");
        NS_TEST_EXPECT_MSG_EQ(s.gnbs[0]->GetRecoveryRefusals(), 0, "nothing refused");
        NS_TEST_EXPECT_MSG_EQ(s.refused.size(), 0, "no refusal anywhere");
        CheckDataAndDrbIntegrity(s, 0, FromHex(M1_KGNB_STAR));
    }
};

/**
 * A wrong shortMAC-I (TS 38.331 5.3.7.4): the gNB refuses the request (MessageRefused with
 * the expected value, counted) and falls back to RRCSetup (5.3.3.4); the UE discards its AS
 * context and starts a new connection whose K_gNB comes from the next uplink NAS COUNT (1,
 * TS 33.501 A.9). Two faults: the UE of case M5 that computes it with COUNT, BEARER and
 * DIRECTION 0 (VulnerabilityRecoveryMacIZeroInputs), and a bit flipped on the air.
 */
class ReestablishmentWrongShortMacITestCase : public RecoveryTestCase
{
  public:
    ReestablishmentWrongShortMacITestCase(bool vulnerability)
        : RecoveryTestCase(
            std::string("reestablishment-wrong-short-mac-i: ")
            + (vulnerability ? "COUNT, BEARER, DIRECTION zero (M5 fault)" : "bit flipped"))
        , m_vulnerability(vulnerability)
    {
    }

  private:
    void DoRun() override
    {
        Scenario s;
        uint16_t sent = 0;
        if (m_vulnerability)
        {
            s.ue->SetAttribute("VulnerabilityRecoveryMacIZeroInputs", BooleanValue(true));
            sent = uint16_t(OracleNia2(FromHex(R1_KRRCINT),
                                       0,
                                       0,
                                       0,
                                       OracleVarInput(1, M5_CELL_IDENTITY, SCENARIO_CRNTI))
                            & 0xFFFF);
            NS_TEST_ASSERT_MSG_NE(sent, 0x1d88, "the zero-input MAC differs");
        }
        else
        {
            sent = 0x1d88 ^ 0x0100; // shortMAC-I with C-RNTI 1 (see the first case)
            s.tamperUlCcch = [](std::vector<uint8_t>& b)
            {
                NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeUlCcch(b.data(), b.size());
                if (m.ok && m.type == NrSecurityRrcDecoded::RRC_REESTABLISHMENT_REQUEST)
                {
                    b = NrSecurityRrcMessage::EncodeRrcReestablishmentRequest(
                        m.cRnti, m.physCellId, m.shortMacI ^ 0x0100, m.reestablishmentCause);
                }
            };
        }
        Establish(s);
        Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::RadioLinkFailure, s.ue);
        s.RunUntil(MilliSeconds(300));

        NS_TEST_EXPECT_MSG_EQ(s.gnbs[0]->GetRecoveryRefusals(), 1, "refused and counted");
        const std::string reason = "cell1:rrcReestablishmentRequest:shortMAC-I 0x"
                                   + ToHex({uint8_t(sent >> 8), uint8_t(sent)})
                                   + " does not match 0x1d88 (TS 38.331 5.3.7.4, TS 33.501 6.11)";
        NS_TEST_EXPECT_MSG_EQ(std::count(s.refused.begin(), s.refused.end(), reason), 1, reason);
        NS_TEST_EXPECT_MSG_EQ(
            s.CountEvents(s.ueEvents, "reestablishment-fallback"), 1, "UE fallback");
        NS_TEST_EXPECT_MSG_EQ(
            s.CountEvents(s.gnbEvents, "cell1:recovery-fallback"), 1, "gNB fallback");
        NS_TEST_EXPECT_MSG_EQ(s.HasUeMsg("rx rrcSetup SRB0 none"), true, "RRCSetup received");
        for (const auto& e : s.ueEpochs)
        {
            NS_TEST_EXPECT_MSG_NE(e.cause, "reestablishment", "no re-establishment key");
        }
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetReestablishments(), 0, "not re-established");
        // The new connection: K_gNB from the next uplink NAS COUNT (TS 24.501 4.4.3.1, A.9).
        NS_TEST_EXPECT_MSG_EQ(s.ue->IsSecurityActive(), true, "new connection secured");
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetUlNasCount(), 1, "next uplink NAS COUNT");
        const std::vector<uint8_t> k1 = OracleKgnb(FromHex(K_AMF), 1);
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetKgnb()), ToHex(k1), "UE K_gNB of COUNT 1");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(0).kGnb), ToHex(k1), "gNB K_gNB of COUNT 1");
        CheckDataAndDrbIntegrity(s, 0, k1);
    }

    bool m_vulnerability; ///< the fault is the UE's, not the air's
};

/**
 * Suspend and resume in the same cell (TS 38.331 5.3.8.3, 5.3.13; TS 33.501 6.8.2.1): the
 * UE stores K_gNB, K_RRCint, NCC 0 and the I-RNTIs and releases its bearers; Resume() sends
 * RRCResumeRequest 20200023b108 (shortI-RNTI 0x010001, resumeMAC-I 0x1d88: VarResumeMAC-Input
 * has the M5 inputs with the C-RNTI cell 1 allocated, 1; cause mo-Data; UPER checked with
 * pycrate); both ends derive the horizontal K_gNB* of M1; RRCResume
 * arrives integrity-protected and ciphered with the new keys; DRB1 restored from COUNT 0.
 */
class ResumeSameCellTestCase : public RecoveryTestCase
{
  public:
    ResumeSameCellTestCase()
        : RecoveryTestCase("resume-mac-i: suspend and resume in the same cell, M1 K_gNB*")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s;
        Establish(s);
        Simulator::Schedule(MilliSeconds(1), &NrSecurityGnbRrc::Suspend, s.gnbs[0], s.ueId);
        s.RunUntil(MilliSeconds(150));
        NS_TEST_ASSERT_MSG_EQ(s.ue->IsInactive(), true, "UE in RRC_INACTIVE");
        NS_TEST_EXPECT_MSG_EQ(s.Ctx(0).state, NrSecurityRrcState::INACTIVE, "gNB context");
        const NrSecurityUeInactiveContext& c = s.ue->GetInactiveContext();
        NS_TEST_EXPECT_MSG_EQ(c.suspend.shortIRnti, 0x010001u, "shortI-RNTI");
        NS_TEST_EXPECT_MSG_EQ(c.suspend.fullIRnti, 0x0001000001ull, "fullI-RNTI");
        NS_TEST_EXPECT_MSG_EQ(unsigned(c.suspend.nextHopChainingCount), 0, "NCC");
        NS_TEST_EXPECT_MSG_EQ(Hex(c.kGnb), R1_KGNB, "stored K_gNB");
        NS_TEST_EXPECT_MSG_EQ(Hex(c.kRrcInt), R1_KRRCINT, "stored K_RRCint");
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetDrb(1), nullptr, "no DRB while inactive");
        // TS 33.501 6.8.2.1.1: only K_gNB and K_RRCint are kept.
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(0).keys.kUpInt), std::string(32, '0'), "K_UPint deleted");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(0).keys.kRrcInt), R1_KRRCINT, "K_RRCint kept");

        Simulator::Schedule(MilliSeconds(10), &NrSecurityUeRrc::Resume, s.ue);
        s.RunUntil(MilliSeconds(200));
        NS_TEST_ASSERT_MSG_EQ(s.ulCcch.size(), 2, "RRCSetupRequest and RRCResumeRequest");
        NS_TEST_EXPECT_MSG_EQ(ToHex(s.ulCcch[1]), "20200023b108", "RRCResumeRequest UPER");
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetState(), NrSecurityRrcState::SECURITY_ACTIVE, "resumed");
        NS_TEST_EXPECT_MSG_EQ(s.Ctx(0).state, NrSecurityRrcState::SECURITY_ACTIVE, "gNB");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetKgnb()), M1_KGNB_STAR, "UE K_gNB*");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(0).kGnb), M1_KGNB_STAR, "gNB K_gNB*");
        NS_TEST_EXPECT_MSG_EQ(
            s.HasUeMsg("rx rrcResume SRB1 integrity+ciphering"), true, "RRCResume");
        NS_TEST_EXPECT_MSG_EQ(
            s.HasUeMsg("tx rrcResumeComplete SRB1 integrity+ciphering"), true, "Complete");
        NS_TEST_ASSERT_MSG_EQ(s.ueEpochs.empty(), false, "KeyChange");
        NS_TEST_EXPECT_MSG_EQ(s.ueEpochs.back().cause, "resume", "cause");
        NS_TEST_EXPECT_MSG_EQ(s.ueEpochs.back().DerivationName(), "horizontal", "derivation");
        NS_TEST_EXPECT_MSG_EQ(s.gnbEpochs[1].back().cause, "resume", "gNB cause");
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetResumes(), 1, "UE count");
        NS_TEST_EXPECT_MSG_EQ(s.gnbs[0]->GetResumes(), 1, "gNB count");
        NS_TEST_EXPECT_MSG_EQ(s.refused.size(), 0, "no refusal");
        NS_TEST_ASSERT_MSG_NE(s.ue->GetDrb(1), nullptr, "DRB1 restored");
        if (!s.ue->GetDrb(1))
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetDrb(1)->GetTxNext(), 0, "DRB1 from COUNT 0 (new key)");
        CheckDataAndDrbIntegrity(s, 0, FromHex(M1_KGNB_STAR));
        // A second suspend gives another I-RNTI (TS 33.501 6.8.2.1.1).
        Simulator::Schedule(MilliSeconds(1), &NrSecurityGnbRrc::Suspend, s.gnbs[0], s.ueId);
        s.RunUntil(Simulator::Now() + MilliSeconds(10));
        NS_TEST_EXPECT_MSG_EQ(
            s.ue->GetInactiveContext().suspend.shortIRnti, 0x010002u, "new I-RNTI");
    }
};

/**
 * A wrong resumeMAC-I (TS 38.331 5.3.13.3): refused, counted, RRCSetup fallback, new
 * connection with the K_gNB of uplink NAS COUNT 1; both the M5 UE fault and a bit flip.
 */
class ResumeWrongMacITestCase : public RecoveryTestCase
{
  public:
    ResumeWrongMacITestCase(bool vulnerability)
        : RecoveryTestCase(
            std::string("resume-wrong-mac-i: ")
            + (vulnerability ? "COUNT, BEARER, DIRECTION zero (M5 fault)" : "bit flipped"))
        , m_vulnerability(vulnerability)
    {
    }

  private:
    void DoRun() override
    {
        Scenario s;
        if (m_vulnerability)
        {
            s.ue->SetAttribute("VulnerabilityRecoveryMacIZeroInputs", BooleanValue(true));
        }
        else
        {
            s.tamperUlCcch = [](std::vector<uint8_t>& b)
            {
                NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeUlCcch(b.data(), b.size());
                if (m.ok && m.type == NrSecurityRrcDecoded::RRC_RESUME_REQUEST)
                {
                    b = NrSecurityRrcMessage::EncodeRrcResumeRequest(
                        m.resumeIdentity, m.resumeMacI ^ 0x8000, m.resumeCause);
                }
            };
        }
        Establish(s);
        Simulator::Schedule(MilliSeconds(1), &NrSecurityGnbRrc::Suspend, s.gnbs[0], s.ueId);
        Simulator::Schedule(MilliSeconds(20), &NrSecurityUeRrc::Resume, s.ue);
        s.RunUntil(MilliSeconds(400));
        NS_TEST_EXPECT_MSG_EQ(s.gnbs[0]->GetRecoveryRefusals(), 1, "refused and counted");
        NS_TEST_EXPECT_MSG_EQ(s.CountEvents(s.refused, "cell1:rrcResumeRequest:resumeMAC-I"),
                              1,
                              "MessageRefused with the reason");
        NS_TEST_EXPECT_MSG_EQ(s.CountEvents(s.ueEvents, "resume-fallback"), 1, "UE fallback");
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetResumes(), 0, "not resumed");
        for (const auto& e : s.ueEpochs)
        {
            NS_TEST_EXPECT_MSG_NE(e.cause, "resume", "no resume key");
        }
        const std::vector<uint8_t> k1 = OracleKgnb(FromHex(K_AMF), 1);
        NS_TEST_EXPECT_MSG_EQ(s.ue->IsSecurityActive(), true, "new connection secured");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetKgnb()), ToHex(k1), "UE K_gNB of COUNT 1");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(0).kGnb), ToHex(k1), "gNB K_gNB of COUNT 1");
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetInactiveContext().stored, false, "inactive context gone");
        CheckDataAndDrbIntegrity(s, 0, k1);
    }

    bool m_vulnerability; ///< the fault is the UE's, not the air's
};

/**
 * Re-establishment in another gNB's cell (TS 33.501 6.11, TS 38.423 8.2.4): gNB 2 (PCI 2,
 * cellIdentity 0x20, ARFCN-DL 640628) asks gNB 1 over Xn; gNB 1 verifies the shortMAC-I over
 * VarShortMAC-Input(1, 0x20, 1) and answers K_gNB* = KDF(K_gNB, 0x70, 2, 640628) with NCC
 * 0; the path switch then gives gNB 2 the unused {NH_2, NCC 2} (M2) and gNB 1 releases the
 * UE. A second radio link failure re-establishing in gNB 2 is then vertical: NCC 2 in
 * RRCReestablishment, K_gNB* = KDF(NH_2, 0x70, 2, 640628) at the UE (its own chain) and gNB 2.
 */
class ReestablishmentOtherGnbTestCase : public RecoveryTestCase
{
  public:
    ReestablishmentOtherGnbTestCase()
        : RecoveryTestCase("reestablishment-xn: other gNB via RETRIEVE UE CONTEXT, then vertical")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s(2);
        Establish(s);
        s.selected = 1;
        Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::RadioLinkFailure, s.ue);
        s.RunUntil(MilliSeconds(250));
        NrSecurityRrcDecoded r
            = NrSecurityRrcMessage::DecodeUlCcch(s.ulCcch.back().data(), s.ulCcch.back().size());
        NS_TEST_EXPECT_MSG_EQ(r.shortMacI,
                              OracleShortMacI(FromHex(R1_KRRCINT), 1, 0x20, SCENARIO_CRNTI),
                              "shortMAC-I for the new cell's cellIdentity");
        const std::vector<uint8_t> k2 = OracleKgnbStar(FromHex(R1_KGNB), 2, 640628);
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetState(), NrSecurityRrcState::SECURITY_ACTIVE, "UE");
        NS_TEST_ASSERT_MSG_NE(s.GnbUe(1), nullptr, "gNB 2 has the context");
        if (!s.GnbUe(1))
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(s.Ctx(1).state, NrSecurityRrcState::SECURITY_ACTIVE, "gNB 2");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetKgnb()), ToHex(k2), "UE K_gNB*");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(1).kGnb), ToHex(k2), "gNB 2 K_gNB*");
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetServingCell().pci, 2, "UE in PCI 2");
        NS_TEST_EXPECT_MSG_EQ(s.CountEvents(s.gnbEvents, "cell1:retrieve-ue-context-response"),
                              1,
                              "old node answered");
        NS_TEST_EXPECT_MSG_EQ(s.refused.size(), 0, "nothing refused");
        // Path switch (TS 33.501 6.9.2.3.2): the fresh {NH_2, NCC 2} is kept unused.
        NS_TEST_EXPECT_MSG_EQ(s.Ctx(1).nhUnused, true, "unused NH after the path switch");
        NS_TEST_EXPECT_MSG_EQ(unsigned(s.Ctx(1).nhNcc), 2, "NCC 2");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(1).nh), M2_NH2, "NH_2 of M2");
        NS_TEST_EXPECT_MSG_EQ(
            ToHex(OracleNh(FromHex(K_AMF), OracleNh(FromHex(K_AMF), FromHex(R1_KGNB)))),
            M2_NH2,
            "oracle NH_2");
        CheckDataAndDrbIntegrity(s, 1, k2);
        NS_TEST_EXPECT_MSG_EQ(
            s.Ctx(0).state, NrSecurityRrcState::RELEASED, "gNB 1 released the UE");

        // Second failure, same gNB: vertical from NH_2.
        Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::RadioLinkFailure, s.ue);
        s.RunUntil(Simulator::Now() + MilliSeconds(60));
        const std::vector<uint8_t> k3 = OracleKgnbStar(FromHex(M2_NH2), 2, 640628);
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetKgnb()), ToHex(k3), "UE vertical K_gNB*");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(1).kGnb), ToHex(k3), "gNB 2 vertical K_gNB*");
        NS_TEST_EXPECT_MSG_EQ(unsigned(s.ue->GetNcc()), 2, "UE NCC");
        NS_TEST_ASSERT_MSG_EQ(s.ueEpochs.empty(), false, "epochs");
        NS_TEST_EXPECT_MSG_EQ(s.ueEpochs.back().DerivationName(), "vertical", "vertical");
        NS_TEST_EXPECT_MSG_EQ(s.ueEpochs.back().nhIndex, 2, "NH index");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ueEpochs.back().inputKey), M2_NH2, "from NH_2");
        NS_TEST_EXPECT_MSG_EQ(s.Ctx(1).nhUnused, false, "the NH is used once");
        CheckDataAndDrbIntegrity(s, 1, k3);
    }
};

/**
 * A wrong shortMAC-I at another gNB: the old node refuses (RETRIEVE UE CONTEXT FAILURE,
 * counted there), the new one falls back to RRCSetup; the new connection in gNB 2 has the
 * K_gNB of uplink NAS COUNT 1.
 */
class ReestablishmentOtherGnbWrongMacTestCase : public RecoveryTestCase
{
  public:
    ReestablishmentOtherGnbWrongMacTestCase()
        : RecoveryTestCase(
            "reestablishment-xn-wrong-short-mac-i: RETRIEVE UE CONTEXT FAILURE, fallback")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s(2);
        s.tamperUlCcch = [](std::vector<uint8_t>& b)
        {
            NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeUlCcch(b.data(), b.size());
            if (m.ok && m.type == NrSecurityRrcDecoded::RRC_REESTABLISHMENT_REQUEST)
            {
                b = NrSecurityRrcMessage::EncodeRrcReestablishmentRequest(
                    m.cRnti, m.physCellId, m.shortMacI ^ 1, m.reestablishmentCause);
            }
        };
        Establish(s);
        s.selected = 1;
        Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::RadioLinkFailure, s.ue);
        s.RunUntil(MilliSeconds(400));
        NS_TEST_EXPECT_MSG_EQ(s.gnbs[0]->GetRecoveryRefusals(), 1, "the old node refused");
        NS_TEST_EXPECT_MSG_EQ(s.gnbs[1]->GetRecoveryRefusals(), 1, "the new node refused");
        NS_TEST_EXPECT_MSG_EQ(s.CountEvents(s.refused,
                                            "cell1:rrcReestablishmentRequest:RETRIEVE UE CONTEXT "
                                            "REQUEST from cell 2: shortMAC-I"),
                              1,
                              "reason at the old node");
        NS_TEST_EXPECT_MSG_EQ(
            s.CountEvents(s.ueEvents, "reestablishment-fallback"), 1, "UE fallback");
        const std::vector<uint8_t> k1 = OracleKgnb(FromHex(K_AMF), 1);
        NS_TEST_EXPECT_MSG_EQ(s.ue->IsSecurityActive(), true, "new connection");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetKgnb()), ToHex(k1), "UE K_gNB of COUNT 1");
        NS_TEST_ASSERT_MSG_NE(s.GnbUe(1), nullptr, "gNB 2 context");
        if (!s.GnbUe(1))
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(1).kGnb), ToHex(k1), "gNB 2 K_gNB of COUNT 1");
        CheckDataAndDrbIntegrity(s, 1, k1);
    }
};

/**
 * Resume in another gNB's cell (TS 33.501 6.8.2.1.2-6.8.2.1.3): gNB 2 routes by the gNB part
 * of the shortI-RNTI, gNB 1 verifies resumeMAC-I over VarResumeMAC-Input(1, 0x20, 1) and
 * answers K_gNB* = KDF(K_gNB, 0x70, 2, 640628); RRCResume from gNB 2 under the new keys; path
 * switch and release of gNB 1's context follow. A tampered resumeMAC-I instead: FAILURE and
 * RRCSetup.
 */
class ResumeOtherGnbTestCase : public RecoveryTestCase
{
  public:
    ResumeOtherGnbTestCase(bool tamper)
        : RecoveryTestCase(std::string("resume-xn: other gNB via RETRIEVE UE CONTEXT")
                           + (tamper ? ", wrong resumeMAC-I" : ""))
        , m_tamper(tamper)
    {
    }

  private:
    void DoRun() override
    {
        Scenario s(2);
        if (m_tamper)
        {
            s.tamperUlCcch = [](std::vector<uint8_t>& b)
            {
                NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeUlCcch(b.data(), b.size());
                if (m.ok && m.type == NrSecurityRrcDecoded::RRC_RESUME_REQUEST)
                {
                    b = NrSecurityRrcMessage::EncodeRrcResumeRequest(
                        m.resumeIdentity, m.resumeMacI ^ 2, m.resumeCause);
                }
            };
        }
        Establish(s);
        Simulator::Schedule(MilliSeconds(1), &NrSecurityGnbRrc::Suspend, s.gnbs[0], s.ueId);
        s.RunUntil(MilliSeconds(150));
        s.selected = 1;
        Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::Resume, s.ue);
        s.RunUntil(MilliSeconds(400));
        if (m_tamper)
        {
            NS_TEST_EXPECT_MSG_EQ(s.gnbs[0]->GetRecoveryRefusals(), 1, "old node refused");
            NS_TEST_EXPECT_MSG_EQ(s.CountEvents(s.ueEvents, "resume-fallback"), 1, "fallback");
            const std::vector<uint8_t> k1 = OracleKgnb(FromHex(K_AMF), 1);
            NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetKgnb()), ToHex(k1), "UE K_gNB of COUNT 1");
            CheckDataAndDrbIntegrity(s, 1, k1);
            return;
        }
        NrSecurityRrcDecoded r
            = NrSecurityRrcMessage::DecodeUlCcch(s.ulCcch.back().data(), s.ulCcch.back().size());
        NS_TEST_EXPECT_MSG_EQ(r.resumeMacI,
                              OracleShortMacI(FromHex(R1_KRRCINT), 1, 0x20, SCENARIO_CRNTI),
                              "resumeMAC-I for the new cell");
        const std::vector<uint8_t> k2 = OracleKgnbStar(FromHex(R1_KGNB), 2, 640628);
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetState(), NrSecurityRrcState::SECURITY_ACTIVE, "resumed");
        NS_TEST_ASSERT_MSG_NE(s.GnbUe(1), nullptr, "gNB 2 has the context");
        if (!s.GnbUe(1))
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetKgnb()), ToHex(k2), "UE K_gNB*");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(1).kGnb), ToHex(k2), "gNB 2 K_gNB*");
        NS_TEST_EXPECT_MSG_EQ(s.refused.size(), 0, "nothing refused");
        NS_TEST_EXPECT_MSG_EQ(s.Ctx(1).nhUnused, true, "path switch NH");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(1).nh), M2_NH2, "NH_2");
        CheckDataAndDrbIntegrity(s, 1, k2);
        NS_TEST_EXPECT_MSG_EQ(s.Ctx(0).state, NrSecurityRrcState::RELEASED, "gNB 1 released");
    }

    bool m_tamper; ///< flip a resumeMAC-I bit on the air
};

/**
 * A forged RRCReestablishment (TS 38.331 5.3.7.5): the UE verifies the message with the
 * K_RRCint it derives from it; a flipped MAC-I bit fails the check, the UE keeps none of the
 * new keys and goes to RRC_IDLE (release cause 'RRC connection failure').
 */
class ReestablishmentForgedTestCase : public RecoveryTestCase
{
  public:
    ReestablishmentForgedTestCase()
        : RecoveryTestCase("reestablishment-forged: RRCReestablishment with a wrong MAC-I")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s;
        Establish(s);
        bool armed = false;
        uint32_t flipped = 0;
        s.tamperDl = [&](NrSecurityRbPdu& p)
        {
            if (armed && p.type == NrSecurityRbType::SRB && p.rbId == 1)
            {
                // The first SRB1 PDU after the request: RRCReestablishment, COUNT 0.
                std::vector<uint8_t> b(p.pdu->GetSize());
                p.pdu->CopyData(b.data(), b.size());
                b.back() ^= 0x01;
                p.pdu = Create<Packet>(b.data(), uint32_t(b.size()));
                armed = false;
                ++flipped;
            }
        };
        NrSecurityTestSchedule(MilliSeconds(1),
                               [&]()
                               {
                                   armed = true;
                                   s.ue->RadioLinkFailure();
                               });
        s.RunUntil(MilliSeconds(200));
        NS_TEST_EXPECT_MSG_EQ(flipped, 1, "one PDU altered");
        NS_TEST_EXPECT_MSG_EQ(
            s.CountEvents(s.ueEvents,
                          "reestablishment-failed:RRCReestablishment failed the integrity check"),
            1,
            "the check failed");
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetState(), NrSecurityRrcState::IDLE, "RRC_IDLE");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetKgnb()), std::string(64, '0'), "no key kept");
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetReestablishments(), 0, "not re-established");
        for (const auto& e : s.ueEpochs)
        {
            NS_TEST_EXPECT_MSG_NE(e.cause, "reestablishment", "no re-establishment epoch");
        }
    }
};

/**
 * An unprotected message injected on SRB1 during re-establishment: SRB1 runs without security
 * from the request until the RRCReestablishment is verified (TS 38.331 5.3.7.4), so an
 * RRCRelease with a zero MAC-I is delivered by PDCP; RRC refuses it (the UE does not go to
 * RRC_IDLE on it). The genuine RRCReestablishment then has the same COUNT and is discarded as
 * a duplicate, so T301 ends the attempt (a denial of service an attacker on the air can cause
 * in any case).
 */
class ReestablishmentInjectedTestCase : public RecoveryTestCase
{
  public:
    ReestablishmentInjectedTestCase()
        : RecoveryTestCase("reestablishment-injected: unprotected RRCRelease on SRB1 refused")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s;
        s.ue->SetAttribute("T301", TimeValue(MilliSeconds(200)));
        Establish(s);
        // The forged PDU: a PDCP SRB1 data PDU for COUNT 0 without protection (zero MAC-I).
        Ptr<NrSecurityPdcp> forger = CreateObject<NrSecurityPdcp>();
        NrSecurityPdcpFormat f;
        f.rbType = NrSecurityRbType::SRB;
        f.rbId = 1;
        forger->SetAttribute("Direction", StringValue("DL"));
        forger->SetFormat(f);
        Ptr<Packet> forged;
        forger->SetTransmitPduCallback(
            NrSecurityTestCallback<void, Ptr<Packet>>([&forged](Ptr<Packet> p) { forged = p; }));
        const std::vector<uint8_t> release = NrSecurityRrcMessage::EncodeRrcRelease(0);
        forger->TransmitSdu(Create<Packet>(release.data(), uint32_t(release.size())));
        NS_TEST_ASSERT_MSG_NE(forged, nullptr, "forged PDU built");
        Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::RadioLinkFailure, s.ue);
        NrSecurityTestSchedule(MilliSeconds(1) + MicroSeconds(500),
                               [&]()
                               {
                                   NrSecurityRbPdu p;
                                   p.type = NrSecurityRbType::SRB;
                                   p.rbId = 1;
                                   p.pdu = forged;
                                   s.ue->ReceivePdu(p);
                               });
        s.RunUntil(MilliSeconds(130));
        NS_TEST_EXPECT_MSG_EQ(
            s.CountEvents(s.refused, "ue:rrcRelease:only RRCReestablishment"), 1, "refused");
        NS_TEST_EXPECT_MSG_EQ(s.CountEvents(s.ueEvents, "idle:RRCRelease"), 0, "not acted upon");
        NS_TEST_EXPECT_MSG_EQ(
            s.ue->GetState(), NrSecurityRrcState::REESTABLISHING, "still re-establishing");
        forger->Dispose();
    }
};

/**
 * Suspend with a fresh NCC, resume elsewhere (TS 33.501 6.8.2.1.1-6.8.2.1.3): after a
 * re-establishment into gNB 2 its path switch left {NH_2, NCC 2} unused, so its RRCRelease
 * carries NCC 2 and gNB 2 drops K_gNB; the UE resumes in cell 1: gNB 1 retrieves the context,
 * gNB 2 checks resumeMAC-I (K_RRCint of gNB 2's K_gNB, VarResumeMAC-Input(2, 0x10, 1))
 * and derives K_gNB* = KDF(NH_2, 0x70, 1, 632628), vertical, as the UE does from its chain.
 */
class ResumeFreshNccTestCase : public RecoveryTestCase
{
  public:
    ResumeFreshNccTestCase()
        : RecoveryTestCase("resume-fresh-ncc: suspended with the NCC of an unused NH, vertical")
    {
    }

  private:
    void DoRun() override
    {
        Scenario s(2);
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
        NS_TEST_EXPECT_MSG_EQ(unsigned(s.ue->GetInactiveContext().suspend.nextHopChainingCount),
                              2,
                              "suspendConfig carries the fresh NCC");
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetInactiveContext().suspend.shortIRnti, 0x020001u, "I-RNTI");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(1).kGnb), std::string(64, '0'), "K_gNB deleted");
        s.selected = 0;
        Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::Resume, s.ue);
        s.RunUntil(MilliSeconds(300));
        NrSecurityRrcDecoded r
            = NrSecurityRrcMessage::DecodeUlCcch(s.ulCcch.back().data(), s.ulCcch.back().size());
        NS_TEST_EXPECT_MSG_EQ(r.resumeMacI,
                              OracleShortMacI(OracleAlgKey(k2, 0x04, 2), 2, 0x10, SCENARIO_CRNTI),
                              "resumeMAC-I with gNB 2's K_RRCint");
        const std::vector<uint8_t> k3 = OracleKgnbStar(FromHex(M2_NH2), 1, 632628);
        NS_TEST_EXPECT_MSG_EQ(s.ue->GetState(), NrSecurityRrcState::SECURITY_ACTIVE, "resumed");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.ue->GetKgnb()), ToHex(k3), "UE K_gNB* from NH_2");
        NS_TEST_EXPECT_MSG_EQ(Hex(s.Ctx(0).kGnb), ToHex(k3), "gNB 1 K_gNB* from NH_2");
        NS_TEST_ASSERT_MSG_EQ(s.ueEpochs.empty(), false, "epochs");
        NS_TEST_EXPECT_MSG_EQ(s.ueEpochs.back().cause, "resume", "cause");
        NS_TEST_EXPECT_MSG_EQ(s.ueEpochs.back().DerivationName(), "vertical", "vertical");
        NS_TEST_EXPECT_MSG_EQ(unsigned(s.ue->GetNcc()), 2, "NCC 2");
        NS_TEST_EXPECT_MSG_EQ(s.Ctx(1).state, NrSecurityRrcState::RELEASED, "gNB 2 released");
        NS_TEST_EXPECT_MSG_EQ(s.refused.size(), 0, "nothing refused");
        CheckDataAndDrbIntegrity(s, 0, k3);
    }
};

/**
 * Timers and preconditions (TS 38.331 5.3.7.1, 5.3.7.7, 5.3.13.5): no answer to the request:
 * T301 (200 ms) / T319 (200 ms) expiry sends the UE to RRC_IDLE; a radio link failure before
 * AS security activation: RRC_IDLE at once, no request.
 */
class RecoveryTimersTestCase : public RecoveryTestCase
{
  public:
    RecoveryTimersTestCase()
        : RecoveryTestCase("recovery-timers: T301 and T319 expiry, failure before security")
    {
    }

  private:
    void DoRun() override
    {
        {
            Scenario s;
            s.ue->SetAttribute("T301", TimeValue(MilliSeconds(200)));
            Establish(s);
            s.dropUlCcch = true;
            Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::RadioLinkFailure, s.ue);
            s.RunUntil(MilliSeconds(320));
            NS_TEST_EXPECT_MSG_EQ(
                s.ue->GetState(), NrSecurityRrcState::REESTABLISHING, "T301 runs");
            s.RunUntil(MilliSeconds(330));
            NS_TEST_EXPECT_MSG_EQ(s.ue->GetState(), NrSecurityRrcState::IDLE, "T301 expired");
            NS_TEST_EXPECT_MSG_EQ(s.CountEvents(s.ueEvents, "t301-expiry"), 1, "traced");
        }
        {
            Scenario s;
            s.ue->SetAttribute("T319", TimeValue(MilliSeconds(200)));
            Establish(s);
            Simulator::Schedule(MilliSeconds(1), &NrSecurityGnbRrc::Suspend, s.gnbs[0], s.ueId);
            s.RunUntil(MilliSeconds(130));
            s.dropUlCcch = true;
            Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::Resume, s.ue);
            s.RunUntil(MilliSeconds(340));
            NS_TEST_EXPECT_MSG_EQ(s.ue->GetState(), NrSecurityRrcState::IDLE, "T319 expired");
            NS_TEST_EXPECT_MSG_EQ(s.CountEvents(s.ueEvents, "t319-expiry"), 1, "traced");
            NS_TEST_EXPECT_MSG_EQ(s.ue->GetInactiveContext().stored, false, "context discarded");
        }
        {
            Scenario s;
            // The failure right after RRCSetup (RRC_CONNECTED, no AS security yet).
            NrSecurityUeRrc* ue = PeekPointer(s.ue);
            s.ue->TraceConnectWithoutContext(
                "StateChanged",
                NrSecurityTestCallback<void, uint32_t, const std::string&, const std::string&>(
                    [ue](uint32_t, const std::string&, const std::string& now)
                    {
                        if (now == "CONNECTED")
                        {
                            Simulator::ScheduleNow(&NrSecurityUeRrc::RadioLinkFailure, ue);
                        }
                    }));
            Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::Connect, s.ue, uint16_t(1));
            s.RunUntil(MilliSeconds(100));
            NS_TEST_EXPECT_MSG_EQ(s.ulCcch.size(), 1, "no RRCReestablishmentRequest");
            NS_TEST_EXPECT_MSG_EQ(
                s.CountEvents(s.ueEvents, "idle:radio link failure before AS security"),
                1,
                "RRC_IDLE (TS 38.331 5.3.7.1)");
        }
    }
};

} // namespace

/// The suite.
class NrSecurityReestablishmentTestSuite : public TestSuite
{
  public:
    NrSecurityReestablishmentTestSuite()
        : TestSuite("nr-security-reestablishment", NrSecurityTestType::UNIT)
    {
        AddTestCase(new ReestablishmentSameCellTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new ReestablishmentWrongShortMacITestCase(true), NrSecurityTestDuration::QUICK);
        AddTestCase(new ReestablishmentWrongShortMacITestCase(false),
                    NrSecurityTestDuration::QUICK);
        AddTestCase(new ResumeSameCellTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new ResumeWrongMacITestCase(true), NrSecurityTestDuration::QUICK);
        AddTestCase(new ResumeWrongMacITestCase(false), NrSecurityTestDuration::QUICK);
        AddTestCase(new ReestablishmentOtherGnbTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new ReestablishmentOtherGnbWrongMacTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new ResumeOtherGnbTestCase(false), NrSecurityTestDuration::QUICK);
        AddTestCase(new ResumeOtherGnbTestCase(true), NrSecurityTestDuration::QUICK);
        AddTestCase(new ReestablishmentForgedTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new ReestablishmentInjectedTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new ResumeFreshNccTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(new RecoveryTimersTestCase, NrSecurityTestDuration::QUICK);
        AddTestCase(MakeResumeReplayTestCase(), NrSecurityTestDuration::QUICK);
        AddTestCase(MakeReestablishmentReplayTestCase(), NrSecurityTestDuration::QUICK);
        AddTestCase(MakeReestablishmentNhIndexTestCase(), NrSecurityTestDuration::QUICK);
        AddTestCase(MakeRetrieveBadInputTestCase(), NrSecurityTestDuration::QUICK);
    }
};

static NrSecurityReestablishmentTestSuite
    g_nrSecurityReestablishmentTestSuite; ///< registers the suite
