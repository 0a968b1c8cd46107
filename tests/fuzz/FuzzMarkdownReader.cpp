// libFuzzer target: the Markdown checklist reader. Any input either fails with preflight::Error or
// yields a template that the JSON loader accepts as it is; anything else is a bug.

#include "Error.h"
#include "import/MarkdownImport.h"
#include "templates/TemplateLoader.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    preflight::import::ImportPreview preview;
    try {
        preview = preflight::import::importMarkdown(bytes, QStringLiteral("fuzz.md"));
    } catch (const preflight::Error &) {
        return 0;
    }
    const std::string json = preflight::templateToJson(preview.tmpl).dump();
    try {
        preflight::parseTemplate(QByteArray::fromStdString(json), QStringLiteral("imported.json"));
    } catch (const preflight::Error &) {
        std::abort(); // the importer produced a template the loader refuses
    }
    return 0;
}
