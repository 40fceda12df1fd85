// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The TS 38.331 UPER encodings of DL-DCCH SecurityModeCommand and UL-DCCH
 * SecurityModeComplete / SecurityModeFailure (TS 38.331 6.2.1, 6.2.2, 6.3.2 under ITU-T
 * X.691 UNALIGNED): every entry of test/data/rrc-uper.json both ways, every class of
 * malformed input, a deterministic fuzz loop with the decode -> encode round trip, the
 * encoders' parameter checks, and the bit writer / reader underneath.
 */
#include "nr-security-test-vectors.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-asn1.h"
#include "ns3/nr-security-rrc-message.h"
#include "ns3/test.h"

#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

using Rrc = NrSecurityRrcMessage;
using Decoded = NrSecurityRrcDecoded;

/// Builds bytes from a string of '0' / '1' (other characters are ignored), zero-padded.
std::vector<uint8_t>
FromBits(const std::string& bits)
{
    NrSecurityUperWriter w;
    for (char c : bits)
    {
        if (c == '0' || c == '1')
        {
            w.AppendBit(c == '1');
        }
    }
    return w.Bytes();
}

/// The bits of a buffer as a string of '0' / '1', most significant first.
std::string
ToBits(const std::vector<uint8_t>& bytes)
{
    std::string out;
    for (uint8_t b : bytes)
    {
        for (int i = 7; i >= 0; --i)
        {
            out += ((b >> i) & 1) != 0 ? '1' : '0';
        }
    }
    return out;
}

Decoded
DecodeDl(const std::vector<uint8_t>& b)
{
    return Rrc::DecodeDlDcch(b.data(), b.size());
}

Decoded
DecodeUl(const std::vector<uint8_t>& b)
{
    return Rrc::DecodeUlDcch(b.data(), b.size());
}

/// Re-encodes an accepted message (decode -> encode round trip); empty if the encoder
/// refuses the decoded values (which would itself be a decoder bug).
std::vector<uint8_t>
Reencode(const Decoded& d)
{
    try
    {
        return Rrc::Reencode(d);
    }
    catch (const std::invalid_argument&)
    {
        return {};
    }
}

bool
Contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

/**
 * Every entry of rrc-uper.json: encode gives the exact hex (and the exact bit string where
 * the file has one), decode gives back the fields. Also checks the c1 index tables of the
 * file against the decoder's names (TS 38.331 6.2.1).
 */
class RrcVectorsTestCase : public TestCase
{
  public:
    RrcVectorsTestCase()
        : TestCase("TS 38.331 6.2.1 and 6.2.2 UPER encodings of every rrc-uper.json entry")
    {
    }

