#pragma once

#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "Workspace.h"
#include "dashboard/Dashboard.h"
#include "models/ChecklistModel.h"
#include "widgets/ChecklistView.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QHorizontalStackedBarSeries>
#include <QPointer>
#include <QTest>
#include <QTimer>
#include <QTreeView>

namespace preflight::gui::test {

// The main window on a test database, shown and active so that keyboard shortcuts reach it.
struct OpenWindow
{
    explicit OpenWindow(const TempDatabase &db)
        : window(std::make_unique<Workspace>(db.open()))
    {
        window.resize(1440, 900);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        window.activateWindow(); // on X11 without a window manager nothing else gives it the focus
        QApplication::setActiveWindow(&window);
        REQUIRE(QTest::qWaitForWindowActive(&window));
    }

    QTreeView *tree() { return window.checklistView()->tree(); }

    // Puts the keyboard cursor on `itemId` in the checklist tree, as arrow keys would.
    void focusItem(const QString &itemId)
    {
        QApplication::setActiveWindow(&window);
        window.showView(MainWindow::View::Checklist);
        window.checklistView()->selectItem(itemId);
        tree()->setFocus();
        REQUIRE(window.checklistView()->currentItemId() == itemId);
        REQUIRE(QApplication::focusWidget() == tree()); // the keys below go to the tree's shortcuts
    }

    QString scoreOf(const QString &categoryId)
    {
        ChecklistModel *model = window.checklistView()->model();
        return model->indexOfId(categoryId).siblingAtColumn(ChecklistModel::ScoreColumn).data().toString();
    }

    // The completion bar of one category, summed over the per-severity sets that draw it.
    double categoryBar(const QString &title)
    {
        auto *view = window.dashboard()->findChild<QChartView *>(QStringLiteral("categoryChart"));
        REQUIRE(view);
        REQUIRE(view->chart()->series().size() == 1);
        auto *series = qobject_cast<QHorizontalStackedBarSeries *>(view->chart()->series().at(0));
        REQUIRE(series);
        auto *axis = qobject_cast<QBarCategoryAxis *>(view->chart()->axes(Qt::Vertical).at(0));
        const int index = int(axis->categories().indexOf(title));
        REQUIRE(index >= 0);
        double value = 0;
        for (QBarSet *set : series->barSets())
            value += set->at(index);
        return value;
    }

    MainWindow window;
};

inline ItemStatus storedStatus(const TempDatabase &db, qint64 projectId, const QString &itemId)
{
    return db.open(QStringLiteral("reader"))->loadState(projectId).itemState(itemId).status;
}

// Answers the next modal dialog once it is up: exec() blocks the test until then. A caller
// that expects no such dialog must delete the returned timer, or it answers a later test's.
template<typename Dialog, typename Answer> QPointer<QTimer> whenDialogOpens(Answer answer)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer] {
        if (auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            answer(dialog);
        }
    });
    timer->start();
    return timer;
}

// A window open on a fresh database holding one Appendix A project.
struct ProjectWindow
{
    TempDatabase db;
    Project project = createAppendixProject(*db.open());
    OpenWindow open { db };
};

} // namespace preflight::gui::test
