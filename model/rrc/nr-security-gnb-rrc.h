// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_GNB_RRC_H
#define NR_SECURITY_GNB_RRC_H

#include "nr-security-cell-info.h"
#include "nr-security-radio-bearer.h"
#include "nr-security-rb-pdu.h"
#include "nr-security-rrc-bearer-config.h"
#include "nr-security-rrc-state.h"
#include "nr-security-rrc.h"
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

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

struct NrSecurityRrcDecoded;

/**
 * \ingroup nr-security
 * \brief What the gNB keeps per UE: the RRC state, the bearers, the AS security context and
 *        what the AMF's Initial Context Setup gave (capabilities, PDU sessions).
 */
struct NrSecurityGnbUeContext
{
    uint16_t ueId = 0;                                   ///< UE id
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
};

/**
 * \ingroup nr-security
 * \brief The gNB's RRC entity for every UE of its cell: RRC connection establishment and
 *        reject, AS security activation, UE capability transfer, RRC reconfiguration with SRB2
 *        and one DRB per accepted PDU session (UP security per TS 33.501 6.6), NAS transfer,
 *        release and user data (TS 38.331 5.3.3, 5.3.4, 5.3.5, 5.3.8, 5.3.15, 5.6.1, 5.7.1,
 *        5.7.2; TS 37.324).
 *
 * Sequence: RRCSetupRequest on SRB0 (an unknown UE id starts a context; refused with RRCReject
 * and waitTime RejectWaitTime if AdmitSetup is false or MaxUes contexts are connected) ->
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
 * Trace sources: those of NrSecurityRrc, and PduSessionSetup.
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
    typedef Callback<void, uint16_t, const NrSecurityRbPdu&> TransmitCallback;
    /// Upper layer: uplink user data (UE id, PDU session id, QFI, IP packet without SDAP header)
    typedef Callback<void, uint16_t, uint8_t, uint8_t, Ptr<Packet>> UserDataCallback;
    /**
     * PduSessionSetup(ueId, pduSessionId, drbId, integrity, ciphering, ok, reason): the
     * result for one PDU session (ok: set up on drbId; rejected: drbId 0 and the reason).
     */
    typedef void (*PduSessionSetupTracedCallback)(uint16_t ueId,
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
    void InitialContextSetup(uint16_t ueId, NrSecurityInitialContextSetup ics);

    /**
     * \brief A PDU from the air: SRB0 (an RRCSetupRequest from an unknown UE starts a
     *        context), an SRB or a DRB of a known UE. Anything else is refused (SRBs:
     *        MessageRefused) or discarded (DRBs: UserDataDiscarded), counted and traced.
     * \param ueId the sending UE
     * \param pdu the PDU and its bearer
     */
    void ReceivePdu(uint16_t ueId, const NrSecurityRbPdu& pdu);

    /**
     * \brief Sends an RRC message (DL-DCCH, already encoded) to a UE on SRB1.
     * \param ueId the UE
     * \param message the encoded message
     * \return false for an unknown or released UE, or if PDCP refused it
     */
    bool SendDlDcch(uint16_t ueId, const std::vector<uint8_t>& message);

    /**
     * \brief DLInformationTransfer with a NAS message (TS 38.331 5.7.1): on SRB2 if it is set
     *        up, else on SRB1.
     * \param ueId the UE
     * \param nas the NAS message (opaque)
     * \return false for a UE that is not connected (RRCSetupComplete received)
     */
    bool SendNas(uint16_t ueId, const std::vector<uint8_t>& nas);

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
    bool SendUserData(uint16_t ueId, uint8_t pduSessionId, uint8_t qfi, Ptr<Packet> ipPacket);

    /**
     * \brief RRC connection release (TS 38.331 5.3.8): RRCRelease on SRB1, then the UE
     *        context is released (state RELEASED).
     * \param ueId the UE
     * \return false for an unknown or released UE
     */
    bool Release(uint16_t ueId);

    /**
     * \param ueId a UE
     * \param pduSessionId a session
     * \return its result; ok false with reason "unknown PDU session" or "pending" if no
     *         result exists yet
     */
    NrSecurityPduSessionResult GetPduSessionResult(uint16_t ueId, uint8_t pduSessionId) const;

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
    const NrSecurityGnbUeContext* GetUeContext(uint16_t ueId) const;
    /// \return the number of UE contexts (released ones included)
    size_t GetNUes() const;
    /**
     * \param ueId a UE
     * \param drbId a DRB identity
     * \return the gNB's PDCP entity of that DRB, or nullptr
     */
    Ptr<NrSecurityPdcp> GetDrb(uint16_t ueId, uint8_t drbId) const;
    /**
     * \param ueId a UE
     * \param srbId 1..3
     * \return the gNB's PDCP entity of that SRB, or nullptr
     */
    Ptr<NrSecurityPdcp> GetSrb(uint16_t ueId, uint8_t srbId) const;

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
    void ReceiveCcch(uint16_t ueId, Ptr<Packet> pdu);
    void HandleSetupRequest(uint16_t ueId, const NrSecurityRrcDecoded& m);
    void HandleSetupComplete(NrSecurityGnbUeContext& ue,
                             const NrSecurityRrcDecoded& m,
                             uint32_t count);
    void SendCcch(uint16_t ueId, const std::string& name, const std::vector<uint8_t>& message);
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
    void GuardTimerExpired(uint16_t ueId);
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
    void KeyDerived(uint16_t ueId, const std::string& name, const uint8_t* key, size_t bytes);
    uint8_t NextTransactionId(NrSecurityGnbUeContext& ue);
    NrSecurityGnbUeContext* Find(uint16_t ueId);
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
    std::map<uint16_t, NrSecurityGnbUeContext> m_ues; ///< UE contexts
    TransmitCallback m_transmit;                      ///< lower layer
    UserDataCallback m_userData;                      ///< upper layer (uplink user data)
    TracedCallback<uint16_t, uint8_t, uint8_t, bool, bool, bool, const std::string&>
        m_pduSessionTrace; ///< PduSessionSetup
};

} // namespace ns3

#endif // NR_SECURITY_GNB_RRC_H
