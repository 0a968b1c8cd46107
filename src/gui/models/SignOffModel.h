#pragma once

#include <QAbstractTableModel>

namespace preflight::gui {

class ProjectSession;

// One row per sign-off role of the template, in template order, straight from the Assessment:
// who signed, their decision, and whether the signature still counts or has gone stale.
class SignOffModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { RoleColumn, NameColumn, DecisionColumn, CommentColumn, DateColumn, StateColumn, ColumnCount };
    enum Role { RoleNameRole = Qt::UserRole + 1, SignedRole, StaleRole, StandingRole /* SignOffStanding as int */ };

    explicit SignOffModel(QObject *parent = nullptr);
    void setSession(ProjectSession *session);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refresh();
    QVariant stateText(int row, int role) const;

    ProjectSession *m_session = nullptr;
    int m_rowCount = 0;
};

} // namespace preflight::gui
