// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-keystream-reuse.h"

#include <algorithm>

namespace ns3
{

std::vector<uint8_t>
NrSecurityKeystreamReuse::Recover(const std::vector<uint8_t>& c1,
                                  const std::vector<uint8_t>& c2,
                                  const std::vector<uint8_t>& p2)
{
    const size_t n = std::min({c1.size(), c2.size(), p2.size()});
    std::vector<uint8_t> p1(n);
    for (size_t i = 0; i < n; ++i)
    {
        p1[i] = c1[i] ^ c2[i] ^ p2[i];
    }
    return p1;
}

uint64_t
NrSecurityKeystreamReuse::Matches(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b)
{
    const size_t n = std::min(a.size(), b.size());
    uint64_t m = 0;
    for (size_t i = 0; i < n; ++i)
    {
        m += a[i] == b[i] ? 1 : 0;
    }
    return m;
}

double
NrSecurityKeystreamReuse::MatchRate(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b)
{
    const size_t n = std::min(a.size(), b.size());
    return n == 0 ? 0.0 : static_cast<double>(Matches(a, b)) / static_cast<double>(n);
}

} // namespace ns3
