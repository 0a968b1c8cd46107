// Signed sign-offs in the window, with the real OpenSSH tools: ed25519 keys made by ssh-keygen in
// the test and an ssh-agent of its own.
#include "ProjectSession.h"
#include "SigningTestSupport.h"
#include "dialogs/SignOffDialog.h"
#include "models/SignOffModel.h"
#include "widgets/SignOffView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QTableView>
#include <QTest>

#include <sqlite3.h>

using namespace preflight;
using namespace preflight::gui;
using namespace preflight::gui::test;
using namespace preflight::gui::signing_test;

TEST_CASE_METHOD(
    SigningWindow,
    "A project that requires signatures signs in the dialog with the agent's first key and the tab checks it",
    "[gui][signing]")
{
    preflight::test::SshFixture ssh;
    ssh.addToAgent("ada");
    const AgentEnvironment agent(ssh.socket);
    Store::ProjectPatch requireSignatures;
    requireSignatures.requireSignatures = true;
    db.open()->updateProject(project.id, requireSignatures);
    open.window.currentSession()->reload();

    bool asked = false;
    whenDialogOpens<SignOffDialog>([&](SignOffDialog *dialog) {
        asked = true;
        auto *sign = dialog->findChild<QCheckBox *>(QStringLiteral("signCheck"));
        REQUIRE(sign);
        CHECK(sign->isChecked());
        CHECK_FALSE(sign->isEnabled()); // required: cannot be turned off
        CHECK(dialog->findChild<QLineEdit *>(QStringLiteral("keyEdit"))->text().isEmpty());
        fill(dialog, "ada");
        okButton(dialog)->click();
        CHECK(QTest::qWaitFor([dialog] { return !dialog->isVisible(); }, 30000));
    });
    clickSign();
    REQUIRE(asked);
    const std::vector<SignOff> signoffs = stored();
    REQUIRE(signoffs.size() == 1);
    CHECK(signoffs.front().keyFingerprint == fingerprint(ssh.key("ada") + QStringLiteral(".pub")));
    CHECK_FALSE(signoffs.front().signature.isEmpty());

    // No allowed-signers file: the fingerprint, and the key not vouched for.
    SignOffView *view = open.window.signOffView();
    view->setAllowedSignersFile({});
    CHECK(signature().data().toString() == QStringLiteral("%1 · key not checked").arg(signoffs.front().keyFingerprint));
    CHECK(signature().data(SignOffModel::SignatureResultRole).toString() == QStringLiteral("unknown-key"));
    view->setAllowedSignersFile(ssh.allowedSigners(QStringLiteral("team"), { "ada" }));
    CHECK(signature().data().toString() == QStringLiteral("%1 · good").arg(signoffs.front().keyFingerprint));
    CHECK(view->findChild<QLabel *>(QStringLiteral("allowedSignersLabel"))->text().contains(QStringLiteral("team")));
    view->setAllowedSignersFile(ssh.allowedSigners(QStringLiteral("others"), { "eve" }));
    CHECK(signature().data(SignOffModel::SignatureResultRole).toString() == QStringLiteral("unknown-key"));
    CHECK(signature().data().toString().endsWith(QStringLiteral("unknown key")));

    // The choice is the user's setting: a new window checks against it too.
    view->setAllowedSignersFile(ssh.allowedSigners(QStringLiteral("team"), { "ada" }));
    OpenWindow second(db);
    second.window.openProject(project.id);
    QAbstractItemModel *model = second.window.signOffView()->table()->model();
    CHECK(model->index(row(), SignOffModel::SignatureColumn).data(SignOffModel::SignatureResultRole).toString()
          == QStringLiteral("good"));

    // A decision altered behind Preflight's back no longer matches what was signed.
    sqlite3 *file = nullptr;
    REQUIRE(sqlite3_open(db.path().toUtf8().constData(), &file) == SQLITE_OK);
    const auto closeFile = qScopeGuard([file] { sqlite3_close(file); });
    REQUIRE(sqlite3_exec(file, "UPDATE signoffs SET decision = 'reject'", nullptr, nullptr, nullptr) == SQLITE_OK);
    open.window.currentSession()->reload();
    CHECK(signature().data(SignOffModel::SignatureResultRole).toString() == QStringLiteral("bad"));
    CHECK(signature().data().toString().endsWith(QStringLiteral("BAD")));
    CHECK(signature().data(Qt::ToolTipRole).toString().contains(QStringLiteral("decision")));
}

TEST_CASE_METHOD(SigningWindow, "Signing errors stay in the dialog and write nothing", "[gui][signing]")
{
    preflight::test::SshFixture ssh;
    ssh.addToAgent("ada");
    const AgentEnvironment agent({});
    QTemporaryDir elsewhere;
    const QString lonePublic = elsewhere.filePath(QStringLiteral("eve.pub"));
    REQUIRE(QFile::copy(ssh.key("eve") + QStringLiteral(".pub"), lonePublic));

    bool asked = false;
    whenDialogOpens<SignOffDialog>([&](SignOffDialog *dialog) {
        asked = true;
        auto *sign = dialog->findChild<QCheckBox *>(QStringLiteral("signCheck"));
        auto *key = dialog->findChild<QLineEdit *>(QStringLiteral("keyEdit"));
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("errorLabel"));
        REQUIRE(sign);
        CHECK_FALSE(sign->isChecked()); // offered, not required
        CHECK(sign->isEnabled());
        CHECK(key->isHidden());
        sign->setChecked(true);
        CHECK_FALSE(key->isHidden());
        fill(dialog, "ada");

        okButton(dialog)->click(); // no agent
        CHECK(dialog->isVisible());
        CHECK_FALSE(error->isHidden());
        CHECK(error->text().startsWith(QStringLiteral("no ssh-agent")));
        // In the window's words: there is no --key option to pass here.
        CHECK(error->text().contains(QStringLiteral("choose a key file")));
        CHECK_FALSE(error->text().contains(QStringLiteral("--key")));
        CHECK(stored().empty());

        AgentEnvironment::set(ssh.socket);
        // A public key the agent does not hold, with no private key beside it (ssh-keygen would use that).
        key->setText(lonePublic);
        okButton(dialog)->click();
        CHECK(QTest::qWaitFor([dialog] { return !dialog->isSigning(); }, 30000));
        CHECK(dialog->isVisible());
        CHECK(error->text().contains(QStringLiteral("is that key in your ssh-agent?")));
        CHECK(stored().empty());

        key->setText(ssh.key("ada") + QStringLiteral(".pub")); // ada's, through the agent
        okButton(dialog)->click();
        CHECK(QTest::qWaitFor([dialog] { return !dialog->isVisible(); }, 30000));
    });
    clickSign();
    REQUIRE(asked);
    const std::vector<SignOff> signoffs = stored();
    REQUIRE(signoffs.size() == 1);
    CHECK(signoffs.front().keyFingerprint == fingerprint(ssh.key("ada") + QStringLiteral(".pub")));
    CHECK(signature().data().toString().startsWith(signoffs.front().keyFingerprint));

    // One undo step removes it; nothing else was recorded by the refused attempts.
    CHECK(open.window.currentSession()->undoStack()->count() == 1);
    open.window.currentSession()->undoStack()->undo();
    CHECK(stored().empty());
}
