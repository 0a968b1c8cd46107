#include "ItemDetailsPane.h"

#include "Appearance.h"
#include "AssessmentLabels.h"
#include "LinkOpener.h"
#include "export/MarkdownHtml.h"
#include "scoring/EffectiveStatus.h"
#include "scoring/ItemRules.h"
#include "ui_ItemDetailsPane.h"

#include <QUrl>

namespace preflight::gui {

namespace {

const Section *sectionOf(const Category &category, const QString &itemId)
{
    const auto contains = [&](const std::vector<Item> &items, const auto &self) -> bool {
        for (const Item &item : items) {
            if (item.id == itemId || self(item.children, self))
                return true;
        }
        return false;
    };
    for (const Section &section : category.sections) {
        if (contains(section.items, contains))
            return &section;
    }
    return nullptr;
}

} // namespace

ItemDetailsPane::ItemDetailsPane(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::ItemDetailsPane>())
{
    ui->setupUi(this);
    QFont titleFont = ui->titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    ui->titleLabel->setFont(titleFont);
    ui->noteSplitter->setSizes({ 200, 200 });
    ui->evidenceHint->setForegroundRole(QPalette::PlaceholderText);

    m_commitTimer.setSingleShot(true);
    m_commitTimer.setInterval(800);
    connect(&m_commitTimer, &QTimer::timeout, this, &ItemDetailsPane::commitPendingEdits);
    connect(ui->ownerEdit, &QLineEdit::textEdited, this, [this] { edited(ItemTextField::Owner); });
    connect(ui->evidenceEdit, &QLineEdit::textEdited, this, [this] { edited(ItemTextField::Evidence); });
    connect(ui->noteEdit, &QPlainTextEdit::textChanged, this, [this] {
        ui->notePreview->setMarkdown(ui->noteEdit->toPlainText());
        if (ui->noteEdit->hasFocus())
            edited(ItemTextField::Note);
    });
    connect(ui->ownerEdit, &QLineEdit::editingFinished, this, &ItemDetailsPane::commitPendingEdits);
    connect(ui->evidenceEdit, &QLineEdit::editingFinished, this, &ItemDetailsPane::commitPendingEdits);
    connect(ui->openEvidenceButton, &QToolButton::clicked, this, [this] {
        if (const std::optional<QUrl> link = LinkPolicy::evidenceLink(ui->evidenceEdit->text()))
            LinkOpener::open(*link, this);
    });
    connect(ui->evidenceEdit, &QLineEdit::textChanged, this, &ItemDetailsPane::updateEvidenceLink);
    connect(ui->doneButton, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->setItemStatus(m_itemId, ItemStatus::Done);
    });
    connect(ui->reopenButton, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->setItemStatus(m_itemId, ItemStatus::Open);
    });
    connect(ui->notApplicableButton, &QPushButton::clicked, this, [this] { emit notApplicableRequested(m_itemId); });
    connect(ui->confirmWordingButton, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->confirmWording({ m_itemId });
    });
    refresh();
}

ItemDetailsPane::~ItemDetailsPane() = default;

void ItemDetailsPane::setSession(ProjectSession *session)
{
    commitPendingEdits();
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_itemId.clear();
    if (m_session)
        connect(m_session, &ProjectSession::stateChanged, this, &ItemDetailsPane::refresh);
    refresh();
}

void ItemDetailsPane::showItem(const QString &itemId)
{
    if (itemId == m_itemId)
        return;
    commitPendingEdits();
    m_itemId = itemId;
    refresh();
}

void ItemDetailsPane::edited(ItemTextField field)
{
    m_dirty.insert(field);
    m_commitTimer.start();
}

void ItemDetailsPane::commitPendingEdits()
{
    m_commitTimer.stop();
    if (!m_session || m_dirty.empty())
        return;
    // Take the set first: each write reloads the session, and refresh() must see the field as
    // clean by then or it would keep the stale text.
    const std::set<ItemTextField> dirty = std::exchange(m_dirty, {});
    for (ItemTextField field : dirty)
        m_session->setItemText(m_itemId, field, fieldText(field));
}

QString ItemDetailsPane::fieldText(ItemTextField field) const
{
    switch (field) {
    case ItemTextField::Note:
        return ui->noteEdit->toPlainText();
    case ItemTextField::Owner:
        return ui->ownerEdit->text().trimmed();
    case ItemTextField::Evidence:
        return ui->evidenceEdit->text().trimmed();
    }
    return {};
}

void ItemDetailsPane::setFieldText(ItemTextField field, const QString &text)
{
    // Never overwrite what the user is still typing; and leave equal text alone so the cursor
    // does not jump when a reload brings back what was just written.
    if (m_dirty.count(field) || fieldText(field) == text)
        return;
    switch (field) {
    case ItemTextField::Note:
        ui->noteEdit->setPlainText(text);
        break;
    case ItemTextField::Owner:
        ui->ownerEdit->setText(text);
        break;
    case ItemTextField::Evidence:
        ui->evidenceEdit->setText(text);
        break;
    }
}

// Evidence that is a web address gets the Open button; anything else (a file path, an smb://
// share, a javascript: link, words) stays text, and the hint under the field says so.
void ItemDetailsPane::updateEvidenceLink()
{
    const QString text = ui->evidenceEdit->text().trimmed();
    const bool isLink = LinkPolicy::evidenceLink(text).has_value();
    ui->openEvidenceButton->setVisible(isLink);
    ui->openEvidenceButton->setEnabled(isLink && isEditable());
    ui->evidenceHint->setVisible(!text.isEmpty() && !isLink);
}

