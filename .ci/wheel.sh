#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# CI build 3: nr-security against the newest ns-3 installable as a package, the `ns3` wheel
# from PyPI (bindings/python/requirements-wheel.txt, in build/venv-wheel), compiled as C++20
# against the wheel's headers and libraries (build-wheel/), then every TestSuite through our
# test runner and the Python tests through the wheel's own cppyy (`from ns import ns`).
# A package that cannot be installed fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=build/venv-wheel
REQ=bindings/python/requirements-wheel.txt
want="$(sha256sum "$REQ" | cut -c1-64)"
if [ ! -x "$VENV/bin/python3" ] || [ "$(cat "$VENV/.requirements.sha256" 2>/dev/null)" != "$want" ]; then
  rm -rf "$VENV"
  /usr/bin/python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQ"
  echo "$want" > "$VENV/.requirements.sha256"
fi
PREFIX="$("$VENV/bin/python3" -c 'import ns3, os; print(os.path.abspath(list(ns3.__path__)[0]))')"
echo "ns3 wheel: $PREFIX"

cmake -S . -B build-wheel -DCMAKE_BUILD_TYPE=Release -Dns3_DIR="$PREFIX/lib64/cmake/ns3" \
  -DCMAKE_CXX_STANDARD=20 -DNR_SECURITY_PYTHON=OFF \
  -DNR_SECURITY_CPPYY_PYTHON="$PWD/$VENV/bin/python3" -DNR_SECURITY_PYCRATE_PYTHON="$PWD/build/venv/bin/python3"
grep -q "^ns3_DIR:[A-Z]*=$PREFIX/" build-wheel/CMakeCache.txt || { echo "wheel: CMake did not take the wheel's ns-3" >&2; exit 1; }
# the library, our test runner and the calculator (the examples and benchmarks of the
# standalone build are make test's)
cmake --build build-wheel -j "$(nproc)" --target nr-security-test-runner nr-security-calc

cd build-wheel
# every TestSuite through our test runner (one ctest test per suite), the calculator against
# the vectors, and the Python tests through the wheel's cppyy (nr-security-python: every
# pytest file, the README's ns-3 Python script among them; test_pybind_agreement.py skips
# itself, the pybind11 copy is not built here)
ctest --output-on-failure -j "$(nproc)" -L testsuite
ctest --output-on-failure -j "$(nproc)" -R '^nr-security-(calc-cli|python)$'
