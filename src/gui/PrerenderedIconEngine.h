#pragma once

#include <QIcon>
#include <QIconEngine>

#include <map>

namespace preflight::gui {

// Serves the sizes drawn at build time (PrerenderedIconFormat.h) and draws any other size from
// the SVG, loading Qt SVG only then: icons stay crisp at every size and pixel density while the
// window opens without the SVG renderer. Other modes (disabled, selected) go through the style,
// as Qt's SVG engine does.
class PrerenderedIconEngine : public QIconEngine
{
public:
    explicit PrerenderedIconEngine(const QString &name); // resources/icons/<name>.svg

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QString key() const override;
    QIconEngine *clone() const override;
    bool isNull() override { return false; }

private:
    QPixmap prerendered(int side);

    QString m_name;
    bool m_loaded = false;
    std::map<int, QPixmap> m_sizes; // side → the build's rendering
    QIcon m_svg; // created the first time a size was not drawn in advance
};

} // namespace preflight::gui
