#include "ImportDialog.h"

#include "Appearance.h"
#include "Error.h"
#include "import/ProjectImport.h"
#include "storage/Store.h"
#include "templates/TemplateRegistry.h"
#include "ui_ImportDialog.h"

#include <QComboBox>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>
#include <map>

namespace preflight::gui {

namespace {

using TickById = std::map<QString, const import::ItemTick *>;

// An item row as the project would start: its text, and the file's tick as a check mark with
// the status (and an N/A reason) beside it. Sub-items nest under their item.
void addItemRows(QTreeWidgetItem *parent, const std::vector<Item> &items, const TickById &ticks, int &done, int &na)
{
    for (const Item &item : items) {
        auto *row = new QTreeWidgetItem(parent, { item.text });
        row->setToolTip(0, item.id);
        const auto tick = ticks.find(item.id);
        const ItemStatus status = tick == ticks.end() ? ItemStatus::Open : tick->second->status;
        row->setCheckState(0, status == ItemStatus::Done ? Qt::Checked : Qt::Unchecked);
        row->setText(1, Labels::itemStatus(status));
        if (status == ItemStatus::NotApplicable)
            row->setToolTip(1, tick->second->reason);
        done += status == ItemStatus::Done;
        na += status == ItemStatus::NotApplicable;
        addItemRows(row, item.children, ticks, done, na);
    }
}

} // namespace

ImportDialog::ImportDialog(import::ImportPreview preview, Store &store, const TemplateRegistry &templates,
                           QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ImportDialog>())
    , m_preview(std::move(preview))
    , m_store(store)
    , m_templates(templates)
{
    ui->setupUi(this);
    setWindowTitle(tr("Import “%1”").arg(m_preview.sourceName));
    ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    ui->nameEdit->setText(m_preview.tmpl.title);
    ui->splitter->setStretchFactor(0, 3);
    ui->splitter->setStretchFactor(1, 1);
    fillSummary();
    fillContent();
    fillReviewData();
    fillWarnings();
    connect(ui->buttons, &QDialogButtonBox::accepted, this, &ImportDialog::accept);
    connect(ui->asProjectRadio, &QRadioButton::toggled, this, &ImportDialog::updateButtons);
    connect(ui->asProjectRadio, &QRadioButton::toggled, this, &ImportDialog::fillWarnings);
    connect(ui->nameEdit, &QLineEdit::textChanged, this, &ImportDialog::updateButtons);
    updateButtons();
}

ImportDialog::~ImportDialog() = default;

void ImportDialog::fillSummary()
{
    const Template &tmpl = m_preview.tmpl;
    int sections = 0;
    for (const Category &category : tmpl.categories)
        sections += int(category.sections.size());
    QString known;
    m_match = import::chooseTemplate(m_preview, m_templates, {});
    if (m_match)
        known = tr("<br>Its items match the template “%1”: a project import uses it.")
                    .arg(m_match->title.toHtmlEscaped());
    ui->summaryLabel->setText(
        tr("<b>%1</b><br>%2 categories, %3 sections, %4 items (%5 ticked done, %6 N/A)%7")
            .arg(tmpl.title.toHtmlEscaped())
            .arg(tmpl.categories.size())
            .arg(sections)
            .arg(tmpl.itemCount())
            .arg(std::count_if(m_preview.ticks.begin(), m_preview.ticks.end(),
                               [](const auto &t) { return t.status == ItemStatus::Done; }))
            .arg(std::count_if(m_preview.ticks.begin(), m_preview.ticks.end(),
                               [](const auto &t) { return t.status == ItemStatus::NotApplicable; }))
            .arg(known));
}

// The tree of what the import creates, item by item with its tick, and a severity per category
// that the user can change before importing (a plain checklist has no markers to read it from).
void ImportDialog::fillContent()
{
    TickById ticks;
    for (const import::ItemTick &tick : m_preview.ticks)
        ticks[tick.itemId] = &tick;
    QTreeWidget *tree = ui->contentTree;
    for (size_t index = 0; index < m_preview.tmpl.categories.size(); ++index) {
        const Category &category = m_preview.tmpl.categories[index];
        auto *categoryRow = new QTreeWidgetItem(tree, { category.title });
        QFont bold = categoryRow->font(0);
        bold.setBold(true);
        categoryRow->setFont(0, bold);
        int done = 0, na = 0;
        for (const Section &section : category.sections) {
            auto *sectionRow = new QTreeWidgetItem(categoryRow, { section.title });
            addItemRows(sectionRow, section.items, ticks, done, na);
        }
        categoryRow->setText(1, tr("%1 done, %2 N/A").arg(done).arg(na));
        auto *severity = new QComboBox(tree);
        severity->setObjectName(QStringLiteral("severityCombo:") + category.id);
        for (const Severity value : { Severity::Critical, Severity::High, Severity::Medium, Severity::Low })
            severity->addItem(dotIcon(severityColor(value)), Labels::severity(value), int(value));
        severity->setCurrentIndex(severity->findData(int(category.severity)));
        connect(severity, &QComboBox::currentIndexChanged, this, [this, index, severity] {
            m_preview.tmpl.categories[index].severity = Severity(severity->currentData().toInt());
        });
        tree->setItemWidget(categoryRow, 2, severity);
        m_severityCombos.push_back(severity);
    }
    tree->expandToDepth(0);
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree->header()->setStretchLastSection(false);
    tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
}

void ImportDialog::fillReviewData()
{
    QStringList paragraphs;
    if (!m_preview.risks.empty()) {
        QStringList risks;
        for (const import::ImportedRisk &imported : m_preview.risks)
            risks << tr("“%1” (%2)").arg(imported.risk.title.toHtmlEscaped(), severityKey(imported.risk.severity));
        paragraphs << tr("<b>Risks</b> from the file's risk table, created with a project: %1")
                          .arg(risks.join(QStringLiteral(", ")));
    }
    if (!m_preview.signoffs.empty()) {
        QStringList signoffs;
        for (const import::SignOffRow &row : m_preview.signoffs) {
            QStringList details { row.decision, row.date };
            details.removeAll(QString());
            const QString who = tr("%1: %2").arg(row.role.toHtmlEscaped(), row.name.toHtmlEscaped());
            signoffs << (details.isEmpty()
                             ? who
                             : tr("%1 (%2)").arg(who, details.join(QStringLiteral(", ")).toHtmlEscaped()));
        }
        paragraphs << tr("<b>Sign-offs in the file, shown but never imported</b> (each role signs off in "
                         "Preflight, on the review as it is then): %1")
                          .arg(signoffs.join(QStringLiteral("; ")));
    }
    ui->reviewLabel->setText(paragraphs.join(QStringLiteral("<br>")));
    ui->reviewLabel->setVisible(!paragraphs.isEmpty());
}

void ImportDialog::fillWarnings()
{
    // What the file's own template lacks does not matter to a project on a registered template.
    const bool ownTemplateMoot = m_match && ui->asProjectRadio->isChecked();
    ui->warningsList->clear();
    for (const import::ImportWarning &warning : m_preview.warnings) {
        if (ownTemplateMoot && warning.aboutOwnTemplate)
            continue;
        ui->warningsList->addItem(warning.line > 0 ? tr("Line %1: %2").arg(warning.line).arg(warning.message)
                                                   : warning.message);
    }
    const int shown = ui->warningsList->count();
    ui->warningsLabel->setText(shown == 0 ? tr("No warnings.") : tr("%n warning(s):", nullptr, shown));
    ui->warningsList->setVisible(shown > 0);
    const import::SkippedContent &skipped = m_preview.skipped;
    // Counted, not shown: tables and prose have no place in a checklist.
    ui->skippedLabel->setText(tr("Skipped content: tables %1, paragraphs %2, list items without a check box %3, "
                                 "code blocks %4.")
                                  .arg(skipped.tables)
                                  .arg(skipped.paragraphs)
                                  .arg(skipped.listItems)
                                  .arg(skipped.codeBlocks));
}

void ImportDialog::updateButtons()
{
    const bool asProject = ui->asProjectRadio->isChecked();
    // A project on a registered template takes that template's severities.
    for (QComboBox *severity : m_severityCombos)
        severity->setEnabled(!(m_match && asProject));
    ui->nameEdit->setEnabled(asProject);
    ui->nameLabel->setEnabled(asProject);
    ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(!asProject || !ui->nameEdit->text().trimmed().isEmpty());
}

void ImportDialog::accept()
{
    try {
        if (ui->asProjectRadio->isChecked()) {
            const import::ImportedProject imported
                = import::importProjectWithTemplate(m_store, m_templates, m_preview, ui->nameEdit->text().trimmed(), {},
                                                    TemplateRegistry::userTemplatesDir());
            m_projectId = imported.result.project.id;
            m_savedTemplatePath = imported.savedTemplatePath;
        } else {
            m_savedTemplatePath = import::saveImportedTemplate(m_preview, {}, TemplateRegistry::userTemplatesDir());
        }
    } catch (const Error &error) {
        QMessageBox::warning(this, tr("Import Failed"), error.message());
        return;
    }
    QDialog::accept();
}

} // namespace preflight::gui
