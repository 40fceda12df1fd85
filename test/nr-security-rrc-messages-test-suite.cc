// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The TS 38.331 UPER encodings (ITU-T X.691 UNALIGNED) of the RRC messages of connection
 * setup (UL-CCCH RRCSetupRequest, DL-CCCH RRCSetup / RRCReject, UL-DCCH RRCSetupComplete),
 * capability transfer (UECapabilityEnquiry / UECapabilityInformation), reconfiguration
 * (RRCReconfiguration with RadioBearerConfig / RRCReconfigurationComplete), NAS transfer
 * (DL/ULInformationTransfer) and release (RRCRelease): exact bytes (cross-checked with
 * pycrate 0.8.1, TS 38.331 V18 definitions, by test/nr-security-rrc-pycrate-test.py), every
 * entry of test/data/rrc-messages-uper.json both ways, the decode -> encode round trip,
 * refusals with their reasons, the encoders' parameter checks, and a deterministic fuzz loop.
 */
#include "../model/compat/nr-security-ns3-compat.h"
#include "nr-security-rrc-message-vectors.h"
#include "nr-security-test-vectors.h"
#include "ns3/nr-security-asn1.h"
#include "ns3/nr-security-rrc-message.h"
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

/// The decoder of a channel.
Decoded
DecodeOn(const std::string& channel, const std::vector<uint8_t>& b)
{
    return RrcMessageParams::Decode(channel, b);
}

/// The drb of the reference RRCReconfiguration: DRB 1, PDU session 1, QFI 9, 18-bit SN.
NrSecurityDrbConfig
ReferenceDrb()
{
    NrSecurityDrbConfig d;
    d.qfis = {9};
    return d;
}

/**
 * One exact encoding per message, literal here (the values pycrate 0.8.1 produces from the
 * same ASN.1 value; the pycrate test decodes and re-encodes each), decoded back to the
 * fields, and re-encoded.
 */
class RrcMessagesExactTestCase : public TestCase
{
  public:
    RrcMessagesExactTestCase()
        : TestCase("TS 38.331 6.2.2 exact UPER bytes of each issue-9 message, both ways")
    {
    }

  private:
    /// Checks the encoding, its decoding on channel as type, and the round trip.
    Decoded Expect(const std::vector<uint8_t>& encoded,
                   const std::string& hex,
                   const std::string& channel,
                   Decoded::Type type)
    {
        std::string label = channel + " " + Rrc::Name(type);
        NS_TEST_EXPECT_MSG_EQ(ToHex(encoded), hex, "TS 38.331 UPER of " << label);
        Decoded d = DecodeOn(channel, FromHex(hex));
        NS_TEST_EXPECT_MSG_EQ(d.ok, true, label << ": " << d.error);
        NS_TEST_EXPECT_MSG_EQ(d.error, "", label);
        NS_TEST_EXPECT_MSG_EQ(Rrc::Name(d.type), Rrc::Name(type), label);
        if (d.ok)
        {
            NS_TEST_EXPECT_MSG_EQ(ToHex(Rrc::Reencode(d)), hex, "round trip of " << label);
        }
        return d;
    }

