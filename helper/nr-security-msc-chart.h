// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_MSC_CHART_H
#define NR_SECURITY_MSC_CHART_H

#include "ns3/nstime.h"

#include <cstdint>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief Where a chart event happens, or where a message goes.
 */
struct NrSecurityMscPlace
{
    enum Kind
    {
        AMF,
        GNB,
        UE,
    } kind;          ///< the entity type
    uint16_t cellId; ///< the gNB's cell (GNB; 0 while unknown)
};

/**
 * \ingroup nr-security
 * \brief One row of a message sequence chart (collected by NrSecurityMscWriter).
 */
struct NrSecurityMscEntry
{
    enum Kind
    {
        MESSAGE,             ///< an arrow
        STEP,                ///< an SmcStep box
        KEY,                 ///< one KeyDerived (grouped into one box when written)
        ACTIVATED,           ///< SecurityActivated
        FAILURE,             ///< SecurityModeFailure
        INTEGRITY,           ///< IntegrityFailure
    } kind;                  ///< the row type
    uint32_t ueId;           ///< the UE concerned
    NrSecurityMscPlace from; ///< where it happens (MESSAGE: the sender)
    NrSecurityMscPlace to;   ///< MESSAGE: the receiver
    Time time;               ///< when (MESSAGE: transmission, or reception if not transmitted)
    Time rxTime;             ///< MESSAGE: reception (or, airLost, when the attempt was lost)
    bool sent;               ///< MESSAGE: transmission traced
    bool received;           ///< MESSAGE: reception traced
    uint32_t attempt;        ///< MESSAGE: the air attempt drawn (0: first, n: n-th retransmission)
    bool airLost;            ///< MESSAGE: this attempt was lost on the air (channel Reception)
    std::string lossOutcome; ///< MESSAGE, airLost: the channel's outcome ("lost", ...)
    uint32_t step;           ///< STEP, KEY: the step number
    std::string text;        ///< STEP: text; KEY: key name; MESSAGE: label; others: detail
};

/**
 * \ingroup nr-security
 * \brief Lays out collected rows as a message sequence chart in the mscgen input language:
 *        entities, arrows, boxes and notes (the format is described at NrSecurityMscWriter,
 *        which collects the rows from the trace sources).
 */
class NrSecurityMscChart
{
  public:
    /**
     * \brief Writes the chart of some UEs.
     * \param out the stream
     * \param entries the collected rows, in simulation order
     * \param ues the charted UEs to draw (rows of other UEs are skipped)
     * \param cells the cell ids of the watched gNBs (several: gNB lines are named "gNB<id>")
     * \param watchedUes the UE ids of watched UE devices (a message to an unwatched UE is never
     *        drawn as lost)
     */
    static void Write(std::ostream& out,
                      const std::vector<NrSecurityMscEntry>& entries,
                      const std::set<uint32_t>& ues,
                      const std::set<uint16_t>& cells,
                      const std::vector<uint32_t>& watchedUes);
};

} // namespace ns3

#endif // NR_SECURITY_MSC_CHART_H
