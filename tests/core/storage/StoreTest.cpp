#include "storage/Store.h"

#include "Error.h"
#include "StoreTestSupport.h"

#include <QDate>
#include <QTest>

using namespace preflight;
using preflight::test::draftProject;
using preflight::test::TempDatabase;

namespace {

// Every awkward kind of text a user (or an attacker) can type: quotes, SQL, control
// characters, non-Latin scripts and a megabyte of Markdown.
QStringList awkwardTexts()
{
    QString binaryJunk;
    for (int code = 1; code < 0x3000; code += 7)
        binaryJunk += QChar(code);
    return { QStringLiteral("O'Brien \"quoted\""), QStringLiteral("'); DROP TABLE projects; --"), binaryJunk,
             QStringLiteral("Ünïcødé ✓ 日本語 🚀"), QString(1024 * 1024, QLatin1Char('x')) + QStringLiteral("\n# end") };
}

} // namespace

TEST_CASE("Store creates, finds, updates and deletes projects", "[store]")
{
    TempDatabase temp;
    auto store = temp.open();

    Project draft = draftProject(QStringLiteral("Payments API"));
    draft.description = QStringLiteral("Card payments");
    draft.targetDate = QDate(2027, 3, 1);
    draft.notes = QStringLiteral("# Notes\n- one");
    const Project created = store->createProject(draft, preflight::test::appendixA());
    CHECK(created.id > 0);
    CHECK(created.name == QStringLiteral("Payments API"));
    CHECK(created.templateId == QStringLiteral("appendix-a"));
    CHECK(created.templateVersion == QStringLiteral("1.0.1"));
    CHECK(created.targetDate == QDate(2027, 3, 1));
    CHECK_FALSE(created.actualDate.has_value());
    CHECK(created.created.isValid());
    CHECK(created.created == created.updated);

    store->createProject(draftProject(QStringLiteral("Analytics")), preflight::test::appendixA());
    const auto all = store->projects();
    REQUIRE(all.size() == 2);
    CHECK(all[0].name == QStringLiteral("Analytics")); // ordered by name

    Store::ProjectPatch patch;
    patch.actualDate = QDate(2027, 3, 5);
    patch.targetDate = std::optional<QDate>(); // cleared
    patch.archived = true;
    const Project updated = store->updateProject(created.id, patch);
    CHECK(updated.actualDate == QDate(2027, 3, 5));
    CHECK_FALSE(updated.targetDate.has_value());
    CHECK(updated.archived);
    CHECK(updated.description == QStringLiteral("Card payments")); // untouched field kept
    CHECK(updated.updated >= created.updated);

    const auto found = store->findProject(QStringLiteral("Payments API"));
    REQUIRE(found.has_value());
    CHECK(found->id == created.id);
    CHECK(found->archived);

    store->deleteProject(created.id);
    CHECK_FALSE(store->project(created.id).has_value());
    CHECK(store->projects().size() == 1);
    // The audit trail outlives the project.
    const auto history = store->history(created.id);
    REQUIRE_FALSE(history.empty());
    CHECK(history.back().key.toString() == QStringLiteral("project:deleted"));
    CHECK(history.back().oldValue == QStringLiteral("Payments API"));
}

TEST_CASE("Store refuses invalid projects with messages naming the file and project", "[store]")
{
    TempDatabase temp;
    auto store = temp.open();
    const Project first = store->createProject(draftProject(QStringLiteral("Alpha")), preflight::test::appendixA());

    try {
        store->createProject(draftProject(QStringLiteral("Alpha")), preflight::test::appendixA());
        FAIL("duplicate name accepted");
    } catch (const Error &error) {
        CHECK(error.kind() == Error::Kind::Usage);
        CHECK(error.message().contains(store->path()));
        CHECK(error.message().contains(QStringLiteral("\"Alpha\" already exists")));
    }
    CHECK_THROWS_WITH(store->createProject(draftProject(QStringLiteral("   ")), preflight::test::appendixA()),
                      Catch::Contains("a project needs a non-empty name"));
    const Project second = store->createProject(draftProject(QStringLiteral("Beta")), preflight::test::appendixA());
    Store::ProjectPatch rename;
    rename.name = QStringLiteral("Alpha");
    CHECK_THROWS_WITH(store->updateProject(second.id, rename), Catch::Contains("\"Alpha\" already exists"));
    CHECK_THROWS_WITH(store->setItem(9999, QStringLiteral("x"), {}), Catch::Contains("no project with id 9999"));
    CHECK(store->findProject(QStringLiteral("Alpha"))->id == first.id);
}

