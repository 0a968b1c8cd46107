#include "ChartsDashboard.h"

#include "Error.h"
#include "ProjectSession.h"
#include "dashboard/ChartBuilders.h"

#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QPolarChart>

namespace preflight::gui {

Dashboard *createDashboard(QWidget *parent)
{
    return new ChartsDashboard(parent);
}

ChartsDashboard::ChartsDashboard(QWidget *parent)
    : Dashboard(parent)
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    m_score = addChart(QStringLiteral("scoreChart"), false, 0, 0);
    m_categories = addChart(QStringLiteral("categoryChart"), false, 0, 1, 2);
    m_radar = addChart(QStringLiteral("radarChart"), true, 1, 0);
    m_progress = addChart(QStringLiteral("progressChart"), false, 1, 1);
    m_risks = addChart(QStringLiteral("riskChart"), false, 1, 2);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);
    layout->setColumnStretch(2, 1);
    layout->setRowStretch(0, 3);
    layout->setRowStretch(1, 2);
}

QChartView *ChartsDashboard::addChart(const QString &objectName, bool polar, int row, int column, int columnSpan)
{
    QChart *chart = polar ? new QPolarChart : new QChart;
    auto *view = new QChartView(chart, this);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(260, 220);
    static_cast<QGridLayout *>(layout())->addWidget(view, row, column, 1, columnSpan);
    return view;
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
    fillRadarChart(m_radar->chart(), assessment, colors);
    fillRiskChart(m_risks->chart(), m_session->state().risks, colors);
    std::vector<AuditEntry> history;
    try {
        history = m_session->store().history(m_session->projectId());
    } catch (const Error &error) {
        m_session->reportError(error.message());
    }
    fillProgressChart(m_progress->chart(), progressOverTime(m_session->tmpl(), m_session->state(), history), colors);
    for (QChartView *view : { m_score, m_categories, m_radar, m_progress, m_risks })
        view->setBackgroundBrush(colors.color(QPalette::Window));
}

} // namespace preflight::gui
