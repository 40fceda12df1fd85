// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * What the cases of nr-security-radio-model and nr-security-cell-selection share: a test
 * adversary device, LogDistance with known parameters and its oracle, the helper-built network
 * of gNBs, UEs and adversaries on one channel (Radio), the record of received frames and a test
 * case that destroys its simulation. Included by those suites only (as the other suites'
 * scenario headers, not in the build lists).
 */
#ifndef NR_SECURITY_RADIO_MODEL_TEST_HELPERS_H
#define NR_SECURITY_RADIO_MODEL_TEST_HELPERS_H

#include "ns3/constant-position-mobility-model.h"
#include "ns3/double.h"
#include "ns3/node-container.h"
#include "ns3/nr-security-channel.h"
#include "ns3/nr-security-gnb-net-device.h"
#include "ns3/nr-security-helper.h"
#include "ns3/nr-security-ue-net-device.h"
#include "ns3/pointer.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <cmath>
#include <string>
#include <vector>

namespace ns3
{
namespace nrsecurityradiotest
{

/// An adversary device for the tests: a transmit power, no entity; records what reaches it.
class TestAdversary : public NrSecurityNetDevice
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::NrSecurityRadioModelTestAdversary")
                                .SetParent<NrSecurityNetDevice>()
                                .AddConstructor<TestAdversary>();
        return tid;
    }

    double m_txPower = 23; ///< dBm

    double GetTxPower() const override
    {
        return m_txPower;
    }

    bool IsAdversary() const override
    {
        return true;
    }

    void ReceiveFrame(NrSecurityAirFrame) override
    {
    }
};

/// Puts a node at x metres on the x axis.
inline void
Place(Ptr<Node> node, double x)
{
    Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
    m->SetPosition(Vector(x, 0, 0));
    node->AggregateObject(m);
}

/// LogDistance with known parameters: L(d) = 40 dB + 20 log10(d / 1 m) (exponent 2).
inline Ptr<LogDistancePropagationLossModel>
KnownLoss()
{
    Ptr<LogDistancePropagationLossModel> loss = CreateObject<LogDistancePropagationLossModel>();
    loss->SetAttribute("Exponent", DoubleValue(2.0));
    loss->SetAttribute("ReferenceDistance", DoubleValue(1.0));
    loss->SetAttribute("ReferenceLoss", DoubleValue(40.0));
    return loss;
}

/// The oracle of KnownLoss: received power at d metres, dBm.
inline double
KnownRx(double txPowerDbm, double d)
{
    return txPowerDbm - (40.0 + 20.0 * std::log10(d));
}

/// gNBs, UEs and adversaries on one channel built by the helper; positions optional.
struct Radio
{
    Ptr<NrSecurityHelper> nr;             ///< the helper (and its channel)
    NodeContainer gnbNodes;               ///< the gNBs' nodes
    NodeContainer ueNodes;                ///< the UEs' nodes
    NetDeviceContainer gnbs;              ///< the gNB devices
    NetDeviceContainer ues;               ///< the UE devices
    std::vector<Ptr<TestAdversary>> advs; ///< the adversaries made by Adversary()

    /**
     * \param gnbX gNB positions (m; empty vector entries: none) \param ueX UE positions
     * \param mobility false: no MobilityModel (received power = TxPower)
     */
    Radio(const std::vector<double>& gnbX, const std::vector<double>& ueX, bool mobility)
    {
        nr = CreateObject<NrSecurityHelper>();
        nr->SetAttribute("PropagationLossModel", PointerValue(KnownLoss()));
        gnbNodes.Create(gnbX.size());
        ueNodes.Create(ueX.size());
        for (std::size_t i = 0; mobility && i < gnbX.size(); ++i)
        {
            Place(gnbNodes.Get(i), gnbX[i]);
        }
        for (std::size_t i = 0; mobility && i < ueX.size(); ++i)
        {
            Place(ueNodes.Get(i), ueX[i]);
        }
        gnbs = nr->InstallGnbDevice(gnbNodes);
        ues = nr->InstallUeDevice(ueNodes);
    }

    /// \return a new adversary device \param txPower dBm \param x position (NAN: none)
    Ptr<TestAdversary> Adversary(double txPower, double x = NAN)
    {
        Ptr<Node> node = CreateObject<Node>();
        if (!std::isnan(x))
        {
            Place(node, x);
        }
        Ptr<TestAdversary> a = CreateObject<TestAdversary>();
        a->m_txPower = txPower;
        node->AddDevice(a);
        a->SetChannel(nr->GetChannel());
        advs.push_back(a);
        return a;
    }

    /// \return the channel of the helper
    Ptr<NrSecurityChannel> Ch() const
    {
        return nr->GetChannel();
    }

    /// \return gNB device i (cell i + 1)
    Ptr<NrSecurityGnbNetDevice> Gnb(uint32_t i) const
    {
        return DynamicCast<NrSecurityGnbNetDevice>(gnbs.Get(i));
    }

    /// \return UE device i
    Ptr<NrSecurityUeNetDevice> Ue(uint32_t i = 0) const
    {
        return DynamicCast<NrSecurityUeNetDevice>(ues.Get(i));
    }
};

/// What reached a receiver.
struct Rx
{
    Time time;                    ///< arrival
    NrSecurityFrameOrigin origin; ///< who sent it
    double rxPowerDbm;            ///< as the channel set it
    uint32_t attempt;             ///< ARQ attempt
};

/// Records a frame on a trace.
inline void
Record(std::vector<Rx>* out, const NrSecurityAirFrame& f)
{
    out->push_back(Rx{Simulator::Now(), f.origin, f.rxPowerDbm, f.attempt});
}

/// A test case whose simulation is destroyed even when an assertion ends it early.
class SimTestCase : public TestCase
{
  public:
    /// \param name the test name
    explicit SimTestCase(const std::string& name)
        : TestCase(name)
    {
    }

  private:
    void DoTeardown() override
    {
        Simulator::Destroy();
    }
};

} // namespace nrsecurityradiotest
} // namespace ns3

#endif // NR_SECURITY_RADIO_MODEL_TEST_HELPERS_H
