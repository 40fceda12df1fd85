// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Test cases of the suite nr-security-rrc-messages (nr-security-rrc-messages-test-suite.cc):
 * refusals of malformed or unsupported TS 38.331 messages with their reasons, the encoders'
 * parameter checks, and a deterministic fuzz loop over every decoder. The malformed inputs
 * are the exact reference encodings of the suite with one field changed at its bit position
 * (TS 38.331 ASN.1 under ITU-T X.691 UNALIGNED); each position is checked against the field's
 * known value first, so a shifted layout fails loudly instead of testing nothing.
 */
#include "nr-security-rrc-message-vectors.h"
#include "nr-security-test-vectors.h"
#include "ns3/nr-security-asn1.h"
#include "ns3/nr-security-rrc-message.h"
#include "ns3/test.h"

#include <cstdint>
#include <exception>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

using Rrc = NrSecurityRrcMessage;
using Decoded = NrSecurityRrcDecoded;

const char* const DL_CCCH = "DL-CCCH-Message";
const char* const UL_CCCH = "UL-CCCH-Message";
const char* const DL_DCCH = "DL-DCCH-Message";
const char* const UL_DCCH = "UL-DCCH-Message";

bool
Contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

/// Reads width bits at bit position pos (bit 0 = MSB of byte 0).
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

/// A copy of b with width bits at pos replaced by value.
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

/**
 * Malformed and unsupported encodings of each message are refused with a reason naming
 * the field (TS 38.331 6.2.1, 6.2.2, 6.3.2, 6.3.3; X.691 11.1, 11.9, 19).
 */
class RrcMessagesRefusalTestCase : public TestCase
{
  public:
    RrcMessagesRefusalTestCase()
        : TestCase("malformed, truncated, padded, out-of-range and unsupported messages are "
                   "refused with a reason naming the field")
    {
    }

  private:
    /// Expects channel's decoder to refuse b with an error containing needle.
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

    /// Expects the field at pos to hold value in ref, then b with it set to bad refused.
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

