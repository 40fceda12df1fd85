// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_RB_PDU_H
#define NR_SECURITY_RB_PDU_H

#include "ns3/nr-security-pdcp-pdu.h"
#include "ns3/packet.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief A PDU handed between an RRC entity and its device on one radio bearer, with the
 *        simulation metadata an observer (pcap framing, per-PDU CSV) needs.
 *
 * - type SRB0 (CCCH, TS 38.331 4.2.2): rbId 0, pdu is the RRC message itself (UL-CCCH
 *   RRCSetupRequest, DL-CCCH RRCSetup / RRCReject); no PDCP, so ciphered, macIPresent and
 *   integrity are false and snLengthBits means nothing.
 * - type SRB: rbId 1..3, pdu is the PDCP data PDU (12-bit SN header, protected RRC message,
 *   MAC-I always present: zeros while integrity is off, TS 38.323 6.3.4).
 * - type DRB: rbId 1..32 (DRB-Identity: a separate identity space from SRBs), pdu is the
 *   PDCP data PDU (12- or 18-bit SN header, the SDU starting with an SDAP header if
 *   sdapHeader, MAC-I only if the DRB has integrity protection, TS 38.331 PDCP-Config).
 *
 * The metadata (rnti included) is what the SENDER's PDCP entity applied to this PDU; a receiver
 * sets it from its own configuration for the bearer.
 */
struct NrSecurityRbPdu
{
    NrSecurityRbType type = NrSecurityRbType::SRB; ///< SRB0, SRB or DRB
    uint8_t rbId = 1;          ///< SRB identity 0..3 or DRB identity 1..32 (separate spaces)
    Ptr<Packet> pdu;           ///< the PDCP PDU (or, for SRB0, the CCCH RRC message)
    bool ciphered = false;     ///< metadata: the sender's PDCP ciphered it (NEA0 included)
    bool macIPresent = false;  ///< metadata: a MAC-I field is present (SRBs always; DRBs with
                               ///< integrity protection)
    bool integrity = false;    ///< metadata: integrity protection was applied with NIA1-3 (the
                               ///< MAC-I is not all zero by rule)
    uint8_t snLengthBits = 12; ///< metadata: PDCP SN length, 12 or 18
    bool sdapHeader = false;   ///< metadata: DRB: the SDU starts with an SDAP header
    /// the RNTI the MAC addresses the PDU with: downlink, the UE's C-RNTI in the sending cell
    /// (for the RRCSetup the value the random access's TC-RNTI would carry, which the UE keeps
    /// as its C-RNTI, TS 38.321 5.1.5); 0: none (RRCReject, uplink, a forged frame)
    uint16_t rnti = 0;
};

/**
 * \ingroup nr-security
 * \param type the bearer type
 * \param rbId its identity
 * \return "SRB0", "SRB1", "SRB2", "SRB3" or "DRB<n>"
 */
inline std::string
NrSecurityRbName(NrSecurityRbType type, uint8_t rbId)
{
    return (type == NrSecurityRbType::DRB ? "DRB" : "SRB") + std::to_string(unsigned(rbId));
}

} // namespace ns3

#endif // NR_SECURITY_RB_PDU_H
