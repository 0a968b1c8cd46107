#pragma once

#include "ProjectSession.h"

#include <QTimer>
#include <QWidget>

#include <memory>
#include <set>

namespace Ui {
class ItemDetailsPane;
}

namespace preflight::gui {

// Details of the checklist item under the cursor: status buttons, owner, evidence link and a
// Markdown note with a rendered preview. Typing is written to the store after a short pause or
// when focus leaves the field; the pause keeps the audit trail to one row per burst of typing,
// and the undo commands merge the bursts of one field into one step.
class ItemDetailsPane : public QWidget
{
    Q_OBJECT

public:
    explicit ItemDetailsPane(QWidget *parent = nullptr);
    ~ItemDetailsPane() override;

    void setSession(ProjectSession *session);
    void showItem(const QString &itemId); // empty: nothing selected
    const QString &itemId() const { return m_itemId; }
    void commitPendingEdits();

signals:
    void notApplicableRequested(const QString &itemId);

private:
    void refresh();
    void edited(ItemTextField field);
    void setFieldText(ItemTextField field, const QString &text);
    QString fieldText(ItemTextField field) const;
    bool isEditable() const;
    void updateEvidenceLink();
    void showRecheck();

    std::unique_ptr<Ui::ItemDetailsPane> ui;
    ProjectSession *m_session = nullptr;
    QString m_itemId;
    QTimer m_commitTimer;
    std::set<ItemTextField> m_dirty;
};

} // namespace preflight::gui
