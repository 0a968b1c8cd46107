#include "GuiMain.h"

#include <QApplication>
#include <QMainWindow>

namespace preflight::gui {

int run(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.show();
    return app.exec();
}

} // namespace preflight::gui
