// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * PDCP protect + unprotect of 1500-byte DRB PDUs (NEA2 + NIA2, 18-bit SN) through two
 * NrSecurityPdcp entities (gNB -> UE, in order), next to the bare crypto calls on the same
 * buffers (NIA2 + NEA2 on transmit, NEA2 + NIA2 on receive) and to the two ns-3 Packets per
 * PDU that the entity path creates anyway (PDU and delivered SDU). The counter allocs/PDU
 * counts every operator new per PDU. EntityByCreateEntity against EntityByCreateObject: the
 * cost of making one entity, NrSecurityPdcp::CreateEntity against CreateObject.
 */
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-pdcp.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <atomic>
#include <benchmark/benchmark.h>
#include <cstdlib>
#include <new>
#include <vector>

namespace
{
std::atomic<uint64_t> g_allocations{0};
} // namespace

// GCC 12 warns that the replaced operator delete frees what the replaced operator new got from
// malloc; both are ours and match (a known false positive of -Wmismatched-new-delete).
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

void*
operator new(std::size_t n)
{
    ++g_allocations;
    if (void* p = std::malloc(n ? n : 1))
    {
        return p;
    }
    throw std::bad_alloc();
}

void*
operator new[](std::size_t n)
{
    return operator new(n);
}

void
operator delete(void* p) noexcept
{
    std::free(p);
}

void
operator delete[](void* p) noexcept
{
    std::free(p);
}

void
operator delete[](void* p, std::size_t) noexcept
{
    std::free(p);
}

void
operator delete(void* p, std::size_t) noexcept
{
    std::free(p);
}

using namespace ns3;

namespace
{

constexpr size_t SDU_BYTES = 1500;
const NrSecurityKey128 K_ENC = {
    0xe3, 0xf1, 0x84, 0x8b, 0x8d, 0xd2, 0x74, 0x50, 0x13, 0xda, 0x1a, 0x53, 0x0d, 0x91, 0xd6, 0x8e};
const NrSecurityKey128 K_INT = {
    0x3d, 0xc3, 0x7c, 0x61, 0xc2, 0x1f, 0xb1, 0x67, 0x40, 0xa2, 0xb2, 0xfe, 0x27, 0x78, 0x36, 0x46};

/// Wires a gNB entity's transmit callback straight into a UE entity.
struct Link
{
    Ptr<NrSecurityPdcp> gnb = CreateObject<NrSecurityPdcp>();
    Ptr<NrSecurityPdcp> ue = CreateObject<NrSecurityPdcp>();
    uint64_t delivered = 0;

    Link()
    {
        NrSecurityPdcpFormat f;
        f.rbType = NrSecurityRbType::DRB;
        f.rbId = 2;
        f.snBits = 18;
        f.drbIntegrity = true;
        gnb->SetFormat(f);
        ue->SetFormat(f);
        gnb->SetAttribute("Direction", StringValue("DL"));
        ue->SetAttribute("Direction", StringValue("UL"));
        gnb->SetTxIntegrity(NrSecurityIntegrity::NIA2, K_INT);
        gnb->SetTxCiphering(NrSecurityCiphering::NEA2, K_ENC);
        ue->SetRxIntegrity(NrSecurityIntegrity::NIA2, K_INT, 0);
        ue->SetRxCiphering(NrSecurityCiphering::NEA2, K_ENC, 0);
        gnb->SetTransmitPduCallback(MakeCallback(&NrSecurityPdcp::ReceivePdu, ue));
        ue->SetDeliverSduCallback(MakeCallback(&Link::OnSdu, this));
    }

