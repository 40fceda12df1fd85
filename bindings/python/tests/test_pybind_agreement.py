# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security from Python: the crypto helpers exist twice while the pybind11 extension stays
# (nr_security._pybind, Debian standalone build): the cppyy ones that `nr_security` exports
# and the pybind11 ones. Same results and same error messages, on random inputs and on every
# bad argument of test_kdf.py / test_algorithms.py.

import random

import pytest

import nr_security as nr

pybind = pytest.importorskip("nr_security._pybind", reason="the pybind11 part is not built")

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
        ("kgnb", (k32, count)),
        ("kgnb", (k32, count, "non3gpp")),
        ("algorithm_key", (k32, "up-int", rng.randrange(16))),
        ("as_keys", (k32, rng.randrange(4), rng.randrange(4))),
        ("nh", (k32, rb(32))),
        ("kgnb_star", (k32, rng.randrange(1008), rng.randrange(3279166))),
    ]
    for alg in range(4):
        CASES += [
            ("nea", (alg, k16, count, bearer, direction, data, length)),
            ("nia", (alg, k16, count, bearer, direction, data, length)),
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


def test_same_docstrings():
    for name in ("hmac_sha256", "build_s", "kdf", "kamf", "kgnb", "algorithm_key", "as_keys",
                 "nh", "kgnb_star", "nea", "nia"):
        doc = getattr(pybind, name).__doc__
        assert getattr(nr, name).__doc__.strip() in doc, name
