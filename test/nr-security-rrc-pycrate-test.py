#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: pycrate (an independent ASN.1 compiler / runtime with the TS 38.331 NR RRC
# definitions) as the referee of our UPER encodings (TS 38.331 6.2.1, 6.2.2; ITU-T X.691
# UNALIGNED).
#
# For every entry of test/data/rrc-messages-uper.json (the exact bytes of NrSecurityRrcMessage,
# issue 9 and the issue-10 mobility messages;
# the C++ suite nr-security-rrc-messages checks that our encoder still produces them) and of
# test/data/rrc-uper.json (the SMC messages):
#   1. pycrate decodes the bytes as the entry's channel (DL-CCCH-Message, UL-CCCH-Message,
#      DL-DCCH-Message, UL-DCCH-Message) without error and consumes them all;
#   2. the decoded value equals the value the entry's params mean, built here from the ASN.1
#      (not from our encoder): message, transaction id, every RadioBearerConfig field, the
#      masterCellGroup CellGroupConfig, the UE-NR-Capability in the container, the NAS octets,
#      reconfigurationWithSync, masterKeyUpdate, MeasResults (RSRP-Range from the dBm value by
#      TS 38.133 10.1.6.1), ReestabUE-Identity, suspendConfig, resumeIdentity / resumeMAC-I;
#   3. pycrate re-encodes the decoded value to exactly the same bytes, and encoding the value
#      the params mean gives those bytes too.
# pycrate must be installed (the Makefile's venv rule: build/venv with a pinned pycrate); this
# test FAILS, never skips, without it.
#
# Usage: nr-security-rrc-pycrate-test.py [--python PATH]   (PATH: the venv's python3; the
# script re-runs itself under it)

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")


def reexec_under(python):
    """Runs this script under the given interpreter (the venv's) unless it already is."""
    if os.environ.get("NR_SECURITY_PYCRATE_REEXEC"):
        return
    if not os.path.exists(python):
        print(f"FAIL: the pycrate interpreter {python} does not exist: create the virtual "
              f"environment with `make venv` (python3 -m venv build/venv and the pinned "
              f"pycrate; needs Debian python3-venv), or configure "
              f"-DNR_SECURITY_PYCRATE_PYTHON=<a python3 with pycrate>")
        sys.exit(1)
    os.environ["NR_SECURITY_PYCRATE_REEXEC"] = "1"
    os.execv(python, [python, os.path.abspath(__file__)])


if len(sys.argv) == 3 and sys.argv[1] == "--python":
    reexec_under(sys.argv[2])

try:
    from pycrate_asn1dir import RRCNR
except ImportError as e:
    print(f"FAIL: pycrate is not installed for {sys.executable} ({e}): run `make venv` "
          f"(build/venv with the pinned pycrate)")
    sys.exit(1)

D = RRCNR.NR_RRC_Definitions
failures = []
checks = 0


def check(what, cond, detail=""):
    global checks
    checks += 1
    if not cond:
        failures.append(f"{what}: {detail}")


# --- the values the params mean (TS 38.331 ASN.1 value notation, as pycrate represents it) ---

CAUSES = ["emergency", "highPriorityAccess", "mt-Access", "mo-Signalling", "mo-Data",
          "mo-VoiceCall", "mo-VideoCall", "mo-SMS", "mps-PriorityAccess", "mcs-PriorityAccess"]


def drb_value(d):
    sdap = {"pdu-Session": d["pduSessionId"],
            "sdap-HeaderDL": "present" if d["sdapHeaderDl"] else "absent",
            "sdap-HeaderUL": "present" if d["sdapHeaderUl"] else "absent",
            "defaultDRB": d["defaultDrb"]}
    if d["qfis"]:
        sdap["mappedQoS-FlowsToAdd"] = list(d["qfis"])
    sn = "len18bits" if d["snLengthBits"] == 18 else "len12bits"
    drb = {"discardTimer": "ms100", "pdcp-SN-SizeUL": sn, "pdcp-SN-SizeDL": sn,
           "headerCompression": ("notUsed", 0)}
    if d["integrityProtection"]:
        drb["integrityProtection"] = "enabled"
    pdcp = {"drb": drb, "t-Reordering": "ms100"}
    if d["cipheringDisabled"]:
        pdcp["cipheringDisabled"] = "true"
    value = {"cnAssociation": ("sdap-Config", sdap), "drb-Identity": d["drbId"]}
    if d.get("reestablishPdcp"):
        value["reestablishPDCP"] = "true"
    value["pdcp-Config"] = pdcp
    return value


