// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_MITM_RELAY_H
#define NR_SECURITY_MITM_RELAY_H

#include "ns3/callback.h"
#include "ns3/nr-security-channel.h"
#include "ns3/nr-security-gnb-net-device.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <set>
#include <vector>

namespace ns3
{

/// What a relay does with a frame in flight.
enum class NrSecurityRelayAction : uint8_t
{
    FORWARD = 0, ///< forward it now (with the bytes the callback left in frame.pdu)
    DROP = 1,    ///< do not forward it
    DELAY = 2,   ///< forward it after NrSecurityRelayDecision::delay
};

/// \return "forward", "drop" or "delay" \param a the action
std::string NrSecurityRelayActionName(NrSecurityRelayAction a);

/// The intercept callback's verdict on one frame.
struct NrSecurityRelayDecision
{
    NrSecurityRelayAction action = NrSecurityRelayAction::FORWARD; ///< what to do
    Time delay;                                                    ///< DELAY: how long
};

/**
 * \ingroup nr-security
 * \brief A man-in-the-middle relay (aLTEr, Rupprecht et al., IEEE S&P 2019): a false cell
 *        toward the UE plus a fake UE toward the real gNB, forwarding each frame after a user
 *        callback that may drop, delay or rewrite it.
 *
 * The relay is a gNB device with a cell id of its own on the channel (the false cell) whose
 * RRC announces the real cell's identity: SetRealCell copies PhysCellId, ArfcnDl and
 * CellIdentity of the real gNB's RRC. A UE camps on it like on any cell (stronger received
 * power, or NrSecurityUeNetDevice::Attach to its cell id). The relay's own RRC never runs:
 *  - uplink: a frame a UE sends to the relay's cell (channel delivery to ReceiveFrame) makes
 *    that UE "captured" and goes to the real cell (frame.cellId = the real cell id), as the
 *    fake UE's transmission (NrSecurityChannel::SendFrom);
 *  - downlink: the relay monitors the channel (Sensitivity); a first transmission attempt of
 *    the real cell to a captured UE is sent to the UE in the relay's cell (frame.cellId = the
 *    relay's cell id). The UE does not listen to the real cell, so it receives only the
 *    relayed copy.
 * Each frame passes the intercept callback first (none set: FORWARD); the callback may change
 * frame.pdu (a new packet): the forwarded frame is then marked REWRITTEN, else RELAYED (a
 * null frame.pdu counts as DROP).
 * Counters: GetForwarded() (frames sent on, REWRITTEN included, DELAY included once sent),
 * GetRewritten(), GetDropped(), GetDelayed(); trace source Intercepted (the frame as
 * forwarded or dropped, and the action). Relayed frames go out in the next slot (the monitor
 * hears a frame when it is sent) plus the delay; forwarding has no ARQ and no delivery
 * confirmation.
 *
 * Attributes (in addition to the gNB device's, TxPower being the false cell's power):
 * Sensitivity (dBm, default -110: what the relay hears of the real cell).
 */
class NrSecurityMitmRelay : public NrSecurityGnbNetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecurityMitmRelay();
    ~NrSecurityMitmRelay() override;

    /// The intercept callback: may rewrite frame.pdu. \return the verdict
    typedef Callback<NrSecurityRelayDecision, NrSecurityAirFrame&> InterceptCallback;
    /**
     * TracedCallback signature of Intercepted.
     * \param frame the frame as forwarded (or as dropped) \param action the verdict
     */
    typedef void (*InterceptedTracedCallback)(const NrSecurityAirFrame& frame,
                                              NrSecurityRelayAction action);

    /**
     * \brief The cell to relay to: copies its identity (PhysCellId, ArfcnDl, CellIdentity)
     *        into the relay's RRC. Call before the UE selects a cell.
     * \param real the real gNB (on the same channel)
     */
    void SetRealCell(Ptr<NrSecurityGnbNetDevice> real);
    /// \return the real cell id (0 before SetRealCell)
    uint16_t GetRealCellId() const;

    /// \param cb the intercept callback (a null callback: forward everything unchanged)
    void SetInterceptCallback(InterceptCallback cb);

    /**
     * \brief Puts the relay's monitor on the channel (the helper calls it after SetChannel
     *        and AddGnb).
     * \param channel the air interface
     */
    void Start(Ptr<NrSecurityChannel> channel);

    /// \return true: the relay is an adversary
    bool IsAdversary() const override;

    /// \return frames forwarded (RELAYED + REWRITTEN)
    uint64_t GetForwarded() const;
    /// \return frames forwarded with changed bytes
    uint64_t GetRewritten() const;
    /// \return frames dropped by the callback
    uint64_t GetDropped() const;
    /// \return frames the callback delayed
    uint64_t GetDelayed() const;
    /**
     * \brief For intercept callbacks: a copy of a packet with bytes xored from an offset (the
     *        bit flips of aLTEr: on a stream cipher, flipping ciphertext bits flips the same
     *        plaintext bits, TS 33.501 D.2.1).
     * \param p the packet
     * \param offset the first byte to change
     * \param mask the bytes to xor into p[offset...] (those beyond the packet's end are ignored)
     * \return the new packet
     */
    static Ptr<Packet> XorBytes(Ptr<const Packet> p,
                                size_t offset,
                                const std::vector<uint8_t>& mask);

    /// \return the UEs captured so far (they sent an uplink frame to the relay's cell)
    const std::set<uint32_t>& GetCapturedUes() const;

    /// Uplink from a UE in the relay's cell: to the real cell. \param frame the frame
    void ReceiveFrame(NrSecurityAirFrame frame) override;
    /// No effect: the relay's own transmissions are never confirmed. \param frame the frame
    void NotifyDelivered(const NrSecurityAirFrame& frame) override;

  protected:
    void DoDispose() override;

  private:
    /// The monitor callback: downlink of the real cell to a captured UE.
    void Hear(const NrSecurityAirFrame& frame);
    /// Callback, counters, then (maybe later) Send. \param frame the frame, cell id set
    void Relay(NrSecurityAirFrame frame);
    /// Transmits a relayed frame now. \param frame the frame \param origin its mark
    void Send(NrSecurityAirFrame frame, NrSecurityFrameOrigin origin);

    Ptr<NrSecurityGnbNetDevice> m_real; ///< the real gNB
    Ptr<NrSecurityChannel> m_air;       ///< the channel after Start
    InterceptCallback m_intercept;      ///< the user's callback
    double m_sensitivity;               ///< Sensitivity, dBm
    std::set<uint32_t> m_captured;      ///< UEs seen in the relay's cell
    uint64_t m_forwarded;               ///< frames forwarded
    uint64_t m_rewritten;               ///< of them, rewritten
    uint64_t m_dropped;                 ///< frames dropped
    uint64_t m_delayed;                 ///< frames delayed
    TracedCallback<const NrSecurityAirFrame&, NrSecurityRelayAction> m_interceptedTrace;
};

} // namespace ns3

#endif // NR_SECURITY_MITM_RELAY_H
