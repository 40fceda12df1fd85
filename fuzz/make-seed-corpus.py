#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Writes the seed corpus of the fuzz targets into fuzz/corpus/<target>/ (committed).

Usage: make-seed-corpus.py [PROJECT_SOURCE_DIR]

Seeds come from the vectors in test/data (rrc-uper.json, rrc-messages-uper.json) and the cases in the shared case
files (PDCP cases P1-P7 with reference context R1), laid out as each target reads its input
(see the comment at the top of each fuzz/nr-security-fuzz-*.cc). File names say what a seed
is. Crash reproducers found by fuzzing are added by hand as crash-<kind>-<n> and kept.
"""
import json
import os
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
corpus = os.path.join(root, "fuzz", "corpus")


def put(target, name, data):
    d = os.path.join(corpus, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(bytes(data))


# --- RRC UPER: every encoding of test/data/rrc-uper.json, and truncated / padded variants ---
with open(os.path.join(root, "test", "data", "rrc-uper.json")) as f:
    vectors = json.load(f)["encodings"]
for i, v in enumerate(vectors):
    b = bytes.fromhex(v["uper_hex"])
    put("rrc-uper", f"vector-{i:02d}-{v['uper_hex']}", b)
put("rrc-uper", "smc-truncated-2009", bytes.fromhex("2009"))
put("rrc-uper", "smc-trailing-byte-20091000", bytes.fromhex("20091000"))
put("rrc-uper", "complete-nonzero-padding-2801", bytes.fromhex("2801"))
put("rrc-uper", "messageClassExtension-a000", bytes.fromhex("a000"))
# ... and every encoding of test/data/rrc-messages-uper.json (CCCH and the other DCCH messages),
# with a few refused variants (masterCellGroup cut short, the cipheringDisabled group cut)
with open(os.path.join(root, "test", "data", "rrc-messages-uper.json")) as f:
    messages = json.load(f)["encodings"]
for i, v in enumerate(messages):
    put("rrc-uper", f"message-{i:02d}-{v['message']}", bytes.fromhex(v["uper_hex"]))
put("rrc-uper", "setup-truncated-cellgroup-20400022000400", bytes.fromhex("20400022000400"))
put("rrc-uper", "reconf-ciphering-group-cut-028280409a01a0120df1f0703801",
    bytes.fromhex("028280409a01a0120df1f0703801"))
put("rrc-uper", "setuprequest-spare-cause-12468acf135f", bytes.fromhex("12468acf135f"))

# --- PDCP PDU codec: byte 0 format/security, byte 1 algorithms/direction, 4 bytes RX_DELIV -----
# SRB1 (rbId 1): byte 0 bits 6-7 and byte 1 bits 5-7 are RB identity - 1 = 0.
INT, ENC = 0x10, 0x20
NIA2_NEA2 = 2 | 2 << 2
DL = 1 << 4


def pdcp(sel, alg, rx_deliv, pdu_hex):
    return bytes([sel, alg]) + rx_deliv.to_bytes(4, "big") + bytes.fromhex(pdu_hex)


put("pdcp-pdu", "P1-srb1-dl-nea2-nia2", pdcp(INT | ENC, NIA2_NEA2 | DL, 0, "0001d6cd2f5cbceb89ca"))
put("pdcp-pdu", "P2-srb1-dl-corrupted", pdcp(INT | ENC, NIA2_NEA2 | DL, 0, "0001d6cd2f5cbceb89cb"))
put("pdcp-pdu", "P3-srb1-dl-count4095", pdcp(INT | ENC, NIA2_NEA2 | DL, 4095, "0fff945ace2e94deb5a8"))
put("pdcp-pdu", "P3-srb1-dl-hfn1", pdcp(INT | ENC, NIA2_NEA2 | DL, 4096, "0000cc46f6fdaa7f5a5b"))
put("pdcp-pdu", "P4-srb1-ul-smc-complete", pdcp(INT, NIA2_NEA2, 0, "00002a00ad5dcad1"))
put("pdcp-pdu", "P5-srb1-no-security", pdcp(0, 0, 0, "00002880400000000000"))
put("pdcp-pdu", "P5-srb1-nia0-nea2", pdcp(INT | ENC, 2 << 2 | DL, 1, "0001d6cd2f5c2c5aa9dc"))
for n in (0, 1, 2, 5, 6):
    put("pdcp-pdu", f"P7-srb1-short-{n}", pdcp(INT | ENC, NIA2_NEA2 | DL, 0, "00" * n))
put("pdcp-pdu", "drb12-sdap-nea2", pdcp(0x01 | 0x04 | ENC, NIA2_NEA2 | DL, 0, "80007e01020304"))
put("pdcp-pdu", "drb18-integrity", pdcp(0x01 | 0x02 | 0x08 | INT, NIA2_NEA2, 0, "800000aabbccdd00000000"))
put("pdcp-pdu", "drb-control-status-report", pdcp(0x01, 0, 0, "0000000000"))

# --- PDCP receive path: 3 configuration bytes, then operations (FuzzedDataProvider) ---------
# FuzzedDataProvider takes integers (operation codes, lengths, indices) from the END of the
# input and byte strings (SDUs, PDUs) from the front: Script builds both halves.
class Script:
    SEND, HOSTILE, DELIVER, MUTATE, WAIT, TX_NEXT, RX_DELIV, REESTABLISH = 1, 0, 3, 5, 6, 7, 8, 9
    ACTIVATE_TX, ACTIVATE_RX, VERIFY = 10, 11, 12

    def __init__(self):
        self.front, self.back = [], []

    def op(self, code, *ints):
        self.back += [code, *ints]
        return self

    def send(self, sdu_hex, code=SEND):
        sdu = bytes.fromhex(sdu_hex)
        self.front += sdu
        return self.op(code, len(sdu))

    def u16(self, v):
        return [v >> 8, v & 0xFF]

    def u32(self, v):
        return [v >> 24, (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF]

    def bytes(self, config):
        return bytes(config) + bytes(self.front) + bytes(reversed(self.back))


S = Script
for name, b0 in (("srb", 0x10 | 0x20 | 0x40), ("srb-late-security", 0x20 | 0x40),
                 ("drb12-sdap", 0x01 | 0x04 | 0x10 | 0x20), ("drb18-int", 0x01 | 0x02 | 0x08 | 0x70),
                 ("srb-gnb-rx", 0x80 | 0x70)):
    s = (S().send("28804000").send("2a00").op(S.DELIVER, 1).op(S.DELIVER, 0).op(S.DELIVER, 0)
         .op(S.MUTATE, 1, *S().u16(3), 0, 5).op(S.WAIT, 100).op(S.ACTIVATE_TX).send("0102")
         .op(S.ACTIVATE_RX).op(S.DELIVER, 2).op(S.VERIFY).send("000000", S.HOSTILE)
         .op(S.TX_NEXT, *S().u32(4095)).send("03").op(S.RX_DELIV, *S().u32(4095))
         .op(S.DELIVER, 3).op(S.REESTABLISH).op(S.WAIT, 255))
    put("pdcp-rx", f"script-{name}", s.bytes([b0, NIA2_NEA2, 20]))

# --- calculator parsing: byte 0 function (0 number, 1 hex option, 2 library hex), byte 1 limit -
for name, fn, lim, text in (("count-decimal", 0, 0, "4095"), ("count-hex", 0, 0, "0xFFFFFFFF"),
                            ("count-too-large", 0, 0, "4294967296"), ("bearer-31", 0, 2, "31"),
                            ("u64-overflow", 0, 7, "18446744073709551616"), ("bare-0x", 0, 0, "0x"),
                            ("key-128", 1, 2, "941e50db4b51a68270b2af2793ec73de"),
                            ("key-256-0x", 1, 3, "0x" + "ab" * 32), ("sdap-1", 1, 1, "7e"),
                            ("odd-hex", 1, 0, "abc"), ("lib-hex-mixed-case", 2, 0, "0aFf"),
                            ("lib-hex-bad", 2, 0, "0g")):
    put("calc-parse", name, bytes([fn, lim]) + text.encode())
print("seed corpus written to", corpus)
