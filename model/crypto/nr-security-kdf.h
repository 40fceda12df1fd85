// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_KDF_H
#define NR_SECURITY_KDF_H

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/// A 256-bit key (K_AMF, K_SEAF, K_gNB, NH, K_gNB*): 32 bytes, big-endian bit order.
using NrSecurityKey256 = std::array<uint8_t, 32>;
/// A 128-bit algorithm key (K_RRCenc, K_RRCint, K_UPenc, K_UPint): 16 bytes.
using NrSecurityKey128 = std::array<uint8_t, 16>;

/**
 * \ingroup nr-security
 * \brief Algorithm type distinguishers of TS 33.501 Annex A.8 (Table A.8-1).
 *
 * The value is P0 of the AS/NAS key derivation (FC = 0x69).
 */
enum class NrSecurityAlgorithmType : uint8_t
{
    N_NAS_ENC = 0x01, ///< N-NAS-enc-alg (K_NASenc)
    N_NAS_INT = 0x02, ///< N-NAS-int-alg (K_NASint)
    N_RRC_ENC = 0x03, ///< N-RRC-enc-alg (K_RRCenc)
    N_RRC_INT = 0x04, ///< N-RRC-int-alg (K_RRCint)
    N_UP_ENC = 0x05,  ///< N-UP-enc-alg (K_UPenc)
    N_UP_INT = 0x06,  ///< N-UP-int-alg (K_UPint)
};

/**
 * \ingroup nr-security
 * \brief Access type distinguisher of TS 33.501 Annex A.9 (Table A.9-1), P1 of K_gNB.
 */
enum class NrSecurityAccessType : uint8_t
{
    THREE_GPP = 0x01,     ///< 3GPP access (K_gNB)
    NON_THREE_GPP = 0x02, ///< non-3GPP access (K_N3IWF)
};

/**
 * \ingroup nr-security
 * \brief The four AS keys derived from K_gNB for one pair of algorithms (TS 33.501 A.8).
 */
struct NrSecurityAsKeys
{
    NrSecurityKey128 kRrcEnc{}; ///< K_RRCenc (N-RRC-enc-alg, ciphering algorithm identity)
    NrSecurityKey128 kRrcInt{}; ///< K_RRCint (N-RRC-int-alg, integrity algorithm identity)
    NrSecurityKey128 kUpEnc{};  ///< K_UPenc (N-UP-enc-alg, ciphering algorithm identity)
    NrSecurityKey128 kUpInt{};  ///< K_UPint (N-UP-int-alg, integrity algorithm identity)
};

/**
 * \ingroup nr-security
 * \brief The 3GPP key derivation function and the 5G key hierarchy below K_SEAF.
 *
 * Pure C++ on OpenSSL 3 (EVP_MAC "HMAC" with SHA-256); no ns-3 types. All functions are
 * stateless and thread-safe. Byte strings are big-endian: byte 0 holds the most significant
 * bits. Errors are reported by throwing std::invalid_argument (bad parameter; the message
 * names it) or std::runtime_error (OpenSSL failure).
 */
class NrSecurityKdf
{
  public:
    /**
     * \brief HMAC-SHA-256 (RFC 2104, FIPS 180-4), the primitive of the 3GPP KDF.
     * \param key the HMAC key, any length in bytes (may be empty).
     * \param data the message, any length in bytes.
     * \return the 32-byte MAC.
     * \throws std::runtime_error if OpenSSL fails.
     */
    static std::array<uint8_t, 32> HmacSha256(const std::vector<uint8_t>& key,
                                              const std::vector<uint8_t>& data);

    /**
     * \brief Builds the KDF input string S = FC || P0 || L0 || P1 || L1 || ... (TS 33.220 B.2.2).
     * \param fc the function code (one byte).
     * \param params P0, P1, ... as byte strings; each Li is the length of Pi in bytes, two
     *        bytes big-endian.
     * \return S as bytes.
     * \throws std::invalid_argument if a parameter is longer than 65535 bytes.
     */
    static std::vector<uint8_t> BuildS(uint8_t fc, const std::vector<std::vector<uint8_t>>& params);

    /**
     * \brief The generic KDF of TS 33.220 Annex B.2: HMAC-SHA-256(Key, S).
     * \param key the input key in bytes (32 bytes for every 5G derivation; any length accepted).
     * \param fc the function code.
     * \param params P0, P1, ... (see BuildS()).
     * \return the full 256-bit output (32 bytes).
     * \throws std::invalid_argument, std::runtime_error as BuildS() and HmacSha256().
     */
    static NrSecurityKey256 Kdf(const std::vector<uint8_t>& key,
                                uint8_t fc,
                                const std::vector<std::vector<uint8_t>>& params);

