// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * shortMAC-I and resumeMAC-I, written from TS 38.331 5.3.7.4, 5.3.13.3 and 7.4
 * (VarShortMAC-Input, VarResumeMAC-Input) and TS 33.501 6.11, 6.8.2.1.3.
 */
#include "nr-security-short-mac-i.h"

#include "nr-security-asn1.h"

#include <stdexcept>
#include <string>

namespace ns3
{

namespace
{

constexpr uint16_t MAX_PCI = 1007;                   ///< PhysCellId ::= INTEGER (0..1007)
constexpr uint64_t CELL_IDENTITY_LIMIT = 1ULL << 36; ///< CellIdentity BIT STRING (SIZE (36))
constexpr uint32_t ALL_ONES_COUNT = 0xFFFFFFFFU;     ///< COUNT: all 32 bits binary ones
constexpr uint8_t ALL_ONES_BEARER = 31;              ///< BEARER: all 5 bits binary ones
constexpr uint8_t ALL_ONES_DIRECTION = 1;            ///< DIRECTION: binary one

/// SEQUENCE { sourcePhysCellId, targetCellIdentity, source-c-RNTI }: no extension marker, no
/// OPTIONAL component, so no preamble (X.691 19); 10 + 36 + 16 bits.
std::vector<uint8_t>
EncodeMacInput(const char* variable,
               uint16_t sourcePci,
               uint64_t targetCellIdentity,
               uint16_t sourceCRnti)
{
    if (sourcePci > MAX_PCI)
    {
        throw std::invalid_argument(std::string(variable) + ": sourcePci "
                                    + std::to_string(sourcePci)
                                    + " is out of range 0..1007 (PhysCellId, TS 38.331 6.3.2)");
    }
    if (targetCellIdentity >= CELL_IDENTITY_LIMIT)
    {
        throw std::invalid_argument(std::string(variable) + ": targetCellIdentity "
                                    + std::to_string(targetCellIdentity)
                                    + " does not fit in 36 bits (CellIdentity, TS 38.331 6.3.2)");
    }
    NrSecurityUperWriter w;
    w.Append(sourcePci, 10);                                      // sourcePhysCellId
    w.Append(static_cast<uint32_t>(targetCellIdentity >> 32), 4); // the 4 leading bits
    w.Append(static_cast<uint32_t>(targetCellIdentity & 0xFFFFFFFFU), 32);
    w.Append(sourceCRnti, 16); // source-c-RNTI
    return w.Bytes();
}

} // namespace

std::vector<uint8_t>
NrSecurityShortMacI::EncodeVarShortMacInput(uint16_t sourcePci,
                                            uint64_t targetCellIdentity,
                                            uint16_t sourceCRnti)
{
    return EncodeMacInput("VarShortMAC-Input", sourcePci, targetCellIdentity, sourceCRnti);
}

std::vector<uint8_t>
NrSecurityShortMacI::EncodeVarResumeMacInput(uint16_t sourcePci,
                                             uint64_t targetCellIdentity,
                                             uint16_t sourceCRnti)
{
    return EncodeMacInput("VarResumeMAC-Input", sourcePci, targetCellIdentity, sourceCRnti);
}

uint16_t
NrSecurityShortMacI::Compute(NrSecurityIntegrity nia,
                             const NrSecurityKey128& kRrcInt,
                             const std::vector<uint8_t>& varInput)
{
    uint32_t mac = NrSecurityAlgorithms::Nia(nia,
                                             kRrcInt,
                                             ALL_ONES_COUNT,
                                             ALL_ONES_BEARER,
                                             ALL_ONES_DIRECTION,
                                             varInput,
                                             static_cast<uint32_t>(varInput.size() * 8));
    return static_cast<uint16_t>(mac & 0xFFFFU);
}

uint16_t
NrSecurityShortMacI::ShortMacI(NrSecurityIntegrity nia,
                               const NrSecurityKey128& kRrcInt,
                               uint16_t sourcePci,
                               uint64_t targetCellIdentity,
                               uint16_t sourceCRnti)
{
    return Compute(
        nia, kRrcInt, EncodeVarShortMacInput(sourcePci, targetCellIdentity, sourceCRnti));
}

uint16_t
NrSecurityShortMacI::ResumeMacI(NrSecurityIntegrity nia,
                                const NrSecurityKey128& kRrcInt,
                                uint16_t sourcePci,
                                uint64_t targetCellIdentity,
                                uint16_t sourceCRnti)
{
    return Compute(
        nia, kRrcInt, EncodeVarResumeMacInput(sourcePci, targetCellIdentity, sourceCRnti));
}

} // namespace ns3
