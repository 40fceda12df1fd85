// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Suite nr-security-explain: the explain mode's named intermediates (NrSecurityExplain).
 * KDF: the published S and HMAC-SHA-256 output of test/data/kdf.json (TS 33.501 A.9 K_gNB,
 * A.8 K_RRCenc); K_gNB* (A.11) against OpenSSL HMAC-SHA-256 called here. NIA2: TS 33.401 C.2
 * MAC-Is, the subkeys L, K1, K2 published in RFC 4493 2.4 for its example key, and T against
 * OpenSSL's own CMAC called here. NEA1-3: the published ciphertexts, T1 and its keystream against
 * OpenSSL AES-128 called here, the SNOW 3G and ZUC IVs written out from the spec formulas. Every
 * vector of nea1-3/nia1-3.json through the explanation (whose intermediates are checked against the
 * library's result).
 */
#include "nr-security-test-vectors.h"
#include "ns3/nr-security-explain.h"
#include "ns3/nr-security-hex.h"
#include "ns3/test.h"

#include <memory>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <stdexcept>

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

/// The hex of an item, or "(missing NAME)" so that the assertion shows what is absent.
std::string
Item(const NrSecurityExplanation& e, const std::string& name)
{
    const NrSecurityExplainItem* item = e.Find(name);
    return item ? item->hex : "(missing " + name + ")";
}

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

/// The kdf.json vector of that name.
boost::property_tree::ptree
KdfVector(const std::string& name)
{
    for (const auto& v : VectorList(LoadVectors("kdf.json")))
    {
        if (v.get<std::string>("name", "") == name)
        {
            return v;
        }
    }
    throw std::runtime_error("kdf.json has no vector '" + name + "'");
}

/// AES-128 of one block, OpenSSL EVP AES-128-ECB called directly (independent of the module).
std::vector<uint8_t>
Aes(const std::vector<uint8_t>& key, const std::vector<uint8_t>& block)
{
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                        &EVP_CIPHER_CTX_free);
    std::vector<uint8_t> out(16);
    int n = 0;
    EVP_EncryptInit_ex(ctx.get(), EVP_aes_128_ecb(), nullptr, key.data(), nullptr);
    EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
    EVP_EncryptUpdate(ctx.get(), out.data(), &n, block.data(), 16);
    return out;
}

/// AES-128-CMAC of whole bytes, OpenSSL EVP_MAC "CMAC" called directly.
std::vector<uint8_t>
OpenSslCmac(const std::vector<uint8_t>& key, const std::vector<uint8_t>& m)
{
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "CMAC", nullptr);
    EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
    char cipher[] = "AES-128-CBC";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipher, 0),
                           OSSL_PARAM_construct_end()};
    std::vector<uint8_t> t(16);
    size_t n = 0;
    EVP_MAC_init(ctx, key.data(), key.size(), params);
    EVP_MAC_update(ctx, m.data(), m.size());
    EVP_MAC_final(ctx, t.data(), &n, t.size());
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
    return t;
}

/// HMAC-SHA-256 of whole bytes, OpenSSL EVP_MAC "HMAC" called directly (the KDF of TS 33.220
/// B.2, independent of the module).
std::vector<uint8_t>
OpenSslHmacSha256(const std::vector<uint8_t>& key, const std::vector<uint8_t>& data)
{
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
    char digest[] = "SHA256";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                           OSSL_PARAM_construct_end()};
    std::vector<uint8_t> out(32);
    size_t n = 0;
    EVP_MAC_init(ctx, key.data(), key.size(), params);
    EVP_MAC_update(ctx, data.data(), data.size());
    EVP_MAC_final(ctx, out.data(), &n, out.size());
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
    return out;
}

/// K_gNB (TS 33.501 A.9) on kdf.json "KgNB from KAMF": every item and the exact text form.
class ExplainKgnbTestCase : public TestCase
{
  public:
    ExplainKgnbTestCase()
        : TestCase("K_gNB: FC, P0, L0, P1, L1, S and the HMAC output as published")
    {
    }

