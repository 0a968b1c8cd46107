#include "Appearance.h"

#include <QDir>
#include <QIcon>
#include <QImage>

#include <catch2/catch.hpp>

using namespace preflight::gui;

TEST_CASE("Every icon is drawn from its SVG at any size", "[gui][icons]")
{
    const QStringList svgs = QDir(QStringLiteral(":/icons")).entryList({ QStringLiteral("*.svg") });
    REQUIRE(svgs.size() >= 10);
    for (const QString &file : svgs) {
        const QString name = file.chopped(4);
        INFO(name.toStdString());
        const QIcon icon = themedIcon(name);
        for (const int side : { 16, 20, 24, 32, 48, 96 }) {
            INFO(side);
            // Exactly the requested size: the SVG icon engine (Qt SVG's plugin) draws it rather
            // than a bitmap being scaled, and it is not blank.
            const QImage image = icon.pixmap(QSize(side, side), 1.0).toImage();
            REQUIRE(image.size() == QSize(side, side));
            bool drawn = false;
            for (int y = 0; y < side && !drawn; ++y) {
                for (int x = 0; x < side && !drawn; ++x)
                    drawn = qAlpha(image.pixel(x, y)) != 0;
            }
            CHECK(drawn);
        }
    }
}
