// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Cell selection and reselection on the radio model for adversaries (NrSecurityChannel,
 * RadioModel "Power"): reselection with hysteresis (TS 38.304 5.2.4.6), none while connected,
 * a false base station capturing a UE by its received power, and the stronger of two cells
 * with one PCI (a clone). The network is that of nr-security-radio-model-test-helpers.h.
 */
#include "../model/compat/nr-security-ns3-compat.h"
#include "nr-security-radio-model-test-helpers.h"
#include "nr-security-test-events.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/nr-security-helper.h"
#include "ns3/nr-security-ue-net-device.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::nrsecurityradiotest;

namespace
{

/// Records CellChanged.
void
CellChanged(std::vector<std::string>* out, uint32_t ue, uint16_t from, uint16_t to)
{
    out->push_back(std::to_string(ue) + ":" + std::to_string(from) + "->" + std::to_string(to));
}

} // namespace

/**
 * Cell selection and reselection (TS 38.304 5.2.4.6, R_s = Q_meas,s + Q_hyst, R_n =
 * Q_meas,n): no MobilityModels, so RSRP = TxPower. A UE in RRC_IDLE camped on cell 1
 * (18 dBm) with CellReselectionPeriod 100 ms: cell 2 at 18 + 3 - 0.01 dBm with Q_hyst 3 dB:
 * stays; at 18 + 3 + 0.01 dBm: reselects cell 2 (CellChanged 1->2 at 100 ms); Q_hyst 0 dB and
 * 18.01 dBm: reselects; period 0: never. AttachToStrongestCell: a false base station 10 dB
 * stronger captures the UE (RRCSetupRequest to it). SwitchToPci with two cells of one PCI:
 * the stronger.
 */
class CellSelectionTestCase : public SimTestCase
{
  public:
    CellSelectionTestCase()
        : SimTestCase("cell-selection: reselection with hysteresis, false base station capture")
    {
    }

  private:
    /// \return CellChanged events of an idle UE camped on cell 1 over 1 s
    static std::vector<std::string> Reselect(double cell2Power, double qHyst, Time period)
    {
        Radio r({0, 0}, {0}, false);
        r.Gnb(1)->SetAttribute("TxPower", DoubleValue(cell2Power));
        r.Ue()->SetAttribute("CellReselectionHysteresis", DoubleValue(qHyst));
        r.Ue()->SetAttribute("CellReselectionPeriod", TimeValue(period));
        r.Ue()->SetServingCellId(1);
        std::vector<std::string> changes;
        r.Ue()->TraceConnectWithoutContext("CellChanged",
                                           MakeBoundCallback(&CellChanged, &changes));
        std::vector<Time> when;
        r.Ue()->TraceConnectWithoutContext(
            "CellChanged",
            NrSecurityTestCallback<void, uint32_t, uint16_t, uint16_t>(
                [&when](uint32_t, uint16_t, uint16_t) { when.push_back(Simulator::Now()); }));
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        if (!when.empty())
        {
            changes.push_back("at " + std::to_string(when[0].GetMilliSeconds()) + " ms");
        }
        Simulator::Destroy();
        return changes;
    }

