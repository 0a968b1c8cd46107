// Two reviewers on one database: edits carry what their author saw, so nobody silently replaces
// a colleague's later change, and an undone removal brings back the very same risk.

#include "StoreTestSupport.h"
#include "storage/Store.h"

using namespace preflight;
using preflight::test::draftProject;
using preflight::test::TempDatabase;

namespace {

Store::ItemPatch notePatch(const QString &note)
{
    Store::ItemPatch patch;
    patch.note = note;
    return patch;
}

} // namespace

TEST_CASE("An edit of a note someone changed since is refused with both texts", "[store][conflict]")
{
    TempDatabase temp;
    auto alice = temp.open(QStringLiteral("alice"));
    auto bob = temp.open(QStringLiteral("bob"));
    const qint64 id = alice->createProject(draftProject(QStringLiteral("P")), preflight::test::appendixA()).id;
    const QString item = QStringLiteral("ops.backups");
    alice->setItem(id, item, notePatch(QStringLiteral("first draft")));

    // Both start from "first draft"; Bob saves first.
    bob->setItem(id, item, notePatch(QStringLiteral("Bob's text")), notePatch(QStringLiteral("first draft")));
    const QString head = alice->auditHead();
    try {
        alice->setItem(id, item, notePatch(QStringLiteral("Alice's text")), notePatch(QStringLiteral("first draft")));
        FAIL("a stale edit was written");
    } catch (const EditConflict &conflict) {
        CHECK(conflict.kind() == Error::Kind::Conflict);
        CHECK(conflict.field == QStringLiteral("note"));
        CHECK(conflict.theirs == QStringLiteral("Bob's text"));
        CHECK(conflict.yours == QStringLiteral("Alice's text"));
        CHECK(conflict.changedBy == preflight::test::recordedActor(*bob, QStringLiteral("bob")));
        CHECK(conflict.message().contains(QStringLiteral("item ops.backups")));
        CHECK(conflict.message().contains(QStringLiteral("Bob's text")));
        CHECK(conflict.message().contains(QStringLiteral("Alice's text")));
    }
    CHECK(alice->loadState(id).itemState(item).note == QStringLiteral("Bob's text"));
    CHECK(alice->auditHead() == head);

    SECTION("other fields of the same item still merge")
    {
        Store::ItemPatch owner;
        owner.owner = QStringLiteral("alice");
        Store::ItemPatch sawOwner;
        sawOwner.owner = QString();
        alice->setItem(id, item, owner, sawOwner);
        const ItemState state = bob->loadState(id).itemState(item);
        CHECK(state.owner == QStringLiteral("alice"));
        CHECK(state.note == QStringLiteral("Bob's text"));
    }
    SECTION("a batch with one stale edit writes nothing")
    {
        std::vector<Store::ItemEdit> edits { { QStringLiteral("a.one"), notePatch(QStringLiteral("x")), {} },
                                             { item, notePatch(QStringLiteral("y")),
                                               notePatch(QStringLiteral("first draft")) } };
        CHECK_THROWS_AS(alice->setItems(id, edits), EditConflict);
        CHECK(alice->loadState(id).itemState(QStringLiteral("a.one")).note.isEmpty());
    }
}

TEST_CASE("An undo that would revert a colleague's later change is refused", "[store][conflict]")
{
    TempDatabase temp;
    auto alice = temp.open(QStringLiteral("alice"));
    auto bob = temp.open(QStringLiteral("bob"));
    const qint64 id = alice->createProject(draftProject(QStringLiteral("P")), preflight::test::appendixA()).id;
    Store::ItemPatch done;
    done.status = ItemStatus::Done;
    Store::ItemPatch open;
    open.status = ItemStatus::Open;
    alice->setItem(id, QStringLiteral("x"), done, open);

    Store::ItemPatch na;
    na.status = ItemStatus::NotApplicable;
    na.reason = QStringLiteral("not our stack");
    bob->setItem(id, QStringLiteral("x"), na, done);

    // Alice's undo expects the "done" she wrote; it is "na" now.
    CHECK_THROWS_WITH(alice->setItem(id, QStringLiteral("x"), open, done),
                      Catch::Contains("status was changed by "
                                      + preflight::test::recordedActor(*bob, QStringLiteral("bob")).toStdString()));
    CHECK(alice->loadState(id).itemState(QStringLiteral("x")).status == ItemStatus::NotApplicable);

    Risk risk;
    risk.title = QStringLiteral("Shared DB");
    const Risk added = alice->addRisk(id, risk);
    Store::RiskPatch high;
    high.severity = Severity::High;
    Store::RiskPatch wasMedium;
    wasMedium.severity = added.severity;
    bob->updateRisk(id, added.id, high, wasMedium);
    Store::RiskPatch low;
    low.severity = Severity::Low;
    CHECK_THROWS_AS(alice->updateRisk(id, added.id, low, wasMedium), EditConflict);
    CHECK(alice->loadState(id).risks.front().severity == Severity::High);
}

TEST_CASE("Restoring a removed risk brings back the same risk", "[store][conflict]")
{
    TempDatabase temp;
    auto store = temp.open();
    const qint64 id = store->createProject(draftProject(QStringLiteral("P")), preflight::test::appendixA()).id;
    Risk draft;
    draft.title = QStringLiteral("Vendor lock-in");
    draft.severity = Severity::Critical;
    draft.linkedItems = { QStringLiteral("ops.backups") };
    const Risk first = store->addRisk(id, draft);
    Risk other;
    other.title = QStringLiteral("Later risk");
    const Risk second = store->addRisk(id, other);

    store->removeRisk(id, first.id);
    const Risk restored = store->restoreRisk(id, first);
    CHECK(restored.id == first.id);
    CHECK(restored.created == first.created);
    CHECK(restored.title == first.title);
    CHECK(restored.severity == Severity::Critical);
    CHECK(restored.linkedItems == first.linkedItems);
    CHECK(store->loadState(id).risks.size() == 2);
    CHECK_THROWS_AS(store->restoreRisk(id, first), EditConflict); // it exists again
    CHECK(store->addRisk(id, other).id > second.id);
    CHECK(store->verify().ok);
}
