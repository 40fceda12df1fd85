// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityUeRrc: RRC connection establishment (TS 38.331 5.3.3), RRCReject (5.3.15) and
 * RRCRelease (5.3.8), with T300 and T302 (7.1.1).
 */
#include "nr-security-c-rnti-pool.h"
#include "nr-security-rrc-message.h"
#include "nr-security-ue-rrc.h"
#include "ns3/log.h"
#include "ns3/nr-security-hex.h"
#include "ns3/nr-security-packet-bytes.h"
#include "ns3/simulator.h"

#include <sstream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityUeRrcSetup");

namespace
{
/// EstablishmentCause mo-Signalling (TS 38.331 6.2.2 RRCSetupRequest-IEs: index 3)
constexpr uint8_t CAUSE_MO_SIGNALLING = 3;
/// selectedPLMN-Identity: the first PLMN of the cell's list (1..maxPLMN)
constexpr uint8_t SELECTED_PLMN = 1;
} // namespace

bool
NrSecurityUeRrc::Connect(uint16_t cellId)
{
    NS_LOG_FUNCTION(this << m_ueId << cellId);
    if (!m_t302Event.IsExpired())
    {
        // TS 38.331 5.3.3.2: while T302 runs the cell is barred for this access (the
        // establishment is not initiated; upper layers are told).
        ++m_connectRefusals;
        ConnectionEvent("connect-refused",
                        "T302 is running ("
                            + std::to_string(Simulator::GetDelayLeft(m_t302Event).GetMilliSeconds())
                            + " ms left, TS 38.331 5.3.3.2)");
        return false;
    }
    if (m_state != NrSecurityRrcState::IDLE)
    {
        ++m_connectRefusals;
        ConnectionEvent("connect-refused",
                        "not in RRC_IDLE (" + NrSecurityRrcStateName(m_state) + ")");
        return false;
    }
    m_cellId = cellId;
    // TS 38.331 5.3.3.3: with a 5G-S-TMSI from upper layers (the Ng5gSTmsi attribute)
    // ue-Identity is ng-5G-S-TMSI-Part1, its rightmost 39 bits; else a 39-bit randomValue.
    // establishmentCause from upper layers: mo-Signalling (registration).
    const bool tmsi = m_ng5gSTmsi != 0;
    uint64_t identity = m_ng5gSTmsi & ((uint64_t{1} << 39) - 1);
    if (!tmsi)
    {
        const uint64_t hi = m_random->GetInteger(0, 0x7F);
        const uint64_t lo = m_random->GetInteger(0, 0xFFFFFFFFu);
        identity = (hi << 32) | lo;
    }
    const std::vector<uint8_t> msg
        = NrSecurityRrcMessage::EncodeRrcSetupRequest(tmsi, identity, CAUSE_MO_SIGNALLING);
    SetState(NrSecurityRrcState::CONNECTING);
    m_t300Event.Cancel();
    m_t300Event = Simulator::Schedule(m_t300, &NrSecurityUeRrc::T300Expired, this);
    ConnectionEvent("t300-start", std::to_string(m_t300.GetMilliSeconds()) + " ms");
    m_rrcMessageTrace(m_ueId, "tx", "rrcSetupRequest", msg, "SRB0", "none");
    if (!m_transmit.IsNull())
    {
        NrSecurityRbPdu pdu;
        pdu.type = NrSecurityRbType::SRB0;
        pdu.rbId = 0;
        pdu.pdu = Create<Packet>(msg.data(), static_cast<uint32_t>(msg.size()));
        m_transmit(pdu);
    }
    return true;
}

