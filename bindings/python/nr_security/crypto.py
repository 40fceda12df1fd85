# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: the KDF, the 5G key hierarchy below K_SEAF and NEA/NIA from Python, as thin
# wrappers of the C++ classes NrSecurityKdf and NrSecurityAlgorithms through cppyy.
"""The crypto layer: TS 33.220 B.2 KDF, TS 33.501 Annex A derivations, NEA0-3 / NIA0-3.

Bytes in, bytes out; each argument is checked here, so a bad one raises ValueError (TypeError
for a wrong type) whose message starts with the parameter's name.
"""

from . import _convert as _c
from ._loader import load as _load

_ns = _load()
_Kdf = _ns.NrSecurityKdf
_Alg = _ns.NrSecurityAlgorithms

#: Largest KDF parameter: its length Li is two bytes (TS 33.220 B.2.2).
MAX_PARAM_BYTES = 65535

_ALGORITHM_TYPES = {
    "nas-enc": "N_NAS_ENC",
    "nas-int": "N_NAS_INT",
    "rrc-enc": "N_RRC_ENC",
    "rrc-int": "N_RRC_INT",
    "up-enc": "N_UP_ENC",
    "up-int": "N_UP_INT",
}


def _params(params, name):
    if _c.is_buffer(params):
        raise TypeError(
            f"{name}: expected a sequence of bytes objects (P0, P1, ...), got one "
            "bytes-like object; wrap it: [p0]"
        )
    out = _ns.cppyy.gbl.std.vector["std::vector<uint8_t>"]()
    for i, item in enumerate(params):
        b = _c.to_bytes(item, f"{name}[{i}]")
        if len(b) > MAX_PARAM_BYTES:
            raise ValueError(
                f"{name}[{i}]: {len(b)} bytes is longer than 65535 (its length L{i} is 2 bytes)"
            )
        out.push_back(_c.vector(_ns, b))
    return out


def _algorithm_type(alg_type):
    if alg_type not in _ALGORITHM_TYPES:
        raise ValueError(
            f"alg_type: '{alg_type}' is not one of nas-enc, nas-int, rrc-enc, rrc-int, "
            "up-enc, up-int"
        )
    return getattr(_ns.NrSecurityAlgorithmType, _ALGORITHM_TYPES[alg_type])


def _access_type(access):
    """The access type distinguisher of K_gNB / K_N3IWF (TS 33.501 A.9) named by access."""
    if access == "3gpp":
        return _ns.NrSecurityAccessType.THREE_GPP
    if access == "non3gpp":
        return _ns.NrSecurityAccessType.NON_THREE_GPP
    raise ValueError(f"access: '{access}' is not '3gpp' or 'non3gpp'")


def _key256(value, name):
    return _Alg.Key256FromBytes(_c.vector(_ns, _c.to_key(value, name, 32)))


def _key128(value, name):
    return _Alg.Key128FromBytes(_c.vector(_ns, _c.to_key(value, name, 16)))


def hmac_sha256(key, data):
    """HMAC-SHA-256 (RFC 2104), the primitive of the 3GPP KDF (TS 33.220 B.2).

key: bytes, any length (may be empty). data: bytes, any length.
Returns the 32-byte MAC (bytes). Raises TypeError if an argument is not bytes-like."""
    return _c.from_cpp(_ns, _Kdf.HmacSha256(_c.vector(_ns, _c.to_bytes(key, "key")),
                                            _c.vector(_ns, _c.to_bytes(data, "data"))))


def build_s(fc, params=()):
    """The KDF input string S = FC || P0 || L0 || P1 || L1 || ... (TS 33.220 B.2.2).

fc: the function code, 0..255. params: a sequence of bytes objects P0, P1, ...; each Li is
len(Pi) as two bytes, big-endian, so each Pi is at most 65535 bytes.
Returns S (bytes). Raises ValueError naming 'fc' or 'params[i]'."""
    fc = _c.to_uint(fc, "fc", 0, 255, "one byte")
    return _c.from_cpp(_ns, _Kdf.BuildS(fc, _params(params, "params")))


def kdf(key, fc, params=()):
    """The generic 3GPP KDF of TS 33.220 Annex B.2: HMAC-SHA-256(key, S).

key: bytes (32 for every 5G derivation; any length accepted). fc: the function code,
0..255 (0x6D K_AMF, 0x6E K_gNB, 0x69 algorithm keys, 0x6F NH, 0x70 K_gNB*, TS 33.501
Annex A). params: a sequence of bytes objects P0, P1, ... (see build_s).
Returns the full 256-bit output as 32 bytes; a 128-bit key (TS 33.501 A.8) is its last 16
bytes. Raises ValueError naming 'fc' or 'params[i]'."""
    k = _c.vector(_ns, _c.to_bytes(key, "key"))
    fc = _c.to_uint(fc, "fc", 0, 255, "one byte")
    return _c.from_cpp(_ns, _Kdf.Kdf(k, fc, _params(params, "params")))


