# SPDX-License-Identifier: GPL-2.0-only
"""Shared by the Wireshark interop tests (nr-security-pcap-tshark-test.py,
nr-security-smc-tshark-test.py): the pass/fail counter and reading tshark's PDML output."""
import xml.etree.ElementTree as ET

_counts = {"passed": 0, "failed": 0}


def check(what, ok, detail=""):
    """Counts one check; prints a FAIL line with the detail if it failed. Returns ok."""
    if ok:
        _counts["passed"] += 1
    else:
        _counts["failed"] += 1
        print(f"FAIL {what}" + (f": {detail}" if detail else ""))
    return ok


def check_eq(what, got, expected):
    return check(what, got == expected, f"got {got!r}, expected {expected!r}")


def finish():
    """Prints the closing 'N passed, M failed' line; returns the exit status."""
    print(f"{_counts['passed']} passed, {_counts['failed']} failed")
    return 1 if _counts["failed"] else 0


def parse_pdml(text):
    """Returns one dict per packet: field/proto name -> list of XML elements, plus 'experts'
    as [(identifier, severity, message)]."""
    packets = []
    for pkt in ET.fromstring(text).iter("packet"):
        fields, experts = {}, []
        for el in pkt.iter():
            name = el.get("name")
            if not name:
                continue
            fields.setdefault(name, []).append(el)
            if name == "_ws.expert":
                sub = {c.get("name"): c for c in el}
                ident = next((c.get("name") for c in el
                              if not c.get("name", "").startswith("_ws.expert.")), "")
                sev = sub.get("_ws.expert.severity")
                msg = sub.get("_ws.expert.message")
                experts.append((ident, int(sev.get("show")) if sev is not None else 0,
                                msg.get("show") if msg is not None else ""))
        fields["experts"] = experts
        packets.append(fields)
    return packets


def show(pkt, name):
    """The 'show' value of the first field called name, or None."""
    els = pkt.get(name)
    return els[0].get("show") if els else None


def showname(pkt, name):
    """The 'showname' value of the first field called name, or None."""
    els = pkt.get(name)
    return els[0].get("showname") if els else None
