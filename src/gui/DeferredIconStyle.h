#pragma once

#include <QProxyStyle>

namespace preflight::gui {

// The application's style, changed in one respect: the arrow on the overflow button of the menu
// bar and the toolbar is fetched from the real style when it is first drawn, not when the bar is
// created. Qt's common style builds that icon from PNG files, and the first PNG a program opens
// makes Qt load and probe every image-format plugin (GIF, ICO, JPEG, SVG): a visible share of
// the time to the first window, for a button that appears only when the window is too narrow
// for its bar. Drawn, the arrow is exactly the style's own.
class DeferredIconStyle : public QProxyStyle
{
    Q_OBJECT

public:
    explicit DeferredIconStyle(QStyle *base = nullptr);

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
};

} // namespace preflight::gui
