// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Our own ns-3 test-runner: every nr-security TestSuite is linked into this program, and
 * ctest runs it once per suite (--suite=NAME). Other ns-3 options (--list, --verbose, ...)
 * work as in ns-3's test-runner.
 */
#include "ns3/test.h"

int
main(int argc, char** argv)
{
    return ns3::TestRunner::Run(argc, argv);
}
