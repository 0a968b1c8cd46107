// preflight_bench_store: the storage benchmark from the README ("Storage and durability").
//
// Generates a database with a synthesized 10,000-item template, 1,000 projects and about a
// million audit rows, then measures
//   (a) Store::setItem until committed, p50/p99 over 1,000 edits, next to a raw sqlite3
//       prepared UPDATE + COMMIT on the same file with the same pragmas, in the same run;
//   (b) Store::loadState of the project holding all 10,000 item states.
// Usage: preflight_bench_store [folder [--reuse]]   (default: a temporary folder, removed afterwards)

#include "model/Template.h"
#include "storage/Audit.h"
#include "storage/Sqlite.h"
#include "storage/Store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace preflight;

namespace {

constexpr int projectCount = 1000;
constexpr int itemsPerProject = 1000; // every project but the measured one
constexpr int measuredEdits = 1000;

Template synthesizeTemplate()
{
    Template tmpl;
    tmpl.id = QStringLiteral("bench");
    tmpl.version = QStringLiteral("1.0.0");
    for (int c = 0; c < 10; ++c) {
        Category category;
        category.id = QStringLiteral("cat%1").arg(c);
        for (int s = 0; s < 10; ++s) {
            Section section;
            section.id = category.id + QStringLiteral(".sec%1").arg(s);
            for (int i = 0; i < 100; ++i)
                section.items.push_back(
                    Item { section.id + QStringLiteral(".item%1").arg(i), QStringLiteral("Check"), {} });
            category.sections.push_back(section);
        }
        tmpl.categories.push_back(category);
    }
    return tmpl;
}

QStringList itemIds(const Template &tmpl)
{
    QStringList ids;
    for (const Category &category : tmpl.categories)
        for (const Section &section : category.sections)
            for (const Item &item : section.items)
                ids << item.id;
    return ids;
}

// Bulk rows in one transaction, audit chain included, in the shapes the Store itself writes.
void generate(const QString &path, const QStringList &items)
{
    sqlite::Connection db(path, sqlite::Connection::Mode::ReadWrite);
    sqlite::Transaction transaction(db);
    sqlite::Statement project(db,
                              "INSERT INTO projects(id, name, template_id, template_version, created, updated) "
                              "VALUES(?1, ?2, 'bench', '1.0.0', ?3, ?3)");
    sqlite::Statement item(db,
                           "INSERT INTO item_states(project_id, item_id, status, owner, changed_by, changed_at) "
                           "VALUES(?1, ?2, 'done', 'owner', 'bench', ?3)");
    sqlite::Statement risk(db,
                           "INSERT INTO risks(project_id, title, severity, status, created, updated) "
                           "VALUES(?1, ?2, 'high', 'open', ?3, ?3)");
    sqlite::Statement signoff(db,
                              "INSERT INTO signoffs(project_id, role, name, decision, date, state_digest, "
                              "audit_seq) VALUES(?1, ?2, 'Signer', 'approve', ?3, 'digest', ?4)");
    sqlite::Statement audit(db,
                            "INSERT INTO audit(seq, time, actor, project_id, what, old_value, new_value, hash) "
                            "VALUES(?1, ?2, 'bench', ?3, ?4, 'open', 'done', ?5)");
    QDateTime clock = QDateTime::currentDateTimeUtc().addDays(-400);
    qint64 seq = 0;
    QString previousHash;
    for (int p = 1; p <= projectCount; ++p) {
        const QString created = clock.toString(Qt::ISODateWithMs);
        project.bind(1, p).bind(2, QStringLiteral("Project %1").arg(p, 4, 10, QLatin1Char('0'))).bind(3, created);
        project.run();
        project.reset();
        const int itemCount = p == 1 ? int(items.size()) : itemsPerProject;
        for (int i = 0; i < itemCount; ++i) {
            clock = clock.addMSecs(31);
            const QString time = clock.toString(Qt::ISODateWithMs);
            const QString &id = items[(i + p) % items.size()];
            item.bind(1, p).bind(2, id).bind(3, time).run();
            item.reset();
            const QString what = QStringLiteral("item:") + id + QStringLiteral(":status");
            ++seq;
            previousHash = audit::rowHash(previousHash, seq, time, QStringLiteral("bench"), p, what,
                                          QStringLiteral("open"), QStringLiteral("done"));
            audit.bind(1, seq).bind(2, time).bind(3, p).bind(4, what).bind(5, previousHash).run();
            audit.reset();
        }
        for (int r = 0; r < 20; ++r) {
            risk.bind(1, p).bind(2, QStringLiteral("Risk %1").arg(r)).bind(3, created).run();
            risk.reset();
        }
        for (const char *role : { "Engineering Lead", "SRE", "Security" }) {
            signoff.bind(1, p).bind(2, QString::fromLatin1(role)).bind(3, created).bind(4, seq - 10).run();
            signoff.reset();
        }
    }
    transaction.commit();
}

struct Percentiles
{
    double p50 = 0;
    double p99 = 0;
    double max = 0;
};

Percentiles percentiles(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) { return samples[size_t(q * double(samples.size() - 1) + 0.5)]; };
    return { at(0.50), at(0.99), samples.back() };
}

double millisecondsSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// The baseline: the least a durable single-field edit can cost on this file and machine.
class RawEditor
{
public:
    RawEditor(const QString &path)
        : m_db(path, sqlite::Connection::Mode::ReadWrite)
    {
        m_db.exec("PRAGMA busy_timeout = 5000");
        m_db.exec("PRAGMA journal_mode = WAL");
        m_db.exec("PRAGMA synchronous = FULL");
        m_db.exec("PRAGMA foreign_keys = ON");
    }

