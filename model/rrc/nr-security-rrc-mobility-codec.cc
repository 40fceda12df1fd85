// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The mobility DCCH messages (TS 38.331 6.2.2 under ITU-T X.691 UNALIGNED, written from the
 * TS 38.331 ASN.1): RRCReconfiguration with reconfigurationWithSync and masterKeyUpdate,
 * MeasurementReport, RRCRelease with suspendConfig, RRCResume, RRCResumeComplete.
 */
#include "nr-security-rrc-codec.h"

#include <stdexcept>

namespace ns3
{

using namespace nrsecurityrrc;

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcReconfiguration(uint8_t transactionId,
                                               const NrSecurityRadioBearerConfig& rb,
                                               const NrSecurityReconfigurationWithSync* sync,
                                               const NrSecurityMasterKeyUpdate* mku)
{
    (void)sync;
    (void)mku;
    return EncodeRrcReconfiguration(transactionId, rb); // stub, replaced below
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeMeasurementReport(const NrSecurityMeasResults& results)
{
    (void)results;
    throw std::logic_error("EncodeMeasurementReport: not implemented yet");
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcRelease(uint8_t transactionId, const NrSecuritySuspendConfig& s)
{
    (void)s;
    return EncodeRrcRelease(transactionId); // stub
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcResume(uint8_t transactionId,
                                      const NrSecurityRadioBearerConfig* rbConfig)
{
    (void)transactionId;
    (void)rbConfig;
    throw std::logic_error("EncodeRrcResume: not implemented yet");
}

std::vector<uint8_t>
NrSecurityRrcMessage::EncodeRrcResumeComplete(uint8_t transactionId)
{
    (void)transactionId;
    throw std::logic_error("EncodeRrcResumeComplete: not implemented yet");
}

} // namespace ns3
