// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * nr-security-calc: the key hierarchy and the NEA/NIA algorithms from the shell, for students
 * and for black-box checks. Prints lowercase hex on stdout; exit 0 on success, 2 with one line
 * on stderr for bad input. Run without arguments for the list of subcommands.
 */
#include "nr-security-calc-args.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-explain.h"
#include "ns3/nr-security-hex.h"
#include "ns3/nr-security-kdf.h"
#include "ns3/nr-security-pdcp-pdu.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <boost/program_options.hpp>
#include <cstdint>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace po = boost::program_options;
using namespace ns3;

namespace
{

using nrsecuritycalc::ParseHex;
using nrsecuritycalc::ParseNumber;
using nrsecuritycalc::UsageError;

/// Typed access to the parsed options of one subcommand.
class Args
{
  public:
    explicit Args(const po::variables_map& vm)
        : m_vm(vm)
    {
    }

    std::string Str(const std::string& name) const
    {
        return m_vm[name].as<std::string>();
    }

    uint64_t Num(const std::string& name, uint64_t max) const
    {
        return ParseNumber(name, Str(name), max);
    }

    std::vector<uint8_t> Bytes(const std::string& name, size_t expected = 0) const
    {
        return ParseHex(name, Str(name), expected);
    }

    NrSecurityKey256 Key256(const std::string& name) const
    {
        return NrSecurityAlgorithms::Key256FromBytes(Bytes(name, 32));
    }

    NrSecurityKey128 Key128(const std::string& name) const
    {
        return NrSecurityAlgorithms::Key128FromBytes(Bytes(name, 16));
    }

    bool Has(const std::string& name) const
    {
        return m_vm.count(name) != 0;
    }

    /// \return true if --explain was given: print the intermediates before the result
    bool Explain() const
    {
        return Has("explain");
    }

