#include "ChecklistView.h"

#include "Appearance.h"
#include "ProjectSession.h"
#include "dialogs/ReasonDialog.h"
#include "models/ChecklistFilterModel.h"
#include "models/ChecklistModel.h"
#include "ui_ChecklistView.h"
#include "widgets/ChecklistDelegate.h"

#include <QAction>
#include <QButtonGroup>
#include <QHeaderView>
#include <QKeyEvent>

namespace preflight::gui {

ChecklistView::ChecklistView(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::ChecklistView>())
    , m_model(new ChecklistModel(this))
    , m_filter(new ChecklistFilterModel(this))
{
    ui->setupUi(this);
    m_filter->setSourceModel(m_model);
    ui->tree->setModel(m_filter);
    ui->tree->setItemDelegate(new ChecklistDelegate(ui->tree));
    ui->tree->setObjectName(QStringLiteral("checklistTree"));
    addClearButton(ui->searchEdit);
    QHeaderView *header = ui->tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ChecklistModel::TitleColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ChecklistModel::StatusColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ChecklistModel::OwnerColumn, QHeaderView::Interactive);
    // A fixed width: sizing to contents would measure every row of the tree at startup.
    header->setSectionResizeMode(ChecklistModel::ScoreColumn, QHeaderView::Fixed);
    header->resizeSection(ChecklistModel::ScoreColumn,
                          ui->tree->fontMetrics().horizontalAdvance(QStringLiteral("99.5 %")) + 24);
    fitColumns();
    // A change of width is shared 3:1, so on a narrow window the tree keeps most of it and the
    // details pane shrinks to its minimum first; dragging the splitter to the edge folds it away.
    ui->splitter->setStretchFactor(0, 3);
    ui->splitter->setStretchFactor(1, 1);
    ui->splitter->setCollapsible(0, false);
    ui->splitter->setCollapsible(1, true);
    ui->splitter->setSizes({ 1000, 400 });
    ui->tree->viewport()->installEventFilter(this);

    addTreeAction(tr("Toggle &Done"), QKeySequence(Qt::Key_Space), &ChecklistView::toggleDone);
    addTreeAction(tr("Not &Applicable…"), QKeySequence(Qt::Key_N), &ChecklistView::markCurrentNotApplicable);
    addTreeAction(tr("Re&open"), QKeySequence(Qt::Key_O), &ChecklistView::markOpen);
    ui->tree->installEventFilter(this);

    auto *filterButtons = new QButtonGroup(this);
    for (QToolButton *button : { ui->allButton, ui->openButton, ui->criticalButton, ui->notApplicableButton })
        filterButtons->addButton(button);
    connect(filterButtons, &QButtonGroup::buttonToggled, this, &ChecklistView::applyStatusFilter);
    connect(ui->searchEdit, &QLineEdit::textChanged, m_filter, &ChecklistFilterModel::setText);
    // After filtering, headings that reappear should show their matching items.
    connect(m_filter, &QAbstractItemModel::layoutChanged, ui->tree, &QTreeView::expandAll);
    connect(m_filter, &QAbstractItemModel::rowsInserted, ui->tree, &QTreeView::expandAll);

    connect(ui->tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        ui->details->showItem(current.data(ChecklistModel::ItemIdRole).toString());
    });
    connect(ui->details, &ItemDetailsPane::notApplicableRequested, this, &ChecklistView::markNotApplicable);
}

ChecklistView::~ChecklistView() = default;

QAction *ChecklistView::addTreeAction(const QString &text, const QKeySequence &shortcut, void (ChecklistView::*slot)())
{
    auto *action = new QAction(text, ui->tree);
    action->setShortcut(shortcut);
    // Only while the tree has focus: Space and N must keep typing into the search and note.
    action->setShortcutContext(Qt::WidgetShortcut);
    connect(action, &QAction::triggered, this, slot);
    ui->tree->addAction(action);
    return action;
}

void ChecklistView::fitColumns()
{
    // The item text is what a reviewer reads: it keeps at least three fifths of the tree, and the
    // status and owner columns shrink (their texts elide, the full status is in the tooltip and
    // the details pane) before it does.
    constexpr int StatusWidth = 170, OwnerWidth = 80;
    QHeaderView *header = ui->tree->header();
    const int spare
        = std::max(0, ui->tree->viewport()->width() * 2 / 5 - header->sectionSize(ChecklistModel::ScoreColumn));
    const int status = std::min(StatusWidth, std::max(spare * 2 / 3, 0));
    header->resizeSection(ChecklistModel::StatusColumn, status);
    header->resizeSection(ChecklistModel::OwnerColumn, std::min(OwnerWidth, std::max(spare - status, 0)));
}

