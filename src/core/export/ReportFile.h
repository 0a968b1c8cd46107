#pragma once

#include <QByteArray>
#include <QString>

namespace preflight {

// Writes `bytes` to `path` through QSaveFile: the file appears whole or not at all. Throws
// preflight::Error(Io) naming the path and the reason (e.g. a missing folder).
void saveReportFile(const QString &path, const QByteArray &bytes);

} // namespace preflight