  private:
    void DoRun() override
    {
        auto v = KdfVector("KgNB from KAMF");
        auto e = NrSecurityExplain::Kgnb(Key256(v.get<std::string>("key")), 0);
        NS_TEST_ASSERT_MSG_EQ(Item(e, "KEY"), v.get<std::string>("key"), "KEY = K_AMF");
        NS_TEST_EXPECT_MSG_EQ(Item(e, "FC"), "6e", "FC");
        NS_TEST_EXPECT_MSG_EQ(Item(e, "P0"), "00000000", "P0 = uplink NAS COUNT");
        NS_TEST_EXPECT_MSG_EQ(Item(e, "L0"), "0004", "L0");
        NS_TEST_EXPECT_MSG_EQ(Item(e, "P1"), "01", "P1 = access type distinguisher");
        NS_TEST_EXPECT_MSG_EQ(Item(e, "L1"), "0001", "L1");
        NS_TEST_EXPECT_MSG_EQ(Item(e, "S"), v.get<std::string>("S"), "S as published");
        NS_TEST_EXPECT_MSG_EQ(Item(e, "HMAC-SHA-256(KEY, S)"),
                              v.get<std::string>("output_256"),
                              "output as published");
        NS_TEST_EXPECT_MSG_EQ(
            Item(e, "K_gNB"), v.get<std::string>("expected_as_published"), "K_gNB: all 32 bytes");
        NS_TEST_EXPECT_MSG_EQ(e.items.back().name, "K_gNB", "the result comes last");
        const std::string expected
            = "# K_gNB (TS 33.501 A.9): KDF (TS 33.220 B.2) with FC 0x6E\n"
              "KEY = d655f16142035d4d72ca39583d228d2dd2ec0ca7929ad007f53b382d05544405  # K_AMF, "
              "32 bytes\n"
              "FC = 6e  # function code of K_gNB (TS 33.501 A.9)\n"
              "P0 = 00000000  # uplink NAS COUNT: 0\n"
              "L0 = 0004  # length of P0: 4 bytes\n"
              "P1 = 01  # access type distinguisher: 3GPP access (Table A.9-1)\n"
              "L1 = 0001  # length of P1: 1 byte\n"
              "S = 6e000000000004010001  # FC || P0 || L0 || P1 || L1 (TS 33.220 B.2.2)\n"
              "HMAC-SHA-256(KEY, S) = "
              "493a16c58b77b627fa3f1ac6344c183039f01ba0cb7636bbccc4365b023bd562  # the KDF "
              "output, 256 bits (TS 33.220 B.2.0)\n"
              "K_gNB = 493a16c58b77b627fa3f1ac6344c183039f01ba0cb7636bbccc4365b023bd562  # bytes "
              "0..31 of HMAC-SHA-256(KEY, S): all 256 bits\n";
        NS_TEST_EXPECT_MSG_EQ(e.Format(), expected, "the stable text form");
    }
};

/// An algorithm key (TS 33.501 A.8) on kdf.json "KRRCenc (NEA2)": bytes 16..31 kept.
class ExplainAlgorithmKeyTestCase : public TestCase
{
  public:
    ExplainAlgorithmKeyTestCase()
        : TestCase("K_RRCenc: S and output as published, bytes 16..31 kept")
    {
    }

