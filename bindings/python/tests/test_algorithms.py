# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security Python bindings: NEA0-3 and NIA0-3 (TS 33.501 Annex D) against the official test
# sets of test/data/nea*.json and nia*.json, and their argument checks.

import pytest

import nr_security as nr
from nrsec_vectors import h, load, masked, vector_id

NEA = [(alg, v) for alg in (1, 2, 3) for v in load(f"nea{alg}")]
NIA = [(alg, v) for alg in (1, 2, 3) for v in load(f"nia{alg}")]


def ids(cases):
    return [f"{'nea' if 'plaintext' in v else 'nia'}{alg}-{vector_id(v)[:60]}" for alg, v in cases]


def test_vector_counts():
    assert len(NEA) == 17
    assert len(NIA) == 20


@pytest.mark.parametrize("alg,v", NEA, ids=ids(NEA))
def test_nea_vector(alg, v):
    out = nr.nea(
        alg,
        h(v["key"]),
        v["count_int"],
        v["bearer"],
        v["direction"],
        h(v["plaintext"]),
        v["length_bits"],
    )
    assert out == h(v["ciphertext"])
    assert len(out) == (v["length_bits"] + 7) // 8


@pytest.mark.parametrize("alg,v", NEA, ids=ids(NEA))
def test_nea_deciphers(alg, v):
    back = nr.nea(
        alg,
        h(v["key"]),
        v["count_int"],
        v["bearer"],
        v["direction"],
        h(v["ciphertext"]),
        v["length_bits"],
    )
    assert back == masked(h(v["plaintext"]), v["length_bits"])


@pytest.mark.parametrize("alg,v", NIA, ids=ids(NIA))
def test_nia_vector(alg, v):
    mac = nr.nia(
        alg,
        h(v["key"]),
        v["count_int"],
        v["bearer"],
        v["direction"],
        h(v["message"]),
        v["length_bits"],
    )
    assert isinstance(mac, bytes) and len(mac) == 4
    assert mac == h(v["mac"])


def test_nea0_and_nia0():
    data = bytes(range(1, 20))
    assert nr.nea(0, bytes(16), 7, 3, 1, data) == data
    assert nr.nea(0, bytes(16), 7, 3, 1, data, 13) == masked(data, 13)
    assert nr.nia(0, bytes(16), 7, 3, 1, data) == b"\x00\x00\x00\x00"


def test_length_bits_default_and_zero():
    key = bytes(range(16))
    data = bytes(range(40))
    assert nr.nea(2, key, 5, 4, 0, data) == nr.nea(2, key, 5, 4, 0, data, 8 * len(data))
    assert nr.nia(3, key, 5, 4, 0, data) == nr.nia(3, key, 5, 4, 0, data, 8 * len(data))
    assert nr.nea(1, key, 5, 4, 0, data, 0) == b""
    assert len(nr.nia(1, key, 5, 4, 0, b"", 0)) == 4


def test_nia_ignores_bits_after_length():
    alg, v = NIA[0]
    message = bytearray(h(v["message"]))
    if v["length_bits"] % 8 == 0:
        message += b"\xff"  # a byte past LENGTH
    else:
        message[-1] |= 0xFF >> (v["length_bits"] % 8)
    args = (alg, h(v["key"]), v["count_int"], v["bearer"], v["direction"])
    assert nr.nia(*args, bytes(message), v["length_bits"]) == h(v["mac"])


def test_bytes_like_inputs():
    alg, v = NEA[0]
    out = nr.nea(
        alg,
        bytearray(h(v["key"])),
        v["count_int"],
        v["bearer"],
        v["direction"],
        memoryview(h(v["plaintext"])),
        v["length_bits"],
    )
    assert out == h(v["ciphertext"])


def test_keyword_arguments():
    alg, v = NIA[1]
    mac = nr.nia(
        alg=alg,
        key=h(v["key"]),
        count=v["count_int"],
        bearer=v["bearer"],
        direction=v["direction"],
        data=h(v["message"]),
        length_bits=v["length_bits"],
    )
    assert mac == h(v["mac"])


# --- argument checks: ValueError naming the parameter ----------------------------------------

K = bytes(16)
D = bytes(8)
CHECKS = [
    ("alg", dict(alg=4)),
    ("alg", dict(alg=-1)),
    ("key", dict(key=bytes(15))),
    ("key", dict(key=bytes(32))),
    ("count", dict(count=2**32)),
    ("count", dict(count=-1)),
    ("bearer", dict(bearer=32)),
    ("bearer", dict(bearer=256)),
    ("direction", dict(direction=2)),
    ("direction", dict(direction=-1)),
    ("length_bits", dict(length_bits=65)),
    ("length_bits", dict(length_bits=-1)),
    ("length_bits", dict(data=b"", length_bits=1)),
]


@pytest.mark.parametrize("function", ["nea", "nia"])
@pytest.mark.parametrize(
    "parameter,bad", CHECKS, ids=[f"{p}={list(b.values())[-1]!r:.20}" for p, b in CHECKS]
)
def test_value_error_names_the_parameter(function, parameter, bad):
    args = dict(alg=2, key=K, count=0, bearer=0, direction=0, data=D, length_bits=64)
    args.update(bad)
    with pytest.raises(ValueError, match=rf"^{parameter}: "):
        getattr(nr, function)(**args)


def test_bearer_message():
    with pytest.raises(ValueError, match=r"^bearer: 32 is outside 0\.\.31"):
        nr.nea(2, K, 0, 32, 0, D)


@pytest.mark.parametrize("function", ["nea", "nia"])
@pytest.mark.parametrize(
    "bad",
    [dict(key=K.hex()), dict(data="00"), dict(count=1.0), dict(length_bits=8.0), dict(alg="2")],
    ids=["key-str", "data-str", "count-float", "length-float", "alg-str"],
)
def test_type_errors(function, bad):
    args = dict(alg=2, key=K, count=0, bearer=0, direction=0, data=D, length_bits=64)
    args.update(bad)
    with pytest.raises(TypeError):
        getattr(nr, function)(**args)
