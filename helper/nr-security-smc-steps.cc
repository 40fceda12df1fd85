// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Steps 26-33 of the AS security procedure and their clauses (placeholder: being written).
 */
#include "nr-security-smc-steps.h"

namespace ns3
{
} // namespace ns3
