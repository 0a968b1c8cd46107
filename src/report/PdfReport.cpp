#include "PdfReport.h"

#include "PdfCanvas.h"
#include "ReportFonts.h"
#include "export/HtmlChart.h"

#include <QFontMetricsF>
#include <QTextCharFormat>
#include <QTextLayout>

namespace preflight::pdf {

namespace {

const QColor Grey(0x61, 0x61, 0x61);
const QColor Rule(0x42, 0x42, 0x42);

TextStyle style(const QFont &base, qreal points, bool bold, const QColor &color = Qt::black)
{
    QFont font = base;
    font.setPointSizeF(points);
    font.setBold(bold);
    return { font, color };
}

QColor verdictColor(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ready:
        return severityQColor(Severity::Low);
    case Verdict::ReadyWithRisks:
        return severityQColor(Severity::High);
    case Verdict::NotReady:
        break;
    }
    return severityQColor(Severity::Critical);
}

// Appendix A marks severities with coloured circle emoji, which no embeddable outline font draws
// in colour (and DejaVu Sans and Symbola lack some of them): template text in the PDF shows each
// as a circle in its severity's colour instead.
void showSeverityDots(FormattedParagraph &paragraph)
{
    static const std::pair<QString, Severity> markers[] = {
        { QStringLiteral("🔴"), Severity::Critical },
        { QStringLiteral("🟠"), Severity::High },
        { QStringLiteral("🟡"), Severity::Medium },
        { QStringLiteral("🟢"), Severity::Low },
    };
    QString &shown = paragraph.text;
    for (qsizetype i = 0; i < shown.size(); ++i) {
        // Every marker is outside the BMP: only a high surrogate can start one. Checking that first
        // keeps this scan cheap for the thousands of items that have no marker.
        if (!shown.at(i).isHighSurrogate())
            continue;
        for (const auto &[marker, severity] : markers) {
            if (QStringView(shown).mid(i).startsWith(marker)) {
                shown.replace(i, marker.size(), QChar(0x25CF));
                // The text after it moves back by the surrogate that is gone.
                for (QTextLayout::FormatRange &range : paragraph.formats) {
                    if (range.start > i)
                        range.start -= int(marker.size()) - 1;
                    else if (range.start + range.length > i + 1)
                        range.length -= int(marker.size()) - 1;
                }
                QTextCharFormat dot;
                dot.setForeground(severityQColor(severity));
                paragraph.formats.append({ int(i), 1, dot });
                break;
            }
        }
    }
}

} // namespace

QColor severityQColor(Severity severity)
{
    return QColor(severityColor(severity));
}

PdfReport::PdfReport(const ReportModel &model, PageFlow &flow)
    : m(model)
    , f(flow)
{
    const QFont base = f.deviceFont(pdf::reportFont(9));
    s.title = style(base, 19, true);
    s.section = style(base, 14, true);
    s.category = style(base, 12, true);
    s.subsection = style(base, 10, true, Rule);
    s.body = style(base, 9, false);
    s.bold = style(base, 9, true);
    s.small = style(base, 8, false, Grey);
    s.label = style(base, 7, true);
    s.code = f.deviceFont(pdf::reportCodeFont(8.5));
    s.smallCode = f.deviceFont(pdf::reportCodeFont(7.5));

    m_toc = { { QStringLiteral("scores"), QStringLiteral("Category scores") },
              { QStringLiteral("chart"), QStringLiteral("Completion by category") },
              { QStringLiteral("actions"), QStringLiteral("Action list") },
              { QStringLiteral("checklist"), QStringLiteral("Checklist") } };
    for (const Category &category : m.tmpl().categories) {
        const QString number = category.number > 0 ? QStringLiteral("%1. ").arg(category.number) : QString();
        m_toc.push_back({ QStringLiteral("category:") + category.id, number + category.title, true });
    }
    m_toc.push_back({ QStringLiteral("signoffs"), QStringLiteral("Sign-off") });
    m_toc.push_back({ QStringLiteral("risks"), QStringLiteral("Risk register") });
    m_toc.push_back({ QStringLiteral("notes"), QStringLiteral("Notes") });
}

