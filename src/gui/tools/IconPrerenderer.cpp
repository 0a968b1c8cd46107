// Build step behind the pre-rendered icons (see PrerenderedIconFormat.h):
//
//   preflight_icon_prerenderer OUTPUT_DIR ICON.svg...
//
// Draws each icon exactly as Qt's SVG icon engine draws it (a transparent square, the whole
// document rendered into it) at the sizes the window shows at startup, and writes
// OUTPUT_DIR/<name>.pixmaps.
#include "PrerenderedIconFormat.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>

#include <cstdio>

namespace {

// Menus, line edits and tree rows use 16 px, the toolbar 24 px; 32 and 48 are the same at twice
// the pixel density. The application icon also goes to the window manager, which Qt on X11 gives
// 16, 32, 64 and 128 px renderings.
QList<int> sizesFor(const QString &name)
{
    QList<int> sizes { 16, 24, 32, 48 };
    if (name == QLatin1String("preflight"))
        sizes << 64 << 128;
    return sizes;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv); // QT_QPA_PLATFORM=offscreen is set by the build
    if (argc < 3) {
        std::fputs("usage: preflight_icon_prerenderer OUTPUT_DIR ICON.svg...\n", stderr);
        return 2;
    }
    const QDir output(QString::fromLocal8Bit(argv[1]));
    if (!output.mkpath(QStringLiteral("."))) {
        std::fprintf(stderr, "%s: cannot create the folder\n", argv[1]);
        return 1;
    }
    for (int i = 2; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        QSvgRenderer renderer(path);
        if (!renderer.isValid()) {
            std::fprintf(stderr, "%s: not a valid SVG icon\n", argv[i]);
            return 1;
        }
        const QString name = QFileInfo(path).completeBaseName();
        QList<QImage> images;
        for (const int size : sizesFor(name)) {
            QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter painter(&image);
            renderer.render(&painter);
            painter.end();
            images.append(image);
        }
        const QByteArray bytes = preflight::gui::prerendered::write(images);
        QSaveFile file(output.filePath(name + QStringLiteral(".pixmaps")));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            std::fprintf(stderr, "%s: cannot write: %s\n", qPrintable(file.fileName()), qPrintable(file.errorString()));
            return 1;
        }
    }
    return 0;
}
