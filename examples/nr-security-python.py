# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: the README's ns-3 Python script (section "From Python"), kept identical to it by
# bindings/python/tests/test_ns3_script.py. Two UEs attach to one gNB; a Python function
# connected to the SecurityActivated trace source prints each UE's algorithms.
#
#   PYTHONPATH=build/bindings/python build/venv/bin/python3 examples/nr-security-python.py
#
# (in an ns-3 source tree: ./ns3 run --pyrun contrib/nr-security/examples/nr-security-python.py)

from ns import ns
import nr_security  # loads nr-security into ns (nothing to do where ns-3 already did)

gnb_nodes, ue_nodes = ns.NodeContainer(1), ns.NodeContainer(2)
mobility = ns.MobilityHelper()  # the gNB and the UEs at (0,0,0)
mobility.Install(gnb_nodes)
mobility.Install(ue_nodes)
nr = ns.CreateObject["NrSecurityHelper"]()
nr.SetGnbRrcAttribute("CipheringPriority", ns.StringValue("NEA2,NEA1,NEA0"))
gnbs = nr.InstallGnbDevice(gnb_nodes)
ues = nr.InstallUeDevice(ue_nodes)  # K_AMF per UE from the RNG
nr.Attach(ues, gnbs.Get(0))  # RRC setup, SMC, SRB2 + DRB
nr.EnableTraces("traces.csv")
nr.EnablePcap(".")


def activated(ue, nea, nia):  # the trace source's arguments, converted by cppyy
    print(f"UE {ue}: {nea}/{nia}")


nr_security.connect(
    "/NodeList/*/DeviceList/*/$ns3::NrSecurityUeNetDevice/Rrc/SecurityActivated",
    activated, "uint32_t", "const std::string&", "const std::string&")
ns.Simulator.Stop(ns.Seconds(1))
ns.Simulator.Run()
ns.Simulator.Destroy()
