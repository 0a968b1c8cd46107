#pragma once

#include "storage/Sql.h"

#include <QObject>
#include <QTimer>

#include <memory>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
QT_END_NAMESPACE

namespace preflight {
class Store;
}

namespace preflight::gui {

// Watches a server Store's connection: the socket on which the server pushes change
// notifications (no polling), and, once the connection is lost, reconnects with a growing
// delay until the server is back. Reconnecting is driven by the event loop, so a server that
// does not answer never freezes the window. Not used for files, which have nothing to lose.
class ConnectionWatcher : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionWatcher(Store &store, QObject *parent = nullptr);
    ~ConnectionWatcher() override;

    bool isLost() const { return m_lost; }
    // A call on the store failed because the connection is gone: show it now, reconnect later.
    void connectionFailed(const QString &message);
    // The delay before the first reconnection attempt; it doubles up to ten seconds.
    static constexpr int firstRetryDelay = 250;
    static constexpr int longestRetryDelay = 10000;
    // How long one reconnection attempt may take before it is abandoned and tried again later.
    static constexpr int attemptTimeout = 10000;

signals:
    void activity(); // the server sent something: change notifications may have arrived
    void lost(const QString &message);
    void restored(); // reconnected; changes made meanwhile were never announced

private:
    void dropNotifier();
    void dropHandshake();
    void watchSocket();
    bool checkSocket(); // false (and lost) when libpq has found the connection gone
    void socketActivated();
    void collectQueued();
    void retry();
    void reconnectionStep(sql::Reconnection step);
    void retryLater();

    Store &m_store;
    std::unique_ptr<QSocketNotifier> m_notifier;
    std::unique_ptr<QSocketNotifier> m_handshake; // the socket of a reconnection in progress
    QTimer m_retryTimer;
    QTimer m_attemptTimer;
    int m_retryDelay = firstRetryDelay;
    qint64 m_seenVersion = 0;
    bool m_lost = false;
};

} // namespace preflight::gui
