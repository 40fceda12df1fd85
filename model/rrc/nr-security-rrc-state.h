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
 *        sub-state (CONNECTED, SMC_PENDING, SECURITY_ACTIVE, SECURITY_FAILED), the setup
 *        in between (CONNECTING), RRC connection re-establishment (REESTABLISHING, TS 38.331
 *        5.3.7), RRC_INACTIVE (INACTIVE, TS 38.331 5.3.8.3) and the resume out of it
 *        (RESUMING, TS 38.331 5.3.13).
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
    REESTABLISHING,  ///< RRC_CONNECTED, re-establishment running: UE: radio link failure,
                     ///< T311 (cell selection) or T301 (RRCReestablishmentRequest sent)
                     ///< running, every RB but SRB0 suspended; gNB: RRCReestablishment
                     ///< sent, waiting for RRCReestablishmentComplete
    INACTIVE,        ///< RRC_INACTIVE: RRCRelease with suspendConfig; the UE Inactive AS
                     ///< context (K_gNB, K_RRCint, NCC, I-RNTI, bearer configurations) is
                     ///< stored, no radio bearer but SRB0 exists
    RESUMING,        ///< UE: RRCResumeRequest sent, T319 running; gNB: RRCResume sent,
                     ///< waiting for RRCResumeComplete
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
        case NrSecurityRrcState::REESTABLISHING:
            return "REESTABLISHING";
        case NrSecurityRrcState::INACTIVE:
            return "INACTIVE";
        case NrSecurityRrcState::RESUMING:
            return "RESUMING";
    }
    return "?";
}

} // namespace ns3

#endif // NR_SECURITY_RRC_STATE_H
