// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Explain mode: the inputs and named intermediates of every key derivation (TS 33.220 B.2,
 * TS 33.501 Annex A) and of the NEA/NIA algorithms (TS 33.501 Annex D, TS 33.401 Annex B),
 * as the specifications name them, for teaching.
 */
#ifndef NR_SECURITY_EXPLAIN_H
#define NR_SECURITY_EXPLAIN_H

#include "nr-security-algorithms.h"
#include "nr-security-kdf.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief One named value of an explanation: a spec term and its bytes.
 */
struct NrSecurityExplainItem
{
    std::string name; ///< the term as the spec names it: "FC", "P0", "S", "T1", "MAC-I", ...
    std::string hex;  ///< the value as lowercase hex, first byte first (integers big-endian)
    std::string note; ///< what it is, in words (may be empty)
};

/**
 * \ingroup nr-security
 * \brief The explanation of one derivation or one algorithm run: a title and its items in
 *        the order the computation produces them; the last item is the result.
 */
struct NrSecurityExplanation
{
    std::string title;                        ///< e.g. "K_gNB (TS 33.501 A.9): KDF ..."
    std::vector<NrSecurityExplainItem> items; ///< inputs, intermediates, result

    /**
     * \brief Looks an item up by name.
     * \param name the item name
     * \return the first item with that name, or nullptr
     */
    const NrSecurityExplainItem* Find(const std::string& name) const;

    /**
     * \brief The stable text form (the calculator's --explain output): the line
     *        "# TITLE", then one line per item, "NAME = HEX", followed by "  # NOTE" when the
     *        item has a note. A name never contains " = " and a hex value never contains a
     *        space, so a reader splits a line at the first " = " and the value at the first
     *        space.
     * \return the lines, each ending in '\\n'
     */
    std::string Format() const;
};

/**
 * \ingroup nr-security
 * \brief Explain mode: each function computes what NrSecurityKdf / NrSecurityAlgorithms
 *        compute and returns every input and intermediate under its spec name.
 *
 * The result item is always the value the library itself returns (the KDF functions and
 * NrSecurityAlgorithms::Nea/Nia are called); the intermediates (S, the counter block T1, the
 * CMAC subkeys, the SNOW 3G and ZUC IVs, the keystream) are computed here from the spec text
 * and checked against that result: a mismatch throws std::logic_error (a bug, never a user
 * error). Input errors throw std::invalid_argument with the library's messages. Pure C++ on
 * OpenSSL 3, no ns-3 types; thread-safe.
 *
 * Item names: KDF (TS 33.220 B.2.2): "KEY", "FC", "P0", "L0", "P1", "L1", ..., "S",
 * "HMAC-SHA-256(KEY, S)", then the derived key ("K_gNB", "K_RRCint", ...), whose note says
 * which bytes of the output are kept. NEA (TS 33.501 D.2.1.1): "KEY", "COUNT", "BEARER",
 * "DIRECTION", "LENGTH", the algorithm's initialisation ("k0".."k3" and "IV0".."IV3" for
 * NEA1; "T1" for NEA2; "IV" for NEA3), "KEYSTREAM" (its first bytes), "IBS", "OBS". NIA
 * (TS 33.501 D.3.1.1): "KEY", "COUNT", "BEARER", "DIRECTION", "LENGTH", "MESSAGE", then for
 * NIA1 "k0".."k3", "IV0".."IV3", "z1".."z5", "P", "Q", "EVAL"; for NIA2 "M", "L", "K1", "K2",
 * "T"; for NIA3 "IV", "KEYSTREAM", "T"; last "MAC-I". COUNT, BEARER, DIRECTION and LENGTH are hex
 * integers (8, 2, 2 and 8 digits), their decimal value in the note.
 */
class NrSecurityExplain
{
  public:
    /// The most keystream bytes an explanation shows ("KEYSTREAM" item).
    static constexpr uint32_t MAX_KEYSTREAM_BYTES = 32;

    /**
     * \brief The generic KDF of TS 33.220 B.2 with no named result.
     * \param key the KDF key, any length in bytes.
     * \param fc the function code.
     * \param params P0, P1, ... (each at most 65535 bytes).
     * \return KEY, FC, P0, L0, ..., S, HMAC-SHA-256(KEY, S).
     * \throws std::invalid_argument as NrSecurityKdf::BuildS().
     */
    static NrSecurityExplanation Kdf(const std::vector<uint8_t>& key,
                                     uint8_t fc,
                                     const std::vector<std::vector<uint8_t>>& params);

    /**
     * \brief K_AMF from K_SEAF (TS 33.501 A.7): FC 0x6D, P0 = SUPI, P1 = ABBA.
     * \param kSeaf K_SEAF, 32 bytes.
     * \param supi the SUPI byte string (an IMSI's digits as ASCII).
     * \param abba the ABBA parameter.
     * \return the explanation; last item "K_AMF" (all 32 bytes).
     */
    static NrSecurityExplanation Kamf(const NrSecurityKey256& kSeaf,
                                      const std::string& supi,
                                      const std::vector<uint8_t>& abba);

