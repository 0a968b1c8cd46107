#include "portfolio/Portfolio.h"

#include "HistoryTestSupport.h"
#include "scoring/Assessment.h"
#include "storage/Store.h"
#include "templates/TemplateRegistry.h"

using namespace preflight;
using namespace preflight::test;

TEST_CASE("The portfolio has one assessed row per project", "[portfolio]")
{
    TempDatabase temp;
    auto store = temp.open(QStringLiteral("alex"));
    const TemplateRegistry registry;
    const QDate today = QDate::currentDate();
    const QStringList critical = itemsOf(Severity::Critical);

    Project draft = draftProject(QStringLiteral("Billing"));
    draft.targetDate = today.addDays(10);
    const qint64 billing = store->createProject(draft, appendixA()).id;
    store->setItem(billing, critical[0], { ItemStatus::Done, {}, {}, QStringLiteral("mei"), {} });
    draft = draftProject(QStringLiteral("Archive me"));
    draft.targetDate = today.addDays(-3);
    const qint64 old = store->createProject(draft, appendixA()).id;
    store->updateProject(old, { {}, {}, {}, {}, {}, true, {} });
    draft = draftProject(QStringLiteral("Checkout"));
    const qint64 checkout = store->createProject(draft, appendixA()).id;
    store->setItem(checkout, critical[1], { ItemStatus::Done, {}, {}, {}, {} });
    Risk risk;
    risk.title = QStringLiteral("Fraud spike");
    risk.severity = Severity::Critical;
    risk.owner = QStringLiteral("kim");
    store->setActor(QStringLiteral("bob")); // a risk row keeps no editor: the trail names him
    store->addRisk(checkout, risk);

    const std::vector<PortfolioRow> rows = buildPortfolio(*store, registry, today);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].project.name == QStringLiteral("Archive me")); // the store's name order
    CHECK(rows[0].daysLeft == -3);
    CHECK(rows[1].project.name == QStringLiteral("Billing"));
    CHECK(rows[1].daysLeft == 10);
    CHECK(rows[1].lastActor == QStringLiteral("alex"));
    CHECK(rows[1].owners == QStringList { QStringLiteral("mei") });
    CHECK_FALSE(rows[2].daysLeft);
    CHECK(rows[2].lastActor == QStringLiteral("bob"));
    CHECK(rows[2].openHighOrCriticalRisks == 1);
    CHECK(rows[2].owners == QStringList { QStringLiteral("kim") });

    // Every number is the assessment's, never a count of the portfolio's own.
    const Assessment assessment = assess(appendixA(), store->loadState(billing), today);
    const PortfolioRow &row = rows[1];
    CHECK(row.verdict == assessment.verdict);
    CHECK(row.score == assessment.score);
    CHECK(row.openCriticalItems == assessment.bySeverity.at(Severity::Critical).open);
    CHECK(row.signOffsNeeded == appendixA().signoffRoles.size());
    CHECK(row.signOffsGiven == 0);
    REQUIRE(row.categories.size() == appendixA().categories.size());
    for (std::size_t i = 0; i < row.categories.size(); ++i) {
        CHECK(row.categories[i].categoryId == assessment.categories[i].id);
        CHECK(row.categories[i].score == assessment.categories[i].score);
        CHECK(row.categories[i].heat == heatOf(row.categories[i].severity, row.categories[i].score));
    }
    CHECK(row.lastActivity == store->project(billing)->updated);

    const auto active = buildPortfolio(*store, registry, today, { false });
    CHECK(active.size() == 2);
}

TEST_CASE("Heat follows the category's severity", "[portfolio]")
{
    CHECK(heatOf(Severity::Critical, 100.0) == Heat::OnTrack);
    CHECK(heatOf(Severity::Critical, 99.9) == Heat::Behind);
    CHECK(heatOf(Severity::Critical, 74.9) == Heat::AtRisk);
    CHECK(heatOf(Severity::Low, 50.0) == Heat::OnTrack);
    CHECK(heatOf(Severity::Low, 25.0) == Heat::Behind);
    CHECK(heatOf(Severity::Low, 24.0) == Heat::AtRisk);
    CHECK(heatOf(Severity::High, std::nullopt) == Heat::NotApplicable);
    CHECK(heatKey(Heat::AtRisk) == QStringLiteral("at-risk"));
}

TEST_CASE("A sign-off gone stale shows in the row", "[portfolio]")
{
    TempDatabase temp;
    auto store = temp.open();
    const TemplateRegistry registry;
    const qint64 id = store->createProject(draftProject(QStringLiteral("P")), appendixA()).id;
    store->signOff(
        id,
        { appendixA().signoffRoles[0], QStringLiteral("Lee"), Decision::Approve, {}, {}, {}, 0, {}, {}, {}, {}, 0 });
    store->setItem(id, itemsOf(Severity::High)[0], { ItemStatus::Done, {}, {}, {}, {} });
    const auto rows = buildPortfolio(*store, registry, QDate::currentDate());
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].signOffsStale == 1);
    CHECK(rows[0].signOffsGiven == 0);
}