  private:
    void DoRun() override
    {
        auto v = KdfVector("KRRCenc (NEA2)");
        auto e = NrSecurityExplain::AlgorithmKey(
            Key256(v.get<std::string>("key")), NrSecurityAlgorithmType::N_RRC_ENC, 2);
        NS_TEST_EXPECT_MSG_EQ(Item(e, "FC"), "69", "FC");
        NS_TEST_EXPECT_MSG_EQ(Item(e, "P0"), "03", "P0 = N-RRC-enc-alg");
        NS_TEST_EXPECT_MSG_EQ(Item(e, "P1"), "02", "P1 = NEA2");
        NS_TEST_EXPECT_MSG_EQ(Item(e, "S"), v.get<std::string>("S"), "S as published");
        NS_TEST_EXPECT_MSG_EQ(Item(e, "HMAC-SHA-256(KEY, S)"),
                              v.get<std::string>("output_256"),
                              "output as published");
        NS_TEST_EXPECT_MSG_EQ(Item(e, "K_RRCenc"),
                              v.get<std::string>("key_128_lsb"),
                              "the 128 least significant bits");
        NS_TEST_EXPECT_MSG_EQ(
            e.items.back().note.rfind("bytes 16..31 ", 0), 0, "the note says which bytes are kept");
        // The other derivations name their results and keep all 32 bytes.
        auto nh = NrSecurityExplain::Nh(Key256(v.get<std::string>("key")),
                                        Key256(v.get<std::string>("output_256")));
        NS_TEST_EXPECT_MSG_EQ(nh.items.back().name, "NH", "NH result");
        NS_TEST_EXPECT_MSG_EQ(Item(nh, "FC"), "6f", "NH FC");
        NS_TEST_EXPECT_MSG_EQ(Item(nh, "L0"), "0020", "NH L0: 32 bytes");
        auto star = NrSecurityExplain::KgnbStar(Key256(v.get<std::string>("key")), 1007, 632628);
        NS_TEST_EXPECT_MSG_EQ(Item(star, "P0"), "03ef", "PCI 1007, 2 bytes");
        NS_TEST_EXPECT_MSG_EQ(Item(star, "P1"), "09a734", "ARFCN-DL 632628, 3 bytes");
        NS_TEST_EXPECT_MSG_EQ(Item(star, "L1"), "0003", "L1");
        // TS 33.501 A.11: S = FC 0x70 || PCI (2 bytes) || 0x0002 || ARFCN-DL (3 bytes) || 0x0003,
        // written out here; K_gNB* = HMAC-SHA-256(KEY, S), OpenSSL called directly.
        const std::string starS = "7003ef000209a7340003"; // 70 | 03ef | 0002 | 09a734 | 0003
        NS_TEST_EXPECT_MSG_EQ(Item(star, "S"), starS, "S of A.11");
        NS_TEST_EXPECT_MSG_EQ(
            Item(star, "K_gNB*"),
            ToHex(OpenSslHmacSha256(FromHex(v.get<std::string>("key")), FromHex(starS))),
            "K_gNB* = OpenSSL HMAC-SHA-256(KEY, S)");
        // The same value from Python's hmac/hashlib (hmac.new(key, S, hashlib.sha256)).
        NS_TEST_EXPECT_MSG_EQ(Item(star, "K_gNB*"),
                              "667bb8726de6369a546d8c74fc0325e02b9f8bdf90e55f11439e4364c69bfeef",
                              "K_gNB* as hashlib computes it");
    }
};

/// 128-NIA2: M, L, K1, K2, T and MAC-I.
class ExplainNia2TestCase : public TestCase
{
  public:
    ExplainNia2TestCase()
        : TestCase("NIA2: M as TS 33.401 B.2.3 builds it, subkeys as RFC 4493 publishes, T as "
                   "OpenSSL's CMAC, MAC-I as TS 33.401 C.2")
    {
    }

