// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The KDF of TS 33.220 Annex B.2 and the TS 33.501 Annex A derivations against every known
 * answer of test/data/kdf.json (RFC 4231 HMAC-SHA-256 cases, RFC 5448, TS 33.501 A.2-A.9 and
 * TS 33.401 A.3-A.15 values; each entry carries its sources).
 */
#include "nr-security-test-vectors.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-kdf.h"
#include "ns3/test.h"

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

std::vector<uint8_t>
Bytes(const NrSecurityKey256& k)
{
    return std::vector<uint8_t>(k.begin(), k.end());
}

std::vector<uint8_t>
Bytes(const NrSecurityKey128& k)
{
    return std::vector<uint8_t>(k.begin(), k.end());
}

/**
 * Every kdf.json entry: HMAC entries through HmacSha256, KDF entries through BuildS (the exact
 * S string) and Kdf (the 256-bit output and its 128 least significant bits).
 */
class KdfVectorsTestCase : public TestCase
{
  public:
    KdfVectorsTestCase()
        : TestCase("TS 33.220 B.2 KDF and RFC 4231 HMAC-SHA-256 on every kdf.json vector")
    {
    }

  private:
    void DoRun() override
    {
        auto vectors = VectorList(LoadVectors("kdf.json"));
        NS_TEST_ASSERT_MSG_EQ(vectors.size(), 20, "kdf.json should hold 20 vectors");
        for (const auto& v : vectors)
        {
            auto key = FromHex(v.get<std::string>("key"));
            if (v.count("hmac_sha256"))
            {
                auto mac = NrSecurityKdf::HmacSha256(key, FromHex(v.get<std::string>("data")));
                NS_TEST_EXPECT_MSG_EQ(ToHex(std::vector<uint8_t>(mac.begin(), mac.end())),
                                      v.get<std::string>("hmac_sha256"),
                                      Label(v));
                continue;
            }
            uint8_t fc = static_cast<uint8_t>(std::stoul(v.get<std::string>("fc"), nullptr, 16));
            std::vector<std::vector<uint8_t>> params;
            for (const auto& p : v.get_child("params_hex"))
            {
                params.push_back(FromHex(p.second.get_value<std::string>()));
            }
            NS_TEST_EXPECT_MSG_EQ(ToHex(NrSecurityKdf::BuildS(fc, params)),
                                  v.get<std::string>("S"),
                                  "S of " << Label(v));
            auto out = NrSecurityKdf::Kdf(key, fc, params);
            NS_TEST_EXPECT_MSG_EQ(ToHex(Bytes(out)), v.get<std::string>("output_256"), Label(v));
            NS_TEST_EXPECT_MSG_EQ(ToHex(std::vector<uint8_t>(out.begin() + 16, out.end())),
                                  v.get<std::string>("key_128_lsb"),
                                  "128 LSB of " << Label(v));
        }
    }
};

/**
 * The named derivations give the same answers as the vectors that exercise them:
 * A.7 K_AMF, A.8 algorithm keys, A.9 K_gNB.
 */
class NamedDerivationsTestCase : public TestCase
{
  public:
    NamedDerivationsTestCase()
        : TestCase("TS 33.501 A.7, A.8, A.9 named derivations match kdf.json")
    {
    }

  private:
    void DoRun() override
    {
        for (const auto& v : VectorList(LoadVectors("kdf.json")))
        {
            std::string fc = v.get<std::string>("fc", "");
            std::vector<std::string> p;
            if (v.count("params_hex"))
            {
                for (const auto& e : v.get_child("params_hex"))
                {
                    p.push_back(e.second.get_value<std::string>());
                }
            }
            if (fc.empty())
            {
                continue;
            }
            auto key = NrSecurityAlgorithms::Key256FromBytes(FromHex(v.get<std::string>("key")));
            if (fc == "0x6d")
            {
                auto supi = FromHex(p[0]);
                auto kAmf = NrSecurityKdf::DeriveKamf(
                    key, std::string(supi.begin(), supi.end()), FromHex(p[1]));
                NS_TEST_EXPECT_MSG_EQ(ToHex(Bytes(kAmf)),
                                      v.get<std::string>("output_256"),
                                      "DeriveKamf: " << Label(v));
            }
            else if (fc == "0x6e")
            {
                auto count = static_cast<uint32_t>(std::stoul(p[0], nullptr, 16));
                auto access = static_cast<NrSecurityAccessType>(FromHex(p[1])[0]);
                NS_TEST_EXPECT_MSG_EQ(ToHex(Bytes(NrSecurityKdf::DeriveKgnb(key, count, access))),
                                      v.get<std::string>("output_256"),
                                      "DeriveKgnb: " << Label(v));
            }
            else if (fc == "0x69")
            {
                auto type = static_cast<NrSecurityAlgorithmType>(FromHex(p[0])[0]);
                uint8_t id = FromHex(p[1])[0];
                NS_TEST_EXPECT_MSG_EQ(
                    ToHex(Bytes(NrSecurityKdf::DeriveAlgorithmKey(key, type, id))),
                    v.get<std::string>("key_128_lsb"),
                    "DeriveAlgorithmKey: " << Label(v));
            }
        }
    }
};

/**
 * The 5G reference context used across the project (K_AMF of the TS 33.501 A.9 known
 * answer): K_gNB with access type 0x02 (non-3GPP, computed value recorded in kdf.json).
 */
class KgnbAccessTypeTestCase : public TestCase
{
  public:
    KgnbAccessTypeTestCase()
        : TestCase("TS 33.501 A.9 access type distinguisher changes K_gNB")
    {
    }

  private:
    void DoRun() override
    {
        auto kAmf = NrSecurityAlgorithms::Key256FromBytes(
            FromHex("d655f16142035d4d72ca39583d228d2dd2ec0ca7929ad007f53b382d05544405"));
        NS_TEST_EXPECT_MSG_EQ(
            ToHex(Bytes(NrSecurityKdf::DeriveKgnb(kAmf, 0, NrSecurityAccessType::THREE_GPP))),
            "493a16c58b77b627fa3f1ac6344c183039f01ba0cb7636bbccc4365b023bd562",
            "TS 33.501 A.9, 3GPP access");
        NS_TEST_EXPECT_MSG_EQ(
            ToHex(Bytes(NrSecurityKdf::DeriveKgnb(kAmf, 0, NrSecurityAccessType::NON_THREE_GPP))),
            "41beb577e0a9b68b145ecbc7b1d0d104b02f76999dd7759a4e84b043c61cf574",
            "TS 33.501 A.9, non-3GPP access (kdf.json note)");
    }
};

class NrSecurityKdfTestSuite : public TestSuite
{
  public:
    NrSecurityKdfTestSuite()
        : TestSuite("nr-security-kdf")
    {
        AddTestCase(new KdfVectorsTestCase);
        AddTestCase(new NamedDerivationsTestCase);
        AddTestCase(new KgnbAccessTypeTestCase);
    }
};

NrSecurityKdfTestSuite g_nrSecurityKdfTestSuite;

} // namespace
