#pragma once

#include <QObject>

QT_BEGIN_NAMESPACE
class QAction;
QT_END_NAMESPACE

namespace preflight::gui {

// Makes the window's Undo and Redo keys reach its undo stack wherever the focus is. A text field
// claims Ctrl+Z for its own typing even when it has nothing to undo, which swallowed the key in
// every field; with this filter the field undoes its own typing first and the review's edits
// come after it.
class UndoKeys : public QObject
{
public:
    UndoKeys(QWidget *window, QAction *undo, QAction *redo);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
    QAction *m_undo;
    QAction *m_redo;
};

// The Redo keys of this platform, with Ctrl+Shift+Z added where the platform lacks it (Windows
// offers Ctrl+Y first). Giving an action the same key twice makes Qt report an ambiguous shortcut
// and do nothing, which is what Ctrl+Shift+Z did on Linux.
QList<QKeySequence> redoKeys();

} // namespace preflight::gui
