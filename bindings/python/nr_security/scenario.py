# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: run_scenario from Python, a thin wrapper of the C++ class NrSecurityScenario
# (helper/nr-security-scenario.h) through cppyy: the arguments are checked here, the
# simulation and the per-UE collection run in C++.
"""run_scenario: the AS Security Mode Command between gNBs and UEs (NrSecurityScenario)."""

import csv
import io
import math
import operator
import os
import shutil
import tempfile
import threading

import cppyy

from . import _convert as _c
from ._loader import load as _load

_ns = _load()

#: ns-3 has one simulator per process: one scenario at a time (run_relay_scenario too).
RUN_LOCK = threading.Lock()


def _what(e):
    """The message of a C++ exception raised through cppyy."""
    what = getattr(e, "what", None)
    return str(what()) if callable(what) else str(e)


def _int(value, name):
    try:
        return operator.index(value)
    except TypeError:
        raise TypeError(f"{name}: expected int, got {type(value).__name__}") from None


def _algorithms(value, name, prefix):
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, (list, tuple, range)) and not _c.is_buffer(value):
        items = list(value)
    else:
        raise TypeError(
            f'{name}: expected a string such as "{prefix}2,{prefix}1" or a list of algorithm '
            "identities"
        )
    ids = []
    for i, item in enumerate(items):
        if isinstance(item, int):
            ids.append(_c.to_uint(item, f"{name}[{i}]", 0, 3, f"{prefix}0..{prefix}3"))
            continue
        if not isinstance(item, str):
            raise TypeError(f"{name}[{i}]: expected an int or a str")
        s = item.strip(" \t")
        if len(s) == len(prefix) + 1 and s.startswith(prefix):
            s = s[len(prefix):]
        if len(s) != 1 or s not in "0123":
            raise ValueError(f"{name}: '{item}' is not {prefix}0..{prefix}3 (or 0..3)")
        ids.append(int(s))
    return ids


def _priority(value, name, prefix):
    ids = _algorithms(value, name, prefix)
    if not ids:
        raise ValueError(f"{name}: empty list (the gNB needs at least one algorithm)")
    return ",".join(f"{prefix}{i}" for i in ids)


def _capabilities(value, name, prefix):
    return ",".join(str(i) for i in _algorithms(value, name, prefix))


def _bool(value, name):
    if not isinstance(value, bool):
        raise TypeError(f"{name}: expected True or False")
    return value


def _number(value, name):
    if not isinstance(value, (int, float)):
        raise TypeError(f"{name}: expected a number")
    return float(value)


def _per_ue(value, name, n, scalar_allowed):
    if not isinstance(value, (list, tuple)):
        if scalar_allowed:
            return [value] * n
        raise TypeError(f"{name}: expected a list with one entry per UE")
    if len(value) != n:
        raise ValueError(f"{name}: expected {n} entries (one per UE), got {len(value)}")
    return list(value)


def _events(path):
    with open(path, newline="") as f:
        text = f.read()
    events = []
    for row in csv.DictReader(io.StringIO(text, newline="")):
        step = row["step"]
        events.append(
            dict(
                time=float(row["time_s"]),
                node=int(row["node"]),
                ue_id=int(row["ue_id"]),
                event=row["event"],
                step=int(step) if step else None,
                detail=row["detail"],
            )
        )
    return events


_KEY_NAMES = ("k_gnb", "k_rrc_enc", "k_rrc_int", "k_up_enc", "k_up_int")


def _keys(fields):
    return {
        name: (None if v == "-" else bytes.fromhex(v)) for name, v in zip(_KEY_NAMES, fields)
    }


def _or_none(v):
    return None if v == "-" else v


