#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class AboutDialog;
}

namespace preflight::gui {

class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    AboutDialog(const QString &databasePath, QWidget *parent = nullptr);
    ~AboutDialog() override;

private:
    std::unique_ptr<Ui::AboutDialog> ui;
};

} // namespace preflight::gui
