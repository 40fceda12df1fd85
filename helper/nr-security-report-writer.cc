// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The run report: one self-contained HTML file per run (placeholder: being written).
 */
#include "nr-security-report-writer.h"

namespace ns3
{
} // namespace ns3
