#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Scale benchmark (not a test): N UEs on one gNB running the AS Security Mode Command
(build/bin/nr-security-smc) against N UEs attaching to one eNB with ns-3's LteHelper and ideal RRC
(build/bin/nr-security-lte-baseline), both run here, one after the other. Reports wall time per UE,
peak memory (VmHWM) and memory per UE as the slope of peak memory between sizes, each as a ratio
against the LTE baseline measured in the same run, and the growth of the per-UE figures from one
size to the next (1.00 = linear).

One ns-3 LTE cell holds at most LteEnbRrc::SrsPeriodicity (<= 320) UE contexts, and ns-3.37
aborts when they run out (see bench/lte-attach-baseline.cc), so LTE is run at
min(N, --lte-max): a row with a larger N is set against LTE at --lte-max (marked "*"), and our
example is also run at --lte-max for one like-for-like row.

Usage: bench/nr-security-scale.py [--sizes 100,1000,10000] [--build build] [--repeat 3]
           [--lte-max 280] [--anchor 10] [--timeout 480]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

WALL_RE = re.compile(r"Wall time ([0-9.eE+-]+) s \(.*\), peak memory (\d+) KiB")
OURS_DONE_RE = re.compile(r"Summary: (\d+) UEs, (\d+) procedures completed, (\d+) failed")
LTE_DONE_RE = re.compile(r"Summary: (\d+) UEs, (\d+) connected")
LTE_CONTEXTS_RE = re.compile(r"at most (\d+) at once, SRS limit (\d+)")
LTE_LAST_RE = re.compile(r"last ([0-9.]+) ms")


class RunError(Exception):
    pass


def run_once(cmd, timeout):
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RunError(f"timed out after {timeout} s")
    out = proc.stdout + proc.stderr
    if proc.returncode == 3:
        raise RunError("infeasible: " + out.strip().splitlines()[-1])
    m = WALL_RE.search(out)
    if not m:
        tail = out.strip().splitlines()[-1] if out.strip() else ""
        raise RunError(f"exit code {proc.returncode}, no summary: {tail}")
    return out, float(m.group(1)), int(m.group(2))


def measure(kind, exe, n, repeat, timeout):
    """Median wall time and peak memory of `repeat` runs; notes on completeness."""
    walls, peaks, notes = [], [], set()
    for _ in range(repeat):
        if kind == "ours":
            with tempfile.TemporaryDirectory(prefix="nrs-scale-") as tmp:
                out, wall, peak = run_once(
                    [exe, f"--ues={n}", "--pcap=0", "--table=0", f"--outputDir={tmp}"], timeout)
            m = OURS_DONE_RE.search(out)
            if not m or int(m.group(2)) != n:
                notes.add(f"only {m.group(2) if m else '?'} of {n} completed")
        else:
            out, wall, peak = run_once([exe, f"--ues={n}"], timeout)
            m = LTE_DONE_RE.search(out)
            if not m or int(m.group(2)) != n:
                notes.add(f"only {m.group(2) if m else '?'} of {n} connected")
            c = LTE_CONTEXTS_RE.search(out)
            last = LTE_LAST_RE.search(out)
            if c and last:
                notes.add(f"last RRC connection at {last.group(1)} ms simulated, "
                          f"at most {c.group(1)} of {c.group(2)} SRS indices (UE contexts) taken")
        walls.append(wall)
        peaks.append(peak)
    return {"n": n, "wall": statistics.median(walls), "peak": statistics.median_low(peaks),
            "notes": sorted(notes)}


def fmt(x, spec):
    if x is None:
        return format("-", ">" + "".join(c for c in spec.split(".")[0] if c.isdigit()))
    return format(x, spec)


