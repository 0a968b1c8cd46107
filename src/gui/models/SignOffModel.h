#pragma once

#include "model/Project.h"

#include <QAbstractTableModel>

#include <map>

namespace preflight::gui {

class ProjectSession;

// One row per sign-off role of the template, in template order, straight from the Assessment:
// who signed, their decision, and whether the signature still counts or has gone stale; for a
// sign-off signed with an SSH key, the key's fingerprint and what checking the signature found.
class SignOffModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        RoleColumn,
        NameColumn,
        DecisionColumn,
        CommentColumn,
        DateColumn,
        StateColumn,
        SignatureColumn,
        ColumnCount
    };
    enum Role {
        RoleNameRole = Qt::UserRole + 1,
        SignedRole,
        StaleRole,
        StandingRole, // SignOffStanding as int
        // ssh::resultKey() of the check ("unsigned", "good", "bad", "unknown-key"), or
        // "unchecked" when ssh-keygen could not check it
        SignatureResultRole
    };

    explicit SignOffModel(QObject *parent = nullptr);
    void setSession(ProjectSession *session);
    // git's allowed-signers file that says whose keys are trusted; empty: none, and an intact
    // signature reads as an unknown key.
    void setAllowedSigners(const QString &path);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refresh();
    QVariant stateText(int row, int role) const;
    QVariant signatureData(int row, int role) const;
    struct Checked
    {
        QString result; // as SignatureResultRole
        QString detail;
    };
    const Checked &checked(const SignOff &signoff) const;

    ProjectSession *m_session = nullptr;
    int m_rowCount = 0;
    QString m_allowedSigners;
    // ssh-keygen runs once per signature and statement, not on every repaint.
    mutable std::map<QString, Checked> m_checked;
};

} // namespace preflight::gui
