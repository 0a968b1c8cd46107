#include "SignOffView.h"

#include "Appearance.h"
#include "AssessmentLabels.h"
#include "Error.h"
#include "ProjectSession.h"
#include "commands/SignOffCommands.h"
#include "dialogs/SignOffDialog.h"
#include "models/SignOffModel.h"
#include "ui_SignOffView.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QSettings>

namespace preflight::gui {

namespace {
const QString allowedSignersKey = QStringLiteral("signing/allowedSigners");
} // namespace

SignOffView::SignOffView(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::SignOffView>())
    , m_model(new SignOffModel(this))
{
    ui->setupUi(this);
    ui->table->setModel(m_model);
    ui->table->setObjectName(QStringLiteral("signOffTable"));
    ui->table->verticalHeader()->hide();
    QHeaderView *header = ui->table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SignOffModel::CommentColumn, QHeaderView::Stretch);
    // A comment wraps to as many lines as it has: cut to the column, it read as a few words on a
    // laptop. There is one row per role, so sizing rows to their contents costs nothing.
    ui->table->setWordWrap(true);
    ui->table->verticalHeader()->setMinimumSectionSize(ui->table->fontMetrics().height() * 2 + 8);
    ui->table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QFont verdictFont = ui->verdictLabel->font();
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.5);
    ui->verdictLabel->setFont(verdictFont);

    connect(ui->signButton, &QPushButton::clicked, this, &SignOffView::signSelected);
    connect(ui->clearButton, &QPushButton::clicked, this, &SignOffView::clearSelected);
    connect(ui->table, &QTableView::activated, this, &SignOffView::signSelected);
    connect(ui->table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SignOffView::refresh);
    connect(ui->allowedSignersButton, &QPushButton::clicked, this, [this] {
        const QString current = QSettings().value(allowedSignersKey).toString();
        // Cancelling stops checking: there is no other way back to "no file".
        setAllowedSignersFile(QFileDialog::getOpenFileName(this, tr("Choose the Allowed-Signers File"),
                                                           current.isEmpty() ? QDir::homePath() : current));
    });
    showAllowedSigners(QSettings().value(allowedSignersKey).toString());
}

void SignOffView::setAllowedSignersFile(const QString &path)
{
    QSettings().setValue(allowedSignersKey, path);
    showAllowedSigners(path);
}

void SignOffView::showAllowedSigners(const QString &path)
{
    m_model->setAllowedSigners(path);
    ui->allowedSignersLabel->setText(
        path.isEmpty() ? tr("Keys not checked") : tr("Keys checked against %1").arg(QDir::toNativeSeparators(path)));
}

SignOffView::~SignOffView() = default;

QTableView *SignOffView::table() const
{
    return ui->table;
}

void SignOffView::setSession(ProjectSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_model->setSession(session);
    if (m_session)
        connect(m_session, &ProjectSession::stateChanged, this, &SignOffView::refresh);
    m_permissions = {};
    if (m_session && m_session->store().isServer()) {
        try {
            m_permissions = m_session->store().permissions();
        } catch (const Error &) {
            // Unreachable server: leave the buttons on; the server still refuses what it must.
        }
    }
    ui->signAsLabel->setVisible(m_session && !m_permissions.signAnyRole);
    ui->signAsLabel->setText(m_permissions.signAs.isEmpty()
                                 ? tr("You cannot sign as any role: the server's owner grants sign-off roles.")
                                 : tr("You can sign as: %1").arg(m_permissions.signAs.join(QStringLiteral(", "))));
    if (m_model->rowCount() > 0)
        ui->table->setCurrentIndex(m_model->index(0, 0));
    refresh();
}

QString SignOffView::selectedRole() const
{
    return ui->table->currentIndex().data(SignOffModel::RoleNameRole).toString();
}

void SignOffView::signSelected()
{
    const QString role = selectedRole();
    if (!m_session || role.isEmpty())
        return;
    SignOffDialog dialog(role, ui->verdictLabel->text(), currentSignOff(m_session->state(), role),
                         m_session->store().actor(), this);
    ProjectSession *session = m_session;
    dialog.offerSigning(
        session->state().project.requireSignatures,
        { [session](const SignOff &signoff) { return session->prepareSignedSignOff(signoff); },
          [session](const SignOff &signedSignOff) { return session->recordSignedSignOff(signedSignOff); } });
    if (dialog.exec() == QDialog::Accepted && !dialog.recordedSigned())
        m_session->signOff(dialog.signOff());
    window()->activateWindow(); // keys go back to the window: nothing else re-activates it without a window manager
}

void SignOffView::clearSelected()
{
    if (m_session && !selectedRole().isEmpty())
        m_session->clearSignOff(selectedRole());
}

void SignOffView::refresh()
{
    const QString role = selectedRole();
    const bool maySign = m_permissions.maySignAs(role);
    ui->clearButton->setEnabled(maySign && ui->table->currentIndex().data(SignOffModel::SignedRole).toBool());
    ui->signButton->setEnabled(maySign && !role.isEmpty());
    // Disabled for want of a role: say which (README.md, "Roles on a team server").
    const QString needed = maySign ? QString() : tr("Needs the sign-off role \u201c%1\u201d on this server").arg(role);
    ui->signButton->setToolTip(needed);
    ui->clearButton->setToolTip(needed);
    if (!m_session)
        return;
    const Assessment &assessment = m_session->assessment();
    ui->verdictLabel->setText(tr("<span style=\"color:%1\">●</span> <b>%2</b> · score %3")
                                  .arg(verdictColor(assessment.verdict).name(),
                                       verdictLabel(m_session->tmpl(), assessment.verdict).toHtmlEscaped(),
                                       Labels::score(assessment.score)));
    int approvals = 0;
    for (const SignOffStatus &status : assessment.signoffs)
        approvals += status.counts ? 1 : 0;
    ui->signedOffLabel->setText(assessment.signedOff ? tr("Signed off by every role.")
                                                     : tr("Not signed off: %1 of %2 roles have a current approval.")
                                                           .arg(approvals)
                                                           .arg(assessment.signoffs.size()));
    QStringList reasons;
    for (const QString &reason : AssessmentLabels::verdictReasons(assessment))
        reasons << reason.toHtmlEscaped();
    ui->reasonsLabel->setText(reasons.isEmpty() ? QString()
                                                : QStringLiteral("• ") + reasons.join(QStringLiteral("<br>• ")));
    ui->reasonsLabel->setVisible(!reasons.isEmpty());
}

} // namespace preflight::gui
