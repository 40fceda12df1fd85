// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_PCAP_WRITER_H
#define NR_SECURITY_PCAP_WRITER_H

#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-kdf.h"
#include "ns3/nr-security-pdcp-pdu.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/simple-ref-count.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class PcapFileWrapper;

/**
 * \ingroup nr-security
 * \brief The keys of one UE as exported next to a pcap (TS 33.501 6.7, Annex A.8/A.9).
 *
 * All keys are big-endian byte strings (byte 0 holds the most significant bits).
 */
struct NrSecurityPcapUeKeys
{
    uint32_t ueId = 0;          ///< the UE identifier written in the pdcp-nr framing (tag 0x06)
    NrSecurityKey256 kGnb{};    ///< K_gNB, 32 bytes
    NrSecurityKey128 kRrcEnc{}; ///< K_RRCenc, 16 bytes
    NrSecurityKey128 kRrcInt{}; ///< K_RRCint, 16 bytes
    NrSecurityKey128 kUpEnc{};  ///< K_UPenc, 16 bytes
    NrSecurityKey128 kUpInt{};  ///< K_UPint, 16 bytes
    NrSecurityKey256 kAmf{};    ///< K_AMF, 32 bytes (the input of step 27, TS 33.501 A.9)
    uint32_t ulNasCount = 0;    ///< the uplink NAS COUNT K_gNB was derived with (A.9, P0)
    uint32_t epoch = 0;         ///< the key epoch of kGnb (0: the connection's initial K_gNB)
    uint8_t ncc = 0;            ///< the NCC that goes with kGnb (TS 33.501 6.9.2.1.1)
    uint16_t cellId = 0;        ///< the cell the keys are used in
};

/**
 * \ingroup nr-security
 * \brief How one frame is framed for Wireshark's pdcp-nr dissector: what the air frame's
 *        metadata says about the PDU (NrSecurityAirFrame, NrSecurityRbPdu).
 */
struct NrSecurityPcapFrameInfo
{
    uint32_t ueId = 0;                             ///< pdcp-nr UE id (tag 0x06)
    NrSecurityRbType type = NrSecurityRbType::SRB; ///< SRB0 (CCCH), SRB (1..3) or DRB (1..32)
    uint8_t rbId = 1;          ///< SRB identity 0..3 or DRB identity 1..32 (tag 0x05)
    bool uplink = false;       ///< sent by the UE (DIRECTION 0)
    uint8_t snLengthBits = 12; ///< PDCP SN length: 12 (SRB), 12 or 18 (DRB); unused for SRB0
    bool macIPresent = true;   ///< the PDU ends with a MAC-I (SRBs always; DRBs with integrity)
    bool sdapHeader = false;   ///< DRB: a 1-byte SDAP header leads the SDU
    bool ciphered = false;     ///< the sender's PDCP ciphered the PDU (else tag 0x11)
    /// Who put the frame on the air: the value of NrSecurityFrameOrigin (0 legitimate,
    /// 1 injected, 2 replayed, 3 relayed, 4 rewritten, 5 false base station), written as the
    /// DSCP of the framing IPv4 header (tshark: ip.dsfield.dscp; 0 for legitimate frames).
    uint8_t origin = 0;
};

