#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The README's attack in about 20 lines (test/data/attack-script.cc: an injector of
# NrSecurityAdversaryHelper, 20 dB above the gNB, overshadows the gNB's RRCSetup with an
# RRCReject of waitTime 16 s, TS 38.331 5.3.15) compiles against the built library with g++ and
# the ns-3 pkg-config files, runs, and prints that the UE is in RRC_IDLE with T302 running and
# no AS security. README.md must carry the script (the ```cpp block containing
# "InstallInjector(attackerNodes"), byte for byte this file.
# Usage: nr-security-attack-script-test.sh SOURCE_DIR BUILD_DIR [EXTRA_CXXFLAGS]
set -u
src=$1 build=$2 extra=${3:-}
passed=0 failed=0
check() { if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "PASS $1"; else failed=$((failed + 1)); echo "FAIL $1"; fi; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ln -s "$(cd "$build" && pwd)" "$tmp/build"
cp "$src/test/data/attack-script.cc" "$tmp/attack.cc"
lines=$(wc -l < "$tmp/attack.cc")
[ "$lines" -le 32 ]; check "the script is short ($lines lines)" $?
(cd "$tmp" && g++ $extra -std=c++17 attack.cc -o attack -I build/include \
    $(pkg-config --cflags --libs ns3-core ns3-network) \
    -L build/lib -lnr-security -Wl,-rpath,"$tmp/build/lib") > "$tmp/compile.log" 2>&1; rc=$?
[ $rc != 0 ] && cat "$tmp/compile.log"
check "the script compiles and links against the built library" $rc
(cd "$tmp" && ./attack) > "$tmp/out.txt" 2>&1; rc=$?
check "the script runs (exit 0)" $rc
[ "$(cat "$tmp/out.txt")" = "UE 1: IDLE, T302 running 1, AS security 0, forged frames 1" ]; rc=$?
[ $rc != 0 ] && cat "$tmp/out.txt"
check "the overshadowed RRCSetup leaves the UE barred in RRC_IDLE" $rc
readme=$(awk '/^```cpp$/{f=1;b="";next} /^```$/{if(f&&b~/InstallInjector\(attackerNodes/){printf "%s",b;exit} f=0} f{b=b $0 "\n"}' "$src/README.md")
[ -n "$readme" ] && [ "$readme" = "$(cat "$tmp/attack.cc")" ]
check "README.md's attack script is test/data/attack-script.cc" $?
echo "$passed passed, $failed failed"
[ $failed = 0 ]
