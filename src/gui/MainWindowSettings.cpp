// What the main window keeps between runs (QSettings): layout, splitter and column sizes, the
// current view, and the last database and project, which the next start opens again.
#include "Error.h"
#include "MainWindow.h"
#include "ProjectSession.h"
#include "Workspace.h"
#include "ui_MainWindow.h"
#include "widgets/ChecklistView.h"

#include <QCloseEvent>
#include <QHeaderView>
#include <QSettings>

namespace preflight::gui {

namespace {

namespace Keys {
const QString geometry = QStringLiteral("window/geometry");
const QString state = QStringLiteral("window/state");
const QString splitter = QStringLiteral("window/splitter");
const QString checklistSplitter = QStringLiteral("window/checklistSplitter");
const QString view = QStringLiteral("window/view");
const QString projectColumns = QStringLiteral("window/projectColumns");
const QString lastDatabase = QStringLiteral("session/lastDatabase");
const QString lastProject = QStringLiteral("session/lastProject");
} // namespace Keys

} // namespace

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(Keys::geometry).toByteArray())) {
        // First start: the designed size, or what a laptop's screen has room for (a docked panel
        // included); a window larger than the screen cuts off its own middle.
        const QSize room = screen()->availableGeometry().size() * 0.95;
        resize(size().boundedTo(room));
    }
    restoreState(settings.value(Keys::state).toByteArray());
    ui->mainSplitter->restoreState(settings.value(Keys::splitter).toByteArray());
    ui->checklistView->restoreState(settings.value(Keys::checklistSplitter).toByteArray());
    ui->projectView->header()->restoreState(settings.value(Keys::projectColumns).toByteArray());
    ui->viewTabs->setCurrentIndex(settings.value(Keys::view, 0).toInt());
}

qint64 MainWindow::initialProject() const
{
    QSettings settings;
    if (settings.value(Keys::lastDatabase).toString() == m_workspace->location()) {
        const qint64 last = settings.value(Keys::lastProject).toLongLong();
        if (last && m_workspace->store().project(last))
            return last;
    }
    try {
        for (const Project &project : m_workspace->store().projects()) {
            if (!project.archived)
                return project.id;
        }
    } catch (const Error &error) {
        showError(error);
    }
    return 0;
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    // Only what changed is written: with nothing to write QSettings leaves the file alone, and
    // rewriting it (a lock file, a temporary copy, two syncs to disk) was most of what closing the
    // window cost when the layout had not changed, which is the usual case.
    const auto store = [&settings](const QString &key, const QVariant &value) {
        QVariant stored = settings.value(key);
        // Numbers come back from the file as text: compare them as what is about to be written.
        if (stored.metaType() != value.metaType())
            stored.convert(value.metaType());
        if (stored != value)
            settings.setValue(key, value);
    };
    store(Keys::geometry, saveGeometry());
    store(Keys::state, saveState());
    store(Keys::splitter, ui->mainSplitter->saveState());
    store(Keys::checklistSplitter, ui->checklistView->saveState());
    store(Keys::projectColumns, ui->projectView->header()->saveState());
    store(Keys::view, ui->viewTabs->currentIndex());
    store(Keys::lastDatabase, m_workspace->location()); // never with a password
    if (m_session)
        store(Keys::lastProject, m_session->projectId());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Edits are already in the database; only typing still waiting for its pause is flushed.
    ui->checklistView->commitPendingEdits();
    if (!settleFailedEdits()) {
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

} // namespace preflight::gui
