#pragma once

#include <QString>

#include <optional>

namespace preflight {

enum class AuditSubject { Project, Item, Risk, SignOff, Other };
QString auditSubjectKey(AuditSubject subject); // "project", "item", "risk", "signoff", "other"

// What one audit row changed: the subject, which one of it and which field. Stored in the audit
// table's `what` column as text and hashed in that form, so toString() must give back exactly the
// text a row was written with; parse() and toString() are inverse for every string:
//   project:<field>              e.g. project:targetDate, project:deleted
//   item:<item id>:<field>       e.g. item:security.secrets.scanned:status
//   risk:<risk id>:<field>       e.g. risk:3:status, risk:3:deleted
//   signoff:<role>               the whole sign-off as one value
// Text in none of these forms (a row written by a later version) parses as Other and keeps the
// whole text as its id.
struct AuditKey
{
    AuditSubject subject = AuditSubject::Other;
    QString id; // item id, risk id, role; empty for the project
    QString field; // "status", "title", ...; empty for sign-offs

    static AuditKey project(const QString &field);
    static AuditKey item(const QString &itemId, const QString &field);
    static AuditKey risk(qint64 riskId, const QString &field);
    static AuditKey signOff(const QString &role);
    static AuditKey parse(const QString &stored);
    // parse(stored).subject without building the key, for scans over many rows.
    static AuditSubject subjectOf(QStringView stored);

    QString toString() const;

    // Item and risk changes are what a sign-off approves: each one after it makes it stale.
    bool isReviewChange() const { return isReviewChange(subject); }
    static bool isReviewChange(AuditSubject subject)
    {
        return subject == AuditSubject::Item || subject == AuditSubject::Risk;
    }
    std::optional<qint64> riskId() const; // for risk keys

    bool operator==(const AuditKey &other) const = default;
};

// Field names the store writes. A field removed by a delete is recorded as `deleted`.
namespace auditfield {
inline constexpr const char *status = "status";
inline constexpr const char *deleted = "deleted";
} // namespace auditfield

} // namespace preflight
