// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_RRC_MESSAGE_H
#define NR_SECURITY_RRC_MESSAGE_H

#include "ns3/nr-security-algorithms.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The result of decoding a DL-DCCH or UL-DCCH message with NrSecurityRrcMessage.
 *
 * When ok is false, error says why (never empty) and the other fields are unspecified
 * (type holds the message type if decoding got as far as the c1 choice). When ok is true,
 * error is empty and the fields hold the decoded values.
 */
struct NrSecurityRrcDecoded
{
    /// The RRC messages this module carries (TS 38.331 6.2.2).
    enum Type
    {
        SECURITY_MODE_COMMAND,  ///< DL-DCCH SecurityModeCommand (c1 index 4)
        SECURITY_MODE_COMPLETE, ///< UL-DCCH SecurityModeComplete (c1 index 5)
        SECURITY_MODE_FAILURE,  ///< UL-DCCH SecurityModeFailure (c1 index 6)
    };

    bool ok{false};                                     ///< true if the input was accepted
    std::string error;                                  ///< why it was refused; empty if ok
    Type type{SECURITY_MODE_COMMAND};                   ///< the message
    uint8_t transactionId{0};                           ///< rrc-TransactionIdentifier, 0..3
    NrSecurityCiphering nea{NrSecurityCiphering::NEA0}; ///< cipheringAlgorithm (SMC only)
    bool integrityPresent{false}; ///< whether integrityProtAlgorithm is present (SMC only)
    NrSecurityIntegrity nia{NrSecurityIntegrity::NIA0}; ///< integrityProtAlgorithm; NIA0 when
                                                        ///< absent or not an SMC
};

/**
 * \ingroup nr-security
 * \brief ASN.1 unaligned PER (ITU-T X.691) encoding and decoding of the three RRC messages
 *        of AS security activation (TS 38.331 5.3.4): DL-DCCH-Message securityModeCommand,
 *        UL-DCCH-Message securityModeComplete and securityModeFailure.
 *
 * The encodings are those of the TS 38.331 ASN.1 (6.2.1 DL-DCCH-Message, UL-DCCH-Message;
 * 6.2.2 SecurityModeCommand, SecurityModeComplete, SecurityModeFailure; 6.3.2
 * SecurityAlgorithmConfig, CipheringAlgorithm, IntegrityProtAlgorithm,
 * RRC-TransactionIdentifier) under X.691 UNALIGNED, padded with zero bits to a whole
 * number of octets (X.691 11.1, TS 38.331 clause 8). A SecurityModeCommand is, in order:
 * 1 bit DL-DCCH-MessageType (0 = c1), 4 bits c1 index (4), 2 bits rrc-TransactionIdentifier,
 * 1 bit criticalExtensions (0 = securityModeCommand), 2 presence bits
 * (lateNonCriticalExtension, nonCriticalExtension), 1 extension bit of SecurityConfigSMC,
 * 1 extension bit of SecurityAlgorithmConfig, 1 presence bit of integrityProtAlgorithm,
 * cipheringAlgorithm as 1 extension bit + 3-bit index, integrityProtAlgorithm likewise if
 * present: 21 or 17 bits, 3 bytes (TS 38.331 nea2/nia2, transaction 0: 20 09 10).
 * SecurityModeComplete / SecurityModeFailure are 10 bits, 2 bytes (transaction 0: 28 00 /
 * 30 00).
 *
 * Decoding is strict: it accepts exactly the encodings these encoders produce, so that a
 * decoded message re-encodes to the same bytes. It refuses messageClassExtension, every
 * other c1 message, criticalExtensionsFuture, present lateNonCriticalExtension /
 * nonCriticalExtension, extension additions, extension values and spare values of the
 * enumerations, non-zero padding and trailing octets. Note that TS 38.331 8.1 asks a PER
 * decoder of RRC PDUs not to report an error for extraneous bits at the end of a PDU, and a
 * UE of a later release may include extensions; this decoder deliberately does not follow
 * that tolerance (the simulator produces both ends, and a refused message is reported with
 * its reason). The decoders never throw and have no undefined behaviour on any input.
 */
