#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""tshark check of the user-plane example's capture: Wireshark must decipher its DRB PDUs
(NEA2 with the exported K_UPenc, TS 33.501 D.4.4) into the IPv4 packets that were sent, and
verify NIA2 (K_UPint, D.4.2) on every DRB PDU when UP integrity is active; without UP integrity
the DRB PDUs carry no MAC-I (TS 38.331 PDCP-Config integrityProtection absent).

Usage: nr-security-user-plane-tshark-test.py PATH-TO-nr-security-user-plane

The example runs twice (1 UE, 1 s): with UP integrity PREFERRED (the gNB activates it) and
NOT_NEEDED. In gnb-1.pcap, read through the exported Wireshark profile, every DRB frame must
decode as IPv4 between the UE's address (printed by the example) and the remote host, every
UDP datagram with the example's payload size (--packetSize, default 1000); uplink UDP datagrams
carry ns-3's SeqTsHeader, sequence numbers 0, 1, 2... in order. Independently of tshark, the
first uplink and downlink UDP PDUs are deciphered here with AES-128-CTR (NEA2: COUNT || BEARER
|| DIRECTION, TS 33.501 D.4.4) from keys.csv (COUNT = SN, HFN 0) and must equal tshark's
deciphered bytes, and the per-PDU CSV (traces-pdus.csv) must hold the MAC-I tshark shows for
each of the UE's transmitted uplink DRB PDUs.

Without tshark the test prints a SKIP line (a failure when CI is set); without the Python
module cryptography the independent deciphering is skipped with a NOTE."""
import csv
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

from nr_security_tshark import check, check_eq, finish, parse_pdml, show, showname

REMOTE = "1.0.0.2"
PACKET_SIZE = 1000


def nea2(key, count, bearer, direction, data):
    """TS 33.501 D.4.4 (33.401 B.1.3): AES-128-CTR, T1 = COUNT || BEARER || DIRECTION || 0."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    iv = struct.pack("!I", count) + bytes([(bearer << 3) | (direction << 2)]) + bytes(11)
    enc = Cipher(algorithms.AES(key), modes.CTR(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def tshark(tool, out, extra):
    cmd = [tool, "-r", os.path.join(out, "gnb-1.pcap"), "-C", "nr-security",
           "--enable-heuristic", "pdcp_nr_udp", "--disable-protocol", "nas-5gs", *extra]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, WIRESHARK_CONFIG_DIR=os.path.join(out, "wireshark")))
    check(f"tshark exit status ({' '.join(extra)[:40]})", p.returncode == 0, p.stderr.strip())
    return p.stdout


def deciphered(tool, out, frame):
    """tshark's 'Deciphered Payload' bytes of one frame."""
    text = tshark(tool, out, ["-x", "-Y", f"frame.number=={frame}"])
    data, inside = bytearray(), False
    for line in text.splitlines():
        if line.startswith("Deciphered Payload"):
            inside = True
        elif inside and not line.strip():
            break
        elif inside:
            data += bytes(int(h, 16) for h in line[6:54].split())
    return bytes(data)


