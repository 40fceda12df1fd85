// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_ADVERSARY_HELPER_H
#define NR_SECURITY_ADVERSARY_HELPER_H

#include "nr-security-helper.h"
#include "ns3/attribute.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/nr-security-amf.h"
#include "ns3/nr-security-gnb-net-device.h"
#include "ns3/nr-security-injector.h"
#include "ns3/nr-security-jammer.h"
#include "ns3/nr-security-mitm-relay.h"
#include "ns3/nr-security-sniffer.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class NrSecurityPcapWriter;
class NrSecurityDatasetWriter;

/**
 * \ingroup nr-security
 * \brief Puts adversaries on the air interface of a network built with NrSecurityHelper:
 *        sniffers, injectors / overshadowers, jammers, man-in-the-middle relays and false base
 *        stations, and writes what they heard (pcap) and the labelled dataset of every frame.
 *
 * Every adversary acts only through the radio model of the network's channel (its node's
 * MobilityModel for position, its TxPower, its Sensitivity). Typical use:
 * \code
 *   Ptr<NrSecurityHelper> nr = CreateObject<NrSecurityHelper>();
 *   // ... gNBs, UEs ...
 *   NrSecurityAdversaryHelper adv(nr);
 *   adv.SetAdversaryAttribute("TxPower", DoubleValue(30));
 *   Ptr<NrSecuritySniffer> sniffer = adv.InstallSniffer(attackerNode);
 *   adv.EnablePcap(sniffer, "out/sniffer.pcap");
 *   Ptr<NrSecurityMitmRelay> relay = adv.InstallRelay(relayNode, gnbs.Get(0));
 *   relay->SetInterceptCallback(MakeCallback(&MyIntercept));
 *   nr->Attach(ues, relay);                 // or: the UE selects the stronger relay cell
 *   adv.EnableDataset("out/dataset", "alter");
 * \endcode
 *
 * Attributes set with SetAdversaryAttribute apply to every adversary device installed
 * afterwards that has them (TxPower, Sensitivity; a relay and a false base station are gNB
 * devices and take TxPower too); an attribute none of the adversary types has is refused.
 */
class NrSecurityAdversaryHelper
{
  public:
    /// \param network the victims' network (its channel, AMF, UEs and gNBs)
    explicit NrSecurityAdversaryHelper(Ptr<NrSecurityHelper> network);
    ~NrSecurityAdversaryHelper();

    /**
     * \brief An attribute for every adversary device installed afterwards (checked now).
     * \param n attribute name (e.g. TxPower, Sensitivity)
     * \param v value
     * \throws std::invalid_argument if no adversary type has the attribute or the value is
     *         invalid
     */
    void SetAdversaryAttribute(const std::string& n, const AttributeValue& v);

    /**
     * \brief An attribute of the RRC of every false base station installed afterwards (e.g.
     *        CipheringPriority "NEA0", IntegrityPriority "NIA0",
     *        VulnerabilityAllowNullAlgorithms true).
     * \param n attribute name of NrSecurityGnbRrc
     * \param v value
     * \throws std::invalid_argument if NrSecurityGnbRrc has no such attribute or refuses v
     */
    void SetFalseBaseStationRrcAttribute(const std::string& n, const AttributeValue& v);

    /// \param node the attacker's node \return a started sniffer on the network's channel
    Ptr<NrSecuritySniffer> InstallSniffer(Ptr<Node> node);
    /// \param node the attacker's node \return a started injector on the network's channel
    Ptr<NrSecurityInjector> InstallInjector(Ptr<Node> node);
    /// \param node the attacker's node \return a started jammer (no targets, inactive)
    Ptr<NrSecurityJammer> InstallJammer(Ptr<Node> node);

    /**
     * \brief A man-in-the-middle relay in front of a real gNB: a false cell with a new cell id
     *        on the channel that announces the real cell's PCI, ARFCN-DL and CellIdentity,
     *        and a fake UE toward the real gNB (NrSecurityMitmRelay). Never on Xn.
     * \param node the relay's node
     * \param realGnb the real gNB device
     * \return the relay (started)
     * \throws std::invalid_argument if realGnb is not a gNB device of the network
     */
    Ptr<NrSecurityMitmRelay> InstallRelay(Ptr<Node> node, Ptr<NetDevice> realGnb);

    /**
     * \brief A false base station: a gNB device with FalseBaseStation = true (its frames are
     *        marked FALSE_BASE_STATION), a new cell id on the channel, never on Xn, with its
     *        own AMF that knows every UE installed in the network so far with a random K_AMF
     *        (keys the attacker does not have: a SecurityModeCommand it sends fails the UE's
     *        MAC-I check unless it selects NIA0). Its RRC gets the attributes of
     *        SetFalseBaseStationRrcAttribute.
     * \param node the false base station's node
     * \param clone a real gNB whose PCI, ARFCN-DL and CellIdentity it copies (nullptr: its own
     *        identity, PCI = its cell id)
     * \return the gNB device
     * \throws std::invalid_argument if clone is not a gNB device
     */
    Ptr<NrSecurityGnbNetDevice> InstallFalseBaseStation(Ptr<Node> node,
                                                        Ptr<NetDevice> clone = nullptr);

    /// \return the AMF of the false base stations (created by the first one; else nullptr)
    Ptr<NrSecurityAmf> GetFalseBaseStationAmf() const;

    /**
     * \brief Writes every frame the sniffer hears to a pcap (NrSecurityPcapWriter framing;
     *        forged frames marked, see NrSecurityPcapFrameInfo::origin), closed at
     *        Simulator::Destroy.
     * \param sniffer a sniffer of this helper
     * \param filename the pcap file (missing folders are created)
     * \throws std::runtime_error if the file cannot be created
     */
    void EnablePcap(Ptr<NrSecuritySniffer> sniffer, const std::string& filename);

    /**
     * \brief The labelled dataset: one row per frame on the channel in `<filename>.csv` and the
     *        same frames, in the same order, in `<filename>.pcap` (NrSecurityDatasetWriter),
     *        written at Simulator::Destroy.
     * \param filename the path without extension (missing folders are created)
     * \param attackLabel the label of forged frames (e.g. "alter"); legitimate frames are
     *        labelled "benign"
     * \throws std::runtime_error if the files cannot be created
     */
    void EnableDataset(const std::string& filename, const std::string& attackLabel);

    /// \return the dataset writer of EnableDataset (nullptr before)
    std::shared_ptr<NrSecurityDatasetWriter> GetDatasetWriter() const;

    /// \param stream the first stream index \return the streams used (1: the FBS K_AMFs)
    int64_t AssignStreams(int64_t stream);

  private:
    /// Applies the adversary attributes the device's type has.
    void Configure(Ptr<Object> dev) const;
    /// Node, channel, attributes and Start for a monitor-based adversary.
    template <typename T>
    Ptr<T> InstallAdversary(Ptr<Node> node);

    Ptr<NrSecurityHelper> m_network;                                             ///< the victims
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_attributes;       ///< adversaries
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_fbsRrcAttributes; ///< FBS RRC
    Ptr<NrSecurityAmf> m_fbsAmf;                                                 ///< FBS AMF
    Ptr<UniformRandomVariable> m_random;                                         ///< FBS K_AMFs
    std::vector<Ptr<NrSecurityPcapWriter>> m_pcaps;                              ///< sniffer pcaps
    std::shared_ptr<NrSecurityDatasetWriter> m_dataset;                          ///< dataset
};

} // namespace ns3

#endif // NR_SECURITY_ADVERSARY_HELPER_H
