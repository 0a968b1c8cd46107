#include "export/ReportWriter.h"

#include "export/CsvWriter.h"
#include "export/HtmlWriter.h"
#include "export/JUnitWriter.h"
#include "export/JsonWriter.h"
#include "export/MarkdownWriter.h"

#include <array>
#include <utility>

namespace preflight {

namespace {

struct FormatInfo
{
    ReportFormat format;
    const char *key;
    const char *extension;
};

constexpr std::array<FormatInfo, 6> Formats { {
    { ReportFormat::Markdown, "md", "md" },
    { ReportFormat::Html, "html", "html" },
    { ReportFormat::Json, "json", "json" },
    { ReportFormat::Csv, "csv", "csv" },
    { ReportFormat::JUnit, "junit", "xml" },
    { ReportFormat::Pdf, "pdf", "pdf" },
} };

const FormatInfo &info(ReportFormat format)
{
    for (const FormatInfo &candidate : Formats) {
        if (candidate.format == format)
            return candidate;
    }
    return Formats.front();
}

} // namespace

QString reportFormatKey(ReportFormat format)
{
    return QString::fromLatin1(info(format).key);
}

std::optional<ReportFormat> reportFormatFromKey(const QString &key)
{
    for (const FormatInfo &candidate : Formats) {
        if (key == QLatin1String(candidate.key))
            return candidate.format;
    }
    return std::nullopt;
}

QString reportFormatExtension(ReportFormat format)
{
    return QString::fromLatin1(info(format).extension);
}

bool isTextFormat(ReportFormat format)
{
    return format != ReportFormat::Pdf;
}

std::unique_ptr<ReportWriter> makeTextReportWriter(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Markdown:
        return std::make_unique<MarkdownWriter>();
    case ReportFormat::Html:
        return std::make_unique<HtmlWriter>();
    case ReportFormat::Json:
        return std::make_unique<JsonWriter>();
    case ReportFormat::Csv:
        return std::make_unique<CsvWriter>();
    case ReportFormat::JUnit:
        return std::make_unique<JUnitWriter>();
    case ReportFormat::Pdf:
        break;
    }
    return nullptr;
}

} // namespace preflight
