// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Ready-made scenarios for scripts (the Python package nr_security's run_scenario and
 * run_relay_scenario are thin wrappers): the AS Security Mode Command between gNBs and UEs,
 * and a man-in-the-middle relay between one UE and one gNB with an interception function.
 */
#ifndef NR_SECURITY_SCENARIO_H
#define NR_SECURITY_SCENARIO_H

#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-pdu-session.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief One UE of an NrSecurityScenario.
 */
struct NrSecurityScenarioUe
{
    std::string nea = "1,2,3"; ///< supported NEA1-3 (TS 38.413 9.3.1.86), as BitmapFromList
    std::string nia = "1,2,3"; ///< supported NIA1-3, as NrSecurityUeCapabilities::BitmapFromList
    bool emergency = false;    ///< an unauthenticated emergency session (NIA0 acceptable)
    std::string kAmfHex;       ///< K_AMF as 64 hex digits; empty: drawn from the run's stream
    uint32_t ulNasCount = 0;   ///< the uplink NAS COUNT for K_gNB (TS 33.501 A.9)
};

/**
 * \ingroup nr-security
 * \brief The AS Security Mode Command procedure (TS 38.331 5.3.4, TS 33.501 6.7.4) between
 * gNBs and UEs built with NrSecurityHelper, as examples/nr-security-smc.cc runs it (no node
 * positions). UE i (0-based) is served by gNB i mod gnbs.
 *
 * Fill the public members, call Run(); each Run starts from a fresh simulator
 * (Simulator::Destroy before and after, RngSeedManager reset), so it can run any number of
 * times in one process.
 */
class NrSecurityScenario
{
  public:
    uint32_t gnbs = 1;                                     ///< number of gNBs (cell ids 1..gnbs)
    std::vector<NrSecurityScenarioUe> ues;                 ///< the UEs (UE ids 1..ues.size())
    std::string cipheringPriority = "NEA2,NEA3,NEA1,NEA0"; ///< the gNBs' NEA preference
    std::string integrityPriority = "NIA2,NIA3,NIA1";      ///< the gNBs' NIA preference
    double lossRate = 0;                                   ///< probability that an attempt is lost
    uint32_t scs = 30;                                     ///< subcarrier spacing (kHz)
    uint64_t run = 1;                                      ///< ns-3 RngRun (RngSeed is 1)
    double stopTime = 5;                                   ///< simulated seconds
    std::string traceFile;                                 ///< EnableTraces' CSV file (required)
    std::string pcapDir; ///< empty: no pcaps; else EnablePcap's directory

    /**
     * \brief Sets ues to n UEs with the same configuration.
     * \param n the number of UEs
     * \param ue their configuration
     */
    void SetUes(uint32_t n, const NrSecurityScenarioUe& ue);

    /**
     * \brief Runs the scenario.
     * \return one line per UE, in UE order, of space-separated fields: ue_id node cell_id
     * ue_state gnb_state nea nia k_amf ul_nas_count, then K_gNB K_RRCenc K_RRCint K_UPenc
     * K_UPint as the UE holds them and the same five as the gNB holds them (keys in hex;
     * "-" for an absent value: no gNB context, security not active)
     * \throws std::invalid_argument for a bad configuration
     */
    std::string Run() const;
};

/**
 * \ingroup nr-security
 * \brief A frame the relay of an NrSecurityRelayScenario forwards, as its interception
 * function sees it (plain values: easy to read from a script).
 */
struct NrSecurityRelayScenarioFrame
{
    double time = 0;            ///< simulation time (s)
    bool uplink = false;        ///< UE -> gNB
    uint32_t ueId = 0;          ///< the UE
    uint32_t cellId = 0;        ///< the cell
    std::string rbType;         ///< "SRB0", "SRB" or "DRB"
    uint32_t rbId = 0;          ///< SRB or DRB identity
    uint32_t attempt = 0;       ///< 0: first transmission
    std::string origin;         ///< NrSecurityFrameOriginName
    double rxPowerDbm = 0;      ///< received power
    bool ciphered = false;      ///< the sender ciphered the PDU
    bool integrity = false;     ///< NIA1-3 applied
    bool macIPresent = false;   ///< a MAC-I field is present
    uint32_t snLengthBits = 12; ///< PDCP SN length
    bool sdapHeader = false;    ///< DRB: an SDAP header leads the SDU
    std::string pduHex;         ///< the PDU as on the air, hex
};

/**
 * \ingroup nr-security
 * \brief A man-in-the-middle relay (NrSecurityAdversaryHelper::InstallRelay) between one UE
 * and one gNB, UDP echo traffic through it; see run_relay_scenario's docstring.
 */
class NrSecurityRelayScenario
{
  public:
    /// Answers of an interception function.
    enum Answer
    {
        FORWARD = 0, ///< forward the frame unchanged
        DROP = 1,    ///< do not forward it
        REPLACE = 2  ///< forward the PDU given to SetReplacement instead
    };

    /// The interception function: one call per forwarded frame, returns an Answer.
    typedef std::function<int(const NrSecurityRelayScenarioFrame&)> Interceptor;

    NrSecurityUpPolicy upIntegrity = NrSecurityUpPolicy::NOT_NEEDED; ///< the UE's UP policy
    uint32_t packets = 10;                                           ///< UDP payloads the UE sends
    std::string payloadHex;                                          ///< the payload, hex
    uint32_t seed = 1;                                               ///< ns-3 RngSeed
    std::string datasetStem; ///< empty: no dataset; else STEM.csv and STEM.pcap
    Interceptor interceptor; ///< empty: every frame forwarded

    /// \param f the interception function (empty: every frame forwarded)
    void SetInterceptor(Interceptor f);

    /// \param pduHex the PDU an interceptor returning REPLACE forwards, hex
    void SetReplacement(const std::string& pduHex);

    /// Runs the scenario, filling the results below.
    void Run();

    bool captured = false;                   ///< the UE camped on the relay
    uint32_t servingCellId = 0;              ///< the UE's serving cell
    uint32_t relayCellId = 0;                ///< the relay's false cell
    uint32_t realCellId = 0;                 ///< the real gNB's cell
    std::string ueState;                     ///< the UE's RRC state
    bool securityActive = false;             ///< AS security active at the UE
    int32_t upIntegrityConfigured = -1;      ///< the DRB's integrity: -1 no DRB, 0 off, 1 on
    uint64_t relayForwarded = 0;             ///< the relay's counters
    uint64_t relayRewritten = 0;             ///< (see NrSecurityMitmRelay)
    uint64_t relayDropped = 0;               ///< (see NrSecurityMitmRelay)
    uint64_t sent = 0;                       ///< payloads the UE sent
    std::vector<std::string> serverPayloads; ///< payloads received at the server, hex
    std::vector<std::string> uePayloads;     ///< echoes received at the UE, hex
    uint64_t gnbIntegrityFailures = 0;       ///< at the gNB RRC
    uint64_t gnbDrbIntegrityFailures = 0;    ///< at the gNB RRC
    uint64_t gnbIntegrityDiscards = 0;       ///< PDCP "integrity" discards at the gNB
    uint64_t ueIntegrityFailures = 0;        ///< at the UE RRC
    uint64_t ueDrbIntegrityFailures = 0;     ///< at the UE RRC

  private:
    std::string m_replacement; ///< the PDU for REPLACE, hex
};

} // namespace ns3

#endif // NR_SECURITY_SCENARIO_H
