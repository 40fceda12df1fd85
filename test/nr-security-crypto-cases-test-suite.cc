// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Crypto faults that shipped in real 5G/LTE stacks (the project's case list C1-C10), one test
 * case per kind of fault, each failing on the faulty behaviour. "computed" values were derived
 * by the case authors with two independent implementations; "official" ones are 3GPP/ETSI
 * test data.
 */
#include "nr-security-test-vectors.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-kdf.h"
#include "ns3/test.h"

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

const char* const K_AMF = "d655f16142035d4d72ca39583d228d2dd2ec0ca7929ad007f53b382d05544405";
const char* const K_GNB = "493a16c58b77b627fa3f1ac6344c183039f01ba0cb7636bbccc4365b023bd562";

NrSecurityKey256
Key256(const std::string& hex)
{
    return NrSecurityAlgorithms::Key256FromBytes(FromHex(hex));
}

NrSecurityKey128
Key128(const std::string& hex)
{
    return NrSecurityAlgorithms::Key128FromBytes(FromHex(hex));
}

template <size_t N>
std::string
Hex(const std::array<uint8_t, N>& k)
{
    return ToHex(std::vector<uint8_t>(k.begin(), k.end()));
}

/// C1: the 128-bit algorithm key is the LAST 16 bytes of the KDF output (TS 33.501 A.8).
class KeyHalfTestCase : public TestCase
{
  public:
    KeyHalfTestCase()
        : TestCase("C1 key-truncation: AS keys are the 128 least significant bits (A.8)")
    {
    }

  private:
    void DoRun() override
    {
        auto kGnb = Key256(K_GNB);
        auto full = NrSecurityKdf::Kdf(FromHex(K_GNB), 0x69, {{0x04}, {0x02}});
        NS_TEST_EXPECT_MSG_EQ(Hex(full),
                              "d6a58a603d08de669bc555f7f71ff7973dc37c61c21fb16740a2b2fe27783646",
                              "full KDF output for N-RRC-int-alg, NIA2 (computed)");
        auto kRrcInt
            = NrSecurityKdf::DeriveAlgorithmKey(kGnb, NrSecurityAlgorithmType::N_RRC_INT, 2);
        NS_TEST_EXPECT_MSG_EQ(Hex(kRrcInt), "3dc37c61c21fb16740a2b2fe27783646", "K_RRCint");
        NS_TEST_EXPECT_MSG_NE(Hex(kRrcInt),
                              "d6a58a603d08de669bc555f7f71ff797",
                              "K_RRCint must not be the first half");
        NS_TEST_EXPECT_MSG_EQ(
            Hex(NrSecurityKdf::DeriveAlgorithmKey(kGnb, NrSecurityAlgorithmType::N_RRC_ENC, 2)),
            "941e50db4b51a68270b2af2793ec73de",
            "K_RRCenc NEA2 (computed)");
        NS_TEST_EXPECT_MSG_EQ(
            Hex(NrSecurityKdf::DeriveAlgorithmKey(kGnb, NrSecurityAlgorithmType::N_UP_ENC, 2)),
            "e3f1848b8dd2745013da1a530d91d68e",
            "K_UPenc NEA2 (computed)");
    }
};

/// C2: K_gNB uses the actual uplink NAS COUNT (TS 33.501 A.9), not a hard-coded 0.
class UplinkNasCountTestCase : public TestCase
{
  public:
    UplinkNasCountTestCase()
        : TestCase("C2 hard-coded-nas-count: K_gNB follows the uplink NAS COUNT (A.9)")
    {
    }

  private:
    void DoRun() override
    {
        auto kAmf = Key256(K_AMF);
        NS_TEST_EXPECT_MSG_EQ(Hex(NrSecurityKdf::DeriveKgnb(kAmf, 0)), K_GNB, "COUNT 0");
        NS_TEST_EXPECT_MSG_EQ(Hex(NrSecurityKdf::DeriveKgnb(kAmf, 1)),
                              "fb26999136da464ffa3f3c803ad5f895f1834349c15445e287b66373aff229d7",
                              "COUNT 1 (computed)");
        NS_TEST_EXPECT_MSG_EQ(Hex(NrSecurityKdf::DeriveKgnb(kAmf, 5)),
                              "2bbac0b3077e7971886f7ff501a0cec5b54f59459792dc3c0860c56e7d3d3aef",
                              "COUNT 5 (computed)");
    }
};

