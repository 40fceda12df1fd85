#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The README's "A short ns-3 script" compiles with the README's own g++ command and runs:
# both UEs report NEA2/NIA2. Usage: nr-security-readme-script-test.sh SOURCE_DIR BUILD_DIR
# [EXTRA_CXXFLAGS] (the sanitizer build passes its -fsanitize flags, inserted after "g++").
set -u
src=$1 build=$2 extra=${3:-}
passed=0 failed=0
check() { if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "PASS $1"; else failed=$((failed + 1)); echo "FAIL $1"; fi; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ln -s "$(cd "$build" && pwd)" "$tmp/build"
section=$(sed -n '/^## A short ns-3 script/,/^## /p' "$src/README.md")
printf '%s\n' "$section" | awk '/^```cpp$/{f=1;next} /^```$/{if(f){exit}} f' > "$tmp/s.cc"
# The compile command: the first ```sh block of the section, its continuation lines joined.
cmd=$(printf '%s\n' "$section" | awk '/^```sh$/{f=1;next} /^```$/{if(f){exit}} f' \
      | sed -e ':a' -e '/\\$/N; s/\\\n//; ta' | grep '^g++ ')
[ -s "$tmp/s.cc" ] && [ -n "$cmd" ]; check "README has the script and its g++ command" $?
[ -n "$extra" ] && cmd="g++ $extra ${cmd#g++ }"
(cd "$tmp" && eval "$cmd") > "$tmp/compile.log" 2>&1; rc=$?
[ $rc != 0 ] && cat "$tmp/compile.log"
check "the script compiles and links with the README's command" $rc
(cd "$tmp" && ./s) > "$tmp/out.txt" 2>&1; rc=$?
check "the script runs (exit 0)" $rc
[ "$(sort "$tmp/out.txt")" = "$(printf 'UE 1: NEA2/NIA2\nUE 2: NEA2/NIA2')" ]; rc=$?
[ $rc != 0 ] && cat "$tmp/out.txt"
check "both UEs print NEA2/NIA2" $rc
[ -s "$tmp/traces.csv" ] && [ -s "$tmp/gnb-1.pcap" ]; check "traces.csv and gnb-1.pcap written" $?
echo "$passed passed, $failed failed"
[ $failed = 0 ]
