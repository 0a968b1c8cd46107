// The window at a laptop's size (1024×700, a docked panel taking the rest) and at a desktop's.
#include "WindowTestSupport.h"

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
