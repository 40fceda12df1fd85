// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_KEY_EPOCH_H
#define NR_SECURITY_KEY_EPOCH_H

#include "ns3/nr-security-kdf.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief One key epoch of a UE's AS security context: a K_gNB and how it was derived, with
 *        every input, so that the step can be recomputed with nr-security-calc (TS 33.501
 *        6.9.2, A.9-A.11).
 *
 * - INITIAL: K_gNB = KDF(K_AMF, FC 0x6E, uplink NAS COUNT, access type) (A.9); NCC 0.
 * - HORIZONTAL: K_gNB* = KDF(old K_gNB, FC 0x70, PCI, ARFCN-DL) (A.11); the NCC is unchanged.
 * - VERTICAL: K_gNB* = KDF(NH, FC 0x70, PCI, ARFCN-DL) (A.11) with the NH of the epoch's NCC
 *   (NH chain A.10, NCC 3 bits wrapping, the chain does not restart).
 */
struct NrSecurityKeyEpoch
{
    /// How the epoch's K_gNB was derived.
    enum Derivation
    {
        INITIAL,    ///< from K_AMF and the uplink NAS COUNT
        HORIZONTAL, ///< K_gNB* from the previous K_gNB
        VERTICAL,   ///< K_gNB* from NH
    };

    uint32_t epoch = 0;              ///< 0 for the connection's first K_gNB, then +1 per change
    std::string cause;               ///< "initial", "xn-handover", "n2-handover", "intra-cell",
                                     ///< "key-refresh", "reestablishment", "resume"
    Derivation derivation = INITIAL; ///< how K_gNB was derived
    NrSecurityKey256 kGnb{};         ///< the epoch's K_gNB (the K_gNB* of the step)
    NrSecurityKey256 inputKey{};     ///< K_AMF (INITIAL), old K_gNB (HORIZONTAL), NH (VERTICAL)
    uint32_t ulNasCount = 0;         ///< INITIAL: the uplink NAS COUNT
    uint8_t ncc = 0;                 ///< NCC associated with this K_gNB, 0..7
    uint32_t nhIndex = 0;            ///< VERTICAL: i of NH_i in the chain (NH_1 from K_gNB); the
                                     ///< NCC is nhIndex mod 8
    uint16_t cellId = 0;             ///< the cell the epoch's K_gNB is for
    uint16_t pci = 0;                ///< HORIZONTAL/VERTICAL: the PCI input (target cell)
    uint32_t arfcnDl = 0;            ///< HORIZONTAL/VERTICAL: the ARFCN-DL input (target cell)

    /// \return "initial", "horizontal" or "vertical"
    std::string DerivationName() const
    {
        switch (derivation)
        {
            case HORIZONTAL:
                return "horizontal";
            case VERTICAL:
                return "vertical";
            default:
                return "initial";
        }
    }
};

} // namespace ns3

#endif // NR_SECURITY_KEY_EPOCH_H
