#include "UndoKeys.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace preflight::gui {

namespace {

// Whether `widget` is a text field that would undo (`redo` false) or redo something itself.
bool fieldCanTakeKey(const QObject *widget, bool redo)
{
    if (const auto *line = qobject_cast<const QLineEdit *>(widget))
        return !line->isReadOnly() && (redo ? line->isRedoAvailable() : line->isUndoAvailable());
    const QTextDocument *document = nullptr;
    if (const auto *plain = qobject_cast<const QPlainTextEdit *>(widget); plain && !plain->isReadOnly())
        document = plain->document();
    else if (const auto *rich = qobject_cast<const QTextEdit *>(widget); rich && !rich->isReadOnly())
        document = rich->document();
    if (!document)
        return false; // not a text field: it has no claim on the keys
    return redo ? document->isRedoAvailable() : document->isUndoAvailable();
}

} // namespace

UndoKeys::UndoKeys(QWidget *window, QAction *undo, QAction *redo)
    : QObject(window)
    , m_window(window)
    , m_undo(undo)
    , m_redo(redo)
{
    // The field that has focus gets the ShortcutOverride first; an application filter sees it before.
    qApp->installEventFilter(this);
}

bool UndoKeys::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride || !watched->isWidgetType()
        || static_cast<QWidget *>(watched)->window() != m_window)
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    const QKeySequence pressed(key->keyCombination());
    const bool undo = m_undo->shortcuts().contains(pressed);
    const bool redo = m_redo->shortcuts().contains(pressed);
    if ((!undo && !redo) || fieldCanTakeKey(watched, redo))
        return false;
    // Not accepted, and not passed on to the field: the key goes to the window's shortcut.
    event->ignore();
    return true;
}

QList<QKeySequence> redoKeys()
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Redo);
    const QKeySequence ctrlShiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    if (!keys.contains(ctrlShiftZ))
        keys.push_back(ctrlShiftZ);
    return keys;
}

} // namespace preflight::gui
