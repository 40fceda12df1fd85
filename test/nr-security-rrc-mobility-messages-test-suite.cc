// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The TS 38.331 UPER encodings (ITU-T X.691 UNALIGNED) of the mobility messages of issue 10:
 * RRCReconfiguration with reconfigurationWithSync and masterKeyUpdate (5.3.5.5, 5.3.5.7),
 * reestablishPDCP and drb-ToReleaseList, MeasurementReport (5.5.5), RRCReestablishmentRequest
 * / RRCReestablishment / RRCReestablishmentComplete (5.3.7), RRCRelease with suspendConfig
 * (5.3.8.3), RRCResumeRequest / RRCResume / RRCResumeComplete (5.3.13); shortMAC-I and
 * resumeMAC-I (5.3.7.4, 5.3.13.3) with case M5 of /work/shared/cases/mobility.md.
 *
 * The literal bytes here are those pycrate 0.8.1 (TS 38.331 V18 definitions) decodes to the
 * meant value and re-encodes identically, and that Wireshark's nr-rrc dissector shows as the
 * message meant (the same bytes are entries of test/data/rrc-messages-uper.json, checked by
 * test/nr-security-rrc-pycrate-test.py and test/nr-security-rrc-tshark-test.py).
 */
#include "../model/compat/nr-security-ns3-compat.h"
#include "nr-security-rrc-message-vectors.h"
#include "nr-security-test-vectors.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-asn1.h"
#include "ns3/nr-security-rrc-message.h"
#include "ns3/nr-security-short-mac-i.h"
#include "ns3/test.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

using Rrc = NrSecurityRrcMessage;
using Decoded = NrSecurityRrcDecoded;

const char* const UL_CCCH = "UL-CCCH-Message";
const char* const DL_DCCH = "DL-DCCH-Message";
const char* const UL_DCCH = "UL-DCCH-Message";

bool
Contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

uint32_t
GetBits(const std::vector<uint8_t>& b, size_t pos, uint32_t width)
{
    uint32_t v = 0;
    for (uint32_t i = 0; i < width; ++i)
    {
        size_t bit = pos + i;
        v = v << 1 | ((b.at(bit / 8) >> (7 - bit % 8)) & 1U);
    }
    return v;
}

std::vector<uint8_t>
SetBits(std::vector<uint8_t> b, size_t pos, uint32_t width, uint32_t value)
{
    for (uint32_t i = 0; i < width; ++i)
    {
        size_t bit = pos + i;
        auto mask = static_cast<uint8_t>(0x80U >> (bit % 8));
        bool one = ((value >> (width - 1 - i)) & 1U) != 0;
        b.at(bit / 8) = static_cast<uint8_t>(one ? (b[bit / 8] | mask) : (b[bit / 8] & ~mask));
    }
    return b;
}

/// The handover target of the reference vector: PCI 2, ARFCN-DL 632628 (n78), C-RNTI 0x4601.
NrSecurityReconfigurationWithSync
ReferenceSync()
{
    NrSecurityReconfigurationWithSync s;
    s.targetPci = 2;
    s.ssbArfcn = 632628;
    s.newUeIdentity = 0x4601;
    s.t304Ms = 1000;
    s.band = 78;
    return s;
}

/// SRB1, SRB2 and DRB 1 (PDU session 1, QFI 9, 18-bit SN), all with reestablishPDCP.
NrSecurityRadioBearerConfig
HandoverBearers()
{
    NrSecurityRadioBearerConfig rb;
    rb.srbsToAdd = {1, 2};
    rb.srbReestablishPdcp = true;
    NrSecurityDrbConfig d;
    d.qfis = {9};
    d.reestablishPdcp = true;
    rb.drbsToAdd.push_back(d);
    return rb;
}

/// The handover command of the reference: transaction 1, NCC 2, keySetChangeIndicator false.
const char* const HANDOVER_HEX = "028a941103680780481787c1d20280810980001249a734026934e680000620"
                                 "788c034100";

/**
 * One exact encoding per new message, literal here, decoded back to its fields and
 * re-encoded (TS 38.331 6.2.2; the field values are those pycrate decodes from these bytes).
 */
class MobilityExactTestCase : public TestCase
{
  public:
    MobilityExactTestCase()
        : TestCase("TS 38.331 6.2.2 exact UPER bytes of each issue-10 message, both ways")
    {
    }

  private:
    /// Decodes hex on channel, expects ok, the type and the identical re-encoding.
    Decoded Back(const std::string& channel, const std::string& hex, Decoded::Type type)
    {
        Decoded d = RrcMessageParams::Decode(channel, FromHex(hex));
        NS_TEST_EXPECT_MSG_EQ(d.ok, true, hex << ": " << d.error);
        NS_TEST_EXPECT_MSG_EQ(Rrc::Name(d.type), Rrc::Name(type), hex);
        if (d.ok)
        {
            NS_TEST_EXPECT_MSG_EQ(ToHex(Rrc::Reencode(d)), hex, "round trip " << hex);
        }
        return d;
    }

