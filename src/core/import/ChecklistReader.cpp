#include "import/ChecklistReader.h"

#include "Error.h"
#include "export/MarkdownText.h"
#include "import/BlockAttributes.h"
#include "import/ExplicitAttributes.h"
#include "import/HeadingMapping.h"
#include "import/IdGenerator.h"
#include "import/MarkdownBlocks.h"
#include "import/ReviewMetadata.h"
#include "model/LinkPolicy.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace preflight::import {
namespace {

using Kind = MarkdownBlock::Kind;

const QString FolderSeparator = QStringLiteral(" › ");

// Deeper nesting is rare in real checklists and unbounded nesting would make every recursive walk
// over the template (JSON, scoring, views) a stack risk.
constexpr size_t MaxNesting = 8;

// The rules Appendix A's summary items follow, recognised from their wording. Long texts are not
// summary criteria and would only make the patterns slow.
SummaryRule inferRule(const QString &text)
{
    if (text.size() > 200)
        return SummaryRule::Manual;
    static const std::pair<QRegularExpression, SummaryRule> rules[] = {
        { QRegularExpression(QStringLiteral("^all\\b.*\\bcritical\\b.*\\bitems?\\b.*\\b(completed?|done)\\b"),
                             QRegularExpression::CaseInsensitiveOption),
          SummaryRule::AllCriticalDone },
        { QRegularExpression(QStringLiteral("^all\\b.*\\bhigh\\b.*\\bitems?\\b.*\\b(completed?|done)\\b"),
                             QRegularExpression::CaseInsensitiveOption),
          SummaryRule::AllHighDone },
        { QRegularExpression(QStringLiteral("\\bhigh\\b.*\\brisks?\\b.*\\bmitigated\\b"),
                             QRegularExpression::CaseInsensitiveOption),
          SummaryRule::HighRisksMitigated },
        { QRegularExpression(QStringLiteral("\\bsigned[- ]off\\b|^launch plan approved$"),
                             QRegularExpression::CaseInsensitiveOption),
          SummaryRule::SignedOff },
    };
    for (const auto &[pattern, rule] : rules) {
        if (pattern.match(text).hasMatch())
            return rule;
    }
    return SummaryRule::Manual;
}

// "~~text~~ — N/A: reason", the Markdown report's way of writing an item that does not apply;
// "~~text~~" alone also means N/A. Returns the item text, or nothing for any other text.
std::optional<QString> strikeThrough(const QString &text, QString *reason)
{
    if (!text.startsWith(QLatin1String("~~")))
        return std::nullopt;
    const qsizetype marker = text.indexOf(QStringLiteral("~~ — N/A:"), 2);
    if (marker > 2) {
        *reason = text.mid(marker + 9);
        return text.mid(2, marker - 2);
    }
    if (text.size() > 4 && text.endsWith(QLatin1String("~~")))
        return text.mid(2, text.size() - 4);
    return std::nullopt;
}

class Reader
{
public:
    Reader(const QStringList &lines, const QString &sourceName)
        : m_blocks(scanMarkdown(lines))
        , m_plan(planHeadings(m_blocks))
        , m_marksSeverities(std::any_of(m_plan.texts.begin(), m_plan.texts.end(),
                                        [](const HeadingText &heading) { return heading.severity.has_value(); }))
        , m_lineCount(int(lines.size()))
        , m_explicit(m_blocks, [this](int line, const QString &message) { warn(line, message); })
    {
        m_preview.sourceName = sourceName;
    }

    ImportPreview run()
    {
        for (size_t i = 0; i < m_blocks.size(); ++i)
            readBlock(i);
        finish();
        return std::move(m_preview);
    }

private:
    struct OpenItem
    {
        int indent = 0;
        Item *item = nullptr; // nullptr for summary items, which cannot have children
        size_t tick = 0; // index into m_preview.ticks, or SIZE_MAX when it has none
    };

    const HeadingText &textOf(size_t block) const { return m_plan.texts[block]; }
    HeadingRole roleOf(size_t block) const { return m_plan.roles[block]; }
    void warn(int line, const QString &message) { m_preview.warnings.push_back({ line, message }); }

    // The role that decides what a block under the current headings is.
    HeadingRole innermostRole() const
    {
        for (auto it = m_headings.rbegin(); it != m_headings.rend(); ++it) {
            const HeadingRole role = roleOf(*it);
            if (role == HeadingRole::Summary || role == HeadingRole::SignOff || role == HeadingRole::Risks
                || role == HeadingRole::Notes)
                return role;
        }
        return HeadingRole::Context;
    }

