// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */

// placeholder (issue 16)
#include "ns3/test.h"

namespace ns3
{

/// placeholder suite (issue 16)
class NrSecurityAdversaryTestSuite : public TestSuite
{
  public:
    NrSecurityAdversaryTestSuite()
        : TestSuite("nr-security-adversary", UNIT)
    {
    }
};

/// the suite's instance
static NrSecurityAdversaryTestSuite g_nrSecurityAdversaryTestSuite;

} // namespace ns3
