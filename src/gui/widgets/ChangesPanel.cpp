#include "widgets/ChangesPanel.h"

#include "Appearance.h"
#include "ProjectSession.h"
#include "history/ReviewDiff.h"
#include "ui_ChangesPanel.h"

#include <QHeaderView>
#include <QTreeWidget>

namespace preflight::gui {

namespace {

QString itemChangeText(const ItemChange &change)
{
    QStringList what;
    if (change.statusChanged())
        what << ChangesPanel::tr("%1 → %2").arg(Labels::itemStatus(change.before.status),
                                                Labels::itemStatus(change.after.status));
    if (change.noteChanged())
        what << ChangesPanel::tr("note");
    if (change.evidenceChanged())
        what << ChangesPanel::tr("evidence");
    if (change.ownerChanged())
        what << ChangesPanel::tr("owner: %1").arg(change.after.owner);
    if (change.reasonChanged())
        what << ChangesPanel::tr("N/A reason");
    return what.join(QStringLiteral(", "));
}

QString riskChangeText(RiskChangeKind kind)
{
    switch (kind) {
    case RiskChangeKind::Opened:
        return ChangesPanel::tr("Opened");
    case RiskChangeKind::Reopened:
        return ChangesPanel::tr("Reopened");
    case RiskChangeKind::Mitigated:
        return ChangesPanel::tr("Mitigated");
    case RiskChangeKind::Closed:
        return ChangesPanel::tr("Closed");
    case RiskChangeKind::Accepted:
        return ChangesPanel::tr("Accepted");
    case RiskChangeKind::Expired:
        return ChangesPanel::tr("Acceptance expired");
    case RiskChangeKind::Removed:
        return ChangesPanel::tr("Removed");
    case RiskChangeKind::Edited:
        break;
    }
    return ChangesPanel::tr("Edited");
}

QString signOffChangeText(SignOffChangeKind kind)
{
    switch (kind) {
    case SignOffChangeKind::Given:
        return ChangesPanel::tr("Signed");
    case SignOffChangeKind::Withdrawn:
        return ChangesPanel::tr("Withdrawn");
    case SignOffChangeKind::WentStale:
        break;
    }
    return ChangesPanel::tr("Gone stale");
}

QTreeWidgetItem *group(QTreeWidget *tree, const QString &title, std::size_t count)
{
    auto *item = new QTreeWidgetItem(tree, { QStringLiteral("%1 (%2)").arg(title).arg(count) });
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setExpanded(true);
    return item;
}

} // namespace

ChangesPanel::ChangesPanel(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::ChangesPanel>())
{
    ui->setupUi(this);
    // A week back by default: the weekly review meeting this panel is for.
    ui->sinceEdit->setDate(QDate::currentDate().addDays(-7));
    ui->sinceEdit->setMaximumDate(QDate::currentDate());
    connect(ui->sinceEdit, &QDateEdit::dateChanged, this, &ChangesPanel::refresh);
    // What changed is the first column; the rest are as wide as they need.
    ui->changesTree->header()->setStretchLastSection(false);
    ui->changesTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < ui->changesTree->columnCount(); ++column)
        ui->changesTree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
}

ChangesPanel::~ChangesPanel() = default;

void ChangesPanel::setSession(ProjectSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &ProjectSession::stateChanged, this, &ChangesPanel::refresh);
    refresh();
}

void ChangesPanel::setSince(const QDate &date)
{
    ui->sinceEdit->setDate(date);
}

QDate ChangesPanel::since() const
{
    return ui->sinceEdit->date();
}

QTreeWidget *ChangesPanel::tree() const
{
    return ui->changesTree;
}

void ChangesPanel::refresh()
{
    ui->changesTree->clear();
    if (!m_session) {
        ui->summaryLabel->clear();
        return;
    }
    const ProjectState &now = m_session->state();
    // Each side on the version it was on: a migration in the period changed the checklist.
    const auto templateOf = [this](const Project &then) -> std::shared_ptr<const Template> {
        try {
            if (auto stored = m_session->store().storedTemplate(then.templateId, then.templateVersion))
                return stored;
        } catch (const Error &) {
            // A version stored damaged: the review's own load reports that; diff on today's.
        }
        return m_session->sharedTemplate();
    };
    const auto result = diffOverTime(templateOf, now.project, m_session->store().history(now.project.id),
                                     since().startOfDay(), QDateTime::currentDateTimeUtc());
    showDiff(result.diff);
}

void ChangesPanel::showDiff(const ReviewDiff &diff)
{
    QTreeWidget *tree = ui->changesTree;
    ui->summaryLabel->setText(diff.hasChanges()
                                  ? tr("Score %1 → %2; %3 → %4")
                                        .arg(Labels::score(diff.overall.before), Labels::score(diff.overall.after),
                                             verdictLabel(m_session->tmpl(), diff.verdictBefore),
                                             verdictLabel(m_session->tmpl(), diff.verdictAfter))
                                  : tr("No changes since then."));
    // Scores, sign-offs and risks first, as a meeting goes through them; the items, often many, last.
    std::vector<const ScoreDelta *> moved;
    for (const ScoreDelta &delta : diff.categories) {
        if (delta.before != delta.after)
            moved.push_back(&delta);
    }
    if (!moved.empty()) {
        QTreeWidgetItem *scores = group(tree, tr("Category scores"), moved.size());
        for (const ScoreDelta *delta : moved) {
            const auto change = delta->delta();
            new QTreeWidgetItem(scores,
                                { delta->title,
                                  tr("%1 → %2").arg(Labels::score(delta->before), Labels::score(delta->after))
                                      + (change ? QStringLiteral(" (%1%2)")
                                                      .arg(*change > 0 ? QStringLiteral("+") : QString())
                                                      .arg(*change, 0, 'f', 1)
                                                : QString()) });
        }
    }
    if (!diff.risks.empty()) {
        QTreeWidgetItem *risks = group(tree, tr("Risks"), diff.risks.size());
        for (const RiskChange &change : diff.risks) {
            const Risk &risk = change.risk();
            auto *row = new QTreeWidgetItem(
                risks, { risk.title, riskChangeText(change.kind), QString(), shortDateTime(risk.updated) });
            row->setIcon(0, dotIcon(severityColor(risk.severity)));
        }
    }
    if (!diff.signoffs.empty()) {
        QTreeWidgetItem *signoffs = group(tree, tr("Sign-offs"), diff.signoffs.size());
        for (const SignOffChange &change : diff.signoffs)
            new QTreeWidgetItem(
                signoffs,
                { change.role,
                  signOffChangeText(change.kind) + QStringLiteral(": ") + Labels::decision(change.signoff.decision),
                  change.signoff.name, shortDateTime(change.signoff.date) });
    }
    if (!diff.items.empty()) {
        QTreeWidgetItem *items = group(tree, tr("Items"), diff.items.size());
        for (const ItemChange &change : diff.items) {
            const Item *item = m_session->tmpl().findItem(change.itemId);
            auto *row = new QTreeWidgetItem(items,
                                            { item ? item->text : change.itemId, itemChangeText(change),
                                              change.after.changedBy, shortDateTime(change.after.changedAt) });
            row->setToolTip(0, change.itemId);
        }
    }
}

} // namespace preflight::gui
