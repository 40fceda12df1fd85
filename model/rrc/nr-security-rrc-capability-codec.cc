// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * UE capability transfer (TS 38.331 5.6.1), DL-DCCH ueCapabilityEnquiry (c1 6) and UL-DCCH
 * ueCapabilityInformation (c1 9), under ITU-T X.691 UNALIGNED, written from the TS 38.331
 * ASN.1:
 *
 * UECapabilityEnquiry-IEs ::= SEQUENCE { ue-CapabilityRAT-RequestList,
 *   lateNonCriticalExtension OPTIONAL, ue-CapabilityEnquiryExt OPTIONAL }
 * UE-CapabilityRAT-RequestList ::= SEQUENCE (SIZE (1..maxRAT-CapabilityContainers = 8)) OF
 *   UE-CapabilityRAT-Request
 * UE-CapabilityRAT-Request ::= SEQUENCE { rat-Type RAT-Type, capabilityRequestFilter OCTET
 *   STRING OPTIONAL, ... }
 * RAT-Type ::= ENUMERATED { nr, eutra-nr, eutra, utra-fdd-v1610, ... }
 * UECapabilityInformation-IEs ::= SEQUENCE { ue-CapabilityRAT-ContainerList OPTIONAL,
 *   lateNonCriticalExtension OPTIONAL, nonCriticalExtension OPTIONAL }
 * UE-CapabilityRAT-ContainerList ::= SEQUENCE (SIZE (0..8)) OF UE-CapabilityRAT-Container
 * UE-CapabilityRAT-Container ::= SEQUENCE { rat-Type, ue-CapabilityRAT-Container OCTET
 *   STRING }
 * UE-NR-Capability (TS 38.331 6.3.3) ::= SEQUENCE { accessStratumRelease, pdcp-Parameters,
 *   rlc-Parameters OPTIONAL, mac-Parameters OPTIONAL, phy-Parameters, rf-Parameters,
 *   measAndMobParameters OPTIONAL, fdd-Add-UE-NR-Capabilities OPTIONAL,
 *   tdd-Add-UE-NR-Capabilities OPTIONAL, fr1-Add-UE-NR-Capabilities OPTIONAL,
 *   fr2-Add-UE-NR-Capabilities OPTIONAL, featureSets OPTIONAL, featureSetCombinations
 *   OPTIONAL, lateNonCriticalExtension OPTIONAL, nonCriticalExtension OPTIONAL }
 * AccessStratumRelease ::= ENUMERATED { rel15, rel16, rel17, rel18, spare4..spare1, ... }
 * PDCP-Parameters ::= SEQUENCE { supportedROHC-Profiles SEQUENCE { profile0x0000,
 *   profile0x0001, profile0x0002, profile0x0003, profile0x0004, profile0x0006,
 *   profile0x0101, profile0x0102, profile0x0103, profile0x0104: 10 BOOLEAN },
 *   maxNumberROHC-ContextSessions ENUMERATED (16 values), 6 OPTIONAL components, ... }
 * Phy-Parameters ::= SEQUENCE { 5 OPTIONAL components }
 * RF-Parameters ::= SEQUENCE { supportedBandListNR SEQUENCE (SIZE (1..maxBands = 1024)) OF
 *   BandNR, supportedBandCombinationList OPTIONAL, appliedFreqBandListFilter OPTIONAL, ... }
 * BandNR ::= SEQUENCE { bandNR FreqBandIndicatorNR (1..1024), 14 OPTIONAL components, ... }
 */
#include "nr-security-rrc-codec.h"

#include <stdexcept>

