# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: run_relay_scenario from Python, a thin wrapper of the C++ class
# NrSecurityRelayScenario (helper/nr-security-scenario.h) through cppyy, with the relay's
# interception callback written in Python.
"""run_relay_scenario: a man-in-the-middle relay (NrSecurityRelayScenario) between a UE and
its gNB, the interception callback in Python."""

import operator

import cppyy

from . import _convert as _c
from ._loader import load as _load
from .scenario import RUN_LOCK, _what

_ns = _load()

_FORWARD, _DROP, _REPLACE = 0, 1, 2


def _int(value, name):
    try:
        return operator.index(value)
    except TypeError:
        raise TypeError(f"{name}: expected int, got {type(value).__name__}") from None


def run_relay_scenario(
    intercept=None,
    *,
    mitigated=False,
    up_integrity="NOT_NEEDED",
    packets=10,
    payload=b"nr-security relay probe 0123456789",
    seed=1,
    dataset=None,
):
    if intercept is not None and not callable(intercept):
        raise TypeError("intercept: expected None or a callable taking a dict")
    if not isinstance(mitigated, bool):
        raise TypeError("mitigated: expected True or False")
    if not isinstance(up_integrity, str):
        raise TypeError('up_integrity: expected "NOT_NEEDED", "PREFERRED" or "REQUIRED"')
    try:
        policy = _ns.NrSecurityUpPolicyFromName(up_integrity)
    except cppyy.gbl.std.invalid_argument as e:
        raise ValueError(f"up_integrity: {_what(e)}") from None
    if mitigated:
        policy = _ns.NrSecurityUpPolicy.REQUIRED  # the mitigation: every relayed DRB PDU verified
    n = _c.to_uint(_int(packets, "packets"), "packets", 1, 1000)
    data = _c.to_bytes(payload, "payload")
    if not data or len(data) > 1400:
        raise ValueError(f"payload: expected 1..1400 bytes, got {len(data)}")
    rng_seed = _c.to_uint(_int(seed, "seed"), "seed", 1, 4294967295)
    if dataset is not None and not isinstance(dataset, str):
        raise TypeError("dataset: expected None or a path stem (str)")

    sc = _ns.NrSecurityRelayScenario()
    sc.upIntegrity = policy
    sc.packets = n
    sc.payloadHex = data.hex()
    sc.seed = rng_seed
    if dataset:
        sc.datasetStem = dataset
    state = dict(calls=0, drops=0, rewrites=0, error=None)

    def hook(frame):
        if state["error"] is not None:
            return _FORWARD
        state["calls"] += 1
        try:
            r = intercept(
                dict(
                    time=float(frame.time),
                    uplink=bool(frame.uplink),
                    ue_id=int(frame.ueId),
                    cell_id=int(frame.cellId),
                    rb_type=str(frame.rbType),
                    rb_id=int(frame.rbId),
                    attempt=int(frame.attempt),
                    origin=str(frame.origin),
                    rx_power_dbm=float(frame.rxPowerDbm),
                    ciphered=bool(frame.ciphered),
                    integrity=bool(frame.integrity),
                    mac_i_present=bool(frame.macIPresent),
                    sn_length_bits=int(frame.snLengthBits),
                    sdap_header=bool(frame.sdapHeader),
                    pdu=bytes.fromhex(str(frame.pduHex)),
                )
            )
            if r is None:
                return _FORWARD
            if isinstance(r, str):
                if r == "forward":
                    return _FORWARD
                if r == "drop":
                    state["drops"] += 1
                    return _DROP
                raise ValueError(
                    f"intercept: returned '{r}'; expected None, \"forward\", \"drop\" or bytes"
                )
            if not _c.is_buffer(r):
                raise TypeError(
                    f"intercept: returned a {type(r)}; expected None, \"forward\", \"drop\" "
                    "or bytes"
                )
            sc.SetReplacement(_c.to_bytes(r, "intercept return value").hex())
            state["rewrites"] += 1
            return _REPLACE
        except BaseException as e:  # noqa: B902 - re-raised to the caller after the run
            state["error"] = e
            _ns.Simulator.Stop()  # nothing more runs; the exception reaches the caller
            return _FORWARD

    if intercept is not None:
        sc.SetInterceptor(hook)
    with RUN_LOCK:
        sc.Run()
    if state["error"] is not None:
        raise state["error"]
    up = int(sc.upIntegrityConfigured)
    return dict(
        captured=bool(sc.captured),
        serving_cell_id=int(sc.servingCellId),
        relay_cell_id=int(sc.relayCellId),
        real_cell_id=int(sc.realCellId),
        ue_state=str(sc.ueState),
        security_active=bool(sc.securityActive),
        up_policy=str(_ns.NrSecurityUpPolicyName(policy)),
        up_integrity=None if up < 0 else bool(up),
        intercepted=state["calls"],
        dropped_by_callback=state["drops"],
        rewritten_by_callback=state["rewrites"],
        relay_forwarded=int(sc.relayForwarded),
        relay_rewritten=int(sc.relayRewritten),
        relay_dropped=int(sc.relayDropped),
        sent=int(sc.sent),
        at_server=len(sc.serverPayloads),
        echoes_at_ue=len(sc.uePayloads),
        server_payloads=[bytes.fromhex(str(p)) for p in sc.serverPayloads],
        ue_payloads=[bytes.fromhex(str(p)) for p in sc.uePayloads],
        gnb_integrity_failures=int(sc.gnbIntegrityFailures),
        gnb_drb_integrity_failures=int(sc.gnbDrbIntegrityFailures),
        gnb_integrity_discards=int(sc.gnbIntegrityDiscards),
        ue_integrity_failures=int(sc.ueIntegrityFailures),
        ue_drb_integrity_failures=int(sc.ueDrbIntegrityFailures),
        dataset=dataset if dataset else None,
    )


