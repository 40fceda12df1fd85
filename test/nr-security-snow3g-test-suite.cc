// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Raw SNOW 3G keystream against the ETSI/SAGE UEA2 & UIA2 Document 3 (Implementors' Test Data)
 * SNOW 3G test sets, as stored in test/data/snow3g-keystream.json.
 */
#include "nr-security-test-vectors.h"
#include "ns3/snow3g.h"
#include "ns3/test.h"

#include <array>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

namespace ns3
{

namespace
{

/**
 * \ingroup nr-security
 * \brief Checks every keystream word z_t listed for every vector of snow3g-keystream.json.
 *
 * The generator is initialised with k0..k3 and IV0..IV3 exactly as listed (SNOW 3G spec
 * 3.4.4 word order); the z entries are named "z<t>" with t >= 1 (z1 is the first word).
 */
class Snow3gKeystreamTestCase : public TestCase
{
  public:
    Snow3gKeystreamTestCase()
        : TestCase("SNOW 3G raw keystream against the ETSI-SAGE UEA2 and UIA2 test sets")
    {
    }

  private:
    /**
     * \brief Reads a JSON array of 4 hex words.
     * \param v the vector entry.
     * \param key the name of the array.
     * \return the 4 words, in array order.
     */
    static std::array<uint32_t, 4> Words(const boost::property_tree::ptree& v,
                                         const std::string& key)
    {
        std::array<uint32_t, 4> out{};
        size_t i = 0;
        for (const auto& entry : v.get_child(key))
        {
            const auto bytes = nrsecuritytest::FromHex(entry.second.get_value<std::string>());
            if (i < out.size() && bytes.size() == 4)
            {
                out[i] = static_cast<uint32_t>(bytes[0]) << 24
                         | static_cast<uint32_t>(bytes[1]) << 16
                         | static_cast<uint32_t>(bytes[2]) << 8 | static_cast<uint32_t>(bytes[3]);
            }
            ++i;
        }
        if (i != out.size())
        {
            throw std::invalid_argument(key + " must hold exactly 4 words");
        }
        return out;
    }

    void DoRun() override
    {
        const auto vectors
            = nrsecuritytest::VectorList(nrsecuritytest::LoadVectors("snow3g-keystream.json"));
        NS_TEST_ASSERT_MSG_EQ(vectors.empty(), false, "snow3g-keystream.json holds no vectors");

        for (const auto& v : vectors)
        {
            const std::string label = nrsecuritytest::Label(v);

            // Expected words, keyed by t.
            std::map<uint32_t, std::string> expected;
            for (const auto& z : v.get_child("z"))
            {
                const std::string& name = z.first;
                NS_TEST_ASSERT_MSG_EQ((name.size() > 1 && name[0] == 'z'),
                                      true,
                                      label << ": unexpected keystream entry " << name);
                const uint32_t t = static_cast<uint32_t>(std::stoul(name.substr(1)));
                NS_TEST_ASSERT_MSG_GT(t, 0U, label << ": keystream index must start at z1");
                expected[t] = z.second.get_value<std::string>();
            }
            NS_TEST_ASSERT_MSG_EQ(expected.empty(), false, label << ": no z words");

            Snow3g g(Words(v, "k0_k1_k2_k3"), Words(v, "iv0_iv1_iv2_iv3"));
            uint32_t t = 0;
            for (const auto& [index, hex] : expected)
            {
                uint32_t z = 0;
                while (t < index)
                {
                    z = g.NextWord();
                    ++t;
                }
                NS_TEST_EXPECT_MSG_EQ(
                    nrsecuritytest::ToHex32(z), hex, label << ": keystream word z" << index);
            }
        }
    }
};

/**
 * \ingroup nr-security
 * \brief The "nr-security-snow3g" test suite.
 */
class NrSecuritySnow3gTestSuite : public TestSuite
{
  public:
    NrSecuritySnow3gTestSuite()
        : TestSuite("nr-security-snow3g")
    {
        AddTestCase(new Snow3gKeystreamTestCase());
    }
};

/// The static instance that registers the suite.
NrSecuritySnow3gTestSuite g_nrSecuritySnow3gTestSuite;

} // namespace

} // namespace ns3
