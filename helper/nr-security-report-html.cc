// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The run report's page: HTML, inline CSS and JavaScript (placeholder: being written).
 */
#include "nr-security-report-html.h"

namespace ns3
{
} // namespace ns3
