// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-pdcp-test-helpers.h"

#include "nr-security-test-vectors.h"
#include "ns3/callback.h"
#include "ns3/string.h"

namespace ns3
{
namespace nrsecuritytest
{

const char* const R1_K_RRC_INT = "3dc37c61c21fb16740a2b2fe27783646";
const char* const R1_K_RRC_ENC = "941e50db4b51a68270b2af2793ec73de";
const char* const R1_K_UP_ENC = "e3f1848b8dd2745013da1a530d91d68e";

std::string
PacketHex(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return ToHex(b);
}

Ptr<Packet>
HexPacket(const std::string& hex)
{
    auto b = FromHex(hex);
    return Create<Packet>(b.data(), static_cast<uint32_t>(b.size()));
}

NrSecurityPdcpFormat
Srb1()
{
    NrSecurityPdcpFormat f;
    f.rbType = NrSecurityRbType::SRB;
    f.rbId = 1;
    f.snBits = 12;
    return f;
}

NrSecurityKey128
Key(const std::string& hex)
{
    return NrSecurityAlgorithms::Key128FromBytes(FromHex(hex));
}

PdcpProbe::PdcpProbe(const NrSecurityPdcpFormat& format, NrSecurityDirection direction)
    : pdcp(CreateObject<NrSecurityPdcp>())
{
    pdcp->SetFormat(format);
    pdcp->SetAttribute("Direction",
                       StringValue(direction == NrSecurityDirection::UPLINK ? "UL" : "DL"));
    pdcp->SetTransmitPduCallback(MakeCallback(&PdcpProbe::OnPdu, this));
    pdcp->SetDeliverSduCallback(MakeCallback(&PdcpProbe::OnSdu, this));
    pdcp->SetIntegrityFailureCallback(MakeCallback(&PdcpProbe::OnIntegrityIndication, this));
    pdcp->TraceConnectWithoutContext("PduDiscarded", MakeCallback(&PdcpProbe::OnDiscard, this));
    pdcp->TraceConnectWithoutContext("IntegrityFailure",
                                     MakeCallback(&PdcpProbe::OnIntegrityTrace, this));
}

int64_t
PdcpProbe::Send(const std::string& hex)
{
    return pdcp->TransmitSdu(HexPacket(hex));
}

void
PdcpProbe::Receive(const std::string& hex)
{
    pdcp->ReceivePdu(HexPacket(hex));
}

void
PdcpProbe::OnPdu(Ptr<Packet> p)
{
    sentPdus.push_back(PacketHex(p));
    sentPackets.push_back(p);
}

void
PdcpProbe::OnSdu(Ptr<Packet> p, uint32_t count)
{
    deliveredSdus.push_back(PacketHex(p));
    deliveredCounts.push_back(count);
}

void
PdcpProbe::OnIntegrityIndication(uint32_t count, Ptr<const Packet>)
{
    integrityIndications.push_back(count);
}

void
PdcpProbe::OnDiscard(std::string reason, Ptr<const Packet>)
{
    discards.push_back(reason);
}

void
PdcpProbe::OnIntegrityTrace(uint8_t rb, uint32_t count, uint32_t received, uint32_t expected)
{
    integrityTraces.push_back(std::to_string(rb) + "," + std::to_string(count) + ","
                              + ToHex32(received) + "," + ToHex32(expected));
}

} // namespace nrsecuritytest
} // namespace ns3
