// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The end-to-end scenario the SMC suites share (nr-security-smc, nr-security-smc-failures,
 * nr-security-hardening): one gNB and n UEs built with NrSecurityHelper, every trace recorded,
 * and an ErrorModel that loses the first attempts.
 */
#ifndef NR_SECURITY_SMC_TEST_SCENARIO_H
#define NR_SECURITY_SMC_TEST_SCENARIO_H

#include "nr-security-test-vectors.h"
#include "ns3/boolean.h"
#include "ns3/error-model.h"
#include "ns3/node-container.h"
#include "ns3/nr-security-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <array>
#include <set>
#include <string>
#include <vector>

namespace ns3
{
namespace nrsecuritytest
{

/// The project's reference context R1 (shared/cases): K_AMF, with uplink NAS COUNT 0 giving
/// K_gNB 493a16c5... (TS 33.501 A.9).
inline const char* const R1_K_AMF
    = "d655f16142035d4d72ca39583d228d2dd2ec0ca7929ad007f53b382d05544405";

/// \return the bytes of a packet as lowercase hex
inline std::string
Hex(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return ToHex(b);
}

/// \return a key as lowercase hex
template <size_t N>
std::string
Hex(const std::array<uint8_t, N>& k)
{
    return ToHex(std::vector<uint8_t>(k.begin(), k.end()));
}

/// \return true for a frame of RRC setup: SRB0 (RRCSetupRequest, RRCSetup, RRCReject) or the
///         RRCSetupComplete (the uplink SRB1 PDU with COUNT 0, header 0000)
inline bool
IsSetupFrame(const NrSecurityAirFrame& f)
{
    if (f.type == NrSecurityRbType::SRB0)
    {
        return true;
    }
    if (!f.uplink || f.type != NrSecurityRbType::SRB || f.rbId != 1 || f.pdu->GetSize() < 2)
    {
        return false;
    }
    uint8_t h[2];
    f.pdu->CopyData(h, 2);
    return (h[0] & 0x0F) == 0 && h[1] == 0;
}

/// Lets the first `m_skip` attempts that arrive at a device through, loses the next `m_count`
/// and lets the rest through (m_skip 1 lets a UE's RRCSetup through).
class DropFirstErrorModel : public ErrorModel
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::NrSecurityTestDropFirstErrorModel")
                                .SetParent<ErrorModel>()
                                .AddConstructor<DropFirstErrorModel>();
        return tid;
    }

    uint32_t m_skip = 0;  ///< attempts to let through first
    uint32_t m_count = 1; ///< attempts to lose

  private:
    bool DoCorrupt(Ptr<Packet>) override
    {
        if (m_skip > 0)
        {
            --m_skip;
            return false;
        }
        if (m_count > 0)
        {
            --m_count;
            return true;
        }
        return false;
    }

    void DoReset() override
    {
    }
};

/**
 * One gNB and n UEs built with NrSecurityHelper, with every trace recorded, and a channel tap
 * that keeps every first transmission attempt of the Security Mode Command phase.
 *
 * The SMC suites study the procedure on SRB1 after RRC setup: `air` holds the SRB1 frames
 * after each UE's RRCSetupComplete (the RRCSetupRequest and RRCSetup on SRB0 and the
 * RRCSetupComplete, SRB1 uplink COUNT 0, are in `setupAir`), and the gNB stops after the SMC
 * (CapabilityEnquiry None, SetupBearers false) so that the exact COUNTs of the procedure's
 * messages and of the test's own SRB1 traffic stay those of the reference cases. The whole
 * lifecycle is tested in the nr-security-lifecycle suites.
 */
struct Scenario
{
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    NodeContainer gnbNodes;
    NodeContainer ueNodes;
    NetDeviceContainer gnbs;
    NetDeviceContainer ues;
    std::vector<NrSecurityAirFrame> air;      ///< first attempts after setup, in order
    std::vector<NrSecurityAirFrame> setupAir; ///< first attempts of RRC setup, in order
    std::vector<std::string> ueFailures;      ///< "ue:reason"
    std::vector<std::string> gnbFailures;     ///< "ue:reason"
    std::vector<std::string> activations;     ///< "ue:NEAx/NIAy" at the gNB
    std::vector<std::string> ueSdus;          ///< "ue:hex" delivered at the UE
    std::vector<std::string> gnbSdus;         ///< "ue:hex" delivered at the gNB
    uint32_t radioLinkFailures = 0;

