#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""tshark check of the nr-security-smc example: the pcaps it writes must decode in Wireshark as
exactly the NR RRC messages its traces.csv says were sent and received, and Wireshark must
verify every MAC-I with the keys the example exports.

Usage: nr-security-smc-tshark-test.py PATH-TO-nr-security-smc

The example runs twice into fresh temporary directories: with its defaults (3 UEs, NEA2/NIA2,
no loss) and with --ues=5 --lossRate=0.2 --RngRun=3 (ARQ retransmissions; a procedure may
fail) and --ues=6 --lossRate=0.7 --RngRun=2 (procedures fail); its exit status must be 0 when
every procedure completed and 1 when any failed. For every pcap (gnb-1.pcap, ue-K.pcap) read with tshark through a Wireshark profile made
of the exported "preferences" and "pdcp_nr_ue_keys" files, it checks:
 - every frame decodes as raw:ip:udp:pdcp-nr:nr-rrc, downlink frames as DL-DCCH and uplink
   frames as UL-DCCH; ue-K.pcap only holds frames of UE K; timestamps never go back;
 - per UE and direction, the decoded message names equal the RrcMessage rows of traces.csv
   (tx rows of node 0 = downlink frames of gnb-1.pcap, rx rows of node 0 = its uplink frames,
   tx rows of UE K = uplink frames of ue-K.pcap, rx rows of UE K = its downlink frames);
 - a PDU sent in clear carries exactly the RRC bytes of its trace row; SecurityModeCommand and
   SecurityModeComplete are sent in clear (TS 33.501 6.7.4);
 - the cipheringAlgorithm and integrityProtAlgorithm tshark decodes from a SecurityModeCommand
   equal those PER-decoded here from the trace hex (TS 38.331 SecurityAlgorithmConfig), NEA2
   and NIA2 with the default priorities;
 - the PDCP SN of a sender's PDUs counts 0, 1, 2... per UE and direction, and tshark's COUNT
   equals the SN; the integrity key tshark uses is the gNB's K_RRCint from traces.csv;
 - no frame is malformed and none carries an error-severity expert info, except the known
   tshark 4.0 report on an unprotected SecurityModeFailure (MAC-I 0, printed as a NOTE);
 - every PDU with integrity protection (SecurityModeCommand, SecurityModeComplete and every
   later PDU of the UE except SecurityModeFailure) has "[Matches calculated result]" on its
   MAC-I, i.e. tshark verified it; a SecurityModeFailure has MAC-I 0.

tshark is run as in test/nr-security-pcap-tshark-test.py (see that file and
helper/nr-security-pcap-writer.h for the tshark 4.0 facts): WIRESHARK_CONFIG_DIR + -C,
--enable-heuristic pdcp_nr_udp, --disable-protocol nas-5gs.

