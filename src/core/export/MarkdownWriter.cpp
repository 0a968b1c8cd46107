#include "export/MarkdownWriter.h"

#include "export/MarkdownText.h"
#include "model/LinkPolicy.h"
#include "signing/SshSigning.h"

#include <QStringList>

#include <algorithm>

namespace preflight {

namespace {

QString text(const QString &typed, const QString &indent = {})
{
    return escapeMarkdown(typed, MarkdownContext::Text, indent);
}

QString cell(const QString &typed)
{
    return typed.isEmpty() ? QStringLiteral("—") : escapeMarkdown(typed, MarkdownContext::TableCell);
}

// Evidence that is a link (LinkPolicy::evidenceLink(), as in the HTML and PDF reports) becomes
// a GFM autolink <…> (clickable, and taken verbatim by every renderer); anything else is escaped
// text.
QString evidence(const QString &typed, const QString &indent)
{
    const bool link = typed == typed.trimmed() && LinkPolicy::evidenceLink(typed);
    return link ? u'<' + typed + u'>' : text(typed, indent);
}

// Template item text is Markdown inline by definition (`code` spans in Appendix A), so it is
// kept; only a line break, which would end the list item, is folded into a space.
QString templateText(const QString &markdown)
{
    QString line = markdown;
    return line.replace(u'\n', u' ');
}

class Document
{
public:
    explicit Document(const ReportModel &model)
        : m(model)
    { }

    QString render()
    {
        header();
        verdict();
        scores();
        actions();
        checklist();
        signoffs();
        risks();
        notes();
        footer();
        return out;
    }

private:
    void line(const QString &content = {}) { out += content + u'\n'; }

    void table(const QStringList &headers, const std::vector<QStringList> &rows)
    {
        line(QStringLiteral("| ") + headers.join(QStringLiteral(" | ")) + QStringLiteral(" |"));
        QStringList rule;
        for (qsizetype i = 0; i < headers.size(); ++i)
            rule += QStringLiteral("---");
        line(QStringLiteral("|") + rule.join(u'|') + QStringLiteral("|"));
        for (const QStringList &row : rows)
            line(QStringLiteral("| ") + row.join(QStringLiteral(" | ")) + QStringLiteral(" |"));
        line();
    }

    void header()
    {
        const Project &project = m.state().project;
        line(QStringLiteral("# ") + text(m.title()));
        line();
        if (!project.description.isEmpty()) {
            line(text(project.description));
            line();
        }
        const Template &tmpl = m.tmpl();
        std::vector<QStringList> rows {
            { QStringLiteral("Project"), cell(project.name) },
            { QStringLiteral("Template"), cell(QStringLiteral("%1 %2 (%3)").arg(tmpl.title, tmpl.version, tmpl.id)) },
            { QStringLiteral("Review date"), cell(m.input().reviewDate.toString(Qt::ISODate)) },
            { QStringLiteral("Reviewer"), cell(m.input().actor) },
            { QStringLiteral("Target launch date"), cell(dateText(project.targetDate)) },
            { QStringLiteral("Actual launch date"), cell(dateText(project.actualDate)) }
        };
        // Only a review with a profile has the row, so the others read as before.
        if (project.profile)
            rows.push_back({ QStringLiteral("Profile"), cell(profileDescription(project.profile)) });
        table({ QStringLiteral("Review"), QString() }, rows);
    }

    void verdict()
    {
        const Assessment &a = m.assessment();
        line(QStringLiteral("## Verdict"));
        line();
        line(QStringLiteral("**%1** — %2. Overall score **%3** (%4).")
                 .arg(text(m.verdictLabel()), signedOffText(a.signedOff).toLower(), scoreText(a.score),
                      countsSentence(a.counts)));
        line();
        for (const QString &reason : verdictReasonTexts(a))
            line(QStringLiteral("- ") + text(reason, QStringLiteral("  ")));
        if (!a.verdictShortfalls.empty())
            line();
        line(QStringLiteral("Severity markers: %1 critical · %2 high · %3 medium · %4 low")
                 .arg(severityMarker(Severity::Critical), severityMarker(Severity::High),
                      severityMarker(Severity::Medium), severityMarker(Severity::Low)));
        line();
    }

