#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""nr-security: the lab pack's answers (doc/lab/*.rst) are what its commands print.

    test/nr-security-lab-test.py SOURCE_DIR BUILD_DIR [EXERCISE.rst ...]

Every literal block of a lab page is marked by a comment just before it (a comment is invisible
in the HTML and Sphinx -W accepts it):

    .. lab-command

    .. code-block:: sh

       nr-security-calc kgnb --kamf ... --ul-nas-count 0

    .. lab-output

    .. code-block:: text

       0b4ff8ce...

Each page runs in a fresh temporary folder (HOME points into it, so no Wireshark profile of the
user's changes tshark's decoding), with BUILD_DIR/bin (or BUILD_DIR) first on PATH. Each command
block runs on its own in `bash -euo pipefail` and must exit 0; the lab-output block that follows
it, if any, must equal its standard output exactly, line by line (both without their common
indentation, trailing blanks and trailing empty lines, which the HTML page does not show). A
page fails when a code block has no marker, a marker no code block, a lab-output no command
before it, the page (other than index.rst) no command at all, or when a hexadecimal value of 8
or more digits (with both digits and letters a-f) written in its prose appears in none of its
blocks (a worked answer quoted in the text that the commands no longer print). A missing tool
(tshark, openssl, xxd, an example binary) is a failure, never a skip.

Exit status 0 when every page passes, 1 otherwise; the last line is "N passed, M failed".
"""

import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap

MARKER = re.compile(r"^\s*\.\. lab-(command|output)\s*$")
CODE_BLOCK = re.compile(r"^(\s*)\.\. code-block::\s*(\S*)\s*$")
# A hex value in the prose: 8+ hex digits, with decimal digits and letters a-f.
PROSE_HEX = re.compile(r"(?<![0-9A-Za-z_])(?:0x)?([0-9a-fA-F]{8,})(?![0-9A-Za-z_])")

# Tools the commands use; a lab machine without one of them fails the test (Debian 12:
# tshark, openssl, xxd; the examples come from BUILD_DIR).
TOOLS = ["bash", "tshark", "openssl", "xxd", "awk", "grep", "sed", "cut", "tr", "sort", "uniq"]
BINARIES = [
    "nr-security-smc",
    "nr-security-user-plane",
    "nr-security-calc",
    "nr-security-attack-replay",
    "nr-security-attack-alter",
]
COMMAND_TIMEOUT_S = 600


class Block:
    """One marked literal block of a lab page."""

    def __init__(self, kind, language, text, line):
        self.kind = kind  # "command" or "output"
        self.language = language
        self.text = text
        self.line = line  # 1-based line of its marker


def parse_page(path):
    """Returns (blocks, prose_lines, errors) of one .rst page."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    blocks, prose, errors = [], [], []
    i = 0
    pending = None  # (kind, line) of a marker waiting for its code block
    while i < len(lines):
        line = lines[i]
        if "\t" in line:
            errors.append(f"line {i + 1}: a tab (docutils expands it; answers would differ)")
        m = MARKER.match(line)
        if m:
            if pending:
                errors.append(f"line {pending[1]}: marker lab-{pending[0]} without a code block")
            pending = (m.group(1), i + 1)
            i += 1
            continue
        c = CODE_BLOCK.match(line)
        if c:
            outer = len(c.group(1))
            language = c.group(2)

            def inside(text):
                return len(text) - len(text.lstrip(" ")) > outer

            i += 1
            # options (":caption: ...") up to the blank line
            while i < len(lines) and lines[i].strip() and inside(lines[i]):
                i += 1
            body = []
            while i < len(lines) and (not lines[i].strip() or inside(lines[i])):
                body.append(lines[i])
                i += 1
            while body and not body[-1].strip():
                body.pop()
            while body and not body[0].strip():
                body.pop(0)
            indent = min((len(b) - len(b.lstrip(" ")) for b in body if b.strip()), default=0)
            text = "\n".join(b[indent:] for b in body)
            if not pending:
                errors.append(
                    f"line {i + 1 - len(body)}: code block without a lab-command/lab-output marker"
                )
            else:
                blocks.append(Block(pending[0], language, text, pending[1]))
                pending = None
            continue
        if line.rstrip().endswith("::") and not line.lstrip().startswith(".."):
            errors.append(f"line {i + 1}: literal block '::' (use a marked code-block)")
        if pending and line.strip():
            errors.append(
                f"line {pending[1]}: marker lab-{pending[0]} not followed by a code block"
            )
            pending = None
        if not line.lstrip().startswith(".."):
            prose.append(line)
        i += 1
    if pending:
        errors.append(f"line {pending[1]}: marker lab-{pending[0]} at the end of the page")
    previous = None
    for b in blocks:
        if b.kind == "output" and (previous is None or previous.kind != "command"):
            errors.append(f"line {b.line}: lab-output without a lab-command just before it")
        previous = b
    if os.path.basename(path) != "index.rst" and not any(b.kind == "command" for b in blocks):
        errors.append("no lab-command block")
    return blocks, prose, errors


