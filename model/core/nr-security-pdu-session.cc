// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-pdu-session.h"

#include <stdexcept>

namespace ns3
{

std::string
NrSecurityUpPolicyName(NrSecurityUpPolicy policy)
{
    switch (policy)
    {
        case NrSecurityUpPolicy::REQUIRED:
            return "REQUIRED";
        case NrSecurityUpPolicy::PREFERRED:
            return "PREFERRED";
        case NrSecurityUpPolicy::NOT_NEEDED:
            return "NOT_NEEDED";
    }
    return "?";
}

NrSecurityUpPolicy
NrSecurityUpPolicyFromName(const std::string& name)
{
    if (name == "REQUIRED" || name == "required")
    {
        return NrSecurityUpPolicy::REQUIRED;
    }
    if (name == "PREFERRED" || name == "preferred")
    {
        return NrSecurityUpPolicy::PREFERRED;
    }
    if (name == "NOT_NEEDED" || name == "not-needed")
    {
        return NrSecurityUpPolicy::NOT_NEEDED;
    }
    throw std::invalid_argument("UP security policy '" + name
                                + "' is not REQUIRED, PREFERRED or NOT_NEEDED");
}

bool
NrSecurityUpActivation(NrSecurityUpPolicy policy, bool gnbSupports, bool& activate)
{
    switch (policy)
    {
        case NrSecurityUpPolicy::REQUIRED:
            activate = gnbSupports;
            return gnbSupports;
        case NrSecurityUpPolicy::PREFERRED:
            activate = gnbSupports;
            return true;
        case NrSecurityUpPolicy::NOT_NEEDED:
            activate = false;
            return true;
    }
    activate = false;
    return false;
}

} // namespace ns3