def run_scenario(
    *,
    ues=3,
    gnbs=1,
    ciphering_priority="NEA2,NEA3,NEA1,NEA0",
    integrity_priority="NIA2,NIA3,NIA1",
    ue_nea="1,2,3",
    ue_nia="1,2,3",
    emergency=False,
    ue_capabilities=None,
    k_amf=None,
    ul_nas_count=0,
    loss_rate=0.0,
    scs=30,
    seed=1,
    stop_time=5.0,
    output_dir=None,
    pcap=True,
):
    sc = _ns.NrSecurityScenario()
    n = _c.to_uint(_int(ues, "ues"), "ues", 1, 1000000, "number of UEs")
    sc.gnbs = _c.to_uint(_int(gnbs, "gnbs"), "gnbs", 1, 1008, "number of gNBs")
    sc.cipheringPriority = _priority(ciphering_priority, "ciphering_priority", "NEA")
    sc.integrityPriority = _priority(integrity_priority, "integrity_priority", "NIA")
    s = _c.to_uint(
        _int(scs, "scs"), "scs", 15, 120, "subcarrier spacing in kHz: 15, 30, 60 or 120"
    )
    if s not in (15, 30, 60, 120):
        raise ValueError(f"scs: {s} is not 15, 30, 60 or 120 (kHz)")
    sc.scs = s
    sc.run = _c.to_uint(_int(seed, "seed"), "seed", 0, 2**64 - 1, "ns-3 RngRun")
    loss = _number(loss_rate, "loss_rate")
    if not 0 <= loss <= 1:
        raise ValueError(
            f"loss_rate: {loss_rate} is outside 0..1 (probability that an attempt is lost)"
        )
    sc.lossRate = loss
    stop = _number(stop_time, "stop_time")
    if not (stop > 0 and math.isfinite(stop)):
        raise ValueError(f"stop_time: {stop_time} is not a positive number of seconds")
    sc.stopTime = stop
    pcap = _bool(pcap, "pcap")

    default = _ns.NrSecurityScenarioUe()
    default.nea = _capabilities(ue_nea, "ue_nea", "NEA")
    default.nia = _capabilities(ue_nia, "ue_nia", "NIA")
    default.emergency = _bool(emergency, "emergency")
    per_ue_counts = isinstance(ul_nas_count, (list, tuple))
    counts = _per_ue(ul_nas_count, "ul_nas_count", n, True)
    checked = []
    for i, value in enumerate(counts):
        name = f"ul_nas_count[{i}]" if per_ue_counts else "ul_nas_count"
        if not isinstance(value, int):
            raise TypeError(f"{name}: expected an int")
        checked.append(_c.to_uint(value, name, 0, 0xFFFFFFFF, "NAS COUNT is 32 bits"))
        if not per_ue_counts:
            break
    if not per_ue_counts:
        default.ulNasCount = checked[0]
    overrides = {}  # UE index -> {field: value}
    if ue_capabilities is not None:
        for i, caps in enumerate(_per_ue(ue_capabilities, "ue_capabilities", n, False)):
            name = f"ue_capabilities[{i}]"
            if caps is None:
                continue
            if not isinstance(caps, dict):
                raise TypeError(f"{name}: expected a dict with keys nea, nia, emergency")
            for key, value in caps.items():
                k = str(key)
                if k == "nea":
                    nea = _capabilities(value, f"{name}[nea]", "NEA")
                    overrides.setdefault(i, {})["nea"] = nea
                elif k == "nia":
                    nia = _capabilities(value, f"{name}[nia]", "NIA")
                    overrides.setdefault(i, {})["nia"] = nia
                elif k == "emergency":
                    overrides.setdefault(i, {})["emergency"] = _bool(value, f"{name}[emergency]")
                else:
                    raise ValueError(
                        f"{name}: unknown key '{k}' (expected nea, nia, emergency)"
                    )
    if k_amf is not None:
        for i, key in enumerate(_per_ue(k_amf, "k_amf", n, False)):
            overrides.setdefault(i, {})["kAmfHex"] = _c.to_key(key, f"k_amf[{i}]", 32).hex()
    directory = None
    if output_dir is not None:
        directory = os.fspath(output_dir)
        try:
            os.makedirs(directory, exist_ok=True)
            error = None
        except OSError as e:
            error = e.strerror or str(e)
        if error is not None or not os.path.isdir(directory):
            raise ValueError(
                f"output_dir: cannot create '{directory}': {error or 'not a directory'}"
            )

    sc.SetUes(n, default)
    if per_ue_counts:
        for i, v in enumerate(checked):
            sc.ues[i].ulNasCount = v
    for i, fields in overrides.items():
        ue = sc.ues[i]
        for field, value in fields.items():
            setattr(ue, field, value)

    tmp = None
    if directory is None:
        tmp = tempfile.mkdtemp(prefix="nr-security-python-")
        trace_file = os.path.join(tmp, "traces.csv")
    else:
        trace_file = os.path.join(directory, "traces.csv")
        if pcap:
            sc.pcapDir = directory
    sc.traceFile = trace_file
    try:
        with RUN_LOCK:
            try:
                table = str(sc.Run())
            except cppyy.gbl.std.invalid_argument as e:
                raise ValueError(_what(e)) from None
        events = _events(trace_file)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)

    keys = {}
    gnb_keys = {}
    result_ues = {}
    for line in table.splitlines():
        f = line.split(" ")
        ue_id = int(f[0])
        k = _keys(f[9:14])
        k["k_amf"] = bytes.fromhex(f[7])
        k["ul_nas_count"] = int(f[8])
        keys[ue_id] = k
        g = _keys(f[14:19])
        gnb_keys[ue_id] = g
        result_ues[ue_id] = dict(
            node=int(f[1]),
            cell_id=int(f[2]),
            ue_state=f[3],
            gnb_state=_or_none(f[4]),
            nea=_or_none(f[5]),
            nia=_or_none(f[6]),
            active=k["k_gnb"] is not None and g["k_gnb"] is not None,
        )
    return dict(events=events, keys=keys, gnb_keys=gnb_keys, ues=result_ues, output_dir=directory)


