// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * What nr-security-reestablishment uses: the independent oracle (OpenSSL HMAC-SHA-256 for
 * the KDF of TS 33.220 B.2 / TS 33.501 A.8-A.11, AES-CMAC for NIA2, VarShortMAC-Input written
 * bit by bit), the values of the mobility cases M1, M2, M5, and a scenario that wires one UE
 * RRC and n gNB RRCs directly (frames and Xn messages after 1 ms), with every trace recorded.
 */
#ifndef NR_SECURITY_REESTABLISHMENT_TEST_SCENARIO_H
#define NR_SECURITY_REESTABLISHMENT_TEST_SCENARIO_H

#include "nr-security-test-events.h"
#include "nr-security-test-vectors.h"
#include "ns3/boolean.h"
#include "ns3/nr-security-amf.h"
#include "ns3/nr-security-gnb-rrc.h"
#include "ns3/nr-security-rrc-message.h"
#include "ns3/nr-security-ue-rrc.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <functional>
#include <map>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <string>
#include <vector>

namespace ns3
{
namespace nrsecuritytest
{
/// Re-establishment and resume tests (nr-security-reestablishment-test-suite.cc).
namespace recovery
{

/// A sink of the RRC entities' RrcMessage trace source (its six arguments) from a lambda.
/// \param f the lambda \return the callback
template <typename F>
Callback<void,
         uint32_t,
         const std::string&,
         const std::string&,
         const std::vector<uint8_t>&,
         const std::string&,
         const std::string&>
RrcMessageSink(F&& f)
{
    return NrSecurityTestCallback<void,
                                  uint32_t,
                                  const std::string&,
                                  const std::string&,
                                  const std::vector<uint8_t>&,
                                  const std::string&,
                                  const std::string&>(std::forward<F>(f));
}

/// For the test macros: a state prints as its name.
inline std::ostream&
operator<<(std::ostream& os, NrSecurityRrcState state)
{
    return os << NrSecurityRrcStateName(state);
}

/// Reference context R1 (shared/cases/pdcp.md): K_AMF, uplink NAS COUNT 0.
inline const char* const K_AMF = "d655f16142035d4d72ca39583d228d2dd2ec0ca7929ad007f53b382d05544405";
/// R1: K_gNB = KDF(K_AMF, 0x6E, COUNT 0, 3GPP access).
inline const char* const R1_KGNB
    = "493a16c58b77b627fa3f1ac6344c183039f01ba0cb7636bbccc4365b023bd562";
/// R1: K_RRCint with NIA2.
inline const char* const R1_KRRCINT = "3dc37c61c21fb16740a2b2fe27783646";
/// M1: K_gNB* = KDF(R1 K_gNB, 0x70, PCI 1, ARFCN-DL 632628).
inline const char* const M1_KGNB_STAR
    = "22f80de2177c135fc0317832d63f10e073b31375999f22ff8a71fc3af1588482";
/// M2: NH_2 of R1.
inline const char* const M2_NH2
    = "8f2c9e86d22a46cb41035a5eb16d44b22bc6277217cfad138a9af9eddcd854d3";
/// M5: the C-RNTI (the UE id in this model).
inline const uint16_t M5_CRNTI = 0x4601;
/// M5: the target cellIdentity (36 bits).
inline const uint64_t M5_CELL_IDENTITY = 0x10;
/// The C-RNTI a cell of the scenario gives its first UE: 0x0001, the first of TS 38.321
/// Table 7.1-1 (the UE id M5_CRNTI is no C-RNTI since the per-cell C-RNTIs of issue 14).
inline const uint16_t SCENARIO_CRNTI = 1;

// --- the independent oracle (OpenSSL only) ------------------------------------------------

/// HMAC-SHA-256 (RFC 2104) with OpenSSL's one-shot HMAC().
inline std::vector<uint8_t>
Hmac(const std::vector<uint8_t>& key, const std::vector<uint8_t>& data)
{
    uint8_t out[32];
    unsigned int len = 0;
    HMAC(EVP_sha256(),
         key.data(),
         static_cast<int>(key.size()),
         data.data(),
         data.size(),
         out,
         &len);
    return std::vector<uint8_t>(out, out + len);
}

/// The KDF of TS 33.220 B.2: HMAC-SHA-256(key, FC || P0 || L0 || ...), lengths 2 bytes.
inline std::vector<uint8_t>
Kdf(const std::vector<uint8_t>& key, uint8_t fc, const std::vector<std::vector<uint8_t>>& params)
{
    std::vector<uint8_t> s{fc};
    for (const auto& p : params)
    {
        s.insert(s.end(), p.begin(), p.end());
        s.push_back(static_cast<uint8_t>(p.size() >> 8));
        s.push_back(static_cast<uint8_t>(p.size()));
    }
    return Hmac(key, s);
}

/// TS 33.501 A.9: K_gNB from K_AMF, the uplink NAS COUNT and 3GPP access (0x01).
inline std::vector<uint8_t>
OracleKgnb(const std::vector<uint8_t>& kAmf, uint32_t count)
{
    return Kdf(kAmf,
               0x6E,
               {{uint8_t(count >> 24), uint8_t(count >> 16), uint8_t(count >> 8), uint8_t(count)},
                {0x01}});
}

/// TS 33.501 A.11: K_gNB* = KDF(key, 0x70, PCI (2 bytes), ARFCN-DL (3 bytes)).
inline std::vector<uint8_t>
OracleKgnbStar(const std::vector<uint8_t>& key, uint16_t pci, uint32_t arfcn)
{
    return Kdf(key,
               0x70,
               {{uint8_t(pci >> 8), uint8_t(pci)},
                {uint8_t(arfcn >> 16), uint8_t(arfcn >> 8), uint8_t(arfcn)}});
}

/// TS 33.501 A.10: NH = KDF(K_AMF, 0x6F, SYNC-input).
inline std::vector<uint8_t>
OracleNh(const std::vector<uint8_t>& kAmf, const std::vector<uint8_t>& sync)
{
    return Kdf(kAmf, 0x6F, {sync});
}

/// TS 33.501 A.8: an algorithm key (type 0x03 K_RRCenc, 0x04 K_RRCint, 0x05 K_UPenc, 0x06
/// K_UPint), the 128 least significant bits.
inline std::vector<uint8_t>
OracleAlgKey(const std::vector<uint8_t>& kGnb, uint8_t type, uint8_t algId)
{
    std::vector<uint8_t> k = Kdf(kGnb, 0x69, {{type}, {algId}});
    return std::vector<uint8_t>(k.begin() + 16, k.end());
}

/// NIA2 (TS 33.401 B.2.3): AES-128-CMAC over COUNT || BEARER || DIRECTION || 0^26 || message,
/// MAC-I = the first 32 bits; OpenSSL EVP_MAC "CMAC".
inline uint32_t
OracleNia2(const std::vector<uint8_t>& key,
           uint32_t count,
           uint8_t bearer,
           uint8_t direction,
           const std::vector<uint8_t>& msg)
{
    std::vector<uint8_t> m{uint8_t(count >> 24),
                           uint8_t(count >> 16),
                           uint8_t(count >> 8),
                           uint8_t(count),
                           uint8_t((bearer << 3) | (direction << 2)),
                           0,
                           0,
                           0};
    m.insert(m.end(), msg.begin(), msg.end());
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "CMAC", nullptr);
    EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
    char cipher[] = "AES-128-CBC";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipher, 0),
                           OSSL_PARAM_construct_end()};
    uint8_t out[16];
    size_t len = 0;
    EVP_MAC_init(ctx, key.data(), key.size(), params);
    EVP_MAC_update(ctx, m.data(), m.size());
    EVP_MAC_final(ctx, out, &len, sizeof(out));
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
    return (uint32_t(out[0]) << 24) | (uint32_t(out[1]) << 16) | (uint32_t(out[2]) << 8) | out[3];
}

