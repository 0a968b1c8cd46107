#include "storage/Sqlite.h"

#include "Error.h"

#include <sqlite3.h>

namespace preflight::sqlite {

namespace {

Error::Kind kindOf(int code)
{
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error::Kind::Conflict;
    case SQLITE_CONSTRAINT:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
        return Error::Kind::Data;
    default:
        return Error::Kind::Io;
    }
}

} // namespace

Connection::Connection(const QString &path, Mode mode)
    : m_path(path)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw Error(kindOf(rc), QStringLiteral("%1: cannot open the database: %2").arg(path, message));
    }
    sqlite3_extended_result_codes(m_db, 1);
    // Every connection, read-only ones included, waits up to 5 s for another process's short
    // transaction (or WAL recovery) instead of failing with "database is locked".
    sqlite3_busy_timeout(m_db, busyTimeoutMs);
}

Connection::~Connection()
{
    for (sqlite3_stmt *statement : std::as_const(m_idle))
        sqlite3_finalize(statement);
    // close_v2 defers the close until every statement is finalised, so destruction order of
    // statements and connection can never leak a handle.
    sqlite3_close_v2(m_db);
}

void Connection::fail(int code, const QString &what) const
{
    const char *detail = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(code);
    throw Error(kindOf(code), QStringLiteral("%1: %2: %3").arg(m_path, what, QString::fromUtf8(detail)));
}

void Connection::exec(const char *sql)
{
    char *error = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const QString detail = QString::fromUtf8(error ? error : sqlite3_errstr(rc));
        sqlite3_free(error);
        throw Error(kindOf(rc), QStringLiteral("%1: %2: %3").arg(m_path, QString::fromUtf8(sql).left(80), detail));
    }
}

qint64 Connection::pragmaInt(const char *pragma) const
{
    Statement statement(*this, pragma);
    if (!statement.step())
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1: %2 returned nothing").arg(m_path, QString::fromUtf8(pragma)));
    return statement.integer(0);
}

qint64 Connection::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

bool Connection::isReadOnly() const
{
    return sqlite3_db_readonly(m_db, "main") == 1;
}

sqlite3_stmt *Connection::acquire(const char *sql) const
{
    // take(): a statement in use is not idle, so a nested use of the same SQL prepares another.
    if (sqlite3_stmt *idle = m_idle.take(QByteArray(sql)))
        return idle;
    sqlite3_stmt *statement = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (rc != SQLITE_OK)
        fail(rc, QStringLiteral("cannot prepare \"%1\"").arg(QString::fromUtf8(sql).left(80)));
    return statement;
}

void Connection::release(sqlite3_stmt *statement) const
{
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    const QByteArray sql(sqlite3_sql(statement));
    if (m_idle.contains(sql))
        sqlite3_finalize(statement);
    else
        m_idle.insert(sql, statement);
}

Statement::Statement(const Connection &connection, const char *sql)
    : m_connection(connection)
    , m_stmt(connection.acquire(sql))
{ }

Statement::~Statement()
{
    m_connection.release(m_stmt);
}

Statement &Statement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    // SQLITE_TRANSIENT: SQLite copies the bytes, so the temporary QByteArray may go away.
    // A null QString still binds as empty text, never NULL: NOT NULL columns stay satisfied.
    const int rc = sqlite3_bind_text64(m_stmt, index, utf8.constData() ? utf8.constData() : "", quint64(utf8.size()),
                                       SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK)
        m_connection.fail(rc, QStringLiteral("cannot bind parameter %1").arg(index));
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK)
        m_connection.fail(rc, QStringLiteral("cannot bind parameter %1").arg(index));
    return *this;
}

Statement &Statement::bindNull(int index)
{
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK)
        m_connection.fail(rc, QStringLiteral("cannot bind parameter %1").arg(index));
    return *this;
}

Statement &Statement::bindOptional(int index, const std::optional<QString> &value)
{
    return value ? bind(index, *value) : bindNull(index);
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    m_connection.fail(rc, QStringLiteral("\"%1\" failed").arg(QString::fromUtf8(sqlite3_sql(m_stmt)).left(80)));
}

void Statement::run()
{
    while (step()) { }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::optional<QString> Statement::optionalText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

void Connection::passWriteGate()
{
    if (m_writeGate && m_writeGate())
        m_writeGate = nullptr;
}

Transaction::Transaction(Connection &connection, Kind kind)
    : m_connection(connection)
{
    if (kind == Kind::Write)
        m_connection.passWriteGate();
    Statement(m_connection, kind == Kind::Write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED").run();
}

Transaction::~Transaction()
{
    if (m_open)
        sqlite3_exec(m_connection.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    Statement(m_connection, "COMMIT").run();
    m_open = false;
}

} // namespace preflight::sqlite