    void DoRun() override
    {
        // Handover (TS 38.331 5.3.5.5.2, 5.3.5.7): the target cell and the NCC of K_gNB*.
        NrSecurityReconfigurationWithSync sync = ReferenceSync();
        NrSecurityMasterKeyUpdate mku;
        mku.nextHopChainingCount = 2;
        NS_TEST_EXPECT_MSG_EQ(
            ToHex(Rrc::EncodeRrcReconfiguration(1, HandoverBearers(), &sync, &mku)),
            HANDOVER_HEX,
            "handover command");
        Decoded d = Back(DL_DCCH, HANDOVER_HEX, Decoded::RRC_RECONFIGURATION);
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.transactionId), 1, "transaction");
        NS_TEST_EXPECT_MSG_EQ(d.reconfigurationWithSyncPresent, true, "reconfigurationWithSync");
        NS_TEST_EXPECT_MSG_EQ(d.reconfigurationWithSync.targetPci, 2, "physCellId");
        NS_TEST_EXPECT_MSG_EQ(d.reconfigurationWithSync.ssbArfcn, 632628, "absoluteFrequencySSB");
        NS_TEST_EXPECT_MSG_EQ(d.reconfigurationWithSync.newUeIdentity, 0x4601, "newUE-Identity");
        NS_TEST_EXPECT_MSG_EQ(d.reconfigurationWithSync.t304Ms, 1000, "t304 ms1000");
        NS_TEST_EXPECT_MSG_EQ(d.reconfigurationWithSync.band, 78, "band n78");
        NS_TEST_EXPECT_MSG_EQ(d.masterKeyUpdatePresent, true, "masterKeyUpdate");
        NS_TEST_EXPECT_MSG_EQ(d.masterKeyUpdate.keySetChangeIndicator, false, "keySetChange");
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.masterKeyUpdate.nextHopChainingCount), 2, "NCC");
        NS_TEST_EXPECT_MSG_EQ((d.radioBearerConfig == HandoverBearers()), true, "bearers");
        NS_TEST_EXPECT_MSG_EQ(d.radioBearerConfig.srbReestablishPdcp, true, "SRB reestablishPDCP");
        NS_TEST_EXPECT_MSG_EQ(d.radioBearerConfig.drbsToAdd.at(0).reestablishPdcp, true, "DRB");

        // Without sync and masterKeyUpdate: exactly the issue-9 RRCReconfiguration.
        NrSecurityRadioBearerConfig plain;
        plain.srbsToAdd = {2};
        NS_TEST_EXPECT_MSG_EQ(ToHex(Rrc::EncodeRrcReconfiguration(0, plain, nullptr, nullptr)),
                              ToHex(Rrc::EncodeRrcReconfiguration(0, plain)),
                              "no v1530 extension when both are absent");
        Decoded p = Back(
            DL_DCCH, ToHex(Rrc::EncodeRrcReconfiguration(0, plain)), Decoded::RRC_RECONFIGURATION);
        NS_TEST_EXPECT_MSG_EQ(p.reconfigurationWithSyncPresent, false, "no sync");
        NS_TEST_EXPECT_MSG_EQ(p.masterKeyUpdatePresent, false, "no masterKeyUpdate");

        // masterKeyUpdate alone (keySetChangeIndicator true: K_gNB from a new K_AMF, NCC 7)
        NrSecurityMasterKeyUpdate ksc;
        ksc.keySetChangeIndicator = true;
        ksc.nextHopChainingCount = 7;
        NS_TEST_EXPECT_MSG_EQ(
            ToHex(Rrc::EncodeRrcReconfiguration(0, NrSecurityRadioBearerConfig(), nullptr, &ksc)),
            "0088020780",
            "masterKeyUpdate only");
        d = Back(DL_DCCH, "0088020780", Decoded::RRC_RECONFIGURATION);
        NS_TEST_EXPECT_MSG_EQ(d.masterKeyUpdate.keySetChangeIndicator, true, "keySetChange");
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.masterKeyUpdate.nextHopChainingCount), 7, "NCC 7");
        NS_TEST_EXPECT_MSG_EQ(d.reconfigurationWithSyncPresent, false, "no sync");

        // drb-ToReleaseList with the same DRB added again (key refresh, TS 38.331 5.3.5.6)
        NrSecurityRadioBearerConfig again;
        NrSecurityDrbConfig drb;
        drb.qfis = {9};
        again.drbsToAdd.push_back(drb);
        again.drbToRelease = {1};
        std::string releaseHex = ToHex(Rrc::EncodeRrcReconfiguration(0, again));
        NS_TEST_EXPECT_MSG_EQ(releaseHex, "0080c04d00f00902f0f83800", "release and add DRB 1");
        d = Back(DL_DCCH, releaseHex, Decoded::RRC_RECONFIGURATION);
        NS_TEST_EXPECT_MSG_EQ((d.radioBearerConfig.drbToRelease == std::vector<uint8_t>{1}),
                              true,
                              "drb-ToReleaseList");

        // MeasurementReport: RSRP_76 = [-81, -80) dBm, RSRP_82, RSRP_57 (TS 38.133 10.1.6.1)
        NrSecurityMeasResults mr;
        mr.serving.cell.pci = 1;
        mr.serving.rsrpDbm = -80.4;
        NrSecurityCellMeasurement n1;
        n1.cell.pci = 2;
        n1.rsrpDbm = -75;
        NrSecurityCellMeasurement n2;
        n2.cell.pci = 1007;
        n2.rsrpDbm = -99.5;
        mr.neighbours = {n1, n2};
        NS_TEST_EXPECT_MSG_EQ(ToHex(Rrc::EncodeMeasurementReport(mr)),
                              "00400004015260a012949fbd4720",
                              "measurementReport");
        d = Back(UL_DCCH, "00400004015260a012949fbd4720", Decoded::MEASUREMENT_REPORT);
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.measResults.measId), 1, "measId");
        NS_TEST_EXPECT_MSG_EQ(d.measResults.serving.cell.pci, 1, "serving PCI");
        NS_TEST_EXPECT_MSG_EQ(d.measResults.serving.rsrpDbm, -81.0, "serving RSRP_76 -> -81");
        NS_TEST_ASSERT_MSG_EQ(d.measResults.neighbours.size(), 2, "two neighbours");
        NS_TEST_EXPECT_MSG_EQ(d.measResults.neighbours[0].cell.pci, 2, "neighbour PCI");
        NS_TEST_EXPECT_MSG_EQ(d.measResults.neighbours[0].rsrpDbm, -75.0, "RSRP_82 -> -75");
        NS_TEST_EXPECT_MSG_EQ(d.measResults.neighbours[1].cell.pci, 1007, "PCI 1007");
        NS_TEST_EXPECT_MSG_EQ(d.measResults.neighbours[1].rsrpDbm, -100.0, "RSRP_57 -> -100");

        // RRCReestablishmentRequest of case M5: C-RNTI 0x4601, PCI 1, shortMAC-I 0x35dd,
        // otherFailure
        NS_TEST_EXPECT_MSG_EQ(ToHex(Rrc::EncodeRrcReestablishmentRequest(0x4601, 1, 0x35dd, 2)),
                              "48c02009aeec",
                              "rrcReestablishmentRequest");
        d = Back(UL_CCCH, "48c02009aeec", Decoded::RRC_REESTABLISHMENT_REQUEST);
        NS_TEST_EXPECT_MSG_EQ(d.cRnti, 0x4601, "c-RNTI");
        NS_TEST_EXPECT_MSG_EQ(d.physCellId, 1, "physCellId");
        NS_TEST_EXPECT_MSG_EQ(d.shortMacI, 0x35dd, "shortMAC-I");
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.reestablishmentCause), 2, "otherFailure");

        NS_TEST_EXPECT_MSG_EQ(ToHex(Rrc::EncodeRrcReestablishment(0, 3)), "1818", "NCC 3");
        d = Back(DL_DCCH, "1818", Decoded::RRC_REESTABLISHMENT);
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.nextHopChainingCount), 3, "nextHopChainingCount");
        NS_TEST_EXPECT_MSG_EQ(ToHex(Rrc::EncodeRrcReestablishmentComplete(2)), "1c00", "complete");
        d = Back(UL_DCCH, "1c00", Decoded::RRC_REESTABLISHMENT_COMPLETE);
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.transactionId), 2, "transaction");

        // RRCRelease with suspendConfig (TS 38.331 5.3.8.3)
        NrSecuritySuspendConfig sc;
        sc.fullIRnti = 0x123456789aULL;
        sc.shortIRnti = 0x56789a;
        sc.ranPagingCycle = 256;
        sc.nextHopChainingCount = 1;
        NS_TEST_EXPECT_MSG_EQ(ToHex(Rrc::EncodeRrcRelease(1, sc)),
                              "1220091a2b3c4d2b3c4d64",
                              "rrcRelease suspendConfig");
        d = Back(DL_DCCH, "1220091a2b3c4d2b3c4d64", Decoded::RRC_RELEASE);
        NS_TEST_EXPECT_MSG_EQ(d.suspendConfigPresent, true, "suspendConfig");
        NS_TEST_EXPECT_MSG_EQ((d.suspendConfig == sc), true, "suspendConfig fields");
        d = Back(DL_DCCH, ToHex(Rrc::EncodeRrcRelease(0)), Decoded::RRC_RELEASE);
        NS_TEST_EXPECT_MSG_EQ(d.suspendConfigPresent, false, "release to RRC_IDLE");

        // RRCResumeRequest (TS 38.331 5.3.13.3), RRCResume, RRCResumeComplete
        NS_TEST_EXPECT_MSG_EQ(ToHex(Rrc::EncodeRrcResumeRequest(0x56789a, 0xbeef, 3)),
                              "2acf1357dde6",
                              "rrcResumeRequest");
        d = Back(UL_CCCH, "2acf1357dde6", Decoded::RRC_RESUME_REQUEST);
        NS_TEST_EXPECT_MSG_EQ(d.resumeIdentity, 0x56789a, "resumeIdentity");
        NS_TEST_EXPECT_MSG_EQ(d.resumeMacI, 0xbeef, "resumeMAC-I");
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.resumeCause), 3, "mo-Signalling");
        NS_TEST_EXPECT_MSG_EQ(ToHex(Rrc::EncodeRrcResume(0, nullptr)), "0800", "rrcResume");
        d = Back(DL_DCCH, "0800", Decoded::RRC_RESUME);
        NS_TEST_EXPECT_MSG_EQ(d.radioBearerConfigPresent, false, "no radioBearerConfig");
        NrSecurityRadioBearerConfig resumeRb = HandoverBearers();
        resumeRb.srbsToAdd = {2};
        std::string resumeHex = ToHex(Rrc::EncodeRrcResume(2, &resumeRb));
        NS_TEST_EXPECT_MSG_EQ(resumeHex, "0c8142206d00f00902f0f838", "rrcResume SRB2 + DRB1");
        d = Back(DL_DCCH, resumeHex, Decoded::RRC_RESUME);
        NS_TEST_EXPECT_MSG_EQ((d.radioBearerConfig == resumeRb), true, "resume bearers");
        NS_TEST_EXPECT_MSG_EQ(ToHex(Rrc::EncodeRrcResumeComplete(3)), "2600", "resume complete");
        Back(UL_DCCH, "2600", Decoded::RRC_RESUME_COMPLETE);

        NS_TEST_EXPECT_MSG_EQ(Rrc::Name(Decoded::MEASUREMENT_REPORT), "measurementReport", "Name");
        NS_TEST_EXPECT_MSG_EQ(Rrc::Name(Decoded::RRC_RESUME_COMPLETE), "rrcResumeComplete", "Name");
    }
};

