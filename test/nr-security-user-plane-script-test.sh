#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The user-plane ns-3 script of about 20 lines (test/data/user-plane-script.cc: a UDP
# application on a remote host sends to a UE through the UPF, N3 and the secured DRB) compiles
# against the built library with g++ and the ns-3 pkg-config files, runs, and the UE receives
# all 100 packets of 1024 bytes. README.md must carry the script (the ```cpp block containing
# "EnableUserPlane"), byte for byte this file.
# Usage: nr-security-user-plane-script-test.sh SOURCE_DIR BUILD_DIR [EXTRA_CXXFLAGS]
set -u
src=$1 build=$2 extra=${3:-}
passed=0 failed=0
check() { if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "PASS $1"; else failed=$((failed + 1)); echo "FAIL $1"; fi; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ln -s "$(cd "$build" && pwd)" "$tmp/build"
cp "$src/test/data/user-plane-script.cc" "$tmp/up.cc"
lines=$(wc -l < "$tmp/up.cc")
[ "$lines" -le 30 ]; check "the script is short ($lines lines)" $?
(cd "$tmp" && g++ $extra -std=c++17 up.cc -o up -I build/include \
    $(pkg-config --cflags --libs ns3-core ns3-network ns3-internet ns3-applications) \
    -L build/lib -lnr-security -Wl,-rpath,"$tmp/build/lib") > "$tmp/compile.log" 2>&1; rc=$?
[ $rc != 0 ] && cat "$tmp/compile.log"
check "the script compiles and links against the built library" $rc
(cd "$tmp" && ./up) > "$tmp/out.txt" 2>&1; rc=$?
check "the script runs (exit 0)" $rc
[ "$(cat "$tmp/out.txt")" = "UE received 102400 bytes through the secured DRB" ]; rc=$?
[ $rc != 0 ] && cat "$tmp/out.txt"
check "the UE receives 100 x 1024 bytes" $rc
readme=$(awk '/^```cpp$/{f=1;b="";next} /^```$/{if(f&&b~/EnableUserPlane/){printf "%s",b;exit} f=0} f{b=b $0 "\n"}' "$src/README.md")
[ -n "$readme" ] && [ "$readme" = "$(cat "$tmp/up.cc")" ]
check "README.md's user-plane script is test/data/user-plane-script.cc" $?
echo "$passed passed, $failed failed"
[ $failed = 0 ]