/// C3: K_gNB* uses FC 0x70 and a 3-byte ARFCN-DL (TS 33.501 A.11).
class KgnbStarTestCase : public TestCase
{
  public:
    KgnbStarTestCase()
        : TestCase("C3 lte-fc-and-short-arfcn: K_gNB* uses FC 0x70 and 3-byte ARFCN-DL (A.11)")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_EQ(Hex(NrSecurityKdf::DeriveKgnbStar(Key256(K_GNB), 1, 632628)),
                              "22f80de2177c135fc0317832d63f10e073b31375999f22ff8a71fc3af1588482",
                              "K_gNB*, PCI 1, ARFCN-DL 632628 (computed)");
    }
};

/// C4: the NH chain continues from the previous NH (TS 33.501 A.10, 6.9.2).
class NhChainTestCase : public TestCase
{
  public:
    NhChainTestCase()
        : TestCase("C4 nh-chain-restart: NH1 from K_gNB, NH2 from NH1 (A.10)")
    {
    }

  private:
    void DoRun() override
    {
        auto kAmf = Key256(K_AMF);
        auto nh1 = NrSecurityKdf::DeriveNh(kAmf, Key256(K_GNB));
        NS_TEST_EXPECT_MSG_EQ(Hex(nh1),
                              "36b236a55a1f7556e2ff066b8a813a055c04865bc372e69b2d6df63ef25fd8a9",
                              "NH1 (computed)");
        NS_TEST_EXPECT_MSG_EQ(Hex(NrSecurityKdf::DeriveNh(kAmf, nh1)),
                              "8f2c9e86d22a46cb41035a5eb16d44b22bc6277217cfad138a9af9eddcd854d3",
                              "NH2 (computed)");
    }
};

/// C5: 128-EIA3 places DIRECTION differently from 128-EEA3: the DIRECTION 1 sets must pass.
class Eia3DirectionTestCase : public TestCase
{
  public:
    Eia3DirectionTestCase()
        : TestCase("C5 eia3-direction-position: NIA3 sets with DIRECTION 1")
    {
    }

  private:
    void DoRun() override
    {
        int checked = 0;
        for (const auto& v : VectorList(LoadVectors("nia3.json")))
        {
            if (v.get<int>("direction") != 1)
            {
                continue;
            }
            uint32_t mac = NrSecurityAlgorithms::Nia(NrSecurityIntegrity::NIA3,
                                                     Key128(v.get<std::string>("key")),
                                                     v.get<uint32_t>("count_int"),
                                                     v.get<uint8_t>("bearer"),
                                                     1,
                                                     FromHex(v.get<std::string>("message")),
                                                     v.get<uint32_t>("length_bits"));
            NS_TEST_EXPECT_MSG_EQ(ToHex32(mac), v.get<std::string>("mac"), Label(v));
            ++checked;
        }
        NS_TEST_EXPECT_MSG_EQ(checked, 2, "EIA3 sets 3 and 4 (MAC fae8ff0b and 004ac4d6)");
    }
};

/// C6: 128-EEA3 set 1 (193 bits): the last 32-bit word of the output is 00000000.
class Eea3LastWordTestCase : public TestCase
{
  public:
    Eea3LastWordTestCase()
        : TestCase("C6 zuc-tail-bits: NEA3 set 1 last output word is 00000000")
    {
    }

  private:
    void DoRun() override
    {
        auto v = VectorList(LoadVectors("nea3.json")).at(0);
        NS_TEST_ASSERT_MSG_EQ(v.get<uint32_t>("length_bits"), 193u, "EEA3 set 1");
        auto data = FromHex(v.get<std::string>("plaintext"));
        data.resize(28, 0); // 7 whole 32-bit words
        NrSecurityAlgorithms::Nea(NrSecurityCiphering::NEA3,
                                  Key128(v.get<std::string>("key")),
                                  v.get<uint32_t>("count_int"),
                                  v.get<uint8_t>("bearer"),
                                  v.get<uint8_t>("direction"),
                                  data.data(),
                                  data.size(),
                                  193);
        auto lastWord = ToHex(std::vector<uint8_t>(data.begin() + 24, data.end()));
        NS_TEST_EXPECT_MSG_EQ(
            lastWord, "00000000", "bits past LENGTH (faults: 904b5a43, 10000000)");
        data.resize(25);
        NS_TEST_EXPECT_MSG_EQ(ToHex(data), v.get<std::string>("ciphertext"), Label(v));
    }
};

