// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_PDU_TRACE_WRITER_H
#define NR_SECURITY_PDU_TRACE_WRITER_H

#include "ns3/nr-security-gnb-net-device.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/nr-security-ue-net-device.h"
#include "ns3/trace-source-accessor.h"

#include <deque>
#include <fstream>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief One CSV field as RFC 4180 writes it: unchanged, or in double quotes (inner quotes
 *        doubled) if it holds a comma, a double quote or a line feed. Shared by the trace
 *        writers (traces.csv, traces-pdus.csv).
 * \param field the text
 * \return the field as it goes into the CSV line
 */
std::string NrSecurityCsvField(const std::string& field);

/**
 * \ingroup nr-security
 * \brief The current simulation time for a CSV row: seconds with 9 decimals (ns resolution).
 * \return e.g. "0.012001000"
 */
std::string NrSecurityCsvNow();

/**
 * \ingroup nr-security
 * \brief Connects a sink to a trace source of obj, as obj->TraceConnectWithoutContext(name, cb)
 *        does, but looks the name up once per class T and name instead of at every call: ns-3's
 *        lookup walks the TypeId's trace sources copying each one's name and help text (about
 *        10,000 instructions per call for the RRC classes), and the writers connect a dozen
 *        sinks per UE.
 * \param obj the object (of class T or derived from it)
 * \param name the trace source name (of T or, looked up per call, of obj's own class)
 * \param cb the sink
 * \return true if connected (false: no such trace source)
 */
template <typename T>
bool
NrSecurityTraceConnect(T* obj, const std::string& name, const CallbackBase& cb)
{
    static std::unordered_map<std::string, Ptr<const TraceSourceAccessor>> accessors;
    auto it = accessors.find(name);
    if (it == accessors.end())
    {
        it = accessors.emplace(name, T::GetTypeId().LookupTraceSourceByName(name)).first;
    }
    if (!it->second)
    {
        return obj->TraceConnectWithoutContext(name, cb);
    }
    return it->second->ConnectWithoutContext(obj, cb);
}

/**
 * \ingroup nr-security
 * \brief Writes one CSV row per PDCP PDU event at every PDCP entity of the watched devices
 *        (UE and gNB side, SRB1-3 and DRBs), and one per RRC message on SRB0 (CCCH, no PDCP):
 *
 *   time_s,node,ue_id,rb,direction,sn,count,bearer,ciphered,integrity,mac_i,outcome,origin
 *
 * - time_s: simulation time in seconds (9 decimals); node: the ns-3 node id of the entity;
 *   ue_id: the UE; rb: "SRB0".."SRB3", "DRB1".."DRB32"; direction: UL (DIRECTION 0, sent by
 *   the UE) or DL, of the PDU, whichever side writes the row;
 * - sn, count: the PDCP SN and COUNT (TS 38.323 5.2; COUNT = HFN || SN), empty when unknown
 *   (a malformed PDU, a PDU outside the COUNT space, SRB0); bearer: the 5-bit BEARER input of
 *   NEA/NIA, RB identity - 1 (TS 33.501 D.2.1.1), empty for SRB0;
 * - ciphered: 1 if NEA1-3 was applied (transmitted) or applies to the PDU's COUNT
 *   (received), else 0 (NEA0 and "ciphering disabled" included); integrity: 1 if a MAC-I was
 *   computed or verified with NIA1-3, else 0; mac_i: the MAC-I in clear as 8 lowercase hex
 *   digits (as computed before ciphering when sent, as deciphered when received), empty for
 *   a PDU without a MAC-I field (a DRB without integrity protection, SRB0);
 * - outcome: "transmitted", "delivered" (the SDU went to the upper layer), or
 *   "discarded:<reason>" with the PduDiscarded reason ("integrity", "duplicate",
 *   "out-of-window", "malformed: ...", "count-exhausted", "flushed").
 * - origin: who put the PDU on the air (NrSecurityFrameOriginName): for a received PDU the
 *   origin of the air frame that carried it (injected, replayed, relayed, rewritten,
 *   false-base-station, legitimate); for a transmitted PDU legitimate, or false-base-station
 *   for the entities of a false base station's gNB device. A PDU handled while the device
 *   processes the frame it arrived in (the same simulator event as the device's PduRx, with
 *   the frame's bytes, or without a PDU, e.g. an integrity failure) gets that frame's
 *   origin. A PDU handled later (delivered from the reordering buffer, t-Reordering) gets the
 *   origin of the oldest forged frame with its bytes that node received for that UE and no
 *   row has used yet, else legitimate; such forged frames are forgotten after
 *   ForgedFrameExpiry() (longer than the largest t-Reordering, 3000 ms, TS 38.331
 *   PDCP-Config), so a later legitimate PDU with the same bytes (a replay's original sent
 *   again) is not taken for forged.
 * Fields with commas or quotes are quoted (RFC 4180).
 *
 * PDCP entities are found through the RRC trace source PdcpEntityCreated (SRB1 when the
 * connection is set up, SRB2 and DRBs at reconfiguration), so Watch() may be called before
 * the simulation runs; entities already existing are watched as well. Discards before any
 * PDCP entity exists (e.g. a refused RRC message) are in the event CSV (NrSecurityTraceWriter).
 */