std::vector<PdfReport::OutlineEntry> PdfReport::outline() const
{
    std::vector<OutlineEntry> entries;
    for (const TocEntry &entry : m_toc) {
        const Place place = m_places->value(entry.key);
        entries.push_back({ entry.label, place.page, place.top, entry.indented });
    }
    return entries;
}

void PdfReport::layOut()
{
    firstPage();
    scores();
    chart();
    actions();
    checklist();
    signoffs();
    risks();
    notes();
}

void PdfReport::sectionHeading(const QString &title, bool newPage)
{
    if (newPage)
        f.newPage();
    f.space(f.pt(14));
    f.ensure(f.pt(80)); // never a heading alone at the bottom of a page
    markHeading();
    f.paragraph(title, s.section);
    const qreal y = f.y() + f.pt(2);
    f.add([left = f.left(), right = f.left() + f.width(), y, pen = f.pt(1.2)](PdfCanvas &canvas) {
        canvas.setPen(Rule, pen);
        canvas.drawLine(QPointF(left, y), QPointF(right, y));
    });
    f.advance(f.pt(8));
}

void PdfReport::subheading(const QString &title)
{
    f.space(f.pt(6));
    f.ensure(f.pt(40));
    markHeading();
    f.paragraph(title, s.subsection);
    f.advance(f.pt(2));
}

void PdfReport::firstPage()
{
    const Project &p = m.state().project;
    const Assessment &a = m.assessment();
    f.paragraph(m.title(), s.title);
    f.advance(f.pt(4));
    if (!p.description.isEmpty())
        f.paragraph(p.description, s.body);
    f.advance(f.pt(10));

    // The verdict box: what a reader must see first.
    const qreal top = f.y();
    const std::size_t firstOp = f.opCount();
    const qreal inset = f.pt(10);
    const TextStyle verdict = style(s.title.font, 16, true, verdictColor(a.verdict));
    f.advance(f.pt(6));
    f.paragraph(m.verdictLabel() + QStringLiteral(" · ") + signedOffText(a.signedOff), verdict, inset);
    f.advance(f.pt(2));
    f.paragraph(QStringLiteral("Overall score %1 · %2").arg(scoreText(a.score), countsSentence(a.counts)), s.bold,
                inset);
    for (const QString &reason : verdictReasonTexts(a))
        f.paragraph(QStringLiteral("• ") + reason, s.body, inset);
    f.advance(f.pt(6));
    f.insert(firstOp,
             [rect = QRectF(f.left(), top, f.width(), f.y() - top), bar = f.pt(5),
              color = verdictColor(a.verdict)](PdfCanvas &canvas) {
                 canvas.fillRect(rect, QColor(0xfa, 0xfa, 0xfa));
                 canvas.fillRect(QRectF(rect.left(), rect.top(), bar, rect.height()), color);
             });
    f.advance(f.pt(12));

    // Wide enough for the 64 hex digits of the audit head on one line: readers compare it whole.
    TableFlow review(f, { { QStringLiteral("Review"), 0.24 }, { QString(), 0.76 } }, s.body, s.bold);
    const QString head
        = m.input().auditHead.isEmpty() ? QStringLiteral("none (no audit entries)") : m.input().auditHead;
    const Template &t = m.tmpl();
    std::vector<QStringList> rows = {
        { QStringLiteral("Project"), p.name },
        { QStringLiteral("Template"), QStringLiteral("%1 %2 (%3)").arg(t.title, t.version, t.id) },
        { QStringLiteral("Review date"), m.input().reviewDate.toString(Qt::ISODate) },
        { QStringLiteral("Reviewer"), m.input().actor },
        { QStringLiteral("Target launch date"), dateText(p.targetDate) },
        { QStringLiteral("Actual launch date"), dateText(p.actualDate) },
        { QStringLiteral("Generated"), timestampText(m.input().generatedAt) },
        { QStringLiteral("Audit trail head"), head },
    };
    // Only a review with a profile has the row, so the others read as before.
    if (p.profile)
        rows.insert(rows.begin() + 6, { QStringLiteral("Profile"), profileDescription(p.profile) });
    for (const QStringList &row : rows)
        review.row(row);
    review.finish();
    tableOfContents();
}

