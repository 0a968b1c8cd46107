#include "import/HeadingMapping.h"

#include "export/MarkdownText.h"

#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace preflight::import {
namespace {

using Kind = MarkdownBlock::Kind;

std::optional<Severity> severityWord(const QString &word)
{
    return severityFromKey(word.toLower());
}

// Words count as markers only where they cannot be part of a title: in brackets, after a dash
// or colon at the end, before a colon at the start, with "priority", or as the whole title.
// "High Availability" and "Low-latency design" keep their meaning.
const QRegularExpression &severityWordPattern()
{
    static const QRegularExpression re(
        QStringLiteral("[(\\[]\\s*(critical|high|medium|low)(?:[ -]priority)?\\s*[)\\]]"
                       "|(?:^|\\s)[-–—:]\\s*(critical|high|medium|low)(?:[ -]priority)?\\s*$"
                       "|^(critical|high|medium|low)(?:[ -]priority)?\\s*[-–—:]\\s+"
                       "|^(critical|high|medium|low)[ -]priority(?:\\s+items)?\\s*$"
                       "|^(critical|high|medium|low)$"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

enum class NamedKind { Plain, Summary, SignOff, Risks, Notes };

NamedKind namedKind(const QString &title)
{
    static const QRegularExpression notLetter(QStringLiteral("[^a-z ]"));
    const QString name = title.toLower().remove(notLetter).simplified();
    if (name == QLatin1String("executive summary") || name == QLatin1String("acceptance criteria"))
        return NamedKind::Summary;
    if (name == QLatin1String("signoff") || name == QLatin1String("sign off") || name == QLatin1String("signoffs")
        || name == QLatin1String("sign offs") || name == QLatin1String("approvals"))
        return NamedKind::SignOff;
    if (name == QLatin1String("risk assessment") || name == QLatin1String("risks")
        || name == QLatin1String("known risks") || name == QLatin1String("risk register"))
        return NamedKind::Risks;
    if (name == QLatin1String("notes"))
        return NamedKind::Notes;
    return NamedKind::Plain;
}

HeadingRole metaRole(NamedKind kind)
{
    switch (kind) {
    case NamedKind::SignOff:
        return HeadingRole::SignOff;
    case NamedKind::Risks:
        return HeadingRole::Risks;
    case NamedKind::Notes:
        return HeadingRole::Notes;
    default:
        return HeadingRole::Context;
    }
}

struct Heading
{
    size_t block = 0;
    int level = 0;
    NamedKind kind = NamedKind::Plain;
    bool inSummary = false; // inside a summary heading's subtree
    int items = 0; // checklist (non-summary) task items in its subtree
};

int chooseCategoryLevel(const std::vector<Heading> &headings, const HeadingPlan &plan)
{
    auto holdsChecklist = [](const Heading &h) { return h.items > 0 && !h.inSummary && h.kind != NamedKind::Summary; };
    int marked = 0;
    std::map<int, int> perLevel;
    for (const Heading &h : headings) {
        if (!holdsChecklist(h))
            continue;
        ++perLevel[h.level];
        if (plan.texts[h.block].severity && (marked == 0 || h.level < marked))
            marked = h.level;
    }
    if (marked > 0)
        return marked;
    for (const auto &[level, count] : perLevel) {
        if (count >= 2)
            return level;
    }
    return perLevel.empty() ? 0 : perLevel.begin()->first;
}

} // namespace

HeadingText parseHeadingText(const QString &text)
{
    HeadingText result;
    QString title = text;
    const std::pair<QString, Severity> markers[] = { { QStringLiteral("🔴"), Severity::Critical },
                                                     { QStringLiteral("🟠"), Severity::High },
                                                     { QStringLiteral("🟡"), Severity::Medium },
                                                     { QStringLiteral("🟢"), Severity::Low } };
    for (const auto &[marker, severity] : markers) {
        if (title.contains(marker)) {
            result.severity = result.severity.value_or(severity);
            title.remove(marker);
        }
    }
    title = title.simplified();
    if (!result.severity) {
        const auto match = severityWordPattern().match(title);
        if (match.hasMatch()) {
            for (int group = 1; group <= match.lastCapturedIndex(); ++group) {
                if (match.capturedLength(group) > 0)
                    result.severity = severityWord(match.captured(group));
            }
            const QString rest = QString(title).remove(match.capturedStart(), match.capturedLength()).simplified();
            if (!rest.isEmpty())
                title = rest;
        }
    }
    static const QRegularExpression numbered(QStringLiteral("^(\\d{1,4})[.)]\\s+(.+)$"));
    if (const auto match = numbered.match(title); match.hasMatch()) {
        result.number = match.captured(1).toInt();
        title = match.captured(2);
    }
    // Headings may escape punctuation ("Monitoring \& Alerting", as the Markdown report writes).
    result.title = unescapeMarkdown(title).trimmed();
    if (result.title.isEmpty()) // "## 🔴" or an empty "###": every title must say something
        result.title = QStringLiteral("Untitled");
    return result;
}

HeadingPlan planHeadings(const std::vector<MarkdownBlock> &blocks)
{
    HeadingPlan plan;
    plan.roles.resize(blocks.size(), HeadingRole::Context);
    plan.texts.resize(blocks.size());

    std::vector<Heading> headings;
    std::vector<size_t> stack; // indexes into `headings`
    for (size_t i = 0; i < blocks.size(); ++i) {
        const MarkdownBlock &block = blocks[i];
        if (block.kind == Kind::Heading) {
            plan.texts[i] = parseHeadingText(block.text);
            plan.texts[i].attributes = parseAttributes(block.attributes);
            while (!stack.empty() && headings[stack.back()].level >= block.level)
                stack.pop_back();
            const bool markedSummary = plan.texts[i].attributes.count(QStringLiteral("summary")) > 0;
            Heading heading { i, block.level, markedSummary ? NamedKind::Summary : namedKind(plan.texts[i].title) };
            heading.inSummary = std::any_of(stack.begin(), stack.end(), [&](size_t h) {
                return headings[h].kind == NamedKind::Summary || headings[h].inSummary;
            });
            headings.push_back(heading);
            stack.push_back(headings.size() - 1);
        } else if (block.kind == Kind::Task) {
            const bool summary = std::any_of(stack.begin(), stack.end(),
                                             [&](size_t h) { return headings[h].kind == NamedKind::Summary; });
            for (size_t h : stack)
                headings[h].items += summary ? 0 : 1;
        }
    }

    plan.categoryLevel = chooseCategoryLevel(headings, plan);
    const int level = plan.categoryLevel;
    for (size_t h = 0; h < headings.size(); ++h) {
        const Heading &heading = headings[h];
        HeadingRole &role = plan.roles[heading.block];
        if (heading.kind == NamedKind::Summary)
            role = HeadingRole::Summary;
        else if (heading.kind != NamedKind::Plain && heading.items == 0)
            role = metaRole(heading.kind);
        else if (level > 0 && heading.level == level)
            role = HeadingRole::Category;
        else if (level > 0 && heading.level > level)
            role = HeadingRole::Section;
        else
            role = HeadingRole::Context;
    }
    // The first heading is the document's title when nothing else shares its level.
    if (!headings.empty() && plan.roles[headings.front().block] == HeadingRole::Context) {
        const int titleLevel = headings.front().level;
        const bool unique
            = std::count_if(headings.begin(), headings.end(), [&](const Heading &h) { return h.level == titleLevel; })
            == 1;
        if (unique)
            plan.roles[headings.front().block] = HeadingRole::Title;
    }
    return plan;
}

} // namespace preflight::import
