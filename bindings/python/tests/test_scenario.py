# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security Python bindings: run_scenario, the AS Security Mode Command procedure (TS 38.331
# 5.3.4, TS 33.501 6.7.4) simulated by ns-3 - outcomes, keys against the crypto layer, trace
# events against the helper's CSV, repeatability within one process, and argument checks.

import csv
import math

import pytest

import nr_security as nr
from nrsec_vectors import K_RRC_ENC_NEA2, K_RRC_INT_NIA2, KAMF, KGNB

KEY_NAMES = ("k_gnb", "k_rrc_enc", "k_rrc_int", "k_up_enc", "k_up_int")
EVENT_FIELDS = {"time", "node", "ue_id", "event", "step", "detail"}


def events(result, event, node=None):
    return [
        e
        for e in result["events"]
        if e["event"] == event and (node is None or e["node"] == node)
    ]


@pytest.fixture(scope="module")
def five_ues():
    return nr.run_scenario(ues=5, ciphering_priority="NEA2", integrity_priority="NIA2")


def test_five_ues_activate_at_the_gnb(five_ues):
    r = five_ues
    assert all(set(e) == EVENT_FIELDS for e in r["events"])
    at_gnb = events(r, "SecurityActivated", node=0)  # the gNB is node 0
    assert sorted(e["ue_id"] for e in at_gnb) == [1, 2, 3, 4, 5]
    assert {e["detail"] for e in at_gnb} == {"NEA2/NIA2"}
    assert len(events(r, "SecurityActivated")) == 10  # and once at each UE
    assert not events(r, "SecurityModeFailure")
    for ue_id, u in r["ues"].items():
        assert u == dict(
            node=ue_id,  # UE nodes follow the gNB node
            cell_id=1,
            ue_state="SECURITY_ACTIVE",
            gnb_state="SECURITY_ACTIVE",
            nea="NEA2",
            nia="NIA2",
            active=True,
        )


def test_five_ues_keys_both_sides_and_from_the_hierarchy(five_ues):
    r = five_ues
    assert sorted(r["keys"]) == [1, 2, 3, 4, 5]
    k_amfs = set()
    for ue_id, ue in r["keys"].items():
        assert len(ue["k_amf"]) == 32 and ue["ul_nas_count"] == 0
        k_amfs.add(ue["k_amf"])
        gnb = r["gnb_keys"][ue_id]
        assert {k: ue[k] for k in KEY_NAMES} == gnb
        assert ue["k_gnb"] == nr.kgnb(ue["k_amf"], ue["ul_nas_count"])
        assert nr.as_keys(ue["k_gnb"], 2, 2) == {k: ue[k] for k in KEY_NAMES[1:]}
    assert len(k_amfs) == 5  # one K_AMF per UE


def test_five_ues_trace_events(five_ues):
    r = five_ues
    times = [e["time"] for e in r["events"]]
    assert times == sorted(times)
    for ue_id, ue in r["keys"].items():
        ue_node = r["ues"][ue_id]["node"]
        steps = [e["step"] for e in events(r, "SmcStep", node=ue_node) if e["ue_id"] == ue_id]
        assert steps == [26, 27, 28, 29, 30, 31, 32, 33]
        derived = {
            e["detail"]
            for e in events(r, "KeyDerived", node=ue_node)
            if e["ue_id"] == ue_id
        }
        assert derived == {
            "K_gNB=" + ue["k_gnb"].hex(),
            "K_RRCint=" + ue["k_rrc_int"].hex(),
            "K_RRCenc=" + ue["k_rrc_enc"].hex(),
            "K_UPint=" + ue["k_up_int"].hex(),
            "K_UPenc=" + ue["k_up_enc"].hex(),
        }
    assert all(e["step"] is None for e in events(r, "StateChanged"))


def test_given_kamf_gives_the_known_answers():
    r = nr.run_scenario(ues=2, k_amf=[KAMF, KAMF], ul_nas_count=[0, 5])
    ue1, ue2 = r["keys"][1], r["keys"][2]
    assert ue1["k_amf"] == KAMF
    assert ue1["k_gnb"] == KGNB
    assert ue1["k_rrc_int"] == K_RRC_INT_NIA2
    assert ue1["k_rrc_enc"] == K_RRC_ENC_NEA2
    assert ue2["ul_nas_count"] == 5
    assert ue2["k_gnb"] == nr.kgnb(KAMF, 5)
    assert r["gnb_keys"][2]["k_gnb"] == nr.kgnb(KAMF, 5)


