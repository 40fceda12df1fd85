// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_ADVERSARY_NET_DEVICE_H
#define NR_SECURITY_ADVERSARY_NET_DEVICE_H

#include "ns3/nr-security-air-frame.h"
#include "ns3/nr-security-channel.h"
#include "ns3/nr-security-net-device.h"
#include "ns3/traced-callback.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief What every adversary on the NR air interface shares: a position (the node's
 *        MobilityModel), a transmit power, a receiver sensitivity, and access to the channel
 *        only through the radio model (no back door into the UE or gNB entities).
 *
 * Start() registers the device as a monitor of the channel (NrSecurityChannel::AddMonitor):
 * from then on Hear() is called with every frame of any cell, UE and direction whose received
 * power at this device (the sender's transmit power through the channel's
 * PropagationLossModel) is at least the Sensitivity attribute, when it is sent, i.e. before
 * its slot starts; frame.rxPowerDbm holds that power. Transmit() puts a frame on the air
 * with NrSecurityChannel::SendFrom: position, power, slot timing and the capture rule apply
 * at the receiver (the gNB of frame.cellId for uplink, UE frame.ueId for downlink), there is
 * no ARQ and no delivery confirmation. The channel knows the device only as an
 * NrSecurityNetDevice (IsAdversary() is true); it is never the receiver of a frame
 * (ReceiveFrame ignores everything).
 *
 * Attributes: TxPower (dBm, default 23), Sensitivity (dBm, default -110).
 * Trace sources: FrameHeard (every frame handed to Hear, after the sensitivity test),
 * FrameSent (every frame Transmit put on the air, with its origin).
 */
class NrSecurityAdversaryNetDevice : public NrSecurityNetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecurityAdversaryNetDevice();
    ~NrSecurityAdversaryNetDevice() override;

    /**
     * \brief Puts the device on a channel and registers it as a monitor with its Sensitivity
     *        (the helper calls it; a second call on the same channel does nothing).
     * \param channel the air interface
     */
    virtual void Start(Ptr<NrSecurityChannel> channel);

    /// \return true after Start()
    bool IsStarted() const;

    /**
     * \brief Transmits a frame now (NrSecurityChannel::SendFrom) and fires FrameSent.
     * \param frame the frame: cellId, ueId and uplink name the receiver; the PDU and its
     *        metadata are sent as they are (attempt is set to 0)
     * \param origin how the frame is marked (INJECTED, REPLAYED, RELAYED, REWRITTEN or
     *        FALSE_BASE_STATION; LEGITIMATE is turned into INJECTED by the channel)
     * \return false if the device is not started, the frame has no PDU or the channel has no
     *         such receiver (nothing is sent)
     */
    bool Transmit(NrSecurityAirFrame frame, NrSecurityFrameOrigin origin);

    /**
     * \brief The monitor callback: a frame this device hears (see the class comment). The
     *        base fires FrameHeard; subclasses record, match or forward and call the base.
     * \param frame the frame, rxPowerDbm set
     */
    virtual void Hear(const NrSecurityAirFrame& frame);

    /// \return the TxPower attribute, dBm
    double GetTxPower() const override;
    /// \return the Sensitivity attribute, dBm
    double GetSensitivity() const;
    /// \return true: the channel treats the device as an adversary
    bool IsAdversary() const override;
    /// \return frames heard (handed to Hear) so far
    uint64_t GetHeard() const;
    /// \return frames Transmit put on the air so far
    uint64_t GetTransmitted() const;

    /// Ignores the frame: an adversary is never the addressed receiver of the channel.
    void ReceiveFrame(NrSecurityAirFrame frame) override;

  protected:
    void DoDispose() override;
    /// \return the channel after Start() (nullptr before)
    Ptr<NrSecurityChannel> GetAirChannel() const;

  private:
    /// The monitor callback registered by Start: counts, then Hear.
    void OnMonitor(const NrSecurityAirFrame& frame);

    double m_txPower;                                       ///< TxPower, dBm
    double m_sensitivity;                                   ///< Sensitivity, dBm
    Ptr<NrSecurityChannel> m_air;                           ///< the channel after Start
    uint64_t m_heard;                                       ///< frames heard
    uint64_t m_transmitted;                                 ///< frames sent
    TracedCallback<const NrSecurityAirFrame&> m_heardTrace; ///< FrameHeard
    TracedCallback<const NrSecurityAirFrame&> m_sentTrace;  ///< FrameSent
};

} // namespace ns3

#endif // NR_SECURITY_ADVERSARY_NET_DEVICE_H
