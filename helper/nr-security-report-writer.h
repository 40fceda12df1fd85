// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The run report: one self-contained HTML file per run, for one chosen UE.
 */
#ifndef NR_SECURITY_REPORT_WRITER_H
#define NR_SECURITY_REPORT_WRITER_H

#include "nr-security-report-html.h"
#include "ns3/nr-security-amf.h"
#include "ns3/nr-security-gnb-net-device.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/nr-security-ue-net-device.h"

#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief Collects what one UE went through in a run and writes it, when closed, as the HTML
 *        run report (NrSecurityWriteReportHtml).
 *
 * Collected for the chosen UE only (every other UE costs one comparison of its id per
 * gNB-side trace event, and nothing on its own device, which is not watched): RRC messages
 * at both ends (RrcMessage), the AMF's Initial UE Message and Initial Context Setup, SmcStep
 * events (26-33) with their times, key derivations (KeyDerived) with the KDF inputs
 * reconstructed by NrSecurityExplain (K_gNB from the AMF's K_AMF and uplink NAS COUNT, TS
 * 33.501 A.9; algorithm keys from K_gNB, A.8, the algorithm identity found by trying 0..15
 * against the traced key), every PDCP PDU at both ends (PduEvent, through PdcpEntityCreated)
 * with its bytes, COUNT, direction, RB, SN, ciphered?, MAC-I, outcome and its SDU in clear
 * (deciphered here with NrSecurityPdcpPdu::Unprotect and the security the entity had for that
 * COUNT), the MAC-I recomputed (NrSecurityAlgorithms::Nia over header || SDU), and failures:
 * IntegrityFailure, SecurityModeFailure, MessageRefused, RRCRelease and PDCP discards with
 * their reason (radio link failures are in traces.csv only).
 *
 * Memory and page size: every PDU of the chosen UE with its bytes, no limit (the user-plane
 * example's UE 1, 3 UEs for 1 s: 1346 PDU events, a 3.7 MB page).
 */
class NrSecurityReportWriter
{
  public:
    /**
     * \brief Opens (truncates) the report file now, so that an unwritable path fails before
     *        the run; the page is written by Close().
     * \param filename the HTML file
     * \param ueId the UE to report on, >= 1
     * \throws std::invalid_argument for ueId 0; std::runtime_error if the file cannot be opened
     */
    NrSecurityReportWriter(const std::string& filename, uint32_t ueId);

    /// \param ue a UE device: watched only if it is the chosen UE
    void Watch(Ptr<NrSecurityUeNetDevice> ue);
    /// \param gnb a gNB device: its events for the chosen UE are collected
    void Watch(Ptr<NrSecurityGnbNetDevice> gnb);
    /// \param amf the AMF: K_AMF and uplink NAS COUNT of K_gNB, the NGAP messages
    void Watch(Ptr<NrSecurityAmf> amf);

    /// Builds the report and writes the page (once; later calls do nothing).
    void Close();

    /// \return the report as collected so far (complete after Close)
    const NrSecurityReport& GetReport() const;

    /// \return the file name
    const std::string& GetFileName() const;

  private:
    template <typename Rrc>
    void Connect(Ptr<Rrc> rrc, const std::string& side);
    void OnEntity(std::string side, uint32_t ueId, const std::string& rb, Ptr<NrSecurityPdcp> pdcp);
    void OnPdu(std::string side,
               std::string rb,
               const NrSecurityPdcp* pdcp,
               const NrSecurityPdcpPduEvent& e);
    void OnRxPdu(const NrSecurityPdcp* pdcp, Ptr<const Packet> pdu, uint32_t count);
    void OnMessage(std::string side,
                   uint32_t ueId,
                   const std::string& direction,
                   const std::string& name,
                   const std::vector<uint8_t>& message,
                   const std::string& bearer,
                   const std::string& protection);
    void OnKey(std::string side,
               uint32_t ueId,
               const std::string& name,
               const std::vector<uint8_t>& key,
               uint32_t step);
    void OnStep(std::string side, uint32_t ueId, uint32_t step, const std::string& what);
    void OnActivated(std::string side,
                     uint32_t ueId,
                     const std::string& nea,
                     const std::string& nia);
    void OnSmcFailure(std::string side, uint32_t ueId, const std::string& reason);
    void OnIntegrity(std::string side,
                     uint32_t ueId,
                     uint8_t rbId,
                     uint32_t count,
                     uint32_t received,
                     uint32_t expected);
    void OnState(std::string side,
                 uint32_t ueId,
                 const std::string& oldState,
                 const std::string& newState);
    void OnRefused(std::string side,
                   uint32_t ueId,
                   uint32_t count,
                   const std::string& name,
                   const std::string& reason);
    void OnConnection(std::string side,
                      uint32_t ueId,
                      const std::string& event,
                      const std::string& detail);
    void OnInitialUe(uint32_t ueId, const std::vector<uint8_t>& nas);
    /**
     * \brief Records an NGAP message on N2 (no PDCP protection), received when sent.
     * \param from sending entity ("gNB" or "AMF")
     * \param to receiving entity
     * \param name the message name shown in the chart
     * \param bytes what the chart's detail shows (NAS-PDU or K_gNB, bytes)
     */
    void AddN2Message(const char* from,
                      const char* to,
                      const char* name,
                      const std::vector<uint8_t>& bytes);
    void OnInitialContextSetup(uint32_t ueId, const std::vector<uint8_t>& kGnb);
    void Event(const std::string& side,
               const std::string& kind,
               uint32_t step,
               const std::string& text,
               bool failure);
    /// Pairs sent and received messages, names PDUs, recomputes missing X-MACs.
    void Finish();

    std::string m_filename;    ///< the HTML file
    std::ofstream m_out;       ///< open from construction to Close
    uint32_t m_ueId;           ///< the chosen UE
    bool m_closed = false;     ///< Close() done
    Ptr<NrSecurityAmf> m_amf;  ///< for K_AMF and the uplink NAS COUNT
    NrSecurityReport m_report; ///< what the page shows
    NrSecurityKey256 m_kAmf{}; ///< K_AMF at the last Initial Context Setup
    uint32_t m_ulNasCount = 0; ///< its uplink NAS COUNT
    bool m_kAmfKnown = false;  ///< the two above are set
    NrSecurityKey256 m_kGnb{}; ///< the current K_gNB (of the UE's keys)
    bool m_kGnbKnown = false;  ///< m_kGnb is set
    uint32_t m_epoch = 0;      ///< key epochs seen - 1
    /// the bytes of each PDU that passed the checks (RxPdu), until its DELIVERED event, which
    /// carries no PDU when it is delivered in order; keyed by the entity's address, so
    /// OnEntity drops the entries of an address a new entity takes
    std::map<std::pair<const NrSecurityPdcp*, uint32_t>, std::vector<uint8_t>> m_rxBytes;
    std::map<std::string, size_t> m_keySeen; ///< name + hex of each key node -> its index
};

} // namespace ns3

#endif // NR_SECURITY_REPORT_WRITER_H