/// VarShortMAC-Input / VarResumeMAC-Input (TS 38.331 7.4) in UPER, written bit by bit here:
/// PCI 10 bits, cellIdentity 36 bits, C-RNTI 16 bits, 2 padding bits.
inline std::vector<uint8_t>
OracleVarInput(uint16_t pci, uint64_t cellIdentity, uint16_t cRnti)
{
    const uint64_t v = (uint64_t(pci) << 54) | (cellIdentity << 18) | (uint64_t(cRnti) << 2);
    std::vector<uint8_t> out;
    for (int i = 7; i >= 0; --i)
    {
        out.push_back(uint8_t(v >> (8 * i)));
    }
    return out;
}

/// shortMAC-I / resumeMAC-I: the 16 LSBs of NIA2 with COUNT, BEARER, DIRECTION all ones.
inline uint16_t
OracleShortMacI(const std::vector<uint8_t>& kRrcInt,
                uint16_t pci,
                uint64_t cellIdentity,
                uint16_t cRnti)
{
    return uint16_t(OracleNia2(kRrcInt, 0xFFFFFFFF, 31, 1, OracleVarInput(pci, cellIdentity, cRnti))
                    & 0xFFFF);
}

template <size_t N>
std::string
Hex(const std::array<uint8_t, N>& k)
{
    return ToHex(std::vector<uint8_t>(k.begin(), k.end()));
}

