#include "ConnectionWatcher.h"

#include "Error.h"
#include "storage/Store.h"

#include <QAbstractEventDispatcher>
#include <QSocketNotifier>

#include <algorithm>

namespace preflight::gui {

ConnectionWatcher::ConnectionWatcher(Store &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ConnectionWatcher::retry);
    m_attemptTimer.setSingleShot(true);
    connect(&m_attemptTimer, &QTimer::timeout, this, [this] {
        dropHandshake();
        retryLater();
    });
    watchSocket();
    // A notification that arrives while one of our own queries runs is read off the socket by
    // libpq and queued, so the socket never signals it. Collect those whenever the event loop
    // is about to wait: one non-blocking read, only when the loop has nothing else to do.
    if (auto *dispatcher = QAbstractEventDispatcher::instance(thread()))
        connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, &ConnectionWatcher::collectQueued);
}

ConnectionWatcher::~ConnectionWatcher() = default;

void ConnectionWatcher::dropNotifier()
{
    // Possibly from inside the notifier's own signal: disable now, delete once it has returned.
    if (m_notifier) {
        m_notifier->setEnabled(false);
        m_notifier.release()->deleteLater();
    }
}

void ConnectionWatcher::dropHandshake()
{
    if (m_handshake) {
        m_handshake->setEnabled(false);
        m_handshake.release()->deleteLater();
    }
}

void ConnectionWatcher::watchSocket()
{
    dropNotifier();
    int socket = -1;
    try {
        socket = m_store.changeSocket(); // also starts listening for notifications
    } catch (const Error &error) {
        connectionFailed(error.message());
        return;
    }
    if (socket < 0) {
        connectionFailed(tr("the connection to the server was lost"));
        return;
    }
    m_notifier = std::make_unique<QSocketNotifier>(qintptr(socket), QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &ConnectionWatcher::socketActivated);
}

bool ConnectionWatcher::checkSocket()
{
    // libpq closes the socket once a read finds the server gone: no socket, no connection. This
    // costs no round trip and never blocks.
    try {
        if (m_store.changeSocket() >= 0)
            return true;
        connectionFailed(tr("the connection to the server was lost"));
    } catch (const Error &error) {
        connectionFailed(error.message());
    }
    return false;
}

void ConnectionWatcher::socketActivated()
{
    // The Workspace reads the notifications on activity; that read is also what finds a
    // connection the server closed.
    emit activity();
    if (!m_lost)
        checkSocket();
}

void ConnectionWatcher::collectQueued()
{
    if (m_lost || !checkSocket())
        return;
    qint64 version = 0;
    try {
        version = m_store.dataVersion();
    } catch (const Error &error) {
        connectionFailed(error.message());
        return;
    }
    if (version == m_seenVersion)
        return;
    m_seenVersion = version;
    // Not from inside the event dispatcher: reloading resets models and may open dialogs.
    QTimer::singleShot(0, this, &ConnectionWatcher::activity);
}

void ConnectionWatcher::connectionFailed(const QString &message)
{
    if (m_lost)
        return;
    m_lost = true;
    // libpq has closed the socket: a notifier left on it would fire without end.
    dropNotifier();
    m_retryDelay = firstRetryDelay;
    // Not from inside the failed call, and only after the window has shown that it is gone.
    m_retryTimer.start(m_retryDelay);
    emit lost(message);
}

void ConnectionWatcher::retry()
{
    m_attemptTimer.start(attemptTimeout);
    reconnectionStep(m_store.startReconnect());
}

void ConnectionWatcher::reconnectionStep(sql::Reconnection step)
{
    dropHandshake();
    switch (step) {
    case sql::Reconnection::Failed:
        m_attemptTimer.stop();
        retryLater();
        return;
    case sql::Reconnection::Connected:
        m_attemptTimer.stop();
        m_lost = false;
        watchSocket();
        if (!m_lost)
            emit restored();
        return;
    case sql::Reconnection::WaitForRead:
    case sql::Reconnection::WaitForWrite:
        break;
    }
    // libpq may move to another socket between steps (another address of the host, a retry
    // without SSL): watch whichever it uses now.
    const int socket = m_store.connectionSocket();
    if (socket < 0) {
        m_attemptTimer.stop();
        retryLater();
        return;
    }
    const auto type = step == sql::Reconnection::WaitForRead ? QSocketNotifier::Read : QSocketNotifier::Write;
    m_handshake = std::make_unique<QSocketNotifier>(qintptr(socket), type);
    connect(m_handshake.get(), &QSocketNotifier::activated, this,
            [this] { reconnectionStep(m_store.continueReconnect()); });
}

void ConnectionWatcher::retryLater()
{
    m_retryDelay = std::min(m_retryDelay * 2, longestRetryDelay);
    m_retryTimer.start(m_retryDelay);
}

} // namespace preflight::gui
