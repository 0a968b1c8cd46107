// A project's applicability profile in the store: stored, checked against the template's tags,
// audited, replayed, and never touching answers. Runs on files and (storage.on_server) servers.
#include "StoreTestSupport.h"
#include "history/ReviewReplay.h"
#include "scoring/Assessment.h"

using namespace preflight;
using preflight::test::appendixA;
using preflight::test::draftProject;
using preflight::test::TempDatabase;

namespace {

// "a,b" as a list; QT_NO_CAST_FROM_ASCII rules out QStringList { "a", "b" }.
QStringList tags(const char *list)
{
    return QString::fromLatin1(list).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

const QString Llm = QStringLiteral("reliability.timeouts.llm-api-timeout-configured"); // tagged llm
const QString Pod = QStringLiteral("testing.chaos-tests.pod-eviction-tested"); // tagged kubernetes

Store::ProjectPatch profilePatch(const Profile &profile)
{
    Store::ProjectPatch patch;
    patch.profile = profile;
    return patch;
}

} // namespace

TEST_CASE("a project's profile is stored, audited and leaves answers alone", "[store][profile]")
{
    TempDatabase temp;
    auto store = temp.open();
    Project draft = draftProject(QStringLiteral("Batch job"));
    draft.profile = QStringList { QStringLiteral("python"), QStringLiteral("kubernetes"), QStringLiteral("python") };
    const Project created = store->createProject(draft, appendixA());
    CHECK(created.profile == Profile(tags("kubernetes,python"))); // sorted, each once

    Store::ItemPatch done;
    done.status = ItemStatus::Done;
    done.note = QStringLiteral("timeouts at 20 s");
    store->setItem(created.id, Llm, done);
    CHECK(assess(appendixA(), store->loadState(created.id), QDate::currentDate()).outsideProfile.contains(Llm));

    // Back and forth: the answer on the left-out item stays, and counts again once it applies.
    for (const Profile &profile : { Profile(QStringList()), Profile(std::nullopt), Profile(tags("llm")),
                                    Profile(tags("kubernetes")), Profile(tags("llm")) }) {
        CHECK(store->updateProject(created.id, profilePatch(profile)).profile == profile);
        const ProjectState state = store->loadState(created.id);
        CHECK(state.project.profile == profile);
        CHECK(state.itemState(Llm).status == ItemStatus::Done);
        CHECK(state.itemState(Llm).note == QStringLiteral("timeouts at 20 s"));
        const Assessment a = assess(appendixA(), state, QDate::currentDate());
        CHECK(a.outsideProfile.contains(Llm) == !itemApplies({ QStringLiteral("llm") }, profile));
        CHECK(a.outsideProfile.contains(Pod) == !itemApplies({ QStringLiteral("kubernetes") }, profile));
    }

    // One audit row per change, in the audit trail's text form; a repeated profile writes none.
    QStringList audited;
    for (const AuditEntry &entry : store->history(created.id)) {
        if (entry.key == AuditKey::project(QStringLiteral("profile")))
            audited << entry.oldValue + QStringLiteral(" -> ") + entry.newValue;
    }
    CHECK(audited
          == QString::fromLatin1(" -> kubernetes,python|kubernetes,python -> none|none -> | -> llm|llm -> "
                                 "kubernetes|kubernetes -> llm")
                 .split(QLatin1Char('|')));
    const std::vector<AuditEntry> history = store->history(created.id);
    CHECK(replayState(created, history, QDateTime::currentDateTimeUtc().addSecs(60)).project.profile
          == Profile(tags("llm")));

    SECTION("a tag the template does not carry is refused, naming it and the known ones")
    {
        CHECK_THROWS_WITH(
            store->updateProject(created.id, profilePatch(QStringList { QStringLiteral("golang") })),
            Catch::Contains("has no tag \"golang\"")
                && Catch::Contains("containers, health-data, kubernetes, llm, payments, pii, python, redis"));
        CHECK(store->loadState(created.id).project.profile == Profile(tags("llm")));
        Project other = draftProject(QStringLiteral("Other"));
        other.profile = QStringList { QStringLiteral("gpu") };
        CHECK_THROWS_WITH(store->createProject(other, appendixA()), Catch::Contains("\"gpu\""));
        CHECK_FALSE(store->findProject(QStringLiteral("Other")));
    }
}

TEST_CASE("db copy carries each project's profile, the empty one and none included", "[.][server]")
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("review.db"));
    const QString archive = dir.filePath(QStringLiteral("archive.db"));
    const std::vector<std::pair<QString, Profile>> projects
        = { { QStringLiteral("No profile"), std::nullopt },
            { QStringLiteral("Empty profile"), QStringList() },
            { QStringLiteral("LLM service"), tags("kubernetes,llm") } };
    {
        auto original = Store::open(file, QStringLiteral("kim"));
        for (const auto &[name, profile] : projects) {
            Project draft = draftProject(name);
            draft.profile = profile;
            original->createProject(draft, appendixA());
        }
    }
    TempDatabase server;
    Store::copyDatabase(file, server.path);
    Store::copyDatabase(server.path, archive);
    for (const QString &copy : { server.path, archive }) {
        auto store = Store::open(copy, QStringLiteral("kim"));
        for (const auto &[name, profile] : projects) {
            INFO(copy.toStdString() << ": " << name.toStdString());
            CHECK(store->findProject(name)->profile == profile);
        }
    }
    // On the server the profile is set through the same store as on a file.
    auto onServer = server.open();
    const qint64 id = onServer->findProject(QStringLiteral("No profile"))->id;
    Store::ProjectPatch patch;
    patch.profile = Profile(QStringList { QStringLiteral("pii") });
    CHECK(onServer->updateProject(id, patch).profile == Profile(tags("pii")));
    CHECK(onServer->verify().ok);
}
