// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_HELPER_H
#define NR_SECURITY_HELPER_H

#include "ns3/ipv4-interface-container.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nr-security-amf.h"
#include "ns3/nr-security-channel.h"
#include "ns3/nr-security-gnb-n3.h"
#include "ns3/nr-security-gnb-net-device.h"
#include "ns3/nr-security-ue-net-device.h"
#include "ns3/nr-security-upf.h"
#include "ns3/nr-security-xn.h"
#include "ns3/object-factory.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/random-variable-stream.h"

#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class NrSecurityTraceWriter;
class NrSecurityUserPlane;
class NrSecurityPcapRecorder;
class NrSecurityMscWriter;
class NrSecurityKeyEpochWriter;
class NrSecurityReportWriter;

/**
 * \ingroup nr-security
 * \brief Builds NR AS security scenarios: gNB and UE devices on one air interface, an AMF
 *        holding every UE's NAS security context, attachment, and the trace, pcap and key
 *        outputs.
 *
 * Typical use:
 * \code
 *   Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
 *   NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes);
 *   NetDeviceContainer ues = nr->InstallUeDevice(ueNodes); // random K_AMF per UE
 *   nr->Attach(ues, gnbs.Get(0));
 *   nr->EnableTraces("traces.csv");
 *   nr->EnablePcap("out");
 *   Simulator::Run();
 * \endcode
 *
 * With IP traffic through the DRBs (as ns-3's LTE EPC helpers):
 * \code
 *   nr->EnableUserPlane();                                  // before InstallGnbDevice
 *   NetDeviceContainer gnbs = nr->InstallGnbDevice(gnbNodes);
 *   NetDeviceContainer ues = nr->InstallUeDevice(ueNodes);
 *   nr->SetUpSecurityPolicy(ues, NrSecurityUpPolicy::REQUIRED, NrSecurityUpPolicy::REQUIRED);
 *   InternetStackHelper().Install(ueNodes);
 *   Ipv4InterfaceContainer ueIps = nr->AssignUeIpv4Address(ues); // default routes set
 *   Ptr<Node> remote = nr->CreateRemoteHost();                // or link your own to GetUpfNode()
 *   nr->Attach(ues, gnbs.Get(0));
 *   // applications on remote and the UE nodes
 * \endcode
 *
 * Mobility: every gNB gets a distinct PCI (PhysCellId = its cell id, unless
 * SetGnbRrcAttribute set PhysCellId) and is connected to one NrSecurityXn (GetXn); with
 * MobilityModels on the nodes the channel gives each UE the RSRP of every cell
 * (PropagationLossModel, gNB TxPower), the UE devices report it to their RRC (A3 handovers),
 * and Handover, TriggerRadioLinkFailure, Suspend and Resume script the other cases:
 * \code
 *   nr->Attach(ues, gnbs);                          // each UE to its strongest cell
 *   nr->Handover(ues.Get(0), gnbs.Get(1), Seconds(2), NrSecurityHandoverType::N2);
 *   nr->EnableTraces("out/traces.csv");             // also out/traces-key-epochs.csv
 * \endcode
 */
