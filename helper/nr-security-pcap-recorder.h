// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_PCAP_RECORDER_H
#define NR_SECURITY_PCAP_RECORDER_H

#include "nr-security-pcap-writer.h"
#include "ns3/nr-security-amf.h"
#include "ns3/nr-security-gnb-net-device.h"
#include "ns3/nr-security-key-epoch.h"
#include "ns3/nr-security-ue-net-device.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The pcap framing of an air frame (NrSecurityPcapWriter): its UE, bearer, direction
 *        and the sender's metadata; SRB0 as the CCCH message (rbId 0, no MAC-I, no SDAP
 *        header, not ciphered); origin = the frame's NrSecurityFrameOrigin (IPv4 DSCP).
 * \param frame the frame
 * \return the framing
 */
NrSecurityPcapFrameInfo NrSecurityPcapFrameInfoOf(const NrSecurityAirFrame& frame);

/**
 * \ingroup nr-security
 * \brief Records the air traffic of devices into one pcap per device (gnb-CELL.pcap,
 *        ue-UE.pcap; every SRB0 (CCCH) RRC message and every SRB/DRB PDCP PDU the device
 *        sends or receives, NrSecurityPcapWriter
 *        framing; UE files only for the first maxUeFiles UEs) and, when Flush() runs, the keys of
 * every UE to which a watched gNB sent a SecurityModeCommand (the gNB's keys, so that a capture can
 * be checked even when the UE never activated; K_AMF and the uplink NAS COUNT from the watched
 * AMF, else from the UE): keys.csv, and Wireshark's pdcp_nr_ue_keys (with the user-plane keys) and
 * preferences, both in the directory and as the Wireshark profile wireshark/profiles/nr-security
 * (use WIRESHARK_CONFIG_DIR=DIR/wireshark tshark -C nr-security ...). A frame a device received
 * from an adversary (injected, replayed, relayed, rewritten) or a false base station sent is
 * marked with its origin as the IPv4 DSCP (NrSecurityPcapFrameInfo::origin); a forged frame
 * whose metadata the framing cannot express (e.g. SRB identity 9) is left out of that pcap:
 * logged and counted (GetOmissions(), NrSecurityHelper::GetPcapOmissions()), once per pcap it
 * is missing from, so a capture without it can be told from a complete one.
 *
 * Key epochs: keys.csv has one row per UE and key epoch of its latest connection: epoch 0 from
 * the SecurityModeCommand (a new connection's SecurityModeCommand replaces the UE's earlier
 * rows), and one row per later KeyChange at a watched gNB (handover target, intra-cell
 * handover, key refresh, re-establishment, resume) with the AS keys of that K_gNB for the
 * algorithms the gNB selected, its NCC and cell. Wireshark's UAT has one entry per UE: the
 * keys of its SecurityModeCommand (epoch 0), so tshark deciphers a capture up to the first
 * key change (handover, re-establishment, resume); keys.csv has the later epochs.
 */
class NrSecurityPcapRecorder
{
  public:
    /**
     * \param directory an existing directory for the files
     * \param maxUeFiles UE devices beyond this many get no pcap of their own (their traffic is
     *        in the gNB's pcap): one open file per UE would exhaust file descriptors
     */
    NrSecurityPcapRecorder(const std::string& directory, uint32_t maxUeFiles);

    /// \param ue a UE device to record
    void Watch(Ptr<NrSecurityUeNetDevice> ue);
    /// \param gnb a gNB device to record
    void Watch(Ptr<NrSecurityGnbNetDevice> gnb);
    /**
     * \brief Takes K_AMF and the uplink NAS COUNT of every UE in keys.csv from this AMF (the
     *        inputs of the gNB's K_gNB); without it they come from the watched UE devices.
     * \param amf the AMF
     */
    void Watch(Ptr<NrSecurityAmf> amf);

    /**
     * \brief Closes the pcaps and writes the key files (idempotent).
     * \throws std::runtime_error if a file cannot be written
     */
    void Flush();

    /**
     * \return the frames left out of a pcap because the framing cannot express them (an SRB
     *         identity above 3, an empty PDU, ...), counted once per pcap (a frame sent and
     *         received by two watched devices counts twice)
     */
    uint64_t GetOmissions() const;

  private:
    void OnFrame(NrSecurityPcapWriter* writer, const NrSecurityAirFrame& frame);
    void OnGnbStep(NrSecurityGnbRrc* rrc, uint32_t ueId, uint32_t step, const std::string& what);
    void OnGnbKeyChange(NrSecurityGnbRrc* rrc, uint32_t ueId, const NrSecurityKeyEpoch& epoch);
    /// The keys of a gNB key change, read after the event that changed them (ScheduleNow).
    void StoreGnbKeys(Ptr<NrSecurityGnbRrc> rrc, uint32_t ueId, const NrSecurityKeyEpoch& epoch);
    /// Adds or replaces the row of (k.ueId, k.epoch).
    void Store(const NrSecurityPcapUeKeys& k);
    NrSecurityPcapWriter* Open(const std::string& name, Ptr<NrSecurityNetDevice> device);

    std::string m_directory;                               ///< output directory
    uint32_t m_maxUeFiles;                                 ///< UE pcaps at most
    uint32_t m_ueFiles = 0;                                ///< UE pcaps opened
    std::vector<Ptr<NrSecurityPcapWriter>> m_writers;      ///< one per device
    std::vector<NrSecurityPcapUeKeys> m_keys;              ///< key epochs of activated UEs
    Ptr<NrSecurityAmf> m_amf;                              ///< for K_AMF and NAS COUNT
    std::map<uint32_t, Ptr<NrSecurityUeRrc>> m_ueRrcs;     ///< their fallback source
    NrSecurityCiphering m_nea = NrSecurityCiphering::NEA2; ///< for the preferences file
    NrSecurityIntegrity m_nia = NrSecurityIntegrity::NIA2; ///< for the preferences file
    bool m_flushed = false;                                ///< Flush() ran
    uint64_t m_omissions = 0;                              ///< frames left out of a pcap
};

} // namespace ns3

#endif // NR_SECURITY_PCAP_RECORDER_H
