#pragma once

#include <QLocale>
#include <QPageSize>
#include <QString>

#include <optional>

namespace preflight {

// Letter where it is the paper in use (the United States, Canada, Mexico and a few more in the
// Americas, and the Philippines), A4 everywhere else.
QPageSize::PageSizeId defaultPageSize(const QLocale &locale = QLocale::system());
// "a4" or "letter" (any case); nullopt for anything else.
std::optional<QPageSize::PageSizeId> pageSizeFromKey(const QString &key);

} // namespace preflight
