// status: the readiness of one project, for people or as the status JSON document
#include "cli/Context.h"
#include "export/ReportInput.h"
#include "scoring/StatusJson.h"
#include "scoring/Wording.h"
#include "storage/Store.h"

namespace preflight::cli {

namespace {

constexpr int ShownActions = 15; // the rest are in --json; a terminal page should stay readable

void printHeader(QTextStream &out, const Review &review)
{
    const Assessment &a = review.assessment;
    const Project &project = review.project;
    out << project.name << "  (" << review.tmpl->id << ' ' << review.tmpl->version << ", target "
        << formatDate(project.targetDate) << (project.archived ? ", archived" : "") << ")\n\n";
    QString verdict = verdictLabel(*review.tmpl, a.verdict);
    if (!a.verdictShortfalls.empty())
        verdict += QStringLiteral(": ") + verdictReasonTexts(a).join(QStringLiteral("; "));
    std::vector<QStringList> rows {
        { QStringLiteral("Verdict"), verdict },
        { QStringLiteral("Score"),
          QStringLiteral("%1  (done %2, N/A %3, open %4 of %5 items)")
              .arg(scoreText(a.score))
              .arg(a.counts.done)
              .arg(a.counts.na)
              .arg(a.counts.open)
              .arg(a.counts.total()) },
        { QStringLiteral("Risks"),
          QStringLiteral("%1 high/critical open, %2 accepted").arg(a.openHighOrCriticalRisks).arg(a.acceptedRisks) },
        { QStringLiteral("Signed off"), a.signedOff ? QStringLiteral("yes") : QStringLiteral("no") }
    };
    // Only a project with a profile says so: the others read as before.
    if (project.profile)
        rows.insert(rows.begin() + 2,
                    { QStringLiteral("Profile"),
                      QStringLiteral("%1  (%2 items N/A: %3)")
                          .arg(profileDescription(project.profile))
                          .arg(a.counts.outsideProfile)
                          .arg(outsideProfileReason()) });
    printTable(out, rows);
}

void printCategories(QTextStream &out, const Assessment &a)
{
    out << "\nCategories\n";
    std::vector<QStringList> rows { { QStringLiteral("CATEGORY"), QStringLiteral("SEVERITY"), QStringLiteral("DONE"),
                                      QStringLiteral("N/A"), QStringLiteral("OPEN"), QStringLiteral("SCORE") } };
    for (const CategoryScore &c : a.categories)
        rows.push_back({ c.title, severityKey(c.severity), QString::number(c.counts.done), QString::number(c.counts.na),
                         QString::number(c.counts.open), scoreText(c.score) });
    printTable(out, rows, QStringLiteral("  "));
}

void printSummary(QTextStream &out, const Assessment &a)
{
    if (a.summary.empty())
        return;
    out << "\nSummary\n";
    std::vector<QStringList> rows;
    for (const SummaryResult &s : a.summary)
        rows.push_back(
            { s.met ? QStringLiteral("[x]") : QStringLiteral("[ ]"), s.text,
              (s.computed ? QStringLiteral("computed: ") : QStringLiteral("by hand: ")) + summaryReasonText(s) });
    printTable(out, rows, QStringLiteral("  "));
}

void printSignOffs(QTextStream &out, const Assessment &a)
{
    if (a.signoffs.empty())
        return;
    out << "\nSign-offs\n";
    std::vector<QStringList> rows;
    for (const SignOffStatus &s : a.signoffs) {
        if (!s.signoff) {
            rows.push_back(
                { s.role, QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-"), signOffStandingText(s) });
            continue;
        }
        rows.push_back({ s.role, decisionKey(s.signoff->decision), s.signoff->name, formatTime(s.signoff->date),
                         signOffStandingText(s) });
    }
    printTable(out, rows, QStringLiteral("  "));
}

void printActions(QTextStream &out, const Assessment &a)
{
    if (a.actions.empty())
        return;
    out << "\nActions (" << a.actions.size() << ")\n";
    std::vector<QStringList> rows;
    for (std::size_t i = 0; i < a.actions.size() && i < ShownActions; ++i) {
        const Action &action = a.actions[i];
        rows.push_back({ severityKey(action.severity), action.kind, action.id, action.text });
    }
    printTable(out, rows, QStringLiteral("  "));
    if (a.actions.size() > ShownActions)
        out << "  ... and " << a.actions.size() - ShownActions << " more (status --json lists all)\n";
}

int showStatus(Context &context)
{
    const Review review = context.review(context.arg(0));
    // Answers a template migration flagged because their item's wording changed.
    const std::map<QString, QString> rechecks = context.store().itemsToRecheck(review.project.id);
    if (context.json()) {
        nlohmann::json status = statusJson(*review.tmpl, review.state, review.assessment, review.today);
        nlohmann::json flagged = nlohmann::json::array();
        for (const auto &[id, oldText] : rechecks)
            flagged.push_back({ { "id", id.toStdString() }, { "old_text", oldText.toStdString() } });
        status["recheck"] = flagged;
        context.printJson(status);
        return Success;
    }
    QTextStream &out = context.out();
    printHeader(out, review);
    if (!rechecks.empty()) {
        out << "\nWording changed — re-check (" << rechecks.size() << "; confirm with `preflight project confirm`)\n";
        for (const auto &[id, oldText] : rechecks)
            out << "  " << id << "  (answered as \"" << oldText << "\")\n";
    }
    printCategories(out, review.assessment);
    printSummary(out, review.assessment);
    printSignOffs(out, review.assessment);
    printActions(out, review.assessment);
    return Success;
}

const CommandGroup statusCommands { {
    { { QStringLiteral("status") },
      QStringLiteral("PROJECT [--json]"),
      QStringLiteral("Verdict, scores, summary, sign-offs and the action list"),
      {},
      1,
      1,
      &showStatus },
} };

} // namespace

} // namespace preflight::cli