// --- the scenario -------------------------------------------------------------------------

/// One UE and n gNBs (cell ids 1..n, PCI i, cellIdentity 0x10 * i, ARFCN-DL 632628 + 8000 *
/// (i - 1)), the R1 NAS context, NEA2/NIA2, one PDU session with UP integrity and ciphering
/// REQUIRED. Every trace is recorded as a string.
struct Scenario
{
    Ptr<NrSecurityAmf> amf = CreateObject<NrSecurityAmf>();
    std::vector<Ptr<NrSecurityGnbRrc>> gnbs;
    Ptr<NrSecurityUeRrc> ue = CreateObject<NrSecurityUeRrc>();
    uint32_t ueId;
    size_t serving = 0;  ///< the gNB the UE's frames go to (and come from)
    size_t selected = 0; ///< the cell the UE's cell selection returns
    bool dropUlCcch = false;
    std::function<void(std::vector<uint8_t>&)> tamperUlCcch; ///< changes UL-CCCH bytes
    std::function<void(NrSecurityRbPdu&)> tamperDl;          ///< changes downlink PDUs
    std::vector<std::string> ueMsgs;                         ///< "tx|rx name bearer protection"
    std::vector<std::string> gnbMsgs;   ///< "cell:tx|rx name bearer protection"
    std::vector<std::string> refused;   ///< "ue|cellN:name:reason"
    std::vector<std::string> ueEvents;  ///< "event:detail"
    std::vector<std::string> gnbEvents; ///< "cellN:event:detail"
    std::vector<NrSecurityKeyEpoch> ueEpochs;
    std::map<uint16_t, std::vector<NrSecurityKeyEpoch>> gnbEpochs; ///< by cell
    std::vector<std::string> ulData;          ///< "cell:hex" uplink user data at a gNB
    std::vector<std::string> dlData;          ///< "hex" downlink user data at the UE
    std::vector<std::string> xn;              ///< "from->to type"
    std::vector<std::vector<uint8_t>> ulCcch; ///< UL-CCCH messages as sent

