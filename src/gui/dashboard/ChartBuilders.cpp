#include "ChartBuilders.h"

#include "Appearance.h"

#include <QApplication>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QDateTimeAxis>
#include <QGraphicsSimpleTextItem>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QPieSeries>
#include <QPolarChart>
#include <QToolTip>
#include <QValueAxis>

namespace preflight::gui {

namespace {

constexpr qreal PieSize = 0.85, HoleSize = 0.55; // of the plot area, and of the pie

const Severity severitiesDescending[] = { Severity::Critical, Severity::High, Severity::Medium, Severity::Low };
// Horizontal bar charts draw their first category at the bottom: this order puts Critical on top.
const Severity severitiesAscending[] = { Severity::Low, Severity::Medium, Severity::High, Severity::Critical };

// Labels and legends a little smaller than the window's text, as charts on every desktop have
// them: at full size a laptop's dashboard elided most of them.
QFont smallFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}

void reset(QChart *chart, const QString &title, const QPalette &palette)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->setTitle(title);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(QPen(palette.color(QPalette::Mid)));
    chart->setTitleBrush(palette.color(QPalette::Text));
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->legend()->setFont(smallFont());
    chart->setMargins(QMargins(6, 6, 6, 6));
}

void styleAxis(QAbstractAxis *axis, const QPalette &palette)
{
    axis->setLabelsColor(palette.color(QPalette::Text));
    axis->setLabelsFont(smallFont());
    axis->setLinePenColor(palette.color(QPalette::Mid));
    QColor grid = palette.color(QPalette::Text);
    grid.setAlpha(40);
    axis->setGridLineColor(grid);
    axis->setTitleBrush(palette.color(QPalette::Text));
}

QValueAxis *percentAxis(const QPalette &palette)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, 100);
    axis->setLabelFormat(QStringLiteral("%d %%"));
    axis->setTickCount(6);
    styleAxis(axis, palette);
    return axis;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("preflight::gui::Dashboard", text);
}

// The text in the hole of the donut. Created once per chart and kept centred on the plot area,
// which moves whenever the view is resized.
// Sizes the score to the donut's hole (at most 2.2 times the title's size) and centres it:
// "59.5 %" at a fixed size ran over the ring of a small chart.
void fitInHole(QGraphicsSimpleTextItem *label, const QRectF &plotArea)
{
    QFont font = label->font();
    const qreal hole = std::min(plotArea.width(), plotArea.height()) * PieSize * HoleSize;
    const qreal full = label->data(1).toReal();
    font.setPointSizeF(full);
    label->setFont(font);
    const qreal width = label->boundingRect().width();
    if (width > hole * 0.8 && width > 0)
        font.setPointSizeF(full * hole * 0.8 / width);
    label->setFont(font);
    label->setPos(plotArea.center() - label->boundingRect().center());
}

QGraphicsSimpleTextItem *centreLabel(QChart *chart)
{
    const QString marker = QStringLiteral("centreLabel");
    for (QGraphicsItem *child : chart->childItems()) {
        if (child->data(0).toString() == marker)
            return static_cast<QGraphicsSimpleTextItem *>(child);
    }
    auto *label = new QGraphicsSimpleTextItem(chart);
    label->setData(0, marker);
    label->setZValue(10);
    QObject::connect(chart, &QChart::plotAreaChanged, chart, [label](const QRectF &area) { fitInHole(label, area); });
    return label;
}

} // namespace

