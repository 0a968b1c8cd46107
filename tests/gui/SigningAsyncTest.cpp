// The sign-off dialog signs without freezing the window, with the real ssh-agent and ssh-keygen:
// a wrapper on PATH makes ssh-keygen take its time before signing, as a hardware key waiting for
// a touch does, and then runs the real one.
#include "ProjectSession.h"
#include "SigningTestSupport.h"

#include <QCheckBox>
#include <QLabel>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <csignal>
#include <sys/types.h>

using namespace preflight;
using namespace preflight::gui;
using namespace preflight::gui::signing_test;

namespace {

// Puts a slow ssh-keygen first on PATH for the test's lifetime: `-Y sign` records its pid, then
// sleeps `seconds` before it becomes the real ssh-keygen (exec keeps the pid); everything else
// runs the real one at once.
class SlowSshKeygen
{
public:
    explicit SlowSshKeygen(const char *seconds)
        : m_path(qgetenv("PATH"))
    {
        const QString real = QStandardPaths::findExecutable(QStringLiteral("ssh-keygen"));
        REQUIRE_FALSE(real.isEmpty());
        QFile script(m_bin.filePath(QStringLiteral("ssh-keygen")));
        REQUIRE(script.open(QIODevice::WriteOnly));
        script.write(QStringLiteral("#!/bin/sh\nif [ \"$1\" = -Y ] && [ \"$2\" = sign ]; then\n  echo $$ > '%1'\n"
                                    "  sleep %2\nfi\nexec '%3' \"$@\"\n")
                         .arg(pidFile(), QLatin1String(seconds), real)
                         .toUtf8());
        script.close();
        REQUIRE(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("PATH", m_bin.path().toUtf8() + ':' + m_path);
    }
    ~SlowSshKeygen() { qputenv("PATH", m_path); }

    QString pidFile() const { return m_bin.filePath(QStringLiteral("signing.pid")); }
    qint64 signingPid() const
    {
        QFile file(pidFile());
        return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
    }

private:
    QTemporaryDir m_bin;
    QByteArray m_path;
};

QLabel *message(SignOffDialog *dialog)
{
    return dialog->findChild<QLabel *>(QStringLiteral("errorLabel"));
}

QPushButton *cancelButton(SignOffDialog *dialog)
{
    return dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))->button(QDialogButtonBox::Cancel);
}

} // namespace

TEST_CASE_METHOD(SigningWindow, "The dialog keeps running while the key signs and records what it signed",
                 "[gui][signing]")
{
    preflight::test::SshFixture ssh;
    ssh.addToAgent("ada");
    const AgentEnvironment agent(ssh.socket);
    const SlowSshKeygen slow("1.5");

    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(20);
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] { ++ticks; });
    bool asked = false;
    whenDialogOpens<SignOffDialog>([&](SignOffDialog *dialog) {
        asked = true;
        dialog->findChild<QCheckBox *>(QStringLiteral("signCheck"))->setChecked(true);
        fill(dialog, "ada");
        ticker.start();
        okButton(dialog)->click();
        // Clicking returned while ssh-keygen still signs: the window was not waiting on it.
        REQUIRE(dialog->isSigning());
        const int ticksAtClick = ticks;
        CHECK(message(dialog)->text().startsWith(QStringLiteral("Touch your key if it asks")));
        CHECK_FALSE(okButton(dialog)->isEnabled());
        CHECK_FALSE(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->isEnabled());
        CHECK(cancelButton(dialog)->isEnabled());
        CHECK(stored().empty());
        CHECK(QTest::qWaitFor([dialog] { return !dialog->isSigning(); }, 30000));
        // The timer kept ticking through the signature's second and a half.
        CHECK(ticks - ticksAtClick >= 20);
        CHECK(QTest::qWaitFor([dialog] { return !dialog->isVisible(); }, 5000));
    });
    clickSign();
    REQUIRE(asked);
    CHECK(slow.signingPid() > 0); // the slow ssh-keygen signed, through the agent
    const std::vector<SignOff> signoffs = stored();
    REQUIRE(signoffs.size() == 1);
    CHECK(signoffs.front().keyFingerprint == fingerprint(ssh.key("ada") + QStringLiteral(".pub")));
    open.window.signOffView()->setAllowedSignersFile(ssh.allowedSigners(QStringLiteral("team"), { "ada" }));
    CHECK(signature().data(SignOffModel::SignatureResultRole).toString() == QStringLiteral("good"));
    CHECK(open.window.currentSession()->undoStack()->count() == 1);
}

