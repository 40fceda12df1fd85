// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Suite nr-security-crnti: the identities of issue 14. The UE id is a network-wide uint32_t;
 * each cell allocates its own 16-bit C-RNTIs (TS 38.321 Table 7.1-1: 0x0001..0xFFEF).
 * Cases: the pool (range, exhaustion, reuse, the attribute's limits); two cells allocating
 * independently (the same C-RNTI for different UEs, learnt by each UE from its RRCSetup);
 * newUE-Identity = the target's allocation at handover; re-establishment found by (PCI,
 * C-RNTI) in the same cell and over Xn, and refused for an unknown or another UE's C-RNTI;
 * resume with VarResumeMAC-Input's C-RNTI of the suspending cell; exhaustion -> RRCReject
 * ("no C-RNTI", counted); UE ids above 65535 through the SMC.
 */
#include "nr-security-reestablishment-test-scenario.h"
#include "nr-security-test-events.h"
#include "ns3/boolean.h"
#include "ns3/nr-security-amf.h"
#include "ns3/nr-security-c-rnti-pool.h"
#include "ns3/nr-security-gnb-rrc.h"
#include "ns3/nr-security-rrc-message.h"
#include "ns3/nr-security-short-mac-i.h"
#include "ns3/nr-security-ue-rrc.h"
#include "ns3/nr-security-xn.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace ns3
{
namespace
{

/// One cell: its PCI.
constexpr uint16_t PCI_1 = 101; ///< PCI of cell 1
constexpr uint16_t PCI_2 = 202; ///< PCI of cell 2

/**
 * n gNB RRCs (cell ids 1..n) with the AMF and Xn, and UE RRCs with arbitrary 32-bit ids,
 * wired without devices: an ideal air with a 1 ms delay on which a downlink PDU reaches a UE
 * only from its serving cell, every arrival confirmed (RLC ACK). Records what the identities
 * tests look at: the RNTI of every downlink PDU, the gNBs' RRC messages (plaintext, as traced)
 * and ConnectionEvents.
 */
struct CrScenario
{
    Ptr<NrSecurityAmf> amf = CreateObject<NrSecurityAmf>();
    Ptr<NrSecurityXn> xn = CreateObject<NrSecurityXn>();
    std::vector<Ptr<NrSecurityGnbRrc>> gnbs;
    std::map<uint32_t, Ptr<NrSecurityUeRrc>> ues;
    std::map<uint32_t, uint16_t> serving;   ///< UE id -> serving cell id
    std::map<uint32_t, uint16_t> selection; ///< UE id -> cell its cell selection picks
    /// "cell:ue:name" -> the RNTI of the PDUs that carried it downlink (SRB0 and SRB1)
    std::map<std::string, std::vector<uint16_t>> dlRnti;
    std::vector<std::string> events; ///< "gnb<cell>:ue:event: detail" or "ue:id:event: detail"
    /// "cell:ue:dir:name" -> the plaintext messages the gNB traced
    std::map<std::string, std::vector<std::vector<uint8_t>>> gnbMessages;

    explicit CrScenario(const std::vector<uint16_t>& pcis)
    {
        for (size_t i = 0; i < pcis.size(); ++i)
        {
            const uint16_t cellId = static_cast<uint16_t>(i + 1);
            Ptr<NrSecurityGnbRrc> g = CreateObject<NrSecurityGnbRrc>();
            g->SetAttribute("PhysCellId", UintegerValue(pcis[i]));
            g->SetAttribute("ArfcnDl", UintegerValue(632628 + 100 * i));
            g->SetCellId(cellId);
            g->SetAmf(amf);
            g->SetTransmitCallback(MakeCallback(&CrScenario::GnbTx, this).Bind(cellId));
            const std::string node = "gnb" + std::to_string(cellId);
            g->TraceConnect("ConnectionEvent", node, MakeCallback(&CrScenario::OnEvent, this));
            g->TraceConnect("RrcMessage", node, MakeCallback(&CrScenario::OnGnbMessage, this));
            xn->AddGnbRrc(g);
            gnbs.push_back(g);
        }
    }

    ~CrScenario()
    {
        Simulator::Destroy();
    }

    Ptr<NrSecurityGnbRrc> Gnb(uint16_t cellId) const
    {
        return gnbs.at(cellId - 1);
    }

    /// Adds a UE with one PDU session (SRB2 and a DRB: re-establishment needs them).
    Ptr<NrSecurityUeRrc> AddUe(uint32_t ueId)
    {
        NrSecurityKey256 kAmf{};
        kAmf[0] = static_cast<uint8_t>(ueId);
        kAmf[1] = static_cast<uint8_t>(ueId >> 8);
        kAmf[2] = static_cast<uint8_t>(ueId >> 16);
        kAmf[31] = 0x5A;
        NrSecurityAmfUeContext c;
        c.kAmf = kAmf;
        c.ulNasCount = 0;
        c.pduSessions = {NrSecurityPduSession()};
        amf->AddUe(ueId, c);
        Ptr<NrSecurityUeRrc> ue = CreateObject<NrSecurityUeRrc>();
        ue->SetUeId(ueId);
        ue->SetNasSecurityContext(kAmf, 0);
        ue->SetTransmitCallback(MakeCallback(&CrScenario::UeTx, this).Bind(ueId));
        ue->SetCellSwitchCallback(MakeCallback(&CrScenario::SwitchCell, this).Bind(ueId));
        ue->SetCellSelectionCallback(MakeCallback(&CrScenario::SelectCell, this).Bind(ueId));
        ue->TraceConnect("ConnectionEvent",
                         "ue:" + std::to_string(ueId),
                         MakeCallback(&CrScenario::OnEvent, this));
        ues[ueId] = ue;
        return ue;
    }

    /// Schedules the UE's RRCSetupRequest to a cell.
    void Connect(uint32_t ueId, uint16_t cellId, Time at)
    {
        Simulator::Schedule(at, &CrScenario::DoConnect, this, ueId, cellId);
    }

    void DoConnect(uint32_t ueId, uint16_t cellId)
    {
        serving[ueId] = cellId;
        ues.at(ueId)->SetServingCell(Gnb(cellId)->GetCellInfo());
        ues.at(ueId)->Connect(cellId);
    }

    void UeTx(uint32_t ueId, const NrSecurityRbPdu& pdu)
    {
        Simulator::Schedule(MilliSeconds(1), &CrScenario::UlArrive, this, serving[ueId], ueId, pdu);
    }

    void UlArrive(uint16_t cell, uint32_t ueId, NrSecurityRbPdu pdu)
    {
        NrSecurityRbPdu copy = pdu;
        copy.pdu = pdu.pdu->Copy();
        Gnb(cell)->ReceivePdu(ueId, copy);
        ues.at(ueId)->ConfirmDelivery(pdu);
    }

    void GnbTx(uint16_t cell, uint32_t ueId, const NrSecurityRbPdu& pdu)
    {
        Simulator::Schedule(MilliSeconds(1), &CrScenario::DlArrive, this, cell, ueId, pdu);
    }

    void DlArrive(uint16_t cell, uint32_t ueId, NrSecurityRbPdu pdu)
    {
        if (serving[ueId] != cell || ues.count(ueId) == 0 || dropDl.count(ueId) != 0)
        {
            return;
        }
        NrSecurityRbPdu copy = pdu;
        copy.pdu = pdu.pdu->Copy();
        lastDlRnti[ueId] = pdu.rnti;
        ues.at(ueId)->ReceivePdu(copy);
        Gnb(cell)->ConfirmDelivery(ueId, pdu);
    }

    bool SwitchCell(uint32_t ueId, uint16_t pci, NrSecurityCellInfo& out)
    {
        if (noSwitch.count(ueId) != 0)
        {
            return false; // the target is not reachable (T304 would expire)
        }
        for (const auto& g : gnbs)
        {
            if (g->GetCellInfo().pci == pci)
            {
                out = g->GetCellInfo();
                serving[ueId] = out.cellId;
                return true;
            }
        }
        return false;
    }

    bool SelectCell(uint32_t ueId, NrSecurityCellInfo& out)
    {
        auto it = selection.find(ueId);
        const uint16_t cell = it == selection.end() ? serving[ueId] : it->second;
        out = Gnb(cell)->GetCellInfo();
        serving[ueId] = cell;
        return true;
    }

    void OnEvent(std::string node, uint32_t ueId, const std::string& ev, const std::string& d)
    {
        events.push_back(node + ":" + std::to_string(ueId) + ":" + ev + ": " + d);
    }

    void OnGnbMessage(std::string node,
                      uint32_t ueId,
                      const std::string& dir,
                      const std::string& name,
                      const std::vector<uint8_t>& bytes,
                      const std::string&,
                      const std::string&)
    {
        gnbMessages[node + ":" + std::to_string(ueId) + ":" + dir + ":" + name].push_back(bytes);
    }

    /// \return how many recorded events contain `text`
    size_t Count(const std::string& text) const
    {
        size_t n = 0;
        for (const auto& e : events)
        {
            n += e.find(text) != std::string::npos;
        }
        return n;
    }

    std::map<uint32_t, uint16_t> lastDlRnti; ///< UE id -> RNTI of the last downlink PDU
    std::set<uint32_t> dropDl;               ///< UEs whose downlink PDUs are all lost
    std::set<uint32_t> noSwitch;             ///< UEs that reach no handover target
    std::vector<std::string> refused;        ///< "node:name:reason" of MessageRefused

    void OnRefused(
        std::string node, uint32_t, uint32_t, const std::string& name, const std::string& reason)
    {
        refused.push_back(node + ":" + name + ":" + reason);
    }
};

/// The pool alone: the whole range of TS 38.321 Table 7.1-1, exhaustion, reuse, limits.
class CrntiPoolTestCase : public TestCase
{
  public:
    CrntiPoolTestCase()
        : TestCase("C-RNTI pool: 0x0001..0xFFEF each once, then 0; freed values reused")
    {
    }

  private:
    void DoRun() override
    {
        NrSecurityCRntiPool pool;
        std::vector<bool> seen(0x10000, false);
        uint32_t lo = 0xFFFF;
        uint32_t hi = 0;
        for (uint32_t i = 0; i < 65519; ++i)
        {
            const uint16_t c = pool.Allocate(100000 + i);
            NS_TEST_ASSERT_MSG_EQ((c != 0 && !seen[c]), true, "fresh C-RNTI " << c << " at " << i);
            seen[c] = true;
            lo = std::min<uint32_t>(lo, c);
            hi = std::max<uint32_t>(hi, c);
        }
        NS_TEST_EXPECT_MSG_EQ(lo, 0x0001u, "first C-RNTI (TS 38.321 Table 7.1-1)");
        NS_TEST_EXPECT_MSG_EQ(hi, 0xFFEFu, "last C-RNTI (TS 38.321 Table 7.1-1)");
        NS_TEST_EXPECT_MSG_EQ(pool.GetInUse(), 65519u, "65519 in use");
        NS_TEST_EXPECT_MSG_EQ(pool.Allocate(7), 0, "exhausted: 0");
        uint32_t owner = 0;
        NS_TEST_EXPECT_MSG_EQ(pool.Find(0x1234, owner), true, "0x1234 allocated");
        NS_TEST_EXPECT_MSG_EQ(owner, 100000u + 0x1233u, "next-fit order: UE of 0x1234");
        pool.Free(0x1234);
        NS_TEST_EXPECT_MSG_EQ(pool.Find(0x1234, owner), false, "0x1234 freed");
        NS_TEST_EXPECT_MSG_EQ(pool.Allocate(70000), 0x1234, "the only free value");
        NS_TEST_EXPECT_MSG_EQ((pool.Find(0x1234, owner) && owner == 70000), true, "new owner");

        NrSecurityCRntiPool small(3);
        NS_TEST_EXPECT_MSG_EQ(small.Allocate(1), 1, "1");
        NS_TEST_EXPECT_MSG_EQ(small.Allocate(2), 2, "2");
        small.Free(1);
        NS_TEST_EXPECT_MSG_EQ(small.Allocate(3), 3, "next-fit: 3 before the freed 1");
        NS_TEST_EXPECT_MSG_EQ(small.Allocate(4), 1, "wraps to the freed 1");
        NS_TEST_EXPECT_MSG_EQ(small.Allocate(5), 0, "exhausted");

        // CRntiLast lowered while values above it are in use: a value of the new range that is
        // free is still given out (HasFree, the gNB's CRntiAvailable), those above do not count.
        NrSecurityCRntiPool lowered(5);
        for (uint32_t id = 1; id <= 5; ++id)
        {
            lowered.Allocate(id); // 1..5
        }
        lowered.SetLast(2);
        lowered.Free(1);
        NS_TEST_EXPECT_MSG_EQ(lowered.HasFree(), true, "1 is free in 1..2 (3, 4, 5 above)");
        NS_TEST_EXPECT_MSG_EQ(lowered.GetCapacity(), 5u, "2 + the 3 above");
        NS_TEST_EXPECT_MSG_EQ(lowered.Allocate(9), 1, "the free value of the new range");
        NS_TEST_EXPECT_MSG_EQ(lowered.HasFree(), false, "1..2 in use");
        NS_TEST_EXPECT_MSG_EQ(lowered.Allocate(10), 0, "none free in 1..2");
        lowered.Free(4);
        NS_TEST_EXPECT_MSG_EQ(lowered.HasFree(), false, "freeing 4 (above) frees none of 1..2");
        NS_TEST_EXPECT_MSG_EQ(lowered.GetCapacity(), 4u, "2 + the 2 above (3, 5)");
        lowered.Free(2);
        NS_TEST_EXPECT_MSG_EQ(lowered.Allocate(11), 2, "2 again");
        NS_TEST_EXPECT_MSG_EQ(NrSecurityCRntiPool::IsCRnti(0), false, "0 (TS 38.321 Table 7.1-1)");
        NS_TEST_EXPECT_MSG_EQ(NrSecurityCRntiPool::IsCRnti(1), true, "0x0001");
        NS_TEST_EXPECT_MSG_EQ(NrSecurityCRntiPool::IsCRnti(0xFFEF), true, "0xFFEF");
        NS_TEST_EXPECT_MSG_EQ(NrSecurityCRntiPool::IsCRnti(0xFFF0), false, "0xFFF0");
        NS_TEST_EXPECT_MSG_EQ(NrSecurityCRntiPool::IsCRnti(0xFFFF), false, "0xFFFF (SI-RNTI)");

        bool threw = false;
        try
        {
            NrSecurityCRntiPool bad(0xFFF0);
        }
        catch (const std::invalid_argument&)
        {
            threw = true;
        }
        NS_TEST_EXPECT_MSG_EQ(threw, true, "0xFFF0 is not a C-RNTI");
        Ptr<NrSecurityGnbRrc> g = CreateObject<NrSecurityGnbRrc>();
        NS_TEST_EXPECT_MSG_EQ((g->SetAttributeFailSafe("CRntiLast", UintegerValue(0xFFF0))),
                              false,
                              "attribute refuses 0xFFF0");
        NS_TEST_EXPECT_MSG_EQ(
            (g->SetAttributeFailSafe("CRntiLast", UintegerValue(0))), false, "attribute refuses 0");
        UintegerValue v;
        g->GetAttribute("CRntiLast", v);
        NS_TEST_EXPECT_MSG_EQ(v.Get(), 0xFFEFu, "default CRntiLast");
    }
};

/// Two cells allocate independently; each UE learns its C-RNTI from its RRCSetup.
class CrntiPerCellTestCase : public TestCase
{
  public:
    CrntiPerCellTestCase()
        : TestCase("per-cell C-RNTIs: the same value in two cells, learnt from RRCSetup")
    {
    }

  private:
    void DoRun() override
    {
        CrScenario s({PCI_1, PCI_2});
        // UE ids unrelated to any C-RNTI; 65537 and 1 share their low 16 bits.
        const std::vector<uint32_t> cell1 = {4000000000u, 1, 65537};
        const std::vector<uint32_t> cell2 = {70000, 9};
        for (size_t i = 0; i < cell1.size(); ++i)
        {
            s.AddUe(cell1[i]);
            s.Connect(cell1[i], 1, MilliSeconds(10 + 5 * i));
        }
        for (size_t i = 0; i < cell2.size(); ++i)
        {
            s.AddUe(cell2[i]);
            s.Connect(cell2[i], 2, MilliSeconds(12 + 5 * i));
        }
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        for (size_t i = 0; i < cell1.size(); ++i)
        {
            const uint32_t id = cell1[i];
            NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetCRnti(id)), i + 1, "cell 1 allocation of " << id);
            NS_TEST_EXPECT_MSG_EQ((s.ues[id]->GetCRnti()), i + 1, "UE " << id << " learnt it");
            NS_TEST_EXPECT_MSG_EQ((s.ues[id]->GetState() == NrSecurityRrcState::SECURITY_ACTIVE),
                                  true,
                                  "UE " << id << " through the SMC");
            NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetUeContextByCRnti(i + 1)->ueId), id, "(PCI 1, C)");
        }
        for (size_t i = 0; i < cell2.size(); ++i)
        {
            const uint32_t id = cell2[i];
            NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetCRnti(id)), i + 1, "cell 2 allocation of " << id);
            NS_TEST_EXPECT_MSG_EQ((s.ues[id]->GetCRnti()), i + 1, "UE " << id << " learnt it");
            NS_TEST_EXPECT_MSG_EQ((s.ues[id]->GetState() == NrSecurityRrcState::SECURITY_ACTIVE),
                                  true,
                                  "UE " << id << " through the SMC");
        }
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetUeContextByCRnti(1)->ueId), 70000u, "(PCI 2, 1)");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetUeContextByCRnti(1)->ueId), 4000000000u, "(PCI 1, 1)");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetUeContextByCRnti(4) == nullptr), true, "unallocated");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetCRntisInUse()), 3u, "cell 1 in use");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetCRntisInUse()), 2u, "cell 2 in use");
        NS_TEST_EXPECT_MSG_EQ(s.lastDlRnti[65537], 3, "downlink PDUs carry the C-RNTI");
        // Release: the C-RNTI is freed; the UE has none in RRC_IDLE.
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->Release(1)), true, "release UE 1");
        Simulator::Stop(MilliSeconds(50));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetCRnti(1)), 0, "freed at release");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetCRntisInUse()), 2u, "cell 1 in use after release");
        NS_TEST_EXPECT_MSG_EQ((s.ues[1]->GetCRnti()), 0, "UE in RRC_IDLE has no C-RNTI");
    }
};