TEST_CASE("Item states round-trip, merge patches and require a reason for N/A", "[store]")
{
    TempDatabase temp;
    auto store = temp.open(QStringLiteral("alice"));
    const qint64 id = store->createProject(draftProject(QStringLiteral("P")), preflight::test::appendixA()).id;
    const QString item = QStringLiteral("code-quality.standards.style-guide");

    CHECK(store->loadState(id).items.empty()); // untouched items have no rows
    CHECK(store->loadState(id).itemState(item).status == ItemStatus::Open);

    Store::ItemPatch done;
    done.status = ItemStatus::Done;
    done.evidence = QStringLiteral("https://ci.example/run/42");
    const ItemState afterDone = store->setItem(id, item, done);
    CHECK(afterDone.status == ItemStatus::Done);
    CHECK(afterDone.changedBy == preflight::test::recordedActor(*store, QStringLiteral("alice")));
    CHECK(afterDone.changedAt.isValid());

    Store::ItemPatch note;
    note.note = QStringLiteral("Reviewed by **Bob**");
    store->setItem(id, item, note);
    const ItemState loaded = store->loadState(id).itemState(item);
    CHECK(loaded.status == ItemStatus::Done); // the note patch left the status alone
    CHECK(loaded.evidence == QStringLiteral("https://ci.example/run/42"));
    CHECK(loaded.note == QStringLiteral("Reviewed by **Bob**"));

    Store::ItemPatch na;
    na.status = ItemStatus::NotApplicable;
    try {
        store->setItem(id, item, na);
        FAIL("N/A without reason accepted");
    } catch (const Error &error) {
        CHECK(error.kind() == Error::Kind::Usage);
        CHECK(error.message().contains(item));
        CHECK(error.message().contains(QStringLiteral("not applicable needs a reason")));
    }
    CHECK(store->loadState(id).itemState(item).status == ItemStatus::Done); // nothing written
    na.reason = QStringLiteral("No UI in this service");
    CHECK(store->setItem(id, item, na).status == ItemStatus::NotApplicable);
}

TEST_CASE("Awkward text stores and reads back exactly", "[store]")
{
    TempDatabase temp;
    const auto texts = awkwardTexts();
    qint64 id = 0;
    {
        auto store = temp.open(texts[0]);
        for (int i = 0; i < texts.size(); ++i) {
            Project draft = draftProject(texts[i].left(200) + QString::number(i));
            draft.notes = texts[i];
            id = store->createProject(draft, preflight::test::appendixA()).id;
            Store::ItemPatch patch;
            patch.note = texts[i];
            patch.owner = texts[i].left(100);
            store->setItem(id, texts[i].left(300), patch);
            Risk risk;
            risk.title = texts[i];
            risk.mitigation = texts[i];
            risk.linkedItems = { texts[i].left(50) };
            store->addRisk(id, risk);
        }
    }
    auto reopened = temp.open();
    const auto projects = reopened->projects();
    REQUIRE(projects.size() == size_t(texts.size()));
    for (int i = 0; i < texts.size(); ++i) {
        const auto project = reopened->findProject(texts[i].left(200) + QString::number(i));
        REQUIRE(project.has_value());
        CHECK(project->notes == texts[i]);
        const ProjectState state = reopened->loadState(project->id);
        const ItemState item = state.itemState(texts[i].left(300));
        CHECK(item.note == texts[i]);
        CHECK(item.owner == texts[i].left(100));
        CHECK(item.changedBy == preflight::test::recordedActor(*reopened, texts[0]));
        REQUIRE(state.risks.size() == 1);
        CHECK(state.risks[0].title == texts[i]);
        CHECK(state.risks[0].linkedItems == QStringList { texts[i].left(50) });
    }
    CHECK(reopened->verify().ok);
}

