// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_CAPTURE_H
#define NR_SECURITY_CAPTURE_H

#include <cstdint>
#include <limits>
#include <memory>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The capture rule of the NR air interface (NrSecurityChannel, RadioModel "Power"):
 *        which of the frames that overlap on one link in one slot is received.
 *
 * A link is (cell id, UE id, direction): its receiver is the gNB of the cell (uplink) or the
 * UE (downlink). Two frames overlap when they occupy the same slot of the same link. Frames
 * of one sender never collide with each other (they are one transport block); a jammer's
 * noise on a link counts as an overlapping frame of the jammer's received power. A frame is
 * received only if its received power exceeds that of every other sender on its link and slot
 * by at least the capture margin (dB; with a margin of 0, by strictly more than 0 dB, so two
 * frames of equal power are both lost); otherwise it is lost (capture drop).
 *
 * Cost: O(1) per frame. Each link keeps one record, of its latest slot; a frame registered
 * for a later slot replaces it with a new record. The frames in flight keep a handle to their
 * own slot's record (a shared pointer), which is complete when they arrive: every frame of a
 * slot is registered before the slot starts (a sender hands a frame to the channel at least
 * ProcessingDelay >= 0 before its slot), and slots of a link are registered in increasing
 * order (the slot depends only on the send time).
 */
class NrSecurityCapture
{
  public:
    /// What one sender put on a link in one slot (its strongest transmission).
    struct Entry
    {
        const void* sender = nullptr; ///< the transmitting device (identity only)
        double powerDbm = 0;          ///< received power at the link's receiver, dBm
    };

    /// The transmissions of one link in one slot.
    struct Slot
    {
        int64_t slot = 0;           ///< slot index (slot boundary / slot duration)
        std::vector<Entry> entries; ///< one per sender, usually one
    };

    /// A frame's handle on its slot record.
    typedef std::shared_ptr<Slot> SlotHandle;

    /**
     * \brief The key of a link.
     * \param cellId the cell
     * \param ueId the UE
     * \param uplink direction
     * \return a key unique per (cell, UE, direction): direction << 48 | cell << 32 | UE id
     */
    static uint64_t LinkKey(uint16_t cellId, uint32_t ueId, bool uplink);

    /**
     * \brief Registers a transmission on a link.
     * \param link the link key (LinkKey)
     * \param slot the slot index the transmission occupies
     * \param sender the transmitting device (a jammer included)
     * \param powerDbm its received power at the link's receiver, dBm
     * \return the handle of the slot record to decide the frame's fate with on arrival
     */
    SlotHandle Register(uint64_t link, int64_t slot, const void* sender, double powerDbm);

    /**
     * \brief The strongest power on a slot from any sender but one.
     * \param h a slot record
     * \param sender the sender to leave out
     * \return the power in dBm, or -infinity if no other sender used the slot
     */
    static double StrongestOther(const SlotHandle& h, const void* sender);

    /**
     * \brief The capture rule.
     * \param powerDbm the frame's received power, dBm
     * \param strongestOtherDbm the strongest other sender's power on its link and slot, dBm
     *        (-infinity: none)
     * \param marginDb the capture margin, dB (>= 0)
     * \return true if the frame is received: powerDbm - strongestOtherDbm >= marginDb, or
     *         with marginDb 0 strictly > 0 (two frames of equal power are both lost)
     */
    static bool IsReceived(double powerDbm, double strongestOtherDbm, double marginDb);

    /// \return the number of links with a record
    std::size_t GetNLinks() const;

    /// Forgets every link.
    void Clear();

  private:
    std::unordered_map<uint64_t, SlotHandle> m_links; ///< the latest slot of each link
};

} // namespace ns3

#endif // NR_SECURITY_CAPTURE_H
