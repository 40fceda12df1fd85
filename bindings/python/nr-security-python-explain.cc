// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Python bindings (pybind11): explain mode, the named intermediates of the key derivations and
 * of NEA/NIA (NrSecurityExplain), as lists of (name, hex) pairs.
 */
#include "nr-security-python.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-explain.h"

#include <pybind11/stl.h>

namespace ns3
{
namespace nrsecpy
{

namespace
{

using namespace pybind11::literals;

/// The explanation as a list of (name, hex) tuples, or (name, hex, note) with notes.
py::list
ToList(const NrSecurityExplanation& e, bool notes)
{
    py::list out;
    for (const auto& item : e.items)
    {
        if (notes)
        {
            out.append(py::make_tuple(item.name, item.hex, item.note));
        }
        else
        {
            out.append(py::make_tuple(item.name, item.hex));
        }
    }
    return out;
}

NrSecurityAccessType
ToAccess(const std::string& access)
{
    if (access == "3gpp")
    {
        return NrSecurityAccessType::THREE_GPP;
    }
    if (access == "non3gpp")
    {
        return NrSecurityAccessType::NON_THREE_GPP;
    }
    throw py::value_error("access: '" + access + "' is not '3gpp' or 'non3gpp'");
}

/// The common tail of every docstring.
constexpr const char* RETURNS
    = "\n\nReturns a list of (name, hex) tuples in the order of the computation, names as the "
      "spec writes them, values lowercase hex (integers big-endian: COUNT 8 digits, BEARER and "
      "DIRECTION 2, LENGTH 8); the last tuple is the result. notes=True gives (name, hex, note) "
      "triples, the note saying what the value is (as nr-security-calc --explain prints it).";

} // namespace

void
RegisterExplain(py::module_& m)
{
    m.def(
        "explain_kdf",
        [](const py::buffer& key, const py::int_& fc, const py::sequence& params, bool notes)
        {
            return ToList(
                NrSecurityExplain::Kdf(ToBytes(key, "key"),
                                       static_cast<uint8_t>(ToUint(fc, "fc", 0, 255, "one byte")),
                                       ToParams(params, "params")),
                notes);
        },
        "key"_a,
        "fc"_a,
        "params"_a = py::tuple(),
        "notes"_a = false,
        (std::string("The generic KDF of TS 33.220 B.2, explained: KEY, FC, P0, L0, P1, L1, "
                     "..., S, HMAC-SHA-256(KEY, S).\n\nArguments as kdf(). Raises ValueError "
                     "naming 'fc' or 'params[i]'.")
         + RETURNS)
            .c_str());

    m.def(
        "explain_kamf",
        [](const py::buffer& kseaf, const std::string& supi, const py::buffer& abba, bool notes)
        {
            std::vector<uint8_t> a = ToBytes(abba, "abba");
            if (a.size() > MAX_PARAM_BYTES)
            {
                throw py::value_error("abba: longer than 65535 bytes");
            }
            if (supi.size() > MAX_PARAM_BYTES)
            {
                throw py::value_error("supi: longer than 65535 bytes");
            }
            return ToList(NrSecurityExplain::Kamf(ToKey<32>(kseaf, "kseaf"), supi, a), notes);
        },
        "kseaf"_a,
        "supi"_a,
        "abba"_a = py::bytes("\x00\x00", 2),
        "notes"_a = false,
        (std::string("K_AMF from K_SEAF (TS 33.501 A.7), explained; the last name is 'K_AMF'."
                     "\n\nArguments as kamf().")
         + RETURNS)
            .c_str());

    m.def(
        "explain_kgnb",
        [](const py::buffer& kamf,
           const py::int_& ulNasCount,
           const std::string& access,
           bool notes)
        {
            return ToList(
                NrSecurityExplain::Kgnb(
                    ToKey<32>(kamf, "kamf"),
                    static_cast<uint32_t>(
                        ToUint(ulNasCount, "ul_nas_count", 0, 0xFFFFFFFF, "NAS COUNT is 32 bits")),
                    ToAccess(access)),
                notes);
        },
        "kamf"_a,
        "ul_nas_count"_a,
        "access"_a = "3gpp",
        "notes"_a = false,
        (std::string("K_gNB from K_AMF (TS 33.501 A.9), explained: KEY (K_AMF), FC (6e), P0 "
                     "(uplink NAS COUNT), L0, P1 (access type distinguisher), L1, S, "
                     "HMAC-SHA-256(KEY, S), K_gNB (all 32 bytes; 'K_N3IWF' for non3gpp).\n\n"
                     "Arguments as kgnb(). Raises ValueError naming 'kamf', 'ul_nas_count' or "
                     "'access'.")
         + RETURNS)
            .c_str());

    m.def(
        "explain_algorithm_key",
        [](const py::buffer& key, const std::string& algType, const py::int_& algId, bool notes)
        {
            return ToList(NrSecurityExplain::AlgorithmKey(
                              ToKey<32>(key, "key"),
                              ToAlgorithmType(algType),
                              static_cast<uint8_t>(
                                  ToUint(algId, "alg_id", 0, 15, "a 4-bit algorithm identity"))),
                          notes);
        },
        "key"_a,
        "alg_type"_a,
        "alg_id"_a,
        "notes"_a = false,
        (std::string("One algorithm key (TS 33.501 A.8), explained: KEY, FC (69), P0 (algorithm "
                     "type distinguisher), L0, P1 (algorithm identity), L1, S, "
                     "HMAC-SHA-256(KEY, S), then the key ('K_RRCint', ...): bytes 16..31 of "
                     "the output.\n\nArguments as algorithm_key(). Raises ValueError naming "
                     "'key', 'alg_type' or 'alg_id'.")
         + RETURNS)
            .c_str());

    m.def(
        "explain_nh",
        [](const py::buffer& kamf, const py::buffer& syncInput, bool notes)
        {
            return ToList(
                NrSecurityExplain::Nh(ToKey<32>(kamf, "kamf"), ToKey<32>(syncInput, "sync_input")),
                notes);
        },
        "kamf"_a,
        "sync_input"_a,
        "notes"_a = false,
        (std::string("NH (TS 33.501 A.10), explained; the last name is 'NH'.\n\nArguments as "
                     "nh().")
         + RETURNS)
            .c_str());

    m.def(
        "explain_kgnb_star",
        [](const py::buffer& key, const py::int_& pci, const py::int_& arfcnDl, bool notes)
        {
            return ToList(
                NrSecurityExplain::KgnbStar(
                    ToKey<32>(key, "key"),
                    static_cast<uint16_t>(ToUint(pci, "pci", 0, 1007, "NR physical cell identity")),
                    static_cast<uint32_t>(
                        ToUint(arfcnDl, "arfcn_dl", 0, 3279165, "NR-ARFCN, TS 38.104 5.4.2.1"))),
                notes);
        },
        "key"_a,
        "pci"_a,
        "arfcn_dl"_a,
        "notes"_a = false,
        (std::string("K_gNB* (TS 33.501 A.11), explained: P0 = PCI (2 bytes), P1 = ARFCN-DL "
                     "(3 bytes); the last name is 'K_gNB*'.\n\nArguments as kgnb_star().")
         + RETURNS)
            .c_str());

    m.def(
        "explain_nea",
        [](const py::int_& alg,
           const py::buffer& key,
           const py::int_& count,
           const py::int_& bearer,
           const py::int_& direction,
           const py::buffer& data,
           const py::object& lengthBits,
           bool notes)
        {
            NrSecurityCiphering a = NrSecurityAlgorithms::CipheringFromId(
                static_cast<uint32_t>(ToUint(alg, "alg", 0, 3, "NEA0..NEA3")));
            AlgorithmInputs in = ToAlgorithmInputs(key, count, bearer, direction, data, lengthBits);
            return ToList(NrSecurityExplain::Nea(
                              a, in.key, in.count, in.bearer, in.direction, in.data, in.lengthBits),
                          notes);
        },
        "alg"_a,
        "key"_a,
        "count"_a,
        "bearer"_a,
        "direction"_a,
        "data"_a,
        "length_bits"_a = py::none(),
        "notes"_a = false,
        (std::string("NEA (TS 33.501 D.2), explained: KEY, COUNT, BEARER, DIRECTION, LENGTH, "
                     "the initialisation (NEA1: k0..k3 and IV0..IV3 of SNOW 3G; NEA2: the "
                     "counter block T1; NEA3: the ZUC IV), KEYSTREAM (its first 32 bytes at "
                     "most), IBS, OBS (= nea()).\n\nArguments as nea(); the same ValueErrors.")
         + RETURNS)
            .c_str());

    m.def(
        "explain_nia",
        [](const py::int_& alg,
           const py::buffer& key,
           const py::int_& count,
           const py::int_& bearer,
           const py::int_& direction,
           const py::buffer& data,
           const py::object& lengthBits,
           bool notes)
        {
            NrSecurityIntegrity a = NrSecurityAlgorithms::IntegrityFromId(
                static_cast<uint32_t>(ToUint(alg, "alg", 0, 3, "NIA0..NIA3")));
            AlgorithmInputs in = ToAlgorithmInputs(key, count, bearer, direction, data, lengthBits);
            return ToList(NrSecurityExplain::Nia(
                              a, in.key, in.count, in.bearer, in.direction, in.data, in.lengthBits),
                          notes);
        },
        "alg"_a,
        "key"_a,
        "count"_a,
        "bearer"_a,
        "direction"_a,
        "data"_a,
        "length_bits"_a = py::none(),
        "notes"_a = false,
        (std::string("NIA (TS 33.501 D.3), explained: KEY, COUNT, BEARER, DIRECTION, LENGTH, "
                     "MESSAGE, then NIA1: k0..k3, IV0..IV3, z1..z5, P, Q, EVAL; NIA2: M "
                     "(COUNT || BEARER || DIRECTION || 0^26 || MESSAGE), L, the CMAC subkeys "
                     "K1 and K2, T; NIA3: IV, KEYSTREAM, T; last MAC-I (4 bytes, = nia()).\n\n"
                     "Arguments as nia(); the same ValueErrors.")
         + RETURNS)
            .c_str());
}

} // namespace nrsecpy
} // namespace ns3
