#include "import/ReviewMetadata.h"

#include "export/MarkdownText.h"
#include "import/ReviewTables.h"

#include <QRegularExpression>

namespace preflight::import {
namespace {

const QRegularExpression &boldLabel()
{
    static const QRegularExpression re(QStringLiteral("^\\*\\*([^*]+?):\\*\\*:?\\s*(.*)$"));
    return re;
}

void addField(QStringList &fields, const QString &field)
{
    if (!fields.contains(field))
        fields.append(field);
}

// "[ ] Not Ready | [x] Ready with Risks | [ ] Ready for Production · Signed off"
QStringList statusValues(const QString &line)
{
    static const QRegularExpression box(QStringLiteral("^\\[[ xX]\\]\\s*"));
    QString values = line.section(QStringLiteral(" · "), 0, 0);
    values.replace(QLatin1String("\\|"), QLatin1String("|"));
    QStringList result;
    for (QString value : values.split(u'|')) {
        value = unescapeMarkdown(value.trimmed().remove(box)).trimmed();
        if (!value.isEmpty())
            result.append(value);
    }
    return result;
}

// An instruction left in a blank checklist ("_Add any additional notes here._") is not a note.
bool isPlaceholder(const QString &line)
{
    const QString text = line.trimmed();
    return text.size() > 2
        && ((text.startsWith(u'_') && text.endsWith(u'_')) || (text.startsWith(u'*') && text.endsWith(u'*')));
}

} // namespace

bool ReviewMetadata::readLabelledLine(const QString &line, int lineNumber)
{
    const auto match = boldLabel().match(line.trimmed());
    if (!match.hasMatch())
        return false;
    const QString label = match.captured(1).trimmed();
    const QString value = match.captured(2).trimmed();
    static const QRegularExpression isoDate(QStringLiteral("\\b(\\d{4}-\\d{2}-\\d{2})\\b"));
    const auto date = isoDate.match(value);
    const std::optional<QDate> parsed
        = date.hasMatch() ? std::optional(QDate::fromString(date.captured(1), Qt::ISODate)) : std::nullopt;
    if (date.hasMatch() && !parsed->isValid())
        m_warnings.push_back(
            { lineNumber, QStringLiteral("\"%1\" is not a valid date; ignored").arg(date.captured(1)) });
    const bool validDate = parsed && parsed->isValid();
    if (label.compare(QLatin1String("Status"), Qt::CaseInsensitive) == 0) {
        // The template format needs three distinct values; anything else keeps the defaults.
        if (QStringList values = statusValues(value); values.size() == 3 && values.removeDuplicates() == 0)
            m_statusValues = values;
        return true;
    }
    if (label.compare(QLatin1String("Target Launch Date"), Qt::CaseInsensitive) == 0) {
        addField(m_projectFields, QStringLiteral("target_launch_date"));
        m_targetDate = validDate ? parsed : std::nullopt;
        return true;
    }
    if (label.compare(QLatin1String("Actual Launch Date"), Qt::CaseInsensitive) == 0) {
        addField(m_projectFields, QStringLiteral("actual_launch_date"));
        m_actualDate = validDate ? parsed : std::nullopt;
        return true;
    }
    return false;
}

bool ReviewMetadata::readParagraph(const MarkdownBlock &block, HeadingRole role)
{
    bool metadata = false;
    QStringList prose;
    for (qsizetype i = 0; i < block.lines.size(); ++i) {
        const QString &line = block.lines[i];
        if (readLabelledLine(line, block.line + int(i))) {
            metadata = true;
            continue;
        }
        if (role == HeadingRole::SignOff) {
            if (const auto match = boldLabel().match(line.trimmed()); match.hasMatch()) {
                const QString roleName = match.captured(1).trimmed();
                addField(m_roles, roleName);
                readSignatureLine(roleName, match.captured(2), block.line + int(i));
                metadata = true;
                continue;
            }
        }
        prose.append(line);
    }
    if (role == HeadingRole::Notes && !prose.isEmpty()) {
        const bool generatedFooter
            = prose.size() == 1 && prose.front().trimmed().startsWith(QLatin1String("*Generated "));
        if (!generatedFooter && !(prose.size() == 1 && isPlaceholder(prose.front()))) {
            m_notes.append(prose.join(u'\n'));
        }
        addField(m_projectFields, QStringLiteral("notes"));
        metadata = true;
    }
    return metadata;
}

void ReviewMetadata::readTable(const MarkdownBlock &block, HeadingRole role)
{
    const QString first = block.cells.value(0);
    if (role == HeadingRole::SignOff && first.compare(QLatin1String("Role"), Qt::CaseInsensitive) == 0) {
        for (const QStringList &row : block.rows) {
            const QString roleName = unescapeMarkdown(row.value(0)).trimmed();
            if (!roleName.isEmpty() && roleName != QStringLiteral("—"))
                addField(m_roles, roleName);
        }
        readSignOffTable(block, m_signoffs);
    } else if (role == HeadingRole::Risks) {
        if (m_riskColumns.isEmpty()) {
            for (const QString &cell : block.cells)
                addField(m_riskColumns, unescapeMarkdown(cell));
            m_riskColumns.removeAll(QString());
        }
        readRiskTable(block, m_risks, m_warnings);
    } else if (first == QLatin1String("Review")) {
        // The header table of a Preflight Markdown report: "| Template | Title 1.0.0 (appendix-a) |".
        static const QRegularExpression declared(QStringLiteral("\\(([a-z0-9.-]+)\\)\\s*$"));
        for (const QStringList &row : block.rows) {
            if (row.value(0) == QLatin1String("Template"))
                m_templateId = declared.match(unescapeMarkdown(row.value(1))).captured(1);
        }
    }
}

// "**DevOps Lead:** Ana Müller Date: 2026-03-01" once a blank form's line is filled in.
void ReviewMetadata::readSignatureLine(const QString &role, const QString &value, int lineNumber)
{
    static const QRegularExpression dateLabel(QStringLiteral("\\bDate:"));
    const qsizetype at = value.indexOf(dateLabel);
    const auto filled = [](QString text) { return unescapeMarkdown(text.remove(u'_')).trimmed(); };
    const QString name = filled(at < 0 ? value : value.left(at));
    if (!name.isEmpty())
        m_signoffs.push_back({ lineNumber, role, name, {}, at < 0 ? QString() : filled(value.mid(at + 5)) });
}

void ReviewMetadata::apply(ImportPreview &preview) const
{
    Template &tmpl = preview.tmpl;
    QStringList defaulted;
    tmpl.signoffRoles = m_roles;
    if (tmpl.signoffRoles.isEmpty()) {
        tmpl.signoffRoles = { QStringLiteral("Engineering Lead"), QStringLiteral("DevOps Lead"),
                              QStringLiteral("Security Lead"), QStringLiteral("Product Manager") };
        defaulted << QStringLiteral("sign-off roles");
    }
    tmpl.riskColumns = m_riskColumns;
    if (tmpl.riskColumns.isEmpty()) {
        tmpl.riskColumns = { QStringLiteral("Risk"), QStringLiteral("Severity"), QStringLiteral("Mitigation"),
                             QStringLiteral("Owner") };
        defaulted << QStringLiteral("risk table columns");
    }
    tmpl.statusValues = m_statusValues;
    if (tmpl.statusValues.isEmpty()) {
        tmpl.statusValues = { QStringLiteral("Not Ready"), QStringLiteral("Ready with Risks"),
                              QStringLiteral("Ready for Production") };
        defaulted << QStringLiteral("status values");
    }
    // In the schema's order, whatever order the file mentioned them in.
    for (const char *field : { "target_launch_date", "actual_launch_date", "notes" }) {
        if (m_projectFields.contains(QLatin1String(field)))
            tmpl.projectFields.append(QLatin1String(field));
    }
    if (!defaulted.isEmpty()) {
        preview.warnings.push_back({ 0,
                                     QStringLiteral("the file does not define %1; using those of Appendix A")
                                         .arg(defaulted.join(QLatin1String(", "))),
                                     true });
    }
    preview.warnings.insert(preview.warnings.end(), m_warnings.begin(), m_warnings.end());
    if (!m_signoffs.empty()) {
        preview.warnings.push_back(
            { m_signoffs.front().line,
              (m_signoffs.size() == 1
                   ? QStringLiteral("1 sign-off in the file is shown but not imported")
                   : QStringLiteral("%1 sign-offs in the file are shown but not imported").arg(m_signoffs.size()))
                  + QStringLiteral(": each role signs off in Preflight, on the review as it is then") });
    }
    preview.risks = m_risks;
    preview.signoffs = m_signoffs;
    const QString notes = unescapeMarkdown(m_notes.join(QStringLiteral("\n\n")));
    preview.notes = notes == QLatin1String("No notes.") ? QString() : notes;
    preview.targetDate = m_targetDate;
    preview.actualDate = m_actualDate;
    preview.declaredTemplateId = m_templateId;
}

} // namespace preflight::import
