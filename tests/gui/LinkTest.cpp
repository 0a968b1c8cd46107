#include "GuiTestSupport.h"
#include "LinkOpener.h"
#include "WindowTestSupport.h"
#include "widgets/ItemDetailsPane.h"
#include "widgets/NotePreview.h"

#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QTcpServer>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolButton>

using namespace preflight;
using namespace preflight::gui;
using namespace preflight::gui::test;

namespace {

// Records what would have gone to the desktop instead of launching it.
struct LaunchRecorder
{
    LaunchRecorder()
        : previous(LinkOpener::setLauncher([this](const QUrl &url) {
            launched.push_back(url);
            return true;
        }))
    { }
    ~LaunchRecorder() { LinkOpener::setLauncher(previous); }

    std::vector<QUrl> launched;
    LinkOpener::Launcher previous;
};

// Opens `link` and answers the dialog it raises, if any, with `button`; returns the dialog's
// object name and text (empty when none came up).
std::pair<QString, QString> openAndAnswer(const QString &link, QMessageBox::ButtonRole role)
{
    QString name, text;
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [&, timer] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            name = box->objectName();
            text = box->text();
            CHECK(box->textFormat() == Qt::PlainText);
            for (QAbstractButton *button : box->buttons()) {
                if (box->buttonRole(button) == role || box->buttons().size() == 1) {
                    button->click();
                    return;
                }
            }
            CHECK(false); // no button in that role
            box->reject();
        }
    });
    timer->start();
    LinkOpener::open(link, nullptr);
    if (name.isEmpty())
        delete timer;
    return { name, text };
}

} // namespace

TEST_CASE("Web links and mailto open at once, other schemes only when confirmed, script and data links never",
          "[gui][links]")
{
    LaunchRecorder recorder;

    for (const QString &link :
         { QStringLiteral("https://github.com/acme/shop/pull/42"), QStringLiteral("http://127.0.0.1:3000/d/slo"),
           QStringLiteral("mailto:ops@example.org") }) {
        INFO(link.toStdString());
        recorder.launched.clear();
        CHECK(openAndAnswer(link, QMessageBox::RejectRole).first.isEmpty()); // no dialog
        REQUIRE(recorder.launched.size() == 1);
        CHECK(recorder.launched.front() == QUrl(link));
    }

    for (const QString &link :
         { QStringLiteral("file:///etc/passwd"), QStringLiteral("smb://fileserver/share/evidence.xlsx"),
           QStringLiteral("vscode://file/etc/hosts"), QStringLiteral("https://bank.example@evil.example/login") }) {
        INFO(link.toStdString());
        recorder.launched.clear();
        const auto [name, text] = openAndAnswer(link, QMessageBox::RejectRole);
        CHECK(name == QLatin1String("linkConfirmation"));
        CHECK(text.contains(link)); // the full target, as it would be handed over
        CHECK(recorder.launched.empty()); // Cancel: nothing opened
        CHECK(openAndAnswer(link, QMessageBox::AcceptRole).first == QLatin1String("linkConfirmation"));
        REQUIRE(recorder.launched.size() == 1);
        CHECK(recorder.launched.front() == QUrl(link));
    }

    // The confirmation shows a right-to-left override as what it is, not as reversed text.
    recorder.launched.clear();
    const QString reversed
        = openAndAnswer(QStringLiteral("file:///home/me/\u202Efdp.exe"), QMessageBox::RejectRole).second;
    CHECK(reversed.contains(QLatin1String("file:///home/me/%E2%80%AEfdp.exe")));
    CHECK_FALSE(reversed.contains(QChar(0x202E)));

    for (const QString &link : { QStringLiteral("javascript:alert(document.cookie)"),
                                 QStringLiteral("data:text/html,<script>alert(1)</script>"),
                                 QStringLiteral("VBScript:msgbox(1)"), QStringLiteral("runbook.md") }) {
        INFO(link.toStdString());
        CHECK(openAndAnswer(link, QMessageBox::AcceptRole).first == QLatin1String("linkRefused"));
    }
    CHECK(recorder.launched.empty());
}

TEST_CASE("Evidence: a web address gets the Open button, anything else is shown as text with a hint",
          "[gui][links][evidence]")
{
    LaunchRecorder recorder;
    OpenSession open;
    ItemDetailsPane pane;
    pane.setSession(open.session);
    pane.showItem(styleGuideItem);
    auto *button = pane.findChild<QToolButton *>(QStringLiteral("openEvidenceButton"));
    auto *hint = pane.findChild<QLabel *>(QStringLiteral("evidenceHint"));
    auto *edit = pane.findChild<QLineEdit *>(QStringLiteral("evidenceEdit"));
    REQUIRE((button && hint && edit));

    CHECK(button->isHidden()); // no evidence yet
    CHECK(hint->isHidden());

    open.session->setItemText(styleGuideItem, ItemTextField::Evidence,
                              QStringLiteral("https://github.com/acme/shop/pull/42"));
    CHECK(edit->text() == QLatin1String("https://github.com/acme/shop/pull/42"));
    CHECK_FALSE(button->isHidden());
    CHECK(button->isEnabled());
    CHECK(hint->isHidden());
    button->click();
    REQUIRE(recorder.launched.size() == 1);
    CHECK(recorder.launched.front() == QUrl(QStringLiteral("https://github.com/acme/shop/pull/42")));

    for (const QString &text : { QStringLiteral("file:///etc/passwd"), QStringLiteral("javascript:alert(1)"),
                                 QStringLiteral("smb://host/share"), QStringLiteral("PR 42, merged") }) {
        INFO(text.toStdString());
        open.session->setItemText(styleGuideItem, ItemTextField::Evidence, text);
        CHECK(edit->text() == text); // kept as typed
        CHECK(button->isHidden());
        CHECK_FALSE(hint->isHidden());
        CHECK(hint->text().contains(QLatin1String("not as a link")));
    }

    // Typing updates it at once, before anything is saved.
    edit->setText(QStringLiteral("https://example.org/runbook"));
    CHECK_FALSE(button->isHidden());
    CHECK(hint->isHidden());
    CHECK(recorder.launched.size() == 1);
}