namespace ns3
{

using namespace nrsecurityrrc;

namespace
{

constexpr uint32_t DL_UE_CAPABILITY_ENQUIRY = 6;
constexpr uint32_t UL_UE_CAPABILITY_INFORMATION = 9;
constexpr size_t MAX_BANDS = 1024;
const char* const kRatTypeNames[4] = {"nr", "eutra-nr", "eutra", "utra-fdd-v1610"};
const char* const kReleaseNames[8]
    = {"rel15", "rel16", "rel17", "rel18", "spare4", "spare3", "spare2", "spare1"};

/// rat-Type: 1 extension bit and 2 bits of root index; we carry nr only.
bool
ReadRatTypeNr(Decoder& d, const std::string& field)
{
    uint32_t v = 0;
    if (!d.ReadZero(field + " extension bit",
                    field
                        + ": a value outside the root is not "
                          "supported")
        || !d.Read(2, field, v))
    {
        return false;
    }
    return v == 0 || d.Fail(field + " " + kRatTypeNames[v] + " is not supported (only nr)");
}

} // namespace

namespace nrsecurityrrc
{

std::vector<uint8_t>
EncodeMinimalUeNrCapability(const std::vector<uint16_t>& bands)
{
    if (bands.empty() || bands.size() > MAX_BANDS)
    {
        throw std::invalid_argument("bandsNr has " + std::to_string(bands.size())
                                    + " entries; supportedBandListNR allows 1..1024");
    }
    for (uint16_t b : bands)
    {
        if (b < 1 || b > 1024)
        {
            throw std::invalid_argument("bandsNr: band " + std::to_string(b)
                                        + " is out of range 1..1024 (FreqBandIndicatorNR)");
        }
    }
    NrSecurityUperWriter w;
    w.Append(0, 11);    // the 11 OPTIONAL components of UE-NR-Capability absent
    w.AppendBit(false); // accessStratumRelease: root value
    w.Append(0, 3);     // rel15
    w.AppendBit(false); // PDCP-Parameters: no extension additions
    w.Append(0, 6);     // its 6 OPTIONAL components absent
    w.Append(0, 10);    // supportedROHC-Profiles: every profile FALSE
    w.Append(0, 4);     // maxNumberROHC-ContextSessions cs2
    w.Append(0, 5);     // Phy-Parameters: its 5 OPTIONAL components absent
    w.AppendBit(false); // RF-Parameters: no extension additions
    w.Append(0, 2);     // supportedBandCombinationList, appliedFreqBandListFilter absent
    w.Append(static_cast<uint32_t>(bands.size() - 1), 10);
    for (uint16_t b : bands)
    {
        w.AppendBit(false);   // BandNR: no extension additions
        w.Append(0, 14);      // its 14 OPTIONAL components absent
        w.Append(b - 1U, 10); // bandNR
    }
    return w.Bytes();
}

bool
ReadMinimalUeNrCapability(Decoder& outer,
                          const std::vector<uint8_t>& octets,
                          std::vector<uint16_t>& bands)
{
    Decoder d("UE-NR-Capability", octets.data(), octets.size());
    bool ok = [&]()
    {
        std::vector<bool> p;
        uint32_t v = 0;
        if (!d.CheckNotEmpty(octets.data(), octets.size())
            || !d.Presence({"rlc-Parameters",
                            "mac-Parameters",
                            "measAndMobParameters",
                            "fdd-Add-UE-NR-Capabilities",
                            "tdd-Add-UE-NR-Capabilities",
                            "fr1-Add-UE-NR-Capabilities",
                            "fr2-Add-UE-NR-Capabilities",
                            "featureSets",
                            "featureSetCombinations",
                            "lateNonCriticalExtension",
                            "nonCriticalExtension"},
                           {},
                           "UE-NR-Capability",
                           p)
            || !d.ReadZero("accessStratumRelease extension bit",
                           "accessStratumRelease: a value outside the root is not supported")
            || !d.Read(3, "accessStratumRelease", v))
        {
            return false;
        }
        if (v != 0)
        {
            return d.Fail(std::string("accessStratumRelease ") + kReleaseNames[v]
                          + " is not supported (we send rel15)");
        }
        if (!d.ReadZero("pdcp-Parameters extension bit",
                        "pdcp-Parameters extension additions are not supported")
            || !d.Presence({"uplinkOnlyROHC-Profiles",
                            "continueROHC-Context",
                            "outOfOrderDelivery",
                            "shortSN",
                            "pdcp-DuplicationSRB",
                            "pdcp-DuplicationMCG-OrSCG-DRB"},
                           {},
                           "pdcp-Parameters",
                           p)
            || !d.Read(10, "supportedROHC-Profiles", v))
        {
            return false;
        }
        if (v != 0)
        {
            return d.Fail("supportedROHC-Profiles: a supported ROHC profile is not supported");
        }
        if (!d.Read(4, "maxNumberROHC-ContextSessions", v))
        {
            return false;
        }
        if (v != 0)
        {
            return d.Fail("maxNumberROHC-ContextSessions index " + std::to_string(v)
                          + " is not supported (we send cs2)");
        }
        if (!d.Presence({"phy-ParametersCommon",
                         "phy-ParametersXDD-Diff",
                         "phy-ParametersFRX-Diff",
                         "phy-ParametersFR1",
                         "phy-ParametersFR2"},
                        {},
                        "phy-Parameters",
                        p)
            || !d.ReadZero("rf-Parameters extension bit",
                           "rf-Parameters extension additions are not supported")
            || !d.Presence({"supportedBandCombinationList", "appliedFreqBandListFilter"},
                           {},
                           "rf-Parameters",
                           p))
        {
            return false;
        }
        uint32_t n = 0;
        if (!d.ReadConstrained(1, 1024, "supportedBandListNR size", n))
        {
            return false;
        }
        bands.clear();
        for (uint32_t i = 0; i < n; ++i)
        {
            std::string at = "supportedBandListNR[" + std::to_string(i) + "]";
            if (!d.ReadZero(at + " extension bit",
                            at
                                + ": BandNR extension additions are not "
                                  "supported")
                || !d.Read(14, at + " presence bits", v))
            {
                return false;
            }
            if (v != 0)
            {
                return d.Fail(at
                              + ": an OPTIONAL component of BandNR is present: not supported "
                                "(we send bandNR only)");
            }
            if (!d.ReadConstrained(1, 1024, at + " bandNR", v))
            {
                return false;
            }
            bands.push_back(static_cast<uint16_t>(v));
        }
        return d.Finish();
    }();
    return ok || outer.Fail("ue-CapabilityRAT-Container: " + d.Result().error);
}

bool
DecodeUeCapabilityEnquiryBody(Decoder& d)
{
    std::vector<bool> p;
    uint32_t n = 0;
    if (!d.Body("ueCapabilityEnquiry",
                true,
                {"lateNonCriticalExtension", "ue-CapabilityEnquiryExt"},
                {false, false},
                p)
        || !d.ReadConstrained(1, 8, "ue-CapabilityRAT-RequestList size", n))
    {
        return false;
    }
    if (n != 1)
    {
        return d.Fail("ue-CapabilityRAT-RequestList has " + std::to_string(n)
                      + " entries: not supported (we request nr only)");
    }
    return d.ReadZero("UE-CapabilityRAT-Request extension bit",
                      "UE-CapabilityRAT-Request extension additions are not supported")
           && d.Presence({"capabilityRequestFilter"}, {false}, "UE-CapabilityRAT-Request", p)
           && ReadRatTypeNr(d, "rat-Type") && d.Finish();
}

bool
DecodeUeCapabilityInformationBody(Decoder& d)
{
    std::vector<bool> p;
    uint32_t n = 0;
    if (!d.Body(
            "ueCapabilityInformation",
            true,
            {"ue-CapabilityRAT-ContainerList", "lateNonCriticalExtension", "nonCriticalExtension"},
            {true, false, false},
            p))
    {
        return false;
    }
    if (!p[0])
    {
        return d.Fail("ueCapabilityInformation: ue-CapabilityRAT-ContainerList is absent: not "
                      "supported");
    }
    if (!d.ReadConstrained(0, 8, "ue-CapabilityRAT-ContainerList size", n))
    {
        return false;
    }
    if (n != 1)
    {
        return d.Fail("ue-CapabilityRAT-ContainerList has " + std::to_string(n)
                      + " entries: not supported (we send one nr container)");
    }
    std::vector<uint8_t> container;
    return ReadRatTypeNr(d, "UE-CapabilityRAT-Container rat-Type")
           && d.ReadOctetString("ue-CapabilityRAT-Container", container)
           && ReadMinimalUeNrCapability(d, container, d.Result().supportedBandsNr) && d.Finish();
}

} // namespace nrsecurityrrc

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeUeCapabilityEnquiry(uint8_t transactionId)
{
    CheckTransactionId(transactionId);
    NrSecurityUperWriter w;
    w.AppendBit(false);                    // DL-DCCH-MessageType: c1
    w.Append(DL_UE_CAPABILITY_ENQUIRY, 4); // c1: ueCapabilityEnquiry
    w.Append(transactionId, 2);            // rrc-TransactionIdentifier
    w.AppendBit(false);                    // criticalExtensions: ueCapabilityEnquiry
    w.Append(0, 2);                        // lateNonCriticalExtension, ue-CapabilityEnquiryExt
    w.Append(0, 3);                        // ue-CapabilityRAT-RequestList: 1 entry
    w.AppendBit(false);                    // UE-CapabilityRAT-Request: no extension additions
    w.AppendBit(false);                    // capabilityRequestFilter absent
    w.AppendBit(false);                    // rat-Type: root value
    w.Append(0, 2);                        // nr
    return w.Bytes();
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeUeCapabilityInformation(uint8_t transactionId,
                                                    const std::vector<uint16_t>& bandsNr)
{
    CheckTransactionId(transactionId);
    std::vector<uint8_t> capability = EncodeMinimalUeNrCapability(bandsNr);
    NrSecurityUperWriter w;
    w.AppendBit(false);                        // UL-DCCH-MessageType: c1
    w.Append(UL_UE_CAPABILITY_INFORMATION, 4); // c1: ueCapabilityInformation
    w.Append(transactionId, 2);                // rrc-TransactionIdentifier
    w.AppendBit(false);                        // criticalExtensions: ueCapabilityInformation
    w.AppendBit(true);                         // ue-CapabilityRAT-ContainerList present
    w.Append(0, 2);                            // lateNonCriticalExtension, nonCritical... absent
    w.Append(1, 4);                            // SIZE (0..8): 1 container
    w.AppendBit(false);                        // rat-Type: root value
    w.Append(0, 2);                            // nr
    AppendOctetString(w, capability, "ue-CapabilityRAT-Container");
    return w.Bytes();
}

} // namespace ns3
