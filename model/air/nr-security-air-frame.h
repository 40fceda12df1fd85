// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_AIR_FRAME_H
#define NR_SECURITY_AIR_FRAME_H

#include "ns3/packet.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief One PDCP PDU on the simulated NR air interface, with what a radio-level observer
 *        (a tap, a pcap writer, an adversary) knows about it.
 */
struct NrSecurityAirFrame
{
    uint16_t cellId = 0;   ///< the gNB's cell
    uint16_t ueId = 0;     ///< the UE (C-RNTI-like id, also the pcap UE id)
    uint8_t rbId = 1;      ///< RB identity (1 = SRB1)
    bool srb = true;       ///< signalling radio bearer
    bool uplink = false;   ///< UE -> gNB
    uint32_t attempt = 0;  ///< 0 for the first transmission, n for the n-th retransmission
    bool ciphered = false; ///< simulation metadata: the sender's PDCP ciphered this PDU
                           ///< (used for pcap framing; not visible to a real observer)
    Ptr<const Packet> pdu; ///< the PDCP PDU as on the air (header || protected payload)
};

} // namespace ns3

#endif // NR_SECURITY_AIR_FRAME_H
