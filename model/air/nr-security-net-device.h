// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_NET_DEVICE_H
#define NR_SECURITY_NET_DEVICE_H

#include "nr-security-air-frame.h"
#include "nr-security-channel.h"
#include "ns3/error-model.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/traced-callback.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief What the UE and gNB devices of the NR air interface share: the ns-3 NetDevice
 *        plumbing, the channel, the receive ErrorModel and the per-device PDU traces.
 *
 * The base carries PDCP PDUs of the RRC entities, not IP packets: its Send() and SendFrom()
 * return false; the UE device (NrSecurityUeNetDevice) overrides Send() to carry IP packets
 * over its DRBs. The receive callback ns-3's Node installs is kept for the subclasses
 * (NetDeviceReceive), as are the link-change callbacks (NotifyLinkChange). MTU: 1500 bytes by
 * default; SetMtu accepts 1..8999 (the 9000-byte PDCP SDU limit of TS 38.323 4.3.1 less a
 * one-byte SDAP header).
 */
class NrSecurityNetDevice : public NetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    NrSecurityNetDevice();
    ~NrSecurityNetDevice() override;

    /// \param channel the air interface this device is on
    void SetChannel(Ptr<NrSecurityChannel> channel);

    /**
     * \brief Called by the channel when a frame for this device arrives.
     * \param frame the frame
     */
    virtual void ReceiveFrame(NrSecurityAirFrame frame) = 0;

    /**
     * \brief The transmit power the channel's received power starts from (GetRxPowerDbm).
     * \return dBm: 0 here; the UE and gNB devices and the adversary devices return their
     *         TxPower attribute
     */
    virtual double GetTxPower() const;

    /**
     * \return true for a device of an adversary (sniffer, injector, jammer, relay, false base
     *         station): informational, for outputs that mark them
     */
    virtual bool IsAdversary() const
    {
        return false;
    }

    /**
     * \brief Asks the receive ErrorModel whether an arriving attempt is lost.
     * \param frame the frame
     * \return true if lost
     */
    bool IsLost(const NrSecurityAirFrame& frame);

    /**
     * \brief Called by the channel when a PDU this device sent was dropped after the last
     *        retransmission: fires RadioLinkFailure (subclasses add what their RRC does).
     * \param frame the frame
     */
    virtual void NotifyRadioLinkFailure(const NrSecurityAirFrame& frame);

    /**
     * \brief Called by the channel when an attempt of a PDU this device sent arrived at its
     *        receiver (the lower layers' acknowledgement): fires PduDelivered; the UE and gNB
     *        devices also hand the PDU to their RRC (ConfirmDelivery, for the PDCP of AM DRBs).
     * \param frame the frame as sent
     */
    virtual void NotifyDelivered(const NrSecurityAirFrame& frame);

    // ns3::NetDevice
    void SetIfIndex(const uint32_t index) override;
    uint32_t GetIfIndex() const override;
    Ptr<Channel> GetChannel() const override;
    void SetAddress(Address address) override;
    Address GetAddress() const override;
    bool SetMtu(const uint16_t mtu) override;
    uint16_t GetMtu() const override;
    bool IsLinkUp() const override;
    void AddLinkChangeCallback(Callback<void> callback) override;
    bool IsBroadcast() const override;
    Address GetBroadcast() const override;
    bool IsMulticast() const override;
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    Address GetMulticast(Ipv6Address addr) const override;
    bool IsPointToPoint() const override;
    bool IsBridge() const override;
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;
    Ptr<Node> GetNode() const override;
    void SetNode(Ptr<Node> node) override;
    bool NeedsArp() const override;
    void SetReceiveCallback(NetDevice::ReceiveCallback cb) override;
    void SetPromiscReceiveCallback(PromiscReceiveCallback cb) override;
    bool SupportsSendFrom() const override;

  protected:
    void DoDispose() override;

    /**
     * \brief Puts a frame on the air and fires PduTx.
     * \param frame the frame
     * \return false if the channel has no peer for it
     */
    bool SendFrame(const NrSecurityAirFrame& frame);

    /// Fires PduRx. \param frame the frame
    void NotifyReceived(const NrSecurityAirFrame& frame);

    /**
     * \brief Hands a packet to the upper layer (the callback of SetReceiveCallback).
     * \param packet the packet \param protocol its EtherType (0x0800 IPv4, 0x86DD IPv6)
     * \return false if no callback is installed
     */
    bool NetDeviceReceive(Ptr<Packet> packet, uint16_t protocol);

    /// Calls every link-change callback (the link went up or down).
    void NotifyLinkChange();

    Ptr<NrSecurityChannel> m_channel; ///< the air interface

  private:
    Ptr<Node> m_node;                                           ///< the node
    uint32_t m_ifIndex;                                         ///< interface index
    Mac48Address m_address;                                     ///< a dummy address
    uint16_t m_mtu;                                             ///< MTU in bytes (IP packet limit)
    Ptr<ErrorModel> m_errorModel;                               ///< receive losses
    NetDevice::ReceiveCallback m_rxCallback;                    ///< upper layer
    NetDevice::PromiscReceiveCallback m_promiscRxCallback;      ///< promiscuous upper layer
    std::vector<Callback<void>> m_linkChangeCallbacks;          ///< link up/down listeners
    TracedCallback<const NrSecurityAirFrame&> m_txTrace;        ///< PduTx
    TracedCallback<const NrSecurityAirFrame&> m_rxTrace;        ///< PduRx
    TracedCallback<const NrSecurityAirFrame&> m_rlfTrace;       ///< RadioLinkFailure
    TracedCallback<const NrSecurityAirFrame&> m_deliveredTrace; ///< PduDelivered
};

} // namespace ns3

#endif // NR_SECURITY_NET_DEVICE_H
