// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_INJECTOR_H
#define NR_SECURITY_INJECTOR_H

#include "nr-security-adversary-net-device.h"
#include "ns3/callback.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief An injector / overshadower: sends forged or replayed frames over the radio model,
 *        so its position, power and timing decide whether they are received.
 *
 * Inject() and Replay() transmit a frame at a later time (NrSecurityAdversaryNetDevice::
 * Transmit, marked INJECTED or REPLAYED). Overshadow() (SigOver, Yang et al., USENIX Security
 * 2019; AdaptOver, Erni et al., MobiCom 2022) waits for a frame it hears that matches, and
 * sends forge(frame) at once: in the same slot as the genuine frame, to the same link, so that
 * the channel's capture rule decides which of the two the receiver gets (the forged one only if
 * it is received stronger by the channel's CaptureMargin). Every transmission counts in
 * GetSent(); a Transmit the channel refused (no such receiver) counts in GetRefused().
 */
class NrSecurityInjector : public NrSecurityAdversaryNetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecurityInjector();
    ~NrSecurityInjector() override;

    /// Does a frame heard trigger the overshadowing? \return true to forge
    typedef Callback<bool, const NrSecurityAirFrame&> MatchCallback;
    /// The forged frame to send in place of the frame heard (same cellId, ueId, direction
    /// unless changed). \return the forged frame
    typedef Callback<NrSecurityAirFrame, const NrSecurityAirFrame&> ForgeCallback;

    /**
     * \brief Schedules a forged frame.
     * \param frame the frame (cellId, ueId and uplink name the receiver; PDU and metadata as
     *        they should appear on the air)
     * \param at when, from now (Simulator::Schedule)
     * \return false if the frame has no PDU (nothing scheduled); whether it reached a
     *         receiver is in GetSent() / GetRefused() after it was sent
     */
    bool Inject(NrSecurityAirFrame frame, Time at);

    /**
     * \brief Schedules a recorded frame (e.g. NrSecuritySniffedFrame::frame) to be sent again,
     *        byte for byte, marked REPLAYED.
     * \param recorded the frame as heard
     * \param at when, from now
     * \return false if the frame has no PDU
     */
    bool Replay(const NrSecurityAirFrame& recorded, Time at);

    /**
     * \brief Arms the overshadower (replacing an earlier arming): each frame heard for which
     *        match() returns true is answered at once by forge(frame), marked INJECTED, until
     *        maxTimes frames were forged. The injector must be started and hear the genuine
     *        frame (Sensitivity).
     *
     * The overshadower hears the genuine frame when it is handed to the channel, before its
     * slot (NrSecurityChannel::AddMonitor): this models an adversary that knows the schedule
     * and the content of a frame before it is on the air (a "genie"), stronger than SigOver
     * and AdaptOver, which predict a frame's content and timing; outcomes are an upper bound.
     * \param match which frames to overshadow
     * \param forge the frame to send in the same slot
     * \param maxTimes how many frames to overshadow (0: no limit)
     */
    void Overshadow(MatchCallback match, ForgeCallback forge, uint32_t maxTimes = 1);

    /// Disarms the overshadower.
    void StopOvershadowing();

    /// \return frames transmitted (Inject, Replay, Overshadow) that reached a receiver
    uint64_t GetSent() const;
    /// \return frames of Inject/Replay/Overshadow the channel had no receiver for
    uint64_t GetRefused() const;
    /// \return frames forged by the overshadower so far
    uint64_t GetOvershadowed() const;

    /// Overshadows matching frames, then the base's Hear. \param frame the frame heard
    void Hear(const NrSecurityAirFrame& frame) override;

  protected:
    void DoDispose() override;

  private:
    /// Transmits and counts. \param frame the frame \param origin its mark
    void Send(NrSecurityAirFrame frame, NrSecurityFrameOrigin origin);

    MatchCallback m_match;   ///< overshadow trigger (null: disarmed)
    ForgeCallback m_forge;   ///< forged frame
    uint32_t m_maxTimes;     ///< overshadowing limit (0: none)
    uint64_t m_overshadowed; ///< frames overshadowed since the last arming
    uint64_t m_sent;         ///< frames that reached a receiver
    uint64_t m_refused;      ///< frames without a receiver
};

} // namespace ns3

#endif // NR_SECURITY_INJECTOR_H
