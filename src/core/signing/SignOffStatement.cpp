#include "signing/SignOffStatement.h"

#include "storage/TimeFormat.h"

#include <QStringList>

namespace preflight {

namespace {

constexpr QLatin1StringView header("preflight-signoff/1");

// Field names in their fixed order, paired with the member they hold.
struct Field
{
    const char *name;
    QString SignOffStatement::*member;
};

constexpr Field fields[] = {
    { "project", &SignOffStatement::project },
    { "template", &SignOffStatement::templateId },
    { "template-version", &SignOffStatement::templateVersion },
    { "role", &SignOffStatement::role },
    { "name", &SignOffStatement::name },
    { "decision", &SignOffStatement::decision },
    { "date", &SignOffStatement::date },
    { "state-digest", &SignOffStatement::stateDigest },
};

QString escaped(QString value)
{
    return value.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\n'), QLatin1String("\\n"));
}

std::optional<QString> unescaped(const QString &value)
{
    QString out;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] != QLatin1Char('\\')) {
            out += value[i];
            continue;
        }
        if (++i == value.size())
            return std::nullopt;
        if (value[i] == QLatin1Char('n'))
            out += QLatin1Char('\n');
        else if (value[i] == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        else
            return std::nullopt;
    }
    return out;
}

} // namespace

SignOffStatement SignOffStatement::of(const Project &project, const SignOff &signoff)
{
    return { project.name,
             project.templateId,
             project.templateVersion,
             signoff.role,
             signoff.name,
             decisionKey(signoff.decision),
             formatTime(signoff.date),
             signoff.stateDigest };
}

QString SignOffStatement::text() const
{
    QString out = header + QLatin1Char('\n');
    for (const Field &field : fields)
        out += QLatin1String(field.name) + QLatin1String(": ") + escaped(this->*field.member) + QLatin1Char('\n');
    return out;
}

std::optional<SignOffStatement> SignOffStatement::parse(const QString &text)
{
    if (!text.endsWith(QLatin1Char('\n')))
        return std::nullopt;
    const QStringList lines = text.chopped(1).split(QLatin1Char('\n'));
    if (lines.size() != 1 + qsizetype(std::size(fields)) || lines[0] != header)
        return std::nullopt;
    SignOffStatement statement;
    for (size_t i = 0; i < std::size(fields); ++i) {
        const QString prefix = QLatin1String(fields[i].name) + QLatin1String(": ");
        const QString &line = lines[qsizetype(i) + 1];
        if (!line.startsWith(prefix))
            return std::nullopt;
        const auto value = unescaped(line.mid(prefix.size()));
        if (!value)
            return std::nullopt;
        statement.*fields[i].member = *value;
    }
    // Only the canonical spelling is accepted, so one statement has exactly one text.
    if (statement.text() != text)
        return std::nullopt;
    return statement;
}

QStringList SignOffStatement::differences(const SignOffStatement &row) const
{
    // A template migration moves the project to a new version and keeps the signed digest behind
    // "migrated from V: " prefixes (Store::migrateProject); the innermost names the signed version.
    const bool migrated = row.stateDigest.startsWith(QLatin1String("migrated from "))
        && row.stateDigest.endsWith(QLatin1String("migrated from ") + templateVersion + QLatin1String(": ")
                                    + stateDigest);
    QStringList different;
    for (const Field &field : fields) {
        if (this->*field.member == row.*field.member)
            continue;
        if (migrated
            && (field.member == &SignOffStatement::stateDigest || field.member == &SignOffStatement::templateVersion))
            continue;
        different << QLatin1String(field.name);
    }
    return different;
}

} // namespace preflight
