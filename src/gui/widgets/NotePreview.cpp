#include "NotePreview.h"

#include "LinkOpener.h"

#include <QImage>

namespace preflight::gui {

NotePreview::NotePreview(QWidget *parent)
    : QTextBrowser(parent)
{
    // Not navigating: a clicked link is only reported, and LinkOpener decides.
    setOpenLinks(false);
    setOpenExternalLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) { LinkOpener::open(url, this); });
}

QVariant NotePreview::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(name);
    // Not null, or QTextDocument would go on to read a local path itself; an empty image draws
    // as Qt's placeholder.
    return type == QTextDocument::ImageResource ? QVariant(QImage()) : QVariant(QString());
}

} // namespace preflight::gui
