#include "cli/CommandLine.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace preflight::cli {

bool isCommandLine(int argc, char *argv[])
{
    return argc > 1 && argv[1][0] != '-' ? true
           : argc > 1 && (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "--help") == 0
                          || std::strcmp(argv[1], "-h") == 0);
}

int run(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    if (app.arguments().value(1) == QLatin1String("--version")) {
        out << "preflight " << PREFLIGHT_VERSION << '\n';
        return 0;
    }
    out << "Usage: preflight [COMMAND] ...\n";
    return 0;
}

} // namespace preflight::cli
