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
    typedef Callback<void, uint16_t, NrSecurityInitialContextSetup> InitialContextSetupCallback;

    /**
     * TracedCallback signature for InitialUeMessage and UplinkNas.
     * \param ueId the UE
     * \param nas the NAS message (opaque octets)
     */
    typedef void (*NasTracedCallback)(uint16_t ueId, const std::vector<uint8_t>& nas);

    /**
     * TracedCallback signature for PduSessionResult.
     * \param ueId the UE
     * \param pduSessionId the session
     * \param ok set up (true) or rejected
     * \param integrity UP integrity protection activated
     * \param ciphering UP confidentiality protection activated
     * \param reason why it was rejected (empty if ok)
     */
    typedef void (*PduSessionResultTracedCallback)(uint16_t ueId,
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
    typedef void (*InitialContextSetupTracedCallback)(uint16_t ueId,
                                                      const std::vector<uint8_t>& kGnb);

    /**
     * \brief Registers (or replaces) a UE's NAS security context.
     * \param ueId the UE id used on the air interface and in traces
     * \param context K_AMF, uplink NAS COUNT, capabilities, emergency flag
     */
    void AddUe(uint16_t ueId, const NrSecurityAmfUeContext& context);

    /// \return true if the UE is known \param ueId the UE
    bool HasUe(uint16_t ueId) const;

    /**
     * \param ueId the UE
     * \return its context
     * \throws std::out_of_range for an unknown UE
     */
    const NrSecurityAmfUeContext& GetUe(uint16_t ueId) const;

    /**
     * \brief Derives K_gNB for the UE and delivers it, with the capabilities, the UE's PDU
     *        sessions and the NAS-PDU of the InitialContextNas attribute, after N2Delay.
     * \param ueId the UE
     * \param deliver the serving gNB's handler
     * \return false (and nothing is scheduled) for an unknown UE
     */
    bool InitialContextSetup(uint16_t ueId, InitialContextSetupCallback deliver);

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
    bool InitialUeMessage(uint16_t ueId,
                          const std::vector<uint8_t>& nas,
                          InitialContextSetupCallback deliver);

    /**
     * \brief NGAP Uplink NAS Transport (TS 38.413 8.6.3): a NAS message the UE sent in
     *        ULInformationTransfer. Traced (UplinkNas); the content is not interpreted.
     * \param ueId the UE
     * \param nas the NAS message
     */
    void UplinkNasTransport(uint16_t ueId, const std::vector<uint8_t>& nas);

    /**
     * \brief The gNB's result for one PDU session of Initial Context Setup (NGAP PDU Session
     *        Resource Setup Response / Failed item, TS 38.413 9.3.1.59). Kept and traced
     *        (PduSessionResult).
     * \param ueId the UE
     * \param result the result
     */
    void PduSessionResourceSetupResponse(uint16_t ueId, const NrSecurityPduSessionResult& result);

    /**
     * \param ueId the UE
     * \return the results the gNB reported for its sessions, latest per session id, in order
     *         of arrival (empty for an unknown UE)
     */
    std::vector<NrSecurityPduSessionResult> GetPduSessionResults(uint16_t ueId) const;

  protected:
    void DoDispose() override;

  private:
    void SetInitialContextNas(std::string hex);
    std::string GetInitialContextNas() const;

    Time m_n2Delay;                                   ///< AMF -> gNB delay
    std::vector<uint8_t> m_icsNas;                    ///< NAS-PDU in Initial Context Setup
    std::map<uint16_t, NrSecurityAmfUeContext> m_ues; ///< per-UE NAS security contexts
    TracedCallback<uint16_t, const std::vector<uint8_t>&> m_icsTrace;       ///< InitialContextSetup
    TracedCallback<uint16_t, const std::vector<uint8_t>&> m_initialUeTrace; ///< InitialUeMessage
    TracedCallback<uint16_t, const std::vector<uint8_t>&> m_ulNasTrace;     ///< UplinkNas
    TracedCallback<uint16_t, uint8_t, bool, bool, bool, const std::string&>
        m_pduSessionTrace;                                                 ///< PduSessionResult
    std::map<uint16_t, std::vector<NrSecurityPduSessionResult>> m_results; ///< per UE
};

} // namespace ns3

#endif // NR_SECURITY_AMF_H
