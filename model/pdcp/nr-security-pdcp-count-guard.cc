// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-pdcp-count-guard.h"

#include <algorithm>

namespace ns3
{

size_t
NrSecurityPdcpCountGuard::IndexOf(Function function,
                                  const NrSecurityKey128& key,
                                  uint8_t bearer,
                                  uint8_t direction) const
{
    size_t i = 0;
    for (; i < m_records.size(); ++i)
    {
        const Record& r = m_records[i];
        if (r.function == function && r.bearer == bearer && r.direction == direction
            && r.key == key)
        {
            break;
        }
    }
    return i;
}

uint64_t
NrSecurityPdcpCountGuard::FirstUnused(Function function,
                                      const NrSecurityKey128& key,
                                      uint8_t bearer,
                                      uint8_t direction) const
{
    size_t i = IndexOf(function, key, bearer, direction);
    return i < m_records.size() ? m_records[i].firstUnused : 0;
}

void
NrSecurityPdcpCountGuard::MarkUsed(Function function,
                                   const NrSecurityKey128& key,
                                   uint8_t bearer,
                                   uint8_t direction,
                                   uint32_t count)
{
    const uint64_t next = uint64_t{count} + 1;
    size_t i = IndexOf(function, key, bearer, direction);
    if (i < m_records.size())
    {
        m_records[i].firstUnused = std::max(m_records[i].firstUnused, next);
        return;
    }
    m_records.push_back(Record{function, key, bearer, direction, next});
}

size_t
NrSecurityPdcpCountGuard::GetRecordCount() const
{
    return m_records.size();
}

} // namespace ns3
