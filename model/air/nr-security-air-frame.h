// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_AIR_FRAME_H
#define NR_SECURITY_AIR_FRAME_H

#include "ns3/nr-security-rb-pdu.h"
#include "ns3/packet.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief Who put a frame on the air: marked in pcaps, the per-PDU CSV, the traces and the
 *        labelled dataset, so forged frames can be told from legitimate ones.
 */
enum class NrSecurityFrameOrigin : uint8_t
{
    LEGITIMATE = 0,         ///< sent by the UE or gNB entity it claims to come from
    INJECTED = 1,           ///< forged by an injector / overshadower / fake UE
    REPLAYED = 2,           ///< a recorded frame sent again by an adversary
    RELAYED = 3,            ///< forwarded unchanged by a man-in-the-middle relay
    REWRITTEN = 4,          ///< forwarded by a relay with bytes changed
    FALSE_BASE_STATION = 5, ///< sent by a false base station's own RRC
};

/**
 * \brief The name of a frame origin, as written in CSV files and traces.
 * \param origin the origin
 * \return "legitimate", "injected", "replayed", "relayed", "rewritten", "false-base-station"
 *         ("unknown" for a value outside the enumeration)
 */
inline std::string
NrSecurityFrameOriginName(NrSecurityFrameOrigin origin)
{
    switch (origin)
    {
        case NrSecurityFrameOrigin::LEGITIMATE:
            return "legitimate";
        case NrSecurityFrameOrigin::INJECTED:
            return "injected";
        case NrSecurityFrameOrigin::REPLAYED:
            return "replayed";
        case NrSecurityFrameOrigin::RELAYED:
            return "relayed";
        case NrSecurityFrameOrigin::REWRITTEN:
            return "rewritten";
        case NrSecurityFrameOrigin::FALSE_BASE_STATION:
            return "false-base-station";
    }
    return "unknown";
}

/**
 * \ingroup nr-security
 * \brief What became of a transmission attempt at its receiver (NrSecurityChannel trace
 *        source "Reception").
 */
enum class NrSecurityFrameOutcome : uint8_t
{
    DELIVERED = 0,    ///< handed to the receiver
    LOST = 1,         ///< lost by the receiver's ErrorModel
    CAPTURE_DROP = 2, ///< lost to a stronger overlapping frame or a jammer (capture rule)
    NOT_SERVING = 3,  ///< downlink frame of a cell the UE does not listen to
};

/**
 * \brief The name of a frame outcome, as written in CSV files.
 * \param outcome the outcome
 * \return "delivered", "lost", "capture-drop", "not-serving" ("unknown" otherwise)
 */
inline std::string
NrSecurityFrameOutcomeName(NrSecurityFrameOutcome outcome)
{
    switch (outcome)
    {
        case NrSecurityFrameOutcome::DELIVERED:
            return "delivered";
        case NrSecurityFrameOutcome::LOST:
            return "lost";
        case NrSecurityFrameOutcome::CAPTURE_DROP:
            return "capture-drop";
        case NrSecurityFrameOutcome::NOT_SERVING:
            return "not-serving";
    }
    return "unknown";
}

/**
 * \ingroup nr-security
 * \brief One radio-bearer PDU on the simulated NR air interface (a PDCP PDU, or for SRB0 the
 *        CCCH RRC message), with what a radio-level observer (a tap, a pcap writer, an
 *        adversary) knows about it and the sender's metadata (NrSecurityRbPdu).
 */
struct NrSecurityAirFrame
{
    uint16_t cellId = 0;                           ///< the gNB's cell
    uint32_t ueId = 0;                             ///< the UE (network-wide id, 32 bits)
    NrSecurityRbType type = NrSecurityRbType::SRB; ///< SRB0 (CCCH), SRB or DRB
    uint8_t rbId = 1;          ///< SRB identity 0..3 or DRB identity 1..32 (separate spaces)
    bool uplink = false;       ///< UE -> gNB
    uint32_t attempt = 0;      ///< 0 for the first transmission, n for the n-th retransmission
    bool ciphered = false;     ///< metadata: the sender's PDCP ciphered this PDU (NEA0 included)
    bool macIPresent = false;  ///< metadata: a MAC-I field is present (SRB1-3 always, DRBs
                               ///< with integrity protection)
    bool integrity = false;    ///< metadata: integrity protection with NIA1-3 was applied
    uint8_t snLengthBits = 12; ///< metadata: PDCP SN length (12 or 18)
    bool sdapHeader = false;   ///< metadata: DRB: the SDU starts with an SDAP header
    uint16_t rnti = 0;         ///< the C-RNTI the frame is addressed with (NrSecurityRbPdu)
    Ptr<const Packet> pdu;     ///< the PDU as on the air (header || protected payload)
    /// who put the frame on the air (set by the sender; SendFrom refuses LEGITIMATE)
    NrSecurityFrameOrigin origin = NrSecurityFrameOrigin::LEGITIMATE;
    /// received power in dBm, set by the channel (RadioModel "Power"): at the frame's receiver
    /// for taps, traces and the receiver; at the monitor for a monitor's copy; 0 with "Simple"
    double rxPowerDbm = 0;

    /// \return true if an adversary or a false base station put the frame on the air
    bool IsForged() const
    {
        return origin != NrSecurityFrameOrigin::LEGITIMATE;
    }

    /// \return true for SRB0-3
    bool IsSrb() const
    {
        return type != NrSecurityRbType::DRB;
    }

    /**
     * \brief Copies a radio-bearer PDU and its metadata into the frame.
     * \param p the PDU
     */
    void SetFrom(const NrSecurityRbPdu& p)
    {
        type = p.type;
        rbId = p.rbId;
        ciphered = p.ciphered;
        macIPresent = p.macIPresent;
        integrity = p.integrity;
        snLengthBits = p.snLengthBits;
        sdapHeader = p.sdapHeader;
        rnti = p.rnti;
        pdu = p.pdu;
    }

    /// \return the frame as a radio-bearer PDU (a copy of the packet) for the receiving RRC
    NrSecurityRbPdu ToRbPdu() const
    {
        NrSecurityRbPdu p;
        p.type = type;
        p.rbId = rbId;
        p.ciphered = ciphered;
        p.macIPresent = macIPresent;
        p.integrity = integrity;
        p.snLengthBits = snLengthBits;
        p.sdapHeader = sdapHeader;
        p.rnti = rnti;
        p.pdu = pdu ? pdu->Copy() : nullptr;
        return p;
    }
};

} // namespace ns3

#endif // NR_SECURITY_AIR_FRAME_H
