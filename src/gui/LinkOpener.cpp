#include "LinkOpener.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace preflight::gui {

namespace {

LinkOpener::Launcher &launcher()
{
    static LinkOpener::Launcher launch = [](const QUrl &url) { return QDesktopServices::openUrl(url); };
    return launch;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("preflight::gui::LinkOpener", text);
}

// Plain text throughout: the target is someone else's text and must not be read as markup.
void prepare(QMessageBox &box, const QString &objectName)
{
    box.setObjectName(objectName);
    box.setTextFormat(Qt::PlainText);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
}

bool confirmed(const LinkPolicy::Decision &decision, QWidget *parent)
{
    const QString why = decision.reason == LinkPolicy::Reason::HiddenHost
        ? tr("This web address has a user name in front of its host, which can make it look as if it leads "
             "somewhere else. It leads to %1.")
              .arg(decision.url.host(QUrl::FullyEncoded))
        : tr("This link is not a web address. Opening it hands it to whatever program your desktop uses for "
             "\"%1:\" links.")
              .arg(decision.url.scheme());
    QMessageBox box(
        QMessageBox::Warning, tr("Open Link"),
        tr("%1\n\nThe full link:\n%2\n\nOpen it only if you trust where it came from.").arg(why, decision.target),
        QMessageBox::NoButton, parent);
    prepare(box, QStringLiteral("linkConfirmation"));
    QPushButton *open = box.addButton(tr("Open Link"), QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == open;
}

void refused(const LinkPolicy::Decision &decision, QWidget *parent)
{
    // A data: link can be megabytes long; what matters is its start.
    const QString target
        = decision.target.size() > 300 ? decision.target.left(300) + QStringLiteral("…") : decision.target;
    const QString text = decision.reason == LinkPolicy::Reason::Forbidden
        ? tr("Preflight never opens \"%1:\" links: they run or show content chosen by whoever wrote them.\n\n%2")
              .arg(decision.url.scheme(), target)
        : tr("This link is not a full address, so there is nothing to open:\n\n%1").arg(target);
    QMessageBox box(QMessageBox::Information, tr("Link Not Opened"), text, QMessageBox::Ok, parent);
    prepare(box, QStringLiteral("linkRefused"));
    box.exec();
}

} // namespace

bool LinkOpener::open(const QUrl &url, QWidget *parent)
{
    const LinkPolicy::Decision decision = LinkPolicy::decide(url);
    switch (decision.verdict) {
    case LinkPolicy::Verdict::Open:
        return launcher()(decision.url);
    case LinkPolicy::Verdict::Confirm:
        return confirmed(decision, parent) && launcher()(decision.url);
    case LinkPolicy::Verdict::Refuse:
        refused(decision, parent);
        return false;
    }
    return false;
}

bool LinkOpener::openOwnFile(const QString &path)
{
    return launcher()(QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()));
}

LinkOpener::Launcher LinkOpener::setLauncher(Launcher launch)
{
    return std::exchange(launcher(), std::move(launch));
}

} // namespace preflight::gui
