#pragma once

#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

namespace Ui {
class RiskView;
}

namespace preflight::gui {

class ProjectSession;
class RiskTableModel;

// The risk register: an editable, sortable table with add and remove.
class RiskView : public QWidget
{
    Q_OBJECT

public:
    explicit RiskView(QWidget *parent = nullptr);
    ~RiskView() override;

    void setSession(ProjectSession *session);
    QTableView *table() const;
    RiskTableModel *model() const { return m_model; }

    void addRisk();
    void removeSelectedRisk();

private:
    qint64 selectedRiskId() const;
    void selectRisk(qint64 riskId);
    void updateSummary();
    void updateActions(); // add and remove: a reader's are disabled, naming the role needed

    std::unique_ptr<Ui::RiskView> ui;
    RiskTableModel *m_model;
    QSortFilterProxyModel *m_sorted;
    ProjectSession *m_session = nullptr;
    qint64 m_rememberedRiskId = 0; // re-selected after the model resets
};

} // namespace preflight::gui
