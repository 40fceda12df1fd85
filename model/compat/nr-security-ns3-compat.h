// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The one place where the ns-3 release matters: names that changed between ns-3 3.37 and the
 * newest release, under one spelling for our code. Every build path defines
 * NR_SECURITY_NS3_VERSION (major * 100 + minor: 337 for 3.37) from the ns-3 it builds against:
 * CMakeLists.txt (standalone: from find_package(ns3); in-tree: from ns-3's VERSION file).
 *
 * Included by .cc files only (model, tests, examples): the public headers need no version, so
 * cppyy parses them without this define.
 */
#ifndef NR_SECURITY_NS3_COMPAT_H
#define NR_SECURITY_NS3_COMPAT_H

#ifndef NR_SECURITY_NS3_VERSION
#error \
    "NR_SECURITY_NS3_VERSION is not defined: build through CMakeLists.txt (or define it, e.g. 337 for ns-3.37)"
#endif

#include "ns3/enum.h"
#include "ns3/test.h"

namespace ns3
{

/**
 * \ingroup nr-security
 * The test-case durations of TestCase::AddTestCase: TestCase::QUICK up to 3.41,
 * TestCase::Duration::QUICK from 3.42 (the old names were removed in 3.46).
 */
struct NrSecurityTestDuration
{
#if NR_SECURITY_NS3_VERSION >= 342
    static constexpr TestCase::Duration QUICK = TestCase::Duration::QUICK;         //!< seconds
    static constexpr TestCase::Duration EXTENSIVE = TestCase::Duration::EXTENSIVE; //!< minutes
    static constexpr TestCase::Duration TAKES_FOREVER = TestCase::Duration::TAKES_FOREVER; //!< long
#else
    static constexpr TestCase::TestDuration QUICK = TestCase::QUICK;                 //!< seconds
    static constexpr TestCase::TestDuration EXTENSIVE = TestCase::EXTENSIVE;         //!< minutes
    static constexpr TestCase::TestDuration TAKES_FOREVER = TestCase::TAKES_FOREVER; //!< long
#endif
};

/**
 * \ingroup nr-security
 * The test-suite types of the TestSuite constructor: TestSuite::UNIT up to 3.41,
 * TestSuite::Type::UNIT from 3.42 (the old names were removed in 3.46).
 */
struct NrSecurityTestType
{
#if NR_SECURITY_NS3_VERSION >= 342
    static constexpr TestSuite::Type UNIT = TestSuite::Type::UNIT;     //!< unit tests
    static constexpr TestSuite::Type SYSTEM = TestSuite::Type::SYSTEM; //!< system tests
#else
    static constexpr TestSuite::Type UNIT = TestSuite::UNIT;                         //!< unit tests
    static constexpr TestSuite::Type SYSTEM = TestSuite::SYSTEM; //!< system tests
#endif
};

/**
 * \ingroup nr-security
 * MakeEnumAccessor for an attribute of enum type T: ns-3 3.41 added T as an explicit template
 * argument (MakeEnumAccessor<T>(&C::m)); before, it was deduced from the member pointer.
 * \tparam T the enum type of the attribute
 * \tparam A the member (or getter/setter) pointer type, deduced
 * \param a the member pointer (or setter / getter)
 * \return the accessor
 */
template <typename T, typename A>
Ptr<const AttributeAccessor>
NrSecurityMakeEnumAccessor(A a)
{
#if NR_SECURITY_NS3_VERSION >= 341
    return MakeEnumAccessor<T>(a);
#else
    return MakeEnumAccessor(a);
#endif
}

} // namespace ns3

#endif // NR_SECURITY_NS3_COMPAT_H
