#include "storage/TimeFormat.h"

#include <catch2/catch.hpp>

using namespace preflight;

TEST_CASE("Stored times read back exactly as Qt's ISO 8601 parser reads them", "[time]")
{
    // parseTime reads formatTime's own shape by position; anything else goes to Qt's parser.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QStringList texts { formatTime(now),
                              QStringLiteral("2024-02-29T23:59:59.999Z"),
                              QStringLiteral("1999-12-31T00:00:00.000Z"),
                              QStringLiteral("2023-02-29T12:00:00.000Z"), // no such day
                              QStringLiteral("2024-01-01T24:00:00.000Z"),
                              QStringLiteral("2024-01-01T00:00:60.000Z"),
                              QStringLiteral("0000-01-01T00:00:00.000Z"),
                              QStringLiteral("-024-01-01T00:00:00.000Z"),
                              QStringLiteral("2024-01-01T00:00:00.0x0Z"),
                              QStringLiteral("2024-01-01T00:00:00Z"),
                              QStringLiteral("2024-01-01T00:00:00.000+02:00"),
                              QStringLiteral("2024-01-01 00:00:00.000Z"),
                              QString() };
    for (const QString &text : texts) {
        INFO(text.toStdString());
        const QDateTime ours = parseTime(text);
        const QDateTime qt = QDateTime::fromString(text, Qt::ISODateWithMs);
        REQUIRE(ours.isValid() == qt.isValid());
        if (!qt.isValid())
            continue;
        CHECK(ours == qt);
        CHECK(ours.timeSpec() == qt.timeSpec());
        CHECK(formatTime(ours) == formatTime(qt));
        CHECK(ours.toString(Qt::ISODateWithMs) == qt.toString(Qt::ISODateWithMs));
    }
    CHECK(parseTime(formatTime(now)) == now);
}
