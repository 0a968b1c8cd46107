// preflight_server_bench: the team-server benchmark from the README ("Team server").
//
// Against the PostgreSQL server named by the libpq environment (run it through
// tests/with-server.sh for a throwaway one), in one run:
//   (a) one tick (Store::setItem of a status, until committed), p50/p99 over 1,000 edits, next to
//       a raw libpq prepared UPDATE + COMMIT of the same row on the same server;
//   (b) 20 writers at once, each with its own connection, 100 ticks each: p50/p99 per tick;
//   (c) a change by one client reaching another: from the writer's commit returning to the
//       reader, woken by the notification on its socket, having loaded the new state; p50/p99
//       over 200 changes.
// Usage: preflight_server_bench [database]   (default: preflight_bench, created and dropped)
//        preflight_server_bench --copy N [N...]   "db copy" of a file holding N audit rows into a
//        fresh database: total time and time per 1,000 rows, which must not grow with N.

#include "storage/Audit.h"
#include "storage/Postgres.h"
#include "storage/SqliteDatabase.h"
#include "storage/Store.h"
#include "templates/TemplateRegistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <libpq-fe.h>
#include <poll.h>
#include <thread>
#include <vector>

using namespace preflight;

namespace {

struct Percentiles
{
    double p50 = 0;
    double p99 = 0;
};

Percentiles percentiles(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) { return samples[std::min(samples.size() - 1, size_t(q * double(samples.size())))]; };
    return { at(0.50), at(0.99) };
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

Store::ItemPatch tick(int n)
{
    Store::ItemPatch patch;
    patch.status = n % 2 == 0 ? ItemStatus::Done : ItemStatus::Open;
    return patch;
}

Percentiles storeTicks(Store &store, qint64 project, const QString &item, int count)
{
    std::vector<double> samples;
    for (int n = 0; n < count; ++n) {
        QElapsedTimer timer;
        timer.start();
        store.setItem(project, item, tick(n));
        samples.push_back(msSince(timer));
    }
    return percentiles(samples);
}

Percentiles rawTicks(const QString &location, qint64 project, const QString &item, int count)
{
    PGconn *conn = PQconnectdb(location.toUtf8().constData());
    PQclear(PQprepare(conn, "tick",
                      "UPDATE preflight.item_states SET status = $1 WHERE project_id = $2 AND item_id = $3", 3,
                      nullptr));
    const QByteArray projectText = QByteArray::number(project);
    const QByteArray itemText = item.toUtf8();
    std::vector<double> samples;
    for (int n = 0; n < count; ++n) {
        const char *values[] = { n % 2 == 0 ? "done" : "open", projectText.constData(), itemText.constData() };
        QElapsedTimer timer;
        timer.start();
        PQclear(PQexec(conn, "BEGIN"));
        PGresult *update = PQexecPrepared(conn, "tick", 3, values, nullptr, nullptr, 0);
        if (PQresultStatus(update) != PGRES_COMMAND_OK)
            std::fprintf(stderr, "raw update failed: %s", PQerrorMessage(conn));
        PQclear(update);
        PQclear(PQexec(conn, "COMMIT"));
        samples.push_back(msSince(timer));
    }
    PQfinish(conn);
    return percentiles(samples);
}

Percentiles concurrentWriters(const QString &location, qint64 project, const QStringList &items)
{
    constexpr int writers = 20;
    constexpr int ticks = 100;
    std::vector<std::vector<double>> perWriter(writers);
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            auto store = Store::open(location, QString());
            for (int n = 0; n < ticks; ++n) {
                QElapsedTimer timer;
                timer.start();
                store->setItem(project, items[w % items.size()], tick(n));
                perWriter[size_t(w)].push_back(msSince(timer));
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    std::vector<double> all;
    for (const auto &samples : perWriter)
        all.insert(all.end(), samples.begin(), samples.end());
    return percentiles(all);
}

Percentiles propagation(const QString &location, qint64 project, const QString &item, int count)
{
    auto writer = Store::open(location, QString());
    auto reader = Store::open(location, QString());
    qint64 seen = reader->dataVersion();
    pollfd watched { reader->changeSocket(), POLLIN, 0 };
    std::vector<double> samples;
    for (int n = 0; n < count; ++n) {
        // A note never written before: every edit is a change, announced to the reader.
        Store::ItemPatch note;
        note.note = QStringLiteral("propagation %1").arg(n);
        writer->setItem(project, item, note);
        QElapsedTimer timer;
        timer.start();
        while (reader->dataVersion() == seen)
            poll(&watched, 1, 1000);
        seen = reader->dataVersion();
        const ProjectState state = reader->loadState(project);
        if (state.itemState(item).note != note.note)
            std::fprintf(stderr, "the reader saw a stale state\n");
        samples.push_back(msSince(timer));
    }
    return percentiles(samples);
}

void recreateDatabase(const QString &database)
{
    postgres::Connection admin(QStringLiteral("dbname=postgres"));
    admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(database).toUtf8().constData());
    admin.exec(
        QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0").arg(database).toUtf8().constData());
}

// A file with one project and `rows` audit rows in all, appended in one transaction (the
// store's own appender, so the chain is what a real file holds), copied into a fresh server.
void copyBench(int rows)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("copy.db"));
    const TemplateRegistry registry;
    const qint64 project = Store::open(file, QStringLiteral("kim"))
                               ->createProject(
                                   [] {
                                       Project draft;
                                       draft.name = QStringLiteral("Copied");
                                       return draft;
                                   }(),
                                   *registry.find(QStringLiteral("appendix-a")))
                               .id;
    {
        sqlite::Database db(file, sqlite::Connection::Mode::ReadWrite);
        sql::Transaction writing(db);
        audit::Appender appender(db, QStringLiteral("kim"), db.transactionTime());
        for (qint64 n = audit::storedRows(db).size(); n < rows; ++n)
            appender.append(project, AuditKey::item(QStringLiteral("ai.prompts"), QStringLiteral("note")),
                            QStringLiteral("note %1").arg(n), QStringLiteral("note %1").arg(n + 1));
        writing.commit();
    }
    const QString database = QStringLiteral("preflight_copy_bench");
    recreateDatabase(database);
    const QString location = QStringLiteral("dbname=%1").arg(database);
    Store::initServer(location);
    QElapsedTimer timer;
    timer.start();
    const Store::CopySummary copied = Store::copyDatabase(file, location);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("db copy of %lld audit rows: %.2f s, %.1f ms per 1,000 rows\n", copied.auditRows, seconds,
                seconds * 1e6 / double(copied.auditRows));
    if (!Store::open(location, QString())->verify().ok)
        std::printf("  the copy does not verify\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    if (argc > 2 && qstrcmp(argv[1], "--copy") == 0) {
        for (int i = 2; i < argc; ++i)
            copyBench(QByteArray(argv[i]).toInt());
        return 0;
    }
    const QString database = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("preflight_bench");
    const QString location = QStringLiteral("dbname=%1").arg(database);
    recreateDatabase(database);
    Store::initServer(location);
    auto store = Store::open(location, QString());
    const TemplateRegistry registry;
    const Template &appendixA = *registry.find(QStringLiteral("appendix-a"));
    Project draft;
    draft.name = QStringLiteral("Bench");
    const qint64 project = store->createProject(draft, appendixA).id;
    QStringList items;
    for (const Category &category : appendixA.categories)
        for (const Section &section : category.sections)
            for (const Item &item : section.items)
                items << item.id;
    const QString item = items.front();
    store->setItem(project, item, tick(0)); // the raw UPDATE needs the row

    std::printf("server: %s (PostgreSQL %d)\n", qUtf8Printable(store->path()), PQlibVersion());
    storeTicks(*store, project, item, 100); // warm both paths up
    rawTicks(location, project, item, 100);
    const Percentiles ours = storeTicks(*store, project, item, 1000);
    const Percentiles raw = rawTicks(location, project, item, 1000);
    std::printf("(a) tick round trip:    Store p50 %.3f ms p99 %.3f ms | raw UPDATE+COMMIT p50 %.3f ms p99 %.3f ms "
                "| ratio p50 %.2fx\n",
                ours.p50, ours.p99, raw.p50, raw.p99, ours.p50 / raw.p50);
    const Percentiles busy = concurrentWriters(location, project, items);
    std::printf("(b) 20 writers at once: p50 %.3f ms p99 %.3f ms per tick\n", busy.p50, busy.p99);
    const Percentiles live = propagation(location, project, item, 200);
    std::printf("(c) change to other client's state: p50 %.3f ms p99 %.3f ms\n", live.p50, live.p99);
    store.reset();
    postgres::Connection admin(QStringLiteral("dbname=postgres"));
    admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(database).toUtf8().constData());
    return 0;
}
