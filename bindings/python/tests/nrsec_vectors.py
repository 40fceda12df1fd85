# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: the official test vectors of test/data/*.json and the project's known answers,
# for the Python binding tests.

import json
import pathlib

DATA_DIR = pathlib.Path(__file__).resolve().parent.parent.parent.parent / "test" / "data"


def load(name):
    """The "vectors" list of test/data/<name>.json."""
    with open(DATA_DIR / f"{name}.json", encoding="utf-8") as f:
        return json.load(f)["vectors"]


def h(text):
    """bytes from lowercase hex."""
    return bytes.fromhex(text)


def vector_id(v):
    """A short pytest id for a vector."""
    return v.get("name") or v.get("spec_ref", "?").split(";")[0]


def masked(data, length_bits):
    """The first ceil(length_bits / 8) bytes of data with the bits after length_bits zeroed."""
    n = (length_bits + 7) // 8
    out = bytearray(data[:n])
    if length_bits % 8:
        out[-1] &= (0xFF << (8 - length_bits % 8)) & 0xFF
    return bytes(out)


# The project's reference security context (README, test suites): K_AMF and uplink NAS COUNT 0,
# NEA2 + NIA2, SRB1.
KAMF = h("d655f16142035d4d72ca39583d228d2dd2ec0ca7929ad007f53b382d05544405")
KGNB = h("493a16c58b77b627fa3f1ac6344c183039f01ba0cb7636bbccc4365b023bd562")
K_RRC_INT_NIA2 = h("3dc37c61c21fb16740a2b2fe27783646")
K_RRC_ENC_NEA2 = h("941e50db4b51a68270b2af2793ec73de")
SRB1_DL_PDU_COUNT1 = h("0001d6cd2f5cbceb89ca")  # payload 28804000, NEA2 + NIA2
SRB1_DL_PAYLOAD = h("28804000")
NH1 = h("36b236a55a1f7556e2ff066b8a813a055c04865bc372e69b2d6df63ef25fd8a9")  # kamf, sync=kgnb
KGNB_STAR = h("22f80de2177c135fc0317832d63f10e073b31375999f22ff8a71fc3af1588482")  # pci 1
KGNB_STAR_PCI = 1
KGNB_STAR_ARFCN_DL = 632628
