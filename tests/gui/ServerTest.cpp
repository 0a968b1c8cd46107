// The window on a team server: connecting, the status bar, live changes pushed by the server,
// a lost connection and edits kept to be tried again. The [.][server] cases need a real
// PostgreSQL server (ctest gui.on_server runs them through tests/with-server.sh); the rest run
// everywhere.
#include "ConnectionWatcher.h"
#include "MainWindow.h"
#include "ProjectSession.h"
#include "TcpRelay.h"
#include "WindowTestSupport.h"
#include "Workspace.h"
#include "core/storage/StoreTestSupport.h"
#include "dialogs/ConnectDialog.h"
#include "models/ChecklistModel.h"
#include "widgets/ChecklistView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSettings>
#include <QTest>
#include <QTimer>

#include <chrono>
#include <thread>

using namespace preflight;
using namespace preflight::gui;
using namespace preflight::gui::test;

namespace {

// A fresh database on the test server, with the window settings cleared.
struct ServerDatabase
{
    ServerDatabase() { QSettings().clear(); }
    preflight::test::TempDatabase db;
    const QString &location() const { return db.path; }
    std::unique_ptr<Store> open() const { return db.open(); }
};

// Two windows on one server database, each with its own connection, as two reviewers have.
struct TwoReviewers
{
    TwoReviewers()
    {
        REQUIRE(preflight::test::onServer());
        project = createAppendixProject(*server.open());
        for (auto &window : windows) {
            window = std::make_unique<MainWindow>(std::make_unique<Workspace>(server.open()));
            window->resize(1000, 600); // small enough that the checklist scrolls
            window->show();
            REQUIRE(QTest::qWaitForWindowExposed(window.get()));
            window->openProject(project.id);
        }
    }

    ServerDatabase server;
    Project project;
    std::unique_ptr<MainWindow> windows[2];
};

QLabel *statusLabel(const MainWindow &window, const char *name)
{
    auto *label = window.findChild<QLabel *>(QString::fromLatin1(name));
    REQUIRE(label);
    return label;
}

bool messageBoxOpen()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (qobject_cast<QMessageBox *>(widget) && widget->isVisible())
            return true;
    }
    return false;
}

// DDL as the server's administrator, outside the database under test.
void administer(const QString &sql)
{
    preflight::test::TempDatabase::runOnServer(sql);
}

} // namespace

TEST_CASE("Passwords are taken out of connection strings before they are kept", "[gui][server]")
{
    CHECK(Store::withoutPassword(QStringLiteral("postgresql://alice:s3cret@db.example.com:5432/reviews"))
          == QStringLiteral("postgresql://alice@db.example.com:5432/reviews"));
    CHECK(
        Store::withoutPassword(QStringLiteral("postgres://alice:s3cret@db/reviews?password=s3cret&sslmode=verify-full"))
        == QStringLiteral("postgres://alice@db/reviews?sslmode=verify-full"));
    CHECK(Store::withoutPassword(QStringLiteral("postgresql://db1:5432,db2:5432/reviews?password=x"))
          == QStringLiteral("postgresql://db1:5432,db2:5432/reviews"));
    CHECK(Store::withoutPassword(QStringLiteral("host=db user=alice password=s3cret dbname=reviews"))
          == QStringLiteral("host=db user=alice dbname=reviews"));
    CHECK(Store::withoutPassword(QStringLiteral("host=db password = 'it\\'s secret' dbname=reviews"))
          == QStringLiteral("host=db dbname=reviews"));
    CHECK(Store::withoutPassword(QStringLiteral("service=preflight")) == QStringLiteral("service=preflight"));
}

TEST_CASE("The recent connections never hold a password", "[gui][server]")
{
    QSettings().clear();
    ConnectDialog::rememberConnection(QStringLiteral("service=preflight"));
    ConnectDialog::rememberConnection(QStringLiteral("postgresql://alice:s3cret@db/reviews?password=s3cret"));
    ConnectDialog::rememberConnection(QStringLiteral("host=db password=s3cret dbname=reviews"));
    const QStringList recent = ConnectDialog::recentConnections();
    CHECK(recent
          == QStringList { QStringLiteral("host=db dbname=reviews"), QStringLiteral("postgresql://alice@db/reviews"),
                           QStringLiteral("service=preflight") });
    // What is on disk, not only what the dialog reads back.
    CHECK_FALSE(QSettings()
                    .value(QStringLiteral("connections/recent"))
                    .toStringList()
                    .join(u' ')
                    .contains(QStringLiteral("s3cret")));
    for (int i = 0; i < 20; ++i)
        ConnectDialog::rememberConnection(QStringLiteral("service=s%1").arg(i));
    CHECK(ConnectDialog::recentConnections().size() == ConnectDialog::maxRecent);
    CHECK(ConnectDialog::recentConnections().first() == QStringLiteral("service=s19"));

    // The dialog offers them, the newest filled in.
    ConnectDialog dialog;
    CHECK(dialog.connection() == QStringLiteral("service=s19"));
}

