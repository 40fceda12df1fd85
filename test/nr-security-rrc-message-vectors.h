// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_RRC_MESSAGE_VECTORS_H
#define NR_SECURITY_RRC_MESSAGE_VECTORS_H

#include "ns3/nr-security-rrc-message.h"

#include <boost/property_tree/ptree.hpp>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace ns3
{
namespace nrsecuritytest
{

/**
 * \brief The "params" of an entry of test/data/rrc-messages-uper.json as encoder arguments,
 *        and the call of the matching NrSecurityRrcMessage encoder.
 *
 * Header-only (no ns-3 types), shared by nr-security-rrc-messages and by the generator that
 * wrote the file. Entry "message" is the TS 38.331 c1 name (rrcSetupRequest, rrcSetup, ...);
 * params hold: tid (rrc-TransactionIdentifier), tmsiPart1 / identity39 / cause
 * (rrcSetupRequest), waitTime (rrcReject; absent = no waitTime), selectedPlmn, nas_hex,
 * bands (array), srbs (array) and drbs (array of objects with the NrSecurityDrbConfig field
 * names; reestablishPdcp optional), srbReestablishPdcp and drbToRelease (array). Issue 10:
 * rrcReconfiguration sync {targetPci, ssbArfcn, newUeIdentity, t304Ms, band} and
 * masterKeyUpdate {keySetChangeIndicator, nextHopChainingCount} (each optional);
 * measurementReport measId, serving {pci, rsrpDbm}, neighbours [{pci, rsrpDbm}];
 * rrcReestablishmentRequest cRnti, pci, shortMacI, cause; rrcReestablishment tid, ncc;
 * rrcRelease suspend {fullIRnti, shortIRnti, ranPagingCycle, ncc} (optional);
 * rrcResumeRequest shortIRnti, resumeMacI, cause; rrcResume rbConfig (bool: radioBearerConfig
 * present, from srbs / drbs); rrcReestablishmentComplete, rrcResumeComplete tid. Issue 16:
 * rrcRelease redirect {carrierFreq, ssbSubcarrierSpacingKhz} (optional).
 */
struct RrcMessageParams
{
    /**
     * \brief Hex digits to bytes (no separators).
     * \param hex an even number of hex digits.
     * \return the bytes.
     */
    static std::vector<uint8_t> Bytes(const std::string& hex)
    {
        if (hex.size() % 2 != 0)
        {
            throw std::invalid_argument("odd hex length: " + hex);
        }
        std::vector<uint8_t> out;
        for (size_t i = 0; i < hex.size(); i += 2)
        {
            out.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
        }
        return out;
    }

    /**
     * \brief The values of an array child ("[1, 2]" in JSON: children with empty keys).
     * \param p the params.
     * \param key the array's key.
     * \return the values (empty when the key is missing).
     */
    template <typename T>
    static std::vector<T> Array(const boost::property_tree::ptree& p, const std::string& key)
    {
        std::vector<T> out;
        auto child = p.get_child_optional(key);
        if (child)
        {
            for (const auto& e : *child)
            {
                out.push_back(static_cast<T>(e.second.get_value<unsigned>()));
            }
        }
        return out;
    }

    /**
     * \brief The radio bearer configuration of params (srbs, drbs).
     * \param p the params.
     * \return the configuration.
     */
    static NrSecurityRadioBearerConfig RadioBearers(const boost::property_tree::ptree& p)
    {
        NrSecurityRadioBearerConfig rb;
        rb.srbsToAdd = Array<uint8_t>(p, "srbs");
        auto drbs = p.get_child_optional("drbs");
        if (drbs)
        {
            for (const auto& e : *drbs)
            {
                const auto& d = e.second;
                NrSecurityDrbConfig c;
                c.drbId = static_cast<uint8_t>(d.get<unsigned>("drbId"));
                c.pduSessionId = static_cast<uint8_t>(d.get<unsigned>("pduSessionId"));
                c.sdapHeaderUl = d.get<bool>("sdapHeaderUl");
                c.sdapHeaderDl = d.get<bool>("sdapHeaderDl");
                c.defaultDrb = d.get<bool>("defaultDrb");
                c.qfis = Array<uint8_t>(d, "qfis");
                c.snLengthBits = static_cast<uint8_t>(d.get<unsigned>("snLengthBits"));
                c.integrityProtection = d.get<bool>("integrityProtection");
                c.cipheringDisabled = d.get<bool>("cipheringDisabled");
                c.reestablishPdcp = d.get<bool>("reestablishPdcp", false);
                rb.drbsToAdd.push_back(c);
            }
        }
        rb.srbReestablishPdcp = p.get<bool>("srbReestablishPdcp", false);
        rb.drbToRelease = Array<uint8_t>(p, "drbToRelease");
        return rb;
    }

    /**
     * \brief The reconfigurationWithSync of params ("sync").
     * \param s the "sync" object.
     * \return the value.
     */
    static NrSecurityReconfigurationWithSync Sync(const boost::property_tree::ptree& s)
    {
        NrSecurityReconfigurationWithSync r;
        r.targetPci = static_cast<uint16_t>(s.get<unsigned>("targetPci"));
        r.ssbArfcn = s.get<uint32_t>("ssbArfcn");
        r.newUeIdentity = static_cast<uint16_t>(s.get<unsigned>("newUeIdentity"));
        r.t304Ms = static_cast<uint16_t>(s.get<unsigned>("t304Ms"));
        r.band = static_cast<uint16_t>(s.get<unsigned>("band"));
        return r;
    }

    /**
     * \brief The masterKeyUpdate of params ("masterKeyUpdate").
     * \param m the object.
     * \return the value.
     */
    static NrSecurityMasterKeyUpdate MasterKeyUpdate(const boost::property_tree::ptree& m)
    {
        NrSecurityMasterKeyUpdate r;
        r.keySetChangeIndicator = m.get<bool>("keySetChangeIndicator");
        r.nextHopChainingCount = static_cast<uint8_t>(m.get<unsigned>("nextHopChainingCount"));
        return r;
    }

    /**
     * \brief A {pci, rsrpDbm} object as a cell measurement.
     * \param c the object.
     * \return the measurement (cell.pci and rsrpDbm set).
     */
    static NrSecurityCellMeasurement Cell(const boost::property_tree::ptree& c)
    {
        NrSecurityCellMeasurement m;
        m.cell.pci = static_cast<uint16_t>(c.get<unsigned>("pci"));
        m.rsrpDbm = c.get<double>("rsrpDbm");
        return m;
    }

    /**
     * \brief The MeasResults of params (measId, serving, neighbours).
     * \param p the params.
     * \return the value.
     */
    static NrSecurityMeasResults MeasResults(const boost::property_tree::ptree& p)
    {
        NrSecurityMeasResults r;
        r.measId = static_cast<uint8_t>(p.get<unsigned>("measId"));
        r.serving = Cell(p.get_child("serving"));
        auto n = p.get_child_optional("neighbours");
        if (n)
        {
            for (const auto& e : *n)
            {
                r.neighbours.push_back(Cell(e.second));
            }
        }
        return r;
    }

    /**
     * \brief The suspendConfig of params ("suspend").
     * \param s the object.
     * \return the value.
     */
    static NrSecuritySuspendConfig Suspend(const boost::property_tree::ptree& s)
    {
        NrSecuritySuspendConfig r;
        r.fullIRnti = s.get<uint64_t>("fullIRnti");
        r.shortIRnti = s.get<uint32_t>("shortIRnti");
        r.ranPagingCycle = static_cast<uint16_t>(s.get<unsigned>("ranPagingCycle"));
        r.nextHopChainingCount = static_cast<uint8_t>(s.get<unsigned>("ncc"));
        return r;
    }

    /**
     * \brief The redirectedCarrierInfo of params ("redirect", issue 16).
     * \param s {carrierFreq, ssbSubcarrierSpacingKhz}
     * \return the value
     */
    static NrSecurityRedirectedCarrierInfo Redirect(const boost::property_tree::ptree& s)
    {
        NrSecurityRedirectedCarrierInfo r;
        r.carrierFreq = s.get<uint32_t>("carrierFreq");
        r.ssbSubcarrierSpacingKhz
            = static_cast<uint16_t>(s.get<unsigned>("ssbSubcarrierSpacingKhz"));
        return r;
    }

    /**
     * \brief Encodes an entry with our encoder.
     * \param message the c1 name.
     * \param p the params.
     * \return the encoding.
     * \throws std::invalid_argument for an unknown message (or what the encoder throws).
     */
    static std::vector<uint8_t> Encode(const std::string& message,
                                       const boost::property_tree::ptree& p)
    {
        using R = NrSecurityRrcMessage;
        auto tid = static_cast<uint8_t>(p.get<unsigned>("tid", 0));
        auto nas = Bytes(p.get<std::string>("nas_hex", ""));
        if (message == "rrcSetupRequest")
        {
            return R::EncodeRrcSetupRequest(p.get<bool>("tmsiPart1"),
                                            p.get<uint64_t>("identity39"),
                                            static_cast<uint8_t>(p.get<unsigned>("cause")));
        }
        if (message == "rrcSetup")
        {
            return R::EncodeRrcSetup(tid, RadioBearers(p));
        }
        if (message == "rrcReject")
        {
            auto wait = p.get_optional<unsigned>("waitTime");
            return R::EncodeRrcReject(bool(wait), static_cast<uint8_t>(wait ? *wait : 0));
        }
        if (message == "rrcSetupComplete")
        {
            return R::EncodeRrcSetupComplete(
                tid, static_cast<uint8_t>(p.get<unsigned>("selectedPlmn")), nas);
        }
        if (message == "ueCapabilityEnquiry")
        {
            return R::EncodeUeCapabilityEnquiry(tid);
        }
        if (message == "ueCapabilityInformation")
        {
            return R::EncodeUeCapabilityInformation(tid, Array<uint16_t>(p, "bands"));
        }
        if (message == "rrcReconfiguration")
        {
            auto sync = p.get_child_optional("sync");
            auto mku = p.get_child_optional("masterKeyUpdate");
            if (!sync && !mku)
            {
                return R::EncodeRrcReconfiguration(tid, RadioBearers(p));
            }
            NrSecurityReconfigurationWithSync s;
            NrSecurityMasterKeyUpdate m;
            if (sync)
            {
                s = Sync(*sync);
            }
            if (mku)
            {
                m = MasterKeyUpdate(*mku);
            }
            return R::EncodeRrcReconfiguration(
                tid, RadioBearers(p), sync ? &s : nullptr, mku ? &m : nullptr);
        }
        if (message == "measurementReport")
        {
            return R::EncodeMeasurementReport(MeasResults(p));
        }
        if (message == "rrcReestablishmentRequest")
        {
            return R::EncodeRrcReestablishmentRequest(
                static_cast<uint16_t>(p.get<unsigned>("cRnti")),
                static_cast<uint16_t>(p.get<unsigned>("pci")),
                static_cast<uint16_t>(p.get<unsigned>("shortMacI")),
                static_cast<uint8_t>(p.get<unsigned>("cause")));
        }
        if (message == "rrcReestablishment")
        {
            return R::EncodeRrcReestablishment(tid, static_cast<uint8_t>(p.get<unsigned>("ncc")));
        }
        if (message == "rrcReestablishmentComplete")
        {
            return R::EncodeRrcReestablishmentComplete(tid);
        }
        if (message == "rrcResumeRequest")
        {
            return R::EncodeRrcResumeRequest(p.get<uint32_t>("shortIRnti"),
                                             static_cast<uint16_t>(p.get<unsigned>("resumeMacI")),
                                             static_cast<uint8_t>(p.get<unsigned>("cause")));
        }
        if (message == "rrcResume")
        {
            NrSecurityRadioBearerConfig rb = RadioBearers(p);
            return R::EncodeRrcResume(tid, p.get<bool>("rbConfig") ? &rb : nullptr);
        }
        if (message == "rrcResumeComplete")
        {
            return R::EncodeRrcResumeComplete(tid);
        }
        if (message == "rrcReconfigurationComplete")
        {
            return R::EncodeRrcReconfigurationComplete(tid);
        }
        if (message == "dlInformationTransfer")
        {
            return R::EncodeDlInformationTransfer(tid, nas);
        }
        if (message == "ulInformationTransfer")
        {
            return R::EncodeUlInformationTransfer(nas);
        }
        if (message == "rrcRelease")
        {
            auto suspend = p.get_child_optional("suspend");
            auto redirect = p.get_child_optional("redirect");
            return suspend    ? R::EncodeRrcRelease(tid, Suspend(*suspend))
                   : redirect ? R::EncodeRrcRelease(tid, Redirect(*redirect))
                              : R::EncodeRrcRelease(tid);
        }
        throw std::invalid_argument("unknown message " + message);
    }

    /**
     * \brief Decodes with the decoder of a channel.
     * \param channel "DL-CCCH-Message", "UL-CCCH-Message", "DL-DCCH-Message" or
     *        "UL-DCCH-Message".
     * \param b the encoding.
     * \return the decoder's result.
     */
    static NrSecurityRrcDecoded Decode(const std::string& channel, const std::vector<uint8_t>& b)
    {
        using R = NrSecurityRrcMessage;
        if (channel == "DL-CCCH-Message")
        {
            return R::DecodeDlCcch(b.data(), b.size());
        }
        if (channel == "UL-CCCH-Message")
        {
            return R::DecodeUlCcch(b.data(), b.size());
        }
        if (channel == "DL-DCCH-Message")
        {
            return R::DecodeDlDcch(b.data(), b.size());
        }
        if (channel == "UL-DCCH-Message")
        {
            return R::DecodeUlDcch(b.data(), b.size());
        }
        throw std::invalid_argument("unknown channel " + channel);
    }
};

} // namespace nrsecuritytest
} // namespace ns3

#endif // NR_SECURITY_RRC_MESSAGE_VECTORS_H
