// A half-finished Appendix A 1.0.0 review moved to tests/data/templates/appendix-a-1.1.0.json
// (every kind of template change), checked item by item.

#include "StoreTestSupport.h"
#include "scoring/Assessment.h"
#include "storage/Store.h"
#include "templates/MigrationPlan.h"
#include "templates/TemplateLoader.h"

#include <functional>

using namespace preflight;
using preflight::test::draftProject;
using preflight::test::TempDatabase;

namespace {

// The fixtures were written against Appendix A 1.0.0 (before its tags).
const Template &appendixA()
{
    return preflight::test::appendixAVersion("1.0.0");
}

Template appendixA11()
{
    return loadTemplateFile(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/templates/appendix-a-1.1.0.json"));
}

Store::ItemPatch answer(ItemStatus status, const QString &reason = {}, const QString &note = {},
                        const QString &owner = {}, const QString &evidence = {})
{
    Store::ItemPatch patch;
    patch.status = status;
    if (!reason.isEmpty())
        patch.reason = reason;
    if (!note.isEmpty())
        patch.note = note;
    if (!owner.isEmpty())
        patch.owner = owner;
    if (!evidence.isEmpty())
        patch.evidence = evidence;
    return patch;
}

void forEachItemId(const std::vector<Item> &items, const std::function<void(const QString &)> &visit)
{
    for (const Item &item : items) {
        visit(item.id);
        forEachItemId(item.children, visit);
    }
}

struct Expected
{
    ItemStatus status;
    QString reason;
    QString note;
    QString owner;
    QString evidence;
};

} // namespace

TEST_CASE("a half-finished review migrates to a new template version item by item", "[store][migrate]")
{
    TempDatabase temp;
    auto store = temp.open();
    const Template &from = appendixA();
    const Template to = appendixA11();
    const Project project = store->createProject(draftProject(QStringLiteral("Apollo")), from);
    const qint64 id = project.id;

    // The answers, one per kind of change, keyed by their 1.0.0 ids.
    store->setItem(id, QStringLiteral("code-quality.code-standards.all-code-follows-style-guide"),
                   answer(ItemStatus::Done, {}, QStringLiteral("ruff in CI"), QStringLiteral("Ana"),
                          QStringLiteral("https://ci/ruff")));
    store->setItem(id, QStringLiteral("code-quality.code-standards.no-print-statements"),
                   answer(ItemStatus::NotApplicable, QStringLiteral("no Python")));
    store->setItem(id, QStringLiteral("testing.unit-tests.test-coverage-over-80-percent"),
                   answer(ItemStatus::Done, {}, QStringLiteral("82 %")));
    store->setItem(id, QStringLiteral("security.input-validation.sql-injection-prevented"),
                   answer(ItemStatus::Done, {}, {}, QStringLiteral("Bo")));
    store->setItem(id, QStringLiteral("reliability.timeouts.llm-api-timeout-configured"),
                   answer(ItemStatus::NotApplicable, QStringLiteral("no LLM calls")));
    store->setItem(id, QStringLiteral("testing.integration-tests.redis-integration-tested"), answer(ItemStatus::Done));
    store->setItem(id, QStringLiteral("observability.dashboards.grafana-dashboard-created"),
                   answer(ItemStatus::Open, {}, QStringLiteral("draft board")));
    store->setItem(id, QStringLiteral("compliance.data-privacy.gdpr-compliance-verified"), answer(ItemStatus::Done));
    store->setItem(id, QStringLiteral("executive-summary.rollback-plan-tested"), answer(ItemStatus::Done));
    Risk risk;
    risk.title = QStringLiteral("Injection");
    risk.severity = Severity::High;
    risk.linkedItems = { QStringLiteral("security.input-validation.sql-injection-prevented"),
                         QStringLiteral("compliance.security-compliance.hipaa"),
                         QStringLiteral("testing.unit-tests.test-coverage-over-80-percent") };
    const qint64 riskId = store->addRisk(id, risk).id;
    SignOff signoff;
    signoff.role = QStringLiteral("Engineering Lead");
    signoff.name = QStringLiteral("Kim");
    store->signOff(id, signoff);
    const QDate today = QDate::currentDate();
    REQUIRE_FALSE(assess(from, store->loadState(id), today).signoffs[0].stale);

    const MigrationPlan plan = planMigration(from, to, store->loadState(id));
    CHECK(plan.carried.size() == 8);
    CHECK(plan.dropped.size() == 1);
    CHECK(plan.dropped[0].itemId == QStringLiteral("code-quality.code-standards.no-print-statements"));
    CHECK(plan.rechecks() == 3);
    CHECK(plan.added.size() == 4);
    CHECK(plan.staleSignOffs == 1);
    const size_t historyBefore = store->history(id).size();

    REQUIRE(store->migrateProject(id, to, plan));
    const ProjectState state = store->loadState(id);
    CHECK(state.project.templateVersion == QStringLiteral("1.1.0"));
    REQUIRE(store->storedTemplate(QStringLiteral("appendix-a"), QStringLiteral("1.1.0")));

    // Every item of the new version, one by one: the carried answers exactly, everything else open.
    const std::map<QString, Expected> expected {
        { QStringLiteral("code-quality.code-standards.all-code-follows-style-guide"),
          { ItemStatus::Done,
            {},
            QStringLiteral("ruff in CI"),
            QStringLiteral("Ana"),
            QStringLiteral("https://ci/ruff") } },
        { QStringLiteral("testing.unit-tests.test-coverage-over-80-percent"),
          { ItemStatus::Done, {}, QStringLiteral("82 %"), {}, {} } },
        { QStringLiteral("security.input-validation.sql-injection-blocked"),
          { ItemStatus::Done, {}, {}, QStringLiteral("Bo"), {} } },
        { QStringLiteral("reliability.timeouts.llm-timeout-configured"),
          { ItemStatus::NotApplicable, QStringLiteral("no LLM calls"), {}, {}, {} } },
        { QStringLiteral("testing.integration-tests.redis-integration-tested"), { ItemStatus::Done, {}, {}, {}, {} } },
        { QStringLiteral("observability.dashboards.grafana-dashboard-created"),
          { ItemStatus::Open, {}, QStringLiteral("draft board"), {}, {} } },
        { QStringLiteral("compliance.data-privacy.gdpr-compliance-verified"), { ItemStatus::Done, {}, {}, {}, {} } },
    };
    int checked = 0;
    for (const Category &category : to.categories) {
        for (const Section &section : category.sections) {
            forEachItemId(section.items, [&](const QString &itemId) {
                INFO(itemId.toStdString());
                const ItemState item = state.itemState(itemId);
                const auto want = expected.find(itemId);
                if (want == expected.end()) {
                    CHECK(item.status == ItemStatus::Open);
                    CHECK(item.note.isEmpty());
                    CHECK(item.owner.isEmpty());
                } else {
                    CHECK(item.status == want->second.status);
                    CHECK(item.reason == want->second.reason);
                    CHECK(item.note == want->second.note);
                    CHECK(item.owner == want->second.owner);
                    CHECK(item.evidence == want->second.evidence);
                    ++checked;
                }
            });
        }
    }
    CHECK(checked == int(expected.size()));
    CHECK(state.itemState(QStringLiteral("executive-summary.rollback-plan-tested")).status == ItemStatus::Done);
    // No answer is left under an id the new version lacks.
    for (const auto &[itemId, item] : state.items) {
        INFO(itemId.toStdString());
        CHECK((to.findItem(itemId) || to.findSummaryItem(itemId)));
    }

    // Reworded items keep their answer, flagged with the wording it was given to.
    const std::map<QString, QString> rechecks = store->itemsToRecheck(id);
    CHECK(rechecks
          == std::map<QString, QString> {
              { QStringLiteral("executive-summary.rollback-plan-tested"), QStringLiteral("Rollback plan tested") },
              { QStringLiteral("reliability.timeouts.llm-timeout-configured"),
                QStringLiteral("LLM API timeout configured") },
              { QStringLiteral("testing.unit-tests.test-coverage-over-80-percent"),
                QStringLiteral("Test coverage > 80%") } });

    // The removed item's answer is out of the state and in the audit trail.
    CHECK(state.items.count(QStringLiteral("code-quality.code-standards.no-print-statements")) == 0);
    const std::vector<AuditEntry> history = store->history(id);
    const auto logged = [&](const QString &what, const QString &oldValue, const QString &newValue) {
        return std::any_of(history.begin() + std::ptrdiff_t(historyBefore), history.end(), [&](const AuditEntry &e) {
            return e.key.toString() == what && e.oldValue == oldValue && e.newValue == newValue;
        });
    };
    CHECK(logged(QStringLiteral("item:code-quality.code-standards.no-print-statements:reason"),
                 QStringLiteral("no Python"), QString()));
    CHECK(logged(QStringLiteral("item:code-quality.code-standards.no-print-statements:status"), QStringLiteral("na"),
                 QString()));
    CHECK(logged(QStringLiteral("item:security.input-validation.sql-injection-blocked:owner"), QString(),
                 QStringLiteral("Bo")));
    CHECK(logged(QStringLiteral("project:template"), QStringLiteral("appendix-a@1.0.0"),
                 QStringLiteral("appendix-a@1.1.0")));
    CHECK(logged(QStringLiteral("item:testing.unit-tests.test-coverage-over-80-percent:recheck"), QString(),
                 QStringLiteral("wording changed in 1.1.0")));
    CHECK(store->verify().ok);

    // Risk links follow the new id and drop the removed item.
    CHECK(state.risks.at(0).id == riskId);
    CHECK(state.risks.at(0).linkedItems
          == QStringList { QStringLiteral("security.input-validation.sql-injection-blocked"),
                           QStringLiteral("testing.unit-tests.test-coverage-over-80-percent") });

    // The sign-off approved the old checklist: it is stale now.
    const Assessment after = assess(to, state, today);
    CHECK(after.signoffs[0].stale);

    // Migrating twice is a no-op: nothing is written, not even an audit row.
    const QString head = store->auditHead();
    CHECK_FALSE(store->migrateProject(id, to, plan));
    CHECK(planMigration(to, to, state).noop());
    CHECK(store->auditHead() == head);

    // A confirmed answer loses its flag, audited; confirming again changes nothing.
    CHECK(store->confirmItems(id, { QStringLiteral("testing.unit-tests.test-coverage-over-80-percent") }) == 1);
    CHECK(store->confirmItems(id, { QStringLiteral("testing.unit-tests.test-coverage-over-80-percent") }) == 0);
    CHECK(store->itemsToRecheck(id).size() == 2);
}

TEST_CASE("a migration plan made for another version is refused and writes nothing", "[store][migrate]")
{
    TempDatabase temp;
    auto store = temp.open();
    const Template to = appendixA11();
    const Project project = store->createProject(draftProject(QStringLiteral("Apollo")), appendixA());
    Template other = appendixA();
    other.version = QStringLiteral("0.9.0");
    const MigrationPlan stalePlan = planMigration(other, to, store->loadState(project.id));
    const QString head = store->auditHead();
    CHECK_THROWS_WITH(store->migrateProject(project.id, to, stalePlan),
                      Catch::Contains("follows template \"appendix-a\" 1.0.0, but the migration plan starts from "
                                      "appendix-a 0.9.0"));
    CHECK(store->auditHead() == head);
    CHECK(store->project(project.id)->templateVersion == QStringLiteral("1.0.0"));
    Template foreign = to;
    foreign.id = QStringLiteral("team-review");
    CHECK_THROWS_WITH(planMigration(appendixA(), foreign, {}),
                      Catch::Contains("a project moves between versions of its own template"));
}