def ratio(a, b):
    return None if a is None or b is None or b <= 0 else a / b


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,10000", help="comma-separated numbers of UEs")
    ap.add_argument("--build", default=os.path.join(os.path.dirname(__file__), "..", "build"),
                    help="build directory holding bin/")
    ap.add_argument("--smc", help="path to nr-security-smc (default BUILD/bin/nr-security-smc)")
    ap.add_argument("--lte", help="path to nr-security-lte-baseline (default BUILD/bin/...)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per point (median)")
    ap.add_argument("--lte-max", type=int, default=280,
                    help="largest N run on the single LTE cell (hard limit 320, see header)")
    ap.add_argument("--anchor", type=int, default=10,
                    help="small N run by both, the base of the first memory slope")
    ap.add_argument("--timeout", type=float, default=480, help="seconds per run")
    args = ap.parse_args()

    smc = args.smc or os.path.join(args.build, "bin", "nr-security-smc")
    lte = args.lte or os.path.join(args.build, "bin", "nr-security-lte-baseline")
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    ours_sizes = sorted(set(sizes) | {args.anchor} | ({args.lte_max} if max(sizes) > args.lte_max
                                                         else set()))
    lte_sizes = sorted({min(n, args.lte_max) for n in ours_sizes})

    results = {"ours": {}, "lte": {}}
    for kind, exe, ns in (("ours", smc, ours_sizes), ("lte", lte, lte_sizes)):
        for n in ns:
            print(f"running {kind} N={n} x{args.repeat} ...", file=sys.stderr, flush=True)
            try:
                results[kind][n] = measure(kind, exe, n, args.repeat, args.timeout)
            except RunError as e:
                results[kind][n] = {"n": n, "error": str(e), "notes": []}
                print(f"  {kind} N={n}: {e}", file=sys.stderr)

    def per_ue(kind, n):
        """Wall s, wall us/UE (mean), us/UE marginal (slope of wall time from the next smaller N
        of the same program), peak KiB, KiB/UE (slope of peak memory), or None."""
        r = results[kind].get(n)
        if r is None or "error" in r:
            return None
        smaller = [m for m in results[kind] if m < n and "error" not in results[kind][m]]
        tslope = mslope = None
        if smaller:
            p = results[kind][max(smaller)]
            tslope = (r["wall"] - p["wall"]) / (n - p["n"]) * 1e6
            mslope = (r["peak"] - p["peak"]) / (n - p["n"])
        return {"wall": r["wall"], "us": r["wall"] / n * 1e6, "tslope": tslope, "peak": r["peak"],
                "mslope": mslope}

    def get(d, key):
        return None if d is None else d[key]

    rows = [n for n in ours_sizes if n != args.anchor or n in sizes]
    head = (f"{'N':>6} | {'ours s':>7} {'us/UE':>7} {'dus/UE':>7} {'peakKiB':>8} {'KiB/UE':>7} | "
            f"{'LTE N':>6} {'LTE s':>7} {'us/UE':>8} {'dus/UE':>8} {'peakKiB':>8} {'KiB/UE':>7} | "
            f"{'us/UE':>6} {'dus/UE':>6} {'KiB/UE':>6}")
    print(f"{'':6} | {'nr-security-smc (ours)':<42} | {'LteHelper, ideal RRC':<52} | ours/LTE")
    print(head)
    print("-" * len(head))
    for n in rows:
        o = per_ue("ours", n)
        ln = min(n, args.lte_max)
        l = per_ue("lte", ln)
        mark = "*" if ln != n else " "
        print(f"{n:>6} | {fmt(get(o, 'wall'), '7.3f')} {fmt(get(o, 'us'), '7.1f')} "
              f"{fmt(get(o, 'tslope'), '7.1f')} {fmt(get(o, 'peak'), '8d')} "
              f"{fmt(get(o, 'mslope'), '7.2f')} | {ln:>5}{mark} {fmt(get(l, 'wall'), '7.3f')} "
              f"{fmt(get(l, 'us'), '8.1f')} {fmt(get(l, 'tslope'), '8.1f')} "
              f"{fmt(get(l, 'peak'), '8d')} {fmt(get(l, 'mslope'), '7.2f')} | "
              f"{fmt(ratio(get(o, 'us'), get(l, 'us')), '6.3f')} "
              f"{fmt(ratio(get(o, 'tslope'), get(l, 'tslope')), '6.3f')} "
              f"{fmt(ratio(get(o, 'mslope'), get(l, 'mslope')), '6.3f')}")
    print(f"us/UE = wall time / N (median of {args.repeat}); dus/UE and KiB/UE = slopes of wall "
          f"time and peak memory (VmHWM) from the next smaller N of the same program (anchor "
          f"N={args.anchor});\n* = LTE run at --lte-max={args.lte_max} (one ns-3 LTE cell holds "
          f"at most 320 UEs); ratios < 1 = cheaper than the LTE baseline")

    # Linearity: per-UE figures at each size against the size before (1.00 = linear growth).
    print("\nGrowth of the per-UE cost from one size to the next (1.00 = linear):")
    for kind, ns in (("ours", rows), ("lte", sorted({min(n, args.lte_max) for n in rows}))):
        for a, b in zip(ns, ns[1:]):
            pa, pb = per_ue(kind, a), per_ue(kind, b)
            print(f"  {kind:<4} N={b:>6} vs N={a:>6}: mean time/UE "
                  f"x{fmt(ratio(get(pb, 'us'), get(pa, 'us')), '.2f')}, marginal time/UE "
                  f"x{fmt(ratio(get(pb, 'tslope'), get(pa, 'tslope')), '.2f')}, memory/UE "
                  f"x{fmt(ratio(get(pb, 'mslope'), get(pa, 'mslope')), '.2f')}")

    notes = [(k, n, note) for k in results for n, r in sorted(results[k].items())
             for note in ([r["error"]] if "error" in r else []) + r["notes"]]
    if notes:
        print("\nNotes:")
        for k, n, note in notes:
            print(f"  {k} N={n}: {note}")


if __name__ == "__main__":
    main()
