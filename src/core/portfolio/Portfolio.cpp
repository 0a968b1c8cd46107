#include "portfolio/Portfolio.h"

#include "Error.h"
#include "model/EnumKeys.h"
#include "storage/Store.h"
#include "templates/ProjectTemplates.h"
#include "templates/TemplateRegistry.h"

#include <algorithm>
#include <array>
#include <map>

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

namespace {

// A project whose review cannot be assessed still gets a row, saying why.
PortfolioRow problemRow(const Project &project, const QString &problem)
{
    PortfolioRow row;
    row.project = project;
    row.lastActivity = project.updated;
    row.problem = problem;
    row.assessed = true;
    return row;
}

PortfolioRow assessedRow(Store &store, const TemplateRegistry &registry, const ProjectState &state,
                         const QString &lastActor, const QDate &today)
{
    try {
        const std::shared_ptr<const Template> tmpl = resolveTemplate(store, registry, state.project);
        PortfolioRow row = portfolioRow(*tmpl, state, assess(*tmpl, state, today), today);
        row.lastActor = lastActor;
        return row;
    } catch (const Error &error) {
        if (error.kind() != Error::Kind::Data)
            throw;
        return problemRow(state.project, error.message());
    }
}

} // namespace

std::vector<PortfolioRow> assessPortfolioRows(Store &store, const TemplateRegistry &registry,
                                              const std::vector<Project> &projects, const QDate &today)
{
    std::vector<qint64> ids;
    ids.reserve(projects.size());
    for (const Project &project : projects)
        ids.push_back(project.id);
    std::sort(ids.begin(), ids.end());
    // Runs of nearby ids, read in a few queries each: a run's states are assessed and dropped
    // before the next is read, so memory stays that of a hundred reviews however many there are.
    constexpr std::size_t RunLength = 100;
    std::map<qint64, PortfolioRow> rows;
    for (std::size_t start = 0; start < ids.size(); start += RunLength) {
        const std::vector<qint64> run(ids.begin() + qsizetype(start),
                                      ids.begin() + qsizetype(std::min(ids.size(), start + RunLength)));
        const std::map<qint64, QString> actors = store.lastActors(run);
        for (const ProjectState &state : store.loadStates(run)) {
            const auto actor = actors.find(state.project.id);
            rows.emplace(state.project.id,
                         assessedRow(store, registry, state, actor == actors.end() ? QString() : actor->second, today));
        }
    }
    std::vector<PortfolioRow> result;
    result.reserve(projects.size());
    for (const Project &project : projects) {
        const auto row = rows.find(project.id);
        result.push_back(
            row != rows.end()
                ? row->second
                : problemRow(project,
                             QStringLiteral("%1: project \"%2\" was deleted").arg(store.path(), project.name)));
    }
    return result;
}

PortfolioRow assessPortfolioRow(Store &store, const TemplateRegistry &registry, const Project &project,
                                const QDate &today)
{
    return assessPortfolioRows(store, registry, { project }, today).front();
}

std::vector<PortfolioRow> buildPortfolio(Store &store, const TemplateRegistry &registry, const QDate &today,
                                         const PortfolioOptions &options)
{
    std::vector<Project> projects = store.projects();
    if (!options.includeArchived)
        std::erase_if(projects, [](const Project &project) { return project.archived; });
    return assessPortfolioRows(store, registry, projects, today);
}

} // namespace preflight
