#include "PdfCanvas.h"
#include "PdfReport.h"
#include "signing/SshSigning.h"

#include <QFontMetricsF>
#include <QTextLayout>

namespace preflight::pdf {

namespace {

const QColor DoneColor(0x2e, 0x7d, 0x32);
const QColor OpenColor(0xc6, 0x28, 0x28);
const QColor NaColor(0x75, 0x75, 0x75);

constexpr qreal LabelWidth = 34; // points: the status column left of each item
constexpr qreal NestIndent = 16; // points per nesting level

// Item ids ("ops.backups.restore-tested") have no spaces, so a narrow column would break them
// anywhere, a letter or two per line. Break after '.' and '-' instead, filling each line.
QString wrappedIds(const QStringList &ids, const QFontMetricsF &metrics, qreal width)
{
    QStringList lines;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QString id = ids[i] + (i + 1 < ids.size() ? QStringLiteral(",") : QString());
        QString line;
        qsizetype start = 0;
        while (start < id.size()) {
            qsizetype end = start;
            while (end < id.size() && id[end] != u'.' && id[end] != u'-')
                ++end;
            const QString part = id.mid(start, end + 1 - start);
            if (!line.isEmpty() && metrics.horizontalAdvance(line + part) > width) {
                lines += line;
                line.clear();
            }
            line += part;
            start = end + 1;
        }
        lines += line;
    }
    return lines.join(u'\n');
}

} // namespace

void PdfReport::categoryHeading(const Category &category)
{
    f.space(f.pt(12));
    f.ensure(f.pt(70));
    markHeading();
    markSection(QStringLiteral("category:") + category.id);
    const QString number = category.number > 0 ? QStringLiteral("%1. ").arg(category.number) : QString();
    const CategoryScore *score = m.score(category.id);
    const qreal top = f.y();
    const qreal band = f.pt(4);
    f.paragraph(number + category.title, s.category, f.pt(10));
    QString facts = severityLabel(category.severity);
    if (score)
        facts += QStringLiteral(" · score %1 · %2").arg(scoreText(score->score), countsSentence(score->counts));
    f.paragraph(facts, s.small, f.pt(10));
    f.add([rect = QRectF(f.left(), top, band, f.y() - top),
           color = severityQColor(category.severity)](PdfCanvas &canvas) { canvas.fillRect(rect, color); });
    f.advance(f.pt(4));
}