/// Handover: newUE-Identity is the C-RNTI the target allocated; the source frees its own.
class CrntiHandoverTestCase : public TestCase
{
  public:
    CrntiHandoverTestCase()
        : TestCase("handover: newUE-Identity = the target's allocation")
    {
    }

  private:
    void DoRun() override
    {
        CrScenario s({PCI_1, PCI_2});
        s.AddUe(500);
        s.Connect(500, 1, MilliSeconds(10)); // C-RNTI 1 in cell 1
        for (uint32_t id : {600u, 700u, 800u})
        {
            s.AddUe(id);
            s.Connect(id, 2, MilliSeconds(10 + id / 100)); // C-RNTIs 1, 2, 3 in cell 2
        }
        NrSecurityTestSchedule(Seconds(1),
                               [&s]() { s.Gnb(1)->Handover(500, 2, NrSecurityHandoverType::XN); });
        NrSecurityTestSchedule(
            Seconds(1.5),
            [&s]()
            {
                s.Gnb(2)->SendNas(500, {0x7e, 0x00}); // a downlink PDU from the target
            });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        const auto& cmds = s.gnbMessages["gnb1:500:tx:rrcReconfiguration"];
        bool found = false;
        for (const auto& b : cmds)
        {
            NrSecurityRrcDecoded d = NrSecurityRrcMessage::DecodeDlDcch(b.data(), b.size());
            if (d.ok && d.reconfigurationWithSyncPresent)
            {
                found = true;
                NS_TEST_EXPECT_MSG_EQ(d.reconfigurationWithSync.targetPci, PCI_2, "target PCI");
                NS_TEST_EXPECT_MSG_EQ(d.reconfigurationWithSync.newUeIdentity,
                                      4,
                                      "newUE-Identity: cell 2's next C-RNTI");
            }
        }
        NS_TEST_EXPECT_MSG_EQ(found, true, "the handover command was sent");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetUeState(500) == NrSecurityRrcState::SECURITY_ACTIVE),
                              true,
                              "handover completed");
        NS_TEST_EXPECT_MSG_EQ((s.ues[500]->GetCRnti()), 4, "the UE took newUE-Identity");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetCRnti(500)), 4, "target's C-RNTI for the UE");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetCRnti(500)), 0, "source freed its C-RNTI");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetCRntisInUse()), 0u, "nothing in use in cell 1");
        NS_TEST_EXPECT_MSG_EQ(s.lastDlRnti[500], 4, "the target addresses it with 4");
    }
};

