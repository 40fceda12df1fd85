// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */

// placeholder (issue 16): attack example "blind-dos"
#include <cstdio>

int
main()
{
    std::printf("outcome: attack=blind-dos not-implemented\n");
    return 1;
}
