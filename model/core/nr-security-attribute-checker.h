// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_ATTRIBUTE_CHECKER_H
#define NR_SECURITY_ATTRIBUTE_CHECKER_H

#include "ns3/attribute.h"
#include "ns3/ptr.h"

#include <functional>
#include <string>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief An AttributeChecker that accepts exactly the values the model can use, so that an
 *        invalid value is refused when it is set (SetAttribute aborts with ns-3's "could not be
 *        set" message, SetAttributeFailSafe and Config::SetDefaultFailSafe return false,
 *        ObjectFactory::Set and CommandLine refuse it) instead of being stored and failing
 *        later inside a simulation event.
 *
 * The returned checker behaves as \p inner (value type, Create, Copy, string conversion) and
 * additionally requires \p accept to return true for the value.
 *
 * \param inner the checker of the value type, e.g. MakeUintegerChecker<uint32_t>()
 * \param accept the model's own validity test for a value that \p inner accepts; it must not
 *        throw (an exception counts as refusal)
 * \param allowed what is allowed, in words, for the attribute documentation (e.g.
 *        "15|30|60|120"); shown as the underlying type information
 * \return the checker
 */
Ptr<const AttributeChecker> MakeNrSecurityChecker(Ptr<const AttributeChecker> inner,
                                                  std::function<bool(const AttributeValue&)> accept,
                                                  const std::string& allowed);

} // namespace ns3

#endif // NR_SECURITY_ATTRIBUTE_CHECKER_H
