// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_KEY_CHAIN_H
#define NR_SECURITY_KEY_CHAIN_H

#include "nr-security-kdf.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief How a K_gNB* was derived at a handover, re-establishment or resume (TS 33.501
 *        6.9.2.3.2, 6.11, 6.8.2.1.3): from the current K_gNB (horizontal) or from the NH of the
 *        received NCC (vertical).
 */
struct NrSecurityKgnbStarDerivation
{
    NrSecurityKey256 kGnbStar{}; ///< K_gNB* (32 bytes), the K_gNB of the target cell
    bool vertical = false;       ///< derived from an NH (true) or from the current K_gNB
    NrSecurityKey256 inputKey{}; ///< the key K_gNB* was derived from (K_gNB or NH)
    uint8_t ncc = 0;             ///< the NCC of the new K_gNB (the received NCC)
    uint32_t nhIndex = 0;        ///< the chain index after the derivation (NCC = index mod 8)
    uint32_t steps = 0;          ///< how many NH the chain advanced (0 for horizontal)
};

/**
 * \ingroup nr-security
 * \brief The Next Hop (NH) chain of one UE (TS 33.501 6.9.2.1.1, A.10), kept by the AMF and by
 *        the UE alike.
 *
 * Index 0 is the initial K_gNB, derived from K_AMF (A.9): it counts as a "virtual NH" with
 * NCC 0. Each Advance() computes the next NH: NH_1 = KDF(K_AMF, FC 0x6F, K_gNB_initial),
 * NH_(i+1) = KDF(K_AMF, FC 0x6F, NH_i) (A.10, P0 = SYNC-input, L0 = 0x0020). The NH Chaining
 * Counter is 3 bits: NCC = index mod 8. The chain never restarts while K_AMF stays: after
 * NCC 7 comes NCC 0 with NH_8, not the initial K_gNB (case M2 of the mobility fault cases).
 *
 * The AMF side (TS 33.501 6.9.2.1.1): at Initial Context Setup the AMF derives K_gNB (NCC 0,
 * index 0) and NH_1 (NCC 1) but sends no NH; for each N2 path switch (6.9.2.3.2) and each N2
 * handover (6.9.2.3.3) it increments its NCC by one and computes a fresh NH: the first path
 * switch after the initial setup answers with {NH_2, NCC 2}. NrSecurityAmf implements this.
 *
 * The UE side: the UE keeps the chain at the NCC of its current K_gNB (it advances the chain
 * only on a vertical derivation) and applies DeriveKgnbStar() for every NCC it receives.
 *
 * Pure C++ (no ns-3 types). Errors: std::invalid_argument (an NCC above 7, a PCI or an
 * ARFCN-DL out of range) and std::runtime_error (OpenSSL), as NrSecurityKdf.
 */
class NrSecurityNhChain
{
  public:
    /// An all-zero chain (K_AMF and K_gNB zero), index 0; to be assigned a real one.
    NrSecurityNhChain();

    /**
     * \brief Starts a chain at index 0 (NCC 0) with the initial K_gNB as the virtual NH.
     * \param kAmf K_AMF, 32 bytes
     * \param initialKgnb the initial K_gNB (KDF(K_AMF, 0x6E, uplink NAS COUNT, access type),
     *        TS 33.501 A.9), 32 bytes
     */
    NrSecurityNhChain(const NrSecurityKey256& kAmf, const NrSecurityKey256& initialKgnb);

    /**
     * \brief Computes the next NH (TS 33.501 A.10): the index grows by one.
     * \return the new NH (32 bytes), valid until the next Advance()
     */
    const NrSecurityKey256& Advance();

    /// \return the chain index: 0 for the initial K_gNB, i for NH_i
    uint32_t GetIndex() const;

    /// \return the NCC of the current NH: index mod 8 (3 bits, TS 33.501 6.9.2.1.1)
    uint8_t GetNcc() const;

    /// \return the current NH (the initial K_gNB at index 0), 32 bytes
    const NrSecurityKey256& GetNh() const;

    /// \return K_AMF, 32 bytes
    const NrSecurityKey256& GetKamf() const;

    /// \return the initial K_gNB the chain was seeded with, 32 bytes
    const NrSecurityKey256& GetInitialKgnb() const;

    /**
     * \brief The UE side of a received NCC: advances the chain until its NCC equals ncc
     *        (0 steps if it does already, at most 7).
     * \param ncc the received NCC (nextHopChainingCount), 0..7
     * \return the number of NH computed
     * \throws std::invalid_argument if ncc > 7
     */
    uint32_t AdvanceToNcc(uint8_t ncc);

    /**
     * \brief The UE rule for a new K_gNB from a received NCC (TS 33.501 6.9.2.3.2 for Xn,
     *        6.9.2.3.3 for N2, 6.9.3 intra-gNB, 6.11 re-establishment, 6.8.2.1.3 resume; TS
     *        38.331 5.3.5.7, 5.3.7.5, 5.3.13.3): if ncc equals the NCC of the current K_gNB
     *        (the chain's NCC, the chain being kept at the current K_gNB's NCC), K_gNB* =
     *        KDF(K_gNB, 0x70, PCI, ARFCN-DL) (horizontal, chain unchanged); otherwise the chain
     *        advances to ncc (AdvanceToNcc) and K_gNB* = KDF(NH, 0x70, PCI, ARFCN-DL)
     *        (vertical). The PCI and ARFCN-DL are those of the target cell (A.11: PCI 2 bytes,
     *        ARFCN-DL always 3 bytes).
     * \param chain the UE's chain (advanced for a vertical derivation)
     * \param currentKgnb the K_gNB in use, 32 bytes
     * \param ncc the received NCC, 0..7
     * \param pci target PCI, 0..1007
     * \param arfcnDl target ARFCN-DL, 0..3279165
     * \return K_gNB* and how it was derived
     * \throws std::invalid_argument if ncc > 7, pci > 1007 or arfcnDl > 3279165 (the chain
     *         is unchanged then)
     */
    static NrSecurityKgnbStarDerivation DeriveKgnbStar(NrSecurityNhChain& chain,
                                                       const NrSecurityKey256& currentKgnb,
                                                       uint8_t ncc,
                                                       uint16_t pci,
                                                       uint32_t arfcnDl);

  private:
    NrSecurityKey256 m_kAmf;        ///< K_AMF
    NrSecurityKey256 m_initialKgnb; ///< index 0 (virtual NH, NCC 0)
    NrSecurityKey256 m_nh;          ///< the NH at m_index
    uint32_t m_index;               ///< chain index
};

} // namespace ns3

#endif // NR_SECURITY_KEY_CHAIN_H
