// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_PDCP_TEST_HELPERS_H
#define NR_SECURITY_PDCP_TEST_HELPERS_H

#include "ns3/nr-security-pdcp.h"
#include "ns3/packet.h"

#include <string>
#include <vector>

namespace ns3
{
namespace nrsecuritytest
{

/// The reference context R1 of the project's PDCP cases (K_gNB of TS 33.501 A.9 known answer).
extern const char* const R1_K_RRC_INT; ///< NIA2 K_RRCint
extern const char* const R1_K_RRC_ENC; ///< NEA2 K_RRCenc
extern const char* const R1_K_UP_ENC;  ///< NEA2 K_UPenc

/**
 * \brief One side of a bearer with everything it sends and delivers recorded.
 */
struct PdcpProbe
{
    Ptr<NrSecurityPdcp> pdcp;                   ///< the entity
    std::vector<std::string> sentPdus;          ///< hex of every PDU passed to the lower layer
    std::vector<Ptr<Packet>> sentPackets;       ///< the same PDUs as packets
    std::vector<std::string> deliveredSdus;     ///< hex of every SDU delivered
    std::vector<uint32_t> deliveredCounts;      ///< their COUNTs
    std::vector<uint32_t> integrityIndications; ///< COUNTs the upper layer was told failed
    std::vector<std::string> discards;          ///< PduDiscarded reasons
    std::vector<std::string> integrityTraces;   ///< "rb,count,received,expected" (hex MACs)

    /**
     * \brief Creates and wires an entity.
     * \param format the PDU format
     * \param direction its transmit direction
     */
    PdcpProbe(const NrSecurityPdcpFormat& format, NrSecurityDirection direction);

    /// \param hex SDU bytes as hex \return the COUNT used, or -1 if refused
    int64_t Send(const std::string& hex);
    /// \param hex a PDU as hex, handed to ReceivePdu
    void Receive(const std::string& hex);

  private:
    void OnPdu(Ptr<Packet> p);
    void OnSdu(Ptr<Packet> p, uint32_t count);
    void OnIntegrityIndication(uint32_t count, Ptr<const Packet> sdu);
    void OnDiscard(std::string reason, Ptr<const Packet> p);
    void OnIntegrityTrace(uint8_t rb, uint32_t count, uint32_t received, uint32_t expected);
};

/// \return the packet's bytes as hex \param p the packet
std::string PacketHex(Ptr<const Packet> p);
/// \return a packet holding the hex bytes \param hex the bytes
Ptr<Packet> HexPacket(const std::string& hex);
/// \return the SRB1 format (RB identity 1, 12-bit SN)
NrSecurityPdcpFormat Srb1();
/// \return a 16-byte key from hex \param hex 32 hex digits
NrSecurityKey128 Key(const std::string& hex);

} // namespace nrsecuritytest
} // namespace ns3

#endif // NR_SECURITY_PDCP_TEST_HELPERS_H
