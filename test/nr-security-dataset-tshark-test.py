#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""tshark check of the labelled dataset (NrSecurityAdversaryHelper::EnableDataset) of the aLTEr
example: the pcap decodes in Wireshark and exactly the forged frames carry the mark.

Usage: nr-security-dataset-tshark-test.py PATH-TO-nr-security-attack-alter

The example runs with --mitigated=0 and 1 and --outputDir (dataset.csv, dataset.pcap, the keys
and the Wireshark profile wireshark/profiles/nr-security). Checks, each run:
 - dataset.pcap has one frame per dataset.csv row, in the same order (column frame = tshark's
   frame.number), every frame decodes as PDCP-NR with the CSV row's direction and sequence
   number, SRB frames as NR RRC, DRB frames (deciphered with the exported K_UPenc, NEA2,
   TS 33.501 D.4.4) as IPv4/UDP/DNS;
 - the DSCP of the framing IPv4 header (the first ip layer, ip.dsfield.dscp#1) is the row's
   origin (0 legitimate, 1 injected, 2 replayed, 3 relayed, 4 rewritten, 5 false base station);
   the display filter 'ip.dsfield.dscp#1 != 0' selects exactly the rows not labelled benign,
   'ip.dsfield.dscp#1 == 4' exactly the rewritten ones;
 - mitigated=0 (no UP integrity): the rewritten uplink DNS queries decode with the attacker's
   resolver 1.1.0.1 as destination (the example's address), the genuine ones with 1.0.0.2;
   mitigated=1 (UP integrity REQUIRED, NIA2): every DRB frame carries a MAC-I, which tshark
   verifies as correct on the genuine frames and as wrong on every rewritten one.

Without tshark the test prints a SKIP line (a failure when CI is set)."""
import csv
import os
import shutil
import subprocess
import sys
import tempfile

from nr_security_tshark import check, check_eq, finish

ORIGINS = {"legitimate": 0, "injected": 1, "replayed": 2, "relayed": 3, "rewritten": 4,
           "false-base-station": 5}
RESOLVER = "1.0.0.2"
ATTACKER = "1.1.0.1"
FIELDS = ["frame.number", "ip.dsfield.dscp", "pdcp-nr.direction", "pdcp-nr.seq-num",
          "ip.dst", "frame.protocols", "pdcp-nr.mac", "_ws.expert.message"]


def tshark(tool, out, extra):
    """tshark over DIR/dataset.pcap with the example's Wireshark profile."""
    cmd = [tool, "-r", os.path.join(out, "dataset.pcap"), "-C", "nr-security",
           "--enable-heuristic", "pdcp_nr_udp", "--disable-protocol", "nas-5gs", *extra]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, WIRESHARK_CONFIG_DIR=os.path.join(out, "wireshark")))
    check(f"tshark exit status ({' '.join(extra)[:50]})", p.returncode == 0, p.stderr.strip())
    return p.stdout


def frame_numbers(tool, out, display_filter):
    text = tshark(tool, out, ["-Y", display_filter, "-T", "fields", "-e", "frame.number"])
    return [int(x) for x in text.split()]