  private:
    const po::variables_map& m_vm;
};

/// One subcommand: its options (all required unless they have a default) and its action.
struct Subcommand
{
    std::string summary;
    std::function<void(po::options_description&)> declare;
    std::function<void(const Args&)> run;
};

void
Required(po::options_description& d, const char* name, const char* help)
{
    d.add_options()(name, po::value<std::string>()->required(), help);
}

/// Options shared by nea and nia (TS 33.501 D.2.1.1 / D.3.1.1 inputs).
void
DeclareAlgorithmInputs(po::options_description& d)
{
    Required(d, "alg", "algorithm identity 0..3");
    Required(d, "key", "KEY, 32 hex digits");
    Required(d, "count", "COUNT, 32 bits");
    Required(d, "bearer", "BEARER, 0..31");
    Required(d, "direction", "DIRECTION, 0 uplink, 1 downlink");
    Required(d, "bits", "LENGTH in bits");
    d.add_options()("data", po::value<std::string>()->default_value(""), "message, hex");
}

/**
 * The library names its C++ parameters in errors ("lengthBits 9 is longer..."); a calculator
 * user knows the options: translate the leading parameter name.
 */
std::string
InOptionTerms(std::string message)
{
    const std::string kdf = "NrSecurityKdf: ";
    if (message.rfind(kdf, 0) == 0)
    {
        message = message.substr(kdf.size());
    }
    static const std::vector<std::pair<std::string, std::string>> names = {
        {"lengthBits", "--bits"},
        {"bearer", "--bearer"},
        {"direction", "--direction"},
        {"rbId", "--rb-id"},
        {"snBits", "--sn-bits"},
        {"sdapHeader", "--sdap-header"},
        {"sdu:", "--payload:"},
        {"algorithm:", "--alg/--nea/--nia:"},
        {"key ", "key option: "},
        {"pci", "--pci"},
        {"arfcnDl", "--arfcn-dl"},
    };
    for (const auto& [from, to] : names)
    {
        if (message.rfind(from, 0) == 0)
        {
            return to + message.substr(from.size());
        }
    }
    return message;
}

/// Options shared by pdcp-protect and pdcp-unprotect.
void
DeclarePdcpOptions(po::options_description& d)
{
    Required(d, "rb", "bearer type: srb or drb");
    Required(d, "rb-id", "RB identity 1..32 (BEARER = RB identity - 1)");
    d.add_options()(
        "sn-bits", po::value<std::string>()->default_value("12"), "SN length: 12 or 18");
    Required(d, "direction", "DIRECTION of the PDU: ul or dl");
    Required(d, "nea", "ciphering algorithm 0..3, or none (ciphering not active)");
    Required(d, "nia", "integrity algorithm 0..3, or none (SRB: zero MAC-I; DRB: no MAC-I)");
    d.add_options()(
        "k-enc", po::value<std::string>()->default_value(""), "K_RRCenc/K_UPenc, 32 hex digits");
    d.add_options()(
        "k-int", po::value<std::string>()->default_value(""), "K_RRCint/K_UPint, 32 hex digits");
    d.add_options()("sdap-header",
                    po::value<std::string>(),
                    "DRB with a 1-byte SDAP header: its value (2 hex digits) for pdcp-protect; "
                    "for pdcp-unprotect it says the PDU has one");
}

/// The PDU format and security configuration given by DeclarePdcpOptions' options.
struct PdcpSetup
{
    NrSecurityPdcpFormat format;
    NrSecurityPdcpSecurity security;
    uint8_t direction = 0;
};

PdcpSetup
ReadPdcpOptions(const Args& a)
{
    PdcpSetup s;
    std::string rb = a.Str("rb");
    if (rb != "srb" && rb != "drb")
    {
        throw UsageError("--rb: '" + rb + "' is not srb or drb");
    }
    s.format.rbType = rb == "srb" ? NrSecurityRbType::SRB : NrSecurityRbType::DRB;
    s.format.rbId = static_cast<uint8_t>(a.Num("rb-id", 255));
    s.format.snBits = static_cast<uint8_t>(a.Num("sn-bits", 255));
    s.format.sdapHeader = a.Has("sdap-header");
    std::string dir = a.Str("direction");
    if (dir != "ul" && dir != "dl")
    {
        throw UsageError("--direction: '" + dir + "' is not ul or dl");
    }
    s.direction = dir == "ul" ? 0 : 1;
    if (a.Str("nia") != "none")
    {
        s.security.integrityActive = true;
        s.security.nia
            = NrSecurityAlgorithms::IntegrityFromId(static_cast<uint32_t>(a.Num("nia", 3)));
        s.security.kInt = a.Key128("k-int");
        s.format.drbIntegrity = s.format.rbType == NrSecurityRbType::DRB;
    }
    if (a.Str("nea") != "none")
    {
        s.security.cipheringActive = true;
        s.security.nea
            = NrSecurityAlgorithms::CipheringFromId(static_cast<uint32_t>(a.Num("nea", 3)));
        s.security.kEnc = a.Key128("k-enc");
    }
    s.format.Validate();
    return s;
}

/// pdcp-unprotect's result for a PDU it does not deliver: printed, exit code 1.
struct Discarded
{
    std::string reason;
};

/// What a receiving NrSecurityPdcp entity did with one PDU (pdcp-unprotect).
struct ReceiveOutcome
{
    bool delivered = false;       ///< an SDU was delivered
    uint32_t count = 0;           ///< its COUNT, or the COUNT of the integrity failure
    std::vector<uint8_t> sdu;     ///< the SDU, SDAP header included
    bool integrityFailed = false; ///< discarded on a MAC-I mismatch
    uint32_t receivedMac = 0;     ///< MAC-I field as received (deciphered)
    uint32_t expectedMac = 0;     ///< MAC-I the receiver computed
    std::string discarded;        ///< PduDiscarded reason, empty if none
};

void
OnSdu(ReceiveOutcome* o, Ptr<Packet> p, uint32_t count)
{
    o->delivered = true;
    o->count = count;
    o->sdu.resize(p->GetSize());
    p->CopyData(o->sdu.data(), o->sdu.size());
}

void
OnIntegrityFailure(ReceiveOutcome* o, uint8_t, uint32_t count, uint32_t received, uint32_t expected)
{
    o->integrityFailed = true;
    o->count = count;
    o->receivedMac = received;
    o->expectedMac = expected;
}

void
OnDiscard(ReceiveOutcome* o, std::string reason, Ptr<const Packet>)
{
    o->discarded = reason;
}

/**
 * Hands one PDU to a fresh receiving NrSecurityPdcp entity configured with the options and
 * RX_DELIV: the entity's own receive path (TS 38.323 5.2.2.1: RCVD_COUNT, decipher, verify,
 * then the window), not a second copy of its rules. A PDU above RX_DELIV is stored by the
 * entity and delivered when t-Reordering (0 s here) expires.
 */
ReceiveOutcome
ReceiveWithEntity(const PdcpSetup& s, uint32_t rxDeliv, const std::vector<uint8_t>& pdu)
{
    ReceiveOutcome o;
    Ptr<NrSecurityPdcp> rx = CreateObject<NrSecurityPdcp>();
    rx->SetFormat(s.format);
    // The receiver transmits the other DIRECTION.
    rx->SetAttribute("Direction", StringValue(s.direction == 1 ? "UL" : "DL"));
    rx->SetAttribute("TReordering", TimeValue(Seconds(0)));
    if (s.security.integrityActive)
    {
        rx->SetRxIntegrity(s.security.nia, s.security.kInt, 0);
    }
    if (s.security.cipheringActive)
    {
        rx->SetRxCiphering(s.security.nea, s.security.kEnc, 0);
    }
    rx->SetRxDeliv(rxDeliv);
    rx->SetDeliverSduCallback(MakeBoundCallback(&OnSdu, &o));
    rx->TraceConnectWithoutContext("IntegrityFailure", MakeBoundCallback(&OnIntegrityFailure, &o));
    rx->TraceConnectWithoutContext("PduDiscarded", MakeBoundCallback(&OnDiscard, &o));
    rx->ReceivePdu(Create<Packet>(pdu.data(), static_cast<uint32_t>(pdu.size())));
    Simulator::Run();
    if (rx->GetCounters().rxControlPdus != 0)
    {
        o.discarded = "control-pdu";
    }
    rx->Dispose();
    Simulator::Destroy();
    return o;
}

/// --explain: prints an explanation in its stable text form (NrSecurityExplanation::Format).
void
Print(const NrSecurityExplanation& e)
{
    std::cout << e.Format();
}

/**
 * --explain of pdcp-protect and pdcp-unprotect: the PDU's fields (TS 38.323 6.2.2, 6.3), then
 * the algorithm runs in the order the entity applies them: a transmitter computes the MAC-I
 * over PDCP header || data (5.9), then ciphers data || MAC-I after any SDAP header (5.8); a
 * receiver deciphers first, then computes X-MAC. The bytes come from the PDU itself (deciphered
 * with the options' key), so that both subcommands show the same split.
 */
void
ExplainPdcp(const PdcpSetup& s, uint32_t count, const std::vector<uint8_t>& pdu, bool receiving)
{
    const NrSecurityPdcpFormat& f = s.format;
    const size_t h = f.HeaderBytes();
    const size_t sdap = f.sdapHeader ? 1 : 0;
    const size_t macBytes = f.MacBytes();
    if (pdu.size() < h + sdap + macBytes)
    {
        std::cout << "# PDCP data PDU: too short to explain (" << pdu.size() << " bytes)\n";
        return;
    }
    const uint8_t bearer = f.Bearer();
    const std::vector<uint8_t> header(pdu.begin(), pdu.begin() + h);
    const std::vector<uint8_t> onAir(pdu.begin() + h + sdap, pdu.end());
    std::vector<uint8_t> clear = onAir;
    if (s.security.cipheringActive)
    {
        clear = NrSecurityAlgorithms::Nea(s.security.nea,
                                          s.security.kEnc,
                                          count,
                                          bearer,
                                          s.direction,
                                          onAir,
                                          static_cast<uint32_t>(8 * onAir.size()));
    }
    const std::vector<uint8_t> data(clear.begin(), clear.end() - macBytes);
    const std::vector<uint8_t> macField(clear.end() - macBytes, clear.end());
    std::vector<uint8_t> message = header;
    message.insert(message.end(), pdu.begin() + h, pdu.begin() + h + sdap);
    message.insert(message.end(), data.begin(), data.end());

    const uint32_t sn = count & ((1U << f.snBits) - 1);
    NrSecurityExplanation fields;
    fields.title = std::string("PDCP data PDU (TS 38.323 6.2.2) on ")
                   + (f.rbType == NrSecurityRbType::SRB ? "SRB" : "DRB") + std::to_string(f.rbId)
                   + ", as " + (receiving ? "received" : "transmitted");
    fields.items.push_back(
        {"PDCP header",
         NrSecurityToHex(header),
         std::string(f.rbType == NrSecurityRbType::SRB ? "R bits" : "D/C = 1 (data), R bits")
             + " and the " + std::to_string(f.snBits) + "-bit SN = " + std::to_string(sn)});
    fields.items.push_back(
        {"COUNT",
         NrSecurityToHex32(count),
         "HFN || SN: HFN " + std::to_string(count >> f.snBits) + ", SN " + std::to_string(sn)});
    fields.items.push_back(
        {"BEARER", NrSecurityToHex(&bearer, 1), "RB identity - 1 = " + std::to_string(bearer)});
    fields.items.push_back({"DIRECTION",
                            NrSecurityToHex(&s.direction, 1),
                            s.direction ? "1 = downlink" : "0 = uplink"});
    if (sdap)
    {
        fields.items.push_back({"SDAP header",
                                NrSecurityToHex(pdu.data() + h, 1),
                                "integrity-protected, never ciphered (TS 38.323 5.8)"});
    }
    fields.items.push_back(
        {"data", NrSecurityToHex(data), "the SDU (after any SDAP header) in clear"});
    if (macBytes)
    {
        fields.items.push_back(
            {"MAC-I",
             NrSecurityToHex(macField),
             s.security.integrityActive
                 ? std::string(receiving ? "as received (after deciphering)"
                                         : "NIA over PDCP header || data (TS 38.323 5.9)")
                 : "integrity not active: zero (TS 38.323 6.3.4)"});
    }
    if (s.security.cipheringActive)
    {
        fields.items.push_back({"ciphered part",
                                NrSecurityToHex(onAir),
                                "NEA over data || MAC-I, after any SDAP header (TS 38.323 5.8)"});
    }
    fields.items.push_back({"PDU", NrSecurityToHex(pdu), std::to_string(pdu.size()) + " bytes"});
    Print(fields);

    auto nea = [&]()
    {
        if (s.security.cipheringActive)
        {
            const std::vector<uint8_t>& ibs = receiving ? onAir : clear;
            Print(NrSecurityExplain::Nea(s.security.nea,
                                         s.security.kEnc,
                                         count,
                                         bearer,
                                         s.direction,
                                         ibs,
                                         static_cast<uint32_t>(8 * ibs.size())));
        }
    };
    auto nia = [&]()
    {
        if (s.security.integrityActive)
        {
            NrSecurityExplanation e
                = NrSecurityExplain::Nia(s.security.nia,
                                         s.security.kInt,
                                         count,
                                         bearer,
                                         s.direction,
                                         message,
                                         static_cast<uint32_t>(8 * message.size()));
            if (receiving && macBytes)
            {
                const std::string xmac = e.items.back().hex;
                e.items.back().name = "X-MAC";
                e.items.back().note
                    += xmac == NrSecurityToHex(macField)
                           ? "; equals the received MAC-I"
                           : "; differs from the received MAC-I " + NrSecurityToHex(macField);
            }
            Print(e);
        }
    };
    if (receiving)
    {
        nea();
        nia();
    }
    else
    {
        nia();
        nea();
    }
}

const std::map<std::string, Subcommand>&
Subcommands()
{
    static const std::map<std::string, Subcommand> table = {
        {"kgnb",
         {"K_gNB from K_AMF (TS 33.501 A.9)",
          [](po::options_description& d)
          {
              Required(d, "kamf", "K_AMF, 64 hex digits");
              Required(d, "ul-nas-count", "uplink NAS COUNT");
              d.add_options()("access",
                              po::value<std::string>()->default_value("3gpp"),
                              "access type: 3gpp or non3gpp");
          },
          [](const Args& a)
          {
              std::string access = a.Str("access");
              if (access != "3gpp" && access != "non3gpp")
              {
                  throw UsageError("--access: '" + access + "' is not 3gpp or non3gpp");
              }
              const auto kAmf = a.Key256("kamf");
              const auto count = static_cast<uint32_t>(a.Num("ul-nas-count", 0xFFFFFFFF));
              const auto type = access == "3gpp" ? NrSecurityAccessType::THREE_GPP
                                                 : NrSecurityAccessType::NON_THREE_GPP;
              if (a.Explain())
              {
                  Print(NrSecurityExplain::Kgnb(kAmf, count, type));
              }
              std::cout << NrSecurityToHex(NrSecurityKdf::DeriveKgnb(kAmf, count, type)) << "\n";
          }}},
        {"as-keys",
         {"K_RRCenc, K_RRCint, K_UPenc, K_UPint from K_gNB (TS 33.501 A.8)",
          [](po::options_description& d)
          {
              Required(d, "kgnb", "K_gNB, 64 hex digits");
              Required(d, "nea", "ciphering algorithm identity 0..3");
              Required(d, "nia", "integrity algorithm identity 0..3");
          },
          [](const Args& a)
          {
              auto kGnb = a.Key256("kgnb");
              auto nea = static_cast<uint8_t>(
                  NrSecurityAlgorithms::CipheringFromId(static_cast<uint32_t>(a.Num("nea", 3))));
              auto nia = static_cast<uint8_t>(
                  NrSecurityAlgorithms::IntegrityFromId(static_cast<uint32_t>(a.Num("nia", 3))));
              using T = NrSecurityAlgorithmType;
              if (a.Explain())
              {
                  Print(NrSecurityExplain::AlgorithmKey(kGnb, T::N_RRC_ENC, nea));
                  Print(NrSecurityExplain::AlgorithmKey(kGnb, T::N_RRC_INT, nia));
                  Print(NrSecurityExplain::AlgorithmKey(kGnb, T::N_UP_ENC, nea));
                  Print(NrSecurityExplain::AlgorithmKey(kGnb, T::N_UP_INT, nia));
              }
              std::cout
                  << "K_RRCenc="
                  << NrSecurityToHex(NrSecurityKdf::DeriveAlgorithmKey(kGnb, T::N_RRC_ENC, nea))
                  << "\nK_RRCint="
                  << NrSecurityToHex(NrSecurityKdf::DeriveAlgorithmKey(kGnb, T::N_RRC_INT, nia))
                  << "\nK_UPenc="
                  << NrSecurityToHex(NrSecurityKdf::DeriveAlgorithmKey(kGnb, T::N_UP_ENC, nea))
                  << "\nK_UPint="
                  << NrSecurityToHex(NrSecurityKdf::DeriveAlgorithmKey(kGnb, T::N_UP_INT, nia))
                  << "\n";
          }}},
        {"nh",
         {"NH from K_AMF and the SYNC-input (TS 33.501 A.10)",
          [](po::options_description& d)
          {
              Required(d, "kamf", "K_AMF, 64 hex digits");
              Required(d, "sync-input", "K_gNB for NH1, else the previous NH; 64 hex digits");
          },
          [](const Args& a)
          {
              if (a.Explain())
              {
                  Print(NrSecurityExplain::Nh(a.Key256("kamf"), a.Key256("sync-input")));
              }
              std::cout << NrSecurityToHex(
                  NrSecurityKdf::DeriveNh(a.Key256("kamf"), a.Key256("sync-input")))
                        << "\n";
          }}},
        {"kgnb-star",
         {"K_gNB* for handover (TS 33.501 A.11)",
          [](po::options_description& d)
          {
              Required(d, "key", "K_gNB or NH, 64 hex digits");
              Required(d, "pci", "target PCI, 0..1007");
              Required(d, "arfcn-dl", "target NR-ARFCN-DL, 0..3279165");
          },
          [](const Args& a)
          {
              const auto key = a.Key256("key");
              const auto pci = static_cast<uint16_t>(a.Num("pci", 0xFFFF));
              const auto arfcn = static_cast<uint32_t>(a.Num("arfcn-dl", 0xFFFFFFFF));
              auto k = NrSecurityKdf::DeriveKgnbStar(key, pci, arfcn);
              if (a.Explain())
              {
                  Print(NrSecurityExplain::KgnbStar(key, pci, arfcn));
              }
              std::cout << NrSecurityToHex(k) << "\n";
          }}},
        {"nea",
         {"cipher/decipher LENGTH bits with NEA0-3 (TS 33.501 D.2); prints the output",
          DeclareAlgorithmInputs,
          [](const Args& a)
          {
              const auto alg
                  = NrSecurityAlgorithms::CipheringFromId(static_cast<uint32_t>(a.Num("alg", 3)));
              const auto key = a.Key128("key");
              const auto count = static_cast<uint32_t>(a.Num("count", 0xFFFFFFFF));
              const auto bearer = static_cast<uint8_t>(a.Num("bearer", 31));
              const auto direction = static_cast<uint8_t>(a.Num("direction", 1));
              const auto data = a.Bytes("data");
              const auto bits = static_cast<uint32_t>(a.Num("bits", 0xFFFFFFFF));
              auto out = NrSecurityAlgorithms::Nea(alg, key, count, bearer, direction, data, bits);
              if (a.Explain())
              {
                  Print(NrSecurityExplain::Nea(alg, key, count, bearer, direction, data, bits));
              }
              std::cout << NrSecurityToHex(out) << "\n";
          }}},
        {"nia",
         {"MAC-I of LENGTH bits with NIA0-3 (TS 33.501 D.3); prints 8 hex digits",
          DeclareAlgorithmInputs,
          [](const Args& a)
          {
              const auto alg
                  = NrSecurityAlgorithms::IntegrityFromId(static_cast<uint32_t>(a.Num("alg", 3)));
              const auto key = a.Key128("key");
              const auto count = static_cast<uint32_t>(a.Num("count", 0xFFFFFFFF));
              const auto bearer = static_cast<uint8_t>(a.Num("bearer", 31));
              const auto direction = static_cast<uint8_t>(a.Num("direction", 1));
              const auto data = a.Bytes("data");
              const auto bits = static_cast<uint32_t>(a.Num("bits", 0xFFFFFFFF));
              uint32_t mac
                  = NrSecurityAlgorithms::Nia(alg, key, count, bearer, direction, data, bits);
              if (a.Explain())
              {
                  Print(NrSecurityExplain::Nia(alg, key, count, bearer, direction, data, bits));
              }
              const uint8_t b[4] = {static_cast<uint8_t>(mac >> 24),
                                    static_cast<uint8_t>(mac >> 16),
                                    static_cast<uint8_t>(mac >> 8),
                                    static_cast<uint8_t>(mac)};
              std::cout << NrSecurityToHex(b, 4) << "\n";
          }}},
        {"pdcp-protect",
         {"build a protected PDCP data PDU (TS 38.323 5.8, 5.9, 6.2); prints the PDU",
          [](po::options_description& d)
          {
              DeclarePdcpOptions(d);
              Required(d, "count", "COUNT of the PDU (its low bits are the SN)");
              Required(d, "payload", "SDU payload, hex (after any SDAP header)");
          },
          [](const Args& a)
          {
              PdcpSetup s = ReadPdcpOptions(a);
              std::vector<uint8_t> sdu;
              if (s.format.sdapHeader)
              {
                  sdu = a.Bytes("sdap-header", 1);
              }
              auto payload = a.Bytes("payload");
              sdu.insert(sdu.end(), payload.begin(), payload.end());
              std::vector<uint8_t> pdu;
              const auto count = static_cast<uint32_t>(a.Num("count", 0xFFFFFFFF));
              NrSecurityPdcpPdu::Protect(
                  s.format, count, s.direction, s.security, sdu.data(), sdu.size(), pdu);
              if (a.Explain())
              {
                  ExplainPdcp(s, count, pdu, false);
              }
              std::cout << NrSecurityToHex(pdu) << "\n";
          }}},
        {"pdcp-unprotect",
         {"check and decipher a received PDCP data PDU (TS 38.323 5.2.2.1); prints count= and "
          "sdu=, or discarded=REASON with exit code 1",
          [](po::options_description& d)
          {
              DeclarePdcpOptions(d);
              Required(d, "pdu", "the PDU, hex");
              d.add_options()("rx-deliv",
                              po::value<std::string>()->default_value("0"),
                              "the receiver's RX_DELIV");
          },
          [](const Args& a)
          {
              PdcpSetup s = ReadPdcpOptions(a);
              auto pdu = a.Bytes("pdu");
              auto rxDeliv = static_cast<uint32_t>(a.Num("rx-deliv", 0xFFFFFFFF));
              ReceiveOutcome o = ReceiveWithEntity(s, rxDeliv, pdu);
              if (a.Explain())
              {
                  if (o.delivered || o.integrityFailed)
                  {
                      ExplainPdcp(s, o.count, pdu, true);
                  }
                  else
                  {
                      std::cout << "# PDCP data PDU: not explained, the entity gave it no COUNT "
                                   "(discarded before deciphering)\n";
                  }
              }
              const std::string malformed = "malformed: ";
              if (o.discarded.rfind(malformed, 0) == 0)
              {
                  throw Discarded{"malformed (" + o.discarded.substr(malformed.size()) + ")"};
              }
              if (o.integrityFailed)
              {
                  const uint8_t got[4] = {uint8_t(o.receivedMac >> 24),
                                          uint8_t(o.receivedMac >> 16),
                                          uint8_t(o.receivedMac >> 8),
                                          uint8_t(o.receivedMac)};
                  const uint8_t exp[4] = {uint8_t(o.expectedMac >> 24),
                                          uint8_t(o.expectedMac >> 16),
                                          uint8_t(o.expectedMac >> 8),
                                          uint8_t(o.expectedMac)};
                  std::cout << "count=" << o.count << "\nmac-i=" << NrSecurityToHex(got, 4)
                            << "\nx-mac=" << NrSecurityToHex(exp, 4) << "\n";
                  throw Discarded{"integrity"};
              }
              if (!o.delivered)
              {
                  throw Discarded{o.discarded.empty() ? "not delivered" : o.discarded};
              }
              std::cout << "count=" << o.count << "\n";
              size_t sdap = s.format.sdapHeader ? 1 : 0;
              if (sdap)
              {
                  std::cout << "sdap-header=" << NrSecurityToHex(o.sdu.data(), 1) << "\n";
              }
              std::cout << "sdu=" << NrSecurityToHex(o.sdu.data() + sdap, o.sdu.size() - sdap)
                        << "\n";
          }}},
    };
    return table;
}

void
PrintUsage(std::ostream& os)
{
    os << "usage: nr-security-calc SUBCOMMAND [--option value ...]\n"
          "numbers are decimal or 0x-hex; keys and data are hex; output is lowercase hex\n"
          "--explain (every subcommand): first print the inputs and intermediates as the spec\n"
          "  names them, one 'NAME = HEX  # note' line each under a '# title' line\n\n";
    for (const auto& [name, sub] : Subcommands())
    {
        po::options_description d(name + ": " + sub.summary);
        sub.declare(d);
        os << d << "\n";
    }
}

} // namespace

