#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# CI build 2: nr-security in-tree, as contrib/nr-security of ns-3 3.37's own source tree, taken
# from Debian 12's source package (apt-get source ns3, with a deb-src entry for bookworm),
# configured with only the modules we need (ns-3 resolves nr-security's dependencies), tests,
# examples and Python bindings on (cppyy 2.4.2 from build/venv). Then:
#   - every nr-security TestSuite through ns-3's test.py;
#   - the examples of test/examples-to-run.py through test.py (the calculator, the SMC example
#     and the README's ns-3 Python script nr-security-python.py, through the tree's bindings);
#   - our checks that take programs (calculator, SMC, tshark, pycrate, doc, layers, handover,
#     attack) and the pytest files that need no pybind11 part through `from ns import ns`, as
#     the tree's ctest tests (ctest -R '^nr-security-').
# A package that cannot be installed fails the script. .ci/run calls it after `make test`,
# which installed the Debian packages it needs (cmake, build-essential with dpkg-dev and patch,
# python3-venv, tshark); on its own, run `make deps` first.
set -euo pipefail
failed=0
cd "$(dirname "$0")/.."
ROOT="$PWD"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo

make --no-print-directory venv  # build/venv: cppyy, pycrate, pytest (pinned)

# Debian's source package of ns-3 (bookworm: 3.37)
if ! apt-get source --print-uris ns3 >/dev/null 2>&1; then
  $SUDO tee /etc/apt/sources.list.d/nr-security-deb-src.sources >/dev/null <<'SOURCES'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  $SUDO apt-get update -q
fi
# ns-3's configure needs ninja (its default generator here) besides what make deps installs
command -v ninja >/dev/null || $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ninja-build
mkdir -p build-intree
if [ ! -d build-intree/ns3-3.37/ns-3.37 ]; then
  (cd build-intree && apt-get source -q ns3)
fi
TREE="$ROOT/build-intree/ns3-3.37/ns-3.37"
[ -f "$TREE/VERSION" ] || { echo "intree: no ns-3 tree at $TREE" >&2; exit 1; }
# apt-get source applies Debian's patches; library-soversion.diff names the libraries as the
# Debian packages do (libns3-core.so.37, the names of the installed libns3-dev), while ns-3's own
# Python loader (bindings/python/ns__init__.py) looks for upstream's libns3.37-core.so: reversed,
# so that this tree is upstream's 3.37 (the other two patches do not touch the build's outputs).
if grep -q 'OUTPUT_NAME ns3-${BLIB_LIBNAME}' "$TREE/build-support/custom-modules/ns3-module-macros.cmake"; then
  (cd "$ROOT/build-intree/ns3-3.37" && patch -p1 -R < debian/patches/library-soversion.diff)
fi

# this checkout's tracked files (and their working-tree state) as contrib/nr-security
rm -rf "$TREE/contrib/nr-security"
mkdir -p "$TREE/contrib/nr-security"
git ls-files -z | xargs -0 tar -c | tar -x -C "$TREE/contrib/nr-security"

cd "$TREE"
export PATH="$ROOT/build/venv/bin:$PATH"   # cppyy for the bindings, pycrate, pytest
# nr-security and what it links to; csma too: ns-3 3.37's own src/test (the test runner's system
# tests, ns3tcp-socket) uses CsmaHelper without listing csma, and the test runner fails to link
./ns3 configure --build-profile=release --enable-modules="nr-security,csma" --enable-tests \
  --enable-examples --enable-python-bindings
# (3.37's ./ns3 build takes at most nproc - 1 jobs, whatever -j says: one job on two cores)
cmake --build cmake-cache -j "$(nproc)"

# every nr-security TestSuite through test.py (a pattern: the suites run in parallel)
./test.py --no-build --suite='nr-security-*' || failed=1
# the examples of the enabled modules' test/examples-to-run.py, ours among them (the calculator,
# the SMC example, the README's ns-3 Python script nr-security-python.py through the tree's
# own bindings), through test.py
./test.py --no-build --constrain=example || failed=1
# (3.37's test.py fails in --constrain=pyexample when a module has no Python examples: ours by
# name)
./test.py --no-build --pyexample=contrib/nr-security/examples/nr-security-python.py || failed=1
# the script checks and the Python tests, registered by our in-tree CMake branch
(cd cmake-cache && ctest --output-on-failure -j "$(nproc)" -R '^nr-security-') || failed=1
exit $failed
