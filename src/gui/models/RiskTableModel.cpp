#include "RiskTableModel.h"

#include "Appearance.h"
#include "ProjectSession.h"
#include "commands/RiskCommands.h"

#include <QLocale>

namespace preflight::gui {

namespace {

std::vector<qint64> riskIds(const ProjectSession *session)
{
    std::vector<qint64> ids;
    if (session) {
        for (const Risk &risk : session->state().risks)
            ids.push_back(risk.id);
    }
    return ids;
}

RiskField fieldOfColumn(int column)
{
    switch (column) {
    case RiskTableModel::SeverityColumn:
        return RiskField::Severity;
    case RiskTableModel::MitigationColumn:
        return RiskField::Mitigation;
    case RiskTableModel::OwnerColumn:
        return RiskField::Owner;
    case RiskTableModel::StatusColumn:
        return RiskField::Status;
    case RiskTableModel::AcceptedUntilColumn:
        return RiskField::AcceptedUntil;
    case RiskTableModel::LinkedColumn:
        return RiskField::LinkedItems;
    default:
        return RiskField::Title;
    }
}

} // namespace

RiskTableModel::RiskTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RiskTableModel::setSession(ProjectSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    beginResetModel();
    m_session = session;
    m_rows = riskIds(session);
    endResetModel();
    if (m_session)
        connect(m_session, &ProjectSession::stateChanged, this, &RiskTableModel::refresh);
}

void RiskTableModel::refresh()
{
    std::vector<qint64> ids = riskIds(m_session);
    if (ids == m_rows) {
        if (!m_rows.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    // Rows came or went: a reset is simplest, and views restore their selection by risk id.
    beginResetModel();
    m_rows = std::move(ids);
    endResetModel();
}

QModelIndex RiskTableModel::indexOfRisk(qint64 riskId, int column) const
{
    for (size_t row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row] == riskId)
            return index(int(row), column);
    }
    return {};
}

int RiskTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RiskTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RiskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Risk");
    case SeverityColumn:
        return tr("Severity");
    case MitigationColumn:
        return tr("Mitigation");
    case OwnerColumn:
        return tr("Owner");
    case StatusColumn:
        return tr("Status");
    case AcceptedByColumn:
        return tr("Accepted by");
    case AcceptedUntilColumn:
        return tr("Accepted until");
    case LinkedColumn:
        return tr("Linked items");
    }
    return {};
}

Qt::ItemFlags RiskTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == AcceptedByColumn || !m_session || !m_session->mayReview())
        return flags; // recorded from whoever accepted the risk; or a reader's view
    if (index.column() == AcceptedUntilColumn) {
        const Risk *risk = m_session ? m_session->findRisk(m_rows[size_t(index.row())]) : nullptr;
        return risk && risk->status == RiskStatus::Accepted ? flags | Qt::ItemIsEditable : flags;
    }
    return flags | Qt::ItemIsEditable;
}

QVariant RiskTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_session)
        return {};
    const Risk *risk = m_session->findRisk(m_rows[size_t(index.row())]);
    if (!risk)
        return {};
    if (role == RiskIdRole)
        return risk->id;
    const int column = index.column();
    if (column == AcceptedByColumn || column == AcceptedUntilColumn)
        return acceptanceData(*risk, column, role);
    if (role == Qt::EditRole || role == SortRole) {
        const QVariant value = EditRiskCommand::fieldOf(*risk, fieldOfColumn(column));
        // Sort severities from critical down and statuses in workflow order: their enum order.
        return column == LinkedColumn ? QVariant(risk->linkedItems.join(QStringLiteral(", "))) : value;
    }
    if (role == Qt::BackgroundRole && column == SeverityColumn)
        return tint(severityColor(risk->severity));
    if (role == Qt::DecorationRole && column == SeverityColumn)
        return dotIcon(severityColor(risk->severity));
    if (role == Qt::ToolTipRole && column == StatusColumn && risk->status == RiskStatus::Accepted) {
        return risk->acceptedUntil
            ? tr("Accepted by %1 until %2")
                  .arg(risk->acceptedBy, QLocale().toString(*risk->acceptedUntil, QLocale::ShortFormat))
            : tr("Accepted by %1").arg(risk->acceptedBy);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case TitleColumn:
        return risk->title;
    case SeverityColumn:
        return Labels::severity(risk->severity);
    case MitigationColumn:
        return risk->mitigation;
    case OwnerColumn:
        return risk->owner;
    case StatusColumn:
        return Labels::riskStatus(risk->effectiveStatus(QDate::currentDate()));
    case LinkedColumn:
        // People read the items' texts; the ids (what the editor takes) are in the tooltip.
        if (role == Qt::ToolTipRole)
            return risk->linkedItems.join(QLatin1Char('\n'));
        return linkedItemTexts(*risk);
    }
    return {};
}

// Only an accepted risk shows who accepted it and until when: a name kept from an earlier
// acceptance would read as if the risk were still accepted.
QVariant RiskTableModel::acceptanceData(const Risk &risk, int column, int role) const
{
    const bool accepted = risk.status == RiskStatus::Accepted;
    if (column == AcceptedByColumn) {
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == SortRole)
            return accepted ? risk.acceptedBy : QString();
        return {};
    }
    const QDate until = accepted ? risk.acceptedUntil.value_or(QDate()) : QDate();
    switch (role) {
    case Qt::EditRole:
    case SortRole:
        return until;
    case Qt::DisplayRole:
        if (!accepted)
            return QString();
        return until.isValid() ? QLocale().toString(until, QLocale::ShortFormat) : tr("No end");
    case Qt::ToolTipRole:
        if (until.isValid() && risk.effectiveStatus(QDate::currentDate()) != RiskStatus::Accepted)
            return tr("The acceptance expired on %1: the risk counts as open again")
                .arg(QLocale().toString(until, QLocale::LongFormat));
        return {};
    }
    return {};
}

QString RiskTableModel::linkedItemTexts(const Risk &risk) const
{
    QStringList texts;
    for (const QString &id : risk.linkedItems) {
        const Item *item = m_session->tmpl().findItem(id);
        texts << (item ? item->text : id); // an id the template no longer has stays visible as is
    }
    return texts.join(QLatin1Char('\n'));
}

bool RiskTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::EditRole || !m_session
        || !flags(index).testFlag(Qt::ItemIsEditable))
        return false;
    QVariant stored = value;
    if (index.column() == LinkedColumn) {
        QStringList ids = value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString &id : ids)
            id = id.trimmed();
        ids.removeAll(QString());
        stored = ids;
    } else if (index.column() == TitleColumn && value.toString().trimmed().isEmpty()) {
        return false; // a risk always has a title
    } else if (index.column() == AcceptedUntilColumn) {
        if (!value.isNull() && value.metaType() != QMetaType::fromType<QDate>())
            return false;
        stored = value.toDate(); // an invalid date (or none given) clears it
    }
    m_session->editRisk(m_rows[size_t(index.row())], fieldOfColumn(index.column()), stored);
    return true;
}

} // namespace preflight::gui