class NrSecurityHelper : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecurityHelper();
    ~NrSecurityHelper() override;

    /**
     * \name Attributes of what the helper builds
     * Each value is checked when set, against the attribute's checker (which accepts exactly
     * what the model can use, e.g. SubcarrierSpacing 15|30|60|120).
     * \param n attribute name \param v value
     * \throws std::invalid_argument "Set...Attribute: invalid value for N (allowed)" or
     *         "Set...Attribute: T has no attribute N"
     */
    ///@{
    /// for the NrSecurityChannel
    void SetChannelAttribute(const std::string& n, const AttributeValue& v);
    /// for every NrSecurityGnbRrc installed afterwards
    void SetGnbRrcAttribute(const std::string& n, const AttributeValue& v);
    /// for every NrSecurityUeRrc installed afterwards
    void SetUeRrcAttribute(const std::string& n, const AttributeValue& v);
    /// for the NrSecurityAmf
    void SetAmfAttribute(const std::string& n, const AttributeValue& v);
    /// for every UE device installed afterwards
    void SetUeDeviceAttribute(const std::string& n, const AttributeValue& v);
    /// for every gNB device installed afterwards
    void SetGnbDeviceAttribute(const std::string& n, const AttributeValue& v);
    ///@}

    /**
     * \brief Installs one gNB device (one cell, ids 1, 2, ...) on each node.
     * \param nodes the nodes
     * \return the devices
     */
    NetDeviceContainer InstallGnbDevice(NodeContainer nodes);

    /**
     * \brief Installs one UE device (UE ids 1, 2, ...) on each node and registers the UE with
     *        the AMF: K_AMF drawn from the helper's random stream, uplink NAS COUNT from the
     *        UlNasCount attribute, default capabilities (NEA1-3, NIA1-3).
     * \param nodes the nodes
     * \return the devices
     */
    NetDeviceContainer InstallUeDevice(NodeContainer nodes);

    /**
     * \brief Provisions a UE's NAS security context on both the UE and the AMF.
     * \param ue a UE device
     * \param kAmf K_AMF
     * \param ulNasCount the uplink NAS COUNT used for K_gNB
     */
    void SetUeSecurityContext(Ptr<NetDevice> ue, const NrSecurityKey256& kAmf, uint32_t ulNasCount);

    /**
     * \brief Sets a UE's security capabilities on both the UE and the AMF.
     * \param ue a UE device
     * \param caps the capabilities
     * \param emergency unauthenticated emergency session
     */
    void SetUeCapabilities(Ptr<NetDevice> ue,
                           const NrSecurityUeCapabilities& caps,
                           bool emergency = false);

    /**
     * \brief Attaches UEs to a gNB: at `when` (from now) each UE starts RRC connection
     *        establishment (RRCSetupRequest on SRB0); the gNB learns of the UE from it, and the
     *        lifecycle runs from there (RRCSetup, RRCSetupComplete, Initial Context Setup, SMC,
     *        capability enquiry, RRCReconfiguration).
     * \param ues UE devices
     * \param gnb the gNB device
     * \param when delay from now
     */
    void Attach(NetDeviceContainer ues, Ptr<NetDevice> gnb, Time when = Time(0));

    /**
     * \brief Attaches each UE to the gNB it receives strongest (NrSecurityChannel::GetRsrpDbm:
     *        TxPower less the PropagationLossModel's path loss; nodes need MobilityModels;
     *        ties: the first gNB of the container).
     * \param ues UE devices
     * \param gnbs candidate gNB devices
     * \param when delay from now
     */
    void Attach(NetDeviceContainer ues, NetDeviceContainer gnbs, Time when = Time(0));

    /**
     * \brief Scripts a handover: at `when` (from now) the UE's serving gNB starts a handover
     *        of the UE to the target (NrSecurityGnbRrc::Handover; INTRA_CELL: a key change in
     *        the serving cell, the target is ignored).
     * \param ue a UE device
     * \param targetGnb the target gNB device
     * \param when delay from now
     * \param type Xn, N2 or intra-cell
     * \throws std::invalid_argument for a device of the wrong kind
     */
    void Handover(Ptr<NetDevice> ue,
                  Ptr<NetDevice> targetGnb,
                  Time when,
                  NrSecurityHandoverType type = NrSecurityHandoverType::XN);

    /**
     * \brief Scripts a radio link failure: at `when` (from now) the UE's RRC detects one
     *        (NrSecurityUeRrc::RadioLinkFailure: re-establishment with cell selection).
     * \param ue a UE device
     * \param when delay from now
     * \throws std::invalid_argument if ue is not a UE device
     */
    void TriggerRadioLinkFailure(Ptr<NetDevice> ue, Time when);

    /**
     * \brief At `when` (from now) the UE's serving gNB suspends it to RRC_INACTIVE
     *        (NrSecurityGnbRrc::Suspend: RRCRelease with suspendConfig).
     * \param ue a UE device
     * \param when delay from now
     * \throws std::invalid_argument if ue is not a UE device
     */
    void Suspend(Ptr<NetDevice> ue, Time when);

    /**
     * \brief At `when` (from now) the UE resumes from RRC_INACTIVE (NrSecurityUeRrc::Resume:
     *        cell selection, RRCResumeRequest).
     * \param ue a UE device
     * \param when delay from now
     * \throws std::invalid_argument if ue is not a UE device
     */
    void Resume(Ptr<NetDevice> ue, Time when);

    /**
     * \brief Writes one CSV row per trace event of every RRC entity, PDCP discard and radio
     *        link failure: time_s,node,ue_id,event,step,detail (handover steps as
     *        HandoverEvent rows), and one row per new K_gNB of every UE and gNB into the
     *        key-epoch CSV next to it (NrSecurityKeyEpochWriter: "traces.csv" ->
     *        "traces-key-epochs.csv").
     * \param filename the CSV file; missing folders on its path are created
     * \throws std::runtime_error naming the folder or file if it cannot be created or opened
     */
    void EnableTraces(const std::string& filename);

    /**
     * \brief Writes every PDCP PDU each device sends or receives as a pcap per device
     *        (gnb-CELL.pcap, ue-ID.pcap; Wireshark pdcp-nr UDP framing) and, at
     *        Simulator::Destroy, the keys of every UE a gNB sent a SecurityModeCommand to:
     *        keys.csv, pdcp_nr_ue_keys (Wireshark's UAT) and preferences, also as the Wireshark
     *        profile DIR/wireshark/profiles/nr-security.
     * \param directory the output folder, created (with its parents) if missing
     * \param maxUeFiles only the first this many UEs get a pcap of their own (the gNB's pcap
     *        has every UE's traffic); one open file per UE would exhaust file descriptors
     * \throws std::runtime_error naming the folder if it cannot be created (now, before the
     *         run)
     *
     * A forged frame whose metadata the pdcp-nr framing cannot express (e.g. SRB identity 9)
     * is left out of the pcaps; GetPcapOmissions() counts such omissions.
     */
    void EnablePcap(const std::string& directory, uint32_t maxUeFiles = 256);

    /**
     * \return the frames left out of the pcaps of EnablePcap because their framing cannot
     *         express them, once per pcap (NrSecurityPcapRecorder::GetOmissions); 0 without
     *         EnablePcap. Still valid after Simulator::Destroy.
     */
    uint64_t GetPcapOmissions() const;

    /**
     * \brief Draws the AS Security Mode Command procedure of the first \p maxUes UEs (UE ids
     *        1..maxUes) as one message sequence chart in the mscgen language, or one chart per
     *        UE (\p chartPerUe: FILE "smc.msc" -> "smc-ue-1.msc", "smc-ue-2.msc", ...), written
     *        when the simulation is destroyed (Simulator::Destroy); render it with
     *        `mscgen -T png -i FILE -o FILE.png`.
     *
     * Entities: AMF, gNB (gNB<cell id> with several gNBs), UE1..UEn. Rows in simulation order:
     * every RRC message as an arrow from sender to receiver, labelled with its name (the
     * SecurityModeCommand with its algorithms) and its transmission and reception times in
     * ms, drawn -x if it was never received; every air attempt lost drawn -x, then its ARQ
     * retransmission; the AMF's InitialContextSetup; steps 26-33 and key derivations (key
     * names only, never key bytes) as boxes with the step number, the time and the step's
     * clauses (NrSecuritySmcStep); SecurityActivated, SecurityModeFailure and
     * IntegrityFailure as highlighted notes. Only the charted UEs' events are kept in memory.
     * May be called before or after the devices are installed. See NrSecurityMscWriter.
     * \param filename the chart file (opened and truncated now; missing folders on its path
     *        are created), or with \p chartPerUe the pattern of the per-UE file names
     * \param maxUes how many UEs to draw, at least 1
     * \param chartPerUe one chart per UE instead of one chart with every charted UE
     * \throws std::invalid_argument if \p filename is empty or \p maxUes is 0
     * \throws std::runtime_error naming the folder or file if it cannot be created or opened
     */
    void EnableMsc(const std::string& filename, uint32_t maxUes = 4, bool chartPerUe = false);

    /**
     * \brief Writes the run report of one UE, one self-contained HTML page (no network, no
     *        other file: inline CSS, JavaScript and SVG), when the simulation is destroyed
     *        (Simulator::Destroy): its sequence chart, steps 26-33 with times and clauses, its
     *        key hierarchy with the KDF inputs, every PDCP PDU of the UE at both ends (bytes,
     *        COUNT, BEARER, DIRECTION, SN, ciphered?, MAC-I, outcome; a click shows the bytes
     *        split and the payload deciphered) and its failures. Only that UE's events are
     *        collected (NrSecurityReportWriter): nothing is done for other UEs but comparing
     *        their id. Call once; may be called before or after the devices are installed.
     * \param filename the HTML file (opened and truncated now; missing folders on its path
     *        are created)
     * \param ueId the UE (ids from 1)
     * \throws std::invalid_argument if \p filename is empty or \p ueId is 0, std::logic_error
     *         if called twice
     * \throws std::runtime_error naming the folder or file if it cannot be created or opened
     */
    void EnableReport(const std::string& filename, uint32_t ueId = 1);

    /**
     * \name User plane (see NrSecurityUserPlane for addresses, links and the session glue)
     */
    ///@{
    /**
     * \brief Builds the core side of the user plane: a UPF node (NrSecurityUpf, a tun device
     *        7.0.0.1/8 towards the network); every gNB installed afterwards gets an Internet
     *        stack, an N3 point-to-point link to the UPF and a GTP-U endpoint
     *        (NrSecurityGnbN3); N3 tunnels are set up when the gNB reports a PDU session set up.
     * \throws std::logic_error if called twice or after a gNB was installed
     */
    void EnableUserPlane();
    /// \return true after EnableUserPlane
    bool IsUserPlaneEnabled() const;
    /**
     * \brief Gives each UE an IPv4 address in 7.0.0.0/8 (7.0.0.2 onwards) and its node a
     *        default route through its NR device (gateway 7.0.0.1, the UPF). Call before the
     *        simulation runs (before the PDU sessions are set up).
     * \param ues UE devices on nodes with an Internet stack
     * \return the interfaces
     * \throws std::logic_error without EnableUserPlane; std::invalid_argument for a node
     *         without an Internet stack or a device that is not a UE
     */
    Ipv4InterfaceContainer AssignUeIpv4Address(NetDeviceContainer ues);
    /**
     * \brief A remote host: a new node with an Internet stack behind the UPF (1.0.0.2 for the
     *        first, 1.0.1.2 for the second, ...; 100 Gbit/s, 1 ms, MTU 1500) with a route to
     *        the UEs.
     * \return the node
     * \throws std::logic_error without EnableUserPlane
     */
    Ptr<Node> CreateRemoteHost();
    /// \return the UPF node (nullptr without EnableUserPlane)
    Ptr<Node> GetUpfNode() const;
    /// \return the UPF application (nullptr without EnableUserPlane)
    Ptr<NrSecurityUpf> GetUpf() const;
    /// \param gnb a gNB device \return its GTP-U endpoint (nullptr if none)
    Ptr<NrSecurityGnbN3> GetGnbN3(Ptr<NetDevice> gnb) const;
    /// \return the UEs' default gateway, 7.0.0.1
    Ipv4Address GetUeDefaultGatewayAddress() const;
    /**
     * \brief Sets the UP security policy (TS 33.501 6.6.1) of every PDU session of the UEs,
     *        as the AMF will give it to the gNB.
     * \param ues UE devices (installed by this helper)
     * \param integrity UP integrity policy
     * \param confidentiality UP confidentiality policy
     */
    void SetUpSecurityPolicy(NetDeviceContainer ues,
                             NrSecurityUpPolicy integrity,
                             NrSecurityUpPolicy confidentiality);
    /**
     * \brief Replaces a UE's PDU sessions (the AMF's list for Initial Context Setup).
     * \param ue a UE device
     * \param sessions the sessions (ids, QFIs, UP security policy)
     */
    void SetPduSessions(Ptr<NetDevice> ue, const std::vector<NrSecurityPduSession>& sessions);
    ///@}

    /// \return the UE devices installed so far (UE ids 1, 2, ... in order)
    NetDeviceContainer GetUeDevices() const;
    /// \return the gNB devices installed so far (cell ids in order; adversary cells excluded)
    NetDeviceContainer GetGnbDevices() const;

    /**
     * \brief Puts a gNB device built elsewhere (a false base station, a MITM relay of
     *        NrSecurityAdversaryHelper) on the air: the next cell id, the channel, the node.
     *        It is never put on Xn, given the AMF or the user plane; with traces true its
     *        RRC's events also go to the event CSV of EnableTraces (called before or after).
     * \param gnb the device
     * \param node its node
     * \param traces write its RRC events to the trace CSV
     * \return the cell id given to it
     */
    uint16_t AddAdversaryGnb(Ptr<NrSecurityGnbNetDevice> gnb, Ptr<Node> node, bool traces);

    /// \return the channel
    Ptr<NrSecurityChannel> GetChannel() const;
    /// \return the AMF
    Ptr<NrSecurityAmf> GetAmf() const;
    /// \return the Xn interface connecting every installed gNB
    Ptr<NrSecurityXn> GetXn() const;
    /// \return the user plane's path switches so far (0 without EnableUserPlane)
    uint64_t GetPathSwitches() const;

    /**
     * \param stream first stream index
     * \return the number of streams used: 1 (the K_AMF generator) + 1 per UE installed so far
     *         (its RRCSetupRequest randomValue)
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;

  private:
    NrSecurityKey256 RandomKey();
    /// PropagationLossModel attribute: the channel's (received power, strongest-cell Attach).
    void SetPropagationLossModel(Ptr<PropagationLossModel> loss);
    /// \return the PropagationLossModel attribute
    Ptr<PropagationLossModel> GetPropagationLossModel() const;
    /// Hands a new device to the enabled output writers (CSV, pcap, chart).
    template <typename Device>
    void WatchWithOutputs(Ptr<Device> dev);

    ObjectFactory m_gnbDeviceFactory; ///< gNB devices
    ObjectFactory m_ueDeviceFactory;  ///< UE devices
    /// Attributes for the RRC entity of every gNB / UE device installed afterwards.
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_gnbRrcAttributes;
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_ueRrcAttributes; ///< likewise
    Ptr<NrSecurityChannel> m_channel;                      ///< the air interface
    Ptr<NrSecurityAmf> m_amf;                              ///< the AMF
    Ptr<NrSecurityXn> m_xn;                                ///< Xn between the gNBs
    Ptr<UniformRandomVariable> m_random;                   ///< K_AMF generator
    Ptr<PropagationLossModel> m_loss;                      ///< the channel's path loss
    uint32_t m_ulNasCount;                                 ///< default uplink NAS COUNT
    uint16_t m_nextCellId;                                 ///< next cell id
    uint32_t m_nextUeId;                                   ///< next UE id
    NetDeviceContainer m_gnbs;                             ///< installed gNBs
    NetDeviceContainer m_ues;                              ///< installed UEs
    NetDeviceContainer m_adversaryGnbs;                    ///< traced adversary cells
    std::shared_ptr<NrSecurityTraceWriter> m_traces;       ///< CSV writer
    std::shared_ptr<NrSecurityPcapRecorder> m_pcap;        ///< pcap and key writer
    std::shared_ptr<NrSecurityMscWriter> m_msc;            ///< sequence chart writer
    std::shared_ptr<NrSecurityKeyEpochWriter> m_keyEpochs; ///< key-epoch CSV writer
    std::shared_ptr<NrSecurityReportWriter> m_report;      ///< run report writer
    std::shared_ptr<NrSecurityUserPlane> m_userPlane;      ///< UPF, N3, UE addresses
};

} // namespace ns3

#endif // NR_SECURITY_HELPER_H
