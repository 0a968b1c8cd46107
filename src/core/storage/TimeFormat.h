#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace preflight {

// How the store writes times and dates: UTC ISO 8601 with milliseconds, and ISO dates. Text,
// not numbers, so the file reads sensibly in any SQLite tool and sorts chronologically.
QString formatTime(const QDateTime &time);
QDateTime parseTime(const QString &text);
QString currentTimeText();

std::optional<QString> formatDate(const std::optional<QDate> &date); // nullopt stays NULL
std::optional<QDate> parseDate(const std::optional<QString> &text);

} // namespace preflight
