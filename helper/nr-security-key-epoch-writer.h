// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_KEY_EPOCH_WRITER_H
#define NR_SECURITY_KEY_EPOCH_WRITER_H

#include "ns3/nr-security-gnb-net-device.h"
#include "ns3/nr-security-key-epoch.h"
#include "ns3/nr-security-ue-net-device.h"

#include <fstream>
#include <string>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief Writes one CSV row per KeyChange trace event (a new K_gNB in force for a UE, TS
 *        33.501 6.9.2) of the watched UE and gNB RRC entities, with every input needed to
 *        recompute the step (nr-security-calc kgnb / nh / kgnb-star):
 *
 *   time_s,node,ue_id,epoch,cause,derivation,k_gnb,input_key,ul_nas_count,ncc,nh_index,cell,
 *   pci,arfcn_dl
 *
 * - time_s: simulation time, seconds with 9 decimals; node: the ns-3 node id of the entity
 *   (UE or gNB) that fired it; ue_id: the UE; epoch: 0 for a connection's first K_gNB, then
 *   +1 per change (NrSecurityKeyEpoch::epoch).
 * - cause: initial, xn-handover, n2-handover, intra-cell, key-refresh, reestablishment,
 *   resume; derivation: initial (K_gNB = KDF(K_AMF, 0x6E, ul_nas_count, 0x01), TS 33.501
 *   A.9), horizontal (K_gNB* = KDF(input_key = old K_gNB, 0x70, pci, arfcn_dl), A.11) or
 *   vertical (the same with input_key = NH_nh_index, A.10/A.11).
 * - k_gnb, input_key: 64 lowercase hex digits; ncc 0..7; nh_index: i of NH_i (vertical), 0
 *   otherwise; cell: the simulator's cell id the K_gNB is for; pci, arfcn_dl: the K_gNB*
 *   inputs (0 for initial).
 *
 * Both ends of every step write a row (the UE's and the gNB's): equal k_gnb per (ue_id,
 * epoch) is what a correct run shows.
 */
class NrSecurityKeyEpochWriter
{
  public:
    /**
     * \brief Opens (truncates) the file and writes the header.
     * \param filename the CSV file
     * \throws std::runtime_error naming the file if it cannot be opened
     */
    explicit NrSecurityKeyEpochWriter(const std::string& filename);

    /**
     * \param filename the event CSV of NrSecurityTraceWriter
     * \return the key-epoch CSV written with it: "-key-epochs" inserted before the extension
     *         ("out/traces.csv" -> "out/traces-key-epochs.csv")
     */
    static std::string KeyEpochFileName(const std::string& filename);

    /// \return the header line (without the newline)
    static std::string Header();

    /**
     * \param node the node id \param ueId the UE \param e the epoch
     * \return the CSV row (without the newline) for one epoch
     */
    static std::string Row(uint32_t node, uint32_t ueId, const NrSecurityKeyEpoch& e);

    /// \param ue a UE device whose KeyChange events to write
    void Watch(Ptr<NrSecurityUeNetDevice> ue);
    /// \param gnb a gNB device whose KeyChange events to write
    void Watch(Ptr<NrSecurityGnbNetDevice> gnb);

    /// Flushes the file.
    void Flush();

  private:
    void OnKeyChange(uint32_t node, uint32_t ueId, const NrSecurityKeyEpoch& e);

    std::ofstream m_out; ///< the CSV file
};

} // namespace ns3

#endif // NR_SECURITY_KEY_EPOCH_WRITER_H
