// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The scenario of the nr-security-handover suite: one UE RRC, n gNB RRCs, the AMF and an
 * NrSecurityXn, wired without devices or channel: an ideal air link with a fixed delay on
 * which downlink frames reach the UE only from its serving cell (as the channel does), and
 * every arrival confirmed to the sender (RLC ACK), plus UDP-like numbered user data both ways.
 * The oracle of the key values is OpenSSL's HMAC() directly (TS 33.220 B.2), not NrSecurityKdf.
 */
#ifndef NR_SECURITY_HANDOVER_TEST_SCENARIO_H
#define NR_SECURITY_HANDOVER_TEST_SCENARIO_H

#include "nr-security-test-vectors.h"
#include "ns3/boolean.h"
#include "ns3/nr-security-amf.h"
#include "ns3/nr-security-gnb-rrc.h"
#include "ns3/nr-security-ue-rrc.h"
#include "ns3/nr-security-xn.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <map>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <set>
#include <string>
#include <vector>

namespace ns3
{
namespace nrsecuritytest
{

/// Oracle KDF (TS 33.220 B.2): HMAC-SHA-256(key, FC || P0 || L0 || ...), OpenSSL directly.
inline NrSecurityKey256
HoOracleKdf(const NrSecurityKey256& key, uint8_t fc, const std::vector<std::vector<uint8_t>>& ps)
{
    std::vector<uint8_t> s{fc};
    for (const auto& p : ps)
    {
        s.insert(s.end(), p.begin(), p.end());
        s.push_back(static_cast<uint8_t>(p.size() >> 8));
        s.push_back(static_cast<uint8_t>(p.size()));
    }
    NrSecurityKey256 out{};
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), 32, s.data(), s.size(), out.data(), &len);
    return out;
}

/// Oracle K_gNB (TS 33.501 A.9): FC 0x6E, uplink NAS COUNT (4 bytes), access type 3GPP (0x01).
inline NrSecurityKey256
HoOracleKgnb(const NrSecurityKey256& kAmf, uint32_t ulNasCount)
{
    return HoOracleKdf(kAmf,
                       0x6E,
                       {{uint8_t(ulNasCount >> 24),
                         uint8_t(ulNasCount >> 16),
                         uint8_t(ulNasCount >> 8),
                         uint8_t(ulNasCount)},
                        {0x01}});
}

/// Oracle NH (TS 33.501 A.10): FC 0x6F, SYNC-input (32 bytes).
inline NrSecurityKey256
HoOracleNh(const NrSecurityKey256& kAmf, const NrSecurityKey256& sync)
{
    return HoOracleKdf(kAmf, 0x6F, {std::vector<uint8_t>(sync.begin(), sync.end())});
}

/// Oracle K_gNB* (TS 33.501 A.11): FC 0x70, PCI (2 bytes), ARFCN-DL (always 3 bytes).
inline NrSecurityKey256
HoOracleKgnbStar(const NrSecurityKey256& key, uint16_t pci, uint32_t arfcn)
{
    return HoOracleKdf(key,
                       0x70,
                       {{uint8_t(pci >> 8), uint8_t(pci)},
                        {uint8_t(arfcn >> 16), uint8_t(arfcn >> 8), uint8_t(arfcn)}});
}

/// \return a 32-byte key from 64 hex digits
inline NrSecurityKey256
HoKey(const std::string& hex)
{
    NrSecurityKey256 k{};
    const std::vector<uint8_t> b = FromHex(hex);
    std::copy(b.begin(), b.begin() + std::min<size_t>(32, b.size()), k.begin());
    return k;
}

/// \return a key as lowercase hex
inline std::string
HoKeyHex(const NrSecurityKey256& k)
{
    return ToHex(std::vector<uint8_t>(k.begin(), k.end()));
}

/// One cell of the scenario.
struct HoCell
{
    uint16_t pci;   ///< PhysCellId
    uint32_t arfcn; ///< ArfcnDl
};