    /**
     * \brief K_AMF from K_SEAF (TS 33.501 A.7): FC 0x6D, P0 = SUPI, P1 = ABBA.
     * \param kSeaf K_SEAF, 32 bytes.
     * \param supi the SUPI as the byte string of A.7.0 (for an IMSI: its digits as ASCII).
     * \param abba the ABBA parameter (2 bytes, 0x0000 in Release 15).
     * \return K_AMF, 32 bytes.
     */
    static NrSecurityKey256 DeriveKamf(const NrSecurityKey256& kSeaf,
                                       const std::string& supi,
                                       const std::vector<uint8_t>& abba);

    /**
     * \brief K_gNB from K_AMF (TS 33.501 A.9): FC 0x6E, P0 = uplink NAS COUNT (4 bytes),
     *        P1 = access type distinguisher (1 byte).
     * \param kAmf K_AMF, 32 bytes.
     * \param ulNasCount the 32-bit uplink NAS COUNT of the NAS message that triggered the
     *        AS security context (0 only right after a fresh registration).
     * \param access the access type distinguisher (3GPP for a gNB).
     * \return K_gNB, 32 bytes.
     */
    static NrSecurityKey256 DeriveKgnb(const NrSecurityKey256& kAmf,
                                       uint32_t ulNasCount,
                                       NrSecurityAccessType access
                                       = NrSecurityAccessType::THREE_GPP);

    /**
     * \brief An algorithm key (TS 33.501 A.8): FC 0x69, P0 = algorithm type distinguisher,
     *        P1 = algorithm identity; the key is the 128 least significant bits (the last 16
     *        bytes) of the 256-bit output.
     * \param key K_gNB for the AS keys (K_AMF for the NAS keys), 32 bytes.
     * \param type the algorithm type distinguisher.
     * \param algorithmId the 4-bit algorithm identity (0..15; NEA2 and NIA2 are both 2).
     * \return the 16-byte key.
     * \throws std::invalid_argument if algorithmId > 15 ("algorithmId") or type is not one of
     *         the distinguishers 0x01..0x06 of Table A.8-1 ("type").
     */
    static NrSecurityKey128 DeriveAlgorithmKey(const NrSecurityKey256& key,
                                               NrSecurityAlgorithmType type,
                                               uint8_t algorithmId);

    /**
     * \brief All four AS keys (TS 33.501 A.8) for a ciphering and an integrity algorithm.
     * \param kGnb K_gNB, 32 bytes.
     * \param neaId the ciphering algorithm identity (0..15).
     * \param niaId the integrity algorithm identity (0..15).
     * \return K_RRCenc, K_RRCint, K_UPenc, K_UPint.
     * \throws std::invalid_argument if an identity is above 15.
     */
    static NrSecurityAsKeys DeriveAsKeys(const NrSecurityKey256& kGnb,
                                         uint8_t neaId,
                                         uint8_t niaId);

    /**
     * \brief NH (TS 33.501 A.10): FC 0x6F, key K_AMF, P0 = SYNC-input (32 bytes): the fresh
     *        K_gNB for the first NH, the previous NH afterwards.
     * \param kAmf K_AMF, 32 bytes.
     * \param syncInput the SYNC-input, 32 bytes.
     * \return NH, 32 bytes.
     */
    static NrSecurityKey256 DeriveNh(const NrSecurityKey256& kAmf,
                                     const NrSecurityKey256& syncInput);

    /**
     * \brief K_gNB* for handover (TS 33.501 A.11): FC 0x70, P0 = PCI (2 bytes),
     *        P1 = ARFCN-DL (3 bytes).
     * \param key K_gNB (horizontal derivation) or NH (vertical derivation), 32 bytes.
     * \param pci the target physical cell identity (0..1007).
     * \param arfcnDl the target NR-ARFCN of the downlink (0..3279165).
     * \return K_gNB*, 32 bytes.
     * \throws std::invalid_argument if pci > 1007 or arfcnDl > 3279165 (TS 38.104 5.4.2.1).
     */
    static NrSecurityKey256 DeriveKgnbStar(const NrSecurityKey256& key,
                                           uint16_t pci,
                                           uint32_t arfcnDl);
};

} // namespace ns3

#endif // NR_SECURITY_KDF_H