def radio_bearer_config(p):
    rb = {}
    if p.get("srbs"):
        srb = [{"srb-Identity": s} for s in p["srbs"]]
        if p.get("srbReestablishPdcp"):
            for s in srb:
                s["reestablishPDCP"] = "true"
        rb["srb-ToAddModList"] = srb
    if p.get("drbs"):
        rb["drb-ToAddModList"] = [drb_value(d) for d in p["drbs"]]
    if p.get("drbToRelease"):
        rb["drb-ToReleaseList"] = list(p["drbToRelease"])
    return rb


T304 = {50: "ms50", 100: "ms100", 150: "ms150", 200: "ms200", 500: "ms500", 1000: "ms1000",
        2000: "ms2000", 10000: "ms10000"}
RESUME_CAUSES = CAUSES[:8] + ["rna-Update", "mps-PriorityAccess", "mcs-PriorityAccess"]
REESTABLISHMENT_CAUSES = ["reconfigurationFailure", "handoverFailure", "otherFailure"]


def sync_cell_group_config(s):
    """The masterCellGroup of a handover (see NrSecurityReconfigurationWithSync)."""
    fdl = {"absoluteFrequencySSB": s["ssbArfcn"], "frequencyBandList": [s["band"]],
           "absoluteFrequencyPointA": s["ssbArfcn"],
           "scs-SpecificCarrierList": [{"offsetToCarrier": 0, "subcarrierSpacing": "kHz30",
                                        "carrierBandwidth": 273}]}
    common = {"physCellId": s["targetPci"], "downlinkConfigCommon": {"frequencyInfoDL": fdl},
              "dmrs-TypeA-Position": "pos2", "ss-PBCH-BlockPower": 0}
    sync = {"spCellConfigCommon": common, "newUE-Identity": s["newUeIdentity"],
            "t304": T304[s["t304Ms"]]}
    return {"cellGroupId": 0, "spCellConfig": {"reconfigurationWithSync": sync}}


def rsrp_index(dbm):
    """TS 38.133 Table 10.1.6.1-1: RSRP_0 below -156 dBm, RSRP_n: -157 + n <= SS-RSRP < -156 + n,
    RSRP_126 from -31 dBm."""
    import math
    return max(0, min(126, math.floor(dbm) + 157))


def meas_result_nr(c):
    return {"physCellId": c["pci"],
            "measResult": {"cellResults": {"resultsSSB-Cell": {"rsrp": rsrp_index(c["rsrpDbm"])}}}}


