# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security Python bindings: the snippets of bindings/README.md that use nr_security (the
# ```python blocks starting with "import nr_security as nr") run as written.

import contextlib
import io
import pathlib
import re


README = pathlib.Path(__file__).resolve().parent.parent.parent / "README.md"


def snippets():
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    return [b for b in blocks if b.startswith("import nr_security as nr\n")]


def test_readme_has_the_two_snippets():
    found = snippets()
    assert len(found) == 2
    assert len(found[0].splitlines()) == 3  # K_gNB in three lines
    assert len(found[1].splitlines()) <= 10  # a 5-UE scenario in ten


def run(code):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(README), "exec"), {})
    return out.getvalue()


def test_kgnb_snippet():
    kgnb = "493a16c58b77b627fa3f1ac6344c183039f01ba0cb7636bbccc4365b023bd562"
    assert run(snippets()[0]) == kgnb + "\n"


def test_scenario_snippet():
    lines = run(snippets()[1]).splitlines()
    assert len(lines) == 10
    ue_line = r"UE [1-5]: NEA2/NIA2 active=True K_gNB=[0-9a-f]{64}"
    gnb_line = r" *[0-9.]+ ms  gNB: UE [1-5] NEA2/NIA2"
    assert all(re.fullmatch(ue_line, line) for line in lines[:5])
    assert all(re.fullmatch(gnb_line, line) for line in lines[5:])


TOP_README = README.parent.parent / "README.md"


def test_top_readme_relay_snippet():
    # the project README's man-in-the-middle relay with a Python interception callback
    # (run_relay_scenario): the one ```python block that calls it, run as written
    text = TOP_README.read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```python\n(.*?)```", text, flags=re.S)
              if "run_relay_scenario" in b]
    assert len(blocks) == 1
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(blocks[0], str(TOP_README), "exec"), {})
    assert out.getvalue().splitlines() == [
        "mitigated=False: 5 of 5 altered packets reached the server",
        "mitigated=True: 0 of 5 altered packets reached the server",
    ]
