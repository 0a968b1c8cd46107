#pragma once

#include <QStringList>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace preflight::cli {

// True when the arguments name a command (or --help/--version): then no window is opened.
bool isCommandLine(int argc, char *argv[]);
int run(int argc, char *argv[]); // exit codes: 0 ok, 1 check not met, 2 usage, 3 data

// Runs `preflight ARGS` in this process: what `run` does once the application object exists
// (a QGuiApplication when `export --format pdf` is among the commands run). Reports and tables go
// to `out`, messages to `err`; returns the exit code. This is how the tests drive commands.
int execute(const QStringList &args, QIODevice &out, QIODevice &err);

} // namespace preflight::cli
