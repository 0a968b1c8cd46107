#pragma once

#include "export/ReportInput.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace preflight {

enum class ReportFormat { Markdown, Html, Json, Csv, JUnit, Pdf };

QString reportFormatKey(ReportFormat format); // "md", "html", "json", "csv", "junit", "pdf"
std::optional<ReportFormat> reportFormatFromKey(const QString &key);
QString reportFormatExtension(ReportFormat format); // "md", "html", "json", "csv", "xml", "pdf"
bool isTextFormat(ReportFormat format); // every format but PDF can go to stdout

// One class per format behind one small interface. A writer renders the whole report into
// memory; saving it (atomically) is ReportFile's job, so a failed render never touches the disk.
class ReportWriter
{
public:
    virtual ~ReportWriter() = default;
    virtual QByteArray write(const ReportInput &input) const = 0;
};

// The writers of the core (all but PDF, which needs Qt Gui and lives in src/report).
std::unique_ptr<ReportWriter> makeTextReportWriter(ReportFormat format);

} // namespace preflight
