// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_PDU_SESSION_H
#define NR_SECURITY_PDU_SESSION_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief One half of a UP security policy (TS 33.501 6.6.1): whether UP integrity protection,
 *        or UP confidentiality protection, shall be activated for all DRBs of a PDU session.
 */
enum class NrSecurityUpPolicy : uint8_t
{
    REQUIRED = 0,   ///< shall be activated; a gNB that cannot activates rejects the session
    PREFERRED = 1,  ///< should be activated
    NOT_NEEDED = 2, ///< shall not be activated
};

/**
 * \ingroup nr-security
 * \param policy a policy
 * \return "REQUIRED", "PREFERRED" or "NOT_NEEDED"
 */
std::string NrSecurityUpPolicyName(NrSecurityUpPolicy policy);

/**
 * \ingroup nr-security
 * \param name "REQUIRED", "PREFERRED" or "NOT_NEEDED" (also "required", "preferred",
 *        "not-needed")
 * \return the policy
 * \throws std::invalid_argument naming the value for anything else
 */
NrSecurityUpPolicy NrSecurityUpPolicyFromName(const std::string& name);

/**
 * \ingroup nr-security
 * \brief A PDU session the AMF asks the gNB to set up (NGAP PDU Session Resource Setup
 *        Request Item within Initial Context Setup, TS 38.413 9.2.2.1), with its QoS flows and
 *        its UP security policy (Security Indication, TS 38.413 9.3.1.27; TS 33.501 6.6.1).
 */
struct NrSecurityPduSession
{
    uint8_t pduSessionId = 1;                                      ///< PDU Session ID, 0..255
    std::vector<uint8_t> qfis{9};                                  ///< QoS Flow Identifiers, 0..63
    NrSecurityUpPolicy integrity = NrSecurityUpPolicy::NOT_NEEDED; ///< UP integrity policy
    NrSecurityUpPolicy confidentiality = NrSecurityUpPolicy::REQUIRED; ///< UP ciphering policy
};

/**
 * \ingroup nr-security
 * \brief What the gNB reports back for one PDU session (NGAP PDU Session Resource Setup
 *        Response: Setup Item with the Security Result, TS 38.413 9.3.1.59, or Failed Item).
 */
struct NrSecurityPduSessionResult
{
    uint8_t pduSessionId = 0; ///< the session
    bool ok = false;          ///< set up (a DRB serves it) or rejected
    uint8_t drbId = 0;        ///< the DRB serving it (0 if rejected)
    bool integrity = false;   ///< UP integrity protection activated on its DRB
    bool ciphering = false;   ///< UP confidentiality protection activated on its DRB
    std::string reason;       ///< why it was rejected (empty if ok)
};

/**
 * \ingroup nr-security
 * \brief PDCP COUNT status of one DRB, as a source gNB hands it to the target (XnAP SN STATUS
 *        TRANSFER, TS 38.423 9.1.1.4; NGAP Uplink/Downlink RAN Status Transfer, TS 38.413
 *        8.4.6/8.4.7; TS 38.300 9.2.3.2.1): the target continues the DRB's COUNTs (AM DRBs keep
 *        them across PDCP re-establishment, TS 38.323 5.1.2).
 */
struct NrSecurityDrbCountStatus
{
    uint8_t drbId = 0;    ///< DRB identity
    uint32_t ulCount = 0; ///< uplink: the COUNT of the first missing SDU (the source's RX_DELIV)
    uint32_t dlCount = 0; ///< downlink: the COUNT the target assigns next (the source's TX_NEXT)
};

/**
 * \ingroup nr-security
 * \brief The gNB's activation decision for one function of one PDU session (TS 33.501 6.6.1,
 *        6.6.2): REQUIRED -> activate, or reject the session if the gNB cannot; PREFERRED ->
 *        activate if the gNB can; NOT_NEEDED -> do not activate.
 * \param policy the policy of the session for this function
 * \param gnbSupports whether the gNB can activate this function on a DRB
 * \param[out] activate whether to activate it
 * \return false if the session must be rejected (REQUIRED and not supported)
 */
bool NrSecurityUpActivation(NrSecurityUpPolicy policy, bool gnbSupports, bool& activate);

} // namespace ns3

#endif // NR_SECURITY_PDU_SESSION_H
