#include "history/ReviewReplay.h"

#include "storage/TimeFormat.h"

#include <QRegularExpression>

#include <algorithm>

namespace preflight {

namespace {

std::optional<QDate> dateValue(const QString &text)
{
    return parseDate(text.isEmpty() ? std::nullopt : std::optional<QString>(text));
}

} // namespace

ReviewReplay::ReviewReplay(const Project &project)
{
    // Every audited project field starts empty: creation audits each one from "" to its value.
    m_project.id = project.id;
    m_project.templateId = project.templateId;
    m_project.templateVersion = project.templateVersion;
}

void ReviewReplay::apply(const AuditEntry &entry)
{
    if (!m_created) {
        m_created = true;
        m_project.created = entry.time;
    }
    switch (entry.key.subject) {
    case AuditSubject::Project:
        applyProject(entry);
        break;
    case AuditSubject::Item:
        applyItem(entry);
        break;
    case AuditSubject::Risk:
        applyRisk(entry);
        break;
    case AuditSubject::SignOff:
        applySignOff(entry);
        break;
    case AuditSubject::Other:
        break; // written by a later version: nothing this one can rebuild
    }
    // Every write but the deletion also moves the project's `updated` (Store::Impl::touchProject).
    if (entry.key != AuditKey::project(QLatin1String(auditfield::deleted)))
        m_project.updated = entry.time;
    m_last = entry;
}

std::size_t ReviewReplay::applyUntil(const std::vector<AuditEntry> &history, std::size_t next, const QDateTime &until)
{
    for (; next < history.size() && history[next].time <= until; ++next)
        apply(history[next]);
    return next;
}

void ReviewReplay::applyProject(const AuditEntry &entry)
{
    const QString &field = entry.key.field;
    const QString &value = entry.newValue;
    if (field == QLatin1String("name"))
        m_project.name = value;
    else if (field == QLatin1String("description"))
        m_project.description = value;
    else if (field == QLatin1String("notes"))
        m_project.notes = value;
    else if (field == QLatin1String("targetDate"))
        m_project.targetDate = dateValue(value);
    else if (field == QLatin1String("actualDate"))
        m_project.actualDate = dateValue(value);
    else if (field == QLatin1String("archived"))
        m_project.archived = value == QLatin1String("true");
    else if (field == QLatin1String("requireSignatures"))
        m_project.requireSignatures = value == QLatin1String("true");
    else if (field == QLatin1String("profile"))
        m_project.profile = profileFromText(value);
    else if (field == QLatin1String(auditfield::deleted))
        m_deleted = true;
    else if (field == QLatin1String("template")) {
        // "<id>@<version>"; template ids never hold '@', versions might in some future scheme.
        const qsizetype at = value.indexOf(u'@');
        if (at > 0) {
            m_project.templateId = value.left(at);
            m_project.templateVersion = value.mid(at + 1);
        }
    }
}

void ReviewReplay::applyItem(const AuditEntry &entry)
{
    ++m_reviewRows;
    ItemState &item = m_items[entry.key.id];
    item.itemId = entry.key.id;
    const QString &field = entry.key.field;
    const QString &value = entry.newValue;
    if (field == QLatin1String(auditfield::status))
        item.status = itemStatusFromKey(value).value_or(ItemStatus::Open);
    else if (field == QLatin1String("reason"))
        item.reason = value;
    else if (field == QLatin1String("note"))
        item.note = value;
    else if (field == QLatin1String("owner"))
        item.owner = value;
    else if (field == QLatin1String("evidence"))
        item.evidence = value;
    item.changedBy = entry.actor;
    item.changedAt = entry.time;
}

void ReviewReplay::applyRisk(const AuditEntry &entry)
{
    ++m_reviewRows;
    const qint64 id = entry.key.riskId().value_or(0);
    const QString &field = entry.key.field;
    const QString &value = entry.newValue;
    if (field == QLatin1String(auditfield::deleted)) {
        m_risks.erase(id);
        return;
    }
    auto [it, added] = m_risks.try_emplace(id);
    Risk &risk = it->second;
    if (added) {
        risk.id = id;
        risk.created = entry.time;
    }
    if (field == QLatin1String("title"))
        risk.title = value;
    else if (field == QLatin1String("severity"))
        risk.severity = severityFromKey(value).value_or(Severity::Medium);
    else if (field == QLatin1String("mitigation"))
        risk.mitigation = value;
    else if (field == QLatin1String("owner"))
        risk.owner = value;
    else if (field == QLatin1String(auditfield::status))
        risk.status = riskStatusFromKey(value).value_or(RiskStatus::Open);
    else if (field == QLatin1String("linkedItems"))
        risk.linkedItems = value.split(QLatin1String(", "), Qt::SkipEmptyParts);
    else if (field == QLatin1String("acceptedBy"))
        risk.acceptedBy = value;
    else if (field == QLatin1String("acceptedUntil"))
        risk.acceptedUntil = dateValue(value);
    risk.updated = entry.time;
}

void ReviewReplay::applySignOff(const AuditEntry &entry)
{
    const QString &role = entry.key.id;
    std::optional<SignOff> signoff = parseSignOffText(role, entry.newValue);
    if (!signoff) {
        m_signoffs.erase(role);
        return;
    }
    // The store digests the review as it stands when the sign-off is written, before its own row.
    ProjectState review;
    review.items = m_items;
    for (const auto &[id, risk] : m_risks)
        review.risks.push_back(risk);
    signoff->date = entry.time;
    signoff->stateDigest = review.reviewDigest();
    signoff->auditSeq = entry.seq;
    m_signoffs[role] = Signed { *signoff, m_reviewRows };
}

ProjectState ReviewReplay::state() const
{
    ProjectState state;
    state.project = m_project;
    state.items = m_items;
    state.risks.reserve(m_risks.size());
    for (const auto &[id, risk] : m_risks)
        state.risks.push_back(risk);
    for (const auto &[role, signed_] : m_signoffs) {
        SignOff signoff = signed_.signoff;
        signoff.changesSince = m_reviewRows - signed_.reviewRowsBefore;
        state.signoffs.push_back(std::move(signoff));
    }
    return state;
}

ProjectState replayState(const Project &project, const std::vector<AuditEntry> &history, const QDateTime &at)
{
    ReviewReplay replay(project);
    replay.applyUntil(history, 0, at);
    return replay.state();
}

std::optional<SignOff> parseSignOffText(const QString &role, const QString &text)
{
    const qsizetype by = text.indexOf(QLatin1String(" by "));
    if (by <= 0)
        return std::nullopt;
    const std::optional<Decision> decision = decisionFromKey(text.left(by));
    if (!decision)
        return std::nullopt;
    SignOff signoff;
    signoff.role = role;
    signoff.decision = *decision;
    const QString rest = text.mid(by + 4);
    const qsizetype colon = rest.indexOf(QLatin1String(": "));
    signoff.name = colon < 0 ? rest : rest.left(colon);
    signoff.comment = colon < 0 ? QString() : rest.mid(colon + 2);
    // A signed one names its key after the name (StoreSignOffs.cpp, signOffText).
    static const QRegularExpression signedBy(QStringLiteral("^(.*) \\(signed, (SHA256:[^)\\s]+)\\)$"));
    if (const QRegularExpressionMatch match = signedBy.match(signoff.name); match.hasMatch()) {
        signoff.name = match.captured(1);
        signoff.keyFingerprint = match.captured(2);
    }
    return signoff;
}

void attachStoredSignatures(ProjectState &replayed, const ProjectState &stored)
{
    for (SignOff &signoff : replayed.signoffs) {
        for (const SignOff &row : stored.signoffs) {
            if (row.role != signoff.role || row.auditSeq == 0 || row.auditSeq != signoff.auditSeq)
                continue;
            // The same act: its row holds what the trail does not. A signed row's date is its
            // statement's, a moment before its audit row's.
            signoff.statement = row.statement;
            signoff.signature = row.signature;
            signoff.keyFingerprint = row.keyFingerprint;
            signoff.login = row.login;
            if (!row.signature.isEmpty())
                signoff.date = row.date;
        }
    }
}

void attachAuditLogins(ProjectState &replayed, const std::vector<AuditEntry> &history)
{
    for (SignOff &signoff : replayed.signoffs) {
        if (!signoff.login.isEmpty() || signoff.auditSeq == 0)
            continue;
        const auto entry = std::find_if(history.begin(), history.end(),
                                        [&](const AuditEntry &e) { return e.seq == signoff.auditSeq; });
        if (entry != history.end())
            signoff.login = entry->actor;
    }
}

} // namespace preflight
