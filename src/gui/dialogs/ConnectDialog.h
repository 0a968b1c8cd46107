#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class ConnectDialog;
}

namespace preflight {
class Store;
}

namespace preflight::gui {

// File → Connect to Team Server…: a connection string (a PostgreSQL URI or a libpq keyword
// string such as service=…), chosen from the recent ones or typed. The password field appears
// only when the server turns the connection down for want of one; it is used for this
// connection and never stored. Accepting connects: the dialog stays open, with the server's
// own message, until connecting works or the user cancels.
class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectDialog(QWidget *parent = nullptr);
    ~ConnectDialog() override;

    void setConnection(const QString &location);
    QString connection() const; // as typed, trimmed
    QString password() const;
    QString problem() const; // what the dialog shows as wrong, empty when nothing is
    // The connected store, once accepted.
    std::unique_ptr<Store> takeStore();

    // Most recent first, without passwords, at most maxRecent.
    static QStringList recentConnections();
    static void rememberConnection(const QString &location);
    static constexpr int maxRecent = 8;

    void accept() override;

private:
    void showProblem(const QString &message);
    void askForPassword();

    std::unique_ptr<Ui::ConnectDialog> ui;
    std::unique_ptr<Store> m_store;
};

} // namespace preflight::gui
