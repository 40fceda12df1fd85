// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_SHORT_MAC_I_H
#define NR_SECURITY_SHORT_MAC_I_H

#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-kdf.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief shortMAC-I of RRCReestablishmentRequest (TS 38.331 5.3.7.4, TS 33.501 6.11) and
 *        resumeMAC-I of RRCResumeRequest (TS 38.331 5.3.13.3, TS 33.501 6.8.2.1.3).
 *
 * Both are the 16 least significant bits of the MAC-I that the integrity algorithm in use in
 * the source cell computes with the source K_RRCint over the UPER encoding of
 * VarShortMAC-Input / VarResumeMAC-Input (TS 38.331 7.4), padded with zero bits to whole
 * octets (LENGTH = 8 * the octet count), with COUNT, BEARER and DIRECTION set to binary ones
 * (COUNT 0xFFFFFFFF, BEARER 31, DIRECTION 1). Both variables are
 *   SEQUENCE { sourcePhysCellId PhysCellId (0..1007, 10 bits), targetCellIdentity
 *   CellIdentity (BIT STRING (SIZE (36))), source-c-RNTI RNTI-Value (0..65535, 16 bits) }
 * (no extension marker, no OPTIONAL component): 62 bits, 8 octets. TS 33.501 6.11 / 6.8.2.1.3
 * take targetCellIdentity from the cell the UE selected (where it sends the request),
 * sourcePhysCellId and source-c-RNTI from the source cell (the last serving cell).
 * Example (case M5): PCI 1, cellIdentity 0x000000010, C-RNTI 0x4601 give
 * 00 40 00 00 00 41 18 04. Pure functions, no ns-3 state.
 */
class NrSecurityShortMacI
{
  public:
    /**
     * \brief The UPER encoding of VarShortMAC-Input (TS 38.331 7.4).
     * \param sourcePci sourcePhysCellId, 0..1007.
     * \param targetCellIdentity targetCellIdentity, 36 bits (below 2^36).
     * \param sourceCRnti source-c-RNTI.
     * \return 8 octets (62 bits and 2 zero padding bits).
     * \throws std::invalid_argument naming sourcePci or targetCellIdentity if out of range.
     */
    static std::vector<uint8_t> EncodeVarShortMacInput(uint16_t sourcePci,
                                                       uint64_t targetCellIdentity,
                                                       uint16_t sourceCRnti);

    /**
     * \brief The UPER encoding of VarResumeMAC-Input (TS 38.331 7.4): the same fields and
     *        shape as VarShortMAC-Input.
     * \param sourcePci sourcePhysCellId, 0..1007 (the cell that sent RRCRelease).
     * \param targetCellIdentity targetCellIdentity, 36 bits (the cell the UE resumes in).
     * \param sourceCRnti source-c-RNTI (the C-RNTI in the source cell).
     * \return 8 octets.
     * \throws std::invalid_argument naming sourcePci or targetCellIdentity if out of range.
     */
    static std::vector<uint8_t> EncodeVarResumeMacInput(uint16_t sourcePci,
                                                        uint64_t targetCellIdentity,
                                                        uint16_t sourceCRnti);

    /**
     * \brief The 16 least significant bits of NIA (COUNT, BEARER, DIRECTION all binary ones)
     *        over varInput (LENGTH = 8 * varInput.size()).
     * \param nia the integrity algorithm of the source cell (NIA0 gives 0).
     * \param kRrcInt the source K_RRCint.
     * \param varInput the encoded VarShortMAC-Input / VarResumeMAC-Input.
     * \return the 16-bit value (MAC-I & 0xFFFF).
     * \throws std::invalid_argument for an unknown algorithm.
     */
    static uint16_t Compute(NrSecurityIntegrity nia,
                            const NrSecurityKey128& kRrcInt,
                            const std::vector<uint8_t>& varInput);

    /**
     * \brief shortMAC-I: Compute over EncodeVarShortMacInput.
     * \param nia the source cell's integrity algorithm.
     * \param kRrcInt the source K_RRCint.
     * \param sourcePci the source PCI, 0..1007.
     * \param targetCellIdentity the cellIdentity of the cell the UE re-establishes in, 36 bits.
     * \param sourceCRnti the C-RNTI in the source cell.
     * \return shortMAC-I.
     * \throws std::invalid_argument as EncodeVarShortMacInput and Compute.
     */
    static uint16_t ShortMacI(NrSecurityIntegrity nia,
                              const NrSecurityKey128& kRrcInt,
                              uint16_t sourcePci,
                              uint64_t targetCellIdentity,
                              uint16_t sourceCRnti);

    /**
     * \brief resumeMAC-I: Compute over EncodeVarResumeMacInput.
     * \param nia the integrity algorithm of the cell that suspended the UE.
     * \param kRrcInt the K_RRCint stored in the UE Inactive AS Context.
     * \param sourcePci the PCI of the cell that suspended the UE, 0..1007.
     * \param targetCellIdentity the cellIdentity of the cell the UE resumes in, 36 bits.
     * \param sourceCRnti the C-RNTI in the cell that suspended the UE.
     * \return resumeMAC-I.
     * \throws std::invalid_argument as EncodeVarResumeMacInput and Compute.
     */
    static uint16_t ResumeMacI(NrSecurityIntegrity nia,
                               const NrSecurityKey128& kRrcInt,
                               uint16_t sourcePci,
                               uint64_t targetCellIdentity,
                               uint16_t sourceCRnti);
};

} // namespace ns3

#endif // NR_SECURITY_SHORT_MAC_I_H
