#include "storage/Postgres.h"

#include "Error.h"

#include <QRegularExpression>

#include <libpq-fe.h>
#include <vector>

namespace preflight::postgres {

void ResultDeleter::operator()(pg_result *result) const
{
    PQclear(result);
}

namespace {

// Chosen once, for "Preflight" ("PFLT"): the advisory lock every write transaction takes.
constexpr qint64 writerLock = 0x50464c54;

constexpr const char *timeSql = "to_char(transaction_timestamp() AT TIME ZONE 'UTC', "
                                "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";

Error::Kind kindOf(const pg_result *result)
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const QByteArray code = state ? QByteArray(state) : QByteArray();
    if (code.startsWith("23") || code == "P0001" || code.startsWith("22"))
        return Error::Kind::Data; // constraint violations, our triggers, bad values
    if (code == "40001" || code == "40P01" || code == "55P03")
        return Error::Kind::Conflict;
    if (code == "42501")
        return Error::Kind::Usage; // insufficient privilege: the login may not do this
    return Error::Kind::Io;
}

QString firstLine(const char *message)
{
    return QString::fromUtf8(message).trimmed().section(QLatin1Char('\n'), 0, 0);
}

// A refusal for want of a privilege names the group that grants it (schema step 3; README,
// "Roles on a team server"), worked out from the statement refused; the database's own
// refusals (sign-offs) already say so.
QString refusal(const pg_result *result, const QString &what, const QString &user)
{
    const char *primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    const QString message = QString::fromUtf8(primary ? primary : "");
    if (message.contains(QLatin1String(": grant preflight_")))
        return message;
    if (what.contains(QLatin1String("\"GRANT ")) || what.contains(QLatin1String("\"REVOKE "))
        || what.contains(QLatin1String("CREATE ROLE")) || what.contains(QLatin1String("create_signoff_groups")))
        return QStringLiteral("%1 may not manage roles: run this as a login with CREATEROLE (the one that ran "
                              "\"preflight server init\")")
            .arg(user);
    static const QRegularExpression write(
        QStringLiteral("\\b(?:INSERT INTO|UPDATE|DELETE FROM)\\s+(?:preflight\\.)?(\\w+)(\\s+SET\\s+updated\\b)?"),
        QRegularExpression::CaseInsensitiveOption);
    const auto match = write.match(what);
    if (!match.hasMatch())
        return QStringLiteral("%1 may not read this database: grant preflight_reader").arg(user);
    static const QHash<QString, QString> words { { QStringLiteral("item_states"), QStringLiteral("items") },
                                                 { QStringLiteral("item_rechecks"), QStringLiteral("items") },
                                                 { QStringLiteral("audit"), QStringLiteral("the review") },
                                                 { QStringLiteral("signoffs"), QStringLiteral("sign-offs") } };
    const QString table = match.captured(1).toLower();
    const bool administers = (table == QLatin1String("projects") && match.captured(2).isEmpty())
        || table == QLatin1String("templates") || table == QLatin1String("signoffs");
    return QStringLiteral("%1 may not change %2: grant %3")
        .arg(user, words.value(table, table),
             administers ? QStringLiteral("preflight_admin") : QStringLiteral("preflight_reviewer"));
}

// The store writes ?1, ?2… (SQLite's form); the server wants $1, $2….
QByteArray serverPlaceholders(const char *sql)
{
    QByteArray text(sql);
    for (qsizetype i = 0; i + 1 < text.size(); ++i)
        if (text[i] == '?' && text[i + 1] >= '0' && text[i + 1] <= '9')
            text[i] = '$';
    return text;
}

pg_conn *connect(const QString &conninfo, const QString &password)
{
    const QByteArray info = conninfo.toUtf8();
    const QByteArray secret = password.toUtf8();
    // connect_timeout comes first so that one given in `conninfo` wins: an unreachable host then
    // fails within seconds instead of libpq's default of waiting indefinitely.
    std::vector<const char *> keys { "connect_timeout", "dbname", "client_encoding", "fallback_application_name" };
    std::vector<const char *> values { "10", info.constData(), "UTF8", "preflight" };
    if (!password.isEmpty()) {
        keys.push_back("password");
        values.push_back(secret.constData());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    // expand_dbname: the first dbname is itself a URI or keyword string, as with psql.
    return PQconnectdbParams(keys.data(), values.data(), 1);
}

class Cursor final : public sql::Cursor
{
public:
    Cursor(const Connection &connection, const char *sql)
        : m_connection(connection)
        , m_sql(serverPlaceholders(sql))
    { }

    void bindText(int index, const QString &value) override { param(index) = value.toUtf8(); }
    void bindInteger(int index, qint64 value) override { param(index) = QByteArray::number(value); }
    void bindNull(int index) override { param(index).reset(); }
    bool step() override
    {
        if (!m_result) {
            m_result = m_connection.execPrepared(m_sql, m_params);
            m_row = -1;
        }
        return ++m_row < PQntuples(m_result.get());
    }
    void reset() override
    {
        m_result.reset();
        m_params.clear();
    }
    QString text(int column) const override
    {
        return QString::fromUtf8(PQgetvalue(m_result.get(), m_row, column), PQgetlength(m_result.get(), m_row, column));
    }
    qint64 integer(int column) const override
    {
        return QByteArray(PQgetvalue(m_result.get(), m_row, column)).toLongLong();
    }
    bool isNull(int column) const override { return PQgetisnull(m_result.get(), m_row, column) == 1; }

private:
    std::optional<QByteArray> &param(int index)
    {
        if (m_params.size() < size_t(index))
            m_params.resize(size_t(index));
        // An empty QByteArray would be sent as NULL by nothing, but keep text non-null anyway.
        return m_params[size_t(index - 1)];
    }

    const Connection &m_connection;
    QByteArray m_sql;
    std::vector<std::optional<QByteArray>> m_params;
    Result m_result;
    int m_row = -1;
};

} // namespace

bool isServerLocation(const QString &location)
{
    static const QRegularExpression keyword(QStringLiteral("^\\s*[a-z_]+\\s*="));
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"))
        || keyword.match(location).hasMatch();
}

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

Connection::Connection(const QString &conninfo, const QString &password)
    : m_conn(connect(conninfo, password))
{
    if (!m_conn)
        throw Error(Error::Kind::Io, QStringLiteral("%1: out of memory while connecting").arg(conninfo));
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const QString message = firstLine(PQerrorMessage(m_conn));
        const bool wantsPassword = PQconnectionNeedsPassword(m_conn);
        PQfinish(m_conn);
        m_conn = nullptr;
        const QString shown = withoutPassword(conninfo);
        throw Error(Error::Kind::Io,
                    wantsPassword ? QStringLiteral("%1: the server asks for a password (%2); give it in ~/.pgpass "
                                                   "or PGPASSWORD, or connect from the window")
                                        .arg(shown, message)
                                  : QStringLiteral("%1: cannot connect: %2").arg(shown, message));
    }
    m_location = QStringLiteral("postgresql://%1@%2:%3/%4")
                     .arg(QString::fromUtf8(PQuser(m_conn)), QString::fromUtf8(PQhost(m_conn)),
                          QString::fromUtf8(PQport(m_conn)), QString::fromUtf8(PQdb(m_conn)));
    connected();
}

