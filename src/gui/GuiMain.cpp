#include "GuiMain.h"

#include "Appearance.h"
#include "ConnectionWatcher.h"
#include "Error.h"
#include "MainWindow.h"
#include "Screenshots.h"
#include "Workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <cstdlib>

namespace preflight::gui {

namespace {

struct Options
{
    QString database;
    QString project;
    QString screenshotDir;
    bool dark = false;
    bool exitWhenShown = false;
};

Options parseOptions(const QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("preflight::gui", "Production-readiness reviews"));
    parser.addHelpOption();
    const QCommandLineOption db(
        QStringLiteral("db"),
        QApplication::translate("preflight::gui",
                                "Database file, or a PostgreSQL server (postgresql://… or service=…)."),
        QStringLiteral("path"));
    const QCommandLineOption project(QStringLiteral("project"),
                                     QApplication::translate("preflight::gui", "Project to open."),
                                     QStringLiteral("name"));
    // Hidden: used by the screenshot script and the startup benchmark, not by people.
    QCommandLineOption screenshots(QStringLiteral("screenshots"), QString(), QStringLiteral("dir"));
    screenshots.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption dark(QStringLiteral("dark"), QString());
    dark.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption exitWhenShown(QStringLiteral("exit-when-shown"), QString());
    exitWhenShown.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({ db, project, screenshots, dark, exitWhenShown });
    parser.process(app);
    // Anything positional here is a command placed after an option ("preflight --db X status"):
    // say so instead of silently opening a window.
    if (!parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << QApplication::translate("preflight::gui",
                                                       "preflight: unexpected “%1”; put commands before options "
                                                       "(preflight COMMAND --db PATH), or see preflight --help\n")
                                   .arg(parser.positionalArguments().join(QLatin1Char(' ')));
        std::exit(2);
    }
    return { parser.value(db), parser.value(project), parser.value(screenshots), parser.isSet(dark),
             parser.isSet(exitWhenShown) };
}

// Opens a file or connects to a server, asking for a password only when the server wants one
// (~/.pgpass, certificates and Kerberos need none). Null when the user cancels the prompt.
std::unique_ptr<Store> openAtStart(const QString &location, QString &password)
{
    if (Store::isServerLocation(location) && Store::serverNeedsPassword(location)) {
        bool ok = false;
        password = QInputDialog::getText(
            nullptr, QApplication::translate("preflight::gui", "Preflight"),
            QApplication::translate("preflight::gui", "Password for %1:").arg(Store::withoutPassword(location)),
            QLineEdit::Password, QString(), &ok);
        if (!ok)
            return nullptr;
    }
    return Store::open(location, Store::defaultActor(), password);
}

} // namespace

void setApplicationIdentity()
{
    // Store::defaultPath() and the templates folder come from AppDataLocation, which the command
    // line leaves at ~/.local/share/preflight (no organisation name, application "preflight"): the
    // window must find the same database. QSettings falls back to the organisation domain, so
    // setting only that keeps settings in ~/.config/preflight/ without moving the data.
    QCoreApplication::setApplicationName(QStringLiteral("preflight"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("preflight"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PREFLIGHT_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Preflight"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.example.Preflight"));
}

int run(int argc, char *argv[])
{
    QApplication app(argc, argv);
    setApplicationIdentity();
    QGuiApplication::setWindowIcon(themedIcon(QStringLiteral("preflight")));
    const Options options = parseOptions(app);
    // The dark screenshots ask for Fusion, whose palette handling the dark palette is made for.
    if (options.dark) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
    }

    QString location = options.database;
    bool remembered = false;
    if (location.isEmpty()) {
        // A last database that has since been moved or deleted must not be silently re-created
        // empty in its old place: fall back to the default one.
        location = QSettings().value(QStringLiteral("session/lastDatabase")).toString();
        remembered = !location.isEmpty();
        if (location.isEmpty() || (!Store::isServerLocation(location) && !QFileInfo::exists(location)))
            location = Store::defaultPath();
    }
    QString password;
    std::unique_ptr<Store> store;
    try {
        store = openAtStart(location, password);
    } catch (const Error &failure) {
        // The store names the server as given, which may carry a password typed into the URI.
        const Error error(failure.kind(),
                          QString(failure.message()).replace(location, Store::withoutPassword(location)));
        if (!remembered || !Store::isServerLocation(location)) {
            QMessageBox::critical(nullptr, QApplication::translate("preflight::gui", "Preflight"),
                                  QApplication::translate("preflight::gui", "The database could not be opened.\n\n%1")
                                      .arg(error.message()));
            return 3;
        }
        // The team server of last time is out of reach (offline, on a train): the window still
        // opens, on this machine's own database, saying why.
        QMessageBox::warning(nullptr, QApplication::translate("preflight::gui", "Preflight"),
                             QApplication::translate("preflight::gui",
                                                     "The team server could not be reached; opening the database on "
                                                     "this computer instead. File → Connect to Team Server… tries "
                                                     "again.\n\n%1")
                                 .arg(error.message()));
        location = Store::defaultPath();
        password.clear();
        try {
            store = Store::open(location, Store::defaultActor());
        } catch (const Error &fallbackError) {
            QMessageBox::critical(nullptr, QApplication::translate("preflight::gui", "Preflight"),
                                  fallbackError.message());
            return 3;
        }
    }
    if (!store)
        return 3; // the password prompt was cancelled

    std::optional<Project> requested;
    if (!options.project.isEmpty() && !(requested = store->findProject(options.project))) {
        QTextStream(stderr) << QApplication::translate("preflight::gui", "preflight: no project named “%1” in %2\n")
                                   .arg(options.project, store->path());
        return 2;
    }
    auto workspace = std::make_unique<Workspace>(std::move(store));
    workspace->setLocation(location, password);
    MainWindow window(std::move(workspace));
    if (requested)
        window.openProject(requested->id);
    if (!options.screenshotDir.isEmpty()) {
        // make-screenshots.sh takes a desktop's size and a laptop's: PREFLIGHT_SCREENSHOT_SIZE=1024x700
        // with PREFLIGHT_SCREENSHOT_VARIANT=laptop names the files <view>-laptop.png.
        const QStringList size
            = qEnvironmentVariable("PREFLIGHT_SCREENSHOT_SIZE", QStringLiteral("1920x1080")).split(u'x');
        window.resize(size.value(0).toInt(), size.value(1).toInt());
        window.show();
        const QString variant = qEnvironmentVariable("PREFLIGHT_SCREENSHOT_VARIANT",
                                                     options.dark ? QStringLiteral("dark") : QStringLiteral("light"));
        QTimer::singleShot(0, &window, [&window, &options, variant] {
            QApplication::exit(takeScreenshots(window, options.screenshotDir, variant) ? 0 : 1);
        });
        return app.exec();
    }
    window.show();
    if (options.exitWhenShown)
        QTimer::singleShot(0, &app, &QApplication::quit);
    return app.exec();
}

} // namespace preflight::gui
