#pragma once

#include "model/AuditKey.h"
#include "model/Profile.h"
#include "model/Template.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace preflight {

enum class ItemStatus { Open, Done, NotApplicable };
QString itemStatusKey(ItemStatus status); // "open", "done", "na"
std::optional<ItemStatus> itemStatusFromKey(const QString &key);

enum class RiskStatus { Open, Mitigated, Accepted, Closed };
QString riskStatusKey(RiskStatus status); // "open", "mitigated", "accepted", "closed"
std::optional<RiskStatus> riskStatusFromKey(const QString &key);

enum class Decision { Approve, ApproveWithRisks, Reject };
QString decisionKey(Decision decision); // "approve", "approve-with-risks", "reject"
std::optional<Decision> decisionFromKey(const QString &key);

struct Project
{
    qint64 id = 0;
    QString name; // unique within a database
    QString description;
    QString templateId;
    QString templateVersion; // pinned at creation
    std::optional<QDate> targetDate;
    std::optional<QDate> actualDate;
    QString notes; // Markdown
    QDateTime created;
    QDateTime updated;
    bool archived = false;
    bool requireSignatures = false; // every sign-off must carry an SSH signature
    Profile profile; // the template tags that apply (model/Profile.h); sorted; nullopt: every item applies
};

// The state of one checklist or manual summary item. Items never touched have no row and
// read as Open with empty fields.
struct ItemState
{
    QString itemId;
    ItemStatus status = ItemStatus::Open;
    QString reason; // required when status is NotApplicable
    QString note; // Markdown
    QString owner;
    QString evidence; // URL
    QString changedBy;
    QDateTime changedAt;
};

struct Risk
{
    qint64 id = 0;
    QString title;
    Severity severity = Severity::Medium;
    QString mitigation;
    QString owner;
    RiskStatus status = RiskStatus::Open;
    QStringList linkedItems; // template item ids
    QString acceptedBy;
    std::optional<QDate> acceptedUntil; // past this date an accepted risk counts as open again
    QDateTime created;
    QDateTime updated;

    // Accepted risks whose acceptance expired before `today` are treated as open.
    RiskStatus effectiveStatus(const QDate &today) const;
};

struct SignOff
{
    QString role; // one of the template's signoffRoles
    QString name;
    Decision decision = Decision::Approve;
    QString comment;
    QDateTime date;
    QString stateDigest; // ProjectState::reviewDigest() when signed
    int changesSince = 0; // review changes (items, risks) audited after `date`; filled by Store::loadState
    // Set when the sign-off was signed with an SSH key (see signing/SignOffStatement.h): the exact
    // statement text signed, the armored `ssh-keygen -Y sign` signature, and the key's SHA256 fingerprint.
    QString statement;
    QString signature;
    QString keyFingerprint;
    QString login; // on a team server: the login that gave it (the name is what they typed); else empty
    qint64 auditSeq = 0; // the audit row that recorded this sign-off; 0 when not known
};

struct AuditEntry
{
    qint64 seq = 0;
    QDateTime time;
    QString actor;
    qint64 projectId = 0;
    AuditKey key; // what changed; stored as key.toString()
    QString oldValue;
    QString newValue;
    QString hash; // hex SHA-256 over this row's content and the previous row's hash
};

// An answer a template migration flagged "wording changed — re-check": it was given against
// `oldText`, which version `sinceVersion` reworded. Cleared when someone confirms it.
struct Recheck
{
    QString oldText;
    QString sinceVersion;
    bool operator==(const Recheck &other) const = default;
};

// An answer a template migration took out of the review because the new version removed its
// item. The audit trail keeps it; reports list it so nothing answered disappears unseen.
struct RemovedAnswer
{
    ItemState answer; // changedBy and changedAt: who migrated, and when
    QString itemText; // the item's wording in `fromVersion`
    QString fromVersion;
    QString toVersion; // the version that removed the item
};

struct ProjectState
{
    Project project;
    std::map<QString, ItemState> items; // only items that have a row
    std::vector<Risk> risks;
    std::vector<SignOff> signoffs; // latest sign-off per role
    // Answers flagged by a migration, by item id. Not part of reviewDigest(): confirming one
    // does not stale a sign-off (the migration that flagged it already did).
    std::map<QString, Recheck> rechecks;

    ItemState itemState(const QString &itemId) const; // Open default when absent
    // itemState(itemId).status without copying the state: scoring asks this of every item.
    ItemStatus itemStatus(const QString &itemId) const;

    // SHA-256 (hex) over item states, risks and the profile (when there is one): what a sign-off
    // approves. Sign-offs, notes and timestamps are left out so that signing does not stale the
    // other sign-offs.
    QString reviewDigest() const;
};

} // namespace preflight
