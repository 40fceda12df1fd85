// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_PACKET_BYTES_H
#define NR_SECURITY_PACKET_BYTES_H

#include "ns3/packet.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The bytes of a packet.
 * \param p the packet
 * \return p->GetSize() bytes
 */
std::vector<uint8_t> NrSecurityPacketBytes(Ptr<const Packet> p);

} // namespace ns3

#endif // NR_SECURITY_PACKET_BYTES_H