/// C7: SNOW 3G F8 with LENGTH a multiple of 32 ciphers the last word too.
class Eea1WholeWordsTestCase : public TestCase
{
  public:
    Eea1WholeWordsTestCase()
        : TestCase("C7 snow3g-last-word-in-clear: NEA1 with LENGTH 224")
    {
    }

  private:
    void DoRun() override
    {
        auto out = NrSecurityAlgorithms::Nea(
            NrSecurityCiphering::NEA1,
            Key128("d3c5d592327fb11c4035c6680af8c6d1"),
            0x398a59b4,
            21,
            1,
            FromHex("981ba6824c1bfb1ab485472029b71d808ce33e2cc3c0b5fc1f3de8a6"),
            224);
        NS_TEST_EXPECT_MSG_EQ(ToHex(out),
                              "5d5bfe75eb04f68ce0a12377ea00b37d47c6a0ba06309155086a859c",
                              "first 28 bytes of TS 33.401 C.3 set 1 ciphertext");
    }
};

/// C8: NIA0 gives a 4-byte zero MAC.
class Nia0ZeroMacTestCase : public TestCase
{
  public:
    Nia0ZeroMacTestCase()
        : TestCase("C8 nia0-empty-mac: NIA0 returns 00000000")
    {
    }

  private:
    void DoRun() override
    {
        auto key = Key128("2bd6459f82c5b300952c49104881ff48");
        std::vector<uint8_t> msg = FromHex("3332346263393840");
        for (uint32_t bits : {0u, 1u, 58u, 64u})
        {
            NS_TEST_EXPECT_MSG_EQ(ToHex32(NrSecurityAlgorithms::Nia(
                                      NrSecurityIntegrity::NIA0, key, 7, 3, 1, msg, bits)),
                                  "00000000",
                                  "NIA0 MAC over " << bits << " bits (TS 33.501 D.3.1)");
        }
    }
};

/// C9: LENGTH not a multiple of 8: CMAC padding right after the last message bit.
class BitLengthTestCase : public TestCase
{
  public:
    BitLengthTestCase()
        : TestCase("C9 length-rounded-to-bytes: NIA2 58 bits and NIA1 254 bits")
    {
    }

  private:
    void DoRun() override
    {
        auto key = Key128("2bd6459f82c5b300952c49104881ff48");
        auto msg = FromHex("3332346263393840");
        uint32_t mac58
            = NrSecurityAlgorithms::Nia(NrSecurityIntegrity::NIA2, key, 0x38a6f056, 24, 0, msg, 58);
        NS_TEST_EXPECT_MSG_EQ(ToHex32(mac58), "118c6eb8", "TS 33.401 C.2 set 1 (official)");
        uint32_t mac64
            = NrSecurityAlgorithms::Nia(NrSecurityIntegrity::NIA2, key, 0x38a6f056, 24, 0, msg, 64);
        NS_TEST_EXPECT_MSG_EQ(ToHex32(mac64), "c28458e9", "LENGTH rounded up to 64 gives this");
        NS_TEST_EXPECT_MSG_NE(ToHex32(mac58), ToHex32(mac64), "58 bits must not match 64");

        auto nia1 = VectorList(LoadVectors("nia1.json"));
        bool found = false;
        for (const auto& v : nia1)
        {
            if (v.get<uint32_t>("length_bits") == 254)
            {
                found = true;
                uint32_t mac = NrSecurityAlgorithms::Nia(NrSecurityIntegrity::NIA1,
                                                         Key128(v.get<std::string>("key")),
                                                         v.get<uint32_t>("count_int"),
                                                         v.get<uint8_t>("bearer"),
                                                         v.get<uint8_t>("direction"),
                                                         FromHex(v.get<std::string>("message")),
                                                         254);
                NS_TEST_EXPECT_MSG_EQ(ToHex32(mac), "e3259f6f", Label(v));
            }
        }
        NS_TEST_EXPECT_MSG_EQ(found, true, "TS 33.401 C.4 set 2 (254 bits) is in nia1.json");
    }
};

/// C10: LENGTH 0 and 1 give a MAC without reading past the buffer; NEA with LENGTH 0 touches
/// nothing (run under ASan by .ci/run).
class ShortInputsTestCase : public TestCase
{
  public:
    ShortInputsTestCase()
        : TestCase("C10 empty-input-overread: LENGTH 0 and 1")
    {
    }

