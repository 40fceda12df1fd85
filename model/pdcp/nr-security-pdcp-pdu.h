// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_PDCP_PDU_H
#define NR_SECURITY_PDCP_PDU_H

#include "ns3/nr-security-algorithms.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief Radio bearer type: signalling (SRB1-3), data (DRB) or SRB0 (CCCH).
 */
enum class NrSecurityRbType : uint8_t
{
    SRB = 0,  ///< signalling radio bearer: 12-bit SN, MAC-I always present
    DRB = 1,  ///< data radio bearer: D/C bit, 12- or 18-bit SN, MAC-I only with integrity
    SRB0 = 2, ///< SRB0, the CCCH (TS 38.331 4.2.2): no PDCP entity, RRC messages as they are;
              ///< never a valid NrSecurityPdcpFormat
};

/**
 * \ingroup nr-security
 * \brief Static configuration of one PDCP entity's PDU format (TS 38.323 6.2, TS 38.331
 *        PDCP-Config).
 */
struct NrSecurityPdcpFormat
{
    NrSecurityRbType rbType = NrSecurityRbType::SRB; ///< SRB or DRB
    uint8_t rbId = 1;          ///< RB identity, 1..32; BEARER = rbId - 1 (TS 33.501 D.2.1.1)
    uint8_t snBits = 12;       ///< SN length in bits: 12 for SRBs, 12 or 18 for DRBs
    bool sdapHeader = false;   ///< DRB only: a 1-byte SDAP header leads each SDU (TS 37.324)
    bool drbIntegrity = false; ///< DRB only: integrity protection configured (MAC-I present)

    /**
     * \brief Checks the combination.
     * \throws std::invalid_argument naming the field (rbId outside 1..32, snBits not 12/18,
     *         an SRB with snBits 18, sdapHeader or drbIntegrity on an SRB).
     */
    void Validate() const;

    /// \return the PDCP data PDU header length in bytes (2 for 12-bit SN, 3 for 18-bit SN).
    size_t HeaderBytes() const;

    /// \return 4 if the data PDU carries a MAC-I field, else 0.
    size_t MacBytes() const;

    /// \return the 5-bit BEARER input of NEA/NIA: rbId - 1.
    uint8_t Bearer() const;

    /// \return Window_Size = 2^(snBits - 1) (TS 38.323 7.2).
    uint32_t WindowSize() const;
};

/**
 * \ingroup nr-security
 * \brief The security configuration in force for one direction of a PDCP entity.
 *
 * While integrity is not active an SRB PDU still carries a MAC-I field of four zero bytes
 * (TS 38.323 6.3.4) and the receiver does not verify it; while ciphering is not active the
 * data and MAC-I go in clear. NIA0/NEA0 are "active" algorithms that compute a zero MAC-I /
 * leave the data unchanged.
 */
struct NrSecurityPdcpSecurity
{
    bool integrityActive = false;                        ///< integrity protection/verification on
    NrSecurityIntegrity nia = NrSecurityIntegrity::NIA0; ///< integrity algorithm
    NrSecurityKey128 kInt{};                             ///< K_RRCint or K_UPint
    bool cipheringActive = false;                        ///< ciphering on
    NrSecurityCiphering nea = NrSecurityCiphering::NEA0; ///< ciphering algorithm
    NrSecurityKey128 kEnc{};                             ///< K_RRCenc or K_UPenc
};

/**
 * \ingroup nr-security
 * \brief The result of NrSecurityPdcpPdu::Unprotect.
 */
struct NrSecurityPdcpUnprotectResult
{
    /// Outcome of the check.
    enum Status
    {
        OK,                ///< the SDU is in the buffer at [sduOffset, sduOffset + sduBytes)
        INTEGRITY_FAILURE, ///< MAC-I mismatch: receivedMac != expectedMac; discard
    };

    Status status = OK;       ///< outcome
    size_t sduOffset = 0;     ///< first byte of the SDU (SDAP header included) in the PDU
    size_t sduBytes = 0;      ///< SDU length in bytes
    uint32_t receivedMac = 0; ///< MAC-I field as received (after deciphering)
    uint32_t expectedMac = 0; ///< MAC-I computed by the receiver (0 if integrity inactive)
};

/**
 * \ingroup nr-security
 * \brief The parsed header of a received PDCP PDU (TS 38.323 6.2.2 and 6.2.3).
 */
struct NrSecurityPdcpHeader
{
    bool valid = false;   ///< false: malformed, see reason
    std::string reason;   ///< why the PDU is malformed (empty when valid)
    bool control = false; ///< a DRB control PDU (D/C = 0): never ciphered nor protected
    uint32_t sn = 0;      ///< PDCP SN of a data PDU
};

