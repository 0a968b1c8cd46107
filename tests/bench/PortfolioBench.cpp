// preflight_portfolio_bench: the portfolio and history benchmark from the README.
//
// Generates 1,000 Appendix A reviews, each with a year of history (about 350 audit rows: items
// ticked week by week with notes and owners, risks opened, mitigated and accepted, sign-offs),
// written in exactly the shapes the Store writes, hash chain included; then measures
//   (a) Store::open + buildPortfolio: every row of the portfolio view, from a closed file;
//   (b) `preflight portfolio --json` as a process, start to exit;
//   (c) Store::history + diffOverTime over the whole year of one project.
// Each with its wall time and CPU time (the machine is shared: wall time alone measures the load).
// Usage: preflight_portfolio_bench [folder] [--reuse] [--server]   (default: a temporary folder)
// --server measures a copy of the file on the PostgreSQL server the libpq environment names, as
// tests/with-server.sh sets it: tests/with-server.sh build/tests/bench/preflight_portfolio_bench --server

#include "history/ReviewDiff.h"
#include "history/ReviewReplay.h"
#include "portfolio/Portfolio.h"
#include "storage/Audit.h"
#include "storage/Postgres.h"
#include "storage/Sqlite.h"
#include "storage/Store.h"
#include "templates/ProjectTemplates.h"
#include "templates/TemplateRegistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <map>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include <vector>

using namespace preflight;

