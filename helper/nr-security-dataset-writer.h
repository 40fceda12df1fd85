// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_DATASET_WRITER_H
#define NR_SECURITY_DATASET_WRITER_H

#include "ns3/nr-security-air-frame.h"
#include "ns3/nr-security-channel.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief A labelled dataset of the air interface (for intrusion-detection research): one CSV
 *        row per frame put on the channel (every transmission attempt, legitimate or forged)
 *        and the same frames, in the same order, in a pcap.
 *
 * `<stem>.csv`, header line then one row per frame:
 *
 *   frame,time_s,cell_id,ue_id,rb,direction,attempt,bytes,origin,label,rx_power_dbm,outcome
 *
 * - frame: the frame number in `<stem>.pcap` (1, 2, ...; Wireshark's frame.number);
 * - time_s: when it was sent (seconds, 9 decimals); cell_id, ue_id: the frame's cell and UE;
 *   rb: SRB0..SRB3, DRB1..DRB32; direction: UL or DL; attempt: 0 first transmission, n the
 *   n-th ARQ retransmission; bytes: the PDU length in bytes;
 * - origin: NrSecurityFrameOriginName (legitimate, injected, replayed, relayed, rewritten,
 *   false-base-station); label: "benign" for legitimate frames, the attack label otherwise;
 * - rx_power_dbm: the received power at the addressed receiver (frame.rxPowerDbm as the
 *   channel set it, 2 decimals; 0 with the channel's RadioModel "Simple");
 * - outcome: the channel's Reception trace (NrSecurityFrameOutcomeName): delivered (the
 *   receiver got it), lost (the receiver's ErrorModel), capture-drop (a stronger overlapping
 *   frame or a jammer won), not-serving (the UE did not listen to that cell); in-flight for a
 *   frame still on the air when the simulation ended.
 *
 * `<stem>.pcap`: NrSecurityPcapWriter framing (tshark decodes the PDCP-NR / NR RRC), forged
 * frames marked with the framing IPv4 header's DSCP = origin (NrSecurityPcapFrameInfo::origin):
 * tshark `-Y 'ip.dsfield.dscp#1 != 0'` shows exactly the frames not labelled benign
 * (test/nr-security-dataset-tshark-test.py).
 *
 * Rows are kept in memory and written by Flush() (NrSecurityAdversaryHelper::EnableDataset
 * calls it at Simulator::Destroy), since a frame's outcome is known only when it arrives.
 */
class NrSecurityDatasetWriter
{
  public:
    /**
     * \param stem the path of both files without extension
     * \param attackLabel the label of forged frames
     * \throws std::runtime_error if `<stem>.csv` cannot be created
     */
    NrSecurityDatasetWriter(const std::string& stem, const std::string& attackLabel);
    ~NrSecurityDatasetWriter();

    /**
     * \brief Connects to the channel's traces (every frame sent, and its fate).
     * \param channel the channel
     */
    void Watch(Ptr<NrSecurityChannel> channel);

    /// One row.
    struct Row
    {
        Time time;                         ///< sent at
        NrSecurityAirFrame frame;          ///< the frame (its PDU shared, never modified)
        std::string outcome = "in-flight"; ///< see the class comment
    };

    /**
     * \brief Adds a frame sent now (the channel's Transmission trace).
     * \param frame the frame
     */
    void OnSent(const NrSecurityAirFrame& frame);
    /**
     * \brief Sets the outcome of the latest row of this frame (the channel's Reception trace).
     * \param frame the frame as it arrived
     * \param outcome what became of it
     */
    void OnReception(const NrSecurityAirFrame& frame, NrSecurityFrameOutcome outcome);

    /// \return the rows so far
    const std::vector<Row>& GetRows() const;

    /// \return "benign" for a legitimate frame, the attack label otherwise \param f a frame
    std::string Label(const NrSecurityAirFrame& f) const;

    /**
     * \brief Writes `<stem>.csv` and `<stem>.pcap` (idempotent).
     * \throws std::runtime_error if writing fails
     */
    void Flush();

  private:
    /// A frame's identity across the channel's traces.
    typedef std::tuple<const Packet*, uint32_t, uint16_t, uint16_t, bool, uint8_t> Key;
    /// \return the key of a frame
    static Key KeyOf(const NrSecurityAirFrame& f);

    std::string m_stem;              ///< path without extension
    std::string m_label;             ///< attack label
    std::vector<Row> m_rows;         ///< rows in sending order
    std::map<Key, size_t> m_pending; ///< latest row of each frame key
    bool m_flushed = false;          ///< Flush() ran
};

} // namespace ns3

#endif // NR_SECURITY_DATASET_WRITER_H
