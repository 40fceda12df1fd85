// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_CHANNEL_H
#define NR_SECURITY_CHANNEL_H

#include "nr-security-air-frame.h"
#include "ns3/callback.h"
#include "ns3/channel.h"
#include "ns3/nstime.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/traced-callback.h"

#include <map>
#include <vector>

namespace ns3
{

class NrSecurityNetDevice;
class NrSecurityGnbNetDevice;
class NrSecurityUeNetDevice;

/**
 * \ingroup nr-security
 * \brief The NR air interface of one or more cells, at the level of PDCP PDUs.
 *
 * A PDU handed to the channel reaches its peer after the processing delay, the wait to the
 * next slot boundary (slot = 1 ms * 15 kHz / SubcarrierSpacing, TS 38.211 4.3.2), one slot of
 * transmission and the propagation delay between the nodes' MobilityModels (distance / c; 0
 * when a node has no MobilityModel). The receiving device's ErrorModel decides whether an
 * attempt is lost; a lost attempt is retransmitted after RetransmissionDelay (ARQ), up to
 * MaxRetransmissions times, after which the PDU is dropped and RadioLinkFailure fires.
 *
 * Every attempt is offered to the taps (and to the Transmission trace) with its UE id, RB id,
 * direction and attempt number: the hook for passive listeners and adversaries.
 *
 * Received power (mobility): GetRsrpDbm(ue, gnb) = the gNB's TxPower attribute (dBm) through
 * the channel's PropagationLossModel between the two nodes' MobilityModels, taken as the
 * SS-RSRP the UE measures (TS 38.215 5.1.1; the model has no resource grid, so TxPower is read
 * as the SS/PBCH block power per resource element). A node without a MobilityModel: no path
 * loss (RSRP = TxPower). The received power does not decide losses (the ErrorModel does); it
 * feeds measurements (A3, TS 38.331 5.5.4.4) and cell selection.
 *
 * Serving cell: a downlink frame of cell C reaches a UE only while C is the UE's serving cell
 * (NrSecurityUeNetDevice::GetServingCellId) when it arrives; otherwise it is dropped (the UE no
 * longer listens there: no retransmission, no delivery confirmation), counted in
 * GetNotServingDrops() and fired on NotServingDrop. Likewise an uplink frame reaches only the
 * gNB of the cell it was sent in (frame.cellId).
 *
 * Delivery confirmation: when an attempt arrives (not lost, receiver listening), the channel
 * tells the sender (NrSecurityNetDevice::NotifyDelivered) at that instant: the HARQ/RLC
 * acknowledgement, without its own delay or loss. The devices hand it to their RRC, whose
 * PDCP keeps AM DRB SDUs until then (TS 38.323 5.1.2: retransmission after re-establishment).
 */
class NrSecurityChannel : public Channel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecurityChannel();
    ~NrSecurityChannel() override;

    /// A tap: called with every transmission attempt.
    typedef Callback<void, const NrSecurityAirFrame&> TapCallback;
    /**
     * TracedCallback signature for Transmission and RadioLinkFailure.
     * \param frame the frame
     */
    typedef void (*FrameTracedCallback)(const NrSecurityAirFrame& frame);

    /// \param gnb a gNB device to serve its cell on this channel
    void AddGnb(Ptr<NrSecurityGnbNetDevice> gnb);
    /// \param ue a UE device on this channel
    void AddUe(Ptr<NrSecurityUeNetDevice> ue);

    /// \return the gNB device of a cell, or nullptr \param cellId the cell
    Ptr<NrSecurityGnbNetDevice> GetGnb(uint16_t cellId) const;
    /// \return the UE device with an id, or nullptr \param ueId the UE
    Ptr<NrSecurityUeNetDevice> GetUe(uint16_t ueId) const;

    /**
     * \brief Sends a PDU over the air from a device to the peer named in the frame (the gNB
     *        of frame.cellId for uplink, UE frame.ueId for downlink).
     * \param frame the frame; attempt is set by the channel
     * \return false if the peer is unknown (nothing is sent)
     */
    bool Send(NrSecurityAirFrame frame);