/**
 * The issue-10 entries of rrc-messages-uper.json: the decoded fields are those of the params
 * (exact bytes and round trip are the nr-security-rrc-messages suite's job for every entry).
 */
class MobilityVectorsTestCase : public TestCase
{
  public:
    MobilityVectorsTestCase()
        : TestCase("rrc-messages-uper.json issue-10 entries: decoded fields equal the params")
    {
    }

  private:
    void DoRun() override
    {
        auto doc = LoadVectors("rrc-messages-uper.json");
        size_t n = 0;
        for (const auto& entry : doc.get_child("encodings"))
        {
            const auto& v = entry.second;
            std::string message = v.get<std::string>("message");
            const auto& p = v.get_child("params");
            std::string label = message + " " + v.get<std::string>("note");
            Decoded d = RrcMessageParams::Decode(v.get<std::string>("channel"),
                                                 FromHex(v.get<std::string>("uper_hex")));
            NS_TEST_ASSERT_MSG_EQ(d.ok, true, label << ": " << d.error);
            auto sync = p.get_child_optional("sync");
            auto mku = p.get_child_optional("masterKeyUpdate");
            auto suspend = p.get_child_optional("suspend");
            NS_TEST_EXPECT_MSG_EQ(d.reconfigurationWithSyncPresent, bool(sync), label);
            NS_TEST_EXPECT_MSG_EQ(d.masterKeyUpdatePresent, bool(mku), label);
            NS_TEST_EXPECT_MSG_EQ(d.suspendConfigPresent, bool(suspend), label);
            bool mobility = sync || mku || suspend || p.count("srbReestablishPdcp") != 0;
            if (sync)
            {
                NS_TEST_EXPECT_MSG_EQ(
                    (d.reconfigurationWithSync == RrcMessageParams::Sync(*sync)), true, label);
            }
            if (mku)
            {
                NS_TEST_EXPECT_MSG_EQ(
                    (d.masterKeyUpdate == RrcMessageParams::MasterKeyUpdate(*mku)), true, label);
            }
            if (suspend)
            {
                NS_TEST_EXPECT_MSG_EQ(
                    (d.suspendConfig == RrcMessageParams::Suspend(*suspend)), true, label);
            }
            if (message == "rrcReconfiguration" || message == "rrcResume")
            {
                bool rbc = message == "rrcReconfiguration" || p.get<bool>("rbConfig");
                NS_TEST_EXPECT_MSG_EQ(d.radioBearerConfigPresent, rbc, label);
                if (rbc)
                {
                    NS_TEST_EXPECT_MSG_EQ(
                        (d.radioBearerConfig == RrcMessageParams::RadioBearers(p)), true, label);
                }
                mobility = mobility || message == "rrcResume";
            }
            if (message == "measurementReport")
            {
                NrSecurityMeasResults want = RrcMessageParams::MeasResults(p);
                NS_TEST_EXPECT_MSG_EQ(unsigned(d.measResults.measId), unsigned(want.measId), label);
                NS_TEST_EXPECT_MSG_EQ(d.measResults.serving.cell.pci, want.serving.cell.pci, label);
                // the params are lower bounds of RSRP-Range intervals: decoded exactly
                NS_TEST_EXPECT_MSG_EQ(d.measResults.serving.rsrpDbm, want.serving.rsrpDbm, label);
                NS_TEST_ASSERT_MSG_EQ(
                    d.measResults.neighbours.size(), want.neighbours.size(), label);
                for (size_t i = 0; i < want.neighbours.size(); ++i)
                {
                    NS_TEST_EXPECT_MSG_EQ(
                        d.measResults.neighbours[i].cell.pci, want.neighbours[i].cell.pci, label);
                    NS_TEST_EXPECT_MSG_EQ(
                        d.measResults.neighbours[i].rsrpDbm, want.neighbours[i].rsrpDbm, label);
                }
                mobility = true;
            }
            if (message == "rrcReestablishmentRequest")
            {
                NS_TEST_EXPECT_MSG_EQ(unsigned(d.cRnti), p.get<unsigned>("cRnti"), label);
                NS_TEST_EXPECT_MSG_EQ(unsigned(d.physCellId), p.get<unsigned>("pci"), label);
                NS_TEST_EXPECT_MSG_EQ(unsigned(d.shortMacI), p.get<unsigned>("shortMacI"), label);
                NS_TEST_EXPECT_MSG_EQ(
                    unsigned(d.reestablishmentCause), p.get<unsigned>("cause"), label);
                mobility = true;
            }
            if (message == "rrcReestablishment")
            {
                NS_TEST_EXPECT_MSG_EQ(
                    unsigned(d.nextHopChainingCount), p.get<unsigned>("ncc"), label);
                mobility = true;
            }
            if (message == "rrcResumeRequest")
            {
                NS_TEST_EXPECT_MSG_EQ(d.resumeIdentity, p.get<uint32_t>("shortIRnti"), label);
                NS_TEST_EXPECT_MSG_EQ(unsigned(d.resumeMacI), p.get<unsigned>("resumeMacI"), label);
                NS_TEST_EXPECT_MSG_EQ(unsigned(d.resumeCause), p.get<unsigned>("cause"), label);
                mobility = true;
            }
            if (message == "rrcReestablishmentComplete" || message == "rrcResumeComplete")
            {
                mobility = true;
            }
            n += mobility ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(n, 23, "issue-10 entries in rrc-messages-uper.json");
    }
};

/**
 * shortMAC-I and resumeMAC-I (TS 38.331 5.3.7.4, 5.3.13.3): case M5 of
 * /work/shared/cases/mobility.md (computed there with an independent NIA2 and cross-checked).
 */
class ShortMacITestCase : public TestCase
{
  public:
    ShortMacITestCase()
        : TestCase("shortMAC-I and resumeMAC-I over VarShortMAC-Input and VarResumeMAC-Input, "
                   "COUNT, BEARER, DIRECTION all ones (case M5)")
    {
    }

