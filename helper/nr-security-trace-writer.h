// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_TRACE_WRITER_H
#define NR_SECURITY_TRACE_WRITER_H

#include "ns3/nr-security-channel.h"
#include "ns3/nr-security-gnb-net-device.h"
#include "ns3/nr-security-ue-net-device.h"

#include <fstream>
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
 * StateChanged (OLD->NEW), RrcMessage (tx|rx name hex), RadioLinkFailure. step is filled for
 * KeyDerived and SmcStep. Fields with commas or quotes are quoted (RFC 4180).
 */
class NrSecurityTraceWriter
{
  public:
    /**
     * \brief Opens (truncates) the file and writes the header.
     * \param filename the CSV file
     * \throws std::runtime_error if the file cannot be opened
     */
    explicit NrSecurityTraceWriter(const std::string& filename);

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
             uint16_t ueId,
             const std::string& event,
             const std::string& step,
             const std::string& detail);
    void OnKey(uint32_t node,
               uint16_t ueId,
               const std::string& name,
               const std::vector<uint8_t>& key,
               uint32_t step);
    void OnStep(uint32_t node, uint16_t ueId, uint32_t step, const std::string& what);
    void OnActivated(uint32_t node, uint16_t ueId, const std::string& nea, const std::string& nia);
    void OnFailure(uint32_t node, uint16_t ueId, const std::string& reason);
    void OnIntegrity(uint32_t node,
                     uint16_t ueId,
                     uint8_t rbId,
                     uint32_t count,
                     uint32_t received,
                     uint32_t expected);
    void OnState(uint32_t node,
                 uint16_t ueId,
                 const std::string& oldState,
                 const std::string& newState);
    void OnMessage(uint32_t node,
                   uint16_t ueId,
                   const std::string& direction,
                   const std::string& name,
                   const std::vector<uint8_t>& message,
                   const std::string& bearer,
                   const std::string& protection);
    void OnRefused(uint32_t node,
                   uint16_t ueId,
                   uint32_t count,
                   const std::string& name,
                   const std::string& reason);
    void OnRadioLinkFailure(const NrSecurityAirFrame& frame);

    /// Connects every RRC trace source of an object whose trace signatures are the RRC ones.
    template <typename Rrc>
    void Connect(Ptr<Rrc> rrc, uint32_t node);

    std::ofstream m_out; ///< the CSV file
};

} // namespace ns3

#endif // NR_SECURITY_TRACE_WRITER_H