void
NrSecurityUeRrc::ReceiveCcch(Ptr<Packet> pdu)
{
    std::vector<uint8_t> bytes = NrSecurityPacketBytes(pdu);
    NrSecurityRrcDecoded m = NrSecurityRrcMessage::DecodeDlCcch(bytes.data(), bytes.size());
    const std::string name = m.ok ? NrSecurityRrcMessage::Name(m.type) : "unknown";
    m_rrcMessageTrace(m_ueId, "rx", name, bytes, "SRB0", "none");
    if (!m.ok)
    {
        Refuse(m_ueId, 0, name, "DL-CCCH message not decoded: " + m.error);
        return;
    }
    if (m_state == NrSecurityRrcState::REESTABLISHING || m_state == NrSecurityRrcState::RESUMING)
    {
        ReceiveCcchRecovery(m, bytes); // nr-security-ue-rrc-reestablishment.cc
        return;
    }
    if (m_state != NrSecurityRrcState::CONNECTING)
    {
        // Only an answer to our RRCSetupRequest is acted upon (RRCSetup as a fallback of
        // re-establishment or resume, TS 38.331 5.3.3.4, is not modelled).
        Refuse(m_ueId, 0, name, "no RRCSetupRequest is pending (T300 not running)");
        return;
    }
    if (m.type == NrSecurityRrcDecoded::RRC_SETUP)
    {
        HandleRrcSetup(m, bytes);
    }
    else if (m.type == NrSecurityRrcDecoded::RRC_REJECT)
    {
        HandleRrcReject(m, bytes);
    }
    else
    {
        Refuse(m_ueId, 0, name, "not a DL-CCCH message");
    }
}

void
NrSecurityUeRrc::HandleRrcSetup(const NrSecurityRrcDecoded& m, const std::vector<uint8_t>&)
{
    NS_LOG_FUNCTION(this << m_ueId);
    const NrSecurityRadioBearerConfig& rbc = m.radioBearerConfig;
    bool hasSrb1 = false;
    for (uint8_t id : rbc.srbsToAdd)
    {
        hasSrb1 = hasSrb1 || id == 1;
    }
    if (!m.radioBearerConfigPresent || !hasSrb1 || rbc.srbsToAdd.size() != 1
        || !rbc.drbsToAdd.empty())
    {
        // TS 38.331 5.3.3.4 establishes SRB1 from the radioBearerConfig; SRB2 and DRBs are
        // set up only after AS security activation (5.3.1.2).
        Refuse(m_ueId, 0, "rrcSetup", "radioBearerConfig does not add exactly SRB1");
        return;
    }
    if (!NrSecurityCRntiPool::IsCRnti(m_rxRnti))
    {
        // The RNTI the RRCSetup came with becomes the C-RNTI (TS 38.321 Table 7.1-1).
        Refuse(m_ueId,
               0,
               "rrcSetup",
               "RNTI " + std::to_string(m_rxRnti)
                   + " is not a C-RNTI (0x0001..0xFFEF, TS 38.321 Table 7.1-1)");
        return;
    }
    // TS 38.331 5.3.3.4: stop T300 (and T302, 5.3.3.4 / 5.3.15 are for other cells), SRB1,
    // RRC_CONNECTED, RRCSetupComplete with the transaction id of the RRCSetup.
    m_t300Event.Cancel();
    ReleaseBearers();
    m_cRnti = m_rxRnti; // the RNTI the RRCSetup came with (the random access's TC-RNTI)
    m_srbs[1] = std::unique_ptr<NrSecurityRadioBearer>(
        new NrSecurityRadioBearer(this, m_ueId, NrSecurityRbType::SRB, 1, true));
    NotifyPdcpEntityCreated(m_ueId, "SRB1", m_srbs[1]->GetPdcp());
    SetState(NrSecurityRrcState::CONNECTED);
    ConnectionEvent("connected", "RRCSetup received, SRB1 up (unprotected)");
    // The NAS message of RRCSetupComplete is an initial NAS message; after the first under
    // this NAS security context it has the next uplink NAS COUNT (TS 24.501 4.4.3.1), from
    // which this connection's K_gNB is derived (TS 33.501 6.9.2.1.1, A.9): never the K_gNB of
    // an earlier connection with PDCP COUNTs restarting at 0. The AMF counts the same way.
    if (m_initialNasSent)
    {
        ++m_ulNasCount;
    }
    m_initialNasSent = true;
    Send(1,
         "rrcSetupComplete",
         NrSecurityRrcMessage::EncodeRrcSetupComplete(m.transactionId, SELECTED_PLMN, m_nas));
}

