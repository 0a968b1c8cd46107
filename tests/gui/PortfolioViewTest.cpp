// The portfolio view and the "Changes since…" panel, on real database files.
#include "widgets/PortfolioView.h"

#include "Appearance.h"
#include "ProjectSession.h"
#include "WindowTestSupport.h"
#include "models/PortfolioFilterModel.h"
#include "models/PortfolioModel.h"
#include "widgets/ChangesPanel.h"

#include <QAbstractItemModelTester>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeWidget>

using namespace preflight;
using namespace preflight::gui;
using namespace preflight::gui::test;

namespace {

// Three reviews: one well along and owned in part by "mei", one barely started and overdue, one
// archived.
struct ThreeProjects
{
    TempDatabase db;
    Workspace workspace { db.open() };
    qint64 along = 0;
    qint64 started = 0;
    qint64 archived = 0;

    ThreeProjects()
    {
        Store &store = workspace.store();
        along = createAppendixProject(store, QStringLiteral("Along")).id;
        started = createAppendixProject(store, QStringLiteral("Started")).id;
        archived = createAppendixProject(store, QStringLiteral("Old")).id;
        store.setItems(along,
                       { { styleGuideItem, { ItemStatus::Done, {}, {}, QStringLiteral("mei"), {} } },
                         { typeHintsItem, { ItemStatus::Done, {}, {}, {}, {} } } });
        Store::ProjectPatch overdue;
        overdue.targetDate = QDate::currentDate().addDays(-2);
        store.updateProject(started, overdue);
        Store::ProjectPatch archive;
        archive.archived = true;
        store.updateProject(archived, archive);
    }
};

QStringList shownNames(const PortfolioFilterModel &filter)
{
    QStringList names;
    for (int row = 0; row < filter.rowCount(); ++row)
        names << filter.index(row, PortfolioModel::ProjectColumn).data(PortfolioModel::SortRole).toString();
    return names;
}

} // namespace

