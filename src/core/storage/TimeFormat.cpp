#include "storage/TimeFormat.h"

#include <algorithm>
#include <array>

namespace preflight {

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

namespace {

// The number written in `digits`, or -1 when it is not all ASCII digits.
int number(QStringView digits)
{
    int value = 0;
    for (const QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return -1;
        value = value * 10 + (c.unicode() - '0');
    }
    return value;
}

} // namespace

QDateTime parseTime(const QString &text)
{
    // formatTime's own shape, 2026-01-31T12:34:56.789Z, is read by position: the store reads a
    // time per item state, and QDateTime's general ISO 8601 parser was a tenth of loading a
    // thousand reviews for the portfolio. Anything else, or an impossible date, goes to that parser.
    if (text.isEmpty())
        return {};
    const QStringView t(text);
    if (t.size() == 24 && t[4] == u'-' && t[7] == u'-' && t[10] == u'T' && t[13] == u':' && t[16] == u':'
        && t[19] == u'.' && t[23] == u'Z') {
        const std::array fields { number(t.mid(0, 4)),  number(t.mid(5, 2)),  number(t.mid(8, 2)), number(t.mid(11, 2)),
                                  number(t.mid(14, 2)), number(t.mid(17, 2)), number(t.mid(20, 3)) };
        const QDate date(fields[0], fields[1], fields[2]);
        const QTime time(fields[3], fields[4], fields[5], fields[6]);
        if (std::none_of(fields.begin(), fields.end(), [](int field) { return field < 0; }) && date.isValid()
            && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
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
