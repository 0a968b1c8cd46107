#pragma once

namespace preflight::gui {

int run(int argc, char *argv[]); // creates the QApplication and shows the main window
void setApplicationIdentity(); // organisation/application names behind QSettings and data paths

} // namespace preflight::gui
