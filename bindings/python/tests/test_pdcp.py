# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security Python bindings: pdcp_protect / pdcp_unprotect (TS 38.323) against the reference
# SRB1 PDU, against a composition of nea() and nia() (TS 38.323 5.8 / 5.9 order), the receive
# window and discard reasons, and their argument checks.

import itertools

import pytest

import nr_security as nr
from nrsec_vectors import K_RRC_ENC_NEA2, K_RRC_INT_NIA2, SRB1_DL_PAYLOAD, SRB1_DL_PDU_COUNT1

REF = dict(
    rb="srb", rb_id=1, direction="dl", nea=2, nia=2, k_enc=K_RRC_ENC_NEA2, k_int=K_RRC_INT_NIA2
)
K_ENC = bytes(range(16))
K_INT = bytes(range(16, 32))


def test_reference_srb1_pdu():
    assert nr.pdcp_protect(count=1, payload=SRB1_DL_PAYLOAD, **REF) == SRB1_DL_PDU_COUNT1


def test_reference_keys_come_from_the_hierarchy():
    from nrsec_vectors import KAMF

    keys = nr.as_keys(nr.kgnb(KAMF, 0), 2, 2)
    pdu = nr.pdcp_protect(
        rb="srb", rb_id=1, direction="dl", count=1, payload=SRB1_DL_PAYLOAD,
        nea=2, nia=2, k_enc=keys["k_rrc_enc"], k_int=keys["k_rrc_int"],
    )
    assert pdu == SRB1_DL_PDU_COUNT1


@pytest.mark.parametrize("rx_deliv", [0, 1])
def test_unprotect_reference(rx_deliv):
    r = nr.pdcp_unprotect(pdu=SRB1_DL_PDU_COUNT1, rx_deliv=rx_deliv, **REF)
    assert r == dict(
        count=1,
        sdu=SRB1_DL_PAYLOAD,
        sdap_header=None,
        discarded=None,
        mac_i=r["x_mac"],
        x_mac=r["x_mac"],
    )
    assert len(r["mac_i"]) == 4


def test_unprotect_integrity_failure():
    # README: the reference PDU with its last bit flipped
    tampered = SRB1_DL_PDU_COUNT1[:-1] + bytes([SRB1_DL_PDU_COUNT1[-1] ^ 1])
    r = nr.pdcp_unprotect(pdu=tampered, rx_deliv=1, **REF)
    assert r["discarded"] == "integrity"
    assert r["count"] == 1
    assert r["sdu"] is None
    assert r["mac_i"] == bytes.fromhex("90b12017")
    assert r["x_mac"] == bytes.fromhex("90b12016")


def test_unprotect_out_of_window():
    r = nr.pdcp_unprotect(pdu=SRB1_DL_PDU_COUNT1, rx_deliv=2, **REF)
    assert r["discarded"] == "out-of-window"
    assert r["count"] is None and r["sdu"] is None


def test_unprotect_malformed():
    r = nr.pdcp_unprotect(pdu=SRB1_DL_PDU_COUNT1[:5], **REF)  # no room for data + MAC-I
    assert r["discarded"].startswith("malformed (")


def test_unprotect_reserved_bits_ignored_but_covered_by_the_mac():
    # TS 38.323 6.3.6: the receiver ignores R bits; the MAC-I covers them (5.9)
    r = nr.pdcp_unprotect(pdu=b"\x80" + SRB1_DL_PDU_COUNT1[1:], rx_deliv=1, **REF)
    assert r["discarded"] == "integrity"
    assert r["count"] == 1


def test_unprotect_integrity_before_window():
    # TS 38.323 5.2.2.1: an old PDU with a bad MAC-I is an integrity failure
    tampered = SRB1_DL_PDU_COUNT1[:-1] + bytes([SRB1_DL_PDU_COUNT1[-1] ^ 1])
    r = nr.pdcp_unprotect(pdu=tampered, rx_deliv=2, **REF)
    assert r["discarded"] == "integrity"
    assert r["count"] == 1