  private:
    void DoRun() override
    {
        // TS 33.401 C.2 Test Set 2: 64-bit message, M = 128 bits: one complete block (K1).
        const std::string key2 = "d3c5d592327fb11c4035c6680af8c6d1";
        auto e = NrSecurityExplain::Nia(NrSecurityIntegrity::NIA2,
                                        Key128(key2),
                                        0x398a59b4,
                                        26,
                                        1,
                                        FromHex("484583d5afe082ae"),
                                        64);
        // COUNT || BEARER (11010) DIRECTION (1) 00 = 0xd4 || 0^24 || MESSAGE.
        const std::string m = "398a59b4d4000000484583d5afe082ae";
        NS_TEST_EXPECT_MSG_EQ(Item(e, "M"), m, "M = COUNT || BEARER || DIRECTION || 0^26 || MSG");
        NS_TEST_EXPECT_MSG_EQ(
            Item(e, "T"), ToHex(OpenSslCmac(FromHex(key2), FromHex(m))), "T = OpenSSL CMAC of M");
        NS_TEST_EXPECT_MSG_EQ(Item(e, "MAC-I"), "b93787e6", "MAC-I of TS 33.401 C.2 Test Set 2");
        NS_TEST_EXPECT_MSG_EQ(e.items.back().name, "MAC-I", "MAC-I last");

        // The published subkeys of RFC 4493 2.4 for its key 2b7e1516...: any COUNT and message.
        auto r = NrSecurityExplain::Nia(
            NrSecurityIntegrity::NIA2, Key128("2b7e151628aed2a6abf7158809cf4f3c"), 0, 0, 0, {}, 0);
        NS_TEST_EXPECT_MSG_EQ(Item(r, "L"), "7df76b0c1ab899b33e42f047b91b546f", "RFC 4493 L");
        NS_TEST_EXPECT_MSG_EQ(Item(r, "K1"), "fbeed618357133667c85e08f7236a8de", "RFC 4493 K1");
        NS_TEST_EXPECT_MSG_EQ(Item(r, "K2"), "f7ddac306ae266ccf90bc11ee46d513b", "RFC 4493 K2");
        NS_TEST_EXPECT_MSG_EQ(Item(r, "M"), "0000000000000000", "M with an empty MESSAGE");
        NS_TEST_EXPECT_MSG_EQ(Item(r, "T"),
                              ToHex(OpenSslCmac(FromHex("2b7e151628aed2a6abf7158809cf4f3c"),
                                                std::vector<uint8_t>(8))),
                              "T of a 64-bit M (padded, K2) = OpenSSL CMAC");

        // Test Set 5: 768-bit message, M = 832 bits: the last block padded (K2).
        const std::string key5 = "83fd23a244a74cf358da3019f1722635";
        const std::string msg5
            = "35c68716633c66fb750c266865d53c11ea05b1e9fa49c8398d48e1efa5909d3947902837f5ae96d5a0"
              "5bc8d61ca8dbef1b13a4b4abfe4fb1006045b674bb54729304c382be53a5af05556176f6eaa2ef1d05"
              "e4b083181ee674cda5a485f74d7a";
        auto e5 = NrSecurityExplain::Nia(
            NrSecurityIntegrity::NIA2, Key128(key5), 0x36af6144, 15, 1, FromHex(msg5), 768);
        const std::string m5 = "36af61447c000000" + msg5; // BEARER 01111, DIRECTION 1: 0x7c
        NS_TEST_EXPECT_MSG_EQ(Item(e5, "M"), m5, "M of Test Set 5");
        NS_TEST_EXPECT_MSG_EQ(
            Item(e5, "T"), ToHex(OpenSslCmac(FromHex(key5), FromHex(m5))), "T = OpenSSL CMAC of M");
        NS_TEST_EXPECT_MSG_EQ(Item(e5, "MAC-I"), "e657e182", "MAC-I of Test Set 5");

        // Test Set 1: 58 bits, M = 122 bits; bits past LENGTH cleared (0x40 & 0xc0).
        auto e1 = NrSecurityExplain::Nia(NrSecurityIntegrity::NIA2,
                                         Key128("2bd6459f82c5b300952c49104881ff48"),
                                         0x38a6f056,
                                         24,
                                         0,
                                         FromHex("3332346263393840"),
                                         58);
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "M"), "38a6f056c00000003332346263393840", "M (122 bits)");
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "MAC-I"), "118c6eb8", "MAC-I of Test Set 1");
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "LENGTH"), "0000003a", "LENGTH 58");
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "BEARER"), "18", "BEARER 24");
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "DIRECTION"), "00", "DIRECTION 0");
    }
};

/// NEA1-3 initialisation and keystream.
class ExplainNeaTestCase : public TestCase
{
  public:
    ExplainNeaTestCase()
        : TestCase("NEA1-3: SNOW 3G IV words, T1 and its AES keystream, ZUC IV, published OBS")
    {
    }

