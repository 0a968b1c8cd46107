#include "scoring/Progress.h"

#include "core/scoring/SampleReview.h"
#include "core/storage/StoreTestSupport.h"
#include "scoring/Assessment.h"

using namespace preflight;
using namespace preflight::test;

namespace {

Store::ItemPatch statusPatch(ItemStatus status, const QString &reason = {})
{
    Store::ItemPatch patch;
    patch.status = status;
    if (!reason.isEmpty())
        patch.reason = reason;
    return patch;
}

} // namespace

TEST_CASE("Progress over time replays the audit trail's item status changes", "[scoring][progress]")
{
    const Template tmpl = sampleTemplate();
    TempDatabase temp;
    auto store = temp.open();
    const qint64 id = store->createProject(draftProject(QStringLiteral("Apollo")), tmpl).id;
    store->setItem(id, QStringLiteral("c1"), statusPatch(ItemStatus::Done));
    store->setItem(id, QStringLiteral("h1"), statusPatch(ItemStatus::NotApplicable, QStringLiteral("no UI")));
    Store::ItemPatch note;
    note.note = QStringLiteral("not a status change");
    store->setItem(id, QStringLiteral("h1"), note);
    // Neither a risk's status nor an id the template does not have moves the checklist.
    Risk risk;
    risk.title = QStringLiteral("Outage");
    risk.severity = Severity::Low;
    store->addRisk(id, risk);
    store->setItem(id, QStringLiteral("retired-item"), statusPatch(ItemStatus::Done));
    store->setItem(id, QStringLiteral("c1"), statusPatch(ItemStatus::Open));

    const ProjectState state = store->loadState(id);
    const std::vector<AuditEntry> history = store->history(id);
    const std::vector<ProgressPoint> points = progressOverTime(tmpl, state, history);
    REQUIRE(points.size() == 4); // creation plus three status changes of template items
    const double oneItem = 100.0 / tmpl.itemCount();
    CHECK(points[0].completion == 0.0);
    CHECK(points[1].completion == Approx(oneItem));
    CHECK(points[2].completion == Approx(2 * oneItem));
    CHECK(points[3].completion == Approx(oneItem));
    CHECK(points[0].time == state.project.created);
    // The last point is the project as it stands: the same score as the live assessment.
    const Assessment now = assess(tmpl, state, points[3].time.date());
    REQUIRE(points[3].score.has_value() == now.score.has_value());
    if (now.score)
        CHECK(*points[3].score == Approx(*now.score));

    const std::vector<ProgressPoint> thinned = progressOverTime(tmpl, state, history, 3);
    CHECK(thinned.size() <= 3);
    CHECK(thinned.back().completion == Approx(oneItem));
}
