// The portfolio reads a hundred projects at a time in a few set-based queries (Store::loadStates,
// Store::lastActors); its rows must be exactly those of loading and assessing each project on its
// own, as `preflight status` does. Tagged [store] so that it runs on a team server as well.
#include "HistoryTestSupport.h"
#include "portfolio/Portfolio.h"
#include "scoring/Assessment.h"
#include "storage/Store.h"
#include "templates/ProjectTemplates.h"
#include "templates/TemplateRegistry.h"

using namespace preflight;
using namespace preflight::test;

namespace {

// The per-project path: loadReview, and the audit trail's newest row for who acted last.
PortfolioRow perProjectRow(Store &store, const TemplateRegistry &registry, const Project &project, const QDate &today)
{
    try {
        const Review review = loadReview(store, registry, project, today);
        PortfolioRow row = portfolioRow(*review.tmpl, review.state, review.assessment, today);
        const std::vector<AuditEntry> trail = store.history(project.id);
        row.lastActor = trail.empty() ? QString() : trail.back().actor;
        return row;
    } catch (const Error &error) {
        REQUIRE(error.kind() == Error::Kind::Data);
        PortfolioRow row;
        row.project = project;
        row.lastActivity = project.updated;
        row.problem = error.message();
        row.assessed = true;
        return row;
    }
}

void requireSameRow(const PortfolioRow &batch, const PortfolioRow &single)
{
    INFO("project " << single.project.name.toStdString());
    requireSameProject(batch.project, single.project);
    CHECK(batch.templateTitle == single.templateTitle);
    CHECK(batch.verdict == single.verdict);
    CHECK(batch.verdictLabel == single.verdictLabel);
    CHECK(batch.score == single.score);
    REQUIRE(batch.categories.size() == single.categories.size());
    for (std::size_t i = 0; i < single.categories.size(); ++i) {
        const PortfolioCell &b = batch.categories[i];
        const PortfolioCell &s = single.categories[i];
        INFO("category " << s.categoryId.toStdString());
        CHECK(b.categoryId == s.categoryId);
        CHECK(b.title == s.title);
        CHECK(b.severity == s.severity);
        CHECK(b.score == s.score);
        CHECK(b.threshold == s.threshold);
        CHECK(b.heat == s.heat);
    }
    CHECK(batch.openCriticalItems == single.openCriticalItems);
    CHECK(batch.openHighOrCriticalRisks == single.openHighOrCriticalRisks);
    CHECK(batch.signOffsGiven == single.signOffsGiven);
    CHECK(batch.signOffsNeeded == single.signOffsNeeded);
    CHECK(batch.signOffsStale == single.signOffsStale);
    CHECK(batch.daysLeft == single.daysLeft);
    CHECK(batch.lastActivity == single.lastActivity);
    CHECK(batch.lastActor == single.lastActor);
    CHECK(batch.owners == single.owners);
    CHECK(batch.problem == single.problem);
    CHECK(batch.assessed == single.assessed);
}

SignOff approval(const QString &role, const QString &name, Decision decision = Decision::Approve)
{
    SignOff signoff;
    signoff.role = role;
    signoff.name = name;
    signoff.decision = decision;
    return signoff;
}

Store::ItemPatch item(ItemStatus status, const QString &owner = {}, const QString &note = {})
{
    Store::ItemPatch patch;
    patch.status = status;
    if (!owner.isEmpty())
        patch.owner = owner;
    if (!note.isEmpty())
        patch.note = note;
    return patch;
}

// A project on a template of its own, which then disappears from the database (a file from before
// templates were stored, whose template file is gone): the row says so instead of scores.
void breakTemplate(const TempDatabase &temp, Store &store)
{
    Template gone = appendixA();
    gone.id = QStringLiteral("gone-template");
    Project draft = draftProject(QStringLiteral("Broken"));
    draft.templateId = gone.id;
    store.createProject(draft, gone);
    if (onServer())
        postgres::Connection(temp.path).exec("DELETE FROM preflight.templates WHERE id = 'gone-template'");
    else
        rawExec(temp.path, QStringLiteral("DELETE FROM templates WHERE id = 'gone-template'"));
}

} // namespace

