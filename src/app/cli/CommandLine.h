#pragma once

namespace preflight::cli {

// True when the arguments name a command (or --help/--version): then no window is opened.
bool isCommandLine(int argc, char *argv[]);
int run(int argc, char *argv[]); // exit codes: 0 ok, 1 check not met, 2 usage, 3 data

} // namespace preflight::cli