    void readBlock(size_t index)
    {
        const MarkdownBlock &block = m_blocks[index];
        switch (block.kind) {
        case Kind::Heading:
            while (!m_headings.empty() && m_blocks[m_headings.back()].level >= block.level)
                m_headings.pop_back();
            m_headings.push_back(index);
            m_open.clear();
            break;
        case Kind::Task:
            readTask(block);
            break;
        case Kind::Detail:
            readDetail(block);
            break;
        case Kind::ListItem:
            ++m_preview.skipped.listItems;
            break;
        case Kind::Paragraph:
            if (m_explicit.readTemplateComment(block))
                break;
            if (!m_metadata.readParagraph(block, innermostRole()))
                readProse(block);
            break;
        case Kind::Table:
            ++m_preview.skipped.tables;
            m_metadata.readTable(block, innermostRole());
            break;
        case Kind::Code:
            ++m_preview.skipped.codeBlocks;
            break;
        case Kind::Break:
            break;
        }
    }

    void readProse(const MarkdownBlock &block)
    {
        ++m_preview.skipped.paragraphs;
        const bool underTitle = !m_headings.empty() && roleOf(m_headings.back()) == HeadingRole::Title;
        if (underTitle && m_preview.description.isEmpty())
            m_preview.description = unescapeMarkdown(block.text).trimmed();
    }

    void readTask(const MarkdownBlock &block)
    {
        ItemTick tick;
        tick.line = block.line;
        tick.status = block.mark == u' ' ? ItemStatus::Open : ItemStatus::Done;
        if (block.mark == u'-' || block.mark == u'~')
            tick.status = ItemStatus::NotApplicable;
        QString text = block.text;
        QString reason;
        if (const auto struck = strikeThrough(text, &reason)) {
            text = *struck;
            tick.status = ItemStatus::NotApplicable;
            tick.reason = unescapeMarkdown(reason).trimmed();
        }
        if (text.trimmed().isEmpty()) {
            warn(block.line, QStringLiteral("task item without text; left out"));
            return;
        }
        const auto summary = std::find_if(m_headings.rbegin(), m_headings.rend(),
                                          [&](size_t h) { return roleOf(h) == HeadingRole::Summary; });
        if (summary != m_headings.rend())
            addSummaryItem(*summary, block, text, tick);
        else
            addChecklistItem(block, text, tick);
    }

    void addSummaryItem(size_t heading, const MarkdownBlock &block, QString text, ItemTick tick)
    {
        SummaryGroup &group = summaryGroupFor(heading);
        // A report marks items the app computes: "- [x] All critical items completed — computed: …".
        static const QRegularExpression computed(QStringLiteral("\\s+—\\s+computed(?::.*)?$"),
                                                 QRegularExpression::DotMatchesEverythingOption);
        const bool markedComputed = computed.match(text).hasMatch();
        text.remove(computed);
        if (!m_open.empty() && m_open.back().indent < block.indent)
            warn(block.line,
                 QStringLiteral("summary items cannot be nested; \"%1\" imported at the top level").arg(text));
        m_open.clear();
        const BlockAttributes attributes = parseAttributes(block.attributes);
        SummaryItem item { m_explicit.id(attributes, block.line, group.id, text, QStringLiteral("item")), text,
                           inferRule(text) };
        if (const auto rule = m_explicit.rule(attributes, block.line))
            item.rule = *rule;
        group.items.push_back(item);
        size_t tickIndex = SIZE_MAX;
        if (item.rule == SummaryRule::Manual) {
            tick.itemId = item.id;
            tickIndex = pushTick(tick);
        } else if (tick.status != ItemStatus::Open && !markedComputed) {
            warn(block.line,
                 QStringLiteral("\"%1\" is computed by Preflight (%2); its tick is not imported")
                     .arg(text, summaryRuleKey(item.rule)));
        }
        m_open.push_back({ block.indent, nullptr, tickIndex });
    }

    void addChecklistItem(const MarkdownBlock &block, const QString &text, ItemTick tick)
    {
        while (!m_open.empty() && m_open.back().indent >= block.indent)
            m_open.pop_back();
        if (m_open.size() >= MaxNesting) {
            warn(block.line, QStringLiteral("items nested deeper than %1 levels are kept at level %1").arg(MaxNesting));
            m_open.resize(MaxNesting - 1);
        }
        Item item;
        item.text = text;
        std::vector<Item> *siblings = nullptr;
        const BlockAttributes attributes = parseAttributes(block.attributes);
        if (!m_open.empty() && m_open.back().item) {
            item.id = m_explicit.id(attributes, block.line, m_open.back().item->id, text, QStringLiteral("item"));
            siblings = &m_open.back().item->children;
        } else {
            m_open.clear();
            Section &section = currentSection(block.line);
            item.id = m_explicit.id(attributes, block.line, section.id, text, QStringLiteral("item"));
            siblings = &section.items;
        }
        item.tags = m_explicit.tags(attributes, block.line);
        tick.itemId = item.id;
        siblings->push_back(std::move(item));
        m_open.push_back({ block.indent, &siblings->back(), pushTick(tick) });
    }

