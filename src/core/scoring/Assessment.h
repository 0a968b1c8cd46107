#pragma once

#include "model/Project.h"
#include "model/Template.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace preflight {

enum class Verdict { NotReady, ReadyWithRisks, Ready };
QString verdictKey(Verdict verdict); // "not-ready", "ready-with-risks", "ready"
QString verdictLabel(const Template &tmpl, Verdict verdict); // the template's wording

struct Counts
{
    int done = 0;
    int na = 0;
    int open = 0;
    int total() const { return done + na + open; }
};

struct CategoryScore
{
    QString id;
    QString title;
    Severity severity = Severity::High;
    Counts counts;
    std::optional<double> score; // percent; nullopt ("n/a") when every item is N/A
};

struct SummaryResult
{
    QString id;
    QString groupId;
    QString text;
    bool met = false;
    bool computed = false; // false: ticked by a person
    QString reason; // e.g. "3 critical items open"
};

struct SignOffStatus
{
    QString role;
    std::optional<SignOff> signoff; // nullopt: nobody signed for this role
    bool stale = false;
    bool counts = false; // a non-stale approval valid for the current verdict
};

struct Action
{
    QString kind; // "risk", "item" or "summary"
    QString id; // item id, summary item id, or the risk id as text
    QString text;
    Severity severity = Severity::High;
    QString categoryId; // empty for risks and summary items
};

// Everything the GUI, the command line and the reports show about a project's readiness.
// They never compute numbers of their own.
struct Assessment
{
    Verdict verdict = Verdict::NotReady;
    QStringList verdictReasons; // why the verdict is not better, e.g. "12 critical items open"
    std::optional<double> score; // overall, percent, severity-weighted
    Counts counts;
    std::map<Severity, Counts> bySeverity;
    std::vector<CategoryScore> categories;
    std::vector<SummaryResult> summary;
    int openHighOrCriticalRisks = 0;
    int acceptedRisks = 0;
    std::vector<SignOffStatus> signoffs; // one per template role, in template order
    bool signedOff = false;
    std::vector<Action> actions;
};

// Default category weights by severity; a category's own weight overrides them.
double defaultWeight(Severity severity);

Assessment assess(const Template &tmpl, const ProjectState &state, const QDate &today);

} // namespace preflight
