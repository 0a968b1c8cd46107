#pragma once

#include "model/Project.h"
#include "scoring/Assessment.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QIcon>
#include <QPalette>
#include <QString>

QT_BEGIN_NAMESPACE
class QLineEdit;
QT_END_NAMESPACE

namespace preflight::gui {

// Colours chosen to read on both light and dark palettes: mid-tone hues that keep contrast
// against white and against #2b2b2b alike, so nothing depends on the current theme.
QColor severityColor(Severity severity);
QColor verdictColor(Verdict verdict);
QColor decisionColor(Decision decision);
// `color` with low opacity, for cell backgrounds that must not drown the text in either palette.
QColor tint(const QColor &color);
bool isDark(const QPalette &palette);
// A dark palette for the Fusion style, for platforms without a system dark theme.
QPalette darkPalette();

// A filled circle in `color`, rendered for the current device pixel ratio.
QIcon dotIcon(const QColor &color);
QIcon themedIcon(const QString &name); // resources/icons/<name>.svg

// A clear button inside a line edit, drawn with our own icon. QLineEdit's built-in one asks the
// style for a standard icon, which first searches the desktop's icon themes: on a cold start
// that search alone costs a third of the time a bare window takes to appear.
void addClearButton(QLineEdit *edit);

// Translated, user-facing wording of the core's enums.
// Date and minutes in the user's locale, local time.
QString shortDateTime(const QDateTime &time);

class Labels
{
    Q_DECLARE_TR_FUNCTIONS(Labels)

public:
    static QString severity(Severity severity);
    static QString itemStatus(ItemStatus status);
    static QString riskStatus(RiskStatus status);
    static QString decision(Decision decision);
    static QString score(const std::optional<double> &score); // "2.5 %", "100 %" or "n/a"
};

} // namespace preflight::gui
