// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_UE_RRC_H
#define NR_SECURITY_UE_RRC_H

#include "nr-security-rrc-state.h"
#include "nr-security-rrc.h"
#include "ns3/callback.h"
#include "ns3/nr-security-kdf.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/nr-security-ue-capabilities.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/traced-callback.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The UE's RRC security entity: the UE side of the AS Security Mode Command procedure
 *        (TS 38.331 5.3.4.3, TS 33.501 6.7.4) on SRB1.
 *
 * On a SecurityModeCommand it checks the algorithms (NIA0 only for an emergency UE, both
 * within its capabilities), derives K_gNB from K_AMF and the uplink NAS COUNT (step 27) and
 * K_RRCint (28), verifies the message's MAC-I (29), derives K_UPint, K_RRCenc and K_UPenc
 * (30), starts SRB integrity protection (31), sends SecurityModeComplete integrity-protected
 * and unciphered (32) and starts SRB ciphering (33). Any failed check gets SecurityModeFailure,
 * sent with the configuration used before the command (no protection), and no new key is kept.
 * A SecurityModeCommand received while AS security is already active (it passed PDCP's checks
 * with the active keys) is refused (MessageRefused): nothing is re-keyed and nothing answered.
 *
 * Trace sources: those of NrSecurityRrc (all carry the UE id first).
 */
class NrSecurityUeRrc : public NrSecurityRrc, private NrSecurityPdcpUser
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecurityUeRrc();
    ~NrSecurityUeRrc() override;

    /// Lower layer: send a PDCP PDU on a radio bearer (RB identity, PDU).
    typedef Callback<void, uint8_t, Ptr<Packet>> TransmitCallback;

    /// \param ueId the UE id (as on the air and in traces)
    void SetUeId(uint16_t ueId);
    /// \return the UE id
    uint16_t GetUeId() const;

    /**
     * \brief The NAS security context the UE shares with the AMF.
     * \param kAmf K_AMF
     * \param ulNasCount the uplink NAS COUNT for K_gNB (TS 33.501 A.9)
     */
    void SetNasSecurityContext(const NrSecurityKey256& kAmf, uint32_t ulNasCount);
    /// \return K_AMF as the UE holds it
    const NrSecurityKey256& GetKamf() const;
    /// \return the uplink NAS COUNT the UE uses for K_gNB
    uint32_t GetUlNasCount() const;

    /// \param caps the UE security capabilities
    void SetCapabilities(const NrSecurityUeCapabilities& caps);
    /// \return the UE security capabilities
    NrSecurityUeCapabilities GetCapabilities() const;
    /// \return true for an unauthenticated emergency session (NIA0 acceptable)
    bool IsEmergency() const;

    /// \param cb the lower layer
    void SetTransmitCallback(TransmitCallback cb);

    /**
     * \brief RRC setup is complete: SRB1 exists, unprotected (TS 38.331 5.3.3).
     */
    void Connect();

    /**
     * \brief A PDU from the air for one of the UE's radio bearers.
     * \param rbId RB identity (1 = SRB1; others are discarded)
     * \param pdu the PDCP PDU
     */
    void ReceivePdu(uint8_t rbId, Ptr<Packet> pdu);

    /**
     * \brief Sends an RRC message (UL-DCCH, already encoded) on SRB1 with the security in force.
     * \param message the encoded message
     * \return false if not connected or PDCP refused it
     */
    bool SendUlDcch(const std::vector<uint8_t>& message);

    /// \return SRB1's PDCP entity (nullptr before Connect())
    Ptr<NrSecurityPdcp> GetSrb1() const;
    /// \return the state
    NrSecurityRrcState GetState() const;
    /// \return true once AS security is active
    bool IsSecurityActive() const;
    /// \return K_gNB (all zero until derived in step 27)
    const NrSecurityKey256& GetKgnb() const;
    /// \return the AS keys (all zero until derived)
    const NrSecurityAsKeys& GetAsKeys() const;
    /// \return the ciphering algorithm of the active security
    NrSecurityCiphering GetCiphering() const;
    /// \return the integrity algorithm of the active security
    NrSecurityIntegrity GetIntegrity() const;

  protected:
    void DoDispose() override;

  private:
    // NrSecurityPdcpUser (SRB1; the tag is unused)
    void PdcpTransmitPdu(uint16_t tag, Ptr<Packet> pdu) override;
    void PdcpDeliverSdu(uint16_t tag, Ptr<Packet> sdu, uint32_t count) override;
    void PdcpIntegrityFailure(uint16_t tag,
                              uint32_t count,
                              Ptr<const Packet> sdu,
                              uint32_t receivedMac,
                              uint32_t expectedMac) override;
    void HandleSecurityModeCommand(Ptr<Packet> sdu,
                                   uint32_t count,
                                   uint8_t transactionId,
                                   NrSecurityCiphering nea,
                                   bool integrityPresent,
                                   NrSecurityIntegrity nia);
    void Fail(uint8_t transactionId, const std::string& reason);
    void SetState(NrSecurityRrcState state);
    void Step(uint32_t step, const std::string& what);
    void KeyDerived(const std::string& name, const uint8_t* key, size_t bytes, uint32_t step);
    void Send(const std::string& name, const std::vector<uint8_t>& message);

    uint16_t m_ueId;                 ///< UE id
    NrSecurityKey256 m_kAmf;         ///< K_AMF
    uint32_t m_ulNasCount;           ///< uplink NAS COUNT
    NrSecurityUeCapabilities m_caps; ///< capabilities
    bool m_emergency;                ///< unauthenticated emergency session
    NrSecurityRrcState m_state;      ///< state
    Ptr<NrSecurityPdcp> m_srb1;      ///< SRB1
    NrSecurityKey256 m_kGnb;         ///< K_gNB
    NrSecurityAsKeys m_keys;         ///< AS keys
    NrSecurityCiphering m_nea;       ///< active ciphering algorithm
    NrSecurityIntegrity m_nia;       ///< active integrity algorithm
    TransmitCallback m_transmit;     ///< lower layer
};

} // namespace ns3

#endif // NR_SECURITY_UE_RRC_H
