#include "HistoryTestSupport.h"
#include "history/ReviewReplay.h"
#include "storage/Store.h"

using namespace preflight;
using namespace preflight::test;

namespace {

struct Snapshot
{
    QDateTime time; // the newest audit row's stamp when it was taken
    ProjectState state;
    QString head; // Store::auditHead() then
};

// A review that touches every audited field: edits, a rename, risks added, accepted, edited and
// removed, sign-offs given, replaced and withdrawn, all by two people.
std::vector<Snapshot> runReview(Store &store, qint64 &projectId)
{
    std::vector<Snapshot> snapshots;
    const auto snap = [&] {
        snapshots.push_back({ store.history(projectId).back().time, store.loadState(projectId), store.auditHead() });
        nextMoment();
    };
    const QStringList critical = itemsOf(Severity::Critical);
    Project draft = draftProject(QStringLiteral("Payments API"));
    draft.description = QStringLiteral("Card payments");
    draft.targetDate = QDate(2027, 3, 1);
    draft.notes = QStringLiteral("# Notes");
    projectId = store.createProject(draft, appendixA()).id;
    snap();

    store.setItems(projectId,
                   { { critical[0], { ItemStatus::Done, {}, QStringLiteral("via CI"), {}, {} } },
                     { critical[1], { {}, {}, {}, QStringLiteral("mei"), {} } } });
    snap();
    Risk risk;
    risk.title = QStringLiteral("Card vault latency");
    risk.severity = Severity::High;
    risk.linkedItems = { critical[0], critical[1] };
    const qint64 first = store.addRisk(projectId, risk).id;
    risk.title = QStringLiteral("Vendor lock-in");
    risk.severity = Severity::Low;
    risk.linkedItems.clear();
    const qint64 second = store.addRisk(projectId, risk).id;
    snap();

    store.setActor(QStringLiteral("mei"));
    SignOff signoff;
    signoff.role = appendixA().signoffRoles.value(0);
    signoff.decision = Decision::ApproveWithRisks;
    signoff.comment = QStringLiteral("latency: watch it");
    store.signOff(projectId, signoff);
    snap();

    Store::RiskPatch accept;
    accept.status = RiskStatus::Accepted;
    accept.acceptedUntil = QDate(2027, 1, 31);
    accept.mitigation = QStringLiteral("Cache tokens");
    store.updateRisk(projectId, first, accept);
    store.setItem(
        projectId, critical[1],
        { ItemStatus::NotApplicable, QStringLiteral("no cards stored"), {}, {}, QStringLiteral("https://x") });
    snap();

    store.removeRisk(projectId, second);
    Store::ProjectPatch rename;
    rename.name = QStringLiteral("Payments API v2");
    rename.targetDate = std::optional<QDate>();
    rename.actualDate = QDate(2027, 2, 2);
    store.updateProject(projectId, rename);
    snap();

    signoff.role = appendixA().signoffRoles.value(1);
    signoff.name = QStringLiteral("Dana");
    signoff.decision = Decision::Approve;
    signoff.comment.clear();
    store.signOff(projectId, signoff);
    store.clearSignOff(projectId, appendixA().signoffRoles.value(0));
    snap();

    store.setItem(projectId, critical[0], { ItemStatus::Open, {}, QString(), {}, {} });
    Store::ProjectPatch archive;
    archive.archived = true;
    store.updateProject(projectId, archive);
    snap();
    return snapshots;
}

} // namespace

TEST_CASE("Replaying the audit trail to each moment gives the state the store held then", "[history][replay]")
{
    TempDatabase temp;
    qint64 projectId = 0;
    std::vector<Snapshot> snapshots;
    {
        auto store = temp.open(QStringLiteral("alex"));
        snapshots = runReview(*store, projectId);
    }
    // A fresh connection on the file: the replay reads only what the file holds.
    auto store = temp.open(QStringLiteral("someone else"));
    const std::vector<AuditEntry> history = store->history(projectId);
    const Project current = *store->project(projectId);

    for (std::size_t i = 0; i < snapshots.size(); ++i) {
        INFO("snapshot " << i);
        requireSameState(replayState(current, history, snapshots[i].time), snapshots[i].state);
        CHECK(store->auditHeadAt(snapshots[i].time) == snapshots[i].head);
    }
    CHECK(store->auditHeadAt(snapshots.front().time.addSecs(-1)).isEmpty());
    SECTION("to now, the replay is loadState field by field")
    {
        requireSameState(replayState(current, history, QDateTime::currentDateTimeUtc()), store->loadState(projectId));
    }
    SECTION("before the project existed there is nothing")
    {
        ReviewReplay replay(current);
        replay.applyUntil(history, 0, snapshots.front().time.addSecs(-1));
        CHECK_FALSE(replay.created());
        CHECK(replay.state().items.empty());
    }
    SECTION("one pass can stop at several moments")
    {
        ReviewReplay replay(current);
        std::size_t next = 0;
        for (const Snapshot &snapshot : snapshots) {
            next = replay.applyUntil(history, next, snapshot.time);
            requireSameState(replay.state(), snapshot.state);
        }
        CHECK(next == history.size());
        CHECK(replay.lastEntry()->seq == history.back().seq);
    }
}

TEST_CASE("A deleted project's trail still replays to what it was before deletion", "[history][replay]")
{
    TempDatabase temp;
    auto store = temp.open();
    const Project project = store->createProject(draftProject(QStringLiteral("Gone")), appendixA());
    store->setItem(project.id, itemsOf(Severity::High).front(), { ItemStatus::Done, {}, {}, {}, {} });
    const ProjectState before = store->loadState(project.id);
    nextMoment();
    store->deleteProject(project.id);

    ReviewReplay replay(project);
    for (const AuditEntry &entry : store->history(project.id))
        replay.apply(entry);
    CHECK(replay.deleted());
    requireSameState(replay.state(), before);
}

TEST_CASE("Sign-off audit text reads back into its parts", "[history][replay]")
{
    const auto withComment = parseSignOffText(QStringLiteral("QA"), QStringLiteral("approve-with-risks by Mei: ok"));
    REQUIRE(withComment);
    CHECK(withComment->decision == Decision::ApproveWithRisks);
    CHECK(withComment->name == QStringLiteral("Mei"));
    CHECK(withComment->comment == QStringLiteral("ok"));
    const auto plain = parseSignOffText(QStringLiteral("QA"), QStringLiteral("reject by Ana Maria"));
    REQUIRE(plain);
    CHECK(plain->decision == Decision::Reject);
    CHECK(plain->name == QStringLiteral("Ana Maria"));
    CHECK(plain->comment.isEmpty());
    CHECK_FALSE(parseSignOffText(QStringLiteral("QA"), QString()));
    CHECK_FALSE(parseSignOffText(QStringLiteral("QA"), QStringLiteral("maybe by Mei")));
}