/// Re-establishment finds the context by (PCI, C-RNTI): locally, over Xn, and refuses others.
class CrntiReestablishmentTestCase : public TestCase
{
  public:
    CrntiReestablishmentTestCase()
        : TestCase("re-establishment: the context of (PCI, c-RNTI), here and over Xn")
    {
    }

  private:
    void DoRun() override
    {
        CrScenario s({PCI_1, PCI_2});
        for (uint32_t id : {10u, 20u, 30u})
        {
            s.AddUe(id);
            s.Connect(id, 1, MilliSeconds(id)); // C-RNTIs 1, 2, 3 in cell 1
        }
        s.AddUe(90);
        s.Connect(90, 2, MilliSeconds(10)); // C-RNTI 1 in cell 2 (another UE)
        // UE 20 re-establishes in its own cell; UE 30 in cell 2, whose C-RNTI 1 is UE 90's.
        s.selection[30] = 2;
        std::map<uint32_t, NrSecurityGnbUeContext> before; // K_RRCint and NIA at the failure
        NrSecurityTestSchedule(Seconds(0.9),
                               [&s, &before]()
                               {
                                   for (uint32_t id : {20u, 30u})
                                   {
                                       const NrSecurityGnbUeContext* c = s.Gnb(1)->GetUeContext(id);
                                       before[id].keys = c->keys;
                                       before[id].nia = c->nia;
                                   }
                               });
        Simulator::Schedule(Seconds(1), &NrSecurityUeRrc::RadioLinkFailure, s.ues[20]);
        Simulator::Schedule(Seconds(1.5), &NrSecurityUeRrc::RadioLinkFailure, s.ues[30]);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        auto request = [&s](const std::string& key)
        {
            const auto& v = s.gnbMessages[key];
            return v.empty() ? NrSecurityRrcDecoded()
                             : NrSecurityRrcMessage::DecodeUlCcch(v[0].data(), v[0].size());
        };
        NrSecurityRrcDecoded r20 = request("gnb1:20:rx:rrcReestablishmentRequest");
        NS_TEST_EXPECT_MSG_EQ(r20.ok, true, "UE 20's request");
        NS_TEST_EXPECT_MSG_EQ(r20.cRnti, 2, "c-RNTI: UE 20's in cell 1");
        NS_TEST_EXPECT_MSG_EQ(r20.physCellId, PCI_1, "physCellId");
        const NrSecurityCellInfo c1 = s.Gnb(1)->GetCellInfo();
        const NrSecurityCellInfo c2 = s.Gnb(2)->GetCellInfo();
        NrSecurityRrcDecoded r30 = request("gnb2:30:rx:rrcReestablishmentRequest");
        NS_TEST_EXPECT_MSG_EQ(r30.ok, true, "UE 30's request");
        NS_TEST_EXPECT_MSG_EQ(r30.cRnti, 3, "c-RNTI: UE 30's in cell 1");
        NS_TEST_EXPECT_MSG_EQ(r30.physCellId, PCI_1, "physCellId of the source");
        // shortMAC-I over VarShortMAC-Input (source PCI, the new cell's cellIdentity, the
        // C-RNTI in the source cell), not over the UE id: the independent oracle (OpenSSL CMAC
        // with COUNT, BEARER, DIRECTION all ones over the input written bit by bit).
        NS_TEST_ASSERT_MSG_EQ((before[20].nia == NrSecurityIntegrity::NIA2
                               && before[30].nia == NrSecurityIntegrity::NIA2),
                              true,
                              "NIA2 (what the oracle computes)");
        auto shortMac = [&before](uint32_t id, uint64_t cellIdentity, uint16_t cRnti)
        {
            const auto& k = before[id].keys.kRrcInt;
            return nrsecuritytest::recovery::OracleShortMacI(
                std::vector<uint8_t>(k.begin(), k.end()), PCI_1, cellIdentity, cRnti);
        };
        NS_TEST_EXPECT_MSG_EQ(r20.shortMacI, shortMac(20, c1.cellIdentity, 2), "UE 20 MAC");
        NS_TEST_EXPECT_MSG_EQ(r30.shortMacI, shortMac(30, c2.cellIdentity, 3), "UE 30 MAC");
        NS_TEST_EXPECT_MSG_EQ(
            (r30.shortMacI != shortMac(30, c2.cellIdentity, 30)), true, "not over the UE id");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetReestablishments()), 1u, "UE 20 re-established here");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetReestablishments()), 1u, "UE 30 re-established there");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetCRnti(20)), 2, "same cell: UE 20 keeps 2");
        NS_TEST_EXPECT_MSG_EQ((s.ues[20]->GetCRnti()), 2, "UE 20 keeps 2");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetCRnti(30)), 2, "cell 2 gave UE 30 its next, 2");
        NS_TEST_EXPECT_MSG_EQ((s.ues[30]->GetCRnti()), 2, "UE 30 learnt 2 from RRCReestablishment");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetUeContextByCRnti(1)->ueId), 90u, "UE 90 untouched");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetCRnti(30)), 0, "old node freed UE 30's 3");
        NS_TEST_EXPECT_MSG_EQ((s.ues[30]->GetState() == NrSecurityRrcState::SECURITY_ACTIVE),
                              true,
                              "UE 30 connected in cell 2");

        // Requests naming an unknown C-RNTI, or another UE's, in this cell: fallback (counted).
        const uint64_t refusals = s.Gnb(1)->GetRecoveryRefusals();
        auto inject = [&s](uint32_t from, uint16_t cRnti)
        {
            NrSecurityRbPdu p;
            p.type = NrSecurityRbType::SRB0;
            p.rbId = 0;
            const std::vector<uint8_t> m
                = NrSecurityRrcMessage::EncodeRrcReestablishmentRequest(cRnti, PCI_1, 0x1234, 1);
            p.pdu = Create<Packet>(m.data(), uint32_t(m.size()));
            s.Gnb(1)->ReceivePdu(from, p);
        };
        s.AddUe(40);
        inject(40, 999);
        inject(40, 1); // UE 10's C-RNTI
        NS_TEST_EXPECT_MSG_EQ(s.Count("no UE context for c-RNTI 999 in PCI 101"), 1u, "unknown");
        NS_TEST_EXPECT_MSG_EQ(
            s.Count("c-RNTI 1 in PCI 101 is another UE's context"), 1u, "another UE's");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetRecoveryRefusals()), refusals + 2, "counted");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetUeContextByCRnti(1)->ueId), 10u, "UE 10 keeps it");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetUeState(10) == NrSecurityRrcState::SECURITY_ACTIVE),
                              true,
                              "UE 10 untouched");
    }
};

