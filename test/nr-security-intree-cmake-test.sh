#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# In-tree CMake branch of nr-security, configured inside a FAKE ns-3 source tree (no ns-3
# sources, no compilation): the `if(COMMAND build_lib)` branch of CMakeLists.txt and
# examples/CMakeLists.txt are otherwise only exercised inside a real ns-3 >= 3.36 checkout.
#
# Usage: nr-security-intree-cmake-test.sh PROJECT_SOURCE_DIR
#
# The fake tree (in a temporary directory) has a top-level CMakeLists.txt that
#  - defines build_lib / build_lib_example with ns-3's cmake_parse_arguments signatures
#    (build-support/custom-modules/ns3-module-macros.cmake: build_lib options IGNORE_PCH
#    GENERATE_EXPORT_HEADER, one-value LIBNAME, multi-value SOURCE_FILES HEADER_FILES
#    LIBRARIES_TO_LINK TEST_SOURCES DEPRECATED_HEADER_FILES MODULE_ENABLED_FEATURES
#    PRIVATE_HEADER_FILES; build_lib_example option IGNORE_PCH, one-value NAME, multi-value
#    SOURCE_FILES HEADER_FILES LIBRARIES_TO_LINK) that record their arguments;
#  - sets lib<module> for every module as ns-3 3.36-3.4x does (library_target_name():
#    libcore -> "libcore", the targets Debian's ns-3 3.37 exports as ns3::libcore; newest
#    ns-3 uses "core": FAKE_NS3_TARGET_STYLE=plain) and ns3-all-enabled-modules;
#  - adds a copy of the module as contrib/nr-security; like ns-3's build_lib, the fake
#    add_subdirectory()s examples/ (ENABLE_EXAMPLES is ON).
# find_package(OpenSSL) and find_package(Boost) are the real ones (installed packages).
#
# Then it checks the recorded calls. Each check prints PASS or FAIL; the last line is
# "N passed, M failed"; the exit status is 1 if anything failed (2 on bad usage).
set -u
export LC_ALL=C

