// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_AMF_H
#define NR_SECURITY_AMF_H

#include "nr-security-pdu-session.h"
#include "nr-security-ue-capabilities.h"
#include "ns3/callback.h"
#include "ns3/nr-security-kdf.h"
#include "ns3/nr-security-key-chain.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief What the AMF holds for one UE once NAS security is up.
 */
struct NrSecurityAmfUeContext
{
    NrSecurityKey256 kAmf{};         ///< K_AMF (32 bytes)
    uint32_t ulNasCount = 0;         ///< uplink NAS COUNT of the initial NAS message that set
                                     ///< up the connection (TS 33.501 6.9.2.1.1, A.9); the
                                     ///< AMF adds one for every later initial NAS message
    bool initialNasReceived = false; ///< an Initial UE Message arrived under this context
                                     ///< (the next one has the next uplink NAS COUNT)
    NrSecurityUeCapabilities caps;   ///< UE security capabilities
    bool emergency = false;          ///< unauthenticated emergency session (NIA0 allowed)
    /// The PDU sessions to set up with the context (NGAP PDU Session Resource Setup within
    /// Initial Context Setup); by default one: id 1, QFI 9, UP integrity NOT_NEEDED, UP
    /// confidentiality REQUIRED.
    std::vector<NrSecurityPduSession> pduSessions{NrSecurityPduSession{}};
};

/**
 * \ingroup nr-security
 * \brief What the gNB receives in NGAP Initial Context Setup (TS 38.413 8.3.1): the security
 *        key and capabilities, the PDU sessions to set up and a NAS-PDU to forward.
 */
struct NrSecurityInitialContextSetup
{
    NrSecurityKey256 kGnb{};                       ///< Security Key (K_gNB)
    NrSecurityUeCapabilities caps;                 ///< UE Security Capabilities
    bool emergency = false;                        ///< unauthenticated emergency session
    std::vector<NrSecurityPduSession> pduSessions; ///< PDU Session Resource Setup Request List
    std::vector<uint8_t> nasPdu; ///< NAS-PDU for the UE (e.g. Registration Accept); may be empty
};

/**
 * \ingroup nr-security
 * \brief NGAP PATH SWITCH REQUEST ACKNOWLEDGE, Security Context IE (TS 38.413 9.3.1.26,
 *        TS 33.501 6.9.2.3.2): the fresh {NH, NCC} pair for the next handover. The whole
 *        32-byte NH travels (case M4).
 */
struct NrSecurityPathSwitchAck
{
    NrSecurityKey256 nh{}; ///< Next Hop NH (32 bytes)
    uint8_t ncc = 0;       ///< Next Hop Chaining Count (3 bits, = nhIndex mod 8)
    uint32_t nhIndex = 0;  ///< the AMF's chain index of nh (not on the wire; for traces/tests)
};

/**
 * \ingroup nr-security
 * \brief NGAP HANDOVER REQUEST from the AMF to the target gNB (TS 38.413 8.4.2, TS 33.501
 *        6.9.2.3.3): the Security Context with a fresh {NH, NCC}, the UE security
 *        capabilities, the PDU sessions and the source's COUNT status (in this model the
 *        COUNT status comes with the request instead of a later Uplink/Downlink RAN Status
 *        Transfer).
 */
struct NrSecurityN2HandoverRequest
{
    uint32_t ueId = 0;                             ///< the UE
    uint16_t sourceCellId = 0;                     ///< the source gNB's cell
    uint16_t targetCellId = 0;                     ///< the target gNB's cell
    NrSecurityKey256 nh{};                         ///< fresh NH (32 bytes)
    uint8_t ncc = 0;                               ///< its NCC (3 bits)
    uint32_t nhIndex = 0;                          ///< the AMF's chain index of nh
    NrSecurityUeCapabilities caps;                 ///< UE Security Capabilities
    bool emergency = false;                        ///< unauthenticated emergency session
    std::vector<NrSecurityPduSession> pduSessions; ///< PDU sessions to set up
    std::vector<NrSecurityDrbCountStatus> status;  ///< per-DRB COUNT status of the source
    /// The source's ciphering algorithm in use (Source to Target Transparent Container:
    /// HandoverPreparationInformation as-Context, TS 38.331 11.2.2). The UE keeps its
    /// algorithms through a handover without securityConfig, so the target keeps this one or
    /// refuses the preparation.
    NrSecurityCiphering nea = NrSecurityCiphering::NEA0;
    /// The source's integrity algorithm in use (as nea).
    NrSecurityIntegrity nia = NrSecurityIntegrity::NIA0;
    /// The source's per-session UP security decisions (DRB identity, integrity, ciphering;
    /// TS 33.501 6.6.1): the UE keeps its DRBs' integrityProtection and cipheringDisabled, so
    /// the target rebuilds each DRB with them (sessions without an ok result are not handed
    /// over).
    std::vector<NrSecurityPduSessionResult> results;
    /// The key epoch number the target's K_gNB starts (the source's + 1), for the gNBs'
    /// KeyChange traces only: not an NGAP field.
    uint32_t keyEpoch = 0;
};

