#include "HistoryTestSupport.h"
#include "history/ReviewDiff.h"
#include "storage/Store.h"

#include <algorithm>

using namespace preflight;
using namespace preflight::test;

namespace {

const QDate Day { 2026, 11, 25 };

const ItemChange *changeOf(const ReviewDiff &diff, const QString &itemId)
{
    const auto found
        = std::find_if(diff.items.begin(), diff.items.end(), [&](const ItemChange &c) { return c.itemId == itemId; });
    return found == diff.items.end() ? nullptr : &*found;
}

std::shared_ptr<const Template> appendixTemplate(const Project &)
{
    return std::make_shared<const Template>(appendixA());
}

template<typename Change, typename Kind> int countKind(const std::vector<Change> &changes, Kind kind)
{
    return int(std::count_if(changes.begin(), changes.end(), [&](const Change &c) { return c.kind == kind; }));
}

} // namespace

TEST_CASE("A diff over time lists what changed after the meeting, replayed from the trail", "[history][diff]")
{
    TempDatabase temp;
    auto store = temp.open(QStringLiteral("alex"));
    const QStringList critical = itemsOf(Severity::Critical);
    const QStringList roles = appendixA().signoffRoles;
    const qint64 id = store->createProject(draftProject(QStringLiteral("Payments")), appendixA()).id;
    store->setItem(id, critical[0], { ItemStatus::Done, {}, {}, {}, {} });
    Risk risk;
    risk.title = QStringLiteral("Latency");
    risk.severity = Severity::Critical;
    const qint64 closing = store->addRisk(id, risk).id;
    risk.title = QStringLiteral("Lock-in");
    const qint64 accepting = store->addRisk(id, risk).id;
    store->signOff(id, { roles[0], QStringLiteral("Lee"), Decision::Approve, {}, {}, {}, 0, {}, {}, {}, {}, 0 });
    store->signOff(id, { roles[1], QStringLiteral("Kim"), Decision::Approve, {}, {}, {}, 0, {}, {}, {}, {}, 0 });
    nextMoment();
    const QDateTime meeting = QDateTime::currentDateTimeUtc();
    nextMoment();

    store->setActor(QStringLiteral("mei"));
    store->setItem(id, critical[1], { ItemStatus::Done, {}, {}, {}, QStringLiteral("https://ci/1") });
    store->setItem(id, critical[0], { {}, {}, QStringLiteral("checked twice"), {}, {} });
    store->updateRisk(id, closing, { {}, {}, {}, {}, RiskStatus::Closed, {}, {}, {} });
    store->updateRisk(id, accepting, { {}, {}, {}, {}, RiskStatus::Accepted, {}, {}, QDate(2030, 1, 1) });
    risk.title = QStringLiteral("New vendor");
    store->addRisk(id, risk);
    store->clearSignOff(id, roles[1]);

    const Project project = *store->project(id);
    const auto over
        = diffOverTime(appendixTemplate, project, store->history(id), meeting, QDateTime::currentDateTimeUtc());
    const ReviewDiff &diff = over.diff;

    const ItemChange *ticked = changeOf(diff, critical[1]);
    REQUIRE(ticked);
    CHECK(ticked->statusChanged());
    CHECK(ticked->evidenceChanged());
    CHECK(ticked->after.changedBy == QStringLiteral("mei"));
    CHECK(ticked->after.changedAt > meeting);
    const ItemChange *noted = changeOf(diff, critical[0]);
    REQUIRE(noted);
    CHECK_FALSE(noted->statusChanged());
    CHECK(noted->noteChanged());
    CHECK(diff.items.size() == 2);
    CHECK(diff.items.front().itemId == critical[0]); // template order

    CHECK(countKind(diff.risks, RiskChangeKind::Closed) == 1);
    CHECK(countKind(diff.risks, RiskChangeKind::Accepted) == 1);
    CHECK(countKind(diff.risks, RiskChangeKind::Opened) == 1);
    CHECK(diff.risks.size() == 3);

    // The first role's approval predates the item changes: stale. The second was withdrawn.
    REQUIRE(diff.signoffs.size() == 2);
    CHECK(diff.signoffs[0].kind == SignOffChangeKind::WentStale);
    CHECK(diff.signoffs[0].role == roles[0]);
    CHECK(diff.signoffs[1].kind == SignOffChangeKind::Withdrawn);
    CHECK(diff.signoffs[1].signoff.name == QStringLiteral("Kim"));

    const QString category = appendixA().categoryOfItem(critical[1])->id;
    const auto delta = std::find_if(diff.categories.begin(), diff.categories.end(),
                                    [&](const ScoreDelta &d) { return d.categoryId == category; });
    REQUIRE(delta != diff.categories.end());
    REQUIRE(delta->delta());
    CHECK(*delta->delta() > 0);
    CHECK(diff.categories.size() == appendixA().categories.size());
    CHECK(*diff.overall.after > *diff.overall.before);
    CHECK(diff.hasChanges());

    SECTION("nothing changed between two moments after the last row")
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto quiet = diffOverTime(appendixTemplate, project, store->history(id), now, now.addSecs(60));
        CHECK_FALSE(quiet.diff.hasChanges());
    }
}

TEST_CASE("An acceptance that runs out between the two days is an expired risk", "[history][diff]")
{
    ProjectState before;
    Risk risk;
    risk.id = 4;
    risk.title = QStringLiteral("Quota");
    risk.severity = Severity::High;
    risk.status = RiskStatus::Accepted;
    risk.acceptedBy = QStringLiteral("Lee");
    risk.acceptedUntil = QDate(2026, 11, 30);
    before.risks.push_back(risk);
    const ProjectState after = before;
    const ReviewDiff diff
        = diffReviews({ appendixA(), before, QDate(2026, 11, 25) }, { appendixA(), after, QDate(2026, 12, 2) });
    REQUIRE(diff.risks.size() == 1);
    CHECK(diff.risks[0].kind == RiskChangeKind::Expired);
    CHECK(riskChangeKindKey(diff.risks[0].kind) == QStringLiteral("expired"));
    // Within the acceptance nothing changed.
    const ReviewDiff same
        = diffReviews({ appendixA(), before, QDate(2026, 11, 25) }, { appendixA(), after, QDate(2026, 11, 29) });
    CHECK(same.risks.empty());
}

TEST_CASE("Comparing two reviews pairs risks by title", "[history][diff]")
{
    ProjectState previous;
    ProjectState current;
    Risk risk;
    risk.id = 1;
    risk.title = QStringLiteral("Latency");
    previous.risks.push_back(risk);
    risk.id = 9; // numbered per database: the same risk in another review
    risk.title = QStringLiteral("latency ");
    risk.status = RiskStatus::Mitigated;
    current.risks.push_back(risk);
    const ReviewDiff byTitle
        = diffReviews({ appendixA(), previous, Day }, { appendixA(), current, Day }, RiskMatch::ByTitle);
    REQUIRE(byTitle.risks.size() == 1);
    CHECK(byTitle.risks[0].kind == RiskChangeKind::Mitigated);
    const ReviewDiff byId = diffReviews({ appendixA(), previous, Day }, { appendixA(), current, Day });
    CHECK(countKind(byId.risks, RiskChangeKind::Opened) == 1);
    CHECK(countKind(byId.risks, RiskChangeKind::Removed) == 1);
}
