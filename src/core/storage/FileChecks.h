#pragma once

#include <QString>

namespace preflight::filechecks {

// Checks an existing database file before SQLite touches it, reading only: refuses a file that
// is read-only, not an SQLite file, or shorter than its own header says. Throws preflight::Error
// naming the file. Does nothing when the file does not exist yet.
void requireUsableFile(const QString &path);

} // namespace preflight::filechecks