def check_prose_hex(blocks, prose):
    """Hex values quoted in the prose must appear in the page's commands or outputs."""
    everything = "\n".join(b.text for b in blocks).lower()
    missing = []
    for line in prose:
        for m in PROSE_HEX.finditer(line):
            value = m.group(1)
            # a key, MAC-I or byte string: digits and letters (not a decimal number, not a word)
            if not any(ch.isdigit() for ch in value) or not any(ch.isalpha() for ch in value):
                continue
            if value.lower() not in everything:
                missing.append(value)
    return [f"the prose quotes {v}, which no block of the page shows" for v in missing]


def run_page(path, bin_dir, work):
    """Runs the page's commands in WORK; returns a list of failure messages."""
    blocks, prose, errors = parse_page(path)
    errors += check_prose_hex(blocks, prose)
    if errors:
        return errors
    home = os.path.join(work, ".home")
    os.makedirs(home, exist_ok=True)
    env = dict(os.environ)
    for var in ("WIRESHARK_CONFIG_DIR", "XDG_CONFIG_HOME", "NS_LOG", "NS_GLOBAL_VALUE"):
        env.pop(var, None)
    env.update(
        {
            "PATH": bin_dir + os.pathsep + env.get("PATH", ""),
            "HOME": home,
            "LC_ALL": "C",
            "TZ": "UTC",
        }
    )
    failures = []
    for index, b in enumerate(blocks):
        if b.kind != "command":
            continue
        try:
            r = subprocess.run(
                ["bash", "-euo", "pipefail", "-c", b.text],
                cwd=work,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                timeout=COMMAND_TIMEOUT_S,
            )
        except subprocess.TimeoutExpired:
            failures.append(f"line {b.line}: command timed out after {COMMAND_TIMEOUT_S} s")
            break
        if r.returncode != 0:
            failures.append(
                f"line {b.line}: command exited {r.returncode}\n{b.text}\n"
                f"stderr:\n{r.stderr[-2000:]}"
            )
            break  # later blocks depend on this one's files
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or following.kind != "output":
            continue
        # docutils removes a literal block's common indentation: so does the comparison.
        # Trailing blanks are invisible on the page: neither side keeps them.
        got = textwrap.dedent(r.stdout).rstrip("\n").split("\n") if r.stdout.strip() else []
        got = [g.rstrip() for g in got]
        want = [w.rstrip() for w in following.text.split("\n")] if following.text else []
        if got != want:
            diff = "\n".join(
                difflib.unified_diff(want, got, "lab-output (page)", "stdout (run)", lineterm="")
            )
            failures.append(f"line {following.line}: output differs\n{b.text}\n{diff}")
    return failures


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    source, build = argv[1], argv[2]
    lab = os.path.join(source, "doc", "lab")
    bin_dir = os.path.join(build, "bin")
    if not os.path.isdir(bin_dir):
        bin_dir = build
    problems = []
    for tool in TOOLS:
        if shutil.which(tool) is None:
            problems.append(
                f"{tool} not found on PATH (Debian 12: apt-get install tshark openssl xxd)"
            )
    for binary in BINARIES:
        if not os.access(os.path.join(bin_dir, binary), os.X_OK):
            problems.append(f"{binary} not built in {bin_dir}")
    if not os.path.isdir(lab):
        problems.append(f"no lab pack at {lab}")
    if problems:
        for p in problems:
            print("FAIL:", p)
        print("0 passed, 1 failed")
        return 1
    pages = sorted(p for p in os.listdir(lab) if p.endswith(".rst"))
    if argv[3:]:
        pages = [p for p in pages if p in argv[3:]]
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="nr-security-lab.") as tmp:
        for page in pages:
            work = os.path.join(tmp, page[: -len(".rst")])
            os.makedirs(work)
            failures = run_page(os.path.join(lab, page), bin_dir, work)
            if failures:
                failed += 1
                print(f"FAIL: doc/lab/{page}")
                for f in failures:
                    print("  " + f.replace("\n", "\n  "))
            else:
                passed += 1
                print(f"ok: doc/lab/{page}")
    if passed + failed == 0:
        print("FAIL: no page ran")
        failed = 1
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
