#include "Screenshots.h"

#include "MainWindow.h"
#include "ProjectSession.h"
#include "Workspace.h"
#include "dialogs/ConnectDialog.h"
#include "dialogs/ExportDialog.h"
#include "dialogs/ImportDialog.h"
#include "dialogs/ProfileDialog.h"
#include "dialogs/TemplateUpdateDialog.h"
#include "widgets/ChecklistView.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QPixmap>
#include <QStatusBar>
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

bool saveGrab(QWidget &widget, const QString &file)
{
    settle();
    if (widget.grab().save(file))
        return true;
    QTextStream(stderr) << "could not write " << file << '\n';
    return false;
}

// The export dialog, the update plan and the profile dialog of the open project, and the import preview of the file
// named by PREFLIGHT_SCREENSHOT_IMPORT (make-screenshots.sh passes tests/data/appendix-a-seed.md: warnings and all).
bool grabDialogs(MainWindow &window, const QString &dir)
{
    bool ok = true;
    if (window.currentSession()) {
        ExportDialog exportDialog(*window.currentSession(), &window);
        exportDialog.show();
        ok = saveGrab(exportDialog, QDir(dir).filePath(QStringLiteral("export-dialog.png"))) && ok;
    }
    // The update plan, when the database holds a newer version of the open project's template.
    if (ProjectSession *session = window.currentSession()) {
        if (const auto to = window.workspace()->templateUpdate(session->state().project)) {
            TemplateUpdateDialog updateDialog(session->state().project.name, session->tmpl(), *to,
                                              planMigration(session->tmpl(), *to, session->state()), &window);
            updateDialog.show();
            ok = saveGrab(updateDialog, QDir(dir).filePath(QStringLiteral("template-update-dialog.png"))) && ok;
        }
        ProfileDialog profileDialog(session->tmpl(), session->state().project.profile, &window);
        profileDialog.show();
        ok = saveGrab(profileDialog, QDir(dir).filePath(QStringLiteral("profile-dialog.png"))) && ok;
    }
    const QString markdown = qEnvironmentVariable("PREFLIGHT_SCREENSHOT_IMPORT");
    if (!markdown.isEmpty()) {
        ImportDialog importDialog(import::importMarkdownFile(markdown), window.workspace()->store(),
                                  window.workspace()->templates(), &window);
        importDialog.show();
        ok = saveGrab(importDialog, QDir(dir).filePath(QStringLiteral("import-dialog.png"))) && ok;
    }
    return ok;
}

// On a team server (make-screenshots.sh's "server" run): the status bar naming the server and
// login, and the connect dialog with a few recent connections.
bool grabServerShots(MainWindow &window, const QString &dir)
{
    bool ok = saveGrab(*window.statusBar(), QDir(dir).filePath(QStringLiteral("statusbar-server.png")));
    ConnectDialog::rememberConnection(QStringLiteral("service=preflight"));
    ConnectDialog::rememberConnection(QStringLiteral("postgresql://alice@db.example.com/reviews?sslmode=verify-full"));
    ConnectDialog dialog(&window);
    dialog.show();
    return saveGrab(dialog, QDir(dir).filePath(QStringLiteral("connect-dialog.png"))) && ok;
}

} // namespace

bool takeScreenshots(MainWindow &window, const QString &dir, const QString &variant)
{
    QDir().mkpath(dir);
    if (variant == QLatin1String("server"))
        return grabServerShots(window, dir);
    window.assessPendingProjects();
    selectAnnotatedItem(window);
    const std::pair<MainWindow::View, QString> views[] = {
        { MainWindow::View::Checklist, QStringLiteral("checklist") },
        { MainWindow::View::Risks, QStringLiteral("risks") },
        { MainWindow::View::SignOff, QStringLiteral("signoff") },
        { MainWindow::View::Dashboard, QStringLiteral("dashboard") },
        { MainWindow::View::Changes, QStringLiteral("changes") },
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
    window.showPortfolio();
    settle();
    const QString portfolio = QDir(dir).filePath(QStringLiteral("portfolio-%1.png").arg(variant));
    if (!window.grab().save(portfolio)) {
        QTextStream(stderr) << "could not write " << portfolio << '\n';
        ok = false;
    }
    window.showView(MainWindow::View::Checklist);
    if (variant == QLatin1String("light"))
        ok = grabDialogs(window, dir) && ok;
    return ok;
}

} // namespace preflight::gui
