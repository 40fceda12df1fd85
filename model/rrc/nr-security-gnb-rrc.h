// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_GNB_RRC_H
#define NR_SECURITY_GNB_RRC_H

#include "nr-security-c-rnti-pool.h"
#include "nr-security-cell-info.h"
#include "nr-security-gnb-ue-context.h"
#include "nr-security-key-epoch.h"
#include "nr-security-radio-bearer.h"
#include "nr-security-rb-pdu.h"
#include "nr-security-rrc-bearer-config.h"
#include "nr-security-rrc-state.h"
#include "nr-security-rrc.h"
#include "nr-security-xn-message.h"
#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nr-security-amf.h"
#include "ns3/nr-security-kdf.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/nr-security-pdu-session.h"
#include "ns3/nr-security-ue-capabilities.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

struct NrSecurityRrcDecoded;

/**
 * \ingroup nr-security
 * \brief The gNB's RRC entity for every UE of its cell: RRC connection establishment and
 *        reject, AS security activation, UE capability transfer, RRC reconfiguration with SRB2
 *        and one DRB per accepted PDU session (UP security per TS 33.501 6.6), NAS transfer,
 *        release and user data (TS 38.331 5.3.3, 5.3.4, 5.3.5, 5.3.8, 5.3.15, 5.6.1, 5.7.1,
 *        5.7.2; TS 37.324).
 *
 * Identities: the UE id (uint32_t) is the simulation's network-wide name of a UE (not limited
 * to 16 bits; the air interface addresses frames to it). Each UE context of the cell also has
 * a C-RNTI (NrSecurityCRntiPool: 16 bits, unique in this cell, 0x0001..CRntiLast of the
 * TS 38.321 Table 7.1-1 range 0x0001..0xFFEF), allocated at RRCSetupRequest, at handover
 * preparation as target (newUE-Identity), when a re-establishment or resume brings the UE
 * here from another cell and when a resume restores an INACTIVE context, and freed when the
 * context is released or suspended (an INACTIVE UE has an I-RNTI, no C-RNTI) or handed over.
 * Every downlink PDU carries it (NrSecurityRbPdu::rnti): the UE takes the one of the
 * RRCSetup, RRCReestablishment or RRCResume as its C-RNTI, as it would keep the TC-RNTI of
 * its random access (TS 38.321 5.1.5). Another cell may give the same C-RNTI to another UE.
 *
 * Sequence: RRCSetupRequest on SRB0 (an unknown UE id starts a context; refused with RRCReject
 * and waitTime RejectWaitTime if AdmitSetup is false, MaxUes contexts are connected, or no
 * C-RNTI is free: ConnectionEvent "rejected" with "no C-RNTI", GetCRntiRejects) ->
 * RRCSetup (SRB1) -> RRCSetupComplete: its NAS message goes to the AMF (Initial UE Message),
 * which answers Initial Context Setup (K_gNB, capabilities, PDU sessions, a NAS-PDU) ->
 * [UECapabilityEnquiry if CapabilityEnquiry is BeforeSecurity] -> SecurityModeCommand ->
 * SecurityModeComplete -> [UECapabilityEnquiry if AfterSecurity] -> RRCReconfiguration with
 * SRB2 and the DRBs (if SetupBearers) -> RRCReconfigurationComplete: session results to the
 * AMF, the NAS-PDU in DLInformationTransfer on SRB2.
 *
 * Security Mode Command: algorithms as the highest-priority entries of its lists that the UE
 * supports (NIA0 only for an emergency UE; no common integrity algorithm: no
 * SecurityModeCommand, the UE context is released), the AS keys, integrity protection, the
 * integrity-protected, unciphered SecurityModeCommand and downlink ciphering right after it
 * (TS 33.501 6.7.4, TS 38.331 5.3.1.2). While it is pending, SRB1's receive side stays as
 * before the SMC and RRC checks each delivered SDU: a SecurityModeComplete is verified with
 * K_RRCint (mismatch: the context is released; another transaction: refused; valid: uplink
 * integrity and deciphering from its COUNT + 1); a SecurityModeFailure with the SMC's
 * transaction id releases the context; other SDUs with a zero MAC-I were sent before the UE
 * received the SMC and are delivered as before it; one with a MAC-I is refused. The guard
 * timer releases the context if no answer comes.
 *
 * UP security per DRB (TS 33.501 6.6.2): integrity on iff the session's integrity policy is
 * REQUIRED, or PREFERRED and UpIntegritySupported; ciphering likewise with
 * UpConfidentialitySupported (off: cipheringDisabled). A REQUIRED policy the gNB cannot meet
 * rejects the session (no DRB), reported to the AMF and traced (PduSessionSetup).
 *
 * Mobility (nr-security-gnb-rrc-handover.cc, -handover-target.cc, -key-refresh.cc):
 * - Conventions: newUE-Identity of reconfigurationWithSync is the C-RNTI the target
 *   allocated for the UE in its cell (an intra-cell handover keeps the UE's C-RNTI); a
 *   target without a free C-RNTI refuses the handover ("no C-RNTI"). The target keeps the
 *   source's algorithms (no securityConfig is signalled) if its own priority lists allow
 *   them, else it refuses.
 * - Xn handover (TS 33.501 6.9.2.3.2, TS 38.423 8.2.1): the source derives K_gNB* for the
 *   target PCI and ARFCN-DL from its unused {NH, NCC} if it holds one (vertical), else from
 *   its K_gNB with its NCC (horizontal), and sends HANDOVER REQUEST. The target makes K_gNB*
 *   its K_gNB, derives the AS keys, prepares SRB1/SRB2 and the DRBs, and answers HANDOVER
 *   REQUEST ACKNOWLEDGE with the RRCReconfiguration (reconfigurationWithSync: target PCI,
 *   absoluteFrequencySSB = ARFCN-DL, newUE-Identity; masterKeyUpdate with the NCC and
 *   keySetChangeIndicator false; radioBearerConfig with reestablishPDCP for every SRB and
 *   DRB). The source sends it on SRB1 with its keys, then SN STATUS TRANSFER (per DRB the
 *   UL RX_DELIV and DL TX_NEXT) and DATA FORWARDING of the DL SDUs the UE did not confirm
 *   (with their COUNTs) and of every later DL SDU (without). The target holds uplink DRB
 *   PDUs until the status arrived and forwarded SDUs until the UE arrived; on the
 *   RRCReconfigurationComplete (verified with the new keys) it sends them, reports each PDU
 *   session (PduSessionSetup: the UPF tunnel moves), sends PATH SWITCH REQUEST to the AMF,
 *   keeps the returned {NH, NCC} as unused, and sends UE CONTEXT RELEASE to the source.
 * - N2 handover (6.9.2.3.3, TS 38.413 8.4): HANDOVER REQUIRED with the COUNT status; the AMF
 *   gives the target a fresh {NH, NCC}; the target derives K_gNB* from NH (vertical) and
 *   answers through the AMF; the source sends the command and forwards data over Xn if
 *   connected; the target sends HANDOVER NOTIFY on the Complete; the AMF releases the source.
 * - Intra-cell (6.9.3): K_gNB* for the own PCI and ARFCN-DL (vertical from an unused NH,
 *   else horizontal); the gNB re-establishes SRB1/SRB2 with the new keys right after the
 *   command, holds DL user data and keeps the DRBs on the old keys until the Complete.
 * - Key refresh (6.9.4.1): when a bearer's TX_NEXT or RX_NEXT reaches KeyRefreshCount the
 *   gNB performs an intra-cell handover (cause "key-refresh"); DRBs whose COUNT reached it
 *   are released and re-added with the same identity (drb-ToReleaseList, new PDCP entity
 *   from COUNT 0, TS 38.331 5.3.5.6), so no COUNT is reused under one key and none wraps.
 * - HandoverOnMeasurement: a MeasurementReport starts a handover of MeasurementHandoverType
 *   to the strongest reported neighbour (resolved by PCI with the NeighbourLookupCallback).
 * - Every new K_gNB fires KeyChange; each step fires HandoverEvent.
 *
 * Re-establishment and resume (nr-security-gnb-rrc-reestablishment.cc,
 * nr-security-gnb-rrc-resume.cc):
 * - Who verifies: the gNB that holds the UE's AS context, i.e. the last serving one (TS 33.501
 *   6.11 and 6.8.2.1.3; TS 38.423 8.2.4: the new node sends RETRIEVE UE CONTEXT REQUEST with
 *   the UE identity and the shortMAC-I / resumeMAC-I and the new cell; the old node checks
 *   it, derives K_gNB* for the new cell and answers RETRIEVE UE CONTEXT RESPONSE with K_gNB*
 *   and the NCC, or FAILURE). Only that node has K_RRCint, and it never leaves it. In the
 *   same gNB the check is local.
 * - RRCReestablishmentRequest: the context is the one of (source PCI, c-RNTI): source PCI =
 *   this cell's PCI: the context holding that C-RNTI here, with active AS security (one held
 *   by another UE than the sender's link is not taken over: fallback); another PCI: the
 *   neighbour with that PCI over Xn finds it the same way in its cell. The
 *   expected shortMAC-I is computed with the source K_RRCint and NIA over VarShortMAC-Input
 *   (source PCI, this cell's cellIdentity, C-RNTI). K_gNB* for this cell's PCI and ARFCN-DL:
 *   from the unused {NH, NCC} if the source holds one (vertical), else from K_gNB with its
 *   NCC (horizontal). This gNB then re-establishes SRB1 (new PDCP entity) with the new keys
 *   and the algorithms in use, sends RRCReestablishment (NCC; integrity-protected, not
 *   ciphered; ciphering right after it), suspends SRB2 and the DRBs (downlink user data is
 *   discarded, counted, traced) and, on the verified RRCReestablishmentComplete, sends an
 *   RRCReconfiguration with reestablishPDCP for SRB2 and every DRB, whose PDCP entities it
 *   re-establishes with the new keys (integrity again on the DRBs that had it; AM DRBs keep
 *   their COUNTs, TS 38.323 5.1.2). A retrieved context gets SRB2 and the DRBs from the
 *   RESPONSE (COUNTs from its status), then PATH SWITCH REQUEST ({NH, NCC} kept unused) and
 *   UE CONTEXT RELEASE to the old node; UE CONTEXT RELEASE also when the new node gives a
 *   retrieved context up (no C-RNTI free at the RESPONSE, guard timer expired), so the old
 *   node frees the context and its C-RNTI. No C-RNTI free for an RRCReestablishmentRequest:
 *   no answer (RRCReject answers establishment and resume only, TS 38.331 5.3.15; RRCSetup
 *   needs a C-RNTI too), counted in GetCRntiRejects; the UE's T301 expires (5.3.7.7).
 * - Suspend() (TS 38.331 5.3.8.2, TS 33.501 6.8.2.1.1): RRCRelease with suspendConfig on SRB1
 *   (full and short I-RNTI, the NCC of the unused {NH, NCC} if one is held, else of K_gNB),
 *   then K_RRCenc, K_UPenc, K_UPint are deleted, the bearers released and the context kept
 *   as INACTIVE. I-RNTI: the short one is the cell id (mod 256) in its 8 most significant
 *   bits, as the gNB part that routes a resume to the last serving gNB, and a per-gNB
 *   counter in the other 16, so consecutive suspends of a UE give different I-RNTIs; the
 *   full one is the cell id (16 bits) and a 24-bit counter.
 * - RRCResumeRequest: the context of the short I-RNTI (here or over Xn), resumeMAC-I over
 *   VarResumeMAC-Input (PCI of the suspending cell, this cell's cellIdentity, the C-RNTI
 *   the UE had there, kept with the INACTIVE context) with the stored K_RRCint, K_gNB* for this
 * cell from the NCC sent in suspendConfig, SRB1, SRB2 and the DRBs restored with the new keys
 * (COUNTs from 0: PDCP suspend, TS 38.323 5.1.4), RRCResume on SRB1 integrity-protected and
 * ciphered, and on RRCResumeComplete the PDU sessions are reported again (PduSessionSetup).
 * - A wrong shortMAC-I / resumeMAC-I, an unknown UE or a failed retrieval: the request is
 *   refused (MessageRefused with the reason, counted in GetRecoveryRefusals()), and the gNB
 *   answers RRCSetup (fallback to RRC connection establishment, TS 38.331 5.3.7.1, 5.3.13.1):
 *   the UE starts a new connection (next uplink NAS COUNT, new K_gNB). The KeyChange trace
 *   fires with the cause "reestablishment" or "resume" when the gNB sends RRCReestablishment /
 *   RRCResume under the new K_gNB.
 * - Replays (RRCReestablishmentRequest and RRCResumeRequest carry no freshness): the old node
 *   hands a context over once (retrievedByCellId; a retrieved INACTIVE context leaves
 *   INACTIVE and its keys are deleted), a later RETRIEVE UE CONTEXT REQUEST for it gets
 *   FAILURE. A gNB refuses, without RRCSetup fallback, a request for a UE it is
 *   re-establishing or resuming or has a retrieval pending for, and one naming another gNB's
 *   context for a UE connected here; a RETRIEVE UE CONTEXT RESPONSE is not adopted for a UE
 *   re-establishing or resuming. The resume's K_gNB* input (NH of the NCC sent, or K_gNB) is
 *   fixed at Suspend; no K_gNB* is derived from an all-zero key; a new cell from Xn whose
 *   PCI, ARFCN-DL or cellIdentity is out of range gets FAILURE. Each is counted in
 *   GetRecoveryRefusals() and traced (MessageRefused; ConnectionEvent "recovery-refused" or
 *   "retrieve-ue-context-failure").
 *
 * Vulnerability profiles (all off by default: the compliant behaviour; see the doc chapter's
 * table with each one's reference):
 * - VulnerabilityAllowNullAlgorithms: NIA0 is selected when it is the first entry of
 *   IntegrityPriority the UE supports, also for a non-emergency UE (compliant: TS 33.501
 *   D.1, 6.7.3: NIA0 only for unauthenticated emergency sessions). NEA0 is an ordinary
 *   choice of CipheringPriority either way (NEA0 is allowed, TS 33.501 D.1).
 * - VulnerabilityDrbCountReuse (ReVoLTE, Rupprecht et al., USENIX Security 2020): ReAddDrb
 *   releases the DRB and adds it again with the same identity and a new PDCP entity (COUNT
 *   0) under the same K_gNB, so both ends reuse the keystream of the released DRB's COUNTs.
 *   Compliant (TS 33.501 6.9.4.1, TS 38.300 13.1: a COUNT is used once per key, BEARER and
 *   DIRECTION): the new DRB gets an identity not used under the current K_gNB (a new BEARER,
 *   hence a new keystream), and when all 29 identities were used, a key refresh
 *   (intra-cell handover, new K_gNB*) releases and re-adds it with its identity.
 * - VulnerabilityIgnoreUpIntegrityPreferred: a PREFERRED UP integrity policy is treated as
 *   NOT_NEEDED although the gNB supports UP integrity (aLTEr, Rupprecht et al., IEEE S&P
 *   2019, needs a DRB without integrity; compliant: TS 33.501 6.6.2, the gNB activates what
 *   it can of a PREFERRED policy).
 * - VulnerabilityReleaseOnDuplicateTmsi: an RRCSetupRequest whose ng-5G-S-TMSI-Part1 is that
 *   of another connected UE releases that UE's context (the blind DoS of Kim et al., IEEE S&P
 *   2019). Compliant: the victim keeps its context; the new request is a new connection (the
 *   identity is unauthenticated until NAS security, TS 38.331 5.3.3.3), counted in
 *   GetDuplicateTmsiRequests().
 * - CapabilityEnquiry BeforeSecurity (an existing attribute) is the profile "the gNB asks for
 *   capabilities before AS security" (Shaik et al., WiSec 2019; compliant AfterSecurity, TS
 *   38.331 5.6.1.1). A UE that does not answer such an enquiry (a compliant UE refuses it)
 *   is given the SecurityModeCommand after SmcGuardTimer and asked again once AS security is
 *   active.
 *
 * Capability transfer guard (after AS security; TS 38.331 5.6.1 leaves the failure case to the
 * network): when no valid UECapabilityInformation (one that passed PDCP integrity and answers
 * the pending transaction) arrives within CapabilityEnquiryTimer, the gNB sends
 * UECapabilityEnquiry again with a new rrc-TransactionIdentifier (ConnectionEvent
 * "capability-enquiry-retry", GetCapabilityEnquiryRetries), at most CapabilityEnquiryRetries
 * times; then it releases the connection with RRCRelease (ConnectionEvent
 * "capability-enquiry-failed"): it does not configure bearers for a UE whose radio
 * capabilities it does not know.
 *
 * Trace sources: those of NrSecurityRrc, PduSessionSetup and HandoverEvent.
 */
