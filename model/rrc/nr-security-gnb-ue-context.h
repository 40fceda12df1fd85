// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * What NrSecurityGnbRrc keeps per UE (NrSecurityGnbUeContext, with the handover in progress,
 * NrSecurityGnbHandover) and the kinds of handover; included by nr-security-gnb-rrc.h.
 */
#ifndef NR_SECURITY_GNB_UE_CONTEXT_H
#define NR_SECURITY_GNB_UE_CONTEXT_H

#include "nr-security-key-epoch.h"
#include "nr-security-radio-bearer.h"
#include "nr-security-rb-pdu.h"
#include "nr-security-rrc-bearer-config.h"
#include "nr-security-rrc-state.h"
#include "nr-security-xn-message.h"
#include "ns3/event-id.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-kdf.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/nr-security-pdu-session.h"
#include "ns3/nr-security-ue-capabilities.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The kinds of handover NrSecurityGnbRrc::Handover performs (TS 33.501 6.9.2.3.2 Xn,
 *        6.9.2.3.3 N2, 6.9.3 intra-gNB; an intra-cell handover is also the key refresh of
 *        6.9.4.1).
 */
enum class NrSecurityHandoverType : uint8_t
{
    XN,         ///< Xn handover: K_gNB* from the source, then N2 path switch
    N2,         ///< N2 handover: fresh {NH, NCC} from the AMF to the target
    INTRA_CELL, ///< same gNB and cell: key change in place (reconfigurationWithSync)
};

/**
 * \param type a handover type
 * \return "Xn", "N2" or "intra-cell"
 */
inline std::string
NrSecurityHandoverTypeName(NrSecurityHandoverType type)
{
    switch (type)
    {
        case NrSecurityHandoverType::XN:
            return "Xn";
        case NrSecurityHandoverType::N2:
            return "N2";
        default:
            return "intra-cell";
    }
}

/**
 * \ingroup nr-security
 * \brief A handover of one UE as one gNB sees it (nr-security-gnb-rrc-handover.cc).
 */
struct NrSecurityGnbHandover
{
    /// The gNB's role.
    enum Role
    {
        NONE,   ///< no handover
        SOURCE, ///< the UE leaves: command sent (or being prepared), forwarding to the target
        TARGET, ///< the UE arrives: context prepared, waiting for RRCReconfigurationComplete
        INTRA,  ///< intra-cell: command sent with the new keys, waiting for the Complete
    };

    Role role = NONE;                                         ///< role
    NrSecurityHandoverType type = NrSecurityHandoverType::XN; ///< kind
    std::string cause;                                        ///< KeyChange cause
    uint16_t sourceCellId = 0;                                ///< source cell
    uint16_t targetCellId = 0;                                ///< target cell
    bool commandSent = false;    ///< SOURCE: the RRCReconfiguration went to the UE
    bool statusReceived = false; ///< TARGET: SN STATUS TRANSFER (or N2 status) applied
    bool ueArrived = false;      ///< TARGET/INTRA: RRCReconfigurationComplete verified
    uint8_t transactionId = 0;   ///< of the RRCReconfiguration with reconfigurationWithSync
    Time started;                ///< when it started (for interruption times)
    std::vector<NrSecurityDrbCountStatus> status;        ///< TARGET: the source's COUNTs
    std::vector<NrSecurityRbPdu> heldUplink;             ///< TARGET: DRB PDUs before the status
    std::vector<NrSecurityXnForwardedSdu> heldForwarded; ///< TARGET: forwarded SDUs, held
    /// INTRA: DL SDUs (DRB, SDU), oldest first (a vector: an empty std::deque allocates 512 bytes)
    std::vector<std::pair<uint8_t, Ptr<Packet>>> heldDownlink;
    NrSecurityKeyEpoch newEpoch;       ///< INTRA: the epoch applied at Complete
    NrSecurityAsKeys newKeys;          ///< INTRA: its AS keys
    std::vector<uint8_t> releasedDrbs; ///< INTRA: DRBs released and re-added
};

/**
 * \ingroup nr-security
 * \brief What the gNB keeps per UE: the RRC state, the bearers, the AS security context and
 *        what the AMF's Initial Context Setup gave (capabilities, PDU sessions).
 */
