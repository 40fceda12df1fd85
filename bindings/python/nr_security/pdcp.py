# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: PDCP data PDU protection and unprotection (TS 38.323) from Python, thin
# wrappers of the C++ class NrSecurityPdcpPdu through cppyy (as nr-security-calc
# pdcp-protect / pdcp-unprotect).
"""PDCP data PDUs (TS 38.323): pdcp_protect and pdcp_unprotect over NrSecurityPdcpPdu."""

import operator

import cppyy

from . import _convert as _c
from ._loader import load as _load

_ns = _load()
_Pdu = _ns.NrSecurityPdcpPdu
_Alg = _ns.NrSecurityAlgorithms

_COMMON_DOC = """
Common keyword arguments (all keyword-only):
  rb: "srb" or "drb". rb_id: the RB identity, 1..32 (BEARER = rb_id - 1).
  sn_bits: the PDCP SN length, 12 (default; the only choice for an SRB) or 18 (DRB).
  direction: "ul" (DIRECTION 0) or "dl" (DIRECTION 1), the direction of the PDU.
  nea: None (ciphering not active) or the ciphering algorithm 0..3; k_enc: its key
    (K_RRCenc or K_UPenc), 16 bytes, required when nea is not None.
  nia: None (integrity not active: an SRB then carries a MAC-I of four zero bytes that
    the receiver does not check, a DRB carries none) or the integrity algorithm 0..3;
    k_int: its key (K_RRCint or K_UPint), 16 bytes, required when nia is not None.
    A DRB carries a MAC-I exactly when nia is not None."""


def _optional_id(value, name, hi):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name}: expected None or an int")
    meaning = (
        "None: no SDAP header; 0..255: its value"
        if hi == 255
        else "None: not active; 0..3: the algorithm"
    )
    return _c.to_uint(value, name, 0, hi, meaning)


def _int(value, name):
    try:
        return operator.index(value)
    except TypeError:
        raise TypeError(f"{name}: expected int, got {type(value).__name__}") from None


def _str(value, name):
    if not isinstance(value, str):
        raise TypeError(f"{name}: expected str, got {type(value).__name__}")
    return value


def _key128(value, name):
    return _Alg.Key128FromBytes(_c.vector(_ns, _c.to_key(value, name, 16)))


def _setup(rb, rb_id, sn_bits, direction, nea, nia, k_enc, k_int, sdap_header):
    """(NrSecurityPdcpFormat, NrSecurityPdcpSecurity, DIRECTION) from the keyword arguments."""
    fmt = _ns.NrSecurityPdcpFormat()
    sec = _ns.NrSecurityPdcpSecurity()
    kind = _str(rb, "rb").lower()
    if kind not in ("srb", "drb"):
        raise ValueError(f"rb: '{rb}' is not 'srb' or 'drb'")
    srb = kind == "srb"
    fmt.rbType = _ns.NrSecurityRbType.SRB if srb else _ns.NrSecurityRbType.DRB
    fmt.rbId = _c.to_uint(
        _int(rb_id, "rb_id"), "rb_id", 1, 32, "RB identity; BEARER = rb_id - 1, TS 33.501 D.2.1.1"
    )
    sn = _c.to_uint(_int(sn_bits, "sn_bits"), "sn_bits", 12, 18, "12 or 18")
    if sn not in (12, 18):
        raise ValueError(f"sn_bits: {sn} is not 12 or 18")
    if sn == 18 and srb:
        raise ValueError("sn_bits: an SRB has a 12-bit SN (TS 38.323 6.2.2.1)")
    fmt.snBits = sn
    if sdap_header and srb:
        raise ValueError("sdap_header: an SRB carries no SDAP header (only a DRB does)")
    fmt.sdapHeader = bool(sdap_header)
    d = _str(direction, "direction").lower()
    if d not in ("ul", "dl"):
        raise ValueError(f"direction: '{direction}' is not 'ul' or 'dl'")
    alg = _optional_id(nia, "nia", 3)
    if alg is not None:
        if k_int is None:
            raise ValueError("k_int: required (16 bytes) when nia is not None")
        sec.integrityActive = True
        sec.nia = _Alg.IntegrityFromId(alg)
        sec.kInt = _key128(k_int, "k_int")
        fmt.drbIntegrity = not srb
    alg = _optional_id(nea, "nea", 3)
    if alg is not None:
        if k_enc is None:
            raise ValueError("k_enc: required (16 bytes) when nea is not None")
        sec.cipheringActive = True
        sec.nea = _Alg.CipheringFromId(alg)
        sec.kEnc = _key128(k_enc, "k_enc")
    try:
        fmt.Validate()  # backstop: std::invalid_argument -> ValueError
    except cppyy.gbl.std.invalid_argument as e:
        raise ValueError(str(e)) from None
    return fmt, sec, 0 if d == "ul" else 1


def _be32(v):
    return int(v).to_bytes(4, "big")


def _result(count=None, sdu=None, sdap_header=None, discarded=None, mac_i=None, x_mac=None):
    return dict(
        count=count,
        sdu=sdu,
        sdap_header=sdap_header,
        discarded=discarded,
        mac_i=mac_i,
        x_mac=x_mac,
    )


