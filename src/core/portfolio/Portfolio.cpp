#include "portfolio/Portfolio.h"

#include "Error.h"
#include "model/EnumKeys.h"
#include "storage/Store.h"
#include "templates/ProjectTemplates.h"
#include "templates/TemplateRegistry.h"

#include <array>

namespace preflight {

namespace {

constexpr std::array heatKeys = { std::pair { Heat::OnTrack, "on-track" }, std::pair { Heat::Behind, "behind" },
                                  std::pair { Heat::AtRisk, "at-risk" }, std::pair { Heat::NotApplicable, "n/a" } };

constexpr double BehindBand = 25; // points under the on-track bar that still read as "behind"

} // namespace

QString heatKey(Heat heat)
{
    return keyOf(heatKeys, heat);
}

double onTrackThreshold(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return 100;
    case Severity::High:
        return 90;
    case Severity::Medium:
        return 75;
    case Severity::Low:
        return 50;
    }
    return 100;
}

double atRiskThreshold(Severity severity)
{
    return onTrackThreshold(severity) - BehindBand;
}

Heat heatOf(Severity severity, const std::optional<double> &score)
{
    if (!score)
        return Heat::NotApplicable;
    // The raw score, not the rounded one shown: a critical category one item short is not on track.
    if (*score >= onTrackThreshold(severity))
        return Heat::OnTrack;
    return *score >= atRiskThreshold(severity) ? Heat::Behind : Heat::AtRisk;
}

PortfolioRow portfolioRow(const Template &tmpl, const ProjectState &state, const Assessment &assessment,
                          const QDate &today)
{
    PortfolioRow row;
    row.assessed = true;
    row.project = state.project;
    row.templateTitle = tmpl.title;
    row.verdict = assessment.verdict;
    row.verdictLabel = verdictLabel(tmpl, assessment.verdict);
    row.score = assessment.score;
    for (const CategoryScore &category : assessment.categories)
        row.categories.push_back({ category.id, category.title, category.severity, category.score,
                                   onTrackThreshold(category.severity), heatOf(category.severity, category.score) });
    if (const auto critical = assessment.bySeverity.find(Severity::Critical); critical != assessment.bySeverity.end())
        row.openCriticalItems = critical->second.open;
    row.openHighOrCriticalRisks = assessment.openHighOrCriticalRisks;
    row.signOffsNeeded = int(assessment.signoffs.size());
    for (const SignOffStatus &signoff : assessment.signoffs) {
        row.signOffsGiven += signoff.counts ? 1 : 0;
        row.signOffsStale += signoff.standing == SignOffStanding::Stale ? 1 : 0;
    }
    if (state.project.targetDate)
        row.daysLeft = today.daysTo(*state.project.targetDate);
    row.lastActivity = state.project.updated;
    for (const auto &[id, item] : state.items) {
        if (!item.owner.isEmpty() && !row.owners.contains(item.owner))
            row.owners << item.owner;
    }
    for (const Risk &risk : state.risks) {
        if (!risk.owner.isEmpty() && !row.owners.contains(risk.owner))
            row.owners << risk.owner;
    }
    return row;
}

PortfolioRow pendingPortfolioRow(const Template &tmpl, const Project &project, const QDate &today)
{
    PortfolioRow row;
    row.project = project;
    row.templateTitle = tmpl.title;
    for (const Category &category : tmpl.categories)
        row.categories.push_back({ category.id, category.title, category.severity, std::nullopt,
                                   onTrackThreshold(category.severity), Heat::NotApplicable });
    if (project.targetDate)
        row.daysLeft = today.daysTo(*project.targetDate);
    row.lastActivity = project.updated;
    return row;
}

PortfolioRow assessPortfolioRow(Store &store, const TemplateRegistry &registry, const Project &project,
                                const QDate &today)
{
    try {
        const Review review = loadReview(store, registry, project, today);
        PortfolioRow row = portfolioRow(*review.tmpl, review.state, review.assessment, today);
        row.lastActor = store.lastActor(project.id);
        return row;
    } catch (const Error &error) {
        if (error.kind() != Error::Kind::Data)
            throw;
        PortfolioRow row;
        row.project = project;
        row.lastActivity = project.updated;
        row.problem = error.message();
        row.assessed = true;
        return row;
    }
}

std::vector<PortfolioRow> buildPortfolio(Store &store, const TemplateRegistry &registry, const QDate &today,
                                         const PortfolioOptions &options)
{
    std::vector<PortfolioRow> rows;
    for (const Project &project : store.projects()) {
        if (!project.archived || options.includeArchived)
            rows.push_back(assessPortfolioRow(store, registry, project, today));
    }
    return rows;
}

} // namespace preflight
