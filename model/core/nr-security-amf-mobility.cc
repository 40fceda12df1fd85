// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityAmf, mobility: the NH chain per UE (TS 33.501 6.9.2.1.1, A.10), N2 path switch
 * (6.9.2.3.2, TS 38.413 8.4.4) and N2 handover (6.9.2.3.3, TS 38.413 8.4.1-8.4.3).
 */
#include "nr-security-amf.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityAmfMobility");

namespace
{

// The N2 deliveries, each an event of its own after the N2 delay; a gNB registered without
// the handler gets nothing.

/**
 * PATH SWITCH REQUEST ACKNOWLEDGE to the target gNB.
 * \param ack the target's handler
 * \param ueId the UE
 * \param a the acknowledge
 */
void
DeliverPathSwitchAck(NrSecurityAmf::PathSwitchAckCallback ack,
                     uint32_t ueId,
                     NrSecurityPathSwitchAck a)
{
    if (!ack.IsNull())
    {
        ack(ueId, a);
    }
}

/**
 * HANDOVER REQUEST to the target gNB.
 * \param target the target's handler
 * \param req the request
 */
void
DeliverHandoverRequest(NrSecurityAmf::HandoverRequestCallback target,
                       NrSecurityN2HandoverRequest req)
{
    if (!target.IsNull())
    {
        target(req);
    }
}

/**
 * HANDOVER COMMAND (or HANDOVER PREPARATION FAILURE) to the source gNB.
 * \param command the source's handler
 * \param ueId the UE
 * \param ok false: preparation failure
 * \param rrcContainer the target's RRCReconfiguration
 * \param cause the failure cause
 */
void
DeliverHandoverCommand(NrSecurityAmf::HandoverCommandCallback command,
                       uint32_t ueId,
                       bool ok,
                       std::vector<uint8_t> rrcContainer,
                       std::string cause)
{
    if (!command.IsNull())
    {
        command(ueId, ok, rrcContainer, cause);
    }
}

/**
 * UE CONTEXT RELEASE COMMAND to the source gNB.
 * \param release the source's handler
 * \param ueId the UE
 */
void
DeliverUeContextRelease(NrSecurityAmf::UeContextReleaseCallback release, uint32_t ueId)
{
    if (!release.IsNull())
    {
        release(ueId);
    }
}

} // namespace

bool
NrSecurityAmf::RefuseMobility(uint32_t ueId,
                              const std::string& procedure,
                              const std::string& reason)
{
    NS_LOG_WARN(procedure << " for UE " << ueId << " refused: " << reason);
    ++m_mobilityRefused;
    m_mobilityRefusedTrace(ueId, procedure, reason);
    return false;
}

uint64_t
NrSecurityAmf::GetMobilityRefusedCount() const
{
    return m_mobilityRefused;
}

void
NrSecurityAmf::SeedNhChain(uint32_t ueId,
                           const NrSecurityKey256& kAmf,
                           const NrSecurityKey256& kGnb)
{
    // TS 33.501 6.9.2.1.1: K_gNB has the virtual NH of NCC 0; the AMF also derives NH_1
    // (NCC 1) at initial setup but does not send it.
    m_nhChains[ueId] = NrSecurityNhChain(kAmf, kGnb);
    m_n2Handovers.erase(ueId);
    AdvanceNhChain(ueId);
}

const NrSecurityNhChain&
NrSecurityAmf::AdvanceNhChain(uint32_t ueId)
{
    NrSecurityNhChain& chain = m_nhChains.at(ueId);
    const NrSecurityKey256& nh = chain.Advance();
    NS_LOG_INFO("UE " << ueId << " NH_" << chain.GetIndex() << " NCC " << unsigned(chain.GetNcc()));
    m_nhDerivedTrace(
        ueId, chain.GetIndex(), chain.GetNcc(), std::vector<uint8_t>(nh.begin(), nh.end()));
    return chain;
}

const NrSecurityNhChain*
NrSecurityAmf::GetNhChain(uint32_t ueId) const
{
    auto it = m_nhChains.find(ueId);
    return it == m_nhChains.end() ? nullptr : &it->second;
}

void
NrSecurityAmf::RegisterGnb(uint16_t cellId,
                           HandoverRequestCallback handoverRequest,
                           UeContextReleaseCallback ueContextRelease)
{
    NS_LOG_FUNCTION(this << cellId);
    m_gnbs[cellId] = GnbHandlers{handoverRequest, ueContextRelease};
}

void
NrSecurityAmf::SetServingCell(uint32_t ueId, uint16_t cellId)
{
    NS_LOG_FUNCTION(this << ueId << cellId);
    m_servingCell[ueId] = cellId;
}

uint16_t
NrSecurityAmf::GetServingCell(uint32_t ueId) const
{
    auto it = m_servingCell.find(ueId);
    return it == m_servingCell.end() ? 0 : it->second;
}

