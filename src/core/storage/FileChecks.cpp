#include "storage/FileChecks.h"

#include "Error.h"

#include <QFile>
#include <QFileInfo>
#include <QtEndian>

namespace preflight::filechecks {

namespace {

constexpr int headerSize = 100;
constexpr QByteArrayView magic("SQLite format 3\0", 16);

Error refuse(const QString &path, const QString &reason)
{
    return Error(Error::Kind::Data, QStringLiteral("%1: %2; the file was not changed").arg(path, reason));
}

} // namespace

void requireUsableFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return;
    if (!info.isFile())
        throw Error(Error::Kind::Io, QStringLiteral("%1: not a regular file").arg(path));
    // The owner write bit is checked as well as access(2): someone who made the file read-only
    // meant it, and root (for whom access() always allows writing) must respect that too.
    if (!(info.permissions() & QFileDevice::WriteOwner) || !info.isWritable())
        throw Error(Error::Kind::Io,
                    QStringLiteral("%1: the database file is read-only; make it writable or open a "
                                   "copy (the file was not changed)")
                        .arg(path));
    // SQLite would take an empty file for a new database; here it is far more likely a file
    // that lost its content, and quietly starting afresh in it would hide that.
    if (info.size() == 0)
        throw refuse(path,
                     QStringLiteral("the file is empty (0 bytes); remove it to start a new database, or restore "
                                    "a backup"));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Error::Kind::Io, QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    const QByteArray header = file.read(headerSize);
    if (!header.startsWith(magic))
        throw refuse(path, QStringLiteral("not an SQLite database (it does not start with the SQLite header)"));
    if (header.size() < headerSize)
        throw refuse(path,
                     QStringLiteral("truncated: only %1 bytes, shorter than the SQLite header").arg(header.size()));

    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    const quint16 rawPageSize = qFromBigEndian<quint16>(bytes + 16);
    const qint64 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const quint32 pageCount = qFromBigEndian<quint32>(bytes + 28);
    // The page count in the header is only trustworthy when its "valid for" counter matches the
    // change counter. With a non-empty write-ahead log the main file may legitimately lag behind
    // (a checkpoint was interrupted), so the size is only checked without one.
    const bool countValid = pageCount > 0 && qFromBigEndian<quint32>(bytes + 24) == qFromBigEndian<quint32>(bytes + 92);
    const bool walPending = QFileInfo(path + QLatin1String("-wal")).size() > 0;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        throw refuse(path, QStringLiteral("corrupt SQLite header (page size %1)").arg(pageSize));
    if (!walPending && (info.size() % pageSize != 0 || (countValid && info.size() < pageCount * pageSize)))
        throw refuse(path,
                     QStringLiteral("truncated: the header describes %1 pages of %2 bytes but the file holds %3 "
                                    "bytes")
                         .arg(pageCount)
                         .arg(pageSize)
                         .arg(info.size()));
}

} // namespace preflight::filechecks
