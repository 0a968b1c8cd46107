#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class KeyboardShortcutsDialog;
}

namespace preflight::gui {

// Help → Keyboard Shortcuts: every action of the window that has keys, read from the actions
// themselves so the list cannot drift from what the keys do.
class KeyboardShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit KeyboardShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);
    ~KeyboardShortcutsDialog() override;

private:
    std::unique_ptr<Ui::KeyboardShortcutsDialog> ui;
};

} // namespace preflight::gui
