#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The layers of nr-security include only downward (DESIGN.md, "Layers and folders").

Usage: nr-security-layers-test.py PROJECT_SOURCE_DIR

Each folder may include its own headers and those of the folders below it:

    model/crypto     nothing of ours (pure C++, no ns-3 types in its API)
    model/pdcp       crypto
    model/core       crypto
    model/rrc        pdcp, core, crypto
    model/air        rrc, core, pdcp, crypto
    model/adversary  air and everything below it
    helper           all of model (and itself)

Nothing in model/ includes helper/ or the generated ns3/nr-security-module.h. An include of
one of our headers is "X.h" for a header in the same folder and "ns3/X.h" otherwise (a plain
"X.h" of another folder only compiles by accident). Headers of ns-3 and the system are not
ours and are not checked here.

The script also checks itself: on a copy of the tree with a deliberate upward include (crypto
-> pdcp, and model -> helper) it must report a failure, so that a broken checker cannot pass
silently. Each check prints PASS or FAIL; the last line is "N passed, M failed"; exit status 1
if anything failed (2 on bad usage).
"""
import os
import re
import shutil
import sys
import tempfile

# folder -> the folders it may include besides itself
ALLOWED = {
    "model/compat": set(),  # the ns-3 compatibility header: below everything, for every layer
    "model/crypto": set(),
    "model/pdcp": {"model/crypto"},
    "model/core": {"model/crypto"},
    "model/rrc": {"model/pdcp", "model/core", "model/crypto"},
    "model/air": {"model/rrc", "model/core", "model/pdcp", "model/crypto"},
    "model/adversary": {"model/air", "model/rrc", "model/core", "model/pdcp", "model/crypto"},
    "helper": {"model/adversary", "model/air", "model/rrc", "model/core", "model/pdcp",
               "model/crypto"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def folder_of(rel):
    """The layer folder of a file path relative to the project ('model/pdcp', 'helper')."""
    parts = rel.split("/")
    if parts[0] == "model":
        return "/".join(parts[:2]) if len(parts) > 2 else "model"
    return parts[0]


def violations(root):
    """All include-rule violations of the tree at root, as printable strings."""
    headers = {}  # basename -> folder
    files = []
    for top in ("model", "helper"):
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            for fn in names:
                if fn.endswith((".h", ".cc")):
                    rel = os.path.relpath(os.path.join(dirpath, fn), root).replace(os.sep, "/")
                    files.append(rel)
                    if fn.endswith(".h"):
                        headers[fn] = folder_of(rel)
    found = []
    for rel in sorted(files):
        here = folder_of(rel)
        if here not in ALLOWED:
            found.append(f"{rel}: folder {here} is not a layer of DESIGN.md")
            continue
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            text = f.read()
        for m in INCLUDE.finditer(text):
            inc = m.group(1)
            line = text.count("\n", 0, m.start()) + 1
            name = inc[len("ns3/"):] if inc.startswith("ns3/") else inc
            if name == "nr-security-module.h":
                if here.startswith("model"):
                    found.append(f"{rel}:{line}: model includes the module header {inc}")
                continue
            if name not in headers and os.path.basename(name) in headers:
                name = os.path.basename(name)  # a relative path, e.g. "../compat/..."
            if name not in headers:
                continue  # ns-3 or system header
            there = headers[name]
            # the compatibility header is not installed (cppyy must not need its define):
            # it is the one header included by a relative path
            if there == "model/compat":
                continue
            if there != here and not inc.startswith("ns3/"):
                found.append(f'{rel}:{line}: "{inc}" is in {there}: write "ns3/{name}"')
            if there != here and there not in ALLOWED[here]:
                found.append(f"{rel}:{line}: {here} must not include {there} ({inc})")
    return found


def main():
    if len(sys.argv) != 2 or not os.path.isdir(os.path.join(sys.argv[1], "model")):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    root = sys.argv[1]
    passed = failed = 0

    def check(what, ok, detail=""):
        nonlocal passed, failed
        passed += ok
        failed += not ok
        print(("PASS " if ok else "FAIL ") + what + (f":\n  {detail}" if detail and not ok else ""))

    for layer in sorted(ALLOWED):
        present = os.path.isdir(os.path.join(root, layer))
        if layer == "model/adversary" and not present:
            continue
        check(f"layer folder {layer} exists", present)
    v = violations(root)
    check("every include of model/ and helper/ goes downward", not v, "\n  ".join(v))

    # The checker must catch a deliberate upward include.
    for victim, upward in (("model/crypto/nr-security-kdf.h", "ns3/nr-security-pdcp.h"),
                           ("model/pdcp/nr-security-pdcp.cc", "ns3/nr-security-helper.h"),
                           ("model/rrc/nr-security-rrc.h", "nr-security-kdf.h")):
        with tempfile.TemporaryDirectory() as tmp:
            for top in ("model", "helper"):
                shutil.copytree(os.path.join(root, top), os.path.join(tmp, top))
            with open(os.path.join(tmp, victim), "a", encoding="utf-8") as f:
                f.write(f'\n#include "{upward}"\n')
            caught = any(victim in x for x in violations(tmp))
            check(f'self-test: #include "{upward}" in {victim} is reported', caught)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
