#pragma once

#include "model/Project.h"

#include <QDate>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <vector>

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
// with its category scores as a heat map. Clicking a row opens that project. Every project is
// listed at once from its record; the assessments follow a few at a time between events, so a
// database of a thousand reviews never freezes the window for the second assessing them takes.
class PortfolioView : public QWidget
{
    Q_OBJECT

public:
    explicit PortfolioView(QWidget *parent = nullptr);
    ~PortfolioView() override;

    // Lists every project of the store and starts assessing them (as `preflight portfolio` does),
    // keeping the filters. A refresh while one is under way replaces it.
    void refresh(Workspace &workspace, const QDate &today = QDate::currentDate());
    bool isComplete() const { return m_next >= m_projects.size(); } // every row assessed
    QTableView *table() const;
    PortfolioModel *model() const { return m_model; }
    PortfolioFilterModel *filter() const { return m_filter; }

signals:
    void projectActivated(qint64 projectId);

private:
    void updateTemplates();
    void updateOwner();
    void updateSummary();
    void assessSome(int generation);

    std::unique_ptr<Ui::PortfolioView> ui;
    PortfolioModel *m_model;
    PortfolioFilterModel *m_filter;
    QString m_me; // the store's actor: "owned by me"
    QPointer<Workspace> m_workspace; // gone when the window opens another database
    std::vector<Project> m_projects; // in the model's row order
    std::vector<std::size_t> m_byId; // rows of m_projects by project id: the order they are assessed in
    std::size_t m_next = 0; // in m_byId, the first project not yet assessed
    int m_generation = 0; // which refresh the scheduled assessments belong to
    QDate m_today;
};

} // namespace preflight::gui
