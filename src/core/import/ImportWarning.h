#pragma once

#include <QString>

namespace preflight::import {

// Something the importer changed or left out; shown to the user before anything is saved.
struct ImportWarning
{
    int line = 0; // 1-based line in the source file; 0 when it concerns the whole file
    QString message;
    // Says something about the template the file defines (roles, risk columns, status values),
    // which no longer matters once the import uses a registered template instead.
    bool aboutOwnTemplate = false;
};

} // namespace preflight::import
