// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_TRACE_WRITER_H
#define NR_SECURITY_TRACE_WRITER_H

#include "nr-security-pdu-trace-writer.h"
#include "ns3/nr-security-channel.h"
#include "ns3/nr-security-gnb-net-device.h"
#include "ns3/nr-security-ue-net-device.h"

#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief Writes the trace events of RRC entities and of the channel as CSV, one row per event:
 *        time_s,node,ue_id,event,step,detail.
 *
 * Events: KeyDerived (detail NAME=hex), SmcStep, SecurityActivated (NEAx/NIAy),
 * SecurityModeFailure (reason), IntegrityFailure (rb, COUNT, received and expected MAC-I),
 * StateChanged (OLD->NEW), RrcMessage ("tx|rx NAME HEX BEARER PROTECTION", e.g.
 * "tx rrcSetup 2040... SRB0 none"; PROTECTION none, integrity or integrity+ciphering),
 * MessageRefused ("NAME count=N: reason"), ConnectionEvent ("EVENT: detail"),
 * UserDataDiscarded ("BEARER: reason"), HandoverEvent of the UE and gNB RRC (mobility: "STEP:
 * detail", e.g. "handover-request-sent: ..."), PduDiscarded (every PDCP discard at every entity,
 * SRB1-3 and DRBs: "RB DIR count=N sn=M: reason", "-" for an unknown COUNT or SN) and
 * RadioLinkFailure. step is filled for KeyDerived and SmcStep. Fields with commas or quotes
 * are quoted (RFC 4180). PDCP entities are found through the RRC trace source
 * PdcpEntityCreated, so every entity created after Watch() is covered.
 *
 * Next to it the writer keeps the per-PDU CSV (NrSecurityPduTraceWriter) of the same devices,
 * PduFileName(filename): "traces.csv" -> "traces-pdus.csv", one row per PDCP PDU event at
 * every entity (NrSecurityHelper::EnableTraces thus writes both files).
 */
class NrSecurityTraceWriter
{
  public:
    /**
     * \brief Opens (truncates) the file and the per-PDU CSV (PduFileName) and writes the
     *        headers.
     * \param filename the CSV file
     * \throws std::runtime_error if the file cannot be opened
     */
    explicit NrSecurityTraceWriter(const std::string& filename);

    /**
     * \param filename the event CSV file
     * \return the per-PDU CSV file written with it: "-pdus" inserted before the extension
     *         ("out/traces.csv" -> "out/traces-pdus.csv", "t" -> "t-pdus.csv")
     */
    static std::string PduFileName(const std::string& filename);

    /// \param ue a UE device whose RRC events to write
    void Watch(Ptr<NrSecurityUeNetDevice> ue);
    /// \param gnb a gNB device whose RRC events to write
    void Watch(Ptr<NrSecurityGnbNetDevice> gnb);
    /// \param channel the channel whose RadioLinkFailure events to write
    void Watch(Ptr<NrSecurityChannel> channel);

    /// Flushes the file.
    void Flush();

  private:
    void Row(uint32_t node,
             uint32_t ueId,
             const std::string& event,
             const std::string& step,
             const std::string& detail);
    void OnKey(uint32_t node,
               uint32_t ueId,
               const std::string& name,
               const std::vector<uint8_t>& key,
               uint32_t step);
    void OnStep(uint32_t node, uint32_t ueId, uint32_t step, const std::string& what);
    void OnActivated(uint32_t node, uint32_t ueId, const std::string& nea, const std::string& nia);
    void OnFailure(uint32_t node, uint32_t ueId, const std::string& reason);
    void OnIntegrity(uint32_t node,
                     uint32_t ueId,
                     uint8_t rbId,
                     uint32_t count,
                     uint32_t received,
                     uint32_t expected);
    void OnState(uint32_t node,
                 uint32_t ueId,
                 const std::string& oldState,
                 const std::string& newState);
    void OnMessage(uint32_t node,
                   uint32_t ueId,
                   const std::string& direction,
                   const std::string& name,
                   const std::vector<uint8_t>& message,
                   const std::string& bearer,
                   const std::string& protection);
    void OnConnectionEvent(uint32_t node,
                           uint32_t ueId,
                           const std::string& event,
                           const std::string& detail);
    void OnHandoverEvent(uint32_t node,
                         uint32_t ueId,
                         const std::string& step,
                         const std::string& detail);
    void OnUserDataDiscarded(uint32_t node,
                             uint32_t ueId,
                             const std::string& bearer,
                             const std::string& reason);
    void OnEntity(uint32_t node, uint32_t ueId, const std::string& rb, Ptr<NrSecurityPdcp> pdcp);
    void OnPduEvent(uint32_t node, uint32_t ueId, std::string rb, const NrSecurityPdcpPduEvent& e);
    void OnRefused(uint32_t node,
                   uint32_t ueId,
                   uint32_t count,
                   const std::string& name,
                   const std::string& reason);
    void OnRadioLinkFailure(const NrSecurityAirFrame& frame);

    /// Connects every RRC trace source of an object whose trace signatures are the RRC ones.
    template <typename Rrc>
    void Connect(Ptr<Rrc> rrc, uint32_t node);

    std::ofstream m_out;                              ///< the CSV file
    std::unique_ptr<NrSecurityPduTraceWriter> m_pdus; ///< the per-PDU CSV
};

} // namespace ns3

#endif // NR_SECURITY_TRACE_WRITER_H
