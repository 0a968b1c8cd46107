#include "export/ReportFile.h"

#include "Error.h"

#include <QSaveFile>

namespace preflight {

void saveReportFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(Error::Kind::Io, QStringLiteral("%1: cannot write the report: %2").arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        throw Error(Error::Kind::Io, QStringLiteral("%1: cannot write the report: %2").arg(path, reason));
    }
    if (!file.commit())
        throw Error(Error::Kind::Io, QStringLiteral("%1: cannot save the report: %2").arg(path, file.errorString()));
}

} // namespace preflight
