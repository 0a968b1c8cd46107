#pragma once

#include <QDate>
#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QTableView;
QT_END_NAMESPACE

namespace Ui {
class PortfolioView;
}

namespace preflight::gui {

class PortfolioFilterModel;
class PortfolioModel;
class Workspace;

// Every project of the database at a glance (Ctrl+0): one sortable, filterable row per project
// with its category scores as a heat map. Clicking a row opens that project.
class PortfolioView : public QWidget
{
    Q_OBJECT

public:
    explicit PortfolioView(QWidget *parent = nullptr);
    ~PortfolioView() override;

    // Rebuilds every row from the store (as `preflight portfolio` does), keeping the filters.
    void refresh(Workspace &workspace, const QDate &today = QDate::currentDate());
    QTableView *table() const;
    PortfolioModel *model() const { return m_model; }
    PortfolioFilterModel *filter() const { return m_filter; }

signals:
    void projectActivated(qint64 projectId);

private:
    void updateTemplates();
    void updateOwner();
    void updateSummary();

    std::unique_ptr<Ui::PortfolioView> ui;
    PortfolioModel *m_model;
    PortfolioFilterModel *m_filter;
    QString m_me; // the store's actor: "owned by me"
};

} // namespace preflight::gui
