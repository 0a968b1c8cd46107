#include "ConnectDialog.h"

#include "Appearance.h"
#include "ConnectionWatcher.h"
#include "Error.h"
#include "storage/Store.h"
#include "ui_ConnectDialog.h"

#include <QGuiApplication>
#include <QPushButton>
#include <QSettings>

namespace preflight::gui {

namespace {

const QString recentKey = QStringLiteral("connections/recent");

// Connecting waits for the network; the wait cursor says the dialog has not hung.
struct WaitCursor
{
    WaitCursor() { QGuiApplication::setOverrideCursor(Qt::WaitCursor); }
    ~WaitCursor() { QGuiApplication::restoreOverrideCursor(); }
    WaitCursor(const WaitCursor &) = delete;
    WaitCursor &operator=(const WaitCursor &) = delete;
};

} // namespace

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ConnectDialog>())
{
    ui->setupUi(this);
    addClearButton(ui->connectionEdit);
    ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("C&onnect"));
    ui->passwordLabel->hide();
    ui->passwordEdit->hide();
    ui->problemLabel->hide();
    ui->problemLabel->setStyleSheet(QStringLiteral("color: %1").arg(verdictColor(Verdict::NotReady).name()));
    const QStringList recent = recentConnections();
    ui->recentList->addItems(recent);
    ui->recentLabel->setVisible(!recent.isEmpty());
    ui->recentList->setVisible(!recent.isEmpty());
    if (!recent.isEmpty())
        ui->connectionEdit->setText(recent.first());
    connect(ui->recentList, &QListWidget::currentTextChanged, this, &ConnectDialog::setConnection);
    connect(ui->recentList, &QListWidget::itemActivated, this, &ConnectDialog::accept);
    // Another server may want another password, or none.
    connect(ui->connectionEdit, &QLineEdit::textEdited, this, [this] {
        ui->passwordEdit->clear();
        ui->passwordLabel->hide();
        ui->passwordEdit->hide();
        ui->problemLabel->hide();
    });
}

ConnectDialog::~ConnectDialog() = default;

void ConnectDialog::setConnection(const QString &location)
{
    ui->connectionEdit->setText(location);
    ui->passwordEdit->clear();
    ui->passwordLabel->hide();
    ui->passwordEdit->hide();
    ui->problemLabel->hide();
}

QString ConnectDialog::connection() const
{
    return ui->connectionEdit->text().trimmed();
}

QString ConnectDialog::password() const
{
    return ui->passwordEdit->text();
}

QString ConnectDialog::problem() const
{
    return ui->problemLabel->isHidden() ? QString() : ui->problemLabel->text();
}

std::unique_ptr<Store> ConnectDialog::takeStore()
{
    return std::move(m_store);
}

void ConnectDialog::showProblem(const QString &message)
{
    ui->problemLabel->setText(message);
    ui->problemLabel->show();
}

void ConnectDialog::askForPassword()
{
    ui->passwordLabel->show();
    ui->passwordEdit->show();
    ui->passwordEdit->setFocus();
    showProblem(tr("The server asks for a password for this connection. It is used to connect and "
                   "is never saved."));
}

void ConnectDialog::accept()
{
    const QString location = connection();
    if (location.isEmpty()) {
        showProblem(tr("Enter a connection string, such as postgresql://alice@db.example.com/reviews or "
                       "service=preflight."));
        return;
    }
    if (!Store::isServerLocation(location)) {
        showProblem(tr("“%1” is not a PostgreSQL connection string. Use a URI (postgresql://user@host:5432/database) "
                       "or a libpq service (service=name); a database file is opened with File → Open Database.")
                        .arg(Store::withoutPassword(location)));
        return;
    }
    try {
        const WaitCursor wait;
        // Asked before prompting: with ~/.pgpass, a certificate or Kerberos there is nothing to ask.
        if (ui->passwordEdit->isHidden() && Store::serverNeedsPassword(location)) {
            askForPassword();
            return;
        }
        m_store = Store::open(location, Store::defaultActor(), password());
    } catch (const Error &error) {
        // The store names the server as given, which may carry a password typed into the URI.
        showProblem(QString(error.message()).replace(location, Store::withoutPassword(location)));
        return;
    }
    rememberConnection(location);
    QDialog::accept();
}

QStringList ConnectDialog::recentConnections()
{
    QStringList recent;
    for (const QString &location : QSettings().value(recentKey).toStringList()) {
        const QString safe = Store::withoutPassword(location);
        if (!safe.isEmpty() && !recent.contains(safe))
            recent.append(safe);
    }
    return recent.mid(0, maxRecent);
}

void ConnectDialog::rememberConnection(const QString &location)
{
    QStringList recent = recentConnections();
    const QString safe = Store::withoutPassword(location);
    recent.removeAll(safe);
    recent.prepend(safe);
    QSettings().setValue(recentKey, recent.mid(0, maxRecent));
}

} // namespace preflight::gui