PdfReport::Item PdfReport::layOutItem(const QString &text, const ItemState &state, int depth,
                                      const SummaryResult *computed) const
{
    const qreal indent = f.pt(NestIndent) * depth;
    QString label = itemStatusLabel(state.status).toUpper();
    QColor color = state.status == ItemStatus::Done ? DoneColor
        : state.status == ItemStatus::Open          ? OpenColor
                                                    : NaColor;
    if (computed) {
        label = computed->met ? QStringLiteral("MET") : QStringLiteral("NOT MET");
        color = computed->met ? DoneColor : OpenColor;
    }
    QStringList details;
    if (state.status == ItemStatus::NotApplicable)
        details += QStringLiteral("N/A: ") + state.reason;
    if (computed)
        details += QStringLiteral("Computed: ") + summaryReasonText(*computed);
    if (!state.owner.isEmpty())
        details += QStringLiteral("Owner: ") + state.owner;
    if (const auto flag = m.state().rechecks.find(state.itemId); flag != m.state().rechecks.end())
        details += QStringLiteral("RE-CHECK: ") + recheckText(flag->second);

    TextStyle textStyle = s.body;
    if (state.status == ItemStatus::NotApplicable)
        textStyle.color = NaColor;
    const qreal markerWidth = f.pt(LabelWidth + (computed ? 12 : 0));
    std::shared_ptr<TextBlock> &mark = (*s.labels)[{ label, markerWidth }];
    if (!mark)
        mark = f.layout(label, s.label.font, markerWidth);
    Item item { layOutMarked(mark, color, itemText(text), textStyle, indent, markerWidth), {} };
    const qreal detailIndent = indent + markerWidth, detailWidth = f.width() - detailIndent;
    const auto detail = [&](const QString &text, const QList<QTextLayout::FormatRange> &formats = {}) {
        Marked line;
        line.body = f.layout(text, s.small.font, detailWidth, formats);
        line.bodyColor = s.small.color;
        line.indent = detailIndent;
        item.details.push_back(std::move(line));
    };
    for (const QString &text : details)
        detail(text);
    if (!state.evidence.isEmpty()) {
        const FormattedParagraph evidence = evidenceParagraph(state.evidence);
        detail(evidence.text, evidence.formats);
    }
    if (!state.note.isEmpty()) {
        // A note is Markdown: one paragraph follows its label, more go below it.
        const std::vector<MarkdownBlock> blocks = markdownBlocks(state.note);
        if (blocks.size() == 1 && blocks.front().kind == MarkdownBlock::Kind::Paragraph) {
            FormattedParagraph note;
            note.append(QStringLiteral("Note: "));
            note.append(formattedParagraph(blocks.front().spans, s.smallCode));
            detail(note.text, note.formats);
        } else {
            detail(blocks.empty() ? QStringLiteral("Note: ") + state.note : QStringLiteral("Note:"));
            const qreal noteIndent = f.pt(NestIndent) / 2;
            for (Marked &paragraph :
                 layOutBlocks(f, blocks, { s.small, s.smallCode }, detailIndent + noteIndent, detailWidth - noteIndent))
                item.details.push_back(std::move(paragraph));
        }
    }
    return item;
}

void PdfReport::place(const Item &item)
{
    // Keep a short item together with its details; long ones may break between lines.
    const qreal lineHeight = f.pt(11);
    f.ensure(std::min(lineHeight * qreal(1 + item.details.size()), f.pageHeight() / 4));
    place(item.text);
    for (const Marked &detail : item.details)
        place(detail);
    f.advance(f.pt(2.5));
}

void PdfReport::summaryGroup(const SummaryGroup &group)
{
    subheading(group.title);
    for (const SummaryItem &summary : group.items) {
        const SummaryResult *result = m.summaryResult(summary.id);
        if (result && result->computed)
            place(layOutItem(summary.text, {}, 0, result));
        else
            place(layOutItem(summary.text, m.state().itemState(summary.id), 0));
    }
}

void PdfReport::checklist()
{
    sectionHeading(QStringLiteral("Checklist"), true);
    markSection(QStringLiteral("checklist"));
    f.paragraph(QStringLiteral("Every item with its mark (DONE, N/A with its reason, OPEN), owner, evidence and note."),
                s.small);
    if (!m.tmpl().summary.empty())
        summaryGroup(m.tmpl().summary.front());
    const auto &rows = m.rows();
    const Category *category = nullptr;
    const Section *section = nullptr;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const ChecklistRow &row = rows[i];
        if (row.category != category) {
            category = row.category;
            categoryHeading(*category);
        }
        if (row.section != section) {
            section = row.section;
            subheading(section->title);
        }
        place(layOutItem(row.item->text, row.state, row.depth));
    }
    removedAnswers();
}

void PdfReport::removedAnswers()
{
    const auto &removed = m.input().removedAnswers;
    if (removed.empty())
        return;
    subheading(QStringLiteral("Answers of removed items"));
    f.paragraph(QStringLiteral("Template migrations removed these items; their answers stay in the audit trail."),
                s.small);
    for (const RemovedAnswer &answer : removed) {
        FormattedParagraph text;
        text.append(QStringLiteral("%1 (removed in %2): ").arg(answer.answer.itemId, answer.toVersion));
        text.append(itemText(answer.itemText));
        text.append(QStringLiteral(" — ") + removedAnswerText(answer));
        f.paragraph(f.layout(text.text, s.small.font, f.width(), text.formats), s.small.color, 0);
    }
}