int
main(int argc, char** argv)
{
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")
    {
        PrintUsage(argc < 2 ? std::cerr : std::cout);
        return argc < 2 ? 2 : 0;
    }
    std::string name = argv[1];
    try
    {
        auto it = Subcommands().find(name);
        if (it == Subcommands().end())
        {
            throw UsageError("unknown subcommand '" + name
                             + "' (run without arguments for the list)");
        }
        po::options_description d(name);
        it->second.declare(d);
        d.add_options()("help,h", "show the options of this subcommand");
        d.add_options()("explain",
                        "print the inputs and intermediates (spec names) before the result");
        po::variables_map vm;
        // argv[1] (the subcommand) stands where the parser expects the program name. No
        // positional arguments: a stray word is an error, not silently ignored.
        po::positional_options_description none;
        po::store(po::command_line_parser(argc - 1, argv + 1)
                      .options(d)
                      .positional(none)
                      .style(po::command_line_style::default_style
                             & ~po::command_line_style::allow_guessing)
                      .run(),
                  vm);
        if (vm.count("help"))
        {
            std::cout << d;
            return 0;
        }
        po::notify(vm);
        it->second.run(Args(vm));
        return 0;
    }
    catch (const Discarded& d)
    {
        std::cout << "discarded=" << d.reason << "\n";
        return 1;
    }
    catch (const po::error& e)
    {
        std::cerr << "nr-security-calc " << name << ": " << e.what() << "\n";
    }
    catch (const UsageError& e)
    {
        std::cerr << "nr-security-calc " << name << ": " << e.what() << "\n";
    }
    catch (const std::invalid_argument& e)
    {
        std::cerr << "nr-security-calc " << name << ": " << InOptionTerms(e.what()) << "\n";
    }
    return 2;
}
