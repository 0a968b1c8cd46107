#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace preflight::sqlite {

constexpr int busyTimeoutMs = 5000;

// Owns one sqlite3 connection. Every error becomes a preflight::Error naming the database file,
// so callers never see a bare SQLite code.
class Connection
{
public:
    enum class Mode { ReadOnly, ReadWrite, ReadWriteCreate };

    Connection(const QString &path, Mode mode);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }

    void exec(const char *sql); // statements without parameters or results (DDL, pragmas)
    qint64 pragmaInt(const char *pragma) const;
    qint64 lastInsertId() const;
    bool isReadOnly() const;

    // Throws preflight::Error describing `what` with the connection's current error.
    [[noreturn]] void fail(int code, const QString &what) const;

    // Runs before every write transaction begins, until it returns true once; it throws to
    // refuse the write. The store uses it to wait for the integrity check of the opened file.
    void setWriteGate(std::function<bool()> gate) { m_writeGate = std::move(gate); }
    void passWriteGate();

private:
    friend class Statement;
    // Prepared statements are kept per SQL text and reused: preparing costs more CPU than
    // running most of our statements, and an edit runs about eight of them.
    sqlite3_stmt *acquire(const char *sql) const;
    void release(sqlite3_stmt *statement) const;

    sqlite3 *m_db = nullptr;
    QString m_path;
    mutable QHash<QByteArray, sqlite3_stmt *> m_idle;
    std::function<bool()> m_writeGate;
};

// A prepared statement with positional binding (1-based, as in SQLite). Text is bound and read
// as UTF-8 with explicit lengths, so any content—quotes, SQL fragments, megabytes—round-trips.
// On destruction it is reset (ending any read it holds) and handed back to the connection for
// reuse; a Statement must not outlive its Connection.
class Statement
{
public:
    Statement(const Connection &connection, const char *sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, const QString &value);
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bindNull(int index);
    Statement &bindOptional(int index, const std::optional<QString> &value);

    bool step(); // true when a row is available; false when done
    void run(); // steps to completion, ignoring rows
    void reset(); // ready to bind and run again

    QString text(int column) const;
    qint64 integer(int column) const;
    bool isNull(int column) const;
    std::optional<QString> optionalText(int column) const;

private:
    const Connection &m_connection;
    sqlite3_stmt *m_stmt = nullptr;
};

// A write transaction. BEGIN IMMEDIATE takes the write lock up front (waiting under the busy
// timeout), so two processes never deadlock upgrading a read lock. Rolls back unless committed.
class Transaction
{
public:
    enum class Kind { Read, Write };
    Transaction(Connection &connection, Kind kind = Kind::Write);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();

private:
    Connection &m_connection;
    bool m_open = true;
};

} // namespace preflight::sqlite
