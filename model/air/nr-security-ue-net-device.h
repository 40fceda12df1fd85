// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_UE_NET_DEVICE_H
#define NR_SECURITY_UE_NET_DEVICE_H

#include "nr-security-net-device.h"
#include "ns3/nr-security-ue-rrc.h"

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief A UE on the NR air interface: it hosts the UE's RRC security entity and carries its
 *        PDCP PDUs to and from the serving cell.
 */
class NrSecurityUeNetDevice : public NrSecurityNetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecurityUeNetDevice();
    ~NrSecurityUeNetDevice() override;

    /// \param ueId the UE id (unique per channel; also the pcap UE id)
    void SetUeId(uint16_t ueId);
    /// \return the UE id
    uint16_t GetUeId() const;
    /// \return the serving cell (0 before attach)
    uint16_t GetServingCellId() const;
    /// \return the RRC entity
    Ptr<NrSecurityUeRrc> GetRrc() const;

    /**
     * \brief Starts RRC connection establishment with a cell (NrSecurityUeRrc::Connect:
     *        RRCSetupRequest on SRB0, T300).
     * \param cellId the serving cell
     * \return false if the RRC refused (T302 running, not in RRC_IDLE)
     */
    bool Attach(uint16_t cellId);

    void ReceiveFrame(NrSecurityAirFrame frame) override;

  protected:
    void DoDispose() override;

  private:
    void Transmit(const NrSecurityRbPdu& pdu);

    uint16_t m_ueId;            ///< UE id
    uint16_t m_cellId;          ///< serving cell
    Ptr<NrSecurityUeRrc> m_rrc; ///< RRC
};

} // namespace ns3

#endif // NR_SECURITY_UE_NET_DEVICE_H
