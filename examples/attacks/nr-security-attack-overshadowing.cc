// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Attack 9: signal overshadowing of a downlink message, success rate against the power margin.
 *
 * References: H. Yang, S. Bae, M. Son, H. Kim, S. M. Kim, Y. Kim, "Hiding in Plain Signal:
 * Physical Signal Overshadowing Attack on LTE", USENIX Security 2019 (SigOver); S. Erni,
 * M. Kotuliak, P. Leu, M. Roeschlin, S. Capkun, "AdaptOver: Adaptive Overshadowing Attacks in
 * Cellular Networks", ACM MobiCom 2022.
 *
 * Precondition: the attacker hears the gNB's downlink, transmits in the same slot as the
 * message it replaces (the injector's Overshadow: it answers a frame it hears at once, so the
 * forged frame occupies the genuine frame's slot on the same link), and reaches the victim
 * stronger than the gNB by at least the channel's CaptureMargin (3 dB): of two frames
 * overlapping on a link, the receiver gets the stronger one only if it is stronger by the
 * margin, otherwise neither (NrSecurityChannel, capture rule).
 *
 * What the example shows: per run, one gNB at (0, 0, 10), the victim UE dropped uniformly at
 * random in a disc of 30 m around (150, 0, 1.5), the injector at (350, 0, 1.5). The margin is
 * the injector's received power over the gNB's at the centre of the disc (its TxPower is set
 * for it); at the victim's actual position it differs by up to about 5 dB either way
 * (LogDistance path loss, exponent 3). The UE connects (nr->Attach).
 * --mitigated=0: the injector replaces the gNB's RRCSetup (DL-CCCH, before AS security) with
 * an RRCReject with waitTime 16 s. When the forged frame is captured the UE acts on it
 * (TS 38.331 5.3.15: nothing on SRB0 is protected): it goes to RRC_IDLE with T302 running,
 * barred for 16 s; the genuine RRCSetup (retransmitted by ARQ) comes too late.
 * --mitigated=1: the attacker replaces an integrity-protected message instead, the gNB's first
 * ciphered SRB1 message after the SecurityModeCommand (the UECapabilityEnquiry), with an
 * RRCRelease in a PDCP PDU of the same SN and a zero MAC-I. When it is captured the UE's PDCP
 * discards it (MAC-I check, TS 38.323 5.9; counted as an integrity failure), the genuine
 * message is retransmitted by ARQ and the UE completes the connection.
 * Prints a table: per margin (--margins, dB), the runs (--runs), in how many the victim
 * received the forged frame, in how many it acted on it, and the success rate; then the
 * outcome line for --margin (default 8 dB). With --outputDir the table is also written as
 * DIR/overshadowing-table.csv (margin_db,runs,forged_received,acted,success_rate).
 *
 * Mitigation: integrity protection. Everything before AS security (RRCSetup, RRCReject, an
 * RRCRelease before the SMC, paging, system information) can be overshadowed with effect;
 * after AS security an overshadowed message is a discarded PDU (a loss, recovered by ARQ).
 * Reducing what the UE acts upon before security (TS 33.501 6.7.4; TS 38.331 5.3.8.3 ignores
 * the fields of an unprotected RRCRelease but waitTime) narrows the attack.
 *
 *   ./nr-security-attack-overshadowing [--mitigated=0] [--margin=8] [--margins=0,1,...,8]
 *       [--runs=40] [--outputDir=DIR]
 *
 * Last line: outcome: attack=overshadowing mitigated=<0|1> result=<success|blocked>
 *   target=<rrcSetup|ueCapabilityEnquiry> forged=<rrcReject|rrcRelease> margin_db=<dB>
 *   runs=<n> forged_received=<n> acted=<n> rate=<0.00..1.00> integrity_failures=<n>
 *   ue_barred=<n> ue_secured=<n> table=<margin>:<acted>,...
 */
#include "nr-security-attack-scenario.h"

#include <cstdio>
#include <fstream>

using namespace ns3;

namespace
{

/// RRCReject waitTime of the forged message, s (the largest, TS 38.331 RejectWaitTime).
constexpr uint8_t FORGED_WAIT_TIME = 16;
/// The gNB, the centre of the victim's disc, its radius, and the injector (metres).
const Vector GNB_POSITION(0, 0, 10);
const Vector UE_CENTRE(150, 0, 1.5);
constexpr double UE_DISC_RADIUS = 30;
const Vector INJECTOR_POSITION(350, 0, 1.5);
/// The gNB's TxPower attribute default (dBm).
constexpr double GNB_TX_POWER = 18;

/// One run's result.
struct RunResult
{
    bool forgedReceived = false;    ///< the victim received the forged frame (captured)
    bool acted = false;             ///< the victim acted on it (barred / released)
    uint64_t integrityFailures = 0; ///< SRB integrity failures at the UE
    bool barred = false;            ///< RRC_IDLE with T302 running at the end
    bool secured = false;           ///< AS security active and a DRB at the end
};

/// Totals of the runs at one margin.
struct MarginResult
{
    double marginDb = 0;            ///< the margin
    uint32_t runs = 0;              ///< runs
    uint32_t received = 0;          ///< forged frame received
    uint32_t acted = 0;             ///< forged frame acted upon
    uint64_t integrityFailures = 0; ///< integrity failures, all runs
    uint32_t barred = 0;            ///< UEs barred at the end
    uint32_t secured = 0;           ///< UEs secured at the end
};

/// \return a mobility model at a position
Ptr<MobilityModel>
At(const Vector& p)
{
    Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
    m->SetPosition(p);
    return m;
}

/// \return the forged frame for mode 0: the RRCReject in place of the DL-CCCH frame
NrSecurityAirFrame
ForgeReject(const NrSecurityAirFrame& genuine)
{
    NrSecurityAirFrame f = genuine;
    const std::vector<uint8_t> m = NrSecurityRrcMessage::EncodeRrcReject(true, FORGED_WAIT_TIME);
    f.pdu = Create<Packet>(m.data(), static_cast<uint32_t>(m.size()));
    return f;
}

/// \return the forged frame for mode 1: an RRCRelease in an SRB1 PDU of the genuine SN, with a
///         zero MAC-I (the attacker has no K_RRCint)
NrSecurityAirFrame
ForgeRelease(const NrSecurityAirFrame& genuine)
{
    NrSecurityAirFrame f = genuine;
    uint8_t header[2] = {0, 0};
    genuine.pdu->CopyData(header, 2); // PDCP SRB header: R R R R SN(12), TS 38.323 6.2.2.1
    std::vector<uint8_t> pdu(header, header + 2);
    const std::vector<uint8_t> m = NrSecurityRrcMessage::EncodeRrcRelease(0);
    pdu.insert(pdu.end(), m.begin(), m.end());
    pdu.insert(pdu.end(), 4, 0); // MAC-I
    f.pdu = Create<Packet>(pdu.data(), static_cast<uint32_t>(pdu.size()));
    return f;
}

/**
 * \brief One run: a new network, the victim at a position, the injector at a margin.
 * \param mitigated which message is overshadowed (see the file comment)
 * \param injectorTxPower the injector's TxPower, dBm
 * \param uePosition the victim's position
 * \return what happened
 */
RunResult
RunOnce(bool mitigated, double injectorTxPower, const Vector& uePosition)
{
    Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
    NrSecurityAttackNetwork net
        = NrSecurityAttackBuildNetwork(nr, {uePosition}, GNB_POSITION, false);
    NrSecurityAdversaryHelper adversary(nr);
    adversary.SetAdversaryAttribute("TxPower", DoubleValue(injectorTxPower));
    adversary.SetAdversaryAttribute("Sensitivity", DoubleValue(-130));
    Ptr<NrSecurityInjector> injector
        = adversary.InstallInjector(NrSecurityAttackNode(INJECTOR_POSITION));
    if (!mitigated)
    {
        injector->Overshadow(
            [](const NrSecurityAirFrame& f)
            { return !f.uplink && f.type == NrSecurityRbType::SRB0 && f.attempt == 0; },
            &ForgeReject);
    }
    else
    {
        injector->Overshadow(
            [](const NrSecurityAirFrame& f)
            {
                return !f.uplink && f.type == NrSecurityRbType::SRB && f.rbId == 1 && f.ciphered
                       && f.integrity && f.attempt == 0;
            },
            &ForgeRelease);
    }
    RunResult r;
    const uint32_t ueId = net.Ue()->GetUeId();
    nr->GetChannel()->TraceConnectWithoutContext(
        "Reception",
        Callback<void, const NrSecurityAirFrame&, NrSecurityFrameOutcome>(
            [&r, ueId](const NrSecurityAirFrame& f, NrSecurityFrameOutcome outcome)
            {
                if (f.IsForged() && !f.uplink && f.ueId == ueId
                    && outcome == NrSecurityFrameOutcome::DELIVERED)
                {
                    r.forgedReceived = true;
                }
            }));
    nr->Attach(net.ues, net.gnbs.Get(0));
    Simulator::Stop(MilliSeconds(60));
    Simulator::Run();
    Ptr<NrSecurityUeRrc> rrc = net.Ue()->GetRrc();
    r.integrityFailures = rrc->GetSrbIntegrityFailures();
    r.barred = rrc->GetState() == NrSecurityRrcState::IDLE && rrc->IsT302Running();
    r.secured = rrc->IsSecurityActive() && !rrc->GetDrbConfigs().empty();
    // acted: the UE left the connection because of the forged message
    r.acted = mitigated ? rrc->GetState() == NrSecurityRrcState::IDLE : r.barred;
    Simulator::Destroy();
    return r;
}

/// \return the comma-separated numbers of a list option \throws std::invalid_argument
std::vector<double>
ParseMargins(const std::string& text)
{
    std::vector<double> v;
    std::string item;
    std::istringstream is(text);
    while (std::getline(is, item, ','))
    {
        v.push_back(NrSecurityAttackParseNumber("margins", item, -20, 30));
    }
    if (v.empty() || v.size() > 16)
    {
        throw std::invalid_argument("--margins=" + text + ": expected 1..16 numbers");
    }
    return v;
}

} // namespace

/// The example proper.
int
Run(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    std::string margin = "8";
    std::string margins = "0,1,2,3,4,5,6,7,8";
    std::string runs = "40";
    cmd.AddValue("margin", "the margin of the outcome line, dB (-20..30)", margin);
    cmd.AddValue("margins", "the margins of the table, dB, comma-separated", margins);
    cmd.AddValue("runs", "runs per margin (1..200)", runs);
    NrSecurityAttackOptions o
        = NrSecurityAttackParse(cmd, argc, argv, {"margin", "margins", "runs"});
    const double marginDb = NrSecurityAttackParseNumber("margin", margin, -20, 30);
    std::vector<double> table = ParseMargins(margins);
    const uint32_t nRuns = uint32_t(NrSecurityAttackParseUnsigned("runs", runs, 1, 200));

    // The attack is the channel's capture rule: without it (RadioModel Simple) the forged frame
    // can never replace the genuine one, and a "blocked" outcome would be meaningless. The
    // injector's TxPower is set by the example for each margin (an adversary TxPower given on
    // the command line is overwritten).
    Ptr<NrSecurityChannel> probe = CreateObject<NrSecurityChannel>();
    if (probe->GetRadioModel() != NrSecurityChannel::POWER)
    {
        throw std::invalid_argument(
            "overshadowing needs ns3::NrSecurityChannel::RadioModel=Power (Simple has no capture)");
    }
    DoubleValue captureMargin;
    probe->GetAttribute("CaptureMargin", captureMargin);

    // The injector's TxPower for a margin: at the disc's centre, the gNB's received power plus
    // the margin, through the helper's PropagationLossModel.
    PointerValue lossValue;
    CreateObject<NrSecurityHelper>()->GetAttribute("PropagationLossModel", lossValue);
    Ptr<PropagationLossModel> loss = lossValue.Get<PropagationLossModel>();
    const double gnbAtCentre = loss->CalcRxPower(GNB_TX_POWER, At(GNB_POSITION), At(UE_CENTRE));
    const double injectorLoss = -loss->CalcRxPower(0, At(INJECTOR_POSITION), At(UE_CENTRE));

    // The victims' positions: one sequence for every margin (own stream: independent of the
    // streams the networks use).
    Ptr<UniformRandomVariable> u = CreateObject<UniformRandomVariable>();
    u->SetStream(1000);
    std::vector<Vector> positions;
    for (uint32_t i = 0; i < nRuns; ++i)
    {
        const double r = UE_DISC_RADIUS * std::sqrt(u->GetValue(0, 1));
        const double a = 2 * M_PI * u->GetValue(0, 1);
        positions.emplace_back(
            UE_CENTRE.x + r * std::cos(a), UE_CENTRE.y + r * std::sin(a), UE_CENTRE.z);
    }
    auto runMargin = [&](double m)
    {
        MarginResult mr;
        mr.marginDb = m;
        for (const Vector& p : positions)
        {
            RunResult r = RunOnce(o.mitigated, gnbAtCentre + m + injectorLoss, p);
            ++mr.runs;
            mr.received += r.forgedReceived;
            mr.acted += r.acted;
            mr.integrityFailures += r.integrityFailures;
            mr.barred += r.barred;
            mr.secured += r.secured;
        }
        return mr;
    };

    std::cout << "Overshadowing "
              << (o.mitigated ? "the UECapabilityEnquiry (after AS security)"
                              : "the RRCSetup (before AS security)")
              << ", " << nRuns << " victims at random in a 30 m disc, CaptureMargin "
              << captureMargin.Get() << " dB\n";
    std::cout << "margin_dB  runs  forged_received  acted_upon  success_rate\n";
    std::ostringstream tableKey;
    std::ostringstream csv;
    csv << "margin_db,runs,forged_received,acted,success_rate\n";
    MarginResult atDefault;
    bool defaultDone = false;
    for (size_t i = 0; i < table.size(); ++i)
    {
        MarginResult mr = runMargin(table[i]);
        char line[128];
        std::snprintf(line,
                      sizeof(line),
                      "%9.1f  %4u  %15u  %10u  %12.2f\n",
                      mr.marginDb,
                      mr.runs,
                      mr.received,
                      mr.acted,
                      double(mr.acted) / mr.runs);
        std::cout << line;
        tableKey << (i ? "," : "") << mr.marginDb << ":" << mr.acted;
        csv << mr.marginDb << "," << mr.runs << "," << mr.received << "," << mr.acted << ","
            << std::fixed << std::setprecision(2) << double(mr.acted) / mr.runs << std::defaultfloat
            << "\n";
        if (table[i] == marginDb)
        {
            atDefault = mr;
            defaultDone = true;
        }
    }
    if (!defaultDone)
    {
        atDefault = runMargin(marginDb);
    }
    if (!o.outputDir.empty())
    {
        SystemPath::MakeDirectories(o.outputDir);
        const std::string file = o.outputDir + "/overshadowing-table.csv";
        std::ofstream f(file);
        f << csv.str();
        if (!f)
        {
            throw std::runtime_error("cannot write " + file);
        }
    }
    NrSecurityAttackOutcome out("overshadowing", o);
    out.SetResult(atDefault.acted > 0 ? "success" : "blocked");
    out.Add("target", o.mitigated ? "ueCapabilityEnquiry" : "rrcSetup");
    out.Add("forged", o.mitigated ? "rrcRelease" : "rrcReject");
    out.Add("margin_db", atDefault.marginDb);
    out.Add("runs", atDefault.runs);
    out.Add("forged_received", atDefault.received);
    out.Add("acted", atDefault.acted);
    out.AddFixed("rate", double(atDefault.acted) / atDefault.runs, 2);
    out.Add("integrity_failures", atDefault.integrityFailures);
    out.Add("ue_barred", atDefault.barred);
    out.Add("ue_secured", atDefault.secured);
    out.Add("table", tableKey.str());
    out.Print();
    return 0;
}

int
main(int argc, char* argv[])
{
    return NrSecurityAttackMain("nr-security-attack-overshadowing", Run, argc, argv);
}