/// A KeyChange as recorded: where, and the epoch.
struct HoEpoch
{
    std::string node;         ///< "ue" or "gnb<cell id>"
    NrSecurityKeyEpoch epoch; ///< the epoch
};

/**
 * One UE and n gNBs (cell ids 1..n) wired directly. The UE attaches to cell 1 at 10 ms;
 * StartTraffic sends one numbered uplink and one numbered downlink packet every period.
 */
struct HoScenario
{
    Ptr<NrSecurityAmf> amf = CreateObject<NrSecurityAmf>();
    Ptr<NrSecurityXn> xn = CreateObject<NrSecurityXn>();
    std::vector<Ptr<NrSecurityGnbRrc>> gnbs;
    Ptr<NrSecurityUeRrc> ue = CreateObject<NrSecurityUeRrc>();
    NrSecurityKey256 kAmf;
    Time airDelay = MilliSeconds(1);
    uint16_t serving = 1;        ///< the UE's serving cell id (the radio)
    uint16_t dlGnb = 0;          ///< the cell the "UPF" sends downlink user data to (0: none yet)
    uint32_t lostDl = 0;         ///< downlink frames that arrived while the UE was in another cell
    std::vector<HoEpoch> epochs; ///< every KeyChange, in order
    std::vector<std::string> ueEvents;  ///< UE HandoverEvent "step: detail"
    std::vector<std::string> gnbEvents; ///< gNB HandoverEvent "cell:step: detail"
    std::vector<std::string> integrity; ///< IntegrityFailure "node:rb:count"
    std::vector<std::string> refused;   ///< MessageRefused "node:name:reason"
    std::vector<std::string> sessions;  ///< PduSessionSetup "cell:psi:drb:ok"
    std::set<uint32_t> ulSent, ulReceived, dlSent, dlReceived;
    std::vector<Ptr<NrSecurityPdcp>> pdcps; ///< every PDCP entity created (guard counters)
    uint32_t nextUl = 0, nextDl = 0;
    Time trafficPeriod = MilliSeconds(2);
    Time trafficStop = Seconds(10);

    explicit HoScenario(const std::vector<HoCell>& cells, bool drbIntegrity = true)
    {
        kAmf = HoKey("d655f16142035d4d72ca39583d228d2dd2ec0ca7929ad007f53b382d05544405");
        NrSecurityAmfUeContext c;
        c.kAmf = kAmf;
        c.ulNasCount = 0;
        NrSecurityPduSession s;
        s.integrity = drbIntegrity ? NrSecurityUpPolicy::REQUIRED : NrSecurityUpPolicy::NOT_NEEDED;
        c.pduSessions = {s};
        amf->AddUe(1, c);
        for (size_t i = 0; i < cells.size(); ++i)
        {
            Ptr<NrSecurityGnbRrc> g = CreateObject<NrSecurityGnbRrc>();
            g->SetAttribute("PhysCellId", UintegerValue(cells[i].pci));
            g->SetAttribute("ArfcnDl", UintegerValue(cells[i].arfcn));
            const uint16_t cellId = static_cast<uint16_t>(i + 1);
            g->SetCellId(cellId);
            g->SetAmf(amf);
            g->SetTransmitCallback(MakeCallback(&HoScenario::GnbTx, this).Bind(cellId));
            g->SetUserDataCallback(MakeCallback(&HoScenario::GnbData, this));
            const std::string node = "gnb" + std::to_string(cellId);
            g->TraceConnect("KeyChange", node, MakeCallback(&HoScenario::OnKeyChange, this));
            g->TraceConnect("HandoverEvent", node, MakeCallback(&HoScenario::OnGnbEvent, this));
            g->TraceConnect("IntegrityFailure", node, MakeCallback(&HoScenario::OnIntegrity, this));
            g->TraceConnect("MessageRefused", node, MakeCallback(&HoScenario::OnRefused, this));
            g->TraceConnect("PduSessionSetup", node, MakeCallback(&HoScenario::OnSession, this));
            g->TraceConnectWithoutContext("PdcpEntityCreated",
                                          MakeCallback(&HoScenario::OnPdcp, this));
            xn->AddGnbRrc(g);
            gnbs.push_back(g);
        }
        ue->SetUeId(1);
        ue->SetNasSecurityContext(kAmf, 0);
        ue->SetTransmitCallback(MakeCallback(&HoScenario::UeTx, this));
        ue->SetUserDataCallback(MakeCallback(&HoScenario::UeData, this));
        ue->SetCellSwitchCallback(MakeCallback(&HoScenario::SwitchCell, this));
        ue->TraceConnect("KeyChange", "ue", MakeCallback(&HoScenario::OnKeyChange, this));
        ue->TraceConnectWithoutContext("HandoverEvent", MakeCallback(&HoScenario::OnUeEvent, this));
        ue->TraceConnect("IntegrityFailure", "ue", MakeCallback(&HoScenario::OnIntegrity, this));
        ue->TraceConnect("MessageRefused", "ue", MakeCallback(&HoScenario::OnRefused, this));
        ue->TraceConnectWithoutContext("PdcpEntityCreated",
                                       MakeCallback(&HoScenario::OnPdcp, this));
        Simulator::Schedule(MilliSeconds(10), &HoScenario::Attach, this);
    }