Connection::~Connection()
{
    PQfinish(m_conn);
}

bool Connection::needsPassword(const QString &conninfo)
{
    pg_conn *probe = connect(conninfo, {});
    const bool wants = probe && PQstatus(probe) != CONNECTION_OK && PQconnectionNeedsPassword(probe);
    PQfinish(probe);
    return wants;
}

void Connection::connected()
{
    m_prepared.clear();
    // Our tables live in their own schema, so the database can hold other things too.
    exec("SET search_path TO preflight");
    const Result user = exec("SELECT session_user");
    m_user = QString::fromUtf8(PQgetvalue(user.get(), 0, 0));
    if (m_listening)
        exec("LISTEN preflight_changes");
    m_sessionReady = true;
}

void Connection::fail(const pg_result *result, const QString &what) const
{
    const char *detail = result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn);
    if (PQstatus(m_conn) == CONNECTION_BAD)
        throw Error(
            Error::Kind::ConnectionLost,
            QStringLiteral("%1: the connection to the server was lost (%2)").arg(m_location, firstLine(detail)));
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    if (state && QByteArray(state) == "42501")
        throw Error(Error::Kind::Usage, QStringLiteral("%1: %2").arg(m_location, refusal(result, what, m_user)));
    throw Error(kindOf(result), QStringLiteral("%1: %2: %3").arg(m_location, what, firstLine(detail)));
}

