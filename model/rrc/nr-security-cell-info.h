// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_CELL_INFO_H
#define NR_SECURITY_CELL_INFO_H

#include <cstdint>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief What identifies an NR cell for mobility and key derivation: the inputs of K_gNB*
 *        (TS 33.501 A.11: PCI and ARFCN-DL) and of VarShortMAC-Input / VarResumeMAC-Input
 *        (TS 38.331 5.3.7.4, 5.3.13.3: cellIdentity).
 */
struct NrSecurityCellInfo
{
    uint16_t cellId = 0;       ///< the simulator's cell id (the gNB device's, unique per channel)
    uint16_t pci = 0;          ///< PhysCellId, 0..1007 (TS 38.331 6.3.2)
    uint32_t arfcnDl = 0;      ///< ARFCN-ValueNR of the downlink (absoluteFrequencySSB), 0..3279165
    uint64_t cellIdentity = 0; ///< CellIdentity, 36 bits (TS 38.331 6.3.2)
};

/**
 * \ingroup nr-security
 * \brief One cell's received power as a UE measured it (the input of A3 evaluation, TS 38.331
 *        5.5.4.4) and as reported in MeasurementReport (RSRP as the spec's dBm, not the
 *        0..127 RSRP-Range index; the codec converts, TS 38.133 10.1.6.1).
 */
struct NrSecurityCellMeasurement
{
    NrSecurityCellInfo cell; ///< the measured cell
    double rsrpDbm = -140;   ///< SS-RSRP in dBm
};

} // namespace ns3

#endif // NR_SECURITY_CELL_INFO_H
