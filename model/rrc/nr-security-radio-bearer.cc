// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-radio-bearer.h"

#include "ns3/string.h"

#include <stdexcept>

namespace ns3
{

std::string
NrSecurityProtectionName(const NrSecurityPdcpSecurity& s)
{
    if (s.integrityActive && s.cipheringActive)
    {
        return "integrity+ciphering";
    }
    if (s.integrityActive)
    {
        return "integrity";
    }
    return s.cipheringActive ? "ciphering" : "none";
}

NrSecurityRadioBearer::NrSecurityRadioBearer(NrSecurityRadioBearerOwner* owner,
                                             uint32_t ueId,
                                             NrSecurityRbType type,
                                             uint8_t rbId,
                                             bool uplinkTx,
                                             const NrSecurityDrbConfig& drb)
    : m_owner(owner)
    , m_ueId(ueId)
    , m_type(type)
    , m_rbId(rbId)
    , m_drb(drb)
{
    NrSecurityPdcpFormat f;
    f.rbType = type;
    f.rbId = rbId;
    if (type == NrSecurityRbType::DRB)
    {
        if (drb.sdapHeaderUl != drb.sdapHeaderDl)
        {
            throw std::invalid_argument("sdap-HeaderUL and sdap-HeaderDL differ: one PDCP "
                                        "format per entity is modelled");
        }
        f.snBits = drb.snLengthBits;
        f.sdapHeader = drb.sdapHeaderUl;
        f.drbIntegrity = drb.integrityProtection;
    }
    else
    {
        m_drb = NrSecurityDrbConfig();
    }
    f.Validate();
    m_pdcp = NrSecurityPdcp::CreateEntity(uplinkTx ? NrSecurityDirection::UPLINK
                                                   : NrSecurityDirection::DOWNLINK);
    m_pdcp->SetFormat(f);
    m_pdcp->SetUser(this, ueId);
}

NrSecurityRadioBearer::~NrSecurityRadioBearer()
{
    Dispose();
}

void
NrSecurityRadioBearer::Dispose()
{
    if (m_pdcp)
    {
        m_pdcp->SetUser(nullptr, 0);
        m_pdcp->Dispose();
        m_pdcp = nullptr;
    }
}

uint32_t
NrSecurityRadioBearer::GetUeId() const
{
    return m_ueId;
}

NrSecurityRbType
NrSecurityRadioBearer::GetType() const
{
    return m_type;
}

uint8_t
NrSecurityRadioBearer::GetRbId() const
{
    return m_rbId;
}

Ptr<NrSecurityPdcp>
NrSecurityRadioBearer::GetPdcp() const
{
    return m_pdcp;
}

const NrSecurityDrbConfig&
NrSecurityRadioBearer::GetDrbConfig() const
{
    return m_drb;
}

bool
NrSecurityRadioBearer::SdapHeader() const
{
    return m_type == NrSecurityRbType::DRB && m_drb.sdapHeaderUl;
}

std::string
NrSecurityRadioBearer::GetName() const
{
    return NrSecurityRbName(m_type, m_rbId);
}

std::string
NrSecurityRadioBearer::RxProtection(uint32_t count) const
{
    return m_pdcp ? NrSecurityProtectionName(m_pdcp->GetRxSecurity(count)) : "none";
}

std::string
NrSecurityRadioBearer::TxProtection() const
{
    return m_pdcp ? NrSecurityProtectionName(m_pdcp->GetTxSecurity()) : "none";
}

void
NrSecurityRadioBearer::PdcpTransmitPdu(uint16_t, Ptr<Packet> pdu)
{
    const NrSecurityPdcpSecurity& s = m_pdcp->GetTxSecurity();
    const NrSecurityPdcpFormat& f = m_pdcp->GetFormat();
    NrSecurityRbPdu out;
    out.type = m_type;
    out.rbId = m_rbId;
    out.pdu = pdu;
    out.ciphered = s.cipheringActive;
    out.macIPresent = f.MacBytes() != 0;
    out.integrity = out.macIPresent && s.integrityActive && s.nia != NrSecurityIntegrity::NIA0;
    out.snLengthBits = f.snBits;
    out.sdapHeader = f.sdapHeader;
    m_owner->BearerTransmit(*this, out);
}

void
NrSecurityRadioBearer::PdcpDeliverSdu(uint16_t, Ptr<Packet> sdu, uint32_t count)
{
    m_owner->BearerDeliver(*this, sdu, count);
}

void
NrSecurityRadioBearer::PdcpIntegrityFailure(
    uint16_t, uint32_t count, Ptr<const Packet>, uint32_t receivedMac, uint32_t expectedMac)
{
    m_owner->BearerIntegrityFailure(*this, count, receivedMac, expectedMac);
}

} // namespace ns3