def kamf(kseaf, supi, abba=b"\x00\x00"):
    """K_AMF from K_SEAF (TS 33.501 A.7): KDF FC 0x6D, P0 = SUPI, P1 = ABBA.

kseaf: 32 bytes. supi: the SUPI as the byte string of A.7.0, as str or bytes (for an IMSI
its digits, e.g. "901700000021309"). abba: the ABBA parameter, bytes (default
b"\\x00\\x00", Release 15).
Returns K_AMF, 32 bytes. Raises ValueError naming 'kseaf', 'supi' or 'abba'."""
    supi, a = _supi_abba(supi, abba)
    k = _key256(kseaf, "kseaf")
    return _c.from_cpp(_ns, _Kdf.DeriveKamf(k, supi, a))


def _supi_abba(supi, abba):
    """The checked SUPI (std::string holding its bytes: a str as UTF-8, as the pybind11 copy
    takes it) and ABBA (std::vector<uint8_t>) of K_AMF (TS 33.501 A.7)."""
    if isinstance(supi, str):
        s = supi.encode("utf-8")
    elif isinstance(supi, (bytes, bytearray)):
        s = bytes(supi)
    else:
        raise TypeError(f"supi: expected str or bytes, got {type(supi).__name__}")
    a = _c.to_bytes(abba, "abba")
    if len(a) > MAX_PARAM_BYTES:
        raise ValueError("abba: longer than 65535 bytes")
    if len(s) > MAX_PARAM_BYTES:
        raise ValueError("supi: longer than 65535 bytes")
    return _ns.cppyy.gbl.std.string(s), _c.vector(_ns, a)


def kgnb(kamf, ul_nas_count, access="3gpp"):
    """K_gNB from K_AMF (TS 33.501 A.9): KDF FC 0x6E, P0 = uplink NAS COUNT (4 bytes),
P1 = access type distinguisher (1 byte).

kamf: 32 bytes. ul_nas_count: the 32-bit uplink NAS COUNT, 0..2**32-1 (0 right after a
fresh registration). access: "3gpp" (0x01, K_gNB) or "non3gpp" (0x02, K_N3IWF).
Returns K_gNB, 32 bytes. Raises ValueError naming 'kamf', 'ul_nas_count' or 'access'.

Example: kgnb(bytes.fromhex("d655...4405"), 0).hex() == "493a16c5...d562"
    """
    a = _access_type(access)
    k = _key256(kamf, "kamf")
    count = _c.to_uint(ul_nas_count, "ul_nas_count", 0, 0xFFFFFFFF, "NAS COUNT is 32 bits")
    return _c.from_cpp(_ns, _Kdf.DeriveKgnb(k, count, a))


def algorithm_key(key, alg_type, alg_id):
    """One algorithm key (TS 33.501 A.8): KDF FC 0x69, P0 = algorithm type
distinguisher, P1 = algorithm identity; the key is the last 16 bytes (128 least
significant bits) of the 256-bit output.

key: K_gNB for AS keys, K_AMF for NAS keys; 32 bytes. alg_type: "nas-enc" (0x01),
"nas-int" (0x02), "rrc-enc" (0x03), "rrc-int" (0x04), "up-enc" (0x05) or "up-int" (0x06).
alg_id: the 4-bit algorithm identity, 0..15 (NEA2 and NIA2 are both 2).
Returns the key, 16 bytes. Raises ValueError naming 'key', 'alg_type' or 'alg_id'."""
    k = _key256(key, "key")
    t = _algorithm_type(alg_type)
    alg_id = _c.to_uint(alg_id, "alg_id", 0, 15, "a 4-bit algorithm identity")
    return _c.from_cpp(_ns, _Kdf.DeriveAlgorithmKey(k, t, alg_id))


def as_keys(kgnb, nea, nia):
    """The four AS keys (TS 33.501 A.8) for a ciphering and an integrity algorithm.

kgnb: K_gNB, 32 bytes. nea, nia: the ciphering / integrity algorithm identities, 0..15
(0..3 are defined).
Returns a dict of 16-byte keys: {"k_rrc_enc", "k_rrc_int", "k_up_enc", "k_up_int"}.
Raises ValueError naming 'kgnb', 'nea' or 'nia'."""
    k = _key256(kgnb, "kgnb")
    nea = _c.to_uint(nea, "nea", 0, 15, "a 4-bit algorithm identity")
    nia = _c.to_uint(nia, "nia", 0, 15, "a 4-bit algorithm identity")
    keys = _Kdf.DeriveAsKeys(k, nea, nia)
    return {
        "k_rrc_enc": _c.from_cpp(_ns, keys.kRrcEnc),
        "k_rrc_int": _c.from_cpp(_ns, keys.kRrcInt),
        "k_up_enc": _c.from_cpp(_ns, keys.kUpEnc),
        "k_up_int": _c.from_cpp(_ns, keys.kUpInt),
    }