TEST_CASE("The connect dialog refuses a bad connection string with a clear message", "[gui][server]")
{
    QSettings().clear();
    ConnectDialog dialog;
    dialog.show();

    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.problem().startsWith(QStringLiteral("Enter a connection string")));

    dialog.setConnection(QStringLiteral("/home/alice/review.db"));
    dialog.accept();
    CHECK(dialog.isVisible());
    CHECK(dialog.problem().contains(QStringLiteral("“/home/alice/review.db” is not a PostgreSQL connection string")));

    // A server that is not there: libpq's own reason, naming the server, and nothing remembered.
    dialog.setConnection(QStringLiteral("postgresql://alice:s3cret@127.0.0.1:1/reviews"));
    dialog.accept();
    CHECK(dialog.isVisible());
    CHECK_FALSE(bool(dialog.takeStore()));
    INFO(dialog.problem().toStdString());
    CHECK(dialog.problem().contains(QStringLiteral("127.0.0.1")));
    CHECK_FALSE(dialog.problem().contains(QStringLiteral("s3cret")));
    CHECK(ConnectDialog::recentConnections().isEmpty());
}

TEST_CASE("The status bar names the database file", "[gui][server]")
{
    TempDatabase db;
    OpenWindow open(db);
    CHECK(statusLabel(open.window, "databaseStatus")->text() == QStringLiteral("File: review.db"));
    CHECK(open.window.workspace()->isPolling());
}

TEST_CASE("The status bar names the team server and the login", "[.][server]")
{
    REQUIRE(preflight::test::onServer());
    ServerDatabase server;
    MainWindow window(std::make_unique<Workspace>(server.open()));
    const Store &store = window.workspace()->store();
    const QString text = statusLabel(window, "databaseStatus")->text();
    INFO(text.toStdString());
    CHECK(text.startsWith(QStringLiteral("Team server: postgresql://")));
    CHECK(text.endsWith(QStringLiteral("/%1 as %2").arg(server.db.serverDatabase, store.actor())));
    CHECK_FALSE(store.actor().isEmpty());
    // The login appears once, after "as", not inside the address too.
    CHECK(text.count(store.actor() + QLatin1Char('@')) == 0);
}

TEST_CASE("The connect dialog connects, and the window then works on the server", "[.][server]")
{
    REQUIRE(preflight::test::onServer());
    ServerDatabase server;
    createAppendixProject(*server.open(), QStringLiteral("Shared review"));
    TempDatabase file;
    OpenWindow open(file);

    // The URI carries a password, as someone might paste it: it connects, and is kept without.
    const QString uri = QStringLiteral("postgresql://%1:%2@%3:%4/%5")
                            .arg(qEnvironmentVariable("PGUSER"), qEnvironmentVariable("PGPASSWORD"),
                                 qEnvironmentVariable("PGHOST", QStringLiteral("localhost")),
                                 qEnvironmentVariable("PGPORT", QStringLiteral("5432")), server.db.serverDatabase);
    REQUIRE_FALSE(qEnvironmentVariable("PGPASSWORD").isEmpty());
    whenDialogOpens<ConnectDialog>([&](ConnectDialog *dialog) {
        dialog->setConnection(uri);
        dialog->accept();
        CHECK(dialog->problem().isEmpty());
    });
    open.window.connectToServer();
    REQUIRE(open.window.workspace()->store().isServer());
    CHECK_FALSE(open.window.workspace()->isPolling());
    REQUIRE(open.window.currentSession());
    CHECK(open.window.currentSession()->state().project.name == QStringLiteral("Shared review"));
    CHECK(statusLabel(open.window, "databaseStatus")->text().startsWith(QStringLiteral("Team server:")));
    const QString kept = ConnectDialog::recentConnections().value(0);
    CHECK(kept == Store::withoutPassword(uri));
    CHECK_FALSE(kept.contains(qEnvironmentVariable("PGPASSWORD")));
    CHECK(open.window.workspace()->location() == kept);

    // Without PGPASSWORD the server asks (pg_virtualenv sets password authentication on TCP):
    // the dialog shows its password field, and connecting works once it is filled in.
    const QByteArray password = qgetenv("PGPASSWORD");
    qunsetenv("PGPASSWORD");
    auto restorePassword = qScopeGuard([&] { qputenv("PGPASSWORD", password); });
    const QString withoutSecret = Store::withoutPassword(uri);
    if (Store::serverNeedsPassword(withoutSecret)) {
        ConnectDialog dialog;
        dialog.show();
        dialog.setConnection(withoutSecret);
        dialog.accept();
        CHECK(dialog.isVisible());
        auto *field = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        REQUIRE(field);
        CHECK(field->isVisible());
        CHECK(dialog.problem().contains(QStringLiteral("asks for a password")));
        field->setText(QStringLiteral("wrong"));
        dialog.accept();
        CHECK(dialog.isVisible());
        CHECK(dialog.problem().contains(QStringLiteral("password")));
        field->setText(QString::fromUtf8(password));
        dialog.accept();
        CHECK(dialog.result() == QDialog::Accepted);
        CHECK(bool(dialog.takeStore()));
    } else {
        WARN("the test server does not ask for a password: the password field is not exercised");
    }
    restorePassword.dismiss();
    qputenv("PGPASSWORD", password);
    CHECK_FALSE(QSettings()
                    .value(QStringLiteral("connections/recent"))
                    .toStringList()
                    .join(u' ')
                    .contains(QString::fromUtf8(password)));
}

