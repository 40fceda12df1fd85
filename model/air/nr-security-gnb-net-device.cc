// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-gnb-net-device.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbNetDevice");

NS_OBJECT_ENSURE_REGISTERED(NrSecurityGnbNetDevice);

TypeId
NrSecurityGnbNetDevice::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::NrSecurityGnbNetDevice")
              .SetParent<NrSecurityNetDevice>()
              .SetGroupName("NrSecurity")
              .AddConstructor<NrSecurityGnbNetDevice>()
              .AddAttribute("Rrc",
                            "The gNB's RRC security entity.",
                            PointerValue(),
                            MakePointerAccessor(&NrSecurityGnbNetDevice::m_rrc),
                            MakePointerChecker<NrSecurityGnbRrc>())
              .AddAttribute("TxPower",
                            "SS/PBCH block transmit power per resource element, "
                            "dBm: the RSRP at a UE is this less the channel's "
                            "path loss (TS 38.215 5.1.1). All TxPower values (gNB, "
                            "UE, adversary devices) are compared as given, as the "
                            "power of the frame on the link in this one reference "
                            "(per resource element of the frames' resource grid; "
                            "NrSecurityChannel).",
                            DoubleValue(18.0),
                            MakeDoubleAccessor(&NrSecurityGnbNetDevice::m_txPower),
                            MakeDoubleChecker<double>(-60.0, 80.0))
              .AddAttribute("FalseBaseStation",
                            "The cell is an attacker's false base station: its frames "
                            "carry origin FALSE_BASE_STATION (pcaps, CSVs, traces) and the "
                            "helper never puts it on Xn.",
                            BooleanValue(false),
                            MakeBooleanAccessor(&NrSecurityGnbNetDevice::m_falseBaseStation),
                            MakeBooleanChecker());
    return tid;
}

NrSecurityGnbNetDevice::NrSecurityGnbNetDevice()
    : m_cellId(0)
    , m_rrc(CreateObject<NrSecurityGnbRrc>())
    , m_txPower(18.0)
    , m_falseBaseStation(false)
{
    m_rrc->SetTransmitCallback(MakeCallback(&NrSecurityGnbNetDevice::Transmit, this));
}

NrSecurityGnbNetDevice::~NrSecurityGnbNetDevice() = default;

void
NrSecurityGnbNetDevice::DoDispose()
{
    if (m_rrc)
    {
        m_rrc->Dispose();
        m_rrc = nullptr;
    }
    NrSecurityNetDevice::DoDispose();
}

void
NrSecurityGnbNetDevice::SetCellId(uint16_t cellId)
{
    m_cellId = cellId;
    if (m_rrc)
    {
        m_rrc->SetCellId(cellId);
    }
}

uint16_t
NrSecurityGnbNetDevice::GetCellId() const
{
    return m_cellId;
}

Ptr<NrSecurityGnbRrc>
NrSecurityGnbNetDevice::GetRrc() const
{
    return m_rrc;
}

NrSecurityCellInfo
NrSecurityGnbNetDevice::GetCellInfo() const
{
    return m_rrc->GetCellInfo();
}

double
NrSecurityGnbNetDevice::GetTxPower() const
{
    return m_txPower;
}

bool
NrSecurityGnbNetDevice::IsAdversary() const
{
    return m_falseBaseStation;
}

bool
NrSecurityGnbNetDevice::IsFalseBaseStation() const
{
    return m_falseBaseStation;
}

void
NrSecurityGnbNetDevice::NotifyDelivered(const NrSecurityAirFrame& frame)
{
    NrSecurityNetDevice::NotifyDelivered(frame);
    m_rrc->ConfirmDelivery(frame.ueId, frame.ToRbPdu());
}

void
NrSecurityGnbNetDevice::Transmit(uint32_t ueId, const NrSecurityRbPdu& pdu)
{
    NrSecurityAirFrame frame;
    frame.cellId = m_cellId;
    frame.ueId = ueId;
    frame.uplink = false;
    frame.SetFrom(pdu);
    if (m_falseBaseStation)
    {
        frame.origin = NrSecurityFrameOrigin::FALSE_BASE_STATION;
    }
    SendFrame(frame);
}

void
NrSecurityGnbNetDevice::ReceiveFrame(NrSecurityAirFrame frame)
{
    if (frame.cellId != m_cellId || !frame.uplink)
    {
        return;
    }
    // Every UE's frame, SRB0 included: an RRCSetupRequest from an unknown UE starts a context.
    NotifyReceived(frame);
    m_rrc->ReceivePdu(frame.ueId, frame.ToRbPdu());
}

} // namespace ns3
