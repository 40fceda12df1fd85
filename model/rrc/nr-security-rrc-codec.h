// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_RRC_CODEC_H
#define NR_SECURITY_RRC_CODEC_H

#include "nr-security-asn1.h"
#include "nr-security-rrc-bearer-config.h"
#include "nr-security-rrc-message.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The building blocks shared by the RRC message codec files (nr-security-rrc-*codec*.cc,
 *        nr-security-rrc-bearer-config.cc): the strict decoding state and the X.691 UNALIGNED
 *        encodings that recur in TS 38.331 (length determinants, OCTET STRING, the common
 *        message header). Not a public API: NrSecurityRrcMessage is.
 */
namespace nrsecurityrrc
{

/// DL-DCCH-MessageType c1 alternatives in TS 38.331 6.2.1 order (index = 4-bit value).
extern const char* const kDlDcchC1Names[16];
/// UL-DCCH-MessageType c1 alternatives in TS 38.331 6.2.1 order (index = 4-bit value).
extern const char* const kUlDcchC1Names[16];

/// The largest OCTET STRING we encode: 16383 octets, the 2-octet length form of X.691 11.9.3.7
/// (larger needs fragmentation, X.691 11.9.3.8, which we do not support).
constexpr size_t MAX_OCTET_STRING = 16383;

/**
 * \brief Strict UPER decoding state: a bit reader that turns a short read into a "truncated"
 *        error naming the field, and the first refusal found, in an NrSecurityRrcDecoded.
 *
 * Every method returns false once something was refused (the error is then set); the
 * callers stop at the first false. Never throws, no undefined behaviour on any input.
 */
class Decoder
{
  public:
    /**
     * \param pdu the ASN.1 type being decoded, the prefix of every error (e.g.
     *        "DL-DCCH-Message", or "masterCellGroup CellGroupConfig" for a contained value).
     * \param data the encoding (not owned; must outlive the decoder); may be nullptr if bytes
     *        is 0.
     * \param bytes its size in bytes.
     */
    Decoder(const std::string& pdu, const uint8_t* data, size_t bytes);

    /**
     * \brief Reads a bit-field of lengthBits (0..32) bits.
     * \param lengthBits the width.
     * \param field what is read, for the "truncated" error.
     * \param value receives the value.
     * \return false (error set) if the input ends first.
     */
    bool Read(uint32_t lengthBits, const std::string& field, uint32_t& value);

    /**
     * \brief Reads one bit that must be 0 (an extension bit, a presence bit of a component we
     *        do not model, a choice bit of an alternative we do not support).
     * \param field the bit, for the "truncated" error.
     * \param whyRefused the refusal when the bit is 1 (e.g. "SDAP-Config extension
     *        additions are not supported").
     * \return false if truncated or the bit is 1.
     */
    bool ReadZero(const std::string& field, const std::string& whyRefused);

    /**
     * \brief Reads presence bits of OPTIONAL components (X.691 19.2), most significant = first
     *        component, refusing each set bit whose component we do not model.
     * \param names the components in textual order.
     * \param allowed one flag per component: true if it may be present.
     * \param context the SEQUENCE, for errors ("<context>: <name> is present: not supported").
     * \param present receives one flag per component.
     * \return false if truncated or a component we do not model is present.
     */
    bool Presence(const std::vector<const char*>& names,
                  const std::vector<bool>& allowed,
                  const std::string& context,
                  std::vector<bool>& present);

    /**
     * \brief Reads a constrained whole number lb..ub (ub - lb < 2^32), X.691 11.5.7.
     * \param lb the lower bound.
     * \param ub the upper bound.
     * \param field the field, for errors.
     * \param value receives the value (lb..ub).
     * \return false if truncated or the offset encodes a value above ub.
     */
    bool ReadConstrained(uint32_t lb, uint32_t ub, const std::string& field, uint32_t& value);

