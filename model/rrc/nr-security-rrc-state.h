// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_RRC_STATE_H
#define NR_SECURITY_RRC_STATE_H

#include <string>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief State of one UE's RRC connection, as seen by the UE or by the gNB: RRC_IDLE
 *        (IDLE, and RELEASED for a gNB context) or RRC_CONNECTED with its AS security
 *        sub-state (CONNECTED, SMC_PENDING, SECURITY_ACTIVE, SECURITY_FAILED), and the setup
 *        in between (CONNECTING).
 */
enum class NrSecurityRrcState
{
    IDLE,            ///< RRC_IDLE: no RRC connection
    CONNECTING,      ///< UE: RRCSetupRequest sent, T300 running; gNB: RRCSetup sent, waiting
                     ///< for RRCSetupComplete (SRB1 up)
    CONNECTED,       ///< RRC_CONNECTED, SRB1 up without AS security (after RRC setup)
    SMC_PENDING,     ///< gNB: SecurityModeCommand sent, waiting for the answer
    SECURITY_ACTIVE, ///< AS security activated (integrity and ciphering on SRB1)
    SECURITY_FAILED, ///< the procedure failed; SRB1 stays as before the SecurityModeCommand
    RELEASED,        ///< gNB: UE context released
};

/**
 * \param state a state
 * \return its name, e.g. "SECURITY_ACTIVE"
 */
inline std::string
NrSecurityRrcStateName(NrSecurityRrcState state)
{
    switch (state)
    {
        case NrSecurityRrcState::IDLE:
            return "IDLE";
        case NrSecurityRrcState::CONNECTING:
            return "CONNECTING";
        case NrSecurityRrcState::CONNECTED:
            return "CONNECTED";
        case NrSecurityRrcState::SMC_PENDING:
            return "SMC_PENDING";
        case NrSecurityRrcState::SECURITY_ACTIVE:
            return "SECURITY_ACTIVE";
        case NrSecurityRrcState::SECURITY_FAILED:
            return "SECURITY_FAILED";
        case NrSecurityRrcState::RELEASED:
            return "RELEASED";
    }
    return "?";
}

} // namespace ns3

#endif // NR_SECURITY_RRC_STATE_H
