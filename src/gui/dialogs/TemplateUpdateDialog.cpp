#include "TemplateUpdateDialog.h"

#include "models/ChecklistModel.h"
#include "ui_TemplateUpdateDialog.h"

#include <QPushButton>

namespace preflight::gui {

namespace {

QString textOf(const Template &tmpl, const QString &itemId)
{
    if (const Item *item = tmpl.findItem(itemId))
        return plainText(item->text);
    if (const SummaryItem *item = tmpl.findSummaryItem(itemId))
        return plainText(item->text);
    return {};
}

QTreeWidgetItem *group(QTreeWidget *tree, const QString &text)
{
    auto *item = new QTreeWidgetItem(tree, { text });
    item->setFlags(Qt::ItemIsEnabled);
    return item;
}

void child(QTreeWidgetItem *parent, const QString &text, const QString &toolTip = {})
{
    auto *item = new QTreeWidgetItem(parent, { text });
    item->setToolTip(0, toolTip.isEmpty() ? text : toolTip);
}

} // namespace

TemplateUpdateDialog::TemplateUpdateDialog(const QString &projectName, const Template &from, const Template &to,
                                           const MigrationPlan &plan, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::TemplateUpdateDialog>())
{
    ui->setupUi(this);
    ui->headingLabel->setText(tr("<b>%1</b> follows <b>%2 %3</b>. Version <b>%4</b> is available; moving to it:")
                                  .arg(projectName.toHtmlEscaped(), to.title.toHtmlEscaped(),
                                       plan.fromVersion.toHtmlEscaped(), plan.toVersion.toHtmlEscaped()));
    QTreeWidget *tree = ui->planTree;
    const MigrationHeadings headings = migrationHeadings(plan);
    QTreeWidgetItem *carried = group(tree, headings.carried);
    for (const MigrationPlan::Carry &carry : plan.carried) {
        if (carry.fromId != carry.toId)
            child(carried, tr("%1 → %2").arg(carry.fromId, carry.toId), textOf(to, carry.toId));
    }
    QTreeWidgetItem *rechecks = group(tree, headings.rechecks);
    for (const MigrationPlan::Carry &carry : plan.carried) {
        if (carry.recheck)
            child(rechecks, tr("%1: %2").arg(carry.toId, textOf(to, carry.toId)),
                  tr("Answered as: %1").arg(plainText(carry.oldText)));
    }
    QTreeWidgetItem *dropped = group(tree, headings.dropped);
    for (const ItemState &state : plan.dropped)
        child(dropped, tr("%1 (%2): %3").arg(state.itemId, itemStatusKey(state.status), textOf(from, state.itemId)));
    QTreeWidgetItem *added = group(tree, headings.added);
    for (const QString &id : plan.added)
        child(added, tr("%1: %2").arg(id, textOf(to, id)));
    group(tree, headings.staleSignOffs);
    // Only when it happens: most updates keep every tag, and a group of zero would only puzzle.
    if (!headings.profileTagsGone.isEmpty()) {
        QTreeWidgetItem *tags = group(tree, headings.profileTagsGone);
        for (const QString &tag : plan.profileTagsGone)
            child(tags, tag, tr("File → Applicability Profile… removes it"));
    }
    tree->expandAll();

    QPushButton *apply = ui->buttons->button(QDialogButtonBox::Apply);
    apply->setText(tr("&Apply Update"));
    apply->setObjectName(QStringLiteral("applyButton"));
    apply->setDefault(true);
    connect(apply, &QPushButton::clicked, this, &QDialog::accept);
}

TemplateUpdateDialog::~TemplateUpdateDialog() = default;

} // namespace preflight::gui
