#include "RiskView.h"

#include "Appearance.h"
#include "ProjectSession.h"
#include "models/RiskTableModel.h"
#include "ui_RiskView.h"
#include "widgets/EnumComboDelegate.h"
#include "widgets/OptionalDateDelegate.h"

#include <QAction>
#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace preflight::gui {

RiskView::RiskView(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::RiskView>())
    , m_model(new RiskTableModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
{
    ui->setupUi(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(RiskTableModel::SortRole);
    ui->table->setModel(m_sorted);
    ui->table->setObjectName(QStringLiteral("riskTable"));
    ui->table->sortByColumn(RiskTableModel::SeverityColumn, Qt::DescendingOrder);
    ui->table->verticalHeader()->hide();
    // Rows grow with wrapped mitigations and linked items, but never below two lines of text.
    ui->table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    ui->table->verticalHeader()->setMinimumSectionSize(ui->table->fontMetrics().height() * 2 + 10);

    EnumComboDelegate::Choices severities;
    for (Severity severity : { Severity::Critical, Severity::High, Severity::Medium, Severity::Low })
        severities.emplace_back(int(severity), Labels::severity(severity));
    EnumComboDelegate::Choices statuses;
    for (RiskStatus status : { RiskStatus::Open, RiskStatus::Mitigated, RiskStatus::Accepted, RiskStatus::Closed })
        statuses.emplace_back(int(status), Labels::riskStatus(status));
    ui->table->setItemDelegateForColumn(RiskTableModel::SeverityColumn, new EnumComboDelegate(severities, this));
    ui->table->setItemDelegateForColumn(RiskTableModel::StatusColumn, new EnumComboDelegate(statuses, this));
    ui->table->setItemDelegateForColumn(RiskTableModel::AcceptedUntilColumn, new OptionalDateDelegate(this));

    QHeaderView *header = ui->table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RiskTableModel::TitleColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(RiskTableModel::MitigationColumn, QHeaderView::Stretch);
    header->resizeSection(RiskTableModel::SeverityColumn, 110);
    header->resizeSection(RiskTableModel::OwnerColumn, 130);
    header->resizeSection(RiskTableModel::StatusColumn, 110);
    header->resizeSection(RiskTableModel::AcceptedByColumn, 120);
    header->resizeSection(RiskTableModel::AcceptedUntilColumn, 120);
    header->resizeSection(RiskTableModel::LinkedColumn, 220);

    const auto addAction = [this](const QKeySequence &key, void (RiskView::*slot)()) {
        auto *action = new QAction(ui->table);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, slot);
        ui->table->addAction(action);
    };
    addAction(QKeySequence(Qt::Key_Insert), &RiskView::addRisk);
    addAction(QKeySequence::Delete, &RiskView::removeSelectedRisk);
    connect(ui->addButton, &QPushButton::clicked, this, &RiskView::addRisk);
    connect(ui->removeButton, &QPushButton::clicked, this, &RiskView::removeSelectedRisk);

    connect(ui->table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (const qint64 id = selectedRiskId())
            m_rememberedRiskId = id;
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { selectRisk(m_rememberedRiskId); });
    for (QPushButton *button : { ui->addButton, ui->removeButton })
        button->setProperty("allowedToolTip", button->toolTip());
    updateActions();
}

void RiskView::updateActions()
{
    const bool mayReview = !m_session || m_session->mayReview();
    for (QPushButton *button : { ui->addButton, ui->removeButton })
        button->setToolTip(mayReview ? button->property("allowedToolTip").toString()
                                     : ProjectSession::reviewRoleNeeded());
    ui->addButton->setEnabled(mayReview);
    ui->removeButton->setEnabled(mayReview && selectedRiskId() != 0);
    for (QAction *action : ui->table->actions())
        action->setEnabled(mayReview);
}

RiskView::~RiskView() = default;

QTableView *RiskView::table() const
{
    return ui->table;
}

void RiskView::setSession(ProjectSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_rememberedRiskId = 0;
    m_model->setSession(session);
    if (m_session)
        connect(m_session, &ProjectSession::stateChanged, this, &RiskView::updateSummary);
    updateSummary();
    updateActions();
}

qint64 RiskView::selectedRiskId() const
{
    return ui->table->currentIndex().data(RiskTableModel::RiskIdRole).toLongLong();
}

void RiskView::selectRisk(qint64 riskId)
{
    if (!m_session || riskId == 0)
        return;
    const QModelIndex index = m_sorted->mapFromSource(m_model->indexOfRisk(riskId));
    if (index.isValid())
        ui->table->setCurrentIndex(index);
}

void RiskView::addRisk()
{
    if (!m_session || !m_session->mayReview())
        return;
    std::vector<qint64> before;
    for (const Risk &risk : m_session->state().risks)
        before.push_back(risk.id);
    Risk draft;
    draft.title = tr("New risk");
    draft.severity = Severity::Medium;
    m_session->addRisk(draft);
    for (const Risk &risk : m_session->state().risks) {
        if (std::find(before.begin(), before.end(), risk.id) == before.end()) {
            selectRisk(risk.id);
            ui->table->setFocus();
            ui->table->edit(m_sorted->mapFromSource(m_model->indexOfRisk(risk.id)));
            return;
        }
    }
}

void RiskView::removeSelectedRisk()
{
    if (m_session && m_session->mayReview() && selectedRiskId())
        m_session->removeRisk(selectedRiskId());
}

void RiskView::updateSummary()
{
    if (!m_session) {
        ui->summaryLabel->clear();
        return;
    }
    const Assessment &assessment = m_session->assessment();
    ui->summaryLabel->setText(tr("Risks: %1 · high or critical open: %2 · accepted: %3")
                                  .arg(m_session->state().risks.size())
                                  .arg(assessment.openHighOrCriticalRisks)
                                  .arg(assessment.acceptedRisks));
}

} // namespace preflight::gui
