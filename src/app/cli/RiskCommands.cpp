// risk add|set|remove, risks
#include "cli/Context.h"
#include "scoring/StatusJson.h"
#include "storage/Store.h"

#include <algorithm>

namespace preflight::cli {

namespace {

QStringList linkedItems(Context &context, const Template &tmpl)
{
    const QStringList ids = context.values(QStringLiteral("link"));
    for (const QString &id : ids) {
        if (!tmpl.findItem(id))
            throw dataError(
                QStringLiteral("--link: unknown item \"%1\" in template %2 %3").arg(id, tmpl.id, tmpl.version));
    }
    return ids;
}

void report(Context &context, const Project &project, const Risk &risk, const QString &verb)
{
    if (context.json()) {
        context.printJson(document(
            "preflight.risk/1", { { "project", toJson(project.name) }, { "risk", riskJson(risk, context.today()) } }));
        return;
    }
    context.out() << verb << " risk " << risk.id << " of \"" << project.name << "\": " << risk.title << " ("
                  << severityKey(risk.severity) << ", " << riskStatusKey(risk.status) << ")\n";
}

int addRisk(Context &context)
{
    const Project project = context.project(context.arg(0));
    const Template &tmpl = context.templateOf(project);
    Risk risk;
    risk.title = context.requiredValue(QStringLiteral("title")).trimmed();
    if (risk.title.isEmpty())
        throw usageError(QStringLiteral("--title must not be empty"));
    risk.severity = parseSeverity(context.requiredValue(QStringLiteral("severity")), QStringLiteral("--severity"));
    risk.mitigation = context.value(QStringLiteral("mitigation"));
    risk.owner = context.value(QStringLiteral("owner"));
    if (const auto status = context.optionalValue(QStringLiteral("status")))
        risk.status = parseRiskStatus(*status, QStringLiteral("--status"));
    if (const auto until = context.optionalValue(QStringLiteral("accepted-until")))
        risk.acceptedUntil = parseOptionalDate(*until, QStringLiteral("--accepted-until"));
    if (risk.status == RiskStatus::Accepted)
        risk.acceptedBy = context.actor();
    risk.linkedItems = linkedItems(context, tmpl);
    report(context, project, context.store().addRisk(project.id, risk), QStringLiteral("Added"));
    return Success;
}

const Risk &findRisk(const ProjectState &state, qint64 riskId)
{
    const auto it = std::find_if(state.risks.begin(), state.risks.end(), [&](const Risk &r) { return r.id == riskId; });
    if (it == state.risks.end())
        throw dataError(QStringLiteral("project \"%1\" has no risk %2 (`preflight risks %1` lists them)")
                            .arg(state.project.name)
                            .arg(riskId));
    return *it;
}

int setRisk(Context &context)
{
    const Project project = context.project(context.arg(0));
    const qint64 riskId = parseId(context.arg(1), QStringLiteral("RISK_ID"));
    const ProjectState state = context.store().loadState(project.id);
    findRisk(state, riskId);

    Store::RiskPatch patch;
    if (const auto title = context.optionalValue(QStringLiteral("title"))) {
        if (title->trimmed().isEmpty())
            throw usageError(QStringLiteral("--title must not be empty"));
        patch.title = title->trimmed();
    }
    if (const auto severity = context.optionalValue(QStringLiteral("severity")))
        patch.severity = parseSeverity(*severity, QStringLiteral("--severity"));
    if (const auto status = context.optionalValue(QStringLiteral("status"))) {
        patch.status = parseRiskStatus(*status, QStringLiteral("--status"));
        if (*patch.status == RiskStatus::Accepted)
            patch.acceptedBy = context.actor();
    }
    if (const auto until = context.optionalValue(QStringLiteral("accepted-until")))
        patch.acceptedUntil = parseOptionalDate(*until, QStringLiteral("--accepted-until"));
    patch.mitigation = context.optionalValue(QStringLiteral("mitigation"));
    patch.owner = context.optionalValue(QStringLiteral("owner"));
    if (context.isSet(QStringLiteral("link")))
        patch.linkedItems = linkedItems(context, context.templateOf(project));
    if (!patch.title && !patch.severity && !patch.status && !patch.acceptedUntil && !patch.mitigation && !patch.owner
        && !patch.linkedItems)
        throw usageError(QStringLiteral("nothing to change\n%1").arg(context.usage()));
    report(context, project, context.store().updateRisk(project.id, riskId, patch), QStringLiteral("Updated"));
    return Success;
}

int removeRisk(Context &context)
{
    const Project project = context.project(context.arg(0));
    const qint64 riskId = parseId(context.arg(1), QStringLiteral("RISK_ID"));
    const Risk risk = findRisk(context.store().loadState(project.id), riskId);
    context.store().removeRisk(project.id, riskId);
    report(context, project, risk, QStringLiteral("Removed"));
    return Success;
}

int listRisks(Context &context)
{
    const Project project = context.project(context.arg(0));
    const ProjectState state = context.store().loadState(project.id);
    const QDate today = context.today();
    if (context.json()) {
        nlohmann::json list = nlohmann::json::array();
        for (const Risk &risk : state.risks)
            list.push_back(riskJson(risk, today));
        context.printJson(document("preflight.risks/1", { { "project", toJson(project.name) }, { "risks", list } }));
        return Success;
    }
    if (state.risks.empty()) {
        context.out() << "No risks recorded for \"" << project.name << "\"\n";
        return Success;
    }
    std::vector<QStringList> rows { { QStringLiteral("ID"), QStringLiteral("SEVERITY"), QStringLiteral("STATUS"),
                                      QStringLiteral("OWNER"), QStringLiteral("RISK"), QStringLiteral("MITIGATION") } };
    for (const Risk &risk : state.risks) {
        QString status = riskStatusKey(risk.status);
        if (risk.status == RiskStatus::Accepted && risk.acceptedUntil)
            status += risk.effectiveStatus(today) == RiskStatus::Open
                ? QStringLiteral(" (expired %1, counts as open)").arg(formatDate(risk.acceptedUntil))
                : QStringLiteral(" until %1").arg(formatDate(risk.acceptedUntil));
        rows.push_back({ QString::number(risk.id), severityKey(risk.severity), status,
                         risk.owner.isEmpty() ? QStringLiteral("-") : risk.owner, risk.title,
                         risk.mitigation.isEmpty() ? QStringLiteral("-") : risk.mitigation });
    }
    printTable(context.out(), rows);
    return Success;
}

QList<QCommandLineOption> riskOptions()
{
    return { makeOption("title", "What could go wrong.", "TEXT"),
             makeOption("severity", "low, medium, high or critical.", "SEVERITY"),
             makeOption("mitigation", "How it is mitigated.", "TEXT"),
             makeOption("owner", "Who owns the risk.", "NAME"),
             makeOption("status", "open, mitigated, accepted or closed.", "STATUS"),
             makeOption("accepted-until", "Date an acceptance expires (or none).", "YYYY-MM-DD"),
             makeOption("link", "Checklist item the risk concerns (repeatable).", "ITEM_ID") };
}

const CommandGroup riskCommands { {
    { { QStringLiteral("risk"), QStringLiteral("add") },
      QStringLiteral("PROJECT --title TEXT --severity low|medium|high|critical [--mitigation TEXT] [--owner NAME] "
                     "[--status open|mitigated|accepted|closed] [--accepted-until YYYY-MM-DD] [--link ITEM_ID]..."),
      QStringLiteral("Record a risk"),
      riskOptions(),
      1,
      1,
      &addRisk },
    { { QStringLiteral("risk"), QStringLiteral("set") },
      QStringLiteral("PROJECT RISK_ID [--status ...] [--mitigation ...] [--owner ...] [--severity ...] [--title ...] "
                     "[--accepted-until ...] [--link ...]"),
      QStringLiteral("Change a risk"),
      riskOptions(),
      2,
      2,
      &setRisk },
    { { QStringLiteral("risk"), QStringLiteral("remove") },
      QStringLiteral("PROJECT RISK_ID"),
      QStringLiteral("Remove a risk recorded by mistake"),
      {},
      2,
      2,
      &removeRisk },
    { { QStringLiteral("risks") },
      QStringLiteral("PROJECT [--json]"),
      QStringLiteral("List a project's risks"),
      {},
      1,
      1,
      &listRisks },
} };

} // namespace

} // namespace preflight::cli
