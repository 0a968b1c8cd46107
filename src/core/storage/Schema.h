#pragma once

#include <QString>

namespace preflight::sqlite {
class Connection;
}

namespace preflight::schema {

// "PFLT": marks a file as ours, so another application's SQLite file is never migrated.
constexpr int applicationId = 0x50464c54;

int currentVersion();

// The file's schema version (PRAGMA user_version) and whether it is ours; read without writing.
struct Inspection
{
    int version = 0;
    bool empty = true; // no tables at all: a new database
    bool foreign = false; // tables or an application id that are not Preflight's
};
Inspection inspect(const sqlite::Connection &db);

// Applies each missing migration up to `targetVersion`, each in its own transaction, so an
// interrupted upgrade leaves the file at the last completed version. Tests use a lower target
// to build databases as older releases wrote them.
void migrate(sqlite::Connection &db, int targetVersion);

} // namespace preflight::schema