    explicit Scenario(uint32_t nUes)
    {
        gnbNodes.Create(1);
        ueNodes.Create(nUes);
        gnbs = nr->InstallGnbDevice(gnbNodes);
        ues = nr->InstallUeDevice(ueNodes);
        nr->AssignStreams(7);
        Gnb()->SetAttribute("CapabilityEnquiry", StringValue("None"));
        Gnb()->SetAttribute("SetupBearers", BooleanValue(false));
        nr->GetChannel()->AddTap(MakeCallback(&Scenario::OnAir, this));
        nr->GetChannel()->TraceConnectWithoutContext("RadioLinkFailure",
                                                     MakeCallback(&Scenario::OnRlf, this));
        Gnb()->TraceConnectWithoutContext("SecurityModeFailure",
                                          MakeCallback(&Scenario::OnGnbFailure, this));
        Gnb()->TraceConnectWithoutContext("SecurityActivated",
                                          MakeCallback(&Scenario::OnActivated, this));
        Gnb()->TraceConnectWithoutContext("SduReceived", MakeCallback(&Scenario::OnGnbSdu, this));
        for (uint32_t i = 0; i < nUes; ++i)
        {
            Ue(i)->TraceConnectWithoutContext("SecurityModeFailure",
                                              MakeCallback(&Scenario::OnUeFailure, this));
            Ue(i)->TraceConnectWithoutContext("SduReceived",
                                              MakeCallback(&Scenario::OnUeSdu, this));
        }
    }

    ~Scenario()
    {
        Simulator::Destroy();
    }

    Ptr<NrSecurityGnbRrc> Gnb() const
    {
        return DynamicCast<NrSecurityGnbNetDevice>(gnbs.Get(0))->GetRrc();
    }

    Ptr<NrSecurityUeRrc> Ue(uint32_t i) const
    {
        return DynamicCast<NrSecurityUeNetDevice>(ues.Get(i))->GetRrc();
    }

    void Run(Time stop = Seconds(3))
    {
        nr->Attach(ues, gnbs.Get(0));
        Simulator::Stop(stop);
        Simulator::Run();
    }

    /// \return the hex of the first-attempt PDUs of a UE in one direction, in order
    std::vector<std::string> Pdus(uint32_t ueId, bool uplink) const
    {
        std::vector<std::string> out;
        for (const auto& f : air)
        {
            if (f.ueId == ueId && f.uplink == uplink)
            {
                out.push_back(Hex(f.pdu));
            }
        }
        return out;
    }

    void OnAir(const NrSecurityAirFrame& f)
    {
        if (f.attempt != 0)
        {
            return;
        }
        if (IsSetupFrame(f))
        {
            setupAir.push_back(f);
            return;
        }
        air.push_back(f);
    }

    void OnRlf(const NrSecurityAirFrame&)
    {
        ++radioLinkFailures;
    }

    void OnUeFailure(uint32_t ue, const std::string& reason)
    {
        ueFailures.push_back(std::to_string(ue) + ":" + reason);
    }

    void OnGnbFailure(uint32_t ue, const std::string& reason)
    {
        gnbFailures.push_back(std::to_string(ue) + ":" + reason);
    }

    void OnActivated(uint32_t ue, const std::string& nea, const std::string& nia)
    {
        activations.push_back(std::to_string(ue) + ":" + nea + "/" + nia);
    }

    void OnUeSdu(uint32_t ue, uint32_t, const std::vector<uint8_t>& sdu)
    {
        ueSdus.push_back(std::to_string(ue) + ":" + ToHex(sdu));
    }

    void OnGnbSdu(uint32_t ue, uint32_t, const std::vector<uint8_t>& sdu)
    {
        gnbSdus.push_back(std::to_string(ue) + ":" + ToHex(sdu));
    }
};

} // namespace nrsecuritytest
} // namespace ns3

#endif // NR_SECURITY_SMC_TEST_SCENARIO_H
