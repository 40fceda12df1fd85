# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: argument checks and byte conversions between Python and the C++ classes.
"""Checks with the messages of the nr_security API, and bytes <-> C++ byte containers."""

import operator


def is_buffer(value):
    """True for bytes-like objects (bytes, bytearray, memoryview, array)."""
    try:
        memoryview(value)
        return True
    except TypeError:
        return False


def to_bytes(value, name):
    """value as bytes; TypeError unless bytes-like, ValueError unless flat bytes."""
    try:
        view = memoryview(value)
    except TypeError:
        raise TypeError(f"{name}: expected bytes, got {type(value).__name__}") from None
    if view.itemsize != 1 or view.ndim != 1 or not view.c_contiguous:
        raise ValueError(f"{name}: expected a flat, contiguous sequence of bytes")
    return view.tobytes()


def to_key(value, name, n):
    """value as exactly n bytes (ValueError: 'name: expected n bytes (8n bits), got m')."""
    b = to_bytes(value, name)
    if len(b) != n:
        raise ValueError(f"{name}: expected {n} bytes ({8 * n} bits), got {len(b)}")
    return b


def to_uint(value, name, lo, hi, what=""):
    """value as an int in lo..hi (TypeError for a non-integer, ValueError outside)."""
    try:
        v = operator.index(value)
    except TypeError:
        raise TypeError(f"{name}: expected int, got {type(value).__name__}") from None
    if v < lo or v > hi:
        raise ValueError(
            f"{name}: {value!r} is outside {lo}..{hi}" + (f" ({what})" if what else "")
        )
    return v


def vector(ns, b):
    """A std::vector<uint8_t> holding the bytes b (through NrSecurityFromHex)."""
    return ns.NrSecurityFromHex(b.hex())


def from_cpp(ns, container):
    """The bytes of a C++ std::array<uint8_t, N> or std::vector<uint8_t>."""
    n = container.size()
    if n == 0:
        return b""
    return bytes.fromhex(str(ns.NrSecurityToHex(container.data(), n)))
