#include "cli/Context.h"

#include "scoring/StatusJson.h"
#include "storage/Store.h"
#include "templates/TemplateRegistry.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace preflight::cli {

namespace {

std::vector<Command> &mutableTable()
{
    static std::vector<Command> table;
    return table;
}

} // namespace

CommandGroup::CommandGroup(std::vector<Command> commands)
{
    for (Command &command : commands)
        mutableTable().push_back(std::move(command));
}

const std::vector<Command> &commandTable()
{
    return mutableTable();
}

QCommandLineOption makeOption(const char *name, const char *description, const char *valueName)
{
    if (!valueName)
        return QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(description));
    return QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(description),
                              QString::fromLatin1(valueName));
}

Error usageError(const QString &message)
{
    return Error(Error::Kind::Usage, message);
}

Error dataError(const QString &message)
{
    return Error(Error::Kind::Data, message);
}

Context::Context(const Command &command, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
    : m_command(command)
    , m_parser(parser)
    , m_args(parser.positionalArguments().mid(command.words.size()))
    , m_dbPath(parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : Store::defaultPath())
    , m_actor(parser.isSet(QStringLiteral("actor")) ? parser.value(QStringLiteral("actor")) : Store::defaultActor())
    , m_out(out)
    , m_err(err)
{
    if (m_dbPath.isEmpty())
        throw usageError(QStringLiteral("--db needs a file path"));
    if (m_actor.trimmed().isEmpty())
        throw usageError(QStringLiteral("--actor needs a name"));
}

Context::~Context() = default;

std::optional<QString> Context::optionalValue(const QString &option) const
{
    if (!m_parser.isSet(option))
        return std::nullopt;
    return m_parser.value(option);
}

QString Context::requiredValue(const QString &option) const
{
    if (!m_parser.isSet(option))
        throw usageError(QStringLiteral("--%1 is required\n%2").arg(option, usage()));
    return m_parser.value(option);
}

QString Context::usage() const
{
    return QStringLiteral("usage: preflight %1 %2").arg(m_command.words.join(QLatin1Char(' ')), m_command.synopsis);
}

bool Context::databaseExists() const
{
    return Store::isServerLocation(m_dbPath) || QFileInfo::exists(m_dbPath);
}

QString Context::dbPath() const
{
    // Once connected, a server is named as libpq resolved it, never with a password in it.
    return m_store ? m_store->path() : m_dbPath;
}

Store &Context::store()
{
    if (!m_store) {
        // Read commands and edits of existing projects must not leave an empty database
        // behind when pointed at a wrong path.
        if (!m_command.createsDatabase && !databaseExists())
            throw dataError(QStringLiteral("no database at %1 (create a project first, or pass --db)").arg(m_dbPath));
        if (Store::isServerLocation(m_dbPath) && m_parser.isSet(QStringLiteral("actor")))
            throw usageError(QStringLiteral("--actor is refused on a team server: the server records the login it "
                                            "authenticated, so that nobody can act in another's name"));
        // A command reads the file once and ends: the whole-file check waits for its first write.
        m_store = Store::open(m_dbPath, m_actor, {}, Store::FileCheck::BeforeFirstWrite);
    }
    return *m_store;
}

const TemplateRegistry &Context::templates()
{
    if (!m_templates) {
        m_templates = std::make_unique<TemplateRegistry>();
        m_templates->loadUserTemplates();
    }
    return *m_templates;
}

const Template &Context::templateById(const QString &id)
{
    if (const Template *tmpl = templates().find(id))
        return *tmpl;
    QStringList known;
    for (const Template &tmpl : templates().templates())
        known << tmpl.id;
    known.removeDuplicates();
    throw dataError(
        QStringLiteral("unknown template \"%1\" (installed: %2)").arg(id, known.join(QStringLiteral(", "))));
}

const Template &Context::templateVersion(const QString &id, const QString &version)
{
    if (const Template *tmpl = templates().find(id, version))
        return *tmpl;
    // A version only a project still uses may be stored in the database alone, even when no
    // version of the id is installed any more.
    if (databaseExists()) {
        if (auto stored = store().storedTemplate(id, version)) {
            m_resolved.push_back(stored);
            return *stored;
        }
    }
    templateById(id); // names the installed ids when this one is unknown
    QStringList installed;
    for (const Template &tmpl : templates().templates()) {
        if (tmpl.id == id)
            installed << tmpl.version;
    }
    std::sort(installed.begin(), installed.end(),
              [](const QString &a, const QString &b) { return TemplateRegistry::isNewer(b, a); });
    throw dataError(QStringLiteral("template \"%1\" has no version %2 (installed: %3)")
                        .arg(id, version, installed.join(QStringLiteral(", "))));
}

const Template &Context::templateOf(const Project &project)
{
    return *m_resolved.emplace_back(resolveTemplate(store(), templates(), project));
}

Project Context::project(const QString &name)
{
    if (std::optional<Project> found = store().findProject(name))
        return *found;
    throw dataError(
        QStringLiteral("unknown project \"%1\" in %2 (`preflight projects` lists them)").arg(name, m_dbPath));
}

Review Context::review(const Project &project)
{
    return loadReview(store(), templates(), project, today());
}

void Context::printJson(const nlohmann::json &document)
{
    m_out << QString::fromStdString(document.dump(2)) << '\n';
}

void Context::warn(const QString &message)
{
    m_err << "preflight: warning: " << message << '\n';
}

QDate parseDate(const QString &text, const QString &what)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!shape.match(text).hasMatch() || !date.isValid())
        throw usageError(QStringLiteral("%1: \"%2\" is not a valid date (YYYY-MM-DD)").arg(what, text));
    return date;
}

