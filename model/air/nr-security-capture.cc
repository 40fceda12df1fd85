// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-capture.h"

namespace ns3
{

uint64_t
NrSecurityCapture::LinkKey(uint16_t cellId, uint32_t ueId, bool uplink)
{
    // bit 48: direction, bits 32..47: cell, bits 0..31: the 32-bit UE id (with the id in 16
    // bits, UE 65551 shared UE 15's link in cell 1 and both lost every attempt)
    return (static_cast<uint64_t>(uplink ? 1 : 0) << 48) | (static_cast<uint64_t>(cellId) << 32)
           | ueId;
}

NrSecurityCapture::SlotHandle
NrSecurityCapture::Register(uint64_t link, int64_t slot, const void* sender, double powerDbm)
{
    SlotHandle& h = m_links[link];
    if (!h || h->slot != slot)
    {
        // A new slot on this link (slots of a link are registered in increasing order; the
        // frames in flight of the previous slot keep their own handle).
        h = std::make_shared<Slot>();
        h->slot = slot;
    }
    for (Entry& e : h->entries)
    {
        if (e.sender == sender)
        {
            if (powerDbm > e.powerDbm)
            {
                e.powerDbm = powerDbm;
            }
            return h;
        }
    }
    h->entries.push_back(Entry{sender, powerDbm});
    return h;
}

double
NrSecurityCapture::StrongestOther(const SlotHandle& h, const void* sender)
{
    double strongest = -std::numeric_limits<double>::infinity();
    if (!h)
    {
        return strongest;
    }
    for (const Entry& e : h->entries)
    {
        if (e.sender != sender && e.powerDbm > strongest)
        {
            strongest = e.powerDbm;
        }
    }
    return strongest;
}

bool
NrSecurityCapture::IsReceived(double powerDbm, double strongestOtherDbm, double marginDb)
{
    const double excess = powerDbm - strongestOtherDbm;
    // Margin 0: strictly stronger (two frames of equal power destroy each other).
    return marginDb > 0 ? excess >= marginDb : excess > 0;
}

std::size_t
NrSecurityCapture::GetNLinks() const
{
    return m_links.size();
}

void
NrSecurityCapture::Clear()
{
    m_links.clear();
}

} // namespace ns3
