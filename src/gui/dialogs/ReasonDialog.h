#pragma once

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class ReasonDialog;
}

namespace preflight::gui {

// Asks why an item does not apply. OK stays disabled until there is a reason, because the
// store refuses N/A without one.
class ReasonDialog : public QDialog
{
    Q_OBJECT

public:
    ReasonDialog(const QString &itemText, const QString &reason, QWidget *parent = nullptr);
    ~ReasonDialog() override;
    QString reason() const;

    // nullopt when cancelled.
    static std::optional<QString> ask(QWidget *parent, const QString &itemText, const QString &reason = {});

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::unique_ptr<Ui::ReasonDialog> ui;
};

} // namespace preflight::gui