bool
NrSecurityAmf::PathSwitchRequest(uint32_t ueId, uint16_t targetCellId, PathSwitchAckCallback ack)
{
    NS_LOG_FUNCTION(this << ueId << targetCellId);
    const std::string procedure = "PathSwitchRequest";
    if (m_ues.count(ueId) == 0)
    {
        return RefuseMobility(ueId, procedure, "unknown UE");
    }
    if (m_nhChains.count(ueId) == 0)
    {
        return RefuseMobility(ueId, procedure, "no security context");
    }
    if (m_gnbs.count(targetCellId) == 0)
    {
        // TS 38.413 8.4.4: PATH SWITCH REQUEST comes over the target's NG connection; the
        // fresh {NH, NCC} goes to no gNB the AMF does not know.
        return RefuseMobility(
            ueId, procedure, "unknown target cell " + std::to_string(targetCellId));
    }
    // TS 33.501 6.9.2.3.2: increment the NCC by one, fresh NH, send {NH, NCC}.
    const NrSecurityNhChain& chain = AdvanceNhChain(ueId);
    NrSecurityPathSwitchAck a;
    a.nh = chain.GetNh();
    a.ncc = chain.GetNcc();
    a.nhIndex = chain.GetIndex();
    m_servingCell[ueId] = targetCellId;
    Simulator::Schedule(m_n2Delay, &DeliverPathSwitchAck, ack, ueId, a);
    return true;
}

bool
NrSecurityAmf::HandoverRequired(uint32_t ueId,
                                uint16_t sourceCellId,
                                uint16_t targetCellId,
                                const std::vector<NrSecurityDrbCountStatus>& status,
                                HandoverCommandCallback handoverCommand,
                                uint32_t keyEpoch,
                                NrSecurityCiphering nea,
                                NrSecurityIntegrity nia,
                                const std::vector<NrSecurityPduSessionResult>& results)
{
    NS_LOG_FUNCTION(this << ueId << sourceCellId << targetCellId);
    const std::string procedure = "HandoverRequired";
    auto ue = m_ues.find(ueId);
    if (ue == m_ues.end())
    {
        return RefuseMobility(ueId, procedure, "unknown UE");
    }
    if (m_nhChains.count(ueId) == 0)
    {
        return RefuseMobility(ueId, procedure, "no security context");
    }
    if (m_gnbs.count(sourceCellId) == 0)
    {
        return RefuseMobility(
            ueId, procedure, "unknown source cell " + std::to_string(sourceCellId));
    }
    if (m_gnbs.count(targetCellId) == 0)
    {
        return RefuseMobility(
            ueId, procedure, "unknown target cell " + std::to_string(targetCellId));
    }
    if (targetCellId == sourceCellId)
    {
        return RefuseMobility(ueId, procedure, "target is the source cell");
    }
    const uint16_t serving = GetServingCell(ueId);
    if (serving != 0 && serving != sourceCellId)
    {
        return RefuseMobility(ueId, procedure, "not the serving cell");
    }
    if (m_n2Handovers.count(ueId) != 0)
    {
        return RefuseMobility(ueId, procedure, "handover in progress");
    }
    m_servingCell[ueId] = sourceCellId;
    // TS 33.501 6.9.2.3.3: increment the NCC by one, fresh NH, {NH, NCC} to the target.
    const NrSecurityNhChain& chain = AdvanceNhChain(ueId);
    NrSecurityN2HandoverRequest req;
    req.ueId = ueId;
    req.sourceCellId = sourceCellId;
    req.targetCellId = targetCellId;
    req.nh = chain.GetNh();
    req.ncc = chain.GetNcc();
    req.nhIndex = chain.GetIndex();
    req.caps = ue->second.caps;
    req.emergency = ue->second.emergency;
    req.pduSessions = ue->second.pduSessions;
    req.status = status;
    req.keyEpoch = keyEpoch;
    req.nea = nea;
    req.nia = nia;
    req.results = results;
    N2Handover ho;
    ho.sourceCellId = sourceCellId;
    ho.targetCellId = targetCellId;
    ho.handoverCommand = handoverCommand;
    m_n2Handovers[ueId] = ho;
    HandoverRequestCallback target = m_gnbs[targetCellId].handoverRequest;
    Simulator::Schedule(m_n2Delay, &DeliverHandoverRequest, target, req);
    return true;
}

void
NrSecurityAmf::HandoverRequestAcknowledge(uint32_t ueId,
                                          bool ok,
                                          const std::vector<uint8_t>& rrcContainer,
                                          const std::string& cause)
{
    NS_LOG_FUNCTION(this << ueId << ok << rrcContainer.size() << cause);
    auto it = m_n2Handovers.find(ueId);
    if (it == m_n2Handovers.end() || it->second.commanded)
    {
        RefuseMobility(ueId, "HandoverRequestAcknowledge", "no handover in progress");
        return;
    }
    HandoverCommandCallback command = it->second.handoverCommand;
    if (ok)
    {
        it->second.commanded = true;
    }
    else
    {
        m_n2Handovers.erase(it); // HANDOVER PREPARATION FAILURE ends the procedure
    }
    Simulator::Schedule(m_n2Delay, &DeliverHandoverCommand, command, ueId, ok, rrcContainer, cause);
}

void
NrSecurityAmf::HandoverNotify(uint32_t ueId, uint16_t targetCellId)
{
    NS_LOG_FUNCTION(this << ueId << targetCellId);
    auto it = m_n2Handovers.find(ueId);
    if (it == m_n2Handovers.end() || !it->second.commanded)
    {
        RefuseMobility(ueId, "HandoverNotify", "no handover in progress");
        return;
    }
    if (it->second.targetCellId != targetCellId)
    {
        RefuseMobility(ueId, "HandoverNotify", "wrong target cell " + std::to_string(targetCellId));
        return;
    }
    const uint16_t source = it->second.sourceCellId;
    m_n2Handovers.erase(it);
    m_servingCell[ueId] = targetCellId;
    UeContextReleaseCallback release = m_gnbs[source].ueContextRelease;
    Simulator::Schedule(m_n2Delay, &DeliverUeContextRelease, release, ueId);
}

} // namespace ns3
