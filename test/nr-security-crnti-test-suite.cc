// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Suite nr-security-crnti (placeholder: being written; fails until it is).
 */
#include "ns3/test.h"

namespace ns3
{

/// Placeholder: fails until the suite is written.
class NrSecurityCrntiPlaceholderTestCase : public TestCase
{
  public:
    NrSecurityCrntiPlaceholderTestCase()
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
static struct NrSecurityCrntiTestSuite : public TestSuite
{
    NrSecurityCrntiTestSuite()
        : TestSuite("nr-security-crnti")
    {
        AddTestCase(new NrSecurityCrntiPlaceholderTestCase);
    }
} g_nrSecurityCrntiTestSuite; ///< the suite instance

} // namespace ns3