run_relay_scenario.__doc__ = """Runs a man-in-the-middle relay attack (NrSecurityAdversaryHelper::InstallRelay,
NrSecurityMitmRelay) with the relay's interception callback in Python.

The network: one gNB at (0, 0, 10) m, one UE at (100, 0, 1.5) m with the user plane and a
remote host behind the UPF; the relay at (105, 0, 1.5) m: a false cell toward the UE with the
real cell's identity, and a fake UE toward the real gNB. The UE selects the strongest cell
(the relay's, AttachToStrongestCell at 1 ms), connects, gets AS security and a DRB through
the relay; from 300 ms it sends `packets` UDP payloads (every 20 ms) to the remote host,
which echoes each back. UP confidentiality is REQUIRED; UP integrity is `up_integrity`
("NOT_NEEDED", "PREFERRED" or "REQUIRED"; mitigated=True makes it REQUIRED, the mitigation).

intercept(frame) is called for every frame the relay forwards (both directions, SRB0, SRBs
and DRBs) with a dict: time (s), uplink (bool), ue_id, cell_id, rb_type ("SRB0", "SRB",
"DRB"), rb_id, attempt, origin ("legitimate", ...), rx_power_dbm, ciphered, integrity,
mac_i_present, sn_length_bits (12 or 18), sdap_header (bool) and pdu (bytes: the PDCP PDU as
on the air, ciphered where the sender ciphered it). It returns None or "forward" (forward
unchanged), "drop" (do not forward), or bytes (forward these instead: e.g. a ciphertext bit
flip, which flips the same plaintext bit under NEA1-3). Anything else raises TypeError /
ValueError; an exception raised by intercept stops the simulation and propagates.
An IPv4 packet in an uplink DRB PDU starts at offset (2 if sn_length_bits == 12 else 3) +
(1 if sdap_header) and its UDP payload 28 bytes later; ns-3 does not check UDP checksums
by default, so an altered payload reaches the server.

Returns a dict: captured (the UE camped on the relay), serving_cell_id, relay_cell_id,
real_cell_id, ue_state, security_active, up_policy, up_integrity (the DRB's integrity
protection as configured, None without a DRB), intercepted (callback calls),
dropped_by_callback, rewritten_by_callback, relay_forwarded, relay_rewritten, relay_dropped
(the relay's counters), sent (payloads the UE sent), at_server, echoes_at_ue (payloads
received), server_payloads, ue_payloads (lists of bytes), gnb_integrity_failures,
gnb_drb_integrity_failures, gnb_integrity_discards (PDCP discards for "integrity" at the
gNB), ue_integrity_failures, ue_drb_integrity_failures, dataset.

dataset: None or a path stem: writes the labelled dataset (STEM.csv, one row per frame on
the channel, label "python-relay", and STEM.pcap with the forged frames marked).
seed: ns-3's RngSeed. Each call starts from a fresh simulator."""