/// Resume: resumeMAC-I over the C-RNTI of the suspending cell; INACTIVE holds none.
class CrntiResumeTestCase : public TestCase
{
  public:
    CrntiResumeTestCase()
        : TestCase("resume: VarResumeMAC-Input with the C-RNTI in the suspending cell")
    {
    }

  private:
    void DoRun() override
    {
        CrScenario s({PCI_1, PCI_2});
        s.AddUe(11);
        s.AddUe(22);
        s.Connect(11, 1, MilliSeconds(10)); // C-RNTI 1
        s.Connect(22, 1, MilliSeconds(20)); // C-RNTI 2
        NrSecurityGnbUeContext before;
        NrSecurityTestSchedule(Seconds(1),
                               [&s, &before]()
                               {
                                   before.keys = s.Gnb(1)->GetUeContext(22)->keys;
                                   before.nia = s.Gnb(1)->GetUeContext(22)->nia;
                                   s.Gnb(1)->Suspend(22);
                               });
        uint16_t inactiveGnb = 99;
        uint16_t inactiveUe = 99;
        NrSecurityTestSchedule(Seconds(1.2),
                               [&]()
                               {
                                   inactiveGnb = s.Gnb(1)->GetCRnti(22);
                                   inactiveUe = s.ues[22]->GetCRnti();
                                   s.ues[22]->Resume();
                               });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(inactiveGnb, 0, "INACTIVE context: no C-RNTI at the gNB");
        NS_TEST_EXPECT_MSG_EQ(inactiveUe, 0, "RRC_INACTIVE UE: no C-RNTI");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetResumes()), 1u, "resumed");
        // next-fit: 3 (2 was freed at suspend and is not given out again at once)
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetCRnti(22)), 3, "a new C-RNTI after resume");
        NS_TEST_EXPECT_MSG_EQ((s.ues[22]->GetCRnti()), 3, "learnt from RRCResume");
        const auto& v = s.gnbMessages["gnb1:22:rx:rrcResumeRequest"];
        NS_TEST_ASSERT_MSG_EQ(v.size(), 1u, "one RRCResumeRequest");
        NrSecurityRrcDecoded r = NrSecurityRrcMessage::DecodeUlCcch(v[0].data(), v[0].size());
        NS_TEST_ASSERT_MSG_EQ(r.ok, true, "decoded");
        // resumeMAC-I over VarResumeMAC-Input (PCI of the suspending cell, this cell's
        // cellIdentity, the C-RNTI the UE had there: 2), not over the UE id 22.
        // The independent oracle: OpenSSL CMAC, COUNT, BEARER, DIRECTION all ones, over
        // VarResumeMAC-Input written bit by bit (the same layout as VarShortMAC-Input).
        const uint64_t cellIdentity = s.Gnb(1)->GetCellInfo().cellIdentity;
        NS_TEST_ASSERT_MSG_EQ(
            (before.nia == NrSecurityIntegrity::NIA2), true, "NIA2 (what the oracle computes)");
        const std::vector<uint8_t> kRrcInt(before.keys.kRrcInt.begin(), before.keys.kRrcInt.end());
        NS_TEST_EXPECT_MSG_EQ(
            r.resumeMacI,
            nrsecuritytest::recovery::OracleShortMacI(kRrcInt, PCI_1, cellIdentity, 2),
            "resumeMAC-I over source-c-RNTI 2");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetUeContext(22)->suspendCRnti), 2, "kept at suspend");
    }
};

