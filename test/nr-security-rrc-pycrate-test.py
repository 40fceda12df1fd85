#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: pycrate (an independent ASN.1 compiler / runtime with the TS 38.331 NR RRC
# definitions) as the referee of our UPER encodings (TS 38.331 6.2.1, 6.2.2; ITU-T X.691
# UNALIGNED).
#
# For every entry of test/data/rrc-messages-uper.json (the exact bytes of NrSecurityRrcMessage;
# the C++ suite nr-security-rrc-messages checks that our encoder still produces them) and of
# test/data/rrc-uper.json (the SMC messages):
#   1. pycrate decodes the bytes as the entry's channel (DL-CCCH-Message, UL-CCCH-Message,
#      DL-DCCH-Message, UL-DCCH-Message) without error and consumes them all;
#   2. the decoded value equals the value the entry's params mean, built here from the ASN.1
#      (not from our encoder): message, transaction id, every RadioBearerConfig field, the
#      masterCellGroup CellGroupConfig, the UE-NR-Capability in the container, the NAS octets;
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
    return {"cnAssociation": ("sdap-Config", sdap), "drb-Identity": d["drbId"],
            "pdcp-Config": pdcp}


def radio_bearer_config(p):
    rb = {}
    if p.get("srbs"):
        rb["srb-ToAddModList"] = [{"srb-Identity": s} for s in p["srbs"]]
    if p.get("drbs"):
        rb["drb-ToAddModList"] = [drb_value(d) for d in p["drbs"]]
    return rb


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
          f"({len(doc['encodings'])} issue-9 encodings, {len(smc['encodings'])} SMC encodings)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