if [ $# -ne 1 ] || [ ! -f "$1/CMakeLists.txt" ]; then
    echo "usage: $0 PROJECT_SOURCE_DIR" >&2
    exit 2
fi
SRC=$(cd "$1" && pwd)
CMAKE=${CMAKE:-cmake}
STYLE=${FAKE_NS3_TARGET_STYLE:-prefixed}

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1${2:+: $2}"; }
finish() {
    echo "$passed passed, $failed failed"
    if [ "$failed" -eq 0 ]; then exit 0; else exit 1; fi
}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/nr-security-intree.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
FAKE=$TMP/fake
MOD=$FAKE/contrib/nr-security
REC=$FAKE/build/fake-ns3-record
mkdir -p "$MOD" "$REC"

# --- the module, copied as contrib/nr-security (without build trees and .git) ----------------
(cd "$SRC" && tar -cf - --exclude=./.git --exclude=./build --exclude='./build-*' \
    --exclude=./demo-output --exclude=__pycache__ .) | (cd "$MOD" && tar -xf -) \
    || { fail "copy the module into the fake tree"; finish; }

# --- the fake ns-3 top-level CMakeLists.txt ------------------------------------------------
cat > "$FAKE/CMakeLists.txt" <<'EOF'
# SPDX-License-Identifier: GPL-2.0-only
# FAKE ns-3 source tree: just enough of ns-3's CMake for a contrib module to configure.
cmake_minimum_required(VERSION 3.13)
project(NS3 CXX)

set(NS3_VER 3.37)
set(ENABLE_EXAMPLES ON)
set(ENABLE_TESTS ON)
set(FAKE_REC ${CMAKE_BINARY_DIR}/fake-ns3-record)

# ns-3 scans src/ and contrib/ and sets lib<module> (and lib<module>-obj) for each, through
# library_target_name(): lib${libname} in ns-3 3.36-3.4x, ${libname} in the newest releases.
set(fake_src_modules
    antenna aodv applications bridge buildings config-store core csma csma-layout dsdv dsr
    energy fd-net-device flow-monitor internet internet-apps lr-wpan lte mesh mobility
    netanim network nix-vector-routing olsr point-to-point point-to-point-layout
    propagation sixlowpan spectrum stats tap-bridge test topology-read traffic-control uan
    virtual-net-device wave wifi wimax)
set(fake_contrib_modules nr-security)
set(FAKE_NS3_MODULE_TARGETS)
foreach(libname ${fake_src_modules} ${fake_contrib_modules})
  if(FAKE_NS3_TARGET_STYLE STREQUAL "plain")
    set(targetname ${libname})
  else()
    set(targetname lib${libname})
  endif()
  set(lib${libname} ${targetname} CACHE INTERNAL "")
  set(lib${libname}-obj ${targetname}-obj CACHE INTERNAL "")
  list(APPEND FAKE_NS3_MODULE_TARGETS ${targetname})
endforeach()
set(ns3-all-enabled-modules "${fake_src_modules};${fake_contrib_modules}"
    CACHE INTERNAL "list with all enabled modules")

function(fake_record file key)
  file(APPEND ${FAKE_REC}/${file} "${key}=${ARGN}\n")
endfunction()

# lib entries of LIBRARIES_TO_LINK: an ns-3 module, an (imported) target, a path, or unknown
function(fake_classify_libs file key)
  set(kinds)
  foreach(lib ${ARGN})
    if(lib IN_LIST FAKE_NS3_MODULE_TARGETS)
      list(APPEND kinds "${lib}:ns3-module")
    elseif(TARGET ${lib})
      list(APPEND kinds "${lib}:target")
    elseif(EXISTS ${lib})
      list(APPEND kinds "${lib}:path")
    else()
      list(APPEND kinds "${lib}:UNKNOWN")
    endif()
  endforeach()
  fake_record(${file} ${key} "${kinds}")
endfunction()

function(fake_missing_files file key)
  set(missing)
  foreach(f ${ARGN})
    if(NOT EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${f} OR IS_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/${f})
      list(APPEND missing ${f})
    endif()
  endforeach()
  fake_record(${file} ${key} "${missing}")
endfunction()

# ns-3's remove_lib_prefix + check_for_missing_libraries, which decide whether an example is
# built: in ns-3 3.36-3.38 (and later releases before the change) every entry that is neither
# an existing path nor an enabled module counts as a missing module and the example is
# silently skipped; the newest ns-3 also lets imported targets (Foo::bar) through.
function(fake_missing_libraries out modern)
  set(missing)
  foreach(lib ${ARGN})
    if(EXISTS ${lib})
      continue()
    endif()
    if(modern AND lib MATCHES "^(ns3::)?[^:]+::.+$")
      continue()
    endif()
    string(FIND "${lib}" "lib" pos)
    if(pos EQUAL 0)
      string(SUBSTRING "${lib}" 3 -1 lib)
    endif()
    if(NOT (lib IN_LIST ns3-all-enabled-modules))
      list(APPEND missing ${lib})
    endif()
  endforeach()
  set(${out} "${missing}" PARENT_SCOPE)
endfunction()

function(build_lib)
  set(options IGNORE_PCH GENERATE_EXPORT_HEADER)
  set(oneValueArgs LIBNAME)
  set(multiValueArgs SOURCE_FILES HEADER_FILES LIBRARIES_TO_LINK TEST_SOURCES
                     DEPRECATED_HEADER_FILES MODULE_ENABLED_FEATURES PRIVATE_HEADER_FILES)
  cmake_parse_arguments("BLIB" "${options}" "${oneValueArgs}" "${multiValueArgs}" ${ARGN})
  string(REPLACE "${PROJECT_SOURCE_DIR}/" "" FOLDER "${CMAKE_CURRENT_SOURCE_DIR}")

  set(r build_lib.${BLIB_LIBNAME}.txt)
  file(APPEND ${FAKE_REC}/calls "build_lib ${BLIB_LIBNAME}\n")
  fake_record(${r} FOLDER "${FOLDER}")
  fake_record(${r} LIBNAME "${BLIB_LIBNAME}")
  foreach(k ${multiValueArgs})
    fake_record(${r} ${k} "${BLIB_${k}}")
  endforeach()
  fake_record(${r} IGNORE_PCH "${BLIB_IGNORE_PCH}")
  fake_record(${r} UNPARSED "${BLIB_UNPARSED_ARGUMENTS}")
  fake_record(${r} KEYWORDS_MISSING_VALUES "${BLIB_KEYWORDS_MISSING_VALUES}")
  fake_missing_files(${r} MISSING_FILES ${BLIB_SOURCE_FILES} ${BLIB_HEADER_FILES}
                     ${BLIB_TEST_SOURCES} ${BLIB_DEPRECATED_HEADER_FILES}
                     ${BLIB_PRIVATE_HEADER_FILES})
  fake_classify_libs(${r} LIB_KINDS ${BLIB_LIBRARIES_TO_LINK})
  # the module's own lists, as CMake evaluated them in the module's directory
  foreach(v NR_SECURITY_SOURCES NR_SECURITY_HEADERS NR_SECURITY_TEST_SOURCES)
    fake_record(${r} MODULE_${v} "${${v}}")
  endforeach()

  # as ns-3's build_lib: examples/ (or example/) when examples are enabled
  foreach(example_folder example;examples)
    if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${example_folder})
      if(${ENABLE_EXAMPLES})
        if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${example_folder}/CMakeLists.txt)
          file(APPEND ${FAKE_REC}/calls "add_subdirectory ${FOLDER}/${example_folder}\n")
          add_subdirectory(${example_folder})
        endif()
      endif()
    endif()
  endforeach()