TEST_CASE("Item titles are rendered by the reports' Markdown writer, which loads no images", "[gui][links][remote]")
{
    OpenSession open;
    ItemDetailsPane pane;
    pane.setSession(open.session);
    pane.showItem(QStringLiteral("code-quality.error-handling.specific-exception-types"));
    auto *title = pane.findChild<QLabel *>(QStringLiteral("titleLabel"));
    REQUIRE(title);
    CHECK(title->textFormat() == Qt::RichText);
    CHECK(title->text() == QLatin1String("Specific exception types (not bare <code>except</code>)"));
    CHECK_FALSE(title->text().contains(QLatin1String("<img")));
}

TEST_CASE("Note preview: clicked links go through the link policy", "[gui][links]")
{
    LaunchRecorder recorder;
    NotePreview preview;
    CHECK_FALSE(preview.openLinks());
    CHECK_FALSE(preview.openExternalLinks());
    preview.resize(600, 300);
    preview.setMarkdown(QStringLiteral("[web](https://example.org/runbook)\n\n[script](javascript:alert(1))"));
    preview.show();
    REQUIRE(QTest::qWaitForWindowExposed(&preview));

    const auto clickOn = [&](int position) {
        QTextCursor cursor(preview.document());
        cursor.setPosition(position);
        const QPoint at = preview.cursorRect(cursor).center() + QPoint(4, 0);
        QTest::mouseClick(preview.viewport(), Qt::LeftButton, {}, at);
    };
    clickOn(1); // inside "web"
    REQUIRE(recorder.launched.size() == 1);
    CHECK(recorder.launched.front() == QUrl(QStringLiteral("https://example.org/runbook")));

    bool refused = false;
    whenDialogOpens<QMessageBox>([&](QMessageBox *box) {
        refused = box->objectName() == QLatin1String("linkRefused");
        box->accept();
    });
    const int scriptStart = preview.document()->findBlockByNumber(1).position();
    clickOn(scriptStart + 2);
    CHECK(refused);
    CHECK(recorder.launched.size() == 1);
    CHECK(preview.source().isEmpty()); // never navigated
}

TEST_CASE("Note preview fetches nothing: no remote or local images, no connection", "[gui][links][remote]")
{
    QTcpServer server;
    REQUIRE(server.listen(QHostAddress::LocalHost));
    QTemporaryDir dir;
    const QString imagePath = dir.filePath(QStringLiteral("local.png"));
    QImage red(8, 8, QImage::Format_RGB32);
    red.fill(Qt::red);
    REQUIRE(red.save(imagePath));
    const QString remote = QStringLiteral("http://127.0.0.1:%1/pixel.png").arg(server.serverPort());
    const QString local = QUrl::fromLocalFile(imagePath).toString();
    const QString note = QStringLiteral("![pixel](%1) <img src=\"%1?raw\"> ![local](%2)").arg(remote, local);

    const auto loadedImage = [](const QTextBrowser &browser, const QString &url) {
        const QVariant value = browser.document()->resource(QTextDocument::ImageResource, QUrl(url));
        return value.canConvert<QImage>() && !value.value<QImage>().isNull();
    };
    // The probe works: a plain QTextBrowser reads the local image.
    QTextBrowser plain;
    plain.setMarkdown(note);
    CHECK(loadedImage(plain, local));

    NotePreview preview;
    preview.resize(400, 200);
    preview.setMarkdown(note);
    preview.show();
    REQUIRE(QTest::qWaitForWindowExposed(&preview));
    CHECK_FALSE(loadedImage(preview, local));
    CHECK_FALSE(loadedImage(preview, remote));
    CHECK_FALSE(server.waitForNewConnection(300));
}

TEST_CASE("Only LinkOpener hands URLs to the desktop", "[gui][links]")
{
    // A second call of QDesktopServices would be a way around the link policy.
    QStringList callers;
    QDirIterator it(QStringLiteral(PREFLIGHT_SOURCE_DIR "/src"), { QStringLiteral("*.cpp"), QStringLiteral("*.h") },
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QByteArray source = file.readAll();
        if (source.contains("#include <QDesktopServices>") || source.contains("setOpenExternalLinks(true)"))
            callers += QFileInfo(file.fileName()).fileName();
    }
    INFO(callers.join(u' ').toStdString());
    CHECK(callers == QStringList { QStringLiteral("LinkOpener.cpp") });
    QDirIterator forms(QStringLiteral(PREFLIGHT_SOURCE_DIR "/ui"), { QStringLiteral("*.ui") }, QDir::Files);
    while (forms.hasNext()) {
        QFile file(forms.next());
        REQUIRE(file.open(QIODevice::ReadOnly));
        INFO(file.fileName().toStdString());
        CHECK_FALSE(file.readAll().contains("openExternalLinks"));
    }
}
