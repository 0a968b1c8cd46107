// preflight_portfolio_bench: the portfolio and history benchmark from the README.
//
// Generates 1,000 Appendix A reviews, each with a year of history (about 350 audit rows: items
// ticked week by week with notes and owners, risks opened, mitigated and accepted, sign-offs),
// written in exactly the shapes the Store writes, hash chain included; then measures
//   (a) Store::open + buildPortfolio: every row of the portfolio view, from a closed file;
//   (b) `preflight portfolio --json` as a process, start to exit;
//   (c) Store::history + diffOverTime over the whole year of one project.
// Usage: preflight_portfolio_bench [folder [--reuse]]   (default: a temporary folder)

#include "history/ReviewDiff.h"
#include "history/ReviewReplay.h"
#include "portfolio/Portfolio.h"
#include "storage/Audit.h"
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

double median(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir temporary;
    const QString folder = argc > 1 ? QString::fromLocal8Bit(argv[1]) : temporary.path();
    const QString path = folder + QStringLiteral("/portfolio-bench.db");
    const bool reuse = argc > 2 && qstrcmp(argv[2], "--reuse") == 0 && QFile::exists(path);
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

    constexpr int runs = 5;
    // What the window's portfolio view lists at once: every project from its record and template.
    std::vector<double> listed;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto store = Store::open(path, Bench);
        std::vector<PortfolioRow> rows;
        for (const Project &project : store->projects())
            rows.push_back(
                pendingPortfolioRow(*resolveTemplate(*store, registry, project), project, QDate::currentDate()));
        listed.push_back(msSince(timer));
    }
    std::vector<double> portfolio;
    std::size_t rows = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto store = Store::open(path, Bench);
        rows = buildPortfolio(*store, registry, QDate::currentDate()).size();
        portfolio.push_back(msSince(timer));
    }

    std::vector<double> json;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        QProcess process;
        process.start(QStringLiteral(PREFLIGHT_BINARY),
                      { QStringLiteral("--db"), path, QStringLiteral("portfolio"), QStringLiteral("--json") });
        process.waitForFinished(60000);
        json.push_back(msSince(timer));
        if (process.exitCode() != 0 || !process.readAllStandardOutput().contains("preflight.portfolio/1")) {
            std::printf("portfolio --json failed: %s\n", process.readAllStandardError().constData());
            return 1;
        }
    }

    auto store = Store::open(path, Bench);
    // Where the portfolio's time goes, part by part, over every project.
    {
        QElapsedTimer timer;
        timer.start();
        const std::vector<Project> projects = store->projects();
        const double list = msSince(timer);
        std::vector<ProjectState> states;
        timer.restart();
        for (const Project &p : projects)
            states.push_back(store->loadState(p.id));
        const double load = msSince(timer);
        timer.restart();
        for (const ProjectState &state : states)
            assess(tmpl, state, QDate::currentDate());
        const double assessing = msSince(timer);
        timer.restart();
        for (const Project &p : projects)
            store->history(p.id);
        const double histories = msSince(timer);
        std::printf("portfolio parts: projects %.0f ms, loadState %.0f ms, assess %.0f ms, every history %.0f ms\n",
                    list, load, assessing, histories);
    }
    const Project project = *store->project(projectCount / 2);
    std::vector<double> diffs;
    std::size_t changes = 0;
    std::size_t historyRows = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const std::vector<AuditEntry> history = store->history(project.id);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto result = diffOverTime(tmpl, project, history, now.addDays(-366), now);
        diffs.push_back(msSince(timer));
        changes = result.diff.items.size() + result.diff.risks.size() + result.diff.signoffs.size();
        historyRows = history.size();
    }
    // The generated tables must be what the trail says, or the numbers above measure nonsense.
    const bool consistent
        = replayState(project, store->history(project.id), QDateTime::currentDateTimeUtc()).reviewDigest()
        == store->loadState(project.id).reviewDigest();
    const bool chain = store->verify().ok;

    std::printf("\n| measurement | median of %d | target |\n|---|---|---|\n", runs);
    const auto verdict = [](double ms, double target) { return ms <= target ? "met" : "NOT MET"; };
    std::printf("| open + every row listed, unassessed (the view's first paint) | %.0f ms | 300 ms: %s |\n",
                median(listed), verdict(median(listed), 300));
    std::printf("| open + every row assessed (%zu projects) | %.0f ms | 300 ms: %s |\n", rows, median(portfolio),
                verdict(median(portfolio), 300));
    std::printf("| `preflight portfolio --json` (process) | %.0f ms | 500 ms: %s |\n", median(json),
                verdict(median(json), 500));
    std::printf("| history + diff over a year (%zu rows, %zu changes) | %.1f ms | 200 ms: %s |\n", historyRows, changes,
                median(diffs), verdict(median(diffs), 200));
    std::printf("\ntables match the replayed trail: %s; audit chain: %s\n", consistent ? "yes" : "NO",
                chain ? "ok" : "BROKEN");
    return consistent && chain ? 0 : 1;
}
