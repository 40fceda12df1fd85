// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_GNB_NET_DEVICE_H
#define NR_SECURITY_GNB_NET_DEVICE_H

#include "nr-security-net-device.h"
#include "ns3/nr-security-gnb-rrc.h"

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief A gNB (one cell) on the NR air interface: it hosts the gNB's RRC security entity and
 *        carries the PDCP PDUs of all its UEs.
 *
 * TxPower (dBm): the SS/PBCH block power per resource element the channel's received power
 * starts from (NrSecurityChannel::GetRsrpDbm). The channel's delivery confirmations of the PDUs
 * it sent go to NrSecurityGnbRrc::ConfirmDelivery (UE id, PDU).
 *
 * FalseBaseStation (attribute, default false): the device is an attacker's cell (a false base
 * station, NrSecurityAdversaryHelper::InstallFalseBaseStation). It works like any cell (UEs
 * select it by received power), but its frames carry origin FALSE_BASE_STATION, IsAdversary()
 * is true and the helper never puts it on Xn. ReceiveFrame is virtual: a man-in-the-middle
 * relay subclasses the device.
 */
class NrSecurityGnbNetDevice : public NrSecurityNetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecurityGnbNetDevice();
    ~NrSecurityGnbNetDevice() override;

    /// \param cellId the cell id (unique per channel)
    void SetCellId(uint16_t cellId);
    /// \return the cell id
    uint16_t GetCellId() const;
    /// \return the RRC entity
    Ptr<NrSecurityGnbRrc> GetRrc() const;
    /// \return the cell's identity as its RRC announces it (NrSecurityGnbRrc::GetCellInfo)
    NrSecurityCellInfo GetCellInfo() const;
    /// \return the TxPower attribute, dBm
    double GetTxPower() const override;
    /// \return the FalseBaseStation attribute
    bool IsAdversary() const override;
    /// \return the FalseBaseStation attribute
    bool IsFalseBaseStation() const;

    void ReceiveFrame(NrSecurityAirFrame frame) override;
    void NotifyDelivered(const NrSecurityAirFrame& frame) override;

  protected:
    void DoDispose() override;

  private:
    void Transmit(uint32_t ueId, const NrSecurityRbPdu& pdu);

    uint16_t m_cellId;           ///< cell id
    Ptr<NrSecurityGnbRrc> m_rrc; ///< RRC
    double m_txPower;            ///< dBm
    bool m_falseBaseStation;     ///< FalseBaseStation attribute
};

} // namespace ns3

#endif // NR_SECURITY_GNB_NET_DEVICE_H