  private:
    void DoRun() override
    {
        NrSecurityKey128 kRrcInt
            = NrSecurityAlgorithms::Key128FromBytes(FromHex("3dc37c61c21fb16740a2b2fe27783646"));
        // VarShortMAC-Input: source PCI 1, target cellIdentity 0x000000010, C-RNTI 0x4601
        auto input = NrSecurityShortMacI::EncodeVarShortMacInput(1, 0x10, 0x4601);
        NS_TEST_EXPECT_MSG_EQ(ToHex(input), "0040000000411804", "M5 VarShortMAC-Input");
        NS_TEST_EXPECT_MSG_EQ(ToHex(NrSecurityShortMacI::EncodeVarResumeMacInput(1, 0x10, 0x4601)),
                              "0040000000411804",
                              "VarResumeMAC-Input has the same fields and shape");
        // the 32-bit MAC-I of case M5, then its 16 least significant bits
        NS_TEST_EXPECT_MSG_EQ(
            ToHex32(NrSecurityAlgorithms::Nia(
                NrSecurityIntegrity::NIA2, kRrcInt, 0xFFFFFFFFU, 31, 1, input, 64)),
            "485b35dd",
            "M5 MAC-I");
        NS_TEST_EXPECT_MSG_EQ(
            NrSecurityShortMacI::Compute(NrSecurityIntegrity::NIA2, kRrcInt, input),
            0x35dd,
            "M5 shortMAC-I");
        NS_TEST_EXPECT_MSG_EQ(
            NrSecurityShortMacI::ShortMacI(NrSecurityIntegrity::NIA2, kRrcInt, 1, 0x10, 0x4601),
            0x35dd,
            "M5 shortMAC-I");
        NS_TEST_EXPECT_MSG_EQ(
            NrSecurityShortMacI::ResumeMacI(NrSecurityIntegrity::NIA2, kRrcInt, 1, 0x10, 0x4601),
            0x35dd,
            "resumeMAC-I over the same input");
        // the fault of M5: COUNT, BEARER, DIRECTION zero give another value
        uint32_t zeros
            = NrSecurityAlgorithms::Nia(NrSecurityIntegrity::NIA2, kRrcInt, 0, 0, 0, input, 64);
        NS_TEST_EXPECT_MSG_NE(
            uint32_t(zeros & 0xFFFFU), 0x35dd, "zero COUNT/BEARER/DIRECTION differ");
        // every input bit matters (source PCI, target cell identity, source C-RNTI)
        uint16_t m = 0x35dd;
        NS_TEST_EXPECT_MSG_NE(
            NrSecurityShortMacI::ShortMacI(NrSecurityIntegrity::NIA2, kRrcInt, 2, 0x10, 0x4601),
            m,
            "PCI");
        NS_TEST_EXPECT_MSG_NE(
            NrSecurityShortMacI::ShortMacI(NrSecurityIntegrity::NIA2, kRrcInt, 1, 0x11, 0x4601),
            m,
            "cellIdentity");
        NS_TEST_EXPECT_MSG_NE(
            NrSecurityShortMacI::ShortMacI(NrSecurityIntegrity::NIA2, kRrcInt, 1, 0x10, 0x4602),
            m,
            "C-RNTI");
        // the 36-bit cellIdentity and the 10-bit PCI at their limits
        NS_TEST_EXPECT_MSG_EQ(
            ToHex(NrSecurityShortMacI::EncodeVarShortMacInput(1007, (1ULL << 36) - 1, 0xFFFF)),
            "fbfffffffffffffc",
            "all ones");
        NS_TEST_EXPECT_MSG_EQ(
            NrSecurityShortMacI::Compute(NrSecurityIntegrity::NIA0, kRrcInt, input), 0, "NIA0");
        NS_TEST_EXPECT_MSG_EQ(
            Contains(InvalidArgumentMessage(
                         [] { NrSecurityShortMacI::EncodeVarShortMacInput(1008, 0, 0); }),
                     "sourcePci 1008"),
            true,
            "PCI 1008");
        NS_TEST_EXPECT_MSG_EQ(
            Contains(InvalidArgumentMessage(
                         [] { NrSecurityShortMacI::EncodeVarResumeMacInput(0, 1ULL << 36, 0); }),
                     "targetCellIdentity"),
            true,
            "cellIdentity of 37 bits");
    }
};

/// RSRP-Range (TS 38.133 10.1.6.1, Table 10.1.6.1-1) on the air and back.
class RsrpRangeTestCase : public TestCase
{
  public:
    RsrpRangeTestCase()
        : TestCase("MeasurementReport RSRP-Range: RSRP_0 below -156 dBm, RSRP_n from -157 + n, "
                   "RSRP_126 from -31 dBm")
    {
    }

