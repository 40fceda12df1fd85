# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security Python bindings: explain mode (explain_kdf, explain_kgnb, explain_algorithm_key,
# explain_nh, explain_kgnb_star, explain_kamf, explain_nea, explain_nia). The values against
# test/data/*.json and against an independent computation here (hashlib/hmac for the KDF, the
# spec's byte layouts written out), and the same ValueErrors as the plain functions.

import hashlib
import hmac

import pytest

import nr_security as nr
from nrsec_vectors import KAMF, KGNB, K_RRC_INT_NIA2, h, load, masked, vector_id

KDF = [v for v in load("kdf") if "fc" in v]


def s_of(fc, *params):
    """S = FC || P0 || L0 || P1 || L1 ... (TS 33.220 B.2.2), written out here."""
    return bytes([fc]) + b"".join(p + len(p).to_bytes(2, "big") for p in params)


def as_dict(pairs):
    return dict(pairs)


def test_pairs_of_str():
    e = nr.explain_kgnb(KAMF, 0)
    assert all(isinstance(p, tuple) and len(p) == 2 for p in e)
    assert all(isinstance(n, str) and isinstance(x, str) for n, x in e)
    assert [n for n, _ in e] == ["KEY", "FC", "P0", "L0", "P1", "L1", "S",
                                 "HMAC-SHA-256(KEY, S)", "K_gNB"]
    triples = nr.explain_kgnb(KAMF, 0, notes=True)
    assert [t[:2] for t in triples] == e
    assert triples[-1][2] == "bytes 0..31 of HMAC-SHA-256(KEY, S): all 256 bits"


@pytest.mark.parametrize("v", KDF, ids=vector_id)
def test_explain_kdf_matches_published(v):
    params = [h(p) for p in v["params_hex"]]
    e = as_dict(nr.explain_kdf(h(v["key"]), int(v["fc"], 16), params))
    assert e["S"] == v["S"]
    assert e["HMAC-SHA-256(KEY, S)"] == v["output_256"]
    assert e["FC"] == v["fc"][2:]
    for i, p in enumerate(params):
        assert e[f"P{i}"] == p.hex()
        assert e[f"L{i}"] == len(p).to_bytes(2, "big").hex()


def test_explain_kgnb_independent():
    for count, access, dist, name in ((0, "3gpp", 1, "K_gNB"), (0x01020304, "non3gpp", 2, "K_N3IWF")):
        e = as_dict(nr.explain_kgnb(KAMF, count, access))
        s = s_of(0x6E, count.to_bytes(4, "big"), bytes([dist]))
        out = hmac.new(KAMF, s, hashlib.sha256).digest()
        assert e["S"] == s.hex()
        assert e["HMAC-SHA-256(KEY, S)"] == out.hex()
        assert e[name] == out.hex() == nr.kgnb(KAMF, count, access).hex()


@pytest.mark.parametrize("alg_type,dist,name", [("rrc-enc", 3, "K_RRCenc"), ("rrc-int", 4, "K_RRCint"),
                                                ("up-enc", 5, "K_UPenc"), ("up-int", 6, "K_UPint"),
                                                ("nas-enc", 1, "K_NASenc"), ("nas-int", 2, "K_NASint")])
def test_explain_algorithm_key_keeps_bytes_16_to_31(alg_type, dist, name):
    e = nr.explain_algorithm_key(KGNB, alg_type, 2)
    d = as_dict(e)
    s = s_of(0x69, bytes([dist]), b"\x02")
    out = hmac.new(KGNB, s, hashlib.sha256).digest()
    assert d["S"] == s.hex()
    assert e[-1] == (name, out[16:].hex())
    assert d[name] == nr.algorithm_key(KGNB, alg_type, 2).hex()
    if name == "K_RRCint":
        assert d[name] == K_RRC_INT_NIA2.hex()


def test_explain_nh_kgnb_star_kamf():
    e = as_dict(nr.explain_nh(KAMF, KGNB))
    assert e["S"] == s_of(0x6F, KGNB).hex()
    assert e["NH"] == nr.nh(KAMF, KGNB).hex()
    e = as_dict(nr.explain_kgnb_star(KGNB, 1, 632628))
    s = s_of(0x70, b"\x00\x01", (632628).to_bytes(3, "big"))
    assert e["S"] == s.hex()
    assert e["K_gNB*"] == hmac.new(KGNB, s, hashlib.sha256).hexdigest()
    e = as_dict(nr.explain_kamf(KGNB, "901700000021309"))
    assert e["S"] == s_of(0x6D, b"901700000021309", b"\x00\x00").hex()


def common(v):
    return dict(key=h(v["key"]), count=int(v["count"], 16), bearer=int(v["bearer"]),
                direction=int(v["direction"]), length_bits=int(v["length_bits"]))


