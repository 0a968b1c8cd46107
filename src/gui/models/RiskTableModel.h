#pragma once

#include <QAbstractTableModel>

#include <vector>

namespace preflight {
struct Risk;
}

namespace preflight::gui {

class ProjectSession;

// The risk register of one project. Rows follow the session's state; edits become undo
// commands through the session. Reloads keep rows by risk id so that a view's selection,
// restored by id, survives changes from elsewhere.
class RiskTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // Accepted by / until are filled while a risk is accepted: the name is recorded when the status
    // becomes accepted (read-only), the date is edited (EditRole: a QDate, invalid for none).
    enum Column {
        TitleColumn,
        SeverityColumn,
        MitigationColumn,
        OwnerColumn,
        StatusColumn,
        AcceptedByColumn,
        AcceptedUntilColumn,
        LinkedColumn,
        ColumnCount
    };
    enum Role { RiskIdRole = Qt::UserRole + 1, SortRole };

    explicit RiskTableModel(QObject *parent = nullptr);

    void setSession(ProjectSession *session);
    QModelIndex indexOfRisk(qint64 riskId, int column = TitleColumn) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refresh();
    QVariant acceptanceData(const Risk &risk, int column, int role) const;
    QString linkedItemTexts(const Risk &risk) const;

    ProjectSession *m_session = nullptr;
    std::vector<qint64> m_rows; // risk ids in the order of the session's state
};

} // namespace preflight::gui
