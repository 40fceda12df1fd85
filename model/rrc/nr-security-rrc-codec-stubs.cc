// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Temporary stubs of the issue-9 RRC codec API (replaced by the CCCH / DCCH codec files).
 */
#include "nr-security-rrc-message.h"

#include <stdexcept>

namespace ns3
{

namespace
{
[[noreturn]] void
NotYet(const char* what)
{
    throw std::logic_error(std::string(what) + ": not yet implemented");
}

NrSecurityRrcDecoded
NotYetDecoded(const char* what)
{
    NrSecurityRrcDecoded d;
    d.ok = false;
    d.error = std::string(what) + ": not yet implemented";
    return d;
}
} // namespace

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcSetupRequest(bool, uint64_t, uint8_t)
{
    NotYet("EncodeRrcSetupRequest");
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcSetup(uint8_t, const NrSecurityRadioBearerConfig&)
{
    NotYet("EncodeRrcSetup");
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcReject(bool, uint8_t)
{
    NotYet("EncodeRrcReject");
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcSetupComplete(uint8_t, uint8_t, const std::vector<uint8_t>&)
{
    NotYet("EncodeRrcSetupComplete");
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeUeCapabilityEnquiry(uint8_t)
{
    NotYet("EncodeUeCapabilityEnquiry");
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeUeCapabilityInformation(uint8_t, const std::vector<uint16_t>&)
{
    NotYet("EncodeUeCapabilityInformation");
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcReconfiguration(uint8_t, const NrSecurityRadioBearerConfig&)
{
    NotYet("EncodeRrcReconfiguration");
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcReconfigurationComplete(uint8_t)
{
    NotYet("EncodeRrcReconfigurationComplete");
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeDlInformationTransfer(uint8_t, const std::vector<uint8_t>&)
{
    NotYet("EncodeDlInformationTransfer");
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeUlInformationTransfer(const std::vector<uint8_t>&)
{
    NotYet("EncodeUlInformationTransfer");
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcRelease(uint8_t)
{
    NotYet("EncodeRrcRelease");
}

NrSecurityRrcDecoded
NrSecurityRrcMessage::DecodeDlCcch(const uint8_t*, size_t)
{
    return NotYetDecoded("DL-CCCH-Message");
}

NrSecurityRrcDecoded
NrSecurityRrcMessage::DecodeUlCcch(const uint8_t*, size_t)
{
    return NotYetDecoded("UL-CCCH-Message");
}

} // namespace ns3
