#include "storage/StoreRows.h"

#include "storage/TimeFormat.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace preflight::rows {

namespace {

QStringList linksFromText(const QString &text)
{
    QStringList links;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const auto &value : array)
        links << value.toString();
    return links;
}

} // namespace

Project readProject(const sql::Statement &row)
{
    Project project;
    project.id = row.integer(0);
    project.name = row.text(1);
    project.description = row.text(2);
    project.templateId = row.text(3);
    project.templateVersion = row.text(4);
    project.targetDate = parseDate(row.optionalText(5));
    project.actualDate = parseDate(row.optionalText(6));
    project.notes = row.text(7);
    project.created = parseTime(row.text(8));
    project.updated = parseTime(row.text(9));
    project.archived = row.integer(10) != 0;
    project.requireSignatures = row.integer(11) != 0;
    // NULL: no profile. Otherwise the sorted tags joined by commas; '' is the empty profile.
    if (const std::optional<QString> profile = row.optionalText(12))
        project.profile = profile->isEmpty() ? QStringList() : profile->split(QLatin1Char(','));
    return project;
}

ItemState readItem(const sql::Statement &row)
{
    ItemState state;
    state.itemId = row.text(0);
    state.status = itemStatusFromKey(row.text(1)).value_or(ItemStatus::Open);
    state.reason = row.text(2);
    state.note = row.text(3);
    state.owner = row.text(4);
    state.evidence = row.text(5);
    state.changedBy = row.text(6);
    state.changedAt = parseTime(row.text(7));
    return state;
}

Risk readRisk(const sql::Statement &row)
{
    Risk risk;
    risk.id = row.integer(0);
    risk.title = row.text(1);
    risk.severity = severityFromKey(row.text(2)).value_or(Severity::Medium);
    risk.mitigation = row.text(3);
    risk.owner = row.text(4);
    risk.status = riskStatusFromKey(row.text(5)).value_or(RiskStatus::Open);
    risk.linkedItems = linksFromText(row.text(6));
    risk.acceptedBy = row.text(7);
    risk.acceptedUntil = parseDate(row.optionalText(8));
    risk.created = parseTime(row.text(9));
    risk.updated = parseTime(row.text(10));
    return risk;
}

SignOff readSignOff(const sql::Statement &row)
{
    SignOff signoff;
    signoff.role = row.text(0);
    signoff.name = row.text(1);
    signoff.decision = decisionFromKey(row.text(2)).value_or(Decision::Reject);
    signoff.comment = row.text(3);
    signoff.date = parseTime(row.text(4));
    signoff.stateDigest = row.text(5);
    signoff.statement = row.text(6);
    signoff.signature = row.text(7);
    signoff.keyFingerprint = row.text(8);
    signoff.auditSeq = row.integer(9);
    signoff.login = row.text(10);
    return signoff;
}

} // namespace preflight::rows