    size_t pushTick(const ItemTick &tick)
    {
        m_preview.ticks.push_back(tick);
        return m_preview.ticks.size() - 1;
    }

    void readDetail(const MarkdownBlock &block)
    {
        auto owner
            = std::find_if(m_open.rbegin(), m_open.rend(), [&](const OpenItem &o) { return o.indent < block.indent; });
        if (owner == m_open.rend() || owner->tick == SIZE_MAX) {
            ++m_preview.skipped.listItems;
            return;
        }
        ItemTick &tick = m_preview.ticks[owner->tick];
        // The report writes a web address as an autolink, "<https://…>".
        static const QRegularExpression autolink(QStringLiteral("^<(https?://[^\\s<>]+)>$"));
        const QString raw = block.text.trimmed();
        const auto link = autolink.match(raw);
        const QString value = link.hasMatch() ? link.captured(1) : unescapeMarkdown(raw).trimmed();
        if (block.label == QLatin1String("Note"))
            tick.note = value;
        else if (block.label == QLatin1String("Owner"))
            tick.owner = value;
        else if (block.label == QLatin1String("Evidence")) {
            tick.evidence = value;
            if (!value.isEmpty() && !LinkPolicy::evidenceLink(value)) {
                const QString shown = value.size() > 80 ? value.left(80) + QStringLiteral("…") : value;
                warn(block.line,
                     QStringLiteral("evidence \"%1\" is not an http:// or https:// address: imported as "
                                    "text, not as a link")
                         .arg(shown));
            }
        } else
            tick.reason = value;
    }

    SummaryGroup &summaryGroupFor(size_t heading)
    {
        auto [it, added] = m_summaryIndex.try_emplace(heading, m_preview.tmpl.summary.size());
        if (added) {
            const QString &title = textOf(heading).title;
            const QString id = m_explicit.id(textOf(heading).attributes, m_blocks[heading].line, {}, title,
                                             QStringLiteral("summary"));
            m_preview.tmpl.summary.push_back({ id, title, {} });
        }
        return m_preview.tmpl.summary[it->second];
    }

    // The category and section the current headings put an item in, created on first use.
    Section &currentSection(int line)
    {
        std::optional<size_t> categoryHeading;
        std::optional<size_t> sectionHeading; // the innermost: a folded "Section › Sub" takes its id
        QStringList context;
        QStringList sections;
        std::optional<Severity> inherited;
        for (size_t h : m_headings) {
            const HeadingRole role = roleOf(h);
            if (role == HeadingRole::Category) {
                categoryHeading = h;
            } else if (role == HeadingRole::Section) {
                sections.append(textOf(h).title);
                sectionHeading = h;
            } else if (role == HeadingRole::Context) {
                context.append(textOf(h).title);
            }
            if (role != HeadingRole::Section && textOf(h).severity)
                inherited = textOf(h).severity;
        }
        Category &category = categoryFor(categoryHeading, context, inherited, line);
        const QString title = sections.isEmpty() ? QStringLiteral("General") : sections.join(FolderSeparator);
        // Two sections may share a title when the file names their ids apart.
        const BlockAttributes none;
        const BlockAttributes &attributes = sectionHeading ? textOf(*sectionHeading).attributes : none;
        const auto named = attributes.find(QStringLiteral("id"));
        auto existing = std::find_if(category.sections.begin(), category.sections.end(), [&](const Section &s) {
            return named != attributes.end() ? s.id == named->second : s.title == title;
        });
        if (existing != category.sections.end())
            return *existing;
        const int headingLine = sectionHeading ? m_blocks[*sectionHeading].line : line;
        const QString id = m_explicit.id(attributes, headingLine, category.id, title, QStringLiteral("section"));
        category.sections.push_back({ id, title, {} });
        return category.sections.back();
    }

