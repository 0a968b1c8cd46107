#include "templates/TemplateMarkdown.h"

#include "export/MarkdownText.h"
#include "import/BlockAttributes.h"

#include <QLocale>
#include <QStringList>

namespace preflight {

namespace {

QString marker(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return QStringLiteral("🔴");
    case Severity::High:
        return QStringLiteral("🟠");
    case Severity::Medium:
        return QStringLiteral("🟡");
    case Severity::Low:
        break;
    }
    return QStringLiteral("🟢");
}

QString comment(const QStringList &attributes)
{
    return QStringLiteral(" <!-- %1 -->").arg(attributes.join(QStringLiteral("; ")));
}

QString idComment(const QString &id)
{
    return comment({ QStringLiteral("id: ") + id });
}

// A line break would end the list item or heading; the reader joins continuation lines with a
// space, so a space is what a break reads back as anyway.
QString oneLine(QString text)
{
    return text.replace(u'\n', u' ');
}

class Writer
{
public:
    explicit Writer(const Template &tmpl)
        : m_tmpl(tmpl)
    { }

    QString run()
    {
        line(QStringLiteral("# ") + oneLine(escapeMarkdown(m_tmpl.title)));
        blank();
        line(escapeMarkdown(m_tmpl.description));
        blank();
        line(QStringLiteral("<!-- %1 id: %2; version: %3 -->")
                 .arg(QLatin1String(import::TemplateCommentTag), m_tmpl.id, m_tmpl.version));
        // Appendix A's order: the first summary group before the checklist, the others after the
        // risk table.
        if (!m_tmpl.summary.empty())
            summaryGroup(m_tmpl.summary.front());
        for (const Category &category : m_tmpl.categories)
            writeCategory(category);
        riskTable();
        for (size_t i = 1; i < m_tmpl.summary.size(); ++i)
            summaryGroup(m_tmpl.summary[i]);
        signOff();
        if (m_tmpl.projectFields.contains(QLatin1String("notes"))) {
            blank();
            line(QStringLiteral("## Notes"));
            blank();
            line(QStringLiteral("_Add any additional notes here._"));
        }
        return m_out;
    }

private:
    void line(const QString &text) { m_out += text + u'\n'; }
    void blank() { m_out += u'\n'; }

    void summaryGroup(const SummaryGroup &group)
    {
        blank();
        line(QStringLiteral("## ") + oneLine(escapeMarkdown(group.title))
             + comment({ QStringLiteral("id: ") + group.id, QStringLiteral("summary") }));
        blank();
        for (const SummaryItem &item : group.items)
            line(QStringLiteral("- [ ] ") + oneLine(item.text)
                 + comment({ QStringLiteral("id: ") + item.id, QStringLiteral("rule: ") + summaryRuleKey(item.rule) }));
    }

    void writeCategory(const Category &category)
    {
        blank();
        QStringList attributes { QStringLiteral("id: ") + category.id };
        if (category.weight)
            attributes.append(QStringLiteral("weight: ")
                              + QString::number(*category.weight, 'g', QLocale::FloatingPointShortest));
        line(QStringLiteral("## %1. %2 %3")
                 .arg(category.number)
                 .arg(oneLine(escapeMarkdown(category.title)), marker(category.severity))
             + comment(attributes));
        for (const Section &section : category.sections) {
            blank();
            line(QStringLiteral("### ") + oneLine(escapeMarkdown(section.title)) + idComment(section.id));
            blank();
            items(section.items, 0);
        }
    }

    void items(const std::vector<Item> &list, int depth)
    {
        // CommonMark nests an item under another when it starts at the parent's text column.
        const QString indent(2 * depth, u' ');
        for (const Item &item : list) {
            QStringList attributes { QStringLiteral("id: ") + item.id };
            if (!item.tags.isEmpty())
                attributes.append(QStringLiteral("tags: ") + item.tags.join(QStringLiteral(", ")));
            line(indent + QStringLiteral("- [ ] ") + oneLine(item.text) + comment(attributes));
            items(item.children, depth + 1);
        }
    }

    void riskTable()
    {
        blank();
        line(QStringLiteral("## Risk Assessment"));
        blank();
        QString header = QStringLiteral("|");
        QString rule = QStringLiteral("|");
        for (const QString &column : m_tmpl.riskColumns) {
            header += u' ' + escapeMarkdown(column, MarkdownContext::TableCell) + QStringLiteral(" |");
            rule += QStringLiteral("---|");
        }
        line(header);
        line(rule);
    }

    void signOff()
    {
        blank();
        line(QStringLiteral("## Sign-Off"));
        // Roles are read as typed between the ** (not unescaped), so they are written as typed.
        for (const QString &role : m_tmpl.signoffRoles) {
            blank();
            line(QStringLiteral("**%1:** ____ Date: ____").arg(role));
        }
        blank();
        QStringList values;
        for (const QString &value : m_tmpl.statusValues)
            values.append(QStringLiteral("[ ] ") + escapeMarkdown(value));
        line(QStringLiteral("**Status:** ") + values.join(QStringLiteral(" | ")));
        if (m_tmpl.projectFields.contains(QLatin1String("target_launch_date"))) {
            blank();
            line(QStringLiteral("**Target Launch Date:** ____"));
        }
        if (m_tmpl.projectFields.contains(QLatin1String("actual_launch_date"))) {
            blank();
            line(QStringLiteral("**Actual Launch Date:** ____"));
        }
    }

    const Template &m_tmpl;
    QString m_out;
};

} // namespace

QString templateToMarkdown(const Template &tmpl)
{
    return Writer(tmpl).run();
}

} // namespace preflight