// A migration kept this answer although the item's wording changed: the old and new wording
// side by side, and the button that says the answer still holds.
void ItemDetailsPane::showRecheck()
{
    const auto *flags = m_session ? &m_session->state().rechecks : nullptr;
    const auto flag = flags ? flags->find(m_itemId) : std::map<QString, Recheck>::const_iterator();
    if (!flags || flag == flags->end()) {
        ui->recheckFrame->hide();
        return;
    }
    const Item *item = m_session->tmpl().findItem(m_itemId);
    const SummaryItem *summary = m_session->tmpl().findSummaryItem(m_itemId);
    const QString now = item ? item->text : summary ? summary->text : QString();
    ui->recheckLabel->setText(tr("<b>Wording changed in %1 — re-check.</b><br>Answered as: <i>%2</i><br>Now: <i>%3</i>")
                                  .arg(flag->second.sinceVersion.toHtmlEscaped(),
                                       spansHtml(inlineMarkdown(flag->second.oldText)),
                                       spansHtml(inlineMarkdown(now))));
    ui->confirmWordingButton->setEnabled(isEditable());
    ui->recheckFrame->show();
}

bool ItemDetailsPane::isEditable() const
{
    return m_session && !m_itemId.isEmpty() && detailsAreEditable(itemKind(m_session->tmpl(), m_itemId));
}

void ItemDetailsPane::refresh()
{
    const bool editable = isEditable();
    const QList<QWidget *> editors { ui->ownerEdit,  ui->evidenceEdit,        ui->noteEdit,
                                     ui->doneButton, ui->notApplicableButton, ui->reopenButton };
    for (QWidget *editor : editors)
        editor->setEnabled(editable);
    // A reader still reads (and copies) the note and evidence: read-only rather than disabled.
    const bool mayReview = !m_session || m_session->mayReview();
    const QString needed = mayReview ? QString() : ProjectSession::reviewRoleNeeded();
    ui->ownerEdit->setReadOnly(!mayReview);
    ui->evidenceEdit->setReadOnly(!mayReview);
    ui->noteEdit->setReadOnly(!mayReview);
    for (QWidget *editor : editors)
        editor->setToolTip(needed);

    const Template *tmpl = m_session ? &m_session->tmpl() : nullptr;
    const Item *item = tmpl ? tmpl->findItem(m_itemId) : nullptr;
    const SummaryItem *summary = tmpl ? tmpl->findSummaryItem(m_itemId) : nullptr;
    if (!item && !summary)
        ui->contextLabel->setText(QString());
    if (!editable) {
        for (ItemTextField field : { ItemTextField::Note, ItemTextField::Owner, ItemTextField::Evidence })
            setFieldText(field, QString());
    }
    updateEvidenceLink();
    showRecheck();
    if (!item && !summary) {
        ui->titleLabel->setText(tr("Select an item to see and edit its details."));
        ui->statusLabel->clear();
        ui->changedLabel->clear();
        return;
    }
    // Item texts are inline Markdown from templates, which are imported files: rendered by the
    // reports' own writer, whose images are text (a QLabel's Markdown would read an image's path).
    ui->titleLabel->setText(spansHtml(inlineMarkdown(item ? item->text : summary->text)));
    if (item) {
        const Category *category = tmpl->categoryOfItem(m_itemId);
        const Section *section = category ? sectionOf(*category, m_itemId) : nullptr;
        ui->contextLabel->setText(tr("%1 › %2 · <span style=\"color:%3\">●</span> %4")
                                      .arg(category ? category->title : QString(), section ? section->title : QString(),
                                           severityColor(category ? category->severity : Severity::Low).name(),
                                           Labels::severity(category ? category->severity : Severity::Low)));
    } else {
        ui->contextLabel->setText(tr("Summary"));
    }

    const ItemKind kind = itemKind(*tmpl, m_itemId);
    if (kind == ItemKind::ComputedSummary) {
        for (const SummaryResult &result : m_session->assessment().summary) {
            if (result.id == m_itemId) {
                ui->statusLabel->setText(
                    tr("Computed: %1").arg(AssessmentLabels::summaryReason(result).toHtmlEscaped()));
            }
        }
        ui->changedLabel->setText(tr("This item is worked out from the checklist, risks and sign-offs."));
        return;
    }
    const ItemState state = m_session->state().itemState(m_itemId);
    // An item the profile leaves out is N/A until the profile takes it back; its stored answer
    // is kept as it is meanwhile, so its status cannot be set.
    const bool outside = m_session->assessment().outsideProfile.contains(m_itemId);
    const bool settable = statusIsSettable(kind) && !outside;
    const ItemStatus effective = outside ? ItemStatus::NotApplicable
        : item                           ? effectiveStatus(*item, m_session->state())
                                         : state.status;
    QString status = tr("<b>%1</b>").arg(Labels::itemStatus(effective));
    if (outside)
        status += tr(" — not in this project's profile");
    else if (kind == ItemKind::Parent)
        status += tr(" — follows its sub-items");
    else if (state.status == ItemStatus::NotApplicable)
        status += tr(" — %1").arg(state.reason.toHtmlEscaped());
    ui->statusLabel->setText(status);
    ui->doneButton->setEnabled(mayReview && settable && state.status != ItemStatus::Done);
    ui->notApplicableButton->setEnabled(mayReview && settable);
    ui->reopenButton->setEnabled(mayReview && settable && state.status != ItemStatus::Open);
    ui->changedLabel->setText(state.changedAt.isValid()
                                  ? tr("Last changed by %1, %2").arg(state.changedBy, shortDateTime(state.changedAt))
                                  : tr("Not touched yet."));
    setFieldText(ItemTextField::Owner, state.owner);
    setFieldText(ItemTextField::Evidence, state.evidence);
    setFieldText(ItemTextField::Note, state.note);
}

} // namespace preflight::gui
