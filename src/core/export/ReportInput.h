#pragma once

#include "model/Project.h"
#include "model/Template.h"
#include "scoring/Assessment.h"
#include "scoring/Wording.h" // the assessment's wording every format shares

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace preflight {

// Everything a report shows. The writers only format these values: every number comes from the
// Assessment, so a report can never disagree with `preflight status` or the GUI.
struct ReportInput
{
    const Template &tmpl;
    const ProjectState &state;
    const Assessment &assessment;
    QDate reviewDate; // the day the assessment was made for
    QDateTime generatedAt; // shown in UTC in the footer
    QString actor; // who generated the report
    QString auditHead; // hash of the newest audit row, so a printout can be checked against the database
    // Answers template migrations removed with their items (Store::removedAnswers).
    std::vector<RemovedAnswer> removedAnswers = {};
};

// One checklist item in template order, with its state; nested children follow their parent.
struct ChecklistRow
{
    const Category *category = nullptr;
    const Section *section = nullptr;
    const Item *item = nullptr;
    int depth = 0; // 0 for an item directly in a section
    QString parentId;
    // As stored; for an item the profile leaves out, N/A with outsideProfileReason() and nothing
    // else, as scoring counts it (the stored answer stays in the database for when it returns).
    ItemState state;
    bool outsideProfile = false; // Assessment::outsideProfile holds the item
};

// Open actions of one category (or of the risks / summary checks), in the Assessment's order.
struct ActionGroup
{
    QString title; // "1. Code Quality", "Risks" or "Summary checks"
    std::optional<Severity> severity;
    std::vector<const Action *> actions;
};

// The derived, format-independent view the writers share: flattened rows and grouped actions.
class ReportModel
{
public:
    explicit ReportModel(const ReportInput &input);

    const ReportInput &input() const { return m_input; }
    const Template &tmpl() const { return m_input.tmpl; }
    const ProjectState &state() const { return m_input.state; }
    const Assessment &assessment() const { return m_input.assessment; }

    const std::vector<ChecklistRow> &rows() const { return m_rows; }
    const ChecklistRow *row(const QString &itemId) const; // nullptr for unknown ids; O(1)
    const std::vector<ActionGroup> &actionGroups() const { return m_actionGroups; }
    // Answers flagged "wording changed — re-check" (kind "recheck", id the item, text its
    // present wording), in checklist order: the action list shows them after the open actions.
    const std::vector<Action> &rechecks() const { return m_rechecks; }
    const CategoryScore *score(const QString &categoryId) const;
    const SummaryResult *summaryResult(const QString &summaryItemId) const;
    QString verdictLabel() const;
    QString title() const; // "Readiness review: <project>"

private:
    const ReportInput m_input; // a copy: it only holds references and a few strings
    std::vector<ChecklistRow> m_rows;
    QHash<QString, std::size_t> m_rowIndex; // item id → index in m_rows
    std::vector<ActionGroup> m_actionGroups;
    std::vector<Action> m_rechecks;
};

// Wording shared by every format, so the PDF and the Markdown say the same thing.
QString severityLabel(Severity severity); // "Critical"
QString itemStatusLabel(ItemStatus status); // "Done", "N/A", "Open"
QString riskStatusLabel(RiskStatus status); // "Open", "Mitigated", ...
QString decisionLabel(Decision decision); // "Approve", "Approve with risks", "Reject"
QString scoreText(std::optional<double> score); // "62.5 %", "100 %" or "n/a"
QString dateText(const std::optional<QDate> &date); // ISO date or "not set"
QString timestampText(const QDateTime &time); // "2026-11-25 16:42 UTC"
// Who gave a sign-off: the name, and on a team server the login beside it when it says more
// ("Dana Whitfield (login dana)").
QString signerText(const SignOff &signoff);
// Whether any sign-off was signed with a key: the reports' signature column appears only then.
bool anySignedWithKey(const std::vector<SignOff> &signoffs);
// "120 done, 4 N/A, 80 open of 204 items"; with a profile "4 N/A (3 not in this project's profile)".
QString countsSentence(const Counts &counts);
QString signedOffText(bool signedOff); // "Signed off" / "Not signed off"
// "Wording changed in 1.1 — re-check; answered as: “old wording”"
QString recheckText(const Recheck &recheck);
// "Done; owner: Mei; note: …": the answer a migration removed, on one line
QString removedAnswerText(const RemovedAnswer &removed);
QString riskLabel(const Risk &risk);
// "Mitigated", or for accepted risks "Accepted (accepted by Mei until 2027-01-31)" and, once the
// acceptance expired, "Open: acceptance expired (…)".
QString riskStatusText(const Risk &risk, const QDate &reviewDate); // "R3"
QString actionCountSentence(
    const std::vector<Action> &actions); // "1 risk, 91 items and 1 summary check open, most severe first"

} // namespace preflight
