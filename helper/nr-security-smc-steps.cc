// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Steps 26-33 of the AS security procedure and their clauses.
 */
#include "nr-security-smc-steps.h"

namespace ns3
{

namespace
{

// TS 38.331 5.3.4.2 (initiation by the network), 5.3.4.3 (reception of the SecurityModeCommand
// by the UE: derive K_gNB, derive K_RRCint, verify, derive K_RRCenc/K_UPenc/K_UPint, SRB
// integrity immediately, SRB ciphering after the procedure, SecurityModeComplete unciphered).
// TS 33.501 6.7.4 (AS security mode command procedure), A.9 (K_gNB from K_AMF and the uplink
// NAS COUNT), A.8 (algorithm keys from K_gNB).
const NrSecuritySmcStepInfo g_steps[] = {
    {26,
     "gNB",
     "gNB sends the SecurityModeCommand (integrity-protected with K_RRCint, not ciphered) and "
     "starts downlink ciphering",
     "5.3.4.2",
     "6.7.4, A.8"},
    {27, "UE", "UE derives K_gNB from K_AMF and the uplink NAS COUNT", "5.3.4.3", "6.7.4, A.9"},
    {28,
     "UE",
     "UE derives K_RRCint for the indicated integrity algorithm",
     "5.3.4.3",
     "6.7.4, A.8"},
    {29, "UE", "UE verifies the SecurityModeCommand's MAC-I with K_RRCint", "5.3.4.3", "6.7.4"},
    {30,
     "UE",
     "UE derives K_RRCenc, K_UPenc (ciphering algorithm) and K_UPint (integrity algorithm)",
     "5.3.4.3",
     "6.7.4, A.8"},
    {31,
     "UE",
     "UE starts SRB integrity protection at once (the SecurityModeComplete included)",
     "5.3.4.3",
     "6.7.4"},
    {32,
     "UE",
     "UE sends the SecurityModeComplete, integrity-protected and not ciphered; the gNB verifies "
     "it",
     "5.3.4.3",
     "6.7.4"},
    {33,
     "UE, gNB",
     "SRB ciphering starts: the UE ciphers what it sends after the SecurityModeComplete, the "
     "gNB verifies and deciphers the uplink after it",
     "5.3.4.3",
     "6.7.4"},
};

} // namespace

const NrSecuritySmcStepInfo*
NrSecuritySmcStep(uint32_t step)
{
    if (step < NR_SECURITY_SMC_FIRST_STEP || step > NR_SECURITY_SMC_LAST_STEP)
    {
        return nullptr;
    }
    return &g_steps[step - NR_SECURITY_SMC_FIRST_STEP];
}

std::string
NrSecuritySmcStepClauses(uint32_t step)
{
    const NrSecuritySmcStepInfo* info = NrSecuritySmcStep(step);
    if (!info)
    {
        return "";
    }
    return std::string("TS 38.331 ") + info->clause38331 + ", TS 33.501 " + info->clause33501;
}

} // namespace ns3