    explicit Scenario(size_t nGnbs = 1, uint16_t id = M5_CRNTI)
        : ueId(id)
    {
        NrSecurityAmfUeContext c;
        c.kAmf = NrSecurityAlgorithms::Key256FromBytes(FromHex(K_AMF));
        c.ulNasCount = 0;
        NrSecurityPduSession s;
        s.integrity = NrSecurityUpPolicy::REQUIRED;
        s.confidentiality = NrSecurityUpPolicy::REQUIRED;
        c.pduSessions = {s};
        amf->AddUe(ueId, c);
        for (size_t i = 0; i < nGnbs; ++i)
        {
            Ptr<NrSecurityGnbRrc> g = CreateObject<NrSecurityGnbRrc>();
            const uint16_t cell = uint16_t(i + 1);
            g->SetAttribute("PhysCellId", UintegerValue(cell));
            g->SetAttribute("ArfcnDl", UintegerValue(632628 + 8000 * i));
            g->SetAttribute("CellIdentity", UintegerValue(0x10 * cell));
            g->SetAttribute("CipheringPriority", StringValue("NEA2"));
            g->SetAttribute("IntegrityPriority", StringValue("NIA2"));
            g->SetAttribute("HandoverOnMeasurement", BooleanValue(false));
            g->SetCellId(cell);
            g->SetAmf(amf);
            g->SetTransmitCallback(NrSecurityTestCallback<void, uint32_t, const NrSecurityRbPdu&>(
                [this, i](uint32_t u, const NrSecurityRbPdu& p) { GnbTx(i, u, p); }));
            g->SetUserDataCallback(
                NrSecurityTestCallback<void, uint32_t, uint8_t, uint8_t, Ptr<Packet>>(
                    [this, cell](uint32_t, uint8_t, uint8_t, Ptr<Packet> p)
                    { ulData.push_back(std::to_string(cell) + ":" + PacketHex(p)); }));
            g->SetXnSendCallback(NrSecurityTestCallback<bool, const NrSecurityXnMessage&>(
                [this](const NrSecurityXnMessage& m) { return XnSend(m); }));
            g->SetNeighbourLookupCallback(
                NrSecurityTestCallback<bool, uint16_t, uint16_t, NrSecurityCellInfo&>(
                    [this](uint16_t cellId, uint16_t pci, NrSecurityCellInfo& out)
                    {
                        for (auto& x : gnbs)
                        {
                            NrSecurityCellInfo ci = x->GetCellInfo();
                            if ((cellId != 0 && ci.cellId == cellId)
                                || (cellId == 0 && ci.pci == pci))
                            {
                                out = ci;
                                return true;
                            }
                        }
                        return false;
                    }));
            g->TraceConnectWithoutContext("RrcMessage",
                                          RrcMessageSink(
                                              [this, cell](uint32_t,
                                                           const std::string& d,
                                                           const std::string& n,
                                                           const std::vector<uint8_t>&,
                                                           const std::string& b,
                                                           const std::string& p) {
                                                  gnbMsgs.push_back(std::to_string(cell) + ":" + d
                                                                    + " " + n + " " + b + " " + p);
                                              }));
            g->TraceConnectWithoutContext(
                "MessageRefused",
                NrSecurityTestCallback<void,
                                       uint32_t,
                                       uint32_t,
                                       const std::string&,
                                       const std::string&>(
                    [this, cell](uint32_t, uint32_t, const std::string& n, const std::string& r)
                    { refused.push_back("cell" + std::to_string(cell) + ":" + n + ":" + r); }));
            g->TraceConnectWithoutContext(
                "ConnectionEvent",
                NrSecurityTestCallback<void, uint32_t, const std::string&, const std::string&>(
                    [this, cell](uint32_t, const std::string& e, const std::string& d)
                    { gnbEvents.push_back("cell" + std::to_string(cell) + ":" + e + ":" + d); }));
            g->TraceConnectWithoutContext(
                "KeyChange",
                NrSecurityTestCallback<void, uint32_t, const NrSecurityKeyEpoch&>(
                    [this, cell](uint32_t, const NrSecurityKeyEpoch& e)
                    { gnbEpochs[cell].push_back(e); }));
            gnbs.push_back(g);
        }
        ue->SetUeId(ueId);
        ue->SetNasSecurityContext(c.kAmf, 0);
        ue->SetServingCell(gnbs[0]->GetCellInfo());
        ue->SetTransmitCallback(NrSecurityTestCallback<void, const NrSecurityRbPdu&>(
            [this](const NrSecurityRbPdu& p) { UeTx(p); }));
        ue->SetUserDataCallback(NrSecurityTestCallback<void, Ptr<Packet>, uint8_t>(
            [this](Ptr<Packet> p, uint8_t) { dlData.push_back(PacketHex(p)); }));
        ue->SetCellSelectionCallback(NrSecurityTestCallback<bool, NrSecurityCellInfo&>(
            [this](NrSecurityCellInfo& out)
            {
                serving = selected;
                out = gnbs[selected]->GetCellInfo();
                return true;
            }));
        ue->TraceConnectWithoutContext(
            "RrcMessage",
            RrcMessageSink([this](uint32_t,
                                  const std::string& d,
                                  const std::string& n,
                                  const std::vector<uint8_t>&,
                                  const std::string& b,
                                  const std::string& p)
                           { ueMsgs.push_back(d + " " + n + " " + b + " " + p); }));
        ue->TraceConnectWithoutContext(
            "MessageRefused",
            NrSecurityTestCallback<void,
                                   uint32_t,
                                   uint32_t,
                                   const std::string&,
                                   const std::string&>(
                [this](uint32_t, uint32_t, const std::string& n, const std::string& r)
                { refused.push_back("ue:" + n + ":" + r); }));
        ue->TraceConnectWithoutContext(
            "ConnectionEvent",
            NrSecurityTestCallback<void, uint32_t, const std::string&, const std::string&>(
                [this](uint32_t, const std::string& e, const std::string& d)
                { ueEvents.push_back(e + ":" + d); }));
        ue->TraceConnectWithoutContext(
            "KeyChange",
            NrSecurityTestCallback<void, uint32_t, const NrSecurityKeyEpoch&>(
                [this](uint32_t, const NrSecurityKeyEpoch& e) { ueEpochs.push_back(e); }));
    }

