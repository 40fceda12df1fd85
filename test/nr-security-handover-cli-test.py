#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Black-box checks of examples/nr-security-handover.cc, every key recomputed with
nr-security-calc from the files the run exported.

Usage: nr-security-handover-cli-test.py PATH-TO-nr-security-handover PATH-TO-nr-security-calc

 * Xn run (default): exit 0; traces-key-epochs.csv has for UE 1 epochs 0, 1, 2 in cells 1, 2, 3,
   each written by the UE and by the gNB with the same K_gNB; epoch 0 = KDF(K_AMF, 0x6E, NAS
   COUNT) (calc kgnb, TS 33.501 A.9); epoch 1 horizontal (K_gNB* from epoch 0's K_gNB, target PCI
   2, ARFCN-DL, calc kgnb-star, A.11; NCC 0: no path switch yet); epoch 2 vertical from the NH the
   first path switch gave (TS 33.501 6.9.2.1.1: NH_1 with NCC 1 is derived at initial setup,
   each path switch increments the NCC and derives the next NH: NH_2, NCC 2; calc nh, A.10);
   keys.csv has the three epochs with the same K_gNB, NCC and cell and the AS keys of each
   (calc as-keys, NEA2/NIA2, A.8); traces.csv has HandoverEvent rows; two interruptions printed.
 * N2 run: exit 0; epochs 1 and 2 vertical from NH_2 (NCC 2) and NH_3 (NCC 3): each N2 handover
   gets a fresh {NH, NCC} from the AMF (6.9.2.3.3).
 * bad options: exit 2 with one line on stderr naming the option.