TEST_CASE("Risks round-trip with acceptance that expires", "[store]")
{
    TempDatabase temp;
    auto store = temp.open(QStringLiteral("carol"));
    const qint64 id = store->createProject(draftProject(QStringLiteral("P")), preflight::test::appendixA()).id;

    Risk draft;
    draft.title = QStringLiteral("Single database instance");
    draft.severity = Severity::Critical;
    draft.mitigation = QStringLiteral("Add a replica");
    draft.owner = QStringLiteral("dba");
    draft.linkedItems = { QStringLiteral("a.b.c"), QStringLiteral("d.e.f") };
    const Risk added = store->addRisk(id, draft);
    CHECK(added.id > 0);
    CHECK(added.created.isValid());
    CHECK(added.status == RiskStatus::Open);

    Store::RiskPatch accept;
    accept.status = RiskStatus::Accepted;
    accept.acceptedUntil = QDate(2027, 1, 31);
    const Risk accepted = store->updateRisk(id, added.id, accept);
    CHECK(accepted.acceptedBy
          == preflight::test::recordedActor(*store, QStringLiteral("carol"))); // defaults to the person accepting
    CHECK(accepted.effectiveStatus(QDate(2027, 1, 31)) == RiskStatus::Accepted);
    CHECK(accepted.effectiveStatus(QDate(2027, 2, 1)) == RiskStatus::Open);

    const ProjectState state = store->loadState(id);
    REQUIRE(state.risks.size() == 1);
    const Risk &loaded = state.risks[0];
    CHECK(loaded.title == draft.title);
    CHECK(loaded.severity == Severity::Critical);
    CHECK(loaded.mitigation == draft.mitigation);
    CHECK(loaded.owner == QStringLiteral("dba"));
    CHECK(loaded.linkedItems == draft.linkedItems);
    CHECK(loaded.acceptedUntil == QDate(2027, 1, 31));

    Store::RiskPatch blank;
    blank.title = QStringLiteral(" ");
    CHECK_THROWS_WITH(store->updateRisk(id, added.id, blank), Catch::Contains("a risk needs a non-empty title"));
    CHECK_THROWS_WITH(store->updateRisk(id, 777, accept), Catch::Contains("has no risk 777"));

    store->removeRisk(id, added.id);
    CHECK(store->loadState(id).risks.empty());
}

TEST_CASE("Sign-offs keep the latest per role, digest the state and count later changes", "[store]")
{
    TempDatabase temp;
    auto store = temp.open();
    const qint64 id = store->createProject(draftProject(QStringLiteral("P")), preflight::test::appendixA()).id;
    Store::ItemPatch done;
    done.status = ItemStatus::Done;
    store->setItem(id, QStringLiteral("one"), done);

    SignOff draft;
    draft.role = QStringLiteral("Engineering Lead");
    draft.name = QStringLiteral("Dana");
    draft.decision = Decision::ApproveWithRisks;
    draft.comment = QStringLiteral("ok with replica risk");
    const SignOff signed_ = store->signOff(id, draft);
    CHECK(signed_.stateDigest == store->loadState(id).reviewDigest());
    CHECK(signed_.date.isValid());

    SignOff other = draft;
    other.role = QStringLiteral("SRE");
    other.name.clear(); // defaults to the actor
    store->signOff(id, other);

    ProjectState state = store->loadState(id);
    REQUIRE(state.signoffs.size() == 2);
    CHECK(state.signoffs[0].role == QStringLiteral("Engineering Lead"));
    CHECK(state.signoffs[0].decision == Decision::ApproveWithRisks);
    CHECK(state.signoffs[0].comment == draft.comment);
    CHECK(state.signoffs[0].changesSince == 0);
    CHECK(state.signoffs[1].name == preflight::test::recordedActor(*store, QStringLiteral("tester")));

    // Two item fields and one project-level change: only the review changes count.
    Store::ItemPatch na;
    na.status = ItemStatus::NotApplicable;
    na.reason = QStringLiteral("n/a");
    store->setItem(id, QStringLiteral("one"), na);
    Store::ProjectPatch notes;
    notes.notes = QStringLiteral("project notes do not stale sign-offs");
    store->updateProject(id, notes);
    state = store->loadState(id);
    CHECK(state.signoffs[0].changesSince == 2);
    CHECK(state.reviewDigest() != state.signoffs[0].stateDigest);

    // Signing again replaces the role's sign-off and resets its count.
    draft.decision = Decision::Approve;
    store->signOff(id, draft);
    state = store->loadState(id);
    REQUIRE(state.signoffs.size() == 2);
    CHECK(state.signoffs[0].decision == Decision::Approve);
    CHECK(state.signoffs[0].changesSince == 0);
    CHECK(state.signoffs[1].changesSince == 2);

    store->clearSignOff(id, QStringLiteral("SRE"));
    CHECK(store->loadState(id).signoffs.size() == 1);
    CHECK_THROWS_WITH(store->signOff(id, SignOff {}), Catch::Contains("a sign-off needs a role"));
}

