#include "export/ReportInput.h"

#include <QLocale>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace preflight {

namespace {

void appendRows(std::vector<ChecklistRow> &rows, const ReportInput &input, const Category &category,
                const Section &section, const std::vector<Item> &items, int depth, const QString &parentId)
{
    for (const Item &item : items) {
        const bool outside = input.assessment.outsideProfile.contains(item.id);
        ItemState state = input.state.itemState(item.id);
        if (outside) {
            state = ItemState();
            state.itemId = item.id;
            state.status = ItemStatus::NotApplicable;
            state.reason = outsideProfileReason();
        }
        rows.push_back({ &category, &section, &item, depth, parentId, std::move(state), outside });
        appendRows(rows, input, category, section, item.children, depth + 1, item.id);
    }
}

QString categoryHeading(const Category &category)
{
    return category.number > 0 ? QStringLiteral("%1. %2").arg(category.number).arg(category.title) : category.title;
}

} // namespace

ReportModel::ReportModel(const ReportInput &input)
    : m_input(input)
{
    m_rows.reserve(static_cast<std::size_t>(std::max(0, input.tmpl.itemCount())));
    for (const Category &category : input.tmpl.categories) {
        for (const Section &section : category.sections)
            appendRows(m_rows, input, category, section, section.items, 0, {});
    }

    m_rowIndex.reserve(qsizetype(m_rows.size()));
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        m_rowIndex.insert(m_rows[i].item->id, i);

    // The Assessment already orders actions (risks first, then by severity and category order);
    // grouping keeps that order and starts a new group whenever the owner changes.
    for (const Action &action : input.assessment.actions) {
        QString title;
        std::optional<Severity> severity;
        if (action.kind == QLatin1String("risk")) {
            title = QStringLiteral("Risks");
        } else if (action.kind == QLatin1String("item")) {
            const Category *category = nullptr;
            for (const Category &candidate : input.tmpl.categories) {
                if (candidate.id == action.categoryId)
                    category = &candidate;
            }
            title = category ? categoryHeading(*category) : action.categoryId;
            severity = category ? std::optional(category->severity) : std::nullopt;
        } else {
            title = QStringLiteral("Summary checks");
        }
        if (m_actionGroups.empty() || m_actionGroups.back().title != title)
            m_actionGroups.push_back({ title, severity, {} });
        m_actionGroups.back().actions.push_back(&action);
    }

    for (const ChecklistRow &row : m_rows) {
        if (input.state.rechecks.count(row.item->id) > 0)
            m_rechecks.push_back(
                { QStringLiteral("recheck"), row.item->id, row.item->text, row.category->severity, row.category->id });
    }
    for (const SummaryGroup &group : input.tmpl.summary) {
        for (const SummaryItem &item : group.items) {
            if (input.state.rechecks.count(item.id) > 0)
                m_rechecks.push_back({ QStringLiteral("recheck"), item.id, item.text, Severity::High, {} });
        }
    }
}

const ChecklistRow *ReportModel::row(const QString &itemId) const
{
    const auto it = m_rowIndex.constFind(itemId);
    return it == m_rowIndex.cend() ? nullptr : &m_rows[*it];
}

const CategoryScore *ReportModel::score(const QString &categoryId) const
{
    for (const CategoryScore &score : m_input.assessment.categories) {
        if (score.id == categoryId)
            return &score;
    }
    return nullptr;
}

const SummaryResult *ReportModel::summaryResult(const QString &summaryItemId) const
{
    for (const SummaryResult &result : m_input.assessment.summary) {
        if (result.id == summaryItemId)
            return &result;
    }
    return nullptr;
}

QString ReportModel::verdictLabel() const
{
    return preflight::verdictLabel(m_input.tmpl, m_input.assessment.verdict);
}

QString ReportModel::title() const
{
    return QStringLiteral("Readiness review: %1").arg(m_input.state.project.name);
}

QString severityLabel(Severity severity)
{
    switch (severity) {
    case Severity::Low:
        return QStringLiteral("Low");
    case Severity::Medium:
        return QStringLiteral("Medium");
    case Severity::High:
        return QStringLiteral("High");
    case Severity::Critical:
        return QStringLiteral("Critical");
    }
    return {};
}

QString itemStatusLabel(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Open:
        return QStringLiteral("Open");
    case ItemStatus::Done:
        return QStringLiteral("Done");
    case ItemStatus::NotApplicable:
        return QStringLiteral("N/A");
    }
    return {};
}

QString riskStatusLabel(RiskStatus status)
{
    switch (status) {
    case RiskStatus::Open:
        return QStringLiteral("Open");
    case RiskStatus::Mitigated:
        return QStringLiteral("Mitigated");
    case RiskStatus::Accepted:
        return QStringLiteral("Accepted");
    case RiskStatus::Closed:
        return QStringLiteral("Closed");
    }
    return {};
}

