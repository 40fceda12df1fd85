// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-key-epoch-writer.h"

#include "nr-security-pdu-trace-writer.h"
#include "ns3/node.h"
#include "ns3/nr-security-hex.h"

#include <filesystem>
#include <sstream>
#include <stdexcept>

namespace ns3
{

NrSecurityKeyEpochWriter::NrSecurityKeyEpochWriter(const std::string& filename)
    : m_out(filename, std::ios::trunc)
{
    if (!m_out)
    {
        throw std::runtime_error("NrSecurityKeyEpochWriter: cannot open " + filename);
    }
    m_out << Header() << '\n';
}

std::string
NrSecurityKeyEpochWriter::KeyEpochFileName(const std::string& filename)
{
    std::filesystem::path p(filename);
    std::string ext = p.extension().string();
    return (p.parent_path() / (p.stem().string() + "-key-epochs" + (ext.empty() ? ".csv" : ext)))
        .string();
}

std::string
NrSecurityKeyEpochWriter::Header()
{
    return "time_s,node,ue_id,epoch,cause,derivation,k_gnb,input_key,ul_nas_count,ncc,nh_index,"
           "cell,pci,arfcn_dl";
}

std::string
NrSecurityKeyEpochWriter::Row(uint32_t node, uint32_t ueId, const NrSecurityKeyEpoch& e)
{
    std::ostringstream row;
    row << NrSecurityCsvNow() << ',' << node << ',' << ueId << ',' << e.epoch << ','
        << NrSecurityCsvField(e.cause) << ',' << e.DerivationName() << ','
        << NrSecurityToHex(e.kGnb) << ',' << NrSecurityToHex(e.inputKey) << ',' << e.ulNasCount
        << ',' << unsigned(e.ncc) << ',' << e.nhIndex << ',' << e.cellId << ',' << e.pci << ','
        << e.arfcnDl;
    return row.str();
}

void
NrSecurityKeyEpochWriter::Watch(Ptr<NrSecurityUeNetDevice> ue)
{
    const uint32_t node = ue->GetNode() ? ue->GetNode()->GetId() : 0;
    NrSecurityTraceConnect(PeekPointer(ue->GetRrc()),
                           "KeyChange",
                           MakeCallback(&NrSecurityKeyEpochWriter::OnKeyChange, this).Bind(node));
}

void
NrSecurityKeyEpochWriter::Watch(Ptr<NrSecurityGnbNetDevice> gnb)
{
    const uint32_t node = gnb->GetNode() ? gnb->GetNode()->GetId() : 0;
    NrSecurityTraceConnect(PeekPointer(gnb->GetRrc()),
                           "KeyChange",
                           MakeCallback(&NrSecurityKeyEpochWriter::OnKeyChange, this).Bind(node));
}

void
NrSecurityKeyEpochWriter::OnKeyChange(uint32_t node, uint32_t ueId, const NrSecurityKeyEpoch& e)
{
    m_out << Row(node, ueId, e) << '\n';
}

void
NrSecurityKeyEpochWriter::Flush()
{
    m_out.flush();
}

} // namespace ns3
