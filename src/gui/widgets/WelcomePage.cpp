#include "WelcomePage.h"

#include "ui_WelcomePage.h"

#include <QIcon>

namespace preflight::gui {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::WelcomePage>())
{
    ui->setupUi(this);
    ui->iconLabel->setPixmap(QIcon(QStringLiteral(":/icons/preflight.svg")).pixmap(96, 96));
    QFont heading = ui->headingLabel->font();
    heading.setPointSizeF(heading.pointSizeF() * 2);
    heading.setBold(true);
    ui->headingLabel->setFont(heading);
    connect(ui->startButton, &QPushButton::clicked, this, &WelcomePage::startFromDefaultTemplate);
    connect(ui->chooseButton, &QPushButton::clicked, this, &WelcomePage::chooseTemplate);
}

WelcomePage::~WelcomePage() = default;

} // namespace preflight::gui