TEST_CASE("Another reviewer's change appears in every window within a second, pushed by the server", "[.][server]")
{
    TwoReviewers team;
    MainWindow &first = *team.windows[0];
    for (const auto &window : team.windows)
        CHECK_FALSE(window->workspace()->isPolling()); // the server's notifications, not a timer

    // The first reviewer is looking at an item half-way down the checklist.
    first.checklistView()->selectItem(typeHintsItem);
    QScrollBar *scroll = first.checklistView()->tree()->verticalScrollBar();
    REQUIRE(scroll->maximum() > 0);
    scroll->setValue(scroll->maximum() / 2);
    const int scrolled = scroll->value();

    // An idle window's event loop sleeps until something wakes it (QTest::qWaitFor would wake it
    // every few milliseconds). The colleague commits from another thread once the window is
    // asleep: only the server's notification on the socket can wake it before the timeout.
    auto colleague = team.server.open();
    std::thread other([&colleague, &team] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        Store::ItemPatch patch;
        patch.status = ItemStatus::Done;
        patch.note = QStringLiteral("Checked by the linter in CI.");
        colleague->setItem(team.project.id, styleGuideItem, patch);
    });
    QElapsedTimer clock;
    clock.start();
    const QModelIndex firstItem = first.checklistView()->model()->indexOfId(styleGuideItem);
    const auto ticked = [&] { return firstItem.data(Qt::CheckStateRole).toInt() == Qt::Checked; };
    QEventLoop idle;
    QTimer::singleShot(1200, &idle, &QEventLoop::quit);
    QObject::connect(first.checklistView()->model(), &QAbstractItemModel::dataChanged, &idle, [&] {
        if (ticked())
            idle.quit();
    });
    idle.exec();
    other.join();
    CHECK(ticked());
    CHECK(clock.elapsed() < 1200); // 200 ms before the commit, then within a second
    for (const auto &window : team.windows) {
        const QModelIndex item = window->checklistView()->model()->indexOfId(styleGuideItem);
        REQUIRE(QTest::qWaitFor([&] { return item.data(Qt::CheckStateRole).toInt() == Qt::Checked; }, 1000));
        CHECK(window->currentSession()->state().itemState(styleGuideItem).note
              == QStringLiteral("Checked by the linter in CI."));
    }
    CHECK(clock.elapsed() < 1200);
    CHECK(first.checklistView()->currentItemId() == typeHintsItem);
    CHECK(scroll->value() == scrolled);

    // And an edit in one window reaches the other the same way.
    team.windows[1]->currentSession()->setItemStatus(typeHintsItem, ItemStatus::Done);
    const QModelIndex edited = first.checklistView()->model()->indexOfId(typeHintsItem);
    CHECK(QTest::qWaitFor([&] { return edited.data(Qt::CheckStateRole).toInt() == Qt::Checked; }, 1000));
    CHECK(first.checklistView()->currentItemId() == typeHintsItem);
}

