// The window at a laptop's size (1024×700, a docked panel taking the rest) and at a desktop's.
#include "WindowTestSupport.h"
#include "models/ProjectListModel.h"

#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QGraphicsTextItem>
#include <QHeaderView>
#include <QLabel>
#include <QScreen>
#include <QStackedWidget>
#include <QTextLayout>

using namespace preflight;
using namespace preflight::gui;
using namespace preflight::gui::test;

namespace {

// Whether `label` shows all of its text: as tall as its wrapped text needs, and inside its window.
void requireWhollyShown(const QLabel *label)
{
    INFO(label->objectName().toStdString() << " " << label->width() << "x" << label->height());
    REQUIRE(label->isVisible());
    const int needed = label->wordWrap() ? label->heightForWidth(label->width()) : label->sizeHint().height();
    CHECK(label->height() >= needed);
    const QRect inWindow(label->mapTo(label->window(), QPoint(0, 0)), label->size());
    CHECK(label->window()->rect().contains(inWindow));
}

} // namespace

TEST_CASE("The welcome page shows all of its text at a laptop's size", "[gui][layout]")
{
    TempDatabase db;
    MainWindow window(std::make_unique<Workspace>(db.open()));
    for (const QSize size : { QSize(1024, 700), QSize(1920, 1080) }) {
        INFO(size.width() << "x" << size.height());
        window.resize(size);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        QApplication::processEvents();
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        REQUIRE(pages->currentWidget()->objectName() == QStringLiteral("welcomePage"));
        for (const char *name : { "headingLabel", "introLabel" })
            requireWhollyShown(window.findChild<QLabel *>(QString::fromLatin1(name)));
    }
}

TEST_CASE("On first start the window fits the screen", "[gui][layout]")
{
    TempDatabase db;
    MainWindow window(std::make_unique<Workspace>(db.open()));
    const QSize room = window.screen()->availableGeometry().size();
    CHECK(window.width() <= room.width());
    CHECK(window.height() <= room.height());
}

TEST_CASE("The emoji the window shows are drawn by an installed font, not as empty boxes", "[gui][layout][fonts]")
{
    // The severity markers of the import hint and of Appendix A's texts, and the symbols the
    // importer names in its warnings. fonts-noto-color-emoji (a dependency of the package, and in
    // setup.sh's list) draws them; without it they were boxes.
    const QString shown = QStringLiteral("🔴 🟠 🟡 🟢 ✅ ⚠");
    QTextLayout layout(shown, QApplication::font());
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    const QList<QGlyphRun> runs = layout.glyphRuns();
    REQUIRE_FALSE(runs.isEmpty());
    for (const QGlyphRun &run : runs) {
        INFO(run.rawFont().familyName().toStdString());
        for (const quint32 glyph : run.glyphIndexes())
            CHECK(glyph != 0);
    }
}

namespace {

// Texts of the labels a chart draws (axis labels, legend entries, title).
QStringList chartTexts(QChartView *view)
{
    QStringList texts;
    for (QGraphicsItem *item : view->scene()->items()) {
        if (auto *text = qgraphicsitem_cast<QGraphicsTextItem *>(item); text && text->isVisible())
            texts << text->toPlainText();
        else if (auto *simple = qgraphicsitem_cast<QGraphicsSimpleTextItem *>(item); simple && simple->isVisible())
            texts << simple->text();
    }
    return texts;
}

bool elided(const QString &text)
{
    return text.contains(QStringLiteral("...")) || text.contains(QChar(0x2026));
}

} // namespace

TEST_CASE_METHOD(ProjectWindow,
                 "At a laptop's size and a desktop's the item texts, badges and chart labels are readable",
                 "[gui][layout]")
{
    for (const QSize size : { QSize(1024, 700), QSize(1920, 1080) }) {
        INFO(size.width() << "x" << size.height());
        open.window.resize(size);
        open.window.showView(MainWindow::View::Checklist);
        QApplication::processEvents();

        // The tree gets most of the room beside the details pane, and the item text most of the
        // tree; the status and owner columns give way.
        QTreeView *tree = open.tree();
        auto *details = open.window.findChild<QWidget *>(QStringLiteral("details"));
        REQUIRE(details);
        CHECK(tree->width() > details->width());
        const int title = tree->header()->sectionSize(ChecklistModel::TitleColumn);
        CHECK(title >= tree->viewport()->width() / 2);

        // The project list shows each project's verdict and score whole.
        auto *projects = open.window.findChild<QTreeView *>(QStringLiteral("projectView"));
        for (const int column : { int(ProjectListModel::VerdictColumn), int(ProjectListModel::ScoreColumn) }) {
            const int right
                = projects->header()->sectionViewportPosition(column) + projects->header()->sectionSize(column);
            CHECK(right <= projects->viewport()->width());
        }

        // Every category name in the bar chart, and every legend entry, is shown in full.
        open.window.showView(MainWindow::View::Dashboard);
        QApplication::processEvents();
        for (const char *name : { "categoryChart", "scoreChart", "riskChart", "progressChart" }) {
            auto *view = open.window.dashboard()->findChild<QChartView *>(QString::fromLatin1(name));
            REQUIRE(view);
            const QStringList texts = chartTexts(view);
            INFO(name << ": " << texts.join(QStringLiteral(" | ")).toStdString());
            CHECK_FALSE(texts.isEmpty());
            CHECK(std::none_of(texts.begin(), texts.end(), elided));
        }
    }
}

TEST_CASE_METHOD(ProjectWindow, "The radar's numbered axes are named in the category chart", "[gui][layout]")
{
    open.window.showView(MainWindow::View::Dashboard);
    QApplication::processEvents();
    auto *radar = open.window.dashboard()->findChild<QChartView *>(QStringLiteral("radarChart"));
    auto *bars = open.window.dashboard()->findChild<QChartView *>(QStringLiteral("categoryChart"));
    auto *numbers = qobject_cast<QCategoryAxis *>(radar->chart()->axes().at(0));
    auto *names = qobject_cast<QBarCategoryAxis *>(bars->chart()->axes(Qt::Vertical).at(0));
    REQUIRE(numbers);
    REQUIRE(names);
    REQUIRE(numbers->categoriesLabels().size() == names->count());
    for (const QString &number : numbers->categoriesLabels()) {
        INFO(number.toStdString());
        const QStringList categories = names->categories();
        CHECK(std::any_of(categories.begin(), categories.end(),
                          [&](const QString &name) { return name.startsWith(number + u' '); }));
    }
    CHECK(names->categories().contains(QStringLiteral("1 Code Quality")));
}
