#include "Screenshots.h"

#include "MainWindow.h"
#include "ProjectSession.h"
#include "widgets/ChecklistView.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QPixmap>
#include <QTextStream>

namespace preflight::gui {

namespace {

// Lets layouts, deferred chart geometry and the first paint settle before grabbing. The
// window manager's first resize arrives asynchronously, so this waits in real time.
void settle()
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 400)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
}

// Shows the details of an item with a note, so the checklist shot shows the Markdown preview.
void selectAnnotatedItem(MainWindow &window)
{
    if (!window.currentSession())
        return;
    for (const auto &[id, state] : window.currentSession()->state().items) {
        if (!state.note.isEmpty()) {
            window.checklistView()->selectItem(id);
            return;
        }
    }
}

} // namespace

bool takeScreenshots(MainWindow &window, const QString &dir, const QString &variant)
{
    QDir().mkpath(dir);
    selectAnnotatedItem(window);
    const std::pair<MainWindow::View, QString> views[] = {
        { MainWindow::View::Checklist, QStringLiteral("checklist") },
        { MainWindow::View::Risks, QStringLiteral("risks") },
        { MainWindow::View::SignOff, QStringLiteral("signoff") },
        { MainWindow::View::Dashboard, QStringLiteral("dashboard") },
    };
    bool ok = true;
    for (const auto &[view, name] : views) {
        window.showView(view);
        settle();
        const QString file = QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(name, variant));
        if (!window.grab().save(file)) {
            QTextStream(stderr) << "could not write " << file << '\n';
            ok = false;
        }
    }
    window.showView(MainWindow::View::Checklist);
    return ok;
}

} // namespace preflight::gui
