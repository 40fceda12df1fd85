// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */

// placeholder (issue 16): attack example "smc-tampering"
#include "nr-security-attack-scenario.h"

using namespace ns3;

/// The example proper.
int
Run(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    NrSecurityAttackOptions o = NrSecurityAttackParse(cmd, argc, argv);
    NrSecurityAttackOutcome out("smc-tampering", o);
    out.SetResult("not-implemented");
    out.Print();
    return 1;
}

int
main(int argc, char* argv[])
{
    return NrSecurityAttackMain("nr-security-attack-smc-tampering", Run, argc, argv);
}