struct NrSecurityGnbUeContext
{
    uint32_t ueId = 0;  ///< UE id (network-wide)
    uint16_t cRnti = 0; ///< C-RNTI in this cell (0: none: released, INACTIVE, handed over)
    NrSecurityRrcState state = NrSecurityRrcState::IDLE; ///< state (RELEASED when released)
    Ptr<NrSecurityPdcp> srb1;                            ///< SRB1's PDCP entity
    NrSecurityKey256 kGnb{};                             ///< K_gNB from the AMF
    NrSecurityAsKeys keys;                               ///< AS keys for the selected algorithms
    NrSecurityCiphering nea = NrSecurityCiphering::NEA0; ///< selected ciphering algorithm
    NrSecurityIntegrity nia = NrSecurityIntegrity::NIA0; ///< selected integrity algorithm
    uint8_t transactionId = 0;                           ///< of the last SecurityModeCommand
    EventId guard;                                       ///< SMC guard timer
    uint64_t ueIdentity = 0;                             ///< RRCSetupRequest ue-Identity (39 bits)
    uint8_t lastTransactionId = 0;                   ///< the last rrc-TransactionIdentifier used
    uint8_t capabilityTransactionId = 0;             ///< of the pending UECapabilityEnquiry
    bool capabilityPending = false;                  ///< UECapabilityEnquiry sent, no answer yet
    bool capabilityReceived = false;                 ///< UECapabilityInformation received
    std::vector<uint16_t> bandsNr;                   ///< from UECapabilityInformation
    bool contextReceived = false;                    ///< Initial Context Setup received
    NrSecurityUeCapabilities caps;                   ///< UE security capabilities (from the AMF)
    bool emergency = false;                          ///< unauthenticated emergency session
    std::vector<NrSecurityPduSession> pduSessions;   ///< to set up (from the AMF)
    std::vector<NrSecurityPduSessionResult> results; ///< per session, once decided
    std::vector<uint8_t> pendingNas;                 ///< NAS-PDU to forward on SRB2
    uint8_t reconfigurationTransactionId = 0;        ///< of the pending RRCReconfiguration
    bool reconfigurationPending = false;             ///< RRCReconfiguration not answered
    std::map<uint8_t, std::unique_ptr<NrSecurityRadioBearer>> srbs; ///< SRB1, SRB2
    std::map<uint8_t, std::unique_ptr<NrSecurityRadioBearer>> drbs; ///< DRBs by identity

    // Mobility (nr-security-gnb-rrc-handover.cc)
    NrSecurityKeyEpoch epoch;       ///< the key epoch in force (K_gNB, NCC, derivation)
    bool nhUnused = false;          ///< holds an unused {NH, NCC} (from a path switch)
    NrSecurityKey256 nh{};          ///< that NH
    uint8_t nhNcc = 0;              ///< its NCC
    uint32_t nhIndex = 0;           ///< its chain index (traces)
    NrSecurityGnbHandover handover; ///< the handover in progress, if any

    // Re-establishment and resume (nr-security-gnb-rrc-reestablishment.cc, -resume.cc)
    bool rbsSuspended = false;         ///< SRB2 and DRBs suspended (RRC re-establishment)
    uint8_t recoveryTransactionId = 0; ///< of the RRCReestablishment / RRCResume sent
    bool retrieved = false;            ///< context retrieved over Xn (RETRIEVE UE CONTEXT)
    uint16_t retrievedFromCellId = 0;  ///< the last serving gNB's cell (if retrieved)
    uint16_t retrievedByCellId = 0;    ///< old node: the cell that retrieved the context;
                                       ///< once set, every further retrieval is refused
    uint32_t shortIRnti = 0;           ///< INACTIVE: shortI-RNTI of the suspendConfig
    uint64_t fullIRnti = 0;            ///< INACTIVE: fullI-RNTI of the suspendConfig
    uint16_t suspendPci = 0;           ///< INACTIVE: PCI of the cell that suspended the UE
    uint16_t suspendCRnti = 0;         ///< INACTIVE: the C-RNTI the UE had there
    uint8_t suspendNcc = 0;            ///< INACTIVE: nextHopChainingCount sent to the UE
    NrSecurityKey256 suspendKey{};     ///< INACTIVE: the resume's K_gNB* input (NH or K_gNB)
    bool suspendVertical = false;      ///< INACTIVE: suspendKey is an NH (fresh NCC)
    uint32_t suspendNhIndex = 0;       ///< INACTIVE: chain index of suspendKey's NCC
    bool suspendSrb2 = false;          ///< INACTIVE: SRB2 was set up
    std::vector<NrSecurityDrbConfig> suspendDrbs; ///< INACTIVE: the DRBs to restore

    // Vulnerability profiles and DRB re-add (issue 16)
    bool ueIdentityIsTmsi = false;           ///< RRCSetupRequest carried ng-5G-S-TMSI-Part1
    bool capabilityBeforeSecurity = false;   ///< bandsNr came before AS security activation
    EventId capabilityGuard;                 ///< enquiry without an answer (both modes)
    uint32_t capabilityRetries = 0;          ///< UECapabilityEnquiry repeated after security
    std::set<uint8_t> drbIdsUsed;            ///< DRB identities used under drbIdsKgnb
    NrSecurityKey256 drbIdsKgnb{};           ///< the K_gNB drbIdsUsed belongs to
    std::vector<uint8_t> refreshReleaseDrbs; ///< DRBs a key refresh must release and re-add
};

} // namespace ns3

#endif // NR_SECURITY_GNB_UE_CONTEXT_H
