#pragma once

#include <QString>

#include <memory>
#include <optional>

namespace preflight::sql {

// One prepared statement of a backend. Parameters are 1-based and written `?1`, `?2`… in the
// SQL text, which both backends accept (the PostgreSQL one rewrites them to `$1`).
class Cursor
{
public:
    virtual ~Cursor() = default;
    virtual void bindText(int index, const QString &value) = 0;
    virtual void bindInteger(int index, qint64 value) = 0;
    virtual void bindNull(int index) = 0;
    virtual bool step() = 0;
    virtual void reset() = 0;
    virtual QString text(int column) const = 0;
    virtual qint64 integer(int column) const = 0;
    virtual bool isNull(int column) const = 0;
};

enum class Dialect { Sqlite, Postgres };

// A reconnection driven by the caller's event loop instead of blocking it: what it waits for
// next on the connection's socket, or how it ended.
enum class Reconnection { Connected, WaitForRead, WaitForWrite, Failed };

// A database the store talks to: an SQLite file or a PostgreSQL server. The store's SQL is the
// subset both understand (ON CONFLICT, RETURNING, plain types); what differs between them —
// locking, the clock, who is writing, the audit chain's head — is asked of the connection.
class Connection
{
public:
    enum class TransactionKind { Read, Write };

    virtual ~Connection() = default;
    virtual Dialect dialect() const = 0;
    // Names the database in messages: the file path, or the server and database (never a password).
    virtual const QString &location() const = 0;
    virtual std::unique_ptr<Cursor> prepare(const char *sql) const = 0;

    // A write transaction holds the database's single writer lock from its start, so a
    // read-modify-write inside it sees every earlier commit and the audit chain stays linear.
    virtual void begin(TransactionKind kind) = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
    // The time text recorded for the current write: the server's clock on PostgreSQL, so that
    // hashed timestamps never depend on a client's clock.
    virtual QString transactionTime() = 0;
    // The login the server authenticated, or nullopt when the database cannot tell (a file).
    virtual std::optional<QString> authenticatedUser() const = 0;
};

// Binds fluently and reads typed columns; the SQL text must outlive nothing.
class Statement
{
public:
    Statement(const Connection &connection, const char *sql)
        : m_cursor(connection.prepare(sql))
    { }

    Statement &bind(int index, const QString &value)
    {
        m_cursor->bindText(index, value);
        return *this;
    }
    Statement &bind(int index, qint64 value)
    {
        m_cursor->bindInteger(index, value);
        return *this;
    }
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bindNull(int index)
    {
        m_cursor->bindNull(index);
        return *this;
    }
    Statement &bindOptional(int index, const std::optional<QString> &value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    bool step() { return m_cursor->step(); }
    void run()
    {
        while (step()) { }
    }
    void reset() { m_cursor->reset(); }

    QString text(int column) const { return m_cursor->text(column); }
    qint64 integer(int column) const { return m_cursor->integer(column); }
    bool isNull(int column) const { return m_cursor->isNull(column); }
    std::optional<QString> optionalText(int column) const
    {
        return isNull(column) ? std::nullopt : std::optional<QString>(text(column));
    }

private:
    std::unique_ptr<Cursor> m_cursor;
};

// Rolls back unless committed.
class Transaction
{
public:
    using Kind = Connection::TransactionKind;
    explicit Transaction(Connection &connection, Kind kind = Kind::Write)
        : m_connection(connection)
    {
        m_connection.begin(kind);
    }
    ~Transaction()
    {
        if (m_open)
            m_connection.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit()
    {
        m_connection.commit();
        m_open = false;
    }

private:
    Connection &m_connection;
    bool m_open = true;
};

} // namespace preflight::sql
