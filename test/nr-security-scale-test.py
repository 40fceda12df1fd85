#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""ctest nr-security-scale-70k: 70,000 UEs over two cells complete the AS Security Mode Command
procedure, so that a 16-bit network-wide UE identity (at most 65,535 UEs; the example's old cap
was 65,000) cannot come back.

Runs examples/nr-security-smc.cc with --ues=70000 --gnbs=2 (UE i served by cell i mod 2, 35,000
UEs per cell: within one cell's 65,519 C-RNTIs of TS 38.321 Table 7.1-1), no pcaps, no per-UE
table, and the UEs' neighbour measurements off (MeasurementPeriod 0: the UEs are static, the
test is about identities). Checks, exactly:
  - exit status 0;
  - the Summary line: 70000 UEs, 70000 procedures completed, 0 failed, SMC latency mean and max
    3.000 ms (the latency of every UE in the 3-UE run, SCS 30 kHz: the channel has no per-slot
    capacity, so the number of UEs does not change it);
  - traces.csv: the gNB verified exactly one SecurityModeComplete (step 32) of each UE id
    1..70000, ids above 65,535 included (a 16-bit id would wrap and merge two UEs), UE id k at
    the gNB of cell (k - 1) mod 2 (node (k - 1) mod 2).

Usage: nr-security-scale-test.py path/to/nr-security-smc
Runtime about 1-3 minutes and about 2.5 GiB of memory on the 2-core machine (see the doc).
"""
import csv
import os
import subprocess
import sys
import tempfile

N_UES = 70000
EXPECTED_SUMMARY = (
    "Summary: 70000 UEs, 70000 procedures completed, 0 failed, SMC latency "
    "(SecurityModeCommand sent -> Complete verified) mean 3.000 ms, max 3.000 ms")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: nr-security-scale-test.py path/to/nr-security-smc")
    smc = sys.argv[1]
    failures = []
    with tempfile.TemporaryDirectory(prefix="nrs-scale-70k-") as out:
        cmd = [smc, f"--ues={N_UES}", "--gnbs=2", "--pcap=0", "--table=0",
               f"--outputDir={out}", "--ns3::NrSecurityUeNetDevice::MeasurementPeriod=0s"]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1500)
        if proc.returncode != 0:
            failures.append(f"exit status {proc.returncode}, expected 0; stderr: "
                            f"{proc.stderr.strip()[-500:]}")
        summary = [l for l in proc.stdout.splitlines() if l.startswith("Summary:")]
        if summary != [EXPECTED_SUMMARY]:
            failures.append(f"Summary line {summary!r}, expected {EXPECTED_SUMMARY!r}")
        for l in proc.stdout.splitlines():
            if l.startswith("Wall time"):
                print(l)
        # The gNB's "SecurityModeComplete received, integrity verified" rows (step 32) of
        # traces.csv: one per UE id 1..70000, UE id k at the gNB of node (k - 1) mod 2.
        verified = {}
        traces = os.path.join(out, "traces.csv")
        if not os.path.exists(traces):
            failures.append("no traces.csv")
        else:
            with open(traces, newline="") as f:
                for row in csv.DictReader(f):
                    if (row["event"] == "SmcStep" and row["step"] == "32"
                            and row["detail"].startswith("SecurityModeComplete received, "
                                                         "integrity verified")):
                        ue = int(row["ue_id"])
                        if ue in verified:
                            failures.append(f"UE id {ue}: SecurityModeComplete verified twice")
                        verified[ue] = int(row["node"])
            if set(verified) != set(range(1, N_UES + 1)):
                missing = sorted(set(range(1, N_UES + 1)) - set(verified))
                failures.append(f"traces.csv: {len(verified)} UE ids with a verified "
                                f"SecurityModeComplete, expected ids 1..{N_UES}; missing "
                                f"{len(missing)} (first {missing[:5]})")
            wrong_cell = [ue for ue, node in verified.items() if node != (ue - 1) % 2]
            if wrong_cell:
                failures.append(f"{len(wrong_cell)} UEs verified by the other cell's gNB "
                                f"(first {sorted(wrong_cell)[:5]})")
    if failures:
        print("FAIL:\n  " + "\n  ".join(failures))
        return 1
    print(f"PASS: {N_UES} UEs over 2 cells, ids 1..{N_UES} distinct, summary exact")
    return 0


if __name__ == "__main__":
    sys.exit(main())
