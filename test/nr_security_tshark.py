# SPDX-License-Identifier: GPL-2.0-only
"""Reading tshark's PDML output, shared by the Wireshark interop tests
(nr-security-pcap-tshark-test.py, nr-security-smc-tshark-test.py)."""
import xml.etree.ElementTree as ET


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
