// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_RRC_MOBILITY_H
#define NR_SECURITY_RRC_MOBILITY_H

#include "nr-security-cell-info.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The part of ReconfigurationWithSync (TS 38.331 6.3.2, 5.3.5.5.2) this module models:
 *        the target cell (spCellConfigCommon), the C-RNTI in it (newUE-Identity) and T304.
 *
 * Encoded by NrSecurityRrcMessage::EncodeRrcReconfiguration in the masterCellGroup
 * CellGroupConfig (cellGroupId 0, spCellConfig { reconfigurationWithSync }) of the
 * RRCReconfiguration-v1530-IEs as: spCellConfigCommon { physCellId = targetPci,
 * downlinkConfigCommon { frequencyInfoDL { absoluteFrequencySSB = ssbArfcn,
 * frequencyBandList { band }, absoluteFrequencyPointA = ssbArfcn, scs-SpecificCarrierList {
 * offsetToCarrier 0, kHz30, carrierBandwidth 273 } } }, dmrs-TypeA-Position pos2,
 * ss-PBCH-BlockPower 0 dBm }, newUE-Identity, t304; rach-ConfigDedicated absent
 * (contention-based random access). The model has no carrier grid: point A equal to the SSB
 * ARFCN, the 30 kHz 273-PRB carrier, pos2 and 0 dBm are fixed placeholders that make the
 * message valid; only PCI and ARFCN-DL matter for security (the K_gNB* inputs, TS 33.501
 * A.11: the UE takes ARFCN-DL from absoluteFrequencySSB).
 */
struct NrSecurityReconfigurationWithSync
{
    uint16_t targetPci = 0;     ///< PhysCellId of the target cell, 0..1007
    uint32_t ssbArfcn = 0;      ///< absoluteFrequencySSB, ARFCN-ValueNR 0..3279165 (= ARFCN-DL
                                ///< of K_gNB*)
    uint16_t newUeIdentity = 0; ///< newUE-Identity, the C-RNTI in the target (RNTI-Value), as
                                ///< the target allocated it
    uint16_t t304Ms = 1000;     ///< T304 in ms: 50, 100, 150, 200, 500, 1000, 2000 or 10000
    uint16_t band = 78;         ///< FreqBandIndicatorNR of frequencyBandList, 1..1024

    /**
     * \brief Field-by-field equality.
     * \param o the other value.
     * \return true if every field is equal.
     */
    bool operator==(const NrSecurityReconfigurationWithSync& o) const
    {
        return targetPci == o.targetPci && ssbArfcn == o.ssbArfcn
               && newUeIdentity == o.newUeIdentity && t304Ms == o.t304Ms && band == o.band;
    }
};

/**
 * \ingroup nr-security
 * \brief MasterKeyUpdate (TS 38.331 6.3.2, 5.3.5.7): whether the UE takes a new K_gNB from
 *        K_AMF (keySetChangeIndicator true, after a NAS key change) or derives K_gNB* from its
 *        current K_gNB / the NH of nextHopChainingCount (false); nas-Container absent.
 */
struct NrSecurityMasterKeyUpdate
{
    bool keySetChangeIndicator = false; ///< keySetChangeIndicator
    uint8_t nextHopChainingCount = 0;   ///< NextHopChainingCount, 0..7

    /**
     * \brief Field-by-field equality.
     * \param o the other value.
     * \return true if both fields are equal.
     */
    bool operator==(const NrSecurityMasterKeyUpdate& o) const
    {
        return keySetChangeIndicator == o.keySetChangeIndicator
               && nextHopChainingCount == o.nextHopChainingCount;
    }
};