    ~HoScenario()
    {
        Simulator::Destroy();
    }

    Ptr<NrSecurityGnbRrc> Gnb(uint16_t cellId) const
    {
        return gnbs.at(cellId - 1);
    }

    void Attach()
    {
        ue->SetServingCell(Gnb(1)->GetCellInfo());
        serving = 1;
        ue->Connect(1);
    }

    /// The air: uplink to the cell the UE was in when it sent; delivery confirmed on arrival.
    void UeTx(const NrSecurityRbPdu& pdu)
    {
        const uint16_t cell = serving;
        Simulator::Schedule(airDelay, &HoScenario::UlArrive, this, cell, pdu);
    }

    void UlArrive(uint16_t cell, NrSecurityRbPdu pdu)
    {
        NrSecurityRbPdu copy = pdu;
        copy.pdu = pdu.pdu->Copy();
        Gnb(cell)->ReceivePdu(1, copy);
        ue->ConfirmDelivery(pdu);
    }

    /// Downlink: reaches the UE only if the sender is its serving cell on arrival.
    void GnbTx(uint16_t cell, uint32_t ueId, const NrSecurityRbPdu& pdu)
    {
        Simulator::Schedule(airDelay, &HoScenario::DlArrive, this, cell, ueId, pdu);
    }

    void DlArrive(uint16_t cell, uint32_t ueId, NrSecurityRbPdu pdu)
    {
        if (cell != serving)
        {
            ++lostDl;
            return;
        }
        NrSecurityRbPdu copy = pdu;
        copy.pdu = pdu.pdu->Copy();
        ue->ReceivePdu(copy);
        Gnb(cell)->ConfirmDelivery(ueId, pdu);
    }

    bool SwitchCell(uint16_t pci, NrSecurityCellInfo& out)
    {
        for (const auto& g : gnbs)
        {
            if (g->GetCellInfo().pci == pci)
            {
                out = g->GetCellInfo();
                serving = out.cellId;
                return true;
            }
        }
        return false;
    }

    static Ptr<Packet> Numbered(uint32_t n)
    {
        uint8_t b[24] = {0x45};
        b[1] = uint8_t(n >> 24);
        b[2] = uint8_t(n >> 16);
        b[3] = uint8_t(n >> 8);
        b[4] = uint8_t(n);
        return Create<Packet>(b, sizeof(b));
    }

    static uint32_t Number(Ptr<const Packet> p)
    {
        uint8_t b[5] = {};
        p->CopyData(b, 5);
        return (uint32_t(b[1]) << 24) | (uint32_t(b[2]) << 16) | (uint32_t(b[3]) << 8) | b[4];
    }