def test_unprotect_drb_control_pdu():
    # a PDCP status report (PDU type 000): D/C = 0, then the 4-byte FMC (TS 38.323 6.2.3.1)
    r = nr.pdcp_unprotect(rb="drb", rb_id=1, direction="ul", pdu=bytes(5))
    assert r["discarded"] == "control-pdu"


def test_hfn_from_rx_deliv():
    # COUNT 4096 + 5 has SN 5; RX_DELIV 4096 puts it in HFN 1
    args = dict(rb="srb", rb_id=2, direction="ul", nea=3, nia=3, k_enc=K_ENC, k_int=K_INT)
    pdu = nr.pdcp_protect(count=4101, payload=b"hello", **args)
    assert pdu[:2] == b"\x00\x05"
    assert nr.pdcp_unprotect(pdu=pdu, rx_deliv=4096, **args)["sdu"] == b"hello"
    # with RX_DELIV 0 the receiver assumes HFN 0: COUNT 5, wrong MAC-I
    r = nr.pdcp_unprotect(pdu=pdu, rx_deliv=0, **args)
    assert r["count"] == 5 and r["discarded"] == "integrity"


def test_srb_without_security_carries_a_zero_mac():
    pdu = nr.pdcp_protect(rb="srb", rb_id=1, direction="ul", count=0x123, payload=b"\xab\xcd")
    assert pdu == b"\x01\x23\xab\xcd\x00\x00\x00\x00"
    r = nr.pdcp_unprotect(rb="srb", rb_id=1, direction="ul", pdu=pdu)
    assert r["sdu"] == b"\xab\xcd" and r["mac_i"] is None and r["x_mac"] is None


def test_drb_without_integrity_has_no_mac():
    pdu = nr.pdcp_protect(rb="drb", rb_id=3, direction="dl", count=0x7FF, payload=b"\x01")
    assert pdu == b"\x87\xff\x01"
    pdu = nr.pdcp_protect(
        rb="drb", rb_id=3, sn_bits=18, direction="dl", count=0x2ABCD, payload=b"\x01"
    )
    assert pdu == b"\x82\xab\xcd\x01"


def header(rb, sn_bits, count):
    if sn_bits == 18:
        return bytes([0x80 | (count >> 16) & 0x03, (count >> 8) & 0xFF, count & 0xFF])
    return bytes([(0x80 if rb == "drb" else 0) | (count >> 8) & 0x0F, count & 0xFF])


FORMATS = [("srb", 12, None), ("drb", 12, None), ("drb", 18, None), ("drb", 18, 0x2A)]
ALGS = [None, 0, 1, 2, 3]


@pytest.mark.parametrize("rb,sn_bits,sdap", FORMATS)
@pytest.mark.parametrize("nea,nia", list(itertools.product(ALGS, ALGS)))
def test_protect_is_nia_then_nea_and_unprotect_inverts_it(rb, sn_bits, sdap, nea, nia):
    rb_id, direction, count, payload = 5, "ul", (1 << sn_bits) * 3 + 17, bytes(range(7, 50))
    args = dict(
        rb=rb, rb_id=rb_id, sn_bits=sn_bits, direction=direction,
        nea=nea, nia=nia, k_enc=K_ENC, k_int=K_INT,
    )
    pdu = nr.pdcp_protect(count=count, payload=payload, sdap_header=sdap, **args)

    # TS 38.323 5.9 then 5.8: MAC-I over header || SDU (SDAP header included), then the data
    # after the SDAP header and the MAC-I ciphered with BEARER = rb_id - 1
    hdr = header(rb, sn_bits, count)
    sdap_bytes = b"" if sdap is None else bytes([sdap])
    if nia is not None:
        mac = nr.nia(nia, K_INT, count, rb_id - 1, 0, hdr + sdap_bytes + payload)
    else:
        mac = b"\x00" * 4 if rb == "srb" else b""
    body = payload + mac
    if nea is not None:
        body = nr.nea(nea, K_ENC, count, rb_id - 1, 0, body)
    assert pdu == hdr + sdap_bytes + body

    r = nr.pdcp_unprotect(pdu=pdu, rx_deliv=count, sdap_header=sdap is not None, **args)
    assert r["discarded"] is None
    assert r["count"] == count
    assert r["sdu"] == payload
    assert r["sdap_header"] == sdap


