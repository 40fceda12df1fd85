// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_AIR_FRAME_H
#define NR_SECURITY_AIR_FRAME_H

#include "ns3/nr-security-rb-pdu.h"
#include "ns3/packet.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief One radio-bearer PDU on the simulated NR air interface (a PDCP PDU, or for SRB0 the
 *        CCCH RRC message), with what a radio-level observer (a tap, a pcap writer, an
 *        adversary) knows about it and the sender's metadata (NrSecurityRbPdu).
 */
struct NrSecurityAirFrame
{
    uint16_t cellId = 0;                           ///< the gNB's cell
    uint16_t ueId = 0;                             ///< the UE (C-RNTI-like id, the pcap UE id)
    NrSecurityRbType type = NrSecurityRbType::SRB; ///< SRB0 (CCCH), SRB or DRB
    uint8_t rbId = 1;          ///< SRB identity 0..3 or DRB identity 1..32 (separate spaces)
    bool uplink = false;       ///< UE -> gNB
    uint32_t attempt = 0;      ///< 0 for the first transmission, n for the n-th retransmission
    bool ciphered = false;     ///< metadata: the sender's PDCP ciphered this PDU (NEA0 included)
    bool macIPresent = false;  ///< metadata: a MAC-I field is present (SRB1-3 always, DRBs
                               ///< with integrity protection)
    bool integrity = false;    ///< metadata: integrity protection with NIA1-3 was applied
    uint8_t snLengthBits = 12; ///< metadata: PDCP SN length (12 or 18)
    bool sdapHeader = false;   ///< metadata: DRB: the SDU starts with an SDAP header
    Ptr<const Packet> pdu;     ///< the PDU as on the air (header || protected payload)

    /// \return true for SRB0-3
    bool IsSrb() const
    {
        return type != NrSecurityRbType::DRB;
    }

    /**
     * \brief Copies a radio-bearer PDU and its metadata into the frame.
     * \param p the PDU
     */
    void SetFrom(const NrSecurityRbPdu& p)
    {
        type = p.type;
        rbId = p.rbId;
        ciphered = p.ciphered;
        macIPresent = p.macIPresent;
        integrity = p.integrity;
        snLengthBits = p.snLengthBits;
        sdapHeader = p.sdapHeader;
        pdu = p.pdu;
    }

    /// \return the frame as a radio-bearer PDU (a copy of the packet) for the receiving RRC
    NrSecurityRbPdu ToRbPdu() const
    {
        NrSecurityRbPdu p;
        p.type = type;
        p.rbId = rbId;
        p.ciphered = ciphered;
        p.macIPresent = macIPresent;
        p.integrity = integrity;
        p.snLengthBits = snLengthBits;
        p.sdapHeader = sdapHeader;
        p.pdu = pdu ? pdu->Copy() : nullptr;
        return p;
    }
};

} // namespace ns3

#endif // NR_SECURITY_AIR_FRAME_H
