#pragma once

#include "model/Project.h"

#include <QDateTime>

#include <map>
#include <optional>
#include <vector>

namespace preflight {

// Rebuilds a project's review as it stood at any moment from its audit trail alone. Every store
// write appends one row per changed field in the same transaction (StoreProjects.cpp,
// StoreReview.cpp, StoreSignOffs.cpp), so applying the rows in seq order passes through exactly
// the states the database held: replaying to now gives Store::loadState field by field.
//
// Rows are applied in seq (commit) order. Replaying "to time T" applies the rows up to the first
// one stamped after T: two processes' clocks may disagree by a little, and a prefix of the trail
// is always a state the database really held, which a time filter would not guarantee.
class ReviewReplay
{
public:
    // `project` supplies what the trail does not hold: the id, and the template for a project
    // whose creation predates the audited template key.
    explicit ReviewReplay(const Project &project);

    void apply(const AuditEntry &entry);
    // Applies the rows of `history` (in seq order) from `next` up to `until`; returns the index of
    // the first row left unapplied, so one pass can stop at several moments.
    std::size_t applyUntil(const std::vector<AuditEntry> &history, std::size_t next, const QDateTime &until);

    // The review as loadState would have returned it after the rows applied so far.
    ProjectState state() const;
    bool created() const { return m_created; } // false before the project's first row
    bool deleted() const { return m_deleted; }
    const AuditEntry *lastEntry() const { return m_last ? &*m_last : nullptr; }

private:
    void applyProject(const AuditEntry &entry);
    void applyItem(const AuditEntry &entry);
    void applyRisk(const AuditEntry &entry);
    void applySignOff(const AuditEntry &entry);

    Project m_project;
    std::map<QString, ItemState> m_items;
    std::map<qint64, Risk> m_risks;
    struct Signed
    {
        SignOff signoff;
        int reviewRowsBefore = 0; // m_reviewRows when it was signed
    };
    std::map<QString, Signed> m_signoffs; // by role, so state() lists them in role order
    int m_reviewRows = 0; // item and risk rows applied: a sign-off's changesSince is the growth
    bool m_created = false;
    bool m_deleted = false;
    std::optional<AuditEntry> m_last;
};

// The review at `at` (rows stamped at or before it), from the project's audit trail.
ProjectState replayState(const Project &project, const std::vector<AuditEntry> &history, const QDateTime &at);

// A sign-off's audit value, "<decision> by <name>[ (signed, <fingerprint>)][: <comment>]", back
// into its parts. A name holding ": " cannot be told from a comment; the store's own wording
// makes that the only case.
std::optional<SignOff> parseSignOffText(const QString &role, const QString &text);

// The trail keeps a signed sign-off's key fingerprint but not its signature. A replayed sign-off
// that is still the stored one (`stored`: Store::loadState, matched by audit row) gets the
// stored statement, signature, date and login, so a replayed report can show and check it; one
// replaced since keeps the fingerprint alone.
void attachStoredSignatures(ProjectState &replayed, const ProjectState &stored);
// On a server the audit trail's actor is the login the server authenticated: a replayed
// sign-off without a login (one replaced since) gets its audit row's. Not for a file, whose
// actor is whatever --actor said.
void attachAuditLogins(ProjectState &replayed, const std::vector<AuditEntry> &history);

} // namespace preflight
