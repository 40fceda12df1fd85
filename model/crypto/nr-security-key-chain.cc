// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The NH chain of TS 33.501 6.9.2.1.1 and A.10, and the UE's K_gNB* rule for a received NCC.
 */
#include "nr-security-key-chain.h"

#include <stdexcept>
#include <string>

namespace ns3
{

NrSecurityNhChain::NrSecurityNhChain()
    : m_kAmf{}
    , m_initialKgnb{}
    , m_nh{}
    , m_index(0)
{
}

NrSecurityNhChain::NrSecurityNhChain(const NrSecurityKey256& kAmf,
                                     const NrSecurityKey256& initialKgnb)
    : m_kAmf(kAmf)
    , m_initialKgnb(initialKgnb)
    , m_nh(initialKgnb)
    , m_index(0)
{
}

const NrSecurityKey256&
NrSecurityNhChain::Advance()
{
    // A.10: SYNC-input is the initial K_gNB for NH_1, the previous NH afterwards.
    m_nh = NrSecurityKdf::DeriveNh(m_kAmf, m_nh);
    ++m_index;
    return m_nh;
}

uint32_t
NrSecurityNhChain::GetIndex() const
{
    return m_index;
}

uint8_t
NrSecurityNhChain::GetNcc() const
{
    return static_cast<uint8_t>(m_index & 0x7);
}

const NrSecurityKey256&
NrSecurityNhChain::GetNh() const
{
    return m_nh;
}

const NrSecurityKey256&
NrSecurityNhChain::GetKamf() const
{
    return m_kAmf;
}

const NrSecurityKey256&
NrSecurityNhChain::GetInitialKgnb() const
{
    return m_initialKgnb;
}

uint32_t
NrSecurityNhChain::AdvanceToNcc(uint8_t ncc)
{
    if (ncc > 7)
    {
        throw std::invalid_argument("ncc: " + std::to_string(ncc)
                                    + " is not a 3-bit NH chaining count (0..7)");
    }
    uint32_t steps = 0;
    while (GetNcc() != ncc)
    {
        Advance();
        ++steps;
    }
    return steps;
}

NrSecurityKgnbStarDerivation
NrSecurityNhChain::DeriveKgnbStar(NrSecurityNhChain& chain,
                                  const NrSecurityKey256& currentKgnb,
                                  uint8_t ncc,
                                  uint16_t pci,
                                  uint32_t arfcnDl)
{
    if (ncc > 7)
    {
        throw std::invalid_argument("ncc: " + std::to_string(ncc)
                                    + " is not a 3-bit NH chaining count (0..7)");
    }
    NrSecurityKgnbStarDerivation d;
    d.ncc = ncc;
    if (ncc == chain.GetNcc())
    {
        // Horizontal: the chain stays (TS 33.501 6.9.2.3.2: same NCC, K_gNB* from K_gNB).
        d.vertical = false;
        d.inputKey = currentKgnb;
        d.kGnbStar = NrSecurityKdf::DeriveKgnbStar(currentKgnb, pci, arfcnDl);
        d.nhIndex = chain.GetIndex();
        d.steps = 0;
        return d;
    }
    // Vertical: the parameters are checked on a copy first, so that a bad PCI or ARFCN-DL
    // leaves the chain as it was.
    NrSecurityNhChain next = chain;
    d.steps = next.AdvanceToNcc(ncc);
    d.vertical = true;
    d.inputKey = next.GetNh();
    d.kGnbStar = NrSecurityKdf::DeriveKgnbStar(next.GetNh(), pci, arfcnDl);
    d.nhIndex = next.GetIndex();
    chain = next;
    return d;
}

} // namespace ns3
