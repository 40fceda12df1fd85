// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_XN_MESSAGE_H
#define NR_SECURITY_XN_MESSAGE_H

#include "nr-security-cell-info.h"
#include "nr-security-key-epoch.h"
#include "nr-security-rrc-bearer-config.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-kdf.h"
#include "ns3/nr-security-pdu-session.h"
#include "ns3/nr-security-ue-capabilities.h"
#include "ns3/packet.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/// COUNT status of one DRB in XnAP SN STATUS TRANSFER (TS 38.423 9.1.1.4).
using NrSecurityXnDrbStatus = NrSecurityDrbCountStatus;

/**
 * \ingroup nr-security
 * \brief A PDCP SDU forwarded from the source to the target (Xn data forwarding, TS 38.300
 *        9.2.3.2.1), with the COUNT the source assigned to it (0 for a fresh SDU that had none).
 */
struct NrSecurityXnForwardedSdu
{
    uint8_t drbId = 0;          ///< DRB identity
    bool downlink = true;       ///< downlink SDU (to be sent to the UE by the target)
    bool countAssigned = false; ///< the source had already sent it with `count`
    uint32_t count = 0;         ///< its COUNT (if countAssigned)
    Ptr<Packet> sdu;            ///< the PDCP SDU (SDAP PDU)
};

/**
 * \ingroup nr-security
 * \brief One XnAP message between two gNBs (TS 38.423), reduced to what AS security and
 *        mobility need. The security fields are those of the AS Security Information IE
 *        (TS 38.423 9.2.3.49: K_gNB* and NCC) and of RETRIEVE UE CONTEXT (9.1.1.8-9.1.1.10).
 */
struct NrSecurityXnMessage
{
    /// The XnAP procedures modelled.
    enum Type
    {
        HANDOVER_REQUEST,             ///< source -> target: prepare (security context, bearers)
        HANDOVER_REQUEST_ACKNOWLEDGE, ///< target -> source: the RRC container (handover command)
        HANDOVER_PREPARATION_FAILURE, ///< target -> source: refused (cause)
        SN_STATUS_TRANSFER,           ///< source -> target: COUNTs per DRB
        DATA_FORWARDING,              ///< source -> target: forwarded SDUs (user plane)
        UE_CONTEXT_RELEASE,           ///< target -> source: handover done, release the UE
        RETRIEVE_UE_CONTEXT_REQUEST,  ///< new -> last serving gNB: re-establishment / resume
        RETRIEVE_UE_CONTEXT_RESPONSE, ///< last serving -> new gNB: the UE context
        RETRIEVE_UE_CONTEXT_FAILURE,  ///< last serving -> new gNB: refused (cause)
    };

    Type type = HANDOVER_REQUEST; ///< the message
    uint32_t ueId = 0;            ///< the UE (network-wide id, 32 bits)
    uint16_t sourceCellId = 0;    ///< the sending gNB's cell
    uint16_t targetCellId = 0;    ///< the receiving gNB's cell (0: resolve by targetPci)
    uint16_t targetPci = 0;       ///< the receiving cell's PCI (when targetCellId is 0)
    std::string cause;            ///< failure / release cause

    /// HANDOVER_REQUEST, RETRIEVE_UE_CONTEXT_RESPONSE: AS Security Information.
    NrSecurityKey256 kGnbStar{};
    uint8_t ncc = 0; ///< the NCC that goes with kGnbStar
    // No NH travels over Xn (TS 38.423 9.2.3.49: K_gNB* and NCC only); the target gets its
    // own {NH, NCC} from the AMF with the path switch.
    uint32_t keyEpoch = 0; ///< the epoch number kGnbStar starts (for traces)
    /// How the source derived kGnbStar, with its inputs (epoch number, derivation, input key,
    /// NH index, PCI, ARFCN-DL): for the target's KeyChange trace only, not on the wire (the
    /// target uses nothing of it but what XnAP carries: kGnbStar and ncc).
    NrSecurityKeyEpoch derivation;
    NrSecurityUeCapabilities caps;                       ///< UE security capabilities
    bool emergency = false;                              ///< unauthenticated emergency session
    NrSecurityCiphering nea = NrSecurityCiphering::NEA0; ///< algorithms in use at the source
    NrSecurityIntegrity nia = NrSecurityIntegrity::NIA0; ///< (the target may select others)
    std::vector<NrSecurityPduSession> pduSessions;       ///< the UE's PDU sessions
    std::vector<NrSecurityPduSessionResult> results;     ///< their activation results
    std::vector<NrSecurityDrbConfig> drbs;               ///< the DRBs set up at the source

    /// HANDOVER_REQUEST_ACKNOWLEDGE: the RRCReconfiguration the source sends (DL-DCCH bytes).
    std::vector<uint8_t> rrcContainer;

    /// SN_STATUS_TRANSFER / RETRIEVE_UE_CONTEXT_RESPONSE: COUNTs per DRB.
    std::vector<NrSecurityXnDrbStatus> drbStatus;
    /// DATA_FORWARDING: the SDUs.
    std::vector<NrSecurityXnForwardedSdu> forwarded;

    /// RETRIEVE_UE_CONTEXT_REQUEST: the UE's identity and MAC, as the new gNB received them.
    bool resume = false;        ///< RRCResumeRequest (true) or RRCReestablishmentRequest
    uint16_t cRnti = 0;         ///< re-establishment: the C-RNTI in the source cell
    uint16_t sourcePci = 0;     ///< re-establishment: the source PCI
    uint64_t iRnti = 0;         ///< resume: the (short or full) I-RNTI
    uint16_t macI16 = 0;        ///< shortMAC-I or resumeMAC-I (16 bits)
    NrSecurityCellInfo newCell; ///< the cell the UE is in now (for K_gNB* and the MAC input)
};

/**
 * \ingroup nr-security
 * \param type an XnAP message type
 * \return its TS 38.423 name, e.g. "HANDOVER REQUEST" (DATA FORWARDING: the user plane)
 */
inline std::string
NrSecurityXnMessageName(NrSecurityXnMessage::Type type)
{
    switch (type)
    {
        case NrSecurityXnMessage::HANDOVER_REQUEST:
            return "HANDOVER REQUEST";
        case NrSecurityXnMessage::HANDOVER_REQUEST_ACKNOWLEDGE:
            return "HANDOVER REQUEST ACKNOWLEDGE";
        case NrSecurityXnMessage::HANDOVER_PREPARATION_FAILURE:
            return "HANDOVER PREPARATION FAILURE";
        case NrSecurityXnMessage::SN_STATUS_TRANSFER:
            return "SN STATUS TRANSFER";
        case NrSecurityXnMessage::DATA_FORWARDING:
            return "DATA FORWARDING";
        case NrSecurityXnMessage::UE_CONTEXT_RELEASE:
            return "UE CONTEXT RELEASE";
        case NrSecurityXnMessage::RETRIEVE_UE_CONTEXT_REQUEST:
            return "RETRIEVE UE CONTEXT REQUEST";
        case NrSecurityXnMessage::RETRIEVE_UE_CONTEXT_RESPONSE:
            return "RETRIEVE UE CONTEXT RESPONSE";
        case NrSecurityXnMessage::RETRIEVE_UE_CONTEXT_FAILURE:
            return "RETRIEVE UE CONTEXT FAILURE";
    }
    return "?";
}

} // namespace ns3

#endif // NR_SECURITY_XN_MESSAGE_H
