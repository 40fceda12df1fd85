// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Python bindings (pybind11): the KDF, the 5G key hierarchy below K_SEAF and NEA/NIA.
 */
#include "nr-security-python.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-kdf.h"

#include <pybind11/stl.h>

namespace ns3
{
namespace nrsecpy
{

namespace
{

using namespace pybind11::literals;

} // namespace

std::vector<std::vector<uint8_t>>
ToParams(const py::sequence& params, const char* name)
{
    if (PyObject_CheckBuffer(params.ptr()))
    {
        throw py::type_error(std::string(name)
                             + ": expected a sequence of bytes objects (P0, P1, ...), got one "
                               "bytes-like object; wrap it: [p0]");
    }
    std::vector<std::vector<uint8_t>> out;
    size_t i = 0;
    for (py::handle item : params)
    {
        std::string itemName = std::string(name) + "[" + std::to_string(i) + "]";
        out.push_back(ToBytes(item, itemName.c_str()));
        if (out.back().size() > MAX_PARAM_BYTES)
        {
            throw py::value_error(itemName + ": " + std::to_string(out.back().size())
                                  + " bytes is longer than 65535 (its length L" + std::to_string(i)
                                  + " is 2 bytes)");
        }
        ++i;
    }
    return out;
}

NrSecurityAlgorithmType
ToAlgorithmType(const std::string& s)
{
    static const std::pair<const char*, NrSecurityAlgorithmType> names[] = {
        {"nas-enc", NrSecurityAlgorithmType::N_NAS_ENC},
        {"nas-int", NrSecurityAlgorithmType::N_NAS_INT},
        {"rrc-enc", NrSecurityAlgorithmType::N_RRC_ENC},
        {"rrc-int", NrSecurityAlgorithmType::N_RRC_INT},
        {"up-enc", NrSecurityAlgorithmType::N_UP_ENC},
        {"up-int", NrSecurityAlgorithmType::N_UP_INT},
    };
    for (const auto& [name, type] : names)
    {
        if (s == name)
        {
            return type;
        }
    }
    throw py::value_error("alg_type: '" + s
                          + "' is not one of nas-enc, nas-int, rrc-enc, rrc-int, up-enc, up-int");
}

AlgorithmInputs
ToAlgorithmInputs(const py::handle& key,
                  const py::int_& count,
                  const py::int_& bearer,
                  const py::int_& direction,
                  const py::handle& data,
                  const py::object& lengthBits)
{
    AlgorithmInputs in;
    in.key = ToKey<16>(key, "key");
    in.count = static_cast<uint32_t>(ToUint(count, "count", 0, 0xFFFFFFFF, "COUNT is 32 bits"));
    in.bearer = static_cast<uint8_t>(
        ToUint(bearer, "bearer", 0, 31, "BEARER is 5 bits; for PDCP it is RB identity - 1"));
    in.direction
        = static_cast<uint8_t>(ToUint(direction, "direction", 0, 1, "0 uplink, 1 downlink"));
    in.data = ToBytes(data, "data");
    uint64_t maxBits = 8 * static_cast<uint64_t>(in.data.size());
    if (maxBits > 0xFFFFFFFF)
    {
        throw py::value_error("data: longer than 2^32 - 1 bits");
    }
    if (lengthBits.is_none())
    {
        in.lengthBits = static_cast<uint32_t>(maxBits);
    }
    else if (PyLong_Check(lengthBits.ptr()))
    {
        in.lengthBits = static_cast<uint32_t>(ToUint(py::reinterpret_borrow<py::int_>(lengthBits),
                                                     "length_bits",
                                                     0,
                                                     maxBits,
                                                     "at most 8 * len(data)"));
    }
    else
    {
        throw py::type_error("length_bits: expected int or None");
    }
    return in;
}

void
RegisterCrypto(py::module_& m)
{
    m.def(
        "hmac_sha256",
        [](const py::buffer& key, const py::buffer& data) {
            return FromBytes(NrSecurityKdf::HmacSha256(ToBytes(key, "key"), ToBytes(data, "data")));
        },
        "key"_a,
        "data"_a,
        R"doc(HMAC-SHA-256 (RFC 2104), the primitive of the 3GPP KDF (TS 33.220 B.2).

key: bytes, any length (may be empty). data: bytes, any length.
Returns the 32-byte MAC (bytes). Raises TypeError if an argument is not bytes-like.)doc");

    m.def(
        "build_s",
        [](const py::int_& fc, const py::sequence& params)
        {
            return FromBytes(
                NrSecurityKdf::BuildS(static_cast<uint8_t>(ToUint(fc, "fc", 0, 255, "one byte")),
                                      ToParams(params, "params")));
        },
        "fc"_a,
        "params"_a = py::tuple(),
        R"doc(The KDF input string S = FC || P0 || L0 || P1 || L1 || ... (TS 33.220 B.2.2).

fc: the function code, 0..255. params: a sequence of bytes objects P0, P1, ...; each Li is
len(Pi) as two bytes, big-endian, so each Pi is at most 65535 bytes.
Returns S (bytes). Raises ValueError naming 'fc' or 'params[i]'.)doc");

    m.def(
        "kdf",
        [](const py::buffer& key, const py::int_& fc, const py::sequence& params)
        {
            return FromBytes(
                NrSecurityKdf::Kdf(ToBytes(key, "key"),
                                   static_cast<uint8_t>(ToUint(fc, "fc", 0, 255, "one byte")),
                                   ToParams(params, "params")));
        },
        "key"_a,
        "fc"_a,
        "params"_a = py::tuple(),
        R"doc(The generic 3GPP KDF of TS 33.220 Annex B.2: HMAC-SHA-256(key, S).

key: bytes (32 for every 5G derivation; any length accepted). fc: the function code,
0..255 (0x6D K_AMF, 0x6E K_gNB, 0x69 algorithm keys, 0x6F NH, 0x70 K_gNB*, TS 33.501
Annex A). params: a sequence of bytes objects P0, P1, ... (see build_s).
Returns the full 256-bit output as 32 bytes; a 128-bit key (TS 33.501 A.8) is its last 16
bytes. Raises ValueError naming 'fc' or 'params[i]'.)doc");

    m.def(
        "kamf",
        [](const py::buffer& kseaf, const std::string& supi, const py::buffer& abba)
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
            return FromBytes(NrSecurityKdf::DeriveKamf(ToKey<32>(kseaf, "kseaf"), supi, a));
        },
        "kseaf"_a,
        "supi"_a,
        "abba"_a = py::bytes("\x00\x00", 2),
        R"doc(K_AMF from K_SEAF (TS 33.501 A.7): KDF FC 0x6D, P0 = SUPI, P1 = ABBA.

kseaf: 32 bytes. supi: the SUPI as the byte string of A.7.0, as str or bytes (for an IMSI
its digits, e.g. "901700000021309"). abba: the ABBA parameter, bytes (default
b"\x00\x00", Release 15).
Returns K_AMF, 32 bytes. Raises ValueError naming 'kseaf', 'supi' or 'abba'.)doc");