def mobility_value(message, p):
    """The pycrate value of an issue-10 message, or None for another message."""
    tid = p.get("tid", 0)

    def dcch(name, ies):
        return {"message": ("c1", (name, {"rrc-TransactionIdentifier": tid,
                                          "criticalExtensions": (name, ies)}))}
    if message == "rrcReconfiguration" and ("sync" in p or "masterKeyUpdate" in p):
        ext = {}
        if "sync" in p:
            ext["masterCellGroup"] = ("CellGroupConfig", sync_cell_group_config(p["sync"]))
        if "masterKeyUpdate" in p:
            m = p["masterKeyUpdate"]
            ext["masterKeyUpdate"] = {"keySetChangeIndicator": m["keySetChangeIndicator"],
                                      "nextHopChainingCount": m["nextHopChainingCount"]}
        return dcch("rrcReconfiguration", {"radioBearerConfig": radio_bearer_config(p),
                                           "nonCriticalExtension": ext})
    if message == "measurementReport":
        res = {"measId": p["measId"],
               "measResultServingMOList": [{"servCellId": 0,
                                            "measResultServingCell": meas_result_nr(p["serving"])}]}
        if p.get("neighbours"):
            res["measResultNeighCells"] = ("measResultListNR",
                                           [meas_result_nr(c) for c in p["neighbours"]])
        return {"message": ("c1", ("measurementReport", {
            "criticalExtensions": ("measurementReport", {"measResults": res})}))}
    if message == "rrcReestablishmentRequest":
        ies = {"ue-Identity": {"c-RNTI": p["cRnti"], "physCellId": p["pci"],
                               "shortMAC-I": (p["shortMacI"], 16)},
               "reestablishmentCause": REESTABLISHMENT_CAUSES[p["cause"]], "spare": (0, 1)}
        return {"message": ("c1", ("rrcReestablishmentRequest", {"rrcReestablishmentRequest": ies}))}
    if message == "rrcReestablishment":
        return dcch("rrcReestablishment", {"nextHopChainingCount": p["ncc"]})
    if message in ("rrcReestablishmentComplete", "rrcResumeComplete"):
        return dcch(message, {})
    if message == "rrcRelease" and "redirect" in p:
        r = p["redirect"]
        carrier = {"carrierFreq": r["carrierFreq"],
                   "ssbSubcarrierSpacing": f"kHz{r['ssbSubcarrierSpacingKhz']}"}
        return dcch("rrcRelease", {"redirectedCarrierInfo": ("nr", carrier)})
    if message == "rrcRelease" and "suspend" in p:
        s = p["suspend"]
        sc = {"fullI-RNTI": (s["fullIRnti"], 40), "shortI-RNTI": (s["shortIRnti"], 24),
              "ran-PagingCycle": f"rf{s['ranPagingCycle']}", "nextHopChainingCount": s["ncc"]}
        return dcch("rrcRelease", {"suspendConfig": sc})
    if message == "rrcResumeRequest":
        ies = {"resumeIdentity": (p["shortIRnti"], 24), "resumeMAC-I": (p["resumeMacI"], 16),
               "resumeCause": RESUME_CAUSES[p["cause"]], "spare": (0, 1)}
        return {"message": ("c1", ("rrcResumeRequest", {"rrcResumeRequest": ies}))}
    if message == "rrcResume":
        return dcch("rrcResume", {"radioBearerConfig": radio_bearer_config(p)}
                    if p["rbConfig"] else {})
    return None


def cell_group_config(srbs):
    cg = {"cellGroupId": 0}
    if srbs:
        cg["rlc-BearerToAddModList"] = [
            {"logicalChannelIdentity": s, "servedRadioBearer": ("srb-Identity", s)} for s in srbs]
    return cg


def ue_nr_capability(bands):
    profiles = ["profile0x0000", "profile0x0001", "profile0x0002", "profile0x0003",
                "profile0x0004", "profile0x0006", "profile0x0101", "profile0x0102",
                "profile0x0103", "profile0x0104"]
    return {"accessStratumRelease": "rel15",
            "pdcp-Parameters": {"supportedROHC-Profiles": {k: False for k in profiles},
                                "maxNumberROHC-ContextSessions": "cs2"},
            "phy-Parameters": {},
            "rf-Parameters": {"supportedBandListNR": [{"bandNR": b} for b in bands]}}


def nas_ies(p):
    nas = bytes.fromhex(p.get("nas_hex", ""))
    return {"dedicatedNAS-Message": nas} if nas else {}