class NrSecurityRrcMessage
{
  public:
    /**
     * \brief Encodes a DL-DCCH-Message carrying a SecurityModeCommand (TS 38.331 6.2.2).
     * \param transactionId rrc-TransactionIdentifier, 0..3 (TS 38.331 6.3.2).
     * \param nea cipheringAlgorithm; its 4-bit identity must be 0..3 (nea0..nea3).
     * \param integrityPresent whether integrityProtAlgorithm is included (it is OPTIONAL in
     *        SecurityAlgorithmConfig, TS 38.331 6.3.2).
     * \param nia integrityProtAlgorithm, identity 0..3; ignored when integrityPresent is
     *        false.
     * \return the UPER encoding, 3 bytes, padding bits zero.
     * \throws std::invalid_argument naming transactionId, nea or nia if it is out of range.
     */
    static std::vector<uint8_t> EncodeSecurityModeCommand(uint8_t transactionId,
                                                          NrSecurityCiphering nea,
                                                          bool integrityPresent,
                                                          NrSecurityIntegrity nia);

    /**
     * \brief Encodes a UL-DCCH-Message carrying a SecurityModeComplete (TS 38.331 6.2.2)
     *        with no lateNonCriticalExtension and no nonCriticalExtension.
     * \param transactionId rrc-TransactionIdentifier, 0..3: that of the SecurityModeCommand
     *        it answers (TS 38.331 5.3.4.3).
     * \return the UPER encoding, 2 bytes (10 significant bits), padding bits zero.
     * \throws std::invalid_argument naming transactionId if it is above 3.
     */
    static std::vector<uint8_t> EncodeSecurityModeComplete(uint8_t transactionId);

    /**
     * \brief Encodes a UL-DCCH-Message carrying a SecurityModeFailure (TS 38.331 6.2.2)
     *        with no lateNonCriticalExtension and no nonCriticalExtension.
     * \param transactionId rrc-TransactionIdentifier, 0..3: that of the SecurityModeCommand
     *        it answers (TS 38.331 5.3.4.3).
     * \return the UPER encoding, 2 bytes (10 significant bits), padding bits zero.
     * \throws std::invalid_argument naming transactionId if it is above 3.
     */
    static std::vector<uint8_t> EncodeSecurityModeFailure(uint8_t transactionId);

    /**
     * \brief Decodes a DL-DCCH-Message (TS 38.331 6.2.1); only securityModeCommand is
     *        accepted.
     * \param data the encoded message; may be nullptr when bytes is 0.
     * \param bytes its size in bytes; must be exactly the size of the encoding (3).
     * \return ok with type SECURITY_MODE_COMMAND, transactionId, nea, integrityPresent and
     *         nia; or ok = false with the reason in error (empty, null or truncated input,
     *         messageClassExtension, another c1 message named as in TS 38.331, e.g.
     *         "rrcReconfiguration is not supported", criticalExtensionsFuture, a present
     *         lateNonCriticalExtension or nonCriticalExtension, an extension bit set in
     *         SecurityConfigSMC, SecurityAlgorithmConfig or an algorithm, a spare algorithm
     *         value 4..7, non-zero padding bits, trailing bytes). Never throws.
     */
    static NrSecurityRrcDecoded DecodeDlDcch(const uint8_t* data, size_t bytes);

    /**
     * \brief Decodes a UL-DCCH-Message (TS 38.331 6.2.1); only securityModeComplete and
     *        securityModeFailure are accepted.
     * \param data the encoded message; may be nullptr when bytes is 0.
     * \param bytes its size in bytes; must be exactly the size of the encoding (2).
     * \return ok with type SECURITY_MODE_COMPLETE or SECURITY_MODE_FAILURE and
     *         transactionId (nea NEA0, integrityPresent false, nia NIA0); or ok = false with
     *         the reason in error (empty, null or truncated input, messageClassExtension,
     *         another c1 message named as in TS 38.331, e.g. "measurementReport is not
     *         supported", criticalExtensionsFuture, a present lateNonCriticalExtension or
     *         nonCriticalExtension, non-zero padding bits, trailing bytes). Never throws.
     */
    static NrSecurityRrcDecoded DecodeUlDcch(const uint8_t* data, size_t bytes);

    /**
     * \brief The TS 38.331 ASN.1 name of a message type.
     * \param type the type.
     * \return "securityModeCommand", "securityModeComplete", "securityModeFailure", or
     *         "unknown" for a value outside the enumeration.
     */
    static std::string Name(NrSecurityRrcDecoded::Type type);
};

} // namespace ns3

#endif // NR_SECURITY_RRC_MESSAGE_H
