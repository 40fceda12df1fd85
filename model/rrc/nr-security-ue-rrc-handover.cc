// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityUeRrc: the serving cell, key epochs and handover (reconfigurationWithSync with
 * masterKeyUpdate, TS 38.331 5.3.5.4, 5.3.5.7; TS 33.501 6.9.2.3, 6.9.3).
 */
#include "nr-security-rrc-message.h"
#include "nr-security-ue-rrc.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityUeRrcHandover");

void
NrSecurityUeRrc::SetServingCell(const NrSecurityCellInfo& cell)
{
    m_servingCell = cell;
}

NrSecurityCellInfo
NrSecurityUeRrc::GetServingCell() const
{
    return m_servingCell;
}

void
NrSecurityUeRrc::SetCellSwitchCallback(CellSwitchCallback cb)
{
    m_cellSwitch = cb;
}

void
NrSecurityUeRrc::ConfirmDelivery(const NrSecurityRbPdu& pdu)
{
    (void)pdu;
}

uint8_t
NrSecurityUeRrc::GetNcc() const
{
    return m_ncc;
}

const std::vector<NrSecurityKeyEpoch>&
NrSecurityUeRrc::GetKeyEpochs() const
{
    return m_epochs;
}

const NrSecurityNhChain&
NrSecurityUeRrc::GetNhChain() const
{
    return m_nhChain;
}

bool
NrSecurityUeRrc::IsHandoverInProgress() const
{
    return m_handoverInProgress;
}

bool
NrSecurityUeRrc::HandleReconfigurationWithSync(const NrSecurityRrcDecoded& m, uint32_t count)
{
    (void)m;
    (void)count;
    return false;
}

void
NrSecurityUeRrc::ApplyKeyEpoch(const NrSecurityKeyEpoch& epoch, const NrSecurityAsKeys& keys)
{
    (void)epoch;
    (void)keys;
}

void
NrSecurityUeRrc::StartKeyEpochs()
{
}

void
NrSecurityUeRrc::HandoverEvent(const std::string& step, const std::string& detail)
{
    m_handoverEventTrace(m_ueId, step, detail);
}

void
NrSecurityUeRrc::FlushHeldUplink()
{
}

} // namespace ns3
