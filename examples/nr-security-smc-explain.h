// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The --explain=1 option of nr-security-smc: for each UE, steps 27-30 of the procedure as the
 * UE computes them (TS 33.501 A.9, A.8; TS 33.401 B.2 via TS 33.501 D.3), with every input and
 * intermediate (NrSecurityExplain). Header-only: it belongs to the example alone and keeps the
 * example's own file short (no extra source in the build lists).
 */
#ifndef NR_SECURITY_SMC_EXPLAIN_H
#define NR_SECURITY_SMC_EXPLAIN_H

#include "ns3/nr-security-module.h"

#include <cctype>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace nrsecuritysmc
{

/**
 * \brief Collects, per UE, the inputs of steps 27-30 from the trace sources and prints them
 *        explained: step 27 K_gNB from K_AMF and the uplink NAS COUNT (the UE's initial key
 *        epoch, KeyChange), step 28 K_RRCint, step 29 the MAC-I of the SecurityModeCommand
 *        PDU (its bytes as the gNB's SRB1 transmitted them, PduEvent), step 30 K_UPint,
 *        K_RRCenc and K_UPenc (the algorithms from the UE's SecurityActivated).
 */
class SmcExplainer
{
  public:
    /**
     * \brief Connects to a UE's RRC entity (before the simulation runs).
     * \param rrc the UE RRC
     */
    void ConnectUe(ns3::Ptr<ns3::NrSecurityUeRrc> rrc)
    {
        rrc->TraceConnectWithoutContext("KeyChange", ns3::MakeBoundCallback(&OnKeyChange, this));
        rrc->TraceConnectWithoutContext("SecurityActivated",
                                        ns3::MakeBoundCallback(&OnActivated, this));
    }

    /**
     * \brief Connects to the gNB's RRC entity (before the simulation runs).
     * \param rrc the gNB RRC
     */
    void ConnectGnb(ns3::Ptr<ns3::NrSecurityGnbRrc> rrc)
    {
        rrc->TraceConnectWithoutContext("RrcMessage", ns3::MakeBoundCallback(&OnGnbMessage, this));
        rrc->TraceConnectWithoutContext("PdcpEntityCreated",
                                        ns3::MakeBoundCallback(&OnGnbPdcp, this));
    }

    /**
     * \brief Prints steps 27-30 of one UE, each line indented by four spaces.
     * \param ueId the UE id
     * \param os the stream
     */
    void Print(uint32_t ueId, std::ostream& os) const
    {
        using namespace ns3;
        auto it = m_ues.find(ueId);
        if (it == m_ues.end() || !it->second.haveEpoch || !it->second.activated)
        {
            os << "  explain: nothing to explain (AS security was not activated for this UE)\n";
            return;
        }
        const Ue& u = it->second;
        os << "  explain step 27 (UE): K_gNB from K_AMF and the uplink NAS COUNT\n";
        Indent(NrSecurityExplain::Kgnb(u.kAmf, u.ulNasCount), os);
        const NrSecurityKey256 kGnb = NrSecurityKdf::DeriveKgnb(u.kAmf, u.ulNasCount);
        using T = NrSecurityAlgorithmType;
        os << "  explain step 28 (UE): K_RRCint from K_gNB\n";
        Indent(NrSecurityExplain::AlgorithmKey(kGnb, T::N_RRC_INT, u.nia), os);
        if (u.smcPdu.size() >= 6)
        {
            os << "  explain step 29 (UE): the SecurityModeCommand's MAC-I (SRB1, downlink COUNT "
               << u.smcCount << ", PDU " << NrSecurityToHex(u.smcPdu) << ")\n";
            const std::vector<uint8_t> message(u.smcPdu.begin(), u.smcPdu.end() - 4);
            NrSecurityExplanation e = NrSecurityExplain::Nia(
                NrSecurityAlgorithms::IntegrityFromId(u.nia),
                NrSecurityKdf::DeriveAlgorithmKey(kGnb, T::N_RRC_INT, u.nia),
                u.smcCount,
                0, // SRB1: BEARER = RB identity - 1
                1, // downlink
                message,
                static_cast<uint32_t>(8 * message.size()));
            const std::string received = NrSecurityToHex(u.smcPdu.data() + message.size(), 4);
            e.items.push_back({"received MAC-I",
                               received,
                               received == e.items.back().hex
                                   ? "the last 4 bytes of the PDU: equal, the command is verified"
                                   : "the last 4 bytes of the PDU: DIFFERENT"});
            Indent(e, os);
        }
        os << "  explain step 30 (UE): K_UPint, K_RRCenc, K_UPenc from K_gNB\n";
        Indent(NrSecurityExplain::AlgorithmKey(kGnb, T::N_UP_INT, u.nia), os);
        Indent(NrSecurityExplain::AlgorithmKey(kGnb, T::N_RRC_ENC, u.nea), os);
        Indent(NrSecurityExplain::AlgorithmKey(kGnb, T::N_UP_ENC, u.nea), os);
    }

  private:
    /// What one UE's explanation needs.
    struct Ue
    {
        bool haveEpoch = false;       ///< the initial key epoch was traced
        ns3::NrSecurityKey256 kAmf{}; ///< K_AMF
        uint32_t ulNasCount = 0;      ///< uplink NAS COUNT
        bool activated = false;       ///< SecurityActivated at the UE
        uint8_t nea = 0;              ///< ciphering algorithm identity
        uint8_t nia = 0;              ///< integrity algorithm identity
        bool smcPending = false;      ///< the gNB just sent a SecurityModeCommand
        std::vector<uint8_t> smcPdu;  ///< its PDCP PDU as transmitted
        uint32_t smcCount = 0;        ///< its COUNT
    };

    static void Indent(const ns3::NrSecurityExplanation& e, std::ostream& os)
    {
        const std::string text = e.Format();
        size_t start = 0;
        while (start < text.size())
        {
            size_t end = text.find('\n', start);
            os << "    " << text.substr(start, end - start) << "\n";
            start = end + 1;
        }
    }

    static void OnKeyChange(SmcExplainer* self, uint32_t ueId, const ns3::NrSecurityKeyEpoch& e)
    {
        if (e.derivation == ns3::NrSecurityKeyEpoch::INITIAL)
        {
            Ue& u = self->m_ues[ueId];
            u.haveEpoch = true;
            u.kAmf = e.inputKey;
            u.ulNasCount = e.ulNasCount;
        }
    }

    static void OnActivated(SmcExplainer* self,
                            uint32_t ueId,
                            const std::string& nea,
                            const std::string& nia)
    {
        Ue& u = self->m_ues[ueId];
        u.activated = true;
        u.nea = static_cast<uint8_t>(nea.back() - '0'); // "NEA0".."NEA3"
        u.nia = static_cast<uint8_t>(nia.back() - '0');
    }

    static void OnGnbMessage(SmcExplainer* self,
                             uint32_t ueId,
                             const std::string& direction,
                             const std::string& name,
                             const std::vector<uint8_t>&,
                             const std::string& bearer,
                             const std::string&)
    {
        std::string lower = name;
        for (char& c : lower)
        {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        if (direction == "tx" && bearer == "SRB1" && lower == "securitymodecommand")
        {
            self->m_ues[ueId].smcPending = true; // its PDU follows (PduEvent TRANSMITTED)
        }
    }

    static void OnGnbPdcp(SmcExplainer* self,
                          uint32_t ueId,
                          const std::string& rb,
                          ns3::Ptr<ns3::NrSecurityPdcp> pdcp)
    {
        if (rb == "SRB1")
        {
            pdcp->TraceConnectWithoutContext("PduEvent",
                                             ns3::MakeBoundCallback(&OnGnbSrb1Pdu, self, ueId));
        }
    }

    static void OnGnbSrb1Pdu(SmcExplainer* self,
                             uint32_t ueId,
                             const ns3::NrSecurityPdcpPduEvent& e)
    {
        Ue& u = self->m_ues[ueId];
        if (u.smcPending && e.outcome == ns3::NrSecurityPdcpPduEvent::TRANSMITTED && e.pdu)
        {
            u.smcPending = false;
            u.smcPdu.resize(e.pdu->GetSize());
            e.pdu->CopyData(u.smcPdu.data(), u.smcPdu.size());
            u.smcCount = e.count;
        }
    }

    std::map<uint32_t, Ue> m_ues; ///< per UE id
};

} // namespace nrsecuritysmc

#endif // NR_SECURITY_SMC_EXPLAIN_H
