// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
// Placeholder: the handover example (issue 10) replaces this.

int
main(int argc, char* argv[])
{
    return 0;
}
