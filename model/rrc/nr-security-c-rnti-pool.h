// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_C_RNTI_POOL_H
#define NR_SECURITY_C_RNTI_POOL_H

#include <cstddef>
#include <cstdint>
#include <unordered_map>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The C-RNTIs of one cell: each UE context of the cell gets one, unique in the cell
 *        and 16 bits wide (RNTI-Value, TS 38.331 6.3.2), from the C-RNTI range of TS 38.321
 *        Table 7.1-1: 0x0001..0xFFEF (0x0000 and 0xFFF0..0xFFFF are not C-RNTIs: reserved,
 *        INT-RNTI, SFI-RNTI, P-RNTI, SI-RNTI...).
 *
 * The same C-RNTI may be in use in another cell for another UE: a C-RNTI names a UE only
 * together with its cell (the PCI, as in ReestabUE-Identity and VarShortMAC-Input). The UE
 * id of the simulation (32 bits, network-wide) is what the pool maps a C-RNTI to.
 *
 * Allocation is next-fit: the value after the last one allocated that is free, wrapping at
 * the end of the range, so a freed C-RNTI is not given out again at once. With every value
 * in use Allocate returns 0 (the gNB then refuses the UE: RRCReject).
 */
class NrSecurityCRntiPool
{
  public:
    static constexpr uint16_t FIRST = 0x0001; ///< first C-RNTI (TS 38.321 Table 7.1-1)
    static constexpr uint16_t LAST = 0xFFEF;  ///< last C-RNTI (TS 38.321 Table 7.1-1)

    /**
     * \brief Whether a value may be a C-RNTI (TS 38.321 Table 7.1-1: 0x0001..0xFFEF; 0 and
     *        0xFFF0..0xFFFF are reserved, P-RNTI or SI-RNTI).
     * \param rnti the 16-bit RNTI
     * \return true for FIRST..LAST
     */
    static constexpr bool IsCRnti(uint16_t rnti)
    {
        return rnti >= FIRST && rnti <= LAST;
    }

    /**
     * \param last the last value to allocate, FIRST..LAST (a smaller pool: tests, small cells)
     * \throws std::invalid_argument if last is outside FIRST..LAST
     */
    explicit NrSecurityCRntiPool(uint16_t last = LAST);

    /**
     * \brief Sets the last value to allocate; values already allocated stay in use.
     * \param last FIRST..LAST
     * \throws std::invalid_argument if last is outside FIRST..LAST
     */
    void SetLast(uint16_t last);
    /// \return the last value the pool allocates
    uint16_t GetLast() const;

    /**
     * \brief Allocates a free C-RNTI to a UE.
     * \param ueId the UE (network-wide id)
     * \return the C-RNTI, FIRST..GetLast(); 0 if every value is in use
     */
    uint16_t Allocate(uint32_t ueId);

    /**
     * \brief Frees a C-RNTI (nothing happens for 0 or a free value).
     * \param cRnti the C-RNTI
     */
    void Free(uint16_t cRnti);

    /**
     * \param cRnti a C-RNTI
     * \param[out] ueId the UE it is allocated to
     * \return false if it is not allocated
     */
    bool Find(uint16_t cRnti, uint32_t& ueId) const;

    /// \return how many C-RNTIs are allocated
    size_t GetInUse() const;
    /// \return how many the pool can allocate at once (GetLast() - FIRST + 1, or more if
    ///         values above a lowered GetLast() are still in use)
    size_t GetCapacity() const;
    /**
     * \return whether Allocate would succeed: a value of FIRST..GetLast() is free (values
     *         above a lowered GetLast() still in use do not count against it), O(1)
     */
    bool HasFree() const;

  private:
    std::unordered_map<uint16_t, uint32_t> m_owner; ///< allocated C-RNTI -> UE id
    uint16_t m_last = LAST;                         ///< last value to allocate
    uint16_t m_next = FIRST;                        ///< where the next search starts
    size_t m_above = 0; ///< values in use above m_last (left by a lowered SetLast)
};

} // namespace ns3

#endif // NR_SECURITY_C_RNTI_POOL_H