  private:
    /// The RSRP-Range index our encoder sends for dbm, and what the decoder gives back.
    void Check(double dbm, uint32_t index, double back)
    {
        NrSecurityMeasResults r;
        r.serving.rsrpDbm = dbm;
        auto b = Rrc::EncodeMeasurementReport(r);
        // serving only: rsrp at bits 46..52 (see the refusal test's layout)
        NS_TEST_EXPECT_MSG_EQ(GetBits(b, 46, 7), index, "index of " << dbm << " dBm");
        Decoded d = Rrc::DecodeUlDcch(b.data(), b.size());
        NS_TEST_ASSERT_MSG_EQ(d.ok, true, d.error);
        NS_TEST_EXPECT_MSG_EQ(d.measResults.serving.rsrpDbm, back, "decoded " << dbm << " dBm");
    }

    void DoRun() override
    {
        Check(-200, 0, -157);
        Check(-156.01, 0, -157);
        Check(-156, 1, -156);
        Check(-155.01, 1, -156);
        Check(-155, 2, -155);
        Check(-80.4, 76, -81);
        Check(-32, 125, -32);
        Check(-31.5, 125, -32);
        Check(-31, 126, -31);
        Check(0, 126, -31);
    }
};

/**
 * Malformed and unsupported encodings of the issue-10 messages are refused with a reason
 * naming the field (TS 38.331 6.2.1, 6.2.2, 6.3.2; X.691 11.1, 19).
 */
class MobilityRefusalTestCase : public TestCase
{
  public:
    MobilityRefusalTestCase()
        : TestCase("issue-10 messages: truncated, padded, out-of-range and unsupported encodings "
                   "are refused with a reason naming the field")
    {
    }

  private:
    void Refused(const std::string& channel,
                 const std::vector<uint8_t>& b,
                 const std::string& needle)
    {
        Decoded d = RrcMessageParams::Decode(channel, b);
        std::string label = channel + " " + ToHex(b);
        NS_TEST_EXPECT_MSG_EQ(d.ok, false, label << " should be refused (" << needle << ")");
        NS_TEST_EXPECT_MSG_EQ(Contains(d.error, needle),
                              true,
                              label << ": reason '" << d.error << "' should mention '" << needle
                                    << "'");
    }

    void Field(const std::string& channel,
               const std::vector<uint8_t>& ref,
               size_t pos,
               uint32_t width,
               uint32_t value,
               uint32_t bad,
               const std::string& needle)
    {
        NS_TEST_ASSERT_MSG_EQ(GetBits(ref, pos, width),
                              value,
                              "layout of " << ToHex(ref) << " at bit " << pos << " (" << needle
                                           << ")");
        Refused(channel, SetBits(ref, pos, width, bad), needle);
    }

    void Framing(const std::string& channel, const std::vector<uint8_t>& ref, bool padding)
    {
        NS_TEST_ASSERT_MSG_EQ(RrcMessageParams::Decode(channel, ref).ok, true, ToHex(ref));
        for (size_t n = 1; n < ref.size(); ++n)
        {
            Refused(channel, std::vector<uint8_t>(ref.begin(), ref.begin() + n), "truncated");
        }
        auto longer = ref;
        longer.push_back(0);
        Refused(channel, longer, "1 trailing byte(s)");
        if (padding)
        {
            auto padded = ref;
            padded.back() |= 1;
            Refused(channel, padded, "non-zero padding");
        }
    }

