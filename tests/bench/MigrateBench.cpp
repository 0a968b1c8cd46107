// preflight_migrate_bench: the template-migration benchmark from the README ("Templates that
// evolve").
//
// A 10,000-item template (10 categories × 10 sections × 100 items, every text different) and a
// next version that rewords 500 items, re-identifies 100 (new id, near-same text), moves 100 to
// another section, removes 100, adds 100 and changes two categories' severity. One project
// answers all 10,000 items with full history (status, then note, then owner: three audited edits
// per item, 30,000+ audit rows) and holds a sign-off. Each run migrates a fresh copy of that
// database: load the state, plan (diff included), Store::migrateProject, as `project migrate
// --apply` does.
// Usage: preflight_migrate_bench [runs]   (default 3)

#include "model/Template.h"
#include "storage/Store.h"
#include "templates/MigrationPlan.h"
#include "templates/TemplateDiff.h"
#include "templates/TemplateRegistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace preflight;

namespace {

// Different words per item, so text matching has real work to do.
QString itemText(int c, int s, int i)
{
    static const char *words[] = { "backups", "alerts",     "tracing",  "quotas",  "secrets", "timeouts", "retries",
                                   "limits",  "dashboards", "runbooks", "caching", "probes",  "scaling" };
    return QStringLiteral("Verify %1 and %2 for service %3 in zone %4 (check %5)")
        .arg(QLatin1String(words[(c + i) % 13]), QLatin1String(words[(s * 7 + i) % 13]))
        .arg(c * 1000 + s * 100 + i)
        .arg(s)
        .arg(i);
}

Template version1()
{
    Template tmpl;
    tmpl.id = QStringLiteral("bench");
    tmpl.version = QStringLiteral("1.0.0");
    tmpl.title = QStringLiteral("Bench");
    // What the store parses back, as any stored version: Appendix A's project-level lists.
    tmpl.description = QStringLiteral("A generated template");
    static const TemplateRegistry registry;
    const Template &appendix = *registry.find(QString::fromLatin1(TemplateRegistry::DefaultTemplateId));
    tmpl.riskColumns = appendix.riskColumns;
    tmpl.statusValues = appendix.statusValues;
    tmpl.projectFields = appendix.projectFields;
    tmpl.signoffRoles = { QStringLiteral("Lead") };
    for (int c = 0; c < 10; ++c) {
        Category category;
        category.id = QStringLiteral("cat%1").arg(c);
        category.title = category.id;
        category.number = c + 1;
        category.severity = c % 2 ? Severity::High : Severity::Critical;
        for (int s = 0; s < 10; ++s) {
            Section section;
            section.id = category.id + QStringLiteral(".sec%1").arg(s);
            section.title = section.id;
            for (int i = 0; i < 100; ++i)
                section.items.push_back({ section.id + QStringLiteral(".item%1").arg(i), itemText(c, s, i), {} });
            category.sections.push_back(section);
        }
        tmpl.categories.push_back(category);
    }
    return tmpl;
}

Template version2(const Template &old)
{
    Template tmpl = old;
    tmpl.version = QStringLiteral("2.0.0");
    tmpl.categories[3].severity = Severity::Medium;
    tmpl.categories[4].severity = Severity::Low;
    for (Category &category : tmpl.categories) {
        for (size_t s = 0; s < category.sections.size(); ++s) {
            std::vector<Item> &items = category.sections[s].items;
            for (int i = 0; i < 5; ++i)
                items[size_t(10 + i)].text += QStringLiteral(" before launch"); // reworded
            items[20].id += QStringLiteral("-renamed"); // re-identified
            items[20].text += u'.';
            items.push_back({ category.sections[s].id + QStringLiteral(".new"), QStringLiteral("A new check"), {} });
            items.erase(items.begin() + 30); // removed
            // Moved: the section's item 40 goes to the next section.
            Item moved = items[39];
            items.erase(items.begin() + 39);
            category.sections[(s + 1) % category.sections.size()].items.push_back(moved);
        }
    }
    return tmpl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 3;
    QTemporaryDir dir;
    const QString seed = dir.filePath(QStringLiteral("seed.db"));
    const Template from = version1();
    const Template to = version2(from);
    {
        auto store = Store::open(seed, QStringLiteral("bench"));
        Project draft;
        draft.name = QStringLiteral("Big");
        const qint64 id = store->createProject(draft, from).id;
        std::vector<Store::ItemEdit> status;
        std::vector<Store::ItemEdit> notes;
        std::vector<Store::ItemEdit> owners;
        for (const Category &category : from.categories) {
            for (const Section &section : category.sections) {
                for (const Item &item : section.items) {
                    Store::ItemPatch patch;
                    patch.status = ItemStatus::Done;
                    status.push_back({ item.id, patch });
                    patch = {};
                    patch.note = QStringLiteral("Checked against the runbook");
                    notes.push_back({ item.id, patch });
                    patch = {};
                    patch.owner = QStringLiteral("Ana");
                    owners.push_back({ item.id, patch });
                }
            }
        }
        store->setItems(id, status);
        store->setItems(id, notes);
        store->setItems(id, owners);
        SignOff signoff;
        signoff.role = QStringLiteral("Lead");
        signoff.name = QStringLiteral("Kim");
        store->signOff(id, signoff);
        std::printf("project: %d items answered, %zu audit rows\n", from.itemCount(), store->history(id).size());
    }
    for (int run = 0; run < runs; ++run) {
        const QString path = dir.filePath(QStringLiteral("run%1.db").arg(run));
        QFile::copy(seed, path);
        auto store = Store::open(path, QStringLiteral("bench"));
        const qint64 id = store->findProject(QStringLiteral("Big"))->id;
        QElapsedTimer total;
        total.start();
        QElapsedTimer step;
        step.start();
        const ProjectState state = store->loadState(id);
        const qint64 loadMs = step.restart();
        const MigrationPlan plan = planMigration(from, to, state);
        const qint64 planMs = step.restart();
        if (!store->migrateProject(id, to, plan))
            return 1;
        const qint64 migrateMs = step.elapsed();
        std::printf("run %d: %lld ms (load %lld, plan %lld, migrate %lld); %zu carried, %d re-checks, %zu dropped, "
                    "%lld added\n",
                    run + 1, static_cast<long long>(total.elapsed()), static_cast<long long>(loadMs),
                    static_cast<long long>(planMs), static_cast<long long>(migrateMs), plan.carried.size(),
                    plan.rechecks(), plan.dropped.size(), static_cast<long long>(plan.added.size()));
        // The GUI's undo of it: the state after, then Store::revertMigration back to `state`.
        step.restart();
        const ProjectState after = store->loadState(id);
        if (!store->revertMigration(id, plan, state, after))
            return 1;
        const qint64 undoMs = step.restart();
        if (!store->migrateProject(id, to, plan))
            return 1;
        const qint64 redoMs = step.restart();
        const std::size_t removed = store->removedAnswers(id).size();
        std::printf("  undo %lld ms (reading the state after included), redo %lld ms, the report's removed answers "
                    "%lld ms (%zu)\n",
                    static_cast<long long>(undoMs), static_cast<long long>(redoMs),
                    static_cast<long long>(step.elapsed()), removed);
        if (!store->verify().ok)
            return 1;
    }
    // The worst case for the diff: every id changed, so every item is matched by its text (past a
    // million unmatched pairs, by equal text only).
    Template renamed = to;
    for (Category &category : renamed.categories) {
        for (Section &section : category.sections) {
            for (Item &item : section.items)
                item.id += QStringLiteral("-x");
        }
    }
    QElapsedTimer timer;
    timer.start();
    const TemplateDiff diff = diffTemplates(from, renamed);
    std::printf("diff with every id changed: %lld ms, %d re-identified\n", static_cast<long long>(timer.elapsed()),
                diff.counts().reidentified);
    return 0;
}
