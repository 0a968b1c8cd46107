#include "model/AuditKey.h"

#include "model/EnumKeys.h"

#include <array>
#include <utility>

namespace preflight {

namespace {

constexpr std::array subjectKeys
    = { std::pair { AuditSubject::Project, "project" }, std::pair { AuditSubject::Item, "item" },
        std::pair { AuditSubject::Risk, "risk" }, std::pair { AuditSubject::SignOff, "signoff" },
        std::pair { AuditSubject::Other, "other" } };

AuditKey other(const QString &stored)
{
    return { AuditSubject::Other, stored, {} };
}

} // namespace

QString auditSubjectKey(AuditSubject subject)
{
    return keyOf(subjectKeys, subject);
}

AuditKey AuditKey::project(const QString &field)
{
    return { AuditSubject::Project, {}, field };
}

AuditKey AuditKey::item(const QString &itemId, const QString &field)
{
    return { AuditSubject::Item, itemId, field };
}

AuditKey AuditKey::risk(qint64 riskId, const QString &field)
{
    return { AuditSubject::Risk, QString::number(riskId), field };
}

AuditKey AuditKey::signOff(const QString &role)
{
    return { AuditSubject::SignOff, role, {} };
}

AuditKey AuditKey::parse(const QString &stored)
{
    const qsizetype colon = stored.indexOf(u':');
    if (colon <= 0)
        return other(stored);
    const QStringView prefix = QStringView(stored).left(colon);
    const QString rest = stored.mid(colon + 1);
    if (prefix == u"signoff")
        return rest.isEmpty() ? other(stored) : signOff(rest);
    if (prefix == u"project")
        return rest.isEmpty() || rest.contains(u':') ? other(stored) : project(rest);
    // Fields never hold a colon, so the last one separates id and field even if an id held one.
    const qsizetype last = rest.lastIndexOf(u':');
    if (last <= 0 || last == rest.size() - 1)
        return other(stored);
    const QString id = rest.left(last);
    const QString field = rest.mid(last + 1);
    if (prefix == u"item")
        return item(id, field);
    if (prefix == u"risk") {
        bool numeric = false;
        const qint64 riskId = id.toLongLong(&numeric);
        // "risk:007:x" would format back as "risk:7:x": such text is kept whole instead.
        if (numeric && QString::number(riskId) == id)
            return risk(riskId, field);
    }
    return other(stored);
}

QString AuditKey::toString() const
{
    switch (subject) {
    case AuditSubject::Project:
        return QStringLiteral("project:") + field;
    case AuditSubject::Item:
    case AuditSubject::Risk:
        return auditSubjectKey(subject) + u':' + id + u':' + field;
    case AuditSubject::SignOff:
        return QStringLiteral("signoff:") + id;
    case AuditSubject::Other:
        break;
    }
    return id;
}

std::optional<qint64> AuditKey::riskId() const
{
    if (subject != AuditSubject::Risk)
        return std::nullopt;
    return id.toLongLong();
}

} // namespace preflight