    void DoRun() override
    {
        // UL-CCCH RRCSetupRequest: 0 c1 | 00 rrcSetupRequest | 1 randomValue | 39 bits
        // 0x123456789A mod 2^39 | 0011 mo-Signalling | 0 spare = 48 bits
        const uint64_t identity = 0x123456789AULL & ((1ULL << 39) - 1);
        auto d = Expect(Rrc::EncodeRrcSetupRequest(false, identity, 3),
                        "12468acf1346",
                        "UL-CCCH-Message",
                        Decoded::RRC_SETUP_REQUEST);
        NS_TEST_EXPECT_MSG_EQ(d.ueIdentityIsTmsiPart1, false, "randomValue");
        NS_TEST_EXPECT_MSG_EQ(d.ueIdentity, identity, "identity");
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.establishmentCause), 3, "mo-Signalling");
        d = Expect(Rrc::EncodeRrcSetupRequest(true, (1ULL << 39) - 1, 0),
                   "0fffffffffe0",
                   "UL-CCCH-Message",
                   Decoded::RRC_SETUP_REQUEST);
        NS_TEST_EXPECT_MSG_EQ(d.ueIdentityIsTmsiPart1, true, "ng-5G-S-TMSI-Part1");

        // DL-CCCH RRCSetup, tid 0, SRB1: 0 | 01 | 00 | 0 | 00; RadioBearerConfig 0 10000 |
        // 0 (1 SRB) | 0 000 00 (SRB 1); masterCellGroup length 4, CellGroupConfig 40 00 80 00
        NrSecurityRadioBearerConfig srb1;
        srb1.srbsToAdd = {1};
        d = Expect(Rrc::EncodeRrcSetup(0, srb1),
                   "2040002200040000",
                   "DL-CCCH-Message",
                   Decoded::RRC_SETUP);
        NS_TEST_EXPECT_MSG_EQ(d.radioBearerConfigPresent, true, "radioBearerConfig");
        NS_TEST_EXPECT_MSG_EQ((d.radioBearerConfig == srb1), true, "SRB1 only");

        // DL-CCCH RRCReject: 0 | 00 | 0 | 1 0 0 | 1001 (waitTime 10) = 11 bits; or 7 bits
        d = Expect(Rrc::EncodeRrcReject(true, 10), "0920", "DL-CCCH-Message", Decoded::RRC_REJECT);
        NS_TEST_EXPECT_MSG_EQ(d.waitTimePresent, true, "waitTime");
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.waitTimeSeconds), 10, "waitTime 10");
        d = Expect(Rrc::EncodeRrcReject(false, 0), "00", "DL-CCCH-Message", Decoded::RRC_REJECT);
        NS_TEST_EXPECT_MSG_EQ(d.waitTimePresent, false, "no waitTime");

        // UL-DCCH RRCSetupComplete tid 0, PLMN 1, NAS 7e 00 41 01: 0 | 0010 | 00 | 0 | 000000
        // | 0000 (PLMN 1) | 00000100 (4 octets) | the octets
        d = Expect(Rrc::EncodeRrcSetupComplete(0, 1, FromHex("7e004101")),
                   "1000011f80104040",
                   "UL-DCCH-Message",
                   Decoded::RRC_SETUP_COMPLETE);
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.selectedPlmnIdentity), 1, "selectedPLMN-Identity");
        NS_TEST_EXPECT_MSG_EQ(ToHex(d.nasMessage), "7e004101", "dedicatedNAS-Message");

        // DL-DCCH UECapabilityEnquiry tid 0: 0 | 0110 | 00 | 0 | 00 | 000 (1 request) | 0 0 |
        // 0 00 (nr) = 18 bits
        Expect(Rrc::EncodeUeCapabilityEnquiry(0),
               "300000",
               "DL-DCCH-Message",
               Decoded::UE_CAPABILITY_ENQUIRY);

        // UL-DCCH UECapabilityInformation tid 0, band n78: 0 | 1001 | 00 | 0 | 100 | 0001 |
        // 0 00 (nr) | 00001010 (10 octets) | UE-NR-Capability 00 00 00 00 00 00 00 00 00 9a
        d = Expect(Rrc::EncodeUeCapabilityInformation(0, {78}),
                   "4882028000000000000000002680",
                   "UL-DCCH-Message",
                   Decoded::UE_CAPABILITY_INFORMATION);
        NS_TEST_EXPECT_MSG_EQ(d.supportedBandsNr.size(), 1, "one band");
        NS_TEST_EXPECT_MSG_EQ(d.supportedBandsNr.at(0), 78, "n78");

        // DL-DCCH RRCReconfiguration tid 0, SRB2 + DRB1 (session 1, QFI 9, 18-bit SN, SDAP
        // headers absent, no integrity): bit positions in RrcMessagesRefusalTestCase
        NrSecurityRadioBearerConfig rb;
        rb.srbsToAdd = {2};
        rb.drbsToAdd = {ReferenceDrb()};
        d = Expect(Rrc::EncodeRrcReconfiguration(0, rb),
                   "008280409a01e01205e1f070",
                   "DL-DCCH-Message",
                   Decoded::RRC_RECONFIGURATION);
        NS_TEST_EXPECT_MSG_EQ((d.radioBearerConfig == rb), true, "SRB2 + DRB1");
        // ... with sdap-HeaderUL present, integrityProtection enabled and the extension
        // cipheringDisabled: PDCP-Config extension bit, 0 000011 (4 groups), bitmap 1000,
        // open type 01 80
        rb.drbsToAdd[0].sdapHeaderUl = true;
        rb.drbsToAdd[0].integrityProtection = true;
        rb.drbsToAdd[0].cipheringDisabled = true;
        d = Expect(Rrc::EncodeRrcReconfiguration(1, rb),
                   "028280409a01a0120df1f070380180",
                   "DL-DCCH-Message",
                   Decoded::RRC_RECONFIGURATION);
        NS_TEST_EXPECT_MSG_EQ((d.radioBearerConfig == rb), true, "UL header, integrity, no ciph");
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.transactionId), 1, "tid 1");

        // UL-DCCH RRCReconfigurationComplete tid 0: 0 | 0001 | 00 | 0 | 00
        Expect(Rrc::EncodeRrcReconfigurationComplete(0),
               "0800",
               "UL-DCCH-Message",
               Decoded::RRC_RECONFIGURATION_COMPLETE);
        // DL-DCCH DLInformationTransfer tid 0, NAS 7e 00 56 01: 0 | 0101 | 00 | 0 | 100 | 4
        d = Expect(Rrc::EncodeDlInformationTransfer(0, FromHex("7e005601")),
                   "28808fc00ac020",
                   "DL-DCCH-Message",
                   Decoded::DL_INFORMATION_TRANSFER);
        NS_TEST_EXPECT_MSG_EQ(d.nasPresent, true, "NAS present");
        NS_TEST_EXPECT_MSG_EQ(ToHex(d.nasMessage), "7e005601", "NAS");
        // UL-DCCH ULInformationTransfer, NAS 7e 00 57 01: 0 | 0111 | 0 | 100 | 4 | octets
        d = Expect(Rrc::EncodeUlInformationTransfer(FromHex("7e005701")),
                   "3a023f002b8080",
                   "UL-DCCH-Message",
                   Decoded::UL_INFORMATION_TRANSFER);
        NS_TEST_EXPECT_MSG_EQ(ToHex(d.nasMessage), "7e005701", "NAS");
        d = Expect(Rrc::EncodeUlInformationTransfer({}),
                   "3800",
                   "UL-DCCH-Message",
                   Decoded::UL_INFORMATION_TRANSFER);
        NS_TEST_EXPECT_MSG_EQ(d.nasPresent, false, "empty NAS omits the field");
        // DL-DCCH RRCRelease tid 0: 0 | 0010 | 00 | 0 | 000000
        Expect(Rrc::EncodeRrcRelease(0), "1000", "DL-DCCH-Message", Decoded::RRC_RELEASE);

        NS_TEST_EXPECT_MSG_EQ(Rrc::Name(Decoded::RRC_SETUP_REQUEST), "rrcSetupRequest", "Name");
        NS_TEST_EXPECT_MSG_EQ(
            Rrc::Name(Decoded::UE_CAPABILITY_INFORMATION), "ueCapabilityInformation", "Name");
        NS_TEST_EXPECT_MSG_EQ(Rrc::Name(static_cast<Decoded::Type>(99)), "unknown", "Name");
    }
};