    /**
     * \brief Reads an OCTET STRING without size constraint: an X.691 11.9.3.6-7 length
     *        determinant (1 octet 0xxxxxxx for 0..127, 2 octets 10xxxxxx xxxxxxxx for
     *        128..16383) and the octets, with no alignment (UNALIGNED).
     * \param field the field, for errors.
     * \param octets receives the octets.
     * \return false if truncated, fragmented (11xxxxxx: not supported) or a 2-octet length
     *         below 128 (not the canonical form).
     */
    bool ReadOctetString(const std::string& field, std::vector<uint8_t>& octets);

    /**
     * \brief Records a refusal.
     * \param why the reason; the error becomes "<pdu>: <why>".
     * \return false.
     */
    bool Fail(const std::string& why);

    /**
     * \brief Refuses empty or null input (a complete encoding is at least one octet).
     * \param data the input pointer.
     * \param bytes its size.
     * \return false if refused.
     */
    bool CheckNotEmpty(const uint8_t* data, size_t bytes);

    /**
     * \brief The end of a complete encoding: the rest must be the zero padding of the last
     *        octet only (X.691 11.1; strict, no trailing octets). Sets ok on success.
     * \return false if refused.
     */
    bool Finish();

    /**
     * \brief The c1 header of a TS 38.331 6.2.1 message: 1 bit MessageType choice (must be c1),
     *        then the c1 index.
     * \param c1Bits the width of the c1 index (2 for DL/UL-CCCH, 4 for DCCH).
     * \param c1 receives the index.
     * \return false if truncated or messageClassExtension.
     */
    bool Header(uint32_t c1Bits, uint32_t& c1);

    /**
     * \brief After the c1 index: rrc-TransactionIdentifier (if withTransactionId), the
     *        criticalExtensions choice (must be the message's -IEs) and the presence bits of
     *        the -IEs whose last two are lateNonCriticalExtension and nonCriticalExtension
     *        (both refused).
     * \param message the ASN.1 name, for errors.
     * \param withTransactionId whether the message has rrc-TransactionIdentifier.
     * \param names the OPTIONAL components of the -IEs in textual order, the last two being
     *        "lateNonCriticalExtension" and the nonCriticalExtension (or its equivalent).
     * \param allowed one flag per component: true if it may be present.
     * \param present receives one flag per component.
     * \return false if refused.
     */
    bool Body(const std::string& message,
              bool withTransactionId,
              const std::vector<const char*>& names,
              const std::vector<bool>& allowed,
              std::vector<bool>& present);

    /**
     * \brief The decoded values so far.
     * \return the result (ok only after Finish()).
     */
    NrSecurityRrcDecoded& Result();