    void DoRun() override
    {
        typedef std::vector<std::string> V;
        NS_TEST_EXPECT_MSG_EQ((Reselect(18 + 3 - 0.01, 3, MilliSeconds(100)) == V{}),
                              true,
                              "within the hysteresis: stays");
        NS_TEST_EXPECT_MSG_EQ(
            (Reselect(18 + 3 + 0.01, 3, MilliSeconds(100)) == V{"1:1->2", "at 100 ms"}),
            true,
            "above the hysteresis: reselects at the first evaluation");
        NS_TEST_EXPECT_MSG_EQ((Reselect(18.01, 0, MilliSeconds(100)) == V{"1:1->2", "at 100 ms"}),
                              true,
                              "no hysteresis: the stronger cell");
        NS_TEST_EXPECT_MSG_EQ((Reselect(30, 3, Time(0)) == V{}), true, "period 0: off");
        // Reselection is an RRC_IDLE procedure: a connected UE stays in its cell (no
        // measurements here, so no A3 handover either) until it is released, then reselects.
        {
            Radio r({0, 0}, {0}, false);
            r.Gnb(1)->SetAttribute("TxPower", DoubleValue(28));
            r.Ue()->SetAttribute("MeasurementPeriod", TimeValue(Time(0)));
            r.Ue()->SetAttribute("CellReselectionPeriod", TimeValue(MilliSeconds(100)));
            std::vector<std::string> changes;
            r.Ue()->TraceConnectWithoutContext("CellChanged",
                                               MakeBoundCallback(&CellChanged, &changes));
            r.Ue()->Attach(1);
            uint16_t cellWhileConnected = 0;
            bool connected = false;
            NrSecurityTestSchedule(MilliSeconds(450),
                                   [&]()
                                   {
                                       cellWhileConnected = r.Ue()->GetServingCellId();
                                       connected = r.Ue()->GetRrc()->IsConnected();
                                       r.Gnb(0)->GetRrc()->Release(r.Ue()->GetUeId());
                                   });
            Simulator::Stop(MilliSeconds(700));
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(connected, true, "connected at 450 ms");
            NS_TEST_EXPECT_MSG_EQ(cellWhileConnected, 1, "no reselection while connected");
            NS_TEST_EXPECT_MSG_EQ((changes == V{"1:0->1", "1:1->2"}),
                                  true,
                                  "attach, then reselection of cell 2 once idle");
            NS_TEST_EXPECT_MSG_EQ(
                NrSecurityRrcStateName(r.Ue()->GetRrc()->GetState()), "IDLE", "released");
            Simulator::Destroy();
        }

        // A false base station (cell 2, 10 dB stronger at the UE) captures it.
        {
            Radio r({0, 100}, {60}, true);
            r.Gnb(1)->SetAttribute("FalseBaseStation", BooleanValue(true));
            r.Gnb(1)->SetAttribute("TxPower", DoubleValue(28 + 20 * std::log10(40.0 / 60)));
            std::vector<Rx> fbsRx;
            std::vector<Rx> realRx;
            r.Gnb(0)->TraceConnectWithoutContext("PduRx", MakeBoundCallback(&Record, &realRx));
            r.Gnb(1)->TraceConnectWithoutContext("PduRx", MakeBoundCallback(&Record, &fbsRx));
            NS_TEST_EXPECT_MSG_EQ_TOL(r.Ch()->GetRsrpDbm(r.Ue(), r.Gnb(1))
                                          - r.Ch()->GetRsrpDbm(r.Ue(), r.Gnb(0)),
                                      10.0,
                                      1e-9,
                                      "10 dB stronger");
            NS_TEST_EXPECT_MSG_EQ(r.Ue()->AttachToStrongestCell(), true, "attached");
            NS_TEST_EXPECT_MSG_EQ(r.Ue()->GetServingCellId(), 2, "to the false base station");
            Simulator::Stop(MicroSeconds(1500)); // the request arrives at 1 ms, nothing before
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(fbsRx.size(), 1u, "its RRCSetupRequest reached the FBS");
            NS_TEST_EXPECT_MSG_EQ(realRx.size(), 0u, "and not the real cell");
            Simulator::Destroy();
        }
        // A clone: two cells with PCI 7; SwitchToPci takes the stronger.
        for (double clonePower : {17.0, 19.0})
        {
            Radio r({0, 0}, {0}, false);
            r.Gnb(0)->GetRrc()->SetAttribute("PhysCellId", UintegerValue(7));
            r.Gnb(1)->GetRrc()->SetAttribute("PhysCellId", UintegerValue(7));
            r.Gnb(1)->SetAttribute("TxPower", DoubleValue(clonePower));
            NrSecurityCellInfo cell;
            NS_TEST_EXPECT_MSG_EQ(r.Ue()->SwitchToPci(7, cell), true, "PCI 7 exists");
            NS_TEST_EXPECT_MSG_EQ(
                cell.cellId, (clonePower > 18 ? 2 : 1), "the stronger of the two PCI-7 cells");
            NS_TEST_EXPECT_MSG_EQ(r.Ue()->GetServingCellId(), cell.cellId, "serving");
            Simulator::Destroy();
        }
    }
};

/// The cell selection suite.
class NrSecurityCellSelectionTestSuite : public TestSuite
{
  public:
    NrSecurityCellSelectionTestSuite()
        : TestSuite("nr-security-cell-selection", NrSecurityTestType::UNIT)
    {
        AddTestCase(new CellSelectionTestCase, NrSecurityTestDuration::QUICK);
    }
};

/// the suite's instance
static NrSecurityCellSelectionTestSuite g_nrSecurityCellSelectionTestSuite;
