#include "GuiMain.h"
#include "cli/CommandLine.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    // Set before either branch so the window and the commands find the same default database
    // and user templates folder (~/.local/share/preflight on Linux).
    QCoreApplication::setApplicationName(QStringLiteral("preflight"));
    // Commands run headless and never need a display; everything else opens the window.
    if (preflight::cli::isCommandLine(argc, argv))
        return preflight::cli::run(argc, argv);
    return preflight::gui::run(argc, argv);
}
