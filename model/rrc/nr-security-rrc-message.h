// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_RRC_MESSAGE_H
#define NR_SECURITY_RRC_MESSAGE_H

#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-rrc-bearer-config.h"
#include "ns3/nr-security-rrc-mobility.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The result of decoding a DL-CCCH, UL-CCCH, DL-DCCH or UL-DCCH message with
 *        NrSecurityRrcMessage.
 *
 * When ok is false, error says why (never empty) and the other fields are unspecified
 * (type holds the message type if decoding got as far as the c1 choice). When ok is true,
 * error is empty, type says which message it was, and the fields that message carries hold
 * the decoded values; every other field keeps its default.
 */
struct NrSecurityRrcDecoded
{
    /// The RRC messages this module carries (TS 38.331 6.2.2).
    enum Type
    {
        SECURITY_MODE_COMMAND,        ///< DL-DCCH SecurityModeCommand (c1 index 4)
        SECURITY_MODE_COMPLETE,       ///< UL-DCCH SecurityModeComplete (c1 index 5)
        SECURITY_MODE_FAILURE,        ///< UL-DCCH SecurityModeFailure (c1 index 6)
        RRC_SETUP_REQUEST,            ///< UL-CCCH RRCSetupRequest (c1 index 0)
        RRC_SETUP,                    ///< DL-CCCH RRCSetup (c1 index 1)
        RRC_REJECT,                   ///< DL-CCCH RRCReject (c1 index 0)
        RRC_SETUP_COMPLETE,           ///< UL-DCCH RRCSetupComplete (c1 index 2)
        UE_CAPABILITY_ENQUIRY,        ///< DL-DCCH UECapabilityEnquiry (c1 index 6)
        UE_CAPABILITY_INFORMATION,    ///< UL-DCCH UECapabilityInformation (c1 index 9)
        RRC_RECONFIGURATION,          ///< DL-DCCH RRCReconfiguration (c1 index 0)
        RRC_RECONFIGURATION_COMPLETE, ///< UL-DCCH RRCReconfigurationComplete (c1 index 1)
        DL_INFORMATION_TRANSFER,      ///< DL-DCCH DLInformationTransfer (c1 index 5)
        UL_INFORMATION_TRANSFER,      ///< UL-DCCH ULInformationTransfer (c1 index 7)
        RRC_RELEASE,                  ///< DL-DCCH RRCRelease (c1 index 2)
        MEASUREMENT_REPORT,           ///< UL-DCCH MeasurementReport (c1 index 0)
        RRC_REESTABLISHMENT_REQUEST,  ///< UL-CCCH RRCReestablishmentRequest (c1 index 2)
        RRC_REESTABLISHMENT,          ///< DL-DCCH RRCReestablishment (c1 index 3)
        RRC_REESTABLISHMENT_COMPLETE, ///< UL-DCCH RRCReestablishmentComplete (c1 index 3)
        RRC_RESUME_REQUEST,           ///< UL-CCCH RRCResumeRequest (c1 index 1)
        RRC_RESUME,                   ///< DL-DCCH RRCResume (c1 index 1)
        RRC_RESUME_COMPLETE,          ///< UL-DCCH RRCResumeComplete (c1 index 4)
    };

    bool ok{false};                   ///< true if the input was accepted
    std::string error;                ///< why it was refused; empty if ok
    Type type{SECURITY_MODE_COMMAND}; ///< the message
    uint8_t transactionId{0};         ///< rrc-TransactionIdentifier, 0..3 (0 for messages without)
    NrSecurityCiphering nea{NrSecurityCiphering::NEA0}; ///< cipheringAlgorithm (SMC only)
    bool integrityPresent{false}; ///< whether integrityProtAlgorithm is present (SMC only)
    NrSecurityIntegrity nia{NrSecurityIntegrity::NIA0}; ///< integrityProtAlgorithm; NIA0 when
                                                        ///< absent or not an SMC