def nh(kamf, sync_input):
    """NH (TS 33.501 A.10): KDF FC 0x6F, key K_AMF, P0 = SYNC-input.

kamf: 32 bytes. sync_input: 32 bytes, the fresh K_gNB for NH1, the previous NH after that.
Returns NH, 32 bytes. Raises ValueError naming 'kamf' or 'sync_input'."""
    return _c.from_cpp(_ns, _Kdf.DeriveNh(_key256(kamf, "kamf"), _key256(sync_input, "sync_input")))


def kgnb_star(key, pci, arfcn_dl):
    """K_gNB* for handover (TS 33.501 A.11): KDF FC 0x70, P0 = PCI (2 bytes),
P1 = ARFCN-DL (3 bytes).

key: K_gNB (horizontal derivation) or NH (vertical derivation), 32 bytes. pci: the target
PCI, 0..1007. arfcn_dl: the target NR-ARFCN of the downlink, 0..3279165.
Returns K_gNB*, 32 bytes. Raises ValueError naming 'key', 'pci' or 'arfcn_dl'."""
    k = _key256(key, "key")
    pci = _c.to_uint(pci, "pci", 0, 1007, "NR physical cell identity")
    arfcn = _c.to_uint(arfcn_dl, "arfcn_dl", 0, 3279165, "NR-ARFCN, TS 38.104 5.4.2.1")
    return _c.from_cpp(_ns, _Kdf.DeriveKgnbStar(k, pci, arfcn))


def _algorithm_inputs(key, count, bearer, direction, data, length_bits):
    k = _key128(key, "key")
    count = _c.to_uint(count, "count", 0, 0xFFFFFFFF, "COUNT is 32 bits")
    bearer = _c.to_uint(bearer, "bearer", 0, 31, "BEARER is 5 bits; for PDCP it is RB identity - 1")
    direction = _c.to_uint(direction, "direction", 0, 1, "0 uplink, 1 downlink")
    d = _c.to_bytes(data, "data")
    max_bits = 8 * len(d)
    if max_bits > 0xFFFFFFFF:
        raise ValueError("data: longer than 2^32 - 1 bits")
    if length_bits is None:
        length_bits = max_bits
    elif isinstance(length_bits, int):
        length_bits = _c.to_uint(length_bits, "length_bits", 0, max_bits, "at most 8 * len(data)")
    else:
        raise TypeError("length_bits: expected int or None")
    return k, count, bearer, direction, _c.vector(_ns, d), length_bits


def nea(alg, key, count, bearer, direction, data, length_bits=None):
    """NEA: ciphers or deciphers (the same operation) LENGTH bits (TS 33.501 D.2).

alg: 0 NEA0 (null), 1 128-NEA1 (SNOW 3G), 2 128-NEA2 (AES-CTR), 3 128-NEA3 (ZUC).
key: KEY, 16 bytes (K_RRCenc or K_UPenc). count: COUNT, 0..2**32-1. bearer: BEARER,
0..31 (RB identity - 1 for PDCP). direction: DIRECTION, 0 uplink, 1 downlink.
data: the input, bytes, most significant bit first. length_bits: LENGTH in bits,
0..8*len(data), need not be a multiple of 8; default 8*len(data).
Returns ceil(length_bits / 8) bytes; the bits after LENGTH in the last byte are zero.
Raises ValueError naming 'alg', 'key', 'count', 'bearer', 'direction', 'data' or
'length_bits'."""
    a = _Alg.CipheringFromId(_c.to_uint(alg, "alg", 0, 3, "NEA0..NEA3"))
    k, count, bearer, direction, d, length_bits = _algorithm_inputs(
        key, count, bearer, direction, data, length_bits)
    return _c.from_cpp(_ns, _Alg.Nea(a, k, count, bearer, direction, d, length_bits))


def nia(alg, key, count, bearer, direction, data, length_bits=None):
    """NIA: the 32-bit MAC-I (NAS-MAC, X-MAC) over LENGTH bits of a message
(TS 33.501 D.3).

alg: 0 NIA0 (null: MAC-I is four zero bytes), 1 128-NIA1 (SNOW 3G), 2 128-NIA2
(AES-CMAC), 3 128-NIA3 (ZUC). key: KEY, 16 bytes (K_RRCint or K_UPint). count: COUNT,
0..2**32-1. bearer: BEARER, 0..31. direction: DIRECTION, 0 uplink, 1 downlink.
data: the message, bytes; bits after LENGTH are ignored. length_bits: LENGTH in bits,
0..8*len(data); default 8*len(data).
Returns MAC-I as 4 bytes, most significant first, as carried in a PDCP PDU
(int.from_bytes(mac, "big") for the 32-bit value).
Raises ValueError naming 'alg', 'key', 'count', 'bearer', 'direction', 'data' or
'length_bits'."""
    a = _Alg.IntegrityFromId(_c.to_uint(alg, "alg", 0, 3, "NIA0..NIA3"))
    k, count, bearer, direction, d, length_bits = _algorithm_inputs(
        key, count, bearer, direction, data, length_bits)
    mac = int(_Alg.Nia(a, k, count, bearer, direction, d, length_bits))
    return mac.to_bytes(4, "big")