  private:
    void DoRun() override
    {
        auto key = Key128("2bd6459f82c5b300952c49104881ff48");
        std::vector<uint8_t> empty;
        // NIA2 over the 8-byte prefix alone, computed with the OpenSSL command line:
        // openssl mac -cipher AES-128-CBC -macopt hexkey:2bd6...ff48 CMAC over 38a6f056c0000000
        NS_TEST_EXPECT_MSG_EQ(ToHex32(NrSecurityAlgorithms::Nia(
                                  NrSecurityIntegrity::NIA2, key, 0x38a6f056, 24, 0, empty, 0)),
                              "4a992f42",
                              "NIA2, LENGTH 0 (computed)");
        // NIA3 set 1 of ETSI/SAGE Document 3 has LENGTH 1 (official).
        NS_TEST_EXPECT_MSG_EQ(ToHex32(NrSecurityAlgorithms::Nia(NrSecurityIntegrity::NIA3,
                                                                Key128(std::string(32, '0')),
                                                                0,
                                                                0,
                                                                0,
                                                                std::vector<uint8_t>{0x00},
                                                                1)),
                              "c8a9595e",
                              "NIA3, LENGTH 1 (official)");
        for (auto alg :
             {NrSecurityIntegrity::NIA1, NrSecurityIntegrity::NIA2, NrSecurityIntegrity::NIA3})
        {
            // Exactly one byte allocated for LENGTH 1: ASan catches any over-read.
            std::vector<uint8_t> zero{0x00};
            std::vector<uint8_t> oneWithTail{0x7F}; // first bit 0, the rest ignored
            std::vector<uint8_t> one{0x80};
            uint32_t m0 = NrSecurityAlgorithms::Nia(alg, key, 1, 2, 1, zero, 1);
            uint32_t m0t = NrSecurityAlgorithms::Nia(alg, key, 1, 2, 1, oneWithTail, 1);
            uint32_t m1 = NrSecurityAlgorithms::Nia(alg, key, 1, 2, 1, one, 1);
            NS_TEST_EXPECT_MSG_EQ(
                m0, m0t, NrSecurityAlgorithms::Name(alg) << ": bits past LENGTH ignored");
            NS_TEST_EXPECT_MSG_NE(
                m0, m1, NrSecurityAlgorithms::Name(alg) << ": the one bit counts");
            uint32_t e0 = NrSecurityAlgorithms::Nia(alg, key, 1, 2, 1, empty, 0);
            uint32_t e0b = NrSecurityAlgorithms::Nia(alg, key, 1, 2, 1, one, 0);
            NS_TEST_EXPECT_MSG_EQ(
                e0, e0b, NrSecurityAlgorithms::Name(alg) << ": LENGTH 0 reads nothing");
        }
        for (auto alg :
             {NrSecurityCiphering::NEA1, NrSecurityCiphering::NEA2, NrSecurityCiphering::NEA3})
        {
            std::vector<uint8_t> buf{0xA5};
            NrSecurityAlgorithms::Nea(alg, key, 1, 2, 1, buf.data(), buf.size(), 0);
            NS_TEST_EXPECT_MSG_EQ(unsigned(buf[0]),
                                  0xA5u,
                                  NrSecurityAlgorithms::Name(alg) << ": LENGTH 0 touches nothing");
            NS_TEST_EXPECT_MSG_EQ(NrSecurityAlgorithms::Nea(alg, key, 1, 2, 1, buf, 0).size(),
                                  0u,
                                  NrSecurityAlgorithms::Name(alg) << ": LENGTH 0 returns nothing");
            NrSecurityAlgorithms::Nea(alg, key, 1, 2, 1, nullptr, 0, 0);
        }
    }
};

class NrSecurityCryptoCasesTestSuite : public TestSuite
{
  public:
    NrSecurityCryptoCasesTestSuite()
        : TestSuite("nr-security-crypto-cases")
    {
        AddTestCase(new KeyHalfTestCase);
        AddTestCase(new UplinkNasCountTestCase);
        AddTestCase(new KgnbStarTestCase);
        AddTestCase(new NhChainTestCase);
        AddTestCase(new Eia3DirectionTestCase);
        AddTestCase(new Eea3LastWordTestCase);
        AddTestCase(new Eea1WholeWordsTestCase);
        AddTestCase(new Nia0ZeroMacTestCase);
        AddTestCase(new BitLengthTestCase);
        AddTestCase(new ShortInputsTestCase);
    }
};

NrSecurityCryptoCasesTestSuite g_nrSecurityCryptoCasesTestSuite;

} // namespace
