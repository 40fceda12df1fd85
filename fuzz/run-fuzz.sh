#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Runs every nr-security fuzz target for a bounded time (or number of runs), one after the
# other, from its committed seed corpus, and prints one line per target and a summary.
#
# Usage: fuzz/run-fuzz.sh BUILD_DIR SECONDS [RUNS]
#   BUILD_DIR  the clang build with -DNR_SECURITY_FUZZ=ON (its bin/ holds the targets)
#   SECONDS    -max_total_time of each target
#   RUNS       optional -runs of each target (e.g. 10000000 for a campaign)
# Environment: FUZZ_TARGETS (default: every BUILD_DIR/bin/nr-security-fuzz-* built, e.g.
# "pdcp-pdu pdcp-rx rrc-uper calc-parse"), FUZZ_NICE (default 19).
#
# Each target starts from fuzz/corpus/<target>/ (read only; if there is one) and keeps what it finds in
# BUILD_DIR/fuzz-corpus/<target>/; a crash input goes to BUILD_DIR/fuzz-artifacts/<target>/
# and fails the run (exit status 1). The portable SNOW 3G / ZUC cores are selected
# (NR_SECURITY_CRYPTO_BACKEND=portable) so that our own code runs under the sanitizers.
set -u
if [ $# -lt 2 ]; then
  echo "usage: $0 BUILD_DIR SECONDS [RUNS]" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
seconds=$2
runs=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
built=$(cd "$build/bin" 2>/dev/null && ls nr-security-fuzz-* 2>/dev/null | sed 's/^nr-security-fuzz-//')
targets=${FUZZ_TARGETS:-$built}
if [ -z "$targets" ]; then
  echo "FAIL no fuzz targets in $build/bin (configure with -DNR_SECURITY_FUZZ=ON and build nr-security-fuzz)"
  exit 1
fi
nice_level=${FUZZ_NICE:-19}

export NR_SECURITY_CRYPTO_BACKEND=portable
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:quarantine_size_mb=16
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

passed=0
failed=0
for t in $targets; do
  exe=$build/bin/nr-security-fuzz-$t
  work=$build/fuzz-corpus/$t
  artifacts=$build/fuzz-artifacts/$t
  log=$build/fuzz-logs/$t.log
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  if [ ! -x "$exe" ]; then
    echo "FAIL nr-security-fuzz-$t: $exe not built"
    failed=$((failed + 1))
    continue
  fi
  # receive-path scripts of up to 512 bytes (about 150 operations); longer ones only slow it down
  maxlen=()
  [ "$t" = pdcp-rx ] && maxlen=(-max_len=512)
  args=(-max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts/" "${maxlen[@]}")
  [ -n "$runs" ] && args+=(-runs="$runs")
  start=$(date +%s)
  marker=$artifacts/.started
  touch "$marker"
  seeds=()
  [ -d "$here/corpus/$t" ] && seeds=("$here/corpus/$t")
  nice -n "$nice_level" "$exe" "${args[@]}" "$work" "${seeds[@]}" >"$log" 2>&1
  rc=$?
  elapsed=$(($(date +%s) - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  # crash-, leak-, timeout-, oom- inputs fail; slow-unit- ones (a unit that took over 10 s,
  # on a loaded machine usually the scheduler) are only reported
  # (of this run: inputs kept from earlier runs stay, and do not count)
  new=$(find "$artifacts" -maxdepth 1 -type f -newer "$marker" -printf '%f\n')
  crash=$(echo "$new" | grep -E '^(crash|leak|timeout|oom)-' | head -1)
  slow=$(echo "$new" | grep -c '^slow-unit-')
  if [ $rc -eq 0 ] && [ -z "$crash" ]; then
    passed=$((passed + 1))
    echo "PASS nr-security-fuzz-$t: ${execs:-?} executions in ${elapsed} s (${rate:-?}/s), ${cov:-cov: ?}, 0 crashes$([ "$slow" != 0 ] && echo " ($slow slow unit(s) in $artifacts)")"
  else
    failed=$((failed + 1))
    echo "FAIL nr-security-fuzz-$t: exit $rc after ${execs:-?} executions; crash input: ${crash:+$artifacts/$crash}; log: $log"
    grep -m 5 -E 'ERROR|violated|SUMMARY' "$log" | sed 's/^/    /'
  fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
