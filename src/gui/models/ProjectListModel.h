#pragma once

#include "model/Project.h"
#include "scoring/Assessment.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <optional>
#include <vector>

namespace preflight::gui {

class Workspace;

// Every project of the database with the verdict and score assess() gives it.
class ProjectListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, VerdictColumn, ScoreColumn, ColumnCount };
    enum Role { ProjectIdRole = Qt::UserRole + 1, ArchivedRole, VerdictRole, ScoreRole };

    // Later: only projects open in a session get their verdict and score straight away; the other
    // rows stay blank until assessPending(). Loading and assessing every project costs as much as
    // opening it, so the window does that just after its first paint instead of before it.
    enum class Assess { Now, Later };

    explicit ProjectListModel(Workspace *workspace, QObject *parent = nullptr, Assess others = Assess::Now);

    QModelIndex indexOfProject(qint64 projectId) const;
    bool hasPending() const;
    void assessPending();
    void refresh();
    // Updates one row from its open session: an edit must not re-assess every other project.
    void refreshProject(qint64 projectId);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Project project;
        std::optional<Verdict> verdict; // nullopt when the project's template is missing
        QString verdictLabel;
        std::optional<double> score;
        bool pending = false; // not assessed yet: shown blank, not as "Template missing"
        QString problem; // why it could not be assessed, e.g. which template version is missing
    };
    std::vector<Row> loadRows(Assess others) const;
    void assessRow(Row &row) const;
    static void setAssessment(Row &row, const Template &tmpl, const Assessment &assessment);

    Workspace *m_workspace;
    std::vector<Row> m_rows;
};

// Filters the project list by name and hides archived projects unless asked for.
class ProjectFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ProjectFilterModel(QObject *parent = nullptr);
    void setShowArchived(bool show);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_showArchived = false;
};

} // namespace preflight::gui
