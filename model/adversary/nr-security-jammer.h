// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_JAMMER_H
#define NR_SECURITY_JAMMER_H

#include "nr-security-adversary-net-device.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <set>
#include <utility>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief A jammer: while active, it transmits noise on chosen links, which the channel treats
 *        as an overlapping frame of the jammer's received power (NrSecurityChannel::AddJammer
 *        and its capture rule): a frame on a jammed link is lost unless it is received
 *        stronger than the jammer by the CaptureMargin (a capture drop; ARQ retransmits it).
 *
 * Targets: JamUe (a UE's uplink and/or downlink, in any cell), JamCell (every frame of a cell,
 * both directions), JamAll. Active between Activate(at) and Deactivate(at) (both relative to
 * now; it is inactive until the first Activate), and only once the device is started on a channel
 * (NrSecurityAdversaryNetDevice::Start, the helper calls it). GetJammedFrames() counts the
 * frames for which it was active (whether or not the frame survived).
 */
class NrSecurityJammer : public NrSecurityAdversaryNetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecurityJammer();
    ~NrSecurityJammer() override;

    /**
     * \brief Adds a UE's links to the targets.
     * \param ueId the UE
     * \param uplink jam its uplink frames
     * \param downlink jam its downlink frames
     */
    void JamUe(uint32_t ueId, bool uplink, bool downlink);
    /// \param cellId jam every frame of this cell (both directions)
    void JamCell(uint16_t cellId);
    /// Jams every frame on the channel.
    void JamAll();
    /// Removes every target.
    void ClearTargets();

    /// \param at when, from now, jamming starts (not Start(channel): that registers the device)
    void Activate(Time at);
    /// \param at when, from now, jamming stops
    void Deactivate(Time at);
    /// \return true while jamming
    bool IsActive() const;

    /**
     * \brief The channel's JamCallback: is this frame jammed now?
     * \param frame a frame on the air
     * \return true if active and the frame is a target
     */
    bool Jams(const NrSecurityAirFrame& frame);

    /// \return frames the jammer was active on
    uint64_t GetJammedFrames() const;

    /// Registers the monitor and the jammer with the channel. \param channel the channel
    void Start(Ptr<NrSecurityChannel> channel) override;

  private:
    /// \param on the new state
    void SetActive(bool on);

    bool m_active;                                 ///< jamming now
    bool m_all;                                    ///< JamAll
    std::set<uint16_t> m_cells;                    ///< JamCell targets
    std::set<std::pair<uint32_t, bool>> m_ueLinks; ///< JamUe targets (ueId, uplink)
    uint64_t m_jammed;                             ///< frames jammed
};

} // namespace ns3

#endif // NR_SECURITY_JAMMER_H
