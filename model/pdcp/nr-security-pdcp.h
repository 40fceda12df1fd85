// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_PDCP_H
#define NR_SECURITY_PDCP_H

#include "nr-security-pdcp-count-guard.h"
#include "nr-security-pdcp-pdu.h"
#include "nr-security-pdcp-user.h"
#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/traced-callback.h"

#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief Transmit direction of a PDCP entity: a UE's entities send uplink, a gNB's downlink.
 */
enum class NrSecurityDirection : uint8_t
{
    UPLINK = 0,   ///< DIRECTION 0 (TS 33.501 D.2.1.1)
    DOWNLINK = 1, ///< DIRECTION 1
};

/**
 * \ingroup nr-security
 * \brief The RLC mode of the bearer below a PDCP entity, as PDCP must know it for
 *        re-establishment (TS 38.323 5.1.2). SRBs are always carried by RLC AM.
 */
enum class NrSecurityRlcMode : uint8_t
{
    AM = 0, ///< acknowledged mode: SRBs, AM DRBs
    UM = 1, ///< unacknowledged mode: UM DRBs
};

/**
 * \ingroup nr-security
 * \brief Counters of one PDCP entity, for tests and statistics.
 */
struct NrSecurityPdcpCounters
{
    uint64_t txPdus = 0;            ///< data PDUs transmitted
    uint64_t txRefused = 0;         ///< SDUs refused: COUNT already used under the keys
    uint64_t rxPdus = 0;            ///< PDUs handed to ReceivePdu (all, before any check)
    uint64_t rxDelivered = 0;       ///< SDUs delivered to the upper layer
    uint64_t rxControlPdus = 0;     ///< DRB control PDUs received
    uint64_t integrityFailures = 0; ///< PDUs discarded on a MAC-I mismatch
    uint64_t duplicates = 0;        ///< PDUs discarded as already received
    uint64_t outOfWindow = 0; ///< PDUs discarded with RCVD_COUNT < RX_DELIV (or outside COUNT)
    uint64_t malformed = 0;   ///< PDUs discarded as malformed
    uint64_t reorderingTimeouts = 0; ///< t-Reordering expiries
    uint64_t flushed = 0;          ///< stored SDUs dropped by an SRB re-establishment or SetRxDeliv
    uint64_t confirmed = 0;        ///< AM DRB: PDUs the lower layer confirmed (matched)
    uint64_t confirmUnmatched = 0; ///< AM DRB: confirmations matching no kept SDU
    uint64_t retransmitted = 0;    ///< AM DRB: SDUs retransmitted by re-establishment
    uint64_t unconfirmedOverflow = 0; ///< AM DRB: kept SDUs dropped (MaxUnconfirmedSdus)
    uint64_t forwardedTx = 0;         ///< SDUs sent with a given COUNT (TransmitSduWithCount)
};

/**
 * \ingroup nr-security
 * \brief What happened to one PDCP PDU (or SDU to send) at one entity: the PduEvent trace,
 *        which the per-PDU CSV writes. Fired once per transmitted PDU, once per delivered
 *        SDU and once per discard (with the PduDiscarded reason).
 */
struct NrSecurityPdcpPduEvent
{
    /// What became of the PDU.
    enum Outcome : uint8_t
    {
        TRANSMITTED, ///< protected and handed to the lower layer (TS 38.323 5.2.1)
        DELIVERED,   ///< its SDU was delivered to the upper layer (TS 38.323 5.2.2)
        DISCARDED,   ///< discarded or refused; reason says why (as PduDiscarded)
    };

