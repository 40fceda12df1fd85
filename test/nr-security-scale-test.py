#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Placeholder: being written; fails until it is."""
import sys
sys.exit("not written yet")