/**
 * \ingroup nr-security
 * \brief Writes PDCP PDUs to a pcap file that Wireshark/tshark decode as PDCP-NR and NR RRC,
 *        and exports the keys Wireshark needs to verify NIA2 and decipher NEA2.
 *
 * The pcap link type is LINKTYPE_RAW (101, raw IPv4). Each PDU becomes one frame:
 *
 *   IPv4 header (20 bytes, DF, TTL 64, protocol 17, valid header checksum)
 *   UDP header (8 bytes, both ports UDP_PORT, valid checksum)
 *   "pdcp-nr" (7 ASCII bytes, no NUL)
 *   plane (1 byte: 1 signalling, 2 user plane)
 *   0x02 SN length (1 byte: 12 or 18; 0 for SRB0, which has no PDCP header)
 *   0x03 direction (1 byte: 0 uplink, 1 downlink)
 *   0x04 bearer type (1 byte: 4 = CCCH for SRB0, 1 = DCCH for SRB1-3 and DRBs alike)
 *   0x05 bearer id (1 byte: the RB identity, 0 for SRB0, 1..3 SRB, 1..32 DRB)
 *   0x06 UE id (2 bytes, big-endian)
 *   [0x0F]            MAC-I present (no value)
 *   [0x10 mask]       SDAP header present (1 byte bitmask: 0x01 uplink, 0x02 downlink)
 *   [0x11]            ciphering disabled (no value): written for PDUs sent in clear
 *   0x01 then the PDCP PDU up to the end of the frame.
 *
 * Forged frames (NrSecurityPcapFrameInfo::origin, the NrSecurityFrameOrigin of the air
 * frame, not 0) carry the origin as the DSCP of the framing IPv4 header (TOS byte = origin
 * << 2); legitimate frames have DSCP 0. Nothing else of the frame changes (addresses, ports,
 * pdcp-nr framing). tshark: `-Y 'ip.dsfield.dscp#1 != 0'` lists the injected, replayed,
 * relayed, rewritten and false-base-station frames, `ip.dsfield.dscp#1 == 4` the rewritten
 * ones (#1: the framing header; a deciphered DRB PDU shows its own IPv4 header as a second ip
 * layer, which a plain `ip.dsfield.dscp != 0` would also test).
 *
 * This is the UDP framing of Wireshark's pdcp-nr dissector (packet-pdcp-nr.h, heuristic
 * "pdcp_nr_udp"; verified against tshark 4.0). Uplink frames go from the UE
 * address UE_ADDRESS (127.0.0.2) to the gNB address GNB_ADDRESS (127.0.0.1), downlink frames
 * the other way.
 *
 * Reading the capture with tshark 4.0 (see doc/nr-security.rst and
 * test/nr-security-pcap-tshark-test.py):
 *
 *   tshark -r FILE --enable-heuristic pdcp_nr_udp \
 *     -o pdcp-nr.check_sequence_numbers:pdcp-only \
 *     -o pdcp-nr.default_ciphering_algorithm:nea2 \
 *     -o pdcp-nr.default_integrity_algorithm:nia2 \
 *     -o 'uat:pdcp_nr_ue_keys:"1","<K_RRCenc>","<K_UPenc>","<K_RRCint>","<K_UPint>"'
 *
 * or a profile holding the files written by WriteWiresharkUeKeys and
 * WriteWiresharkPreferences. Wireshark takes the algorithms from these preferences because its
 * NR RRC dissector only configures PDCP security from a SecurityModeCommand that arrived over
 * MAC-NR framing; it derives COUNT from the SNs it sees (HFN 0 at the first PDU of a bearer),
 * so a capture must start at the first PDU of every bearer. It never deciphers PDUs that carry
 * the "ciphering disabled" tag. Limitations of tshark 4.0 (Debian build): NEA1/NIA1 and
 * NEA3/NIA3 are not available; it verifies an unprotected SecurityModeFailure (MAC-I all
 * zeros, TS 38.331 5.3.4.3) with the commanded algorithm and flags it; for a DRB with an SDAP
 * header it leaves the SDAP header out of the NIA input, which TS 38.323 5.9 includes, and
 * after deciphering such a PDU it dissects the first deciphered byte as the SDAP header (the
 * real, never ciphered SDAP header is dropped), so the IP packet it shows is shifted by one
 * byte: only DRBs without an SDAP header decode as IP and verify in tshark 4.0. Deciphering
 * DRBs needs pdcp-nr.decipher_userplane (written by WriteWiresharkPreferences). A DRB PDU
 * with the "ciphering disabled" tag is verified but shown as "User-Plane Data" bytes, not as
 * IP, while the default ciphering algorithm is not NEA0.
 *
 * Not thread-safe. Errors are reported by exceptions (see each method).
 */
class NrSecurityPcapWriter : public SimpleRefCount<NrSecurityPcapWriter>
{
  public:
    /// UDP source and destination port of every frame (unassigned in tshark 4.0; "38.323").
    static constexpr uint16_t UDP_PORT = 38323;
    /// IPv4 address of the UE side, 127.0.0.2, host byte order.
    static constexpr uint32_t UE_ADDRESS = 0x7f000002;
    /// IPv4 address of the gNB side, 127.0.0.1, host byte order.
    static constexpr uint32_t GNB_ADDRESS = 0x7f000001;
    /// Largest PDCP PDU in bytes that fits one frame (IPv4 total length limit).
    static constexpr size_t MAX_PDU_BYTES = 65535 - 20 - 8 - 32;

    NrSecurityPcapWriter();
    /// Closes the file if it is open.
    ~NrSecurityPcapWriter();

    NrSecurityPcapWriter(const NrSecurityPcapWriter&) = delete;
    NrSecurityPcapWriter& operator=(const NrSecurityPcapWriter&) = delete;

    /**
     * \brief Creates (or truncates) a pcap file with link type LINKTYPE_RAW (101) and snap
     *        length 65535; closes a file opened before.
     * \param filename the path of the pcap file.
     * \throws std::runtime_error if the file cannot be created or its header not written.
     */
    void Open(const std::string& filename);

