// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Python bindings (pybind11): PDCP data PDU protection and unprotection (TS 38.323), the
 * same operations as nr-security-calc pdcp-protect / pdcp-unprotect.
 */
#include "nr-security-python.h"
#include "ns3/nr-security-pdcp-pdu.h"

#include <algorithm>
#include <cctype>

namespace ns3
{
namespace nrsecpy
{

namespace
{

using namespace pybind11::literals;

std::string
Lower(std::string s)
{
    std::transform(s.begin(),
                   s.end(),
                   s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// None or an int in [0, max]; false for None.
bool
OptionalId(const py::object& value, const char* name, uint64_t max, uint32_t& id)
{
    if (value.is_none())
    {
        return false;
    }
    if (!PyLong_Check(value.ptr()))
    {
        throw py::type_error(std::string(name) + ": expected None or an int");
    }
    const std::string meaning = max == 255 ? "None: no SDAP header; 0..255: its value"
                                           : "None: not active; 0..3: the algorithm";
    id = static_cast<uint32_t>(
        ToUint(py::reinterpret_borrow<py::int_>(value), name, 0, max, meaning));
    return true;
}

/// The PDU format, security configuration and DIRECTION given by the keyword arguments.
struct PdcpSetup
{
    NrSecurityPdcpFormat format;
    NrSecurityPdcpSecurity security;
    uint8_t direction = 0;
};

PdcpSetup
ReadPdcp(const std::string& rb,
         const py::int_& rbId,
         const py::int_& snBits,
         const std::string& direction,
         const py::object& nea,
         const py::object& nia,
         const py::object& kEnc,
         const py::object& kInt,
         bool sdapHeader)
{
    PdcpSetup s;
    std::string type = Lower(rb);
    if (type != "srb" && type != "drb")
    {
        throw py::value_error("rb: '" + rb + "' is not 'srb' or 'drb'");
    }
    s.format.rbType = type == "srb" ? NrSecurityRbType::SRB : NrSecurityRbType::DRB;
    s.format.rbId = static_cast<uint8_t>(
        ToUint(rbId, "rb_id", 1, 32, "RB identity; BEARER = rb_id - 1, TS 33.501 D.2.1.1"));
    uint64_t sn = ToUint(snBits, "sn_bits", 12, 18, "12 or 18");
    if (sn != 12 && sn != 18)
    {
        throw py::value_error("sn_bits: " + std::to_string(sn) + " is not 12 or 18");
    }
    if (sn == 18 && s.format.rbType == NrSecurityRbType::SRB)
    {
        throw py::value_error("sn_bits: an SRB has a 12-bit SN (TS 38.323 6.2.2.1)");
    }
    s.format.snBits = static_cast<uint8_t>(sn);
    if (sdapHeader && s.format.rbType == NrSecurityRbType::SRB)
    {
        throw py::value_error("sdap_header: an SRB carries no SDAP header (only a DRB does)");
    }
    s.format.sdapHeader = sdapHeader;
    std::string dir = Lower(direction);
    if (dir != "ul" && dir != "dl")
    {
        throw py::value_error("direction: '" + direction + "' is not 'ul' or 'dl'");
    }
    s.direction = dir == "ul" ? 0 : 1;
    uint32_t id = 0;
    if (OptionalId(nia, "nia", 3, id))
    {
        if (kInt.is_none())
        {
            throw py::value_error("k_int: required (16 bytes) when nia is not None");
        }
        s.security.integrityActive = true;
        s.security.nia = NrSecurityAlgorithms::IntegrityFromId(id);
        s.security.kInt = ToKey<16>(kInt, "k_int");
        s.format.drbIntegrity = s.format.rbType == NrSecurityRbType::DRB;
    }
    if (OptionalId(nea, "nea", 3, id))
    {
        if (kEnc.is_none())
        {
            throw py::value_error("k_enc: required (16 bytes) when nea is not None");
        }
        s.security.cipheringActive = true;
        s.security.nea = NrSecurityAlgorithms::CipheringFromId(id);
        s.security.kEnc = ToKey<16>(kEnc, "k_enc");
    }
    s.format.Validate(); // backstop: std::invalid_argument -> ValueError
    return s;
}

py::dict
Unprotected(const py::object& count,
            const py::object& sdu,
            const py::object& sdapHeader,
            const py::object& discarded,
            const py::object& macI,
            const py::object& xMac)
{
    py::dict d;
    d["count"] = count;
    d["sdu"] = sdu;
    d["sdap_header"] = sdapHeader;
    d["discarded"] = discarded;
    d["mac_i"] = macI;
    d["x_mac"] = xMac;
    return d;
}

const char* const PDCP_COMMON_DOC = R"doc(
Common keyword arguments (all keyword-only):
  rb: "srb" or "drb". rb_id: the RB identity, 1..32 (BEARER = rb_id - 1).
  sn_bits: the PDCP SN length, 12 (default; the only choice for an SRB) or 18 (DRB).
  direction: "ul" (DIRECTION 0) or "dl" (DIRECTION 1), the direction of the PDU.
  nea: None (ciphering not active) or the ciphering algorithm 0..3; k_enc: its key
    (K_RRCenc or K_UPenc), 16 bytes, required when nea is not None.
  nia: None (integrity not active: an SRB then carries a MAC-I of four zero bytes that
    the receiver does not check, a DRB carries none) or the integrity algorithm 0..3;
    k_int: its key (K_RRCint or K_UPint), 16 bytes, required when nia is not None.
    A DRB carries a MAC-I exactly when nia is not None.)doc";

} // namespace

void
RegisterPdcp(py::module_& m)
{
    m.def(
        "pdcp_protect",
        [](const std::string& rb,
           const py::int_& rbId,
           const py::int_& snBits,
           const std::string& direction,
           const py::int_& count,
           const py::buffer& payload,
           const py::object& nea,
           const py::object& nia,
           const py::object& kEnc,
           const py::object& kInt,
           const py::object& sdapHeader)
        {
            uint32_t sdapValue = 0;
            bool sdap = OptionalId(sdapHeader, "sdap_header", 255, sdapValue);
            PdcpSetup s = ReadPdcp(rb, rbId, snBits, direction, nea, nia, kEnc, kInt, sdap);
            auto c = static_cast<uint32_t>(ToUint(
                count, "count", 0, 0xFFFFFFFF, "COUNT is 32 bits; its low SN bits are the SN"));
            std::vector<uint8_t> sdu;
            if (sdap)
            {
                sdu.push_back(static_cast<uint8_t>(sdapValue));
            }
            std::vector<uint8_t> data = ToBytes(payload, "payload");
            size_t max = NrSecurityPdcpPdu::MAX_SDU_BYTES - sdu.size();
            if (data.empty() || data.size() > max)
            {
                throw py::value_error("payload: " + std::to_string(data.size())
                                      + " bytes is outside 1.." + std::to_string(max)
                                      + " bytes (TS 38.323 4.3.1)");
            }
            sdu.insert(sdu.end(), data.begin(), data.end());
            std::vector<uint8_t> pdu;
            NrSecurityPdcpPdu::Protect(
                s.format, c, s.direction, s.security, sdu.data(), sdu.size(), pdu);
            return FromBytes(pdu);
        },
        py::kw_only(),
        "rb"_a,
        "rb_id"_a,
        "sn_bits"_a = 12,
        "direction"_a,
        "count"_a,
        "payload"_a,
        "nea"_a = py::none(),
        "nia"_a = py::none(),
        "k_enc"_a = py::none(),
        "k_int"_a = py::none(),
        "sdap_header"_a = py::none(),
        (std::string(R"doc(Builds a protected PDCP data PDU (TS 38.323 5.8, 5.9, 6.2.2).

Transmit order: the MAC-I is computed over the PDCP header and the SDU (SDAP header
included) with COUNT, BEARER = rb_id - 1 and DIRECTION; then the data after any SDAP header
and the MAC-I are ciphered; headers are never ciphered.

  count: the COUNT of the PDU, 0..2**32-1; its low sn_bits bits are the SN.
  payload: the SDU payload, bytes, 1..9000 (after any SDAP header).
  sdap_header: None, or (DRB only) the value 0..255 of a 1-byte SDAP header put before
    the payload (TS 37.324).
Returns the PDU bytes: header || [SDAP header] || data || [MAC-I], data and MAC-I ciphered.
Raises ValueError naming the parameter (rb, rb_id, sn_bits, direction, count, payload,
nea, nia, k_enc, k_int, sdap_header).
)doc") + PDCP_COMMON_DOC)
            .c_str());

    m.def(
        "pdcp_unprotect",
        [](const std::string& rb,
           const py::int_& rbId,
           const py::int_& snBits,
           const std::string& direction,
           const py::buffer& pduIn,
           const py::object& nea,
           const py::object& nia,
           const py::object& kEnc,
           const py::object& kInt,
           bool sdapHeader,
           const py::int_& rxDelivIn)
        {
            PdcpSetup s = ReadPdcp(rb, rbId, snBits, direction, nea, nia, kEnc, kInt, sdapHeader);
            uint64_t rxDeliv = ToUint(rxDelivIn,
                                      "rx_deliv",
                                      0,
                                      uint64_t(1) << 32,
                                      "RX_DELIV, TS 38.323 7.1; 2**32 once the last COUNT "
                                      "was delivered");
            std::vector<uint8_t> pdu = ToBytes(pduIn, "pdu");
            py::none none;
            NrSecurityPdcpHeader h
                = NrSecurityPdcpPdu::ParseHeader(s.format, pdu.data(), pdu.size());
            if (!h.valid)
            {
                return Unprotected(
                    none, none, none, py::str("malformed (" + h.reason + ")"), none, none);
            }
            if (h.control)
            {
                return Unprotected(none, none, none, py::str("control-pdu"), none, none);
            }
            int64_t rcvd = NrSecurityPdcpPdu::RcvdCount(s.format.snBits, rxDeliv, h.sn);
            if (rcvd < 0 || rcvd > 0xFFFFFFFFLL)
            {
                return Unprotected(none, none, none, py::str("out-of-window"), none, none);
            }
            auto count = static_cast<uint32_t>(rcvd);
            NrSecurityPdcpUnprotectResult r = NrSecurityPdcpPdu::Unprotect(
                s.format, count, s.direction, s.security, pdu.data(), pdu.size());
            py::object macI = none;
            py::object xMac = none;
            if (s.security.integrityActive)
            {
                macI = Be32(r.receivedMac);
                xMac = Be32(r.expectedMac);
            }
            if (r.status != NrSecurityPdcpUnprotectResult::OK)
            {
                return Unprotected(py::int_(count), none, none, py::str("integrity"), macI, xMac);
            }
            // TS 38.323 5.2.2.1: the window is checked after integrity verification.
            if (static_cast<uint64_t>(rcvd) < rxDeliv)
            {
                return Unprotected(none, none, none, py::str("out-of-window"), none, none);
            }
            size_t sdap = s.format.sdapHeader ? 1 : 0;
            py::object sdapValue = none;
            if (sdap)
            {
                sdapValue = py::int_(pdu[r.sduOffset]);
            }
            return Unprotected(py::int_(count),
                               FromBytes(pdu.data() + r.sduOffset + sdap, r.sduBytes - sdap),
                               sdapValue,
                               none,
                               macI,
                               xMac);
        },
        py::kw_only(),
        "rb"_a,
        "rb_id"_a,
        "sn_bits"_a = 12,
        "direction"_a,
        "pdu"_a,
        "nea"_a = py::none(),
        "nia"_a = py::none(),
        "k_enc"_a = py::none(),
        "k_int"_a = py::none(),
        "sdap_header"_a = false,
        "rx_deliv"_a = 0,
        (std::string(
             R"doc(Checks a received PDCP data PDU as a receiver would: parse the header,
derive RCVD_COUNT from RX_DELIV and the SN (TS 38.323 5.2.2.1), decipher, verify the
MAC-I (TS 38.323 5.8, 5.9).

  pdu: the PDU, bytes.
  sdap_header: True if the DRB's PDUs carry a 1-byte SDAP header.
  rx_deliv: the receiver's RX_DELIV, 0..2**32 (default 0).
Returns a dict with the keys
  count: RCVD_COUNT (int), or None if the PDU was discarded before deciphering;
  sdu: the SDU payload (bytes, after any SDAP header), or None if discarded;
  sdap_header: the SDAP header byte (int) for a DRB with sdap_header=True, else None;
  discarded: None if delivered, else the reason: "malformed (...)", "control-pdu",
    "integrity" (checked first, TS 38.323 5.2.2.1) or "out-of-window" (RCVD_COUNT <
    RX_DELIV: duplicate or too old); reserved header bits are ignored (TS 38.323 6.3.6);
  mac_i, x_mac: the received (deciphered) and the expected MAC-I, 4 bytes each, when
    integrity is active (nia not None), else None.
A discarded PDU is a result, not an error; ValueError is only raised for bad arguments
(rb, rb_id, sn_bits, direction, pdu, nea, nia, k_enc, k_int, sdap_header, rx_deliv).
)doc") + PDCP_COMMON_DOC)
            .c_str());
}

} // namespace nrsecpy
} // namespace ns3
