#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class WelcomePage;
}

namespace preflight::gui {

// Shown instead of an empty window when the database has no projects yet.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);
    ~WelcomePage() override;

signals:
    void startFromDefaultTemplate();
    void chooseTemplate();

private:
    std::unique_ptr<Ui::WelcomePage> ui;
};

} // namespace preflight::gui
