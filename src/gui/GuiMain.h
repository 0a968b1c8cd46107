#pragma once

namespace preflight::gui {

int run(int argc, char *argv[]); // creates the QApplication and shows the main window

} // namespace preflight::gui
