// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The named intermediates of the KDF and the NEA/NIA algorithms (explain mode) (placeholder: being written).
 */
#ifndef NR_SECURITY_EXPLAIN_H
#define NR_SECURITY_EXPLAIN_H

namespace ns3
{
} // namespace ns3

#endif // NR_SECURITY_EXPLAIN_H
