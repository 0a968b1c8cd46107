#include "DeferredIconStyle.h"

#include <QApplication>
#include <QImage>
#include <QMenuBar>
#include <QStyleFactory>
#include <QToolButton>

#include <catch2/catch.hpp>

#include <memory>

using namespace preflight::gui;

namespace {

QImage imageOf(const QIcon &icon)
{
    return icon.pixmap(QSize(16, 16)).toImage().convertToFormat(QImage::Format_ARGB32);
}

} // namespace

TEST_CASE("The deferred overflow arrows draw exactly as the style's own", "[gui][style]")
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    DeferredIconStyle style(QStyleFactory::create(QStringLiteral("Fusion")));
    for (const QStyle::StandardPixmap arrow :
         { QStyle::SP_ToolBarHorizontalExtensionButton, QStyle::SP_ToolBarVerticalExtensionButton }) {
        const QIcon deferred = style.standardIcon(arrow);
        CHECK_FALSE(deferred.isNull());
        const QImage expected = imageOf(fusion->standardIcon(arrow));
        REQUIRE_FALSE(expected.isNull());
        CHECK(imageOf(deferred) == expected);
        // A copy taken before the first paint resolves on its own as well.
        CHECK(imageOf(QIcon(style.standardIcon(arrow))) == expected);
    }
    // Every other standard icon comes straight from the base style.
    CHECK(imageOf(style.standardIcon(QStyle::SP_DialogOkButton))
          == imageOf(fusion->standardIcon(QStyle::SP_DialogOkButton)));

    // A menu bar created under the style, as the window's is, still shows its overflow arrow
    // when too narrow for its menus.
    const QString original = QApplication::style()->name();
    QApplication::setStyle(new DeferredIconStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
    QMenuBar bar;
    for (int i = 0; i < 12; ++i)
        bar.addMenu(QStringLiteral("Menu number %1").arg(i));
    bar.resize(120, bar.sizeHint().height());
    bar.show();
    auto *extension = bar.findChild<QToolButton *>(QStringLiteral("qt_menubar_ext_button"));
    REQUIRE(extension);
    CHECK(extension->isVisible());
    CHECK(imageOf(extension->icon()) == imageOf(fusion->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton)));
    bar.close();
    QApplication::setStyle(original);
}
