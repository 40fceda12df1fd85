// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The UE device's cell selection and reselection (TS 38.304 5.2.3, 5.2.4.6), by the received
 * power of the channel's cells (false base stations included: they are gNB devices).
 */
#include "nr-security-gnb-net-device.h"
#include "nr-security-ue-net-device.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityUeCellSelection");

bool
NrSecurityUeNetDevice::SwitchToPci(uint16_t pci, NrSecurityCellInfo& cell)
{
    if (!m_channel)
    {
        return false;
    }
    // Several cells may share a PCI (a false base station cloning a real cell): the UE
    // synchronises to the one it receives strongest (ties: the lowest cell id).
    Ptr<NrSecurityGnbNetDevice> best;
    double bestDbm = -std::numeric_limits<double>::infinity();
    NrSecurityCellInfo bestInfo;
    for (const Ptr<NrSecurityGnbNetDevice>& gnb : m_channel->GetGnbs())
    {
        NrSecurityCellInfo info = gnb->GetRrc()->GetCellInfo();
        if (info.pci != pci)
        {
            continue;
        }
        const double rsrp = m_channel->GetRsrpDbm(this, gnb);
        if (!best || rsrp > bestDbm)
        {
            best = gnb;
            bestDbm = rsrp;
            bestInfo = info;
        }
    }
    if (!best)
    {
        NS_LOG_WARN("UE " << m_ueId << ": no cell with PCI " << pci);
        return false;
    }
    SetServingCellId(bestInfo.cellId);
    m_rrc->SetServingCell(bestInfo);
    cell = bestInfo;
    return true;
}

std::vector<NrSecurityCellMeasurement>
NrSecurityUeNetDevice::Measure() const
{
    std::vector<NrSecurityCellMeasurement> cells;
    if (!m_channel)
    {
        return cells;
    }
    for (const Ptr<NrSecurityGnbNetDevice>& gnb : m_channel->GetGnbs())
    {
        NrSecurityCellMeasurement m;
        m.cell = gnb->GetRrc()->GetCellInfo();
        m.rsrpDbm = m_channel->GetRsrpDbm(this, gnb);
        cells.push_back(m);
    }
    return cells;
}

bool
NrSecurityUeNetDevice::SelectCell(NrSecurityCellInfo& cell)
{
    const std::vector<NrSecurityCellMeasurement> cells = Measure();
    if (cells.empty())
    {
        return false;
    }
    const NrSecurityCellMeasurement* best = &cells.front();
    for (const NrSecurityCellMeasurement& m : cells)
    {
        if (m.rsrpDbm > best->rsrpDbm)
        {
            best = &m;
        }
    }
    SetServingCellId(best->cell.cellId);
    cell = best->cell;
    return true;
}

bool
NrSecurityUeNetDevice::RedirectToCarrier(uint32_t arfcnDl, NrSecurityCellInfo& cell)
{
    const std::vector<NrSecurityCellMeasurement> cells = Measure();
    const NrSecurityCellMeasurement* best = nullptr;
    for (const NrSecurityCellMeasurement& m : cells)
    {
        if (m.cell.arfcnDl == arfcnDl && (!best || m.rsrpDbm > best->rsrpDbm))
        {
            best = &m;
        }
    }
    if (!best)
    {
        NS_LOG_INFO("UE " << m_ueId << ": no cell on the redirected ARFCN-DL " << arfcnDl);
        return false;
    }
    SetServingCellId(best->cell.cellId);
    m_rrc->SetServingCell(best->cell);
    cell = best->cell;
    return true;
}

bool
NrSecurityUeNetDevice::AttachToStrongestCell()
{
    NrSecurityCellInfo cell;
    if (!SelectCell(cell))
    {
        NS_LOG_WARN("UE " << m_ueId << ": no cell to select");
        return false;
    }
    return Attach(cell.cellId);
}

void
NrSecurityUeNetDevice::CheckReselection()
{
    if (m_reselectionPeriod.IsStrictlyPositive() && m_reselectionEvent.IsExpired())
    {
        m_reselectionEvent = Simulator::Schedule(
            m_reselectionPeriod, &NrSecurityUeNetDevice::ReselectionTick, this);
    }
}

void
NrSecurityUeNetDevice::ReselectionTick()
{
    if (!m_rrc || !m_channel)
    {
        return;
    }
    if (m_rrc->GetState() == NrSecurityRrcState::IDLE)
    {
        // TS 38.304 5.2.4.6: R_s = Q_meas,s + Q_hyst, R_n = Q_meas,n (no offsets); the UE
        // reselects the best-ranked cell if it ranks above the serving cell.
        double rs = -std::numeric_limits<double>::infinity();
        const NrSecurityCellMeasurement* best = nullptr;
        const std::vector<NrSecurityCellMeasurement> cells = Measure();
        for (const NrSecurityCellMeasurement& m : cells)
        {
            if (m.cell.cellId == m_cellId)
            {
                rs = m.rsrpDbm + m_qHystDb;
            }
            else if (!best || m.rsrpDbm > best->rsrpDbm)
            {
                best = &m;
            }
        }
        if (best && best->rsrpDbm > rs)
        {
            NS_LOG_INFO("UE " << m_ueId << " reselects cell " << best->cell.cellId << " ("
                              << best->rsrpDbm << " dBm > R_s " << rs << ")");
            SetServingCellId(best->cell.cellId);
            m_rrc->SetServingCell(best->cell);
        }
    }
    m_reselectionEvent
        = Simulator::Schedule(m_reselectionPeriod, &NrSecurityUeNetDevice::ReselectionTick, this);
}

} // namespace ns3
