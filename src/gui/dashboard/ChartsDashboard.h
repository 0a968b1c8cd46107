#pragma once

#include "dashboard/Dashboard.h"

QT_BEGIN_NAMESPACE
class QChartView;
class QGridLayout;
QT_END_NAMESPACE

namespace preflight::gui {

// The Qt Charts implementation of the dashboard: five charts in a grid of three columns, or two
// on a narrow window, scrolling when the window is too low for them.
class ChartsDashboard : public Dashboard
{
    Q_OBJECT

public:
    explicit ChartsDashboard(QWidget *parent = nullptr);
    void setSession(ProjectSession *session) override;

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void refresh();
    void refreshNowOrWhenShown();
    QChartView *addChart(const QString &objectName, bool polar);
    void placeCharts(bool narrow);

    QGridLayout *m_grid;
    bool m_narrow = false;

    ProjectSession *m_session = nullptr;
    bool m_stale = true;
    QChartView *m_categories;
    QChartView *m_score;
    QChartView *m_radar;
    QChartView *m_progress;
    QChartView *m_risks;
};

} // namespace preflight::gui
