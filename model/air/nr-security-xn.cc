// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-xn.h"

#include "nr-security-gnb-net-device.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <stdexcept>
#include <string>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityXn");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityXn);

TypeId
NrSecurityXn::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::NrSecurityXn")
              .SetParent<Object>()
              .SetGroupName("NrSecurity")
              .AddConstructor<NrSecurityXn>()
              .AddAttribute("Delay",
                            "One-way delay of an Xn message between two gNBs.",
                            TimeValue(MilliSeconds(2)),
                            MakeTimeAccessor(&NrSecurityXn::m_delay),
                            MakeTimeChecker(Time(0)))
              .AddTraceSource("XnMessage",
                              "An XnAP message was sent (the message).",
                              MakeTraceSourceAccessor(&NrSecurityXn::m_xnTrace),
                              "ns3::NrSecurityXn::XnMessageTracedCallback")
              .AddTraceSource("Unroutable",
                              "An XnAP message found no gNB and was dropped (message, reason).",
                              MakeTraceSourceAccessor(&NrSecurityXn::m_unroutableTrace),
                              "ns3::NrSecurityXn::UnroutableTracedCallback");
    return tid;
}

NrSecurityXn::NrSecurityXn()
    : m_delay(MilliSeconds(2))
{
}

NrSecurityXn::~NrSecurityXn() = default;

void
NrSecurityXn::DoDispose()
{
    m_gnbs.clear();
    Object::DoDispose();
}

void
NrSecurityXn::AddGnb(Ptr<NrSecurityGnbNetDevice> gnb)
{
    NS_ASSERT_MSG(gnb && gnb->GetRrc(), "NrSecurityXn::AddGnb: a gNB device with its RRC");
    AddGnbRrc(gnb->GetRrc());
}

void
NrSecurityXn::AddGnbRrc(Ptr<NrSecurityGnbRrc> rrc)
{
    NS_ASSERT_MSG(rrc, "NrSecurityXn::AddGnbRrc: a gNB RRC");
    for (const auto& g : m_gnbs)
    {
        if (g == rrc)
        {
            return;
        }
    }
    // Neighbours must have distinct PCIs (TS 38.300 5.2.1: PCI confusion): a UE tells its
    // cells apart, and this transport routes handovers, by PCI.
    const NrSecurityCellInfo mine = rrc->GetCellInfo();
    for (const auto& g : m_gnbs)
    {
        const NrSecurityCellInfo other = g->GetCellInfo();
        if (other.pci == mine.pci)
        {
            throw std::invalid_argument("NrSecurityXn: cells " + std::to_string(other.cellId)
                                        + " and " + std::to_string(mine.cellId)
                                        + " both have PhysCellId " + std::to_string(mine.pci)
                                        + "; neighbouring cells need distinct PCIs");
        }
    }
    m_gnbs.push_back(rrc);
    rrc->SetXnSendCallback(MakeCallback(&NrSecurityXn::Send, this));
    rrc->SetNeighbourLookupCallback(MakeCallback(&NrSecurityXn::LookupCell, this));
}

bool
NrSecurityXn::LookupCell(uint16_t cellId, uint16_t pci, NrSecurityCellInfo& out) const
{
    uint32_t found = 0;
    for (const auto& g : m_gnbs)
    {
        const NrSecurityCellInfo c = g->GetCellInfo();
        if ((cellId != 0 && c.cellId == cellId) || (cellId == 0 && c.pci == pci))
        {
            out = c;
            ++found;
        }
    }
    return found == 1;
}

Ptr<NrSecurityGnbRrc>
NrSecurityXn::Route(const NrSecurityXnMessage& msg, std::string& reason) const
{
    Ptr<NrSecurityGnbRrc> to;
    uint32_t found = 0;
    for (const auto& g : m_gnbs)
    {
        const NrSecurityCellInfo c = g->GetCellInfo();
        if ((msg.targetCellId != 0 && c.cellId == msg.targetCellId)
            || (msg.targetCellId == 0 && c.pci == msg.targetPci))
        {
            to = g;
            ++found;
        }
    }
    if (found == 1)
    {
        return to;
    }
    reason = msg.targetCellId != 0
                 ? "no gNB serves cell " + std::to_string(msg.targetCellId)
                 : std::to_string(found) + " gNBs have PCI " + std::to_string(msg.targetPci);
    return nullptr;
}

bool
NrSecurityXn::Send(const NrSecurityXnMessage& msg)
{
    std::string reason;
    if (!Route(msg, reason))
    {
        ++m_unroutable;
        NS_LOG_WARN("Xn " << MessageName(msg.type) << " for UE " << msg.ueId << ": " << reason);
        m_unroutableTrace(msg, reason);
        return false;
    }
    ++m_sent;
    m_xnTrace(msg);
    Simulator::Schedule(m_delay, &NrSecurityXn::Deliver, this, msg);
    return true;
}

void
NrSecurityXn::Deliver(NrSecurityXnMessage msg)
{
    std::string reason;
    Ptr<NrSecurityGnbRrc> to = Route(msg, reason);
    if (!to)
    {
        ++m_unroutable;
        m_unroutableTrace(msg, reason.empty() ? "the gNB is gone" : reason);
        return;
    }
    to->ReceiveXn(msg);
}

uint64_t
NrSecurityXn::GetUnroutable() const
{
    return m_unroutable;
}

uint64_t
NrSecurityXn::GetSent() const
{
    return m_sent;
}

std::string
NrSecurityXn::MessageName(NrSecurityXnMessage::Type type)
{
    return NrSecurityXnMessageName(type);
}

} // namespace ns3
