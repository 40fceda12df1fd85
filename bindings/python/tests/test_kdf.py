# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security Python bindings: the KDF and the key hierarchy (TS 33.220 B.2, TS 33.501 Annex A)
# against test/data/kdf.json and the project's known answers, and their argument checks.

import array

import pytest

import nr_security as nr
from nrsec_vectors import (
    K_RRC_ENC_NEA2,
    K_RRC_INT_NIA2,
    KAMF,
    KGNB,
    KGNB_STAR,
    KGNB_STAR_ARFCN_DL,
    KGNB_STAR_PCI,
    NH1,
    h,
    load,
    vector_id,
)

KDF = load("kdf")
HMAC = [v for v in KDF if "hmac_sha256" in v]
DERIVED = [v for v in KDF if "fc" in v]


def by_fc(fc):
    return [v for v in DERIVED if int(v["fc"], 16) == fc]


def params(v):
    return [h(p) for p in v["params_hex"]]


def test_vector_files_cover_every_derivation():
    assert len(HMAC) == 2
    for fc in (0x6D, 0x69, 0x6E):
        assert by_fc(fc), f"no vector with FC 0x{fc:02x}"


# --- hmac_sha256, build_s, kdf --------------------------------------------------------------


@pytest.mark.parametrize("v", HMAC, ids=vector_id)
def test_hmac_sha256(v):
    assert nr.hmac_sha256(h(v["key"]), h(v["data"])) == h(v["hmac_sha256"])


def test_hmac_sha256_accepts_bytes_like():
    v = HMAC[0]
    mac = nr.hmac_sha256(bytearray(h(v["key"])), memoryview(h(v["data"])))
    assert mac == h(v["hmac_sha256"])


@pytest.mark.parametrize("v", DERIVED, ids=vector_id)
def test_build_s(v):
    assert nr.build_s(int(v["fc"], 16), params(v)) == h(v["S"])


@pytest.mark.parametrize("v", DERIVED, ids=vector_id)
def test_kdf(v):
    out = nr.kdf(h(v["key"]), int(v["fc"], 16), params(v))
    assert out == h(v["output_256"])
    assert out[16:] == h(v["key_128_lsb"])
    assert out.hex().endswith(v["expected_as_published"])


def test_kdf_without_parameters_is_hmac_of_fc():
    key = bytes(range(32))
    assert nr.build_s(0x6E) == b"\x6e"
    assert nr.kdf(key, 0x6E) == nr.hmac_sha256(key, b"\x6e")


# --- kamf, algorithm_key, kgnb, as_keys, nh, kgnb_star ---------------------------------------


@pytest.mark.parametrize("v", by_fc(0x6D), ids=vector_id)
def test_kamf(v):
    supi, abba = params(v)
    assert nr.kamf(h(v["key"]), supi.decode("ascii"), abba) == h(v["output_256"])
    assert nr.kamf(h(v["key"]), supi, abba) == h(v["output_256"])  # SUPI as bytes
    assert abba == b"\x00\x00"
    assert nr.kamf(h(v["key"]), supi.decode("ascii")) == h(v["output_256"])  # default ABBA


ALG_TYPE = {1: "nas-enc", 2: "nas-int", 3: "rrc-enc", 4: "rrc-int", 5: "up-enc", 6: "up-int"}


@pytest.mark.parametrize("v", by_fc(0x69), ids=vector_id)
def test_algorithm_key(v):
    p0, p1 = params(v)
    key = nr.algorithm_key(h(v["key"]), ALG_TYPE[p0[0]], p1[0])
    assert key == h(v["key_128_lsb"])


def test_algorithm_key_every_type_is_the_kdf_tail():
    for p0, name in ALG_TYPE.items():
        for alg in (0, 1, 2, 3, 15):
            expected = nr.kdf(KGNB, 0x69, [bytes([p0]), bytes([alg])])[16:]
            assert nr.algorithm_key(KGNB, name, alg) == expected


@pytest.mark.parametrize("v", by_fc(0x6E), ids=vector_id)
def test_kgnb_vector(v):
    count, access = params(v)
    assert access == b"\x01"
    assert nr.kgnb(h(v["key"]), int.from_bytes(count, "big")) == h(v["output_256"])


def test_kgnb_known_answer():
    assert nr.kgnb(KAMF, 0) == KGNB
    assert nr.kgnb(KAMF, 0, access="3gpp") == KGNB


def test_kgnb_non3gpp_and_count():
    # kdf.json notes the K_N3IWF of the same K_AMF (access type 0x02)
    expected = h("41beb577e0a9b68b145ecbc7b1d0d104b02f76999dd7759a4e84b043c61cf574")
    assert nr.kgnb(KAMF, 0, access="non3gpp") == expected
    assert nr.kgnb(KAMF, 0xFFFFFFFF) == nr.kdf(KAMF, 0x6E, [b"\xff\xff\xff\xff", b"\x01"])


def test_as_keys_known_answer():
    keys = nr.as_keys(KGNB, 2, 2)
    assert set(keys) == {"k_rrc_enc", "k_rrc_int", "k_up_enc", "k_up_int"}
    assert keys["k_rrc_int"] == K_RRC_INT_NIA2
    assert keys["k_rrc_enc"] == K_RRC_ENC_NEA2


def test_as_keys_official_vectors():
    # the four A.8 vectors of kdf.json share one K_gNB: NEA2 for the ciphering keys, the
    # identity 0 for the integrity keys
    a8 = {params(v)[0][0]: v for v in by_fc(0x69) if v["key"].startswith("45cbc3f8")}
    assert set(a8) == {3, 4, 5, 6}
    keys = nr.as_keys(h(a8[3]["key"]), 2, 0)
    assert keys["k_rrc_enc"] == h(a8[3]["key_128_lsb"])
    assert keys["k_rrc_int"] == h(a8[4]["key_128_lsb"])
    assert keys["k_up_enc"] == h(a8[5]["key_128_lsb"])
    assert keys["k_up_int"] == h(a8[6]["key_128_lsb"])