    /**
     * \brief K_gNB from K_AMF (TS 33.501 A.9): FC 0x6E, P0 = uplink NAS COUNT (4 bytes),
     *        P1 = access type distinguisher (1 byte); all 32 bytes of the output are kept.
     * \param kAmf K_AMF, 32 bytes.
     * \param ulNasCount the uplink NAS COUNT.
     * \param access the access type distinguisher.
     * \return the explanation; last item "K_gNB" ("K_N3IWF" for non-3GPP access).
     */
    static NrSecurityExplanation Kgnb(const NrSecurityKey256& kAmf,
                                      uint32_t ulNasCount,
                                      NrSecurityAccessType access
                                      = NrSecurityAccessType::THREE_GPP);

    /**
     * \brief An algorithm key (TS 33.501 A.8): FC 0x69, P0 = algorithm type distinguisher,
     *        P1 = algorithm identity; bytes 16..31 of the output (its 128 least significant
     *        bits) are kept.
     * \param key K_gNB (AS keys) or K_AMF (NAS keys), 32 bytes.
     * \param type the algorithm type distinguisher (Table A.8-1).
     * \param algorithmId the algorithm identity, 0..15.
     * \return the explanation; last item "K_RRCenc", "K_RRCint", "K_UPenc", "K_UPint",
     *         "K_NASenc" or "K_NASint".
     * \throws std::invalid_argument as NrSecurityKdf::DeriveAlgorithmKey().
     */
    static NrSecurityExplanation AlgorithmKey(const NrSecurityKey256& key,
                                              NrSecurityAlgorithmType type,
                                              uint8_t algorithmId);

    /**
     * \brief NH (TS 33.501 A.10): FC 0x6F, key K_AMF, P0 = SYNC-input (32 bytes); all 32
     *        bytes kept.
     * \param kAmf K_AMF, 32 bytes.
     * \param syncInput the SYNC-input: K_gNB for NH_1, else the previous NH.
     * \return the explanation; last item "NH".
     */
    static NrSecurityExplanation Nh(const NrSecurityKey256& kAmf,
                                    const NrSecurityKey256& syncInput);

    /**
     * \brief K_gNB* (TS 33.501 A.11): FC 0x70, P0 = PCI (2 bytes), P1 = ARFCN-DL (3 bytes);
     *        all 32 bytes kept.
     * \param key K_gNB (horizontal) or NH (vertical), 32 bytes.
     * \param pci the target PCI, 0..1007.
     * \param arfcnDl the target NR-ARFCN-DL, 0..3279165.
     * \return the explanation; last item "K_gNB*".
     * \throws std::invalid_argument as NrSecurityKdf::DeriveKgnbStar().
     */
    static NrSecurityExplanation KgnbStar(const NrSecurityKey256& key,
                                          uint16_t pci,
                                          uint32_t arfcnDl);

    /**
     * \brief One NEA run (TS 33.501 D.2; TS 33.401 B.1.2 / B.1.3 and EEA3 for NEA1-3).
     * \param alg the algorithm.
     * \param key KEY, 16 bytes.
     * \param count COUNT.
     * \param bearer BEARER, 0..31.
     * \param direction DIRECTION, 0 or 1.
     * \param data IBS; only its first ceil(lengthBits / 8) bytes are used.
     * \param lengthBits LENGTH in bits, at most 8 * data.size().
     * \return the explanation; last item "OBS" (= NrSecurityAlgorithms::Nea()).
     * \throws std::invalid_argument as NrSecurityAlgorithms::Nea().
     */
    static NrSecurityExplanation Nea(NrSecurityCiphering alg,
                                     const NrSecurityKey128& key,
                                     uint32_t count,
                                     uint8_t bearer,
                                     uint8_t direction,
                                     const std::vector<uint8_t>& data,
                                     uint32_t lengthBits);

    /**
     * \brief One NIA run (TS 33.501 D.3; TS 33.401 B.2.1 / B.2.3 and EIA3 for NIA1-3).
     * \param alg the algorithm.
     * \param key KEY, 16 bytes.
     * \param count COUNT.
     * \param bearer BEARER, 0..31.
     * \param direction DIRECTION, 0 or 1.
     * \param data MESSAGE; bits beyond lengthBits are ignored.
     * \param lengthBits LENGTH in bits, at most 8 * data.size().
     * \return the explanation; last item "MAC-I" (4 bytes, = NrSecurityAlgorithms::Nia()).
     * \throws std::invalid_argument as NrSecurityAlgorithms::Nia().
     */
    static NrSecurityExplanation Nia(NrSecurityIntegrity alg,
                                     const NrSecurityKey128& key,
                                     uint32_t count,
                                     uint8_t bearer,
                                     uint8_t direction,
                                     const std::vector<uint8_t>& data,
                                     uint32_t lengthBits);
};

} // namespace ns3

#endif // NR_SECURITY_EXPLAIN_H