    void scores()
    {
        const Assessment &a = m.assessment();
        line(QStringLiteral("## Category scores"));
        line();
        std::vector<QStringList> rows;
        for (const CategoryScore &score : a.categories) {
            rows.push_back({ cell(score.title), severityMarker(score.severity) + u' ' + severityLabel(score.severity),
                             QString::number(score.counts.done), QString::number(score.counts.na),
                             QString::number(score.counts.open), scoreText(score.score) });
        }
        rows.push_back({ QStringLiteral("**Overall**"), QString(), QString::number(a.counts.done),
                         QString::number(a.counts.na), QString::number(a.counts.open),
                         QStringLiteral("**%1**").arg(scoreText(a.score)) });
        table({ QStringLiteral("Category"), QStringLiteral("Severity"), QStringLiteral("Done"), QStringLiteral("N/A"),
                QStringLiteral("Open"), QStringLiteral("Score") },
              rows);
    }

    QString actionText(const Action &action) const
    {
        if (action.kind == QLatin1String("item")) {
            const ChecklistRow *row = m.row(action.id);
            const QString owner = row ? row->state.owner : QString();
            QString entry = templateText(row ? row->item->text : action.text);
            if (!owner.isEmpty())
                entry += QStringLiteral(" — owner: ") + text(owner, QStringLiteral("  "));
            return entry;
        }
        if (action.kind == QLatin1String("summary")) {
            const SummaryItem *item = m.tmpl().findSummaryItem(action.id);
            return templateText(item ? item->text : action.text);
        }
        return QStringLiteral("R%1 %2 %3")
            .arg(action.id, severityMarker(action.severity), text(action.text, QStringLiteral("  ")));
    }

    void actions()
    {
        line(QStringLiteral("## Action list"));
        line();
        const auto &actions = m.assessment().actions;
        rechecks();
        if (actions.empty()) {
            line(QStringLiteral("Nothing is open."));
            line();
            return;
        }
        line(actionCountSentence(actions) + u'.');
        line();
        for (const ActionGroup &group : m.actionGroups()) {
            line(QStringLiteral("**") + text(group.title) + QStringLiteral("**")
                 + (group.severity ? u' ' + severityMarker(*group.severity) : QString()));
            line();
            for (const Action *action : group.actions)
                line(QStringLiteral("- ") + actionText(*action));
            line();
        }
    }

    // Answers a template migration kept although their item's wording changed: first in the
    // action list, since each needs a person to read the item again.
    void rechecks()
    {
        if (m.rechecks().empty())
            return;
        line(QStringLiteral("**Wording changed — re-check** (%1)").arg(m.rechecks().size()));
        line();
        for (const Action &action : m.rechecks())
            line(QStringLiteral("- ") + templateText(action.text) + QStringLiteral(" — answered as: ")
                 + text(m.state().rechecks.at(action.id).oldText, QStringLiteral("  ")));
        line();
    }

    void removedAnswers()
    {
        const auto &removed = m.input().removedAnswers;
        if (removed.empty())
            return;
        line(QStringLiteral("### Answers of removed items"));
        line();
        line(QStringLiteral("Template migrations removed these items; their answers stay in the audit trail."));
        line();
        for (const RemovedAnswer &answer : removed)
            line(QStringLiteral("- %1 (removed in %2): %3 — %4")
                     .arg(text(answer.answer.itemId), text(answer.toVersion), templateText(answer.itemText),
                          text(removedAnswerText(answer), QStringLiteral("  "))));
        line();
    }

