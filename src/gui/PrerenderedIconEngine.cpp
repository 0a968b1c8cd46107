#include "PrerenderedIconEngine.h"

#include "PrerenderedIconFormat.h"

#include <QApplication>
#include <QPainter>
#include <QResource>
#include <QStyle>
#include <QStyleOption>

namespace preflight::gui {

PrerenderedIconEngine::PrerenderedIconEngine(const QString &name)
    : m_name(name)
{ }

QPixmap PrerenderedIconEngine::prerendered(int side)
{
    if (!m_loaded) {
        m_loaded = true;
        const QResource resource(QStringLiteral(":/icons/prerendered/%1.pixmaps").arg(m_name));
        if (resource.isValid()) {
            for (const QImage &image : prerendered::read(resource.uncompressedData()))
                m_sizes.emplace(image.width(), QPixmap::fromImage(image));
        }
    }
    const auto it = m_sizes.find(side);
    return it == m_sizes.end() ? QPixmap() : it->second;
}

QPixmap PrerenderedIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    QPixmap pixmap = size.width() == size.height() ? prerendered(size.width()) : QPixmap();
    if (pixmap.isNull()) {
        if (m_svg.isNull())
            m_svg = QIcon(QStringLiteral(":/icons/%1.svg").arg(m_name));
        // A ratio of 1: `size` is already in device pixels, as with any icon engine.
        return m_svg.pixmap(size, 1.0, mode, state);
    }
    if (mode == QIcon::Normal || !qobject_cast<QApplication *>(QCoreApplication::instance()))
        return pixmap;
    // What Qt's SVG engine does for the other modes: the style derives them from the normal one.
    QStyleOption option;
    option.palette = QGuiApplication::palette();
    return QApplication::style()->generatedIconPixmap(mode, pixmap, &option);
}

void PrerenderedIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state)
{
    QSize size = rect.size();
    if (painter->device())
        size *= painter->device()->devicePixelRatio();
    painter->drawPixmap(rect, pixmap(size, mode, state));
}

QSize PrerenderedIconEngine::actualSize(const QSize &size, QIcon::Mode, QIcon::State)
{
    // The icons are square and scalable: the largest square that fits, as the SVG engine gives.
    const int side = qMin(size.width(), size.height());
    return QSize(side, side);
}

QString PrerenderedIconEngine::key() const
{
    return QStringLiteral("PrerenderedIconEngine");
}

QIconEngine *PrerenderedIconEngine::clone() const
{
    return new PrerenderedIconEngine(*this);
}

} // namespace preflight::gui
