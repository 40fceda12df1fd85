// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_INJECTOR_H
#define NR_SECURITY_INJECTOR_H

// placeholder (issue 16)

#endif // NR_SECURITY_INJECTOR_H