    /// RRCSetupRequest: ue-Identity is ng-5G-S-TMSI-Part1 (true) or randomValue (false).
    bool ueIdentityIsTmsiPart1{false};
    /// RRCSetupRequest: the 39-bit ue-Identity (first bit of the BIT STRING = bit 38).
    uint64_t ueIdentity{0};
    /// RRCSetupRequest: EstablishmentCause index (0 emergency .. 9 mcs-PriorityAccess).
    uint8_t establishmentCause{0};
    /// RRCReject: whether waitTime is present.
    bool waitTimePresent{false};
    /// RRCReject: RejectWaitTime in seconds, 1..16 (0 when absent).
    uint8_t waitTimeSeconds{0};
    /// RRCSetup (always) and RRCReconfiguration: whether radioBearerConfig is present.
    bool radioBearerConfigPresent{false};
    /// RRCSetup / RRCReconfiguration: the SRBs and DRBs to add.
    NrSecurityRadioBearerConfig radioBearerConfig;
    /// RRCSetupComplete: selectedPLMN-Identity, 1..12 (0 otherwise).
    uint8_t selectedPlmnIdentity{0};
    /// RRCSetupComplete (always), DL/ULInformationTransfer: dedicatedNAS-Message present.
    bool nasPresent{false};
    /// The dedicatedNAS-Message octets (empty when absent).
    std::vector<uint8_t> nasMessage;
    /// UECapabilityInformation: the supportedBandListNR of the nr container (FreqBandIndicatorNR).
    std::vector<uint16_t> supportedBandsNr;

    /// RRCReconfiguration: whether masterCellGroup (RRCReconfiguration-v1530-IEs) carries
    /// spCellConfig.reconfigurationWithSync.
    bool reconfigurationWithSyncPresent{false};
    /// RRCReconfiguration: the reconfigurationWithSync (if present).
    NrSecurityReconfigurationWithSync reconfigurationWithSync;
    /// RRCReconfiguration: whether masterKeyUpdate (RRCReconfiguration-v1530-IEs) is present.
    bool masterKeyUpdatePresent{false};
    /// RRCReconfiguration: the masterKeyUpdate (if present).
    NrSecurityMasterKeyUpdate masterKeyUpdate;
    /// MeasurementReport: measId and the serving and neighbour cells' PCI and SS-RSRP.
    NrSecurityMeasResults measResults;
    /// RRCReestablishmentRequest: ue-Identity c-RNTI (the C-RNTI in the source cell).
    uint16_t cRnti{0};
    /// RRCReestablishmentRequest: ue-Identity physCellId (the source PCI), 0..1007.
    uint16_t physCellId{0};
    /// RRCReestablishmentRequest: ue-Identity shortMAC-I (16 bits).
    uint16_t shortMacI{0};
    /// RRCReestablishmentRequest: ReestablishmentCause (0 reconfigurationFailure, 1
    /// handoverFailure, 2 otherFailure).
    uint8_t reestablishmentCause{0};
    /// RRCReestablishment: nextHopChainingCount, 0..7.
    uint8_t nextHopChainingCount{0};
    /// RRCRelease: whether suspendConfig is present (release to RRC_INACTIVE).
    bool suspendConfigPresent{false};
    /// RRCRelease: the suspendConfig (if present).
    NrSecuritySuspendConfig suspendConfig;
    /// RRCRelease: whether redirectedCarrierInfo (nr: CarrierInfoNR) is present.
    bool redirectedCarrierInfoPresent{false};
    /// RRCRelease: the redirectedCarrierInfo (if present).
    NrSecurityRedirectedCarrierInfo redirectedCarrierInfo;
    /// RRCResumeRequest: resumeIdentity, the 24-bit shortI-RNTI.
    uint32_t resumeIdentity{0};
    /// RRCResumeRequest: resumeMAC-I (16 bits).
    uint16_t resumeMacI{0};
    /// RRCResumeRequest: ResumeCause index (0 emergency .. 8 rna-Update, 9 mps-PriorityAccess,
    /// 10 mcs-PriorityAccess).
    uint8_t resumeCause{0};
};

