// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * RRC connection re-establishment and resume request messages (TS 38.331 6.2.2 under ITU-T
 * X.691 UNALIGNED, written from the TS 38.331 ASN.1).
 */
#include "nr-security-rrc-codec.h"

#include <stdexcept>

namespace ns3
{

using namespace nrsecurityrrc;

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcReestablishmentRequest(uint16_t cRnti,
                                                      uint16_t pci,
                                                      uint16_t shortMacI,
                                                      uint8_t cause)
{
    (void)cRnti;
    (void)pci;
    (void)shortMacI;
    (void)cause;
    throw std::logic_error("EncodeRrcReestablishmentRequest: not implemented yet");
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcReestablishment(uint8_t transactionId, uint8_t ncc)
{
    (void)transactionId;
    (void)ncc;
    throw std::logic_error("EncodeRrcReestablishment: not implemented yet");
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcReestablishmentComplete(uint8_t transactionId)
{
    (void)transactionId;
    throw std::logic_error("EncodeRrcReestablishmentComplete: not implemented yet");
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcResumeRequest(uint32_t shortIRnti,
                                             uint16_t resumeMacI,
                                             uint8_t cause)
{
    (void)shortIRnti;
    (void)resumeMacI;
    (void)cause;
    throw std::logic_error("EncodeRrcResumeRequest: not implemented yet");
}

} // namespace ns3
