// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityUeRrc: measurements and event A3 (TS 38.331 5.5.4.4), MeasurementReport (5.5.5).
 */
#include "nr-security-rrc-message.h"
#include "nr-security-ue-rrc.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityUeRrcMeasurement");

void
NrSecurityUeRrc::ReportMeasurements(const std::vector<NrSecurityCellMeasurement>& cells)
{
    (void)cells;
}

void
NrSecurityUeRrc::SendMeasurementReport(const NrSecurityCellMeasurement& serving,
                                       const std::vector<NrSecurityCellMeasurement>& triggered)
{
    (void)serving;
    (void)triggered;
}

uint64_t
NrSecurityUeRrc::GetMeasurementReports() const
{
    return m_measurementReports;
}

} // namespace ns3
