// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_CHANNEL_H
#define NR_SECURITY_CHANNEL_H

#include "nr-security-air-frame.h"
#include "nr-security-capture.h"
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
 * Received power (RadioModel "Power", the default): every transmitter (gNB, UE, adversary
 * device) has a transmit power (NrSecurityNetDevice::GetTxPower, dBm) and the position of its
 * node's MobilityModel; the received power of a transmission of `from` at `to` is that power
 * through the channel's PropagationLossModel (GetRxPowerDbm; a node without a MobilityModel:
 * no path loss). GetRsrpDbm(ue, gnb) is the gNB's received power at the UE, taken as the
 * SS-RSRP the UE measures (TS 38.215 5.1.1; the model has no resource grid, so the gNB's
 * TxPower is read as the SS/PBCH block power per resource element). It feeds measurements (A3,
 * TS 38.331 5.5.4.4), cell selection and reselection (NrSecurityUeNetDevice), the monitors'
 * sensitivity and the capture rule. Every frame carries its received power at its receiver in
 * frame.rxPowerDbm (taps and traces included).
 *
 * One power reference: every TxPower (gNB, UE, adversary devices) is read as the power of the
 * frame on the link in the same reference, per resource element of the frames' resource grid,
 * and the capture rule and the monitors' sensitivity compare the received powers as given
 * (no bandwidth or resource-element scaling). The defaults are the gNB's SS/PBCH power per
 * resource element (18 dBm) and 23 dBm for the UE (power class 3) and the adversary devices,
 * so an adversary's TxPower must be set in that reference (the power per resource element it
 * puts on the victim's resource grid) for its frames to compete with the gNB's as intended.
 *
 * Capture (overshadowing, jamming): a link is (cell, UE, direction); its receiver is the cell's
 * gNB (uplink) or the UE (downlink). Frames overlap when they occupy the same slot of one link
 * (downlink frames of different cells do not: a UE decodes only the cell it listens to).
 * Frames of one sender never collide (one transport block). An overlapping frame is received
 * only if its received power exceeds every other sender's on the link by at least CaptureMargin
 * (dB; with CaptureMargin 0, by strictly more than 0 dB, so two frames of equal power are both
 * lost); otherwise it is lost: counted (GetCaptureDrops), fired on CaptureDrop with the
 * strongest other power, and retransmitted by ARQ like any lost attempt (a frame of SendFrom
 * is not). A jammer (AddJammer) whose callback is true for a frame transmits noise on that
 * frame's link in its slot: an overlapping frame of the jammer's received power. The rule
 * keeps one record per link, of its latest slot (NrSecurityCapture): O(1) per frame.
 *
 * Monitors (AddMonitor): an adversary device hears every transmission attempt (any cell, any
 * UE, both directions, SendFrom frames of other adversaries included) whose received power
 * at it is at least its sensitivity, when the attempt is put on the air, i.e. before its slot
 * starts: a frame it sends from the callback with SendFrom occupies the same slot. This is a
 * capability of the modelled adversary, not of a real receiver: it knows the schedule and the
 * content of a frame before the frame is on the air (a "genie"), which is stronger than
 * SigOver (Yang et al., USENIX Security 2019) and AdaptOver (Erni et al., MobiCom 2022), who
 * predict a frame's content and timing from the cell's broadcast and scheduling information.
 * Results of overshadowing are therefore an upper bound on such an attacker.
 *
 * Inject (the explicit compromised-node mode and test hook): the adversaries of the model act
 * only through the radio (SendFrom, monitors, jammers) except through Inject, which hands a
 * frame straight to its receiver as a compromised node or a test would: no slot timing, no
 * propagation, no capture rule, no ErrorModel, no ARQ, no taps, no monitors, no Reception
 * trace, nothing in the dataset; only the Transmission trace sees it. Its frames are marked
 * like SendFrom's (origin LEGITIMATE becomes INJECTED).
 *
 * RadioModel "Simple": the channel of before issue 16, for cost comparisons: no received
 * power per frame (rxPowerDbm 0), no capture, no jamming; monitors hear every frame. GetRsrpDbm
 * and GetRxPowerDbm still compute received powers (measurements, cell selection).
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

    /// How received power and overlapping frames are modelled (attribute RadioModel).
    enum RadioModel
    {
        POWER,  ///< received power, capture margin, jamming, monitor sensitivity
        SIMPLE, ///< none of them: every frame reaches its receiver (ErrorModel, ARQ only)
    };

    /**
     * A monitor: called with every frame it hears; frame.rxPowerDbm is the power at the
     * monitor (0 with RadioModel "Simple").
     */
    typedef Callback<void, const NrSecurityAirFrame&> MonitorCallback;

    /// A jammer's schedule: true while it transmits noise on that frame's link and slot.
    typedef Callback<bool, const NrSecurityAirFrame&> JamCallback;

    /**
     * TracedCallback signature for CaptureDrop.
     * \param lost the frame lost (its rxPowerDbm: its power at the receiver)
     * \param strongestOtherDbm the strongest other sender's (or jammer's) power on its link
     */
    typedef void (*CaptureDropTracedCallback)(const NrSecurityAirFrame& lost,
                                              double strongestOtherDbm);

    /**
     * TracedCallback signature for Reception.
     * \param frame the frame at its receiver
     * \param outcome what became of it
     */
    typedef void (*ReceptionTracedCallback)(const NrSecurityAirFrame& frame,
                                            NrSecurityFrameOutcome outcome);

    /// \param gnb a gNB device to serve its cell on this channel
    void AddGnb(Ptr<NrSecurityGnbNetDevice> gnb);
    /// \param ue a UE device on this channel
    void AddUe(Ptr<NrSecurityUeNetDevice> ue);

    /// \return the gNB device of a cell, or nullptr \param cellId the cell
    Ptr<NrSecurityGnbNetDevice> GetGnb(uint16_t cellId) const;
    /// \return the UE device with an id, or nullptr \param ueId the UE
    Ptr<NrSecurityUeNetDevice> GetUe(uint32_t ueId) const;

    /**
     * \brief Sends a PDU over the air from a device to the peer named in the frame (the gNB
     *        of frame.cellId for uplink, UE frame.ueId for downlink).
     * \param frame the frame; attempt is set by the channel
     * \return false if the peer is unknown (nothing is sent)
     */
    bool Send(NrSecurityAirFrame frame);

    /**
     * \brief The explicit compromised-node mode and test hook: hands a frame straight to its
     *        receiver after a delay, bypassing the radio model, which the adversary devices
     *        otherwise always go through (SendFrom). Skipped: slot timing and propagation
     *        delay, the capture rule and jamming, the receiver's ErrorModel, ARQ and delivery
     *        confirmation, the taps and monitors (hence the sniffer's capture and the dataset),
     *        the Reception, CaptureDrop and NotServingDrop traces, the serving-cell check (the
     *        receiving device still ignores a frame not meant for it). The Transmission trace
     *        fires with it when it is scheduled (rxPowerDbm 0).
     * \param frame the frame; origin LEGITIMATE is replaced by INJECTED (what the receiver's
     *        PduRx, pcaps and CSVs see)
     * \param delay when, from now
     * \return false if the receiver is unknown or frame.pdu is null (nothing is delivered)
     */
    bool Inject(NrSecurityAirFrame frame, Time delay);

    /// \param tap a listener called with every transmission attempt
    void AddTap(TapCallback tap);

    /**
     * \brief Makes a device a monitor: it hears every transmission attempt (any cell, any UE,
     *        both directions) whose received power at it is at least sensitivityDbm, when the
     *        attempt is put on the air (before its slot starts), except its own.
     *
     *        Hearing a frame when it is sent, not when it is on the air, is the adversary's
     *        capability ("genie"): it knows the schedule and content of a frame before its
     *        slot, more than SigOver/AdaptOver, which predict content and timing (see the
     *        class comment).
     * \param dev the listening device (its position and the senders' powers decide)
     * \param sensitivityDbm the weakest power it decodes, dBm (ignored with "Simple")
     * \param cb called with a copy of the frame, rxPowerDbm = the power at dev
     */
    void AddMonitor(Ptr<NrSecurityNetDevice> dev, double sensitivityDbm, MonitorCallback cb);

    /**
     * \brief An adversary transmits a frame. Its receiver is the gNB of frame.cellId (uplink)
     *        or UE frame.ueId (downlink; received only while that UE listens to frame.cellId).
     *        Slot timing, propagation from `from`, the capture rule and the receiver's
     *        ErrorModel apply; no ARQ, no delivery confirmation. Sent now, it occupies the slot
     *        of any frame sent now by anyone else (overshadowing: call it from a
     *        MonitorCallback). Taps, monitors (but from's) and the Transmission trace see it.
     * \param from the transmitting device (its GetTxPower and position)
     * \param frame the frame; origin LEGITIMATE is replaced by INJECTED
     * \return false if there is no such receiver or frame.pdu is null (a caller error:
     *         nothing is sent, nothing counted)
     */
    bool SendFrom(Ptr<NrSecurityNetDevice> from, NrSecurityAirFrame frame);

    /**
     * \brief Received power of a transmission of one device at another.
     * \param from the transmitter
     * \param to the receiver
     * \return from->GetTxPower() through the PropagationLossModel between their nodes'
     *         MobilityModels, dBm (either without a MobilityModel: no path loss)
     */
    double GetRxPowerDbm(Ptr<const NrSecurityNetDevice> from,
                         Ptr<const NrSecurityNetDevice> to) const;

    /**
     * \brief Adds a jammer: for each frame put on the air for which active(frame) is true, the
     *        jammer transmits noise on the frame's link in its slot (an overlapping frame of
     *        the jammer's received power at the frame's receiver, for the capture rule).
     *        Ignored with RadioModel "Simple".
     * \param jammer the jamming device (its GetTxPower and position)
     * \param active its schedule, asked once per frame
     */
    void AddJammer(Ptr<NrSecurityNetDevice> jammer, JamCallback active);

    /// \return attempts lost to a stronger overlapping frame or to jamming
    uint64_t GetCaptureDrops() const;

    /// \return the RadioModel attribute
    RadioModel GetRadioModel() const;

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
    /**
     * \brief Puts an attempt on the air: received power, capture record, jammers, taps,
     *        traces, monitors, and its arrival.
     * \param frame the attempt \param from sender \param to receiver
     * \param adversary true for SendFrom (no ARQ, no delivery confirmation)
     */
    void Transmit(NrSecurityAirFrame frame,
                  Ptr<NrSecurityNetDevice> from,
                  Ptr<NrSecurityNetDevice> to,
                  bool adversary);
    /**
     * \brief An attempt arrives: serving cell, capture rule, ErrorModel, ARQ.
     * \param frame the attempt \param from sender \param to receiver
     * \param slot its capture record (null with "Simple") \param adversary as for Transmit
     */
    void Arrive(NrSecurityAirFrame frame,
                Ptr<NrSecurityNetDevice> from,
                Ptr<NrSecurityNetDevice> to,
                NrSecurityCapture::SlotHandle slot,
                bool adversary);
    /// \return the index of the slot a frame handed over now occupies
    int64_t NextSlotIndex() const;
    /// Calls the monitors with a frame sent by `from`. \param frame the frame \param from sender
    void NotifyMonitors(const NrSecurityAirFrame& frame, Ptr<NrSecurityNetDevice> from);

    /// A monitor (AddMonitor).
    struct Monitor
    {
        Ptr<NrSecurityNetDevice> dev; ///< the listener
        double sensitivityDbm;        ///< weakest power heard, dBm
        MonitorCallback cb;           ///< called with what it hears
    };

    /// A jammer (AddJammer).
    struct Jammer
    {
        Ptr<NrSecurityNetDevice> dev; ///< the jammer
        JamCallback active;           ///< its schedule
    };
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
    double m_captureMarginDb;         ///< CaptureMargin attribute
    RadioModel m_radioModel;          ///< RadioModel attribute
    uint64_t m_captureDrops;          ///< attempts lost to capture or jamming
    NrSecurityCapture m_capture;      ///< the latest slot of each link
    std::vector<Monitor> m_monitors;  ///< adversaries listening
    std::vector<Jammer> m_jammers;    ///< adversaries jamming
    std::map<uint16_t, Ptr<NrSecurityGnbNetDevice>> m_gnbs;               ///< by cell id
    std::map<uint32_t, Ptr<NrSecurityUeNetDevice>> m_ues;                 ///< by UE id
    std::vector<Ptr<NetDevice>> m_devices;                                ///< in attach order
    std::vector<TapCallback> m_taps;                                      ///< listeners
    TracedCallback<const NrSecurityAirFrame&> m_transmissionTrace;        ///< every attempt
    TracedCallback<const NrSecurityAirFrame&> m_radioLinkFailureTrace;    ///< ARQ exhausted
    TracedCallback<const NrSecurityAirFrame&> m_notServingTrace;          ///< NotServingDrop
    TracedCallback<const NrSecurityAirFrame&, double> m_captureDropTrace; ///< CaptureDrop
    TracedCallback<const NrSecurityAirFrame&, NrSecurityFrameOutcome>
        m_receptionTrace; ///< Reception
};

} // namespace ns3

#endif // NR_SECURITY_CHANNEL_H
