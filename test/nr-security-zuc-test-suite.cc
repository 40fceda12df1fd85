// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Raw ZUC-128 keystream against the test data of the ETSI/SAGE ZUC specification
 * (EEA3&EIA3 Document 2, TS 35.222), read from test/data/zuc-keystream.json.
 */
#include "nr-security-test-vectors.h"
#include "ns3/test.h"
#include "ns3/zuc.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

using namespace ns3;
using namespace ns3::nrsecuritytest;

namespace
{

/**
 * \ingroup nr-security-tests
 * \brief Checks every keystream word z_n given for every set of zuc-keystream.json
 *        (z1, z2 and any other z_n, e.g. z2000 of test set 4) exactly.
 */
class ZucKeystreamTestCase : public TestCase
{
  public:
    ZucKeystreamTestCase()
        : TestCase("ZUC-128 raw keystream, ETSI SAGE ZUC specification test sets")
    {
    }

  private:
    void DoRun() override
    {
        const auto vectors = VectorList(LoadVectors("zuc-keystream.json"));
        NS_TEST_ASSERT_MSG_EQ(vectors.empty(), false, "zuc-keystream.json has no vectors");

        for (const auto& v : vectors)
        {
            const std::string label = Label(v);
            const std::vector<uint8_t> key = FromHex(v.get<std::string>("key"));
            const std::vector<uint8_t> iv = FromHex(v.get<std::string>("iv"));
            NS_TEST_ASSERT_MSG_EQ(key.size(), 16, label << ": key must be 16 bytes");
            NS_TEST_ASSERT_MSG_EQ(iv.size(), 16, label << ": iv must be 16 bytes");

            // The expected words, keyed by their index n of "zn" (n >= 1), in increasing order.
            std::vector<std::pair<uint32_t, std::string>> expected;
            for (const auto& z : v.get_child("z"))
            {
                const std::string& name = z.first;
                NS_TEST_ASSERT_MSG_EQ((name.size() > 1 && name[0] == 'z'),
                                      true,
                                      label << ": unexpected keystream field " << name);
                const uint32_t n = static_cast<uint32_t>(std::stoul(name.substr(1)));
                NS_TEST_ASSERT_MSG_GT(n, 0, label << ": keystream words are numbered from z1");
                expected.emplace_back(n, z.second.get_value<std::string>());
            }
            NS_TEST_ASSERT_MSG_EQ(expected.empty(), false, label << ": no keystream words");
            std::sort(expected.begin(), expected.end());

            Zuc zuc(key.data(), iv.data());
            uint32_t produced = 0; // number of words taken from the generator so far
            uint32_t word = 0;
            for (const auto& [n, hex] : expected)
            {
                while (produced < n)
                {
                    word = zuc.NextWord();
                    ++produced;
                }
                NS_TEST_EXPECT_MSG_EQ(ToHex32(word), hex, label << ": keystream word z" << n);
            }
        }
    }
};

} // namespace

/**
 * \ingroup nr-security-tests
 * \brief The "nr-security-zuc" suite: ZUC-128 keystream (TS 35.222 test data).
 */
class NrSecurityZucTestSuite : public TestSuite
{
  public:
    NrSecurityZucTestSuite()
        : TestSuite("nr-security-zuc")
    {
        AddTestCase(new ZucKeystreamTestCase);
    }
};

/// The static instance that registers the suite.
static NrSecurityZucTestSuite g_nrSecurityZucTestSuite;