    /// \return true between a successful Open() and Close().
    bool IsOpen() const;

    /// \brief Flushes and closes the file (no effect if none is open).
    void Close();

    /**
     * \brief Appends one frame holding a PDCP PDU (see the class description for the layout).
     * \param t the frame timestamp (simulation time; microsecond resolution in the file).
     * \param ueId the UE identifier (pdcp-nr tag 0x06; the row key of the UE key table).
     * \param rbId the RB identity, 1..3 for an SRB, 1..32 for a DRB (Wireshark derives
     *        BEARER = rbId - 1).
     * \param srb true for a signalling radio bearer (plane 1), false for a DRB (plane 2).
     * \param snBits the PDCP SN length in bits: 12 for an SRB, 12 or 18 for a DRB.
     * \param uplink true for a PDU sent by the UE (DIRECTION 0), false for the gNB (1).
     * \param macPresent the PDU ends with a 4-byte MAC-I; must be true for an SRB.
     * \param sdapHeader DRB only: a 1-byte SDAP header follows the PDCP header.
     * \param ciphered false if the PDU was sent in clear (e.g. SecurityModeCommand and
     *        SecurityModeComplete): tag 0x11 then keeps Wireshark from deciphering it.
     * \param pdu the PDCP PDU as sent on the air.
     * \param bytes the PDU length in bytes, 1..MAX_PDU_BYTES.
     * \throws std::logic_error if no file is open.
     * \throws std::invalid_argument naming the parameter (see BuildFrame).
     * \throws std::runtime_error if writing fails.
     */
    void Write(Time t,
               uint32_t ueId,
               uint8_t rbId,
               bool srb,
               uint8_t snBits,
               bool uplink,
               bool macPresent,
               bool sdapHeader,
               bool ciphered,
               const uint8_t* pdu,
               size_t bytes);

    /**
     * \brief Appends one frame (see BuildFrame(const NrSecurityPcapFrameInfo&, ...)).
     * \param t the frame timestamp (simulation time; microsecond resolution in the file).
     * \param info the framing.
     * \param pdu the PDU as sent on the air (for SRB0 the CCCH RRC message).
     * \param bytes the PDU length in bytes, 1..MAX_PDU_BYTES.
     * \throws std::logic_error if no file is open.
     * \throws std::invalid_argument naming the field (see BuildFrame).
     * \throws std::runtime_error if writing fails.
     */
    void Write(Time t, const NrSecurityPcapFrameInfo& info, const uint8_t* pdu, size_t bytes);

    /// \return the number of frames written since the last Open().
    uint32_t GetFramesWritten() const;

    /**
     * \brief The 16-bit UE id of the pdcp-nr framing (tag 0x06) and of Wireshark's UE key
     *        table for a network-wide UE id: ((ueId - 1) mod 65535) + 1, so that UE ids
     *        1..65535 are written as they are and larger ones wrap onto 1..65535 (UE 65536 is
     *        written as 1); 0 stays 0. The framing has 16 bits where NR has none (the C-RNTI
     *        is per cell); a pcap of more than 65535 UEs therefore shows two UEs under one id.
     * \param ueId the network-wide UE id (32 bits).
     * \return the id written in pcaps, 0..65535.
     */
    static uint16_t PcapUeId(uint32_t ueId);

    /**
     * \brief Builds the bytes of one frame (IPv4 + UDP + pdcp-nr framing + PDU) without
     *        writing it; the parameters are those of Write().
     * \return the frame, 20 + 8 + framing + bytes bytes.
     * \throws std::invalid_argument if pdu is null, bytes is 0 or above MAX_PDU_BYTES, rbId is
     *         not 1..3 (SRB) or 1..32 (DRB), snBits is not 12/18, an SRB has snBits 18, no
     *         MAC-I or an SDAP header.
     */
    static std::vector<uint8_t> BuildFrame(uint32_t ueId,
                                           uint8_t rbId,
                                           bool srb,
                                           uint8_t snBits,
                                           bool uplink,
                                           bool macPresent,
                                           bool sdapHeader,
                                           bool ciphered,
                                           const uint8_t* pdu,
                                           size_t bytes);

