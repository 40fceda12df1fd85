// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Attack 6, UE capability hijacking (Shaik, Borgaonkar, Park, Seifert, "New Vulnerabilities in
 * 4G and 5G Cellular Access Network Protocols: Exposing Device Capabilities", ACM WiSec 2019:
 * capabilities sent before AS security are neither protected nor verified; a man-in-the-
 * middle alters them, e.g. "bidding down" the radio capabilities the network will use).
 *
 * Precondition (--mitigated=0, two profiles): the gNB asks for the UE's radio capabilities
 * before AS security (CapabilityEnquiry BeforeSecurity) and the UE answers before AS security
 * (VulnerabilityCapabilitiesBeforeSecurity); the attacker runs a man-in-the-middle relay
 * (NrSecurityMitmRelay: a false cell with the real cell's identity, 5 m from the UE, on which
 * the UE camps because it is received stronger).
 *
 * What it shows: the UE supports NR bands n1, n3 and n78 (SupportedBandsNr "1,3,78"). The
 * relay's intercept callback decodes every uplink SRB1 PDU it can read: the
 * UECapabilityInformation sent before AS security is plaintext (PDCP header, UL-DCCH message,
 * MAC-I of zeros), so it re-encodes it with n78 replaced by n28 (the 3.5 GHz band for a 700 MHz
 * one) and forwards it. The gNB has no way to check it and stores the altered list
 * (GetStoredCapabilities, GetStoredCapabilitiesBeforeSecurity).
 *
 * --mitigated=1, the compliant profiles (gNB CapabilityEnquiry AfterSecurity, TS 38.331
 * 5.6.1.1; UE answers only after AS security): the UECapabilityInformation is ciphered
 * (NEA2) and integrity-protected (NIA2). The relay can no longer read it, but it knows the
 * message (the same UE, the same encoding) and where it comes (the first uplink SRB1 PDU
 * after the SecurityModeComplete, which is sent unciphered): it xors (own xor forged
 * encoding) into the ciphertext, which on a stream cipher turns the plaintext into exactly
 * the forged message (TS 33.501 D.2.1). The gNB's PDCP entity verifies the MAC-I over the
 * altered bytes, discards the PDU and counts an integrity failure (TS 38.323 5.2.2.1); the
 * gNB never stores the altered capabilities. No valid answer arrives within the gNB's
 * CapabilityEnquiryTimer (200 ms), so it sends UECapabilityEnquiry again with a new
 * rrc-TransactionIdentifier (ConnectionEvent "capability-enquiry-retry"); this relay alters
 * only the first answer (it knows where that one is), so the UE's second
 * UECapabilityInformation arrives intact, verifies, and the gNB stores the UE's own bands and
 * sets up the DRB. A relay that altered every answer would only deny service: after
 * CapabilityEnquiryRetries (2) retries the gNB releases the connection (RRCRelease,
 * "capability-enquiry-failed") and still stores nothing altered.
 *
 * What mitigates it: asking for capabilities only after AS security activation (TS 38.331
 * 5.6.1.1: the network should retrieve UE capabilities only after AS security activation,
 * although Annex B.1 still lists UECapabilityEnquiry and UECapabilityInformation among the
 * messages that may be sent before it; Shaik et al. propose it, and that the network verify
 * the capabilities it got before security once security is on); a UE that refuses an
 * enquiry before AS security.
 *
 *   ./nr-security-attack-capability-hijack [--mitigated=0] [--outputDir=] [--seed=1]
 *
 * --outputDir=DIR: the victims' traces and pcaps (traces.csv, gnb-1.pcap, ue-1.pcap, keys.csv),
 * the labelled dataset (DIR/dataset.csv and DIR/dataset.pcap, label "capability-hijack" for the
 * forged frames).
 *
 * Last line: outcome: attack=capability-hijack mitigated=0|1 result=success|blocked
 * ueBands=1,3,78 storedBands=<bands>|none storedBeforeSecurity=0|1 rewritten=R flipped=F
 * gnbIntegrityFailures=I capabilityInformationsSent=N capabilityEnquiries=E
 * capabilityRetries=T ueSecurity=active|none drbs=D
 */