def run(tool, program, tmp, label, args, integrity):
    out = os.path.join(tmp, label)
    p = subprocess.run([program, "--ues=1", "--duration=1", f"--outputDir={out}", *args],
                       capture_output=True, text=True, timeout=120)
    if not check(f"{label}: example exit status", p.returncode == 0, p.stdout + p.stderr):
        return
    m = re.search(r"UE 1 (\d+\.\d+\.\d+\.\d+): .*integrity (yes|no)", p.stdout)
    if not check(f"{label}: example prints the UE address and DRB security", m is not None,
                 p.stdout):
        return
    ue_addr = m.group(1)
    check_eq(f"{label}: DRB integrity", m.group(2), "yes" if integrity else "no")
    with open(os.path.join(out, "keys.csv"), newline="") as f:
        keys = {r["ue_id"]: r for r in csv.DictReader(f)}
    k_up_enc = bytes.fromhex(keys["1"]["k_up_enc"])

    packets = parse_pdml(tshark(tool, out, ["-T", "pdml"]))
    drb = [(n, pkt) for n, pkt in enumerate(packets, start=1)
           if show(pkt, "pdcp-nr.plane") == "2"]
    check(f"{label}: DRB frames in gnb-1.pcap", len(drb) > 10, len(drb))
    ul_seq, macs, firsts = [], {}, {}
    for n, pkt in drb:
        tag = f"{label}: frame {n}"
        uplink = show(pkt, "pdcp-nr.direction") == "0"
        srcs = [e.get("show") for e in pkt.get("ip.src", [])]
        dsts = [e.get("show") for e in pkt.get("ip.dst", [])]
        want = (ue_addr, REMOTE) if uplink else (REMOTE, ue_addr)
        check_eq(f"{tag}: deciphered into IPv4 UE <-> remote host", (srcs[1:], dsts[1:]),
                 ([want[0]], [want[1]]))
        mac = showname(pkt, "pdcp-nr.mac")
        if integrity:
            check(f"{tag}: MAC-I matches (NIA2 verified by tshark)",
                  (mac or "").endswith("[Matches calculated result]"), mac)
        else:
            check_eq(f"{tag}: no MAC-I field (UP integrity off)", mac, None)
        check_eq(f"{tag}: error expert infos",
                 [e for e in pkt["experts"] if e[1] >= 0x00800000], [])
        sn = int(show(pkt, "pdcp-nr.seq-num"))
        if uplink:
            macs[sn] = show(pkt, "pdcp-nr.mac")
        udp_len = [e.get("show") for e in pkt.get("udp.length", [])][1:]
        if udp_len:
            check_eq(f"{tag}: UDP length (payload --packetSize)", udp_len, [str(PACKET_SIZE + 8)])
            if uplink:
                data = (pkt.get("data.data") or [{}])[-1].get("value") or ""
                ul_seq.append(int(data[:8], 16) if len(data) >= 8 else -1)
            firsts.setdefault(uplink, (n, sn, pkt))
    check(f"{label}: uplink UDP datagrams deciphered", len(ul_seq) > 10, len(ul_seq))
    check_eq(f"{label}: uplink SeqTsHeader sequence numbers 0, 1, 2...", ul_seq,
             list(range(len(ul_seq))))

    # Independent deciphering of the first uplink and downlink UDP PDU.
    try:
        import cryptography  # noqa: F401
        have_crypto = True
    except ImportError:
        have_crypto = False
        print(f"NOTE {label}: Python cryptography missing, independent NEA2 skipped")
    frames = read_pcap(os.path.join(out, "gnb-1.pcap"))
    for uplink, (n, sn, pkt) in sorted(firsts.items()):
        ts = deciphered(tool, out, n)
        pos, size = int(pkt["pdcp-nr"][0].get("pos")), int(pkt["pdcp-nr"][0].get("size"))
        pdu = frames[n - 1][pos:pos + size]
        if have_crypto:
            mine = nea2(k_up_enc, sn, 0, 0 if uplink else 1, pdu[3:])
            check_eq(f"{label}: frame {n} NEA2 deciphered here equals tshark's", mine.hex(),
                     ts.hex())
            check_eq(f"{label}: frame {n} deciphered bytes start an IPv4 header to "
                     f"{REMOTE if uplink else ue_addr}", (mine[0] >> 4, ".".join(
                         map(str, mine[16:20]))), (4, REMOTE if uplink else ue_addr))

    # The per-PDU CSV has the MAC-I tshark shows for each transmitted uplink DRB PDU.
    with open(os.path.join(out, "traces-pdus.csv"), newline="") as f:
        rows = [r for r in csv.DictReader(f)]
    tx = {int(r["sn"]): r for r in rows if r["rb"] == "DRB1" and r["direction"] == "UL"
          and r["outcome"] == "transmitted"}
    check_eq(f"{label}: per-PDU CSV: one transmitted UL DRB1 row per uplink DRB frame",
             sorted(tx), sorted(macs))
    check_eq(f"{label}: per-PDU CSV MAC-I equals tshark's",
             {sn: (r["mac_i"], r["integrity"], r["ciphered"]) for sn, r in tx.items()},
             {sn: ((m or "0x")[2:] if integrity else "", "1" if integrity else "0", "1")
              for sn, m in macs.items()})


def read_pcap(path):
    """The frames of a little-endian pcap file."""
    with open(path, "rb") as f:
        data = f.read()
    frames, off = [], 24
    while off < len(data):
        _, _, incl, _ = struct.unpack_from("<IIII", data, off)
        frames.append(data[off + 16:off + 16 + incl])
        off += 16 + incl
    return frames


def main():
    if len(sys.argv) != 2:
        print(next(ln for ln in __doc__.splitlines() if ln.startswith("Usage:")), file=sys.stderr)
        return 2
    tool = shutil.which("tshark")
    if tool is None:
        if os.environ.get("CI"):
            check("tshark is installed (required when CI is set)", False, "tshark not in PATH")
        else:
            print("SKIP nr-security-user-plane-tshark-test: tshark not found")
        return finish()
    with tempfile.TemporaryDirectory(prefix="nr-security-up-") as tmp:
        run(tool, sys.argv[1], tmp, "integrity", ["--upIntegrity=PREFERRED"], True)
        run(tool, sys.argv[1], tmp, "no-integrity", ["--upIntegrity=NOT_NEEDED"], False)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
