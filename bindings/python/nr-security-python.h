// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Python bindings (pybind11): conversions shared by the binding sources. Internal to
 * bindings/python; not installed, not part of the module's C++ API.
 */
#ifndef NR_SECURITY_PYTHON_H
#define NR_SECURITY_PYTHON_H

#include "ns3/nr-security-kdf.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <pybind11/pybind11.h>
#include <string>
#include <vector>

namespace ns3
{
namespace nrsecpy
{

namespace py = pybind11;

/// Largest KDF parameter: its length Li is two bytes (TS 33.220 B.2.2).
constexpr uint64_t MAX_PARAM_BYTES = 65535;

/**
 * \brief Reads a Python int that must lie in [min, max].
 * \param value the int
 * \param name the Python parameter name, first word of the error message
 * \param min the smallest accepted value
 * \param max the largest accepted value
 * \param what an explanation appended to the error message (may be empty)
 * \return the value
 * \throws py::value_error "name: VALUE is outside MIN..MAX (what)"
 */
uint64_t ToUint(const py::int_& value,
                const char* name,
                uint64_t min,
                uint64_t max,
                const std::string& what = "");

/**
 * \brief Copies a bytes-like object (bytes, bytearray, memoryview of bytes).
 * \param value the object
 * \param name the Python parameter name for errors
 * \return the bytes
 * \throws py::type_error if value does not expose a buffer
 * \throws py::value_error if the buffer is not a flat sequence of bytes
 */
std::vector<uint8_t> ToBytes(const py::handle& value, const char* name);

/**
 * \brief Copies a key of exactly N bytes.
 * \param value a bytes-like object
 * \param name the Python parameter name for errors
 * \return the key
 * \throws py::value_error "name: expected N bytes (8N bits), got M"
 */
template <size_t N>
std::array<uint8_t, N>
ToKey(const py::handle& value, const char* name)
{
    std::vector<uint8_t> b = ToBytes(value, name);
    if (b.size() != N)
    {
        throw py::value_error(std::string(name) + ": expected " + std::to_string(N) + " bytes ("
                              + std::to_string(8 * N) + " bits), got " + std::to_string(b.size()));
    }
    std::array<uint8_t, N> key;
    std::copy(b.begin(), b.end(), key.begin());
    return key;
}

/// \return a Python bytes object \param data the bytes \param size their number
py::bytes FromBytes(const uint8_t* data, size_t size);

/// \return a Python bytes object \param c a byte container (std::array, std::vector)
template <typename C>
py::bytes
FromBytes(const C& c)
{
    return FromBytes(c.data(), c.size());
}

/// \return a 32-bit value as 4 bytes, most significant first \param v the value
py::bytes Be32(uint32_t v);

/// The inputs common to NEA and NIA (TS 33.501 D.2.1.1 / D.3.1.1), checked.
struct AlgorithmInputs
{
    NrSecurityKey128 key;      ///< KEY
    uint32_t count;            ///< COUNT
    uint8_t bearer;            ///< BEARER, 0..31
    uint8_t direction;         ///< DIRECTION, 0 or 1
    std::vector<uint8_t> data; ///< the message
    uint32_t lengthBits;       ///< LENGTH in bits, at most 8 * data.size()
};

/**
 * \brief Reads and checks the Python arguments of nea/nia (and explain_nea/explain_nia).
 * \param key KEY, 16 bytes
 * \param count COUNT, 32 bits
 * \param bearer BEARER, 0..31
 * \param direction DIRECTION, 0 or 1
 * \param data the message, bytes
 * \param lengthBits LENGTH in bits (int, at most 8 * len(data)) or None (8 * len(data))
 * \return the inputs
 * \throws py::value_error / py::type_error naming the parameter
 */
AlgorithmInputs ToAlgorithmInputs(const py::handle& key,
                                  const py::int_& count,
                                  const py::int_& bearer,
                                  const py::int_& direction,
                                  const py::handle& data,
                                  const py::object& lengthBits);

/**
 * \brief Reads the KDF parameters P0, P1, ... (a sequence of bytes-like objects).
 * \param params the sequence
 * \param name the Python parameter name for errors
 * \return the parameters
 * \throws py::type_error for a single bytes object, py::value_error for one over 65535 bytes
 */
std::vector<std::vector<uint8_t>> ToParams(const py::sequence& params, const char* name);

/**
 * \brief Reads an algorithm type distinguisher name ("nas-enc" ... "up-int", Table A.8-1).
 * \param s the name
 * \return the distinguisher
 * \throws py::value_error "alg_type: ..."
 */
NrSecurityAlgorithmType ToAlgorithmType(const std::string& s);

/// Registers hmac_sha256, build_s, kdf, kamf, kgnb, algorithm_key, as_keys, nh, kgnb_star,
/// nea and nia. \param m the module
void RegisterCrypto(py::module_& m);

/// Registers explain_kdf, explain_kamf, explain_kgnb, explain_algorithm_key, explain_nh,
/// explain_kgnb_star, explain_nea and explain_nia. \param m the module
void RegisterExplain(py::module_& m);

} // namespace nrsecpy
} // namespace ns3

#endif // NR_SECURITY_PYTHON_H