/**
 * \ingroup nr-security
 * \brief ASN.1 unaligned PER (ITU-T X.691) encoding and decoding of the RRC messages this
 *        module carries: AS security activation (TS 38.331 5.3.4: DL-DCCH-Message
 *        securityModeCommand, UL-DCCH-Message securityModeComplete and securityModeFailure),
 *        connection setup and reject (5.3.3, 5.3.15: UL-CCCH rrcSetupRequest, DL-CCCH
 *        rrcSetup and rrcReject, UL-DCCH rrcSetupComplete), capability transfer (5.6.1:
 *        ueCapabilityEnquiry, ueCapabilityInformation), reconfiguration (5.3.5:
 *        rrcReconfiguration, rrcReconfigurationComplete), NAS transfer (5.7.1, 5.7.2:
 *        dlInformationTransfer, ulInformationTransfer), release (5.3.8: rrcRelease) and
 *        mobility: handover and key change (5.3.5.5, 5.3.5.7: rrcReconfiguration with
 *        reconfigurationWithSync and masterKeyUpdate), measurement reporting (5.5.5:
 *        measurementReport), re-establishment (5.3.7: UL-CCCH rrcReestablishmentRequest,
 *        rrcReestablishment, rrcReestablishmentComplete), suspend and resume (5.3.8.3,
 *        5.3.13: rrcRelease with suspendConfig, UL-CCCH rrcResumeRequest, rrcResume,
 *        rrcResumeComplete). shortMAC-I and resumeMAC-I: NrSecurityShortMacI.
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
     * \brief Decodes a DL-DCCH-Message (TS 38.331 6.2.1): securityModeCommand,
     *        rrcReconfiguration (with or without reconfigurationWithSync / masterKeyUpdate),
     *        rrcRelease (with or without suspendConfig), rrcReestablishment, rrcResume,
     *        dlInformationTransfer and ueCapabilityEnquiry, each exactly as the encoders
     *        produce it.
     * \param data the encoded message; may be nullptr when bytes is 0.
     * \param bytes its size in bytes; must be exactly the size of the encoding.
     * \return ok with the type and its fields (SMC: transactionId, nea, integrityPresent,
     *         nia; RRCReconfiguration: radioBearerConfigPresent, radioBearerConfig,
     *         reconfigurationWithSyncPresent, reconfigurationWithSync,
     *         masterKeyUpdatePresent, masterKeyUpdate; RRCRelease: suspendConfigPresent,
     *         suspendConfig; RRCReestablishment: nextHopChainingCount; RRCResume:
     *         radioBearerConfigPresent, radioBearerConfig; DLInformationTransfer: nasPresent,
     *         nasMessage); or ok = false with the reason
     *         in error (empty, null or truncated input, messageClassExtension, another c1
     *         message named as in TS 38.331, e.g. "counterCheck is not supported",
     *         criticalExtensionsFuture, a present lateNonCriticalExtension or
     *         nonCriticalExtension, an extension bit set, a spare value, a field we do not
     *         model, non-zero padding bits, trailing bytes). Never throws.
     */
    static NrSecurityRrcDecoded DecodeDlDcch(const uint8_t* data, size_t bytes);

    /**
     * \brief Decodes a UL-DCCH-Message (TS 38.331 6.2.1): securityModeComplete,
     *        securityModeFailure, rrcSetupComplete, rrcReconfigurationComplete,
     *        measurementReport, rrcReestablishmentComplete, rrcResumeComplete,
     *        ulInformationTransfer and ueCapabilityInformation, each exactly as the encoders
     *        produce it.
     * \param data the encoded message; may be nullptr when bytes is 0.
     * \param bytes its size in bytes; must be exactly the size of the encoding.
     * \return ok with the type and its fields (transactionId; RRCSetupComplete:
     *         selectedPlmnIdentity, nasPresent, nasMessage; ULInformationTransfer:
     *         nasPresent, nasMessage; UECapabilityInformation: supportedBandsNr;
     *         MeasurementReport: measResults); or ok = false with the reason in error (as
     *         DecodeDlDcch, e.g. "counterCheckResponse is not supported"). Never throws.
     */
    static NrSecurityRrcDecoded DecodeUlDcch(const uint8_t* data, size_t bytes);

    /**
     * \brief Encodes a UL-CCCH-Message carrying an RRCSetupRequest (TS 38.331 6.2.1, 6.2.2;
     *        5.3.3.3): ue-Identity, establishmentCause, spare (0).
     *
     * Shape: 1 bit UL-CCCH-MessageType (c1), 2 bits c1 index (0), 1 bit InitialUE-Identity
     * choice (0 ng-5G-S-TMSI-Part1, 1 randomValue), 39 bits identity, 4 bits
     * EstablishmentCause, 1 spare bit: 48 bits, 6 bytes.
     * \param tmsiPart1 true for ng-5G-S-TMSI-Part1 (the rightmost 39 bits of 5G-S-TMSI),
     *        false for randomValue.
     * \param identity39 the 39-bit value; must be below 2^39.
     * \param cause EstablishmentCause index, 0..9 (emergency, highPriorityAccess, mt-Access,
     *        mo-Signalling, mo-Data, mo-VoiceCall, mo-VideoCall, mo-SMS, mps-PriorityAccess,
     *        mcs-PriorityAccess); 10..15 are spare.
     * \return 6 bytes.
     * \throws std::invalid_argument naming identity39 or cause if it is out of range.
     */
    static std::vector<uint8_t> EncodeRrcSetupRequest(bool tmsiPart1,
                                                      uint64_t identity39,
                                                      uint8_t cause);

    /**
     * \brief Encodes a DL-CCCH-Message carrying an RRCSetup (TS 38.331 6.2.2, 5.3.3.4) with
     *        the given radioBearerConfig and a masterCellGroup OCTET STRING containing a
     *        minimal CellGroupConfig (cellGroupId 0 and one RLC bearer per SRB to add,
     *        logical channel identity = SRB identity).
     * \param transactionId rrc-TransactionIdentifier, 0..3.
     * \param rbConfig the SRBs (normally {1}) and DRBs (normally none) to add.
     * \return the UPER encoding, padding bits zero.
     * \throws std::invalid_argument naming the field that is out of range (transactionId,
     *         an SRB or DRB identity, a list size, pduSessionId, a QFI, snLengthBits).
     */
    static std::vector<uint8_t> EncodeRrcSetup(uint8_t transactionId,
                                               const NrSecurityRadioBearerConfig& rbConfig);

    /**
     * \brief Encodes a DL-CCCH-Message carrying an RRCReject (TS 38.331 6.2.2, 5.3.15).
     * \param waitTimePresent whether waitTime is included.
     * \param waitTimeSeconds RejectWaitTime, 1..16 seconds; ignored when absent.
     * \return 1 byte (absent) or 2 bytes (present).
     * \throws std::invalid_argument naming waitTimeSeconds if it is out of range.
     */
    static std::vector<uint8_t> EncodeRrcReject(bool waitTimePresent, uint8_t waitTimeSeconds);

    /**
     * \brief Encodes a UL-DCCH-Message carrying an RRCSetupComplete (TS 38.331 6.2.2,
     *        5.3.3.4) with selectedPLMN-Identity and dedicatedNAS-Message only.
     * \param transactionId rrc-TransactionIdentifier, 0..3 (that of the RRCSetup).
     * \param selectedPlmn selectedPLMN-Identity, 1..12 (maxPLMN).
     * \param nas the NAS message, 0..16383 octets (X.691 11.9 length determinant; longer
     *        needs fragmentation, not supported).
     * \return the UPER encoding.
     * \throws std::invalid_argument naming transactionId, selectedPlmn or nas.
     */
    static std::vector<uint8_t> EncodeRrcSetupComplete(uint8_t transactionId,
                                                       uint8_t selectedPlmn,
                                                       const std::vector<uint8_t>& nas);

    /**
     * \brief Encodes a DL-DCCH-Message carrying a UECapabilityEnquiry (TS 38.331 6.2.2,
     *        5.6.1) with a ue-CapabilityRAT-RequestList of one entry, rat-Type nr.
     * \param transactionId rrc-TransactionIdentifier, 0..3.
     * \return the UPER encoding.
     * \throws std::invalid_argument naming transactionId if it is above 3.
     */
    static std::vector<uint8_t> EncodeUeCapabilityEnquiry(uint8_t transactionId);

    /**
     * \brief Encodes a UL-DCCH-Message carrying a UECapabilityInformation (TS 38.331 6.2.2,
     *        5.6.1) with one ue-CapabilityRAT-Container, rat-Type nr, holding a minimal
     *        UE-NR-Capability (mandatory fields only; rf-Parameters supportedBandListNR lists
     *        the given bands).
     * \param transactionId rrc-TransactionIdentifier, 0..3 (that of the enquiry).
     * \param bandsNr FreqBandIndicatorNR values, 1..1024 each, 1..1024 entries (maxBands).
     * \return the UPER encoding.
     * \throws std::invalid_argument naming transactionId or bandsNr.
     */
    static std::vector<uint8_t> EncodeUeCapabilityInformation(uint8_t transactionId,
                                                              const std::vector<uint16_t>& bandsNr);

    /**
     * \brief Encodes a DL-DCCH-Message carrying an RRCReconfiguration (TS 38.331 6.2.2,
     *        5.3.5) with radioBearerConfig only (the SRBs and DRBs to add, see
     *        NrSecurityDrbConfig for the DRB-ToAddMod fields).
     * \param transactionId rrc-TransactionIdentifier, 0..3.
     * \param rbConfig the SRBs (e.g. {2}) and DRBs to add.
     * \return the UPER encoding.
     * \throws std::invalid_argument naming the field that is out of range.
     */
    static std::vector<uint8_t> EncodeRrcReconfiguration(
        uint8_t transactionId, const NrSecurityRadioBearerConfig& rbConfig);

    /**
     * \brief Encodes a UL-DCCH-Message carrying an RRCReconfigurationComplete (TS 38.331
     *        6.2.2) with no extensions: 10 bits, 2 bytes.
     * \param transactionId rrc-TransactionIdentifier, 0..3 (that of the RRCReconfiguration).
     * \return 2 bytes.
     * \throws std::invalid_argument naming transactionId if it is above 3.
     */
    static std::vector<uint8_t> EncodeRrcReconfigurationComplete(uint8_t transactionId);

    /**
     * \brief Encodes a DL-DCCH-Message carrying a DLInformationTransfer (TS 38.331 6.2.2,
     *        5.7.1) with dedicatedNAS-Message.
     * \param transactionId rrc-TransactionIdentifier, 0..3.
     * \param nas the NAS message, 1..16383 octets; empty omits dedicatedNAS-Message (it is
     *        OPTIONAL) and the decoder then reports nasPresent false.
     * \return the UPER encoding.
     * \throws std::invalid_argument naming transactionId or nas.
     */
    static std::vector<uint8_t> EncodeDlInformationTransfer(uint8_t transactionId,
                                                            const std::vector<uint8_t>& nas);

    /**
     * \brief Encodes a UL-DCCH-Message carrying a ULInformationTransfer (TS 38.331 6.2.2,
     *        5.7.2) with dedicatedNAS-Message (the message has no transaction identifier).
     * \param nas the NAS message, 1..16383 octets; empty omits dedicatedNAS-Message (it is
     *        OPTIONAL) and the decoder then reports nasPresent false.
     * \return the UPER encoding.
     * \throws std::invalid_argument naming nas if it is too long.
     */
    static std::vector<uint8_t> EncodeUlInformationTransfer(const std::vector<uint8_t>& nas);

    /**
     * \brief Encodes a DL-DCCH-Message carrying an RRCRelease (TS 38.331 6.2.2, 5.3.8) with
     *        every optional field absent (release to RRC_IDLE): 13 bits, 2 bytes.
     * \param transactionId rrc-TransactionIdentifier, 0..3.
     * \return 2 bytes.
     * \throws std::invalid_argument naming transactionId if it is above 3.
     */
    static std::vector<uint8_t> EncodeRrcRelease(uint8_t transactionId);

    /**
     * \brief Encodes a DL-DCCH-Message carrying an RRCReconfiguration (TS 38.331 6.2.2,
     *        5.3.5) with radioBearerConfig and, for a handover or key change, the
     *        RRCReconfiguration-v1530-IEs extension: masterCellGroup (a CellGroupConfig with
     *        cellGroupId 0 and spCellConfig { reconfigurationWithSync }, see
     *        NrSecurityReconfigurationWithSync; 5.3.5.5.2) and masterKeyUpdate (5.3.5.7).
     * \param transactionId rrc-TransactionIdentifier, 0..3.
     * \param rbConfig the SRBs and DRBs to add / modify (reestablishPDCP flags) and release.
     * \param sync the reconfigurationWithSync; nullptr: masterCellGroup absent.
     * \param mku the masterKeyUpdate; nullptr: absent. With both nullptr the encoding is that
     *        of EncodeRrcReconfiguration(transactionId, rbConfig) (no nonCriticalExtension).
     * \return the UPER encoding.
     * \throws std::invalid_argument naming the field that is out of range (targetPci,
     *         ssbArfcn, t304Ms, band, nextHopChainingCount and those of rbConfig).
     */
    static std::vector<uint8_t> EncodeRrcReconfiguration(
        uint8_t transactionId,
        const NrSecurityRadioBearerConfig& rbConfig,
        const NrSecurityReconfigurationWithSync* sync,
        const NrSecurityMasterKeyUpdate* mku);

    /**
     * \brief Encodes a UL-DCCH-Message carrying a MeasurementReport (TS 38.331 6.2.2, 5.5.5)
     *        with the given MeasResults (see NrSecurityMeasResults for the shape and the
     *        RSRP-Range mapping of TS 38.133 10.1.6.1).
     * \param results measId 1..64, the serving cell, 0..8 neighbours (PCI 0..1007 each).
     * \return the UPER encoding.
     * \throws std::invalid_argument naming measId, a PCI or neighbours if out of range.
     */
    static std::vector<uint8_t> EncodeMeasurementReport(const NrSecurityMeasResults& results);

    /**
     * \brief Encodes a UL-CCCH-Message carrying an RRCReestablishmentRequest (TS 38.331 6.2.2,
     *        5.3.7.4): ue-Identity { c-RNTI, physCellId, shortMAC-I }, reestablishmentCause,
     *        spare (0). Shape: 1 bit c1 choice, 2 bits c1 index (2), 16 bits c-RNTI, 10 bits
     *        physCellId, 16 bits shortMAC-I, 2 bits cause, 1 spare bit: 48 bits, 6 bytes.
     * \param cRnti the C-RNTI in the source cell.
     * \param pci the source PCI, 0..1007.
     * \param shortMacI shortMAC-I (NrSecurityShortMacI::ShortMacI).
     * \param cause ReestablishmentCause 0 reconfigurationFailure, 1 handoverFailure, 2
     *        otherFailure (3 is spare1).
     * \return 6 bytes.
     * \throws std::invalid_argument naming pci or cause if out of range.
     */
    static std::vector<uint8_t> EncodeRrcReestablishmentRequest(uint16_t cRnti,
                                                                uint16_t pci,
                                                                uint16_t shortMacI,
                                                                uint8_t cause);

    /**
     * \brief Encodes a DL-DCCH-Message carrying an RRCReestablishment (TS 38.331 6.2.2,
     *        5.3.7.5) with nextHopChainingCount and no extensions: 13 bits, 2 bytes.
     * \param transactionId rrc-TransactionIdentifier, 0..3.
     * \param ncc nextHopChainingCount, 0..7.
     * \return 2 bytes.
     * \throws std::invalid_argument naming transactionId or ncc.
     */
    static std::vector<uint8_t> EncodeRrcReestablishment(uint8_t transactionId, uint8_t ncc);

    /**
     * \brief Encodes a UL-DCCH-Message carrying an RRCReestablishmentComplete (TS 38.331
     *        6.2.2, 5.3.7.5) with no extensions: 10 bits, 2 bytes.
     * \param transactionId rrc-TransactionIdentifier, 0..3 (that of the RRCReestablishment).
     * \return 2 bytes.
     * \throws std::invalid_argument naming transactionId if it is above 3.
     */
    static std::vector<uint8_t> EncodeRrcReestablishmentComplete(uint8_t transactionId);

    /**
     * \brief Encodes a DL-DCCH-Message carrying an RRCRelease (TS 38.331 6.2.2, 5.3.8.3) with
     *        suspendConfig (release to RRC_INACTIVE, see NrSecuritySuspendConfig) and every
     *        other optional field absent.
     * \param transactionId rrc-TransactionIdentifier, 0..3.
     * \param suspend the suspendConfig.
     * \return the UPER encoding.
     * \throws std::invalid_argument naming transactionId, fullIRnti (40 bits), shortIRnti (24
     *         bits), ranPagingCycle or nextHopChainingCount if out of range.
     */
    static std::vector<uint8_t> EncodeRrcRelease(uint8_t transactionId,
                                                 const NrSecuritySuspendConfig& suspend);

    /**
     * \brief Encodes a DL-DCCH-Message carrying an RRCRelease (TS 38.331 6.2.2, 5.3.8.3) with
     *        redirectedCarrierInfo nr (CarrierInfoNR without smtc) and every other optional
     *        field absent: release to RRC_IDLE with redirection. Shape: 5 bits header, 2 bits
     *        transaction id, 1 bit criticalExtensions, 6 presence bits, 1 bit
     *        RedirectedCarrierInfo extension, 1 bit choice (nr), 1 bit CarrierInfoNR
     *        extension, 1 bit smtc presence, 22 bits carrierFreq, 3 bits SubcarrierSpacing:
     *        43 bits, 6 bytes.
     * \param transactionId rrc-TransactionIdentifier, 0..3.
     * \param redirect the carrier.
     * \return the encoded message.
     * \throws std::invalid_argument naming carrierFreq (above 3279165) or
     *         ssbSubcarrierSpacingKhz (not 15, 30, 60, 120, 240).
     */
    static std::vector<uint8_t> EncodeRrcRelease(uint8_t transactionId,
                                                 const NrSecurityRedirectedCarrierInfo& redirect);

    /**
     * \brief Encodes a UL-CCCH-Message carrying an RRCResumeRequest (TS 38.331 6.2.2,
     *        5.3.13.3): resumeIdentity (shortI-RNTI), resumeMAC-I, resumeCause, spare (0).
     *        Shape: 1 bit c1 choice, 2 bits c1 index (1), 24 bits shortI-RNTI, 16 bits
     *        resumeMAC-I, 4 bits resumeCause, 1 spare bit: 48 bits, 6 bytes.
     * \param shortIRnti the 24-bit ShortI-RNTI-Value.
     * \param resumeMacI resumeMAC-I (NrSecurityShortMacI::ResumeMacI).
     * \param cause ResumeCause 0..10 (emergency, highPriorityAccess, mt-Access, mo-Signalling,
     *        mo-Data, mo-VoiceCall, mo-VideoCall, mo-SMS, rna-Update, mps-PriorityAccess,
     *        mcs-PriorityAccess); 11..15 (mt-SDT-v1810, srs-PosConfigOrActivationReq-v1800,
     *        spare3..spare1) are refused.
     * \return 6 bytes.
     * \throws std::invalid_argument naming shortIRnti or cause if out of range.
     */
    static std::vector<uint8_t> EncodeRrcResumeRequest(uint32_t shortIRnti,
                                                       uint16_t resumeMacI,
                                                       uint8_t cause);

    /**
     * \brief Encodes a DL-DCCH-Message carrying an RRCResume (TS 38.331 6.2.2, 5.3.13.4) with
     *        radioBearerConfig (if given) and every other optional field absent.
     * \param transactionId rrc-TransactionIdentifier, 0..3.
     * \param rbConfig the radioBearerConfig; nullptr: absent.
     * \return the UPER encoding.
     * \throws std::invalid_argument naming the field that is out of range.
     */
    static std::vector<uint8_t> EncodeRrcResume(uint8_t transactionId,
                                                const NrSecurityRadioBearerConfig* rbConfig);

    /**
     * \brief Encodes a UL-DCCH-Message carrying an RRCResumeComplete (TS 38.331 6.2.2,
     *        5.3.13.4) with every optional field absent: 13 bits, 2 bytes.
     * \param transactionId rrc-TransactionIdentifier, 0..3 (that of the RRCResume).
     * \return 2 bytes.
     * \throws std::invalid_argument naming transactionId if it is above 3.
     */
    static std::vector<uint8_t> EncodeRrcResumeComplete(uint8_t transactionId);

    /**
     * \brief Decodes a DL-CCCH-Message (TS 38.331 6.2.1): rrcReject or rrcSetup as the
     *        encoders above produce them.
     * \param data the encoded message; may be nullptr when bytes is 0.
     * \param bytes its size in bytes; must be exactly the size of the encoding.
     * \return ok with type RRC_REJECT (waitTimePresent, waitTimeSeconds) or RRC_SETUP
     *         (transactionId, radioBearerConfigPresent true, radioBearerConfig); or ok =
     *         false with the reason naming the field (truncated, trailing bytes, non-zero
     *         padding, spare c1 values, criticalExtensionsFuture, extensions, fields we do
     *         not model, a masterCellGroup that is not our CellGroupConfig). Never throws.
     */
    static NrSecurityRrcDecoded DecodeDlCcch(const uint8_t* data, size_t bytes);

    /**
     * \brief Decodes a UL-CCCH-Message (TS 38.331 6.2.1): rrcSetupRequest,
     *        rrcReestablishmentRequest and rrcResumeRequest.
     * \param data the encoded message; may be nullptr when bytes is 0.
     * \param bytes its size in bytes; must be 6.
     * \return ok with type RRC_SETUP_REQUEST (ueIdentityIsTmsiPart1, ueIdentity,
     *         establishmentCause), RRC_REESTABLISHMENT_REQUEST (cRnti, physCellId, shortMacI,
     *         reestablishmentCause) or RRC_RESUME_REQUEST (resumeIdentity, resumeMacI,
     *         resumeCause); or ok = false with the reason (e.g. "rrcSystemInfoRequest is not
     *         supported", a spare cause, a PCI above 1007, a non-zero spare bit). Never
     *         throws.
     */
    static NrSecurityRrcDecoded DecodeUlCcch(const uint8_t* data, size_t bytes);

    /**
     * \brief Encodes a decoded message again with the encoder of its type (the decoders are
     *        strict, so an accepted input re-encodes to exactly its bytes).
     * \param decoded a result with ok true (the fields of its type are used).
     * \return the encoding.
     * \throws std::invalid_argument if decoded.ok is false or a field is out of range.
     */
    static std::vector<uint8_t> Reencode(const NrSecurityRrcDecoded& decoded);

    /**
     * \brief The TS 38.331 ASN.1 name of a message type.
     * \param type the type.
     * \return the c1 alternative name of TS 38.331 6.2.1 ("securityModeCommand",
     *         "securityModeComplete", "securityModeFailure", "rrcSetupRequest", "rrcSetup",
     *         "rrcReject", "rrcSetupComplete", "ueCapabilityEnquiry",
     *         "ueCapabilityInformation", "rrcReconfiguration", "rrcReconfigurationComplete",
     *         "dlInformationTransfer", "ulInformationTransfer", "rrcRelease",
     *         "measurementReport", "rrcReestablishmentRequest", "rrcReestablishment",
     *         "rrcReestablishmentComplete", "rrcResumeRequest", "rrcResume",
     *         "rrcResumeComplete"), or "unknown" for a value outside the enumeration.
     */
    static std::string Name(NrSecurityRrcDecoded::Type type);
};

} // namespace ns3

#endif // NR_SECURITY_RRC_MESSAGE_H