class NrSecurityPduTraceWriter
{
  public:
    /**
     * \brief Opens (truncates) the file and writes the header line.
     * \param filename the CSV file
     * \throws std::runtime_error if the file cannot be opened
     */
    explicit NrSecurityPduTraceWriter(const std::string& filename);

    /// \param ue a UE device whose PDCP entities (and SRB0 messages) to write
    void Watch(Ptr<NrSecurityUeNetDevice> ue);
    /// \param gnb a gNB device whose PDCP entities (and SRB0 messages) to write
    void Watch(Ptr<NrSecurityGnbNetDevice> gnb);
    /**
     * \brief Writes the events of one PDCP entity (for entities not created by a watched RRC).
     * \param pdcp the entity
     * \param node the node id written in the rows
     * \param ueId the UE id written in the rows
     * \param rb the RB name written in the rows, e.g. "DRB1"
     */
    void Watch(Ptr<NrSecurityPdcp> pdcp, uint32_t node, uint32_t ueId, const std::string& rb);

    /// Flushes the file.
    void Flush();

    /// \return the number of rows written (header excluded)
    uint64_t GetRows() const;

    /**
     * \param e a PDU event
     * \return the outcome column: "transmitted", "delivered" or "discarded:<reason>"
     */
    static std::string Outcome(const NrSecurityPdcpPduEvent& e);

    /// \return how long a forged frame no row has matched is remembered (4 s)
    static Time ForgedFrameExpiry();

  private:
    template <typename Rrc>
    void Connect(Ptr<Rrc> rrc, uint32_t node);
    void OnEntity(uint32_t node, uint32_t ueId, const std::string& rb, Ptr<NrSecurityPdcp> pdcp);
    void OnEvent(uint32_t node,
                 uint32_t ueId,
                 std::string rb,
                 const NrSecurityPdcp* pdcp,
                 const NrSecurityPdcpPduEvent& e);
    void OnMessage(uint32_t node,
                   bool gnb,
                   uint32_t ueId,
                   const std::string& direction,
                   const std::string& name,
                   const std::vector<uint8_t>& message,
                   const std::string& bearer,
                   const std::string& protection);

    /// A forged frame a watched device received: node, UE, the PDU bytes.
    typedef std::tuple<uint32_t, uint16_t, std::vector<uint8_t>> ForgedKey;
    /// A forged frame not yet matched by a row.
    struct Pending
    {
        NrSecurityFrameOrigin origin; ///< its origin
        Time at;                      ///< when it was received
    };
    /// The last frame a (node, UE) received.
    struct LastRx
    {
        uint64_t event = 0;                                               ///< the simulator event
        NrSecurityFrameOrigin origin = NrSecurityFrameOrigin::LEGITIMATE; ///< its origin
        std::vector<uint8_t> bytes;                                       ///< its PDU
        bool pending = false; ///< forged and its Pending entry not yet used by a row
    };
    /// Remembers the origin of a frame a device received (the device's PduRx).
    void OnFrameRx(uint32_t node, const NrSecurityAirFrame& frame);
    /**
     * \brief The origin of a PDU node received for ueId (see the class comment).
     * \param node the node \param ueId the UE
     * \param bytes the PDU, or null when the event carries none
     * \return its origin name
     */
    std::string RxOrigin(uint32_t node, uint32_t ueId, const std::vector<uint8_t>* bytes);
    /// Forgets the forged frames older than ForgedFrameExpiry().
    void Expire();

    std::ofstream m_out;                               ///< the CSV file
    uint64_t m_rows = 0;                               ///< rows written
    std::map<ForgedKey, std::deque<Pending>> m_forged; ///< forged frames, oldest first
    uint64_t m_forgedSinceExpiry = 0;                  ///< insertions since Expire()
    std::map<uint32_t, std::string> m_txOrigin;        ///< origin of the PDUs a node sends (FBS)
    /// the last frame each (node, UE) received: the PDU PDCP may be handling right now
    std::map<std::pair<uint32_t, uint32_t>, LastRx> m_lastRx;
};

} // namespace ns3

#endif // NR_SECURITY_PDU_TRACE_WRITER_H
