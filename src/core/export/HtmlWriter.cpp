#include "export/HtmlWriter.h"

#include "export/HtmlChart.h"
#include "export/MarkdownHtml.h"
#include "export/XmlText.h"
#include "model/LinkPolicy.h"
#include "signing/SshSigning.h"

#include <QStringList>

#include <algorithm>

namespace preflight {

namespace {

// No '<' or '&' in here: the style element must stay well-formed XML.
const char *const Style = R"css(
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #212121; margin: 2em auto;
       max-width: 60em; line-height: 1.4; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { border-bottom: 2px solid #424242; padding-bottom: 0.15em; margin-top: 1.8em; }
h3 { margin-bottom: 0.3em; }
h4 { margin: 0.8em 0 0.2em; color: #424242; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { border: 1px solid #bdbdbd; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #f5f5f5; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.verdict { border-left: 6px solid #c62828; background: #fafafa; padding: 0.6em 1em; font-size: 1.1em; }
.verdict.ready { border-color: #2e7d32; }
.verdict.ready-with-risks { border-color: #ef6c00; }
.sev { display: inline-block; padding: 0 0.4em; border-radius: 0.3em; color: white; font-size: 0.8em; }
.sev.critical { background: #c62828; } .sev.high { background: #ef6c00; }
.sev.medium { background: #f9a825; color: black; } .sev.low { background: #2e7d32; }
ul.items { list-style: none; padding-left: 0; margin: 0.2em 0; }
ul.items ul.items { padding-left: 1.6em; }
ul.items li { margin: 0.15em 0; }
.mark { display: inline-block; min-width: 3.2em; font-size: 0.8em; font-weight: bold; }
.mark.done { color: #2e7d32; } .mark.open { color: #c62828; } .mark.na { color: #757575; }
li.na > .text { text-decoration: line-through; color: #757575; }
.details { margin: 0.1em 0 0.3em 3.6em; font-size: 0.9em; color: #424242; }
.details div { white-space: pre-wrap; overflow-wrap: anywhere; }
.pre { white-space: pre-wrap; overflow-wrap: anywhere; }
.stale { color: #c62828; font-weight: bold; }
.recheck { color: #b26a00; }
svg.chart text { font-size: 12px; fill: #212121; }
footer { margin-top: 2em; border-top: 1px solid #bdbdbd; padding-top: 0.5em; font-size: 0.85em; color: #616161; }
code { overflow-wrap: anywhere; }
.md, .details .md { white-space: normal; }
.md p, .md ul, .md ol, .md pre, .md blockquote { margin: 0.2em 0; }
.md ul, .md ol { padding-left: 1.6em; }
.md li.task { list-style: none; }
.md blockquote { border-left: 3px solid #bdbdbd; padding-left: 0.6em; color: #616161; }
.md pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f5f5f5; padding: 0.3em 0.5em; }
@page { margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  nav { display: none; }
  h2, h3, h4 { break-after: avoid; }
  tr, li, svg { break-inside: avoid; }
  #checklist, #signoffs { break-before: page; }
}
)css";

QString user(const QString &typed)
{
    return QStringLiteral("<bdi>%1</bdi>").arg(xmlEscaped(typed));
}

// Evidence that is a web address is a link, isolated like any user text; anything else is text.
// The report opens in a browser, so the link neither tells the page it leads to where it came
// from nor hands it this window.
QString evidence(const QString &typed)
{
    const std::optional<QUrl> link = LinkPolicy::evidenceLink(typed);
    if (!link)
        return user(typed);
    return QStringLiteral("<a href=\"%1\" rel=\"noopener noreferrer\">%2</a>")
        .arg(xmlEscaped(LinkPolicy::href(*link)), user(typed));
}

QString orDash(const QString &typed)
{
    return typed.isEmpty() ? QStringLiteral("—") : user(typed);
}

// Inline Markdown of a template's item text, formatted and isolated like user text.
QString formattedItem(const QString &markdown)
{
    return QStringLiteral("<bdi>%1</bdi>").arg(spansHtml(inlineMarkdown(markdown)));
}

// A note, which is Markdown: one paragraph stays inline after its label (in <bdi>, like any user
// text); more goes below it as blocks, in an element of its own direction.
QString formattedNote(const QString &markdown)
{
    const std::vector<MarkdownBlock> blocks = markdownBlocks(markdown);
    if (blocks.empty())
        return user(markdown); // white space only
    if (blocks.size() == 1 && blocks.front().kind == MarkdownBlock::Kind::Paragraph)
        return QStringLiteral("<bdi>%1</bdi>").arg(spansHtml(blocks.front().spans));
    return QStringLiteral("<div class=\"md\" dir=\"auto\">%1</div>").arg(blocksHtml(blocks));
}

QString sevBadge(Severity severity)
{
    return QStringLiteral("<span class=\"sev %1\">%2</span>").arg(severityKey(severity), severityLabel(severity));
}

class Document
{
public:
    explicit Document(const ReportModel &model)
        : m(model)
    { }

    QString render()
    {
        out += QStringLiteral("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
                              "<meta charset=\"utf-8\"/>\n<title>%1</title>\n<style>%2</style>\n</head>\n<body>\n")
                   .arg(xmlEscaped(m.title()), QString::fromUtf8(Style));
        header();
        tableOfContents();
        scores();
        actions();
        checklist();
        signoffs();
        risks();
        notes();
        footer();
        out += QStringLiteral("</body>\n</html>\n");
        return out;
    }

private:
    void header()
    {
        const Project &p = m.state().project;
        const Assessment &a = m.assessment();
        out += QStringLiteral("<header>\n<h1>Readiness review: %1</h1>\n").arg(user(p.name));
        if (!p.description.isEmpty())
            out += QStringLiteral("<p class=\"pre\">%1</p>\n").arg(user(p.description));
        out += QStringLiteral("<section class=\"verdict %1\"><strong>%2</strong> · %3 · overall score <strong>%4"
                              "</strong> · %5")
                   .arg(verdictKey(a.verdict), user(m.verdictLabel()), signedOffText(a.signedOff), scoreText(a.score),
                        countsSentence(a.counts));
        if (!a.verdictShortfalls.empty()) {
            out += QStringLiteral("<ul>");
            for (const QString &reason : verdictReasonTexts(a))
                out += QStringLiteral("<li>%1</li>").arg(user(reason));
            out += QStringLiteral("</ul>");
        }
        out += QStringLiteral("</section>\n<table class=\"meta\">\n");
        const Template &t = m.tmpl();
        std::vector<std::pair<QString, QString>> rows = {
            { QStringLiteral("Project"), user(p.name) },
            { QStringLiteral("Template"), user(QStringLiteral("%1 %2 (%3)").arg(t.title, t.version, t.id)) },
            { QStringLiteral("Review date"), m.input().reviewDate.toString(Qt::ISODate) },
            { QStringLiteral("Reviewer"), orDash(m.input().actor) },
            { QStringLiteral("Target launch date"), dateText(p.targetDate) },
            { QStringLiteral("Actual launch date"), dateText(p.actualDate) },
        };
        // Only a review with a profile has the row, so the others read as before.
        if (p.profile)
            rows.emplace_back(QStringLiteral("Profile"), user(profileDescription(p.profile)));
        for (const auto &[label, value] : rows)
            out += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(label, value);
        out += QStringLiteral("</table>\n</header>\n");
    }

    void tableOfContents()
    {
        out += QStringLiteral(
            "<nav><strong>Contents:</strong> <a href=\"#scores\">Category scores</a> · <a href=\"#actions\">Action "
            "list</a> · <a href=\"#checklist\">Checklist</a> · <a href=\"#signoffs\">Sign-off</a> · <a "
            "href=\"#risks\">Risks</a> · <a href=\"#notes\">Notes</a></nav>\n");
    }

    void scores()
    {
        const Assessment &a = m.assessment();
        out += QStringLiteral("<section id=\"scores\">\n<h2>Category scores</h2>\n<table>\n<tr><th>Category</th>"
                              "<th>Severity</th><th>Done</th><th>N/A</th><th>Open</th><th>Score</th></tr>\n");
        for (const CategoryScore &s : a.categories) {
            out += QStringLiteral("<tr><td>%1</td><td>%2</td><td class=\"num\">%3</td><td class=\"num\">%4</td>"
                                  "<td class=\"num\">%5</td><td class=\"num\">%6</td></tr>\n")
                       .arg(user(s.title), sevBadge(s.severity), QString::number(s.counts.done),
                            QString::number(s.counts.na), QString::number(s.counts.open), scoreText(s.score));
        }
        out += QStringLiteral("<tr><th>Overall</th><td></td><td class=\"num\">%1</td><td class=\"num\">%2</td>"
                              "<td class=\"num\">%3</td><td class=\"num\"><strong>%4</strong></td></tr>\n</table>\n")
                   .arg(a.counts.done)
                   .arg(a.counts.na)
                   .arg(a.counts.open)
                   .arg(scoreText(a.score));
        out += QStringLiteral("<h3>Completion by category</h3>\n") + categoryChartSvg(a.categories);
        out += QStringLiteral("</section>\n");
    }

    QString itemText(const QString &itemId) const
    {
        if (const ChecklistRow *row = m.row(itemId))
            return formattedItem(row->item->text);
        const SummaryItem *summary = m.tmpl().findSummaryItem(itemId);
        return summary ? formattedItem(summary->text) : user(itemId);
    }

    void actions()
    {
        out += QStringLiteral("<section id=\"actions\">\n<h2>Action list</h2>\n");
        out += QStringLiteral("<p>%1.</p>\n").arg(actionCountSentence(m.assessment().actions));
        if (!m.rechecks().empty()) {
            out += QStringLiteral("<h3>Wording changed — re-check (%1)</h3>\n<ul>\n").arg(m.rechecks().size());
            for (const Action &action : m.rechecks())
                out += QStringLiteral("<li>%1 — answered as: %2</li>\n")
                           .arg(itemText(action.id), user(m.state().rechecks.at(action.id).oldText));
            out += QStringLiteral("</ul>\n");
        }
        for (const ActionGroup &group : m.actionGroups()) {
            out += QStringLiteral("<h3>%1 %2</h3>\n<ul>\n")
                       .arg(user(group.title), group.severity ? sevBadge(*group.severity) : QString());
            for (const Action *action : group.actions) {
                if (action->kind == QLatin1String("risk")) {
                    out += QStringLiteral("<li>R%1 %2 %3</li>\n")
                               .arg(xmlEscaped(action->id), sevBadge(action->severity), user(action->text));
                    continue;
                }
                const ChecklistRow *row = m.row(action->id);
                const QString owner = row ? row->state.owner : QString();
                out += QStringLiteral("<li>%1%2</li>\n")
                           .arg(itemText(action->id),
                                owner.isEmpty() ? QString() : QStringLiteral(" — owner: %1").arg(user(owner)));
            }
            out += QStringLiteral("</ul>\n");
        }
        out += QStringLiteral("</section>\n");
    }

    void item(const QString &text, const ItemState &state, const QString &computedReason = {})
    {
        static const QString marks[] = { QStringLiteral("open"), QStringLiteral("done"), QStringLiteral("na") };
        const QString key = marks[static_cast<int>(state.status)];
        out += QStringLiteral("<li class=\"%1\"><span class=\"mark %1\">%2</span> <span class=\"text\">%3</span>")
                   .arg(key, itemStatusLabel(state.status), text);
        if (state.status == ItemStatus::NotApplicable)
            out += QStringLiteral(" — N/A: %1").arg(user(state.reason));
        if (!computedReason.isNull())
            out += QStringLiteral(" — computed%1")
                       .arg(computedReason.isEmpty() ? QString() : QStringLiteral(": ") + user(computedReason));
        if (!state.owner.isEmpty() || !state.evidence.isEmpty() || !state.note.isEmpty()) {
            out += QStringLiteral("<div class=\"details\">");
            if (!state.owner.isEmpty())
                out += QStringLiteral("<div>Owner: %1</div>").arg(user(state.owner));
            if (!state.evidence.isEmpty())
                out += QStringLiteral("<div>Evidence: %1</div>").arg(evidence(state.evidence));
            if (!state.note.isEmpty())
                out += QStringLiteral("<div>Note: %1</div>").arg(formattedNote(state.note));
            out += QStringLiteral("</div>");
        }
        if (const auto flag = m.state().rechecks.find(state.itemId); flag != m.state().rechecks.end())
            out += QStringLiteral("<div class=\"details recheck\">⚠ %1</div>").arg(user(recheckText(flag->second)));
    }

    void summaryGroup(const SummaryGroup &group)
    {
        out += QStringLiteral("<h3>%1</h3>\n<ul class=\"items\">\n").arg(user(group.title));
        for (const SummaryItem &s : group.items) {
            const SummaryResult *result = m.summaryResult(s.id);
            if (result && result->computed) {
                ItemState computed;
                computed.status = result->met ? ItemStatus::Done : ItemStatus::Open;
                item(formattedItem(s.text), computed, summaryReasonText(*result));
            } else {
                item(formattedItem(s.text), m.state().itemState(s.id));
            }
            out += QStringLiteral("</li>\n");
        }
        out += QStringLiteral("</ul>\n");
    }

    void checklist()
    {
        out += QStringLiteral("<section id=\"checklist\">\n<h2>Checklist</h2>\n");
        if (!m.tmpl().summary.empty())
            summaryGroup(m.tmpl().summary.front());
        const Category *category = nullptr;
        const Section *section = nullptr;
        int depth = -1; // open <ul> levels minus one
        const auto closeTo = [&](int level) {
            for (; depth > level; --depth)
                out += QStringLiteral("</li>\n</ul>\n");
        };
        for (const ChecklistRow &row : m.rows()) {
            if (row.section != section) {
                closeTo(-1);
                if (row.category != category) {
                    category = row.category;
                    const QString number
                        = category->number > 0 ? QStringLiteral("%1. ").arg(category->number) : QString();
                    out += QStringLiteral("<h3>%1%2 %3</h3>\n")
                               .arg(number, user(category->title), sevBadge(category->severity));
                }
                section = row.section;
                out += QStringLiteral("<h4>%1</h4>\n").arg(user(section->title));
            }
            if (row.depth > depth) {
                out += QStringLiteral("<ul class=\"items\">\n");
                depth = row.depth;
            } else {
                closeTo(row.depth);
                out += QStringLiteral("</li>\n");
            }
            item(formattedItem(row.item->text), row.state);
        }
        closeTo(-1);
        removedAnswers();
        out += QStringLiteral("</section>\n");
    }

    void removedAnswers()
    {
        const auto &removed = m.input().removedAnswers;
        if (removed.empty())
            return;
        out += QStringLiteral("<h3>Answers of removed items</h3>\n<p>Template migrations removed these items; their "
                              "answers stay in the audit trail.</p>\n<ul>\n");
        for (const RemovedAnswer &answer : removed)
            out += QStringLiteral("<li><code>%1</code> (removed in %2): %3 — %4</li>\n")
                       .arg(xmlEscaped(answer.answer.itemId), user(answer.toVersion), formattedItem(answer.itemText),
                            user(removedAnswerText(answer)));
        out += QStringLiteral("</ul>\n");
    }

    void signoffs()
    {
        const Assessment &a = m.assessment();
        // The signature column appears once anything is signed: unsigned reviews read as before.
        const bool anySigned = anySignedWithKey(m.state().signoffs);
        out += QStringLiteral("<section id=\"signoffs\">\n<h2>Sign-off</h2>\n<p><strong>%1</strong></p>\n<table>\n"
                              "<tr><th>Role</th><th>Name</th><th>Decision</th><th>Date</th><th>State</th>"
                              "<th>Comment</th>%2</tr>\n")
                   .arg(signedOffText(a.signedOff), anySigned ? QStringLiteral("<th>Signature</th>") : QString());
        for (const SignOffStatus &status : a.signoffs) {
            const QString state
                = QStringLiteral("<span class=\"%1\">%2</span>")
                      .arg(status.standing == SignOffStanding::Stale ? QStringLiteral("stale") : QString(),
                           signOffStandingText(status));
            if (!status.signoff) {
                out += QStringLiteral("<tr><td>%1</td><td>—</td><td>—</td><td>—</td><td>%2</td><td>—</td>%3</tr>\n")
                           .arg(user(status.role), state, anySigned ? QStringLiteral("<td>—</td>") : QString());
                continue;
            }
            const SignOff &s = *status.signoff;
            const QString signature = anySigned ? QStringLiteral("<td class=\"signature\">%1</td>")
                                                      .arg(user(ssh::signatureSummary(m.state().project, s)))
                                                : QString();
            out += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td class=\"pre\">%6"
                                  "</td>%7</tr>\n")
                       .arg(user(status.role), orDash(signerText(s)), decisionLabel(s.decision), timestampText(s.date),
                            state, orDash(s.comment), signature);
        }
        out += QStringLiteral("</table>\n</section>\n");
    }

    void risks()
    {
        out += QStringLiteral("<section id=\"risks\">\n<h2>Risk register</h2>\n");
        const auto &risks = m.state().risks;
        if (risks.empty()) {
            out += QStringLiteral("<p>No risks recorded.</p>\n");
        } else {
            out += QStringLiteral("<table>\n<tr><th>ID</th><th>Risk</th><th>Severity</th><th>Mitigation</th>"
                                  "<th>Owner</th><th>Status</th><th>Linked items</th></tr>\n");
            for (const Risk &r : risks) {
                out += QStringLiteral("<tr><td>%1</td><td class=\"pre\">%2</td><td>%3</td><td class=\"pre\">%4</td>"
                                      "<td>%5</td><td>%6</td><td>%7</td></tr>\n")
                           .arg(riskLabel(r), user(r.title), sevBadge(r.severity), orDash(r.mitigation),
                                orDash(r.owner), user(riskStatusText(r, m.input().reviewDate)),
                                orDash(r.linkedItems.join(QStringLiteral(", "))));
            }
            out += QStringLiteral("</table>\n");
        }
        for (std::size_t i = 1; i < m.tmpl().summary.size(); ++i)
            summaryGroup(m.tmpl().summary[i]);
        out += QStringLiteral("</section>\n");
    }

    void notes()
    {
        const QString &notes = m.state().project.notes;
        const std::vector<MarkdownBlock> blocks = markdownBlocks(notes);
        out += QStringLiteral("<section id=\"notes\">\n<h2>Notes</h2>\n%1\n</section>\n")
                   .arg(blocks.empty()
                            ? QStringLiteral("<p class=\"pre\">%1</p>")
                                  .arg(notes.isEmpty() ? QStringLiteral("No notes.") : user(notes))
                            : QStringLiteral("<div class=\"md\" dir=\"auto\">%1</div>").arg(blocksHtml(blocks)));
    }

    void footer()
    {
        const QString head = m.input().auditHead.isEmpty()
            ? QStringLiteral("none (no audit entries)")
            : QStringLiteral("<code>%1</code>").arg(xmlEscaped(m.input().auditHead));
        out += QStringLiteral("<footer>Generated %1 by %2 with Preflight %3 · audit trail head %4</footer>\n")
                   .arg(timestampText(m.input().generatedAt), orDash(m.input().actor),
                        QStringLiteral(PREFLIGHT_VERSION), head);
    }

    const ReportModel &m;
    QString out;
};

} // namespace

QByteArray HtmlWriter::write(const ReportInput &input) const
{
    const ReportModel model(input);
    return Document(model).render().toUtf8();
}

} // namespace preflight