def test_no_common_integrity_algorithm_fails():
    r = nr.run_scenario(ues=2, ue_nia=[])
    assert not events(r, "SecurityActivated")
    failures = events(r, "SecurityModeFailure", node=0)
    assert sorted(e["ue_id"] for e in failures) == [1, 2]
    assert all("integrity" in e["detail"] for e in failures)
    for ue_id in (1, 2):
        assert r["ues"][ue_id]["active"] is False
        assert r["ues"][ue_id]["gnb_state"] == "RELEASED"
        assert r["ues"][ue_id]["nea"] is None
        assert all(r["keys"][ue_id][k] is None for k in KEY_NAMES)
        assert r["gnb_keys"][ue_id] == dict.fromkeys(KEY_NAMES)
        assert len(r["keys"][ue_id]["k_amf"]) == 32


def test_per_ue_capabilities_and_priorities():
    r = nr.run_scenario(
        ues=4,
        ciphering_priority=[3, 2, 0],
        integrity_priority=["NIA2", "NIA1"],
        ue_capabilities=[
            None,
            {"nea": "2", "nia": [1]},
            {"nia": []},
            {"nea": [], "nia": "NIA2,NIA3"},
        ],
    )
    u = r["ues"]
    assert (u[1]["nea"], u[1]["nia"]) == ("NEA3", "NIA2")
    assert (u[2]["nea"], u[2]["nia"]) == ("NEA2", "NIA1")
    assert u[3]["active"] is False
    assert (u[4]["nea"], u[4]["nia"]) == ("NEA0", "NIA2")


def test_nia0_only_for_an_emergency_ue():
    kwargs = dict(ues=2, integrity_priority="NIA0", ue_capabilities=[{"emergency": True}, None])
    r = nr.run_scenario(**kwargs)
    assert r["ues"][1]["nia"] == "NIA0" and r["ues"][1]["active"]
    assert not r["ues"][2]["active"]
    assert nr.run_scenario(ues=1, integrity_priority="NIA0", emergency=True)["ues"][1]["active"]


def test_repeatable_in_one_process():
    a = nr.run_scenario(ues=3, seed=7, loss_rate=0.2)
    b = nr.run_scenario(ues=3, seed=7, loss_rate=0.2)
    c = nr.run_scenario(ues=3, seed=8, loss_rate=0.2)
    assert a == b
    assert a["keys"][1]["k_amf"] != c["keys"][1]["k_amf"]


def test_losses_delay_or_break_the_procedure():
    clean = nr.run_scenario(ues=3)
    done = max(e["time"] for e in events(clean, "SecurityActivated", node=0))
    lossy = nr.run_scenario(ues=3, loss_rate=0.3, seed=3)
    assert events(lossy, "RrcMessage")
    assert max(e["time"] for e in lossy["events"]) >= done
    dead = nr.run_scenario(ues=2, loss_rate=1.0)
    assert events(dead, "RadioLinkFailure")
    assert not events(dead, "SecurityActivated")


def test_subcarrier_spacing_sets_the_timing():
    slow = nr.run_scenario(ues=1, scs=15)
    fast = nr.run_scenario(ues=1, scs=120)
    t_slow = events(slow, "SecurityActivated", node=0)[0]["time"]
    t_fast = events(fast, "SecurityActivated", node=0)[0]["time"]
    assert t_fast < t_slow


def test_stop_time():
    r = nr.run_scenario(ues=1, stop_time=0.001)
    assert not events(r, "SecurityActivated")
    assert max(e["time"] for e in r["events"]) <= 0.001


def test_several_gnbs_round_robin():
    r = nr.run_scenario(ues=4, gnbs=2)
    assert [r["ues"][i]["cell_id"] for i in (1, 2, 3, 4)] == [1, 2, 1, 2]
    assert [r["ues"][i]["node"] for i in (1, 2, 3, 4)] == [2, 3, 4, 5]
    gnb_nodes = {e["node"]: e["ue_id"] for e in events(r, "SecurityActivated") if e["node"] < 2}
    assert set(gnb_nodes) == {0, 1}
    assert all(u["active"] for u in r["ues"].values())


