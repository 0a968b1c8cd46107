#include "NewProjectDialog.h"

#include "Workspace.h"
#include "ui_NewProjectDialog.h"

#include <QPushButton>

namespace preflight::gui {

namespace {
constexpr int TemplateVersionRole = Qt::UserRole + 1;
}

NewProjectDialog::NewProjectDialog(const Workspace &workspace, const QString &templateId, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::NewProjectDialog>())
    , m_workspace(workspace)
{
    ui->setupUi(this);
    setObjectName(QStringLiteral("newProjectDialog"));
    for (const Template &tmpl : workspace.templates().templates()) {
        ui->templateCombo->addItem(tr("%1 (%2)").arg(tmpl.title, tmpl.version), tmpl.id);
        ui->templateCombo->setItemData(ui->templateCombo->count() - 1, tmpl.version, TemplateVersionRole);
    }
    // The newest version of the id, as `project create` picks: older versions are listed too.
    int selected = 0;
    if (const Template *newest = workspace.templates().find(templateId)) {
        for (int i = 0; i < ui->templateCombo->count(); ++i) {
            if (ui->templateCombo->itemData(i).toString() == newest->id
                && ui->templateCombo->itemData(i, TemplateVersionRole).toString() == newest->version)
                selected = i;
        }
    }
    ui->templateCombo->setCurrentIndex(selected);
    ui->targetDateEdit->setDate(QDate::currentDate().addDays(30));
    connect(ui->nameEdit, &QLineEdit::textChanged, this, &NewProjectDialog::validate);
    // The profile's tags are the chosen version's: each version may tag its items differently.
    const auto offerTags = [this] {
        if (const Template *tmpl
            = m_workspace.templates().find(ui->templateCombo->currentData().toString(),
                                           ui->templateCombo->currentData(TemplateVersionRole).toString()))
            ui->profileChooser->setTemplate(*tmpl);
    };
    connect(ui->templateCombo, &QComboBox::currentIndexChanged, this, offerTags);
    offerTags();
    validate();
}

NewProjectDialog::~NewProjectDialog() = default;

void NewProjectDialog::setName(const QString &name)
{
    ui->nameEdit->setText(name);
    ui->nameEdit->selectAll();
}

void NewProjectDialog::validate()
{
    const QString name = ui->nameEdit->text().trimmed();
    QString problem;
    if (ui->templateCombo->count() == 0)
        problem = tr("No templates are installed.");
    else if (!name.isEmpty() && m_workspace.store().findProject(name))
        problem = tr("A project named “%1” already exists.").arg(name);
    ui->problemLabel->setText(problem);
    ui->problemLabel->setVisible(!problem.isEmpty());
    ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(!name.isEmpty() && problem.isEmpty());
}

Project NewProjectDialog::draft() const
{
    Project project;
    project.name = ui->nameEdit->text().trimmed();
    project.description = ui->descriptionEdit->toPlainText().trimmed();
    // The version the user picked: two versions of one template are listed separately.
    project.templateId = ui->templateCombo->currentData().toString();
    project.templateVersion = ui->templateCombo->currentData(TemplateVersionRole).toString();
    if (ui->targetCheck->isChecked())
        project.targetDate = ui->targetDateEdit->date();
    project.profile = ui->profileChooser->profile();
    return project;
}

} // namespace preflight::gui