    m.def(
        "kgnb",
        [](const py::buffer& kamf, const py::int_& ulNasCount, const std::string& access)
        {
            NrSecurityAccessType a;
            if (access == "3gpp")
            {
                a = NrSecurityAccessType::THREE_GPP;
            }
            else if (access == "non3gpp")
            {
                a = NrSecurityAccessType::NON_THREE_GPP;
            }
            else
            {
                throw py::value_error("access: '" + access + "' is not '3gpp' or 'non3gpp'");
            }
            return FromBytes(NrSecurityKdf::DeriveKgnb(
                ToKey<32>(kamf, "kamf"),
                static_cast<uint32_t>(
                    ToUint(ulNasCount, "ul_nas_count", 0, 0xFFFFFFFF, "NAS COUNT is 32 bits")),
                a));
        },
        "kamf"_a,
        "ul_nas_count"_a,
        "access"_a = "3gpp",
        R"doc(K_gNB from K_AMF (TS 33.501 A.9): KDF FC 0x6E, P0 = uplink NAS COUNT (4 bytes),
P1 = access type distinguisher (1 byte).

kamf: 32 bytes. ul_nas_count: the 32-bit uplink NAS COUNT, 0..2**32-1 (0 right after a
fresh registration). access: "3gpp" (0x01, K_gNB) or "non3gpp" (0x02, K_N3IWF).
Returns K_gNB, 32 bytes. Raises ValueError naming 'kamf', 'ul_nas_count' or 'access'.

Example: kgnb(bytes.fromhex("d655...4405"), 0).hex() == "493a16c5...d562")doc");

