#include "cli/CommandLine.h"
#include "GuiMain.h"

int main(int argc, char *argv[])
{
    // Commands run headless and never need a display; everything else opens the window.
    if (preflight::cli::isCommandLine(argc, argv))
        return preflight::cli::run(argc, argv);
    return preflight::gui::run(argc, argv);
}
