// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The mobility DCCH messages, TS 38.331 6.2.2 under ITU-T X.691 UNALIGNED, written from the
 * TS 38.331 ASN.1 (V18 as pycrate 0.8.1 carries it):
 *
 * RRCReconfiguration-IEs ::= SEQUENCE { radioBearerConfig OPTIONAL, secondaryCellGroup
 *   OPTIONAL, measConfig OPTIONAL, lateNonCriticalExtension OPTIONAL, nonCriticalExtension
 *   RRCReconfiguration-v1530-IEs OPTIONAL }
 * RRCReconfiguration-v1530-IEs ::= SEQUENCE { masterCellGroup OCTET STRING (CONTAINING
 *   CellGroupConfig) OPTIONAL, fullConfig OPTIONAL, dedicatedNAS-MessageList OPTIONAL,
 *   masterKeyUpdate MasterKeyUpdate OPTIONAL, dedicatedSIB1-Delivery OPTIONAL,
 *   dedicatedSystemInformationDelivery OPTIONAL, otherConfig OPTIONAL, nonCriticalExtension
 *   OPTIONAL }
 * MasterKeyUpdate ::= SEQUENCE { keySetChangeIndicator BOOLEAN, nextHopChainingCount
 *   (0..7), nas-Container OCTET STRING OPTIONAL, ... }
 * CellGroupConfig ::= SEQUENCE { cellGroupId, rlc-BearerToAddModList OPTIONAL,
 *   rlc-BearerToReleaseList OPTIONAL, mac-CellGroupConfig OPTIONAL, physicalCellGroupConfig
 *   OPTIONAL, spCellConfig OPTIONAL, sCellToAddModList OPTIONAL, sCellToReleaseList
 *   OPTIONAL, ... }
 * SpCellConfig ::= SEQUENCE { servCellIndex OPTIONAL, reconfigurationWithSync OPTIONAL,
 *   rlf-TimersAndConstants OPTIONAL, rlmInSyncOutOfSyncThreshold OPTIONAL,
 *   spCellConfigDedicated OPTIONAL, ... }
 * ReconfigurationWithSync ::= SEQUENCE { spCellConfigCommon ServingCellConfigCommon OPTIONAL,
 *   newUE-Identity RNTI-Value (0..65535), t304 ENUMERATED {ms50, ms100, ms150, ms200, ms500,
 *   ms1000, ms2000, ms10000}, rach-ConfigDedicated CHOICE OPTIONAL, ... }
 * ServingCellConfigCommon ::= SEQUENCE { physCellId OPTIONAL, downlinkConfigCommon OPTIONAL,
 *   uplinkConfigCommon OPTIONAL, supplementaryUplinkConfig OPTIONAL, n-TimingAdvanceOffset
 *   OPTIONAL, ssb-PositionsInBurst OPTIONAL, ssb-periodicityServingCell OPTIONAL,
 *   dmrs-TypeA-Position ENUMERATED {pos2, pos3}, lte-CRS-ToMatchAround OPTIONAL,
 *   rateMatchPatternToAddModList OPTIONAL, rateMatchPatternToReleaseList OPTIONAL,
 *   ssbSubcarrierSpacing OPTIONAL, tdd-UL-DL-ConfigurationCommon OPTIONAL,
 *   ss-PBCH-BlockPower INTEGER (-60..50), ... }
 * DownlinkConfigCommon ::= SEQUENCE { frequencyInfoDL OPTIONAL, initialDownlinkBWP OPTIONAL,
 *   ... }
 * FrequencyInfoDL ::= SEQUENCE { absoluteFrequencySSB ARFCN-ValueNR (0..3279165) OPTIONAL,
 *   frequencyBandList SEQUENCE (SIZE (1..8)) OF FreqBandIndicatorNR (1..1024),
 *   absoluteFrequencyPointA ARFCN-ValueNR, scs-SpecificCarrierList SEQUENCE (SIZE (1..5)) OF
 *   SCS-SpecificCarrier, ... }
 * SCS-SpecificCarrier ::= SEQUENCE { offsetToCarrier (0..2199), subcarrierSpacing
 *   ENUMERATED (8 values), carrierBandwidth (1..275), ... }
 *
 * MeasurementReport (UL c1 0) ::= SEQUENCE { criticalExtensions CHOICE { measurementReport
 *   MeasurementReport-IEs, criticalExtensionsFuture } } (no transaction identifier)
 * MeasurementReport-IEs ::= SEQUENCE { measResults, lateNonCriticalExtension OPTIONAL,
 *   nonCriticalExtension OPTIONAL }
 * MeasResults ::= SEQUENCE { measId (1..64), measResultServingMOList SEQUENCE (SIZE (1..32))
 *   OF MeasResultServMO, measResultNeighCells CHOICE { measResultListNR SEQUENCE (SIZE
 *   (1..8)) OF MeasResultNR, ... } OPTIONAL, ... }
 * MeasResultServMO ::= SEQUENCE { servCellId (0..31), measResultServingCell MeasResultNR,
 *   measResultBestNeighCell OPTIONAL, ... }
 * MeasResultNR ::= SEQUENCE { physCellId OPTIONAL, measResult SEQUENCE { cellResults
 *   SEQUENCE { resultsSSB-Cell MeasQuantityResults OPTIONAL, resultsCSI-RS-Cell OPTIONAL },
 *   rsIndexResults OPTIONAL }, ... }
 * MeasQuantityResults ::= SEQUENCE { rsrp RSRP-Range (0..127) OPTIONAL, rsrq OPTIONAL,
 *   sinr OPTIONAL }
 *
 * An extensible SEQUENCE starts with its extension bit (0: no additions), then one presence
 * bit per OPTIONAL root component (X.691 19); an extensible CHOICE with one root alternative
 * is its extension bit only (X.691 23).
 */