TEST_CASE("The portfolio model and its filter pass the model tester and filter by every criterion", "[gui][portfolio]")
{
    ThreeProjects data;
    PortfolioView view;
    QAbstractItemModelTester modelTester(view.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester filterTester(view.filter(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    view.refresh(data.workspace);
    PortfolioModel &model = *view.model();
    PortfolioFilterModel &filter = *view.filter();
    // Listed at once, assessed between events.
    REQUIRE(model.rowCount() == 3);
    CHECK_FALSE(view.isComplete());
    CHECK(model.index(0, PortfolioModel::ScoreColumn).data().toString() == QStringLiteral("…"));
    CHECK(model.index(0, PortfolioModel::ProjectColumn).data().toString() == QStringLiteral("Along"));
    REQUIRE(QTest::qWaitFor([&] { return view.isComplete(); }, 10000));
    CHECK(model.index(0, PortfolioModel::ScoreColumn).data().toString() != QStringLiteral("…"));

    REQUIRE(model.rowCount() == 3);
    CHECK(model.categoryCount() == 14);
    CHECK(model.headerData(PortfolioModel::FirstCategoryColumn, Qt::Horizontal).toString()
          == QStringLiteral("Code Quality"));
    CHECK(shownNames(filter) == QStringList { QStringLiteral("Along"), QStringLiteral("Started") });

    // Sorted by score, numerically, highest first.
    filter.sort(PortfolioModel::ScoreColumn, Qt::DescendingOrder);
    CHECK(shownNames(filter).first() == QStringLiteral("Along"));
    // By days left: the overdue one first, the one without a target last.
    filter.sort(model.targetColumn(), Qt::AscendingOrder);
    CHECK(shownNames(filter).first() == QStringLiteral("Started"));
    const QModelIndex target = filter.index(0, model.targetColumn());
    CHECK(target.data().toString().contains(QStringLiteral("overdue")));

    filter.setShowArchived(true);
    CHECK(filter.rowCount() == 3);
    filter.setOwner(QStringLiteral("MEI"));
    CHECK(shownNames(filter) == QStringList { QStringLiteral("Along") });
    filter.setOwner({});
    filter.setFilterFixedString(QStringLiteral("star"));
    CHECK(shownNames(filter) == QStringList { QStringLiteral("Started") });
    filter.setFilterFixedString({});
    filter.setTemplateId(QStringLiteral("another-template"));
    CHECK(filter.rowCount() == 0);
    filter.setTemplateId(QStringLiteral("appendix-a"));
    CHECK(filter.rowCount() == 3);

    // The heat cells: a category's heat as the core computed it, a tint for each palette.
    const QModelIndex codeQuality = model.index(0, PortfolioModel::FirstCategoryColumn);
    const PortfolioRow &row = *model.row(codeQuality);
    CHECK(codeQuality.data(PortfolioModel::HeatRole).toString() == heatKey(row.categories.front().heat));
    for (const Heat heat : { Heat::OnTrack, Heat::Behind, Heat::AtRisk }) {
        const QColor light = PortfolioModel::heatBackground(heat, QPalette(Qt::white));
        const QColor dark = PortfolioModel::heatBackground(heat, darkPalette());
        CHECK(light.lightness() > 150); // black text stays readable
        CHECK(dark.lightness() < 110); // and so does white text
    }
    CHECK_FALSE(PortfolioModel::heatBackground(Heat::NotApplicable, QPalette(Qt::white)).isValid());
}

TEST_CASE("Ctrl+0 shows the portfolio beside the project list and a click opens the project", "[gui][portfolio]")
{
    TempDatabase db;
    {
        auto store = db.open();
        createAppendixProject(*store, QStringLiteral("First"));
        createAppendixProject(*store, QStringLiteral("Second"));
    }
    OpenWindow open(db);
    MainWindow &window = open.window;
    window.openProject(window.workspace()->store().findProject(QStringLiteral("First"))->id);

    QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier);
    REQUIRE(window.isPortfolioShown());
    auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
    CHECK(pages->currentWidget()->isAncestorOf(window.portfolioView()));
    QTableView *table = window.portfolioView()->table();
    REQUIRE(table->model()->rowCount() == 2);
    REQUIRE(QTest::qWaitFor([&] { return window.portfolioView()->isComplete(); }, 10000));

    int secondRow = -1;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data(PortfolioModel::SortRole).toString() == QStringLiteral("Second"))
            secondRow = row;
    }
    REQUIRE(secondRow >= 0);
    const QRect cell = table->visualRect(table->model()->index(secondRow, PortfolioModel::ScoreColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    CHECK_FALSE(window.isPortfolioShown());
    REQUIRE(window.currentSession());
    CHECK(window.currentSession()->state().project.name == QStringLiteral("Second"));

    // Ctrl+1 from the portfolio goes back to the open project's checklist.
    QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier);
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    CHECK_FALSE(window.isPortfolioShown());
}

TEST_CASE("The changes panel lists what changed since the chosen day", "[gui][portfolio]")
{
    OpenSession open;
    ChangesPanel panel;
    panel.setSession(open.session);
    CHECK(panel.tree()->topLevelItemCount() == 0); // a new project: nothing changed this week

    open.session->setItemStatus(styleGuideItem, ItemStatus::Done); // the panel follows the session
    REQUIRE(panel.tree()->topLevelItemCount() == 2); // the category's score and the item
    const QTreeWidgetItem *items = panel.tree()->topLevelItem(1);
    CHECK(items->text(0).startsWith(QStringLiteral("Items (1)")));
    REQUIRE(items->childCount() == 1);
    CHECK(items->child(0)->text(1).contains(QStringLiteral("Done")));
    CHECK(items->child(0)->text(2) == QStringLiteral("tester"));
    CHECK(panel.tree()->topLevelItem(0)->text(0).startsWith(QStringLiteral("Category scores")));

    // The picker stops at today, and today's changes are still listed from there.
    panel.setSince(QDate::currentDate().addDays(1));
    CHECK(panel.since() == QDate::currentDate());
    CHECK(panel.tree()->topLevelItemCount() == 2);
    panel.setSession(nullptr);
    CHECK(panel.tree()->topLevelItemCount() == 0);
}
