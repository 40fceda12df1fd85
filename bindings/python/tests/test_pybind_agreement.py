# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security from Python: the crypto and explain helpers exist twice, the cppyy ones that
# `nr_security` exports and the fast-import pybind11 copy (nr_security_pybind, Debian
# standalone build). Same results (explain: the same items and notes), same error messages
# and the same docstrings, on random inputs and on every bad argument of test_kdf.py /
# test_algorithms.py.

import random

import pytest

import nr_security as nr

pybind = pytest.importorskip("nr_security_pybind", reason="the pybind11 part is not built")

rng = random.Random(11)


def rb(n):
    return bytes(rng.getrandbits(8) for _ in range(n))


CASES = []
for _ in range(20):
    k32, k16, data = rb(32), rb(16), rb(rng.randrange(0, 80))
    count, bearer, direction = rng.getrandbits(32), rng.randrange(32), rng.randrange(2)
    length = rng.randrange(0, 8 * len(data) + 1)
    CASES += [
        ("hmac_sha256", (k32, data)),
        ("build_s", (0x6E, [data, k16])),
        ("kdf", (k32, 0x69, [b"\x03", b"\x02"])),
        ("kamf", (k32, "901700000021309", b"\x00\x00")),
        # SUPI bytes as given (bytes) or as UTF-8 (str), NUL and bytes >= 0x80 included
        ("kamf", (k32, b"\xe9\x00\xff" + rb(3), b"\x00\x00")),
        ("kamf", (k32, "\u20ac1", rb(2))),
        ("explain_kamf", (k32, b"\xc3\xa9" + b"0" * rng.randrange(20), rb(2))),
        ("kgnb", (k32, count)),
        ("kgnb", (k32, count, "non3gpp")),
        ("algorithm_key", (k32, "up-int", rng.randrange(16))),
        ("as_keys", (k32, rng.randrange(4), rng.randrange(4))),
        ("nh", (k32, rb(32))),
        ("kgnb_star", (k32, rng.randrange(1008), rng.randrange(3279166))),
    ]
    CASES += [
        ("explain_kdf", (k32, 0x69, [b"\x03", data])),
        ("explain_kamf", (k32, "901700000021309", rb(2))),
        ("explain_kgnb", (k32, count, "non3gpp")),
        ("explain_algorithm_key", (k32, "rrc-enc", rng.randrange(16))),
        ("explain_nh", (k32, rb(32))),
        ("explain_kgnb_star", (k32, rng.randrange(1008), rng.randrange(3279166))),
    ]
    for alg in range(4):
        CASES += [
            ("nea", (alg, k16, count, bearer, direction, data, length)),
            ("nia", (alg, k16, count, bearer, direction, data, length)),
            ("explain_nea", (alg, k16, count, bearer, direction, data, length)),
            ("explain_nia", (alg, k16, count, bearer, direction, data, length)),
        ]

BAD = [
    ("kgnb", (bytes(31), 0)),
    ("kgnb", (bytes(32), 2**32)),
    ("kgnb", (bytes(32), 0, "5g")),
    ("algorithm_key", (bytes(32), "rrc-mac", 2)),
    ("kgnb_star", (bytes(32), 1008, 1)),
    ("nea", (4, bytes(16), 0, 0, 0, b"")),
    ("nea", (2, bytes(16), 0, 32, 0, b"")),
    ("nia", (2, bytes(16), 0, 0, 2, b"")),
    ("nia", (2, bytes(16), 0, 0, 0, b"\x00", 9)),
    ("build_s", (0x6E, [b"", bytes(65536)])),
    ("kamf", (bytes(32), "9" * 65536)),
    ("explain_kdf", (bytes(32), 256)),
    ("explain_kdf", (bytes(32), 0x6E, [bytes(65536)])),
    ("explain_kamf", (bytes(32), "9" * 65536)),
    ("kamf", (bytes(32), "\u20ac" * 30000)),  # 30,000 characters, 90,000 bytes of UTF-8
    ("explain_kamf", (bytes(32), b"9" * 65536)),
    ("explain_kamf", (bytes(32), "1", bytes(65536))),
    ("explain_kgnb", (bytes(32), 0, "5g")),
    ("explain_kgnb", (bytes(33), 0)),
    ("explain_algorithm_key", (bytes(32), "rrc-mac", 2)),
    ("explain_algorithm_key", (bytes(32), "up-enc", 16)),
    ("explain_nh", (bytes(32), bytes(16))),
    ("explain_kgnb_star", (bytes(32), 0, 3279166)),
    ("explain_nea", (4, bytes(16), 0, 0, 0, b"")),
    ("explain_nea", (1, bytes(15), 0, 0, 0, b"")),
    ("explain_nia", (2, bytes(16), 2**32, 0, 0, b"")),
    ("explain_nia", (3, bytes(16), 0, 0, 0, b"\x00", 9)),
]


@pytest.mark.parametrize("name,args", CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_same_result(name, args):
    assert getattr(nr, name)(*args) == getattr(pybind, name)(*args)


@pytest.mark.parametrize("name,args", BAD, ids=[f"{n}-{i}" for i, (n, _) in enumerate(BAD)])
def test_same_error(name, args):
    with pytest.raises(ValueError) as ours:
        getattr(nr, name)(*args)
    with pytest.raises(ValueError) as theirs:
        getattr(pybind, name)(*args)
    assert str(ours.value) == str(theirs.value)


def test_same_result_with_notes():
    for name, args in CASES:
        if name.startswith("explain_"):
            assert getattr(nr, name)(*args, notes=True) == getattr(pybind, name)(*args, notes=True)


def test_same_docstrings():
    for name in ("hmac_sha256", "build_s", "kdf", "kamf", "kgnb", "algorithm_key", "as_keys",
                 "nh", "kgnb_star", "nea", "nia", "explain_kdf", "explain_kamf", "explain_kgnb",
                 "explain_algorithm_key", "explain_nh", "explain_kgnb_star", "explain_nea",
                 "explain_nia"):
        doc = getattr(pybind, name).__doc__
        assert getattr(nr, name).__doc__.strip() in doc, name