#include "nr-security-rrc-codec.h"

#include <cmath>
#include <stdexcept>

namespace ns3
{

using namespace nrsecurityrrc;

namespace
{

constexpr uint32_t DL_RRC_RECONFIGURATION = 0; ///< DL-DCCH c1 index
constexpr uint32_t UL_MEASUREMENT_REPORT = 0;  ///< UL-DCCH c1 index

constexpr uint32_t MAX_PCI = 1007;               ///< PhysCellId (0..1007)
constexpr uint32_t MAX_ARFCN = 3279165;          ///< ARFCN-ValueNR (0..3279165)
constexpr uint32_t ARFCN_BITS = 22;              ///< ceil(log2(3279166))
constexpr uint32_t SCS_KHZ30 = 1;                ///< SubcarrierSpacing kHz30
constexpr uint32_t CARRIER_BANDWIDTH_PRB = 273;  ///< 100 MHz at 30 kHz
constexpr int32_t SS_PBCH_BLOCK_POWER_DBM = 0;   ///< ss-PBCH-BlockPower
constexpr int32_t SS_PBCH_BLOCK_POWER_MIN = -60; ///< its lower bound
constexpr size_t MAX_CELL_REPORT = 8;            ///< maxCellReport
constexpr uint32_t MAX_RSRP_INDEX = 126;         ///< the highest L3 SS-RSRP report value
constexpr int RSRP_OFFSET = 157;                 ///< RSRP_n: -157 + n <= SS-RSRP < -156 + n

/// T304 values in ms in ENUMERATED order.
const uint16_t kT304Ms[8] = {50, 100, 150, 200, 500, 1000, 2000, 10000};

/**
 * The index of value in table (n entries).
 * \return the index, or -1.
 */
int
IndexOf(const uint16_t* table, int n, uint16_t value)
{
    for (int i = 0; i < n; ++i)
    {
        if (table[i] == value)
        {
            return i;
        }
    }
    return -1;
}

void
CheckPci(uint32_t pci, const std::string& field)
{
    if (pci > MAX_PCI)
    {
        throw std::invalid_argument(field + " " + std::to_string(pci)
                                    + " is out of range 0..1007 (PhysCellId, TS 38.331 6.3.2)");
    }
}

void
CheckNcc(uint8_t ncc)
{
    if (ncc > 7)
    {
        throw std::invalid_argument("nextHopChainingCount " + std::to_string(ncc)
                                    + " is out of range 0..7 (NextHopChainingCount, TS 38.331 "
                                      "6.3.2)");
    }
}

/// The CellGroupConfig of the masterCellGroup of a handover (see
/// NrSecurityReconfigurationWithSync).
std::vector<uint8_t>
EncodeSyncCellGroupConfig(const NrSecurityReconfigurationWithSync& s)
{
    CheckPci(s.targetPci, "targetPci");
    if (s.ssbArfcn > MAX_ARFCN)
    {
        throw std::invalid_argument("ssbArfcn " + std::to_string(s.ssbArfcn)
                                    + " is out of range 0..3279165 (ARFCN-ValueNR, TS 38.331 "
                                      "6.3.2)");
    }
    int t304 = IndexOf(kT304Ms, 8, s.t304Ms);
    if (t304 < 0)
    {
        throw std::invalid_argument("t304Ms " + std::to_string(s.t304Ms)
                                    + " is not a T304 value (50, 100, 150, 200, 500, 1000, 2000, "
                                      "10000 ms; TS 38.331 6.3.2 ReconfigurationWithSync)");
    }
    if (s.band < 1 || s.band > 1024)
    {
        throw std::invalid_argument("band " + std::to_string(s.band)
                                    + " is out of range 1..1024 (FreqBandIndicatorNR)");
    }
    NrSecurityUperWriter w;
    // CellGroupConfig
    w.AppendBit(false); // no extension additions
    w.Append(0, 4);     // rlc-BearerToAddModList .. physicalCellGroupConfig absent
    w.AppendBit(true);  // spCellConfig
    w.Append(0, 2);     // sCellToAddModList, sCellToReleaseList absent
    w.Append(0, 2);     // cellGroupId 0
    // SpCellConfig
    w.AppendBit(false); // no extension additions
    w.AppendBit(false); // servCellIndex absent
    w.AppendBit(true);  // reconfigurationWithSync
    w.Append(0, 3);     // rlf-TimersAndConstants, rlmInSyncOutOfSyncThreshold,
                        // spCellConfigDedicated absent
    // ReconfigurationWithSync
    w.AppendBit(false); // no extension additions
    w.AppendBit(true);  // spCellConfigCommon
    w.AppendBit(false); // rach-ConfigDedicated absent
    // ServingCellConfigCommon
    w.AppendBit(false); // no extension additions
    w.AppendBit(true);  // physCellId
    w.AppendBit(true);  // downlinkConfigCommon
    w.Append(0, 10);    // the other ten OPTIONAL components absent
    w.Append(s.targetPci, 10);
    // DownlinkConfigCommon
    w.AppendBit(false); // no extension additions
    w.AppendBit(true);  // frequencyInfoDL
    w.AppendBit(false); // initialDownlinkBWP absent
    // FrequencyInfoDL
    w.AppendBit(false); // no extension additions
    w.AppendBit(true);  // absoluteFrequencySSB
    w.Append(s.ssbArfcn, ARFCN_BITS);
    w.Append(0, 3);                   // frequencyBandList: 1 entry
    w.Append(s.band - 1U, 10);        // FreqBandIndicatorNR
    w.Append(s.ssbArfcn, ARFCN_BITS); // absoluteFrequencyPointA
    w.Append(0, 3);                   // scs-SpecificCarrierList: 1 entry
    w.AppendBit(false);               // SCS-SpecificCarrier: no extension additions
    w.Append(0, 12);                  // offsetToCarrier 0
    w.Append(SCS_KHZ30, 3);           // subcarrierSpacing kHz30
    w.Append(CARRIER_BANDWIDTH_PRB - 1, 9);
    // back in ServingCellConfigCommon
    w.AppendBit(false); // dmrs-TypeA-Position pos2
    w.Append(static_cast<uint32_t>(SS_PBCH_BLOCK_POWER_DBM - SS_PBCH_BLOCK_POWER_MIN), 7);
    // back in ReconfigurationWithSync
    w.Append(s.newUeIdentity, 16);
    w.Append(static_cast<uint32_t>(t304), 3);
    return w.Bytes();
}

/// Reads one bit that must have the value `want`, refusing otherwise with `why`.
bool
Expect(Decoder& c, uint32_t bits, uint32_t want, const std::string& field, const std::string& why)
{
    uint32_t v = 0;
    if (!c.Read(bits, field, v))
    {
        return false;
    }
    return v == want || c.Fail(field + " " + std::to_string(v) + ": " + why);
}

/// Reads the CellGroupConfig EncodeSyncCellGroupConfig writes.
bool
ReadSyncCellGroupConfig(Decoder& d,
                        const std::vector<uint8_t>& octets,
                        NrSecurityReconfigurationWithSync& s)
{
    Decoder c("masterCellGroup CellGroupConfig", octets.data(), octets.size());
    bool ok = [&]()
    {
        std::vector<bool> p;
        uint32_t v = 0;
        if (!c.CheckNotEmpty(octets.data(), octets.size())
            || !c.ReadZero("the extension bit", "extension additions are not supported")
            || !c.Presence({"rlc-BearerToAddModList",
                            "rlc-BearerToReleaseList",
                            "mac-CellGroupConfig",
                            "physicalCellGroupConfig",
                            "spCellConfig",
                            "sCellToAddModList",
                            "sCellToReleaseList"},
                           {false, false, false, false, true, false, false},
                           "CellGroupConfig",
                           p))
        {
            return false;
        }
        if (!p[4])
        {
            return c.Fail(
                "spCellConfig is absent: not supported (we send reconfigurationWithSync)");
        }
        if (!Expect(c, 2, 0, "cellGroupId", "not 0 (the MCG)")
            || !c.ReadZero("the SpCellConfig extension bit",
                           "SpCellConfig extension additions are not supported")
            || !c.Presence({"servCellIndex",
                            "reconfigurationWithSync",
                            "rlf-TimersAndConstants",
                            "rlmInSyncOutOfSyncThreshold",
                            "spCellConfigDedicated"},
                           {false, true, false, false, false},
                           "SpCellConfig",
                           p))
        {
            return false;
        }
        if (!p[1])
        {
            return c.Fail("SpCellConfig: reconfigurationWithSync is absent: not supported");
        }
        if (!c.ReadZero("the ReconfigurationWithSync extension bit",
                        "ReconfigurationWithSync extension additions are not supported")
            || !c.Presence({"spCellConfigCommon", "rach-ConfigDedicated"},
                           {true, false},
                           "ReconfigurationWithSync",
                           p))
        {
            return false;
        }
        if (!p[0])
        {
            return c.Fail("ReconfigurationWithSync: spCellConfigCommon is absent: not supported");
        }
        if (!c.ReadZero("the ServingCellConfigCommon extension bit",
                        "ServingCellConfigCommon extension additions are not supported")
            || !c.Presence(
                {"physCellId",
                 "downlinkConfigCommon",
                 "uplinkConfigCommon",
                 "supplementaryUplinkConfig",
                 "n-TimingAdvanceOffset",
                 "ssb-PositionsInBurst",
                 "ssb-periodicityServingCell",
                 "lte-CRS-ToMatchAround",
                 "rateMatchPatternToAddModList",
                 "rateMatchPatternToReleaseList",
                 "ssbSubcarrierSpacing",
                 "tdd-UL-DL-ConfigurationCommon"},
                {true, true, false, false, false, false, false, false, false, false, false, false},
                "ServingCellConfigCommon",
                p))
        {
            return false;
        }
        if (!p[0] || !p[1])
        {
            return c.Fail(std::string("ServingCellConfigCommon: ")
                          + (p[0] ? "downlinkConfigCommon" : "physCellId")
                          + " is absent: not supported");
        }
        if (!c.ReadConstrained(0, MAX_PCI, "physCellId", v))
        {
            return false;
        }
        s.targetPci = static_cast<uint16_t>(v);
        if (!c.ReadZero("the DownlinkConfigCommon extension bit",
                        "DownlinkConfigCommon extension additions are not supported")
            || !c.Presence({"frequencyInfoDL", "initialDownlinkBWP"},
                           {true, false},
                           "DownlinkConfigCommon",
                           p))
        {
            return false;
        }
        if (!p[0])
        {
            return c.Fail("DownlinkConfigCommon: frequencyInfoDL is absent: not supported");
        }
        if (!c.ReadZero("the FrequencyInfoDL extension bit",
                        "FrequencyInfoDL extension additions are not supported")
            || !c.Presence({"absoluteFrequencySSB"}, {true}, "FrequencyInfoDL", p))
        {
            return false;
        }
        if (!p[0])
        {
            return c.Fail("FrequencyInfoDL: absoluteFrequencySSB is absent: not supported (it "
                          "is the ARFCN-DL of K_gNB*)");
        }
        if (!c.ReadConstrained(0, MAX_ARFCN, "absoluteFrequencySSB", v))
        {
            return false;
        }
        s.ssbArfcn = v;
        if (!Expect(c, 3, 0, "frequencyBandList size - 1", "only one band is supported")
            || !c.ReadConstrained(1, 1024, "frequencyBandList FreqBandIndicatorNR", v))
        {
            return false;
        }
        s.band = static_cast<uint16_t>(v);
        if (!c.ReadConstrained(0, MAX_ARFCN, "absoluteFrequencyPointA", v))
        {
            return false;
        }
        if (v != s.ssbArfcn)
        {
            return c.Fail("absoluteFrequencyPointA " + std::to_string(v)
                          + " differs from absoluteFrequencySSB: not supported (we send the same)");
        }
        if (!Expect(c, 3, 0, "scs-SpecificCarrierList size - 1", "only one carrier is supported")
            || !c.ReadZero("the SCS-SpecificCarrier extension bit",
                           "SCS-SpecificCarrier extension additions are not supported")
            || !Expect(c, 12, 0, "offsetToCarrier", "not supported (we send 0)")
            || !Expect(c, 3, SCS_KHZ30, "subcarrierSpacing", "not supported (we send kHz30, 1)")
            || !Expect(c,
                       9,
                       CARRIER_BANDWIDTH_PRB - 1,
                       "carrierBandwidth - 1",
                       "not supported (we send 273 PRBs)")
            || !Expect(c, 1, 0, "dmrs-TypeA-Position", "not supported (we send pos2)")
            || !Expect(c,
                       7,
                       static_cast<uint32_t>(SS_PBCH_BLOCK_POWER_DBM - SS_PBCH_BLOCK_POWER_MIN),
                       "ss-PBCH-BlockPower + 60",
                       "not supported (we send 0 dBm)")
            || !c.Read(16, "newUE-Identity", v))
        {
            return false;
        }
        s.newUeIdentity = static_cast<uint16_t>(v);
        if (!c.Read(3, "t304", v))
        {
            return false;
        }
        s.t304Ms = kT304Ms[v];
        return c.Finish();
    }();
    return ok || d.Fail(c.Result().error);
}

/// RSRP-Range index of an SS-RSRP in dBm (TS 38.133 10.1.6.1).
uint32_t
RsrpIndex(double rsrpDbm)
{
    if (!(rsrpDbm == rsrpDbm)) // NaN
    {
        throw std::invalid_argument("rsrpDbm is NaN");
    }
    double n = std::floor(rsrpDbm) + RSRP_OFFSET;
    if (n < 0)
    {
        return 0;
    }
    if (n > MAX_RSRP_INDEX)
    {
        return MAX_RSRP_INDEX;
    }
    return static_cast<uint32_t>(n);
}

/// MeasResultNR { physCellId, measResult { cellResults { resultsSSB-Cell { rsrp } } } }.
void
AppendMeasResultNr(NrSecurityUperWriter& w, const NrSecurityCellMeasurement& m)
{
    w.AppendBit(false); // MeasResultNR: no extension additions
    w.AppendBit(true);  // physCellId
    w.Append(m.cell.pci, 10);
    w.AppendBit(false); // measResult: rsIndexResults absent
    w.AppendBit(true);  // cellResults: resultsSSB-Cell
    w.AppendBit(false); // resultsCSI-RS-Cell absent
    w.AppendBit(true);  // MeasQuantityResults: rsrp
    w.Append(0, 2);     // rsrq, sinr absent
    w.Append(RsrpIndex(m.rsrpDbm), 7);
}

bool
ReadMeasResultNr(Decoder& d, const std::string& at, NrSecurityCellMeasurement& m)
{
    std::vector<bool> p;
    uint32_t v = 0;
    if (!d.ReadZero(at + " extension bit",
                    at
                        + ": MeasResultNR extension additions are not "
                          "supported")
        || !d.Presence({"physCellId"}, {true}, at, p))
    {
        return false;
    }
    if (!p[0])
    {
        return d.Fail(at + ": physCellId is absent: not supported");
    }
    if (!d.ReadConstrained(0, MAX_PCI, at + " physCellId", v))
    {
        return false;
    }
    m = NrSecurityCellMeasurement();
    m.cell.pci = static_cast<uint16_t>(v);
    if (!d.Presence({"rsIndexResults"}, {false}, at + ".measResult", p)
        || !d.Presence({"resultsSSB-Cell", "resultsCSI-RS-Cell"},
                       {true, false},
                       at + ".measResult.cellResults",
                       p))
    {
        return false;
    }
    if (!p[0])
    {
        return d.Fail(at + ".measResult.cellResults: resultsSSB-Cell is absent: not supported");
    }
    if (!d.Presence({"rsrp", "rsrq", "sinr"},
                    {true, false, false},
                    at + ".measResult.cellResults.resultsSSB-Cell",
                    p))
    {
        return false;
    }
    if (!p[0])
    {
        return d.Fail(at
                      + ".measResult.cellResults.resultsSSB-Cell: rsrp is absent: not "
                        "supported");
    }
    if (!d.Read(7, at + " rsrp", v))
    {
        return false;
    }
    if (v > MAX_RSRP_INDEX)
    {
        return d.Fail(at + ": rsrp 127 is not an L3 SS-RSRP report value (TS 38.133 10.1.6.1)");
    }
    m.rsrpDbm = static_cast<double>(static_cast<int>(v) - RSRP_OFFSET);
    return true;
}

} // namespace

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcReconfiguration(uint8_t transactionId,
                                               const NrSecurityRadioBearerConfig& rb,
                                               const NrSecurityReconfigurationWithSync* sync,
                                               const NrSecurityMasterKeyUpdate* mku)
{
    std::vector<uint8_t> cellGroup;
    if (sync != nullptr)
    {
        cellGroup = EncodeSyncCellGroupConfig(*sync);
    }
    if (mku != nullptr)
    {
        CheckNcc(mku->nextHopChainingCount);
    }
    bool v1530 = sync != nullptr || mku != nullptr;
    NrSecurityUperWriter w = StartDcchMessage(DL_RRC_RECONFIGURATION, true, transactionId);
    w.AppendBit(true);  // radioBearerConfig
    w.Append(0, 3);     // secondaryCellGroup, measConfig, lateNonCriticalExtension absent
    w.AppendBit(v1530); // nonCriticalExtension: RRCReconfiguration-v1530-IEs
    AppendRadioBearerConfig(w, rb);
    if (v1530)
    {
        w.AppendBit(sync != nullptr); // masterCellGroup
        w.Append(0, 2);               // fullConfig, dedicatedNAS-MessageList absent
        w.AppendBit(mku != nullptr);  // masterKeyUpdate
        w.Append(0, 4);               // dedicatedSIB1-Delivery, dedicatedSystemInformationDelivery,
                                      // otherConfig, nonCriticalExtension absent
        if (sync != nullptr)
        {
            AppendOctetString(w, cellGroup, "masterCellGroup");
        }
        if (mku != nullptr)
        {
            w.AppendBit(false); // MasterKeyUpdate: no extension additions
            w.AppendBit(false); // nas-Container absent
            w.AppendBit(mku->keySetChangeIndicator);
            w.Append(mku->nextHopChainingCount, 3);
        }
    }
    return w.Bytes();
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeMeasurementReport(const NrSecurityMeasResults& r)
{
    if (r.measId < 1 || r.measId > 64)
    {
        throw std::invalid_argument("measId " + std::to_string(r.measId)
                                    + " is out of range 1..64 (MeasId, TS 38.331 6.3.2)");
    }
    if (r.neighbours.size() > MAX_CELL_REPORT)
    {
        throw std::invalid_argument("neighbours has " + std::to_string(r.neighbours.size())
                                    + " entries; MeasResultListNR allows 1..8 (maxCellReport)");
    }
    CheckPci(r.serving.cell.pci, "serving.cell.pci");
    for (size_t i = 0; i < r.neighbours.size(); ++i)
    {
        CheckPci(r.neighbours[i].cell.pci, "neighbours[" + std::to_string(i) + "].cell.pci");
    }
    NrSecurityUperWriter w = StartDcchMessage(UL_MEASUREMENT_REPORT, false, 0);
    w.Append(0, 2);                     // lateNonCriticalExtension, nonCriticalExtension
    w.AppendBit(false);                 // MeasResults: no extension additions
    w.AppendBit(!r.neighbours.empty()); // measResultNeighCells
    w.Append(r.measId - 1U, 6);         // measId
    w.Append(0, 5);                     // measResultServingMOList: 1 entry
    w.AppendBit(false);                 // MeasResultServMO: no extension additions
    w.AppendBit(false);                 // measResultBestNeighCell absent
    w.Append(0, 5);                     // servCellId 0
    AppendMeasResultNr(w, r.serving);   // measResultServingCell
    if (!r.neighbours.empty())
    {
        w.AppendBit(false); // measResultNeighCells: root alternative measResultListNR
        w.Append(static_cast<uint32_t>(r.neighbours.size() - 1), 3);
        for (const NrSecurityCellMeasurement& m : r.neighbours)
        {
            AppendMeasResultNr(w, m);
        }
    }
    return w.Bytes();
}

namespace nrsecurityrrc
{

bool
DecodeRrcReconfigurationBody(Decoder& d)
{
    NrSecurityRrcDecoded& r = d.Result();
    std::vector<bool> p;
    if (!d.Body("rrcReconfiguration",
                true,
                {"radioBearerConfig",
                 "secondaryCellGroup",
                 "measConfig",
                 "lateNonCriticalExtension",
                 "nonCriticalExtension"},
                {true, false, false, false, true},
                p))
    {
        return false;
    }
    if (!p[0])
    {
        return d.Fail("rrcReconfiguration: radioBearerConfig is absent: not supported");
    }
    r.radioBearerConfigPresent = true;
    if (!ReadRadioBearerConfig(d, r.radioBearerConfig))
    {
        return false;
    }
    if (!p[4])
    {
        return d.Finish();
    }
    std::vector<bool> q;
    if (!d.Presence({"masterCellGroup",
                     "fullConfig",
                     "dedicatedNAS-MessageList",
                     "masterKeyUpdate",
                     "dedicatedSIB1-Delivery",
                     "dedicatedSystemInformationDelivery",
                     "otherConfig",
                     "nonCriticalExtension"},
                    {true, false, false, true, false, false, false, false},
                    "RRCReconfiguration-v1530-IEs",
                    q))
    {
        return false;
    }
    if (!q[0] && !q[3])
    {
        return d.Fail("RRCReconfiguration-v1530-IEs: neither masterCellGroup nor masterKeyUpdate "
                      "is present: not supported (we omit the extension then)");
    }
    if (q[0])
    {
        std::vector<uint8_t> cellGroup;
        if (!d.ReadOctetString("masterCellGroup", cellGroup)
            || !ReadSyncCellGroupConfig(d, cellGroup, r.reconfigurationWithSync))
        {
            return false;
        }
        r.reconfigurationWithSyncPresent = true;
    }
    if (q[3])
    {
        uint32_t v = 0;
        if (!d.ReadZero("the MasterKeyUpdate extension bit",
                        "MasterKeyUpdate extension additions are not supported")
            || !d.ReadZero("the nas-Container presence bit",
                           "MasterKeyUpdate: nas-Container is present: not supported")
            || !d.Read(1, "keySetChangeIndicator", v))
        {
            return false;
        }
        r.masterKeyUpdate.keySetChangeIndicator = v != 0;
        if (!d.Read(3, "nextHopChainingCount", v))
        {
            return false;
        }
        r.masterKeyUpdate.nextHopChainingCount = static_cast<uint8_t>(v);
        r.masterKeyUpdatePresent = true;
    }
    return d.Finish();
}

bool
DecodeMeasurementReportBody(Decoder& d)
{
    NrSecurityRrcDecoded& r = d.Result();
    std::vector<bool> p;
    uint32_t v = 0;
    if (!d.Body("measurementReport",
                false,
                {"lateNonCriticalExtension", "nonCriticalExtension"},
                {false, false},
                p)
        || !d.ReadZero("the MeasResults extension bit",
                       "MeasResults extension additions are not supported")
        || !d.Presence({"measResultNeighCells"}, {true}, "MeasResults", p)
        || !d.ReadConstrained(1, 64, "measId", v))
    {
        return false;
    }
    r.measResults.measId = static_cast<uint8_t>(v);
    if (!Expect(d,
                5,
                0,
                "measResultServingMOList size - 1",
                "more than one serving cell is not supported")
        || !d.ReadZero("the MeasResultServMO extension bit",
                       "MeasResultServMO extension additions are not supported")
        || !d.ReadZero("the measResultBestNeighCell presence bit",
                       "MeasResultServMO: measResultBestNeighCell is present: not supported")
        || !Expect(d, 5, 0, "servCellId", "not supported (only the SpCell, 0)")
        || !ReadMeasResultNr(d, "measResultServingCell", r.measResults.serving))
    {
        return false;
    }
    r.measResults.neighbours.clear();
    if (p[0])
    {
        uint32_t n = 0;
        if (!d.ReadZero("the measResultNeighCells choice extension bit",
                        "measResultNeighCells: only measResultListNR is supported")
            || !d.ReadConstrained(1, MAX_CELL_REPORT, "measResultListNR size", n))
        {
            return false;
        }
        for (uint32_t i = 0; i < n; ++i)
        {
            NrSecurityCellMeasurement m;
            if (!ReadMeasResultNr(d, "measResultListNR[" + std::to_string(i) + "]", m))
            {
                return false;
            }
            r.measResults.neighbours.push_back(m);
        }
    }
    return d.Finish();
}

} // namespace nrsecurityrrc
} // namespace ns3
