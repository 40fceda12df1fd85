// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_UE_RRC_H
#define NR_SECURITY_UE_RRC_H

#include "nr-security-cell-info.h"
#include "nr-security-key-epoch.h"
#include "nr-security-radio-bearer.h"
#include "nr-security-rb-pdu.h"
#include "nr-security-rrc-bearer-config.h"
#include "nr-security-rrc-mobility.h"
#include "nr-security-rrc-state.h"
#include "nr-security-rrc.h"
#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nr-security-kdf.h"
#include "ns3/nr-security-key-chain.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/nr-security-ue-capabilities.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/random-variable-stream.h"
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
 * \brief The UE Inactive AS Context (TS 38.331 5.3.8.3): what a UE in RRC_INACTIVE keeps from
 *        its connection for RRCResumeRequest and the resumed connection. Per TS 33.501
 *        6.8.2.1.1 only K_gNB and K_RRCint of the AS keys are kept (K_RRCenc, K_UPenc, K_UPint
 *        are deleted); nextHopChainingCount of the suspendConfig selects the K_gNB* of the
 *        resume (horizontal from K_gNB when it equals the NCC of K_gNB, else vertical).
 */
struct NrSecurityUeInactiveContext
{
    bool stored = false;                                 ///< a context is stored
    NrSecuritySuspendConfig suspend;                     ///< the suspendConfig received
    NrSecurityKey256 kGnb{};                             ///< K_gNB in use when suspended
    NrSecurityKey128 kRrcInt{};                          ///< K_RRCint in use when suspended
    NrSecurityCiphering nea = NrSecurityCiphering::NEA0; ///< ciphering algorithm in use
    NrSecurityIntegrity nia = NrSecurityIntegrity::NIA0; ///< integrity algorithm in use
    NrSecurityCellInfo sourceCell;                       ///< the cell that sent RRCRelease
    uint16_t sourceCRnti = 0;                            ///< the C-RNTI in that cell
    bool srb2 = false;                                   ///< SRB2 was set up
    std::vector<NrSecurityDrbConfig> drbs;               ///< the DRBs set up
};