  private:
    void DoRun() override
    {
        // TS 33.401 C.1 / C.3 Test Set 1 (the same inputs for 128-EEA1 and 128-EEA2).
        const std::string key = "d3c5d592327fb11c4035c6680af8c6d1";
        const auto ibs
            = FromHex("981ba6824c1bfb1ab485472029b71d808ce33e2cc3c0b5fc1f3de8a6dc66b1f0");
        auto e2 = NrSecurityExplain::Nea(
            NrSecurityCiphering::NEA2, Key128(key), 0x398a59b4, 21, 1, ibs, 253);
        // COUNT || BEARER (10101) DIRECTION (1) 00 = 0xac || 0^24 || 0^64.
        const std::string t1 = "398a59b4ac0000000000000000000000";
        const std::string t2 = "398a59b4ac0000000000000000000001";
        NS_TEST_EXPECT_MSG_EQ(Item(e2, "T1"), t1, "T1 = COUNT || BEARER || DIRECTION || 0");
        NS_TEST_EXPECT_MSG_EQ(Item(e2, "KEYSTREAM"),
                              ToHex(Aes(FromHex(key), FromHex(t1)))
                                  + ToHex(Aes(FromHex(key), FromHex(t2))),
                              "KEYSTREAM = AES(T1) || AES(T2), OpenSSL");
        NS_TEST_EXPECT_MSG_EQ(Item(e2, "OBS"),
                              "e9fed8a63d155304d71df20bf3e82214b20ed7dad2f233dc3c22d7bdeeed8e78",
                              "OBS of TS 33.401 C.1 Test Set 1");
        NS_TEST_EXPECT_MSG_EQ(Item(e2, "IBS"),
                              "981ba6824c1bfb1ab485472029b71d808ce33e2cc3c0b5fc1f3de8a6dc66b1f0",
                              "IBS (253 bits: the last byte's 3 low bits are 0 already)");

        auto e1 = NrSecurityExplain::Nea(
            NrSecurityCiphering::NEA1, Key128(key), 0x398a59b4, 21, 1, ibs, 253);
        // UEA2 f8: IV3 = IV1 = COUNT, IV2 = IV0 = BEARER || DIRECTION || 0^26 = 0xac000000;
        // k3 = the first key word ... k0 = the last.
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "IV0"), "ac000000", "IV0");
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "IV1"), "398a59b4", "IV1");
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "IV2"), "ac000000", "IV2");
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "IV3"), "398a59b4", "IV3");
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "k3"), "d3c5d592", "k3");
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "k0"), "0af8c6d1", "k0");
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "OBS"),
                              "5d5bfe75eb04f68ce0a12377ea00b37d47c6a0ba06309155086a859c4341b378",
                              "OBS of TS 33.401 C.3 Test Set 1");

        // EEA3 Test Set 1: IV = COUNT || BEARER (01111) DIRECTION (0) 00 = 0x78 || 0^24, twice.
        auto e3
            = NrSecurityExplain::Nea(NrSecurityCiphering::NEA3,
                                     Key128("173d14ba5003731d7a60049470f00a29"),
                                     0x66035492,
                                     15,
                                     0,
                                     FromHex("6cf65340735552ab0c9752fa6f9025fe0bd675d9005875b200"),
                                     193);
        NS_TEST_EXPECT_MSG_EQ(Item(e3, "IV"), "66035492780000006603549278000000", "ZUC IV");
        NS_TEST_EXPECT_MSG_EQ(Item(e3, "OBS"),
                              "a6c85fc66afb8533aafc2518dfe784940ee1e4b030238cc800",
                              "OBS of EEA3 Test Set 1");

        auto e0 = NrSecurityExplain::Nea(
            NrSecurityCiphering::NEA0, Key128(key), 0, 0, 0, FromHex("abcd"), 12);
        NS_TEST_EXPECT_MSG_EQ(Item(e0, "OBS"), "abc0", "NEA0: OBS = IBS, 12 bits");
        NS_TEST_EXPECT_MSG_EQ((e0.Find("KEYSTREAM") == nullptr), true, "NEA0 has no keystream");
    }
};

/// NIA1 and NIA3 initialisation; NIA0.
class ExplainNia13TestCase : public TestCase
{
  public:
    ExplainNia13TestCase()
        : TestCase("NIA1 f9 IV words, NIA3 IV, published MAC-Is; NIA0 text form")
    {
    }