QString decisionLabel(Decision decision)
{
    switch (decision) {
    case Decision::Approve:
        return QStringLiteral("Approve");
    case Decision::ApproveWithRisks:
        return QStringLiteral("Approve with risks");
    case Decision::Reject:
        return QStringLiteral("Reject");
    }
    return {};
}

QString scoreText(std::optional<double> score)
{
    // The one rounding rule of every surface (window, command line, reports): one decimal, none
    // when it is zero ("2.5 %", "100 %"), and C locale so a German reader's report matches the JSON.
    if (!score)
        return QStringLiteral("n/a");
    const double tenths = std::round(*score * 10);
    return QStringLiteral("%1 %").arg(QLocale::c().toString(tenths / 10, 'f', std::fmod(tenths, 10) == 0 ? 0 : 1));
}

QString dateText(const std::optional<QDate> &date)
{
    return date && date->isValid() ? date->toString(Qt::ISODate) : QStringLiteral("not set");
}

QString timestampText(const QDateTime &time)
{
    if (!time.isValid())
        return QStringLiteral("unknown");
    return time.toTimeZone(QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString signerText(const SignOff &signoff)
{
    if (signoff.login.isEmpty() || signoff.login == signoff.name)
        return signoff.name;
    if (signoff.name.isEmpty())
        return QStringLiteral("login %1").arg(signoff.login);
    return QStringLiteral("%1 (login %2)").arg(signoff.name, signoff.login);
}

bool anySignedWithKey(const std::vector<SignOff> &signoffs)
{
    return std::any_of(signoffs.begin(), signoffs.end(),
                       [](const SignOff &s) { return !s.keyFingerprint.isEmpty() || !s.signature.isEmpty(); });
}

QString countsSentence(const Counts &counts)
{
    const QString na = counts.outsideProfile > 0
        ? QStringLiteral("%1 N/A (%2 %3)").arg(counts.na).arg(counts.outsideProfile).arg(outsideProfileReason())
        : QStringLiteral("%1 N/A").arg(counts.na);
    return QStringLiteral("%1 done, %2, %3 open of %4 items")
        .arg(counts.done)
        .arg(na)
        .arg(counts.open)
        .arg(counts.total());
}

QString recheckText(const Recheck &recheck)
{
    return QStringLiteral("Wording changed in %1 — re-check; answered as: “%2”")
        .arg(recheck.sinceVersion, recheck.oldText);
}

QString removedAnswerText(const RemovedAnswer &removed)
{
    QStringList parts { itemStatusLabel(removed.answer.status) };
    if (!removed.answer.reason.isEmpty())
        parts << QStringLiteral("reason: ") + removed.answer.reason;
    if (!removed.answer.owner.isEmpty())
        parts << QStringLiteral("owner: ") + removed.answer.owner;
    if (!removed.answer.evidence.isEmpty())
        parts << QStringLiteral("evidence: ") + removed.answer.evidence;
    if (!removed.answer.note.isEmpty())
        parts << QStringLiteral("note: ") + removed.answer.note;
    return parts.join(QStringLiteral("; "));
}

QString signedOffText(bool signedOff)
{
    return signedOff ? QStringLiteral("Signed off") : QStringLiteral("Not signed off");
}

QString actionCountSentence(const std::vector<Action> &actions)
{
    const auto count = [&](const char *kind, const char *one, const char *many) -> QString {
        const auto n = std::count_if(actions.begin(), actions.end(),
                                     [&](const Action &a) { return a.kind == QLatin1String(kind); });
        if (n == 0)
            return {};
        return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
    };
    QStringList parts;
    for (const QString &part : { count("risk", "risk", "risks"), count("item", "item", "items"),
                                 count("summary", "summary check", "summary checks") }) {
        if (!part.isEmpty())
            parts += part;
    }
    if (parts.isEmpty())
        return QStringLiteral("Nothing is open");
    const QString last = parts.takeLast();
    return (parts.isEmpty() ? last : parts.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last)
        + QStringLiteral(" open, most severe first");
}

QString riskStatusText(const Risk &risk, const QDate &reviewDate)
{
    const RiskStatus effective = risk.effectiveStatus(reviewDate);
    if (risk.status != RiskStatus::Accepted)
        return riskStatusLabel(effective);
    return QStringLiteral("%1 (accepted by %2 until %3)")
        .arg(effective == RiskStatus::Accepted ? QStringLiteral("Accepted")
                                               : QStringLiteral("Open: acceptance expired"),
             risk.acceptedBy.isEmpty() ? QStringLiteral("—") : risk.acceptedBy, dateText(risk.acceptedUntil));
}

QString riskLabel(const Risk &risk)
{
    return QStringLiteral("R%1").arg(risk.id);
}

} // namespace preflight