Without tshark the test prints a SKIP line, unless the environment variable CI is set: then a
missing tshark is a failure. The last line is "N passed, M failed"; the exit status is 1 if
anything failed."""
import csv
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

from nr_security_tshark import check, check_eq, finish, parse_pdml, show, showname


SEVERITY_ERROR = 0x00800000
PROTOCOLS = "raw:ip:udp:pdcp-nr:nr-rrc"
# Messages with a NAS container (RRCSetupComplete, DL/ULInformationTransfer): nas-5gs is
# disabled, so tshark shows the container as data.
PROTOCOLS_NAS = PROTOCOLS + ":data"
# SRB0 (CCCH) messages: pdcp-nr frames with bearer type CCCH (4), SN length 0, no PDCP header,
# no MAC-I, the ciphering-disabled tag; tshark decodes them as UL-CCCH / DL-CCCH.
CCCH_MESSAGES = ("rrcSetupRequest", "rrcSetup", "rrcReject")
TRACE_HEADER = ["time_s", "node", "ue_id", "event", "step", "detail"]
CLEAR_MESSAGES = ("securityModeCommand", "securityModeComplete")
# Sent with a zero MAC-I (no integrity yet, TS 38.323 6.3.4): RRCSetupComplete before the SMC,
# SecurityModeFailure with the configuration from before the SMC (TS 38.331 5.3.4.3). tshark
# applies the exported keys to every frame of the UE and reports a wrong MAC-I for them.
UNPROTECTED_MESSAGES = ("securityModeFailure", "rrcSetupComplete")
RUNS = [
    ("default", [], 3),
    ("lossy", ["--ues=5", "--lossRate=0.2", "--RngRun=3"], 5),
    # Three of six procedures fail (a message lost beyond ARQ; exit status 1): the gNB's keys are
    # still exported, so tshark verifies every SecurityModeCommand that was sent.
    ("failing", ["--ues=6", "--lossRate=0.7", "--RngRun=2"], 6),
]



def read_pcap(path):
    """Returns the frames of a pcap file as [(timestamp in ns, bytes)]."""
    with open(path, "rb") as f:
        data = f.read()
    magic = data[:4]
    for endian in "<>":
        m = struct.unpack(endian + "I", magic)[0]
        if m in (0xa1b2c3d4, 0xa1b23c4d):
            break
    else:
        raise ValueError(f"{path}: not a pcap file")
    frac = 1000 if m == 0xa1b2c3d4 else 1
    frames, off = [], 24
    while off + 16 <= len(data):
        sec, sub, incl, _ = struct.unpack_from(endian + "IIII", data, off)
        off += 16
        frames.append((sec * 1_000_000_000 + sub * frac, data[off:off + incl]))
        off += incl
    return frames


def read_traces(path):
    """Returns {(side, ue, 'tx'|'rx'): [(name, hex)]}, side 'gnb' for node 0 else 'ue'; and
    the gNB's K_RRCint per UE."""
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    check_eq(f"{path}: header", rows[0] if rows else None, TRACE_HEADER)
    messages, k_rrc_int = {}, {}
    for row in rows[1:]:
        if not check_eq("traces.csv column count", len(row), len(TRACE_HEADER)):
            continue
        rec = dict(zip(TRACE_HEADER, row))
        node, ue = int(rec["node"]), int(rec["ue_id"])
        side = "gnb" if node == 0 else "ue"
        if side == "ue":
            check_eq("traces.csv UE node number is its ue_id", node, ue)
        if rec["event"] == "RrcMessage":
            parts = rec["detail"].split(" ")
            if check(f"RrcMessage detail 'tx|rx NAME HEX BEARER PROTECTION' ({rec['detail']!r})",
                     len(parts) == 5 and parts[0] in ("tx", "rx")
                     and re.fullmatch(r"([0-9a-f]{2})+", parts[2]) is not None
                     and parts[3] in ("SRB0", "SRB1", "SRB2")
                     and parts[4] in ("none", "integrity", "integrity+ciphering")
                     and (parts[3] == "SRB0") == (parts[1] in CCCH_MESSAGES)):
                messages.setdefault((side, ue, parts[0]), []).append((parts[1], parts[2]))
        elif rec["event"] == "KeyDerived" and side == "gnb" and rec["detail"].startswith(
                "K_RRCint="):
            k_rrc_int[ue] = rec["detail"].split("=", 1)[1]
    return messages, k_rrc_int


def smc_algorithms(hexstr):
    """PER-decodes (cipheringAlgorithm, integrityProtAlgorithm or None, transaction id) from a
    DL-DCCH-Message carrying securityModeCommand (TS 38.331, unaligned PER)."""
    bits = "".join(f"{b:08b}" for b in bytes.fromhex(hexstr)) + "0" * 32
    # 0: c1, 1-4: c1 index (4 = securityModeCommand), 5-6: rrc-TransactionIdentifier,
    # 7: criticalExtensions, 8-9: optional bits of SecurityModeCommand-IEs, 10: extension bit
    # of SecurityConfigSMC, 11: extension bit of SecurityAlgorithmConfig, 12: integrity
    # present, 13: extension bit of cipheringAlgorithm, 14-16: cipheringAlgorithm, then
    # 17: extension bit and 18-20: integrityProtAlgorithm if present.
    if bits[0] != "0" or int(bits[1:5], 2) != 4 or bits[7] != "0" or bits[13] != "0":
        return None
    nea = int(bits[14:17], 2)
    nia = int(bits[18:21], 2) if bits[12] == "1" else None
    return nea, nia, int(bits[5:7], 2)


