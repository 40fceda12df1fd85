# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: pytest configuration of the Python binding tests.
#
# The tests import the nr_security module that the build produced, not an installed one:
# NR_SECURITY_PYTHON_DIR must name the directory holding nr_security*.so (ctest sets it to
# <build>/bindings/python). Run by hand:
#
#   NR_SECURITY_PYTHON_DIR=build/bindings/python /usr/bin/python3 -m pytest -q bindings/python/tests

import glob
import os
import sys

import pytest

ENV = "NR_SECURITY_PYTHON_DIR"


def pytest_configure(config):
    directory = os.environ.get(ENV)
    if not directory:
        raise pytest.UsageError(
            f"{ENV} is not set: set it to the directory holding the built nr_security*.so, "
            f"e.g. {ENV}=build/bindings/python /usr/bin/python3 -m pytest bindings/python/tests "
            "(ctest sets it)"
        )
    directory = os.path.abspath(directory)
    if not glob.glob(os.path.join(directory, "nr_security*.so")):
        raise pytest.UsageError(
            f"{ENV}={directory} holds no nr_security*.so: build it first "
            "(cmake --build build --target nr-security-python)"
        )
    sys.path.insert(0, directory)
    try:
        import nr_security
    except ImportError as e:
        raise pytest.UsageError(f"cannot import nr_security from {directory}: {e}")
    loaded = os.path.dirname(os.path.abspath(nr_security.__file__))
    if loaded != directory:
        raise pytest.UsageError(f"imported nr_security from {loaded}, not from {ENV}={directory}")