    void StartTraffic(Time at)
    {
        Simulator::Schedule(at, &HoScenario::Tick, this);
    }

    void Tick()
    {
        if (Simulator::Now() >= trafficStop)
        {
            return;
        }
        const uint32_t u = nextUl++;
        if (ue->SendUserData(Numbered(u), 9))
        {
            ulSent.insert(u);
        }
        if (dlGnb != 0)
        {
            const uint32_t d = nextDl++;
            if (Gnb(dlGnb)->SendUserData(1, 1, 9, Numbered(d)))
            {
                dlSent.insert(d);
            }
        }
        Simulator::Schedule(trafficPeriod, &HoScenario::Tick, this);
    }

    void UeData(Ptr<Packet> p, uint8_t)
    {
        dlReceived.insert(Number(p));
    }

    void GnbData(uint32_t, uint8_t, uint8_t, Ptr<Packet> p)
    {
        ulReceived.insert(Number(p));
    }

    void OnKeyChange(std::string node, uint32_t, const NrSecurityKeyEpoch& e)
    {
        epochs.push_back(HoEpoch{node, e});
    }

    void OnUeEvent(uint32_t, const std::string& step, const std::string& detail)
    {
        ueEvents.push_back(step + ": " + detail);
    }

    void OnGnbEvent(std::string node, uint32_t, const std::string& step, const std::string& detail)
    {
        gnbEvents.push_back(node + ":" + step + ": " + detail);
    }

    void OnIntegrity(std::string node, uint32_t, uint8_t rb, uint32_t count, uint32_t, uint32_t)
    {
        integrity.push_back(node + ":" + std::to_string(rb) + ":" + std::to_string(count));
    }

    void OnRefused(
        std::string node, uint32_t, uint32_t, const std::string& name, const std::string& reason)
    {
        refused.push_back(node + ":" + name + ":" + reason);
    }

    void OnSession(std::string node,
                   uint32_t,
                   uint8_t psi,
                   uint8_t drb,
                   bool,
                   bool,
                   bool ok,
                   const std::string&)
    {
        sessions.push_back(node + ":" + std::to_string(psi) + ":" + std::to_string(drb) + ":"
                           + (ok ? "ok" : "rejected"));
        if (ok)
        {
            dlGnb = static_cast<uint16_t>(std::stoi(node.substr(3)));
        }
    }

    void OnPdcp(uint32_t, const std::string&, Ptr<NrSecurityPdcp> p)
    {
        pdcps.push_back(p);
    }

    /// \return the epochs recorded at one node
    std::vector<NrSecurityKeyEpoch> EpochsAt(const std::string& node) const
    {
        std::vector<NrSecurityKeyEpoch> out;
        for (const auto& e : epochs)
        {
            if (e.node == node)
            {
                out.push_back(e.epoch);
            }
        }
        return out;
    }

    /// \return the sum of every PDCP entity's txRefused (COUNT reuse refused by the guard)
    uint64_t TxRefused() const
    {
        uint64_t n = 0;
        for (const auto& p : pdcps)
        {
            n += p->GetCounters().txRefused;
        }
        return n;
    }

    /// \return the uplink / downlink numbers sent and not received
    uint32_t Missing(const std::set<uint32_t>& sent, const std::set<uint32_t>& received) const
    {
        uint32_t n = 0;
        for (uint32_t x : sent)
        {
            n += received.count(x) == 0;
        }
        return n;
    }

    void Run(Time stop)
    {
        Simulator::Stop(stop);
        Simulator::Run();
    }
};

/**
 * \return the cases of nr-security-handover-agreement-test.cc (algorithms, kept DRBs' UP
 *         security, path switch peers, bearers suspended by a re-establishment), new objects
 *         for the nr-security-handover suite to own (QUICK)
 */
std::vector<TestCase*> HandoverAgreementTestCases();

} // namespace nrsecuritytest
} // namespace ns3

#endif // NR_SECURITY_HANDOVER_TEST_SCENARIO_H
