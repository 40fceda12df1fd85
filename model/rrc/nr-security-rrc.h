// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_RRC_H
#define NR_SECURITY_RRC_H

#include "nr-security-key-epoch.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief What the UE's and the gNB's RRC security entities share: their trace sources.
 *
 * Every trace carries the UE id first (the gNB serves many UEs): KeyDerived, SmcStep (steps
 * 26-33 of the Security Mode Command procedure, TS 38.331 5.3.4 / TS 33.501 6.7.4),
 * SecurityActivated, SecurityModeFailure, IntegrityFailure, StateChanged, RrcMessage,
 * SduReceived, MessageRefused (every received RRC message the entity refuses, with the
 * reason; also counted, GetRefusedMessages()), ConnectionEvent (RRC connection events:
 * timers, reject, release, refused Connect), NasReceived (a NAS message the entity received
 * in RRC), UserDataDiscarded (user data that found no DRB or was refused; also counted,
 * GetUserDataDiscards()). Config paths reach them through the devices' Rrc
 * attribute, e.g. /NodeList/N/DeviceList/D/$ns3::NrSecurityUeNetDevice/Rrc/SecurityActivated.
 */
class NrSecurityRrc : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// KeyDerived(ueId, name, key bytes, step): name is K_gNB, K_RRCint, K_RRCenc, K_UPint, K_UPenc
    typedef void (*KeyDerivedTracedCallback)(uint32_t ueId,
                                             const std::string& name,
                                             const std::vector<uint8_t>& key,
                                             uint32_t step);
    /// SmcStep(ueId, step 26..33, what)
    typedef void (*SmcStepTracedCallback)(uint32_t ueId, uint32_t step, const std::string& what);
    /// SecurityActivated(ueId, ciphering algorithm, integrity algorithm), as "NEA2", "NIA2"
    typedef void (*SecurityActivatedTracedCallback)(uint32_t ueId,
                                                    const std::string& nea,
                                                    const std::string& nia);
    /// SecurityModeFailure(ueId, reason)
    typedef void (*ReasonTracedCallback)(uint32_t ueId, const std::string& reason);
    /// IntegrityFailure(ueId, rbId, COUNT, received MAC-I, expected MAC-I)
    typedef void (*IntegrityFailureTracedCallback)(
        uint32_t ueId, uint8_t rbId, uint32_t count, uint32_t receivedMac, uint32_t expectedMac);
    /// StateChanged(ueId, old state, new state)
    typedef void (*StateTracedCallback)(uint32_t ueId,
                                        const std::string& oldState,
                                        const std::string& newState);
    /**
     * RrcMessage(ueId, "tx" or "rx", message name, encoded message bytes, bearer, protection):
     * bearer "SRB0", "SRB1" or "SRB2"; protection what PDCP applied ("tx") or what the
     * receive configuration for the PDU's COUNT removed and verified ("rx"): "none",
     * "integrity" or "integrity+ciphering" (a SecurityModeCommand at the UE and a
     * SecurityModeComplete at the gNB, which RRC verifies itself, are "integrity").
     */
    typedef void (*RrcMessageTracedCallback)(uint32_t ueId,
                                             const std::string& direction,
                                             const std::string& name,
                                             const std::vector<uint8_t>& message,
                                             const std::string& bearer,
                                             const std::string& protection);
    /// ConnectionEvent(ueId, event, detail), e.g. "t300-expiry", "t302-start", "rejected"
    typedef void (*ConnectionEventTracedCallback)(uint32_t ueId,
                                                  const std::string& event,
                                                  const std::string& detail);
    /// NasReceived(ueId, NAS message octets)
    typedef void (*NasTracedCallback)(uint32_t ueId, const std::vector<uint8_t>& nas);
    /// UserDataDiscarded(ueId, bearer ("DRB<n>" or "none"), reason)
    typedef void (*UserDataDiscardedTracedCallback)(uint32_t ueId,
                                                    const std::string& bearer,
                                                    const std::string& reason);
    /// SduReceived(ueId, COUNT, SDU bytes): an SRB1 SDU that is not a SecurityModeCommand
    typedef void (*SduTracedCallback)(uint32_t ueId,
                                      uint32_t count,
                                      const std::vector<uint8_t>& sdu);
    /// MessageRefused(ueId, COUNT, message name (TS 38.331 ASN.1 name, or "unknown"), reason)
    typedef void (*MessageRefusedTracedCallback)(uint32_t ueId,
                                                 uint32_t count,
                                                 const std::string& name,
                                                 const std::string& reason);

    /**
     * PdcpEntityCreated(ueId, RB name "SRB1".."SRB3" / "DRB1".."DRB32", the PDCP entity): fired
     * when the entity creates the PDCP entity of a radio bearer (SRB1 at RRC setup, SRB2 and
     * DRBs at reconfiguration), before its first PDU, so that observers (the per-PDU CSV, the
     * PduDiscarded rows of the trace CSV) can connect to its trace sources.
     */
    typedef void (*PdcpEntityCreatedTracedCallback)(uint32_t ueId,
                                                    const std::string& rb,
                                                    Ptr<NrSecurityPdcp> pdcp);

    /**
     * KeyChange(ueId, epoch): a new K_gNB is in force for the UE (the connection's initial
     * K_gNB, or a K_gNB* of a handover, re-establishment, resume or key refresh), with every
     * input of its derivation (TS 33.501 6.9.2, A.9-A.11).
     */
    typedef void (*KeyChangeTracedCallback)(uint32_t ueId, const NrSecurityKeyEpoch& epoch);

    /// \return the number of received RRC messages this entity refused (MessageRefused)
    uint64_t GetRefusedMessages() const;
    /// \return the number of user data packets discarded (UserDataDiscarded)
    uint64_t GetUserDataDiscards() const;

    /**
     * \param name a message name as MessageRefused gives it (the TS 38.331 ASN.1 name, e.g.
     *        "ueCapabilityEnquiry", "securityModeCommand", "rrcRelease", or "unknown")
     * \return how many received messages of that name this entity refused
     */
    uint64_t GetRefusedMessages(const std::string& name) const;
    /// \return the refused messages (MessageRefused) counted by message name
    const std::map<std::string, uint64_t>& GetRefusedMessagesByName() const;

    /**
     * \return the integrity failures of every bearer of every UE of this entity, as
     *         IntegrityFailure fires: MAC-I mismatches PDCP found (SRBs, DRBs with integrity),
     *         and those of the checks RRC makes itself (SecurityModeCommand at the UE,
     *         SecurityModeComplete at the gNB, RRCReestablishment)
     */
    uint64_t GetIntegrityFailures() const;
    /// \return the integrity failures on SRBs (of GetIntegrityFailures())
    uint64_t GetSrbIntegrityFailures() const;
    /// \return the integrity failures on DRBs (of GetIntegrityFailures())
    uint64_t GetDrbIntegrityFailures() const;

    /**
     * \param reason a PduDiscarded reason of NrSecurityPdcp: "integrity", "duplicate",
     *        "out-of-window", "malformed" (every "malformed: ..."), "count-exhausted",
     *        "flushed"; "" for all of them
     * \return how many PDUs (or SDUs to send) the PDCP entities this RRC entity created
     *         discarded for that reason (every entity announced with PdcpEntityCreated, also
     *         those released since)
     */
    uint64_t GetPdcpDiscards(const std::string& reason = "") const;

  protected:
    /**
     * \brief Refuses a received RRC message: counts it and fires MessageRefused. The message
     *        is not acted upon and not delivered (SduReceived does not fire for it).
     * \param ueId the UE
     * \param count the COUNT the SDU was delivered with by SRB1's PDCP entity
     * \param name the message name (TS 38.331 ASN.1 name), or "unknown"
     * \param reason why, naming the rule (e.g. the TS 38.331 clause)
     */
    void Refuse(uint32_t ueId, uint32_t count, const std::string& name, const std::string& reason);

    /**
     * \brief Fires PdcpEntityCreated (call right after creating a bearer's PDCP entity).
     * \param ueId the UE
     * \param rb the RB name, e.g. "SRB1", "DRB1"
     * \param pdcp the new entity
     */
    void NotifyPdcpEntityCreated(uint32_t ueId, const std::string& rb, Ptr<NrSecurityPdcp> pdcp);

    /**
     * \brief Counts an integrity failure (call where IntegrityFailure fires).
     * \param drb true on a DRB, false on an SRB
     */
    void CountIntegrityFailure(bool drb);

    /**
     * \brief Discards user data: counts it and fires UserDataDiscarded.
     * \param ueId the UE
     * \param bearer "DRB<n>" or "none"
     * \param reason why
     */
    void DiscardUserData(uint32_t ueId, const std::string& bearer, const std::string& reason);

    TracedCallback<uint32_t, const std::string&, const std::vector<uint8_t>&, uint32_t>
        m_keyDerivedTrace;                                                 ///< KeyDerived
    TracedCallback<uint32_t, uint32_t, const std::string&> m_smcStepTrace; ///< SmcStep
    TracedCallback<uint32_t, const std::string&, const std::string&>
        m_securityActivatedTrace;                                            ///< SecurityActivated
    TracedCallback<uint32_t, const std::string&> m_securityModeFailureTrace; ///< failure
    TracedCallback<uint32_t, uint8_t, uint32_t, uint32_t, uint32_t>
        m_integrityFailureTrace; ///< IntegrityFailure
    TracedCallback<uint32_t, const std::string&, const std::string&> m_stateTrace; ///< StateChanged
    TracedCallback<uint32_t,
                   const std::string&,
                   const std::string&,
                   const std::vector<uint8_t>&,
                   const std::string&,
                   const std::string&>
        m_rrcMessageTrace;                                                      ///< RrcMessage
    TracedCallback<uint32_t, uint32_t, const std::vector<uint8_t>&> m_sduTrace; ///< SduReceived
    TracedCallback<uint32_t, uint32_t, const std::string&, const std::string&>
        m_messageRefusedTrace; ///< MessageRefused
    TracedCallback<uint32_t, const std::string&, const std::string&>
        m_connectionEventTrace;                                       ///< ConnectionEvent
    TracedCallback<uint32_t, const std::vector<uint8_t>&> m_nasTrace; ///< NasReceived
    TracedCallback<uint32_t, const std::string&, const std::string&>
        m_userDataDiscardedTrace; ///< UserDataDiscarded
    TracedCallback<uint32_t, const std::string&, Ptr<NrSecurityPdcp>>
        m_pdcpEntityCreatedTrace;                                         ///< PdcpEntityCreated
    TracedCallback<uint32_t, const NrSecurityKeyEpoch&> m_keyChangeTrace; ///< KeyChange

  private:
    /// PduDiscarded of a PDCP entity created by this entity: counted by reason.
    void PdcpDiscarded(std::string reason, Ptr<const Packet> pdu);

    uint64_t m_refused = 0;                          ///< messages refused
    uint64_t m_userDataDiscards = 0;                 ///< user data discarded
    std::map<std::string, uint64_t> m_refusedByName; ///< refused messages by name
    uint64_t m_srbIntegrityFailures = 0;             ///< integrity failures on SRBs
    uint64_t m_drbIntegrityFailures = 0;             ///< integrity failures on DRBs
    std::map<std::string, uint64_t> m_pdcpDiscards;  ///< PDCP discards by reason
};

} // namespace ns3

#endif // NR_SECURITY_RRC_H