TEST_CASE("Every change writes one audit row per changed field, and no-ops write none", "[store][audit]")
{
    TempDatabase temp;
    auto store = temp.open(QStringLiteral("erin"));
    const qint64 id = store->createProject(draftProject(QStringLiteral("P")), preflight::test::appendixA()).id;
    const auto base = store->history(id).size();
    CHECK(base == 2); // name and template

    Store::ItemPatch patch;
    patch.status = ItemStatus::Done;
    patch.owner = QStringLiteral("frank");
    store->setItem(id, QStringLiteral("x.y"), patch);
    auto history = store->history(id);
    REQUIRE(history.size() == base + 2);
    CHECK(history[base].key.toString() == QStringLiteral("item:x.y:status"));
    CHECK(history[base].oldValue == QStringLiteral("open"));
    CHECK(history[base].newValue == QStringLiteral("done"));
    CHECK(history[base].actor == preflight::test::recordedActor(*store, QStringLiteral("erin")));
    CHECK(history[base].projectId == id);
    CHECK(history[base].time.timeSpec() == Qt::UTC);
    CHECK(history[base].hash.size() == 64);
    CHECK(history[base + 1].key.toString() == QStringLiteral("item:x.y:owner"));

    const QString head = store->auditHead();
    const qint64 version = store->dataVersion();
    store->setItem(id, QStringLiteral("x.y"), patch); // same values again
    Store::ProjectPatch same;
    same.name = QStringLiteral("P");
    store->updateProject(id, same);
    CHECK(store->history(id).size() == base + 2);
    CHECK(store->auditHead() == head);
    CHECK(store->dataVersion() == version);

    const QString login = store->actor();
    store->setActor(QStringLiteral("  "));
    CHECK(store->actor() == (preflight::test::onServer() ? login : Store::defaultActor()));
    CHECK_FALSE(Store::defaultActor().isEmpty());
}

TEST_CASE("dataVersion changes when another connection commits", "[store]")
{
    TempDatabase temp;
    auto first = temp.open();
    auto second = temp.open();
    const qint64 before = first->dataVersion();
    second->createProject(draftProject(QStringLiteral("From elsewhere")), preflight::test::appendixA());
    // A server pushes the news; it arrives a moment after the commit, not within it.
    CHECK(QTest::qWaitFor([&] { return first->dataVersion() != before; }, 5000));
    CHECK(first->findProject(QStringLiteral("From elsewhere")).has_value());
}

TEST_CASE("Store writes a batch of items, or a new project with its items, in one transaction", "[store]")
{
    TempDatabase temp;
    auto opened = temp.open();
    Store &store = *opened;
    const Project project = store.createProject(draftProject(QStringLiteral("Batch")), preflight::test::appendixA());

    Store::ItemPatch done;
    done.status = ItemStatus::Done;
    Store::ItemPatch naWithoutReason;
    naWithoutReason.status = ItemStatus::NotApplicable;
    // The second edit is refused, so the first one must not be committed either.
    REQUIRE_THROWS_WITH(
        store.setItems(project.id, { { QStringLiteral("a"), done }, { QStringLiteral("b"), naWithoutReason } }),
        Catch::Contains("item b: not applicable needs a reason"));
    CHECK(store.loadState(project.id).items.empty());

    const auto written = store.setItems(project.id, { { QStringLiteral("a"), done }, { QStringLiteral("b"), done } });
    REQUIRE(written.size() == 2);
    CHECK(store.loadState(project.id).items.size() == 2);

    REQUIRE_THROWS(
        store.createProjectWithItems(draftProject(QStringLiteral("Imported")), preflight::test::appendixA(),
                                     { { QStringLiteral("a"), done }, { QStringLiteral("b"), naWithoutReason } }));
    CHECK_FALSE(store.findProject(QStringLiteral("Imported")).has_value());

    const Project imported = store.createProjectWithItems(
        draftProject(QStringLiteral("Imported")), preflight::test::appendixA(), { { QStringLiteral("a"), done } });
    CHECK(store.loadState(imported.id).itemState(QStringLiteral("a")).status == ItemStatus::Done);
}
