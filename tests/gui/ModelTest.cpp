#include "GuiTestSupport.h"
#include "ProjectSession.h"
#include "Workspace.h"
#include "export/ReportInput.h"
#include "models/ChecklistFilterModel.h"
#include "models/ChecklistModel.h"
#include "models/ProjectListModel.h"
#include "models/RiskTableModel.h"
#include "models/SignOffModel.h"

#include <QAbstractItemModelTester>

using namespace preflight;
using namespace preflight::gui;
using namespace preflight::gui::test;

namespace {

constexpr auto FailureMode = QAbstractItemModelTester::FailureReportingMode::Fatal;

} // namespace

TEST_CASE_METHOD(OpenSession, "Checklist model mirrors the template and the store under the model tester",
                 "[gui][models]")
{
    REQUIRE(session);

    ChecklistModel model;
    QAbstractItemModelTester tester(&model, FailureMode);
    model.setSession(session);
    // Summary groups first, then the 14 categories of Appendix A.
    REQUIRE(model.rowCount() == int(session->tmpl().summary.size() + session->tmpl().categories.size()));

    const QModelIndex item = model.indexOfId(styleGuideItem);
    REQUIRE(item.isValid());
    CHECK(item.data().toString() == QStringLiteral("All code follows style guide (Black, Ruff)"));
    CHECK(item.data(Qt::CheckStateRole).toInt() == Qt::Unchecked);
    CHECK(model.flags(item) & Qt::ItemIsUserCheckable);

    const QModelIndex category = model.indexOfId(QStringLiteral("code-quality"));
    const QModelIndex score = category.siblingAtColumn(ChecklistModel::ScoreColumn);
    CHECK(score.data().toString() == QStringLiteral("0 %"));

    REQUIRE(model.setData(item, Qt::Checked, Qt::CheckStateRole));
    CHECK(workspace.store().loadState(project.id).itemState(styleGuideItem).status == ItemStatus::Done);
    CHECK(item.data(Qt::CheckStateRole).toInt() == Qt::Checked);
    CHECK(score.data().toString() != QStringLiteral("0 %"));
    // One rounding rule on every surface: the window shows what the reports and the CLI print
    // (1 of 17 items is 5.9 %, which the window used to round to 6 %).
    const auto &categories = session->assessment().categories;
    const auto codeQuality = std::find_if(categories.begin(), categories.end(),
                                          [](const auto &c) { return c.id == QLatin1String("code-quality"); });
    REQUIRE(codeQuality != categories.end());
    CHECK(score.data().toString() == scoreText(codeQuality->score));
    CHECK(score.data().toString().contains(u'.'));

    // Computed summary items are shown with their reason and cannot be ticked by hand.
    const QModelIndex computed = model.indexOfId(QStringLiteral("executive-summary.all-critical-items-completed"));
    REQUIRE(computed.isValid());
    CHECK_FALSE(model.flags(computed) & Qt::ItemIsUserCheckable);
    CHECK(
        computed.siblingAtColumn(ChecklistModel::StatusColumn).data().toString().startsWith(QStringLiteral("Not met")));
    CHECK_FALSE(model.setData(computed, Qt::Checked, Qt::CheckStateRole));
}

TEST_CASE_METHOD(OpenSession, "Checklist filter shows open, open critical and N/A items with their headings",
                 "[gui][models]")
{
    session->setItemStatus(styleGuideItem, ItemStatus::NotApplicable, QStringLiteral("No Python in this service"));

    ChecklistModel model;
    model.setSession(session);
    ChecklistFilterModel filter;
    QAbstractItemModelTester tester(&filter, FailureMode);
    filter.setSourceModel(&model);

    const auto visible = [&](const QString &id) { return filter.mapFromSource(model.indexOfId(id)).isValid(); };
    filter.setStatusFilter(ChecklistFilterModel::StatusFilter::NotApplicable);
    CHECK(visible(styleGuideItem));
    CHECK(visible(QStringLiteral("code-quality")));
    CHECK_FALSE(visible(typeHintsItem));
    CHECK_FALSE(visible(QStringLiteral("testing")));

    filter.setStatusFilter(ChecklistFilterModel::StatusFilter::OpenCritical);
    CHECK(visible(typeHintsItem));
    CHECK_FALSE(visible(styleGuideItem));
    CHECK_FALSE(visible(QStringLiteral("cost-management"))); // a high category

    filter.setStatusFilter(ChecklistFilterModel::StatusFilter::All);
    filter.setText(QStringLiteral("type hints"));
    CHECK(visible(typeHintsItem));
    CHECK_FALSE(visible(styleGuideItem));

    // Ticking an item while "Open" is shown removes it from the view at once.
    filter.setText(QString());
    filter.setStatusFilter(ChecklistFilterModel::StatusFilter::Open);
    REQUIRE(visible(typeHintsItem));
    session->setItemStatus(typeHintsItem, ItemStatus::Done);
    CHECK_FALSE(visible(typeHintsItem));
}

