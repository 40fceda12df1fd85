// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-ue-capabilities.h"

#include <sstream>
#include <stdexcept>

namespace ns3
{

uint16_t
NrSecurityUeCapabilities::BitmapFromList(const std::string& list)
{
    uint16_t bitmap = 0;
    std::stringstream ss(list);
    std::string item;
    while (std::getline(ss, item, ','))
    {
        std::string digits = item;
        if (digits.size() == 4 && (digits.rfind("NEA", 0) == 0 || digits.rfind("NIA", 0) == 0))
        {
            digits = digits.substr(3);
        }
        if (digits.size() != 1 || digits[0] < '0' || digits[0] > '3')
        {
            throw std::invalid_argument("capabilities: '" + item
                                        + "' is not an algorithm 0..3 (or NEAx / NIAx)");
        }
        unsigned id = static_cast<unsigned>(digits[0] - '0');
        if (id != 0)
        {
            bitmap |= static_cast<uint16_t>(0x8000u >> (id - 1));
        }
    }
    return bitmap;
}

} // namespace ns3
