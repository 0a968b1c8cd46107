#include "Error.h"
#include "storage/Audit.h"
#include "storage/Postgres.h"
#include "storage/StoreImpl.h"

#include <QByteArrayList>

namespace preflight {

namespace {

struct Table
{
    const char *name;
    QByteArrayList columns;
    QByteArrayList integers; // bound as integers, so SQLite stores them with integer affinity
};

// Every column of every table but the audit trail, whose rows are copied by audit::copyRow.
// Ids are copied as they are: the audit trail refers to projects and risks by id.
const std::vector<Table> &tables()
{
    static const std::vector<Table> all = {
        { "templates", { "id", "version", "json", "stored" }, {} },
        { "projects",
          { "id", "name", "description", "template_id", "template_version", "target_date", "actual_date", "notes",
            "created", "updated", "archived", "require_signatures", "profile" },
          { "id", "archived", "require_signatures" } },
        { "item_states",
          { "project_id", "item_id", "status", "reason", "note", "owner", "evidence", "changed_by", "changed_at" },
          { "project_id" } },
        { "risks",
          { "id", "project_id", "title", "severity", "mitigation", "owner", "status", "linked_items", "accepted_by",
            "accepted_until", "created", "updated" },
          { "id", "project_id" } },
        { "item_rechecks", { "project_id", "item_id", "old_text", "since_version" }, { "project_id" } },
        { "signoffs",
          { "project_id", "role", "name", "decision", "comment", "date", "state_digest", "audit_seq", "statement",
            "signature", "key_fingerprint" },
          { "project_id", "audit_seq" } },
    };
    return all;
}

int copyTable(const sql::Connection &from, sql::Connection &to, const Table &table)
{
    const QByteArray columns = table.columns.join(", ");
    QByteArrayList placeholders;
    for (int i = 1; i <= table.columns.size(); ++i)
        placeholders << "?" + QByteArray::number(i);
    const QByteArray select = "SELECT " + columns + " FROM " + table.name;
    QByteArray insert
        = QByteArray("INSERT INTO ") + table.name + "(" + columns + ") VALUES(" + placeholders.join(", ") + ")";
    // Templates the destination already holds are the same bytes: a stored version never changes.
    if (qstrcmp(table.name, "templates") == 0)
        insert += " ON CONFLICT DO NOTHING";
    sql::Statement rows(from, select.constData());
    int copied = 0;
    while (rows.step()) {
        sql::Statement write(to, insert.constData());
        for (int i = 0; i < table.columns.size(); ++i) {
            if (rows.isNull(i))
                write.bindNull(i + 1);
            else if (table.integers.contains(table.columns[i]))
                write.bind(i + 1, rows.integer(i));
            else
                write.bind(i + 1, rows.text(i));
        }
        write.run();
        ++copied;
    }
    return copied;
}

qint64 count(const sql::Connection &db, const char *sql)
{
    sql::Statement query(db, sql);
    query.step();
    return query.integer(0);
}

} // namespace

Store::CopySummary Store::copyDatabase(const QString &source, const QString &destination)
{
    const auto from = open(source, defaultActor());
    const auto to = open(destination, defaultActor());
    if (from->path() == to->path())
        throw Error(Error::Kind::Usage, QStringLiteral("%1: source and destination are the same database").arg(source));
    auto &target = *to->d->db;
    if (to->d->server) {
        sql::Statement owner(target, "SELECT session_is_owner()");
        if (!owner.step() || owner.text(0) != QLatin1String("t"))
            throw Error(Error::Kind::Usage,
                        QStringLiteral("%1: copying into a server keeps every recorded login and time, so it must "
                                       "run as the login that ran \"preflight server init\" (the tables' owner)")
                            .arg(to->path()));
    }

    sql::Transaction reading(*from->d->db, sql::Transaction::Kind::Read);
    sql::Transaction writing(target);
    if (count(target, "SELECT count(*) FROM projects") != 0 || count(target, "SELECT count(*) FROM audit") != 0)
        throw Error(Error::Kind::Usage,
                    QStringLiteral("%1 already holds projects or an audit trail; copy into a new file or a freshly "
                                   "initialised server. Nothing was copied")
                        .arg(to->path()));
    CopySummary summary;
    for (const Table &table : tables()) {
        const int copied = copyTable(*from->d->db, target, table);
        if (qstrcmp(table.name, "projects") == 0)
            summary.projects = copied;
        else if (qstrcmp(table.name, "templates") == 0)
            summary.templates = copied;
    }
    for (const audit::StoredRow &row : audit::storedRows(*from->d->db)) {
        audit::copyRow(target, row);
        ++summary.auditRows;
    }
    if (to->d->server) {
        // Ids were given explicitly; new projects and risks continue after the copied ones.
        to->d->server->exec("SELECT setval(pg_get_serial_sequence('preflight.projects', 'id'), "
                            "coalesce((SELECT max(id) FROM preflight.projects), 0) + 1, false), "
                            "setval(pg_get_serial_sequence('preflight.risks', 'id'), "
                            "coalesce((SELECT max(id) FROM preflight.risks), 0) + 1, false)");
    }
    writing.commit();
    reading.commit();
    summary.auditHead = to->auditHead();
    return summary;
}

} // namespace preflight