#include "nr-security-attack-scenario.h"

using namespace ns3;

namespace
{

/// \return the bands as "1,3,78" ("none" if empty)
std::string
BandList(const std::vector<uint16_t>& bands)
{
    std::string s;
    for (uint16_t b : bands)
    {
        s += (s.empty() ? "" : ",") + std::to_string(b);
    }
    return s.empty() ? "none" : s;
}

/// \return the bytes of a packet
std::vector<uint8_t>
Bytes(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p ? p->GetSize() : 0);
    if (!b.empty())
    {
        p->CopyData(b.data(), b.size());
    }
    return b;
}

/// The relay's intercept callback and what it did.
struct Hijack
{
    uint32_t victim = 1;          ///< the UE id
    std::vector<uint16_t> own;    ///< the UE's bands (known to the attacker)
    std::vector<uint16_t> forged; ///< the bands the gNB should believe
    bool afterSmc = false;        ///< the SecurityModeComplete went by (one shot)
    uint64_t rewritten = 0;       ///< plaintext UECapabilityInformation re-encoded
    uint64_t flipped = 0;         ///< ciphered UECapabilityInformation bit-flipped

    /**
     * Uplink SRB1 of the victim: a UECapabilityInformation in clear is re-encoded with the
     * forged bands; the first PDU after the SecurityModeComplete (ciphered) gets the
     * known-plaintext xor, once. Everything else is forwarded unchanged (also the UE's answer
     * to the gNB's repeated UECapabilityEnquiry).
     * \param frame the frame in flight \return FORWARD
     */
    NrSecurityRelayDecision Intercept(NrSecurityAirFrame& frame)
    {
        if (frame.ueId != victim || !frame.uplink || frame.type != NrSecurityRbType::SRB
            || frame.rbId != 1 || !frame.pdu || frame.pdu->GetSize() < 7)
        {
            return NrSecurityRelayDecision();
        }
        const std::vector<uint8_t> pdu = Bytes(frame.pdu);
        // TS 38.323 6.2.2.1: 2-byte header (12-bit SN), the message, a 4-byte MAC-I
        const std::vector<uint8_t> message(pdu.begin() + 2, pdu.end() - 4);
        const NrSecurityRrcDecoded m
            = NrSecurityRrcMessage::DecodeUlDcch(message.data(), message.size());
        if (m.ok && m.type == NrSecurityRrcDecoded::UE_CAPABILITY_INFORMATION)
        {
            const std::vector<uint8_t> altered
                = NrSecurityRrcMessage::EncodeUeCapabilityInformation(m.transactionId, forged);
            std::vector<uint8_t> b(pdu.begin(), pdu.begin() + 2);
            b.insert(b.end(), altered.begin(), altered.end());
            b.insert(b.end(), pdu.end() - 4, pdu.end()); // the MAC-I field as it was (zeros)
            frame.pdu = Create<Packet>(b.data(), uint32_t(b.size()));
            ++rewritten;
            return NrSecurityRelayDecision();
        }
        if (m.ok && m.type == NrSecurityRrcDecoded::SECURITY_MODE_COMPLETE)
        {
            afterSmc = true;
            return NrSecurityRelayDecision();
        }
        if (afterSmc)
        {
            afterSmc = false;
            // The transaction id is the same in both encodings: it cancels in the xor.
            const std::vector<uint8_t> a
                = NrSecurityRrcMessage::EncodeUeCapabilityInformation(0, own);
            const std::vector<uint8_t> f
                = NrSecurityRrcMessage::EncodeUeCapabilityInformation(0, forged);
            if (a.size() == f.size() && message.size() == a.size())
            {
                std::vector<uint8_t> mask(a.size());
                for (size_t i = 0; i < a.size(); ++i)
                {
                    mask[i] = a[i] ^ f[i];
                }
                frame.pdu = NrSecurityMitmRelay::XorBytes(frame.pdu, 2, mask);
                ++flipped;
            }
        }
        return NrSecurityRelayDecision();
    }
};

} // namespace