/// The pool exhausted: RRCReject with the reason, counted; freed C-RNTIs admit again.
class CrntiExhaustionTestCase : public TestCase
{
  public:
    CrntiExhaustionTestCase()
        : TestCase("no C-RNTI free: RRCReject, counted and traced with 'no C-RNTI'")
    {
    }

  private:
    void DoRun() override
    {
        CrScenario s({PCI_1, PCI_2});
        s.Gnb(1)->SetAttribute("CRntiLast", UintegerValue(2));
        s.Gnb(2)->SetAttribute("CRntiLast", UintegerValue(1));
        for (uint32_t id : {1u, 2u, 3u})
        {
            s.AddUe(id);
            s.Connect(id, 1, MilliSeconds(10 * id));
        }
        s.AddUe(4);
        s.Connect(4, 2, MilliSeconds(10));
        NrSecurityTestSchedule(Seconds(1),
                               [&s]()
                               {
                                   s.Gnb(1)->Handover(
                                       1, 2, NrSecurityHandoverType::XN); // cell 2 is full
                               });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetCRntiRejects()), 1u, "one RRCSetupRequest refused");
        NS_TEST_EXPECT_MSG_EQ(s.gnbMessages["gnb1:3:tx:rrcReject"].size(), 1u, "RRCReject sent");
        NS_TEST_EXPECT_MSG_EQ(s.Count("gnb1:3:rejected: RRCSetupRequest: no C-RNTI (all 2 of "
                                      "this cell are in use); waitTime 5 s"),
                              1u,
                              "traced with the reason");
        NS_TEST_EXPECT_MSG_EQ(
            (s.ues[3]->GetState() == NrSecurityRrcState::IDLE), true, "UE 3 idle");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetUeContext(3) == nullptr), true, "no context kept");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetCRntiRejects()), 1u, "handover refused by cell 2");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetCRnti(1)), 1, "UE 1 stays in cell 1");
        NS_TEST_EXPECT_MSG_EQ((s.ues[1]->GetCRnti()), 1, "UE 1 keeps its C-RNTI");
        // Release UE 2: its C-RNTI is free again; UE 3 (after T302) is admitted with it.
        s.Gnb(1)->Release(2);
        Simulator::Schedule(Seconds(6), &CrScenario::DoConnect, &s, 3, 1);
        Simulator::Stop(Seconds(7));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetCRnti(3)), 2, "the freed C-RNTI");
        NS_TEST_EXPECT_MSG_EQ(
            (s.ues[3]->GetState() == NrSecurityRrcState::SECURITY_ACTIVE), true, "UE 3 connected");
    }
};

