// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_UE_CAPABILITIES_H
#define NR_SECURITY_UE_CAPABILITIES_H

#include "ns3/nr-security-algorithms.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The NR part of the UE security capabilities (TS 33.501 6.7.4, NGAP
 *        UESecurityCapabilities, TS 38.413 9.3.1.86).
 *
 * Two 16-bit bitmaps in which the FIRST (most significant) bit is algorithm 1: bit 15 =
 * 128-NEA1 / 128-NIA1, bit 14 = 128-NEA2 / 128-NIA2, bit 13 = 128-NEA3 / 128-NIA3; the other
 * bits are reserved. NEA0 and NIA0 are not in the bitmaps: every UE supports them (TS 33.501
 * 5.11.1), and NIA0 may only be used for unauthenticated emergency sessions.
 */
struct NrSecurityUeCapabilities
{
    uint16_t neaBitmap = 0xE000; ///< nRencryptionAlgorithms: NEA1, NEA2, NEA3 by default
    uint16_t niaBitmap = 0xE000; ///< nRintegrityProtectionAlgorithms: NIA1, NIA2, NIA3

    /// \return true if the UE supports the ciphering algorithm \param alg the algorithm
    bool Supports(NrSecurityCiphering alg) const
    {
        auto id = static_cast<unsigned>(alg);
        return id == 0 || (neaBitmap & (0x8000u >> (id - 1))) != 0;
    }

    /// \return true if the UE supports the integrity algorithm \param alg the algorithm
    bool Supports(NrSecurityIntegrity alg) const
    {
        auto id = static_cast<unsigned>(alg);
        return id == 0 || (niaBitmap & (0x8000u >> (id - 1))) != 0;
    }

    /**
     * \brief Builds a bitmap from a list of algorithm identities.
     * \param list comma-separated identities 1..3 or names ("2,3", "NEA1,NEA2", "NIA2");
     *        0 / NEA0 / NIA0 are accepted and ignored (always supported).
     * \return the 16-bit bitmap, first bit = algorithm 1.
     * \throws std::invalid_argument for an unknown entry.
     */
    static uint16_t BitmapFromList(const std::string& list);
};

} // namespace ns3

#endif // NR_SECURITY_UE_CAPABILITIES_H
