#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Scale benchmark (make scale; not a test): the cost per UE as the number of UEs and cells grows.

Runs, each as its own process, one after the other:
  smc    examples/nr-security-smc.cc, the AS Security Mode Command of N UEs over C cells
         (--gnbs=C: UE i served by cell i mod C, placed near its gNB), no pcaps, no per-UE table,
         no trace files (--traces=0: the model's cost, not the CSV writers'), the UEs' neighbour
         measurements off (MeasurementPeriod 0; with one cell they are off anyway): 1k, 10k,
         100k UEs over 1, 10, 100 cells;
  smc+traces  the smc row of 10k UEs over 10 cells with the trace files written (traces.csv,
         traces-pdus.csv, traces-key-epochs.csv): what the writers add per UE;
  smc+meas  the same at 1k UEs with the model's default neighbour measurements (every 40 ms each
         connected UE measures every cell of the channel), no trace files: what the measurement
         costs per cell;
  up     examples/nr-security-user-plane.cc, one cell, a few packets per UE (three UDP packets
         down and three up, no TCP flow): 1k and 10k UEs;
  lte    ns-3's LTE ideal-RRC attach (bench/lte-attach-baseline.cc), one cell: at most 320 UE
         contexts (SRS indices) per ns-3 LTE cell, so it runs at --lte-ues (280) and the rows
         above that say why they cannot run.

Per run: wall time (time.monotonic around the process) and the process's CPU time (user +
system, from wait4) per UE, and its peak resident memory (ru_maxrss) per UE, also as the slope
from the next smaller row of the same program and cells (dKiB/UE: without the fixed part). On a shared
machine the CPU time per UE is the steadier figure. The summary gives the ratio of the largest
to the smallest per-UE cost of the smc rows, and the issue's targets against the figures.

A row that cannot run says why: N/C UEs in one cell above the 65,519 C-RNTIs of TS 38.321
Table 7.1-1 (0x0001..0xFFEF), LTE above one ns-3 cell's SRS limit, or a row whose estimated
time (from the per-UE cost of the same program measured just before) would overrun the time
left of --budget (make scale must finish in 15 minutes).

Usage: bench/nr-security-scale.py [--build build] [--smc PATH] [--up PATH] [--lte PATH]
           [--sizes 1000,10000,100000] [--cells 1,10,100] [--up-sizes 1000,10000]
           [--traces-ues 10000] [--traces-cells 10]
           [--budget 840] [--timeout 600] [--markdown]
