#pragma once

#include "scoring/Assessment.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace preflight::gui {

// The window's translatable wording of what the assessment returns as data: the same meaning
// as the command line's and the reports' English (scoring/Wording.h), through tr().
class AssessmentLabels
{
    Q_DECLARE_TR_FUNCTIONS(AssessmentLabels)

public:
    static QString shortfall(const Shortfall &shortfall); // "3 critical items open"
    static QStringList verdictReasons(const Assessment &assessment);
    static QString summaryReason(const SummaryResult &result); // "Met — every critical item done or N/A"
    static QString signOffStanding(const SignOffStatus &status); // the sign-off table's State column
    static QString signOffStandingExplanation(const SignOffStatus &status); // its tooltip
};

} // namespace preflight::gui
