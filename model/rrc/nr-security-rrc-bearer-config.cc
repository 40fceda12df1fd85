// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * RadioBearerConfig and the minimal CellGroupConfig of RRCSetup (TS 38.331 6.3.2) under
 * ITU-T X.691 UNALIGNED, written from the TS 38.331 ASN.1:
 *
 * RadioBearerConfig ::= SEQUENCE { srb-ToAddModList OPTIONAL, srb3-ToRelease OPTIONAL,
 *   drb-ToAddModList OPTIONAL, drb-ToReleaseList OPTIONAL, securityConfig OPTIONAL, ... }
 * DRB-ToReleaseList ::= SEQUENCE (SIZE (1..maxDRB)) OF DRB-Identity
 * reestablishPDCP ENUMERATED {true}: a single value, encoded in no bits (X.691 14.1)
 * SRB-ToAddModList ::= SEQUENCE (SIZE (1..2)) OF SRB-ToAddMod
 * SRB-ToAddMod ::= SEQUENCE { srb-Identity (1..3), reestablishPDCP OPTIONAL,
 *   discardOnPDCP OPTIONAL, pdcp-Config OPTIONAL, ... }
 * DRB-ToAddModList ::= SEQUENCE (SIZE (1..maxDRB = 29)) OF DRB-ToAddMod
 * DRB-ToAddMod ::= SEQUENCE { cnAssociation CHOICE { eps-BearerIdentity, sdap-Config }
 *   OPTIONAL, drb-Identity (1..32), reestablishPDCP OPTIONAL, recoverPDCP OPTIONAL,
 *   pdcp-Config OPTIONAL, ... }
 * SDAP-Config ::= SEQUENCE { pdu-Session (0..255), sdap-HeaderDL ENUMERATED {present,
 *   absent}, sdap-HeaderUL ENUMERATED {present, absent}, defaultDRB BOOLEAN,
 *   mappedQoS-FlowsToAdd SEQUENCE (SIZE (1..64)) OF QFI (0..63) OPTIONAL,
 *   mappedQoS-FlowsToRelease OPTIONAL, ... }
 * PDCP-Config ::= SEQUENCE { drb SEQUENCE { discardTimer ENUMERATED (16) OPTIONAL,
 *   pdcp-SN-SizeUL ENUMERATED {len12bits, len18bits} OPTIONAL, pdcp-SN-SizeDL OPTIONAL,
 *   headerCompression CHOICE { notUsed NULL, rohc, uplinkOnlyROHC, ... },
 *   integrityProtection ENUMERATED {enabled} OPTIONAL, statusReportRequired OPTIONAL,
 *   outOfOrderDelivery OPTIONAL } OPTIONAL, moreThanOneRLC OPTIONAL,
 *   t-Reordering ENUMERATED (64) OPTIONAL, ..., [[ cipheringDisabled ENUMERATED {true}
 *   OPTIONAL ]], ... }
 * Extension additions (X.691 19.7-19.9): a normally small length (1 bit 0 + 6 bits n-1) of
 * the number of additions, a presence bitmap, then each present addition group as an open
 * type (length determinant + the complete encoding of the group as a SEQUENCE).
 */
#include "nr-security-rrc-codec.h"

#include <stdexcept>

