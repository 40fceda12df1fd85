// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_SDAP_H
#define NR_SECURITY_SDAP_H

#include "ns3/packet.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The one-byte SDAP headers of TS 37.324 6.2.2 (stateless codec).
 *
 * Downlink data PDU header (6.2.2.2), bit 8 (MSB) first: RDI (1 bit, reflective QoS flow to
 * DRB mapping indication), RQI (1 bit, reflective QoS indication), QFI (6 bits).
 * Uplink data / control PDU header (6.2.2.3, 6.2.3): D/C (1 bit: 1 data, 0 control), R
 * (1 bit, reserved, 0), QFI (6 bits). The header is present only when the DRB is configured
 * with it (SDAP-Config sdap-HeaderDL / sdap-HeaderUL present, TS 38.331); the PDCP entity
 * never ciphers it (TS 38.323 5.8).
 */
class NrSecuritySdap
{
  public:
    /**
     * \param rdi RDI
     * \param rqi RQI
     * \param qfi QFI, 0..63
     * \return the DL data PDU header byte
     * \throws std::invalid_argument if qfi > 63
     */
    static uint8_t EncodeDlHeader(bool rdi, bool rqi, uint8_t qfi);

    /**
     * \param header a DL header byte
     * \param[out] rdi RDI
     * \param[out] rqi RQI
     * \param[out] qfi QFI
     */
    static void DecodeDlHeader(uint8_t header, bool& rdi, bool& rqi, uint8_t& qfi);

    /**
     * \param qfi QFI, 0..63
     * \return the UL data PDU header byte (D/C = 1, R = 0)
     * \throws std::invalid_argument if qfi > 63
     */
    static uint8_t EncodeUlDataHeader(uint8_t qfi);

    /**
     * \param header a UL header byte
     * \param[out] data D/C: true for a data PDU, false for a control PDU (end-marker)
     * \param[out] qfi QFI
     * \return false if the reserved bit R is set (TS 37.324 6.3.5: a receiver ignores it; the
     *         value is still decoded)
     */
    static bool DecodeUlHeader(uint8_t header, bool& data, uint8_t& qfi);

    /**
     * \brief Puts a header byte in front of a packet.
     * \param packet the SDU (modified)
     * \param header the header byte
     */
    static void AddHeader(Ptr<Packet> packet, uint8_t header);

    /**
     * \brief Takes the header byte off the front of a packet.
     * \param packet the SDAP PDU (modified)
     * \param[out] header the header byte
     * \return false (packet unchanged) if the packet is empty
     */
    static bool RemoveHeader(Ptr<Packet> packet, uint8_t& header);
};

} // namespace ns3

#endif // NR_SECURITY_SDAP_H