def test_output_directory(tmp_path):
    out = tmp_path / "run"  # created by run_scenario
    r = nr.run_scenario(ues=2, output_dir=out)
    assert r["output_dir"] == str(out)
    with open(out / "traces.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(r["events"])
    for row, e in zip(rows, r["events"]):
        assert math.isclose(float(row["time_s"]), e["time"])
        assert (row["event"], row["detail"]) == (e["event"], e["detail"])
        assert (int(row["node"]), int(row["ue_id"])) == (e["node"], e["ue_id"])
    with open(out / "keys.csv", newline="") as f:
        keys = {int(row["ue_id"]): row for row in csv.DictReader(f)}
    assert sorted(keys) == [1, 2]
    for ue_id, row in keys.items():
        assert all(row[k] == r["keys"][ue_id][k].hex() for k in KEY_NAMES)
    for name in ("gnb-1.pcap", "ue-1.pcap", "ue-2.pcap", "pdcp_nr_ue_keys"):
        assert (out / name).stat().st_size > 24
    r2 = nr.run_scenario(ues=1, output_dir=str(tmp_path / "nopcap"), pcap=False)
    assert r2["output_dir"] == str(tmp_path / "nopcap")
    assert sorted(p.name for p in (tmp_path / "nopcap").iterdir()) == [
        "traces-key-epochs.csv", "traces-pdus.csv", "traces.csv"]


def test_no_output_directory_leaves_nothing():
    assert nr.run_scenario(ues=1)["output_dir"] is None


# --- argument checks: ValueError naming the parameter ----------------------------------------

SCENARIO_ERRORS = [
    ("ues", dict(ues=0)),
    ("ues", dict(ues=1000001)),
    ("gnbs", dict(gnbs=0)),
    ("ciphering_priority", dict(ciphering_priority="NEA5")),
    ("ciphering_priority", dict(ciphering_priority="")),
    ("ciphering_priority", dict(ciphering_priority="NIA2")),
    (r"ciphering_priority\[1\]", dict(ciphering_priority=[2, 4])),
    ("integrity_priority", dict(integrity_priority=[])),
    ("integrity_priority", dict(integrity_priority="NIA2,9")),
    ("ue_nea", dict(ue_nea="NEA7")),
    ("ue_nia", dict(ue_nia=["x"])),
    ("ue_capabilities", dict(ue_capabilities=[None])),
    (r"ue_capabilities\[1\]", dict(ue_capabilities=[None, {"cipher": [1]}])),
    (r"ue_capabilities\[0\]\[nia\]\[0\]", dict(ue_capabilities=[{"nia": [5]}, None])),
    (r"ue_capabilities\[1\]\[nea\]", dict(ue_capabilities=[None, {"nea": "NEA1,NEA9"}])),
    ("k_amf", dict(k_amf=[KAMF])),
    (r"k_amf\[1\]", dict(k_amf=[KAMF, KAMF[:16]])),
    ("ul_nas_count", dict(ul_nas_count=-1)),
    ("ul_nas_count", dict(ul_nas_count=[0, 1, 2])),
    (r"ul_nas_count\[1\]", dict(ul_nas_count=[0, 2**32])),
    ("loss_rate", dict(loss_rate=1.5)),
    ("loss_rate", dict(loss_rate=-0.1)),
    ("loss_rate", dict(loss_rate=float("nan"))),
    ("scs", dict(scs=45)),
    ("scs", dict(scs=240)),
    ("seed", dict(seed=-1)),
    ("stop_time", dict(stop_time=0)),
    ("stop_time", dict(stop_time=float("inf"))),
]


@pytest.mark.parametrize(
    "parameter,bad", SCENARIO_ERRORS, ids=[f"{p}-{i}" for i, (p, _) in enumerate(SCENARIO_ERRORS)]
)
def test_value_error_names_the_parameter(parameter, bad):
    args = dict(ues=2)
    args.update(bad)
    with pytest.raises(ValueError, match=rf"^{parameter}: "):
        nr.run_scenario(**args)


def test_output_dir_that_is_a_file(tmp_path):
    f = tmp_path / "file"
    f.write_text("")
    with pytest.raises(ValueError, match=r"^output_dir: "):
        nr.run_scenario(ues=1, output_dir=f)


@pytest.mark.parametrize(
    "bad",
    [
        dict(emergency="yes"),
        dict(pcap=1),
        dict(ue_capabilities=["NEA2"]),
        dict(k_amf=KAMF),
        dict(loss_rate="0.1"),
        dict(ciphering_priority=2),
        dict(ues="2"),
    ],
    ids=["emergency", "pcap", "ue_capabilities", "k_amf", "loss_rate", "ciphering_priority", "ues"],
)
def test_type_errors(bad):
    args = dict(ues=1)
    args.update(bad)
    with pytest.raises(TypeError):
        nr.run_scenario(**args)


def test_failed_call_leaves_the_simulator_usable():
    with pytest.raises(ValueError):
        nr.run_scenario(ues=1, scs=1)
    assert nr.run_scenario(ues=1)["ues"][1]["active"]
