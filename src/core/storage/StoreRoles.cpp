// Roles on a team server: managing them (static, as the server's owner) and asking what the
// current login may do.
#include "Error.h"
#include "storage/Postgres.h"
#include "storage/ServerRoles.h"
#include "storage/StoreImpl.h"

#include <libpq-fe.h>

namespace preflight {

namespace {

void requireServer(const QString &location)
{
    if (!Store::isServerLocation(location))
        throw Error(Error::Kind::Usage,
                    QStringLiteral("%1 is not a server: roles exist only on a PostgreSQL server (a file's user "
                                   "may do everything)")
                        .arg(location));
}

QStringList change(const QString &location, const QString &login, const QStringList &roles, bool grant)
{
    requireServer(location);
    postgres::Connection server(location);
    return serverroles::change(server, login, roles, grant);
}

} // namespace

std::vector<Store::ServerRole> Store::serverRoles(const QString &location)
{
    requireServer(location);
    postgres::Connection server(location);
    std::vector<ServerRole> roles;
    for (auto &group : serverroles::groups(server))
        roles.push_back({ group.role, group.group, group.members });
    return roles;
}

QStringList Store::grantServerRoles(const QString &location, const QString &login, const QStringList &roles)
{
    return change(location, login, roles, true);
}

QStringList Store::revokeServerRoles(const QString &location, const QString &login, const QStringList &roles)
{
    return change(location, login, roles, false);
}

Store::Permissions Store::permissions() const
{
    Permissions permissions;
    if (!d->server)
        return permissions;
    // The same checks the database makes: table privileges through the groups, and the
    // sign-off trigger's membership test (preflight.require_signer).
    sql::Transaction transaction(*d->db, sql::Transaction::Kind::Read);
    sql::Statement rights(
        *d->db,
        "SELECT has_table_privilege('preflight.item_states', 'INSERT')::int, "
        "has_table_privilege('preflight.projects', 'INSERT')::int, preflight.session_is_owner()::int");
    rights.step();
    permissions.review = rights.integer(0) != 0;
    permissions.administer = rights.integer(1) != 0;
    permissions.signAnyRole = rights.integer(2) != 0;
    sql::Statement roles(*d->db,
                         "SELECT role FROM preflight.signoff_roles() s WHERE EXISTS (SELECT 1 FROM pg_roles "
                         "WHERE rolname = s.group_name) AND pg_has_role(session_user, s.group_name, 'MEMBER') "
                         "ORDER BY 1");
    while (roles.step())
        permissions.signAs << roles.text(0);
    transaction.commit();
    return permissions;
}

} // namespace preflight