    double edit(const QString &itemId, const QString &note)
    {
        QElapsedTimer timer;
        timer.start();
        m_begin.run();
        m_begin.reset();
        m_update.bind(1, note).bind(2, itemId).run();
        m_update.reset();
        m_commit.run();
        m_commit.reset();
        return millisecondsSince(timer);
    }

private:
    sqlite::Connection m_db;
    sqlite::Statement m_begin { m_db, "BEGIN IMMEDIATE" };
    sqlite::Statement m_update { m_db, "UPDATE item_states SET note = ?1 WHERE project_id = 1 AND item_id = ?2" };
    sqlite::Statement m_commit { m_db, "COMMIT" };
};

double storeEdit(Store &store, const QString &itemId, const QString &note)
{
    Store::ItemPatch patch;
    patch.note = note;
    QElapsedTimer timer;
    timer.start();
    store.setItem(1, itemId, patch);
    return millisecondsSince(timer);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir temporary;
    const QString folder = argc > 1 ? QString::fromLocal8Bit(argv[1]) : temporary.path();
    const QString path = folder + QStringLiteral("/bench.db");
    // --reuse keeps a database generated by an earlier run in the same folder (generation is
    // the slow part); the measurements are the same either way.
    const bool reuse = argc > 2 && qstrcmp(argv[2], "--reuse") == 0 && QFile::exists(path);
    if (!reuse)
        QFile::remove(path);

    const Template tmpl = synthesizeTemplate();
    const QStringList items = itemIds(tmpl);
    std::printf("database: %s\ntemplate: %d items\n", qUtf8Printable(path), int(items.size()));

    QElapsedTimer timer;
    timer.start();
    if (!reuse) {
        Store::open(path, QStringLiteral("bench")); // creates the schema
        generate(path, items);
    }
    std::printf("generated %d projects and %lld audit rows in %.1f s\n", projectCount,
                qint64(projectCount - 1) * itemsPerProject + items.size(), double(timer.elapsed()) / 1000);

    timer.restart();
    auto store = Store::open(path, QStringLiteral("bench"));
    // The full quick_check and the day's backup run in the background; the first write waits for them.
    std::printf("open (header and schema checks; until a window could show): %.0f ms\n", millisecondsSince(timer));

    // Alternating blocks of edits, so both sides meet the same disk conditions (other processes'
    // I/O makes fsync latency drift over seconds). Every edit writes a value not written before:
    // an edit that changes nothing would be free. The first block of each is warm-up.
    RawEditor rawEditor(path);
    std::vector<double> rawSamples;
    std::vector<double> storeSamples;
    constexpr int block = 25;
    const QString run = QString::number(QDateTime::currentMSecsSinceEpoch()); // unique across --reuse runs
    const auto itemAt = [&](int n, int offset) { return items[(qsizetype(n + block) * 7 + offset) % items.size()]; };
    for (int first = -block; first < measuredEdits; first += block) {
        for (int n = first; n < first + block; ++n) {
            const double ms = rawEditor.edit(itemAt(n, 0), QStringLiteral("raw %1 %2").arg(run).arg(n));
            if (n >= 0)
                rawSamples.push_back(ms);
        }
        for (int n = first; n < first + block; ++n) {
            const double ms = storeEdit(*store, itemAt(n, 1), QStringLiteral("store %1 %2").arg(run).arg(n));
            if (n >= 0)
                storeSamples.push_back(ms);
        }
    }
    const Percentiles raw = percentiles(rawSamples);
    const Percentiles stored = percentiles(storeSamples);

    std::vector<double> loads;
    size_t loadedItems = 0;
    for (int n = 0; n < 20; ++n) {
        timer.restart();
        loadedItems = store->loadState(1).items.size();
        loads.push_back(millisecondsSince(timer));
    }
    const Percentiles load = percentiles(loads);

    timer.restart();
    const Store::Verification verification = store->verify();
    const double verifyMs = millisecondsSince(timer);

    std::printf("\n| measurement | p50 | p99 | max |\n|---|---|---|---|\n");
    std::printf("| raw sqlite3 UPDATE + COMMIT | %.2f ms | %.2f ms | %.2f ms |\n", raw.p50, raw.p99, raw.max);
    std::printf("| Store::setItem | %.2f ms | %.2f ms | %.2f ms |\n", stored.p50, stored.p99, stored.max);
    std::printf("| Store::loadState (%zu items, 20 risks) | %.2f ms | %.2f ms | %.2f ms |\n", loadedItems, load.p50,
                load.p99, load.max);
    std::printf("\nsetItem / raw: p50 %.2fx, p99 %.2fx (target: p50 within 1.5x of raw, p99 < 16 ms): %s\n",
                stored.p50 / raw.p50, stored.p99 / raw.p99,
                stored.p50 <= 1.5 * raw.p50 && stored.p99 < 16 ? "met" : "NOT MET");
    std::printf("loadState p50 %.2f ms (target < 100 ms): %s\n", load.p50, load.max < 100 ? "met" : "NOT MET");
    std::printf("verify: %lld rows in %.0f ms, %s\n", verification.rowsChecked, verifyMs,
                verification.ok ? "chain ok" : qUtf8Printable(verification.problem));
    return 0;
}