/**
 * The RRCSetup is lost (every downlink PDU to the UE dropped): the UE's T300 expires and it
 * sends no RRCSetupComplete. The gNB releases the CONNECTING context after SetupCompleteTimer
 * (1200 ms) and frees its C-RNTI (else a spoofer with fresh ids exhausts the cell).
 */
class CrntiSetupCompleteGuardTestCase : public TestCase
{
  public:
    CrntiSetupCompleteGuardTestCase()
        : TestCase("RRCSetup lost: SetupCompleteTimer releases the context and its C-RNTI")
    {
    }

  private:
    void DoRun() override
    {
        CrScenario s({PCI_1});
        NS_TEST_EXPECT_MSG_EQ(
            s.Gnb(1)->SetAttributeFailSafe("SetupCompleteTimer", TimeValue(Seconds(0))),
            false,
            "SetupCompleteTimer must be > 0");
        s.AddUe(7);
        s.dropDl.insert(7);
        s.Connect(7, 1, MilliSeconds(10)); // RRCSetupRequest at 11 ms, RRCSetup lost
        size_t heldAt1s = 0;
        NrSecurityTestSchedule(Seconds(1),
                               [&s, &heldAt1s]() { heldAt1s = s.Gnb(1)->GetCRntisInUse(); });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(heldAt1s, 1u, "C-RNTI held while RRCSetupComplete is awaited");
        NS_TEST_EXPECT_MSG_EQ(s.Count("ue:7:7:t300-expiry"), 1u, "the UE's T300 expired");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetCRntisInUse()), 0u, "C-RNTI freed");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetSetupCompleteTimeouts()), 1u, "counted");
        NS_TEST_EXPECT_MSG_EQ(
            (s.Gnb(1)->GetUeState(7) == NrSecurityRrcState::RELEASED), true, "context released");
        NS_TEST_EXPECT_MSG_EQ(s.Count("gnb1:7:released: no RRCSetupComplete within "
                                      "SetupCompleteTimer (1200 ms); C-RNTI freed"),
                              1u,
                              "traced with the reason");
    }
};

/**
 * Handover to a target the UE never reaches (T304): the target's prepared context holds
 * newUE-Identity until HandoverJoinTimer (1200 ms) expires, then it is released and the
 * C-RNTI freed.
 */