endfunction()

function(build_lib_example)
  set(options IGNORE_PCH)
  set(oneValueArgs NAME)
  set(multiValueArgs SOURCE_FILES HEADER_FILES LIBRARIES_TO_LINK)
  cmake_parse_arguments("BLIB_EXAMPLE" "${options}" "${oneValueArgs}" "${multiValueArgs}"
                        ${ARGN})
  string(REPLACE "${PROJECT_SOURCE_DIR}/" "" FOLDER "${CMAKE_CURRENT_SOURCE_DIR}")
  set(name "${BLIB_EXAMPLE_NAME}")
  if(name STREQUAL "")
    string(RANDOM LENGTH 8 rnd)
    set(name "NONAME-${rnd}")
  endif()
  set(r example.${name}.txt)
  file(APPEND ${FAKE_REC}/calls "build_lib_example ${name}\n")
  fake_record(${r} FOLDER "${FOLDER}")
  fake_record(${r} PARENT_LIBNAME "${BLIB_LIBNAME}")
  fake_record(${r} NAME "${BLIB_EXAMPLE_NAME}")
  foreach(k ${multiValueArgs})
    fake_record(${r} ${k} "${BLIB_EXAMPLE_${k}}")
  endforeach()
  fake_record(${r} UNPARSED "${BLIB_EXAMPLE_UNPARSED_ARGUMENTS}")
  fake_record(${r} KEYWORDS_MISSING_VALUES "${BLIB_EXAMPLE_KEYWORDS_MISSING_VALUES}")
  fake_missing_files(${r} MISSING_FILES ${BLIB_EXAMPLE_SOURCE_FILES}
                     ${BLIB_EXAMPLE_HEADER_FILES})
  fake_classify_libs(${r} LIB_KINDS ${BLIB_EXAMPLE_LIBRARIES_TO_LINK})
  fake_missing_libraries(legacy FALSE ${BLIB_EXAMPLE_LIBRARIES_TO_LINK})
  fake_missing_libraries(modern TRUE ${BLIB_EXAMPLE_LIBRARIES_TO_LINK})
  fake_record(${r} MISSING_LIBS_LEGACY "${legacy}")
  fake_record(${r} MISSING_LIBS_MODERN "${modern}")
