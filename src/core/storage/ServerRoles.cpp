#include "storage/ServerRoles.h"

#include "Error.h"
#include "storage/Postgres.h"
#include "storage/ServerSchema.h"

#include <libpq-fe.h>

namespace preflight::serverroles {

namespace {

struct BuiltIn
{
    const char *role;
    const char *group;
};
constexpr BuiltIn builtIns[]
    = { { "reader", "preflight_reader" }, { "reviewer", "preflight_reviewer" }, { "admin", "preflight_admin" } };

QString text(const postgres::Result &result, int row, int column)
{
    return QString::fromUtf8(PQgetvalue(result.get(), row, column));
}

QStringList membersOf(postgres::Connection &server, const QString &group)
{
    const postgres::Result rows
        = server.execPrepared("SELECT m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
                              "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = $1 AND m.rolcanlogin ORDER BY 1",
                              { group.toUtf8() });
    QStringList members;
    for (int row = 0; row < PQntuples(rows.get()); ++row)
        members << text(rows, row, 0);
    return members;
}

std::vector<Group> listGroups(postgres::Connection &server)
{
    std::vector<Group> groups;
    for (const BuiltIn &builtIn : builtIns)
        groups.push_back({ QString::fromLatin1(builtIn.role), QString::fromLatin1(builtIn.group), {} });
    const postgres::Result signoff = server.exec("SELECT role, group_name FROM preflight.signoff_roles()");
    for (int row = 0; row < PQntuples(signoff.get()); ++row)
        groups.push_back({ text(signoff, row, 0), text(signoff, row, 1), {} });
    return groups;
}

QString known(const std::vector<Group> &groups)
{
    QStringList roles;
    for (const Group &group : groups)
        roles << group.role;
    return roles.join(QStringLiteral(", "));
}

} // namespace

std::vector<Group> groups(postgres::Connection &server)
{
    serverschema::requireCurrent(server);
    sql::Transaction transaction(server, sql::Connection::TransactionKind::Read);
    std::vector<Group> groups = listGroups(server);
    for (Group &group : groups)
        group.members = membersOf(server, group.group);
    transaction.commit();
    return groups;
}

QStringList change(postgres::Connection &server, const QString &login, const QStringList &roles, bool grant)
{
    serverschema::requireCurrent(server);
    if (roles.isEmpty())
        throw Error(Error::Kind::Usage, QStringLiteral("name at least one role"));
    sql::Transaction transaction(server);
    const postgres::Result found
        = server.execPrepared("SELECT rolcanlogin FROM pg_roles WHERE rolname = $1", { login.toUtf8() });
    if (PQntuples(found.get()) == 0)
        throw Error(Error::Kind::Usage,
                    QStringLiteral("%1: there is no login \"%2\" (create it with CREATE ROLE … LOGIN first); "
                                   "nothing was changed")
                        .arg(server.location(), login));
    if (QByteArray(PQgetvalue(found.get(), 0, 0)) != "t")
        throw Error(
            Error::Kind::Usage,
            QStringLiteral("%1: \"%2\" is a group, not a login; nothing was changed").arg(server.location(), login));

    server.exec("SELECT preflight.create_signoff_groups()");
    const std::vector<Group> groups = listGroups(server);
    QStringList chosen;
    for (const QString &role : roles) {
        const auto match = std::find_if(groups.begin(), groups.end(),
                                        [&](const Group &group) { return group.role == role || group.group == role; });
        if (match == groups.end())
            throw Error(Error::Kind::Usage,
                        QStringLiteral("%1: unknown role \"%2\" (roles: %3); nothing was changed")
                            .arg(server.location(), role, known(groups)));
        if (!chosen.contains(match->group))
            chosen << match->group;
    }
    for (const QString &group : chosen) {
        const postgres::Result statement
            = server.execPrepared(grant ? "SELECT format('GRANT %I TO %I', $1::text, $2::text)"
                                        : "SELECT format('REVOKE %I FROM %I', $1::text, $2::text)",
                                  { group.toUtf8(), login.toUtf8() });
        server.exec(PQgetvalue(statement.get(), 0, 0));
    }
    transaction.commit();
    return chosen;
}

} // namespace preflight::serverroles
