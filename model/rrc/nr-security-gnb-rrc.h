// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_GNB_RRC_H
#define NR_SECURITY_GNB_RRC_H

#include "nr-security-rrc-state.h"
#include "nr-security-rrc.h"
#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nr-security-amf.h"
#include "ns3/nr-security-kdf.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/nr-security-ue-capabilities.h"
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
 * \brief What the gNB keeps per UE: the AS security context and SRB1's PDCP entity.
 */
struct NrSecurityGnbUeContext
{
    uint16_t ueId = 0;                                        ///< UE id
    NrSecurityRrcState state = NrSecurityRrcState::CONNECTED; ///< AS security state
    Ptr<NrSecurityPdcp> srb1;                                 ///< SRB1 (downlink transmitter)
    NrSecurityKey256 kGnb{};                                  ///< K_gNB from the AMF
    NrSecurityAsKeys keys;                               ///< AS keys for the selected algorithms
    NrSecurityCiphering nea = NrSecurityCiphering::NEA0; ///< selected ciphering algorithm
    NrSecurityIntegrity nia = NrSecurityIntegrity::NIA0; ///< selected integrity algorithm
    uint8_t transactionId = 0;                           ///< of the last SecurityModeCommand
    EventId guard;                                       ///< SMC guard timer
};

/**
 * \ingroup nr-security
 * \brief The gNB's RRC security entity: the network side of the AS Security Mode Command
 *        procedure (TS 38.331 5.3.4, TS 33.501 6.7.3, 6.7.4) for every UE of its cell.
 *
 * After RRC setup (AddUe) it asks the AMF for the UE's K_gNB and security capabilities (NGAP
 * Initial Context Setup), selects the ciphering and integrity algorithms as the highest-
 * priority entries of its lists that the UE supports (NIA0 only for an emergency UE; no common
 * integrity algorithm: no SecurityModeCommand, the UE context is released), derives the AS keys,
 * starts integrity protection, sends the integrity-protected, unciphered SecurityModeCommand
 * and starts downlink ciphering right after it (step 26; TS 33.501 6.7.4, TS 38.331 5.3.1.2:
 * a downlink message sent while the procedure is pending is ciphered and integrity-protected).
 *
 * Uplink while the procedure is pending: the UE protects only what it sends after verifying
 * the SMC, from a COUNT the gNB does not know in advance, so SRB1's receive side stays as
 * before the SMC and RRC checks each delivered SDU (PDCP delivers in COUNT order):
 *  - a SecurityModeComplete is verified with K_RRCint (NrSecurityPdcp::VerifyDeliveredSdu). A
 *    MAC-I mismatch releases the UE context ("SecurityModeComplete failed the integrity
 *    check"); a valid one whose rrc-TransactionIdentifier is not the SMC's is refused
 *    (MessageRefused) and does not complete the procedure; a valid, matching one completes it
 *    (step 32) and switches on uplink integrity verification and deciphering from its COUNT + 1
 *    (step 33; TS 33.501 6.7.4), which also applies to PDUs already waiting in the reordering
 *    buffer;
 *  - a SecurityModeFailure (unprotected, TS 38.331 5.3.4.3) with the SMC's transaction id
 *    releases the UE context;
 *  - any other SDU with a zero MAC-I was sent before the UE received the SMC and is delivered
 *    as before the SMC (SduReceived); one with a MAC-I cannot be verified yet and is refused.
 * Neither loss, reordering nor an integrity failure of some other PDU releases the UE; the
 * guard timer does if no answer comes. SecurityModeComplete/Failure outside the procedure are
 * refused.
 *
 * Trace sources: those of NrSecurityRrc (all carry the UE id first).
 */
class NrSecurityGnbRrc : public NrSecurityRrc, private NrSecurityPdcpUser
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecurityGnbRrc();
    ~NrSecurityGnbRrc() override;

    /// Lower layer: send a PDCP PDU to a UE on a radio bearer (UE id, RB identity, PDU).
    typedef Callback<void, uint16_t, uint8_t, Ptr<Packet>> TransmitCallback;

    /// \param amf the AMF serving this gNB
    void SetAmf(Ptr<NrSecurityAmf> amf);
    /// \param cb the lower layer
    void SetTransmitCallback(TransmitCallback cb);

    /**
     * \brief A UE completed RRC setup: SRB1 exists, unprotected; Initial Context Setup is
     *        requested from the AMF.
     * \param ueId the UE
     */
    void AddUe(uint16_t ueId);

    /**
     * \brief The AMF's Initial Context Setup for a UE (normally called through SetAmf/AddUe).
     * \param ueId the UE
     * \param kGnb K_gNB
     * \param caps the UE security capabilities
     * \param emergency unauthenticated emergency session
     */
    void InitialContextSetup(uint16_t ueId,
                             NrSecurityKey256 kGnb,
                             NrSecurityUeCapabilities caps,
                             bool emergency);

    /**
     * \brief A PDU from the air.
     * \param ueId the sending UE
     * \param rbId RB identity (1 = SRB1; others are discarded)
     * \param pdu the PDCP PDU
     */
    void ReceivePdu(uint16_t ueId, uint8_t rbId, Ptr<Packet> pdu);

    /**
     * \brief Sends an RRC message (DL-DCCH, already encoded) to a UE on SRB1.
     * \param ueId the UE
     * \param message the encoded message
     * \return false for an unknown or released UE, or if PDCP refused it
     */
    bool SendDlDcch(uint16_t ueId, const std::vector<uint8_t>& message);

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

  protected:
    void DoDispose() override;

  private:
    // NrSecurityPdcpUser (every UE's SRB1; the tag is the UE id)
    void PdcpTransmitPdu(uint16_t ueId, Ptr<Packet> pdu) override;
    void PdcpDeliverSdu(uint16_t ueId, Ptr<Packet> sdu, uint32_t count) override;
    void PdcpIntegrityFailure(uint16_t ueId,
                              uint32_t count,
                              Ptr<const Packet> sdu,
                              uint32_t receivedMac,
                              uint32_t expectedMac) override;
    void HandleSecurityModeComplete(NrSecurityGnbUeContext& ue,
                                    Ptr<Packet> sdu,
                                    uint32_t count,
                                    uint32_t receivedMac,
                                    uint8_t transactionId);
    void RefuseOtherTransaction(NrSecurityGnbUeContext& ue,
                                uint32_t count,
                                const std::string& name,
                                uint8_t transactionId);
    void GuardTimerExpired(uint16_t ueId);
    void Release(NrSecurityGnbUeContext& ue, const std::string& reason);
    void SetState(NrSecurityGnbUeContext& ue, NrSecurityRrcState state);
    void Send(NrSecurityGnbUeContext& ue, const std::string& name, const std::vector<uint8_t>& m);
    void KeyDerived(uint16_t ueId, const std::string& name, const uint8_t* key, size_t bytes);
    void SetCipheringPriority(std::string list);
    std::string GetCipheringPriority() const;
    void SetIntegrityPriority(std::string list);
    std::string GetIntegrityPriority() const;

    Ptr<NrSecurityAmf> m_amf;                         ///< the AMF
    std::vector<NrSecurityCiphering> m_neaPriority;   ///< ciphering preference
    std::vector<NrSecurityIntegrity> m_niaPriority;   ///< integrity preference
    Time m_smcGuard;                                  ///< SMC guard timer
    std::map<uint16_t, NrSecurityGnbUeContext> m_ues; ///< UE contexts
    TransmitCallback m_transmit;                      ///< lower layer
};

} // namespace ns3

#endif // NR_SECURITY_GNB_RRC_H
