#! /usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security in an ns-3 source tree: the examples test.py runs (exit status 0), besides the
# TestSuites. The calculator computes K_gNB from the TS 33.501 A.9 vector of test/data/kdf.json;
# the SMC example runs the procedure for three UEs (its files go to /tmp, not into the tree);
# nr-security-python.py is the README's ns-3 Python script, through the tree's own bindings.

# (name and arguments, run, run under valgrind)
cpp_examples = [
    (
        "nr-security-calc kgnb --kamf d655f16142035d4d72ca39583d228d2dd2ec0ca7929ad007f53b382d05544405 --ul-nas-count 0",
        "True",
        "False",
    ),
    ("nr-security-smc --ues=3 --outputDir=/tmp/nr-security-test-py-smc", "True", "False"),
]

# (name, run)
python_examples = [
    ("nr-security-python.py", "True"),
]