void PdfReport::signoffs()
{
    sectionHeading(QStringLiteral("Sign-off"), true);
    markSection(QStringLiteral("signoffs"));
    f.paragraph(signedOffText(m.assessment().signedOff) + u'.', s.bold);
    f.advance(f.pt(6));
    TableFlow table(f,
                    { { QStringLiteral("Role"), 0.17 },
                      { QStringLiteral("Name"), 0.17 },
                      { QStringLiteral("Decision"), 0.14 },
                      { QStringLiteral("Date"), 0.15 },
                      { QStringLiteral("State"), 0.17 },
                      { QStringLiteral("Comment"), 0.20 } },
                    s.body, s.bold);
    for (const SignOffStatus &status : m.assessment().signoffs) {
        // Green only for a sign-off that counts now, as the window's sign-off table shows it.
        const QColor stateColor = status.counts ? DoneColor : OpenColor;
        if (!status.signoff) {
            table.row({ status.role, QStringLiteral("—"), QStringLiteral("—"), QStringLiteral("—"),
                        signOffStandingText(status), QStringLiteral("—") },
                      Qt::transparent, { QColor(), QColor(), QColor(), QColor(), stateColor });
            continue;
        }
        const SignOff &so = *status.signoff;
        table.row({ status.role, signerText(so), decisionLabel(so.decision), timestampText(so.date),
                    signOffStandingText(status), so.comment },
                  Qt::transparent, { QColor(), QColor(), QColor(), QColor(), stateColor });
    }
    table.finish();
    // Signed sign-offs get a line each below the table, so unsigned reviews print as before.
    for (const SignOff &so : m.state().signoffs) {
        if (so.signature.isEmpty() && so.keyFingerprint.isEmpty())
            continue;
        f.advance(f.pt(4));
        f.paragraph(QStringLiteral("%1 (%2) signed with %3")
                        .arg(so.role, signerText(so), ssh::signatureSummary(m.state().project, so)),
                    s.body);
    }
}

void PdfReport::risks()
{
    sectionHeading(QStringLiteral("Risk register"), false);
    markSection(QStringLiteral("risks"));
    const auto &risks = m.state().risks;
    if (risks.empty()) {
        f.paragraph(QStringLiteral("No risks recorded."), s.body);
    } else {
        TableFlow table(f,
                        { { QStringLiteral("ID"), 0.06 },
                          { QStringLiteral("Risk"), 0.20 },
                          { QStringLiteral("Severity"), 0.10 },
                          { QStringLiteral("Status"), 0.14 },
                          { QStringLiteral("Mitigation"), 0.20 },
                          { QStringLiteral("Owner"), 0.10 },
                          { QStringLiteral("Linked items"), 0.20 } },
                        s.body, s.bold);
        const QFontMetricsF metrics(s.body.font);
        for (const Risk &risk : risks) {
            table.row({ riskLabel(risk), risk.title, severityLabel(risk.severity),
                        riskStatusText(risk, m.input().reviewDate), risk.mitigation, risk.owner,
                        wrappedIds(risk.linkedItems, metrics, table.textWidth(6)) },
                      Qt::transparent, { QColor(), QColor(), severityQColor(risk.severity) });
        }
        table.finish();
    }
    for (std::size_t i = 1; i < m.tmpl().summary.size(); ++i)
        summaryGroup(m.tmpl().summary[i]);
}

void PdfReport::notes()
{
    sectionHeading(QStringLiteral("Notes"), false);
    markSection(QStringLiteral("notes"));
    const QString &notes = m.state().project.notes;
    const std::vector<MarkdownBlock> blocks = markdownBlocks(notes);
    if (blocks.empty()) {
        f.paragraph(notes.isEmpty() ? QStringLiteral("No notes.") : notes, s.body);
        return;
    }
    for (const Marked &paragraph : layOutBlocks(f, blocks, { s.body, s.code }, 0, f.width()))
        place(paragraph);
}

} // namespace preflight::pdf
