// Applicability profiles in the window: the New Review dialog's tag boxes, the Profile dialog,
// the undoable change, and left-out items shown apart in the checklist.
#include "GuiTestSupport.h"
#include "dialogs/NewProjectDialog.h"
#include "dialogs/ProfileDialog.h"
#include "models/ChecklistModel.h"
#include "widgets/ProfileChooser.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>

using namespace preflight;
using namespace preflight::gui;
using namespace preflight::gui::test;

namespace {

// "a,b" as a list; QT_NO_CAST_FROM_ASCII rules out QStringList { "a", "b" }.
QStringList tags(const char *list)
{
    return QString::fromLatin1(list).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

} // namespace

TEST_CASE("The New Review dialog offers the template's tags as the profile", "[gui][profile]")
{
    TempDatabase db;
    Workspace workspace(db.open());
    NewProjectDialog dialog(workspace, QStringLiteral("appendix-a"));
    dialog.setName(QStringLiteral("Go batch job"));
    auto *chooser = dialog.findChild<ProfileChooser *>(QStringLiteral("profileChooser"));
    REQUIRE(chooser);
    CHECK_FALSE(chooser->isChecked()); // no profile unless asked for: every item applies
    CHECK(dialog.draft().profile == std::nullopt);
    for (const char *tag : { "containers", "health-data", "kubernetes", "llm", "payments", "pii", "python", "redis" })
        CHECK(chooser->tagBox(QString::fromLatin1(tag)));

    chooser->setChecked(true);
    CHECK(dialog.draft().profile == Profile(QStringList()));
    auto *summary = chooser->findChild<QLabel *>(QStringLiteral("profileSummary"));
    REQUIRE(summary);
    CHECK(summary->text() == QStringLiteral("211 of 264 items apply; the other 53 count as N/A."));
    chooser->tagBox(QStringLiteral("python"))->setChecked(true);
    CHECK(dialog.draft().profile == Profile(tags("python")));

    const std::optional<Project> created = workspace.createProject(dialog.draft());
    REQUIRE(created);
    CHECK(created->profile == Profile(tags("python")));
    CHECK(workspace.session(created->id)->assessment().counts.outsideProfile == 51);
}

TEST_CASE_METHOD(OpenSession, "A profile change greys items out, keeps their answers, and undoes", "[gui][profile]")
{
    REQUIRE(session);
    ChecklistModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSession(session);
    session->setItemStatus(typeHintsItem, ItemStatus::Done); // tagged python

    ProfileDialog dialog(session->tmpl(), session->state().project.profile);
    dialog.chooser()->setChecked(true);
    dialog.chooser()->tagBox(QStringLiteral("llm"))->setChecked(true);
    session->setProfile(dialog.profile());
    CHECK(session->state().project.profile == Profile(tags("llm")));

    const QModelIndex item = model.indexOfId(typeHintsItem);
    REQUIRE(item.isValid());
    CHECK(item.siblingAtColumn(ChecklistModel::StatusColumn).data().toString() == QStringLiteral("Not in profile"));
    CHECK(item.data(ChecklistModel::OutsideProfileRole).toBool());
    CHECK_FALSE(item.data(ChecklistModel::EditableRole).toBool());
    CHECK_FALSE(model.flags(item) & Qt::ItemIsUserCheckable);
    CHECK(item.data(Qt::CheckStateRole).toInt() == Qt::PartiallyChecked);
    CHECK(workspace.store().loadState(project.id).itemState(typeHintsItem).status == ItemStatus::Done);

    // One undo step brings the item back with its answer; redo leaves it out again.
    session->undoStack()->undo();
    CHECK(session->state().project.profile == std::nullopt);
    CHECK_FALSE(item.data(ChecklistModel::OutsideProfileRole).toBool());
    CHECK(item.data(Qt::CheckStateRole).toInt() == Qt::Checked);
    session->undoStack()->redo();
    CHECK(item.data(ChecklistModel::OutsideProfileRole).toBool());
    // Choosing the same profile again is no edit at all.
    const int steps = session->undoStack()->count();
    session->setProfile(QStringList { QStringLiteral("llm") });
    CHECK(session->undoStack()->count() == steps);
}
