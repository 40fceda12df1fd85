// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The run report: one self-contained HTML file per run (placeholder: being written).
 */
#ifndef NR_SECURITY_REPORT_WRITER_H
#define NR_SECURITY_REPORT_WRITER_H

namespace ns3
{
} // namespace ns3

#endif // NR_SECURITY_REPORT_WRITER_H
