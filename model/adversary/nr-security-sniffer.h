// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_SNIFFER_H
#define NR_SECURITY_SNIFFER_H

#include "nr-security-adversary-net-device.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-kdf.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief One frame a sniffer heard: when, the frame (with its own copy of the PDU bytes) and
 *        the COUNT the sniffer reconstructed for it.
 */
struct NrSecuritySniffedFrame
{
    Time time;                ///< simulation time the frame was heard (when it was sent)
    NrSecurityAirFrame frame; ///< the frame; frame.pdu is a private copy, rxPowerDbm set
    int64_t count = -1;       ///< the COUNT (HFN || SN, TS 38.323 5.2.2.1) the sniffer
                              ///< reconstructed from the SN; -1 for SRB0, DRB control PDUs
                              ///< and malformed PDUs
    /// \return the PDU bytes as on the air
    std::vector<uint8_t> Bytes() const;
};

/**
 * \ingroup nr-security
 * \brief A passive sniffer: records every frame it can hear (received power at its position
 *        >= Sensitivity, see NrSecurityAdversaryNetDevice) and deciphers what it can.
 *
 * COUNT: for every (UE, RB type, RB id, direction) the sniffer keeps the COUNT following the
 * highest it has seen and reconstructs each new PDU's COUNT from its SN as a PDCP receiver
 * does (TS 38.323 5.2.2.1, NrSecurityPdcpPdu::RcvdCount: HFN of RX_DELIV, +-1 around the
 * window). A capture must therefore start before the first PDU of a bearer (as for
 * Wireshark). A bearer whose COUNT restarts (a new RRC connection, a re-added DRB) gets the
 * right COUNT as long as the earlier stream stayed within its first window (2048 PDUs for a
 * 12-bit SN); ResetCounts() restarts every stream.
 *
 * Decipher: the plaintext of a PDU where the sniffer can compute it: SRB0 messages (never
 * ciphered), PDUs sent in clear (the sender's metadata frame.ciphered false: before the SMC,
 * the SMC and its Complete, DRBs with ciphering disabled), PDUs ciphered with NEA0, and PDUs
 * of a UE whose AS keys were given with AddUeKeys (the algorithm given there; K_RRCenc for
 * SRBs, K_UPenc for DRBs, BEARER = RB identity - 1, DIRECTION 0 uplink / 1 downlink, TS 33.501
 * D.2.1.1), and PDUs of a UE whose SecurityModeCommand (sent in clear on SRB1, TS 38.331
 * 5.3.4.2) the sniffer heard selecting NEA0. MAC-I: not verified, removed when present. Returns the
 * RRC message (SRBs) or the SDU without its SDAP header (DRBs: the IP packet); empty when it cannot
 * (unknown keys, no COUNT, malformed PDU).
 */
class NrSecuritySniffer : public NrSecurityAdversaryNetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecuritySniffer();
    ~NrSecuritySniffer() override;

    /// \return every frame heard, in the order heard (retransmission attempts included)
    const std::vector<NrSecuritySniffedFrame>& GetFrames() const;

    /**
     * \brief The keys the sniffer knows for a UE (e.g. recovered, or leaked); replaces earlier
     *        keys of that UE.
     * \param ueId the UE
     * \param nea the ciphering algorithm its PDUs use
     * \param keys its AS keys (K_RRCenc for SRBs, K_UPenc for DRBs)
     */
    void AddUeKeys(uint32_t ueId, NrSecurityCiphering nea, const NrSecurityAsKeys& keys);

    /**
     * \brief Deciphers a recorded frame (see the class comment).
     * \param f a frame of GetFrames() or Select()
     * \return the plaintext (RRC message, or IP packet for a DRB), or empty
     */
    std::vector<uint8_t> Decipher(const NrSecuritySniffedFrame& f) const;

    /**
     * \brief The recorded frames of one bearer and direction, first attempts only (no
     *        retransmissions), in the order heard.
     * \param ueId the UE
     * \param type SRB0, SRB or DRB
     * \param rbId the RB identity (0 for SRB0)
     * \param uplink the direction
     * \return copies of the matching frames
     */
    std::vector<NrSecuritySniffedFrame> Select(uint32_t ueId,
                                               NrSecurityRbType type,
                                               uint8_t rbId,
                                               bool uplink) const;

    /**
     * \brief The ciphering algorithm of the last SecurityModeCommand heard for a UE.
     * \param ueId the UE
     * \param nea out: the algorithm
     * \return false if no SecurityModeCommand of that UE was heard
     */
    bool GetObservedCiphering(uint32_t ueId, NrSecurityCiphering& nea) const;

    /// Forgets every bearer's COUNT (the next PDU of each starts its stream again at HFN 0).
    void ResetCounts();
    /// Drops the recorded frames (the COUNT state is kept).
    void Clear();

    /**
     * \brief Records the frame (with a copy of its bytes and its COUNT), then the base's Hear.
     * \param frame the frame heard
     */
    void Hear(const NrSecurityAirFrame& frame) override;

  protected:
    void DoDispose() override;

  private:
    /// A bearer stream: UE, RB type, RB id, uplink.
    typedef std::tuple<uint32_t, uint8_t, uint8_t, bool> StreamKey;
    /// Keys known for a UE.
    struct UeKeys
    {
        NrSecurityCiphering nea = NrSecurityCiphering::NEA0; ///< algorithm
        NrSecurityAsKeys keys;                               ///< AS keys
    };
    /// \return the COUNT of a PDU of a stream (updating the stream), -1 if none
    int64_t TrackCount(const NrSecurityAirFrame& frame);

    std::vector<NrSecuritySniffedFrame> m_frames;     ///< recorded frames
    std::map<StreamKey, uint64_t> m_next;             ///< per stream: COUNT after the highest seen
    std::map<uint32_t, UeKeys> m_keys;                ///< known keys by UE
    std::map<uint32_t, NrSecurityCiphering> m_smcNea; ///< NEA of the last SMC heard, by UE
};

} // namespace ns3

#endif // NR_SECURITY_SNIFFER_H
