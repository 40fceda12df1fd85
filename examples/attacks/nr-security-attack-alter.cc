// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */

// placeholder (issue 16): attack example "alter" (the victim network only, no attack yet)
#include "nr-security-attack-scenario.h"

using namespace ns3;

/// The example proper.
int
Run(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    NrSecurityAttackOptions o = NrSecurityAttackParse(cmd, argc, argv);
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    NrSecurityAttackNetwork net = NrSecurityAttackBuildNetwork(nr, {Vector(30, 0, 1.5)});
    NrSecurityAttackEnableOutputs(net, o);
    nr->Attach(net.ues, net.gnbs.Get(0));
    NrSecurityAttackFlow f = NrSecurityAttackUdpFlow(net.ueNodes.Get(0),
                                                     net.remote,
                                                     net.remoteAddress,
                                                     53,
                                                     MilliSeconds(300),
                                                     MilliSeconds(10),
                                                     10,
                                                     40);
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    NrSecurityAttackOutcome out("alter", o);
    out.SetResult("not-implemented");
    out.Add("sent", f.Sent());
    out.Add("received", f.Received());
    out.AddFixed("rate", 1.0 / 256, 4);
    out.Print();
    Simulator::Destroy();
    return 1;
}

int
main(int argc, char* argv[])
{
    return NrSecurityAttackMain("nr-security-attack-alter", Run, argc, argv);
}