namespace {

constexpr int projectCount = 1000;
const QString Bench = QStringLiteral("bench");

struct Event
{
    QDateTime time;
    qint64 projectId = 0;
    QString actor;
    AuditKey key;
    QString oldValue;
    QString newValue;
};

QString text(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// One review's year, as the rows its edits would have audited.
void scriptProject(qint64 id, const QStringList &items, const QStringList &roles, const QDateTime &start,
                   qint64 &nextRiskId, std::vector<Event> &events)
{
    QRandomGenerator rng { quint32(id) };
    const QStringList people { QStringLiteral("dana"), QStringLiteral("lee"), QStringLiteral("priya"),
                               QStringLiteral("sam") };
    const auto at = [&](int day) { return start.addDays(day).addSecs(rng.bounded(8 * 3600) + 8 * 3600); };
    const auto add = [&](int day, const AuditKey &key, const QString &before, const QString &after) {
        events.push_back({ at(day), id, people[rng.bounded(int(people.size()))], key, before, after });
    };
    add(0, AuditKey::project(QStringLiteral("name")), {},
        QStringLiteral("Service %1").arg(id, 4, 10, QLatin1Char('0')));
    add(0, AuditKey::project(QStringLiteral("template")), {}, QStringLiteral("appendix-a@1.0.0"));
    add(0, AuditKey::project(QStringLiteral("targetDate")), {},
        start.date().addDays(330 + rng.bounded(90)).toString(Qt::ISODate));
    // Four items a week; every fourth gets an owner and a note as well.
    const int offset = rng.bounded(int(items.size()));
    for (int n = 0; n < 52 * 4 && n < items.size(); ++n) {
        const QString &item = items[(n + offset) % items.size()];
        const int day = 1 + n * 7 / 4;
        add(day, AuditKey::item(item, QStringLiteral("status")), QStringLiteral("open"), QStringLiteral("done"));
        if (n % 4 == 0) {
            add(day, AuditKey::item(item, QStringLiteral("owner")), {}, people[n % people.size()]);
            add(day, AuditKey::item(item, QStringLiteral("note")), {}, QStringLiteral("Checked in review %1").arg(n));
        }
    }
    for (int r = 0; r < 4; ++r) {
        const qint64 risk = nextRiskId++;
        const int opened = 20 + 60 * r;
        const auto key = [&](const char *field) { return AuditKey::risk(risk, QLatin1String(field)); };
        add(opened, key("title"), {}, QStringLiteral("Risk %1 of service %2").arg(r).arg(id));
        add(opened, key("severity"), {}, r % 2 ? QStringLiteral("high") : QStringLiteral("critical"));
        add(opened, key("owner"), {}, people[r]);
        add(opened, key("status"), {}, QStringLiteral("open"));
        if (r == 0) {
            add(opened + 30, key("mitigation"), {}, QStringLiteral("Added a cache"));
            add(opened + 30, key("status"), QStringLiteral("open"), QStringLiteral("mitigated"));
        } else if (r == 1) {
            add(opened + 40, key("status"), QStringLiteral("open"), QStringLiteral("accepted"));
            add(opened + 40, key("acceptedBy"), {}, QStringLiteral("lee"));
            add(opened + 40, key("acceptedUntil"), {}, start.date().addDays(opened + 100).toString(Qt::ISODate));
        }
    }
    for (int r = 0; r < 2; ++r)
        add(330 + 10 * r, AuditKey::signOff(roles[r]), {}, QStringLiteral("approve by %1").arg(people[r]));
}

void insertState(sqlite::Connection &db, const ProjectState &state, const std::map<QString, qint64> &signOffSeqs)
{
    const Project &p = state.project;
    sqlite::Statement project(db,
                              "INSERT INTO projects(id, name, description, template_id, template_version, "
                              "target_date, notes, created, updated, archived) VALUES(?1, ?2, '', ?3, ?4, ?5, '', "
                              "?6, ?7, 0)");
    project.bind(1, p.id).bind(2, p.name).bind(3, p.templateId).bind(4, p.templateVersion);
    project.bind(5, p.targetDate->toString(Qt::ISODate)).bind(6, text(p.created)).bind(7, text(p.updated)).run();
    sqlite::Statement item(db,
                           "INSERT INTO item_states(project_id, item_id, status, reason, note, owner, evidence, "
                           "changed_by, changed_at) VALUES(?1, ?2, ?3, '', ?4, ?5, '', ?6, ?7)");
    for (const auto &[id, s] : state.items) {
        item.bind(1, p.id).bind(2, id).bind(3, itemStatusKey(s.status)).bind(4, s.note).bind(5, s.owner);
        item.bind(6, s.changedBy).bind(7, text(s.changedAt)).run();
        item.reset();
    }
    sqlite::Statement risk(db,
                           "INSERT INTO risks(id, project_id, title, severity, mitigation, owner, status, "
                           "linked_items, accepted_by, accepted_until, created, updated) "
                           "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, '[]', ?8, ?9, ?10, ?11)");
    for (const Risk &r : state.risks) {
        risk.bind(1, r.id).bind(2, p.id).bind(3, r.title).bind(4, severityKey(r.severity)).bind(5, r.mitigation);
        risk.bind(6, r.owner).bind(7, riskStatusKey(r.status)).bind(8, r.acceptedBy);
        risk.bindOptional(9, r.acceptedUntil ? std::optional(r.acceptedUntil->toString(Qt::ISODate)) : std::nullopt);
        risk.bind(10, text(r.created)).bind(11, text(r.updated)).run();
        risk.reset();
    }
    sqlite::Statement signoff(db,
                              "INSERT INTO signoffs(project_id, role, name, decision, comment, date, state_digest, "
                              "audit_seq) VALUES(?1, ?2, ?3, ?4, '', ?5, ?6, ?7)");
    for (const SignOff &s : state.signoffs) {
        signoff.bind(1, p.id).bind(2, s.role).bind(3, s.name).bind(4, decisionKey(s.decision)).bind(5, text(s.date));
        signoff.bind(6, s.stateDigest).bind(7, signOffSeqs.at(s.role)).run();
        signoff.reset();
    }
}

void generate(const QString &path, const Template &tmpl)
{
    QStringList items;
    for (const Category &category : tmpl.categories)
        for (const Section &section : category.sections)
            for (const Item &item : section.items)
                items << item.id;
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-365);
    std::vector<Event> events;
    qint64 nextRiskId = 1;
    for (qint64 id = 1; id <= projectCount; ++id)
        scriptProject(id, items, tmpl.signoffRoles, start, nextRiskId, events);
    // One chain for the whole file, in time order, as concurrent reviews would have written it.
    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.time < b.time; });

    sqlite::Connection db(path, sqlite::Connection::Mode::ReadWrite);
    sqlite::Transaction transaction(db);
    sqlite::Statement audit(db,
                            "INSERT INTO audit(seq, time, actor, project_id, what, old_value, new_value, hash) "
                            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    std::map<qint64, std::vector<AuditEntry>> histories;
    std::map<qint64, std::map<QString, qint64>> signOffSeqs;
    QString hash;
    qint64 seq = 0;
    for (const Event &e : events) {
        ++seq;
        const QString time = text(e.time);
        const QString what = e.key.toString();
        hash = audit::rowHash(hash, seq, time, e.actor, e.projectId, what, e.oldValue, e.newValue);
        audit.bind(1, seq).bind(2, time).bind(3, e.actor).bind(4, e.projectId).bind(5, what).bind(6, e.oldValue);
        audit.bind(7, e.newValue).bind(8, hash).run();
        audit.reset();
        histories[e.projectId].push_back({ seq, e.time, e.actor, e.projectId, e.key, e.oldValue, e.newValue, hash });
        if (e.key.subject == AuditSubject::SignOff)
            signOffSeqs[e.projectId][e.key.id] = seq;
    }
    // The tables hold what the trail adds up to: the replay is the Store's own bookkeeping.
    for (const auto &[id, history] : histories) {
        Project project;
        project.id = id;
        ReviewReplay replay(project);
        for (const AuditEntry &entry : history)
            replay.apply(entry);
        insertState(db, replay.state(), signOffSeqs[id]);
    }
    transaction.commit();
    std::printf("generated %d projects, %lld audit rows\n", projectCount, seq);
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double ms(const timespec &t)
{
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double ms(const timeval &t)
{
    return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3;
}

// CPU time next to wall time: on a machine shared with other builds the wall time says as much
// about their load as about ours. This process's CPU (every thread: the store's background check
// too), or that of the children it waited for (`preflight portfolio --json`); on a team server,
// the server's own work is in neither.
struct Clock
{
    QElapsedTimer wall;
    double processCpu = 0;
    double childCpu = 0;

    static double process()
    {
        timespec t {};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
        return ms(t);
    }
    static double children()
    {
        rusage usage {};
        getrusage(RUSAGE_CHILDREN, &usage);
        return ms(usage.ru_utime) + ms(usage.ru_stime);
    }
    Clock()
    {
        wall.start();
        processCpu = process();
        childCpu = children();
    }
};

struct Samples
{
    std::vector<double> wall;
    std::vector<double> cpu;
    void addProcess(const Clock &clock)
    {
        wall.push_back(msSince(clock.wall));
        cpu.push_back(Clock::process() - clock.processCpu);
    }
    void addChild(const Clock &clock)
    {
        wall.push_back(msSince(clock.wall));
        cpu.push_back(Clock::children() - clock.childCpu);
    }
};

// As after a reboot, or on a disk slower than this one's cache: nothing of the program or the
// database is in memory. Needs root; false when the cache could not be emptied.
bool dropPageCache()
{
    ::sync();
    QFile control(QStringLiteral("/proc/sys/vm/drop_caches"));
    return control.open(QIODevice::WriteOnly) && control.write("3\n") == 2 && control.flush();
}

double median(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

// A fresh database on the server the libpq environment names (tests/with-server.sh), holding a
// copy of the file: the same projects and trail, hash chain included.
QString copyToServer(const QString &file)
{
    const QString database = QStringLiteral("preflight_portfolio_bench");
    {
        postgres::Connection admin(QStringLiteral("dbname=postgres"));
        admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(database).toUtf8().constData());
        admin.exec(
            QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0").arg(database).toUtf8().constData());
    }
    const QString location = QStringLiteral("dbname=%1").arg(database);
    Store::initServer(location);
    QElapsedTimer timer;
    timer.start();
    const Store::CopySummary copied = Store::copyDatabase(file, location);
    std::printf("copied %d projects, %lld audit rows to the server in %.1f s\n", copied.projects, copied.auditRows,
                double(timer.elapsed()) / 1000);
    // Fresh planner statistics, as autovacuum would have gathered on a server in use.
    postgres::Connection(location).exec("ANALYZE");
    return location;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool server = args.removeAll(QStringLiteral("--server")) > 0;
    const bool reuseAsked = args.removeAll(QStringLiteral("--reuse")) > 0;
    QTemporaryDir temporary;
    const QString folder = !args.isEmpty() ? args.front() : temporary.path();
    const QString path = folder + QStringLiteral("/portfolio-bench.db");
    const bool reuse = reuseAsked && QFile::exists(path);
    const TemplateRegistry registry;
    const Template &tmpl = *registry.find(QStringLiteral("appendix-a"));
    if (!reuse) {
        QFile::remove(path);
        Store::open(path, Bench)->storeTemplate(tmpl); // the schema, and the template the projects use
        QElapsedTimer timer;
        timer.start();
        generate(path, tmpl);
        std::printf("in %.1f s\n", double(timer.elapsed()) / 1000);
    }
    const QString location = server ? copyToServer(path) : path;

    constexpr int runs = 5;
    // What the window's portfolio view lists at once: every project from its record and template.
    Samples listed;
    for (int run = 0; run < runs; ++run) {
        const Clock clock;
        auto store = Store::open(location, Bench);
        std::vector<PortfolioRow> rows;
        for (const Project &project : store->projects())
            rows.push_back(
                pendingPortfolioRow(*resolveTemplate(*store, registry, project), project, QDate::currentDate()));
        listed.addProcess(clock);
    }
    Samples portfolio;
    std::size_t rows = 0;
    for (int run = 0; run < runs; ++run) {
        const Clock clock;
        auto store = Store::open(location, Bench);
        rows = buildPortfolio(*store, registry, QDate::currentDate()).size();
        portfolio.addProcess(clock);
    }

    // `preflight portfolio --json` as a script runs it; `cold` first empties the kernel's page cache
    // (root only), so the program, Qt and the database are read from the disk as after a reboot.
    const auto portfolioJson = [&](Samples &samples, bool cold) {
        if (cold && !dropPageCache())
            return false;
        const Clock clock;
        QProcess process;
        process.start(QStringLiteral(PREFLIGHT_BINARY),
                      { QStringLiteral("--db"), location, QStringLiteral("portfolio"), QStringLiteral("--json") });
        process.waitForFinished(60000);
        samples.addChild(clock);
        if (process.exitCode() != 0 || !process.readAllStandardOutput().contains("preflight.portfolio/1")) {
            std::printf("portfolio --json failed: %s\n", process.readAllStandardError().constData());
            std::exit(1);
        }
        return true;
    };
    Samples json;
    for (int run = 0; run < runs; ++run)
        portfolioJson(json, false);
    Samples coldJson;
    for (int run = 0; run < runs && !server; ++run) {
        if (!portfolioJson(coldJson, true))
            break;
    }

    auto store = Store::open(location, Bench);
    // Where the portfolio's time goes, part by part, over every project, read in runs of a
    // hundred ids as assessPortfolioRows reads them, but one part after the other on this thread
    // (the portfolio assesses a run on a second thread while it reads the next).
    {
        QElapsedTimer timer;
        timer.start();
        const std::vector<Project> projects = store->projects();
        const double list = msSince(timer);
        std::vector<qint64> ids;
        for (const Project &p : projects)
            ids.push_back(p.id);
        std::sort(ids.begin(), ids.end());
        std::vector<ProjectState> states;
        double load = 0;
        double actors = 0;
        for (std::size_t start = 0; start < ids.size(); start += 100) {
            const std::vector<qint64> run(ids.begin() + qsizetype(start),
                                          ids.begin() + qsizetype(std::min(ids.size(), start + 100)));
            timer.restart();
            for (ProjectState &state : store->loadStates(run, Store::StateDetail::Scoring))
                states.push_back(std::move(state));
            load += msSince(timer);
            timer.restart();
            store->lastActors(run);
            actors += msSince(timer);
        }
        // What the same reads cost one project at a time, whole, as the portfolio read them before.
        timer.restart();
        for (const Project &p : projects) {
            store->loadState(p.id);
            store->lastActor(p.id);
        }
        const double oneByOne = msSince(timer);
        timer.restart();
        for (const ProjectState &state : states)
            assess(tmpl, state, QDate::currentDate());
        const double assessing = msSince(timer);
        timer.restart();
        for (const Project &p : projects)
            store->history(p.id);
        const double histories = msSince(timer);
        std::printf("portfolio parts: projects %.0f ms, loadStates %.0f ms, lastActors %.0f ms (one project at a "
                    "time: %.0f ms), assess %.0f ms, every history %.0f ms\n",
                    list, load, actors, oneByOne, assessing, histories);
    }
    const Project project = *store->project(projectCount / 2);
    Samples diffs;
    std::size_t changes = 0;
    std::size_t historyRows = 0;
    for (int run = 0; run < runs; ++run) {
        const Clock clock;
        const std::vector<AuditEntry> history = store->history(project.id);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto result = diffOverTime(
            [&](const Project &then) { return store->storedTemplate(then.templateId, then.templateVersion); }, project,
            history, now.addDays(-366), now);
        diffs.addProcess(clock);
        changes = result.diff.items.size() + result.diff.risks.size() + result.diff.signoffs.size();
        historyRows = history.size();
    }
    // The generated tables must be what the trail says, or the numbers above measure nonsense.
    const bool consistent
        = replayState(project, store->history(project.id), QDateTime::currentDateTimeUtc()).reviewDigest()
        == store->loadState(project.id).reviewDigest();
    const bool chain = store->verify().ok;

    std::printf("\n%s\n\n| measurement | wall, median of %d | CPU | target |\n|---|---|---|---|\n",
                server ? "team server (PostgreSQL)" : "SQLite file", runs);
    const auto line = [](const char *what, const Samples &samples, double target) {
        const double wall = median(samples.wall);
        std::printf("| %s | %.1f ms | %.1f ms | %.0f ms: %s |\n", what, wall, median(samples.cpu), target,
                    wall <= target ? "met" : "NOT MET");
    };
    line("open + every row listed, unassessed (the view's first paint)", listed, 300);
    line(qPrintable(QStringLiteral("open + every row assessed (%1 projects)").arg(rows)), portfolio, 300);
    line("`preflight portfolio --json` (process)", json, 500);
    if (!coldJson.wall.empty())
        line("`preflight portfolio --json`, page cache emptied first (process)", coldJson, 500);
    else if (!server)
        std::printf("| `preflight portfolio --json`, page cache emptied first | not measured: needs root | | |\n");
    line(qPrintable(QStringLiteral("history + diff over a year (%1 rows, %2 changes)").arg(historyRows).arg(changes)),
         diffs, 200);
    std::printf("\ntables match the replayed trail: %s; audit chain: %s\n", consistent ? "yes" : "NO",
                chain ? "ok" : "BROKEN");
    store.reset();
    if (server) {
        postgres::Connection admin(QStringLiteral("dbname=postgres"));
        admin.exec("DROP DATABASE IF EXISTS preflight_portfolio_bench WITH (FORCE)");
    }
    return consistent && chain ? 0 : 1;
}