    void details(const ItemState &state, const QString &indent)
    {
        const QString continuation = indent + QStringLiteral("  ");
        if (!state.owner.isEmpty())
            line(indent + QStringLiteral("- Owner: ") + text(state.owner, continuation));
        if (!state.evidence.isEmpty())
            line(indent + QStringLiteral("- Evidence: ") + evidence(state.evidence, continuation));
        if (!state.note.isEmpty())
            line(indent + QStringLiteral("- Note: ") + text(state.note, continuation));
    }

    void task(const QString &itemId, const QString &itemText, const ItemState &state, int depth)
    {
        const QString indent(depth * 2, u' ');
        const QString continuation = indent + QStringLiteral("  ");
        switch (state.status) {
        case ItemStatus::Done:
            line(indent + QStringLiteral("- [x] ") + templateText(itemText));
            break;
        case ItemStatus::Open:
            line(indent + QStringLiteral("- [ ] ") + templateText(itemText));
            break;
        case ItemStatus::NotApplicable:
            line(indent + QStringLiteral("- [x] ~~") + templateText(itemText) + QStringLiteral("~~ — N/A: ")
                 + text(state.reason, continuation));
            break;
        }
        details(state, continuation);
        // Not a detail label the importer reads: a re-imported report keeps the answer as it is.
        if (const auto flag = m.state().rechecks.find(itemId); flag != m.state().rechecks.end())
            line(continuation + QStringLiteral("- ⚠ ") + text(recheckText(flag->second), continuation + u' '));
    }

    void summaryGroup(const SummaryGroup &group, const QString &heading)
    {
        line(heading + u' ' + text(group.title));
        line();
        for (const SummaryItem &item : group.items) {
            const SummaryResult *result = m.summaryResult(item.id);
            if (result && result->computed) {
                QString entry = QStringLiteral("- [%1] %2 — computed")
                                    .arg(QChar(result->met ? u'x' : u' '))
                                    .arg(templateText(item.text));
                if (const QString reason = summaryReasonText(*result); !reason.isEmpty())
                    entry += QStringLiteral(": ") + text(reason, QStringLiteral("  "));
                line(entry);
            } else {
                task(item.id, item.text, m.state().itemState(item.id), 0);
            }
        }
        line();
    }

    void checklist()
    {
        const auto &summary = m.tmpl().summary;
        if (!summary.empty()) {
            summaryGroup(summary.front(), QStringLiteral("##"));
        }
        const Section *section = nullptr;
        const Category *category = nullptr;
        for (const ChecklistRow &row : m.rows()) {
            if (row.category != category) {
                if (category)
                    line();
                category = row.category;
                section = nullptr;
                line(QStringLiteral("---"));
                line();
                QString heading = category->number > 0 ? QStringLiteral("%1. ").arg(category->number) : QString();
                line(QStringLiteral("## ") + heading + text(category->title) + u' '
                     + severityMarker(category->severity));
                line();
            }
            if (row.section != section) {
                if (section)
                    line();
                section = row.section;
                line(QStringLiteral("### ") + text(section->title));
                line();
            }
            task(row.item->id, row.item->text, row.state, row.depth);
        }
        line();
        removedAnswers();
    }

    void signoffs()
    {
        line(QStringLiteral("---"));
        line();
        line(QStringLiteral("## Sign-Off"));
        line();
        line(QStringLiteral("**") + signedOffText(m.assessment().signedOff) + QStringLiteral(".**"));
        line();
        // The signature column appears once anything is signed: unsigned reviews read as before.
        const bool anySigned = anySignedWithKey(m.state().signoffs);
        std::vector<QStringList> rows;
        for (const SignOffStatus &status : m.assessment().signoffs) {
            if (!status.signoff) {
                rows.push_back({ cell(status.role), QStringLiteral("—"), QStringLiteral("—"), QStringLiteral("—"),
                                 signOffStandingText(status), QStringLiteral("—") });
            } else {
                const SignOff &s = *status.signoff;
                rows.push_back({ cell(status.role), cell(signerText(s)), decisionLabel(s.decision),
                                 timestampText(s.date), signOffStandingText(status), cell(s.comment) });
                if (anySigned)
                    rows.back() << cell(ssh::signatureSummary(m.state().project, s));
            }
            if (anySigned && rows.back().size() == 6)
                rows.back() << QStringLiteral("—");
        }
        QStringList header { QStringLiteral("Role"), QStringLiteral("Name"),  QStringLiteral("Decision"),
                             QStringLiteral("Date"), QStringLiteral("State"), QStringLiteral("Comment") };
        if (anySigned)
            header << QStringLiteral("Signature");
        table(header, rows);
    }

