#pragma once

#include "export/ReportWriter.h"

namespace preflight {

// The `preflight status --json` document (StatusJson, unchanged, so scripts reading status can
// read a report too) plus what only a report carries: "report" (generation time, actor,
// generator, audit head), "checklist" (every item with its state, in template order),
// "manual_summary" (states of hand-ticked summary items) and "notes". Risks and sign-offs are
// already complete in the status document ("risks.items", "signoffs").
class JsonWriter : public ReportWriter
{
public:
    QByteArray write(const ReportInput &input) const override;
};

inline constexpr const char *ReportJsonSchema = "preflight.report/1";

} // namespace preflight