    ~Scenario()
    {
        Simulator::Destroy();
    }

    static std::string PacketHex(Ptr<const Packet> p)
    {
        std::vector<uint8_t> b(p->GetSize());
        p->CopyData(b.data(), b.size());
        return ToHex(b);
    }

    void UeTx(const NrSecurityRbPdu& p0)
    {
        NrSecurityRbPdu p = p0;
        p.pdu = p0.pdu->Copy();
        if (p.type == NrSecurityRbType::SRB0)
        {
            std::vector<uint8_t> b(p.pdu->GetSize());
            p.pdu->CopyData(b.data(), b.size());
            ulCcch.push_back(b);
            if (dropUlCcch)
            {
                return;
            }
            if (tamperUlCcch)
            {
                tamperUlCcch(b);
                p.pdu = Create<Packet>(b.data(), uint32_t(b.size()));
            }
        }
        Ptr<NrSecurityGnbRrc> g = gnbs[serving];
        Simulator::Schedule(MilliSeconds(1), &NrSecurityGnbRrc::ReceivePdu, g, ueId, p);
    }

    void GnbTx(size_t i, uint32_t, const NrSecurityRbPdu& p0)
    {
        if (i != serving)
        {
            return; // the UE is not in that cell
        }
        NrSecurityRbPdu p = p0;
        p.pdu = p0.pdu->Copy();
        if (tamperDl)
        {
            tamperDl(p);
        }
        Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::ReceivePdu, ue, p);
    }

    bool XnSend(const NrSecurityXnMessage& m)
    {
        for (auto& g : gnbs)
        {
            NrSecurityCellInfo ci = g->GetCellInfo();
            if ((m.targetCellId != 0 && ci.cellId == m.targetCellId)
                || (m.targetCellId == 0 && ci.pci == m.targetPci))
            {
                xn.push_back(std::to_string(m.sourceCellId) + "->" + std::to_string(ci.cellId) + " "
                             + std::to_string(int(m.type)));
                Simulator::Schedule(MilliSeconds(1), &NrSecurityGnbRrc::ReceiveXn, g, m);
                return true;
            }
        }
        return false;
    }

    /// Connects the UE in cell 1 and runs until `until`.
    void Connect(Time until)
    {
        Simulator::Schedule(MilliSeconds(1), &NrSecurityUeRrc::Connect, ue, uint16_t(1));
        RunUntil(until);
    }

    void RunUntil(Time t)
    {
        Simulator::Stop(t - Simulator::Now());
        Simulator::Run();
    }

    void SendUl(const std::string& hex)
    {
        std::vector<uint8_t> b = FromHex(hex);
        ue->SendUserData(Create<Packet>(b.data(), uint32_t(b.size())), 9);
    }

    void SendDl(size_t gnb, const std::string& hex)
    {
        std::vector<uint8_t> b = FromHex(hex);
        gnbs[gnb]->SendUserData(ueId, 1, 9, Create<Packet>(b.data(), uint32_t(b.size())));
    }

    const NrSecurityGnbUeContext* GnbUe(size_t gnb) const
    {
        return gnbs[gnb]->GetUeContext(ueId);
    }

    /// \return the gNB's context of the UE, or an empty one (state IDLE) if it has none
    const NrSecurityGnbUeContext& Ctx(size_t gnb) const
    {
        static const NrSecurityGnbUeContext none;
        const NrSecurityGnbUeContext* c = GnbUe(gnb);
        return c ? *c : none;
    }

    bool HasUeMsg(const std::string& s) const
    {
        return std::find(ueMsgs.begin(), ueMsgs.end(), s) != ueMsgs.end();
    }

    size_t CountEvents(const std::vector<std::string>& v, const std::string& prefix) const
    {
        return std::count_if(
            v.begin(), v.end(), [&](const std::string& x) { return x.rfind(prefix, 0) == 0; });
    }

    /// PDCP counters summed over every bearer's entity at both ends that exists now.
    uint64_t TxRefused() const
    {
        uint64_t n = 0;
        for (uint8_t id : {1, 2})
        {
            if (ue->GetSrb(id))
            {
                n += ue->GetSrb(id)->GetCounters().txRefused;
            }
        }
        if (ue->GetDrb(1))
        {
            n += ue->GetDrb(1)->GetCounters().txRefused;
        }
        for (size_t i = 0; i < gnbs.size(); ++i)
        {
            for (uint8_t id : {1, 2})
            {
                if (gnbs[i]->GetSrb(ueId, id))
                {
                    n += gnbs[i]->GetSrb(ueId, id)->GetCounters().txRefused;
                }
            }
            if (gnbs[i]->GetDrb(ueId, 1))
            {
                n += gnbs[i]->GetDrb(ueId, 1)->GetCounters().txRefused;
            }
        }
        return n;
    }
};

