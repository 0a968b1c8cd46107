#include "import/ReviewTables.h"

#include "export/MarkdownText.h"
#include "import/HeadingMapping.h"

#include <QRegularExpression>

#include <algorithm>
#include <initializer_list>

namespace preflight::import {
namespace {

// A cell's text, empty for what the report writes for nothing ("—") and what a blank form
// leaves ("____").
QString cellText(const QStringList &row, qsizetype column)
{
    if (column < 0)
        return {};
    const QString text = unescapeMarkdown(row.value(column)).trimmed();
    static const QRegularExpression blank(QStringLiteral("^[—–_\\s-]*$"));
    return blank.match(text).hasMatch() ? QString() : text;
}

qsizetype columnOf(const QStringList &header, std::initializer_list<const char *> names)
{
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString name = unescapeMarkdown(header[i]).simplified().toLower();
        for (const char *wanted : names) {
            if (name == QLatin1String(wanted))
                return i;
        }
    }
    return -1;
}

// "🟠 High" as the report writes it, "High" or "🟠" as people do.
std::optional<Severity> severityOf(const QString &text)
{
    const HeadingText parsed = parseHeadingText(text);
    if (const auto word = severityFromKey(parsed.title.toLower()))
        return word;
    return parsed.title == QLatin1String("Untitled") ? parsed.severity : std::nullopt;
}

struct StatusCell
{
    RiskStatus status = RiskStatus::Open;
    QString acceptedBy;
    std::optional<QDate> acceptedUntil;
};

// "Open", "Mitigated", "Closed", and the report's "Accepted (accepted by Ana until 2026-12-01)"
// or, once that date has passed, "Open: acceptance expired (accepted by …)".
std::optional<StatusCell> statusOf(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(open|mitigated|accepted|closed)(:\\s*acceptance expired)?"
                                                           "(?:\\s*\\(accepted by\\s+(.*)\\s+until\\s+(\\S+)\\))?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    StatusCell cell;
    cell.status = *riskStatusFromKey(match.captured(1).toLower());
    if (match.capturedLength(2) > 0)
        cell.status = RiskStatus::Accepted; // its acceptance ran out; the review date says so again
    const QString by = match.captured(3).trimmed();
    cell.acceptedBy = by == QStringLiteral("—") ? QString() : by;
    const QString until = match.captured(4);
    if (!until.isEmpty() && until != QLatin1String("not set")) {
        const QDate date = QDate::fromString(until, Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        cell.acceptedUntil = date;
    }
    return cell;
}

} // namespace

void readRiskTable(const MarkdownBlock &table, std::vector<ImportedRisk> &risks, std::vector<ImportWarning> &warnings)
{
    const QStringList &header = table.cells;
    const qsizetype title = columnOf(header, { "risk", "title", "risk title" });
    if (title < 0)
        return;
    const qsizetype severity = columnOf(header, { "severity" });
    const qsizetype mitigation = columnOf(header, { "mitigation" });
    const qsizetype owner = columnOf(header, { "owner" });
    const qsizetype status = columnOf(header, { "status" });
    const qsizetype links = columnOf(header, { "linked items", "links" });
    static const QRegularExpression example(QStringLiteral("^(example|e\\.g\\.)\\b"),
                                            QRegularExpression::CaseInsensitiveOption);
    for (size_t i = 0; i < table.rows.size(); ++i) {
        const QStringList &row = table.rows[i];
        const int line = table.rowLines.at(i);
        const bool empty
            = std::all_of(row.begin(), row.end(), [&](const QString &cell) { return cellText({ cell }, 0).isEmpty(); });
        ImportedRisk imported { line, {} };
        Risk &risk = imported.risk;
        risk.title = cellText(row, title);
        if (empty || example.match(risk.title).hasMatch())
            continue;
        auto skip = [&](const QString &why) {
            warnings.push_back({ line, QStringLiteral("risk row not imported: %1").arg(why) });
        };
        if (risk.title.isEmpty()) {
            skip(QStringLiteral("its Risk cell is empty"));
            continue;
        }
        const QString severityText = cellText(row, severity);
        const auto level = severityOf(severityText);
        if (!level) {
            skip(QStringLiteral("risk \"%1\" has severity \"%2\", not Critical, High, Medium or Low")
                     .arg(risk.title, severityText));
            continue;
        }
        risk.severity = *level;
        const QString statusText = cellText(row, status);
        const auto state = statusText.isEmpty() ? std::optional(StatusCell {}) : statusOf(statusText);
        if (!state) {
            skip(QStringLiteral("risk \"%1\" has status \"%2\", not Open, Mitigated, Accepted (accepted by NAME "
                                "until YYYY-MM-DD) or Closed")
                     .arg(risk.title, statusText));
            continue;
        }
        risk.status = state->status;
        risk.acceptedBy = state->acceptedBy;
        risk.acceptedUntil = state->acceptedUntil;
        risk.mitigation = cellText(row, mitigation);
        risk.owner = cellText(row, owner);
        for (const QString &id : cellText(row, links).split(u',', Qt::SkipEmptyParts))
            risk.linkedItems.append(id.trimmed());
        risks.push_back(std::move(imported));
    }
}

void readSignOffTable(const MarkdownBlock &table, std::vector<SignOffRow> &rows)
{
    const QStringList &header = table.cells;
    const qsizetype role = columnOf(header, { "role" });
    const qsizetype name = columnOf(header, { "name", "signed by" });
    if (role < 0 || name < 0)
        return;
    const qsizetype decision = columnOf(header, { "decision" });
    const qsizetype date = columnOf(header, { "date" });
    for (size_t i = 0; i < table.rows.size(); ++i) {
        const QStringList &row = table.rows[i];
        SignOffRow signoff { table.rowLines.at(i), cellText(row, role), cellText(row, name), cellText(row, decision),
                             cellText(row, date) };
        if (!signoff.name.isEmpty())
            rows.push_back(std::move(signoff));
    }
}

} // namespace preflight::import