    Outcome outcome = TRANSMITTED; ///< the outcome
    std::string reason;            ///< DISCARDED: "malformed: ...", "duplicate", ...
    bool uplink = true;            ///< the PDU's DIRECTION is 0 (sent by the UE)
    bool countKnown = false;       ///< false when no COUNT can be given (malformed, outside
                                   ///< the COUNT space, an SDU refused before numbering)
    uint32_t count = 0;            ///< COUNT (TX_NEXT used, or RCVD_COUNT)
    bool snKnown = false;          ///< false for a PDU whose header could not be parsed
    uint32_t sn = 0;               ///< PDCP SN (the low snBits bits of COUNT)
    bool ciphered = false;         ///< NEA1-3 applied (transmit) or applies to its COUNT (receive);
                                   ///< false with NEA0 or ciphering off
    bool integrity = false;   ///< a MAC-I computed (transmit) or verified (receive) with NIA1-3
    bool macIPresent = false; ///< the PDU has a MAC-I field (SRBs; DRBs with integrity)
    uint32_t macI = 0;        ///< the MAC-I field in clear: as computed before ciphering
                              ///< (transmit), as deciphered (receive); 0 when unknown
    Ptr<const Packet> pdu;    ///< the PDU as on the air (the refused SDU for a refused send)
};

/**
 * \ingroup nr-security
 * \brief One PDCP entity (one radio bearer on one side) with NR security, TS 38.323.
 *
 * Transmit (TS 38.323 5.2.1): COUNT = TX_NEXT = HFN || SN; integrity over header + SDU, then
 * ciphering of the SDU (after any SDAP header) + MAC-I, as NrSecurityPdcpPdu::Protect; TX_NEXT
 * is incremented. A COUNT is used once per key, BEARER and DIRECTION (TS 38.300 13.1): a
 * NrSecurityPdcpCountGuard follows the ciphering key and the integrity key themselves, so
 * neither re-establishment, SetTxNext, a change of the other key nor switching a key away and
 * back makes a used COUNT usable again; such an SDU is refused, counted (txRefused) and
 * traced as PduDiscarded ("count-exhausted"). CountWrapImminent fires once per key set when
 * TX_NEXT reaches 2^32 - CountWrapMargin, so that RRC can refresh the keys.
 *
 * Receive (TS 38.323 5.2.2): RCVD_COUNT from RX_DELIV and the SN with
 * Window_Size = 2^(SN length - 1); decipher, verify; discard on a MAC-I mismatch
 * (IntegrityFailure trace, integrity failure callback to the upper layer, no state change),
 * then on RCVD_COUNT < RX_DELIV ("out-of-window") and on a COUNT already received
 * ("duplicate"). Reserved header bits are ignored (TS 38.323 6.3.6); the MAC-I covers them.
 * In-order delivery with a reordering buffer and t-Reordering (5.2.2.2, 5.2.2.3).
 *
 * Security is configured at run time separately per direction and per function, as the
 * Security Mode Command procedure needs: transmit settings apply from the next PDU, receive
 * settings from a given COUNT (PDUs with a lower COUNT keep the previous setting). A PDU is
 * verified with the receive setting that applies to its COUNT when it is delivered: a PDU
 * held in the reordering buffer keeps its PDU as received, and if the receive settings
 * changed since it was checked (for example the SecurityModeCommand switched integrity on,
 * TS 38.331 5.3.4.3), it is deciphered and verified again at delivery, and discarded as an
 * integrity failure (counted, traced, indicated) if it fails.
 *
 * Callbacks into the users (delivery, integrity failure, transmit) may re-enter the entity,
 * for example Reestablish() or SetRxDeliv() from a delivery callback: the entity holds no
 * iterator or reference across a callback and honours what the callback changed.
 *
 * AM DRB transmit side (TS 38.323 5.1.2, 5.3): each transmitted SDU is kept with its COUNT
 * until the lower layer confirms its PDU (ConfirmPduDelivery); at most MaxUnconfirmedSdus are
 * kept (the oldest is dropped beyond, counted and traced "unconfirmed-overflow"). Reestablish()
 * retransmits, from the first unconfirmed SDU, every kept SDU in ascending COUNT with the same
 * COUNT under the keys then in force; GetUnconfirmedSdus() gives them for Xn data forwarding
 * and TransmitSduWithCount() sends a forwarded SDU at the target with the COUNT the source
 * gave it. SRBs and UM DRBs keep nothing.
 *
 * Every discard is counted and traced as PduDiscarded with its reason: "malformed: ..."
 * (counters.malformed, also oversize or empty SDUs to transmit, counted as txRefused),
 * "out-of-window" (outOfWindow), "duplicate" (duplicates), "integrity" (integrityFailures),
 * "count-exhausted" (txRefused), "flushed" (flushed: a stored SDU dropped by an SRB
 * re-establishment or by SetRxDeliv), "unconfirmed-overflow" (unconfirmedOverflow: an SDU kept
 * for retransmission dropped unconfirmed). DRB control PDUs are counted (rxControlPdus), not
 * delivered.
 * No heap allocation per PDU on the in-order path beyond the ns-3 Packets themselves.
 */