TEST_CASE_METHOD(OpenSession, "Risk and sign-off models follow the session under the model tester", "[gui][models]")
{

    RiskTableModel risks;
    QAbstractItemModelTester riskTester(&risks, FailureMode);
    risks.setSession(session);
    CHECK(risks.rowCount() == 0);
    Risk draft;
    draft.title = QStringLiteral("Provider rate limits");
    draft.severity = Severity::High;
    session->addRisk(draft);
    REQUIRE(risks.rowCount() == 1);
    CHECK(risks.index(0, RiskTableModel::SeverityColumn).data().toString() == QStringLiteral("High"));

    REQUIRE(risks.setData(risks.index(0, RiskTableModel::StatusColumn), int(RiskStatus::Mitigated)));
    CHECK(workspace.store().loadState(project.id).risks.at(0).status == RiskStatus::Mitigated);
    REQUIRE(risks.setData(risks.index(0, RiskTableModel::LinkedColumn), QStringLiteral(" a.b , c.d,")));
    CHECK(workspace.store().loadState(project.id).risks.at(0).linkedItems
          == QStringList { QStringLiteral("a.b"), QStringLiteral("c.d") });
    CHECK_FALSE(risks.setData(risks.index(0, RiskTableModel::TitleColumn), QStringLiteral("  ")));

    SignOffModel signoffs;
    QAbstractItemModelTester signTester(&signoffs, FailureMode);
    signoffs.setSession(session);
    REQUIRE(signoffs.rowCount() == session->tmpl().signoffRoles.size());
    CHECK(signoffs.index(0, SignOffModel::StateColumn).data().toString() == QStringLiteral("Not signed"));

    SignOff signoff;
    signoff.role = session->tmpl().signoffRoles.at(0);
    signoff.name = QStringLiteral("Dana");
    signoff.decision = Decision::Approve;
    signoff.date = QDateTime::currentDateTimeUtc();
    session->signOff(signoff);
    CHECK(signoffs.index(0, SignOffModel::NameColumn).data().toString() == QStringLiteral("Dana"));

    // A review change after signing makes the sign-off stale, and the model says how stale.
    session->setItemStatus(styleGuideItem, ItemStatus::Done);
    CHECK(signoffs.index(0, 0).data(SignOffModel::StaleRole).toBool());
    CHECK(signoffs.index(0, SignOffModel::StateColumn).data().toString()
          == QStringLiteral("Stale: 1 change since signed"));

    // Decisions that do not count say why: a half-done review is not "Ready with Risks".
    signoff.decision = Decision::ApproveWithRisks;
    session->signOff(signoff);
    CHECK(signoffs.index(0, SignOffModel::StateColumn).data().toString()
          == QStringLiteral("Counts only when the verdict is Ready with Risks"));
    signoff.decision = Decision::Reject;
    session->signOff(signoff);
    CHECK(signoffs.index(0, SignOffModel::StateColumn).data().toString() == QStringLiteral("Rejected"));
}

TEST_CASE_METHOD(OpenSession, "Risk table shows linked items by their text, ids in the tooltip", "[gui][models]")
{
    RiskTableModel risks;
    risks.setSession(session);
    Risk draft;
    draft.title = QStringLiteral("Unreviewed style");
    draft.linkedItems = { styleGuideItem, QStringLiteral("gone.item") };
    session->addRisk(draft);
    const QModelIndex linked = risks.index(0, RiskTableModel::LinkedColumn);
    CHECK(linked.data().toString() == session->tmpl().findItem(styleGuideItem)->text + QStringLiteral("\ngone.item"));
    CHECK(linked.data(Qt::ToolTipRole).toString() == styleGuideItem + QStringLiteral("\ngone.item"));
    CHECK(linked.data(Qt::EditRole).toString() == styleGuideItem + QStringLiteral(", gone.item"));
}

TEST_CASE("Project list shows verdict and score and filters by name and archive state", "[gui][models]")
{
    TempDatabase db;
    Workspace workspace(db.open());
    createAppendixProject(workspace.store(), QStringLiteral("Checkout service"));
    const Project search = createAppendixProject(workspace.store(), QStringLiteral("Search API"));

    ProjectListModel list(&workspace);
    QAbstractItemModelTester listTester(&list, FailureMode);
    ProjectFilterModel filter;
    QAbstractItemModelTester filterTester(&filter, FailureMode);
    filter.setSourceModel(&list);
    REQUIRE(list.rowCount() == 2);
    const QModelIndex row = list.indexOfProject(search.id);
    CHECK(row.siblingAtColumn(ProjectListModel::VerdictColumn).data().toString() == QStringLiteral("Not Ready"));
    CHECK(row.siblingAtColumn(ProjectListModel::ScoreColumn).data().toString() == QStringLiteral("0 %"));

    filter.setFilterFixedString(QStringLiteral("search"));
    CHECK(filter.rowCount() == 1);
    filter.setFilterFixedString(QString());

    // An edit in an open project updates that project's row.
    workspace.session(search.id)->setItemStatus(styleGuideItem, ItemStatus::Done);
    CHECK(row.data(ProjectListModel::ScoreRole).toDouble() > 0.0);

    workspace.session(search.id)->setArchived(true);
    CHECK(filter.rowCount() == 1);
    filter.setShowArchived(true);
    CHECK(filter.rowCount() == 2);
}
