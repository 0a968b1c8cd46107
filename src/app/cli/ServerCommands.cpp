// Team server administration: creating a server's schema, who may do what on it, and moving
// whole databases between a file and a server.

#include "cli/Context.h"
#include "scoring/StatusJson.h"
#include "storage/Store.h"

namespace preflight::cli {

namespace {

int initServer(Context &context)
{
    const Store::ServerUpgrade upgrade = Store::initServer(context.arg(0));
    if (context.json()) {
        context.printJson(
            document("preflight.server-init/1", { { "from_version", upgrade.from }, { "to_version", upgrade.to } }));
        return Success;
    }
    if (upgrade.from == upgrade.to)
        context.out() << "The server's Preflight schema is up to date (version " << upgrade.to << ").\n";
    else if (upgrade.from == 0)
        context.out() << "Created the Preflight schema (version " << upgrade.to
                      << "). Give logins roles with \"preflight server grant\".\n";
    else
        context.out() << "Upgraded the Preflight schema from version " << upgrade.from << " to " << upgrade.to << ".\n";
    return Success;
}

int changeRoles(Context &context, bool grant)
{
    const QString login = context.arg(1);
    const QStringList roles = context.args().mid(2);
    const QStringList groups = grant ? Store::grantServerRoles(context.arg(0), login, roles)
                                     : Store::revokeServerRoles(context.arg(0), login, roles);
    if (context.json()) {
        context.printJson(document(grant ? "preflight.server-grant/1" : "preflight.server-revoke/1",
                                   { { "login", toJson(login) }, { "groups", toJson(groups) } }));
        return Success;
    }
    context.out() << (grant ? "Granted " : "Revoked from ") << login << ": " << groups.join(QStringLiteral(", "))
                  << '\n';
    return Success;
}

int grantRoles(Context &context)
{
    return changeRoles(context, true);
}

int revokeRoles(Context &context)
{
    return changeRoles(context, false);
}

int listMembers(Context &context)
{
    const std::vector<Store::ServerRole> roles = Store::serverRoles(context.arg(0));
    if (context.json()) {
        nlohmann::json list = nlohmann::json::array();
        for (const Store::ServerRole &role : roles)
            list.push_back({ { "role", toJson(role.role) },
                             { "group", toJson(role.group) },
                             { "members", toJson(role.members) } });
        context.printJson(document("preflight.server-members/1", { { "roles", list } }));
        return Success;
    }
    for (const Store::ServerRole &role : roles)
        context.out() << role.role << " (" << role.group << "): "
                      << (role.members.isEmpty() ? QStringLiteral("-") : role.members.join(QStringLiteral(", ")))
                      << '\n';
    return Success;
}

int copyDatabase(Context &context)
{
    const Store::CopySummary copied = Store::copyDatabase(context.arg(0), context.arg(1));
    if (context.json()) {
        context.printJson(document("preflight.db-copy/1",
                                   { { "projects", copied.projects },
                                     { "templates", copied.templates },
                                     { "audit_rows", copied.auditRows },
                                     { "audit_head", toJson(copied.auditHead) } }));
        return Success;
    }
    context.out() << "Copied " << copied.projects << " projects, " << copied.templates << " template versions and "
                  << copied.auditRows << " audit rows.\n"
                  << "Audit head:  " << (copied.auditHead.isEmpty() ? QStringLiteral("-") : copied.auditHead) << '\n';
    return Success;
}

const CommandGroup serverCommands { {
    { { QStringLiteral("server"), QStringLiteral("init") },
      QStringLiteral("URL [--json]"),
      QStringLiteral("Create or upgrade the Preflight schema on a PostgreSQL server (safe to run again)"),
      {},
      1,
      1,
      &initServer },
    { { QStringLiteral("server"), QStringLiteral("grant") },
      QStringLiteral("URL LOGIN ROLE... [--json]"),
      QStringLiteral("Give a login roles: reader, reviewer, admin, or a template's sign-off role"),
      {},
      3,
      -1,
      &grantRoles },
    { { QStringLiteral("server"), QStringLiteral("revoke") },
      QStringLiteral("URL LOGIN ROLE... [--json]"),
      QStringLiteral("Take roles away from a login"),
      {},
      3,
      -1,
      &revokeRoles },
    { { QStringLiteral("server"), QStringLiteral("members") },
      QStringLiteral("URL [--json]"),
      QStringLiteral("List the server's roles and the logins holding each"),
      {},
      1,
      1,
      &listMembers },
    { { QStringLiteral("db"), QStringLiteral("copy") },
      QStringLiteral("SOURCE DEST [--json]"),
      QStringLiteral("Copy a whole database, audit trail included, between a file and a server"),
      {},
      2,
      2,
      &copyDatabase,
      true },
} };

} // namespace

} // namespace preflight::cli
