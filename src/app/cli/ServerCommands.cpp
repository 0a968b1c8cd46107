// Team server administration: creating a server's schema, and moving whole databases between a
// file and a server.

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
                      << "). Grant logins the role preflight_users to let them review.\n";
    else
        context.out() << "Upgraded the Preflight schema from version " << upgrade.from << " to " << upgrade.to << ".\n";
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