/**
 * \ingroup nr-security
 * \brief A minimal AMF: it holds K_AMF, the uplink NAS COUNT, the UE security capabilities
 *        and the PDU sessions per UE. When the serving gNB forwards the UE's first NAS message
 *        (NGAP Initial UE Message, TS 38.413 8.6.1) it answers with Initial Context Setup
 *        (TS 38.413 8.3.1, TS 33.501 6.9.2.1.1): K_gNB, the capabilities and the PDU sessions
 *        to set up, each with its UP security policy (PDU Session Resource Setup Request
 *        List), after N2Delay. The gNB reports each session's result back
 *        (PduSessionResourceSetupResponse, trace PduSessionResult). NAS itself is opaque: the
 *        AMF records what it receives (traces InitialUeMessage, UplinkNas).
 *
 * K_gNB = KDF(K_AMF, FC 0x6E, uplink NAS COUNT, access type 3GPP) (TS 33.501 A.9).
 */
class NrSecurityAmf : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecurityAmf();
    ~NrSecurityAmf() override;

    /// What the gNB receives in Initial Context Setup: UE id and the request.
    typedef Callback<void, uint32_t, NrSecurityInitialContextSetup> InitialContextSetupCallback;
    /// PATH SWITCH REQUEST ACKNOWLEDGE to the target gNB: UE id and the {NH, NCC} pair.
    typedef Callback<void, uint32_t, NrSecurityPathSwitchAck> PathSwitchAckCallback;
    /// HANDOVER REQUEST to a registered target gNB.
    typedef Callback<void, const NrSecurityN2HandoverRequest&> HandoverRequestCallback;
    /// UE CONTEXT RELEASE COMMAND to a registered gNB: the UE id.
    typedef Callback<void, uint32_t> UeContextReleaseCallback;
    /**
     * HANDOVER COMMAND (ok) or HANDOVER PREPARATION FAILURE (not ok) to the source gNB: UE id,
     * ok, the target's RRC container (the RRCReconfiguration to send to the UE; empty on
     * failure), the cause (empty when ok).
     */
    typedef Callback<void, uint32_t, bool, const std::vector<uint8_t>&, const std::string&>
        HandoverCommandCallback;

    /**
     * TracedCallback signature for NhDerived.
     * \param ueId the UE
     * \param nhIndex the chain index of the new NH (1 for NH_1)
     * \param ncc its NCC (nhIndex mod 8)
     * \param nh the NH (32 bytes)
     */
    typedef void (*NhDerivedTracedCallback)(uint32_t ueId,
                                            uint32_t nhIndex,
                                            uint8_t ncc,
                                            const std::vector<uint8_t>& nh);

    /**
     * TracedCallback signature for MobilityRefused.
     * \param ueId the UE named in the call
     * \param procedure "PathSwitchRequest", "HandoverRequired", "HandoverRequestAcknowledge",
     *        "HandoverNotify"
     * \param reason why it was refused ("unknown UE", "no security context", "unknown source
     *        cell 7", "unknown target cell 9", "not the serving cell", "handover in progress",
     *        "no handover in progress", "wrong target cell 3")
     */
    typedef void (*MobilityRefusedTracedCallback)(uint32_t ueId,
                                                  const std::string& procedure,
                                                  const std::string& reason);

    /**
     * TracedCallback signature for InitialUeMessage and UplinkNas.
     * \param ueId the UE
     * \param nas the NAS message (opaque octets)
     */
    typedef void (*NasTracedCallback)(uint32_t ueId, const std::vector<uint8_t>& nas);

    /**
     * TracedCallback signature for PduSessionResult.
     * \param ueId the UE
     * \param pduSessionId the session
     * \param ok set up (true) or rejected
     * \param integrity UP integrity protection activated
     * \param ciphering UP confidentiality protection activated
     * \param reason why it was rejected (empty if ok)
     */
    typedef void (*PduSessionResultTracedCallback)(uint32_t ueId,
                                                   uint8_t pduSessionId,
                                                   bool ok,
                                                   bool integrity,
                                                   bool ciphering,
                                                   const std::string& reason);

    /**
     * TracedCallback signature for InitialContextSetup.
     * \param ueId the UE
     * \param kGnb the K_gNB sent to the gNB
     */
    typedef void (*InitialContextSetupTracedCallback)(uint32_t ueId,
                                                      const std::vector<uint8_t>& kGnb);

    /**
     * \brief Registers (or replaces) a UE's NAS security context.
     * \param ueId the UE id used on the air interface and in traces
     * \param context K_AMF, uplink NAS COUNT, capabilities, emergency flag
     */
    void AddUe(uint32_t ueId, const NrSecurityAmfUeContext& context);

    /// \return true if the UE is known \param ueId the UE
    bool HasUe(uint32_t ueId) const;

    /**
     * \param ueId the UE
     * \return its context
     * \throws std::out_of_range for an unknown UE
     */
    const NrSecurityAmfUeContext& GetUe(uint32_t ueId) const;

    /**
     * \brief Derives K_gNB for the UE and delivers it, with the capabilities, the UE's PDU
     *        sessions and the NAS-PDU of the InitialContextNas attribute, after N2Delay.
     * \param ueId the UE
     * \param deliver the serving gNB's handler
     * \return false (and nothing is scheduled) for an unknown UE
     */
    bool InitialContextSetup(uint32_t ueId, InitialContextSetupCallback deliver);

    /**
     * \brief NGAP Initial UE Message: the UE's first NAS message, forwarded by the gNB after
     *        RRCSetupComplete (TS 38.413 8.6.1). Traced (InitialUeMessage) and answered with
     *        InitialContextSetup(ueId, deliver). Every initial NAS message after the first
     *        under one NAS security context carries the next uplink NAS COUNT (TS 24.501
     *        4.4.3.1; only initial NAS messages are counted, NAS being opaque here), so each
     *        connection gets a fresh K_gNB (TS 33.501 6.9.2.1.1, A.9): a K_gNB reused with
     *        fresh PDCP entities would use every COUNT twice under one key. The UE counts the
     *        same way (NrSecurityUeRrc).
     * \param ueId the UE
     * \param nas the NAS message (opaque; normally a Registration Request or Service Request)
     * \param deliver the serving gNB's Initial Context Setup handler
     * \return false (nothing scheduled) for a UE without a NAS security context
     */
    bool InitialUeMessage(uint32_t ueId,
                          const std::vector<uint8_t>& nas,
                          InitialContextSetupCallback deliver);

    /**
     * \brief NGAP Uplink NAS Transport (TS 38.413 8.6.3): a NAS message the UE sent in
     *        ULInformationTransfer. Traced (UplinkNas); the content is not interpreted.
     * \param ueId the UE
     * \param nas the NAS message
     */
    void UplinkNasTransport(uint32_t ueId, const std::vector<uint8_t>& nas);

    /**
     * \brief The gNB's result for one PDU session of Initial Context Setup (NGAP PDU Session
     *        Resource Setup Response / Failed item, TS 38.413 9.3.1.59). Kept and traced
     *        (PduSessionResult).
     * \param ueId the UE
     * \param result the result
     */
    void PduSessionResourceSetupResponse(uint32_t ueId, const NrSecurityPduSessionResult& result);

    /**
     * \param ueId the UE
     * \return the results the gNB reported for its sessions, latest per session id, in order
     *         of arrival (empty for an unknown UE)
     */
    std::vector<NrSecurityPduSessionResult> GetPduSessionResults(uint32_t ueId) const;

    // Mobility (nr-security-amf-mobility.cc), TS 33.501 6.9.2.

    /**
     * \brief Registers a gNB (cell) for the N2 procedures: where HANDOVER REQUEST and UE
     *        CONTEXT RELEASE COMMAND for that cell go. A second call for a cell replaces it.
     * \param cellId the gNB's cell id
     * \param handoverRequest its HANDOVER REQUEST handler (as target)
     * \param ueContextRelease its UE CONTEXT RELEASE COMMAND handler (as source)
     */
    void RegisterGnb(uint16_t cellId,
                     HandoverRequestCallback handoverRequest,
                     UeContextReleaseCallback ueContextRelease);

    /**
     * \brief Records the cell serving a UE (the helper calls it at attach; path switch and
     *        Handover Notify update it). While none is known, HandoverRequired accepts any
     *        registered source cell and records it.
     * \param ueId the UE
     * \param cellId the serving cell
     */
    void SetServingCell(uint32_t ueId, uint16_t cellId);

    /// \return the UE's serving cell as the AMF knows it, 0 if unknown \param ueId the UE
    uint16_t GetServingCell(uint32_t ueId) const;

    /**
     * \param ueId the UE
     * \return the UE's NH chain (seeded at Initial Context Setup, then at index 1: NH_1 with
     *         NCC 1 is derived but not sent, TS 33.501 6.9.2.1.1), or nullptr before the first
     *         Initial Context Setup
     */
    const NrSecurityNhChain* GetNhChain(uint32_t ueId) const;

    /**
     * \brief NGAP PATH SWITCH REQUEST after an Xn handover (TS 38.413 8.4.4, TS 33.501
     *        6.9.2.3.2): the AMF increments its NCC by one, computes a fresh NH (A.10; the
     *        first path switch after Initial Context Setup gives NH_2, NCC 2), traces
     *        NhDerived, makes targetCellId the UE's serving cell and, after N2Delay, calls ack
     *        with the {NH, NCC} pair. The target cell must be registered (RegisterGnb): the
     *        AMF sends a fresh NH only to a gNB it has an NG connection with.
     * \param ueId the UE
     * \param targetCellId the cell now serving the UE
     * \param ack the target gNB's PATH SWITCH REQUEST ACKNOWLEDGE handler
     * \return false (refused, counted, traced MobilityRefused, nothing scheduled; the chain is
     *         not advanced) for a UE without a context, without an Initial Context Setup, or
     *         an unregistered target cell
     */
    bool PathSwitchRequest(uint32_t ueId, uint16_t targetCellId, PathSwitchAckCallback ack);

    /**
     * \brief NGAP HANDOVER REQUIRED from the source gNB (TS 38.413 8.4.1, TS 33.501
     *        6.9.2.3.3): the AMF increments its NCC by one, computes a fresh NH, traces
     *        NhDerived and, after N2Delay, sends HANDOVER REQUEST with {NH, NCC}, the
     *        capabilities, the PDU sessions and the COUNT status to the target's registered
     *        handler. The answer (HandoverRequestAcknowledge) goes to handoverCommand after
     *        another N2Delay. One N2 handover at a time per UE.
     * \param ueId the UE
     * \param sourceCellId the source gNB's cell (must be registered and, if known, serving)
     * \param targetCellId the target gNB's cell (must be registered, not the source)
     * \param status the source's per-DRB COUNT status
     * \param handoverCommand the source's HANDOVER COMMAND / PREPARATION FAILURE handler
     * \param keyEpoch the key epoch number of the target's K_gNB, copied into the request
     *        (trace only)
     * \param nea the source's ciphering algorithm in use, copied into the request
     * \param nia the source's integrity algorithm in use, copied into the request
     * \param results the source's per-session DRB decisions, copied into the request
     * \return false (refused, counted, traced MobilityRefused; the chain is not advanced) for
     *         an unknown UE, no Initial Context Setup yet, an unregistered source or target,
     *         a source that is not the serving cell, target = source, or a handover already
     *         in progress for the UE
     */
    bool HandoverRequired(uint32_t ueId,
                          uint16_t sourceCellId,
                          uint16_t targetCellId,
                          const std::vector<NrSecurityDrbCountStatus>& status,
                          HandoverCommandCallback handoverCommand,
                          uint32_t keyEpoch = 0,
                          NrSecurityCiphering nea = NrSecurityCiphering::NEA0,
                          NrSecurityIntegrity nia = NrSecurityIntegrity::NIA0,
                          const std::vector<NrSecurityPduSessionResult>& results = {});

    /**
     * \brief NGAP HANDOVER REQUEST ACKNOWLEDGE (ok) or HANDOVER FAILURE (not ok) from the
     *        target gNB: forwarded after N2Delay to the source as HANDOVER COMMAND with the RRC
     *        container, or HANDOVER PREPARATION FAILURE with the cause (the handover is then
     *        over; the advanced chain stays: the AMF keeps its NCC). Refused (counted, traced)
     *        without a handover in progress for the UE.
     * \param ueId the UE
     * \param ok the target admitted the UE
     * \param rrcContainer the RRCReconfiguration the target built (Target to Source
     *        Transparent Container)
     * \param cause why the target refused (empty when ok)
     */
    void HandoverRequestAcknowledge(uint32_t ueId,
                                    bool ok,
                                    const std::vector<uint8_t>& rrcContainer,
                                    const std::string& cause);

    /**
     * \brief NGAP HANDOVER NOTIFY from the target gNB (TS 38.413 8.4.3): the UE arrived. The
     *        target becomes the serving cell and, after N2Delay, the source's registered UE
     *        CONTEXT RELEASE handler is called. Refused (counted, traced) without a
     *        commanded handover for the UE or from another cell than its target.
     * \param ueId the UE
     * \param targetCellId the notifying cell
     */
    void HandoverNotify(uint32_t ueId, uint16_t targetCellId);

    /// \return how many mobility calls were refused (MobilityRefused)
    uint64_t GetMobilityRefusedCount() const;

  protected:
    void DoDispose() override;

  private:
    /// A registered gNB's N2 handlers.
    struct GnbHandlers
    {
        HandoverRequestCallback handoverRequest;   ///< as target
        UeContextReleaseCallback ueContextRelease; ///< as source
    };

    /// An N2 handover of one UE between HandoverRequired and HandoverNotify.
    struct N2Handover
    {
        uint16_t sourceCellId = 0;               ///< source cell
        uint16_t targetCellId = 0;               ///< target cell
        bool commanded = false;                  ///< HANDOVER COMMAND sent
        HandoverCommandCallback handoverCommand; ///< the source's handler
    };

    /// Counts and traces a refused mobility call; returns false.
    bool RefuseMobility(uint32_t ueId, const std::string& procedure, const std::string& reason);
    /// Seeds the UE's NH chain with the K_gNB of Initial Context Setup and derives NH_1.
    void SeedNhChain(uint32_t ueId, const NrSecurityKey256& kAmf, const NrSecurityKey256& kGnb);
    /// Advances the UE's chain by one (fresh NH) and traces NhDerived.
    const NrSecurityNhChain& AdvanceNhChain(uint32_t ueId);

    void SetInitialContextNas(std::string hex);
    std::string GetInitialContextNas() const;

    Time m_n2Delay;                                   ///< AMF -> gNB delay
    std::vector<uint8_t> m_icsNas;                    ///< NAS-PDU in Initial Context Setup
    std::map<uint32_t, NrSecurityAmfUeContext> m_ues; ///< per-UE NAS security contexts
    TracedCallback<uint32_t, const std::vector<uint8_t>&> m_icsTrace;       ///< InitialContextSetup
    TracedCallback<uint32_t, const std::vector<uint8_t>&> m_initialUeTrace; ///< InitialUeMessage
    TracedCallback<uint32_t, const std::vector<uint8_t>&> m_ulNasTrace;     ///< UplinkNas
    TracedCallback<uint32_t, uint8_t, bool, bool, bool, const std::string&>
        m_pduSessionTrace;                                                 ///< PduSessionResult
    std::map<uint32_t, std::vector<NrSecurityPduSessionResult>> m_results; ///< per UE
    std::map<uint32_t, NrSecurityNhChain> m_nhChains; ///< per UE, from Initial Context Setup
    std::map<uint32_t, uint16_t> m_servingCell;       ///< per UE
    std::map<uint16_t, GnbHandlers> m_gnbs;           ///< registered gNBs by cell id
    std::map<uint32_t, N2Handover> m_n2Handovers;     ///< per UE, in progress
    uint64_t m_mobilityRefused = 0;                   ///< refused mobility calls
    TracedCallback<uint32_t, uint32_t, uint8_t, const std::vector<uint8_t>&>
        m_nhDerivedTrace; ///< NhDerived
    TracedCallback<uint32_t, const std::string&, const std::string&>
        m_mobilityRefusedTrace; ///< MobilityRefused
};

} // namespace ns3

#endif // NR_SECURITY_AMF_H
