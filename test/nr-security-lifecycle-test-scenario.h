// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The scenario the lifecycle suites share (nr-security-lifecycle, nr-security-lifecycle-up):
 * one gNB and n UEs built with NrSecurityHelper, the whole RRC lifecycle with the default gNB
 * (capability enquiry after security, SRB2 and DRBs), every RRC and user data trace recorded.
 */
#ifndef NR_SECURITY_LIFECYCLE_TEST_SCENARIO_H
#define NR_SECURITY_LIFECYCLE_TEST_SCENARIO_H

#include "nr-security-test-vectors.h"
#include "ns3/node-container.h"
#include "ns3/nr-security-helper.h"
#include "ns3/simulator.h"

#include <string>
#include <vector>

namespace ns3
{
namespace nrsecuritytest
{

/// One gNB and n UEs with every RRC and user data trace recorded as strings.
struct LifecycleScenario
{
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    NodeContainer gnbNodes;
    NodeContainer ueNodes;
    NetDeviceContainer gnbs;
    NetDeviceContainer ues;
    std::vector<NrSecurityAirFrame> air;  ///< first attempts, in order
    std::vector<std::string> ueMsgs;      ///< "ue:tx|rx name bearer protection" at the UEs
    std::vector<std::string> gnbMsgs;     ///< the same at the gNB
    std::vector<std::string> ueRefused;   ///< "ue:name:reason"
    std::vector<std::string> gnbRefused;  ///< "ue:name:reason"
    std::vector<std::string> ueEvents;    ///< "ue:event:detail" (ConnectionEvent)
    std::vector<std::string> gnbEvents;   ///< "ue:event:detail"
    std::vector<std::string> ueStates;    ///< "ue:old->new"
    std::vector<std::string> ueNas;       ///< "ue:hex" (NasReceived at the UE)
    std::vector<std::string> amfNas;      ///< "ue:hex" (InitialUeMessage and UplinkNas)
    std::vector<std::string> sessions;    ///< PduSessionSetup "ue:psi:drb:I|-C|-:ok|reason"
    std::vector<std::string> ueDiscards;  ///< UserDataDiscarded at the UEs "ue:bearer:reason"
    std::vector<std::string> gnbDiscards; ///< at the gNB
    std::vector<std::string> ueData;      ///< "ue:qfi:hex" downlink user data at the UEs
    std::vector<std::string> gnbData;     ///< "ue:psi:qfi:hex" uplink user data at the gNB

    explicit LifecycleScenario(uint32_t nUes = 1)
    {
        gnbNodes.Create(1);
        ueNodes.Create(nUes);
        gnbs = nr->InstallGnbDevice(gnbNodes);
        ues = nr->InstallUeDevice(ueNodes);
        nr->AssignStreams(11);
        nr->GetChannel()->AddTap(MakeCallback(&LifecycleScenario::OnAir, this));
        Ptr<NrSecurityGnbRrc> g = Gnb();
        g->TraceConnectWithoutContext("RrcMessage",
                                      MakeBoundCallback(&LifecycleScenario::OnMsg, &gnbMsgs));
        g->TraceConnectWithoutContext(
            "MessageRefused", MakeBoundCallback(&LifecycleScenario::OnRefused, &gnbRefused));
        g->TraceConnectWithoutContext("ConnectionEvent",
                                      MakeBoundCallback(&LifecycleScenario::OnEvent, &gnbEvents));
        g->TraceConnectWithoutContext("PduSessionSetup",
                                      MakeBoundCallback(&LifecycleScenario::OnSession, &sessions));
        g->TraceConnectWithoutContext(
            "UserDataDiscarded", MakeBoundCallback(&LifecycleScenario::OnDiscard, &gnbDiscards));
        g->SetUserDataCallback(MakeCallback(&LifecycleScenario::OnGnbData, this));
        nr->GetAmf()->TraceConnectWithoutContext(
            "InitialUeMessage", MakeBoundCallback(&LifecycleScenario::OnNas, &amfNas));
        nr->GetAmf()->TraceConnectWithoutContext(
            "UplinkNas", MakeBoundCallback(&LifecycleScenario::OnNas, &amfNas));
        for (uint32_t i = 0; i < nUes; ++i)
        {
            Ptr<NrSecurityUeRrc> u = Ue(i);
            u->TraceConnectWithoutContext("RrcMessage",
                                          MakeBoundCallback(&LifecycleScenario::OnMsg, &ueMsgs));
            u->TraceConnectWithoutContext(
                "MessageRefused", MakeBoundCallback(&LifecycleScenario::OnRefused, &ueRefused));
            u->TraceConnectWithoutContext(
                "ConnectionEvent", MakeBoundCallback(&LifecycleScenario::OnEvent, &ueEvents));
            u->TraceConnectWithoutContext(
                "StateChanged", MakeBoundCallback(&LifecycleScenario::OnState, &ueStates));
            u->TraceConnectWithoutContext("NasReceived",
                                          MakeBoundCallback(&LifecycleScenario::OnNas, &ueNas));
            u->TraceConnectWithoutContext(
                "UserDataDiscarded", MakeBoundCallback(&LifecycleScenario::OnDiscard, &ueDiscards));
            u->SetUserDataCallback(
                MakeBoundCallback(&LifecycleScenario::OnUeData, &ueData, u->GetUeId()));
        }
    }