TEST_CASE("A lost connection is shown at once, edits are kept, and the window reconnects by itself", "[.][server]")
{
    TwoReviewers team;
    MainWindow &window = *team.windows[0];
    QLabel *status = statusLabel(window, "databaseStatus");
    QLabel *unsaved = statusLabel(window, "unsavedStatus");
    const QString connected = status->text();
    const QString database = team.server.db.serverDatabase;
    auto reopenDatabase
        = qScopeGuard([&] { administer(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS true").arg(database)); });

    // The server drops every session and lets no one back in.
    administer(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS false").arg(database));
    administer(
        QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1'").arg(database));
    REQUIRE(QTest::qWaitFor([&] { return window.workspace()->isConnectionLost(); }, 1000));
    CHECK(status->text().contains(QStringLiteral("Connection lost — reconnecting…")));
    CHECK(window.currentSession()); // still showing the review
    CHECK(window.checklistView()->model()->rowCount() > 0);

    // An edit now cannot reach the server: kept and reported without a dialog.
    window.currentSession()->setItemStatus(styleGuideItem, ItemStatus::Done);
    QTest::qWait(300); // let reconnection attempts fail a few times
    CHECK_FALSE(messageBoxOpen());
    CHECK(window.workspace()->failedEditCount() == 1);
    CHECK(unsaved->isVisible());
    CHECK(unsaved->text().contains(QStringLiteral("1 change not saved")));
    CHECK(window.workspace()->isConnectionLost());

    // Closing the window now would drop it: the window asks first, and Cancel keeps it open.
    whenDialogOpens<QMessageBox>([](QMessageBox *box) {
        CHECK(box->text().contains(QStringLiteral("could not be saved")));
        box->done(QMessageBox::Cancel);
    });
    CHECK_FALSE(window.close());
    CHECK(window.isVisible());
    CHECK(window.workspace()->failedEditCount() == 1);

    // The server takes connections again: the window reconnects on its own and says so.
    reopenDatabase.dismiss();
    administer(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS true").arg(database));
    REQUIRE(QTest::qWaitFor([&] { return status->text() == connected; }, ConnectionWatcher::longestRetryDelay + 2000));
    CHECK_FALSE(window.workspace()->isConnectionLost());
    CHECK(window.currentSession()->state().itemState(styleGuideItem).status == ItemStatus::Open);

    // Retry writes the kept edit; the other window sees it.
    emit unsaved->linkActivated(QStringLiteral("retry"));
    CHECK(window.workspace()->failedEditCount() == 0);
    CHECK_FALSE(unsaved->isVisible());
    CHECK(team.server.open()->loadState(team.project.id).itemState(styleGuideItem).status == ItemStatus::Done);
    const QModelIndex item = team.windows[1]->checklistView()->model()->indexOfId(styleGuideItem);
    CHECK(QTest::qWaitFor([&] { return item.data(Qt::CheckStateRole).toInt() == Qt::Checked; },
                          ConnectionWatcher::longestRetryDelay + 2000));
    CHECK_FALSE(messageBoxOpen());
}

TEST_CASE("A server that stops answering never freezes the window while it reconnects", "[.][server]")
{
    REQUIRE(preflight::test::onServer());
    ServerDatabase server;
    const Project project = createAppendixProject(*server.open());
    TcpRelay relay(quint16(qEnvironmentVariableIntValue("PGPORT")));
    const QString throughRelay = QStringLiteral("host=127.0.0.1 port=%1 %2").arg(relay.port()).arg(server.location());
    MainWindow window(std::make_unique<Workspace>(Store::open(throughRelay, QString())));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.openProject(project.id);
    QLabel *status = statusLabel(window, "databaseStatus");
    const QString connected = status->text();

    relay.setSilent(true);
    REQUIRE(QTest::qWaitFor([&] { return window.workspace()->isConnectionLost(); }, 2000));

    // Reconnection attempts now hang in the TCP handshake's reply. Before, each blocked the
    // event loop for up to libpq's connect_timeout (10 s); the window must keep responding.
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, &ticker,
                     [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
    sinceTick.start();
    ticker.start(20);
    QTest::qWait(3000); // several attempts, with the first retry delays
    ticker.stop();
    CHECK(longestGap < 500);
    CHECK(window.workspace()->isConnectionLost());

    relay.setSilent(false);
    CHECK(QTest::qWaitFor([&] { return status->text() == connected; }, ConnectionWatcher::longestRetryDelay + 3000));
    window.currentSession()->setItemStatus(styleGuideItem, ItemStatus::Done);
    CHECK(server.open()->loadState(project.id).itemState(styleGuideItem).status == ItemStatus::Done);
}
