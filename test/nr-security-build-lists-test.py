#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Consistency of the build lists of nr-security (no build needed).

Usage: nr-security-build-lists-test.py PROJECT_SOURCE_DIR

Checks, reading the files rather than guessing:
  * CMakeLists.txt's NR_SECURITY_SOURCES / NR_SECURITY_HEADERS / NR_SECURITY_TEST_SOURCES
    (parsed with a small CMake-language tokenizer) equal, as sets and without duplicates, the
    wscript lists module.source / headers.source / module_test.source (parsed with Python's
    ast module: the objects made by bld.create_ns3_module, bld(features='ns3header') and
    bld.create_ns3_module_test_library); missing/extra files are listed per side;
  * every listed file exists, and has the right kind (.cc sources, .h headers, test/*.cc tests);
  * every .cc / .h under model/ and helper/ is listed (but the compatibility header, which is
    never installed), and every test/*.cc is in the test list
    unless it is a program of its own (it has main(): the test runner and the standalone test
    programs), which must not be in the list and must be built by an add_executable;
  * every TestSuite("name") of the test sources is in NR_SECURITY_TEST_SUITES and back;
  * examples/CMakeLists.txt (in-tree, build_lib_example) builds the same example programs from
    the same sources as the standalone branch's add_executable(... examples/*.cc), every
    examples/*.cc is built, and wscript's create_ns3_program examples agree.

Each check prints PASS or FAIL; the last line is "N passed, M failed"; exit status 1 if
anything failed (2 on bad usage).
"""
import ast
import os
import re
import sys

LISTS = ("NR_SECURITY_SOURCES", "NR_SECURITY_HEADERS", "NR_SECURITY_TEST_SOURCES")
WSCRIPT_OF = {  # CMake list -> the wscript object whose .source holds it
    "NR_SECURITY_SOURCES": "module",
    "NR_SECURITY_HEADERS": "headers",
    "NR_SECURITY_TEST_SOURCES": "module_test",
}

# Headers included by relative path only, never installed: the ns-3 compatibility header needs
# NR_SECURITY_NS3_VERSION, which cppyy (parsing the installed headers) does not have.
PRIVATE_HEADERS = {"model/compat/nr-security-ns3-compat.h"}

passed = failed = 0


def check(what, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"PASS {what}")
    else:
        failed += 1
        print(f"FAIL {what}" + (f": {detail}" if detail else ""))
    return ok


def fmt(items):
    return ", ".join(sorted(items)) if items else "(none)"


# ------------------------------------------------------------------------------------------
# A small tokenizer for the CMake language: command invocations with their arguments, with
# line comments, bracket comments, bracket/quoted/unquoted arguments and nested parentheses.
# ------------------------------------------------------------------------------------------
class CMakeParseError(Exception):
    pass


_BRACKET_OPEN = re.compile(r"\[(=*)\[")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _skip_bracket(text, i, line):
    """text[i:] starts with [=*[ : return the index after the matching ]=*] and the content."""
    m = _BRACKET_OPEN.match(text, i)
    close = "]" + m.group(1) + "]"
    end = text.find(close, m.end())
    if end < 0:
        raise CMakeParseError(f"line {line}: unterminated bracket argument/comment")
    content = text[m.end():end]
    if content.startswith("\n"):
        content = content[1:]
    return end + len(close), content


def parse_cmake(text):
    """Return a list of (name_lower, [(arg, quoted)], line) command invocations, in order."""
    cmds = []
    i, n, line = 0, len(text), 1
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif c in " \t\r":
            i += 1
        elif c == "#":
            if _BRACKET_OPEN.match(text, i + 1):
                j, content = _skip_bracket(text, i + 1, line)
                line += text.count("\n", i, j)
                i = j
            else:
                j = text.find("\n", i)
                i = n if j < 0 else j
        else:
            m = _IDENT.match(text, i)
            if not m:
                raise CMakeParseError(f"line {line}: unexpected {c!r} outside a command")
            name, start_line = m.group(0), line
            i = m.end()
            while i < n and text[i] in " \t":
                i += 1
            if i >= n or text[i] != "(":
                raise CMakeParseError(f"line {line}: command {name} without '('")
            i += 1
            args, depth = [], 0
            while True:
                if i >= n:
                    raise CMakeParseError(f"line {start_line}: unterminated {name}(")
                c = text[i]
                if c == "\n":
                    line += 1
                    i += 1
                elif c in " \t\r":
                    i += 1
                elif c == "#":
                    if _BRACKET_OPEN.match(text, i + 1):
                        j, _ = _skip_bracket(text, i + 1, line)
                        line += text.count("\n", i, j)
                        i = j
                    else:
                        j = text.find("\n", i)
                        i = n if j < 0 else j
                elif c == "(":
                    depth += 1
                    args.append(("(", False))
                    i += 1
                elif c == ")":
                    if depth == 0:
                        i += 1
                        break
                    depth -= 1
                    args.append((")", False))
                    i += 1
                elif c == "[" and _BRACKET_OPEN.match(text, i):
                    j, content = _skip_bracket(text, i, line)
                    line += text.count("\n", i, j)
                    args.append((content, True))
                    i = j
                elif c == '"':
                    j, buf = i + 1, []
                    while True:
                        if j >= n:
                            raise CMakeParseError(f"line {line}: unterminated quoted argument")
                        d = text[j]
                        if d == "\\" and j + 1 < n:
                            e = text[j + 1]
                            if e == "\n":  # line continuation
                                line += 1
                            else:
                                buf.append({"n": "\n", "t": "\t", "r": "\r", ";": "\\;"}.get(e, e))
                            j += 2
                            continue
                        if d == '"':
                            break
                        if d == "\n":
                            line += 1
                        buf.append(d)
                        j += 1
                    args.append(("".join(buf), True))
                    i = j + 1
                else:
                    j, buf = i, []
                    while j < n and text[j] not in ' \t\r\n()#"':
                        if text[j] == "\\" and j + 1 < n:
                            buf.append(text[j:j + 2] if text[j + 1] == ";" else text[j + 1])
                            j += 2
                        else:
                            buf.append(text[j])
                            j += 1
                    args.append(("".join(buf), False))
                    i = j
            cmds.append((name.lower(), args, start_line))
    return cmds


def split_list(value):
    """CMake list splitting on unescaped ';' (empty elements dropped, as in set/foreach)."""
    out, cur, i = [], [], 0
    while i < len(value):
        if value[i] == "\\" and value[i + 1:i + 2] == ";":
            cur.append(";")
            i += 2
        elif value[i] == ";":
            out.append("".join(cur))
            cur = []
            i += 1
        else:
            cur.append(value[i])
            i += 1
    out.append("".join(cur))
    return [x for x in out if x != ""]


def arg_values(args):
    """Arguments as CMake would pass them to a command (unquoted ones split on ';')."""
    out = []
    for a, quoted in args:
        if quoted:
            out.append(a)
        else:
            out.extend(split_list(a))
    return out


BLOCK_OPEN = {"if": "endif", "foreach": "endforeach", "while": "endwhile",
              "function": "endfunction", "macro": "endmacro", "block": "endblock"}
BLOCK_CLOSE = set(BLOCK_OPEN.values())


def with_context(cmds):
    """Yield (name, args, line, stack) where stack is the list of enclosing block openers."""
    stack = []
    for name, args, line in cmds:
        if name in BLOCK_CLOSE:
            if stack:
                stack.pop()
            yield name, args, line, list(stack)
            continue
        yield name, args, line, list(stack)
        if name in BLOCK_OPEN:
            stack.append((name, " ".join(a for a, _ in args), line))


def cmake_lists(cmds, names):
    """Evaluate set()/list(APPEND) of the given variables; returns (values, problems)."""
    values, problems = {}, []
    for name, args, line, stack in with_context(cmds):
        vals = arg_values(args)
        if name == "set" and vals and vals[0] in names:
            var, items = vals[0], vals[1:]
        elif name == "list" and len(vals) >= 2 and vals[1] in names:
            if vals[0].upper() != "APPEND":
                problems.append(f"line {line}: list({vals[0]} {vals[1]} ...) is not evaluated")
                continue
            var, items = vals[1], values.get(vals[1], []) + vals[2:]
        else:
            continue
        if stack:
            problems.append(f"line {line}: {var} is modified inside "
                            + " / ".join(f"{k}({c}) at line {l}" for k, c, l in stack))
        if any(x in ("PARENT_SCOPE", "CACHE") for x in items):
            problems.append(f"line {line}: {var} uses PARENT_SCOPE/CACHE")
        for x in items:
            if "${" in x or "$<" in x or "$ENV{" in x:
                problems.append(f"line {line}: {var} element {x!r} is not a plain file name")
        values[var] = items
    for v in names:
        if v not in values:
            problems.append(f"{v} is never set")
    return values, problems


def expand_refs(items, known):
    out = []
    for x in items:
        m = re.fullmatch(r"\$\{([A-Za-z0-9_.+-]+)\}", x)
        if m and m.group(1) in known:
            out.extend(known[m.group(1)])
        else:
            out.append(x)
    return out


def parse_keyword_args(vals, one, multi, options=()):
    """cmake_parse_arguments for checking in Python: returns (dict, unparsed)."""
    res, unparsed, cur = {}, [], None
    for v in vals:
        if v in one or v in multi:
            cur = v
            res.setdefault(v, [])
        elif v in options:
            res[v] = True
            cur = None
        elif cur is None:
            unparsed.append(v)
        else:
            if cur in one and res[cur]:
                unparsed.append(v)
            else:
                res[cur].append(v)
    return res, unparsed


# ------------------------------------------------------------------------------------------
# wscript, with the ast module
# ------------------------------------------------------------------------------------------
class WscriptError(Exception):
    pass


def _literal_files(node, what):
    try:
        v = ast.literal_eval(node)
    except ValueError:
        raise WscriptError(f"line {node.lineno}: {what} is not a literal list of strings")
    if isinstance(v, str):
        return v.split()
    if isinstance(v, (list, tuple)) and all(isinstance(x, str) for x in v):
        return list(v)
    raise WscriptError(f"line {node.lineno}: {what} is not a literal list of strings")


def _walk_statements(body):
    for st in body:
        yield st
        for field in ("body", "orelse", "finalbody", "handlers"):
            sub = getattr(st, field, None)
            if isinstance(sub, list):
                yield from _walk_statements(sub)


def parse_wscript(text):
    """Returns (lists, programs): lists = {'module': [...], 'module_test': [...],
    'headers': [...]}, programs = {name: [sources]}."""
    tree = ast.parse(text)
    build = [f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name == "build"]
    if len(build) != 1:
        raise WscriptError("no (single) top-level def build(bld)")
    build = build[0]
    if not build.args.args:
        raise WscriptError("build() takes no argument")
    bld = build.args.args[0].arg

    kind_of = {}  # variable name -> 'module' | 'module_test' | 'headers' | ('program', name)
    lists = {}
    programs = {}

    def call_kind(call):
        f = call.func
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == bld:
            if f.attr == "create_ns3_module":
                return "module"
            if f.attr == "create_ns3_module_test_library":
                return "module_test"
            if f.attr == "create_ns3_program":
                if not call.args:
                    raise WscriptError(f"line {call.lineno}: create_ns3_program without a name")
                return ("program", ast.literal_eval(call.args[0]))
        if isinstance(f, ast.Name) and f.id == bld:
            for kw in call.keywords:
                if kw.arg == "features":
                    try:
                        feats = ast.literal_eval(kw.value)
                    except ValueError:
                        continue
                    feats = feats.split() if isinstance(feats, str) else list(feats)
                    if "ns3header" in feats:
                        return "headers"
        return None

    def add(var, files, line, replace):
        kind = kind_of.get(var)
        if kind is None:
            # fall back on the conventional names if the object's creation was not recognised
            kind = var if var in ("module", "module_test", "headers") else None
        if kind is None:
            return
        if isinstance(kind, tuple):
            prev = programs.get(kind[1], [])
            programs[kind[1]] = files if replace else prev + files
        else:
            prev = lists.get(kind, [])
            lists[kind] = files if replace else prev + files

    for st in _walk_statements(build.body):
        if isinstance(st, ast.Assign) and isinstance(st.value, ast.Call):
            k = call_kind(st.value)
            if k is not None:
                for t in st.targets:
                    if isinstance(t, ast.Name):
                        if k in ("module", "module_test", "headers") and k in kind_of.values():
                            raise WscriptError(f"line {st.lineno}: a second {k} object")
                        kind_of[t.id] = k
        # x.source = [...]
        if isinstance(st, ast.Assign):
            for t in st.targets:
                if (isinstance(t, ast.Attribute) and t.attr == "source"
                        and isinstance(t.value, ast.Name)):
                    add(t.value.id, _literal_files(st.value, f"{t.value.id}.source"),
                        st.lineno, True)
        # x.source += [...]
        if (isinstance(st, ast.AugAssign) and isinstance(st.op, ast.Add)
                and isinstance(st.target, ast.Attribute) and st.target.attr == "source"
                and isinstance(st.target.value, ast.Name)):
            add(st.target.value.id, _literal_files(st.value, f"{st.target.value.id}.source"),
                st.lineno, False)
        # x.source.extend([...]) / x.source.append('...')
        if isinstance(st, ast.Expr) and isinstance(st.value, ast.Call):
            f = st.value.func
            if (isinstance(f, ast.Attribute) and f.attr in ("extend", "append")
                    and isinstance(f.value, ast.Attribute) and f.value.attr == "source"
                    and isinstance(f.value.value, ast.Name) and st.value.args):
                add(f.value.value.id,
                    _literal_files(st.value.args[0], f"{f.value.value.id}.source.{f.attr}()"),
                    st.lineno, False)
    for k in ("module", "module_test", "headers"):
        if k not in lists:
            raise WscriptError(f"no {k}.source assignment found in build()")
    return lists, programs


# ------------------------------------------------------------------------------------------
# C++: does a file define main()?
# ------------------------------------------------------------------------------------------
def strip_cxx_comments_and_strings(src):
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            i = n if j < 0 else j + 2
            out.append(" ")
        elif c == '"' or c == "'":
            m = re.match(r'R"([^(\s]*)\(', src[i:]) if c == '"' and i and src[i - 1] == "R" else None
            if m:
                end = src.find(")" + m.group(1) + '"', i)
                i = n if end < 0 else end + len(m.group(1)) + 2
            else:
                j = i + 1
                while j < n and src[j] != c:
                    j += 2 if src[j] == "\\" else 1
                i = j + 1
            out.append('""')
        else:
            out.append(c)
            i += 1
    return "".join(out)


MAIN_RE = re.compile(r"\bint\s+main\s*\(|\bmain\s*\(\s*int\b")


def has_main(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return bool(MAIN_RE.search(strip_cxx_comments_and_strings(f.read())))


# ------------------------------------------------------------------------------------------
def main():
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        print("usage: nr-security-build-lists-test.py PROJECT_SOURCE_DIR", file=sys.stderr)
        return 2
    root = os.path.abspath(sys.argv[1])

    def rel_exists(p):
        return os.path.isfile(os.path.join(root, p))

    # --- CMakeLists.txt ---------------------------------------------------------------------
    cm = {}
    cmds = []
    try:
        with open(os.path.join(root, "CMakeLists.txt"), encoding="utf-8") as f:
            cmds = parse_cmake(f.read())
        cm, problems = cmake_lists(cmds, LISTS + ("NR_SECURITY_TEST_SUITES",))
        check("CMakeLists.txt: the lists are plain set()s of file names", not problems,
              "; ".join(problems))
    except (OSError, CMakeParseError) as e:
        check("CMakeLists.txt parses", False, str(e))

    # --- wscript ----------------------------------------------------------------------------
    ws, ws_programs = {}, {}
    try:
        with open(os.path.join(root, "wscript"), encoding="utf-8") as f:
            ws, ws_programs = parse_wscript(f.read())
        check("wscript: module.source, headers.source, module_test.source found", True)
    except (OSError, SyntaxError, WscriptError, ValueError) as e:
        check("wscript parses", False, str(e))

    # --- the three lists: no duplicates, CMake == wscript, files exist, right kind -----------
    for var in LISTS:
        c_list = cm.get(var)
        w_list = ws.get(WSCRIPT_OF[var])
        wname = f"wscript {WSCRIPT_OF[var]}.source"
        if c_list is not None:
            dups = {x for x in c_list if c_list.count(x) > 1}
            check(f"{var}: no duplicates", not dups, fmt(dups))
        if w_list is not None:
            dups = {x for x in w_list if w_list.count(x) > 1}
            check(f"{wname}: no duplicates", not dups, fmt(dups))
        if c_list is not None and w_list is not None:
            only_c = set(c_list) - set(w_list)
            only_w = set(w_list) - set(c_list)
            check(f"{var} == {wname}", not only_c and not only_w,
                  f"missing from wscript: {fmt(only_c)}; extra in wscript (missing from "
                  f"CMakeLists.txt): {fmt(only_w)}")
        listed = set(c_list or []) | set(w_list or [])
        if listed:
            missing = {p for p in listed if not rel_exists(p)}
            check(f"{var}: every listed file exists", not missing, fmt(missing))
            if var == "NR_SECURITY_SOURCES":
                bad = {p for p in listed if not p.endswith(".cc")}
            elif var == "NR_SECURITY_HEADERS":
                bad = {p for p in listed if not p.endswith(".h")}
            else:
                bad = {p for p in listed if not (p.startswith("test/") and p.endswith(".cc"))}
            check(f"{var}: every entry has the right kind", not bad, fmt(bad))

    sources = set(cm.get("NR_SECURITY_SOURCES", [])) | set(ws.get("module", []))
    headers = set(cm.get("NR_SECURITY_HEADERS", [])) | set(ws.get("headers", []))
    tests_c = set(cm.get("NR_SECURITY_TEST_SOURCES", []))
    tests = tests_c | set(ws.get("module_test", []))

    # --- every .cc/.h under model/ and helper/ is listed --------------------------------------
    for d in ("model", "helper"):
        found_cc, found_h = set(), set()
        for dirpath, _, files in os.walk(os.path.join(root, d)):
            for fn in files:
                rel = os.path.relpath(os.path.join(dirpath, fn), root).replace(os.sep, "/")
                if fn.endswith(".cc"):
                    found_cc.add(rel)
                elif fn.endswith(".h"):
                    found_h.add(rel)
        check(f"every {d}/**/*.cc is in NR_SECURITY_SOURCES", found_cc <= sources,
              fmt(found_cc - sources))
        check(f"every {d}/**/*.h is in NR_SECURITY_HEADERS", found_h - PRIVATE_HEADERS <= headers,
              fmt(found_h - PRIVATE_HEADERS - headers))
    check("the ns-3 compatibility header is not installed (not in NR_SECURITY_HEADERS/wscript)",
          not PRIVATE_HEADERS & headers, fmt(PRIVATE_HEADERS & headers))

    # --- tests: every test/*.cc without main() is listed; programs are not -------------------
    test_dir = os.path.join(root, "test")
    test_cc = sorted("test/" + fn for fn in os.listdir(test_dir) if fn.endswith(".cc")) \
        if os.path.isdir(test_dir) else []
    programs_in_test = {p for p in test_cc if has_main(os.path.join(root, p))}
    suites_files = set(test_cc) - programs_in_test
    check("every test/*.cc without main() is in the test list", suites_files <= tests,
          fmt(suites_files - tests))
    check("no program with main() (runner, standalone test programs) is in the test list",
          not (programs_in_test & tests), fmt(programs_in_test & tests))

    # --- standalone add_executable()s ---------------------------------------------------------
    known = {k: v for k, v in cm.items()}
    executables = {}  # name -> sources (standalone branch)
    for name, args, line, stack in with_context(cmds):
        if name == "add_executable":
            vals = arg_values(args)
            if vals:
                srcs = [s for s in expand_refs(vals[1:], known)
                        if s not in ("WIN32", "MACOSX_BUNDLE", "EXCLUDE_FROM_ALL")]
                inside_build_lib = any(k == "if" and "build_lib" in c for k, c, _ in stack)
                if not inside_build_lib:
                    executables[vals[0]] = srcs
    built_files = {s for srcs in executables.values() for s in srcs}
    check("every test program with main() is built by an add_executable in CMakeLists.txt",
          programs_in_test <= built_files, fmt(programs_in_test - built_files))

    # --- TestSuite names vs NR_SECURITY_TEST_SUITES ------------------------------------------
    suite_re = re.compile(r'\bTestSuite\s*\(\s*"([^"]+)"')
    declared = {}
    for p in sorted(tests):
        if rel_exists(p):
            with open(os.path.join(root, p), encoding="utf-8", errors="replace") as f:
                for s in suite_re.findall(f.read()):
                    declared[s] = p
    run_suites = set(cm.get("NR_SECURITY_TEST_SUITES", []))
    check("every TestSuite of the test sources is run by ctest (NR_SECURITY_TEST_SUITES)",
          set(declared) <= run_suites,
          fmt(f"{s} ({declared[s]})" for s in set(declared) - run_suites))
    check("every NR_SECURITY_TEST_SUITES entry is a TestSuite of the test sources",
          run_suites <= set(declared), fmt(run_suites - set(declared)))

    # --- examples: in-tree examples/CMakeLists.txt vs standalone add_executable ---------------
    standalone_ex = {n: sorted(s) for n, s in executables.items()
                     if any(x.startswith("examples/") and x.endswith(".cc") for x in s)}
    intree_ex = {}
    ex_path = os.path.join(root, "examples", "CMakeLists.txt")
    try:
        with open(ex_path, encoding="utf-8") as f:
            ex_cmds = parse_cmake(f.read())
        problems = []
        for name, args, line, stack in with_context(ex_cmds):
            if name != "build_lib_example":
                continue
            kw, unparsed = parse_keyword_args(
                arg_values(args), ("NAME",), ("SOURCE_FILES", "HEADER_FILES", "LIBRARIES_TO_LINK"),
                ("IGNORE_PCH",))
            if unparsed or not kw.get("NAME"):
                problems.append(f"line {line}: build_lib_example without NAME or with "
                                f"unknown arguments {unparsed}")
                continue
            exname = kw["NAME"][0]
            if exname in intree_ex:
                problems.append(f"line {line}: example {exname} declared twice")
            intree_ex[exname] = sorted("examples/" + s for s in kw.get("SOURCE_FILES", []))
        check("examples/CMakeLists.txt: build_lib_example calls are well formed", not problems,
              "; ".join(problems))
    except (OSError, CMakeParseError) as e:
        check("examples/CMakeLists.txt parses", False, str(e))

    check("in-tree and standalone build the same example programs",
          set(intree_ex) == set(standalone_ex),
          f"standalone only: {fmt(set(standalone_ex) - set(intree_ex))}; "
          f"in-tree only: {fmt(set(intree_ex) - set(standalone_ex))}")
    for exname in sorted(set(intree_ex) & set(standalone_ex)):
        check(f"example {exname}: same sources in-tree and standalone",
              intree_ex[exname] == standalone_ex[exname],
              f"in-tree {intree_ex[exname]}, standalone {standalone_ex[exname]}")
    ex_dir = os.path.join(root, "examples")
    ex_cc = {"examples/" + fn for fn in os.listdir(ex_dir) if fn.endswith(".cc")} \
        if os.path.isdir(ex_dir) else set()
    all_intree = {s for v in intree_ex.values() for s in v}
    all_standalone = {s for v in standalone_ex.values() for s in v}
    check("every examples/*.cc is built in-tree", ex_cc <= all_intree, fmt(ex_cc - all_intree))
    check("every examples/*.cc is built standalone", ex_cc <= all_standalone,
          fmt(ex_cc - all_standalone))
    missing = {s for s in all_intree | all_standalone if not rel_exists(s)}
    check("every example source exists", not missing, fmt(missing))
    if ws:
        ws_ex = {n: sorted(s) for n, s in ws_programs.items()}
        check("wscript builds the same example programs (create_ns3_program)",
              ws_ex == standalone_ex,
              f"wscript {ws_ex}, standalone CMake {standalone_ex}")

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
