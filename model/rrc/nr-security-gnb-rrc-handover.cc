// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityGnbRrc: handover (TS 33.501 6.9.2.3.2 Xn, 6.9.2.3.3 N2; TS 38.331 5.3.5.4,
 * 5.3.5.7; TS 38.423 8.2; TS 38.413 8.4) and key epochs.
 */
#include "nr-security-gnb-rrc.h"
#include "nr-security-rrc-message.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbRrcHandover");

void
NrSecurityGnbRrc::SetXnSendCallback(XnSendCallback cb)
{
    m_xnSend = cb;
}

void
NrSecurityGnbRrc::SetNeighbourLookupCallback(NeighbourLookupCallback cb)
{
    m_neighbourLookup = cb;
}

void
NrSecurityGnbRrc::ReceiveXn(const NrSecurityXnMessage& msg)
{
    (void)msg;
}

bool
NrSecurityGnbRrc::Handover(uint16_t ueId, uint16_t targetCellId, NrSecurityHandoverType type)
{
    (void)targetCellId;
    (void)type;
    return RefuseHandover(ueId, "not implemented yet");
}

void
NrSecurityGnbRrc::ConfirmDelivery(uint16_t ueId, const NrSecurityRbPdu& pdu)
{
    (void)ueId;
    (void)pdu;
}

uint64_t
NrSecurityGnbRrc::GetHandoversCompleted() const
{
    return m_handoversCompleted;
}

void
NrSecurityGnbRrc::HandoverEvent(uint16_t ueId, const std::string& step, const std::string& detail)
{
    NS_LOG_INFO("gNB cell " << m_cellId << " UE " << ueId << ": " << step << " " << detail);
    m_handoverEventTrace(ueId, step, detail);
}

bool
NrSecurityGnbRrc::RefuseHandover(uint16_t ueId, const std::string& reason)
{
    HandoverEvent(ueId, "handover-refused", reason);
    return false;
}

void
NrSecurityGnbRrc::StartKeyEpoch(NrSecurityGnbUeContext& ue)
{
    (void)ue;
}

void
NrSecurityGnbRrc::KeyChange(NrSecurityGnbUeContext& ue, const NrSecurityKeyEpoch& epoch)
{
    ue.epoch = epoch;
    m_keyChangeTrace(ue.ueId, epoch);
}

void
NrSecurityGnbRrc::SetMeasurementHandoverType(std::string type)
{
    if (type == "Xn")
    {
        m_measurementHandoverType = NrSecurityHandoverType::XN;
    }
    else if (type == "N2")
    {
        m_measurementHandoverType = NrSecurityHandoverType::N2;
    }
    else
    {
        throw std::invalid_argument("MeasurementHandoverType: '" + type + "' is not Xn or N2");
    }
}

std::string
NrSecurityGnbRrc::GetMeasurementHandoverType() const
{
    return NrSecurityHandoverTypeName(m_measurementHandoverType);
}

void
NrSecurityGnbRrc::RegisterWithAmf()
{
}

} // namespace ns3
