// Template migration in the window: the re-check marker and "Confirm Wording", the "Template
// update available" notice, its plan dialog, and applying, undoing and redoing the migration on
// a real file, checked item by item.

#include "WindowTestSupport.h"
#include "core/storage/StoreTestSupport.h"
#include "dialogs/TemplateUpdateDialog.h"
#include "templates/MigrationPlan.h"
#include "templates/TemplateLoader.h"
#include "widgets/ItemDetailsPane.h"

#include <QAction>
#include <QDir>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QTreeWidget>

using namespace preflight;
using namespace preflight::gui;
using namespace preflight::gui::test;

namespace {

const QString coverage = QStringLiteral("testing.unit-tests.test-coverage-over-80-percent");
const QString noPrint = QStringLiteral("code-quality.code-standards.no-print-statements");
const QString sqlPrevented = QStringLiteral("security.input-validation.sql-injection-prevented");
const QString sqlBlocked = QStringLiteral("security.input-validation.sql-injection-blocked");

// The 1.1.0 fixture was written against Appendix A 1.0.0 (before its tags).
const Template &appendixA100()
{
    static const TemplateRegistry registry;
    const Template *tmpl = registry.find(QStringLiteral("appendix-a"), QStringLiteral("1.0.0"));
    REQUIRE(tmpl);
    return *tmpl;
}

Template appendixA11()
{
    return loadTemplateFile(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/templates/appendix-a-1.1.0.json"));
}

// A 1.0.0 review with answers of every kind the migration treats differently, a linked risk and
// a sign-off; version 1.1.0 is stored in the database beside it.
qint64 halfFinishedReview(Store &store)
{
    Project draft;
    draft.name = QStringLiteral("Apollo");
    draft.templateId = appendixA100().id;
    draft.templateVersion = appendixA100().version;
    const qint64 id = store.createProject(draft, appendixA100()).id;
    const auto set = [&](const QString &item, ItemStatus status, const QString &reason, const QString &note) {
        Store::ItemPatch patch;
        patch.status = status;
        patch.reason = reason;
        patch.note = note;
        store.setItem(id, item, patch);
    };
    set(coverage, ItemStatus::Done, {}, QStringLiteral("82 % in CI"));
    set(noPrint, ItemStatus::NotApplicable, QStringLiteral("written in Go"), {});
    set(sqlPrevented, ItemStatus::Done, {}, QStringLiteral("sqlc"));
    set(styleGuideItem, ItemStatus::Done, {}, {});
    Risk risk;
    risk.title = QStringLiteral("Injection");
    risk.linkedItems = { sqlPrevented, noPrint };
    store.addRisk(id, risk);
    SignOff signoff;
    signoff.role = QStringLiteral("Engineering Lead");
    signoff.name = QStringLiteral("Kim");
    store.signOff(id, signoff);
    store.storeTemplate(appendixA11());
    return id;
}

// Screenshots for a person to look at, when PREFLIGHT_TEST_SCREENSHOTS names a folder.
void keepScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("PREFLIGHT_TEST_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QApplication::processEvents();
    CHECK(widget.grab().save(QDir(dir).filePath(name)));
}

} // namespace

TEST_CASE("A flagged answer shows its marker and old wording, and Confirm Wording clears it undoably", "[gui][migrate]")
{
    TempDatabase db;
    qint64 id = 0;
    {
        auto store = db.open();
        id = halfFinishedReview(*store);
        const Template to = appendixA11();
        REQUIRE(store->migrateProject(id, to, planMigration(appendixA100(), to, store->loadState(id))));
    }
    OpenWindow open(db);
    MainWindow &window = open.window;
    open.window.openProject(id);
    ChecklistModel *model = window.checklistView()->model();
    const QModelIndex flagged = model->indexOfId(coverage);
    REQUIRE(flagged.isValid());
    CHECK(flagged.data(ChecklistModel::RecheckRole).toString() == QStringLiteral("Test coverage > 80%"));
    CHECK_FALSE(flagged.data(Qt::DecorationRole).value<QIcon>().isNull());
    CHECK(flagged.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Wording changed in 1.1.0 — re-check")));
    const QModelIndex plain = model->indexOfId(styleGuideItem);
    CHECK(plain.data(ChecklistModel::RecheckRole).isNull());
    CHECK(plain.data(Qt::DecorationRole).isNull());

    open.focusItem(coverage);
    auto *frame = window.findChild<QFrame *>(QStringLiteral("recheckFrame"));
    auto *label = window.findChild<QLabel *>(QStringLiteral("recheckLabel"));
    auto *confirm = window.findChild<QPushButton *>(QStringLiteral("confirmWordingButton"));
    REQUIRE(frame);
    REQUIRE(label);
    REQUIRE(confirm);
    CHECK(frame->isVisible());
    CHECK(label->text().contains(QStringLiteral("Wording changed in 1.1.0")));
    CHECK(label->text().contains(QStringLiteral("Test coverage &gt; 80%"))); // the wording answered
    CHECK(label->text().contains(QStringLiteral("Test coverage &gt; 85% on changed code"))); // the wording now
    keepScreenshot(window, QStringLiteral("flagged-item.png"));

    const auto storedFlags = [&] { return db.open(QStringLiteral("reader"))->loadState(id).rechecks; };
    const std::map<QString, Recheck> before = storedFlags();
    REQUIRE(before.count(coverage) == 1);
    QTest::mouseClick(confirm, Qt::LeftButton);
    CHECK(storedFlags().count(coverage) == 0);
    CHECK(storedFlags().size() == before.size() - 1);
    CHECK(model->indexOfId(coverage).data(ChecklistModel::RecheckRole).isNull());
    CHECK_FALSE(frame->isVisible());

    QUndoStack *stack = window.currentSession()->undoStack();
    REQUIRE(stack->count() == 1);
    stack->undo();
    CHECK(storedFlags() == before);
    CHECK(frame->isVisible());
    CHECK(model->indexOfId(coverage).data(ChecklistModel::RecheckRole).toString()
          == QStringLiteral("Test coverage > 80%"));
    stack->redo();
    CHECK(storedFlags().count(coverage) == 0);
    CHECK(db.open(QStringLiteral("reader"))->verify().ok);
}

TEST_CASE("Template update: the notice, the plan, and apply, undo and redo restoring every answer", "[gui][migrate]")
{
    TempDatabase db;
    const qint64 id = halfFinishedReview(*db.open());
    const auto stored = [&] { return db.open(QStringLiteral("reader"))->loadState(id); };
    const ProjectState before = stored();
    OpenWindow open(db);
    MainWindow &window = open.window;
    window.openProject(id);

    auto *notice = window.findChild<QToolButton *>(QStringLiteral("templateUpdateButton"));
    auto *action = window.findChild<QAction *>(QStringLiteral("actionUpdateTemplate"));
    REQUIRE(notice);
    REQUIRE(action);
    CHECK(notice->isVisible());
    CHECK(notice->text().contains(QStringLiteral("1.1.0")));
    CHECK(action->isEnabled());
    keepScreenshot(window, QStringLiteral("update-notice.png"));

    QTest::mouseClick(notice, Qt::LeftButton);
    auto *dialog = window.findChild<TemplateUpdateDialog *>();
    REQUIRE(dialog);
    REQUIRE(dialog->isVisible());
    auto *tree = dialog->findChild<QTreeWidget *>(QStringLiteral("planTree"));
    REQUIRE(tree);
    REQUIRE(tree->topLevelItemCount() == 5);
    // The plan `project migrate` prints: the same numbers, group by group.
    CHECK(tree->topLevelItem(0)->text(0).startsWith(QStringLiteral("3 answers carry over (")));
    CHECK(tree->topLevelItem(0)->text(0).endsWith(QStringLiteral(", 1 to a new id)")));
    CHECK(tree->topLevelItem(0)->child(0)->text(0) == sqlPrevented + QStringLiteral(" → ") + sqlBlocked);
    CHECK(tree->topLevelItem(1)->text(0).startsWith(QStringLiteral("1 answer flagged")));
    CHECK(tree->topLevelItem(1)->child(0)->text(0).startsWith(coverage));
    CHECK(tree->topLevelItem(2)->text(0).startsWith(QStringLiteral("1 answer of a removed item")));
    CHECK(tree->topLevelItem(2)->child(0)->text(0).startsWith(noPrint + QStringLiteral(" (na)")));
    CHECK(tree->topLevelItem(3)->text(0) == QStringLiteral("4 new items start open"));
    CHECK(tree->topLevelItem(4)->text(0) == QStringLiteral("1 sign-off goes stale"));
    keepScreenshot(*dialog, QStringLiteral("template-update-dialog.png"));
    auto *apply = dialog->findChild<QPushButton *>(QStringLiteral("applyButton"));
    REQUIRE(apply);
    QTest::mouseClick(apply, Qt::LeftButton);

    ProjectSession *session = window.currentSession();
    const ProjectState after = stored();
    CHECK(after.project.templateVersion == QStringLiteral("1.1.0"));
    CHECK(session->tmpl().version == QStringLiteral("1.1.0"));
    CHECK(after.items.count(sqlBlocked) == 1);
    CHECK(after.items.count(noPrint) == 0);
    CHECK(after.rechecks.count(coverage) == 1);
    ChecklistModel *model = window.checklistView()->model();
    CHECK(model->indexOfId(sqlBlocked).isValid());
    CHECK_FALSE(model->indexOfId(noPrint).isValid());
    CHECK_FALSE(notice->isVisible());
    CHECK_FALSE(action->isEnabled());
    CHECK(session->assessment().signoffs[0].stale);
    QUndoStack *stack = session->undoStack();
    REQUIRE(stack->count() == 1);
    CHECK(stack->undoText() == QStringLiteral("Update template to 1.1.0"));

    stack->undo();
    preflight::test::requireSameAnswers(stored(), before);
    CHECK(session->tmpl().version == QStringLiteral("1.0.0"));
    CHECK(model->indexOfId(noPrint).isValid());
    CHECK_FALSE(model->indexOfId(sqlBlocked).isValid());
    CHECK(model->indexOfId(noPrint)
              .siblingAtColumn(ChecklistModel::StatusColumn)
              .data()
              .toString()
              .contains(QStringLiteral("written in Go")));
    CHECK_FALSE(session->assessment().signoffs[0].stale);
    CHECK(notice->isVisible());

    stack->redo();
    const ProjectState redone = stored();
    CHECK(redone.project.templateVersion == QStringLiteral("1.1.0"));
    REQUIRE(redone.items.size() == after.items.size());
    for (const auto &[itemId, state] : after.items) {
        INFO(itemId.toStdString());
        CHECK(redone.items.at(itemId).status == state.status);
        CHECK(redone.items.at(itemId).reason == state.reason);
        CHECK(redone.items.at(itemId).note == state.note);
    }
    CHECK(redone.rechecks == after.rechecks);
    CHECK(session->tmpl().version == QStringLiteral("1.1.0"));
    stack->undo();
    preflight::test::requireSameAnswers(stored(), before);
    CHECK(db.open(QStringLiteral("reader"))->verify().ok);
}

TEST_CASE("Template update: the plan names the profile tags the new version lacks", "[gui][migrate][profile]")
{
    const auto tagged = [](const char *version) {
        return loadTemplateFile(
            QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/templates/tagged-%1.json").arg(QString::fromLatin1(version)));
    };
    const Template from = tagged("1.0.0");
    const Template to = tagged("1.1.0");
    ProjectState state;
    state.project.templateId = from.id;
    state.project.templateVersion = from.version;
    state.project.profile
        = QStringList { QStringLiteral("kubernetes"), QStringLiteral("llm"), QStringLiteral("python") };
    TemplateUpdateDialog dialog(QStringLiteral("Agent"), from, to, planMigration(from, to, state));
    auto *tree = dialog.findChild<QTreeWidget *>(QStringLiteral("planTree"));
    REQUIRE(tree);
    REQUIRE(tree->topLevelItemCount() == 6);
    const QTreeWidgetItem *tags = tree->topLevelItem(5);
    CHECK(tags->text(0)
          == QStringLiteral("2 profile tags no item of 1.1.0 carries stay in the profile, where they leave nothing in "
                            "or out"));
    REQUIRE(tags->childCount() == 2);
    CHECK(tags->child(0)->text(0) == QStringLiteral("llm"));
    CHECK(tags->child(1)->text(0) == QStringLiteral("python"));

    // Without a profile the group is left out.
    state.project.profile.reset();
    TemplateUpdateDialog plain(QStringLiteral("Plain"), from, to, planMigration(from, to, state));
    CHECK(plain.findChild<QTreeWidget *>(QStringLiteral("planTree"))->topLevelItemCount() == 5);
}