    /// An RRCReconfiguration (transaction 0, empty radioBearerConfig) whose v1530
    /// masterCellGroup holds cellGroup.
    static std::vector<uint8_t> WithCellGroup(const std::vector<uint8_t>& cellGroup)
    {
        NrSecurityUperWriter w;
        w.Append(0, 8);    // c1, rrcReconfiguration, transaction 0, criticalExtensions
        w.Append(0x11, 5); // radioBearerConfig and nonCriticalExtension present
        w.Append(0, 6);    // RadioBearerConfig: nothing
        w.Append(0x80, 8); // v1530: masterCellGroup only
        w.Append(static_cast<uint32_t>(cellGroup.size()), 8);
        for (uint8_t b : cellGroup)
        {
            w.Append(b, 8);
        }
        return w.Bytes();
    }

    void DoRun() override
    {
        // UL-CCCH RRCReestablishmentRequest: c1 1-2, c-RNTI 3-18, physCellId 19-28,
        // shortMAC-I 29-44, reestablishmentCause 45-46, spare 47
        auto req = FromHex("48c02009aeec");
        Framing(UL_CCCH, req, false);
        Field(UL_CCCH, req, 19, 10, 1, 1008, "ue-Identity physCellId 1008 is out of range");
        Field(UL_CCCH, req, 45, 2, 2, 3, "reestablishmentCause spare1");
        Field(UL_CCCH, req, 47, 1, 0, 1, "the spare bit is 1");
        Field(UL_CCCH, req, 1, 2, 2, 3, "rrcSystemInfoRequest is not supported");
        // UL-CCCH RRCResumeRequest: resumeIdentity 3-26, resumeMAC-I 27-42, cause 43-46, spare 47
        auto resume = FromHex("2acf1357dde6");
        Framing(UL_CCCH, resume, false);
        Field(UL_CCCH, resume, 43, 4, 3, 11, "resumeCause mt-SDT-v1810 (index 11)");
        Field(UL_CCCH, resume, 43, 4, 3, 15, "resumeCause spare1");
        Field(UL_CCCH, resume, 47, 1, 0, 1, "the spare bit is 1");

        // DL-DCCH RRCReestablishment: transaction 5-6, criticalExtensions 7, presence 8-9,
        // NCC 10-12; UL-DCCH RRCReestablishmentComplete: presence 8-9
        auto rest = FromHex("1818");
        Framing(DL_DCCH, rest, true);
        Field(DL_DCCH, rest, 7, 1, 0, 1, "rrcReestablishment: criticalExtensionsFuture");
        Field(DL_DCCH, rest, 8, 1, 0, 1, "lateNonCriticalExtension is present: not supported");
        Field(DL_DCCH, rest, 9, 1, 0, 1, "nonCriticalExtension is present: not supported");
        auto restc = FromHex("1800");
        Framing(UL_DCCH, restc, true);
        Field(UL_DCCH, restc, 9, 1, 0, 1, "rrcReestablishmentComplete: nonCriticalExtension");
        // RRCResume presence 8-13, RRCResumeComplete presence 8-12
        auto res = FromHex("0800");
        Framing(DL_DCCH, res, true);
        Field(DL_DCCH, res, 9, 1, 0, 1, "rrcResume: masterCellGroup is present");
        Field(DL_DCCH, res, 11, 1, 0, 1, "rrcResume: fullConfig is present");
        auto resc = FromHex("2000");
        Framing(UL_DCCH, resc, true);
        Field(UL_DCCH, resc, 8, 1, 0, 1, "rrcResumeComplete: dedicatedNAS-Message is present");
        Field(UL_DCCH, resc, 9, 1, 0, 1, "selectedPLMN-Identity is present");

        // RRCRelease with suspendConfig: presence 8-13, SuspendConfig ext 14, presence 15-16,
        // fullI-RNTI 17-56, shortI-RNTI 57-80, ran-PagingCycle 81-82, NCC 83-85
        auto rel = FromHex("1220091a2b3c4d2b3c4d64");
        Framing(DL_DCCH, rel, true);
        Field(DL_DCCH, rel, 14, 1, 0, 1, "SuspendConfig extension additions are not supported");
        Field(DL_DCCH, rel, 15, 1, 0, 1, "ran-NotificationAreaInfo is present: not supported");
        Field(DL_DCCH, rel, 16, 1, 0, 1, "t380 is present: not supported");
        Field(
            DL_DCCH, rel, 8, 1, 0, 1, "redirectedCarrierInfo with suspendConfig is not supported");

        // MeasurementReport (serving only): criticalExtensions 5, presence 6-7, MeasResults
        // ext 8, presence 9, measId 10-15, list size 16-20, ServMO ext 21, presence 22,
        // servCellId 23-27, MeasResultNR ext 28, presence 29, PCI 30-39, rsIndexResults 40,
        // cellResults 41-42, MeasQuantityResults 43-45, rsrp 46-52
        auto mr = FromHex("003f00040053f0");
        Framing(UL_DCCH, mr, true);
        Field(UL_DCCH, mr, 5, 1, 0, 1, "measurementReport: criticalExtensionsFuture");
        Field(UL_DCCH, mr, 8, 1, 0, 1, "MeasResults extension additions are not supported");
        Field(UL_DCCH, mr, 16, 5, 0, 1, "more than one serving cell is not supported");
        Field(UL_DCCH, mr, 22, 1, 0, 1, "measResultBestNeighCell is present");
        Field(UL_DCCH, mr, 23, 5, 0, 1, "servCellId 1");
        Field(UL_DCCH, mr, 28, 1, 0, 1, "MeasResultNR extension additions");
        Field(UL_DCCH, mr, 29, 1, 1, 0, "physCellId is absent: not supported");
        Field(UL_DCCH, mr, 30, 10, 0, 1008, "physCellId 1008 is out of range");
        Field(UL_DCCH, mr, 40, 1, 0, 1, "rsIndexResults is present");
        Field(UL_DCCH, mr, 41, 1, 1, 0, "resultsSSB-Cell is absent");
        Field(UL_DCCH, mr, 42, 1, 0, 1, "resultsCSI-RS-Cell is present");
        Field(UL_DCCH, mr, 43, 1, 1, 0, "rsrp is absent");
        Field(UL_DCCH, mr, 44, 1, 0, 1, "rsrq is present");
        Field(UL_DCCH, mr, 46, 7, 126, 127, "rsrp 127 is not an L3 SS-RSRP report value");
        // ... with neighbours: the measResultNeighCells choice extension bit at 53
        auto mrn = FromHex("00440005f45000201a8040");
        Framing(UL_DCCH, mrn, true);
        Field(UL_DCCH, mrn, 53, 1, 0, 1, "only measResultListNR is supported");

        // RRCReconfiguration with masterKeyUpdate only: presence 8-12, RadioBearerConfig
        // 13-18, v1530 presence 19-26, MasterKeyUpdate ext 27, nas-Container 28,
        // keySetChangeIndicator 29, NCC 30-32
        auto mku = FromHex("0088020780");
        Framing(DL_DCCH, mku, true);
        Field(DL_DCCH, mku, 22, 1, 1, 0, "neither masterCellGroup nor masterKeyUpdate");
        Field(DL_DCCH, mku, 20, 1, 0, 1, "fullConfig is present: not supported");
        Field(DL_DCCH, mku, 21, 1, 0, 1, "dedicatedNAS-MessageList is present");
        Field(DL_DCCH, mku, 25, 1, 0, 1, "otherConfig is present");
        Field(DL_DCCH, mku, 26, 1, 0, 1, "RRCReconfiguration-v1530-IEs: nonCriticalExtension");
        Field(DL_DCCH, mku, 27, 1, 0, 1, "MasterKeyUpdate extension additions");
        Field(DL_DCCH, mku, 28, 1, 0, 1, "nas-Container is present: not supported");
        Field(DL_DCCH, mku, 19, 1, 0, 1, "truncated");
        // two SRBs with different reestablishPDCP: SRB 2's flag at bit 27
        NrSecurityRadioBearerConfig two;
        two.srbsToAdd = {1, 2};
        two.srbReestablishPdcp = true;
        Field(DL_DCCH,
              Rrc::EncodeRrcReconfiguration(0, two),
              27,
              1,
              1,
              0,
              "reestablishPDCP differs from the first SRB's");

        // The masterCellGroup CellGroupConfig of the handover command (159 bits, 20 octets):
        // ext 0, presence 1-7, cellGroupId 8-9, SpCellConfig ext 10, presence 11-15,
        // ReconfigurationWithSync ext 16, presence 17-18, ServingCellConfigCommon ext 19,
        // presence 20-31, physCellId 32-41, DownlinkConfigCommon ext 42, presence 43-44,
        // FrequencyInfoDL ext 45, presence 46, absoluteFrequencySSB 47-68, band list size
        // 69-71, band 72-81, point A 82-103, carrier list size 104-106, SCS-SpecificCarrier
        // ext 107, offsetToCarrier 108-119, subcarrierSpacing 120-122, carrierBandwidth
        // 123-131, dmrs-TypeA-Position 132, ss-PBCH-BlockPower 133-139, newUE-Identity 140-155,
        // t304 156-158
        auto cg = FromHex("04084c0000924d39a01349a73400003103c4601a");
        NS_TEST_ASSERT_MSG_EQ(RrcMessageParams::Decode(DL_DCCH, WithCellGroup(cg)).ok,
                              true,
                              "the reference masterCellGroup");
        struct Bad
        {
            size_t pos;
            uint32_t width;
            uint32_t value;
            uint32_t bad;
            const char* needle;
        };

        const Bad bads[] = {
            {0, 1, 0, 1, "CellGroupConfig: extension additions"},
            {1, 1, 0, 1, "rlc-BearerToAddModList is present"},
            {5, 1, 1, 0, "spCellConfig is absent"},
            {8, 2, 0, 1, "cellGroupId 1"},
            {12, 1, 1, 0, "reconfigurationWithSync is absent"},
            {13, 1, 0, 1, "rlf-TimersAndConstants is present"},
            {17, 1, 1, 0, "spCellConfigCommon is absent"},
            {18, 1, 0, 1, "rach-ConfigDedicated is present"},
            {22, 1, 0, 1, "uplinkConfigCommon is present"},
            {32, 10, 2, 1010, "physCellId 1010 is out of range"},
            {44, 1, 0, 1, "initialDownlinkBWP is present"},
            {46, 1, 1, 0, "absoluteFrequencySSB is absent"},
            {47, 22, 632628, 3279166, "absoluteFrequencySSB 3279166 is out of range"},
            {69, 3, 0, 1, "only one band is supported"},
            {82, 22, 632628, 632627, "absoluteFrequencyPointA 632627 differs"},
            {107, 1, 0, 1, "SCS-SpecificCarrier extension additions"},
            {120, 3, 1, 0, "subcarrierSpacing 0"},
            {123, 9, 272, 271, "carrierBandwidth - 1 271"},
            {132, 1, 0, 1, "dmrs-TypeA-Position 1"},
            {133, 7, 60, 61, "ss-PBCH-BlockPower + 60 61"},
        };
        for (const Bad& b : bads)
        {
            NS_TEST_ASSERT_MSG_EQ(GetBits(cg, b.pos, b.width), b.value, "layout: " << b.needle);
            Refused(DL_DCCH, WithCellGroup(SetBits(cg, b.pos, b.width, b.bad)), b.needle);
        }
        Refused(DL_DCCH,
                WithCellGroup(std::vector<uint8_t>(cg.begin(), cg.end() - 1)),
                "masterCellGroup CellGroupConfig: truncated");
        auto longer = cg;
        longer.push_back(0);
        Refused(DL_DCCH, WithCellGroup(longer), "masterCellGroup CellGroupConfig: 1 trailing");
        // every T304 value decodes to the one it encodes
        for (uint32_t t = 0; t < 8; ++t)
        {
            Decoded d = RrcMessageParams::Decode(DL_DCCH, WithCellGroup(SetBits(cg, 156, 3, t)));
            NS_TEST_ASSERT_MSG_EQ(d.ok, true, d.error);
            const uint16_t ms[8] = {50, 100, 150, 200, 500, 1000, 2000, 10000};
            NS_TEST_EXPECT_MSG_EQ(d.reconfigurationWithSync.t304Ms, ms[t], "t304 index " << t);
        }
        Framing(DL_DCCH, FromHex(HANDOVER_HEX), true);
    }
};

/// The encoders' parameter checks (std::invalid_argument naming the parameter).
class MobilityEncodeErrorsTestCase : public TestCase
{
  public:
    MobilityEncodeErrorsTestCase()
        : TestCase("issue-10 encoders refuse out-of-range parameters, naming them")
    {
    }