inline const std::string UL1 = "4500001c000100004011f9e3c0a80001c0a800020400040000080000";
inline const std::string DL1 = "4500001c000200004011f9e2c0a80002c0a800010400040000080000";
inline const std::string UL2 = "4500001c000300004011f9e1c0a80001c0a8000204000400000800aa";
inline const std::string UL3 = "4500001c000500004011f9dfc0a80001c0a8000204000400000800cc";
inline const std::string DL2 = "4500001c000400004011f9e0c0a80002c0a8000104000400000800bb";

/// The test cases' shared checks.
class RecoveryTestCase : public TestCase
{
  public:
    /// \param name the test case name
    explicit RecoveryTestCase(const std::string& name)
        : TestCase(name)
    {
    }

  protected:
    /// Checks that user data goes both ways after the procedure (exact SDUs) and that the DRB
    /// keeps UP integrity with the K_UPint of the new K_gNB at both ends.
    void CheckDataAndDrbIntegrity(Scenario& s, size_t gnb, const std::vector<uint8_t>& kGnb)
    {
        const std::vector<uint8_t> kUpInt = OracleAlgKey(kGnb, 0x06, 2);
        const std::vector<uint8_t> kUpEnc = OracleAlgKey(kGnb, 0x05, 2);
        Ptr<NrSecurityPdcp> u = s.ue->GetDrb(1);
        Ptr<NrSecurityPdcp> g = s.gnbs[gnb]->GetDrb(s.ueId, 1);
        NS_TEST_ASSERT_MSG_NE(u, nullptr, "the UE has DRB1");
        NS_TEST_ASSERT_MSG_NE(g, nullptr, "the gNB has DRB1");
        if (!u || !g)
        {
            return;
        }
        // TS 38.331 5.3.5.6.5: integrityProtection configured -> K_UPint of the new K_gNB again.
        NS_TEST_EXPECT_MSG_EQ(u->GetTxSecurity().integrityActive, true, "UE DRB1 integrity");
        NS_TEST_EXPECT_MSG_EQ(Hex(u->GetTxSecurity().kInt), ToHex(kUpInt), "UE K_UPint");
        NS_TEST_EXPECT_MSG_EQ(Hex(g->GetTxSecurity().kInt), ToHex(kUpInt), "gNB K_UPint");
        NS_TEST_EXPECT_MSG_EQ(Hex(u->GetTxSecurity().kEnc), ToHex(kUpEnc), "UE K_UPenc");
        const size_t ul0 = s.ulData.size();
        const size_t dl0 = s.dlData.size();
        const Time now = Simulator::Now();
        Simulator::Schedule(MilliSeconds(5), &Scenario::SendUl, &s, UL2);
        Simulator::Schedule(MilliSeconds(5), &Scenario::SendDl, &s, gnb, DL2);
        s.RunUntil(now + MilliSeconds(30));
        NS_TEST_ASSERT_MSG_EQ(s.ulData.size(), ul0 + 1, "one uplink SDU after the procedure");
        NS_TEST_EXPECT_MSG_EQ(s.ulData.back(), std::to_string(gnb + 1) + ":" + UL2, "uplink SDU");
        NS_TEST_ASSERT_MSG_EQ(s.dlData.size(), dl0 + 1, "one downlink SDU after the procedure");
        NS_TEST_EXPECT_MSG_EQ(s.dlData.back(), DL2, "downlink SDU");
        NS_TEST_EXPECT_MSG_EQ(u->GetCounters().integrityFailures, 0, "no integrity failure (UE)");
        NS_TEST_EXPECT_MSG_EQ(g->GetCounters().integrityFailures, 0, "no integrity failure (gNB)");
        // No COUNT used twice under one key: no PDCP entity refused an SDU for it.
        NS_TEST_EXPECT_MSG_EQ(s.TxRefused(), 0, "no COUNT reuse refused anywhere");
    }

