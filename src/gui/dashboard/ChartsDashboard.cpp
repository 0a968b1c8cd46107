#include "ChartsDashboard.h"

#include "Error.h"
#include "ProjectSession.h"
#include "dashboard/ChartBuilders.h"

#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QPolarChart>
#include <QResizeEvent>
#include <QScrollArea>
#include <QVBoxLayout>

namespace preflight::gui {

Dashboard *createDashboard(QWidget *parent)
{
    return new ChartsDashboard(parent);
}

ChartsDashboard::ChartsDashboard(QWidget *parent)
    : Dashboard(parent)
    , m_grid(new QGridLayout)
{
    // The charts scroll rather than shrink past legibility: fourteen category names need height.
    auto *area = new QScrollArea(this);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    auto *charts = new QWidget(area);
    charts->setLayout(m_grid);
    area->setWidget(charts);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(area);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(8);
    m_score = addChart(QStringLiteral("scoreChart"), false);
    m_categories = addChart(QStringLiteral("categoryChart"), false);
    m_radar = addChart(QStringLiteral("radarChart"), true);
    m_progress = addChart(QStringLiteral("progressChart"), false);
    m_risks = addChart(QStringLiteral("riskChart"), false);
    placeCharts(false);
}

QChartView *ChartsDashboard::addChart(const QString &objectName, bool polar)
{
    QChart *chart = polar ? new QPolarChart : new QChart;
    auto *view = new QChartView(chart, this);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(240, 240);
    return view;
}

// Three columns where they fit; two on a laptop beside the project list, where three made every
// label an ellipsis.
void ChartsDashboard::placeCharts(bool narrow)
{
    m_narrow = narrow;
    for (QChartView *view : { m_score, m_categories, m_radar, m_progress, m_risks })
        m_grid->removeWidget(view);
    for (int i = 0; i < 3; ++i) {
        m_grid->setColumnStretch(i, 0);
        m_grid->setRowStretch(i, 0);
    }
    if (narrow) {
        m_grid->addWidget(m_score, 0, 0);
        m_grid->addWidget(m_risks, 0, 1);
        m_grid->addWidget(m_categories, 1, 0, 1, 2);
        m_grid->addWidget(m_radar, 2, 0);
        m_grid->addWidget(m_progress, 2, 1);
    } else {
        m_grid->addWidget(m_score, 0, 0);
        m_grid->addWidget(m_categories, 0, 1, 1, 2);
        m_grid->addWidget(m_radar, 1, 0);
        m_grid->addWidget(m_progress, 1, 1);
        m_grid->addWidget(m_risks, 1, 2);
        m_grid->setRowStretch(0, 3);
        m_grid->setRowStretch(1, 2);
    }
    for (int i = 0; i < (narrow ? 2 : 3); ++i)
        m_grid->setColumnStretch(i, 1);
}

void ChartsDashboard::resizeEvent(QResizeEvent *event)
{
    Dashboard::resizeEvent(event);
    const bool narrow = width() < 3 * 260;
    if (narrow != m_narrow)
        placeCharts(narrow);
}

void ChartsDashboard::setSession(ProjectSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &ProjectSession::stateChanged, this, &ChartsDashboard::refreshNowOrWhenShown);
    refreshNowOrWhenShown();
}

void ChartsDashboard::refreshNowOrWhenShown()
{
    // Rebuilding five charts on every keystroke of a hidden tab would be wasted work.
    m_stale = true;
    if (isVisible())
        refresh();
}

void ChartsDashboard::showEvent(QShowEvent *event)
{
    Dashboard::showEvent(event);
    if (m_stale)
        refresh();
}

void ChartsDashboard::changeEvent(QEvent *event)
{
    Dashboard::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refreshNowOrWhenShown();
}

void ChartsDashboard::refresh()
{
    m_stale = false;
    if (!m_session)
        return;
    const Assessment &assessment = m_session->assessment();
    const QPalette &colors = palette();
    fillScoreChart(m_score->chart(), assessment, colors);
    fillCategoryChart(m_categories->chart(), assessment, colors);
    // Qt Charts elides a category name to "..." unless its row is a line of text plus the axis's
    // padding tall, whatever the width: room for every name, whatever the window's height.
    m_categories->setMinimumHeight(int(assessment.categories.size()) * (fontMetrics().height() + 14) + 120);
    fillRadarChart(m_radar->chart(), assessment, colors);
    fillRiskChart(m_risks->chart(), m_session->state().risks, colors);
    std::vector<AuditEntry> history;
    try {
        history = m_session->store().history(m_session->projectId());
    } catch (const Error &error) {
        m_session->reportError(error);
    }
    fillProgressChart(m_progress->chart(), progressOverTime(m_session->tmpl(), m_session->state(), history), colors);
    for (QChartView *view : { m_score, m_categories, m_radar, m_progress, m_risks })
        view->setBackgroundBrush(colors.color(QPalette::Window));
}

} // namespace preflight::gui