@pytest.mark.parametrize("alg", [1, 2, 3])
def test_explain_nea_vectors(alg):
    for v in load(f"nea{alg}"):
        e = as_dict(nr.explain_nea(alg, data=h(v["plaintext"]), **common(v)))
        assert e["OBS"] == v["ciphertext"], vector_id(v)
        assert e["IBS"] == masked(h(v["plaintext"]), int(v["length_bits"])).hex()
        ks, ibs, obs = h(e["KEYSTREAM"]), h(e["IBS"]), h(e["OBS"])
        n = min(len(ks), int(v["length_bits"]) // 8)  # whole bytes
        assert bytes(a ^ b for a, b in zip(ibs[:n], ks)) == obs[:n]


def test_explain_nea_initialisation():
    v = load("nea2")[0]
    c = common(v)
    prefix = c["count"].to_bytes(4, "big") + bytes([c["bearer"] << 3 | c["direction"] << 2, 0, 0, 0])
    e = as_dict(nr.explain_nea(2, data=h(v["plaintext"]), **c))
    assert e["T1"] == (prefix + bytes(8)).hex()
    e = as_dict(nr.explain_nea(3, data=h(v["plaintext"]), **c))
    assert e["IV"] == (prefix + prefix).hex()
    e = as_dict(nr.explain_nea(1, data=h(v["plaintext"]), **c))
    bd = (c["bearer"] << 27 | c["direction"] << 26).to_bytes(4, "big").hex()  # UEA2 f8 IV0/IV2
    assert (e["IV0"], e["IV1"], e["IV2"], e["IV3"]) == (bd, v["count"][2:], bd, v["count"][2:])
    assert e["k3"] + e["k2"] + e["k1"] + e["k0"] == v["key"]


@pytest.mark.parametrize("alg", [1, 2, 3])
def test_explain_nia_vectors(alg):
    for v in load(f"nia{alg}"):
        e = nr.explain_nia(alg, data=h(v["message"]), **common(v))
        assert e[-1] == ("MAC-I", v["mac"]), vector_id(v)
        assert as_dict(e)["MESSAGE"] == masked(h(v["message"]), int(v["length_bits"])).hex()


def test_explain_nia2_m():
    v = load("nia2")[1]
    c = common(v)
    e = as_dict(nr.explain_nia(2, data=h(v["message"]), **c))
    prefix = c["count"].to_bytes(4, "big") + bytes([c["bearer"] << 3 | c["direction"] << 2, 0, 0, 0])
    assert e["M"] == (prefix + h(v["message"])).hex()
    assert e["T"][:8] == v["mac"]
    # RFC 4493 2.4 subkeys of its example key
    e = as_dict(nr.explain_nia(2, h("2b7e151628aed2a6abf7158809cf4f3c"), 0, 0, 0, b""))
    assert (e["L"], e["K1"], e["K2"]) == ("7df76b0c1ab899b33e42f047b91b546f",
                                          "fbeed618357133667c85e08f7236a8de",
                                          "f7ddac306ae266ccf90bc11ee46d513b")


def test_explain_nia0_nea0():
    assert nr.explain_nia(0, bytes(16), 0, 0, 0, b"\x01")[-1] == ("MAC-I", "00000000")
    e = as_dict(nr.explain_nea(0, bytes(16), 0, 0, 0, b"\xab\xcd", 12))
    assert e["OBS"] == "abc0" and "KEYSTREAM" not in e


@pytest.mark.parametrize("call,parameter", [
    (lambda: nr.explain_nia(2, bytes(15), 0, 0, 0, b""), "key"),
    (lambda: nr.explain_nia(2, bytes(16), 0, 32, 0, b""), "bearer"),
    (lambda: nr.explain_nea(2, bytes(16), 0, 0, 2, b""), "direction"),
    (lambda: nr.explain_nea(2, bytes(16), 2**32, 0, 0, b""), "count"),
    (lambda: nr.explain_nea(4, bytes(16), 0, 0, 0, b""), "alg"),
    (lambda: nr.explain_nea(2, bytes(16), 0, 0, 0, b"\x00", 9), "length_bits"),
    (lambda: nr.explain_kgnb(bytes(31), 0), "kamf"),
    (lambda: nr.explain_kgnb(KAMF, 0, "wifi"), "access"),
    (lambda: nr.explain_algorithm_key(KGNB, "rrc", 2), "alg_type"),
    (lambda: nr.explain_algorithm_key(KGNB, "rrc-int", 16), "alg_id"),
    (lambda: nr.explain_kgnb_star(KGNB, 1008, 0), "pci"),
    (lambda: nr.explain_kdf(KGNB, 256, []), "fc"),
    (lambda: nr.explain_kdf(KGNB, 0x69, [bytes(65536)]), r"params\[0\]"),
])
def test_explain_value_errors_name_the_parameter(call, parameter):
    with pytest.raises(ValueError, match=rf"^{parameter}: "):
        call()
