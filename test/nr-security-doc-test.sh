#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: the Sphinx chapter (doc/) must build without a single warning.
#
# Builds doc/ (conf.py, index.rst, nr-security.rst) as HTML into a temporary directory with
# `sphinx -W --keep-going` (every warning is an error, all of them listed) and fails on a
# non-zero exit status or on any WARNING/ERROR/SEVERE line in Sphinx's output.
#
#   test/nr-security-doc-test.sh [DOC_DIR]
#
# DOC_DIR defaults to the doc/ directory next to this script's test/ directory. The Python
# interpreter is $SPHINX_PYTHON, default /usr/bin/python3 (Debian 12: python3-sphinx), not
# whatever python3 comes first on PATH. Exit status 0 on success, 1 on failure; the last line
# is "1 passed, 0 failed" or "0 passed, 1 failed".

set -u

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
doc_dir="${1:-$here/../doc}"
python="${SPHINX_PYTHON:-/usr/bin/python3}"

fail() {
    echo "FAIL: $*"
    echo "0 passed, 1 failed"
    exit 1
}

[ -f "$doc_dir/conf.py" ] || fail "no conf.py in $doc_dir"
[ -x "$python" ] || fail "$python not found (set SPHINX_PYTHON)"
"$python" -c 'import sphinx' 2>/dev/null \
    || fail "Sphinx is not importable by $python (Debian: apt-get install python3-sphinx)"

out="$(mktemp -d "${TMPDIR:-/tmp}/nr-security-doc.XXXXXX")" || fail "mktemp failed"
trap 'rm -rf "$out"' EXIT

# -E: fresh environment (no pickled state); -d keeps the doctrees out of the source tree.
log="$out/sphinx.log"
"$python" -m sphinx -W --keep-going -E -q -b html -d "$out/doctrees" "$doc_dir" "$out/html" \
    >"$log" 2>&1
status=$?

if grep -Eq 'WARNING|ERROR|SEVERE' "$log"; then
    cat "$log"
    fail "Sphinx reported warnings (status $status)"
fi
if [ "$status" -ne 0 ]; then
    cat "$log"
    fail "Sphinx exited with status $status"
fi
for page in index.html nr-security.html; do
    [ -s "$out/html/$page" ] || fail "$page was not written"
done

echo "PASS: $doc_dir builds without warnings (Sphinx $("$python" -c 'import sphinx; print(sphinx.__version__)'))"
echo "1 passed, 0 failed"
exit 0
