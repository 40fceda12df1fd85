// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_PDCP_USER_H
#define NR_SECURITY_PDCP_USER_H

#include "ns3/packet.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The upper and lower layers of NrSecurityPdcp entities as one interface (the ns-3 SAP
 *        pattern): an alternative to the three callbacks for an owner of many entities, such
 *        as a gNB's RRC with one SRB1 per UE. It costs no allocation per entity: the entity
 *        keeps a plain pointer and a 16-bit tag (e.g. the UE id) that it passes back.
 */
class NrSecurityPdcpUser
{
  public:
    virtual ~NrSecurityPdcpUser() = default;

    /**
     * \brief A PDU to send (as TransmitPduCallback).
     * \param tag the entity's tag
     * \param pdu the PDU
     */
    virtual void PdcpTransmitPdu(uint16_t tag, Ptr<Packet> pdu) = 0;

    /**
     * \brief An SDU delivered in order (as DeliverSduCallback); GetLastRxMac() is valid.
     * \param tag the entity's tag
     * \param sdu the SDU
     * \param count its COUNT
     */
    virtual void PdcpDeliverSdu(uint16_t tag, Ptr<Packet> sdu, uint32_t count) = 0;

    /**
     * \brief A PDU failed integrity verification and was discarded (TS 38.323 5.9), or a
     *        check asked with NrSecurityPdcp::VerifyDeliveredSdu failed.
     * \param tag the entity's tag
     * \param count RCVD_COUNT
     * \param sdu the unverified SDU after deciphering (never delivered)
     * \param receivedMac the MAC-I field as received
     * \param expectedMac the MAC-I the entity computed
     */
    virtual void PdcpIntegrityFailure(uint16_t tag,
                                      uint32_t count,
                                      Ptr<const Packet> sdu,
                                      uint32_t receivedMac,
                                      uint32_t expectedMac)
        = 0;
};

} // namespace ns3

#endif // NR_SECURITY_PDCP_USER_H
