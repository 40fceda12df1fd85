// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * 128-NIA1/2/3 through NrSecurityAlgorithms::Nia against every official test set:
 * TS 33.401 Annex C.2 (EIA2) and C.4 (EIA1), ETSI/SAGE EEA3&EIA3 Document 3 (EIA3);
 * = 128-NIA1/2/3 by TS 33.501 Annex D.
 */
#include "nr-security-test-vectors.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/test.h"

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

class NiaVectorsTestCase : public TestCase
{
  public:
    NiaVectorsTestCase(NrSecurityIntegrity alg, std::string file, size_t expectedSets)
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
            auto message = FromHex(v.get<std::string>("message"));
            uint32_t mac = NrSecurityAlgorithms::Nia(m_alg,
                                                     key,
                                                     v.get<uint32_t>("count_int"),
                                                     v.get<uint8_t>("bearer"),
                                                     v.get<uint8_t>("direction"),
                                                     message,
                                                     v.get<uint32_t>("length_bits"));
            NS_TEST_EXPECT_MSG_EQ(ToHex32(mac), v.get<std::string>("mac"), Label(v));
            auto expected = FromHex(v.get<std::string>("mac"));
            NS_TEST_EXPECT_MSG_EQ(NrSecurityAlgorithms::MacEquals(expected.data(), mac),
                                  true,
                                  "MacEquals: " << Label(v));
            expected[3] ^= 0x01;
            NS_TEST_EXPECT_MSG_EQ(NrSecurityAlgorithms::MacEquals(expected.data(), mac),
                                  false,
                                  "MacEquals with a flipped bit: " << Label(v));
        }
    }

    NrSecurityIntegrity m_alg;
    std::string m_file;
    size_t m_expectedSets;
};

class NrSecurityNiaTestSuite : public TestSuite
{
  public:
    NrSecurityNiaTestSuite()
        : TestSuite("nr-security-nia")
    {
        AddTestCase(new NiaVectorsTestCase(NrSecurityIntegrity::NIA1, "nia1.json", 7));
        AddTestCase(new NiaVectorsTestCase(NrSecurityIntegrity::NIA2, "nia2.json", 8));
        AddTestCase(new NiaVectorsTestCase(NrSecurityIntegrity::NIA3, "nia3.json", 5));
    }
};

NrSecurityNiaTestSuite g_nrSecurityNiaTestSuite;

} // namespace