    /// Every proper prefix, one more zero byte, and the last padding bit set are refused.
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
        Refused(channel, {}, "empty input");
        NS_TEST_EXPECT_MSG_EQ(Contains(RrcMessageParams::Decode(channel, {}).error, channel),
                              true,
                              "the error names the PDU type");
    }

    void DoRun() override
    {
        // UL-CCCH RRCSetupRequest: c1 at 1-2, ue-Identity choice 3, 39 bits 4-42,
        // establishmentCause 43-46, spare 47 (48 bits: no padding)
        auto sr = FromHex("12468acf1346");
        Framing(UL_CCCH, sr, false);
        Field(UL_CCCH, sr, 0, 1, 0, 1, "messageClassExtension is not supported");
        Field(UL_CCCH, sr, 1, 2, 0, 3, "rrcSystemInfoRequest is not supported");
        Field(UL_CCCH, sr, 43, 4, 3, 10, "establishmentCause spare6 (index 10)");
        Field(UL_CCCH, sr, 43, 4, 3, 15, "establishmentCause spare1 (index 15)");
        Field(UL_CCCH, sr, 47, 1, 0, 1, "spare bit is 1");

        // DL-CCCH RRCSetup: c1 1-2, tid 3-4, critical 5, -IEs presence 6-7; RadioBearerConfig
        // ext 8, presence 9-13, SRB list size 14, SRB-ToAddMod ext 15, presence 16-18,
        // srb-Identity 19-20; masterCellGroup length 21-28, CellGroupConfig 29-60 (ext 29,
        // presence 30-36, cellGroupId 37-38, list size 39-43, RLC-BearerConfig ext 44,
        // presence 45-48, logicalChannelIdentity 49-53, choice 54, srb-Identity 55-56)
        auto setup = FromHex("2040002200040000");
        Framing(DL_CCCH, setup, true);
        Field(DL_CCCH, setup, 1, 2, 1, 2, "spare2 is not supported");
        Field(DL_CCCH, setup, 1, 2, 1, 3, "spare1 is not supported");
        Field(DL_CCCH, setup, 5, 1, 0, 1, "rrcSetup: criticalExtensionsFuture is not supported");
        Field(DL_CCCH, setup, 6, 1, 0, 1, "lateNonCriticalExtension is present: not supported");
        Field(DL_CCCH, setup, 8, 1, 0, 1, "RadioBearerConfig extension additions");
        Field(DL_CCCH, setup, 10, 1, 0, 1, "srb3-ToRelease is present: not supported");
        Field(DL_CCCH, setup, 13, 1, 0, 1, "securityConfig is present: not supported");
        Field(DL_CCCH,
              setup,
              18,
              1,
              0,
              1,
              "srb-ToAddModList[0] SRB-ToAddMod: pdcp-Config is "
              "present");
        Field(DL_CCCH, setup, 19, 2, 0, 3, "srb-ToAddModList[0] srb-Identity 4 is out of range");
        Field(DL_CCCH, setup, 21, 8, 4, 5, "truncated: masterCellGroup says 5 octets");
        Field(DL_CCCH, setup, 29, 1, 0, 1, "masterCellGroup CellGroupConfig: extension additions");
        Field(DL_CCCH, setup, 34, 1, 0, 1, "CellGroupConfig: spCellConfig is present");
        Field(DL_CCCH, setup, 37, 2, 0, 1, "cellGroupId 1 is not 0");
        Field(DL_CCCH, setup, 47, 1, 0, 1, "rlc-Config is present: not supported");
        Field(DL_CCCH, setup, 49, 5, 0, 1, "serves SRB 1 on logical channel 2");
        Field(DL_CCCH, setup, 54, 1, 0, 1, "drb-Identity is not supported in RRCSetup");
        Field(DL_CCCH, setup, 57, 4, 0, 1, "CellGroupConfig: non-zero padding");

        // DL-CCCH RRCReject: critical 3, presence 4-6 (waitTime, late, non-critical),
        // waitTime 7-10 (every 4-bit value is 1..16)
        auto reject = FromHex("0920");
        Framing(DL_CCCH, reject, true);
        Field(DL_CCCH, reject, 3, 1, 0, 1, "rrcReject: criticalExtensionsFuture");
        Field(DL_CCCH, reject, 6, 1, 0, 1, "rrcReject: nonCriticalExtension is present");
        Framing(DL_CCCH, FromHex("00"), true);

        // UL-DCCH RRCSetupComplete: presence 8-13, selectedPLMN-Identity 14-17, NAS length
        // 18-25, octets
        auto complete = FromHex("1000011f80104040");
        Framing(UL_DCCH, complete, true);
        Field(UL_DCCH, complete, 8, 1, 0, 1, "rrcSetupComplete: registeredAMF is present");
        Field(UL_DCCH, complete, 11, 1, 0, 1, "ng-5G-S-TMSI-Value is present: not supported");
        Field(UL_DCCH, complete, 14, 4, 0, 12, "selectedPLMN-Identity 13 is out of range 1..12");
        Field(UL_DCCH, complete, 18, 2, 0, 3, "fragmented length");
        // the 2-octet length form (10 + 14 bits) for 4 octets is not the X.691 11.9.3.7 one
        {
            NrSecurityUperWriter w;
            w.Append(0x0400, 14); // 0 0010 00 0 000000
            w.Append(0, 4);       // PLMN 1
            w.Append(2, 2);       // 10: the 2-octet length form
            w.Append(4, 14);
            w.Append(0x7e004101, 32);
            Refused(UL_DCCH, w.Bytes(), "2-octet length determinant for 4 octets");
        }

        // DL-DCCH UECapabilityEnquiry: presence 8-9, list size 10-12, request ext 13,
        // capabilityRequestFilter 14, rat-Type ext 15, index 16-17
        auto enquiry = FromHex("300000");
        Framing(DL_DCCH, enquiry, true);
        Field(DL_DCCH, enquiry, 9, 1, 0, 1, "ue-CapabilityEnquiryExt is present: not supported");
        Field(DL_DCCH, enquiry, 10, 3, 0, 1, "ue-CapabilityRAT-RequestList has 2 entries");
        Field(DL_DCCH, enquiry, 14, 1, 0, 1, "capabilityRequestFilter is present");
        Field(DL_DCCH, enquiry, 15, 1, 0, 1, "rat-Type: a value outside the root");
        Field(DL_DCCH, enquiry, 16, 2, 0, 2, "rat-Type eutra is not supported (only nr)");

        // UL-DCCH UECapabilityInformation: presence 8-10, list size 11-14, rat-Type 15-17,
        // container length 18-25, UE-NR-Capability 26-105 (presence 26-36, release 37-40,
        // pdcp-Parameters 41-61, phy 62-66, rf ext 67, presence 68-69, band list size
        // 70-79, BandNR ext 80, presence 81-94, bandNR 95-104)
        auto info = FromHex("4882028000000000000000002680");
        Framing(UL_DCCH, info, true);
        Field(UL_DCCH, info, 8, 1, 1, 0, "ue-CapabilityRAT-ContainerList is absent");
        Field(UL_DCCH, info, 11, 4, 1, 2, "ue-CapabilityRAT-ContainerList has 2 entries");
        Field(UL_DCCH, info, 11, 4, 1, 9, "ue-CapabilityRAT-ContainerList size 9 is out of range");
        Field(UL_DCCH, info, 16, 2, 0, 1, "rat-Type eutra-nr is not supported");
        Field(UL_DCCH, info, 18, 8, 10, 9, "UE-NR-Capability: truncated"); // 9 of its 10 octets
        Field(UL_DCCH, info, 26, 1, 0, 1, "UE-NR-Capability: rlc-Parameters is present");
        Field(UL_DCCH, info, 38, 3, 0, 1, "accessStratumRelease rel16 is not supported");
        Field(UL_DCCH, info, 48, 1, 0, 1, "a supported ROHC profile is not supported");
        Field(UL_DCCH, info, 68, 1, 0, 1, "supportedBandCombinationList is present");
        Field(UL_DCCH, info, 80, 1, 0, 1, "BandNR extension additions are not supported");
        Field(UL_DCCH, info, 81, 1, 0, 1, "an OPTIONAL component of BandNR is present");
        // DL-DCCH RRCReconfiguration (SRB2 + DRB1): presence 8-12; RadioBearerConfig ext 13,
        // presence 14-18, SRB 19-25, DRB list size 26-30; DRB-ToAddMod ext 31, presence
        // 32-35, cnAssociation choice 36, SDAP-Config ext 37, presence 38-39, pdu-Session
        // 40-47, headers 48-49, defaultDRB 50, QFI list size 51-56, QFI 57-62, drb-Identity
        // 63-67; PDCP-Config ext 68, presence 69-71, drb presence 72-77, discardTimer
        // 78-81, SN sizes 82-83, headerCompression ext 84 and index 85-86, t-Reordering 87-92
        auto reconf = FromHex("008280409a01e01205e1f070");
        Framing(DL_DCCH, reconf, true);
        Field(DL_DCCH, reconf, 8, 1, 1, 0, "rrcReconfiguration: radioBearerConfig is absent");
        Field(DL_DCCH, reconf, 9, 1, 0, 1, "secondaryCellGroup is present: not supported");
        Field(DL_DCCH, reconf, 10, 1, 0, 1, "measConfig is present: not supported");
        Field(DL_DCCH, reconf, 17, 1, 0, 1, "while reading drb-ToReleaseList size");
        Field(DL_DCCH, reconf, 26, 5, 0, 31, "drb-ToAddModList size 32 is out of range 1..29");
        Field(DL_DCCH, reconf, 31, 1, 0, 1, "DRB-ToAddMod extension additions");
        Field(DL_DCCH, reconf, 32, 1, 1, 0, "cnAssociation is absent: not supported");
        Field(DL_DCCH, reconf, 34, 1, 0, 1, "recoverPDCP is present: not supported");
        Field(DL_DCCH, reconf, 36, 1, 1, 0, "cnAssociation eps-BearerIdentity is not supported");
        Field(DL_DCCH, reconf, 37, 1, 0, 1, "sdap-Config: extension additions");
        Field(DL_DCCH, reconf, 39, 1, 0, 1, "mappedQoS-FlowsToRelease is present");
        Field(DL_DCCH, reconf, 68, 1, 0, 1, "truncated"); // an extension count past the end
        Field(DL_DCCH, reconf, 70, 1, 0, 1, "moreThanOneRLC is present: not supported");
        Field(DL_DCCH, reconf, 71, 1, 1, 0, "t-Reordering is absent");
        Field(DL_DCCH, reconf, 72, 1, 1, 0, "discardTimer is absent");
        Field(DL_DCCH, reconf, 76, 1, 0, 1, "statusReportRequired is present: not supported");
        Field(DL_DCCH, reconf, 77, 1, 0, 1, "outOfOrderDelivery is present: not supported");
        Field(DL_DCCH, reconf, 78, 4, 7, 4, "discardTimer index 4 is not supported");
        Field(DL_DCCH, reconf, 83, 1, 1, 0, "pdcp-SN-SizeUL and pdcp-SN-SizeDL differ");
        Field(DL_DCCH, reconf, 84, 1, 0, 1, "headerCompression extension alternative");
        Field(DL_DCCH, reconf, 85, 2, 0, 1, "headerCompression rohc is not supported");
        Field(DL_DCCH, reconf, 85, 2, 0, 2, "headerCompression uplinkOnlyROHC is not supported");
        Field(DL_DCCH, reconf, 87, 6, 14, 0, "t-Reordering index 0 is not supported");
        // ... with the cipheringDisabled extension: count 93-99 (0 000011), bitmap 100-103,
        // open type length 104-111, group 112-119
        auto ciph = FromHex("028280409a01a0120df1f070380180");
        Framing(DL_DCCH, ciph, false);
        Field(DL_DCCH, ciph, 93, 1, 0, 1, "more than 64 extension additions");
        Field(DL_DCCH, ciph, 94, 6, 3, 0, "an extension bitmap of 1 groups is not supported");
        Field(DL_DCCH, ciph, 100, 4, 8, 12, "groups other than [[cipheringDisabled]]");
        Field(DL_DCCH, ciph, 100, 4, 8, 0, "groups other than [[cipheringDisabled]]");
        Field(DL_DCCH, ciph, 112, 8, 0x80, 0x00, "is not cipheringDisabled true");
        Field(DL_DCCH, ciph, 104, 8, 1, 2, "truncated");

        // UL-DCCH RRCReconfigurationComplete, DL/ULInformationTransfer, RRCRelease
        auto rc = FromHex("0800");
        Framing(UL_DCCH, rc, true);
        Field(UL_DCCH, rc, 7, 1, 0, 1, "rrcReconfigurationComplete: criticalExtensionsFuture");
        Field(UL_DCCH, rc, 8, 1, 0, 1, "lateNonCriticalExtension is present");
        auto dl = FromHex("28808fc00ac020");
        Framing(DL_DCCH, dl, true);
        Field(DL_DCCH, dl, 11, 8, 4, 0, "an empty dedicatedNAS-Message is not supported");
        Field(DL_DCCH, dl, 10, 1, 0, 1, "dlInformationTransfer: nonCriticalExtension is present");
        auto ul = FromHex("3a023f002b8080");
        Framing(UL_DCCH, ul, true);
        Field(UL_DCCH, ul, 5, 1, 0, 1, "ulInformationTransfer: criticalExtensionsFuture");
        Field(UL_DCCH, ul, 7, 1, 0, 1, "lateNonCriticalExtension is present");
        auto release = FromHex("1000");
        Framing(DL_DCCH, release, true);
        // redirectedCarrierInfo (bit 8) is decoded since issue 16: set alone, the input ends
        // in it (its refusals: nr-security-vulnerability-profiles)
        Field(DL_DCCH, release, 8, 1, 0, 1, "truncated");
        Field(DL_DCCH, release, 9, 1, 0, 1, "rrcRelease: cellReselectionPriorities is present");
        Field(DL_DCCH, release, 10, 1, 0, 1, "while reading SuspendConfig presence bit of t380");

        // c1 alternatives we do not carry, named (TS 38.331 6.2.1)
        Field(DL_DCCH, release, 1, 4, 2, 7, "counterCheck is not supported");
        Field(DL_DCCH, release, 1, 4, 2, 9, "dlDedicatedMessageSegment-r16 is not supported");
        Field(UL_DCCH, rc, 1, 4, 1, 8, "locationMeasurementIndication is not supported");
        Field(UL_DCCH, rc, 1, 4, 1, 11, "ueAssistanceInformation is not supported");
        Refused(DL_CCCH, FromHex("80"), "messageClassExtension is not supported");
        // a message on the wrong channel: RRCSetupRequest bytes as DL-CCCH are an RRCReject
        // with trailing octets; RRCReject as UL-CCCH is a truncated RRCSetupRequest
        Refused(DL_CCCH, sr, "rrcReject: criticalExtensionsFuture");
        Refused(UL_CCCH, reject, "truncated");
        // Reencode refuses a refused result
        Decoded bad = RrcMessageParams::Decode(UL_CCCH, reject);
        NS_TEST_EXPECT_MSG_EQ(
            Contains(InvalidArgumentMessage([&]() { Rrc::Reencode(bad); }), "refused"),
            true,
            "Reencode of a refused message");
    }
};