namespace ns3
{
namespace nrsecurityrrc
{

namespace
{

constexpr uint32_t DISCARD_TIMER_MS100 = 7;        ///< discardTimer ms100 (index 7 of 16)
constexpr uint32_t T_REORDERING_MS100 = 14;        ///< t-Reordering ms100 (index 14 of 64)
constexpr size_t MAX_SRBS = 2;                     ///< SRB-ToAddModList SIZE (1..2)
constexpr size_t MAX_DRB = 29;                     ///< maxDRB (TS 38.331 6.4)
constexpr size_t MAX_QFIS = 64;                    ///< maxNrofQFIs
constexpr uint8_t CIPHERING_DISABLED_GROUP = 0x80; ///< [[cipheringDisabled true]]: 1 bit, padded
/**
 * The extension addition groups of PDCP-Config in TS 38.331 V18 (X.691 19.8 counts the
 * additions of the type being encoded): [[cipheringDisabled]] (Rel-15), [[discardTimerExt-r16,
 * moreThanTwoRLC-DRB-r16, ethernetHeaderCompression-r16]], [[survivalTimeStateSupport-r17,
 * uplinkDataCompression-r17, discardTimerExt2-r17, initialRX-DELIV-r17]] and the Rel-18 group.
 * A Rel-15 encoder writes a 1-bit bitmap; we write the 4-bit bitmap of the current ASN.1, as
 * pycrate 0.8.1 (TS 38.331 V18 definitions) does, so that it re-encodes our bytes identically.
 */
constexpr uint32_t PDCP_CONFIG_EXTENSION_GROUPS = 4;

void
CheckDrb(const NrSecurityDrbConfig& drb, size_t index)
{
    std::string at = "drbsToAdd[" + std::to_string(index) + "].";
    if (drb.drbId < 1 || drb.drbId > 32)
    {
        throw std::invalid_argument(at + "drbId " + std::to_string(drb.drbId)
                                    + " is out of range 1..32 (DRB-Identity, TS 38.331 6.3.2)");
    }
    if (drb.qfis.size() > MAX_QFIS)
    {
        throw std::invalid_argument(at + "qfis has " + std::to_string(drb.qfis.size())
                                    + " entries; mappedQoS-FlowsToAdd allows 1..64");
    }
    for (uint8_t q : drb.qfis)
    {
        if (q > 63)
        {
            throw std::invalid_argument(at + "qfis: QFI " + std::to_string(q)
                                        + " is out of range 0..63 (QFI, TS 38.331 6.3.2)");
        }
    }
    if (drb.snLengthBits != 12 && drb.snLengthBits != 18)
    {
        throw std::invalid_argument(at + "snLengthBits " + std::to_string(drb.snLengthBits)
                                    + " is not 12 or 18 (pdcp-SN-SizeUL/DL, TS 38.331 6.3.2)");
    }
}

void
AppendPdcpConfig(NrSecurityUperWriter& w, const NrSecurityDrbConfig& drb)
{
    w.AppendBit(drb.cipheringDisabled); // extension bit: [[cipheringDisabled]]
    w.AppendBit(true);                  // drb present
    w.AppendBit(false);                 // moreThanOneRLC absent
    w.AppendBit(true);                  // t-Reordering present
    // drb: discardTimer, pdcp-SN-SizeUL, pdcp-SN-SizeDL, integrityProtection,
    // statusReportRequired, outOfOrderDelivery presence bits
    w.AppendBit(true);
    w.AppendBit(true);
    w.AppendBit(true);
    w.AppendBit(drb.integrityProtection);
    w.AppendBit(false);
    w.AppendBit(false);
    w.Append(DISCARD_TIMER_MS100, 4);
    uint32_t sn = drb.snLengthBits == 18 ? 1 : 0; // len12bits 0, len18bits 1
    w.Append(sn, 1);                              // pdcp-SN-SizeUL
    w.Append(sn, 1);                              // pdcp-SN-SizeDL
    w.AppendBit(false);                           // headerCompression: root alternative
    w.Append(0, 2);                               // notUsed (NULL: no bits)
    // integrityProtection ENUMERATED {enabled}: a single value, no bits
    w.Append(T_REORDERING_MS100, 6);
    if (drb.cipheringDisabled)
    {
        // normally small length: the PDCP_CONFIG_EXTENSION_GROUPS groups of PDCP-Config,
        // n - 1 in 6 bits; then one presence bit per group, only [[cipheringDisabled]] set
        w.AppendBit(false);
        w.Append(PDCP_CONFIG_EXTENSION_GROUPS - 1, 6);
        w.AppendBit(true);
        w.Append(0, PDCP_CONFIG_EXTENSION_GROUPS - 1);
        w.Append(1, 8);                        // open type length: 1 octet
        w.Append(CIPHERING_DISABLED_GROUP, 8); // cipheringDisabled present, value true
    }
}

bool
ReadPdcpConfig(Decoder& d, const std::string& at, NrSecurityDrbConfig& drb)
{
    std::string pc = at + "pdcp-Config";
    uint32_t ext = 0;
    if (!d.Read(1, pc + " extension bit", ext))
    {
        return false;
    }
    std::vector<bool> p;
    if (!d.Presence({"drb", "moreThanOneRLC", "t-Reordering"}, {true, false, true}, pc, p))
    {
        return false;
    }
    if (!p[0])
    {
        return d.Fail(pc + ": drb is absent: not supported");
    }
    if (!p[2])
    {
        return d.Fail(pc + ": t-Reordering is absent: not supported (we send ms100)");
    }
    std::vector<bool> q;
    if (!d.Presence({"discardTimer",
                     "pdcp-SN-SizeUL",
                     "pdcp-SN-SizeDL",
                     "integrityProtection",
                     "statusReportRequired",
                     "outOfOrderDelivery"},
                    {true, true, true, true, false, false},
                    pc + ".drb",
                    q))
    {
        return false;
    }
    for (int i = 0; i < 3; ++i)
    {
        if (!q[i])
        {
            static const char* const names[3]
                = {"discardTimer", "pdcp-SN-SizeUL", "pdcp-SN-SizeDL"};
            return d.Fail(pc + ".drb: " + names[i] + " is absent: not supported");
        }
    }
    uint32_t v = 0;
    if (!d.Read(4, pc + ".drb discardTimer", v))
    {
        return false;
    }
    if (v != DISCARD_TIMER_MS100)
    {
        return d.Fail(pc + ".drb: discardTimer index " + std::to_string(v)
                      + " is not supported (we send ms100, index 7)");
    }
    uint32_t ul = 0;
    uint32_t dl = 0;
    if (!d.Read(1, pc + ".drb pdcp-SN-SizeUL", ul) || !d.Read(1, pc + ".drb pdcp-SN-SizeDL", dl))
    {
        return false;
    }
    if (ul != dl)
    {
        return d.Fail(pc + ".drb: pdcp-SN-SizeUL and pdcp-SN-SizeDL differ: not supported");
    }
    drb.snLengthBits = ul != 0 ? 18 : 12;
    if (!d.ReadZero(pc + ".drb headerCompression extension bit",
                    pc + ".drb: headerCompression extension alternative is not supported"))
    {
        return false;
    }
    if (!d.Read(2, pc + ".drb headerCompression choice", v))
    {
        return false;
    }
    if (v != 0)
    {
        static const char* const alts[4] = {"notUsed", "rohc", "uplinkOnlyROHC", "index 3"};
        return d.Fail(pc + ".drb: headerCompression " + alts[v]
                      + " is not supported (only notUsed is)");
    }
    drb.integrityProtection = q[3];
    if (!d.Read(6, pc + " t-Reordering", v))
    {
        return false;
    }
    if (v != T_REORDERING_MS100)
    {
        return d.Fail(pc + ": t-Reordering index " + std::to_string(v)
                      + " is not supported (we send ms100, index 14)");
    }
    drb.cipheringDisabled = false;
    if (ext == 0)
    {
        return true;
    }
    uint32_t small = 0;
    if (!d.Read(1, pc + " extension count", small))
    {
        return false;
    }
    if (small != 0)
    {
        return d.Fail(pc + ": more than 64 extension additions: not supported");
    }
    if (!d.Read(6, pc + " extension count", v))
    {
        return false;
    }
    if (v != PDCP_CONFIG_EXTENSION_GROUPS - 1)
    {
        return d.Fail(pc + ": an extension bitmap of " + std::to_string(v + 1)
                      + " groups is not supported (we send the 4 groups of TS 38.331 V18)");
    }
    uint32_t bitmap = 0;
    if (!d.Read(PDCP_CONFIG_EXTENSION_GROUPS, pc + " extension presence bitmap", bitmap))
    {
        return false;
    }
    if (bitmap != 1U << (PDCP_CONFIG_EXTENSION_GROUPS - 1))
    {
        return d.Fail(pc + ": extension addition groups other than [[cipheringDisabled]] (bitmap "
                      + std::to_string(bitmap) + ") are not supported");
    }
    std::vector<uint8_t> group;
    if (!d.ReadOctetString(pc + " [[cipheringDisabled]] open type", group))
    {
        return false;
    }
    if (group.size() != 1 || group[0] != CIPHERING_DISABLED_GROUP)
    {
        return d.Fail(pc
                      + ": the [[cipheringDisabled]] group is not cipheringDisabled true "
                        "(expected the 1 octet 80)");
    }
    drb.cipheringDisabled = true;
    return true;
}

bool
ReadDrb(Decoder& d, size_t index, NrSecurityDrbConfig& drb)
{
    std::string at = "drb-ToAddModList[" + std::to_string(index) + "] ";
    if (!d.ReadZero(at + "extension bit",
                    at
                        + "DRB-ToAddMod extension additions are not "
                          "supported"))
    {
        return false;
    }
    std::vector<bool> p;
    if (!d.Presence({"cnAssociation", "reestablishPDCP", "recoverPDCP", "pdcp-Config"},
                    {true, true, false, true},
                    at + "DRB-ToAddMod",
                    p))
    {
        return false;
    }
    if (!p[0])
    {
        return d.Fail(at + "DRB-ToAddMod: cnAssociation is absent: not supported");
    }
    if (!p[3])
    {
        return d.Fail(at + "DRB-ToAddMod: pdcp-Config is absent: not supported");
    }
    uint32_t v = 0;
    if (!d.Read(1, at + "cnAssociation choice", v))
    {
        return false;
    }
    if (v == 0)
    {
        return d.Fail(at + "cnAssociation eps-BearerIdentity is not supported (only sdap-Config)");
    }
    std::string sc = at + "sdap-Config";
    if (!d.ReadZero(sc + " extension bit", sc + ": extension additions are not supported"))
    {
        return false;
    }
    std::vector<bool> s;
    if (!d.Presence({"mappedQoS-FlowsToAdd", "mappedQoS-FlowsToRelease"}, {true, false}, sc, s))
    {
        return false;
    }
    if (!d.Read(8, sc + " pdu-Session", v))
    {
        return false;
    }
    drb.pduSessionId = static_cast<uint8_t>(v);
    if (!d.Read(1, sc + " sdap-HeaderDL", v))
    {
        return false;
    }
    drb.sdapHeaderDl = v == 0; // present 0, absent 1
    if (!d.Read(1, sc + " sdap-HeaderUL", v))
    {
        return false;
    }
    drb.sdapHeaderUl = v == 0;
    if (!d.Read(1, sc + " defaultDRB", v))
    {
        return false;
    }
    drb.defaultDrb = v != 0;
    drb.qfis.clear();
    if (s[0])
    {
        uint32_t n = 0;
        if (!d.ReadConstrained(1, 64, sc + " mappedQoS-FlowsToAdd size", n))
        {
            return false;
        }
        for (uint32_t i = 0; i < n; ++i)
        {
            if (!d.Read(6, sc + " mappedQoS-FlowsToAdd QFI", v))
            {
                return false;
            }
            drb.qfis.push_back(static_cast<uint8_t>(v));
        }
    }
    if (!d.ReadConstrained(1, 32, at + "drb-Identity", v))
    {
        return false;
    }
    drb.drbId = static_cast<uint8_t>(v);
    drb.reestablishPdcp = p[1];
    return ReadPdcpConfig(d, at, drb);
}

} // namespace

void
AppendRadioBearerConfig(NrSecurityUperWriter& w, const NrSecurityRadioBearerConfig& rb)
{
    if (rb.srbsToAdd.size() > MAX_SRBS)
    {
        throw std::invalid_argument("srbsToAdd has " + std::to_string(rb.srbsToAdd.size())
                                    + " entries; SRB-ToAddModList allows 1..2");
    }
    for (uint8_t srb : rb.srbsToAdd)
    {
        if (srb < 1 || srb > 3)
        {
            throw std::invalid_argument("srbsToAdd: SRB-Identity " + std::to_string(srb)
                                        + " is out of range 1..3 (TS 38.331 6.3.2)");
        }
    }
    if (rb.drbsToAdd.size() > MAX_DRB)
    {
        throw std::invalid_argument("drbsToAdd has " + std::to_string(rb.drbsToAdd.size())
                                    + " entries; DRB-ToAddModList allows 1..29 (maxDRB)");
    }
    for (size_t i = 0; i < rb.drbsToAdd.size(); ++i)
    {
        CheckDrb(rb.drbsToAdd[i], i);
    }
    if (rb.drbToRelease.size() > MAX_DRB)
    {
        throw std::invalid_argument("drbToRelease has " + std::to_string(rb.drbToRelease.size())
                                    + " entries; DRB-ToReleaseList allows 1..29 (maxDRB)");
    }
    for (uint8_t id : rb.drbToRelease)
    {
        if (id < 1 || id > 32)
        {
            throw std::invalid_argument("drbToRelease: DRB-Identity " + std::to_string(id)
                                        + " is out of range 1..32 (TS 38.331 6.3.2)");
        }
    }
    w.AppendBit(false);                    // RadioBearerConfig: no extension additions
    w.AppendBit(!rb.srbsToAdd.empty());    // srb-ToAddModList
    w.AppendBit(false);                    // srb3-ToRelease
    w.AppendBit(!rb.drbsToAdd.empty());    // drb-ToAddModList
    w.AppendBit(!rb.drbToRelease.empty()); // drb-ToReleaseList
    w.AppendBit(false);                    // securityConfig
    if (!rb.srbsToAdd.empty())
    {
        w.Append(static_cast<uint32_t>(rb.srbsToAdd.size() - 1), 1);
        for (uint8_t srb : rb.srbsToAdd)
        {
            w.AppendBit(false);                 // SRB-ToAddMod: no extension additions
            w.AppendBit(rb.srbReestablishPdcp); // reestablishPDCP (ENUMERATED {true}: no bits)
            w.Append(0, 2);                     // discardOnPDCP, pdcp-Config absent
            w.Append(srb - 1U, 2);
        }
    }
    if (!rb.drbsToAdd.empty())
    {
        w.Append(static_cast<uint32_t>(rb.drbsToAdd.size() - 1), 5);
        for (const NrSecurityDrbConfig& drb : rb.drbsToAdd)
        {
            w.AppendBit(false);               // DRB-ToAddMod: no extension additions
            w.AppendBit(true);                // cnAssociation present
            w.AppendBit(drb.reestablishPdcp); // reestablishPDCP (no bits)
            w.AppendBit(false);               // recoverPDCP
            w.AppendBit(true);                // pdcp-Config present
            w.AppendBit(true);                // cnAssociation: sdap-Config
            w.AppendBit(false);               // SDAP-Config: no extension additions
            w.AppendBit(!drb.qfis.empty());   // mappedQoS-FlowsToAdd
            w.AppendBit(false);               // mappedQoS-FlowsToRelease
            w.Append(drb.pduSessionId, 8);
            w.AppendBit(!drb.sdapHeaderDl); // present 0, absent 1
            w.AppendBit(!drb.sdapHeaderUl);
            w.AppendBit(drb.defaultDrb);
            if (!drb.qfis.empty())
            {
                w.Append(static_cast<uint32_t>(drb.qfis.size() - 1), 6);
                for (uint8_t q : drb.qfis)
                {
                    w.Append(q, 6);
                }
            }
            w.Append(drb.drbId - 1U, 5);
            AppendPdcpConfig(w, drb);
        }
    }
    if (!rb.drbToRelease.empty())
    {
        w.Append(static_cast<uint32_t>(rb.drbToRelease.size() - 1), 5);
        for (uint8_t id : rb.drbToRelease)
        {
            w.Append(id - 1U, 5);
        }
    }
}

bool
ReadRadioBearerConfig(Decoder& d, NrSecurityRadioBearerConfig& rb)
{
    rb = NrSecurityRadioBearerConfig();
    if (!d.ReadZero("the RadioBearerConfig extension bit",
                    "RadioBearerConfig extension additions are not supported"))
    {
        return false;
    }
    std::vector<bool> p;
    if (!d.Presence({"srb-ToAddModList",
                     "srb3-ToRelease",
                     "drb-ToAddModList",
                     "drb-ToReleaseList",
                     "securityConfig"},
                    {true, false, true, true, false},
                    "RadioBearerConfig",
                    p))
    {
        return false;
    }
    uint32_t n = 0;
    uint32_t v = 0;
    if (p[0])
    {
        if (!d.ReadConstrained(1, 2, "srb-ToAddModList size", n))
        {
            return false;
        }
        for (uint32_t i = 0; i < n; ++i)
        {
            std::string at = "srb-ToAddModList[" + std::to_string(i) + "] ";
            if (!d.ReadZero(at + "extension bit",
                            at + "SRB-ToAddMod extension additions are not supported"))
            {
                return false;
            }
            std::vector<bool> s;
            if (!d.Presence({"reestablishPDCP", "discardOnPDCP", "pdcp-Config"},
                            {true, false, false},
                            at + "SRB-ToAddMod",
                            s)
                || !d.ReadConstrained(1, 3, at + "srb-Identity", v))
            {
                return false;
            }
            if (i == 0)
            {
                rb.srbReestablishPdcp = s[0];
            }
            else if (s[0] != rb.srbReestablishPdcp)
            {
                return d.Fail(at
                              + "SRB-ToAddMod: reestablishPDCP differs from the first SRB's: "
                                "not supported (one flag for all SRBs)");
            }
            rb.srbsToAdd.push_back(static_cast<uint8_t>(v));
        }
    }
    if (p[2])
    {
        if (!d.ReadConstrained(1, 29, "drb-ToAddModList size", n))
        {
            return false;
        }
        for (uint32_t i = 0; i < n; ++i)
        {
            NrSecurityDrbConfig drb;
            if (!ReadDrb(d, i, drb))
            {
                return false;
            }
            rb.drbsToAdd.push_back(drb);
        }
    }
    if (p[3])
    {
        if (!d.ReadConstrained(1, 29, "drb-ToReleaseList size", n))
        {
            return false;
        }
        for (uint32_t i = 0; i < n; ++i)
        {
            if (!d.ReadConstrained(1, 32, "drb-ToReleaseList DRB-Identity", v))
            {
                return false;
            }
            rb.drbToRelease.push_back(static_cast<uint8_t>(v));
        }
    }
    return true;
}

/*
 * CellGroupConfig ::= SEQUENCE { cellGroupId (0..3), rlc-BearerToAddModList SEQUENCE (SIZE
 *   (1..maxLC-ID = 32)) OF RLC-BearerConfig OPTIONAL, rlc-BearerToReleaseList OPTIONAL,
 *   mac-CellGroupConfig OPTIONAL, physicalCellGroupConfig OPTIONAL, spCellConfig OPTIONAL,
 *   sCellToAddModList OPTIONAL, sCellToReleaseList OPTIONAL, ... }
 * RLC-BearerConfig ::= SEQUENCE { logicalChannelIdentity (1..32), servedRadioBearer CHOICE {
 *   srb-Identity, drb-Identity } OPTIONAL, reestablishRLC OPTIONAL, rlc-Config OPTIONAL,
 *   mac-LogicalChannelConfig OPTIONAL, ... }
 */
std::vector<uint8_t>
EncodeMinimalCellGroupConfig(const std::vector<uint8_t>& srbs)
{
    NrSecurityUperWriter w;
    w.AppendBit(false);         // CellGroupConfig: no extension additions
    w.AppendBit(!srbs.empty()); // rlc-BearerToAddModList
    w.Append(0, 6);             // the other six OPTIONAL components absent
    w.Append(0, 2);             // cellGroupId 0
    if (!srbs.empty())
    {
        w.Append(static_cast<uint32_t>(srbs.size() - 1), 5);
        for (uint8_t srb : srbs)
        {
            w.AppendBit(false);    // RLC-BearerConfig: no extension additions
            w.AppendBit(true);     // servedRadioBearer present
            w.Append(0, 3);        // reestablishRLC, rlc-Config, mac-LogicalChannelConfig
            w.Append(srb - 1U, 5); // logicalChannelIdentity = the SRB identity
            w.AppendBit(false);    // servedRadioBearer: srb-Identity
            w.Append(srb - 1U, 2);
        }
    }
    return w.Bytes();
}

bool
CheckMinimalCellGroupConfig(Decoder& d,
                            const std::vector<uint8_t>& octets,
                            const std::vector<uint8_t>& srbs)
{
    Decoder c("masterCellGroup CellGroupConfig", octets.data(), octets.size());
    bool ok = [&]()
    {
        if (!c.CheckNotEmpty(octets.data(), octets.size())
            || !c.ReadZero("the extension bit", "extension additions are not supported"))
        {
            return false;
        }
        std::vector<bool> p;
        if (!c.Presence({"rlc-BearerToAddModList",
                         "rlc-BearerToReleaseList",
                         "mac-CellGroupConfig",
                         "physicalCellGroupConfig",
                         "spCellConfig",
                         "sCellToAddModList",
                         "sCellToReleaseList"},
                        {true, false, false, false, false, false, false},
                        "CellGroupConfig",
                        p))
        {
            return false;
        }
        uint32_t v = 0;
        if (!c.Read(2, "cellGroupId", v))
        {
            return false;
        }
        if (v != 0)
        {
            return c.Fail("cellGroupId " + std::to_string(v) + " is not 0 (the MCG)");
        }
        if (p[0] != !srbs.empty())
        {
            return c.Fail(std::string("rlc-BearerToAddModList is ") + (p[0] ? "present" : "absent")
                          + " but the radioBearerConfig adds " + std::to_string(srbs.size())
                          + " SRB(s): not supported");
        }
        if (!p[0])
        {
            return c.Finish();
        }
        uint32_t n = 0;
        if (!c.ReadConstrained(1, 32, "rlc-BearerToAddModList size", n))
        {
            return false;
        }
        if (n != srbs.size())
        {
            return c.Fail("rlc-BearerToAddModList has " + std::to_string(n)
                          + " entries, not one per SRB (" + std::to_string(srbs.size()) + ")");
        }
        for (uint32_t i = 0; i < n; ++i)
        {
            std::string at = "rlc-BearerToAddModList[" + std::to_string(i) + "] ";
            std::vector<bool> q;
            if (!c.ReadZero(at + "extension bit",
                            at + "RLC-BearerConfig extension additions are not supported")
                || !c.Presence({"servedRadioBearer",
                                "reestablishRLC",
                                "rlc-Config",
                                "mac-LogicalChannelConfig"},
                               {true, false, false, false},
                               at + "RLC-BearerConfig",
                               q))
            {
                return false;
            }
            if (!q[0])
            {
                return c.Fail(at + "servedRadioBearer is absent: not supported");
            }
            uint32_t lcid = 0;
            uint32_t choice = 0;
            uint32_t srb = 0;
            if (!c.ReadConstrained(1, 32, at + "logicalChannelIdentity", lcid)
                || !c.Read(1, at + "servedRadioBearer choice", choice))
            {
                return false;
            }
            if (choice != 0)
            {
                return c.Fail(at + "servedRadioBearer drb-Identity is not supported in RRCSetup");
            }
            if (!c.ReadConstrained(1, 3, at + "srb-Identity", srb))
            {
                return false;
            }
            if (srb != srbs[i] || lcid != srb)
            {
                return c.Fail(at + "serves SRB " + std::to_string(srb) + " on logical channel "
                              + std::to_string(lcid) + "; expected SRB " + std::to_string(srbs[i])
                              + " on logical channel " + std::to_string(srbs[i]));
            }
        }
        return c.Finish();
    }();
    return ok || d.Fail(c.Result().error);
}

} // namespace nrsecurityrrc
} // namespace ns3
