#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Runs build/bin/nr-security-bench once (JSON output, median of repetitions) and prints each
figure as a ratio against its baseline measured in the same process: NEA2 vs raw OpenSSL
AES-128-CTR, NIA2 vs raw OpenSSL AES-128-CMAC, the PDCP entities vs the bare crypto calls.
Usage: bench/ratios.py [path-to-nr-security-bench] [extra benchmark flags...]"""
import json
import subprocess
import sys

exe = sys.argv[1] if len(sys.argv) > 1 else "build/bin/nr-security-bench"
cmd = [exe, "--benchmark_format=json", "--benchmark_repetitions=5",
       "--benchmark_report_aggregates_only=true", "--benchmark_min_time=0.2", *sys.argv[2:]]
data = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
median = {b["run_name"]: b for b in data["benchmarks"] if b.get("aggregate_name") == "median"}


def rate(name):
    return median[name]["bytes_per_second"]


print(f"{'figure':<44} {'ratio':>7}   (median of 5; >1 = faster than the baseline)")
for size in (40, 1500):
    for ours, base in (("Nea/NEA2", "RawOpenSslAesCtr"), ("Nia/NIA2", "RawOpenSslAesCmac")):
        print(f"{ours + '/' + str(size) + ' vs ' + base:<44} {rate(f'{ours}/{size}') / rate(f'{base}/{size}'):7.2f}")
    for alg, base in (("Nea/NEA1", "Nea/NEA2"), ("Nea/NEA3", "Nea/NEA2"),
                      ("Nia/NIA1", "Nia/NIA2"), ("Nia/NIA3", "Nia/NIA2")):
        print(f"{alg + '/' + str(size) + ' vs ' + base:<44} {rate(f'{alg}/{size}') / rate(f'{base}/{size}'):7.2f}")
print(f"{'PdcpEntities vs BareCrypto (1500 B DRB)':<44} {rate('PdcpEntities') / rate('BareCrypto'):7.2f}")
print(f"{'allocations per PDU, PDCP entities':<44} {median['PdcpEntities']['allocs/PDU']:7.1f}")
print(f"{'allocations per PDU, two ns-3 Packets only':<44} {median['TwoPacketsOnly']['allocs/PDU']:7.1f}")
