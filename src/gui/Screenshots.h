#pragma once

#include <QString>

namespace preflight::gui {

class MainWindow;

// Saves <dir>/<view>-<variant>.png of each view (checklist, risks, signoff, dashboard) as the
// window shows them; used to produce packaging/screenshots. Returns false if a file failed.
bool takeScreenshots(MainWindow &window, const QString &dir, const QString &variant);

} // namespace preflight::gui