void PdfReport::tableOfContents()
{
    subheading(QStringLiteral("Contents"));
    const QFontMetricsF metrics(s.body.font, nullptr);
    for (const TocEntry &entry : m_toc) {
        const qreal indent = entry.indented ? f.pt(14) : 0;
        const qreal numberWidth = f.pt(36);
        const auto line
            = f.layout(entry.label, entry.indented ? s.body.font : s.bold.font, f.width() - indent - numberWidth);
        f.ensure(line->height());
        const qreal baseline = f.y() + line->line(0).ascent();
        f.add([places = m_places, key = entry.key, font = s.body.font,
               area = QRectF(f.left(), f.y(), f.width(), line->height()), baseline](PdfCanvas &canvas) {
            const Place place = places->value(key);
            const QString number = QString::number(place.page + 1);
            canvas.drawText(
                QPointF(area.right() - QFontMetricsF(font, canvas.device()).horizontalAdvance(number), baseline),
                number, font, Qt::black);
            canvas.addLink(area, place.page, place.top);
        });
        f.advance(f.drawLines(line, 0, line->lineCount(), f.left() + indent, Qt::black));
    }
}

void PdfReport::scores()
{
    const Assessment &a = m.assessment();
    sectionHeading(QStringLiteral("Category scores"), false);
    markSection(QStringLiteral("scores"));
    TableFlow table(f,
                    { { QStringLiteral("Category"), 0.40 },
                      { QStringLiteral("Severity"), 0.14 },
                      { QStringLiteral("Done"), 0.11 },
                      { QStringLiteral("N/A"), 0.11 },
                      { QStringLiteral("Open"), 0.11 },
                      { QStringLiteral("Score"), 0.13 } },
                    s.body, s.bold);
    for (const CategoryScore &c : a.categories) {
        table.row({ c.title, severityLabel(c.severity), QString::number(c.counts.done), QString::number(c.counts.na),
                    QString::number(c.counts.open), scoreText(c.score) },
                  Qt::transparent, { QColor(), severityQColor(c.severity) });
    }
    table.row({ QStringLiteral("Overall"), QString(), QString::number(a.counts.done), QString::number(a.counts.na),
                QString::number(a.counts.open), scoreText(a.score) },
              QColor(0xf5, 0xf5, 0xf5));
    table.finish();
}

void PdfReport::chart()
{
    const auto &categories = m.assessment().categories;
    const qreal row = f.pt(15);
    f.space(f.pt(6));
    f.ensure(f.pt(40) + row * qreal(std::min<std::size_t>(categories.size(), 12)));
    subheading(QStringLiteral("Completion by category"));
    markSection(QStringLiteral("chart"));
    f.paragraph(QStringLiteral("Bar length: category score (done ÷ applicable items); colour: category severity."),
                s.small);
    f.advance(f.pt(4));
    const qreal labelWidth = f.width() * 0.34, barWidth = f.width() * 0.52, barHeight = f.pt(9);
    for (const CategoryScore &c : categories) {
        f.ensure(row);
        const QRectF track(f.left() + labelWidth + f.pt(6), f.y() + (row - barHeight) / 2, barWidth, barHeight);
        f.add([c, track, font = s.body.font, labelWidth, left = f.left(), gap = f.pt(6)](PdfCanvas &canvas) {
            canvas.fillRect(track, QColor(0xee, 0xee, 0xee));
            const double fraction = c.score.value_or(0.0) / 100.0;
            if (fraction > 0)
                canvas.fillRect(QRectF(track.topLeft(), QSizeF(track.width() * fraction, track.height())),
                                severityQColor(c.severity));
            const QFontMetricsF metrics(font, canvas.device());
            // Long titles are shortened here only; the table above shows them whole.
            const QString label = metrics.elidedText(c.title, Qt::ElideRight, labelWidth);
            const qreal baseline = track.center().y() + (metrics.ascent() - metrics.descent()) / 2;
            canvas.drawText(QPointF(left + labelWidth - metrics.horizontalAdvance(label), baseline), label, font,
                            Qt::black);
            canvas.drawText(QPointF(track.right() + gap, baseline), scoreText(c.score), font, Qt::black);
        });
        f.advance(row);
    }
    f.advance(f.pt(4));
    f.paragraph(QStringLiteral("Colours: critical red, high orange, medium yellow, low green."), s.small);
}

