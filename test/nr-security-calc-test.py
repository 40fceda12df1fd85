#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Black-box test of nr-security-calc: it must reproduce every official vector from the shell
(TS 33.401 Annex C / ETSI-SAGE sets in test/data) and reject bad input with exit 2 and one
line on stderr. Usage: nr-security-calc-test.py PATH-TO-nr-security-calc"""
import json
import os
import subprocess
import sys

CALC = sys.argv[1]
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
passed = failed = 0


def run(*args):
    p = subprocess.run([CALC, *args], capture_output=True, text=True)
    return p.returncode, p.stdout.strip(), p.stderr.strip()


def check(what, got, expected):
    global passed, failed
    if got == expected:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}: got {got!r}, expected {expected!r}")


def vectors(name):
    with open(os.path.join(DATA, name)) as f:
        return json.load(f)["vectors"]


def common(v, alg):
    return ["--alg", str(alg), "--key", v["key"], "--count", v["count"],
            "--bearer", str(v["bearer"]), "--direction", str(v["direction"]),
            "--bits", str(v["length_bits"])]


for alg in (1, 2, 3):
    for v in vectors(f"nea{alg}.json"):
        rc, out, _ = run("nea", *common(v, alg), "--data", v["plaintext"])
        check(f"nea {v['spec_ref']}", (rc, out), (0, v["ciphertext"]))
    for v in vectors(f"nia{alg}.json"):
        rc, out, _ = run("nia", *common(v, alg), "--data", v["message"])
        check(f"nia {v['spec_ref']}", (rc, out), (0, v["mac"]))

for v in vectors("kdf.json"):
    fc, p = v.get("fc"), v.get("params_hex", [])
    if fc == "0x6e":  # TS 33.501 A.9
        rc, out, _ = run("kgnb", "--kamf", v["key"], "--ul-nas-count", "0x" + p[0])
        check(f"kgnb {v['name']}", (rc, out), (0, v["output_256"]))

# The project's reference context (cases C1-C4): K_AMF -> K_gNB -> AS keys, NH, K_gNB*.
KAMF = "d655f16142035d4d72ca39583d228d2dd2ec0ca7929ad007f53b382d05544405"
KGNB = "493a16c58b77b627fa3f1ac6344c183039f01ba0cb7636bbccc4365b023bd562"
check("kgnb COUNT 5", run("kgnb", "--kamf", KAMF, "--ul-nas-count", "5")[:2],
      (0, "2bbac0b3077e7971886f7ff501a0cec5b54f59459792dc3c0860c56e7d3d3aef"))
check("kgnb non3gpp", run("kgnb", "--kamf", KAMF, "--ul-nas-count", "0", "--access", "non3gpp")[:2],
      (0, "41beb577e0a9b68b145ecbc7b1d0d104b02f76999dd7759a4e84b043c61cf574"))
rc, out, _ = run("as-keys", "--kgnb", KGNB, "--nea", "2", "--nia", "2")
lines = dict(line.split("=") for line in out.splitlines()) if rc == 0 else {}
check("as-keys K_RRCint", lines.get("K_RRCint"), "3dc37c61c21fb16740a2b2fe27783646")
check("as-keys K_RRCenc", lines.get("K_RRCenc"), "941e50db4b51a68270b2af2793ec73de")
check("as-keys K_UPenc", lines.get("K_UPenc"), "e3f1848b8dd2745013da1a530d91d68e")
check("as-keys lines", sorted(lines), ["K_RRCenc", "K_RRCint", "K_UPenc", "K_UPint"])
check("nh", run("nh", "--kamf", KAMF, "--sync-input", KGNB)[:2],
      (0, "36b236a55a1f7556e2ff066b8a813a055c04865bc372e69b2d6df63ef25fd8a9"))
check("kgnb-star", run("kgnb-star", "--key", KGNB, "--pci", "1", "--arfcn-dl", "632628")[:2],
      (0, "22f80de2177c135fc0317832d63f10e073b31375999f22ff8a71fc3af1588482"))

# PDCP (project cases P1, P2, P3, P4, P5 of the reference context R1; TS 38.323).
R1 = ["--rb", "srb", "--rb-id", "1", "--k-enc", "941e50db4b51a68270b2af2793ec73de",
      "--k-int", "3dc37c61c21fb16740a2b2fe27783646"]
check("pdcp-protect P1", run("pdcp-protect", *R1, "--direction", "dl", "--nea", "2", "--nia", "2",
                             "--count", "1", "--payload", "28804000")[:2], (0, "0001d6cd2f5cbceb89ca"))
check("pdcp-protect P3", run("pdcp-protect", *R1, "--direction", "dl", "--nea", "2", "--nia", "2",
                             "--count", "4095", "--payload", "28804000")[:2], (0, "0fff945ace2e94deb5a8"))
check("pdcp-protect P4", run("pdcp-protect", *R1, "--direction", "ul", "--nea", "none", "--nia", "2",
                             "--count", "0", "--payload", "2a00")[:2], (0, "00002a00ad5dcad1"))
check("pdcp-protect P5", run("pdcp-protect", *R1, "--direction", "dl", "--nea", "none", "--nia", "none",
                             "--count", "0", "--payload", "28804000")[:2], (0, "00002880400000000000"))
check("pdcp-protect P5 NIA0", run("pdcp-protect", *R1, "--direction", "dl", "--nea", "2", "--nia", "0",
                                  "--count", "1", "--payload", "28804000")[:2], (0, "0001d6cd2f5c2c5aa9dc"))
check("pdcp-unprotect P1", run("pdcp-unprotect", *R1, "--direction", "dl", "--nea", "2", "--nia", "2",
                               "--pdu", "0001d6cd2f5cbceb89ca", "--rx-deliv", "1")[:2],
      (0, "count=1\nsdu=28804000"))
check("pdcp-unprotect P2", run("pdcp-unprotect", *R1, "--direction", "dl", "--nea", "2", "--nia", "2",
                               "--pdu", "0001d6cd2f5cbceb89cb", "--rx-deliv", "1")[:2],
      (1, "count=1\nmac-i=90b12017\nx-mac=90b12016\ndiscarded=integrity"))
check("pdcp-unprotect P3", run("pdcp-unprotect", *R1, "--direction", "dl", "--nea", "2", "--nia", "2",
                               "--pdu", "0000cc46f6fdaa7f5a5b", "--rx-deliv", "4096")[:2],
      (0, "count=4096\nsdu=28804000"))
check("pdcp-unprotect old", run("pdcp-unprotect", *R1, "--direction", "dl", "--nea", "2", "--nia", "2",
                                "--pdu", "0001d6cd2f5cbceb89ca", "--rx-deliv", "2")[:2],
      (1, "discarded=out-of-window"))
# TS 38.323 5.2.2.1: integrity is verified before the window check (as the entity does; the
# calculator runs the entity's receive path): an old PDU (COUNT 1 < RX_DELIV 2) with a bad
# MAC-I is an integrity failure, not out-of-window.
check("pdcp-unprotect integrity before window", run("pdcp-unprotect", *R1, "--direction", "dl", "--nea", "2",
                                                    "--nia", "2", "--pdu", "0001d6cd2f5cbceb89cb",
                                                    "--rx-deliv", "2")[:2],
      (1, "count=1\nmac-i=90b12017\nx-mac=90b12016\ndiscarded=integrity"))
check("pdcp-unprotect short", run("pdcp-unprotect", *R1, "--direction", "dl", "--nea", "2", "--nia", "2",
                                  "--pdu", "000000000000")[0], 1)
DRB = ["--rb", "drb", "--rb-id", "4", "--sn-bits", "18", "--direction", "ul", "--nea", "2", "--nia", "2",
       "--k-enc", "e3f1848b8dd2745013da1a530d91d68e", "--k-int", "3dc37c61c21fb16740a2b2fe27783646"]
rc, pdu, _ = run("pdcp-protect", *DRB, "--sdap-header", "4a", "--count", "0x12345", "--payload", "45000054abcdef")
check("pdcp-protect DRB header and SDAP in clear", (rc, pdu[:8]), (0, "8123454a"))
check("pdcp-unprotect DRB", run("pdcp-unprotect", *DRB, "--sdap-header", "00", "--pdu", pdu,
                                "--rx-deliv", "0x12345")[:2],
      (0, "count=74565\nsdap-header=4a\nsdu=45000054abcdef"))

# --explain (every subcommand): '# title' lines and 'NAME = HEX[  # note]' lines first, then the
# normal output unchanged. The values are checked against the published vectors and against
# an independent computation here (hashlib/hmac for the KDF, the spec's byte layouts by hand).
import hashlib  # noqa: E402
import hmac  # noqa: E402
import re  # noqa: E402

ITEM = re.compile(r"^([^=]+?) = ([0-9a-f]*)(  # .+)?$")


def explained(*args):
    """Runs a subcommand with and without --explain: (rc, [(title, {name: hex})], tail lines)."""
    rc, out, err = run(*args, "--explain")
    rc0, out0, _ = run(*args)
    plain = out0.splitlines()
    lines = out.splitlines()
    check(f"explain {args[0]}: exit code as without --explain", rc, rc0)
    check(f"explain {args[0]}: normal output unchanged, last", lines[len(lines) - len(plain):], plain)
    blocks = []
    for line in lines[:len(lines) - len(plain)]:
        if line.startswith("# "):
            blocks.append((line[2:], {}))
            continue
        m = ITEM.match(line)
        check(f"explain {args[0]}: line format {line!r}", bool(m and blocks), True)
        if m and blocks:
            blocks[-1][1].setdefault(m.group(1), m.group(2))
    return rc, blocks, plain


def kdf_s(fc, *params):
    return bytes([fc]) + b"".join(p + len(p).to_bytes(2, "big") for p in params)


for v in vectors("kdf.json"):
    if v.get("fc") == "0x6e":
        rc, blocks, plain = explained("kgnb", "--kamf", v["key"], "--ul-nas-count", "0x" + v["params_hex"][0])
        e = blocks[0][1] if blocks else {}
        check("explain kgnb S as published", e.get("S"), v["S"])
        check("explain kgnb HMAC as published", e.get("HMAC-SHA-256(KEY, S)"), v["output_256"])
        s_ind = kdf_s(0x6E, bytes.fromhex(v["params_hex"][0]), b"\x01")
        check("explain kgnb S by hand", e.get("S"), s_ind.hex())
        check("explain kgnb HMAC by hashlib", e.get("HMAC-SHA-256(KEY, S)"),
              hmac.new(bytes.fromhex(v["key"]), s_ind, hashlib.sha256).hexdigest())
        check("explain kgnb items", list(e), ["KEY", "FC", "P0", "L0", "P1", "L1", "S",
                                              "HMAC-SHA-256(KEY, S)", "K_gNB"])
        check("explain kgnb result", e.get("K_gNB"), plain[0])

rc, blocks, plain = explained("as-keys", "--kgnb", KGNB, "--nea", "2", "--nia", "2")
check("explain as-keys: four derivations", [t.split(" ")[0] for t, _ in blocks],
      ["K_RRCenc", "K_RRCint", "K_UPenc", "K_UPint"])
for (title, e), dist in zip(blocks, (3, 4, 5, 6)):
    name = title.split(" ")[0]
    s_ind = kdf_s(0x69, bytes([dist]), b"\x02")
    out = hmac.new(bytes.fromhex(KGNB), s_ind, hashlib.sha256).digest()
    check(f"explain as-keys {name} S", e.get("S"), s_ind.hex())
    check(f"explain as-keys {name}: bytes 16..31 of the HMAC", e.get(name), out[16:].hex())
    check(f"explain as-keys {name}: = the normal line", f"{name}={e.get(name)}" in plain, True)

rc, blocks, _ = explained("nh", "--kamf", KAMF, "--sync-input", KGNB)
check("explain nh S", blocks[0][1].get("S") if blocks else None, kdf_s(0x6F, bytes.fromhex(KGNB)).hex())
rc, blocks, _ = explained("kgnb-star", "--key", KGNB, "--pci", "1", "--arfcn-dl", "632628")
e = blocks[0][1] if blocks else {}
check("explain kgnb-star S", e.get("S"), kdf_s(0x70, b"\x00\x01", (632628).to_bytes(3, "big")).hex())
check("explain kgnb-star HMAC by hashlib", e.get("K_gNB*"),
      hmac.new(bytes.fromhex(KGNB), bytes.fromhex(e.get("S", "")), hashlib.sha256).hexdigest())

# NIA2, TS 33.401 C.2 Test Set 2: M = COUNT || BEARER || DIRECTION || 0^26 || MESSAGE.
v = vectors("nia2.json")[1]
rc, blocks, plain = explained("nia", *common(v, 2), "--data", v["message"])
e = blocks[0][1] if blocks else {}
prefix = int(v["count"], 16).to_bytes(4, "big") + bytes([int(v["bearer"]) << 3 | int(v["direction"]) << 2, 0, 0, 0])
check("explain nia2 M by hand", e.get("M"), (prefix + bytes.fromhex(v["message"])).hex())
check("explain nia2 MAC-I as published", e.get("MAC-I"), v["mac"])
check("explain nia2 T starts with MAC-I", e.get("T", "")[:8], v["mac"])
check("explain nia2 items", [n for n in e], ["KEY", "COUNT", "BEARER", "DIRECTION", "LENGTH", "MESSAGE",
                                             "M", "L", "K1", "K2", "T", "MAC-I"])
# NEA2, TS 33.401 C.1 Test Set 1: T1 = COUNT || BEARER || DIRECTION || 0^26 || 0^64, and
# OBS = IBS XOR KEYSTREAM.
v = vectors("nea2.json")[0]
rc, blocks, plain = explained("nea", *common(v, 2), "--data", v["plaintext"])
e = blocks[0][1] if blocks else {}
t1 = int(v["count"], 16).to_bytes(4, "big") + bytes([v["bearer"] << 3 | v["direction"] << 2]) + bytes(11)
check("explain nea2 T1 by hand", e.get("T1"), t1.hex())
check("explain nea2 OBS as published", e.get("OBS"), v["ciphertext"])
ks, ibs, obs = (bytes.fromhex(e.get(k, "")) for k in ("KEYSTREAM", "IBS", "OBS"))
check("explain nea2 OBS = IBS XOR KEYSTREAM (whole bytes)",
      bytes(a ^ b for a, b in zip(ibs[:31], ks)).hex(), obs[:31].hex())
for alg, names in ((1, ["k0", "k1", "k2", "k3", "IV0", "IV1", "IV2", "IV3"]), (3, ["IV"])):
    v = vectors(f"nea{alg}.json")[0]
    rc, blocks, _ = explained("nea", *common(v, alg), "--data", v["plaintext"])
    e = blocks[0][1] if blocks else {}
    check(f"explain nea{alg} initialisation items", [n for n in names if n in e], names)
    check(f"explain nea{alg} OBS", e.get("OBS"), v["ciphertext"])

# PDCP: the fields, then NIA over header || data and NEA over data || MAC-I (transmit), NEA
# then NIA (receive); P1 and P2 of the reference context.
P1 = [*R1, "--direction", "dl", "--nea", "2", "--nia", "2"]
rc, blocks, plain = explained("pdcp-protect", *P1, "--count", "1", "--payload", "28804000")
check("explain pdcp-protect blocks", [t.split(" ")[0] for t, _ in blocks], ["PDCP", "128-NIA2", "128-NEA2"])
if len(blocks) == 3:
    f, nia, nea = (b[1] for b in blocks)
    check("explain pdcp-protect fields", (f.get("PDCP header"), f.get("COUNT"), f.get("BEARER"),
                                          f.get("DIRECTION"), f.get("data"), f.get("PDU")),
          ("0001", "00000001", "00", "01", "28804000", plain[0]))
    check("explain pdcp-protect NIA MESSAGE = header || data", nia.get("MESSAGE"), "000128804000")
    check("explain pdcp-protect MAC-I", (f.get("MAC-I"), nia.get("MAC-I")), ("90b12016", "90b12016"))
    check("explain pdcp-protect NEA IBS = data || MAC-I", nea.get("IBS"), "2880400090b12016")
    check("explain pdcp-protect NEA OBS = PDU after the header", nea.get("OBS"), plain[0][4:])
rc, blocks, plain = explained("pdcp-unprotect", *P1, "--pdu", "0001d6cd2f5cbceb89cb", "--rx-deliv", "1")
check("explain pdcp-unprotect blocks", [t.split(" ")[0] for t, _ in blocks], ["PDCP", "128-NEA2", "128-NIA2"])
if len(blocks) == 3:
    f, nea, nia = (b[1] for b in blocks)
    check("explain pdcp-unprotect MAC-I as received", f.get("MAC-I"), "90b12017")
    check("explain pdcp-unprotect X-MAC", nia.get("X-MAC"), "90b12016")
    check("explain pdcp-unprotect NEA IBS = ciphered part", nea.get("IBS"), "d6cd2f5cbceb89cb")
rc, blocks, plain = explained("pdcp-unprotect", *P1, "--pdu", "0001d6cd2f5cbceb89ca", "--rx-deliv", "2")
check("explain pdcp-unprotect without COUNT", [t for t, _ in blocks],
      ["PDCP data PDU: not explained, the entity gave it no COUNT (discarded before deciphering)"])
rc, out, err = run("kgnb", "--kamf", "00" * 31, "--ul-nas-count", "0", "--explain")
check("explain bad input: exit 2, nothing on stdout", (rc, out, len(err.splitlines())), (2, "", 1))

# Bad input: exit 2, exactly one line on stderr, nothing on stdout.
K16 = "00" * 16
bad = [
    ("nea", "--alg", "4", "--key", K16, "--count", "0", "--bearer", "0", "--direction", "0", "--bits", "8", "--data", "00"),
    ("nia", "--alg", "2", "--key", "00" * 15, "--count", "0", "--bearer", "0", "--direction", "0", "--bits", "8", "--data", "00"),
    ("nia", "--alg", "2", "--key", K16, "--count", "0", "--bearer", "32", "--direction", "0", "--bits", "8", "--data", "00"),
    ("nia", "--alg", "2", "--key", K16, "--count", "0", "--bearer", "0", "--direction", "2", "--bits", "8", "--data", "00"),
    ("nea", "--alg", "2", "--key", K16, "--count", "0", "--bearer", "0", "--direction", "0", "--bits", "9", "--data", "00"),
    ("nea", "--alg", "2", "--key", K16, "--count", "0x1ffffffff", "--bearer", "0", "--direction", "0", "--bits", "8", "--data", "00"),
    ("nea", "--alg", "2", "--key", K16, "--count", "12abc", "--bearer", "0", "--direction", "0", "--bits", "8", "--data", "00"),
    ("nea", "--alg", "2", "--key", K16, "--count", "0", "--bearer", "0", "--direction", "0", "--bits", "8", "--data", "0"),
    ("nea", "--alg", "2", "--key", K16, "--count", "0", "--bearer", "0", "--direction", "0"),
    ("kgnb", "--kamf", "00" * 31, "--ul-nas-count", "0"),
    ("kgnb", "--kamf", "00" * 32, "--ul-nas-count", "0", "--access", "wifi"),
    ("kgnb-star", "--key", "00" * 32, "--pci", "1008", "--arfcn-dl", "0"),
    ("as-keys", "--kgnb", "00" * 32, "--nea", "2", "--nia", "9"),
    ("frobnicate",),
    ("nia", "--alg", "2", "--key", K16, "--count", "0", "--bearer", "0", "--direction", "0", "--bits", "8", "--data", "00", "stray"),
    ("nia", "--alg", "2", "--key", K16, "--count", "0", "--bearer", "0", "--direction", "0", "--bits", "8", "--data", "0G"),
    ("pdcp-protect", "--rb", "xrb", "--rb-id", "1", "--direction", "dl", "--nea", "none", "--nia", "none", "--count", "0", "--payload", "00"),
    ("pdcp-protect", "--rb", "srb", "--rb-id", "1", "--sn-bits", "18", "--direction", "dl", "--nea", "none", "--nia", "none", "--count", "0", "--payload", "00"),
    ("pdcp-protect", "--rb", "srb", "--rb-id", "0", "--direction", "dl", "--nea", "none", "--nia", "none", "--count", "0", "--payload", "00"),
    ("pdcp-protect", "--rb", "srb", "--rb-id", "1", "--direction", "dl", "--nea", "2", "--nia", "none", "--count", "0", "--payload", "00"),
    ("pdcp-protect", "--rb", "srb", "--rb-id", "1", "--direction", "dl", "--nea", "none", "--nia", "none", "--count", "0", "--payload", ""),
    ("kgnb", "--kamf", "00" * 32, "--ul-nas-count", "0", "--bogus", "1"),
    # an abbreviated option name is not guessed (--ul for --ul-nas-count)
    ("kgnb", "--kamf", "00" * 32, "--ul", "0"),
]
for args in bad:
    rc, out, err = run(*args)
    check(f"bad input {' '.join(args)}", (rc, out, len(err.splitlines())), (2, "", 1))

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
