#include "SignOffModel.h"

#include "Appearance.h"
#include "AssessmentLabels.h"
#include "Error.h"
#include "ProjectSession.h"
#include "signing/SignOffStatement.h"
#include "signing/SshSigning.h"

namespace preflight::gui {

namespace {

int roleCount(const ProjectSession *session)
{
    return session ? int(session->assessment().signoffs.size()) : 0;
}

} // namespace

SignOffModel::SignOffModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void SignOffModel::setSession(ProjectSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    beginResetModel();
    m_session = session;
    m_rowCount = roleCount(session);
    endResetModel();
    if (m_session)
        connect(m_session, &ProjectSession::stateChanged, this, &SignOffModel::refresh);
}

void SignOffModel::setAllowedSigners(const QString &path)
{
    m_allowedSigners = path;
    m_checked.clear();
    if (m_rowCount > 0)
        emit dataChanged(index(0, SignatureColumn), index(m_rowCount - 1, SignatureColumn));
}

void SignOffModel::refresh()
{
    // The roles come from the pinned template, so the row count only changes if the
    // assessment failed to load; guard anyway rather than trust it.
    if (roleCount(m_session) != m_rowCount) {
        beginResetModel();
        m_rowCount = roleCount(m_session);
        endResetModel();
    } else if (m_rowCount > 0) {
        emit dataChanged(index(0, 0), index(m_rowCount - 1, ColumnCount - 1));
    }
}

int SignOffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int SignOffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SignOffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RoleColumn:
        return tr("Role");
    case NameColumn:
        return tr("Name");
    case DecisionColumn:
        return tr("Decision");
    case CommentColumn:
        return tr("Comment");
    case DateColumn:
        return tr("Date");
    case StateColumn:
        return tr("State");
    case SignatureColumn:
        return tr("Signature");
    }
    return {};
}

QVariant SignOffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_session)
        return {};
    const SignOffStatus &status = m_session->assessment().signoffs[size_t(index.row())];
    const std::optional<SignOff> &signoff = status.signoff;
    switch (role) {
    case RoleNameRole:
        return status.role;
    case SignedRole:
        return signoff.has_value();
    case StaleRole:
        return status.stale;
    case StandingRole:
        return int(status.standing);
    }
    if (index.column() == StateColumn)
        return stateText(index.row(), role);
    if (index.column() == SignatureColumn || role == SignatureResultRole)
        return signatureData(index.row(), role);
    if (role == Qt::BackgroundRole && index.column() == DecisionColumn && signoff)
        return tint(decisionColor(signoff->decision));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case RoleColumn:
        return status.role;
    case NameColumn:
        return signoff ? signoff->name : QString();
    case DecisionColumn:
        return signoff ? Labels::decision(signoff->decision) : QString();
    case CommentColumn:
        return signoff ? signoff->comment : QString();
    case DateColumn:
        return signoff ? shortDateTime(signoff->date) : QString();
    }
    return {};
}

QVariant SignOffModel::stateText(int row, int role) const
{
    const SignOffStatus &status = m_session->assessment().signoffs[size_t(row)];
    switch (role) {
    case Qt::DecorationRole:
        if (!status.signoff)
            return {};
        return themedIcon(status.standing == SignOffStanding::Stale ? QStringLiteral("warning")
                              : status.counts                       ? QStringLiteral("approved")
                                                                    : QStringLiteral("info"));
    case Qt::DisplayRole:
        return AssessmentLabels::signOffStanding(status);
    case Qt::ToolTipRole:
        return AssessmentLabels::signOffStandingExplanation(status);
    case StandingRole:
        return int(status.standing);
    }
    return {};
}

const SignOffModel::Checked &SignOffModel::checked(const SignOff &signoff) const
{
    const Project &project = m_session->state().project;
    // What verify() compares: the signature, the statement and what the row says now.
    const QString key = signoff.signature + signoff.keyFingerprint + signoff.statement
        + SignOffStatement::of(project, signoff).text();
    auto found = m_checked.find(key);
    if (found != m_checked.end())
        return found->second;
    Checked result;
    try {
        const ssh::Verification verification = ssh::verify(project, signoff, m_allowedSigners);
        result = { ssh::resultKey(verification.result), verification.detail };
    } catch (const Error &error) {
        result = { QStringLiteral("unchecked"), error.message() };
    }
    return m_checked.emplace(key, result).first->second;
}

QVariant SignOffModel::signatureData(int row, int role) const
{
    const std::optional<SignOff> &signoff = m_session->assessment().signoffs[size_t(row)].signoff;
    if (!signoff || signoff->signature.isEmpty()) {
        if (role == SignatureResultRole)
            return ssh::resultKey(ssh::Result::Unsigned);
        return role == Qt::ToolTipRole && signoff ? tr("Not signed with a key") : QVariant();
    }
    const Checked &check = checked(*signoff);
    const bool trusted = !m_allowedSigners.isEmpty();
    switch (role) {
    case SignatureResultRole:
        return check.result;
    case Qt::DisplayRole: {
        QString result = tr("not checked");
        if (check.result == QLatin1String("good"))
            result = tr("good");
        else if (check.result == QLatin1String("bad"))
            result = tr("BAD");
        else if (check.result == QLatin1String("unknown-key"))
            result = trusted ? tr("unknown key") : tr("key not checked");
        return tr("%1 · %2").arg(signoff->keyFingerprint, result);
    }
    case Qt::ToolTipRole:
        if (check.result == QLatin1String("unknown-key") && !trusted)
            return tr("The signature is intact. Choose an allowed-signers file to check whose key it is.");
        return check.detail.isEmpty() ? tr("Signed by %1's key, as the allowed-signers file says").arg(signoff->name)
                                      : check.detail;
    case Qt::DecorationRole:
        if (check.result == QLatin1String("good"))
            return themedIcon(QStringLiteral("approved"));
        if (check.result == QLatin1String("bad"))
            return themedIcon(QStringLiteral("warning"));
        return {};
    }
    return {};
}

} // namespace preflight::gui