class CrntiHandoverJoinGuardTestCase : public TestCase
{
  public:
    CrntiHandoverJoinGuardTestCase()
        : TestCase("handover target not reached: HandoverJoinTimer frees newUE-Identity")
    {
    }

  private:
    void DoRun() override
    {
        CrScenario s({PCI_1, PCI_2});
        NS_TEST_EXPECT_MSG_EQ(
            s.Gnb(2)->SetAttributeFailSafe("HandoverJoinTimer", TimeValue(Seconds(0))),
            false,
            "HandoverJoinTimer must be > 0");
        s.AddUe(500);
        s.Connect(500, 1, MilliSeconds(10));
        s.noSwitch.insert(500);
        NrSecurityTestSchedule(Seconds(1),
                               [&s]() { s.Gnb(1)->Handover(500, 2, NrSecurityHandoverType::XN); });
        size_t heldAt1500 = 0;
        NrSecurityTestSchedule(MilliSeconds(1500),
                               [&s, &heldAt1500]() { heldAt1500 = s.Gnb(2)->GetCRntisInUse(); });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(heldAt1500, 1u, "newUE-Identity held while the UE is awaited");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetCRntisInUse()), 0u, "target freed newUE-Identity");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetHandoverJoinTimeouts()), 1u, "counted");
        NS_TEST_EXPECT_MSG_EQ(s.Count("gnb2:500:released: the UE did not arrive within "
                                      "HandoverJoinTimer (1200 ms); prepared context and "
                                      "C-RNTI 1 freed"),
                              1u,
                              "traced with the reason");
        NS_TEST_EXPECT_MSG_EQ((s.ues[500]->GetCRnti()), 1, "the UE kept its cell 1 C-RNTI");
    }
};

/**
 * reconfigurationWithSync whose newUE-Identity is not a C-RNTI (0xFFF0 and 0, TS 38.321
 * Table 7.1-1): refused (counted, MessageRefused), nothing applied.
 */
class CrntiNewUeIdentityTestCase : public TestCase
{
  public:
    CrntiNewUeIdentityTestCase()
        : TestCase("newUE-Identity 0xFFF0 or 0: refused by the UE")
    {
    }

  private:
    void DoRun() override
    {
        CrScenario s({PCI_1, PCI_2});
        Ptr<NrSecurityUeRrc> ue = s.AddUe(500);
        ue->TraceConnect("MessageRefused", "ue", MakeCallback(&CrScenario::OnRefused, &s));
        s.Connect(500, 1, MilliSeconds(10));
        NrSecurityTestSchedule(
            Seconds(1),
            [&s, ue]()
            {
                NrSecurityRadioBearerConfig rbc;
                rbc.srbsToAdd = {1, 2};
                rbc.srbReestablishPdcp = true;
                for (const auto& d : ue->GetDrbConfigs())
                {
                    NrSecurityDrbConfig c = d;
                    c.reestablishPdcp = true;
                    rbc.drbsToAdd.push_back(c);
                }
                NrSecurityReconfigurationWithSync sync;
                sync.targetPci = PCI_2;
                sync.ssbArfcn = 632728;
                NrSecurityMasterKeyUpdate mku;
                uint8_t t = 1;
                for (uint16_t id : {uint16_t{0xFFF0}, uint16_t{0}})
                {
                    sync.newUeIdentity = id;
                    s.Gnb(1)->SendDlDcch(
                        500, NrSecurityRrcMessage::EncodeRrcReconfiguration(t++, rbc, &sync, &mku));
                }
            });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ((ue->GetRefusedMessages("rrcReconfiguration")), 2u, "both refused");
        bool fff0 = false;
        bool zero = false;
        for (const auto& r : s.refused)
        {
            fff0 = fff0
                   || r
                          == "ue:rrcReconfiguration:newUE-Identity 65520 is not a C-RNTI "
                             "(0x0001..0xFFEF, TS 38.321 Table 7.1-1)";
            zero = zero
                   || r
                          == "ue:rrcReconfiguration:newUE-Identity 0 is not a C-RNTI "
                             "(0x0001..0xFFEF, TS 38.321 Table 7.1-1)";
        }
        NS_TEST_EXPECT_MSG_EQ(fff0, true, "0xFFF0 traced");
        NS_TEST_EXPECT_MSG_EQ(zero, true, "0 traced");
        NS_TEST_EXPECT_MSG_EQ((ue->GetCRnti()), 1, "C-RNTI unchanged");
        NS_TEST_EXPECT_MSG_EQ((ue->GetServingCell().cellId), 1, "still in cell 1");
    }
};

/**
 * No C-RNTI free in the new cell for an RRCReestablishmentRequest: no RRCReject (TS 38.331
 * 5.3.15 has it for establishment and resume only; re-establishment gets RRCReestablishment
 * or RRCSetup, 5.3.7), a counted, traced refusal; the UE's T301 expires: RRC_IDLE.
 */
class CrntiReestablishmentNoCRntiTestCase : public TestCase
{
  public:
    CrntiReestablishmentNoCRntiTestCase()
        : TestCase("re-establishment, no C-RNTI free: no RRCReject, counted, T301 expires")
    {
    }

  private:
    void DoRun() override
    {
        CrScenario s({PCI_1, PCI_2});
        s.Gnb(2)->SetAttribute("CRntiLast", UintegerValue(1));
        s.AddUe(30);
        s.Connect(30, 1, MilliSeconds(10));
        s.AddUe(90);
        s.Connect(90, 2, MilliSeconds(10)); // cell 2's only C-RNTI
        s.selection[30] = 2;
        Simulator::Schedule(Seconds(1), &NrSecurityUeRrc::RadioLinkFailure, s.ues[30]);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(s.gnbMessages["gnb2:30:rx:rrcReestablishmentRequest"].size(),
                              1u,
                              "the request reached cell 2");
        NS_TEST_EXPECT_MSG_EQ(s.gnbMessages["gnb2:30:tx:rrcReject"].size(), 0u, "no RRCReject");
        NS_TEST_EXPECT_MSG_EQ(s.gnbMessages["gnb2:30:tx:rrcSetup"].size(), 0u, "no RRCSetup");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetCRntiRejects()), 1u, "counted");
        NS_TEST_EXPECT_MSG_EQ(
            s.Count("gnb2:30:recovery-refused: RRCReestablishmentRequest: no C-RNTI (all 1 of "
                    "this cell are in use); no answer, the UE's T301 expires"),
            1u,
            "traced with the reason");
        NS_TEST_EXPECT_MSG_EQ(s.Count("retrieve-ue-context-request"), 0u, "nothing retrieved");
        NS_TEST_EXPECT_MSG_EQ(
            (s.ues[30]->GetState() == NrSecurityRrcState::IDLE), true, "T301 expired: UE 30 idle");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetUeContext(30) == nullptr), true, "no context kept");
        NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetCRnti(90)), 1, "UE 90 keeps its C-RNTI");
    }
};