    /**
     * \brief Hands a frame straight to its receiver at a given time, bypassing the radio
     *        model (no delay, no loss, no taps): for tests and adversaries that inject.
     * \param frame the frame
     * \param delay when, from now
     * \return false if the receiver is unknown
     */
    bool Inject(const NrSecurityAirFrame& frame, Time delay);

    /// \param tap a listener called with every transmission attempt
    void AddTap(TapCallback tap);

    /**
     * \brief The SS-RSRP a UE receives from a gNB now (see the class comment).
     * \param ue the UE device
     * \param gnb the gNB device
     * \return TxPower of the gNB minus the path loss of the PropagationLossModel, in dBm
     */
    double GetRsrpDbm(Ptr<const NrSecurityUeNetDevice> ue,
                      Ptr<const NrSecurityGnbNetDevice> gnb) const;

    /// \return the gNB devices, by ascending cell id
    std::vector<Ptr<NrSecurityGnbNetDevice>> GetGnbs() const;

    /// \return downlink frames dropped because their cell was not the UE's serving cell
    uint64_t GetNotServingDrops() const;

    /// \return the slot duration for the configured subcarrier spacing
    Time GetSlotDuration() const;

    /**
     * \brief The time from now at which a PDU sent now by `from` arrives at `to`.
     * \param from sender
     * \param to receiver
     * \return processing + wait to the slot boundary + one slot + propagation delay
     */
    Time ComputeDelay(Ptr<const NrSecurityNetDevice> from, Ptr<const NrSecurityNetDevice> to) const;

    // ns3::Channel
    std::size_t GetNDevices() const override;
    Ptr<NetDevice> GetDevice(std::size_t i) const override;

  protected:
    void DoDispose() override;

  private:
    void Transmit(NrSecurityAirFrame frame,
                  Ptr<NrSecurityNetDevice> from,
                  Ptr<NrSecurityNetDevice> to);
    void Arrive(NrSecurityAirFrame frame,
                Ptr<NrSecurityNetDevice> from,
                Ptr<NrSecurityNetDevice> to);
    Ptr<NrSecurityNetDevice> Receiver(const NrSecurityAirFrame& frame) const;
    Ptr<NrSecurityNetDevice> Sender(const NrSecurityAirFrame& frame) const;
    /// \return true if the receiver listens to the frame's cell (downlink: serving cell)
    bool Listening(const NrSecurityAirFrame& frame, Ptr<NrSecurityNetDevice> to) const;

    uint32_t m_subcarrierSpacingKhz;  ///< 15, 30, 60 or 120
    Time m_processingDelay;           ///< sender processing before the slot boundary
    Time m_retransmissionDelay;       ///< ARQ: time from a lost attempt to the next one
    uint32_t m_maxRetransmissions;    ///< ARQ limit
    Ptr<PropagationLossModel> m_loss; ///< path loss for GetRsrpDbm
    uint64_t m_notServingDrops;       ///< downlink frames for a cell the UE did not listen to
    std::map<uint16_t, Ptr<NrSecurityGnbNetDevice>> m_gnbs;            ///< by cell id
    std::map<uint16_t, Ptr<NrSecurityUeNetDevice>> m_ues;              ///< by UE id
    std::vector<Ptr<NetDevice>> m_devices;                             ///< in attach order
    std::vector<TapCallback> m_taps;                                   ///< listeners
    TracedCallback<const NrSecurityAirFrame&> m_transmissionTrace;     ///< every attempt
    TracedCallback<const NrSecurityAirFrame&> m_radioLinkFailureTrace; ///< ARQ exhausted
    TracedCallback<const NrSecurityAirFrame&> m_notServingTrace;       ///< NotServingDrop
};

} // namespace ns3

#endif // NR_SECURITY_CHANNEL_H
