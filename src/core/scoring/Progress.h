#pragma once

#include "model/Project.h"
#include "model/Template.h"

#include <QDateTime>

#include <optional>
#include <vector>

namespace preflight {

struct ProgressPoint
{
    QDateTime time;
    std::optional<double> score; // assess()'s overall score as it stood then
    double completion = 0; // percent of checklist items done or N/A then
};

// Replays the audit trail's item status changes and assesses the checklist as it stood after
// each, so the chart shows the same numbers the rest of the app showed at the time. At most
// `maxPoints` points are returned (evenly thinned), always including the latest.
std::vector<ProgressPoint> progressOverTime(const Template &tmpl, const ProjectState &current,
                                            const std::vector<AuditEntry> &history, int maxPoints = 120);

} // namespace preflight