    /**
     * \brief Builds the bytes of one frame for any bearer type:
     *        - SRB0 (CCCH, TS 38.331 4.2.2; no PDCP entity): plane 1, SN length tag 0 (so
     *          that Wireshark reads no PDCP header, no MAC-I), bearer type CCCH (4), bearer
     *          id 0, ciphering disabled (tshark 4.0 shows no RRC for it otherwise once a
     *          default ciphering algorithm is set); Wireshark hands the payload to its nr-rrc
     *          UL-CCCH / DL-CCCH dissector (UL-CCCH1 for an 8-byte uplink message);
     *        - SRB1-3: plane 1, SN length 12, bearer type DCCH (1), MAC-I present, ciphering
     *          disabled unless ciphered;
     *        - DRB1-32: plane 2, SN length 12 or 18, bearer type DCCH (1: Wireshark ignores it
     *          on the user plane), MAC-I present only with integrity, the SDAP tag (0x01
     *          uplink / 0x02 downlink) when the SDU starts with an SDAP header, ciphering
     *          disabled unless ciphered.
     * \param info the framing.
     * \param pdu the PDU.
     * \param bytes its length in bytes, 1..MAX_PDU_BYTES.
     * \return the frame, 20 + 8 + framing + bytes bytes.
     * \throws std::invalid_argument if pdu is null, bytes is 0 or above MAX_PDU_BYTES, rbId is
     *         not 0 for SRB0, 1..3 for an SRB or 1..32 for a DRB, snLengthBits is not 12/18
     *         (SRB: 12), an SRB has no MAC-I, an SRB or SRB0 an SDAP header, SRB0 a MAC-I
     *         or ciphering, or origin is above 5.
     */
    static std::vector<uint8_t> BuildFrame(const NrSecurityPcapFrameInfo& info,
                                           const uint8_t* pdu,
                                           size_t bytes);

    /**
     * \brief One record of Wireshark's "PDCP UE security keys" table (UAT "pdcp_nr_ue_keys"):
     *        "UEId","RRC cipher key","User-plane cipher key","RRC integrity key",
     *        "User-plane integrity key", every field in double quotes, keys as 32 lowercase
     *        hex digits. Also the value of tshark -o 'uat:pdcp_nr_ue_keys:RECORD'.
     * \param keys the UE's keys (K_gNB is not part of the table).
     * \return the record, without a line end.
     */
    static std::string WiresharkUeKeysRecord(const NrSecurityPcapUeKeys& keys);

    /**
     * \brief Writes Wireshark's UAT file "pdcp_nr_ue_keys" (copy it into a Wireshark profile
     *        directory): a comment line, then one WiresharkUeKeysRecord line per UE.
     * \param filename the path of the file (its name should be pdcp_nr_ue_keys).
     * \param ues the UEs, one row each, in the given order.
     * \throws std::invalid_argument if two entries have the same ueId.
     * \throws std::runtime_error if the file cannot be written.
     */
    static void WriteWiresharkUeKeys(const std::string& filename,
                                     const std::vector<NrSecurityPcapUeKeys>& ues);

    /**
     * \brief Writes a Wireshark "preferences" file with the pdcp-nr settings a capture of this
     *        writer needs: check_sequence_numbers Only-PDCP-frames, the default ciphering and
     *        integrity algorithms, decipher_signalling, decipher_userplane, verify_integrity.
     * \param filename the path of the file (its name should be preferences).
     * \param nea the ciphering algorithm the capture uses.
     * \param nia the integrity algorithm the capture uses.
     * \throws std::invalid_argument if an algorithm identity is not 0..3.
     * \throws std::runtime_error if the file cannot be written.
     */
    static void WriteWiresharkPreferences(const std::string& filename,
                                          NrSecurityCiphering nea,
                                          NrSecurityIntegrity nia);

    /**
     * \brief Writes the keys as CSV: the header line
     *        "ue_id,k_gnb,k_rrc_enc,k_rrc_int,k_up_enc,k_up_int,k_amf,ul_nas_count,epoch,ncc,
     *        cell", then one line per UE and key epoch with the decimal UE id, the keys as
     *        lowercase hex (64 digits for K_gNB and K_AMF, 32 for the others), the uplink NAS
     *        COUNT, the epoch, the NCC and the cell id in decimal, so that for epoch 0 K_gNB =
     *        KDF(K_AMF, FC 0x6E, P0 = ul_nas_count as 4 bytes, P1 = 0x01) can be redone (TS
     *        33.501 A.9, step 27); later epochs (handovers) have the K_gNB* in force (the
     *        key-epoch CSV of NrSecurityHelper::EnableTraces has its derivation).
     * \param filename the path of the file.
     * \param ues the UEs' key epochs, one line each, in the given order.
     * \throws std::invalid_argument if two entries have the same ueId and epoch.
     * \throws std::runtime_error if the file cannot be written.
     */
    static void WriteKeysCsv(const std::string& filename,
                             const std::vector<NrSecurityPcapUeKeys>& ues);

  private:
    Ptr<PcapFileWrapper> m_file; ///< the open pcap file, or null
    uint32_t m_frames = 0;       ///< frames written since Open()
};

} // namespace ns3

#endif // NR_SECURITY_PCAP_WRITER_H
