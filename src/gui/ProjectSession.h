#pragma once

#include "model/Project.h"
#include "model/Template.h"
#include "scoring/Assessment.h"
#include "storage/Store.h"
#include "templates/MigrationPlan.h"

#include <QObject>
#include <QUndoStack>
#include <QVariant>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace preflight::gui {

enum class ItemTextField { Note, Owner, Evidence };
enum class RiskField { Title, Severity, Mitigation, Owner, Status, AcceptedUntil, LinkedItems };

// One open project: the document of the GUI. It owns the project's undo stack, holds the last
// state read from the store and its Assessment (the GUI shows only what assess() computes), and
// tells the views when either changed. Every edit is an undo command whose redo/undo write
// through the Store at once, so there is nothing to save.
class ProjectSession : public QObject
{
    Q_OBJECT

public:
    ProjectSession(Store &store, std::shared_ptr<const Template> tmpl, qint64 projectId, QObject *parent = nullptr);

    Store &store() const { return m_store; }
    const Template &tmpl() const { return *m_template; }
    std::shared_ptr<const Template> sharedTemplate() const { return m_template; }
    qint64 projectId() const { return m_projectId; }
    const ProjectState &state() const { return m_state; }
    const Assessment &assessment() const { return m_assessment; }
    QUndoStack *undoStack() { return &m_undoStack; }
    // What the login may do, asked once when the project opens: on a team server the views
    // offer only what the database would accept (README.md, "Roles on a team server").
    const Store::Permissions &permissions() const { return m_permissions; }
    bool mayReview() const { return m_permissions.review; }
    static QString reviewRoleNeeded(); // the tooltip of what a reader may not do

    void setItemStatus(const QString &itemId, ItemStatus status, const QString &reason = {});
    void setItemText(const QString &itemId, ItemTextField field, const QString &text);
    void addRisk(const Risk &risk);
    void editRisk(qint64 riskId, RiskField field, const QVariant &value);
    void removeRisk(qint64 riskId);
    void signOff(const SignOff &signoff);
    // A signed sign-off in the store's two steps (Store::prepareSignedSignOff and
    // recordSignedSignOff), so the window signs in between without waiting on the key.
    // prepare throws the store's refusal; record writes the signed sign-off as one undo step
    // and returns a refusal (a review changed while signing) instead of reporting it: nothing
    // was written then.
    SignOff prepareSignedSignOff(const SignOff &signoff) const;
    std::optional<QString> recordSignedSignOff(const SignOff &signedSignOff);
    void clearSignOff(const QString &role);
    void rename(const QString &name);
    void setArchived(bool archived);
    // Clears "wording changed — re-check" flags (as `project confirm`), one undo step.
    void confirmWording(const QStringList &itemIds);
    // Moves the project to `to`, another version of its template, as the plan says (as
    // `project migrate --apply`): one undo step that brings everything back.
    void migrate(std::shared_ptr<const Template> to, const MigrationPlan &plan);
    void setProfile(const Profile &profile);

    const Risk *findRisk(qint64 riskId) const;

    // Re-reads the project from the store and re-assesses it. Commands call it after writing;
    // the workspace calls it when another process changed the database.
    void reload();

    void reportError(const Error &error);

    // Edits that failed because the server connection was lost, kept in order so that they can
    // be tried again once it is back instead of being silently dropped.
    int failedEditCount() const { return int(m_failedEdits.size()); }
    void retryFailedEdits();

signals:
    // The project moved to another template version (a migration, its undo, another process):
    // the checklist's shape changed. Emitted before stateChanged, while the old template lives.
    void templateChanged();
    void stateChanged();
    void errorOccurred(const QString &message);
    void connectionLost(const QString &message); // a call failed for want of the team server
    void failedEditsChanged();

private:
    // Runs one user edit; when it fails for want of the server, keeps it for retryFailedEdits().
    void attempt(std::function<void()> edit);

    Store &m_store;
    std::shared_ptr<const Template> m_template; // the exact version the project uses
    qint64 m_projectId;
    ProjectState m_state;
    Assessment m_assessment;
    Store::Permissions m_permissions;
    QUndoStack m_undoStack;
    std::vector<std::function<void()>> m_failedEdits;
    bool m_attempting = false;
    bool m_connectionLostDuringEdit = false;
};

} // namespace preflight::gui