  private:
    void DoRun() override
    {
        auto doc = LoadVectors("rrc-uper.json");
        size_t smc = 0;
        size_t complete = 0;
        size_t failure = 0;
        for (const auto& entry : doc.get_child("encodings"))
        {
            const auto& v = entry.second;
            std::string message = v.get<std::string>("message");
            std::string hex = v.get<std::string>("uper_hex");
            int tid = v.get<int>("rrc-TransactionIdentifier");
            std::string label = message + " tid " + std::to_string(tid) + " = " + hex;
            NS_TEST_ASSERT_MSG_EQ((tid >= 0 && tid <= 3), true, label << ": tid out of range");
            auto expected = FromHex(hex);
            if (message == "DL-DCCH SecurityModeCommand")
            {
                ++smc;
                std::string c = v.get<std::string>("cipheringAlgorithm");
                std::string i = v.get<std::string>("integrityProtAlgorithm");
                NS_TEST_ASSERT_MSG_EQ(c.substr(0, 3), "nea", label);
                auto nea = NrSecurityAlgorithms::CipheringFromId(
                    static_cast<uint32_t>(std::stoul(c.substr(3))));
                bool present = i != "absent";
                auto nia = present ? NrSecurityAlgorithms::IntegrityFromId(
                               static_cast<uint32_t>(std::stoul(i.substr(3))))
                                   : NrSecurityIntegrity::NIA0;
                label += " (" + c + ", " + i + ")";
                auto enc
                    = Rrc::EncodeSecurityModeCommand(static_cast<uint8_t>(tid), nea, present, nia);
                NS_TEST_EXPECT_MSG_EQ(ToHex(enc), hex, "TS 38.331 6.2.2 encode " << label);
                NS_TEST_EXPECT_MSG_EQ(
                    ToBits(enc), v.get<std::string>("bits"), "bit by bit, " << label);
                auto d = DecodeDl(expected);
                NS_TEST_ASSERT_MSG_EQ(d.ok, true, "decode " << label << ": " << d.error);
                NS_TEST_EXPECT_MSG_EQ(d.error, "", label);
                NS_TEST_EXPECT_MSG_EQ(d.type, Decoded::SECURITY_MODE_COMMAND, label);
                NS_TEST_EXPECT_MSG_EQ(unsigned(d.transactionId), unsigned(tid), label);
                NS_TEST_EXPECT_MSG_EQ(unsigned(d.nea), unsigned(nea), label);
                NS_TEST_EXPECT_MSG_EQ(d.integrityPresent, present, label);
                NS_TEST_EXPECT_MSG_EQ(unsigned(d.nia), unsigned(nia), label);
                // A DL-DCCH encoding is never a valid UL-DCCH one (c1 index 4 = rrcResumeComplete)
                NS_TEST_EXPECT_MSG_EQ(DecodeUl(expected).ok, false, "as UL-DCCH: " << label);
            }
            else if (message == "UL-DCCH securityModeComplete"
                     || message == "UL-DCCH securityModeFailure")
            {
                bool isComplete = message == "UL-DCCH securityModeComplete";
                (isComplete ? complete : failure)++;
                auto enc = isComplete ? Rrc::EncodeSecurityModeComplete(static_cast<uint8_t>(tid))
                                      : Rrc::EncodeSecurityModeFailure(static_cast<uint8_t>(tid));
                NS_TEST_EXPECT_MSG_EQ(ToHex(enc), hex, "TS 38.331 6.2.2 encode " << label);
                // 10 significant bits, then 6 zero padding bits (X.691 11.1)
                NS_TEST_EXPECT_MSG_EQ(v.get<int>("significant_bits"), 10, label);
                NS_TEST_EXPECT_MSG_EQ(enc.size(), 2, label);
                NS_TEST_EXPECT_MSG_EQ(ToBits(enc).substr(10), "000000", label);
                auto d = DecodeUl(expected);
                NS_TEST_ASSERT_MSG_EQ(d.ok, true, "decode " << label << ": " << d.error);
                NS_TEST_EXPECT_MSG_EQ(d.error, "", label);
                NS_TEST_EXPECT_MSG_EQ(
                    d.type,
                    (isComplete ? Decoded::SECURITY_MODE_COMPLETE : Decoded::SECURITY_MODE_FAILURE),
                    label);
                NS_TEST_EXPECT_MSG_EQ(unsigned(d.transactionId), unsigned(tid), label);
                NS_TEST_EXPECT_MSG_EQ(d.integrityPresent, false, label);
                // As DL-DCCH, c1 5 is dlInformationTransfer: a SecurityModeComplete's 10 bits
                // plus zero padding are a valid one without dedicatedNAS-Message (TS 38.331
                // 6.2.2); c1 6 is a ueCapabilityEnquiry cut short
                auto asDl = DecodeDl(expected);
                NS_TEST_EXPECT_MSG_EQ(
                    asDl.ok, isComplete, "as DL-DCCH: " << label << ": " << asDl.error);
                NS_TEST_EXPECT_MSG_EQ(
                    Rrc::Name(asDl.type),
                    (isComplete ? "dlInformationTransfer" : "ueCapabilityEnquiry"),
                    "as DL-DCCH: " << label);
            }
            else
            {
                NS_TEST_ASSERT_MSG_EQ(message, "a known message", "unexpected entry " << hex);
            }
        }
        NS_TEST_EXPECT_MSG_EQ(smc, 24, "rrc-uper.json: 6 SecurityModeCommands per tid 0..3");
        NS_TEST_EXPECT_MSG_EQ(complete, 4, "rrc-uper.json: one SecurityModeComplete per tid");
        NS_TEST_EXPECT_MSG_EQ(failure, 4, "rrc-uper.json: one SecurityModeFailure per tid");

        // The c1 index tables of the file name the same alternatives as the decoder's
        // errors (TS 38.331 6.2.1): a header with each other index is refused by name.
        CheckC1Table(doc, "DL-DCCH-MessageType.c1", true);
        CheckC1Table(doc, "UL-DCCH-MessageType.c1", false);
        NS_TEST_EXPECT_MSG_EQ(doc.get<int>("choice_indexes.DL-DCCH-MessageType.c1"), 0, "DL c1");
        NS_TEST_EXPECT_MSG_EQ(doc.get<int>("choice_indexes.UL-DCCH-MessageType.c1"), 0, "UL c1");
    }