    void risks()
    {
        line(QStringLiteral("---"));
        line();
        line(QStringLiteral("## Risk Assessment"));
        line();
        line(QStringLiteral("### Known Risks"));
        line();
        const auto &risks = m.state().risks;
        if (risks.empty()) {
            line(QStringLiteral("No risks recorded."));
            line();
        } else {
            std::vector<QStringList> rows;
            for (const Risk &risk : risks) {
                rows.push_back({ riskLabel(risk), cell(risk.title),
                                 severityMarker(risk.severity) + u' ' + severityLabel(risk.severity),
                                 cell(risk.mitigation), cell(risk.owner),
                                 cell(riskStatusText(risk, m.input().reviewDate)),
                                 cell(risk.linkedItems.join(QStringLiteral(", "))) });
            }
            table({ QStringLiteral("ID"), QStringLiteral("Risk"), QStringLiteral("Severity"),
                    QStringLiteral("Mitigation"), QStringLiteral("Owner"), QStringLiteral("Status"),
                    QStringLiteral("Linked items") },
                  rows);
        }
        const auto &summary = m.tmpl().summary;
        for (std::size_t i = 1; i < summary.size(); ++i)
            summaryGroup(summary[i], QStringLiteral("###"));
    }

    void notes()
    {
        line(QStringLiteral("---"));
        line();
        line(QStringLiteral("## Notes"));
        line();
        const QString &notes = m.state().project.notes;
        line(notes.isEmpty() ? QStringLiteral("No notes.") : text(notes));
        line();
    }

    void footer()
    {
        line(QStringLiteral("---"));
        line();
        QStringList states;
        const Verdict verdicts[] = { Verdict::NotReady, Verdict::ReadyWithRisks, Verdict::Ready };
        for (Verdict v : verdicts) {
            states += QStringLiteral("[%1] %2")
                          .arg(QChar(v == m.assessment().verdict ? u'x' : u' '))
                          .arg(text(verdictLabel(m.tmpl(), v)));
        }
        line(QStringLiteral("**Status:** ") + states.join(QStringLiteral(" \\| ")) + QStringLiteral(" · ")
             + signedOffText(m.assessment().signedOff));
        line();
        line(QStringLiteral("**Target Launch Date:** ") + dateText(m.state().project.targetDate));
        line();
        line(QStringLiteral("**Actual Launch Date:** ") + dateText(m.state().project.actualDate));
        line();
        const QString head = m.input().auditHead.isEmpty() ? QStringLiteral("none (no audit entries)")
                                                           : u'`' + m.input().auditHead + u'`';
        line(QStringLiteral("*Generated %1 by %2 with Preflight %3 · audit trail head %4*")
                 .arg(timestampText(m.input().generatedAt), text(m.input().actor), QStringLiteral(PREFLIGHT_VERSION),
                      head));
    }

    const ReportModel &m;
    QString out;
};

} // namespace

QString severityMarker(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return QStringLiteral("🔴");
    case Severity::High:
        return QStringLiteral("🟠");
    case Severity::Medium:
        return QStringLiteral("🟡");
    case Severity::Low:
        return QStringLiteral("🟢");
    }
    return {};
}

QByteArray MarkdownWriter::write(const ReportInput &input) const
{
    const ReportModel model(input);
    return Document(model).render().toUtf8();
}

} // namespace preflight