def expected_value(message, p, capability_bytes):
    """The pycrate value of the whole message; capability_bytes: the container octets."""
    tid = p.get("tid", 0)
    mobility = mobility_value(message, p)
    if mobility is not None:
        return mobility
    if message == "rrcSetupRequest":
        ident = ("ng-5G-S-TMSI-Part1" if p["tmsiPart1"] else "randomValue", (p["identity39"], 39))
        ies = {"ue-Identity": ident, "establishmentCause": CAUSES[p["cause"]], "spare": (0, 1)}
        return {"message": ("c1", ("rrcSetupRequest", {"rrcSetupRequest": ies}))}
    if message == "rrcSetup":
        ies = {"radioBearerConfig": radio_bearer_config(p),
               "masterCellGroup": ("CellGroupConfig", cell_group_config(p.get("srbs", [])))}
        return {"message": ("c1", ("rrcSetup", {"rrc-TransactionIdentifier": tid,
                                                "criticalExtensions": ("rrcSetup", ies)}))}
    if message == "rrcReject":
        ies = {"waitTime": p["waitTime"]} if "waitTime" in p else {}
        return {"message": ("c1", ("rrcReject", {"criticalExtensions": ("rrcReject", ies)}))}
    if message == "rrcSetupComplete":
        ies = {"selectedPLMN-Identity": p["selectedPlmn"],
               "dedicatedNAS-Message": bytes.fromhex(p["nas_hex"])}
        return {"message": ("c1", ("rrcSetupComplete", {
            "rrc-TransactionIdentifier": tid,
            "criticalExtensions": ("rrcSetupComplete", ies)}))}
    if message == "ueCapabilityEnquiry":
        ies = {"ue-CapabilityRAT-RequestList": [{"rat-Type": "nr"}]}
        return {"message": ("c1", ("ueCapabilityEnquiry", {
            "rrc-TransactionIdentifier": tid,
            "criticalExtensions": ("ueCapabilityEnquiry", ies)}))}
    if message == "ueCapabilityInformation":
        ies = {"ue-CapabilityRAT-ContainerList": [
            {"rat-Type": "nr", "ue-CapabilityRAT-Container": capability_bytes}]}
        return {"message": ("c1", ("ueCapabilityInformation", {
            "rrc-TransactionIdentifier": tid,
            "criticalExtensions": ("ueCapabilityInformation", ies)}))}
    if message == "rrcReconfiguration":
        ies = {"radioBearerConfig": radio_bearer_config(p)}
        return {"message": ("c1", ("rrcReconfiguration", {
            "rrc-TransactionIdentifier": tid,
            "criticalExtensions": ("rrcReconfiguration", ies)}))}
    if message == "rrcReconfigurationComplete":
        return {"message": ("c1", ("rrcReconfigurationComplete", {
            "rrc-TransactionIdentifier": tid,
            "criticalExtensions": ("rrcReconfigurationComplete", {})}))}
    if message == "dlInformationTransfer":
        return {"message": ("c1", ("dlInformationTransfer", {
            "rrc-TransactionIdentifier": tid,
            "criticalExtensions": ("dlInformationTransfer", nas_ies(p))}))}
    if message == "ulInformationTransfer":
        return {"message": ("c1", ("ulInformationTransfer", {
            "criticalExtensions": ("ulInformationTransfer", nas_ies(p))}))}
    if message == "rrcRelease":
        return {"message": ("c1", ("rrcRelease", {
            "rrc-TransactionIdentifier": tid, "criticalExtensions": ("rrcRelease", {})}))}
    raise ValueError(f"unknown message {message}")


def pdu_type(channel):
    return getattr(D, channel.replace("-", "_"))


def referee(label, channel, data, expected):
    """Steps 1-3 of the file comment for one encoding."""
    t = pdu_type(channel)
    try:
        t.from_uper(data)
    except Exception as e:  # pycrate raises its own error classes
        check(label, False, f"pycrate cannot decode {data.hex()} as {channel}: {e}")
        return None
    got = t.get_val()
    check(label + ": decoded value", got == expected,
          f"pycrate decoded\n{got}\nexpected\n{expected}")
    again = t.to_uper()
    check(label + ": pycrate re-encodes the decoded value", again == data,
          f"{again.hex()} != {data.hex()}")
    t.set_val(expected)
    mine = t.to_uper()
    check(label + ": pycrate encodes the meant value", mine == data,
          f"{mine.hex()} != {data.hex()}")
    return got


