#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Black-box checks of examples/nr-security-user-plane.cc.

Usage: nr-security-user-plane-cli-test.py PATH-TO-nr-security-user-plane

 * a short default run: exit 0, each UE's DRB ciphered (NEA2) and integrity-protected (NIA2,
   policy PREFERRED at a gNB that supports it), every flow delivered all it sent;
 * UP integrity and confidentiality NOT_NEEDED: the DRB is neither ciphered nor integrity-
   protected, the flows still deliver;
 * UP integrity REQUIRED at a gNB without UP integrity: the PDU session is rejected, nothing is
   delivered, and that is what should happen (exit 0);
 * bad options: exit 2 with one line on stderr naming the option.
Each check prints PASS or FAIL; the last line is "N passed, M failed"; exit 1 if any failed.
"""
import re
import subprocess
import sys

exe = sys.argv[1]
passed = failed = 0


def check(what, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"PASS {what}")
    else:
        failed += 1
        print(f"FAIL {what}" + (f"\n{detail}" if detail else ""))


def run(*args):
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=300)


r = run("--ues=2", "--duration=0.8", "--tcpBytes=20000")
check("default run exits 0", r.returncode == 0, r.stdout + r.stderr)
drbs = re.findall(r"DRB 1: ciphered yes \(NEA2\), integrity yes \(NIA2\)", r.stdout)
check("both UEs: DRB ciphered with NEA2 and integrity-protected with NIA2", len(drbs) == 2, r.stdout)
flows = re.findall(r"sent +(\d+) B, delivered +(\d+) B", r.stdout)
check("six flows, each delivered what it sent",
      len(flows) == 6 and all(a == b and int(a) > 0 for a, b in flows), r.stdout)

r = run("--ues=1", "--duration=0.8", "--upIntegrity=NOT_NEEDED", "--upConfidentiality=NOT_NEEDED",
        "--tcpBytes=20000")
check("NOT_NEEDED x NOT_NEEDED: exit 0", r.returncode == 0, r.stdout + r.stderr)
check("NOT_NEEDED x NOT_NEEDED: DRB neither ciphered nor integrity-protected",
      "DRB 1: ciphered no, integrity no" in r.stdout, r.stdout)

r = run("--ues=1", "--duration=0.8", "--upIntegrity=REQUIRED", "--gnbUpIntegrity=0")
check("REQUIRED integrity at a gNB without it: exit 0 (rejection is the expected outcome)",
      r.returncode == 0, r.stdout + r.stderr)
check("the session is reported rejected", "PDU session 1 rejected" in r.stdout, r.stdout)
flows = re.findall(r"delivered +(\d+) B", r.stdout)
check("nothing delivered", flows and all(int(b) == 0 for b in flows), r.stdout)

# AS security never activated (NIA0 only for a normal UE: SecurityModeFailure path at the gNB):
# no session result at all, nothing delivered, and that is a failed run (it exited 0)
r = run("--ues=1", "--duration=0.8", "--integrityPriority=NIA0")
check("no AS security: exit 1", r.returncode == 1, r.stdout + r.stderr)

for bad, word in (("--ues=0", "--ues"), ("--ues=x", "--ues"), ("--upIntegrity=maybe", "--upIntegrity"),
                  ("--duration=0.1", "--duration"), ("--bogus=1", "bogus"), ("stray", "stray"),
                  ("--gnbUpIntegrity=2", "--gnbUpIntegrity"), ("--cipheringPriority=NEA9", "NEA9"),
                  ("--ues=", "--ues")):
    r = run(bad)
    lines = r.stderr.strip().splitlines()
    check(f"{bad}: exit 2 with one line naming it",
          r.returncode == 2 and len(lines) == 1 and word in lines[0],
          f"exit {r.returncode}, stderr: {r.stderr!r}")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
