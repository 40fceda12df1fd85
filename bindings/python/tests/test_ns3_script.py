# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security from Python: the README's ns-3 Python script (the ```python block starting with
# "from ns import ns") runs as written, in a fresh interpreter and an empty folder, and its
# Python trace callback (SecurityActivated) prints one line per UE; the files the helper writes
# are there. Runs unchanged with Debian's 3.37 (our `ns` package), an ns-3 source tree's own
# bindings and the ns3 wheel's.

import os
import pathlib
import re
import subprocess
import sys

README = pathlib.Path(__file__).resolve().parents[3] / "README.md"


def script():
    text = README.read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```python\n(.*?)```", text, flags=re.S)
              if b.startswith("from ns import ns\n")]
    assert len(blocks) == 1, "the README has one ns-3 Python script"
    return blocks[0]


def test_example_is_the_readme_script():
    # examples/nr-security-python.py (test.py runs it in an ns-3 tree) is the README's script
    example = (README.parent / "examples" / "nr-security-python.py").read_text(encoding="utf-8")
    assert example.endswith("\n\n" + script()), "examples/nr-security-python.py != README"


def test_readme_ns3_script(tmp_path):
    path = tmp_path / "s.py"
    path.write_text(script(), encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [os.path.abspath(p) for p in (os.environ.get("NR_SECURITY_PYTHON_DIR"),
                                      env.get("PYTHONPATH")) if p])
    run = subprocess.run([sys.executable, str(path)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    # TS 33.501 5.11.1.1: the gNB picks the first of its priority list that the UE supports
    # (NEA2 here, NIA2 by default): one SecurityActivated per UE, from the Python callback
    assert sorted(run.stdout.splitlines()) == ["UE 1: NEA2/NIA2", "UE 2: NEA2/NIA2"], run.stdout
    assert (tmp_path / "traces.csv").stat().st_size > 0
    assert sorted(p.name for p in tmp_path.glob("*.pcap")) == ["gnb-1.pcap", "ue-1.pcap",
                                                              "ue-2.pcap"]


def test_create_object_both_spellings():
    # ns-3 3.37-3.41's bindings spell CreateObject<T>() as ns.CreateObject("T"), 3.42 and newer
    # (the C++ template) as ns.CreateObject["T"](); after `import nr_security` both work with
    # every `ns`, so the README's script runs unchanged everywhere
    import nr_security  # noqa: F401
    from ns import ns

    for helper in (ns.CreateObject["NrSecurityHelper"](), ns.CreateObject("NrSecurityHelper"),
                   ns.CreateObject["ns3::NrSecurityHelper"](),
                   ns.CreateObject("ns3::NrSecurityHelper")):
        assert str(helper.GetInstanceTypeId().GetName()) == "ns3::NrSecurityHelper"
        assert helper.GetReferenceCount() >= 1
