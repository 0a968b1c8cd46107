#include "storage/SqliteDatabase.h"

#include "storage/TimeFormat.h"

#include <sqlite3.h>

namespace preflight::sqlite {

namespace {

class Cursor final : public sql::Cursor
{
public:
    Cursor(const sqlite::Connection &connection, const char *sql)
        : m_statement(connection, sql)
    { }

    void bindText(int index, const QString &value) override { m_statement.bind(index, value); }
    void bindInteger(int index, qint64 value) override { m_statement.bind(index, value); }
    void bindNull(int index) override { m_statement.bindNull(index); }
    bool step() override { return m_statement.step(); }
    void reset() override { m_statement.reset(); }
    QString text(int column) const override { return m_statement.text(column); }
    qint64 integer(int column) const override { return m_statement.integer(column); }
    bool isNull(int column) const override { return m_statement.isNull(column); }

private:
    sqlite::Statement m_statement;
};

} // namespace

Database::Database(const QString &path, sqlite::Connection::Mode mode)
    : m_file(path, mode)
{ }

std::unique_ptr<sql::Cursor> Database::prepare(const char *sql) const
{
    return std::make_unique<Cursor>(m_file, sql);
}

void Database::begin(TransactionKind kind)
{
    m_time.clear();
    if (kind == TransactionKind::Write)
        m_file.passWriteGate();
    // BEGIN IMMEDIATE takes the write lock up front (waiting under the busy timeout), so two
    // processes never deadlock upgrading a read lock.
    sqlite::Statement(m_file, kind == TransactionKind::Write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED").run();
}

void Database::commit()
{
    sqlite::Statement(m_file, "COMMIT").run();
    m_time.clear();
}

void Database::rollback() noexcept
{
    m_time.clear();
    sqlite3_exec(m_file.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

QString Database::transactionTime()
{
    if (m_time.isEmpty())
        m_time = currentTimeText();
    return m_time;
}

} // namespace preflight::sqlite
