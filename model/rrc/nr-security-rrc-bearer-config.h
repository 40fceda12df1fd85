// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_RRC_BEARER_CONFIG_H
#define NR_SECURITY_RRC_BEARER_CONFIG_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The part of a DRB-ToAddMod (TS 38.331 6.3.2 RadioBearerConfig) this module models:
 *        cnAssociation sdap-Config (SDAP-Config) and pdcp-Config (PDCP-Config, drb part).
 *
 * Encoded (NrSecurityRrcMessage::EncodeRrcReconfiguration / EncodeRrcSetup) as a
 * DRB-ToAddMod with cnAssociation = sdap-Config {pdu-Session, sdap-HeaderDL, sdap-HeaderUL,
 * defaultDRB, mappedQoS-FlowsToAdd}, drb-Identity, and pdcp-Config {drb {discardTimer,
 * pdcp-SN-SizeUL, pdcp-SN-SizeDL, headerCompression notUsed, integrityProtection},
 * t-Reordering, and the extension addition cipheringDisabled}, and reestablishPDCP true when
 * reestablishPdcp is set (handover, re-establishment, key change: TS 38.331 5.3.5.6.5, the
 * PDCP entity is re-established, TS 38.323 5.1.2); recoverPDCP and the rest are absent.
 */
struct NrSecurityDrbConfig
{
    uint8_t drbId = 1;                ///< DRB-Identity, 1..32
    uint8_t pduSessionId = 1;         ///< SDAP-Config pdu-Session (PDU-SessionID, 0..255)
    bool sdapHeaderUl = false;        ///< sdap-HeaderUL present (true) / absent (false)
    bool sdapHeaderDl = false;        ///< sdap-HeaderDL present (true) / absent (false)
    bool defaultDrb = true;           ///< SDAP-Config defaultDRB
    std::vector<uint8_t> qfis;        ///< mappedQoS-FlowsToAdd (QFI 0..63), 0..64 entries
    uint8_t snLengthBits = 18;        ///< pdcp-SN-SizeUL = pdcp-SN-SizeDL: 12 or 18 bits
    bool integrityProtection = false; ///< PDCP-Config drb integrityProtection enabled
    bool cipheringDisabled = false;   ///< PDCP-Config cipheringDisabled true (extension)
    bool reestablishPdcp = false;     ///< DRB-ToAddMod reestablishPDCP true (present)

    /**
     * \brief Field-by-field equality.
     * \param other the other configuration.
     * \return true if every field is equal.
     */
    bool operator==(const NrSecurityDrbConfig& other) const
    {
        return drbId == other.drbId && pduSessionId == other.pduSessionId
               && sdapHeaderUl == other.sdapHeaderUl && sdapHeaderDl == other.sdapHeaderDl
               && defaultDrb == other.defaultDrb && qfis == other.qfis
               && snLengthBits == other.snLengthBits
               && integrityProtection == other.integrityProtection
               && cipheringDisabled == other.cipheringDisabled
               && reestablishPdcp == other.reestablishPdcp;
    }
};

/**
 * \ingroup nr-security
 * \brief The part of RadioBearerConfig (TS 38.331 6.3.2) this module models: the SRBs and
 *        DRBs to add or modify, the DRBs to release. securityConfig and srb3-ToRelease are
 *        absent.
 *
 * An empty srbsToAdd omits srb-ToAddModList, an empty drbsToAdd omits drb-ToAddModList, an
 * empty drbToRelease omits drb-ToReleaseList (all OPTIONAL; a present list has 1..2 SRBs /
 * 1..29 DRBs, TS 38.331 6.4 maxDRB). Each SRB-ToAddMod carries srb-Identity and, when
 * srbReestablishPdcp is set, reestablishPDCP true (the same for every SRB of the list; the
 * default PDCP-Config of TS 38.331 9.2.1 applies, pdcp-Config absent). A DRB identity in both
 * drbToRelease and drbsToAdd is released and added again: a new PDCP entity whose COUNTs
 * start at 0 (TS 38.331 5.3.5.6.4 is applied before 5.3.5.6.5).
 */
struct NrSecurityRadioBearerConfig
{
    std::vector<uint8_t> srbsToAdd;             ///< SRB-Identity 1..3 (srb-ToAddModList)
    std::vector<NrSecurityDrbConfig> drbsToAdd; ///< drb-ToAddModList
    bool srbReestablishPdcp = false;            ///< reestablishPDCP true in every SRB-ToAddMod
    std::vector<uint8_t> drbToRelease;          ///< drb-ToReleaseList (DRB-Identity 1..32)

    /**
     * \brief Field-by-field equality.
     * \param other the other configuration.
     * \return true if every field is equal.
     */
    bool operator==(const NrSecurityRadioBearerConfig& other) const
    {
        return srbsToAdd == other.srbsToAdd && drbsToAdd == other.drbsToAdd
               && srbReestablishPdcp == other.srbReestablishPdcp
               && drbToRelease == other.drbToRelease;
    }
};

} // namespace ns3

#endif // NR_SECURITY_RRC_BEARER_CONFIG_H
