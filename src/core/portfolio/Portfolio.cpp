#include "portfolio/Portfolio.h"

#include "Error.h"
#include "model/EnumKeys.h"
#include "storage/Store.h"
#include "templates/ProjectTemplates.h"
#include "templates/TemplateRegistry.h"

#include <algorithm>
#include <array>
#include <future>
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

// A review as read from the store, with everything its assessment needs: what happens after this
// touches neither the store nor the registry, so it may run on another thread.
struct ReadReview
{
    ProjectState state;
    std::shared_ptr<const Template> tmpl; // null when `problem` says why
    QString lastActor;
    QString problem;
};

std::vector<ReadReview> readRun(Store &store, const TemplateRegistry &registry, const std::vector<qint64> &run)
{
    const std::map<qint64, QString> actors = store.lastActors(run);
    std::vector<ReadReview> reviews;
    for (ProjectState &state : store.loadStates(run, Store::StateDetail::Scoring)) {
        ReadReview review;
        try {
            review.tmpl = resolveTemplate(store, registry, state.project);
        } catch (const Error &error) {
            if (error.kind() != Error::Kind::Data)
                throw;
            review.problem = error.message();
        }
        if (const auto actor = actors.find(state.project.id); actor != actors.end())
            review.lastActor = actor->second;
        review.state = std::move(state);
        reviews.push_back(std::move(review));
    }
    return reviews;
}

std::vector<PortfolioRow> assessRun(const std::vector<ReadReview> &reviews, const QDate &today)
{
    std::vector<PortfolioRow> rows;
    rows.reserve(reviews.size());
    for (const ReadReview &review : reviews) {
        if (!review.tmpl) {
            rows.push_back(problemRow(review.state.project, review.problem));
            continue;
        }
        rows.push_back(portfolioRow(*review.tmpl, review.state, assess(*review.tmpl, review.state, today), today));
        rows.back().lastActor = review.lastActor;
    }
    return rows;
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
    // before the next but one is read, so memory stays that of a few hundred reviews however many
    // there are. Reading (the store's thread) and assessing (pure) take about as long each, so a
    // run is assessed on a second thread while the next one is read: on two free cores that halves
    // the wait. The last run, and so a call for a few projects, is assessed right here.
    constexpr std::size_t RunLength = 100;
    std::map<qint64, PortfolioRow> rows;
    std::future<std::vector<PortfolioRow>> assessing;
    const auto collect = [&rows](std::vector<PortfolioRow> assessed) {
        for (PortfolioRow &row : assessed)
            rows.emplace(row.project.id, std::move(row));
    };
    for (std::size_t start = 0; start < ids.size(); start += RunLength) {
        const std::size_t end = std::min(ids.size(), start + RunLength);
        std::vector<ReadReview> run = readRun(
            store, registry, std::vector<qint64>(ids.begin() + qsizetype(start), ids.begin() + qsizetype(end)));
        if (assessing.valid())
            collect(assessing.get());
        if (end == ids.size())
            collect(assessRun(run, today));
        else
            assessing = std::async(std::launch::async, [run = std::move(run), today] { return assessRun(run, today); });
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
