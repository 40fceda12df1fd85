#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""nr-security: the run report (NrSecurityHelper::EnableReport) opens in headless Chromium.

    test/nr-security-report-chromium-test.py BUILD_DIR

Runs BUILD_DIR/bin/nr-security-smc (3 UEs; and 1 UE with --ueNia=0, a failed procedure) and
nr-security-user-plane (1 UE) with an output folder, which writes report-ue-1.html there, and
checks each page:

- self-contained: no "http:", "https:", "//", src= or href= attribute, <link>, <img>,
  <iframe>, @import or url() other than url(#...) anywhere in the file;
- opened in Debian's chromium (--headless --no-sandbox --disable-gpu and the network-quiet
  flags, --dump-dom) with "#click=pdu-N", the page's script clicks row N: the dumped DOM's
  detail section shows that PDU's plaintext, which must equal what this test computes on its
  own: the RRC message bytes from traces.csv (the UE's RrcMessage row), the payload deciphered
  with `openssl enc -aes-128-ctr` (NEA2, TS 33.401 B.1.3: T1 = COUNT || BEARER || DIRECTION
  || 0...) with the key from keys.csv, the MAC-I with `openssl mac CMAC` (NIA2, TS 33.401
  B.2.3: M = COUNT || BEARER || DIRECTION || 0^26 || header || message);
- K_gNB's KDF string S (TS 33.501 A.9) on the key tree, K_gNB = HMAC-SHA-256(K_AMF, S) by
  hashlib from keys.csv;
- chromium's stderr has no console message at all ("CONSOLE", "Uncaught"): the page logs
  nothing, so any line is an error;
- the failed run's SecurityModeFailure highlighted (failures list, events table, chart);
- without a hash the detail section shows no plaintext (the click is what shows it);
- the nr-security-calc commands the detail section gives (pdcp-unprotect, nea, nia; with
  "#click=pdu-N&keys" the keys are in them) print the same plaintext and MAC-I when run with
  BUILD_DIR/bin/nr-security-calc.

A missing chromium (or openssl, or an example binary) is a failure, never a skip: set
CHROMIUM=/path to use another binary. Exit status 0 when every check passes, 1 otherwise.
"""

import csv
import hashlib
import hmac
import html
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

FAILURES = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILURES.append(what)
    return ok


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)
    if p.returncode != 0:
        check(False, "%s exited %d: %s" % (" ".join(cmd[:2]), p.returncode, p.stderr[-500:]))
    return p


FORBIDDEN = [
    (re.compile(r"https?:", re.I), "an http(s): reference"),
    (re.compile(r"//"), "'//' (a protocol-relative reference or a JS comment)"),
    (re.compile(r"\b(src|href|xlink:href|action|srcset)\s*=", re.I), "a src/href attribute"),
    (re.compile(r"<\s*(link|img|iframe|object|embed|base)\b", re.I), "an element loading a file"),
    (re.compile(r"@import", re.I), "a CSS @import"),
    (re.compile(r"url\(\s*(?!#)", re.I), "a url() other than url(#...)"),
]


def static_checks(name, text):
    for rx, what in FORBIDDEN:
        m = rx.search(text)
        check(m is None, "%s: no %s%s" % (name, what, "" if m is None else
                                           " (found %r)" % text[max(0, m.start() - 30):m.end() + 30]))


def chromium(binary, path, fragment, profile):
    cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-default-apps", "--disable-extensions", "--enable-logging=stderr", "--v=0",
           "--user-data-dir=" + profile, "--dump-dom", "file://" + os.path.abspath(path) + fragment]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    check(p.returncode == 0, "chromium exit status 0 for %s%s" % (os.path.basename(path), fragment))
    console = [line for line in p.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    check(not console, "no console message for %s%s%s" % (os.path.basename(path), fragment,
                                                          "" if not console else ": " + console[0]))
    return p.stdout


def detail(dom):
    m = re.search(r'<section id="detail"[^>]*>(.*?)</section>', dom, re.S)
    return m.group(1) if m else ""


def element_text(fragment, element_id):
    m = re.search(r'id="%s"[^>]*>(.*?)</' % element_id, fragment, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip() if m else ""


def span_hex(fragment, cls):
    m = re.search(r'<span class="%s">([0-9a-f ]*)</span>' % cls, fragment)
    return m.group(1).replace(" ", "") if m else ""


def rows(page):
    out = []
    for m in re.finditer(r'<tr id="(pdu-\d+)"([^>]*)>', page):
        attrs = dict(re.findall(r'data-([a-z]+)="([^"]*)"', m.group(2)))
        attrs["id"] = m.group(1)
        out.append(attrs)
    return out


def keys_row(folder, ue):
    with open(os.path.join(folder, "keys.csv")) as f:
        for r in csv.DictReader(f):
            if r["ue_id"] == str(ue):
                return r
    check(False, "keys.csv has UE %d" % ue)
    return {}


def ue_message(folder, ue, name):
    """The bytes of the UE's first transmitted RRC message NAME (traces.csv, RrcMessage)."""
    with open(os.path.join(folder, "traces.csv")) as f:
        for r in csv.DictReader(f):
            if r["ue_id"] == str(ue) and r["event"] == "RrcMessage":
                d = r["detail"].split()
                if d[0] == "tx" and d[1] == name and r["node"] != "0":
                    return d[2]
    check(False, "traces.csv has UE %d's %s" % (ue, name))
    return ""


def prefix(count, bearer, direction):
    return count.to_bytes(4, "big") + bytes([(bearer << 3) | (direction << 2), 0, 0, 0])


def nia2(key, count, bearer, direction, message):
    """NIA2 with openssl's CMAC (TS 33.401 B.2.3): the 32 most significant bits."""
    with tempfile.NamedTemporaryFile() as f:
        f.write(prefix(count, bearer, direction) + message)
        f.flush()
        p = run(["openssl", "mac", "-cipher", "AES-128-CBC", "-macopt", "hexkey:" + key,
                 "-in", f.name, "CMAC"])
    return p.stdout.strip().lower()[:8]


def nea2(key, count, bearer, direction, data):
    """NEA2 with openssl's AES-128-CTR (TS 33.401 B.1.3)."""
    iv = (prefix(count, bearer, direction) + bytes(8)).hex()
    p = subprocess.run(["openssl", "enc", "-aes-128-ctr", "-K", key, "-iv", iv, "-nosalt",
                        "-nopad"], input=data, capture_output=True, timeout=60)
    check(p.returncode == 0, "openssl enc -aes-128-ctr runs")
    return p.stdout.hex()


def click(binary, page, row, profile, keys=False):
    dom = chromium(binary, page, "#click=" + row["id"] + ("&keys" if keys else ""), profile)
    if keys:
        check(re.search(r'<body class="[^"]*hidekeys', dom) is None, "&keys shows the keys")
    d = detail(dom)
    check("<pre" in d, "clicking %s (%s %s %s %s) fills the detail section" %
          (row["id"], row["side"], row["rb"], row["dir"], row["what"]))
    return d


def calc_outputs(d, calc):
    """Runs the nr-security-calc commands the detail section shows (keys shown): the output of
    each subcommand, by name."""
    m = re.search(r'<pre class="calc">(.*?)</pre>', d, re.S)
    if not check(m is not None, "the detail shows the calc commands"):
        return {}
    shown = re.sub(r'<span class="kvh">.*?</span>', "", m.group(1))  # the hidden-key placeholders
    out = {}
    for line in html.unescape(re.sub(r"<[^>]+>", "", shown)).splitlines():
        argv = shlex.split(line)
        if not argv:
            continue
        check(argv[0] == "nr-security-calc", "calc command line starts with nr-security-calc")
        p = subprocess.run([calc] + argv[1:], capture_output=True, text=True, timeout=60)
        check(p.returncode == 0, "nr-security-calc %s exits 0 (%s)" % (argv[1], p.stderr.strip()))
        out[argv[1]] = p.stdout.strip()
    return out


def find(page_rows, **want):
    for r in page_rows:
        if all(r.get(k, "").startswith(v) if k == "what" else r.get(k) == v
               for k, v in want.items()):
            return r
    check(False, "a PDU row with %s" % want)
    return None


def check_srb(binary, folder, page, page_rows, profile, calc):
    keys = keys_row(folder, 1)
    # The SecurityModeComplete at the gNB: sent in clear (TS 38.331 5.3.4.3), MAC-I with
    # K_RRCint, checked by RRC (not PDCP): the report recomputes it.
    row = find(page_rows, side="gNB1", rb="SRB1", dir="UL", what="securityModeComplete")
    if row:
        d = click(binary, page, row, profile)
        msg = ue_message(folder, 1, "securityModeComplete")
        count = int(row["count"])
        check(element_text(d, "plain").replace(" ", "") == msg,
              "SecurityModeComplete plaintext = the UE's message %s (traces.csv)" % msg)
        check(span_hex(d, "b-clr") == msg, "SecurityModeComplete payload sent unciphered")
        header = bytes([(count >> 8) & 0x0F, count & 0xFF])
        mac = nia2(keys["k_rrc_int"], count, 0, 0, header + bytes.fromhex(msg))
        check(element_text(d, "maci").replace(" ", "") == mac,
              "SecurityModeComplete MAC-I = openssl CMAC %s" % mac)
        check(element_text(d, "xmac").replace(" ", "") == mac and "verified" in d,
              "the report's recomputed X-MAC = %s, shown as verified" % mac)
    # A ciphered uplink SRB1 message: UECapabilityInformation, deciphered by openssl.
    row = find(page_rows, side="gNB1", rb="SRB1", dir="UL", what="ueCapabilityInformation")
    if row:
        d = click(binary, page, row, profile)
        msg = ue_message(folder, 1, "ueCapabilityInformation")
        count = int(row["count"])
        ciphered = span_hex(d, "b-enc") + span_hex(d, "b-mac")
        clear = nea2(keys["k_rrc_enc"], count, 0, 0, bytes.fromhex(ciphered))
        plain = element_text(d, "plain").replace(" ", "")
        check(plain == msg and clear[:-8] == msg,
              "UECapabilityInformation plaintext = openssl AES-CTR decipherment = traces.csv")
        header = bytes([(count >> 8) & 0x0F, count & 0xFF])
        mac = nia2(keys["k_rrc_int"], count, 0, 0, header + bytes.fromhex(msg))
        check(clear[-8:] == mac and element_text(d, "maci").replace(" ", "") == mac,
              "UECapabilityInformation MAC-I (deciphered) = openssl CMAC %s" % mac)
        # The commands the page gives redo both (what a student copies from it).
        out = calc_outputs(click(binary, page, row, profile, keys=True), calc)
        check(out.get("pdcp-unprotect", "").endswith("sdu=" + msg),
              "the page's pdcp-unprotect command prints sdu=%s" % msg)
        check(out.get("nea") == clear, "the page's nea command prints the payload and MAC-I in clear")
        check(out.get("nia") == mac, "the page's nia command prints the MAC-I %s" % mac)


def check_drb(binary, folder, page, page_rows, profile, calc):
    keys = keys_row(folder, 1)
    for direction, side in (("UL", "gNB1"), ("DL", "UE")):
        row = find(page_rows, side=side, rb="DRB1", dir=direction, what="IPv4")
        if not row:
            continue
        d = click(binary, page, row, profile)
        count = int(row["count"])
        ciphered = span_hex(d, "b-enc")
        check("NEA2" in d and ciphered, "DRB1 %s COUNT %d ciphered with NEA2" % (direction, count))
        clear = nea2(keys["k_up_enc"], count, 0, 0 if direction == "UL" else 1,
                     bytes.fromhex(ciphered))
        plain = element_text(d, "plain").replace(" ", "")
        check(plain == clear, "DRB1 %s plaintext = openssl AES-CTR decipherment" % direction)
        ue, remote = "07000002", "01000002"
        src, dst = (ue, remote) if direction == "UL" else (remote, ue)
        check(plain[:2] == "45" and plain[24:32] == src and plain[32:40] == dst,
              "DRB1 %s plaintext is an IPv4 header %s -> %s" % (direction, src, dst))
        out = calc_outputs(click(binary, page, row, profile, keys=True), calc)
        check(out.get("pdcp-unprotect", "").endswith("sdu=" + plain),
              "DRB1 %s: the page's pdcp-unprotect command prints sdu=<the plaintext>" % direction)
        check(out.get("nea", "")[:len(plain)] == plain,
              "DRB1 %s: the page's nea command prints the plaintext (then the MAC-I)" % direction)


def check_keys(folder, dom):
    keys = keys_row(folder, 1)
    s = "6e" + int(keys["ul_nas_count"]).to_bytes(4, "big").hex() + "0004" + "01" + "0001"
    kgnb = hmac.new(bytes.fromhex(keys["k_amf"]), bytes.fromhex(s), hashlib.sha256).hexdigest()
    check(kgnb == keys["k_gnb"], "keys.csv: K_gNB = HMAC-SHA-256(K_AMF, S) (hashlib)")
    check("S = " + s in dom, "key tree: K_gNB's S = %s (TS 33.501 A.9)" % s)
    check(keys["k_gnb"] in dom, "key tree: K_gNB's bytes (behind the toggle)")
    for name, col in (("K_RRCint", "k_rrc_int"), ("K_RRCenc", "k_rrc_enc"), ("K_UPenc", "k_up_enc")):
        check(keys[col] in dom, "key tree: %s %s" % (name, keys[col]))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    build = sys.argv[1]
    binary = shutil.which(os.environ.get("CHROMIUM", "chromium"))
    if not check(binary is not None, "chromium is installed (Debian package chromium)"):
        return 1
    if not check(shutil.which("openssl") is not None, "openssl is installed"):
        return 1
    bins = {b: os.path.join(build, "bin", b)
            for b in ("nr-security-smc", "nr-security-user-plane", "nr-security-calc")}
    for b, path in bins.items():
        if not check(os.access(path, os.X_OK), "%s is built" % path):
            return 1
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HOME=tmp)
        profile = os.path.join(tmp, "chromium-profile")
        smc = os.path.join(tmp, "smc")
        p = run([bins["nr-security-smc"], "--ues=3", "--outputDir=" + smc], env=env)
        page = os.path.join(smc, "report-ue-1.html")
        check("Run report of UE 1: " + page in p.stdout, "nr-security-smc prints the report path")
        if check(os.path.exists(page), "nr-security-smc writes report-ue-1.html"):
            text = open(page, encoding="utf-8").read()
            static_checks("smc report", text)
            dom = chromium(binary, page, "", profile)
            check("No PDU selected" in detail(dom) and "<pre" not in detail(dom),
                  "without #click no PDU detail is shown")
            for step in range(26, 34):
                check(re.search(r"<tr><td>%d</td>" % step, dom) is not None,
                      "steps table has step %d" % step)
            check("5.3.4.3" in dom and "6.7.4" in dom, "steps table cites TS 38.331 5.3.4.3 and "
                  "TS 33.501 6.7.4")
            check("<svg" in dom and "securityModeCommand" in dom, "sequence chart drawn as SVG")
            check_keys(smc, dom)
            check_srb(binary, smc, page, rows(text), profile, bins["nr-security-calc"])
        # A failed procedure (no integrity algorithm in common): highlighted in the failures.
        fail = os.path.join(tmp, "fail")
        p = subprocess.run([bins["nr-security-smc"], "--ues=1", "--ueNia=0", "--pcap=0",
                            "--outputDir=" + fail], capture_output=True, text=True, timeout=600,
                           env=env)
        check(p.returncode == 1, "nr-security-smc --ueNia=0 exits 1 (the procedure fails)")
        page = os.path.join(fail, "report-ue-1.html")
        if check(os.path.exists(page), "the failed run writes report-ue-1.html"):
            dom = chromium(binary, page, "", profile)
            check(re.search(r'<li class="fail">[^<]*SecurityModeFailure: no integrity algorithm',
                            dom) is not None, "the SecurityModeFailure is listed, highlighted")
            check(re.search(r'<tr class="fail"><td>[0-9.]+</td><td>gNB1</td><td>'
                            r'SecurityModeFailure', dom) is not None,
                  "the SecurityModeFailure event row is highlighted")
            check('fill="#fde2e2"' in dom, "the sequence chart draws the failure in red")
        up = os.path.join(tmp, "up")
        p = run([bins["nr-security-user-plane"], "--ues=1", "--duration=0.6",
                 "--outputDir=" + up], env=env)
        page = os.path.join(up, "report-ue-1.html")
        if check(os.path.exists(page), "nr-security-user-plane writes report-ue-1.html"):
            text = open(page, encoding="utf-8").read()
            static_checks("user-plane report", text)
            check_drb(binary, up, page, rows(text), profile, bins["nr-security-calc"])
    print("%d failed" % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
