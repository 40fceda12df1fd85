// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_PDCP_COUNT_GUARD_H
#define NR_SECURITY_PDCP_COUNT_GUARD_H

#include "ns3/nr-security-algorithms.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The transmit side's record of the COUNTs used with each key, BEARER and DIRECTION,
 *        so that a COUNT is never used twice with them (TS 38.300 13.1; the NEA keystream is a
 *        function of key, COUNT, BEARER and DIRECTION only, TS 33.501 D.2.1.1, so a second
 *        use gives C1 xor C2 = P1 xor P2).
 *
 * A record is kept per (function, key, BEARER, DIRECTION), where the function is ciphering
 * (the keystream) or integrity (the MAC-I). It follows the key itself: changing anything else
 * (the other key, the algorithm, re-establishment, TX_NEXT) leaves it in force, and switching a
 * key away and back finds the old record again. Each record is a high-water mark: COUNTs
 * below it count as used, even ones skipped with NrSecurityPdcp::SetTxNext. Records are only
 * added when a new key is first used, so the transmit path does not allocate per PDU.
 */
class NrSecurityPdcpCountGuard
{
  public:
    /// The protection function a key serves.
    enum Function : uint8_t
    {
        CIPHERING = 0, ///< K_RRCenc / K_UPenc
        INTEGRITY = 1, ///< K_RRCint / K_UPint
    };

    /**
     * \param function the key's function
     * \param key the key
     * \param bearer BEARER, 0..31
     * \param direction DIRECTION, 0 or 1
     * \return the lowest COUNT not yet used with them (0 if never used; 2^32 once COUNT
     *         2^32 - 1 was used)
     */
    uint64_t FirstUnused(Function function,
                         const NrSecurityKey128& key,
                         uint8_t bearer,
                         uint8_t direction) const;

    /**
     * \brief Records that a COUNT was used (so are all lower COUNTs from now on).
     * \param function the key's function
     * \param key the key
     * \param bearer BEARER, 0..31
     * \param direction DIRECTION, 0 or 1
     * \param count the COUNT used
     */
    void MarkUsed(Function function,
                  const NrSecurityKey128& key,
                  uint8_t bearer,
                  uint8_t direction,
                  uint32_t count);

    /// \return the number of (function, key, BEARER, DIRECTION) records
    size_t GetRecordCount() const;

  private:
    /// One (function, key, BEARER, DIRECTION) and its high-water mark.
    struct Record
    {
        Function function;    ///< ciphering or integrity
        NrSecurityKey128 key; ///< the key
        uint8_t bearer;       ///< BEARER
        uint8_t direction;    ///< DIRECTION
        uint64_t firstUnused; ///< COUNTs below this were used
    };

    /// \return the index of the record in m_records, or m_records.size() if there is none
    size_t IndexOf(Function function,
                   const NrSecurityKey128& key,
                   uint8_t bearer,
                   uint8_t direction) const;

    std::vector<Record> m_records; ///< one per key ever used (a handful per connection)
};

} // namespace ns3

#endif // NR_SECURITY_PDCP_COUNT_GUARD_H