void fillCategoryChart(QChart *chart, const Assessment &assessment, const QPalette &palette)
{
    reset(chart, tr("Completion by category"), palette);
    // One stacked set per severity with a value only in its own categories: each bar gets its
    // severity's colour and the legend explains the colours.
    auto *series = new QHorizontalStackedBarSeries;
    QStringList titles;
    // Bars are drawn bottom-up; reverse so category 1 is on top, as in the checklist.
    // Numbered as the radar's axes are, so its numbers have names.
    for (auto it = assessment.categories.rbegin(); it != assessment.categories.rend(); ++it)
        titles << QStringLiteral("%1 %2").arg(assessment.categories.rend() - it).arg(it->title);
    for (Severity severity : severitiesDescending) {
        auto *set = new QBarSet(Labels::severity(severity));
        set->setColor(severityColor(severity));
        set->setBorderColor(severityColor(severity));
        bool used = false;
        for (auto it = assessment.categories.rbegin(); it != assessment.categories.rend(); ++it) {
            const bool mine = it->severity == severity;
            used = used || mine;
            *set << (mine ? it->score.value_or(0) : 0.0);
        }
        if (used)
            series->append(set);
        else
            delete set;
    }
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    categories->append(titles);
    styleAxis(categories, palette);
    categories->setGridLineVisible(false);
    chart->addAxis(categories, Qt::AlignLeft);
    QValueAxis *values = percentAxis(palette);
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(categories);
    series->attachAxis(values);
    chart->legend()->setAlignment(Qt::AlignBottom);
}

void fillScoreChart(QChart *chart, const Assessment &assessment, const QPalette &palette)
{
    reset(chart, tr("Overall score"), palette);
    auto *series = new QPieSeries;
    series->setHoleSize(HoleSize);
    series->setPieSize(PieSize);
    const struct
    {
        QString label;
        int count;
        QColor color;
    } slices[] = {
        { tr("Done"), assessment.counts.done, verdictColor(Verdict::Ready) },
        { tr("N/A"), assessment.counts.na, palette.color(QPalette::Mid) },
        { tr("Open"), assessment.counts.open, severityColor(Severity::Critical) },
    };
    for (const auto &slice : slices) {
        QPieSlice *added = series->append(tr("%1: %2").arg(slice.label).arg(slice.count), slice.count);
        added->setColor(slice.color);
        added->setBorderColor(palette.color(QPalette::Base));
    }
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignBottom);

    QGraphicsSimpleTextItem *label = centreLabel(chart);
    label->setFont(chart->titleFont()); // bold
    label->setData(1, chart->titleFont().pointSizeF() * 2.2); // the size it has when there is room
    label->setBrush(palette.color(QPalette::Text));
    label->setText(Labels::score(assessment.score));
    fitInHole(label, chart->plotArea());
}

void fillRadarChart(QChart *chart, const Assessment &assessment, const QPalette &palette)
{
    reset(chart, tr("Category profile"), palette);
    const int count = int(assessment.categories.size());
    auto *outline = new QLineSeries;
    outline->setName(tr("Score"));
    for (int i = 0; i <= count; ++i)
        outline->append(i, assessment.categories[size_t(i % std::max(count, 1))].score.value_or(0));
    auto *area = new QAreaSeries(outline);
    area->setName(tr("Score"));
    QColor fill = severityColor(Severity::High);
    area->setPen(QPen(fill, 2));
    fill.setAlpha(90);
    area->setBrush(fill);
    chart->addSeries(area);

    auto *angular = new QCategoryAxis;
    angular->setRange(0, std::max(count, 1));
    angular->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // Numbers rather than titles: fourteen titles round a circle overlap at any usable size. The
    // bar chart beside it names them with the same numbers, and hovering the shape names the
    // category under the mouse.
    for (int i = 0; i < count; ++i)
        angular->append(QString::number(i + 1), i);
    QStringList names;
    for (const CategoryScore &category : assessment.categories)
        names << tr("%1 %2: %3").arg(names.size() + 1).arg(category.title, Labels::score(category.score));
    QObject::connect(area, &QAreaSeries::hovered, chart, [names](const QPointF &point, bool entered) {
        if (!entered || names.isEmpty())
            return QToolTip::hideText();
        QToolTip::showText(QCursor::pos(), names.at(qRound(point.x()) % names.size()));
    });
    styleAxis(angular, palette);
    auto *radial = percentAxis(palette);
    radial->setLabelsVisible(false);
    auto *polar = static_cast<QPolarChart *>(chart);
    polar->addAxis(angular, QPolarChart::PolarOrientationAngular);
    polar->addAxis(radial, QPolarChart::PolarOrientationRadial);
    area->attachAxis(angular);
    area->attachAxis(radial);
    chart->legend()->hide();
}

