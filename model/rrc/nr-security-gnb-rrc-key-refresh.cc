// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * NrSecurityGnbRrc: intra-cell handover (TS 33.501 6.9.3) and key refresh at the COUNT
 * threshold (TS 33.501 6.9.4.1; TS 38.331 5.3.1.2, 5.3.5.6).
 */
#include "nr-security-gnb-rrc.h"
#include "nr-security-rrc-message.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrSecurityGnbRrcKeyRefresh");

void
NrSecurityGnbRrc::CheckKeyRefresh(NrSecurityGnbUeContext& ue)
{
    (void)ue;
}

bool
NrSecurityGnbRrc::StartIntraCell(NrSecurityGnbUeContext& ue, const std::string& cause)
{
    (void)cause;
    return RefuseHandover(ue.ueId, "not implemented yet");
}

void
NrSecurityGnbRrc::CompleteIntraCell(NrSecurityGnbUeContext& ue)
{
    (void)ue;
}

} // namespace ns3