    void CheckC1Table(const boost::property_tree::ptree& doc, const std::string& table, bool dl)
    {
        size_t checked = 0;
        // ptree paths use '.' as separator; the table name itself contains dots.
        const auto& indexes = doc.get_child("choice_indexes");
        for (const auto& t : indexes)
        {
            if (t.first != table)
            {
                continue;
            }
            for (const auto& alt : t.second)
            {
                if (alt.first == "bits" || alt.first.rfind("spare", 0) == 0)
                {
                    continue;
                }
                int index = alt.second.get_value<int>();
                std::string bits = "0";
                for (int b = 3; b >= 0; --b)
                {
                    bits += ((index >> b) & 1) != 0 ? '1' : '0';
                }
                // then tid 0 and zeros: the rest of an encoding of that index
                auto buf = FromBits(bits + std::string(dl ? 19 : 5, '0'));
                auto d = dl ? DecodeDl(buf) : DecodeUl(buf);
                bool wanted = dl ? index == 4 : (index == 5 || index == 6);
                // the other messages of nr-security-rrc-messages and (issue 10)
                // nr-security-rrc-mobility-messages: supported, so never refused as "not
                // supported" (this all-zero body may be refused for another reason)
                bool other = dl ? (index <= 3 || index == 5 || index == 6)
                                : (index <= 4 || index == 7 || index == 9);
                if (wanted)
                {
                    NS_TEST_EXPECT_MSG_EQ(d.ok, true, table << " " << alt.first << ": " << d.error);
                }
                else if (other)
                {
                    NS_TEST_EXPECT_MSG_EQ(Contains(d.error, "is not supported (c1"),
                                          false,
                                          table << " index " << index << ": '" << d.error << "'");
                }
                else
                {
                    NS_TEST_EXPECT_MSG_EQ(d.ok, false, table << " " << alt.first);
                    NS_TEST_EXPECT_MSG_EQ(Contains(d.error, alt.first + " is not supported"),
                                          true,
                                          table << " index " << index << ": '" << d.error << "'");
                }
                ++checked;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(checked, (dl ? 13 : 16), table << " named alternatives");
    }
};

/**
 * Every class of malformed input is refused with ok = false and a reason saying what was
 * wrong (TS 38.331 6.2.1 / 6.2.2 / 6.3.2 structure; X.691 padding).
 */
class RrcMalformedTestCase : public TestCase
{
  public:
    RrcMalformedTestCase()
        : TestCase(
            "malformed or unsupported DL-DCCH and UL-DCCH messages are refused with a reason")
    {
    }

  private:
    /// Expects buf to be refused by the DL (or UL) decoder with an error containing needle.
    void Refused(bool dl, const std::vector<uint8_t>& buf, const std::string& needle)
    {
        auto d = dl ? DecodeDl(buf) : DecodeUl(buf);
        std::string label = std::string(dl ? "DL-DCCH " : "UL-DCCH ") + ToHex(buf);
        NS_TEST_EXPECT_MSG_EQ(d.ok, false, label << " should be refused (" << needle << ")");
        NS_TEST_EXPECT_MSG_EQ(d.error.empty(), false, label << ": empty reason");
        NS_TEST_EXPECT_MSG_EQ(Contains(d.error, needle),
                              true,
                              label << ": reason '" << d.error << "' should mention '" << needle
                                    << "'");
    }

    void DoRun() override
    {
        // The valid references (TS 38.331 6.2.2): SMC tid 0 nea2 nia2, Complete / Failure tid 0
        auto smc = FromHex("200910");
        NS_TEST_ASSERT_MSG_EQ(DecodeDl(smc).ok, true, "reference SMC 20 09 10");
        NS_TEST_ASSERT_MSG_EQ(DecodeUl(FromHex("2800")).ok, true, "reference Complete 28 00");
        NS_TEST_ASSERT_MSG_EQ(DecodeUl(FromHex("3000")).ok, true, "reference Failure 30 00");

        // Empty and null input
        for (bool dl : {true, false})
        {
            auto d = dl ? Rrc::DecodeDlDcch(nullptr, 0) : Rrc::DecodeUlDcch(nullptr, 0);
            NS_TEST_EXPECT_MSG_EQ(d.ok, false, "nullptr, 0 bytes");
            NS_TEST_EXPECT_MSG_EQ(Contains(d.error, "empty"), true, d.error);
            d = dl ? Rrc::DecodeDlDcch(nullptr, 3) : Rrc::DecodeUlDcch(nullptr, 2);
            NS_TEST_EXPECT_MSG_EQ(d.ok, false, "nullptr with a size");
            NS_TEST_EXPECT_MSG_EQ(Contains(d.error, "null"), true, d.error);
            d = dl ? Rrc::DecodeDlDcch(smc.data(), 0) : Rrc::DecodeUlDcch(smc.data(), 0);
            NS_TEST_EXPECT_MSG_EQ(d.ok, false, "0 bytes");
            NS_TEST_EXPECT_MSG_EQ(Contains(d.error, "empty"), true, d.error);
        }

        // Truncated: every non-empty proper prefix of the 3-byte SMC (with and without
        // integrityProtAlgorithm) and of the 2-byte UL messages
        for (const auto& hex : {"200910", "200998", "200100"})
        {
            auto full = FromHex(hex);
            for (size_t n = 1; n < full.size(); ++n)
            {
                Refused(true, std::vector<uint8_t>(full.data(), full.data() + n), "truncated");
            }
        }
        for (const auto& hex : {"2800", "3000", "2e00", "3600"})
        {
            Refused(false, {FromHex(hex)[0]}, "truncated");
        }
        // 17-bit SMC without integrity truncated to 2 bytes: the cipheringAlgorithm is cut
        Refused(true, FromHex("2001"), "cipheringAlgorithm");
        // Integrity present but its field cut at the end of byte 2
        Refused(true, FromHex("2009"), "truncated");

        // messageClassExtension (TS 38.331 6.2.1: DL-/UL-DCCH-MessageType choice index 1)
        Refused(true, FromHex("a00910"), "messageClassExtension is not supported");
        Refused(true, FromHex("80"), "messageClassExtension");
        Refused(false, FromHex("a800"), "messageClassExtension is not supported");
        Refused(false, FromHex("ff"), "messageClassExtension");

        // Other c1 messages, named (TS 38.331 6.2.1 c1 order)
        // (rrcReconfiguration, rrcRelease, dlInformationTransfer, ueCapabilityEnquiry and their
        // UL answers are supported since issue 9: nr-security-rrc-messages refuses their
        // malformed forms; rrcResume, rrcReestablishment, measurementReport and the
        // complete messages since issue 10: nr-security-rrc-mobility-messages)
        Refused(true, FromBits("0 0111 00000000000000000"), "counterCheck is not supported");
        Refused(
            true, FromBits("0 1000 00000000000000000"), "mobilityFromNRCommand is not supported");
        Refused(true,
                FromBits("0 1100 00000000000000000"),
                "loggedMeasurementConfiguration-r16 is not supported");
        Refused(true, FromBits("0 1101 00000000000000000"), "spare3 is not supported");
        Refused(true, FromBits("0 1111 00000000000000000"), "spare1 is not supported");
        Refused(false, FromBits("0 1010 00 0 00"), "counterCheckResponse is not supported");
        Refused(false, FromBits("0 1111 00 0 00"), "scgFailureInformationEUTRA is not supported");

        // criticalExtensionsFuture (TS 38.331 6.2.2, criticalExtensions choice index 1)
        Refused(true, FromHex("210910"), "criticalExtensionsFuture is not supported");
        Refused(false, FromHex("2900"), "criticalExtensionsFuture is not supported");
        Refused(false, FromHex("3100"), "criticalExtensionsFuture is not supported");

        // lateNonCriticalExtension / nonCriticalExtension present (the -IEs presence bitmap,
        // X.691 19: one bit per OPTIONAL component, in textual order)
        Refused(true, FromHex("208910"), "lateNonCriticalExtension is present: not supported");
        Refused(true, FromHex("204910"), "nonCriticalExtension is present: not supported");
        Refused(true, FromHex("20c910"), "lateNonCriticalExtension");
        Refused(false, FromHex("2880"), "lateNonCriticalExtension is present: not supported");
        Refused(false, FromHex("2840"), "nonCriticalExtension is present: not supported");
        Refused(false, FromHex("3080"), "lateNonCriticalExtension is present: not supported");
        Refused(false, FromHex("3040"), "nonCriticalExtension is present: not supported");

        // Extension bits (X.691 19.1 SEQUENCE extension bit; X.691 14 ENUMERATED extension bit)
        Refused(true, FromHex("202910"), "SecurityConfigSMC extension additions are not supported");
        Refused(true,
                FromHex("201910"),
                "SecurityAlgorithmConfig extension additions are not supported");
        Refused(true, FromHex("200d10"), "cipheringAlgorithm: extension bit set");
        Refused(true, FromHex("200950"), "integrityProtAlgorithm: extension bit set");
        Refused(true, FromHex("200500"), "cipheringAlgorithm: extension bit set"); // no integrity

        // Spare algorithm values 4..7 (TS 38.331 6.3.2 CipheringAlgorithm /
        // IntegrityProtAlgorithm: spare4..spare1)
        const char* spares[4] = {"spare4", "spare3", "spare2", "spare1"};
        for (uint32_t idx = 4; idx <= 7; ++idx)
        {
            std::string three;
            for (int b = 2; b >= 0; --b)
            {
                three += ((idx >> b) & 1) != 0 ? '1' : '0';
            }
            Refused(true,
                    FromBits("0 0100 00 0 00 0 0 1 0" + three + " 0010"),
                    std::string("cipheringAlgorithm ") + spares[idx - 4] + " (index "
                        + std::to_string(idx) + ") is not supported");
            Refused(true,
                    FromBits("0 0100 00 0 00 0 0 0 0" + three),
                    std::string("cipheringAlgorithm ") + spares[idx - 4]);
            Refused(true,
                    FromBits("0 0100 00 0 00 0 0 1 0010 0" + three),
                    std::string("integrityProtAlgorithm ") + spares[idx - 4] + " (index "
                        + std::to_string(idx) + ") is not supported");
        }

        // Non-zero padding bits (X.691 11.1; the encoder pads with 0)
        Refused(true, FromHex("200911"), "non-zero padding");
        Refused(true, FromHex("200917"), "non-zero padding");
        Refused(true, FromHex("200140"), "non-zero padding"); // the bit after 17 bits
        Refused(false, FromHex("2820"), "non-zero padding");  // the bit after 10 bits
        Refused(false, FromHex("3001"), "non-zero padding");

        // Trailing bytes, zero or not
        Refused(true, FromHex("20091000"), "trailing byte");
        Refused(true, FromHex("200910ff"), "trailing byte");
        Refused(true, FromHex("20010000"), "trailing byte");
        Refused(false, FromHex("280000"), "trailing byte");
        Refused(false, FromHex("30000000"), "2 trailing byte");
        Refused(false, FromHex("3000000000"), "3 trailing byte");

        // Each message on the wrong logical channel
        // (28 00 on DL-DCCH is a valid dlInformationTransfer without dedicatedNAS-Message:
        // c1 5, tid 0, no optional field; 30 00 is a ueCapabilityEnquiry cut short)
        Refused(true, FromHex("3000"), "truncated");
        // (an SMC on UL-DCCH is an rrcResumeComplete, c1 4, with nonCriticalExtension set)
        Refused(false, FromHex("200910"), "rrcResumeComplete: nonCriticalExtension is present");
    }
};

/**
 * Deterministic fuzzing: random buffers of 0..8 bytes, every 1- and 2-byte buffer, and every
 * 3-byte buffer that starts like a DL-DCCH securityModeCommand. The decoders never crash
 * (run under ASan / UBSan), always give a reason when they refuse, and whatever they accept
 * re-encodes to exactly the input (the decoders are the inverse of the encoders).
 */
class RrcFuzzTestCase : public TestCase
{
  public:
    RrcFuzzTestCase()
        : TestCase("fuzzed DL-DCCH and UL-DCCH input: no crash, a reason or an exact round trip")
    {
    }

  private:
    /// Decodes buf both ways; counts acceptances and round-trip / reason failures.
    void Check(const std::vector<uint8_t>& buf, size_t& dlOk, size_t& ulOk)
    {
        for (bool dl : {true, false})
        {
            auto d = dl ? Rrc::DecodeDlDcch(buf.empty() ? nullptr : buf.data(), buf.size())
                        : Rrc::DecodeUlDcch(buf.empty() ? nullptr : buf.data(), buf.size());
            if (!d.ok)
            {
                if (d.error.empty())
                {
                    ++m_badReason;
                    m_firstBad = m_firstBad.empty() ? ToHex(buf) : m_firstBad;
                }
                continue;
            }
            bool security = d.type == Decoded::SECURITY_MODE_COMMAND
                            || d.type == Decoded::SECURITY_MODE_COMPLETE
                            || d.type == Decoded::SECURITY_MODE_FAILURE;
            // the SMC messages are counted here; the issue-9 messages (nr-security-rrc-messages)
            // by type in m_others, and every acceptance must round-trip
            if (security)
            {
                (dl ? dlOk : ulOk)++;
            }
            else
            {
                ++m_others[Rrc::Name(d.type)];
            }
            bool dlType
                = d.type == Decoded::SECURITY_MODE_COMMAND || d.type == Decoded::RRC_RECONFIGURATION
                  || d.type == Decoded::RRC_RELEASE || d.type == Decoded::DL_INFORMATION_TRANSFER
                  || d.type == Decoded::UE_CAPABILITY_ENQUIRY || d.type == Decoded::RRC_RESUME
                  || d.type == Decoded::RRC_REESTABLISHMENT;
            bool rightChannel = dl == dlType;
            if (!d.error.empty() || !rightChannel || Reencode(d) != buf)
            {
                ++m_badRoundTrip;
                m_firstBad = m_firstBad.empty() ? ToHex(buf) : m_firstBad;
            }
        }
    }

    void DoRun() override
    {
        size_t dlOk = 0;
        size_t ulOk = 0;

        // Every 1-byte buffer: too short for any of the three messages
        for (uint32_t a = 0; a < 256; ++a)
        {
            Check({static_cast<uint8_t>(a)}, dlOk, ulOk);
        }
        NS_TEST_EXPECT_MSG_EQ(dlOk + ulOk, 0, "no 1-byte buffer is a valid message");

        // Every 2-byte buffer: exactly the 4 tids x {Complete, Failure} of TS 38.331 6.2.2
        for (uint32_t ab = 0; ab < 65536; ++ab)
        {
            Check({static_cast<uint8_t>(ab >> 8), static_cast<uint8_t>(ab)}, dlOk, ulOk);
        }
        NS_TEST_EXPECT_MSG_EQ(dlOk, 0, "no 2-byte DL-DCCH buffer is a securityModeCommand");
        NS_TEST_EXPECT_MSG_EQ(ulOk, 8, "2-byte UL-DCCH: 4 tids x 2 messages");
        // and the 2-byte messages of issue 9 (TS 38.331 6.2.2, every optional field absent):
        // rrcRelease and dlInformationTransfer per DL tid, rrcReconfigurationComplete per UL
        // tid, and the one ulInformationTransfer (no transaction identifier)
        NS_TEST_EXPECT_MSG_EQ(m_others["rrcRelease"], 4, "2-byte rrcRelease: 4 tids");
        NS_TEST_EXPECT_MSG_EQ(m_others["dlInformationTransfer"], 4, "2-byte DLInfo: 4 tids");
        NS_TEST_EXPECT_MSG_EQ(m_others["rrcReconfigurationComplete"], 4, "2-byte: 4 tids");
        NS_TEST_EXPECT_MSG_EQ(m_others["ulInformationTransfer"], 1, "2-byte ULInfo: 38 00");
        // and those of issue 10 (nr-security-rrc-mobility-messages): rrcResume without
        // radioBearerConfig, rrcReestablishmentComplete and rrcResumeComplete per tid,
        // rrcReestablishment per tid and NCC (0..7)
        NS_TEST_EXPECT_MSG_EQ(m_others["rrcResume"], 4, "2-byte rrcResume: 4 tids");
        NS_TEST_EXPECT_MSG_EQ(m_others["rrcReestablishment"], 32, "4 tids x 8 NCCs");
        NS_TEST_EXPECT_MSG_EQ(m_others["rrcReestablishmentComplete"], 4, "2-byte: 4 tids");
        NS_TEST_EXPECT_MSG_EQ(m_others["rrcResumeComplete"], 4, "2-byte: 4 tids");
        NS_TEST_EXPECT_MSG_EQ(m_others.size(), 8, "no other 2-byte message is accepted");
        m_others.clear();

        // Every 3-byte buffer whose first byte is a DL-DCCH securityModeCommand header
        // (0 0100 tt 0 = 0x20, 0x22, 0x24, 0x26) or a criticalExtensionsFuture one (odd):
        // 4 tids x 4 nea x (4 nia + absent) = 80 valid encodings
        dlOk = 0;
        ulOk = 0;
        for (uint32_t a = 0x20; a <= 0x27; ++a)
        {
            for (uint32_t bc = 0; bc < 65536; ++bc)
            {
                Check({static_cast<uint8_t>(a),
                       static_cast<uint8_t>(bc >> 8),
                       static_cast<uint8_t>(bc)},
                      dlOk,
                      ulOk);
            }
        }
        NS_TEST_EXPECT_MSG_EQ(dlOk, 80, "3-byte DL-DCCH: 4 tids x 4 nea x 5 integrity choices");
        NS_TEST_EXPECT_MSG_EQ(ulOk, 0, "no 3-byte UL-DCCH buffer is valid");
        NS_TEST_EXPECT_MSG_EQ(m_others.size(), 0, "c1 index 4 (DL) / 4 (UL): no other message");

        // Every valid encoding (80 SMC, 8 UL) with each possible byte appended, and with
        // each single bit flipped: none of these is a valid encoding, so every acceptance
        // would break the round trip
        std::vector<std::vector<uint8_t>> valid;
        for (uint8_t tid = 0; tid <= 3; ++tid)
        {
            valid.push_back(Rrc::EncodeSecurityModeComplete(tid));
            valid.push_back(Rrc::EncodeSecurityModeFailure(tid));
            for (uint32_t c = 0; c <= 3; ++c)
            {
                auto nea = static_cast<NrSecurityCiphering>(c);
                valid.push_back(
                    Rrc::EncodeSecurityModeCommand(tid, nea, false, NrSecurityIntegrity::NIA0));
                for (uint32_t i = 0; i <= 3; ++i)
                {
                    valid.push_back(Rrc::EncodeSecurityModeCommand(
                        tid, nea, true, static_cast<NrSecurityIntegrity>(i)));
                }
            }
        }
        NS_TEST_EXPECT_MSG_EQ(valid.size(), 88, "4 x (2 + 4 x 5) valid encodings");
        dlOk = 0;
        ulOk = 0;
        for (const auto& v : valid)
        {
            for (uint32_t extra = 0; extra < 256; ++extra)
            {
                auto longer = v;
                longer.push_back(static_cast<uint8_t>(extra));
                Check(longer, dlOk, ulOk);
            }
        }
        NS_TEST_EXPECT_MSG_EQ(dlOk + ulOk, 0, "a valid encoding plus one byte is never valid");
        // Single bit flips. Some give another valid message (the round trip covers those):
        // per SMC with integrity, the 2 tid bits and the 2 low bits of each 3-bit algorithm
        // index (the high bit makes a spare value), plus the integrityProtAlgorithm presence
        // bit when nia0 (the 4 bits it drops are then zero padding); per SMC without
        // integrity, 2 tid + 2 index bits, plus the presence bit (the 4 zero padding bits
        // then read as nia0). Per UL message, the 2 tid bits (no single flip turns c1 index
        // 5 into 6). Everything else is refused.
        size_t flipDlOk = 0;
        size_t flipUlOk = 0;
        for (const auto& v : valid)
        {
            for (size_t bit = 0; bit < 8 * v.size(); ++bit)
            {
                auto flipped = v;
                flipped[bit / 8] ^= static_cast<uint8_t>(0x80U >> (bit % 8));
                Check(flipped, flipDlOk, flipUlOk);
            }
        }
        NS_TEST_EXPECT_MSG_EQ(flipDlOk, 64 * 6 + 16 + 16 * 5, "bit flips of SMCs still valid");
        NS_TEST_EXPECT_MSG_EQ(flipUlOk, 8 * 2, "bit flips of UL messages still valid");

        // 20000 pseudo-random buffers of 0..8 bytes (a fixed 64-bit LCG, Knuth's MMIX
        // constants, so the sequence is the same on every platform)
        uint64_t state = 0x38331u;
        auto next = [&state]()
        {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return static_cast<uint32_t>(state >> 33);
        };
        for (int i = 0; i < 20000; ++i)
        {
            std::vector<uint8_t> buf(next() % 9);
            for (auto& b : buf)
            {
                b = static_cast<uint8_t>(next());
            }
            // Bias a quarter of them towards the valid headers so the deep paths are hit.
            if (!buf.empty() && i % 4 == 0)
            {
                static const uint8_t heads[] = {0x20, 0x22, 0x24, 0x26, 0x28, 0x2e, 0x30, 0x36};
                buf[0] = heads[next() % 8];
            }
            Check(buf, dlOk, ulOk);
        }

        NS_TEST_EXPECT_MSG_EQ(m_badReason, 0, "refusals without a reason, first " << m_firstBad);
        NS_TEST_EXPECT_MSG_EQ(m_badRoundTrip,
                              0,
                              "accepted buffers that do not re-encode to themselves, first "
                                  << m_firstBad);
    }

    std::map<std::string, size_t> m_others; ///< acceptances of the other messages, by name
    size_t m_badReason{0};                  ///< refusals with an empty error
    size_t m_badRoundTrip{0};               ///< acceptances that do not round-trip
    std::string m_firstBad;                 ///< the first offending buffer, hex
};

/**
 * The encoders refuse out-of-range parameters with std::invalid_argument naming them
 * (TS 38.331 6.3.2: RRC-TransactionIdentifier INTEGER (0..3); CipheringAlgorithm /
 * IntegrityProtAlgorithm nea0..nea3 / nia0..nia3 in the root, spare4..spare1 unused).
 */
class RrcEncodeErrorsTestCase : public TestCase
{
  public:
    RrcEncodeErrorsTestCase()
        : TestCase("encoders refuse transactionId 4 and algorithm id 4 with std::invalid_argument")
    {
    }

  private:
    void Expect(const std::function<void()>& f,
                const std::string& parameter,
                const std::string& what)
    {
        std::string m = InvalidArgumentMessage(f);
        NS_TEST_EXPECT_MSG_EQ(Contains(m, parameter),
                              true,
                              what << ": expected an invalid_argument naming '" << parameter
                                   << "', got '" << m << "'");
    }

    void DoRun() override
    {
        auto nea2 = NrSecurityCiphering::NEA2;
        auto nia2 = NrSecurityIntegrity::NIA2;
        auto nea4 = static_cast<NrSecurityCiphering>(4);
        auto nia4 = static_cast<NrSecurityIntegrity>(4);
        Expect([&] { Rrc::EncodeSecurityModeCommand(4, nea2, true, nia2); },
               "transactionId",
               "SMC tid 4");
        Expect([&] { Rrc::EncodeSecurityModeCommand(255, nea2, false, nia2); },
               "transactionId",
               "SMC tid 255");
        Expect([&] { Rrc::EncodeSecurityModeCommand(0, nea4, true, nia2); }, "nea", "SMC nea 4");
        Expect(
            [&] {
                Rrc::EncodeSecurityModeCommand(
                    0, static_cast<NrSecurityCiphering>(15), false, nia2);
            },
            "nea",
            "SMC nea 15");
        Expect([&] { Rrc::EncodeSecurityModeCommand(0, nea2, true, nia4); }, "nia", "SMC nia 4");
        Expect([&] { Rrc::EncodeSecurityModeComplete(4); }, "transactionId", "Complete tid 4");
        Expect([&] { Rrc::EncodeSecurityModeFailure(4); }, "transactionId", "Failure tid 4");
        // An absent integrityProtAlgorithm ignores nia (documented)
        NS_TEST_EXPECT_MSG_EQ(ToHex(Rrc::EncodeSecurityModeCommand(0, nea2, false, nia4)),
                              "200100",
                              "nia is ignored when integrityProtAlgorithm is absent");
        // The largest valid values are accepted
        NS_TEST_EXPECT_MSG_EQ(ToHex(Rrc::EncodeSecurityModeCommand(
                                  3, NrSecurityCiphering::NEA3, true, NrSecurityIntegrity::NIA3)),
                              "260998",
                              "tid 3 nea3 nia3");
        NS_TEST_EXPECT_MSG_EQ(ToHex(Rrc::EncodeSecurityModeFailure(3)), "3600", "Failure tid 3");

        NS_TEST_EXPECT_MSG_EQ(Rrc::Name(Decoded::SECURITY_MODE_COMMAND), "securityModeCommand", "");
        NS_TEST_EXPECT_MSG_EQ(
            Rrc::Name(Decoded::SECURITY_MODE_COMPLETE), "securityModeComplete", "");
        NS_TEST_EXPECT_MSG_EQ(Rrc::Name(Decoded::SECURITY_MODE_FAILURE), "securityModeFailure", "");
    }
};

/**
 * The unaligned PER bit writer and reader (X.691 UNALIGNED: bit-fields back to back, most
 * significant bit first, zero padding to the octet).
 */
class UperBitsTestCase : public TestCase
{
  public:
    UperBitsTestCase()
        : TestCase("X.691 unaligned bit writer and reader")
    {
    }

  private:
    void DoRun() override
    {
        NrSecurityUperWriter w;
        NS_TEST_EXPECT_MSG_EQ(w.Bytes().size(), 0, "empty writer");
        w.AppendBit(true);
        w.Append(0x5, 3);
        w.Append(0, 0);
        w.Append(0x1ff, 9);
        NS_TEST_EXPECT_MSG_EQ(w.BitLength(), 13, "1 + 3 + 0 + 9 bits");
        NS_TEST_EXPECT_MSG_EQ(ToHex(w.Bytes()), "dff8", "1 101 111111111 000 (padding)");
        w.Append(0xdeadbeef, 32);
        NS_TEST_EXPECT_MSG_EQ(w.BitLength(), 45, "plus 32 bits");
        NS_TEST_EXPECT_MSG_EQ(ToHex(w.Bytes()), "dffef56df778", "32-bit field at bit 13");
        NS_TEST_EXPECT_MSG_EQ(InvalidArgumentMessage([&] { w.Append(4, 2); }).empty(),
                              false,
                              "4 does not fit in 2 bits");
        NS_TEST_EXPECT_MSG_EQ(
            InvalidArgumentMessage([&] { w.Append(0, 33); }).empty(), false, "33-bit field");
        NS_TEST_EXPECT_MSG_EQ(w.BitLength(), 45, "a refused Append writes nothing");

        auto bytes = w.Bytes();
        NrSecurityUperReader r(bytes.data(), bytes.size());
        NS_TEST_EXPECT_MSG_EQ(r.BitLength(), 48, "6 bytes");
        NS_TEST_EXPECT_MSG_EQ(r.Read(1), 1, "bit 0");
        NS_TEST_EXPECT_MSG_EQ(r.Read(3), 5, "bits 1..3");
        NS_TEST_EXPECT_MSG_EQ(r.Read(0), 0, "0 bits");
        NS_TEST_EXPECT_MSG_EQ(r.Read(9), 0x1ff, "bits 4..12");
        NS_TEST_EXPECT_MSG_EQ(r.Position(), 13, "position");
        NS_TEST_EXPECT_MSG_EQ(r.RemainingBitsAreZero(), false, "0xdeadbeef follows");
        NS_TEST_EXPECT_MSG_EQ(r.Read(32), 0xdeadbeef, "bits 13..44");
        NS_TEST_EXPECT_MSG_EQ(r.RemainingBits(), 3, "3 padding bits");
        NS_TEST_EXPECT_MSG_EQ(r.RemainingBitsAreZero(), true, "zero padding");
        uint32_t v = 77;
        NS_TEST_EXPECT_MSG_EQ(r.TryRead(4, v), false, "past the end");
        NS_TEST_EXPECT_MSG_EQ(v, 77, "value untouched");
        NS_TEST_EXPECT_MSG_EQ(r.Position(), 45, "position untouched");
        bool threw = false;
        try
        {
            r.Read(4);
        }
        catch (const std::out_of_range&)
        {
            threw = true;
        }
        NS_TEST_EXPECT_MSG_EQ(threw, true, "Read past the end throws std::out_of_range");
        NS_TEST_EXPECT_MSG_EQ(r.TryRead(3, v), true, "the last 3 bits");
        NS_TEST_EXPECT_MSG_EQ(r.RemainingBits(), 0, "all read");
        NS_TEST_EXPECT_MSG_EQ(r.TryRead(0, v), true, "0 bits at the end");
        NS_TEST_EXPECT_MSG_EQ(r.RemainingBitsAreZero(), true, "nothing remains");

        NrSecurityUperReader empty(nullptr, 5);
        NS_TEST_EXPECT_MSG_EQ(empty.BitLength(), 0, "nullptr reads as empty");
        NS_TEST_EXPECT_MSG_EQ(empty.TryRead(1, v), false, "nothing to read");
        NS_TEST_EXPECT_MSG_EQ(empty.TryRead(33, v), false, "33 bits");

        uint8_t one[1] = {0x01};
        NrSecurityUperReader last(one, 1);
        NS_TEST_EXPECT_MSG_EQ(last.Read(7), 0, "7 zero bits");
        NS_TEST_EXPECT_MSG_EQ(last.RemainingBitsAreZero(), false, "the last bit is 1");
    }
};

/**
 * The TS 38.331 RRC message suite.
 */
class NrSecurityRrcTestSuite : public TestSuite
{
  public:
    NrSecurityRrcTestSuite()
        : TestSuite("nr-security-rrc")
    {
        AddTestCase(new UperBitsTestCase);
        AddTestCase(new RrcVectorsTestCase);
        AddTestCase(new RrcMalformedTestCase);
        AddTestCase(new RrcEncodeErrorsTestCase);
        AddTestCase(new RrcFuzzTestCase);
    }
};

} // namespace

/// The static instance that registers the suite.
static NrSecurityRrcTestSuite g_nrSecurityRrcTestSuite;
