#pragma once

#include <QString>

namespace preflight::postgres {
class Connection;
}

namespace preflight::serverschema {

int currentVersion();

struct Upgrade
{
    int from = 0;
    int to = 0;
};

// Creates the schema "preflight" or upgrades it, one transaction per version step, so an
// interrupted upgrade stops at the last completed step. Safe to run again: an up-to-date
// schema is left alone. A newer schema is refused untouched. Needs a login allowed to create
// schemas and roles in the database (the database owner or an administrator).
Upgrade initialize(postgres::Connection &server);
// Stops at version `upTo`, as an older Preflight would have left the schema: for tests of the
// upgrade from there.
Upgrade initialize(postgres::Connection &server, int upTo);

// Throws Error naming the server when the database has no Preflight schema or one of another
// version, saying what to run.
void requireCurrent(postgres::Connection &server);

} // namespace preflight::serverschema
