// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * 128-NEA1/2/3 through NrSecurityAlgorithms::Nea against every official test set:
 * TS 33.401 Annex C.1 (EEA2) and C.3 (EEA1), ETSI/SAGE EEA3&EIA3 Document 3 (EEA3);
 * = 128-NEA1/2/3 by TS 33.501 Annex D.
 */
#include "nr-security-test-vectors.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/test.h"

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

class NeaVectorsTestCase : public TestCase
{
  public:
    NeaVectorsTestCase(NrSecurityCiphering alg, std::string file, size_t expectedSets)
        : TestCase(NrSecurityAlgorithms::Name(alg) + " on every set of " + file)
        , m_alg(alg)
        , m_file(file)
        , m_expectedSets(expectedSets)
    {
    }

  private:
    void DoRun() override
    {
        auto vectors = VectorList(LoadVectors(m_file));
        NS_TEST_ASSERT_MSG_EQ(vectors.size(), m_expectedSets, "number of sets in " << m_file);
        for (const auto& v : vectors)
        {
            auto key = NrSecurityAlgorithms::Key128FromBytes(FromHex(v.get<std::string>("key")));
            auto count = v.get<uint32_t>("count_int");
            auto bearer = v.get<uint8_t>("bearer");
            auto direction = v.get<uint8_t>("direction");
            auto bits = v.get<uint32_t>("length_bits");
            auto plain = FromHex(v.get<std::string>("plaintext"));
            auto cipher = FromHex(v.get<std::string>("ciphertext"));

            auto out = NrSecurityAlgorithms::Nea(m_alg, key, count, bearer, direction, plain, bits);
            NS_TEST_EXPECT_MSG_EQ(ToHex(out), ToHex(cipher), "encrypt: " << Label(v));

            // Deciphering is the same operation and gives the plaintext back (masked).
            auto back = NrSecurityAlgorithms::Nea(m_alg, key, count, bearer, direction, out, bits);
            auto expectedPlain
                = NrSecurityAlgorithms::Nea(NrSecurityCiphering::NEA0, key, 0, 0, 0, plain, bits);
            NS_TEST_EXPECT_MSG_EQ(ToHex(back), ToHex(expectedPlain), "decrypt: " << Label(v));

            // In place on a larger buffer: bytes after ceil(LENGTH/8) stay untouched.
            std::vector<uint8_t> buf = plain;
            buf.resize((bits + 7) / 8);
            buf.push_back(0xA5);
            NrSecurityAlgorithms::Nea(
                m_alg, key, count, bearer, direction, buf.data(), buf.size(), bits);
            NS_TEST_EXPECT_MSG_EQ(unsigned(buf.back()), 0xA5u, "byte after LENGTH: " << Label(v));
            buf.pop_back();
            NS_TEST_EXPECT_MSG_EQ(ToHex(buf), ToHex(cipher), "in place: " << Label(v));
        }
    }

    NrSecurityCiphering m_alg;
    std::string m_file;
    size_t m_expectedSets;
};

class NrSecurityNeaTestSuite : public TestSuite
{
  public:
    NrSecurityNeaTestSuite()
        : TestSuite("nr-security-nea")
    {
        AddTestCase(new NeaVectorsTestCase(NrSecurityCiphering::NEA1, "nea1.json", 6));
        AddTestCase(new NeaVectorsTestCase(NrSecurityCiphering::NEA2, "nea2.json", 6));
        AddTestCase(new NeaVectorsTestCase(NrSecurityCiphering::NEA3, "nea3.json", 5));
    }
};

NrSecurityNeaTestSuite g_nrSecurityNeaTestSuite;

} // namespace
