#pragma once

#include "storage/Sql.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <memory>

struct pg_conn;
struct pg_result;

namespace preflight::postgres {

struct ResultDeleter
{
    void operator()(pg_result *result) const;
};
// An owned PGresult.
using Result = std::unique_ptr<pg_result, ResultDeleter>;

// Whether `location` names a PostgreSQL server rather than a file: a postgresql:// or
// postgres:// URI, or a libpq keyword string such as "service=preflight" or "host=db dbname=x".
bool isServerLocation(const QString &location);
// `location` with any password taken out (URI user info, ?password=, password=…), for messages
// and for lists of recent connections.
QString withoutPassword(const QString &location);

// Owns one libpq connection to a Preflight database on a PostgreSQL server. Everything libpq
// offers for connecting works unchanged (~/.pgpass, PGSERVICE, client certificates, Kerberos);
// `password`, when given, is used for this connection only and never kept. Every error becomes
// a preflight::Error naming the server and database, with the server's own message.
class Connection final : public sql::Connection
{
public:
    explicit Connection(const QString &conninfo, const QString &password = {});
    ~Connection() override;
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // True when connecting failed only because the server wants a password we did not give.
    static bool needsPassword(const QString &conninfo);

    sql::Dialect dialect() const override { return sql::Dialect::Postgres; }
    const QString &location() const override { return m_location; }
    std::unique_ptr<sql::Cursor> prepare(const char *sql) const override;
    void begin(TransactionKind kind) override;
    void commit() override;
    void rollback() noexcept override;
    QString transactionTime() override;
    std::optional<QString> authenticatedUser() const override { return m_user; }

    // Runs one or more statements without parameters (DDL); returns the last result.
    Result exec(const char *sql) const;
    // Runs `sql` with text parameters (nullopt is NULL), through a statement prepared once per
    // connection and SQL text.
    Result execPrepared(const QByteArray &sql, const std::vector<std::optional<QByteArray>> &params) const;

    // Change notifications from other sessions (LISTEN/NOTIFY): the socket to watch, and how
    // many have arrived so far, read without blocking.
    int socket() const;
    qint64 notificationsReceived();
    // Reconnects without blocking (PQresetStart/PQresetPoll); see Store::startReconnect().
    sql::Reconnection startReconnect();
    sql::Reconnection continueReconnect();

    [[noreturn]] void fail(const pg_result *result, const QString &what) const;

private:
    void connected(); // session setup after (re)connecting

    pg_conn *m_conn = nullptr;
    QString m_location;
    QString m_user;
    bool m_sessionReady = false; // connected() has set the session up since the last reset
    QString m_time;
    bool m_listening = false;
    qint64 m_notifications = 0;
    mutable QHash<QByteArray, QByteArray> m_prepared; // SQL text -> server-side statement name
};

} // namespace preflight::postgres
