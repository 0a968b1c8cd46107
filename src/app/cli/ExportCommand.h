#pragma once

#include <QCoreApplication>

#include <memory>

namespace preflight::cli {

// The application object of a command-line run. `export --format pdf` gets a QGuiApplication
// (fonts and QPainter need Qt Gui) on the offscreen platform: a PDF never needs a display, and a
// configured but unreachable platform (xcb without X) would abort. Every other command gets a
// QCoreApplication, so commands keep running where there is no display at all.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[]);

} // namespace preflight::cli
