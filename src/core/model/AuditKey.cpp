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

struct Parts
{
    AuditSubject subject = AuditSubject::Other;
    QStringView id;
    QStringView field;
};

// The one reading of the stored text, shared by parse() and subjectOf(); views, no copies.
Parts split(QStringView stored)
{
    const qsizetype colon = stored.indexOf(u':');
    if (colon <= 0)
        return {};
    const QStringView prefix = stored.left(colon);
    const QStringView rest = stored.mid(colon + 1);
    if (prefix == u"signoff")
        return rest.isEmpty() ? Parts {} : Parts { AuditSubject::SignOff, rest, {} };
    if (prefix == u"project")
        return rest.isEmpty() || rest.contains(u':') ? Parts {} : Parts { AuditSubject::Project, {}, rest };
    // Fields never hold a colon, so the last one separates id and field even if an id held one.
    const qsizetype last = rest.lastIndexOf(u':');
    if (last <= 0 || last == rest.size() - 1)
        return {};
    const QStringView id = rest.left(last);
    const QStringView field = rest.mid(last + 1);
    if (prefix == u"item")
        return { AuditSubject::Item, id, field };
    if (prefix == u"risk") {
        bool numeric = false;
        const qint64 riskId = id.toLongLong(&numeric);
        // "risk:007:x" would format back as "risk:7:x": such text is kept whole instead.
        if (numeric && QString::number(riskId) == id)
            return { AuditSubject::Risk, id, field };
    }
    return {};
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
    const Parts parts = split(stored);
    if (parts.subject == AuditSubject::Other)
        return other(stored);
    return { parts.subject, parts.id.toString(), parts.field.toString() };
}

AuditSubject AuditKey::subjectOf(QStringView stored)
{
    return split(stored).subject;
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
