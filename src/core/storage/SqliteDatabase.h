#pragma once

#include "storage/Sql.h"
#include "storage/Sqlite.h"

namespace preflight::sqlite {

// The store's view of an SQLite file. The file chores (schema, backups, integrity checks)
// still use the underlying sqlite::Connection through file().
class Database final : public sql::Connection
{
public:
    Database(const QString &path, sqlite::Connection::Mode mode);

    sqlite::Connection &file() { return m_file; }
    const sqlite::Connection &file() const { return m_file; }

    sql::Dialect dialect() const override { return sql::Dialect::Sqlite; }
    const QString &location() const override { return m_file.path(); }
    std::unique_ptr<sql::Cursor> prepare(const char *sql) const override;
    void begin(TransactionKind kind) override;
    void commit() override;
    void rollback() noexcept override;
    QString transactionTime() override;
    std::optional<QString> authenticatedUser() const override { return std::nullopt; }

private:
    sqlite::Connection m_file;
    QString m_time; // one time per write transaction, like the server's transaction_timestamp()
};

} // namespace preflight::sqlite