Each check prints PASS or FAIL; the last line is "N passed, M failed"; exit 1 if any failed.
"""
import csv
import os
import re
import subprocess
import sys
import tempfile

exe, calc = sys.argv[1], sys.argv[2]
passed = failed = 0
ARFCN_DL = 632628  # NrSecurityGnbRrc ArfcnDl default


def check(what, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"PASS {what}")
    else:
        failed += 1
        print(f"FAIL {what}" + (f"\n{detail}" if detail else ""))


def run(*args):
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=600)


def calc_out(*args):
    r = subprocess.run([calc, *args], capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise RuntimeError(f"nr-security-calc {' '.join(args)}: {r.stderr}")
    return r.stdout.strip()


def nh_chain(k_amf, k_gnb0, n):
    """NH_1..NH_n (TS 33.501 A.10: NH_1 from the initial K_gNB, NH_i+1 from NH_i)."""
    chain, sync = [], k_gnb0
    for _ in range(n):
        sync = calc_out("nh", "--kamf", k_amf, "--sync-input", sync)
        chain.append(sync)
    return chain


def check_run(label, out_dir, stdout, expected):
    """expected: per epoch (derivation, ncc, nh_index or None)."""
    path = os.path.join(out_dir, "traces-key-epochs.csv")
    with open(path, newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["ue_id"] == "1"]
    epochs = {}
    for r in rows:
        epochs.setdefault(int(r["epoch"]), []).append(r)
    check(f"{label}: UE 1 has key epochs 0, 1, 2", sorted(epochs) == [0, 1, 2], str(sorted(epochs)))
    if sorted(epochs) != [0, 1, 2]:
        return
    for e, rs in epochs.items():
        check(f"{label}: epoch {e} written by the UE and by the gNB (epochs +1 per K_gNB)",
              len(rs) == 2, str(rs))
        # the cause may differ: the UE cannot tell an Xn from an N2 handover
        fields = ("derivation", "k_gnb", "input_key", "ncc", "nh_index", "cell", "pci",
                  "arfcn_dl")
        check(f"{label}: epoch {e} identical at both ends",
              len(rs) == 2 and all(rs[0][k] == rs[1][k] for k in fields), str(rs))
        if e > 0:
            cause = "xn-handover" if label == "Xn" else "n2-handover"
            check(f"{label}: epoch {e} cause {cause} at the gNB",
                  any(r["cause"] == cause for r in rs), str(rs))
    ep = {e: rs[0] for e, rs in epochs.items()}
    k_amf = ep[0]["input_key"]
    # epoch 0: TS 33.501 A.9
    k0 = calc_out("kgnb", "--kamf", k_amf, "--ul-nas-count", ep[0]["ul_nas_count"])
    check(f"{label}: epoch 0 K_gNB = KDF(K_AMF, 0x6E, NAS COUNT) (A.9)",
          ep[0]["derivation"] == "initial" and k0 == ep[0]["k_gnb"] and ep[0]["ncc"] == "0"
          and ep[0]["cell"] == "1", str(ep[0]))
    chain = nh_chain(k_amf, ep[0]["k_gnb"], 4)
    for e in (1, 2):
        r = ep[e]
        derivation, ncc, nh_index = expected[e]
        check(f"{label}: epoch {e} in cell {e + 1} (PCI {e + 1}, ARFCN-DL {ARFCN_DL})",
              (r["cell"], r["pci"], r["arfcn_dl"]) == (str(e + 1), str(e + 1), str(ARFCN_DL)),
              str(r))
        check(f"{label}: epoch {e} {derivation}, NCC {ncc}",
              (r["derivation"], r["ncc"]) == (derivation, str(ncc)), str(r))
        if derivation == "horizontal":
            check(f"{label}: epoch {e} input = epoch {e - 1}'s K_gNB",
                  r["input_key"] == ep[e - 1]["k_gnb"], str(r))
        else:
            check(f"{label}: epoch {e} input = NH_{nh_index} of the chain (A.10)",
                  r["nh_index"] == str(nh_index) and r["input_key"] == chain[nh_index - 1], str(r))
        star = calc_out("kgnb-star", "--key", r["input_key"], "--pci", r["pci"],
                        "--arfcn-dl", r["arfcn_dl"])
        check(f"{label}: epoch {e} K_gNB = KDF(input, 0x70, PCI, ARFCN-DL) (A.11)",
              star == r["k_gnb"], f"calc {star}, file {r['k_gnb']}")
    check(f"{label}: two handovers with an interruption each",
          len(re.findall(r"interruption [0-9.]+ ms", stdout)) == 2, stdout)
    keys_path = os.path.join(out_dir, "keys.csv")
    if os.path.exists(keys_path):
        with open(keys_path, newline="") as f:
            keys = {int(r["epoch"]): r for r in csv.DictReader(f) if r["ue_id"] == "1"}
        check(f"{label}: keys.csv has epochs 0, 1, 2", sorted(keys) == [0, 1, 2], str(keys))
        for e in sorted(keys):
            k = keys[e]
            check(f"{label}: keys.csv epoch {e} = the key epoch (K_gNB, NCC, cell)",
                  (k["k_gnb"], k["ncc"], k["cell"]) == (ep[e]["k_gnb"], ep[e]["ncc"], ep[e]["cell"]),
                  str(k))
            as_keys = dict(line.split("=") for line in
                           calc_out("as-keys", "--kgnb", k["k_gnb"], "--nea", "2", "--nia", "2")
                           .splitlines())
            check(f"{label}: keys.csv epoch {e} AS keys (A.8, NEA2/NIA2)",
                  (k["k_rrc_enc"], k["k_rrc_int"], k["k_up_enc"], k["k_up_int"])
                  == (as_keys["K_RRCenc"], as_keys["K_RRCint"], as_keys["K_UPenc"],
                      as_keys["K_UPint"]), str(k))


with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "xn")
    r = run("--speed=100", f"--outputDir={out}")
    check("Xn run exits 0", r.returncode == 0, r.stdout + r.stderr)
    check("Xn run: every handover completed, nothing lost",
          "every handover completed and no packet was lost" in r.stdout, r.stdout)
    check("Xn run: the UPF switched the path twice", "UPF path switches: 2" in r.stdout, r.stdout)
    if os.path.exists(os.path.join(out, "traces-key-epochs.csv")):
        check_run("Xn", out, r.stdout, {1: ("horizontal", 0, None), 2: ("vertical", 2, 2)})
    else:
        check("Xn run wrote traces-key-epochs.csv", False, r.stdout + r.stderr)
    with open(os.path.join(out, "traces.csv")) as f:
        check("Xn run: handover steps in traces.csv", ",HandoverEvent," in f.read())

    out = os.path.join(tmp, "n2")
    r = run("--speed=100", "--handoverType=N2", f"--outputDir={out}", "--pcap=0")
    check("N2 run exits 0", r.returncode == 0, r.stdout + r.stderr)
    if os.path.exists(os.path.join(out, "traces-key-epochs.csv")):
        check_run("N2", out, r.stdout, {1: ("vertical", 2, 2), 2: ("vertical", 3, 3)})
    else:
        check("N2 run wrote traces-key-epochs.csv", False, r.stdout + r.stderr)

for bad, word in (("--handoverType=X2", "--handoverType"), ("--speed=0", "--speed"),
                  ("--speed=fast", "--speed"), ("--distance=10", "--distance"),
                  ("--packetSize=2000", "--packetSize"), ("--pcap=2", "--pcap"),
                  ("--bogus=1", "bogus"), ("stray", "stray"), ("--speed=", "--speed")):
    r = run(bad)
    lines = r.stderr.strip().splitlines()
    check(f"{bad}: exit 2 with one line naming it",
          r.returncode == 2 and len(lines) == 1 and word in lines[0],
          f"exit {r.returncode}, stderr: {r.stderr!r}")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
