#pragma once

#include "scoring/Assessment.h"

#include <QString>
#include <QStringList>

namespace preflight {

// English wording of what the assessment returns as data, for the command line, the JSON
// documents and the text and PDF reports. The GUI words the same values through tr() (its
// Labels class) with the same meaning; neither invents facts of its own.

// "3 critical items open", "1 high/critical risk accepted, not mitigated", "missing: DevOps Lead"
QString shortfallText(const Shortfall &shortfall);
// The verdict's reasons, one sentence per shortfall: the `verdict_reasons` of `status --json`.
QStringList verdictReasonTexts(const Assessment &assessment);
// Why a summary item is met or not: "ticked", "N/A: <reason>", "every critical item done or
// N/A", "2 high-priority items open", "rejected by: QA; missing: DevOps Lead".
QString summaryReasonText(const SummaryResult &result);
// "Counts", "Not signed", "Rejected", "Stale: 3 changes since signed", "Counts only when the
// verdict is Ready with Risks": the sign-off table's State column in every report and `status`.
QString signOffStandingText(const SignOffStatus &status);
// The N/A reason of an item the project's profile leaves out: "not in this project's profile".
QString outsideProfileReason();
// The profile for people: "all items (no profile)", "untagged items only (empty profile)" or the
// tags, "kubernetes, llm".
QString profileDescription(const Profile &profile);
// Items the profile leaves out, parents before sub-items, in template order.
QStringList outsideProfileIds(const Template &tmpl, const Assessment &assessment);

} // namespace preflight
