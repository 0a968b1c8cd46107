#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace preflight::postgres {
class Connection;
}

// Who may do what on a team server: the group roles of server schema step 3 (README.md, "Roles
// on a team server"). Roles are named as users say them: reader, reviewer, admin, or a sign-off
// role of a stored template ("Security Lead"); the PostgreSQL group name is accepted too.
namespace preflight::serverroles {

struct Group
{
    QString role; // reader, reviewer, admin, or a sign-off role
    QString group; // the PostgreSQL group role
    QStringList members; // logins that are direct members, sorted
};

// Every group of this database, built-in ones first, then one per sign-off role of the stored
// templates (a sign-off group not created yet has no members).
std::vector<Group> groups(postgres::Connection &server);

// Grants (or revokes) the groups for `roles` to `login` in one transaction, creating sign-off
// groups of templates stored since "server init" first. An unknown login or role is refused
// with Error(Usage) before anything changes. Returns the groups granted or revoked.
QStringList change(postgres::Connection &server, const QString &login, const QStringList &roles, bool grant);

} // namespace preflight::serverroles
