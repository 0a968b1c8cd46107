// diff and compare: what changed in a review since a date, or between two reviews of one template
#include "cli/Context.h"
#include "export/ReportInput.h"
#include "history/DiffJson.h"
#include "history/ReviewDiff.h"
#include "scoring/StatusJson.h"
#include "storage/Store.h"

#include <cmath>

namespace preflight::cli {

namespace {

QString deltaText(const ScoreDelta &delta)
{
    QString text = scoreText(delta.before) + QStringLiteral(" -> ") + scoreText(delta.after);
    if (const auto moved = delta.delta(); moved && std::round(*moved * 10) != 0)
        text += QStringLiteral(" (%1%2)").arg(*moved > 0 ? QStringLiteral("+") : QString()).arg(*moved, 0, 'f', 1);
    return text;
}

QString itemChangeText(const ItemChange &change)
{
    QStringList what;
    if (change.statusChanged())
        what << QStringLiteral("%1 -> %2").arg(itemStatusKey(change.before.status), itemStatusKey(change.after.status));
    if (change.noteChanged())
        what << QStringLiteral("note");
    if (change.evidenceChanged())
        what << QStringLiteral("evidence");
    if (change.ownerChanged())
        what << QStringLiteral("owner %1").arg(change.after.owner.isEmpty() ? QStringLiteral("-") : change.after.owner);
    if (change.reasonChanged())
        what << QStringLiteral("reason");
    return what.join(QStringLiteral(", "));
}

void printDiff(QTextStream &out, const ReviewDiff &diff)
{
    printTable(out,
               { { QStringLiteral("Verdict"),
                   QStringLiteral("%1 -> %2").arg(verdictKey(diff.verdictBefore), verdictKey(diff.verdictAfter)) },
                 { QStringLiteral("Score"), deltaText(diff.overall) } });
    if (!diff.hasChanges()) {
        out << "\nNo changes.\n";
        return;
    }
    std::vector<QStringList> rows;
    for (const ScoreDelta &delta : diff.categories) {
        if (delta.before != delta.after)
            rows.push_back({ delta.title, severityKey(delta.severity), deltaText(delta) });
    }
    if (!rows.empty()) {
        out << "\nCategories\n";
        printTable(out, rows, QStringLiteral("  "));
    }
    if (!diff.items.empty()) {
        out << "\nItems (" << diff.items.size() << ")\n";
        rows.clear();
        for (const ItemChange &change : diff.items)
            rows.push_back({ change.itemId, itemChangeText(change),
                             QStringLiteral("%1, %2").arg(change.after.changedBy.isEmpty() ? QStringLiteral("-")
                                                                                           : change.after.changedBy,
                                                          formatTime(change.after.changedAt)) });
        printTable(out, rows, QStringLiteral("  "));
    }
    if (!diff.risks.empty()) {
        out << "\nRisks (" << diff.risks.size() << ")\n";
        rows.clear();
        for (const RiskChange &change : diff.risks)
            rows.push_back({ riskLabel(change.risk()), riskChangeKindKey(change.kind),
                             severityKey(change.risk().severity), change.risk().title });
        printTable(out, rows, QStringLiteral("  "));
    }
    if (!diff.signoffs.empty()) {
        out << "\nSign-offs (" << diff.signoffs.size() << ")\n";
        rows.clear();
        for (const SignOffChange &change : diff.signoffs)
            rows.push_back({ change.role, signOffChangeKindKey(change.kind),
                             QStringLiteral("%1 by %2, %3")
                                 .arg(decisionKey(change.signoff.decision), change.signoff.name,
                                      formatTime(change.signoff.date)) });
        printTable(out, rows, QStringLiteral("  "));
    }
}

std::optional<QString> eitherValue(Context &context, const char *name, const char *synonym)
{
    const auto value = context.optionalValue(QLatin1String(name));
    const auto other = context.optionalValue(QLatin1String(synonym));
    if (value && other)
        throw usageError(QStringLiteral("--%1 and --%2 are the same option; give one")
                             .arg(QLatin1String(name), QLatin1String(synonym)));
    return value ? value : other;
}

int showDiff(Context &context)
{
    const auto sinceText = eitherValue(context, "since", "from");
    if (!sinceText)
        throw usageError(QStringLiteral("diff needs --since DATE (or --from DATE)\n%1").arg(context.usage()));
    const QDateTime since = parseMoment(*sinceText, QStringLiteral("--since"), DayEdge::Start);
    const auto untilText = eitherValue(context, "until", "to");
    const QDateTime until = untilText ? parseMoment(*untilText, QStringLiteral("--until"), DayEdge::End)
                                      : QDateTime::currentDateTimeUtc();
    if (until < since)
        throw usageError(QStringLiteral("--until %1 is before --since %2").arg(*untilText, *sinceText));

    const Project project = context.project(context.arg(0));
    const auto templateOf
        = [&context](const Project &then) { return resolveTemplate(context.store(), context.templates(), then); };
    const ReviewDiffOverTime result
        = diffOverTime(templateOf, project, context.store().history(project.id), since, until);
    if (context.json()) {
        nlohmann::json body = reviewDiffJson(result.diff, until.toLocalTime().date());
        body["project"] = toJson(project.name);
        body["since"] = toJson(since);
        body["until"] = toJson(until);
        context.printJson(document(DiffSchema, body));
        return Success;
    }
    context.out() << project.name << ": changes from " << formatTime(since) << " to " << formatTime(until) << "\n\n";
    printDiff(context.out(), result.diff);
    return Success;
}

int showComparison(Context &context)
{
    const Review before = context.review(context.arg(0));
    const Review after = context.review(context.arg(1));
    if (before.tmpl->id != after.tmpl->id)
        throw usageError(QStringLiteral("cannot compare \"%1\" (template %2) with \"%3\" (template %4): "
                                        "compare needs two reviews of one template")
                             .arg(before.project.name, before.tmpl->id, after.project.name, after.tmpl->id));
    const ReviewDiff diff = diffReviews({ *before.tmpl, before.state, before.today },
                                        { *after.tmpl, after.state, after.today }, RiskMatch::ByTitle);
    if (context.json()) {
        nlohmann::json body = reviewDiffJson(diff, after.today);
        body["before"] = { { "project", toJson(before.project.name) }, { "version", toJson(before.tmpl->version) } };
        body["after"] = { { "project", toJson(after.project.name) }, { "version", toJson(after.tmpl->version) } };
        context.printJson(document(CompareSchema, body));
        return Success;
    }
    context.out() << before.project.name << " -> " << after.project.name << " (" << after.tmpl->id << ")\n\n";
    printDiff(context.out(), diff);
    return Success;
}

const CommandGroup historyCommands { {
    { { QStringLiteral("diff") },
      QStringLiteral("PROJECT --since DATE [--until DATE] [--json]"),
      QStringLiteral("What changed in a review between two moments, replayed from the audit trail"),
      { makeOption("since", "Start: YYYY-MM-DD (start of that day) or an ISO 8601 date-time.", "DATE"),
        makeOption("from", "The same as --since.", "DATE"),
        makeOption("until", "End: YYYY-MM-DD (end of that day) or an ISO 8601 date-time (default: now).", "DATE"),
        makeOption("to", "The same as --until.", "DATE") },
      1,
      1,
      &showDiff },
    { { QStringLiteral("compare") },
      QStringLiteral("PROJECT_A PROJECT_B [--json]"),
      QStringLiteral("What differs between two reviews of one template (A before, B after)"),
      {},
      2,
      2,
      &showComparison },
} };

} // namespace

} // namespace preflight::cli