@pytest.mark.parametrize("nea,nia", [(0, 0), (1, 2), (2, 2), (3, 1), (15, 15)])
def test_as_keys_match_algorithm_key(nea, nia):
    keys = nr.as_keys(KGNB, nea, nia)
    assert keys["k_rrc_enc"] == nr.algorithm_key(KGNB, "rrc-enc", nea)
    assert keys["k_rrc_int"] == nr.algorithm_key(KGNB, "rrc-int", nia)
    assert keys["k_up_enc"] == nr.algorithm_key(KGNB, "up-enc", nea)
    assert keys["k_up_int"] == nr.algorithm_key(KGNB, "up-int", nia)


def test_nh_known_answer():
    assert nr.nh(KAMF, KGNB) == NH1
    assert nr.nh(KAMF, NH1) == nr.kdf(KAMF, 0x6F, [NH1])  # NH2 chains on NH1


def test_kgnb_star_known_answer():
    assert nr.kgnb_star(KGNB, KGNB_STAR_PCI, KGNB_STAR_ARFCN_DL) == KGNB_STAR
    pci = KGNB_STAR_PCI.to_bytes(2, "big")
    arfcn = KGNB_STAR_ARFCN_DL.to_bytes(3, "big")
    assert KGNB_STAR == nr.kdf(KGNB, 0x70, [pci, arfcn])


def test_kgnb_star_limits_accepted():
    assert len(nr.kgnb_star(NH1, 1007, 3279165)) == 32
    assert len(nr.kgnb_star(NH1, 0, 0)) == 32


# --- argument checks: ValueError naming the parameter ----------------------------------------

K32 = bytes(32)
K31 = bytes(31)

VALUE_ERRORS = [
    ("hmac_sha256", "key", lambda: nr.hmac_sha256(memoryview(array.array("I", [1])), b"")),
    ("hmac_sha256", "data", lambda: nr.hmac_sha256(b"", memoryview(array.array("I", [1])))),
    ("build_s", "fc", lambda: nr.build_s(256)),
    ("build_s", "fc", lambda: nr.build_s(-1)),
    ("build_s", r"params\[1\]", lambda: nr.build_s(0x6E, [b"", bytes(65536)])),
    ("kdf", "fc", lambda: nr.kdf(K32, 0x100)),
    ("kdf", r"params\[0\]", lambda: nr.kdf(K32, 0x69, [bytes(65536)])),
    ("kdf", "key", lambda: nr.kdf(memoryview(array.array("H", [1])), 0x69)),
    ("kamf", "kseaf", lambda: nr.kamf(K31, "901700000021309")),
    ("kamf", "supi", lambda: nr.kamf(K32, "9" * 65536)),
    ("kamf", "abba", lambda: nr.kamf(K32, "901700000021309", bytes(65536))),
    ("kgnb", "kamf", lambda: nr.kgnb(K31, 0)),
    ("kgnb", "kamf", lambda: nr.kgnb(bytes(33), 0)),
    ("kgnb", "ul_nas_count", lambda: nr.kgnb(K32, -1)),
    ("kgnb", "ul_nas_count", lambda: nr.kgnb(K32, 2**32)),
    ("kgnb", "ul_nas_count", lambda: nr.kgnb(K32, 2**80)),
    ("kgnb", "access", lambda: nr.kgnb(K32, 0, access="5g")),
    ("algorithm_key", "key", lambda: nr.algorithm_key(bytes(16), "rrc-int", 2)),
    ("algorithm_key", "alg_type", lambda: nr.algorithm_key(K32, "rrc-mac", 2)),
    ("algorithm_key", "alg_id", lambda: nr.algorithm_key(K32, "rrc-int", 16)),
    ("as_keys", "kgnb", lambda: nr.as_keys(K31, 2, 2)),
    ("as_keys", "nea", lambda: nr.as_keys(K32, 16, 2)),
    ("as_keys", "nia", lambda: nr.as_keys(K32, 2, -1)),
    ("nh", "kamf", lambda: nr.nh(K31, K32)),
    ("nh", "sync_input", lambda: nr.nh(K32, K31)),
    ("kgnb_star", "key", lambda: nr.kgnb_star(b"", 1, 1)),
    ("kgnb_star", "pci", lambda: nr.kgnb_star(K32, 1008, 632628)),
    ("kgnb_star", "arfcn_dl", lambda: nr.kgnb_star(K32, 1, 3279166)),
]


@pytest.mark.parametrize(
    "function,parameter,call", VALUE_ERRORS, ids=[f"{f}-{p}" for f, p, _ in VALUE_ERRORS]
)
def test_value_error_names_the_parameter(function, parameter, call):
    with pytest.raises(ValueError, match=rf"^{parameter}: "):
        call()


def test_key_length_message():
    with pytest.raises(ValueError, match=r"^kgnb: expected 32 bytes \(256 bits\), got 31$"):
        nr.as_keys(K31, 2, 2)


TYPE_ERRORS = [
    lambda: nr.hmac_sha256("key", b""),
    lambda: nr.kdf(K32, 0x69, b"\x01"),  # params must be a sequence of bytes objects
    lambda: nr.kdf(K32, 0x69, ["01"]),
    lambda: nr.kgnb(KAMF.hex(), 0),
    lambda: nr.kgnb(KAMF, 0.0),
    lambda: nr.kgnb_star(KGNB, "1", 632628),
]


@pytest.mark.parametrize("call", TYPE_ERRORS)
def test_type_errors(call):
    with pytest.raises(TypeError):
        call()
