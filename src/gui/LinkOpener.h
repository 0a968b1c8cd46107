#pragma once

#include "model/LinkPolicy.h"

#include <QString>
#include <QUrl>

#include <functional>

class QWidget;

namespace preflight::gui {

// Every link the window opens goes through here, so LinkPolicy decides for all of them: web
// addresses and mailto go to the desktop at once; other schemes only after a dialog that shows
// the full target and defaults to Cancel; javascript:, data: and text that is no address never,
// with a message saying why.
class LinkOpener
{
public:
    // Whether the link was handed to the desktop.
    static bool open(const QUrl &url, QWidget *parent);
    static bool open(const QString &link, QWidget *parent) { return open(QUrl(link.trimmed()), parent); }
    // A file or folder Preflight itself has just written (an exported report): opened without
    // asking, as nobody else chose the address.
    static bool openOwnFile(const QString &path);

    // What hands a URL to the desktop (QDesktopServices::openUrl); tests put a recorder here.
    // Returns the one it replaces.
    using Launcher = std::function<bool(const QUrl &)>;
    static Launcher setLauncher(Launcher launcher);
};

} // namespace preflight::gui
