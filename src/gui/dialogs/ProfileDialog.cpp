#include "ProfileDialog.h"

#include "ui_ProfileDialog.h"

namespace preflight::gui {

ProfileDialog::ProfileDialog(const Template &tmpl, const Profile &profile, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ProfileDialog>())
{
    ui->setupUi(this);
    setObjectName(QStringLiteral("profileDialog"));
    ui->profileChooser->setTemplate(tmpl);
    ui->profileChooser->setProfile(profile);
    // The chooser hides itself for a template without tags; say why there is nothing to pick.
    if (templateTags(tmpl).isEmpty())
        ui->introLabel->setText(tr("Template “%1” %2 tags none of its items, so every item applies to every project.")
                                    .arg(tmpl.title, tmpl.version));
}

ProfileDialog::~ProfileDialog() = default;

Profile ProfileDialog::profile() const
{
    return ui->profileChooser->profile();
}

ProfileChooser *ProfileDialog::chooser() const
{
    return ui->profileChooser;
}

} // namespace preflight::gui
