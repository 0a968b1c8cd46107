#pragma once

#include <QString>

namespace preflight::gui {

class MainWindow;

// Saves <dir>/<view>-<variant>.png of each view (checklist, risks, signoff, dashboard, changes,
// portfolio) as the window shows them, and for the light variant export-dialog.png,
// import-dialog.png and, when a newer template version is stored, template-update-dialog.png;
// used to produce packaging/screenshots. Returns false if a file failed.
bool takeScreenshots(MainWindow &window, const QString &dir, const QString &variant);

} // namespace preflight::gui