TEST_CASE("The set-based portfolio reads exactly what each project's own review reads", "[portfolio][store]")
{
    TempDatabase temp;
    auto store = temp.open(QStringLiteral("alex"));
    const TemplateRegistry registry;
    const QDate today = QDate::currentDate();
    const QStringList critical = itemsOf(Severity::Critical);
    const QStringList high = itemsOf(Severity::High);
    const QStringList roles = appendixA().signoffRoles;
    REQUIRE(roles.size() >= 3);

    // Created out of name order, so the ids' order is not the rows' order.
    Project draft = draftProject(QStringLiteral("Zeta"));
    draft.targetDate = today.addDays(30);
    const qint64 zeta = store->createProject(draft, appendixA()).id;
    store->setItems(zeta,
                    { { critical[0], item(ItemStatus::Done, QStringLiteral("mei"), QStringLiteral("ok")) },
                      { critical[1], item(ItemStatus::Done) },
                      { high[0], item(ItemStatus::Done, QStringLiteral("kim")) } });
    Store::ItemPatch na;
    na.status = ItemStatus::NotApplicable;
    na.reason = QStringLiteral("no database");
    store->setItem(zeta, high[1], na);
    Risk risk;
    risk.title = QStringLiteral("Fraud spike");
    risk.severity = Severity::Critical;
    risk.owner = QStringLiteral("kim");
    store->addRisk(zeta, risk);
    Risk expired = risk;
    expired.title = QStringLiteral("Old acceptance");
    expired.severity = Severity::High;
    expired.status = RiskStatus::Accepted;
    expired.acceptedBy = QStringLiteral("lee");
    expired.acceptedUntil = today.addDays(-2); // counts as open again
    store->addRisk(zeta, expired);
    // One approval gone stale by a later change, one current, one rejection.
    store->signOff(zeta, approval(roles[0], QStringLiteral("Lee")));
    store->setItem(zeta, critical[2], item(ItemStatus::Done));
    store->signOff(zeta, approval(roles[1], QStringLiteral("Sam")));
    store->signOff(zeta, approval(roles[2], QStringLiteral("Ana"), Decision::Reject));

    const qint64 removed = store->createProject(draftProject(QStringLiteral("Removed")), appendixA()).id;
    store->setItem(removed, critical[0], item(ItemStatus::Done));
    store->signOff(removed, approval(roles[0], QStringLiteral("Lee")));

    draft = draftProject(QStringLiteral("Archived"));
    draft.targetDate = today.addDays(-3);
    const qint64 archived = store->createProject(draft, appendixA()).id;
    store->setItem(archived, critical[0], item(ItemStatus::Done, QStringLiteral("dana")));
    store->signOff(archived, approval(roles[0], QStringLiteral("Lee")));
    store->setActor(QStringLiteral("bob"));
    store->updateProject(archived, { {}, {}, {}, {}, {}, true, {} });

    breakTemplate(temp, *store);
    const qint64 untouched = store->createProject(draftProject(QStringLiteral("Alpha")), appendixA()).id;
    // A deleted project leaves a gap in the ids, its audit rows behind and nothing else.
    store->deleteProject(removed);
    // Enough projects for the portfolio to read them in more than one run of ids.
    for (int n = 0; n < 105; ++n) {
        const qint64 id
            = store->createProject(draftProject(QStringLiteral("Bulk %1").arg(n, 3, 10, QLatin1Char('0'))), appendixA())
                  .id;
        if (n % 3 == 0)
            store->setItem(id, critical[n % critical.size()], item(ItemStatus::Done, QStringLiteral("sam")));
        if (n % 10 == 0)
            store->signOff(id, approval(roles[0], QStringLiteral("Lee")));
        if (n % 20 == 0)
            store->setItem(id, high[0], item(ItemStatus::Done));
    }

    SECTION("rows")
    {
        const std::vector<Project> projects = store->projects();
        const std::vector<PortfolioRow> rows = buildPortfolio(*store, registry, today);
        REQUIRE(rows.size() == projects.size());
        REQUIRE(rows.size() == 109);
        for (std::size_t i = 0; i < rows.size(); ++i)
            requireSameRow(rows[i], perProjectRow(*store, registry, projects[i], today));

        // The cases this test is about are really there.
        const auto rowOf = [&](const QString &name) {
            return *std::find_if(rows.begin(), rows.end(),
                                 [&](const PortfolioRow &r) { return r.project.name == name; });
        };
        CHECK_FALSE(rowOf(QStringLiteral("Broken")).problem.isEmpty());
        CHECK(rowOf(QStringLiteral("Archived")).project.archived);
        CHECK(rowOf(QStringLiteral("Archived")).lastActor == recordedActor(*store, QStringLiteral("bob")));
        CHECK(rowOf(QStringLiteral("Alpha")).lastActor == recordedActor(*store, QStringLiteral("bob")));
        const PortfolioRow zetaRow = rowOf(QStringLiteral("Zeta"));
        CHECK(zetaRow.signOffsStale == 1);
        CHECK(zetaRow.signOffsGiven == 1);
        CHECK(zetaRow.openHighOrCriticalRisks == 2);
        QStringList owners = zetaRow.owners;
        owners.sort();
        CHECK(owners == QStringList { QStringLiteral("kim"), QStringLiteral("mei") });

        const std::vector<PortfolioRow> active = buildPortfolio(*store, registry, today, { false });
        CHECK(active.size() == 108);
        CHECK(std::none_of(active.begin(), active.end(), [](const PortfolioRow &r) { return r.project.archived; }));
    }

    SECTION("a project deleted after it was listed")
    {
        const std::vector<Project> listed = store->projects();
        store->deleteProject(zeta);
        const std::vector<PortfolioRow> rows = assessPortfolioRows(*store, registry, listed, today);
        REQUIRE(rows.size() == listed.size());
        const auto gone
            = std::find_if(rows.begin(), rows.end(), [&](const PortfolioRow &r) { return r.project.id == zeta; });
        REQUIRE(gone != rows.end());
        CHECK(gone->problem == QStringLiteral("%1: project \"Zeta\" was deleted").arg(store->path()));
        CHECK(gone->assessed);
        CHECK(std::count_if(rows.begin(), rows.end(), [](const PortfolioRow &r) { return !r.problem.isEmpty(); }) == 2);
    }

    SECTION("states")
    {
        // Ids asked for with gaps between them: the rows of the others in the range stay out.
        const std::vector<ProjectState> states = store->loadStates({ untouched, zeta, archived, removed, zeta });
        REQUIRE(states.size() == 3);
        CHECK(states[0].project.id == zeta);
        CHECK(states[1].project.id == archived);
        CHECK(states[2].project.id == untouched);
        for (const ProjectState &state : states) {
            INFO("project " << state.project.name.toStdString());
            requireSameState(state, store->loadState(state.project.id));
        }
        REQUIRE(states[0].signoffs.size() == 3);
        CHECK(states[0].signoffs[0].changesSince + states[0].signoffs[1].changesSince
                  + states[0].signoffs[2].changesSince
              == 1);
        CHECK(states[2].items.empty());
        CHECK(store->loadStates({}).empty());

        // What the portfolio reads: the same answers, risks and sign-offs without the items' notes,
        // editors and times, which neither scoring nor the digest a sign-off is checked against use.
        const std::vector<ProjectState> scoring
            = store->loadStates({ zeta, archived, untouched }, Store::StateDetail::Scoring);
        REQUIRE(scoring.size() == states.size());
        REQUIRE(states[0].items.at(critical[0]).note == QStringLiteral("ok"));
        for (std::size_t i = 0; i < states.size(); ++i) {
            INFO("project " << states[i].project.name.toStdString());
            CHECK(scoring[i].reviewDigest() == states[i].reviewDigest());
            CHECK(scoring[i].risks.size() == states[i].risks.size());
            REQUIRE(scoring[i].signoffs.size() == states[i].signoffs.size());
            for (std::size_t s = 0; s < states[i].signoffs.size(); ++s)
                CHECK(scoring[i].signoffs[s].changesSince == states[i].signoffs[s].changesSince);
            REQUIRE(scoring[i].items.size() == states[i].items.size());
            for (const auto &[id, full] : states[i].items) {
                const ItemState &light = scoring[i].items.at(id);
                CHECK(light.status == full.status);
                CHECK(light.reason == full.reason);
                CHECK(light.owner == full.owner);
                CHECK(light.evidence == full.evidence);
                CHECK(light.note.isEmpty());
                CHECK(light.changedBy.isEmpty());
                CHECK_FALSE(light.changedAt.isValid());
            }
        }

        const std::map<qint64, QString> actors = store->lastActors({ zeta, removed, untouched });
        CHECK(actors.size() == 2);
        CHECK(actors.at(zeta) == recordedActor(*store, QStringLiteral("alex")));
        CHECK(actors.at(untouched) == store->lastActor(untouched));
        CHECK(actors.count(removed) == 0); // its audit rows stay, but it is no project any more
    }
}
