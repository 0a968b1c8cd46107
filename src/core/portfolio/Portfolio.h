#pragma once

#include "model/Project.h"
#include "model/Template.h"
#include "scoring/Assessment.h"

#include <QDate>
#include <QDateTime>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace preflight {

class Store;
class TemplateRegistry;

// How a category's score reads on the heat map. Templates carry no thresholds, so the bar rises
// with the category's severity: a critical category is only on track when complete.
enum class Heat { OnTrack, Behind, AtRisk, NotApplicable };
QString heatKey(Heat heat); // "on-track", "behind", "at-risk", "n/a"
double onTrackThreshold(Severity severity); // critical 100, high 90, medium 75, low 50 (percent)
double atRiskThreshold(Severity severity); // 25 points below: under it a category is at risk
Heat heatOf(Severity severity, const std::optional<double> &score);

struct PortfolioCell
{
    QString categoryId;
    QString title;
    Severity severity = Severity::High;
    std::optional<double> score;
    double threshold = 100; // onTrackThreshold(severity)
    Heat heat = Heat::NotApplicable;
};

// One project at a glance: what the portfolio view, `preflight portfolio` and its reports show.
struct PortfolioRow
{
    Project project;
    QString templateTitle;
    Verdict verdict = Verdict::NotReady;
    QString verdictLabel; // the template's wording
    std::optional<double> score;
    std::vector<PortfolioCell> categories; // the template's categories, in its order
    int openCriticalItems = 0;
    int openHighOrCriticalRisks = 0;
    int signOffsGiven = 0; // roles whose sign-off counts
    int signOffsNeeded = 0; // the template's roles
    int signOffsStale = 0;
    std::optional<qint64> daysLeft; // to the target date; negative when overdue; nullopt without one
    QDateTime lastActivity;
    QString lastActor; // empty when the trail does not say (rows from before actors were kept)
    QStringList owners; // of items and risks, for "owned by me"
    QString problem; // set when the project could not be assessed (its template is missing)
    bool assessed = false; // false for a pendingPortfolioRow: names and dates only, no scores yet
};

struct PortfolioOptions
{
    bool includeArchived = true;
};

// Every project of the store, assessed for `today`, in the store's name order. A project whose
// template cannot be found still gets a row, with `problem` saying why, so one broken review
// does not hide the others.
std::vector<PortfolioRow> buildPortfolio(Store &store, const TemplateRegistry &registry, const QDate &today,
                                         const PortfolioOptions &options = {});

// The row of one project before it is assessed: what the project record and its template tell
// (name, template, target, last activity, the category columns without scores). A view lists
// every project this way at once and assesses them after, a few at a time.
PortfolioRow pendingPortfolioRow(const Template &tmpl, const Project &project, const QDate &today);
// The assessed rows of `projects`, in their order: each review loaded and assessed as loadReview
// does it, so a row never disagrees with the project's own status, but read for a hundred projects
// at a time in a few set-based queries (Store::loadStates, Store::lastActors). Projects with
// nearby ids are read together: a view assessing a few at a time should take them in id order.
// A project whose template cannot be found gets a row whose `problem` says why, as does one
// deleted since `projects` was read.
std::vector<PortfolioRow> assessPortfolioRows(Store &store, const TemplateRegistry &registry,
                                              const std::vector<Project> &projects, const QDate &today);
PortfolioRow assessPortfolioRow(Store &store, const TemplateRegistry &registry, const Project &project,
                                const QDate &today);

// One row from a loaded review, without `lastActor` (the audit trail's to say: Store::lastActors).
PortfolioRow portfolioRow(const Template &tmpl, const ProjectState &state, const Assessment &assessment,
                          const QDate &today);

} // namespace preflight
