# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: pytest configuration of the Python binding tests.
#
# The tests import the nr_security package that a build produced, not an installed one:
# NR_SECURITY_PYTHON_DIR must name the directory holding the package nr_security/ (ctest sets
# it to <build>/bindings/python; there `ns` is ours too when the ns-3 has no bindings). The
# package loads into ns-3's cppyy (`from ns import ns`): run with a python3 that has cppyy
# (build/venv). By hand:
#
#   NR_SECURITY_PYTHON_DIR=build/bindings/python build/venv/bin/python3 -m pytest -q bindings/python/tests
#
# In an ns-3 source tree or with the ns3 wheel, `ns` is ns-3's own. The pybind11 copy
# (nr_security_pybind, next to nr_security/) exists only in the Debian standalone build;
# test_pybind_agreement.py skips itself elsewhere.

import os
import sys

import pytest

ENV = "NR_SECURITY_PYTHON_DIR"


def pytest_configure(config):
    directory = os.environ.get(ENV)
    if not directory:
        raise pytest.UsageError(
            f"{ENV} is not set: set it to the directory holding the package nr_security/, "
            f"e.g. {ENV}=build/bindings/python build/venv/bin/python3 -m pytest "
            "bindings/python/tests (ctest sets it)"
        )
    directory = os.path.abspath(directory)
    if not os.path.isfile(os.path.join(directory, "nr_security", "__init__.py")):
        raise pytest.UsageError(
            f"{ENV}={directory} holds no nr_security/__init__.py: build first "
            "(cmake --build build)"
        )
    sys.path.insert(0, directory)
    try:
        import nr_security
    except ImportError as e:
        raise pytest.UsageError(f"cannot import nr_security from {directory}: {e}")
    loaded = os.path.dirname(os.path.dirname(os.path.abspath(nr_security.__file__)))
    if loaded != directory:
        raise pytest.UsageError(f"imported nr_security from {loaded}, not from {ENV}={directory}")