void fillProgressChart(QChart *chart, const std::vector<ProgressPoint> &points, const QPalette &palette)
{
    reset(chart, tr("Progress over time"), palette);
    auto *completion = new QLineSeries;
    completion->setName(tr("Items done or N/A"));
    auto *score = new QLineSeries;
    score->setName(tr("Overall score"));
    for (const ProgressPoint &point : points) {
        const qreal x = qreal(point.time.toMSecsSinceEpoch());
        completion->append(x, point.completion);
        score->append(x, point.score.value_or(0));
    }
    completion->setPen(QPen(severityColor(Severity::Low), 2));
    score->setPen(QPen(severityColor(Severity::High), 2));
    chart->addSeries(completion);
    chart->addSeries(score);
    auto *time = new QDateTimeAxis;
    time->setTickCount(4);
    if (!points.empty()) {
        // The axis spans the review's own history, in a unit that fits it: a review started
        // today shows hours, not a sliver at the edge of a day under repeated dates.
        QDateTime first = points.front().time;
        QDateTime last = points.back().time;
        const qint64 span = first.secsTo(last);
        if (span < 3600) {
            // Less than an hour of history: an hour around it, so it sits mid-axis.
            first = first.addSecs(span / 2 - 1800);
            last = first.addSecs(3600);
        }
        time->setFormat(span < 2 * 24 * 3600         ? QStringLiteral("HH:mm")
                            : span < 300 * 24 * 3600 ? QStringLiteral("d MMM")
                                                     : QStringLiteral("MMM yyyy"));
        time->setRange(first, last);
    }
    styleAxis(time, palette);
    QValueAxis *values = percentAxis(palette);
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    for (QLineSeries *series : { completion, score }) {
        series->attachAxis(time);
        series->attachAxis(values);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
}

void fillRiskChart(QChart *chart, const std::vector<Risk> &risks, const QPalette &palette)
{
    reset(chart, tr("Risks by severity"), palette); // the legend names the statuses
    const RiskStatus statuses[] = { RiskStatus::Open, RiskStatus::Accepted, RiskStatus::Mitigated, RiskStatus::Closed };
    const QColor statusColors[] = { severityColor(Severity::Critical), severityColor(Severity::Medium),
                                    verdictColor(Verdict::Ready), palette.color(QPalette::Mid) };
    // Horizontal, so that severity names never get clipped in a narrow chart.
    auto *series = new QHorizontalStackedBarSeries;
    const QDate today = QDate::currentDate();
    int most = 0;
    std::map<Severity, int> perSeverity;
    for (size_t s = 0; s < std::size(statuses); ++s) {
        auto *set = new QBarSet(Labels::riskStatus(statuses[s]));
        set->setColor(statusColors[s]);
        set->setBorderColor(statusColors[s]);
        for (Severity severity : severitiesAscending) {
            const auto count = std::count_if(risks.begin(), risks.end(), [&](const Risk &risk) {
                return risk.severity == severity && risk.effectiveStatus(today) == statuses[s];
            });
            *set << qreal(count);
            most = std::max(most, perSeverity[severity] += int(count));
        }
        series->append(set);
    }
    chart->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    for (Severity severity : severitiesAscending)
        categories->append(Labels::severity(severity));
    styleAxis(categories, palette);
    categories->setGridLineVisible(false);
    auto *counts = new QValueAxis;
    counts->setRange(0, std::max(most, 1));
    counts->setTickCount(std::min(std::max(most, 1), 5) + 1);
    if (most > 5)
        counts->applyNiceNumbers();
    counts->setLabelFormat(QStringLiteral("%d"));
    styleAxis(counts, palette);
    chart->addAxis(categories, Qt::AlignLeft);
    chart->addAxis(counts, Qt::AlignBottom);
    series->attachAxis(categories);
    series->attachAxis(counts);
    chart->legend()->setAlignment(Qt::AlignBottom);
}

} // namespace preflight::gui
