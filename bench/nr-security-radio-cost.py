#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Cost of the radio model (benchmark, not a test): the SMC example (build/bin/nr-security-smc,
N UEs on a disc of 500 m around one gNB, LogDistance path loss) run with the channel's
RadioModel "Power" (received power per frame, capture record per link, monitors and jammers)
and "Simple" (the channel before issue 16: no received power, no capture), alternating, the
same number of runs each, in this one script. Reports the wall time and peak memory (VmHWM) of
every run as the example prints it, and the CPU time (user + system, from the kernel's
accounting of the child: steadier than wall time on a shared machine), the median of each
model, and the Power / Simple ratios: the range over the pairs of consecutive runs (Simple
then Power) and the ratio of the medians. Both models must complete
the same number of procedures (nothing overlaps in the SMC example, so the outcome is the same).

With --instructions=N it also runs each model once with N UEs under valgrind's cachegrind
(--cache-sim=no) and reports the instructions executed, a count that does not depend on the
machine's load (about 25 times slower than a plain run).

Usage: bench/nr-security-radio-cost.py [--ues 10000] [--runs 3] [--build build] [--smc PATH]
           [--timeout 900] [--instructions N]
"""
import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile

WALL_RE = re.compile(r"Wall time ([0-9.eE+-]+) s \(.*\), peak memory (\d+) KiB")
DONE_RE = re.compile(r"Summary: (\d+) UEs, (\d+) procedures completed, (\d+) failed")
MODELS = ("Simple", "Power")
IREFS_RE = re.compile(r"I\s+refs:\s+([0-9,]+)")


def instructions(smc, n, model, timeout):
    """Instructions executed by one run under cachegrind."""
    with tempfile.TemporaryDirectory(prefix="nrs-radio-cost-") as tmp:
        cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no",
               f"--cachegrind-out-file={tmp}/cg.out", smc, f"--ues={n}", "--pcap=0",
               "--table=0", f"--outputDir={tmp}", f"--ns3::NrSecurityChannel::RadioModel={model}"]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout * 30)
        except (subprocess.TimeoutExpired, FileNotFoundError) as e:
            sys.exit(f"{model} under cachegrind: {e}")
    m = IREFS_RE.search(proc.stderr)
    if not m:
        sys.exit(f"{model} under cachegrind: no instruction count (exit code {proc.returncode})")
    return int(m.group(1).replace(",", ""))


def child_cpu():
    """User + system CPU seconds of the waited-for children so far."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_once(smc, n, model, timeout):
    """One run: (wall s, peak KiB, procedures completed, CPU s)."""
    with tempfile.TemporaryDirectory(prefix="nrs-radio-cost-") as tmp:
        cmd = [smc, f"--ues={n}", "--pcap=0", "--table=0", f"--outputDir={tmp}",
               f"--ns3::NrSecurityChannel::RadioModel={model}"]
        cpu0 = child_cpu()
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            sys.exit(f"{model}: timed out after {timeout} s")
        cpu = child_cpu() - cpu0
    out = proc.stdout + proc.stderr
    wall = WALL_RE.search(out)
    done = DONE_RE.search(out)
    if not wall or not done:
        tail = out.strip().splitlines()[-1] if out.strip() else ""
        sys.exit(f"{model}: exit code {proc.returncode}, no summary: {tail}")
    return float(wall.group(1)), int(wall.group(2)), int(done.group(2)), cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ues", type=int, default=10000, help="number of UEs")
    ap.add_argument("--runs", type=int, default=3, help="runs per radio model")
    ap.add_argument("--build", default=os.path.join(os.path.dirname(__file__), "..", "build"),
                    help="build directory holding bin/")
    ap.add_argument("--smc", help="path to nr-security-smc (default BUILD/bin/nr-security-smc)")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per run")
    ap.add_argument("--instructions", type=int, default=0, metavar="N",
                    help="also count instructions with N UEs under cachegrind (0: no)")
    args = ap.parse_args()
    smc = args.smc or os.path.join(args.build, "bin", "nr-security-smc")
    if args.runs < 1 or args.ues < 1:
        sys.exit("--runs and --ues must be at least 1")

    runs = {m: [] for m in MODELS}
    for i in range(args.runs):
        for model in MODELS:  # alternating: a slower machine moment hits both models alike
            print(f"run {i + 1}/{args.runs} RadioModel={model} N={args.ues} ...",
                  file=sys.stderr, flush=True)
            runs[model].append(run_once(smc, args.ues, model, args.timeout))

    completed = {m: {r[2] for r in runs[m]} for m in MODELS}
    print(f"Radio model cost: nr-security-smc --ues={args.ues}, {args.runs} runs per model, "
          "alternating Simple, Power")
    print(f"{'model':<8}{'wall s (each run)':<28}{'CPU s (each run)':<28}{'median wall':>12}"
          f"{'median CPU':>12}{'peak MiB':>10}{'completed':>11}")
    med = {}
    for m in MODELS:
        walls = " ".join(f"{r[0]:.2f}" for r in runs[m])
        cpus = " ".join(f"{r[3]:.2f}" for r in runs[m])
        med[m] = (statistics.median([r[0] for r in runs[m]]),
                  statistics.median([r[3] for r in runs[m]]),
                  statistics.median_low([r[1] for r in runs[m]]))
        print(f"{m:<8}{walls:<28}{cpus:<28}{med[m][0]:>12.2f}{med[m][1]:>12.2f}"
              f"{med[m][2] / 1024:>10.1f}{'/'.join(str(c) for c in sorted(completed[m])):>11}")
    for name, k in (("wall time", 0), ("CPU time", 3)):
        pairs = [p[k] / s[k] for s, p in zip(runs["Simple"], runs["Power"]) if s[k] > 0]
        kk = 0 if k == 0 else 1
        print(f"Power / Simple {name}: {min(pairs):.3f} .. {max(pairs):.3f} over the pairs, "
              f"{med['Power'][kk] / med['Simple'][kk]:.3f} of the medians")
    print(f"Power / Simple peak memory: {med['Power'][2] / med['Simple'][2]:.3f}")
    if args.instructions > 0:
        print(f"running both under cachegrind, N={args.instructions} ...", file=sys.stderr,
              flush=True)
        ir = {m: instructions(smc, args.instructions, m, args.timeout) for m in MODELS}
        print(f"Instructions (cachegrind, N={args.instructions}): Simple {ir['Simple']:,}, "
              f"Power {ir['Power']:,}, ratio {ir['Power'] / ir['Simple']:.4f}, "
              f"{(ir['Power'] - ir['Simple']) / args.instructions:,.0f} more per UE")
    if completed["Simple"] != completed["Power"] or len(completed["Power"]) != 1:
        print(f"procedures completed differ: Simple {sorted(completed['Simple'])}, "
              f"Power {sorted(completed['Power'])}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
