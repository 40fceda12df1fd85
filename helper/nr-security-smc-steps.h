// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Steps 26-33 of the AS security procedure and their clauses (placeholder: being written).
 */
#ifndef NR_SECURITY_SMC_STEPS_H
#define NR_SECURITY_SMC_STEPS_H

namespace ns3
{
} // namespace ns3

#endif // NR_SECURITY_SMC_STEPS_H