    m.def(
        "algorithm_key",
        [](const py::buffer& key, const std::string& algType, const py::int_& algId)
        {
            return FromBytes(NrSecurityKdf::DeriveAlgorithmKey(
                ToKey<32>(key, "key"),
                ToAlgorithmType(algType),
                static_cast<uint8_t>(
                    ToUint(algId, "alg_id", 0, 15, "a 4-bit algorithm identity"))));
        },
        "key"_a,
        "alg_type"_a,
        "alg_id"_a,
        R"doc(One algorithm key (TS 33.501 A.8): KDF FC 0x69, P0 = algorithm type
distinguisher, P1 = algorithm identity; the key is the last 16 bytes (128 least
significant bits) of the 256-bit output.

key: K_gNB for AS keys, K_AMF for NAS keys; 32 bytes. alg_type: "nas-enc" (0x01),
"nas-int" (0x02), "rrc-enc" (0x03), "rrc-int" (0x04), "up-enc" (0x05) or "up-int" (0x06).
alg_id: the 4-bit algorithm identity, 0..15 (NEA2 and NIA2 are both 2).
Returns the key, 16 bytes. Raises ValueError naming 'key', 'alg_type' or 'alg_id'.)doc");

    m.def(
        "as_keys",
        [](const py::buffer& kgnb, const py::int_& nea, const py::int_& nia)
        {
            NrSecurityAsKeys k = NrSecurityKdf::DeriveAsKeys(
                ToKey<32>(kgnb, "kgnb"),
                static_cast<uint8_t>(ToUint(nea, "nea", 0, 15, "a 4-bit algorithm identity")),
                static_cast<uint8_t>(ToUint(nia, "nia", 0, 15, "a 4-bit algorithm identity")));
            py::dict d;
            d["k_rrc_enc"] = FromBytes(k.kRrcEnc);
            d["k_rrc_int"] = FromBytes(k.kRrcInt);
            d["k_up_enc"] = FromBytes(k.kUpEnc);
            d["k_up_int"] = FromBytes(k.kUpInt);
            return d;
        },
        "kgnb"_a,
        "nea"_a,
        "nia"_a,
        R"doc(The four AS keys (TS 33.501 A.8) for a ciphering and an integrity algorithm.

kgnb: K_gNB, 32 bytes. nea, nia: the ciphering / integrity algorithm identities, 0..15
(0..3 are defined).
Returns a dict of 16-byte keys: {"k_rrc_enc", "k_rrc_int", "k_up_enc", "k_up_int"}.
Raises ValueError naming 'kgnb', 'nea' or 'nia'.)doc");

    m.def(
        "nh",
        [](const py::buffer& kamf, const py::buffer& syncInput)
        {
            return FromBytes(NrSecurityKdf::DeriveNh(ToKey<32>(kamf, "kamf"),
                                                     ToKey<32>(syncInput, "sync_input")));
        },
        "kamf"_a,
        "sync_input"_a,
        R"doc(NH (TS 33.501 A.10): KDF FC 0x6F, key K_AMF, P0 = SYNC-input.

kamf: 32 bytes. sync_input: 32 bytes, the fresh K_gNB for NH1, the previous NH after that.
Returns NH, 32 bytes. Raises ValueError naming 'kamf' or 'sync_input'.)doc");

    m.def(
        "kgnb_star",
        [](const py::buffer& key, const py::int_& pci, const py::int_& arfcnDl)
        {
            return FromBytes(NrSecurityKdf::DeriveKgnbStar(
                ToKey<32>(key, "key"),
                static_cast<uint16_t>(ToUint(pci, "pci", 0, 1007, "NR physical cell identity")),
                static_cast<uint32_t>(
                    ToUint(arfcnDl, "arfcn_dl", 0, 3279165, "NR-ARFCN, TS 38.104 5.4.2.1"))));
        },
        "key"_a,
        "pci"_a,
        "arfcn_dl"_a,
        R"doc(K_gNB* for handover (TS 33.501 A.11): KDF FC 0x70, P0 = PCI (2 bytes),
P1 = ARFCN-DL (3 bytes).

key: K_gNB (horizontal derivation) or NH (vertical derivation), 32 bytes. pci: the target
PCI, 0..1007. arfcn_dl: the target NR-ARFCN of the downlink, 0..3279165.
Returns K_gNB*, 32 bytes. Raises ValueError naming 'key', 'pci' or 'arfcn_dl'.)doc");

