#include "export/JUnitWriter.h"

#include "export/XmlText.h"

#include <QStringList>
#include <QXmlStreamWriter>

namespace preflight {

namespace {

struct Tally
{
    int tests = 0;
    int failures = 0;
    int skipped = 0;
};

bool isFailure(const ChecklistRow &row)
{
    return row.state.status == ItemStatus::Open && row.category->severity == Severity::Critical;
}

bool isSkipped(const ChecklistRow &row)
{
    return row.state.status != ItemStatus::Done && !isFailure(row);
}

// A re-check flag leads: a CI page shows the first line of <system-out> (or of a failure's text)
// in its summary, and a flag is the thing to act on.
QString details(const ItemState &state, const Recheck *recheck)
{
    QStringList lines;
    if (recheck)
        lines += recheckText(*recheck);
    if (!state.owner.isEmpty())
        lines += QStringLiteral("Owner: %1").arg(state.owner);
    if (!state.evidence.isEmpty())
        lines += QStringLiteral("Evidence: %1").arg(state.evidence);
    if (!state.note.isEmpty())
        lines += QStringLiteral("Note: %1").arg(state.note);
    return xmlSafe(lines.join(u'\n'));
}

void writeTally(QXmlStreamWriter &xml, const Tally &tally)
{
    xml.writeAttribute(QStringLiteral("tests"), QString::number(tally.tests));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(tally.failures));
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("skipped"), QString::number(tally.skipped));
}

void writeCase(QXmlStreamWriter &xml, const ChecklistRow &row, const ProjectState &state)
{
    xml.writeStartElement(QStringLiteral("testcase"));
    xml.writeAttribute(QStringLiteral("classname"), xmlSafe(row.section->id));
    xml.writeAttribute(QStringLiteral("name"), xmlSafe(row.item->text));
    xml.writeAttribute(QStringLiteral("time"), QStringLiteral("0"));
    const auto flag = state.rechecks.find(row.item->id);
    const QString info = details(row.state, flag != state.rechecks.end() ? &flag->second : nullptr);
    if (isFailure(row)) {
        xml.writeStartElement(QStringLiteral("failure"));
        xml.writeAttribute(QStringLiteral("type"), QStringLiteral("open"));
        xml.writeAttribute(QStringLiteral("message"),
                           QStringLiteral("Open item in critical category %1").arg(xmlSafe(row.category->title)));
        xml.writeCharacters(info);
        xml.writeEndElement();
    } else if (row.state.status == ItemStatus::NotApplicable) {
        xml.writeStartElement(QStringLiteral("skipped"));
        xml.writeAttribute(QStringLiteral("message"), QStringLiteral("N/A: ") + xmlSafe(row.state.reason));
        xml.writeEndElement();
    } else if (row.state.status == ItemStatus::Open) {
        xml.writeStartElement(QStringLiteral("skipped"));
        xml.writeAttribute(QStringLiteral("message"),
                           QStringLiteral("Open (%1 category, not blocking)").arg(severityKey(row.category->severity)));
        xml.writeEndElement();
    }
    if (!info.isEmpty() && !isFailure(row))
        xml.writeTextElement(QStringLiteral("system-out"), info);
    xml.writeEndElement();
}

} // namespace

QByteArray JUnitWriter::write(const ReportInput &input) const
{
    const ReportModel model(input);
    const Assessment &a = input.assessment;
    Tally total;
    std::vector<std::pair<const Category *, Tally>> suites;
    for (const ChecklistRow &row : model.rows()) {
        if (suites.empty() || suites.back().first != row.category)
            suites.push_back({ row.category, {} });
        for (Tally *tally : { &total, &suites.back().second }) {
            ++tally->tests;
            tally->failures += isFailure(row) ? 1 : 0;
            tally->skipped += isSkipped(row) ? 1 : 0;
        }
    }

    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), xmlSafe(model.title()));
    writeTally(xml, total);
    const QString timestamp = input.generatedAt.toUTC().toString(Qt::ISODate);

    std::size_t next = 0;
    for (const auto &[category, tally] : suites) {
        xml.writeStartElement(QStringLiteral("testsuite"));
        const QString number = category->number > 0 ? QStringLiteral("%1. ").arg(category->number) : QString();
        xml.writeAttribute(QStringLiteral("name"), number + xmlSafe(category->title));
        writeTally(xml, tally);
        xml.writeAttribute(QStringLiteral("timestamp"), timestamp);
        xml.writeStartElement(QStringLiteral("properties"));
        const std::pair<QString, QString> properties[] = {
            { QStringLiteral("severity"), severityKey(category->severity) },
            { QStringLiteral("verdict"), verdictKey(a.verdict) },
            { QStringLiteral("signed_off"), a.signedOff ? QStringLiteral("true") : QStringLiteral("false") },
            { QStringLiteral("score"), scoreText(a.score) },
            { QStringLiteral("audit_head"), xmlSafe(input.auditHead) },
        };
        for (const auto &[name, value] : properties) {
            xml.writeStartElement(QStringLiteral("property"));
            xml.writeAttribute(QStringLiteral("name"), name);
            xml.writeAttribute(QStringLiteral("value"), value);
            xml.writeEndElement();
        }
        xml.writeEndElement();
        for (; next < model.rows().size() && model.rows()[next].category == category; ++next)
            writeCase(xml, model.rows()[next], input.state);
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

} // namespace preflight
