# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: loads the nr-security C++ library and its headers into the cppyy of ns-3's
# Python bindings (`from ns import ns`), once.
"""Finding and loading libnr-security into ns-3's cppyy.

Where `from ns import ns` works (an ns-3 source tree built with --enable-python-bindings, the
`ns3` wheel from PyPI, or, on Debian's installed ns-3 3.37, the `ns` package our build writes
into <build>/bindings/python), load() adds our headers and library to that cppyy and returns
the `ns` namespace (cppyy.gbl.ns3) with the NrSecurity* classes in it.

Where our library is, in this order:

1. the environment: NR_SECURITY_LIBRARY (path of the shared library) and
   NR_SECURITY_INCLUDE_DIR (the folder holding ns3/nr-security-module.h);
2. _build_paths.py next to this file, written by our CMake build (standalone builds, including
   the one against the ns3 wheel);
3. an ns-3 source tree: the lock file .lock-ns3_<platform>_build above the `ns` package names
   the build folder, whose lib/ holds libns<version>-nr-security<suffix>.so and include/ the
   headers (ns-3 >= 3.42 loads enabled contributed modules itself; then nothing is left to do).
"""

import glob
import os
import sys

_NS = None


def _has_nr_security(cppyy):
    try:
        return bool(cppyy.gbl.ns3.NrSecurityHelper)
    except AttributeError:
        return False


def _from_lock_file(ns_module_file):
    """(library, include dir) of an ns-3 source tree's in-tree build of nr-security, or None."""
    here = os.path.dirname(os.path.abspath(ns_module_file))
    lock = ".lock-ns3_%s_build" % sys.platform
    while True:
        if os.path.isfile(os.path.join(here, lock)):
            values = {}
            with open(os.path.join(here, lock), encoding="utf-8") as f:
                exec(f.read(), {}, values)
            out = values["out_dir"]
            for variant in ("lib", "lib64"):
                found = sorted(glob.glob(os.path.join(out, variant, "libns*-nr-security*.so")))
                found = [f for f in found if "-test" not in os.path.basename(f)]
                if found:
                    return found[0], os.path.join(out, "include")
            return None
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _locate(ns_module_file):
    library = os.environ.get("NR_SECURITY_LIBRARY")
    include = os.environ.get("NR_SECURITY_INCLUDE_DIR")
    if library and include:
        return library, include
    try:
        from . import _build_paths  # written by CMakeLists.txt

        return _build_paths.LIBRARY, _build_paths.INCLUDE_DIR
    except ImportError:
        pass
    found = _from_lock_file(ns_module_file)
    if found:
        return found
    raise ImportError(
        "nr_security: libnr-security not found: set NR_SECURITY_LIBRARY and "
        "NR_SECURITY_INCLUDE_DIR, or use the package from a build folder "
        "(<build>/bindings/python)"
    )


def load():
    """The ns-3 namespace (cppyy.gbl.ns3) with nr-security loaded into it.

    Imports ns-3's bindings (`from ns import ns`), then, unless they already hold our classes,
    includes ns3/nr-security-module.h and loads our library. Idempotent. Raises ImportError
    when ns-3's bindings or our library cannot be found.
    """
    global _NS
    if _NS is not None:
        return _NS
    import ns as ns_package
    from ns import ns

    cppyy = ns.cppyy
    if not _has_nr_security(cppyy):
        library, include = _locate(ns_package.__file__)
        if not os.path.isfile(os.path.join(include, "ns3", "nr-security-module.h")):
            raise ImportError(f"nr_security: {include}/ns3/nr-security-module.h does not exist")
        cppyy.add_include_path(include)
        cppyy.include("ns3/nr-security-module.h")
        cppyy.load_library(library)
    _define_support(cppyy)
    _add_create_object_spellings(ns)
    _NS = ns
    return ns


class _CreateObject:
    """ns.CreateObject in both of ns-3's Python spellings, so that one script runs with every
    ns-3: CreateObject["T"]() (the C++ template; all that ns-3 3.42 and newer have, and our
    package `ns` for Debian's 3.37) and CreateObject("T") (all that ns-3 3.37-3.41's own
    bindings have, a Python function of the class name)."""

    def __init__(self, template=None, by_name=None):
        self._template = template
        self._by_name = by_name

    def __getitem__(self, class_type):
        if self._template is not None:
            return self._template[class_type]
        name = class_type if isinstance(class_type, str) else class_type.__cpp_name__

        def create(*arguments):
            if arguments:
                raise TypeError("CreateObject: ns-3 3.37-3.41's Python CreateObject passes no "
                                "constructor arguments; set attributes after creation")
            return self._by_name(_without_ns3(name))

        return create

    def __call__(self, class_name):
        if self._by_name is not None:
            return self._by_name(_without_ns3(class_name))
        return self._template[class_name]()


def _without_ns3(name):
    """A class name without its ns3:: (ns-3 3.37-3.41's CreateObject writes `using namespace
    ns3;` code around it, and a qualified name there makes it exit)."""
    return name[len("ns3::"):] if name.startswith("ns3::") else name


def _add_create_object_spellings(ns):
    create = getattr(ns, "CreateObject", None)
    if create is None or isinstance(create, _CreateObject):
        return
    if type(create).__name__ == "function":
        setattr(ns, "CreateObject", _CreateObject(by_name=create))
    else:
        setattr(ns, "CreateObject", _CreateObject(template=create))


def _define_support(cppyy):
    """C++ helpers of the Python layer: Python callables as ns-3 callbacks."""
    if hasattr(cppyy.gbl, "nr_security_python"):
        return
    cppyy.cppdef(
        r"""
        namespace nr_security_python
        {
        // A Python callable (converted by cppyy to a std::function) behind an ns3::Callback:
        // ns3::MakeCallback binds a member function to this holder, which every ns-3 release
        // supports. The holder lives as long as the process (trace sinks usually do).
        template <typename... Args>
        struct Sink
        {
            std::function<void(Args...)> function;
            void Call(Args... args) { function(args...); }
        };

        template <typename... Args>
        ns3::Callback<void, Args...> MakeCallback(std::function<void(Args...)> f)
        {
            auto* sink = new Sink<Args...>{f};
            return ns3::MakeCallback(&Sink<Args...>::Call, sink);
        }
        } // namespace nr_security_python
        """
    )
