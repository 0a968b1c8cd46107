#include "scoring/StatusJson.h"

#include "scoring/Wording.h"

#include <QTimeZone>

#include <cmath>

using nlohmann::json;

namespace preflight {

json toJson(const QString &text)
{
    return text.toStdString();
}

json toJson(const QStringList &texts)
{
    json array = json::array();
    for (const QString &text : texts)
        array.push_back(toJson(text));
    return array;
}

json toJson(const std::optional<QDate> &date)
{
    if (!date || !date->isValid())
        return nullptr;
    return date->toString(Qt::ISODate).toStdString();
}

json toJson(const QDateTime &time)
{
    if (!time.isValid())
        return nullptr;
    return time.toUTC().toString(Qt::ISODate).toStdString();
}

json scoreJson(const std::optional<double> &score)
{
    // One decimal is what people read; rounding here keeps scripts and screens agreeing.
    if (!score)
        return nullptr;
    return std::round(*score * 10.0) / 10.0;
}

json shortfallsJson(const std::vector<Shortfall> &shortfalls)
{
    json list = json::array();
    for (const Shortfall &shortfall : shortfalls)
        list.push_back({ { "kind", toJson(shortfallKindKey(shortfall.kind)) },
                         { "severity", shortfall.severity ? toJson(severityKey(*shortfall.severity)) : json(nullptr) },
                         { "count", shortfall.count },
                         { "items", toJson(shortfall.items) } });
    return list;
}

json projectJson(const Project &project)
{
    return { { "name", toJson(project.name) },
             { "description", toJson(project.description) },
             { "template", { { "id", toJson(project.templateId) }, { "version", toJson(project.templateVersion) } } },
             { "target_date", toJson(project.targetDate) },
             { "actual_date", toJson(project.actualDate) },
             { "archived", project.archived },
             { "require_signatures", project.requireSignatures },
             { "profile", project.profile ? toJson(*project.profile) : json(nullptr) },
             { "created", toJson(project.created) },
             { "updated", toJson(project.updated) } };
}

json riskJson(const Risk &risk, const QDate &today)
{
    return { { "id", risk.id },
             { "title", toJson(risk.title) },
             { "severity", toJson(severityKey(risk.severity)) },
             { "status", toJson(riskStatusKey(risk.status)) },
             { "effective_status", toJson(riskStatusKey(risk.effectiveStatus(today))) },
             { "mitigation", toJson(risk.mitigation) },
             { "owner", toJson(risk.owner) },
             { "linked_items", toJson(risk.linkedItems) },
             { "accepted_by", risk.acceptedBy.isEmpty() ? json(nullptr) : toJson(risk.acceptedBy) },
             { "accepted_until", toJson(risk.acceptedUntil) } };
}

namespace {

json countsJson(const Counts &counts)
{
    return { { "done", counts.done },
             { "na", counts.na },
             { "open", counts.open },
             { "total", counts.total() },
             { "outside_profile", counts.outsideProfile } };
}

json categoriesJson(const Template &tmpl, const Assessment &assessment)
{
    json categories = json::array();
    for (const CategoryScore &score : assessment.categories) {
        double weight = defaultWeight(score.severity);
        for (const Category &category : tmpl.categories) {
            if (category.id == score.id)
                weight = category.weight.value_or(weight);
        }
        categories.push_back({ { "id", toJson(score.id) },
                               { "title", toJson(score.title) },
                               { "severity", toJson(severityKey(score.severity)) },
                               { "weight", weight },
                               { "done", score.counts.done },
                               { "na", score.counts.na },
                               { "open", score.counts.open },
                               { "outside_profile", score.counts.outsideProfile },
                               { "score", scoreJson(score.score) } });
    }
    return categories;
}

json summaryJson(const Assessment &assessment)
{
    json summary = json::array();
    for (const SummaryResult &result : assessment.summary)
        summary.push_back({ { "id", toJson(result.id) },
                            { "group", toJson(result.groupId) },
                            { "text", toJson(result.text) },
                            { "met", result.met },
                            { "computed", result.computed },
                            { "reason", toJson(summaryReasonText(result)) },
                            { "shortfalls", shortfallsJson(result.shortfalls) } });
    return summary;
}

json signoffsJson(const Assessment &assessment)
{
    json signoffs = json::array();
    for (const SignOffStatus &status : assessment.signoffs) {
        const std::optional<SignOff> &s = status.signoff;
        signoffs.push_back(
            { { "role", toJson(status.role) },
              { "name", s ? toJson(s->name) : json(nullptr) },
              { "decision", s ? toJson(decisionKey(s->decision)) : json(nullptr) },
              { "comment", s ? toJson(s->comment) : json(nullptr) },
              { "date", s ? toJson(s->date) : json(nullptr) },
              { "stale", status.stale },
              { "changes_since", s ? json(s->changesSince) : json(nullptr) },
              { "counts", status.counts },
              { "standing", toJson(signOffStandingKey(status.standing)) },
              // Added with signing and server roles: null when not signed with a key,
              // and when no server login is recorded (a file).
              { "key_fingerprint", s && !s->keyFingerprint.isEmpty() ? toJson(s->keyFingerprint) : json(nullptr) },
              { "login", s && !s->login.isEmpty() ? toJson(s->login) : json(nullptr) } });
    }
    return signoffs;
}

json actionsJson(const Assessment &assessment)
{
    json actions = json::array();
    for (const Action &action : assessment.actions)
        actions.push_back({ { "kind", toJson(action.kind) },
                            { "id", toJson(action.id) },
                            { "text", toJson(action.text) },
                            { "severity", toJson(severityKey(action.severity)) },
                            { "category", action.categoryId.isEmpty() ? json(nullptr) : toJson(action.categoryId) } });
    return actions;
}

} // namespace

json statusJson(const Template &tmpl, const ProjectState &state, const Assessment &assessment, const QDate &today)
{
    json bySeverity = json::object();
    for (const auto &[severity, counts] : assessment.bySeverity)
        bySeverity[severityKey(severity).toStdString()] = countsJson(counts);
    json riskList = json::array();
    for (const Risk &risk : state.risks)
        riskList.push_back(riskJson(risk, today));

    return { { "schema", StatusSchema },
             { "as_of", toJson(std::optional<QDate>(today)) },
             { "project", projectJson(state.project) },
             { "template",
               { { "id", toJson(tmpl.id) }, { "version", toJson(tmpl.version) }, { "title", toJson(tmpl.title) } } },
             { "verdict", toJson(verdictKey(assessment.verdict)) },
             { "verdict_label", toJson(verdictLabel(tmpl, assessment.verdict)) },
             { "verdict_reasons", toJson(verdictReasonTexts(assessment)) },
             { "verdict_shortfalls", shortfallsJson(assessment.verdictShortfalls) },
             { "score", scoreJson(assessment.score) },
             { "counts", countsJson(assessment.counts) },
             { "by_severity", bySeverity },
             { "categories", categoriesJson(tmpl, assessment) },
             { "summary", summaryJson(assessment) },
             { "risks",
               { { "open_high_or_critical", assessment.openHighOrCriticalRisks },
                 { "accepted", assessment.acceptedRisks },
                 { "items", riskList } } },
             { "signoffs", signoffsJson(assessment) },
             { "signed_off", assessment.signedOff },
             { "actions", actionsJson(assessment) },
             // N/A by the profile, not by hand; their stored answers are kept for when it changes.
             { "outside_profile", toJson(outsideProfileIds(tmpl, assessment)) } };
}

} // namespace preflight
