// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_UE_NET_DEVICE_H
#define NR_SECURITY_UE_NET_DEVICE_H

#include "nr-security-net-device.h"
#include "ns3/event-id.h"
#include "ns3/nr-security-cell-info.h"
#include "ns3/nr-security-ue-rrc.h"

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief A UE on the NR air interface: it hosts the UE's RRC security entity and carries its
 *        PDCP PDUs to and from the serving cell; towards ns-3's Internet stack it is an IP
 *        device (like a tun device: no link-layer header, NeedsArp false).
 *
 * Send(): an IPv4 (0x0800) or IPv6 (0x86DD) packet of at most GetMtu() bytes goes to
 * NrSecurityUeRrc::SendUserData with a QFI chosen by this rule: the UplinkQfi attribute if it
 * is 0..63, otherwise (64, the default) the first QoS flow mapped to the default DRB, i.e. the
 * PDU session's QFI (TS 37.324 5.2.1: the SDAP entity maps it to its DRB). Refused (false,
 * counted in GetTxDrops(), fired on MacTxDrop): another protocol, a packet above the MTU, no
 * DRB, or a packet PDCP refuses. Downlink user data from the RRC goes up through the receive
 * callback with the protocol number of its IP version (4 or 6); other packets are dropped and
 * counted (GetRxDrops()). Link: up while the RRC has at least one DRB (IsLinkUp; the link
 * change callbacks fire when that changes); ns-3's IP layer may still hand packets to a device
 * whose link is down, and they are then refused as above.
 * Trace sources: MacTx (an IP packet handed to the RRC), MacTxDrop, MacRx (an IP packet
 * handed up), CellChanged (ueId, old cell id, new cell id), and those of NrSecurityNetDevice.
 *
 * Mobility: the device tells its RRC the serving cell (NrSecurityUeRrc::SetServingCell: cell
 * id, PCI, ARFCN-DL, cellIdentity of the gNB's RRC) on Attach; it answers the RRC's
 * CellSwitchCallback (reconfigurationWithSync: the target named by its PCI among the gNBs of
 * the channel) and CellSelectionCallback (re-establishment: the cell with the strongest RSRP,
 * TS 38.304 5.2.3 reduced to "strongest"), switching its serving cell. Every
 * MeasurementPeriod while the RRC is connected and the channel has more than one cell, it
 * hands the RRC the RSRP of every cell (NrSecurityChannel::GetRsrpDbm; ReportMeasurements:
 * the RRC evaluates A3); of cells sharing a PCI and an ARFCN-DL (a cloned cell) only the
 * strongest, as a UE cannot tell them apart. A PDU it sent that the channel dropped after the
 * last ARQ attempt is a radio link failure for the RRC (NrSecurityUeRrc::RadioLinkFailure;
 * attribute ArqRadioLinkFailure, default true); the channel's delivery confirmations go to
 * NrSecurityUeRrc::ConfirmDelivery.
 *
 * Cell selection and reselection (nr-security-ue-cell-selection.cc; the channel's cells include
 * false base stations, which are gNB devices): AttachToStrongestCell() selects the cell with
 * the strongest RSRP and attaches to it. With CellReselectionPeriod > 0, every period in
 * RRC_IDLE the UE ranks the cells (TS 38.304 5.2.4.6: R_s = Q_meas,s + Q_hyst for the serving
 * cell, R_n = Q_meas,n for the others; Q_meas = RSRP, Q_hyst = CellReselectionHysteresis,
 * no offsets, no Treselection) and camps on the best-ranked cell if it ranks above the serving
 * one (CellChanged fires); a later Attach(GetServingCellId()) connects there. SwitchToPci with
 * several cells of one PCI (a cloned cell) takes the strongest of them.
 * TxPower (dBm, default 23: power class 3, TS 38.101-1 6.2.1): the uplink transmit power of
 * the channel's received power at a gNB or a monitor.
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
    void SetUeId(uint32_t ueId);
    /// \return the UE id
    uint32_t GetUeId() const;
    /**
     * TracedCallback signature for CellChanged.
     * \param ueId the UE \param oldCellId the previous serving cell (0: none)
     * \param newCellId the new serving cell
     */
    typedef void (*CellChangedTracedCallback)(uint32_t ueId,
                                              uint16_t oldCellId,
                                              uint16_t newCellId);

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

    /**
     * \brief Cell selection then connection: selects the cell with the strongest RSRP
     *        (SelectCell) and attaches to it (Attach).
     * \return false if the channel has no cell or the RRC refused
     */
    bool AttachToStrongestCell();

    /// \return the TxPower attribute, dBm
    double GetTxPower() const override;

    /**
     * \brief Makes a cell the serving cell: later uplink frames go to it and only its
     *        downlink frames are received (fires CellChanged if it changed).
     * \param cellId a cell on the channel
     * \return false (nothing changed) if the channel has no gNB with that cell id
     */
    bool SetServingCellId(uint16_t cellId);

    /**
     * \brief The CellSwitchCallback of the RRC: switches to the cell with a PCI.
     * \param pci the target's PhysCellId (reconfigurationWithSync)
     * \param cell out: the new serving cell
     * \return false if no gNB of the channel has that PCI (the serving cell is unchanged)
     */
    bool SwitchToPci(uint16_t pci, NrSecurityCellInfo& cell);

    /**
     * \brief The CellSelectionCallback of the RRC: selects the cell with the strongest RSRP
     *        (ties: the lowest cell id) and makes it the serving cell.
     * \param cell out: the selected cell
     * \return false if the channel has no gNB
     */
    bool SelectCell(NrSecurityCellInfo& cell);

    /**
     * \brief The RedirectCallback of the RRC (RRCRelease redirectedCarrierInfo, TS 38.304
     *        5.2.6): selects the cell with the strongest RSRP among those with this ARFCN-DL
     *        (ties: the lowest cell id) and makes it the serving cell (camping in RRC_IDLE).
     * \param arfcnDl the redirected carrier (carrierFreq)
     * \param cell out: the selected cell
     * \return false (the serving cell is unchanged) if no gNB of the channel is on it
     */
    bool RedirectToCarrier(uint32_t arfcnDl, NrSecurityCellInfo& cell);

    /// \return the RSRP of every cell of the channel now, by ascending cell id
    std::vector<NrSecurityCellMeasurement> Measure() const;

    /// A radio link failure now (NrSecurityUeRrc::RadioLinkFailure), e.g. from a script.
    void TriggerRadioLinkFailure();

    void NotifyRadioLinkFailure(const NrSecurityAirFrame& frame) override;
    void NotifyDelivered(const NrSecurityAirFrame& frame) override;

    void ReceiveFrame(NrSecurityAirFrame frame) override;

    /// \return true while a DRB exists
    bool IsLinkUp() const override;
    /**
     * \brief An IP packet from the Internet stack: to the RRC (SDAP, DRB), see the class.
     * \param packet the IP packet
     * \param dest ignored (no link-layer address)
     * \param protocolNumber 0x0800 or 0x86DD
     * \return false if refused (counted and traced)
     */
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;
    /// \return packets Send() refused
    uint64_t GetTxDrops() const;
    /// \return downlink packets that could not go up (not IPv4/IPv6, no receive callback)
    uint64_t GetRxDrops() const;

  protected:
    void DoDispose() override;
    void DoInitialize() override;

  private:
    void Transmit(const NrSecurityRbPdu& pdu);
    /// Downlink user data from the RRC.
    void ReceiveUserData(Ptr<Packet> packet, uint8_t qfi);
    /// Fires the link-change callbacks if IsLinkUp() changed.
    void CheckLink();
    /// \return the QFI for an uplink packet (the rule of the class comment)
    uint8_t UplinkQfi() const;
    /// Starts the measurement timer if the RRC is connected and there are neighbours.
    void CheckMeasurements();
    /// Measurement timer: ReportMeasurements, then again after MeasurementPeriod.
    void MeasurementTick();
    /// \return the cell info the gNB of a cell announces (cell id 0 if unknown)
    NrSecurityCellInfo CellInfo(uint16_t cellId) const;
    /// Starts the reselection timer if CellReselectionPeriod > 0 and it is not running.
    void CheckReselection();
    /// Reselection timer: in RRC_IDLE, ranks the cells and camps on the best (TS 38.304).
    void ReselectionTick();

    uint32_t m_ueId;            ///< UE id
    uint16_t m_cellId;          ///< serving cell
    Ptr<NrSecurityUeRrc> m_rrc; ///< RRC
    uint8_t m_uplinkQfi;        ///< UplinkQfi attribute (64: the default DRB's first QFI)
    bool m_linkUp;              ///< IsLinkUp() when last checked
    uint64_t m_txDrops;         ///< refused Send()s
    uint64_t m_rxDrops;         ///< downlink packets not handed up
    Time m_measurementPeriod;   ///< MeasurementPeriod attribute (0: no measurements)
    EventId m_measurementEvent; ///< the next measurement
    bool m_arqRlf;              ///< ArqRadioLinkFailure attribute
    double m_txPower;           ///< TxPower attribute, dBm
    double m_qHystDb;           ///< CellReselectionHysteresis attribute, dB
    Time m_reselectionPeriod;   ///< CellReselectionPeriod attribute (0: no reselection)
    EventId m_reselectionEvent; ///< the next reselection evaluation
    TracedCallback<uint32_t, uint16_t, uint16_t> m_cellChangedTrace; ///< CellChanged
    TracedCallback<Ptr<const Packet>> m_macTxTrace;                  ///< MacTx
    TracedCallback<Ptr<const Packet>> m_macTxDropTrace;              ///< MacTxDrop
    TracedCallback<Ptr<const Packet>> m_macRxTrace;                  ///< MacRx
};

} // namespace ns3

#endif // NR_SECURITY_UE_NET_DEVICE_H
