# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: `from ns import ns` for an installed ns-3 that has no Python bindings (Debian
# 12's libns3-dev 3.37). bindings/python/CMakeLists.txt writes this file into
# <build>/bindings/python/ns/__init__.py with a last line that calls _load() with the ns-3
# version, its include folder and the libraries of the modules nr-security uses.
"""ns-3 in Python through cppyy, in the shape ns-3's own bindings have (`from ns import ns`).

`ns` is cppyy.gbl.ns3: every class of the loaded ns-3 modules (core, network, bridge,
traffic-control, stats, mobility, propagation, internet, virtual-net-device, point-to-point,
applications), e.g. ns.Simulator, ns.NodeContainer, ns.Seconds; ns.cppyy is cppyy itself.
`import nr_security` then adds the NrSecurity* classes.
"""

import os

import cppyy


def _load(version, include_dirs, libraries):
    """Loads the modules' headers and libraries into cppyy; returns cppyy.gbl.ns3.

    version: the ns-3 version ("3.37"). include_dirs: ";"-separated folders holding
    ns3/<module>-module.h. libraries: (module, path of its shared library) pairs, dependencies
    first.
    """
    # the folders that hold ns-3's headers (the rest of ns-3's interface include list, e.g.
    # libxml2's, is for modules not loaded here)
    for folder in dict.fromkeys(d for d in include_dirs.split(";") if d):
        if os.path.isdir(os.path.join(folder, "ns3")):
            cppyy.add_include_path(folder)
    # ns-3's own bindings register Ptr<T> as a smart pointer: p.Method() calls T::Method
    import libcppyy

    libcppyy.AddSmartPtrType("Ptr")
    for module, _ in libraries:
        cppyy.include(f"ns3/{module}-module.h")
    for _, path in libraries:
        cppyy.load_library(path)
    ns3 = cppyy.gbl.ns3
    setattr(ns3, "cppyy", cppyy)
    setattr(ns3, "__version__", version)
    # A Node belongs to ns-3's NodeList until Simulator::Destroy: a Python reference going away
    # must not delete it (ns-3's own bindings keep such nodes alive the same way).
    ns3.__nr_security_kept_nodes = []

    def _keep_node(node):
        ns3.__nr_security_kept_nodes.append(node)

    ns3.Node.__del__ = _keep_node
    return ns3


# the generated call follows: ns = _load(...)
