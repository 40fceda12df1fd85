#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Runs build/bin/nr-security-bench once (JSON output, median of repetitions) and prints each
figure as a ratio against its baseline measured in the same process: NEA2 vs raw OpenSSL
AES-128-CTR, NIA2 vs raw OpenSSL AES-128-CMAC, the PDCP entities vs the bare crypto calls, and
(bench/nr-security-backend-bench.cc) NEA1/NIA1/NEA3/NIA3 through our API on each backend vs
raw ipsec-mb calls and vs the portable cores; raw ipsec-mb AES vs raw OpenSSL for NEA2/NIA2.
Usage: bench/ratios.py [path-to-nr-security-bench] [extra benchmark flags...]"""
import json
import subprocess
import sys

exe = sys.argv[1] if len(sys.argv) > 1 else "build/bin/nr-security-bench"
cmd = [exe, "--benchmark_format=json", "--benchmark_repetitions=5",
       "--benchmark_report_aggregates_only=true", "--benchmark_min_time=0.2",
       # repetitions of different benchmarks interleaved, so that a burst of load from other
       # processes spreads over a figure and its baseline instead of hitting one of them
       "--benchmark_enable_random_interleaving=true", *sys.argv[2:]]
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
have_ipsec = "RawIpsecMbNea1/40" in median
for size in (40, 1500):
    for alg, raw in (("NEA1", "RawIpsecMbNea1"), ("NIA1", "RawIpsecMbNia1"),
                     ("NEA3", "RawIpsecMbNea3"), ("NIA3", "RawIpsecMbNia3")):
        api = "ApiNea" if alg.startswith("NEA") else "ApiNia"
        core = ("CoreNea/" if alg.startswith("NEA") else "CoreNia/") + alg
        if have_ipsec:
            print(f"{api + '/' + alg + '_ipsec_mb/' + str(size) + ' vs ' + raw:<44} "
                  f"{rate(f'{api}/{alg}_ipsec_mb/{size}') / rate(f'{raw}/{size}'):7.2f}")
            print(f"{core + '/' + str(size) + ' vs ' + raw:<44} "
                  f"{rate(f'{core}/{size}') / rate(f'{raw}/{size}'):7.2f}")
        print(f"{api + '/' + alg + '_portable/' + str(size) + ' vs ' + core:<44} "
              f"{rate(f'{api}/{alg}_portable/{size}') / rate(f'{core}/{size}'):7.2f}")
    if have_ipsec:
        for ours, ossl, imb in (("Nea/NEA2", "RawOpenSslAesCtr", "RawIpsecMbAesCtr"),
                                ("Nia/NIA2", "RawOpenSslAesCmac", "RawIpsecMbAesCmac")):
            print(f"{imb + '/' + str(size) + ' vs ' + ossl:<44} "
                  f"{rate(f'{imb}/{size}') / rate(f'{ossl}/{size}'):7.2f}")
            best = max(rate(f'{ossl}/{size}'), rate(f'{imb}/{size}'))
            print(f"{ours + '/' + str(size) + ' vs faster raw AES':<44} {rate(f'{ours}/{size}') / best:7.2f}")
print(f"{'PdcpEntities vs BareCrypto (1500 B DRB)':<44} {rate('PdcpEntities') / rate('BareCrypto'):7.2f}")
print(f"{'allocations per PDU, PDCP entities':<44} {median['PdcpEntities']['allocs/PDU']:7.1f}")
print(f"{'allocations per PDU, two ns-3 Packets only':<44} {median['TwoPacketsOnly']['allocs/PDU']:7.1f}")