def main():
    with open(os.path.join(DATA, "rrc-messages-uper.json")) as f:
        doc = json.load(f)
    seen = set()
    for e in doc["encodings"]:
        message, channel, p = e["message"], e["channel"], e["params"]
        data = bytes.fromhex(e["uper_hex"])
        label = f"{channel} {message} {e['uper_hex'][:40]} ({e.get('note', '')})"
        seen.add(message)
        capability = b""
        if message == "ueCapabilityInformation":
            # the container is an OCTET STRING without CONTAINING: decode it on its own
            t = pdu_type(channel)
            t.from_uper(data)
            ies = t.get_val()["message"][1][1]["criticalExtensions"][1]
            capability = ies["ue-CapabilityRAT-ContainerList"][0]["ue-CapabilityRAT-Container"]
            cap = D.UE_NR_Capability
            try:
                cap.from_uper(capability)
                check(label + ": UE-NR-Capability", cap.get_val() == ue_nr_capability(p["bands"]),
                      f"{cap.get_val()}")
                check(label + ": UE-NR-Capability re-encodes", cap.to_uper() == capability,
                      cap.to_uper().hex())
            except Exception as ex:
                check(label, False, f"pycrate cannot decode the UE-NR-Capability: {ex}")
        referee(label, channel, data, expected_value(message, p, capability))
    wanted = {"rrcSetupRequest", "rrcSetup", "rrcReject", "rrcSetupComplete",
              "ueCapabilityEnquiry", "ueCapabilityInformation", "rrcReconfiguration",
              "rrcReconfigurationComplete", "dlInformationTransfer", "ulInformationTransfer",
              "rrcRelease"}
    check("every issue-9 message has an encoding", wanted <= seen, str(wanted - seen))
    wanted10 = {"measurementReport", "rrcReestablishmentRequest", "rrcReestablishment",
                "rrcReestablishmentComplete", "rrcResumeRequest", "rrcResume", "rrcResumeComplete"}
    check("every issue-10 message has an encoding", wanted10 <= seen, str(wanted10 - seen))
    kinds = {("sync" in e["params"], "masterKeyUpdate" in e["params"], "suspend" in e["params"])
             for e in doc["encodings"]}
    check("reconfigurationWithSync + masterKeyUpdate, masterKeyUpdate alone and suspendConfig "
          "are covered", {(True, True, False), (False, True, False), (False, False, True)} <= kinds,
          str(kinds))

    # VarShortMAC-Input / VarResumeMAC-Input (TS 38.331 7.4, NR-UE-Variables), the inputs of
    # shortMAC-I and resumeMAC-I: case M5 (PCI 1, cellIdentity 0x000000010, C-RNTI 0x4601) and
    # all ones, the bytes NrSecurityShortMacI encodes (nr-security-rrc-mobility-messages)
    for name in ("VarShortMAC_Input", "VarResumeMAC_Input"):
        var = getattr(RRCNR.NR_UE_Variables, name)
        for value, want in (((1, 0x10, 0x4601), "0040000000411804"),
                            ((1007, (1 << 36) - 1, 0xFFFF), "fbfffffffffffffc")):
            var.set_val({"sourcePhysCellId": value[0], "targetCellIdentity": (value[1], 36),
                         "source-c-RNTI": value[2]})
            check(f"{name} {value}", var.to_uper().hex() == want, var.to_uper().hex())

    # The SMC messages of rrc-uper.json as well.
    with open(os.path.join(DATA, "rrc-uper.json")) as f:
        smc = json.load(f)
    for e in smc["encodings"]:
        data = bytes.fromhex(e["uper_hex"])
        tid = e["rrc-TransactionIdentifier"]
        if e["message"] == "DL-DCCH SecurityModeCommand":
            alg = {"cipheringAlgorithm": e["cipheringAlgorithm"]}
            if e["integrityProtAlgorithm"] != "absent":
                alg["integrityProtAlgorithm"] = e["integrityProtAlgorithm"]
            value = {"message": ("c1", ("securityModeCommand", {
                "rrc-TransactionIdentifier": tid,
                "criticalExtensions": ("securityModeCommand", {
                    "securityConfigSMC": {"securityAlgorithmConfig": alg}})}))}
            referee(f"DL-DCCH securityModeCommand {e['uper_hex']}", "DL-DCCH-Message", data, value)
        else:
            name = e["message"].split()[1]
            value = {"message": ("c1", (name, {"rrc-TransactionIdentifier": tid,
                                               "criticalExtensions": (name, {})}))}
            referee(f"UL-DCCH {name} {e['uper_hex']}", "UL-DCCH-Message", data, value)

    for f in failures:
        print("FAIL " + f)
    print(f"{checks - len(failures)} of {checks} pycrate checks passed "
          f"({len(doc['encodings'])} issue-9 and issue-10 encodings, {len(smc['encodings'])} SMC encodings)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