endfunction()

file(WRITE ${FAKE_REC}/calls "")
add_subdirectory(contrib/nr-security)

# what the module left behind in its directories: no targets of its own, no project()
foreach(d contrib/nr-security contrib/nr-security/examples)
  if(EXISTS ${PROJECT_SOURCE_DIR}/${d}/CMakeLists.txt)
    get_property(t DIRECTORY ${d} PROPERTY BUILDSYSTEM_TARGETS)
    get_directory_property(p DIRECTORY ${d} DEFINITION PROJECT_NAME)
    string(REPLACE "/" "_" f ${d})
    file(APPEND ${FAKE_REC}/dirs "${f}.TARGETS=${t}\n${f}.PROJECT_NAME=${p}\n")
  endif()
endforeach()
EOF

# --- configure -----------------------------------------------------------------------------
LOG=$TMP/configure.log
if "$CMAKE" --warn-uninitialized -S "$FAKE" -B "$FAKE/build" \
        -DFAKE_NS3_TARGET_STYLE="$STYLE" >"$LOG" 2>&1; then
    pass "cmake configures the fake ns-3 tree with contrib/nr-security ($STYLE lib names)"
else
    fail "cmake configures the fake ns-3 tree with contrib/nr-security" \
        "$(sed 's/^/    /' "$LOG" | tail -40)"
    finish
fi

