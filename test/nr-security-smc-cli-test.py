#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Black-box test of the nr-security-smc example's command line and exit status.

Usage: nr-security-smc-cli-test.py PATH-TO-nr-security-smc

 - a bad option value (--ues=abc, --ues=0, --scs=45, --lossRate=2, --ueNea=4, --pcap=maybe,
   --RngRun=-1, --cipheringPriority=NEA9) gets exactly one line on stderr naming the option and
   exit status 2, and writes nothing to stdout;
 - --help lists every option the README names, --RngRun included, and says what the exit
   statuses mean;
 - --ueNea=0 is what the help says: a UE with NEA0 only (TS 33.501 5.11.1.1: every UE supports
   NEA0), so the default priorities select NEA0 and the procedures complete (exit 0);
 - exit status 0 when every procedure completed, 1 when any failed or never started (--lossRate=1:
   no RRC connection; --ueNia=0: NIA0 only, the
   gNB never selects it for a normal UE, TS 33.501 5.11.1.2 / 6.7.3.0), with the summary;
 - an unknown option, one of ours without a value, a value with white space, a stray word and
   a capability list naming the other family (--ueNea=NIA2) get one line and exit 2 too;
 - --outputDir into a missing nested folder creates it; a folder name with shell
   metacharacters is a folder name (no shell runs it);
 - --explain=1 prints each UE's steps 27-30 explained, the values agreeing with keys.csv,
   hashlib and nr-security-calc; --explain=0 changes nothing; --explain=2 is refused;
 - --traces=0 writes no traces.csv, traces-pdus.csv or traces-key-epochs.csv, every other file
   as --traces=1 writes it, the same summary; --traces=maybe is refused; --table=0 (which keeps
   no step rows) gives the summary of --table=1, in a lossy run with failures too.