    void OnSdu(Ptr<Packet>, uint32_t)
    {
        ++delivered;
    }
};

void
PdcpEntities(benchmark::State& state)
{
    Link link;
    std::vector<uint8_t> payload(SDU_BYTES, 0x5a);
    Ptr<Packet> sdu = Create<Packet>(payload.data(), SDU_BYTES);
    link.gnb->TransmitSdu(sdu); // warm-up: scratch buffers reach their size
    uint64_t allocs = 0;
    for (auto _ : state)
    {
        uint64_t before = g_allocations;
        link.gnb->TransmitSdu(sdu);
        allocs += g_allocations - before;
    }
    if (link.delivered != static_cast<uint64_t>(state.iterations()) + 1)
    {
        state.SkipWithError("not every PDU was delivered");
    }
    state.SetBytesProcessed(state.iterations() * SDU_BYTES);
    state.counters["allocs/PDU"] = double(allocs) / double(state.iterations());
    link.gnb->Dispose();
    link.ue->Dispose();
    Simulator::Destroy();
}

void
BareCrypto(benchmark::State& state)
{
    // header (3) + SDU + MAC-I (4), as the entity handles it
    std::vector<uint8_t> pdu(3 + SDU_BYTES + 4, 0x5a);
    uint32_t count = 0;
    for (auto _ : state)
    {
        const uint32_t covered = 3 + SDU_BYTES;
        uint32_t mac = NrSecurityAlgorithms::Nia(
            NrSecurityIntegrity::NIA2, K_INT, count, 1, 1, pdu.data(), covered, covered * 8);
        pdu[covered] = static_cast<uint8_t>(mac >> 24);
        NrSecurityAlgorithms::Nea(NrSecurityCiphering::NEA2,
                                  K_ENC,
                                  count,
                                  1,
                                  1,
                                  pdu.data() + 3,
                                  SDU_BYTES + 4,
                                  (SDU_BYTES + 4) * 8);
        NrSecurityAlgorithms::Nea(NrSecurityCiphering::NEA2,
                                  K_ENC,
                                  count,
                                  1,
                                  1,
                                  pdu.data() + 3,
                                  SDU_BYTES + 4,
                                  (SDU_BYTES + 4) * 8);
        benchmark::DoNotOptimize(NrSecurityAlgorithms::Nia(
            NrSecurityIntegrity::NIA2, K_INT, count, 1, 1, pdu.data(), covered, covered * 8));
        ++count;
    }
    state.SetBytesProcessed(state.iterations() * SDU_BYTES);
}

void
TwoPacketsOnly(benchmark::State& state)
{
    // What the entity path must allocate anyway: the PDU packet and the delivered SDU packet.
    std::vector<uint8_t> pdu(3 + SDU_BYTES + 4, 0x5a);
    uint64_t allocs = 0;
    for (auto _ : state)
    {
        uint64_t before = g_allocations;
        Ptr<Packet> a = Create<Packet>(pdu.data(), static_cast<uint32_t>(pdu.size()));
        Ptr<Packet> b = Create<Packet>(pdu.data() + 3, static_cast<uint32_t>(SDU_BYTES));
        benchmark::DoNotOptimize(a);
        benchmark::DoNotOptimize(b);
        allocs += g_allocations - before;
    }
    state.counters["allocs/PDU"] = double(allocs) / double(state.iterations());
}

/// Making one PDCP entity the way every ns-3 object is made: CreateObject (the baseline).
void
EntityByCreateObject(benchmark::State& state)
{
    for (auto _ : state)
    {
        Ptr<NrSecurityPdcp> p = CreateObject<NrSecurityPdcp>();
        benchmark::DoNotOptimize(p);
    }
}

/// Making one PDCP entity the way RRC does, NrSecurityPdcp::CreateEntity (a copy of a
/// prototype with the compiled defaults, then the changed defaults applied).
void
EntityByCreateEntity(benchmark::State& state)
{
    for (auto _ : state)
    {
        Ptr<NrSecurityPdcp> p = NrSecurityPdcp::CreateEntity(NrSecurityDirection::UPLINK);
        benchmark::DoNotOptimize(p);
    }
}

} // namespace

BENCHMARK(BareCrypto);
BENCHMARK(PdcpEntities);
BENCHMARK(TwoPacketsOnly);
BENCHMARK(EntityByCreateObject);
BENCHMARK(EntityByCreateEntity);