def pdcp_protect(
    *,
    rb,
    rb_id,
    sn_bits=12,
    direction,
    count,
    payload,
    nea=None,
    nia=None,
    k_enc=None,
    k_int=None,
    sdap_header=None,
):
    sdap = _optional_id(sdap_header, "sdap_header", 255)
    fmt, sec, d = _setup(rb, rb_id, sn_bits, direction, nea, nia, k_enc, k_int, sdap is not None)
    c = _c.to_uint(
        _int(count, "count"),
        "count",
        0,
        0xFFFFFFFF,
        "COUNT is 32 bits; its low SN bits are the SN",
    )
    data = _c.to_bytes(payload, "payload")
    prefix = b"" if sdap is None else bytes([sdap])
    hi = int(_Pdu.MAX_SDU_BYTES) - len(prefix)
    if not data or len(data) > hi:
        raise ValueError(
            f"payload: {len(data)} bytes is outside 1..{hi} bytes (TS 38.323 4.3.1)"
        )
    sdu = _c.vector(_ns, prefix + data)
    pdu = cppyy.gbl.std.vector["uint8_t"]()
    _Pdu.Protect(fmt, c, d, sec, sdu.data(), sdu.size(), pdu)
    return _c.from_cpp(_ns, pdu)


pdcp_protect.__doc__ = """Builds a protected PDCP data PDU (TS 38.323 5.8, 5.9, 6.2.2).

Transmit order: the MAC-I is computed over the PDCP header and the SDU (SDAP header
included) with COUNT, BEARER = rb_id - 1 and DIRECTION; then the data after any SDAP header
and the MAC-I are ciphered; headers are never ciphered.

  count: the COUNT of the PDU, 0..2**32-1; its low sn_bits bits are the SN.
  payload: the SDU payload, bytes, 1..9000 (after any SDAP header).
  sdap_header: None, or (DRB only) the value 0..255 of a 1-byte SDAP header put before
    the payload (TS 37.324).
Returns the PDU bytes: header || [SDAP header] || data || [MAC-I], data and MAC-I ciphered.
Raises ValueError naming the parameter (rb, rb_id, sn_bits, direction, count, payload,
nea, nia, k_enc, k_int, sdap_header).
""" + _COMMON_DOC


def pdcp_unprotect(
    *,
    rb,
    rb_id,
    sn_bits=12,
    direction,
    pdu,
    nea=None,
    nia=None,
    k_enc=None,
    k_int=None,
    sdap_header=False,
    rx_deliv=0,
):
    sdap_header = bool(sdap_header)
    fmt, sec, d = _setup(rb, rb_id, sn_bits, direction, nea, nia, k_enc, k_int, sdap_header)
    rx = _c.to_uint(
        _int(rx_deliv, "rx_deliv"),
        "rx_deliv",
        0,
        1 << 32,
        "RX_DELIV, TS 38.323 7.1; 2**32 once the last COUNT was delivered",
    )
    data = _c.to_bytes(pdu, "pdu")
    buf = _c.vector(_ns, data)
    h = _Pdu.ParseHeader(fmt, buf.data(), buf.size())
    if not h.valid:
        return _result(discarded=f"malformed ({h.reason})")
    if h.control:
        return _result(discarded="control-pdu")
    rcvd = int(_Pdu.RcvdCount(fmt.snBits, rx, h.sn))
    if rcvd < 0 or rcvd > 0xFFFFFFFF:
        return _result(discarded="out-of-window")
    r = _Pdu.Unprotect(fmt, rcvd, d, sec, buf.data(), buf.size())
    mac_i = x_mac = None
    if sec.integrityActive:
        mac_i = _be32(r.receivedMac)
        x_mac = _be32(r.expectedMac)
    if r.status != _ns.NrSecurityPdcpUnprotectResult.OK:
        return _result(count=rcvd, discarded="integrity", mac_i=mac_i, x_mac=x_mac)
    # TS 38.323 5.2.2.1: the window is checked after integrity verification.
    if rcvd < rx:
        return _result(discarded="out-of-window")
    data = _c.from_cpp(_ns, buf)  # Unprotect deciphers in place
    start = int(r.sduOffset)
    end = start + int(r.sduBytes)
    sdap_value = None
    if sdap_header:
        sdap_value = data[start]
        start += 1
    return _result(
        count=rcvd, sdu=data[start:end], sdap_header=sdap_value, mac_i=mac_i, x_mac=x_mac
    )


pdcp_unprotect.__doc__ = """Checks a received PDCP data PDU as a receiver would: parse the header,
derive RCVD_COUNT from RX_DELIV and the SN (TS 38.323 5.2.2.1), decipher, verify the
MAC-I (TS 38.323 5.8, 5.9).

  pdu: the PDU, bytes.
  sdap_header: True if the DRB's PDUs carry a 1-byte SDAP header.
  rx_deliv: the receiver's RX_DELIV, 0..2**32 (default 0).
Returns a dict with the keys
  count: RCVD_COUNT (int), or None if the PDU was discarded before deciphering;
  sdu: the SDU payload (bytes, after any SDAP header), or None if discarded;
  sdap_header: the SDAP header byte (int) for a DRB with sdap_header=True, else None;
  discarded: None if delivered, else the reason: "malformed (...)", "control-pdu",
    "integrity" (checked first, TS 38.323 5.2.2.1) or "out-of-window" (RCVD_COUNT <
    RX_DELIV: duplicate or too old); reserved header bits are ignored (TS 38.323 6.3.6);
  mac_i, x_mac: the received (deciphered) and the expected MAC-I, 4 bytes each, when
    integrity is active (nia not None), else None.
A discarded PDU is a result, not an error; ValueError is only raised for bad arguments
(rb, rb_id, sn_bits, direction, pdu, nea, nia, k_enc, k_int, sdap_header, rx_deliv).
""" + _COMMON_DOC