/// The example proper.
int
Run(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    cmd.Usage("UE capability hijacking: a relay alters the UECapabilityInformation; asked "
              "before AS security (--mitigated=0) the gNB stores the altered bands, asked after "
              "it (--mitigated=1) the altered PDU fails integrity and is discarded, the gNB "
              "asks again and stores the UE's own bands.");
    const NrSecurityAttackOptions o = NrSecurityAttackParse(cmd, argc, argv);

    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    nr->SetUeRrcAttribute("SupportedBandsNr", StringValue("1,3,78"));
    nr->SetUeRrcAttribute("VulnerabilityCapabilitiesBeforeSecurity", BooleanValue(!o.mitigated));
    nr->SetGnbRrcAttribute("CapabilityEnquiry",
                           StringValue(o.mitigated ? "AfterSecurity" : "BeforeSecurity"));
    NrSecurityAttackNetwork net = NrSecurityAttackBuildNetwork(nr, {Vector(100, 0, 1.5)});
    NrSecurityAttackEnableOutputs(net, o);
    Ptr<NrSecurityUeNetDevice> ue = net.Ue();
    Ptr<NrSecurityUeRrc> ueRrc = ue->GetRrc();
    Ptr<NrSecurityGnbRrc> gnbRrc = net.Gnb()->GetRrc();

    NrSecurityAdversaryHelper adv(nr);
    if (!o.outputDir.empty())
    {
        // the labelled dataset: every frame on the channel, the forged ones labelled
        adv.EnableDataset(o.outputDir + "/dataset", "capability-hijack");
    }
    Ptr<NrSecurityMitmRelay> relay
        = adv.InstallRelay(NrSecurityAttackNode(Vector(105, 0, 1.5)), net.gnbs.Get(0));
    Hijack hijack;
    hijack.victim = ue->GetUeId();
    hijack.own = {1, 3, 78};
    hijack.forged = {1, 3, 28};
    relay->SetInterceptCallback(MakeCallback(&Hijack::Intercept, &hijack));
    Simulator::Schedule(MilliSeconds(1), [ue]() { ue->AttachToStrongestCell(); });

    Simulator::Stop(MilliSeconds(500));
    Simulator::Run();

    const std::vector<uint16_t> stored = gnbRrc->GetStoredCapabilities(hijack.victim);
    const bool captured = relay->GetCapturedUes().count(hijack.victim) > 0;
    NrSecurityAttackOutcome out("capability-hijack", o);
    out.SetResult(!captured ? "no-capture" : stored == hijack.forged ? "success" : "blocked");
    out.Add("ueBands", BandList(hijack.own));
    out.Add("storedBands", BandList(stored));
    out.Add("storedBeforeSecurity",
            gnbRrc->GetStoredCapabilitiesBeforeSecurity(hijack.victim) ? 1 : 0);
    out.Add("rewritten", hijack.rewritten);
    out.Add("flipped", hijack.flipped);
    out.Add("gnbIntegrityFailures", gnbRrc->GetSrbIntegrityFailures());
    out.Add("capabilityInformationsSent", ueRrc->GetCapabilityInformationsSent());
    out.Add("capabilityEnquiries", gnbRrc->GetCapabilityEnquiriesSent());
    out.Add("capabilityRetries", gnbRrc->GetCapabilityEnquiryRetries());
    out.Add("ueSecurity", ueRrc->IsSecurityActive() ? "active" : "none");
    out.Add("drbs", ueRrc->GetDrbConfigs().size());
    out.Print();
    Simulator::Destroy();
    return 0;
}

int
main(int argc, char* argv[])
{
    return NrSecurityAttackMain("nr-security-attack-capability-hijack", Run, argc, argv);
}
