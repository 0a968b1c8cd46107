#include "models/PortfolioModel.h"

#include "Appearance.h"

#include <QApplication>

namespace preflight::gui {

PortfolioModel::PortfolioModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void PortfolioModel::setRows(std::vector<PortfolioRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_columns = portfolioColumns(m_rows);
    endResetModel();
}

void PortfolioModel::setRow(int index, PortfolioRow row)
{
    if (index < 0 || index >= int(m_rows.size()))
        return;
    m_rows[std::size_t(index)] = std::move(row);
    emit dataChanged(this->index(index, 0), this->index(index, columnCount() - 1));
}

const PortfolioRow *PortfolioModel::row(const QModelIndex &index) const
{
    return index.isValid() && index.row() < int(m_rows.size()) ? &m_rows[std::size_t(index.row())] : nullptr;
}

int PortfolioModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PortfolioModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : actorColumn() + 1;
}

QColor PortfolioModel::heatBackground(Heat heat, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (heat) {
    case Heat::OnTrack:
        return dark ? QColor(0x1e, 0x4d, 0x24) : QColor(0xc8, 0xe6, 0xc9);
    case Heat::Behind:
        return dark ? QColor(0x6b, 0x45, 0x10) : QColor(0xff, 0xe0, 0xb2);
    case Heat::AtRisk:
        return dark ? QColor(0x6e, 0x1f, 0x1f) : QColor(0xff, 0xcd, 0xd2);
    case Heat::NotApplicable:
        break;
    }
    return {};
}

QVariant PortfolioModel::categoryData(const PortfolioRow &row, int category, int role) const
{
    const PortfolioColumn &column = m_columns[std::size_t(category)];
    const PortfolioCell *cell = cellOf(row, column.categoryId);
    switch (role) {
    case Qt::DisplayRole:
        return cell ? Labels::score(cell->score) : QStringLiteral("—");
    case SortRole:
        return cell && cell->score ? QVariant(*cell->score) : QVariant(-1.0);
    case HeatRole:
        return cell ? heatKey(cell->heat) : QString();
    case Qt::BackgroundRole: {
        const QColor color = cell ? heatBackground(cell->heat, QApplication::palette()) : QColor();
        return color.isValid() ? QVariant(color) : QVariant();
    }
    case Qt::ToolTipRole:
        if (!cell)
            return tr("Not in this project's template");
        return tr("%1 (%2): %3; on track from %4 %")
            .arg(column.title, Labels::severity(column.severity), Labels::score(cell->score))
            .arg(cell->threshold);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant PortfolioModel::data(const QModelIndex &index, int role) const
{
    const PortfolioRow *r = row(index);
    if (!r)
        return {};
    const int column = index.column();
    if (role == ProjectIdRole)
        return r->project.id;
    const bool countsColumn = column == ScoreColumn || column == VerdictColumn || column == criticalColumn()
        || column == risksColumn() || column == signOffsColumn() || column == actorColumn()
        || (column >= FirstCategoryColumn && column < criticalColumn());
    if (!r->assessed && countsColumn) // listed before it is assessed: its numbers are coming
        return role == Qt::DisplayRole ? QVariant(QStringLiteral("…")) : role == SortRole ? QVariant(-2) : QVariant();
    if (column >= FirstCategoryColumn && column < criticalColumn())
        return categoryData(*r, column - FirstCategoryColumn, role);
    if (role == Qt::TextAlignmentRole && column != ProjectColumn && column != TemplateColumn && column != VerdictColumn
        && column != actorColumn())
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && !r->problem.isEmpty())
        return r->problem;
    if (role == Qt::ToolTipRole && column == TemplateColumn)
        return r->templateTitle;
    if (role == Qt::ForegroundRole && column == VerdictColumn && r->problem.isEmpty())
        return verdictColor(r->verdict);
    if (role == Qt::ForegroundRole && column == targetColumn() && r->daysLeft && *r->daysLeft < 0)
        return severityColor(Severity::Critical);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    if (column == ProjectColumn)
        return r->project.archived && !sort ? tr("%1 (archived)").arg(r->project.name) : r->project.name;
    if (column == TemplateColumn) // the id is short; the title is in the tool tip
        return QStringLiteral("%1 %2").arg(r->project.templateId, r->project.templateVersion);
    if (column == VerdictColumn) {
        if (!r->problem.isEmpty())
            return sort ? QVariant(-1) : QVariant(tr("Cannot assess"));
        return sort ? QVariant(int(r->verdict)) : QVariant(r->verdictLabel);
    }
    if (column == ScoreColumn)
        return sort ? QVariant(r->score.value_or(-1.0)) : QVariant(Labels::score(r->score));
    if (column == criticalColumn())
        return r->openCriticalItems;
    if (column == risksColumn())
        return r->openHighOrCriticalRisks;
    if (column == signOffsColumn())
        return sort ? QVariant(r->signOffsGiven * 1000 - r->signOffsStale) : QVariant(signOffsText(*r));
    if (column == targetColumn()) {
        if (sort) // projects without a target sort after every dated one
            return r->daysLeft ? QVariant(*r->daysLeft) : QVariant(std::numeric_limits<qint64>::max());
        if (!r->daysLeft)
            return tr("—");
        const qint64 days = *r->daysLeft;
        const QString date = QLocale().toString(*r->project.targetDate, QLocale::ShortFormat);
        if (days == 0)
            return tr("%1, due today").arg(date);
        return days > 0 ? tr("%1, %n day(s) left", nullptr, int(days)).arg(date)
                        : tr("%1, %n day(s) overdue", nullptr, int(-days)).arg(date);
    }
    if (column == activityColumn())
        return sort ? QVariant(r->lastActivity) : QVariant(shortDateTime(r->lastActivity));
    if (column == actorColumn())
        return r->lastActor;
    return {};
}

QVariant PortfolioModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (section >= FirstCategoryColumn && section < criticalColumn()) {
        const PortfolioColumn &column = m_columns[std::size_t(section - FirstCategoryColumn)];
        if (role == Qt::DisplayRole)
            return column.title;
        if (role == Qt::ToolTipRole)
            return tr("%1 (%2 severity): on track from %3 %")
                .arg(column.title, Labels::severity(column.severity))
                .arg(onTrackThreshold(column.severity));
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ProjectColumn:
        return tr("Project");
    case TemplateColumn:
        return tr("Template");
    case VerdictColumn:
        return tr("Verdict");
    case ScoreColumn:
        return tr("Score");
    default:
        break;
    }
    if (section == criticalColumn())
        return tr("Critical open");
    if (section == risksColumn())
        return tr("High risks");
    if (section == signOffsColumn())
        return tr("Sign-offs");
    if (section == targetColumn())
        return tr("Target");
    if (section == activityColumn())
        return tr("Last activity");
    return tr("By");
}

} // namespace preflight::gui