/**
 * \ingroup nr-security
 * \brief The UE's RRC entity: RRC connection establishment and release, AS security
 *        activation, capability transfer, reconfiguration of SRB2 and DRBs, NAS transfer and
 *        user data through SDAP and the DRBs (TS 38.331 5.3.3, 5.3.4, 5.3.5, 5.3.8, 5.6.1,
 *        5.7.1, 5.7.2; TS 33.501 6.7.4; TS 37.324).
 *
 * States: IDLE (RRC_IDLE) -> Connect(): RRCSetupRequest (UL-CCCH on SRB0, randomValue from
 * the entity's random stream, establishmentCause mo-Signalling), T300 started -> CONNECTING
 * -> RRCSetup: SRB1 from its radioBearerConfig, RRCSetupComplete with the NAS message on
 * SRB1 -> CONNECTED -> SecurityModeCommand -> SECURITY_ACTIVE (or SECURITY_FAILED) ->
 * RRCRelease -> IDLE. RRCReject: T302 = waitTime, IDLE; Connect() is refused while T302
 * runs. T300 expiry: IDLE.
 *
 * Security Mode Command (TS 38.331 5.3.4.3, TS 33.501 6.7.4): the UE checks the algorithms
 * (NIA0 only for an emergency UE, both within its capabilities), derives K_gNB from K_AMF and
 * the uplink NAS COUNT (step 27) and K_RRCint (28), verifies the message's MAC-I (29),
 * derives K_UPint, K_RRCenc and K_UPenc (30), starts SRB integrity protection (31), sends
 * SecurityModeComplete integrity-protected and unciphered (32) and starts SRB ciphering (33).
 * Any failed check gets SecurityModeFailure, sent with the configuration used before the
 * command (no protection), and no new key is kept. A SecurityModeCommand received while AS
 * security is already active is refused (MessageRefused).
 *
 * RRCReconfiguration: SRB2 with K_RRCint/K_RRCenc; each DRB with K_UPenc unless
 * cipheringDisabled and K_UPint iff integrityProtection, SN length and SDAP header as
 * configured; then RRCReconfigurationComplete. A DRB identity added again under the same
 * K_gNB is accepted and reported (GetDrbIdentityReuses). A reconfiguration that adds SRB2 or
 * a DRB before AS security is active is refused (TS 38.331 5.3.1.2: SRB2 and DRBs are set up
 * only after security activation) and not answered.
 *
 * Refused (MessageRefused, counted, nothing done): a message on the wrong bearer (DL-CCCH
 * other than on SRB0, DL-DCCH on SRB0, a DL-DCCH message on SRB2 that belongs on SRB1), one
 * that fails to decode, one not expected in the current state.
 *
 * Mobility (nr-security-ue-rrc-measurement.cc, nr-security-ue-rrc-handover.cc):
 * - Serving cell: SetServingCell (the device, at attach and after each cell switch).
 * - Measurements (TS 38.331 5.5.4.4, event A3): while AS security is active and no handover
 *   runs, ReportMeasurements() evaluates for each neighbour n against the serving cell p the
 *   entering condition Mn - Hys > Mp + Off and the leaving condition Mn + Hys < Mp + Off
 *   (Ofn, Ocn, Ofp, Ocp = 0). A3Offset (Off), Hysteresis (Hys) and TimeToTrigger are
 *   attributes of the UE, as if the network had signalled them in a measConfig with one
 *   measId (1) and reportAmount 1: this model sends no measConfig (simplification). Once the
 *   entering condition held for TimeToTrigger, the UE sends MeasurementReport on SRB1 with
 *   the serving cell and the triggered neighbours (once per neighbour until it leaves).
 * - Handover (TS 38.331 5.3.5.4, 5.3.5.7; TS 33.501 6.9.2.3.2, 6.9.3): an RRCReconfiguration
 *   with reconfigurationWithSync and masterKeyUpdate. keySetChangeIndicator true is refused
 *   (a new NAS key is not modelled). The new K_gNB is K_gNB* (A.11) for the target PCI and
 *   absoluteFrequencySSB (= the ARFCN-DL): from the current K_gNB when the received NCC
 *   equals the UE's NCC (horizontal), else from the NH of the received NCC in the UE's own
 *   NH chain (vertical; NrSecurityNhChain seeded from K_AMF and the connection's initial
 *   K_gNB; the chain never restarts). The AS keys follow with the algorithms in use (the
 *   target keeps them; no securityConfig is signalled). The device switches to the target
 *   (CellSwitchCallback by PCI; false: the handover fails, nothing of it is applied);
 *   uplink user data is held while the UE switches; SRB1/SRB2 PDCP entities are re-established
 *   (COUNTs from 0) with the new keys, RRCReconfigurationComplete goes to the target on SRB1
 *   under the new keys, then each DRB: released (drb-ToReleaseList) and re-added with a new
 *   PDCP entity (COUNT 0, TS 38.331 5.3.5.6.4/5.3.5.6.5), or re-established with the new
 *   keys (reestablishPDCP: AM DRBs keep their COUNTs and retransmit the SDUs the lower layer
 *   did not confirm, TS 38.323 5.1.2); the held uplink data is then sent. KeyChange and
 *   HandoverEvent fire.
 * - VulnerabilityStaleNcc (off by default) reproduces UEs that ignore a new NCC: the UE
 *   always derives horizontally and keeps its NCC, so after a path switch its K_gNB differs
 *   from the target's and the first integrity check at the target fails.
 *
 * Re-establishment and resume (nr-security-ue-rrc-reestablishment.cc,
 * nr-security-ue-rrc-resume.cc):
 * - RadioLinkFailure() (TS 38.331 5.3.7.2; the device calls it): without AS security, or
 *   without SRB2 and a DRB, the UE goes to RRC_IDLE (5.3.7.1). Otherwise it suspends every
 *   RB but SRB0 (uplink user data is discarded, counted and traced), starts T311 and asks
 *   the CellSelectionCallback for a cell (again every 20 ms while T311 runs). With a cell:
 *   T311 stops, T301 starts, SRB1's PDCP entity is re-established without security (a new
 *   entity, the default SRB1 configuration) and RRCReestablishmentRequest goes on SRB0 with
 *   the source C-RNTI (GetCRnti: the C-RNTI in the source cell), the source PCI and shortMAC-I
 * (NrSecurityShortMacI over VarShortMAC-Input: source PCI, the selected cell's cellIdentity, source
 * C-RNTI; the source K_RRCint and NIA; COUNT, BEARER, DIRECTION all ones; 5.3.7.4), cause
 *   otherFailure. RRCReestablishment (SRB1, integrity-protected, not ciphered): K_gNB*
 *   (A.11) for the selected cell's PCI and ARFCN-DL from the current K_gNB when its NCC
 *   equals the UE's, else from the NH of that NCC (the UE's chain); new AS keys with the
 *   algorithms in use; the message's MAC-I is verified with the new K_RRCint (failure:
 *   RRC_IDLE, 5.3.7.5); SRB1 integrity and ciphering with the new keys; the
 *   RRCReestablishmentComplete is integrity-protected and ciphered; KeyChange "reestablishment".
 *   SRB2 and the DRBs stay suspended until the RRCReconfiguration that re-establishes their
 *   PDCP entities (reestablishPDCP) with the new keys. T311 or T301 expiry: RRC_IDLE.
 * - RRCRelease with suspendConfig (5.3.8.3): the UE Inactive AS Context is stored (see
 *   NrSecurityUeInactiveContext), every RB is released, state INACTIVE. Resume() (5.3.13.2,
 *   5.3.13.3): cell selection, resumeMAC-I over VarResumeMAC-Input with the stored K_RRCint,
 *   K_gNB* for the selected cell from the stored NCC, new keys, SRB1 re-established with
 *   integrity and ciphering under them, RRCResumeRequest (shortI-RNTI, cause mo-Data) on
 *   SRB0, T319. RRCResume (SRB1, verified and deciphered by PDCP with the new keys): SRB2
 *   and the DRBs of the stored configuration are restored with the new keys (PDCP suspend
 *   and re-establishment: COUNTs from 0, TS 38.323 5.1.4, 5.1.2), RRCResumeComplete,
 *   KeyChange "resume". T319 expiry: RRC_IDLE. RRCReject: back to RRC_INACTIVE with the
 *   stored context (5.3.15.2).
 * - RRCSetup in answer to either request (the network's fallback, 5.3.3.4): the stored
 *   contexts and AS keys are discarded and the UE continues as after an RRCSetupRequest.
 * - VulnerabilityRecoveryMacIZeroInputs (off by default) reproduces the shortMAC-I fault of
 *   case M5: the UE computes shortMAC-I and resumeMAC-I with COUNT, BEARER and DIRECTION 0
 *   instead of all ones, so the network cannot verify them and falls back to RRCSetup.
 *
 * Vulnerability profiles (all off by default: the compliant behaviour; see the doc chapter's
 * table with each one's reference):
 * - VulnerabilitySmcNoVerify: the MAC-I of the SecurityModeCommand is not checked (step 29 is
 *   skipped); the UE derives the keys for whatever algorithms the command names and answers
 *   SecurityModeComplete (srsRAN_4G issue #691). Compliant: TS 33.501 6.7.4, TS 38.331
 *   5.3.4.3: a command that fails the check gets SecurityModeFailure and no key is kept.
 * - VulnerabilityAcceptNia0: NIA0 is accepted in a SecurityModeCommand outside an
 *   unauthenticated emergency session (LTEInspector, NDSS 2018; "Touching the Untouchables",
 *   IEEE S&P 2019). Compliant: TS 33.501 D.1, 6.7.3: NIA0 only for emergency sessions.
 * - VulnerabilityPreSecurityRedirect: the redirectedCarrierInfo of an RRCRelease received
 *   before AS security activation is followed. Compliant: TS 38.331 5.3.8.3: before AS
 *   security the UE ignores every field of RRCRelease but waitTime (it goes to RRC_IDLE with
 *   its own cell selection). After AS security a redirection is followed (TS 38.304 5.2.6):
 *   the RedirectCallback camps on the strongest cell with that ARFCN-DL.
 * - VulnerabilityCapabilitiesBeforeSecurity: UECapabilityEnquiry is answered before AS
 *   security activation (Shaik et al., WiSec 2019). Off (hardened): such an enquiry is
 *   refused (MessageRefused "ueCapabilityEnquiry", counted), so UECapabilityInformation goes
 *   only integrity-protected and ciphered. The refusal is hardening, not mandated by TS
 *   38.331: 5.6.1.3 has the UE answer any UECapabilityEnquiry, Annex B.1 allows both
 *   messages unprotected before AS security activation, and 5.6.1.1 only asks the network
 *   to retrieve capabilities after AS security activation. The profile on is thus the
 *   behaviour of a UE that follows 38.331 to the letter, exposed to a pre-security enquiry.
 * - Ng5gSTmsi (not a fault): the 5G-S-TMSI (48 bits) from upper layers; RRCSetupRequest then
 *   carries ng-5G-S-TMSI-Part1, its rightmost 39 bits, instead of a randomValue (TS 38.331
 *   5.3.3.3); ng-5G-S-TMSI-Part2 in RRCSetupComplete is not modelled.
 *
 * Trace sources: those of NrSecurityRrc (all carry the UE id first), and HandoverEvent.
 */
