// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-ue-net-device.h"

#include "ns3/log.h"
#include "ns3/pointer.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityUeNetDevice");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityUeNetDevice);

TypeId
NrSecurityUeNetDevice::GetTypeId()
{
    static TypeId tid = TypeId("ns3::NrSecurityUeNetDevice")
                            .SetParent<NrSecurityNetDevice>()
                            .SetGroupName("NrSecurity")
                            .AddConstructor<NrSecurityUeNetDevice>()
                            .AddAttribute("Rrc",
                                          "The UE's RRC security entity.",
                                          PointerValue(),
                                          MakePointerAccessor(&NrSecurityUeNetDevice::m_rrc),
                                          MakePointerChecker<NrSecurityUeRrc>());
    return tid;
}

NrSecurityUeNetDevice::NrSecurityUeNetDevice()
    : m_ueId(0)
    , m_cellId(0)
    , m_rrc(CreateObject<NrSecurityUeRrc>())
{
    m_rrc->SetTransmitCallback(MakeCallback(&NrSecurityUeNetDevice::Transmit, this));
}

NrSecurityUeNetDevice::~NrSecurityUeNetDevice() = default;

void
NrSecurityUeNetDevice::DoDispose()
{
    if (m_rrc)
    {
        m_rrc->Dispose();
        m_rrc = nullptr;
    }
    NrSecurityNetDevice::DoDispose();
}

void
NrSecurityUeNetDevice::SetUeId(uint16_t ueId)
{
    m_ueId = ueId;
    m_rrc->SetUeId(ueId);
}

uint16_t
NrSecurityUeNetDevice::GetUeId() const
{
    return m_ueId;
}

uint16_t
NrSecurityUeNetDevice::GetServingCellId() const
{
    return m_cellId;
}

Ptr<NrSecurityUeRrc>
NrSecurityUeNetDevice::GetRrc() const
{
    return m_rrc;
}

bool
NrSecurityUeNetDevice::Attach(uint16_t cellId)
{
    NS_LOG_FUNCTION(this << m_ueId << cellId);
    m_cellId = cellId;
    return m_rrc->Connect(cellId);
}

void
NrSecurityUeNetDevice::Transmit(const NrSecurityRbPdu& pdu)
{
    NrSecurityAirFrame frame;
    frame.cellId = m_cellId;
    frame.ueId = m_ueId;
    frame.uplink = true;
    frame.SetFrom(pdu);
    SendFrame(frame);
}

void
NrSecurityUeNetDevice::ReceiveFrame(NrSecurityAirFrame frame)
{
    if (frame.ueId != m_ueId || frame.uplink)
    {
        return;
    }
    NotifyReceived(frame);
    m_rrc->ReceivePdu(frame.ToRbPdu());
}

} // namespace ns3
