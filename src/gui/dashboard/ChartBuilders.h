#pragma once

#include "model/Project.h"
#include "scoring/Assessment.h"
#include "scoring/Progress.h"

#include <QPalette>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace preflight::gui {

// Each function fills an existing chart from scratch (series and axes replaced), styled for
// `palette`. Only the dashboard folder knows about Qt Charts.
void fillCategoryChart(QChart *chart, const Assessment &assessment, const QPalette &palette);
void fillScoreChart(QChart *chart, const Assessment &assessment, const QPalette &palette);
void fillRadarChart(QChart *chart, const Assessment &assessment, const QPalette &palette);
void fillProgressChart(QChart *chart, const std::vector<ProgressPoint> &points, const QPalette &palette);
void fillRiskChart(QChart *chart, const std::vector<Risk> &risks, const QPalette &palette);

} // namespace preflight::gui
