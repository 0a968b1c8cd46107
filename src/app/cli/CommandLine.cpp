#include "cli/CommandLine.h"

#include "cli/Context.h"
#include "cli/ExportCommand.h"
#include "storage/Store.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cstring>

namespace preflight::cli {

namespace {

const QCommandLineOption DbOption(QStringLiteral("db"),
                                  QStringLiteral("Database file (default: the per-user database)."),
                                  QStringLiteral("PATH"));
const QCommandLineOption ActorOption(QStringLiteral("actor"), QStringLiteral("Name the audit trail records."),
                                     QStringLiteral("NAME"));
const QCommandLineOption JsonOption(QStringLiteral("json"), QStringLiteral("Print a JSON document."));
const QCommandLineOption HelpOption(QStringList { QStringLiteral("h"), QStringLiteral("help") },
                                    QStringLiteral("Show this help."));

int exitCodeFor(Error::Kind kind)
{
    return kind == Error::Kind::Usage ? UsageError : DataError;
}

// The command whose words are the longest prefix of the arguments.
const Command *findCommand(const QStringList &args)
{
    const Command *best = nullptr;
    for (const Command &command : commandTable()) {
        if (args.size() >= command.words.size() && args.mid(0, command.words.size()) == command.words
            && (!best || command.words.size() > best->words.size()))
            best = &command;
    }
    return best;
}

void printHelp(QTextStream &out)
{
    out << "Usage: preflight                 open the window\n"
           "       preflight COMMAND [ARGS]  run headless (no display needed)\n\n"
           "Commands:\n";
    // Synopses are too long for columns: each command gets a line, its summary the next.
    std::vector<const Command *> commands;
    for (const Command &command : commandTable())
        commands.push_back(&command);
    std::sort(commands.begin(), commands.end(), [](const Command *a, const Command *b) { return a->words < b->words; });
    for (const Command *command : commands)
        out << "  " << command->words.join(QLatin1Char(' ')) << ' ' << command->synopsis << "\n      "
            << command->summary << '\n';
    out << "\nEvery command takes --db PATH (default " << Store::defaultPath() << "),\n"
        << "--actor NAME (who the audit trail records; default " << Store::defaultActor() << ") and --json.\n"
        << "`preflight COMMAND --help` shows a command's options.\n"
        << "Exit codes: 0 success, 1 check or verification not met, 2 usage error, 3 data error.\n";
}

void printCommandHelp(QTextStream &out, const Command &command)
{
    out << "usage: preflight " << command.words.join(QLatin1Char(' ')) << ' ' << command.synopsis << "\n\n"
        << command.summary << "\n\nOptions:\n";
    std::vector<QStringList> rows;
    auto addRow = [&](const QCommandLineOption &option) {
        QString name = QStringLiteral("--") + option.names().constLast();
        if (!option.valueName().isEmpty())
            name += QLatin1Char(' ') + option.valueName();
        rows.push_back({ name, option.description() });
    };
    for (const QCommandLineOption &option : command.options)
        addRow(option);
    for (const QCommandLineOption *option : { &DbOption, &ActorOption, &JsonOption })
        addRow(*option);
    printTable(out, rows, QStringLiteral("  "));
}

int dispatch(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const Command *command = findCommand(args);
    if (!command) {
        QStringList group;
        for (const Command &candidate : commandTable()) {
            if (candidate.words.size() > 1 && candidate.words.first() == args.first())
                group << candidate.words.join(QLatin1Char(' '));
        }
        throw usageError(group.isEmpty()
                             ? QStringLiteral("unknown command \"%1\" (see preflight --help)").arg(args.first())
                             : QStringLiteral("unknown command \"%1\" (one of: %2)")
                                   .arg(args.mid(0, 2).join(QLatin1Char(' ')), group.join(QStringLiteral(", "))));
    }

    QCommandLineParser parser;
    parser.addOptions({ DbOption, ActorOption, JsonOption, HelpOption });
    parser.addOptions(command->options);
    if (!parser.parse(QStringList { QStringLiteral("preflight") } + args))
        throw usageError(
            parser.errorText()
            + QStringLiteral("\nusage: preflight %1 %2").arg(command->words.join(QLatin1Char(' ')), command->synopsis));
    if (parser.isSet(HelpOption)) {
        printCommandHelp(out, *command);
        return Success;
    }

    Context context(*command, parser, out, err);
    const qsizetype count = context.args().size();
    if (count < command->minArgs || (command->maxArgs >= 0 && count > command->maxArgs))
        throw usageError(QStringLiteral("%1 %2\n%3")
                             .arg(count < command->minArgs ? QStringLiteral("missing arguments for")
                                                           : QStringLiteral("too many arguments for"),
                                  command->words.join(QLatin1Char(' ')), context.usage()));
    return command->run(context);
}

} // namespace

namespace {

// How many of `args` are global options ("--db PATH", "--actor NAME", "--json", or their
// "--db=PATH" forms) standing before the command, so "preflight --db X projects" finds it.
int leadingGlobalOptions(const QStringList &args)
{
    int count = 0;
    while (count < args.size()) {
        const QString &arg = args.at(count);
        if (arg == QLatin1String("--json"))
            count += 1;
        else if ((arg == QLatin1String("--db") || arg == QLatin1String("--actor")) && count + 1 < args.size())
            count += 2;
        else if (arg.startsWith(QLatin1String("--db=")) || arg.startsWith(QLatin1String("--actor=")))
            count += 1;
        else
            break;
    }
    return count;
}

} // namespace

bool isCommandLine(int argc, char *argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    // "--db X" alone opens the window on that database.
    const QString first = args.value(leadingGlobalOptions(args));
    if (first.isEmpty())
        return false;
    return !first.startsWith(u'-') || first == QLatin1String("--version") || first == QLatin1String("--help")
        || first == QLatin1String("-h");
}

int execute(const QStringList &arguments, QIODevice &outDevice, QIODevice &errDevice)
{
    QTextStream out(&outDevice);
    QTextStream err(&errDevice);
    // Global options may come before the command; the parser takes them anywhere after it.
    const int globals = leadingGlobalOptions(arguments);
    const QStringList args = arguments.mid(globals) + arguments.mid(0, globals);
    if (args.value(0) == QLatin1String("--version")) {
        out << "preflight " << PREFLIGHT_VERSION << '\n';
        return Success;
    }
    if (args.value(0) == QLatin1String("--help") || args.value(0) == QLatin1String("-h")
        || args.value(0) == QLatin1String("help")) {
        printHelp(out);
        return Success;
    }
    try {
        return dispatch(args, out, err);
    } catch (const Error &error) {
        out.flush();
        err << "preflight: " << error.message() << '\n';
        return exitCodeFor(error.kind());
    } catch (const std::exception &error) {
        out.flush();
        err << "preflight: " << QString::fromLocal8Bit(error.what()) << '\n';
        return DataError;
    }
}

int run(int argc, char *argv[])
{
    // QCoreApplication only (a PDF export gets an offscreen QGuiApplication): commands must run
    // where there is no display.
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    // Unbuffered: the text streams in execute() are the only buffers, flushed when they end.
    QFile out;
    QFile err;
    if (!out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered)
        || !err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered))
        return DataError; // nowhere to say so
    return execute(app->arguments().mid(1), out, err);
}

} // namespace preflight::cli
