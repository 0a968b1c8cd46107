#include "storage/TimeFormat.h"

namespace preflight {

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

QString currentTimeText()
{
    return formatTime(QDateTime::currentDateTimeUtc());
}

std::optional<QString> formatDate(const std::optional<QDate> &date)
{
    if (!date || !date->isValid())
        return std::nullopt;
    return date->toString(Qt::ISODate);
}

std::optional<QDate> parseDate(const std::optional<QString> &text)
{
    if (!text)
        return std::nullopt;
    const QDate date = QDate::fromString(*text, Qt::ISODate);
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

} // namespace preflight
