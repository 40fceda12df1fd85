// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Steps 26-33 of the AS security procedure and their clauses.
 */
#ifndef NR_SECURITY_SMC_STEPS_H
#define NR_SECURITY_SMC_STEPS_H

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief One step of the AS security activation as the end-to-end registration call flow
 *        numbers it (AS security = steps 26-33), with the clauses that specify it.
 *
 * The numbers are those of the SmcStep trace (NrSecurityRrc, model/rrc): the gNB fires 26
 * (SecurityModeCommand sent, downlink ciphering started), 32 (SecurityModeComplete verified)
 * and 33 (uplink verification and deciphering started); the UE fires 26 (command received)
 * to 33 (SRB ciphering started).
 *
 * All strings are static, NUL-terminated, ASCII.
 */
struct NrSecuritySmcStepInfo
{
    uint32_t step;           ///< 26..33
    const char* side;        ///< who acts: "gNB", "UE" or "UE, gNB"
    const char* what;        ///< what the step does, in one line
    const char* clause38331; ///< TS 38.331 clause, e.g. "5.3.4.3"
    /// TS 33.501 clauses: "6.7.4", followed by the Annex A clause of the key derivation
    /// where the step derives a key (A.9: K_gNB; A.8: the algorithm keys), e.g. "6.7.4, A.9"
    const char* clause33501;
};

/// First step number of the AS security activation
constexpr uint32_t NR_SECURITY_SMC_FIRST_STEP = 26;
/// Last step number of the AS security activation
constexpr uint32_t NR_SECURITY_SMC_LAST_STEP = 33;

/**
 * \ingroup nr-security
 * \param step the call-flow step number
 * \return the step's description and clauses, or nullptr for a step outside 26..33
 */
const NrSecuritySmcStepInfo* NrSecuritySmcStep(uint32_t step);

/**
 * \ingroup nr-security
 * \param step the call-flow step number
 * \return the step's clauses for a label: "TS 38.331 5.3.4.3, TS 33.501 6.7.4, A.9"; empty
 *         for a step outside 26..33
 */
std::string NrSecuritySmcStepClauses(uint32_t step);

} // namespace ns3

#endif // NR_SECURITY_SMC_STEPS_H
