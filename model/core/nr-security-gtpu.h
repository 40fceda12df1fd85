// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_GTPU_H
#define NR_SECURITY_GTPU_H

#include "ns3/packet.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief A decoded GTPv1-U header (TS 29.281 5.1, 5.2) with the PDU Session Container
 *        extension header (TS 29.281 5.2.2.7, content TS 38.415 5.5.2).
 */
struct NrSecurityGtpuHeader
{
    bool valid = false;               ///< false: malformed or not to be processed, see reason
    std::string reason;               ///< why the message is refused (empty when valid)
    uint8_t messageType = 0;          ///< TS 29.281 Table 6.1-1 (255 = G-PDU)
    uint32_t teid = 0;                ///< Tunnel Endpoint Identifier of the receiving endpoint
    bool sequencePresent = false;     ///< S flag set
    uint16_t sequence = 0;            ///< Sequence Number (meaningful only with the S flag)
    bool pduSessionContainer = false; ///< a PDU Session Container (type 0x85) is present
    uint8_t pduType = 0;              ///< its PDU Type: 0 DL PDU SESSION INFORMATION, 1 UL
    uint8_t qfi = 0;                  ///< its QoS Flow Identifier (6 bits)
    size_t headerBytes = 0;           ///< bytes before the T-PDU (8, 12 or more with extensions)
    size_t payloadBytes = 0;          ///< T-PDU bytes (the user IP packet of a G-PDU)
};

/**
 * \ingroup nr-security
 * \brief Stateless byte-exact codec of GTPv1-U (TS 29.281) as used on N3 between gNB and
 *        UPF, over UDP port 2152.
 *
 * Header (TS 29.281 5.1, Figure 5.1-1), all fields big-endian:
 * \verbatim
 *   octet 1     Version (3 bits) = 1 | PT = 1 | spare (0) | E | S | PN
 *   octet 2     Message Type (255 = G-PDU)
 *   octets 3-4  Length: bytes after octet 8 (optional fields, extension headers, T-PDU)
 *   octets 5-8  TEID
 *   octets 9-10 Sequence Number  \
 *   octet 11    N-PDU Number      > present when any of E, S, PN is set
 *   octet 12    Next Extension Header Type /
 * \endverbatim
 * Each extension header (TS 29.281 5.2.1): Length in 4-octet units (>= 1, the length octet
 * and the next-type octet included), content, Next Extension Header Type (0 = none).
 * The PDU Session Container (type 0x85 = 1000 0101) written here is 4 octets (TS 38.415
 * 5.5.2.1 / 5.5.2.2, no optional fields):
 * \verbatim
 *   01 | PDU Type (4 bits: 0 DL, 1 UL) 0000 | 00 QFI (6 bits) | next type 00
 * \endverbatim
 * so a downlink G-PDU to TEID 0x12345678 for QFI 9 starts
 * `34 ff LL LL 12 34 56 78 00 00 00 85 01 00 09 00`, LL LL = 8 + payload length.
 */
class NrSecurityGtpu
{
  public:
    static constexpr uint16_t UDP_PORT = 2152;             ///< GTP-U port (TS 29.281 4.4.2.3)
    static constexpr uint8_t ECHO_REQUEST = 1;             ///< TS 29.281 Table 6.1-1
    static constexpr uint8_t ECHO_RESPONSE = 2;            ///< TS 29.281 Table 6.1-1
    static constexpr uint8_t ERROR_INDICATION = 26;        ///< TS 29.281 Table 6.1-1
    static constexpr uint8_t END_MARKER = 254;             ///< TS 29.281 Table 6.1-1
    static constexpr uint8_t G_PDU = 255;                  ///< TS 29.281 Table 6.1-1
    static constexpr uint8_t PDU_SESSION_CONTAINER = 0x85; ///< TS 29.281 Figure 5.2.1-3
    static constexpr uint8_t PDU_TYPE_DL = 0;              ///< TS 38.415 5.5.3.1
    static constexpr uint8_t PDU_TYPE_UL = 1;              ///< TS 38.415 5.5.3.1
    /// Header bytes of a G-PDU with the 4-octet PDU Session Container (8 + 4 + 4).
    static constexpr size_t HEADER_BYTES_WITH_CONTAINER = 16;
    /// Header bytes of a G-PDU without extension headers or optional fields.
    static constexpr size_t HEADER_BYTES_PLAIN = 8;

    /**
     * \brief The header of a G-PDU.
     * \param teid the receiver's TEID
     * \param payloadBytes the T-PDU length in bytes
     * \param withContainer add the PDU Session Container (then E = 1 and octets 9-12 follow)
     * \param pduType PDU_TYPE_DL or PDU_TYPE_UL (ignored without the container)
     * \param qfi the QoS Flow Identifier, 0..63 (ignored without the container)
     * \return 8 or 16 bytes
     * \throws std::invalid_argument if the Length field would exceed 65535, pduType > 1 or
     *         qfi > 63
     */
    static std::vector<uint8_t> EncodeGpduHeader(
        uint32_t teid, size_t payloadBytes, bool withContainer, uint8_t pduType, uint8_t qfi);

    /**
     * \brief Parses a GTP-U message.
     *
     * Refused (valid false, reason set): fewer than 8 bytes; Version != 1 ("version"); PT = 0
     * (GTP', "protocol type"); a Length field that disagrees with the bytes ("length");
     * optional fields or an extension header cut short; an extension header of length 0; an
     * extension header this endpoint does not know whose type has the "comprehension
     * required" bit (bit 8) set (TS 29.281 5.2.1: the receiver shall not process the
     * message); a PDU Session Container with a PDU Type other than 0 or 1 or shorter than 2
     * content octets. Unknown extension headers without that bit are skipped.
     * \param data the UDP payload
     * \param bytes its length
     * \return the header
     */
    static NrSecurityGtpuHeader Decode(const uint8_t* data, size_t bytes);

    /**
     * \brief Prepends a G-PDU header to a user packet.
     * \param packet the T-PDU (an IP packet), changed in place
     * \param teid the receiver's TEID
     * \param pduType PDU_TYPE_DL or PDU_TYPE_UL
     * \param qfi the QoS Flow Identifier, 0..63
     * \throws std::invalid_argument as EncodeGpduHeader
     */
    static void Encapsulate(Ptr<Packet> packet, uint32_t teid, uint8_t pduType, uint8_t qfi);

    /**
     * \brief Parses a received GTP-U message and, if it is a valid G-PDU, removes its header.
     * \param packet the UDP payload; its GTP-U header is removed only when the result is
     *        valid and messageType is G_PDU, otherwise it is left unchanged
     * \return the header (see Decode)
     */
    static NrSecurityGtpuHeader Decapsulate(Ptr<Packet> packet);

    /**
     * \brief Decapsulate() for an N3 endpoint that handles only G-PDUs (TS 29.281 5.1): the
     *        reason to discard the message, or an empty string when it is a valid G-PDU whose
     *        header was removed.
     * \param packet the UDP payload, as for Decapsulate()
     * \param header receives the parsed header
     * \return "" for a valid G-PDU; "malformed GTP-U: <reason>" or "GTP-U message type N not
     *         handled" otherwise (the packet is then unchanged)
     */
    static std::string DecapsulateGpdu(Ptr<Packet> packet, NrSecurityGtpuHeader& header);
};

} // namespace ns3

#endif // NR_SECURITY_GTPU_H
