#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""tshark check of the SRB0 (CCCH) and DRB framing of NrSecurityPcapWriter with PDUs built by
our own PDCP entities: Wireshark must decode the SRB0 RRC messages as the UL-CCCH / DL-CCCH
messages meant (TS 38.331 6.2.1), decipher each NEA2 DRB PDU into exactly the IPv4/UDP packet
that was sent, verify NIA2 on every DRB with integrity protection (TS 38.323 5.8, 5.9,
TS 33.501 D.4.4, D.4.2), and find no MAC-I on a DRB without integrity; keys.csv must let a
student redo step 27 (K_gNB = KDF(K_AMF, FC 0x6E, uplink NAS COUNT, 0x01), TS 33.501 A.9).

Usage: nr-security-pcap-drb-tshark-test.py PATH-TO-nr-security-pcap-drb-writer-test

The frames are listed in test/nr-security-pcap-drb-writer-test.cc. tshark 4.0 facts used here
(found by experiment):
 - SRB0: signalling plane with SN length 0 and bearer type CCCH: no PDCP header is parsed and
   the payload goes to nr-rrc UL-CCCH / DL-CCCH, but only with the ciphering-disabled tag once a
   default ciphering algorithm other than NEA0 is set;
 - a DRB PDU with the ciphering-disabled tag is verified but shown as user-plane bytes, not IP
   (frame 8: the bytes are compared);
 - DRBs are deciphered only with pdcp-nr.decipher_userplane TRUE; the deciphered tvb
   ("Deciphered Payload") holds the SDU and the MAC-I;
 - with an SDAP header tshark 4.0 drops the SDAP header when deciphering and computes the MAC-I
   without it (TS 38.323 5.9 includes it): frame 9 is checked for its framing only and the
   wrong-MAC-I report there is tolerated (the known limitation named in the writer's header).

Without tshark the test prints a SKIP line, unless CI is set. Last line "N passed, M failed"."""
import csv
import hashlib
import hmac
import os
import shutil
import struct
import subprocess
import sys
import tempfile

from nr_security_tshark import check, check_eq, finish, parse_pdml, show, showname

SEVERITY_ERROR = 0x00800000
R1 = dict(k_amf="d655f16142035d4d72ca39583d228d2dd2ec0ca7929ad007f53b382d05544405",
          ul_nas_count="0",
          k_gnb="493a16c58b77b627fa3f1ac6344c183039f01ba0cb7636bbccc4365b023bd562",
          k_up_enc="e3f1848b8dd2745013da1a530d91d68e",
          k_up_int="45b2f2033f2e881c5d6b0f31b245df2c")
CSV_HEADER = ["ue_id", "k_gnb", "k_rrc_enc", "k_rrc_int", "k_up_enc", "k_up_int", "k_amf",
              "ul_nas_count", "epoch", "ncc", "cell"]


def ipv4_udp(src, dst, sport, dport, text):
    """The packet the writer program builds (RFC 791 / RFC 768), built here independently."""
    payload = text.encode()
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 28 + len(payload), 1, 0, 64, 17, 0,
                     bytes(src), bytes(dst))
    s = sum(struct.unpack("!10H", ip))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    ip = ip[:10] + struct.pack("!H", ~s & 0xffff) + ip[12:]
    return ip + struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload


UE, HOST = [7, 0, 0, 2], [1, 0, 0, 2]
UL0 = ipv4_udp(UE, HOST, 49153, 9, "nr-security DRB uplink 0")
UL1 = ipv4_udp(UE, HOST, 49153, 9, "nr-security DRB uplink 1")
DL0 = ipv4_udp(HOST, UE, 9, 49153, "nr-security DRB downlink 0")

# frame -> expectation. sn: SN length; mac: MAC-I present; nea: ciphered; sdap: SDAP header.
FRAMES = {
    1: dict(rb=0, ul=True, msg="rrcSetupRequest", chan="UL_CCCH"),
    2: dict(rb=0, ul=False, msg="rrcSetup", chan="DL_CCCH"),
    3: dict(rb=0, ul=False, msg="rrcReject", chan="DL_CCCH"),
    4: dict(rb=1, ul=True, count=0, sn=18, mac=True, nea=True, sdap=False, ip=UL0),
    5: dict(rb=1, ul=False, count=0, sn=18, mac=True, nea=True, sdap=False, ip=DL0),
    6: dict(rb=1, ul=True, count=1, sn=18, mac=True, nea=True, sdap=False, ip=UL1),
    7: dict(rb=2, ul=True, count=0, sn=12, mac=False, nea=True, sdap=False, ip=UL0),
    8: dict(rb=3, ul=False, count=0, sn=12, mac=True, nea=False, sdap=False, ip=DL0),
    9: dict(rb=4, ul=True, count=0, sn=12, mac=True, nea=True, sdap=True, ip=bytes([0x89]) + UL0),
}


def kdf(key, fc, *params):
    """TS 33.220 B.2: HMAC-SHA-256(Key, FC || P0 || L0 || ...)."""
    s = bytes([fc]) + b"".join(p + struct.pack("!H", len(p)) for p in params)
    return hmac.new(key, s, hashlib.sha256).digest()


def check_keys_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    check_eq("keys.csv header (K_AMF and uplink NAS COUNT appended)", rows[0] if rows else None,
             CSV_HEADER)
    if not check_eq("keys.csv rows", len(rows), 2):
        return {}
    rec = dict(zip(CSV_HEADER, rows[1]))
    check_eq("keys.csv UE 1 is R1", {k: rec.get(k) for k in R1}, R1)
    # Step 27 redone from keys.csv alone (TS 33.501 A.9: FC 0x6E, P0 NAS COUNT, P1 0x01).
    k_gnb = kdf(bytes.fromhex(rec["k_amf"]), 0x6E,
                struct.pack("!I", int(rec["ul_nas_count"])), b"\x01")
    check_eq("K_gNB = KDF(K_AMF, 0x6E, NAS COUNT, 0x01) from keys.csv", k_gnb.hex(), rec["k_gnb"])
    # K_UPenc / K_UPint: FC 0x69, P0 N-UP-enc 0x05 / N-UP-int 0x06, P1 NEA2/NIA2 (A.8).
    for name, dist in (("k_up_enc", 5), ("k_up_int", 6)):
        check_eq(f"{name} = KDF(K_gNB, 0x69, {dist}, 2)[16:]",
                 kdf(k_gnb, 0x69, bytes([dist]), b"\x02")[16:].hex(), rec[name])
    return rec


def tshark_cmd(tshark, pcap, extra):
    return [tshark, "-r", pcap, "--enable-heuristic", "pdcp_nr_udp", *extra]


def run(cmd, config_dir):
    p = subprocess.run(cmd, capture_output=True, text=True,
                       env=dict(os.environ, WIRESHARK_CONFIG_DIR=config_dir))
    check(f"tshark exit status ({' '.join(cmd[5:])[:60]})", p.returncode == 0, p.stderr.strip())
    return p.stdout


def deciphered(tshark, pcap, config_dir, extra, frame):
    """The bytes of tshark's 'Deciphered Payload' data source of one frame (b'' if none)."""
    out = run(tshark_cmd(tshark, pcap, extra + ["-x", "-Y", f"frame.number=={frame}"]),
              config_dir)
    data, inside = bytearray(), False
    for line in out.splitlines():
        if line.startswith("Deciphered Payload"):
            inside = True
            continue
        if inside:
            if not line.strip():
                break
            hexpart = line[6:54].split()
            data += bytes(int(h, 16) for h in hexpart)
    return bytes(data)


def check_srb0(pkt, n, exp):
    tag = f"frame {n} (SRB0 {exp['msg']})"
    check_eq(f"{tag} PDCP-NR config (plane, bearer type CCCH, no SN, no MAC-I, in clear)",
             (show(pkt, "pdcp-nr.plane"), show(pkt, "pdcp-nr.Bearer-type"),
              show(pkt, "pdcp-nr.seqnum_length"), show(pkt, "pdcp-nr.seq-num"),
              "pdcp-nr.mac" in pkt, show(pkt, "pdcp-nr.ciphering-disabled")),
             ("1", "4", "0", None, False, "1"))
    check_eq(f"{tag} error expert infos", [e for e in pkt["experts"] if e[1] >= SEVERITY_ERROR],
             [])
    check_eq(f"{tag} channel", f"nr-rrc.{exp['chan']}_Message_element" in pkt, True)
    c1 = showname(pkt, "nr-rrc.c1") or ""
    check_eq(f"{tag} message", c1.split(" ")[1] if " " in c1 else c1, exp["msg"])
    if n == 1:
        check_eq(f"{tag} ue-Identity", showname(pkt, "nr-rrc.ue_Identity"),
                 "ue-Identity: randomValue (1)")
        rv = showname(pkt, "nr-rrc.randomValue") or ""
        check(f"{tag} randomValue 0x0123456789", rv.endswith(f"decimal value {0x0123456789}]"),
              rv)
        check_eq(f"{tag} establishmentCause", showname(pkt, "nr-rrc.establishmentCause"),
                 "establishmentCause: mo-Signalling (3)")
    if n == 2:
        check_eq(f"{tag} rrc-TransactionIdentifier",
                 show(pkt, "nr-rrc.rrc_TransactionIdentifier"), "0")
        check_eq(f"{tag} srb-Identity", show(pkt, "nr-rrc.srb_Identity"), "1")
        check_eq(f"{tag} cellGroupId", show(pkt, "nr-rrc.cellGroupId"), "0")
    if n == 3:
        check_eq(f"{tag} waitTime", showname(pkt, "nr-rrc.waitTime"), "waitTime: 10s")


def check_drb(pkt, n, exp, payload):
    tag = f"frame {n} (DRB{exp['rb']} {'UL' if exp['ul'] else 'DL'} COUNT {exp['count']})"
    check_eq(f"{tag} PDCP-NR config (UE, plane, direction, bearer id, SN length, SN)",
             (show(pkt, "pdcp-nr.ueid"), show(pkt, "pdcp-nr.plane"),
              show(pkt, "pdcp-nr.direction"), show(pkt, "pdcp-nr.bearer-id"),
              show(pkt, "pdcp-nr.seqnum_length"), show(pkt, "pdcp-nr.seq-num")),
             ("1", "2", "0" if exp["ul"] else "1", str(exp["rb"]), str(exp["sn"]),
              str(exp["count"] & ((1 << exp["sn"]) - 1))))
    check_eq(f"{tag} MAC-I present tag", show(pkt, "pdcp-nr.maci_present"),
             "1" if exp["mac"] else "0")
    check_eq(f"{tag} ciphering-disabled tag", show(pkt, "pdcp-nr.ciphering-disabled"),
             "0" if exp["nea"] else "1")
    check_eq(f"{tag} SDAP header tag", show(pkt, "pdcp-nr.sdap"), "1" if exp["sdap"] else "0")
    mac = showname(pkt, "pdcp-nr.mac") or ""
    if exp["sdap"]:
        # Known tshark 4.0 limitation (see the docstring): framing only.
        errors = [e for e in pkt["experts"] if e[1] >= SEVERITY_ERROR
                  and e[0] != "pdcp-nr.maci-wrong"]
        check_eq(f"{tag} error expert infos besides the known SDAP MAC-I limitation", errors, [])
        print(f"NOTE {tag}: tshark 4.0 says {mac!r} (SDAP header left out of NIA2; tolerated)")
        return
    if exp["mac"]:
        check(f"{tag} MAC-I matches (NIA2 verified by tshark with K_UPint)",
              mac.endswith("[Matches calculated result]"), mac)
    else:
        check_eq(f"{tag} no MAC-I field (DRB without integrity protection)",
                 "pdcp-nr.mac" in pkt, False)
    ip = exp["ip"]
    if not exp["nea"]:
        # tshark 4.0 shows a PDU with the ciphering-disabled tag as bytes, not as IP.
        check_eq(f"{tag} user-plane data in clear is the IPv4 packet sent",
                 show(pkt, "pdcp-nr.user-data") and
                 pkt["pdcp-nr.user-data"][0].get("value"), ip.hex())
        check_eq(f"{tag} error expert infos", [e for e in pkt["experts"]
                                                if e[1] >= SEVERITY_ERROR], [])
        return
    if exp["nea"]:
        check_eq(f"{tag} deciphered payload is the IPv4 packet sent (+ MAC-I)",
                 payload[:len(ip)].hex(), ip.hex())
        check_eq(f"{tag} deciphered payload length", len(payload), len(ip) + (4 if exp["mac"]
                                                                            else 0))
    srcs = [e.get("show") for e in pkt.get("ip.src", [])]
    dsts = [e.get("show") for e in pkt.get("ip.dst", [])]
    ports = [e.get("show") for e in pkt.get("udp.srcport", [])] + \
            [e.get("show") for e in pkt.get("udp.dstport", [])]
    want = (".".join(map(str, ip[12:16])), ".".join(map(str, ip[16:20])))
    check_eq(f"{tag} inner IPv4 addresses", (srcs[-1:], dsts[-1:]), ([want[0]], [want[1]]))
    sport, dport = struct.unpack("!HH", ip[20:24])
    check_eq(f"{tag} inner UDP ports", (ports[1:2], ports[3:4]), ([str(sport)], [str(dport)]))
    check_eq(f"{tag} UDP payload", (pkt.get("data.data") or [{}])[-1].get("value")
             if pkt.get("data.data") else None, ip[28:].hex())
    errors = [e for e in pkt["experts"] if e[1] >= SEVERITY_ERROR]
    check_eq(f"{tag} error expert infos", errors, [])
    check_eq(f"{tag} malformed", "_ws.malformed" in pkt, False)


def main():
    if len(sys.argv) != 2:
        print(next(ln for ln in __doc__.splitlines() if ln.startswith("Usage:")), file=sys.stderr)
        return 2
    tshark = shutil.which("tshark")
    if tshark is None:
        if os.environ.get("CI"):
            check("tshark is installed (required when CI is set)", False, "tshark not in PATH")
            return finish()
        print("SKIP nr-security-pcap-drb-tshark-test: tshark not found")
        return finish()
    with tempfile.TemporaryDirectory(prefix="nr-security-pcap-drb-") as tmp:
        out = os.path.join(tmp, "out")
        os.mkdir(out)
        p = subprocess.run([sys.argv[1], out], capture_output=True, text=True)
        if not check("writer program exit status", p.returncode == 0,
                     f"{p.returncode}: {p.stderr.strip()}"):
            return finish()
        check_eq("writer program output ends with ok", p.stdout.splitlines()[-1:], ["ok"])
        printed = {}
        for line in p.stdout.splitlines():
            parts = line.split(",")
            if parts[0] == "frame" and len(parts) == 7:
                printed[int(parts[1])] = parts
        for n, exp in FRAMES.items():
            if "ip" in exp and n in printed:
                check_eq(f"frame {n}: the program sent the packet built here", printed[n][5],
                         exp["ip"].hex())
        rec = check_keys_csv(os.path.join(out, "keys.csv"))
        pcap = os.path.join(out, "nr-security-drb.pcap")

        # Run 1: the exported profile files; run 2: -o options built from keys.csv alone.
        config = os.path.join(tmp, "config")
        profile = os.path.join(config, "profiles", "nrsec")
        os.makedirs(profile)
        for name in ("pdcp_nr_ue_keys", "preferences"):
            shutil.copy(os.path.join(out, name), profile)
        empty = os.path.join(tmp, "empty")
        os.mkdir(empty)
        uat = ",".join(f'"{v}"' for v in (rec.get("ue_id", "1"), rec.get("k_rrc_enc", ""),
                                           rec.get("k_up_enc", ""), rec.get("k_rrc_int", ""),
                                           rec.get("k_up_int", "")))
        options = ["-o", "pdcp-nr.check_sequence_numbers:Only-PDCP-frames",
                   "-o", "pdcp-nr.default_ciphering_algorithm:NEA2 (AES)",
                   "-o", "pdcp-nr.default_integrity_algorithm:NIA2 (AES)",
                   "-o", "pdcp-nr.decipher_userplane:TRUE",
                   "-o", "uat:pdcp_nr_ue_keys:" + uat]
        for label, cfg, extra in (("profile", config, ["-C", "nrsec"]),
                                  ("options", empty, options)):
            packets = parse_pdml(run(tshark_cmd(tshark, pcap, extra + ["-T", "pdml"]), cfg))
            check_eq(f"{label}: packet count", len(packets), len(FRAMES))
            for n, pkt in enumerate(packets, start=1):
                exp = FRAMES.get(n)
                if exp is None or not check(f"{label}: frame {n} is PDCP-NR", "pdcp-nr" in pkt):
                    continue
                if exp["rb"] == 0:
                    check_srb0(pkt, n, exp)
                    continue
                payload = deciphered(tshark, pcap, cfg, extra, n) if exp["nea"] else b""
                check_drb(pkt, n, exp, payload)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
