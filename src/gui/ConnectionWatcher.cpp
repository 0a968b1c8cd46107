#include "ConnectionWatcher.h"

#include "Error.h"
#include "storage/Store.h"

#include <QAbstractEventDispatcher>
#include <QRegularExpression>
#include <QSocketNotifier>

#include <algorithm>

namespace preflight::gui {

QString withoutPassword(const QString &location)
{
    QString text = location.trimmed();
    if (text.startsWith(QLatin1String("postgres://")) || text.startsWith(QLatin1String("postgresql://"))) {
        // Not QUrl: a libpq URI may list several hosts (host1:5432,host2:5432), which QUrl rejects.
        static const QRegularExpression userinfo(QStringLiteral("^(postgres(?:ql)?://[^:@/?#]*):[^@/?#]*@"));
        text.replace(userinfo, QStringLiteral("\\1@"));
        const qsizetype query = text.indexOf(u'?');
        if (query < 0)
            return text;
        QStringList parameters = text.mid(query + 1).split(u'&', Qt::SkipEmptyParts);
        parameters.removeIf([](const QString &parameter) {
            return parameter.startsWith(QLatin1String("password="), Qt::CaseInsensitive);
        });
        return text.left(query) + (parameters.isEmpty() ? QString() : QStringLiteral("?") + parameters.join(u'&'));
    }
    // Keyword strings: password=secret, password = 'a quoted \' secret'.
    static const QRegularExpression keyword(QStringLiteral("(^|\\s)password\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S*)"),
                                            QRegularExpression::CaseInsensitiveOption);
    return text.replace(keyword, QStringLiteral("\\1")).simplified();
}

bool isConnectionLoss(const QString &message)
{
    return message.contains(QLatin1String("the connection to the server was lost"));
}

ConnectionWatcher::ConnectionWatcher(Store &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ConnectionWatcher::retry);
    watchSocket();
    // A notification that arrives while one of our own queries runs is read off the socket by
    // libpq and queued, so the socket never signals it. Collect those whenever the event loop
    // is about to wait: one non-blocking read, only when the loop has nothing else to do.
    if (auto *dispatcher = QAbstractEventDispatcher::instance(thread()))
        connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, &ConnectionWatcher::collectQueued);
}

ConnectionWatcher::~ConnectionWatcher() = default;

void ConnectionWatcher::watchSocket()
{
    m_notifier.reset();
    int socket = -1;
    try {
        socket = m_store.changeSocket(); // also starts listening for notifications
    } catch (const Error &error) {
        connectionFailed(error.message());
        return;
    }
    if (socket < 0)
        return;
    m_notifier = std::make_unique<QSocketNotifier>(qintptr(socket), QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &ConnectionWatcher::socketActivated);
}

void ConnectionWatcher::socketActivated()
{
    // Reading the notifications (what the Workspace does on activity) is what tells libpq that
    // the server closed the connection; only then does the status below see it.
    emit activity();
    if (m_lost)
        return;
    qint64 before = 0;
    try {
        before = m_store.dataVersion();
        m_seenVersion = before;
    } catch (const Error &error) {
        connectionFailed(error.message());
        return;
    }
    if (!m_store.reconnect()) {
        connectionFailed(tr("the connection to the server was lost"));
        return;
    }
    // A reconnection on the spot (the server only dropped our session) counts as a change and
    // may have opened a new socket.
    try {
        if (m_store.dataVersion() != before) {
            watchSocket();
            emit restored();
        }
    } catch (const Error &error) {
        connectionFailed(error.message());
    }
}

void ConnectionWatcher::collectQueued()
{
    if (m_lost)
        return;
    qint64 version = 0;
    try {
        version = m_store.dataVersion();
    } catch (const Error &) {
        return; // the next call that needs the server reports it
    }
    if (version == m_seenVersion)
        return;
    m_seenVersion = version;
    // Not from inside the event dispatcher: reloading opens models and may show dialogs.
    QTimer::singleShot(0, this, &ConnectionWatcher::activity);
}

void ConnectionWatcher::connectionFailed(const QString &message)
{
    if (m_lost)
        return;
    m_lost = true;
    // libpq has closed the socket: a notifier left on it would fire without end.
    m_notifier.reset();
    m_retryDelay = firstRetryDelay;
    // Reconnecting blocks for as long as connecting takes: not from inside the failed call, and
    // only after the window has had a chance to show that the connection is gone.
    m_retryTimer.start(m_retryDelay);
    emit lost(message);
}

void ConnectionWatcher::retry()
{
    if (!m_store.reconnect()) {
        m_retryDelay = std::min(m_retryDelay * 2, longestRetryDelay);
        m_retryTimer.start(m_retryDelay);
        return;
    }
    m_lost = false;
    watchSocket();
    if (!m_lost)
        emit restored();
}

} // namespace preflight::gui