    ~LifecycleScenario()
    {
        Simulator::Destroy();
    }

    Ptr<NrSecurityGnbRrc> Gnb() const
    {
        return DynamicCast<NrSecurityGnbNetDevice>(gnbs.Get(0))->GetRrc();
    }

    Ptr<NrSecurityUeNetDevice> UeDev(uint32_t i = 0) const
    {
        return DynamicCast<NrSecurityUeNetDevice>(ues.Get(i));
    }

    Ptr<NrSecurityUeRrc> Ue(uint32_t i = 0) const
    {
        return UeDev(i)->GetRrc();
    }

    /// Replaces UE 1's PDU sessions at the AMF.
    void SetSessions(const std::vector<NrSecurityPduSession>& s, uint32_t ueId = 1)
    {
        NrSecurityAmfUeContext c = nr->GetAmf()->GetUe(ueId);
        c.pduSessions = s;
        nr->GetAmf()->AddUe(ueId, c);
    }

    void Run(Time stop = MilliSeconds(300), bool attach = true)
    {
        if (attach)
        {
            nr->Attach(ues, gnbs.Get(0));
        }
        Simulator::Stop(stop);
        Simulator::Run();
    }

    /// \return the first-attempt frames of one bearer and direction
    std::vector<NrSecurityAirFrame> Frames(NrSecurityRbType type, uint8_t rbId, bool uplink) const
    {
        std::vector<NrSecurityAirFrame> out;
        for (const auto& f : air)
        {
            if (f.type == type && f.rbId == rbId && f.uplink == uplink)
            {
                out.push_back(f);
            }
        }
        return out;
    }

    void OnAir(const NrSecurityAirFrame& f)
    {
        if (f.attempt == 0)
        {
            air.push_back(f);
        }
    }

    void OnGnbData(uint32_t ue, uint8_t psi, uint8_t qfi, Ptr<Packet> p)
    {
        gnbData.push_back(std::to_string(ue) + ":" + std::to_string(psi) + ":" + std::to_string(qfi)
                          + ":" + Hex(p));
    }

    static std::string Hex(Ptr<const Packet> p)
    {
        std::vector<uint8_t> b(p->GetSize());
        p->CopyData(b.data(), b.size());
        return ToHex(b);
    }

    static void OnUeData(std::vector<std::string>* v, uint32_t ue, Ptr<Packet> p, uint8_t qfi)
    {
        v->push_back(std::to_string(ue) + ":" + std::to_string(qfi) + ":" + Hex(p));
    }

    static void OnMsg(std::vector<std::string>* v,
                      uint32_t ue,
                      const std::string& dir,
                      const std::string& name,
                      const std::vector<uint8_t>&,
                      const std::string& bearer,
                      const std::string& protection)
    {
        v->push_back(std::to_string(ue) + ":" + dir + " " + name + " " + bearer + " " + protection);
    }

    static void OnRefused(std::vector<std::string>* v,
                          uint32_t ue,
                          uint32_t,
                          const std::string& name,
                          const std::string& reason)
    {
        v->push_back(std::to_string(ue) + ":" + name + ":" + reason);
    }

    static void OnEvent(std::vector<std::string>* v,
                        uint32_t ue,
                        const std::string& e,
                        const std::string& d)
    {
        v->push_back(std::to_string(ue) + ":" + e + ":" + d);
    }

    static void OnState(std::vector<std::string>* v,
                        uint32_t ue,
                        const std::string& a,
                        const std::string& b)
    {
        v->push_back(std::to_string(ue) + ":" + a + "->" + b);
    }

    static void OnNas(std::vector<std::string>* v, uint32_t ue, const std::vector<uint8_t>& nas)
    {
        v->push_back(std::to_string(ue) + ":" + ToHex(nas));
    }

    static void OnSession(std::vector<std::string>* v,
                          uint32_t ue,
                          uint8_t psi,
                          uint8_t drb,
                          bool integrity,
                          bool ciphering,
                          bool ok,
                          const std::string& reason)
    {
        v->push_back(std::to_string(ue) + ":" + std::to_string(psi) + ":" + std::to_string(drb)
                     + ":" + (integrity ? "I" : "-") + (ciphering ? "C" : "-") + ":"
                     + (ok ? std::string("ok") : reason));
    }

    static void OnDiscard(std::vector<std::string>* v,
                          uint32_t ue,
                          const std::string& bearer,
                          const std::string& reason)
    {
        v->push_back(std::to_string(ue) + ":" + bearer + ":" + reason);
    }
};

} // namespace nrsecuritytest
} // namespace ns3

#endif // NR_SECURITY_LIFECYCLE_TEST_SCENARIO_H
