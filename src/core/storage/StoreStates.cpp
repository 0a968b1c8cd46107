// Reading review states: one project (loadState) and many at once (loadStates), through the same
// set-based queries, so the portfolio's thousand rows and a project's own report cannot disagree.
#include "Error.h"
#include "storage/StoreImpl.h"
#include "storage/StoreRows.h"

#include <algorithm>

namespace preflight {

namespace {

// Sorted, without duplicates: the queries read the range between the first and the last.
std::vector<qint64> sortedIds(std::vector<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

QByteArray select(const char *columns, const char *rest)
{
    return QByteArray("SELECT ") + columns + ", project_id " + rest;
}

} // namespace

std::vector<ProjectState> Store::Impl::readStates(const std::vector<Project> &projects, Store::StateDetail detail) const
{
    std::vector<ProjectState> states(projects.size());
    for (std::size_t i = 0; i < projects.size(); ++i)
        states[i].project = projects[i];
    if (states.empty())
        return states;
    // Rows of projects in the range that were not asked for (archived ones, say) are skipped.
    const auto stateOf = [&](qint64 projectId) -> ProjectState * {
        const auto found = std::lower_bound(states.begin(), states.end(), projectId,
                                            [](const ProjectState &s, qint64 id) { return s.project.id < id; });
        return found != states.end() && found->project.id == projectId ? &*found : nullptr;
    };
    const qint64 first = projects.front().id;
    const qint64 last = projects.back().id;

    const char *itemColumns = detail == StateDetail::Full ? rows::itemColumns : rows::itemScoringColumns;
    sql::Statement items(*db, select(itemColumns, "FROM item_states WHERE project_id BETWEEN ?1 AND ?2").constData());
    items.bind(1, first).bind(2, last);
    while (items.step()) {
        if (ProjectState *state = stateOf(items.integer(rows::itemColumnCount))) {
            // SQLite hands the rows over in item id order (they come through the unique index), so
            // the end is where each one goes: no search among long ids per row.
            ItemState item = rows::readItem(items);
            state->items.emplace_hint(state->items.end(), item.itemId, std::move(item));
        }
    }
    sql::Statement risks(
        *db, select(rows::riskColumns, "FROM risks WHERE project_id BETWEEN ?1 AND ?2 ORDER BY id").constData());
    risks.bind(1, first).bind(2, last);
    while (risks.step()) {
        if (ProjectState *state = stateOf(risks.integer(rows::riskColumnCount)))
            state->risks.push_back(rows::readRisk(risks));
    }
    const QByteArray signOffColumns
        = QByteArray(rows::signOffColumns) + (server ? rows::signOffLoginOnServer : rows::signOffLoginInFile);
    sql::Statement signoffs(
        *db,
        select(signOffColumns.constData(), "FROM signoffs WHERE project_id BETWEEN ?1 AND ?2 ORDER BY project_id, role")
            .constData());
    signoffs.bind(1, first).bind(2, last);
    while (signoffs.step()) {
        if (ProjectState *state = stateOf(signoffs.integer(rows::signOffColumnCount)))
            state->signoffs.push_back(rows::readSignOff(signoffs));
    }

    // A sign-off goes stale with every item or risk change audited after its own audit row. What
    // counts as one is AuditKey's to say, so the rows are read and judged here rather than in SQL.
    // audit_by_project(project_id, seq) keeps each sign-off's part a range scan. The range is
    // repeated on the audit side for PostgreSQL: without it the planner read the whole trail for
    // every run of projects (57 ms a run for a 338,000-row trail, against 4 ms with it).
    sql::Statement changes(*db,
                           "SELECT s.project_id, s.role, a.what FROM signoffs s JOIN audit a "
                           "ON a.project_id = s.project_id AND a.seq > s.audit_seq "
                           "WHERE s.project_id BETWEEN ?1 AND ?2 AND a.project_id BETWEEN ?1 AND ?2");
    changes.bind(1, first).bind(2, last);
    while (changes.step()) {
        ProjectState *state = stateOf(changes.integer(0));
        if (!state || !AuditKey::isReviewChange(AuditKey::subjectOf(changes.text(2))))
            continue;
        const QString role = changes.text(1);
        for (SignOff &signoff : state->signoffs)
            signoff.changesSince += signoff.role == role ? 1 : 0;
    }

    sql::Statement rechecks(
        *db, select(rows::recheckColumns, "FROM item_rechecks WHERE project_id BETWEEN ?1 AND ?2").constData());
    rechecks.bind(1, first).bind(2, last);
    while (rechecks.step()) {
        if (ProjectState *state = stateOf(rechecks.integer(rows::recheckColumnCount)))
            state->rechecks.emplace(rechecks.text(0), Recheck { rechecks.text(1), rechecks.text(2) });
    }
    return states;
}

ProjectState Store::Impl::readState(const Project &project) const
{
    return readStates({ project }).front();
}

ProjectState Store::loadState(qint64 projectId) const
{
    // One read transaction: the project, its items, risks and sign-offs come from one snapshot.
    sql::Transaction transaction(*d->db, sql::Transaction::Kind::Read);
    ProjectState state = d->readState(d->requireProject(projectId));
    transaction.commit();
    return state;
}

std::vector<ProjectState> Store::loadStates(const std::vector<qint64> &projectIds, StateDetail detail) const
{
    const std::vector<qint64> ids = sortedIds(projectIds);
    if (ids.empty())
        return {};
    sql::Transaction transaction(*d->db, sql::Transaction::Kind::Read);
    sql::Statement query(
        *d->db,
        (QByteArray("SELECT ") + rows::projectColumns + " FROM projects WHERE id BETWEEN ?1 AND ?2 ORDER BY id")
            .constData());
    query.bind(1, ids.front()).bind(2, ids.back());
    std::vector<Project> projects;
    while (query.step()) {
        if (std::binary_search(ids.begin(), ids.end(), query.integer(0)))
            projects.push_back(rows::readProject(query));
    }
    std::vector<ProjectState> states = d->readStates(projects, detail);
    transaction.commit();
    return states;
}

QString Store::lastActor(qint64 projectId) const
{
    // audit_by_project(project_id, seq) makes this one index probe, not a read of the history.
    sql::Statement last(*d->db, "SELECT actor FROM audit WHERE project_id = ?1 ORDER BY seq DESC LIMIT 1");
    last.bind(1, projectId);
    return last.step() ? last.text(0) : QString();
}

std::map<qint64, QString> Store::lastActors(const std::vector<qint64> &projectIds) const
{
    const std::vector<qint64> ids = sortedIds(projectIds);
    std::map<qint64, QString> actors;
    if (ids.empty())
        return actors;
    // lastActor()'s probe, as a correlated subquery both SQLite and PostgreSQL run once per project.
    sql::Statement last(*d->db,
                        "SELECT p.id, (SELECT a.actor FROM audit a WHERE a.project_id = p.id "
                        "ORDER BY a.seq DESC LIMIT 1) FROM projects p WHERE p.id BETWEEN ?1 AND ?2");
    last.bind(1, ids.front()).bind(2, ids.back());
    while (last.step()) {
        if (std::binary_search(ids.begin(), ids.end(), last.integer(0)))
            actors.emplace(last.integer(0), last.text(1));
    }
    return actors;
}

} // namespace preflight
