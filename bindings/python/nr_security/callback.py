# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: Python functions as ns-3 callbacks (trace sinks).
"""Python functions as ns-3 callbacks, for trace sources (TracedCallback) of any ns-3 object.

ns-3's Callback is not a std::function, so cppyy cannot pass a Python function where a
Callback is expected; make_callback wraps it (a C++ holder whose member function calls the
Python function, bound with ns3::MakeCallback: every ns-3 release has that form).
"""

from ._loader import load as _load


def make_callback(function, *argument_types):
    """An ns3::Callback<void, argument_types...> that calls function.

    function: a Python callable taking as many arguments as the trace source passes.
    argument_types: the C++ types of the trace source's arguments, as strings, exactly as the
    source's Callback signature has them, e.g. "uint32_t", "const std::string&".
    Returns the ns3::Callback; keep it (or the trace connection) for as long as it is needed.
    Raises TypeError when cppyy cannot convert function to that signature.
    """
    ns = _load()
    maker = ns.cppyy.gbl.nr_security_python.MakeCallback[tuple(argument_types)]
    std_function = ns.cppyy.gbl.std.function["void(" + ", ".join(argument_types) + ")"]
    return maker(std_function(function))


def connect(path, function, *argument_types):
    """Connects function to every trace source matching the ns-3 Config path (no context).

    path: an ns-3 Config path, e.g.
    "/NodeList/*/DeviceList/*/$ns3::NrSecurityUeNetDevice/Rrc/SecurityActivated".
    function, argument_types: as for make_callback.
    Returns the callback. Raises ValueError when no trace source matches the path.
    """
    ns = _load()
    callback = make_callback(function, *argument_types)
    if not ns.Config.ConnectWithoutContextFailSafe(path, callback):
        raise ValueError(f"path: no trace source matches {path!r}")
    return callback
