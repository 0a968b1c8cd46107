#include "export/CsvWriter.h"

#include <QStringList>

namespace preflight {

namespace {

QString field(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString record(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &value : fields)
        quoted += field(value);
    return quoted.join(u',') + QStringLiteral("\r\n");
}

} // namespace

QByteArray CsvWriter::write(const ReportInput &input) const
{
    const ReportModel model(input);
    QString out = record({ QStringLiteral("category_id"), QStringLiteral("category"), QStringLiteral("severity"),
                           QStringLiteral("section"), QStringLiteral("item_id"), QStringLiteral("parent_id"),
                           QStringLiteral("item"), QStringLiteral("status"), QStringLiteral("na_reason"),
                           QStringLiteral("owner"), QStringLiteral("note"), QStringLiteral("evidence"),
                           QStringLiteral("changed_by"), QStringLiteral("changed_at") });
    for (const ChecklistRow &row : model.rows()) {
        const ItemState &s = row.state;
        out += record({ row.category->id, row.category->title, severityKey(row.category->severity), row.section->title,
                        row.item->id, row.parentId, row.item->text, itemStatusKey(s.status), s.reason, s.owner, s.note,
                        s.evidence, s.changedBy,
                        s.changedAt.isValid() ? s.changedAt.toUTC().toString(Qt::ISODate) : QString() });
    }
    return out.toUtf8();
}

} // namespace preflight