# CMake warnings located in the module's own files (uninitialized variables: a misspelt
# ${libmobilty} or ${NR_SECURITY_HEADER} expands to nothing, silently)
uninit=$(awk '/^CMake Warning \(dev\) at (.*\/)?contrib\/nr-security\// { loc = $5; next }
              loc != "" && /uninitialized variable/ { print loc, $0; loc = ""; next }
              /^CMake / { loc = "" }' "$LOG" | sed 's/  */ /g')
if [ -z "$uninit" ]; then
    pass "no uninitialized variable is used by the module's CMake files"
else
    fail "no uninitialized variable is used by the module's CMake files" "$uninit"
fi
other_warn=$(grep -E '^CMake (Warning|Error|Deprecation).* at (.*/)?contrib/nr-security/' "$LOG" \
    | grep -v 'Warning (dev)' || true)
if [ -z "$other_warn" ]; then
    pass "no other CMake warning from the module's CMake files"
else
    fail "no other CMake warning from the module's CMake files" "$other_warn"
fi

# --- helpers on the records ----------------------------------------------------------------
get() { sed -n "s/^$2=//p" "$1" | head -n 1; }         # get FILE KEY -> ;-list
lines() { tr ';' '\n' | sed '/^$/d'; }                   # ;-list -> lines
sorted() { lines | sort; }
same_list() {  # same_list WHAT GOT EXPECTED
    local got exp
    got=$(printf '%s' "$2" | sorted)
    exp=$(printf '%s' "$3" | sorted)
    if [ -z "$exp" ]; then
        fail "$1" "the module's list is empty"
    elif [ "$got" = "$exp" ]; then
        pass "$1"
    else
        local missing extra
        missing=$(comm -13 <(echo "$got") <(echo "$exp") | paste -sd' ')
        extra=$(comm -23 <(echo "$got") <(echo "$exp") | paste -sd' ')
        fail "$1" "missing: ${missing:-(none)}; extra: ${extra:-(none)}"
    fi
}
empty_or_fail() {  # empty_or_fail WHAT VALUE
    if [ -z "$2" ]; then pass "$1"; else fail "$1" "$(printf '%s' "$2" | lines | paste -sd' ')"; fi
}

# --- build_lib -----------------------------------------------------------------------------
n_build_lib=$(grep -c '^build_lib ' "$REC/calls")
if [ "$n_build_lib" -eq 1 ]; then
    pass "build_lib is called once"
else
    fail "build_lib is called once" "called $n_build_lib times: $(grep '^build_lib ' "$REC/calls" | paste -sd',')"
fi
BL=$REC/build_lib.nr-security.txt
if [ ! -f "$BL" ]; then
    fail "build_lib LIBNAME is nr-security" "got: $(sed -n 's/^build_lib //p' "$REC/calls" | paste -sd' ')"
    finish
fi
pass "build_lib LIBNAME is nr-security"
[ "$(get "$BL" FOLDER)" = "contrib/nr-security" ] && pass "build_lib is called from contrib/nr-security" \
    || fail "build_lib is called from contrib/nr-security" "from $(get "$BL" FOLDER)"
empty_or_fail "build_lib: no unknown arguments" "$(get "$BL" UNPARSED)"
empty_or_fail "build_lib: no keyword without values" "$(get "$BL" KEYWORDS_MISSING_VALUES)"
same_list "build_lib SOURCE_FILES == NR_SECURITY_SOURCES" \
    "$(get "$BL" SOURCE_FILES)" "$(get "$BL" MODULE_NR_SECURITY_SOURCES)"
same_list "build_lib HEADER_FILES == NR_SECURITY_HEADERS" \
    "$(get "$BL" HEADER_FILES)" "$(get "$BL" MODULE_NR_SECURITY_HEADERS)"
same_list "build_lib TEST_SOURCES == NR_SECURITY_TEST_SOURCES" \
    "$(get "$BL" TEST_SOURCES)" "$(get "$BL" MODULE_NR_SECURITY_TEST_SOURCES)"
empty_or_fail "build_lib: every source, header and test source exists in contrib/nr-security" \
    "$(get "$BL" MISSING_FILES)"

# LIBRARIES_TO_LINK: the ns-3 modules that the standalone branch links to the library
# (nr_security_ns3_targets(NR_SECURITY_NS3_LIBRARIES X Y ...), linked to nr-security as
# ns3::libX or ns3::X by version), each as ${libX}
libs=$(get "$BL" LIBRARIES_TO_LINK | lines)
kinds=$(get "$BL" LIB_KINDS | lines)
needed=$(sed 's/#.*//' "$MOD/CMakeLists.txt" | tr '\n' ' ' \
    | grep -oE 'nr_security_ns3_targets\([[:space:]]*NR_SECURITY_NS3_LIBRARIES[[:space:]][^)]*\)' \
    | sed -E 's/^nr_security_ns3_targets\([[:space:]]*NR_SECURITY_NS3_LIBRARIES//; s/\)$//' \
    | tr -s ' ' '\n' | grep -v '^$' | sort -u)
if [ -z "$needed" ]; then
    fail "the standalone nr_security_ns3_targets(NR_SECURITY_NS3_LIBRARIES ...) is found in CMakeLists.txt"
fi
for m in $needed; do
    if [ "$STYLE" = plain ]; then want=$m; else want=lib$m; fi
    if printf '%s\n' "$libs" | grep -qxF -- "$want"; then
        pass "build_lib LIBRARIES_TO_LINK has \${lib$m}"
    else
        fail "build_lib LIBRARIES_TO_LINK has \${lib$m}" "got: $(printf '%s' "$libs" | paste -sd' ')"
    fi
done
if printf '%s\n' "$libs" | grep -qxF OpenSSL::Crypto; then
    pass "build_lib LIBRARIES_TO_LINK has OpenSSL::Crypto"
else
    fail "build_lib LIBRARIES_TO_LINK has OpenSSL::Crypto" "got: $(printf '%s' "$libs" | paste -sd' ')"
fi
empty_or_fail "build_lib LIBRARIES_TO_LINK: every entry is an ns-3 module, a target or a path" \
    "$(printf '%s\n' "$kinds" | sed -n 's/:UNKNOWN$//p')"

# The in-tree branch must stop before the standalone part: no project(), no targets.
d=contrib_nr-security
t=$(sed -n "s/^$d.TARGETS=//p" "$REC/dirs")
p=$(sed -n "s/^$d.PROJECT_NAME=//p" "$REC/dirs")
empty_or_fail "the module defines no targets of its own in-tree (only build_lib does)" "$t"
[ "$p" = NS3 ] && pass "the module does not call project() in-tree" \
    || fail "the module does not call project() in-tree" "PROJECT_NAME there is '$p'"

# --- examples ------------------------------------------------------------------------------
if grep -qx 'add_subdirectory contrib/nr-security/examples' "$REC/calls"; then
    pass "examples/CMakeLists.txt is added (ENABLE_EXAMPLES)"
else
    fail "examples/CMakeLists.txt is added (ENABLE_EXAMPLES)"
fi
t=$(sed -n "s/^${d}_examples.TARGETS=//p" "$REC/dirs")
empty_or_fail "examples/CMakeLists.txt defines no targets of its own (only build_lib_example)" "$t"

names=$(sed -n 's/^build_lib_example //p' "$REC/calls")
dups=$(printf '%s\n' "$names" | sed '/^$/d' | sort | uniq -d)
empty_or_fail "every build_lib_example NAME is given once" "$dups"
noname=$(printf '%s\n' "$names" | grep '^NONAME-' || true)
empty_or_fail "every build_lib_example has a NAME" "$noname"

# every examples/*.cc is a source of some build_lib_example
for cc in "$MOD"/examples/*.cc; do
    [ -e "$cc" ] || continue
    base=$(basename "$cc")
    found=
    for f in "$REC"/example.*.txt; do
        [ -e "$f" ] || continue
        if get "$f" SOURCE_FILES | lines | grep -qxF -- "$base"; then
            found=$(get "$f" NAME)
            found=${found:-$(basename "$f" .txt)}
        fi
    done
    if [ -n "$found" ]; then
        pass "examples/$base is built by build_lib_example($found)"
    else
        fail "examples/$base is built by build_lib_example" \
            "no build_lib_example has it in SOURCE_FILES (a find_package or an if() may skip it)"
    fi
done

for f in "$REC"/example.*.txt; do
    [ -e "$f" ] || continue
    ex=$(get "$f" NAME)
    [ -n "$ex" ] || ex=$(basename "$f" .txt)
    srcs=$(get "$f" SOURCE_FILES)
    if [ -z "$srcs" ]; then
        fail "example $ex has SOURCE_FILES"
    else
        empty_or_fail "example $ex: its sources exist in examples/" "$(get "$f" MISSING_FILES)"
    fi
    empty_or_fail "example $ex: no unknown arguments" "$(get "$f" UNPARSED)"
    empty_or_fail "example $ex: no keyword without values" "$(get "$f" KEYWORDS_MISSING_VALUES)"
    [ "$(get "$f" PARENT_LIBNAME)" = nr-security ] \
        && pass "example $ex is declared while build_lib(nr-security) runs" \
        || fail "example $ex is declared while build_lib(nr-security) runs" \
            "BLIB_LIBNAME='$(get "$f" PARENT_LIBNAME)'"
    empty_or_fail "example $ex LIBRARIES_TO_LINK: every entry is an ns-3 module, a target or a path" \
        "$(get "$f" LIB_KINDS | lines | sed -n 's/:UNKNOWN$//p')"
    empty_or_fail "example $ex is built by the newest ns-3 (no library taken for a missing module)" \
        "$(get "$f" MISSING_LIBS_MODERN)"
    legacy=$(get "$f" MISSING_LIBS_LEGACY)
    if [ -z "$legacy" ]; then
        pass "example $ex is built by ns-3 3.36-3.38 (no library taken for a missing module)"
    else
        fail "example $ex is built by ns-3 3.36-3.38 (no library taken for a missing module)" \
            "their build_lib_example skips it silently: it takes $(printf '%s' "$legacy" | lines | paste -sd' ') for a disabled ns-3 module (only paths and enabled modules pass)"
    fi
done

finish
