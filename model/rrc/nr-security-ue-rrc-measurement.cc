// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityUeRrc: measurements and event A3 (TS 38.331 5.5.4.1, 5.5.4.4) and the
 * MeasurementReport (5.5.5), with the A3 parameters as UE attributes (no measConfig).
 */
#include "nr-security-rrc-message.h"
#include "nr-security-ue-rrc.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <limits>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityUeRrcMeasurement");

void
NrSecurityUeRrc::ReportMeasurements(const std::vector<NrSecurityCellMeasurement>& cells)
{
    if (!IsSecurityActive() || m_handoverInProgress || !Srb(1))
    {
        return; // TS 38.331 5.5.1: measurement reporting only after AS security activation
    }
    NrSecurityCellMeasurement serving;
    serving.cell = m_servingCell;
    serving.rsrpDbm = -std::numeric_limits<double>::infinity();
    for (const NrSecurityCellMeasurement& c : cells)
    {
        if (c.cell.pci == m_servingCell.pci)
        {
            serving.rsrpDbm = c.rsrpDbm;
        }
    }
    // TS 38.331 5.5.4.4 with Ofn = Ocn = Ofp = Ocp = 0:
    // entering Mn - Hys > Mp + Off, leaving Mn + Hys < Mp + Off.
    const Time now = Simulator::Now();
    std::vector<NrSecurityCellMeasurement> triggered;
    for (const NrSecurityCellMeasurement& n : cells)
    {
        if (n.cell.pci == m_servingCell.pci)
        {
            continue;
        }
        A3State& s = m_a3[n.cell.pci];
        const bool entering = n.rsrpDbm - m_hysteresis > serving.rsrpDbm + m_a3Offset;
        const bool leaving = n.rsrpDbm + m_hysteresis < serving.rsrpDbm + m_a3Offset;
        if (s.triggered)
        {
            if (leaving)
            {
                s = A3State(); // 5.5.4.1: removed from cellsTriggeredList
            }
            continue;
        }
        if (!entering)
        {
            s.entering = false; // the condition must hold during the whole timeToTrigger
            continue;
        }
        if (!s.entering)
        {
            s.entering = true;
            s.enteredAt = now;
        }
        if (now - s.enteredAt >= m_timeToTrigger)
        {
            s.triggered = true;
            triggered.push_back(n);
        }
    }
    if (!triggered.empty())
    {
        // reportAmount 1: one report per newly triggered set of cells, strongest first.
        std::sort(triggered.begin(),
                  triggered.end(),
                  [](const NrSecurityCellMeasurement& a, const NrSecurityCellMeasurement& b)
                  { return a.rsrpDbm > b.rsrpDbm; });
        if (triggered.size() > 8)
        {
            triggered.resize(8); // maxCellReport
        }
        SendMeasurementReport(serving, triggered);
    }
}

void
NrSecurityUeRrc::SendMeasurementReport(const NrSecurityCellMeasurement& serving,
                                       const std::vector<NrSecurityCellMeasurement>& triggered)
{
    NrSecurityMeasResults r;
    r.measId = 1;
    r.serving = serving;
    if (!(r.serving.rsrpDbm > -1e9))
    {
        r.serving.rsrpDbm = -157; // not measured: the lowest RSRP-Range value
    }
    r.neighbours = triggered;
    std::ostringstream what;
    what << "A3: serving PCI " << serving.cell.pci << " " << r.serving.rsrpDbm << " dBm";
    for (const NrSecurityCellMeasurement& n : triggered)
    {
        what << ", PCI " << n.cell.pci << " " << n.rsrpDbm << " dBm";
    }
    std::vector<uint8_t> msg;
    try
    {
        msg = NrSecurityRrcMessage::EncodeMeasurementReport(r);
    }
    catch (const std::invalid_argument& e)
    {
        HandoverEvent("measurement-report-not-sent", e.what());
        return;
    }
    ++m_measurementReports;
    HandoverEvent("measurement-report", what.str());
    Send(1, "measurementReport", msg);
}

uint64_t
NrSecurityUeRrc::GetMeasurementReports() const
{
    return m_measurementReports;
}

} // namespace ns3
