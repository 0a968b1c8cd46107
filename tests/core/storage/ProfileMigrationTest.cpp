// A migration to a version whose items no longer carry some of the project's profile tags:
// the plan names them, the migration keeps them (tests/data/templates/tagged-*.json).
#include "StoreTestSupport.h"
#include "scoring/Assessment.h"
#include "storage/Store.h"
#include "templates/MigrationPlan.h"
#include "templates/TemplateLoader.h"

#include <algorithm>

using namespace preflight;
using preflight::test::draftProject;
using preflight::test::TempDatabase;

namespace {

Template taggedVersion(const char *version)
{
    return loadTemplateFile(
        QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/templates/tagged-%1.json").arg(QString::fromLatin1(version)));
}

QStringList tags(const char *list)
{
    return QString::fromLatin1(list).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

const QString Pinned = QStringLiteral("ops.run.python-pinned"); // python in 1.0.0, go in 1.1.0

} // namespace

TEST_CASE("profile tags the new version lacks are named in the plan and kept", "[store][migrate][profile]")
{
    TempDatabase temp;
    auto store = temp.open();
    const Template from = taggedVersion("1.0.0");
    const Template to = taggedVersion("1.1.0");
    Project draft = draftProject(QStringLiteral("Agent"));
    draft.profile = tags("kubernetes,llm,python");
    const qint64 id = store->createProject(draft, from).id;
    Store::ItemPatch done;
    done.status = ItemStatus::Done;
    done.note = QStringLiteral("uv.lock");
    store->setItem(id, Pinned, done);

    const MigrationPlan plan = planMigration(from, to, store->loadState(id));
    CHECK(plan.profileTagsGone == tags("llm,python"));
    // Without a profile, or with one the new version fully carries, there is nothing to say.
    Project bare = draftProject(QStringLiteral("Bare"));
    CHECK(planMigration(from, to, store->loadState(store->createProject(bare, from).id)).profileTagsGone.isEmpty());
    Project pods = draftProject(QStringLiteral("Pods"));
    pods.profile = tags("kubernetes");
    CHECK(planMigration(from, to, store->loadState(store->createProject(pods, from).id)).profileTagsGone.isEmpty());

    qint64 audited = 0; // the newest audit row before the migration
    for (const AuditEntry &entry : store->history(id))
        audited = std::max(audited, entry.seq);
    REQUIRE(store->migrateProject(id, to, plan));
    const ProjectState state = store->loadState(id);
    CHECK(state.project.profile == Profile(tags("kubernetes,llm,python")));
    int written = 0;
    for (const AuditEntry &entry : store->history(id)) {
        if (entry.seq <= audited)
            continue;
        ++written;
        CHECK(entry.key.toString() != QStringLiteral("project:profile"));
    }
    CHECK(written > 0); // the migration is audited (project:template), its profile left alone
    // The pinning item now carries "go", which the profile does not hold: it leaves the review as
    // "not in this project's profile", its answer kept for when the profile takes it back.
    const Assessment assessment = assess(to, state, QDate::currentDate());
    CHECK(assessment.outsideProfile.contains(Pinned));
    CHECK(state.items.at(Pinned).note == QStringLiteral("uv.lock"));

    // A kept tag can be removed like any other; naming it again is refused, as for a misspelt tag.
    Store::ProjectPatch again;
    again.profile = tags("kubernetes,llm");
    CHECK_THROWS_WITH(store->updateProject(id, again), Catch::Contains("has no tag \"llm\""));
    Store::ProjectPatch cleaned;
    cleaned.profile = tags("go,kubernetes");
    store->updateProject(id, cleaned);
    CHECK(store->loadState(id).project.profile == Profile(tags("go,kubernetes")));
    CHECK_FALSE(assess(to, store->loadState(id), QDate::currentDate()).outsideProfile.contains(Pinned));
}