  private:
    void Throws(const std::function<void()>& f, const std::string& needle)
    {
        std::string what = InvalidArgumentMessage(f);
        NS_TEST_EXPECT_MSG_EQ(
            Contains(what, needle), true, "'" << what << "' should mention '" << needle << "'");
    }

    void DoRun() override
    {
        NrSecurityRadioBearerConfig rb;
        auto sync = [&](std::function<void(NrSecurityReconfigurationWithSync&)> change)
        {
            NrSecurityReconfigurationWithSync s = ReferenceSync();
            change(s);
            Rrc::EncodeRrcReconfiguration(0, rb, &s, nullptr);
        };
        Throws([&] { sync([](auto& s) { s.targetPci = 1008; }); }, "targetPci 1008");
        Throws([&] { sync([](auto& s) { s.ssbArfcn = 3279166; }); }, "ssbArfcn 3279166");
        Throws([&] { sync([](auto& s) { s.t304Ms = 300; }); }, "t304Ms 300");
        Throws([&] { sync([](auto& s) { s.band = 0; }); }, "band 0");
        Throws([&] { sync([](auto& s) { s.band = 1025; }); }, "band 1025");
        Throws(
            [&]
            {
                NrSecurityMasterKeyUpdate m;
                m.nextHopChainingCount = 8;
                Rrc::EncodeRrcReconfiguration(0, rb, nullptr, &m);
            },
            "nextHopChainingCount 8");
        Throws([&] { Rrc::EncodeRrcReconfiguration(4, rb, nullptr, nullptr); }, "transactionId 4");
        Throws(
            [&]
            {
                NrSecurityRadioBearerConfig r;
                r.drbToRelease = {0};
                Rrc::EncodeRrcReconfiguration(0, r);
            },
            "drbToRelease: DRB-Identity 0");
        Throws(
            [&]
            {
                NrSecurityRadioBearerConfig r;
                r.drbToRelease.assign(30, 1);
                Rrc::EncodeRrcReconfiguration(0, r);
            },
            "drbToRelease has 30 entries");
        auto meas = [&](std::function<void(NrSecurityMeasResults&)> change)
        {
            NrSecurityMeasResults r;
            change(r);
            Rrc::EncodeMeasurementReport(r);
        };
        Throws([&] { meas([](auto& r) { r.measId = 0; }); }, "measId 0");
        Throws([&] { meas([](auto& r) { r.measId = 65; }); }, "measId 65");
        Throws([&] { meas([](auto& r) { r.serving.cell.pci = 1008; }); }, "serving.cell.pci 1008");
        Throws([&] { meas([](auto& r) { r.neighbours.resize(9); }); }, "neighbours has 9");
        Throws(
            [&]
            {
                meas(
                    [](auto& r)
                    {
                        r.neighbours.resize(2);
                        r.neighbours[1].cell.pci = 2000;
                    });
            },
            "neighbours[1].cell.pci 2000");
        Throws([] { Rrc::EncodeRrcReestablishmentRequest(1, 1008, 0, 0); }, "pci 1008");
        Throws([] { Rrc::EncodeRrcReestablishmentRequest(1, 1, 0, 3); }, "cause 3");
        Throws([] { Rrc::EncodeRrcReestablishment(0, 8); }, "ncc 8");
        Throws([] { Rrc::EncodeRrcReestablishment(4, 0); }, "transactionId 4");
        Throws([] { Rrc::EncodeRrcReestablishmentComplete(4); }, "transactionId 4");
        auto release = [](std::function<void(NrSecuritySuspendConfig&)> change)
        {
            NrSecuritySuspendConfig s;
            change(s);
            Rrc::EncodeRrcRelease(0, s);
        };
        Throws([&] { release([](auto& s) { s.fullIRnti = 1ULL << 40; }); }, "fullIRnti");
        Throws([&] { release([](auto& s) { s.shortIRnti = 1U << 24; }); }, "shortIRnti");
        Throws([&] { release([](auto& s) { s.ranPagingCycle = 512; }); }, "ranPagingCycle 512");
        Throws([&] { release([](auto& s) { s.nextHopChainingCount = 9; }); },
               "nextHopChainingCount 9");
        Throws([] { Rrc::EncodeRrcResumeRequest(1U << 24, 0, 0); }, "shortIRnti");
        Throws([] { Rrc::EncodeRrcResumeRequest(0, 0, 11); }, "cause 11");
        Throws([] { Rrc::EncodeRrcResume(4, nullptr); }, "transactionId 4");
        Throws([] { Rrc::EncodeRrcResumeComplete(4); }, "transactionId 4");
    }
};

} // namespace

/**
 * \ingroup nr-security-tests
 * \brief TS 38.331 UPER codec of the handover, measurement, re-establishment, suspend and
 *        resume messages; shortMAC-I and resumeMAC-I.
 */
class NrSecurityRrcMobilityMessagesTestSuite : public TestSuite
{
  public:
    NrSecurityRrcMobilityMessagesTestSuite()
        : TestSuite("nr-security-rrc-mobility-messages", NrSecurityTestType::UNIT)
    {
        AddTestCase(new MobilityExactTestCase);
        AddTestCase(new MobilityVectorsTestCase);
        AddTestCase(new ShortMacITestCase);
        AddTestCase(new RsrpRangeTestCase);
        AddTestCase(new MobilityRefusalTestCase);
        AddTestCase(new MobilityEncodeErrorsTestCase);
    }
};

/// The suite's static instance.
static NrSecurityRrcMobilityMessagesTestSuite g_nrSecurityRrcMobilityMessagesTestSuite;