    Category &categoryFor(std::optional<size_t> heading, const QStringList &context, std::optional<Severity> severity,
                          int line)
    {
        QString title = context.join(FolderSeparator);
        if (heading)
            title = title.isEmpty() ? textOf(*heading).title : title + FolderSeparator + textOf(*heading).title;
        if (title.isEmpty())
            title = QStringLiteral("General");
        const QString key = heading ? QString::number(*heading) : u'#' + title;
        auto [it, added] = m_categoryIndex.try_emplace(key, m_preview.tmpl.categories.size());
        if (!added)
            return m_preview.tmpl.categories[it->second];
        Category category;
        const BlockAttributes none;
        const BlockAttributes &attributes = heading ? textOf(*heading).attributes : none;
        category.id = m_explicit.id(attributes, line, {}, title, QStringLiteral("category"));
        category.weight = m_explicit.weight(attributes, line);
        category.title = title;
        const int number = heading ? textOf(*heading).number : 0;
        category.number = number > 0 ? number : int(m_preview.tmpl.categories.size()) + 1;
        // A file that ranks nothing says "every box must be ticked": critical is the severity
        // whose open items keep a review Not Ready. A file that ranks some headings and not
        // others is read as ranking the unmarked ones in the middle.
        category.severity = severity.value_or(m_marksSeverities ? Severity::Medium : Severity::Critical);
        if (!severity && m_marksSeverities) {
            warn(heading ? m_blocks[*heading].line : line,
                 QStringLiteral(
                     "category \"%1\" has no severity marker (🔴 🟠 🟡 🟢 or Critical/High/Medium/Low); "
                     "imported as medium")
                     .arg(title));
        }
        m_preview.tmpl.categories.push_back(std::move(category));
        return m_preview.tmpl.categories.back();
    }

    void finish()
    {
        const QString &source = m_preview.sourceName;
        if (m_preview.tmpl.categories.empty()) {
            throw Error(Error::Kind::Data,
                        QStringLiteral("%1:%2: no checklist items found (an item is a line such as \"- [ ] text\" "
                                       "outside the summary sections)")
                            .arg(source)
                            .arg(m_lineCount));
        }
        Template &tmpl = m_preview.tmpl;
        const auto title = std::find_if(m_blocks.begin(), m_blocks.end(), [&](const MarkdownBlock &b) {
            return b.kind == Kind::Heading && roleOf(size_t(&b - m_blocks.data())) == HeadingRole::Title;
        });
        tmpl.title = title != m_blocks.end() ? textOf(size_t(title - m_blocks.begin())).title
                                             : QFileInfo(source).completeBaseName();
        if (tmpl.title.trimmed().isEmpty())
            tmpl.title = QStringLiteral("Imported checklist");
        tmpl.description = m_preview.description.isEmpty()
            ? QStringLiteral("Imported from %1.").arg(QFileInfo(source).fileName())
            : m_preview.description;
        // Its own namespace: a template titled "Security" may hold a category "security".
        const QString &declaredId = m_explicit.declaredId();
        tmpl.id = declaredId.isEmpty() ? IdGenerator::slug(tmpl.title, QStringLiteral("imported")) : declaredId;
        tmpl.version = m_explicit.declaredVersion().isEmpty() ? QStringLiteral("1.0.0") : m_explicit.declaredVersion();
        if (!m_marksSeverities) {
            warn(0,
                 QStringLiteral(
                     "no heading has a severity marker (🔴 🟠 🟡 🟢 or Critical/High/Medium/Low): every "
                     "item is imported as critical, so a review is Not Ready until each one is done or "
                     "N/A"));
        }
        m_metadata.apply(m_preview);
        for (ItemTick &tick : m_preview.ticks) {
            if (tick.status == ItemStatus::NotApplicable && tick.reason.isEmpty()) {
                tick.reason = QStringLiteral("Marked N/A in %1").arg(QFileInfo(source).fileName());
                warn(tick.line,
                     QStringLiteral("item marked N/A without a reason; reason set to \"%1\"").arg(tick.reason));
            }
        }
        std::stable_sort(m_preview.warnings.begin(), m_preview.warnings.end(),
                         [](const ImportWarning &a, const ImportWarning &b) { return a.line < b.line; });
    }

    std::vector<MarkdownBlock> m_blocks;
    HeadingPlan m_plan;
    bool m_marksSeverities = false; // some heading has a severity marker
    int m_lineCount = 0;
    ExplicitAttributes m_explicit; // ids, weights, rules and tags a template export names
    ImportPreview m_preview;
    ReviewMetadata m_metadata;
    std::vector<size_t> m_headings; // the open headings, outermost first
    std::vector<OpenItem> m_open; // the open items, outermost first
    std::map<QString, size_t> m_categoryIndex;
    std::map<size_t, size_t> m_summaryIndex;
};

} // namespace

ImportPreview readChecklist(const QStringList &lines, const QString &sourceName)
{
    return Reader(lines, sourceName).run();
}

} // namespace preflight::import