"""
import argparse
import math
import os
import re
import subprocess
import sys
import tempfile
import time

C_RNTI_PER_CELL = 0xFFEF  # 0x0001..0xFFEF, TS 38.321 Table 7.1-1: 65519
LTE_SRS_LIMIT = 320  # LteEnbRrc::SrsPeriodicity, at most 320 (bench/lte-attach-baseline.cc)

SMC_SUMMARY_RE = re.compile(r"Summary: (\d+) UEs, (\d+) procedures completed, (\d+) failed"
                            r"(?:, (\d+) never reached the SecurityModeCommand)?")
LTE_SUMMARY_RE = re.compile(r"Summary: (\d+) UEs, (\d+) connected")


def run(cmd, timeout):
    """Runs cmd; returns (exit status, stdout+stderr, wall s, cpu s, peak KiB) or raises."""
    t0 = time.monotonic()
    with tempfile.TemporaryFile(mode="w+") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, text=True)
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                proc.returncode = -9
                raise TimeoutError(f"timed out after {timeout:.0f} s")
            time.sleep(0.05)
        wall = time.monotonic() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read()
    return proc.returncode, text, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


class Row:
    """One line of the table."""

    def __init__(self, kind, ues, cells):
        self.kind, self.ues, self.cells = kind, ues, cells
        self.done = None  # UEs that completed
        self.wall = self.cpu = self.peak = None
        self.note = ""

    @property
    def ran(self):
        return self.wall is not None

    def us_wall(self):
        return self.wall / self.ues * 1e6

    def us_cpu(self):
        return self.cpu / self.ues * 1e6

    def kib(self):
        return self.peak / self.ues


SMC_KINDS = ("smc", "smc+traces", "smc+meas")


def command(kind, exe, n, cells, out_dir):
    if kind in SMC_KINDS:
        cmd = [exe, f"--ues={n}", f"--gnbs={cells}", "--pcap=0", "--table=0",
               f"--outputDir={out_dir}"]
        if kind != "smc+traces":
            cmd.append("--traces=0")
        if kind != "smc+meas":
            cmd.append("--ns3::NrSecurityUeNetDevice::MeasurementPeriod=0s")
        return cmd
    if kind == "up":
        return [exe, f"--ues={n}", "--packets=3", "--tcpBytes=0", "--duration=0.6"]
    return [exe, f"--ues={n}"]


def completed(kind, rc, text, n):
    """Number of UEs that completed, and a note if not all did."""
    if kind in SMC_KINDS:
        m = SMC_SUMMARY_RE.search(text)
        if not m:
            return 0, f"exit {rc}, no summary: {text.strip().splitlines()[-1:] or ''}"
        done = int(m.group(2))
        note = "" if done == n else (f"only {done} of {n} completed ({m.group(3)} failed, "
                                     f"{m.group(4) or 0} never reached the SMC)")
        return done, note
    if kind == "up":
        ok = rc == 0 and "every flow delivered what it should" in text
        return (n if ok else 0), ("" if ok else f"exit {rc}: some flow did not deliver")
    m = LTE_SUMMARY_RE.search(text)
    if not m:
        return 0, f"exit {rc}, no summary"
    done = int(m.group(2))
    return done, "" if done == n else f"only {done} of {n} connected"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(os.path.dirname(__file__), "..", "build"))
    ap.add_argument("--smc", help="nr-security-smc (default BUILD/bin/nr-security-smc)")
    ap.add_argument("--up", help="nr-security-user-plane (default BUILD/bin/...)")
    ap.add_argument("--lte", help="nr-security-lte-baseline (default BUILD/bin/...)")
    ap.add_argument("--sizes", default="1000,10000,100000", help="UEs of the smc rows")
    ap.add_argument("--cells", default="1,10,100", help="cells of the smc rows")
    ap.add_argument("--traces-ues", type=int, default=10000,
                    help="UEs of the smc+traces row (0: none)")
    ap.add_argument("--traces-cells", type=int, default=10, help="cells of the smc+traces row")
    ap.add_argument("--meas-ues", type=int, default=1000, help="UEs of the smc+meas rows (0: none)")
    ap.add_argument("--up-sizes", default="1000,10000", help="UEs of the up rows ('': none)")
    ap.add_argument("--lte-ues", type=int, default=280,
                    help="UEs of the LTE row (one cell; the limit is 320, see the header)")
    ap.add_argument("--budget", type=float, default=840,
                    help="seconds for all runs; rows estimated to overrun it are skipped")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per run")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = ap.parse_args()
    binary = lambda given, name: given or os.path.join(args.build, "bin", name)
    exes = {"smc": binary(args.smc, "nr-security-smc"),
            "smc+traces": binary(args.smc, "nr-security-smc"),
            "smc+meas": binary(args.smc, "nr-security-smc"),
            "up": binary(args.up, "nr-security-user-plane"),
            "lte": binary(args.lte, "nr-security-lte-baseline")}
    ints = lambda text: [int(x) for x in text.split(",") if x.strip()]
    sizes, cells = ints(args.sizes), ints(args.cells)

    rows = [Row("smc", n, c) for n in sorted(sizes) for c in sorted(cells)]
    if args.traces_ues > 0:
        rows.append(Row("smc+traces", args.traces_ues, args.traces_cells))
    if args.meas_ues > 0:
        rows += [Row("smc+meas", args.meas_ues, c) for c in sorted(cells) if c > 1]
    rows += [Row("up", n, 1) for n in sorted(ints(args.up_sizes))]
    rows += [Row("lte", args.lte_ues, 1)] + [Row("lte", n, 1) for n in sorted(sizes)
                                             if n > LTE_SRS_LIMIT]
    # Run the small rows of every program first, so that the budget falls on the largest.
    order = ["smc", "smc+traces", "smc+meas", "up", "lte"]
    rows.sort(key=lambda r: (r.ues, order.index(r.kind), r.cells))

    start = time.monotonic()
    for r in rows:
        per_cell = math.ceil(r.ues / r.cells)
        if r.kind in SMC_KINDS and per_cell > C_RNTI_PER_CELL:
            r.note = (f"cannot run: {per_cell} UEs in one cell exceed its {C_RNTI_PER_CELL} "
                      f"C-RNTIs (TS 38.321 Table 7.1-1)")
            continue
        if r.kind == "lte" and per_cell > LTE_SRS_LIMIT:
            r.note = (f"cannot run: one ns-3 LTE cell holds at most {LTE_SRS_LIMIT} UE contexts "
                      f"(one SRS index each, LteEnbRrc::SrsPeriodicity <= 320)")
            continue
        # Estimate from the same program's largest run so far (same cells first).
        before = [p for p in rows if p.kind == r.kind and p.ran and p.done == p.ues]
        before.sort(key=lambda p: (p.cells == r.cells, p.ues))
        left = args.budget - (time.monotonic() - start)
        if before:
            estimate = before[-1].wall / before[-1].ues * r.ues
            if estimate > left:
                r.note = (f"skipped: estimated {estimate:.0f} s (from {before[-1].ues} UEs over "
                          f"{before[-1].cells} cells) > {max(left, 0):.0f} s left of --budget "
                          f"{args.budget:.0f} s")
                continue
        if left <= 0:
            r.note = f"skipped: --budget {args.budget:.0f} s used up"
            continue
        print(f"running {r.kind} {r.ues} UEs over {r.cells} cells ...", file=sys.stderr,
              flush=True)
        with tempfile.TemporaryDirectory(prefix="nrs-scale-") as tmp:
            try:
                rc, text, r.wall, r.cpu, r.peak = run(
                    command(r.kind, exes[r.kind], r.ues, r.cells, tmp),
                    min(args.timeout, max(left, 1)))
            except (TimeoutError, OSError) as e:
                r.note = str(e)
                continue
        r.done, r.note = completed(r.kind, rc, text, r.ues)
        print(f"  {r.wall:.1f} s wall, {r.cpu:.1f} s CPU, {r.peak} KiB {r.note}",
              file=sys.stderr, flush=True)
    elapsed = time.monotonic() - start

    head = ["program", "UEs", "cells", "UEs/cell", "done", "wall s", "wall us/UE", "CPU us/UE",
            "peak MiB", "KiB/UE", "dKiB/UE", "note"]

    def slope(r):
        """Peak memory per added UE from the next smaller run of the same program and cells."""
        smaller = [p for p in rows if p.kind == r.kind and p.cells == r.cells and p.ran
                   and p.ues < r.ues]
        if not smaller:
            return "-"
        p = max(smaller, key=lambda p: p.ues)
        return f"{(r.peak - p.peak) / (r.ues - p.ues):.1f}"

    table = []
    for r in rows:
        if r.ran:
            table.append([r.kind, str(r.ues), str(r.cells), str(math.ceil(r.ues / r.cells)),
                          str(r.done), f"{r.wall:.1f}", f"{r.us_wall():.0f}", f"{r.us_cpu():.0f}",
                          f"{r.peak / 1024:.0f}", f"{r.kib():.1f}", slope(r), r.note])
        else:
            table.append([r.kind, str(r.ues), str(r.cells), str(math.ceil(r.ues / r.cells))]
                         + ["-"] * 7 + [r.note])
    if args.markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join("---" if i in (0, len(head) - 1) else "--:" for i in range(len(head))) + "|")
        for t in table:
            print("| " + " | ".join(t) + " |")
    else:
        widths = [max(len(h), *(len(t[i]) for t in table)) for i, h in enumerate(head[:-1])]
        fmt = lambda cols: "  ".join(c.rjust(w) if i else c.ljust(w)
                                     for i, (c, w) in enumerate(zip(cols, widths)))
        print(fmt(head[:-1]) + "  note")
        for t in table:
            print(fmt(t[:-1]) + ("  " + t[-1] if t[-1] else ""))

    good = [r for r in rows if r.kind == "smc" and r.ran and r.done == r.ues]
    print()
    if len(good) >= 2:
        for label, f in (("wall time", Row.us_wall), ("CPU time", Row.us_cpu),
                         ("peak memory", Row.kib)):
            hi, lo = max(good, key=f), min(good, key=f)
            print(f"smc, largest / smallest {label} per UE: {f(hi) / f(lo):.2f} "
                  f"({hi.ues} UEs over {hi.cells} cells / {lo.ues} over {lo.cells})")
    by = {(r.ues, r.cells): r for r in good}
    t = by.get((100000, 10))
    if t:
        print(f"target: SMC <= 150 us per UE at 100k UEs over 10 cells: {t.us_wall():.0f} us "
              f"wall, {t.us_cpu():.0f} us CPU")
        if (1000, 10) in by:
            print(f"target: per-UE time at 100k within 1.3x of 1k (10 cells): "
                  f"{t.us_wall() / by[(1000, 10)].us_wall():.2f} wall, "
                  f"{t.us_cpu() / by[(1000, 10)].us_cpu():.2f} CPU")
    if good:
        big = max(good, key=lambda r: r.ues)
        print(f"target: <= 8 KiB process memory per UE: {big.kib():.1f} KiB at {big.ues} UEs "
              f"over {big.cells} cells (peak RSS / UEs), {slope(big)} KiB per added UE")
    print("wall/CPU us/UE = wall/CPU time of the process / UEs; KiB/UE = peak RSS / UEs; dKiB/UE "
          "= peak RSS per added UE from the next smaller row of the same program and cells")
    print(f"make scale: runs took {elapsed:.0f} s (--budget {args.budget:.0f} s)")


if __name__ == "__main__":
    main()
