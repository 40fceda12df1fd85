// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Suite nr-security-explain (placeholder: being written; fails until it is).
 */
#include "ns3/test.h"

namespace ns3
{

/// Placeholder: fails until the suite is written.
class NrSecurityExplainPlaceholderTestCase : public TestCase
{
  public:
    NrSecurityExplainPlaceholderTestCase()
        : TestCase("placeholder")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(true, false, "suite not written yet");
    }
};

/// The suite.
static struct NrSecurityExplainTestSuite : public TestSuite
{
    NrSecurityExplainTestSuite()
        : TestSuite("nr-security-explain")
    {
        AddTestCase(new NrSecurityExplainPlaceholderTestCase);
    }
} g_nrSecurityExplainTestSuite; ///< the suite instance

} // namespace ns3