def run_tshark(tshark, pcap, config_dir):
    cmd = [tshark, "-r", pcap, "-C", "nrsec", "--enable-heuristic", "pdcp_nr_udp",
           "--disable-protocol", "nas-5gs", "-T", "pdml"]
    env = dict(os.environ, WIRESHARK_CONFIG_DIR=config_dir)
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
    if not check(f"tshark exit status ({os.path.basename(pcap)})", p.returncode == 0,
                 p.stderr.strip()):
        return []
    return parse_pdml(p.stdout)




def message_name(pkt):
    """'securityModeCommand' from the showname 'c1: securityModeCommand (4)'."""
    s = showname(pkt, "nr-rrc.c1") or ""
    m = re.fullmatch(r"c1: (\S+) \(\d+\)", s)
    return m.group(1) if m else None


def check_pcap(label, tshark, pcap, config_dir, file_ue, traces, k_rrc_int, decoded):
    """Checks one pcap; appends (ue, uplink, name) of its frames to decoded[(side, ue, dir)]."""
    name = os.path.basename(pcap)
    side = "gnb" if file_ue is None else "ue"
    frames = read_pcap(pcap)
    packets = run_tshark(tshark, pcap, config_dir)
    if not check_eq(f"{label} {name}: tshark packet count", len(packets), len(frames)):
        return
    times = [t for t, _ in frames]
    check(f"{label} {name}: timestamps never go back", times == sorted(times), times)
    protected_from = {}  # ue -> frame number of its SecurityModeCommand
    sender_sn = {}       # (ue, uplink) -> next SN expected of the sender
    seen = {}            # (ue, uplink) -> index into the trace rows
    for n, (pkt, (_, frame)) in enumerate(zip(packets, frames), start=1):
        tag = f"{label} {name} frame {n}"
        protocols = show(pkt, "frame.protocols")
        if not check(f"{tag}: protocols", protocols in (PROTOCOLS, PROTOCOLS_NAS), protocols):
            continue
        ue = int(show(pkt, "pdcp-nr.ueid"))
        uplink = show(pkt, "pdcp-nr.direction") == "0"
        msg = message_name(pkt)
        tag += f" (UE {ue}, {'UL' if uplink else 'DL'}, {msg})"
        if file_ue is not None:
            check_eq(f"{tag}: UE of ue-{file_ue}.pcap", ue, file_ue)
        ccch = show(pkt, "pdcp-nr.Bearer-type") == "4"
        check_eq(f"{tag}: SRB0 (CCCH) exactly for {CCCH_MESSAGES}", ccch, msg in CCCH_MESSAGES)
        if ccch:
            check_eq(f"{tag}: SRB0 framing (plane 1, no bearer id shown, no SN, no MAC-I, in clear)",
                     (show(pkt, "pdcp-nr.plane"), show(pkt, "pdcp-nr.bearer-id"),
                      show(pkt, "pdcp-nr.seqnum_length"), show(pkt, "pdcp-nr.seq-num"),
                      "pdcp-nr.mac" in pkt, show(pkt, "pdcp-nr.ciphering-disabled")),
                     ("1", None, "0", None, False, "1"))
        else:
            check(f"{tag}: signalling plane, SRB1 or SRB2",
                  (show(pkt, "pdcp-nr.plane"), show(pkt, "pdcp-nr.bearer-id")) in (("1", "1"),
                                                                                    ("1", "2")))
        channel = ("UL_" if uplink else "DL_") + ("CCCH" if ccch else "DCCH")
        check_eq(f"{tag}: RRC channel",
                 [c for c in ("UL_DCCH", "DL_DCCH", "UL_CCCH", "DL_CCCH")
                  if f"nr-rrc.{c}_Message_element" in pkt], [channel])
        check_eq(f"{tag}: IPv4 source (127.0.0.2 uplink, 127.0.0.1 downlink)",
                 show(pkt, "ip.src"), "127.0.0.2" if uplink else "127.0.0.1")

        # Match against the trace row of the same position for this UE and direction.
        sent = (side == "ue") == uplink
        key = (side, ue, "tx" if sent else "rx")
        decoded.setdefault(key, []).append(msg)
        idx = seen.get(key, 0)
        seen[key] = idx + 1
        rows = traces.get(key, [])
        row_name, row_hex = rows[idx] if idx < len(rows) else (None, None)
        check_eq(f"{tag}: message of trace row {key} #{idx + 1}", msg, row_name)

        if ccch:
            # No PDCP: the frame's pdcp-nr payload is the RRC message of the trace row.
            pdcp = pkt["pdcp-nr"][0]
            pos, size = int(pdcp.get("pos")), int(pdcp.get("size"))
            check_eq(f"{tag}: RRC bytes equal the trace row", frame[pos:pos + size].hex(),
                     row_hex)
            check_eq(f"{tag}: malformed", "_ws.malformed" in pkt, False)
            check_eq(f"{tag}: error expert infos",
                     [e for e in pkt["experts"] if e[1] >= SEVERITY_ERROR], [])
            continue

        # PDCP: SN and COUNT; the PDU bytes from the pdcp-nr proto position.
        sn = show(pkt, "pdcp-nr.seq-num")
        check_eq(f"{tag}: tshark COUNT equals SN (HFN 0)",
                 show(pkt, "pdcp-nr.security-config.count"), sn)
        if sent:
            bearer = show(pkt, "pdcp-nr.bearer-id")
            exp_sn = sender_sn.get((ue, uplink, bearer), 0)
            sender_sn[(ue, uplink, bearer)] = exp_sn + 1
            check_eq(f"{tag}: SN of the sender's PDU", sn, str(exp_sn & 0xfff))
        pdcp = pkt["pdcp-nr"][0]
        pos, size = int(pdcp.get("pos")), int(pdcp.get("size"))
        pdu = frame[pos:pos + size]
        clear = show(pkt, "pdcp-nr.ciphering-disabled") == "1"
        if msg in CLEAR_MESSAGES:
            check(f"{tag}: sent in clear (ciphering-disabled tag)", clear)
        if clear and row_hex is not None:
            check_eq(f"{tag}: RRC bytes equal the trace row", pdu[2:-4].hex(), row_hex)

        if msg == "securityModeCommand":
            protected_from.setdefault(ue, n)
            algs = smc_algorithms(row_hex) if row_hex else None
            if check(f"{tag}: trace hex {row_hex!r} PER-decodes as securityModeCommand",
                     algs is not None):
                nea, nia, _ = algs
                check_eq(f"{tag}: cipheringAlgorithm", show(pkt, "nr-rrc.cipheringAlgorithm"),
                         str(nea))
                check_eq(f"{tag}: integrityProtAlgorithm",
                         show(pkt, "nr-rrc.integrityProtAlgorithm"),
                         None if nia is None else str(nia))
                check_eq(f"{tag}: default priorities select NEA2/NIA2", (nea, nia), (2, 2))

        # Integrity: every PDU of the UE from its SecurityModeCommand on, except an
        # (unprotected, TS 38.331 5.3.4.3) SecurityModeFailure.
        mac = showname(pkt, "pdcp-nr.mac") or ""
        if msg in UNPROTECTED_MESSAGES:
            check_eq(f"{tag}: MAC-I of the unprotected SecurityModeFailure",
                     show(pkt, "pdcp-nr.mac"), "0x00000000")
        elif ue in protected_from:
            check(f"{tag}: MAC-I matches (tshark verified NIA)",
                  mac.endswith("[Matches calculated result]"), mac)
            check_eq(f"{tag}: tshark's integrity key is the gNB's K_RRCint",
                     show(pkt, "pdcp-nr.security-config.integrity-key"), k_rrc_int.get(ue))

        check_eq(f"{tag}: malformed", "_ws.malformed" in pkt, False)
        errors = [e for e in pkt["experts"] if e[1] >= SEVERITY_ERROR]
        if msg in UNPROTECTED_MESSAGES:
            tolerated = [e for e in errors if e[0] == "pdcp-nr.maci-wrong"
                         and e[2].endswith("but found 00000000")]
            for e in tolerated:
                print(f"NOTE {tag}: tshark reports '{e[2]}' (known tshark 4.0 behaviour, "
                      "tolerated)")
            errors = [e for e in errors if e not in tolerated]
        check_eq(f"{tag}: error expert infos", errors, [])


