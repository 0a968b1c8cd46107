#include "ProjectListModel.h"

#include "Appearance.h"
#include "Error.h"
#include "ProjectSession.h"
#include "Workspace.h"

#include <QFont>
#include <QGuiApplication>

#include <algorithm>

namespace preflight::gui {

ProjectListModel::ProjectListModel(Workspace *workspace, QObject *parent, Assess others)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
    , m_rows(loadRows(others))
{
    connect(workspace, &Workspace::projectsChanged, this, &ProjectListModel::refresh);
    connect(workspace, &Workspace::projectChanged, this, &ProjectListModel::refreshProject);
}

void ProjectListModel::setAssessment(Row &row, const Template &tmpl, const Assessment &assessment)
{
    row.verdict = assessment.verdict;
    row.verdictLabel = verdictLabel(tmpl, assessment.verdict);
    row.score = assessment.score;
}

void ProjectListModel::assessRow(Row &row) const
{
    row.pending = false;
    if (const ProjectSession *session = m_workspace->existingSession(row.project.id)) {
        // Open projects are assessed already, and kept current by their session.
        setAssessment(row, session->tmpl(), session->assessment());
    } else {
        try {
            const Review review = m_workspace->review(row.project);
            setAssessment(row, *review.tmpl, review.assessment);
        } catch (const Error &error) {
            // Listed as "Template missing" with the reason: one project must not hide the rest.
            row.problem = error.message();
        }
    }
}

std::vector<ProjectListModel::Row> ProjectListModel::loadRows(Assess others) const
{
    std::vector<Row> rows;
    try {
        for (Project &project : m_workspace->store().projects()) {
            Row row { std::move(project), std::nullopt, {}, std::nullopt, false, {} };
            if (others == Assess::Later && !m_workspace->existingSession(row.project.id))
                row.pending = true;
            else
                assessRow(row);
            rows.push_back(std::move(row));
        }
    } catch (const Error &error) {
        m_workspace->reportError(error);
    }
    return rows;
}

bool ProjectListModel::hasPending() const
{
    return std::any_of(m_rows.begin(), m_rows.end(), [](const Row &row) { return row.pending; });
}

void ProjectListModel::assessPending()
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (!m_rows[i].pending)
            continue;
        try {
            assessRow(m_rows[i]);
        } catch (const Error &error) {
            m_workspace->reportError(error);
        }
        emit dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
    }
}

void ProjectListModel::refresh()
{
    std::vector<Row> rows = loadRows(Assess::Now);
    // A list read half-way before the server went away would empty the window: keep what it shows.
    if (m_workspace->isConnectionLost())
        return;
    const bool sameProjects = std::equal(rows.begin(), rows.end(), m_rows.begin(), m_rows.end(),
                                         [](const Row &a, const Row &b) { return a.project.id == b.project.id; });
    if (sameProjects) {
        m_rows = std::move(rows);
        if (!m_rows.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void ProjectListModel::refreshProject(qint64 projectId)
{
    const QModelIndex first = indexOfProject(projectId);
    const ProjectSession *session = m_workspace->existingSession(projectId);
    if (!first.isValid() || !session) {
        refresh();
        return;
    }
    Row &row = m_rows[size_t(first.row())];
    row.project = session->state().project; // a rename or archiving changes these
    setAssessment(row, session->tmpl(), session->assessment());
    emit dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
}

QModelIndex ProjectListModel::indexOfProject(qint64 projectId) const
{
    for (size_t row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].project.id == projectId)
            return index(int(row), 0);
    }
    return {};
}

int ProjectListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProjectListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProjectListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Project");
    case VerdictColumn:
        return tr("Verdict");
    case ScoreColumn:
        return tr("Score");
    }
    return {};
}

QVariant ProjectListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case ProjectIdRole:
        return row.project.id;
    case ArchivedRole:
        return row.project.archived;
    case VerdictRole:
        return row.verdict ? QVariant(int(*row.verdict)) : QVariant();
    case ScoreRole:
        return row.score ? QVariant(*row.score) : QVariant();
    case Qt::ForegroundRole:
        if (row.project.archived)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ScoreColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == NameColumn)
            return row.project.description.isEmpty() ? row.project.name : row.project.description;
        if (index.column() == VerdictColumn && !row.problem.isEmpty())
            return row.problem;
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return row.project.archived ? tr("%1 (archived)").arg(row.project.name) : row.project.name;
        case VerdictColumn:
            return row.pending ? QString() : row.verdict ? row.verdictLabel : tr("Template missing");
        case ScoreColumn:
            return row.pending ? QString() : Labels::score(row.score);
        }
    }
    return {};
}

ProjectFilterModel::ProjectFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(ProjectListModel::NameColumn);
}

void ProjectFilterModel::setShowArchived(bool show)
{
    m_showArchived = show;
    invalidateFilter();
}

bool ProjectFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_showArchived && index.data(ProjectListModel::ArchivedRole).toBool())
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace preflight::gui