  private:
    void DoRun() override
    {
        // TS 33.401 C.4 Test Set 1: BEARER 31, DIRECTION 0: FRESH = 11111 || 0^27 = 0xf8000000.
        auto e1 = NrSecurityExplain::Nia(NrSecurityIntegrity::NIA1,
                                         Key128("2bd6459f82c5b300952c49104881ff48"),
                                         0x38a6f056,
                                         31,
                                         0,
                                         FromHex("3332346263393861373479"),
                                         88);
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "IV0"), "f8000000", "IV0 = FRESH (DIRECTION 0)");
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "IV1"), "38a6f056", "IV1 = COUNT (DIRECTION 0)");
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "IV2"), "f8000000", "IV2 = FRESH");
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "IV3"), "38a6f056", "IV3 = COUNT");
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "P"), Item(e1, "z1") + Item(e1, "z2"), "P = z1 || z2");
        NS_TEST_EXPECT_MSG_EQ(Item(e1, "MAC-I"), "731f1165", "MAC-I of TS 33.401 C.4 Set 1");
        // DIRECTION 1 flips bit 15 of IV0 and bit 31 of IV1.
        auto d1 = NrSecurityExplain::Nia(NrSecurityIntegrity::NIA1,
                                         Key128("2bd6459f82c5b300952c49104881ff48"),
                                         0x38a6f056,
                                         31,
                                         1,
                                         {},
                                         0);
        NS_TEST_EXPECT_MSG_EQ(Item(d1, "IV0"), "f8008000", "IV0 = FRESH XOR 1 << 15");
        NS_TEST_EXPECT_MSG_EQ(Item(d1, "IV1"), "b8a6f056", "IV1 = COUNT XOR 1 << 31");

        auto e3 = NrSecurityExplain::Nia(NrSecurityIntegrity::NIA3,
                                         Key128("00000000000000000000000000000000"),
                                         0,
                                         0,
                                         0,
                                         FromHex("00"),
                                         1);
        NS_TEST_EXPECT_MSG_EQ(Item(e3, "IV"), "00000000000000000000000000000000", "IV");
        NS_TEST_EXPECT_MSG_EQ(Item(e3, "MAC-I"), "c8a9595e", "MAC-I of EIA3 Test Set 1");
        // EIA3 4.3: DIRECTION goes to the top bit of iv_8 and iv_14 (not iv_4 as in EEA3).
        auto d3 = NrSecurityExplain::Nia(NrSecurityIntegrity::NIA3,
                                         Key128("00000000000000000000000000000000"),
                                         0x01020304,
                                         5,
                                         1,
                                         {},
                                         0);
        NS_TEST_EXPECT_MSG_EQ(Item(d3, "IV"), "01020304280000008102030428008000", "EIA3 IV");

        auto e0 = NrSecurityExplain::Nia(
            NrSecurityIntegrity::NIA0, Key128("00000000000000000000000000000000"), 1, 2, 1, {}, 0);
        const std::string expected
            = "# NIA0 (TS 33.501 D.1): null integrity, MAC-I = 32 zero bits\n"
              "KEY = 00000000000000000000000000000000  # 128 bits\n"
              "COUNT = 00000001  # 32 bits: 1\n"
              "BEARER = 02  # 5 bits: 2 (for PDCP, RB identity - 1)\n"
              "DIRECTION = 01  # 1 bit: 1 = downlink\n"
              "LENGTH = 00000000  # 0 bits\n"
              "MESSAGE =   # LENGTH bits (bits past LENGTH shown as 0)\n"
              "MAC-I = 00000000  # NIA0: always zero\n";
        NS_TEST_EXPECT_MSG_EQ(e0.Format(), expected, "NIA0 text form");
    }
};

/// Every NEA/NIA vector file through the explanation; bad input gives the library's errors.
class ExplainVectorsTestCase : public TestCase
{
  public:
    ExplainVectorsTestCase()
        : TestCase("every vector of nea1-3 and nia1-3.json: result as published, intermediates "
                   "consistent; bad input as the library reports it")
    {
    }