/**
 * Every entry of rrc-messages-uper.json (the bytes the pycrate and tshark referees check):
 * our encoder gives the exact hex from the params, the decoder gives back the params and
 * the message name, and the bytes re-encode to themselves.
 */
class RrcMessagesVectorsTestCase : public TestCase
{
  public:
    RrcMessagesVectorsTestCase()
        : TestCase("every rrc-messages-uper.json entry: exact encoding, decoded fields, round trip")
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
            std::string channel = v.get<std::string>("channel");
            std::string hex = v.get<std::string>("uper_hex");
            const auto& p = v.get_child("params");
            std::string label = channel + " " + message + " " + v.get<std::string>("note");
            NS_TEST_EXPECT_MSG_EQ(ToHex(RrcMessageParams::Encode(message, p)), hex, label);
            Decoded d = DecodeOn(channel, FromHex(hex));
            NS_TEST_ASSERT_MSG_EQ(d.ok, true, label << ": " << d.error);
            NS_TEST_EXPECT_MSG_EQ(Rrc::Name(d.type), message, label);
            NS_TEST_EXPECT_MSG_EQ(ToHex(Rrc::Reencode(d)), hex, "round trip " << label);
            NS_TEST_EXPECT_MSG_EQ(unsigned(d.transactionId), p.get<unsigned>("tid", 0), label);
            if (message == "rrcSetup" || message == "rrcReconfiguration")
            {
                NS_TEST_EXPECT_MSG_EQ(
                    (d.radioBearerConfig == RrcMessageParams::RadioBearers(p)), true, label);
            }
            if (p.count("nas_hex") != 0)
            {
                NS_TEST_EXPECT_MSG_EQ(ToHex(d.nasMessage), p.get<std::string>("nas_hex"), label);
                NS_TEST_EXPECT_MSG_EQ(d.nasPresent, !p.get<std::string>("nas_hex").empty(), label);
            }
            if (message == "ueCapabilityInformation")
            {
                NS_TEST_EXPECT_MSG_EQ(
                    (d.supportedBandsNr == RrcMessageParams::Array<uint16_t>(p, "bands")),
                    true,
                    label);
            }
            if (message == "rrcRelease")
            {
                auto redirect = p.get_child_optional("redirect");
                NS_TEST_EXPECT_MSG_EQ(d.redirectedCarrierInfoPresent, bool(redirect), label);
                if (redirect)
                {
                    NS_TEST_EXPECT_MSG_EQ(
                        (d.redirectedCarrierInfo == RrcMessageParams::Redirect(*redirect)),
                        true,
                        label);
                }
            }
            if (message == "rrcSetupRequest")
            {
                NS_TEST_EXPECT_MSG_EQ(d.ueIdentity, p.get<uint64_t>("identity39"), label);
                NS_TEST_EXPECT_MSG_EQ(
                    unsigned(d.establishmentCause), p.get<unsigned>("cause"), label);
            }
            ++n;
        }
        NS_TEST_EXPECT_MSG_EQ(
            n, 52, "rrc-messages-uper.json entries (27 of issue 9, 23 of issue 10, 2 of issue 16)");
    }
};

} // namespace

// The refusal, encoder-error and fuzz cases: nr-security-rrc-messages-refusal-test-suite.cc
TestCase* CreateRrcMessagesRefusalTestCase();
TestCase* CreateRrcMessagesEncodeErrorsTestCase();
TestCase* CreateRrcMessagesFuzzTestCase();

/**
 * \ingroup nr-security-tests
 * \brief TS 38.331 UPER codec of the connection setup, capability, reconfiguration, NAS
 *        transfer and release messages.
 */
class NrSecurityRrcMessagesTestSuite : public TestSuite
{
  public:
    NrSecurityRrcMessagesTestSuite()
        : TestSuite("nr-security-rrc-messages", NrSecurityTestType::UNIT)
    {
        AddTestCase(new RrcMessagesExactTestCase);
        AddTestCase(new RrcMessagesVectorsTestCase);
        AddTestCase(CreateRrcMessagesRefusalTestCase());
        AddTestCase(CreateRrcMessagesEncodeErrorsTestCase());
        AddTestCase(CreateRrcMessagesFuzzTestCase());
    }
};

/// The suite's static instance.
static NrSecurityRrcMessagesTestSuite g_nrSecurityRrcMessagesTestSuite;