def test_wrong_direction_fails_integrity():
    pdu = nr.pdcp_protect(count=1, payload=SRB1_DL_PAYLOAD, **REF)
    r = nr.pdcp_unprotect(pdu=pdu, **dict(REF, direction="ul"))
    assert r["discarded"] == "integrity"


def test_arguments_are_keyword_only():
    with pytest.raises(TypeError):
        nr.pdcp_protect("srb", 1, 12, "dl", 1, b"\x00")


# --- argument checks: ValueError naming the parameter ----------------------------------------

PROTECT_ERRORS = [
    ("rb", dict(rb="xrb")),
    ("rb_id", dict(rb_id=0)),
    ("rb_id", dict(rb_id=33)),
    ("sn_bits", dict(sn_bits=15)),
    ("sn_bits", dict(sn_bits=18)),  # an SRB has a 12-bit SN
    ("direction", dict(direction="up")),
    ("count", dict(count=2**32)),
    ("count", dict(count=-1)),
    ("payload", dict(payload=b"")),
    ("payload", dict(payload=bytes(9001))),
    ("nea", dict(nea=4)),
    ("nia", dict(nia=-1)),
    ("k_enc", dict(k_enc=None)),
    ("k_enc", dict(k_enc=bytes(15))),
    ("k_int", dict(k_int=None)),
    ("k_int", dict(k_int=bytes(17))),
    ("sdap_header", dict(sdap_header=1)),  # an SRB has no SDAP header
    ("sdap_header", dict(rb="drb", sdap_header=256)),
]


@pytest.mark.parametrize("parameter,bad", PROTECT_ERRORS, ids=[p for p, _ in PROTECT_ERRORS])
def test_protect_value_errors(parameter, bad):
    args = dict(REF, count=1, payload=SRB1_DL_PAYLOAD)
    args.update(bad)
    with pytest.raises(ValueError, match=rf"^{parameter}: "):
        nr.pdcp_protect(**args)


UNPROTECT_ERRORS = [
    ("rb", dict(rb="")),
    ("rb_id", dict(rb_id=40)),
    ("sn_bits", dict(rb="drb", sn_bits=16)),
    ("direction", dict(direction="down")),
    ("nea", dict(nea=9)),
    ("nia", dict(nia=4)),
    ("k_enc", dict(k_enc=b"")),
    ("k_int", dict(k_int=None)),
    ("sdap_header", dict(sdap_header=True)),  # an SRB has no SDAP header
    ("rx_deliv", dict(rx_deliv=2**32 + 1)),
    ("rx_deliv", dict(rx_deliv=-1)),
    ("pdu", dict(pdu=memoryview(bytes(8)).cast("I"))),
]


@pytest.mark.parametrize("parameter,bad", UNPROTECT_ERRORS, ids=[p for p, _ in UNPROTECT_ERRORS])
def test_unprotect_value_errors(parameter, bad):
    args = dict(REF, pdu=SRB1_DL_PDU_COUNT1)
    args.update(bad)
    with pytest.raises(ValueError, match=rf"^{parameter}: "):
        nr.pdcp_unprotect(**args)


@pytest.mark.parametrize(
    "bad",
    [dict(payload="28804000"), dict(count="1"), dict(nea="2"), dict(k_int=K_RRC_INT_NIA2.hex())],
    ids=["payload", "count", "nea", "k_int"],
)
def test_protect_type_errors(bad):
    args = dict(REF, count=1, payload=SRB1_DL_PAYLOAD)
    args.update(bad)
    with pytest.raises(TypeError):
        nr.pdcp_protect(**args)
