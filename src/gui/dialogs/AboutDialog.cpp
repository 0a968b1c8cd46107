#include "AboutDialog.h"

#include "storage/Store.h"
#include "ui_AboutDialog.h"

#include <QIcon>

namespace preflight::gui {

AboutDialog::AboutDialog(const QString &databasePath, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::AboutDialog>())
{
    ui->setupUi(this);
    ui->iconLabel->setPixmap(QIcon(QStringLiteral(":/icons/preflight.svg")).pixmap(80, 80));
    ui->titleLabel->setText(tr("<h2>Preflight %1</h2>").arg(QStringLiteral(PREFLIGHT_VERSION)));
    ui->descriptionLabel->setText(
        tr("Production-readiness reviews for engineering teams: checklists, risks, sign-offs and a verdict you "
           "can trust, kept in one SQLite file with a tamper-evident audit trail."));
    ui->detailsLabel->setText(tr("Database: %1<br>Schema version %2 · Qt %3")
                                  .arg(databasePath.toHtmlEscaped())
                                  .arg(Store::schemaVersion())
                                  .arg(QString::fromLatin1(qVersion())));
}

AboutDialog::~AboutDialog() = default;

} // namespace preflight::gui
