#pragma once

#include <QTextBrowser>

namespace preflight::gui {

// The rendered Markdown of a note someone else may have written. It never loads anything: an
// image (Markdown or raw <img>) shows as a placeholder instead of being read from disk or a
// share, and there is no network access to fetch a remote one, so a note cannot carry a tracking
// pixel or make the desktop connect to a file server. A clicked link goes to LinkOpener, never
// straight to the desktop or into this view.
class NotePreview : public QTextBrowser
{
    Q_OBJECT

public:
    explicit NotePreview(QWidget *parent = nullptr);

    QVariant loadResource(int type, const QUrl &name) override;
};

} // namespace preflight::gui
