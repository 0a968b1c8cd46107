#include "storage/StoreImpl.h"

namespace preflight {

namespace {

QString quoted(const QString &text)
{
    constexpr int shown = 200; // enough to recognise a note; the full texts are in the exception
    return QStringLiteral("“%1”").arg(text.size() > shown ? text.left(shown) + QStringLiteral("…") : text);
}

} // namespace

void Store::Impl::requireExpected(qint64 projectId, const QString &where, const AuditFields &stored,
                                  const AuditFields &expected, const AuditFields &written) const
{
    for (size_t i = 0; i < stored.size(); ++i) {
        if (stored[i].second == expected[i].second)
            continue;
        const AuditKey &key = stored[i].first;
        // Who wrote the value now stored: the newest audit row for this very field.
        sql::Statement last(*db,
                            "SELECT actor, time FROM audit WHERE project_id = ?1 AND what = ?2 "
                            "ORDER BY seq DESC LIMIT 1");
        last.bind(1, projectId).bind(2, key.toString());
        const bool known = last.step();
        const QString by = known ? last.text(0) : QString();
        const QString when = known ? last.text(1) : QString();
        const QString &field = key.field;
        throw EditConflict(
            QStringLiteral("%1: the %2 was changed%3 since you last saw it, so your change was not written. "
                           "Now: %4; yours: %5")
                .arg(where, field, known ? QStringLiteral(" by %1 at %2").arg(by, when) : QString(),
                     quoted(stored[i].second), quoted(written[i].second)),
            field, stored[i].second, written[i].second, by);
    }
}

} // namespace preflight
