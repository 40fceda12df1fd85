// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Python bindings (pybind11): the extension nr_security_pybind and the shared conversions.
 */
#include "nr-security-python.h"

#include <Python.h>

namespace ns3
{
namespace nrsecpy
{

uint64_t
ToUint(const py::int_& value, const char* name, uint64_t min, uint64_t max, const std::string& what)
{
    int overflow = 0;
    long long s = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
    if (s == -1 && PyErr_Occurred())
    {
        throw py::error_already_set();
    }
    bool representable = false;
    uint64_t u = 0;
    if (overflow == 0 && s >= 0)
    {
        u = static_cast<uint64_t>(s);
        representable = true;
    }
    else if (overflow > 0)
    {
        unsigned long long big = PyLong_AsUnsignedLongLong(value.ptr());
        if (PyErr_Occurred())
        {
            PyErr_Clear(); // above 2^64 - 1: out of range below
        }
        else
        {
            u = big;
            representable = true;
        }
    }
    if (!representable || u < min || u > max)
    {
        throw py::value_error(std::string(name) + ": " + py::repr(value).cast<std::string>()
                              + " is outside " + std::to_string(min) + ".." + std::to_string(max)
                              + (what.empty() ? "" : " (" + what + ")"));
    }
    return u;
}

std::vector<uint8_t>
ToBytes(const py::handle& value, const char* name)
{
    if (!PyObject_CheckBuffer(value.ptr()))
    {
        throw py::type_error(std::string(name) + ": expected bytes, got "
                             + py::type::handle_of(value).attr("__name__").cast<std::string>());
    }
    py::buffer_info info = py::reinterpret_borrow<py::buffer>(value).request();
    if (info.itemsize != 1 || info.ndim != 1 || (info.size > 1 && info.strides[0] != 1))
    {
        throw py::value_error(std::string(name)
                              + ": expected a flat, contiguous sequence of bytes");
    }
    const auto* p = static_cast<const uint8_t*>(info.ptr);
    return std::vector<uint8_t>(p, p + info.size);
}

py::bytes
FromBytes(const uint8_t* data, size_t size)
{
    return py::bytes(reinterpret_cast<const char*>(data), size);
}

py::bytes
Be32(uint32_t v)
{
    const uint8_t b[4] = {static_cast<uint8_t>(v >> 24),
                          static_cast<uint8_t>(v >> 16),
                          static_cast<uint8_t>(v >> 8),
                          static_cast<uint8_t>(v)};
    return FromBytes(b, 4);
}

} // namespace nrsecpy
} // namespace ns3

#ifndef NR_SECURITY_VERSION
#define NR_SECURITY_VERSION "unknown"
#endif

PYBIND11_MODULE(nr_security_pybind, m)
{
    m.doc() = R"doc(nr_security_pybind: the fast-import copy of nr_security's crypto layer.

The package nr_security (cppyy, ns-3's binding technology) is the API; this pybind11 extension
holds a second, identical copy of its bytes helpers that needs no C++ interpreter: the 3GPP KDF
(TS 33.220 B.2) and the key hierarchy below K_SEAF (TS 33.501 Annex A: hmac_sha256, build_s,
kdf, kamf, kgnb, algorithm_key, as_keys, nh, kgnb_star), NEA0-3 and NIA0-3 (TS 33.501 Annex D)
and explain mode (explain_kdf ... explain_nia). It imports in hundredths of a second where
cppyy takes seconds (bindings/README.md, "Import time"); tests/test_pybind_agreement.py keeps
the two copies identical (results, error messages, docstrings).

Conventions: keys and data are bytes in and bytes out (bytearray and memoryview are accepted
as input), big-endian, first byte = most significant bits. LENGTH parameters are in bits.
Numbers are Python ints. Bad input raises ValueError (TypeError for a wrong type) whose message
starts with the name of the offending parameter, e.g. "bearer: 32 is outside 0..31 (...)". A
std::invalid_argument escaping from the C++ layer is also raised as ValueError.)doc";
    m.attr("__version__") = NR_SECURITY_VERSION;
    ns3::nrsecpy::RegisterCrypto(m);
    ns3::nrsecpy::RegisterExplain(m);
}
