# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: run_relay_scenario, a man-in-the-middle relay with its interception callback
# in Python (NrSecurityAdversaryHelper::InstallRelay, NrSecurityMitmRelay).

import pytest

import nr_security

PAYLOAD = b"nr-security relay probe 0123456789"


def udp_payload_offset(frame):
    """Offset of the UDP payload in a DRB PDU carrying IPv4/UDP: PDCP header (TS 38.323 6.2.2:
    2 bytes for 12-bit SNs, 3 for 18-bit), the SDAP header (TS 37.324 6.2.2.3, 1 byte), the
    IPv4 header (20 bytes, RFC 791) and the UDP header (8 bytes, RFC 768)."""
    return (2 if frame["sn_length_bits"] == 12 else 3) + (1 if frame["sdap_header"] else 0) + 28


def is_probe(frame):
    """An uplink DRB PDU of the UE's UDP probes (its exact size: header, IP, UDP, payload,
    MAC-I if integrity protection applies)."""
    return (frame["uplink"] and frame["rb_type"] == "DRB"
            and len(frame["pdu"]) == udp_payload_offset(frame) + len(PAYLOAD)
            + (4 if frame["mac_i_present"] else 0))


def test_forward_everything():
    seen = []
    r = nr_security.run_relay_scenario(lambda f: seen.append(f))
    assert r["captured"] is True
    assert r["serving_cell_id"] == r["relay_cell_id"] == 2 and r["real_cell_id"] == 1
    assert r["security_active"] is True and r["ue_state"] == "SECURITY_ACTIVE"
    assert r["up_integrity"] is False and r["up_policy"] == "NOT_NEEDED"
    assert r["sent"] == r["at_server"] == r["echoes_at_ue"] == 10
    assert r["server_payloads"] == [PAYLOAD] * 10 and r["ue_payloads"] == [PAYLOAD] * 10
    assert r["intercepted"] == len(seen) == r["relay_forwarded"]
    assert r["relay_rewritten"] == r["relay_dropped"] == 0
    # the relay sees the whole connection: RRCSetupRequest (SRB0 uplink) first
    assert (seen[0]["uplink"], seen[0]["rb_type"], seen[0]["rb_id"]) == (True, "SRB0", 0)
    assert sum(1 for f in seen if is_probe(f)) == 10
    assert sum(1 for f in seen if not f["uplink"] and f["rb_type"] == "DRB") == 10
    assert all(f["ciphered"] for f in seen if f["rb_type"] == "DRB")
    assert {f["origin"] for f in seen} == {"legitimate"}  # as received; forwarded: relayed


def test_no_callback():
    r = nr_security.run_relay_scenario()
    assert r["intercepted"] == 0 and r["relay_forwarded"] > 0
    assert r["at_server"] == r["echoes_at_ue"] == 10


def test_drop_uplink_user_data():
    r = nr_security.run_relay_scenario(lambda f: "drop" if is_probe(f) else None, packets=5)
    assert r["dropped_by_callback"] == r["relay_dropped"] == 5
    assert r["sent"] == 5 and r["at_server"] == 0 and r["echoes_at_ue"] == 0
    assert r["security_active"] is True


def flip_first_payload_byte(frame):
    if not is_probe(frame):
        return None
    pdu = bytearray(frame["pdu"])
    pdu[udp_payload_offset(frame)] ^= 0x01  # NEA2 is CTR: the plaintext bit flips too
    return bytes(pdu)


def test_rewrite_without_up_integrity():
    """aLTEr's malleability (Rupprecht et al., IEEE S&P 2019): a ciphertext bit flip is a
    plaintext bit flip; without UP integrity the altered payload reaches the server."""
    r = nr_security.run_relay_scenario(flip_first_payload_byte, packets=4)
    altered = bytes([PAYLOAD[0] ^ 0x01]) + PAYLOAD[1:]
    assert r["rewritten_by_callback"] == r["relay_rewritten"] == 4
    assert r["server_payloads"] == [altered] * 4
    assert r["ue_payloads"] == [altered] * 4  # echoed back
    assert r["gnb_drb_integrity_failures"] == 0


def test_rewrite_with_up_integrity_required():
    """The mitigation (TS 33.501 6.6.1 UP integrity REQUIRED): each altered PDU fails the MAC-I
    check at the gNB, is discarded and counted; nothing reaches the server."""
    r = nr_security.run_relay_scenario(flip_first_payload_byte, mitigated=True, packets=4)
    assert r["up_policy"] == "REQUIRED" and r["up_integrity"] is True
    assert r["relay_rewritten"] == 4
    assert r["at_server"] == 0 and r["echoes_at_ue"] == 0
    assert r["gnb_drb_integrity_failures"] == 4
    assert r["gnb_integrity_discards"] == 4
    same = nr_security.run_relay_scenario(
        flip_first_payload_byte, up_integrity="REQUIRED", packets=4)
    assert same["gnb_drb_integrity_failures"] == 4 and same["at_server"] == 0


def test_callback_errors():
    with pytest.raises(TypeError, match="intercept: returned a"):
        nr_security.run_relay_scenario(lambda f: 42)
    with pytest.raises(ValueError, match="intercept: returned 'delay'"):
        nr_security.run_relay_scenario(lambda f: "delay")

    class Boom(Exception):
        pass

    def boom(f):
        raise Boom("from the callback")

    with pytest.raises(Boom, match="from the callback"):
        nr_security.run_relay_scenario(boom)
    # the simulator is clean again afterwards
    assert nr_security.run_relay_scenario(packets=2)["at_server"] == 2


def test_argument_errors():
    with pytest.raises(TypeError, match="intercept"):
        nr_security.run_relay_scenario(5)
    with pytest.raises(ValueError, match="up_integrity"):
        nr_security.run_relay_scenario(up_integrity="SOMETIMES")
    with pytest.raises(ValueError, match="packets"):
        nr_security.run_relay_scenario(packets=0)
    with pytest.raises(ValueError, match="payload"):
        nr_security.run_relay_scenario(payload=b"")
    with pytest.raises(TypeError, match="mitigated"):
        nr_security.run_relay_scenario(mitigated=1)


def test_dataset(tmp_path):
    stem = str(tmp_path / "relay")
    r = nr_security.run_relay_scenario(flip_first_payload_byte, packets=3, dataset=stem)
    assert r["dataset"] == stem
    rows = (tmp_path / "relay.csv").read_text().splitlines()
    header = rows[0].split(",")
    origin = header.index("origin")
    origins = [row.split(",")[origin] for row in rows[1:]]
    assert origins.count("rewritten") == 3
    assert (tmp_path / "relay.pcap").stat().st_size > 24
