// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_MSC_WRITER_H
#define NR_SECURITY_MSC_WRITER_H

#include "nr-security-msc-chart.h"
#include "ns3/nr-security-air-frame.h"
#include "ns3/nr-security-amf.h"
#include "ns3/nr-security-channel.h"
#include "ns3/nr-security-gnb-net-device.h"
#include "ns3/nr-security-ue-net-device.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <deque>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief Draws the AS Security Mode Command procedure of a run as a message sequence chart in
 *        the mscgen input language (render with `mscgen -T png -i FILE.msc -o FILE.png`).
 *
 * The writer listens to the RRC trace sources of the watched UE and gNB devices (and, if
 * watched, to the AMF's InitialContextSetup) and keeps the events of the charted UEs in
 * memory; Close() writes the chart(s). Entities, left to right: AMF (only if it has an event
 * in the chart), the gNB ("gNB", or "gNB<cell id>" when several gNBs are watched), then the
 * UEs ("UE<ue id>", in ascending id order). Rows are in simulation order:
 *
 * - a message: an arrow `=>` from its sender to its receiver at the row of its transmission,
 *   labelled with the message name (a SecurityModeCommand with its algorithms, e.g.
 *   "SecurityModeCommand (NEA2, NIA2)") and, on a second line, "[tx -> rx ms]". With the
 *   channel watched (Watch(gNB) watches its channel), every air attempt of an SRB message is
 *   drawn: an attempt lost on the air (the channel's Reception outcome lost, capture-drop or
 *   not-serving) as a lost message `-x`, "[tx -> t ms: lost on the air]" (t: when it was
 *   lost; "lost on the air (a stronger frame)", "not heard (the UE listens to another
 *   cell)"), then its ARQ retransmission, at the row of its transmission, as
 *   "NAME (retransmission n)" with its own times. A message sent and never received by the
 *   RRC of a watched receiver (discarded by PDCP for a failed integrity check, lost without
 *   the channel watched, or still in flight when the simulation ended) is drawn `-x` with
 *   "[tx ms -> not received]"; a message received without a traced transmission (e.g.
 *   injected) is drawn at its reception, "[rx ms]". The AMF's InitialContextSetup is received
 *   at the gNB's first event for the UE after it;
 * - a step of the procedure (SmcStep, 26-33): a box "STEP [t ms] TEXT" on the entity's line,
 *   with a second line naming its clauses (NrSecuritySmcStepClauses: "TS 38.331 5.3.4.3,
 *   TS 33.501 6.7.4, A.9");
 * - key derivations (KeyDerived), by name only, never the key: a rounded box
 *   "STEP [t ms] keys: K_gNB, K_RRCint, ..." with the step's clauses, unless the step box that
 *   immediately follows for the same entity, UE, step and time names them all (the UE's steps
 *   27, 28, 30);
 * - SecurityActivated (green `abox`), SecurityModeFailure (red `note`) and IntegrityFailure
 *   (orange `note`: RB, COUNT, received and expected MAC-I) as highlighted notes,
 *   "[t ms] TEXT".
 *
 * In a chart of several UEs, labels on the AMF and gNB lines start with "UE<id>: ". Times are
 * simulation times in milliseconds with three decimals (rounded to the microsecond). A chart
 * without any event gets one note, "no AS security events" (mscgen refuses an empty chart).
 * Labels are word-wrapped by mscgen (wordwraparcs); hscale grows with the number of entities
 * (about 420 pixels per entity).
 *
 * Charted UEs: those given to SelectUe() if any; otherwise the first \p maxUes UEs passed to
 * Watch(Ptr<NrSecurityUeNetDevice>) (with NrSecurityHelper: UE ids 1..maxUes); otherwise,
 * when no UE device is watched, the first \p maxUes UE ids seen in events. Events of other
 * UEs are ignored; only the charted UEs' events are kept in memory, and only charted UE devices
 * are subscribed to (call SelectUe() before Watch()). The channel's traces fire for every
 * UE's frames: the writer drops those of other UEs and of DRBs at once, keeping nothing.
 *
 * The writer must outlive the simulation of the devices it watches (NrSecurityHelper keeps it
 * in a std::shared_ptr and calls Close() from Simulator::ScheduleDestroy); events after Close()
 * are ignored.
 */
class NrSecurityMscWriter
{
  public:
    /// How the charted UEs are laid out.
    enum Layout
    {
        ONE_CHART,    ///< one chart with every charted UE, written to the file name as given
        CHART_PER_UE, ///< one chart per charted UE, "-ue-<id>" inserted before the extension
                      ///< ("smc.msc" -> "smc-ue-1.msc", "smc" -> "smc-ue-1")
    };

    /**
     * \brief Prepares the chart(s). With ONE_CHART the file is opened (truncated) now; with
     *        CHART_PER_UE the per-UE files are created by Close().
     * \param filename the chart file (ONE_CHART) or the pattern of the per-UE file names
     * \param maxUes the number of UEs to chart, >= 1 (ignored once SelectUe() is used)
     * \param layout one chart for all charted UEs, or one chart per UE
     * \throws std::invalid_argument if \p filename is empty or \p maxUes is 0
     * \throws std::runtime_error if the file cannot be opened (ONE_CHART), or if the directory
     *         of \p filename is not a writable directory (CHART_PER_UE)
     */
    NrSecurityMscWriter(const std::string& filename,
                        uint32_t maxUes = 4,
                        Layout layout = ONE_CHART);

    /// Closes the chart(s) if Close() has not been called (errors are then only logged).
    ~NrSecurityMscWriter();

    NrSecurityMscWriter(const NrSecurityMscWriter&) = delete;
    NrSecurityMscWriter& operator=(const NrSecurityMscWriter&) = delete;

    /**
     * \brief Charts this UE (call before the simulation runs). Once used, exactly the selected
     *        UEs are charted and \p maxUes no longer applies.
     * \param ueId the UE id (as in the traces)
     */
    void SelectUe(uint32_t ueId);

    /**
     * \brief Charts a UE's RRC events (if the UE is charted); aborts on a null pointer.
     * \param ue a UE device (its UE id must be set)
     */
    void Watch(Ptr<NrSecurityUeNetDevice> ue);
    /**
     * \brief Charts a gNB's RRC events concerning charted UEs, and the air attempts on its
     *        channel (Watch(Ptr<NrSecurityChannel>)) if it has one; aborts on a null pointer.
     * \param gnb a gNB device (its cell id must be set)
     */
    void Watch(Ptr<NrSecurityGnbNetDevice> gnb);
    /**
     * \brief Charts the air attempts of charted UEs' SRB messages (Transmission and Reception
     *        traces): lost attempts and ARQ retransmissions. A channel already watched is not
     *        connected again; aborts on a null pointer.
     * \param channel the channel
     */
    void Watch(Ptr<NrSecurityChannel> channel);
    /**
     * \brief Charts the AMF's InitialContextSetup (AMF -> gNB); aborts on a null pointer.
     * \param amf the AMF
     */
    void Watch(Ptr<NrSecurityAmf> amf);

    /**
     * \brief Writes and closes the chart(s); later calls do nothing.
     * \throws std::runtime_error if a chart file cannot be opened or written (the other
     *         charts are still written)
     */
    void Close();

    /// \return the file names written (or to be written) so far, in UE order for CHART_PER_UE
    std::vector<std::string> GetFileNames() const;

  private:
    using Place = NrSecurityMscPlace; ///< where an event happens
    using Entry = NrSecurityMscEntry; ///< one row of the chart

    /**
     * \brief Whether a UE's events are charted; without SelectUe() or watched UE devices,
     *        records the UE as seen while fewer than maxUes are.
     * \param ueId the UE
     * \return true if charted (false once closed)
     */
    bool Charted(uint32_t ueId);
    /// \return the charted UEs, in id order
    std::set<uint32_t> ChartedUes() const;
    /// \param e a row to append
    void Add(Entry e);
    /**
     * \param gnb the event is a gNB's (else a UE's)
     * \param cellId the gNB's cell
     * \return the place of the event
     */
    static Place Here(bool gnb, uint16_t cellId);

    /**
     * \brief A gNB event for a UE: marks the UE's InitialContextSetup, if in flight and sent
     *        earlier, as delivered to that gNB now.
     * \param ueId the UE
     * \param cellId the gNB's cell
     */
    void Delivered(uint32_t ueId, uint16_t cellId);

    void OnKey(bool gnb,
               uint16_t cellId,
               uint32_t ueId,
               const std::string& name,
               const std::vector<uint8_t>& key,
               uint32_t step);
    void OnStep(bool gnb, uint16_t cellId, uint32_t ueId, uint32_t step, const std::string& what);
    void OnActivated(
        bool gnb, uint16_t cellId, uint32_t ueId, const std::string& nea, const std::string& nia);
    void OnFailure(bool gnb, uint16_t cellId, uint32_t ueId, const std::string& reason);
    void OnIntegrity(bool gnb,
                     uint16_t cellId,
                     uint32_t ueId,
                     uint8_t rbId,
                     uint32_t count,
                     uint32_t received,
                     uint32_t expected);
    void OnMessage(bool gnb,
                   uint16_t cellId,
                   uint32_t ueId,
                   const std::string& direction,
                   const std::string& name,
                   const std::vector<uint8_t>& message,
                   const std::string& bearer,
                   const std::string& protection);
    void OnInitialContextSetup(uint32_t ueId, const std::vector<uint8_t>& kGnb);
    /// Channel Transmission: links a first attempt to its message, draws a retransmission.
    void OnAirTransmission(const NrSecurityAirFrame& frame);
    /// Channel Reception: marks a lost attempt; forgets a delivered frame.
    void OnAirReception(const NrSecurityAirFrame& frame, NrSecurityFrameOutcome outcome);
    /**
     * \param frame an attempt on the air
     * \return whether it is a charted UE's SRB frame sent by the UE or a gNB
     */
    bool ChartedFrame(const NrSecurityAirFrame& frame);

    /// Connects the RRC trace sources of a UE (gnb false) or gNB (gnb true) RRC entity.
    template <typename Rrc>
    void Connect(Ptr<Rrc> rrc, bool gnb, uint16_t cellId);

    std::string m_filename;          ///< file name (ONE_CHART) or pattern (CHART_PER_UE)
    uint32_t m_maxUes;               ///< how many UEs to chart without SelectUe()
    Layout m_layout;                 ///< one chart or one per UE
    std::ofstream m_out;             ///< the ONE_CHART file
    bool m_closed;                   ///< Close() has run
    std::set<uint32_t> m_selected;   ///< UEs given to SelectUe()
    std::vector<uint32_t> m_watched; ///< UE ids of watched UE devices, in Watch order
    std::set<uint32_t> m_seen;       ///< first UE ids seen (no UE device watched)
    std::set<uint16_t> m_cells;      ///< cell ids of watched gNBs
    std::vector<Entry> m_entries;    ///< rows, in simulation order
    std::map<std::tuple<uint32_t, bool, std::string>, std::deque<size_t>>
        m_inFlight; ///< (UE, uplink, name) -> transmitted messages not yet received
    std::map<uint32_t, size_t> m_icsInFlight;      ///< UE -> InitialContextSetup not yet delivered
    std::set<const NrSecurityChannel*> m_channels; ///< channels watched
    std::map<std::pair<uint32_t, bool>, std::deque<size_t>>
        m_awaitingAir; ///< (UE, uplink) -> messages sent now, first attempt not yet seen
    /// (UE, uplink, PDU packet uid) -> (row of its latest attempt, the in-flight match name)
    std::map<std::tuple<uint32_t, bool, uint64_t>, std::pair<size_t, std::string>> m_onAir;
    std::vector<std::string> m_written; ///< file names written
};

} // namespace ns3

#endif // NR_SECURITY_MSC_WRITER_H