TEST_CASE_METHOD(SigningWindow, "Cancel while the key signs stops ssh-keygen and records nothing", "[gui][signing]")
{
    preflight::test::SshFixture ssh;
    ssh.addToAgent("ada");
    const AgentEnvironment agent(ssh.socket);
    const SlowSshKeygen slow("3");

    bool asked = false;
    whenDialogOpens<SignOffDialog>([&](SignOffDialog *dialog) {
        asked = true;
        dialog->findChild<QCheckBox *>(QStringLiteral("signCheck"))->setChecked(true);
        fill(dialog, "ada");
        okButton(dialog)->click();
        REQUIRE(dialog->isSigning());
        REQUIRE(QTest::qWaitFor([&] { return slow.signingPid() > 0; }, 10000));
        const auto pid = pid_t(slow.signingPid());
        REQUIRE(::kill(pid, 0) == 0);

        cancelButton(dialog)->click();
        CHECK_FALSE(dialog->isSigning());
        CHECK(dialog->isVisible()); // back to the form, to sign again or close
        CHECK(message(dialog)->text().contains(QStringLiteral("nothing was recorded")));
        CHECK(okButton(dialog)->isEnabled());
        CHECK(::kill(pid, 0) != 0); // killed and reaped: it can sign nothing now
        CHECK(stored().empty());
        cancelButton(dialog)->click();
        CHECK_FALSE(dialog->isVisible());
    });
    clickSign();
    REQUIRE(asked);
    CHECK(stored().empty());
    CHECK(open.window.currentSession()->undoStack()->count() == 0);
}

TEST_CASE_METHOD(SigningWindow, "Undo and redo put signed sign-offs back as signed, without signing again",
                 "[gui][signing]")
{
    preflight::test::SshFixture ssh;
    ssh.addToAgent("ada");
    const AgentEnvironment agent(ssh.socket);
    const auto signAs = [&](const char *name, const QString &keyFile) {
        bool asked = false;
        whenDialogOpens<SignOffDialog>([&](SignOffDialog *dialog) {
            asked = true;
            dialog->findChild<QCheckBox *>(QStringLiteral("signCheck"))->setChecked(true);
            dialog->findChild<QLineEdit *>(QStringLiteral("keyEdit"))->setText(keyFile);
            fill(dialog, name);
            okButton(dialog)->click();
            CHECK(QTest::qWaitFor([dialog] { return !dialog->isVisible(); }, 30000));
        });
        clickSign();
        REQUIRE(asked);
        REQUIRE(stored().size() == 1);
        return stored().front();
    };
    const SignOff ada = signAs("ada", {}); // the agent's key
    const SignOff eve = signAs("eve", ssh.key("eve")); // a private key file
    REQUIRE(ada.keyFingerprint != eve.keyFingerprint);
    open.window.signOffView()->setAllowedSignersFile(ssh.allowedSigners(QStringLiteral("team"), { "ada", "eve" }));

    const auto same = [](const SignOff &a, const SignOff &b) {
        return a.name == b.name && a.date == b.date && a.stateDigest == b.stateDigest && a.statement == b.statement
            && a.signature == b.signature && a.keyFingerprint == b.keyFingerprint && a.auditSeq == b.auditSeq;
    };
    QUndoStack *undo = open.window.currentSession()->undoStack();
    undo->undo();
    REQUIRE(stored().size() == 1);
    CHECK(same(stored().front(), ada));
    CHECK(signature().data(SignOffModel::SignatureResultRole).toString() == QStringLiteral("good"));
    undo->redo();
    REQUIRE(stored().size() == 1);
    CHECK(same(stored().front(), eve)); // the same signature: no key was asked again
    CHECK(signature().data(SignOffModel::SignatureResultRole).toString() == QStringLiteral("good"));
    undo->undo();
    undo->undo();
    CHECK(stored().empty());
}