/**
 * The encoders refuse out-of-range parameters with std::invalid_argument naming them (TS
 * 38.331 6.3.2 / 6.3.3 ranges, X.691 length limits), and accept the boundaries.
 */
class RrcMessagesEncodeErrorsTestCase : public TestCase
{
  public:
    RrcMessagesEncodeErrorsTestCase()
        : TestCase("issue-9 encoders refuse out-of-range parameters, naming them; boundaries "
                   "round-trip")
    {
    }

  private:
    void Expect(const std::function<void()>& f, const std::string& needle)
    {
        std::string m = InvalidArgumentMessage(f);
        NS_TEST_EXPECT_MSG_EQ(Contains(m, needle), true, "'" << m << "' should mention " << needle);
    }

    void DoRun() override
    {
        NrSecurityRadioBearerConfig ok;
        ok.srbsToAdd = {1};
        std::vector<uint8_t> nas = {0x7e};
        Expect([]() { Rrc::EncodeRrcSetupRequest(false, 1ULL << 39, 0); }, "identity39");
        Expect([]() { Rrc::EncodeRrcSetupRequest(true, 0, 10); }, "cause 10");
        Expect([&]() { Rrc::EncodeRrcSetup(4, ok); }, "transactionId 4");
        Expect([]() { Rrc::EncodeRrcReject(true, 0); }, "waitTimeSeconds 0");
        Expect([]() { Rrc::EncodeRrcReject(true, 17); }, "waitTimeSeconds 17");
        Expect([&]() { Rrc::EncodeRrcSetupComplete(0, 0, nas); }, "selectedPlmn 0");
        Expect([&]() { Rrc::EncodeRrcSetupComplete(0, 13, nas); }, "selectedPlmn 13");
        Expect([]() { Rrc::EncodeRrcSetupComplete(0, 1, std::vector<uint8_t>(16384)); },
               "nas has 16384 octets");
        Expect([]() { Rrc::EncodeUlInformationTransfer(std::vector<uint8_t>(16384)); }, "nas");
        Expect([&]() { Rrc::EncodeDlInformationTransfer(4, nas); }, "transactionId 4");
        Expect([]() { Rrc::EncodeUeCapabilityEnquiry(4); }, "transactionId 4");
        Expect([]() { Rrc::EncodeUeCapabilityInformation(0, {}); }, "bandsNr has 0 entries");
        Expect([]() { Rrc::EncodeUeCapabilityInformation(0, {0}); }, "band 0 is out of range");
        Expect([]() { Rrc::EncodeUeCapabilityInformation(0, {1025}); }, "band 1025");
        Expect([]() { Rrc::EncodeRrcReconfigurationComplete(4); }, "transactionId 4");
        Expect([]() { Rrc::EncodeRrcRelease(4); }, "transactionId 4");
        auto rb = [](const std::function<void(NrSecurityRadioBearerConfig&)>& change)
        {
            NrSecurityRadioBearerConfig c;
            c.drbsToAdd.resize(1);
            change(c);
            return [c]() { Rrc::EncodeRrcReconfiguration(0, c); };
        };
        Expect(rb([](auto& c) { c.srbsToAdd = {0}; }), "SRB-Identity 0");
        Expect(rb([](auto& c) { c.srbsToAdd = {4}; }), "SRB-Identity 4");
        Expect(rb([](auto& c) { c.srbsToAdd = {1, 2, 3}; }), "srbsToAdd has 3 entries");
        Expect(rb([](auto& c) { c.drbsToAdd.resize(30); }), "drbsToAdd has 30 entries");
        Expect(rb([](auto& c) { c.drbsToAdd[0].drbId = 0; }), "drbsToAdd[0].drbId 0");
        Expect(rb([](auto& c) { c.drbsToAdd[0].drbId = 33; }), "drbsToAdd[0].drbId 33");
        Expect(rb([](auto& c) { c.drbsToAdd[0].qfis = {64}; }), "QFI 64");
        Expect(rb([](auto& c) { c.drbsToAdd[0].qfis.resize(65); }), "qfis has 65 entries");
        Expect(rb([](auto& c) { c.drbsToAdd[0].snLengthBits = 15; }), "snLengthBits 15");

        // Boundaries: 127 / 128 / 16383 NAS octets (1- and 2-octet lengths), 1024 bands,
        // 29 DRBs with 64 QFIs each, 2 SRBs
        for (size_t n : {size_t(1), size_t(127), size_t(128), size_t(16383)})
        {
            std::vector<uint8_t> big(n, 0xa5);
            auto b = Rrc::EncodeUlInformationTransfer(big);
            Decoded d = RrcMessageParams::Decode(UL_DCCH, b);
            NS_TEST_EXPECT_MSG_EQ(d.ok, true, n << " octets: " << d.error);
            NS_TEST_EXPECT_MSG_EQ((d.nasMessage == big), true, n << " octets");
        }
        std::vector<uint16_t> bands;
        for (uint16_t b = 1; b <= 1024; ++b)
        {
            bands.push_back(b);
        }
        Decoded d = RrcMessageParams::Decode(UL_DCCH, Rrc::EncodeUeCapabilityInformation(3, bands));
        NS_TEST_EXPECT_MSG_EQ(d.ok, true, "1024 bands: " << d.error);
        NS_TEST_EXPECT_MSG_EQ((d.supportedBandsNr == bands), true, "1024 bands");
        NrSecurityRadioBearerConfig full;
        full.srbsToAdd = {1, 2};
        for (uint8_t i = 1; i <= 29; ++i)
        {
            NrSecurityDrbConfig c;
            c.drbId = static_cast<uint8_t>(i + 3);
            c.pduSessionId = i;
            c.snLengthBits = i % 2 != 0 ? 12 : 18;
            c.integrityProtection = i % 3 == 0;
            c.cipheringDisabled = i % 5 == 0;
            for (uint8_t q = 0; q < 64; ++q)
            {
                c.qfis.push_back(q);
            }
            full.drbsToAdd.push_back(c);
        }
        d = RrcMessageParams::Decode(DL_DCCH, Rrc::EncodeRrcReconfiguration(2, full));
        NS_TEST_EXPECT_MSG_EQ(d.ok, true, "29 DRBs: " << d.error);
        NS_TEST_EXPECT_MSG_EQ((d.radioBearerConfig == full), true, "29 DRBs x 64 QFIs");
        d = RrcMessageParams::Decode(DL_CCCH, Rrc::EncodeRrcSetup(1, full));
        NS_TEST_EXPECT_MSG_EQ(d.ok, true, "RRCSetup with 2 SRBs, 29 DRBs: " << d.error);
        NS_TEST_EXPECT_MSG_EQ((d.radioBearerConfig == full), true, "RRCSetup full");
    }
};