void
NrSecurityUeRrc::HandleRrcReject(const NrSecurityRrcDecoded& m, const std::vector<uint8_t>&)
{
    // TS 38.331 5.3.15.2: stop T300 and T302; if waitTime is present start T302 with it;
    // RRC_IDLE.
    m_t300Event.Cancel();
    m_t302Event.Cancel();
    if (m.waitTimePresent)
    {
        m_t302Event
            = Simulator::Schedule(Seconds(m.waitTimeSeconds), &NrSecurityUeRrc::T302Expired, this);
        ConnectionEvent("t302-start", std::to_string(unsigned(m.waitTimeSeconds)) + " s");
    }
    GoToIdle("RRCReject received");
}

void
NrSecurityUeRrc::HandleRrcRelease(const NrSecurityRrcDecoded& m, uint32_t count)
{
    if (m.suspendConfigPresent)
    {
        HandleSuspend(m, count); // RRC_INACTIVE (nr-security-ue-rrc-resume.cc)
        return;
    }
    // TS 38.331 5.3.8.3: before AS security activation every field but waitTime is ignored
    // (only redirectedCarrierInfo is modelled; VulnerabilityPreSecurityRedirect follows it
    // anyway). Release all radio resources (PDCP and SDAP of every established RB) and go to
    // RRC_IDLE; the 60 ms delay before acting is not modelled. A redirection is then followed
    // by camping on the redirected carrier (TS 38.304 5.2.6).
    const bool secured = IsSecurityActive();
    const bool redirect
        = m.redirectedCarrierInfoPresent && (secured || m_vulnerabilityPreSecurityRedirect);
    if (m.redirectedCarrierInfoPresent && !redirect)
    {
        ++m_redirectionsIgnored;
        ConnectionEvent("redirect-ignored",
                        "redirectedCarrierInfo (ARFCN-DL "
                            + std::to_string(m.redirectedCarrierInfo.carrierFreq)
                            + ") before AS security activation (TS 38.331 5.3.8.3)");
    }
    GoToIdle("RRCRelease received");
    if (redirect)
    {
        const uint32_t arfcn = m.redirectedCarrierInfo.carrierFreq;
        ++m_redirections;
        m_lastRedirectArfcnDl = arfcn;
        NrSecurityCellInfo cell;
        const bool camped = !m_redirect.IsNull() && m_redirect(arfcn, cell);
        ConnectionEvent("redirected",
                        "ARFCN-DL " + std::to_string(arfcn)
                            + (camped ? ": camped on cell " + std::to_string(cell.cellId) + " (PCI "
                                            + std::to_string(cell.pci) + ")"
                                      : ": no cell found on that carrier")
                            + (secured ? "" : " (VulnerabilityPreSecurityRedirect)"));
    }
}

void
NrSecurityUeRrc::T300Expired()
{
    // TS 38.331 5.3.3.7: T300 expiry, the establishment failed; RRC_IDLE.
    ConnectionEvent("t300-expiry", "no RRCSetup or RRCReject (TS 38.331 5.3.3.7)");
    GoToIdle("T300 expired");
}

void
NrSecurityUeRrc::T302Expired()
{
    // TS 38.331 5.3.14.4: barring alleviation.
    ConnectionEvent("t302-expiry", "the cell may be accessed again");
}

void
NrSecurityUeRrc::GoToIdle(const std::string& why)
{
    StopRecovery(); // T301, T311, T319 (nr-security-ue-rrc-reestablishment.cc)
    m_inactive = NrSecurityUeInactiveContext();
    ReleaseBearers();
    m_kGnb = NrSecurityKey256{};
    m_keys = NrSecurityAsKeys();
    ConnectionEvent("idle", why);
    SetState(NrSecurityRrcState::IDLE);
}

void
NrSecurityUeRrc::SetT300(Time t)
{
    m_t300 = t;
}

Time
NrSecurityUeRrc::GetT300() const
{
    return m_t300;
}

void
NrSecurityUeRrc::SetNasMessage(std::string hex)
{
    m_nas = NrSecurityFromHex(hex);
}

std::string
NrSecurityUeRrc::GetNasMessage() const
{
    return NrSecurityToHex(m_nas);
}

} // namespace ns3