The last line is "N passed, M failed"; the exit status is 1 if anything failed."""
import os
import subprocess
import sys
import tempfile

passed = failed = 0


def check(what, got, expected):
    global passed, failed
    if got == expected:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}: got {got!r}, expected {expected!r}")


def run(program, *args):
    p = subprocess.run([program, *args], capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def check_explain(program, tmp):
    """--explain=1: each UE's steps 27-30 explained; the values against keys.csv, hashlib and
    nr-security-calc (next to the example, when built); --explain=0 changes nothing."""
    import csv
    import hashlib
    import hmac
    import re
    # NEA3 with NIA2: the ciphering and integrity identities differ (a swap would show)
    base = ["--outputDir=" + os.path.join(tmp, "explain"), "--ues=2", "--table=0",
            "--cipheringPriority=NEA3,NEA2,NEA1,NEA0"]

    def steady(stdout):  # without the wall time line
        return [ln for ln in stdout.splitlines() if not ln.startswith("Wall time")]

    def summary(stdout):
        return next((ln for ln in stdout.splitlines() if ln.startswith("Summary:")), None)

    code, plain, _ = run(program, *base)
    code, stdout, stderr = run(program, *base, "--explain=1")
    check("--explain=1: exit status", (code, stderr), (0, ""))
    check("--explain=0: output as without the option", steady(run(program, *base, "--explain=0")[1]),
          steady(plain))
    check("--help lists --explain", "--explain:" in run(program, "--help")[1], True)
    check("--explain=1: the summary unchanged", summary(stdout), summary(plain))
    code, stdout2, stderr2 = run(program, *base, "--explain=2")
    check("--explain=2: exit 2, one line", (code, stdout2, len(stderr2.strip().splitlines())), (2, "", 1))
    with open(os.path.join(tmp, "explain", "keys.csv"), newline="") as f:
        keys = {int(r["ue_id"]): r for r in csv.DictReader(f)}
    ues = re.split(r"^UE (\d+)$", stdout, flags=re.M)[1:]
    check("--explain=1: one block per UE", [int(u) for u in ues[0::2]], [1, 2])
    calc = os.path.join(os.path.dirname(os.path.abspath(program)), "nr-security-calc")
    for ue, text in zip(ues[0::2], ues[1::2]):
        k = keys.get(int(ue), {})
        steps = re.split(r"^  explain step (\d+) \(UE\): .*$", text, flags=re.M)[1:]
        check(f"UE {ue}: explained steps", steps[0::2], ["27", "28", "29", "30"])
        items = {}
        for step, body in zip(steps[0::2], steps[1::2]):
            for line in body.splitlines():
                m = re.match(r"^    ([^#=][^=]*?) = ([0-9a-f]*)", line)
                if m:
                    items.setdefault((step, m.group(1)), m.group(2))
        check(f"UE {ue}: step 27 KEY = keys.csv K_AMF", items.get(("27", "KEY")), k.get("k_amf"))
        check(f"UE {ue}: step 27 P0 = NAS COUNT", items.get(("27", "P0")),
              "%08x" % int(k.get("ul_nas_count", "-1")))
        check(f"UE {ue}: step 27 K_gNB = keys.csv", items.get(("27", "K_gNB")), k.get("k_gnb"))
        s = bytes.fromhex("6904000102") + b"\x00\x01"
        check(f"UE {ue}: step 28 K_RRCint = HMAC(K_gNB, S)[16:32], = keys.csv",
              (items.get(("28", "S")), items.get(("28", "K_RRCint"))),
              (s.hex(), hmac.new(bytes.fromhex(k.get("k_gnb", "")), s, hashlib.sha256).digest()[16:].hex()))
        check(f"UE {ue}: step 28 K_RRCint = keys.csv", items.get(("28", "K_RRCint")), k.get("k_rrc_int"))
        check(f"UE {ue}: step 29 MAC-I = the received one",
              items.get(("29", "MAC-I")), items.get(("29", "received MAC-I")))
        check(f"UE {ue}: step 29 COUNT, BEARER, DIRECTION", (items.get(("29", "COUNT")),
              items.get(("29", "BEARER")), items.get(("29", "DIRECTION"))), ("00000000", "00", "01"))
        if os.path.exists(calc):
            msg = items.get(("29", "MESSAGE"), "")
            r = subprocess.run([calc, "nia", "--alg", "2", "--key", k.get("k_rrc_int", ""), "--count", "0",
                                "--bearer", "0", "--direction", "1", "--bits", str(4 * len(msg)),
                                "--data", msg], capture_output=True, text=True)
            check(f"UE {ue}: step 29 MAC-I = nr-security-calc nia", r.stdout.strip(),
                  items.get(("29", "MAC-I")))
        for name, column in (("K_UPint", "k_up_int"), ("K_RRCenc", "k_rrc_enc"), ("K_UPenc", "k_up_enc")):
            check(f"UE {ue}: step 30 {name} = keys.csv", items.get(("30", name)), k.get(column))


def check_traces(program, tmp):
    """--traces=0: no trace files, the other outputs and the summary unchanged; --table=0 and
    --table=1 give the same summary (a lossy run: completed, failed and never-started UEs)."""
    def summary(stdout):
        return next((ln for ln in stdout.splitlines() if ln.startswith("Summary:")), None)

    trace_files = {"traces.csv", "traces-pdus.csv", "traces-key-epochs.csv"}
    on, off = os.path.join(tmp, "traces-on"), os.path.join(tmp, "traces-off")
    code1, out1, _ = run(program, "--ues=3", "--reportUe=1", "--outputDir=" + on)
    code0, out0, err0 = run(program, "--ues=3", "--reportUe=1", "--outputDir=" + off, "--traces=0")
    check("--traces=0: exit status", (code0, err0), (0, ""))
    check("--traces=1: the trace files written", trace_files <= set(os.listdir(on)), True)
    check("--traces=0: no trace file", sorted(trace_files & set(os.listdir(off))), [])
    check("--traces=0: every other file as with --traces=1", sorted(os.listdir(off)),
          sorted(set(os.listdir(on)) - trace_files))
    for name in ("keys.csv", "gnb-1.pcap", "smc-ue-1.msc"):
        with open(os.path.join(on, name), "rb") as a, open(os.path.join(off, name), "rb") as b:
            check(f"--traces=0: {name} as with --traces=1", a.read() == b.read(), True)
    check("--traces=0: the summary unchanged", summary(out0), summary(out1))
    check("--help lists --traces", "--traces:" in run(program, "--help")[1], True)
    lossy = ["--ues=40", "--lossRate=0.5", "--RngRun=7", "--pcap=0", "--reportUe=0",
             "--outputDir=" + os.path.join(tmp, "lossy")]
    code_t, with_table, _ = run(program, *lossy, "--table=1")
    code_n, without, _ = run(program, *lossy, "--table=0", "--traces=0")
    check("--table=0: exit status and summary as --table=1", (code_n, summary(without)),
          (code_t, summary(with_table)))
    s = summary(with_table) or ""
    check(f"the lossy run has failures ({s!r})", code_t == 1 and "never reached" in s, True)


def main():
    if len(sys.argv) != 2:
        print("Usage: nr-security-smc-cli-test.py PATH-TO-nr-security-smc", file=sys.stderr)
        return 2
    program = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="nr-security-smc-cli-") as tmp:
        out = ["--outputDir=" + os.path.join(tmp, "out"), "--pcap=0", "--table=0"]
        for bad, option in [("--ues=abc", "--ues"), ("--ues=0", "--ues"),
                            ("--ues=3x", "--ues"), ("--scs=45", "--scs"),
                            ("--lossRate=2", "--lossRate"), ("--lossRate=x", "--lossRate"),
                            ("--ueNea=4", "--ueNea"), ("--ueNia=1,,2", "--ueNia"),
                            ("--pcap=maybe", "--pcap"), ("--traces=maybe", "--traces"),
                            ("--RngRun=-1", "--RngRun"),
                            ("--cipheringPriority=NEA9", "--cipheringPriority"),
                            ("--integrityPriority=NIA2;NIA1", "--integrityPriority")]:
            code, stdout, stderr = run(program, *out, bad)
            check(f"{bad}: exit status", code, 2)
            lines = stderr.strip().splitlines()
            check(f"{bad}: one line on stderr", len(lines), 1)
            check(f"{bad}: the line names the option ({stderr.strip()!r})",
                  bool(lines) and lines[0].startswith(f"nr-security-smc: {option}="), True)
            check(f"{bad}: nothing on stdout", stdout, "")

        # Checked before ns-3's CommandLine, which would print the whole help and exit 1, or
        # keep only the first word of a value with a space.
        for bad, prefix in [("--foo=1", "nr-security-smc: unknown option '--foo=1'"),
                            ("--ues=", "nr-security-smc: --ues needs a value"),
                            ("--ues", "nr-security-smc: --ues needs a value"),
                            ("--outputDir=", "nr-security-smc: --outputDir needs a value"),
                            ("--ues=5 junk", "nr-security-smc: --ues='5 junk': option values"),
                            ("--integrityPriority=NIA0 NIA2",
                             "nr-security-smc: --integrityPriority='NIA0 NIA2': option values"),
                            ("stray", "nr-security-smc: unexpected argument 'stray'"),
                            ("--ueNea=NIA2", "nr-security-smc: --ueNea=NIA2: NIA names"),
                            ("--ueNia=NEA2", "nr-security-smc: --ueNia=NEA2: NEA names")]:
            code, stdout, stderr = run(program, *out, bad)
            lines = stderr.strip().splitlines()
            check(f"{bad!r}: exit 2, one line, nothing on stdout",
                  (code, len(lines), stdout), (2, 1, ""))
            check(f"{bad!r}: the line ({stderr.strip()!r})",
                  bool(lines) and lines[0].startswith(prefix), True)

        # The output folder is data, never shell text (mscgen is run without a shell).
        marker = os.path.join(tmp, "INJECTED")
        odd = os.path.join(tmp, "o;touch${IFS}" + marker + ";")
        code, _, stderr = run(program, "--outputDir=" + odd, "--ues=1", "--table=0")
        check("--outputDir with shell metacharacters: exit status", (code, stderr), (0, ""))
        check("--outputDir with shell metacharacters: no command ran", os.path.exists(marker),
              False)
        check("--outputDir with shell metacharacters: traces.csv in that folder",
              os.path.exists(os.path.join(odd, "traces.csv")), True)

        code, stdout, _ = run(program, "--help")
        check("--help exit status", code, 0)
        for option in ("--ues", "--cipheringPriority", "--integrityPriority", "--ueNea",
                       "--ueNia", "--lossRate", "--scs", "--RngRun", "--outputDir", "--pcap",
                       "--table"):
            check(f"--help lists {option}", f"{option}:" in stdout, True)
        check("--help explains the exit status", "Exit status: 0" in stdout and "1 when any"
              in stdout and "2 for a bad option" in stdout, True)

        def summary(stdout):
            return next((ln for ln in stdout.splitlines() if ln.startswith("Summary:")), None)

        code, stdout, stderr = run(program, *out, "--ues=2")
        check("all completed: exit status", (code, stderr), (0, ""))
        check("all completed: summary", (summary(stdout) or "")[:50],
              "Summary: 2 UEs, 2 procedures completed, 0 failed, ")

        code, stdout, stderr = run(program, *out, "--ues=2", "--ueNea=0", "--table=1")
        check("--ueNea=0: exit status", (code, stderr), (0, ""))
        check("--ueNea=0: NEA0 selected for both UEs",
              stdout.count("SecurityModeCommand sent (NEA0, NIA2)"), 2)

        code, stdout, stderr = run(program, *out, "--ues=2", "--ueNia=0")
        check("a procedure failed: exit status 1", (code, stderr), (1, ""))
        check("a procedure failed: summary", (summary(stdout) or "")[:48],
              "Summary: 2 UEs, 0 procedures completed, 2 failed")

        # no RRC connection at all (every RRCSetupRequest lost until T300 expires): no SMC, so
        # the run did not do its job (it exited 0 with "0 procedures completed, 0 failed")
        code, stdout, stderr = run(program, *out, "--ues=3", "--lossRate=1")
        check("no procedure started: exit status 1", (code, stderr), (1, ""))
        check("no procedure started: summary", summary(stdout) or "",
              "Summary: 3 UEs, 0 procedures completed, 0 failed, "
              "3 never reached the SecurityModeCommand")

        nested = os.path.join(tmp, "a", "b", "c")
        code, _, stderr = run(program, "--outputDir=" + nested, "--ues=1", "--table=0")
        check("missing nested --outputDir: exit status", (code, stderr), (0, ""))
        for name in ("traces.csv", "gnb-1.pcap", "ue-1.pcap", "keys.csv", "smc-ue-1.msc"):
            check(f"missing nested --outputDir: {name} written",
                  os.path.exists(os.path.join(nested, name)), True)
        check_explain(program, tmp)
        check_traces(program, tmp)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