run_scenario.__doc__ = """Runs the AS Security Mode Command procedure (TS 38.331 5.3.4, TS 33.501 6.7.4)
between gNBs and UEs on the simulated NR air interface, like examples/nr-security-smc.cc but
with no node positions (no propagation delay, so times are a few us to one slot earlier),
and returns its trace events and keys.

Each UE is attached at t = 0 with SRB1 up and unprotected; its gNB gets K_gNB from the AMF,
selects the algorithms (TS 33.501 6.7.3.0: the first entry of each priority list the UE
supports; NIA0 only for an emergency UE), derives the AS keys (TS 33.501 A.8) and sends the
SecurityModeCommand. UE i (0-based) is served by gNB i mod gnbs (round robin).

Keyword arguments (all keyword-only):
  ues: number of UEs, 1..1000000 (UE ids 1..ues). gnbs: number of gNBs, 1..1008 (cell ids
    1..gnbs).
  ciphering_priority, integrity_priority: the gNBs' preference lists, most preferred
    first, as "NEA2,NEA1,NEA0" / "2,1,0" or a list [2, 1, 0] / ["NEA2", ...].
  ue_nea, ue_nia: every UE's security capabilities (TS 38.413 9.3.1.86), algorithms 1..3
    in the same forms ("1,2,3", [2], [] for none); NEA0/NIA0 are always supported and
    ignored here.
  emergency: every UE is an unauthenticated emergency session (NIA0 acceptable).
  ue_capabilities: None, or a list with one entry per UE: None or a dict with any of
    "nea", "nia", "emergency" overriding the three arguments above for that UE.
  k_amf: None (K_AMF drawn per UE from the run's random stream) or a list of one 32-byte
    K_AMF per UE.
  ul_nas_count: the uplink NAS COUNT for K_gNB (TS 33.501 A.9), one int for every UE or a
    list with one per UE, 0..2**32-1.
  loss_rate: probability 0..1 that a transmission attempt is lost (ARQ retransmits;
    radio link failure after the retransmission limit).
  scs: subcarrier spacing in kHz, 15, 30, 60 or 120 (sets the slot timing).
  seed: ns-3's RngRun (RngSeed stays 1); same seed, same run, also within one process.
  stop_time: simulated seconds, > 0.
  output_dir: None, or a directory (created if missing) for traces.csv and, if pcap is
    True, gnb-N.pcap, ue-N.pcap, keys.csv and Wireshark's pdcp_nr_ue_keys / preferences.
  pcap: write the pcaps and key files into output_dir.

Returns a dict:
  "events": a list of dicts, one per trace event, in order: time (simulation time, float
    seconds), node (ns-3 node id: gNBs 0..gnbs-1, then UEs), ue_id (int), event
    (KeyDerived, SmcStep, SecurityActivated, SecurityModeFailure, IntegrityFailure,
    StateChanged, RrcMessage, RadioLinkFailure, ...), step (int, the TS 33.501 6.7.4 /
    TS 38.331 step 26..33 for KeyDerived and SmcStep, else None) and detail (str) - the
    rows of NrSecurityHelper::EnableTraces' CSV (time_s,node,ue_id,event,step,detail).
  "keys": {ue_id: {"k_amf": 32 bytes, "ul_nas_count": int, "k_gnb": 32 bytes,
    "k_rrc_enc", "k_rrc_int", "k_up_enc", "k_up_int": 16 bytes each}}, as the UE holds
    them; the derived keys are None unless the UE's AS security is active.
  "gnb_keys": {ue_id: {"k_gnb", "k_rrc_enc", "k_rrc_int", "k_up_enc", "k_up_int"}} as the
    serving gNB holds them, None unless the gNB's context for the UE is SECURITY_ACTIVE.
  "ues": {ue_id: {"node", "cell_id", "ue_state", "gnb_state" (None: no context), "nea",
    "nia" (e.g. "NEA2", None unless active at the UE), "active" (both sides active)}}.
  "output_dir": the output directory or None.

Raises ValueError (TypeError for a wrong type) naming the argument, e.g.
"integrity_priority: 'NIA7' is not NIA0..NIA3 (or 0..3)". Each call starts from a fresh
simulator (Simulator::Destroy before and after, RngSeedManager reset), so it can be called
any number of times in one process; calls from several threads run one at a time."""
