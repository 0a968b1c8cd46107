#pragma once

#include <QByteArray>
#include <QDataStream>
#include <QIODevice>
#include <QImage>
#include <QList>

namespace preflight::gui::prerendered {

// The icons in resources/icons are SVG, drawn at any size. The sizes the window needs when it
// opens are also drawn at build time (preflight_icon_prerenderer, with the same Qt SVG renderer)
// and stored as raw premultiplied ARGB, so that opening the window loads neither Qt SVG nor its
// icon plugin. This header is the format both sides share: square images, smallest first.
constexpr quint32 Magic = 0x50464943; // "PFIC"
constexpr quint32 FormatVersion = 1;

inline QByteArray write(const QList<QImage> &images)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out << Magic << FormatVersion << qint32(images.size());
    for (const QImage &image : images) {
        const QImage pixels = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        out << qint32(pixels.width());
        for (int y = 0; y < pixels.height(); ++y)
            out.writeRawData(reinterpret_cast<const char *>(pixels.constScanLine(y)), pixels.width() * 4);
    }
    return bytes;
}

// Empty when the bytes are not a complete set: the caller then draws from the SVG instead.
inline QList<QImage> read(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setByteOrder(QDataStream::LittleEndian);
    quint32 magic = 0;
    quint32 version = 0;
    qint32 count = 0;
    in >> magic >> version >> count;
    if (magic != Magic || version != FormatVersion || count < 0 || count > 16)
        return {};
    QList<QImage> images;
    for (qint32 i = 0; i < count; ++i) {
        qint32 side = 0;
        in >> side;
        if (in.status() != QDataStream::Ok || side <= 0 || side > 1024)
            return {};
        QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
        for (int y = 0; y < side; ++y) {
            if (in.readRawData(reinterpret_cast<char *>(image.scanLine(y)), side * 4) != side * 4)
                return {};
        }
        images.append(image);
    }
    return in.atEnd() ? images : QList<QImage>();
}

} // namespace preflight::gui::prerendered
