// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
// Placeholder: filled in by the mobility work (issue 10).
#include "ns3/test.h"

using namespace ns3;

/// Placeholder suite, replaced by the real tests.
class NrSecurityHandoverTestSuite : public TestSuite
{
  public:
    NrSecurityHandoverTestSuite()
        : TestSuite("nr-security-handover", UNIT)
    {
    }
};

static NrSecurityHandoverTestSuite g_nrSecurityHandoverTestSuite; ///< registers the suite
