#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Runs one attack example (examples/attacks/) both ways and checks its outcome line.

Usage: nr-security-attack-test.py EXAMPLE_BINARY EXPECTED_JSON

Every attack example takes --mitigated (0: the vulnerable setting, the default; 1: the
mitigation or the compliant profile) and prints, as its last line,

    outcome: attack=<name> mitigated=<0|1> <key>=<value> <key>=<value> ...

EXPECTED_JSON maps "0" and "1" to the key/value pairs that line must carry, each compared
exactly as a string (counts, states, bytes recovered; see the attack's section in the doc).
Optional "args" (a list) is passed to both runs; optional "files" (a list of file names
relative to an --outputDir this script creates) must exist and be non-empty after the run.
The example must exit with status 0 both ways. Optional "refuse" (a list of argument lists):
each must be refused with exit status 2 and one line on stderr containing the example's name.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time


def parse_outcome(line):
    """Returns the key=value pairs of an outcome line as a dict (None if not one)."""
    if not line.startswith("outcome:"):
        return None
    pairs = {}
    for token in line[len("outcome:"):].split():
        if "=" not in token:
            return None
        key, value = token.split("=", 1)
        pairs[key] = value
    return pairs


def example_name(binary):
    """The example's name from its program file: ns-3 source trees add a release prefix and a
    build-profile suffix (ns3.37-nr-security-attack-alter-release), standalone builds neither."""
    name = os.path.basename(binary)
    name = re.sub(r"^ns3(\.[0-9]+|-dev)-", "", name)
    return re.sub(r"-(default|debug|release|optimized)$", "", name)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    binary, expected_path = sys.argv[1], sys.argv[2]
    with open(expected_path) as f:
        expected = json.load(f)
    failed = 0
    passed = 0
    for mitigated in ("0", "1"):
        want = expected[mitigated]
        with tempfile.TemporaryDirectory() as out:
            cmd = [binary, "--mitigated=" + mitigated]
            cmd += expected.get("args", [])
            if expected.get("files"):
                cmd.append("--outputDir=" + out)
            start = time.monotonic()
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
            seconds = time.monotonic() - start
            lines = [l for l in run.stdout.splitlines() if l.strip()]
            got = parse_outcome(lines[-1]) if lines else None
            problems = []
            if run.returncode != 0:
                problems.append("exit status %d" % run.returncode)
            if got is None:
                problems.append("the last line is not an outcome line")
                got = {}
            if got.get("mitigated") != mitigated:
                problems.append("mitigated=%s, expected %s" % (got.get("mitigated"), mitigated))
            for key, value in want.items():
                if got.get(key) != str(value):
                    problems.append("%s=%s, expected %s" % (key, got.get(key), value))
            for name in expected.get("files", []):
                path = os.path.join(out, name)
                if not os.path.isfile(path) or os.path.getsize(path) == 0:
                    problems.append("no file " + name)
            label = "%s --mitigated=%s (%.1f s)" % (os.path.basename(binary), mitigated, seconds)
            if problems:
                failed += 1
                print("FAIL " + label + ": " + "; ".join(problems))
                print("  last line: " + (lines[-1] if lines else "(no output)"))
                sys.stdout.write(run.stderr[-2000:])
            else:
                passed += 1
                print("PASS " + label + ": " + lines[-1])
    for args in expected.get("refuse", []):
        run = subprocess.run([binary] + args, capture_output=True, text=True, timeout=600)
        err = [l for l in run.stderr.splitlines() if l.strip()]
        label = "%s %s is refused" % (example_name(binary), " ".join(args))
        if run.returncode == 2 and len(err) == 1 and example_name(binary) in err[0]:
            passed += 1
            print("PASS " + label + ": " + err[0])
        else:
            failed += 1
            print("FAIL %s: exit status %d, stderr %r" % (label, run.returncode, run.stderr[-500:]))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
