#include "import/ExplicitAttributes.h"

#include "model/Profile.h"

#include <QRegularExpression>

namespace preflight::import {

namespace {

const QRegularExpression &kebabWord()
{
    static const QRegularExpression re(QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9]+(-[a-z0-9]+)*")));
    return re;
}

QString valueOf(const BlockAttributes &attributes, const char *key)
{
    const auto found = attributes.find(QLatin1String(key));
    return found == attributes.end() ? QString() : found->second;
}

} // namespace

ExplicitAttributes::ExplicitAttributes(const std::vector<MarkdownBlock> &blocks, Warn warn)
    : m_warn(std::move(warn))
{
    for (const MarkdownBlock &block : blocks) {
        if (block.attributes.isEmpty())
            continue;
        const BlockAttributes attributes = parseAttributes(block.attributes);
        if (const auto id = attributes.find(QStringLiteral("id")); id != attributes.end())
            m_ids.reserve(id->second);
    }
}

QString ExplicitAttributes::id(const BlockAttributes &attributes, int line, const QString &parent, const QString &text,
                               const QString &fallback)
{
    const auto named = attributes.find(QStringLiteral("id"));
    if (named == attributes.end())
        return m_ids.make(parent, text, fallback);
    if (m_ids.claim(named->second))
        return named->second;
    const QString made = m_ids.make(parent, text, fallback);
    m_warn(line,
           QStringLiteral("id \"%1\" is used twice or is not lowercase kebab-case; \"%2\" used instead")
               .arg(named->second, made));
    return made;
}

std::optional<double> ExplicitAttributes::weight(const BlockAttributes &attributes, int line) const
{
    const auto weight = attributes.find(QStringLiteral("weight"));
    if (weight == attributes.end())
        return std::nullopt;
    bool ok = false;
    const double value = weight->second.toDouble(&ok);
    if (ok && value > 0)
        return value;
    m_warn(line, QStringLiteral("weight \"%1\" is not a positive number; ignored").arg(weight->second));
    return std::nullopt;
}

std::optional<SummaryRule> ExplicitAttributes::rule(const BlockAttributes &attributes, int line) const
{
    const auto rule = attributes.find(QStringLiteral("rule"));
    if (rule == attributes.end())
        return std::nullopt;
    if (const auto named = summaryRuleFromKey(rule->second))
        return named;
    m_warn(line, QStringLiteral("unknown summary rule \"%1\"; the rule is read from the wording").arg(rule->second));
    return std::nullopt;
}

// "tags: llm, python": kebab-case words, each once; anything else is left out with a warning.
QStringList ExplicitAttributes::tags(const BlockAttributes &attributes, int line) const
{
    QStringList tags;
    for (const QString &part : valueOf(attributes, "tags").split(u',', Qt::SkipEmptyParts)) {
        const QString tag = part.trimmed();
        if (isReservedTag(tag))
            m_warn(line,
                   QStringLiteral("tag \"%1\" is reserved (--profile %1 has a meaning of its own); left out").arg(tag));
        else if (kebabWord().match(tag).hasMatch() && !tags.contains(tag))
            tags.append(tag);
        else
            m_warn(line, QStringLiteral("tag \"%1\" is not lowercase kebab-case or is repeated; left out").arg(tag));
    }
    return tags;
}

bool ExplicitAttributes::readTemplateComment(const MarkdownBlock &block)
{
    static const QRegularExpression comment(
        QStringLiteral("^<!--\\s*%1\\b(.*?)-->$").arg(QLatin1String(TemplateCommentTag)),
        QRegularExpression::DotMatchesEverythingOption);
    const auto match = comment.match(block.text.trimmed());
    if (!match.hasMatch())
        return false;
    static const QRegularExpression semver(QRegularExpression::anchoredPattern(
        QStringLiteral("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?")));
    const BlockAttributes attributes = parseAttributes(match.captured(1));
    const QString id = valueOf(attributes, "id");
    const QString version = valueOf(attributes, "version");
    if (kebabWord().match(id).hasMatch())
        m_declaredId = id;
    else if (!id.isEmpty())
        m_warn(block.line, QStringLiteral("template id \"%1\" is not lowercase kebab-case; ignored").arg(id));
    if (semver.match(version).hasMatch())
        m_declaredVersion = version;
    else if (!version.isEmpty())
        m_warn(block.line,
               QStringLiteral("\"%1\" is not a semantic version such as 1.1.0; version 1.0.0 used").arg(version));
    return true;
}

} // namespace preflight::import
