#pragma once

#include "export/ReportWriter.h"

namespace preflight {

// One row per checklist item (nested items included, in template order) with its category,
// severity, section, state, owner, note and evidence. RFC 4180: CRLF between records, a field
// is quoted when it holds a comma, a quote, CR or LF, and quotes inside are doubled. Text is
// written exactly as typed (no formula prefixing), UTF-8 without a byte-order mark.
class CsvWriter : public ReportWriter
{
public:
    QByteArray write(const ReportInput &input) const override;
};

} // namespace preflight