class NrSecurityUeRrc : public NrSecurityRrc, private NrSecurityRadioBearerOwner
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief Parses the SupportedBandsNr attribute: comma-separated FreqBandIndicatorNR
     *        values (TS 38.331 6.3.3), each 1..1024, decimal digits only.
     * \param list e.g. "78" or "1,3,78"
     * \return the bands, in order
     * \throws std::invalid_argument naming the item that is not a band, or for an empty list
     */
    static std::vector<uint16_t> ParseSupportedBands(const std::string& list);
    NrSecurityUeRrc();
    ~NrSecurityUeRrc() override;

    /// Lower layer: send a PDU on a radio bearer (with its metadata).
    typedef Callback<void, const NrSecurityRbPdu&> TransmitCallback;
    /// Upper layer: a downlink IP packet (SDAP header removed) and its QFI (0 if unknown).
    typedef Callback<void, Ptr<Packet>, uint8_t> UserDataCallback;

    /// \param ueId the UE id (as on the air and in traces)
    void SetUeId(uint32_t ueId);
    /// \return the UE id
    uint32_t GetUeId() const;
    /**
     * \return the UE's C-RNTI in its serving cell (16 bits, TS 38.321 Table 7.1-1): the RNTI
     *         of the RRCSetup, RRCReestablishment or RRCResume that connected it
     *         (NrSecurityRbPdu::rnti, as the TC-RNTI of a random access becomes the C-RNTI,
     *         TS 38.321 5.1.5), or newUE-Identity of the last handover command; 0 when it has
     *         none (RRC_IDLE, RRC_INACTIVE, before RRCSetup)
     */
    uint16_t GetCRnti() const;

    /**
     * \brief The NAS security context the UE shares with the AMF.
     * \param kAmf K_AMF
     * \param ulNasCount the uplink NAS COUNT for K_gNB (TS 33.501 A.9) of the first
     *        connection; every later RRCSetupComplete (initial NAS message) under this context
     *        has the next one (TS 24.501 4.4.3.1), so each connection has a fresh K_gNB
     */
    void SetNasSecurityContext(const NrSecurityKey256& kAmf, uint32_t ulNasCount);
    /// \return K_AMF as the UE holds it
    const NrSecurityKey256& GetKamf() const;
    /// \return the uplink NAS COUNT the UE uses for K_gNB (that of the latest initial NAS
    ///         message)
    uint32_t GetUlNasCount() const;

    /// \param caps the UE security capabilities
    void SetCapabilities(const NrSecurityUeCapabilities& caps);
    /// \return the UE security capabilities
    NrSecurityUeCapabilities GetCapabilities() const;
    /// \return true for an unauthenticated emergency session (NIA0 acceptable)
    bool IsEmergency() const;

    /// \param cb the lower layer
    void SetTransmitCallback(TransmitCallback cb);
    /// \param cb the upper layer for downlink user data
    void SetUserDataCallback(UserDataCallback cb);

    /**
     * \brief RRC connection establishment (TS 38.331 5.3.3.2, 5.3.3.3): in RRC_IDLE, sends
     *        RRCSetupRequest on SRB0 and starts T300. Refused (ConnectionEvent
     *        "connect-refused", counted in GetConnectRefusals()) while T302 runs or when not
     *        in RRC_IDLE.
     * \param cellId the cell (kept for the device; the RRC does not use it otherwise)
     * \return true if an RRCSetupRequest was sent
     */
    bool Connect(uint16_t cellId);

    /**
     * \brief A PDU from the air for one of the UE's radio bearers. PDUs for a bearer that is
     *        not set up are discarded (user data: UserDataDiscarded; SRB: MessageRefused).
     * \param pdu the PDU and its bearer
     */
    void ReceivePdu(const NrSecurityRbPdu& pdu);

    /**
     * \brief Sends an RRC message (UL-DCCH, already encoded) on SRB1 with the security in force.
     * \param message the encoded message
     * \return false if not connected or PDCP refused it
     */
    bool SendUlDcch(const std::vector<uint8_t>& message);

    /**
     * \brief ULInformationTransfer with a NAS message (TS 38.331 5.7.2): on SRB2 if it is set
     *        up, else on SRB1.
     * \param nas the NAS message (opaque)
     * \return false if not connected (after RRCSetupComplete)
     */
    bool SendNas(const std::vector<uint8_t>& nas);

    /**
     * \brief Uplink user data: through SDAP (UL data header if the DRB has one, TS 37.324
     *        6.2.2.3) to the DRB that maps the QFI, or the default DRB, and its PDCP entity.
     * \param ipPacket the IP packet
     * \param qfi the QoS flow, 0..63
     * \return false (counted, traced as UserDataDiscarded with the reason) if there is no
     *         DRB, or PDCP refused the SDU
     */
    bool SendUserData(Ptr<Packet> ipPacket, uint8_t qfi);

    /**
     * \param srbId 1..3
     * \return the SRB's PDCP entity, or nullptr if it is not set up
     */
    Ptr<NrSecurityPdcp> GetSrb(uint8_t srbId) const;
    /// \return SRB1's PDCP entity (nullptr before RRCSetup)
    Ptr<NrSecurityPdcp> GetSrb1() const;
    /**
     * \param drbId 1..32
     * \return the DRB's PDCP entity, or nullptr if it is not set up
     */
    Ptr<NrSecurityPdcp> GetDrb(uint8_t drbId) const;
    /// \return the configurations of the DRBs set up, by DRB identity
    std::vector<NrSecurityDrbConfig> GetDrbConfigs() const;
    /// \return the state
    NrSecurityRrcState GetState() const;
    /// \return true in RRC_CONNECTED (CONNECTED, SECURITY_ACTIVE, SECURITY_FAILED)
    bool IsConnected() const;
    /// \return true once AS security is active
    bool IsSecurityActive() const;
    /// \return true while T302 runs
    bool IsT302Running() const;
    /// \return the time T302 has left (0 when it is not running)
    Time GetT302Remaining() const;
    /// \return the Ng5gSTmsi attribute (0: none, RRCSetupRequest carries a randomValue)
    uint64_t GetNg5gSTmsi() const;

    /**
     * Redirection (TS 38.331 5.3.8.3, TS 38.304 5.2.6): the device makes the strongest cell
     * with this ARFCN-DL the UE's cell (camping in RRC_IDLE), fills its identity and returns
     * true, or returns false if it hears no cell on that carrier.
     */
    typedef Callback<bool, uint32_t /*arfcnDl*/, NrSecurityCellInfo&> RedirectCallback;
    /// \param cb the device's redirection (cell selection on one carrier)
    void SetRedirectCallback(RedirectCallback cb);
    /// \return how many RRCRelease redirections the UE followed (RedirectCallback called)
    uint64_t GetRedirections() const;
    /// \return how many RRCRelease redirections it ignored (received before AS security
    ///         activation, TS 38.331 5.3.8.3)
    uint64_t GetRedirectionsIgnored() const;
    /// \return the carrierFreq (ARFCN-DL) of the last redirection followed (0: none)
    uint32_t GetLastRedirectArfcnDl() const;
    /// \return how many UECapabilityEnquiries the UE answered
    uint64_t GetCapabilityInformationsSent() const;
    /**
     * \brief DRB identity reuse under one K_gNB, as the UE sees it. A DRB released and
     *        added again with an identity already used under the K_gNB in force (ReVoLTE)
     *        starts a new PDCP entity at COUNT 0 with the same key, BEARER (the identity
     *        minus 1) and DIRECTION, so the NEA keystream repeats; TS 33.501 6.9.4.1 and
     *        TS 38.300 13.1 require a COUNT once per key, bearer and direction, but this is
     *        the network's duty: TS 38.331 5.3.5.6.5 does not let the UE refuse the
     *        addition, so the UE accepts it and can only detect and report it
     *        (ConnectionEvent "drb-identity-reused-same-key" with the identity). The record
     *        of identities used starts again whenever K_gNB changes (key refresh, handover,
     *        re-establishment, resume, a new connection).
     * \return how many DRB additions reused an identity under the same K_gNB
     */
    uint64_t GetDrbIdentityReuses() const;
    /// \return how many Connect() calls were refused
    uint64_t GetConnectRefusals() const;
    /// \return K_gNB (all zero until derived in step 27)
    const NrSecurityKey256& GetKgnb() const;
    /// \return the AS keys (all zero until derived)
    const NrSecurityAsKeys& GetAsKeys() const;
    /// \return the ciphering algorithm of the active security
    NrSecurityCiphering GetCiphering() const;
    /// \return the integrity algorithm of the active security
    NrSecurityIntegrity GetIntegrity() const;

    /**
     * \param stream first stream index
     * \return the number of streams used (1: the randomValue of RRCSetupRequest)
     */
    int64_t AssignStreams(int64_t stream);

    // Mobility: nr-security-ue-rrc-measurement.cc and nr-security-ue-rrc-handover.cc.

    /**
     * The device switches the UE to the cell with a PCI (reconfigurationWithSync): it fills
     * the cell's identity and returns true, or false if no such cell is reachable.
     */
    typedef Callback<bool, uint16_t, NrSecurityCellInfo&> CellSwitchCallback;
    /// HandoverEvent(ueId, step, detail), e.g. "command-received", "complete-sent"
    typedef void (*HandoverEventTracedCallback)(uint32_t ueId,
                                                const std::string& step,
                                                const std::string& detail);

    /**
     * \brief The serving cell (the device sets it at attach and after each cell switch): the
     *        PCI and ARFCN-DL that measurements compare against and that re-establishment
     *        and resume use as the source cell.
     * \param cell the serving cell
     */
    void SetServingCell(const NrSecurityCellInfo& cell);
    /// \return the serving cell (all zero before SetServingCell)
    NrSecurityCellInfo GetServingCell() const;
    /// \param cb the device's cell switch (reconfigurationWithSync)
    void SetCellSwitchCallback(CellSwitchCallback cb);

    /**
     * \brief The device's measurement of every cell it hears (called every MeasurementPeriod
     *        while connected): event A3 evaluation (see the class), MeasurementReport on SRB1
     *        once a neighbour's entering condition held for TimeToTrigger. Ignored before AS
     *        security activation and while a handover runs. The serving cell is the entry with
     *        the serving PCI (absent: -infinity, every neighbour enters).
     * \param cells the measured cells, serving cell included
     */
    void ReportMeasurements(const std::vector<NrSecurityCellMeasurement>& cells);

    /**
     * \brief The lower layer confirmed that a PDU this UE sent arrived (RLC ACK): passed to
     *        the bearer's PDCP entity (NrSecurityPdcp::ConfirmPduDelivery) so that AM DRBs
     *        retransmit only unconfirmed SDUs after re-establishment. Unknown bearers and
     *        SRB0 are ignored.
     * \param pdu the PDU as the RRC handed it to the TransmitCallback
     */
    void ConfirmDelivery(const NrSecurityRbPdu& pdu);

    /// \return the NCC associated with the K_gNB in use (0 after the SMC)
    uint8_t GetNcc() const;
    /// \return every key epoch of the connection in order (restarted with epoch 0 when the
    ///         SecurityModeCommand is verified)
    const std::vector<NrSecurityKeyEpoch>& GetKeyEpochs() const;
    /// \return the UE's NH chain (seeded at the SMC with K_AMF and the initial K_gNB)
    const NrSecurityNhChain& GetNhChain() const;
    /// \return true from a reconfigurationWithSync until the UE is in the target cell
    bool IsHandoverInProgress() const;
    /// \return how many MeasurementReports the UE sent
    uint64_t GetMeasurementReports() const;

    // Re-establishment and resume: nr-security-ue-rrc-reestablishment.cc and
    // nr-security-ue-rrc-resume.cc.

    /**
     * Cell selection for re-establishment and resume (the device, TS 38.304): it picks a
     * suitable cell, makes it the UE's cell on the air, fills its identity (cell id, PCI,
     * ARFCN-DL, cellIdentity) and returns true, or returns false if it finds none.
     */
    typedef Callback<bool, NrSecurityCellInfo&> CellSelectionCallback;

    /// \param cb the device's cell selection
    void SetCellSelectionCallback(CellSelectionCallback cb);

    /**
     * \brief Radio link failure of the serving cell (TS 38.331 5.3.10; the device calls it):
     *        starts RRC connection re-establishment (5.3.7.2, see the class) or, without AS
     *        security or without SRB2 and a DRB, goes to RRC_IDLE (5.3.7.1). Ignored
     *        (ConnectionEvent "rlf-ignored") outside RRC_CONNECTED and while a
     *        re-establishment runs.
     */
    void RadioLinkFailure();

    /**
     * \brief Resumes the suspended connection from RRC_INACTIVE (TS 38.331 5.3.13.2,
     *        5.3.13.3; see the class).
     * \return false (ConnectionEvent "resume-refused") when not in RRC_INACTIVE, while T302
     *         runs, or when the CellSelectionCallback finds no cell
     */
    bool Resume();

    /// \return true in RRC_INACTIVE (a UE Inactive AS Context is stored)
    bool IsInactive() const;
    /// \return the UE Inactive AS Context (stored false when there is none)
    const NrSecurityUeInactiveContext& GetInactiveContext() const;
    /// \return how many re-establishments completed (RRCReestablishmentComplete sent)
    uint64_t GetReestablishments() const;
    /// \return how many resumes completed (RRCResumeComplete sent)
    uint64_t GetResumes() const;

  protected:
    void DoDispose() override;

  private:
    // NrSecurityRadioBearerOwner
    void BearerTransmit(NrSecurityRadioBearer& rb, const NrSecurityRbPdu& pdu) override;
    void BearerDeliver(NrSecurityRadioBearer& rb, Ptr<Packet> sdu, uint32_t count) override;
    void BearerIntegrityFailure(NrSecurityRadioBearer& rb,
                                uint32_t count,
                                uint32_t receivedMac,
                                uint32_t expectedMac) override;

    // nr-security-ue-rrc-setup.cc
    void ReceiveCcch(Ptr<Packet> pdu);
    void HandleRrcSetup(const NrSecurityRrcDecoded& m, const std::vector<uint8_t>& bytes);
    void HandleRrcReject(const NrSecurityRrcDecoded& m, const std::vector<uint8_t>& bytes);
    void HandleRrcRelease(const NrSecurityRrcDecoded& m, uint32_t count);
    void T300Expired();
    void T302Expired();
    void GoToIdle(const std::string& why);
    void SetT300(Time t);
    Time GetT300() const;
    void SetNasMessage(std::string hex);
    std::string GetNasMessage() const;

    // nr-security-ue-rrc-smc.cc
    void HandleSecurityModeCommand(Ptr<Packet> sdu, uint32_t count, const NrSecurityRrcDecoded& m);
    void Fail(uint8_t transactionId, const std::string& reason);

    // nr-security-ue-rrc-reconfiguration.cc
    void HandleCapabilityEnquiry(const NrSecurityRrcDecoded& m, uint32_t count);
    void HandleRrcReconfiguration(const NrSecurityRrcDecoded& m, uint32_t count);
    void HandleDlInformationTransfer(const NrSecurityRrcDecoded& m);
    void ReceiveUserData(NrSecurityRadioBearer& rb, Ptr<Packet> sdu);
    void SetSupportedBands(std::string list);
    std::string GetSupportedBands() const;
    void NoteDrbIdentitiesInUse();

    // nr-security-ue-rrc-handover.cc
    bool HandleReconfigurationWithSync(const NrSecurityRrcDecoded& m, uint32_t count);
    void ApplyKeyEpoch(const NrSecurityKeyEpoch& epoch, const NrSecurityAsKeys& keys);
    void StartKeyEpochs();
    void HandoverEvent(const std::string& step, const std::string& detail);
    void FlushHeldUplink();

    // nr-security-ue-rrc-measurement.cc
    void SendMeasurementReport(const NrSecurityCellMeasurement& serving,
                               const std::vector<NrSecurityCellMeasurement>& triggered);

    // nr-security-ue-rrc-reestablishment.cc
    void SelectCellForReestablishment();
    void SendReestablishmentRequest(const NrSecurityCellInfo& cell);
    void HandleRrcReestablishment(Ptr<Packet> sdu, uint32_t count, const NrSecurityRrcDecoded& m);
    void ReceiveCcchRecovery(const NrSecurityRrcDecoded& m, const std::vector<uint8_t>& bytes);
    void HandleReconfigurationAfterReestablishment(const NrSecurityRrcDecoded& m, uint32_t count);
    void ResumeSuspendedBearers();
    void StopRecovery();
    void SendUlCcch(const std::string& name, const std::vector<uint8_t>& message);
    void NewSrb1(const NrSecurityAsKeys* keys);
    uint16_t RecoveryMacI(bool resume,
                          NrSecurityIntegrity nia,
                          const NrSecurityKey128& kRrcInt,
                          uint16_t sourcePci,
                          uint64_t targetCellIdentity,
                          uint16_t sourceCRnti) const;
    bool DeriveRecoveryKeys(const NrSecurityKey256& kGnb,
                            uint8_t ncc,
                            const NrSecurityCellInfo& cell,
                            const std::string& cause,
                            NrSecurityNhChain& chain,
                            NrSecurityKeyEpoch& epoch,
                            NrSecurityAsKeys& keys);
    void T301Expired();
    void T311Expired();
    void SetT301(Time t);
    Time GetT301() const;
    void SetT311(Time t);
    Time GetT311() const;

    // nr-security-ue-rrc-resume.cc
    void HandleSuspend(const NrSecurityRrcDecoded& m, uint32_t count);
    void HandleRrcResume(const NrSecurityRrcDecoded& m, uint32_t count);
    void T319Expired();
    void SetT319(Time t);
    Time GetT319() const;

    // nr-security-ue-rrc.cc
    void ReceiveDcch(NrSecurityRadioBearer& rb, Ptr<Packet> sdu, uint32_t count);
    void SetState(NrSecurityRrcState state);
    void Step(uint32_t step, const std::string& what);
    void KeyDerived(const std::string& name, const uint8_t* key, size_t bytes, uint32_t step);
    bool Send(uint8_t srbId, const std::string& name, const std::vector<uint8_t>& message);
    void ConnectionEvent(const std::string& event, const std::string& detail);
    NrSecurityRadioBearer* Srb(uint8_t srbId) const;
    void ReleaseBearers();

    uint32_t m_ueId;                 ///< UE id
    uint16_t m_cRnti = 0;            ///< C-RNTI in the serving cell (0: none)
    uint16_t m_rxRnti = 0;           ///< RNTI of the downlink PDU being received
    uint16_t m_cellId;               ///< cell of the last Connect()
    NrSecurityKey256 m_kAmf;         ///< K_AMF
    uint32_t m_ulNasCount;           ///< uplink NAS COUNT of the latest initial NAS message
    bool m_initialNasSent;           ///< an initial NAS message went out under this context
    NrSecurityUeCapabilities m_caps; ///< capabilities
    bool m_emergency;                ///< unauthenticated emergency session
    NrSecurityRrcState m_state;      ///< state
    std::map<uint8_t, std::unique_ptr<NrSecurityRadioBearer>> m_srbs; ///< SRB1, SRB2
    std::map<uint8_t, std::unique_ptr<NrSecurityRadioBearer>> m_drbs; ///< DRBs by identity
    NrSecurityKey256 m_kGnb;                                          ///< K_gNB
    NrSecurityAsKeys m_keys;                                          ///< AS keys
    NrSecurityCiphering m_nea;           ///< active ciphering algorithm
    NrSecurityIntegrity m_nia;           ///< active integrity algorithm
    Time m_t300;                         ///< T300 value
    EventId m_t300Event;                 ///< T300
    EventId m_t302Event;                 ///< T302
    uint64_t m_connectRefusals;          ///< Connect() refused
    std::vector<uint8_t> m_nas;          ///< NAS message for RRCSetupComplete
    std::vector<uint16_t> m_bands;       ///< supportedBandListNR for UECapabilityInformation
    Ptr<UniformRandomVariable> m_random; ///< randomValue of RRCSetupRequest
    TransmitCallback m_transmit;         ///< lower layer
    UserDataCallback m_userData;         ///< upper layer (downlink user data)

    // Mobility
    /// A3 state of one neighbour (by PCI).
    struct A3State
    {
        Time enteredAt;         ///< when the entering condition started to hold
        bool entering = false;  ///< the entering condition holds
        bool triggered = false; ///< reported (until it leaves)
    };

    NrSecurityCellInfo m_servingCell;         ///< serving cell
    CellSwitchCallback m_cellSwitch;          ///< the device's cell switch
    NrSecurityNhChain m_nhChain;              ///< the UE's NH chain (TS 33.501 A.10)
    uint8_t m_ncc = 0;                        ///< NCC of the K_gNB in use
    std::vector<NrSecurityKeyEpoch> m_epochs; ///< key epochs of the connection
    bool m_handoverInProgress = false;        ///< reconfigurationWithSync being applied
    /// user data held (IP, QFI), oldest first; created at the first hold (an empty std::deque
    /// allocates 512 bytes)
    std::unique_ptr<std::deque<std::pair<Ptr<Packet>, uint8_t>>> m_heldUplink;
    bool m_vulnerabilityStaleNcc = false;     ///< VulnerabilityStaleNcc attribute
    double m_a3Offset = 3;                    ///< A3Offset attribute, dB
    double m_hysteresis = 1;                  ///< Hysteresis attribute, dB
    Time m_timeToTrigger = MilliSeconds(160); ///< TimeToTrigger attribute
    std::map<uint16_t, A3State> m_a3;         ///< A3 state by neighbour PCI
    uint64_t m_measurementReports = 0;        ///< MeasurementReports sent
    TracedCallback<uint32_t, const std::string&, const std::string&>
        m_handoverEventTrace; ///< HandoverEvent

    // Re-establishment and resume (nr-security-ue-rrc-reestablishment.cc, -resume.cc)
    CellSelectionCallback m_cellSelection;   ///< the device's cell selection
    Time m_t301 = MilliSeconds(1000);        ///< T301 attribute
    Time m_t311 = MilliSeconds(1000);        ///< T311 attribute
    Time m_t319 = MilliSeconds(1000);        ///< T319 attribute
    EventId m_t301Event;                     ///< T301
    EventId m_t311Event;                     ///< T311
    EventId m_t319Event;                     ///< T319
    EventId m_cellSelectionEvent;            ///< the next cell selection attempt
    bool m_rbsSuspended = false;             ///< SRB2 and DRBs suspended (re-establishment)
    NrSecurityCellInfo m_recoverySourceCell; ///< re-establishment: the cell of the failure
    NrSecurityCellInfo m_recoveryCell;       ///< the cell selected for the request
    NrSecurityUeInactiveContext m_inactive;  ///< UE Inactive AS Context
    NrSecurityKeyEpoch m_resumeEpoch;        ///< resume: the epoch of the pending request
    NrSecurityAsKeys m_resumeKeys;           ///< resume: its AS keys
    NrSecurityNhChain m_resumeChain;         ///< resume: the chain after its derivation
    bool m_vulnerabilityRecoveryMacIZeroInputs = false; ///< attribute (case M5 fault)

    // Vulnerability profiles (issue 16)
    bool m_vulnerabilitySmcNoVerify = false;                ///< VulnerabilitySmcNoVerify
    bool m_vulnerabilityAcceptNia0 = false;                 ///< VulnerabilityAcceptNia0
    bool m_vulnerabilityPreSecurityRedirect = false;        ///< VulnerabilityPreSecurityRedirect
    bool m_vulnerabilityCapabilitiesBeforeSecurity = false; ///< attribute
    uint64_t m_ng5gSTmsi = 0;                               ///< Ng5gSTmsi attribute (48 bits)
    RedirectCallback m_redirect;                            ///< the device's redirection
    uint64_t m_redirections = 0;                            ///< redirections followed
    uint64_t m_redirectionsIgnored = 0;                     ///< redirections ignored
    uint32_t m_lastRedirectArfcnDl = 0;                     ///< carrierFreq of the last one
    uint64_t m_capabilityInformations = 0;                  ///< UECapabilityInformation sent
    uint64_t m_reestablishments = 0;                        ///< completed re-establishments
    uint64_t m_resumes = 0;                                 ///< completed resumes

    // DRB identities per K_gNB (nr-security-ue-rrc-reconfiguration.cc)
    std::set<uint8_t> m_drbIdsUsed;   ///< DRB identities used under m_drbIdsKgnb
    NrSecurityKey256 m_drbIdsKgnb{};  ///< the K_gNB m_drbIdsUsed belongs to
    uint64_t m_drbIdentityReuses = 0; ///< DRB additions reusing an identity under one K_gNB
};

} // namespace ns3

#endif // NR_SECURITY_UE_RRC_H
