// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Test helpers: lambdas as ns-3 events and callbacks in the forms every ns-3 release has.
 */
#ifndef NR_SECURITY_TEST_EVENTS_H
#define NR_SECURITY_TEST_EVENTS_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/simple-ref-count.h"
#include "ns3/simulator.h"

#include <functional>
#include <utility>

namespace ns3
{

/**
 * \ingroup nr-security-tests
 * \brief Runs a function: the body of the events of NrSecurityTestSchedule and its siblings.
 * \param f the function
 *
 * ns-3 before 3.36 schedules function pointers and member functions with their arguments, not
 * lambdas; a std::function passed to this plain function is an event in every release.
 */
inline void
NrSecurityTestRun(std::function<void()> f)
{
    f();
}

/**
 * \brief Simulator::Schedule of a lambda, in a form ns-3 3.35 has too.
 * \param delay the delay after now
 * \param f the callable (no arguments)
 * \return the event
 */
template <typename F>
EventId
NrSecurityTestSchedule(const Time& delay, F&& f)
{
    return Simulator::Schedule(
        delay, &NrSecurityTestRun, std::function<void()>(std::forward<F>(f)));
}

/**
 * \brief Simulator::ScheduleNow of a lambda, in a form ns-3 3.35 has too.
 * \param f the callable (no arguments)
 * \return the event
 */
template <typename F>
EventId
NrSecurityTestScheduleNow(F&& f)
{
    return Simulator::ScheduleNow(&NrSecurityTestRun, std::function<void()>(std::forward<F>(f)));
}

/**
 * \brief Simulator::ScheduleWithContext of a lambda, in a form ns-3 3.35 has too.
 * \param context the node id the event runs in
 * \param delay the delay after now
 * \param f the callable (no arguments)
 */
template <typename F>
void
NrSecurityTestScheduleWithContext(uint32_t context, const Time& delay, F&& f)
{
    Simulator::ScheduleWithContext(
        context, delay, &NrSecurityTestRun, std::function<void()>(std::forward<F>(f)));
}

/**
 * \brief A function behind a Callback: NrSecurityTestCallback binds its member function Call to
 *        a reference-counted holder (ns-3's bound-argument callbacks compare their bound
 *        values, and a std::function has no comparison).
 */
template <typename R, typename... Args>
class NrSecurityTestFunction : public SimpleRefCount<NrSecurityTestFunction<R, Args...>>
{
  public:
    /// \param f the function
    explicit NrSecurityTestFunction(std::function<R(Args...)> f)
        : m_function(std::move(f))
    {
    }

    /**
     * \brief Calls the function.
     * \param args the callback's arguments
     * \return what the function returns
     */
    R Call(Args... args)
    {
        return m_function(args...);
    }

  private:
    std::function<R(Args...)> m_function; ///< the function
};

/**
 * \brief A Callback<R, Args...> from a lambda, in a form ns-3 3.35 has too (ns-3 3.36 and
 *        newer construct one from the lambda directly): a member-function callback on a
 *        NrSecurityTestFunction holding the lambda.
 * \param f the callable
 * \return the callback
 */
template <typename R, typename... Args, typename F>
Callback<R, Args...>
NrSecurityTestCallback(F&& f)
{
    using Holder = NrSecurityTestFunction<R, Args...>;
    return MakeCallback(&Holder::Call,
                        Create<Holder>(std::function<R(Args...)>(std::forward<F>(f))));
}

} // namespace ns3

#endif // NR_SECURITY_TEST_EVENTS_H
