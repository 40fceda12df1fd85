// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The run report's page: HTML, inline CSS and JavaScript.
 */
#ifndef NR_SECURITY_REPORT_HTML_H
#define NR_SECURITY_REPORT_HTML_H

#include "ns3/nr-security-pdcp-pdu.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief One RRC message of the report's UE as one side sent or received it (RrcMessage
 *        trace), or an NGAP message of the AMF.
 */
struct NrSecurityReportMessage
{
    double timeMs = 0;          ///< simulation time in ms
    std::string from;           ///< "UE", "gNB" or "AMF"
    std::string to;             ///< the peer
    std::string name;           ///< e.g. "securityModeCommand"
    std::vector<uint8_t> bytes; ///< the RRC message (the PDCP SDU of an SRB1-3 PDU)
    std::string bearer;         ///< "SRB0".."SRB3", "N2"
    std::string protection;     ///< "none", "integrity", "integrity+ciphering"
    bool received = false;      ///< the peer received it
    double rxTimeMs = 0;        ///< when (received only)
};

/**
 * \ingroup nr-security
 * \brief One event of the report's timeline: an SmcStep (26-33), a key derivation, a state
 *        change, a connection event, or a failure.
 */
struct NrSecurityReportEvent
{
    double timeMs = 0;    ///< simulation time in ms
    std::string side;     ///< "UE", "gNB", "AMF", "air"
    std::string kind;     ///< "SmcStep", "KeyDerived", "SecurityModeFailure", ...
    uint32_t step = 0;    ///< the call-flow step (SmcStep, KeyDerived), else 0
    std::string text;     ///< what happened
    bool failure = false; ///< highlighted: integrity failure, SecurityModeFailure, release, discard
};

/**
 * \ingroup nr-security
 * \brief One edge of the key hierarchy: a key derived from its parent, with the KDF inputs.
 */
struct NrSecurityReportKey
{
    std::string name;   ///< "K_AMF", "K_gNB", "K_RRCint", ...
    std::string parent; ///< the key it was derived from (empty for K_AMF)
    std::string hex;    ///< the key, lowercase hex
    std::string side;   ///< who derived it, when: "gNB1 at 9.001 ms (step 26), UE at ..."
    double timeMs = 0;  ///< when
    uint32_t step = 0;  ///< call-flow step of the UE's derivation
    std::string clause; ///< e.g. "TS 33.501 A.9"
    /// the KDF inputs as the spec names them (FC, P0, L0, ..., S), one "NAME = HEX  # note"
    /// per line (NrSecurityExplain), empty if they could not be reconstructed
    std::string inputs;
    uint32_t epoch = 0; ///< 0 for the first K_gNB and its keys, then 1, 2, ... (key changes)
};

/**
 * \ingroup nr-security
 * \brief One PDCP PDU of the report's UE at one end (PduEvent trace), with its bytes split
 *        and its SDU in clear.
 */
struct NrSecurityReportPdu
{
    double timeMs = 0;               ///< simulation time in ms
    std::string side;                ///< "UE" or "gNB"
    std::string rb;                  ///< "SRB1".."SRB3", "DRB1".."DRB32"
    bool uplink = true;              ///< DIRECTION 0
    bool snKnown = false;            ///< SN parsed
    uint32_t sn = 0;                 ///< PDCP SN
    bool countKnown = false;         ///< COUNT known
    uint32_t count = 0;              ///< COUNT = HFN || SN
    uint8_t bearer = 0;              ///< BEARER = RB identity - 1
    bool ciphered = false;           ///< NEA1-3 applied / applies
    bool integrity = false;          ///< NIA1-3 computed / verified by PDCP
    bool macIPresent = false;        ///< the PDU has a MAC-I field
    uint32_t macI = 0;               ///< the MAC-I in clear
    std::string outcome;             ///< "transmitted", "delivered", "discarded:<reason>"
    bool failure = false;            ///< discarded
    std::vector<uint8_t> pdu;        ///< the PDU as on the air
    size_t headerBytes = 0;          ///< PDCP header bytes at the start of pdu
    size_t sdapBytes = 0;            ///< SDAP header bytes after it (never ciphered)
    size_t macBytes = 0;             ///< MAC-I bytes at the end (4 or 0)
    bool plainKnown = false;         ///< plain holds the SDU in clear
    std::vector<uint8_t> plain;      ///< data (after any SDAP header) || MAC-I, in clear
    std::string what;                ///< the RRC message name (SRBs), or an IPv4 summary (DRBs)
    NrSecurityPdcpSecurity security; ///< the keys and algorithms in force for it
    bool xmacKnown = false;          ///< xmac was computed
    uint32_t xmac = 0;               ///< MAC-I recomputed over header || SDU with security.kInt
    std::string xmacNote;            ///< how the X-MAC was obtained
};

/**
 * \ingroup nr-security
 * \brief Everything the report page shows for one UE of one run.
 */
struct NrSecurityReport
{
    std::string title;                             ///< e.g. "nr-security run report: UE 1"
    uint32_t ueId = 0;                             ///< the UE
    std::string summary;                           ///< one line: algorithms, outcome
    std::vector<NrSecurityReportMessage> messages; ///< in time order
    std::vector<NrSecurityReportEvent> events;     ///< in time order
    std::vector<NrSecurityReportKey> keys;         ///< in derivation order, parents first
    std::vector<NrSecurityReportPdu> pdus;         ///< in time order
};

/**
 * \ingroup nr-security
 * \brief Writes the run report as one self-contained HTML5 page: inline CSS and JavaScript,
 *        the sequence chart as inline SVG, no reference to any other file or network
 *        resource (no src or href attribute but "#..." anchors).
 *
 * Sections: the sequence chart (UE, gNB, AMF; lost messages dashed and crossed), steps 26-33
 * with their times and clauses (NrSecuritySmcStep), the key hierarchy (K_AMF -> K_gNB ->
 * algorithm keys, the KDF inputs on each edge; key bytes hidden until "Show keys"), the PDU
 * table (one row per PDU and end, id "pdu-N", N from 1; a click shows the bytes split into
 * header / ciphered part / MAC-I, the SDU in clear, the recomputed MAC-I and the
 * nr-security-calc commands that redo both), and the failures. Opening the page with
 * "#click=pdu-N" clicks row N on load, "#click=pdu-N&keys" also shows the keys (for scripted
 * checks and screenshots). Printable (@media print: every section, no buttons).
 * \param out the stream
 * \param report the content
 */
void NrSecurityWriteReportHtml(std::ostream& out, const NrSecurityReport& report);

/**
 * \ingroup nr-security
 * \param text any text
 * \return the text with & < > " ' escaped for HTML content and attribute values
 */
std::string NrSecurityHtmlEscape(const std::string& text);

} // namespace ns3

#endif // NR_SECURITY_REPORT_HTML_H