class NrSecurityGnbRrc : public NrSecurityRrc, private NrSecurityRadioBearerOwner
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecurityGnbRrc();
    ~NrSecurityGnbRrc() override;

    /// Lower layer: send a PDU to a UE on a radio bearer (UE id, PDU with its metadata).
    typedef Callback<void, uint32_t, const NrSecurityRbPdu&> TransmitCallback;
    /// Upper layer: uplink user data (UE id, PDU session id, QFI, IP packet without SDAP header)
    typedef Callback<void, uint32_t, uint8_t, uint8_t, Ptr<Packet>> UserDataCallback;
    /**
     * PduSessionSetup(ueId, pduSessionId, drbId, integrity, ciphering, ok, reason): the
     * result for one PDU session (ok: set up on drbId; rejected: drbId 0 and the reason).
     */
    typedef void (*PduSessionSetupTracedCallback)(uint32_t ueId,
                                                  uint8_t pduSessionId,
                                                  uint8_t drbId,
                                                  bool integrity,
                                                  bool ciphering,
                                                  bool ok,
                                                  const std::string& reason);

    /// \param cellId the simulator's cell id (set by the gNB device)
    void SetCellId(uint16_t cellId);
    /// \return the cell: id, PhysCellId, ArfcnDl, CellIdentity (the cell id if 0)
    NrSecurityCellInfo GetCellInfo() const;

    /// \param amf the AMF serving this gNB
    void SetAmf(Ptr<NrSecurityAmf> amf);
    /// \param cb the lower layer
    void SetTransmitCallback(TransmitCallback cb);
    /// \param cb the upper layer for uplink user data
    void SetUserDataCallback(UserDataCallback cb);

    /**
     * \brief The AMF's Initial Context Setup for a UE (normally the answer to the Initial UE
     *        Message sent on RRCSetupComplete).
     * \param ueId the UE
     * \param ics K_gNB, capabilities, emergency flag, PDU sessions, NAS-PDU
     */
    void InitialContextSetup(uint32_t ueId, NrSecurityInitialContextSetup ics);

    /**
     * \brief A PDU from the air: SRB0 (an RRCSetupRequest from an unknown UE starts a
     *        context), an SRB or a DRB of a known UE. Anything else is refused (SRBs:
     *        MessageRefused) or discarded (DRBs: UserDataDiscarded), counted and traced.
     * \param ueId the sending UE
     * \param pdu the PDU and its bearer
     */
    void ReceivePdu(uint32_t ueId, const NrSecurityRbPdu& pdu);

    /**
     * \brief Sends an RRC message (DL-DCCH, already encoded) to a UE on SRB1.
     * \param ueId the UE
     * \param message the encoded message
     * \return false for an unknown or released UE, or if PDCP refused it
     */
    bool SendDlDcch(uint32_t ueId, const std::vector<uint8_t>& message);

    /**
     * \brief DLInformationTransfer with a NAS message (TS 38.331 5.7.1): on SRB2 if it is set
     *        up, else on SRB1.
     * \param ueId the UE
     * \param nas the NAS message (opaque)
     * \return false for a UE that is not connected (RRCSetupComplete received)
     */
    bool SendNas(uint32_t ueId, const std::vector<uint8_t>& nas);

    /**
     * \brief Downlink user data of a PDU session: through SDAP (DL header if configured, TS
     *        37.324 6.2.2.2, RDI = RQI = 0) and the session's DRB.
     * \param ueId the UE
     * \param pduSessionId the session
     * \param qfi the QoS flow, 0..63
     * \param ipPacket the IP packet
     * \return false (counted, traced as UserDataDiscarded) if the session has no DRB or PDCP
     *         refused the SDU
     */
    bool SendUserData(uint32_t ueId, uint8_t pduSessionId, uint8_t qfi, Ptr<Packet> ipPacket);

    /**
     * \brief RRC connection release (TS 38.331 5.3.8): RRCRelease on SRB1, then the UE
     *        context is released (state RELEASED).
     * \param ueId the UE
     * \return false for an unknown or released UE
     */
    bool Release(uint32_t ueId);

    /**
     * \param ueId a UE
     * \param pduSessionId a session
     * \return its result; ok false with reason "unknown PDU session" or "pending" if no
     *         result exists yet
     */
    NrSecurityPduSessionResult GetPduSessionResult(uint32_t ueId, uint8_t pduSessionId) const;

    /**
     * \brief The algorithm selection of TS 33.501 6.7.3.0 / 5.11.1: the first entry of each
     *        priority list that the UE supports; NIA0 only for an emergency UE.
     * \param neaPriority ciphering algorithms, most preferred first
     * \param niaPriority integrity algorithms, most preferred first
     * \param caps the UE security capabilities
     * \param emergency unauthenticated emergency session
     * \param[out] nea the selected ciphering algorithm
     * \param[out] nia the selected integrity algorithm
     * \param[out] reason why the selection failed
     * \return false if no acceptable pair exists
     */
    static bool SelectAlgorithms(const std::vector<NrSecurityCiphering>& neaPriority,
                                 const std::vector<NrSecurityIntegrity>& niaPriority,
                                 const NrSecurityUeCapabilities& caps,
                                 bool emergency,
                                 NrSecurityCiphering& nea,
                                 NrSecurityIntegrity& nia,
                                 std::string& reason);

    /**
     * \param ueId a UE
     * \return its context, or nullptr for an unknown UE
     */
    const NrSecurityGnbUeContext* GetUeContext(uint32_t ueId) const;
    /// \return the number of UE contexts (released ones included)
    size_t GetNUes() const;
    /**
     * \param ueId a UE
     * \return its C-RNTI in this cell (16 bits, TS 38.321 Table 7.1-1), 0 if it has none
     *         (unknown, released, INACTIVE or handed over)
     */
    uint16_t GetCRnti(uint32_t ueId) const;
    /**
     * \brief The context of a C-RNTI of this cell (the cell's half of a (PCI, C-RNTI) pair).
     * \param cRnti a C-RNTI
     * \return the context holding it, or nullptr
     */
    const NrSecurityGnbUeContext* GetUeContextByCRnti(uint16_t cRnti) const;
    /// \return how many C-RNTIs of this cell are allocated
    size_t GetCRntisInUse() const;
    /// \return how many RRCSetupRequests, re-establishments, resumes and handover requests
    ///         were refused because no C-RNTI was free (each traced with "no C-RNTI")
    uint64_t GetCRntiRejects() const;
    /// \return how many contexts were released because no RRCSetupComplete came within
    ///         SetupCompleteTimer of the RRCSetup (ConnectionEvent "released", reason "no
    ///         RRCSetupComplete ..."; the C-RNTI is freed)
    uint64_t GetSetupCompleteTimeouts() const;
    /// \return how many handover target contexts were released because the UE did not
    ///         arrive (RRCReconfigurationComplete) within HandoverJoinTimer (ConnectionEvent
    ///         "released", reason "the UE did not arrive ..."; the C-RNTI is freed)
    uint64_t GetHandoverJoinTimeouts() const;
    /**
     * \param ueId a UE
     * \return the state of its context (IDLE for an unknown UE; RELEASED once released)
     */
    NrSecurityRrcState GetUeState(uint32_t ueId) const;

    /**
     * \brief The UE capabilities the gNB stored from UECapabilityInformation (TS 38.331
     *        5.6.1.3): the supportedBandListNR of its UE-NR-Capability.
     * \param ueId a UE
     * \return the bands (FreqBandIndicatorNR) as received; empty for an unknown UE or before
     *         any UECapabilityInformation
     */
    std::vector<uint16_t> GetStoredCapabilities(uint32_t ueId) const;
    /**
     * \param ueId a UE
     * \return true if the stored capabilities came in a UECapabilityInformation received
     *         before AS security activation (unprotected; TS 38.331 5.6.1.1)
     */
    bool GetStoredCapabilitiesBeforeSecurity(uint32_t ueId) const;
    /// \return how many UECapabilityEnquiry messages this gNB sent (all UEs, retries included)
    uint64_t GetCapabilityEnquiriesSent() const;
    /// \return how many of them were retries (CapabilityEnquiryTimer expired after AS security)
    uint64_t GetCapabilityEnquiryRetries() const;

    /**
     * \brief "The DRB is released and a new one set up" (e.g. a second voice call on a
     *        dedicated bearer): one RRCReconfiguration with drb-ToReleaseList {drbId} and
     *        drb-ToAddModList with the new DRB (its PDU session, QoS flows and UP security
     *        as before; TS 38.331 5.3.5.6.4, 5.3.5.6.5: a new PDCP entity, COUNT 0). The new
     *        identity: one not used under the current K_gNB (compliant; when none is left, a
     *        key refresh, cause "drb-readd", releases and re-adds the DRB under a new K_gNB*),
     *        or drbId itself under the same keys (VulnerabilityDrbCountReuse, ReVoLTE). The
     *        PDU session result (GetPduSessionResult) names the new DRB once the UE answered.
     *        Traced as ConnectionEvent "drb-readd" with the old and new identity.
     * \param ueId the UE
     * \param drbId the DRB to release and re-add
     * \return false (ConnectionEvent "drb-readd-refused" with the reason) for an unknown
     *         UE, one without active AS security, an unknown DRB, or while a
     *         reconfiguration or handover is pending
     */
    bool ReAddDrb(uint32_t ueId, uint8_t drbId);
    /// \return how many DRB re-adds ReAddDrb started
    uint64_t GetDrbReAdds() const;
    /// \return how many of them reused the DRB identity and COUNTs under the same key
    ///         (VulnerabilityDrbCountReuse)
    uint64_t GetDrbCountReuses() const;
    /// \return how many ReAddDrb calls were refused (each also traced as ConnectionEvent
    ///         "drb-readd-refused" with its reason)
    uint64_t GetDrbReAddRefusals() const;

    /// \return RRCSetupRequests whose ng-5G-S-TMSI-Part1 was that of another connected UE
    uint64_t GetDuplicateTmsiRequests() const;
    /// \return how many UE contexts such requests released (VulnerabilityReleaseOnDuplicateTmsi)
    uint64_t GetDuplicateTmsiReleases() const;
    /// \return how many SecurityModeCommands selected NIA0 for a non-emergency UE
    ///         (VulnerabilityAllowNullAlgorithms)
    uint64_t GetNullIntegritySelections() const;
    /**
     * \param ueId a UE
     * \param drbId a DRB identity
     * \return the gNB's PDCP entity of that DRB, or nullptr
     */
    Ptr<NrSecurityPdcp> GetDrb(uint32_t ueId, uint8_t drbId) const;
    /**
     * \param ueId a UE
     * \param srbId 1..3
     * \return the gNB's PDCP entity of that SRB, or nullptr
     */
    Ptr<NrSecurityPdcp> GetSrb(uint32_t ueId, uint8_t srbId) const;

    // Mobility: nr-security-gnb-rrc-handover.cc, nr-security-gnb-rrc-key-refresh.cc.

    /// Xn: sends a message to the gNB of msg.targetCellId (else msg.targetPci); false if no
    /// gNB matches.
    typedef Callback<bool, const NrSecurityXnMessage&> XnSendCallback;
    /**
     * A neighbour cell: the cell with cellId (if not 0), else the one with pci; fills `out`
     * and returns true, or false if there is none.
     */
    typedef Callback<bool, uint16_t /*cellId*/, uint16_t /*pci*/, NrSecurityCellInfo& /*out*/>
        NeighbourLookupCallback;
    /// HandoverEvent(ueId, step, detail), e.g. "handover-request-sent", "path-switch-ack"
    typedef void (*HandoverEventTracedCallback)(uint32_t ueId,
                                                const std::string& step,
                                                const std::string& detail);

    /// \param cb the Xn transport (NrSecurityXn::AddGnb sets it)
    void SetXnSendCallback(XnSendCallback cb);
    /// \param cb the neighbour lookup (NrSecurityXn::AddGnb sets it)
    void SetNeighbourLookupCallback(NeighbourLookupCallback cb);
    /**
     * \brief An XnAP message for this gNB (from NrSecurityXn). Messages for an unknown UE or
     *        not expected in the UE's handover state are refused (MessageRefused, counted).
     * \param msg the message
     */
    void ReceiveXn(const NrSecurityXnMessage& msg);

    /**
     * \brief Starts a handover of a UE with active AS security (see the class comment).
     * \param ueId the UE
     * \param targetCellId the target cell (ignored for INTRA_CELL: this cell)
     * \param type Xn, N2 or intra-cell
     * \return false (HandoverEvent "handover-refused" with the reason) for an unknown UE,
     *         one without active security or bearers, a handover already in progress, an
     *         unknown target, no Xn / AMF, or target = source for Xn / N2
     */
    bool Handover(uint32_t ueId, uint16_t targetCellId, NrSecurityHandoverType type);

    /**
     * \brief The lower layer confirmed that a PDU this gNB sent to the UE arrived (RLC ACK):
     *        passed to the bearer's PDCP entity (ConfirmPduDelivery). Unknown UEs, bearers
     *        and SRB0 are ignored.
     * \param ueId the UE
     * \param pdu the PDU as the RRC handed it to the TransmitCallback
     */
    void ConfirmDelivery(uint32_t ueId, const NrSecurityRbPdu& pdu);

    /// \return how many handovers this gNB completed as target (or intra-cell)
    uint64_t GetHandoversCompleted() const;

    // Re-establishment and resume: nr-security-gnb-rrc-reestablishment.cc and
    // nr-security-gnb-rrc-resume.cc.

    /**
     * \brief Suspends a UE to RRC_INACTIVE (TS 38.331 5.3.8.2 with suspendConfig, TS 33.501
     *        6.8.2.1.1; see the class).
     * \param ueId the UE
     * \return false (ConnectionEvent "suspend-refused" with the reason) for an unknown UE, one
     *         without active AS security, or one with a procedure in progress
     */
    bool Suspend(uint32_t ueId);

    /// \return how many RRCReestablishmentRequests / RRCResumeRequests (and RETRIEVE UE
    ///         CONTEXT REQUESTs for them) this gNB refused: wrong MAC, unknown UE
    uint64_t GetRecoveryRefusals() const;
    /// \return how many re-establishments completed here (RRCReestablishmentComplete)
    uint64_t GetReestablishments() const;
    /// \return how many resumes completed here (RRCResumeComplete)
    uint64_t GetResumes() const;

  protected:
    void DoDispose() override;

  private:
    /// CapabilityEnquiry attribute values
    enum CapabilityEnquiryMode
    {
        CAPABILITY_BEFORE_SECURITY,
        CAPABILITY_AFTER_SECURITY,
        CAPABILITY_NONE,
    };

    // NrSecurityRadioBearerOwner
    void BearerTransmit(NrSecurityRadioBearer& rb, const NrSecurityRbPdu& pdu) override;
    void BearerDeliver(NrSecurityRadioBearer& rb, Ptr<Packet> sdu, uint32_t count) override;
    void BearerIntegrityFailure(NrSecurityRadioBearer& rb,
                                uint32_t count,
                                uint32_t receivedMac,
                                uint32_t expectedMac) override;

    // nr-security-gnb-rrc-setup.cc
    void ReceiveCcch(uint32_t ueId, Ptr<Packet> pdu);
    void HandleSetupRequest(uint32_t ueId, const NrSecurityRrcDecoded& m);
    void HandleSetupComplete(NrSecurityGnbUeContext& ue,
                             const NrSecurityRrcDecoded& m,
                             uint32_t count);
    void SendCcch(uint32_t ueId, const std::string& name, const std::vector<uint8_t>& message);
    void ReleaseContext(NrSecurityGnbUeContext& ue, const std::string& reason);
    size_t ConnectedUes() const;

    // nr-security-gnb-rrc-smc.cc
    void StartSmc(NrSecurityGnbUeContext& ue);
    void ReceiveSmcPending(NrSecurityGnbUeContext& ue,
                           Ptr<Packet> sdu,
                           uint32_t count,
                           const NrSecurityRrcDecoded& m,
                           const std::vector<uint8_t>& bytes);
    void HandleSecurityModeComplete(NrSecurityGnbUeContext& ue,
                                    Ptr<Packet> sdu,
                                    uint32_t count,
                                    uint32_t receivedMac,
                                    uint8_t transactionId);
    void RefuseOtherTransaction(NrSecurityGnbUeContext& ue,
                                uint32_t count,
                                const std::string& name,
                                uint8_t transactionId,
                                uint8_t expected,
                                const std::string& request);
    void GuardTimerExpired(uint32_t ueId);
    void SetCipheringPriority(std::string list);
    std::string GetCipheringPriority() const;
    void SetIntegrityPriority(std::string list);
    std::string GetIntegrityPriority() const;

    // nr-security-gnb-rrc-reconfiguration.cc
    void AfterSecurity(NrSecurityGnbUeContext& ue);
    void SendCapabilityEnquiry(NrSecurityGnbUeContext& ue);
    void HandleCapabilityInformation(NrSecurityGnbUeContext& ue,
                                     const NrSecurityRrcDecoded& m,
                                     uint32_t count);
    void Reconfigure(NrSecurityGnbUeContext& ue);
    void HandleReconfigurationComplete(NrSecurityGnbUeContext& ue,
                                       const NrSecurityRrcDecoded& m,
                                       uint32_t count);
    void ReportPduSession(NrSecurityGnbUeContext& ue, const NrSecurityPduSessionResult& r);
    void ReceiveUserData(NrSecurityRadioBearer& rb, Ptr<Packet> sdu);
    void SetCapabilityEnquiry(std::string mode);
    std::string GetCapabilityEnquiry() const;

    // nr-security-gnb-rrc-handover.cc (source side) and -handover-target.cc (target side)
    void StartKeyEpoch(NrSecurityGnbUeContext& ue);
    void KeyChange(NrSecurityGnbUeContext& ue, const NrSecurityKeyEpoch& epoch);
    void HandoverEvent(uint32_t ueId, const std::string& step, const std::string& detail);
    bool RefuseHandover(uint32_t ueId, const std::string& reason);
    void HandleMeasurementReport(NrSecurityGnbUeContext& ue,
                                 const NrSecurityRrcDecoded& m,
                                 uint32_t count);
    std::vector<NrSecurityDrbCountStatus> CountStatus(const NrSecurityGnbUeContext& ue) const;
    void SendHandoverCommand(NrSecurityGnbUeContext& ue, const std::vector<uint8_t>& command);
    void ForwardData(NrSecurityGnbUeContext& ue, bool withStatus, bool withUnconfirmed);
    void ForwardDownlink(NrSecurityGnbUeContext& ue, uint8_t drbId, Ptr<Packet> sdu);
    void HandleHandoverRequest(const NrSecurityXnMessage& msg);
    void HandleN2HandoverRequest(const NrSecurityN2HandoverRequest& req);
    bool PrepareTarget(uint32_t ueId,
                       const NrSecurityKeyEpoch& epoch,
                       const NrSecurityUeCapabilities& caps,
                       bool emergency,
                       NrSecurityCiphering nea,
                       NrSecurityIntegrity nia,
                       const std::vector<NrSecurityPduSession>& sessions,
                       const std::vector<NrSecurityPduSessionResult>& results,
                       const std::vector<NrSecurityDrbConfig>& drbs,
                       std::vector<uint8_t>& command,
                       std::string& cause);
    void ApplyCountStatus(NrSecurityGnbUeContext& ue,
                          const std::vector<NrSecurityDrbCountStatus>& status);
    void HandleN2HandoverCommand(uint32_t ueId,
                                 bool ok,
                                 const std::vector<uint8_t>& command,
                                 const std::string& cause);
    void HandleN2UeContextRelease(uint32_t ueId);
    bool InterceptDownlink(NrSecurityGnbUeContext& ue, uint8_t drbId, Ptr<Packet> sdu);
    bool HoldUplinkPdu(NrSecurityGnbUeContext& ue, const NrSecurityRbPdu& pdu);
    void FlushTarget(NrSecurityGnbUeContext& ue);
    void HandleHandoverComplete(NrSecurityGnbUeContext& ue,
                                const NrSecurityRrcDecoded& m,
                                uint32_t count);
    void PathSwitchAck(uint32_t ueId, NrSecurityPathSwitchAck ack);
    void ReleaseSourceContext(uint32_t ueId, const std::string& why);
    void RegisterWithAmf();
    void SetMeasurementHandoverType(std::string type);
    std::string GetMeasurementHandoverType() const;

    // nr-security-gnb-rrc-key-refresh.cc
    void CheckKeyRefresh(NrSecurityGnbUeContext& ue);
    void StartKeyRefresh(uint32_t ueId);
    bool StartIntraCell(NrSecurityGnbUeContext& ue, const std::string& cause);
    void CompleteIntraCell(NrSecurityGnbUeContext& ue);

    // nr-security-gnb-rrc-reestablishment.cc, nr-security-gnb-rrc-retrieve.cc (Xn)
    void HandleReestablishmentRequest(uint32_t ueId, const NrSecurityRrcDecoded& m);
    void HandleReestablishmentComplete(NrSecurityGnbUeContext& ue,
                                       const NrSecurityRrcDecoded& m,
                                       uint32_t count);
    bool ReceiveXnRecovery(const NrSecurityXnMessage& msg);
    void HandleRetrieveUeContextRequest(const NrSecurityXnMessage& msg);
    void HandleRetrieveUeContextResponse(const NrSecurityXnMessage& msg);
    void HandleRetrieveUeContextFailure(const NrSecurityXnMessage& msg);
    /**
     * \brief An RRCReestablishmentRequest for which no C-RNTI of this cell is free: refused
     *        without an answer (TS 38.331 5.3.7: RRCReestablishment or RRCSetup, both need a
     *        C-RNTI; RRCReject, 5.3.15, answers establishment and resume only); the UE's T301
     *        expires (5.3.7.7). Counted in GetCRntiRejects, MessageRefused and ConnectionEvent
     *        "recovery-refused" with "no C-RNTI".
     * \param ueId the UE
     * \param where when it is found ("RRCReestablishmentRequest", or at the RESPONSE)
     */
    void RefuseReestablishmentNoCRnti(uint32_t ueId, const std::string& where);
    /**
     * \brief XnAP UE CONTEXT RELEASE (TS 38.423 8.2.7) to the old node of a RETRIEVE UE
     *        CONTEXT: it frees the UE context (and its C-RNTI) handed over to this cell.
     * \param ueId the UE
     * \param oldCellId the old node's cell
     * \param cause why (completed, or given up here)
     */
    void ReleaseAtOldNode(uint32_t ueId, uint16_t oldCellId, const std::string& cause);
    bool RecoveryEpoch(NrSecurityGnbUeContext& ue,
                       const NrSecurityCellInfo& cell,
                       bool resume,
                       NrSecurityKeyEpoch& e,
                       std::string& why);
    bool RefuseRepeatedRecovery(uint32_t ueId, const std::string& name, bool otherGnb);
    void StartReestablishment(NrSecurityGnbUeContext& ue, const NrSecurityKeyEpoch& epoch);
    NrSecurityGnbUeContext& AdoptRetrievedContext(const NrSecurityXnMessage& msg);
    void FinishRetrieved(NrSecurityGnbUeContext& ue);
    void RecoveryFallback(uint32_t ueId,
                          const std::string& name,
                          const std::string& reason,
                          bool refused);
    void RecoveryGuardExpired(uint32_t ueId);
    /**
     * \brief After RRCReestablishment / RRCResume went out: traces it with its key epoch
     *        (ConnectionEvent) and (re)starts the guard for the answer (SmcGuardTimer).
     * \param ue the UE \param event "reestablishment" or "resume" \param message its name
     * \param epoch the epoch of the new K_gNB*
     */
    void RecoverySent(NrSecurityGnbUeContext& ue,
                      const std::string& event,
                      const std::string& message,
                      const NrSecurityKeyEpoch& epoch);
    /**
     * \brief Checks an RRCReestablishmentComplete / RRCResumeComplete (already verified and
     *        deciphered by PDCP with the new keys): the state must be `pending` and the
     *        transaction that of the request; otherwise refused (MessageRefused, counted).
     *        On success the guard stops and AS security is active again.
     * \param ue the UE \param m the decoded message \param count its COUNT
     * \param name its name \param pending REESTABLISHING or RESUMING
     * \param request "RRCReestablishment" or "RRCResume"
     * \return true if accepted
     */
    bool AcceptRecoveryComplete(NrSecurityGnbUeContext& ue,
                                const NrSecurityRrcDecoded& m,
                                uint32_t count,
                                const std::string& name,
                                NrSecurityRrcState pending,
                                const std::string& request);
    NrSecurityRadioBearer& NewRecoverySrb(NrSecurityGnbUeContext& ue,
                                          uint8_t srbId,
                                          bool txCiphering);

    // nr-security-gnb-rrc-resume.cc
    void HandleResumeRequest(uint32_t ueId, const NrSecurityRrcDecoded& m);
    void StartResume(NrSecurityGnbUeContext& ue, const NrSecurityKeyEpoch& epoch);
    void HandleResumeComplete(NrSecurityGnbUeContext& ue,
                              const NrSecurityRrcDecoded& m,
                              uint32_t count);
    NrSecurityGnbUeContext* FindInactive(uint32_t shortIRnti);

    // nr-security-gnb-rrc.cc
    void ReceiveDcch(NrSecurityGnbUeContext& ue,
                     NrSecurityRadioBearer& rb,
                     Ptr<Packet> sdu,
                     uint32_t count);
    void SetState(NrSecurityGnbUeContext& ue, NrSecurityRrcState state);
    bool Send(NrSecurityGnbUeContext& ue,
              uint8_t srbId,
              const std::string& name,
              const std::vector<uint8_t>& m);
    void KeyDerived(uint32_t ueId, const std::string& name, const uint8_t* key, size_t bytes);
    uint8_t NextTransactionId(NrSecurityGnbUeContext& ue);
    NrSecurityGnbUeContext* Find(uint32_t ueId);
    NrSecurityGnbUeContext* FindByCRnti(uint16_t cRnti);
    bool AssignCRnti(NrSecurityGnbUeContext& ue);
    void FreeCRnti(NrSecurityGnbUeContext& ue);
    bool CRntiAvailable() const;
    void RejectNoCRnti(uint32_t ueId, const std::string& request);
    void SetCRntiLast(uint16_t last);
    uint16_t GetCRntiLast() const;
    void SetupCompleteTimerExpired(uint32_t ueId);  ///< no RRCSetupComplete: release
    void HandoverJoinTimerExpired(uint32_t ueId);   ///< the UE did not arrive: release
    Time m_setupCompleteTimer = MilliSeconds(1200); ///< SetupCompleteTimer attribute
    Time m_handoverJoinTimer = MilliSeconds(1200);  ///< HandoverJoinTimer attribute
    uint64_t m_setupCompleteTimeouts = 0;           ///< GetSetupCompleteTimeouts
    uint64_t m_handoverJoinTimeouts = 0;            ///< GetHandoverJoinTimeouts
    static bool IsConnected(const NrSecurityGnbUeContext& ue);

    uint16_t m_cellId = 0;                            ///< cell id (from the device)
    uint16_t m_pci = 1;                               ///< PhysCellId attribute
    uint32_t m_arfcnDl = 632628;                      ///< ArfcnDl attribute
    uint64_t m_cellIdentity = 0;                      ///< CellIdentity attribute (0: cell id)
    Ptr<NrSecurityAmf> m_amf;                         ///< the AMF
    std::vector<NrSecurityCiphering> m_neaPriority;   ///< ciphering preference
    std::vector<NrSecurityIntegrity> m_niaPriority;   ///< integrity preference
    Time m_smcGuard;                                  ///< SMC guard timer
    bool m_admitSetup;                                ///< accept RRCSetupRequests
    uint32_t m_maxUes;                                ///< connected UE limit (0: none)
    uint32_t m_rejectWaitTime;                        ///< RRCReject waitTime, seconds
    CapabilityEnquiryMode m_capabilityEnquiry;        ///< when to ask for capabilities
    bool m_setupBearers;                              ///< RRCReconfiguration after the SMC
    bool m_upIntegritySupported;                      ///< gNB can activate UP integrity
    bool m_upConfidentialitySupported;                ///< gNB can activate UP ciphering
    uint8_t m_drbSnLength;                            ///< DRB PDCP SN length
    bool m_sdapHeader;                                ///< DRB SDAP headers (both directions)
    std::map<uint32_t, NrSecurityGnbUeContext> m_ues; ///< UE contexts
    NrSecurityCRntiPool m_cRntis;                     ///< the cell's C-RNTIs
    uint64_t m_cRntiRejects = 0;                      ///< refused: no C-RNTI free
    TransmitCallback m_transmit;                      ///< lower layer
    UserDataCallback m_userData;                      ///< upper layer (uplink user data)
    TracedCallback<uint32_t, uint8_t, uint8_t, bool, bool, bool, const std::string&>
        m_pduSessionTrace; ///< PduSessionSetup

    // Mobility
    XnSendCallback m_xnSend;                   ///< Xn transport
    NeighbourLookupCallback m_neighbourLookup; ///< neighbour cells
    bool m_handoverOnMeasurement = true;       ///< HandoverOnMeasurement attribute
    NrSecurityHandoverType m_measurementHandoverType = NrSecurityHandoverType::XN; ///< attribute
    uint32_t m_keyRefreshCount = 0xFFFF0000u; ///< KeyRefreshCount attribute
    bool m_amfRegistered = false;             ///< RegisterGnb done
    uint64_t m_handoversCompleted = 0;        ///< completed as target / intra-cell
    TracedCallback<uint32_t, const std::string&, const std::string&>
        m_handoverEventTrace; ///< HandoverEvent

    // Re-establishment and resume
    std::map<uint32_t, bool> m_retrievePending; ///< UE id -> resume (true) / re-establishment
    uint32_t m_nextIRnti = 0;                   ///< I-RNTI counter
    uint64_t m_recoveryRefusals = 0;            ///< refused requests (GetRecoveryRefusals)
    uint64_t m_reestablishments = 0;            ///< completed re-establishments
    uint64_t m_resumes = 0;                     ///< completed resumes

    // Vulnerability profiles and DRB re-add (issue 16; nr-security-gnb-rrc-drb-readd.cc)
    void CapabilityGuardExpired(uint32_t ueId);
    void CapabilityEnquiryTimerExpired(uint32_t ueId);
    bool RefuseReAdd(uint32_t ueId, const std::string& reason);
    bool m_vulnerabilityAllowNullAlgorithms = false;        ///< attribute
    bool m_vulnerabilityDrbCountReuse = false;              ///< attribute
    bool m_vulnerabilityIgnoreUpIntegrityPreferred = false; ///< attribute
    bool m_vulnerabilityReleaseOnDuplicateTmsi = false;     ///< attribute
    uint64_t m_drbReAdds = 0;                               ///< ReAddDrb started
    uint64_t m_drbCountReuses = 0;                          ///< of those, with the same identity
    uint64_t m_drbReAddRefusals = 0;                        ///< ReAddDrb refused
    uint64_t m_duplicateTmsiRequests = 0;                   ///< duplicate ng-5G-S-TMSI-Part1
    uint64_t m_duplicateTmsiReleases = 0;                   ///< contexts released for them
    uint64_t m_nullIntegritySelections = 0;                 ///< NIA0 for non-emergency UEs
    Time m_capabilityEnquiryTimer = MilliSeconds(200);      ///< CapabilityEnquiryTimer
    uint32_t m_capabilityEnquiryRetries = 2;                ///< CapabilityEnquiryRetries
    uint64_t m_capabilityEnquiriesSent = 0;                 ///< UECapabilityEnquiry sent
    uint64_t m_capabilityEnquiryRetriesSent = 0;            ///< of them, retries
};

} // namespace ns3

#endif // NR_SECURITY_GNB_RRC_H
