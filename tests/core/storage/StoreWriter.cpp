// A child process for the crash and concurrency tests: applies scripted edits to a database
// through the Store and prints "ack <n>" after each one returns, i.e. after it committed.
//
//   preflight_store_writer <db> items <count> <tag>   sets note "<tag>-<n>" on item "<tag>.<n>"
//   preflight_store_writer <db> field <count> <field> sets <field> (note|owner) of item "shared"
//
// Both modes edit the project named "shared", creating it when missing.

#include "Error.h"
#include "storage/Store.h"
#include "templates/TemplateRegistry.h"

#include <QCoreApplication>

#include <cstdio>

using namespace preflight;

namespace {

qint64 sharedProject(Store &store)
{
    if (const auto existing = store.findProject(QStringLiteral("shared")))
        return existing->id;
    Project draft;
    draft.name = QStringLiteral("shared");
    draft.templateId = QStringLiteral("appendix-a");
    draft.templateVersion = QStringLiteral("1.0.0");
    try {
        return store.createProject(draft, *TemplateRegistry().find(draft.templateId)).id;
    } catch (const Error &) {
        // The other writer created it between our lookup and our insert.
        return store.findProject(QStringLiteral("shared")).value().id;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fputs("usage: preflight_store_writer <db> items|field <count> <tag|field>\n", stderr);
        return 2;
    }
    const QString mode = args[2];
    const int count = args[3].toInt();
    const QString tag = args[4];
    try {
        auto store = Store::open(args[1], QStringLiteral("writer-") + tag);
        const qint64 project = sharedProject(*store);
        for (int n = 0; n < count; ++n) {
            Store::ItemPatch patch;
            const QString value = QStringLiteral("%1-%2").arg(tag).arg(n);
            QString item = QStringLiteral("shared");
            if (mode == QLatin1String("items")) {
                item = QStringLiteral("%1.%2").arg(tag).arg(n);
                patch.note = value;
            } else if (tag == QLatin1String("owner")) {
                patch.owner = value;
            } else {
                patch.note = value;
            }
            store->setItem(project, item, patch);
            std::printf("ack %d\n", n);
            std::fflush(stdout);
        }
    } catch (const Error &error) {
        std::fprintf(stderr, "error: %s\n", qUtf8Printable(error.message()));
        return 1;
    }
    return 0;
}
