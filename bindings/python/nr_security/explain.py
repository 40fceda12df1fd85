# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: explain mode from Python, thin wrappers of the C++ class NrSecurityExplain
# through cppyy.
"""Explain mode: the named intermediates of the key derivations and of NEA/NIA.

Each explain_* function takes the arguments of its plain function (explain_kgnb those of kgnb,
...) plus notes=False, checks them with the same ValueError messages, and returns the
explanation of NrSecurityExplain (what nr-security-calc --explain prints) as a list.
"""

from . import _convert as _c
from . import crypto as _crypto
from ._loader import load as _load

_ns = _load()
_Explain = _ns.NrSecurityExplain
_Alg = _ns.NrSecurityAlgorithms

_RETURNS = (
    "\n\nReturns a list of (name, hex) tuples in the order of the computation, names as the "
    "spec writes them, values lowercase hex (integers big-endian: COUNT 8 digits, BEARER and "
    "DIRECTION 2, LENGTH 8); the last tuple is the result. notes=True gives (name, hex, note) "
    "triples, the note saying what the value is (as nr-security-calc --explain prints it)."
)


def _documented(text):
    """Gives the decorated function the docstring text + the common Returns paragraph."""

    def set_doc(function):
        function.__doc__ = text + _RETURNS
        return function

    return set_doc


def _to_list(explanation, notes):
    out = []
    for item in explanation.items:
        if notes:
            out.append((str(item.name), str(item.hex), str(item.note)))
        else:
            out.append((str(item.name), str(item.hex)))
    return out


@_documented(
    "The generic KDF of TS 33.220 B.2, explained: KEY, FC, P0, L0, P1, L1, ..., S, "
    "HMAC-SHA-256(KEY, S).\n\nArguments as kdf(). Raises ValueError naming 'fc' or "
    "'params[i]'."
)
def explain_kdf(key, fc, params=(), notes=False):
    k = _c.vector(_ns, _c.to_bytes(key, "key"))
    fc = _c.to_uint(fc, "fc", 0, 255, "one byte")
    return _to_list(_Explain.Kdf(k, fc, _crypto._params(params, "params")), notes)


@_documented(
    "K_AMF from K_SEAF (TS 33.501 A.7), explained; the last name is 'K_AMF'.\n\nArguments as "
    "kamf()."
)
def explain_kamf(kseaf, supi, abba=b"\x00\x00", notes=False):
    supi, a = _crypto._supi_abba(supi, abba)
    k = _crypto._key256(kseaf, "kseaf")
    return _to_list(_Explain.Kamf(k, supi, a), notes)


@_documented(
    "K_gNB from K_AMF (TS 33.501 A.9), explained: KEY (K_AMF), FC (6e), P0 (uplink NAS "
    "COUNT), L0, P1 (access type distinguisher), L1, S, HMAC-SHA-256(KEY, S), K_gNB (all 32 "
    "bytes; 'K_N3IWF' for non3gpp).\n\nArguments as kgnb(). Raises ValueError naming 'kamf', "
    "'ul_nas_count' or 'access'."
)
def explain_kgnb(kamf, ul_nas_count, access="3gpp", notes=False):
    k = _crypto._key256(kamf, "kamf")
    count = _c.to_uint(ul_nas_count, "ul_nas_count", 0, 0xFFFFFFFF, "NAS COUNT is 32 bits")
    return _to_list(_Explain.Kgnb(k, count, _crypto._access_type(access)), notes)


@_documented(
    "One algorithm key (TS 33.501 A.8), explained: KEY, FC (69), P0 (algorithm type "
    "distinguisher), L0, P1 (algorithm identity), L1, S, HMAC-SHA-256(KEY, S), then the key "
    "('K_RRCint', ...): bytes 16..31 of the output.\n\nArguments as algorithm_key(). Raises "
    "ValueError naming 'key', 'alg_type' or 'alg_id'."
)
def explain_algorithm_key(key, alg_type, alg_id, notes=False):
    k = _crypto._key256(key, "key")
    t = _crypto._algorithm_type(alg_type)
    alg_id = _c.to_uint(alg_id, "alg_id", 0, 15, "a 4-bit algorithm identity")
    return _to_list(_Explain.AlgorithmKey(k, t, alg_id), notes)


@_documented("NH (TS 33.501 A.10), explained; the last name is 'NH'.\n\nArguments as nh().")
def explain_nh(kamf, sync_input, notes=False):
    k = _crypto._key256(kamf, "kamf")
    sync = _crypto._key256(sync_input, "sync_input")
    return _to_list(_Explain.Nh(k, sync), notes)


@_documented(
    "K_gNB* (TS 33.501 A.11), explained: P0 = PCI (2 bytes), P1 = ARFCN-DL (3 bytes); the "
    "last name is 'K_gNB*'.\n\nArguments as kgnb_star()."
)
def explain_kgnb_star(key, pci, arfcn_dl, notes=False):
    k = _crypto._key256(key, "key")
    pci = _c.to_uint(pci, "pci", 0, 1007, "NR physical cell identity")
    arfcn = _c.to_uint(arfcn_dl, "arfcn_dl", 0, 3279165, "NR-ARFCN, TS 38.104 5.4.2.1")
    return _to_list(_Explain.KgnbStar(k, pci, arfcn), notes)


def _algorithm_explainer(name, from_id, explain, algorithms, doc):
    """explain_nea / explain_nia: the arguments of nea / nia, checked as there, then notes."""

    def explainer(alg, key, count, bearer, direction, data, length_bits=None, notes=False):
        a = from_id(_c.to_uint(alg, "alg", 0, 3, algorithms))
        inputs = _crypto._algorithm_inputs(key, count, bearer, direction, data, length_bits)
        return _to_list(explain(a, *inputs), notes)

    explainer.__name__ = explainer.__qualname__ = name
    return _documented(doc)(explainer)


explain_nea = _algorithm_explainer(
    "explain_nea", _Alg.CipheringFromId, _Explain.Nea, "NEA0..NEA3",
    "NEA (TS 33.501 D.2), explained: KEY, COUNT, BEARER, DIRECTION, LENGTH, the "
    "initialisation (NEA1: k0..k3 and IV0..IV3 of SNOW 3G; NEA2: the counter block T1; NEA3: "
    "the ZUC IV), KEYSTREAM (its first 32 bytes at most), IBS, OBS (= nea()).\n\nArguments as "
    "nea(); the same ValueErrors.")

explain_nia = _algorithm_explainer(
    "explain_nia", _Alg.IntegrityFromId, _Explain.Nia, "NIA0..NIA3",
    "NIA (TS 33.501 D.3), explained: KEY, COUNT, BEARER, DIRECTION, LENGTH, MESSAGE, then "
    "NIA1: k0..k3, IV0..IV3, z1..z5, P, Q, EVAL; NIA2: M (COUNT || BEARER || DIRECTION || 0^26 "
    "|| MESSAGE), L, the CMAC subkeys K1 and K2, T; NIA3: IV, KEYSTREAM, T; last MAC-I (4 "
    "bytes, = nia()).\n\nArguments as nia(); the same ValueErrors.")