PdfReport::Marked PdfReport::layOutMarked(std::shared_ptr<TextBlock> marker, const QColor &markerColor,
                                          FormattedParagraph text, const TextStyle &textStyle, qreal indent,
                                          qreal markerWidth) const
{
    showSeverityDots(text);
    Marked marked;
    marked.mark = std::move(marker);
    marked.body = f.layout(text.text, textStyle.font, f.width() - indent - markerWidth, text.formats);
    marked.markColor = markerColor;
    marked.bodyColor = textStyle.color;
    marked.indent = indent;
    marked.markerWidth = markerWidth;
    return marked;
}

FormattedParagraph PdfReport::itemText(const QString &markdown) const
{
    return formattedParagraph(inlineMarkdown(markdown), s.code);
}

void PdfReport::place(const Marked &marked)
{
    f.space(marked.spaceBefore);
    if (marked.rule) {
        f.ensure(f.pt(4));
        f.add([from = QPointF(f.left() + marked.indent, f.y() + f.pt(2)), length = marked.markerWidth,
               pen = f.pt(0.5)](PdfCanvas &canvas) {
            canvas.setPen(QColor(0xbd, 0xbd, 0xbd), pen);
            canvas.drawLine(from, from + QPointF(length, 0));
        });
        f.advance(f.pt(4));
        return;
    }
    if (!marked.body || marked.body->lineCount() == 0)
        return;
    if (marked.mark && marked.mark->lineCount() > 0) {
        // The marker's baseline on the first line's.
        f.ensure(marked.body->line(0).height());
        f.drawLines(marked.mark, 0, 1, f.left() + marked.indent, marked.markColor,
                    marked.body->line(0).ascent() - marked.mark->line(0).ascent());
    }
    f.paragraph(marked.body, marked.bodyColor, marked.indent + marked.markerWidth);
}

void PdfReport::actions()
{
    sectionHeading(QStringLiteral("Action list"), false);
    markSection(QStringLiteral("actions"));
    f.paragraph(actionCountSentence(m.assessment().actions) + u'.', s.body);
    const auto bullet = f.layout(QStringLiteral("•"), s.body.font, f.pt(10));
    if (!m.rechecks().empty()) {
        subheading(QStringLiteral("Wording changed — re-check (%1)").arg(m.rechecks().size()));
        for (const Action &action : m.rechecks()) {
            FormattedParagraph text = itemText(action.text);
            text.append(QStringLiteral(" — answered as: “%1”").arg(m.state().rechecks.at(action.id).oldText));
            place(layOutMarked(bullet, s.body.color, text, s.body, f.pt(4), f.pt(10)));
        }
    }
    for (const ActionGroup &group : m.actionGroups()) {
        subheading(group.severity ? QStringLiteral("%1 (%2)").arg(group.title, severityLabel(*group.severity))
                                  : group.title);
        for (const Action *action : group.actions) {
            FormattedParagraph text;
            if (action->kind == QLatin1String("risk")) {
                text.append(
                    QStringLiteral("R%1 (%2) %3").arg(action->id, severityLabel(action->severity), action->text));
            } else if (const ChecklistRow *row = m.row(action->id)) {
                text = itemText(row->item->text);
                if (!row->state.owner.isEmpty())
                    text.append(QStringLiteral(" — owner: ") + row->state.owner);
            } else {
                text.append(action->text);
            }
            place(layOutMarked(bullet, s.body.color, text, s.body, f.pt(4), f.pt(10)));
        }
    }
}

} // namespace preflight::pdf