QDateTime parseMoment(const QString &text, const QString &what, DayEdge edge)
{
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (dateOnly.match(text).hasMatch()) {
        const QDate date = parseDate(text, what);
        return edge == DayEdge::Start ? date.startOfDay() : date.endOfDay();
    }
    static const QRegularExpression dateTime(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}"));
    const QDateTime moment = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dateTime.match(text).hasMatch() || !moment.isValid())
        throw usageError(QStringLiteral("%1: \"%2\" is neither a date (YYYY-MM-DD) nor an ISO 8601 date-time "
                                        "(YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM])")
                             .arg(what, text));
    return moment;
}

std::optional<QDate> parseOptionalDate(const QString &text, const QString &what)
{
    if (text == QLatin1String("none"))
        return std::nullopt;
    return parseDate(text, what);
}

namespace {

template<typename Enum>
Enum parseKey(const QString &text, const QString &what, std::optional<Enum> (*fromKey)(const QString &),
              std::initializer_list<Enum> values, QString (*toKey)(Enum))
{
    if (std::optional<Enum> value = fromKey(text))
        return *value;
    QStringList keys;
    for (Enum value : values)
        keys << toKey(value);
    throw usageError(
        QStringLiteral("%1: unknown value \"%2\" (one of %3)").arg(what, text, keys.join(QLatin1Char('|'))));
}

} // namespace

Severity parseSeverity(const QString &text, const QString &what)
{
    return parseKey(text, what, &severityFromKey,
                    { Severity::Low, Severity::Medium, Severity::High, Severity::Critical }, &severityKey);
}

RiskStatus parseRiskStatus(const QString &text, const QString &what)
{
    return parseKey(text, what, &riskStatusFromKey,
                    { RiskStatus::Open, RiskStatus::Mitigated, RiskStatus::Accepted, RiskStatus::Closed },
                    &riskStatusKey);
}

Decision parseDecision(const QString &text, const QString &what)
{
    return parseKey(text, what, &decisionFromKey, { Decision::Approve, Decision::ApproveWithRisks, Decision::Reject },
                    &decisionKey);
}

qint64 parseId(const QString &text, const QString &what)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        throw usageError(QStringLiteral("%1: \"%2\" is not a number").arg(what, text));
    return id;
}

QString formatDate(const std::optional<QDate> &date)
{
    return date && date->isValid() ? date->toString(Qt::ISODate) : QStringLiteral("-");
}

QString formatTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : QStringLiteral("-");
}

void printTable(QTextStream &out, const std::vector<QStringList> &rows, const QString &indent)
{
    std::vector<qsizetype> widths;
    for (const QStringList &row : rows) {
        widths.resize(std::max<std::size_t>(widths.size(), row.size()));
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    for (const QStringList &row : rows) {
        QString line = indent;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        out << line << '\n';
    }
}

nlohmann::json document(const char *schema, nlohmann::json body)
{
    nlohmann::json result = { { "schema", schema } };
    result.update(body);
    return result;
}

} // namespace preflight::cli
