// Store::revertMigration (the GUI's undo of a template update), Store::restoreRechecks (undo of
// "Confirm wording") and Store::removedAnswers (the report's list), on a file and, through
// storage.on_server, on a PostgreSQL server.

#include "StoreTestSupport.h"
#include "scoring/Assessment.h"
#include "storage/Store.h"
#include "templates/MigrationPlan.h"
#include "templates/TemplateLoader.h"

using namespace preflight;
using preflight::test::draftProject;
using preflight::test::TempDatabase;

namespace {

const QString styleGuide = QStringLiteral("code-quality.code-standards.all-code-follows-style-guide");
const QString noPrint = QStringLiteral("code-quality.code-standards.no-print-statements");
const QString coverage = QStringLiteral("testing.unit-tests.test-coverage-over-80-percent");
const QString sqlInjection = QStringLiteral("security.input-validation.sql-injection-prevented");
const QString llmTimeout = QStringLiteral("reliability.timeouts.llm-api-timeout-configured");

// The 1.1.0 fixture was written against Appendix A 1.0.0 (before its tags).
const Template &appendixA()
{
    return preflight::test::appendixAVersion("1.0.0");
}

Template appendixA11()
{
    return loadTemplateFile(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/templates/appendix-a-1.1.0.json"));
}

Store::ItemPatch answer(ItemStatus status, const QString &reason = {}, const QString &note = {},
                        const QString &owner = {})
{
    Store::ItemPatch patch;
    patch.status = status;
    patch.reason = reason;
    patch.note = note;
    patch.owner = owner;
    return patch;
}

// A half-finished 1.0.0 review with an answer of every kind of change, a linked risk and a sign-off.
qint64 halfFinishedReview(Store &store)
{
    const qint64 id = store.createProject(draftProject(QStringLiteral("Apollo")), appendixA()).id;
    store.setItem(id, styleGuide, answer(ItemStatus::Done, {}, QStringLiteral("ruff in CI"), QStringLiteral("Ana")));
    store.setItem(id, noPrint, answer(ItemStatus::NotApplicable, QStringLiteral("no Python")));
    store.setItem(id, coverage, answer(ItemStatus::Done, {}, QStringLiteral("82 %")));
    store.setItem(id, sqlInjection, answer(ItemStatus::Done, {}, {}, QStringLiteral("Bo")));
    store.setItem(id, llmTimeout, answer(ItemStatus::NotApplicable, QStringLiteral("no LLM calls")));
    Risk risk;
    risk.title = QStringLiteral("Injection");
    risk.severity = Severity::High;
    risk.linkedItems = { sqlInjection, QStringLiteral("compliance.security-compliance.hipaa"), coverage };
    store.addRisk(id, risk);
    SignOff signoff;
    signoff.role = QStringLiteral("Engineering Lead");
    signoff.name = QStringLiteral("Kim");
    store.signOff(id, signoff);
    return id;
}

} // namespace

TEST_CASE("undoing a migration brings back every answer, flag, link and sign-off", "[store][migrate][undo]")
{
    TempDatabase temp;
    auto store = temp.open();
    const Template to = appendixA11();
    const qint64 id = halfFinishedReview(*store);
    const QDate today = QDate::currentDate();
    const ProjectState before = store->loadState(id);
    const MigrationPlan plan = planMigration(appendixA(), to, before);
    REQUIRE(store->migrateProject(id, to, plan));
    const ProjectState after = store->loadState(id);
    REQUIRE(after.rechecks.size() == 2); // the loaded state carries the flags
    CHECK(after.rechecks.at(coverage) == Recheck { QStringLiteral("Test coverage > 80%"), QStringLiteral("1.1.0") });
    REQUIRE(assess(to, after, today).signoffs[0].stale);
    const size_t historyAfter = store->history(id).size();

    REQUIRE(store->revertMigration(id, plan, before, after));
    const ProjectState undone = store->loadState(id);
    preflight::test::requireSameAnswers(undone, before);
    CHECK_FALSE(assess(appendixA(), undone, today).signoffs[0].stale);
    CHECK(undone.signoffs[0].stateDigest == undone.reviewDigest());
    // One audited transaction: the template row and the answers that came back.
    const std::vector<AuditEntry> history = store->history(id);
    const auto logged = [&](const QString &what, const QString &oldValue, const QString &newValue) {
        return std::any_of(history.begin() + std::ptrdiff_t(historyAfter), history.end(), [&](const AuditEntry &e) {
            return e.key.toString() == what && e.oldValue == oldValue && e.newValue == newValue;
        });
    };
    CHECK(logged(QStringLiteral("project:template"), QStringLiteral("appendix-a@1.1.0"),
                 QStringLiteral("appendix-a@1.0.0")));
    CHECK(
        logged(QStringLiteral("item:") + noPrint + QStringLiteral(":reason"), QString(), QStringLiteral("no Python")));
    CHECK(logged(QStringLiteral("item:") + coverage + QStringLiteral(":recheck"),
                 QStringLiteral("wording changed in 1.1.0"), QString()));
    const QDateTime revertedAt = history.back().time;
    for (auto entry = history.begin() + std::ptrdiff_t(historyAfter); entry != history.end(); ++entry)
        CHECK(entry->time == revertedAt);
    CHECK(store->verify().ok);
    // Undoing twice changes nothing.
    CHECK_FALSE(store->revertMigration(id, plan, before, after));

    // Redo: the same plan fits the restored state and gives the same answers and flags again.
    REQUIRE(store->migrateProject(id, to, plan));
    const ProjectState redone = store->loadState(id);
    CHECK(redone.rechecks == after.rechecks);
    REQUIRE(redone.items.size() == after.items.size());
    for (const auto &[itemId, state] : after.items) {
        INFO(itemId.toStdString());
        CHECK(redone.items.at(itemId).status == state.status);
        CHECK(redone.items.at(itemId).note == state.note);
        CHECK(redone.items.at(itemId).changedAt == state.changedAt);
    }
    REQUIRE(store->revertMigration(id, plan, before, redone));
    preflight::test::requireSameAnswers(store->loadState(id), before);
    CHECK(store->verify().ok);
}

TEST_CASE("an undo of a migration never overwrites a later change", "[store][migrate][undo]")
{
    TempDatabase temp;
    auto store = temp.open();
    const Template to = appendixA11();
    const qint64 id = halfFinishedReview(*store);
    const ProjectState before = store->loadState(id);
    const MigrationPlan plan = planMigration(appendixA(), to, before);
    REQUIRE(store->migrateProject(id, to, plan));
    const ProjectState after = store->loadState(id);

    SECTION("an answer edited since")
    {
        store->setItem(id, styleGuide, answer(ItemStatus::Open));
        CHECK_THROWS_AS(store->revertMigration(id, plan, before, after), EditConflict);
    }
    SECTION("a flag confirmed since")
    {
        REQUIRE(store->confirmItems(id, { coverage }) == 1);
        CHECK_THROWS_WITH(store->revertMigration(id, plan, before, after),
                          Catch::Contains("confirmed since the migration"));
    }
    SECTION("a risk relinked since")
    {
        Store::RiskPatch patch;
        patch.linkedItems = QStringList { styleGuide };
        store->updateRisk(id, after.risks.at(0).id, patch);
        CHECK_THROWS_WITH(store->revertMigration(id, plan, before, after),
                          Catch::Contains("changed since the migration"));
    }
    const ProjectState now = store->loadState(id);
    CHECK(now.project.templateVersion == QStringLiteral("1.1.0"));
    CHECK(store->verify().ok);
}

TEST_CASE("confirmed wording can be flagged again, audited", "[store][migrate][undo]")
{
    TempDatabase temp;
    auto store = temp.open();
    const qint64 id = halfFinishedReview(*store);
    const Template to = appendixA11();
    REQUIRE(store->migrateProject(id, to, planMigration(appendixA(), to, store->loadState(id))));
    const std::map<QString, Recheck> flags = store->loadState(id).rechecks;
    REQUIRE(store->confirmItems(id, { coverage, QStringLiteral("reliability.timeouts.llm-timeout-configured") }) == 2);
    CHECK(store->loadState(id).rechecks.empty());
    CHECK(store->restoreRechecks(id, flags) == 2);
    CHECK(store->loadState(id).rechecks == flags);
    CHECK(store->restoreRechecks(id, flags) == 0);
    const AuditEntry last = store->history(id).back();
    CHECK(last.key.field == QStringLiteral("recheck"));
    CHECK(last.newValue == QStringLiteral("wording changed in 1.1.0"));
    CHECK(store->verify().ok);
}

TEST_CASE("answers of removed items are read back from the audit trail", "[store][migrate][undo]")
{
    TempDatabase temp;
    auto store = temp.open(QStringLiteral("mia"));
    const qint64 id = halfFinishedReview(*store);
    const Template to = appendixA11();
    CHECK(store->removedAnswers(id).empty());
    const ProjectState before = store->loadState(id);
    const MigrationPlan plan = planMigration(appendixA(), to, before);
    REQUIRE(store->migrateProject(id, to, plan));

    const std::vector<RemovedAnswer> removed = store->removedAnswers(id);
    REQUIRE(removed.size() == 1); // a re-identified item's answer moved, it was not removed
    CHECK(removed[0].answer.itemId == noPrint);
    CHECK(removed[0].answer.status == ItemStatus::NotApplicable);
    CHECK(removed[0].answer.reason == QStringLiteral("no Python"));
    CHECK(removed[0].answer.changedBy == preflight::test::recordedActor(*store, QStringLiteral("mia")));
    CHECK(removed[0].itemText == appendixA().findItem(noPrint)->text);
    CHECK(removed[0].fromVersion == QStringLiteral("1.0.0"));
    CHECK(removed[0].toVersion == QStringLiteral("1.1.0"));
    CHECK(store->storedTemplateVersions(QStringLiteral("appendix-a")).size() == 2);

    // Once the migration is undone the item is back with its answer: nothing is listed.
    REQUIRE(store->revertMigration(id, plan, before, store->loadState(id)));
    CHECK(store->removedAnswers(id).empty());
}
