// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_AMF_H
#define NR_SECURITY_AMF_H

#include "nr-security-ue-capabilities.h"
#include "ns3/callback.h"
#include "ns3/nr-security-kdf.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief What the AMF holds for one UE once NAS security is up.
 */
struct NrSecurityAmfUeContext
{
    NrSecurityKey256 kAmf{};       ///< K_AMF (32 bytes)
    uint32_t ulNasCount = 0;       ///< uplink NAS COUNT of the message that set up the
                                   ///< connection (TS 33.501 6.9.2.1.1, A.9)
    NrSecurityUeCapabilities caps; ///< UE security capabilities
    bool emergency = false;        ///< unauthenticated emergency session (NIA0 allowed)
};

/**
 * \ingroup nr-security
 * \brief A minimal AMF: it holds K_AMF, the uplink NAS COUNT and the UE security capabilities
 *        per UE, and delivers K_gNB and the capabilities to the serving gNB as NGAP Initial
 *        Context Setup would (TS 38.413 8.3.1, TS 33.501 6.9.2.1.1), after an N2 delay.
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

    /**
     * What the gNB receives in Initial Context Setup: UE id, K_gNB, capabilities, emergency.
     */
    typedef Callback<void, uint16_t, NrSecurityKey256, NrSecurityUeCapabilities, bool>
        InitialContextSetupCallback;

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
     * \brief Derives K_gNB for the UE and delivers it, with the capabilities, after N2Delay.
     * \param ueId the UE
     * \param deliver the serving gNB's handler
     * \return false (and nothing is scheduled) for an unknown UE
     */
    bool InitialContextSetup(uint16_t ueId, InitialContextSetupCallback deliver);

  protected:
    void DoDispose() override;

  private:
    Time m_n2Delay;                                   ///< AMF -> gNB delay
    std::map<uint16_t, NrSecurityAmfUeContext> m_ues; ///< per-UE NAS security contexts
    TracedCallback<uint16_t, const std::vector<uint8_t>&> m_icsTrace; ///< InitialContextSetup
};

} // namespace ns3

#endif // NR_SECURITY_AMF_H