/**
 * Deterministic fuzzing of the four decoders: every single-bit flip, every truncation and
 * every appended byte of each rrc-messages-uper.json encoding, and 40000 pseudo-random
 * mutations. The decoders never throw (ASan / UBSan builds see no fault), a refusal always
 * has a reason, and whatever is accepted re-encodes to exactly the input.
 */
class RrcMessagesFuzzTestCase : public TestCase
{
  public:
    RrcMessagesFuzzTestCase()
        : TestCase("fuzzed CCCH and DCCH input: no throw, a reason or an exact round trip")
    {
    }

  private:
    void Check(const std::vector<uint8_t>& b)
    {
        for (const char* channel : {DL_CCCH, UL_CCCH, DL_DCCH, UL_DCCH})
        {
            Decoded d;
            try
            {
                d = RrcMessageParams::Decode(channel, b);
            }
            catch (const std::exception&)
            {
                ++m_threw;
                continue;
            }
            ++m_decoded;
            if (d.ok != d.error.empty())
            {
                ++m_bad;
                m_first = m_first.empty() ? std::string(channel) + " " + ToHex(b) : m_first;
                continue;
            }
            if (!d.ok)
            {
                continue;
            }
            ++m_accepted;
            std::vector<uint8_t> again;
            try
            {
                again = Rrc::Reencode(d);
            }
            catch (const std::exception&)
            {
            }
            if (again != b)
            {
                ++m_bad;
                m_first = m_first.empty() ? std::string(channel) + " " + ToHex(b) : m_first;
            }
        }
    }

