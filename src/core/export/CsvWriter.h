#pragma once

#include "export/ReportWriter.h"

namespace preflight {

// How the CSV writes a cell a spreadsheet would run as a formula: one whose text starts with =, +,
// -, @, a tab or a carriage return (OWASP's list for CSV injection).
enum class CsvFormulas {
    Neutralised, // the cell gets a leading ' and is quoted: spreadsheets show the text, run nothing
    Raw, // exactly as typed, for tools that read the file back (`--csv-raw`)
};

// One CSV record (RFC 4180, CRLF-terminated) with each field quoted and neutralised as below; the
// portfolio's CSV shares it.
QString csvRecord(const QStringList &fields, CsvFormulas formulas = CsvFormulas::Neutralised);

// One row per checklist item (nested items included, in template order) with its category,
// severity, section, state, owner, note and evidence. New columns go at the end, so scripts that
// read columns by position keep working: `recheck` holds the wording an answer was given against
// when a template migration flagged it "wording changed — re-check" (empty otherwise), and
// `outside_profile` is true for an item the project's profile leaves out (its status is then na
// with the profile's reason, which a hand-made N/A could repeat word for word).
// RFC 4180: CRLF between records, a field is quoted when it holds a comma, a quote, CR or LF, and
// quotes inside are doubled. UTF-8 without a byte-order mark. Every column is text (ids, keys,
// names, ISO times, true/false): the writer emits no numbers of its own, so a leading - is always
// somebody's text and neutralised like the rest.
class CsvWriter : public ReportWriter
{
public:
    explicit CsvWriter(CsvFormulas formulas = CsvFormulas::Neutralised);
    QByteArray write(const ReportInput &input) const override;

private:
    CsvFormulas m_formulas;
};

} // namespace preflight
