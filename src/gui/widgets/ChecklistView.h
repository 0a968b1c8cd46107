#pragma once

#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QAction;
class QTreeView;
QT_END_NAMESPACE

namespace Ui {
class ChecklistView;
}

namespace preflight::gui {

class ChecklistFilterModel;
class ChecklistModel;
class ProjectSession;

// The checklist tab: filter bar, the checklist tree and the details pane. Works entirely from
// the keyboard: arrows move, Space toggles done, N asks for an N/A reason, Ctrl+F searches.
class ChecklistView : public QWidget
{
    Q_OBJECT

public:
    explicit ChecklistView(QWidget *parent = nullptr);
    ~ChecklistView() override;

    void setSession(ProjectSession *session);
    QTreeView *tree() const;
    ChecklistModel *model() const { return m_model; }
    void focusSearch();
    void selectItem(const QString &itemId);
    QString currentItemId() const;
    void commitPendingEdits();

    // Toggle done, N/A and reopen: the tree's keys, also offered in the window's Item menu.
    QList<QAction *> itemActions() const;

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void toggleDone();
    void markCurrentNotApplicable();
    void markNotApplicable(const QString &itemId);
    void markOpen();
    void applyStatusFilter();
    void fitColumns();
    QAction *addTreeAction(const QString &text, const QKeySequence &shortcut, void (ChecklistView::*slot)());

    std::unique_ptr<Ui::ChecklistView> ui;
    ChecklistModel *m_model;
    ChecklistFilterModel *m_filter;
    ProjectSession *m_session = nullptr;
};

} // namespace preflight::gui