  private:
    void DoRun() override
    {
        size_t n = 0;
        for (uint32_t id = 1; id <= 3; ++id)
        {
            for (const auto& v : VectorList(LoadVectors("nea" + std::to_string(id) + ".json")))
            {
                auto e = NrSecurityExplain::Nea(NrSecurityAlgorithms::CipheringFromId(id),
                                                Key128(v.get<std::string>("key")),
                                                v.get<uint32_t>("count_int"),
                                                static_cast<uint8_t>(v.get<unsigned>("bearer")),
                                                static_cast<uint8_t>(v.get<unsigned>("direction")),
                                                FromHex(v.get<std::string>("plaintext")),
                                                v.get<uint32_t>("length_bits"));
                NS_TEST_EXPECT_MSG_EQ(Item(e, "OBS"), v.get<std::string>("ciphertext"), Label(v));
                ++n;
            }
            for (const auto& v : VectorList(LoadVectors("nia" + std::to_string(id) + ".json")))
            {
                auto e = NrSecurityExplain::Nia(NrSecurityAlgorithms::IntegrityFromId(id),
                                                Key128(v.get<std::string>("key")),
                                                v.get<uint32_t>("count_int"),
                                                static_cast<uint8_t>(v.get<unsigned>("bearer")),
                                                static_cast<uint8_t>(v.get<unsigned>("direction")),
                                                FromHex(v.get<std::string>("message")),
                                                v.get<uint32_t>("length_bits"));
                NS_TEST_EXPECT_MSG_EQ(Item(e, "MAC-I"), v.get<std::string>("mac"), Label(v));
                ++n;
            }
        }
        NS_TEST_EXPECT_MSG_GT(n, 30, "the vector files were read");

        const auto key = Key128("00000000000000000000000000000000");
        auto lib = InvalidArgumentMessage(
            [&] { NrSecurityAlgorithms::Nia(NrSecurityIntegrity::NIA2, key, 0, 32, 0, {}, 0); });
        auto explain = InvalidArgumentMessage(
            [&] { NrSecurityExplain::Nia(NrSecurityIntegrity::NIA2, key, 0, 32, 0, {}, 0); });
        NS_TEST_EXPECT_MSG_EQ(explain, lib, "bearer 32: the library's message");
        NS_TEST_EXPECT_MSG_EQ(explain.empty(), false, "bearer 32 refused");
        explain = InvalidArgumentMessage(
            [&] { NrSecurityExplain::Nea(NrSecurityCiphering::NEA2, key, 0, 0, 0, {0x00}, 9); });
        NS_TEST_EXPECT_MSG_EQ(explain.rfind("lengthBits 9", 0), 0, "LENGTH past the data");
        explain = InvalidArgumentMessage(
            [&] { NrSecurityExplain::KgnbStar(NrSecurityKey256{}, 1008, 0); });
        NS_TEST_EXPECT_MSG_EQ((explain.find("pci 1008") != std::string::npos), true, "PCI 1008");
        explain = InvalidArgumentMessage(
            [&] {
                NrSecurityExplain::AlgorithmKey(
                    NrSecurityKey256{}, NrSecurityAlgorithmType::N_RRC_INT, 16);
            });
        NS_TEST_EXPECT_MSG_EQ(
            (explain.find("algorithmId 16") != std::string::npos), true, "algorithm identity 16");
    }
};

} // namespace

/// The suite.
static struct NrSecurityExplainTestSuite : public TestSuite
{
    NrSecurityExplainTestSuite()
        : TestSuite("nr-security-explain")
    {
        AddTestCase(new ExplainKgnbTestCase);
        AddTestCase(new ExplainAlgorithmKeyTestCase);
        AddTestCase(new ExplainNia2TestCase);
        AddTestCase(new ExplainNeaTestCase);
        AddTestCase(new ExplainNia13TestCase);
        AddTestCase(new ExplainVectorsTestCase);
    }
} g_nrSecurityExplainTestSuite; ///< the suite instance
