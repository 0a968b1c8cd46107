#include "portfolio/PortfolioJson.h"

#include "scoring/StatusJson.h"

namespace preflight {

using nlohmann::json;

json portfolioRowJson(const PortfolioRow &row)
{
    json categories = json::array();
    for (const PortfolioCell &cell : row.categories)
        categories.push_back({ { "id", toJson(cell.categoryId) },
                               { "title", toJson(cell.title) },
                               { "severity", toJson(severityKey(cell.severity)) },
                               { "score", scoreJson(cell.score) },
                               { "on_track_at", cell.threshold },
                               { "heat", toJson(heatKey(cell.heat)) } });
    const bool assessed = row.problem.isEmpty();
    return { { "project", toJson(row.project.name) },
             { "template",
               { { "id", toJson(row.project.templateId) },
                 { "version", toJson(row.project.templateVersion) },
                 { "title", toJson(row.templateTitle) } } },
             { "archived", row.project.archived },
             { "verdict", assessed ? toJson(verdictKey(row.verdict)) : json(nullptr) },
             { "verdict_label", assessed ? toJson(row.verdictLabel) : json(nullptr) },
             { "score", scoreJson(row.score) },
             { "categories", categories },
             { "open_critical_items", row.openCriticalItems },
             { "open_high_critical_risks", row.openHighOrCriticalRisks },
             { "signoffs",
               { { "given", row.signOffsGiven }, { "needed", row.signOffsNeeded }, { "stale", row.signOffsStale } } },
             { "target_date", toJson(row.project.targetDate) },
             { "days_left", row.daysLeft ? json(*row.daysLeft) : json(nullptr) },
             { "last_activity", toJson(row.lastActivity) },
             { "last_actor", row.lastActor.isEmpty() ? json(nullptr) : toJson(row.lastActor) },
             { "owners", toJson(row.owners) },
             { "problem", assessed ? json(nullptr) : toJson(row.problem) } };
}

json portfolioJson(const std::vector<PortfolioRow> &rows, const QDate &today)
{
    json projects = json::array();
    for (const PortfolioRow &row : rows)
        projects.push_back(portfolioRowJson(row));
    return { { "schema", PortfolioSchema },
             { "today", toJson(std::optional<QDate>(today)) },
             { "projects", projects } };
}

} // namespace preflight
