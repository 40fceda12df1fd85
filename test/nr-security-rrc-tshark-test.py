#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Wireshark's nr-rrc dissector as a referee of our TS 38.331 UPER encodings (issue 9 and
the issue-10 mobility messages).

Every entry of test/data/rrc-messages-uper.json (the exact bytes of NrSecurityRrcMessage; the
C++ suite nr-security-rrc-messages checks that the encoder still produces them) is written into
a pcap of link type 252 (WIRESHARK_UPPER_PDU, "exported PDU": a dissector-name tag
"nr-rrc.dl.ccch", "nr-rrc.ul.ccch", "nr-rrc.dl.dcch" or "nr-rrc.ul.dcch" per the entry's
channel, then the RRC message), one frame per entry, and read with tshark -T pdml. For each
frame it checks:
 - the frame is dissected as the entry's channel (nr-rrc.<Channel>_Message_element) and as the
   message meant (nr-rrc.<message>_element, e.g. nr-rrc.rrcSetupRequest_element);
 - no malformed packet, no expert info of any severity;
 - the key field values tshark decodes are those of the entry's params: transaction id,
   ue-Identity and establishmentCause, waitTime, selectedPLMN-Identity, the NAS octets, the
   SRB and DRB identities, logical channels of the masterCellGroup, pdu-Session, QFIs, SDAP
   headers, PDCP SN sizes, integrityProtection, cipheringDisabled, discardTimer /
   t-Reordering (ms100), rat-Type nr, the supportedBandListNR bands; issue 10: reestablishPDCP,
   drb-ToReleaseList, reconfigurationWithSync (physCellId, absoluteFrequencySSB, band, point
   A, newUE-Identity, t304), masterKeyUpdate, MeasResults (measId, PCIs, RSRP-Range of TS
   38.133 10.1.6.1), c-RNTI / physCellId / shortMAC-I / cause, NCC, fullI-RNTI /
   shortI-RNTI / ran-PagingCycle, resumeIdentity / resumeMAC-I / resumeCause.