def check_run(tshark, program, tmp, label, args, n_ues):
    out = os.path.join(tmp, label)
    cmd = [program, f"--outputDir={out}", *args]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    summary = next((ln for ln in p.stdout.splitlines() if ln.startswith("Summary:")), None)
    print(f"{label}: {summary}")
    # The example exits 0 when every procedure completed and 1 when any failed.
    any_failed = summary is not None and " 0 failed" not in summary
    if not check(f"{label}: {' '.join(cmd[1:])} exit status (1 if a procedure failed)",
                 summary is not None and p.returncode == (1 if any_failed else 0),
                 f"{p.returncode}: {p.stderr.strip()}"):
        return
    if label == "failing":
        check(f"{label}: some procedure failed (exit status 1)", any_failed, summary)
    pcaps = sorted(f for f in os.listdir(out) if f.endswith(".pcap"))
    check_eq(f"{label}: pcap files", pcaps,
             sorted(["gnb-1.pcap"] + [f"ue-{k}.pcap" for k in range(1, n_ues + 1)]))
    traces, k_rrc_int = read_traces(os.path.join(out, "traces.csv"))
    # Every UE whose RRC setup completed (RRCSetupComplete at the gNB) gets a SecurityModeCommand;
    # without heavy loss every UE's setup completes.
    connected = sorted(ue for (s, ue, d), rows in traces.items()
                       if s == "gnb" and d == "rx" and "rrcSetupComplete" in [r[0] for r in rows])
    if label != "failing":
        check_eq(f"{label}: UEs whose RRC setup completed", connected, list(range(1, n_ues + 1)))
    check_eq(f"{label}: UEs sent a SecurityModeCommand",
             sorted(ue for (s, ue, d), rows in traces.items()
                    if s == "gnb" and d == "tx" and "securityModeCommand" in [r[0] for r in rows]),
             connected)

    config = os.path.join(tmp, f"config-{label}")
    profile = os.path.join(config, "profiles", "nrsec")
    os.makedirs(profile)
    for name in ("pdcp_nr_ue_keys", "preferences"):
        shutil.copy(os.path.join(out, name), profile)

    decoded = {}
    check_pcap(label, tshark, os.path.join(out, "gnb-1.pcap"), config, None, traces, k_rrc_int,
               decoded)
    for k in range(1, n_ues + 1):
        pcap = os.path.join(out, f"ue-{k}.pcap")
        if os.path.exists(pcap):
            check_pcap(label, tshark, pcap, config, k, traces, k_rrc_int, decoded)
    # Whole sequences (also catches trace rows without a frame).
    for key in sorted(set(traces) | set(decoded)):
        check_eq(f"{label}: {key[0]} {key[2]} messages of UE {key[1]} (pcap vs traces.csv)",
                 decoded.get(key, []), [name for name, _ in traces.get(key, [])])
    if not args:
        for k in range(1, n_ues + 1):
            check_eq(f"{label}: gNB exchange with UE {k}",
                     (decoded.get(("gnb", k, "tx")), decoded.get(("gnb", k, "rx"))),
                     (["rrcSetup", "securityModeCommand", "ueCapabilityEnquiry",
                       "rrcReconfiguration", "dlInformationTransfer"],
                      ["rrcSetupRequest", "rrcSetupComplete", "securityModeComplete",
                       "ueCapabilityInformation", "rrcReconfigurationComplete"]))


def main():
    if len(sys.argv) != 2:
        print(next(ln for ln in __doc__.splitlines() if ln.startswith("Usage:")), file=sys.stderr)
        return 2
    program = sys.argv[1]
    tshark = shutil.which("tshark")
    if tshark is None:
        if os.environ.get("CI"):
            check("tshark is installed (required when CI is set)", False, "tshark not in PATH")
            return finish()
        print("SKIP nr-security-smc-tshark-test: tshark not found")
        return finish()
    with tempfile.TemporaryDirectory(prefix="nr-security-smc-") as tmp:
        for label, args, n_ues in RUNS:
            check_run(tshark, program, tmp, label, args, n_ues)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