    void DoRun() override
    {
        std::vector<std::vector<uint8_t>> refs;
        auto doc = LoadVectors("rrc-messages-uper.json");
        for (const auto& e : doc.get_child("encodings"))
        {
            refs.push_back(FromHex(e.second.get<std::string>("uper_hex")));
        }
        for (const auto& r : refs)
        {
            for (size_t bit = 0; bit < 8 * r.size(); ++bit)
            {
                auto f = r;
                f[bit / 8] ^= static_cast<uint8_t>(0x80U >> (bit % 8));
                Check(f);
            }
            for (size_t n = 0; n <= r.size(); ++n)
            {
                Check(std::vector<uint8_t>(r.begin(), r.begin() + n));
            }
            for (uint32_t x = 0; x < 256; ++x)
            {
                auto f = r;
                f.push_back(static_cast<uint8_t>(x));
                Check(f);
            }
        }
        uint64_t state = 0x38331f;
        auto next = [&state]()
        {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return static_cast<uint32_t>(state >> 33);
        };
        for (int i = 0; i < 40000; ++i)
        {
            auto f = refs[next() % refs.size()];
            for (uint32_t k = next() % 4; k > 0 && !f.empty(); --k)
            {
                size_t pos = next() % f.size();
                f[pos] = (i % 2) != 0 ? static_cast<uint8_t>(next())
                                      : static_cast<uint8_t>(f[pos] ^ (1U << (next() % 8)));
            }
            if (next() % 8 == 0)
            {
                f.resize(next() % (f.size() + 2));
            }
            Check(f);
        }
        NS_TEST_EXPECT_MSG_EQ(m_threw, 0, "a decoder threw");
        NS_TEST_EXPECT_MSG_EQ(m_bad, 0, "no reason or no exact round trip, first " << m_first);
        NS_TEST_EXPECT_MSG_GT(m_accepted, 4 * refs.size(), "the loop reaches valid messages");
        NS_TEST_EXPECT_MSG_GT(m_decoded, 150000, "decoder calls");
    }

    size_t m_threw{0};    ///< decoder exceptions
    size_t m_bad{0};      ///< reason or round-trip failures
    size_t m_accepted{0}; ///< accepted inputs
    size_t m_decoded{0};  ///< decoder calls
    std::string m_first;  ///< the first failure
};

} // namespace

/// \return the refusal test case of nr-security-rrc-messages.
TestCase*
CreateRrcMessagesRefusalTestCase()
{
    return new RrcMessagesRefusalTestCase;
}

/// \return the encoder-errors test case of nr-security-rrc-messages.
TestCase*
CreateRrcMessagesEncodeErrorsTestCase()
{
    return new RrcMessagesEncodeErrorsTestCase;
}

/// \return the fuzz test case of nr-security-rrc-messages.
TestCase*
CreateRrcMessagesFuzzTestCase()
{
    return new RrcMessagesFuzzTestCase;
}