tshark 4.0 (Debian 12) is enough. Without tshark the test prints a SKIP line, unless the
environment variable CI is set: then a missing tshark is a failure. The last line is
"N passed, M failed"; the exit status is 1 if anything failed."""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

from nr_security_tshark import check, check_eq, finish, parse_pdml

HERE = os.path.dirname(os.path.abspath(__file__))
DISSECTORS = {"DL-CCCH-Message": "nr-rrc.dl.ccch", "UL-CCCH-Message": "nr-rrc.ul.ccch",
              "DL-DCCH-Message": "nr-rrc.dl.dcch", "UL-DCCH-Message": "nr-rrc.ul.dcch"}
LINKTYPE_WIRESHARK_UPPER_PDU = 252
EXP_PDU_TAG_DISSECTOR_NAME = 12  # Wireshark epan/exported_pdu.h


def exported_pdu(dissector, data):
    """An exported-PDU record: the dissector-name tag (length includes the padding to 4
    octets), the end-of-options tag, the PDU."""
    name = dissector.encode()
    name += b"\0" * ((-len(name)) % 4)
    return struct.pack(">HH", EXP_PDU_TAG_DISSECTOR_NAME, len(name)) + name \
        + struct.pack(">HH", 0, 0) + data


def write_pcap(path, records):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535,
                            LINKTYPE_WIRESHARK_UPPER_PDU))
        for i, r in enumerate(records):
            f.write(struct.pack("<IIII", i, 0, len(r), len(r)) + r)


def values(pkt, field):
    """The 'show' values of every occurrence of nr-rrc.<field>, in order."""
    return [el.get("show") for el in pkt.get("nr-rrc." + field, [])]


def colon_hex(b):
    return ":".join(f"{x:02x}" for x in b)


T304_INDEX = {50: 0, 100: 1, 150: 2, 200: 3, 500: 4, 1000: 5, 2000: 6, 10000: 7}


def rsrp_index(dbm):
    """TS 38.133 Table 10.1.6.1-1 (RSRP_n: -157 + n <= SS-RSRP < -156 + n, clamped 0..126)."""
    import math
    return max(0, min(126, math.floor(dbm) + 157))


def mobility_fields(message, p):
    """The issue-10 fields: reconfigurationWithSync, masterKeyUpdate, reestablishPDCP,
    drb-ToReleaseList, MeasResults, ReestabUE-Identity, suspendConfig, resume request."""
    e = {}
    if message in ("rrcReconfiguration", "rrcResume"):
        srb = len(p.get("srbs", [])) if p.get("srbReestablishPdcp") else 0
        drb = sum(1 for d in p.get("drbs", []) if d.get("reestablishPdcp"))
        e["reestablishPDCP"] = ["0"] * (srb + drb)  # ENUMERATED {true}: index 0
        e["DRB_Identity"] = [str(d) for d in p.get("drbToRelease", [])]
    if message == "rrcReconfiguration":
        s = p.get("sync")
        e["absoluteFrequencySSB"] = [str(s["ssbArfcn"])] if s else []
        e["absoluteFrequencyPointA"] = [str(s["ssbArfcn"])] if s else []
        e["FreqBandIndicatorNR"] = [str(s["band"])] if s else []
        e["physCellId"] = [str(s["targetPci"])] if s else []
        e["newUE_Identity"] = [str(s["newUeIdentity"])] if s else []
        e["t304"] = [str(T304_INDEX[s["t304Ms"]])] if s else []
        e["carrierBandwidth"] = ["273"] if s else []
        e["subcarrierSpacing"] = ["1"] if s else []  # kHz30
        m = p.get("masterKeyUpdate")
        e["keySetChangeIndicator"] = ["1" if m["keySetChangeIndicator"] else "0"] if m else []
        e["nextHopChainingCount"] = [str(m["nextHopChainingCount"])] if m else []
    if message == "measurementReport":
        cells = [p["serving"]] + p.get("neighbours", [])
        e["measId"] = [str(p["measId"])]
        e["servCellId"] = ["0"]
        e["physCellId"] = [str(c["pci"]) for c in cells]
        e["measQuantityResults.rsrp"] = [str(rsrp_index(c["rsrpDbm"])) for c in cells]
    if message == "rrcReestablishmentRequest":
        e["c_RNTI"] = [str(p["cRnti"])]
        e["physCellId"] = [str(p["pci"])]
        e["shortMAC_I"] = [colon_hex(p["shortMacI"].to_bytes(2, "big"))]
        e["reestablishmentCause"] = [str(p["cause"])]
    if message == "rrcReestablishment":
        e["nextHopChainingCount"] = [str(p["ncc"])]
    if message == "rrcRelease" and "redirect" in p:
        r = p["redirect"]
        e["carrierFreq"] = [str(r["carrierFreq"])]
        e["ssbSubcarrierSpacing"] = [str([15, 30, 60, 120, 240].index(r["ssbSubcarrierSpacingKhz"]))]
    if message == "rrcRelease" and "suspend" in p:
        s = p["suspend"]
        e["fullI_RNTI"] = [colon_hex(s["fullIRnti"].to_bytes(5, "big"))]
        e["shortI_RNTI"] = [colon_hex(s["shortIRnti"].to_bytes(3, "big"))]
        e["ran_PagingCycle"] = [str({32: 0, 64: 1, 128: 2, 256: 3}[s["ranPagingCycle"]])]
        e["nextHopChainingCount"] = [str(s["ncc"])]
    if message == "rrcResumeRequest":
        e["resumeIdentity"] = [colon_hex(p["shortIRnti"].to_bytes(3, "big"))]
        e["resumeMAC_I"] = [colon_hex(p["resumeMacI"].to_bytes(2, "big"))]
        e["resumeCause"] = [str(p["cause"])]
    return e


def expected_fields(message, p):
    """field -> the list of values tshark must show (in order) for this entry."""
    e = {}
    if "tid" in p or message not in ("rrcSetupRequest", "rrcReject", "ulInformationTransfer",
                                     "measurementReport", "rrcReestablishmentRequest",
                                     "rrcResumeRequest"):
        e["rrc_TransactionIdentifier"] = [str(p.get("tid", 0))]
    e.update(mobility_fields(message, p))
    if message == "rrcSetupRequest":
        e["ue_Identity"] = ["0" if p["tmsiPart1"] else "1"]
        # the 39-bit BIT STRING, shown left-aligned in 5 octets
        ident = (p["identity39"] << 1).to_bytes(5, "big")
        e["ng_5G_S_TMSI_Part1" if p["tmsiPart1"] else "randomValue"] = [colon_hex(ident)]
        e["establishmentCause"] = [str(p["cause"])]
    if message == "rrcReject":
        e["waitTime"] = [str(p["waitTime"])] if "waitTime" in p else []
    if message in ("rrcSetup", "rrcReconfiguration") or (message == "rrcResume"
                                                         and p["rbConfig"]):
        srbs, drbs = p.get("srbs", []), p.get("drbs", [])
        e["srb_Identity"] = [str(s) for s in srbs]
        e["drb_Identity"] = [str(d["drbId"]) for d in drbs]
        e["pdu_Session"] = [str(d["pduSessionId"]) for d in drbs]
        e["QFI"] = [str(q) for d in drbs for q in d["qfis"]]
        e["sdap_HeaderDL"] = ["0" if d["sdapHeaderDl"] else "1" for d in drbs]  # 0 present
        e["sdap_HeaderUL"] = ["0" if d["sdapHeaderUl"] else "1" for d in drbs]
        e["defaultDRB"] = ["1" if d["defaultDrb"] else "0" for d in drbs]
        e["pdcp_SN_SizeUL"] = ["1" if d["snLengthBits"] == 18 else "0" for d in drbs]
        e["pdcp_SN_SizeDL"] = e["pdcp_SN_SizeUL"]
        e["integrityProtection"] = ["0" for d in drbs if d["integrityProtection"]]
        e["cipheringDisabled"] = ["0" for d in drbs if d["cipheringDisabled"]]
        e["discardTimer"] = ["7" for d in drbs]   # ms100
        e["t_Reordering"] = ["14" for d in drbs]  # ms100
        e["headerCompression"] = ["0" for d in drbs]  # notUsed
    if message == "rrcSetup":
        e["cellGroupId"] = ["0"]
        e["logicalChannelIdentity"] = [str(s) for s in p.get("srbs", [])]
        # srb-Identity again as the servedRadioBearer of each masterCellGroup RLC bearer
        e["srb_Identity"] += [str(s) for s in p.get("srbs", [])]
    if message in ("rrcSetupComplete", "dlInformationTransfer", "ulInformationTransfer"):
        nas = bytes.fromhex(p.get("nas_hex", ""))
        e["dedicatedNAS_Message"] = [colon_hex(nas)] if nas else []
    if message == "rrcSetupComplete":
        e["selectedPLMN_Identity"] = [str(p["selectedPlmn"])]
    if message in ("ueCapabilityEnquiry", "ueCapabilityInformation"):
        e["rat_Type"] = ["0"]  # nr
    if message == "ueCapabilityInformation":
        e["bandNR"] = [str(b) for b in p["bands"]]
        e["accessStratumRelease"] = ["0"]  # rel15
    return e


def main():
    tshark = shutil.which("tshark")
    if tshark is None:
        if os.environ.get("CI"):
            check("tshark is installed (CI)", False)
            return finish()
        print("SKIP: tshark not found")
        return 0
    with open(os.path.join(HERE, "data", "rrc-messages-uper.json")) as f:
        entries = json.load(f)["encodings"]
    with tempfile.TemporaryDirectory() as tmp:
        pcap = os.path.join(tmp, "rrc-messages.pcap")
        write_pcap(pcap, [exported_pdu(DISSECTORS[e["channel"]], bytes.fromhex(e["uper_hex"]))
                          for e in entries])
        env = dict(os.environ, WIRESHARK_CONFIG_DIR=tmp)
        out = subprocess.run([tshark, "-r", pcap, "-T", "pdml", "--disable-protocol", "nas-5gs"],
                             capture_output=True, text=True, env=env)
    check_eq("tshark exit status", out.returncode, 0)
    packets = parse_pdml(out.stdout)
    check_eq("one frame per encoding", len(packets), len(entries))
    for e, pkt in zip(entries, packets):
        label = f"{e['channel']} {e['message']} {e['uper_hex'][:32]} ({e.get('note', '')})"
        channel_el = "nr-rrc." + e["channel"].replace("-", "_") + "_element"
        check(label + ": dissected as " + e["channel"], channel_el in pkt,
              "fields: " + ", ".join(k for k in pkt if k.startswith("nr-rrc"))[:300])
        check(label + ": dissected as " + e["message"], f"nr-rrc.{e['message']}_element" in pkt)
        check(label + ": not malformed", "_ws.malformed" not in pkt)
        check_eq(label + ": expert infos", pkt["experts"], [])
        for field, want in expected_fields(e["message"], e["params"]).items():
            check_eq(f"{label}: {field}", values(pkt, field), want)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
