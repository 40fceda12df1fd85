// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityCRntiPool: the C-RNTIs of one cell (TS 38.321 Table 7.1-1).
 */
#include "nr-security-c-rnti-pool.h"

#include <stdexcept>
#include <string>

namespace ns3
{

NrSecurityCRntiPool::NrSecurityCRntiPool(uint16_t last)
{
    SetLast(last);
}

void
NrSecurityCRntiPool::SetLast(uint16_t last)
{
    if (last < FIRST || last > LAST)
    {
        throw std::invalid_argument("last C-RNTI " + std::to_string(last)
                                    + " is outside 1..65519 (0x0001..0xFFEF, TS 38.321 "
                                      "Table 7.1-1)");
    }
    m_last = last;
    m_above = 0;
    for (const auto& [c, id] : m_owner)
    {
        m_above += c > m_last;
    }
    if (m_next > m_last)
    {
        m_next = FIRST;
    }
}

uint16_t
NrSecurityCRntiPool::GetLast() const
{
    return m_last;
}

uint16_t
NrSecurityCRntiPool::Allocate(uint32_t ueId)
{
    const uint32_t span = uint32_t{m_last} - FIRST + 1;
    if (!HasFree())
    {
        return 0;
    }
    uint16_t c = m_next;
    for (uint32_t tried = 0; tried < span; ++tried)
    {
        const uint16_t candidate = c;
        c = candidate == m_last ? FIRST : static_cast<uint16_t>(candidate + 1);
        if (m_owner.try_emplace(candidate, ueId).second) // no node for a value in use
        {
            m_next = c;
            return candidate;
        }
    }
    return 0; // not reached: HasFree() found a free value of FIRST..m_last
}

bool
NrSecurityCRntiPool::HasFree() const
{
    return m_owner.size() - m_above < size_t{m_last} - FIRST + 1;
}

void
NrSecurityCRntiPool::Free(uint16_t cRnti)
{
    if (m_owner.erase(cRnti) != 0 && cRnti > m_last)
    {
        --m_above;
    }
}

bool
NrSecurityCRntiPool::Find(uint16_t cRnti, uint32_t& ueId) const
{
    auto it = m_owner.find(cRnti);
    if (it == m_owner.end())
    {
        return false;
    }
    ueId = it->second;
    return true;
}

size_t
NrSecurityCRntiPool::GetInUse() const
{
    return m_owner.size();
}

size_t
NrSecurityCRntiPool::GetCapacity() const
{
    return size_t{m_last} - FIRST + 1 + m_above;
}

} // namespace ns3