    /// Brings the UE up in cell 1 with a DRB and one SDU each way.
    void Establish(Scenario& s)
    {
        s.Connect(MilliSeconds(100));
        NS_TEST_ASSERT_MSG_EQ(s.ue->IsSecurityActive(), true, "AS security active");
        NS_TEST_ASSERT_MSG_NE(s.ue->GetDrb(1), nullptr, "DRB1 set up");
        NS_TEST_ASSERT_MSG_EQ(Hex(s.ue->GetKgnb()), R1_KGNB, "R1 K_gNB");
        NS_TEST_ASSERT_MSG_EQ(Hex(s.ue->GetAsKeys().kRrcInt), R1_KRRCINT, "R1 K_RRCint");
        Simulator::Schedule(MilliSeconds(1), &Scenario::SendUl, &s, UL1);
        Simulator::Schedule(MilliSeconds(1), &Scenario::SendDl, &s, 0, DL1);
        s.RunUntil(MilliSeconds(120));
        NS_TEST_ASSERT_MSG_EQ(s.ulData.size(), 1, "uplink SDU before");
        NS_TEST_ASSERT_MSG_EQ(s.dlData.size(), 1, "downlink SDU before");
    }
};

// nr-security-reestablishment-replay-test-suite.cc: further cases of the suite.

/// \return resume-replay (a replayed RRCResumeRequest after a fresh NCC)
TestCase* MakeResumeReplayTestCase();
/// \return reestablishment-replay (a replayed RRCReestablishmentRequest, no COUNT reuse)
TestCase* MakeReestablishmentReplayTestCase();
/// \return reestablishment-nh-index (the chain index of a horizontal K_gNB*)
TestCase* MakeReestablishmentNhIndexTestCase();
/// \return retrieve-bad-input (RETRIEVE UE CONTEXT REQUEST with a bad new cell)
TestCase* MakeRetrieveBadInputTestCase();

} // namespace recovery
} // namespace nrsecuritytest
} // namespace ns3

#endif // NR_SECURITY_REESTABLISHMENT_TEST_SCENARIO_H