/**
 * A RETRIEVE UE CONTEXT the new node gives up (no C-RNTI free at the RESPONSE, or its guard
 * timer expires before RRCReestablishmentComplete): XnAP UE CONTEXT RELEASE (TS 38.423 8.2.7)
 * to the old node, which frees the context and its C-RNTI.
 */
class CrntiRetrieveGivenUpTestCase : public TestCase
{
  public:
    CrntiRetrieveGivenUpTestCase()
        : TestCase("retrieved context given up at the new node: the old node frees it")
    {
    }

  private:
    void DoRun() override
    {
        {
            // Two UEs re-establish in cell 2 (one C-RNTI) at once: both requests pass, the
            // second RESPONSE finds the C-RNTI taken.
            CrScenario s({PCI_1, PCI_2});
            s.Gnb(2)->SetAttribute("CRntiLast", UintegerValue(1));
            for (uint32_t id : {20u, 30u})
            {
                s.AddUe(id);
                s.Connect(id, 1, MilliSeconds(id));
                s.selection[id] = 2;
                Simulator::Schedule(Seconds(1), &NrSecurityUeRrc::RadioLinkFailure, s.ues[id]);
            }
            Simulator::Stop(Seconds(3));
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(s.Count("gnb1:20:retrieve-ue-context-response"), 1u, "UE 20");
            NS_TEST_EXPECT_MSG_EQ(s.Count("gnb1:30:retrieve-ue-context-response"), 1u, "UE 30");
            NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetReestablishments()), 1u, "one re-established");
            NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetCRntiRejects()), 1u, "one refused");
            NS_TEST_EXPECT_MSG_EQ(
                s.Count("recovery-refused: RETRIEVE UE CONTEXT RESPONSE: no C-RNTI (all 1 of "
                        "this cell are in use); no answer, the UE's T301 expires"),
                1u,
                "traced at the response");
            NS_TEST_EXPECT_MSG_EQ(s.gnbMessages["gnb2:20:tx:rrcReject"].size()
                                      + s.gnbMessages["gnb2:30:tx:rrcReject"].size(),
                                  0u,
                                  "no RRCReject");
            NS_TEST_EXPECT_MSG_EQ(s.Count("gnb1:20:context-retrieved-release")
                                      + s.Count("gnb1:30:context-retrieved-release"),
                                  2u,
                                  "UE CONTEXT RELEASE for both");
            NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetCRntisInUse()), 0u, "old node freed both");
            NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetCRntisInUse()), 1u, "the re-established UE");
        }
        {
            // The RRCReestablishment never reaches the UE: the new node's guard expires.
            CrScenario s({PCI_1, PCI_2});
            s.AddUe(30);
            s.Connect(30, 1, MilliSeconds(10));
            s.selection[30] = 2;
            Simulator::Schedule(Seconds(1), &NrSecurityUeRrc::RadioLinkFailure, s.ues[30]);
            // After the request left (its delivery is scheduled): no downlink reaches UE 30.
            NrSecurityTestSchedule(Seconds(1) + MicroSeconds(500), [&s]() { s.serving[30] = 3; });
            Simulator::Stop(Seconds(4));
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(s.Count("gnb1:30:retrieve-ue-context-response"), 1u, "retrieved");
            NS_TEST_EXPECT_MSG_EQ(s.gnbMessages["gnb2:30:tx:rrcReestablishment"].size(),
                                  1u,
                                  "RRCReestablishment sent");
            NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetReestablishments()), 0u, "not completed");
            NS_TEST_EXPECT_MSG_EQ(
                s.Count("gnb2:30:released: no RRCReestablishmentComplete before the guard timer"),
                1u,
                "the new node's guard expired");
            NS_TEST_EXPECT_MSG_EQ(
                s.Count("gnb1:30:context-retrieved-release: UE CONTEXT RELEASE from cell 2"),
                1u,
                "UE CONTEXT RELEASE to the old node");
            NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetCRntisInUse()), 0u, "old node freed it");
            NS_TEST_EXPECT_MSG_EQ((s.Gnb(1)->GetCRnti(30)), 0, "no C-RNTI for UE 30 in cell 1");
            NS_TEST_EXPECT_MSG_EQ((s.Gnb(2)->GetCRntisInUse()), 0u, "new node freed it");
        }
    }
};

} // namespace

/// The suite.
static struct NrSecurityCrntiTestSuite : public TestSuite
{
    NrSecurityCrntiTestSuite()
        : TestSuite("nr-security-crnti")
    {
        AddTestCase(new CrntiPoolTestCase);
        AddTestCase(new CrntiPerCellTestCase);
        AddTestCase(new CrntiHandoverTestCase);
        AddTestCase(new CrntiReestablishmentTestCase);
        AddTestCase(new CrntiResumeTestCase);
        AddTestCase(new CrntiExhaustionTestCase);
        AddTestCase(new CrntiReestablishmentNoCRntiTestCase);
        AddTestCase(new CrntiRetrieveGivenUpTestCase);
        AddTestCase(new CrntiSetupCompleteGuardTestCase);
        AddTestCase(new CrntiHandoverJoinGuardTestCase);
        AddTestCase(new CrntiNewUeIdentityTestCase);
    }
} g_nrSecurityCrntiTestSuite; ///< the suite instance

} // namespace ns3