def run(tool, binary, tmp, mitigated):
    out = os.path.join(tmp, f"m{mitigated}")
    p = subprocess.run([binary, f"--mitigated={mitigated}", f"--outputDir={out}"],
                       capture_output=True, text=True, timeout=120)
    if not check_eq(f"m{mitigated}: example exit status", p.returncode, 0):
        print(p.stdout[-2000:], p.stderr[-2000:])
        return
    with open(os.path.join(out, "dataset.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    text = tshark(tool, out, ["-T", "fields", "-E", "separator=\t", "-E", "occurrence=a",
                              "-E", "aggregator=|", *sum((["-e", x] for x in FIELDS), [])])
    frames = [dict(zip(FIELDS, line.split("\t"))) for line in text.splitlines()]
    check_eq(f"m{mitigated}: one pcap frame per CSV row", len(frames), len(rows))
    check(f"m{mitigated}: the attack ran (forged rows)",
          any(r["label"] != "benign" for r in rows), "no forged row")

    bad = []
    redirected, genuine, macs_ok, macs_bad = set(), set(), 0, 0
    for r, f in zip(rows, frames):
        n = int(r["frame"])
        protos = f["frame.protocols"].split(":")
        dscp = f["ip.dsfield.dscp"].split("|")
        dst = f["ip.dst"].split("|")
        if int(f["frame.number"]) != n:
            bad.append(f"row {n}: frame number {f['frame.number']}")
        if int(dscp[0]) != ORIGINS[r["origin"]]:
            bad.append(f"frame {n}: DSCP {dscp[0]}, origin {r['origin']}")
        if (r["label"] == "benign") != (r["origin"] == "legitimate"):
            bad.append(f"frame {n}: label {r['label']} for origin {r['origin']}")
        if "pdcp-nr" not in protos or f["pdcp-nr.direction"] != ("0" if r["direction"] == "UL"
                                                                  else "1"):
            bad.append(f"frame {n}: not PDCP-NR {r['direction']} ({f['frame.protocols']})")
        if r["rb"].startswith("SRB") and "nr-rrc" not in protos:
            bad.append(f"frame {n}: {r['rb']} without NR RRC ({f['frame.protocols']})")
        if r["rb"].startswith("DRB"):
            if protos[-3:] != ["ip", "udp", "dns"]:
                bad.append(f"frame {n}: {r['rb']} not deciphered to DNS ({f['frame.protocols']})")
            elif r["direction"] == "UL":
                (redirected if r["origin"] == "rewritten" else genuine).add(dst[-1])
            experts = f["_ws.expert.message"]
            if mitigated:
                if not f["pdcp-nr.mac"]:
                    bad.append(f"frame {n}: {r['rb']} without MAC-I under UP integrity")
                elif r["origin"] == "rewritten":
                    macs_bad += "MAC-I" in experts and "wrong" in experts.lower()
                else:
                    macs_ok += "wrong" not in experts.lower()
    check(f"m{mitigated}: every frame decodes with its mark", not bad, "; ".join(bad[:8]))

    marked = frame_numbers(tool, out, "ip.dsfield.dscp#1 != 0")
    check_eq(f"m{mitigated}: 'ip.dsfield.dscp#1 != 0' = the forged rows", marked,
             [int(r["frame"]) for r in rows if r["label"] != "benign"])
    rewritten = frame_numbers(tool, out, "ip.dsfield.dscp#1 == 4")
    check_eq(f"m{mitigated}: 'ip.dsfield.dscp#1 == 4' = the rewritten rows", rewritten,
             [int(r["frame"]) for r in rows if r["origin"] == "rewritten"])
    n_rewritten_drb = sum(1 for r in rows if r["origin"] == "rewritten" and r["rb"].startswith("DRB"))
    if mitigated:
        check_eq("m1: tshark flags the MAC-I of every rewritten DRB frame", macs_bad,
                 n_rewritten_drb)
        check_eq("m1: and of no genuine DRB frame", macs_ok,
                 sum(1 for r in rows if r["origin"] != "rewritten" and r["rb"].startswith("DRB")))
    else:
        check_eq("m0: the genuine DNS queries go to the resolver", genuine, {RESOLVER})
        check_eq("m0: the rewritten ones to the attacker's", redirected, {ATTACKER})


def main():
    if len(sys.argv) != 2:
        print(next(ln for ln in __doc__.splitlines() if ln.startswith("Usage:")), file=sys.stderr)
        return 2
    tool = shutil.which("tshark")
    if tool is None:
        if os.environ.get("CI"):
            check("tshark is installed (required when CI is set)", False, "tshark not in PATH")
        else:
            print("SKIP nr-security-dataset-tshark-test: tshark not found")
        return finish()
    with tempfile.TemporaryDirectory(prefix="nr-security-dataset-") as tmp:
        run(tool, sys.argv[1], tmp, 0)
        run(tool, sys.argv[1], tmp, 1)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
