// The man page and the bash completion are written by hand; these tests hold them to the command
// table, so a new command or option cannot ship undocumented or uncompletable.
#include "cli/CliRunner.h"
#include "cli/Context.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <map>
#include <set>

using namespace preflight;

namespace {

const QString ManPage = QStringLiteral(PREFLIGHT_SOURCE_DIR "/packaging/linux/preflight.1");
const QString Completion = QStringLiteral(PREFLIGHT_SOURCE_DIR "/packaging/linux/preflight.bash-completion");

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QString commandName(const cli::Command &command)
{
    return command.words.join(QLatin1Char(' '));
}

QStringList optionNames(const cli::Command &command)
{
    QStringList names;
    for (const QCommandLineOption &option : command.options) {
        for (const QString &name : option.names())
            names << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    }
    return names;
}

// The man page's text per `.SS` heading, with roff's escaped hyphens and font changes undone.
std::map<QString, QString> manSections()
{
    QFile file(ManPage);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    text.replace(QStringLiteral("\\-"), QStringLiteral("-"));
    text.remove(QRegularExpression(QStringLiteral("\\\\f[BIRP]")));
    std::map<QString, QString> sections;
    QString current;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String(".SS ")) || line.startsWith(QLatin1String(".SH "))) {
            current = line.mid(4).remove(QLatin1Char('"'));
            continue;
        }
        sections[current] += line + QLatin1Char('\n');
    }
    return sections;
}

// What the completion offers after `preflight WORDS...` with the cursor on the last word.
QStringList complete(const QStringList &words)
{
    QProcess bash;
    bash.start(QStringLiteral("bash"),
               QStringList { QStringLiteral("-c"),
                             QStringLiteral("source \"$1\" && shift && COMP_WORDS=(preflight \"$@\") && "
                                            "COMP_CWORD=$# && _preflight && printf '%s\\n' \"${COMPREPLY[@]}\""),
                             QStringLiteral("bash"), Completion }
                   + words);
    REQUIRE(bash.waitForFinished(10000));
    INFO(bash.readAllStandardError().toStdString());
    REQUIRE(bash.exitCode() == 0);
    return QString::fromUtf8(bash.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

TEST_CASE("the command table is complete in the library", "[cli][docs]")
{
    std::set<QString> names;
    for (const cli::Command &command : cli::commandTable())
        names.insert(commandName(command));
    // Every command file's CommandGroup is linked in: one command of each file.
    for (const char *name : { "templates", "project create", "item", "risk add", "signoff", "status", "check",
                              "template import", "export" })
        CHECK(names.count(QString::fromLatin1(name)) == 1);
}

TEST_CASE("the man page documents every command and each of its options", "[cli][docs]")
{
    const auto sections = manSections();
    for (const cli::Command &command : cli::commandTable()) {
        const QString name = commandName(command);
        INFO("preflight " << name.toStdString());
        const auto section = sections.find(name);
        REQUIRE(section != sections.end());
        CHECK(section->second.contains(QStringLiteral("preflight ") + name));
        for (const QString &option : optionNames(command)) {
            INFO(option.toStdString());
            CHECK(QRegularExpression(QRegularExpression::escape(option) + QStringLiteral("(?![\\w-])"))
                      .match(section->second)
                      .hasMatch());
        }
    }
    for (const char *option : { "--db", "--actor", "--json", "--help", "--version" })
        CHECK(sections.at(QStringLiteral("OPTIONS")).contains(QLatin1String(option)));
    // And nothing documented that the program does not know.
    std::set<QString> known;
    for (const cli::Command &command : cli::commandTable())
        known.insert(commandName(command));
    for (const auto &[heading, text] : sections) {
        if (heading == heading.toUpper())
            continue; // .SH sections
        CHECK(known.count(heading) == 1);
    }
}

TEST_CASE("bash completion offers every command and each of its options", "[cli][docs]")
{
    const QStringList first = complete({ QString() });
    std::set<QString> firstWords;
    for (const cli::Command &command : cli::commandTable()) {
        const QString name = commandName(command);
        INFO("preflight " << name.toStdString());
        firstWords.insert(command.words.first());
        CHECK(first.contains(command.words.first()));
        CHECK(complete({ command.words.first().left(2) }).contains(command.words.first()));
        if (command.words.size() == 2)
            CHECK(complete({ command.words.first(), QString() }).contains(command.words.at(1)));

        // Options after the command and its arguments, and after a global option's value.
        QStringList typed = command.words;
        for (int i = 0; i < std::max(command.minArgs, 1); ++i)
            typed << QStringLiteral("ARG");
        const QStringList offered = complete(typed + QStringList { QStringLiteral("-") });
        const QStringList afterDb = complete(QStringList { QStringLiteral("--db"), QStringLiteral("x.db") } + typed
                                             + QStringList { QStringLiteral("--") });
        for (const QString &option : optionNames(command)
                 + QStringList { QStringLiteral("--db"), QStringLiteral("--actor"), QStringLiteral("--json") }) {
            INFO(option.toStdString());
            CHECK(offered.contains(option));
            if (option.startsWith(QLatin1String("--")))
                CHECK(afterDb.contains(option));
        }
    }
    // Nothing offered that the program would refuse.
    for (const QString &word : first) {
        INFO(word.toStdString());
        CHECK((firstWords.count(word) == 1 || word == QLatin1String("help")));
    }
}

TEST_CASE("bash completion offers the values an option accepts", "[cli][docs]")
{
    const auto values = [](const char *option) {
        return complete({ QStringLiteral("export"), QStringLiteral("Apollo"), QString::fromLatin1(option), QString() });
    };
    CHECK(values("--format") == words("md pdf html json csv junit"));
    CHECK(values("--page-size") == words("a4 letter"));
    CHECK(values("--severity") == words("low medium high critical"));
    CHECK(values("--status") == words("open mitigated accepted closed"));
    CHECK(values("--decision") == words("approve approve-with-risks reject"));
    CHECK(values("--min") == words("ready ready-with-risks"));
    CHECK(values("--title").isEmpty()); // free text
    CHECK(
        complete({ QStringLiteral("item"), QStringLiteral("Apollo"), QStringLiteral("testing.x"), QStringLiteral("n") })
        == words("na"));
    CHECK(complete({ QStringLiteral("--db"), QStringLiteral("x.db"), QStringLiteral("--json"), QStringLiteral("ri") })
          == words("risk risks"));
}
