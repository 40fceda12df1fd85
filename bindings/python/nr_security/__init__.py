# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: 5G NR Access Stratum security (the nr-security ns-3 module) from Python.
"""5G NR Access Stratum security (the nr-security ns-3 module) from Python.

`import nr_security` loads our C++ library into ns-3's Python bindings (cppyy): after it,
`from ns import ns` reaches every NrSecurity* class (ns.NrSecurityHelper, ...), as any ns-3
module, and connect() hands a Python function to a trace source.

Bytes-in/bytes-out helpers, thin wrappers of the C++ classes:

* crypto (cppyy): the 3GPP KDF (TS 33.220 B.2) and the key hierarchy below K_SEAF
  (TS 33.501 Annex A: hmac_sha256, build_s, kdf, kamf, kgnb, algorithm_key, as_keys, nh,
  kgnb_star), NEA0-3 and NIA0-3 (TS 33.501 Annex D: nea, nia);
* PDCP (cppyy, NrSecurityPdcpPdu): pdcp_protect / pdcp_unprotect (TS 38.323), as
  nr-security-calc pdcp-protect / pdcp-unprotect;
* scenarios (cppyy, NrSecurityScenario / NrSecurityRelayScenario): run_scenario (the AS
  Security Mode Command between gNBs and UEs) and run_relay_scenario (a man-in-the-middle
  relay with its interception callback in Python);
* explain mode (cppyy, NrSecurityExplain): explain_kdf, explain_kamf, explain_kgnb,
  explain_algorithm_key, explain_nh, explain_kgnb_star, explain_nea and explain_nia, every
  input and intermediate as (name, hex) pairs, as nr-security-calc --explain prints them.

nr_security_pybind (pybind11, Debian standalone build only) is a second copy of the crypto and
explain helpers that imports in a fraction of a second, without cppyy; the tests keep the two
identical.

Conventions: keys, data and PDUs are bytes in and bytes out (bytearray and memoryview are
accepted as input), big-endian, first byte = most significant bits. LENGTH parameters are
in bits. Numbers are Python ints. Bad input raises ValueError (TypeError for a wrong type)
whose message starts with the name of the offending parameter, e.g.
"bearer: 32 is outside 0..31 (...)".
"""

from ._loader import load
from .callback import connect, make_callback
from .crypto import (
    algorithm_key,
    as_keys,
    build_s,
    hmac_sha256,
    kamf,
    kdf,
    kgnb,
    kgnb_star,
    nea,
    nh,
    nia,
)

from .explain import (
    explain_algorithm_key,
    explain_kamf,
    explain_kdf,
    explain_kgnb,
    explain_kgnb_star,
    explain_nea,
    explain_nh,
    explain_nia,
)
from .pdcp import pdcp_protect, pdcp_unprotect
from .relay import run_relay_scenario
from .scenario import run_scenario

__version__ = "0.1.0"