    m.def(
        "nea",
        [](const py::int_& alg,
           const py::buffer& key,
           const py::int_& count,
           const py::int_& bearer,
           const py::int_& direction,
           const py::buffer& data,
           const py::object& lengthBits)
        {
            NrSecurityCiphering a = NrSecurityAlgorithms::CipheringFromId(
                static_cast<uint32_t>(ToUint(alg, "alg", 0, 3, "NEA0..NEA3")));
            AlgorithmInputs in = ToAlgorithmInputs(key, count, bearer, direction, data, lengthBits);
            return FromBytes(NrSecurityAlgorithms::Nea(
                a, in.key, in.count, in.bearer, in.direction, in.data, in.lengthBits));
        },
        "alg"_a,
        "key"_a,
        "count"_a,
        "bearer"_a,
        "direction"_a,
        "data"_a,
        "length_bits"_a = py::none(),
        R"doc(NEA: ciphers or deciphers (the same operation) LENGTH bits (TS 33.501 D.2).

alg: 0 NEA0 (null), 1 128-NEA1 (SNOW 3G), 2 128-NEA2 (AES-CTR), 3 128-NEA3 (ZUC).
key: KEY, 16 bytes (K_RRCenc or K_UPenc). count: COUNT, 0..2**32-1. bearer: BEARER,
0..31 (RB identity - 1 for PDCP). direction: DIRECTION, 0 uplink, 1 downlink.
data: the input, bytes, most significant bit first. length_bits: LENGTH in bits,
0..8*len(data), need not be a multiple of 8; default 8*len(data).
Returns ceil(length_bits / 8) bytes; the bits after LENGTH in the last byte are zero.
Raises ValueError naming 'alg', 'key', 'count', 'bearer', 'direction', 'data' or
'length_bits'.)doc");

    m.def(
        "nia",
        [](const py::int_& alg,
           const py::buffer& key,
           const py::int_& count,
           const py::int_& bearer,
           const py::int_& direction,
           const py::buffer& data,
           const py::object& lengthBits)
        {
            NrSecurityIntegrity a = NrSecurityAlgorithms::IntegrityFromId(
                static_cast<uint32_t>(ToUint(alg, "alg", 0, 3, "NIA0..NIA3")));
            AlgorithmInputs in = ToAlgorithmInputs(key, count, bearer, direction, data, lengthBits);
            return Be32(NrSecurityAlgorithms::Nia(
                a, in.key, in.count, in.bearer, in.direction, in.data, in.lengthBits));
        },
        "alg"_a,
        "key"_a,
        "count"_a,
        "bearer"_a,
        "direction"_a,
        "data"_a,
        "length_bits"_a = py::none(),
        R"doc(NIA: the 32-bit MAC-I (NAS-MAC, X-MAC) over LENGTH bits of a message
(TS 33.501 D.3).

alg: 0 NIA0 (null: MAC-I is four zero bytes), 1 128-NIA1 (SNOW 3G), 2 128-NIA2
(AES-CMAC), 3 128-NIA3 (ZUC). key: KEY, 16 bytes (K_RRCint or K_UPint). count: COUNT,
0..2**32-1. bearer: BEARER, 0..31. direction: DIRECTION, 0 uplink, 1 downlink.
data: the message, bytes; bits after LENGTH are ignored. length_bits: LENGTH in bits,
0..8*len(data); default 8*len(data).
Returns MAC-I as 4 bytes, most significant first, as carried in a PDCP PDU
(int.from_bytes(mac, "big") for the 32-bit value).
Raises ValueError naming 'alg', 'key', 'count', 'bearer', 'direction', 'data' or
'length_bits'.)doc");
}

} // namespace nrsecpy
} // namespace ns3