bool ChecklistView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == ui->tree->viewport()) {
        if (event->type() == QEvent::Resize)
            fitColumns();
        return false;
    }
    // The item keys are handled here, as keys of the tree, rather than left to the actions'
    // shortcuts: a shortcut fires only while the application's focus widget is the tree, and just
    // after a dialog closes (or on a desktop that re-activates windows late) it is not yet, so N
    // and O went to the tree's type-ahead search and jumped to an item starting with that letter.
    if (watched != ui->tree || (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride))
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->modifiers() & ~Qt::KeypadModifier)
        return false;
    const QKeySequence pressed(key->key());
    for (QAction *action : ui->tree->actions()) {
        if (action->shortcut() != pressed)
            continue;
        if (event->type() == QEvent::ShortcutOverride) {
            event->accept(); // deliver it as a key press, to the branch below
        } else if (action->isEnabled()) {
            action->trigger();
        }
        return true;
    }
    return false;
}

QList<QAction *> ChecklistView::itemActions() const
{
    return ui->tree->actions();
}

QTreeView *ChecklistView::tree() const
{
    return ui->tree;
}

void ChecklistView::setSession(ProjectSession *session)
{
    m_session = session;
    m_model->setSession(session);
    ui->details->setSession(session);
    const bool mayReview = !m_session || m_session->mayReview();
    for (QAction *action : ui->tree->actions()) {
        action->setEnabled(mayReview);
        action->setToolTip(mayReview ? QString() : ProjectSession::reviewRoleNeeded());
    }
    ui->tree->expandAll();
    const QModelIndex first = m_filter->index(0, 0);
    if (first.isValid())
        ui->tree->setCurrentIndex(first);
}

void ChecklistView::focusSearch()
{
    ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    ui->searchEdit->selectAll();
}

void ChecklistView::selectItem(const QString &itemId)
{
    const QModelIndex index = m_filter->mapFromSource(m_model->indexOfId(itemId));
    if (index.isValid()) {
        ui->tree->setCurrentIndex(index);
        ui->tree->scrollTo(index);
    }
}

QString ChecklistView::currentItemId() const
{
    return ui->tree->currentIndex().data(ChecklistModel::ItemIdRole).toString();
}

void ChecklistView::commitPendingEdits()
{
    ui->details->commitPendingEdits();
}

void ChecklistView::toggleDone()
{
    const QModelIndex index = ui->tree->currentIndex();
    if (!m_session || !m_session->mayReview() || !index.data(ChecklistModel::EditableRole).toBool())
        return;
    const auto status = static_cast<ItemStatus>(index.data(ChecklistModel::StatusRole).toInt());
    m_session->setItemStatus(currentItemId(), status == ItemStatus::Done ? ItemStatus::Open : ItemStatus::Done);
}

void ChecklistView::markOpen()
{
    if (m_session && m_session->mayReview() && ui->tree->currentIndex().data(ChecklistModel::EditableRole).toBool())
        m_session->setItemStatus(currentItemId(), ItemStatus::Open);
}

void ChecklistView::markCurrentNotApplicable()
{
    markNotApplicable(currentItemId());
}

void ChecklistView::markNotApplicable(const QString &itemId)
{
    const QModelIndex index = m_model->indexOfId(itemId);
    if (!m_session || !m_session->mayReview() || !index.data(ChecklistModel::EditableRole).toBool())
        return;
    const ItemState state = m_session->state().itemState(itemId);
    const std::optional<QString> reason = ReasonDialog::ask(this, index.data(Qt::DisplayRole).toString(), state.reason);
    if (reason)
        m_session->setItemStatus(itemId, ItemStatus::NotApplicable, *reason);
    // The window gets the keyboard back for the next key; without a window manager (or with a
    // slow one) nothing else re-activates it after the dialog.
    window()->activateWindow();
    ui->tree->setFocus();
}

void ChecklistView::applyStatusFilter()
{
    using Filter = ChecklistFilterModel::StatusFilter;
    const Filter filter = ui->openButton->isChecked() ? Filter::Open
        : ui->criticalButton->isChecked()             ? Filter::OpenCritical
        : ui->notApplicableButton->isChecked()        ? Filter::NotApplicable
                                                      : Filter::All;
    m_filter->setStatusFilter(filter);
    ui->tree->expandAll();
}

QByteArray ChecklistView::saveState() const
{
    return ui->splitter->saveState();
}

void ChecklistView::restoreState(const QByteArray &state)
{
    ui->splitter->restoreState(state);
}

} // namespace preflight::gui