class NrSecurityPdcp : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief Makes an entity as CreateObject<NrSecurityPdcp>() does, at a fraction of its
     *        cost: ns-3's attribute construction sets every attribute from its initial value
     *        (about 5,000 instructions per attribute with the Debian ns-3 3.37 libraries, 60,000
     *        per entity). It copies (CopyObject) a prototype that holds the attributes'
     *        compiled defaults and the TypeId, made once by CreateObject; only an attribute
     *        whose default was changed (Config::SetDefault, --ns3::...) is then set. With
     *        NS_ATTRIBUTE_DEFAULT in the environment it is CreateObject itself. RRC makes six
     *        entities per UE (SRB1, SRB2, DRB at UE and gNB).
     * \param direction the transmit direction (the "Direction" attribute)
     * \return the entity
     */
    static Ptr<NrSecurityPdcp> CreateEntity(NrSecurityDirection direction);

    NrSecurityPdcp();
    ~NrSecurityPdcp() override;

    /// Lower layer: called with each PDU to send (header || protected data || MAC-I).
    typedef Callback<void, Ptr<Packet>> TransmitPduCallback;
    /// Upper layer: called with each SDU delivered in order and its COUNT.
    typedef Callback<void, Ptr<Packet>, uint32_t> DeliverSduCallback;
    /**
     * Upper layer: integrity check failure indication (TS 38.323 5.9) with the COUNT and the
     * unverified SDU (after deciphering). The SDU is never delivered; it is handed over so that
     * RRC can tell, for example, an unprotected SecurityModeFailure from a forged message.
     */
    typedef Callback<void, uint32_t, Ptr<const Packet>> IntegrityFailureCallback;

    /**
     * TracedCallback signature for TxPdu and RxPdu.
     * \param pdu the PDU as on the air
     * \param count its COUNT
     */
    typedef void (*PduTracedCallback)(Ptr<const Packet> pdu, uint32_t count);
    /**
     * TracedCallback signature for IntegrityFailure.
     * \param rbId RB identity
     * \param count RCVD_COUNT
     * \param receivedMac the MAC-I field as received (deciphered)
     * \param expectedMac the MAC-I the receiver computed
     */
    typedef void (*IntegrityFailureTracedCallback)(uint8_t rbId,
                                                   uint32_t count,
                                                   uint32_t receivedMac,
                                                   uint32_t expectedMac);
    /**
     * TracedCallback signature for PduDiscarded.
     * \param reason "malformed: ..." (a received PDU, or an empty or oversize SDU to send),
     *        "duplicate", "out-of-window", "integrity" (also a buffered PDU that fails the
     *        check again at delivery), "count-exhausted", "flushed" (a stored SDU dropped by
     *        an SRB re-establishment or SetRxDeliv)
     * \param pdu the PDU (or the refused SDU for "count-exhausted")
     */
    typedef void (*PduDiscardedTracedCallback)(std::string reason, Ptr<const Packet> pdu);
    /**
     * TracedCallback signature for PduEvent: one call per transmitted PDU, delivered SDU and
     * discard (see NrSecurityPdcpPduEvent); a failed VerifyDeliveredSdu is also a DISCARDED
     * event (reason "integrity"). Building the event costs nothing while no sink is connected.
     * \param event what happened
     */
    typedef void (*PduEventTracedCallback)(const NrSecurityPdcpPduEvent& event);
    /**
     * TracedCallback signature for CountWrapImminent.
     * \param txNext TX_NEXT when the margin was reached
     */
    typedef void (*CountTracedCallback)(uint32_t txNext);

    /// \param cb the lower-layer transmit function
    void SetTransmitPduCallback(TransmitPduCallback cb);
    /// \param cb the upper-layer delivery function
    void SetDeliverSduCallback(DeliverSduCallback cb);
    /// \param cb the upper-layer integrity failure indication
    void SetIntegrityFailureCallback(IntegrityFailureCallback cb);

    /**
     * \brief Sets an owner implementing both layers' interface (called in addition to any
     *        callbacks that are set).
     * \param user the owner, which must outlive the entity or reset this (nullptr)
     * \param tag passed back to the owner with every call
     */
    void SetUser(NrSecurityPdcpUser* user, uint16_t tag);

    /**
     * \brief Sets the PDU format (bearer type, RB identity, SN length, SDAP header, DRB
     *        integrity). Also settable through the attributes.
     * \param format the format
     * \throws std::invalid_argument if the format is invalid (see NrSecurityPdcpFormat).
     */
    void SetFormat(const NrSecurityPdcpFormat& format);
    /// \return the PDU format
    const NrSecurityPdcpFormat& GetFormat() const;

    /**
     * \brief Sets the RLC mode of the bearer (also the "RlcMode" attribute, "AM" or "UM").
     *        It decides what Reestablish() resets (TS 38.323 5.1.2). An SRB must be AM; the
     *        combination is checked when the entity is used.
     * \param mode AM (default) or UM
     */
    void SetRlcMode(NrSecurityRlcMode mode);
    /// \return the RLC mode of the bearer
    NrSecurityRlcMode GetRlcMode() const;

    /**
     * \brief Transmit integrity protection from the next PDU on.
     * \param nia the algorithm (NIA0 gives a zero MAC-I)
     * \param key K_RRCint or K_UPint (copied)
     */
    void SetTxIntegrity(NrSecurityIntegrity nia, const NrSecurityKey128& key);
    /**
     * \brief Transmit ciphering from the next PDU on.
     * \param nea the algorithm
     * \param key K_RRCenc or K_UPenc (copied)
     */
    void SetTxCiphering(NrSecurityCiphering nea, const NrSecurityKey128& key);
    /**
     * \brief Receive integrity verification for PDUs with RCVD_COUNT >= fromCount.
     * \param nia the algorithm
     * \param key K_RRCint or K_UPint (copied)
     * \param fromCount the first COUNT verified with this setting
     */
    void SetRxIntegrity(NrSecurityIntegrity nia, const NrSecurityKey128& key, uint32_t fromCount);
    /**
     * \brief Receive deciphering for PDUs with RCVD_COUNT >= fromCount.
     * \param nea the algorithm
     * \param key K_RRCenc or K_UPenc (copied)
     * \param fromCount the first COUNT deciphered with this setting
     */
    void SetRxCiphering(NrSecurityCiphering nea, const NrSecurityKey128& key, uint32_t fromCount);

    /**
     * \brief Verifies the MAC-I of an SDU the entity delivered unverified (an SRB SDU received
     *        while receive integrity was not active) with a candidate algorithm and key, without
     *        changing the configuration. This is how RRC checks the SecurityModeCommand, which
     *        carries the algorithm needed for its own check (TS 38.331 5.3.4.3).
     * \param count the COUNT the SDU was delivered with
     * \param sdu the delivered SDU
     * \param receivedMac the MAC-I field that came with it (see GetLastRxMac())
     * \param nia the candidate integrity algorithm
     * \param key the candidate K_RRCint
     * \return true if the MAC-I matches; a mismatch is counted, traced as IntegrityFailure and
     *         reported to the NrSecurityPdcpUser, if any.
     *         Always false on a bearer without a MAC-I field.
     */
    bool VerifyDeliveredSdu(uint32_t count,
                            Ptr<const Packet> sdu,
                            uint32_t receivedMac,
                            NrSecurityIntegrity nia,
                            const NrSecurityKey128& key);

    /**
     * \return the MAC-I field of the SDU being (or last) delivered (0 if the bearer has none);
     *         read it in the delivery callback. VerifyDeliveredSdu of that SDU covers its
     *         PDCP header as received (reserved bits included).
     */
    uint32_t GetLastRxMac() const;

    /**
     * \brief Takes an SDU from the upper layer: protects it with COUNT = TX_NEXT and passes
     *        the PDU to the transmit callback.
     * \param sdu the SDU (SDAP header first if configured), 1..9000 bytes
     * \return the COUNT used, or -1 if the SDU was refused (COUNT exhausted) or invalid
     *         (empty or oversize; traced as PduDiscarded "malformed").
     */
    int64_t TransmitSdu(Ptr<Packet> sdu);

    /**
     * \brief Sends an SDU with a given COUNT: a DL SDU forwarded over Xn to the target gNB
     *        with the COUNT the source assigned it (TS 38.300 9.2.3.2.3, TS 37.340 10.2.2 data
     *        forwarding; TS 38.323 5.1.2 for an AM DRB: SDUs already associated with a COUNT
     *        keep it). TX_NEXT becomes max(TX_NEXT, count + 1). The COUNT guard applies as for
     *        TransmitSdu: a COUNT already used under the current ciphering or integrity key
     *        (the guard is a high-water mark per key, so also any COUNT below the highest
     *        used) is refused, counted (txRefused) and traced "count-exhausted"; hence send
     *        the forwarded SDUs in ascending COUNT before any new SDU under the new keys. An
     *        AM DRB keeps the SDU until it is confirmed, as any other.
     * \param sdu the SDU (SDAP header first if configured), 1..9000 bytes
     * \param count its COUNT
     * \return count, or -1 if refused (COUNT used under the keys) or invalid (empty, oversize)
     */
    int64_t TransmitSduWithCount(Ptr<Packet> sdu, uint32_t count);

    /**
     * \brief The lower layer confirms the successful delivery of a PDU (RLC AM
     *        acknowledgement, TS 38.322 5.2.3.1.1; TS 38.323 5.1.2 and 5.3): the oldest kept,
     *        unconfirmed SDU of an AM DRB whose COUNT has the PDU's SN is marked confirmed;
     *        confirmed SDUs at the head of the kept list are released. A confirmation that
     *        matches no kept SDU (unparsable, control PDU, unknown SN) is counted
     *        (confirmUnmatched) and otherwise ignored. SRBs and UM DRBs ignore it.
     * \param pdu the PDU as given to the TransmitPduCallback
     */
    void ConfirmPduDelivery(Ptr<const Packet> pdu);

    /**
     * \brief The SDUs of an AM DRB transmitted but not yet confirmed, for Xn data forwarding
     *        (TS 38.300 9.2.3.2.3): in ascending COUNT, each a copy.
     * \return (COUNT, SDU) pairs; empty for SRBs and UM DRBs
     */
    std::vector<std::pair<uint32_t, Ptr<Packet>>> GetUnconfirmedSdus() const;

    /// \return how many SDUs the AM DRB keeps for retransmission (confirmed ones behind an
    ///         unconfirmed one included)
    size_t GetKeptSduCount() const;

    /**
     * \brief Takes a PDU from the lower layer (TS 38.323 5.2.2.1).
     * \param pdu the PDU
     */
    void ReceivePdu(Ptr<Packet> pdu);

    /**
     * \brief PDCP entity re-establishment (TS 38.323 5.1.2), by bearer type and RLC mode:
     *        - SRB: TX_NEXT, RX_NEXT, RX_DELIV (and RX_REORD) to 0, stored SDUs discarded
     *          (each counted and traced as PduDiscarded "flushed"), t-Reordering stopped;
     *        - UM DRB: the same resets, t-Reordering stopped, and the stored SDUs delivered
     *          in ascending COUNT order (each verified with the receive setting for its
     *          COUNT first);
     *        - AM DRB: TX_NEXT, RX_NEXT, RX_DELIV, the stored SDUs and t-Reordering are kept;
     *          from the first SDU whose delivery the lower layer has not confirmed, every kept
     *          SDU is retransmitted in ascending COUNT with its COUNT, under the transmit keys
     *          in force (set the new keys before calling this; under unchanged keys the guard
     *          refuses them as COUNTs already used: counted, traced "count-exhausted", and
     *          they stay kept). The receive settings in force (the new keys, set before) apply
     *          to every PDU received afterwards, whatever its COUNT; SDUs stored for
     *          reordering were deciphered and verified on reception (5.2.2.1) with the keys
     *          then in force and are delivered as they are, not checked again with the new
     *          keys.
     *        Keys are kept until new ones are set, and after an SRB or UM DRB reset the
     *        receive settings in force apply to every COUNT from 0 (none falls back to the
     *        setting from before security activation); COUNTs already used under the kept
     *        transmit keys stay refused. Delivery and transmit callbacks may re-enter the
     *        entity.
     * \throws std::invalid_argument for an invalid format or an SRB with RlcMode UM.
     */
    void Reestablish();

    /**
     * \brief Starts the transmit side mid-life (long-lived connections, COUNT wrap studies,
     *        tests): TX_NEXT = txNext. COUNTs already used under the current keys stay refused.
     * \param txNext the COUNT of the next PDU
     */
    void SetTxNext(uint32_t txNext);

    /**
     * \brief Starts the receive side mid-life: RX_DELIV = RX_NEXT = rxDeliv, the reordering
     *        buffer emptied (each stored SDU counted and traced as PduDiscarded "flushed") and
     *        t-Reordering stopped; the receive settings in force apply to every COUNT from
     *        rxDeliv.
     * \param rxDeliv the COUNT of the next SDU to deliver
     */
    void SetRxDeliv(uint32_t rxDeliv);

    /// \return TX_NEXT (the COUNT of the next transmitted PDU; 2^32 once exhausted)
    uint64_t GetTxNext() const;
    /// \return RX_NEXT (64-bit: 2^32 once the last COUNT was received)
    uint64_t GetRxNext() const;
    /// \return RX_DELIV (64-bit, as RX_NEXT)
    uint64_t GetRxDeliv() const;
    /// \return RX_REORD (64-bit, as RX_NEXT)
    uint64_t GetRxReord() const;
    /// \return true while t-Reordering runs
    bool IsReorderingTimerRunning() const;
    /// \return the number of PDUs held in the reordering buffer
    size_t GetReorderingBufferSize() const;
    /// \return the counters
    const NrSecurityPdcpCounters& GetCounters() const;
    /// \return true once transmit integrity protection is active
    bool IsIntegrityActive() const;
    /// \return true once transmit ciphering is active
    bool IsCipheringActive() const;
    /// \return the transmit security configuration
    const NrSecurityPdcpSecurity& GetTxSecurity() const;
    /**
     * \param count a COUNT
     * \return the receive security configuration that applies to it
     */
    NrSecurityPdcpSecurity GetRxSecurity(uint32_t count) const;
    /// \return the DIRECTION this entity transmits with
    uint8_t GetTxDirectionBit() const;

  protected:
    void DoDispose() override;

  private:
    /// One receive-side setting and the COUNT from which it applies.
    template <typename Alg>
    struct RxSetting
    {
        bool active = false;    ///< configured
        Alg alg{};              ///< algorithm
        NrSecurityKey128 key{}; ///< key
        uint32_t fromCount = 0; ///< first COUNT it applies to
    };

    /// Keeps, per function, the previous and the latest setting.
    template <typename Alg>
    struct RxSettings
    {
        RxSetting<Alg> previous; ///< applies below latest.fromCount
        RxSetting<Alg> latest;   ///< applies from latest.fromCount

        const RxSetting<Alg>& For(uint32_t count) const
        {
            return latest.active && count >= latest.fromCount ? latest : previous;
        }

        /// After the receive state is reset to `count` (re-establishment, SetRxDeliv): the
        /// latest setting, if any, applies to every COUNT from there (TS 38.323 5.1.2), so
        /// that no COUNT below its old start falls back to an earlier, weaker setting.
        void ApplyFrom(uint32_t count)
        {
            if (latest.active)
            {
                latest.fromCount = count;
                previous = latest;
            }
        }

        void Set(Alg alg, const NrSecurityKey128& key, uint32_t fromCount)
        {
            previous = latest;
            latest = RxSetting<Alg>{true, alg, key, fromCount};
        }
    };

    /// A received SDU waiting for (or at) delivery, with what its re-check needs.
    struct RxEntry
    {
        Ptr<Packet> sdu;                 ///< the SDU, as deciphered under `generation`
        Ptr<const Packet> pdu;           ///< the PDU as received (null on the in-order path)
        uint32_t mac = 0;                ///< its MAC-I field
        uint32_t generation = 0;         ///< m_rxGeneration when it was checked
        std::array<uint8_t, 3> header{}; ///< its PDCP header as received
    };

    /// A transmitted SDU of an AM DRB kept until the lower layer confirms it.
    struct TxEntry
    {
        Ptr<Packet> sdu;        ///< the SDU as given (a copy)
        bool confirmed = false; ///< its PDU was confirmed (kept while an older one is not)
    };

    void ValidateConfig() const;
    void TxKeysChanged();
    /// \return true for an AM DRB (keeps transmitted SDUs)
    bool KeepsTxSdus() const;
    /// \return false (and traces "malformed") for an empty or oversize SDU
    bool CheckSduSize(Ptr<Packet> sdu);
    /**
     * \brief Protects and sends one SDU with a COUNT (guard check, TX_NEXT update, kept copy
     *        for an AM DRB, traces, callbacks).
     * \param sdu the SDU
     * \param count the COUNT
     * \param retransmission the SDU is already kept (re-establishment)
     * \return count, or -1 if the guard refused it
     */
    int64_t ProtectAndSend(Ptr<Packet> sdu, uint32_t count, bool retransmission);
    /// Keeps an AM DRB SDU for retransmission, dropping the oldest beyond MaxUnconfirmedSdus.
    void KeepTxSdu(uint32_t count, Ptr<Packet> sdu);
    /// AM DRB re-establishment, transmit side: retransmits the kept SDUs.
    void RetransmitKept();
    /**
     * \brief Counts and traces a discard (PduDiscarded, PduEvent).
     * \param reason the reason
     * \param pdu the PDU (or refused SDU)
     * \param counter the counter to increment
     * \param count its COUNT, or -1 if unknown
     * \param sn its SN, or -1 if unknown (derived from count when count is known)
     * \param mac its MAC-I field in clear, if known
     * \param rx a received PDU (else an SDU refused for transmission)
     */
    void Discard(const std::string& reason,
                 Ptr<const Packet> pdu,
                 uint64_t& counter,
                 int64_t count = -1,
                 int64_t sn = -1,
                 uint32_t mac = 0,
                 bool rx = true);
    /// Fires PduEvent (only if a sink is connected); ciphered/integrity from the settings.
    void PduEvent(NrSecurityPdcpPduEvent::Outcome outcome,
                  const std::string& reason,
                  Ptr<const Packet> pdu,
                  int64_t count,
                  int64_t sn,
                  uint32_t mac,
                  bool rx);
    void IntegrityFailed(uint32_t count,
                         const NrSecurityPdcpUnprotectResult& r,
                         Ptr<const Packet> pdu);
    bool Recheck(uint32_t count, RxEntry& entry);
    void Flush(std::map<uint32_t, RxEntry>& stored);
    /// \param count the COUNT the receive state restarts from; the latest receive settings
    ///        apply from it (Reestablish, SetRxDeliv)
    void ResetRxSettingsFrom(uint32_t count);
    void Deliver(uint32_t count, const RxEntry& entry);
    void DeliverConsecutive();
    void UpdateReorderingTimer();
    void ReorderingTimerExpired();
    void SetRlcModeAttribute(std::string mode);
    std::string GetRlcModeAttribute() const;
    void SetRbTypeAttribute(std::string type);
    std::string GetRbTypeAttribute() const;
    void SetDirectionAttribute(std::string direction);
    std::string GetDirectionAttribute() const;
    void SetSnLengthAttribute(uint8_t bits);
    uint8_t GetSnLengthAttribute() const;
    void SetRbIdAttribute(uint8_t id);
    uint8_t GetRbIdAttribute() const;
    void SetSdapHeaderAttribute(bool present);
    bool GetSdapHeaderAttribute() const;
    void SetDrbIntegrityAttribute(bool configured);
    bool GetDrbIntegrityAttribute() const;

    NrSecurityPdcpFormat m_format;        ///< PDU format
    NrSecurityRlcMode m_rlcMode;          ///< RLC mode of the bearer
    NrSecurityDirection m_direction;      ///< transmit direction
    Time m_tReordering;                   ///< t-Reordering duration
    uint32_t m_countWrapMargin;           ///< CountWrapImminent margin below 2^32
    uint32_t m_maxUnconfirmed;            ///< MaxUnconfirmedSdus
    std::map<uint32_t, TxEntry> m_txKept; ///< AM DRB: transmitted SDUs by COUNT, unconfirmed
                                          ///< first (confirmed ones at the head are released)

    NrSecurityPdcpSecurity m_tx;             ///< transmit security
    RxSettings<NrSecurityIntegrity> m_rxInt; ///< receive integrity settings
    RxSettings<NrSecurityCiphering> m_rxEnc; ///< receive ciphering settings
    uint32_t m_rxGeneration;                 ///< incremented by every receive setting change

    uint64_t m_txNext;                  ///< TX_NEXT (64-bit so that exhaustion is representable)
    NrSecurityPdcpCountGuard m_txGuard; ///< COUNTs used per key, BEARER and DIRECTION
    bool m_wrapWarned;                  ///< CountWrapImminent fired for the current TX keys
    uint64_t m_rxNext;                  ///< RX_NEXT (64-bit so that 2^32 is representable)
    uint64_t m_rxDeliv;                 ///< RX_DELIV
    uint64_t m_rxReord;                 ///< RX_REORD
    EventId m_tReorderingEvent;         ///< t-Reordering
    std::map<uint32_t, RxEntry> m_rxBuffer; ///< received, not yet delivered SDUs by COUNT
    uint32_t m_lastRxMac;                   ///< MAC-I field of the last delivered SDU
    uint32_t m_lastRxCount;                 ///< COUNT of the last delivered SDU
    std::array<uint8_t, 3> m_lastRxHeader;  ///< PDCP header of the last delivered SDU

    std::vector<uint8_t> m_scratch;    ///< reused PDU buffer (no per-PDU allocation)
    std::vector<uint8_t> m_sduScratch; ///< reused SDU buffer on transmit
    NrSecurityPdcpCounters m_counters; ///< counters

    NrSecurityPdcpUser* m_user;                  ///< owner interface, or nullptr
    uint16_t m_userTag;                          ///< passed back to m_user
    TransmitPduCallback m_transmitPdu;           ///< lower layer
    DeliverSduCallback m_deliverSdu;             ///< upper layer
    IntegrityFailureCallback m_integrityFailure; ///< upper layer indication

    TracedCallback<Ptr<const Packet>, uint32_t> m_txPduTrace; ///< TxPdu
    TracedCallback<Ptr<const Packet>, uint32_t> m_rxPduTrace; ///< RxPdu
    TracedCallback<uint8_t, uint32_t, uint32_t, uint32_t>
        m_integrityFailureTrace;                                        ///< IntegrityFailure
    TracedCallback<std::string, Ptr<const Packet>> m_pduDiscardedTrace; ///< PduDiscarded
    TracedCallback<uint32_t> m_countWrapTrace;                          ///< CountWrapImminent
    TracedCallback<const NrSecurityPdcpPduEvent&> m_pduEventTrace;      ///< PduEvent
};

} // namespace ns3

#endif // NR_SECURITY_PDCP_H