Result Connection::exec(const char *sql) const
{
    Result result(PQexec(m_conn, sql));
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail(result.get(), QStringLiteral("\"%1\" failed").arg(QString::fromUtf8(sql).simplified().left(80)));
    return result;
}

Result Connection::execPrepared(const QByteArray &sql, const std::vector<std::optional<QByteArray>> &params) const
{
    // Prepared once per connection and SQL text: the server then plans each statement once.
    auto name = m_prepared.value(sql);
    if (name.isEmpty()) {
        name = "pf" + QByteArray::number(m_prepared.size() + 1);
        Result prepared(PQprepare(m_conn, name.constData(), sql.constData(), 0, nullptr));
        if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK)
            fail(prepared.get(), QStringLiteral("cannot prepare \"%1\"").arg(QString::fromUtf8(sql).left(80)));
        m_prepared.insert(sql, name);
    }
    std::vector<const char *> values;
    values.reserve(params.size());
    for (const auto &param : params)
        values.push_back(param ? (param->isNull() ? "" : param->constData()) : nullptr);
    Result result(PQexecPrepared(m_conn, name.constData(), int(values.size()), values.data(), nullptr, nullptr, 0));
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail(result.get(), QStringLiteral("\"%1\" failed").arg(QString::fromUtf8(sql).simplified().left(80)));
    return result;
}

std::unique_ptr<sql::Cursor> Connection::prepare(const char *sql) const
{
    return std::make_unique<Cursor>(*this, sql);
}

void Connection::begin(TransactionKind kind)
{
    m_time.clear();
    if (kind == TransactionKind::Read) {
        // One snapshot for every statement, as an SQLite read transaction gives.
        exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        return;
    }
    // One round trip: begin, wait for the single writer lock, and read the clock that every
    // row and audit entry of this transaction records.
    const QByteArray sql
        = "BEGIN; SELECT pg_advisory_xact_lock(" + QByteArray::number(writerLock) + "), " + QByteArray(timeSql);
    const Result result = exec(sql.constData());
    m_time = QString::fromUtf8(PQgetvalue(result.get(), 0, 1));
}

void Connection::commit()
{
    exec("COMMIT");
    m_time.clear();
}

void Connection::rollback() noexcept
{
    m_time.clear();
    PQclear(PQexec(m_conn, "ROLLBACK"));
}

QString Connection::transactionTime()
{
    if (m_time.isEmpty()) {
        const Result result = exec((QByteArray("SELECT ") + timeSql).constData());
        return QString::fromUtf8(PQgetvalue(result.get(), 0, 0));
    }
    return m_time;
}

int Connection::socket() const
{
    return PQsocket(m_conn);
}

qint64 Connection::notificationsReceived()
{
    if (!m_listening) {
        exec("LISTEN preflight_changes");
        m_listening = true;
    }
    PQconsumeInput(m_conn);
    // Our own commits notify us too; only other sessions' changes are news.
    const int self = PQbackendPID(m_conn);
    while (PGnotify *notice = PQnotifies(m_conn)) {
        if (notice->be_pid != self)
            ++m_notifications;
        PQfreemem(notice);
    }
    return m_notifications;
}

sql::Reconnection Connection::startReconnect()
{
    if (PQstatus(m_conn) == CONNECTION_OK && m_sessionReady)
        return sql::Reconnection::Connected;
    m_sessionReady = false;
    // libpq's rule: after starting, wait until the socket is writable before the first poll.
    return PQresetStart(m_conn) ? sql::Reconnection::WaitForWrite : sql::Reconnection::Failed;
}

sql::Reconnection Connection::continueReconnect()
{
    switch (PQresetPoll(m_conn)) {
    case PGRES_POLLING_READING:
        return sql::Reconnection::WaitForRead;
    case PGRES_POLLING_WRITING:
        return sql::Reconnection::WaitForWrite;
    case PGRES_POLLING_OK:
        break;
    default:
        return sql::Reconnection::Failed;
    }
    try {
        connected();
    } catch (const Error &) {
        return sql::Reconnection::Failed; // lost again during the session setup: start over
    }
    // Changes made while we were away were never announced: count the reconnection as one.
    ++m_notifications;
    return sql::Reconnection::Connected;
}

} // namespace preflight::postgres