  private:
    std::string m_pdu;               ///< the prefix of every error
    NrSecurityUperReader m_reader;   ///< the bits
    size_t m_bytes;                  ///< the input size in bytes
    NrSecurityRrcDecoded m_result{}; ///< what has been decoded so far
};

/**
 * \brief Checks an rrc-TransactionIdentifier, INTEGER (0..3) (TS 38.331 6.3.2).
 * \param transactionId the value.
 * \throws std::invalid_argument naming transactionId if it is above 3.
 */
void CheckTransactionId(uint8_t transactionId);

/**
 * \brief Starts a DCCH message (TS 38.331 6.2.1, 6.2.2): 1 bit MessageType choice (c1), the
 *        4-bit c1 index, rrc-TransactionIdentifier (if the message has one) and the
 *        criticalExtensions choice bit (0: the message's -IEs).
 * \param c1 the c1 index, 0..15.
 * \param withTransactionId whether the message has rrc-TransactionIdentifier.
 * \param transactionId rrc-TransactionIdentifier, 0..3 (ignored without).
 * \return the writer, positioned at the -IEs presence bits.
 * \throws std::invalid_argument naming transactionId if it is above 3.
 */
NrSecurityUperWriter StartDcchMessage(uint32_t c1, bool withTransactionId, uint8_t transactionId);

/**
 * \brief Appends an OCTET STRING without size constraint (X.691 11.9.3.6-7 length
 *        determinant, then the octets, UNALIGNED).
 * \param w the writer.
 * \param octets the value, at most MAX_OCTET_STRING octets.
 * \param field the parameter name for the exception.
 * \throws std::invalid_argument naming field if it is longer than MAX_OCTET_STRING.
 */
void AppendOctetString(NrSecurityUperWriter& w,
                       const std::vector<uint8_t>& octets,
                       const std::string& field);

/**
 * \brief Appends a RadioBearerConfig (TS 38.331 6.3.2) with the SRBs and DRBs to add or
 *        modify (reestablishPDCP) and the DRBs to release.
 * \param w the writer.
 * \param rb the configuration (see NrSecurityRadioBearerConfig, NrSecurityDrbConfig).
 * \throws std::invalid_argument naming the field out of range (srbsToAdd size 0..2, SRB
 *         identity 1..3, drbsToAdd size 0..29, drbId 1..32, pduSessionId, qfis size 0..64,
 *         QFI 0..63, snLengthBits 12 or 18, drbToRelease size 0..29, its identities 1..32).
 */
void AppendRadioBearerConfig(NrSecurityUperWriter& w, const NrSecurityRadioBearerConfig& rb);

/**
 * \brief Reads a RadioBearerConfig as AppendRadioBearerConfig writes it; refuses every
 *        other shape with a reason naming the field.
 * \param d the decoder.
 * \param rb receives the configuration.
 * \return false if refused.
 */
bool ReadRadioBearerConfig(Decoder& d, NrSecurityRadioBearerConfig& rb);

/**
 * \brief Reads RRCRelease redirectedCarrierInfo (nr-security-rrc-dcch-codec.cc): the nr
 *        alternative, CarrierInfoNR without smtc (eutra, smtc, extensions and the
 *        SubcarrierSpacing values above kHz240 are refused).
 * \param d the decoder
 * \param redirect receives carrierFreq and ssbSubcarrierSpacing
 * \return false if refused
 */
bool ReadRedirectedCarrierInfo(Decoder& d, NrSecurityRedirectedCarrierInfo& redirect);

/**
 * \brief The complete encoding of the minimal CellGroupConfig (TS 38.331 6.3.2) of an
 *        RRCSetup masterCellGroup: cellGroupId 0 and rlc-BearerToAddModList with one
 *        RLC-BearerConfig per SRB (logicalChannelIdentity = SRB identity, servedRadioBearer
 *        srb-Identity; rlc-Config and mac-LogicalChannelConfig absent: the SRB defaults of
 *        TS 38.331 9.2.1 apply); no list when srbs is empty.
 * \param srbs the SRB identities (1..3, at most 2, checked by AppendRadioBearerConfig).
 * \return the octets (padding bits zero).
 */
std::vector<uint8_t> EncodeMinimalCellGroupConfig(const std::vector<uint8_t>& srbs);

/**
 * \brief Checks a masterCellGroup's contents: exactly EncodeMinimalCellGroupConfig(srbs),
 *        with a reason naming the first field that differs.
 * \param d the decoder of the enclosing message (refusals go there).
 * \param octets the OCTET STRING contents.
 * \param srbs the SRBs of the radioBearerConfig.
 * \return false if refused.
 */
bool CheckMinimalCellGroupConfig(Decoder& d,
                                 const std::vector<uint8_t>& octets,
                                 const std::vector<uint8_t>& srbs);

/**
 * \brief The complete encoding of the minimal UE-NR-Capability (TS 38.331 6.3.3) of
 *        EncodeUeCapabilityInformation: accessStratumRelease rel15, pdcp-Parameters with no
 *        ROHC profile and maxNumberROHC-ContextSessions cs2, phy-Parameters empty,
 *        rf-Parameters with supportedBandListNR (BandNR with bandNR only), every OPTIONAL
 *        component absent.
 * \param bands the FreqBandIndicatorNR values (1..1024, 1..1024 of them).
 * \return the octets.
 * \throws std::invalid_argument naming bandsNr if the list or a band is out of range.
 */
std::vector<uint8_t> EncodeMinimalUeNrCapability(const std::vector<uint16_t>& bands);

/**
 * \brief Reads a UE-NR-Capability as EncodeMinimalUeNrCapability writes it.
 * \param d the decoder of the enclosing message (refusals go there).
 * \param octets the ue-CapabilityRAT-Container contents.
 * \param bands receives supportedBandListNR.
 * \return false if refused.
 */
bool ReadMinimalUeNrCapability(Decoder& d,
                               const std::vector<uint8_t>& octets,
                               std::vector<uint16_t>& bands);

/**
 * \brief Decodes a UECapabilityEnquiry after its c1 index as EncodeUeCapabilityEnquiry
 *        writes it, up to and including Finish().
 * \param d the decoder, positioned after the c1 index.
 * \return false if refused.
 */
bool DecodeUeCapabilityEnquiryBody(Decoder& d);

/**
 * \brief Decodes a UECapabilityInformation after its c1 index as
 *        EncodeUeCapabilityInformation writes it, up to and including Finish().
 * \param d the decoder, positioned after the c1 index.
 * \return false if refused.
 */
bool DecodeUeCapabilityInformationBody(Decoder& d);

/**
 * \brief Decodes an RRCReconfiguration after its c1 index as
 *        NrSecurityRrcMessage::EncodeRrcReconfiguration writes it (with or without the
 *        v1530 masterCellGroup / masterKeyUpdate), up to and including Finish().
 * \param d the decoder, positioned after the c1 index.
 * \return false if refused.
 */
bool DecodeRrcReconfigurationBody(Decoder& d);

/**
 * \brief Decodes an RRCRelease after its c1 index (every optional field absent, or
 *        suspendConfig only), up to and including Finish().
 * \param d the decoder, positioned after the c1 index.
 * \return false if refused.
 */
bool DecodeRrcReleaseBody(Decoder& d);

/**
 * \brief Decodes an RRCResume after its c1 index as EncodeRrcResume writes it, up to and
 *        including Finish().
 * \param d the decoder, positioned after the c1 index.
 * \return false if refused.
 */
bool DecodeRrcResumeBody(Decoder& d);

/**
 * \brief Decodes an RRCReestablishment after its c1 index as EncodeRrcReestablishment
 *        writes it, up to and including Finish().
 * \param d the decoder, positioned after the c1 index.
 * \return false if refused.
 */
bool DecodeRrcReestablishmentBody(Decoder& d);

/**
 * \brief Decodes a MeasurementReport after its c1 index as EncodeMeasurementReport writes
 *        it, up to and including Finish().
 * \param d the decoder, positioned after the c1 index.
 * \return false if refused.
 */
bool DecodeMeasurementReportBody(Decoder& d);

/**
 * \brief Decodes an RRCReestablishmentRequest (rrcReestablishment true) or RRCResumeRequest
 *        after the UL-CCCH c1 index, up to and including Finish().
 * \param d the decoder, positioned after the c1 index.
 * \param reestablishment true for rrcReestablishmentRequest (c1 2), false for
 *        rrcResumeRequest (c1 1).
 * \return false if refused.
 */
bool DecodeUlCcchRequestBody(Decoder& d, bool reestablishment);

/**
 * \brief Decodes the DL-DCCH messages other than securityModeCommand after their c1 index
 *        (rrcReconfiguration 0, rrcResume 1, rrcRelease 2, rrcReestablishment 3,
 *        dlInformationTransfer 5, ueCapabilityEnquiry 6).
 * \param d the decoder, positioned after the c1 index.
 * \param c1 the index.
 * \return false if refused; true once Finish() accepted the message. c1 must be one of
 *         the six (anything else is refused as not supported).
 */
bool DecodeDlDcchBody(Decoder& d, uint32_t c1);

/**
 * \brief Decodes the UL-DCCH messages other than securityModeComplete / -Failure after their
 *        c1 index (measurementReport 0, rrcReconfigurationComplete 1, rrcSetupComplete 2,
 *        rrcReestablishmentComplete 3, rrcResumeComplete 4, ulInformationTransfer 7,
 *        ueCapabilityInformation 9).
 * \param d the decoder, positioned after the c1 index.
 * \param c1 the index.
 * \return false if refused; true once Finish() accepted the message.
 */
bool DecodeUlDcchBody(Decoder& d, uint32_t c1);

} // namespace nrsecurityrrc
} // namespace ns3

#endif // NR_SECURITY_RRC_CODEC_H
