#include "Appearance.h"
#include "PrerenderedIconFormat.h"

#include <QDir>
#include <QIcon>
#include <QImage>
#include <QResource>

#include <catch2/catch.hpp>

using namespace preflight::gui;

namespace {

QImage imageOf(const QIcon &icon, int side, QIcon::Mode mode = QIcon::Normal)
{
    return icon.pixmap(QSize(side, side), 1.0, mode).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

} // namespace

TEST_CASE("Icons drawn at build time are pixel for pixel what Qt's SVG engine draws", "[gui][icons]")
{
    const QStringList svgs = QDir(QStringLiteral(":/icons")).entryList({ QStringLiteral("*.svg") });
    REQUIRE(svgs.size() >= 10);
    for (const QString &file : svgs) {
        const QString name = file.chopped(4);
        INFO(name.toStdString());
        // Built for every icon, so that none silently falls back to loading the SVG at startup.
        const QResource drawn(QStringLiteral(":/icons/prerendered/%1.pixmaps").arg(name));
        REQUIRE(drawn.isValid());
        CHECK(prerendered::read(drawn.uncompressedData()).size() == (name == QLatin1String("preflight") ? 6 : 4));

        const QIcon svg(QStringLiteral(":/icons/") + file);
        const QIcon icon = themedIcon(name);
        // 16–48 come from the build; 20 and 96 are drawn from the SVG on demand.
        for (const int side : { 16, 20, 24, 32, 48, 96 }) {
            INFO(side);
            CHECK(imageOf(icon, side) == imageOf(svg, side));
        }
        CHECK(imageOf(icon, 24, QIcon::Disabled) == imageOf(svg, 24, QIcon::Disabled));
        CHECK(icon.actualSize(QSize(24, 24)) == svg.actualSize(QSize(24, 24)));
    }
}

TEST_CASE("Damaged pre-rendered icon data is refused, not half read", "[gui][icons]")
{
    QImage square(16, 16, QImage::Format_ARGB32_Premultiplied);
    square.fill(Qt::red);
    const QByteArray bytes = prerendered::write({ square, square.scaled(24, 24) });
    REQUIRE(prerendered::read(bytes).size() == 2);
    CHECK(prerendered::read(bytes).at(1) == square.scaled(24, 24));
    CHECK(prerendered::read(bytes.left(bytes.size() - 1)).isEmpty());
    CHECK(prerendered::read(bytes + "x").isEmpty());
    CHECK(prerendered::read(QByteArray("not an icon")).isEmpty());
}
