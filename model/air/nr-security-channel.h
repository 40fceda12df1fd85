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

    uint32_t m_subcarrierSpacingKhz; ///< 15, 30, 60 or 120
    Time m_processingDelay;          ///< sender processing before the slot boundary
    Time m_retransmissionDelay;      ///< ARQ: time from a lost attempt to the next one
    uint32_t m_maxRetransmissions;   ///< ARQ limit
    std::map<uint16_t, Ptr<NrSecurityGnbNetDevice>> m_gnbs;            ///< by cell id
    std::map<uint16_t, Ptr<NrSecurityUeNetDevice>> m_ues;              ///< by UE id
    std::vector<Ptr<NetDevice>> m_devices;                             ///< in attach order
    std::vector<TapCallback> m_taps;                                   ///< listeners
    TracedCallback<const NrSecurityAirFrame&> m_transmissionTrace;     ///< every attempt
    TracedCallback<const NrSecurityAirFrame&> m_radioLinkFailureTrace; ///< ARQ exhausted
};

} // namespace ns3

#endif // NR_SECURITY_CHANNEL_H
