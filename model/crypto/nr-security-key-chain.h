// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_KEY_CHAIN_H
#define NR_SECURITY_KEY_CHAIN_H

// Placeholder: filled in by the mobility work (issue 10).

#endif // NR_SECURITY_KEY_CHAIN_H