/**
 * \ingroup nr-security
 * \brief The MeasResults of a MeasurementReport (TS 38.331 6.3.2, 5.5.5) this module sends:
 *        measId, the serving cell's SS-RSRP and the neighbours' SS-RSRP (cell results only).
 *
 * Encoded as measResultServingMOList { servCellId 0, measResultServingCell { physCellId,
 * measResult { cellResults { resultsSSB-Cell { rsrp } } } } } and, when neighbours is not
 * empty, measResultNeighCells measResultListNR { physCellId, measResult { cellResults {
 * resultsSSB-Cell { rsrp } } } } per neighbour, in the given order. Only cell.pci and rsrpDbm
 * of each NrSecurityCellMeasurement go on the air; the decoder fills cell.pci and rsrpDbm
 * and leaves the other cell fields 0.
 *
 * RSRP-Range (TS 38.133 10.1.6.1, Table 10.1.6.1-1 for L3 SS-RSRP): RSRP_0 is SS-RSRP below
 * -156 dBm, RSRP_n (1..125) is -157 + n <= SS-RSRP < -156 + n, RSRP_126 is -31 dBm or more.
 * The encoder sends index = clamp(floor(rsrpDbm) + 157, 0, 126); the decoder gives the
 * lower bound of the interval, rsrpDbm = index - 157 (RSRP_0 gives -157), so that decoding
 * then encoding is the identity. Index 127 (not an L3 SS-RSRP report value) is refused.
 */
struct NrSecurityMeasResults
{
    uint8_t measId = 1;                                ///< MeasId, 1..64 (maxNrofMeasId)
    NrSecurityCellMeasurement serving;                 ///< the serving cell (servCellId 0)
    std::vector<NrSecurityCellMeasurement> neighbours; ///< measResultListNR, 0..8 entries
                                                       ///< (maxCellReport)
};

/**
 * \ingroup nr-security
 * \brief The part of SuspendConfig (TS 38.331 6.3.2, 5.3.8.3) this module models: the UE's
 *        I-RNTIs, ran-PagingCycle and the NCC for the K_gNB* of the resume (TS 33.501 6.8.2).
 *        ran-NotificationAreaInfo and t380 are absent.
 */
struct NrSecuritySuspendConfig
{
    uint64_t fullIRnti = 0;           ///< fullI-RNTI, I-RNTI-Value BIT STRING (SIZE (40))
    uint32_t shortIRnti = 0;          ///< shortI-RNTI, ShortI-RNTI-Value BIT STRING (SIZE (24))
    uint16_t ranPagingCycle = 256;    ///< ran-PagingCycle in radio frames: 32, 64, 128 or 256
    uint8_t nextHopChainingCount = 0; ///< NextHopChainingCount, 0..7

    /**
     * \brief Field-by-field equality.
     * \param o the other value.
     * \return true if every field is equal.
     */
    bool operator==(const NrSecuritySuspendConfig& o) const
    {
        return fullIRnti == o.fullIRnti && shortIRnti == o.shortIRnti
               && ranPagingCycle == o.ranPagingCycle
               && nextHopChainingCount == o.nextHopChainingCount;
    }
};

/**
 * \ingroup nr-security
 * \brief RRCRelease redirectedCarrierInfo, its nr alternative (TS 38.331 6.2.2): CarrierInfoNR
 *        ::= SEQUENCE { carrierFreq ARFCN-ValueNR, ssbSubcarrierSpacing SubcarrierSpacing,
 *        smtc SSB-MTC OPTIONAL, ... }, smtc absent. The UE camps on a cell of that carrier
 *        (TS 38.304 5.2.6); before AS security it ignores it (TS 38.331 5.3.8.3).
 */
struct NrSecurityRedirectedCarrierInfo
{
    uint32_t carrierFreq = 0;              ///< ARFCN-ValueNR, 0..3279165: the cell's ARFCN-DL
    uint16_t ssbSubcarrierSpacingKhz = 30; ///< SubcarrierSpacing: 15, 30, 60, 120 or 240 kHz

    /**
     * \brief Field-by-field equality.
     * \param o the other value.
     * \return true if every field is equal.
     */
    bool operator==(const NrSecurityRedirectedCarrierInfo& o) const
    {
        return carrierFreq == o.carrierFreq && ssbSubcarrierSpacingKhz == o.ssbSubcarrierSpacingKhz;
    }
};

} // namespace ns3

#endif // NR_SECURITY_RRC_MOBILITY_H
