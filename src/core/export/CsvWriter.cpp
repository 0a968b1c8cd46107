#include "export/CsvWriter.h"

#include <QStringList>

namespace preflight {

namespace {

bool startsLikeFormula(const QString &value)
{
    static const QString FormulaStarts = QStringLiteral("=+-@\t\r");
    return !value.isEmpty() && FormulaStarts.contains(value.front());
}

QString field(const QString &value, CsvFormulas formulas)
{
    // OWASP: the quote makes a spreadsheet take the cell as text, and the cell stays quoted so
    // that no reader splits it differently from the rest.
    const bool neutralise = formulas == CsvFormulas::Neutralised && startsLikeFormula(value);
    if (!neutralise && !value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n')
        && !value.contains(u'\r'))
        return value;
    QString quoted = neutralise ? u'\'' + value : value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

} // namespace

QString csvRecord(const QStringList &fields, CsvFormulas formulas)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &value : fields)
        quoted += field(value, formulas);
    return quoted.join(u',') + QStringLiteral("\r\n");
}

CsvWriter::CsvWriter(CsvFormulas formulas)
    : m_formulas(formulas)
{ }

QByteArray CsvWriter::write(const ReportInput &input) const
{
    const ReportModel model(input);
    QString out = csvRecord({ QStringLiteral("category_id"), QStringLiteral("category"), QStringLiteral("severity"),
                              QStringLiteral("section"), QStringLiteral("item_id"), QStringLiteral("parent_id"),
                              QStringLiteral("item"), QStringLiteral("status"), QStringLiteral("na_reason"),
                              QStringLiteral("owner"), QStringLiteral("note"), QStringLiteral("evidence"),
                              QStringLiteral("changed_by"), QStringLiteral("changed_at"), QStringLiteral("recheck"),
                              QStringLiteral("outside_profile") },
                            m_formulas);
    for (const ChecklistRow &row : model.rows()) {
        const ItemState &s = row.state;
        const auto flag = model.state().rechecks.find(row.item->id);
        out += csvRecord({ row.category->id, row.category->title, severityKey(row.category->severity),
                           row.section->title, row.item->id, row.parentId, row.item->text, itemStatusKey(s.status),
                           s.reason, s.owner, s.note, s.evidence, s.changedBy,
                           s.changedAt.isValid() ? s.changedAt.toUTC().toString(Qt::ISODate) : QString(),
                           flag != model.state().rechecks.end() ? flag->second.oldText : QString(),
                           row.outsideProfile ? QStringLiteral("true") : QStringLiteral("false") },
                         m_formulas);
    }
    return out.toUtf8();
}

} // namespace preflight