/**
 * \ingroup nr-security
 * \brief Byte-exact PDCP data PDU protection and unprotection (TS 38.323 5.8, 5.9, 6.2).
 *
 * Stateless: COUNT is given by the caller (the NrSecurityPdcp entity, the calculator or a
 * test). Transmit order (TS 38.323 5.9 then 5.8): the MAC-I is computed over the PDCP header
 * and the SDU (SDAP header included) with COUNT, BEARER = rbId - 1 and DIRECTION; then the SDU
 * after any SDAP header and the MAC-I are ciphered. The header (and the SDAP header) is never
 * ciphered. Receive order: decipher, then verify.
 *
 * Data PDU layouts (bytes; MAC-I only where present; R bits are sent as 0 and ignored on
 * receipt, TS 38.323 6.3.6, but covered by the MAC-I):
 *   SRB, 12-bit SN:  R R R R SN(11..8) | SN(7..0) | data | MAC-I (4)
 *   DRB, 12-bit SN:  D/C R R R SN(11..8) | SN(7..0) | [SDAP] data | [MAC-I]
 *   DRB, 18-bit SN:  D/C R R R R R SN(17..16) | SN(15..8) | SN(7..0) | [SDAP] data | [MAC-I]
 */
class NrSecurityPdcpPdu
{
  public:
    /// Largest PDCP SDU in bytes (TS 38.323 4.3.1).
    static constexpr size_t MAX_SDU_BYTES = 9000;

    /**
     * \brief Builds a protected data PDU.
     * \param format the bearer's PDU format (validated by the caller or here).
     * \param count the COUNT of this PDU; its low snBits bits are the SN.
     * \param direction DIRECTION, 0 uplink / 1 downlink.
     * \param security the transmit security configuration.
     * \param sdu the PDCP SDU (with the SDAP header first if format.sdapHeader).
     * \param sduBytes the SDU length in bytes, 1..MAX_SDU_BYTES. With an SDAP header a 1-byte
     *        SDU is an SDAP control PDU (end-marker, TS 37.324 6.2.3): it is integrity
     *        protected and not ciphered (TS 38.323 5.8); only the MAC-I, if any, is.
     * \param[out] pdu receives header || ciphered(data || MAC-I); resized, so a reused
     *             vector allocates only when it grows.
     * \throws std::invalid_argument for an invalid format, direction > 1, or an empty or
     *         oversize SDU.
     */
    static void Protect(const NrSecurityPdcpFormat& format,
                        uint32_t count,
                        uint8_t direction,
                        const NrSecurityPdcpSecurity& security,
                        const uint8_t* sdu,
                        size_t sduBytes,
                        std::vector<uint8_t>& pdu);

    /**
     * \brief Parses and checks the header of a received PDU without any cryptography.
     *
     * Malformed (TS 38.323 has the receiver discard what it cannot process): a data PDU
     * shorter than header + one SDU byte + MAC-I (where the bearer has one; the reason names
     * the fields the bearer has) or longer than the largest PDU; a DRB control PDU
     * (D/C = 0, TS 38.323 6.2.3) with a reserved PDU type, or shorter than 5 bytes for a
     * status report (header and FMC) or 2 bytes for ROHC or EHC feedback. Reserved bits are
     * ignored (TS 38.323 6.3.6): an SRB has no D/C bit, so its first bit is one of them.
     * \param format the bearer's PDU format.
     * \param pdu the PDU bytes.
     * \param pduBytes the PDU length in bytes.
     * \return the header; header.valid is false with a reason for a malformed PDU.
     */
    static NrSecurityPdcpHeader ParseHeader(const NrSecurityPdcpFormat& format,
                                            const uint8_t* pdu,
                                            size_t pduBytes);

    /**
     * \brief Deciphers (in place) and verifies a data PDU whose header ParseHeader() accepted.
     * \param format the bearer's PDU format.
     * \param count RCVD_COUNT as derived by the receiver (TS 38.323 5.2.2.1).
     * \param direction DIRECTION of the PDU (the peer's transmit direction).
     * \param security the receive security configuration for this COUNT.
     * \param pdu the PDU bytes, deciphered in place.
     * \param pduBytes the PDU length in bytes.
     * \return OK with the SDU position, or INTEGRITY_FAILURE with both MAC-I values. MAC-I
     *         comparison is constant-time. An SRB's MAC-I field is stripped unverified while
     *         integrity is not active.
     */
    static NrSecurityPdcpUnprotectResult Unprotect(const NrSecurityPdcpFormat& format,
                                                   uint32_t count,
                                                   uint8_t direction,
                                                   const NrSecurityPdcpSecurity& security,
                                                   uint8_t* pdu,
                                                   size_t pduBytes);

    /**
     * \brief RCVD_COUNT from RX_DELIV and a received SN (TS 38.323 5.2.2.1).
     *
     * RCVD_HFN is HFN(RX_DELIV) + 1 if RCVD_SN < SN(RX_DELIV) - Window_Size, HFN(RX_DELIV) - 1
     * if RCVD_SN >= SN(RX_DELIV) + Window_Size, else HFN(RX_DELIV).
     * \param snBits SN length in bits (12 or 18).
     * \param rxDeliv RX_DELIV (up to 2^32, reached once the last COUNT was delivered).
     * \param rcvdSn RCVD_SN.
     * \return RCVD_COUNT as a signed 64-bit value: below 0 or above 2^32 - 1 when the HFN
     *         would leave the 32-bit COUNT space (such a PDU is outside the window).
     */
    static int64_t RcvdCount(uint8_t snBits, uint64_t rxDeliv, uint32_t rcvdSn);
};

} // namespace ns3

#endif // NR_SECURITY_PDCP_PDU_H
