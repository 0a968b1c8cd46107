#pragma once

#include "import/ImportWarning.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace preflight::import {

struct DecodedText
{
    QStringList lines; // without line ends; CRLF, CR and LF all end a line
    std::vector<ImportWarning> warnings;
};

// The largest file the importer reads, the same limit as for JSON templates.
constexpr qint64 MaxImportFileSize = 10 * 1024 * 1024;

// Turns the bytes of a text file into lines, repairing mis-encoded text on the way:
// - a UTF-8 byte-order mark is dropped; a UTF-16 one selects UTF-16;
// - each line that is valid UTF-8 is read as UTF-8, any other line as Windows-1252 (files saved
//   by old Windows editors), with a warning;
// - mojibake is repaired line by line (see repairMojibake), one warning per repaired run.
// Throws Error(Data) naming `sourceName` and the line for a file over MaxImportFileSize, a binary
// file (NUL bytes) and text that is neither UTF-8 nor Windows-1252.
DecodedText decodeText(const QByteArray &bytes, const QString &sourceName);

} // namespace preflight::import
