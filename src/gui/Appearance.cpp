#include "Appearance.h"

#include "PrerenderedIconEngine.h"
#include "export/ReportInput.h"

#include <QAction>
#include <QGuiApplication>
#include <QHash>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

namespace preflight::gui {

QColor severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return QColor(0xd9, 0x48, 0x48);
    case Severity::High:
        return QColor(0xe8, 0x86, 0x2f);
    case Severity::Medium:
        return QColor(0xc9, 0xa2, 0x27);
    case Severity::Low:
        return QColor(0x4f, 0x9a, 0x6a);
    }
    return Qt::gray;
}

QColor verdictColor(Verdict verdict)
{
    switch (verdict) {
    case Verdict::NotReady:
        return QColor(0xd9, 0x48, 0x48);
    case Verdict::ReadyWithRisks:
        return QColor(0xe0, 0x96, 0x1f);
    case Verdict::Ready:
        return QColor(0x3d, 0x9a, 0x5a);
    }
    return Qt::gray;
}

QColor decisionColor(Decision decision)
{
    switch (decision) {
    case Decision::Approve:
        return verdictColor(Verdict::Ready);
    case Decision::ApproveWithRisks:
        return verdictColor(Verdict::ReadyWithRisks);
    case Decision::Reject:
        return verdictColor(Verdict::NotReady);
    }
    return Qt::gray;
}

QColor tint(const QColor &color)
{
    QColor tinted = color;
    tinted.setAlpha(70);
    return tinted;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe6, 0xe6);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2c));
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8d, 0x91));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf0));
    palette.setColor(QPalette::Mid, QColor(0x4a, 0x4d, 0x52));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    palette.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4c));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x83, 0x87));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x83, 0x87));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x83, 0x87));
    return palette;
}

QIcon dotIcon(const QColor &color)
{
    // Cached: the checklist asks for the same few dots for every visible category row.
    static QHash<QRgb, QIcon> cache;
    auto it = cache.find(color.rgba());
    if (it != cache.end())
        return *it;
    const qreal ratio = qApp ? qApp->devicePixelRatio() : 1.0;
    QPixmap pixmap(QSize(16, 16) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(3, 3, 10, 10));
    painter.end();
    return *cache.insert(color.rgba(), QIcon(pixmap));
}

QIcon themedIcon(const QString &name)
{
    return QIcon(new PrerenderedIconEngine(name));
}

void addClearButton(QLineEdit *edit)
{
    QAction *clear = edit->addAction(themedIcon(QStringLiteral("clear")), QLineEdit::TrailingPosition);
    clear->setToolTip(QCoreApplication::translate("preflight::gui", "Clear"));
    clear->setVisible(false);
    QObject::connect(edit, &QLineEdit::textChanged, clear,
                     [clear](const QString &text) { clear->setVisible(!text.isEmpty()); });
    QObject::connect(clear, &QAction::triggered, edit, &QLineEdit::clear);
}

QString shortDateTime(const QDateTime &time)
{
    const QDateTime local = time.toLocalTime();
    return QLocale().toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ')
        + QLocale().toString(local.time(), QStringLiteral("HH:mm"));
}

QString Labels::severity(Severity severity)
{
    switch (severity) {
    case Severity::Low:
        return tr("Low");
    case Severity::Medium:
        return tr("Medium");
    case Severity::High:
        return tr("High");
    case Severity::Critical:
        return tr("Critical");
    }
    return {};
}

QString Labels::itemStatus(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Open:
        return tr("Open");
    case ItemStatus::Done:
        return tr("Done");
    case ItemStatus::NotApplicable:
        return tr("N/A");
    }
    return {};
}

QString Labels::riskStatus(RiskStatus status)
{
    switch (status) {
    case RiskStatus::Open:
        return tr("Open");
    case RiskStatus::Mitigated:
        return tr("Mitigated");
    case RiskStatus::Accepted:
        return tr("Accepted");
    case RiskStatus::Closed:
        return tr("Closed");
    }
    return {};
}

QString Labels::decision(Decision decision)
{
    switch (decision) {
    case Decision::Approve:
        return tr("Approve");
    case Decision::ApproveWithRisks:
        return tr("Approve with risks");
    case Decision::Reject:
        return tr("Reject");
    }
    return {};
}

QString Labels::score(const std::optional<double> &score)
{
    return score ? scoreText(score) : tr("n/a"); // rounded as the reports and the command line do
}

} // namespace preflight::gui
