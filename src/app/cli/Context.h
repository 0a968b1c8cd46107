#pragma once

// What every command file shares: the command table, the common options (--db, --actor,
// --json), opening the store, finding projects and templates, parsing option values, and
// printing. Errors are reported by throwing preflight::Error: the dispatcher prints the message
// to stderr and maps its kind to the exit code.

#include "Error.h"
#include "model/Project.h"
#include "model/Template.h"
#include "scoring/Assessment.h"
#include "templates/ProjectTemplates.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDate>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <vector>

namespace preflight {
class Store;
class TemplateRegistry;
} // namespace preflight

namespace preflight::cli {

enum ExitCode : int { Success = 0, NotMet = 1, UsageError = 2, DataError = 3 };

class Context;

struct Command
{
    QStringList words; // e.g. {"risk", "add"}; the longest match wins
    QString synopsis; // what follows the words, for help: "PROJECT --title TEXT ..."
    QString summary; // one line for `preflight --help`
    QList<QCommandLineOption> options; // besides the common --db, --actor, --json and --help
    int minArgs = 0; // positional arguments after the words
    int maxArgs = 0; // -1: no limit
    int (*run)(Context &) = nullptr; // returns the exit code
    bool createsDatabase = false; // may create the database file when it does not exist yet
};

// A command group registers itself with one line in its own file:
//     const CommandGroup riskCommands{{ {...}, {...} }};
// (and its .cpp is listed in src/app/cli/CMakeLists.txt). Nothing else needs to change.
struct CommandGroup
{
    explicit CommandGroup(std::vector<Command> commands);
};
const std::vector<Command> &commandTable();

// A command's own option: with a valueName it takes a value ("--owner NAME"), else it is a flag.
QCommandLineOption makeOption(const char *name, const char *description, const char *valueName = nullptr);

class Context
{
public:
    Context(const Command &command, const QCommandLineParser &parser, QTextStream &out, QTextStream &err);
    ~Context();
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;

    // --- arguments
    const Command &command() const { return m_command; }
    const QStringList &args() const { return m_args; } // positional, after the command words
    QString arg(int index) const { return m_args.value(index); }
    bool isSet(const QString &option) const { return m_parser.isSet(option); }
    QString value(const QString &option) const { return m_parser.value(option); }
    std::optional<QString> optionalValue(const QString &option) const; // nullopt when not given
    QString requiredValue(const QString &option) const; // Error(Usage) when not given
    QStringList values(const QString &option) const { return m_parser.values(option); }
    bool json() const { return m_parser.isSet(QStringLiteral("json")); }
    QString dbPath() const; // the file, or the server as connected to
    QString actor() const { return m_actor; }
    QString usage() const; // "usage: preflight risk add PROJECT ..."

    // --- data
    Store &store(); // opened on first use; Error(Data) when the file does not exist
    bool databaseExists() const;
    const TemplateRegistry &templates();
    const Template &templateById(const QString &id); // newest version; Error(Data) when unknown
    // That exact version: installed, else stored in the database (when there is one). Error(Data)
    // naming the installed versions when neither has it.
    const Template &templateVersion(const QString &id, const QString &version);
    // The exact version the project uses (resolveTemplate); Error(Data) naming it when missing.
    const Template &templateOf(const Project &project);
    Project project(const QString &name); // Error(Data) naming the project and database
    Review review(const Project &project);
    Review review(const QString &projectName) { return review(project(projectName)); }
    QDate today() const { return QDate::currentDate(); }

    // --- output
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    void printJson(const nlohmann::json &document);
    void warn(const QString &message); // "preflight: warning: ..." on stderr

private:
    const Command &m_command;
    const QCommandLineParser &m_parser;
    QStringList m_args;
    QString m_dbPath;
    QString m_actor;
    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<TemplateRegistry> m_templates;
    std::vector<std::shared_ptr<const Template>> m_resolved; // what templateOf handed out
};

// --- option values: each throws Error(Usage) naming the option and the accepted values.
QDate parseDate(const QString &text, const QString &what); // strict YYYY-MM-DD
std::optional<QDate> parseOptionalDate(const QString &text, const QString &what); // "none" clears
// A moment: an ISO 8601 date-time (local time unless it names an offset or Z), or a date
// YYYY-MM-DD meaning the start of that local day (DayEdge::Start) or its last millisecond (End).
enum class DayEdge { Start, End };
QDateTime parseMoment(const QString &text, const QString &what, DayEdge edge);
Severity parseSeverity(const QString &text, const QString &what);
RiskStatus parseRiskStatus(const QString &text, const QString &what);
Decision parseDecision(const QString &text, const QString &what);
qint64 parseId(const QString &text, const QString &what);
Error usageError(const QString &message);
Error dataError(const QString &message);

// --- human output
QString formatDate(const std::optional<QDate> &date); // "2026-11-25" or "-"
QString formatTime(const QDateTime &time); // "2026-11-25 14:03 UTC" or "-"
// Prints rows with columns padded to their widest cell; the last column is never padded.
void printTable(QTextStream &out, const std::vector<QStringList> &rows, const QString &indent = {});
// Adds the "schema" key scripts use to detect format changes, e.g. "preflight.risks/1".
nlohmann::json document(const char *schema, nlohmann::json body);

} // namespace preflight::cli
