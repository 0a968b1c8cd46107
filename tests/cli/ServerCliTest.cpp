// The command line against a team server, as the real binary: the login the server authenticated
// is who acts, and many reviewers' processes writing at once lose nothing. Hidden unless
// tests/with-server.sh runs the suite against a throwaway PostgreSQL (CTest: cli.on_server).

#include "ServerRun.h"
#include "core/storage/StoreTestSupport.h"

#include <QProcess>

#include <nlohmann/json.hpp>

using namespace preflight;
using preflight::test::Run;
using preflight::test::runPreflight;
using preflight::test::TempDatabase;

namespace {

const QString style = QStringLiteral("code-quality.code-standards.all-code-follows-style-guide");

} // namespace

TEST_CASE("On a server the command line acts as the authenticated login", "[.][server]")
{
    TempDatabase temp;
    const Run init
        = runPreflight({ QStringLiteral("server"), QStringLiteral("init"), temp.path, QStringLiteral("--json") });
    REQUIRE(init.exitCode == 0);
    const auto document = nlohmann::json::parse(init.out.toStdString());
    CHECK(document["schema"] == "preflight.server-init/1");
    CHECK(document["from_version"] == document["to_version"]); // already initialised: nothing to do

    const QStringList db { QStringLiteral("--db"), temp.path };
    REQUIRE(runPreflight(QStringList { QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("Shop"),
                                       QStringLiteral("--template"), QStringLiteral("appendix-a") }
                         + db)
                .exitCode
            == 0);
    const Run refused
        = runPreflight(QStringList { QStringLiteral("item"), QStringLiteral("Shop"), style, QStringLiteral("done"),
                                     QStringLiteral("--actor"), QStringLiteral("somebody-else") }
                       + db);
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(QStringLiteral("--actor is refused on a team server")));
    REQUIRE(
        runPreflight(QStringList { QStringLiteral("item"), QStringLiteral("Shop"), style, QStringLiteral("done") } + db)
            .exitCode
        == 0);

    const Run history = runPreflight(
        QStringList { QStringLiteral("history"), QStringLiteral("Shop"), QStringLiteral("--json") } + db);
    REQUIRE(history.exitCode == 0);
    const auto entries = nlohmann::json::parse(history.out.toStdString())["entries"];
    REQUIRE(entries.size() == 3);
    const std::string login = qEnvironmentVariable("PGUSER", qEnvironmentVariable("USER")).toStdString();
    for (const auto &entry : entries)
        CHECK(entry["actor"] == login);
    const Run verify = runPreflight(QStringList { QStringLiteral("verify") } + db);
    CHECK(verify.exitCode == 0);
    CHECK(verify.out.contains(QStringLiteral("postgresql://")));
    CHECK(verify.out.contains(QStringLiteral("intact")));
}

TEST_CASE("Eight command-line processes writing 200 edits each lose nothing", "[.][server]")
{
    TempDatabase temp;
    REQUIRE(
        runPreflight({ QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("Shop"),
                       QStringLiteral("--template"), QStringLiteral("appendix-a"), QStringLiteral("--db"), temp.path })
            .exitCode
        == 0);
    constexpr int writers = 8;
    constexpr int edits = 200;
    QStringList items; // one per writer: each category's first item
    for (const Category &category : preflight::test::appendixA().categories)
        items << category.sections.front().items.front().id;
    REQUIRE(items.size() >= writers);
    // Each writer edits its own item's note, each edit its own process and transaction, all at once.
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int w = 0; w < writers; ++w) {
        const QString script = QStringLiteral("for n in $(seq 0 %1); do \"$0\" item Shop \"$1\" done --note \"w%2-$n\" "
                                              "--db \"$2\" || exit 1; done")
                                   .arg(edits - 1)
                                   .arg(w);
        auto process = std::make_unique<QProcess>();
        process->start(QStringLiteral("/bin/sh"),
                       { QStringLiteral("-c"), script, QStringLiteral(PREFLIGHT_BINARY), items[w], temp.path });
        processes.push_back(std::move(process));
    }
    for (auto &process : processes) {
        REQUIRE(process->waitForFinished(280000));
        INFO(process->readAllStandardError().toStdString());
        CHECK(process->exitCode() == 0);
    }

    auto store = temp.open();
    const auto project = store->findProject(QStringLiteral("Shop"));
    REQUIRE(project.has_value());
    const ProjectState state = store->loadState(project->id);
    for (int w = 0; w < writers; ++w)
        CHECK(state.itemState(items[w]).note == QStringLiteral("w%1-%2").arg(w).arg(edits - 1));
    int noteChanges = 0;
    for (const AuditEntry &entry : store->history(project->id))
        noteChanges += entry.key.field == QLatin1String("note") ? 1 : 0;
    CHECK(noteChanges == writers * edits);
    CHECK(store->verify().ok);
}
